"""sentence-transformers side of the MiniLM encoder comparison (bench/prefs/torch.sh): encodes
the texts of TEXTS.jsonl (one JSON string per line) with `SentenceTransformer(MODEL_DIR)` (the
same local folder rewardkit's `minilm` featurizer reads; batch 32, CPU, N threads), times
`encode` alone (the model is loaded and warmed up on one batch first) and compares with
rewardkit's embeddings (RK.npy, from `rewardkit prefs embed`).

usage: python st_compare.py MODEL_DIR TEXTS.jsonl RK.npy [--threads 2]
Prints JSON: texts, st_s, st_texts_per_s, max_abs_diff.
"""
import argparse
import json
import time

import numpy as np
import torch
from sentence_transformers import SentenceTransformer


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    ap.add_argument("texts")
    ap.add_argument("rk")
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    texts = [json.loads(l) for l in open(a.texts, encoding="utf-8") if l.strip()]
    m = SentenceTransformer(a.model, device="cpu")
    m.encode(texts[:32], batch_size=32)  # warm-up
    t0 = time.perf_counter()
    e = m.encode(texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True)
    st_s = time.perf_counter() - t0
    rk = np.load(a.rk)
    print(json.dumps({"texts": len(texts), "st_s": st_s, "st_texts_per_s": len(texts) / st_s,
                      "max_seq_length": m.max_seq_length,
                      "max_abs_diff": float(np.abs(rk.astype(np.float64) - e).max()),
                      "threads": torch.get_num_threads()}))


if __name__ == "__main__":
    main()
