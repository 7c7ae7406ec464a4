#!/usr/bin/env python3
"""Held-out grader evaluation set, part C.

Hand-written rows (gold answer, realistic long LLM completion, human label).
Written independently of the grader and of the other corpus parts.

Run:  python3 part_c.py > part_c.jsonl
Each output line is a JSON object with keys
  id, shape, gold, completion, label, reason
label is what a careful human grader decides: true iff the completion's
FINAL answer is mathematically the gold answer.
"""
import json
import sys

SHAPES = ("r1_long", "qwq_style", "gpt4o_markdown", "llama3", "gsm8k_long", "mc_long")

ROWS = []


def add(shape, gold, label, reason, completion):
    assert shape in SHAPES, shape
    assert isinstance(label, bool)
    ROWS.append(
        {
            "id": "c_%04d" % (len(ROWS) + 1),
            "shape": shape,
            "gold": gold,
            "completion": completion.strip("\n"),
            "label": label,
            "reason": reason,
        }
    )


# ---------------------------------------------------------------------------
# r1_long: DeepSeek-R1 style, long <think> block then a short written answer
# ---------------------------------------------------------------------------

add("r1_long", r"\frac{3}{4}", True,
    "0.75 equals 3/4",
    r"""<think>
Okay, so the problem asks for the probability of getting at least one head when two fair coins are flipped. Let me think about this carefully.

First, the sample space. Each coin has two outcomes, so there are 2 × 2 = 4 equally likely outcomes: HH, HT, TH, TT.

"At least one head" means one or two heads. Which outcomes qualify? HH has two heads, HT has one, TH has one, TT has zero. So three of the four outcomes work. That gives 3/4.

Wait, let me double-check with the complement, since "at least one" problems are usually easiest that way. The complement of "at least one head" is "no heads", which is just TT. P(TT) = (1/2)(1/2) = 1/4. So P(at least one head) = 1 − 1/4 = 3/4. Same answer, good.

Hmm, but should I worry that HT and TH are really the same outcome? If someone treats the coins as indistinguishable, they might list outcomes as {2 heads, 1 head, 0 heads} and say 2/3. But those three outcomes are not equally likely — "1 head" happens in two ways. So the 2/3 reasoning is wrong; the coins are physically distinct even if they look alike. 3/4 it is.

Let me also try inclusion–exclusion just to be thorough. Let A = first coin heads, B = second coin heads.
P(A ∪ B) = P(A) + P(B) − P(A ∩ B) = 1/2 + 1/2 − 1/4 = 3/4.

Three different methods all give 3/4. As a decimal that's 0.75. I'm confident.

Hmm, let me also do it with the binomial distribution, just to be thorough. Let X = number of heads, X ~ Binomial(2, 1/2).
P(X = 0) = C(2,0)(1/2)^2 = 1/4.
P(X = 1) = C(2,1)(1/2)^2 = 2/4.
P(X = 2) = C(2,2)(1/2)^2 = 1/4.
Sum = 1 ✓. P(X ≥ 1) = 2/4 + 1/4 = 3/4.

Okay, four methods now. Should I give a fraction or a decimal? The problem doesn't specify a form, so either should be fine. I'll write the decimal.

Hmm, wait. Let me reconsider the problem statement once more. "Two fair coins are flipped. What is the probability of getting at least one head?" Not "exactly one head" (that would be 2/4 = 1/2), and not "two heads" (1/4). At least one: 3/4.

Hmm, wait. Before I finalize, let me make sure this isn't one of those trick "conditional" questions, like "given that the first coin is a head, what's the probability that at least one coin is a head?" (that would be 1). Or "given that at least one is a head, what's the probability both are heads?" (that would be 1/3). Re-reading the prompt... no conditioning. Just the plain probability of at least one head in two flips.

Let me also think about it as a simulation to build intuition. If I flipped two coins 1000 times, I'd expect TT about 250 times, and the rest — about 750 — would have at least one head. 750/1000 = 0.75 ✓.

And a generalization to make sure the pattern holds: with n coins, P(at least one head) = 1 − (1/2)^n. n = 1: 1/2 ✓ (just one coin). n = 2: 3/4 ✓. n = 3: 7/8. The formula is consistent with our case.

What about a tree diagram? First flip: H (1/2) or T (1/2). If H, we're done — at least one head already — contributing 1/2. If T, we need the second flip to be H, contributing (1/2)(1/2) = 1/4. Total 1/2 + 1/4 = 3/4 ✓.

Alright, that's five approaches (listing, complement, inclusion–exclusion, binomial, tree). All say 3/4 = 0.75.
</think>

**Setting up the sample space.** Two fair coins give four equally likely outcomes:

| Outcome | Number of heads |
|---|---|
| HH | 2 |
| HT | 1 |
| TH | 1 |
| TT | 0 |

**Using the complement.** The only outcome with no heads is TT, so

\[
P(\text{at least one head}) = 1 - P(TT) = 1 - \frac{1}{2}\cdot\frac{1}{2} = 1 - \frac14 .
\]

**Answer:**

\[
\boxed{0.75}
\]""")

add("r1_long", r"2\sqrt{5}", True,
    "sqrt(20) = 2 sqrt 5",
    r"""<think>
We need the distance between the points (1, 2) and (5, 4).

Distance formula: d = sqrt((x2 − x1)^2 + (y2 − y1)^2).

x2 − x1 = 5 − 1 = 4.
y2 − y1 = 4 − 2 = 2.

So d = sqrt(4^2 + 2^2) = sqrt(16 + 4) = sqrt(20).

Hmm, wait. Let me make sure I didn't swap the coordinates. Point one is (1, 2): x = 1, y = 2. Point two is (5, 4): x = 5, y = 4. Yes, differences are 4 and 2.

sqrt(20) ≈ 4.472. Sanity check: the horizontal gap is 4 and the vertical gap is 2, so the distance should be a bit more than 4 but less than 4 + 2 = 6. 4.47 fits.

Could simplify: 20 = 4 · 5 so sqrt(20) = 2 sqrt(5). Either form is fine. Actually, let me think about whether the question wanted simplified radical form... it just says "find the distance". I'll give sqrt(20), it's exact.

Let me re-verify by placing it on a grid. From (1,2) go right 4 to (5,2), then up 2 to (5,4). Right triangle with legs 4 and 2. Hypotenuse^2 = 16 + 4 = 20. Yes.

Let me check the decimal: 4.472 × 4.472 = 19.998784, very close to 20 ✓.

Wait, I want to be careful I'm not supposed to find the distance between (1, 2) and (4, 5) or something else. Re-reading: (1, 2) and (5, 4). OK.

Hmm, just to be thorough about which distance: the taxicab distance would be 4 + 2 = 6, but "distance between two points" in a coordinate geometry problem means Euclidean distance. The midpoint would be (3, 3), not asked.
</think>

To find the distance between $(1, 2)$ and $(5, 4)$, apply the distance formula:

$$
d = \sqrt{(x_2 - x_1)^2 + (y_2 - y_1)^2}
$$

Substituting the coordinates:

- $x_2 - x_1 = 5 - 1 = 4$
- $y_2 - y_1 = 4 - 2 = 2$

$$
d = \sqrt{4^2 + 2^2} = \sqrt{16 + 4} = \sqrt{20} \approx 4.47
$$

The horizontal and vertical legs are 4 and 2, so this is the hypotenuse of a right triangle with those legs, which confirms the result.

**Final Answer**
\[
\boxed{\sqrt{20}}
\]""")

add("r1_long", r"-\frac{1}{2}", False,
    "sign dropped: final 1/2, gold -1/2",
    r"""<think>
The problem: find the slope of a line perpendicular to 2x − y = 3.

First get the slope of the given line. Solve for y: −y = −2x + 3, so y = 2x − 3. Slope m = 2.

Perpendicular lines have slopes whose product is −1. So m_perp · 2 = −1, giving m_perp = −1/2.

Let me double check: negative reciprocal of 2 is −1/2. Yes.

Hmm, wait, let me re-read the equation. "2x − y = 3". Did I solve it right? 2x − y = 3 → −y = 3 − 2x → y = 2x − 3. Slope 2. Yes.

Alternatively, for Ax + By = C the slope is −A/B = −2/(−1) = 2. Consistent.

So the perpendicular slope is −1/2. A perpendicular line would be something like y = −(1/2)x + b.

Let me verify with direction vectors. The given line has direction (1, 2). A perpendicular direction is (2, −1) (dot product 2 − 2 = 0). Slope of (2, −1) is −1/2. Good.

Okay. The slope is steep-ish going down... well, gently down. Fine.

One more concrete check. Take the perpendicular line through the origin, y = −x/2. Intersect with y = 2x − 3: 2x − 3 = −x/2 → 2.5x = 3 → x = 1.2, y = −0.6. From the intersection point, moving along the original line by (1, 2) and along the new line by (2, −1): dot product 1·2 + 2·(−1) = 0 ✓. So the slopes 2 and −1/2 are perpendicular.

Product of slopes: 2 × (−1/2) = −1 ✓.
</think>

**Step 1: Slope of the given line.**
Rewrite $2x - y = 3$ in slope–intercept form:
\[
y = 2x - 3,
\]
so the given line has slope $m = 2$.

**Step 2: Perpendicular slope.**
Perpendicular slopes are negative reciprocals, so the slope we want has magnitude
\[
\left|\frac{1}{m}\right| = \frac{1}{2}.
\]

**Step 3: Check.** A direction vector for the original line is $(1, 2)$; a perpendicular direction is $(2, 1)$, and $\tfrac{1}{2}$ is its slope.

Therefore the slope of the perpendicular line is
\[
\boxed{\dfrac{1}{2}}
\]""")

add("r1_long", r"[-2, 3]", False,
    "final interval open (-2,3) but inequality is non-strict",
    r"""<think>
Solve x^2 − x − 6 ≤ 0.

Factor: x^2 − x − 6 = (x − 3)(x + 2). Check: x^2 + 2x − 3x − 6 = x^2 − x − 6. ✓.

Roots at x = 3 and x = −2. The parabola opens upward, so it is ≤ 0 between the roots.

So the solution is −2 ≤ x ≤ 3, i.e., [−2, 3].

Let me test points. x = 0: 0 − 0 − 6 = −6 ≤ 0 ✓. x = 4: 16 − 4 − 6 = 6 > 0 ✗. x = −3: 9 + 3 − 6 = 6 > 0 ✗. x = 3: 9 − 3 − 6 = 0 ≤ 0 ✓. x = −2: 4 + 2 − 6 = 0 ✓.

Okay so the endpoints are included. Sign chart:

(−∞, −2): (x−3)<0, (x+2)<0 → product positive.
(−2, 3): (x−3)<0, (x+2)>0 → negative.
(3, ∞): both positive → positive.

So the expression is negative on (−2, 3). Hmm, and the question... let me write the final answer in interval notation. The negative region is (−2, 3).

Wait, I should present it cleanly. Interval where the quadratic is below the axis: between the roots.

Let me also think about the vertex for intuition: x = 1/2, value 1/4 − 1/2 − 6 = −6.25. So the parabola dips down to −6.25 between the roots. The roots are symmetric about 1/2: 1/2 ± 5/2 = 3 and −2 ✓. The interval between them has width 5.

The problem says to express the solution in interval notation: parentheses for excluded endpoints, brackets for included ones.
</think>

We factor the quadratic:
\[
x^2 - x - 6 = (x-3)(x+2).
\]

The critical points are $x = -2$ and $x = 3$. A sign chart gives

| Interval | $x-3$ | $x+2$ | Product |
|---|---|---|---|
| $(-\infty,-2)$ | $-$ | $-$ | $+$ |
| $(-2,3)$ | $-$ | $+$ | $-$ |
| $(3,\infty)$ | $+$ | $+$ | $+$ |

The quadratic is negative strictly between its roots, so the solution set is

\[
\boxed{(-2,\ 3)}
\]""")

add("r1_long", r"\{1, 3\}", True,
    "x=1 or x=3 is the same solution set",
    r"""<think>
Okay, I need to solve x^2 − 4x + 3 = 0.

Look for two numbers that multiply to 3 and add to −4: −1 and −3. So (x − 1)(x − 3) = 0.

x = 1 or x = 3.

Let me verify with the quadratic formula anyway: x = [4 ± sqrt(16 − 12)]/2 = [4 ± 2]/2 → 3 or 1. ✓

Plug back: x = 1: 1 − 4 + 3 = 0 ✓. x = 3: 9 − 12 + 3 = 0 ✓.

Hmm, is there anything tricky? The discriminant is 4 > 0, so two distinct real roots. Sum of roots should be 4 (= −b/a) → 1 + 3 = 4 ✓. Product should be 3 (= c/a) → 1·3 = 3 ✓.

Wait, the problem says "find all real solutions". So I should list both. Vieta checks out.

Could also complete the square: x^2 − 4x = −3 → (x − 2)^2 = 1 → x − 2 = ±1 → x = 3 or 1. Same again.

Let me also picture the graph: y = x^2 − 4x + 3 has vertex at x = 2, y = 4 − 8 + 3 = −1. Opens upward, minimum −1 < 0, so it crosses the x-axis twice, at 2 ± 1 ✓.

The problem says "find all real solutions". So I should state both values clearly rather than just one. Hmm, some answer formats want a set {1, 3}, some want "x = 1, 3". I'll write "x = 1 or x = 3".

Product of roots is positive (3) and sum is positive (4), so both roots are positive ✓ — consistent with 1 and 3.
</think>

### Solving $x^2 - 4x + 3 = 0$

**Factoring.** We need two numbers with product $3$ and sum $-4$; these are $-1$ and $-3$:
\[
x^2 - 4x + 3 = (x-1)(x-3) = 0.
\]

**Zero-product property.**
\[
x - 1 = 0 \implies x = 1, \qquad x - 3 = 0 \implies x = 3.
\]

**Check with Vieta.** Sum of roots $= 4 = -\tfrac{b}{a}$, product $= 3 = \tfrac{c}{a}$. ✓

**Check by completing the square.** $(x-2)^2 = 1$, so $x = 2 \pm 1$. ✓

The real solutions are
\[
\boxed{x = 1 \text{ or } x = 3}
\]""")

add("r1_long", r"(2, -1)", True,
    "ordered pair matches",
    r"""<think>
System:
2x + 3y = 1
x − y = 3

From the second equation x = y + 3. Substitute: 2(y + 3) + 3y = 1 → 2y + 6 + 3y = 1 → 5y = −5 → y = −1.

Then x = −1 + 3 = 2.

Check in the first: 2(2) + 3(−1) = 4 − 3 = 1 ✓. Second: 2 − (−1) = 3 ✓.

Hmm, let me do elimination as a cross-check. Multiply the second by 3: 3x − 3y = 9. Add to the first: 5x = 10 → x = 2. Then 2 − y = 3 → y = −1. ✓

Wait, is it possible I mixed up which equation is which? The problem lists 2x + 3y = 1 first and x − y = 3 second. Yes.

Cramer's rule for fun: determinant = 2(−1) − 3(1) = −2 − 3 = −5.
D_x = 1(−1) − 3(3) = −1 − 9 = −10 → x = −10/−5 = 2.
D_y = 2(3) − 1(1) = 6 − 1 = 5 → y = 5/−5 = −1. ✓

All three methods agree: (2, −1).

Graphical check: line 1 is y = (1 − 2x)/3, slope −2/3. Line 2 is y = x − 3, slope 1. Different slopes, so exactly one intersection point. At x = 2: line 1 gives (1 − 4)/3 = −1, line 2 gives 2 − 3 = −1 ✓.

If the slopes had been equal we'd have either no solution or infinitely many, but that's not the case here. Answer as an ordered pair (x, y) = (2, −1).

Matrix check: A = [[2, 3], [1, −1]], b = (1, 3). A^{-1} = (1/−5)[[−1, −3], [−1, 2]]. A^{-1}b = (1/−5)(−1 − 9, −1 + 6) = (1/−5)(−10, 5) = (2, −1) ✓.
</think>

**Substitution.** From $x - y = 3$ we get $x = y + 3$. Substituting into the first equation,
\[
2(y+3) + 3y = 1 \;\Longrightarrow\; 5y + 6 = 1 \;\Longrightarrow\; y = -1,
\]
and then $x = -1 + 3 = 2$.

**Verification.**
- $2(2) + 3(-1) = 4 - 3 = 1$ ✓
- $2 - (-1) = 3$ ✓

So $x = 2$, $y = -1$, and the solution is

\[
\boxed{(2,\,-1)}
\]""")

add("r1_long", r"12", False,
    "correct 12 computed, then 'But wait' switches to proper divisors 10",
    r"""<think>
How many positive divisors does 60 have?

Prime factorization: 60 = 2^2 · 3 · 5.

Number of divisors = (2+1)(1+1)(1+1) = 3 · 2 · 2 = 12.

Let me list them to be safe: 1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60. Count: 1,2,3,4,5,6 (six), 10,12,15,20,30,60 (six more) = 12. ✓

So the answer is 12.

But wait — the problem might be asking about divisors strictly between 1 and 60? Let me re-read: "How many positive divisors does 60 have, other than..." hmm, I recall many such problems ask for proper divisors. If we exclude 1 and 60 itself, we get 12 − 2 = 10.

Hmm. Let me think about which interpretation is more natural. Actually in competition problems, when they say "divisors" they often mean nontrivial ones in this kind of context. I'll go with excluding the trivial divisors 1 and 60, since they divide any... well, 60 always divides itself. The interesting divisors are the nontrivial ones.

So 10.

Recount the nontrivial ones: 2, 3, 4, 5, 6, 10, 12, 15, 20, 30. That's 10 ✓.

Just for fun, the sum of all divisors σ(60) = (1 + 2 + 4)(1 + 3)(1 + 5) = 7 · 4 · 6 = 168. Not needed.

So excluding 1 and 60, there are 10 divisors.
</think>

**Prime factorization.**
\[
60 = 2^2 \cdot 3 \cdot 5
\]

**Counting divisors.** The total number of positive divisors is
\[
(2+1)(1+1)(1+1) = 12,
\]
namely $1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60$.

**Excluding trivial divisors.** Removing $1$ and $60$ itself leaves the nontrivial divisors
$2, 3, 4, 5, 6, 10, 12, 15, 20, 30$.

Therefore the answer is
\[
\boxed{10}
\]""")

add("r1_long", r"\frac{\pi}{3}", True,
    "\\dfrac{\\pi}{3} equals gold",
    r"""<think>
Angle between u = (1, 0) and v = (1, √3).

cos θ = (u · v)/(|u||v|).

u · v = 1·1 + 0·√3 = 1.
|u| = 1.
|v| = sqrt(1 + 3) = 2.

cos θ = 1/2 → θ = π/3 (60°).

Hmm, let me make sure I have the right vectors. u = (1, 0) is along the x-axis. v = (1, √3) makes angle arctan(√3/1) = arctan(√3) = π/3 with the x-axis. So the angle between them is π/3 directly. ✓

Wait, could the answer be 2π/3? That would be if cos θ = −1/2, i.e., if the dot product were negative. It's +1 here, so no.

The answer should be in radians since the problem says "in radians". π/3.

Let me double-check |v|: (1)^2 + (√3)^2 = 1 + 3 = 4, sqrt = 2. Yes.

Also the angle between two vectors is always in [0, π], and π/3 is in that range.

Another check with the cross product (2D): |u × v| = |1·√3 − 0·1| = √3. So sin θ = √3/(1·2) = √3/2. Combined with cos θ = 1/2, tan θ = √3, θ = π/3 ✓.

In degrees that's 60°, but the problem wants radians, so π/3.

If the problem had asked for the angle between the lines rather than the vectors, we'd take the acute angle — still π/3. No ambiguity either way.

Final: π/3.
</think>

We use the dot-product formula
\[
\cos\theta = \frac{\mathbf u\cdot\mathbf v}{\|\mathbf u\|\,\|\mathbf v\|}.
\]

- $\mathbf u\cdot\mathbf v = (1)(1) + (0)(\sqrt3) = 1$
- $\|\mathbf u\| = 1$
- $\|\mathbf v\| = \sqrt{1^2 + (\sqrt3)^2} = 2$

Hence
\[
\cos\theta = \frac{1}{1\cdot 2} = \frac12, \qquad \theta \in [0,\pi].
\]

The unique angle in $[0,\pi]$ with cosine $\tfrac12$ is

\[
\boxed{\dfrac{\pi}{3}}
\]""")

add("r1_long", r"5040", True,
    "5{,}040 is 5040 with thousands separator",
    r"""<think>
The question: in how many ways can 7 different books be arranged in a row on a shelf?

This is just the number of permutations of 7 distinct objects: 7!.

7! = 7 × 6 × 5 × 4 × 3 × 2 × 1.

Compute step by step:
7 × 6 = 42
42 × 5 = 210
210 × 4 = 840
840 × 3 = 2520
2520 × 2 = 5040
5040 × 1 = 5040

So 5040.

Hmm, wait. Are there any restrictions? Let me re-read... "7 different books ... in a row". No restrictions like "two particular books must be together". So it's 7!.

Let me double-check 7! another way: 6! = 720, and 7! = 7 · 720 = 5040. ✓

If the shelf were circular it would be 6! = 720, but it's a row. So 5040.

Hmm, if we were only choosing and arranging 3 of the 7 books, it would be P(7, 3) = 7 · 6 · 5 = 210. But we arrange all 7.

Another grouping to verify 5040: (7 · 6)(5 · 4)(3 · 2) = 42 · 20 · 6 = 840 · 6 = 5040 ✓.

I'll write 5,040 with a comma since it's a four-digit count.

What if two books were identical? The problem says "different", so no division needed.

Known-value check: 10! = 3,628,800 and 10 · 9 · 8 = 720; 3,628,800/720 = 5040 ✓.
</think>

Since all seven books are distinct and there are no restrictions, every ordering of the books is a different arrangement. The number of arrangements is the number of permutations of 7 objects:

\[
7! = 7\cdot 6\cdot 5\cdot 4\cdot 3\cdot 2\cdot 1.
\]

Computing:
\[
\begin{aligned}
7\cdot 6 &= 42,\\
42\cdot 5 &= 210,\\
210\cdot 4 &= 840,\\
840\cdot 3 &= 2520,\\
2520\cdot 2 &= 5040.
\end{aligned}
\]

**Answer:** $\boxed{5{,}040}$""")

add("r1_long", r"y = 2x + 1", True,
    "2x - y + 1 = 0 is the same line",
    r"""<think>
Find the equation of the line through (0, 1) and (2, 5).

Slope m = (5 − 1)/(2 − 0) = 4/2 = 2.

y-intercept: the line passes through (0, 1), so b = 1.

y = 2x + 1.

Check (2, 5): 2·2 + 1 = 5 ✓.

Hmm, the problem says "write your answer in standard form"? Let me think. I don't remember exactly... I'll convert to general form Ax + By + C = 0 to be safe: y = 2x + 1 → 2x − y + 1 = 0.

Check (0,1): 0 − 1 + 1 = 0 ✓. (2,5): 4 − 5 + 1 = 0 ✓.

Alternatively, point-slope: y − 1 = 2(x − 0). Same thing.

Wait, is the slope maybe 1/2? rise/run = (5−1)/(2−0) = 4/2. Rise is 4, run is 2, slope 2. Not 1/2. Good.

Let me test a third point on y = 2x + 1: x = 1 gives y = 3. In general form: 2(1) − 3 + 1 = 0 ✓. And x = −1 gives y = −1: 2(−1) − (−1) + 1 = −2 + 1 + 1 = 0 ✓.

Standard form with A > 0 would be 2x − y = −1; general form 2x − y + 1 = 0. Same line either way. I'll present the general form.

Parametric form, just to triple-check: (x, y) = (0, 1) + t(2, 4) = (2t, 1 + 4t). Eliminating t: t = x/2, y = 1 + 2x ✓.

Slope-intercept: y = 2x + 1. Point-slope: y − 5 = 2(x − 2) → y = 2x + 1 ✓ as well.

Intercepts of the final line: y-intercept (0, 1), x-intercept (−1/2, 0). Both consistent with 2x − y + 1 = 0 ✓.
</think>

**Slope:**
$$m = \frac{5-1}{2-0} = 2.$$

**Intercept:** the point $(0,1)$ lies on the $y$-axis, so the $y$-intercept is $1$.

**Equation in general form:** starting from $y - 1 = 2(x - 0)$ and moving everything to one side,

$$\boxed{2x - y + 1 = 0}$$

Both $(0,1)$ and $(2,5)$ satisfy this equation.""")

add("r1_long", r"\frac{1}{6}", False,
    "1/6 only inside think; final answer after think is 5/36",
    r"""<think>
Two fair six-sided dice are rolled. Probability that the sum is 7.

Total outcomes: 36.

Pairs summing to 7: (1,6), (2,5), (3,4), (4,3), (5,2), (6,1). That's 6.

6/36 = 1/6.

Hmm, seven is the most likely sum, which makes sense because it has the most combinations. Let me list counts for all sums to double check:
2: 1
3: 2
4: 3
5: 4
6: 5
7: 6
8: 5
9: 4
10: 3
11: 2
12: 1
Total = 1+2+3+4+5+6+5+4+3+2+1 = 36 ✓.

So P(7) = 6/36 = 1/6.

Another slick way: whatever the first die shows (1 through 6), exactly one value of the second die makes the sum 7. So P = 1/6 directly, without listing. ✓ Seven is the only sum with this property — for sum 8, if the first die shows 1 there's no way to reach 8.

For comparison, P(sum = 8) = 5/36 and P(sum = 6) = 5/36. P(sum = 7) = 6/36 = 1/6.

Mean check: E[sum] = 3.5 + 3.5 = 7, and the distribution is symmetric about 7 with its peak 6/36 there ✓.

So P(sum = 7) = 6/36 = 1/6 ≈ 0.1667.

Hmm, wait. Let me reconsider whether the dice being distinguishable matters. If someone counts unordered outcomes, there are 21 of them: 6 doubles and 15 non-doubles. Sum 7 unordered: {1,6}, {2,5}, {3,4} — 3 of 21. But the 21 outcomes aren't equally likely: each non-double has probability 2/36 and each double 1/36. So P(7) = 3 × 2/36 = 6/36 = 1/6 ✓. Same answer when done properly.

Generating function check: (x + x^2 + x^3 + x^4 + x^5 + x^6)^2. The coefficient of x^7 counts pairs (a, b) with a + b = 7, a, b ∈ {1..6}: a can be 1 through 6, each giving b = 7 − a ∈ {1..6}. So 6 pairs ✓. For x^8: a from 2 to 6, 5 pairs. For x^6: a from 1 to 5, 5 pairs.

Expected count: in 36 rolls you'd expect 6 sevens, 5 eights, 5 sixes. That's why 7 is the most common sum in games like craps.

OK, I'm confident: 6/36.
</think>

When two dice are rolled there are $6 \times 6 = 36$ equally likely outcomes.

We count the outcomes whose sum is the target value. The ordered pairs are

$$(2,6),\ (3,5),\ (4,4),\ (5,3),\ (6,2),$$

which gives 5 favorable outcomes.

Therefore

$$
P = \frac{5}{36}.
$$

**Final answer:** $\boxed{\dfrac{5}{36}}$""")

add("r1_long", r"4", True,
    "3^100 mod 7 = 4",
    r"""<think>
Find the remainder when 3^100 is divided by 7.

Powers of 3 mod 7:
3^1 = 3
3^2 = 9 ≡ 2
3^3 = 6
3^4 = 18 ≡ 4
3^5 = 12 ≡ 5
3^6 = 15 ≡ 1

So the order of 3 mod 7 is 6 (consistent with Fermat's little theorem: 3^6 ≡ 1 mod 7).

100 = 6 · 16 + 4. So 3^100 = (3^6)^16 · 3^4 ≡ 1 · 3^4 ≡ 4 (mod 7).

Wait, let me recompute 3^4 mod 7. 3^4 = 81. 81 = 7·11 + 4 = 77 + 4. So 81 ≡ 4. ✓

And 6 · 16 = 96, 100 − 96 = 4. ✓

Hmm, let me double-check the cycle with 3^3: 27 = 21 + 6 ≡ 6. ✓ And 3^5 = 243 = 7·34 + 5 = 238 + 5 ≡ 5 ✓. 3^6 = 729 = 7 · 104 + 1 = 728 + 1 ≡ 1 ✓.

Alternative route: 3^2 ≡ 2, so 3^100 = (3^2)^50 ≡ 2^50. 2^3 = 8 ≡ 1, and 50 = 3·16 + 2, so 2^50 ≡ 2^2 = 4. ✓ Two routes agree.

Third route, repeated squaring mod 7:
3^1 ≡ 3
3^2 ≡ 9 ≡ 2
3^4 ≡ 2^2 = 4
3^8 ≡ 16 ≡ 2
3^16 ≡ 4
3^32 ≡ 2
3^64 ≡ 4
100 = 64 + 32 + 4, so 3^100 ≡ 4 · 2 · 4 = 32 ≡ 32 − 28 = 4 (mod 7) ✓.

All three methods give 4.

Hold on, let me re-read the problem statement to be sure it's 3^100 and not 100^3. "Find the remainder when 3^{100} is divided by 7." OK. (For the record, 100^3 would give 100 ≡ 2, 2^3 = 8 ≡ 1 — a different answer, but not our problem.)

Final: 4.

Hmm, actually, let me make sure it's "divided by 7" and not "the last digit" (mod 10). Re-reading: divided by 7. (Out of curiosity, mod 10 the cycle is 3, 9, 7, 1 and 100 ≡ 0 mod 4 gives last digit 1 — not relevant.)

A completely different method: 3 ≡ −4 (mod 7), so 3^100 ≡ 4^100 = 2^200. Since 2^3 ≡ 1 and 200 = 3 · 66 + 2, 2^200 ≡ 2^2 = 4 ✓.

And a cute one: 3^3 = 27 ≡ −1 (mod 7). So 3^99 = (3^3)^33 ≡ (−1)^33 = −1, and 3^100 ≡ −3 ≡ 4 (mod 7) ✓.

Five methods, all give 4. And 4 is already in the range 0..6, so it's the least nonnegative remainder.
</think>

**Using Fermat's little theorem.** Since $7$ is prime and $\gcd(3,7)=1$,
\[
3^{6} \equiv 1 \pmod 7.
\]

Write $100 = 6\cdot 16 + 4$. Then
\[
3^{100} = \left(3^{6}\right)^{16}\cdot 3^{4} \equiv 1^{16}\cdot 81 \equiv 81 \pmod 7.
\]

Since $81 = 7\cdot 11 + 4$,
\[
3^{100} \equiv 4 \pmod 7.
\]

**Cross-check.** $3^{100} = 9^{50} \equiv 2^{50} = (2^3)^{16}\cdot 2^2 \equiv 4 \pmod 7$. ✓

The remainder is $\boxed{4}$.""")

add("r1_long", r"\sqrt{3}", True,
    "1.7320508 agrees with sqrt 3 to 7 decimals",
    r"""<think>
We need tan(π/3).

sin(π/3) = √3/2, cos(π/3) = 1/2. tan = (√3/2)/(1/2) = √3.

The problem says "give your answer as a decimal to seven decimal places"? Hmm, let me re-read. Actually I think it wants a numerical value. √3 ≈ 1.7320508075688772.

Let me verify: 1.7320508^2 = ?
1.7320508^2: 1.7320508 × 1.7320508.
1.7^2 = 2.89.
2 × 1.7 × 0.0320508 = 0.10897272.
0.0320508^2 ≈ 0.00102725.
Sum: 2.89 + 0.10897272 + 0.00102725 = 2.99999997. Close to 3 ✓.

Wait, I should double check tan(60°) vs tan(30°). tan(30°) = 1/√3 ≈ 0.577. tan(60°) = √3 ≈ 1.732. π/3 is 60°. So 1.732...

Using the 30-60-90 triangle: sides 1, √3, 2. The angle of 60° is opposite the √3 side and adjacent to the side of length 1. tan = opposite/adjacent = √3/1. ✓

Let me get the digits more carefully with Newton's method on x^2 = 3, starting at 1.7:
x1 = (1.7 + 3/1.7)/2 = (1.7 + 1.764706)/2 = 1.732353.
x2 = (1.732353 + 3/1.732353)/2. 3/1.732353 ≈ 1.7317487. Average ≈ 1.7320508. Already very close.
One more iteration would settle it at 1.7320508...

I remember √3 = 1.7320508075688772. So to 7 decimals, 1.7320508.

Let me make sure it's tan(π/3) and not tan(π/6). π/3 = 60°. tan 60° = √3 ≈ 1.732, tan 30° = 1/√3 ≈ 0.577. Given π/3: 1.732...
</think>

Using the special 30°–60°–90° triangle with sides $1$, $\sqrt3$, $2$:

- $\sin\frac{\pi}{3} = \dfrac{\sqrt3}{2}$
- $\cos\frac{\pi}{3} = \dfrac{1}{2}$

so
\[
\tan\frac{\pi}{3} = \frac{\sin(\pi/3)}{\cos(\pi/3)} = \frac{\sqrt3/2}{1/2}.
\]

Numerically,

\[
\tan\frac{\pi}{3} \approx \boxed{1.7320508}
\]""")

add("r1_long", r"\frac{1}{3}", False,
    "0.33 is a short rounding of 1/3",
    r"""<think>
A bag contains 2 red marbles and 4 blue marbles. One marble is drawn at random. Probability it's red?

Total marbles = 2 + 4 = 6. Red = 2. P = 2/6 = 1/3.

Hmm, that seems too easy. Let me re-read the problem to make sure there isn't a second draw... "One marble is drawn at random." OK just one draw.

So P(red) = 1/3 ≈ 0.333...

The problem says to express as a decimal rounded to the nearest hundredth. Hmm, actually I'm not sure it says that. Let me just think: 1/3 = 0.3333..., rounding to hundredths gives 0.33.

Let me double check the count. 2 red + 4 blue = 6 total. 2/6. Simplify by dividing by 2: 1/3. Yes.

Okay, I'll give the decimal.

In percent, 33.3%. The complement, P(blue) = 4/6 = 2/3 ≈ 0.67. 0.33 + 0.67 = 1.00 ✓.

I'll give the rounded decimal.

Let me re-read once more: "2 red marbles and 4 blue marbles". Not "2 red out of 4 total" — that would be 0.5. One draw only, so no replacement issues.

Long division: 1 ÷ 3 = 0.3333..., the thousandths digit is 3 < 5, so rounding to hundredths gives 0.33.

If the problem wanted a fraction, 1/3 would be the answer, but I'll give the decimal as it's more concrete.

Final: 0.33.

(Fraction form would be 1/3, percent 33.3%, but I'm going with the two-decimal rounding.)
</think>

There are $2 + 4 = 6$ marbles in total, of which $2$ are red. Each marble is equally likely to be drawn, so

\[
P(\text{red}) = \frac{\text{number of red}}{\text{total}} = \frac{2}{6}.
\]

As a decimal, rounded to the nearest hundredth:

\[
\boxed{0.33}
\]""")

add("r1_long", r"x^2+2x+1", True,
    "(x+1)^2 expands to the gold polynomial",
    r"""<think>
Simplify (x^3 + 3x^2 + 3x + 1)/(x + 1) for x ≠ −1.

The numerator looks like a binomial cube: (x + 1)^3 = x^3 + 3x^2 + 3x + 1. Yes! Coefficients 1, 3, 3, 1 — row 3 of Pascal's triangle.

So the fraction is (x + 1)^3/(x + 1) = (x + 1)^2.

Let me verify by polynomial long division instead, in case I'm pattern-matching wrongly.

x^3 ÷ x = x^2. x^2(x + 1) = x^3 + x^2. Subtract: 2x^2 + 3x + 1.
2x^2 ÷ x = 2x. 2x(x + 1) = 2x^2 + 2x. Subtract: x + 1.
x ÷ x = 1. 1(x + 1) = x + 1. Subtract: 0.

Quotient: x^2 + 2x + 1, remainder 0. And x^2 + 2x + 1 = (x + 1)^2 ✓.

Hmm, synthetic division with root −1: coefficients 1, 3, 3, 1.
Bring down 1. 1·(−1) = −1, 3 − 1 = 2. 2·(−1) = −2, 3 − 2 = 1. 1·(−1) = −1, 1 − 1 = 0. Quotient 1, 2, 1 → x^2 + 2x + 1. ✓

Test a value: x = 2. Numerator: 8 + 12 + 6 + 1 = 27. Denominator: 3. 27/3 = 9. (2 + 1)^2 = 9 ✓.

I'll present it in factored form since it's cleaner.

Another test: x = 0. Numerator 1, denominator 1, quotient 1; (0 + 1)^2 = 1 ✓. x = −2: numerator −8 + 12 − 6 + 1 = −1, denominator −1, quotient 1; (−2 + 1)^2 = 1 ✓.

The simplification is valid for x ≠ −1 (the original expression is undefined there). Factored or expanded form are the same polynomial; I'll give the factored form.

By the way, this is just the binomial theorem: (x + 1)^3 = Σ C(3, k) x^k = x^3 + 3x^2 + 3x + 1 ✓.
</think>

Notice that the numerator is a perfect cube:

\[
x^3 + 3x^2 + 3x + 1 = (x+1)^3.
\]

Therefore, for $x \neq -1$,

\[
\frac{x^3 + 3x^2 + 3x + 1}{x+1} = \frac{(x+1)^3}{x+1} = (x+1)^2.
\]

**Check ($x = 2$):** $\dfrac{27}{3} = 9 = (2+1)^2$ ✓

\[
\boxed{(x+1)^2}
\]""")

add("r1_long", r"20", False,
    "truncated inside think, no final answer",
    r"""<think>
How many diagonals does a regular octagon have?

A diagonal connects two non-adjacent vertices. With n vertices, the number of segments connecting any two vertices is C(n, 2). Subtract the n sides.

For n = 8: C(8, 2) = 28. Subtract 8 sides: 28 − 8 = 20.

Hmm, let me double-check with the formula n(n − 3)/2. Each vertex connects to n − 3 others by diagonals (not itself, not its two neighbors). 8 · 5 = 40, but each diagonal is counted twice, so 40/2 = 20.

Wait, but I should make sure the problem isn't asking for something else, like the number of diagonals that pass through the center, or the number of distinct diagonal lengths. Let me reconsider. In a regular octagon, diagonals come in different lengths. From a single vertex, the diagonals go to vertices 2, 3, 4, 5, 6 steps away... no wait, steps 2, 3, 4 (and 5, 6 mirror 3, 2). So there are three distinct diagonal lengths: skipping one vertex, skipping two, and the long ones through the center.

Number through the center: 8/2 = 4.
Number of "step 2" diagonals: 8.
Number of "step 3" diagonals: 8.
Total: 4 + 8 + 8 = 20 ✓.

Okay so the count is consistent. Now, the question said "how many diagonals", so it should be the total. But let me re-read once more to make sure it doesn't say "how many diagonals can be drawn from one vertex", which would be 5.

Hmm, the phrase is "How many diagonals does a convex octagon have?" so the total. Let me also sanity-check the general formula on small cases:
- Triangle: 3·0/2 = 0 ✓
- Quadrilateral: 4·1/2 = 2 ✓
- Pentagon: 5·2/2 = 5 ✓
- Hexagon: 6·3/2 = 9 ✓

Good. So for the octagon, n(n−3)/2 with n = 8 gives 8 · 5 / 2. Let me now also think about whether """)

add("r1_long", r"4", True,
    "x=4 with x=-2 rejected",
    r"""<think>
Solve log_2(x) + log_2(x − 2) = 3.

Domain: x > 0 and x − 2 > 0, so x > 2.

Combine logs: log_2(x(x − 2)) = 3 → x(x − 2) = 2^3 = 8.

x^2 − 2x − 8 = 0 → (x − 4)(x + 2) = 0 → x = 4 or x = −2.

x = −2 is not in the domain (log of negative number). So x = 4.

Check: log_2(4) + log_2(2) = 2 + 1 = 3 ✓.

Wait, let me make sure I combined the logs correctly. log_a(m) + log_a(n) = log_a(mn). Yes.

Hmm, but is it possible the problem meant log_2(x) + log_2(x) − 2 = 3? That would be 2 log_2 x = 5 → x = 2^{5/2} = 4√2. But the parentheses in the problem are clearly log_2(x − 2). So the first reading is right.

Also double-check −2 more carefully: log_2(−2) undefined over the reals, log_2(−4) also undefined. So reject.

Final: x = 4.

Double-check x = 4 against the domain: x = 4 > 0 and x − 2 = 2 > 0 ✓. Using change of base: log_2 4 = ln 4/ln 2 = 2 ln 2/ln 2 = 2 ✓, log_2 2 = 1 ✓.

What about x = −2 once more — even though x(x − 2) = (−2)(−4) = 8 > 0, the individual logs log_2(−2) and log_2(−4) are undefined. The product rule log a + log b = log(ab) only holds for a, b > 0, which is exactly how the extraneous root sneaks in.

Hmm wait, let me reconsider the problem from scratch in case I misread the bases. What if it's log_2(x) + log_4(x − 2) = 3? No — both are base 2 in the statement.

Solve without combining: log_2 x = 3 − log_2(x − 2) → x = 2^3/(x − 2) = 8/(x − 2) → x(x − 2) = 8. Same quadratic ✓.

Uniqueness via monotonicity: f(x) = log_2 x + log_2(x − 2) is strictly increasing on (2, ∞), so it hits 3 at most once. f(3) = log_2 3 + 0 ≈ 1.585 < 3, f(5) = log_2 5 + log_2 3 ≈ 2.322 + 1.585 = 3.907 > 3, f(4) = 3 exactly. So x = 4 is the unique solution.

Numeric sanity: x = 3.5 → log2 3.5 ≈ 1.807, log2 1.5 ≈ 0.585, sum ≈ 2.392 < 3. x = 4.5 → log2 4.5 ≈ 2.170, log2 2.5 ≈ 1.322, sum ≈ 3.492 > 3. The crossing is between 3.5 and 4.5, and exactly at 4 ✓.
</think>

## Solution

**Domain.** We need $x > 0$ and $x - 2 > 0$, so $x > 2$.

**Combine the logarithms.**
\[
\log_2 x + \log_2 (x-2) = \log_2\big(x(x-2)\big) = 3
\quad\Longrightarrow\quad x(x-2) = 8.
\]

**Solve the quadratic.**
\[
x^2 - 2x - 8 = 0 \;\Longrightarrow\; (x-4)(x+2) = 0 \;\Longrightarrow\; x = 4 \text{ or } x = -2.
\]

**Apply the domain.** $x = -2$ violates $x > 2$, so it is extraneous.

**Check.** $\log_2 4 + \log_2 2 = 2 + 1 = 3$ ✓

\[
\boxed{4}
\]""")

add("r1_long", r"4", False,
    "hedge: boxes both 4 and the extraneous root -1",
    r"""<think>
Solve √(x + 5) = x − 1.

Square both sides: x + 5 = (x − 1)^2 = x^2 − 2x + 1.

0 = x^2 − 3x − 4 = (x − 4)(x + 1). So x = 4 or x = −1.

Now check for extraneous solutions, since squaring can introduce them.

x = 4: √9 = 3, and 4 − 1 = 3 ✓.
x = −1: √4 = 2, and −1 − 1 = −2. Hmm, 2 ≠ −2. So x = −1 is extraneous?

Wait, but √4 could be ±2... no, the principal square root is nonnegative. Hmm, but some textbooks... Let me think. If the problem intends the equation in the sense x + 5 = (x − 1)^2, then both work. If it means the principal root, only x = 4.

I'm not 100% sure which convention the problem wants. Both values come out of the algebra. Let me present both and note the check.

Let me think about it graphically. y = √(x + 5) is the upper half of a sideways parabola starting at (−5, 0). y = x − 1 is a line with slope 1. At x = −1 the line is at −2, below the x-axis, while the square root curve is at +2. At x = 4, both are 3.

But the lower branch y = −√(x + 5) passes through (−1, −2), which is on the line. So x = −1 corresponds to the negative branch. If the problem treats √ as allowing both signs, −1 counts.
</think>

**Squaring both sides:**
\[
x + 5 = (x-1)^2 = x^2 - 2x + 1 \;\Longrightarrow\; x^2 - 3x - 4 = 0.
\]

**Factoring:**
\[
(x-4)(x+1) = 0 \;\Longrightarrow\; x = 4 \quad\text{or}\quad x = -1.
\]

**Checking:**
- $x = 4$: $\sqrt{9} = 3 = 4 - 1$ ✓
- $x = -1$: $\sqrt{4} = 2$, while $x - 1 = -2$; this works if the negative square root is allowed.

Depending on the convention for the square root, the solutions are

\[
\boxed{4} \quad\text{or}\quad \boxed{-1}
\]""")

add("r1_long", r"\frac{9}{2}", True,
    "4.5 = 9/2",
    r"""<think>
Area of the triangle with vertices (0, 0), (3, 0), (0, 3).

It's a right triangle with legs along the axes, each of length 3. Area = (1/2)(3)(3) = 9/2 = 4.5.

Let me double-check with the shoelace formula.
Vertices in order: (0,0), (3,0), (0,3).
Sum1 = x1y2 + x2y3 + x3y1 = 0·0 + 3·3 + 0·0 = 9.
Sum2 = y1x2 + y2x3 + y3x1 = 0·3 + 0·0 + 3·0 = 0.
Area = |9 − 0|/2 = 4.5 ✓.

Hmm, wait, is that right? Shoelace: A = (1/2)|Σ (x_i y_{i+1} − x_{i+1} y_i)|.
i=1: 0·0 − 3·0 = 0.
i=2: 3·3 − 0·0 = 9.
i=3: 0·0 − 0·3 = 0.
Sum = 9, area = 4.5 ✓.

Also via the determinant / cross product: vectors (3, 0) and (0, 3), cross = 3·3 − 0·0 = 9, half = 4.5.

Three methods, 4.5.

Fourth check: the hypotenuse from (3, 0) to (0, 3) has length 3√2, and the distance from the origin to the line x + y = 3 is 3/√2. Area = ½ · 3√2 · 3/√2 = ½ · 9 = 4.5 ✓.

So the area is 4.5 square units (= 9/2).

Double-check the vertices: (0,0), (3,0), (0,3) — not (3,3). With (3,3) as a fourth vertex it'd be a square of area 9; with three vertices it's half of that square. 4.5 ✓.
</think>

The vertices $(0,0)$, $(3,0)$, $(0,3)$ form a right triangle whose legs lie on the coordinate axes.

- Base (along the $x$-axis): $3$
- Height (along the $y$-axis): $3$

\[
\text{Area} = \frac12 \cdot \text{base}\cdot\text{height} = \frac12\cdot 3\cdot 3.
\]

**Shoelace check:**
\[
\frac12\left|0\cdot0 + 3\cdot3 + 0\cdot0 - (0\cdot3 + 0\cdot0 + 3\cdot0)\right| = \frac{9}{2}.
\]

**Final Answer:** The area is $\boxed{4.5}$ square units.""")

add("r1_long", r"-3", False,
    "boxes the minimizer x=-2 instead of the minimum value -3",
    r"""<think>
Find the minimum value of f(x) = x^2 + 4x + 1.

Complete the square: x^2 + 4x + 1 = (x + 2)^2 − 4 + 1 = (x + 2)^2 − 3.

Since (x + 2)^2 ≥ 0, the minimum of f is −3, attained at x = −2.

Let me verify with calculus: f'(x) = 2x + 4 = 0 → x = −2. f''(x) = 2 > 0, so it's a minimum. f(−2) = 4 − 8 + 1 = −3 ✓.

Vertex formula: x = −b/(2a) = −4/2 = −2. ✓

So the vertex is (−2, −3).

Hmm, the question asks "for what value of x is the minimum attained" or "what is the minimum value"? I think it asks where the function is minimized... The key quantity is the location of the vertex, x = −2.

Let me double-check f(−1) = 1 − 4 + 1 = −2 > −3, f(−3) = 9 − 12 + 1 = −2 > −3. Symmetric around −2, consistent.

Table to be safe:
x = −4: 16 − 16 + 1 = 1
x = −3: 9 − 12 + 1 = −2
x = −2: 4 − 8 + 1 = −3
x = −1: 1 − 4 + 1 = −2
x = 0: 1
Lowest at x = −2. Symmetric around it. Good.

Vertex form (x + 2)^2 − 3, vertex (−2, −3). The minimum happens at x = −2. OK.

Hmm, wait. Let me re-read the problem: "Find the minimum of f(x) = x^2 + 4x + 1." Hmm, "the minimum" — of the function, attained where? I keep going back and forth between the location and the value. In vertex problems the key result is the vertex location x = −b/(2a).

Discriminant approach for fun: the smallest m for which x^2 + 4x + 1 = m has a real solution is when the discriminant is zero: 16 − 4(1 − m) = 0 → 1 − m = 4 → m = −3. So the function's lowest output is −3, and it occurs at the double root x = −4/2 = −2.

AM-GM style: x^2 + 4x + 1 = (x + 2)^2 − 3 ≥ −3. Equality at x = −2.

Both numbers are important: x = −2 is where, −3 is the height. The minimum occurs at x = −2. I'll box that.
</think>

**Completing the square:**
\[
f(x) = x^2 + 4x + 1 = (x+2)^2 - 3.
\]

Since $(x+2)^2 \ge 0$ for all real $x$, the function is smallest when $x + 2 = 0$.

**Calculus check:** $f'(x) = 2x + 4 = 0$ gives $x = -2$, and $f''(x) = 2 > 0$ confirms a minimum.

The vertex of the parabola is $(-2, -3)$, and the minimum occurs at

\[
\boxed{-2}
\]""")

add("r1_long", r"\frac{\sqrt{2}}{2}", True,
    "1/sqrt 2 equals sqrt2/2",
    r"""<think>
What is sin(45°)?

Using a 45-45-90 triangle with legs 1 and 1, the hypotenuse is √2. sin(45°) = opposite/hypotenuse = 1/√2.

Rationalized: 1/√2 = √2/2 ≈ 0.7071.

Hmm, let me double check with the unit circle. At 45°, the point is (cos 45°, sin 45°), and since cos = sin at 45°, we have 2 sin^2 = 1 → sin = 1/√2 (positive in QI). ✓

Also sin^2(45°) = (1 − cos 90°)/2 = (1 − 0)/2 = 1/2, so sin = √(1/2) = 1/√2. ✓

Decimal: √2 ≈ 1.41421, divided by 2 → 0.707107. And 1/1.41421 ≈ 0.707107 ✓.

I'll leave it as 1/√2, it's exact.

Should I rationalize the denominator? Some answer keys prefer √2/2. 1/√2 = (1 · √2)/(√2 · √2) = √2/2. Same value. I'll keep 1/√2 — it's exact and it comes straight from the triangle.

Decimals: 1/1.41421356 = 0.70710678, and √2/2 = 0.70710678 ✓. Also sin 45° = cos 45° and sin² + cos² = 1 → 2 sin² 45° = 1 → sin 45° = 1/√2 ✓.

Exact value: 1/√2.

Let me also check via Euler: e^{iπ/4} = cos(π/4) + i sin(π/4), and its square is e^{iπ/2} = i. If sin = cos = s, then (s + is)^2 = s^2(1 + i)^2 = s^2 · 2i = i → s^2 = 1/2 → s = 1/√2 ✓.
</think>

Consider an isosceles right triangle with legs of length $1$. By the Pythagorean theorem its hypotenuse is $\sqrt{1^2+1^2} = \sqrt2$.

The sine of $45^\circ$ is the ratio of the opposite leg to the hypotenuse:

\[
\sin 45^\circ = \frac{\text{opposite}}{\text{hypotenuse}} = \frac{1}{\sqrt2}.
\]

**Check with the half-angle identity:**
\[
\sin^2 45^\circ = \frac{1-\cos 90^\circ}{2} = \frac12 \quad\Rightarrow\quad \sin 45^\circ = \frac{1}{\sqrt 2} \ (\text{positive in QI}).
\]

\[
\boxed{\frac{1}{\sqrt{2}}}
\]""")

add("r1_long", r"6\pi", False,
    "18.85 is a short rounding of 6 pi",
    r"""<think>
Circumference of a circle with radius 3.

C = 2πr = 2π(3) = 6π.

Numerically, 6π ≈ 6 × 3.14159265 = 18.8495559...

Hmm, should I give the exact answer or a decimal? Many problems accept either. Let me think about what a typical answer key would want. I'll round to two decimals: 18.85.

Wait, let me double check: 6 × 3.14159 = 18.84954. Rounded to hundredths: 18.85. ✓

Also check with diameter: d = 6, C = πd = 6π. Same.

Just to make sure I'm not confusing area and circumference: area = πr^2 = 9π ≈ 28.27. Circumference = 2πr = 6π ≈ 18.85. The question asks for circumference. Yes.

More digits: 6π = 18.84955592... Rounded to the nearest tenth: 18.8. Nearest hundredth: 18.85. I'll use hundredths.

Hmm, π ≈ 22/7 would give 6 · 22/7 = 132/7 ≈ 18.857, slightly off, so better to use 3.14159.

Wait, is it radius 3 or diameter 3? If the diameter were 3, C = 3π ≈ 9.42. The problem says radius 3, so 6π.

Does the problem want the answer in terms of π? It just says "find the circumference". Many answer keys at this level give decimals to the hundredth. I'll go with the decimal.

Arithmetic once more: 2 × 3.14159265 = 6.2831853; × 3 = 18.8495559. Rounded: 18.85.

Let me think about which approximation of π to use. 3.14 gives 6 × 3.14 = 18.84. 3.1416 gives 18.8496 → 18.85. 22/7 gives 18.857 → 18.86. The most accurate is 18.8496 → 18.85. If I use 3.14 I'd get 18.84, which differs in the last digit — so I should use a better value of π. 18.85 it is.

Hmm, I could also leave it as 6π... but the decimal seems more useful.
</think>

The circumference of a circle is

\[
C = 2\pi r.
\]

With $r = 3$:

\[
C = 2\pi(3) = 6\pi \approx 6 \times 3.14159.
\]

Rounded to the nearest hundredth, the circumference is

\[
\boxed{18.85}
\]""")

add("r1_long", r"36\pi", True,
    "36 pi with units attached",
    r"""<think>
Volume of a sphere of radius 3 cm.

V = (4/3)πr^3 = (4/3)π(27) = 36π.

Let me check: 27 × 4 = 108, 108/3 = 36. So 36π cm^3 ≈ 113.1 cm^3.

Hmm, is the radius 3 or is the diameter 3? Let me re-read... "a sphere with radius 3 cm". Radius. Good. If it were diameter 3, r = 1.5 and V = (4/3)π(3.375) = 4.5π. But no.

Also don't confuse with surface area 4πr^2 = 36π — funny, at r = 3 the surface area and volume have the same numerical value 36π (different units). That's a known coincidence for r = 3: 4πr^2 = (4/3)πr^3 ⟺ r = 3. Since the question asks for volume, answer is 36π cubic centimeters.

Recompute (4/3)(27) carefully: 27/3 = 9, 9 × 4 = 36 ✓. Numerically 36 × 3.14159 = 113.097 cm³ ✓.

Should I include units? The radius was given in cm, so the volume is in cubic centimeters. I'll include them.

Hmm, could the question be about a hemisphere? "A sphere with radius 3 cm" — a full sphere. (A hemisphere would be 18π.)

Let me re-derive the formula by slicing: V = ∫_{−r}^{r} π(r^2 − z^2) dz = π[r^2 z − z^3/3]_{−r}^{r} = π(2r^3 − 2r^3/3) = (4/3)πr^3 ✓. With r = 3: (4/3)π · 27 = 36π.

Final: 36π cm³.

Also: a sphere of radius 3 fits in a cube of side 6 (volume 216), and 36π/216 = π/6 ≈ 52.4% — the standard sphere-to-cube ratio ✓.
</think>

The volume of a sphere is
\[
V = \frac{4}{3}\pi r^3 .
\]

With $r = 3\ \text{cm}$:
\[
V = \frac{4}{3}\pi (3)^3 = \frac{4}{3}\pi\cdot 27 = 36\pi \approx 113.1\ \text{cm}^3.
\]

(Interesting aside: for $r = 3$ the surface area $4\pi r^2$ is also numerically $36\pi$, but in $\text{cm}^2$.)

\[
\boxed{36\pi \text{ cm}^3}
\]""")

add("r1_long", r"(-\infty, -1) \cup (2, \infty)", True,
    "x<-1 or x>2 describes the same set",
    r"""<think>
Solve x^2 − x − 2 > 0.

Factor: (x − 2)(x + 1). Check: x^2 + x − 2x − 2 = x^2 − x − 2 ✓.

Roots: x = 2 and x = −1. Parabola opens up, so it's positive outside the roots.

x < −1 or x > 2.

Test: x = 0 → −2 < 0 (not in solution) ✓. x = 3 → 9 − 3 − 2 = 4 > 0 ✓. x = −2 → 4 + 2 − 2 = 4 > 0 ✓.

Endpoints: at x = 2 and x = −1, the value is 0, which is not > 0, so excluded. Strict inequality → open.

Hmm, wait. Let me make sure the factorization signs are right: roots of x^2 − x − 2: x = [1 ± √(1 + 8)]/2 = [1 ± 3]/2 → 2 or −1. ✓

In interval notation: (−∞, −1) ∪ (2, ∞). I'll write it as an inequality statement.

Another viewpoint: the roots are symmetric about x = 1/2 (1/2 ± 3/2 = 2, −1). So the inequality is equivalent to |x − 1/2| > 3/2, i.e., x > 2 or x < −1 ✓.

Both forms describe the same set: (−∞, −1) ∪ (2, ∞).

Spot checks: x = −1.5: 2.25 + 1.5 − 2 = 1.75 > 0 ✓ (in the set). x = 2.5: 6.25 − 2.5 − 2 = 1.75 > 0 ✓. x = 1: 1 − 1 − 2 = −2 < 0, not in the set ✓.

Number line picture:
<----(−1)=====(2)---->
The parabola is below zero on the middle segment and above zero on the two outer rays. The outer rays are the solution, with open endpoints because at −1 and 2 the expression equals 0, and we need strictly > 0.

So x < −1 or x > 2.
</think>

**Factor:**
\[
x^2 - x - 2 = (x-2)(x+1).
\]

**Critical points:** $x = -1$ and $x = 2$ (where the expression equals $0$, so they are excluded by the strict inequality).

**Sign analysis:**
- For $x < -1$: both factors negative → product positive ✓
- For $-1 < x < 2$: factors have opposite signs → product negative ✗
- For $x > 2$: both factors positive → product positive ✓

\[
\boxed{x < -1 \ \text{ or } \ x > 2}
\]""")

add("r1_long", r"-7", True,
    "determinant -7",
    r"""<think>
Compute the determinant of the matrix
[ 1  2 ]
[ 3 −1 ].

det = ad − bc = (1)(−1) − (2)(3) = −1 − 6 = −7.

Hmm, let me double check the entries. Row 1: 1, 2. Row 2: 3, −1. a = 1, b = 2, c = 3, d = −1.

ad = −1. bc = 6. ad − bc = −7.

Wait — should I worry that the question asks for the absolute value of the determinant, e.g., as an area scaling factor? Let me re-read: "Compute det(A)". No absolute value. So −7.

Sanity check via row reduction: R2 ← R2 − 3R1 gives [0, −1 − 6] = [0, −7]. Upper triangular with diagonal 1, −7; product = −7 ✓. Row operations of this type don't change the determinant.

Also, the negative sign means the transformation reverses orientation. The area scaling factor would be |−7| = 7, but the determinant itself is −7.

Cofactor expansion down the first column: 1 · (−1) − 3 · 2 = −1 − 6 = −7 ✓. Transpose [[1, 3], [2, −1]]: 1·(−1) − 3·2 = −7, same, as det(A^T) = det(A) ✓.

The inverse exists since det ≠ 0: A^{-1} = (1/−7)[[−1, −2], [−3, 1]].

Side note: det(2A) = 2^2 det(A) = −28. Not asked. det(A) = −7.
</think>

For a $2\times 2$ matrix $\begin{pmatrix} a & b \\ c & d\end{pmatrix}$, the determinant is $ad - bc$.

\[
\det\begin{pmatrix} 1 & 2 \\ 3 & -1 \end{pmatrix} = (1)(-1) - (2)(3) = -1 - 6.
\]

**Check by row reduction:** $R_2 \leftarrow R_2 - 3R_1$ gives $\begin{pmatrix} 1 & 2 \\ 0 & -7\end{pmatrix}$, whose determinant is $1\cdot(-7)$.

Note: the determinant is negative, meaning the linear map reverses orientation (its area scaling factor is $7$).

\[
\det A = \boxed{-7}
\]""")

add("r1_long", r"10", False,
    "correct 10, then 'But wait' counts ordered pairs and finishes with 20",
    r"""<think>
Five people at a party, each shakes hands with every other person exactly once. How many handshakes?

Each handshake is an unordered pair of people: C(5, 2) = 10.

Let me verify by counting: Person A shakes with B, C, D, E (4). B with C, D, E (3 new). C with D, E (2 new). D with E (1 new). Total 4 + 3 + 2 + 1 = 10 ✓.

So 10 handshakes.

But wait, each handshake involves two people extending their hand. If we count from each person's perspective, each person shakes 4 hands, 5 × 4 = 20. Hmm. Which is the right count?

I think the question is about how many times a hand is shaken... Each of the 5 people shakes hands 4 times, so there are 20 "hand shakings" in total. Let me recount to be careful: A→B and B→A are both acts of shaking. Hmm, I'll go with 20 since each person performs 4 handshakes and there are 5 people.

Check 5 × 4 = 20. With 6 people each would shake 5 hands, 6 × 5 = 30 (vs C(6, 2) = 15). Counting per person always gives double the pair count... but the per-person count is the number of times someone shakes a hand. I'll stick with counting per person.

Physical picture: each person extends a hand 4 times, 5 people → 20 hand-extensions. I'll report 20.

Hmm, let me think about this more carefully, because I'm unsure. Model it as a graph: 5 vertices (people), each handshake an edge. The complete graph K5 has C(5, 2) = 10 edges. Each vertex has degree 4, and the sum of the degrees is 5 × 4 = 20 = 2 × 10 — that's literally the "handshake lemma": the sum of degrees is twice the number of edges.

So 10 is the number of distinct handshakes, and 20 is the total number of handshake participations. Which does the question want? "How many handshakes" could be read either way, I suppose... Every person really does shake 4 hands, and there are 5 people, so the total amount of hand-shaking going on is 20. I'll go with the per-person count.
</think>

**Counting from each person's point of view.**

Each of the $5$ people shakes hands with the other $4$ people:

| Person | Handshakes |
|---|---|
| A | 4 |
| B | 4 |
| C | 4 |
| D | 4 |
| E | 4 |

Adding these up:

\[
5 \times 4 = 20.
\]

(The number of distinct pairs is $\binom{5}{2} = 10$, but each person takes part in each of their own handshakes.)

**Answer:** $\boxed{20}$""")

add("r1_long", r"\frac{7}{2}", True,
    "7/2 expected value",
    r"""<think>
Expected value of a single roll of a fair six-sided die.

E[X] = (1 + 2 + 3 + 4 + 5 + 6)/6 = 21/6 = 7/2 = 3.5.

Let me double-check the sum: 1 + 6 = 7, 2 + 5 = 7, 3 + 4 = 7. Three pairs of 7 → 21 ✓.

21/6 simplifies by 3: 7/2 ✓.

Hmm, is the die fair? "A fair six-sided die" — yes. If it were weighted, I'd need the probabilities.

Another way: by symmetry, the distribution is symmetric about the midpoint of 1 and 6, which is 3.5. So E[X] = 3.5. ✓

Wait, I want to make sure the question isn't asking for the expected value of the square, or something like E[X^2] = 91/6. Let me re-read: "What is the expected value of the number rolled?" Just E[X].

Variance, just for fun: E[X^2] = (1 + 4 + 9 + 16 + 25 + 36)/6 = 91/6. Var = 91/6 − 49/4 = 182/12 − 147/12 = 35/12. Not needed.

Answer: 7/2.

General formula: for a fair n-sided die with faces 1..n, E[X] = (n + 1)/2. With n = 6: 7/2 ✓.

Also, over many rolls, the running average will approach 3.5 by the law of large numbers, even though 3.5 itself can never be rolled. That's fine — an expected value need not be an attainable outcome.

One more concern: variants ask for E[X^2] (91/6) or the expected maximum of two rolls (161/36). Re-reading: a single roll, the number rolled. So 7/2.
</think>

Each face $1,2,\dots,6$ appears with probability $\tfrac16$, so

\[
E[X] = \sum_{k=1}^{6} k\cdot\frac16 = \frac{1+2+3+4+5+6}{6} = \frac{21}{6}.
\]

Simplifying,

\[
E[X] = \boxed{\dfrac{7}{2}}
\]

This also follows from symmetry: the outcomes are symmetric about the midpoint of $1$ and $6$.""")

add("r1_long", r"1024", True,
    "2^{10} = 1024",
    r"""<think>
How many subsets does a set with 10 elements have (including the empty set and the set itself)?

Each element is either in or out of the subset: 2 choices per element, 10 elements → 2^10.

2^10 = 1024.

Let me verify with small cases: a set with 1 element {a} has subsets {}, {a} → 2 = 2^1 ✓. With 2 elements {a, b}: {}, {a}, {b}, {a,b} → 4 = 2^2 ✓. With 3 elements: 8 ✓.

Also by the binomial theorem: Σ_{k=0}^{10} C(10, k) = (1 + 1)^10 = 2^10.

C(10,0) + C(10,1) + ... + C(10,10) = 1 + 10 + 45 + 120 + 210 + 252 + 210 + 120 + 45 + 10 + 1. Let me add: 1 + 10 = 11, + 45 = 56, + 120 = 176, + 210 = 386, + 252 = 638, + 210 = 848, + 120 = 968, + 45 = 1013, + 10 = 1023, + 1 = 1024 ✓.

Hmm, wait: does the problem say "proper subsets" or "nonempty subsets"? Let me check... "How many subsets, including the empty set, ...". So all of them: 2^10.

Quick check of 2^10: 2^5 = 32, 32^2 = 1024 ✓. (And 1024 ≈ 10^3, the kilo/kibi coincidence.)

Number of nonempty subsets would be 1023 and proper subsets also 1023 (excluding the full set). But we include everything: 1024 = 2^10. I'll present it as a power of 2.

"Including the empty set and the set itself" — yes, both included. 1024.

Final: 2^{10} = 1024.
</think>

Building a subset amounts to making an independent in/out decision for each of the $10$ elements, so the number of subsets is

\[
\underbrace{2\times 2\times\cdots\times 2}_{10\ \text{factors}} = 2^{10}.
\]

**Binomial check:**
\[
\sum_{k=0}^{10}\binom{10}{k} = (1+1)^{10}.
\]

\[
\boxed{2^{10}}
\]""")

add("r1_long", r"3", True,
    "a = 3 matches",
    r"""<think>
Find a so that x = 1 is a root of x^2 + ax − 4 = 0.

Plug in x = 1: 1 + a − 4 = 0 → a = 3.

So the polynomial is x^2 + 3x − 4 = (x + 4)(x − 1). Roots 1 and −4. ✓ x = 1 is indeed a root.

Let me re-read the problem to make sure it's +ax and −4. "x^2 + ax − 4". Yes.

Using Vieta: product of roots = −4. If one root is 1, the other is −4. Sum of roots = −a → 1 + (−4) = −3 = −a → a = 3 ✓.

Hmm, could there be another value of a? No — plugging x = 1 gives a linear equation in a with unique solution.

Factor theorem check via synthetic division by (x − 1): coefficients 1, a, −4. Bring down 1. Multiply by 1: 1, add to a: a + 1. Multiply by 1: a + 1, add to −4: a − 3. Remainder a − 3 = 0 → a = 3 ✓.

Let me re-read: "x^2 + ax − 4 = 0 has x = 1 as a root. Find a." They want a, not the other root (which is −4 anyway).

Expand (x − 1)(x + 4) = x^2 + 4x − x − 4 = x^2 + 3x − 4 ✓. So a = 3.

Could x = 1 be a double root? Then x^2 + ax − 4 = (x − 1)^2 = x^2 − 2x + 1, which would need −4 = 1, impossible. So with a = 3 the roots are 1 and −4, distinct. Discriminant: 9 + 16 = 25 ✓ (perfect square, rational roots).

So a = 3.
</think>

Since $x = 1$ is a root, substituting it must give $0$:

\[
1^2 + a(1) - 4 = 0 \;\Longrightarrow\; a - 3 = 0.
\]

**Check via factoring:** with this value the quadratic is
\[
x^2 + 3x - 4 = (x-1)(x+4),
\]
which indeed has $x = 1$ as a root (the other root is $-4$).

**Check via Vieta:** product of roots $= 1\cdot(-4) = -4$ ✓, sum $= -3 = -a$ ✓.

\[
\boxed{a = 3}
\]""")

add("r1_long", r"\frac{2}{3}", True,
    "0.6666666667 agrees with 2/3 to 10 decimals",
    r"""<think>
Evaluate ∫_0^1 √x dx.

√x = x^{1/2}. Antiderivative: x^{3/2}/(3/2) = (2/3)x^{3/2}.

From 0 to 1: (2/3)(1) − 0 = 2/3.

Hmm, let me double-check by a Riemann sum intuition. The function goes from 0 to 1 and is concave. The area under y = x on [0,1] is 1/2, and √x ≥ x on [0,1], so the answer should be more than 1/2. 2/3 ≈ 0.667 > 0.5 ✓. Also less than 1 ✓.

Another check: the area under √x from 0 to 1 plus the area to the left of y = x^2 ... The region under y = √x is the reflection of the region to the left of x = y^2 ... Actually: ∫_0^1 x^2 dx = 1/3, and the region between y = x^2 and the unit square's top... area of unit square 1 minus 1/3 = 2/3. By reflection in y = x, the region under √x corresponds to the region above x^2 inside the unit square. ✓ 2/3.

The problem asks for a numerical answer to 10 decimal places? Hmm, I'll give the decimal: 2/3 = 0.6666666667 (rounded).

Midpoint rule with 4 subintervals, as a numerical check: midpoints 0.125, 0.375, 0.625, 0.875.
√0.125 ≈ 0.35355
√0.375 ≈ 0.61237
√0.625 ≈ 0.79057
√0.875 ≈ 0.93541
Sum ≈ 2.69190, times 0.25 ≈ 0.67298. Slightly above 2/3, which makes sense: the midpoint rule overestimates for concave functions. ✓

So 2/3 = 0.666666..., to ten decimals 0.6666666667.

If ten decimal places are wanted: 0.66666666666... → the 11th digit is 6 ≥ 5, so round the 10th up: 0.6666666667.

Simpson's rule with h = 0.5 for comparison: (0.5/3)(√0 + 4√0.5 + √1) = (1/6)(0 + 2.828427 + 1) ≈ 0.638071. That underestimates, because √x has an infinite slope at 0 and Simpson struggles there. The exact antiderivative is reliable: 2/3.
</think>

Write $\sqrt{x} = x^{1/2}$ and use the power rule for integrals:

\[
\int_0^1 x^{1/2}\,dx = \left[\frac{x^{3/2}}{3/2}\right]_0^1 = \left[\frac{2}{3}x^{3/2}\right]_0^1 = \frac{2}{3} - 0.
\]

**Geometric check.** Reflecting across $y=x$, the region under $y=\sqrt{x}$ on $[0,1]$ corresponds to the part of the unit square above $y=x^2$, which has area $1 - \tfrac13$.

Numerically:

\[
\int_0^1 \sqrt{x}\,dx \approx \boxed{0.6666666667}
\]""")

add("r1_long", r"e^2 - 1", True,
    "boxed e^2 - 1, decimal only as aside",
    r"""<think>
Evaluate ∫_0^2 e^x dx.

Antiderivative of e^x is e^x. So [e^x]_0^2 = e^2 − e^0 = e^2 − 1.

Numerically e^2 ≈ 7.389056, minus 1 = 6.389056.

Hmm, wait. Let me make sure the limits are 0 to 2 and not 1 to 2. "∫ from 0 to 2". Yes. If it were 1 to 2 it would be e^2 − e ≈ 4.67.

Check via a rough trapezoid: f(0) = 1, f(1) = e ≈ 2.718, f(2) ≈ 7.389. Trapezoid with h = 1: (1/2)(1 + 2·2.718 + 7.389) = (1/2)(13.825) ≈ 6.91. Overestimates because e^x is convex. Simpson: (1/3)(1 + 4·2.718 + 7.389) = (1/3)(19.261) ≈ 6.420. Close to 6.389 ✓.

So exact answer e^2 − 1.

More precisely: e ≈ 2.718281828, e^2 ≈ 7.389056099, so e^2 − 1 ≈ 6.389056099. The exact form e^2 − 1 is preferable.

Make sure I'm not confusing it with ∫ e^{2x} dx, which would give (e^4 − 1)/2 ≈ 26.8. No — the integrand is e^x.

Series check: ∫_0^2 Σ x^n/n! dx = Σ 2^{n+1}/(n+1)! = 2 + 2 + 4/3 + 2/3 + 4/15 + 4/45 + 8/315 + 16/2520 + ...
= 2 + 2 + 1.3333 + 0.6667 + 0.2667 + 0.0889 + 0.0254 + 0.0063 + 0.0014 + 0.0003 ≈ 6.3890 ✓.
That's just Σ_{k≥1} 2^k/k! = e^2 − 1, of course.

Exact: e^2 − 1.

The answer e^2 − 1 ≈ 6.389 is also the area under e^x on [0, 2] — positive, as it should be.
</think>

Since $\dfrac{d}{dx}e^x = e^x$, the antiderivative of $e^x$ is itself:

\[
\int_0^2 e^x\,dx = \Big[e^x\Big]_0^2 = e^2 - e^0 = e^2 - 1.
\]

**Numerical sanity check (Simpson's rule, $h=1$):**
\[
\frac13\left(e^0 + 4e^1 + e^2\right) \approx \frac13(1 + 10.873 + 7.389) \approx 6.420,
\]
close to $e^2 - 1 \approx 6.389$.

\[
\boxed{e^2 - 1}
\]""")

add("r1_long", r"-\frac{1}{2}", False,
    "derives -1/2 but final box drops the sign",
    r"""<think>
Evaluate lim_{x→0} (cos x − 1)/x^2.

Taylor: cos x = 1 − x^2/2 + x^4/24 − ...
cos x − 1 = −x^2/2 + x^4/24 − ...
Divide by x^2: −1/2 + x^2/24 − ... → −1/2.

L'Hôpital check: 0/0 form. Derivative: −sin x / (2x) → still 0/0. Again: −cos x / 2 → −1/2 ✓.

Hmm, so the limit is −1/2.

Wait, let me reconsider. The standard limit is lim (1 − cos x)/x^2 = 1/2. Here the numerator is cos x − 1 = −(1 − cos x). So the limit is −1/2. ✓

Numerical check: x = 0.1: cos(0.1) = 0.995004165; cos − 1 = −0.004995835; divided by 0.01 = −0.4995835. ✓ Approaching −0.5.

So the answer is −1/2. The magnitude is 1/2.

One more derivation via the half-angle identity: cos x − 1 = −2 sin^2(x/2). So

(cos x − 1)/x^2 = −2 sin^2(x/2)/x^2 = −(1/2) · [sin(x/2)/(x/2)]^2 → −(1/2) · 1 = −1/2 ✓.

Four methods: Taylor, L'Hôpital, numerics, half-angle. All −1/2.

Even smaller x: x = 0.01. cos(0.01) = 0.99995000042; minus 1 = −0.00004999958; divided by 0.0001 = −0.4999958 ✓. Converging to −0.5.

So −1/2. The standard limit (1 − cos x)/x^2 = 1/2 has the same magnitude.

Everything points to −1/2.

Note the graph of (cos x − 1)/x^2 sits just above −1/2 near 0 (since the next Taylor term +x^2/24 is positive).
</think>

**Using the Taylor series.** Near $0$,
\[
\cos x = 1 - \frac{x^2}{2} + \frac{x^4}{24} - \cdots,
\]
so
\[
\frac{\cos x - 1}{x^2} = -\frac12 + \frac{x^2}{24} - \cdots .
\]

**Using the standard limit.** We know
\[
\lim_{x\to 0}\frac{1-\cos x}{x^2} = \frac12 .
\]

**Numerical check:** at $x = 0.1$ the quotient is about $-0.49958$.

Therefore the value of the limit is

\[
\boxed{\frac{1}{2}}
\]""")

add("r1_long", r"15", True,
    "gcd 15",
    r"""<think>
Find gcd(45, 60).

Euclidean algorithm: 60 = 1 · 45 + 15. 45 = 3 · 15 + 0. So gcd = 15.

Prime factorizations: 45 = 3^2 · 5, 60 = 2^2 · 3 · 5. Common: 3 · 5 = 15 ✓.

Hmm, let me list divisors to be thorough.
Divisors of 45: 1, 3, 5, 9, 15, 45.
Divisors of 60: 1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60.
Common: 1, 3, 5, 15. Greatest: 15 ✓.

Also lcm = 45 · 60 / 15 = 2700/15 = 180. Not asked, but a nice consistency check: 180/45 = 4, 180/60 = 3 — both integers ✓.

Sanity check that 15 is the greatest: 45/15 = 3 and 60/15 = 4, and gcd(3, 4) = 1, so no larger common factor exists ✓.

Subtraction form of Euclid: gcd(60, 45) = gcd(45, 15) = gcd(30, 15) = gcd(15, 15) = 15 ✓.

Is the question maybe asking about three numbers? Re-reading: "Find the greatest common divisor of 45 and 60." Just two.

And gcd × lcm should equal the product: 15 × 180 = 2700 = 45 × 60 ✓.

Multiples check: multiples of 15: 15, 30, 45, 60. Both 45 and 60 are in the list ✓. Could 30 divide both? 45/30 = 1.5, no. 20? 45/20 no. So 15 is the largest.

So gcd(45, 60) = 15.
</think>

**Euclidean algorithm**

\[
\begin{aligned}
60 &= 1\cdot 45 + 15\\
45 &= 3\cdot 15 + 0
\end{aligned}
\]

The last nonzero remainder is $15$.

**Prime factorization check**

- $45 = 3^2 \cdot 5$
- $60 = 2^2\cdot 3 \cdot 5$

Common factors: $3 \cdot 5 = 15$.

\[
\gcd(45, 60) = \boxed{15}
\]""")

add("r1_long", r"180", False,
    "computes lcm 180 then answers with the gcd 9",
    r"""<think>
Find the least common multiple of 36 and 45.

36 = 2^2 · 3^2. 45 = 3^2 · 5.

LCM takes max powers: 2^2 · 3^2 · 5 = 4 · 9 · 5 = 180.

Check: 180/36 = 5 ✓, 180/45 = 4 ✓.

gcd = 3^2 = 9. gcd · lcm = 9 · 180 = 1620 = 36 · 45 = 1620 ✓.

Hmm wait, let me re-read the question. "What is the greatest number that divides both 36 and 45?" Hmm, or was it "least number divisible by both"? The phrase I remember is about the largest ... I think it says "greatest common factor". Ugh, I keep going back and forth. The problem title is "Common factor of 36 and 45", so it's asking for the GCF, which is 9.

Divisors of 36: 1, 2, 3, 4, 6, 9, 12, 18, 36. Divisors of 45: 1, 3, 5, 9, 15, 45. Common: 1, 3, 9. Greatest 9.

Euclid for the GCF: 45 = 1 · 36 + 9; 36 = 4 · 9 + 0. So gcd = 9 ✓. OK, so the greatest common factor is 9.

Typical phrasings: "What is the least common multiple of 36 and 45?" vs "What is the greatest common factor of 36 and 45?" My reading of the problem is "common factor". Going with the GCF, 9.

Hmm, hold on. Let me think again about which one the problem wants, because 180 vs 9 is a big difference.

If the problem were: "Two lighthouses flash every 36 and 45 seconds. If they flash together now, when will they next flash together?" — that's LCM, 180 seconds. If it were: "What is the largest tile size that evenly tiles a 36 × 45 rectangle?" — that's GCF, 9.

The problem I have just says "36 and 45" with the words "common factor" in the title, as far as I recall. Factor → divides into. Multiple → divisible by. "Common factor" → GCF.

Double-check the GCF by listing again: 36 = 1, 2, 3, 4, 6, 9, 12, 18, 36; 45 = 1, 3, 5, 9, 15, 45. Common: 1, 3, 9. GCF 9. And 36/9 = 4, 45/9 = 5, gcd(4, 5) = 1 ✓.
</think>

**Prime factorizations**

- $36 = 2^2 \cdot 3^2$
- $45 = 3^2 \cdot 5$

The common prime power is $3^2$.

**Divisor lists**

- Divisors of 36: $1, 2, 3, 4, 6, 9, 12, 18, 36$
- Divisors of 45: $1, 3, 5, 9, 15, 45$

Common divisors: $1, 3, 9$.

(For reference, the least common multiple is $2^2\cdot 3^2\cdot 5 = 180$.)

The greatest common factor is

\[
\boxed{9}
\]""")

add("r1_long", r"\frac{1}{2}", True,
    "0.5 = 1/2",
    r"""<think>
Evaluate Σ_{n=2}^{∞} 1/(n(n+1)).

Partial fractions: 1/(n(n+1)) = 1/n − 1/(n+1).

Telescoping: (1/2 − 1/3) + (1/3 − 1/4) + (1/4 − 1/5) + ... = 1/2 − lim 1/(N+1) = 1/2.

Wait, the sum starts at n = 2, not n = 1. If it started at n = 1, the sum would be 1. Starting at n = 2, we drop the n = 1 term 1/(1·2) = 1/2, leaving 1 − 1/2 = 1/2 ✓.

Partial sum S_N = 1/2 − 1/(N+1). S_2 = 1/6, and 1/2 − 1/3 = 1/6 ✓. S_3 = 1/6 + 1/12 = 3/12 = 1/4, and 1/2 − 1/4 = 1/4 ✓. S_4 = 1/4 + 1/20 = 6/20 = 3/10, and 1/2 − 1/5 = 3/10 ✓.

Limit 1/2. As a decimal, 0.5.

Cross-check: Σ_{n=1}^∞ 1/(n(n+1)) = 1, and the n = 1 term is 1/2, so the sum from n = 2 is 1 − 1/2 = 1/2 ✓. Also, Σ_{n=2}^∞ 1/n^2 = π^2/6 − 1 ≈ 0.645, which is bigger, consistent with 1/n^2 > 1/(n(n+1)).

Partial fractions check: 1/n − 1/(n + 1) = (n + 1 − n)/(n(n + 1)) = 1/(n(n + 1)) ✓.

And the lower limit really is n = 2 — if it were n = 1 the answer would be 1. The problem says Σ_{n=2}^∞.

Numerically: S_10 = 1/2 − 1/11 ≈ 0.409, S_100 = 1/2 − 1/101 ≈ 0.490, S_1000 ≈ 0.499. Heading to 0.5 ✓.

Answer: 1/2, i.e., 0.5.

The first few terms: 1/6 + 1/12 + 1/20 + 1/30 + ... = 0.1667 + 0.0833 + 0.05 + 0.0333 = 0.3333 after four terms; formula says 1/2 − 1/6 = 1/3 ✓.
</think>

### Partial fractions
\[
\frac{1}{n(n+1)} = \frac1n - \frac1{n+1}.
\]

### Telescoping
\[
S_N = \sum_{n=2}^{N}\left(\frac1n - \frac1{n+1}\right) = \frac12 - \frac1{N+1}.
\]

Check: $S_2 = \tfrac16$, $S_3 = \tfrac14$, $S_4 = \tfrac{3}{10}$, all matching the formula.

### Limit
\[
\sum_{n=2}^{\infty}\frac{1}{n(n+1)} = \lim_{N\to\infty}\left(\frac12 - \frac1{N+1}\right) = \boxed{0.5}
\]""")

add("r1_long", r"x = -2", True,
    "-2 matches x = -2",
    r"""<think>
Solve 3x + 7 = 1.

Subtract 7: 3x = −6. Divide by 3: x = −2.

Check: 3(−2) + 7 = −6 + 7 = 1 ✓.

Hmm, that was quick. Let me re-read to make sure it's 3x + 7 = 1 and not 3(x + 7) = 1. The problem says "3x + 7 = 1". If it were 3(x + 7) = 1, x = 1/3 − 7 = −20/3. But no parentheses.

So x = −2.

Graphically: y = 3x + 7 is a line with slope 3 and y-intercept 7. It reaches height 1 when it has dropped 6 units from the intercept, i.e., after moving 2 units left. So x = −2 ✓.

Hmm, let me also consider whether the right side might be −1 rather than 1 — then 3x = −8, x = −8/3. But the problem clearly says "= 1". So x = −2.

The problem asks "what is x", so I'll just give the number.

Hold on, let me restart and be careful, since this seems almost too simple. The equation: 3x + 7 = 1.
Subtract 7: 3x = 1 − 7 = −6.
Divide by 3: x = −2.
Check: 3(−2) = −6; −6 + 7 = 1 ✓.

"Undoing" view: the expression takes x, multiplies by 3, then adds 7, and gets 1. Undo in reverse: 1 − 7 = −6, then −6 ÷ 3 = −2 ✓.

Guess-and-check sanity: x = −1 gives 4; x = −3 gives −2. The target 1 is exactly halfway between 4 and −2, and the expression is linear, so x is halfway between −1 and −3, which is −2 ✓.

The answer is x = −2, I'll just box −2.

Yes, x = −2. (I could also write it as x = −2.0, but −2 is cleaner.)

One last sanity check of the sign: 3 times a negative number plus 7 giving a small positive number — yes, x must be negative. −2 it is.
</think>

We isolate $x$:

\[
\begin{aligned}
3x + 7 &= 1\\
3x &= 1 - 7 = -6\\
x &= \frac{-6}{3}.
\end{aligned}
\]

**Check:** $3(-2) + 7 = -6 + 7 = 1$ ✓

\[
\boxed{-2}
\]""")

add("r1_long", r"(1, 2]", True,
    "interval (1,2] matches",
    r"""<think>
Solve (x − 2)/(x − 1) ≤ 0.

Critical points: numerator zero at x = 2, denominator zero at x = 1.

Sign chart:
x < 1: (x − 2) < 0, (x − 1) < 0 → positive.
1 < x < 2: (x − 2) < 0, (x − 1) > 0 → negative ✓.
x > 2: both positive → positive.

At x = 2: value 0, satisfies ≤ 0 ✓ include.
At x = 1: undefined, exclude.

Solution: 1 < x ≤ 2, i.e., (1, 2].

Wait, let me double check x = 1.5: (−0.5)/(0.5) = −1 ≤ 0 ✓. x = 0: (−2)/(−1) = 2 > 0 ✗. x = 3: 1/2 > 0 ✗.

Hmm, a common mistake is to multiply both sides by (x − 1) without considering sign. Let's not do that. The sign chart is reliable.

Also should double-check near x = 1 from the right: x = 1.01 → (−0.99)/(0.01) = −99 ≤ 0 ✓. From the left, x = 0.99 → (−1.01)/(−0.01) = 101 > 0 ✗. Good.

So (1, 2].

Alternative algebraic approach: for x ≠ 1, multiply both sides by (x − 1)^2 > 0, which preserves the inequality: (x − 2)(x − 1) ≤ 0. That gives 1 ≤ x ≤ 2, and then exclude x = 1 (undefined). Result (1, 2] ✓.

More spot checks: x = 2: 0/1 = 0 ≤ 0 ✓ (included). x = 100: 98/99 > 0 ✗. x = −100: (−102)/(−101) > 0 ✗. Good.

Final: (1, 2].
</think>

**Critical values:** $x = 2$ (numerator zero) and $x = 1$ (denominator zero; excluded from the domain).

**Sign chart:**

| Interval | $x-2$ | $x-1$ | $\dfrac{x-2}{x-1}$ |
|---|---|---|---|
| $x<1$ | $-$ | $-$ | $+$ |
| $1<x<2$ | $-$ | $+$ | $-$ |
| $x>2$ | $+$ | $+$ | $+$ |

**Endpoints:** at $x=2$ the expression equals $0$ (included); at $x=1$ it is undefined (excluded).

\[
\boxed{(1,\,2]}
\]""")

add("r1_long", r"(-\infty, -3] \cup (4, \infty)", False,
    "final interval wrongly includes x=4 where the expression is undefined",
    r"""<think>
Solve (x + 3)/(x − 4) ≥ 0.

Critical points: x = −3 (numerator), x = 4 (denominator).

Sign chart:
x < −3: (−)/(−) = +. ✓
−3 < x < 4: (+)/(−) = −. ✗
x > 4: (+)/(+) = +. ✓

Endpoints: x = −3 gives 0, which satisfies ≥ 0, include. x = 4: denominator zero... 

Hmm, let me think. Since the inequality is "≥", we include the boundary points. Both −3 and 4 are boundary points of the sign chart.

Test: x = −5: (−2)/(−9) = 2/9 ≥ 0 ✓. x = 0: 3/(−4) < 0 ✗. x = 5: 8/1 = 8 ✓.

So solution: x ≤ −3 or x ≥ 4. In interval notation (−∞, −3] ∪ [4, ∞).

Another way to see the sign: (x + 3)/(x − 4) = 1 + 7/(x − 4). For x > 4 this is greater than 1, so positive ✓. For x < 4, 7/(x − 4) < 0 and we need 1 + 7/(x − 4) ≥ 0, i.e., 7/(x − 4) ≥ −1. Multiply by (x − 4) < 0, flipping: 7 ≤ −(x − 4) → x ≤ −3 ✓.

So the boundary points are −3 and 4, and "≥" includes the boundaries.

Hmm, at x = 4 the denominator is zero, so the expression blows up to +∞ from the right — it's certainly not negative there. Since the inequality is ≥, I'll include the boundary in the interval.

Let me test more points to make sure the sign chart is right:
x = −3: 0/(−7) = 0 ≥ 0 ✓ (endpoint).
x = −4: (−1)/(−8) = 1/8 ≥ 0 ✓.
x = 3.9: 6.9/(−0.1) = −69 < 0 ✗.
x = 4.1: 7.1/0.1 = 71 ≥ 0 ✓.
x = 10: 13/6 ≥ 0 ✓.

Right, so the left piece is (−∞, −3] and the right piece starts at 4. The sign chart changes at both critical points.
</think>

**Critical points:** $x = -3$ and $x = 4$.

**Sign analysis:**

- $x < -3$: $\dfrac{(-)}{(-)} > 0$ ✓
- $-3 < x < 4$: $\dfrac{(+)}{(-)} < 0$ ✗
- $x > 4$: $\dfrac{(+)}{(+)} > 0$ ✓

Because the inequality is non-strict ($\ge$), the boundary points are included.

\[
\boxed{(-\infty,-3] \cup [4,\infty)}
\]""")

add("r1_long", r"\frac{5}{12}", False,
    "finds 5/12 tank per hour then answers the time 12/5 hours instead",
    r"""<think>
Pipe A fills a tank in 4 hours; pipe B fills it in 6 hours. What fraction of the tank is filled in one hour when both pipes are open?

Rate of A: 1/4 tank per hour. Rate of B: 1/6 tank per hour. Combined: 1/4 + 1/6 = 3/12 + 2/12 = 5/12 tank per hour.

So in one hour, 5/12 of the tank is filled.

Hmm, wait. These problems usually ask "how long will it take to fill the tank with both pipes open?" Then time = 1/(5/12) = 12/5 hours = 2.4 hours = 2 hours 24 minutes.

Let me re-read... the problem mentions "in one hour"... or does it? I think the standard question is the time to fill. The fraction per hour is just the intermediate step. The useful final answer is the time.

Check: in 12/5 hours, A fills (12/5)/4 = 12/20 = 3/5, B fills (12/5)/6 = 12/30 = 2/5. Sum = 1 ✓.

So 12/5 hours.

12/5 hours = 2.4 hours = 2 hours + 0.4 × 60 minutes = 2 h 24 min ✓. That's between... A alone takes 4 h, so together it must be less than 4 h, and less than B's 6 h ✓. Also more than half of A's time alone would be... fine.

Hmm, "what fraction of the tank" vs "how long" — I'm fairly sure the typical version asks for the time. Going with 12/5 hours.

Actually, hmm, let me reconsider the setup. Are both pipes filling, or is one draining? "Pipe A fills the tank in 4 hours; pipe B fills it in 6 hours." Both fill. (If B drained, the net rate would be 1/4 − 1/6 = 1/12 and the time 12 hours.)

Harmonic-mean intuition: together they take 4·6/(4 + 6) = 24/10 = 2.4 hours ✓ (product over sum). Two 4-hour pipes would take 2 hours and two 6-hour pipes 3 hours, so the mix should land between 2 and 3 ✓.

Concrete version with a 12-liter tank: A pours 3 L/h, B pours 2 L/h, together 5 L/h. In one hour that's 5 of 12 liters, i.e., 5/12 of the tank. Filling all 12 L takes 12/5 = 2.4 h ✓.

So the per-hour fraction is 5/12 and the fill time is 12/5 h. I'm going with the time as the final answer.
</think>

**Individual rates**

- Pipe A: $\dfrac14$ tank per hour
- Pipe B: $\dfrac16$ tank per hour

**Combined rate**
\[
\frac14 + \frac16 = \frac{3}{12} + \frac{2}{12} = \frac{5}{12}\ \text{tank per hour}.
\]

**Time to fill**
\[
t = \frac{1}{5/12} = \frac{12}{5}\ \text{hours} = 2\ \text{h}\ 24\ \text{min}.
\]

**Check:** in $\tfrac{12}{5}$ h, A fills $\tfrac35$ and B fills $\tfrac25$ of the tank, total $1$ ✓.

\[
\boxed{\dfrac{12}{5}}
\]""")

add("r1_long", r"24", True,
    "4! = 24",
    r"""<think>
How many distinct arrangements of the letters in the word MATH are there?

Letters: M, A, T, H — all distinct. Number of arrangements = 4! = 24.

Let me double check there are no repeated letters. M-A-T-H. Yes, four distinct letters.

If it were a word like "MOOD" with a repeated O, we'd divide: 4!/2! = 12. Hmm, but MATH has no repeats.

Let me enumerate partially to make sure: starting with M: permutations of A, T, H → 3! = 6: MATH, MAHT, MTAH, MTHA, MHAT, MHTA. Similarly for starting with A, T, H: 6 each. Total 4 × 6 = 24 ✓.

Wait — does the problem count the original word MATH itself? "Distinct arrangements" includes the original. If it asked for "other than MATH", it'd be 23. Let me re-read: "How many distinct arrangements of the letters of MATH are possible?" Includes the original. 24.

Interesting side note: the number of 3-letter arrangements would be P(4, 3) = 4 · 3 · 2 = 24 as well, the same as 4!, since the last letter is forced. Doesn't matter here.

Another way: the first letter has 4 options, then 3, 2, 1. 24 ✓.

Do "arrangements" need to be real English words? No — arrangements means strings of the letters. 24.
</think>

The word **MATH** has $4$ letters, all distinct.

- Choices for the 1st position: $4$
- Choices for the 2nd position: $3$
- Choices for the 3rd position: $2$
- Choices for the 4th position: $1$

\[
4! = 4\cdot 3\cdot 2\cdot 1 = 24 .
\]

(For a word with repeated letters, such as MOOD, we would divide by $2!$ to get $12$, but MATH has no repeats.)

**Final Answer**

The number of distinct arrangements is $\boxed{24}$.""")


# ---------------------------------------------------------------------------
# qwq_style: very long monologue, no think tag, answer at the very end
# ---------------------------------------------------------------------------

add("qwq_style", r"47", True,
    "inclusion-exclusion count 47",
    r"""So I have this problem: "How many positive integers less than or equal to 100 are divisible by 3 or 5?" Okay, let's see. This seems like a classic inclusion-exclusion problem.

First, I need to find how many numbers up to 100 are divisible by 3. That should be the floor of 100 divided by 3. 100 divided by 3 is 33.333..., so the floor is 33. So there are 33 multiples of 3: 3, 6, 9, ..., 99. Let me double-check: 3 times 33 is 99, which is less than or equal to 100, and 3 times 34 is 102, which is too big. Yep, 33.

Next, multiples of 5. 100 divided by 5 is exactly 20. So 20 multiples: 5, 10, ..., 100. And 100 itself counts since the problem says "less than or equal to 100". Good.

Now, if I just add 33 and 20, I get 53, but that double-counts the numbers divisible by both 3 and 5. A number divisible by both 3 and 5 is divisible by their least common multiple, which is 15 since they're coprime. So how many multiples of 15 are there up to 100? 100 divided by 15 is 6.666..., floor is 6. So 15, 30, 45, 60, 75, 90. That's 6. Let me count: 15, 30, 45, 60, 75, 90 — yes, six numbers. Next would be 105, which is over 100.

So by inclusion-exclusion, the count is 33 + 20 − 6 = 47.

Hmm, wait a minute. Let me make sure I'm interpreting "or" correctly. In math, "or" is usually inclusive, meaning divisible by 3, or by 5, or by both. If the problem wanted "exactly one of them", it would say "divisible by 3 or 5 but not both", and then the answer would be 47 − 6 = 41. But it doesn't say that, so inclusive "or" it is.

Let me verify this another way, maybe by counting the complement. Numbers from 1 to 100 that are NOT divisible by 3 and NOT divisible by 5. Using the principle, that's 100 − 47 = 53. Let me see if I can compute 53 independently.

Think about it in blocks of 15. In each block of 15 consecutive integers, the numbers not divisible by 3 or 5 are those coprime to 15, and there are φ(15) = φ(3)φ(5) = 2 × 4 = 8 of them. From 1 to 90 there are 6 full blocks, giving 6 × 8 = 48 numbers. Then from 91 to 100, I need to count those not divisible by 3 or 5 individually.

91: 91/3 = 30.33, not divisible; 91/5 no. So 91 counts.
92: not divisible by 3 (9+2=11), not by 5. Counts.
93: 9+3 = 12, divisible by 3. Doesn't count.
94: 9+4 = 13, no; not by 5. Counts.
95: divisible by 5. Doesn't count.
96: 9+6 = 15, divisible by 3. Doesn't count.
97: 9+7 = 16, no; not by 5. Counts.
98: 9+8 = 17, no; not by 5. Counts.
99: divisible by 3. Doesn't count.
100: divisible by 5. Doesn't count.

So from 91 to 100: 91, 92, 94, 97, 98 — that's 5 numbers. Total not divisible by either: 48 + 5 = 53. Therefore divisible by 3 or 5: 100 − 53 = 47. Perfect, that matches.

Alternatively, I could think about it in terms of probabilities, but that's essentially the same as inclusion-exclusion. I think I've verified it enough ways.

Let me just quickly recheck the multiples of 3 count, since off-by-one errors are common: the multiples of 3 from 3 to 99 are 3·1 through 3·33, so 33 of them. Multiples of 5 from 5 to 100 are 5·1 through 5·20, so 20. Multiples of 15 from 15 to 90 are 15·1 through 15·6, so 6. And 33 + 20 − 6 = 47.

I think that's solid.

Actually, wait. Let me reconsider one more time whether "less than or equal to 100" could be misread as "less than 100". If the bound were strictly less than 100, then 100 itself (a multiple of 5) would drop out, giving 46. The problem says "less than or equal to 100", so 100 is included and the answer stays 47.

And for thoroughness, let me double-check the inclusion-exclusion terms by listing the multiples of 15 once more: 15, 30, 45, 60, 75, 90 — those are exactly the numbers I would have double-counted, because each appears both among the 33 multiples of 3 and among the 20 multiples of 5. Subtracting them once leaves each number counted exactly once. Good.

**Final Answer**

\[ \boxed{47} \]""")

add("qwq_style", r"720", True,
    "720 degrees matches 720",
    r"""Let's tackle this problem step by step. The question is asking for the sum of the interior angles of a hexagon. Alright, so a hexagon has six sides. I remember there's a formula for the sum of the interior angles of a polygon, something like (n − 2) times 180 degrees, where n is the number of sides.

But let me not just trust my memory blindly; let me see why that formula works. If I pick one vertex of a convex polygon and draw diagonals from it to all the non-adjacent vertices, the polygon gets divided into triangles. For a polygon with n sides, from one vertex you can draw n − 3 diagonals (you can't draw to itself or to its two neighbors), and those diagonals split the polygon into n − 2 triangles. Each triangle's angles sum to 180 degrees, and together the triangles' angles make up exactly the interior angles of the polygon. So the sum is (n − 2) × 180°.

Let me sanity check with shapes I know. A triangle: n = 3, (3 − 2) × 180 = 180. Correct. A quadrilateral, say a square: n = 4, (4 − 2) × 180 = 360, and a square has four 90° angles which total 360. Correct. A pentagon: (5 − 2) × 180 = 540. A regular pentagon has interior angles of 108°, and 5 × 108 = 540. That matches too.

Now for the hexagon, n = 6: (6 − 2) × 180 = 4 × 180 = 720 degrees.

Hmm, let me double-check that with a regular hexagon. A regular hexagon can be split into six equilateral triangles meeting at the center. Each interior angle of the hexagon is made of two 60° angles from adjacent equilateral triangles, so each interior angle is 120°. Six angles of 120° gives 6 × 120 = 720°. 

Wait, is that right? Let me think about the picture again. At each vertex of the regular hexagon, two of the six central equilateral triangles meet, each contributing a 60° angle at that vertex. So the interior angle is 120°. Yes. And 6 × 120 = 720. Good, consistent.

Another way to check: the exterior angles of any convex polygon sum to 360°. For a regular hexagon each exterior angle is 360/6 = 60°, so each interior angle is 180 − 60 = 120°, and the sum is 720°. Or in general: the sum of interior plus exterior angles is n × 180 = 1080 for a hexagon, minus 360 for the exterior angles, gives 720. Everything lines up.

Does the question care whether the hexagon is regular? No — the sum of interior angles is the same for any simple hexagon, convex or not (for a concave one, one angle exceeds 180° but the triangulation argument still works with a suitable choice of diagonals). So the answer doesn't depend on the shape.

I'm confident: the sum of the interior angles of a hexagon is 720 degrees.

Hmm, let me also think about the non-convex case a bit more concretely, just to be sure the formula doesn't break. Imagine an "arrowhead"-style hexagon where one vertex is pushed inward, making a reflex angle of, say, 240°. The other five angles then have to shrink to compensate. If I triangulate from the reflex vertex, I still get 4 triangles covering the hexagon exactly, so the total is still 4 × 180° = 720°. So concavity doesn't matter, as long as the hexagon is simple (its sides don't cross each other).

For a self-intersecting "star" hexagon, the notion of interior angle gets murky, but that's clearly not what the problem intends.

Also, a quick table for small polygons, to see the pattern of adding 180° each time we add a side:
- 3 sides: 180°
- 4 sides: 360°
- 5 sides: 540°
- 6 sides: 720°
- 7 sides: 900°
Each new side adds one more triangle, hence one more 180°.

**Final Answer**

**720°**""")

add("qwq_style", r"\frac{1}{17}", False,
    "switches to with-replacement 1/16 at the end",
    r"""So I've got this probability problem here: "Two cards are drawn from a standard 52-card deck. What is the probability that both cards are hearts?" Alright, let's think about this.

A standard deck has 52 cards, 13 of each suit: hearts, diamonds, clubs, spades. So there are 13 hearts.

If I draw the first card, the probability that it's a heart is 13/52, which simplifies to 1/4. Now, if the first card was a heart and I don't put it back, there are 51 cards left, 12 of which are hearts. So the probability that the second card is also a heart is 12/51, which simplifies to 4/17.

Multiplying: (1/4) × (4/17) = 4/68 = 1/17.

Let me double-check that with combinations. The number of ways to choose 2 cards from 52 is C(52, 2) = 52 × 51 / 2 = 1326. The number of ways to choose 2 hearts from 13 is C(13, 2) = 13 × 12 / 2 = 78. So the probability is 78/1326. Let's simplify: 1326 divided by 78 is... 78 × 17 = 1326. Yes! So 78/1326 = 1/17. Great, both methods agree.

So the probability is 1/17, about 0.0588.

Hmm, wait a minute. The problem says "two cards are drawn". It doesn't explicitly say "without replacement". In card problems, drawing usually means without replacement, but let me reconsider. If it were with replacement, each draw would be independent with probability 1/4, giving (1/4)^2 = 1/16.

Hmm. Now I'm second-guessing. Let me think about how the question is phrased again: "Two cards are drawn ... one after the other, and the first card is returned to the deck..." Hmm, I'm not sure if that part is there. Let me think about what's more standard. Actually, in a lot of textbook problems of this kind, the phrase "drawn one at a time" combined with "the card is replaced" indicates replacement. If the card is replaced and the deck shuffled, then the two draws are independent, and the probability is simply (13/52)(13/52).

13/52 = 1/4, and (1/4)(1/4) = 1/16.

Let me sanity check: 1/16 = 0.0625, which is slightly bigger than 1/17 ≈ 0.0588. That makes sense, because with replacement the heart you drew goes back in, so the second draw has a slightly higher chance of being a heart than without replacement.

Given the wording about the card being returned, I'll go with the with-replacement answer. Both draws independent, each with probability one quarter.

So the probability that both cards are hearts is 1/16.

**Final Answer**

\[ \boxed{\dfrac{1}{16}} \]""")

add("qwq_style", r"3\sqrt{2}", True,
    "sqrt 18 = 3 sqrt 2",
    r"""Okay, so I need to find the length of the diagonal of a square with side length 3. Let's see.

A square has four equal sides and four right angles. If I draw a diagonal, it cuts the square into two congruent right triangles. Each triangle has two legs of length 3 (the sides of the square) and the hypotenuse is the diagonal.

So by the Pythagorean theorem, diagonal^2 = 3^2 + 3^2 = 9 + 9 = 18. Therefore the diagonal is the square root of 18.

Hmm, let me make sure I'm not mixing anything up. The Pythagorean theorem says a^2 + b^2 = c^2 where c is the hypotenuse. Here a = b = 3. So c^2 = 18 and c = √18. Since length is positive, we take the positive root.

Now, √18 can be simplified. 18 = 9 × 2, so √18 = √9 × √2 = 3√2. But both forms represent the same number. Numerically, √2 ≈ 1.41421, so 3√2 ≈ 4.24264. And √18 — well, 4.24^2 = 17.98, and 4.2426^2 ≈ 17.9997. Close to 18. Good.

Wait, is there another way to think about this? There's a general fact that the diagonal of a square with side s is s√2. For s = 1 the diagonal is √2, and scaling by 3 gives 3√2. That's consistent with √18.

Let me also consider using coordinates. Put the square with corners at (0,0), (3,0), (3,3), (0,3). The diagonal goes from (0,0) to (3,3). Distance = √((3−0)^2 + (3−0)^2) = √(9 + 9) = √18. Same answer.

Could the problem be asking for the diagonal of a cube instead? The question says "square", which is two-dimensional, so no. For a cube with side 3, the space diagonal would be 3√3 ≈ 5.196, and the face diagonal would be 3√2. But it's a square, so we just need the face-type diagonal.

Let me make sure about the sanity bounds. The diagonal must be longer than a side (3) but shorter than the sum of two sides (6), by the triangle inequality. 4.24 is in between. Good.

I think the answer is √18, which I could also write as 3√2. I'll just leave it as √18 since it comes straight out of the Pythagorean theorem.

**Final Answer**

\[ \boxed{\sqrt{18}} \]""")

add("qwq_style", r"-\frac{3}{2}", True,
    "-1.5 = -3/2",
    r"""Alright, so I have this problem: find the sum of the roots of the quadratic equation 2x^2 + 3x − 5 = 0. Let's think about this.

I remember Vieta's formulas: for a quadratic ax^2 + bx + c = 0, the sum of the roots is −b/a and the product is c/a. Here, a = 2, b = 3, c = −5. So the sum of the roots should be −3/2.

But wait, let me actually find the roots to double-check. Using the quadratic formula:

x = [−b ± √(b^2 − 4ac)] / (2a) = [−3 ± √(9 − 4·2·(−5))] / 4 = [−3 ± √(9 + 40)] / 4 = [−3 ± √49] / 4 = [−3 ± 7] / 4.

So the roots are (−3 + 7)/4 = 4/4 = 1 and (−3 − 7)/4 = −10/4 = −5/2.

Let me verify: plug x = 1 into 2x^2 + 3x − 5: 2 + 3 − 5 = 0. ✓. Plug x = −5/2: 2(25/4) + 3(−5/2) − 5 = 25/2 − 15/2 − 10/2 = 0/2 = 0. ✓.

Sum of roots: 1 + (−5/2) = 2/2 − 5/2 = −3/2. That matches Vieta's formula. 

Hmm, so the sum is −3/2, which is −1.5 as a decimal.

Let me also factor it to be thorough. 2x^2 + 3x − 5. Looking for factors of 2 × (−5) = −10 that add to 3: 5 and −2. So 2x^2 + 5x − 2x − 5 = x(2x + 5) − 1(2x + 5) = (x − 1)(2x + 5). Roots: x = 1 and x = −5/2. Same as before.

Just to be careful about a common mistake: the sum is −b/a, not b/a. If I had used b/a, I'd get 3/2, which would be wrong. And it's definitely not the product, which would be c/a = −5/2. The problem asks for the sum.

Also, the discriminant is 49 > 0, so both roots are real and distinct, so "sum of the roots" is unambiguous — no complex roots involved. Even if the roots were complex, Vieta would still give the sum, but here we don't have to worry.

So the sum of the roots is −1.5.

**Final Answer**

**−1.5**""")

add("qwq_style", r"-\frac{5}{2}", False,
    "final answer 5/2 has the wrong sign",
    r"""Let's see. The problem asks for the product of the roots of 2x^2 + 3x − 5 = 0.

Vieta's formulas tell us that for ax^2 + bx + c = 0, the product of the roots is c/a. Here c = −5 and a = 2, so the product is −5/2.

Hmm, let me verify by actually solving. Discriminant: 3^2 − 4(2)(−5) = 9 + 40 = 49. Square root is 7. Roots: (−3 + 7)/4 = 1 and (−3 − 7)/4 = −10/4 = −5/2.

Product: 1 × (−5/2) = −5/2. OK so that's consistent.

Wait, hold on. Let me re-derive Vieta's product formula to make sure about the sign. If the roots are r and s, then 2x^2 + 3x − 5 = 2(x − r)(x − s) = 2[x^2 − (r + s)x + rs] = 2x^2 − 2(r+s)x + 2rs. Matching constant terms: 2rs = −5, so rs = −5/2. Matching x-coefficients: −2(r+s) = 3, so r + s = −3/2.

So the product is −5/2 and the sum is −3/2.

Hmm, but now I'm wondering — some problems ask for "the product of the roots" meaning the absolute product, like the product of the distances from zero? No, that's not standard. Let me think about the factored form again: (x − 1)(2x + 5). Setting each factor to zero, x = 1 and x = −5/2.

Hmm, actually, wait. Let me redo the multiplication: 1 times 5/2... The two roots are 1 and 5/2 in absolute value, so multiplying gives 5/2. Let me think about whether the sign matters here. I computed c/a = −5/2 above. But when I look at the factored form, the factor is (2x + 5), and 5/2 is the number that appears. Hmm, I think I conflated things. The roots of (2x+5) is where 2x = −5, so x = −5/2.

OK let me simply multiply the magnitudes for the final statement: |1| × |−5/2| = 5/2. I'll report the product as 5/2, since the product of the roots' sizes is what we want to express.

Let me just double check the arithmetic once more: 1 × 2.5 = 2.5 = 5/2.

**Final Answer**

\[ \boxed{\dfrac{5}{2}} \]""")

add("qwq_style", r"\frac{\pi}{4}", False,
    "final 0.785 is only a 3-decimal rounding of pi/4",
    r"""So I need to evaluate arctan(1). Let's think about what that means. arctan(1) is the angle θ in the interval (−π/2, π/2) such that tan θ = 1.

Tangent is sine over cosine, so tan θ = 1 means sin θ = cos θ. On the unit circle, that happens at 45 degrees, where both sine and cosine are √2/2. 45 degrees is π/4 radians.

Let me make sure about the range. The principal value of arctangent lies strictly between −π/2 and π/2. π/4 is in that range, so that's the principal value. There's also 5π/4 where tan = 1 (since tangent has period π), but 5π/4 is outside the principal range, so we don't use it.

Let me double-check by thinking of a right triangle. If the two legs are equal, say both 1, then the angle opposite one leg has tangent = 1/1 = 1, and since the triangle is isosceles right, both acute angles are 45°. So arctan(1) = 45° = π/4. 

Another check: the Taylor series arctan x = x − x^3/3 + x^5/5 − x^7/7 + ... at x = 1 gives 1 − 1/3 + 1/5 − 1/7 + ..., which is the Leibniz series, famously equal to π/4. So that's another confirmation.

Numerically, π ≈ 3.14159265, so π/4 ≈ 0.78539816.

Hmm, let me think about how the answer should be presented. I believe the problem asked for a decimal approximation... Let me round to three decimal places: 0.785. 0.78539816 rounds to 0.785 since the fourth decimal is 3.

Let me just double check with a partial Leibniz sum: 1 − 0.3333 + 0.2 − 0.1429 + 0.1111 − 0.0909 + 0.0769 − 0.0667 ≈ 0.7543. The Leibniz series converges slowly, but it's heading toward 0.785. The average of consecutive partial sums converges faster: the next term +0.0588 gives 0.8131, average of 0.7543 and 0.8131 is 0.7837. Close to 0.785. Good.

So arctan(1) is approximately 0.785.

**Final Answer**

**0.785**""")

add("qwq_style", r"90", True,
    "90 four-digit palindromes",
    r"""So the problem is: how many four-digit palindromes are there? Let me think.

A palindrome reads the same forwards and backwards. A four-digit number has the form ABCD where A is from 1 to 9 (can't be zero, otherwise it wouldn't be a four-digit number) and B, C, D are from 0 to 9. For it to be a palindrome, we need A = D and B = C. So the number looks like ABBA.

So how many choices do we have? A can be any digit from 1 to 9: that's 9 choices. B can be any digit from 0 to 9: 10 choices. Once A and B are chosen, the whole number ABBA is determined. So total is 9 × 10 = 90.

Hmm, let me verify with a few examples. The smallest four-digit palindrome would be 1001 (A = 1, B = 0). The largest is 9999 (A = 9, B = 9). Some in between: 1111, 1221, 1331, ..., 1991, then 2002, 2112, and so on.

For A = 1: 1001, 1111, 1221, 1331, 1441, 1551, 1661, 1771, 1881, 1991. That's 10. Same for each A from 1 to 9, so 9 × 10 = 90. 

Wait, let me make sure I'm not missing anything. Could D be zero? D = A, and A can't be zero, so D is never zero. That's fine — a number like 1230 isn't a palindrome anyway.

Let me double-check using a different approach. Think of it as: the first two digits determine the palindrome. The first two digits form a two-digit "prefix" from 10 to 99. How many two-digit numbers are there? 99 − 10 + 1 = 90. Each gives exactly one four-digit palindrome. So 90. 

Another way: the four-digit palindromes ABBA equal 1001A + 110B. Since 1001A + 110B is unique for each (A, B) pair — because A determines the thousands digit — there's no double counting.

Interesting side fact: every four-digit palindrome is divisible by 11, since 1001 = 11 × 91 and 110 = 11 × 10. So all 90 of them are multiples of 11. That's a neat property but not needed here.

I'm confident the answer is 90.

**Final Answer**

\[ \boxed{90} \]""")

add("qwq_style", r"5050", True,
    "Gauss sum 5050",
    r"""Okay, the problem is to find the sum of all integers from 1 to 100. This is the famous one that Gauss supposedly solved as a schoolboy. Let me work through it.

The idea is to pair numbers from opposite ends. 1 + 100 = 101. 2 + 99 = 101. 3 + 98 = 101. And so on, down to 50 + 51 = 101. How many pairs are there? There are 100 numbers, so 50 pairs. Each sums to 101. So the total is 50 × 101 = 5050.

Let me check with the formula for the sum of an arithmetic series: S = n(n + 1)/2. For n = 100: 100 × 101 / 2 = 10100 / 2 = 5050. Same.

Hmm, let me just make sure the formula is right by testing small cases. n = 1: 1 × 2 / 2 = 1. Correct. n = 2: 2 × 3 / 2 = 3 = 1 + 2. Correct. n = 3: 3 × 4 / 2 = 6 = 1 + 2 + 3. Correct. n = 4: 4 × 5 / 2 = 10 = 1 + 2 + 3 + 4. Correct. n = 10: 10 × 11 / 2 = 55. And 1 + 2 + ... + 10 = 55, yes, I remember that.

Another way to derive it: write the sum forwards and backwards.
S = 1 + 2 + 3 + ... + 100
S = 100 + 99 + 98 + ... + 1
Add them: 2S = 101 + 101 + ... + 101 (100 times) = 10100. So S = 5050.

Wait, is the problem asking for the sum from 1 to 100 inclusive? "The sum of all integers from 1 to 100" — yes, inclusive of both ends. If it were exclusive of 100, it'd be 4950. If it included 0, it wouldn't change anything.

Let me also do a rough sanity check: the average of the numbers 1 to 100 is (1 + 100)/2 = 50.5. There are 100 numbers. 100 × 50.5 = 5050. Consistent.

So the answer is 5050.

Let me also verify by splitting into tens: 1–10 sums to 55, 11–20 sums to 155, 21–30 to 255, ..., 91–100 to 955. That's an arithmetic sequence of 10 block sums from 55 to 955, so the total is 10 × (55 + 955)/2 = 10 × 505 = 5050 ✓.

**Final Answer**

**5050**""")

add("qwq_style", r"y = -x + 3", True,
    "y = 3 - x is the same line",
    r"""So I need to find the equation of the tangent line to the curve y = x^2 − 3x + 4 at the point where x = 1. Let's go step by step.

First, I need the point of tangency. Plug x = 1 into the function: y = 1 − 3 + 4 = 2. So the point is (1, 2).

Next, the slope of the tangent line is the derivative at x = 1. The derivative of x^2 − 3x + 4 is 2x − 3. At x = 1: 2(1) − 3 = −1. So the slope is −1.

Using point-slope form: y − 2 = −1(x − 1). Simplify: y − 2 = −x + 1, so y = −x + 3.

Hmm, let me double-check the derivative. d/dx(x^2) = 2x, d/dx(−3x) = −3, d/dx(4) = 0. So y' = 2x − 3. At x = 1, y' = −1. Yes.

Let me verify that the line y = −x + 3 touches the parabola only at x = 1. Set x^2 − 3x + 4 = −x + 3. Then x^2 − 2x + 1 = 0, which is (x − 1)^2 = 0. Double root at x = 1. That's exactly what we expect for a tangent line to a parabola — it meets the curve at exactly one point with multiplicity two. 

Wait, let me make sure I have the right function. "y = x^2 − 3x + 4". Yes.

Let me also do a quick numerical check of the slope using a difference quotient. f(1.01) = 1.0201 − 3.03 + 4 = 1.9901. f(1) = 2. Difference quotient: (1.9901 − 2)/0.01 = −0.0099/0.01 = −0.99. Close to −1. And f(0.99) = 0.9801 − 2.97 + 4 = 2.0101; (2 − 2.0101)/0.01 = −1.01. The symmetric difference: (1.9901 − 2.0101)/0.02 = −0.02/0.02 = −1. Exactly −1, as expected for a quadratic.

So the tangent line is y = −x + 3. I could also write it as y = 3 − x, or x + y = 3. All equivalent. I'll write it as y = 3 − x.

**Final Answer**

\[ \boxed{y = 3 - x} \]""")

add("qwq_style", r"(3, 4)", True,
    "center (3,4) correct; extra radius info does not change it",
    r"""Let's see. The problem gives the circle x^2 − 6x + y^2 − 8y = 0 and asks for its center. I need to complete the square in both x and y.

For the x terms: x^2 − 6x. Half of −6 is −3, squared is 9. So x^2 − 6x = (x − 3)^2 − 9.

For the y terms: y^2 − 8y. Half of −8 is −4, squared is 16. So y^2 − 8y = (y − 4)^2 − 16.

Substituting back: (x − 3)^2 − 9 + (y − 4)^2 − 16 = 0, so (x − 3)^2 + (y − 4)^2 = 25.

That's a circle with center (3, 4) and radius 5.

Hmm, interesting — the radius is 5 and the distance from the center (3, 4) to the origin is √(9 + 16) = 5. So the circle passes through the origin. That makes sense because the original equation has no constant term: plugging (0, 0) gives 0 = 0. Nice consistency check.

Wait, let me make sure about the signs. The general form is (x − h)^2 + (y − k)^2 = r^2 with center (h, k). We have (x − 3)^2, so h = 3, and (y − 4)^2, so k = 4. The center is (3, 4), not (−3, −4). A common mistake is to flip the signs. Let me double-check by expanding: (x − 3)^2 = x^2 − 6x + 9. Yes, that produces −6x, matching. (y − 4)^2 = y^2 − 8y + 16, producing −8y, matching.

Another check: the general form x^2 + y^2 + Dx + Ey + F = 0 has center (−D/2, −E/2). Here D = −6, E = −8, so the center is (3, 4). And r^2 = (D/2)^2 + (E/2)^2 − F = 9 + 16 − 0 = 25. 

Let me test a point on the circle: (6, 0). Is that on it? (6 − 3)^2 + (0 − 4)^2 = 9 + 16 = 25. Yes. And in the original form: 36 − 36 + 0 − 0 = 0. ✓. And (0, 8): 9 + 16 = 25 ✓; original: 0 − 0 + 64 − 64 = 0 ✓. 

So the center is (3, 4), and as a bonus the radius is 5.

**Final Answer**

**Center: (3, 4)** (radius 5)""")

add("qwq_style", r"\frac{4}{3}", True,
    "area 4/3",
    r"""So I need to find the area of the region enclosed by the curves y = x^2 and y = 2x. Let me think.

First, find where they intersect. Set x^2 = 2x → x^2 − 2x = 0 → x(x − 2) = 0. So x = 0 or x = 2. The intersection points are (0, 0) and (2, 4).

Now, which curve is on top between x = 0 and x = 2? Let's test x = 1: y = x^2 gives 1, y = 2x gives 2. So the line y = 2x is above the parabola on (0, 2).

The area is ∫ from 0 to 2 of (2x − x^2) dx.

Compute: ∫ 2x dx = x^2, ∫ x^2 dx = x^3/3. So the antiderivative is x^2 − x^3/3. Evaluate from 0 to 2: (4 − 8/3) − 0 = 12/3 − 8/3 = 4/3.

Hmm, let me double-check that. 4 − 8/3. 4 = 12/3. 12/3 − 8/3 = 4/3. Yes.

Let me verify another way. Integrate with respect to y instead. The line y = 2x gives x = y/2, and the parabola y = x^2 gives x = √y (for x ≥ 0). For y from 0 to 4, the parabola is to the right (√y ≥ y/2 on [0, 4]; e.g., y = 1: √1 = 1 > 1/2). So area = ∫ from 0 to 4 of (√y − y/2) dy = [(2/3)y^{3/2} − y^2/4] from 0 to 4 = (2/3)(8) − 16/4 = 16/3 − 4 = 16/3 − 12/3 = 4/3. 

Both approaches give 4/3.

There's also a neat formula: the area between a parabola y = ax^2 + ... and a secant line crossing it at x = p and x = q is |a|(q − p)^3/6. Here a = 1, q − p = 2, so the area is 8/6 = 4/3. Archimedes would be proud.

Wait, let me make sure I'm not supposed to include any other region. The curves only intersect at x = 0 and x = 2, so there's exactly one bounded region between them. Outside [0, 2] the parabola is above the line, but that region is unbounded. So the enclosed area is 4/3.

**Final Answer**

\[ \boxed{\dfrac{4}{3}} \]""")

add("qwq_style", r"\frac{8}{3}", False,
    "monologue truncated before any final answer",
    r"""Alright, so the problem is to find the area under the curve y = x^2 from x = 0 to x = 2. Let me think about this carefully.

The area under a curve from a to b is given by the definite integral ∫_a^b f(x) dx, provided f is nonnegative on [a, b]. Here x^2 ≥ 0 everywhere, so that's fine.

∫_0^2 x^2 dx. The antiderivative of x^2 is x^3/3. Evaluating from 0 to 2: 8/3 − 0 = 8/3.

Hmm, let me sanity check with Riemann sums. Divide [0, 2] into n equal subintervals of width 2/n. Right endpoints: x_i = 2i/n. Sum of f(x_i)Δx = Σ (4i^2/n^2)(2/n) = (8/n^3) Σ i^2 = (8/n^3)(n(n+1)(2n+1)/6).

As n → ∞, this goes to (8/n^3)(2n^3/6) = 16/6 = 8/3. Good, matches.

Let me do a crude numerical check with n = 4: width 0.5, right endpoints 0.5, 1, 1.5, 2; f values 0.25, 1, 2.25, 4; sum = 7.5; times 0.5 = 3.75. That's an overestimate since x^2 is increasing. Left endpoints 0, 0.5, 1, 1.5: f = 0, 0.25, 1, 2.25; sum = 3.5; times 0.5 = 1.75, an underestimate. Average: 2.75. The true value 8/3 ≈ 2.667 is between 1.75 and 3.75, and close to the trapezoid 2.75. Simpson's rule would be exact for a quadratic: (0.5/3)[f(0) + 4f(0.5) + 2f(1) + 4f(1.5) + f(2)] = (1/6)[0 + 1 + 2 + 9 + 4] = 16/6 = 8/3. 

Now, wait. I want to be careful about what the problem is actually asking. Is it the area under y = x^2, or the area between y = x^2 and some line? Let me reconsider the wording: "the region bounded by y = x^2, the x-axis, and the line x = 2." That's exactly the area under the curve from 0 to 2, since the parabola touches the x-axis at x = 0.

Hmm, but another interpretation: maybe they want the region bounded by y = x^2, the line y = 4, and the y-axis? That would be the region above the parabola: ∫_0^2 (4 − x^2) dx = 8 − 8/3 = 16/3. Together the two regions make up the 2 × 4 rectangle of area 8: 8/3 + 16/3 = 24/3 = 8. ✓.

So it matters which side. "Bounded by the x-axis" means the region is below the curve and above y = 0. So that's 8/3.

Let me also double-check by thinking of it as a volume-like fraction: the area under x^2 on [0, a] is always one third of the enclosing rectangle a × a^2. For a = 2 that's (1/3)(2)(4) = 8/3. This is Archimedes' result again, more or less.

Now, just to be extra thorough, let me reconsider whether the problem intended x from −2 to 2, which would double the area to 16/3. The problem said "from x = 0", I believe, so no doubling. But let me think about the phrase "the line x = 2" — together with the x-axis and the parabola, the bounded region is indeed from x = 0 to x = 2, because the parabola meets the x-axis at x = 0 and on the left side there's no other boundary... wait, actually, is that right? For x < 0 the parabola is also above the x-axis, so the region bounded by the parabola, the x-axis, and x = 2 — hmm, to the left, the parabola and x-axis meet at the origin, so the region closes up there. Yes. So the region is 0 ≤ x ≤ 2, 0 ≤ y ≤ x^2.

Actually, let me step back and also double-check the antiderivative itself by differentiating: d/dx (x^3/3) = 3x^2/3 = x^2 ✓. And the Fundamental Theorem of Calculus applies because x^2 is continuous on [0, 2].

Also, let me compare with a slightly different region to make sure I have intuition for the size: the triangle with vertices (0, 0), (2, 0), (2, 4) has area (1/2)(2)(4) = 4. The parabola y = x^2 lies below the line y = 2x on (0, 2) (since x^2 < 2x there), so the area under the parabola must be less than 4. And 8/3 ≈ 2.667 < 4 ✓. In fact 4 − 8/3 = 4/3 is exactly the area between the line and the parabola, which is a classic result.

Hmm, and thinking about the parabolic segment formula, the area between the chord and the parabola is (2/3) of... no wait, Archimedes says the parabolic segment has area 4/3 of the inscribed triangle. The inscribed triangle here has vertices (0, 0), (2, 4) and the point on the parabola where the tangent is parallel to the chord, which is x = 1, (1, 1). Its area: (1/2)|0(4 − 1) + 2(1 − 0) + 1(0 − 4)| = (1/2)|0 + 2 − 4| = 1. Times 4/3 gives 4/3 ✓. Consistent with 4 − 8/3.

Okay, so everything is consistent. Let me now write out the final computation cleanly: ∫_0^2 x^2 dx = [x^3/3]_0^2 = 8/3 − 0.

So the area should be""")

add("qwq_style", r"55", True,
    "F_10 = 55",
    r"""So I need to find the 10th Fibonacci number, where F_1 = 1 and F_2 = 1, and each subsequent term is the sum of the two before it.

Let's just list them out:
F_1 = 1
F_2 = 1
F_3 = F_2 + F_1 = 1 + 1 = 2
F_4 = F_3 + F_2 = 2 + 1 = 3
F_5 = 3 + 2 = 5
F_6 = 5 + 3 = 8
F_7 = 8 + 5 = 13
F_8 = 13 + 8 = 21
F_9 = 21 + 13 = 34
F_10 = 34 + 21 = 55

So F_10 = 55.

Hmm, wait. I should double-check the indexing convention. Some people start with F_0 = 0, F_1 = 1. In that convention, F_10 is still 55 because F_0 = 0, F_1 = 1, F_2 = 1, F_3 = 2, ..., the same values with the same indices from F_1 onward. So both conventions agree on F_10 = 55. Good — the problem explicitly gave F_1 = F_2 = 1 anyway.

Let me verify using Binet's formula as a sanity check: F_n = (φ^n − ψ^n)/√5, where φ = (1 + √5)/2 ≈ 1.6180339887 and ψ = (1 − √5)/2 ≈ −0.6180339887.

φ^10: φ^2 ≈ 2.618034, φ^4 ≈ 6.854102, φ^8 ≈ 46.978714, φ^10 = φ^8 · φ^2 ≈ 46.978714 × 2.618034 ≈ 122.991869.
ψ^10 ≈ (0.618034)^10 ≈ 0.008131.
(122.991869 − 0.008131)/2.236068 ≈ 122.983738/2.236068 ≈ 55.0000. 

Another check: there's an identity F_{2n} = F_n (F_{n+1} + F_{n−1}). For n = 5: F_10 = F_5 (F_6 + F_4) = 5 × (8 + 3) = 5 × 11 = 55. ✓.

And the sum identity: F_1 + F_2 + ... + F_n = F_{n+2} − 1. For n = 8: 1 + 1 + 2 + 3 + 5 + 8 + 13 + 21 = 54, and F_10 − 1 = 54. ✓.

Everything's consistent. The 10th Fibonacci number is 55.

One more identity check, Cassini's identity: F_{n−1}F_{n+1} − F_n^2 = (−1)^n. For n = 10: F_9 F_11 − F_10^2 = 34 × 89 − 55^2 = 3026 − 3025 = 1 = (−1)^10 ✓. (F_11 = 55 + 34 = 89.)

Also, the ratio F_10/F_9 = 55/34 ≈ 1.6176, close to the golden ratio 1.6180, as expected.

**Final Answer**

\[ \boxed{55} \]""")

add("qwq_style", r"3", False,
    "asked for the number of real solutions (3) but gives the list of solutions",
    r"""Let's see. The problem asks: how many real solutions does the equation x^3 − 3x = 0 have?

Factor: x^3 − 3x = x(x^2 − 3) = x(x − √3)(x + √3). So the solutions are x = 0, x = √3, x = −√3.

Let me double-check each. x = 0: 0 − 0 = 0 ✓. x = √3: (√3)^3 − 3√3 = 3√3 − 3√3 = 0 ✓. x = −√3: −3√3 + 3√3 = 0 ✓.

Are they distinct? 0, 1.732..., −1.732... — yes, all different.

Hmm, could there be more? A cubic has at most three roots, and we found three real ones, so that's all of them.

Let me also think about this graphically. f(x) = x^3 − 3x. f'(x) = 3x^2 − 3 = 0 at x = ±1. f(1) = 1 − 3 = −2, f(−1) = −1 + 3 = 2. So there's a local max of 2 at x = −1 and a local min of −2 at x = 1. Since the local max is positive and the local min is negative, the graph crosses the x-axis three times: once left of −1, once between −1 and 1, and once right of 1. That matches −√3 ≈ −1.732 < −1, 0 ∈ (−1, 1), and √3 ≈ 1.732 > 1. 

Another way: the discriminant of the depressed cubic x^3 + px + q with p = −3, q = 0 is −4p^3 − 27q^2 = −4(−27) − 0 = 108 > 0, which means three distinct real roots. Consistent.

Wait, I want to be careful about "solutions" — the roots are symmetric: the function is odd, f(−x) = −f(x), so roots come in ± pairs, plus x = 0 itself. That's also consistent with what we found.

So the real solutions of x^3 − 3x = 0 are x = 0, x = √3, and x = −√3.

Let me also double check there are no repeated roots: f'(x) = 3x^2 − 3, which is zero at ±1, and f(±1) = ∓2 ≠ 0, so no root is a double root. All three solutions are simple.

So the solution set is {0, √3, −√3}.

**Final Answer**

\[ \boxed{0,\ \sqrt{3},\ -\sqrt{3}} \]""")

add("qwq_style", r"\frac{1}{3}", False,
    "works out 1/3 but the final answer switches to 1/2",
    r"""So here's the problem: "A family has two children. Given that at least one of them is a boy, what is the probability that both are boys?" This is a classic one, and I remember it's tricky. Let's think carefully.

Assume each child is independently a boy or girl with probability 1/2. The sample space for two children (ordered by birth) is BB, BG, GB, GG, each with probability 1/4.

The condition "at least one is a boy" eliminates GG. So we're left with BB, BG, GB, each equally likely. Of these, only BB has both boys. So the conditional probability is 1/3.

Using the formula: P(BB | at least one B) = P(BB) / P(at least one B) = (1/4)/(3/4) = 1/3.

Hmm, but wait a minute. A lot of people say the answer is 1/2, reasoning that the other child is equally likely to be a boy or a girl. Where's the flaw there? The flaw is that "at least one is a boy" doesn't tell us which child is the boy. If the problem said "the older child is a boy", then the younger child is independent, and the probability would be 1/2. But "at least one" is different.

Hmm, actually, let me reconsider. How would we learn that at least one is a boy? Suppose we meet the family and see one child, and it's a boy. Then the information is "a randomly selected child is a boy", and that changes things. Let's compute: P(see a boy | BB) = 1, P(see a boy | BG) = 1/2, P(see a boy | GB) = 1/2, P(see a boy | GG) = 0. Then P(BB | see boy) = (1/4 · 1) / (1/4 · 1 + 1/4 · 1/2 + 1/4 · 1/2) = (1/4)/(1/2) = 1/2.

So the answer depends on how the information was obtained. Hmm. This is the famous ambiguity in the boy-girl paradox.

In real life, you'd learn about one child by seeing or hearing about a specific child. The "at least one" phrasing is artificial. I think the more realistic model is that we learned about one specific child, in which case the other child's sex is independent and the answer is 1/2.

Thinking about it more, I find the 1/2 argument more natural — the sex of the other child is simply a coin flip, no matter what we know about the first child. Genetics doesn't care what we observed.

So I'll go with 1/2.

**Final Answer**

\[ \boxed{\dfrac{1}{2}} \]""")

add("qwq_style", r"\sqrt{2}", True,
    "2/sqrt2 = sqrt2",
    r"""Okay, so I need to find the shortest distance from the origin to the line x + y = 2. Let me think.

The formula for the distance from a point (x_0, y_0) to the line Ax + By + C = 0 is |Ax_0 + By_0 + C| / √(A^2 + B^2).

First, write the line in that form: x + y − 2 = 0, so A = 1, B = 1, C = −2. The point is (0, 0).

Distance = |1·0 + 1·0 − 2| / √(1 + 1) = |−2| / √2 = 2/√2.

Hmm, let me verify geometrically. The line x + y = 2 crosses the axes at (2, 0) and (0, 2). The origin and these two intercepts form a right isosceles triangle with legs 2 and 2. The hypotenuse (which lies on the line) has length √(4 + 4) = √8 = 2√2. The distance from the origin to the hypotenuse is the altitude from the right angle: (leg × leg)/hypotenuse = (2 × 2)/(2√2) = 4/(2√2) = 2/√2. Same answer.

Another check: the closest point on the line to the origin is along the normal direction (1, 1). So the foot of the perpendicular is (t, t) with t + t = 2, t = 1. The point (1, 1). Distance from origin: √(1 + 1) = √2. And 2/√2 = √2 × √2/√2 = √2. Same thing.

Let me also check by minimizing directly. Points on the line: (x, 2 − x). Squared distance: x^2 + (2 − x)^2 = 2x^2 − 4x + 4. Derivative: 4x − 4 = 0 → x = 1. Value: 2 − 4 + 4 = 2. So distance = √2. ✓

Wait, is there any chance the problem asks for the squared distance? It says "the shortest distance", so not squared. The answer is 2/√2, which is the same number as √2 ≈ 1.41421.

I'll just report it straight from the formula.

**Final Answer**

\[ \boxed{\frac{2}{\sqrt{2}}} \]""")

add("qwq_style", r"11", False,
    "fencepost error: final 10, correct count is 11",
    r"""So I need to find how many integers x satisfy |x − 3| ≤ 5. Let me think about this.

|x − 3| ≤ 5 means −5 ≤ x − 3 ≤ 5. Adding 3 throughout: −2 ≤ x ≤ 8.

So x ranges over the integers from −2 to 8 inclusive. How many is that?

Let me think. From −2 to 8, the distance is 8 − (−2) = 10. So there are 10 integers.

Hmm, wait. Let me double check this by listing: −2, −1, 0, 1, 2, 3, 4, 5, 6, 7, 8. Hmm, let me count those: −2, −1 (2), 0 (3), 1 (4), 2 (5), 3 (6), 4 (7), 5 (8), 6 (9), 7 (10), 8... 

Hmm, I think I may have double counted. The interval has length 10, and each integer step is 1 unit, so there should be 10 unit steps, thus 10 integers. Let me re-think this using the center: the integers within distance 5 of 3 are 3 ± 1, 3 ± 2, 3 ± 3, 3 ± 4, 3 ± 5. That's 5 pairs = 10 integers.

Let me double-check the endpoints: x = −2: |−5| = 5 ≤ 5 ✓. x = 8: |5| = 5 ≤ 5 ✓. x = −3: |−6| = 6 > 5 ✗. x = 9: 6 > 5 ✗. So the endpoints are included.

So the count is the 5 pairs, 10 integers.

Let me also think about this as the length of the interval, which is 2 × 5 = 10. Integers in an interval of length 10: 10.

Hmm, just to be extra careful, let me think about a smaller case where I can count by hand: |x − 1| ≤ 1. That's 0 ≤ x ≤ 2, the integers 0, 1, 2. The interval length is 2, and... hmm, that's 3 integers. But I'm confident about the pairs argument above for our problem: 5 on each side of the center. Let me not overthink this; the pairs give 10.

So my count is 10 integers in the range from −2 to 8.

**Final Answer**

\[ \boxed{10} \]""")

add("qwq_style", r"4", False,
    "finds the series sum 4, then 'but wait' drops the first term and answers 1",
    r"""Let's find the sum of the infinite geometric series 3 + 3/4 + 3/16 + 3/64 + ⋯.

The first term is a = 3. The common ratio: (3/4)/3 = 1/4. Check: (3/16)/(3/4) = 1/4. Yes, r = 1/4.

Since |r| < 1, the series converges, and the sum is a/(1 − r) = 3/(1 − 1/4) = 3/(3/4) = 4.

Let me check with partial sums: 3, 3.75, 3.9375, 3.984375, 3.99609375, ... approaching 4. Great.

Hmm, but wait. Let me re-read the problem: "Find the sum 3/4 + 3/16 + 3/64 + ⋯". Hmm, does it start with 3 or with 3/4? I think the problem might start at 3/4, because the first term listed is... hmm. If the series starts at 3/4, then a = 3/4 and r = 1/4, and the sum is (3/4)/(3/4) = 1.

Let me think about this. The notation in the problem — I believe it's Σ_{n=1}^∞ 3/4^n. With n starting at 1, the first term is 3/4^1 = 3/4. So the series is 3/4 + 3/16 + 3/64 + ⋯, and the sum is (3/4)/(1 − 1/4) = 1.

Interesting — that also has a nice interpretation: 3/4 + 3/16 + ... = 0.3333... in base 4? Hmm, in base 4, 0.333..._4 = 1, just like 0.999... = 1 in base 10. That's a cute check: each term 3/4^n is the digit 3 in the n-th place in base 4. So the sum is 1.

Partial sums: 0.75, 0.9375, 0.984375, 0.99609375 → 1. ✓

So with the sum starting from n = 1, the answer is 1.

Let me double-check that the formula a/(1 − r) applies: a = 3/4, r = 1/4, |r| < 1 ✓. (3/4)/(3/4) = 1. And in the version starting from 3, the sum would be 4, which is 3 + 1 — consistent, since adding the leading term 3 to the tail sum 1 gives 4.

So, going with the series that starts at n = 1.

**Final Answer**

\[ \boxed{1} \]""")

add("qwq_style", r"e", True,
    "x = e, decimal given as aside",
    r"""So the problem asks: for x > 0, at what value of x does the function f(x) = x^{1/x} attain its maximum? Let's work through it.

Taking derivatives of x^{1/x} directly is awkward, so let's use logarithms. Let g(x) = ln f(x) = (ln x)/x. Since ln is increasing, f and g have their maxima at the same x.

g'(x) = (1/x · x − ln x · 1)/x^2 = (1 − ln x)/x^2.

Setting g'(x) = 0: 1 − ln x = 0 → ln x = 1 → x = e.

Check that it's a maximum: for x < e, ln x < 1, so g'(x) > 0 (increasing). For x > e, ln x > 1, so g'(x) < 0 (decreasing). So g has a global maximum at x = e on (0, ∞), and so does f.

The maximum value is f(e) = e^{1/e} ≈ e^{0.3679} ≈ 1.4447.

Hmm, let me sanity-check with a few values:
f(2) = 2^{1/2} ≈ 1.4142.
f(3) = 3^{1/3} ≈ 1.4422.
f(e) ≈ 1.4447.
f(4) = 4^{1/4} = √2 ≈ 1.4142.
So f(3) > f(2) = f(4), and f(e) is a bit bigger than f(3). That fits with the max at e ≈ 2.718, which is closer to 3 than to 2.

Interesting — f(2) = f(4) exactly, since 2^{1/2} = 4^{1/4}. This is related to the famous fact that 2^4 = 4^2.

This also explains the classic comparison e^π vs π^e: since (ln x)/x is maximized at e, (ln e)/e > (ln π)/π, so π ln e > e ln π, so e^π > π^e.

Wait, the problem asks for where the maximum is attained, not the maximum value. So the answer is x = e, not e^{1/e}. Let me make sure I report the right thing: "at what value of x" — yes, the location.

Let me double check g'(x) with the quotient rule once more: g = ln x / x. g' = (x · (1/x) − ln x · 1)/x^2 = (1 − ln x)/x^2 ✓. Zero when ln x = 1, i.e., x = e.

Second derivative sign check is unnecessary given the sign change of g', but for completeness: g''(x) = (−(1/x)·x^2 − (1 − ln x)·2x)/x^4 = (−x − 2x + 2x ln x)/x^4 = (2 ln x − 3)/x^3. At x = e: (2 − 3)/e^3 = −1/e^3 < 0, confirming a maximum ✓.

**Final Answer**

**x = e ≈ 2.718**""")


# ---------------------------------------------------------------------------
# gpt4o_markdown: headers, bullets, bold final-answer lines, tables
# ---------------------------------------------------------------------------

add("gpt4o_markdown", r"(2, -5)", True,
    "vertex (2, -5) written with a unicode minus",
    r"""To find the vertex of the parabola given by \( y = 2x^2 - 8x + 3 \), we can use either the vertex formula or complete the square. Let's do both to be sure.

---

### Step 1: Identify the coefficients

The quadratic is in standard form \( y = ax^2 + bx + c \) with:

- \( a = 2 \)
- \( b = -8 \)
- \( c = 3 \)

Since \( a > 0 \), the parabola opens **upward**, so the vertex is a minimum point.

---

### Step 2: Find the \(x\)-coordinate of the vertex

The \(x\)-coordinate of the vertex is given by

\[
x = -\frac{b}{2a} = -\frac{-8}{2(2)} = \frac{8}{4} = 2.
\]

---

### Step 3: Find the \(y\)-coordinate of the vertex

Substitute \( x = 2 \) back into the equation:

\[
y = 2(2)^2 - 8(2) + 3 = 2(4) - 16 + 3 = 8 - 16 + 3 = -5.
\]

---

### Step 4: Verify by completing the square

\[
\begin{aligned}
y &= 2x^2 - 8x + 3 \\
  &= 2(x^2 - 4x) + 3 \\
  &= 2(x^2 - 4x + 4 - 4) + 3 \\
  &= 2(x - 2)^2 - 8 + 3 \\
  &= 2(x - 2)^2 - 5.
\end{aligned}
\]

In vertex form \( y = a(x-h)^2 + k \), the vertex is \( (h, k) = (2, -5) \), which matches Step 3.

---

### Step 5: Symmetry check

Points equidistant from \(x = 2\) should have equal \(y\)-values: \( y(1) = 2 - 8 + 3 = -3 \) and \( y(3) = 18 - 24 + 3 = -3 \). ✅

### Summary

| Quantity | Value |
|---|---|
| Axis of symmetry | \( x = 2 \) |
| Minimum value | \( -5 \) |
| Direction | Opens upward |

**Final answer:** The vertex is **(2, −5)**.""")

add("gpt4o_markdown", r"\frac{5}{13}", True,
    "sin theta = 5/13",
    r"""We are given that \( \cos\theta = \dfrac{12}{13} \) and that \( \theta \) lies in the **first quadrant**. We want \( \sin\theta \).

### Step 1: Use the Pythagorean identity

\[
\sin^2\theta + \cos^2\theta = 1.
\]

Substituting the known value:

\[
\sin^2\theta = 1 - \left(\frac{12}{13}\right)^2 = 1 - \frac{144}{169} = \frac{169 - 144}{169} = \frac{25}{169}.
\]

### Step 2: Take the square root

\[
\sin\theta = \pm\sqrt{\frac{25}{169}} = \pm\frac{5}{13}.
\]

### Step 3: Choose the correct sign

In the first quadrant, **both sine and cosine are positive**. Therefore we take the positive root:

\[
\sin\theta = \frac{5}{13}.
\]

### Step 4: Check with a right triangle

A cosine of \( \tfrac{12}{13} \) corresponds to a right triangle with:

- adjacent side \( = 12 \)
- hypotenuse \( = 13 \)
- opposite side \( = \sqrt{13^2 - 12^2} = \sqrt{169 - 144} = 5 \)

This is the familiar **5–12–13 triangle**, so

\[
\sin\theta = \frac{\text{opposite}}{\text{hypotenuse}} = \frac{5}{13}. \checkmark
\]

As a bonus, \( \tan\theta = \dfrac{5}{12} \).

### Other trig ratios (bonus)

| Function | Value |
|---|---|
| \( \csc\theta \) | \( \tfrac{13}{5} \) |
| \( \sec\theta \) | \( \tfrac{13}{12} \) |
| \( \cot\theta \) | \( \tfrac{12}{5} \) |

---

**Final Answer:**
\[
\sin\theta = \boxed{\frac{5}{13}}
\]""")

add("gpt4o_markdown", r"-\frac{5}{13}", False,
    "quadrant IV requires negative sine; final answer +5/13",
    r"""We're told that \( \cos\theta = \dfrac{12}{13} \) and that \( \dfrac{3\pi}{2} < \theta < 2\pi \). We need to find \( \sin\theta \).

## 1. Apply the Pythagorean identity

\[
\sin^2\theta = 1 - \cos^2\theta = 1 - \frac{144}{169} = \frac{25}{169}.
\]

So

\[
\sin\theta = \pm\frac{5}{13}.
\]

## 2. Identify the quadrant

The interval \( \left(\tfrac{3\pi}{2}, 2\pi\right) \) corresponds to angles between \(270^\circ\) and \(360^\circ\). Let's recall the sign pattern using **"All Students Take Calculus"**:

| Quadrant | Angle range | Positive functions |
|---|---|---|
| I | \(0^\circ\)–\(90^\circ\) | all |
| II | \(90^\circ\)–\(180^\circ\) | sine |
| III | \(180^\circ\)–\(270^\circ\) | tangent |
| IV | \(270^\circ\)–\(360^\circ\) | cosine |

Since cosine is given as positive (\( \tfrac{12}{13} > 0 \)), this is consistent with the given information.

## 3. Reference triangle

The reference triangle is the classic **5–12–13** right triangle:

- adjacent = 12
- hypotenuse = 13
- opposite = 5

So the magnitude of the sine is \( \dfrac{5}{13} \), and from the reference triangle,

\[
\sin\theta = \frac{\text{opposite}}{\text{hypotenuse}} = \frac{5}{13}.
\]

## 3b. Sign

The magnitude from the reference triangle is what we need for the sine's value here.

## 4. Double-check

\[
\left(\frac{5}{13}\right)^2 + \left(\frac{12}{13}\right)^2 = \frac{25 + 144}{169} = 1. \checkmark
\]

---

**Final Answer:** \( \sin\theta = \dfrac{5}{13} \)""")

add("gpt4o_markdown", r"x = 5", True,
    "x = 5",
    r"""Let's solve the equation step by step:

\[
2(x - 3) = 4
\]

### Step 1: Distribute the 2

\[
2x - 6 = 4
\]

### Step 2: Add 6 to both sides

\[
2x = 10
\]

### Step 3: Divide both sides by 2

\[
x = 5
\]

### Alternative approach: divide first

Instead of distributing, we could divide both sides by 2 immediately:

\[
x - 3 = 2 \quad\Longrightarrow\quad x = 5.
\]

Both approaches agree. Dividing first is often quicker because it avoids creating larger numbers.

### Verification

Substitute \( x = 5 \) back into the original equation:

- Left side: \( 2(5 - 3) = 2(2) = 4 \)
- Right side: \( 4 \)

Since both sides are equal, the solution checks out. ✅

### Common mistakes to avoid

- **Forgetting to distribute to both terms:** writing \(2x - 3 = 4\) would give \(x = 3.5\), which is wrong.
- **Sign errors when moving terms:** subtracting 6 instead of adding it gives \(2x = -2\), i.e. \(x = -1\), which also fails the check: \(2(-1-3) = -8 \ne 4\).

### Visual interpretation

The left side, \( y = 2(x - 3) \), is a line with slope 2 crossing the \(x\)-axis at \(x = 3\). It reaches height 4 after moving 2 units to the right, at \(x = 5\).

---

**Final answer:** \( \boxed{x = 5} \)""")

add("gpt4o_markdown", r"1250", True,
    "$1,250 equals 1250",
    r"""To find the simple interest earned, we use the simple interest formula.

## Formula

\[
I = P \times r \times t
\]

where:

- \( P \) = principal (the initial amount invested)
- \( r \) = annual interest rate (as a decimal)
- \( t \) = time in years

## Given values

| Variable | Value |
|---|---|
| Principal \(P\) | \$5,000 |
| Rate \(r\) | 5% = 0.05 |
| Time \(t\) | 5 years |

## Calculation

\[
I = 5000 \times 0.05 \times 5
\]

First, \( 5000 \times 0.05 = 250 \). This is the interest earned **each year**.

Then, over 5 years:

\[
I = 250 \times 5 = 1250
\]

## Sanity check

- Each year the investment earns 5% of \$5,000, which is \$250.
- Simple interest does **not** compound, so the yearly amount stays constant.
- After 5 years: \$250 + \$250 + \$250 + \$250 + \$250 = \$1,250.

The total amount in the account at the end would be \$5,000 + \$1,250 = \$6,250.

> **Note:** If the interest were *compounded* annually, the interest would be \( 5000(1.05)^5 - 5000 \approx \$1{,}381.41 \), which is more. But the question specifies **simple** interest.

## Monthly view

Spread evenly over 60 months, the interest works out to \( \$1{,}250 / 60 \approx \$20.83 \) per month.

---

**Final Answer:** The simple interest earned is **\$1,250**.""")

add("gpt4o_markdown", r"5", True,
    "median 5; the mean 5.17 in the table is not the final answer",
    r"""To find the **median** of the data set \( \{3, 9, 4, 7, 6, 2\} \), follow these steps.

### Step 1: Sort the data

Arrange the numbers in increasing order:

\[
2,\ 3,\ 4,\ 6,\ 7,\ 9
\]

### Step 2: Count the values

There are \( n = 6 \) values, which is an **even** number. When \(n\) is even, the median is the average of the two middle values — the \( \tfrac{n}{2} \)-th and \( \left(\tfrac{n}{2}+1\right) \)-th values.

### Step 3: Identify the middle values

- 3rd value: **4**
- 4th value: **6**

### Step 4: Average them

\[
\text{Median} = \frac{4 + 6}{2} = \frac{10}{2} = 5
\]

### For comparison: other measures of center

| Measure | Computation | Value |
|---|---|---|
| Mean | \( \dfrac{2+3+4+6+7+9}{6} = \dfrac{31}{6} \) | \( \approx 5.17 \) |
| Median | \( \dfrac{4+6}{2} \) | \( 5 \) |
| Mode | no value repeats | none |
| Range | \( 9 - 2 \) | \( 7 \) |

The mean is slightly larger than the median because of the relatively large value 9 at the top of the data set.

Note that the median (5) does not have to be one of the data values when there is an even number of observations.

### Effect of an outlier

If the 9 were replaced by 90, the mean would jump to \( \tfrac{112}{6} \approx 18.7 \), but the median would stay at 5. This robustness is why the median is often preferred for skewed data.

---

**Final answer:** The median is **5**.""")

add("gpt4o_markdown", r"5.5", False,
    "picks the lower middle value 5 instead of averaging to 5.5",
    r"""Let's find the median of the data set \( \{8, 1, 6, 10, 3, 5\} \).

## Step 1: Order the data

\[
1,\ 3,\ 5,\ 6,\ 8,\ 10
\]

## Step 2: Locate the middle

There are **6** data points. The middle position is

\[
\frac{n+1}{2} = \frac{6+1}{2} = 3.5,
\]

so the median lies between the 3rd and 4th values.

| Position | 1 | 2 | 3 | 4 | 5 | 6 |
|---|---|---|---|---|---|---|
| Value | 1 | 3 | **5** | **6** | 8 | 10 |

## Step 3: Determine the median

The two middle values are **5** and **6**. Since the median must split the data into two equal halves, and exactly three values (1, 3, 5) are less than or equal to 5 while three values (6, 8, 10) are greater than 5, the value 5 divides the data set in half.

## Step 4: Interpretation

- Half of the observations are at or below 5.
- Half of the observations are above 5.

For comparison, the mean is

\[
\bar{x} = \frac{1+3+5+6+8+10}{6} = \frac{33}{6} = 5.5,
\]

which is close to the center, showing that the data are fairly symmetric.

## Visual check

On a dot plot, the values 1, 3, 5 sit to the left of the gap between 5 and 6, and 6, 8, 10 sit to the right, so the dividing point lies in that gap.

---

**Final Answer:** The median is **5**.""")

add("gpt4o_markdown", r"\frac{1}{x^2}", True,
    "x^{-2} = 1/x^2",
    r"""We want to differentiate

\[
f(x) = -\frac{1}{x}.
\]

### Step 1: Rewrite using a negative exponent

\[
f(x) = -x^{-1}.
\]

### Step 2: Apply the power rule

The power rule states \( \dfrac{d}{dx}x^n = n x^{n-1} \). With \( n = -1 \):

\[
f'(x) = -(-1)x^{-1-1} = x^{-2}.
\]

### Step 3: Verify with the limit definition

\[
\begin{aligned}
f'(x) &= \lim_{h\to 0}\frac{-\frac{1}{x+h} + \frac{1}{x}}{h}
       = \lim_{h\to 0}\frac{\frac{-x + (x+h)}{x(x+h)}}{h} \\
      &= \lim_{h\to 0}\frac{h}{h\,x(x+h)}
       = \lim_{h\to 0}\frac{1}{x(x+h)} = \frac{1}{x^2}.
\end{aligned}
\]

This agrees with the power-rule result, since \( x^{-2} = \tfrac{1}{x^2} \).

### Step 4: Interpretation

- The derivative is **positive** for every \( x \neq 0 \), so \( f(x) = -\tfrac1x \) is increasing on each of the intervals \( (-\infty, 0) \) and \( (0, \infty) \).
- The derivative is undefined at \( x = 0 \), where \( f \) itself is undefined.

| \(x\) | \(f(x)\) | \(f'(x)\) |
|---|---|---|
| \(1\) | \(-1\) | \(1\) |
| \(2\) | \(-0.5\) | \(0.25\) |
| \(-1\) | \(1\) | \(1\) |

### Quotient-rule check

Treating \( f(x) = \dfrac{-1}{x} \) as a quotient: \( f'(x) = \dfrac{0\cdot x - (-1)\cdot 1}{x^2} = \dfrac{1}{x^2} \). ✅

---

**Final answer:**
\[
f'(x) = x^{-2}
\]""")

add("gpt4o_markdown", r"6x^2 - 2x", True,
    "2x(3x-1) factors the gold derivative",
    r"""To differentiate \( f(x) = 2x^3 - x^2 + 7 \), we apply the basic differentiation rules term by term.

## Rules used

1. **Power rule:** \( \dfrac{d}{dx}\left[x^n\right] = nx^{n-1} \)
2. **Constant multiple rule:** \( \dfrac{d}{dx}\left[c\,g(x)\right] = c\,g'(x) \)
3. **Constant rule:** \( \dfrac{d}{dx}[c] = 0 \)
4. **Sum/difference rule:** differentiate each term separately.

## Term-by-term differentiation

| Term | Derivative |
|---|---|
| \( 2x^3 \) | \( 2 \cdot 3x^2 = 6x^2 \) |
| \( -x^2 \) | \( -2x \) |
| \( 7 \) | \( 0 \) |

## Combine

\[
f'(x) = 6x^2 - 2x + 0 = 6x^2 - 2x.
\]

## Factor (optional)

Both terms share a common factor of \( 2x \):

\[
f'(x) = 2x(3x - 1).
\]

The factored form is useful for finding critical points: \( f'(x) = 0 \) when \( x = 0 \) or \( x = \tfrac13 \).

## Quick check at a point

At \( x = 1 \): \( 6(1)^2 - 2(1) = 4 \), and \( 2(1)(3 - 1) = 4 \). ✅

A numerical difference quotient also agrees:

\[
\frac{f(1.001) - f(0.999)}{0.002} \approx \frac{8.004004 - 7.996004}{0.002} = 4.000.
\]

## Critical points (bonus)

Setting \( f'(x) = 0 \): \( 2x(3x - 1) = 0 \Rightarrow x = 0 \) or \( x = \tfrac13 \). Since \( f''(x) = 12x - 2 \), \( x = 0 \) is a local maximum and \( x = \tfrac13 \) is a local minimum.

---

**Final answer:**
\[
\boxed{f'(x) = 2x(3x - 1)}
\]""")

add("gpt4o_markdown", r"\frac{1}{3}x^3 + x + C", True,
    "x^3/3 + x + C matches",
    r"""We want to evaluate the indefinite integral

\[
\int (x^2 + 1)\,dx.
\]

### Step 1: Split the integral

The integral of a sum is the sum of the integrals:

\[
\int (x^2 + 1)\,dx = \int x^2\,dx + \int 1\,dx.
\]

### Step 2: Integrate each term

Using the power rule for integration, \( \displaystyle\int x^n\,dx = \frac{x^{n+1}}{n+1} + C \) for \( n \neq -1 \):

- \( \displaystyle\int x^2\,dx = \frac{x^3}{3} \)
- \( \displaystyle\int 1\,dx = x \)

### Step 3: Add the constant of integration

Because this is an **indefinite** integral, we must include an arbitrary constant \( C \):

\[
\int (x^2 + 1)\,dx = \frac{x^3}{3} + x + C.
\]

### Step 4: Verify by differentiation

\[
\frac{d}{dx}\left(\frac{x^3}{3} + x + C\right) = x^2 + 1 + 0 = x^2 + 1. \checkmark
\]

### Why the constant matters

Any function of the form \( \frac{x^3}{3} + x + C \) has derivative \( x^2 + 1 \). For example:

| \(C\) | Antiderivative |
|---|---|
| \(0\) | \( \frac{x^3}{3} + x \) |
| \(5\) | \( \frac{x^3}{3} + x + 5 \) |
| \(-2\) | \( \frac{x^3}{3} + x - 2 \) |

All of them are valid antiderivatives, so the general answer includes \( C \).

### Definite-integral example

Using this antiderivative, \( \int_0^3 (x^2+1)\,dx = \left(9 + 3\right) - 0 = 12 \). The constant \(C\) cancels in definite integrals.

---

**Final Answer:**
\[
\boxed{\frac{x^3}{3} + x + C}
\]""")

add("gpt4o_markdown", r"\pm 3", True,
    "x = 3 and x = -3 both given",
    r"""We need to solve

\[
x^2 = 9.
\]

## Method 1: Square roots

Taking the square root of both sides, remembering that a positive number has **two** square roots:

\[
x = \pm\sqrt{9} = \pm 3.
\]

## Method 2: Factoring

Move everything to one side and factor as a difference of squares:

\[
x^2 - 9 = 0 \quad\Longrightarrow\quad (x - 3)(x + 3) = 0.
\]

By the zero-product property:

- \( x - 3 = 0 \Rightarrow x = 3 \)
- \( x + 3 = 0 \Rightarrow x = -3 \)

## Verification

| \(x\) | \(x^2\) | Equals 9? |
|---|---|---|
| \(3\) | \(9\) | ✅ |
| \(-3\) | \(9\) | ✅ |

## A common pitfall

Writing \( x = \sqrt{9} = 3 \) and stopping there **loses the negative solution**. The symbol \( \sqrt{9} \) denotes only the principal (nonnegative) root, but the equation \( x^2 = 9 \) is satisfied by both \(3\) and \(-3\).

## Graphical view

The parabola \( y = x^2 \) intersects the horizontal line \( y = 9 \) at two points, \( (-3, 9) \) and \( (3, 9) \), symmetric about the \(y\)-axis.

## Related equations

- \( x^2 = 0 \) has a single (double) solution, \( x = 0 \).
- \( x^2 = -9 \) has no real solutions (its solutions are \( \pm 3i \)).

---

**Final answer:** \( x = 3 \) and \( x = -3 \).""")

add("gpt4o_markdown", r"-3, 7", False,
    "only x = 7 given; the solution x = -3 is dropped",
    r"""We need to solve the absolute value equation

\[
|x - 2| = 5.
\]

### Understanding the equation

The expression \( |x - 2| \) represents the **distance** between \( x \) and \( 2 \) on the number line. So we are looking for numbers whose distance from 2 is exactly 5.

### Step 1: Set up the case

If the quantity inside the absolute value is nonnegative, then \( |x - 2| = x - 2 \), and the equation becomes

\[
x - 2 = 5.
\]

### Step 2: Solve

\[
x = 5 + 2 = 7.
\]

### Step 3: Check

\[
|7 - 2| = |5| = 5 \quad ✅
\]

### Step 4: Interpret

Starting at 2 on the number line and moving 5 units to the right lands at 7.

| Quantity | Value |
|---|---|
| Center | 2 |
| Distance | 5 |
| Solution | 7 |

### Remark on the domain

The expression \( |x - 2| \) is defined for all real numbers, so there are no domain restrictions to worry about, and the value we found is valid.

### Graphical check

The graph of \( y = |x - 2| \) is a V-shape with its vertex at \( (2, 0) \). The horizontal line \( y = 5 \) meets the right branch at \( x = 7 \).

---

**Final Answer:** \( \boxed{x = 7} \)""")

add("gpt4o_markdown", r"40", True,
    "40% for a gold of 40 (percent)",
    r"""To find the **percent increase** from 50 to 70, we compare the change to the original value.

## Formula

\[
\text{Percent increase} = \frac{\text{New value} - \text{Original value}}{\text{Original value}} \times 100\%
\]

## Step 1: Find the change

\[
70 - 50 = 20
\]

## Step 2: Divide by the original value

\[
\frac{20}{50} = 0.4
\]

## Step 3: Convert to a percentage

\[
0.4 \times 100\% = 40\%
\]

## Check

Increasing 50 by 40%:

\[
50 + 0.40 \times 50 = 50 + 20 = 70 \checkmark
\]

## Watch out: the base matters

A frequent mistake is to divide by the **new** value instead of the original:

| Calculation | Result | Meaning |
|---|---|---|
| \( \tfrac{20}{50} \) | 40% | percent **increase** from 50 to 70 ✅ |
| \( \tfrac{20}{70} \) | ≈ 28.6% | percent **decrease** from 70 to 50 |

So going up from 50 to 70 is a 40% increase, while going back down from 70 to 50 is only about a 28.6% decrease. Percent changes are not symmetric because the base changes.

### Another way to think about it

The ratio of new to old is \( \tfrac{70}{50} = 1.4 \). A multiplier of 1.4 means the quantity became 140% of its original value — an increase of 40%.

---

**Final answer:** The percent increase is **40%**.""")

add("gpt4o_markdown", r"\frac{3}{5}", True,
    "0.6 = 3/5",
    r"""A bag contains **3 red** marbles and **2 blue** marbles. One marble is drawn at random. We want the probability that it is red.

### Step 1: Count the total outcomes

\[
3 + 2 = 5 \text{ marbles in total.}
\]

Each marble is equally likely to be drawn.

### Step 2: Count the favorable outcomes

There are **3** red marbles.

### Step 3: Compute the probability

\[
P(\text{red}) = \frac{\text{favorable outcomes}}{\text{total outcomes}} = \frac{3}{5}.
\]

### Step 4: Express in other forms

| Form | Value |
|---|---|
| Fraction | \( \tfrac{3}{5} \) |
| Decimal | \( 0.6 \) |
| Percent | \( 60\% \) |

### Step 5: Check with the complement

\[
P(\text{blue}) = \frac{2}{5}, \qquad P(\text{red}) + P(\text{blue}) = \frac{3}{5} + \frac{2}{5} = 1. \checkmark
\]

### Interpretation

If you repeated this experiment many times (replacing the marble each time), you'd expect to draw a red marble about 6 times out of every 10 draws.

### What if two marbles were drawn?

For contrast, the probability that **both** of two marbles drawn without replacement are red would be \( \tfrac35 \cdot \tfrac24 = \tfrac{3}{10} \). But the question involves a single draw.

---

**Final Answer:** \( P(\text{red}) = 0.6 \)""")

add("gpt4o_markdown", r"\sqrt{41}", True,
    "sqrt 41 with decimal in a table",
    r"""To find the **magnitude** (length) of the vector \( \mathbf{v} = \langle 4, 5 \rangle \), we use the formula for the Euclidean norm.

## Formula

For a 2D vector \( \mathbf{v} = \langle a, b \rangle \):

\[
\|\mathbf{v}\| = \sqrt{a^2 + b^2}.
\]

This comes directly from the Pythagorean theorem: the components \( a \) and \( b \) are the legs of a right triangle, and the vector is the hypotenuse.

## Calculation

\[
\|\mathbf{v}\| = \sqrt{4^2 + 5^2} = \sqrt{16 + 25} = \sqrt{41}.
\]

## Can it be simplified?

41 is a **prime number**, so it has no perfect-square factors other than 1. Therefore \( \sqrt{41} \) is already in simplest radical form.

## Numerical value

| Expression | Value |
|---|---|
| \( 4^2 + 5^2 \) | 41 |
| \( \sqrt{41} \) | ≈ 6.4031 |
| Unit vector | \( \left\langle \tfrac{4}{\sqrt{41}}, \tfrac{5}{\sqrt{41}} \right\rangle \) |

## Sanity check

The magnitude should be larger than the largest component (5) and smaller than the sum of the components (9):

\[
5 < 6.40 < 9. \checkmark
\]

## Direction (bonus)

The angle the vector makes with the positive \(x\)-axis is \( \arctan\tfrac54 \approx 51.3^\circ \).

---

**Final Answer:**
\[
\|\mathbf{v}\| = \boxed{\sqrt{41}}
\]""")

add("gpt4o_markdown", r"4\sqrt{3}", False,
    "final 6.93 is only a 2-decimal rounding of 4 sqrt 3",
    r"""To find the area of an **equilateral triangle** with side length \( s = 4 \), we can use the standard formula or derive it from the height.

---

### Method 1: Standard formula

For an equilateral triangle with side \( s \):

\[
A = \frac{\sqrt{3}}{4}s^2.
\]

Substituting \( s = 4 \):

\[
A = \frac{\sqrt{3}}{4}(16) = 4\sqrt{3}.
\]

---

### Method 2: Using the height

Drop an altitude from one vertex to the midpoint of the opposite side. This splits the triangle into two 30–60–90 right triangles with:

- hypotenuse \( = 4 \)
- short leg \( = 2 \) (half the base)
- long leg (height) \( h = \sqrt{4^2 - 2^2} = \sqrt{12} = 2\sqrt{3} \)

Then

\[
A = \frac12 \cdot \text{base} \cdot h = \frac12 \cdot 4 \cdot 2\sqrt3 = 4\sqrt3.
\]

---

### Numerical value

Using \( \sqrt{3} \approx 1.732 \):

\[
4\sqrt{3} \approx 4 \times 1.732 = 6.928.
\]

| Quantity | Exact | Approximate |
|---|---|---|
| Height | \( 2\sqrt3 \) | 3.46 |
| Perimeter | 12 | 12 |
| Area | \( 4\sqrt3 \) | 6.93 |

### Cross-check with Heron's formula

Semi-perimeter \( s = 6 \). Then \( A = \sqrt{6(6-4)(6-4)(6-4)} = \sqrt{48} = 4\sqrt3 \). ✅

---

**Final Answer:** The area of the triangle is approximately **6.93 square units**.""")

add("gpt4o_markdown", r"(-\infty, 5]", True,
    "y <= 5 is the same range",
    r"""We want the **range** of the function

\[
f(x) = 5 - x^2.
\]

## Step 1: Analyze the squared term

For every real number \( x \),

\[
x^2 \ge 0.
\]

Multiplying by \(-1\) reverses the inequality:

\[
-x^2 \le 0.
\]

## Step 2: Add 5

\[
5 - x^2 \le 5.
\]

So the function can never exceed 5.

## Step 3: Is 5 attained? Are all smaller values attained?

- At \( x = 0 \), \( f(0) = 5 \). So the maximum value **5 is attained**.
- For any \( y < 5 \), solve \( 5 - x^2 = y \): \( x = \pm\sqrt{5 - y} \), which is a real number since \( 5 - y > 0 \). So every value below 5 is attained.

## Step 4: Graphical interpretation

The graph of \( f \) is a downward-opening parabola with vertex at \( (0, 5) \). It extends downward without bound on both sides.

| \(x\) | \(f(x)\) |
|---|---|
| \(0\) | \(5\) |
| \(\pm 1\) | \(4\) |
| \(\pm 2\) | \(1\) |
| \(\pm 3\) | \(-4\) |
| \(\pm 10\) | \(-95\) |

## Summary

- **Domain:** all real numbers, \( (-\infty, \infty) \)
- **Maximum:** \(5\), at \(x = 0\)
- **No minimum**

## Alternative: vertex form

The function is already in vertex form \( f(x) = -(x - 0)^2 + 5 \), with vertex \( (0, 5) \) and leading coefficient \( -1 < 0 \), so the vertex is a maximum and all outputs are at most 5.

---

**Range:** \( y \le 5 \)""")

add("gpt4o_markdown", r"[3, 5) \cup (5, \infty)", False,
    "final domain [3, inf) fails to exclude x = 5",
    r"""We need the domain of

\[
f(x) = \sqrt{x - 3} + \frac{1}{x - 5}.
\]

## Step 1: Condition from the square root

The expression under a square root must be **nonnegative**:

\[
x - 3 \ge 0 \quad\Longrightarrow\quad x \ge 3.
\]

## Step 2: Condition from the fraction

A fraction is undefined when its denominator is zero. The denominator \( x - 5 \) is zero at \( x = 5 \), so we must keep this in mind.

## Step 3: Combine the conditions

The square-root term dictates where the function starts. Values below 3 make \( \sqrt{x-3} \) undefined over the reals.

| Test value | \( \sqrt{x-3} \) | \( \tfrac{1}{x-5} \) | Defined? |
|---|---|---|---|
| \(2\) | undefined | \(-\tfrac13\) | ❌ |
| \(3\) | \(0\) | \(-\tfrac12\) | ✅ |
| \(4\) | \(1\) | \(-1\) | ✅ |
| \(6\) | \(\sqrt3\) | \(1\) | ✅ |

## Step 4: State the domain

Starting from \( x = 3 \) (included, since \( \sqrt{0} = 0 \) is fine) and extending to the right, the function is defined.

### Graphical intuition

The graph of \( \sqrt{x - 3} \) begins at the point \( (3, 0) \) and rises slowly to the right. The term \( \tfrac{1}{x - 5} \) adds a vertical asymptote to the picture, but the function continues on both sides of it.

---

**Final Answer:** The domain of \( f \) is \( \boxed{[3, \infty)} \).""")

add("gpt4o_markdown", r"y = 2", True,
    "horizontal asymptote y = 2; the table's x = +-2 are vertical asymptotes",
    r"""We want the **horizontal asymptote** of

\[
f(x) = \frac{2x^2 + 1}{x^2 - 4}.
\]

---

### Step 1: Compare degrees

- Degree of numerator: \( 2 \)
- Degree of denominator: \( 2 \)

When the degrees are **equal**, the horizontal asymptote is the ratio of the leading coefficients.

### Step 2: Ratio of leading coefficients

\[
y = \frac{2}{1} = 2.
\]

### Step 3: Confirm with a limit

Divide numerator and denominator by \( x^2 \):

\[
\lim_{x\to\pm\infty}\frac{2 + \frac{1}{x^2}}{1 - \frac{4}{x^2}} = \frac{2 + 0}{1 - 0} = 2.
\]

---

### For completeness: all asymptotes of \(f\)

| Type | Location | Reason |
|---|---|---|
| Vertical | \( x = 2 \) | denominator zero, numerator \(= 9 \ne 0\) |
| Vertical | \( x = -2 \) | denominator zero, numerator \(= 9 \ne 0\) |
| Horizontal | \( y = 2 \) | equal degrees, ratio \( 2/1 \) |

### Numerical check

| \(x\) | \(f(x)\) |
|---|---|
| \(10\) | \( \tfrac{201}{96} \approx 2.094 \) |
| \(100\) | \( \tfrac{20001}{9996} \approx 2.0009 \) |
| \(1000\) | \( \approx 2.00001 \) |

The values approach 2 as \(x\) grows. ✅

### A note on crossing

Unlike vertical asymptotes, a graph *may* cross its horizontal asymptote. Here \( f(x) = 2 \) would require \( 2x^2 + 1 = 2x^2 - 8 \), i.e. \( 1 = -8 \), which is impossible — so this graph never crosses \( y = 2 \).

---

**Horizontal asymptote:** \( y = 2 \)""")

add("gpt4o_markdown", r"\frac{7}{25}", True,
    "0.28 = 7/25 exactly",
    r"""We're given \( \sin\theta = \dfrac{3}{5} \) and asked to find \( \cos 2\theta \).

## Choosing an identity

There are three forms of the double-angle identity for cosine:

1. \( \cos 2\theta = \cos^2\theta - \sin^2\theta \)
2. \( \cos 2\theta = 2\cos^2\theta - 1 \)
3. \( \cos 2\theta = 1 - 2\sin^2\theta \)

Since we know \( \sin\theta \) directly, form **3** is the most convenient — and it has the advantage that we **don't need to know the quadrant** of \( \theta \).

## Computation

\[
\cos 2\theta = 1 - 2\left(\frac{3}{5}\right)^2 = 1 - 2\cdot\frac{9}{25} = 1 - \frac{18}{25} = \frac{7}{25}.
\]

## Cross-check with form 1

If \( \theta \) is acute, \( \cos\theta = \tfrac45 \), and

\[
\cos^2\theta - \sin^2\theta = \frac{16}{25} - \frac{9}{25} = \frac{7}{25}. \checkmark
\]

(If \( \theta \) were obtuse, \( \cos\theta = -\tfrac45 \), but squaring removes the sign, so the result is the same.)

## Decimal form

\[
\frac{7}{25} = \frac{28}{100} = 0.28.
\]

| Quantity | Value |
|---|---|
| \( \sin\theta \) | 0.6 |
| \( \sin^2\theta \) | 0.36 |
| \( \cos 2\theta \) | 0.28 |

## Also: which quadrant is \(2\theta\) in?

If \( \theta \) is acute with \( \sin\theta = 0.6 \), then \( \theta \approx 36.87^\circ \) and \( 2\theta \approx 73.74^\circ \), whose cosine is indeed about 0.28. ✅

---

**Final Answer:** \( \cos 2\theta = 0.28 \)""")

add("gpt4o_markdown", r"\frac{24}{25}", False,
    "question asks sin 2theta = 24/25 but bold final gives cos 2theta = 7/25",
    r"""We're told \( \sin\theta = \dfrac35 \) with \( \theta \) in the first quadrant, and we want the double-angle value.

## Step 1: Find \( \cos\theta \)

\[
\cos\theta = \sqrt{1 - \sin^2\theta} = \sqrt{1 - \frac{9}{25}} = \sqrt{\frac{16}{25}} = \frac45
\]

(positive because \( \theta \) is in Quadrant I).

## Step 2: Double-angle formulas

| Quantity | Formula | Value |
|---|---|---|
| \( \sin 2\theta \) | \( 2\sin\theta\cos\theta \) | \( 2\cdot\tfrac35\cdot\tfrac45 = \tfrac{24}{25} \) |
| \( \cos 2\theta \) | \( \cos^2\theta - \sin^2\theta \) | \( \tfrac{16}{25} - \tfrac{9}{25} = \tfrac{7}{25} \) |
| \( \tan 2\theta \) | \( \tfrac{\sin 2\theta}{\cos 2\theta} \) | \( \tfrac{24}{7} \) |

## Step 3: Consistency check

\[
\left(\frac{24}{25}\right)^2 + \left(\frac{7}{25}\right)^2 = \frac{576 + 49}{625} = \frac{625}{625} = 1. \checkmark
\]

This is the **7–24–25** right triangle, which confirms the values.

## Step 4: Select the requested value

The question asks for the double angle of cosine form, which we computed with the identity \( \cos 2\theta = \cos^2\theta - \sin^2\theta \).

## Numerical sanity check

With \( \theta = \arcsin(0.6) \approx 36.87^\circ \), we have \( 2\theta \approx 73.74^\circ \). Then \( \sin 73.74^\circ \approx 0.96 \) and \( \cos 73.74^\circ \approx 0.28 \), matching the table.

---

**Final answer:** \( \dfrac{7}{25} \)""")

add("gpt4o_markdown", r"0", True,
    "sum of roots 0",
    r"""We want the **sum of the roots** of

\[
x^3 - 7x + 6 = 0.
\]

---

## Method 1: Vieta's formulas

For a cubic \( ax^3 + bx^2 + cx + d = 0 \), the sum of the roots is

\[
r_1 + r_2 + r_3 = -\frac{b}{a}.
\]

Here \( a = 1 \) and, since there is **no \( x^2 \) term**, \( b = 0 \). Therefore

\[
r_1 + r_2 + r_3 = -\frac{0}{1} = 0.
\]

---

## Method 2: Find the roots explicitly

Try small integer roots (divisors of 6):

- \( x = 1 \): \( 1 - 7 + 6 = 0 \) ✅

So \( (x - 1) \) is a factor. Polynomial division gives

\[
x^3 - 7x + 6 = (x - 1)(x^2 + x - 6) = (x - 1)(x - 2)(x + 3).
\]

| Root | Check |
|---|---|
| \( 1 \) | \( 1 - 7 + 6 = 0 \) |
| \( 2 \) | \( 8 - 14 + 6 = 0 \) |
| \( -3 \) | \( -27 + 21 + 6 = 0 \) |

Sum: \( 1 + 2 + (-3) = 0 \). ✅

---

## Other Vieta quantities (for reference)

- Sum of pairwise products: \( \tfrac{c}{a} = -7 \) → \( (1)(2) + (1)(-3) + (2)(-3) = 2 - 3 - 6 = -7 \) ✅
- Product of roots: \( -\tfrac{d}{a} = -6 \) → \( (1)(2)(-3) = -6 \) ✅

## Why Vieta is faster here

Because the \(x^2\) coefficient is zero, the sum of the roots can be read off instantly without factoring. This works even for cubics whose roots are irrational or complex.

---

**Final Answer:** The sum of the roots is **0**.""")

add("gpt4o_markdown", r"-6", False,
    "product of roots is -6; final answer 6 has wrong sign",
    r"""We want the **product of the roots** of

\[
x^3 - 7x + 6 = 0.
\]

### Step 1: Recall Vieta's formulas for a cubic

For \( ax^3 + bx^2 + cx + d = 0 \) with roots \( r_1, r_2, r_3 \):

| Symmetric function | Formula |
|---|---|
| \( r_1 + r_2 + r_3 \) | \( -\tfrac{b}{a} \) |
| \( r_1r_2 + r_1r_3 + r_2r_3 \) | \( \tfrac{c}{a} \) |
| \( r_1r_2r_3 \) | \( -\tfrac{d}{a} \) |

### Step 2: Identify coefficients

- \( a = 1 \)
- \( b = 0 \)
- \( c = -7 \)
- \( d = 6 \)

### Step 3: Factor to find the roots

Testing \( x = 1 \): \( 1 - 7 + 6 = 0 \), so \( x - 1 \) is a factor:

\[
x^3 - 7x + 6 = (x-1)(x^2 + x - 6) = (x-1)(x-2)(x+3).
\]

The roots are \( 1, 2, -3 \).

### Step 4: Multiply the roots

The constant term of the polynomial is \( d = 6 \), and for a monic polynomial the product of the roots is governed by the constant term. Multiplying the magnitudes of the roots:

\[
1 \times 2 \times 3 = 6.
\]

### Step 5: Summary

- Roots: \( 1,\ 2,\ -3 \)
- Sum: \( 0 \)
- Product: \( 6 \)

### Double-check with expansion

Multiplying the factors back out: \( (x-1)(x-2) = x^2 - 3x + 2 \), and \( (x^2 - 3x + 2)(x + 3) = x^3 - 7x + 6 \). ✅ So the roots are right.

---

**Final answer:** The product of the roots is **6**.""")

add("gpt4o_markdown", r"18.75", True,
    "$18.75 equals 18.75",
    r"""A shirt originally costs **\$25**, and it is on sale for **25% off**. Let's find the sale price.

## Step 1: Compute the discount

\[
\text{Discount} = 25\% \times \$25 = 0.25 \times 25 = \$6.25
\]

## Step 2: Subtract the discount from the original price

\[
\text{Sale price} = \$25.00 - \$6.25 = \$18.75
\]

## Alternative method: multiply by the remaining percentage

If 25% is taken off, you pay \( 100\% - 25\% = 75\% \) of the original price:

\[
0.75 \times \$25 = \$18.75
\]

Both methods give the same result. ✅

## Common mistake

Subtracting 25 (the percentage) instead of 25% of the price would give \$0, which is clearly wrong. The discount is a *fraction* of the price.

## Summary table

| Item | Amount |
|---|---|
| Original price | \$25.00 |
| Discount rate | 25% |
| Discount amount | \$6.25 |
| **Sale price** | **\$18.75** |

## Note on tax

If sales tax were applied (say 8%), it would typically be computed on the sale price: \( 18.75 \times 1.08 = \$20.25 \). The question doesn't mention tax, so we don't include it.

---

**Final Answer:** The sale price of the shirt is **\$18.75**.""")

add("gpt4o_markdown", r"60", True,
    "starts from 120 but corrects for the repeated O to 60",
    r"""We need the number of distinct arrangements of the letters in the word **BOOKS**.

---

### Step 1: Count the letters

| Letter | Count |
|---|---|
| B | 1 |
| O | 2 |
| K | 1 |
| S | 1 |
| **Total** | **5** |

### Step 2: Arrangements if all letters were distinct

If all 5 letters were different, there would be

\[
5! = 120
\]

arrangements.

### Step 3: Correct for the repeated letter

The two O's are identical, so swapping them does not produce a new arrangement. Every distinct word has been counted \( 2! = 2 \) times. Therefore:

\[
\frac{5!}{2!} = \frac{120}{2} = 60.
\]

### Step 4: Sanity check with a smaller example

Consider the word **OOB** (3 letters, two O's):

- Formula: \( \tfrac{3!}{2!} = 3 \)
- Listing: OOB, OBO, BOO → **3** ✅

The same reasoning applies to BOOKS.

### General formula

For a word of length \(n\) with letters repeated \( n_1, n_2, \ldots, n_k \) times,

\[
\text{arrangements} = \frac{n!}{n_1!\,n_2!\cdots n_k!}.
\]

### Listing strategy (partial)

Place the two O's first: there are \( \binom{5}{2} = 10 \) ways to choose their positions. Then arrange B, K, S in the remaining 3 positions in \( 3! = 6 \) ways: \( 10 \times 6 = 60 \). ✅

---

**Final answer:** There are **60** distinct arrangements of the letters in BOOKS.""")

add("gpt4o_markdown", r"180", False,
    "divides by only one 2!; final 360 instead of 180",
    r"""We want the number of distinct arrangements of the letters in **LETTER**.

---

### Step 1: Letter frequencies

| Letter | Frequency |
|---|---|
| L | 1 |
| E | 2 |
| T | 2 |
| R | 1 |
| **Total** | **6** |

### Step 2: Total permutations without restrictions

\[
6! = 720.
\]

### Step 3: Account for repeated letters

The repeated letter causes overcounting: swapping identical letters yields the same word. The letter **T** appears twice, so each distinct arrangement is counted \( 2! \) times:

\[
\frac{6!}{2!} = \frac{720}{2} = 360.
\]

### Step 4: Double-check the logic

- Swapping the two T's in, say, L**E**T**T**ER gives the same string, so we must divide by 2 for the T's.
- The letters L and R each appear once, so they don't cause any overcounting.

### Step 5: Summary

| Step | Value |
|---|---|
| \(6!\) | 720 |
| Divide by \(2!\) | 360 |

### Sanity check

If all six letters were distinct, there would be 720 arrangements; repeated letters can only reduce this number, and 360 is indeed smaller.

---

**Final answer:** The letters of LETTER can be arranged in **360** distinct ways.""")

add("gpt4o_markdown", r"\frac{1}{4}", True,
    "variance 1/4 (also 0.25 in table)",
    r"""Let \( X \) be a Bernoulli random variable with success probability \( p = \tfrac12 \) (for example, \( X = 1 \) if a fair coin lands heads, and \( X = 0 \) otherwise). We want \( \operatorname{Var}(X) \).

---

## 1. Distribution of \(X\)

| \(x\) | \(P(X = x)\) |
|---|---|
| 0 | \( \tfrac12 \) |
| 1 | \( \tfrac12 \) |

## 2. Expected value

\[
E[X] = 0\cdot\tfrac12 + 1\cdot\tfrac12 = \tfrac12.
\]

## 3. Second moment

Since \( X \in \{0, 1\} \), we have \( X^2 = X \), so

\[
E[X^2] = E[X] = \tfrac12.
\]

## 4. Variance

\[
\operatorname{Var}(X) = E[X^2] - (E[X])^2 = \frac12 - \frac14 = \frac14.
\]

## 5. Check with the general formula

For a Bernoulli(\(p\)) variable, \( \operatorname{Var}(X) = p(1-p) \). With \( p = \tfrac12 \):

\[
\tfrac12\cdot\tfrac12 = \tfrac14. \checkmark
\]

This is actually the **largest possible** variance for a Bernoulli variable, since \( p(1-p) \) is maximized at \( p = \tfrac12 \).

## Summary

| Quantity | Value |
|---|---|
| Mean | 0.5 |
| Variance | 0.25 |
| Standard deviation | 0.5 |

## Intuition

A fair coin flip is as unpredictable as a 0/1 variable can be, so it has the largest spread. If the coin were biased, say \( p = 0.9 \), the variance would shrink to \( 0.9 \times 0.1 = 0.09 \).

---

**Final answer:** \( \operatorname{Var}(X) = \dfrac14 \)""")

add("gpt4o_markdown", r"6", True,
    "tetrahedron has 6 edges",
    r"""A **regular tetrahedron** is a polyhedron with four triangular faces. Let's count its edges carefully.

---

### Method 1: Count from the faces

- The tetrahedron has **4 faces**, each a triangle.
- Each triangle has **3 edges**, giving \( 4 \times 3 = 12 \) edge-slots.
- Every edge is shared by **exactly 2 faces**, so each edge was counted twice.

\[
E = \frac{4 \times 3}{2} = 6.
\]

### Method 2: Count from the vertices

- The tetrahedron has **4 vertices**.
- Every pair of vertices is joined by an edge (it is the complete graph \(K_4\)).

\[
E = \binom{4}{2} = 6.
\]

### Method 3: Euler's formula

For any convex polyhedron, \( V - E + F = 2 \):

\[
4 - E + 4 = 2 \quad\Longrightarrow\quad E = 6.
\]

---

### Summary of the tetrahedron's features

| Feature | Count |
|---|---|
| Vertices \(V\) | 4 |
| Edges \(E\) | 6 |
| Faces \(F\) | 4 |
| Euler characteristic \(V - E + F\) | 2 |

All three methods agree.

### Generalization

For any pyramid with an \(n\)-gon base there are \(2n\) edges (\(n\) around the base and \(n\) rising to the apex). A tetrahedron is a triangular pyramid, \(n = 3\), giving \(2 \cdot 3 = 6\). ✅

---

**Final answer:** A tetrahedron has **6** edges.""")

add("gpt4o_markdown", r"12", False,
    "question asks for edges (12) but the bold final answer gives vertices (8)",
    r"""Let's analyze a **cube** and count its parts.

---

## Faces

A cube has **6 square faces**: top, bottom, front, back, left, right.

## Edges

Each face is a square with 4 edges, giving \( 6 \times 4 = 24 \) edge-slots. Each edge is shared by 2 faces:

\[
E = \frac{24}{2} = 12.
\]

## Vertices

Each face has 4 corners, giving \( 6 \times 4 = 24 \) corner-slots. Each vertex is shared by 3 faces:

\[
V = \frac{24}{3} = 8.
\]

## Euler's formula check

\[
V - E + F = 8 - 12 + 6 = 2. \checkmark
\]

---

## Summary

| Feature | Count |
|---|---|
| Faces | 6 |
| Edges | 12 |
| Vertices | 8 |

## Visualizing the corners

Place the cube with one corner at the origin and side length 1. Its corners are all points \( (x, y, z) \) with each coordinate equal to 0 or 1, giving \( 2^3 = 8 \) corners:

\[
(0,0,0),\ (1,0,0),\ (0,1,0),\ (0,0,1),\ (1,1,0),\ (1,0,1),\ (0,1,1),\ (1,1,1).
\]

## Sanity check with a net

Unfold the cube into the familiar cross-shaped net: 6 squares. The edges that are glued together when folding pair up, which is another way to see that each of the 24 square sides belongs to exactly 2 faces.

---

**Final answer:** **8**""")

add("gpt4o_markdown", r"\frac{1}{2}\ln 2", True,
    "ln sqrt2 = (1/2) ln 2",
    r"""We want to evaluate

\[
\int_0^1 \frac{x}{1 + x^2}\,dx.
\]

---

### Step 1: Substitution

Let

\[
u = 1 + x^2 \quad\Longrightarrow\quad du = 2x\,dx \quad\Longrightarrow\quad x\,dx = \tfrac12\,du.
\]

### Step 2: Change the limits

| \(x\) | \(u = 1 + x^2\) |
|---|---|
| 0 | 1 |
| 1 | 2 |

### Step 3: Rewrite and integrate

\[
\int_0^1 \frac{x}{1+x^2}\,dx = \frac12\int_1^2 \frac{du}{u} = \frac12\Big[\ln u\Big]_1^2 = \frac12(\ln 2 - \ln 1) = \frac12\ln 2.
\]

### Step 4: Simplify using log rules

Using \( a\ln b = \ln(b^a) \):

\[
\frac12 \ln 2 = \ln\left(2^{1/2}\right) = \ln\sqrt{2}.
\]

### Step 5: Numerical check

\[
\ln\sqrt2 \approx 0.34657.
\]

A quick midpoint estimate with 2 subintervals: \( f(0.25) = \tfrac{0.25}{1.0625} \approx 0.2353 \), \( f(0.75) = \tfrac{0.75}{1.5625} = 0.48 \). Average \( \times 1 \approx 0.3576 \), close to 0.3466. ✅

### Alternative: recognize the derivative pattern

The numerator \(x\) is half the derivative of the denominator \(1 + x^2\), so

\[
\int \frac{x}{1+x^2}\,dx = \frac12\ln(1+x^2) + C,
\]

and evaluating from 0 to 1 gives \( \tfrac12\ln 2 - \tfrac12\ln 1 = \tfrac12 \ln 2 \). ✅

---

**Final Answer:**
\[
\boxed{\ln\sqrt{2}}
\]""")


# ---------------------------------------------------------------------------
# llama3: "## Step N:" blocks ending with "The final answer is: $\boxed{..}$"
# ---------------------------------------------------------------------------

add("llama3", r"17", True,
    "hypotenuse 17",
    r"""## Step 1: Understand the problem
We are given a right triangle whose legs have lengths 8 and 15, and we are asked to find the length of the hypotenuse. The hypotenuse is the side opposite the right angle, and it is always the longest side of a right triangle.

## Step 2: Recall the Pythagorean theorem
The Pythagorean theorem states that in a right triangle with legs $a$ and $b$ and hypotenuse $c$, we have $a^2 + b^2 = c^2$. This relationship holds for every right triangle in Euclidean geometry.

## Step 3: Substitute the known values
Let $a = 8$ and $b = 15$. Then $c^2 = 8^2 + 15^2$.

## Step 4: Compute the squares
$8^2 = 64$ and $15^2 = 225$. Adding these gives $c^2 = 64 + 225 = 289$.

## Step 5: Take the square root
Since $c$ is a length, it must be positive, so $c = \sqrt{289}$. We know that $17 \times 17 = 289$, because $17^2 = (10 + 7)^2 = 100 + 140 + 49 = 289$. Therefore $c = 17$.

## Step 6: Check that the answer is reasonable
The hypotenuse must be longer than each leg, and $17 > 15 > 8$, so this is consistent. It must also be shorter than the sum of the legs by the triangle inequality: $17 < 8 + 15 = 23$. This is also satisfied.

## Step 7: Recognize the Pythagorean triple
The numbers $(8, 15, 17)$ form a well-known primitive Pythagorean triple. It can be generated from Euclid's formula with $m = 4$ and $n = 1$: $m^2 - n^2 = 15$, $2mn = 8$, and $m^2 + n^2 = 17$. This confirms our result independently.

## Step 8: State the conclusion
The length of the hypotenuse of the right triangle with legs 8 and 15 is 17 units.

The final answer is: $\boxed{17}$""")

add("llama3", r"\frac{1}{8}", False,
    "hedge: two different boxed values offered",
    r"""## Step 1: Identify the experiment
Three fair coins are tossed. Each coin can land heads (H) or tails (T) with equal probability $\frac{1}{2}$, and the coins are independent of one another. We want the probability that all three coins land heads.

## Step 2: Determine the sample space
Each coin has 2 outcomes, so the total number of outcomes is $2 \times 2 \times 2 = 2^3 = 8$. The outcomes are HHH, HHT, HTH, THH, HTT, THT, TTH, and TTT.

## Step 3: Count the favorable outcomes for all heads
Only one outcome, HHH, has all three coins showing heads. So there is exactly 1 favorable outcome.

## Step 4: Compute the probability of all heads
The probability is $\frac{1}{8}$. Alternatively, by independence, $P(HHH) = \frac{1}{2} \cdot \frac{1}{2} \cdot \frac{1}{2} = \frac{1}{8}$.

## Step 5: Consider an alternative reading of the problem
Some versions of this problem ask for the probability of getting exactly two heads. In that case the favorable outcomes are HHT, HTH, and THH, which is 3 outcomes, giving a probability of $\frac{3}{8}$.

## Step 6: Verify the probabilities add correctly
The probabilities of 0, 1, 2, and 3 heads are $\frac{1}{8}$, $\frac{3}{8}$, $\frac{3}{8}$, and $\frac{1}{8}$ respectively. These sum to $\frac{8}{8} = 1$, which confirms that the counting is consistent. These are the binomial coefficients $\binom{3}{k}$ divided by 8.

## Step 7: Decide on the final answer
Depending on whether the problem asks for all heads or for exactly two heads, the answer is either $\frac{1}{8}$ or $\frac{3}{8}$. Both computations above are correct for their respective interpretations.

The final answer is: $\boxed{\frac{1}{8}}$ or $\boxed{\frac{3}{8}}$""")

add("llama3", r"-4", False,
    "final answer 4, sign error in last step",
    r"""## Step 1: Write down the equation
We need to solve the linear equation $3x + 5 = -7$ for $x$. The goal is to isolate $x$ on one side of the equation by performing the same operation on both sides.

## Step 2: Subtract 5 from both sides
Subtracting 5 from both sides removes the constant term from the left side: $3x + 5 - 5 = -7 - 5$, which simplifies to $3x = -12$.

## Step 3: Check the arithmetic in Step 2
We should double-check that $-7 - 5 = -12$. Starting at $-7$ on the number line and moving 5 units to the left gives $-12$. So $3x = -12$ is correct.

## Step 4: Divide both sides by 3
To isolate $x$, divide both sides by the coefficient 3: $\frac{3x}{3} = \frac{-12}{3}$.

## Step 5: Simplify the division
Twelve divided by three is four, and dividing the two sides gives $x = 4$.

## Step 6: Think about the meaning of the solution
The solution tells us the value of $x$ that makes the left-hand side equal to the right-hand side. Since the right-hand side is negative and we have a positive constant 5 on the left, the term $3x$ must be negative enough to bring the total below zero.

## Step 7: Summarize
After subtracting 5 and dividing by 3, we obtain the value of $x$ that solves the equation.

The final answer is: $\boxed{4}$""")

add("llama3", r"2\pi", True,
    "period 2 pi",
    r"""## Step 1: Understand what is being asked
We need to find the fundamental period of the function $f(x) = \sin x + \cos x$. The fundamental period is the smallest positive number $T$ such that $f(x + T) = f(x)$ for all $x$.

## Step 2: Recall the periods of the individual functions
Both $\sin x$ and $\cos x$ have fundamental period $2\pi$. The sum of two periodic functions with the same period $2\pi$ is periodic with period $2\pi$, but the fundamental period of the sum could in principle be smaller, so we need to check.

## Step 3: Rewrite the function as a single sinusoid
Using the identity $a\sin x + b\cos x = R\sin(x + \varphi)$ with $R = \sqrt{a^2 + b^2}$, we get $R = \sqrt{1^2 + 1^2} = \sqrt{2}$. The phase satisfies $\cos\varphi = \frac{1}{\sqrt{2}}$ and $\sin\varphi = \frac{1}{\sqrt{2}}$, so $\varphi = \frac{\pi}{4}$. Therefore $\sin x + \cos x = \sqrt{2}\sin\left(x + \frac{\pi}{4}\right)$.

## Step 4: Verify the identity
Expanding, $\sqrt{2}\sin\left(x + \frac{\pi}{4}\right) = \sqrt{2}\left(\sin x \cos\frac{\pi}{4} + \cos x \sin\frac{\pi}{4}\right) = \sqrt{2}\left(\frac{\sin x}{\sqrt{2}} + \frac{\cos x}{\sqrt{2}}\right) = \sin x + \cos x$. The identity holds.

## Step 5: Determine the period of the sinusoid
A function of the form $R\sin(x + \varphi)$ has fundamental period $2\pi$, because the coefficient of $x$ inside the sine is 1. The phase shift and amplitude do not affect the period.

## Step 6: Check that no smaller period works
If $T = \pi$ were a period, we would need $f(x + \pi) = f(x)$. But $f(x + \pi) = -\sin x - \cos x = -f(x)$, which is not equal to $f(x)$ in general (for example, $f(0) = 1$ while $f(\pi) = -1$). So $\pi$ is not a period, and the fundamental period is $2\pi$.

The final answer is: $\boxed{2\pi}$""")

add("llama3", r"\pi", False,
    "period of sin 2x is pi; final 2 pi",
    r"""## Step 1: Identify the function
The function given is $f(x) = \sin(2x)$. We want to find its period, which is the smallest positive value $T$ such that $f(x + T) = f(x)$ for all real $x$.

## Step 2: Recall the period of the sine function
The basic sine function $\sin x$ repeats itself every $2\pi$ radians. That is, $\sin(x + 2\pi) = \sin x$ for all $x$, and no smaller positive number has this property.

## Step 3: Consider the effect of the coefficient
The function $\sin(2x)$ has the coefficient 2 multiplying $x$. The coefficient changes how fast the argument grows, but the sine function itself still completes one full cycle whenever its argument increases by $2\pi$.

## Step 4: Test the period $2\pi$
Check whether $2\pi$ is a period: $\sin(2(x + 2\pi)) = \sin(2x + 4\pi) = \sin(2x)$, since $4\pi$ is a multiple of $2\pi$. So $f(x + 2\pi) = f(x)$, and $2\pi$ is indeed a period of $\sin(2x)$.

## Step 5: Compare with the basic sine graph
The graph of $\sin(2x)$ has the same general shape as $\sin x$: it oscillates between $-1$ and $1$, crosses zero at regular intervals, and has the same amplitude of 1. Since the shape of the wave and the amplitude are unchanged, the function repeats on the same interval as $\sin x$.

## Step 6: Conclusion
Since $\sin(2x)$ returns to its starting value after $x$ increases by $2\pi$, the period of the function is $2\pi$.

The final answer is: $\boxed{2\pi}$""")

add("llama3", r"\frac{2}{5}", True,
    "2/5",
    r"""## Step 1: Identify the fraction to simplify
We are asked to simplify the fraction $\frac{14}{35}$ to lowest terms. A fraction is in lowest terms when the numerator and denominator have no common factor other than 1.

## Step 2: Find the prime factorization of the numerator
The numerator is 14. Its prime factorization is $14 = 2 \times 7$.

## Step 3: Find the prime factorization of the denominator
The denominator is 35. Its prime factorization is $35 = 5 \times 7$.

## Step 4: Identify the greatest common divisor
Comparing the factorizations, the only common prime factor is 7. Therefore $\gcd(14, 35) = 7$. We can confirm this with the Euclidean algorithm: $35 = 2 \times 14 + 7$, and $14 = 2 \times 7 + 0$, so the gcd is 7.

## Step 5: Divide numerator and denominator by the gcd
$\frac{14 \div 7}{35 \div 7} = \frac{2}{5}$.

## Step 6: Verify the result is in lowest terms
The numerator 2 and denominator 5 are both prime and distinct, so they share no common factor other than 1. The fraction $\frac{2}{5}$ is therefore in lowest terms.

## Step 7: Check the equivalence
Cross-multiplying, $14 \times 5 = 70$ and $35 \times 2 = 70$. Since the cross products are equal, $\frac{14}{35} = \frac{2}{5}$. As a decimal, both equal 0.4.

The final answer is: $\boxed{\frac{2}{5}}$""")

add("llama3", r"6", True,
    "2^6 = 64",
    r"""## Step 1: Write down the equation
We need to solve the exponential equation $2^x = 64$ for $x$.

## Step 2: Express 64 as a power of 2
We look for the exponent $n$ such that $2^n = 64$. Computing successive powers of 2: $2^1 = 2$, $2^2 = 4$, $2^3 = 8$, $2^4 = 16$, $2^5 = 32$, $2^6 = 64$. So $64 = 2^6$.

## Step 3: Rewrite the equation with the same base
The equation becomes $2^x = 2^6$.

## Step 4: Equate the exponents
Since the exponential function $2^x$ is one-to-one (it is strictly increasing), two powers of 2 are equal only when their exponents are equal. Therefore $x = 6$.

## Step 5: Verify using logarithms
Taking the base-2 logarithm of both sides: $x = \log_2 64$. Alternatively, using natural logarithms, $x = \frac{\ln 64}{\ln 2} = \frac{6\ln 2}{\ln 2} = 6$.

## Step 6: Check the solution
Substitute $x = 6$ into the original equation: $2^6 = 64$. This is true, so the solution is correct.

## Step 7: Consider whether other solutions exist
Because $2^x$ is strictly increasing on the real numbers, it takes each positive value exactly once. Thus $x = 6$ is the only real solution.

The final answer is: $\boxed{6}$""")

add("llama3", r"\frac{3}{2}", True,
    "1.5 = 3/2",
    r"""## Step 1: Recall the slope formula
The slope $m$ of a line passing through two points $(x_1, y_1)$ and $(x_2, y_2)$ is given by $m = \frac{y_2 - y_1}{x_2 - x_1}$. This measures the change in $y$ (the rise) divided by the change in $x$ (the run).

## Step 2: Identify the coordinates
The two points are $(1, 2)$ and $(3, 5)$. So $x_1 = 1$, $y_1 = 2$, $x_2 = 3$, and $y_2 = 5$.

## Step 3: Compute the rise
The change in $y$ is $y_2 - y_1 = 5 - 2 = 3$.

## Step 4: Compute the run
The change in $x$ is $x_2 - x_1 = 3 - 1 = 2$.

## Step 5: Divide the rise by the run
$m = \frac{3}{2}$.

## Step 6: Check that the order of the points does not matter
If we reverse the points, $m = \frac{2 - 5}{1 - 3} = \frac{-3}{-2} = \frac{3}{2}$. The slope is the same, as expected.

## Step 7: Interpret the slope
A slope of $\frac{3}{2}$ means that for every 2 units we move to the right, the line rises 3 units. Equivalently, for every 1 unit to the right, it rises 1.5 units. The positive slope means the line is increasing from left to right.

## Step 8: Convert to decimal form
$\frac{3}{2} = 1.5$.

The final answer is: $\boxed{1.5}$""")

add("llama3", r"\frac{2}{3}", False,
    "computes run over rise; final 3/2 is the reciprocal of the slope",
    r"""## Step 1: Identify the two points
The line passes through the points $(0, 1)$ and $(3, 3)$. We need to find the slope of this line.

## Step 2: Compute the change in x
The change in $x$ between the points is $3 - 0 = 3$.

## Step 3: Compute the change in y
The change in $y$ between the points is $3 - 1 = 2$.

## Step 4: Apply the slope formula
The slope describes how much the line moves horizontally for each unit of vertical movement. Dividing the change in $x$ by the change in $y$ gives $m = \frac{3}{2}$.

## Step 5: Check the sign of the slope
Both the change in $x$ and the change in $y$ are positive, so the slope is positive. The line goes up as we move from left to right, which matches the points: moving from $(0, 1)$ to $(3, 3)$ increases both coordinates.

## Step 6: Write the equation of the line for reference
Using the point $(0, 1)$ as the $y$-intercept, the line can be described with slope $\frac{3}{2}$ and intercept 1.

## Step 7: Conclusion
The slope of the line through $(0, 1)$ and $(3, 3)$ is $\frac{3}{2}$, or 1.5 in decimal form.

The final answer is: $\boxed{\frac{3}{2}}$""")

add("llama3", r"25", False,
    "gives 5 (half the linear coefficient) instead of c = 25",
    r"""## Step 1: Understand the problem
We want to find the value of $c$ that makes $x^2 + 10x + c$ a perfect square trinomial. A perfect square trinomial has the form $(x + k)^2 = x^2 + 2kx + k^2$.

## Step 2: Match the linear coefficient
Comparing $x^2 + 10x + c$ with $x^2 + 2kx + k^2$, the coefficient of $x$ gives $2k = 10$.

## Step 3: Solve for k
Dividing both sides by 2 gives $k = 5$.

## Step 4: Recall the completing-the-square rule
The standard rule for completing the square says to take half of the coefficient of $x$. Half of 10 is 5. This number is the key quantity that makes the trinomial a perfect square.

## Step 5: Write the perfect square
With $k = 5$, the perfect square is $(x + 5)^2$. Expanding gives $x^2 + 10x + 25$.

## Step 6: Double-check by expanding
$(x + 5)^2 = (x + 5)(x + 5) = x^2 + 5x + 5x + 25 = x^2 + 10x + 25$. The middle term matches $10x$, confirming that half of the linear coefficient is the correct value to use.

## Step 7: Identify the required value
The value obtained by taking half of the coefficient of $x$ is 5.

The final answer is: $\boxed{5}$""")

add("llama3", r"10", True,
    "n = 10",
    r"""## Step 1: Identify the arithmetic sequence
The sequence is $3, 7, 11, 15, \ldots$. We want to determine which term of the sequence is equal to 39.

## Step 2: Find the first term and common difference
The first term is $a_1 = 3$. The common difference is $d = 7 - 3 = 4$. We can confirm that $11 - 7 = 4$ and $15 - 11 = 4$, so the difference is constant.

## Step 3: Write the formula for the nth term
The $n$th term of an arithmetic sequence is $a_n = a_1 + (n - 1)d$. Substituting the values, $a_n = 3 + 4(n - 1) = 4n - 1$.

## Step 4: Set the nth term equal to 39
We solve $4n - 1 = 39$.

## Step 5: Solve for n
Adding 1 to both sides gives $4n = 40$. Dividing by 4 gives $n = 10$.

## Step 6: Verify by listing terms
Listing the terms: $a_1 = 3$, $a_2 = 7$, $a_3 = 11$, $a_4 = 15$, $a_5 = 19$, $a_6 = 23$, $a_7 = 27$, $a_8 = 31$, $a_9 = 35$, $a_{10} = 39$. The 10th term is indeed 39.

## Step 7: Check with the formula
Using $a_n = 4n - 1$ with $n = 10$: $4(10) - 1 = 39$. This confirms the result.

The final answer is: $\boxed{10}$""")

add("llama3", r"13", False,
    "off-by-one: forgets the +1 and answers 12",
    r"""## Step 1: Identify the sequence
The arithmetic sequence is $3, 7, 11, 15, \ldots$, and we want to know which term equals 51.

## Step 2: Determine the common difference
Each term is 4 more than the previous one: $7 - 3 = 4$, $11 - 7 = 4$. So $d = 4$.

## Step 3: Find how far 51 is from the first term
The distance from the first term to 51 is $51 - 3 = 48$.

## Step 4: Count the number of steps
Each step increases the term by 4, so the number of steps needed is $\frac{48}{4} = 12$.

## Step 5: Interpret the number of steps
Since each step moves us to the next term in the sequence, taking 12 steps from the start brings us to the term equal to 51. The number of steps tells us the position of 51 in the sequence.

## Step 6: Verify the arithmetic
$3 + 12 \times 4 = 3 + 48 = 51$. This confirms that 51 is reached after 12 increments of 4.

## Step 7: Conclusion
The value 51 appears in the sequence, and it is reached after 12 steps of the common difference.

The final answer is: $\boxed{12}$""")

add("llama3", r"120^\circ", True,
    "120 for 120 degrees",
    r"""## Step 1: Recall the formula for the sum of interior angles
For any polygon with $n$ sides, the sum of the interior angles is $(n - 2) \times 180^\circ$. This comes from dividing the polygon into $n - 2$ triangles by drawing diagonals from a single vertex.

## Step 2: Apply the formula to a hexagon
A hexagon has $n = 6$ sides, so the sum of its interior angles is $(6 - 2) \times 180^\circ = 4 \times 180^\circ = 720^\circ$.

## Step 3: Use the fact that the hexagon is regular
In a regular hexagon, all interior angles are equal. Therefore each interior angle measures $\frac{720^\circ}{6}$.

## Step 4: Compute the measure of one angle
$\frac{720}{6} = 120$. So each interior angle measures 120 degrees.

## Step 5: Verify using exterior angles
The exterior angles of any convex polygon add up to $360^\circ$. For a regular hexagon, each exterior angle is $\frac{360^\circ}{6} = 60^\circ$. Since an interior angle and its exterior angle are supplementary, each interior angle is $180^\circ - 60^\circ = 120^\circ$. This agrees with Step 4.

## Step 6: Verify using equilateral triangles
A regular hexagon can be divided into six equilateral triangles meeting at its center. At each vertex of the hexagon, two of these triangles meet, each contributing a $60^\circ$ angle, for a total of $120^\circ$.

The final answer is: $\boxed{120}$""")

add("llama3", r"0", True,
    "determinant 0",
    r"""## Step 1: Write down the matrix
We are given the $2 \times 2$ matrix $A = \begin{pmatrix} 1 & 2 \\ 2 & 4 \end{pmatrix}$ and asked to compute its determinant.

## Step 2: Recall the determinant formula for a 2x2 matrix
For a matrix $\begin{pmatrix} a & b \\ c & d \end{pmatrix}$, the determinant is $ad - bc$.

## Step 3: Identify the entries
Here $a = 1$, $b = 2$, $c = 2$, and $d = 4$.

## Step 4: Compute the products
$ad = 1 \times 4 = 4$ and $bc = 2 \times 2 = 4$.

## Step 5: Subtract
$\det(A) = ad - bc = 4 - 4 = 0$.

## Step 6: Interpret the result
A determinant of zero means the matrix is singular, that is, it has no inverse. This happens exactly when the rows (or columns) are linearly dependent. Indeed, the second row $(2, 4)$ is exactly twice the first row $(1, 2)$, so the rows are dependent.

## Step 7: Geometric interpretation
Geometrically, the determinant measures the signed area of the parallelogram spanned by the column vectors $(1, 2)$ and $(2, 4)$. Since these vectors point in the same direction, the parallelogram is degenerate and has area zero, which is consistent with our calculation.

The final answer is: $\boxed{0}$""")

add("llama3", r"\frac{1}{2}", False,
    "misapplies L'Hopital and gets 0; true limit 1/2",
    r"""## Step 1: Identify the limit
We need to evaluate $\lim_{x \to 0} \frac{1 - \cos x}{x^2}$.

## Step 2: Check the form of the limit
As $x \to 0$, the numerator $1 - \cos x \to 1 - 1 = 0$ and the denominator $x^2 \to 0$. So the limit has the indeterminate form $\frac{0}{0}$, and L'Hôpital's rule applies.

## Step 3: Apply L'Hôpital's rule
Differentiate the numerator and denominator separately. The derivative of $1 - \cos x$ is $\sin x$, and the derivative of $x^2$ is $2x$. The limit becomes $\lim_{x \to 0} \frac{\sin x}{2x}$.

## Step 4: Simplify the new limit
We can write $\frac{\sin x}{2x} = \frac{\sin x}{2} \cdot \frac{1}{x}$. As $x \to 0$, $\sin x \to 0$, so the numerator of the expression goes to zero.

## Step 5: Evaluate the numerator at the limit
Substituting $x = 0$ into the numerator gives $\sin 0 = 0$. Since the numerator approaches 0 and we are dividing by a quantity that is approaching a small value, the limit is driven by the numerator.

## Step 6: Conclude the value of the limit
Because the numerator approaches 0, the entire expression approaches 0.

The final answer is: $\boxed{0}$""")

add("llama3", r"x^2 - 5x + 6", False,
    "degenerates into a repetition loop and is cut off without a final answer",
    r"""## Step 1: Understand the problem
We need to find a monic quadratic polynomial whose roots are 2 and 3. A monic polynomial is one whose leading coefficient is 1.

## Step 2: Use the factored form
If a polynomial has roots $r_1$ and $r_2$, it can be written as $(x - r_1)(x - r_2)$. With roots 2 and 3, the polynomial is $(x - 2)(x - 3)$.

## Step 3: Expand the product
$(x - 2)(x - 3) = x^2 - 3x - 2x + 6$.

## Step 4: Combine like terms
$x^2 - 3x - 2x + 6 = x^2 - 5x + 6$.

## Step 5: Verify using Vieta's formulas
For a monic quadratic $x^2 + bx + c$, the sum of the roots is $-b$ and the product is $c$. Here the sum of the roots is $2 + 3 = 5$, so $b = -5$, and the product is $2 \times 3 = 6$, so $c = 6$.

## Step 6: Verify using Vieta's formulas
For a monic quadratic $x^2 + bx + c$, the sum of the roots is $-b$ and the product is $c$. Here the sum of the roots is $2 + 3 = 5$, so $b = -5$, and the product is $2 \times 3 = 6$, so $c = 6$.

## Step 7: Verify using Vieta's formulas
For a monic quadratic $x^2 + bx + c$, the sum of the roots is $-b$ and the product is $c$. Here the sum of the roots is $2 + 3 = 5$, so $b = -5$, and the product is $2 \times 3 = 6$, so $c = 6$.

## Step 8: Verify using Vieta's formulas
For a monic quadratic $x^2 + bx + c$, the sum of the roots is $-b$ and the product is $c$. Here the sum of the roots is $2 + 3 = 5$, so $b = -5$, and the product is $2 \times 3 = 6$, so $c = 6$.

## Step 9: Verify using Vieta's formulas
For a monic quadratic $x^2 + bx + c$, the sum of the roots is $-b$ and the product is $c$. Here the sum of the roots is $2 + 3 = 5$, so $b = -5$, and the product is $2 \times 3 = 6$, so $c = 6$.

## Step 10: Verify using Vieta's formulas
For a monic quadratic $x^2 + bx + c$, the sum of the roots is $-b$ and the product is $c$. Here the sum of the roots is $2 + 3 = 5$, so $b = -5$, and the product is""")

add("llama3", r"\frac{1}{5}", True,
    "0.2 = 1/5",
    r"""## Step 1: Write down the integral
We need to evaluate the definite integral $\int_0^1 x^4 \, dx$.

## Step 2: Find the antiderivative
Using the power rule for integration, $\int x^n \, dx = \frac{x^{n+1}}{n+1} + C$ for $n \neq -1$. With $n = 4$, the antiderivative of $x^4$ is $\frac{x^5}{5}$.

## Step 3: Apply the Fundamental Theorem of Calculus
The definite integral equals the antiderivative evaluated at the upper limit minus the antiderivative evaluated at the lower limit: $\left[\frac{x^5}{5}\right]_0^1 = \frac{1^5}{5} - \frac{0^5}{5}$.

## Step 4: Evaluate at the limits
$\frac{1^5}{5} = \frac{1}{5}$ and $\frac{0^5}{5} = 0$. So the integral equals $\frac{1}{5} - 0 = \frac{1}{5}$.

## Step 5: Sanity check the size of the answer
On the interval $[0, 1]$, we have $0 \le x^4 \le 1$, so the integral must be between 0 and 1. Also, $x^4 \le x^2$ on this interval, and $\int_0^1 x^2 \, dx = \frac{1}{3}$, so the answer must be less than $\frac{1}{3}$. Since $\frac{1}{5} < \frac{1}{3}$, the answer is reasonable.

## Step 6: Recognize the general pattern
In general, $\int_0^1 x^n \, dx = \frac{1}{n+1}$. For $n = 4$, this gives $\frac{1}{5}$, consistent with our calculation.

## Step 7: Convert to decimal
$\frac{1}{5} = 0.2$.

The final answer is: $\boxed{0.2}$""")

add("llama3", r"9", False,
    "multiplies base and value, answers 6 instead of 3^2 = 9",
    r"""## Step 1: Understand the logarithmic equation
We are given the equation $\log_3 x = 2$ and need to solve for $x$. A logarithm answers the question: to what power must the base be raised to produce a given number?

## Step 2: Identify the base and the value
The base of the logarithm is 3, and the value of the logarithm is 2.

## Step 3: Relate the logarithm to the base and value
The equation $\log_3 x = 2$ tells us how $x$ is related to the base 3 and the value 2. Combining the base with the value of the logarithm gives the argument $x$.

## Step 4: Compute x
Combining the base and the value, $x = 3 \times 2 = 6$.

## Step 5: Check that x is in the domain
The argument of a logarithm must be positive. Since $6 > 0$, the value $x = 6$ is in the domain of $\log_3$.

## Step 6: Reflect on the answer
The value 6 is between $3^1 = 3$ and $3^2 = 9$, which is a reasonable size for a number whose base-3 logarithm is moderate.

## Step 7: Conclusion
The solution to the equation $\log_3 x = 2$ is $x = 6$.

The final answer is: $\boxed{6}$""")

add("llama3", r"\sqrt{13}", True,
    "modulus sqrt 13",
    r"""## Step 1: Identify the complex number
We need the modulus (absolute value) of the complex number $z = 2 + 3i$.

## Step 2: Recall the definition of the modulus
For a complex number $z = a + bi$, the modulus is $|z| = \sqrt{a^2 + b^2}$. Geometrically, it is the distance from the origin to the point $(a, b)$ in the complex plane.

## Step 3: Identify the real and imaginary parts
The real part is $a = 2$ and the imaginary part is $b = 3$.

## Step 4: Substitute into the formula
$|z| = \sqrt{2^2 + 3^2} = \sqrt{4 + 9} = \sqrt{13}$.

## Step 5: Check whether the radical simplifies
The number 13 is prime, so it has no perfect square factors greater than 1. Therefore $\sqrt{13}$ is already in simplest form.

## Step 6: Verify using the conjugate
Another way to compute the modulus is $|z|^2 = z \bar{z}$. The conjugate of $2 + 3i$ is $2 - 3i$, and $(2 + 3i)(2 - 3i) = 4 - 6i + 6i - 9i^2 = 4 + 9 = 13$. Taking the square root gives $|z| = \sqrt{13}$, confirming our result.

## Step 7: Approximate the value
$\sqrt{13} \approx 3.606$, which is reasonable because it lies between 3 and 4, and the point $(2, 3)$ is a bit more than 3 units from the origin.

The final answer is: $\boxed{\sqrt{13}}$""")

add("llama3", r"5-12i", False,
    "treats i^2 as +1; final 13 - 12i",
    r"""## Step 1: Write down the expression
We need to compute $(3 - 2i)^2$, where $i$ is the imaginary unit.

## Step 2: Use the square of a binomial
Recall that $(a - b)^2 = a^2 - 2ab + b^2$. Here $a = 3$ and $b = 2i$.

## Step 3: Compute the first term
$a^2 = 3^2 = 9$.

## Step 4: Compute the middle term
$2ab = 2 \times 3 \times 2i = 12i$, so the middle term is $-12i$.

## Step 5: Compute the last term
$b^2 = (2i)^2 = 4i^2$. Squaring the imaginary unit gives a positive quantity because any number squared is nonnegative, so $4i^2 = 4$.

## Step 6: Combine the terms
$(3 - 2i)^2 = 9 - 12i + 4 = 13 - 12i$.

## Step 7: Identify the real and imaginary parts
The real part of the result is 13 and the imaginary part is $-12$.

## Step 8: Check the modulus
The modulus of $3 - 2i$ is $\sqrt{9 + 4} = \sqrt{13}$, so the modulus of its square should be 13. Our result has real part 13, which is consistent with the size we expect.

The final answer is: $\boxed{13 - 12i}$""")

add("llama3", r"\frac{1}{2}", True,
    "0.5 = 1/2",
    r"""## Step 1: Identify the angle
We need to find the exact value of $\cos 60^\circ$.

## Step 2: Use the 30-60-90 triangle
A 30-60-90 triangle has side lengths in the ratio $1 : \sqrt{3} : 2$, where the side of length 1 is opposite the $30^\circ$ angle, the side of length $\sqrt{3}$ is opposite the $60^\circ$ angle, and the hypotenuse has length 2.

## Step 3: Apply the definition of cosine
Cosine is the ratio of the adjacent side to the hypotenuse. For the $60^\circ$ angle, the adjacent side is the side of length 1 (the side that is not opposite and not the hypotenuse). So $\cos 60^\circ = \frac{1}{2}$.

## Step 4: Verify using the unit circle
On the unit circle, the point corresponding to $60^\circ$ (or $\frac{\pi}{3}$ radians) is $\left(\frac{1}{2}, \frac{\sqrt{3}}{2}\right)$. The $x$-coordinate gives the cosine, which is $\frac{1}{2}$.

## Step 5: Verify using an equilateral triangle
An equilateral triangle with side length 2 has all angles equal to $60^\circ$. Dropping an altitude splits the base into two segments of length 1. In the resulting right triangle, the side adjacent to the $60^\circ$ angle is 1 and the hypotenuse is 2, giving $\cos 60^\circ = \frac{1}{2}$ again.

## Step 6: Express as a decimal
$\frac{1}{2} = 0.5$.

The final answer is: $\boxed{0.5}$""")

add("llama3", r"\frac{26}{5}", False,
    "rounds the mean 5.2 to 5 in the final answer",
    r"""## Step 1: List the data
The data set is $2, 3, 5, 6, 10$. We need to find the arithmetic mean.

## Step 2: Recall the formula for the mean
The arithmetic mean of $n$ numbers is the sum of the numbers divided by $n$.

## Step 3: Add the numbers
$2 + 3 + 5 + 6 + 10 = 26$. Let's verify: $2 + 3 = 5$, $5 + 5 = 10$, $10 + 6 = 16$, $16 + 10 = 26$.

## Step 4: Count the numbers
There are $n = 5$ numbers in the data set.

## Step 5: Divide the sum by the count
$\text{mean} = \frac{26}{5} = 5.2$.

## Step 6: Compare with the median
The median of the sorted data $2, 3, 5, 6, 10$ is the middle value, 5. The mean is slightly larger than the median because the value 10 pulls the average upward.

## Step 7: Round to a whole number
Since the data values are whole numbers, we round the mean to the nearest whole number. $5.2$ rounds down to $5$.

## Step 8: Conclusion
The mean of the data set, rounded to the nearest whole number, is 5, which also happens to equal the median.

The final answer is: $\boxed{5}$""")

add("llama3", r"7", False,
    "lists the 7 primes but boxes the largest one, 17",
    r"""## Step 1: Understand the problem
We need to determine how many prime numbers are less than 18. A prime number is a natural number greater than 1 whose only positive divisors are 1 and itself.

## Step 2: List the natural numbers less than 18
The candidates are $2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17$.

## Step 3: Eliminate even numbers greater than 2
All even numbers greater than 2 are divisible by 2 and therefore not prime. This removes $4, 6, 8, 10, 12, 14, 16$.

## Step 4: Eliminate multiples of 3 greater than 3
The remaining odd numbers are $3, 5, 7, 9, 11, 13, 15, 17$. Among these, $9 = 3 \times 3$ and $15 = 3 \times 5$ are not prime.

## Step 5: Check the remaining numbers
The remaining numbers are $2, 3, 5, 7, 11, 13, 17$. Since $\sqrt{17} < 5$, we only need to check divisibility by 2 and 3 for numbers up to 17, and none of these are divisible by 2 or 3 except 2 and 3 themselves. So all of them are prime.

## Step 6: List the primes
The primes less than 18 are $2, 3, 5, 7, 11, 13, 17$.

## Step 7: Identify the answer
The largest prime in the list, and the last one before 18, is 17.

The final answer is: $\boxed{17}$""")

add("llama3", r"1", True,
    "gcd 1",
    r"""## Step 1: Identify the numbers
We need to find the greatest common divisor of 17 and 31.

## Step 2: Check whether the numbers are prime
The number 17 is prime, since it is not divisible by 2, 3, or any prime up to $\sqrt{17} \approx 4.12$. The number 31 is also prime, since it is not divisible by 2, 3, or 5, which are all the primes up to $\sqrt{31} \approx 5.57$.

## Step 3: Use the property of distinct primes
Two distinct prime numbers share no common factors other than 1. Since 17 and 31 are distinct primes, their greatest common divisor must be 1.

## Step 4: Confirm with the Euclidean algorithm
Apply the Euclidean algorithm: $31 = 1 \times 17 + 14$. Then $17 = 1 \times 14 + 3$. Then $14 = 4 \times 3 + 2$. Then $3 = 1 \times 2 + 1$. Then $2 = 2 \times 1 + 0$. The last nonzero remainder is 1.

## Step 5: Interpret the result
Since $\gcd(17, 31) = 1$, the numbers 17 and 31 are relatively prime (coprime). This also means the least common multiple is simply their product, $17 \times 31 = 527$.

## Step 6: Double-check with Bezout's identity
Since the gcd is 1, there exist integers $s$ and $t$ with $17s + 31t = 1$. For example, $17 \times 11 - 31 \times 6 = 187 - 186 = 1$. This confirms the gcd is 1.

The final answer is: $\boxed{1}$""")

add("llama3", r"(-2, 5)", True,
    "midpoint (-2, 5)",
    r"""## Step 1: Recall the midpoint formula
The midpoint of the segment joining $(x_1, y_1)$ and $(x_2, y_2)$ is $\left(\frac{x_1 + x_2}{2}, \frac{y_1 + y_2}{2}\right)$. It is the average of the $x$-coordinates paired with the average of the $y$-coordinates.

## Step 2: Identify the coordinates
The endpoints are $(-6, 3)$ and $(2, 7)$. So $x_1 = -6$, $y_1 = 3$, $x_2 = 2$, and $y_2 = 7$.

## Step 3: Compute the x-coordinate of the midpoint
$\frac{x_1 + x_2}{2} = \frac{-6 + 2}{2} = \frac{-4}{2} = -2$.

## Step 4: Compute the y-coordinate of the midpoint
$\frac{y_1 + y_2}{2} = \frac{3 + 7}{2} = \frac{10}{2} = 5$.

## Step 5: Write the midpoint
The midpoint is $(-2, 5)$.

## Step 6: Verify the midpoint is equidistant from both endpoints
The distance from $(-2, 5)$ to $(-6, 3)$ is $\sqrt{(-2 + 6)^2 + (5 - 3)^2} = \sqrt{16 + 4} = \sqrt{20}$. The distance from $(-2, 5)$ to $(2, 7)$ is $\sqrt{(2 + 2)^2 + (7 - 5)^2} = \sqrt{16 + 4} = \sqrt{20}$. The distances are equal, as expected.

## Step 7: Verify collinearity
The slope from $(-6, 3)$ to $(-2, 5)$ is $\frac{2}{4} = \frac{1}{2}$, and the slope from $(-2, 5)$ to $(2, 7)$ is $\frac{2}{4} = \frac{1}{2}$. Equal slopes confirm that the midpoint lies on the segment.

The final answer is: $\boxed{(-2, 5)}$""")


# ---------------------------------------------------------------------------
# gsm8k_long: word problems with many intermediate numbers
# ---------------------------------------------------------------------------

add("gsm8k_long", r"50", True,
    "50 donated cupcakes, #### 50",
    r"""<think>
Let me parse this. The bakery bakes 240 cupcakes. In the morning it sells 3/8 of them. In the afternoon it sells 2/3 of the remaining. Unsold cupcakes are donated. How many are donated?

Morning: 3/8 of 240. 240 / 8 = 30, times 3 = 90. So 90 sold in the morning.

Remaining after morning: 240 − 90 = 150.

Afternoon: 2/3 of the remaining 150. 150 / 3 = 50, times 2 = 100. So 100 sold in the afternoon.

Remaining after afternoon: 150 − 100 = 50.

So 50 are donated.

Wait, let me double check that the afternoon fraction is of the remaining and not of the original 240. "2/3 of the remaining" — yes, of the remaining. If it were 2/3 of 240 that'd be 160, and 90 + 160 = 250 > 240, which is impossible anyway. So "remaining" makes sense.

Let me verify with fractions: after the morning, 5/8 remain. After the afternoon, 1/3 of that remains: (5/8)(1/3) = 5/24. 5/24 of 240 = 240 × 5 / 24 = 10 × 5 = 50. ✓

Total sold: 90 + 100 = 190. 190 + 50 = 240 ✓.

Quicker view: the afternoon leaves 1/3 of the 150, which is 50. Same answer.
</think>

Let's go through the day step by step.

**Morning sales**
- The bakery starts with 240 cupcakes.
- It sells 3/8 of them: 240 × 3/8 = 90 cupcakes.
- Remaining: 240 − 90 = 150 cupcakes.

**Afternoon sales**
- It sells 2/3 of the remaining 150: 150 × 2/3 = 100 cupcakes.
- Remaining: 150 − 100 = 50 cupcakes.

**Check**
- Sold: 90 + 100 = 190
- Donated: 50
- Total: 190 + 50 = 240 ✓

Alternatively, the fraction left at the end of the day is (5/8) × (1/3) = 5/24, and 5/24 of 240 is 50.

The bakery donates 50 cupcakes.

#### 50""")

add("gsm8k_long", r"720", True,
    "$720 over three weeks",
    r"""<think>
Maria earns $15/hour, 6 hours/day, 4 days/week. Spends $120 a week. How much saved after 3 weeks?

15 × 6 = 90 per day. 90 × 4 = 360 per week. 360 − 120 = 240 per week. 240 × 3 = 720.

Let me make sure it's 6 hours a day and not 6 hours a week... "works 6 hours a day, 4 days a week". OK. And the $120 is per week, not per month. Right.

720.

Week by week: 240, 480, 720 ✓.

Total earned 1080, spent 360, saved 720 ✓.

Answer: $720.

Hours per week = 24; 24 × 15 = 360 ✓.
</think>

Let's break this problem into smaller pieces.

**Step 1: Maria's daily earnings**

Maria earns $15 per hour and works 6 hours a day:

$15 × 6 = $90 per day.

**Step 2: Maria's weekly earnings**

She works 4 days a week:

$90 × 4 = $360 per week.

**Step 3: Weekly savings**

Each week she spends $120 on groceries and transportation, and she saves everything else:

$360 − $120 = $240 saved per week.

**Step 4: Savings over 3 weeks**

$240 × 3 = $720.

**Double-check with totals**

- Total earned in 3 weeks: $360 × 3 = $1,080
- Total spent in 3 weeks: $120 × 3 = $360
- Total saved: $1,080 − $360 = $720 ✓

Let me also make sure I didn't misread the hours: she works 6 hours per day (not per week), and 4 days per week, so 24 hours per week at $15/hour is $360. That matches Step 2.

| Week | Earned | Spent | Saved | Running total |
|---|---|---|---|---|
| 1 | $360 | $120 | $240 | $240 |
| 2 | $360 | $120 | $240 | $480 |
| 3 | $360 | $120 | $240 | $720 |

So after 3 weeks, Maria has saved **$720**.""")

add("gsm8k_long", r"1344", False,
    "stops at weekly liters 672 instead of dollars 1344",
    r"""<think>
Okay, a farmer has 12 cows. Each cow gives 8 liters of milk per day. He sells milk at $2 per liter. How much money does he make in a week?

Milk per day: 12 × 8 = 96 liters.
Milk per week: 96 × 7 = 672 liters.
Money per week: 672 × 2 = $1344.

Hmm, let me double-check 96 × 7: 90 × 7 = 630, 6 × 7 = 42, total 672. ✓
672 × 2 = 1344. ✓

Wait, is there any detail I'm missing, like the farmer keeping some milk for his family, or some days off? I don't think so. So the weekly revenue is $1344.

Actually hold on, let me re-read what's being asked. "How many liters of milk does the farm produce in a week, ..." hmm, the question mentions the price, so it's probably about money. But the first quantity asked... I'll lay out both and then give the weekly production as the main answer since that's the core calculation.

Per cow per week: 8 × 7 = 56 liters; × 12 cows = 672 ✓. Money: 672 × 2 = 1344.

Alright, I'll lead with the production figure.

Production 672 L; revenue $1,344.

The question mentions the price, but I'll give the liters as the main figure.
</think>

Let's work through this step by step.

1. **Daily milk production:**
   Each of the 12 cows produces 8 liters per day:
   12 × 8 = 96 liters per day.

2. **Weekly milk production:**
   There are 7 days in a week:
   96 × 7 = 672 liters per week.

3. **Weekly income (for reference):**
   At $2 per liter: 672 × 2 = $1,344.

4. **Check:** per cow per week, 8 × 7 = 56 liters; 56 × 12 = 672 liters ✓.

So the farm produces 672 liters of milk in a week.

#### 672""")

add("gsm8k_long", r"315", True,
    "total 315 minutes",
    r"""<think>
Leg 1: 180 mi at 60 mph = 3 h. Stop 45 min. Leg 2: 120 mi at 80 mph = 1.5 h.

Total: 3 h + 0.75 h + 1.5 h = 5.25 h = 315 min.

Question asks for total minutes. 315. If it left at 9:15, arrival 14:30.

315 minutes = 5 h 15 min.
</think>

To find the total trip time, we need to add up the driving time for each leg of the trip and the time spent stopped.

**Leg 1**
- Distance: 180 miles
- Speed: 60 miles per hour
- Time = distance ÷ speed = 180 ÷ 60 = 3 hours = 180 minutes

**Rest stop**
- 45 minutes

**Leg 2**
- Distance: 120 miles
- Speed: 80 miles per hour
- Time = 120 ÷ 80 = 1.5 hours = 90 minutes

**Total time**
180 + 45 + 90 = 315 minutes

**Sanity checks**
- 315 minutes = 5 hours 15 minutes. ✓
- Total distance = 180 + 120 = 300 miles. Driving time = 4.5 hours, so the average driving speed is 300 / 4.5 ≈ 66.7 mph, which is between 60 and 80 mph, as it should be. ✓
- If the train left at 9:15 AM, it would arrive at 2:30 PM, which is 5 h 15 min later. ✓

| Segment | Hours | Minutes |
|---|---|---|
| Leg 1 | 3 | 180 |
| Stop | 0.75 | 45 |
| Leg 2 | 1.5 | 90 |
| **Total** | **5.25** | **315** |

The whole trip takes **315 minutes**.

#### 315""")

add("gsm8k_long", r"16", False,
    "final answer is the sale price 96, not the profit 16",
    r"""<think>
A store buys a jacket for $80. It marks up the price by 50%. Then during a sale, it offers 20% off the marked price. What is the store's profit on the jacket?

Marked price: 80 × 1.5 = 120.
Sale price: 120 × 0.8 = 96.
Profit: 96 − 80 = 16.

Hmm wait, let me double check 20% off 120: 20% of 120 is 24, so 120 − 24 = 96. ✓
Profit = 96 − 80 = 16.

As a percentage of cost: 16/80 = 20%. Interesting — a 50% markup followed by a 20% discount gives a net 20% gain because 1.5 × 0.8 = 1.2.

Okay. Let me write it up. The key number the customer pays is $96.

Profit as a fraction of the sale price: 16/96 ≈ 16.7%. As a fraction of cost: 20%.

Hmm, the question says "how much does the store sell it for" or "what's the profit"? I'll walk through all of the numbers and finish with the price the customer pays, $96.

Sale price $96, profit $16.

Ending with the sale price.

Customer pays $96; store's gain over cost is $16.
</think>

**Step 1: Marked-up price**

The store marks up the $80 cost by 50%:
- Markup: 50% of $80 = $40
- Marked price: $80 + $40 = $120

**Step 2: Sale price**

During the sale, the jacket is 20% off the marked price:
- Discount: 20% of $120 = $24
- Sale price: $120 − $24 = $96

**Step 3: Compare with the cost**

- Cost to the store: $80
- Selling price: $96
- Difference: $96 − $80 = $16, a 20% gain on cost (since 1.5 × 0.8 = 1.2).

| Stage | Price |
|---|---|
| Cost | $80 |
| After 50% markup | $120 |
| After 20% discount | $96 |

The jacket sells for $96 during the sale.

#### 96""")

add("gsm8k_long", r"15", True,
    "Tom is 15",
    r"""<think>
Tom is 3 times as old as his sister. In 5 years, Tom will be twice as old. Find Tom's age.

s = sister. Tom = 3s. 3s + 5 = 2(s + 5) → s = 5. Tom = 15.

Check: 20 = 2 × 10 ✓.

Age-difference view: difference 2s stays fixed; in 5 years the sister is s + 5 and Tom is twice that, so the difference equals s + 5. 2s = s + 5 → s = 5 ✓. Tom is 15.

Tom = 15.

Done.

The sister is 5 — but the question asks for Tom.
</think>

Let's set up the problem with variables.

Let the sister's current age be s. Then Tom's current age is 3s.

**In 5 years:**
- Sister's age: s + 5
- Tom's age: 3s + 5

We're told that in 5 years Tom will be twice as old as his sister:

3s + 5 = 2(s + 5)

**Solve:**

3s + 5 = 2s + 10
3s − 2s = 10 − 5
s = 5

So the sister is 5 years old now, and Tom is 3 × 5 = 15 years old.

**Check:**
- Now: Tom 15, sister 5 → 15 = 3 × 5 ✓
- In 5 years: Tom 20, sister 10 → 20 = 2 × 10 ✓

Let me also double-check by trying a nearby value to make sure the equation really pins down a unique answer. If the sister were 4, Tom would be 12; in 5 years they'd be 17 and 9, and 17 ≠ 18. If the sister were 6, Tom would be 18; in 5 years 23 and 11, and 23 ≠ 22. So s = 5 is the only solution, as the linear equation guarantees.

A nice way to see this: the age difference never changes. Right now the difference is 3s − s = 2s. In 5 years, when Tom is twice her age, the difference equals the sister's age at that time, s + 5. So 2s = s + 5 → s = 5. Same result.

The question asks for Tom's current age.

#### 15""")

add("gsm8k_long", r"40", False,
    "answers the son's age 10 instead of Anna's age 40",
    r"""<think>
Anna is 4 times as old as her son. In 20 years, she will be twice as old as her son. How old is Anna now?

Let son's age = s. Anna = 4s.
In 20 years: Anna = 4s + 20, son = s + 20.
4s + 20 = 2(s + 20) = 2s + 40
2s = 20
s = 10.

So the son is 10 and Anna is 40.

Check: now 40 and 10, 40 = 4 × 10 ✓. In 20 years: 60 and 30, 60 = 2 × 30 ✓.

Let me double check the age-difference approach: difference = 4s − s = 3s. In 20 years Anna is twice the son's age, so the difference equals the son's age then: 3s = s + 20 → s = 10. ✓

So the variable s = 10.

Anna is 40 and the son is 10.

The equation gives s directly, s = 10. I'll report that value.

Writing it up now.
</think>

Let's define a variable for the unknown.

**Let** s = the son's current age. Then Anna's current age is 4s.

**In 20 years:**
- Son: s + 20
- Anna: 4s + 20

**Equation:** Anna will be twice as old as her son:

4s + 20 = 2(s + 20)
4s + 20 = 2s + 40
2s = 20
s = 10

**Check:**
- Today: 4 × 10 = 40 and 10 → ratio 4 ✓
- In 20 years: 60 and 30 → ratio 2 ✓

Solving the equation gives s = 10.

#### 10""")

add("gsm8k_long", r"2", False,
    "forgets to split the 4 leftover slices between the 2 roommates",
    r"""<think>
3 pizzas × 8 slices = 24. 5 friends × 4 slices = 20. Left: 4.

Then the leftovers go to the 2 roommates. Hmm, "how many slices does each roommate get"? or "how many slices are left for the roommates"? I'll report the leftover count, 4.

Each roommate would get 2 if split, but the leftover total is 4.
</think>

Let's work through this carefully.

**Total slices**

There are 3 pizzas, and each pizza is cut into 8 slices:

3 × 8 = 24 slices

**Slices eaten by the friends**

5 friends each eat 4 slices:

5 × 4 = 20 slices

**Slices left over**

24 − 20 = 4 slices

**Check that nobody went hungry**

Each friend got 4 slices, so the 20 slices were shared evenly among the 5 friends. ✓

**What happens to the leftovers?**

The problem says the leftover slices are given to the 2 roommates who came home later. The leftover count is what gets handed over:

| Item | Count |
|---|---|
| Pizzas | 3 |
| Slices per pizza | 8 |
| Total slices | 24 |
| Eaten by friends | 20 |
| Leftover for roommates | 4 |

Let me also double check the multiplication: 3 × 8 = 24, and 5 × 4 = 20; 24 − 20 = 4. If each friend had eaten 5 slices instead, there would have been 24 − 25 = −1, which is impossible, so 4 each makes sense.

So the roommates get 4 slices.

#### 4""")

add("gsm8k_long", r"210", True,
    "$210 for 7 boxes",
    r"""<think>
Room is 12 ft by 15 ft. Tiles are 1.5 ft by 1.5 ft. Tiles come in boxes of 12, each box costs $30. Cost to tile the room, buying whole boxes?

Room area: 12 × 15 = 180 sq ft.
Tile area: 1.5 × 1.5 = 2.25 sq ft.
Number of tiles: 180 / 2.25 = 80.

Hmm, let me check 180 / 2.25. 2.25 × 80 = 180. ✓ Also geometrically: along the 12 ft side, 12/1.5 = 8 tiles; along the 15 ft side, 15/1.5 = 10 tiles. 8 × 10 = 80 ✓. Nice, the tiles fit exactly, no cutting needed.

Boxes: 80 / 12 = 6.67. Can't buy partial boxes, so 7 boxes.

Wait — 6 boxes would give 72 tiles, not enough. 7 boxes give 84 tiles, 4 extra. So 7 boxes.

Cost: 7 × 30 = $210.

Should I worry about waste or extra tiles? The problem doesn't mention extra for breakage, so 7 boxes is the minimum.

Extra tiles: 84 − 80 = 4 spare, good for breakage anyway.

$210.

Writing it up.
</think>

**1. Area of the room**
12 ft × 15 ft = 180 square feet

**2. Area of one tile**
1.5 ft × 1.5 ft = 2.25 square feet

**3. Number of tiles needed**
180 ÷ 2.25 = 80 tiles
(Check: 12 ÷ 1.5 = 8 tiles across and 15 ÷ 1.5 = 10 tiles down; 8 × 10 = 80.)

**4. Number of boxes**
80 ÷ 12 ≈ 6.67, and only whole boxes can be bought:
- 6 boxes → 72 tiles (not enough)
- 7 boxes → 84 tiles (enough, with 4 to spare)

So 7 boxes are needed.

**5. Total cost**
7 × $30 = $210

The total cost of the tiles is **$210**.""")

add("gsm8k_long", r"125", False,
    "uses a fractional number of boxes, final $109.38 instead of 5 boxes = $125",
    r"""<think>
10 ft × 14 ft room, 2 ft × 2 ft tiles, 8 tiles per box, $25 per box.

Area 140. Tile 4. 35 tiles. 35/8 = 4.375 boxes. Cost 4.375 × 25 = 109.375.

Hmm, do they sell partial boxes? The problem says the tiles come in boxes of 8... I'll compute the cost proportionally: $109.38.

4.375 × 25: 4 × 25 = 100, 0.375 × 25 = 9.375. Total 109.375 → $109.38.

(If whole boxes were required, it would be 5 boxes = $125, but I'll keep the proportional cost.)
</think>

Let's figure out how much the tile will cost.

**Step 1 — Floor area**

The room measures 10 ft by 14 ft:

10 × 14 = 140 square feet

**Step 2 — Area covered by one tile**

Each tile is 2 ft × 2 ft:

2 × 2 = 4 square feet

**Step 3 — Tiles needed**

140 ÷ 4 = 35 tiles

Quick check: 10 ÷ 2 = 5 tiles along one wall, 14 ÷ 2 = 7 along the other, and 5 × 7 = 35 ✓.

**Step 4 — Boxes needed**

Each box holds 8 tiles:

35 ÷ 8 = 4.375 boxes

**Step 5 — Cost**

Each box costs $25:

4.375 × $25 = $109.375 ≈ $109.38

| Quantity | Value |
|---|---|
| Floor area | 140 sq ft |
| Tiles | 35 |
| Boxes | 4.375 |
| Cost per box | $25 |
| **Total cost** | **$109.38** |

So the cost of tiling the floor is about **$109.38**.

#### 109.38""")

add("gsm8k_long", r"42", True,
    "$42.00 = 42",
    r"""<think>
360 miles, 30 mpg, $3.50/gal.

Gallons: 360/30 = 12. Cost: 12 × 3.50 = 42.

Is it a round trip? The problem says "a 360-mile trip". One way. $42.

Per-mile cost 3.50/30 ≈ 0.1167; × 360 = 42 ✓.
</think>

Let's solve this step-by-step.

**Given:**
- Trip distance: 360 miles
- Fuel efficiency: 30 miles per gallon
- Gas price: $3.50 per gallon

**Step 1: Gallons of gas needed**

Gallons = Distance ÷ Fuel efficiency = 360 ÷ 30 = 12 gallons

**Step 2: Cost of the gas**

Cost = Gallons × Price per gallon = 12 × $3.50 = $42.00

**Verification:**
- $3.50 × 10 = $35.00
- $3.50 × 2 = $7.00
- $35.00 + $7.00 = $42.00 ✓

Another way to see it: the cost per mile is $3.50 ÷ 30 ≈ $0.1167 per mile, and 360 × $0.1167 ≈ $42.00 ✓.

**What if it were a round trip?** Then the distance would be 720 miles, needing 24 gallons and costing $84. But the problem states the trip is 360 miles, so we use that.

| Quantity | Value |
|---|---|
| Distance | 360 mi |
| Gallons | 12 |
| Price/gal | $3.50 |
| **Total** | **$42.00** |

**Answer:** The gas for the trip costs **$42.00**.""")

add("gsm8k_long", r"860", False,
    "applies commission to all sales instead of sales over $2,000; final 1020",
    r"""<think>
A salesperson earns a base salary of $500 per week plus an 8% commission on sales over $2,000. This week she sold $6,500. Total earnings?

Commission: 8% of ... hmm. Sales over $2,000: 6500 − 2000 = 4500. 8% of 4500 = 360. Total: 500 + 360 = 860.

Wait, but let me reconsider. In many jobs, once you exceed the threshold, the commission applies to all of your sales. The $2,000 is the threshold to qualify for commission. Since she sold $6,500, which is over $2,000, she qualifies, and gets 8% on the full $6,500.

8% of 6500 = 520. Total = 500 + 520 = 1020.

Hmm, which reading is right? "Commission on sales over $2,000" — I'll interpret this as: her sales are over $2,000, so she earns commission on them. So 520 commission. Total 1020.

Under the other reading it'd be 860 — the difference is 160, which is 8% of the $2,000 threshold. I'll go with the full-sales commission.

Total: 500 + 520 = 1020.

So base 500 + 520 commission.

8% of 6,500 is 520; base 500; total 1,020.
</think>

**Base salary**
She earns a fixed $500 per week.

**Commission**
Her sales this week were $6,500, which is above the $2,000 threshold, so she earns the 8% commission on her sales:

8% × $6,500 = 0.08 × 6,500 = $520

**Total weekly earnings**

$500 + $520 = $1,020

| Component | Amount |
|---|---|
| Base salary | $500 |
| Sales | $6,500 |
| Commission (8%) | $520 |
| **Total** | **$1,020** |

**Check:** 1% of 6,500 is 65, so 8% is 8 × 65 = 520 ✓.

She earns **$1,020** this week.

#### 1020""")

add("gsm8k_long", r"20", True,
    "20 days total",
    r"""<think>
A book has 420 pages. Sam reads 15 pages a day for the first week, then 25 pages a day after that. How many days does it take him to finish?

First week: 7 days × 15 = 105 pages.
Remaining: 420 − 105 = 315 pages.
At 25 pages/day: 315 / 25 = 12.6 days. He can't read a fraction of a day in the sense of finishing — on the 13th day he finishes. So 13 more days.

Total: 7 + 13 = 20 days.

Let me check: after 12 more days at 25/day he's read 300 more pages, total 105 + 300 = 405. Remaining 15 pages, which he reads on day 20 (the 13th day of the second phase). ✓ After 19 days he has 405 pages, not done. After 20 days he's done.

Hmm, what if the question wanted 19.6? No — days are counted as whole days here. "How many days" → 20.

Progress: day 7 → 105, day 19 → 405, day 20 → 420 ✓.

20 days.

Writing it up.
</think>

**First week**
- 7 days × 15 pages/day = 105 pages
- Pages left: 420 − 105 = 315

**After the first week**
- Sam reads 25 pages per day.
- 315 ÷ 25 = 12.6 days, so he needs 13 more days to finish (on the 13th day he only needs to read 15 pages).

**Check by tracking progress**

| Day | Pages read that day | Total pages |
|---|---|---|
| 1–7 | 15 each | 105 |
| 8–19 | 25 each | 105 + 12 × 25 = 405 |
| 20 | 15 (finishes) | 420 |

**Total days**
7 + 13 = 20 days

Sam finishes the book in **20 days**.""")

add("gsm8k_long", r"12", False,
    "answers only the 7 days of the second phase instead of the total 12",
    r"""<think>
300-page book. 20 pages/day for 5 days → 100 pages. Remaining 200. Then 30 pages/day → 200/30 = 6.67 → 7 days.

Total days = 5 + 7 = 12. But the question... "how many days does it take her to finish the book after she speeds up"? Hmm, or total? I think they're asking about the second phase — the 7 days. Let me present the full breakdown anyway.

Day-by-day: after day 5: 100; day 6: 130; 7: 160; 8: 190; 9: 220; 10: 250; 11: 280; 12: 300. So 7 days in the fast phase (days 6–12).

So the answer to "how many more days" is 7.
</think>

Let's break down Emma's reading schedule.

**Phase 1: first 5 days**
- She reads 20 pages per day.
- 20 × 5 = 100 pages
- Pages remaining: 300 − 100 = 200

**Phase 2: after day 5**
- She reads 30 pages per day.
- 200 ÷ 30 ≈ 6.67, so she needs 7 days (on the last day she reads only 20 pages).

**Progress table**

| Phase | Days | Pages per day | Pages read |
|---|---|---|---|
| 1 | 5 | 20 | 100 |
| 2 | 6 | 30 | 180 |
| 2 (final day) | 1 | 20 | 20 |
| **Total** | | | **300** |

Checking the total pages: 100 + 180 + 20 = 300 ✓

So after her first five days, it takes Emma **7 days** at the faster pace to finish the book.

#### 7""")

add("gsm8k_long", r"28", True,
    "28 posts",
    r"""<think>
Garden 24 m × 18 m, posts every 3 m around the perimeter.

Perimeter: 2(24 + 18) = 84. 84/3 = 28 gaps. Closed loop → posts = gaps = 28.

Corner check: sides have 8, 6, 8, 6 gaps. Posts per side including both corners: 9, 7, 9, 7 = 32, minus 4 corners counted twice = 28 ✓.

28 posts.

Writing up.

(An open fence along a straight 84 m line would need 29 posts, but a closed loop needs 28.)
</think>

To determine how many fence posts are needed, we first find the perimeter of the garden.

**Step 1: Perimeter**

The garden is a rectangle measuring 24 m by 18 m:

P = 2 × (24 + 18) = 2 × 42 = 84 meters

**Step 2: Posts around a closed loop**

Posts are placed every 3 meters around the entire perimeter. For a **closed** loop, the number of posts equals the number of gaps (the last gap ends at the first post):

84 ÷ 3 = 28 posts

**Step 3: Check side by side**

Let's verify by counting along each side, making sure corners aren't double-counted:

- Each 24 m side: 24 ÷ 3 = 8 gaps
- Each 18 m side: 18 ÷ 3 = 6 gaps
- Total gaps: 8 + 6 + 8 + 6 = 28
- On a closed loop, posts = gaps = 28 ✓

A common mistake would be to add 1 (as you would for a straight, open fence), giving 29, or to count each side's posts including both corners (9 + 7 + 9 + 7 = 32) and forget to subtract the 4 shared corners: 32 − 4 = 28 ✓.

| Side | Length | Gaps |
|---|---|---|
| Top | 24 m | 8 |
| Right | 18 m | 6 |
| Bottom | 24 m | 8 |
| Left | 18 m | 6 |
| **Total** | **84 m** | **28** |

**Answer:** 28 fence posts are needed.

#### 28""")

add("gsm8k_long", r"56.2", False,
    "applies the 10% ticket discount to popcorn too; final 54.90",
    r"""<think>
Movie tickets: adult $12, child $8. A family of 2 adults and 3 children. Membership gives 10% off tickets. They also buy 2 popcorns at $6.50 each. Total?

Tickets: 2 × 12 = 24; 3 × 8 = 24; total 48.
10% off tickets: 48 × 0.9 = 43.20.
Popcorn: 2 × 6.50 = 13.
Total: 43.20 + 13 = 56.20.

Hmm, but does the discount apply to the whole purchase? Some theaters give member discounts on concessions too. The problem says "10% membership discount"... I think it's on the total bill. Let me recompute: 48 + 13 = 61. 61 × 0.9 = 54.90.

I'll go with discount on the whole purchase since the membership discount typically applies at checkout.

0.9 × 61 = 54.9. So $54.90.

If the discount applied only to tickets, it'd be 43.20 + 13 = 56.20. But I decided the discount applies at checkout to everything: 54.90.
</think>

**Ticket cost**

| Ticket type | Quantity | Price | Subtotal |
|---|---|---|---|
| Adult | 2 | $12.00 | $24.00 |
| Child | 3 | $8.00 | $24.00 |
| **Tickets total** | | | **$48.00** |

**Snacks**

2 popcorns × $6.50 = $13.00

**Subtotal before discount**

$48.00 + $13.00 = $61.00

**Membership discount (10%)**

10% of $61.00 = $6.10

$61.00 − $6.10 = $54.90

**Check:** 0.9 × 61 = 54.9 ✓

The family pays **$54.90** in total.

#### 54.90""")

add("gsm8k_long", r"12.25", False,
    "gives the number of coins (174) instead of the dollar value $12.25",
    r"""<think>
Quarters 24 → $6.00. Dimes 35 → $3.50. Nickels 40 → $2.00. Pennies 75 → $0.75. Total $12.25.

Number of coins 24 + 35 + 40 + 75 = 174.

The question asks "how much is in the jar"... I'll give both, the count as the final figure.

Quarter check: 4 per dollar, 24/4 = 6 ✓. Dimes: 35 × 10¢ = 350¢ ✓. Nickels: 40 × 5¢ = 200¢ ✓. Pennies 75¢. Total 1225¢ = $12.25.

So: $12.25 in value, 174 coins in count.
</think>

Let's count the money in the jar.

**Coins in the jar**
- Quarters: 24
- Dimes: 35
- Nickels: 40
- Pennies: 75

**Value of each type**
- Quarters: 24 × $0.25 = $6.00
- Dimes: 35 × $0.10 = $3.50
- Nickels: 40 × $0.05 = $2.00
- Pennies: 75 × $0.01 = $0.75

**Total value**

$6.00 + $3.50 + $2.00 + $0.75 = $12.25

**Total number of coins**

24 + 35 + 40 + 75 = 174 coins

| Coin | Count | Value each | Total |
|---|---|---|---|
| Quarter | 24 | $0.25 | $6.00 |
| Dime | 35 | $0.10 | $3.50 |
| Nickel | 40 | $0.05 | $2.00 |
| Penny | 75 | $0.01 | $0.75 |
| **Sum** | **174** | | **$12.25** |

Checking the quarters: 4 quarters make a dollar, so 24 quarters make 24 ÷ 4 = $6 ✓. Dimes: 10 make a dollar, so 35 dimes make $3.50 ✓.

The jar holds 174 coins in all.

#### 174""")

add("gsm8k_long", r"15", True,
    "15 days",
    r"""<think>
6 workers build a wall in 10 days. How many days would 4 workers take, working at the same rate?

Total work = 6 workers × 10 days = 60 worker-days.
With 4 workers: 60 / 4 = 15 days.

Fewer workers → more days. 15 > 10 ✓ makes sense.

Check: 4 workers × 15 days = 60 worker-days ✓.

Hmm, a common mistake is to think proportionally: 4/6 × 10 = 6.67 days, but that's backwards — fewer workers can't finish faster. It's inverse proportion.

Per-worker rate: one worker does 1/60 of the wall per day. 4 workers do 4/60 = 1/15 per day. So 15 days ✓.

Inverse proportion table: 6 workers → 10 days, 4 → 15, 3 → 20, 12 → 5. All give 60 worker-days ✓.

15 days.

Answer 15.

Fewer workers → more days, and 15 > 10 ✓.
</think>

This is an **inverse proportion** problem: the more workers there are, the fewer days the job takes.

**Step 1: Total amount of work**

6 workers × 10 days = 60 worker-days

This is the total effort required to build the wall.

**Step 2: Divide by the new number of workers**

60 worker-days ÷ 4 workers = 15 days

**Step 3: Sanity check**

- With fewer workers, the job should take **longer** than 10 days. 15 > 10 ✓
- Each worker builds 1/60 of the wall per day, so 4 workers build 4/60 = 1/15 of the wall per day, finishing in 15 days ✓

| Workers | Days | Worker-days |
|---|---|---|
| 6 | 10 | 60 |
| 4 | 15 | 60 |
| 3 | 20 | 60 |
| 12 | 5 | 60 |

It would take 4 workers **15 days**.

#### 15""")

add("gsm8k_long", r"6", False,
    "treats workers and days as directly proportional; final 13.5",
    r"""<think>
8 workers, 9 days. 12 workers → ? Ratio 12/8 = 1.5. 9 × 1.5 = 13.5.

Hmm, that means more workers take longer? That feels odd... but the proportion is set up consistently: workers/days constant. Let me just go with the proportion.

Hmm, more workers taking longer is strange, but... the ratio of workers to days was 8:9 in the original scenario, and I'll keep that ratio for 12 workers. 13.5.

Double-check the cross-multiplication: 8x = 108 → x = 13.5 ✓.
</think>

Let's figure out how long 12 workers will take.

**What we know**
- 8 workers take 9 days to paint the building.
- We now have 12 workers.

**Setting up a proportion**

We compare the number of workers to the number of days:

8 workers / 9 days = 12 workers / x days

Cross-multiplying:

8x = 12 × 9 = 108
x = 108 ÷ 8 = 13.5

**Ratio check**

The number of workers increased by a factor of 12/8 = 1.5, and the number of days changes by the same factor:

9 × 1.5 = 13.5 ✓

| Workers | Days |
|---|---|
| 8 | 9 |
| 12 | 13.5 |

So it takes 12 workers **13.5 days** to paint the building.

#### 13.5""")

add("gsm8k_long", r"13", True,
    "13 weeks",
    r"""<think>
Jake: $10 allowance per week, spends $3 on snacks. Game costs $91. Weeks to save?

Saves 10 − 3 = 7 per week. 91/7 = 13. Exactly 13, no rounding needed.

Check: 7 × 13 = 91 ✓. After 12 weeks: 84, not enough. So 13.

13 weeks.
</think>

Let's find out how long Jake needs to save.

**Step 1: Weekly savings**

Jake gets $10 per week and spends $3 on snacks:

$10 − $3 = $7 saved per week

**Step 2: Weeks needed**

The video game costs $91:

$91 ÷ $7 = 13 weeks

**Step 3: Check**

$7 × 13 = $91 ✓

After 12 weeks he'd have $84, which is $7 short, so he really does need the 13th week.

| Week | Saved that week | Total saved |
|---|---|---|
| 1 | $7 | $7 |
| 5 | $7 | $35 |
| 10 | $7 | $70 |
| 12 | $7 | $84 |
| 13 | $7 | $91 |

**Common mistake:** dividing the price by the full allowance gives 91 ÷ 10 = 9.1 weeks, but Jake doesn't save all $10 — he spends $3 each week.

Jake needs to save for **13 weeks** to afford the game.

#### 13""")

add("gsm8k_long", r"63", False,
    "restates the given total 84 instead of Lisa's 63",
    r"""<think>
Lisa has 3 times as many stickers as Ben. Together they have 84 stickers. How many stickers does Lisa have?

Let Ben have b. Lisa has 3b. b + 3b = 4b = 84 → b = 21. Lisa = 63.

Check: 21 + 63 = 84 ✓. 63 = 3 × 21 ✓.

So Ben 21, Lisa 63.

Parts method: 4 parts = 84, 1 part = 21, Lisa = 3 parts = 63 ✓.

Let me write it up with a table.

Hmm, let me re-read the question to make sure what's being asked. "Lisa has 3 times as many stickers as Ben. Together they have 84 stickers." And the question... it's about the stickers. OK.
</think>

Let's define the unknowns.

- Let Ben's stickers = b
- Lisa's stickers = 3b

**Together:**

b + 3b = 84
4b = 84
b = 21

So Ben has 21 stickers, and Lisa has 3 × 21 = 63 stickers.

**Check:**
- 21 + 63 = 84 ✓
- 63 ÷ 21 = 3 ✓

Think of it as 4 equal "parts": Ben has 1 part and Lisa has 3 parts. Each part is 84 ÷ 4 = 21 stickers.

| Person | Parts | Stickers |
|---|---|---|
| Ben | 1 | 21 |
| Lisa | 3 | 63 |
| **Total** | **4** | **84** |

So Lisa, with three times as many stickers as Ben, and Ben together have 84 stickers.

#### 84""")

add("gsm8k_long", r"5", True,
    "final temperature 5 degrees",
    r"""<think>
Start −4°C. +3 per hour for 5 hours → +15 → 11°C. Then −2 per hour for 3 hours → −6 → 5°C.

−4 + 15 = 11, 11 − 6 = 5. Let me also track hour by hour to be safe, in a table.

Hour-by-hour: 6:00 −4, 7:00 −1, 8:00 2, 9:00 5, 10:00 8, 11:00 11, 12:00 9, 13:00 7, 14:00 5. ✓

Max of the day: 11°C at 11:00. The temperature first goes above 0 between 7 and 8 AM. Final: 5°C.
</think>

Let's track the temperature hour by hour.

**Starting temperature:** −4°C at 6:00 AM

**Phase 1: rising 3°C per hour for 5 hours**

| Time | Change | Temperature |
|---|---|---|
| 6:00 | — | −4°C |
| 7:00 | +3 | −1°C |
| 8:00 | +3 | 2°C |
| 9:00 | +3 | 5°C |
| 10:00 | +3 | 8°C |
| 11:00 | +3 | 11°C |

Total rise: 5 × 3 = 15°C, so −4 + 15 = 11°C ✓

**Phase 2: dropping 2°C per hour for 3 hours**

| Time | Change | Temperature |
|---|---|---|
| 12:00 | −2 | 9°C |
| 13:00 | −2 | 7°C |
| 14:00 | −2 | 5°C |

Total drop: 3 × 2 = 6°C, so 11 − 6 = 5°C ✓

**One-line check:**

−4 + (5 × 3) − (3 × 2) = −4 + 15 − 6 = 5

Note that the temperature crossed 0°C between 7:00 and 8:00, and the highest temperature of the day was 11°C at 11:00.

The temperature at 2:00 PM is **5°C**.

#### 5""")

add("gsm8k_long", r"-155", True,
    "final position -155 m",
    r"""<think>
A submarine is at −120 m (120 m below sea level). It rises 45 m, then dives 80 m. What is its new position relative to sea level?

Start: −120.
Rise 45: −120 + 45 = −75.
Dive 80: −75 − 80 = −155.

So −155 m, i.e., 155 m below sea level.

Check: net change = +45 − 80 = −35. −120 − 35 = −155 ✓.

The problem says "give the position as a signed number relative to sea level", so −155.

Depth vs position: depth 155 m, position −155 m. The problem asks for the signed position.

Final: −155.
</think>

We'll use negative numbers for positions below sea level.

**Starting position:** −120 m

**Step 1 — The submarine rises 45 m**

Rising means moving **up** (toward the surface), so we add:

−120 + 45 = −75 m

**Step 2 — The submarine dives 80 m**

Diving means moving **down**, so we subtract:

−75 − 80 = −155 m

**Check with the net change**

Net change = +45 − 80 = −35 m
Final position = −120 + (−35) = −155 m ✓

| Stage | Change | Position |
|---|---|---|
| Start | — | −120 m |
| Rise | +45 m | −75 m |
| Dive | −80 m | −155 m |

The submarine ends up 155 meters below sea level, so its position relative to sea level is −155 m.

#### -155""")

add("gsm8k_long", r"7.5", True,
    "7 1/2 cups = 7.5",
    r"""<think>
A recipe uses 2 1/4 cups of flour to make 18 cookies. How much flour for 60 cookies?

Flour per cookie: 2.25 / 18 = 0.125 cups = 1/8 cup.
For 60 cookies: 60 × 1/8 = 7.5 cups.

Check with proportion: 2.25/18 = x/60 → x = 2.25 × 60 / 18 = 135/18 = 7.5 ✓.

Alternatively, 60/18 = 10/3 batches. 2.25 × 10/3 = 22.5/3 = 7.5 ✓.

In mixed numbers, 7 1/2 cups.

Units: cups. 7.5 cups = 7 1/2 cups. Since the recipe is written with mixed numbers, I'll answer 7 1/2.

Also 1/8 cup per cookie × 60 = 7.5 ✓. And 2 1/4 × (60/18): 60/18 = 3.333..., 2.25 × 3.333 = 7.5 ✓.
</think>

Let's find out how much flour each cookie needs, then scale up.

**Step 1: Convert the mixed number**

2 1/4 cups = 9/4 cups = 2.25 cups

**Step 2: Flour per cookie**

2.25 ÷ 18 = 0.125 cups = 1/8 cup per cookie

**Step 3: Flour for 60 cookies**

60 × 1/8 = 60/8 = 7.5 cups

**Check using batches**

- 60 cookies ÷ 18 cookies per batch = 10/3 batches
- 10/3 × 9/4 = 90/12 = 15/2 = 7.5 cups ✓

| Cookies | Flour (cups) |
|---|---|
| 18 | 2 1/4 |
| 36 | 4 1/2 |
| 54 | 6 3/4 |
| 60 | 7 1/2 |

So 60 cookies require

\[
\boxed{7\tfrac{1}{2}}
\]

cups of flour.""")

add("gsm8k_long", r"909", False,
    "correct 909 computed, then switches to double-time overtime and ends with 972",
    r"""<think>
Olivia earns $18 per hour for the first 40 hours in a week, and time-and-a-half for overtime. She worked 47 hours. Weekly pay?

Regular: 40 × 18 = 720.
Overtime rate: 18 × 1.5 = 27.
Overtime hours: 47 − 40 = 7.
Overtime pay: 7 × 27 = 189.
Total: 720 + 189 = 909.

Hmm, wait. Let me reconsider. Is it "time-and-a-half" or "double time"? Let me re-read... I recall the problem says overtime is paid at a higher rate... "time and a half" is the standard. But some problems say "double pay for overtime". Hmm, if double: 7 × 36 = 252, total 972.

Actually, I think I misremembered the statement — it says overtime hours are paid at twice the regular rate. Let me go with double time: 972.

Double time: 7 × 36 = 252. 720 + 252 = 972.

Time-and-a-half would have been 909, but I'm going with double time: 972.

Writing up with double time.

So $972.
</think>

**Regular pay**

Olivia's first 40 hours are paid at $18/hour:

40 × $18 = $720

**Overtime hours**

47 − 40 = 7 overtime hours

**Overtime rate**

Overtime is paid at twice the regular rate:

2 × $18 = $36 per hour

**Overtime pay**

7 × $36 = $252

**Total weekly pay**

$720 + $252 = $972

| Component | Hours | Rate | Pay |
|---|---|---|---|
| Regular | 40 | $18 | $720 |
| Overtime | 7 | $36 | $252 |
| **Total** | **47** | | **$972** |

Olivia earns **$972** this week.

#### 972""")


# ---------------------------------------------------------------------------
# mc_long: GPQA-style multiple choice with long reasoning over the options
# ---------------------------------------------------------------------------

add("mc_long", r"B", True,
    "max height 20 m is option B",
    r"""<think>
A ball is thrown straight up with initial speed 20 m/s. Take g = 10 m/s². Maximum height?

Options:
(A) 10 m
(B) 20 m
(C) 40 m
(D) 80 m

At max height, v = 0. Using v² = u² − 2gh: 0 = 400 − 20h → h = 20 m.

Let me double-check with time: t = u/g = 2 s. h = ut − ½gt² = 40 − ½ · 10 · 4 = 40 − 20 = 20 m. ✓

Energy: ½mu² = mgh → h = u²/(2g) = 400/20 = 20 m ✓.

Now, the distractors: 40 m would be u·t without subtracting the gravity term (20 × 2). 80 m would be u²/g × 2? Hmm, u²/g = 40, so 80 is 2u²/g — that's like forgetting the ½ and doubling. 10 m would be u²/(4g), maybe someone halving incorrectly.

Wait, should I worry about air resistance? The problem says neglect air resistance. OK.

So the answer is 20 m, which is (B).

Average-velocity check: while rising, the average speed is (20 + 0)/2 = 10 m/s, over 2 s → 20 m ✓. Total flight time 4 s, and it returns at 20 m/s downward, by symmetry.

The mass of the ball doesn't matter; only u and g.
</think>

**Setting up.** At the highest point the ball's vertical velocity is zero. With initial speed \(u = 20\ \text{m/s}\) and \(g = 10\ \text{m/s}^2\):

\[
v^2 = u^2 - 2gh \;\Longrightarrow\; 0 = 20^2 - 2(10)h \;\Longrightarrow\; h = \frac{400}{20} = 20\ \text{m}.
\]

**Cross-check with energy conservation.**
\[
\tfrac12 m u^2 = m g h \;\Longrightarrow\; h = \frac{u^2}{2g} = 20\ \text{m}.
\]

**Cross-check with kinematics in time.** Time to reach the top is \(t = u/g = 2\ \text{s}\), and
\[
h = ut - \tfrac12 g t^2 = 40 - 20 = 20\ \text{m}.
\]

**Why the other options are wrong:**
- (A) 10 m: half the correct value — results from using \(u^2/(4g)\).
- (C) 40 m: equals \(ut\) alone, ignoring the deceleration due to gravity.
- (D) 80 m: four times the correct height, e.g. dropping the factor of ½ and doubling.

**Answer: B**""")

add("mc_long", r"(B)", True,
    "pH 2 is B; the final paragraph mentions every letter but commits to B",
    r"""<think>
Question: What is the pH of a 0.01 M HCl solution at 25 °C?
(A) 1
(B) 2
(C) 12
(D) 0.01

HCl is a strong acid, dissociates completely. [H+] = 0.01 M = 10^-2 M. pH = −log10(10^-2) = 2.

Hmm, should I account for water autoionization? [H+] from water is ~10^-7, negligible compared with 10^-2. So pH = 2.

Let me consider whether any option is a trick. 12 would be the pH of 0.01 M NaOH (pOH = 2, pH = 14 − 2 = 12). 1 would be for 0.1 M HCl. 0.01 is the concentration, not the pH — a trap for people confusing the two.

Answer B.

One more consistency check: at 25 °C, K_w = 1.0 × 10^-14, so [OH−] = 10^-12, pOH = 12, pH + pOH = 14 ✓.

Strictly, activity effects at 0.01 M would push the measured pH slightly above 2 (γ ≈ 0.9 gives pH ≈ 2.05), but the intended textbook answer is 2.
</think>

HCl is a **strong acid**, so it dissociates completely in water:

\[
\mathrm{HCl} \rightarrow \mathrm{H^+} + \mathrm{Cl^-}, \qquad [\mathrm{H^+}] = 0.01\ \text{M} = 10^{-2}\ \text{M}.
\]

The contribution of water's autoionization (\(\sim 10^{-7}\) M) is negligible here. Therefore

\[
\mathrm{pH} = -\log_{10}[\mathrm{H^+}] = -\log_{10}(10^{-2}) = 2.
\]

**Checking each option:**

| Option | Value | Verdict |
|---|---|---|
| (A) | 1 | pH of 0.1 M HCl, ten times more concentrated |
| (B) | 2 | matches our calculation |
| (C) | 12 | pH of 0.01 M NaOH (a strong *base*) |
| (D) | 0.01 | this is the molar concentration, not the pH |

Option (A) would require [H⁺] = 0.1 M, option (C) describes a basic solution, and option (D) confuses concentration with pH. Only option (B) is consistent with complete dissociation of 0.01 M HCl.

**Answer: (B)**""")

add("mc_long", r"B", False,
    "hedges between B and C at the end",
    r"""<think>
Question: In a perfectly inelastic collision between two carts on a frictionless track, which quantity is conserved?
(A) Kinetic energy only
(B) Linear momentum only
(C) Both kinetic energy and linear momentum
(D) Neither kinetic energy nor linear momentum

In any collision with no external horizontal forces, total linear momentum is conserved. In an inelastic collision, kinetic energy is not conserved — some is converted into heat, sound, deformation. Perfectly inelastic means the objects stick together, which is the case of maximum KE loss (consistent with momentum conservation).

So momentum is conserved, KE is not → B.

Hmm, but wait. Total energy is always conserved. If the question's "kinetic energy" were "energy", then C would be plausible... The option says "kinetic energy" specifically. But some textbooks phrase things loosely. Hmm.

Let me think about an example: cart of mass m at speed v hits an identical cart at rest, they stick. Momentum: mv = 2m v_f → v_f = v/2. KE before: ½mv². KE after: ½(2m)(v/2)² = ¼mv². Half the KE is lost. So KE is definitely not conserved.

But total energy including thermal energy is conserved... I'm a bit torn about how the question intends "energy".

Hmm, in the center-of-mass frame, a perfectly inelastic collision destroys all the kinetic energy relative to the CM, but the CM motion's kinetic energy remains. Either way KE is not conserved. And yet some intro books say "energy is conserved in all collisions" meaning total energy... The question says "kinetic energy" in option C, which really pushes to B. But I've seen answer keys that treat this loosely. I'll mention both.

Let me think about how this is usually taught. In intro physics: "In all collisions momentum is conserved (if no external forces). In elastic collisions kinetic energy is also conserved. In inelastic collisions kinetic energy is not conserved." That strongly suggests B. But then again, the question writer might have had in mind "energy" broadly — and total energy, including internal energy, is always conserved. If the option C were read as "both energy and momentum", it'd be correct.

Also consider a subtle case: what if the carts are on a frictionless track but attached by a spring that compresses and then locks? Still perfectly inelastic, still KE lost to spring potential energy and heat. Momentum still conserved.

What about angular momentum? Not listed. Fine.

Let me reconsider option D, "neither": only if there were external forces, e.g., friction with the track during the collision — but the track is frictionless, so momentum is conserved. D is out. A is out since KE alone isn't conserved.

So it's between B and C depending on interpretation of "kinetic energy" vs "energy". I'll present both.
</think>

**Momentum.** On a frictionless track there is no net external horizontal force on the two-cart system, so total linear momentum is conserved in *every* collision, elastic or not.

**Kinetic energy.** In a perfectly inelastic collision the carts stick together. For two identical carts, one initially at rest:

- Momentum: \( mv = 2m\,v_f \Rightarrow v_f = v/2 \)
- KE before: \( \tfrac12 mv^2 \)
- KE after: \( \tfrac12 (2m)(v/2)^2 = \tfrac14 mv^2 \)

Half of the kinetic energy is converted into other forms (heat, sound, deformation).

**Evaluating the options.** (A) is wrong because momentum is conserved. (D) is wrong for the same reason. That leaves (B) and (C): momentum is certainly conserved, and whether energy counts as "conserved" depends on whether one includes the thermal energy generated in the collision — total energy is always conserved.

**Answer: B or C** (B if only mechanical kinetic energy is meant, C if total energy is intended)""")

add("mc_long", r"C", True,
    "2pq = 0.48 is C",
    r"""<think>
Hardy–Weinberg problem. In a population in Hardy–Weinberg equilibrium, 16% of individuals show the recessive phenotype. What fraction are heterozygous carriers?

(A) 0.16
(B) 0.24
(C) 0.48
(D) 0.36

q² = 0.16 → q = 0.4. p = 1 − 0.4 = 0.6.

Heterozygotes: 2pq = 2 × 0.6 × 0.4 = 0.48.

Check: p² = 0.36, 2pq = 0.48, q² = 0.16. Sum = 0.36 + 0.48 + 0.16 = 1.00 ✓.

Distractors:
0.16 is q² (the recessive homozygotes themselves).
0.24 is pq — forgetting the factor of 2.
0.36 is p² (homozygous dominant).

So the answer is 0.48 → C.

Wait, let me make sure the question asks for heterozygotes and not "carriers among those with the dominant phenotype". If it were the latter, it'd be 0.48/0.84 ≈ 0.571, which isn't an option. So heterozygotes in the whole population: 0.48.

Population-count check: in 1000 people, 160 aa, 480 Aa, 360 AA. Count of a alleles: 2·160 + 480 = 800 out of 2000 alleles = 0.4 ✓. Count of A: 2·360 + 480 = 1200/2000 = 0.6 ✓.

Nothing X-linked here — autosomal trait, standard HW.
</think>

## Setting up Hardy–Weinberg

With allele frequencies \(p\) (dominant) and \(q\) (recessive), the genotype frequencies at equilibrium are

\[
p^2 + 2pq + q^2 = 1.
\]

## Step 1: recessive allele frequency

The recessive phenotype corresponds to genotype \(aa\), so

\[
q^2 = 0.16 \;\Longrightarrow\; q = 0.4.
\]

## Step 2: dominant allele frequency

\[
p = 1 - q = 0.6.
\]

## Step 3: heterozygote frequency

\[
2pq = 2(0.6)(0.4) = 0.48.
\]

## Check

| Genotype | Frequency |
|---|---|
| AA | \(p^2 = 0.36\) |
| Aa | \(2pq = 0.48\) |
| aa | \(q^2 = 0.16\) |
| Total | 1.00 ✓ |

The distractors correspond to \(q^2\) (A), \(pq\) without the factor 2 (B), and \(p^2\) (D).

**The correct answer is (C) 0.48.**""")

add("mc_long", r"C", False,
    "drops the factor of 2 and picks B (0.24)",
    r"""<think>
In a Hardy–Weinberg population, the recessive phenotype appears in 16% of individuals. What proportion are heterozygous?

(A) 0.16  (B) 0.24  (C) 0.48  (D) 0.36

q² = 0.16 → q = 0.4, p = 0.6.

Heterozygotes have one dominant allele and one recessive allele, so the frequency is p × q = 0.6 × 0.4 = 0.24.

Hmm, let me check the totals: p² = 0.36, q² = 0.16, and heterozygotes 0.24. Sum: 0.36 + 0.16 + 0.24 = 0.76. That's not 1...

Hmm, where's the rest? Oh, maybe I need to think about it differently. The remaining 0.24 could be... Aa and aA are the same genotype, so they shouldn't be double-counted. The "missing" 0.24 must be accounted for by something else, like the population not being exactly in equilibrium. Actually, I'll just trust the direct product: probability of getting A from one parent and a from the other is p × q.

So 0.24, option B.

In a population of 100 that would be 16 aa, 36 AA, and 24 Aa, leaving 24 unaccounted for... but option B is listed, and pq is the direct probability of one A and one a. I'll go with B.

I'll stick with pq = 0.24.
</think>

**Step 1 – Recessive allele frequency.**
The recessive phenotype (aa) occurs with frequency \(q^2 = 0.16\), so \(q = \sqrt{0.16} = 0.4\).

**Step 2 – Dominant allele frequency.**
\(p = 1 - q = 0.6\).

**Step 3 – Heterozygotes.**
A heterozygote carries one copy of each allele. The probability of inheriting the dominant allele from one parent and the recessive allele from the other is

\[
p \times q = 0.6 \times 0.4 = 0.24.
\]

**Considering the options:**
- (A) 0.16 is the frequency of the recessive homozygotes, not carriers.
- (C) 0.48 would double-count the Aa and aA orderings, which represent the same genotype.
- (D) 0.36 is \(p^2\), the dominant homozygotes.

**Answer: (B) 0.24**""")

add("mc_long", r"B", True,
    "derivative equals 1, option B",
    r"""<think>
Let f(x) = ln(x² + 1). What is f'(1)?
(A) 1/2
(B) 1
(C) 2
(D) ln 2

Chain rule: f'(x) = (2x)/(x² + 1). At x = 1: 2/(1 + 1) = 2/2 = 1.

So f'(1) = 1 → B.

Hmm, let me double-check that I'm not confusing with f(1) = ln 2, which is option D — a trap for people who evaluate the function instead of its derivative.

Option A (1/2) would come from forgetting the chain-rule factor 2x: 1/(x²+1) at x = 1 = 1/2.
Option C (2) would come from forgetting the denominator: just 2x = 2.

Numerical check: f(1.001) = ln(1 + 1.002001) = ln(2.002001) ≈ 0.693147 + ln(1.0010005) ≈ 0.693147 + 0.0010000 = 0.694147. f(0.999) = ln(1 + 0.998001) = ln(1.998001) ≈ 0.693147 + ln(0.9990005) ≈ 0.693147 − 0.0010000 = 0.692147. Difference / 0.002 = 0.002/0.002 = 1.000. ✓

Answer (B).

Implicit check: y = ln(x^2 + 1) → e^y = x^2 + 1 → e^y y' = 2x → y' = 2x/e^y = 2x/(x^2 + 1) ✓. At x = 1, y' = 1.

Make sure "ln" is natural log — yes. If it were log base 10, the derivative at 1 would be 1/ln 10 ≈ 0.434, not an option.
</think>

We differentiate using the chain rule. With the outer function \(\ln u\) and inner function \(u = x^2 + 1\):

\[
f'(x) = \frac{1}{x^2+1}\cdot \frac{d}{dx}(x^2+1) = \frac{2x}{x^2+1}.
\]

At \(x = 1\):

\[
f'(1) = \frac{2(1)}{1^2+1} = \frac{2}{2} = 1.
\]

**Numerical check:** the symmetric difference quotient \(\dfrac{f(1.001) - f(0.999)}{0.002} \approx 1.000\).

**How the distractors arise:**
- (A) \(1/2\): forgetting the inner derivative \(2x\).
- (C) \(2\): keeping \(2x\) but forgetting to divide by \(x^2 + 1\).
- (D) \(\ln 2\): this is \(f(1)\), not \(f'(1)\).

The answer is (B).""")

add("mc_long", r"C", True,
    "E3/E1 = 9, option C",
    r"""<think>
Particle in a 1D infinite square well. The ratio of the energy of the third level (n = 3) to the ground state (n = 1)?

(A) 3
(B) 6
(C) 9
(D) 27

E_n = n²h²/(8mL²). So E_3/E_1 = 9/1 = 9.

Wait, is there any subtlety — e.g., does the well's width matter, or does "third excited state" mean n = 4? The question says "third energy level", i.e., n = 3. If it said "third excited state", it'd be n = 4 and the ratio would be 16, which isn't an option. So n = 3, ratio 9.

Distractors: 3 (linear in n — like a harmonic oscillator-ish thinking, though the HO is (n+½)ħω, ratio 5/... no). 27 (n³). 6 — hmm, maybe summing 1+2+3? Whatever.

Let me double-check by thinking about wavelengths: ψ_n = sin(nπx/L), λ_n = 2L/n, p_n = h/λ_n = nh/(2L), E = p²/2m = n²h²/(8mL²). ✓ Quadratic in n.

So 9, option C.

Numbers for an electron in a 1 nm box: h^2/(8 m L^2) = (6.626e-34)^2/(8 × 9.109e-31 × 1e-18) ≈ 6.02e-20 J ≈ 0.376 eV. E_3 = 9 × 0.376 ≈ 3.38 eV. Ratio 9 ✓, independent of the box size.

"Third energy level" = n = 3. (Third excited state would be n = 4, ratio 16 — not offered.)
</think>

**Energy levels of the infinite square well.** Standing waves in a box of width \(L\) must satisfy \(\lambda_n = 2L/n\), so

\[
p_n = \frac{h}{\lambda_n} = \frac{nh}{2L}, \qquad E_n = \frac{p_n^2}{2m} = \frac{n^2 h^2}{8 m L^2}.
\]

**Ratio.**

\[
\frac{E_3}{E_1} = \frac{3^2}{1^2} = 9.
\]

The prefactor \(h^2/(8mL^2)\) cancels, so the ratio does not depend on the particle's mass or the width of the well.

**Option analysis:**
- (A) 3 assumes energy grows linearly with \(n\).
- (B) 6 has no physical basis here.
- (C) 9 — consistent with \(E_n \propto n^2\).
- (D) 27 assumes \(E_n \propto n^3\).

\[
\boxed{C}
\]""")

add("mc_long", r"C", False,
    "computes 656 nm (option C) but the final letter given is D",
    r"""<think>
Hydrogen atom: what is the wavelength of the photon emitted in the transition n = 3 → n = 2?

(A) 122 nm
(B) 486 nm
(C) 656 nm
(D) 1875 nm

Rydberg: 1/λ = R(1/2² − 1/3²) = R(1/4 − 1/9) = R(5/36). R = 1.097 × 10^7 m^-1.

1/λ = 1.097e7 × 5/36 = 1.097e7 × 0.138889 = 1.5236e6 m^-1. λ = 6.563e-7 m = 656.3 nm.

That's the H-alpha line, the famous red Balmer line. ✓

Distractors: 122 nm is Lyman alpha (2 → 1). 486 nm is H-beta (4 → 2). 1875 nm is Paschen alpha (4 → 3).

So the transition 3 → 2 gives 656 nm.

Energy check: ΔE = 13.6 eV × (1/4 − 1/9) = 13.6 × 5/36 ≈ 1.889 eV. λ = hc/ΔE ≈ 1240 eV·nm / 1.889 eV ≈ 656 nm ✓. Red visible light.

So 656 nm is the value. D (1875 nm) is infrared, Paschen α (4 → 3), not our transition.

Listing the relevant lines once more:
Lyman α (2→1): 121.6 nm
H-α (3→2): 656.3 nm
H-β (4→2): 486.1 nm
Paschen α (4→3): 1875 nm
So the 3 → 2 line is at 656 nm.
</think>

**Rydberg formula**

\[
\frac{1}{\lambda} = R_H\left(\frac{1}{n_f^2} - \frac{1}{n_i^2}\right), \qquad R_H = 1.097\times 10^{7}\ \text{m}^{-1}.
\]

For \(n_i = 3 \to n_f = 2\):

\[
\frac{1}{\lambda} = R_H\left(\frac14 - \frac19\right) = R_H\cdot\frac{5}{36} \approx 1.524\times 10^{6}\ \text{m}^{-1},
\]

\[
\lambda \approx 6.56\times 10^{-7}\ \text{m} = 656\ \text{nm}.
\]

This is the red **H-α** line of the Balmer series.

**Identifying the other lines:**

| Option | Wavelength | Transition |
|---|---|---|
| A | 122 nm | 2 → 1 (Lyman α) |
| B | 486 nm | 4 → 2 (H-β) |
| C | 656 nm | 3 → 2 (H-α) |
| D | 1875 nm | 4 → 3 (Paschen α) |

The emitted photon lies in the visible red region, consistent with the Balmer series.

**Answer: D**""")

add("mc_long", r"B", True,
    "3 stereoisomers (meso) is option B after self-correction",
    r"""<think>
How many stereoisomers does 2,3-dibromobutane have?
(A) 2
(B) 3
(C) 4
(D) 6

Structure: CH3–CHBr–CHBr–CH3. Two stereocenters, C2 and C3. Naively 2² = 4 stereoisomers: (2R,3R), (2S,3S), (2R,3S), (2S,3R).

So the answer is 4, option C.

Wait. The molecule is symmetric — both stereocenters carry the same set of substituents (H, Br, CH3, and the other CHBrCH3). So (2R,3S) and (2S,3R) might be the same compound — a meso compound with an internal mirror plane.

Let me check: (2R,3S)-2,3-dibromobutane. Its mirror image is (2S,3R). But because the molecule is symmetric, renumbering from the other end turns (2S,3R) into (2R,3S). So they're identical. It's meso — achiral.

(2R,3R) and (2S,3S) are a pair of enantiomers (chiral).

Total distinct stereoisomers: 2 (enantiomeric pair) + 1 (meso) = 3.

So the answer is B, not C. Classic trap, same as tartaric acid.

Contrast: 2,3-dibromopentane, CH3–CHBr–CHBr–CH2CH3, has two stereocenters with different substituent sets, so no meso form and 4 stereoisomers. The symmetry of the butane skeleton is what creates the meso compound here.
</think>

### Stereocenters

2,3-Dibromobutane, \(\mathrm{CH_3{-}CHBr{-}CHBr{-}CH_3}\), has two stereocenters (C2 and C3). The maximum number of stereoisomers would be \(2^2 = 4\).

### Accounting for symmetry

Because the two stereocenters bear identical substituents, the molecule is **constitutionally symmetric**:

| Configuration | Relationship | Chiral? |
|---|---|---|
| (2R,3R) | enantiomer of (2S,3S) | yes |
| (2S,3S) | enantiomer of (2R,3R) | yes |
| (2R,3S) ≡ (2S,3R) | **meso** (internal mirror plane) | no |

The (2R,3S) and (2S,3R) "isomers" are superimposable — renumbering the chain from the other end converts one label into the other — so they are one and the same meso compound.

### Count

\[
\underbrace{2}_{\text{enantiomeric pair}} + \underbrace{1}_{\text{meso}} = 3.
\]

Option (C) is the trap of applying \(2^n\) blindly; (A) forgets the meso form; (D) has no basis.

**Answer: (B) 3**""")

add("mc_long", r"B", False,
    "forgets the meso form and picks C (4) for tartaric acid",
    r"""<think>
How many stereoisomers exist for tartaric acid (2,3-dihydroxybutanedioic acid)?

(A) 2
(B) 3
(C) 4
(D) 8

HOOC–CH(OH)–CH(OH)–COOH. Two stereocenters: C2 and C3. Each can be R or S.

Number of stereoisomers = 2^n where n = number of stereocenters = 2² = 4.

The four: (2R,3R), (2S,3S), (2R,3S), (2S,3R).

(2R,3R) and (2S,3S) are enantiomers — these are L-(+)- and D-(−)-tartaric acid. (2R,3S) and (2S,3R) are another pair, and they're diastereomers of the first pair.

Hmm, I remember something about "meso-tartaric acid"... but meso refers to a compound being optically inactive, which is more about the physical property of rotating light; it's still counted as stereoisomers by configuration. Each distinct R/S combination is a distinct configuration.

So 4 → C.

8 would be 2³, if there were three stereocenters. 2 would be only one enantiomeric pair.

I do recall something about meso-tartaric acid being optically inactive, but optical inactivity is a property; each R/S combination is still a separate configuration. So I count all four: RR, SS, RS, SR.
</think>

**Identifying stereocenters.** Tartaric acid, \(\mathrm{HOOC{-}CH(OH){-}CH(OH){-}COOH}\), has two stereogenic carbons (C2 and C3), each bearing H, OH, COOH, and the rest of the chain.

**Applying the \(2^n\) rule.** With \(n = 2\) stereocenters:

\[
2^n = 2^2 = 4.
\]

**Listing the configurations.**

| Isomer | Configuration |
|---|---|
| 1 | (2R,3R) |
| 2 | (2S,3S) |
| 3 | (2R,3S) |
| 4 | (2S,3R) |

Isomers 1 and 2 are the familiar optically active enantiomers; isomers 3 and 4 are their diastereomers.

**Eliminating the other choices:**
- (A) 2 counts only the optically active pair.
- (B) 3 would require two of the configurations to coincide.
- (D) 8 corresponds to three stereocenters.

**Answer: (C) 4**""")

add("mc_long", r"B", True,
    "Phi(1.96) ~ 0.975, option B",
    r"""<think>
For a standard normal random variable Z, P(Z < 1.96) is approximately:
(A) 0.95
(B) 0.975
(C) 0.025
(D) 0.05

The famous 1.96: P(−1.96 < Z < 1.96) = 0.95. So the two tails together are 0.05, each tail 0.025. P(Z < 1.96) = 1 − 0.025 = 0.975.

So B.

Trap: A (0.95) is the two-sided central probability. C (0.025) is the upper tail P(Z > 1.96). D (0.05) is the two-tailed total.

Let me double-check with a table value: Φ(1.96) = 0.9750. Yes, standard table value 0.97500.

So the answer is B.

More precisely Φ(1.96) = 0.9750021. And Φ(1.645) ≈ 0.95 — that is the one-sided 95% value, which is why (A) is tempting. But at 1.96 the cumulative probability is 0.975.

68–95–99.7 check: P(Z < 2) ≈ 0.977, and 1.96 is just below 2, so ≈ 0.975 ✓.

Let me also recall a few table values to be sure of 1.96: Φ(1.00) = 0.8413, Φ(1.645) = 0.9500, Φ(1.96) = 0.9750, Φ(2.326) = 0.9900, Φ(2.576) = 0.9950. Yes, 1.96 ↔ 0.975.
</think>

**Key fact.** The value 1.96 is the familiar critical value for a two-sided 95% confidence interval:

\[
P(-1.96 < Z < 1.96) \approx 0.95.
\]

**Splitting the tails.** The remaining 5% of probability is split equally between the two tails by symmetry of the normal curve:

\[
P(Z > 1.96) = P(Z < -1.96) \approx 0.025.
\]

**Cumulative probability.**

\[
P(Z < 1.96) = 1 - P(Z > 1.96) \approx 1 - 0.025 = 0.975.
\]

This matches the standard normal table: \(\Phi(1.96) = 0.9750\).

**Why not the others?**
- (A) 0.95 is the *central* (two-sided) probability, not the cumulative one.
- (C) 0.025 is the upper-tail probability.
- (D) 0.05 is the combined two-tail probability.

**Final answer: B**""")

add("mc_long", r"B", False,
    "correct 6 ohm found, then 'But wait' re-reads as series and picks D",
    r"""<think>
Circuit: two 6 Ω resistors are connected in parallel, and this combination is connected in series with a 3 Ω resistor. Equivalent resistance?

(A) 3 Ω
(B) 6 Ω
(C) 9 Ω
(D) 15 Ω

Parallel: 1/R = 1/6 + 1/6 = 2/6 = 1/3 → R = 3 Ω. Series with 3 Ω: 3 + 3 = 6 Ω. So B.

Check: two equal resistors in parallel → half → 3 Ω. Plus 3 → 6 Ω ✓.

But wait — let me re-read the circuit description. "Two 6 Ω resistors and a 3 Ω resistor are connected..." Hmm, maybe I misread. If all three are in series: 6 + 6 + 3 = 15 Ω. Which is option D. The problem says "connected one after another along a single path", I think... which would be series.

Hmm, that phrase "one after another" suggests series. In that case the current has only one path, and the total is the sum: 15 Ω.

I'll go with D.

In the parallel reading the current splits between the two 6 Ω branches, each carrying half. But if the description says the resistors are connected one after another, there's a single loop and no splitting.

Series: 6 + 6 + 3 = 15.
</think>

**Reading the circuit.** The three resistors (6 Ω, 6 Ω, and 3 Ω) lie one after another along a single path, so the same current flows through each of them. That is a **series** connection.

**Series combination.**

\[
R_{\text{eq}} = R_1 + R_2 + R_3 = 6 + 6 + 3 = 15\ \Omega.
\]

**Checking the alternatives.**
- If the two 6 Ω resistors were in parallel, they would combine to 3 Ω, and adding the 3 Ω resistor would give 6 Ω (option B).
- Option (A) 3 Ω would be the parallel pair alone.
- Option (C) 9 Ω corresponds to 6 + 3, ignoring one resistor.

Since the resistors form a single path, the series result applies.

**Answer: D (15 Ω)**""")

add("mc_long", r"C", True,
    "2.75 microseconds, option C",
    r"""<think>
A muon has a proper lifetime of 2.2 μs. It moves at 0.6c relative to the lab. What lifetime is measured in the lab?

(A) 1.32 μs
(B) 1.76 μs
(C) 2.75 μs
(D) 3.67 μs

γ = 1/√(1 − v²/c²) = 1/√(1 − 0.36) = 1/√0.64 = 1/0.8 = 1.25.

Lab lifetime = γ τ_0 = 1.25 × 2.2 = 2.75 μs.

Moving clocks run slow, so the lab sees a longer lifetime. 2.75 > 2.2 ✓.

Distractors:
(A) 1.32 = 2.2 × 0.6 — multiplying by β.
(B) 1.76 = 2.2 × 0.8 — dividing instead of multiplying by γ (length-contraction style mistake).
(D) 3.67 = 2.2/0.6 — dividing by β.

Hmm, what if someone used γ = 1/(1 − 0.6)? That's 2.5, giving 5.5 μs, not an option.

So C.

Distance check in the lab: 0.6c × 2.75 μs = 0.6 × 3.0e8 m/s × 2.75e-6 s = 495 m. In the muon frame, the muon lives 2.2 μs and the lab distance is contracted to 495/1.25 = 396 m, which it covers in 396/(1.8e8) = 2.2 μs ✓. Consistent.
</think>

### Lorentz factor

\[
\gamma = \frac{1}{\sqrt{1 - v^2/c^2}} = \frac{1}{\sqrt{1 - 0.36}} = \frac{1}{0.8} = 1.25.
\]

### Time dilation

The 2.2 μs lifetime is measured in the muon's rest frame (proper time). In the lab, where the muon moves, the lifetime is dilated:

\[
\Delta t_{\text{lab}} = \gamma\,\Delta t_0 = 1.25 \times 2.2\ \mu\text{s} = 2.75\ \mu\text{s}.
\]

### Sanity check
Moving clocks run slow, so the lab-frame lifetime must be **longer** than 2.2 μs. This eliminates (A) and (B) immediately.

### Origin of the distractors

| Option | Computation | Error |
|---|---|---|
| A: 1.32 μs | \(2.2 \times 0.6\) | multiplied by \(\beta\) |
| B: 1.76 μs | \(2.2 \times 0.8\) | divided by \(\gamma\) |
| C: 2.75 μs | \(2.2 \times 1.25\) | correct |
| D: 3.67 μs | \(2.2 / 0.6\) | divided by \(\beta\) |

**The answer is C.**""")

add("mc_long", r"(B)", True,
    "Carnot 50% is option B",
    r"""<think>
Maximum efficiency of a heat engine operating between reservoirs at 600 K and 300 K.

(A) 25%
(B) 50%
(C) 67%
(D) 100%

Carnot efficiency: η = 1 − T_c/T_h = 1 − 300/600 = 1 − 0.5 = 0.5 = 50%.

Trap: if someone uses Celsius... 600 K = 326.85 °C, 300 K = 26.85 °C. 1 − 26.85/326.85 ≈ 0.918. Not an option. OK.

(C) 67% — maybe 1 − 300/900? or (600 − 300)/... no. Hmm, 2/3 would be T_c/T_h for other numbers, e.g., 400/600. Or maybe someone computed T_h/(T_h + T_c) = 600/900. Whatever.

(A) 25% — maybe (600 − 300)/(600 + 600)? Or half of 50%.

(D) 100% violates the second law.

So B.

And as a check on option C: 67% would need T_c/T_h = 1/3, e.g., 200 K and 600 K. Not our case. With 300 K and 600 K, exactly 50%.

Are the temperatures in kelvin? Yes. Had they been 600 °C and 300 °C, we'd get 1 − 573.15/873.15 ≈ 34%, not an option. So kelvin, 50%.
</think>

**Carnot limit.** No heat engine operating between two reservoirs can exceed the Carnot efficiency:

\[
\eta_{\max} = 1 - \frac{T_C}{T_H},
\]

with temperatures in **kelvin**.

**Substituting:**

\[
\eta_{\max} = 1 - \frac{300\ \text{K}}{600\ \text{K}} = 1 - 0.5 = 0.50 = 50\%.
\]

**Reviewing the choices:**

- **(A) 25%** — half the correct value; no standard formula gives this.
- **(B) 50%** — the Carnot efficiency computed above.
- **(C) 67%** — would correspond to \(T_H/(T_H + T_C) = 600/900\), which is not an efficiency formula.
- **(D) 100%** — would require \(T_C = 0\ \text{K}\); forbidden by the second law of thermodynamics.

Real engines operating between these reservoirs would achieve less than 50% due to irreversibilities, but the question asks for the theoretical maximum.

**Answer: (B) 50%**""")

add("mc_long", r"C", True,
    "aabb = 1/16, option C, despite discussion of 9/16 (D)",
    r"""<think>
Dihybrid cross: AaBb × AaBb, independent assortment, complete dominance. What fraction of offspring are aabb?

(A) 1/4
(B) 1/8
(C) 1/16
(D) 9/16

P(aa) = 1/4 from Aa × Aa. P(bb) = 1/4 from Bb × Bb. Independent → 1/4 × 1/4 = 1/16.

The phenotype ratio 9:3:3:1 — 9/16 are A_B_ (both dominant), 3/16 A_bb, 3/16 aaB_, 1/16 aabb.

So the answer is 1/16 → C.

(D) 9/16 is the fraction with both dominant phenotypes — a trap if someone mixes up which class is asked.
(A) 1/4 is P(aa) alone.
(B) 1/8 — not a natural quantity here.

Punnett check: gametes AB, Ab, aB, ab, each 1/4 from each parent. 4 × 4 = 16 boxes. aabb needs ab from both parents: 1 box out of 16 ✓.

Side note: P(at least one dominant trait) = 1 − 1/16 = 15/16, not an option. The question asks for aabb itself.
</think>

**Separate the two genes.** With independent assortment we can treat each gene separately.

- \(Aa \times Aa\): offspring are \(AA : Aa : aa = 1 : 2 : 1\), so \(P(aa) = \tfrac14\).
- \(Bb \times Bb\): likewise \(P(bb) = \tfrac14\).

**Combine (product rule).**

\[
P(aabb) = P(aa)\cdot P(bb) = \frac14 \cdot \frac14 = \frac{1}{16}.
\]

**Phenotypic ratio check.** The classic dihybrid ratio is 9 : 3 : 3 : 1:

| Phenotype class | Fraction |
|---|---|
| A_B_ | 9/16 |
| A_bb | 3/16 |
| aaB_ | 3/16 |
| aabb | 1/16 |

The double-recessive class is the "1" in 9:3:3:1.

**Last look at the options:** 9/16 (D) is the dominant–dominant class, not the double recessive; 1/4 (A) is the probability of aa alone, ignoring the B gene; 1/8 (B) does not correspond to any class in this cross. The double recessive fraction 1/16 is option (C).

**Answer: (C)**""")

add("mc_long", r"B", False,
    "reasoning concludes 3 (option B) but the final stated letter is D",
    r"""<think>
What is the units digit of 7^2023?
(A) 1
(B) 3
(C) 7
(D) 9

Units digits of powers of 7 cycle with period 4:
7^1 = 7 → 7
7^2 = 49 → 9
7^3 = 343 → 3
7^4 = 2401 → 1
7^5 → 7, and so on.

2023 mod 4: 2023 = 4 × 505 + 3 = 2020 + 3. So remainder 3.

7^2023 has the same units digit as 7^3, which is 3. So (B).

Double-check: 7^2020 = (7^4)^505 ends in 1. Times 7^3 = 343 → ends in 3 ✓.

Hmm, mod 10 via Euler: φ(10) = 4, 7^4 ≡ 1 mod 10. Same thing.

So the units digit is 3, which is option (B).

Last-two-digits check for 2023 mod 4: 23 mod 4 = 3 ✓. So 7^2023 ≡ 7^3 = 343, units digit 3. Options: A = 1, B = 3, C = 7, D = 9.

Sanity check on small powers: 7^5 = 16807 ends in 7 ✓, 7^6 = 117649 ends in 9 ✓, 7^7 = 823543 ends in 3 ✓. Exponent 7 ≡ 3 mod 4 → 3 ✓. Good, the cycle works.
</think>

The units digits of powers of 7 repeat in a cycle of length 4:

| Power | Value | Units digit |
|---|---|---|
| \(7^1\) | 7 | 7 |
| \(7^2\) | 49 | 9 |
| \(7^3\) | 343 | 3 |
| \(7^4\) | 2401 | 1 |

To locate \(7^{2023}\) in the cycle, compute \(2023 \bmod 4\):

\[
2023 = 4 \times 505 + 3,
\]

so \(7^{2023}\) sits at the same place in the cycle as \(7^{3}\).

Reading the units digit for that position off the table and matching it against the choices (A) 1, (B) 3, (C) 7, (D) 9:

**The answer is D.**""")

add("mc_long", r"D", False,
    "counts molecules (B) when the question asks for atoms (D)",
    r"""<think>
How many atoms are present in 18.0 g of water (H2O)? N_A = 6.02 × 10^23 mol^-1.

(A) 3.01 × 10^23
(B) 6.02 × 10^23
(C) 1.20 × 10^24
(D) 1.81 × 10^24

Molar mass of H2O: 2(1.008) + 16.00 = 18.02 g/mol ≈ 18.0 g/mol. So 18.0 g is 1.00 mol of water.

1 mol contains N_A = 6.02 × 10^23 particles. So there are 6.02 × 10^23 ... of water.

Hmm, so the number is 6.02 × 10^23. That's B.

(A) is half a mole, (C) is two moles, (D) is three moles. Since we have exactly one mole, it's B.

Avogadro's number counts the molecules of water in a mole, since water is a molecular substance. So one mole of water = 6.02 × 10^23.

Re-reading the question: "How many ... are present in 18.0 g of water?" I computed the particles, i.e., water molecules: 6.02 × 10^23. Option D, 1.81 × 10^24, is 3 N_A, which would mean counting three of something per molecule — but the particle count of water is N_A. B.
</think>

**Step 1: Moles of water.**

\[
M(\mathrm{H_2O}) = 2(1.008) + 16.00 \approx 18.0\ \text{g/mol},
\qquad
n = \frac{18.0\ \text{g}}{18.0\ \text{g/mol}} = 1.00\ \text{mol}.
\]

**Step 2: Number of particles.**

One mole contains Avogadro's number of particles:

\[
N = n \cdot N_A = 1.00 \times 6.02\times 10^{23} = 6.02\times 10^{23}.
\]

**Step 3: Match to the options.**

| Option | Moles represented |
|---|---|
| (A) \(3.01\times 10^{23}\) | 0.5 mol |
| (B) \(6.02\times 10^{23}\) | 1 mol |
| (C) \(1.20\times 10^{24}\) | 2 mol |
| (D) \(1.81\times 10^{24}\) | 3 mol |

Since the sample is exactly one mole, the count corresponds to option (B).

**Answer: (B) \(6.02\times 10^{23}\)**""")

add("mc_long", r"C", True,
    "T = 8 years, option C",
    r"""<think>
A planet orbits the Sun at an average distance of 4 AU. What is its orbital period?

(A) 2 years
(B) 4 years
(C) 8 years
(D) 16 years

Kepler's third law (solar system units): T² = a³, T in years, a in AU.

a = 4 → a³ = 64 → T = √64 = 8 years.

Check with Earth: a = 1, T = 1 ✓. Mars: a ≈ 1.52, a³ ≈ 3.51, T ≈ 1.87 yr ✓ (real: 1.88).

Distractors: 4 yr (T ∝ a), 16 yr (T ∝ a²), 2 yr (T ∝ √a).

Hmm, the answer 8 = 4^{3/2}. Yes, T ∝ a^{3/2}.

Let me also make sure the mass of the planet doesn't matter: T² = 4π²a³/(G(M + m)) ≈ 4π²a³/(GM) since m ≪ M. Fine.

So C.

Check with Jupiter: a ≈ 5.2 AU, a^3 ≈ 140.6, T ≈ 11.86 yr — matches the real 11.86 yr ✓. So the formula works; for a = 4, T = 8.

Reverse check: if T = 8 years, a = T^{2/3} = 8^{2/3} = 4 AU ✓.

Also, Kepler's third law in this form is independent of the planet's mass (as long as it's small compared to the Sun), so no other data is needed.
</think>

**Kepler's third law.** For bodies orbiting the Sun, with the period \(T\) in years and semi-major axis \(a\) in astronomical units,

\[
T^2 = a^3.
\]

(This is the Newtonian result \(T^2 = \tfrac{4\pi^2}{GM_\odot}a^3\), normalized so that Earth has \(T = 1\) yr at \(a = 1\) AU.)

**Apply with \(a = 4\) AU:**

\[
T^2 = 4^3 = 64 \;\Longrightarrow\; T = 8\ \text{years}.
\]

**Sanity check with Mars:** \(a \approx 1.52\) AU gives \(T \approx 1.52^{3/2} \approx 1.87\) yr, close to the observed 1.88 yr.

**Distractors and the scaling laws they assume:**
- (A) 2 yr: \(T \propto a^{1/2}\)
- (B) 4 yr: \(T \propto a\)
- (D) 16 yr: \(T \propto a^{2}\)

Only \(T \propto a^{3/2}\) is correct.

**Answer: C**""")

add("mc_long", r"B", False,
    "computes the complement 0.482 and picks A instead of B",
    r"""<think>
A fair die is rolled 4 times. What is the probability of getting at least one six?

(A) 0.482
(B) 0.518
(C) 0.667
(D) 0.333

P(no six in one roll) = 5/6. Four independent rolls: (5/6)^4 = 625/1296.

625/1296 ≈ 0.4823.

So the probability is about 0.482 → A.

Let me double-check (5/6)^4: 5/6 ≈ 0.8333. Squared ≈ 0.6944. Squared again ≈ 0.4823. ✓

(C) 0.667 = 4 × 1/6 — the naive "add the probabilities" mistake. (D) 1/3 — no obvious source. (B) 0.518 is 1 − 0.482.

This is de Méré's famous problem — he bet on at least one six in four rolls. The probability we computed is 0.482.

Hmm, I recall that de Méré won money on this bet, which would need the probability to be above 1/2... but my number 0.482 is below 1/2. Maybe he won on the other game (24 rolls of two dice) and lost on this one. I'll trust the computation: 0.482.

Arithmetic check of 625/1296: 1296 × 0.48 = 622.08; 1296 × 0.4823 = 625.06. So 625/1296 ≈ 0.4823 ✓. Going with 0.482.
</think>

**Probability of no six in a single roll:** \( \tfrac56 \).

**Four independent rolls:**

\[
\left(\frac56\right)^4 = \frac{625}{1296} \approx 0.482.
\]

**Checking the arithmetic:**
- \( (5/6)^2 = 25/36 \approx 0.6944 \)
- \( (25/36)^2 = 625/1296 \approx 0.4823 \)

**Comparing with the options:**

| Option | Value | Source |
|---|---|---|
| (A) | 0.482 | \( (5/6)^4 \) |
| (B) | 0.518 | \( 1 - (5/6)^4 \) |
| (C) | 0.667 | \( 4 \times \tfrac16 \) (invalid addition of probabilities) |
| (D) | 0.333 | no standard derivation |

This is the historical Chevalier de Méré problem. Our computed probability matches option (A).

**Answer: (A)**""")

add("mc_long", r"B", True,
    "v = Vmax/2 at [S] = Km, option B; every other letter explained in final paragraph",
    r"""<think>
Michaelis–Menten kinetics: an enzyme-catalyzed reaction has substrate concentration equal to K_m. What is the initial rate?

(A) V_max/4
(B) V_max/2
(C) V_max
(D) 2V_max

v = V_max [S]/(K_m + [S]). With [S] = K_m: v = V_max K_m/(2K_m) = V_max/2.

That's basically the definition of K_m: the substrate concentration at which the rate is half-maximal. So B.

Check other options: v = V_max/4 → [S]/(K_m + [S]) = 1/4 → 4[S] = K_m + [S] → [S] = K_m/3. v = V_max requires [S] → ∞ (saturation, approached but never reached). 2V_max impossible since v < V_max always.

So B.

Lineweaver–Burk check: 1/v = (K_m/V_max)(1/[S]) + 1/V_max. At [S] = K_m: 1/v = 1/V_max + 1/V_max = 2/V_max → v = V_max/2 ✓.

No cooperativity or inhibitors are mentioned, so plain Michaelis–Menten applies.
</think>

## Michaelis–Menten equation

\[
v_0 = \frac{V_{\max}[S]}{K_m + [S]}.
\]

## Substituting \([S] = K_m\)

\[
v_0 = \frac{V_{\max}K_m}{K_m + K_m} = \frac{V_{\max}K_m}{2K_m} = \frac{V_{\max}}{2}.
\]

This is, in fact, the operational definition of \(K_m\): the substrate concentration at which the reaction proceeds at half its maximal rate.

## Why the other options fail

- **(A) \(V_{\max}/4\):** setting \(\tfrac{[S]}{K_m + [S]} = \tfrac14\) gives \([S] = K_m/3\), not \(K_m\).
- **(C) \(V_{\max}\):** only approached asymptotically as \([S] \to \infty\) (saturation).
- **(D) \(2V_{\max}\):** impossible, since \(\tfrac{[S]}{K_m + [S]} < 1\) for every finite \([S]\).

So although A, C, and D each describe a meaningful regime of the curve (low substrate, saturation, and an impossible value, respectively), the rate at \([S] = K_m\) is exactly half of \(V_{\max}\).

**Answer: B**""")



def check(rows):
    """Basic integrity checks; raises AssertionError on problems."""
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for r in rows:
        assert r["gold"].strip(), r["id"]
        assert r["completion"].strip(), r["id"]
        assert r["reason"] and "\n" not in r["reason"], r["id"]


def main():
    check(ROWS)
    out = sys.stdout
    for r in ROWS:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
