//! # rewardkit-mdp
//!
//! Tabular MDPs and reward functions, the distances between rewards that ignore what does not
//! change behaviour (EPIC, DARD, STARC), models of human preference over trajectory segments,
//! and diagnostics of reward hacking from samples of a proxy and a true reward.
//!
//! - [`Mdp`], [`Reward`]: states × actions × next states; rewards `R(s,a,s')`, `R(s,a)` or
//!   `R(s)`; JSON and `.npy` files; [`generate`] makes random MDPs, gridworlds and chains.
//! - [`planning`]: exact policy evaluation, value iteration, optimal policies, occupancy
//!   measures; [`shape`] and [`redistribute`] transform rewards without changing what is
//!   optimal.
//! - [`distance()`]: EPIC (Gleave et al., ICLR 2021), DARD (Wulfe et al., ICLR 2022), STARC
//!   (Skalse et al., ICLR 2024) and the Pearson distance; [`epic_sample`] for spaces too large
//!   to tabulate.
//! - [`prefs`]: the partial-return and regret preference models of Knox et al. ("Models of
//!   human preference for learning reward functions", TMLR 2024), synthetic preferences, and
//!   fitting a tabular reward to them.
//! - [`diagnose`]: proxy–true correlation, best-of-n over-optimisation curves (Gao, Schulman and
//!   Hilton, ICML 2023), PF-PPO's R² per filter and the length–reward correlation.
//!
//! ```
//! use rewardkit_mdp::{distance, generate, redistribute, Metric, Options, Reward};
//!
//! // Two rewards that differ by an S'-redistribution have the same expected reward for every
//! // (s, a), hence the same value for every policy: STARC-VAL says 0, EPIC does not.
//! let mdp = generate::random_mdp(6, 2, 0.9, 0.0, 1)?;
//! let r = generate::random_reward(6, 2, rewardkit_mdp::RewardKind::Transition, 2)?;
//! let z = Reward::from_fn(6, 2, |_, _, next| next as f64)?;
//! let r2 = redistribute(&r, &z, &mdp)?;
//! let opts = Options::default();
//! assert!(distance(Metric::StarcVal, &r, &r2, &mdp, &opts)?.value < 1e-9);
//! assert!(distance(Metric::Epic, &r, &r2, &mdp, &opts)?.value > 0.01);
//! # Ok::<(), rewardkit_mdp::Error>(())
//! ```
//!
//! Everything is computed in `f64`; no result is a silent NaN (degenerate cases have
//! documented values, see [`distance()`](mod@distance)); malformed input is an [`Error`] that
//! names the file, field, state and action.

// `!(x > 0.0)` is deliberate throughout: unlike `x <= 0.0` it is also true for NaN.
#![allow(clippy::neg_cmp_op_on_partial_ord)]
// Numeric kernels index several parallel arrays with one index; iterator chains hide that.
#![allow(clippy::needless_range_loop)]
// A library does not print: results and errors are returned.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod arrays;
pub mod diagnose;
pub mod distance;
mod error;
pub mod generate;
mod gram;
pub mod linalg;
mod mdp;
pub mod npy;
pub mod planning;
pub mod prefs;
mod reward;
mod rng;

pub use distance::{
    dard_canonical, distance, distance_matrix, epic_canonical, epic_sample, epic_sample_tabular,
    pearson_distance, val_canonical, Coverage, Distance, Metric, Norm, Options, SampleDistance,
    SampleOptions,
};
pub use error::{Error, Result};
pub use mdp::{Mdp, ROW_SUM_TOLERANCE};
pub use planning::Policy;
pub use reward::{redistribute, redistribution, shape, Reward, RewardKind};
pub use rng::{Random, Rng};
