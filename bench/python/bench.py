#!/usr/bin/env python3
"""Side by side, in one process run, on the same machine:

1. ``rewardkit.verify(gold, completion)`` against Math-Verify's
   ``verify(parse(gold), parse(completion))``, in-process, one thread each, on the labelled
   corpus of model-written completions (``crates/rewardkit-math/tests/data/corpus.jsonl``;
   labels by hand, see BENCHMARKS.md). Reports calls/s, the ratio, and each grader's agreement
   with the labels.
2. The per-sample cost of the TRL adapter (``rewardkit.integrations.trl.RewardkitReward``)
   in-process against the same adapter over HTTP to ``rewardkit serve`` (same pipeline),
   called the way ``GRPOTrainer._calculate_rewards`` calls a reward function (TRL 1.16.0:
   ``reward_func(prompts=, completions=, completion_ids=, **reward_kwargs)`` with the dataset
   columns), at TRL's default per-device group (8 completions) and at 256.

Usage: bench.py CORPUS.jsonl SPEC.toml SAMPLES.jsonl REWARDKIT_BIN  (see run.sh). Prints JSON.
"""
import json
import os
import platform
import re
import subprocess
import sys
import time

import rewardkit
from math_verify import parse, verify as mv_verify
from rewardkit.integrations.trl import RewardkitReward


def wrap(t):
    # Math-Verify's LaTeX extraction needs a math environment around a bare gold answer
    # (its README); done before timing. An escaped dollar is currency, not a delimiter.
    bare = not any(m in t.replace("\\$", "") for m in ("$", "\\boxed", "\\(", "\\[", "\n"))
    return f"${t}$" if bare and len(t) < 200 else t


def timed(fn, rows, min_seconds):
    """Calls fn on every row, repeating passes until min_seconds have passed."""
    n, t0 = 0, time.perf_counter()
    while True:
        for r in rows:
            fn(r)
        n += len(rows)
        dt = time.perf_counter() - t0
        if dt >= min_seconds:
            return n / dt


def bench_verify(corpus):
    rows = [json.loads(l) for l in open(corpus) if l.strip()]

    def rk(r):
        return bool(rewardkit.verify(r["gold"], r["completion"]))

    def mv(r):
        try:
            return bool(mv_verify(parse(wrap(r["gold"])), parse(r["completion"])))
        except BaseException:  # noqa: BLE001 - a timeout or any error is "not equal"
            return False

    for r in rows[:20]:  # warm-up: imports, first-parse costs
        rk(r), mv(r)
    rk_agree = sum(rk(r) == r["label"] for r in rows)
    mv_agree = sum(mv(r) == r["label"] for r in rows)
    rk_rate = timed(rk, rows, 3.0)
    mv_rate = timed(mv, rows, 0.1)  # one pass is several seconds already
    return {
        "rows": len(rows),
        "rewardkit_calls_per_s": round(rk_rate, 1),
        "math_verify_calls_per_s": round(mv_rate, 1),
        "ratio": round(rk_rate / mv_rate, 1),
        "rewardkit_agreement": round(rk_agree / len(rows), 4),
        "math_verify_agreement": round(mv_agree / len(rows), 4),
    }


def start_server(binary, spec):
    p = subprocess.Popen(
        [binary, "serve", "--spec", spec, "--addr", "127.0.0.1:0"],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    deadline = time.time() + 30
    while time.time() < deadline:
        line = p.stderr.readline()
        m = re.search(r"listening on (http://\S+)", line)
        if m:
            return p, m.group(1)
    p.kill()
    raise RuntimeError("rewardkit serve did not start")


def bench_trl(spec, samples, binary):
    rows = [json.loads(l) for l in open(samples) if l.strip()]
    server, url = start_server(binary, spec)
    try:
        local = RewardkitReward(spec, name="math")
        remote = RewardkitReward(url=url, name="math")
        out = {}
        for n in (8, 256):
            batch = [rows[i % len(rows)] for i in range(n)]
            kwargs = {
                "prompts": [r["prompt"] for r in batch],
                "completions": [r["completion"] for r in batch],
                "completion_ids": [[1, 2, 3]] * n,
                "solution": [r["answer"] for r in batch],
                "trainer_state": None,
            }
            a = local(**kwargs)
            b = remote(**kwargs)
            assert a == b, "in-process and HTTP rewards differ"

            def call(f):
                return lambda _: f(**kwargs)

            reps = [0]
            local_rate = timed(call(local), reps, 2.0)
            http_rate = timed(call(remote), reps, 2.0)
            out[f"batch_{n}"] = {
                "in_process_us_per_sample": round(1e6 / (local_rate * n), 1),
                "http_us_per_sample": round(1e6 / (http_rate * n), 1),
                "http_over_in_process": round(local_rate / http_rate, 2),
            }
        return out
    finally:
        server.terminate()
        server.wait(timeout=30)


def main():
    corpus, spec, samples, binary = sys.argv[1:5]
    import importlib.metadata as md

    res = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}",
        "math_verify": md.version("math-verify"),
        "verify": bench_verify(corpus),
        "trl_adapter": bench_trl(spec, samples, binary),
    }
    print(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()
