//! Set-wise normalisation: `zscore`, `min_max`, `rank`, within each group (GRPO-style, the
//! default) or over the whole batch (`scope = "group" | "batch"`).
//!
//! - `zscore` (GRPO advantage, Shao et al. 2024 "DeepSeekMath", as TRL's `GRPOTrainer` computes
//!   it): (x − x̄)/(s + eps), with s the standard deviation with `ddof` (default **1**, the
//!   unbiased std: TRL uses `torch.std`/its `nanstd`, which are Bessel-corrected) and `eps`
//!   (default **1e-4**, the constant TRL adds to the std). `scale = false` gives x − x̄ only
//!   (TRL `scale_rewards = "none"`, Dr. GRPO). A set whose present values are all equal
//!   gives 0 for each; a set with n ≤ ddof present values gives x − x̄ (0 for a single value).
//!   [Checked against TRL 1.16.0 `trl/trainer/grpo_trainer.py`: `advantages / (std_rewards +
//!   1e-4)` with `nanstd` (Bessel-corrected, NaN-aware) over the group (`scale_rewards =
//!   "group"`, the default) or the batch (`"batch"`).]
//! - `min_max`: (x − min)/(max − min) ∈ [0, 1]; a constant set gives `constant_value`
//!   (default 0.5, the middle, like `rank`'s ties).
//! - `rank`: 1-based ranks, ties given their average rank (scipy `rankdata`); with
//!   `normalize = true` (default) mapped to (rank − 1)/(n − 1) ∈ [0, 1] (a single value or an
//!   all-tied set gives 0.5).
//!
//! Abstentions stay abstentions and are left out of the statistics; a NaN or infinite input
//! becomes an abstention with a reason.
//!
//! ```
//! use rewardkit_core::{PipelineSpec, Sample};
//! let spec = PipelineSpec::from_toml(r#"
//! schema_version = 1
//! [reward]
//! type = "zscore"
//! eps = 0.0
//! input = { type = "field", name = "rm" }
//! "#)?;
//! let samples: Vec<Sample> = [1.0, 2.0, 3.0, 10.0, 10.0]
//!     .iter()
//!     .zip(["q1", "q1", "q1", "q2", "q2"])
//!     .map(|(v, g)| Sample::new("x").with_group(g).with_score("rm", *v))
//!     .collect();
//! let out = spec.build()?.score(&samples);
//! let v: Vec<f64> = out.iter().map(|o| o.value.unwrap()).collect();
//! assert_eq!(v, vec![-1.0, 0.0, 1.0, 0.0, 0.0]); // group q1: mean 2, unbiased std 1
//! # Ok::<(), rewardkit_core::Error>(())
//! ```

use super::stats::{average_ranks, zscores};
use super::{reject_non_finite, SetScope};
use crate::node::{Node, Scope, Slot, Transform, TransformNode};
use crate::spec::{BuildNode, NodeSpec};
use crate::{Error, Result};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

fn default_ddof() -> u32 {
    1
}

fn default_eps() -> f64 {
    1e-4
}

fn yes() -> bool {
    true
}

fn half() -> f64 {
    0.5
}

/// `{type = "zscore", scope = "group", ddof = 1, eps = 1e-4, input = {...}}`:
/// (x − x̄)/(s + eps) within each group or over the batch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Zscore {
    /// `group` (default) or `batch`.
    #[serde(default)]
    pub scope: SetScope,
    /// Delta degrees of freedom of the std: 1 (default, unbiased, as TRL) or 0 (population).
    #[serde(default = "default_ddof")]
    pub ddof: u32,
    /// Added to the std before dividing (default 1e-4, as TRL); ≥ 0.
    #[serde(default = "default_eps")]
    pub eps: f64,
    /// Divide by the std (default true); false gives x − x̄ only (TRL `scale_rewards = "none"`).
    #[serde(default = "yes")]
    pub scale: bool,
    /// The node to transform.
    pub input: Box<NodeSpec>,
}

impl Transform for Zscore {
    fn scope(&self) -> Scope {
        self.scope.node_scope()
    }
    fn apply(&self, set: &mut [Slot<'_>]) {
        reject_non_finite(set);
        let values: Vec<Option<f64>> = set.iter().map(|s| s.out.value).collect();
        let z = zscores(&values, self.ddof, self.eps, self.scale);
        for (s, v) in set.iter_mut().zip(z) {
            s.out.value = v;
        }
    }
}

/// Checks `ddof` ∈ {0, 1} and `eps` ≥ 0 (shared with `normalize_sum`).
pub(crate) fn check_ddof_eps(ddof: u32, eps: f64, path: &str) -> Result<()> {
    if ddof > 1 {
        return Err(Error::spec(
            format!("{path}.ddof"),
            format!("must be 0 (population) or 1 (unbiased), got {ddof}"),
        ));
    }
    if !(eps.is_finite() && eps >= 0.0) {
        return Err(Error::spec(
            format!("{path}.eps"),
            format!("must be finite and >= 0, got {eps}"),
        ));
    }
    Ok(())
}

impl BuildNode for Zscore {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        check_ddof_eps(self.ddof, self.eps, path)?;
        let input = self.input.build(&format!("{path}.input"))?;
        Ok(Box::new(TransformNode {
            transform: self.clone(),
            input,
        }))
    }
}

/// `{type = "min_max", scope = "group", input = {...}}`: (x − min)/(max − min) ∈ [0, 1].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MinMax {
    /// `group` (default) or `batch`.
    #[serde(default)]
    pub scope: SetScope,
    /// Value given to every sample of a set whose values are all equal (default 0.5).
    #[serde(default = "half")]
    pub constant_value: f64,
    /// The node to transform.
    pub input: Box<NodeSpec>,
}

impl Transform for MinMax {
    fn scope(&self) -> Scope {
        self.scope.node_scope()
    }
    fn apply(&self, set: &mut [Slot<'_>]) {
        reject_non_finite(set);
        let xs = super::present(set);
        let lo = xs.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let range = hi - lo;
        super::map_values(set, |x| {
            if range > 0.0 && range.is_finite() {
                ((x - lo) / range).clamp(0.0, 1.0)
            } else if range > 0.0 {
                // Range overflowed (values near ±f64::MAX): scale both before subtracting.
                ((x / 2.0 - lo / 2.0) / (hi / 2.0 - lo / 2.0)).clamp(0.0, 1.0)
            } else {
                self.constant_value
            }
        });
    }
}

impl BuildNode for MinMax {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        if !self.constant_value.is_finite() {
            return Err(Error::spec(
                format!("{path}.constant_value"),
                "must be finite",
            ));
        }
        let input = self.input.build(&format!("{path}.input"))?;
        Ok(Box::new(TransformNode {
            transform: self.clone(),
            input,
        }))
    }
}

/// `{type = "rank", scope = "group", normalize = true, input = {...}}`: average ranks of ties,
/// optionally mapped to [0, 1].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rank {
    /// `group` (default) or `batch`.
    #[serde(default)]
    pub scope: SetScope,
    /// Map ranks to (rank − 1)/(n − 1) ∈ [0, 1] (default true); false keeps 1-based ranks.
    #[serde(default = "yes")]
    pub normalize: bool,
    /// The node to transform.
    pub input: Box<NodeSpec>,
}

impl Transform for Rank {
    fn scope(&self) -> Scope {
        self.scope.node_scope()
    }
    fn apply(&self, set: &mut [Slot<'_>]) {
        reject_non_finite(set);
        let xs = super::present(set);
        let n = xs.len();
        let ranks = average_ranks(&xs);
        let mut it = ranks.into_iter();
        for s in set.iter_mut() {
            if s.out.value.is_some() {
                let r = it.next().unwrap_or(1.0);
                s.out.value = Some(if !self.normalize {
                    r
                } else if n > 1 {
                    (r - 1.0) / (n - 1) as f64
                } else {
                    0.5
                });
            }
        }
    }
}

impl BuildNode for Rank {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        let input = self.input.build(&format!("{path}.input"))?;
        Ok(Box::new(TransformNode {
            transform: self.clone(),
            input,
        }))
    }
}

#[cfg(test)]
mod tests {
    use crate::{Error, PipelineSpec, RewardOutput, Sample};
    use approx::assert_abs_diff_eq;

    /// Samples with score `x` (None: missing) in the given groups.
    fn run(node: &str, xs: &[(Option<f64>, &str)]) -> Vec<RewardOutput> {
        let spec = format!(r#"{{"schema_version": 1, "reward": {node}}}"#);
        let samples: Vec<Sample> = xs
            .iter()
            .map(|(x, g)| {
                let s = Sample::new("s").with_group(*g);
                match x {
                    Some(v) => s.with_score("x", *v),
                    None => s,
                }
            })
            .collect();
        PipelineSpec::from_json(&spec)
            .unwrap()
            .build()
            .unwrap()
            .score(&samples)
    }

    fn values(out: &[RewardOutput]) -> Vec<Option<f64>> {
        out.iter().map(|o| o.value).collect()
    }

    const X: &str = r#"{"type": "field", "name": "x"}"#;

    #[test]
    fn zscore_trl_defaults() {
        // TRL GRPO: (r − mean)/(std_unbiased + 1e-4); [1,2,3] → std 1 → ±1/(1+1e-4).
        let out = run(
            &format!(r#"{{"type": "zscore", "input": {X}}}"#),
            &[(Some(1.0), "a"), (Some(2.0), "a"), (Some(3.0), "a")],
        );
        assert_abs_diff_eq!(out[0].value.unwrap(), -1.0 / 1.0001, epsilon = 1e-12);
        assert_abs_diff_eq!(out[1].value.unwrap(), 0.0, epsilon = 1e-12);
        assert_abs_diff_eq!(out[2].value.unwrap(), 1.0 / 1.0001, epsilon = 1e-12);
    }

    #[test]
    fn zscore_population_batch_and_abstention() {
        // [1, 3] population std 1 over the batch (groups ignored); the missing row stays.
        let out = run(
            &format!(
                r#"{{"type": "zscore", "scope": "batch", "ddof": 0, "eps": 0, "input": {X}}}"#
            ),
            &[(Some(1.0), "a"), (None, "b"), (Some(3.0), "c")],
        );
        assert_eq!(values(&out), vec![Some(-1.0), None, Some(1.0)]);
        assert!(out[1].info.reason.is_some());
    }

    #[test]
    fn zscore_constant_group_and_no_scale() {
        let out = run(
            &format!(r#"{{"type": "zscore", "eps": 0, "input": {X}}}"#),
            &[(Some(0.7), "a"), (Some(0.7), "a"), (Some(5.0), "b")],
        );
        assert_eq!(values(&out), vec![Some(0.0), Some(0.0), Some(0.0)]);
        let out = run(
            &format!(r#"{{"type": "zscore", "scale": false, "input": {X}}}"#),
            &[(Some(1.0), "a"), (Some(4.0), "a")],
        );
        assert_eq!(values(&out), vec![Some(-1.5), Some(1.5)]);
    }

    #[test]
    fn zscore_rejects_bad_params() {
        for bad in [r#""ddof": 2"#, r#""eps": -1.0"#] {
            let spec = format!(
                r#"{{"schema_version": 1, "reward": {{"type": "zscore", {bad}, "input": {X}}}}}"#
            );
            let err = PipelineSpec::from_json(&spec).unwrap().build().unwrap_err();
            assert!(matches!(err, Error::Spec { .. }), "{err}");
        }
    }

    #[test]
    fn min_max_groups_and_constant() {
        let out = run(
            &format!(r#"{{"type": "min_max", "input": {X}}}"#),
            &[
                (Some(1.0), "a"),
                (Some(3.0), "a"),
                (Some(2.0), "a"),
                (Some(4.0), "b"),
                (Some(4.0), "b"),
                (None, "b"),
            ],
        );
        assert_eq!(
            values(&out),
            vec![Some(0.0), Some(1.0), Some(0.5), Some(0.5), Some(0.5), None]
        );
    }

    #[test]
    fn rank_ties_average() {
        let out = run(
            &format!(r#"{{"type": "rank", "normalize": false, "input": {X}}}"#),
            &[
                (Some(3.0), "a"),
                (Some(1.0), "a"),
                (Some(3.0), "a"),
                (Some(2.0), "a"),
            ],
        );
        assert_eq!(
            values(&out),
            vec![Some(3.5), Some(1.0), Some(3.5), Some(2.0)]
        );
        let out = run(
            &format!(r#"{{"type": "rank", "scope": "batch", "input": {X}}}"#),
            &[
                (Some(3.0), "a"),
                (None, "a"),
                (Some(1.0), "b"),
                (Some(2.0), "c"),
            ],
        );
        assert_eq!(values(&out), vec![Some(1.0), None, Some(0.0), Some(0.5)]);
    }
}
