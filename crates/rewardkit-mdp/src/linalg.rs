//! Solving `(I − γP) x = b` and `(I − γPᵀ) x = b` for a row-stochastic `P` (policy evaluation
//! and occupancy measures).
//!
//! Up to [`LU_MAX_STATES`] states: dense LU with partial pivoting (exact to rounding). Above:
//! restarted GMRES (Saad and Schultz 1986) on the sparse `P`, run until the true residual
//! `‖b − (I − γP)x‖₂ ≤ 1e-12 ‖b‖₂`; since `‖(I − γP)⁻¹‖∞ ≤ 1/(1 − γ)`, the error is bounded
//! by the residual times a factor of at most `1/(1 − γ)` (times `√S` between norms). For a
//! random MDP the spectrum of `γP` is clustered near 0 apart from the eigenvalue γ, and GMRES
//! converges in a handful of iterations; if it does not converge within its budget the dense
//! LU is used after all.

use crate::error::{Error, Result};
use rayon::prelude::*;

/// `Σ x·y` in four lanes (so that the adds pipeline and vectorise).
#[inline]
pub(crate) fn lane_dot(x: &[f64], y: &[f64]) -> f64 {
    let mut acc = [0.0f64; 4];
    let (cx, cy) = (x.chunks_exact(4), y.chunks_exact(4));
    let (rx, ry) = (cx.remainder(), cy.remainder());
    for (a, b) in cx.zip(cy) {
        for k in 0..4 {
            acc[k] += a[k] * b[k];
        }
    }
    acc[0] + acc[1] + acc[2] + acc[3] + rx.iter().zip(ry).map(|(a, b)| a * b).sum::<f64>()
}

/// `Σ x` in four lanes.
#[inline]
pub(crate) fn lane_sum(x: &[f64]) -> f64 {
    let mut acc = [0.0f64; 4];
    let c = x.chunks_exact(4);
    let r = c.remainder();
    for a in c {
        for k in 0..4 {
            acc[k] += a[k];
        }
    }
    acc[0] + acc[1] + acc[2] + acc[3] + r.iter().sum::<f64>()
}

/// `Σ_j p_j v[idx_j]`: a sparse row times a dense vector (contiguous when the row is full).
#[inline]
pub(crate) fn row_dot(idx: &[u32], p: &[f64], v: &[f64]) -> f64 {
    if idx.len() == v.len() {
        lane_dot(p, v)
    } else {
        idx.iter().zip(p).map(|(&x, &q)| q * v[x as usize]).sum()
    }
}

/// max |x| in eight lanes (plain comparisons vectorise; values are finite).
pub(crate) fn max_abs(x: &[f64]) -> f64 {
    let mut m = [0.0f64; 8];
    let chunks = x.chunks_exact(8);
    let rest = chunks.remainder();
    for c in chunks {
        for k in 0..8 {
            let a = c[k].abs();
            m[k] = if a > m[k] { a } else { m[k] };
        }
    }
    rest.iter().map(|v| v.abs()).chain(m).fold(0.0, f64::max)
}

/// Dense LU is used up to this many states; GMRES above.
pub const LU_MAX_STATES: usize = 400;

/// A square sparse matrix in CSR form. When every row is full (`P^π` of a dense MDP), `idx`
/// is `0..n` once and every row shares it, as in [`crate::Mdp`].
pub(crate) struct Csr {
    pub n: usize,
    pub ptr: Vec<usize>,
    pub idx: Vec<u32>,
    pub val: Vec<f64>,
    dense: bool,
}

impl Csr {
    pub(crate) fn from_rows(rows: Vec<Vec<(u32, f64)>>) -> Csr {
        let n = rows.len();
        let mut ptr = Vec::with_capacity(n + 1);
        ptr.push(0);
        let nnz = rows.iter().map(Vec::len).sum();
        let mut idx = Vec::with_capacity(nnz);
        let mut val = Vec::with_capacity(nnz);
        for row in rows {
            for (j, v) in row {
                idx.push(j);
                val.push(v);
            }
            ptr.push(idx.len());
        }
        Csr {
            n,
            ptr,
            idx,
            val,
            dense: false,
        }
    }

    /// A dense row-major `n × n` matrix, stored without an index per entry.
    pub(crate) fn dense(n: usize, val: Vec<f64>) -> Csr {
        debug_assert_eq!(val.len(), n * n);
        Csr {
            n,
            ptr: (0..=n).map(|i| i * n).collect(),
            idx: (0..n as u32).collect(),
            val,
            dense: true,
        }
    }

    /// Row `i`: its column indices (ascending) and values.
    #[inline]
    pub(crate) fn row(&self, i: usize) -> (&[u32], &[f64]) {
        let (lo, hi) = (self.ptr[i], self.ptr[i + 1]);
        if self.dense {
            return (&self.idx, &self.val[lo..hi]);
        }
        (&self.idx[lo..hi], &self.val[lo..hi])
    }

    /// `P x` for each `x` of `xs`, reading each row of `P` once for all of them.
    pub(crate) fn matvec_many(&self, xs: &[&[f64]]) -> Vec<Vec<f64>> {
        let k = xs.len();
        let mut out = vec![0.0; self.n * k];
        out.par_chunks_mut(k.max(1))
            .enumerate()
            .with_min_len(64)
            .for_each(|(i, o)| {
                // A full row is a contiguous dot product.
                let (idx, val) = self.row(i);
                for (oi, x) in o.iter_mut().zip(xs) {
                    *oi = row_dot(idx, val, x);
                }
            });
        (0..k)
            .map(|j| out.iter().skip(j).step_by(k).copied().collect())
            .collect()
    }

    /// `y = Pᵀ x`.
    pub(crate) fn matvec_t(&self, x: &[f64], y: &mut [f64]) {
        y.fill(0.0);
        for i in 0..self.n {
            let xi = x[i];
            if xi == 0.0 {
                continue;
            }
            let (idx, val) = self.row(i);
            for (&j, &v) in idx.iter().zip(val) {
                y[j as usize] += v * xi;
            }
        }
    }

    fn to_dense_system(&self, gamma: f64, transpose: bool) -> Vec<f64> {
        let n = self.n;
        let mut a = vec![0.0; n * n];
        for i in 0..n {
            a[i * n + i] = 1.0;
            let (idx, val) = self.row(i);
            for (&j, &v) in idx.iter().zip(val) {
                let j = j as usize;
                let (r, c) = if transpose { (j, i) } else { (i, j) };
                a[r * n + c] -= gamma * v;
            }
        }
        a
    }
}

/// Solves `(I − γP) x = b` (or with `Pᵀ`) for each right-hand side.
pub(crate) fn solve_discounted(
    p: &Csr,
    gamma: f64,
    rhs: &[Vec<f64>],
    transpose: bool,
) -> Result<Vec<Vec<f64>>> {
    if p.n <= LU_MAX_STATES {
        return lu_solve(p, gamma, rhs, transpose);
    }
    // (I − γP) x for each x; with P (not Pᵀ) one read of P serves every right-hand side.
    let apply = |xs: &[&[f64]]| -> Vec<Vec<f64>> {
        let mut ys = if transpose {
            xs.iter()
                .map(|x| {
                    let mut y = vec![0.0; x.len()];
                    p.matvec_t(x, &mut y);
                    y
                })
                .collect()
        } else {
            p.matvec_many(xs)
        };
        for (y, x) in ys.iter_mut().zip(xs) {
            for (yi, xi) in y.iter_mut().zip(x.iter()) {
                *yi = xi - gamma * *yi;
            }
        }
        ys
    };
    match gmres_many(&apply, rhs, 1e-12, 40, 4000) {
        Some(out) => Ok(out),
        None => lu_solve(p, gamma, rhs, transpose),
    }
}

fn lu_solve(p: &Csr, gamma: f64, rhs: &[Vec<f64>], transpose: bool) -> Result<Vec<Vec<f64>>> {
    let n = p.n;
    let mut a = p.to_dense_system(gamma, transpose);
    let piv = lu_factor(&mut a, n)?;
    Ok(rhs.iter().map(|b| lu_apply(&a, &piv, n, b)).collect())
}

/// In-place LU with partial pivoting of a row-major `n × n` matrix; returns the row swaps.
pub(crate) fn lu_factor(a: &mut [f64], n: usize) -> Result<Vec<usize>> {
    let mut piv = vec![0; n];
    for k in 0..n {
        let (mut best, mut best_v) = (k, a[k * n + k].abs());
        for i in k + 1..n {
            let v = a[i * n + k].abs();
            if v > best_v {
                best = i;
                best_v = v;
            }
        }
        if !(best_v > 1e-300) {
            return Err(Error::Solve(format!(
                "the {n} × {n} system is singular (no pivot in column {k})"
            )));
        }
        piv[k] = best;
        if best != k {
            for j in 0..n {
                a.swap(k * n + j, best * n + j);
            }
        }
        let (top, bottom) = a.split_at_mut((k + 1) * n);
        let pivot_row = &top[k * n..(k + 1) * n];
        let d = pivot_row[k];
        bottom.par_chunks_mut(n).with_min_len(16).for_each(|row| {
            let l = row[k] / d;
            row[k] = l;
            if l != 0.0 {
                for (rj, pj) in row[k + 1..].iter_mut().zip(&pivot_row[k + 1..]) {
                    *rj -= l * pj;
                }
            }
        });
    }
    Ok(piv)
}

/// Solves with the factors of [`lu_factor`].
pub(crate) fn lu_apply(a: &[f64], piv: &[usize], n: usize, b: &[f64]) -> Vec<f64> {
    let mut x = b.to_vec();
    for k in 0..n {
        x.swap(k, piv[k]);
    }
    for i in 0..n {
        let s: f64 = (0..i).map(|j| a[i * n + j] * x[j]).sum();
        x[i] -= s;
    }
    for i in (0..n).rev() {
        let s: f64 = (i + 1..n).map(|j| a[i * n + j] * x[j]).sum();
        x[i] = (x[i] - s) / a[i * n + i];
    }
    x
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn norm2(a: &[f64]) -> f64 {
    dot(a, a).sqrt()
}

/// A linear operator applied to several vectors at once.
pub(crate) type ApplyMany<'a> = dyn Fn(&[&[f64]]) -> Vec<Vec<f64>> + 'a;

/// Restarted GMRES(m) with modified Gram–Schmidt (twice) and Givens rotations, for several
/// right-hand sides in lockstep: each system keeps its own Krylov space, and every step asks
/// `apply` for the products of all systems still running at once (so that one read of the
/// matrix serves them all). Returns each `x` with `‖b − Ax‖ ≤ tol ‖b‖` (checked on the true
/// residual), or `None` when a system does not converge within `max_iter` steps.
pub(crate) fn gmres_many(
    apply: &ApplyMany<'_>,
    bs: &[Vec<f64>],
    tol: f64,
    m: usize,
    max_iter: usize,
) -> Option<Vec<Vec<f64>>> {
    let mut sys: Vec<Gmres<'_>> = bs.iter().map(|b| Gmres::new(b, tol, m)).collect();
    let mut active: Vec<usize> = (0..sys.len()).collect();
    let mut first = true;
    while !active.is_empty() {
        // The residuals b − Ax (x = 0 in the first cycle: r = b, no product needed).
        let rs: Vec<Vec<f64>> = if first {
            active.iter().map(|&i| sys[i].b.to_vec()).collect()
        } else {
            let xs: Vec<&[f64]> = active.iter().map(|&i| &sys[i].x[..]).collect();
            let mut ax = apply(&xs);
            for (&i, r) in active.iter().zip(ax.iter_mut()) {
                for (ri, bi) in r.iter_mut().zip(sys[i].b) {
                    *ri = bi - *ri;
                }
            }
            ax
        };
        first = false;
        let mut running = Vec::with_capacity(active.len());
        for (&i, r) in active.iter().zip(rs) {
            match sys[i].start(r, max_iter) {
                Some(true) => {}
                Some(false) => return None,
                None => running.push(i),
            }
        }
        let mut in_cycle = running.clone();
        while !in_cycle.is_empty() {
            let vs: Vec<&[f64]> = in_cycle.iter().map(|&i| sys[i].last_basis()).collect();
            let ws = apply(&vs);
            let mut next = Vec::with_capacity(in_cycle.len());
            for (&i, w) in in_cycle.iter().zip(ws) {
                if !sys[i].step(w, max_iter) {
                    next.push(i);
                }
            }
            in_cycle = next;
        }
        for &i in &running {
            if !sys[i].finish_cycle() {
                return None;
            }
        }
        active = running;
    }
    Some(sys.into_iter().map(|s| s.x).collect())
}

/// Restarted GMRES(m) for one right-hand side (see [`gmres_many`]).
#[cfg(test)]
pub(crate) fn gmres(
    apply: &dyn Fn(&[f64], &mut [f64]),
    b: &[f64],
    tol: f64,
    m: usize,
    max_iter: usize,
) -> Option<Vec<f64>> {
    let many = |xs: &[&[f64]]| -> Vec<Vec<f64>> {
        xs.iter()
            .map(|x| {
                let mut y = vec![0.0; x.len()];
                apply(x, &mut y);
                y
            })
            .collect()
    };
    gmres_many(&many, &[b.to_vec()], tol, m, max_iter).map(|mut v| v.remove(0))
}

/// The state of one system in [`gmres_many`]: the iterate, and the Arnoldi basis, Hessenberg
/// matrix and Givens rotations of the current cycle.
struct Gmres<'a> {
    b: &'a [f64],
    x: Vec<f64>,
    target: f64,
    m: usize,
    total: usize,
    v: Vec<Vec<f64>>,
    h: Vec<Vec<f64>>,
    cs: Vec<f64>,
    sn: Vec<f64>,
    g: Vec<f64>,
    k: usize,
}

impl<'a> Gmres<'a> {
    fn new(b: &'a [f64], tol: f64, m: usize) -> Self {
        Gmres {
            b,
            x: vec![0.0; b.len()],
            target: tol * norm2(b),
            m,
            total: 0,
            v: Vec::new(),
            h: Vec::new(),
            cs: Vec::new(),
            sn: Vec::new(),
            g: Vec::new(),
            k: 0,
        }
    }

    /// Starts a cycle from the residual `r`: `Some(true)` when `x` has converged,
    /// `Some(false)` when the step budget is spent, `None` when the cycle runs.
    fn start(&mut self, r: Vec<f64>, max_iter: usize) -> Option<bool> {
        let beta = norm2(&r);
        if beta <= self.target {
            return Some(true);
        }
        if self.total >= max_iter {
            return Some(false);
        }
        let m = self.m;
        self.v = vec![r.into_iter().map(|ri| ri / beta).collect()];
        self.h = vec![vec![0.0; m]; m + 1];
        self.cs = vec![0.0; m];
        self.sn = vec![0.0; m];
        self.g = vec![0.0; m + 1];
        self.g[0] = beta;
        self.k = 0;
        None
    }

    /// The basis vector whose product the next [`Gmres::step`] takes.
    fn last_basis(&self) -> &[f64] {
        self.v.last().map_or(&[], |v| &v[..])
    }

    /// One Arnoldi step with `w = A v_j`; `true` when the cycle ends.
    fn step(&mut self, mut w: Vec<f64>, max_iter: usize) -> bool {
        let j = self.v.len() - 1;
        let h = &mut self.h;
        for _pass in 0..2 {
            for (i, vi) in self.v.iter().enumerate() {
                let hij = dot(&w, vi);
                h[i][j] += hij;
                for (wl, vl) in w.iter_mut().zip(vi) {
                    *wl -= hij * vl;
                }
            }
        }
        let hn = norm2(&w);
        h[j + 1][j] = hn;
        let (cs, sn, g) = (&mut self.cs, &mut self.sn, &mut self.g);
        for i in 0..j {
            let t = cs[i] * h[i][j] + sn[i] * h[i + 1][j];
            h[i + 1][j] = -sn[i] * h[i][j] + cs[i] * h[i + 1][j];
            h[i][j] = t;
        }
        let denom = h[j][j].hypot(h[j + 1][j]);
        if denom == 0.0 {
            self.k = j;
            return true;
        }
        cs[j] = h[j][j] / denom;
        sn[j] = h[j + 1][j] / denom;
        h[j][j] = denom;
        h[j + 1][j] = 0.0;
        g[j + 1] = -sn[j] * g[j];
        g[j] *= cs[j];
        self.k = j + 1;
        self.total += 1;
        if g[j + 1].abs() <= 0.01 * self.target
            || hn == 0.0
            || self.total >= max_iter
            || j + 1 == self.m
        {
            return true;
        }
        self.v.push(w.iter().map(|wl| wl / hn).collect());
        false
    }

    /// `x += V y` from the cycle's least-squares solution; `false` when the cycle made no
    /// progress.
    fn finish_cycle(&mut self) -> bool {
        let (k, h, g) = (self.k, &self.h, &self.g);
        let mut y = vec![0.0; k];
        for i in (0..k).rev() {
            let s: f64 = (i + 1..k).map(|l| h[i][l] * y[l]).sum();
            y[i] = (g[i] - s) / h[i][i];
        }
        for (yi, vi) in y.iter().zip(&self.v) {
            for (xl, vl) in self.x.iter_mut().zip(vi) {
                *xl += yi * vl;
            }
        }
        k != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Random, Rng};

    fn random_p(n: usize, k: usize, seed: u64) -> Csr {
        let mut rng = Rng::new(seed);
        let rows = (0..n)
            .map(|_| {
                let mut idx = rng.sample_distinct(n, k);
                idx.sort_unstable();
                let w: Vec<f64> = idx.iter().map(|_| rng.exponential()).collect();
                let t: f64 = w.iter().sum();
                idx.into_iter()
                    .zip(w)
                    .map(|(j, v)| (j as u32, v / t))
                    .collect()
            })
            .collect();
        Csr::from_rows(rows)
    }

    #[test]
    fn lockstep_gmres_matches_lu_for_several_right_hand_sides() {
        // Above LU_MAX_STATES, so solve_discounted takes the GMRES path: a sparse P and a
        // dense one (stored without indices), three right-hand sides at once, one of them 0.
        let n = LU_MAX_STATES + 50;
        let sparse = random_p(n, 7, 11);
        let full = random_p(n, n, 12);
        let dense = Csr::dense(n, full.val.clone());
        let rhs: Vec<Vec<f64>> = vec![
            (0..n).map(|i| ((i * 7) % 11) as f64 - 5.0).collect(),
            vec![0.0; n],
            (0..n).map(|i| (i as f64).sin() * 1e3).collect(),
        ];
        for (p, transpose) in [
            (&sparse, false),
            (&sparse, true),
            (&dense, false),
            (&dense, true),
        ] {
            let lu = lu_solve(p, 0.97, &rhs, transpose).unwrap();
            let it = solve_discounted(p, 0.97, &rhs, transpose).unwrap();
            assert_eq!(it.len(), 3);
            assert!(it[1].iter().all(|&v| v == 0.0));
            for (a, b) in lu.iter().zip(&it) {
                let scale = a.iter().fold(1.0f64, |m, v| m.max(v.abs()));
                for (x, y) in a.iter().zip(b) {
                    assert!((x - y).abs() <= 1e-9 * scale, "{x} vs {y}");
                }
            }
        }
        // The dense form reads the same rows as the indexed one.
        for i in [0, n / 2, n - 1] {
            assert_eq!(dense.row(i).0, full.row(i).0);
            assert_eq!(dense.row(i).1, full.row(i).1);
        }
    }

    #[test]
    fn gmres_matches_lu() {
        for &(k, transpose) in &[(3usize, false), (50, true), (5, true)] {
            let p = random_p(120, k, 3);
            let b: Vec<f64> = (0..120).map(|i| ((i * 7) % 11) as f64 - 5.0).collect();
            let lu = lu_solve(&p, 0.95, std::slice::from_ref(&b), transpose).unwrap();
            let apply = |x: &[f64], y: &mut [f64]| {
                if transpose {
                    p.matvec_t(x, y)
                } else {
                    y.copy_from_slice(&p.matvec_many(&[x]).remove(0))
                }
                for (yi, xi) in y.iter_mut().zip(x) {
                    *yi = xi - 0.95 * *yi;
                }
            };
            let g = gmres(&apply, &b, 1e-13, 30, 5000).unwrap();
            for (a, c) in lu[0].iter().zip(&g) {
                assert!((a - c).abs() < 1e-9, "{a} vs {c}");
            }
        }
    }
}
