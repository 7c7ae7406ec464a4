#!/usr/bin/env python3
"""Source of tests/data/golden.jsonl: the team's labelled (gold, pred, expected) cases.

Run `python3 golden_src.py > golden.jsonl` after editing. Each row has a one-line `reason`.
`options` (optional) overrides fields of the default Options for that row.
"""
import json, sys

E, N = "equal", "not_equal"
rows = []

def add(cat, gold, pred, exp, reason, options=None):
    r = {"id": f"{cat}_{len(rows):04d}", "category": cat, "gold": gold, "pred": pred,
         "expected": exp, "reason": reason}
    if options:
        r["options"] = options
    rows.append(r)

# ---------------- extraction ----------------
X = "extraction"
add(X, r"\boxed{5}", r"So the answer is $\boxed{5}$.", E, "boxed in a sentence")
add(X, "5", r"First we get \boxed{3}, then correct it: \boxed{5}", E, "last boxed wins")
add(X, "3", r"First we get \boxed{3}, then correct it: \boxed{5}", E, "first boxed with match_policy first", {"match_policy": "first"})
add(X, "3", r"First we get \boxed{3}, then correct it: \boxed{5}", N, "last boxed wins (5 != 3)")
add(X, r"\frac{1}{2}", r"\boxed{\frac{1}{2}}", E, "nested braces in boxed")
add(X, r"\{1,2\}", r"The set is \boxed{\{1,2\}}.", E, "escaped braces inside boxed")
add(X, "7", r"\fbox{7}", E, "fbox is a box")
add(X, "7", r"The final answer is $7$. I hope it is correct.", E, "Minerva anchor")
add(X, "7", "Some reasoning here.\nAnswer: 7", E, "Answer: line")
add(X, "72", "Natalia sold 48 clips in April. She sold half as many in May.\n#### 72", E, "GSM8K #### line")
add(X, "1000", "We add the numbers up. The total is large.\n#### 1,000", E, "#### with thousands separator")
add(X, "12", "<think>maybe \\boxed{10}</think> The answer is \\boxed{12}", E, "text after </think> only")
add(X, "10", "<think>maybe \\boxed{10}</think> The answer is \\boxed{12}", N, "boxed inside think ignored")
add(X, "10", "<think>maybe \\boxed{10}</think> The answer is \\boxed{12}", N, "whole text, last boxed is 12", {"think": "ignore"})
add(X, "4", "no think tag here \\boxed{4}", "no_pred_answer", "think=require needs </think>", {"think": "require"})
add(X, "4", "<think>hmm</think>\\boxed{4}", E, "think=require with tag")
add(X, r"\boxed{\sqrt{2}}", r"$\sqrt{2}$", E, "gold boxed, pred math env")
add(X, r"$\sqrt{2}$", r"\boxed{\sqrt{2}}", E, "gold in $ delimiters")
add(X, "2", r"We find \(x = 2\) after simplifying. That is all there is to it. Nothing more to add here.", E, "inline \\( \\) environment")
add(X, "9", r"Therefore, we get \[ 9 \] as the result. Nothing more to add. Done with the work now.", E, "display \\[ \\] environment")
add(X, "42", "After a lot of work, which took many steps. The count is 42 apples in total.", E, "fallback: last number")
add(X, "42", "After a lot of work, which took many steps. The count is 42 apples in total.", "no_pred_answer", "fallback disabled", {"fallback_last_number": False})
add(X, "5", "", "no_pred_answer", "empty prediction")
add(X, "", "5", "no_gold_answer", "empty gold")
add(X, "5", "   \n  ", "no_pred_answer", "whitespace prediction")
add(X, r"\frac{3}{4}", r"The answer is \boxed{\dfrac{3}{4}}.", E, "dfrac inside boxed")
add(X, "6", r"\boxed 6$", E, "\\boxed without braces")
add(X, "-3", r"So $x=-3$. The final answer is $-3$", E, "anchor then math env")
add(X, "8", "The answer is: 8.", E, "answer is: with trailing period")
add(X, "8", "**Final Answer:** 8", E, "markdown bold anchor")
add(X, r"\boxed{\boxed{3}}", "3", E, "doubly boxed gold")
add(X, "3", r"\boxed{x = 3}", E, "assignment inside boxed")
add(X, "11", "the answer is 11", E, "lowercase anchor")
add(X, "11", "THE ANSWER IS 11", E, "uppercase anchor")
add(X, "24", r"We compute $4! = 24$, so the answer is $\boxed{24}$.", E, "boxed after inline math")
# ---------------- multiple choice ----------------
C = "choice"
add(C, "B", "The answer is (B).", E, "letter in parens")
add(C, "B", r"\boxed{B}", E, "boxed letter")
add(C, "B", r"\boxed{\text{(B)}}", E, "text-wrapped letter")
add(C, r"\text{(C)}", "C", E, "gold written as \\text{(C)}")
add(C, "C", "(C) 42", E, "letter followed by option text")
add(C, "D", "The answer is (B).", N, "different letter")
add(C, "A", r"\boxed{A}", E, "boxed A")
add(C, "E", r"I think it's (E)", E, "last (X) in text")
add(C, "A", "I think it's (B), not (A)... wait, (A)", E, "last (X) pattern")
add(C, "B", "no letter at all here", "no_pred_answer", "no choice letter")
add(C, "(B)", r"\textbf{B}", E, "bold letter")
add(C, "B", "B.", E, "letter with period")
# ---------------- numbers ----------------
NUM = "numbers"
def many(cat, items):
    for t in items:
        add(cat, *t)

many(NUM, [
    ("10", "10.0", E, "trailing .0"), ("10", "10.00", E, "trailing zeros"), ("1000", "1,000", E, "thousands separator"),
    ("1000000", "1,000,000", E, "two separators"), ("1234567", "1{,}234{,}567", E, "LaTeX {,} separators"),
    ("1000", r"1\,000", E, "thin space separator"), ("0.5", ".5", E, "leading dot"), ("0.05", ".05", E, "leading dot with zero"),
    ("-3", "-3.0", E, "negative decimal"), ("-3", "- 3", E, "sign with space"), ("3", "+3", E, "explicit plus"),
    ("1500", "1.5e3", E, "scientific e"), ("1500", r"1.5 \times 10^{3}", E, "scientific times"), ("0.0015", "1.5E-3", E, "negative exponent"),
    ("1500", r"1.5\cdot 10^3", E, "scientific cdot"), ("12345678901234567890123", "12345678901234567890123", E, "big integer"),
    ("12345678901234567890123", "12345678901234567890124", N, "big integers differ by one"),
    ("123456789012345678901234567890", "1.23456789012345678901234567890e29", E, "exact big scientific"),
    ("0.1", "0.10000000000000001", E, "a float artifact agrees to 6 decimals (float_digits)"), ("0.1", "0.10000000000000001", N, "exact decimals differ with float_digits off", {"float_digits": 0}), ("1/3", "0.3333", N, "no rounding by default"),
    ("1/3", "0.3333", E, "rounded decimals policy", {"accept_rounded_decimals": True}),
    ("1/3", "0.3", N, "too few decimals for rounding", {"accept_rounded_decimals": True}),
    ("1/3", "0.34", N, "wrongly rounded", {"accept_rounded_decimals": True}),
    (r"\frac{\pi}{2}", "1.5708", N, "exact by default"), (r"\frac{\pi}{2}", "1.5708", E, "rel_tol 1e-4", {"rel_tol": 1e-4}),
    (r"\pi", "3.14", E, "rounded pi accepted with rounding policy", {"accept_rounded_decimals": True}),
    (r"\pi", "3.15", N, "3.15 is not pi rounded", {"accept_rounded_decimals": True}),
    ("2", "2.0000001", E, "agrees to 6 decimals (float_digits)"), ("2", "2.0000001", N, "exact when float_digits is off", {"float_digits": 0}), ("2", "2.00001", N, "differs in the 5th decimal"), ("7", "007", E, "leading zeros"),
    ("50", r"50\%", E, "percent stripped"), ("0.5", r"50\%", E, "percent as fraction"), (r"50\%", "0.5", E, "gold percent as fraction"),
    (r"50\%", "50", E, "gold percent stripped"), ("0.5", r"50\%", N, "strip policy: 50 != 0.5", {"percent": "strip"}),
    ("50", r"50\%", N, "fraction policy: 1/2 != 50", {"percent": "fraction"}), ("25", "25%", E, "plain percent sign"),
    (r"12.5\%", r"\frac{1}{8}", E, "decimal percent"), ("30", r"30^\circ", E, "degrees stripped"), ("30", r"30^{\circ}", E, "degrees braced"),
    ("45", "45°", E, "unicode degree"), (r"90^\circ", "90", E, "gold degrees"), ("-7", "−7", E, "unicode minus"),
    (r"\frac{5}{2}", r"2\frac{1}{2}", E, "mixed number"), (r"\frac{5}{2}", "2 1/2", E, "plain mixed number"),
    ("1", r"2\frac{1}{2}", N, "mixed number not product"), (r"\frac{23}{4}", r"5\frac{3}{4}", E, "mixed 5 3/4"),
    ("1", r"2\frac{1}{2}", E, "mixed_numbers off means product", {"mixed_numbers": False}),
    ("3", "3.", E, "trailing period"), ("0", "-0", E, "negative zero"), ("0", "0.000", E, "zero decimal"),
    ("100", "1e2", E, "1e2"), ("2", "2e0", E, "e0"), ("10", "1e1", E, "1e1"),
    (r"\infty", r"\infty", E, "infinity"), (r"\infty", "∞", E, "unicode infinity"), (r"-\infty", r"\infty", N, "sign of infinity"),
    (r"\infty", "inf", E, "word inf"), ("5", "five", N, "number words not read"),
])

# ---------------- LaTeX and plain-text expressions ----------------
L = "latex"
many(L, [
    (r"\frac{1}{2}", r"\dfrac{1}{2}", E, "dfrac"), (r"\frac{1}{2}", r"\tfrac12", E, "tfrac with single-char args"),
    (r"\frac{1}{2}", r"\frac12", E, "frac12 shorthand"), (r"\frac{1}{2}", "1/2", E, "slash fraction"),
    (r"\frac{1}{2}", r"\frac{2}{4}", E, "unreduced accepted by default"),
    (r"\frac{1}{2}", r"\frac{2}{4}", N, "PRM800K rejects unreduced fractions", {"accept_unreduced_fractions": False}),
    (r"\frac{1}{2}", "2/4", N, "unreduced slash fraction rejected", {"accept_unreduced_fractions": False}),
    (r"\frac{1}{2}", "0.5", E, "decimal equal to fraction"), (r"\frac{1}{3}", "0.5", N, "wrong fraction"),
    (r"\frac{-1}{2}", r"-\frac{1}{2}", E, "sign placement"), (r"\frac{1}{-2}", "-0.5", E, "negative denominator"),
    (r"2\sqrt{3}", r"\sqrt{12}", E, "radical canonical form"), (r"\sqrt{12}", r"2\sqrt3", E, "sqrt3 shorthand"),
    (r"3\sqrt{2}", r"\sqrt{18}", E, "sqrt 18"), (r"\sqrt{8}", r"2\sqrt{2}", E, "sqrt 8"), (r"\sqrt{8}", r"3\sqrt{2}", N, "wrong coefficient"),
    (r"\frac{\sqrt{2}}{2}", r"\frac{1}{\sqrt{2}}", E, "rationalised denominator"), (r"\frac{\sqrt{3}}{3}", r"\frac{1}{\sqrt3}", E, "1/sqrt3"),
    (r"\sqrt{2}-1", r"\frac{1}{1+\sqrt{2}}", E, "conjugate"), (r"\sqrt{2}+\sqrt{3}", r"\sqrt{3}+\sqrt{2}", E, "commutative radicals"),
    (r"\sqrt{6}", r"\sqrt{2}\sqrt{3}", E, "product of radicals"), (r"\sqrt{6}", r"\sqrt{2}\cdot\sqrt{3}", E, "product with cdot"),
    (r"\sqrt[3]{16}", r"2\sqrt[3]{2}", E, "cube root"), (r"\sqrt[3]{-8}", "-2", E, "odd root of a negative"),
    (r"\sqrt[4]{4}", r"\sqrt{2}", E, "index reduction"), (r"\sqrt{\frac{1}{4}}", r"\frac12", E, "root of a fraction"),
    (r"\sqrt{2}", "1.414", N, "irrational vs decimal"), (r"\sqrt{2}", "√2", E, "unicode root"),
    (r"\sqrt{-4}", "2i", E, "imaginary root"), ("i^2", "-1", E, "i squared"), ("(1+i)^2", "2i", E, "complex square"),
    (r"\frac{1}{i}", "-i", E, "1/i"), ("3+4i", "4i+3", E, "complex commutative"), ("3+4i", "3-4i", N, "conjugate differs"),
    (r"2^{10}", "1024", E, "power"), ("2^10", "1024", E, "plain power"), ("2**10", "1024", E, "python power"),
    (r"2^{-1}", "0.5", E, "negative exponent"), (r"4^{1/2}", "2", E, "fractional exponent"), (r"8^{2/3}", "4", E, "2/3 exponent"),
    (r"27^{\frac{1}{3}}", "3", E, "frac exponent"), (r"x^{2}", "x^2", E, "braced exponent"),
    (r"3 \cdot 4", "12", E, "cdot"), (r"3 \times 4", "12", E, "times"), (r"12 \div 4", "3", E, "div"), ("3×4", "12", E, "unicode times"),
    ("12÷4", "3", E, "unicode div"), ("2(3+4)", "14", E, "implicit multiplication with parens"), ("(2)(3)", "6", E, "adjacent parens"),
    (r"2\pi", r"\pi \cdot 2", E, "implicit times pi"), (r"2\pi", "2π", E, "unicode pi"), (r"\pi r^2", r"r^2\pi", E, "commutative product"),
    (r"\frac{\pi}{6}", r"\pi/6", E, "pi over 6"), (r"\frac{\pi}{6}", r"\frac{\pi}{3}", N, "different multiples of pi"),
    (r"\left(\frac{1}{2}\right)", "0.5", E, "left right"), (r"\left[ 1, 2 \right]", "[1,2]", E, "left right brackets"),
    (r"5\!", "5", E, "negative space"), (r"1\,234", "1234", E, "thin space thousand"), (r"\displaystyle \frac{1}{2}", "1/2", E, "displaystyle"),
    ("5!", "120", E, "factorial"), ("0!", "1", E, "zero factorial"), (r"\frac{10!}{8!}", "90", E, "factorial ratio"),
    (r"\binom{5}{2}", "10", E, "binomial"), (r"\dbinom{10}{3}", "120", E, "dbinom"), (r"\binom{4}{5}", "0", E, "binomial k>n"),
    (r"\binom{n}{2}", r"\frac{n(n-1)}{2}", E, "symbolic binomial vs polynomial (numeric fallback)"),
    (r"|-3|", "3", E, "absolute value"), (r"\left|-5\right|", "5", E, "left right abs"),
    (r"e^{0}", "1", E, "e to zero"), (r"e^{2}", r"e\cdot e", E, "e squared"), (r"\ln(e)", "1", E, "ln e"), (r"\ln e^{3}", "3", E, "ln e^3"),
    (r"\log_2 8", "3", E, "log base 2"), (r"\log_{10} 1000", "3", E, "log base 10"), (r"\log_3 81", "4", E, "log base 3"),
    (r"\log_2 8", "4", N, "wrong log value"), (r"\ln 1", "0", E, "ln 1"), (r"\ln 2 + \ln 3", r"\ln 6", E, "log identity (numeric)"),
    (r"\sin\frac{\pi}{6}", r"\frac12", E, "sin pi/6"), (r"\cos 0", "1", E, "cos 0"), (r"\tan\frac{\pi}{4}", "1", E, "tan pi/4"),
    (r"\sin^2 x + \cos^2 x", "1", E, "Pythagorean identity"), (r"\sin 2x", r"2\sin x\cos x", E, "double angle"),
    (r"\sin x", r"\cos x", N, "different functions"), (r"\arcsin 1", r"\frac{\pi}{2}", E, "arcsin"), (r"\sin^{-1}(1)", r"\frac{\pi}{2}", E, "sin^-1 is arcsin"),
    (r"\exp(1)", "e", E, "exp 1"), (r"e^{i\pi}", "-1", E, "Euler identity (numeric)"),
    (r"\sqrt{3+2\sqrt{2}}", r"1+\sqrt{2}", E, "denesting (numeric fallback)"), (r"\sqrt{3+2\sqrt{2}}", r"2+\sqrt{2}", N, "wrong denesting"),
    ("x^2+1", "1+x^2", E, "commutative sum"), ("(x+1)^2", "x^2+2x+1", E, "expansion"), ("(x+1)^2", "x^2+x+1", N, "wrong expansion"),
    ("(a+b)(a-b)", "a^2-b^2", E, "difference of squares"), ("x(x+1)", "x^2+x", E, "distribution"),
    (r"\frac{x^2-1}{x-1}", "x+1", E, "rational function cancels"), (r"\frac{1}{x}+\frac{1}{y}", r"\frac{x+y}{xy}", E, "sum of fractions"),
    (r"\frac{x}{2}", "0.5x", E, "decimal coefficient"), ("2x", "x2", E, "implicit product order"), ("xy", "yx", E, "letter product"),
    ("2x+3y", "3y+2x", E, "two variables"), ("2x+3y", "2y+3x", N, "swapped coefficients"), ("x_1 + x_2", "x_2+x_1", E, "subscripted names"),
    ("x_1", "x_2", N, "different subscripts"), (r"a_{10}", "a_{10}", E, "braced subscript"), (r"\alpha + \beta", r"\beta+\alpha", E, "greek"),
    (r"2\theta", r"\theta\cdot 2", E, "greek with coefficient"), ("(x-1)^3", "x^3-3x^2+3x-1", E, "cube expansion"),
    ("x^2-5x+6", "(x-2)(x-3)", E, "factored quadratic"), ("x^2-5x+6", "(x-2)(x+3)", N, "wrong factoring"),
    (r"\frac{2}{3}x", r"\frac{2x}{3}", E, "fraction coefficient"), (r"x^{-1}", r"\frac{1}{x}", E, "negative power of variable"),
    (r"\sqrt{x^2}", "x", N, "sqrt(x^2) is |x|, not x (random points of both signs)") ,
    ("x^{1/2}", r"\sqrt{x}", E, "fractional power of a variable (numeric)"), ("3x^2", "3x²", E, "unicode superscript"),
    (r"\frac{3}{4}", "3/4", E, "slash"), ("1/2/2", "0.25", E, "left-associative division"), ("2^3^2", "512", E, "right-associative power"),
    ("-2^2", "-4", E, "unary minus binds looser than power"), ("(-2)^2", "4", E, "parenthesised base"),
    (r"\frac{1}{2}+\frac{1}{3}", r"\frac{5}{6}", E, "sum of fractions"), (r"\frac{1}{2}\cdot\frac{2}{3}", r"\frac13", E, "product of fractions"),
    (r"\frac{\frac{1}{2}}{\frac{1}{4}}", "2", E, "nested fractions"), ("0.1+0.2", "0.3", E, "exact decimals (no float error)"),
    (r"\frac{1}{3}+\frac{1}{3}+\frac{1}{3}", "1", E, "exact thirds"),
    (r"\frac{\sqrt{6}-\sqrt{2}}{4}", r"\sin 15^\circ", E, "degrees inside trig become radians"),
    (r"\frac{1}{2}", r"\cos 60^{\circ}", E, "cos 60 degrees"), (r"\frac{1}{2}", r"\cos 60", N, "cos of 60 radians"),
    (r"\mathbb{R}", r"(-\infty,\infty)", E, "the real line"), ("(2,3)", "x=2, y=3", E, "system solution as assignments"),
    (r"\frac{x}{0}", "1", N, "division by zero is not a number"), ("i", r"\sqrt{-1}", E, "sqrt of -1"),
    (r"\$1.50", "1.5", E, "dollar amount"), (r"2 \times 10^{5}", "200,000", E, "scientific vs separators"),
])
# ---------------- units and text ----------------
U = "units"
many(U, [
    ("12", r"12 \text{ cm}", E, "text unit"), ("12", r"12\text{cm}^2", E, "squared unit"), ("5", r"5\mathrm{kg}", E, "mathrm unit"),
    ("20", "20 dollars", E, "plain unit word"), ("20", r"\$20", E, "dollar sign"), ("3", "3 hours", E, "hours"), ("3", "3 ways", E, "ways"),
    ("7", r"7\text{ inches}", E, "inches"), ("45", r"45\text{ degrees}", E, "degrees word"), ("10", "10 students", E, "students"),
    ("13", r"\text{13}", E, "number inside text (Math-Verify #37)"), (r"\text{13}", "13", E, "gold number inside text"),
    ("12", r"12 \text{ cm}", N, "units kept when strip_units is off", {"strip_units": False}),
    (r"\text{yes}", "Yes", E, "text answer case-insensitive"), (r"\text{no}", "yes", N, "different words"),
    ("Monday", r"\text{Monday}", E, "word answer"), (r"\text{even}", r"\text{odd}", N, "different text answers"),
    ("12", "12 meters per second", E, "compound unit"), ("8", r"8 \text{ square units}", E, "square units"),
    ("4", "4 cm", E, "plain cm"), ("4", "4cm", E, "glued cm"), ("100", r"100\text{ mph}", E, "mph"),
])
# ---------------- structures ----------------
S = "structures"
many(S, [
    (r"\{1,2\}", r"\{2,1\}", E, "set order-insensitive"), (r"\{1,2,3\}", r"\{3,1,2\}", E, "set of three"),
    (r"\{1,2\}", r"\{1,3\}", N, "different sets"), (r"\{1,2\}", r"\{1,2,3\}", N, "different sizes"),
    ("1, 2", "2, 1", E, "bare list as set by default"), ("1, 2", "2, 1", N, "bare list ordered with tuple policy", {"comma_list": "tuple"}),
    ("1,2", "1,2", E, "bare list identical"), ("1, 2, 3", "3, 2, 1", E, "bare three"), ("-1, 3", "3, -1", E, "roots in any order"),
    ("(1,2)", "(1,2)", E, "point"), ("(1,2)", "(2,1)", N, "tuple order matters"), ("(1, 2)", r"\left(1,2\right)", E, "point with left right"),
    ("(0.5, 3)", r"(\frac12, 3)", E, "point elementwise exact"), ("(1,2,3)", "(1,2)", N, "tuple length"),
    (r"(1,2]", r"(1,2]", E, "half-open interval"), (r"(1,2]", r"[1,2)", N, "interval ends differ"), (r"[1,2]", r"(1,2)", N, "closed vs open"),
    (r"(-\infty, 2)", r"(-\infty,2)", E, "interval with infinity"), (r"(-\infty, 2)", r"(-\infty, 3)", N, "different endpoint"),
    (r"(-\infty, 0) \cup (1, \infty)", r"(1,\infty)\cup(-\infty,0)", E, "union order-insensitive"),
    (r"(-\infty, 0) \cup (1, \infty)", r"(-\infty,0)\cup[1,\infty)", N, "union with different bracket"),
    (r"[0, \frac{1}{2}]", "[0, 0.5]", E, "interval endpoint exact"), (r"(2, \infty)", r"(2, +\infty)", E, "plus infinity"),
    (r"\{3\}", "3", E, "singleton set vs value"), (r"\emptyset", r"\{\}", E, "empty set"), (r"\emptyset", "∅", E, "unicode empty set"),
    (r"\emptyset", r"\{0\}", N, "empty vs zero"),
    (r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}", r"\begin{bmatrix}1&2\\3&4\end{bmatrix}", E, "pmatrix vs bmatrix"),
    (r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}", r"\begin{pmatrix}1&3\\2&4\end{pmatrix}", N, "transposed matrix"),
    (r"\begin{pmatrix} 1 \\ 2 \end{pmatrix}", "(1, 2)", E, "column vector vs tuple"), (r"\begin{pmatrix} 1 & 2 \end{pmatrix}", "[1, 2]", E, "row vector vs list"),
    (r"\begin{pmatrix} \frac12 \\ 2 \end{pmatrix}", r"\begin{pmatrix}0.5\\2\end{pmatrix}", E, "matrix exact entries"),
    (r"\begin{pmatrix} 1 & 0 \\ 0 & 1 \end{pmatrix}", "[[1,0],[0,1]]", E, "nested list matrix"),
    (r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}", r"\begin{pmatrix}1&2\end{pmatrix}", N, "matrix shape"),
    (r"1 \pm \sqrt{2}", r"1+\sqrt{2}, 1-\sqrt{2}", E, "plus-minus as a set"), (r"\pm 2", "2, -2", E, "leading pm"),
    (r"\pm 2", "-2, 2", E, "pm order-insensitive"), (r"\pm 2", "2", N, "pm needs both"), (r"1 \pm \sqrt{2}", r"1\pm\sqrt2", E, "pm identical"),
    (r"2 \text{ or } 3", "3, 2", E, "'or' list"), ("2 or 3", "2, 3", E, "plain or"), ("2 and 3", r"\{2, 3\}", E, "'and' list vs set"),
    ("x = 2 or x = 3", "2, 3", E, "solutions as or-list of assignments"), (r"x=1, x=-1", r"\pm 1", E, "assignments vs pm"),
    (r"(1,2), (3,4)", r"(3,4), (1,2)", E, "list of points as set"), (r"\{(1,2), (3,4)\}", r"\{(3,4),(1,2)\}", E, "set of points"),
    (r"(1,2)", r"[1,2]", N, "paren tuple vs bracket"), (r"[1,2]", "[1, 2]", E, "closed interval identical"),
])
# ---------------- equations and relations ----------------
Q = "equations"
many(Q, [
    ("x = 3", "3", E, "gold assignment unwrapped"), ("3", "x = 3", E, "pred assignment unwrapped"), ("3", "x = 3", N, "no unwrap", {"unwrap_assignment": False}),
    ("y = 2x + 1", "2x - y + 1 = 0", E, "same line, different form"), ("y = 2x+1", "y = 1 + 2x", E, "commuted rhs"),
    ("y = 2x + 1", "y = 2x - 1", N, "different lines"), ("3x - y + 13 = 0", "3x + 4y + 14 = 0", N, "Math-Verify #60: both sides 0"),
    ("2x + 4y - 3 = 0", r"y = -\frac{x}{2} + \frac{3}{4}", E, "Math-Verify #26: equivalent equations"),
    ("x^2 + y^2 = 1", "y^2 + x^2 = 1", E, "circle"), ("x^2 + y^2 = 1", "2x^2 + 2y^2 = 2", E, "scaled equation"),
    ("x^2 + y^2 = 1", "x^2 + y^2 = 2", N, "different radius"), ("y = x^2", "x^2 = y", E, "sides swapped"),
    ("x = 3", "y = 3", N, "different variable"), ("a = 5", "5", E, "other variable name"), ("k = 5", "k=5", E, "identical"),
    ("5", r"2+3 = 5", E, "pred chain ending in the answer"), ("5", "x = 2 + 3 = 5", E, "pred chain with variable"),
    ("x = 5", "5 = x", E, "reversed assignment"), ("f(x) = 2x", "2x", N, "function notation is not a plain variable assignment"),
    ("5", "2+3=6", N, "chain ending in a wrong value"),
])
I = "inequalities"
many(I, [
    ("x < 2", "2 > x", E, "flipped inequality"), ("x < 2", "x > 2", N, "direction matters"), (r"x \le 2", r"2 \ge x", E, "flipped le"),
    (r"x \le 2", "x < 2", N, "strict vs non-strict"), ("x < 2", "2x < 4", E, "positive factor"), ("x < 2", "-x > -2", E, "negative factor with flip"),
    ("x < 2", "-x < -2", N, "negative factor without flip"), (r"1 < x < 3", r"3 > x > 1", E, "chain reversed"), (r"1 < x \le 3", r"1 < x \leq 3", E, "leq spelling"),
    ("x ≥ 1", r"x \geq 1", E, "unicode ge"), (r"x \neq 2", r"x \ne 2", E, "ne spelling"),
    ("x < 2", r"(-\infty, 2)", E, "gold inequality vs pred interval"), (r"(-\infty, 2)", "x < 2", E, "pred inequality vs gold interval (relation_interval both)"), (r"(-\infty, 2)", "x < 2", N, "pred inequality vs gold interval, Math-Verify's asymmetry", {"relation_interval": "gold_relation_only"}),
    (r"(-\infty, 2)", "x < 2", E, "both directions policy", {"relation_interval": "both"}), ("x < 2", r"(-\infty, 2)", N, "never policy", {"relation_interval": "never"}),
    (r"1 \le x < 3", "[1, 3)", E, "chain to interval"),
    (r"x<-1 \text{ or } x>1", r"(-\infty,-1)\cup(1,\infty)", E, "'or' of inequalities vs union"),
    (r"(-\infty,-1)\cup(1,\infty)", r"x<-1 \text{ or } x>1", E, "pred inequalities vs gold union (relation_interval both)"), (r"(-\infty,-1)\cup(1,\infty)", r"x<-1 \text{ or } x>1", N, "Math-Verify's asymmetry", {"relation_interval": "gold_relation_only"}), (r"x \ge 0", r"[0, \infty)", E, "ge to interval"), (r"x > 0", r"[0, \infty)", N, "strict vs closed"),
])

# ---------------- known false positives / negatives of other graders ----------------
K = "known_cases"
many(K, [
    (r"\frac{1}{2004!}", r"\frac{1}{2006!}", N, "Math-Verify #14 / Qwen isclose false positive: tiny values rounded"),
    (r"\frac{1}{2006!}", r"\frac{1}{2006!}", E, "identical tiny value"), (r"\frac{1}{100!}", r"\frac{1}{99!}", N, "tiny values differ exactly"),
    ("3x-y+13=0", "3x+4y+14=0", N, "Math-Verify #60: two lines both parse to 0"),
    ("4", r"4\sqrt(2)", N, "Math-Verify #41: malformed sqrt accepted as 4"),
    ("2x+4y-3=0", r"y=-x/2+3/4", E, "Math-Verify #26: equivalent equations rejected"),
    ("13", r"\text{13}", E, "Math-Verify #37 (before 0.8.0): text-wrapped number"),
    ("10", "10.0", E, "Hendrycks/Minerva string compare false negative"), ("1000", "1,000", E, "Hendrycks false negative on separators"),
    (r"2\sqrt3", r"\sqrt{12}", E, "string graders false negative"), ("(x+1)^2", "x^2+2x+1", E, "string graders false negative"),
    (r"\frac{\pi}{2}", "1.5708", N, "Qwen rel 1e-4 false positive under exact policy"),
    ("0.5", r"50\%", E, "Math-Verify depends on ANTLR version; we accept (percent=either)"),
    ("5", "5000", N, "Qwen accepts x100 scaling; we do not"), ("0.05", "5", N, "no % sign: 5 is not 0.05 (Qwen's x100 rule would accept)"),
    ("1", "1.0000001", E, "float_digits 6 accepts, like Math-Verify's rounding"), ("1", "1.0000001", N, "float_digits off: exact", {"float_digits": 0}),
    ("1000000", "1000001", N, "relative 1e-6 tolerance would accept"),
    ("123456789", "123456788", N, "large integers differ by one"),
    (r"\frac{1}{3}", "0.333333", E, "6 written decimals agree (float_digits)"), (r"\frac{1}{3}", "0.33333", N, "5 decimals are not enough for float_digits 6"), (r"\frac{1}{3}", "0.333333", N, "exact policy with float_digits off", {"float_digits": 0}),
    (r"\frac{1}{3}", "0.333333", E, "rounded decimals policy accepts", {"accept_rounded_decimals": True}),
    ("2", r"\frac{4}{2}", E, "unreduced integer fraction accepted by default"),
    ("2", r"\frac{4}{2}", N, "PRM800K strict: integers need exact form", {"accept_unreduced_fractions": False}),
    (r"\{1,2\}", r"\{2,1\}", E, "PRM800K/Qwen treat sets as ordered: false negative"),
    ("x \\in [1,2]", "[1,2]", E, "membership unwrapped"),
])
# ---------------- budget / adversarial ----------------
B = "budget"
many(B, [
    (r"10^{10^{10}}", r"10^{10^{10}}", E, "identical huge power is equal without computing it"),
    (r"10^{10^{10}}", r"10^{10^{10}}+1", "budget_exceeded", "refuse to compute a 10-billion-digit number"),
    ("2^{100000000}", "3", "budget_exceeded", "exponent too large"), ("100000!", "5", "budget_exceeded", "factorial too large"),
    ("2^{64}", "18446744073709551616", E, "moderate power computed exactly"), ("2^{1000}", "2^{1000}+0", E, "1000-bit power"),
    ("((((((((((1))))))))))", "1", E, "moderate nesting"),
    ("(" * 200 + "1" + ")" * 200, "1", "budget_exceeded", "deep nesting hits the depth limit"),
    ("1", r"\boxed{" + "(" * 200 + "1" + ")" * 200 + "}", "budget_exceeded", "deep nesting in the prediction"),
    ("(x+1)^{1000}", "(x+1)^{1000}", E, "identical after normalisation (fast path)"),
    ("(x+1)^{1000}", "(1+x)^{1000}", E, "equal up to the order of a sum, without expanding"),
    ("(x+1)^{1000}", "(x+2)^{1000}", "budget_exceeded", "expanding a 1000th power of a sum is refused"),
    ("1", r"\boxed{" + "\\text{" * 300 + "1" + "}" * 300 + "}", "budget_exceeded", "nested \\text groups hit the depth limit"),
    ("1", r"\boxed{" + "-" * 2000 + "1}", "budget_exceeded", "long chain of unary minus hits the depth limit"),
    ("1", r"\boxed{" + "\\sqrt{" * 300 + "1" + "}" * 300 + "}", "budget_exceeded", "deeply nested radicals"),
    ("1", r"\boxed{" + "2^" * 1000 + "2}", "budget_exceeded", "power tower"),
    ("55555555555555555555^555x+0x55", "y=2x+1x2\n-y=2x+5555555555555555555555555555555555^555x+0x555y=2x+1x2\n-y=2x+555555555555555555555^555x+0x555y=2x+1x2\n-55555^555x+0x555y=2x+1x2\n-y=2x+5555555555555555555^55555555^555x+0x555y=2x+1x2\n-y=2x+11",
     "budget_exceeded", "fuzz timeout c072579f (binary GCD on 37k-bit rationals): now bounded"),
    ("U=", "2x+cos^\n-~x2cos^555557555555555555554^555x+1x505y=27555555555555554^555x+1x505y=2x+2x2\n-1x505y=2x+2x2\n-.555554^555x+2x2\n-555.555554^555x+2x2\n-5555554^555x+1x5y=2x+\n-y+\x11=0",
     N, "fuzz timeout b906b9c3 (GCD of two 10k-bit numbers): big fractions stay unreduced"),
    ("0\\sqrt[3]{4^5!}", "1", "budget_exceeded", "cube root of 1024! : radicand too large, refused"),
    ("((x^{100000})^{100000})^{100000}", "((x^{100000})^{100000})^{99999}", N, "monomial exponents up to 1e15 stay exact (overflow is checked)"),
    ("(x+y+z)^{40}", "(x+y)^{40}", N, "expansion of 861 terms fits the budget"),
    ("(x+y+z+w)^{60}", "(x+y)^{60}", "budget_exceeded", "polynomial expansion too large"),
    ("1", r"\boxed{1" + "+0" * 3000 + "}", "budget_exceeded", "answer longer than max_answer_bytes"),
])
# ---------------- realistic chain-of-thought completions ----------------
R = "cot"
cot_prefix = ("Let me think step by step. First, we set up the equation from the problem statement. "
              "Then we simplify both sides, collect like terms, and solve. ")
for g, ans, e, why in [
    ("18", r"\boxed{18}", E, "plain integer"), (r"\frac{7}{2}", r"\boxed{3.5}", E, "decimal for fraction"),
    (r"\frac{7}{2}", r"\boxed{\frac{7}{3}}", N, "wrong fraction"), (r"3\sqrt{5}", r"\boxed{\sqrt{45}}", E, "radical"),
    ("(2, -1)", r"\boxed{(2,-1)}", E, "point"), (r"x^2-4", r"\boxed{(x-2)(x+2)}", E, "factored"),
    (r"\{-2, 5\}", r"\boxed{x=-2 \text{ or } x=5}", E, "solutions with or"), ("720", r"\boxed{6!}", E, "factorial"),
    (r"\frac{\pi}{3}", r"\boxed{60^\circ}", N, "degrees are not radians"), ("45", r"\boxed{45^\circ}", E, "degrees"),
]:
    add(R, g, cot_prefix * 12 + f"So the final answer is ${ans}$.", e, f"~2k-char completion: {why}")

# ---------------- generated families (each with its reason) ----------------
G = "families"
for n in range(2, 26):
    add(G, f"\\frac{{1}}{{{n}}}", f"\\frac{{{2}}}{{{2*n}}}", E, f"1/{n} vs unreduced 2/{2*n}")
    add(G, f"\\frac{{1}}{{{n}}}", f"\\frac{{1}}{{{n+1}}}", N, f"1/{n} vs 1/{n+1}")
for n in [2, 3, 5, 6, 7, 10, 11, 13, 14, 15]:
    for k in [2, 3]:
        add(G, f"{k}\\sqrt{{{n}}}", f"\\sqrt{{{k*k*n}}}", E, f"{k}√{n} = √{k*k*n}")
    add(G, f"\\sqrt{{{n}}}", f"\\sqrt{{{n+1}}}", N, f"√{n} ≠ √{n+1}")
for a, b in [(1, 2), (2, 3), (3, 5), (-1, 4), (0, 7), (-3, -2), (5, 9), (10, 20)]:
    add(G, f"({a}, {b})", f"\\left({a},{b}\\right)", E, "point with left/right")
    add(G, f"({a}, {b})", f"({b}, {a})", N, "swapped coordinates")
    add(G, f"\\{{{a}, {b}\\}}", f"\\{{{b}, {a}\\}}", E, "set order")
    add(G, f"[{a}, {b}]", f"[{a}, {b})", N, "closed vs half-open")
    add(G, f"x^2 - {a+b}x + {a*b}", f"(x - {a})(x - {b})".replace("- -", "+ "), E, "expanded vs factored")
for v in [3, 12, 25, 100, 1234, 99999]:
    add(G, str(v), f"The answer is ${v}$.", E, "anchor line")
    add(G, str(v), f"\\boxed{{{v+1}}}", N, "off by one")
    add(G, str(v), f"{v}.0", E, "trailing .0")
    add(G, str(v), f"x = {v}", E, "assignment")
for p in [10, 20, 25, 50, 75]:
    add(G, f"{p}\\%", f"{p/100}", E, "percent as a fraction")
    add(G, f"{p}", f"{p}\\%", E, "percent sign stripped")
for d in [30, 45, 60, 90, 120]:
    add(G, f"{d}^\\circ", str(d), E, "degree sign stripped")
    add(G, f"{d}", f"{d+1}^\\circ", N, "different angle")
for c, s in [(1, "x"), (2, "y"), (3, "z"), (-1, "t")]:
    add(G, f"{c}{s} + 1" if c != 1 else f"{s}+1", f"1 + {c}{s}" if c != 1 else f"1+{s}", E, "commutative linear")
    add(G, f"{s}^2", f"{s} \\cdot {s}", E, "square as product")
    add(G, f"{s}^3", f"{s}^2", N, "different degree")
for x in ["0.25", "0.125", "0.2", "0.75", "1.5", "2.25"]:
    from fractions import Fraction
    fr = Fraction(x)
    add(G, f"\\frac{{{fr.numerator}}}{{{fr.denominator}}}", x, E, f"{x} exact as a fraction")
    add(G, x, f"{fr.numerator}/{fr.denominator}", E, "slash fraction")
for s in [r"\sin", r"\cos", r"\tan"]:
    add(G, f"{s} x", f"{s}(x)", E, "function with and without parentheses")
    add(G, f"{s}(2x)", f"{s}(x)", N, "different argument")

if __name__ == "__main__":
    seen = set()
    for r in rows:
        key = (r["gold"], r["pred"], json.dumps(r.get("options", {}), sort_keys=True))
        if key in seen:
            continue
        seen.add(key)
        sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
