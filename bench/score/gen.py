#!/usr/bin/env python3
"""Generate GSM8K-style samples for `rewardkit score` (deterministic for a given seed).

Each prompt is an arithmetic word problem with a known integer answer; each prompt gets
GROUP completions in R1 style (<think>...</think> then an answer), some correct, some wrong,
some without the format, some long. Usage:

    python3 bench/score/gen.py --n 1000000 --seed 7 > /tmp/samples.jsonl
"""
import argparse
import json
import random
import sys

NAMES = ["Natalia", "Weng", "Betty", "Julie", "James", "Mark", "Albert", "Ken", "Alexis", "Tina"]
ITEMS = ["clips", "apples", "books", "pencils", "cookies", "marbles", "stickers", "cards"]


def problem(rng):
    name, item = rng.choice(NAMES), rng.choice(ITEMS)
    a, b, c = rng.randint(2, 99), rng.randint(2, 60), rng.randint(2, 9)
    kind = rng.randrange(3)
    if kind == 0:
        q = f"{name} sold {item} to {a} friends in April, and then {c} times as many in May. How many {item} did {name} sell altogether?"
        ans = a + a * c
        steps = [f"In May {name} sold {a} * {c} = {a * c} {item}.", f"Altogether {a} + {a * c} = {ans}."]
    elif kind == 1:
        q = f"{name} has {a * c} {item} and shares them equally among {c} boxes, then adds {b} more to one box. How many are in that box?"
        ans = a + b
        steps = [f"Each box gets {a * c} / {c} = {a}.", f"That box has {a} + {b} = {ans}."]
    else:
        price = rng.randint(2, 40)
        q = f"A {item[:-1]} costs ${price}. {name} buys {a} of them and pays with ${price * a + b}. How much change does {name} get?"
        ans = b
        steps = [f"The {item} cost {price} * {a} = ${price * a}.", f"The change is {price * a + b} - {price * a} = ${ans}."]
    return q, ans, steps


def completion(rng, ans, steps):
    r = rng.random()
    filler = " ".join(rng.choice(["Let me check.", "So far so good.", "Re-reading the problem.", "Yes."]) for _ in range(rng.randint(0, 60)))
    think = "\n".join(steps) + ("\n" + filler if filler else "")
    if r < 0.55:  # correct, R1 format, sometimes with thousands separators or trailing zeros
        shown = rng.choice([str(ans), f"{ans:,}", f"{ans}.00", f"${ans}"])
        return f"<think>\n{think}\n</think>\nThe answer is {shown}.\n#### {shown}", True
    if r < 0.75:  # wrong answer, R1 format
        wrong = ans + rng.choice([-10, -1, 1, 2, 7, 100])
        return f"<think>\n{think}\n</think>\nThe answer is {wrong}.\n#### {wrong}", False
    if r < 0.9:  # correct but no think block
        return f"{' '.join(steps)} So the answer is {ans}.", True
    # rambling, no final answer marker, ends on a wrong number
    return f"<think>\n{think} {filler} {filler}\n</think>\nI think it is about {ans * 2}", False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=48)
    ap.add_argument("--group", type=int, default=4)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    out = sys.stdout
    i = 0
    while i < args.n:
        q, ans, steps = problem(rng)
        gid = f"q{i // args.group}"
        for _ in range(min(args.group, args.n - i)):
            text, correct = completion(rng, ans, steps)
            out.write(json.dumps({"id": i, "group": gid, "prompt": q, "completion": text, "answer": str(ans), "is_correct": correct}) + "\n")
            i += 1


if __name__ == "__main__":
    main()
