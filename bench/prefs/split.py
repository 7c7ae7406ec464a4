"""Seeded 80/20 split of a preference JSONL(.gz) file: writes OUT/train.jsonl, OUT/test.jsonl."""
import gzip
import random
import sys
from pathlib import Path

src, out = Path(sys.argv[1]), Path(sys.argv[2])
opener = gzip.open if src.suffix == ".gz" else open
with opener(src, "rt", encoding="utf-8") as f:
    rows = [line for line in f if line.strip()]
idx = list(range(len(rows)))
random.Random(20261201).shuffle(idx)
cut = int(round(0.8 * len(rows)))
out.mkdir(parents=True, exist_ok=True)
for name, part in [("train.jsonl", idx[:cut]), ("test.jsonl", idx[cut:])]:
    with open(out / name, "w", encoding="utf-8") as f:
        f.writelines(rows[i] if rows[i].endswith("\n") else rows[i] + "\n" for i in sorted(part))
print(f"{len(rows)} pairs: {cut} train, {len(rows) - cut} test", file=sys.stderr)
