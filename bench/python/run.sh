#!/usr/bin/env bash
# The Python package side by side with its peers, in one run (see bench.py):
#   bash bench/python/run.sh
# Makes bench/.venv-python (gitignored): math-verify, maturin, then `pip install .` (a release
# build of the extension); builds the release binary for the HTTP side; pins to one core
# (taskset) where it can, so both graders get the same single core. Writes
# bench/out/python_summary.json.
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV=bench/.venv-python
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
export PATH="$PWD/$VENV/bin:$PATH"
"$VENV/bin/pip" install -q --disable-pip-version-check maturin 'math-verify==0.9.0' 'antlr4-python3-runtime==4.13.2'
"$VENV/bin/pip" install -q --disable-pip-version-check --no-build-isolation .
cargo build -q --release -p rewardkit-cli
mkdir -p bench/out
PIN=()
if command -v taskset >/dev/null 2>&1; then PIN=(taskset -c 0); fi
repo="$PWD"
# From outside the checkout, so that the installed package is imported.
(cd /tmp && "${PIN[@]}" "$repo/$VENV/bin/python" "$repo/bench/python/bench.py" \
  "$repo/crates/rewardkit-math/tests/data/corpus.jsonl" "$repo/examples/pipeline.toml" \
  "$repo/examples/samples.jsonl" "$repo/target/release/rewardkit") | tee bench/out/python_summary.json
