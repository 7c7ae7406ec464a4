//! The output of a reward function: one [`RewardOutput`] per sample.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Why a sample got the value it got, beyond the number.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Info {
    /// The answer extracted from the completion, if the function extracts one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extracted: Option<String>,
    /// A short verdict (`equal`, `not_equal`, `no_answer`, `format_ok`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<String>,
    /// Why the function abstained or decided as it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The function ran out of time; the value is the pipeline's `timeout_value`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub timeout: bool,
    /// The function failed on this sample (the text says why).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Anything else a function wants to report.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    #[schemars(with = "BTreeMap<String, Value>")]
    pub extra: Map<String, Value>,
}

impl Info {
    fn is_empty(&self) -> bool {
        self == &Info::default()
    }
}

/// The result for one sample.
///
/// `value` is `None` when the function abstains (TRL's `None`): the row is still there, with a
/// reason in `info`.
///
/// ```
/// use rewardkit_core::RewardOutput;
/// let o = RewardOutput::value(1.0).with_verdict("equal");
/// assert_eq!(o.value, Some(1.0));
/// assert!(RewardOutput::abstain("no reference").value.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RewardOutput {
    /// The reward, or `None` when the function abstains.
    pub value: Option<f64>,
    /// Named sub-rewards (each named term of a combinator, with nested names joined by `/`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub components: BTreeMap<String, Option<f64>>,
    /// Per-step rewards, for process rewards (Clip/Delta).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steps: Option<Vec<f64>>,
    /// Why.
    #[serde(default, skip_serializing_if = "Info::is_empty")]
    pub info: Info,
}

impl RewardOutput {
    /// A plain value.
    pub fn value(v: f64) -> Self {
        RewardOutput {
            value: Some(v),
            ..Default::default()
        }
    }

    /// 1.0 if `ok`, else 0.0.
    pub fn binary(ok: bool) -> Self {
        Self::value(if ok { 1.0 } else { 0.0 })
    }

    /// An abstention with a reason.
    pub fn abstain(reason: impl Into<String>) -> Self {
        let mut o = RewardOutput::default();
        o.info.reason = Some(reason.into());
        o
    }

    /// A timeout. The pipeline replaces the value with its `timeout_value`.
    pub fn timeout() -> Self {
        let mut o = RewardOutput::default();
        o.info.timeout = true;
        o.info.reason = Some("deadline exceeded".into());
        o
    }

    /// An error on this sample (the value is absent unless the pipeline sets `error_value`).
    pub fn error(message: impl Into<String>) -> Self {
        let mut o = RewardOutput::default();
        o.info.error = Some(message.into());
        o
    }

    /// Sets the extracted answer.
    pub fn with_extracted(mut self, e: impl Into<String>) -> Self {
        self.info.extracted = Some(e.into());
        self
    }

    /// Sets the verdict.
    pub fn with_verdict(mut self, v: impl Into<String>) -> Self {
        self.info.verdict = Some(v.into());
        self
    }

    /// Sets the reason.
    pub fn with_reason(mut self, r: impl Into<String>) -> Self {
        self.info.reason = Some(r.into());
        self
    }

    /// Adds an extra info entry.
    pub fn with_extra(mut self, k: impl Into<String>, v: impl Into<Value>) -> Self {
        self.info.extra.insert(k.into(), v.into());
        self
    }

    /// Whether the function abstained (no value, no timeout, no error).
    pub fn is_abstention(&self) -> bool {
        self.value.is_none() && !self.info.timeout && self.info.error.is_none()
    }
}
