#!/usr/bin/env bash
# Worst single call on adversarial 1 MB completions (repeated extraction triggers).
#
#   bash bench/math/adversarial.sh
#
# Writes bench/out/adv.jsonl (25 inputs of about 1 MB each), runs the release verify_jsonl driver
# on it, and prints the five slowest calls (RK_TOP=5) and the summary. The issue's bound is
# 50 ms for any input up to 1 MB.
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p bench/out
python3 - bench/out/adv.jsonl <<'PY'
import json, sys
mb = 1_000_000
def rep(s):
    return s * (mb // len(s))
inputs = [rep(t) for t in [
    "\\boxed{", "\\fbox{", "The answer is ", "answer: ", "$a ", "$5 and ", "\\(", "\\[", "$$", "{",
    "\\begin{align*}", "#### ", "1,", "(A) ", "x = ", "So the answer is $\\boxed{1} and \\boxed{2} ",
    "cm ", "x ", "answer is \\boxed{", "\\text{", "a", "1 ", "? ", "Check: ✓ ", "答案：",
]]
inputs.append(rep("a. ") + "\\boxed{3}")
with open(sys.argv[1], "w") as f:
    for i in inputs:
        f.write(json.dumps({"gold": "3", "pred": i, "label": False}) + "\n")
PY
cargo build -q --release -p rewardkit-math --example verify_jsonl
RK_TOP=5 ./target/release/examples/verify_jsonl bench/out/adv.jsonl 2> >(cut -c1-100 >&2)
