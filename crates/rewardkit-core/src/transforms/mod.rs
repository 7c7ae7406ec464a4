//! Transforms: map rewards to rewards, per sample, within each group, or over the batch.
//!
//! Every transform node has an `input` (the node it transforms). Abstentions stay abstentions
//! and are left out of set statistics (mean, std, min, max, ranks).

pub mod elementwise;

use crate::node::Slot;

/// Applies `f` to every present value of a set.
pub fn map_values(set: &mut [Slot<'_>], f: impl Fn(f64) -> f64) {
    for s in set.iter_mut() {
        if let Some(v) = s.out.value {
            s.out.value = Some(f(v));
        }
    }
}

/// The present values of a set.
pub fn present(set: &[Slot<'_>]) -> Vec<f64> {
    set.iter().filter_map(|s| s.out.value).collect()
}
