#!/usr/bin/env python3
"""Generate unique labelled (gold, pred, label) pairs of realistic shapes, with a fixed seed.

Usage: gen_pairs.py OUT.jsonl [N]   (default N = 12000)

Shapes: short answers (boxed, "The answer is $...$", plain) and ~2k-character chain-of-thought
completions ending in a boxed answer. Each pair is built from a gold answer of one of many kinds
(integers, fractions, decimals, radicals, multiples of pi, polynomials, sets, intervals, points,
equations, percentages, degrees, units, multiple choice) and either an equivalent rendering
(label true) or a perturbed answer (label false). The label is the mathematical truth under the
reference policy (unreduced fractions accepted, bare lists as sets, percent either way).
"""
import json
import random
import sys
from fractions import Fraction

SEED = 20240611
rng = random.Random(SEED)

FILLER = [
    "Let's carefully read the problem and identify what is being asked.",
    "We start by writing down the given quantities and the relation between them.",
    "Substituting the known values, we simplify the expression step by step.",
    "Next, we collect like terms and move everything to one side of the equation.",
    "We check the arithmetic again to make sure no sign error slipped in.",
    "Factoring the expression gives a cleaner form that is easier to handle.",
    "Now we consider the constraints from the problem statement to rule out extraneous cases.",
    "Multiplying both sides by the common denominator removes the fractions.",
    "This matches the pattern we expected, so we can proceed with confidence.",
    "Let me double-check by plugging the value back into the original equation.",
]
MATH_BITS = [
    r"$x^2 - 5x + 6 = 0$", r"$\frac{a+b}{2}$", r"$2\cdot 3 = 6$", r"$\sqrt{16} = 4$",
    r"$(x-2)(x-3)$", r"$3 + 4 = 7$", r"$\pi r^2$", r"$\binom{5}{2} = 10$", r"$a_n = a_1 + (n-1)d$",
]


def cot(final: str, target_len: int) -> str:
    parts = []
    n = 0
    while n < target_len:
        s = rng.choice(FILLER)
        if rng.random() < 0.4:
            s += " We get " + rng.choice(MATH_BITS) + "."
        parts.append(s)
        n += len(s) + 1
    body = " ".join(parts)
    if rng.random() < 0.3:
        body = "<think>" + body + "</think>\n"
    ending = rng.choice([
        f"\n\nTherefore, the final answer is $\\boxed{{{final}}}$.",
        f"\n\nSo the answer is $\\boxed{{{final}}}$.",
        f"\n\n**Final Answer**\n\\[\\boxed{{{final}}}\\]",
    ])
    return body + ending


def short(final: str) -> str:
    return rng.choice([
        f"\\boxed{{{final}}}",
        f"The answer is $\\boxed{{{final}}}$.",
        f"The final answer is ${final}$. I hope it is correct.",
        f"$\\boxed{{{final}}}$",
        final,
    ])


# ---- answer kinds: each returns (gold, [equivalent renderings], [wrong answers]) ----

def k_int():
    n = rng.choice([rng.randint(-50, 50), rng.randint(0, 10**4), rng.randint(10**4, 10**9)])
    eq = [str(n), f"{n}.0", f"x = {n}", f"\\frac{{{2 * n}}}{{2}}"]
    if abs(n) >= 1000:
        eq.append(f"{n:,}")
    wrong = [str(n + rng.choice([-1, 1, 2, 10])), str(-n) if n != 0 else "1", f"{n}.5"]
    return str(n), eq, wrong


def k_frac():
    b = rng.randint(2, 40)
    a = rng.randint(1, 60)
    f = Fraction(a, b)
    if f.denominator == 1:
        f = Fraction(a * 2 + 1, b * 2 + 1)
    a, b = f.numerator, f.denominator
    s = rng.choice([1, -1])
    sa = "-" if s < 0 else ""
    gold = f"{sa}\\frac{{{a}}}{{{b}}}"
    k = rng.randint(2, 5)
    eq = [f"{sa}\\dfrac{{{a}}}{{{b}}}", f"{sa}{a}/{b}", f"\\frac{{{s * a}}}{{{b}}}", f"{sa}\\frac{{{k * a}}}{{{k * b}}}"]
    if all(p in (2, 5) for p in factor(b)):
        eq.append(str(float(Fraction(s * a, b))) if len(str(float(Fraction(a, b)))) < 12 else f"{sa}{a}/{b}")
    wrong = [f"{sa}\\frac{{{b}}}{{{a}}}" if a != b else "0", f"{sa}\\frac{{{a + 1}}}{{{b}}}", f"{sa}\\frac{{{a}}}{{{b + 1}}}",
             f"{'-' if s > 0 else ''}\\frac{{{a}}}{{{b}}}"]
    return gold, eq, wrong


def factor(n):
    out, p = [], 2
    while p * p <= n:
        while n % p == 0:
            out.append(p)
            n //= p
        p += 1
    if n > 1:
        out.append(n)
    return out


def k_decimal():
    whole = rng.randint(0, 999)
    dec = rng.randint(1, 99)
    v = f"{whole}.{dec:02d}"
    f = Fraction(v)
    eq = [v, f"{v}0", f"\\frac{{{f.numerator}}}{{{f.denominator}}}"]
    wrong = [f"{whole}.{(dec + 1) % 100:02d}", f"{whole + 1}.{dec:02d}", str(whole)]
    return v, eq, wrong


def squarefree():
    return rng.choice([2, 3, 5, 6, 7, 10, 11, 13, 14, 15, 17, 19, 21, 22, 23])


def k_radical():
    k = rng.randint(2, 9)
    m = squarefree()
    gold = f"{k}\\sqrt{{{m}}}"
    eq = [f"\\sqrt{{{k * k * m}}}", (f"{k} \\sqrt {m}" if m < 10 else f"{k} \\sqrt{{ {m} }}"), f"\\sqrt{{{m}}} \\cdot {k}", f"{k}√{m}"]
    wrong = [f"\\sqrt{{{k * m}}}", f"{k + 1}\\sqrt{{{m}}}", f"{k}\\sqrt{{{m + 1}}}", f"\\sqrt{{{k * k * m + 1}}}"]
    return gold, eq, wrong


def k_pi():
    a = rng.randint(1, 12)
    b = rng.choice([2, 3, 4, 5, 6, 8, 12])
    f = Fraction(a, b)
    a, b = f.numerator, f.denominator
    if b == 1:
        gold = f"{a}\\pi"
        eq = [f"\\pi \\cdot {a}", f"{a}π", f"\\frac{{{2 * a}\\pi}}{{2}}"]
        wrong = [f"{a + 1}\\pi", f"\\frac{{{a}\\pi}}{{2}}", str(a)]
    else:
        gold = f"\\frac{{{a}\\pi}}{{{b}}}"
        eq = [f"\\frac{{{a}}}{{{b}}}\\pi", f"{a}\\pi/{b}", f"\\dfrac{{{a} \\pi}}{{{b}}}"]
        wrong = [f"\\frac{{{a}\\pi}}{{{b + 1}}}", f"\\frac{{{a}}}{{{b}}}", f"\\frac{{{b}\\pi}}{{{a}}}" if a != b else "\\pi"]
    return gold, eq, wrong


def k_poly():
    a = rng.randint(-9, 9)
    b = rng.randint(-9, 9)
    v = rng.choice("xyt")
    def lin(c):
        return f"({v} {'+' if c >= 0 else '-'} {abs(c)})"
    s, p = a + b, a * b
    def term(c, pw):
        if c == 0:
            return ""
        sign = "+" if c > 0 else "-"
        mag = "" if abs(c) == 1 and pw else str(abs(c))
        return f" {sign} {mag}{pw}"
    expanded = f"{v}^2{term(s, v)}{term(p, '')}".strip()
    gold = expanded
    eq = [f"{lin(a)}{lin(b)}", f"{lin(b)}{lin(a)}", expanded.replace(f"{v}^2", f"{v}^{{2}}")]
    wrong = [f"{lin(a)}{lin(b + 1)}", f"{v}^2{term(s + 1, v)}{term(p, '')}", f"{lin(-a)}{lin(b)}" if a != 0 else f"{lin(1)}{lin(b)}"]
    return gold, eq, wrong


def k_set():
    n = rng.randint(2, 4)
    xs = rng.sample(range(-20, 30), n)
    perm = xs[:]
    rng.shuffle(perm)
    while perm == xs and n > 1:
        rng.shuffle(perm)
    join = lambda v: ", ".join(str(x) for x in v)
    gold = f"\\{{{join(xs)}\\}}"
    eq = [f"\\{{{join(perm)}\\}}", join(perm), f"\\left\\{{{join(xs)}\\right\\}}"]
    bad = xs[:]
    bad[0] += 1
    wrong = [f"\\{{{join(bad)}\\}}", f"\\{{{join(xs[:-1])}\\}}", join(bad)]
    return gold, eq, wrong


def k_interval():
    a = rng.randint(-20, 10)
    b = a + rng.randint(1, 15)
    lo, hi = rng.choice(["(", "["]), rng.choice([")", "]"])
    gold = f"{lo}{a}, {b}{hi}"
    eq = [f"\\left{lo}{a},{b}\\right{hi}", f"{lo}{a} , {b}{hi}"]
    if rng.random() < 0.3:
        gold = f"(-\\infty, {b})" if hi == ")" else f"(-\\infty, {b}]"
        eq = [gold.replace(" ", ""), gold.replace("\\infty", "\\infty ")]
        wrong = [gold.replace(str(b), str(b + 1)), gold.replace("(-\\infty", "[0")]
        return gold, eq, wrong
    flip = {"(": "[", "[": "(", ")": "]", "]": ")"}
    wrong = [f"{flip[lo]}{a}, {b}{hi}", f"{lo}{a}, {b}{flip[hi]}", f"{lo}{a}, {b + 1}{hi}"]
    return gold, eq, wrong


def k_point():
    a, b = rng.randint(-15, 15), rng.randint(-15, 15)
    while a == b:
        b += 1
    gold = f"({a}, {b})"
    eq = [f"\\left({a},{b}\\right)", f"({a},{b})", f"(\\frac{{{2 * a}}}{{2}}, {b})"]
    wrong = [f"({b}, {a})", f"({a}, {b + 1})", f"({a + 1}, {b})"]
    return gold, eq, wrong


def k_equation():
    m = rng.randint(-6, 6) or 2
    c = rng.randint(-9, 9)
    gold = f"y = {m}x {'+' if c >= 0 else '-'} {abs(c)}"
    eq = [f"y = {c} + {m}x".replace("+ -", "- "), f"{m}x - y {'+' if c >= 0 else '-'} {abs(c)} = 0", f"{2 * m}x - 2y {'+' if c >= 0 else '-'} {abs(2 * c)} = 0"]
    wrong = [f"y = {m}x {'+' if c < 0 else '-'} {abs(c) or 1}", f"y = {m + 1}x {'+' if c >= 0 else '-'} {abs(c)}", f"{m}x + y {'+' if c >= 0 else '-'} {abs(c)} = 0"]
    return gold, eq, wrong


def k_percent():
    p = rng.choice([5, 10, 12.5, 20, 25, 30, 40, 50, 60, 75, 80, 90])
    ps = f"{p:g}"
    gold = f"{ps}\\%"
    eq = [ps, f"{ps}%", str(Fraction(str(p)) / 100) if rng.random() < 0.5 else f"{p / 100:g}"]
    eq = [e.replace("/", "/") for e in eq]
    wrong = [f"{p + 5:g}\\%", f"{p + 1:g}"]
    return gold, eq, wrong


def k_degree():
    d = rng.choice([15, 30, 36, 45, 60, 72, 90, 108, 120, 135, 150])
    gold = f"{d}^\\circ"
    eq = [str(d), f"{d}^{{\\circ}}", f"{d}°", f"{d} degrees"]
    wrong = [str(d + 5), f"{180 - d}^\\circ" if d != 90 else "45"]
    return gold, eq, wrong


def k_unit():
    n = rng.randint(1, 500)
    u = rng.choice(["cm", "meters", "dollars", "hours", "inches", "km"])
    gold = str(n)
    eq = [f"{n} \\text{{ {u}}}", f"{n} {u}", f"\\${n}" if u == "dollars" else f"{n}\\,\\text{{{u}}}"]
    wrong = [f"{n + 1} \\text{{ {u}}}", f"{n * 10} {u}"]
    return gold, eq, wrong


def k_choice():
    L = rng.choice("ABCDE")
    gold = L
    eq = [f"({L})", f"\\text{{({L})}}", L]
    others = [x for x in "ABCDE" if x != L]
    wrong = [f"({rng.choice(others)})", rng.choice(others)]
    return gold, eq, wrong


def k_pm():
    a = rng.randint(-5, 5)
    m = squarefree()
    gold = f"{a} \\pm \\sqrt{{{m}}}"
    eq = [f"{a} + \\sqrt{{{m}}}, {a} - \\sqrt{{{m}}}", f"{a}-\\sqrt{{{m}}}, {a}+\\sqrt{{{m}}}"]
    wrong = [f"{a} + \\sqrt{{{m}}}", f"{a + 1} \\pm \\sqrt{{{m}}}"]
    return gold, eq, wrong


KINDS = [(k_int, 18), (k_frac, 14), (k_decimal, 6), (k_radical, 8), (k_pi, 6), (k_poly, 6), (k_set, 6),
         (k_interval, 6), (k_point, 6), (k_equation, 4), (k_percent, 4), (k_degree, 4), (k_unit, 4),
         (k_choice, 4), (k_pm, 4)]
WEIGHTED = [k for k, w in KINDS for _ in range(w)]


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 12000
    seen = set()
    rows = []
    while len(rows) < n:
        kind = rng.choice(WEIGHTED)
        gold, eq, wrong = kind()
        label = rng.random() < 0.55
        ans = rng.choice(eq if label else wrong)
        if rng.random() < 0.4:
            pred = cot(ans, rng.randint(1500, 2300))
        else:
            pred = short(ans)
        gold_txt = gold if rng.random() < 0.7 else f"\\boxed{{{gold}}}"
        key = (gold_txt, pred)
        if key in seen:
            continue
        seen.add(key)
        rows.append({"gold": gold_txt, "pred": pred, "label": label, "kind": kind.__name__[2:]})
    with open(out, "w") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} unique pairs to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
