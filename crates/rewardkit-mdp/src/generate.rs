//! Seeded generators: random MDPs (dense or sparse), random rewards, gridworlds with walls
//! and goals, and chains.
//!
//! The same seed gives the same MDP on every platform (the generator is [`crate::Rng`]).

use crate::error::{Error, Result};
use crate::mdp::Mdp;
use crate::reward::{Reward, RewardKind};
use crate::{Random, Rng};

/// A random MDP: each `(s, a)` moves to `k = max(1, round((1 − sparsity)·S))` distinct next
/// states drawn uniformly, with probabilities from a flat Dirichlet; uniform initial
/// distribution. `sparsity = 0` gives dense rows.
pub fn random_mdp(
    n_states: usize,
    n_actions: usize,
    gamma: f64,
    sparsity: f64,
    seed: u64,
) -> Result<Mdp> {
    if !(0.0..1.0).contains(&sparsity) {
        return Err(Error::param(
            "sparsity",
            format!(
                "must be in [0, 1) (the fraction of zero transition probabilities), got {sparsity}"
            ),
        ));
    }
    let k = (((1.0 - sparsity) * n_states as f64).round() as usize).clamp(1, n_states.max(1));
    let mut rng = Rng::new(seed);
    let mut rows = Vec::with_capacity(n_states * n_actions);
    for _ in 0..n_states * n_actions {
        let idx = if k == n_states {
            (0..n_states).collect()
        } else {
            rng.sample_distinct(n_states, k)
        };
        let w: Vec<f64> = idx.iter().map(|_| rng.exponential()).collect();
        let total: f64 = w.iter().sum();
        rows.push(
            idx.into_iter()
                .zip(w.into_iter().map(|v| v / total))
                .collect(),
        );
    }
    Mdp::from_rows(n_states, n_actions, gamma, rows, None)
}

/// A reward of the given kind with independent standard normal values.
pub fn random_reward(
    n_states: usize,
    n_actions: usize,
    kind: RewardKind,
    seed: u64,
) -> Result<Reward> {
    let n = match kind {
        RewardKind::State => n_states,
        RewardKind::StateAction => n_states * n_actions,
        RewardKind::Transition => n_states * n_actions * n_states,
    };
    let mut rng = Rng::new(seed);
    Reward::new(
        n_states,
        n_actions,
        kind,
        (0..n).map(|_| rng.normal()).collect(),
    )
}

/// A gridworld with walls and goals, parsed from ASCII art: `#` wall, `G` goal, `S` start,
/// anything else (`.`) an empty cell. Rows are lines.
///
/// States are the non-wall cells in reading order ([`Gridworld::cells`] maps them back).
/// Actions: 0 up, 1 right, 2 down, 3 left. With probability `slip` the move goes in a
/// uniformly random one of the four directions instead; moving into a wall or off the grid
/// stays put. Goals are absorbing (every action stays, reward 0). Entering a goal pays
/// `goal_reward`; every other step from a non-goal cell pays `step_reward`. The initial
/// distribution is uniform over the `S` cells if there are any, else uniform over the non-goal cells.
#[derive(Debug, Clone)]
pub struct Gridworld {
    /// The MDP.
    pub mdp: Mdp,
    /// The reward described above (an `R(s, a, s')`).
    pub reward: Reward,
    /// `(row, column)` of each state.
    pub cells: Vec<(usize, usize)>,
    /// Which states are goals.
    pub goals: Vec<bool>,
}

impl Gridworld {
    /// Builds the gridworld of `art` (see the type's docs).
    pub fn from_ascii(
        art: &str,
        slip: f64,
        step_reward: f64,
        goal_reward: f64,
        gamma: f64,
    ) -> Result<Self> {
        if !(0.0..=1.0).contains(&slip) {
            return Err(Error::param(
                "slip",
                format!("must be in [0, 1], got {slip}"),
            ));
        }
        let lines: Vec<Vec<char>> = art
            .lines()
            .map(|l| l.trim().chars().collect::<Vec<_>>())
            .filter(|l| !l.is_empty())
            .collect();
        let mut index = std::collections::HashMap::new();
        let (mut cells, mut goals, mut starts) = (Vec::new(), Vec::new(), Vec::new());
        for (r, line) in lines.iter().enumerate() {
            for (c, &ch) in line.iter().enumerate() {
                if ch == '#' {
                    continue;
                }
                index.insert((r, c), cells.len());
                if ch == 'S' {
                    starts.push(cells.len());
                }
                goals.push(ch == 'G');
                cells.push((r, c));
            }
        }
        let n = cells.len();
        if n == 0 {
            return Err(Error::param("grid", "the grid has no free cell"));
        }
        let moves: [(isize, isize); 4] = [(-1, 0), (0, 1), (1, 0), (0, -1)];
        let target = |s: usize, d: usize| -> usize {
            let (r, c) = cells[s];
            let (nr, nc) = (r as isize + moves[d].0, c as isize + moves[d].1);
            if nr < 0 || nc < 0 {
                return s;
            }
            *index.get(&(nr as usize, nc as usize)).unwrap_or(&s)
        };
        let mut rows = Vec::with_capacity(n * 4);
        let mut reward = vec![0.0; n * 4 * n];
        for s in 0..n {
            for a in 0..4 {
                let mut p = vec![0.0; n];
                if goals[s] {
                    p[s] = 1.0;
                } else {
                    p[target(s, a)] += 1.0 - slip;
                    for d in 0..4 {
                        p[target(s, d)] += slip / 4.0;
                    }
                    for x in 0..n {
                        reward[(s * 4 + a) * n + x] =
                            if goals[x] { goal_reward } else { step_reward };
                    }
                }
                rows.push(
                    p.into_iter()
                        .enumerate()
                        .filter(|&(_, q)| q > 0.0)
                        .collect::<Vec<_>>(),
                );
            }
        }
        let initial = if !starts.is_empty() {
            let mut d = vec![0.0; n];
            for &s in &starts {
                d[s] = 1.0 / starts.len() as f64;
            }
            d
        } else if goals.iter().any(|g| !*g) {
            let free = goals.iter().filter(|g| !**g).count() as f64;
            goals
                .iter()
                .map(|&g| if g { 0.0 } else { 1.0 / free })
                .collect()
        } else {
            vec![1.0 / n as f64; n]
        };
        let mdp = Mdp::from_rows(n, 4, gamma, rows, Some(initial))?;
        let reward = Reward::transition(n, 4, reward)?;
        Ok(Gridworld {
            mdp,
            reward,
            cells,
            goals,
        })
    }
}

/// The chain of Strens ("A Bayesian framework for reinforcement learning", ICML 2000):
/// `n` states; action 0 moves forward (from the last state it stays and pays `end_reward`),
/// action 1 returns to state 0 and pays `return_reward`; with probability `slip` the other
/// action happens. Starts in state 0. Returns the MDP and its `R(s, a, s')`.
pub fn chain(
    n: usize,
    slip: f64,
    return_reward: f64,
    end_reward: f64,
    gamma: f64,
) -> Result<(Mdp, Reward)> {
    if n < 2 {
        return Err(Error::param(
            "n",
            format!("a chain needs at least 2 states, got {n}"),
        ));
    }
    if !(0.0..=1.0).contains(&slip) {
        return Err(Error::param(
            "slip",
            format!("must be in [0, 1], got {slip}"),
        ));
    }
    let fwd = |s: usize| (s + 1).min(n - 1);
    let pay = |s: usize, x: usize| -> f64 {
        if x == 0 {
            return_reward
        } else if s == n - 1 && x == n - 1 {
            end_reward
        } else {
            0.0
        }
    };
    let mut rows = Vec::with_capacity(2 * n);
    let mut reward = vec![0.0; n * 2 * n];
    for s in 0..n {
        for a in 0..2 {
            let (main, other) = if a == 0 { (fwd(s), 0) } else { (0, fwd(s)) };
            let mut p = vec![0.0; n];
            p[main] += 1.0 - slip;
            p[other] += slip;
            for x in 0..n {
                reward[(s * 2 + a) * n + x] = pay(s, x);
            }
            rows.push(
                p.into_iter()
                    .enumerate()
                    .filter(|&(_, q)| q > 0.0)
                    .collect::<Vec<_>>(),
            );
        }
    }
    let mut initial = vec![0.0; n];
    initial[0] = 1.0;
    let mdp = Mdp::from_rows(n, 2, gamma, rows, Some(initial))?;
    Ok((mdp, Reward::transition(n, 2, reward)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::planning::optimal;

    #[test]
    fn random_is_seeded_and_sparse() {
        let a = random_mdp(50, 3, 0.9, 0.9, 7).unwrap();
        let b = random_mdp(50, 3, 0.9, 0.9, 7).unwrap();
        assert_eq!(a, b);
        assert_eq!(a.nnz(), 50 * 3 * 5);
        assert_ne!(a, random_mdp(50, 3, 0.9, 0.9, 8).unwrap());
        assert_eq!(random_mdp(20, 2, 0.9, 0.0, 1).unwrap().nnz(), 20 * 2 * 20);
    }

    #[test]
    fn gridworld_goes_to_the_goal() {
        let g = Gridworld::from_ascii("S..\n.#.\n..G", 0.0, -0.1, 1.0, 0.9).unwrap();
        assert_eq!(g.mdp.n_states(), 8);
        let opt = optimal(&g.mdp, &g.reward).unwrap();
        // From the start (0,0) the optimal first move is right or down (both shortest).
        assert!(opt.optimal_actions[0].contains(&1) && opt.optimal_actions[0].contains(&2));
    }

    #[test]
    fn chain_prefers_the_end_when_patient() {
        let (m, r) = chain(5, 0.0, 2.0, 10.0, 0.95).unwrap();
        assert_eq!(optimal(&m, &r).unwrap().policy[0], 0);
        let (m, r) = chain(5, 0.0, 2.0, 10.0, 0.5).unwrap();
        assert_eq!(optimal(&m, &r).unwrap().policy[0], 1);
    }
}
