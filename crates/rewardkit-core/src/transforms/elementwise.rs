//! Per-sample transforms: `affine`, `clip`, `tanh`, `sigmoid`.
//!
//! - `affine`: scale·x + shift (defaults 1, 0).
//! - `clip`: clamp to [min, max] (either bound optional).
//! - `tanh`: tanh(k·(x − center)) ∈ [−1, 1].
//! - `sigmoid`: σ(k·(x − center)) = 1/(1 + e^{−k(x − center)}) ∈ (0, 1) (exactly 0 or 1 only
//!   when the float saturates), computed without overflow.
//!
//! In every one of them a NaN or infinite input becomes an abstention with a reason; an `affine`
//! result that overflows is an error with a reason (as every non-finite node result, see
//! [`crate::node::Finite`]). `clip` bounds must be finite numbers when given (`max = nan` or
//! `max = inf` is a spec error).
//!
//! For `tanh` and `sigmoid`, k is `scale` (default 1) or 1/`temperature` (give at most one of the
//! two); `center` defaults to 0. Squashing a reward-model score into a bounded range is the first
//! of the PAR design principles (Fu et al. 2025, "Reward Shaping to Mitigate Reward Hacking in
//! RLHF", arXiv 2502.18770); `par` (in [`super::shaping`]) is the reference-centred version.
//!
//! ```
//! use rewardkit_core::{PipelineSpec, Sample};
//! let spec = PipelineSpec::from_json(r#"{"schema_version": 1, "reward":
//!   {"type": "sigmoid", "temperature": 2.0, "center": 1.0,
//!    "input": {"type": "field", "name": "rm"}}}"#)?;
//! let out = spec.build()?.score(&[Sample::new("a").with_score("rm", 1.0),
//!                                 Sample::new("b").with_score("rm", 5.0)]);
//! assert_eq!(out[0].value, Some(0.5));
//! assert!((out[1].value.unwrap() - 0.880797).abs() < 1e-6); // σ((5 − 1)/2) = σ(2)
//! # Ok::<(), rewardkit_core::Error>(())
//! ```

use super::{map_values, reject_non_finite};
use crate::defaults;
use crate::node::{BuildNode, Node, Scope, Slot, Transform, TransformNode};
use crate::numeric::sigmoid;
use crate::params::{Finite, NonZero, Positive};
use crate::NodeSpec;
use crate::{Error, Result};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `{type = "affine", scale = 2.0, shift = -1.0, input = {...}}`: `scale · x + shift`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Affine {
    /// Multiplier (default 1).
    #[serde(default = "defaults::one")]
    pub scale: Finite,
    /// Offset (default 0).
    #[serde(default)]
    pub shift: Finite,
    /// The node to transform.
    pub input: Box<NodeSpec>,
}

/// A built `affine`: scale and shift (the `input` subtree is built apart).
#[derive(Debug)]
struct AffineT {
    scale: f64,
    shift: f64,
}

impl Transform for AffineT {
    fn scope(&self) -> Scope {
        Scope::Sample
    }
    fn apply(&self, set: &mut [Slot<'_>]) {
        reject_non_finite(set);
        // An overflow (|scale·x| > f64::MAX) is turned into an error by the node guard
        // (`crate::node::Finite`), never an infinite reward.
        map_values(set, |x| self.scale * x + self.shift);
    }
}

impl BuildNode for Affine {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        let input = self.input.build(&format!("{path}.input"))?;
        Ok(Box::new(TransformNode {
            transform: AffineT {
                scale: self.scale.get(),
                shift: self.shift.get(),
            },
            input,
        }))
    }
}

/// `{type = "clip", min = 0.0, max = 1.0, input = {...}}`: clamps to `[min, max]`; either bound
/// may be left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Clip {
    /// Lower bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Finite>,
    /// Upper bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Finite>,
    /// The node to transform.
    pub input: Box<NodeSpec>,
}

/// A checked `clip`: its bounds, `lo <= hi` (made by [`Clip::check`] only).
#[derive(Debug)]
struct ClipT {
    lo: f64,
    hi: f64,
}

impl Transform for ClipT {
    fn scope(&self) -> Scope {
        Scope::Sample
    }
    fn apply(&self, set: &mut [Slot<'_>]) {
        reject_non_finite(set);
        map_values(set, |x| x.clamp(self.lo, self.hi));
    }
}

impl BuildNode for Clip {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        let transform = self.check(path)?;
        let input = self.input.build(&format!("{path}.input"))?;
        Ok(Box::new(TransformNode { transform, input }))
    }
}

impl Clip {
    /// The cross-field rule, `min <= max` when both are given, checked into the bounds the
    /// transform runs with.
    fn check(&self, path: &str) -> Result<ClipT> {
        let lo = self.min.map_or(f64::NEG_INFINITY, Finite::get);
        let hi = self.max.map_or(f64::INFINITY, Finite::get);
        if lo > hi {
            return Err(Error::spec_conflict(
                path,
                format!("need min <= max, got min = {lo}, max = {hi}"),
            ));
        }
        Ok(ClipT { lo, hi })
    }
}

/// Resolves `scale` / `temperature` into one multiplier k; giving both is the one
/// cross-field rule of `tanh` and `sigmoid`.
fn slope(scale: Option<NonZero>, temperature: Option<Positive>, path: &str) -> Result<f64> {
    match (scale, temperature) {
        (Some(_), Some(_)) => Err(Error::spec_conflict(
            path,
            "give `scale` or `temperature` (= 1/scale), not both",
        )),
        (Some(k), None) => Ok(k.get()),
        (None, Some(t)) => Ok(1.0 / t.get()),
        (None, None) => Ok(1.0),
    }
}

/// `{type = "tanh", scale = 1.0, center = 0.0, input = {...}}`: tanh(k·(x − center)), with
/// k = `scale` or 1/`temperature`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tanh {
    /// Slope k (default 1; finite, non-zero). Exclusive with `temperature`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<NonZero>,
    /// Temperature T > 0: k = 1/T. Exclusive with `scale`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature: Option<Positive>,
    /// Centre subtracted before squashing (default 0).
    #[serde(default)]
    pub center: Finite,
    /// The node to transform.
    pub input: Box<NodeSpec>,
}

#[derive(Debug)]
struct Squash {
    k: f64,
    center: f64,
    f: fn(f64) -> f64,
}

impl Transform for Squash {
    fn scope(&self) -> Scope {
        Scope::Sample
    }
    fn apply(&self, set: &mut [Slot<'_>]) {
        reject_non_finite(set);
        map_values(set, |x| (self.f)(self.k * (x - self.center)));
    }
}

impl BuildNode for Tanh {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        let k = slope(self.scale, self.temperature, path)?;
        let input = self.input.build(&format!("{path}.input"))?;
        Ok(Box::new(TransformNode {
            transform: Squash {
                k,
                center: self.center.get(),
                f: f64::tanh,
            },
            input,
        }))
    }
}

/// `{type = "sigmoid", scale = 1.0, center = 0.0, input = {...}}`: σ(k·(x − center)), with
/// k = `scale` or 1/`temperature`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sigmoid {
    /// Slope k (default 1; finite, non-zero). Exclusive with `temperature`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<NonZero>,
    /// Temperature T > 0: k = 1/T. Exclusive with `scale`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature: Option<Positive>,
    /// Centre subtracted before squashing (default 0).
    #[serde(default)]
    pub center: Finite,
    /// The node to transform.
    pub input: Box<NodeSpec>,
}

impl BuildNode for Sigmoid {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        let k = slope(self.scale, self.temperature, path)?;
        let input = self.input.build(&format!("{path}.input"))?;
        Ok(Box::new(TransformNode {
            transform: Squash {
                k,
                center: self.center.get(),
                f: sigmoid,
            },
            input,
        }))
    }
}

#[cfg(test)]
mod tests {
    use crate::{Error, PipelineSpec, RewardOutput, Sample};
    use approx::assert_abs_diff_eq;

    fn run(node: &str, xs: &[Option<f64>]) -> Vec<RewardOutput> {
        let spec = format!(r#"{{"schema_version": 1, "reward": {node}}}"#);
        let samples: Vec<Sample> = xs
            .iter()
            .map(|x| match x {
                Some(v) => Sample::new("s").with_score("x", *v),
                None => Sample::new("s"),
            })
            .collect();
        PipelineSpec::from_json(&spec)
            .unwrap()
            .build()
            .unwrap()
            .score(&samples)
    }

    const X: &str = r#"{"type": "field", "name": "x"}"#;

    #[test]
    fn tanh_values_and_abstention() {
        let out = run(
            &format!(r#"{{"type": "tanh", "scale": 0.5, "input": {X}}}"#),
            &[Some(2.0), None, Some(-2.0)],
        );
        assert_abs_diff_eq!(out[0].value.unwrap(), 1f64.tanh(), epsilon = 1e-15);
        assert_eq!(out[1].value, None);
        assert!(out[1].info.reason.is_some());
        assert_abs_diff_eq!(out[2].value.unwrap(), -(1f64.tanh()), epsilon = 1e-15);
    }

    #[test]
    fn sigmoid_tv() {
        // Fu et al. 2025 (PAR, arXiv 2502.18770): σ(2) = 0.880797 (PAR(2, [0]) with one reference).
        let out = run(
            &format!(r#"{{"type": "sigmoid", "input": {X}}}"#),
            &[Some(2.0), Some(0.0), Some(-800.0)],
        );
        assert_abs_diff_eq!(out[0].value.unwrap(), 0.880797, epsilon = 1e-6);
        assert_eq!(out[1].value, Some(0.5));
        assert_eq!(out[2].value, Some(0.0));
    }

    #[test]
    fn affine_overflow_is_an_error() {
        let out = run(
            &format!(r#"{{"type": "affine", "scale": 1e300, "input": {X}}}"#),
            &[Some(1e300), Some(2.0)],
        );
        assert_eq!(out[0].value, None);
        let e = out[0].info.error.as_deref().unwrap();
        assert!(
            e.contains("`affine` at `reward`") && e.contains("inf"),
            "{e}"
        );
        assert_eq!(out[1].value, Some(2e300));
    }

    #[test]
    fn overflowed_input_stays_an_error() {
        let out = run(
            &format!(
                r#"{{"type": "sigmoid", "input": {{"type": "affine", "scale": 1e300, "input": {X}}}}}"#
            ),
            &[Some(1e300)],
        );
        assert_eq!(out[0].value, None);
        let e = out[0].info.error.as_deref().unwrap();
        assert!(e.contains("`affine` at `reward.input`"), "{e}");
    }

    #[test]
    fn clip_bounds_must_be_finite() {
        for bad in [r#""max": 1e999"#, r#""min": -1e999"#] {
            let spec = format!(
                r#"{{"schema_version": 1, "reward": {{"type": "clip", {bad}, "input": {X}}}}}"#
            );
            // JSON cannot say nan or inf: 1e999 is out of range for the parser.
            assert!(PipelineSpec::from_json(&spec).is_err());
        }
        let spec = PipelineSpec::from_toml(
            "schema_version = 1\nreward = {type = \"clip\", max = nan, input = {type = \"field\", name = \"x\"}}\n",
        );
        match spec.unwrap_err() {
            Error::Spec { path, .. } => assert_eq!(path, "reward.max"),
            e => panic!("{e}"),
        }
        let mut clip: super::Clip = serde_json::from_str(&format!(r#"{{"input": {X}}}"#)).unwrap();
        // Made in code, a bound is a `Finite`: an infinite one cannot be built at all.
        assert!(crate::params::Finite::new(f64::NEG_INFINITY).is_err());
        clip.min = Some(crate::params::Finite::new(2.0).unwrap());
        clip.max = Some(crate::params::Finite::new(1.0).unwrap());
        match crate::node::BuildNode::build(&clip, "r").unwrap_err() {
            Error::Spec { path, .. } => assert_eq!(path, "r"),
            e => panic!("{e}"),
        }
    }

    #[test]
    fn scale_and_temperature_are_exclusive() {
        for bad in [
            r#""scale": 1.0, "temperature": 1.0"#,
            r#""temperature": 0.0"#,
            r#""scale": 0.0"#,
        ] {
            let spec = format!(
                r#"{{"schema_version": 1, "reward": {{"type": "tanh", {bad}, "input": {X}}}}}"#
            );
            let err = PipelineSpec::from_json(&spec)
                .and_then(|s| s.build())
                .unwrap_err();
            assert!(matches!(err, Error::Spec { .. }), "{err}");
        }
    }
}
