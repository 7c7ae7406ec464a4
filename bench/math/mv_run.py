#!/usr/bin/env python3
"""Run Math-Verify on the bench pairs, single process, as users run it.

Usage: mv_run.py PAIRS.jsonl [RESULTS.txt]

Each call is `verify(parse(gold), parse(pred))` with Math-Verify's default extraction configs and
its default timeouts (SIGALRM-based, parsing_timeout=5 s, timeout_seconds=5 s; this works because
we run in the main thread). A bare short answer (gold or prediction without `$`, `\boxed`,
`\(`, `\[` or a newline) is wrapped in `$...$` first, because Math-Verify's LaTeX extraction needs
a math environment (README usage); the wrapping is done before timing. rewardkit gets the strings
unwrapped. Prints one JSON summary line with wall-clock and process CPU time.

Rows carry `gold`, `label` and either `pred` (bench pairs: a bare answer, wrapped as above) or
`completion` (the labelled corpus: a full model output, passed to `parse` as is, the way
Math-Verify's users grade completions; only the gold is wrapped). A row with both uses `pred`.
A timeout or any exception counts as "not equal".
"""
import json
import sys
import time

from math_verify import parse, verify


def main():
    rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
    def wrap(t):
        # an escaped dollar `\$18.90` is currency, not a math delimiter
        bare = not any(m in t.replace("\\$", "") for m in ("$", "\\boxed", "\\(", "\\[", "\n"))
        return f"${t}$" if bare and len(t) < 200 else t

    for r in rows:
        r["gold"] = wrap(r["gold"])
        if "pred" in r:
            r["pred"] = wrap(r["pred"])
        else:
            # labelled corpus: the completion goes to parse() untouched
            r["pred"] = r["completion"]
    # warm-up on a few pairs (imports, first-parse costs), not timed
    for r in rows[:20]:
        try:
            verify(parse(r["gold"]), parse(r["pred"]))
        except BaseException:  # noqa: BLE001 - same rule as the timed loop
            pass
    worst = 0.0
    worst_idx = 0
    agree = 0
    results = []
    t0 = time.perf_counter()
    c0 = time.process_time()
    for i, r in enumerate(rows):
        t = time.perf_counter()
        try:
            ok = bool(verify(parse(r["gold"]), parse(r["pred"])))
        except BaseException:  # noqa: BLE001 - a timeout or error counts as "not equal"
            ok = False
        dt = time.perf_counter() - t
        if dt > worst:
            worst, worst_idx = dt, i
        agree += ok == r["label"]
        results.append(ok)
    total = time.perf_counter() - t0
    cpu = time.process_time() - c0
    if len(sys.argv) > 2:
        with open(sys.argv[2], "w") as f:
            for ok in results:
                f.write("true\n" if ok else "false\n")
    n = len(rows)
    print(json.dumps({
        "tool": "math-verify",
        "pairs": n,
        "seconds": total,
        "calls_per_second": n / total,
        "cpu_seconds": cpu,
        "calls_per_cpu_second": n / cpu,
        "mean_us": total / n * 1e6,
        "worst_ms": worst * 1e3,
        "worst_index": worst_idx,
        "worst_id": rows[worst_idx].get("id") if rows else None,
        "agreement": agree / n,
        "agree": agree,
    }))


if __name__ == "__main__":
    main()
