"""PyTorch side of the training comparison (bench/prefs/torch.sh): the same Bradley-Terry head
as `rewardkit prefs fit` on the same hashed features (bench/prefs/reference.py's
re-implementation of the `hashing` featurizer, IDF fitted on all training pairs, as rewardkit
does with `--val-fraction 0`), the same epochs, batch size, loss (mean −log σ(r_chosen −
r_rejected)), optimiser (AdamW, same lr, weight decay, betas, eps) and initialisation scale,
no early stopping. Features are computed before the timed region; the timed region is the
training loop alone (batch assembly, forward, backward, optimiser step).

The linear head is an `nn.EmbeddingBag` (sum mode, per-sample weights: a sparse-input linear
layer with a dense gradient) plus a bias; the MLP head (--hidden N) is that bag with N outputs,
a bias, LeakyReLU(0.2) and a linear layer to one output, as rewardkit's MLP head.

--sparse: PyTorch's own sparse path, the counterpart of rewardkit's `--optimizer lazy-adamw`:
`EmbeddingBag(sparse=True)` (a sparse gradient: the rows the batch read) trained with
`torch.optim.SparseAdam` (lazy Adam: moments and rows updated only where read; it has no weight
decay, so the bag gets none), the other parameters with AdamW as before.

--embeddings TRAIN.npy TEST.npy: dense inputs instead (MiniLM sentence embeddings written by
`rewardkit prefs embed`, rows chosen, rejected, chosen, ... in the order of the pairs): the
first layer is an `nn.Linear(384, N)`.

usage: python torch_compare.py TRAIN.jsonl TEST.jsonl [--hidden N] [--epochs 30]
         [--batch-size 32] [--lr 0.01] [--weight-decay 0.01] [--threads 2] [--seed 0]
Prints JSON: train_s, accuracy (held-out pairs), log_loss, features_s, threads.
"""
import argparse
import json
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference  # noqa: E402  (same hashing featurizer)

import torch  # noqa: E402
from torch import nn  # noqa: E402


class Rows:
    """CSR rows as torch tensors; `take(rows)` is an EmbeddingBag input (flat, offsets)."""

    def __init__(self, x):
        self.indptr = torch.from_numpy(x.indptr.astype(np.int64))
        self.idx = torch.from_numpy(x.indices.astype(np.int64))
        self.val = torch.from_numpy(x.data.astype(np.float32))

    def take(self, rows):
        a, b = self.indptr[rows], self.indptr[rows + 1]
        lens = b - a
        offsets = torch.zeros_like(lens)
        offsets[1:] = torch.cumsum(lens, 0)[:-1]
        # flat positions of every nonzero of the selected rows
        pos = torch.repeat_interleave(a - offsets, lens) + torch.arange(int(lens.sum()))
        return self.idx[pos], self.val[pos], offsets


class Dense:
    """Dense rows (embeddings); `take(rows)` is the input of DenseHead."""

    def __init__(self, x):
        self.x = torch.from_numpy(np.ascontiguousarray(x, dtype=np.float32))

    def take(self, rows):
        return (self.x[rows],)


class DenseHead(nn.Module):
    def __init__(self, dim, hidden, init_std):
        super().__init__()
        out = hidden if hidden else 1
        self.first = nn.Linear(dim, out)
        nn.init.normal_(self.first.weight, std=init_std)
        nn.init.zeros_(self.first.bias)
        self.hidden = hidden
        if hidden:
            self.out = nn.Linear(hidden, 1)
            nn.init.normal_(self.out.weight, std=1.0 / hidden**0.5)
            nn.init.zeros_(self.out.bias)

    def forward(self, x):
        z = self.first(x)
        if self.hidden:
            z = self.out(nn.functional.leaky_relu(z, 0.2))
        return z.squeeze(-1)


class Head(nn.Module):
    def __init__(self, dim, hidden, init_std, sparse=False):
        super().__init__()
        out = hidden if hidden else 1
        self.bag = nn.EmbeddingBag(dim, out, mode="sum", sparse=sparse)
        nn.init.normal_(self.bag.weight, std=init_std)
        self.b1 = nn.Parameter(torch.zeros(out))
        self.hidden = hidden
        if hidden:
            self.out = nn.Linear(hidden, 1)
            nn.init.normal_(self.out.weight, std=1.0 / hidden**0.5)
            nn.init.zeros_(self.out.bias)

    def forward(self, idx, val, offsets):
        z = self.bag(idx, offsets, per_sample_weights=val) + self.b1
        if self.hidden:
            z = self.out(nn.functional.leaky_relu(z, 0.2))
        return z.squeeze(-1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("train")
    ap.add_argument("test")
    ap.add_argument("--hidden", type=int, default=0)
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--lr", type=float, default=0.01)
    ap.add_argument("--weight-decay", type=float, default=0.01)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--embeddings", nargs=2, metavar=("TRAIN_NPY", "TEST_NPY"),
                    help="dense embeddings instead of hashed features")
    ap.add_argument("--sparse", action="store_true",
                    help="sparse bag gradient with SparseAdam (PyTorch's lazy Adam)")
    ap.add_argument("--flush-denormal", action="store_true",
                    help="torch.set_flush_denormal(True) (float32 subnormals are slow on x86)")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    if a.flush_denormal:
        torch.set_flush_denormal(True)
    torch.manual_seed(a.seed)

    t0 = time.perf_counter()
    train, test = reference.read(a.train), reference.read(a.test)
    init_std = 0.1 if a.hidden == 0 else 1.0  # rewardkit's defaults
    if a.embeddings:
        xtr, xte = Dense(np.load(a.embeddings[0])), Dense(np.load(a.embeddings[1]))
        assert xtr.x.shape[0] == 2 * len(train) and xte.x.shape[0] == 2 * len(test)
        model = DenseHead(xtr.x.shape[1], a.hidden, init_std)
    else:
        tr = [reference.counts(t) for pair in train for t in pair]
        te = [reference.counts(t) for pair in test for t in pair]
        df = np.zeros(reference.DIM)
        for c in tr:
            df[list(c)] += 1
        idf = np.log((1 + len(tr)) / (1 + df)) + 1
        xtr, xte = reference.matrix(tr, idf), reference.matrix(te, idf)
        xtr, xte = Rows(xtr), Rows(xte)
        model = Head(reference.DIM, a.hidden, init_std, sparse=a.sparse)
    features_s = time.perf_counter() - t0
    if a.sparse:
        rest = [p for n, p in model.named_parameters() if not n.startswith("bag.")]
        opts = [torch.optim.SparseAdam([model.bag.weight], lr=a.lr, betas=(0.9, 0.999), eps=1e-8),
                torch.optim.AdamW(rest, lr=a.lr, weight_decay=a.weight_decay,
                                  betas=(0.9, 0.999), eps=1e-8)]
    else:
        opts = [torch.optim.AdamW(model.parameters(), lr=a.lr, weight_decay=a.weight_decay,
                                  betas=(0.9, 0.999), eps=1e-8)]
    n = len(train)
    g = torch.Generator().manual_seed(a.seed)
    t0 = time.perf_counter()
    for _ in range(a.epochs):
        order = torch.randperm(n, generator=g)
        for s in range(0, n, a.batch_size):
            b = order[s : s + a.batch_size]
            rows = torch.stack([2 * b, 2 * b + 1], 1).reshape(-1)  # chosen, rejected
            r = model(*xtr.take(rows)).view(-1, 2)
            loss = -nn.functional.logsigmoid(r[:, 0] - r[:, 1]).mean()
            for opt in opts:
                opt.zero_grad(set_to_none=True)
            loss.backward()
            for opt in opts:
                opt.step()
    train_s = time.perf_counter() - t0

    with torch.no_grad():
        r = model(*xte.take(torch.arange(2 * len(test)))).view(-1, 2).double()
        p = torch.sigmoid(r[:, 0] - r[:, 1]).numpy()
    acc = float(np.mean(np.where(p > 0.5, 1.0, np.where(p < 0.5, 0.0, 0.5))))
    ll = float(np.mean(-np.log(np.clip(p, 1e-15, 1))))
    print(json.dumps({"train_s": train_s, "accuracy": acc, "log_loss": ll,
                      "features_s": features_s, "threads": torch.get_num_threads(),
                      "flush_denormal": a.flush_denormal, "sparse": a.sparse,
                      "embeddings": bool(a.embeddings), "hidden": a.hidden, "n": len(test), "torch": torch.__version__}))


if __name__ == "__main__":
    main()
