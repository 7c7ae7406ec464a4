#!/usr/bin/env bash
# Soak: SOAK_SECONDS (default 600) at half of the maximum load, answers checked, server RSS
# sampled every 30 s. Half load = half the batch-64 maximum plus half the batch-1 maximum,
# each sent by its own load generator at a fixed rate (pass B64_RATE / B1_RATE in req/s to skip
# the short calibration runs).
source "$(dirname "$0")/common.sh"
SOAK_SECONDS="${SOAK_SECONDS:-600}"
build
start_rewardkit 18803
trap 'kill $RK_PID 2>/dev/null || true' EXIT
if [ -z "${B64_RATE:-}" ]; then
  M=$("$LOADGEN" --url http://127.0.0.1:18803/get_reward --batch 64 --connections 8 --duration 5)
  B64_RATE=$(python3 -c "print(max(1, int($(json_field "$M" requests_per_s) / 4)))")
fi
if [ -z "${B1_RATE:-}" ]; then
  M=$("$LOADGEN" --url http://127.0.0.1:18803/get_reward --batch 1 --connections 32 --duration 5)
  B1_RATE=$(python3 -c "print(max(1, int($(json_field "$M" requests_per_s) / 4)))")
fi
echo "soak: ${SOAK_SECONDS}s, batch 64 at $B64_RATE req/s + batch 1 at $B1_RATE req/s" | tee "$OUT/soak.txt"
"$LOADGEN" --check --label soak-b64 --url http://127.0.0.1:18803/get_reward --batch 64 --connections 16 --rate "$B64_RATE" --duration "$SOAK_SECONDS" > "$OUT/soak-b64.json" &
G1=$!
"$LOADGEN" --check --label soak-b1 --url http://127.0.0.1:18803/get_reward --batch 1 --connections 32 --rate "$B1_RATE" --duration "$SOAK_SECONDS" > "$OUT/soak-b1.json" &
G2=$!
t=0
while kill -0 $G1 2>/dev/null || kill -0 $G2 2>/dev/null; do
  echo "t=${t}s rss_kib=$(rss_kib $RK_PID)" | tee -a "$OUT/soak.txt"
  sleep 30; t=$((t + 30))
done
wait $G1 $G2 || true
cat "$OUT/soak-b64.json" "$OUT/soak-b1.json" | tee -a "$OUT/soak.txt"
curl -s "http://127.0.0.1:18803/metrics" | grep -E "^rewardkit_(sample|overload|http_requests_total)" | tee -a "$OUT/soak.txt"
kill -TERM $RK_PID; wait $RK_PID; echo "server exit code: $?" | tee -a "$OUT/soak.txt"
