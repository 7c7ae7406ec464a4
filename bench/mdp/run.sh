#!/usr/bin/env bash
# EPIC and STARC on random MDPs (|S| = 2000, |A| = 8, dense and sparse): rewardkit vs numpy.
# Usage: bash bench/mdp/run.sh [N_STATES] [N_ACTIONS]
# Needs python3 with numpy (pip install numpy). Writes about 800 MB of .npy files per MDP
# under target/bench-mdp (removed at the end) and the results to bench/out/mdp.jsonl.
set -euo pipefail
cd "$(dirname "$0")/../.."
S=${1:-2000}
A=${2:-8}
python3 -c 'import numpy' 2>/dev/null || { echo "numpy is missing: pip install numpy" >&2; exit 2; }
cargo build --release --locked -p rewardkit-cli --quiet
BIN=target/release/rewardkit
OUT=target/bench-mdp
mkdir -p bench/out
: > bench/out/mdp.jsonl
for SPARSITY in 0.0 0.99; do
  python3 bench/mdp/reference.py "$OUT" "$S" "$A" "$SPARSITY" 7 "$BIN" | tee -a bench/out/mdp.jsonl
  rm -rf "$OUT"
done
python3 - <<'PY'
import json
rows = [json.loads(l) for l in open('bench/out/mdp.jsonl')]
print(f"{'MDP':<22} {'metric':<11} {'numpy':>12} {'rewardkit':>12} {'|diff|':>9} {'numpy s':>8} {'rk s':>8} {'ratio':>7} {'rk load s':>9}")
for r in rows:
    kind = 'dense' if r['sparsity'] == 0 else f"sparse ({1 - r['sparsity']:.0%} nnz)"
    print(f"{r['states']}x{r['actions']} {kind:<13} {r['metric']:<11} {r['numpy']:>12.9f} {r['rewardkit']:>12.9f} {r['abs_diff']:>9.1e} "
          f"{r['numpy_s']:>8.3f} {r['rewardkit_compute_s']:>8.3f} {r['ratio_compute']:>6.1f}x {r['rewardkit_load_s']:>9.3f}")
bad = [r for r in rows if r['abs_diff'] > 1e-9]
print("all distances equal to 1e-9" if not bad else f"{len(bad)} distances differ by more than 1e-9")
PY
