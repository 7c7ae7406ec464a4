#!/usr/bin/env python3
"""Math answer grader evaluation corpus, part A.

Hand-written (gold, completion) pairs with the verdict a careful human grader
would give: label is true when the completion's FINAL answer is mathematically
the gold answer. Shapes: minerva, qwen_boxed, r1_think, long_cot, gsm8k.

Run:  python3 part_a.py > part_a.jsonl        (JSONL on stdout)
      python3 part_a.py --stats               (counts on stderr as well)

Standard library only. Completions are raw strings so LaTeX backslashes survive.
"""
import json
import sys

ROWS = []


def row(shape, gold, completion, label, reason):
    ROWS.append({
        "shape": shape,
        "gold": gold,
        "completion": completion,
        "label": label,
        "reason": reason,
    })


# ---------------------------------------------------------------------------
# 1. minerva: "Final Answer: The final answer is $X$. I hope it is correct."
# ---------------------------------------------------------------------------
S = "minerva"

row(S, r"\frac{3}{7}", r"""Solution: The bag contains $3+4=7$ marbles, of which $3$ are red. Each marble is equally likely to be drawn, so the probability of drawing a red marble is $\frac{3}{7}$.
Final Answer: The final answer is $\frac{3}{7}$. I hope it is correct.""",
    True, "final answer 3/7 matches gold exactly")

row(S, r"\frac{3}{7}", r"""Solution: There are $7$ marbles in total and $3$ of them are red, so the probability is $3/7 \approx 0.43$.
Final Answer: The final answer is $0.43$. I hope it is correct.""",
    False, "0.43 is a two-decimal rounding of 3/7, not the exact value")

row(S, r"\frac{3}{7}", r"""Solution: Since the $7$ outcomes are equally likely and $3$ of them are favorable, the probability is $3 \div 7 = 0.428571428571\ldots$

Final Answer: The final answer is $0.428571428571$. I hope it is correct.""",
    True, "0.428571428571 agrees with 3/7 to 12 decimals")

row(S, r"36\pi", r"""Solution: The volume of a sphere of radius $r$ is $\frac{4}{3}\pi r^3$. With $r = 3$ we get
$$V = \frac{4}{3}\pi \cdot 27 = 36\pi.$$
Final Answer: The final answer is $36\pi$. I hope it is correct.""",
    True, "sphere volume 36pi matches")

row(S, r"36\pi", r"""Solution: The sphere has radius $3$, so its volume is $\frac{4}{3}\pi r^2 = \frac{4}{3}\pi\cdot 9 = 12\pi$.
Final Answer: The final answer is $12\pi$. I hope it is correct.""",
    False, "used r^2 instead of r^3; 12pi is off by a factor of 3")

row(S, r"(2, 3)", r"""Solution: Adding the equations $x+y=5$ and $x-y=-1$ gives $2x=4$, so $x=2$. Then $y = 5 - 2 = 3$. The ordered pair is $(2,3)$.
Final Answer: The final answer is $(2,3)$. I hope it is correct.""",
    True, "ordered pair (2,3) matches; spacing irrelevant")

row(S, r"(2, 3)", r"""Solution: Subtracting the second equation from the first, $(x+y)-(x-y) = 5-(-1)$, so $2y = 6$ and $y=3$. Substituting back, $x = 2$. Hence the intersection point is
Final Answer: The final answer is $(3, 2)$. I hope it is correct.""",
    False, "coordinates reversed: (3,2) is not (2,3)")

row(S, r"10, 200", r"""Solution: We need two numbers whose sum is $210$ and whose product is $2000$, so they are the roots of
$$x^2 - 210x + 2000 = (x-10)(x-200) = 0.$$
The roots are $x=10$ and $x=200$.
Final Answer: The final answer is $10, 200$. I hope it is correct.""",
    True, "both roots 10 and 200 given, same as gold")

row(S, r"[2, 5)", r"""Solution: For $\frac{\sqrt{x-2}}{\sqrt{5-x}}$ to be defined we need $x - 2 \ge 0$ and $5 - x \ge 0$. So $2 \le x \le 5$.
Final Answer: The final answer is $[2,5]$. I hope it is correct.""",
    False, "closed at 5, but x=5 makes the denominator zero; gold is half-open")

row(S, r"[2, 5)", r"""Solution: The numerator requires $x-2\geq 0$, i.e. $x\geq 2$. The denominator requires $5-x>0$ (it cannot be zero), i.e. $x<5$. Hence the domain is $2\le x<5$.
Final Answer: The final answer is $2 \le x < 5$. I hope it is correct.""",
    True, "inequality 2 <= x < 5 is the interval [2,5)")

row(S, r"y \ge -2", r"""Solution: Completing the square, $y = x^2 - 4x + 2 = (x-2)^2 - 2$. Since $(x-2)^2 \ge 0$ and takes every nonnegative value, the range is all $y$ with $y \ge -2$, that is, $[-2, \infty)$.
Final Answer: The final answer is $[-2,\infty)$. I hope it is correct.""",
    True, "[-2, infinity) is the same set as y >= -2")

row(S, r"x = 4", r"""Solution: Adding $5$ to both sides of $3x - 5 = 7$ gives $3x = 12$, so $x = 4$.
Final Answer: The final answer is $4$. I hope it is correct.""",
    True, "4 is the value in gold x = 4")

row(S, r"x = 4", r"""Solution: Moving the constant across, $3x = -7 - 5 = -12$, so $x=-4$.
Final Answer: The final answer is $x=-4$. I hope it is correct.""",
    False, "sign error: -4 instead of 4")

row(S, r"2\sqrt{3}", r"""Solution: The altitude of an equilateral triangle with side $4$ splits it into two $30$-$60$-$90$ triangles with hypotenuse $4$ and short leg $2$. By the Pythagorean theorem the altitude is $\sqrt{4^2 - 2^2} = \sqrt{12}$.
Final Answer: The final answer is $\sqrt{12}$. I hope it is correct.""",
    True, "sqrt(12) = 2 sqrt(3)")

row(S, r"\frac{\sqrt{3}}{2}", r"""Solution: In a $30^\circ$-$60^\circ$-$90^\circ$ triangle with hypotenuse $2$, the legs are $1$ and $\sqrt 3$. The sine of $60^\circ$ is the short leg over the hypotenuse, which is $\frac{1}{2}$.
Final Answer: The final answer is $\frac{1}{2}$. I hope it is correct.""",
    False, "1/2 is sin 30, not sin 60 = sqrt3/2")

row(S, r"-\frac{1}{2}", r"""Solution: The angle $120^\circ$ lies in the second quadrant with reference angle $60^\circ$. Cosine is negative there, so $\cos 120^\circ = -\cos 60^\circ = -0.5$.
Final Answer: The final answer is $-0.5$. I hope it is correct.""",
    True, "-0.5 = -1/2")

row(S, r"5", r"""Solution: Since $16 = 2^4$, its positive divisors are $2^0, 2^1, 2^2, 2^3, 2^4$, namely $1, 2, 4, 8, 16$. There are $4+1 = 5$ of them.
Final Answer: The final answer is $5$. I hope it is correct.""",
    True, "5 divisors, matches")

row(S, r"12", r"""Solution: We list the divisors of $60$ in pairs: $1 \cdot 60$, $2 \cdot 30$, $3\cdot 15$, $4 \cdot 15$... let me redo this: $1, 2, 3, 4, 5, 6, 10, 12, 15, 30, 60$. That is $11$ divisors.
Final Answer: The final answer is $11$. I hope it is correct.""",
    False, "missed the divisor 20; 60 has 12 divisors")

row(S, r"\boxed{24}", r"""Solution: The four books can be arranged in $4! = 4\cdot 3\cdot 2\cdot 1 = 24$ orders.
Final Answer: The final answer is $24$. I hope it is correct.""",
    True, "24 matches the boxed gold")

row(S, r"$-7$", r"""Solution: Subtracting $9$ from both sides of $2x+9=-5$ gives $2x=-14$, and dividing by $2$ gives $x=-7$.
Final Answer: The final answer is $-7$. I hope it is correct.""",
    True, "-7 matches the dollar-wrapped gold")

row(S, r"-7", r"""Solution: Subtract $9$ from both sides: $2x = -14$. Dividing by $2$, we find $x = 7$.
Final Answer: The final answer is $7$. I hope it is correct.""",
    False, "dropped the sign: 7 instead of -7")

row(S, r"\frac{9}{4}", r"""Solution: For $x^2 - 3x + k$ to be the square of a binomial it must equal $\left(x - \frac{3}{2}\right)^2 = x^2 - 3x + \frac{9}{4}$. Thus $k = \frac94 = 2.25$.
Final Answer: The final answer is $2.25$. I hope it is correct.""",
    True, "2.25 = 9/4 exactly")

row(S, r"\frac{9}{4}", r"""Solution: We want $x^2-3x+k=(x-a)^2$, so $2a = 3$ and $k = a^2$. Hence $a = \frac{3}{2}$ and $k = \frac{4}{9}$.
Final Answer: The final answer is $\frac{4}{9}$. I hope it is correct.""",
    False, "reciprocal of the correct value 9/4")

row(S, r"45^\circ", r"""Solution: The triangle is an isosceles right triangle, so the two base angles are equal and sum to $180^\circ - 90^\circ = 90^\circ$. Each is therefore $45$ degrees.
Final Answer: The final answer is $45$. I hope it is correct.""",
    True, "45 degrees matches 45^\\circ")

row(S, r"135^\circ", r"""Solution: The exterior angles of any convex polygon sum to $360^\circ$, so each exterior angle of a regular octagon is $\frac{360^\circ}{8} = 45^\circ$.
Final Answer: The final answer is $45^\circ$. I hope it is correct.""",
    False, "gave the exterior angle 45 instead of the interior angle 135")

row(S, r"8\sqrt{2}", r"""Solution: By the Pythagorean theorem the diagonal of a square with side $8$ is $\sqrt{8^2+8^2}=\sqrt{128}$.
Final Answer: The final answer is $\sqrt{128}$. I hope it is correct.""",
    True, "sqrt(128) = 8 sqrt(2)")

row(S, r"3 + 2\sqrt{2}", r"""Solution: Expanding, $(1+\sqrt{2})^2 = 1 + 2\sqrt{2} + 2 = 2\sqrt{2} + 3$.
Final Answer: The final answer is $2\sqrt{2}+3$. I hope it is correct.""",
    True, "same sum with the terms reordered")

row(S, r"\$18.90", r"""Solution: Seven notebooks at $\$2.70$ each cost $7 \times \$2.70 = \$18.90$.
Final Answer: The final answer is $\$18.90$. I hope it is correct.""",
    True, "18.90 dollars matches")

row(S, r"6", r"""Solution: If $x^2 = 36$ then $x = \pm\sqrt{36} = \pm 6$.
Final Answer: The final answer is $\pm 6$. I hope it is correct.""",
    False, "question wants the positive value; +-6 gives two answers")

row(S, r"\begin{pmatrix} 3 \\ -1 \end{pmatrix}", r"""Solution: Adding componentwise,
$$\begin{pmatrix} 1 \\ 2 \end{pmatrix} + \begin{pmatrix} 2 \\ -3 \end{pmatrix} = \begin{pmatrix} 1+2 \\ 2-3 \end{pmatrix} = \begin{pmatrix} 3 \\ -1 \end{pmatrix}.$$
Final Answer: The final answer is $\begin{pmatrix}3\\-1\end{pmatrix}$. I hope it is correct.""",
    True, "same column vector (3, -1)")

row(S, r"1,\!000,\!000", r"""Solution: Each of the $6$ positions can hold any of the $10$ digits, so there are $10^6 = 1{,}000{,}000$ strings.
Final Answer: The final answer is $1{,}000{,}000$. I hope it is correct.""",
    True, "one million in either thousands-separator spelling")

row(S, r"40", r"""Solution: Out of $25$ students, $10$ chose soccer, and $\frac{10}{25} = \frac{2}{5} = 0.4$, which is $40\%$.
Final Answer: The final answer is $40\%$. I hope it is correct.""",
    True, "the question asks for a percent; 40% is 40")

row(S, r"\text{(C)}", r"""Solution: We compute each option: $2^{10} = 1024$, $3^6 = 729$, $5^5 = 3125$, $10^3 = 1000$, and $4^5 = 1024$. The largest is $5^5$, which is choice $\text{(C)}$.
Final Answer: The final answer is $\text{(C)}$. I hope it is correct.""",
    True, "choice C matches")

row(S, r"\text{(C)}", r"""Solution: $5^5 = 3125$ is large, but $4^5$ also grows fast, so the answer is one of these two.
Final Answer: The final answer is $\text{(C)}$ or $\text{(E)}$. I hope it is correct.""",
    False, "hedges between two choices")

row(S, r"2, -\frac{3}{5}", r"""Solution: We begin by clearing denominators in
$$\frac{1}{x} + \frac{1}{x+1} = \frac{5}{6}.$$
Multiplying through by $6x(x+1)$ we get $6(x+1) + 6x = 5x(x+1)$. Expanding the right-hand side and collecting terms on one side, we get""",
    False, "generation stops before any answer is given")

row(S, r"17", r"""Solution: The primes in increasing order are $2, 3, 5, 7, 11, 13, 17, \dots$ Counting, the seventh one is $17$.
Final Answer: The final answer is $17$. I hope it is correct.""",
    True, "17 is the seventh prime")

row(S, r"17", r"""Solution: Listing the smallest positive integers with no divisors other than $1$ and themselves: $1, 2, 3, 5, 7, 11, 13$. The seventh of these is $13$.
Final Answer: The final answer is $13$. I hope it is correct.""",
    False, "counted 1 as a prime; the seventh prime is 17")

row(S, r"-\frac{3}{2}", r"""Solution: Solving $3x + 2y = 6$ for $y$ gives $y = \frac{-3}{2}x + 3$, so the slope is $\frac{-3}{2}$.
Final Answer: The final answer is $\frac{-3}{2}$. I hope it is correct.""",
    True, "(-3)/2 = -3/2")

row(S, r"-\frac{3}{2}", r"""Solution: Writing the line as $y = -\frac32 x + 3$, the slope is the negative reciprocal of the coefficient ratio, which gives $-\frac{2}{3}$.
Final Answer: The final answer is $-\frac{2}{3}$. I hope it is correct.""",
    False, "gave -2/3 (a reciprocal) instead of the slope -3/2")

row(S, r"y = 2x + 1", r"""Solution: The slope through $(0, 1)$ and $(2, 5)$ is $\frac{5-1}{2-0} = 2$, and the $y$-intercept is $1$. Therefore the line is $y=2x+1$.
Final Answer: The final answer is $y=2x+1$. I hope it is correct.""",
    True, "same line equation")

row(S, r"(x+2)(x+5)", r"""Solution: We need two numbers with product $10$ and sum $7$; these are $5$ and $2$. Thus $x^2 + 7x + 10 = (x+5)(x+2)$.
Final Answer: The final answer is $(x+5)(x+2)$. I hope it is correct.""",
    True, "same factorization with the factors swapped")


# ---------------------------------------------------------------------------
# 2. qwen_boxed: step headers, display math, "the final answer is $\boxed{..}$"
# ---------------------------------------------------------------------------
S = "qwen_boxed"

row(S, r"5", r"""To solve the equation \(2(x - 1) = 8\), we proceed step by step.

### Step 1: Divide both sides by 2
\[
x - 1 = 4
\]

### Step 2: Add 1 to both sides
\[
x = 5
\]

### Step 3: Verify
Substituting back, \(2(5 - 1) = 2 \cdot 4 = 8\), which is correct.

Therefore, the final answer is $\boxed{x = 5}$.""",
    True, "boxed x = 5 gives the value 5")

row(S, r"\frac{2}{3}", r"""To find the probability that a fair six-sided die does **not** show a 5 or a 6, we follow these steps:

1. **Count the total outcomes.** A die has 6 equally likely faces.
2. **Count the favorable outcomes.** The faces 1, 2, 3, 4 are favorable, so there are 4 of them.
3. **Compute the probability.**
\[
P = \frac{4}{6} = \frac{2}{3}
\]

Therefore, the final answer is $\boxed{\dfrac{2}{3}}$.""",
    True, "\\dfrac{2}{3} is 2/3")

row(S, r"36\pi", r"""To find the volume of a sphere with radius \(3\) cm, we use the formula for the volume of a sphere.

### Step 1: Recall the formula
\[
V = \frac{4}{3}\pi r^3
\]

### Step 2: Substitute \(r = 3\)
\[
V = \frac{4}{3}\pi (3)^3 = \frac{4}{3}\pi \cdot 27
\]

### Step 3: Simplify
\[
V = 4 \cdot 9 \pi = 36\pi
\]

Therefore, the final answer is $\boxed{36\pi \text{ cm}^3}$.""",
    True, "36pi with a unit; gold has no unit, value matches")

row(S, r"3, 4", r"""To solve \(x^2 - 7x + 12 = 0\), we factor the quadratic.

### Step 1: Find two numbers
We need two numbers whose product is \(12\) and whose sum is \(-7\). These are \(-3\) and \(-4\).

### Step 2: Factor
\[
x^2 - 7x + 12 = (x - 3)(x - 4) = 0
\]

### Step 3: Solve each factor
\[
x - 3 = 0 \implies x = 3, \qquad x - 4 = 0 \implies x = 4
\]

Therefore, the final answer is $\boxed{3}$ and $\boxed{4}$.""",
    True, "both solutions 3 and 4 boxed")

row(S, r"3, 4", r"""We are asked to find all solutions of \(x^2 - 7x + 12 = 0\).

**Step 1.** Factor: \((x-3)(x-4) = 0\).

**Step 2.** The zero-product property gives \(x = 3\).

Therefore, the final answer is $\boxed{3}$.""",
    False, "gives only one of the two solutions; 4 is missing")

row(S, r"(-1, 4)", r"""To find the vertex of the parabola \(y = -x^2 - 2x + 3\), we use the vertex formula.

### Step 1: Identify coefficients
Here \(a = -1\), \(b = -2\), \(c = 3\).

### Step 2: Find the \(x\)-coordinate
\[
x = -\frac{b}{2a} = -\frac{-2}{2(-1)} = -1
\]

### Step 3: Find the \(y\)-coordinate
\[
y = -(-1)^2 - 2(-1) + 3 = -1 + 2 + 3 = 4
\]

Therefore, the final answer is $\boxed{(-1, 4)}$.""",
    True, "vertex (-1, 4) matches")

row(S, r"(-\infty, -3) \cup (3, \infty)", r"""To solve the inequality \(x^2 > 9\):

### Step 1: Rewrite
\[
x^2 - 9 > 0 \quad\Longleftrightarrow\quad (x - 3)(x + 3) > 0
\]

### Step 2: Sign analysis
The critical points are \(x = -3\) and \(x = 3\). The product is positive when both factors have the same sign, i.e. when \(x < -3\) or \(x > 3\).

### Step 3: Write in interval notation
\[
(-\infty,-3)\cup(3,\infty)
\]

Therefore, the final answer is $\boxed{(-\infty,-3)\cup(3,\infty)}$.""",
    True, "same union of open intervals")

row(S, r"(-\infty, -3) \cup (3, \infty)", r"""To solve \(x^2 > 9\), take square roots of both sides.

### Step 1
\[
|x| > 3
\]

### Step 2
This means \(x\) lies between \(-3\) and \(3\):
\[
-3 < x < 3
\]

Therefore, the final answer is $\boxed{(-3, 3)}$.""",
    False, "gave the complement; |x| > 3 is outside (-3,3)")

row(S, r"\{1, 2, 3\}", r"""To find all roots of \(x^3 - 6x^2 + 11x - 6 = 0\):

### Step 1: Try rational roots
By the Rational Root Theorem, candidates are \(\pm1, \pm2, \pm3, \pm6\). Testing \(x = 1\):
\[
1 - 6 + 11 - 6 = 0 \checkmark
\]

### Step 2: Divide out \((x - 1)\)
\[
x^3 - 6x^2 + 11x - 6 = (x - 1)(x^2 - 5x + 6)
\]

### Step 3: Factor the quadratic
\[
x^2 - 5x + 6 = (x - 2)(x - 3)
\]

So the roots are \(1, 2, 3\).

Therefore, the final answer is $\boxed{\{1,2,3\}}$.""",
    True, "same root set {1,2,3}")

row(S, r"\begin{pmatrix} 2 & 1 \\ 4 & 3 \end{pmatrix}", r"""We compute the product
\[
\begin{pmatrix} 1 & 0 \\ 1 & 1 \end{pmatrix}\begin{pmatrix} 2 & 1 \\ 2 & 2 \end{pmatrix}.
\]

### Step 1: First row
\[
(1\cdot 2 + 0\cdot 2,\; 1\cdot 1 + 0 \cdot 2) = (2, 1)
\]

### Step 2: Second row
\[
(1\cdot 2 + 1\cdot 2,\; 1\cdot 1 + 1\cdot 2) = (4, 3)
\]

Therefore, the final answer is $\boxed{\begin{bmatrix} 2 & 1 \\ 4 & 3 \end{bmatrix}}$.""",
    True, "same matrix; bmatrix vs pmatrix is cosmetic")

row(S, r"\begin{pmatrix} 2 & 1 \\ 4 & 3 \end{pmatrix}", r"""Let \(A = \begin{pmatrix} 1 & 0 \\ 1 & 1 \end{pmatrix}\) and \(B = \begin{pmatrix} 2 & 1 \\ 2 & 2 \end{pmatrix}\). We compute the product entry by entry.

1. Entry \((1,1)\): \(2\cdot 1 + 1 \cdot 1 = 3\)
2. Entry \((1,2)\): \(2 \cdot 0 + 1 \cdot 1 = 1\)
3. Entry \((2,1)\): \(2\cdot 1 + 2\cdot 1 = 4\)
4. Entry \((2,2)\): \(2 \cdot 0 + 2 \cdot 1 = 2\)

\[
\begin{pmatrix} 3 & 1 \\ 4 & 2 \end{pmatrix}
\]

Therefore, the final answer is $\boxed{\begin{pmatrix} 3 & 1 \\ 4 & 2 \end{pmatrix}}$.""",
    False, "computed BA instead of AB; different matrix")

row(S, r"\frac{\sqrt{2}}{2}", r"""To evaluate \(\sin 45^\circ\):

### Step 1: Use the 45-45-90 triangle
In an isosceles right triangle with legs \(1\), the hypotenuse is \(\sqrt{2}\).

### Step 2: Take opposite over hypotenuse
\[
\sin 45^\circ = \frac{1}{\sqrt{2}}
\]

Therefore, the final answer is $\boxed{\frac{1}{\sqrt{2}}}$.""",
    True, "1/sqrt2 = sqrt2/2")

row(S, r"2\sqrt{5}", r"""To find the distance between \((1, 2)\) and \((3, 6)\):

### Step 1: Distance formula
\[
d = \sqrt{(3-1)^2 + (6-2)^2}
\]

### Step 2: Compute
\[
d = \sqrt{4 + 16} = \sqrt{20}
\]

Therefore, the final answer is $\boxed{\sqrt{20}}$.""",
    True, "sqrt20 = 2 sqrt5")

row(S, r"2\sqrt{5}", r"""To find the distance between \((1, 2)\) and \((3, 6)\):

### Step 1: Differences
\(\Delta x = 2\), \(\Delta y = 4\).

### Step 2: Square and add
\[
d = 2^2 + 4^2 = 4 + 16 = 20
\]

Therefore, the final answer is $\boxed{20}$.""",
    False, "forgot the square root; 20 is d^2")

row(S, r"120", r"""To find the number of ways to arrange 5 distinct books on a shelf:

### Step 1: Choices for each position
- First position: 5 choices
- Second: 4 choices
- Third: 3 choices
- Fourth: 2 choices
- Fifth: 1 choice

### Step 2: Multiply
\[
5 \times 4 \times 3 \times 2 \times 1 = 5! = 120
\]

Therefore, the final answer is $\boxed{120}$.""",
    True, "5! = 120")

row(S, r"10", r"""To choose 2 members of a committee from 5 people:

### Step 1: Pick the first member
There are 5 options.

### Step 2: Pick the second member
There are 4 options left.

### Step 3: Multiply
\[
5 \times 4 = 20
\]

Therefore, the final answer is $\boxed{20}$.""",
    False, "counted ordered pairs; C(5,2) = 10")

row(S, r"-2", r"""Given \(f(x) = 3x + 4\), we want \(x\) such that \(f(x) = -2\).

### Step 1: Set up the equation
\[
3x + 4 = -2
\]

### Step 2: Solve
\[
3x = -6 \quad\Rightarrow\quad x = -2
\]

Therefore, the final answer is $\boxed{-2}$.""",
    True, "-2 matches")

row(S, r"\frac{1}{4}", r"""To find the probability of getting two heads when flipping a fair coin twice:

1. The sample space is \(\{HH, HT, TH, TT\}\), with 4 equally likely outcomes.
2. Only \(HH\) is favorable.
3. So
\[
P(HH) = \frac{1}{4} = 0.25
\]

Therefore, the final answer is $\boxed{0.25}$.""",
    True, "0.25 = 1/4")

row(S, r"\frac{5}{2}", r"""We need to split 10 cups of flour equally among 4 batches.

### Step 1: Divide
\[
\frac{10}{4} = \frac{5}{2}
\]

### Step 2: Write as a mixed number
\[
\frac{5}{2} = 2\frac{1}{2}
\]

Each batch uses two and a half cups.

Therefore, the final answer is $\boxed{2\frac{1}{2}}$.""",
    True, "mixed number 2 1/2 = 5/2")

row(S, r"100^\circ", r"""To find the third angle of a triangle whose other two angles are \(35^\circ\) and \(45^\circ\):

### Step 1: Angle sum
The angles of a triangle add to \(180^\circ\).

### Step 2: Subtract
\[
180^\circ - 35^\circ - 45^\circ = 100^\circ
\]

Therefore, the final answer is $\boxed{100^\circ}$.""",
    True, "100 degrees matches")

row(S, r"100", r"""To find the third angle of the triangle:

### Step 1: Add the known angles
\[
35^\circ + 45^\circ = 80^\circ
\]

### Step 2: Conclude
The remaining angle is determined by the known ones.

Therefore, the final answer is $\boxed{80^\circ}$.""",
    False, "reported the sum of the two known angles, not 180 - 80 = 100")

row(S, r"[-1, 3]", r"""To solve \(|x - 1| \le 2\):

### Step 1: Remove the absolute value
\[
-2 \le x - 1 \le 2
\]

### Step 2: Add 1 throughout
\[
-1 \le x \le 3
\]

Therefore, the final answer is $\boxed{-1 \le x \le 3}$.""",
    True, "-1 <= x <= 3 is the closed interval [-1,3]")

row(S, r"[-1, 3]", r"""To solve \(|x - 1| \le 2\):

### Step 1: Rewrite
\[
-2 < x - 1 < 2
\]

### Step 2: Solve
\[
-1 < x < 3
\]

Therefore, the final answer is $\boxed{(-1, 3)}$.""",
    False, "dropped the endpoints; gold is closed")

row(S, r"4", r"""To evaluate \(\log_2 16\):

### Step 1: Express 16 as a power of 2
\[
16 = 2^4
\]

### Step 2: Apply the definition of the logarithm
\[
\log_2 16 = \frac{16}{2} = 8
\]

Therefore, the final answer is $\boxed{8}$.""",
    False, "treated log2 16 as 16/2; the exponent is 4")

row(S, r"\frac{7}{2}", r"""To solve \(4x - 3 = 11\):

### Step 1
\[
4x = 14
\]

### Step 2
\[
x = \dfrac{14}{4}
\]

Therefore, the final answer is $\boxed{\dfrac{14}{4}}$.""",
    True, "14/4 is unreduced but equals 7/2")

row(S, r"12", r"""To count the number of edges of the solid:

### Step 1: Count the edges on the top face
There are 4 edges on top and 4 on the bottom.

### Step 2: Count the vertical edges
There are 4 or 5 vertical edges depending on how the figure is drawn.

Therefore, the final answer is $\boxed{12 \text{ or } 13}$.""",
    False, "hedges between 12 and 13")

row(S, r"1024", r"""To find the number of subsets of a 10-element set:

### Step 1
Each element is either in or out of a subset: 2 choices per element.

### Step 2
\[
\underbrace{2 \cdot 2 \cdots 2}_{10} = 2^{10}
\]

Therefore, the final answer is $\boxed{2^{10}}$.""",
    True, "2^10 = 1024")

row(S, r"3\sqrt{2}", r"""To find the diagonal of a square with side length \(3\):

### Step 1: Pythagorean theorem
\[
d = \sqrt{3^2 + 3^2} = \sqrt{18}
\]

### Step 2: Approximate
\[
\sqrt{18} \approx 4.24
\]

Therefore, the final answer is $\boxed{4.24}$.""",
    False, "4.24 is a 2-decimal rounding of 3 sqrt2, not exact")

row(S, r"3\sqrt{2}", r"""To find the diagonal of a square with side length \(3\):

### Step 1: Pythagorean theorem
\[
d = \sqrt{3^2 + 3^2} = \sqrt{18} = 3\sqrt{2}
\]

### Step 2: Numerical value
\[
3\sqrt{2} \approx 4.242640687
\]

Therefore, the final answer is $\boxed{4.242640687}$.""",
    True, "4.242640687 agrees with 3 sqrt2 to 9 decimals")

row(S, r"y = -3x + 7", r"""To find the line through \((2, 1)\) with slope \(-3\):

### Step 1: Point-slope form
\[
y - 1 = -3(x - 2)
\]

### Step 2: Simplify
\[
y - 1 = -3x + 6 \quad\Rightarrow\quad 3x + y = 7
\]

Therefore, the final answer is $\boxed{3x + y = 7}$.""",
    True, "3x + y = 7 is the same line as y = -3x + 7")

row(S, r"(1, -2)", r"""We solve the system
\[
\begin{cases} 2x + y = 0 \\ x - y = 3 \end{cases}
\]

### Step 1: Add the equations
\[
3x = 3 \implies x = 1
\]

### Step 2: Back-substitute
\[
1 - y = 3 \implies y = -2
\]

Therefore, the final answer is $\boxed{x = 1,\ y = -2}$.""",
    True, "x=1, y=-2 is the pair (1,-2)")

row(S, r"\$42", r"""To find the total cost of 6 tickets at \$7 each:

### Step 1: Multiply
\[
6 \times 7 = 42
\]

Therefore, the final answer is $\boxed{42 \text{ dollars}}$.""",
    True, "42 dollars = $42")

row(S, r"$\frac{1}{3}$", r"""To find the probability that a number chosen uniformly from \(\{1,2,\dots,9\}\) is a multiple of 3:

### Step 1: Favorable outcomes
The multiples of 3 are \(3, 6, 9\): three numbers.

### Step 2: Probability
\[
\frac{3}{9} = \frac{1}{3}
\]

Therefore, the final answer is $\boxed{\tfrac13}$.""",
    True, "\\tfrac13 = 1/3")

row(S, r"-\frac{1}{3}", r"""To find the slope of the line through \((0, 2)\) and \((3, 1)\):

### Step 1: Slope formula
\[
m = \frac{y_2 - y_1}{x_2 - x_1}
\]

### Step 2: Substitute
\[
m = \frac{2 - 1}{3 - 0} = \frac{1}{3}
\]

Therefore, the final answer is $\boxed{\frac{1}{3}}$.""",
    False, "mixed the order of the points; sign is wrong, slope is -1/3")

row(S, r"8", r"""To find the perimeter of the square whose area is 4 square units:

### Step 1: Side length
\[
s = \sqrt{4} = 2
\]

### Step 2: Perimeter
\[
P = 4s = 8
\]

Therefore, the final answer is $\boxed{8 \text{ units}}$.""",
    True, "8 units; unit is harmless")

row(S, r"2", r"""To find the positive integer \(n\) with \(3^n = 9\):

### Step 1: Write 9 as a power of 3
\[
9 = 3^{?}
\]

Therefore, the final answer is $\boxed{}$.""",
    False, "empty box; no answer given")

row(S, r"50", r"""To find what percent of 80 is 40:

### Step 1: Form the ratio
\[
\frac{40}{80} = 0.5
\]

### Step 2: Convert to percent
\[
0.5 \times 100\% = 50\%
\]

Therefore, the final answer is $\boxed{50\%}$.""",
    True, "50% for a percent question is 50")

row(S, r"0", r"""To find the sum of the roots of \(x^2 - 9 = 0\):

### Step 1: Solve
\[
x^2 = 9 \implies x = 3 \text{ or } x = -3
\]

### Step 2: Add
\[
3 + (-3) = 0
\]

Therefore, the final answer is $\boxed{0}$.""",
    True, "sum of roots 0 matches")

row(S, r"i", r"""To compute \(i^{2025}\):

### Step 1: Powers of \(i\) cycle with period 4
\[
i^1 = i,\quad i^2 = -1,\quad i^3 = -i,\quad i^4 = 1
\]

### Step 2: Reduce the exponent
\[
2025 = 4 \cdot 506 + 1
\]

### Step 3: Conclude
\[
i^{2025} = i^{1} = i
\]

Therefore, the final answer is $\boxed{i}$.""",
    True, "i matches")

row(S, r"i", r"""To compute \(i^{2025}\):

### Step 1: Reduce modulo 4
\[
2025 \div 4 = 506 \text{ remainder } 3
\]

### Step 2: Evaluate
\[
i^{2025} = i^3 = -i
\]

Therefore, the final answer is $\boxed{-i}$.""",
    False, "wrong remainder (2025 mod 4 = 1); -i is wrong")

row(S, r"3 - 4i", r"""To expand \((2 - i)^2\):

### Step 1: Use \((a-b)^2 = a^2 - 2ab + b^2\)
\[
(2 - i)^2 = 4 - 4i + i^2
\]

### Step 2: Use \(i^2 = -1\)
\[
4 - 4i - 1 = 3 - 4i
\]

Therefore, the final answer is $\boxed{3-4i}$.""",
    True, "3 - 4i matches")

row(S, r"\frac{\pi}{3}", r"""To find \(\arccos\left(\frac{1}{2}\right)\):

### Step 1: Recall special angles
We know \(\sin\frac{\pi}{6} = \frac12\).

### Step 2: Conclude
\[
\arccos\left(\tfrac{1}{2}\right) = \frac{\pi}{6}
\]

Therefore, the final answer is $\boxed{\frac{\pi}{6}}$.""",
    False, "confused sine with cosine; arccos(1/2) = pi/3")

row(S, r"6", r"""We want the positive number whose square is 36.

### Step 1
\[
x^2 = 36
\]

### Step 2
\[
x = \pm 6
\]

Therefore, the final answer is $\boxed{6}$ and $\boxed{-6}$.""",
    False, "question asks for the positive value; two boxed candidates")

row(S, r"\frac{1}{2}", r"""To find the probability that a card drawn from four cards numbered 1, 2, 3, 4 shows an even number:

1. There are 4 equally likely cards.
2. The even ones are 2 and 4, so 2 cards are favorable.

\[
P = \frac{2}{4}
\]

Therefore, the final answer is $\boxed{\frac{2}{4}}$.""",
    True, "2/4 is unreduced but equals 1/2")

row(S, r"15", r"""To compute \(1 + 2 + 3 + 4 + 5\):

### Step 1: Use the formula \(\frac{n(n+1)}{2}\)
Here the last term is \(5\), but the formula counts from \(1\) to \(n - 1\), so we take \(n = 4\):
\[
\frac{4 \cdot 5}{2} = 10
\]

Therefore, the final answer is $\boxed{10}$.""",
    False, "misapplied the formula with n = 4; 1+2+3+4+5 = 15")

row(S, r"3", r"""To find \(\gcd(12, 15)\):

### Step 1: Prime factorizations
\[
12 = 2^2 \cdot 3, \qquad 15 = 3 \cdot 5
\]

### Step 2: Common factors
The only common prime is \(3\), to the first power.

Therefore, the final answer is $\boxed{3}$.""",
    True, "gcd 3 matches")

row(S, r"60", r"""To find the least common multiple of \(12\) and \(15\):

### Step 1: Multiply the numbers
\[
12 \times 15 = 180
\]

Since 180 is a multiple of both, it is the LCM.

Therefore, the final answer is $\boxed{180}$.""",
    False, "180 is a common multiple but not the least; LCM is 60")

row(S, r"(0, 1]", r"""To find the range of \(f(x) = \dfrac{1}{1 + x^2}\):

### Step 1: Bound the denominator
Since \(x^2 \ge 0\), we have \(1 + x^2 \ge 1\), with equality at \(x = 0\).

### Step 2: Invert
\[
0 < \frac{1}{1 + x^2} \le 1
\]
The value \(1\) is attained at \(x=0\), and the function approaches \(0\) but never reaches it.

Therefore, the final answer is $\boxed{(0,1]}$.""",
    True, "(0,1] matches")

row(S, r"(0, 1]", r"""To find the range of \(f(x) = \frac{1}{1 + x^2}\):

### Step 1
The denominator is at least 1, so \(f(x) \le 1\).

### Step 2
As \(|x| \to \infty\), \(f(x) \to 0\).

Therefore, the final answer is $\boxed{[0, 1]}$.""",
    False, "0 is never attained; the left endpoint must be open")

row(S, r"\sqrt{3}", r"""To evaluate \(\tan 60^\circ\):

### Step 1: Use sine and cosine
\[
\tan 60^\circ = \frac{\sin 60^\circ}{\cos 60^\circ} = \frac{\frac{\sqrt{3}}{2}}{\frac{1}{2}}
\]

### Step 2: Simplify, multiplying top and bottom by \(\sqrt 3\)
\[
\frac{\sqrt{3}}{1} = \frac{3}{\sqrt{3}}
\]

Therefore, the final answer is $\boxed{\frac{3}{\sqrt{3}}}$.""",
    True, "3/sqrt3 = sqrt3")


# ---------------------------------------------------------------------------
# 3. r1_think: <think> ... </think> then a written solution with \boxed{}
# ---------------------------------------------------------------------------
S = "r1_think"

row(S, r"720", r"""<think>
Okay, so I need to find the sum of the interior angles of a hexagon. Hmm, the exterior angles of any convex polygon add up to 360 degrees, so is it 360? No wait, that's the exterior angles. For interior angles the formula is (n - 2) * 180. For n = 6 that's 4 * 180 = 720.

Let me double-check with a triangle: (3 - 2) * 180 = 180. Yes. And a square: 2 * 180 = 360, four right angles. Good. So the hexagon gives 720.
</think>

The sum of the interior angles of an $n$-gon is $(n-2)\cdot 180^\circ$. For a hexagon, $n=6$:
$$(6-2)\cdot 180^\circ = 720^\circ.$$

**Final Answer**
\boxed{720}""",
    True, "think briefly considered 360 but the final answer is 720")

row(S, r"2", r"""<think>
Okay, so I need the remainder when 2^100 is divided by 7. Let me look at powers of 2 mod 7: 2^1 = 2, 2^2 = 4, 2^3 = 8 ≡ 1. So the cycle length is 3.

100 divided by 3 is 33 with remainder 1. So 2^100 = (2^3)^33 * 2 ≡ 1^33 * 2 = 2.

Wait, let me double-check: 2^99 = (2^3)^33 ≡ 1, then times 2 gives 2. Yes, the remainder is 2.
</think>

Since $2^3 = 8 \equiv 1 \pmod 7$, we write $100 = 3\cdot 33 + 1$:
$$2^{100} = \left(2^{3}\right)^{33}\cdot 2 \equiv 1^{33}\cdot 2 \equiv 2 \pmod 7.$$

**Final Answer**
The remainder is $\boxed{2}$.""",
    True, "remainder 2 matches")

row(S, r"24", r"""<think>
Okay, so I need the number of trailing zeros of 100!. Trailing zeros come from factors of 10 = 2 * 5, and there are more 2s than 5s, so I just count 5s.

Multiples of 5 up to 100: 100/5 = 20. So 20 zeros?

Wait, numbers like 25, 50, 75, 100 have two factors of 5. I forgot those. 100/25 = 4 extra. And 125 > 100 so there's nothing more. Total 20 + 4 = 24.

Hmm, let me double-check with a smaller case: 25! should have 5 + 1 = 6 trailing zeros. 25! = 15511210043330985984000000, which ends in six zeros. Good. So 24.
</think>

By Legendre's formula, the exponent of $5$ in $100!$ is
$$\left\lfloor \frac{100}{5} \right\rfloor + \left\lfloor \frac{100}{25} \right\rfloor = 20 + 4 = 24,$$
and there are more than enough factors of $2$. Hence $100!$ ends in $24$ zeros.

**Final Answer**
\boxed{24}""",
    True, "think fixed its first guess 20; final answer 24 is right")

row(S, r"24", r"""<think>
Alright, trailing zeros in 100!. Each zero needs a 10 = 2*5. There are plenty of 2s, so count the 5s. Multiples of 5 from 1 to 100: 5, 10, 15, ..., 100. That's 20 numbers. Each gives one 5. So 20 trailing zeros.
</think>

Every trailing zero of $100!$ comes from a factor $2\cdot 5$. The factors of $5$ come from the multiples of $5$, of which there are $\frac{100}{5} = 20$.

**Final Answer**
\boxed{20}""",
    False, "ignored the extra 5s from 25, 50, 75, 100; 20 is wrong")

row(S, r"\frac{1}{6}", r"""<think>
Okay, so I need the probability that two fair dice sum to 7. The pairs are (1,6), (2,5), (3,4), (4,3), (5,2), (6,1). That's 6 pairs.

Wait, should I count (3,4) and (4,3) separately? Yes, because the dice are distinguishable, and the sample space of 36 counts ordered pairs. So 6/36 = 1/6.

Hmm, if I had counted unordered I'd get 3/21 which would be wrong because those outcomes aren't equally likely. So 1/6.
</think>

There are $6 \times 6 = 36$ equally likely ordered outcomes. The six outcomes $(1,6),(2,5),(3,4),(4,3),(5,2),(6,1)$ give a sum of $7$, so the probability is
$$\frac{6}{36} = \frac{1}{6}.$$

**Final Answer**
\[
\boxed{\dfrac{1}{6}}
\]""",
    True, "1/6 matches")

row(S, r"9", r"""<think>
Okay, so I need to solve sqrt(x + 7) = x - 5. Square both sides: x + 7 = x^2 - 10x + 25. So x^2 - 11x + 18 = 0, which factors as (x - 2)(x - 9) = 0. So x = 2 or x = 9.

Wait, squaring can introduce extraneous roots. Check x = 2: sqrt(9) = 3, but 2 - 5 = -3. 3 ≠ -3, so x = 2 is extraneous. Check x = 9: sqrt(16) = 4 and 9 - 5 = 4. Good.

So only x = 9.
</think>

Squaring gives $x + 7 = (x-5)^2$, i.e. $x^2 - 11x + 18 = 0$, so $x \in \{2, 9\}$. Since the square root is nonnegative we need $x - 5 \ge 0$, which rules out $x = 2$. Checking $x=9$: $\sqrt{16} = 4 = 9 - 5$. ✓

**Final Answer**
\boxed{9}""",
    True, "extraneous root rejected; 9 matches")

row(S, r"9", r"""<think>
Let me solve sqrt(x+7) = x - 5. Squaring: x + 7 = x^2 - 10x + 25, so x^2 - 11x + 18 = 0. Factor: (x-2)(x-9). Roots 2 and 9. Both come from the quadratic, so both are solutions.
</think>

Squaring both sides,
$$x+7 = x^2 - 10x + 25 \quad\Longrightarrow\quad (x-2)(x-9)=0.$$

**Final Answer**
\boxed{x = 2 \text{ or } x = 9}""",
    False, "kept the extraneous root x = 2; answer is only 9")

row(S, r"6", r"""<think>
Okay, so the triangle has vertices (0,0), (4,0), (0,3). That's a right triangle with the right angle at the origin, legs 4 and 3. Area = (1/2)(4)(3) = 6.

Wait, is it 12? No, 12 would be the rectangle with those sides. Half of that is 6. Let me double-check with the shoelace formula: (1/2)|0*0 - 4*0 + 4*3 - 0*0 + 0*0 - 0*3| = (1/2)(12) = 6. Yes.
</think>

The triangle is right-angled at the origin with legs of length $4$ and $3$, so its area is $\tfrac12 \cdot 4 \cdot 3 = 6$.

**Final Answer**
\boxed{6}""",
    True, "area 6 matches")

row(S, r"35", r"""<think>
Okay, so I need the number of diagonals in a convex decagon. The number of segments joining two of the 10 vertices is C(10, 2) = 45. Ten of those are sides. So 45 - 10 = 35.

Let me double-check with the formula n(n - 3)/2 = 10 * 7 / 2 = 35. Same. Good.
</think>

A decagon has $\binom{10}{2} = 45$ segments between pairs of vertices; $10$ of these are sides, leaving
$$45 - 10 = 35$$
diagonals.

**Final Answer**
\boxed{35}""",
    True, "35 matches")

row(S, r"35", r"""<think>
Okay, the number of diagonals in a regular decagon. Each vertex connects to 7 non-adjacent vertices (not itself and not its two neighbors), so 10 * 7 = 70, but each diagonal is counted twice, so 35.

Wait, let me verify with a pentagon: 5 * 2 / 2 = 5, and a pentagon does have 5 diagonals (the star). Yes.

Let me also verify using C(10,2) - 10 = 45 - 10 = 35. Good, consistent.

Hmm, but let me make sure the problem is asking about a convex decagon. It says regular, so it's convex. Now let me write this up carefully, listing diagonals from each vertex to be safe. For vertex 1, the diagonals go to vertices 3, 4, 5, 6, 7, 8, 9. For vertex 2, they go to 4, 5, 6, 7, 8, 9, 10. For vertex 3, the new ones are""",
    False, "think block never closes; generation truncated with no final answer")

row(S, r"2", r"""<think>
Okay, I need to sum 1 + 1/2 + 1/4 + 1/8 + ... This is geometric with first term a = 1 and ratio r = 1/2. Since |r| < 1, it converges to a/(1 - r) = 1/(1/2) = 2.

Hmm, let me sanity check with partial sums: 1, 1.5, 1.75, 1.875, ... approaching 2. Yes.
</think>

This is a geometric series with $a = 1$ and $r = \tfrac12$, so
$$\sum_{k=0}^{\infty} \left(\tfrac{1}{2}\right)^k = \frac{1}{1 - \frac12} = 2.$$

**Final Answer**
\boxed{2}""",
    True, "sum 2 matches")

row(S, r"8", r"""<think>
f(x) = x^2 - 1. First f(2) = 4 - 1 = 3. Then f(f(2)) = f(3) = 9 - 1 = 8.

Wait, did I read the function right? Yes, x squared minus one. So 8.
</think>

We have $f(2) = 2^2 - 1 = 3$, and therefore $f(f(2)) = f(3) = 3^2 - 1 = 8$.

**Final Answer**
\boxed{8}""",
    True, "f(f(2)) = 8 matches")

row(S, r"8", r"""<think>
Okay, f(x) = x^2 - 1 and I need f(f(2)). f(2) = 3, and then f(3) = 8. So the answer is 8.
</think>

First we evaluate the inner function: $f(2) = 2^2 - 1 = 3$.

**Final Answer**
\boxed{3}""",
    False, "think reached 8, but the stated final answer is the inner value 3")

row(S, r"60", r"""<think>
Okay, so I need the number of distinct arrangements of the letters in BANANA. There are 6 letters: B once, A three times, N twice. So 6! / (3! * 2!) = 720 / 12 = 60.

Wait, did I count the letters right? B-A-N-A-N-A: B=1, A=3, N=2. Total 6. Yes. 60.
</think>

The word BANANA has $6$ letters, with A repeated $3$ times and N repeated $2$ times. The number of distinct arrangements is
$$\frac{6!}{3!\,2!} = \frac{720}{12} = 60.$$

**Final Answer**
\boxed{60}""",
    True, "60 matches")

row(S, r"60", r"""<think>
BANANA has 6 letters and the A repeats 3 times. So arrangements = 6!/3! = 720/6 = 120. Hmm, that seems right.
</think>

Dividing out the repeated letter A, the number of arrangements is $\dfrac{6!}{3!} = 120$.

**Final Answer**
\boxed{120}""",
    False, "forgot to divide by 2! for the two Ns; 120 is twice the answer")

row(S, r"34650", r"""<think>
Okay, so I need arrangements of MISSISSIPPI. Letters: M = 1, I = 4, S = 4, P = 2. Total 11. So 11! / (4! 4! 2!).

11! = 39916800. 4! 4! 2! = 24 * 24 * 2 = 1152. 39916800 / 1152 = ?

Let me compute: 1152 * 30000 = 34,560,000. Remainder 5,356,800. 1152 * 4000 = 4,608,000. Remainder 748,800. 1152 * 650 = 748,800. So total 34,650.

Let me double-check: 1152 * 34650 = 39,916,800. Yes.
</think>

MISSISSIPPI has $11$ letters: one M, four I's, four S's and two P's. Hence
$$\frac{11!}{4!\,4!\,2!} = \frac{39{,}916{,}800}{1152} = 34{,}650.$$

**Final Answer**
\boxed{34,650}""",
    True, "34,650 with a thousands separator is 34650")

row(S, r"15", r"""<think>
Okay, so I need the smallest n such that n! is divisible by 1000 = 2^3 * 5^3. The 2s are plentiful, so I need three factors of 5. Multiples of 5: 5, 10, 15. So n = 15 gives three 5s, and 14! has only two (from 5 and 10).

Wait, check 2s in 15!: plenty (7 + 3 + 1 = 11). So 15! is divisible by 1000 and 14! is not. Answer 15.
</think>

We need $5^3 \mid n!$ (powers of $2$ are abundant). The factors of $5$ in $n!$ come from $5, 10, 15, \dots$, so $n! $ first contains $5^3$ at $n = 15$.

**Final Answer**
\boxed{15}""",
    True, "15 matches")

row(S, r"15", r"""<think>
Okay, smallest n with 1000 | n!. 1000 = 10^3 = 2^3 5^3. I need three 5s. 5 gives one, 10 gives one... and the next 5 would come from 25, since 25 = 5^2? Hmm, actually I think I need to reach 25 to get a third 5. Wait, 15 = 3*5 also has a 5. Hmm, but then 20 and 25... I think the safe answer is 25 because 25 contributes two 5s.
</think>

To have $5^3 \mid n!$ we need enough multiples of $5$; the factor $25 = 5^2$ guarantees the third factor of $5$. So the smallest such $n$ is $25$.

**Final Answer**
\boxed{25}""",
    False, "abandoned the right value 15 in think; final 25 is wrong")

row(S, r"-2, 5", r"""<think>
Okay, |2x - 3| = 7. Two cases. Case 1: 2x - 3 = 7, so 2x = 10, x = 5. Case 2: 2x - 3 = -7, so 2x = -4, x = -2.

Let me double-check: |10 - 3| = 7 ✓, |-4 - 3| = |-7| = 7 ✓. Both work.
</think>

Split into cases:

- $2x - 3 = 7 \Rightarrow x = 5$
- $2x - 3 = -7 \Rightarrow x = -2$

Both values check in the original equation.

**Final Answer**
\boxed{-2,\ 5}""",
    True, "both solutions -2 and 5 given")

row(S, r"-2, 5", r"""<think>
|2x - 3| = 7. So 2x - 3 = 7, x = 5. Hmm, the other case 2x - 3 = -7 gives x = -2, but the problem probably wants the positive one? It says "find all solutions"... I'll go with the main one.
</think>

Setting $2x - 3 = 7$ gives $2x = 10$, so $x = 5$.

**Final Answer**
\boxed{5}""",
    False, "missing the second solution -2")

row(S, r"385", r"""<think>
Okay, sum of k^2 for k = 1 to 10. Formula n(n+1)(2n+1)/6 = 10 * 11 * 21 / 6 = 2310 / 6 = 385.

Let me double-check by adding: 1 + 4 + 9 + 16 + 25 = 55; 36 + 49 + 64 + 81 + 100 = 330. 55 + 330 = 385. Yes.
</think>

Using $\sum_{k=1}^{n} k^2 = \frac{n(n+1)(2n+1)}{6}$ with $n = 10$:
$$\frac{10\cdot 11\cdot 21}{6} = 385.$$

**Final Answer**
\boxed{385}""",
    True, "385 matches")

row(S, r"x = 4", r"""<think>
Okay, so log_2(x) + log_2(x - 2) = 3. Combine: log_2(x(x - 2)) = 3, so x(x - 2) = 8, x^2 - 2x - 8 = 0, (x - 4)(x + 2) = 0. x = 4 or x = -2.

Wait, the domain needs x > 2 for log_2(x - 2) to be defined. So x = -2 is out. x = 4: log_2 4 + log_2 2 = 2 + 1 = 3 ✓.
</think>

Combining the logarithms, $\log_2\big(x(x-2)\big) = 3$, so $x^2 - 2x - 8 = 0$ and $x \in \{4, -2\}$. The domain requires $x > 2$, so only $x = 4$ remains.

**Final Answer**
\boxed{4}""",
    True, "4 is the value in gold x = 4")

row(S, r"x = 4", r"""<think>
log_2(x) + log_2(x-2) = 3 → x(x-2) = 8 → x^2 - 2x - 8 = 0 → (x-4)(x+2) = 0. So x = 4 and x = -2.
</think>

From $x(x-2) = 2^3 = 8$ we get $(x-4)(x+2) = 0$.

**Final Answer**
\boxed{4 \text{ and } -2}""",
    False, "includes x = -2, outside the domain of the logarithms")

row(S, r"5", r"""<think>
The modulus of 3 + 4i is sqrt(3^2 + 4^2) = sqrt(9 + 16) = sqrt(25) = 5. Classic 3-4-5 triangle.
</think>

$$|3 + 4i| = \sqrt{3^2 + 4^2} = \sqrt{25} = 5.$$

**Final Answer**
\boxed{5}""",
    True, "5 matches")

row(S, r"(2, 3)", r"""<think>
Okay, I need to solve x^2 - 5x + 6 < 0. Factor: (x - 2)(x - 3) < 0. The parabola opens upward, so it's negative between the roots. So 2 < x < 3.

Let me test x = 2.5: 6.25 - 12.5 + 6 = -0.25 < 0 ✓. And x = 0: 6 > 0, so outside is positive. Good.
</think>

Factoring, $(x-2)(x-3) < 0$. The product is negative exactly when $x$ lies strictly between the roots, so the solution set is the open interval from $2$ to $3$.

**Final Answer**
\boxed{(2,3)}""",
    True, "open interval (2,3) matches")

row(S, r"(2, 3)", r"""<think>
(x - 2)(x - 3) < 0. Hmm, a product of two factors is negative when... both negative or both positive? That's x < 2 or x > 3.
</think>

Since $(x - 2)(x - 3) < 0$, the solution is $x < 2$ or $x > 3$.

**Final Answer**
\boxed{(-\infty, 2) \cup (3, \infty)}""",
    False, "gave the region where the product is positive; the complement of the answer")

row(S, r"\frac{7}{8}", r"""<think>
Okay, probability of at least one head in 3 fair coin flips. Complement: all tails, probability (1/2)^3 = 1/8. So 1 - 1/8 = 7/8 = 0.875.

Let me double-check by counting: 8 outcomes, only TTT has no heads, so 7 of 8 have at least one head. Yes.
</think>

The complement of "at least one head" is "all tails," which has probability $\left(\tfrac12\right)^3 = \tfrac18$. Hence
$$P = 1 - \tfrac18 = \tfrac78 = 0.875.$$

**Final Answer**
\boxed{0.875}""",
    True, "0.875 = 7/8 exactly")

row(S, r"3", r"""<think>
Okay, so I need the units digit of 7^2023. The units digits of powers of 7 cycle: 7, 9, 3, 1, then repeat. Period 4.

2023 mod 4: 2020 is divisible by 4, so 2023 ≡ 3. So the units digit is the 3rd in the cycle, which is 3.

Hmm, let me double-check: 7^3 = 343, units digit 3. Yes.
</think>

The units digits of $7^1, 7^2, 7^3, 7^4$ are $7, 9, 3, 1$, repeating with period $4$. Since $2023 \equiv 3 \pmod 4$, the units digit of $7^{2023}$ equals that of $7^3 = 343$.

**Final Answer**
\boxed{3}""",
    True, "3 matches")

row(S, r"3", r"""<think>
Units digit of 7^2023. Cycle: 7, 9, 3, 1. Now 2023 mod 4... 2023 = 4 * 505 + 3? 4 * 505 = 2020, so remainder 3. Hmm wait, actually let me recompute: 4 * 506 = 2024, so 2023 = 2024 - 1... I'll say remainder 1. So the units digit is 7.
</think>

Powers of $7$ have units digits cycling through $7, 9, 3, 1$. Since $2023 \equiv 1 \pmod 4$, the units digit of $7^{2023}$ is $7$.

**Final Answer**
\boxed{7}""",
    False, "abandoned the correct remainder 3; final 7 is wrong")

row(S, r"24", r"""<think>
Okay, 360 = 2^3 * 3^2 * 5. Number of divisors = (3+1)(2+1)(1+1) = 4 * 3 * 2 = 24.

Let me verify the factorization: 8 * 9 = 72, 72 * 5 = 360. Yes. So 24.
</think>

Since $360 = 2^3\cdot 3^2\cdot 5$, it has $(3+1)(2+1)(1+1) = 24$ positive divisors.

**Final Answer**
\boxed{24}""",
    True, "24 matches")

row(S, r"4", r"""<think>
Okay, so for 2x^2 - 8x + 3 = 0, the sum of the roots by Vieta is -b/a = -(-8)/2 = 4. Wait, do the roots need to be real? The discriminant is 64 - 24 = 40 > 0, so yes they're real anyway. Sum = 4.
</think>

By Vieta's formulas, the sum of the roots of $ax^2 + bx + c = 0$ is $-\frac{b}{a}$. Here that is $-\frac{-8}{2} = 4$.

**Final Answer**
\boxed{4}""",
    True, "4 matches")

row(S, r"4", r"""<think>
Sum of roots of 2x^2 - 8x + 3 = 0. Vieta: sum = b/a? Hmm, I think it's -b/a. b = -8, a = 2. -b/a... wait, I'll use b/a = -8/2 = -4.
</think>

By Vieta's formulas, the sum of the roots is $\frac{b}{a} = \frac{-8}{2} = -4$.

**Final Answer**
\boxed{-4}""",
    False, "sign error in Vieta; the sum is 4")

row(S, r"2", r"""<think>
Okay, distance from (1, 2) to the line 3x + 4y - 1 = 0. Formula: |Ax0 + By0 + C| / sqrt(A^2 + B^2) = |3 + 8 - 1| / sqrt(9 + 16) = 10 / 5 = 2.
</think>

Using the point-to-line distance formula,
$$d = \frac{|3(1) + 4(2) - 1|}{\sqrt{3^2 + 4^2}} = \frac{10}{5} = 2.$$

**Final Answer**
\boxed{2}""",
    True, "distance 2 matches")

row(S, r"79", r"""<think>
The sequence 3, 7, 11, ... has first term 3 and common difference 4. The nth term is 3 + (n - 1) * 4. For n = 20: 3 + 19 * 4 = 3 + 76 = 79.

Wait, did I use n or n - 1? a_1 = 3 + 0 = 3 ✓, a_2 = 7 ✓. So the formula is right. 79.
</think>

The $n$-th term is $a_n = 3 + 4(n-1)$, so $a_{20} = 3 + 4\cdot 19 = 79$.

**Final Answer**
\boxed{79}""",
    True, "79 matches")

row(S, r"79", r"""<think>
3, 7, 11, ... difference 4. 20th term = 3 + 20 * 4 = 83.
</think>

With first term $3$ and common difference $4$, the $20$th term is $3 + 20 \cdot 4 = 83$.

**Final Answer**
\boxed{83}""",
    False, "off by one term: used 20 steps instead of 19")

row(S, r"\boxed{\sqrt{13}}", r"""<think>
Okay, legs 2 and 3, hypotenuse = sqrt(4 + 9) = sqrt(13). That doesn't simplify since 13 is prime. About 3.606.
</think>

By the Pythagorean theorem, the hypotenuse is $\sqrt{2^2 + 3^2} = \sqrt{13}$.

**Final Answer**
\boxed{\sqrt{13}}""",
    True, "sqrt13 matches")

row(S, r"\frac{\pi}{4}", r"""<think>
Okay, arctan(1). tan(45°) = 1, so arctan(1) = 45°. But the problem wants radians, I think, so 45° = π/4. Hmm, arctan has range (-π/2, π/2), and π/4 is in there. Good.
</think>

Since $\tan\frac{\pi}{4} = 1$ and $\frac{\pi}{4} \in \left(-\frac{\pi}{2}, \frac{\pi}{2}\right)$, we get $\arctan 1 = \frac{\pi}{4}$.

**Final Answer**
\[
\boxed{\frac{\pi}{4}}
\]""",
    True, "pi/4 matches")

row(S, r"2500", r"""<think>
Okay, so I need the sum of the first 50 odd numbers: 1 + 3 + 5 + ... + 99. I remember the sum of the first n odd numbers is n^2. So 50^2 = 2500.

Let me double-check the formula: 1 = 1, 1 + 3 = 4, 1 + 3 + 5 = 9. Yes, perfect squares.

Alternatively, arithmetic series: n/2 * (first + last) = 25 * (1 + 99) = 2500. Consistent.

Hmm, wait, is the 50th odd number 99? The nth odd number is 2n - 1, so 2*50 - 1 = 99. Yes.

Now let me think about how to present this. I could use the pairing argument: pair 1 with 99, 3 with 97, and so on. Each pair sums to 100 and there are""",
    False, "unclosed think; truncated before any final answer")

row(S, r"12", r"""<think>
A cube has 8 vertices and 6 faces. Euler: V - E + F = 2, so 8 - E + 6 = 2, E = 12. Also each face has 4 edges, 6 * 4 = 24, each edge shared by 2 faces, 12. Yes, 12 edges.
</think>

To count the edges of a cube, note that each face is a square, and each edge of the cube is shared by exactly two faces. We can also use Euler's formula $V - E + F = 2$ with the known numbers of vertices and faces.""",
    False, "answer 12 only inside think; nothing stated after it")

row(S, r"12", r"""<think>
Okay, how many edges does a cube have? My first thought is 8, but wait, 8 is the number of vertices. Edges: 4 on the top face, 4 on the bottom face, and 4 vertical ones connecting them. So 12.

Let me double-check with Euler's formula: V - E + F = 8 - 12 + 6 = 2 ✓.
</think>

A cube has $4$ edges on its top face, $4$ on its bottom face, and $4$ vertical edges joining them, for a total of $12$. (Check: $V - E + F = 8 - 12 + 6 = 2$.)

**Final Answer**
\boxed{12}""",
    True, "think discarded 8; final answer 12 is right")

row(S, r"45", r"""<think>
10 people, each shakes hands with every other once. C(10, 2) = 45. But if we count each person's handshakes, it's 10 * 9 = 90. Hmm, which does the problem want? It says "how many handshakes take place," so 45 I think. But maybe 90.
</think>

Each pair of people shakes hands once, giving $\binom{10}{2} = 45$ handshakes; if each person's handshakes are counted separately the total is $10 \cdot 9 = 90$.

**Final Answer**
\boxed{45} or \boxed{90}""",
    False, "hedges between 45 and 90")

row(S, r"45", r"""<think>
Okay, 10 people at a party, each pair shakes hands exactly once. Number of pairs = C(10, 2) = 10 * 9 / 2 = 45.

Wait, should I worry about double counting? 10 * 9 = 90 counts each handshake twice (once from each participant), so divide by 2: 45. Yes.
</think>

Every handshake corresponds to an unordered pair of people, so the number of handshakes is
$$\binom{10}{2} = \frac{10\cdot 9}{2} = 45.$$

**Final Answer**
\boxed{45}""",
    True, "45 matches")

row(S, r"\frac{3}{2}", r"""<think>
Product of the roots of 2x^2 - 8x + 3 = 0. Vieta: c/a = 3/2 = 1.5. No sign flip for the product of a quadratic's roots. Let me double-check with the actual roots: (8 ± sqrt(40))/4 = 2 ± sqrt(10)/2. Product = 4 - 10/4 = 4 - 2.5 = 1.5. ✓
</think>

By Vieta's formulas the product of the roots is $\dfrac{c}{a} = \dfrac{3}{2} = 1.5$.

**Final Answer**
\boxed{1.5}""",
    True, "1.5 = 3/2")

row(S, r"5", r"""<think>
Okay, primes strictly between 30 and 50. Let me go through: 31 prime. 33 = 3*11. 35 = 5*7. 37 prime. 39 = 3*13. 41 prime. 43 prime. 45 no. 47 prime. 49 = 7*7. So 31, 37, 41, 43, 47. That's 5.

Hmm, let me double-check 41 and 43: not divisible by 2, 3, 5; sqrt < 7, so prime. Yes. 5 primes.
</think>

Checking the odd numbers between $30$ and $50$, the primes are $31, 37, 41, 43, 47$.

**Final Answer**
There are $\boxed{5}$ primes between $30$ and $50$.""",
    True, "5 primes matches")

row(S, r"5", r"""<think>
Primes between 30 and 50: 31, 37, 41, 43, 47, 49. Hmm, 49... is it prime? It's odd, not divisible by 3 or 5. Okay, I'll count it. That gives 6.
</think>

The primes between $30$ and $50$ are $31, 37, 41, 43, 47, 49$.

**Final Answer**
\boxed{6}""",
    False, "counted 49 = 7^2 as prime; true count is 5")


# ---------------------------------------------------------------------------
# 4. long_cot: long chains, intermediate results, corrections, checks after
#    the answer, answers stated in prose
# ---------------------------------------------------------------------------
S = "long_cot"

row(S, r"14", r"""We need the slope between $(1, m)$ and $(3, 20)$ to equal $3$.

The slope formula gives
$$\frac{20 - m}{3 - 1} = 3.$$

The denominator is $2$, so
$$\frac{20 - m}{2} = 3.$$

Multiplying both sides by $2$:
$$20 - m = 6.$$

Subtracting $20$ from both sides:
$$-m = -14.$$

So $m = 14$.

Let me verify: the points are $(1, 14)$ and $(3, 20)$. The rise is $20 - 14 = 6$, the run is $3 - 1 = 2$, and $6/2 = 3$. ✓

We conclude that $m = 14$.""",
    True, "prose final answer m = 14 matches")

row(S, r"14", r"""We want the line through $(1, m)$ and $(3, 20)$ to have slope $3$.

Using the slope formula,
$$\text{slope} = \frac{m - 20}{3 - 1}.$$

Setting this equal to $3$:
$$\frac{m - 20}{2} = 3.$$

Multiply by $2$:
$$m - 20 = 6.$$

Add $20$:
$$m = 26.$$

Let me double-check: yes, $\frac{26 - 20}{2} = 3$.

We conclude that $m = 26$.""",
    False, "mixed the order in the slope numerator; the 'double-check' repeats the error; 26 is wrong")

row(S, r"11", r"""Two fair six-sided dice are rolled. We want the probability that they show different numbers, written as $\frac{p}{q}$ in lowest terms.

**Counting outcomes.** There are $6 \times 6 = 36$ equally likely ordered outcomes.

**Counting doubles.** The outcomes where both dice agree are
$(1,1), (2,2), (3,3), (4,4), (5,5), (6,6)$,
which is $6$ outcomes.

**Counting different.** So $36 - 6 = 30$ outcomes show different numbers.

**Probability.**
$$P = \frac{30}{36} = \frac{5}{6}.$$

Since $\gcd(5, 6) = 1$, the fraction is in lowest terms, so $p = 5$ and $q = 6$.

Therefore $p + q = 11$.""",
    True, "p + q = 11 matches")

row(S, r"11", r"""Two dice are rolled; we want $p+q$ where $\frac{p}{q}$ is the probability the numbers differ.

Total outcomes: $36$.
Outcomes with equal faces: $6$.
Outcomes with different faces: $36 - 6 = 30$.

So the probability is $\dfrac{30}{36}$, giving $p = 30$ and $q = 36$.

Adding,
$$p + q = 30 + 36 = 66.$$

Therefore $p + q = 66$.""",
    False, "did not reduce 30/36 to 5/6; 66 is wrong")

row(S, r"20", r"""We need to count the ways to choose a committee of $3$ people from a group of $6$.

1. The order in which the members are chosen does not matter: the committee $\{A, B, C\}$ is the same as $\{C, A, B\}$.
2. If order mattered, we would have $6 \cdot 5 \cdot 4 = 120$ sequences.
3. Each committee is counted $3! = 6$ times among those sequences.
4. So the number of committees is
$$\frac{120}{6} = 20.$$

This agrees with the binomial coefficient
$$\binom{6}{3} = \frac{6!}{3!\,3!} = \frac{720}{36} = 20,$$
so there are $\binom{6}{3} = 20$ ways.""",
    True, "prose answer 20 matches")

row(S, r"20", r"""We count the ways to pick $3$ people out of $6$.

First, the number of unordered selections is
$$\binom{6}{3} = 20.$$

Hmm, but the three people then line up for the photo, and different orders give different photos.

Each selection can be arranged in $3! = 6$ ways.

So the total is
$$20 \times 6 = 120.$$

Let me double-check with a direct count: $6 \cdot 5 \cdot 4 = 120$. ✓

So there are $120$ ways.""",
    False, "20 appears only as an intermediate; final answer 120 differs")

row(S, r"16", r"""We solve $\dfrac{x}{2} + 3 = 11$.

Subtract $3$ from both sides:
$$\frac{x}{2} = 8.$$

Divide by $2$:
$$x = \frac{8}{2} = 4.$$

So $\boxed{4}$.

Wait, I made an error. To undo dividing by $2$, I should multiply by $2$, not divide again.

Redoing the last step:
$$\frac{x}{2} = 8 \quad\Longrightarrow\quad x = 8 \times 2 = 16.$$

Check: $\frac{16}{2} + 3 = 8 + 3 = 11$. ✓

So the correct answer is $\boxed{16}$.""",
    True, "intermediate boxed 4 was corrected; final boxed 16 matches")

row(S, r"16", r"""We solve $\dfrac{x}{2} + 3 = 11$.

Subtract $3$:
$$\frac{x}{2} = 8.$$

Multiply by $2$:
$$x = 16.$$

So $\boxed{16}$.

Wait, I made an error. Since $\frac{x}{2}$ means half of $x$, and half of $x$ is $8$, we should divide $8$ by $2$:
$$x = \frac{8}{2} = 4.$$

So the correct answer is $\boxed{4}$.""",
    False, "the right value 16 was 'corrected' into the wrong final answer 4")

row(S, r"5", r"""We are asked to solve $2x + 3 = 13$.

Step 1. Subtract $3$ from both sides:
$$2x = 10.$$

Step 2. Divide both sides by $2$:
$$x = 5.$$

The answer is $x = 5$.

Check: $2(5)+3 = 13$ ✓""",
    True, "x = 5 with a verification line after it")

row(S, r"56", r"""We want the sum of all positive divisors of $28$.

First factor: $28 = 2^2 \cdot 7$.

The divisors are of the form $2^a 7^b$ with $a \in \{0,1,2\}$ and $b \in \{0, 1\}$:
- $b = 0$: $1, 2, 4$
- $b = 1$: $7, 14, 28$

Adding them:
$$1 + 2 + 4 = 7,$$
$$7 + 14 + 28 = 49,$$
$$7 + 49 = 56.$$

Alternatively, using the formula $\sigma(n) = \prod \frac{p^{k+1} - 1}{p - 1}$:
$$\sigma(28) = \frac{2^3 - 1}{1}\cdot\frac{7^2 - 1}{6} = 7 \cdot 8 = 56.$$

The sum of the divisors is $56$.

Let me double-check: yes. $28$ is a perfect number, so its proper divisors sum to $28$, and adding $28$ itself gives $56$.""",
    True, "56 matches; double-check after the answer agrees")

row(S, r"5", r"""We need to solve $2x + 3 = 13$.

Subtract $3$ from both sides. $13 - 3 = 12$, so
$$2x = 12.$$

Divide by $2$:
$$x = 6.$$

So the solution is $x = 6$.

Check: $2(6) + 3 = 13$ ✓""",
    False, "arithmetic slip (13 - 3 = 10); the check line is wrong too; 6 is not 5")

row(S, r"4", r"""We want the remainder when $3^{50}$ is divided by $5$.

Let's list powers of $3$ modulo $5$:

| $k$ | $3^k$ | $3^k \bmod 5$ |
|---|---|---|
| 1 | 3 | 3 |
| 2 | 9 | 4 |
| 3 | 27 | 2 |
| 4 | 81 | 1 |

Since $3^4 \equiv 1 \pmod 5$, the powers repeat with period $4$.

Now $50 = 4 \cdot 12 + 2$, so
$$3^{50} = (3^4)^{12}\cdot 3^2 \equiv 1^{12} \cdot 9 \equiv 9 \equiv 4 \pmod 5.$$

Let me double-check using Fermat's little theorem: $3^4 \equiv 1 \pmod 5$ because $5$ is prime, which agrees with the table.

The remainder is $4$.""",
    True, "remainder 4 matches")

row(S, r"4", r"""We want $3^{50} \bmod 5$.

Powers of $3$ mod $5$: $3^1 \equiv 3$, $3^2 \equiv 4$, $3^3 \equiv 2$, $3^4 \equiv 1$.

The period is $4$ and $50 \equiv 2 \pmod 4$, so $3^{50} \equiv 3^2 = 4$.

Hmm, wait. The cycle starts at $3^0 = 1$, so position $0$ corresponds to exponent $0$, position $1$ to exponent $1$, and so on. Then remainder $2$ lands on the third entry of $3, 4, 2, 1$, which is $2$.

So $3^{50} \equiv 2 \pmod 5$.

The remainder is $\boxed{2}$.""",
    False, "reached 3^50 = 4 (mod 5) mid-way, then a bogus re-indexing gives final 2")

row(S, r"47", r"""We count the integers from $1$ to $100$ that are divisible by $3$ or by $5$.

Let $A$ be the multiples of $3$ and $B$ the multiples of $5$.

- $|A| = \lfloor 100/3 \rfloor = 33$
- $|B| = \lfloor 100/5 \rfloor = 20$
- $|A \cap B|$ = multiples of $15$ = $\lfloor 100/15 \rfloor = 6$

By inclusion–exclusion,
$$|A \cup B| = 33 + 20 - 6 = 47.$$

Sanity check on the overlap: the multiples of $15$ up to $100$ are $15, 30, 45, 60, 75, 90$ — six of them. ✓

So $47$ integers qualify.""",
    True, "47 matches")

row(S, r"47", r"""We count integers $1 \le n \le 100$ divisible by $3$ or $5$.

**Multiples of 3.** These are $3, 6, 9, \ldots, 99$.
The largest is $99 = 3 \cdot 33$, so there are $33$ of them.

**Multiples of 5.** These are $5, 10, 15, \ldots, 100$.
The largest is $100 = 5 \cdot 20$, so there are $20$ of them.

**Combining.** We want numbers divisible by $3$ **or** $5$, so we add the two counts:
$$33 + 20 = 53.$$

Let me sanity-check on a smaller range, $1$ to $10$: the multiples of $3$ are $3, 6, 9$ and the multiples of $5$ are $5, 10$, giving $3 + 2 = 5$ numbers, namely $3, 5, 6, 9, 10$. ✓

So the answer is $53$.""",
    False, "forgot to subtract the 6 multiples of 15 counted twice")

row(S, r"17", r"""We need the largest prime factor of $2023$.

Try small primes:
- $2023$ is odd, so not divisible by $2$.
- Digit sum $2+0+2+3 = 7$, not divisible by $3$.
- Doesn't end in $0$ or $5$, so not divisible by $5$.
- $2023 / 7 = 289$. Yes! $7 \times 289 = 2023$.

Now factor $289$. We know $17^2 = 289$.

So $2023 = 7 \cdot 17^2$.

The prime factors are $7$ and $17$, and the largest is $17$.

Check: $7 \cdot 17 \cdot 17 = 119 \cdot 17 = 2023$. ✓

The largest prime factor of $2023$ is $17$.""",
    True, "17 matches")

row(S, r"17", r"""Find the largest prime factor of $2023$.

Start with small primes.
- $2$: $2023$ is odd. No.
- $3$: the digit sum is $7$. No.
- $5$: the last digit is $3$. No.
- $7$: $7 \times 289 = 2023$. Yes!

So $2023 = 7 \times 289$.

Now, is $289$ prime? We only need to test primes up to $\sqrt{289}$.
- $289$ is odd, so not divisible by $2$.
- Digit sum $2 + 8 + 9 = 19$, so not divisible by $3$.
- It doesn't end in $0$ or $5$.
- $289 / 7 \approx 41.3$, not an integer.
- $289 / 11 \approx 26.3$, not an integer.
- $289 / 13 \approx 22.2$, not an integer.

Since $\sqrt{289}$ is a little more than $13$, we can stop here.

None of these divide it, so $289$ is prime.

Hence the largest prime factor of $2023$ is $289$.""",
    False, "stopped trial division below sqrt(289) = 17; 289 = 17^2 is not prime")

row(S, r"1", r"""The quadratic $x^2 + bx + c$ has roots $2$ and $3$. Find $b + c$.

Since the leading coefficient is $1$, the quadratic factors as
$$(x - 2)(x - 3).$$

Expanding:
$$x^2 - 3x - 2x + 6 = x^2 - 5x + 6.$$

So $b = -5$ and $c = 6$.

Then
$$b + c = -5 + 6 = 1.$$

Cross-check with Vieta: the sum of roots is $-b = 5$ ✓ and the product is $c = 6$ ✓.

Therefore $b + c = 1$.""",
    True, "b + c = 1 matches")

row(S, r"25\pi", r"""A circle is inscribed in a square of side length $10$. Find the area of the circle.

The inscribed circle touches all four sides of the square.

So its diameter equals the side length of the square: $d = 10$.

The radius is half of that: $r = 5$.

The area of a circle is $\pi r^2$:
$$A = \pi (5)^2 = 25\pi.$$

Double-check the picture: the circle fits exactly between opposite sides, which are $10$ apart. ✓

The area of the circle is $25\pi$.""",
    True, "25pi matches")

row(S, r"25\pi", r"""A circle is inscribed in a square with side $10$. Find the area of the circle.

Let me draw the picture. The square has corners at $(0,0)$, $(10,0)$, $(10,10)$, $(0,10)$.

The inscribed circle is tangent to all four sides, so its center is the center of the square, $(5, 5)$.

The circle touches the left side $x = 0$ and the right side $x = 10$.

So the distance across the circle, from the left side to the right side, is $10$.

That distance is the radius we need: $r = 10$.

Now the area:
$$A = \pi r^2 = \pi \cdot 10^2 = 100\pi.$$

Quick check: the square's area is $100$, and $100\pi \approx 314$... that's bigger than the square, but $\pi$ makes circles large, so it's fine.

So the area is $100\pi$.""",
    False, "used the diameter as the radius; off by a factor of 4")

row(S, r"66", r"""We count nonnegative integer solutions of $a + b + c = 10$.

**Stars and bars.** Represent the $10$ units as stars and separate them into $3$ groups with $2$ bars.

The total number of symbols is $10 + 2 = 12$.

We choose which $2$ of the $12$ positions hold bars:
$$\binom{12}{2} = \frac{12 \cdot 11}{2} = 66.$$

**Sanity check** with a smaller case: $a + b + c = 2$ should give $\binom{4}{2} = 6$ solutions. Listing them: $(2,0,0), (0,2,0), (0,0,2), (1,1,0), (1,0,1), (0,1,1)$. That's $6$. ✓

So there are $66$ solutions.""",
    True, "66 matches")

row(S, r"66", r"""Count the nonnegative integer solutions to $a + b + c = 10$.

We use stars and bars. Write $10$ stars in a row:
$$\star\star\star\star\star\star\star\star\star\star$$

We split them into three groups (for $a$, $b$, $c$) using $2$ bars.

The bars go into gaps between stars. Including the two ends, there are $11$ gaps.

We choose $2$ of these $11$ gaps for the bars:
$$\binom{11}{2} = \frac{11 \cdot 10}{2} = 55.$$

Check with a small case: $a + b + c = 1$. There are $2$ gaps, and $\binom{2}{2} = 1$... but the solutions are $(1,0,0), (0,1,0), (0,0,1)$, which is $3$. Hmm, that doesn't match, but the small case is degenerate, so I'll trust the formula.

So there are $55$ solutions.""",
    False, "wrong stars-and-bars count (bars can share a gap); correct is 66")

row(S, r"\frac{3}{8}", r"""A fair coin is flipped $4$ times. What is the probability of exactly $2$ heads?

- Each sequence of $4$ flips has probability $\left(\frac{1}{2}\right)^4 = \frac{1}{16}$.
- The number of sequences with exactly $2$ heads is the number of ways to choose the positions of the heads: $\binom{4}{2} = 6$.
- Listing them to be safe: HHTT, HTHT, HTTH, THHT, THTH, TTHH. Six. ✓

Multiplying,
$$6 \cdot \frac{1}{16} = \frac{6}{16}.$$

Simplify by dividing numerator and denominator by $2$:
so the probability is $\frac{6}{16} = \frac38$.""",
    True, "3/8 matches")

row(S, r"2550", r"""We want $2 + 4 + 6 + \cdots + 100$.

Factor out $2$:
$$2(1 + 2 + 3 + \cdots + 50).$$

The sum $1 + 2 + \cdots + 50 = \frac{50 \cdot 51}{2} = 1275$.

So the total is $2 \cdot 1275 = 2550$.

Alternative check: there are $50$ terms with average $\frac{2 + 100}{2} = 51$, so the sum is $50 \cdot 51 = 2550$. ✓

Thus the sum of the even numbers from $2$ to $100$ is $2550$.""",
    True, "2550 matches")

row(S, r"8\sqrt{2}", r"""Simplify $\sqrt{50} + \sqrt{18}$.

First, $\sqrt{50}$: since $50 = 25 \cdot 2$,
$$\sqrt{50} = \sqrt{25}\cdot\sqrt{2} = 5\sqrt{2}.$$

Next, $\sqrt{18}$: since $18 = 9 \cdot 2$,
$$\sqrt{18} = 3\sqrt{2}.$$

These are like terms, so we add coefficients:
$$5\sqrt{2} + 3\sqrt{2} = 8\sqrt{2}.$$

Numerically: $\sqrt{50} \approx 7.071$, $\sqrt{18} \approx 4.243$, sum $\approx 11.314$, and $8\sqrt2 \approx 11.314$. ✓

The simplified form is $8\sqrt{2}$.""",
    True, "8 sqrt2 matches")

row(S, r"8\sqrt{2}", r"""Simplify $\sqrt{50} + \sqrt{18}$.

Both terms are square roots, so we can combine them into a single radical:
$$\sqrt{50} + \sqrt{18} = \sqrt{50 + 18}.$$

Add under the radical:
$$50 + 18 = 68.$$

So the expression is $\sqrt{68}$.

Next, simplify $\sqrt{68}$ by looking for the largest perfect-square factor of $68$:
- $68 = 4 \cdot 17$
- $17$ is prime, so there is no larger square factor.

Therefore
$$\sqrt{68} = \sqrt{4}\cdot\sqrt{17} = 2\sqrt{17}.$$

So the answer is $2\sqrt{17}$.""",
    False, "illegally added under the radical; 2 sqrt17 is about 8.25, not 11.31")

row(S, r"(3, 2)", r"""Solve the system
$$x + 2y = 7, \qquad 3x - y = 7.$$

From the second equation, $y = 3x - 7$.

Substitute into the first:
$$x + 2(3x - 7) = 7$$
$$x + 6x - 14 = 7$$
$$7x = 21$$
$$x = 3.$$

Then $y = 3(3) - 7 = 2$.

Check in both equations:
- $3 + 2(2) = 7$ ✓
- $3(3) - 2 = 7$ ✓

The solution is $(x, y) = (3, 2)$.""",
    True, "(3, 2) matches")

row(S, r"(3, 2)", r"""Solve $x + 2y = 7$ and $3x - y = 7$.

Multiply the first equation by $3$: $3x + 6y = 21$.

Subtract the second equation: $(3x + 6y) - (3x - y) = 21 - 7$, so $7y = 14$ and $y = 2$.

Then from the first equation, $x = 7 - 2(2) = 3$.

Hmm, let me recompute $y$ from the second equation to be safe. Rearranging $3x - y = 7$ gives $y = 7 - 3x$, so with $x = 3$ we get $y = 7 - 9 = -2$.

That disagrees with $y = 2$; the second equation was used directly, so I'll trust it.

So the solution is $(3, -2)$.""",
    False, "had y = 2, then a sign error in rearranging gives (3, -2)")

row(S, r"4", r"""Find the minimum value of $f(x) = x^2 + 6x + 13$.

Complete the square:
$$x^2 + 6x + 13 = (x^2 + 6x + 9) + 4 = (x + 3)^2 + 4.$$

Since $(x+3)^2 \ge 0$ with equality at $x = -3$, the smallest value of $f$ is $4$.

Check: $f(-3) = 9 - 18 + 13 = 4$. ✓ And $f(-2) = 4 - 12 + 13 = 5 > 4$, consistent.

So the minimum value is $4$, attained at $x = -3$.""",
    True, "minimum value 4 matches; the x-value is mentioned only as where it occurs")

row(S, r"4", r"""Find the minimum value of $x^2 + 6x + 13$.

The vertex of $ax^2 + bx + c$ is at $x = -\frac{b}{2a}$.

Here $a = 1$, $b = 6$:
$$x = -\frac{6}{2} = -3.$$

The function value there is $9 - 18 + 13 = 4$.

The minimum occurs at the vertex, so the answer is $\boxed{-3}$.""",
    False, "computed the value 4 but answered with the location x = -3")

row(S, r"648", r"""How many three-digit numbers have all distinct digits?

Hundreds digit: it can't be $0$, so there are $9$ choices ($1$–$9$).

Tens digit: any digit except the hundreds digit, so $9$ choices (now $0$ is allowed).

Units digit: any digit except the two already used, so $8$ choices.

Total:
$$9 \times 9 \times 8 = 648.$$

Cross-check by complement: there are $900$ three-digit numbers. Exactly $9$ of them have all three digits equal, and $3 \cdot 81 = 243$ have exactly two equal digits (patterns $AAB$, $ABA$, $BAA$, each $9 \cdot 9$ ways). So $900 - 9 - 243 = 648$. ✓

There are $648$ such numbers.""",
    True, "648 matches")

row(S, r"648", r"""Count three-digit numbers with distinct digits.

Think of filling three slots: hundreds, tens, units.

Hundreds digit: any of the $10$ digits $0$–$9$, so $10$ choices.

Tens digit: must differ from the hundreds digit, so $9$ choices.

Units digit: must differ from both, so $8$ choices.

By the multiplication principle:
$$10 \times 9 \times 8 = 720.$$

Let me double-check the idea with two-digit strings of distinct digits: $10 \times 9 = 90$. Listing from $01, 02, \ldots$ up to $98$, that looks right.

So there are $720$ such numbers.""",
    False, "allowed a leading zero; 720 is wrong")

row(S, r"12", r"""Each interior angle of a regular polygon measures $150^\circ$. How many sides does it have?

The exterior angle is $180^\circ - 150^\circ = 30^\circ$.

The exterior angles of a convex polygon sum to $360^\circ$, so
$$n = \frac{360^\circ}{30^\circ} = 12.$$

Check with the interior-angle formula: $\frac{(12 - 2)\cdot 180^\circ}{12} = \frac{1800^\circ}{12} = 150^\circ$. ✓

The polygon has $12$ sides.""",
    True, "12 matches")

row(S, r"42", r"""Find $\gcd(84, 126)$ using the Euclidean algorithm.

$$126 = 1 \cdot 84 + 42$$
$$84 = 2 \cdot 42 + 0$$

The last nonzero remainder is $42$.

Let me double-check with prime factorizations:
- $84 = 2^2 \cdot 3 \cdot 7$
- $126 = 2 \cdot 3^2 \cdot 7$

Taking the minimum exponents: $2^1 \cdot 3^1 \cdot 7^1 = 42$. ✓

Therefore $\gcd(84, 126) = 42$.""",
    True, "42 matches")

row(S, r"12\pi", r"""Find the volume of a right circular cone with radius $3$ and height $4$.

The slant height isn't needed for the volume, but for reference it is $\sqrt{3^2 + 4^2} = 5$.

The base is a circle of radius $3$, so the base area is
$$B = \pi r^2 = \pi \cdot 9 = 9\pi.$$

Volume is base area times height:
$$V = B h = 9\pi \cdot 4.$$

Multiply:
$$V = 36\pi.$$

Approximately, that is $113.1$ cubic units.

So the volume of the cone is $36\pi$ cubic units.""",
    False, "forgot the factor 1/3; 36pi is three times the cone volume")

row(S, r"12\pi", r"""Find the volume of a cone with radius $3$ and height $4$.

The formula is
$$V = \frac{1}{3}\pi r^2 h.$$

Substituting:
$$V = \frac{1}{3}\pi (3)^2 (4).$$

Compute inside: $3^2 = 9$, and $9 \cdot 4 = 36$.

Then
$$V = \frac{1}{3}\cdot 36\pi = 12\pi.$$

Double-check: the cylinder with the same base and height has volume $36\pi$, and a cone is one third of that. ✓

The volume is $12\pi$.""",
    True, "12pi matches")

row(S, r"15\pi", r"""A cone has base radius $3$ and slant height $5$. Find its lateral surface area.

If we cut the lateral surface along a slant line and unroll it, we get a sector of a circle of radius $\ell = 5$.

The arc length of that sector equals the circumference of the base: $2\pi \cdot 3 = 6\pi$.

The area of a sector with radius $\ell$ and arc length $s$ is $\frac{1}{2}\ell s$:
$$\frac12 \cdot 5 \cdot 6\pi = 15\pi.$$

This matches the formula $\pi r \ell = \pi \cdot 3 \cdot 5 = 15\pi$. ✓

(The height is $\sqrt{5^2 - 3^2} = 4$, which we did not need.)

Hence the lateral area is $15\pi$ square units.""",
    True, "lateral area 15pi matches")

row(S, r"15\pi", r"""Cone with radius $3$ and slant height $5$; find the lateral surface area.

Lateral part: $\pi r \ell = \pi \cdot 3 \cdot 5 = 15\pi$.

We should also include the base: $\pi r^2 = 9\pi$.

Total:
$$15\pi + 9\pi = 24\pi.$$

So the surface area is $24\pi$.""",
    False, "computed 15pi but added the base; final 24pi is the total, not lateral, area")

row(S, r"\frac{9}{2}", r"""Find the sum $3 + 1 + \frac{1}{3} + \frac{1}{9} + \cdots$.

This is a geometric series with first term $a = 3$.

The ratio: $\frac{1}{3} = r$, since $3 \cdot \frac13 = 1$ and $1 \cdot \frac13 = \frac13$.

Because $|r| < 1$, the series converges to
$$S = \frac{a}{1 - r} = \frac{3}{1 - \frac13} = \frac{3}{\frac23} = \frac{9}{2}.$$

Partial sums: $3$, $4$, $4.333$, $4.444$, $4.481$, ... approaching $4.5$. ✓

So the sum is $4.5$.""",
    True, "4.5 = 9/2")

row(S, r"-3, 5", r"""Solve $x^2 = 2x + 15$.

Move everything to one side:
$$x^2 - 2x - 15 = 0.$$

We need two numbers with product $-15$ and sum $-2$: these are $-5$ and $3$.

$$(x - 5)(x + 3) = 0.$$

So $x = 5$ or $x = -3$.

Check $x = 5$: $25 = 10 + 15$ ✓.
Check $x = -3$: $9 = -6 + 15$ ✓.

The solutions are $x = 5$ and $x = -3$.""",
    True, "both solutions 5 and -3 given")

row(S, r"-3, 5", r"""Solve $x^2 = 2x + 15$.

Rearranging, $x^2 - 2x - 15 = 0$.

Factor: we want numbers multiplying to $-15$ and adding to $-2$... I'll take $3$ and $-5$, giving
$$(x - 3)(x + 5) = 0.$$

So $x = 3$ or $x = -5$.

The solutions are $x = 3$ and $x = -5$.""",
    False, "factored with the wrong signs; 3 and -5 are not roots")

row(S, r"3", r"""For what value of $k$ are the lines $2x + ky = 3$ and $4x + 6y = 1$ parallel?

Write each in slope-intercept form.

Line 1: $ky = -2x + 3$, so the slope is $-\frac{2}{k}$.

Line 2: $6y = -4x + 1$, so the slope is $-\frac{4}{6} = -\frac{2}{3}$.

Parallel lines have equal slopes:
$$-\frac{2}{k} = -\frac{2}{3} \quad\Longrightarrow\quad k = 3.$$

Check that they are not the same line: with $k = 3$, line 1 is $2x + 3y = 3$, i.e. $4x + 6y = 6 \ne 1$. So they are distinct and parallel. ✓

Hence $k = 3$.""",
    True, "k = 3 matches")

row(S, r"1210", r"""\$1000 is invested at $10\%$ annual interest, compounded annually. How much is in the account after $2$ years?

After year 1: $1000 \times 1.10 = 1100$.

After year 2: $1100 \times 1.10 = 1210$.

Equivalently, $1000(1.1)^2 = 1000 \cdot 1.21 = 1210$.

Note the second year earns interest on the first year's interest ($\$10$ extra compared with simple interest).

So the balance is $\$1{,}210$.""",
    True, "$1,210 is 1210")

row(S, r"1210", r"""\$1000 at $10\%$ per year for $2$ years, compounded annually.

The interest rate is $10\%$ per year.

Year 1: interest is $10\%$ of $\$1000$, which is $\$100$. Balance: $\$1100$.

Year 2: the rate is still $10\%$ of the original principal, so the interest is again $\$100$. Balance: $\$1200$.

Total interest: $\$100 + \$100 = \$200$.

Let me double-check with the formula $A = P(1 + rt) = 1000(1 + 0.1 \cdot 2) = 1000 \cdot 1.2 = 1200$. ✓

So the account holds $\$1200$.""",
    False, "used simple interest; compound interest gives 1210")

row(S, r"$30$", r"""A right triangle has legs $5$ and $12$. Find its perimeter.

Hypotenuse:
$$c = \sqrt{5^2 + 12^2} = \sqrt{25 + 144} = \sqrt{169} = 13.$$

Perimeter:
$$5 + 12 + 13 = 30.$$

Let me double-check: $5$-$12$-$13$ is a well-known Pythagorean triple. Yes.

The perimeter is $30$.""",
    True, "30 matches")

row(S, r"\frac{\sqrt{3}}{2}", r"""Evaluate $\cos^2 15^\circ - \sin^2 15^\circ$.

This looks like a double-angle identity. Let me recall them:
- $\sin 2\theta = 2\sin\theta\cos\theta$
- $\cos 2\theta = \cos^2\theta - \sin^2\theta$

Hmm, let me just compute directly instead.

We have $\sin 15^\circ = \frac{\sqrt6 - \sqrt2}{4}$ and $\cos 15^\circ = \frac{\sqrt6 + \sqrt2}{4}$.

Then
$$\cos^2 15^\circ = \frac{8 + 2\sqrt{12}}{16} = \frac{2 + \sqrt3}{4},$$
$$\sin^2 15^\circ = \frac{8 - 2\sqrt{12}}{16} = \frac{2 - \sqrt3}{4}.$$

Subtracting:
$$\frac{2 + \sqrt3}{4} - \frac{2 - \sqrt3}{4} = \frac{2\sqrt3}{4} = \frac{\sqrt3}{2}.$$

So the expression equals $\frac{\sqrt3}{2}$... but that's $\sin 60^\circ$, and with $2\theta = 30^\circ$ the answer should be a $30^\circ$ value. So I must have slipped somewhere; the identity gives $\sin 30^\circ = \frac{1}{2}$.

The value is $\frac{1}{2}$.""",
    False, "used the sine double-angle formula; the expression is cos 30 = sqrt3/2")

row(S, r"\frac{\sqrt{3}}{2}", r"""Evaluate $\cos^2 15^\circ - \sin^2 15^\circ$.

The double-angle identity for cosine states
$$\cos 2\theta = \cos^2\theta - \sin^2\theta.$$

With $\theta = 15^\circ$:
$$\cos^2 15^\circ - \sin^2 15^\circ = \cos 30^\circ = \frac{\sqrt{3}}{2}.$$

Numerical check: $\cos 15^\circ \approx 0.9659$, so $\cos^2 15^\circ \approx 0.9330$; $\sin 15^\circ \approx 0.2588$, so $\sin^2 15^\circ \approx 0.0670$. The difference is $\approx 0.8660 \approx \frac{\sqrt3}{2}$. ✓

Therefore the value is $\dfrac{\sqrt{3}}{2}$.""",
    True, "sqrt3/2 matches")

row(S, r"988", r"""Find the largest three-digit multiple of $13$.

Divide $999$ by $13$:
$$13 \times 70 = 910, \qquad 999 - 910 = 89.$$
$$13 \times 6 = 78, \qquad 89 - 78 = 11.$$

So $999 = 13 \times 76 + 11$.

The largest multiple of $13$ not exceeding $999$ is
$$13 \times 76 = 988.$$

Check that the next one is too big: $13 \times 77 = 1001 > 999$. ✓

The largest three-digit multiple of $13$ is $988$.""",
    True, "988 matches")

row(S, r"988", r"""Largest three-digit multiple of $13$.

$999 \div 13 \approx 76.8$, so the candidate is $13 \times 76$.

Compute: $13 \times 76 = 13 \times 75 + 13 = 975 + 13 = 988$.

Let me recompute $13 \times 75$: $13 \times 75 = 13 \times 3 \times 25 = 39 \times 25 = 975$. Yes.

So $13 \times 76 = 988$. To make sure $988$ is a multiple of $13$, divide: $13 \times 70 = 910$, $988 - 910 = 78$, and $78 / 13 = 6$. So $988 = 13 \times 76$.

But I should double-check whether the problem wants the digits to be distinct... $988$ repeats the digit $8$. To be safe, take the previous multiple, $13 \times 75 = 975$, whose digits are distinct.

So the answer is $975$.""",
    False, "invented a distinct-digit condition; 988 was right, final 975 is wrong")

row(S, r"24", r"""In how many ways can $5$ people be seated around a round table (rotations considered the same)?

Label the people $A, B, C, D, E$ and the chairs $1$ through $5$.

Chair 1 can be filled in $5$ ways.
Chair 2 in $4$ ways.
Chair 3 in $3$ ways.
Chair 4 in $2$ ways.
Chair 5 in $1$ way.

Total: $5! = 120$ seatings.

Now, about rotations: rotating everyone one seat clockwise moves each person to a different chair, so the chair assignment changes.

Since the chairs are numbered, these count as different seatings.

So we keep all $120$.

The number of seatings is $120$.""",
    False, "did not divide out the 5 rotations; answer is 4! = 24")
row(S, r"6", r"""How many positive divisors of $720$ are perfect squares?

**Step 1: Prime factorization.**
$720 = 72 \cdot 10 = (8 \cdot 9)(2 \cdot 5) = 2^4 \cdot 3^2 \cdot 5$.

Check: $16 \cdot 9 = 144$ and $144 \cdot 5 = 720$. ✓

**Step 2: Square divisors.**
A divisor $2^a 3^b 5^c$ is a perfect square exactly when $a$, $b$, $c$ are all even.

- $a \in \{0, 2, 4\}$: $3$ choices
- $b \in \{0, 2\}$: $2$ choices
- $c \in \{0, 1\}$: $2$ choices

That gives $3 \cdot 2 \cdot 2 = 12$.

Hmm, wait. $c$ must be even and $c \le 1$, so $c = 0$ only. I made an error: $5^1$ is not a square.

Corrected count:
- $a$: $3$ choices
- $b$: $2$ choices
- $c$: $1$ choice

$$3 \cdot 2 \cdot 1 = 6.$$

**Step 3: List them to be sure.**

| $a$ | $b$ | divisor |
|---|---|---|
| 0 | 0 | 1 |
| 2 | 0 | 4 |
| 4 | 0 | 16 |
| 0 | 2 | 9 |
| 2 | 2 | 36 |
| 4 | 2 | 144 |

Each divides $720$: $720/4 = 180$, $720/16 = 45$, $720/9 = 80$, $720/36 = 20$, $720/144 = 5$. ✓

So $720$ has $6$ perfect-square divisors.""",
    True, "intermediate = 12 was corrected; final 6 matches")

row(S, r"\frac{1}{17}", r"""Two cards are drawn from a standard 52-card deck without replacement. What is the probability that both are hearts?

Let me set this up carefully.

There are $13$ hearts in a deck of $52$.

**First card.** The probability that the first card is a heart is
$$\frac{13}{52} = \frac{1}{4}.$$

**Second card.** Given the first card was a heart, there are $12$ hearts among the remaining $51$ cards:
$$\frac{12}{51} = \frac{4}{17}.$$

**Both.** Multiply:
$$\frac{1}{4}\cdot\frac{4}{17} = \frac{1}{17}.$$

Let me double-check with combinations:
$$\frac{\binom{13}{2}}{\binom{52}{2}} = \frac{78}{1326}.$$
Now $1326 / 78 = 17$, so this is $\frac{1}{17}$. ✓

Hmm, wait. Actually, I think I made an error in the setup: both cards are drawn from the same full deck, so each draw sees all $13$ hearts among $52$ cards, and the two events are independent.

So the probability is
$$\frac{13}{52}\cdot\frac{13}{52} = \frac{1}{4}\cdot\frac{1}{4} = \frac{1}{16}.$$

Therefore, the probability that both cards are hearts is $\frac{1}{16}$.""",
    False, "1/17 was right and checked; the 'correction' to independent draws gives 1/16")



# ---------------------------------------------------------------------------
# 5. gsm8k: plain-prose word problems, <<calc>> annotations, "#### N",
#    "The answer is N.", money written with a bare $ sign, separators, units
# ---------------------------------------------------------------------------
S = "gsm8k"

row(S, r"21", r"""Maria gave half of her 48 cookies to her neighbors, so she gave away 48/2 = <<48/2=24>>24 cookies.
That left her with 48 - 24 = <<48-24=24>>24 cookies.
After eating 3 of them, she had 24 - 3 = <<24-3=21>>21 cookies.
#### 21""",
    True, "21 matches")

row(S, r"21", r"""Maria started with 48 cookies and gave half away: 48/2 = <<48/2=24>>24.
So Maria has 24 cookies left.
#### 24""",
    False, "forgot to subtract the 3 cookies she ate")

row(S, r"44.75", r"""Tom buys 3 shirts at $12.50 each, so the shirts cost 3 * 12.50 = $<<3*12.50=37.50>>37.50.
The hat costs $7.25.
Altogether he spends 37.50 + 7.25 = $<<37.50+7.25=44.75>>44.75.
#### 44.75""",
    True, "44.75 matches; $ signs are currency")

row(S, r"44.75", r"""First, let's figure out how much the shirts cost. Each shirt is $12.50 and Tom buys 3 of them, so that's $12.50 x 3 = $37.50.

Next, we add the cost of the hat: $37.50 + $7.25 = $44.75.

So Tom spends $44.75 in total.

The answer is $44.75.""",
    True, "final $44.75 in prose, no ####")

row(S, r"44.75", r"""The shirts cost 3 x $12.50 = $36.50.
Adding the hat, $36.50 + $7.25 = $43.75.
Tom spends $43.75 altogether.
#### 43.75""",
    False, "3 x 12.50 is 37.50, not 36.50; total off by one dollar")

row(S, r"150", r"""The train travels at 60 miles per hour for 2.5 hours.
Distance = speed x time = 60 x 2.5 = <<60*2.5=150>>150 miles.
#### 150""",
    True, "150 matches")

row(S, r"180", r"""There are 12 rows, and each row has 15 tomato plants.

To find the total, multiply: 12 × 15 = 180.

The farmer has 180 tomato plants in the garden. The answer is 180.""",
    True, "180 matches")

row(S, r"90", r"""Sam earns $18 an hour.
On Saturday he works 5 hours, so he earns 18 * 5 = $<<18*5=90>>90.
#### 90""",
    True, "90 matches")

row(S, r"12", r"""Lisa reads 25 pages a day and the book has 300 pages.
So she needs 300 / 25 = <<300/25=12>>12 days of reading.
But she doesn't read on Sundays, and 12 reading days stretch over two Sundays, so it takes her 12 + 2 = <<12+2=14>>14 days.
#### 14""",
    False, "added rest days the problem never mentions; 12 was the answer")

row(S, r"2048576", r"""The city started the decade with 1,950,000 residents.
During the decade it gained 98,576 new residents.
So at the end it had 1,950,000 + 98,576 = 2,048,576 residents.
#### 2,048,576""",
    True, "2,048,576 with separators is 2048576")

row(S, r"2048576", r"""At the start there were 1,950,000 people. The city then grew by 98,576 people.
Adding, 1,950,000 + 98,576 = 2,048,567.
#### 2,048,567""",
    False, "last two digits transposed: 2,048,567 vs 2,048,576")

row(S, r"380", r"""The tank starts with 500 liters.
It leaks 15 liters per hour for 8 hours, so it loses 15*8 = <<15*8=120>>120 liters.
The amount left is 500 - 120 = <<500-120=380>>380 liters.
#### 380""",
    True, "380 matches")

row(S, r"380", r"""The tank loses 15 liters each hour for 8 hours: 15*8 = <<15*8=110>>110 liters.
So 500 - 110 = <<500-110=390>>390 liters remain.
#### 390""",
    False, "15 x 8 = 120, not 110; 390 is wrong")

row(S, r"72", r"""The teacher has 8 boxes of markers, and each box holds 9 markers.
8 x 9 = <<8*9=72>>72
So there are 72 markers in all.
#### 72""",
    True, "72 matches")

row(S, r"60", r"""The jacket originally costs $80 and is on sale for 25% off.

25% of $80 is 0.25 × 80 = $20.

So the sale price is $80 − $20 = $60.

The answer is $60.""",
    True, "sale price 60 matches")

row(S, r"60", r"""The discount is 25% of $80, which is 0.25*80 = $<<0.25*80=20>>20.
#### 20""",
    False, "gave the discount, not the sale price")

row(S, r"80", r"""Juan's weekly running:

| Day(s) | Miles |
|---|---|
| Monday–Friday | 3 × 5 = 15 |
| Saturday | 5 |
| **Week total** | **20** |

Over 4 weeks he runs 20 × 4 = <<20*4=80>>80 miles.
#### 80""",
    True, "80 matches")

row(S, r"4", r"""There are 3 pizzas with 8 slices each, so there are 3*8=<<3*8=24>>24 slices.
The 5 kids eat 4 slices each, which is 5*4=<<5*4=20>>20 slices.
So 24-20=<<24-20=4>>4 slices are left.
#### 4""",
    True, "4 matches")

row(S, r"4", r"""3 pizzas x 8 slices = 24 slices.
Each of the 5 kids eats 4 slices, so 5 x 4 = 20 slices are eaten.
#### 20""",
    False, "answered slices eaten (20) instead of slices left (4)")

row(S, r"28", r"""Ben is 7 years old.
Ann is three times as old as Ben, so Ann is 3 * 7 = <<3*7=21>>21 years old.
Together their ages add up to 21 + 7 = <<21+7=28>>28 years.
#### 28""",
    True, "28 matches")

row(S, r"28", r"""Ben is 7, and Ann is 3 times as old, so Ann is 3 x 7 = 21 years old.
#### 21""",
    False, "gave Ann's age; the question asks for the sum 28")

row(S, r"18", r"""Carla had $50 in her wallet.
She spent $32 on groceries.
50 - 32 = <<50-32=18>>18
She has 18 dollars left.
#### 18 dollars""",
    True, "18 dollars; the unit is harmless")

row(S, r"18", r"""The total bill is $54, and the three friends split it evenly.
$54 ÷ 3 = $18
Each friend pays $18.
#### $18""",
    True, "$18 is 18")

row(S, r"5", r"""The distance is 300 km and the car travels at 60 km per hour.
Time = distance / speed = 300/60 = <<300/60=5>>5 hours.
#### 5""",
    True, "5 hours matches")

row(S, r"5", r"""Driving 300 km at 60 km/h takes 300 / 60 = 5 hours of driving.
With a stop or two for gas and food it could take a bit longer.
So the trip takes 5 or 6 hours.
The answer is 5 or 6.""",
    False, "hedges between 5 and 6")

row(S, r"7.25", r"""Jenna pays for a $12.75 book with a $20 bill.
Her change is $20.00 - $12.75 = $7.25.
The answer is $7.25.""",
    True, "7.25 matches; single $ is currency")

row(S, r"7.25", r"""Jenna hands over \$20 for a book that costs \$12.75.
Subtracting, \$20.00 - \$12.75 = \$8.25.
So she gets \$8.25 back.
#### 8.25""",
    False, "subtraction slip: change is 7.25, not 8.25")

row(S, r"1500", r"""Dana saves $250 every week.
After 6 weeks she has saved 250*6 = $<<250*6=1500>>1,500.
#### 1,500""",
    True, "1,500 is 1500")

row(S, r"32", r"""There are 5 tables with 7 chairs each, so there are 5*7 = <<5*7=35>>35 chairs.
3 of the chairs are broken, so 35-3 = <<35-3=32>>32 chairs can be used.
#### 32""",
    True, "32 matches")

row(S, r"32", r"""5 tables x 7 chairs = <<5*7=35>>35 chairs.
Some chairs are broken, but they are still chairs at the tables.
#### 35""",
    False, "ignored the 3 broken chairs; 35 is the intermediate total")

row(S, r"120", r"""The bakery makes 15 loaves of bread every hour.
It bakes for 8 hours each day.
So it makes 15 x 8 = <<15*8=120>>120 loaves a day.
The answer is 120.""",
    True, "120 matches")

row(S, r"6", r"""A full box holds 12 eggs, and there are 78 eggs.
78 / 12 = 6 with a remainder of 6, because 12*6 = <<12*6=72>>72 and 78 - 72 = <<78-72=6>>6.
So the farmer can fill 6 boxes, and 6 eggs are left over.
#### 6""",
    True, "6 full boxes matches")

row(S, r"6", r"""There are 78 eggs and each box holds 12.
78 / 12 = <<78/12=6.5>>6.5
#### 6.5""",
    False, "a half box is not a full box; answer is 6")

row(S, r"250", r"""Emma spent 40% of her savings, and that was $100.
So 0.40 x (savings) = 100, which means her savings were 100 / 0.40 = $<<100/0.40=250>>250.
#### 250""",
    True, "250 matches")

row(S, r"250", r"""Emma spent 40% of $100.
40% of 100 is 0.4 * 100 = <<0.4*100=40>>40.
#### 40""",
    False, "misread the problem; took 40% of 100 instead of solving 0.4x = 100")

row(S, r"17", r"""The farmer had 50 apples.
He sold 18 at the market in the morning: 50 - 18 = <<50-18=22>>22.
He sold 15 more in the afternoon: 22 - 15 = <<22-15=7>>7.
#### 7""",
    False, "50 - 18 = 32, not 22; final 7 is wrong")

row(S, r"9", r"""Let's first find how many pencils each student gets.
There are 144 pencils and 16 students, so each student gets 144 / 16 =""",
    False, "cut off before the computation finishes; no answer")

row(S, r"3600", r"""The rent is $1,200 per month.
For 3 months that is 1,200 x 3 = $<<1200*3=3600>>3,600.
#### 3,600""",
    True, "3,600 is 3600")

row(S, r"45", r"""Priya practices piano 3 times a day: before breakfast, after lunch, and before bed.
Each session is 15 minutes.
So she practices 3 x 15 = <<3*15=45>>45 minutes a day.
#### 45 minutes""",
    True, "45 minutes matches")

row(S, r"45", r"""Priya practices before breakfast, after lunch, and before bed, plus once at night, so that's 4 sessions.
Each session lasts 15 minutes, so 4 x 15 = <<4*15=60>>60 minutes.
#### 60""",
    False, "miscounted sessions (3, not 4); 60 is wrong")

row(S, r"9", r"""Leo buys 3 packs of batteries with 4 batteries in each pack, so he has 3 × 4 = 12 batteries.
He puts 3 of them into his remote control.
12 − 3 = 9 batteries are left.
The answer is 9.""",
    True, "9 matches")

row(S, r"9", r"""Leo buys 3 packs of 4 batteries: 3*4=<<3*4=12>>12 batteries.
#### 12""",
    False, "forgot to subtract the 3 batteries used")

row(S, r"1.5", r"""They have 3 pounds of trail mix to share between 2 friends.
3 / 2 = 1 with 1 pound remaining, so each friend gets 1 pound.
#### 1""",
    False, "truncated the division; each gets 1.5 pounds")

row(S, r"625", r"""The garden is a square with sides of 25 feet.
Area = side x side = 25*25 = <<25*25=625>>625 square feet.
#### 625""",
    True, "625 matches")

row(S, r"625", r"""The square garden has side length 25 feet.
Its area is 25 x 25 = <<25*25=62.5>>62.5 square feet.
#### 62.5""",
    False, "decimal slip: 62.5 is a tenth of 625")


# ---------------------------------------------------------------------------
# output
# ---------------------------------------------------------------------------
def build():
    out = []
    for i, r in enumerate(ROWS, start=1):
        d = {"id": "a_%04d" % i}
        d.update(r)
        out.append(d)
    ids = [d["id"] for d in out]
    assert len(ids) == len(set(ids)), "duplicate id"
    for d in out:
        assert isinstance(d["label"], bool), d["id"]
        assert d["completion"] and d["gold"] and d["reason"], d["id"]
        assert len(d["completion"]) < 4000, (d["id"], len(d["completion"]))
        assert "\n" not in d["reason"], d["id"]
    return out


def main():
    rows = build()
    for d in rows:
        sys.stdout.write(json.dumps(d, ensure_ascii=False) + "\n")
    if "--stats" in sys.argv[1:]:
        counts = {}
        for d in rows:
            c = counts.setdefault(d["shape"], [0, 0])
            c[0 if d["label"] else 1] += 1
        for shape, (t, f) in counts.items():
            sys.stderr.write("%-11s %3d  true %3d  false %3d\n" % (shape, t + f, t, f))
        t = sum(c[0] for c in counts.values())
        f = sum(c[1] for c in counts.values())
        sys.stderr.write("%-11s %3d  true %3d  false %3d\n" % ("total", t + f, t, f))


if __name__ == "__main__":
    main()
