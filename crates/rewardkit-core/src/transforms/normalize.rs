//! Set-wise normalisation: `zscore`, `min_max`, `rank`, within each group (GRPO-style, the
//! default) or over the whole batch (`scope = "group" | "batch"`).
//!
//! - `zscore` (GRPO advantage, Shao et al. 2024 "DeepSeekMath", as TRL's `GRPOTrainer` computes
//!   it): (x − c)/(s + eps). The centre c is the mean of the sample's group (`center =
//!   "group"`, default), of the batch (`"batch"`) or 0 (`"none"`); s is the standard deviation
//!   of the group (`scale = "group"`, default), of the batch (`"batch"`), or no division at all
//!   (`"none"`: x − c, Dr. GRPO). The std has `ddof` (default **1**, Bessel-corrected like
//!   TRL's `nanstd`) and `eps` is added to it (default **1e-4**, TRL's constant). TRL's
//!   `scale_rewards` (checked against TRL 1.16.0 `trl/trainer/grpo_trainer.py`,
//!   `sum_then_normalize`: `advantages = rewards - mean_grouped_rewards`, then `/ (std_rewards +
//!   1e-4)`; the mean is **always** the group's):
//!
//!   | TRL `scale_rewards` | rewardkit |
//!   |---|---|
//!   | `"group"` (default) | `center = "group", scale = "group"` (the default) |
//!   | `"batch"` | `center = "group", scale = "batch"` (group mean, std of the whole batch) |
//!   | `"none"` | `center = "group", scale = "none"` |
//!
//!   Worked numbers, TRL `"batch"`: groups g0 = [0, 1], g1 = [10, 11]; group means 0.5 and 10.5;
//!   the batch std of [0, 1, 10, 11] is √(101/3) = 5.8022984; each value is ±0.5/(5.8022984 +
//!   1e-4) = **±0.0861713**.
//!
//!   `scope` is the older shorthand for `center = scale = scope`: `scope = "batch"` centres
//!   **and** scales over the batch, (x − x̄_batch)/(s_batch + eps), which is TRL's final
//!   normalisation after `normalize_then_sum` (see [`crate::combine::ops`]), **not** TRL's
//!   `scale_rewards = "batch"`. `scale = false` (older form) is `scale = "none"`. A set whose
//!   values are all equal gives 0 for each (when centred over it); a std that is undefined (n ≤
//!   ddof present values) means no division (x − c; 0 for a single value; TRL gives NaN and then
//!   0 there). Abstentions are left out of every statistic, as TRL's `nanmean`/`nanstd` leave
//!   out `None` rewards. Statistics are overflow-safe: the batch is divided by a power of two
//!   first when its largest |x| is outside [1e-100, 1e100], so `[1e308, −1e308]` gives `[1, −1]`
//!   (ddof 0, eps 0) instead of 0/NaN.
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

use super::{reject_non_finite, SetScope};
use crate::defaults;
use crate::node::{Batch, BuildNode, Node, Scope, Slot, Transform, TransformNode};
use crate::numeric::{average_ranks, scale_of};
use crate::params::{Ddof, Finite, NonNegative};
use crate::NodeSpec;
use crate::{Error, Result, RewardOutput};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Where a statistic of `zscore` (its centre or its scale) is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StatScope {
    /// Over the sample's group.
    Group,
    /// Over the whole batch.
    Batch,
    /// Not at all: no centring (centre 0) or no scaling (divide by 1).
    None,
}

impl From<SetScope> for StatScope {
    fn from(s: SetScope) -> Self {
        match s {
            SetScope::Group => StatScope::Group,
            SetScope::Batch => StatScope::Batch,
        }
    }
}

/// `zscore`'s `scale`: a [`StatScope`] (`"group"`, `"batch"`, `"none"`) or, the older form, a
/// boolean (`true`: the same set as `scope`; `false`: `"none"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum ScaleSpec {
    /// Where the std is computed.
    Scope(StatScope),
    /// `true`: as `scope`; `false`: no scaling.
    Flag(bool),
}

impl<'de> Deserialize<'de> for ScaleSpec {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        use serde::de::Error as _;
        match serde_json::Value::deserialize(d)? {
            serde_json::Value::Bool(b) => Ok(ScaleSpec::Flag(b)),
            v => serde_json::from_value(v)
                .map(ScaleSpec::Scope)
                .map_err(|_| {
                    D::Error::custom("expected \"group\", \"batch\", \"none\", true or false")
                }),
        }
    }
}

/// `{type = "zscore", center = "group", scale = "group", ddof = 1, eps = 1e-4, input = {...}}`:
/// (x − centre)/(std + eps), each statistic within the group, over the batch, or not at all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Zscore {
    /// Shorthand for `center = scale = scope`: `group` (the default when nothing is given) or
    /// `batch`. Exclusive with `center` and with a scope-valued `scale`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<SetScope>,
    /// Where the mean subtracted is computed: `group` (default), `batch` or `none`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub center: Option<StatScope>,
    /// Where the std divided by is computed: `group` (default), `batch` or `none` (TRL
    /// `scale_rewards`); `true`/`false` (older form) mean "as `scope`" / `none`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<ScaleSpec>,
    /// Delta degrees of freedom of the std: 1 (default, unbiased, as TRL) or 0 (population).
    #[serde(default = "defaults::std_ddof")]
    pub ddof: Ddof,
    /// Added to the std before dividing (default 1e-4, as TRL); ≥ 0.
    #[serde(default = "defaults::std_eps")]
    pub eps: NonNegative,
    /// The node to transform.
    pub input: Box<NodeSpec>,
}

impl Zscore {
    /// The centre and scale scopes this spec asks for, or a spec error.
    pub fn scopes(&self, path: &str) -> Result<(StatScope, StatScope)> {
        let conflict = || {
            Error::spec_conflict(
                format!("{path}.scope"),
                "`scope` is shorthand for `center` and `scale`: give `scope` or `center`/`scale` scopes, not both",
            )
        };
        let base = self.scope.map_or(StatScope::Group, StatScope::from);
        let center = match (self.scope, self.center) {
            (Some(_), Some(_)) => return Err(conflict()),
            (_, Some(c)) => c,
            (_, None) => base,
        };
        let scale = match (self.scope, self.scale) {
            (Some(_), Some(ScaleSpec::Scope(_))) => return Err(conflict()),
            (_, Some(ScaleSpec::Scope(s))) => s,
            (_, Some(ScaleSpec::Flag(false))) => StatScope::None,
            (_, Some(ScaleSpec::Flag(true)) | None) => base,
        };
        Ok((center, scale))
    }
}

#[derive(Debug)]
struct ZscoreNode {
    center: StatScope,
    scale: StatScope,
    ddof: u32,
    eps: f64,
    input: Box<dyn Node>,
}

/// Statistics of one set, in scaled units.
#[derive(Debug, Clone, Copy)]
struct SetStats {
    mean: f64,
    /// `None` when n ≤ ddof.
    std: Option<f64>,
    constant: bool,
}

fn set_stats(xs: &[f64], ddof: u32) -> Option<SetStats> {
    Some(SetStats {
        mean: crate::numeric::mean(xs)?,
        std: crate::numeric::std_dev(xs, ddof),
        constant: xs.iter().all(|&x| x == xs[0]),
    })
}

impl Node for ZscoreNode {
    fn eval(&self, batch: &Batch<'_>) -> Vec<RewardOutput> {
        let mut outs = self.input.eval(batch);
        for o in &mut outs {
            if let Some(v) = o.value.filter(|v| !v.is_finite()) {
                o.value = None;
                o.info.reason = Some(format!("non-finite input value ({v})"));
            }
        }
        // One power-of-two scale for the whole batch (exact; 1 for ordinary data), so that
        // values near ±f64::MAX give finite statistics and z-scores.
        let present: Vec<f64> = outs.iter().filter_map(|o| o.value).collect();
        let sc = scale_of(&present);
        let xs: Vec<Option<f64>> = outs.iter().map(|o| o.value.map(|v| v / sc)).collect();
        let stats_of = |members: &mut dyn Iterator<Item = usize>| {
            let v: Vec<f64> = members
                .filter_map(|i| xs.get(i).copied().flatten())
                .collect();
            set_stats(&v, self.ddof)
        };
        let needs = |s: StatScope| self.center == s || self.scale == s;
        let batch_stats = if needs(StatScope::Batch) {
            stats_of(&mut (0..outs.len()))
        } else {
            None
        };
        let mut group_of = vec![None; outs.len()];
        if needs(StatScope::Group) {
            for members in batch.groups() {
                let st = stats_of(&mut members.iter().copied());
                for &i in members {
                    if let Some(g) = group_of.get_mut(i) {
                        *g = st;
                    }
                }
            }
        }
        for (i, o) in outs.iter_mut().enumerate() {
            let Some(x) = xs[i] else { continue };
            let pick = |s: StatScope| match s {
                StatScope::Group => group_of[i],
                StatScope::Batch => batch_stats,
                StatScope::None => None,
            };
            let centre = pick(self.center);
            if centre.is_some_and(|c| c.constant) {
                o.value = Some(0.0);
                continue;
            }
            let d = x - centre.map_or(0.0, |c| c.mean);
            let z = match pick(self.scale).and_then(|s| s.std) {
                // eps in scaled units too
                Some(sd) if sd + self.eps / sc > 0.0 => d / (sd + self.eps / sc),
                Some(_) => 0.0,
                // No scaling, or a std that is undefined (n ≤ ddof): x − centre.
                None => d * sc,
            };
            o.value = Some(z);
        }
        outs
    }

    fn scope(&self) -> Scope {
        let s = |x: StatScope| match x {
            StatScope::Group => Scope::Group,
            StatScope::Batch => Scope::Batch,
            StatScope::None => Scope::Sample,
        };
        s(self.center).max(s(self.scale)).max(self.input.scope())
    }
}

impl BuildNode for Zscore {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        let (center, scale) = self.scopes(path)?;
        let input = self.input.build(&format!("{path}.input"))?;
        Ok(Box::new(ZscoreNode {
            center,
            scale,
            ddof: self.ddof.get(),
            eps: self.eps.get(),
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
    #[serde(default = "defaults::half")]
    pub constant_value: Finite,
    /// The node to transform.
    pub input: Box<NodeSpec>,
}

/// A built `min_max`: its validated parameters (the `input` subtree is built apart).
#[derive(Debug)]
struct MinMaxT {
    scope: SetScope,
    constant_value: f64,
}

impl Transform for MinMaxT {
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
        let input = self.input.build(&format!("{path}.input"))?;
        Ok(Box::new(TransformNode {
            transform: MinMaxT {
                scope: self.scope,
                constant_value: self.constant_value.get(),
            },
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
    #[serde(default = "defaults::yes")]
    pub normalize: bool,
    /// The node to transform.
    pub input: Box<NodeSpec>,
}

/// A built `rank`: its parameters (the `input` subtree is built apart).
#[derive(Debug)]
struct RankT {
    scope: SetScope,
    normalize: bool,
}

impl Transform for RankT {
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
            transform: RankT {
                scope: self.scope,
                normalize: self.normalize,
            },
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
            let err = PipelineSpec::from_json(&spec)
                .and_then(|s| s.build())
                .unwrap_err();
            assert!(matches!(err, Error::Spec { .. }), "{err}");
        }
    }

    #[test]
    fn zscore_trl_scale_rewards_batch() {
        // TRL 1.16 `scale_rewards = "batch"`: group mean, batch std (unbiased) + 1e-4.
        let rows = [
            (Some(0.0), "g0"),
            (Some(1.0), "g0"),
            (Some(10.0), "g1"),
            (Some(11.0), "g1"),
        ];
        let out = run(
            &format!(r#"{{"type": "zscore", "center": "group", "scale": "batch", "input": {X}}}"#),
            &rows,
        );
        let want = 0.5 / ((101.0f64 / 3.0).sqrt() + 1e-4);
        assert_abs_diff_eq!(want, 0.0861713, epsilon = 1e-7);
        for (o, sign) in out.iter().zip([-1.0, 1.0, -1.0, 1.0]) {
            assert_abs_diff_eq!(o.value.unwrap(), sign * want, epsilon = 1e-12);
        }
        // TRL "group" (the default) and "none".
        let out = run(&format!(r#"{{"type": "zscore", "input": {X}}}"#), &rows);
        let g = 0.5 / (0.5f64.sqrt() + 1e-4);
        assert_abs_diff_eq!(out[0].value.unwrap(), -g, epsilon = 1e-12);
        let out = run(
            &format!(r#"{{"type": "zscore", "scale": "none", "input": {X}}}"#),
            &rows,
        );
        assert_eq!(
            values(&out),
            vec![Some(-0.5), Some(0.5), Some(-0.5), Some(0.5)]
        );
        // The `scope` shorthand centres and scales over the batch: mean 5.5.
        let out = run(
            &format!(r#"{{"type": "zscore", "scope": "batch", "eps": 0, "input": {X}}}"#),
            &rows,
        );
        assert_abs_diff_eq!(
            out[0].value.unwrap(),
            -5.5 / (101.0f64 / 3.0).sqrt(),
            epsilon = 1e-12
        );
        // center none: x / std.
        let out = run(
            &format!(
                r#"{{"type": "zscore", "center": "none", "scale": "batch", "ddof": 0, "eps": 0, "input": {X}}}"#
            ),
            &[(Some(1.0), "a"), (Some(3.0), "b")],
        );
        assert_eq!(values(&out), vec![Some(1.0), Some(3.0)]);
    }

    #[test]
    fn zscore_scope_shorthand_conflicts() {
        for bad in [
            r#""scope": "batch", "center": "group""#,
            r#""scope": "batch", "scale": "group""#,
            r#""scale": "sideways""#,
        ] {
            let spec = format!(
                r#"{{"schema_version": 1, "reward": {{"type": "zscore", {bad}, "input": {X}}}}}"#
            );
            let err = PipelineSpec::from_json(&spec).and_then(|s| s.build());
            assert!(matches!(err, Err(Error::Spec { .. })), "{bad}: {err:?}");
        }
    }

    #[test]
    fn zscore_of_values_near_the_float_limit() {
        let out = run(
            &format!(
                r#"{{"type": "zscore", "scope": "batch", "ddof": 0, "eps": 0, "input": {X}}}"#
            ),
            &[(Some(1e308), "a"), (Some(-1e308), "b")],
        );
        assert_eq!(values(&out), vec![Some(1.0), Some(-1.0)]);
        let out = run(
            &format!(r#"{{"type": "zscore", "input": {X}}}"#),
            &[(Some(f64::MAX), "a"), (Some(-f64::MAX), "a")],
        );
        assert_abs_diff_eq!(out[0].value.unwrap(), 0.5f64.sqrt(), epsilon = 1e-12);
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
