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

/// A square sparse matrix in CSR form.
#[derive(Debug, Clone)]
pub(crate) struct Csr {
    pub n: usize,
    pub ptr: Vec<usize>,
    pub idx: Vec<u32>,
    pub val: Vec<f64>,
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
        Csr { n, ptr, idx, val }
    }

    /// `y = P x`.
    pub(crate) fn matvec(&self, x: &[f64], y: &mut [f64]) {
        y.par_iter_mut()
            .enumerate()
            .with_min_len(64)
            .for_each(|(i, yi)| {
                let (lo, hi) = (self.ptr[i], self.ptr[i + 1]);
                // A full row (P^π of a dense MDP) is a contiguous dot product.
                *yi = row_dot(&self.idx[lo..hi], &self.val[lo..hi], x);
            });
    }

    /// `y = Pᵀ x`.
    pub(crate) fn matvec_t(&self, x: &[f64], y: &mut [f64]) {
        y.fill(0.0);
        for i in 0..self.n {
            let xi = x[i];
            if xi == 0.0 {
                continue;
            }
            for k in self.ptr[i]..self.ptr[i + 1] {
                y[self.idx[k] as usize] += self.val[k] * xi;
            }
        }
    }

    fn to_dense_system(&self, gamma: f64, transpose: bool) -> Vec<f64> {
        let n = self.n;
        let mut a = vec![0.0; n * n];
        for i in 0..n {
            a[i * n + i] = 1.0;
            for k in self.ptr[i]..self.ptr[i + 1] {
                let j = self.idx[k] as usize;
                let (r, c) = if transpose { (j, i) } else { (i, j) };
                a[r * n + c] -= gamma * self.val[k];
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
    let apply = |x: &[f64], y: &mut [f64]| {
        if transpose {
            p.matvec_t(x, y);
        } else {
            p.matvec(x, y);
        }
        for (yi, xi) in y.iter_mut().zip(x) {
            *yi = xi - gamma * *yi;
        }
    };
    let mut out = Vec::with_capacity(rhs.len());
    for b in rhs {
        match gmres(&apply, b, 1e-12, 40, 4000) {
            Some(x) => out.push(x),
            None => return lu_solve(p, gamma, rhs, transpose),
        }
    }
    Ok(out)
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

/// Restarted GMRES(m) with modified Gram–Schmidt (twice) and Givens rotations. Returns `x`
/// with `‖b − Ax‖ ≤ tol ‖b‖` (checked on the true residual), or `None` after `max_iter`.
pub(crate) fn gmres(
    apply: &dyn Fn(&[f64], &mut [f64]),
    b: &[f64],
    tol: f64,
    m: usize,
    max_iter: usize,
) -> Option<Vec<f64>> {
    let n = b.len();
    let mut x = vec![0.0; n];
    let bnorm = norm2(b);
    if bnorm == 0.0 {
        return Some(x);
    }
    let target = tol * bnorm;
    let mut r = vec![0.0; n];
    let mut w = vec![0.0; n];
    let mut total = 0;
    loop {
        apply(&x, &mut r);
        for (ri, bi) in r.iter_mut().zip(b) {
            *ri = bi - *ri;
        }
        let beta = norm2(&r);
        if beta <= target {
            return Some(x);
        }
        if total >= max_iter {
            return None;
        }
        let mut v: Vec<Vec<f64>> = vec![r.iter().map(|ri| ri / beta).collect()];
        let mut h = vec![vec![0.0; m]; m + 1];
        let (mut cs, mut sn) = (vec![0.0; m], vec![0.0; m]);
        let mut g = vec![0.0; m + 1];
        g[0] = beta;
        let mut k = 0;
        for j in 0..m {
            apply(&v[j], &mut w);
            for _pass in 0..2 {
                for (i, vi) in v.iter().enumerate() {
                    let hij = dot(&w, vi);
                    h[i][j] += hij;
                    for (wl, vl) in w.iter_mut().zip(vi) {
                        *wl -= hij * vl;
                    }
                }
            }
            let hn = norm2(&w);
            h[j + 1][j] = hn;
            for i in 0..j {
                let t = cs[i] * h[i][j] + sn[i] * h[i + 1][j];
                h[i + 1][j] = -sn[i] * h[i][j] + cs[i] * h[i + 1][j];
                h[i][j] = t;
            }
            let denom = h[j][j].hypot(h[j + 1][j]);
            if denom == 0.0 {
                k = j;
                break;
            }
            cs[j] = h[j][j] / denom;
            sn[j] = h[j + 1][j] / denom;
            h[j][j] = denom;
            h[j + 1][j] = 0.0;
            g[j + 1] = -sn[j] * g[j];
            g[j] *= cs[j];
            k = j + 1;
            total += 1;
            if g[j + 1].abs() <= 0.01 * target || hn == 0.0 || total >= max_iter {
                break;
            }
            v.push(w.iter().map(|wl| wl / hn).collect());
        }
        // Back substitution for y, then x += V y.
        let mut y = vec![0.0; k];
        for i in (0..k).rev() {
            let s: f64 = (i + 1..k).map(|l| h[i][l] * y[l]).sum();
            y[i] = (g[i] - s) / h[i][i];
        }
        for (yi, vi) in y.iter().zip(&v) {
            for (xl, vl) in x.iter_mut().zip(vi) {
                *xl += yi * vl;
            }
        }
        if k == 0 {
            return None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Rng;

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
    fn gmres_matches_lu() {
        for &(k, transpose) in &[(3usize, false), (50, true), (5, true)] {
            let p = random_p(120, k, 3);
            let b: Vec<f64> = (0..120).map(|i| ((i * 7) % 11) as f64 - 5.0).collect();
            let lu = lu_solve(&p, 0.95, std::slice::from_ref(&b), transpose).unwrap();
            let apply = |x: &[f64], y: &mut [f64]| {
                if transpose {
                    p.matvec_t(x, y)
                } else {
                    p.matvec(x, y)
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
