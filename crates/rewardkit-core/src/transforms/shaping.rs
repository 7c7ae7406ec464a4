//! Reference-centred reward shaping: `lsc` (log-sigmoid centring) and `par` (Preference As
//! Reward, with the baselines its paper compares).
//!
//! **LSC** — Wang, Nagpal, Berant, Eisenstein, D'Amour, Koyejo, Veitch, "Transforming and
//! Combining Rewards for Aligning Large Language Models" (ICML 2024, arXiv 2402.00742):
//!
//! u(x, y) = log σ(r(x, y) − r_ref(x)) < 0
//!
//! r_ref is `ref_value`, or a quantile of the reference rewards in the sample metadata field
//! `ref_field` (a list of numbers, or one number read as a list of one, e.g. rewards of SFT
//! samples for the same prompt): the
//! Gaussian quantile μ + Φ⁻¹(q)(σ + 1e-5) (default, as the PAR re-implementation
//! `PorUna-byte/PAR` `reward_shaper.py`), with σ the standard deviation with `ddof`: **1** by
//! default, the sample std of PAR's `utils.std` (`sample=True`); `ddof = 0` gives the
//! population std. Worked numbers: x = 3, refs
//! [0, 1, 2, 3], q = 0.85: ddof 1 → σ = √(5/3) = 1.2909944, r_ref = 1.5 + 1.0364334·1.2910044 =
//! 2.8380401, u = logσ(0.1619599) = **−0.6154425**; ddof 0 → σ = 1.1180340, r_ref = 2.658778,
//! u = −0.5370202. With ddof 1 a single reference reward has no std: the sample abstains with
//! the reason. Or the empirical quantile with linear interpolation (`quantile_method =
//! "empirical"`, `ddof` unused). `quantile` q defaults to 0.85. logσ is computed stably
//! (−log1p(e^{−z}), or z for z < −30); when r − r_ref itself overflows (r = −1e308 against
//! r_ref = 1e308) the result is −∞ and the sample is an error with a reason (see
//! [`crate::node::Finite`]).
//!
//! **PAR** — Fu, Zhao, Yao, Wang, Han, Xiao, "Reward Shaping to Mitigate Reward Hacking in
//! RLHF" (arXiv 2502.18770). With references r_ref,1..M (the first `max_refs`
//! numbers, default M = 10, of the metadata list `ref_field`) and `k` (default 1):
//!
//! | `shape` | reward |
//! |---|---|
//! | `sigmoid` (PAR, default) | (1/M) Σ_m σ(k(r − r_ref,m)) ∈ (0, 1) |
//! | `centered` | (1/M) Σ_m (r − r_ref,m) |
//! | `tanh` | (1/M) Σ_m tanh(k(r − r_ref,m)) |
//! | `arctan` | (1/M) Σ_m arctan(k(r − r_ref,m)) |
//! | `sgfc` | (1/M) Σ_m σ(k(r − 3 − r_ref,m)) ("slow growth, fast converge") |
//! | `ceil` | min(r, `ceil`) (no references needed) |
//!
//! (k is 1 in the reference code for every shape; it multiplies the centred difference in
//! `sigmoid`, `tanh`, `arctan` and `sgfc`.) A sample without usable references (missing field,
//! empty list, a non-number or non-finite entry) abstains with the reason. Abstentions of the
//! input stay abstentions; a NaN or infinite input abstains.
//!
//! ```
//! use rewardkit_core::{PipelineSpec, Sample};
//! let spec = PipelineSpec::from_json(r#"{"schema_version": 1, "reward":
//!   {"type": "par", "ref_field": "ref_rewards", "input": {"type": "field", "name": "rm"}}}"#)?;
//! let mut s = Sample::new("y").with_score("rm", 1.0);
//! s.metadata.insert("ref_rewards".into(), serde_json::json!([0.0, 2.0]));
//! let out = spec.build()?.score(&[s]);
//! assert!((out[0].value.unwrap() - 0.5).abs() < 1e-15); // reference symmetry (§3 TV)
//! # Ok::<(), rewardkit_core::Error>(())
//! ```
//!
//! ```
//! use rewardkit_core::{PipelineSpec, Sample};
//! let spec = PipelineSpec::from_json(r#"{"schema_version": 1, "reward":
//!   {"type": "lsc", "ref_value": 1.0, "input": {"type": "field", "name": "rm"}}}"#)?;
//! let out = spec.build()?.score(&[Sample::new("y").with_score("rm", 3.0)]);
//! assert!((out[0].value.unwrap() - (-0.126928)).abs() < 1e-6); // logσ(2), §2 TV
//! # Ok::<(), rewardkit_core::Error>(())
//! ```

use super::reject_non_finite;
use crate::defaults;
use crate::node::{BuildNode, Node, Scope, Slot, Transform, TransformNode};
pub use crate::numeric::reference::QuantileMethod;
use crate::numeric::reference::{read_refs, RefSource};
use crate::numeric::{log_sigmoid, sigmoid};
use crate::params::{AtLeastOne, Ddof, Finite, NonEmpty, Positive};
use crate::NodeSpec;
use crate::{Error, Result};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `{type = "lsc", ref_value = 0.0 | ref_field = "refs", quantile = 0.85, input = {...}}`:
/// log σ(r − r_ref).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lsc {
    /// A fixed reference reward r_ref. Exclusive with `ref_field`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ref_value: Option<Finite>,
    /// Metadata field holding the reference rewards (a list of numbers, or one number) of the
    /// sample's
    /// prompt; r_ref is their `quantile`. Exclusive with `ref_value`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ref_field: Option<NonEmpty>,
    /// Quantile q of the reference rewards (default 0.85).
    #[serde(default = "defaults::lsc_quantile")]
    pub quantile: f64,
    /// `gaussian` (default) or `empirical`.
    #[serde(default)]
    pub quantile_method: QuantileMethod,
    /// Delta degrees of freedom of the Gaussian method's std: 1 (default, the sample std of
    /// PAR's code) or 0 (population std).
    #[serde(default = "defaults::ref_ddof")]
    pub ddof: Ddof,
    /// The node to transform.
    pub input: Box<NodeSpec>,
}

#[derive(Debug)]
struct LscT(RefSource);

impl Transform for LscT {
    fn scope(&self) -> Scope {
        Scope::Sample
    }
    fn apply(&self, set: &mut [Slot<'_>]) {
        reject_non_finite(set);
        for s in set.iter_mut() {
            let Some(r) = s.out.value else { continue };
            match self.0.get(s.sample) {
                Ok(r_ref) => s.out.value = Some(log_sigmoid(r - r_ref)),
                Err(why) => {
                    s.out.value = None;
                    s.out.info.reason = Some(why);
                }
            }
        }
    }
}

impl BuildNode for Lsc {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        let src = RefSource::check(
            self.ref_value,
            self.ref_field.as_deref(),
            self.quantile,
            self.quantile_method,
            self.ddof.get(),
            path,
            "ref_value",
            "ref_field",
        )?;
        let input = self.input.build(&format!("{path}.input"))?;
        Ok(Box::new(TransformNode {
            transform: LscT(src),
            input,
        }))
    }
}

/// The shaping function of `par` (PAR and the baselines of its paper).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ParShape {
    /// (1/M) Σ σ(k(r − r_ref,m)): Preference As Reward. Default.
    #[default]
    Sigmoid,
    /// (1/M) Σ (r − r_ref,m).
    Centered,
    /// (1/M) Σ tanh(k(r − r_ref,m)).
    Tanh,
    /// (1/M) Σ arctan(k(r − r_ref,m)).
    Arctan,
    /// (1/M) Σ σ(k(r − 3 − r_ref,m)).
    Sgfc,
    /// min(r, ceil).
    Ceil,
}

/// `{type = "par", ref_field = "refs", k = 1.0, max_refs = 10, shape = "sigmoid", input = {...}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Par {
    /// Metadata field with the reference rewards r(x, y_ref,m) (a list of numbers, or one
    /// number). Required
    /// unless `shape = "ceil"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ref_field: Option<NonEmpty>,
    /// Sigmoid slope k (default 1); finite and > 0.
    #[serde(default = "defaults::par_k")]
    pub k: Positive,
    /// Number M of references used: the first M of the list (default 10); ≥ 1.
    #[serde(default = "defaults::par_max_refs")]
    pub max_refs: AtLeastOne,
    /// `sigmoid` (PAR, default), `centered`, `tanh`, `arctan`, `sgfc` or `ceil`.
    #[serde(default)]
    pub shape: ParShape,
    /// The ceiling of `shape = "ceil"` (required there, e.g. 3, 4 or 5 as in the paper's sweeps).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ceil: Option<Finite>,
    /// The node to transform.
    pub input: Box<NodeSpec>,
}

/// A checked `par`: the validated parameters the transform runs with (ParamGuard-style: made
/// by [`Par::check`] only).
#[derive(Debug)]
struct ParT {
    k: f64,
    max_refs: usize,
    shape: ParShape,
    /// The ceiling (`shape = "ceil"`).
    ceil: f64,
    /// The metadata field of the reference rewards (other shapes).
    ref_field: String,
}

impl ParT {
    fn shaped(&self, r: f64, refs: &[f64]) -> f64 {
        let refs = &refs[..refs.len().min(self.max_refs)];
        let m = refs.len() as f64;
        let k = self.k;
        let f = |d: f64| match self.shape {
            ParShape::Sigmoid => sigmoid(k * d),
            ParShape::Centered => d,
            ParShape::Tanh => (k * d).tanh(),
            ParShape::Arctan => (k * d).atan(),
            ParShape::Sgfc => sigmoid(k * (d - 3.0)),
            ParShape::Ceil => d,
        };
        refs.iter().map(|x| f(r - x)).sum::<f64>() / m
    }
}

impl Transform for ParT {
    fn scope(&self) -> Scope {
        Scope::Sample
    }
    fn apply(&self, set: &mut [Slot<'_>]) {
        reject_non_finite(set);
        for s in set.iter_mut() {
            let Some(r) = s.out.value else { continue };
            if self.shape == ParShape::Ceil {
                s.out.value = Some(r.min(self.ceil));
                continue;
            }
            match read_refs(s.sample, &self.ref_field) {
                // A shaped value that overflows (`centered` of 1.7e308 against −1.7e308) is
                // reported as an error by the node guard (`crate::node::Finite`).
                Ok(refs) => s.out.value = Some(self.shaped(r, &refs)),
                Err(why) => {
                    s.out.value = None;
                    s.out.info.reason = Some(why);
                }
            }
        }
    }
}

impl Par {
    /// The cross-field rules (`shape` with `ceil` or `ref_field`), checked into
    /// the parameters the transform runs with.
    fn check(&self, path: &str) -> Result<ParT> {
        let (ceil, ref_field) = match (self.shape, self.ceil) {
            (ParShape::Ceil, None) => {
                return Err(Error::spec_conflict(
                    format!("{path}.ceil"),
                    "`shape = \"ceil\"` needs a `ceil` value",
                ))
            }
            (ParShape::Ceil, Some(c)) => (c.get(), String::new()),
            (_, Some(_)) => {
                return Err(Error::spec_conflict(
                    format!("{path}.ceil"),
                    "only used with `shape = \"ceil\"`",
                ))
            }
            (_, None) => match self.ref_field.as_deref() {
                None => {
                    return Err(Error::spec_conflict(
                        format!("{path}.ref_field"),
                        "needs the metadata field holding the reference rewards",
                    ))
                }
                Some(f) => (f64::INFINITY, f.to_string()),
            },
        };
        Ok(ParT {
            k: self.k.get(),
            max_refs: self.max_refs.get(),
            shape: self.shape,
            ceil,
            ref_field,
        })
    }
}

impl BuildNode for Par {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        let transform = self.check(path)?;
        let input = self.input.build(&format!("{path}.input"))?;
        Ok(Box::new(TransformNode { transform, input }))
    }
}

#[cfg(test)]
mod tests {
    use crate::Sample;
    use approx::assert_abs_diff_eq;
    use serde_json::json;

    const X: &str = r#"{"type": "field", "name": "x"}"#;

    fn sample(x: f64, refs: serde_json::Value) -> Sample {
        let mut s = Sample::new("s").with_score("x", x);
        s.metadata.insert("refs".into(), refs);
        s
    }

    use crate::testutil::score_json as run;

    use crate::testutil::spec_err_json as build_err;

    #[test]
    fn par_test_vectors() {
        // Values of PAR's formulas (Fu et al. 2025), computed independently in numpy.
        let node = format!(r#"{{"type": "par", "ref_field": "refs", "input": {X}}}"#);
        let out = run(
            &node,
            &[
                sample(1.0, json!([0, 2])),
                sample(2.0, json!([0])),
                sample(0.3, json!([0.3])),
                sample(1.0, json!([-1, 0, 0.5])),
            ],
        );
        assert_abs_diff_eq!(out[0].value.unwrap(), 0.5, epsilon = 1e-15);
        assert_abs_diff_eq!(out[1].value.unwrap(), 0.880797, epsilon = 1e-6);
        assert_abs_diff_eq!(out[2].value.unwrap(), 0.5, epsilon = 1e-15);
        assert_abs_diff_eq!(out[3].value.unwrap(), 0.744772, epsilon = 1e-6);
    }

    #[test]
    fn par_max_refs_and_shift_invariance() {
        let node =
            format!(r#"{{"type": "par", "ref_field": "refs", "max_refs": 1, "input": {X}}}"#);
        // Only the first reference counts: σ(2 − 0).
        let out = run(&node, &[sample(2.0, json!([0, 100, 100]))]);
        assert_abs_diff_eq!(out[0].value.unwrap(), 0.880797, epsilon = 1e-6);
        let node = format!(r#"{{"type": "par", "ref_field": "refs", "k": 2, "input": {X}}}"#);
        let out = run(
            &node,
            &[
                sample(1.0, json!([-1, 0, 0.5])),
                sample(8.0, json!([6, 7, 7.5])),
            ],
        );
        assert_abs_diff_eq!(
            out[0].value.unwrap(),
            out[1].value.unwrap(),
            epsilon = 1e-12
        );
    }

    #[test]
    fn par_shapes() {
        let s = [sample(1.0, json!([0, 3]))];
        let v = |shape: &str| {
            let node = format!(
                r#"{{"type": "par", "ref_field": "refs", "shape": "{shape}", "input": {X}}}"#
            );
            run(&node, &s)[0].value.unwrap()
        };
        assert_abs_diff_eq!(v("centered"), (1.0 - 2.0) / 2.0, epsilon = 1e-15);
        assert_abs_diff_eq!(
            v("tanh"),
            (1f64.tanh() + (-2f64).tanh()) / 2.0,
            epsilon = 1e-15
        );
        assert_abs_diff_eq!(
            v("arctan"),
            (1f64.atan() + (-2f64).atan()) / 2.0,
            epsilon = 1e-15
        );
        let sig = |z: f64| 1.0 / (1.0 + (-z).exp());
        assert_abs_diff_eq!(v("sgfc"), (sig(-2.0) + sig(-5.0)) / 2.0, epsilon = 1e-15);
        let node = format!(r#"{{"type": "par", "shape": "ceil", "ceil": 0.5, "input": {X}}}"#);
        assert_eq!(run(&node, &s)[0].value, Some(0.5));
    }

    #[test]
    fn par_missing_refs_abstain() {
        let node = format!(r#"{{"type": "par", "ref_field": "refs", "input": {X}}}"#);
        let out = run(
            &node,
            &[
                Sample::new("s").with_score("x", 1.0),
                sample(1.0, json!([])),
                sample(1.0, json!(["a"])),
                sample(1.0, json!([0])),
            ],
        );
        for o in &out[..3] {
            assert_eq!(o.value, None);
            assert!(o.info.reason.as_deref().unwrap().contains("refs"), "{o:?}");
        }
        assert!(out[3].value.is_some());
    }

    #[test]
    fn par_spec_errors() {
        assert_eq!(
            build_err(&format!(r#"{{"type": "par", "input": {X}}}"#)),
            "reward.ref_field"
        );
        assert_eq!(
            build_err(&format!(
                r#"{{"type": "par", "shape": "ceil", "input": {X}}}"#
            )),
            "reward.ceil"
        );
        assert_eq!(
            build_err(&format!(
                r#"{{"type": "par", "ref_field": "r", "k": 0, "input": {X}}}"#
            )),
            "reward.k"
        );
        assert_eq!(
            build_err(&format!(
                r#"{{"type": "par", "ref_field": "r", "max_refs": 0, "input": {X}}}"#
            )),
            "reward.max_refs"
        );
    }

    #[test]
    #[allow(clippy::approx_constant)] // −0.693147 is the TV as printed, not a typo for −ln 2
    fn lsc_test_vectors() {
        // LSC (Wang et al., ICML 2024): u(Δ=0), u(Δ=−2); refs [0,1,2,3] → Gaussian q85 = 2.658778,
        // u(r=3) = −0.537020.
        let out = run(
            &format!(r#"{{"type": "lsc", "ref_value": 2.0, "input": {X}}}"#),
            &[sample(2.0, json!(null)), sample(0.0, json!(null))],
        );
        assert_abs_diff_eq!(out[0].value.unwrap(), -0.693147, epsilon = 1e-6);
        assert_abs_diff_eq!(out[1].value.unwrap(), -2.126928, epsilon = 1e-6);
        let out = run(
            &format!(r#"{{"type": "lsc", "ref_field": "refs", "ddof": 0, "input": {X}}}"#),
            &[sample(3.0, json!([0, 1, 2, 3])), sample(3.0, json!("x"))],
        );
        assert_abs_diff_eq!(out[0].value.unwrap(), -0.537020, epsilon = 1e-6);
        assert_eq!(out[1].value, None);
        assert!(out[1].info.reason.is_some());
    }

    #[test]
    fn lsc_gaussian_quantile_uses_par_sample_std_by_default() {
        // PAR's reward_shaper.py with utils.std(sample=True): x = 3, refs [0, 1, 2, 3].
        let node = format!(r#"{{"type": "lsc", "ref_field": "refs", "input": {X}}}"#);
        let out = run(
            &node,
            &[sample(3.0, json!([0, 1, 2, 3])), sample(3.0, json!([1]))],
        );
        assert_abs_diff_eq!(out[0].value.unwrap(), -0.6154425, epsilon = 1e-7);
        assert!(out[1].is_abstention());
        assert!(out[1].info.reason.as_deref().unwrap().contains("ddof = 1"));
        assert_eq!(
            build_err(&format!(
                r#"{{"type": "lsc", "ref_field": "r", "ddof": 2, "input": {X}}}"#
            )),
            "reward.ddof"
        );
    }

    #[test]
    fn lsc_empirical_and_extremes() {
        // numpy.quantile([0,1,2,3], 0.85) = 2.55 → logσ(3 − 2.55).
        let out = run(
            &format!(
                r#"{{"type": "lsc", "ref_field": "refs", "quantile_method": "empirical", "input": {X}}}"#
            ),
            &[sample(3.0, json!([3, 0, 2, 1]))],
        );
        let want = -(-(0.45f64)).exp().ln_1p();
        assert_abs_diff_eq!(out[0].value.unwrap(), want, epsilon = 1e-12);
        let out = run(
            &format!(r#"{{"type": "lsc", "ref_value": 0.0, "input": {X}}}"#),
            &[sample(-1e6, json!(null)), sample(1e6, json!(null))],
        );
        assert_eq!(out[0].value, Some(-1e6));
        assert!(out[1].value.unwrap() <= 0.0);
    }

    #[test]
    fn lsc_spec_errors() {
        assert_eq!(
            build_err(&format!(r#"{{"type": "lsc", "input": {X}}}"#)),
            "reward"
        );
        assert_eq!(
            build_err(&format!(
                r#"{{"type": "lsc", "ref_value": 0, "ref_field": "r", "input": {X}}}"#
            )),
            "reward"
        );
        assert_eq!(
            build_err(&format!(
                r#"{{"type": "lsc", "ref_field": "r", "quantile": 1.0, "input": {X}}}"#
            )),
            "reward.quantile"
        );
    }
}
