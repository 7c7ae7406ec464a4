//! Transforms: map rewards to rewards, per sample, within each group, or over the batch.
//!
//! Every transform node has an `input` (the node it transforms). Abstentions stay abstentions
//! and are left out of set statistics (mean, std, min, max, ranks). A NaN or infinite input
//! value becomes an abstention with the reason `non-finite input value` (never a NaN output);
//! a result that overflows is an error with a reason ([`crate::node::Finite`]). Set statistics
//! are overflow-safe for values near ±f64::MAX ([`crate::numeric::scale_of`]).
//!
//! | `type` | what | module |
//! |---|---|---|
//! | `affine`, `clip` | `scale·x + shift`, clamp | [`elementwise`] |
//! | `tanh`, `sigmoid` | squashing, optional scale and centre | [`elementwise`] |
//! | `zscore` | GRPO advantage; `center` and `scale` each per group, per batch or none (TRL `scale_rewards`) | [`normalize`] |
//! | `min_max`, `rank` | normalisation within a group or the batch | [`normalize`] |
//! | `lsc`, `par` | log-sigmoid centring (Wang et al. 2024), Preference As Reward (Fu et al. 2025) | [`shaping`] |
//! | `step_clip`, `step_delta`, `step_clip_delta` | Clip/Delta for process rewards (Gao et al. 2024) | [`steps`] |

pub mod elementwise;
pub mod normalize;
pub mod shaping;
pub mod steps;

use crate::node::Slot;

pub use crate::node::SetScope;

/// Turns NaN/infinite values of a set into abstentions with a reason.
pub(crate) fn reject_non_finite(set: &mut [Slot<'_>]) {
    for s in set.iter_mut() {
        if let Some(v) = s.out.value {
            if !v.is_finite() {
                s.out.value = None;
                s.out.info.reason = Some(format!("non-finite input value ({v})"));
            }
        }
    }
}

/// Applies `f` to every present value of a set.
pub(crate) fn map_values(set: &mut [Slot<'_>], f: impl Fn(f64) -> f64) {
    for s in set.iter_mut() {
        if let Some(v) = s.out.value {
            s.out.value = Some(f(v));
        }
    }
}

/// The present values of a set.
pub(crate) fn present(set: &[Slot<'_>]) -> Vec<f64> {
    set.iter().filter_map(|s| s.out.value).collect()
}
