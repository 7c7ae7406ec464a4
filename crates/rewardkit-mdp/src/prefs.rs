//! Preferences over trajectory segments: the partial-return and regret models of Knox,
//! Hatgis-Kessell, Booth, Niekum, Stone and Allievi, "Models of Human Preference for Learning
//! Reward Functions" (TMLR 2024), synthetic preferences, and fitting a tabular reward.
//!
//! A segment is `σ = (s₀, a₀, s₁, …, s_T)`. Both models are logistic in a score difference,
//! `P(σ₁ ≻ σ₂) = logistic(score(σ₁) − score(σ₂))` (temperature 1, as in the authors' code):
//!
//! - **partial return** (standard RLHF): `score(σ) = Σ_t r(s_t, a_t, s_{t+1})`;
//! - **regret**: `score(σ) = Σ_t A*(s_t, a_t)`, the negated regret `Σ_t (V*(s_t) − Q*(s_t,a_t))`
//!   (the paper's form for stochastic transitions, with `A*` of the discounted MDP). With
//!   deterministic transitions and γ = 1 it is `Σ_t r_t + V*(s_T) − V*(s₀)`
//!   ([`regret_score_deterministic`]). The regret model is invariant to potential shaping of
//!   `r`; the partial-return model is not.
//!
//! [`fit`] learns a tabular `R(s, a)` by maximum likelihood under either model (L2-regularised,
//! Adam). For the regret model the learner's `A*` is that of a soft (Boltzmann, temperature
//! τ) optimal Q, differentiated exactly through the soft Bellman equation; Knox et al.'s
//! learnable model likewise replaces the max by a softmax (temperature 0.001 over
//! successor-feature values).

use crate::error::{Error, Result};
use crate::mdp::Mdp;
use crate::planning::{optimal, Optimal};
use crate::reward::Reward;
use crate::{Random, Rng};

/// `1 / (1 + e^{−z})`, computed without overflow.
pub fn logistic(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

/// `log logistic(z) = −softplus(−z)`, stable for large `|z|`.
pub fn log_logistic(z: f64) -> f64 {
    if z < -30.0 {
        z
    } else {
        -(-z).exp().ln_1p()
    }
}

/// The regret model's score for deterministic transitions (Knox et al., episodic, γ = 1):
/// `partial_return + V*(s_T) − V*(s₀)`, the negated regret of the segment.
pub fn regret_score_deterministic(partial_return: f64, v_start: f64, v_end: f64) -> f64 {
    partial_return + v_end - v_start
}

/// Which model of preference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Model {
    /// `score = Σ r` (partial return).
    PartialReturn,
    /// `score = Σ A*` (negated regret).
    Regret,
}

impl Model {
    /// The model's name.
    pub fn name(self) -> &'static str {
        match self {
            Model::PartialReturn => "partial-return",
            Model::Regret => "regret",
        }
    }
}

/// A trajectory segment: `states.len() == actions.len() + 1`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// `s₀ … s_T`.
    pub states: Vec<usize>,
    /// `a₀ … a_{T−1}`.
    pub actions: Vec<usize>,
}

impl Segment {
    /// `Σ_t R(s_t, a_t, s_{t+1})`.
    pub fn partial_return(&self, r: &Reward) -> f64 {
        self.actions
            .iter()
            .enumerate()
            .map(|(t, &a)| r.get(self.states[t], a, self.states[t + 1]))
            .sum()
    }

    /// `Σ_t adv(s_t, a_t)` for a table `adv` of `S·A` values.
    pub fn advantage_sum(&self, adv: &[f64], n_actions: usize) -> f64 {
        self.actions
            .iter()
            .enumerate()
            .map(|(t, &a)| adv[self.states[t] * n_actions + a])
            .sum()
    }
}

/// One labelled comparison: `label` is the probability (0, ½ or 1 for hard labels) that the
/// first segment is preferred.
#[derive(Debug, Clone, PartialEq)]
pub struct Preference {
    /// The first segment.
    pub first: Segment,
    /// The second segment.
    pub second: Segment,
    /// `P(first ≻ second)` as labelled.
    pub label: f64,
}

/// Scores segments under a model and a true reward.
#[derive(Debug, Clone)]
pub struct Scorer<'a> {
    model: Model,
    reward: &'a Reward,
    n_actions: usize,
    advantage: Vec<f64>,
}

impl<'a> Scorer<'a> {
    /// A scorer; the regret model solves the MDP for `A*` once.
    pub fn new(model: Model, mdp: &Mdp, reward: &'a Reward) -> Result<Self> {
        reward.check_fits(mdp, "reward")?;
        let advantage = match model {
            Model::PartialReturn => Vec::new(),
            Model::Regret => optimal(mdp, reward)?.advantage(),
        };
        Ok(Scorer {
            model,
            reward,
            n_actions: mdp.n_actions(),
            advantage,
        })
    }

    /// The score of a segment.
    pub fn score(&self, seg: &Segment) -> f64 {
        match self.model {
            Model::PartialReturn => seg.partial_return(self.reward),
            Model::Regret => seg.advantage_sum(&self.advantage, self.n_actions),
        }
    }

    /// `P(a ≻ b)`.
    pub fn prob(&self, a: &Segment, b: &Segment) -> f64 {
        logistic(self.score(a) - self.score(b))
    }
}

/// A random segment of `len` steps: a uniform start state, uniform random actions,
/// transitions drawn from the MDP.
pub fn random_segment(mdp: &Mdp, len: usize, rng: &mut Rng) -> Segment {
    let mut s = rng.below(mdp.n_states());
    let mut states = vec![s];
    let mut actions = Vec::with_capacity(len);
    for _ in 0..len {
        let a = rng.below(mdp.n_actions());
        s = mdp.step(s, a, rng);
        actions.push(a);
        states.push(s);
    }
    Segment { states, actions }
}

/// `n` synthetic preferences over random segment pairs of `len` steps, labelled by `model`
/// under the true reward: stochastic labels (a Bernoulli draw of the model's probability,
/// temperature 1) or, with `hard`, 1 for the higher score (½ on a tie).
pub fn synthetic(
    mdp: &Mdp,
    truth: &Reward,
    model: Model,
    n: usize,
    len: usize,
    hard: bool,
    seed: u64,
) -> Result<Vec<Preference>> {
    if len == 0 {
        return Err(Error::param("len", "segments need at least one step"));
    }
    let scorer = Scorer::new(model, mdp, truth)?;
    let mut rng = Rng::new(seed);
    Ok((0..n)
        .map(|_| {
            let first = random_segment(mdp, len, &mut rng);
            let second = random_segment(mdp, len, &mut rng);
            let d = scorer.score(&first) - scorer.score(&second);
            let label = if hard {
                if d > 0.0 {
                    1.0
                } else if d < 0.0 {
                    0.0
                } else {
                    0.5
                }
            } else if rng.uniform() < logistic(d) {
                1.0
            } else {
                0.0
            };
            Preference {
                first,
                second,
                label,
            }
        })
        .collect())
}

/// How to fit a reward to preferences.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FitOptions {
    /// The model the learner assumes.
    pub model: Model,
    /// L2 penalty `λ‖θ‖²` added to the mean negative log-likelihood (default 1e-3).
    pub l2: f64,
    /// Adam steps (default 1500).
    pub iterations: usize,
    /// Adam's step size (default 0.05).
    pub learning_rate: f64,
    /// The soft-max temperature τ of the regret learner's optimal values (default 0.01).
    pub temperature: f64,
}

impl Default for FitOptions {
    fn default() -> Self {
        FitOptions {
            model: Model::PartialReturn,
            l2: 1e-3,
            iterations: 1500,
            learning_rate: 0.05,
            temperature: 0.01,
        }
    }
}

/// A learned reward and its final training loss.
#[derive(Debug, Clone)]
pub struct Fit {
    /// The learned `R(s, a)`.
    pub reward: Reward,
    /// The mean negative log-likelihood of the preferences at the end (without the penalty).
    pub loss: f64,
}

/// Fits a tabular `R(s, a)` to preferences by maximum likelihood under `opts.model`.
pub fn fit(mdp: &Mdp, prefs: &[Preference], opts: &FitOptions) -> Result<Fit> {
    if prefs.is_empty() {
        return Err(Error::param("preferences", "no preferences to fit"));
    }
    if !(opts.temperature > 0.0) {
        return Err(Error::param("temperature", "must be > 0"));
    }
    let (n_s, n_a) = (mdp.n_states(), mdp.n_actions());
    let n = n_s * n_a;
    for (i, p) in prefs.iter().enumerate() {
        for seg in [&p.first, &p.second] {
            if seg.states.len() != seg.actions.len() + 1
                || seg.states.iter().any(|&s| s >= n_s)
                || seg.actions.iter().any(|&a| a >= n_a)
            {
                return Err(Error::shape(
                    format!("preference {i}"),
                    "a segment has states or actions outside the MDP, or states.len() != actions.len() + 1",
                ));
            }
        }
    }
    // Visit-count differences φ(σ₁) − φ(σ₂), sparse.
    let diffs: Vec<Vec<(usize, f64)>> = prefs
        .iter()
        .map(|p| {
            let mut d: Vec<(usize, f64)> = Vec::new();
            for (seg, sign) in [(&p.first, 1.0), (&p.second, -1.0)] {
                for (t, &a) in seg.actions.iter().enumerate() {
                    d.push((seg.states[t] * n_a + a, sign));
                }
            }
            d.sort_by_key(|e| e.0);
            let mut merged: Vec<(usize, f64)> = Vec::new();
            for (i, v) in d {
                match merged.last_mut() {
                    Some(last) if last.0 == i => last.1 += v,
                    _ => merged.push((i, v)),
                }
            }
            merged.retain(|e| e.1 != 0.0);
            merged
        })
        .collect();
    let mut theta = vec![0.0; n];
    let (mut m1, mut m2) = (vec![0.0; n], vec![0.0; n]);
    let (b1, b2, eps) = (0.9, 0.999, 1e-8);
    let mut soft = SoftQ::new(mdp, opts.temperature);
    let mut loss = 0.0;
    for step in 1..=opts.iterations + 1 {
        // The features the scores are linear in: θ itself, or the soft advantage of θ.
        let feat = match opts.model {
            Model::PartialReturn => theta.clone(),
            Model::Regret => soft.advantage(&theta),
        };
        let mut g = vec![0.0; n];
        loss = 0.0;
        for (p, d) in prefs.iter().zip(&diffs) {
            let z: f64 = d.iter().map(|&(i, v)| v * feat[i]).sum();
            loss -= p.label * log_logistic(z) + (1.0 - p.label) * log_logistic(-z);
            let coef = logistic(z) - p.label;
            for &(i, v) in d {
                g[i] += coef * v;
            }
        }
        let count = prefs.len() as f64;
        loss /= count;
        if step > opts.iterations {
            break;
        }
        g.iter_mut().for_each(|v| *v /= count);
        if opts.model == Model::Regret {
            g = soft.backprop(&g);
        }
        for i in 0..n {
            let gi = g[i] + 2.0 * opts.l2 * theta[i];
            m1[i] = b1 * m1[i] + (1.0 - b1) * gi;
            m2[i] = b2 * m2[i] + (1.0 - b2) * gi * gi;
            let mh = m1[i] / (1.0 - b1.powi(step as i32));
            let vh = m2[i] / (1.0 - b2.powi(step as i32));
            theta[i] -= opts.learning_rate * mh / (vh.sqrt() + eps);
        }
    }
    Ok(Fit {
        reward: Reward::state_action(n_s, n_a, theta)?,
        loss,
    })
}

/// The soft optimal Q of a tabular `r(s,a)`: `Q = r + γ T V`, `V(s) = τ log Σ_a e^{Q(s,a)/τ}`,
/// kept between calls as a warm start.
struct SoftQ<'a> {
    mdp: &'a Mdp,
    tau: f64,
    q: Vec<f64>,
    pi: Vec<f64>,
}

impl<'a> SoftQ<'a> {
    fn new(mdp: &'a Mdp, tau: f64) -> Self {
        let n = mdp.n_states() * mdp.n_actions();
        SoftQ {
            mdp,
            tau,
            q: vec![0.0; n],
            pi: vec![0.0; n],
        }
    }

    fn values(&mut self) -> Vec<f64> {
        let n_a = self.mdp.n_actions();
        let tau = self.tau;
        let mut v = Vec::with_capacity(self.mdp.n_states());
        for (qs, ps) in self.q.chunks_exact(n_a).zip(self.pi.chunks_exact_mut(n_a)) {
            let m = qs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let mut z = 0.0;
            for (p, &q) in ps.iter_mut().zip(qs) {
                *p = ((q - m) / tau).exp();
                z += *p;
            }
            ps.iter_mut().for_each(|p| *p /= z);
            v.push(m + tau * z.ln());
        }
        v
    }

    /// The soft advantage `Q − V` of reward `r`.
    fn advantage(&mut self, r: &[f64]) -> Vec<f64> {
        let (n_a, g) = (self.mdp.n_actions(), self.mdp.gamma());
        let scale = 1.0 + r.iter().fold(0.0f64, |m, v| m.max(v.abs())) / (1.0 - g);
        for _ in 0..100_000 {
            let v = self.values();
            let mut delta = 0.0f64;
            for (i, q) in self.q.iter_mut().enumerate() {
                let (idx, p) = self.mdp.row(i / n_a, i % n_a);
                let nq = r[i]
                    + g * idx
                        .iter()
                        .zip(p)
                        .map(|(&x, &pr)| pr * v[x as usize])
                        .sum::<f64>();
                delta = delta.max((nq - *q).abs());
                *q = nq;
            }
            if delta <= 1e-12 * scale {
                break;
            }
        }
        let v = self.values();
        self.q
            .iter()
            .enumerate()
            .map(|(i, q)| q - v[i / n_a])
            .collect()
    }

    /// Given `∂L/∂A` at the last [`SoftQ::advantage`], returns `∂L/∂r`:
    /// `(I − γ T Π)^{-ᵀ} (I − E Π)ᵀ g` with `Π` the soft policy and `E` the state copy.
    fn backprop(&self, g: &[f64]) -> Vec<f64> {
        let (n_s, n_a, gamma) = (self.mdp.n_states(), self.mdp.n_actions(), self.mdp.gamma());
        let mut h = g.to_vec();
        for s in 0..n_s {
            let total: f64 = g[s * n_a..(s + 1) * n_a].iter().sum();
            for a in 0..n_a {
                h[s * n_a + a] -= self.pi[s * n_a + a] * total;
            }
        }
        // z = h + γ Πᵀ Tᵀ z, a contraction.
        let mut z = h.clone();
        let hmax = h.iter().fold(0.0f64, |m, v| m.max(v.abs()));
        for _ in 0..100_000 {
            let mut u = vec![0.0; n_s]; // Tᵀ z
            for (i, zi) in z.iter().enumerate() {
                let (idx, p) = self.mdp.row(i / n_a, i % n_a);
                for (&x, &pr) in idx.iter().zip(p) {
                    u[x as usize] += pr * zi;
                }
            }
            let mut delta = 0.0f64;
            for (i, zi) in z.iter_mut().enumerate() {
                let nz = h[i] + gamma * self.pi[i] * u[i / n_a];
                delta = delta.max((nz - *zi).abs());
                *zi = nz;
            }
            if delta <= 1e-12 * (hmax + 1e-300) {
                break;
            }
        }
        z
    }
}

/// How good a learned reward is: its STARC-VAL distance to the truth (uniform policy, L2)
/// and the regret, under the true reward, of the learned reward's optimal policy.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Assessment {
    /// STARC-VAL (L2, uniform π) between the learned and the true reward, in `[0, 2]`.
    pub starc: f64,
    /// `J(π*) − J(π_learned)` under the true reward, from the MDP's initial distribution.
    pub regret: f64,
    /// The regret divided by `J(π*) − J(uniform)` (0 optimal, 1 as bad as random); 0 when
    /// the random policy is already optimal.
    pub normalised_regret: f64,
}

/// Assesses a learned reward against the truth.
pub fn assess(mdp: &Mdp, truth: &Reward, learned: &Reward) -> Result<Assessment> {
    use crate::planning::{expected_return, Policy};
    let starc = crate::distance(
        crate::Metric::StarcVal,
        learned,
        truth,
        mdp,
        &crate::Options::default(),
    )?
    .value;
    let best: Optimal = optimal(mdp, truth)?;
    let j_best: f64 = mdp.initial().iter().zip(&best.v).map(|(d, v)| d * v).sum();
    let pi = Policy::deterministic(&optimal(mdp, learned)?.policy, mdp.n_actions())?;
    let j = expected_return(mdp, truth, &pi)?;
    let j_rand = expected_return(
        mdp,
        truth,
        &Policy::uniform(mdp.n_states(), mdp.n_actions()),
    )?;
    let regret = (j_best - j).max(0.0);
    let span = j_best - j_rand;
    let normalised_regret = if span > 1e-12 * (1.0 + j_best.abs()) {
        regret / span
    } else {
        0.0
    };
    Ok(Assessment {
        starc,
        regret,
        normalised_regret,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::Gridworld;

    #[test]
    fn logistic_is_stable() {
        assert_eq!(logistic(1000.0), 1.0);
        assert_eq!(logistic(-1000.0), 0.0);
        assert!((log_logistic(-1000.0) + 1000.0).abs() < 1e-9);
        assert!((logistic(0.0) - 0.5).abs() < 1e-15);
    }

    #[test]
    fn regret_model_ignores_shaping_partial_return_does_not() {
        let g = Gridworld::from_ascii("...\n.#.\n..G", 0.1, -0.1, 1.0, 0.9).unwrap();
        let shaped =
            crate::shape(&g.reward, &[3.0, -1.0, 2.0, 0.5, 1.5, -2.0, 0.0, 4.0], 0.9).unwrap();
        let mut rng = Rng::new(3);
        let a = random_segment(&g.mdp, 3, &mut rng);
        let b = random_segment(&g.mdp, 3, &mut rng);
        let r1 = Scorer::new(Model::Regret, &g.mdp, &g.reward).unwrap();
        let r2 = Scorer::new(Model::Regret, &g.mdp, &shaped).unwrap();
        assert!((r1.prob(&a, &b) - r2.prob(&a, &b)).abs() < 1e-9);
        let p1 = Scorer::new(Model::PartialReturn, &g.mdp, &g.reward).unwrap();
        let p2 = Scorer::new(Model::PartialReturn, &g.mdp, &shaped).unwrap();
        assert!((p1.prob(&a, &b) - p2.prob(&a, &b)).abs() > 1e-3);
    }

    #[test]
    fn soft_gradient_matches_finite_differences() {
        let g = Gridworld::from_ascii("..\n.G", 0.2, -0.1, 1.0, 0.8).unwrap();
        let n = g.mdp.n_states() * 4;
        let r: Vec<f64> = (0..n).map(|i| ((i * 7) % 5) as f64 * 0.1 - 0.2).collect();
        let w: Vec<f64> = (0..n).map(|i| ((i * 3) % 4) as f64 - 1.5).collect();
        let f = |r: &[f64]| -> f64 {
            let mut s = SoftQ::new(&g.mdp, 0.3);
            s.advantage(r).iter().zip(&w).map(|(a, b)| a * b).sum()
        };
        let mut s = SoftQ::new(&g.mdp, 0.3);
        s.advantage(&r);
        let grad = s.backprop(&w);
        for i in 0..n {
            let mut rp = r.clone();
            rp[i] += 1e-6;
            let mut rm = r.clone();
            rm[i] -= 1e-6;
            let fd = (f(&rp) - f(&rm)) / 2e-6;
            assert!((fd - grad[i]).abs() < 1e-5, "{i}: {fd} vs {}", grad[i]);
        }
    }

    #[test]
    fn learns_from_its_own_model() {
        let g = Gridworld::from_ascii("S..\n.#.\n..G", 0.1, -0.1, 1.0, 0.9).unwrap();
        for model in [Model::PartialReturn, Model::Regret] {
            let prefs = synthetic(&g.mdp, &g.reward, model, 2000, 3, false, 5).unwrap();
            let fit = fit(
                &g.mdp,
                &prefs,
                &FitOptions {
                    model,
                    iterations: 600,
                    ..FitOptions::default()
                },
            )
            .unwrap();
            let a = assess(&g.mdp, &g.reward, &fit.reward).unwrap();
            assert!(a.normalised_regret < 0.05, "{model:?}: {a:?}");
            assert!(a.starc < 1.0, "{model:?}: {a:?}");
        }
    }
}
