//! Clip and Delta shaping of process (per-step) rewards: `step_clip`, `step_delta`,
//! `step_clip_delta`.
//!
//! Gao, Xu, Ye, Liu, He, Fu, Mei, Wang, Wu, "On Designing Effective RL Reward at Training Time
//! for LLM Reasoning" (arXiv 2410.15115). With PRM scores r_1..r_K (r_k the
//! score at the end of step k):
//!
//! - Clip: r_k^clip = min(r_k − η, 0). Every step reward is ≤ 0, so extra steps never add
//!   reward. **η has no default** (the paper's value is unverified): `eta` is required.
//! - Delta: r_k^Δ = r_k − r_{k+1} for k < K; the last step gets 0 (`last_step = "zero"`,
//!   default, our reading of the paper's figure) or its own value r_K (`last_step =
//!   "keep_raw"`). With `zero` the return is r_1 − r_K (telescoping, bounded in [−1, 1] for
//!   scores in [0, 1]); with `keep_raw` it is r_1.
//! - Clip-Delta: Clip first, then Delta.
//!
//! **Input.** The per-step rewards are the `steps` of the input node's output when it has
//! them, else the scores of the sample's `steps`. `input` is optional: without it, the sample's
//! step scores are used. **Output:** `steps` = the shaped per-step rewards; `value` = their sum
//! (the undiscounted return of the process reward; add the outcome reward with a combinator).
//!
//! A sample without steps, with a step that has no score, or with a non-finite score abstains
//! with the reason. An input row that is an error or a timeout is passed through unchanged, and
//! so is an input that **abstained** (no value and no steps): it stays an abstention with the
//! input's reason (the sample's own step scores are only read when there is no `input`, or
//! when the input has a value but no steps).
//!
//! ```
//! use rewardkit_core::{PipelineSpec, Sample};
//! let spec = PipelineSpec::from_json(r#"{"schema_version": 1, "reward":
//!   {"type": "step_clip_delta", "eta": 0.5}}"#)?;
//! let s: Sample = serde_json::from_str(r#"{"completion": "...", "steps": [0.7, 0.2, 0.4, 0.8]}"#)
//!     .unwrap();
//! let out = spec.build()?.score(&[s]);
//! let steps = out[0].steps.clone().unwrap(); // §4 TV: [0.3, −0.2, −0.1, 0]
//! assert!((steps[0] - 0.3).abs() < 1e-12 && (steps[2] + 0.1).abs() < 1e-12);
//! assert!((out[0].value.unwrap() - 0.0).abs() < 1e-12);
//! # Ok::<(), rewardkit_core::Error>(())
//! ```

use crate::node::{Batch, BuildNode, Node, Scope, Slot, Transform, TransformNode};
use crate::params::Finite;
use crate::NodeSpec;
use crate::{Result, RewardOutput, Sample};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What the last step gets under Delta.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LastStep {
    /// 0: the return is r_1 − r_K. Default.
    #[default]
    Zero,
    /// Its own (clipped, for clip-delta) value r_K: the return is r_1.
    KeepRaw,
}

/// `{type = "step_clip", eta = 0.5, input = {...}}` (input optional): min(r_k − η, 0).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StepClip {
    /// Threshold η (required; steps scored below η are penalised by r_k − η).
    pub eta: Finite,
    /// Node whose output `steps` are shaped (default: the sample's step scores).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<Box<NodeSpec>>,
}

/// `{type = "step_delta", last_step = "zero", input = {...}}` (input optional):
/// r_k − r_{k+1}.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StepDelta {
    /// `zero` (default) or `keep_raw`.
    #[serde(default)]
    pub last_step: LastStep,
    /// Node whose output `steps` are shaped (default: the sample's step scores).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<Box<NodeSpec>>,
}

/// `{type = "step_clip_delta", eta = 0.5, last_step = "zero", input = {...}}` (input
/// optional): Clip, then Delta.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StepClipDelta {
    /// Threshold η of the Clip (required).
    pub eta: Finite,
    /// `zero` (default) or `keep_raw`.
    #[serde(default)]
    pub last_step: LastStep,
    /// Node whose output `steps` are shaped (default: the sample's step scores).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<Box<NodeSpec>>,
}

/// Clip: min(r − η, 0) for each step.
pub fn clip(steps: &[f64], eta: f64) -> Vec<f64> {
    steps.iter().map(|r| (r - eta).min(0.0)).collect()
}

/// Delta: r_k − r_{k+1}, and the last step 0 or r_K.
pub fn delta(steps: &[f64], last: LastStep) -> Vec<f64> {
    let mut out: Vec<f64> = steps.windows(2).map(|w| w[0] - w[1]).collect();
    if let Some(&l) = steps.last() {
        out.push(match last {
            LastStep::Zero => 0.0,
            LastStep::KeepRaw => l,
        });
    }
    out
}

#[derive(Debug)]
struct StepShape {
    eta: Option<f64>,
    delta: Option<LastStep>,
    /// Whether the spec gave an `input` (an abstaining input then stays an abstention).
    has_input: bool,
}

fn sample_steps(s: &Sample) -> std::result::Result<Vec<f64>, String> {
    let steps = s
        .steps
        .as_ref()
        .ok_or_else(|| "no steps: neither the input node nor the sample has steps".to_string())?;
    steps
        .iter()
        .enumerate()
        .map(|(i, st)| st.score().ok_or_else(|| format!("step {i} has no score")))
        .collect()
}

impl Transform for StepShape {
    fn scope(&self) -> Scope {
        Scope::Sample
    }
    fn apply(&self, set: &mut [Slot<'_>]) {
        for s in set.iter_mut() {
            if s.out.info.error.is_some() || s.out.info.timeout {
                continue;
            }
            // An input node that abstained (no value, no steps) stays an abstention, with its
            // reason: the sample's own steps are not scored behind its back.
            if self.has_input && s.out.steps.is_none() && s.out.value.is_none() {
                continue;
            }
            let raw = match s.out.steps.take() {
                Some(v) => Ok(v),
                None => sample_steps(s.sample),
            };
            let raw = raw.and_then(|v| {
                if v.is_empty() {
                    Err("no step scores".to_string())
                } else if let Some(i) = v.iter().position(|x| !x.is_finite()) {
                    Err(format!("step {i} score is not finite"))
                } else {
                    Ok(v)
                }
            });
            match raw {
                Ok(mut v) => {
                    if let Some(eta) = self.eta {
                        v = clip(&v, eta);
                    }
                    if let Some(last) = self.delta {
                        v = delta(&v, last);
                    }
                    s.out.value = Some(v.iter().sum());
                    s.out.steps = Some(v);
                }
                Err(why) => {
                    s.out.value = None;
                    s.out.steps = None;
                    s.out.info.reason = Some(why);
                }
            }
        }
    }
}

/// The input of a step transform given without `input`: an empty output per sample.
#[derive(Debug)]
struct NoInput;

impl Node for NoInput {
    fn eval(&self, batch: &Batch<'_>) -> Vec<RewardOutput> {
        vec![RewardOutput::default(); batch.len()]
    }
    fn scope(&self) -> Scope {
        Scope::Sample
    }
}

fn build_steps(
    eta: Option<f64>,
    delta: Option<LastStep>,
    input: &Option<Box<NodeSpec>>,
    path: &str,
) -> Result<Box<dyn Node>> {
    let has_input = input.is_some();
    let input: Box<dyn Node> = match input {
        Some(n) => n.build(&format!("{path}.input"))?,
        None => Box::new(NoInput),
    };
    Ok(Box::new(TransformNode {
        transform: StepShape {
            eta,
            delta,
            has_input,
        },
        input,
    }))
}

impl BuildNode for StepClip {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        build_steps(Some(self.eta.get()), None, &self.input, path)
    }
}

impl BuildNode for StepDelta {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        build_steps(None, Some(self.last_step), &self.input, path)
    }
}

impl BuildNode for StepClipDelta {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        build_steps(
            Some(self.eta.get()),
            Some(self.last_step),
            &self.input,
            path,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PipelineSpec;
    use approx::assert_abs_diff_eq;

    fn close(a: &[f64], b: &[f64]) {
        assert_eq!(a.len(), b.len(), "{a:?} vs {b:?}");
        for (x, y) in a.iter().zip(b) {
            assert_abs_diff_eq!(x, y, epsilon = 1e-12);
        }
    }

    // Worked example (Gao et al. 2024, Clip and Delta): PRM = [0.7, 0.2, 0.4, 0.8], η = 0.5.
    const PRM: [f64; 4] = [0.7, 0.2, 0.4, 0.8];

    #[test]
    fn clip_delta_test_vectors() {
        close(&clip(&PRM, 0.5), &[0.0, -0.3, -0.1, 0.0]);
        let d = delta(&PRM, LastStep::Zero);
        close(&d, &[0.5, -0.2, -0.4, 0.0]);
        // Return-to-go r_t − r_K: [−0.1, −0.6, −0.4, 0].
        let rtg: Vec<f64> = (0..4).map(|t| d[t..].iter().sum()).collect();
        close(&rtg, &[-0.1, -0.6, -0.4, 0.0]);
        close(
            &delta(&clip(&PRM, 0.5), LastStep::Zero),
            &[0.3, -0.2, -0.1, 0.0],
        );
        close(&delta(&PRM, LastStep::KeepRaw), &[0.5, -0.2, -0.4, 0.8]);
    }

    use crate::testutil::score_json as run;

    fn with_steps(json: &str) -> Sample {
        serde_json::from_str(&format!(r#"{{"completion": "c", "steps": {json}}}"#)).unwrap()
    }

    #[test]
    fn nodes_read_sample_steps() {
        let s = [
            with_steps("[0.7, 0.2, 0.4, 0.8]"),
            Sample::new("none"),
            with_steps(r#"[0.5, "text only"]"#),
            with_steps("[]"),
        ];
        let out = run(r#"{"type": "step_clip", "eta": 0.5}"#, &s);
        close(out[0].steps.as_ref().unwrap(), &[0.0, -0.3, -0.1, 0.0]);
        assert_abs_diff_eq!(out[0].value.unwrap(), -0.4, epsilon = 1e-12);
        for o in &out[1..] {
            assert_eq!(o.value, None);
            assert!(o.info.reason.is_some());
        }
        let out = run(r#"{"type": "step_delta"}"#, &s[..1]);
        assert_abs_diff_eq!(out[0].value.unwrap(), 0.7 - 0.8, epsilon = 1e-12);
        let out = run(
            r#"{"type": "step_delta", "last_step": "keep_raw"}"#,
            &s[..1],
        );
        assert_abs_diff_eq!(out[0].value.unwrap(), 0.7, epsilon = 1e-12);
    }

    #[test]
    fn input_steps_take_precedence() {
        // A step_clip's output steps feed a step_delta: same as step_clip_delta.
        let s = [with_steps("[0.7, 0.2, 0.4, 0.8]")];
        let out = run(
            r#"{"type": "step_delta", "input": {"type": "step_clip", "eta": 0.5}}"#,
            &s,
        );
        close(out[0].steps.as_ref().unwrap(), &[0.3, -0.2, -0.1, 0.0]);
    }

    #[test]
    fn extra_good_steps_leave_clip_return_unchanged() {
        // §4 property: appending steps scored ≥ η does not change the Clip return.
        let out = run(
            r#"{"type": "step_clip", "eta": 0.5}"#,
            &[
                with_steps("[0.7, 0.2, 0.4]"),
                with_steps("[0.7, 0.2, 0.4, 0.9, 0.6, 0.5]"),
            ],
        );
        assert_abs_diff_eq!(
            out[0].value.unwrap(),
            out[1].value.unwrap(),
            epsilon = 1e-12
        );
    }

    #[test]
    fn abstaining_input_stays_an_abstention() {
        // The input (a field the sample lacks) abstains: step_clip must not score the
        // sample's own steps under the input's abstention reason.
        let out = run(
            r#"{"type": "step_clip", "eta": 0.5, "input": {"type": "field", "name": "missing"}}"#,
            &[with_steps("[0.7, 0.2]")],
        );
        assert!(out[0].is_abstention(), "{:?}", out[0]);
        assert_eq!(out[0].steps, None);
        assert!(out[0].info.reason.as_deref().unwrap().contains("missing"));
    }

    #[test]
    fn eta_is_required() {
        let err = PipelineSpec::from_json(
            r#"{"schema_version": 1, "reward": {"type": "step_clip_delta"}}"#,
        )
        .unwrap_err();
        assert!(err.to_string().contains("eta"), "{err}");
    }
}
