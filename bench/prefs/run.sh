#!/usr/bin/env bash
# Preference learning on hh-rlhf harmless-base pairs: a fixed, seeded 80/20 split; BT, GPM and
# an ensemble with the `hashing` featurizer (and `minilm` when REWARDKIT_MINILM points at the
# model and the binary has the `candle` feature), against the length baseline and against
# scikit-learn's logistic regression on the same hashed features (bench/prefs/reference.py,
# in its own virtual environment).
#
#   bash bench/prefs/run.sh PATH/TO/dev.jsonl.gz
set -euo pipefail
cd "$(dirname "$0")/../.."
data="${1:?usage: bench/prefs/run.sh PATH/TO/pairs.jsonl[.gz]}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
features=""
[[ -n "${REWARDKIT_MINILM:-}" ]] && features="--features candle"
cargo build --release --locked --quiet -p rewardkit-cli $features
bin=target/release/rewardkit
python3 bench/prefs/split.py "$data" "$work"

fit_eval() { # name, featurizer, args...
  local name=$1 feat=$2; shift 2
  local t0 t1
  t0=$EPOCHREALTIME
  "$bin" -q prefs fit --data "$work/train.jsonl" --out "$work/$name" --featurizer "$feat" "$@" >/dev/null
  t1=$EPOCHREALTIME
  local r
  r=$("$bin" prefs evaluate --json --model "$work/$name" --data "$work/test.jsonl")
  python3 -c "import json,sys; r=json.loads(sys.argv[1]); print(f'| {sys.argv[2]} | {r[\"accuracy\"]:.3f} | {r[\"log_loss\"]:.3f} | {r[\"ece\"]:.3f} | {float(sys.argv[3]):.1f} |')" "$r" "$name ($feat)" "$(python3 -c "print($t1 - $t0)")"
  echo "$r" > "$work/$name.json"
}

echo "| model (featurizer) | held-out accuracy | log loss | ECE | fit s |"
echo "|---|---|---|---|---|"
for feat in hashing ${REWARDKIT_MINILM:+minilm}; do
  fit_eval "bt-$feat" "$feat"
  fit_eval "gpm-$feat" "$feat" --model gpm --k 2
  fit_eval "ensemble-$feat" "$feat" --model ensemble --members 5 --bootstrap
done
python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print(f'| length baseline (longer wins) | {r[\"length_accuracy\"]:.3f} | | | |')" "$work/bt-hashing.json"

venv="${PREFS_BENCH_VENV:-$work/venv}"
if [[ ! -x "$venv/bin/python" ]]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check numpy scipy scikit-learn
fi
"$venv/bin/python" bench/prefs/reference.py "$work/train.jsonl" "$work/test.jsonl" |
  python3 -c "import json,sys; r=json.load(sys.stdin); print(f'| scikit-learn LogisticRegression, same hashed features | {r[\"accuracy\"]:.3f} | {r[\"log_loss\"]:.3f} | | {r[\"fit_s\"]:.1f} (+{r[\"features_s\"]:.1f} features) |')"
