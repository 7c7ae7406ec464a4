# Shared by run.sh, soak.sh and sigterm.sh. Loopback only; every load loop is bounded.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BIN="$ROOT/target/release/rewardkit"
LOADGEN="$ROOT/target/release/examples/loadgen"
SPEC="$ROOT/bench/server/pipeline.toml"
OUT="${BENCH_OUT:-$ROOT/target/bench-server}"
mkdir -p "$OUT"

build() {
  [ -n "${SKIP_BUILD:-}" ] && return 0
  (cd "$ROOT" && cargo build --release -q -p rewardkit-cli && cargo build --release -q -p rewardkit-server --example loadgen)
}

# start_rewardkit PORT [extra args...]: starts the server, sets RK_PID, waits until it listens.
start_rewardkit() {
  local port=$1; shift
  "$BIN" serve --spec "$SPEC" --addr "127.0.0.1:$port" "$@" 2>"$OUT/rewardkit-$port.log" &
  RK_PID=$!
  for _ in $(seq 100); do
    grep -q "listening on" "$OUT/rewardkit-$port.log" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "rewardkit did not start" >&2; cat "$OUT/rewardkit-$port.log" >&2; return 1
}

# The reference Python server: FastAPI + uvicorn + Math-Verify in a virtual environment.
VENV="${BENCH_VENV:-$ROOT/target/bench-server/venv}"
setup_python() {
  if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
  fi
  "$VENV/bin/python" -c "import fastapi, uvicorn, math_verify" 2>/dev/null ||
    "$VENV/bin/pip" install -q fastapi uvicorn math-verify
}
start_python() {
  local port=$1
  "$VENV/bin/python" "$ROOT/bench/server/reference_server.py" "$port" 2>"$OUT/python-$port.log" &
  PY_PID=$!
  for _ in $(seq 200); do
    if curl -s -o /dev/null -X POST -d '{"query":[]}' "http://127.0.0.1:$port/get_reward"; then return 0; fi
    sleep 0.1
  done
  echo "python server did not start" >&2; cat "$OUT/python-$port.log" >&2; return 1
}

rss_kib() { awk '/VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
json_field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }
