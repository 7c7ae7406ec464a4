#!/usr/bin/env bash
# Benchmark of `rewardkit score` on N generated samples (default 1,000,000) with a
# format + length + number_match pipeline, side by side with the same rewards in Python
# (single process, and a multiprocessing pool with one process per core).
# Reports samples/s, peak memory (max RSS) and the ratios. Usage: bash bench/score/run.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-1000000}
OUT=bench/out
mkdir -p "$OUT"
cargo build --release --quiet -p rewardkit-cli
IN="$OUT/score-$N.jsonl"
[ -f "$IN" ] || python3 bench/score/gen.py --n "$N" --seed 7 > "$IN"
echo "input: $IN ($(du -h "$IN" | cut -f1), $N rows), cores: $(nproc)"

measure() { # label, command...
  local label=$1; shift
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$OUT/rss.txt" "$@" > /dev/null
  t1=$(date +%s.%N)
  local secs rss
  secs=$(python3 -c "print(f'{$t1-$t0:.3f}')")
  rss=$(tail -n 1 "$OUT/rss.txt")
  python3 -c "print(f'{\"$label\":<28} {$secs:>8.2f} s {$N/$secs:>12,.0f} samples/s  peak RSS {$rss/1024:>7.1f} MiB')"
  echo "$secs" > "$OUT/secs-$label.txt"
}

measure rewardkit target/release/rewardkit score --spec bench/score/pipeline.toml --input "$IN" --output "$OUT/rk.jsonl" --json
measure python-1proc python3 bench/score/baseline.py "$IN" "$OUT/py.jsonl"
measure python-pool python3 bench/score/baseline.py "$IN" "$OUT/py.jsonl" --procs "$(nproc)"

python3 - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
s = {k: float(open(f"{out}/secs-{k}.txt").read()) for k in ("rewardkit", "python-1proc", "python-pool")}
print(f"ratio vs python single process: {s['python-1proc']/s['rewardkit']:.1f}x")
print(f"ratio vs python pool:           {s['python-pool']/s['rewardkit']:.1f}x")
# agreement of the two implementations, reward by reward
n = agree = 0
with open(f"{out}/rk.jsonl") as a, open(f"{out}/py.jsonl") as b:
    for la, lb in zip(a, b):
        ra, rb = json.loads(la), json.loads(lb)
        n += 1
        agree += ra["reward"] is not None and abs(ra["reward"] - rb["reward"]) < 1e-9
print(f"rows compared: {n}, same reward: {agree} ({100*agree/max(n,1):.3f}%)")
PY
