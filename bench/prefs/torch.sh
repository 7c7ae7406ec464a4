#!/usr/bin/env bash
# rewardkit against PyTorch on CPU (issue 12), on the hh-rlhf pairs of bench/prefs/run.sh (same
# seeded 80/20 split):
#  1. training: the same BT head (linear; MLP with --hidden 16) on the same hashed features,
#     same epochs, batch size, AdamW lr and weight decay, loss, no early stopping on either side
#     (rewardkit: --val-fraction 0 --patience 0), no L2 penalty (--l2 0); wall time of the training loop alone
#     (rewardkit's `prefs fit` reports it as `train_s`; bench/prefs/torch_compare.py times its
#     loop) and held-out accuracy;
#  2. the MiniLM encoder (REWARDKIT_MINILM set; `--features candle`): texts/s of
#     `rewardkit prefs embed` against sentence-transformers on the same 1,000 responses
#     (bench/prefs/st_compare.py), and the largest difference between the embeddings.
# Two optimisers on each side: rewardkit's --optimizer adamw against torch.optim.AdamW (run
# twice: as it comes, and with torch.set_flush_denormal(True), a suspect for slow runs; the
# faster counts), and rewardkit's --optimizer lazy-adamw against PyTorch's sparse path
# (EmbeddingBag(sparse=True) with SparseAdam; torch_compare.py --sparse).
# Both sides use THREADS threads (default 2; rayon and torch.set_num_threads).
# PyTorch and sentence-transformers go into a virtual environment (VENV, default a temporary
# one; not part of CI).
#
#   bash bench/prefs/torch.sh PATH/TO/dev.jsonl.gz
set -euo pipefail
cd "$(dirname "$0")/../.."
data="${1:?usage: bench/prefs/torch.sh PATH/TO/pairs.jsonl[.gz]}"
threads="${THREADS:-2}"
export RAYON_NUM_THREADS="$threads"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
features=""
[[ -n "${REWARDKIT_MINILM:-}" ]] && features="--features candle"
cargo build --release --locked --quiet -p rewardkit-cli $features
bin=target/release/rewardkit
python3 bench/prefs/split.py "$data" "$work"
venv="${VENV:-$work/venv}"
if [[ ! -x "$venv/bin/python" ]]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check numpy scipy torch sentence-transformers
fi
py="$venv/bin/python"
epochs="${EPOCHS:-30}"
common=(--epochs "$epochs" --batch-size 32 --lr 0.01 --weight-decay 0.01)

echo "| head (hashing features, $epochs epochs, batch 32, lr 0.01, wd 0.01, $threads threads) | optimiser | rewardkit train s | PyTorch train s | ratio | rewardkit accuracy | PyTorch accuracy |"
echo "|---|---|---|---|---|---|---|"
for hidden in 0 ${MLP_HIDDEN:-16}; do
  # rewardkit adamw against torch.optim.AdamW (dense; PyTorch also with flushed denormals, the
  # faster of the two counts), rewardkit lazy-adamw against PyTorch's sparse bag + SparseAdam.
  for opt in adamw lazy-adamw; do
    rk=$("$bin" -q prefs fit --data "$work/train.jsonl" --out "$work/rk$hidden$opt" --hidden "$hidden" \
      --val-fraction 0 --patience 0 --l2 0 --optimizer "$opt" "${common[@]}")
    ev=$("$bin" prefs evaluate --json --model "$work/rk$hidden$opt" --data "$work/test.jsonl")
    if [[ "$opt" == adamw ]]; then
      pt=$("$py" bench/prefs/torch_compare.py "$work/train.jsonl" "$work/test.jsonl" --hidden "$hidden" \
        --threads "$threads" "${common[@]}")
      pf=$("$py" bench/prefs/torch_compare.py "$work/train.jsonl" "$work/test.jsonl" --hidden "$hidden" \
        --threads "$threads" --flush-denormal "${common[@]}")
      ptname="AdamW (flush denormals)"
    else
      pt=$("$py" bench/prefs/torch_compare.py "$work/train.jsonl" "$work/test.jsonl" --hidden "$hidden" \
        --threads "$threads" --sparse "${common[@]}")
      pf="$pt"
      ptname="sparse bag + SparseAdam"
    fi
    python3 - "$rk" "$ev" "$pt" "$pf" "$hidden" "$opt" "$ptname" <<'PY'
import json, sys
rk, ev, pt, pf = (json.loads(s) for s in sys.argv[1:5])
h, opt, ptname = int(sys.argv[5]), sys.argv[6], sys.argv[7]
name = "linear" if h == 0 else f"MLP, {h} hidden"
times = sorted({pt["train_s"], pf["train_s"]})
best = times[0]
shown = " / ".join(f"{t:.2f}" for t in (pt["train_s"], pf["train_s"])) if len(times) > 1 else f"{best:.2f}"
acc = pt["accuracy"] if pt["accuracy"] == pf["accuracy"] else f"{pt['accuracy']:.3f} / {pf['accuracy']:.3f}"
acc = f"{acc:.3f}" if isinstance(acc, float) else acc
print(f"| {name} | rewardkit {opt}, PyTorch {ptname} | {rk['train_s']:.2f} | {shown} "
      f"| {best / rk['train_s']:.1f}× | {ev['accuracy']:.3f} | {acc} |")
PY
  done
done

if [[ -n "${REWARDKIT_MINILM:-}" ]]; then
  # The same heads on MiniLM embeddings: rewardkit encodes the responses itself (`prefs fit
  # --featurizer minilm`, outside train_s); PyTorch gets the same embeddings from `prefs embed`
  # (float32 .npy, rows chosen, rejected, ... in pair order).
  "$py" - "$work" <<'PY'
import json, sys
sys.path.insert(0, "bench/prefs")
import reference
for part in ("train", "test"):
    with open(f"{sys.argv[1]}/{part}_texts.jsonl", "w", encoding="utf-8") as f:
        for pair in reference.read(f"{sys.argv[1]}/{part}.jsonl"):
            f.writelines(json.dumps(t) + "\n" for t in pair)
PY
  for part in train test; do
    "$bin" -q prefs embed --featurizer minilm --input "$work/${part}_texts.jsonl" --output "$work/$part.npy"
  done
  echo
  echo "| head (MiniLM embeddings, $epochs epochs, batch 32, AdamW lr 0.01, wd 0.01, $threads threads) | rewardkit train s | PyTorch train s | ratio | rewardkit accuracy | PyTorch accuracy |"
  echo "|---|---|---|---|---|---|"
  for hidden in 0 ${MLP_HIDDEN:-16}; do
    rk=$("$bin" -q prefs fit --data "$work/train.jsonl" --out "$work/mini$hidden" --featurizer minilm \
      --hidden "$hidden" --val-fraction 0 --patience 0 --l2 0 "${common[@]}")
    ev=$("$bin" prefs evaluate --json --model "$work/mini$hidden" --data "$work/test.jsonl")
    pt=$("$py" bench/prefs/torch_compare.py "$work/train.jsonl" "$work/test.jsonl" --hidden "$hidden" \
      --threads "$threads" --embeddings "$work/train.npy" "$work/test.npy" "${common[@]}")
    python3 - "$rk" "$ev" "$pt" "$hidden" <<'PY'
import json, sys
rk, ev, pt = (json.loads(s) for s in sys.argv[1:4])
h = int(sys.argv[4])
name = "linear" if h == 0 else f"MLP, {h} hidden"
print(f"| {name} | {rk['train_s']:.2f} | {pt['train_s']:.2f} | {pt['train_s'] / rk['train_s']:.1f}× "
      f"| {ev['accuracy']:.3f} | {pt['accuracy']:.3f} |")
PY
  done

  # 1,000 distinct responses of the training pairs (the chosen ones first).
  "$py" - "$work/train.jsonl" "$work/texts.jsonl" <<'PY'
import json, sys
sys.path.insert(0, "bench/prefs")
import reference
seen, out = set(), []
for pair in reference.read(sys.argv[1]):
    for t in pair:
        if t not in seen and len(out) < 1000:
            seen.add(t)
            out.append(t)
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.writelines(json.dumps(t) + "\n" for t in out)
PY
  line=$("$bin" prefs embed --featurizer minilm --input "$work/texts.jsonl" --output "$work/rk.npy" 2>&1 >/dev/null | tail -n 1)
  rk_s=$(sed -E 's/.* in ([0-9.]+) s .*/\1/' <<<"$line")
  st=$("$py" bench/prefs/st_compare.py "$REWARDKIT_MINILM" "$work/texts.jsonl" "$work/rk.npy" --threads "$threads")
  python3 - "$rk_s" "$st" <<'PY'
import json, sys
rk_s, st = float(sys.argv[1]), json.loads(sys.argv[2])
n = st["texts"]
print()
print("| MiniLM encoder, 1,000 responses, batch 32 | s | texts/s |")
print("|---|---|---|")
print(f"| rewardkit (candle) | {rk_s:.1f} | {n / rk_s:.1f} |")
print(f"| sentence-transformers (PyTorch) | {st['st_s']:.1f} | {st['st_texts_per_s']:.1f} |")
print(f"\nratio {st['st_s'] / rk_s:.2f}×; max |Δ| between the embeddings {st['max_abs_diff']:.2e}")
PY
fi
