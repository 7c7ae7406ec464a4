#!/usr/bin/env python3
"""Math answer-grader evaluation corpus, part B (hand-written).

Each row pairs a dataset-style gold answer with a free-form LLM completion
and the label a careful human grader would give: true when the completion's
FINAL answer is mathematically the gold answer, false otherwise (hedges,
missing answers, near misses, wrong letters, wrong sign, ...).

Run it to print the rows as JSONL on stdout:

    python3 part_b.py > part_b.jsonl
    python3 part_b.py --stats        # counts per shape / label on stderr too

Ids (b_0001, b_0002, ...) follow the order of the rows in this file, so new
rows should be appended at the end of their shape block only if renumbering
is acceptable; otherwise append at the very end of the file.

Standard library only.
"""

import json
import sys
from collections import Counter

LL = "llama_answer_is"
MC = "multiple_choice"
UC = "units_currency"
ST = "structures"
NE = "non_english"
DE = "decimals"
EE = "explicit_edge"

SHAPES = (LL, MC, UC, ST, NE, DE, EE)

ROWS = []


def R(shape, gold, completion, label, reason):
    ROWS.append(
        {
            "shape": shape,
            "gold": gold,
            "completion": completion,
            "label": label,
            "reason": reason,
        }
    )


# ---------------------------------------------------------------------------
# 1. llama_answer_is: "The answer is ...", "Answer: ...", display math,
#    "**Answer:**", Llama 3 "The final answer is: $\boxed{...}$"
# ---------------------------------------------------------------------------

R(LL, r"8",
  r"""Sam starts with 3 apples and his friend gives him 5 more. To find the total we add: 3 + 5 = 8. The answer is 8.""",
  True, "final answer 8 matches gold 8")

R(LL, r"\frac{2}{5}",
  r"""There are 10 marbles in the bag and 4 of them are red. The probability of drawing a red marble is the number of favorable outcomes divided by the total number of outcomes, which is $\frac{4}{10}$. Simplifying by dividing numerator and denominator by 2 gives $\frac{2}{5}$.

Therefore, the answer is $\frac{2}{5}$.""",
  True, "final answer 2/5 equals gold")

R(LL, r"8",
  r"""We need the number of subsets of a 3-element set. Each element is either in the subset or not, so there are $2^3 = 8$ subsets (counting the empty set and the whole set).

The answer is 8. Let me double-check: the subsets of {a, b, c} are {}, {a}, {b}, {c}, {a,b}, {a,c}, {b,c}, {a,b,c}. That is 8 subsets. Yes.""",
  True, "answer 8, the double-check confirms it")

R(LL, r"\frac{2}{5}",
  r"""We solve $5x - 2 = 0$.

Adding 2 to both sides: $5x = 2$.
Dividing by 5: $x = \frac{2}{5}$.

Answer: \(\frac{2}{5}\)""",
  True, "Answer: \\(\\frac{2}{5}\\) equals gold")

R(LL, r"\frac{2}{5}",
  r"""The pipe fills $\tfrac15$ of the tank every hour. After 2 hours it has filled $2 \cdot \tfrac15$ of the tank, so the fraction filled is

\[\frac25\]""",
  True, "display-math \\frac25 is 2/5")

R(LL, r"0.4",
  r"""Out of 25 students, 10 wear glasses. The fraction wearing glasses is 10/25, which reduces to

$$\frac25$$""",
  True, "2/5 equals gold 0.4")

R(LL, r"12",
  r"""**Solution.**

A square with side length 3 has four equal sides, so its perimeter is $4 \times 3 = 12$.

**Answer:** 12""",
  True, "bold Answer: 12 matches")

R(LL, r"17",
  r"""## Step 1: List the primes below 19
The primes less than 19 are 2, 3, 5, 7, 11, 13 and 17.

## Step 2: Pick the largest one
The largest of these is 17.

The final answer is: $\boxed{17}$""",
  True, "Llama 3 style boxed 17 matches")

R(LL, r"8",
  r"""A cube has 12 edges and we want the number of vertices. By Euler's formula $V - E + F = 2$. A cube has 5 faces, so $V = 2 + E - F = 2 + 12 - 5 = 9$.

The answer is 9.""",
  False, "near miss: 9 instead of 8 (miscounted faces)")

R(LL, r"\frac{2}{5}",
  r"""The class has 15 boys and 10 girls, 25 students in all. We compare the whole class to the girls: $\frac{25}{10} = \frac{5}{2}$.

Therefore, the answer is $\frac{5}{2}$.""",
  False, "gives the reciprocal 5/2, not 2/5")

R(LL, r"8",
  r"""Since $24 = 2^3 \cdot 3$, the number of positive divisors is $(3+1)(1+1) = 8$. The answer is 8.

Hold on, rereading the problem, it asks about 48, not 24. $48 = 2^4 \cdot 3$, so the number of divisors is $(4+1)(1+1) = 10$. So the answer is actually 10.""",
  False, "the 8 is retracted; the final answer is 10")

R(LL, r"8",
  r"""Let me list the divisors of 24: 1, 2, 3, 4, 5, 6, 8, 10, 12, 24. The answer is 10.

Hmm, wait. 5 and 10 do not divide 24, I included them by mistake. Removing them leaves 1, 2, 3, 4, 6, 8, 12, 24.

The correct answer is 8.""",
  True, "the draft 10 is corrected; final answer 8")

R(LL, r"-3",
  r"""We solve $2x + 7 = 1$. Moving the 7 over gives $2x = 1 - 7 = 6$, so $x = 3$.

The answer is 3.""",
  False, "wrong sign: 3 instead of -3")

R(LL, r"-3",
  r"""$2x + 7 = 1 \Rightarrow 2x = -6 \Rightarrow x = -3$.

Therefore, the answer is $-3$.""",
  True, "final answer -3 matches")

R(LL, r"\frac{\sqrt{2}}{2}",
  r"""In a 45-45-90 triangle with legs 1 and hypotenuse $\sqrt{2}$, the sine of $45^\circ$ is opposite over hypotenuse, i.e. $\frac{1}{\sqrt{2}}$.

The answer is $\frac{1}{\sqrt{2}}$.""",
  True, "1/sqrt2 equals sqrt2/2")

R(LL, r"2\sqrt{3}",
  r"""The distance from $(0,0)$ to $(\sqrt{3}, 3)$ is $\sqrt{(\sqrt3)^2 + 3^2} = \sqrt{3 + 9}$.

The answer is $\sqrt{12}$.""",
  True, "sqrt12 = 2sqrt3")

R(LL, r"2\sqrt{3}",
  r"""The distance from $(0,0)$ to $(\sqrt{3}, 3)$ is $\sqrt{3 + 3} = \sqrt{6}$.

The answer is $\sqrt{6}$.""",
  False, "sqrt6 is not 2sqrt3")

R(LL, r"\boxed{24}",
  r"""Four different books can be placed on a shelf in $4! = 4 \cdot 3 \cdot 2 \cdot 1 = 24$ orders. The answer is 24.""",
  True, "24 matches the boxed gold")

R(LL, r"$120$",
  r"""## Step 1: Count the arrangements
Five distinct people can stand in a line in $5!$ ways.

## Step 2: Compute
$5! = 5 \times 4 \times 3 \times 2 \times 1 = 120$.

The final answer is: $\boxed{120}$""",
  True, "boxed 120 matches $120$")

R(LL, r"x^2 + 2x + 1",
  r"""Expanding, $(x+1)^2 = (x+1)(x+1) = x^2 + x + x + 1$.

Collecting like terms, the answer is $1 + 2x + x^2$.""",
  True, "same polynomial, terms reordered")

R(LL, r"x^2 + 2x + 1",
  r"""Squaring each term: $(x+1)^2 = x^2 + 1^2$.

The answer is $x^2 + 1$.""",
  False, "missing the 2x term")

R(LL, r"5",
  r"""We need the smallest $n$ with $2^n > 30$. $2^4 = 16$ is too small, $2^5 = 32$ works, but depending on whether the bound is strict it may be 6.

I think the answer is either 5 or 6.""",
  False, "hedge between 5 and 6")

R(LL, r"42",
  r"""We multiply the number of rows by the number of seats in each row: $6 \times 7 = 42$.

Final Answer: The final answer is $42$. I hope it is correct.""",
  True, "Minerva-style final answer 42")

R(LL, r"7",
  r"""We divide 52 by 9: $9 \times 5 = 45$ and $52 - 45 = 7$, so the remainder is 7.

Final Answer: The final answer is $\boxed{7}$. I hope it is correct.""",
  True, "boxed 7 matches")

R(LL, r"7",
  r"""We want the remainder of 52. Since $52 = 3 \times 17 + 1$, the remainder is 1.

Final Answer: The final answer is $\boxed{1}$. I hope it is correct.""",
  False, "boxed 1, gold is 7")

R(LL, r"\frac{1}{6}",
  r"""A fair die has 6 equally likely faces and exactly one of them shows a 3.

Answer: 1/6""",
  True, "1/6 equals gold")

R(LL, r"\frac{1}{6}",
  r"""For a sum of 7 with two dice, the favorable outcomes are (1,6), (2,5), (3,4), (4,3), (5,2), (6,1), 6 of them. I'll take the number of unordered pairs, 18, as the total, giving 6/18.

Answer: 1/3""",
  False, "1/3 instead of 1/6")

R(LL, r"100",
  r"""The sum of the first 10 odd numbers is $10^2 = 100$. The answer is 100.

Note: this uses the identity $1 + 3 + \cdots + (2n-1) = n^2$, which follows by induction since adding $2n+1$ to $n^2$ gives $(n+1)^2$.""",
  True, "answer 100; the trailing note does not change it")

R(LL, r"3\pi",
  r"""A circle of radius $\sqrt{3}$ has area $\pi (\sqrt3)^2$. Measured in units of $\pi$, this is 3.

The answer is $3$.""",
  False, "drops the factor pi: 3 is not 3pi")

R(LL, r"6",
  r"""## Step 1: Set up the equation
Let the number be $n$. Three times the number plus four is 22, so $3n + 4 = 22$.

## Step 2: Solve for n
Subtract 4: $3n = 18$. Divide by 3: $n = 6$.

The final answer is: $\boxed{6}$""",
  True, "boxed 6 matches")

R(LL, r"6",
  r"""## Step 1: Understand the problem
We are looking for the positive number whose square is 36.

## Step 2: Write the equation
$n^2 = 36$.

## Step 3: Conclude
The value we need is 36.

The final answer is: $\boxed{36}$""",
  False, "boxes 36 (the square) rather than 6")

R(LL, r"\frac{3}{4}",
  r"""The pizza was cut into 4 equal slices and 1 slice was eaten, so 3 of the 4 slices are left.

Answer: $\dfrac{3}{4}$""",
  True, "dfrac 3/4 equals gold")

R(LL, r"15",
  r"""Traveling 5 km at 20 km/h takes $\frac{5}{20} = 0.25$ hours, which is 15 minutes. The answer is 15 minutes.""",
  True, "15 minutes, the number 15 matches")

R(LL, r"x = 4",
  r"""Squaring both sides of $\sqrt{x} = 2$ gives $x = 4$, and $4 \ge 0$ so it is valid. The answer is 4.""",
  True, "4 is the value in gold x = 4")

R(LL, r"$\frac{1}{2}$",
  r"""Half of the 8 slices were eaten, i.e. 4 of 8. The answer is 1/2.""",
  True, "1/2 matches $\\frac{1}{2}$")

R(LL, r"12",
  r"""Each of the 4 shelves holds 3 boxes, so we add one extra box for the top: $4 \times 3 + 1 = 13$.

**Answer:** 13""",
  False, "13 instead of 12")


# ---------------------------------------------------------------------------
# 2. multiple_choice: GPQA / MMLU / AMC style letters, option text, hedges
# ---------------------------------------------------------------------------

R(MC, r"C",
  r"""We need $1 + 2 + 3 + 4 + 5$. Pairing the ends, $(1+5) + (2+4) + 3 = 6 + 6 + 3 = 15$.

Looking at the options: (A) 10, (B) 12, (C) 15, (D) 20.

The answer is (C) 15""",
  True, "letter C matches")

R(MC, r"C",
  r"""Using the power rule, $\frac{d}{dx} x^3 = 3x^2$. This matches choice C.

**Answer:** C""",
  True, "bold Answer: C")

R(MC, r"(C)",
  r"""Let's evaluate each option.
A. 12 - too small, it ignores one of the rows.
B. 14 - off by one.
C. 15 - correct: 3 rows of 5 gives 3 x 5 = 15.
D. 18 - counts an extra row.

Therefore the answer is:

C. 15""",
  True, "final line C. 15, letter C matches (C)")

R(MC, r"B",
  r"""HCl is a strong acid, so $[H^+] = 0.01$ M and $\text{pH} = -\log_{10}(0.01) = 2$. That corresponds to option B.

Answer: B""",
  True, "Answer: B matches")

R(MC, r"D",
  r"""A function is odd if $f(-x) = -f(x)$.
- (A) $x^2$: even.
- (B) $\cos x$: even.
- (C) $x^2 + x$: neither.
- (D) $x^3$: $(-x)^3 = -x^3$, odd.

So the correct option is (D).""",
  True, "correct option (D) matches")

R(MC, r"\text{(C)}",
  r"""The two-digit multiples of 7 run from 14 to 98, i.e. $7 \cdot 2$ through $7 \cdot 14$, which is $14 - 2 + 1 = 13$ numbers. That is choice (C).

$\boxed{C}$""",
  True, "boxed C matches \\text{(C)}")

R(MC, r"A",
  r"""The mitochondria is where oxidative phosphorylation produces most of the cell's ATP, and the question asks for the site of the electron transport chain. Among the options, (A) inner mitochondrial membrane is the right location; (B) the outer membrane and (C) the cytoplasm are wrong, and (D) the nucleus is unrelated.

ANSWER: A""",
  True, "ANSWER: A matches")

R(MC, r"B",
  r"""Each of the options could be argued for depending on how the reaction conditions are interpreted. Without more information about the temperature I can't rule any of them out.

The answer is B, C, D or A""",
  False, "hedge listing every option")

R(MC, r"A",
  r"""Options (B) and (D) violate conservation of energy, so they are out. Between the remaining two, (A) assumes an elastic collision and (C) an inelastic one, and the problem does not say which.

So the answer is either (A) or (C).""",
  False, "hedge between A and C")

R(MC, r"C. 15",
  r"""Each pair of the 6 people shakes hands once, so the number of handshakes is $\binom{6}{2} = \frac{6 \cdot 5}{2} = 15$.

**Final answer: 15**""",
  True, "option text 15 matches gold C. 15")

R(MC, r"C. 15",
  r"""Person 1 shakes 5 hands, person 2 shakes 4 new hands, then 3, 2, 1, and I add one more for the host: $5 + 4 + 3 + 2 + 1 + 1 = 16$.

**Final answer: 16**""",
  False, "16 is not option C's 15")

R(MC, r"C",
  r"""The slope of the line through $(1, 2)$ and $(3, 8)$ is $\frac{8 - 2}{3 - 1} = 3$, which appears as option (B).

The answer is (B).""",
  False, "wrong letter B")

R(MC, r"(D)",
  r"""The sum of the interior angles of a hexagon is $(6-2) \cdot 180^\circ = 720^\circ$, which is listed as (D).

$$\boxed{\text{(D)}}$$""",
  True, "boxed (D) matches")

R(MC, r"(A)",
  r"""$\sqrt{50} = 5\sqrt{2} \approx 7.07$, which is closest to choice B.

$\boxed{B}$""",
  False, "boxed B, gold A")

R(MC, r"C",
  r"""I'm torn between B and C at first. B would be right if the gas were ideal at constant volume, but the problem explicitly states constant pressure, so the work term matters and that rules B out. I'll go with C.

Answer: C""",
  True, "commits to C after weighing B")

R(MC, r"C",
  r"""Options A, B, C and D all seem plausible given the limited data in the passage. Without more information, I cannot determine which one is correct.""",
  False, "no answer chosen")

R(MC, r"B",
  r"""Initially I thought the answer was (A), since the first derivative vanishes at $x = 0$. But checking the second derivative, $f''(0) = 6 > 0$, so $x = 0$ is a local minimum, not a maximum. On reflection the correct answer is (B).""",
  True, "final answer B after revising away from A")

R(MC, r"A",
  r"""Initially I thought the answer was (A), since the first derivative vanishes at $x = 0$. But checking the second derivative, $f''(0) = 6 > 0$, so $x = 0$ is a local minimum, not a maximum. On reflection the correct answer is (B).""",
  False, "A was abandoned; final answer is B")

R(MC, r"D",
  r"""The kinetic energy is $KE = \frac{1}{2} m v^2 = \frac{1}{2} (2\ \text{kg})(3\ \text{m/s})^2 = 9\ \text{J}$.

The correct answer is D) 9 J""",
  True, "D) 9 J matches letter D")

R(MC, r"D",
  r"""Since the triangle has sides 5, 12, 13 and $5^2 + 12^2 = 13^2$, it is a right triangle with area $\frac12 \cdot 5 \cdot 12 = 30$, which is option d.

Answer: (d)""",
  True, "lowercase (d) is option D")

R(MC, r"E",
  r"""Let the number of students be $n$. From $\frac{3}{8}n = 15$ we get $n = 40$.

The answer is $\textbf{(E) } 40$.""",
  True, "AMC style (E) 40 matches")

R(MC, r"\text{(B)}",
  r"""The area of the triangle with vertices $(0,0)$, $(6,0)$ and $(0,4)$ is $\frac12 \cdot 6 \cdot 4 = 12$.

$\textbf{(B)}\ 12$""",
  True, "(B) 12 matches \\text{(B)}")

R(MC, r"B. 12\pi",
  r"""The lateral area of a cylinder is $2\pi r h = 2\pi \cdot 2 \cdot 3 = 12\pi$.

So the lateral surface area is $12\pi$.""",
  True, "option text 12pi matches gold B. 12\\pi")

R(MC, r"B. 12\pi",
  r"""The lateral area is $2 r h = 2 \cdot 2 \cdot 3 = 12$.

So the lateral surface area is $12$.""",
  False, "12 is not option B's 12pi and names no letter")

R(MC, r"A. 3/4",
  r"""Three of the four equally likely outcomes are favorable, so the probability is $3 \div 4 = 0.75$.

Answer: 0.75""",
  True, "0.75 equals option A's text 3/4")

R(MC, r"C. 15",
  r"""Adding the three numbers, $4 + 5 + 6 = 15$.

The answer is (C)""",
  True, "letter C matches")

R(MC, r"C. 15",
  r"""Adding the three numbers, $4 + 5 + 6 = 15$, and then I add the 3 from the problem statement to get 18.

The answer is (D)""",
  False, "letter D, gold C")

R(MC, r"A",
  r"""Let's check each option for $f(x) = x^3 - 3x$. We have $f'(x) = 3x^2 - 3$, which vanishes at $x = \pm 1$, and $f''(x) = 6x$.
(A) Local maximum at $x = -1$: $f''(-1) = -6 < 0$, which means a minimum, so A is wrong.
(B) Local maximum at $x = 1$: $f''(1) = 6 > 0$, which means a maximum.
(C) and (D) claim there are no critical points, which is false.

Therefore the answer is B.""",
  False, "concludes B; gold A")

R(MC, r"C",
  r"""Both C and D give a positive discriminant, so both describe two real roots.

Answer: C or D""",
  False, "hedge between C and D")

R(MC, r"B",
  r"""Option A would require a negative mass, which is impossible. The remaining conditions in C and D contradict the given boundary values. The answer is not A, so it must be B.""",
  True, "concludes B")

R(MC, r"(B)",
  r"""Both $x = 2$ (option B) and $x = -2$ (option D) satisfy $x^2 = 4$.

(B) and (D) are both correct.""",
  False, "selects two options for a single-answer question")

R(MC, r"D",
  r"""Each of the 6 rows has 8 seats, so the hall has $6 \times 8 = 48$ seats.

The correct choice is **D. 48**""",
  True, "D. 48 matches letter D")

R(MC, r"D",
  r"""First pass: $6 \times 8 = 48$, which is choice D. Let me recompute, since the problem says one box is removed: $6 \times 8 - 2 = 46$, which is option C.

The answer is C.""",
  False, "final letter C, gold D")

R(MC, r"A",
  r"""Computing the integral, $\int_0^1 x\,dx = \tfrac12$. None of the listed values (1/3, 1/4, 2, 3) match this.

Answer: None of the options""",
  False, "rejects all options")

R(MC, r"\text{(A)}",
  r"""The median of 3, 5, 7, 9, 11, 13 is the average of the two middle values, $\frac{7 + 9}{2} = 8$. Hmm, that is for six values; the problem has 3, 5, 7, 9, 11, so the median is 7.

$\boxed{\text{(A)}\ 7}$""",
  True, "boxed (A) 7 matches")

R(MC, r"B",
  r"""The Krebs cycle takes place in the mitochondrial matrix; the other options list the cytosol, the nucleus and the ribosome.

My answer: option b.""",
  True, "option b is B")

R(MC, r"C",
  r"""The efficiency could be 40% (C) if the losses in the pump are ignored or 35% (D) if they are included, and the problem statement is ambiguous about it. I can't decide between C and D.""",
  False, "undecided between C and D")

R(MC, r"C. 15",
  r"""The arithmetic sequence 3, 6, 9, ... has fifth term $3 + 4 \cdot 3 = 15$.

The answer is 15, which is option C.""",
  True, "15 / option C matches")

R(MC, r"A",
  r"""Every option is consistent with some reading of the question.

The answer is (A), (B), (C), (D).""",
  False, "lists every option")

R(MC, r"D",
  r"""We need the energy of a photon with wavelength 500 nm. $E = \frac{hc}{\lambda} = \frac{(6.626 \times 10^{-34})(3.00 \times 10^{8})}{500 \times 10^{-9}} \approx 3.98 \times 10^{-19}$ J.

Option A ($3.98 \times 10^{-17}$ J) is off by a factor of 100. Option B uses the frequency instead of the energy. Option C forgets to convert nanometres. Option D is $3.98 \times 10^{-19}$ J.

ANSWER: D""",
  True, "ANSWER: D matches")

R(MC, r"B",
  r"""The expression $\frac{x^2 - 9}{x - 3}$ simplifies to $x + 3$ for $x \neq 3$, which is option B.

{"answer": "B"}""",
  True, "JSON answer B matches")

R(MC, r"C",
  r"""Of the 6 marbles, 4 are blue, so the probability of blue is $\frac{4}{6} = \frac{2}{3}$.

Answer: (C) 2/3""",
  True, "(C) 2/3 matches letter C")

R(MC, r"(E)",
  r"""Let $s$ be the side length. From $s^2 = 2 \cdot 8^2 = 128$, we get $s = 8\sqrt2$, which is answer (E).

\boxed{E}""",
  True, "boxed E matches (E)")

R(MC, r"E",
  r"""Since the average of the five numbers is 8, their sum is 40. Subtracting the four known numbers leaves 4, so the answer is (A).

the answer is (A)""",
  False, "letter A, gold E")


# ---------------------------------------------------------------------------
# 3. units_currency: units inside math, degrees, money, percent, thousands
#    separators
# ---------------------------------------------------------------------------

R(UC, r"36\pi",
  r"""The volume of a sphere is $V = \frac{4}{3}\pi r^3$. With $r = 3$ cm,
$$V = \frac{4}{3}\pi \cdot 27 = 36\pi.$$

The volume is $36\pi \text{ cm}^3$.""",
  True, "36pi cm^3, unit does not matter")

R(UC, r"12",
  r"""Average speed is distance over time: $v = \frac{60\ \text{m}}{5\ \text{s}}$, so the speed is $12\,\mathrm{m/s}$.""",
  True, "12 m/s matches 12")

R(UC, r"45",
  r"""In an isosceles right triangle the two acute angles are equal and add up to $90^\circ$, so each of them measures $45^\circ$.""",
  True, "45 degrees matches 45")

R(UC, r"7.25",
  r"""Three notebooks at \$1.75 each cost \$5.25. Adding the pen for \$2.00 gives \$5.25 + \$2.00. So she pays \$7.25 in total.""",
  True, "escaped-dollar money amount 7.25")

R(UC, r"7.25",
  r"""Each sandwich costs $1.45 and he buys 5 of them: 5 × 1.45 = 7.25. The total cost is $7.25.""",
  True, "$7.25 is money, equals 7.25")

R(UC, r"25\%",
  r"""15 out of 60 students chose chess. 15/60 = 0.25, i.e. 25%.

The answer is 25%.""",
  True, "25% matches 25\\%")

R(UC, r"1048576",
  r"""Since $2^{10} = 1024$, we get $2^{20} = (2^{10})^2 = 1024^2$.

$1024^2 = 1{,}000{,}000 + 2 \cdot 1000 \cdot 24 + 24^2 = 1{,}000{,}000 + 48{,}000 + 576$, so $2^{20}$ equals 1,048,576.""",
  True, "comma-separated 1,048,576")

R(UC, r"1048576",
  r"""There are $4^{10}$ strings of length 10 over the alphabet {A, C, G, T}. Since $4^{10} = 2^{20}$, the count is
$$\boxed{1{,}048{,}576}$$""",
  True, "1{,}048{,}576 is 1048576")

R(UC, r"1048576",
  r"""Each of the 20 switches can be on or off independently, giving $2^{20}$ configurations, i.e. $1\,048\,576$ configurations.""",
  True, "thin-space separators, 1048576")

R(UC, r"1048576",
  r"""The number of subsets of a 20-element set is $2^{20} = 1024^2$. Therefore the answer is $1,\!048,\!576$.""",
  True, "final 1,\\!048,\\!576")

R(UC, r"1048576",
  r"""$2^{20} = 1024 \times 1024$. Multiplying out, the answer is $\boxed{1,048,567}$.""",
  False, "digits transposed: 1,048,567")

R(UC, r"2097152",
  r"""A binary string of length 21 has $2^{21}$ possibilities. Since $2^{20} = 1{,}048{,}576$, the answer is **1,048,576**.""",
  False, "computed 2^20, gold is 2^21")

R(UC, r"36\pi",
  r"""Using $V = \frac43 \pi r^3$ with $r = 3$: $\frac43 \cdot 27 = 36$.

The volume is 36 cm^3.""",
  False, "36 without pi")

R(UC, r"45",
  r"""The exterior angle at C is $180^\circ - 45^\circ$, so the angle we want is $\boxed{135^\circ}$.""",
  False, "135 degrees, gold 45")

R(UC, r"7.25",
  r"""The bill is 29 dollars split evenly between 4 people... each pays 29/4 = \$72.50.""",
  False, "72.50, decimal point misplaced")

R(UC, r"18.90",
  r"""Three tickets at \$6.30 each cost $3 \times 6.30 = 18.9$ dollars.

So the total is $\$18.9$.""",
  True, "18.9 equals 18.90")

R(UC, r"60",
  r"""The angles of a triangle sum to $180^\circ$. With $\angle A = 50^\circ$ and $\angle B = 70^\circ$, we get $\angle C = 180^\circ - 50^\circ - 70^\circ$.

Therefore $\angle C = 60^\circ$.""",
  True, "angle C = 60 degrees matches 60")

R(UC, r"1.5",
  r"""She runs three laps of a 500 m track: $3 \times 500\ \text{m} = 1500\ \text{m}$, which is $1.5 \text{ km}$.""",
  True, "1.5 km matches 1.5")

R(UC, r"120",
  r"""A 20% discount on a \$150 jacket saves \$30, so the sale price is $150 - 30 = 120$.

Final answer: $120\text{ dollars}$""",
  True, "120 dollars matches 120")

R(UC, r"4",
  r"""By the Pythagorean theorem the other leg is $\sqrt{5^2 - 3^2} = \sqrt{16}$ meters.

\boxed{4\text{ m}}""",
  True, "boxed 4 m matches 4")

R(UC, r"50",
  r"""He saves \$12.50 per week for 4 weeks, so he has $4 \times 12.50 = 50$ dollars, i.e. **\$50.00**.""",
  True, "$50.00 equals 50")

R(UC, r"50",
  r"""He saves \$1.25 per week for 4 weeks, so he has **\$5.00**.""",
  False, "$5.00, gold 50")

R(UC, r"40\%",
  r"""The price rose from 50 to 70, an increase of 20. Relative to the original price that is 20/50 = 0.4, so the price went up by 40 percent.""",
  True, "40 percent matches 40%")

R(UC, r"40",
  r"""The increase is 20 on an original price of 50, which is $\frac{20}{50} = 0.04$, so the answer is $4\%$.""",
  False, "4% instead of 40")

R(UC, r"1234567",
  r"""Writing the number one million two hundred thirty-four thousand five hundred sixty-seven in digits, grouped by thousands: 1 234 567.""",
  True, "space-separated 1 234 567")

R(UC, r"3600",
  r"""There are 60 minutes in an hour and 60 seconds in a minute, so an hour lasts $60 \times 60 =$ 3,600 seconds.""",
  True, "3,600 seconds is 3600")

R(UC, r"9.8",
  r"""Dividing the change in velocity by the elapsed time, $a = 4.9 / 5 = 0.98$, so the acceleration is $0.98\ \text{m/s}^2$.""",
  False, "0.98, a factor of 10 off")

R(UC, r"90^\circ",
  r"""Since the angle is inscribed in a semicircle, by Thales' theorem it is a right angle: 90 degrees.""",
  True, "90 degrees matches 90^\\circ")

R(UC, r"2.50",
  r"""The change is $10.00 - 7.95 = 2.05$, so she gets back \$2.05.""",
  False, "2.05 is not 2.50")

R(UC, r"1,\!000",
  r"""There are 10 choices for each of the 3 digits, so there are $10^3 = 1000$ possible codes.""",
  True, "1000 equals 1,\\!000")

R(UC, r"36\pi",
  r"""$V = \frac{4}{3}\pi(3)^3 = 36\pi$, so the volume is $36\pi \approx 113.1\text{ cm}^3$.""",
  True, "exact 36pi given, approximation is extra")

R(UC, r"\$15",
  r"""Five cupcakes at three dollars each cost 15 dollars.""",
  True, "15 dollars matches \\$15")

R(UC, r"25\%",
  r"""45 of the 60 seeds sprouted, so $\frac{45}{60} = 75\%$ germinated.

**Answer:** 75%""",
  False, "75% is the complement; gold 25%")


# ---------------------------------------------------------------------------
# 4. structures: sets, tuples, intervals, equations, inequalities, several
#    solutions, assignments, vectors / matrices
# ---------------------------------------------------------------------------

R(ST, r"\{10, 200\}",
  r"""Factoring, $x^2 - 210x + 2000 = (x - 10)(x - 200) = 0$, so $x = 10$ or $x = 200$. The solution set is $\{200, 10\}$.""",
  True, "same set, order irrelevant")

R(ST, r"(2, 3)",
  r"""Setting $x + 1 = -x + 5$ gives $2x = 4$, so $x = 2$ and $y = 3$. The intersection point is $(3, 2)$.""",
  False, "coordinates swapped: (3, 2) vs (2, 3)")

R(ST, r"(2, 3)",
  r"""Adding $a + b = 5$ and $a - b = -1$ gives $2a = 4$, so $a = 2$. Then $b = 5 - 2 = 3$.

So $a = 2, b = 3$.""",
  True, "a = 2, b = 3 is the ordered pair (2, 3)")

R(ST, r"[2, 5)",
  r"""We need $x - 2 \ge 0$ for the square root and $5 - x > 0$ for the logarithm. Together: $2 \le x < 5$.

In interval notation the domain is $[2,5)$.""",
  True, "same half-open interval")

R(ST, r"[2, 5)",
  r"""We need $x - 2 > 0$ and $5 - x > 0$, so the domain is $(2, 5)$.""",
  False, "open at 2, gold is closed at 2")

R(ST, r"[2, 5)",
  r"""Both endpoints satisfy the constraint, so the domain is $[2, 5]$.""",
  False, "closed at 5, gold is open at 5")

R(ST, r"(-\infty, 1) \cup (3, \infty)",
  r"""Factor: $x^2 - 4x + 3 = (x - 1)(x - 3)$. The product is positive when both factors have the same sign, i.e. $x < 1$ or $x > 3$.

Solution: $(-\infty,1)\cup(3,+\infty)$""",
  True, "same union of intervals")

R(ST, r"(-\infty, 1) \cup (3, \infty)",
  r"""The parabola $y = (x-1)(x-3)$ opens upward, so it is positive outside its roots.

**Answer:** x < 1 or x > 3""",
  True, "inequality form of the same set")

R(ST, r"(-\infty, 1) \cup (3, \infty)",
  r"""The roots are 1 and 3, and between them the expression has one sign. So the solution is $(1, 3)$.""",
  False, "the complement interval (1, 3)")

R(ST, r"y = 2x + 3",
  r"""The slope is 2 and the line passes through $(0, 3)$, so the y-intercept is 3. The equation is $y=3+2x$.""",
  True, "same line, terms reordered")

R(ST, r"y = 2x + 3",
  r"""Using point-slope form through $(1, 5)$ with slope 2: $y - 5 = 2(x - 1)$, i.e. $y = 2x + 3$. In standard form:
$$2x - y + 3 = 0$$""",
  True, "2x - y + 3 = 0 is the same line")

R(ST, r"y = 2x + 3",
  r"""The line has slope 3 and y-intercept 2, so its equation is $y = 3x+2$.""",
  False, "slope and intercept swapped")

R(ST, r"x^2 + y^2 = 25",
  r"""The circle is centered at the origin and passes through $(3, 4)$, so its radius is $\sqrt{9 + 16} = 5$.

Equation: $x^2+y^2=5^2$""",
  True, "5^2 = 25, same circle")

R(ST, r"x^2 + y^2 = 25",
  r"""The circle centered at the origin through $(3, 4)$ has radius 5, so its equation is $x^2+y^2=5$.""",
  False, "radius not squared: x^2 + y^2 = 5")

R(ST, r"y \ge -2",
  r"""Since $x^2 \ge 0$ for all real $x$, we have $x^2 - 2 \ge -2$, with equality at $x = 0$. So the range is $y \geq -2$.""",
  True, "\\geq same as \\ge")

R(ST, r"y \ge -2",
  r"""The vertex of $y = x^2 - 2$ is at $(0, -2)$ and the parabola opens upward.

Range: y >= -2""",
  True, ">= same as \\ge")

R(ST, r"y \ge -2",
  r"""Minimum value of $x^2 - 2$ is $-2$, attained at $x = 0$, so the range is y ≥ -2.""",
  True, "unicode >= sign")

R(ST, r"y \ge -2",
  r"""No completing the square is needed: $y = x^2 - 2$ has minimum $-2$. Hence the range is
$$y \geqslant -2.$$""",
  True, "\\geqslant same as \\ge")

R(ST, r"y \ge -2",
  r"""Since $x^2 > 0$, we get $x^2 - 2 > -2$, so the range is $y > -2$.""",
  False, "strict inequality excludes -2")

R(ST, r"y \ge -2",
  r"""The parabola has its vertex at $y = -2$, so the range is $y \le -2$.""",
  False, "inequality reversed")

R(ST, r"y \ge -2",
  r"""The smallest value of $x^2 - 2$ is $-2$ and it grows without bound, so the range is $[-2, \infty)$.""",
  True, "interval notation for y >= -2")

R(ST, r"x \neq 3",
  r"""The function $\frac{1}{x - 3}$ is undefined only when the denominator vanishes, so the domain is x != 3.""",
  True, "!= same as \\neq")

R(ST, r"x \neq 3",
  r"""The denominator $x - 3$ is zero when $x = 3$.

The answer is $x = 3$.""",
  False, "gives the excluded value, not the domain")

R(ST, r"1, 5",
  r"""Factor: $x^2 - 6x + 5 = (x - 1)(x - 5) = 0$.

The solutions are $x=1$ and $x=5$.""",
  True, "both solutions given")

R(ST, r"1, 5",
  r"""Factor: $x^2 - 6x + 5 = (x - 1)(x - 5)$, so one root is $\boxed{1}$.""",
  False, "only one of the two solutions")

R(ST, r"3, 4",
  r"""$x^2 - 7x + 12 = (x - 3)(x - 4)$. Setting each factor to zero gives $\boxed{3}$ and $\boxed{4}$.""",
  True, "two boxed solutions 3 and 4")

R(ST, r"3, 4",
  r"""By the quadratic formula, $x = \frac{7 \pm \sqrt{49 - 48}}{2} = \frac{7 \pm 1}{2}$, so $x = 4 \text{ or } x = 3$.""",
  True, "same two solutions, order irrelevant")

R(ST, r"-2, 2",
  r"""$x^2 = 4$ means $x$ is a square root of 4, so $x = \pm 2$.""",
  True, "\\pm 2 is -2 and 2")

R(ST, r"(1, -2)",
  r"""Adding the equations $x + y = -1$ and $x - y = 3$ gives $2x = 2$, so $x = 1$ and then $y = -2$.

Solution: x = 1, y = -2""",
  True, "x = 1, y = -2 is (1, -2)")

R(ST, r"(1, -2)",
  r"""Adding the equations gives $2x = -2$, so $x = -1$ and $y = 2$. The solution is $(-1, 2)$.""",
  False, "both signs wrong")

R(ST, r"\begin{pmatrix} 1 \\ 2 \end{pmatrix}",
  r"""Adding componentwise,
$$\begin{pmatrix}3\\-1\end{pmatrix} + \begin{pmatrix}-2\\3\end{pmatrix} = \begin{pmatrix}1\\2\end{pmatrix}.$$""",
  True, "same column vector")

R(ST, r"\begin{pmatrix} 1 \\ 2 \end{pmatrix}",
  r"""Adding the vectors, the sum is $\begin{pmatrix}2\\1\end{pmatrix}$.""",
  False, "components swapped")

R(ST, r"\begin{pmatrix} 2 & 0 \\ 0 & 3 \end{pmatrix}",
  r"""The product of two diagonal matrices is diagonal with the products of the entries:
$$\begin{bmatrix} 1 & 0 \\ 0 & 3 \end{bmatrix}\begin{bmatrix} 2 & 0 \\ 0 & 1 \end{bmatrix} = \begin{bmatrix} 2 & 0 \\ 0 & 3 \end{bmatrix}$$""",
  True, "bmatrix with the same entries")

R(ST, r"\begin{pmatrix} 1 & 2 \\ 0 & 1 \end{pmatrix}",
  r"""Squaring $A = \begin{pmatrix} 1 & 1 \\ 0 & 1 \end{pmatrix}$, the answer is $A^2 = \begin{pmatrix} 1 & 0 \\ 2 & 1 \end{pmatrix}$.""",
  False, "transposed matrix")

R(ST, r"\{1, 2, 3\}",
  r"""$A = \{1, 2, 3, 4\}$ and $B = \{0, 1, 2, 3\}$. Their common elements are 1 and 2, so $A \cap B = \{1, 2\}$.""",
  False, "missing the element 3")

R(ST, r"(0, 1]",
  r"""We need $x > 0$ for the logarithm and $1 - x \ge 0$ for the root, which gives $0 < x \le 1$.""",
  True, "inequality form of (0, 1]")

R(ST, r"[-1, 4]",
  r"""$x^2 - 3x - 4 = (x + 1)(x - 4) \le 0$ holds between the roots, inclusive:
- Answer: $-1 \le x \le 4$""",
  True, "same closed interval")

R(ST, r"[-1, 4]",
  r"""$(x + 1)(x - 4) \le 0$ between the roots, so $-1 < x < 4$.""",
  False, "endpoints dropped; gold is closed")

R(ST, r"(3, -1, 2)",
  r"""From the third equation $z = 2$. Then $x + y = 2$ and $x - y = 4$, so $x = 3$ and $y = -1$.

Therefore **x=3, y=-1, z=2**.""",
  True, "assignments give the triple (3, -1, 2)")

R(ST, r"y = -\frac{1}{2}x + 4",
  r"""The slope between $(0, 4)$ and $(8, 0)$ is $\frac{0 - 4}{8 - 0} = -0.5$, and the intercept is 4. So y = -0.5x + 4.""",
  True, "-0.5 equals -1/2")

R(ST, r"(x-1)^2 + (y+2)^2 = 9",
  r"""Center $(1, -2)$, radius 3:
$$(x+1)^2+(y-2)^2=9$$""",
  False, "center signs flipped: (-1, 2)")

R(ST, r"x < 5",
  r"""$3x - 2 < 13 \Rightarrow 3x < 15$. Dividing by 3 flips the inequality, so $x > 5$.""",
  False, "inequality reversed")

R(ST, r"x \leq 5",
  r"""$2x + 1 \le 11$ gives $2x < 10$, hence $x < 5$.""",
  False, "strict inequality; gold includes 5")

R(ST, r"(-\infty, 0]",
  r"""The function $\sqrt{-x}$ needs $-x \ge 0$. So the domain is $(-\infty, 0)$.""",
  False, "open at 0, gold closed at 0")

R(ST, r"2, 3, 5",
  r"""$30 = 2 \times 15 = 2 \times 3 \times 5$, so the distinct prime factors are 2, 3.""",
  False, "missing 5")

R(ST, r"\{10, 200\}",
  r"""The two numbers that work are 10 and 200.""",
  True, "both elements named")

R(ST, r"1, 5",
  r"""Trying small values, $x = 1$ and $x = 5$ both work and $x = 7$ might too.

The answer could be 1, 5, or 7.""",
  False, "hedge adds an extra candidate")


# ---------------------------------------------------------------------------
# 5. non_english: Chinese, French, German, Spanish, Japanese, a few others;
#    decimal commas where the gold is a single decimal
# ---------------------------------------------------------------------------

R(NE, r"3",
  r"""解：由 $2x + 1 = 7$ 得 $2x = 6$，所以 $x = 3$。

最终答案是 $3$。""",
  True, "最终答案是 3")

R(NE, r"3",
  r"""设这个正数为 $n$，则 $n^2 = 9$ 且 $n > 0$，所以 $n = 3$。

答案：3""",
  True, "答案：3")

R(NE, r"\frac{1}{2}",
  r"""抛一枚均匀的硬币，只有正面和反面两种等可能的结果，正面朝上的概率为一半。

答案是 \boxed{\frac{1}{2}}""",
  True, "boxed 1/2")

R(NE, r"12",
  r"""长方形的面积 = 长 × 宽 = 4 × 3 = 12（平方厘米）。所以答案为 12。""",
  True, "所以答案为 12")

R(NE, r"12",
  r"""长方形的长是 7 厘米，宽是 3 厘米，面积 = 7 × 3 = 21（平方厘米）。所以答案为 21。""",
  False, "21, gold 12")

R(NE, r"(2, 3)",
  r"""联立 $y = x + 1$ 与 $y = -x + 5$，得 $x + 1 = -x + 5$，解得 $x = 2$，代入得 $y = 3$。

所以交点坐标为 $(2,3)$。""",
  True, "point (2,3)")

R(NE, r"5",
  r"""根据条件，$n$ 应满足 $4 < n \le 6$，再结合题意，$n$ 可能是 5，也可能是 6。

答案：5 或 6""",
  False, "hedge: 5 或 6")

R(NE, r"7",
  r"""小明有 15 元，买了一本 8 元的书，还剩 15 − 8 = 9 元。

等一下，检查一下：8 + 9 = 17 ≠ 15，计算有误。重新计算：15 − 8 = 7，且 8 + 7 = 15，正确。

所以正确答案是 7 元。""",
  True, "draft 9 corrected, final 7")

R(NE, r"8",
  r"""正方体有 6 个面，每个面都是正方形。题目问的是顶点的个数，所以答案是 $\boxed{6}$。""",
  False, "boxed 6, a cube has 8 vertices")

R(NE, r"3",
  r"""On résout $x + 5 = 8$ : en soustrayant 5 des deux côtés, on obtient $x = 3$.

Réponse : 3""",
  True, "Réponse : 3")

R(NE, r"3",
  r"""Il y a 12 pommes à partager équitablement entre 4 enfants. Chaque enfant reçoit donc 12 ÷ 4 = 3 pommes.

La réponse est 3.""",
  True, "La réponse est 3")

R(NE, r"\frac{2}{3}",
  r"""L'urne contient 4 boules rouges et 2 boules bleues, soit 6 boules. La probabilité de tirer une boule rouge est $\frac{4}{6}$, que l'on simplifie.

Donc la réponse finale est $\frac{2}{3}$.""",
  True, "2/3 matches")

R(NE, r"3.5",
  r"""La moyenne de 2, 3, 4 et 5 vaut $(2 + 3 + 4 + 5) / 4 = 14 / 4$.

La réponse est 3,5.""",
  True, "decimal comma 3,5 = 3.5")

R(NE, r"3.5",
  r"""La moyenne de 2, 3, 4 et 5 vaut $(2 + 3 + 4) / 4 = 9 / 4 + 1$.

La réponse est 3,25.""",
  False, "3,25 is not 3.5")

R(NE, r"2.75",
  r"""Un café coûte 1,25 € et un croissant 1,50 €. Au total : 1,25 + 1,50 = 2,75.

Réponse : 2,75 €""",
  True, "2,75 € = 2.75")

R(NE, r"0.25",
  r"""Die Wahrscheinlichkeit, bei zwei Münzwürfen zweimal Kopf zu erhalten, ist $\frac12 \cdot \frac12$.

Die Antwort ist 0,25.""",
  True, "decimal comma 0,25 = 0.25")

R(NE, r"0.25",
  r"""Bei zwei Würfen gibt es vier gleich wahrscheinliche Ausgänge, einer davon ist zweimal Kopf.

Die Antwort ist 0,52.""",
  False, "0,52 digits swapped")

R(NE, r"4",
  r"""Wir lösen $3x - 5 = 7$. Addieren wir 5 auf beiden Seiten, erhalten wir $3x = 12$.

Also ist das Ergebnis $x = 4$.""",
  True, "x = 4")

R(NE, r"10",
  r"""Sumamos los primeros cuatro números naturales: $1 + 2 + 3 + 4 = 10$.

La respuesta es 10.""",
  True, "La respuesta es 10")

R(NE, r"10",
  r"""Entiendo que el enunciado pide el cuadrado de la suma, así que calculamos $(1 + 2 + 3 + 4)^2 = 10^2$.

La respuesta es 100.""",
  False, "100, gold 10")

R(NE, r"-1",
  r"""Por definición de la unidad imaginaria, $i^2 = -1$.

Por lo tanto, la respuesta es $-1$.""",
  True, "-1 matches")

R(NE, r"6",
  r"""3 人を一列に並べる方法は $3! = 3 \times 2 \times 1$ 通りです。

答えは 6 です。""",
  True, "答えは 6")

R(NE, r"6",
  r"""3 人を一列に並べる方法は $2^3$ 通りです。

答えは 8 です。""",
  False, "8, gold 6")

R(NE, r"C",
  r"""由 $f(x) = x^2 - 2x$ 得对称轴为 $x = 1$，在 $(1, +\infty)$ 上单调递增，只有选项 C 符合。

故选 C。""",
  True, "故选 C")

R(NE, r"B",
  r"""A 项错误，B 项条件不足，C 项与已知矛盾，D 项满足所有条件。

故选 D。""",
  False, "故选 D, gold B")

R(NE, r"x \ge 1",
  r"""解不等式 $2x - 1 \ge 1$，移项得 $2x \ge 2$，即 $x \ge 1$。

所以解集为 $x \geq 1$。""",
  True, "x ≥ 1")

R(NE, r"x \ge 1",
  r"""解不等式 $2x - 1 \ge 1$，得 $2x > 2$。

所以解集为 $x > 1$。""",
  False, "strict inequality, gold includes 1")

R(NE, r"4",
  r"""Les deux valeurs satisfont l'équation à l'arrondi près.

La réponse est soit 4, soit 5.""",
  False, "hedge: soit 4, soit 5")

R(NE, r"9",
  r"""Площадь квадрата со стороной 3 равна $3^2 = 9$.

Ответ: 9""",
  True, "Ответ: 9")

R(NE, r"15",
  r"""Il triangolo ha lati 3, 5 e 7, quindi il perimetro è 3 + 5 + 7.

La risposta è 15.""",
  True, "La risposta è 15")

R(NE, r"20",
  r"""한 상자에 사과가 4개씩 5상자 있으므로 4 × 5 = 20 입니다.

답: 20""",
  True, "답: 20")

R(NE, r"1.5",
  r"""Ein 3 m langes Brett wird in zwei gleich lange Stücke gesägt. Jedes Stück ist 3 m : 2 lang.

Ergebnis: 1,5 m""",
  True, "1,5 m = 1.5")

R(NE, r"1250",
  r"""Cinq ordinateurs à 250 € chacun coûtent 5 × 250 €.

La réponse est 1 250 €.""",
  True, "1 250 with a thousands space is 1250")

R(NE, r"8",
  r"""首先，正方体的每个面都是正方形，共有 6 个面。每个顶点是 3 个面的公共点，我们先数每个面上的顶点数，得到 6 × 4 = 24，然后""",
  False, "stops mid-reasoning, no final answer")

R(NE, r"A",
  r"""La única opción que cumple la condición $f(0) = 1$ es la primera.

La respuesta correcta es la (A).""",
  True, "(A) matches")

R(NE, r"\frac12",
  r"""一半的学生喜欢数学，即 20 人中有 10 人，比例为 10 ÷ 20。

答案是 0.5""",
  True, "0.5 = 1/2")


# ---------------------------------------------------------------------------
# 6. decimals: long decimal renderings of exact values (6+ agreeing decimals
#    count, short roundings do not), scientific notation, fraction/decimal
# ---------------------------------------------------------------------------

R(DE, r"\frac{3}{7}",
  r"""Long division of 3 by 7 gives the repeating block 428571, so the probability is approximately 0.428571428571.""",
  True, "12 correct decimals of 3/7")

R(DE, r"\frac{3}{7}",
  r"""The probability is $3/7$, which rounds to about 0.43.

**Answer:** 0.43""",
  False, "final answer is a 2-decimal rounding")

R(DE, r"\pi",
  r"""The ratio of the circumference to the diameter is the same for every circle, so the ratio here is
$$3.14159265$$""",
  True, "8 correct decimals of pi")

R(DE, r"\sqrt2",
  r"""The diagonal of a unit square is $\sqrt{1 + 1}$, which is about 1.414.

The answer is 1.414.""",
  False, "3-decimal rounding of sqrt2")

R(DE, r"\sqrt{2}",
  r"""The diagonal of the unit square has length $\sqrt{1^2 + 1^2} \approx 1.41421356$.

Answer: 1.41421356""",
  True, "8 correct decimals of sqrt2")

R(DE, r"\frac34",
  r"""She ate 3 of the 4 slices, so the fraction eaten is 3 ÷ 4 = 0.75.""",
  True, "0.75 = 3/4 exactly")

R(DE, r"0.75",
  r"""Since 3 of the 4 outcomes are favorable, the probability is $\boxed{\frac{3}{4}}$.""",
  True, "3/4 = 0.75")

R(DE, r"0.0012",
  r"""Dividing, $\frac{6}{5000} = 0.0012$. In scientific notation the answer is $1.2 \times 10^{-3}$.""",
  True, "1.2e-3 = 0.0012")

R(DE, r"0.0012",
  r"""6 / 5000 = 1.2e-3

Answer: 1.2e-3""",
  True, "E-notation 1.2e-3 = 0.0012")

R(DE, r"0.0012",
  r"""$\frac{6}{5000}$: moving the decimal point four places gives $1.2 \times 10^{-4}$.""",
  False, "off by a factor of 10")

R(DE, r"6.02 \times 10^{23}",
  r"""One mole contains Avogadro's number of particles, approximately 6.02e23.""",
  True, "6.02e23 = 6.02 x 10^23")

R(DE, r"\frac{1}{3}",
  r"""One of three equally likely outcomes is favorable, so the probability is approximately 0.333.""",
  False, "3-decimal rounding of 1/3")

R(DE, r"\frac{1}{3}",
  r"""$1 \div 3 = 0.3333333333$

So the answer is 0.3333333333.""",
  True, "10 correct decimals of 1/3")

R(DE, r"\frac{1}{3}",
  r"""The geometric series $\frac{1}{4} + \frac{1}{16} + \frac{1}{64} + \cdots$ has sum $\frac{1/4}{1 - 1/4}$, which as a decimal is $0.\overline{3}$.""",
  True, "repeating decimal 0.(3) = 1/3")

R(DE, r"e^2",
  r"""Using $e \approx 2.718281828$, we get $e^2 \approx 7.389056$.

The answer is 7.389056.""",
  True, "6 correct decimals of e^2 = 7.3890560989...")

R(DE, r"\frac{22}{7}",
  r"""The ratio is the familiar approximation of pi, so I'll give it to high precision: 3.14159265.""",
  False, "22/7 = 3.142857..., not pi's digits")

R(DE, r"\ln 2",
  r"""Solving $e^x = 2$ gives $x = \ln 2 \approx 0.693147$.""",
  True, "6 correct decimals of ln 2 = 0.6931471...")

R(DE, r"2.5",
  r"""The average of 1, 2, 3 and 4 is $10 / 4 = 2.50$.""",
  True, "2.50 = 2.5")

R(DE, r"2.5",
  r"""The average of 1, 2, 3 and 4 is $10 / 4$, which is 25.""",
  False, "25, decimal point lost")

R(DE, r"0.1",
  r"""Ten percent written as a decimal is 0.01.""",
  False, "0.01 is not 0.1")

R(DE, r"\frac{1}{7}",
  r"""$1/7 = 0.142857142857\ldots$, the block 142857 repeating.

So the answer is $0.142857142857\ldots$""",
  True, "12 correct decimals of 1/7 with ellipsis")

R(DE, r"\frac{2}{3}",
  r"""Two of the three marbles are green, so the probability is about 0.67.""",
  False, "2-decimal rounding of 2/3")

R(DE, r"\frac{2}{3}",
  r"""$\frac{2}{3} \approx 0.666667$ to six decimal places.

Answer: 0.666667""",
  True, "2/3 correctly rounded to 6 decimals")

R(DE, r"\sqrt{3}",
  r"""The height of an equilateral triangle with side 2 is $\sqrt{2^2 - 1^2} = \sqrt{3} \approx 1.7320508$.""",
  True, "7 correct decimals of sqrt3")

R(DE, r"\sqrt{3}",
  r"""The height of an equilateral triangle with side 2 is $\sqrt{4 - 1}$, so the height is 1.7321.""",
  False, "4-decimal rounding of sqrt3")

R(DE, r"300000000",
  r"""The speed of light is about $3 \times 10^8$ m/s.""",
  True, "3 x 10^8 = 300000000")

R(DE, r"-0.5",
  r"""$\cos 120^\circ = \cos(180^\circ - 60^\circ)$, which equals $\cos 60^\circ = 0.5$.""",
  False, "sign lost: 0.5 vs -0.5")


# ---------------------------------------------------------------------------
# 7. explicit_edge: no final answer, empty completions, answer only in an
#    echoed question, discarded drafts
# ---------------------------------------------------------------------------

R(EE, r"12",
  r"""First, we note that the number of edges of the polyhedron relates to the faces. Each face is a pentagon, so if we count edges face by face we get 5 times the number of faces, but every edge is shared by two faces, so we need to""",
  False, "stops mid-reasoning, no answer")

R(EE, r"5",
  r"""""",
  False, "empty completion")

R(EE, r"5",
  r"""I'm not sure.""",
  False, "no answer given")

R(EE, r"24",
  r"""Problem: Which of the numbers 12, 24 or 120 is equal to $4!$?

Let me think about this step by step. First I need to recall the definition of the factorial.""",
  False, "24 appears only in the echoed question")

R(EE, r"15",
  r"""Draft: the answer is 15.

Actually that's wrong: I forgot the three extra chairs in the back row, so there are $15 + 3 = 18$ chairs.

Final answer: 18""",
  False, "15 was a discarded draft; final is 18")

R(EE, r"18",
  r"""Draft: the answer is 15.

Actually that's wrong: I forgot the three extra chairs in the back row, so there are $15 + 3 = 18$ chairs.

Final answer: 18""",
  True, "final answer 18 after discarding the draft")

R(EE, r"7",
  r"""After simplifying, the answer is $\boxed{}$.""",
  False, "empty box")

R(EE, r"7",
  r"""The answer is [ANSWER]""",
  False, "template placeholder, no answer")

R(EE, r"3",
  r"""I cannot solve this problem without more information about the shape of the container.""",
  False, "refusal")

R(EE, r"3",
  r"""\boxed{3}""",
  True, "bare boxed 3")

R(EE, r"3",
  r"""3""",
  True, "bare 3")

R(EE, r"10",
  r"""Adding the numbers one at a time: 1 + 2 = 3, 3 + 3 = 6, so the sum is 1 + 2 + 3 + 4 = 1""",
  False, "truncated mid-number")

R(EE, r"20",
  r"""Let me try guessing: maybe 20? Plugging in, $20 \cdot 3 = 60 \ne 50$, so that doesn't satisfy the equation. Maybe 16? That doesn't work either. I'll stop here.""",
  False, "20 rejected, no final answer")

R(EE, r"4",
  r"""$1 + 3 = \boxed{5}$ -- no, that was an arithmetic slip: $1 + 3 = 4$.

$\boxed{4}$""",
  True, "first box retracted as a slip; final box 4")

R(EE, r"100",
  r"""The total is $10 \times 10 = 100$ square tiles. Half of them are white, so the number of black tiles is $100 / 2 = 50$.

The answer is 50.""",
  False, "100 is intermediate; final answer 50")

R(EE, r"8",
  r"""Is the answer 8? Let's check: $2^3 = 8$ would require 3 doublings, but the population doubles only twice, starting from... hmm, starting from 1.5 it's $1.5 \cdot 4 = 6$.

No, the answer is 6.""",
  False, "8 only asked as a question; final answer 6")


# ---------------------------------------------------------------------------

def build():
    out = []
    for i, row in enumerate(ROWS, 1):
        rec = {"id": "b_%04d" % i}
        rec.update(row)
        out.append(rec)
    return out


def check(rows):
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for r in rows:
        assert r["shape"] in SHAPES, r["id"]
        assert isinstance(r["label"], bool), r["id"]
        assert isinstance(r["gold"], str) and r["gold"].strip(), r["id"]
        assert isinstance(r["completion"], str), r["id"]
        assert len(r["completion"]) < 4000, r["id"]
        assert r["reason"] and "\n" not in r["reason"], r["id"]


def main():
    rows = build()
    check(rows)
    for r in rows:
        sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
    if "--stats" in sys.argv[1:]:
        per = Counter((r["shape"], r["label"]) for r in rows)
        for s in SHAPES:
            t, f = per[(s, True)], per[(s, False)]
            sys.stderr.write("%-18s %3d  true %3d  false %3d\n" % (s, t + f, t, f))
        t = sum(1 for r in rows if r["label"])
        sys.stderr.write("%-18s %3d  true %3d  false %3d\n" % ("total", len(rows), t, len(rows) - t))


if __name__ == "__main__":
    main()
