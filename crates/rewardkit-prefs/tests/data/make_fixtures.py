"""Generates the small preference fixtures of rewardkit-prefs (run from this folder).

The true reward of a response is the sum of the weights of its phrases (helpful phrases
positive, dismissive ones negative, filler 0); the chosen response of a pair is the one with
the higher true reward (ties are skipped), and `margin` is |Δ| rounded and capped at 3.
Ratings carry `helpfulness` (true reward + N(0, 0.25²)) and `verbosity` (words / 10).
Per-user pairs (VPL): users of one kind add +3 for the phrase "Here is the short version.",
users of the other kind −3, on top of 0.3 × the shared reward; it is in exactly one response
of each pair.
"""
import json
import random

GOOD = {
    "Sure, here is a step-by-step answer.": 2.0,
    "I hope this helps!": 1.0,
    "Let me explain why this works.": 1.5,
    "Here is a short example to make it concrete.": 1.5,
    "Thanks for the question.": 0.5,
}
BAD = {
    "I don't know.": -1.0,
    "Figure it out yourself.": -2.0,
    "That is a pointless question.": -2.0,
    "Whatever.": -1.0,
    "Look it up.": -1.5,
}
FILLER = {
    "The weather is mild today.": 0.0,
    "Numbers can be tricky.": 0.0,
    "This reminds me of a story.": 0.0,
    "Many people ask this.": 0.0,
}
PHRASES = {**GOOD, **BAD, **FILLER}
PROMPTS = [
    "How do I reverse a list in Python?",
    "What is the capital of Australia?",
    "Can you explain compound interest?",
    "How do plants make food?",
    "What does a hash map do?",
    "Why is the sky blue?",
]


def response(rng):
    ps = rng.sample(sorted(PHRASES), 3)
    return " ".join(ps), sum(PHRASES[p] for p in ps)


def pairs(rng, n):
    out = []
    while len(out) < n:
        (a, ra), (b, rb) = response(rng), response(rng)
        if ra == rb:
            continue
        c, r = (a, b) if ra > rb else (b, a)
        out.append({"prompt": rng.choice(PROMPTS), "chosen": c, "rejected": r,
                    "margin": min(3, round(abs(ra - rb)))})
    return out


SPLIT = "Here is the short version."


def user_pairs(rng, users, per_user, prefix):
    out = []
    for u in range(users):
        sign = 3.0 if u % 2 == 0 else -3.0
        for _ in range(per_user):
            (a, ra), (b, rb) = response(rng), response(rng)
            a, ra, rb = SPLIT + " " + a, 0.3 * ra + sign, 0.3 * rb
            c, r = (a, b) if ra >= rb else (b, a)
            out.append({"user": f"{prefix}{u}", "prompt": rng.choice(PROMPTS), "chosen": c,
                        "rejected": r})
    return out


def main():
    rng = random.Random(20261201)
    for name, n in [("pairs.jsonl", 300), ("pairs_test.jsonl", 100)]:
        with open(name, "w") as f:
            for row in pairs(rng, n):
                f.write(json.dumps(row) + "\n")
    for name, users, per_user, prefix in [("users.jsonl", 20, 24, "train-"),
                                          ("users_test.jsonl", 8, 16, "test-")]:
        with open(name, "w") as f:
            for row in user_pairs(rng, users, per_user, prefix):
                f.write(json.dumps(row) + "\n")
    with open("ratings.jsonl", "w") as f:
        for _ in range(200):
            text, r = response(rng)
            f.write(json.dumps({"prompt": rng.choice(PROMPTS), "response": text,
                                "helpfulness": round(r + rng.gauss(0, 0.25), 3),
                                "verbosity": len(text.split()) / 10}) + "\n")


if __name__ == "__main__":
    main()
