//! Reward-function distances: EPIC, DARD, STARC and the Pearson distance.
//!
//! Each metric is a *canonicalisation* (which removes the reward transformations that do not
//! change what is optimal), then a comparison:
//!
//! | metric | canonicalisation `C(R)(s,a,s')` | comparison | paper |
//! |---|---|---|---|
//! | EPIC | `R + γm(s') − m(s) − γμ`, `m(s) = E_{A~D_A, S'~D_S} R(s,A,S')`, `μ = E_{S~D_S} m(S)` | Pearson distance | Gleave, Dennis, Legg, Russell, Leike, "Quantifying Differences in Reward Functions", ICLR 2021 |
//! | DARD | `R + γm(s') − m(s) − γ t₃(s,s')` with `m(s) = E_{A, X'~T(s,A)} R(s,A,X')` and `t₃(s,s') = E_A E_{X'~T(s,A), X''~T(s',A)} R(X',A,X'')` | Pearson distance | Wulfe, Balakrishna, Ellis, Mercat, McAllister, Gaidon, "Dynamics-Aware Comparison of Learned Reward Functions", ICLR 2022 |
//! | STARC | EPIC, DARD or VAL: `c(s,a) = E_{S'~T(s,a)}[R + γV^π(S')] − V^π(s)` (value-adjusted levelling, V^π of the reward itself, π uniform by default) | `m(s(R₁), s(R₂))` with `s(R) = c/n(c)` | Skalse, Farnik, Motwani, Jenner, Gleave, Abate, "STARC: A General Framework for Quantifying Differences Between Reward Functions", ICLR 2024 |
//!
//! The Pearson distance is `D_ρ(X, Y) = sqrt((1 − ρ(X, Y))/2) ∈ [0, 1]`, with ρ the correlation
//! under a coverage distribution over transitions (uniform over all `S·A·S` entries by default);
//! ρ is clamped to `[−1, 1]` before the square root.
//!
//! Invariances (checked by the property tests):
//! - EPIC and DARD: 0 under potential shaping (for any Φ, any γ and, for DARD, any T),
//!   positive scaling and adding a constant. Not under S'-redistribution.
//! - STARC with VAL: 0 under potential shaping, positive scaling and S'-redistribution, the
//!   transformations that keep the ordering of policies (Skalse et al., ICML 2023).
//! - With the uniform coverage, uniform `D_S`, `D_A` and L2 normalisation and metric,
//!   STARC-EPIC = 2 × EPIC (the EPIC canonical reward has mean 0, so `‖ĉ_A − ĉ_B‖₂² = 2 − 2ρ`).
//!
//! **Degenerate rewards.** A reward whose canonical reward is zero (up to rounding: at most
//! [`TRIVIAL_TOLERANCE`] × `max|R|`, or 0 for `R = 0`) is *trivial*: it is potential
//! shaping of zero (a constant reward with γ < 1 is `Φ ≡ −c/(1−γ)`), and all policies are
//! equally good under it. STARC standardises it to the zero vector (Skalse et al.:
//! `s(R) = c(R)` when `n(c(R)) = 0`, and `c(R) = 0` here). A weighted norm can also vanish on a
//! non-zero `c(R)` (zero wherever the MDP can go); that reward is trivial too and scaled by 0
//! (the rule of Gleave et al.'s code) instead of kept as is, which would make the distance
//! depend on the reward's scale. So a trivial reward's distance to a non-trivial reward is
//! `scale × n_metric(s(R'))` (1 with L2 normalisation and metric), and 0 to another trivial
//! reward. EPIC, DARD and Pearson use the same convention: the standardised vector of a
//! trivial reward is 0, so the distance is **0.5** to a non-trivial reward and **0** between
//! two trivial ones — `D = ½‖ŝ_A − ŝ_B‖₂` stays a pseudometric and STARC-EPIC = 2 × EPIC
//! still holds. [`Distance::trivial`] says which side was trivial and [`Distance::rho`] is
//! `None`. No result is ever NaN.
//!
//! ```
//! use rewardkit_mdp::{distance, Mdp, Reward, Metric, Options};
//!
//! let mdp = Mdp::from_dense(2, 2, 0.9, &[0.8, 0.2, 0.1, 0.9, 0.5, 0.5, 1.0, 0.0], None)?;
//! let r = Reward::transition(2, 2, vec![1.0, 0.0, 0.0, 2.0, 0.5, -1.0, 3.0, 0.0])?;
//! let shaped = rewardkit_mdp::shape(&r, &[3.0, -1.0], 0.9)?.affine(2.0, 0.0);
//! let d = distance(Metric::Epic, &r, &shaped, &mdp, &Options::default())?;
//! assert!(d.value < 1e-7);
//! let d = distance(Metric::Epic, &r, &r.affine(-1.0, 0.0), &mdp, &Options::default())?;
//! assert!((d.value - 1.0).abs() < 1e-12);
//! # Ok::<(), rewardkit_mdp::Error>(())
//! ```

use crate::error::{Error, Result};
use crate::linalg::{lane_dot, lane_sum};
use crate::mdp::{check_distribution, Mdp};
use crate::planning::Policy;
use crate::reward::Reward;
use crate::{Random, Rng};
use rayon::prelude::*;

/// A canonical reward at most this fraction of `max|R|` is treated as zero (trivial).
pub const TRIVIAL_TOLERANCE: f64 = 1e-10;

/// The distribution over transitions under which EPIC, DARD and Pearson correlate rewards.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Coverage {
    /// Uniform over all `S·A·S` entries (the reference default).
    #[default]
    Uniform,
    /// `D_S(s) D_A(a) T(s,a,s')`: only transitions the MDP can make.
    Transitions,
    /// Explicit non-negative weights over the `S·A·S` entries, row-major (normalised).
    Weights(Vec<f64>),
}

/// A norm over the `S·A·S` entries of a (canonical) reward, for STARC's normalisation and
/// metric. The weighted norms weight entry `(s,a,s')` by `T(s,a,s')`, as the STARC authors'
/// code does: `(Σ T|x|^p)^{1/p}`, and `max T|x|` for ∞.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Norm {
    /// `Σ|x|`.
    L1,
    /// `sqrt(Σx²)`.
    L2,
    /// `max|x|`.
    LInf,
    /// `Σ T|x|`.
    WeightedL1,
    /// `sqrt(Σ T x²)`.
    WeightedL2,
    /// `max T|x|`.
    WeightedLInf,
    /// No normalisation (`n ≡ 1`); not a metric.
    None,
}

impl std::str::FromStr for Norm {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Ok(match s.to_ascii_lowercase().replace('_', "-").as_str() {
            "l1" | "1" => Norm::L1,
            "l2" | "2" => Norm::L2,
            "linf" | "l-inf" | "inf" | "max" => Norm::LInf,
            "weighted-l1" | "wl1" => Norm::WeightedL1,
            "weighted-l2" | "wl2" => Norm::WeightedL2,
            "weighted-linf" | "wlinf" => Norm::WeightedLInf,
            "none" | "0" => Norm::None,
            other => {
                return Err(Error::param(
                    "norm",
                    format!("unknown norm `{other}` (l1, l2, linf, weighted-l1, weighted-l2, weighted-linf, none)"),
                ))
            }
        })
    }
}

/// Which distance to compute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Metric {
    /// EPIC (Gleave et al. 2021), tabular.
    Epic,
    /// DARD (Wulfe et al. 2022), tabular; `O(A·S²·k)` for `k` successors per row.
    Dard,
    /// STARC with the EPIC canonicalisation.
    StarcEpic,
    /// STARC with the DARD canonicalisation.
    StarcDard,
    /// STARC with value-adjusted levelling (VAL) under a policy (uniform by default).
    StarcVal,
    /// The Pearson distance of the raw rewards (no canonicalisation).
    Pearson,
}

impl std::str::FromStr for Metric {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Ok(match s.to_ascii_lowercase().replace('_', "-").as_str() {
            "epic" => Metric::Epic,
            "dard" => Metric::Dard,
            "starc-epic" => Metric::StarcEpic,
            "starc-dard" => Metric::StarcDard,
            "starc-val" | "starc" => Metric::StarcVal,
            "pearson" => Metric::Pearson,
            other => {
                return Err(Error::param(
                    "metric",
                    format!("unknown metric `{other}` (epic, dard, starc-epic, starc-dard, starc-val, pearson)"),
                ))
            }
        })
    }
}

impl Metric {
    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Metric::Epic => "epic",
            Metric::Dard => "dard",
            Metric::StarcEpic => "starc-epic",
            Metric::StarcDard => "starc-dard",
            Metric::StarcVal => "starc-val",
            Metric::Pearson => "pearson",
        }
    }
}

/// The distributions and choices every metric takes, with the reference defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// `D_S` of EPIC (uniform when `None`).
    pub state_dist: Option<Vec<f64>>,
    /// `D_A` of EPIC and DARD (uniform when `None`).
    pub action_dist: Option<Vec<f64>>,
    /// The coverage of the Pearson correlation (EPIC, DARD, Pearson).
    pub coverage: Coverage,
    /// The policy of VAL (uniformly random when `None`, as in the STARC authors' code).
    pub policy: Option<Policy>,
    /// STARC's normalisation (default L2).
    pub norm: Norm,
    /// STARC's metric on standardised rewards (default L2).
    pub metric: Norm,
    /// STARC's factor on the metric (default 1: range `[0, 2]` with L2; ½ gives `[0, 1]`).
    pub scale: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            state_dist: None,
            action_dist: None,
            coverage: Coverage::Uniform,
            policy: None,
            norm: Norm::L2,
            metric: Norm::L2,
            scale: 1.0,
        }
    }
}

/// A distance and how it came about.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Distance {
    /// The distance (never NaN).
    pub value: f64,
    /// The Pearson correlation of the canonical rewards (EPIC, DARD, Pearson), `None` when a
    /// side is trivial or for STARC.
    pub rho: Option<f64>,
    /// Whether the canonical reward of the first / second reward is trivial (zero).
    pub trivial: [bool; 2],
}

/// Computes `metric` between rewards `a` and `b` on `mdp`.
pub fn distance(
    metric: Metric,
    a: &Reward,
    b: &Reward,
    mdp: &Mdp,
    opts: &Options,
) -> Result<Distance> {
    a.check_fits(mdp, "first reward")?;
    b.check_fits(mdp, "second reward")?;
    let (n_s, n_a) = (mdp.n_states(), mdp.n_actions());
    let ds = dist_or_uniform(opts.state_dist.as_deref(), n_s, "state_dist")?;
    let da = dist_or_uniform(opts.action_dist.as_deref(), n_a, "action_dist")?;
    if let Coverage::Weights(w) = &opts.coverage {
        check_weights(w, n_s * n_a * n_s)?;
    }
    let g = mdp.gamma();
    // The magnitudes the degenerate-case tolerances are relative to: two passes over the
    // rewards, so only for the paths that need them (not the one-pass expansion).
    let scales = || [a.max_abs(), b.max_abs()];
    // The one-pass expansion (see `gram.rs`) for dense R(s,a,s') rewards under the
    // reference choices: uniform D_A, uniform coverage, L2 normalisation and metric.
    let uniform_actions = da.iter().all(|&p| p == da[0]);
    let gram = || {
        uniform_actions
            .then(|| crate::gram::EpicGram::new(a, b, g, &ds))
            .flatten()
    };
    match metric {
        Metric::Epic if opts.coverage == Coverage::Uniform => {
            if let Some(rho) = gram().and_then(|gr| gr.rho()) {
                return Ok(Distance {
                    value: ((1.0 - rho) / 2.0).max(0.0).sqrt(),
                    rho: Some(rho),
                    trivial: [false, false],
                });
            }
            let (ca, cb) = (EpicRows::new(a, g, &ds, &da), EpicRows::new(b, g, &ds, &da));
            pearson_rows(&ca, &cb, scales(), mdp, &opts.coverage, &ds, &da)
        }
        Metric::StarcEpic
            if opts.norm == Norm::L2
                && opts.metric == Norm::L2
                && opts.scale.is_finite()
                && opts.scale > 0.0 =>
        {
            if let Some(d) = gram().and_then(|gr| gr.starc_l2()) {
                return Ok(Distance {
                    value: opts.scale * d,
                    rho: None,
                    trivial: [false, false],
                });
            }
            let (ca, cb) = (EpicRows::new(a, g, &ds, &da), EpicRows::new(b, g, &ds, &da));
            starc_rows(&ca, &cb, scales(), mdp, opts)
        }
        Metric::Epic => {
            let (ca, cb) = (EpicRows::new(a, g, &ds, &da), EpicRows::new(b, g, &ds, &da));
            pearson_rows(&ca, &cb, scales(), mdp, &opts.coverage, &ds, &da)
        }
        Metric::Dard => {
            let (ca, cb) = (DardRows::new(a, mdp, &da), DardRows::new(b, mdp, &da));
            pearson_rows(&ca, &cb, scales(), mdp, &opts.coverage, &ds, &da)
        }
        Metric::Pearson => pearson_rows(
            &RawRows(a),
            &RawRows(b),
            scales(),
            mdp,
            &opts.coverage,
            &ds,
            &da,
        ),
        Metric::StarcEpic => {
            let (ca, cb) = (EpicRows::new(a, g, &ds, &da), EpicRows::new(b, g, &ds, &da));
            starc_rows(&ca, &cb, scales(), mdp, opts)
        }
        Metric::StarcDard => {
            let (ca, cb) = (DardRows::new(a, mdp, &da), DardRows::new(b, mdp, &da));
            starc_rows(&ca, &cb, scales(), mdp, opts)
        }
        Metric::StarcVal => {
            let uniform;
            let pi = match &opts.policy {
                Some(p) => p,
                None => {
                    uniform = Policy::uniform(n_s, n_a);
                    &uniform
                }
            };
            let (rows, maxes) = val_rows(&[a, b], mdp, pi)?;
            let [ca, cb]: [ValRows; 2] = rows
                .try_into()
                .map_err(|_| Error::Solve("VAL: expected two canonical rewards".into()))?;
            starc_rows(&ca, &cb, [maxes[0], maxes[1]], mdp, opts)
        }
    }
}

/// The pairwise distance matrix of `rewards` (symmetric, zero diagonal).
pub fn distance_matrix(
    metric: Metric,
    rewards: &[&Reward],
    mdp: &Mdp,
    opts: &Options,
) -> Result<Vec<Vec<f64>>> {
    let n = rewards.len();
    let mut out = vec![vec![0.0; n]; n];
    for i in 0..n {
        for j in i + 1..n {
            let d = distance(metric, rewards[i], rewards[j], mdp, opts)?.value;
            out[i][j] = d;
            out[j][i] = d;
        }
    }
    Ok(out)
}

fn dist_or_uniform(d: Option<&[f64]>, n: usize, what: &str) -> Result<Vec<f64>> {
    match d {
        Some(d) => {
            check_distribution(d, n, what)?;
            Ok(d.to_vec())
        }
        None => Ok(vec![1.0 / n as f64; n]),
    }
}

fn check_weights(w: &[f64], n: usize) -> Result<()> {
    if w.len() != n {
        return Err(Error::shape(
            "coverage",
            format!("{} weights, expected {n} (S·A·S)", w.len()),
        ));
    }
    if let Some(i) = w.iter().position(|v| !v.is_finite() || *v < 0.0) {
        return Err(Error::shape(
            "coverage",
            format!("weight {i} is {} (must be finite and >= 0)", w[i]),
        ));
    }
    if !(w.iter().sum::<f64>() > 0.0) {
        return Err(Error::shape("coverage", "the weights sum to 0"));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Canonical rewards, row by row (computed on the fly: no S·A·S copy for large MDPs).

/// A (canonical) reward that can write its row `(s, a, ·)`.
trait Rows: Sync {
    fn row(&self, s: usize, a: usize, out: &mut [f64]);
    /// `Some(v)` when the row `(s, a, ·)` is the constant `v` (a shortcut; `row` still works).
    fn constant(&self, _s: usize, _a: usize) -> Option<f64> {
        None
    }
}

struct RawRows<'a>(&'a Reward);

impl Rows for RawRows<'_> {
    fn row(&self, s: usize, a: usize, out: &mut [f64]) {
        self.0.row_into(s, a, out);
    }
    fn constant(&self, s: usize, a: usize) -> Option<f64> {
        match self.0.kind() {
            crate::RewardKind::Transition => None,
            _ => Some(self.0.get(s, a, 0)),
        }
    }
}

struct EpicRows<'a> {
    r: &'a Reward,
    m: Vec<f64>,
    shift: Vec<f64>, // −m(s) − γμ
    g: f64,
}

impl<'a> EpicRows<'a> {
    fn new(r: &'a Reward, g: f64, ds: &[f64], da: &[f64]) -> Self {
        let n_a = r.n_actions();
        let m: Vec<f64> = (0..r.n_states())
            .into_par_iter()
            .map_init(
                || vec![0.0; r.n_states()],
                |buf, s| {
                    (0..n_a)
                        .map(|a| {
                            let row = match r.row_slice(s, a) {
                                Some(row) => row,
                                None => {
                                    r.row_into(s, a, buf);
                                    &buf[..]
                                }
                            };
                            da[a] * crate::linalg::lane_dot(row, ds)
                        })
                        .sum()
                },
            )
            .collect();
        let mu: f64 = m.iter().zip(ds).map(|(v, d)| v * d).sum();
        let shift = m.iter().map(|ms| -ms - g * mu).collect();
        EpicRows { r, m, shift, g }
    }
}

impl Rows for EpicRows<'_> {
    fn row(&self, s: usize, a: usize, out: &mut [f64]) {
        self.r.row_into(s, a, out);
        let (g, k) = (self.g, self.shift[s]);
        for (o, m) in out.iter_mut().zip(&self.m) {
            *o += g * m + k;
        }
    }
}

struct DardRows<'a> {
    r: &'a Reward,
    m: Vec<f64>,
    t3: Vec<f64>, // S × S
    g: f64,
}

impl<'a> DardRows<'a> {
    fn new(r: &'a Reward, mdp: &Mdp, da: &[f64]) -> Self {
        let (n_s, n_a) = (mdp.n_states(), mdp.n_actions());
        let rbar = r.expected(mdp);
        let m: Vec<f64> = (0..n_s)
            .map(|s| (0..n_a).map(|a| da[a] * rbar[s * n_a + a]).sum())
            .collect();
        let mut t3 = vec![0.0; n_s * n_s];
        for a in 0..n_a {
            if da[a] == 0.0 {
                continue;
            }
            // W[s][y] = Σ_x T(s,a,x) R(x,a,y)
            let mut w = vec![0.0; n_s * n_s];
            w.par_chunks_mut(n_s).enumerate().for_each_init(
                || vec![0.0; n_s],
                |buf, (s, ws)| {
                    let (idx, p) = mdp.row(s, a);
                    for (&x, &q) in idx.iter().zip(p) {
                        r.row_into(x as usize, a, buf);
                        for (wv, rv) in ws.iter_mut().zip(buf.iter()) {
                            *wv += q * rv;
                        }
                    }
                },
            );
            // t3[s][s'] += D_A(a) Σ_y W[s][y] T(s',a,y)
            t3.par_chunks_mut(n_s).enumerate().for_each(|(s, ts)| {
                let ws = &w[s * n_s..(s + 1) * n_s];
                for (s2, t) in ts.iter_mut().enumerate() {
                    let (idx, p) = mdp.row(s2, a);
                    let v: f64 = idx.iter().zip(p).map(|(&y, &q)| q * ws[y as usize]).sum();
                    *t += da[a] * v;
                }
            });
        }
        DardRows {
            r,
            m,
            t3,
            g: mdp.gamma(),
        }
    }
}

impl Rows for DardRows<'_> {
    fn row(&self, s: usize, a: usize, out: &mut [f64]) {
        self.r.row_into(s, a, out);
        let n_s = self.m.len();
        let (g, ms) = (self.g, self.m[s]);
        let t3 = &self.t3[s * n_s..(s + 1) * n_s];
        for ((o, m), t) in out.iter_mut().zip(&self.m).zip(t3) {
            *o += g * m - ms - g * t;
        }
    }
}

struct ValRows {
    n_a: usize,
    c: Vec<f64>, // per (s, a)
}

impl Rows for ValRows {
    fn row(&self, s: usize, a: usize, out: &mut [f64]) {
        out.fill(self.c[s * self.n_a + a]);
    }
    fn constant(&self, s: usize, a: usize) -> Option<f64> {
        Some(self.c[s * self.n_a + a])
    }
}

/// The VAL canonical rewards of `rewards`, and each reward's max|R| (read in the same pass
/// over the rewards as their expected values).
fn val_rows(rewards: &[&Reward], mdp: &Mdp, pi: &Policy) -> Result<(Vec<ValRows>, Vec<f64>)> {
    use crate::linalg::solve_discounted;
    use crate::planning::{policy_matrix_with, policy_reward};
    pi.check_fits(mdp)?;
    let n_a = mdp.n_actions();
    let (n_s, g) = (mdp.n_states(), mdp.gamma());
    // One pass over T for P^π and, per row, (r̄(s, a), max |R(s, a, ·)|) of each reward (T is
    // the largest array).
    let (p, per_row) = policy_matrix_with(mdp, pi, |s, a, (idx, p)| {
        rewards
            .iter()
            .map(|rw| match rw.row_slice(s, a) {
                Some(row) => (
                    crate::linalg::row_dot(idx, p, row),
                    crate::linalg::max_abs(row),
                ),
                // R(s, a) or R(s): the row is one value, its own expectation.
                None => {
                    let c = rw.get(s, a, 0);
                    (c, c.abs())
                }
            })
            .collect::<Vec<_>>()
    });
    let rbar: Vec<Vec<f64>> = (0..rewards.len())
        .map(|k| per_row.iter().map(|v| v[k].0).collect())
        .collect();
    let maxes: Vec<f64> = (0..rewards.len())
        .map(|k| per_row.iter().map(|v| v[k].1).fold(0.0, f64::max))
        .collect();
    let rhs: Vec<Vec<f64>> = rbar.iter().map(|r| policy_reward(r, pi)).collect();
    let vs = solve_discounted(&p, g, &rhs, false)?;
    // One pass over T for the Q-values of all rewards: c(s,a) = r̄ + γ E_T[V] − V(s).
    let c_rows: Vec<Vec<f64>> = (0..n_s * n_a)
        .into_par_iter()
        .with_min_len(64)
        .map(|r| {
            let (idx, p) = mdp.row(r / n_a, r % n_a);
            rbar.iter()
                .zip(&vs)
                .map(|(rb, v)| rb[r] + g * crate::linalg::row_dot(idx, p, v) - v[r / n_a])
                .collect()
        })
        .collect();
    let rows = (0..rewards.len())
        .map(|k| ValRows {
            n_a,
            c: c_rows.iter().map(|v| v[k]).collect(),
        })
        .collect();
    Ok((rows, maxes))
}

fn materialise(rows: &dyn Rows, n_s: usize, n_a: usize) -> Result<Reward> {
    let mut data = vec![0.0; n_s * n_a * n_s];
    data.par_chunks_mut(n_s)
        .enumerate()
        .for_each(|(r, out)| rows.row(r / n_a, r % n_a, out));
    Reward::transition(n_s, n_a, data)
}

/// The EPIC canonical reward `C(R)` (`D_S`, `D_A` uniform when `None`).
pub fn epic_canonical(
    r: &Reward,
    gamma: f64,
    state_dist: Option<&[f64]>,
    action_dist: Option<&[f64]>,
) -> Result<Reward> {
    let ds = dist_or_uniform(state_dist, r.n_states(), "state_dist")?;
    let da = dist_or_uniform(action_dist, r.n_actions(), "action_dist")?;
    materialise(
        &EpicRows::new(r, gamma, &ds, &da),
        r.n_states(),
        r.n_actions(),
    )
}

/// The DARD canonical reward `C_T(R)` (`D_A` uniform when `None`).
pub fn dard_canonical(r: &Reward, mdp: &Mdp, action_dist: Option<&[f64]>) -> Result<Reward> {
    r.check_fits(mdp, "reward")?;
    let da = dist_or_uniform(action_dist, r.n_actions(), "action_dist")?;
    materialise(&DardRows::new(r, mdp, &da), r.n_states(), r.n_actions())
}

/// STARC's value-adjusted levelling `c(s,a) = E_{S'~T(s,a)}[R(s,a,S') + γV^π(S')] − V^π(s)`,
/// with `V^π` the value of `R` itself under `pi` (uniform when `None`). It does not depend on
/// `s'`, so it is returned as an `R(s, a)`.
pub fn val_canonical(r: &Reward, mdp: &Mdp, pi: Option<&Policy>) -> Result<Reward> {
    r.check_fits(mdp, "reward")?;
    let uniform = Policy::uniform(mdp.n_states(), mdp.n_actions());
    let (rows, _) = val_rows(&[r], mdp, pi.unwrap_or(&uniform))?;
    Reward::state_action(mdp.n_states(), mdp.n_actions(), rows[0].c.clone())
}

// ---------------------------------------------------------------------------------------------
// Reductions over all S·A·S entries, in parallel over states. Each state's A·S entries are
// reduced in cache; the per-state partial results are combined in state order, so results do
// not depend on the number of threads.

/// A row: its values, or a constant over all `S` next states.
#[derive(Clone, Copy)]
enum Row<'a> {
    Full(&'a [f64]),
    Const(f64),
}

/// Sums `|x|`, `x²` and the maximum of `|x|` in four lanes (so that the adds pipeline).
fn lane_stats(x: &[f64]) -> (f64, f64, f64) {
    let (mut l1, mut l2, mut mx) = ([0.0f64; 4], [0.0f64; 4], [0.0f64; 4]);
    let chunks = x.chunks_exact(4);
    let rest = chunks.remainder();
    for c in chunks {
        for k in 0..4 {
            let v = c[k].abs();
            l1[k] += v;
            l2[k] += v * v;
            mx[k] = mx[k].max(v);
        }
    }
    let (mut a, mut b, mut m) = (
        l1[0] + l1[1] + l1[2] + l1[3],
        l2[0] + l2[1] + l2[2] + l2[3],
        mx[0].max(mx[1]).max(mx[2]).max(mx[3]),
    );
    for v in rest {
        a += v.abs();
        b += v * v;
        m = m.max(v.abs());
    }
    (a, b, m)
}

/// `[Σ|x|, Σx², max|x|, Σ|y|, Σy², max|y|, Σxy]` in one loop of four lanes.
fn fused_stats(x: &[f64], y: &[f64]) -> [f64; 7] {
    let mut acc = [[0.0f64; 4]; 7];
    let (cx, cy) = (x.chunks_exact(4), y.chunks_exact(4));
    let (rx, ry) = (cx.remainder(), cy.remainder());
    for (a, b) in cx.zip(cy) {
        for k in 0..4 {
            let (u, v) = (a[k], b[k]);
            let (au, av) = (u.abs(), v.abs());
            acc[0][k] += au;
            acc[1][k] += u * u;
            acc[2][k] = acc[2][k].max(au);
            acc[3][k] += av;
            acc[4][k] += v * v;
            acc[5][k] = acc[5][k].max(av);
            acc[6][k] += u * v;
        }
    }
    let mut out = [0.0f64; 7];
    for (i, lanes) in acc.iter().enumerate() {
        out[i] = if i == 2 || i == 5 {
            lanes.iter().copied().fold(0.0, f64::max)
        } else {
            lanes.iter().sum()
        };
    }
    for (&u, &v) in rx.iter().zip(ry) {
        out[0] += u.abs();
        out[1] += u * u;
        out[2] = out[2].max(u.abs());
        out[3] += v.abs();
        out[4] += v * v;
        out[5] = out[5].max(v.abs());
        out[6] += u * v;
    }
    out
}

/// The partial of `norm` over one row (sums for L1/L2, maxima for L∞; see [`finish`]).
fn row_norm(norm: Norm, row: Row<'_>, n_s: usize, t: (&[u32], &[f64])) -> f64 {
    match (norm, row) {
        (Norm::None, _) => 0.0,
        (Norm::L1, Row::Const(v)) => n_s as f64 * v.abs(),
        (Norm::L2, Row::Const(v)) => n_s as f64 * v * v,
        (Norm::LInf, Row::Const(v)) => v.abs(),
        (Norm::L1, Row::Full(x)) => lane_stats(x).0,
        (Norm::L2, Row::Full(x)) => lane_stats(x).1,
        (Norm::LInf, Row::Full(x)) => lane_stats(x).2,
        (Norm::WeightedL1 | Norm::WeightedL2 | Norm::WeightedLInf, row) => {
            let mut acc = 0.0f64;
            for (&i, &q) in t.0.iter().zip(t.1) {
                let v = match row {
                    Row::Full(x) => x[i as usize].abs(),
                    Row::Const(c) => c.abs(),
                };
                match norm {
                    Norm::WeightedL1 => acc += q * v,
                    Norm::WeightedL2 => acc += q * v * v,
                    _ => acc = acc.max(q * v),
                }
            }
            acc
        }
    }
}

/// Combines row partials of one norm.
fn combine(norm: Norm, a: f64, b: f64) -> f64 {
    match norm {
        Norm::LInf | Norm::WeightedLInf => a.max(b),
        _ => a + b,
    }
}

/// The norm from the combined partials.
fn finish(norm: Norm, acc: f64) -> f64 {
    match norm {
        Norm::L2 | Norm::WeightedL2 => acc.sqrt(),
        Norm::None => 1.0,
        _ => acc,
    }
}

/// `Σ x·y` over a row pair (weighted by T for the weighted L2).
fn row_cross(weighted: bool, x: Row<'_>, y: Row<'_>, n_s: usize, t: (&[u32], &[f64])) -> f64 {
    match (weighted, x, y) {
        (false, Row::Const(u), Row::Const(v)) => n_s as f64 * u * v,
        (false, Row::Full(x), Row::Full(y)) => lane_dot(x, y),
        (true, x, y) => {
            let at = |r: Row<'_>, i: usize| match r {
                Row::Full(v) => v[i],
                Row::Const(c) => c,
            };
            t.0.iter()
                .zip(t.1)
                .map(|(&i, &q)| q * at(x, i as usize) * at(y, i as usize))
                .sum()
        }
        (false, Row::Full(x), Row::Const(v)) | (false, Row::Const(v), Row::Full(x)) => {
            v * x.iter().sum::<f64>()
        }
    }
}

/// Runs `f(s, a, row_a, row_b)` over every row pair, in parallel over states, and combines
/// the per-state results in state order with `merge`.
fn over_rows<T: Send>(
    ca: &dyn Rows,
    cb: &dyn Rows,
    mdp: &Mdp,
    zero: impl Fn() -> T + Sync,
    f: impl Fn(&mut T, usize, usize, Row<'_>, Row<'_>) + Sync,
    merge: impl Fn(T, T) -> T,
) -> T {
    let (n_s, n_a) = (mdp.n_states(), mdp.n_actions());
    let parts: Vec<T> = (0..n_s)
        .into_par_iter()
        .map_init(
            || (vec![0.0; n_s], vec![0.0; n_s]),
            |(x, y), s| {
                let mut acc = zero();
                for a in 0..n_a {
                    match (ca.constant(s, a), cb.constant(s, a)) {
                        (Some(u), Some(v)) => f(&mut acc, s, a, Row::Const(u), Row::Const(v)),
                        _ => {
                            ca.row(s, a, x);
                            cb.row(s, a, y);
                            f(&mut acc, s, a, Row::Full(x), Row::Full(y));
                        }
                    }
                }
                acc
            },
        )
        .collect();
    let mut it = parts.into_iter();
    let first = it.next().unwrap_or_else(zero);
    it.fold(first, merge)
}

/// The norm of the all-ones reward (the scale a norm's tolerance is relative to).
fn norm_of_ones(norm: Norm, mdp: &Mdp) -> f64 {
    let (n_s, n_a) = (mdp.n_states() as f64, mdp.n_actions() as f64);
    match norm {
        Norm::L1 => n_s * n_a * n_s,
        Norm::L2 => (n_s * n_a * n_s).sqrt(),
        Norm::LInf | Norm::None => 1.0,
        Norm::WeightedL1 => n_s * n_a,
        Norm::WeightedL2 => (n_s * n_a).sqrt(),
        Norm::WeightedLInf => 1.0,
    }
}

fn starc_rows(
    ca: &dyn Rows,
    cb: &dyn Rows,
    scales: [f64; 2],
    mdp: &Mdp,
    opts: &Options,
) -> Result<Distance> {
    if opts.metric == Norm::None {
        return Err(Error::param(
            "metric",
            "STARC needs a metric (a norm other than none)",
        ));
    }
    if !(opts.scale.is_finite() && opts.scale > 0.0) {
        return Err(Error::param(
            "scale",
            format!("must be > 0, got {}", opts.scale),
        ));
    }
    let n_s = mdp.n_states();
    let (norm, metric) = (opts.norm, opts.metric);
    let l2_metric = matches!(metric, Norm::L2 | Norm::WeightedL2);
    let weighted_metric = metric == Norm::WeightedL2;
    // The fused kernel covers an unweighted normalisation with the unweighted L2 metric:
    // `fast` is the index of the normalisation's partial in `fused_stats`.
    let fast = match (norm, metric) {
        (Norm::L1, Norm::L2) => Some(0),
        (Norm::L2, Norm::L2) => Some(1),
        (Norm::LInf, Norm::L2) => Some(2),
        _ => None,
    };
    // One pass: max|c| and n(c) of both, and the Gram sums of the metric when it is an L2.
    // acc = [max_a, max_b, n_a, n_b, Σa², Σb², Σab] (sums in the metric's weighting).
    let acc = over_rows(
        ca,
        cb,
        mdp,
        || [0.0f64; 7],
        |acc, s, a, x, y| {
            let t = mdp.row(s, a);
            if let (Some(f), Row::Full(x), Row::Full(y)) = (fast, x, y) {
                // One loop over the pair: max|x|, max|y|, n(x), n(y), Σx², Σy², Σxy.
                let st = fused_stats(x, y);
                acc[0] = acc[0].max(st[2]);
                acc[1] = acc[1].max(st[5]);
                acc[2] = combine(norm, acc[2], st[f]);
                acc[3] = combine(norm, acc[3], st[3 + f]);
                acc[4] += st[1];
                acc[5] += st[4];
                acc[6] += st[6];
                return;
            }
            acc[0] = acc[0].max(row_norm(Norm::LInf, x, n_s, t));
            acc[1] = acc[1].max(row_norm(Norm::LInf, y, n_s, t));
            acc[2] = combine(norm, acc[2], row_norm(norm, x, n_s, t));
            acc[3] = combine(norm, acc[3], row_norm(norm, y, n_s, t));
            if l2_metric {
                acc[4] += row_cross(weighted_metric, x, x, n_s, t);
                acc[5] += row_cross(weighted_metric, y, y, n_s, t);
                acc[6] += row_cross(weighted_metric, x, y, n_s, t);
            }
        },
        |mut p, q| {
            p[0] = p[0].max(q[0]);
            p[1] = p[1].max(q[1]);
            p[2] = combine(norm, p[2], q[2]);
            p[3] = combine(norm, p[3], q[3]);
            for i in 4..7 {
                p[i] += q[i];
            }
            p
        },
    );
    let ones = norm_of_ones(norm, mdp);
    let mut k = [0.0; 2];
    let mut trivial = [false; 2];
    for i in 0..2 {
        let (max, n) = (acc[i], finish(norm, acc[2 + i]));
        if max <= TRIVIAL_TOLERANCE * scales[i] || max == 0.0 {
            trivial[i] = true;
        } else if n <= TRIVIAL_TOLERANCE * scales[i] * ones || n == 0.0 {
            // Only a weighted (semi)norm can vanish on a non-zero c: c is zero wherever the
            // MDP can go. Scale it by 0 (evaluating-rewards' rule) rather than keep it as is,
            // so that the distance stays invariant to positive scaling.
            trivial[i] = true;
        } else {
            k[i] = 1.0 / n;
        }
    }
    let value = if trivial == [true, true] {
        0.0
    } else {
        // With an L2 metric, ‖k_a a − k_b b‖² from the Gram sums; when that is small the
        // subtraction loses digits, so the difference is summed directly instead.
        let gram = l2_metric.then(|| {
            (k[0] * k[0] * acc[4] + k[1] * k[1] * acc[5] - 2.0 * k[0] * k[1] * acc[6]).max(0.0)
        });
        let big = k[0] * k[0] * acc[4] + k[1] * k[1] * acc[5];
        match gram {
            Some(d2) if d2 > 1e-4 * big => d2.sqrt(),
            _ => {
                let (ka, kb) = (k[0], k[1]);
                let part = over_rows(
                    ca,
                    cb,
                    mdp,
                    || (0.0f64, Vec::new()),
                    |acc, s, a, x, y| {
                        let t = mdp.row(s, a);
                        let v = match (x, y) {
                            (Row::Const(u), Row::Const(v)) => {
                                row_norm(metric, Row::Const(ka * u - kb * v), n_s, t)
                            }
                            (Row::Full(u), Row::Full(v)) => {
                                acc.1.clear();
                                acc.1.extend(u.iter().zip(v).map(|(u, v)| ka * u - kb * v));
                                row_norm(metric, Row::Full(&acc.1), n_s, t)
                            }
                            // `over_rows` never pairs a constant row with a full one.
                            _ => 0.0,
                        };
                        acc.0 = combine(metric, acc.0, v);
                    },
                    |p, q| (combine(metric, p.0, q.0), p.1),
                );
                finish(metric, part.0)
            }
        }
    };
    Ok(Distance {
        value: opts.scale * value,
        rho: None,
        trivial,
    })
}

/// Weighted count, means and centred second moments of a row pair, merged across states with
/// Chan, Golub and LeVeque's pairwise update (stable in one pass over memory).
#[derive(Clone, Copy, Default)]
struct Moments {
    w: f64,
    ma: f64,
    mb: f64,
    saa: f64,
    sbb: f64,
    sab: f64,
}

impl Moments {
    fn merge(self, o: Moments) -> Moments {
        if o.w == 0.0 {
            return self;
        }
        if self.w == 0.0 {
            return o;
        }
        let w = self.w + o.w;
        let (da, db) = (o.ma - self.ma, o.mb - self.mb);
        let f = self.w * o.w / w;
        Moments {
            w,
            ma: self.ma + da * o.w / w,
            mb: self.mb + db * o.w / w,
            saa: self.saa + o.saa + da * da * f,
            sbb: self.sbb + o.sbb + db * db * f,
            sab: self.sab + o.sab + da * db * f,
        }
    }

    /// Moments of one row pair (two passes over the row, which is in cache).
    fn of_row(x: Row<'_>, y: Row<'_>, n_s: usize, weights: RowWeights<'_>) -> Moments {
        let at = |r: Row<'_>, i: usize| match r {
            Row::Full(v) => v[i],
            Row::Const(c) => c,
        };
        match weights {
            RowWeights::Uniform => match (x, y) {
                (Row::Const(u), Row::Const(v)) => Moments {
                    w: n_s as f64,
                    ma: u,
                    mb: v,
                    ..Moments::default()
                },
                _ => {
                    let full = |r: Row<'_>| -> Vec<f64> {
                        match r {
                            Row::Full(v) => v.to_vec(),
                            Row::Const(c) => vec![c; n_s],
                        }
                    };
                    let (xv, yv);
                    let (xs, ys): (&[f64], &[f64]) = match (x, y) {
                        (Row::Full(a), Row::Full(b)) => (a, b),
                        _ => {
                            xv = full(x);
                            yv = full(y);
                            (&xv, &yv)
                        }
                    };
                    let n = n_s as f64;
                    let ma = lane_sum(xs) / n;
                    let mb = lane_sum(ys) / n;
                    let (mut saa, mut sbb, mut sab) = ([0.0f64; 4], [0.0f64; 4], [0.0f64; 4]);
                    let (cx, cy) = (xs.chunks_exact(4), ys.chunks_exact(4));
                    let (rx, ry) = (cx.remainder(), cy.remainder());
                    for (a, b) in cx.zip(cy) {
                        for k in 0..4 {
                            let (u, v) = (a[k] - ma, b[k] - mb);
                            saa[k] += u * u;
                            sbb[k] += v * v;
                            sab[k] += u * v;
                        }
                    }
                    let (mut m2a, mut m2b, mut cab) = (
                        saa.iter().sum::<f64>(),
                        sbb.iter().sum::<f64>(),
                        sab.iter().sum::<f64>(),
                    );
                    for (a, b) in rx.iter().zip(ry) {
                        let (u, v) = (a - ma, b - mb);
                        m2a += u * u;
                        m2b += v * v;
                        cab += u * v;
                    }
                    Moments {
                        w: n,
                        ma,
                        mb,
                        saa: m2a,
                        sbb: m2b,
                        sab: cab,
                    }
                }
            },
            RowWeights::Sparse(k, idx, p) => {
                let w: f64 = p.iter().map(|q| k * q).sum();
                if w == 0.0 {
                    return Moments::default();
                }
                let ma = idx
                    .iter()
                    .zip(p)
                    .map(|(&i, &q)| k * q * at(x, i as usize))
                    .sum::<f64>()
                    / w;
                let mb = idx
                    .iter()
                    .zip(p)
                    .map(|(&i, &q)| k * q * at(y, i as usize))
                    .sum::<f64>()
                    / w;
                let mut m = Moments {
                    w,
                    ma,
                    mb,
                    ..Moments::default()
                };
                for (&i, &q) in idx.iter().zip(p) {
                    let (u, v) = (at(x, i as usize) - ma, at(y, i as usize) - mb);
                    m.saa += k * q * u * u;
                    m.sbb += k * q * v * v;
                    m.sab += k * q * u * v;
                }
                m
            }
            RowWeights::Dense(wt) => {
                let w: f64 = wt.iter().sum();
                if w == 0.0 {
                    return Moments::default();
                }
                let ma = (0..n_s).map(|i| wt[i] * at(x, i)).sum::<f64>() / w;
                let mb = (0..n_s).map(|i| wt[i] * at(y, i)).sum::<f64>() / w;
                let mut m = Moments {
                    w,
                    ma,
                    mb,
                    ..Moments::default()
                };
                for (i, &q) in wt.iter().enumerate() {
                    let (u, v) = (at(x, i) - ma, at(y, i) - mb);
                    m.saa += q * u * u;
                    m.sbb += q * v * v;
                    m.sab += q * u * v;
                }
                m
            }
        }
    }
}

/// The coverage weights of one row.
#[derive(Clone, Copy)]
enum RowWeights<'a> {
    Uniform,
    /// `k · T(s, a, ·)` on the row's successors.
    Sparse(f64, &'a [u32], &'a [f64]),
    Dense(&'a [f64]),
}

#[allow(clippy::too_many_arguments)]
fn pearson_rows(
    ca: &dyn Rows,
    cb: &dyn Rows,
    scales: [f64; 2],
    mdp: &Mdp,
    coverage: &Coverage,
    ds: &[f64],
    da: &[f64],
) -> Result<Distance> {
    let (n_s, n_a) = (mdp.n_states(), mdp.n_actions());
    let m = over_rows(
        ca,
        cb,
        mdp,
        Moments::default,
        |acc, s, a, x, y| {
            let weights = match coverage {
                Coverage::Uniform => RowWeights::Uniform,
                Coverage::Transitions => {
                    let (idx, p) = mdp.row(s, a);
                    RowWeights::Sparse(ds[s] * da[a], idx, p)
                }
                Coverage::Weights(w) => {
                    let base = (s * n_a + a) * n_s;
                    RowWeights::Dense(&w[base..base + n_s])
                }
            };
            *acc = acc.merge(Moments::of_row(x, y, n_s, weights));
        },
        Moments::merge,
    );
    if !(m.w > 0.0) {
        return Err(Error::shape(
            "coverage",
            "gives no weight to any transition",
        ));
    }
    Ok(pearson_from_moments(
        m.saa / m.w,
        m.sbb / m.w,
        m.sab / m.w,
        scales,
    ))
}

/// The Pearson distance from variances and covariance, with the trivial-side convention of
/// the module docs. `scales` are the magnitudes the standard deviations are compared with.
fn pearson_from_moments(va: f64, vb: f64, cov: f64, scales: [f64; 2]) -> Distance {
    let trivial = [
        !(va.max(0.0).sqrt() > TRIVIAL_TOLERANCE * scales[0]),
        !(vb.max(0.0).sqrt() > TRIVIAL_TOLERANCE * scales[1]),
    ];
    match trivial {
        [true, true] => Distance {
            value: 0.0,
            rho: None,
            trivial,
        },
        [true, false] | [false, true] => Distance {
            value: 0.5,
            rho: None,
            trivial,
        },
        [false, false] => {
            let rho = (cov / (va.sqrt() * vb.sqrt())).clamp(-1.0, 1.0);
            Distance {
                value: ((1.0 - rho) / 2.0).max(0.0).sqrt(),
                rho: Some(rho),
                trivial,
            }
        }
    }
}

/// The Pearson distance `sqrt((1 − ρ)/2)` of two vectors under optional weights (uniform
/// when `None`), with the trivial-side convention of the module docs (a constant vector is
/// trivial).
pub fn pearson_distance(x: &[f64], y: &[f64], weights: Option<&[f64]>) -> Result<Distance> {
    if x.len() != y.len() || x.is_empty() {
        return Err(Error::shape(
            "pearson",
            format!(
                "vectors of lengths {} and {} (must be equal and non-empty)",
                x.len(),
                y.len()
            ),
        ));
    }
    if let Some(w) = weights {
        check_weights(w, x.len())?;
    }
    let w = |i: usize| weights.map_or(1.0, |w| w[i]);
    let sw: f64 = (0..x.len()).map(w).sum();
    let mx = (0..x.len()).map(|i| w(i) * x[i]).sum::<f64>() / sw;
    let my = (0..x.len()).map(|i| w(i) * y[i]).sum::<f64>() / sw;
    let (mut va, mut vb, mut cov) = (0.0, 0.0, 0.0);
    for i in 0..x.len() {
        let (u, v) = (x[i] - mx, y[i] - my);
        va += w(i) * u * u;
        vb += w(i) * v * v;
        cov += w(i) * u * v;
    }
    let scale = |v: &[f64]| v.iter().fold(0.0f64, |m, a| m.max(a.abs()));
    Ok(pearson_from_moments(
        va / sw,
        vb / sw,
        cov / sw,
        [scale(x), scale(y)],
    ))
}

// ---------------------------------------------------------------------------------------------
// Sample-based EPIC.

/// The parameters of sample-based EPIC, with the defaults of Gleave et al.'s
/// `evaluating-rewards` (`scripts/distances/epic.py`): γ = 0.99, 4096 batch transitions, 4096
/// `(a, s')` pairs for the means, 3 seeds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SampleOptions {
    /// The discount of the canonicalisation.
    pub gamma: f64,
    /// Transitions drawn from the coverage distribution per seed.
    pub n_samples: usize,
    /// `(a, s')` pairs drawn from `D_A × D_S` per seed for the mean rewards.
    pub n_mean_samples: usize,
    /// Independent repetitions.
    pub n_seeds: usize,
    /// The first seed (repetition `i` uses a seed derived from `seed` and `i`).
    pub seed: u64,
}

impl Default for SampleOptions {
    fn default() -> Self {
        SampleOptions {
            gamma: 0.99,
            n_samples: 4096,
            n_mean_samples: 4096,
            n_seeds: 3,
            seed: 0,
        }
    }
}

/// The result of sample-based EPIC: the mean over seeds and its spread.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SampleDistance {
    /// The mean distance over seeds.
    pub mean: f64,
    /// The sample standard deviation over seeds (0 for one seed).
    pub std: f64,
    /// The distance of each seed.
    pub per_seed: Vec<f64>,
}

/// A reward function on arbitrary (e.g. continuous) states and actions, for sample-based EPIC.
pub type RewardFnRef<'a, S, A> = &'a (dyn Fn(&S, &A, &S) -> f64 + Sync);

/// Sample-based EPIC (Gleave et al. 2021, `sample_canon_shaping`) for large or continuous
/// spaces. Per seed: draw `n_samples` transitions `(s, a, s')` with `batch` (the coverage
/// distribution), and `n_mean_samples` pairs `(a_j, s'_j)` with `pair` (`D_A × D_S`); estimate
/// `m̂(o) = mean_j R(o, a_j, s'_j)` for every batch `s` and `s'` and every `s'_j`,
/// `μ̂ = mean_j m̂(s'_j)`, canonicalise each batch transition as
/// `R(s,a,s') + γ m̂(s') − m̂(s) − γ μ̂` and take the Pearson distance over the batch.
pub fn epic_sample<S: Sync + Send, A: Sync + Send>(
    ra: RewardFnRef<'_, S, A>,
    rb: RewardFnRef<'_, S, A>,
    batch: &mut dyn FnMut(&mut Rng) -> (S, A, S),
    pair: &mut dyn FnMut(&mut Rng) -> (A, S),
    opts: &SampleOptions,
) -> Result<SampleDistance> {
    if opts.n_samples < 2 || opts.n_mean_samples < 1 || opts.n_seeds < 1 {
        return Err(Error::param(
            "samples",
            "n_samples >= 2, n_mean_samples >= 1 and n_seeds >= 1 are needed",
        ));
    }
    if !(0.0..=1.0).contains(&opts.gamma) {
        return Err(Error::param(
            "gamma",
            format!("must be in [0, 1], got {}", opts.gamma),
        ));
    }
    let mut per_seed = Vec::with_capacity(opts.n_seeds);
    for i in 0..opts.n_seeds {
        let mut rng = Rng::new(opts.seed ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let trans: Vec<(S, A, S)> = (0..opts.n_samples).map(|_| batch(&mut rng)).collect();
        let pairs: Vec<(A, S)> = (0..opts.n_mean_samples).map(|_| pair(&mut rng)).collect();
        let canon = |r: RewardFnRef<'_, S, A>| -> (Vec<f64>, f64) {
            let mean_over = |o: &S| -> f64 {
                pairs.iter().map(|(a, x)| r(o, a, x)).sum::<f64>() / pairs.len() as f64
            };
            let mu = pairs.par_iter().map(|(_, x)| mean_over(x)).sum::<f64>() / pairs.len() as f64;
            let c: Vec<f64> = trans
                .par_iter()
                .map(|(s, a, x)| {
                    r(s, a, x) + opts.gamma * mean_over(x) - mean_over(s) - opts.gamma * mu
                })
                .collect();
            let scale = trans
                .iter()
                .map(|(s, a, x)| r(s, a, x).abs())
                .fold(0.0, f64::max);
            (c, scale)
        };
        let (ca, sa) = canon(ra);
        let (cb, sb) = canon(rb);
        let mut d = pearson_distance(&ca, &cb, None)?;
        // Re-apply the trivial test against the raw rewards' scale (not the canonical one).
        let var = |c: &[f64]| {
            let m = c.iter().sum::<f64>() / c.len() as f64;
            (c.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / c.len() as f64).sqrt()
        };
        let triv = [
            var(&ca) <= TRIVIAL_TOLERANCE * sa,
            var(&cb) <= TRIVIAL_TOLERANCE * sb,
        ];
        if triv != d.trivial {
            d.value = match triv {
                [true, true] => 0.0,
                [false, false] => d.value,
                _ => 0.5,
            };
        }
        per_seed.push(d.value);
    }
    let n = per_seed.len() as f64;
    let mean = per_seed.iter().sum::<f64>() / n;
    let std = if per_seed.len() > 1 {
        (per_seed
            .iter()
            .map(|v| (v - mean) * (v - mean))
            .sum::<f64>()
            / (n - 1.0))
            .sqrt()
    } else {
        0.0
    };
    Ok(SampleDistance {
        mean,
        std,
        per_seed,
    })
}

/// Sample-based EPIC on a tabular MDP: transitions from the coverage (uniform: `s`, `a`, `s'`
/// uniform; transitions: `s ~ D_S`, `a ~ D_A`, `s' ~ T(s, a)`; weights: drawn by weight),
/// mean pairs from `D_A × D_S` (uniform unless given in `opts`). The discount is the
/// MDP's (the `gamma` of `sample` is ignored).
pub fn epic_sample_tabular(
    a: &Reward,
    b: &Reward,
    mdp: &Mdp,
    opts: &Options,
    sample: &SampleOptions,
) -> Result<SampleDistance> {
    a.check_fits(mdp, "first reward")?;
    b.check_fits(mdp, "second reward")?;
    let (n_s, n_a) = (mdp.n_states(), mdp.n_actions());
    let ds = dist_or_uniform(opts.state_dist.as_deref(), n_s, "state_dist")?;
    let da = dist_or_uniform(opts.action_dist.as_deref(), n_a, "action_dist")?;
    let cum = |d: &[f64]| -> Vec<f64> {
        d.iter()
            .scan(0.0, |acc, v| {
                *acc += v;
                Some(*acc)
            })
            .collect()
    };
    let draw = |c: &[f64], rng: &mut Rng| -> usize {
        let u = rng.uniform() * c[c.len() - 1];
        c.partition_point(|&v| v <= u).min(c.len() - 1)
    };
    let (cs, ca) = (cum(&ds), cum(&da));
    let cw = match &opts.coverage {
        Coverage::Weights(w) => {
            check_weights(w, n_s * n_a * n_s)?;
            Some(cum(w))
        }
        _ => None,
    };
    let coverage = opts.coverage.clone();
    let mut batch = |rng: &mut Rng| -> (usize, usize, usize) {
        match &coverage {
            Coverage::Uniform => (rng.below(n_s), rng.below(n_a), rng.below(n_s)),
            Coverage::Transitions => {
                let s = draw(&cs, rng);
                let a = draw(&ca, rng);
                (s, a, mdp.step(s, a, rng))
            }
            Coverage::Weights(_) => {
                let i = draw(cw.as_deref().unwrap_or(&[1.0]), rng);
                (i / (n_a * n_s), (i / n_s) % n_a, i % n_s)
            }
        }
    };
    let mut pair = |rng: &mut Rng| (draw(&ca, rng), draw(&cs, rng));
    let fa = |s: &usize, act: &usize, x: &usize| a.get(*s, *act, *x);
    let fb = |s: &usize, act: &usize, x: &usize| b.get(*s, *act, *x);
    let so = SampleOptions {
        gamma: mdp.gamma(),
        ..*sample
    };
    epic_sample(&fa, &fb, &mut batch, &mut pair, &so)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{random_mdp, random_reward};
    use crate::RewardKind;

    /// The one-pass expansion (`gram.rs`) against the two-pass row computation, on random
    /// rewards, non-uniform D_S, and odd sizes (the four-lane tails).
    #[test]
    fn the_one_pass_expansion_equals_the_two_pass_computation() {
        for (n_s, n_a, seed) in [(7, 3, 1), (33, 2, 2), (64, 5, 3)] {
            let mdp = random_mdp(n_s, n_a, 0.9, 0.5, seed).unwrap();
            let a = random_reward(n_s, n_a, RewardKind::Transition, seed + 10).unwrap();
            let b = crate::shape(&a, &vec![0.7; n_s], 0.9)
                .unwrap()
                .affine(1.5, 0.2);
            // b is a shaped, scaled a plus noise.
            let noise = random_reward(n_s, n_a, RewardKind::Transition, seed + 20).unwrap();
            let b = Reward::transition(
                n_s,
                n_a,
                b.values()
                    .iter()
                    .zip(noise.values())
                    .map(|(x, e)| x + 0.8 * e)
                    .collect(),
            )
            .unwrap();
            let mut ds: Vec<f64> = (0..n_s).map(|i| 1.0 + (i % 3) as f64).collect();
            let total: f64 = ds.iter().sum();
            ds.iter_mut().for_each(|v| *v /= total);
            let da = vec![1.0 / n_a as f64; n_a];
            let g = mdp.gamma();
            let gram = crate::gram::EpicGram::new(&a, &b, g, &ds).unwrap();
            let (ca, cb) = (
                EpicRows::new(&a, g, &ds, &da),
                EpicRows::new(&b, g, &ds, &da),
            );
            let scales = [a.max_abs(), b.max_abs()];
            let exact = pearson_rows(&ca, &cb, scales, &mdp, &Coverage::Uniform, &ds, &da).unwrap();
            let rho = gram.rho().unwrap();
            assert!(
                (rho - exact.rho.unwrap()).abs() < 1e-12,
                "{rho} vs {exact:?}"
            );
            let exact = starc_rows(&ca, &cb, scales, &mdp, &Options::default()).unwrap();
            let d = gram.starc_l2().unwrap();
            assert!((d - exact.value).abs() < 1e-12, "{d} vs {exact:?}");
        }
    }

    /// Where the expansion would subtract nearly equal numbers it declines, and `distance`
    /// takes the exact path: a shaped copy is at distance ~0, not sqrt(rounding).
    #[test]
    fn the_expansion_declines_near_equal_and_near_trivial_rewards() {
        let (n_s, n_a) = (40, 3);
        let mdp = random_mdp(n_s, n_a, 0.9, 0.0, 5).unwrap();
        let a = random_reward(n_s, n_a, RewardKind::Transition, 6).unwrap();
        let phi: Vec<f64> = (0..n_s).map(|i| (i as f64).sin() * 50.0).collect();
        let b = crate::shape(&a, &phi, 0.9).unwrap().affine(3.0, 0.0);
        let ds = vec![1.0 / n_s as f64; n_s];
        let gram = crate::gram::EpicGram::new(&a, &b, 0.9, &ds).unwrap();
        assert!(gram.rho().is_none() && gram.starc_l2().is_none());
        for metric in [Metric::Epic, Metric::StarcEpic] {
            let d = distance(metric, &a, &b, &mdp, &Options::default()).unwrap();
            assert!(d.value < 1e-7, "{metric:?}: {d:?}");
        }
        // Pure shaping of zero (near-trivial): declined, and reported trivial by the exact path.
        let z = crate::shape(
            &Reward::transition(n_s, n_a, vec![0.0; n_s * n_a * n_s]).unwrap(),
            &phi,
            0.9,
        )
        .unwrap();
        let gram = crate::gram::EpicGram::new(&a, &z, 0.9, &ds).unwrap();
        assert!(gram.rho().is_none());
        let d = distance(Metric::Epic, &a, &z, &mdp, &Options::default()).unwrap();
        assert_eq!((d.value, d.trivial), (0.5, [false, true]));
    }
}
