#!/usr/bin/env python3
"""The same rewards as bench/score/pipeline.toml, written the way TRL/verl users write them.

- format: TRL `think_format_reward` regex `^<think>(?!.*<think>)(.*?)</think>.*$` (DOTALL)
- overlong: TRL `get_soft_overlong_punishment(max_completion_len=1200, soft_punish_cache=400)`,
  in characters (the Rust side counts characters too)
- accuracy: verl gsm8k extraction (last `#### number`, else the last number; commas and `$`
  removed), compared as floats

Usage: baseline.py INPUT OUTPUT [--procs N]
"""
import json
import re
import sys
from multiprocessing import Pool

THINK = re.compile(r"^<think>(?!.*<think>)(.*?)</think>.*$", re.DOTALL)
STRICT = re.compile(r"#### *\$?(\-?[0-9\.\,]+)")
FLEX = re.compile(r"(\-?[0-9\.\,]+)")


def number(text):
    m = STRICT.findall(text)
    if m:
        s = m[-1]
    else:
        cands = [c for c in FLEX.findall(text) if c not in ("", ".")]
        if not cands:
            return None
        s = cands[-1]
    s = s.replace(",", "").replace("$", "").rstrip(".")
    try:
        return float(s)
    except ValueError:
        return None


def overlong(n, max_len=1200, cache=400):
    if n <= max_len - cache:
        return 0.0
    if n <= max_len:
        return ((max_len - cache) - n) / cache
    return -1.0


def score(line):
    row = json.loads(line)
    c = row["completion"]
    fmt = 1.0 if THINK.match(c) else 0.0
    pred = number(c)
    try:
        gold = float(str(row["answer"]).replace(",", ""))
    except ValueError:
        gold = None
    acc = 1.0 if (pred is not None and gold is not None and pred == gold) else 0.0
    ol = overlong(len(c))
    reward = acc + 0.2 * fmt + ol
    return json.dumps({"id": row.get("id"), "reward": reward,
                       "components": {"accuracy": acc, "format": fmt, "overlong": ol}}) + "\n"


def main():
    src, dst = sys.argv[1], sys.argv[2]
    procs = int(sys.argv[sys.argv.index("--procs") + 1]) if "--procs" in sys.argv else 1
    with open(src) as f, open(dst, "w") as out:
        if procs == 1:
            for line in f:
                out.write(score(line))
        else:
            with Pool(procs) as pool:
                for r in pool.imap(score, f, chunksize=2000):
                    out.write(r)


if __name__ == "__main__":
    main()
