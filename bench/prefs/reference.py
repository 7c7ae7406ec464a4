"""Reference for bench/prefs: the same hashed features as `rewardkit prefs` (`hashing`, 2^16
buckets: word 1-2-grams and char_wb 3-5-grams, FNV-1a 64, sublinear TF, smoothed IDF on the
training texts, L2 norm; response text only, hh-rlhf prompt split), then scikit-learn's
LogisticRegression on x_chosen − x_rejected (both orientations, no intercept), which is a
linear Bradley-Terry model. Prints JSON: accuracy, log_loss, fit seconds.

usage: python reference.py TRAIN.jsonl TEST.jsonl
"""
import json
import sys
import time

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

DIM = 1 << 16
BASIS = 0xCBF29CE484222325
PRIME = 0x100000001B3
MASK = (1 << 64) - 1
MARK = "\n\nAssistant:"


def fnv(data, basis=BASIS):
    h = basis
    for b in data:
        h = ((h ^ b) * PRIME) & MASK
    return h


CHAR_BASIS = fnv(b"char")


def split(c, r):
    n = 0
    for a, b in zip(c, r):
        if a != b:
            break
        n += 1
    at = c[:n].rfind(MARK)
    if at < 0:
        return c, r
    cut = at + len(MARK)
    return c[cut:], r[cut:]


def words(text):
    out, cur = [], []
    for ch in text.lower():
        if ch.isalnum():
            cur.append(ch)
        elif cur:
            out.append("".join(cur))
            cur = []
    if cur:
        out.append("".join(cur))
    return out


def counts(text):
    ws = words(text)
    c = {}
    for n in (1, 2):
        for i in range(len(ws) - n + 1):
            k = fnv(" ".join(ws[i:i + n]).encode()) % DIM
            c[k] = c.get(k, 0) + 1
    for w in ws:
        p = " " + w + " "
        for n in (3, 4, 5):
            for i in range(len(p) - n + 1):
                k = fnv(p[i:i + n].encode(), CHAR_BASIS) % DIM
                c[k] = c.get(k, 0) + 1
    return c


def read(path):
    rows = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    return [split(r["chosen"], r["rejected"]) for r in rows]


def matrix(cs, idf):
    data, ind, ptr = [], [], [0]
    for c in cs:
        ks = sorted(c)
        v = np.array([(1 + np.log(c[k])) * idf[k] for k in ks])
        n = np.linalg.norm(v)
        if n > 0:
            v = v / n
        data.extend(v)
        ind.extend(ks)
        ptr.append(len(ind))
    return sparse.csr_matrix((data, ind, ptr), shape=(len(cs), DIM))


def main():
    train, test = read(sys.argv[1]), read(sys.argv[2])
    t0 = time.perf_counter()
    tr = [counts(t) for pair in train for t in pair]
    te = [counts(t) for pair in test for t in pair]
    df = np.zeros(DIM)
    for c in tr:
        df[list(c)] += 1
    idf = np.log((1 + len(tr)) / (1 + df)) + 1
    xtr, xte = matrix(tr, idf), matrix(te, idf)
    feat_s = time.perf_counter() - t0
    d = xtr[0::2] - xtr[1::2]
    x = sparse.vstack([d, -d])
    y = np.r_[np.ones(d.shape[0]), np.zeros(d.shape[0])]
    t0 = time.perf_counter()
    lr = LogisticRegression(fit_intercept=False, max_iter=1000).fit(x, y)
    fit_s = time.perf_counter() - t0
    p = lr.predict_proba(xte[0::2] - xte[1::2])[:, 1]
    acc = float(np.mean(np.where(p > 0.5, 1.0, np.where(p < 0.5, 0.0, 0.5))))
    ll = float(np.mean(-np.log(np.clip(p, 1e-15, 1))))
    print(json.dumps({"accuracy": acc, "log_loss": ll, "fit_s": fit_s, "features_s": feat_s,
                      "n": len(test)}))


if __name__ == "__main__":
    main()
