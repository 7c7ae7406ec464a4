#!/usr/bin/env bash
# Server load test on loopback: rewardkit serve vs the reference Python server (FastAPI +
# uvicorn + Math-Verify, OpenRLHF /get_reward contract), same load generator, same pipeline
# (math + 0.5 x think format), side by side in one run. Bounded: DURATION seconds per run.
#   bash bench/server/run.sh            # DURATION=10 by default
source "$(dirname "$0")/common.sh"
DURATION="${DURATION:-10}"
build
setup_python
RESULTS="$OUT/results.jsonl"; : > "$RESULTS"
lg() { "$LOADGEN" --check "$@" | tee -a "$RESULTS"; }

start_rewardkit 18801
trap 'kill $RK_PID 2>/dev/null || true; kill ${PY_PID:-0} 2>/dev/null || true' EXIT
"$LOADGEN" --url http://127.0.0.1:18801/get_reward --batch 64 --connections 2 --duration 1 >/dev/null  # warm-up
B1=$(lg --label rewardkit-b1-max --url http://127.0.0.1:18801/get_reward --batch 1 --connections 32 --duration "$DURATION")
lg --label rewardkit-b64-max --url http://127.0.0.1:18801/get_reward --batch 64 --connections 8 --duration "$DURATION" >/dev/null
HALF=$(python3 -c "print(max(1, int($(json_field "$B1" requests_per_s) / 2)))")
lg --label rewardkit-b1-half --url http://127.0.0.1:18801/get_reward --batch 1 --connections 64 --rate "$HALF" --duration "$DURATION" >/dev/null
echo "rewardkit RSS after runs: $(rss_kib $RK_PID) KiB" | tee "$OUT/rss.txt"
kill -TERM $RK_PID; wait $RK_PID || true

start_python 18802
"$LOADGEN" --url http://127.0.0.1:18802/get_reward --batch 64 --connections 1 --duration 2 >/dev/null  # warm-up
P1=$(lg --label python-b1-max --url http://127.0.0.1:18802/get_reward --batch 1 --connections 8 --duration "$DURATION")
lg --label python-b64-max --url http://127.0.0.1:18802/get_reward --batch 64 --connections 4 --duration "$DURATION" >/dev/null
PHALF=$(python3 -c "print(max(1, int($(json_field "$P1" requests_per_s) / 2)))")
lg --label python-b1-half --url http://127.0.0.1:18802/get_reward --batch 1 --connections 16 --rate "$PHALF" --duration "$DURATION" >/dev/null
kill $PY_PID; wait $PY_PID 2>/dev/null || true

python3 - "$RESULTS" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
print("| run | batch | conns | rate (req/s) | samples/s | p50 ms | p99 ms | wrong | non-200 |")
print("|---|---|---|---|---|---|---|---|---|")
for r in rows:
    non200 = sum(v for k, v in r["status"].items() if k != "200") + r["no_response"]
    print(f"| {r['label']} | {r['batch']} | {r['connections']} | {r['rate'] or 'max'} | {r['samples_per_s']:.0f} | {r['p50_ms']:.2f} | {r['p99_ms']:.2f} | {r['wrong']} | {non200} |")
rk = {r["label"]: r for r in rows}
for b in ("b1", "b64"):
    a, p = rk.get(f"rewardkit-{b}-max"), rk.get(f"python-{b}-max")
    if a and p and p["samples_per_s"]:
        print(f"speed-up at {b}: {a['samples_per_s'] / p['samples_per_s']:.1f}x")
PY
