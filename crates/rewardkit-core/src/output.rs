//! The output of a reward function: one [`RewardOutput`] per sample.

use crate::Verdict;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Why a sample got the value it got, beyond the number.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Info {
    /// The answer extracted from the completion, if the function extracts one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extracted: Option<String>,
    /// What the function concluded ([`Verdict`]: `equal`, `not_equal`, `no_answer`,
    /// `format_ok`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    /// Why the function abstained or decided as it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The function ran out of time; the value is the pipeline's `timeout_value`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub timeout: bool,
    /// The function failed on this sample (the text says why).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Further details (`info.extra` on the wire): typed for the well-known entries.
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    pub extra: Extra,
}

impl Info {
    fn is_empty(&self) -> bool {
        self == &Info::default()
    }
}

/// The entries of `info.extra`: a typed field for each entry a built-in function writes, and
/// a free map for anything else. On the wire it is one JSON object (the typed entries first,
/// in alphabetical order, then the others).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Extra {
    /// `math`: the extraction rule that found the answer (`boxed`, `hashes`, `anchor`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extraction: Option<String>,
    /// `math`: the reference answer as the verifier extracted it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gold: Option<String>,
    /// Length rewards and `cosine`: the measured length of the completion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub length: Option<f64>,
    /// `tag_count`: the number of tags credited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<u64>,
    /// `l1_length`: the target length.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    /// Anything else a function wants to report.
    #[serde(flatten)]
    #[schemars(with = "BTreeMap<String, Value>")]
    pub other: Map<String, Value>,
}

impl Extra {
    /// Whether no entry is set.
    pub fn is_empty(&self) -> bool {
        self == &Extra::default()
    }

    /// Sets entry `key`: the typed field when `key` names one and `value` has its type,
    /// else an entry of [`Extra::other`].
    pub fn insert(&mut self, key: impl Into<String>, value: impl Into<Value>) {
        let key = key.into();
        let value = value.into();
        let typed = match (key.as_str(), &value) {
            ("extraction", Value::String(s)) => {
                self.extraction = Some(s.clone());
                true
            }
            ("gold", Value::String(s)) => {
                self.gold = Some(s.clone());
                true
            }
            ("length", Value::Number(n)) if n.as_f64().is_some() => {
                self.length = n.as_f64();
                true
            }
            ("target", Value::Number(n)) if n.as_f64().is_some() => {
                self.target = n.as_f64();
                true
            }
            ("tags", Value::Number(n)) if n.as_u64().is_some() => {
                self.tags = n.as_u64();
                true
            }
            _ => false,
        };
        if !typed {
            self.other.insert(key, value);
        }
    }
}

/// The result for one sample.
///
/// `value` is `None` when the function abstains (TRL's `None`): the row is still there, with a
/// reason in `info`.
///
/// ```
/// use rewardkit_core::RewardOutput;
/// use rewardkit_core::Verdict;
/// let o = RewardOutput::value(1.0).with_verdict(Verdict::Equal);
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
    pub fn with_verdict(mut self, v: Verdict) -> Self {
        self.info.verdict = Some(v);
        self
    }

    /// Sets the reason.
    pub fn with_reason(mut self, r: impl Into<String>) -> Self {
        self.info.reason = Some(r.into());
        self
    }

    /// Adds an `info.extra` entry (see [`Extra::insert`]).
    pub fn with_extra(mut self, k: impl Into<String>, v: impl Into<Value>) -> Self {
        self.info.extra.insert(k.into(), v.into());
        self
    }

    /// Whether the function abstained (no value, no timeout, no error).
    pub fn is_abstention(&self) -> bool {
        self.value.is_none() && !self.info.timeout && self.info.error.is_none()
    }
}
