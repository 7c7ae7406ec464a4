//! `gate`: a reward that only counts when a gate passes (e.g. "format correct, then judge").
//!
//! ```text
//! out = reward          if gate ≥ threshold   (gate > threshold with strict = true)
//!       value           otherwise             (value defaults to 0)
//! ```
//!
//! - `threshold` defaults to 0.5 (a 0/1 gate passes on 1); the comparison is **≥** unless
//!   `strict = true`.
//! - A gate that abstains (no value, or NaN) makes the sample abstain (`on_abstain =
//!   "abstain"`, default, with the gate's reason) or count as failed (`on_abstain = "fail"`).
//!   A gate that timed out has the pipeline's `timeout_value` and is compared like any value;
//!   its timeout/error flags are carried to the output.
//! - When the `reward` node works per sample, it is only evaluated on the samples that passed
//!   (so an expensive judge is not called for the others); a group- or batch-wise `reward` is
//!   evaluated on the whole batch, so its statistics do not depend on the gate.
//! - `components`: `gate`, and `reward` (with the reward's own components under `reward/…`)
//!   for samples that passed.
//!
//! ```
//! use rewardkit_core::{PipelineSpec, Sample};
//! let spec = PipelineSpec::from_toml(r#"
//! schema_version = 1
//! [reward]
//! type = "gate"
//! gate = { type = "field", name = "format_ok" }
//! reward = { type = "field", name = "judge" }
//! value = -1.0
//! "#)?;
//! let out = spec.build()?.score(&[
//!     Sample::new("a").with_score("format_ok", 1.0).with_score("judge", 0.8),
//!     Sample::new("b").with_score("format_ok", 0.0).with_score("judge", 0.9),
//!     Sample::new("c").with_score("judge", 0.9),
//! ]);
//! assert_eq!(out[0].value, Some(0.8));
//! assert_eq!(out[1].value, Some(-1.0));
//! assert_eq!(out[2].value, None); // the gate abstained
//! # Ok::<(), rewardkit_core::Error>(())
//! ```

use crate::defaults;
use crate::node::{Batch, BuildNode, Node, Scope};
use crate::params::Finite;
use crate::NodeSpec;
use crate::{Result, RewardOutput, Sample};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What an abstaining gate does.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OnAbstain {
    /// The sample abstains too. Default.
    #[default]
    Abstain,
    /// The gate counts as failed: the sample gets `value`.
    Fail,
}

/// `{type = "gate", gate = {...}, threshold = 0.5, reward = {...}, value = 0.0}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Gate {
    /// The gate node.
    pub gate: Box<NodeSpec>,
    /// The gate passes when its value is ≥ `threshold` (default 0.5).
    #[serde(default = "defaults::half")]
    pub threshold: Finite,
    /// Use > instead of ≥ (default false).
    #[serde(default)]
    pub strict: bool,
    /// The reward used when the gate passes.
    pub reward: Box<NodeSpec>,
    /// The value when the gate fails (default 0).
    #[serde(default)]
    pub value: Finite,
    /// `abstain` (default) or `fail`: what an abstaining gate does.
    #[serde(default)]
    pub on_abstain: OnAbstain,
}

#[derive(Debug)]
struct GateNode {
    gate: Box<dyn Node>,
    reward: Box<dyn Node>,
    threshold: f64,
    strict: bool,
    value: f64,
    on_abstain: OnAbstain,
}

impl GateNode {
    /// Whether a gate output passes: `Some(bool)`, or `None` when it abstains.
    fn passes(&self, g: &RewardOutput) -> Option<bool> {
        let v = g.value.filter(|v| !v.is_nan())?;
        Some(if self.strict {
            v > self.threshold
        } else {
            v >= self.threshold
        })
    }

    /// Evaluates the reward on the samples marked in `pass` (all samples when the reward is
    /// group- or batch-wise); entries of samples not evaluated are `None`.
    fn eval_reward(&self, batch: &Batch<'_>, pass: &[bool]) -> Vec<Option<RewardOutput>> {
        let n = batch.len();
        let count = pass.iter().filter(|p| **p).count();
        if count == 0 {
            return vec![None; n];
        }
        if count == n || self.reward.scope() != Scope::Sample {
            return self.reward.eval(batch).into_iter().map(Some).collect();
        }
        let subset: Vec<Sample> = batch
            .samples
            .iter()
            .zip(pass)
            .filter(|(_, p)| **p)
            .map(|(s, _)| s.clone())
            .collect();
        let sub = Batch::new(&subset, batch.settings);
        let mut it = self.reward.eval(&sub).into_iter();
        pass.iter()
            .map(|&p| {
                if p {
                    Some(it.next().unwrap_or_default())
                } else {
                    None
                }
            })
            .collect()
    }
}

impl Node for GateNode {
    fn eval(&self, batch: &Batch<'_>) -> Vec<RewardOutput> {
        let gates = self.gate.eval(batch);
        let decision: Vec<Option<bool>> = gates.iter().map(|g| self.passes(g)).collect();
        let pass: Vec<bool> = decision.iter().map(|d| *d == Some(true)).collect();
        let rewards = self.eval_reward(batch, &pass);
        gates
            .into_iter()
            .zip(decision)
            .zip(rewards)
            .map(|((g, d), r)| {
                let mut out = match (d, r) {
                    (Some(true), Some(r)) => {
                        let mut out = r.clone();
                        out.components = r
                            .components
                            .into_iter()
                            .map(|(k, v)| (format!("reward/{k}"), v))
                            .collect();
                        out.components.insert("reward".into(), r.value);
                        out
                    }
                    (None, _) if self.on_abstain == OnAbstain::Abstain => {
                        let why = g.info.reason.clone().unwrap_or_else(|| "no value".into());
                        RewardOutput::abstain(format!("gate abstained: {why}"))
                    }
                    _ => RewardOutput::value(self.value).with_reason(match g.value {
                        Some(v) if !v.is_nan() => format!(
                            "gate failed: {v} {} {}",
                            if self.strict { "<=" } else { "<" },
                            self.threshold
                        ),
                        _ => "gate abstained; counted as failed".to_string(),
                    }),
                };
                out.components.insert("gate".into(), g.value);
                if g.info.timeout {
                    out.info.timeout = true;
                }
                if let Some(e) = g.info.error {
                    out.info.error = Some(format!("gate: {e}"));
                }
                out
            })
            .collect()
    }

    fn scope(&self) -> Scope {
        self.gate.scope().max(self.reward.scope())
    }
}

impl BuildNode for Gate {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        Ok(Box::new(GateNode {
            gate: self.gate.build(&format!("{path}.gate"))?,
            reward: self.reward.build(&format!("{path}.reward"))?,
            threshold: self.threshold.get(),
            strict: self.strict,
            value: self.value.get(),
            on_abstain: self.on_abstain,
        }))
    }
}

#[cfg(test)]
mod tests {
    use crate::{PipelineSpec, RewardOutput, Sample};

    fn run(extra: &str, reward: &str, samples: &[Sample]) -> Vec<RewardOutput> {
        let spec = format!(
            r#"{{"schema_version": 1, "reward": {{"type": "gate", {extra}
                "gate": {{"type": "field", "name": "g"}}, "reward": {reward}}}}}"#
        );
        PipelineSpec::from_json(&spec)
            .unwrap()
            .build()
            .unwrap()
            .score(samples)
    }

    const R: &str = r#"{"type": "field", "name": "r"}"#;

    fn s(g: Option<f64>, r: f64) -> Sample {
        let s = Sample::new("y").with_score("r", r).with_group("q");
        match g {
            Some(g) => s.with_score("g", g),
            None => s,
        }
    }

    #[test]
    fn threshold_is_inclusive_unless_strict() {
        let samples = [s(Some(0.5), 2.0), s(Some(0.4), 2.0), s(Some(0.6), 2.0)];
        let v: Vec<_> = run("", R, &samples).iter().map(|o| o.value).collect();
        assert_eq!(v, vec![Some(2.0), Some(0.0), Some(2.0)]);
        let v: Vec<_> = run(r#""strict": true, "value": -1,"#, R, &samples)
            .iter()
            .map(|o| o.value)
            .collect();
        assert_eq!(v, vec![Some(-1.0), Some(-1.0), Some(2.0)]);
    }

    #[test]
    fn abstaining_gate() {
        let samples = [s(None, 2.0), s(Some(1.0), 3.0)];
        let out = run("", R, &samples);
        assert_eq!(out[0].value, None);
        assert!(out[0]
            .info
            .reason
            .as_deref()
            .unwrap()
            .contains("gate abstained"));
        assert_eq!(out[1].value, Some(3.0));
        assert_eq!(out[1].components["gate"], Some(1.0));
        assert_eq!(out[1].components["reward"], Some(3.0));
        let out = run(r#""on_abstain": "fail","#, R, &samples);
        assert_eq!(out[0].value, Some(0.0));
    }

    #[test]
    fn group_reward_sees_whole_batch() {
        // A group-wise reward is computed on all samples: min_max over [1, 3] within group q.
        let reward = format!(r#"{{"type": "min_max", "input": {R}}}"#);
        let out = run(
            "",
            &reward,
            &[s(Some(1.0), 1.0), s(Some(0.0), 3.0), s(Some(1.0), 2.0)],
        );
        let v: Vec<_> = out.iter().map(|o| o.value).collect();
        assert_eq!(v, vec![Some(0.0), Some(0.0), Some(0.5)]);
        // A per-sample reward on a subset keeps rows aligned.
        let out = run(
            "",
            R,
            &[s(Some(0.0), 1.0), s(Some(1.0), 7.0), s(Some(0.0), 2.0)],
        );
        let v: Vec<_> = out.iter().map(|o| o.value).collect();
        assert_eq!(v, vec![Some(0.0), Some(7.0), Some(0.0)]);
    }
}
