#!/usr/bin/env bash
# SIGTERM under load: closed-loop load at batch 64, SIGTERM after 3 s; every request the server
# accepted must be answered (server log: requests_started == requests_finished) and it exits 0.
source "$(dirname "$0")/common.sh"
build
start_rewardkit 18804 --drain-timeout 30
"$LOADGEN" --check --label sigterm --url http://127.0.0.1:18804/get_reward --batch 64 --connections 16 --duration 8 > "$OUT/sigterm.json" &
G=$!
sleep 3
kill -TERM $RK_PID
set +e; wait $RK_PID; CODE=$?; set -e
wait $G || true
cat "$OUT/sigterm.json"
grep "server stopped" "$OUT/rewardkit-18804.log"
echo "server exit code: $CODE"
