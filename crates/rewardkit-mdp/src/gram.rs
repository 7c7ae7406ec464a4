//! One pass over two dense `R(s,a,s')` rewards for EPIC and STARC-EPIC (L2 normalisation and
//! metric): the Gram sums of their EPIC canonical rewards, by expansion.
//!
//! The EPIC canonical reward is `C(s,a,x) = R(s,a,x) + u(s,x)` with
//! `u(s,x) = γ m(x) − m(s) − γ μ`, a function of `(s, x)` only. So every sum EPIC and STARC-EPIC
//! need expands into sums over the raw rewards, which one pass over both computes, and sums over
//! `S × S` tables:
//!
//! ```text
//! Σ C_A      = Σ R_A + |A| Σ u_A
//! Σ C_A²     = Σ R_A² + 2 Σ_{s,x} u_A(s,x) Ā(s,x) + |A| Σ u_A²
//! Σ C_A C_B  = Σ R_A R_B + Σ u_B Ā + Σ u_A B̄ + |A| Σ u_A u_B
//! ```
//!
//! with `Ā(s,x) = Σ_a R_A(s,a,x)` (and `m(s) = E_{A~D_A, X~D_S} R(s,A,X)` read off `Ā` when
//! `D_A` is uniform). The two-pass computation reads each reward twice; this reads each once
//! (the rewards are hundreds of megabytes: the time is memory traffic).
//!
//! Expansion subtracts large numbers when the canonical reward is small next to the reward
//! (a reward that is nearly pure shaping) or when the two rewards are nearly equal after
//! canonicalisation. [`EpicGram`] therefore only answers when neither happens (relative
//! thresholds of 1e-6, where rounding costs at most about 1e-10 of the distance); otherwise the
//! caller runs the exact two-pass computation. Sums are taken per state in a fixed order and
//! added in state order: the result does not depend on the number of threads.

use crate::reward::Reward;
use rayon::prelude::*;

/// The Gram sums of the EPIC canonical rewards of two rewards.
#[derive(Debug, Clone, Copy)]
pub(crate) struct EpicGram {
    /// Entries `S·A·S`.
    n: f64,
    sum: [f64; 2],
    sq: [f64; 2],
    cross: f64,
    raw_sq: [f64; 2],
}

/// Threshold below which an expanded quantity is not trusted (see the module docs).
const RELATIVE_FLOOR: f64 = 1e-6;

impl EpicGram {
    /// One pass over `a` and `b` (both `R(s,a,s')`, dense), with uniform `D_A` and state
    /// distribution `ds`; `None` when a reward is not a transition reward.
    pub(crate) fn new(a: &Reward, b: &Reward, g: f64, ds: &[f64]) -> Option<EpicGram> {
        let (n_s, n_a) = (a.n_states(), a.n_actions());
        // Dense R(s, a, s') only (`row_slice` is `None` for the other kinds).
        a.row_slice(0, 0)?;
        b.row_slice(0, 0)?;
        let mut abar = vec![0.0; n_s * n_s];
        let mut bbar = vec![0.0; n_s * n_s];
        // Pass over the rewards: per state, Σab, Σa², Σb² and the rows of Ā, B̄.
        let parts: Vec<[f64; 3]> = abar
            .par_chunks_mut(n_s)
            .zip(bbar.par_chunks_mut(n_s))
            .enumerate()
            .map(|(s, (ar, br))| {
                // The state's rows of every action, contiguous: R(s, a, ·) at a·S.
                let block = n_a * n_s;
                let (ra, rb) = (
                    &a.values()[s * block..(s + 1) * block],
                    &b.values()[s * block..(s + 1) * block],
                );
                // Eight independent lanes per sum (so that the adds pipeline and vectorise);
                // for each group of eight next states, the rows of all actions are summed in
                // registers and Ā(s, ·), B̄(s, ·) written once (not read and written per action).
                let (mut sab, mut saa, mut sbb) = ([0.0f64; 8], [0.0f64; 8], [0.0f64; 8]);
                let mut j = 0;
                while j + 8 <= n_s {
                    let (mut p, mut q) = ([0.0f64; 8], [0.0f64; 8]);
                    for act in 0..n_a {
                        let at = act * n_s + j;
                        let (Ok(x), Ok(y)) = (
                            <&[f64; 8]>::try_from(&ra[at..at + 8]),
                            <&[f64; 8]>::try_from(&rb[at..at + 8]),
                        ) else {
                            continue;
                        };
                        for k in 0..8 {
                            let (u, v) = (x[k], y[k]);
                            sab[k] += u * v;
                            saa[k] += u * u;
                            sbb[k] += v * v;
                            p[k] += u;
                            q[k] += v;
                        }
                    }
                    ar[j..j + 8].copy_from_slice(&p);
                    br[j..j + 8].copy_from_slice(&q);
                    j += 8;
                }
                let mut tail = [0.0f64; 3];
                for x in j..n_s {
                    for act in 0..n_a {
                        let (u, v) = (ra[act * n_s + x], rb[act * n_s + x]);
                        tail[0] += u * v;
                        tail[1] += u * u;
                        tail[2] += v * v;
                        ar[x] += u;
                        br[x] += v;
                    }
                }
                [
                    tail[0] + sab.iter().sum::<f64>(),
                    tail[1] + saa.iter().sum::<f64>(),
                    tail[2] + sbb.iter().sum::<f64>(),
                ]
            })
            .collect();
        let mut raw = [0.0f64; 3];
        for p in &parts {
            for i in 0..3 {
                raw[i] += p[i];
            }
        }
        // m(s) = (1/|A|) Σ_x D_S(x) Ā(s,x), μ = Σ_s D_S(s) m(s).
        let inv_a = 1.0 / n_a as f64;
        let means = |bar: &[f64]| -> (Vec<f64>, f64) {
            let m: Vec<f64> = bar
                .par_chunks(n_s)
                .map(|row| inv_a * crate::linalg::lane_dot(row, ds))
                .collect();
            let mu = m.iter().zip(ds).map(|(v, d)| v * d).sum();
            (m, mu)
        };
        let (ma, mua) = means(&abar);
        let (mb, mub) = means(&bbar);
        // The S × S sums: [Σu_A, Σu_B, Σu_A Ā, Σu_B B̄, Σu_B Ā, Σu_A B̄, Σu_A², Σu_B², Σu_A u_B,
        // ΣĀ, ΣB̄].
        let parts: Vec<[f64; 11]> = (0..n_s)
            .into_par_iter()
            .map(|s| {
                let (ar, br) = (&abar[s * n_s..(s + 1) * n_s], &bbar[s * n_s..(s + 1) * n_s]);
                let (ka, kb) = (-ma[s] - g * mua, -mb[s] - g * mub);
                // Four lanes per sum (independent chains, so the adds pipeline).
                let mut o = [[0.0f64; 4]; 11];
                let mut add = |lane: usize, x: usize| {
                    let ua = g * ma[x] + ka;
                    let ub = g * mb[x] + kb;
                    let (p, q) = (ar[x], br[x]);
                    o[0][lane] += ua;
                    o[1][lane] += ub;
                    o[2][lane] += ua * p;
                    o[3][lane] += ub * q;
                    o[4][lane] += ub * p;
                    o[5][lane] += ua * q;
                    o[6][lane] += ua * ua;
                    o[7][lane] += ub * ub;
                    o[8][lane] += ua * ub;
                    o[9][lane] += p;
                    o[10][lane] += q;
                };
                for x in 0..n_s {
                    add(x % 4, x);
                }
                o.map(|l| l[0] + l[1] + l[2] + l[3])
            })
            .collect();
        let mut t = [0.0f64; 11];
        for p in &parts {
            for i in 0..11 {
                t[i] += p[i];
            }
        }
        let na = n_a as f64;
        Some(EpicGram {
            n: (n_s * n_a * n_s) as f64,
            sum: [t[9] + na * t[0], t[10] + na * t[1]],
            sq: [
                raw[1] + 2.0 * t[2] + na * t[6],
                raw[2] + 2.0 * t[3] + na * t[7],
            ],
            cross: raw[0] + t[4] + t[5] + na * t[8],
            raw_sq: [raw[1], raw[2]],
        })
    }

    /// The Pearson correlation of the canonical rewards under the uniform coverage, when it
    /// can be trusted (see the module docs).
    pub(crate) fn rho(&self) -> Option<f64> {
        let n = self.n;
        let mean = [self.sum[0] / n, self.sum[1] / n];
        let var = [
            self.sq[0] / n - mean[0] * mean[0],
            self.sq[1] / n - mean[1] * mean[1],
        ];
        for i in 0..2 {
            if !(var[i] > RELATIVE_FLOOR * self.raw_sq[i] / n) {
                return None;
            }
        }
        let cov = self.cross / n - mean[0] * mean[1];
        let rho = (cov / (var[0].sqrt() * var[1].sqrt())).clamp(-1.0, 1.0);
        (1.0 - rho > RELATIVE_FLOOR).then_some(rho)
    }

    /// `‖C_A/‖C_A‖₂ − C_B/‖C_B‖₂‖₂` (STARC-EPIC with L2 normalisation and metric), when it
    /// can be trusted.
    pub(crate) fn starc_l2(&self) -> Option<f64> {
        for i in 0..2 {
            if !(self.sq[i] > RELATIVE_FLOOR * self.raw_sq[i]) {
                return None;
            }
        }
        let d2 = 2.0 - 2.0 * self.cross / (self.sq[0].sqrt() * self.sq[1].sqrt());
        (d2 > 2.0 * RELATIVE_FLOOR).then(|| d2.sqrt())
    }
}
