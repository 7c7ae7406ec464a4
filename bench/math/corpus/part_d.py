#!/usr/bin/env python3
"""Held-out evaluation set (part D) for the math answer grader.

Every row is hand-written: a gold answer as a dataset would store it, a
model-style completion, and the label a careful human grader would give
(true iff the completion's FINAL answer equals the gold mathematically).

Usage:  python3 part_d.py > part_d.jsonl
Standard library only.
"""
import json
import sys

ROWS = []


def R(shape, gold, label, reason, completion):
    """Register one row. The completion is stored with outer blank lines trimmed."""
    ROWS.append(
        {
            "shape": shape,
            "gold": gold,
            "completion": completion.strip("\n"),
            "label": label,
            "reason": reason,
        }
    )


# ---------------------------------------------------------------------------
# r1: DeepSeek-R1 style, <think> ... </think> then a summary
# ---------------------------------------------------------------------------

R("r1", r"\frac{14}{3}", True, "dfrac form of the same fraction in the summary box",
r"""<think>
Okay, so I need to solve 3(x − 2) + 1 = 9 for x. Let me expand the left side first. 3 times (x − 2) is 3x − 6, and then adding 1 gives 3x − 5. So the equation is 3x − 5 = 9.

Adding 5 to both sides: 3x = 14. Dividing by 3: x = 14/3.

Hmm, let me double-check by plugging back in. 14/3 − 2 = 14/3 − 6/3 = 8/3. Times 3 is 8. Plus 1 is 9. Yes, that matches the right side.

Is there any chance they want a mixed number? 14/3 = 4 2/3. I think an improper fraction is the standard form. So x = 14/3.
</think>

To solve $3(x-2)+1=9$:

1. Expand: $3x - 6 + 1 = 9$, so $3x - 5 = 9$.
2. Add 5 to both sides: $3x = 14$.
3. Divide by 3: $x = \dfrac{14}{3}$.

**Check:** $3\left(\tfrac{14}{3}-2\right)+1 = 3\cdot\tfrac{8}{3}+1 = 9$. ✓

$$\boxed{\dfrac{14}{3}}$$
""")

R("r1", r"2\sqrt{5}", True, "unsimplified sqrt(20) equals 2 sqrt(5)",
r"""<think>
The distance formula: d = sqrt((x2 − x1)^2 + (y2 − y1)^2). The points are (1, 2) and (5, 4). Differences: 5 − 1 = 4, and 4 − 2 = 2. Squares: 16 and 4, sum 20. So d = sqrt(20).

Wait, should I simplify? sqrt(20) = sqrt(4·5) = 2 sqrt(5). Either is correct, they're the same number, about 4.47. Let me just make sure I didn't mix up coordinates — going from (1,2) to (5,4), the horizontal change is 4 and the vertical change is 2. Fine.
</think>

Using the distance formula,

$$d=\sqrt{(5-1)^2+(4-2)^2}=\sqrt{16+4}.$$

So the distance between the two points is $\boxed{\sqrt{20}}$.
""")

R("r1", r"12", False, "answer 12 reached only inside <think>; the visible summary stops before any answer",
r"""<think>
Let the three consecutive even integers be n − 2, n, and n + 2. Their sum is 3n = 30, so n = 10. The integers are 8, 10, 12. The largest one is 12.

Let me verify: 8 + 10 + 12 = 30. Yes. And they're consecutive even integers, each differing by 2. So the answer is 12.

Actually, let me just be careful about the wording: "the largest of the three". Yes, 12, not the middle one.
</think>

**Solution.** Let the three consecutive even integers be $n-2$, $n$, and $n+2$. Adding them,
""")

R("r1", r"1260", False, "think finds gcd 12 and lcm 1260 but the summary boxes the gcd",
r"""<think>
We need the least common multiple of 84 and 180.

Prime factorizations:
84 = 2 · 42 = 2 · 2 · 21 = 2^2 · 3 · 7.
180 = 2 · 90 = 2 · 2 · 45 = 2^2 · 3^2 · 5.

GCD takes the minimum exponents: 2^2 · 3 = 12.
LCM takes the maximum exponents: 2^2 · 3^2 · 5 · 7 = 4 · 9 · 35 = 36 · 35 = 1260.

Check with the identity gcd · lcm = product: 12 · 1260 = 15120, and 84 · 180 = 15120. Good.

Let me also sanity check the GCD with the Euclidean algorithm: 180 = 2·84 + 12, 84 = 7·12 + 0. So gcd = 12. Consistent.
</think>

We factor both numbers:

- $84 = 2^2 \cdot 3 \cdot 7$
- $180 = 2^2 \cdot 3^2 \cdot 5$

The shared prime powers are $2^2$ and $3$, and the Euclidean algorithm confirms this: $180 = 2\cdot 84 + 12$ and $84 = 7 \cdot 12$.

Therefore the answer is $\boxed{12}$.
""")

R("r1", r"18", True, "self-corrects the divisor-count formula inside think; summary boxes 18",
r"""<think>
I need the number of positive divisors of 180.

First factor: 180 = 18 · 10 = 2 · 9 · 2 · 5 = 2^2 · 3^2 · 5^1.

Number of divisors is the product of the exponents... so 2 · 2 · 1 = 4? That seems way too small, 180 obviously has more than 4 divisors (1, 2, 3, 4, 5, ... already five). Oh right, I forgot — it's the product of (exponent + 1), because for each prime p^a you can choose the exponent 0, 1, ..., a, which is a + 1 choices.

So (2+1)(2+1)(1+1) = 3 · 3 · 2 = 18.

Let me list them to be sure:
1, 2, 3, 4, 5, 6, 9, 10, 12, 15, 18, 20, 30, 36, 45, 60, 90, 180.

Counting: 1, 2, 3, 4, 5, 6, 9, 10, 12, 15 — that's 10. Then 18, 20, 30, 36, 45, 60, 90, 180 — that's 8 more. Total 18. 

Pairing check: 1·180, 2·90, 3·60, 4·45, 5·36, 6·30, 9·20, 10·18, 12·15 — nine pairs, 18 divisors, and 180 is not a perfect square so no unpaired divisor. Good.
</think>

**Step 1 — Prime factorization.** $180 = 2^2 \cdot 3^2 \cdot 5$.

**Step 2 — Divisor-counting formula.** If $n = p_1^{a_1}\cdots p_k^{a_k}$, then $n$ has $(a_1+1)\cdots(a_k+1)$ positive divisors.

$$d(180) = (2+1)(2+1)(1+1) = 18.$$

**Step 3 — Check.** The divisors pair up as $1\cdot180,\ 2\cdot90,\ 3\cdot60,\ 4\cdot45,\ 5\cdot36,\ 6\cdot30,\ 9\cdot20,\ 10\cdot18,\ 12\cdot15$: nine pairs.

$$\boxed{18}$$
""")

R("r1", r"\frac{\pi}{4}", False, "truncated inside <think> before any value is stated",
r"""<think>
We want ∫ from 0 to 1 of 1/(1 + x^2) dx.

Hmm, the integrand 1/(1+x^2) is the derivative of arctan x. Let me double check: d/dx arctan x = 1/(1 + x^2). Yes, that's standard — if y = arctan x then x = tan y, dx/dy = sec^2 y = 1 + tan^2 y = 1 + x^2, so dy/dx = 1/(1+x^2).

So the integral is arctan(1) − arctan(0).

Alternatively I could do a trig substitution x = tan θ, dx = sec^2 θ dθ, and the integrand becomes sec^2 θ / (1 + tan^2 θ) = 1, so the integral is just the length of the θ-interval. When x = 0, θ = 0. When x = 1, θ is the angle whose tangent is 1, which is
""")

R("r1", r"(-\infty,-2)\cup(3,\infty)", True, "'x<-2 or x>3' is the same set as the gold union of open rays",
r"""<think>
Solve x^2 − x − 6 > 0.

Factor: x^2 − x − 6 = (x − 3)(x + 2). Check: x·x = x^2, x·2 − 3x = −x, −3·2 = −6. Yes.

Roots at x = 3 and x = −2. The parabola opens upward, so it's positive outside the roots: x < −2 or x > 3. Strict inequality, so the endpoints are excluded (at x = −2 and x = 3 the expression equals 0, which is not > 0).

Test points: x = −3: 9 + 3 − 6 = 6 > 0 ✓. x = 0: −6 < 0 ✗. x = 4: 16 − 4 − 6 = 6 > 0 ✓.

So the solution set is x < −2 or x > 3.
</think>

Factor the quadratic: $x^2 - x - 6 = (x-3)(x+2)$.

The product of the two factors is positive when both have the same sign:

| Interval | $x+2$ | $x-3$ | Product |
|---|---|---|---|
| $x<-2$ | $-$ | $-$ | $+$ |
| $-2<x<3$ | $+$ | $-$ | $-$ |
| $x>3$ | $+$ | $+$ | $+$ |

Since the inequality is strict, the roots themselves are excluded.

$$\boxed{x<-2 \text{ or } x>3}$$
""")

R("r1", r"(-\infty,-2)\cup(3,\infty)", False, "includes the endpoints -2 and 3 although the inequality is strict",
r"""<think>
We need all x with x^2 − x − 6 > 0. Factor as (x − 3)(x + 2). Critical points −2 and 3.

Upward parabola, so the expression is nonnegative outside the interval between the roots. At the roots it's zero. So the solution should be x ≤ −2 or x ≥ 3.

Hmm, in interval notation that's (−∞, −2] ∪ [3, ∞). Let me test x = 5: 25 − 5 − 6 = 14, positive, included. x = 1: 1 − 1 − 6 = −6, excluded. Good.
</think>

We factor $x^2 - x - 6 = (x-3)(x+2)$, whose zeros are $x=-2$ and $x=3$. Because the leading coefficient is positive, the quadratic is nonnegative outside the interval between its roots.

Testing a point in each region ($x=-3$ gives $6$, $x=0$ gives $-6$, $x=4$ gives $6$) confirms the sign pattern $+,-,+$.

**Answer:** $\boxed{(-\infty,-2]\cup[3,\infty)}$
""")

R("r1", r"\frac{\sqrt{3}}{2}", True, "(1/2)sqrt3 is the same number as sqrt3/2",
r"""<think>
sin 120°. 120° is in the second quadrant, where sine is positive. The reference angle is 180° − 120° = 60°. So sin 120° = sin 60° = √3/2.

Let me double-check with the unit circle: the point at 120° is (cos 120°, sin 120°) = (−1/2, √3/2). Yes, the y-coordinate is √3/2 ≈ 0.866.

Another check: sin 120° = sin(90° + 30°) = cos 30° = √3/2. Consistent.
</think>

Since $120^\circ$ lies in Quadrant II, where sine is positive, we use the reference angle $180^\circ - 120^\circ = 60^\circ$:

$$\sin 120^\circ = \sin 60^\circ = \boxed{\tfrac{1}{2}\sqrt{3}}$$
""")

R("r1", r"4", False, "asked for the positive k but the final box hedges with ±4",
r"""<think>
For x^2 + kx + 4 = 0 to have exactly one real solution, the discriminant must be zero: k^2 − 4·1·4 = 0, so k^2 = 16, k = 4 or k = −4.

The problem says "the positive value of k". So k = 4. With k = 4: x^2 + 4x + 4 = (x + 2)^2, double root at x = −2. With k = −4: (x − 2)^2, double root at 2. Both give exactly one solution, but only 4 is positive.
</think>

A quadratic $ax^2+bx+c$ has exactly one real root when its discriminant vanishes:

$$k^2 - 4(1)(4) = 0 \quad\Longrightarrow\quad k^2 = 16.$$

Indeed, for these values the quadratic becomes a perfect square, $(x\pm 2)^2$.

$$\boxed{k=\pm 4}$$
""")

R("r1", r"3\pi", True, "area 3π with 'square units' appended",
r"""<think>
The circle is x^2 + y^2 − 4x + 2y + 2 = 0. Complete the square.

x^2 − 4x = (x − 2)^2 − 4.
y^2 + 2y = (y + 1)^2 − 1.

So (x − 2)^2 − 4 + (y + 1)^2 − 1 + 2 = 0 → (x − 2)^2 + (y + 1)^2 = 3.

Center (2, −1), radius √3. Area = π r^2 = 3π.

Wait — make sure the right side is positive: 4 + 1 − 2 = 3 > 0, so it's a real circle. Good. The area is 3π.
</think>

Completing the square in both variables:

$$(x^2-4x+4) + (y^2+2y+1) = -2 + 4 + 1 \;\Longrightarrow\; (x-2)^2+(y+1)^2 = 3.$$

The circle has center $(2,-1)$ and radius $r=\sqrt3$, so its area is $\pi r^2 = 3\pi$ square units.

$$\boxed{3\pi}$$
""")

R("r1", r"\frac{3}{8}", False, "misses the arrangement THTH and ends with 5/16",
r"""<think>
Four fair coin tosses, probability of exactly two heads. Total outcomes 2^4 = 16.

Let me list the outcomes with exactly two heads:
HHTT
HTHT
HTTH
THHT
TTHH

Hmm, that's 5. Let me see if I missed any... positions of the two H's: (1,2), (1,3), (1,4), (2,3), (3,4). I think that's it.

So the probability is 5/16.
</think>

There are $2^4 = 16$ equally likely sequences of four tosses. Listing those with exactly two heads:

$$\text{HHTT},\ \text{HTHT},\ \text{HTTH},\ \text{THHT},\ \text{TTHH}$$

That gives 5 favorable outcomes, so

$$P(\text{exactly two heads}) = \boxed{\dfrac{5}{16}}$$
""")

R("r1", r"2x^2-7x+3", True, "same polynomial written in ascending order",
r"""<think>
Expand (2x − 1)(x − 3).

FOIL: First: 2x · x = 2x^2. Outer: 2x · (−3) = −6x. Inner: −1 · x = −x. Last: (−1)(−3) = 3.

Sum: 2x^2 − 6x − x + 3 = 2x^2 − 7x + 3.

Check at x = 1: (2 − 1)(1 − 3) = 1 · (−2) = −2. And 2 − 7 + 3 = −2. ✓
Check at x = 0: (−1)(−3) = 3, and the constant term is 3. ✓
</think>

Multiplying term by term:

$$(2x-1)(x-3) = 2x^2 - 6x - x + 3.$$

Collecting the like terms $-6x - x = -7x$, the expanded product is

$$\boxed{3 - 7x + 2x^2}$$
""")

# ---------------------------------------------------------------------------
# qwen_math: Qwen2.5-Math style, step headers and \boxed
# ---------------------------------------------------------------------------

R("qwen_math", r"10", True, "C(5,2)=10 boxed",
r"""To determine how many ways a 2-person committee can be chosen from 5 people, we need to count unordered selections, because the committee $\{A, B\}$ is the same as $\{B, A\}$.

### Step 1: Identify the formula
The number of ways to choose $k$ objects from $n$ without regard to order is
\[
\binom{n}{k} = \frac{n!}{k!\,(n-k)!}.
\]

### Step 2: Substitute $n = 5$ and $k = 2$
\[
\binom{5}{2} = \frac{5!}{2!\,3!} = \frac{5 \times 4}{2 \times 1} = \frac{20}{2} = 10.
\]

### Step 3: Verify by listing
Label the people $A, B, C, D, E$. The pairs are $AB, AC, AD, AE, BC, BD, BE, CD, CE, DE$, which is 10 pairs.

Therefore, the number of ways to choose the committee is \(\boxed{10}\).
""")

R("qwen_math", r"\frac{1}{6}", True, "unreduced 6/36 equals 1/6",
r"""To find the probability that the sum of two fair six-sided dice is 7, we count favorable outcomes and divide by the total number of outcomes.

### Step 1: Total outcomes
Each die has 6 faces, so there are
\[
6 \times 6 = 36
\]
equally likely ordered outcomes.

### Step 2: Favorable outcomes
The ordered pairs $(a, b)$ with $a + b = 7$ are:
\[
(1,6),\ (2,5),\ (3,4),\ (4,3),\ (5,2),\ (6,1).
\]
There are 6 such pairs.

### Step 3: Compute the probability
\[
P(\text{sum} = 7) = \frac{\text{favorable}}{\text{total}} = \frac{6}{36}.
\]

Thus, the probability is \(\boxed{\frac{6}{36}}\).
""")

R("qwen_math", r"-\frac{1}{2}", False, "mixes the order of coordinates in the slope and gets +1/2",
r"""To find the slope of the line passing through the points $(2, 3)$ and $(6, 1)$, we use the slope formula.

### Step 1: Recall the slope formula
\[
m = \frac{y_2 - y_1}{x_2 - x_1}
\]

### Step 2: Assign the coordinates
Let $(x_1, y_1) = (2, 3)$ and $(x_2, y_2) = (6, 1)$.

### Step 3: Substitute
\[
m = \frac{1 - 3}{2 - 6} = \frac{-2}{-4}
\]

### Step 4: Simplify
\[
m = \frac{-2}{-4} = \frac{1}{2}
\]

Therefore, the slope of the line is \(\boxed{\frac{1}{2}}\).
""")

R("qwen_math", r"1, 2, 3", True, "same three roots listed in a different order",
r"""To find all roots of the polynomial $p(x) = x^3 - 6x^2 + 11x - 6$, we use the Rational Root Theorem followed by polynomial division.

### Step 1: Rational Root Theorem
Any rational root must divide the constant term $-6$, so the candidates are $\pm 1, \pm 2, \pm 3, \pm 6$.

### Step 2: Test $x = 1$
\[
p(1) = 1 - 6 + 11 - 6 = 0.
\]
So $x = 1$ is a root and $(x - 1)$ is a factor.

### Step 3: Synthetic division by $(x - 1)$
\[
\begin{array}{r|rrrr}
1 & 1 & -6 & 11 & -6 \\
  &   & 1 & -5 & 6 \\ \hline
  & 1 & -5 & 6 & 0
\end{array}
\]
The quotient is $x^2 - 5x + 6$.

### Step 4: Factor the quadratic
\[
x^2 - 5x + 6 = (x - 2)(x - 3).
\]

### Step 5: Collect the roots
\[
p(x) = (x-1)(x-2)(x-3),
\]
so the roots are $3$, $2$, and $1$. As a check, their sum is $6$ and their product is $6$, matching Vieta's formulas.

The roots are \(\boxed{3, 2, 1}\).
""")

R("qwen_math", r"-2, 0, 2", False, "divides by x and loses the root x=0",
r"""To solve the equation $x^3 = 4x$, we simplify and factor.

### Step 1: Divide both sides by $x$
\[
\frac{x^3}{x} = \frac{4x}{x} \quad\Longrightarrow\quad x^2 = 4.
\]

### Step 2: Take square roots
\[
x = \pm\sqrt{4} = \pm 2.
\]

### Step 3: Check the solutions
For $x = 2$: $2^3 = 8$ and $4 \cdot 2 = 8$. ✓
For $x = -2$: $(-2)^3 = -8$ and $4 \cdot (-2) = -8$. ✓

Both values satisfy the original equation.

Therefore, the solutions are \(\boxed{-2, 2}\).
""")

R("qwen_math", r"(2,-1)", True, "x = 2, y = -1 is the same ordered pair",
r"""To solve the system
\[
\begin{cases}
2x + y = 3 \\
x - y = 3
\end{cases}
\]
we use the elimination method.

### Step 1: Add the two equations
Adding eliminates $y$:
\[
(2x + y) + (x - y) = 3 + 3 \quad\Longrightarrow\quad 3x = 6 \quad\Longrightarrow\quad x = 2.
\]

### Step 2: Substitute back
Using the second equation:
\[
2 - y = 3 \quad\Longrightarrow\quad y = -1.
\]

### Step 3: Verify
First equation: $2(2) + (-1) = 4 - 1 = 3$. ✓
Second equation: $2 - (-1) = 3$. ✓

The solution of the system is \(\boxed{x = 2,\ y = -1}\).
""")

R("qwen_math", r"(2,-1)", False, "ordered pair written as (y, x) = (-1, 2)",
r"""To find the point where the lines $2x + y = 3$ and $x - y = 3$ intersect, we solve them simultaneously.

### Step 1: Express $x$ from the second equation
\[
x = y + 3.
\]

### Step 2: Substitute into the first equation
\[
2(y + 3) + y = 3 \quad\Longrightarrow\quad 3y + 6 = 3 \quad\Longrightarrow\quad y = -1.
\]

### Step 3: Back-substitute
\[
x = -1 + 3 = 2.
\]

### Step 4: Write the intersection point
Listing the values in the order we found them, the intersection point is $(-1, 2)$.

Therefore, the lines intersect at \(\boxed{(-1, 2)}\).
""")

R("qwen_math", r"6\sqrt{2}", True, "sqrt(72) = 6 sqrt(2)",
r"""To find the length of the diagonal of a square with side length $6$, we apply the Pythagorean theorem to the right triangle formed by two adjacent sides and the diagonal.

### Step 1: Set up the equation
Let $d$ be the diagonal. The two legs are both $6$:
\[
d^2 = 6^2 + 6^2.
\]

### Step 2: Compute
\[
d^2 = 36 + 36 = 72.
\]

### Step 3: Take the positive square root
Since a length is positive,
\[
d = \sqrt{72}.
\]

Therefore, the length of the diagonal is \(\boxed{\sqrt{72}}\).
""")

R("qwen_math", r"\frac{5}{3}", True, "mixed number 1 2/3 equals 5/3",
r"""To solve the equation $3x - 2 = 3$, we isolate $x$.

### Step 1: Add 2 to both sides
\[
3x - 2 + 2 = 3 + 2 \quad\Longrightarrow\quad 3x = 5.
\]

### Step 2: Divide both sides by 3
\[
x = \frac{5}{3}.
\]

### Step 3: Convert to a mixed number
Since $5 = 1 \cdot 3 + 2$, we have
\[
\frac{5}{3} = 1\frac{2}{3}.
\]

### Step 4: Check
\[
3 \cdot \frac{5}{3} - 2 = 5 - 2 = 3. \checkmark
\]

Therefore, the solution is \(\boxed{1\frac{2}{3}}\).
""")

R("qwen_math", r"\frac{2}{3}", False, "0.67 is a two-decimal rounding, not the exact 2/3",
r"""To find the probability of drawing a red marble from a bag containing 4 red marbles and 2 blue marbles, we divide the number of favorable outcomes by the total number of outcomes.

### Step 1: Count the total number of marbles
\[
4 + 2 = 6.
\]

### Step 2: Count the favorable outcomes
There are 4 red marbles.

### Step 3: Compute the probability
\[
P(\text{red}) = \frac{4}{6}.
\]

### Step 4: Convert to decimal form
\[
\frac{4}{6} \approx 0.67.
\]

Therefore, the probability of drawing a red marble is \(\boxed{0.67}\).
""")

R("qwen_math", r"\frac{2}{3}", True, "0.666666667 agrees with 2/3 to 9 decimals",
r"""To find the sum of the infinite geometric series
\[
\frac{1}{2} + \frac{1}{8} + \frac{1}{32} + \frac{1}{128} + \cdots,
\]
we identify the first term and the common ratio.

### Step 1: Identify $a$ and $r$
The first term is $a = \frac{1}{2}$. Each term is $\frac{1}{4}$ of the previous one, since $\frac{1/8}{1/2} = \frac{1}{4}$. So $r = \frac{1}{4}$.

### Step 2: Check convergence
Since $|r| = \frac{1}{4} < 1$, the series converges.

### Step 3: Apply the formula
\[
S = \frac{a}{1 - r} = \frac{\frac{1}{2}}{1 - \frac{1}{4}} = \frac{\frac{1}{2}}{\frac{3}{4}}.
\]

### Step 4: Evaluate numerically
Let's compute this with Python to be sure.

```python
a, r = 0.5, 0.25
print(a / (1 - r))
```
```output
0.6666666666666666
```

Rounding to nine decimal places, the sum of the series is \(\boxed{0.666666667}\).
""")

R("qwen_math", r"2", False, "two conflicting boxed values offered as alternatives",
r"""To find the remainder when $2^{10}$ is divided by $7$, we look for a pattern in the powers of 2 modulo 7.

### Step 1: Compute small powers
\[
2^1 \equiv 2,\quad 2^2 \equiv 4,\quad 2^3 = 8 \equiv 1 \pmod 7.
\]
The powers cycle with period 3.

### Step 2: Reduce the exponent
\[
10 = 3 \cdot 3 + 1 \quad\Longrightarrow\quad 2^{10} = (2^3)^3 \cdot 2^1 \equiv 1^3 \cdot 2 = 2 \pmod 7.
\]

### Step 3: Direct computation
Alternatively, $2^{10} = 1024$. Dividing, $7 \times 146 = 1022$, hmm, or $7 \times 145 = 1015$, giving $1024 - 1015 = 9$, and $9 - 7 = 2$... but $1024 = 7 \cdot 146 + 4$ if we take $7 \cdot 146 = 1020$.

### Step 4: Conclusion
The two approaches give slightly different remainders.

The remainder is \(\boxed{2}\) or \(\boxed{4}\).
""")

R("qwen_math", r"120^\circ", True, "120 without the degree sign",
r"""To find the measure of each interior angle of a regular hexagon, we first find the sum of the interior angles and then divide by the number of angles.

### Step 1: Sum of interior angles
For a polygon with $n$ sides, the interior angles sum to
\[
(n - 2) \times 180^\circ.
\]
For a hexagon, $n = 6$:
\[
(6 - 2) \times 180^\circ = 4 \times 180^\circ = 720^\circ.
\]

### Step 2: Divide equally
A regular hexagon has 6 equal interior angles, so each one measures
\[
\frac{720^\circ}{6} = 120^\circ.
\]

### Step 3: Cross-check with exterior angles
Each exterior angle is $\frac{360^\circ}{6} = 60^\circ$, and $180^\circ - 60^\circ = 120^\circ$. ✓

Therefore, each interior angle measures \(\boxed{120}\).
""")

# ---------------------------------------------------------------------------
# llama31: "## Step N:" then "The final answer is: $\boxed{...}$"
# ---------------------------------------------------------------------------

R("llama31", r"25", True, "7-24-25 hypotenuse",
r"""## Step 1: Identify the given information
We are given a right triangle with legs of length 7 and 24, and we need to find the length of the hypotenuse.

## Step 2: Apply the Pythagorean theorem
The Pythagorean theorem states that $c^2 = a^2 + b^2$, where $c$ is the hypotenuse. Substituting, $c^2 = 7^2 + 24^2$.

## Step 3: Calculate the squares
$7^2 = 49$ and $24^2 = 576$, so $c^2 = 49 + 576 = 625$.

## Step 4: Take the square root
$c = \sqrt{625} = 25$.

The final answer is: $\boxed{25}$
""")

R("llama31", r"25", False, "off-by-one in the nth-term formula gives 27",
r"""## Step 1: Identify the first term and common difference
The arithmetic sequence is 7, 9, 11, ... The first term is $a_1 = 7$ and the common difference is $d = 9 - 7 = 2$.

## Step 2: Write the formula for the nth term
The nth term of an arithmetic sequence can be written as $a_n = a_1 + nd$.

## Step 3: Substitute n = 10
$a_{10} = 7 + 10 \cdot 2 = 7 + 20$.

## Step 4: Simplify
$a_{10} = 27$.

The final answer is: $\boxed{27}$
""")

R("llama31", r"\$18.50", True, "18.5 dollars equals $18.50",
r"""## Step 1: Calculate the cost of the notebooks
Each notebook costs $4.50, and Maya buys 3 notebooks. So the cost of the notebooks is $3 \times 4.50 = 13.50$ dollars.

## Step 2: Add the cost of the pen
The pen costs $5. Adding this to the notebooks gives $13.50 + 5 = 18.50$ dollars.

## Step 3: State the total
Maya spends a total of 18.5 dollars.

The final answer is: $\boxed{18.5}$
""")

R("llama31", r"3x^2-4x+5", True, "correct derivative, spacing differs",
r"""## Step 1: Recall the power rule
To differentiate $f(x) = x^3 - 2x^2 + 5x - 7$, we use the power rule: $\frac{d}{dx}x^n = nx^{n-1}$, together with linearity of the derivative.

## Step 2: Differentiate each term
- $\frac{d}{dx}x^3 = 3x^2$
- $\frac{d}{dx}(-2x^2) = -4x$
- $\frac{d}{dx}(5x) = 5$
- $\frac{d}{dx}(-7) = 0$

## Step 3: Combine the results
$f'(x) = 3x^2 - 4x + 5 + 0 = 3x^2 - 4x + 5$.

The final answer is: $\boxed{3x^2 - 4x + 5}$
""")

R("llama31", r"3x^2-4x+5", False, "forgets to multiply by the exponent on -2x^2 and gets -2x",
r"""## Step 1: Identify the function
We need to find the derivative of $f(x) = x^3 - 2x^2 + 5x - 7$.

## Step 2: Apply the power rule to each term
The derivative of $x^3$ is $3x^2$.
The derivative of $-2x^2$ is $-2x$.
The derivative of $5x$ is $5$.
The derivative of the constant $-7$ is $0$.

## Step 3: Combine the derivatives
Putting everything together, $f'(x) = 3x^2 - 2x + 5$.

The final answer is: $\boxed{3x^2 - 2x + 5}$
""")

R("llama31", r"y = 2x + 3", True, "general form 2x - y + 3 = 0 is the same line",
r"""## Step 1: Recall the point-slope form
The equation of a line with slope $m$ through the point $(x_1, y_1)$ is $y - y_1 = m(x - x_1)$.

## Step 2: Substitute the slope and the point
With $m = 2$ and the point $(1, 5)$, we get $y - 5 = 2(x - 1)$.

## Step 3: Simplify
$y - 5 = 2x - 2$, so $y = 2x + 3$.

## Step 4: Write the equation in general form
Moving all terms to one side: $2x - y + 3 = 0$.

## Step 5: Verify the point lies on the line
$2(1) - 5 + 3 = 0$. ✓

The final answer is: $\boxed{2x - y + 3 = 0}$
""")

R("llama31", r"y = 2x + 3", False, "sign slip moving the 5 gives intercept -7",
r"""## Step 1: Find the slope
The line passes through $(1, 5)$ and $(3, 9)$. The slope is $m = \frac{9 - 5}{3 - 1} = \frac{4}{2} = 2$.

## Step 2: Use point-slope form
Using the point $(1, 5)$: $y - 5 = 2(x - 1)$.

## Step 3: Distribute
$y - 5 = 2x - 2$.

## Step 4: Solve for y
Moving the 5 to the right side, $y = 2x - 2 - 5$, which gives $y = 2x - 7$.

The final answer is: $\boxed{y = 2x - 7}$
""")

R("llama31", r"5", True, "log base 2 of 32",
r"""## Step 1: Understand what the logarithm asks
$\log_2 32$ asks: to what power must 2 be raised to get 32?

## Step 2: Write 32 as a power of 2
$2^1 = 2$, $2^2 = 4$, $2^3 = 8$, $2^4 = 16$, $2^5 = 32$. So $32 = 2^5$.

## Step 3: Apply the definition of the logarithm
Since $2^5 = 32$, we have $\log_2 32 = 5$.

## Step 4: Double-check using change of base
$\log_2 32 = \frac{\ln 32}{\ln 2} = \frac{5 \ln 2}{\ln 2} = 5$.

The final answer is: $\boxed{5}$
""")

R("llama31", r"\frac{7}{2}", False, "truncated mid-step, no final answer",
r"""## Step 1: Write down the equation
We need to solve the linear equation $2x + 3 = 10$ for $x$.

## Step 2: Subtract 3 from both sides
To isolate the term containing $x$, subtract 3 from both sides of the equation: $2x + 3 - 3 = 10 - 3$, which simplifies to $2x = 7$.

## Step 3: Divide both sides by 2
To solve for $x$, we divide both sides of the equation by the coefficient of $x$, which is 2. Dividing both sides by 2 gives
""")

R("llama31", r"\frac{1}{4}", True, "0.25 equals 1/4",
r"""## Step 1: Determine the probability of heads on one flip
For a fair coin, the probability of heads on a single flip is $\frac{1}{2}$.

## Step 2: Use independence
The two flips are independent, so the probability that both are heads is the product of the individual probabilities.

## Step 3: Multiply
$P(\text{HH}) = \frac{1}{2} \times \frac{1}{2} = \frac{1}{4}$.

## Step 4: Express as a decimal
$\frac{1}{4} = 0.25$.

The final answer is: $\boxed{0.25}$
""")

R("llama31", r"25\%", False, "divides by the new price instead of the original, giving 20%",
r"""## Step 1: Identify the original and new prices
The price of the jacket went from $80 to $100.

## Step 2: Find the amount of the increase
The increase is $100 - 80 = 20$ dollars.

## Step 3: Compute the percent increase
The percent increase is the increase divided by the price, times 100: $\frac{20}{100} \times 100\% = 20\%$.

## Step 4: Interpret the result
So the price of the jacket increased by 20 percent.

The final answer is: $\boxed{20\%}$
""")

R("llama31", r"25\%", True, "25 without the percent sign for a percent question",
r"""## Step 1: Set up the percent equation
We want to know what percent of 80 is 20. Let $p$ be the percent, so $\frac{p}{100} \times 80 = 20$.

## Step 2: Solve for p
Multiply both sides by 100: $80p = 2000$. Divide by 80: $p = 25$.

## Step 3: Check
$25\%$ of 80 is $0.25 \times 80 = 20$. ✓

The final answer is: $\boxed{25}$
""")

R("llama31", r"\sqrt{2}", True, "2^{1/2} is sqrt 2",
r"""## Step 1: Rewrite 8 as a power of 2
We want to evaluate $\frac{8^{1/2}}{2}$. Since $8 = 2^3$, we have $8^{1/2} = (2^3)^{1/2} = 2^{3/2}$.

## Step 2: Rewrite the denominator
The denominator is $2 = 2^1$.

## Step 3: Apply the quotient rule for exponents
$\frac{2^{3/2}}{2^1} = 2^{3/2 - 1} = 2^{1/2}$.

## Step 4: Numerical sanity check
$8^{1/2} \approx 2.828$, and $2.828 / 2 \approx 1.414$, which matches $2^{1/2} \approx 1.414$.

The final answer is: $\boxed{2^{1/2}}$
""")

# ---------------------------------------------------------------------------
# gpt4o: markdown, tables, bold final line
# ---------------------------------------------------------------------------

R("gpt4o", r"42", True, "sum of the first six even numbers, bold final line",
r"""Let's add the first six positive even integers.

### Listing the terms

| $k$ | $2k$ | Running total |
|---|---|---|
| 1 | 2 | 2 |
| 2 | 4 | 6 |
| 3 | 6 | 12 |
| 4 | 8 | 20 |
| 5 | 10 | 30 |
| 6 | 12 | 42 |

### Using a formula

The sum of the first $n$ even numbers is
$$
2 + 4 + \cdots + 2n = 2(1 + 2 + \cdots + n) = n(n+1).
$$
With $n = 6$: $6 \cdot 7 = 42$, which matches the table.

---

**Final answer: 42**
""")

R("gpt4o", r"42", False, "uses 11 increments instead of 10 and gets 45 seats",
r"""We need the number of seats in **row 11** of a theater where row 1 has 12 seats and every row after that has 3 more seats than the row in front of it.

### Setting up

This is an arithmetic sequence with:

- first term $a_1 = 12$
- common difference $d = 3$

### Computing row 11

Each new row adds 3 seats, and we are going to row 11, so we add 3 eleven times:

$$
a_{11} = 12 + 11 \times 3 = 12 + 33 = 45
$$

### Summary

| Quantity | Value |
|---|---|
| Seats in row 1 | 12 |
| Increase per row | 3 |
| Seats in row 11 | 45 |

**Row 11 has 45 seats.**
""")

R("gpt4o", r"[-1, 3]", True, "-1 ≤ x ≤ 3 (unicode signs) is the closed interval [-1,3]",
r"""We solve the inequality

$$
x^2 - 2x - 3 \le 0.
$$

### 1. Factor

$$
x^2 - 2x - 3 = (x - 3)(x + 1)
$$

### 2. Critical points

The expression is zero at $x = -1$ and $x = 3$.

### 3. Sign chart

| Interval | $x+1$ | $x-3$ | $(x-3)(x+1)$ |
|---|---|---|---|
| $x < -1$ | − | − | **+** |
| $-1 < x < 3$ | + | − | **−** |
| $x > 3$ | + | + | **+** |

The product is negative between the roots, and it equals zero at the roots themselves. Because the inequality is "$\le$", the endpoints are included.

### ✅ Final answer

**−1 ≤ x ≤ 3**
""")

R("gpt4o", r"[-1, 3]", False, "open interval drops the endpoints of a non-strict inequality",
r"""We need all real $x$ with

$$
|x - 1| \le 2.
$$

### Step 1: Remove the absolute value

$|x - 1| \le 2$ means the distance from $x$ to $1$ is at most 2:

$$
-2 \le x - 1 \le 2.
$$

### Step 2: Add 1 throughout

$$
-1 \le x \le 3.
$$

### Step 3: Write in interval notation

| Endpoint | Value |
|---|---|
| Left | $-1$ |
| Right | $3$ |

**Answer:** $x \in (-1, 3)$
""")

R("gpt4o", r"\$1,250", True, "$1250.00 equals $1,250",
r"""We're asked for the total amount after investing **\$1,000** at **5% simple interest** per year for **5 years**.

### Simple interest formula

$$
I = P \cdot r \cdot t
$$

| Symbol | Meaning | Value |
|---|---|---|
| $P$ | Principal | \$1,000 |
| $r$ | Annual rate | 0.05 |
| $t$ | Time (years) | 5 |

$$
I = 1000 \times 0.05 \times 5 = 250
$$

### Total amount

$$
A = P + I = 1000 + 250 = 1250
$$

Year by year the balance grows by the same \$50: \$1,050 → \$1,100 → \$1,150 → \$1,200 → \$1,250.

**Final amount: \$1250.00**
""")

R("gpt4o", r"\$1,250", False, "uses compound interest for a simple-interest problem, $1,276.28",
r"""We invest **\$1,000** at **5% interest per year** for **5 years** and want the final balance.

### Growth each year

| Year | Balance at end of year |
|---|---|
| 0 | \$1,000.00 |
| 1 | \$1,050.00 |
| 2 | \$1,102.50 |
| 3 | \$1,157.63 |
| 4 | \$1,215.51 |
| 5 | \$1,276.28 |

### Formula check

$$
A = 1000 \times (1.05)^5 \approx 1000 \times 1.2762816 = 1276.28
$$

So the interest earned is about \$276.28.

**Answer:** \$1,276.28
""")

R("gpt4o", r"\frac{7}{12}", True, "tfrac 7/12 equals the gold",
r"""To add $\frac{1}{3} + \frac{1}{4}$ we need a common denominator.

### Least common denominator

The LCD of 3 and 4 is **12**.

| Fraction | Multiply by | Equivalent |
|---|---|---|
| $\frac{1}{3}$ | $\frac{4}{4}$ | $\frac{4}{12}$ |
| $\frac{1}{4}$ | $\frac{3}{3}$ | $\frac{3}{12}$ |

### Add

$$
\frac{4}{12} + \frac{3}{12} = \frac{7}{12}
$$

Since 7 is prime and does not divide 12, the fraction is already in lowest terms.

**Answer:** $\tfrac{7}{12}$
""")

R("gpt4o", r"12\text{ cm}^2", True, "12 matches the gold value; omitted unit is fine",
r"""The area of a triangle is one half of the base times the height.

### Given

- Base $b = 6$ cm
- Height $h = 4$ cm

### Compute

$$
A = \frac{1}{2} b h = \frac{1}{2} \times 6 \times 4 = 12
$$

### Sanity check

A rectangle with the same base and height would have area $6 \times 4 = 24$, and a triangle is exactly half of that rectangle, so 12 is consistent.

**Area = 12**
""")

R("gpt4o", r"12\text{ cm}^2", False, "hedges between 12 and 24 square centimeters",
r"""We need the area of a triangle with base **6 cm** and height **4 cm**.

### Formula

$$
A = \tfrac12 \cdot b \cdot h
$$

### Plugging in

$$
A = \tfrac12 \cdot 6 \cdot 4 = 12 \text{ cm}^2
$$

### A note on interpretation

If "height" here refers to the side of the bounding rectangle and the question actually wants the area of that rectangle, the value would be $6 \times 4 = 24$ cm².

| Interpretation | Area |
|---|---|
| Triangle | 12 cm² |
| Enclosing rectangle | 24 cm² |

**Answer: 12 cm² (or 24 cm² under the rectangle interpretation)**
""")

R("gpt4o", r"\begin{pmatrix} 3 \\ -1 \end{pmatrix}", True, "tuple (3, −1) is the same vector as the column vector",
r"""We add the vectors component-wise:

$$
\begin{pmatrix} 1 \\ 2 \end{pmatrix} + \begin{pmatrix} 2 \\ -3 \end{pmatrix}
$$

| Component | First vector | Second vector | Sum |
|---|---|---|---|
| $x$ | 1 | 2 | **3** |
| $y$ | 2 | −3 | **−1** |

So the resulting vector has $x$-component 3 and $y$-component −1.

Geometrically, starting at the origin, moving by $(1,2)$ and then by $(2,-3)$ lands at the point $(3,-1)$.

**Result: (3, −1)**
""")

R("gpt4o", r"7", False, "table finds n = 7 but the bold answer reports the power 128",
r"""We want the **smallest positive integer $n$** such that $2^n > 100$.

### Tabulating powers of 2

| $n$ | $2^n$ | $> 100$? |
|---|---|---|
| 4 | 16 | ❌ |
| 5 | 32 | ❌ |
| 6 | 64 | ❌ |
| 7 | 128 | ✅ |

The first time the power exceeds 100 is at $n = 7$.

### Logarithm check

$$
n > \log_2 100 \approx 6.64
$$

so the smallest integer is 7, giving $2^7 = 128$.

**Final answer: 128**
""")

R("gpt4o", r"4", True, "four real solutions, restated several times",
r"""We want the number of **real solutions** of

$$
x^4 - 5x^2 + 4 = 0.
$$

### Substitution

Let $u = x^2$. Then the equation becomes

$$
u^2 - 5u + 4 = 0 \quad\Longrightarrow\quad (u - 1)(u - 4) = 0,
$$

so $u = 1$ or $u = 4$.

### Back to $x$

| $u$ | $x^2 = u$ | Real solutions |
|---|---|---|
| 1 | $x^2 = 1$ | $x = \pm 1$ |
| 4 | $x^2 = 4$ | $x = \pm 2$ |

Both values of $u$ are positive, so each gives two real roots: $-2, -1, 1, 2$. That's **4** solutions.

### Quick check

$x = 2$: $16 - 20 + 4 = 0$ ✓  $x = 1$: $1 - 5 + 4 = 0$ ✓ (even function, so the negatives work too).

So there are 4 distinct real solutions.

**Final answer: 4**
""")

R("gpt4o", r"x = -3", False, "sign error gives x = 3",
r"""Let's solve

$$
2(x + 5) = x + 7.
$$

### 1. Distribute

$$
2x + 10 = x + 7
$$

### 2. Collect the $x$ terms

Subtract $x$ from both sides:

$$
x + 10 = 7
$$

### 3. Isolate $x$

Subtract 10... or equivalently move 7 to the left:

$$
x = 10 - 7 = 3
$$

| Step | Equation |
|---|---|
| Start | $2(x+5) = x+7$ |
| Distribute | $2x + 10 = x + 7$ |
| Simplify | $x = 3$ |

**Answer: x = 3**
""")

# ---------------------------------------------------------------------------
# claude_prose: flowing prose, answer in the last sentence
# ---------------------------------------------------------------------------

R("claude_prose", r"\frac{\pi}{3}", True, "pi/3 with the degree equivalent in parentheses",
r"""To find the angle between the vectors $\mathbf{u} = (1, 0)$ and $\mathbf{v} = (1, \sqrt{3})$, I'll use the dot-product formula $\cos\theta = \frac{\mathbf{u}\cdot\mathbf{v}}{\|\mathbf{u}\|\,\|\mathbf{v}\|}$.

The dot product is $1\cdot 1 + 0\cdot\sqrt3 = 1$. The length of $\mathbf{u}$ is simply 1, and the length of $\mathbf{v}$ is $\sqrt{1 + 3} = 2$. That gives $\cos\theta = \frac{1}{1\cdot 2} = \frac12$.

Since the angle between two vectors is taken in $[0, \pi]$, and the only angle in that range with cosine $\tfrac12$ is $\pi/3$, that's our answer. It also makes sense geometrically: $\mathbf{v}$ points up and to the right with slope $\sqrt3$, which is the familiar 60° direction.

The angle between the vectors is $\pi/3$ (that is, 60°).
""")

R("claude_prose", r"\frac{\pi}{3}", False, "confuses sine and cosine and answers pi/6",
r"""We're looking for the smallest positive $x$ with $\cos x = \tfrac12$.

It helps to recall the 30-60-90 triangle, whose sides are in the ratio $1 : \sqrt3 : 2$. The side of length 1 is opposite the 30° angle, so the ratio $\tfrac12$ shows up as "opposite over hypotenuse" for 30°. In radians, 30° is $\pi/6$.

Because cosine is decreasing on $[0, \pi]$ and starts at 1 when $x = 0$, there's exactly one solution in that interval, and any other positive solution is larger (the next ones come from the symmetry $x \mapsto 2\pi - x$ and from adding multiples of $2\pi$). So the first crossing is the one we want.

The smallest positive solution is $x = \pi/6$.
""")

R("claude_prose", r"17", True, "Jon has 17 stickers",
r"""Let's call the number of stickers Jon has $j$. Maria has three times as many, so she has $3j$, and together they have $j + 3j = 4j$ stickers.

We're told the total is 68, so $4j = 68$, which gives $j = 17$. That means Maria has $3 \times 17 = 51$ stickers, and as a quick check, $17 + 51 = 68$, which matches the total in the problem. The question asks how many stickers Jon has, not Maria, so we want the smaller number.

Jon has 17 stickers.
""")

R("claude_prose", r"17", False, "correct count 17 is later 'corrected' to 19 by wrongly adding 51 and 57",
r"""I'll list the primes below 60 and count them carefully.

Starting from the bottom: 2, 3, 5, 7 are the primes under 10. In the teens we have 11, 13, 17, 19. In the twenties, 23 and 29. In the thirties, 31 and 37. In the forties, 41, 43, 47. In the fifties, 53 and 59. That gives 4 + 4 + 2 + 2 + 3 + 2 = 17 so far.

Let me make sure I haven't skipped anything in the fifties, since that decade is easy to rush. The odd numbers there are 51, 53, 55, 57, and 59. Clearly 55 is divisible by 5. The numbers 51 and 57 look prime at first glance — they aren't even and don't end in 5 — so I should include them alongside 53 and 59. Adding those two brings the fifties to four primes.

Revising the total: 4 + 4 + 2 + 2 + 3 + 4 = 19.

So there are 19 primes less than 60.
""")

R("claude_prose", r"e^2-1", True, "exact e^2 - 1 with an approximation alongside",
r"""The integral $\int_0^2 e^x\,dx$ is about as friendly as integrals get, because $e^x$ is its own antiderivative.

By the Fundamental Theorem of Calculus, we evaluate the antiderivative at the endpoints and subtract: $e^2 - e^0$. Since $e^0 = 1$, this is $e^2 - 1$.

As a rough sanity check, the integrand runs from 1 up to about 7.39 over an interval of length 2, so the area should sit somewhere between 2 and about 14.8, and, since the curve is convex, closer to the lower end than the midpoint-of-the-trapezoid value of about 8.4. Our value fits comfortably.

The integral equals $e^2 - 1 \approx 6.389$.
""")

R("claude_prose", r"e - 1", False, "only a two-decimal approximation 1.72 of e - 1 is given",
r"""This integral, $\int_0^1 2x\,e^{x^2}\,dx$, is set up perfectly for a substitution. If we let $u = x^2$, then $du = 2x\,dx$, which is exactly the factor sitting in front of the exponential.

The limits change too: when $x = 0$, $u = 0$, and when $x = 1$, $u = 1$. So the integral becomes $\int_0^1 e^u\,du$, which evaluates to $e^1 - e^0$.

Numerically, $e \approx 2.71828$, so this comes to roughly 1.71828. It's reassuring that this is positive and less than $2e \approx 5.4$, the maximum value of the integrand on the interval.

Rounded to two decimal places, the value of the integral is approximately 1.72.
""")

R("claude_prose", r"\frac{3\sqrt{3}}{2}", True, "(3/2)sqrt3 equals 3 sqrt3 / 2",
r"""A regular hexagon with side length 1 can be split into six equilateral triangles, each with side length 1, by drawing segments from the center to each vertex. That's the key observation — it turns a hexagon problem into a triangle problem.

An equilateral triangle with side $s$ has area $\frac{\sqrt3}{4}s^2$, so each of our triangles has area $\frac{\sqrt3}{4}$. Six of them give $6 \cdot \frac{\sqrt3}{4} = \frac{6\sqrt3}{4}$, which simplifies by dividing numerator and denominator by 2.

A quick plausibility check: the hexagon fits inside a circle of radius 1 (area $\pi \approx 3.14$) and our value is about 2.6, which is sensibly a bit less.

So the area of the hexagon is $\frac{3}{2}\sqrt{3}$.
""")

R("claude_prose", r"1000", True, "'1,000' with a thousands comma",
r"""Each of the three positions in the PIN can hold any of the ten digits 0 through 9, and because repetition is allowed, the choice in one position doesn't restrict the others.

By the multiplication principle, the number of codes is $10 \times 10 \times 10$. Another way to see this: the codes correspond exactly to the strings 000, 001, ..., 999, which is the same as the integers from 0 to 999, and there are 999 − 0 + 1 of those.

It's worth noting that codes with leading zeros, like 007, count as distinct valid PINs here — there's nothing in the problem excluding them.

So there are 1,000 possible PIN codes.
""")

R("claude_prose", r"24", False, "finds 24 divisors but then excludes 1 and 360 and answers 22",
r"""To count the positive divisors of 360, I'll start from its prime factorization. We have $360 = 8 \times 45 = 2^3 \times 3^2 \times 5$.

A divisor picks an exponent of 2 from $\{0,1,2,3\}$ (four choices), an exponent of 3 from $\{0,1,2\}$ (three choices), and an exponent of 5 from $\{0,1\}$ (two choices). That makes $4 \times 3 \times 2 = 24$ divisors in total.

However, it's usually the interesting divisors that matter here — the trivial ones, 1 and 360 itself, don't really tell us anything about how 360 breaks apart. Setting those two aside leaves 24 − 2 divisors.

So the number we're after is 22.
""")

R("claude_prose", r"-2, 5", True, "both roots given in prose",
r"""We need to solve $x^2 - 3x - 10 = 0$. I'll look for two numbers whose product is $-10$ and whose sum is $-3$; the pair $-5$ and $2$ works, since $(-5)(2) = -10$ and $-5 + 2 = -3$.

That lets us factor the quadratic as $(x - 5)(x + 2) = 0$, and a product is zero exactly when one of its factors is zero. Checking each: $25 - 15 - 10 = 0$ and $4 + 6 - 10 = 0$, so both values genuinely satisfy the equation. Vieta agrees too, since the roots should sum to 3 and multiply to $-10$.

The solutions are $x = 5$ and $x = -2$.
""")

R("claude_prose", r"20", False, "ends with two candidate answers, 20 or 28",
r"""An octagon has 8 vertices, and a diagonal is a segment joining two vertices that aren't adjacent. From any one vertex, you can't draw a diagonal to itself or to its two neighbors, which leaves $8 - 3 = 5$ diagonals per vertex.

Multiplying gives $8 \times 5 = 40$, but that counts each diagonal twice — once from each end — so we divide by 2 to get 20. Equivalently, there are $\binom{8}{2} = 28$ segments between pairs of vertices, and 8 of those are sides.

There's a bit of ambiguity in how people phrase this, though: sometimes "the segments joining vertices" is what's intended, in which case the sides count as well.

So the answer is either 20 or 28, depending on whether you count the sides.
""")

R("claude_prose", r"-\frac{3}{2}", True, "-1.5 equals -3/2",
r"""We want the value of $x$ that makes $4x + 6 = 0$. Subtracting 6 from both sides gives $4x = -6$, and dividing by 4 gives $x = -6/4$.

That fraction reduces, since 6 and 4 share a factor of 2, and it's perhaps easiest to read as a decimal. A quick check confirms it: $4 \times (-1.5) = -6$, and $-6 + 6 = 0$, exactly as required. It's also the $x$-intercept of the line $y = 4x + 6$, which crosses the axis a little to the left of $-1$, consistent with our value.

So $x = -1.5$.
""")

# ---------------------------------------------------------------------------
# short_answer: Mistral / Gemma style, brief working then the answer
# ---------------------------------------------------------------------------

R("short_answer", r"64", True, "cube volume 4^3 = 64",
r"""The volume of a cube is found by cubing the length of one edge, because the cube's length, width and height are all equal.

V = s³
V = 4³ = 4 × 4 × 4 = 16 × 4 = 64

So a cube whose edges are 4 units long holds 64 unit cubes: 4 layers, each a 4 × 4 square of 16 cubes, and 4 × 16 = 64.

The answer is 64.
""")

R("short_answer", r"64", False, "uses 2^n instead of 2^(n-1) and answers 128",
r"""The sequence 1, 2, 4, 8, ... doubles each time, so it's a geometric sequence with first term 1 and common ratio 2.

For this sequence the nth term can be written as a power of 2. Since each term is 2 raised to its position, the nth term is 2^n.

So the 7th term is 2^7 = 128.

Check: 1, 2, 4, 8, 16, 32, 64, 128 — the terms keep doubling.

**Answer: 128**
""")

R("short_answer", r"\frac{3}{5}", True, "3/5 in plain text",
r"""To simplify 12/20, divide the numerator and the denominator by their greatest common divisor.

Factors of 12: 1, 2, 3, 4, 6, 12
Factors of 20: 1, 2, 4, 5, 10, 20
GCD(12, 20) = 4

12 ÷ 4 = 3
20 ÷ 4 = 5

Since 3 and 5 share no common factor other than 1, the fraction is fully reduced. (Decimal check: 12/20 = 0.6 = 3/5.)

**Answer:** 3/5
""")

R("short_answer", r"\frac{3}{5}", True, "0.6 equals 3/5",
r"""Since θ is acute, cos θ is positive. Use the Pythagorean identity sin²θ + cos²θ = 1:

cos²θ = 1 − (4/5)² = 1 − 16/25 = 9/25

cos θ = +√(9/25) = 0.6

This is just the 3-4-5 right triangle: opposite side 4, hypotenuse 5, so the adjacent side is √(25 − 16) = 3, and cosine is adjacent over hypotenuse: 3/5.

cos θ = 0.6
""")

R("short_answer", r"\sqrt{3}", False, "gives only the rounded value 1.73",
r"""In a 30-60-90 triangle the sides are in the ratio 1 : √3 : 2. The side of length √3 is opposite the 60° angle, and the side of length 1 is adjacent to it.

tan 60° = opposite / adjacent = √3 / 1

You can confirm it with sin 60° / cos 60° = (√3/2) / (1/2).

Numerically, √3 is about 1.7320508, so to two decimal places:

**tan 60° ≈ 1.73**
""")

R("short_answer", r"x=4", True, "x = 4",
r"""Solve 5x − 7 = 13.

Step 1. Add 7 to both sides: 5x = 13 + 7 = 20
Step 2. Divide both sides by 5: x = 20 / 5 = 4

Check: substitute back into the original equation.
5(4) − 7 = 20 − 7 = 13 ✓

Because the equation is linear (degree 1), a single value of x satisfies it, so this is the only solution.

The solution is **x = 4**.
""")

R("short_answer", r"4", False, "adds 3 instead of subtracting, answers 7",
r"""We need to solve 2x + 3 = 11.

Move the 3 to the other side of the equation: 2x = 11 + 3 = 14

Divide both sides by 2: x = 14 / 2 = 7

So x equals 7. This is the value that makes the equation balance, and since the equation is linear there is only one solution. Doubling 7 gives 14, which matches the line above.

**x = 7**
""")

R("short_answer", r"36\pi", True, "36π with units",
r"""The volume of a sphere is V = (4/3)πr³.

With r = 3, we have r³ = 27, so

V = (4/3) · π · 27 = (4 · 27 / 3) π = 4 · 9 · π = 36π

Numerically that's about 113.1, but the exact form is cleaner and is what the question expects, since the radius was given exactly.

The volume of the sphere is **36π cubic units**.
""")

R("short_answer", r"36\pi", False, "decimal approximation 113.1 instead of exact 36π",
r"""The area of a circle is A = πr², where r is the radius.

Here the radius is r = 6, so

A = π × 6² = π × 36

Using the approximation π ≈ 3.14159 to get a numerical value:

A ≈ 36 × 3.14159 ≈ 113.097

Rounded to one decimal place (the usual precision for this kind of measurement):

**The area is approximately 113.1 square units.**
""")

R("short_answer", r"1024", True, "2^{10} equals 1024",
r"""Each of the 10 elements is either in a subset or not in it — two independent choices per element.

Total number of subsets = 2 × 2 × ... × 2 (10 factors)

This count includes both the empty set and the full set itself. (Sanity check with a small case: a 2-element set {a, b} has 2² = 4 subsets: ∅, {a}, {b}, {a, b}.)

**Answer:** $2^{10}$
""")

R("short_answer", r"13", False, "lists both prime factors as the answer, a hedge",
r"""To find the greatest prime factor of 91, factor it.

91 is odd, so 2 is not a factor. Digit sum 9 + 1 = 10, so 3 is not a factor. It doesn't end in 0 or 5, so 5 is not a factor. Try 7: 7 × 13 = 91.

91 = 7 × 13

Both 7 and 13 are prime (13 is not divisible by 2 or 3, and √13 < 4), so there are no other prime factors.

**Answer: 7 or 13**
""")

R("short_answer", r"-8", True, "unicode minus sign −8",
r"""(−2)³ means multiplying −2 by itself three times:

(−2)³ = (−2) × (−2) × (−2)

First pair: (−2) × (−2) = 4 (negative times negative is positive)
Then: 4 × (−2) = −8

An odd power of a negative number is negative, so the sign checks out. Note that −2³ means −(2³), a different expression; it also equals −8 here, but only because the power is odd.

**(−2)³ = −8**
""")

# ---------------------------------------------------------------------------
# gsm8k: GSM8K-style working with "#### N"
# ---------------------------------------------------------------------------

R("gsm8k", r"18", True, "#### 18",
r"""We need to find how many pages Tom reads on Wednesday.
On Monday Tom reads 12 pages.
On Tuesday he reads twice as many pages as on Monday, so he reads 12 * 2 = <<12*2=24>>24 pages.
On Wednesday he reads 6 fewer pages than he did on Tuesday, so he reads 24 - 6 = <<24-6=18>>18 pages.
The question asks only about Wednesday, so we do not need the total for the three days (which would be 12 + 24 + 18 = 54).
#### 18
""")

R("gsm8k", r"24", False, "takes half of the original 64 instead of half of the remainder",
r"""Lisa starts with 64 marbles.
She gives a quarter of her marbles to her brother: 64 / 4 = <<64/4=16>>16 marbles.
Then she gives half of her marbles to her friend. Half of her marbles is 64 / 2 = <<64/2=32>>32 marbles.
In total she gave away 16 + 32 = <<16+32=48>>48 marbles.
So the number of marbles she has left is 64 - 48 = <<64-48=16>>16 marbles.
#### 16
""")

R("gsm8k", r"1250", True, "'1,250' with a thousands comma",
r"""The company has 5 workers, and each worker is paid $250 for the week.
To find the total weekly payroll, multiply the number of workers by the pay per worker.
5 * 250 = <<5*250=1250>>1250 dollars.
Since there are no bonuses, overtime, or deductions mentioned in the problem, that is the full amount the company pays for the week.
The company pays $1,250 in total.
#### 1,250
""")

R("gsm8k", r"42", True, "'#### $42' with a dollar sign",
r"""The family needs tickets for 2 adults and 4 children, which is 2 + 4 = <<2+4=6>>6 people.
Every ticket costs the same, $7, at the Tuesday discount.
The cost of the tickets is 6 * 7 = <<6*7=42>>42 dollars.
The popcorn was given away as a free promotion, so it adds nothing to the bill.
The family spends $42 on the trip to the cinema.
#### $42
""")

R("gsm8k", r"72", False, "computes 72 correctly, then subtracts an invented $12 lunch cost",
r"""Sam earns $9 for every hour he works at the bookstore.
On Saturday he works a full shift of 8 hours.
So he earns 9 * 8 = <<9*8=72>>72 dollars on Saturday.
He also has to pay for his lunch during the shift, which costs $12.
So the amount Sam makes on Saturday is 72 - 12 = <<72-12=60>>60 dollars.
#### 60
""")

R("gsm8k", r"15", True, "'15.00' equals 15",
r"""The large pizza costs $24, and the two friends also pay a $6 delivery fee.
The total bill is 24 + 6 = <<24+6=30>>30 dollars.
They decide not to leave a tip because the delivery fee already covers the driver.
The two friends split the bill equally, so each one pays 30 / 2 = <<30/2=15>>15 dollars.
Each friend pays $15.00.
#### 15.00
""")

R("gsm8k", r"150", False, "answers 2.5 (hours) when the question asks for minutes",
r"""We need to find how long Mia's walk takes.
Mia walks a distance of 10 km to her grandmother's house.
Her walking speed is 4 km per hour, and she does not stop on the way.
Time = distance / speed = 10 / 4 = <<10/4=2.5>>2.5 hours.
So it takes Mia 2.5 hours, or two and a half hours, to walk to her grandmother's house.
#### 2.5
""")

R("gsm8k", r"5", True, "'#### 5 apples'",
r"""Ben picks 20 apples from the tree in his yard.
He gives 8 apples to his sister, so he has 20 - 8 = <<20-8=12>>12 apples left.
He then uses 7 apples to bake a pie, so he has 12 - 7 = <<12-7=5>>5 apples left.
Nothing else happens to the apples that day.
Ben has 5 apples remaining at the end of the day.
#### 5 apples
""")

R("gsm8k", r"96", False, "truncated before the final computation and answer",
r"""A bakery makes 8 batches of muffins each day, and each batch has 18 muffins.
So the bakery makes 8 * 18 = <<8*18=144>>144 muffins each day.
In the morning they sell half of the muffins: 144 / 2 = <<144/2=72>>72 muffins.
In the afternoon they sell a third of what is left. What is left after the morning is 144 - 72 = <<144-72=72>>72 muffins, and a third of that is 72 / 3 = <<72/3=24>>24 muffins.
To find how many muffins were sold in total we add the morning and afternoon sales:
""")

R("gsm8k", r"340", True, "calculator annotations then #### 340",
r"""We need the total number of pencils the school receives.
The school orders 12 boxes of pencils for the new term.
Each box holds 25 pencils, so the boxes contain 12 * 25 = <<12*25=300>>300 pencils.
The supplier also includes 40 loose pencils as a bonus for the large order.
The total number of pencils the school receives is 300 + 40 = <<300+40=340>>340 pencils.
#### 340
""")

R("gsm8k", r"84", False, "first #### 84, then a bogus recheck overrides it with #### 78",
r"""We need the number of stickers Emma has.
Each pack has 12 stickers and Emma buys 7 packs at the craft store.
She has 7 * 12 = <<7*12=84>>84 stickers.
#### 84

Wait, let me recheck the problem. Emma gives away 6 of her stickers to her friend before counting, so she has 84 - 6 = <<84-6=78>>78 stickers.
The final count is 78 stickers.
#### 78
""")

R("gsm8k", r"210", True, "wrong first attempt 200 is explicitly corrected to 210, the last answer",
r"""A train travels at 60 miles per hour for 3 hours, then at 30 miles per hour for 1 hour.
First part: 60 * 3 = <<60*3=180>>180 miles.
Second part: 20 * 1 = <<20*1=20>>20 miles.
Total: 180 + 20 = <<180+20=200>>200 miles.
#### 200

Correction: I misread the second speed. The train goes 30 miles per hour, not 20, so the second part is 30 * 1 = <<30*1=30>>30 miles.
Total distance = 180 + 30 = <<180+30=210>>210 miles.
#### 210
""")

R("gsm8k", r"3", True, "'#### 3' then 'The answer is: 3'",
r"""Carla has 27 cupcakes to put into boxes.
Each box holds 6 cupcakes, and she fills as many boxes as possible.
27 / 6 = 4 with a remainder of 27 - 4 * 6 = <<27-4*6=3>>3.
So she fills 4 boxes, and 3 cupcakes are left over without a full box.
The question asks how many cupcakes are left over, which is 3.
#### 3
The answer is: 3
""")

# ---------------------------------------------------------------------------
# minerva: "Final Answer: The final answer is $X$. I hope it is correct."
# ---------------------------------------------------------------------------

R("minerva", r"\frac52", True, "5/2 written as \\frac{5}{2} vs gold \\frac52",
r"""We need the zero of $f(x) = 2x - 5$, that is, the value of $x$ for which $f(x) = 0$. Setting $2x - 5 = 0$ and adding 5 to both sides gives $2x = 5$, so $x = \frac{5}{2}$. Checking, $f\left(\frac52\right) = 2 \cdot \frac52 - 5 = 5 - 5 = 0$, as required. Graphically, this is where the line with slope 2 and $y$-intercept $-5$ crosses the $x$-axis.
Final Answer: The final answer is $\frac{5}{2}$. I hope it is correct.
""")

R("minerva", r"\frac52", False, "reciprocal 2/5 instead of 5/2",
r"""We solve $\frac{2x}{5} = 1$. Multiplying both sides by 5 gives $2x = 5$. Dividing both sides by... we can also think of this as $x$ being the ratio that turns $\frac{2}{5}$ into 1, so $x$ must be the number that makes $\frac{2}{5}x$ equal to 1 when we move the 5 across, giving $x = \frac{2}{5}$. This is a positive number less than 1, which seems reasonable since the coefficient is also less than 1.
Final Answer: The final answer is $\frac{2}{5}$. I hope it is correct.
""")

R("minerva", r"\frac{\sqrt{2}}{2}", True, "1/sqrt2 equals sqrt2/2",
r"""Consider an isosceles right triangle with legs of length 1. Its hypotenuse has length $\sqrt{1^2 + 1^2} = \sqrt{2}$, and both acute angles measure $45^\circ$. The cosine of $45^\circ$ is the ratio of the adjacent leg to the hypotenuse, which is $\frac{1}{\sqrt{2}}$. This agrees with the unit circle, where the point at $45^\circ$ has equal coordinates whose squares sum to 1.
Final Answer: The final answer is $\frac{1}{\sqrt{2}}$. I hope it is correct.
""")

R("minerva", r"(-\infty,1]", True, "x ≤ 1 is the interval (-inf, 1]",
r"""The function $f(x) = \sqrt{1 - x}$ is defined for real $x$ exactly when the expression under the square root is nonnegative. So we need $1 - x \ge 0$, i.e. $x \le 1$. At $x = 1$ the function equals $\sqrt{0} = 0$, which is perfectly fine, so the endpoint is included. For any $x > 1$, the radicand is negative and $f$ is undefined over the reals.
Final Answer: The final answer is $x\le 1$. I hope it is correct.
""")

R("minerva", r"(-\infty,1]", False, "excludes the endpoint 1 where the radicand is zero",
r"""For $g(x) = \sqrt{3 - 3x}$ to be real, the radicand must not be negative. The square root of a negative number is not real, and we also want to stay away from the boundary where the radicand vanishes, so we require $3 - 3x > 0$, which gives $3 > 3x$, or $x < 1$. Thus the domain consists of all real numbers less than 1.
Final Answer: The final answer is $(-\infty,1)$. I hope it is correct.
""")

R("minerva", r"11", True, "eleven primes up to 31",
r"""We list the primes between 1 and 31 inclusive: $2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31$. Note that 1 is not prime, and each of the odd composites in this range ($9, 15, 21, 25, 27$) is divisible by 3 or 5. Counting the list gives $11$ primes; since 31 itself is prime and the range is inclusive, it is counted.
Final Answer: The final answer is $11$. I hope it is correct.
""")

R("minerva", r"11", False, "subtracts endpoints without +1 and gets 10",
r"""We want the number of integers from 10 to 20, inclusive. The number of integers between two endpoints is their difference, so there are $20 - 10 = 10$ of them. For instance, the integers $10, 11, \ldots, 19$ fill up the range before we reach 20, and this gives 10 values in total.
Final Answer: The final answer is $10$. I hope it is correct.
""")

R("minerva", r"\text{(C)}", True, "same choice (C)",
r"""The sum of the interior angles of a convex polygon with $n$ sides is $180(n-2)$ degrees. We are told this sum is $1260^\circ$, so $n - 2 = \frac{1260}{180} = 7$, giving $n = 9$. Among the answer choices (A) 7, (B) 8, (C) 9, (D) 10, (E) 11, this is choice (C). As a check, a nonagon's interior angles sum to $180 \cdot 7 = 1260$ degrees.
Final Answer: The final answer is $\text{(C)}$. I hope it is correct.
""")

R("minerva", r"x^2-4", True, "factored form (x-2)(x+2) equals x^2-4",
r"""For $x \neq 0$ we can factor an $x$ out of the numerator: $\frac{x^3 - 4x}{x} = \frac{x(x^2 - 4)}{x} = x^2 - 4$. The remaining expression is a difference of squares, so it can be written as $(x-2)(x+2)$. Checking with $x = 3$: the original expression is $\frac{27 - 12}{3} = 5$ and $(3-2)(3+2) = 5$.
Final Answer: The final answer is $(x-2)(x+2)$. I hope it is correct.
""")

R("minerva", r"-2", False, "sign error gives 2 instead of -2",
r"""We solve $3x + 7 = 1$. Subtracting 7 from both sides gives $3x = 7 - 1 = 6$. Dividing by 3, we obtain $x = 2$. Substituting back in, the left-hand side becomes $3 \cdot 2 + 7$, and since the equation is linear there is exactly one solution, so this must be it.
Final Answer: The final answer is $2$. I hope it is correct.
""")

R("minerva", r"\frac{4}{9}", True, "repeating decimal 0.\\overline{4} equals 4/9",
r"""Each draw is made with replacement, so the two draws are independent. The bag has 6 green and 3 white marbles, so the probability of green on a single draw is $\frac{6}{9} = \frac{2}{3}$. The probability that both draws are green is therefore $\left(\frac23\right)^2 = \frac{4}{9}$, which as a decimal is $0.444\ldots$, a repeating decimal.
Final Answer: The final answer is $0.\overline{4}$. I hope it is correct.
""")

R("minerva", r"\frac{4}{9}", False, "0.44 is a short rounding of 4/9",
r"""There are 9 marbles, 6 of them green, so the chance of drawing a green marble on one draw is $\frac{6}{9} = \frac{2}{3}$. Since the first marble is replaced, the second draw is independent of the first. Multiplying, the probability of drawing two green marbles is $\frac{2}{3} \cdot \frac{2}{3}$, which is approximately $0.44$ when rounded to two decimal places.
Final Answer: The final answer is $0.44$. I hope it is correct.
""")

# ---------------------------------------------------------------------------
# mc: multiple choice (GPQA / MMLU / AQuA), gold is a letter
# ---------------------------------------------------------------------------

R("mc", r"C", True, "n^2 = 9 is option (C)",
r"""We need the degeneracy of the $n = 3$ energy level of the hydrogen atom, ignoring electron spin.

For hydrogen, the energy depends only on the principal quantum number $n$. For a given $n$, the orbital quantum number runs over $l = 0, 1, \dots, n-1$, and for each $l$ there are $2l + 1$ values of $m_l$. So the degeneracy is

$$\sum_{l=0}^{n-1} (2l+1) = n^2.$$

For $n = 3$: the $3s$ (1 state), $3p$ (3 states), and $3d$ (5 states) orbitals give $1 + 3 + 5 = 9$ states. Including spin would double this to 18, which is option (D), but the question explicitly says to ignore spin.

Options: (A) 3 (B) 6 (C) 9 (D) 18

The answer is (C)
""")

R("mc", r"C", False, "treats Fe3+ as d6 and picks (B); high-spin d5 has 5 unpaired electrons",
r"""Question: How many unpaired electrons does a high-spin Fe³⁺ ion have?
(A) 3 (B) 4 (C) 5 (D) 6

Iron (Z = 26) has ground-state configuration [Ar] 3d⁶ 4s². Forming the 3+ cation removes three electrons. Taking the two 4s electrons and one more, we have to decide where the third comes from; since the 3d subshell is lower in energy once the ion forms, I'll keep the 3d⁶ set intact and take the third electron from the 4s/4p region, leaving Fe³⁺ as 3d⁶.

In a high-spin d⁶ configuration, Hund's rule places one electron in each of the five d orbitals first, and the sixth electron pairs up in one of them. That gives 4 unpaired electrons.

The answer is (B)
""")

R("mc", r"D", True, "order of Z4 x Z6 is 24, option D",
r"""The following is a multiple choice question about abstract algebra.

Find the order of the group Z_4 × Z_6.
A. 4
B. 6
C. 12
D. 24

The order of a direct product of finite groups is the product of the orders of the factors. Here |Z_4| = 4 and |Z_6| = 6, so |Z_4 × Z_6| = 4 × 6 = 24. Note that 12 = lcm(4, 6) is the largest order of an element in the group, and since 12 < 24 the group is not cyclic, but the question asks for the order of the whole group.

Answer: D
""")

R("mc", r"E", True, "72 km/h is option E",
r"""Question: A train 120 m long passes a telegraph pole in 6 seconds. What is the speed of the train in km/hr?
Options: A)60 B)64 C)66 D)70 E)72

Rationale: To pass a pole, the train must travel its own length, 120 m.
Speed = 120 / 6 = 20 m/s.
To convert m/s to km/hr, multiply by 18/5: 20 × 18/5 = 72 km/hr.
Check: 72 km/hr = 72000 m / 3600 s = 20 m/s. ✓

Answer: E
""")

R("mc", r"A", False, "hedges between A and C",
r"""Which of the following numbers is prime?
A) 97  B) 91  C) 87  D) 51

Let's check each option.

- 91 = 7 × 13, so B is composite.
- 51 = 3 × 17, so D is composite.
- 97: not divisible by 2, 3, 5, or 7 (and √97 < 10), so 97 is prime.
- 87: not even, doesn't end in 5, and 87 / 7 ≈ 12.4, so it isn't divisible by 7. It's hard to see an obvious factor, so 87 may also be prime.

Since both 97 and 87 pass the quick checks, the answer is either A or C.
""")

R("mc", r"B", True, "bold '(B) 12' matches letter B",
r"""**Question:** How many edges does a cube have?

(A) 8  (B) 12  (C) 6  (D) 24

**Reasoning:**

A cube has 6 square faces, and each face has 4 edges, giving $6 \times 4 = 24$ edge-incidences. Every edge is shared by exactly 2 faces, so the number of distinct edges is $24 / 2 = 12$.

We can also verify with Euler's formula $V - E + F = 2$: a cube has $V = 8$ vertices and $F = 6$ faces, so $E = V + F - 2 = 12$.

Note that 8 is the number of vertices and 6 the number of faces, which are the distractors.

**Answer: (B) 12**
""")

R("mc", r"B", False, "computes 2 (option B) but maps it to letter C",
r"""The following is a multiple choice question about calculus.

What is the derivative of f(x) = ln(x²) evaluated at x = 1?
A. 1
B. 2
C. 1/2
D. 0

Using the chain rule, f'(x) = (1/x²) · 2x = 2/x. Alternatively, ln(x²) = 2 ln|x|, whose derivative is 2/x. At x = 1, f'(1) = 2/1 = 2.

So the derivative at x = 1 equals 2, and looking through the choices, that corresponds to

Answer: C
""")

R("mc", r"A", True, "boxed letter A",
r"""To find the sum of the interior angles of a pentagon, we use the formula for an $n$-sided polygon:
\[
S = (n - 2) \times 180^\circ.
\]
For a pentagon, $n = 5$:
\[
S = (5 - 2) \times 180^\circ = 3 \times 180^\circ = 540^\circ.
\]
Comparing with the options:
- (A) $540^\circ$
- (B) $360^\circ$
- (C) $720^\circ$
- (D) $480^\circ$

The sum $540^\circ$ matches option (A). Note that $360^\circ$ is the sum of the exterior angles and $720^\circ$ is the sum for a hexagon.

\[
\boxed{A}
\]
""")

R("mc", r"B", True, "answers with the value 20, which the completion itself lists as option B",
r"""Question: How many moles of O₂ are required for the complete combustion of 4 mol of propane (C₃H₈)?
A) 5  B) 20  C) 12  D) 16

Balanced equation:
C₃H₈ + 5 O₂ → 3 CO₂ + 4 H₂O

Check the balance: carbon 3 = 3; hydrogen 8 = 4 × 2; oxygen on the right is 3 × 2 + 4 × 1 = 10 = 5 × 2. ✓

So each mole of propane needs 5 mol of O₂. For 4 mol of propane:
4 × 5 = 20 mol O₂.

Option A (5) is the amount for a single mole of propane, a common distractor.

Answer: 20
""")

R("mc", r"D", False, "counts 1/8 as two half-lives and picks A (15 days)",
r"""Question: A radioactive sample decays so that 1/8 of the original amount remains after 30 days. What is its half-life?
(A) 15 days (B) 7.5 days (C) 12 days (D) 10 days

After each half-life the amount is halved. Starting from 1:
- after the first half-life, 1/2 remains, and
- after the second half-life, the remaining fraction is 1/2 of 1/4... so the amount falls to 1/8 after two half-lives.

Two half-lives in 30 days means each half-life is 30 / 2 = 15 days.

The correct answer is A.
""")

R("mc", r"D", True, "lowercase '(d)' matches D",
r"""the following is a multiple choice question (with answers) about college mathematics.

what is the value of i^2023, where i is the imaginary unit?
(a) 1
(b) i
(c) -1
(d) -i

the powers of i cycle with period 4: i^1 = i, i^2 = -1, i^3 = -i, i^4 = 1. so we only need 2023 mod 4. since 2020 is divisible by 4, 2023 = 2020 + 3, so 2023 ≡ 3 (mod 4). therefore i^2023 = i^3 = -i.

the answer is (d)
""")

R("mc", r"C", False, "truncated before any choice is given",
r"""A wave has a frequency of 50 Hz and a wavelength of 4 m. What is the speed of the wave?
(A) 12.5 m/s (B) 54 m/s (C) 200 m/s (D) 46 m/s

Let's think step by step. The fundamental relationship between the speed, frequency, and wavelength of a wave is v = fλ. This comes from the fact that in one period T = 1/f, the wave travels exactly one wavelength, so v = λ/T = fλ.

Here the frequency is f = 50 Hz and the wavelength is λ = 4 m. Substituting into the formula, the speed is
""")

R("mc", r"B", False, "miscomputes the mean as 15 and rejects every option",
r"""Question: What is the average of 10, 20, 30, and 40?
A. 20
B. 25
C. 30
D. 35

Step 1: Add the numbers. 10 + 20 = 30, and 30 + 30 = 60, so the sum is 60.
Step 2: Divide by how many numbers there are: 60 / 4 = 15.

Comparing with the choices, 15 does not appear among A–D. The options appear to contain an error.

Answer: None of the options match; the correct value is 15.
""")

# ---------------------------------------------------------------------------
# non_english: Chinese, French, German, Spanish, Russian, Japanese
# ---------------------------------------------------------------------------

R("non_english", r"7", True, "Chinese, boxed 7",
r"""**题目分析：** 本题要求一个未知数，已知它的 3 倍与 5 的和为 26。这是一个一元一次方程问题。

设这个数为 $x$。根据题意，这个数的 3 倍加上 5 等于 26，可以列出方程：

$$3x + 5 = 26$$

**第一步：** 根据等式的性质，两边同时减去 5，得到
$$3x = 21$$

**第二步：** 两边同时除以未知数的系数 3，得到
$$x = 7$$

**检验：** 把 $x = 7$ 代入原方程，左边 $= 3 \times 7 + 5 = 21 + 5 = 26$，右边 $= 26$，左边等于右边，与题目条件相符。

所以这个数是 7，答案是 $\boxed{7}$。
""")

R("non_english", r"\frac{1}{3}", False, "Chinese, counts only 3 as a multiple of 3 and answers 1/6",
r"""**分析：** 这是一个古典概型问题，需要先求出所有等可能的基本事件，再找出符合条件的事件个数。

掷一枚均匀的骰子，可能出现的点数为 1、2、3、4、5、6，共 6 种等可能的结果。

题目要求点数是 3 的倍数。3 的倍数形如 $3k$。在 1 到 6 之中，逐一检验：1、2 不是，3 是，4、5 不是……所以 3 的倍数是 3，有利结果只有 1 种。

因此，根据古典概型的概率公式，所求概率为

$$P = \frac{有利结果数}{总结果数} = \frac{1}{6}$$

综上，掷一次骰子，点数为 3 的倍数的概率是 $\frac{1}{6}$。

答案为 $\boxed{\frac{1}{6}}$
""")

R("non_english", r"\frac{3}{4}", True, "French, decimal comma 0,75 equals 3/4",
r"""Il y a 20 élèves dans la classe et 15 d'entre eux ont réussi l'examen. La proportion d'élèves ayant réussi est donc :

$$\frac{15}{20}$$

On simplifie la fraction en divisant le numérateur et le dénominateur par 5 : $\frac{15}{20} = \frac{3}{4}$.

Sous forme décimale, cela donne $3 \div 4 = 0{,}75$, soit 75 % des élèves.

**Vérification :** $0{,}75 \times 20 = 15$. ✓

La réponse est 0,75.
""")

R("non_english", r"\frac{3}{4}", False, "French, computes P(exactly one head)=1/2 instead of P(at least one)",
r"""On lance deux fois une pièce équilibrée. Les issues possibles sont : PP, PF, FP, FF (P = pile, F = face), soit 4 issues équiprobables.

On cherche la probabilité d'obtenir au moins une fois « pile ». Les issues contenant un pile sont PF et FP, c'est-à-dire les issues où pile apparaît une fois.

Il y a donc 2 issues favorables sur 4 :

$$P = \frac{2}{4} = \frac{1}{2}$$

Donc la probabilité d'obtenir au moins un pile est de 1/2.

**Réponse : $\frac{1}{2}$**
""")

R("non_english", r"1000", True, "German, '1.000 €' uses a thousands dot and equals 1000",
r"""Der Händler verkauft 40 Artikel, und jeder Artikel kostet 25 €.

**Rechnung:**

$$40 \cdot 25\,€ = 1000\,€$$

Zur Kontrolle: 4 Artikel kosten 100 €, also kosten 40 Artikel zehnmal so viel, nämlich 1.000 €.

Weitere Kosten oder Rabatte werden in der Aufgabe nicht erwähnt, daher ist dies der gesamte Umsatz.

**Antwort:** Die Einnahmen betragen insgesamt 1.000 €.
""")

R("non_english", r"125", False, "German, misplaces the decimal: 12,5 (=12.5) instead of 125",
r"""Gesucht sind 12,5 % von 1000. Wir bestimmen also den Prozentwert W bei gegebenem Grundwert G = 1000 und Prozentsatz p = 12,5 %.

Prozent bedeutet „von Hundert“. Wir rechnen den Prozentsatz in eine Dezimalzahl um:

12,5 % = 12,5 / 1000 = 0,0125

Dann multiplizieren wir mit dem Grundwert:

1000 · 0,0125 = 12,5

Also sind 12,5 % von 1000 gleich 12,5.

**Antwort: 12,5**
""")

R("non_english", r"-3", True, "Spanish, x = -3",
r"""Queremos resolver la ecuación $2x + 9 = 3$.

**Paso 1:** Restamos 9 en ambos lados:
$$2x = 3 - 9 = -6$$

**Paso 2:** Dividimos ambos lados entre 2:
$$x = \frac{-6}{2} = -3$$

**Comprobación:** $2(-3) + 9 = -6 + 9 = 3$. ✓

La solución es única porque la ecuación es lineal.

Por lo tanto, la respuesta es $x = -3$.
""")

R("non_english", r"-3", False, "Spanish, drops the sign when dividing by -2",
r"""Resolvemos la ecuación $5 - 2x = 11$.

**Paso 1:** Restamos 5 en ambos lados de la ecuación:
$$-2x = 11 - 5 = 6$$

**Paso 2:** Dividimos entre el coeficiente de $x$:
$$x = \frac{6}{2} = 3$$

Así que el valor de $x$ que buscamos es 3, un número positivo. Como la ecuación es de primer grado, tiene una única solución y no hace falta buscar más valores.

Por lo tanto, la respuesta es $3$.
""")

R("non_english", r"\frac{5}{2}", True, "Russian, 2,5 (decimal comma) equals 5/2",
r"""Решим линейное уравнение $4x - 3 = 7$. Для этого нужно выразить неизвестное $x$ через известные числа.

1. Перенесём $-3$ в правую часть с противоположным знаком:
$$4x = 7 + 3 = 10.$$

2. Разделим обе части на 4:
$$x = \frac{10}{4} = \frac{5}{2} = 2{,}5.$$

**Проверка:** $4 \cdot 2{,}5 - 3 = 10 - 3 = 7$. Верно.

Ответ: 2,5
""")

R("non_english", r"(1,4)", True, "Russian, interval written (1; 4) with a semicolon",
r"""Решим неравенство $x^2 - 5x + 4 < 0$.

Найдём корни квадратного трёхчлена: по теореме Виета $x_1 + x_2 = 5$, $x_1 x_2 = 4$, откуда $x_1 = 1$, $x_2 = 4$.

Разложим на множители: $(x - 1)(x - 4) < 0$.

Ветви параболы направлены вверх, поэтому трёхчлен отрицателен между корнями. Неравенство строгое, значит, концы промежутка не включаются.

Проверка: при $x = 2$ получаем $4 - 10 + 4 = -2 < 0$ — верно; при $x = 0$ получаем $4 > 0$ — не подходит.

Ответ: $x \in (1;\ 4)$.
""")

R("non_english", r"(1,4)", False, "Russian, closed interval [1; 4] for a strict inequality",
r"""Решим неравенство $|x - 2{,}5| < 1{,}5$.

Модуль меньше $1{,}5$ означает, что расстояние от $x$ до точки $2{,}5$ меньше $1{,}5$:

$$-1{,}5 < x - 2{,}5 < 1{,}5.$$

Прибавим $2{,}5$ ко всем частям:

$$1 < x < 4.$$

Концы отрезка — это точки $1$ и $4$. Запишем множество решений в виде промежутка, включая граничные точки.

Ответ: $x \in [1;\ 4]$.
""")

R("non_english", r"42", True, "Japanese, boxed 42",
r"""6 と 14 の最小公倍数を求めます。素因数分解を使う方法と、最大公約数を使う方法の二通りで確かめてみましょう。

**素因数分解：**
- $6 = 2 \times 3$
- $14 = 2 \times 7$

**最小公倍数：** それぞれの素因数について最大の指数をとると、

$$2 \times 3 \times 7 = 42$$

**確認：** $42 \div 6 = 7$、$42 \div 14 = 3$ で、どちらも割り切れます。42 より小さい共通の倍数はありません。また、最大公約数は 2 なので、$6 \times 14 \div 2 = 42$ とも一致します。

答え：$\boxed{42}$
""")

R("non_english", r"12", False, "Japanese, hedges between 12 and 13",
r"""1 から 100 までの整数のうち、8 の倍数の個数を求めます。8 の倍数は $8k$（$k$ は正の整数）の形で表せるので、$8k \le 100$ を満たす $k$ の個数を数えればよいです。

$100 \div 8 = 12$ あまり $4$ なので、8 の倍数は $8, 16, 24, \ldots, 96$ の 12 個です。

確認：$8 \times 12 = 96 \le 100$、$8 \times 13 = 104 > 100$ なので、$k = 1, 2, \ldots, 12$ です。

ただし、問題文の「整数」に 0 を含めて数える場合は、0 も 8 の倍数なので 1 個増えます。

したがって、答えは 12 または 13 です。
""")

# ---------------------------------------------------------------------------
# json_or_code: answers in JSON objects or code blocks
# ---------------------------------------------------------------------------

R("json_or_code", r"\frac{3}{4}", True, "JSON answer '3/4'",
r"""A day has 24 hours, so 18 hours is the fraction 18/24 of a day. Dividing numerator and denominator by their greatest common divisor, 6, gives 3/4. As a check, three quarters of 24 hours is 18 hours, matching the question, and 3/4 is between 1/2 (12 hours) and 1 (24 hours) as expected.

```json
{
  "answer": "3/4"
}
```
""")

R("json_or_code", r"\frac{3}{4}", False, "JSON answer inverts the fraction: 4/3",
r"""We need to solve 4x = 3 for x. To isolate x we divide both sides by the coefficient of x. The coefficient is 4 and the right-hand side is 3, so the solution is the ratio of these two numbers, which gives the fraction four thirds. This is a single linear equation, so there is exactly one solution, and no further checking of other cases is needed.

{"question": "Solve 4x = 3", "method": "divide both sides by the coefficient", "answer": "4/3"}
""")

R("json_or_code", r"56", True, "code output 56 and stated answer 56",
r"""We need the number of ways to choose 3 books from a shelf of 8 distinct books, where order does not matter. That is the binomial coefficient C(8, 3). Let me compute it directly and also by brute force to be sure.

```python
from math import comb
from itertools import combinations

books = range(8)
print(comb(8, 3))
print(sum(1 for _ in combinations(books, 3)))
```

Output:
```
56
56
```

By hand: C(8, 3) = (8 × 7 × 6) / (3 × 2 × 1) = 336 / 6 = 56. Both methods agree.

So the answer is **56**.
""")

R("json_or_code", r"15", False, "question asks for the count (15) but the final line reports the sum 328",
r"""We want to know how many primes are less than 50. I'll write a quick sieve.

```python
def primes_below(n):
    is_p = [True] * n
    is_p[0] = is_p[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if is_p[i]:
            for j in range(i * i, n, i):
                is_p[j] = False
    return [i for i in range(n) if is_p[i]]

ps = primes_below(50)
print(len(ps), sum(ps))
```

```
15 328
```

The primes are 2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47.

So the answer is 328.
""")

R("json_or_code", r"\frac{\sqrt{3}}{3}", True, "1/sqrt(3) in a code block equals sqrt3/3",
r"""In a 30-60-90 triangle with hypotenuse 2, the side opposite 30° has length 1 and the side adjacent to 30° has length √3. The tangent is opposite over adjacent:

tan 30° = 1 / √3

Numerical check: 1 / 1.7320508 ≈ 0.5773503, and math.tan(math.pi / 6) in Python also gives 0.5773502691896257.

```
Answer: 1/sqrt(3)
```
""")

R("json_or_code", r"144", True, "JSON final_answer 144",
r"""Returning the result in the requested JSON format.

{
  "reasoning": "Using F(1) = F(2) = 1 and F(n) = F(n-1) + F(n-2), the sequence is 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144. The 12th term is therefore 144. Check: F(10) + F(11) = 55 + 89 = 144. Also, 144 = 12^2, a well-known coincidence in the Fibonacci sequence.",
  "final_answer": 144
}
""")

R("json_or_code", r"144", False, "reasoning field derives 144 but final_answer says 121",
r"""{
  "problem": "A square has a perimeter of 48 cm. What is its area in square centimeters?",
  "reasoning": "A square has four equal sides, so each side is 48 / 4 = 12 cm. The area of a square is side squared, so the area is 12 * 12 = 144 square centimeters. Check: perimeter 4 * 12 = 48.",
  "final_answer": 121,
  "units": "cm^2"
}
""")

R("json_or_code", r"(-\infty,0)\cup(0,\infty)", True, "JSON-escaped LaTeX interval, same set",
r"""The function f(x) = 1/x is defined for every real number except where the denominator vanishes. The denominator is x itself, so the only excluded value is x = 0. There are no square roots or logarithms that would impose any further restriction, and the function takes arbitrarily large positive and negative values on either side of 0.

{"answer": "(-\\infty, 0) \\cup (0, \\infty)"}
""")

R("json_or_code", r"(-\infty,0)\cup(0,\infty)", False, "JSON answer (0, inf) misses the negative half of ln(x^2)'s domain",
r"""To find the domain of f(x) = ln(x²), recall that the natural logarithm is only defined for positive inputs, so we need the argument to be positive. The logarithm of a square can be rewritten using the power rule as 2 ln(x), and ln(x) requires x > 0. Therefore the domain is all positive reals.

{"function": "ln(x^2)", "answer": "(0, \\infty)"}
""")

R("json_or_code", r"-5, 2", True, "sympy output [-5, 2] and both roots stated",
r"""Let's solve $2x^2 + 6x - 20 = 0$ with SymPy and confirm by factoring.

```python
import sympy as sp

x = sp.symbols('x')
sols = sp.solve(2*x**2 + 6*x - 20, x)
print(sols)
```
```output
[-5, 2]
```

By hand: dividing by 2 gives $x^2 + 3x - 10 = 0$, which factors as $(x + 5)(x - 2) = 0$.

Check: $2(4) + 12 - 20 = 0$ and $2(25) - 30 - 20 = 0$. ✓

The solutions are $x = -5$ and $x = 2$.
""")

R("json_or_code", r"233", False, "code block cut off, no output and no answer",
r"""To count the ways to climb a staircase of 12 steps taking 1 or 2 steps at a time, note that the last move onto step n comes either from step n−1 or from step n−2. So ways(n) = ways(n−1) + ways(n−2), with ways(0) = 1 and ways(1) = 1. This is the Fibonacci recurrence, shifted by one. Let's compute it:

```python
def ways(n):
    a, b = 1, 1  # ways(0), ways(1)
    for _ in range(n - 1):
        a, b = b, a + b
""")

R("json_or_code", r"\frac{1}{7}", True, "decimal 0.1428571428571 agrees with 1/7 to 13 places",
r"""A fair seven-sided die has faces 1 through 7, each equally likely. Exactly one face shows the number 5, so the probability of rolling a 5 is one favorable outcome over seven possible outcomes. The faces are equally likely because the die is fair, so no weighting is needed. Computing the value numerically:

```json
{"favorable": 1, "total": 7, "answer": 0.1428571428571}
```
""")

# ---------------------------------------------------------------------------
# verification_after: answer stated, then a checking paragraph
# ---------------------------------------------------------------------------

R("verification_after", r"12", True, "answer 12 confirmed by the check",
r"""**Solution.** The area of a rectangle is length × width. We know the area is 96 square units and the width is 8 units, so

$$\text{length} = \frac{96}{8} = 12.$$

The length of the rectangle is **12**.

**Verification.** Multiply the dimensions back together: $12 \times 8 = 96$. ✓ The length is also greater than the width, which is consistent with the usual convention that the length is the longer side. Everything checks out, so the length is 12.
""")

R("verification_after", r"12", False, "correct median 12 is overturned by a faulty re-sort, final 14",
r"""To find the median of 14, 8, 12, 10, 15, we sort the values: 8, 10, 12, 14, 15. With five values, the median is the third one, so the median is **12**.

**Let me verify.** Sorting again to be careful: the smallest is 8, then 10, then 14, then 12, then 15, giving 8, 10, 14, 12, 15. The middle (third) value in this list is 14. So my first ordering must have been off, and the median is actually 14.

**Final answer: 14**
""")

R("verification_after", r"12", True, "initial slip 14 is caught by the check and corrected to 12",
r"""We want 25% of 48. Since 25% is one quarter, we divide by 4:

$$48 \div 4 = 14.$$

So 25% of 48 is 14.

**Checking the result:** If 14 were a quarter of 48, then four times 14 should give back 48. But $4 \times 14 = 56 \neq 48$, so something went wrong. Redoing the division: $4 \times 12 = 48$, so $48 \div 4 = 12$. Also, $0.25 \times 48 = 12$. ✓

The corrected answer is $\boxed{12}$.
""")

R("verification_after", r"9", True, "9 restated consistently four times",
r"""We solve $\sqrt{x} + 3 = 6$.

Subtract 3: $\sqrt{x} = 3$. Square both sides: $x = 9$.

So $x = 9$.

**Verification:** Squaring can introduce extraneous solutions, so we must check in the original equation: $\sqrt{9} + 3 = 3 + 3 = 6$. ✓ Since $\sqrt{x}$ is increasing, this is the only solution.

Thus the solution is confirmed: $x = 9$.

$$\boxed{9}$$

**Answer: 9**
""")

R("verification_after", r"9", False, "boxes 9 but the closing summary miscounts to 8",
r"""We need the number of two-digit numbers whose digits add up to 10.

Let the number be $\overline{ab}$ with $a \in \{1,\dots,9\}$ and $b \in \{0,\dots,9\}$, and $a + b = 10$. For each $a$ from 1 to 9, $b = 10 - a$ lies between 1 and 9, so every $a$ works:

19, 28, 37, 46, 55, 64, 73, 82, 91.

That gives $\boxed{9}$ numbers.

**Verification.** Let me recount the list: 19, 28, 37, 46 — four; 64, 73, 82, 91 — four more. Each pair of mirrored numbers (19/91, 28/82, 37/73, 46/64) contributes two, and 55 is its own mirror, so it only counts once among the pairs and shouldn't be added separately.

In summary, there are 8 such two-digit numbers.
""")

R("verification_after", r"2", True, "x = 2 verified by substitution",
r"""We solve $\log_3(x + 7) = 2$.

By the definition of the logarithm, $x + 7 = 3^2 = 9$, so $x = 2$.

**Answer:** $x = 2$.

**Check:** Substituting, $\log_3(2 + 7) = \log_3 9 = 2$, since $3^2 = 9$. ✓ The argument $x + 7 = 9$ is positive, so $x = 2$ is in the domain of the logarithm and is not extraneous.

Therefore $x = 2$ is the solution.
""")

R("verification_after", r"6", False, "adds fractions wrongly, the check fails, and the wrong 12.5 is kept",
r"""We solve $\frac{x}{2} + \frac{x}{3} = 5$.

Adding the fractions on the left: $\frac{x}{2} + \frac{x}{3} = \frac{2x}{5}$. So $\frac{2x}{5} = 5$, giving $2x = 25$ and $x = 12.5$.

**Verification:** $\frac{12.5}{2} + \frac{12.5}{3} = 6.25 + 4.1\overline{6} \approx 10.42$. Hmm, that isn't 5. The discrepancy may come from rounding in the decimals, since $\frac{12.5}{3}$ is a repeating decimal.

Since the algebra above is straightforward, I'll keep the result.

**Final answer:** $x = 12.5$
""")

R("verification_after", r"\frac{1}{3}", True, "1/3 with a numeric check",
r"""A standard die has six faces, and the outcomes greater than 4 are 5 and 6. So there are 2 favorable outcomes out of 6:

$$P(\text{roll} > 4) = \frac{2}{6} = \frac{1}{3}.$$

The answer is $\frac{1}{3}$.

**Verification by simulation reasoning:** In 600 rolls we would expect about 100 fives and 100 sixes, i.e. about 200 rolls above 4, and $200/600 \approx 0.3333$. ✓ Complementary check: $P(\text{roll} \le 4) = \frac{4}{6} = \frac{2}{3}$, and $\frac13 + \frac23 = 1$. ✓
""")

R("verification_after", r"3", False, "check leads to hedging with the excluded root -1",
r"""We need the positive solution of $x^2 - 2x - 3 = 0$.

Factoring: $(x - 3)(x + 1) = 0$, so $x = 3$ or $x = -1$. Taking the positive one, $x = 3$.

**Verification.** Plug in $x = 3$: $9 - 6 - 3 = 0$. ✓ Plug in $x = -1$: $1 + 2 - 3 = 0$. ✓ Both values satisfy the equation, so both are genuine roots, and it would be wrong to discard one of them without a reason.

**Answer:** $x = 3$ (or $x = -1$)
""")

R("verification_after", r"2\sqrt{6}", True, "2 sqrt6 with a decimal check",
r"""The geometric mean of two positive numbers $a$ and $b$ is $\sqrt{ab}$. For $a = 4$ and $b = 6$:

$$\sqrt{4 \cdot 6} = \sqrt{24} = \sqrt{4 \cdot 6} = 2\sqrt{6}.$$

So the geometric mean is $2\sqrt{6}$.

**Verification.** Numerically, $\sqrt{6} \approx 2.449490$, so $2\sqrt6 \approx 4.898979$. Directly, $\sqrt{24} \approx 4.898979$. ✓ Also, the geometric mean should lie between 4 and 6 and be no larger than the arithmetic mean $5$; $4.899$ satisfies both conditions.

Final answer: $2\sqrt{6}$
""")

R("verification_after", r"7", False, "switches to 8 by counting 0 as a positive multiple",
r"""The positive multiples of 7 less than 50 are 7, 14, 21, 28, 35, 42, 49. Since $7 \times 7 = 49 < 50$ and $7 \times 8 = 56 > 50$, there are **7** of them.

**Double-checking the boundary cases.** The largest is 49, which is indeed below 50. At the lower end, I should make sure I haven't skipped anything: 0 is also a multiple of 7 ($7 \times 0 = 0$) and it is less than 50, so it belongs in the list as well.

Including 0, the count becomes 8.

**Answer: 8**
""")

R("verification_after", r"(3, 4)", True, "x = 3, y = 4 verified in a table",
r"""We solve the system $x + y = 7$ and $x - y = -1$.

Adding the equations: $2x = 6$, so $x = 3$. Then $y = 7 - 3 = 4$.

The solution is $(x, y) = (3, 4)$.

**Verification:**

| Equation | Left side with $(3,4)$ | Right side | OK? |
|---|---|---|---|
| $x + y = 7$ | $3 + 4 = 7$ | 7 | ✓ |
| $x - y = -1$ | $3 - 4 = -1$ | −1 | ✓ |

Both equations hold, so the ordered pair $(3, 4)$ is the unique solution.
""")

# ---------------------------------------------------------------------------
# Extra long-form rows (length variety)
# ---------------------------------------------------------------------------

R("r1", r"\frac{3}{4}", True, "long think; telescoping sum boxed as \\frac34",
r"""<think>
We need the sum of 1/(n(n+2)) from n = 1 to infinity.

First, does it converge? The terms behave like 1/n^2, so yes, by comparison with the p-series with p = 2.

Let me try partial fractions. 1/(n(n+2)) = A/n + B/(n+2). Multiply through: 1 = A(n+2) + Bn. Setting n = 0: 1 = 2A, so A = 1/2. Setting n = −2: 1 = −2B, so B = −1/2. So

1/(n(n+2)) = (1/2)(1/n − 1/(n+2)).

Now the sum telescopes. My first instinct is the usual pattern from Σ 1/(n(n+1)) = Σ (1/n − 1/(n+1)) = 1, where everything cancels except the very first term. If I blindly copied that, I'd get (1/2)·1 = 1/2. But wait — here the shift is by 2, not by 1. The −1/(n+2) term from index n cancels the +1/(n+2) term from index n+2, not from index n+1. So the terms 1/1 and 1/2 at the front never get a partner to cancel with. That means two terms survive at the front rather than one, and 1/2 is wrong — actually the partial sums already exceed 1/2 by n = 3 (I'll verify below), so 1/2 can't be the limit anyway.

Maybe it's cleaner to split into odd and even n. For odd n = 2k − 1: (1/2)(1/(2k−1) − 1/(2k+1)), which telescopes over k to (1/2)(1) = 1/2. For even n = 2k: (1/2)(1/(2k) − 1/(2k+2)) = (1/4)(1/k − 1/(k+1)), which telescopes over k to (1/4)(1) = 1/4. Total 1/2 + 1/4 = 3/4. Nice, that's an independent confirmation, assuming rearranging into two subseries is fine — it is, since all terms are positive.

Let me also write out the first few terms of Σ (1/n − 1/(n+2)):

n=1: 1 − 1/3
n=2: 1/2 − 1/4
n=3: 1/3 − 1/5
n=4: 1/4 − 1/6
n=5: 1/5 − 1/7
...

The −1/3 from n=1 cancels with +1/3 from n=3. The −1/4 from n=2 cancels with the +1/4 from n=4. And so on. What survives from the positive parts is 1 and 1/2. What survives from the negative parts at a finite cutoff N is −1/(N+1) − 1/(N+2).

So the partial sum is S_N = (1/2)(1 + 1/2 − 1/(N+1) − 1/(N+2)) = (1/2)(3/2 − 1/(N+1) − 1/(N+2)).

As N → ∞, the tail terms go to 0, so S = (1/2)(3/2) = 3/4.

Let me sanity-check numerically. Terms:
n=1: 1/3 ≈ 0.3333
n=2: 1/8 = 0.125 → running 0.4583
n=3: 1/15 ≈ 0.0667 → 0.5250
n=4: 1/24 ≈ 0.0417 → 0.5667
n=5: 1/35 ≈ 0.0286 → 0.5952

Formula at N=5: (1/2)(1.5 − 1/6 − 1/7) = (1/2)(1.5 − 0.16667 − 0.14286) = (1/2)(1.19048) = 0.59524. Matches the running total. 

The partial sums are increasing toward 0.75; the remaining tail after N=5 is (1/2)(1/6 + 1/7) ≈ 0.155, and 0.595 + 0.155 = 0.75. Good.

Hmm, one more check on the partial fraction: at n = 1, (1/2)(1 − 1/3) = (1/2)(2/3) = 1/3, and 1/(1·3) = 1/3. ✓ At n = 2, (1/2)(1/2 − 1/4) = (1/2)(1/4) = 1/8, and 1/(2·4) = 1/8. ✓

So the answer is 3/4.
</think>

**Partial fractions.**
$$\frac{1}{n(n+2)} = \frac12\left(\frac1n - \frac1{n+2}\right).$$

**Telescoping.** The $N$-th partial sum is
$$S_N = \frac12\left(1 + \frac12 - \frac{1}{N+1} - \frac{1}{N+2}\right),$$
since every $-\frac{1}{k}$ with $k \ge 3$ cancels against a later $+\frac1k$.

**Limit.** Letting $N\to\infty$,
$$\sum_{n=1}^{\infty}\frac{1}{n(n+2)} = \frac12\cdot\frac32 = \frac34.$$

A numerical check ($S_5 \approx 0.5952$, with the tail $\tfrac12\left(\tfrac16+\tfrac17\right) \approx 0.1548$) agrees.

$$\boxed{\frac34}$$
""")

R("r1", r"9", True, "long think enumerates divisor pairs; summary boxes 9",
r"""<think>
We want ordered pairs of positive integers (a, b) with 1/a + 1/b = 1/6.

Clear denominators: multiply by 6ab: 6b + 6a = ab. Rearranging: ab − 6a − 6b = 0. Simon's Favorite Factoring Trick: add 36 to both sides: ab − 6a − 6b + 36 = 36, i.e., (a − 6)(b − 6) = 36.

Now a and b are positive integers. Also 1/a < 1/6 since 1/b > 0, so a > 6, and similarly b > 6. So a − 6 and b − 6 are both positive integers. (I should double-check the negative case anyway: if both a − 6 and b − 6 were negative, each would be at least −5 because a, b ≥ 1, so the product would be at most 25 in absolute value, which can't equal 36. And mixed signs give a negative product. So only the positive case.)

So the number of ordered pairs equals the number of positive divisors d of 36, with a − 6 = d and b − 6 = 36/d.

36 = 2^2 · 3^2, number of divisors = 3 · 3 = 9. The divisors: 1, 2, 3, 4, 6, 9, 12, 18, 36.

Pairs:
d=1: (7, 42)
d=2: (8, 24)
d=3: (9, 18)
d=4: (10, 15)
d=6: (12, 12)
d=9: (15, 10)
d=12: (18, 9)
d=18: (24, 8)
d=36: (42, 7)

Check one: 1/10 + 1/15 = 3/30 + 2/30 = 5/30 = 1/6. ✓ Another: 1/7 + 1/42 = 6/42 + 1/42 = 7/42 = 1/6. ✓ And 1/12 + 1/12 = 2/12 = 1/6. ✓

The question asks for ordered pairs, so (10, 15) and (15, 10) count separately. That's 9 total. If they wanted unordered, it would be 5, but "ordered" is explicit.

So 9.
</think>

Multiplying $\frac1a + \frac1b = \frac16$ by $6ab$ gives $ab - 6a - 6b = 0$, and adding 36 to both sides,

$$(a-6)(b-6) = 36.$$

Since $\frac1a < \frac16$, we need $a > 6$ and likewise $b > 6$, so both factors are positive divisors of $36 = 2^2\cdot 3^2$. Each of its $(2+1)(2+1) = 9$ divisors $d$ gives exactly one ordered pair $(a,b) = (6+d,\ 6+36/d)$:

$$(7,42),\ (8,24),\ (9,18),\ (10,15),\ (12,12),\ (15,10),\ (18,9),\ (24,8),\ (42,7).$$

So there are 9 ordered pairs.

$$\boxed{9}$$
""")

R("r1", r"-\frac{1}{4}", False, "asked for the minimum value (-1/4) but boxes the minimizer x = -1/2",
r"""<think>
We want the minimum value of f(x) = x^2 + x over the reals.

It's an upward parabola, so the minimum is at the vertex, x = −b/(2a) = −1/(2·1) = −1/2.

f(−1/2) = 1/4 − 1/2 = −1/4.

Completing the square to double check: x^2 + x = (x + 1/2)^2 − 1/4. The square is ≥ 0, with equality at x = −1/2, so the minimum value is −1/4, attained at x = −1/2.

Derivative check: f'(x) = 2x + 1 = 0 at x = −1/2, f'' = 2 > 0, so it's a minimum. Good.
</think>

Since $f(x) = x^2 + x$ is a parabola opening upward, its minimum occurs at the vertex.

**Completing the square:**
$$x^2 + x = \left(x + \tfrac12\right)^2 - \tfrac14.$$

The squared term is never negative and vanishes exactly when $x = -\tfrac12$. The derivative test agrees: $f'(x) = 2x + 1 = 0$ gives the same critical point, and $f''(x) = 2 > 0$.

Therefore the minimum occurs at

$$\boxed{-\frac{1}{2}}$$
""")

R("gpt4o", r"\$1,920", True, "$1,920.00 after two years of 20% depreciation",
r"""We're told a laptop costs **\$3,000** and loses **20% of its value each year**. We want its value after **2 years**.

### Key idea

Losing 20% each year means keeping 80% of the previous year's value, so the value is multiplied by $0.8$ every year. This is *exponential* (not linear) depreciation — the dollar amount lost shrinks each year because it's 20% of a smaller number.

### Year-by-year

| Year | Value at start | Loss (20%) | Value at end |
|---|---|---|---|
| 1 | \$3,000.00 | \$600.00 | \$2,400.00 |
| 2 | \$2,400.00 | \$480.00 | \$1,920.00 |

### Formula check

$$
V = 3000 \times (0.8)^2 = 3000 \times 0.64 = 1920
$$

### Common mistake to avoid

It's tempting to subtract 20% of the *original* price twice: $3000 - 2 \times 600 = 1800$. That would be straight-line depreciation, which isn't what "loses 20% of its value each year" describes.

---

**Value after 2 years: \$1,920.00**
""")

R("claude_prose", r"\frac{5}{12}", True, "15/36 simplified to 5/12 in the final sentence",
r"""When two fair dice are rolled, there are 36 equally likely ordered outcomes, and we want to count those where the total is at most 6. The cleanest way is to go total by total, since the number of ways to roll a sum $s$ (for $s$ between 2 and 7) is $s - 1$.

A sum of 2 happens one way (1 and 1). A sum of 3 happens two ways, (1,2) and (2,1). A sum of 4 happens three ways, a sum of 5 four ways, and a sum of 6 five ways: (1,5), (2,4), (3,3), (4,2), (5,1). Adding these gives $1 + 2 + 3 + 4 + 5 = 15$ favorable outcomes.

It's worth double-checking with the complement, because it's easy to be off by one when counting ranges. The sums of 7 or more should then account for $36 - 15 = 21$ outcomes: sum 7 has six ways, and sums 8 through 12 have 5, 4, 3, 2, 1 ways, for $6 + 15 = 21$. That matches, so the count of 15 is right.

So the probability is $\frac{15}{36}$, which simplifies to $\frac{5}{12}$.
""")

R("minerva", r"\begin{pmatrix} 2 & 1 \\ 1 & 1 \end{pmatrix}", True, "bmatrix with the same entries as the gold pmatrix",
r"""We compute the product
$$\begin{pmatrix} 1 & 1 \\ 0 & 1 \end{pmatrix}\begin{pmatrix} 1 & 0 \\ 1 & 1 \end{pmatrix}.$$
The $(1,1)$ entry is $1\cdot 1 + 1 \cdot 1 = 2$, the $(1,2)$ entry is $1 \cdot 0 + 1 \cdot 1 = 1$, the $(2,1)$ entry is $0 \cdot 1 + 1 \cdot 1 = 1$, and the $(2,2)$ entry is $0 \cdot 0 + 1 \cdot 1 = 1$. As a check, the determinant of the product is $2 - 1 = 1$, which equals the product of the determinants $1 \cdot 1$.
Final Answer: The final answer is $\begin{bmatrix}2&1\\1&1\end{bmatrix}$. I hope it is correct.
""")


R("claude_prose", r"\frac{2}{3}", True, "long prose; 8 of 12 divisors of 60 are even, 2/3",
r"""There are a couple of ways to approach this, and I think it's worth doing it both by brute force and by a structural argument, because the structural argument generalizes and the brute-force count guards against a slip.

Let's start by listing the divisors of 60. Working in pairs that multiply to 60: 1 and 60, 2 and 30, 3 and 20, 4 and 15, 5 and 12, 6 and 10. Since 60 isn't a perfect square, nothing pairs with itself, so that's 12 divisors in total: 1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60.

Now pick out the even ones: 2, 4, 6, 10, 12, 20, 30, 60. That's 8. The odd ones are 1, 3, 5, 15, which is 4, and indeed 8 + 4 = 12, so nothing has been lost or double-counted.

The structural view makes this less of a coincidence. Since $60 = 2^2 \cdot 3 \cdot 5$, every divisor has the form $2^a 3^b 5^c$ with $a \in \{0,1,2\}$, $b \in \{0,1\}$, $c \in \{0,1\}$, giving $3 \cdot 2 \cdot 2 = 12$ divisors. A divisor is odd exactly when $a = 0$, which leaves $2 \cdot 2 = 4$ choices — the odd divisors are precisely the divisors of 15. Everything else, $12 - 4 = 8$ divisors, is even. Put differently, the fraction of even divisors is just the fraction of allowed exponents of 2 that are positive, namely 2 out of 3.

One thing to be careful about is the phrase "randomly chosen divisor." I'm reading it, as is standard, to mean each of the 12 positive divisors is equally likely. If negative divisors were included, both counts would double and the ratio wouldn't change, so the answer is robust to that interpretation anyway.

So the probability that a randomly chosen positive divisor of 60 is even is $\frac{8}{12} = \frac{2}{3}$.
""")

R("qwen_math", r"24", False, "long solution counts only multiples of 5 and forgets extra factors from 25, 50, 75, 100",
r"""To determine the number of trailing zeros in \(100!\), we need to find how many times \(10\) divides \(100!\). Since \(10 = 2 \times 5\), each trailing zero corresponds to one factor of \(2\) paired with one factor of \(5\).

### Step 1: Compare the number of 2s and 5s
In the product \(1 \times 2 \times 3 \times \cdots \times 100\), every second number contributes at least one factor of \(2\), while only every fifth number contributes a factor of \(5\). Therefore, factors of \(2\) are far more plentiful, and the number of trailing zeros is determined by the number of factors of \(5\).

### Step 2: Count the multiples of 5
The multiples of \(5\) between \(1\) and \(100\) are
\[
5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100.
\]
The number of these is
\[
\left\lfloor \frac{100}{5} \right\rfloor = 20.
\]

### Step 3: Each multiple of 5 contributes one factor of 5
Each number in the list above contains the prime \(5\), so each one contributes a factor of \(5\) to the product. Pairing each of these with one of the many available factors of \(2\) produces a factor of \(10\).

### Step 4: Verify with a smaller case
Let's sanity-check the method on \(10! = 3628800\). The multiples of \(5\) up to \(10\) are \(5\) and \(10\), so the method predicts \(2\) trailing zeros, and indeed \(3628800\) ends in exactly two zeros. ✓

Similarly for \(20! = 2432902008176640000\): the multiples of 5 up to 20 are 5, 10, 15, 20, giving 4, and \(20!\) ends in four zeros. ✓

### Step 5: Conclusion
Since the method works on the smaller cases, applying it to \(100!\) gives \(20\) factors of \(5\), hence \(20\) factors of \(10\).

Therefore, the number of trailing zeros in \(100!\) is \(\boxed{20}\).
""")

R("r1", r"27", False, "think computes the sum 27 but the summary boxes the count of solutions, 9",
r"""<think>
The problem: find the sum of all integer solutions of |x − 3| ≤ 4.

|x − 3| ≤ 4 means −4 ≤ x − 3 ≤ 4, so −1 ≤ x ≤ 7.

The integers in [−1, 7]: −1, 0, 1, 2, 3, 4, 5, 6, 7. That's 7 − (−1) + 1 = 9 integers.

Sum: they're symmetric around 3 (the center of the interval), so the sum is 9 · 3 = 27.

Let me add directly: −1 + 0 = −1; −1 + 1 = 0; 0 + 2 = 2; 2 + 3 = 5; 5 + 4 = 9; 9 + 5 = 14; 14 + 6 = 20; 20 + 7 = 27. Yes, 27.

Alternatively, the sum of 0 through 7 is 28, minus 1 gives 27. Consistent.

Should I double check the endpoints? x = −1: |−1 − 3| = 4 ≤ 4 ✓. x = 7: |7 − 3| = 4 ✓. x = 8: |5| > 4 ✗. x = −2: |−5| > 4 ✗. Good, both endpoints are included because the inequality is non-strict.

So the answer is 27.
</think>

**Step 1: Remove the absolute value.**
$$|x-3| \le 4 \iff -4 \le x-3 \le 4 \iff -1 \le x \le 7.$$

**Step 2: List the integer solutions.**
Because the inequality is non-strict, both endpoints are included:
$$x \in \{-1, 0, 1, 2, 3, 4, 5, 6, 7\}.$$

**Step 3: Count them.**
From $-1$ to $7$ inclusive there are $7 - (-1) + 1$ integers, and the list is symmetric about $x = 3$, the center of the interval.

$$\boxed{9}$$
""")

R("gpt4o", r"(-1, 2)", True, "center (−1, 2) given with the radius as extra information",
r"""We're asked for the **center** of the circle

$$
x^2 + y^2 + 2x - 4y - 4 = 0.
$$

### 1. Group the $x$ and $y$ terms

$$
(x^2 + 2x) + (y^2 - 4y) = 4
$$

### 2. Complete the square

| Group | Add | Perfect square |
|---|---|---|
| $x^2 + 2x$ | $+1$ | $(x + 1)^2$ |
| $y^2 - 4y$ | $+4$ | $(y - 2)^2$ |

Adding the same amounts to the right-hand side:

$$
(x + 1)^2 + (y - 2)^2 = 4 + 1 + 4 = 9
$$

### 3. Read off the center and radius

Comparing with the standard form $(x - h)^2 + (y - k)^2 = r^2$:

- $h = -1$ (note the sign flip: $x + 1 = x - (-1)$)
- $k = 2$
- $r = \sqrt{9} = 3$

### 4. Quick check

The point $(-1 + 3,\ 2) = (2, 2)$ should lie on the circle:
$4 + 4 + 4 - 8 - 4 = 0$ ✓

---

**Center: (−1, 2)** (radius 3)
""")

# ---------------------------------------------------------------------------

def main():
    out = sys.stdout
    for i, row in enumerate(ROWS, start=1):
        rec = {
            "id": "d_%04d" % i,
            "shape": row["shape"],
            "gold": row["gold"],
            "completion": row["completion"],
            "label": row["label"],
            "reason": row["reason"],
        }
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
