//! Policies, exact policy evaluation, value iteration, optimal policies and occupancy measures.
//!
//! - [`evaluate`]: `V^π = (I − γP^π)⁻¹ r̄^π`, a linear solve (see [`crate::linalg`] for how).
//! - [`value_iteration`]: the Bellman optimality operator to a tolerance.
//! - [`optimal`]: policy iteration from the value-iteration policy until no action improves by
//!   more than a tolerance: exact optimal values and every optimal action.
//! - [`occupancy`]: the normalised discounted state and state–action occupancy measures,
//!   `d^π = (1 − γ)(I − γP^πᵀ)⁻¹ d₀`, `μ^π(s,a) = d^π(s) π(a|s)`, so that
//!   `J(π, R) = Σ d₀ V^π = μ^π · r̄ / (1 − γ)` (Laidlaw, Singhal and Dragan, "Correlated
//!   proxies", 2024, use μ^π for the correlated-proxy definition).

use crate::error::{Error, Result};
use crate::linalg::{solve_discounted, Csr};
use crate::mdp::{check_distribution, Mdp};
use crate::reward::Reward;
use rayon::prelude::*;

/// A stationary stochastic policy `π(a|s)`, row-major `S·A`.
#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    n_states: usize,
    n_actions: usize,
    probs: Vec<f64>,
}

impl Policy {
    /// The uniformly random policy (the reference default of STARC's VAL canonicalisation).
    pub fn uniform(n_states: usize, n_actions: usize) -> Self {
        Policy {
            n_states,
            n_actions,
            probs: vec![1.0 / n_actions as f64; n_states * n_actions],
        }
    }

    /// The deterministic policy that takes `actions[s]` in `s`.
    pub fn deterministic(actions: &[usize], n_actions: usize) -> Result<Self> {
        let mut probs = vec![0.0; actions.len() * n_actions];
        for (s, &a) in actions.iter().enumerate() {
            if a >= n_actions {
                return Err(Error::shape(
                    "policy",
                    format!("state {s}: action {a} is not an action (0..{n_actions})"),
                ));
            }
            probs[s * n_actions + a] = 1.0;
        }
        Ok(Policy {
            n_states: actions.len(),
            n_actions,
            probs,
        })
    }

    /// A policy from `π(a|s)` values; each state's row must be a distribution.
    pub fn from_probs(n_states: usize, n_actions: usize, probs: Vec<f64>) -> Result<Self> {
        if probs.len() != n_states * n_actions {
            return Err(Error::shape(
                "policy",
                format!("{} values, expected {}", probs.len(), n_states * n_actions),
            ));
        }
        for s in 0..n_states {
            check_distribution(
                &probs[s * n_actions..(s + 1) * n_actions],
                n_actions,
                &format!("policy, state {s}"),
            )?;
        }
        Ok(Policy {
            n_states,
            n_actions,
            probs,
        })
    }

    /// `π(a|s)`.
    pub fn prob(&self, s: usize, a: usize) -> f64 {
        self.probs[s * self.n_actions + a]
    }

    /// `π(·|s)`.
    pub fn probs(&self, s: usize) -> &[f64] {
        &self.probs[s * self.n_actions..(s + 1) * self.n_actions]
    }

    /// Checks that the policy has the MDP's states and actions.
    pub fn check_fits(&self, mdp: &Mdp) -> Result<()> {
        if self.n_states != mdp.n_states() || self.n_actions != mdp.n_actions() {
            return Err(Error::shape(
                "policy",
                format!(
                    "policy is for {} states and {} actions, the MDP has {} and {}",
                    self.n_states,
                    self.n_actions,
                    mdp.n_states(),
                    mdp.n_actions()
                ),
            ));
        }
        Ok(())
    }
}

/// The state-to-state matrix `P^π(s, s') = Σ_a π(a|s) T(s, a, s')`.
pub(crate) fn policy_matrix(mdp: &Mdp, pi: &Policy) -> Csr {
    policy_matrix_with(mdp, pi, |_, _, _| ()).0
}

/// [`policy_matrix`], and `visit(s, a, T(s, a, ·))` of every row of `T` (row-major `S·A`),
/// computed as the row is read for `P^π`: a caller needing another pass over `T` gets it from
/// the same read (`T` is the largest array; reading it is most of the time).
pub(crate) fn policy_matrix_with<F, V>(mdp: &Mdp, pi: &Policy, visit: F) -> (Csr, Vec<V>)
where
    F: Fn(usize, usize, (&[u32], &[f64])) -> V + Sync,
    V: Send + Default + Clone,
{
    let (n_s, n_a) = (mdp.n_states(), mdp.n_actions());
    let mut visited = vec![V::default(); n_s * n_a];
    if mdp.is_dense() {
        // Every row is full: accumulate straight into row s of a dense P^π.
        let mut val = vec![0.0; n_s * n_s];
        val.par_chunks_mut(n_s)
            .zip(visited.par_chunks_mut(n_a))
            .enumerate()
            .for_each(|(s, (out, seen))| {
                for (a, v) in seen.iter_mut().enumerate() {
                    let row = mdp.row(s, a);
                    *v = visit(s, a, row);
                    let w = pi.prob(s, a);
                    if w != 0.0 {
                        for (o, &q) in out.iter_mut().zip(row.1) {
                            *o += w * q;
                        }
                    }
                }
            });
        return (Csr::dense(n_s, val), visited);
    }
    let rows: Vec<Vec<(u32, f64)>> = visited
        .par_chunks_mut(n_a)
        .enumerate()
        .map_init(
            || (vec![0.0; n_s], Vec::new()),
            |(acc, touched), (s, seen)| {
                for (a, v) in seen.iter_mut().enumerate() {
                    let (idx, p) = mdp.row(s, a);
                    *v = visit(s, a, (idx, p));
                    let w = pi.prob(s, a);
                    if w == 0.0 {
                        continue;
                    }
                    for (&x, &q) in idx.iter().zip(p) {
                        if acc[x as usize] == 0.0 {
                            touched.push(x);
                        }
                        acc[x as usize] += w * q;
                    }
                }
                touched.sort_unstable();
                let row = touched
                    .iter()
                    .map(|&x| (x, std::mem::take(&mut acc[x as usize])))
                    .filter(|&(_, v)| v != 0.0)
                    .collect();
                touched.clear();
                row
            },
        )
        .collect();
    (Csr::from_rows(rows), visited)
}

/// `r̄^π(s) = Σ_a π(a|s) r̄(s,a)`.
pub(crate) fn policy_reward(r_sa: &[f64], pi: &Policy) -> Vec<f64> {
    let n_a = pi.n_actions;
    (0..pi.n_states)
        .map(|s| (0..n_a).map(|a| pi.prob(s, a) * r_sa[s * n_a + a]).sum())
        .collect()
}

/// Exact `V^π` of one reward.
pub fn evaluate(mdp: &Mdp, reward: &Reward, pi: &Policy) -> Result<Vec<f64>> {
    Ok(evaluate_many(mdp, &[reward], pi)?.remove(0))
}

/// Exact `V^π` of several rewards under one policy (one factorisation).
pub fn evaluate_many(mdp: &Mdp, rewards: &[&Reward], pi: &Policy) -> Result<Vec<Vec<f64>>> {
    pi.check_fits(mdp)?;
    for r in rewards {
        r.check_fits(mdp, "reward")?;
    }
    let p = policy_matrix(mdp, pi);
    let rhs: Vec<Vec<f64>> = rewards
        .par_iter()
        .map(|r| policy_reward(&r.expected(mdp), pi))
        .collect();
    solve_discounted(&p, mdp.gamma(), &rhs, false)
}

/// `Q(s,a) = Σ_{s'} T(s,a,s') (R(s,a,s') + γ V(s'))`, `S·A` values.
pub fn q_values(mdp: &Mdp, reward: &Reward, v: &[f64]) -> Vec<f64> {
    q_from_expected(mdp, &reward.expected(mdp), v)
}

pub(crate) fn q_from_expected(mdp: &Mdp, r_sa: &[f64], v: &[f64]) -> Vec<f64> {
    let (n_a, g) = (mdp.n_actions(), mdp.gamma());
    (0..r_sa.len())
        .into_par_iter()
        .with_min_len(256)
        .map(|r| {
            let (idx, p) = mdp.row(r / n_a, r % n_a);
            r_sa[r]
                + g * idx
                    .iter()
                    .zip(p)
                    .map(|(&x, &q)| q * v[x as usize])
                    .sum::<f64>()
        })
        .collect()
}

/// The result of value iteration.
#[derive(Debug, Clone)]
pub struct ValueIteration {
    /// `V*` (to the tolerance).
    pub v: Vec<f64>,
    /// `Q*`, `S·A`.
    pub q: Vec<f64>,
    /// The greedy policy (the first maximising action in each state).
    pub policy: Vec<usize>,
    /// Sweeps done.
    pub iterations: usize,
}

/// Value iteration until the sup-norm change is at most `tol·(1 − γ)/γ` (so that `V` is
/// within `tol` of `V*`), at most `max_iter` sweeps.
pub fn value_iteration(
    mdp: &Mdp,
    reward: &Reward,
    tol: f64,
    max_iter: usize,
) -> Result<ValueIteration> {
    reward.check_fits(mdp, "reward")?;
    let n_a = mdp.n_actions();
    let g = mdp.gamma();
    let r_sa = reward.expected(mdp);
    let mut v = vec![0.0; mdp.n_states()];
    let stop = if g == 0.0 { 0.0 } else { tol * (1.0 - g) / g };
    let mut iterations = 0;
    loop {
        let q = q_from_expected(mdp, &r_sa, &v);
        let nv: Vec<f64> = q
            .chunks_exact(n_a)
            .map(|qs| qs.iter().copied().fold(f64::NEG_INFINITY, f64::max))
            .collect();
        let delta = nv
            .iter()
            .zip(&v)
            .fold(0.0f64, |m, (a, b)| m.max((a - b).abs()));
        v = nv;
        iterations += 1;
        if delta <= stop || iterations >= max_iter {
            let q = q_from_expected(mdp, &r_sa, &v);
            let policy = greedy(&q, n_a);
            return Ok(ValueIteration {
                v,
                q,
                policy,
                iterations,
            });
        }
    }
}

fn greedy(q: &[f64], n_a: usize) -> Vec<usize> {
    q.chunks_exact(n_a)
        .map(|qs| {
            let mut best = 0;
            for (a, &v) in qs.iter().enumerate() {
                if v > qs[best] {
                    best = a;
                }
            }
            best
        })
        .collect()
}

/// Optimal values and policies.
#[derive(Debug, Clone)]
pub struct Optimal {
    /// `V*`.
    pub v: Vec<f64>,
    /// `Q*`, `S·A`.
    pub q: Vec<f64>,
    /// An optimal deterministic policy (the first optimal action in each state).
    pub policy: Vec<usize>,
    /// Every action within `1e-9 · (1 + max|Q*|)` of the best, per state.
    pub optimal_actions: Vec<Vec<usize>>,
}

impl Optimal {
    /// The optimal advantage `A*(s,a) = Q*(s,a) − V*(s)` (≤ 0), `S·A` values.
    pub fn advantage(&self) -> Vec<f64> {
        let n_a = self.q.len() / self.v.len().max(1);
        self.q
            .iter()
            .enumerate()
            .map(|(i, q)| q - self.v[i / n_a])
            .collect()
    }
}

/// Exact optimal values by policy iteration (started from value iteration's policy).
pub fn optimal(mdp: &Mdp, reward: &Reward) -> Result<Optimal> {
    let n_a = mdp.n_actions();
    let vi = value_iteration(mdp, reward, 1e-6, 10_000)?;
    let r_sa = reward.expected(mdp);
    let mut policy = vi.policy;
    for _ in 0..1000 {
        let pi = Policy::deterministic(&policy, n_a)?;
        let v = evaluate(mdp, reward, &pi)?;
        let q = q_from_expected(mdp, &r_sa, &v);
        let scale = 1.0 + q.iter().fold(0.0f64, |m, x| m.max(x.abs()));
        let tol = 1e-12 * scale;
        let mut changed = false;
        for (s, qs) in q.chunks_exact(n_a).enumerate() {
            let cur = qs[policy[s]];
            let (mut best, mut best_v) = (policy[s], cur);
            for (a, &val) in qs.iter().enumerate() {
                if val > best_v {
                    best = a;
                    best_v = val;
                }
            }
            if best_v > cur + tol {
                policy[s] = best;
                changed = true;
            }
        }
        if !changed {
            let keep = 1e-9 * scale;
            let optimal_actions = q
                .chunks_exact(n_a)
                .zip(&v)
                .map(|(qs, &vs)| (0..n_a).filter(|&a| qs[a] >= vs - keep).collect())
                .collect();
            let v = q
                .chunks_exact(n_a)
                .map(|qs| qs.iter().copied().fold(f64::NEG_INFINITY, f64::max))
                .collect();
            return Ok(Optimal {
                v,
                q,
                policy,
                optimal_actions,
            });
        }
    }
    Err(Error::Solve(
        "policy iteration did not stabilise in 1000 steps".into(),
    ))
}

/// `J(π) = Σ_s d₀(s) V^π(s)`.
pub fn expected_return(mdp: &Mdp, reward: &Reward, pi: &Policy) -> Result<f64> {
    let v = evaluate(mdp, reward, pi)?;
    Ok(mdp.initial().iter().zip(&v).map(|(d, v)| d * v).sum())
}

/// Normalised discounted occupancy measures of a policy.
#[derive(Debug, Clone)]
pub struct Occupancy {
    /// `d^π(s)`, sums to 1.
    pub state: Vec<f64>,
    /// `μ^π(s,a) = d^π(s) π(a|s)`, `S·A`, sums to 1.
    pub state_action: Vec<f64>,
}

/// The normalised discounted occupancy measure of `pi` from the MDP's initial distribution.
pub fn occupancy(mdp: &Mdp, pi: &Policy) -> Result<Occupancy> {
    pi.check_fits(mdp)?;
    let p = policy_matrix(mdp, pi);
    let g = mdp.gamma();
    let b: Vec<f64> = mdp.initial().iter().map(|d| (1.0 - g) * d).collect();
    let state = solve_discounted(&p, g, &[b], true)?.remove(0);
    let n_a = mdp.n_actions();
    let state_action = (0..state.len() * n_a)
        .map(|i| state[i / n_a] * pi.prob(i / n_a, i % n_a))
        .collect();
    Ok(Occupancy {
        state,
        state_action,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The 2-state toy of the EPIC/STARC test vectors: γ = 0.9, V^uniform = [13.292323,
    /// 13.351378] (numpy `np.linalg.solve(I − γP, r̄)`).
    #[test]
    fn uniform_value_of_the_toy() {
        let m =
            Mdp::from_dense(2, 2, 0.9, &[0.8, 0.2, 0.1, 0.9, 0.5, 0.5, 1.0, 0.0], None).unwrap();
        let r = Reward::transition(2, 2, vec![1.0, 0.0, 0.0, 2.0, 0.5, -1.0, 3.0, 0.0]).unwrap();
        let v = evaluate(&m, &r, &Policy::uniform(2, 2)).unwrap();
        assert!(
            (v[0] - 13.292323).abs() < 1e-6 && (v[1] - 13.351378).abs() < 1e-6,
            "{v:?}"
        );
        let occ = occupancy(&m, &Policy::uniform(2, 2)).unwrap();
        assert!((occ.state.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        let j = expected_return(&m, &r, &Policy::uniform(2, 2)).unwrap();
        let via_occ: f64 = occ
            .state_action
            .iter()
            .zip(r.expected(&m))
            .map(|(mu, r)| mu * r)
            .sum::<f64>()
            / (1.0 - 0.9);
        assert!((j - via_occ).abs() < 1e-9);
        let opt = optimal(&m, &r).unwrap();
        let vi = value_iteration(&m, &r, 1e-10, 100_000).unwrap();
        for (a, b) in opt.v.iter().zip(&vi.v) {
            assert!((a - b).abs() < 1e-8);
        }
        assert!(opt.advantage().iter().all(|&x| x <= 1e-9));
    }
}
