"""Reference numpy implementations of EPIC and STARC, side by side with `rewardkit compare`.

The formulas, written the straightforward numpy way (np.einsum, np.linalg.solve), dense arrays:
- EPIC: Gleave, Dennis, Legg, Russell, Leike, "Quantifying Differences in Reward Functions"
  (ICLR 2021): C(R) = R + g m(s') - m(s) - g mu, Pearson distance over all S*A*S entries.
- STARC: Skalse, Farnik, Motwani, Jenner, Gleave, Abate, "STARC: A General Framework for
  Quantifying Differences Between Reward Functions" (ICLR 2024): value-adjusted levelling
  under the uniform policy (V solved exactly) or the EPIC canonicalisation, L2 normalisation,
  L2 metric.

Usage: python3 reference.py OUTDIR N_STATES N_ACTIONS SPARSITY SEED BIN
Generates a random MDP and two rewards, saves them as .npy (plus an MDP JSON pointing to the
transitions), runs numpy and `BIN compare` on them, and prints one JSON line per metric.
"""
import json
import os
import subprocess
import sys
import time

import numpy as np


def epic_canon(R, g):
    nS, nA, _ = R.shape
    ds = np.full(nS, 1 / nS)
    da = np.full(nA, 1 / nA)
    m = np.einsum('sax,a,x->s', R, da, ds)
    tot = ds @ m
    return R + g * m[None, None, :] - m[:, None, None] - g * tot


def value_uniform(R, T, g):
    nS, nA, _ = R.shape
    pi = np.full((nS, nA), 1 / nA)
    rbar = np.einsum('sa,sax,sax->s', pi, T, R)
    P = np.einsum('sa,sax->sx', pi, T)
    return np.linalg.solve(np.eye(nS) - g * P, rbar)


def val_canon(R, T, g):
    V = value_uniform(R, T, g)
    c_sa = np.einsum('sax,sax->sa', T, R + g * V[None, None, :]) - V[:, None]
    return np.repeat(c_sa[:, :, None], R.shape[2], axis=2)


def starc(R1, R2, canon):
    def s(R):
        c = canon(R)
        n = np.linalg.norm(c.ravel())
        return c if n == 0 else c / n
    return np.linalg.norm((s(R1) - s(R2)).ravel())


def pearson_dist(a, b):
    a = a.ravel()
    b = b.ravel()
    w = np.full(a.size, 1 / a.size)
    a = a - w @ a
    b = b - w @ b
    rho = (w @ (a * b)) / np.sqrt((w @ (a * a)) * (w @ (b * b)))
    return np.sqrt(max(0.0, 0.5 * (1 - min(rho, 1.0))))


def random_mdp(nS, nA, sparsity, rng):
    k = max(1, int(round((1 - sparsity) * nS)))
    T = np.zeros((nS, nA, nS))
    if k == nS:
        T[:] = rng.exponential(size=(nS, nA, nS))
    else:
        for s in range(nS):
            for a in range(nA):
                idx = rng.choice(nS, size=k, replace=False)
                T[s, a, idx] = rng.exponential(size=k)
    T /= T.sum(axis=2, keepdims=True)
    return T


def main():
    out, nS, nA, sparsity, seed, binary = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
    g = 0.9
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(seed)
    T = random_mdp(nS, nA, sparsity, rng)
    RA = rng.standard_normal((nS, nA, nS))
    phi = rng.standard_normal(nS)
    # B: A, potential-shaped and scaled, plus independent noise (a moderate distance).
    RB = 2.0 * (RA + g * phi[None, None, :] - phi[:, None, None]) + rng.standard_normal((nS, nA, nS))
    np.save(os.path.join(out, 't.npy'), T)
    np.save(os.path.join(out, 'a.npy'), RA)
    np.save(os.path.join(out, 'b.npy'), RB)
    with open(os.path.join(out, 'mdp.json'), 'w') as f:
        json.dump({"gamma": g, "transitions": "t.npy"}, f)
    metrics = {
        'epic': lambda: pearson_dist(epic_canon(RA, g), epic_canon(RB, g)),
        'starc-epic': lambda: starc(RA, RB, lambda r: epic_canon(r, g)),
        'starc-val': lambda: starc(RA, RB, lambda r: val_canon(r, T, g)),
    }
    for name, fn in metrics.items():
        t0 = time.perf_counter()
        d_np = float(fn())
        t_np = time.perf_counter() - t0
        t0 = time.perf_counter()
        res = subprocess.run([binary, 'compare', '--json', '--metric', name, '--mdp',
                              os.path.join(out, 'mdp.json'), os.path.join(out, 'a.npy'),
                              os.path.join(out, 'b.npy')], capture_output=True, text=True)
        wall = time.perf_counter() - t0
        if res.returncode != 0:
            print(res.stderr, file=sys.stderr)
            sys.exit(1)
        doc = json.loads(res.stdout)
        d_rk = doc['distance']
        t_rk = doc['seconds']['compute']
        print(json.dumps({'states': nS, 'actions': nA, 'sparsity': sparsity, 'metric': name,
                          'numpy': d_np, 'rewardkit': d_rk, 'abs_diff': abs(d_np - d_rk),
                          'numpy_s': t_np, 'rewardkit_compute_s': t_rk,
                          'rewardkit_load_s': doc['seconds']['load'], 'rewardkit_wall_s': wall,
                          'ratio_compute': t_np / t_rk}), flush=True)


if __name__ == '__main__':
    main()
