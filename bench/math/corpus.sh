#!/usr/bin/env bash
# Labelled-corpus benchmark: Math-Verify vs rewardkit-math on hand-labelled (gold, completion)
# rows, same machine, one run, single core each (pinned with taskset when available).
#
#   bash bench/math/corpus.sh [--no-copy] [--build]
#
#   --no-copy   do not refresh crates/rewardkit-math/tests/data/corpus.jsonl (the committed copy
#               of the corpus that a Rust test reads)
#   --build     rebuild the verify_jsonl example even when a binary already exists
#               (by default it is built only when missing)
#
# Steps:
#  1. concatenates the JSONL printed by every bench/math/corpus/part_*.py (sorted by name) into
#     bench/out/corpus.jsonl (rows: id, shape, gold, completion, label, reason) and, unless
#     --no-copy, copies it to crates/rewardkit-math/tests/data/corpus.jsonl;
#  2. makes/reuses bench/.venv as bench/math/run.sh does and runs Math-Verify as its users do
#     (bench/math/mv_run.py): gold wrapped in $...$ when bare, completion passed as is,
#     verify(parse(gold), parse(completion)) with default configs and timeouts, main thread;
#     a timeout or exception counts as "not equal";
#  3. runs target/release/examples/verify_jsonl on the same file;
#  4. writes bench/out/corpus_summary.json (agreement with the labels overall, by shape and by
#     part file, throughput ratio, Math-Verify's worst call) and
#     bench/out/corpus_disagreements.jsonl (every row where either tool disagrees with the label).
set -euo pipefail
cd "$(dirname "$0")/../.."

COPY=1
BUILD=0
for arg in "$@"; do
  case "$arg" in
    --no-copy) COPY=0 ;;
    --build) BUILD=1 ;;
    -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
    *) echo "corpus.sh: unknown argument: $arg" >&2; exit 2 ;;
  esac
done

OUT=bench/out
mkdir -p "$OUT"
CORPUS="$OUT/corpus.jsonl"
COPY_TO=crates/rewardkit-math/tests/data/corpus.jsonl

# 1. corpus
shopt -s nullglob
PARTS=(bench/math/corpus/part_*.py)
shopt -u nullglob
if [ "${#PARTS[@]}" -eq 0 ]; then
  echo "corpus.sh: no bench/math/corpus/part_*.py" >&2
  exit 1
fi
mapfile -t PARTS < <(printf '%s\n' "${PARTS[@]}" | LC_ALL=C sort)
TMP="$CORPUS.tmp"
: > "$TMP"
for p in "${PARTS[@]}"; do
  python3 "$p" >> "$TMP"
done
# sanity: every line is a row with the expected fields, ids are unique
python3 - "$TMP" <<'PY'
import json, sys
seen = set()
for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    if not line.strip():
        continue
    r = json.loads(line)
    missing = {"id", "shape", "gold", "completion", "label"} - r.keys()
    if missing:
        sys.exit(f"corpus line {n}: missing {sorted(missing)}")
    if not isinstance(r["label"], bool):
        sys.exit(f"corpus line {n} ({r['id']}): label is not a boolean")
    if r["id"] in seen:
        sys.exit(f"corpus line {n}: duplicate id {r['id']}")
    seen.add(r["id"])
PY
mv "$TMP" "$CORPUS"
echo "== corpus: $(wc -l < "$CORPUS") rows from ${PARTS[*]}" >&2
if [ "$COPY" -eq 1 ]; then
  mkdir -p "$(dirname "$COPY_TO")"
  cp "$CORPUS" "$COPY_TO"
  echo "   copied to $COPY_TO" >&2
fi

# 2. Math-Verify (venv as in run.sh)
VENV=bench/.venv
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c 'import math_verify, antlr4' >/dev/null 2>&1; then
  "$VENV/bin/pip" install -q 'math-verify[antlr4_13_2]' 'antlr4-python3-runtime==4.13.2'
fi
PIN=()
if command -v taskset >/dev/null 2>&1; then PIN=(taskset -c 0); fi
echo "== Math-Verify $("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("math-verify"), "antlr", m.version("antlr4-python3-runtime"))')" >&2
"${PIN[@]}" "$VENV/bin/python" bench/math/mv_run.py "$CORPUS" "$OUT/corpus_mv.txt" > "$OUT/corpus_mv_summary.json"
cat "$OUT/corpus_mv_summary.json" >&2

# 3. rewardkit
RK=target/release/examples/verify_jsonl
if [ "$BUILD" -eq 1 ] || [ ! -x "$RK" ]; then
  cargo build -q --release -p rewardkit-math --example verify_jsonl
elif [ -n "$(find crates/rewardkit-math/src crates/rewardkit-math/examples crates/rewardkit-math/Cargo.toml -newer "$RK" -print -quit 2>/dev/null)" ]; then
  echo "   warning: $RK is older than crates/rewardkit-math sources; rerun with --build for current numbers" >&2
fi
echo "== rewardkit-math" >&2
"${PIN[@]}" "./$RK" "$CORPUS" "$OUT/corpus_rk.txt" > "$OUT/corpus_rk_summary.json"
cat "$OUT/corpus_rk_summary.json" >&2

# 4. summary
python3 - "$OUT" <<'PY'
import collections, json, sys

out = sys.argv[1]
mv = json.load(open(f"{out}/corpus_mv_summary.json"))
rk = json.load(open(f"{out}/corpus_rk_summary.json"))
rows = [json.loads(l) for l in open(f"{out}/corpus.jsonl", encoding="utf-8") if l.strip()]
mvr = [l.strip() == "true" for l in open(f"{out}/corpus_mv.txt")]
rkr = [l.strip() == "true" for l in open(f"{out}/corpus_rk.txt")]
if not (len(rows) == len(mvr) == len(rkr)):
    sys.exit(f"row count mismatch: corpus {len(rows)}, math-verify {len(mvr)}, rewardkit {len(rkr)}")


def tally():
    # n, agree mv, agree rk, mv false pos, mv false neg, rk false pos, rk false neg
    return [0] * 7


def add(t, label, a, b):
    t[0] += 1
    t[1] += a == label
    t[2] += b == label
    t[3] += a and not label
    t[4] += label and not a
    t[5] += b and not label
    t[6] += label and not b


def view(t):
    n = t[0]
    return {
        "n": n,
        "math_verify": t[1] / n,
        "rewardkit": t[2] / n,
        "math_verify_false_pos": t[3],
        "math_verify_false_neg": t[4],
        "rewardkit_false_pos": t[5],
        "rewardkit_false_neg": t[6],
    }


total = tally()
by_shape = collections.defaultdict(tally)
by_part = collections.defaultdict(tally)
dis = []
for r, a, b in zip(rows, mvr, rkr):
    label = r["label"]
    part = r["id"].split("_", 1)[0]
    for t in (total, by_shape[r["shape"]], by_part[part]):
        add(t, label, a, b)
    if a != label or b != label:
        dis.append({
            "id": r["id"],
            "shape": r["shape"],
            "gold": r["gold"],
            "label": label,
            "math_verify": a,
            "rewardkit": b,
            "reason": r.get("reason", ""),
            "completion_tail": r["completion"][-200:],
        })

summary = {
    "rows": len(rows),
    "agreement": {"math_verify": total[1] / len(rows), "rewardkit": total[2] / len(rows)},
    "overall": view(total),
    "agreement_by_shape": {k: view(v) for k, v in sorted(by_shape.items())},
    "agreement_by_part": {k: view(v) for k, v in sorted(by_part.items())},
    "throughput_ratio_cpu": rk["calls_per_cpu_second"] / mv["calls_per_cpu_second"],
    "throughput_ratio_wall": rk["calls_per_second"] / mv["calls_per_second"],
    "math_verify_worst_ms": mv["worst_ms"],
    "math_verify_worst_id": mv.get("worst_id"),
    "math_verify": mv,
    "rewardkit": rk,
}
json.dump(summary, open(f"{out}/corpus_summary.json", "w"), indent=2)
with open(f"{out}/corpus_disagreements.jsonl", "w", encoding="utf-8") as f:
    for d in dis:
        f.write(json.dumps(d, ensure_ascii=False) + "\n")

print(f"rows: {len(rows)}")
print(f"agreement with labels: math-verify {total[1] / len(rows):.4f} ({total[1]}/{len(rows)}, "
      f"{total[3]} false pos, {total[4]} false neg), rewardkit {total[2] / len(rows):.4f} "
      f"({total[2]}/{len(rows)}, {total[5]} false pos, {total[6]} false neg)")
print(f"math-verify: {mv['calls_per_cpu_second']:.0f} calls/CPU-s ({mv['calls_per_second']:.0f}/s wall), "
      f"worst {mv['worst_ms']:.1f} ms ({mv.get('worst_id')})")
print(f"rewardkit:   {rk['calls_per_cpu_second']:.0f} calls/CPU-s ({rk['calls_per_second']:.0f}/s wall, "
      f"best of {rk['passes']} passes), worst {rk['worst_ms']:.2f} ms")
print(f"throughput ratio (rewardkit / math-verify): {summary['throughput_ratio_cpu']:.0f}x (CPU time), "
      f"{summary['throughput_ratio_wall']:.0f}x (wall)")
for title, table in (("shape", summary["agreement_by_shape"]), ("part", summary["agreement_by_part"])):
    print(f"by {title}:")
    for k, v in table.items():
        print(f"  {k:16s} n={v['n']:4d}  math-verify {v['math_verify']:.3f}  rewardkit {v['rewardkit']:.3f}")
print(f"disagreements: {len(dis)} rows -> {out}/corpus_disagreements.jsonl")
PY
