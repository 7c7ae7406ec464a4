//! `constant` and `field`: rewards that need no computation.

use crate::node::{BuildNode, Leaf, Node, RewardFn};
use crate::params::{Finite, NonEmpty};
use crate::{Deadline, Result, RewardOutput, Sample};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `{type = "constant", value = 1.0}`: every sample gets `value`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Constant {
    /// The reward.
    pub value: Finite,
}

impl RewardFn for Constant {
    fn score(&self, _: &Sample, _: Deadline) -> RewardOutput {
        RewardOutput::value(self.value.get())
    }
}

impl BuildNode for Constant {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        let _ = path;
        Ok(Box::new(Leaf(self.clone())))
    }
}

/// `{type = "field", name = "rm_score"}`: reads a precomputed number from the sample's
/// `scores`, then from `metadata` (dotted names walk into nested objects).
///
/// A missing or non-numeric field gives `default` if set, else an abstention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// The field name.
    pub name: NonEmpty,
    /// Value used when the field is missing (default: abstain).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Finite>,
}

impl RewardFn for Field {
    fn score(&self, s: &Sample, _: Deadline) -> RewardOutput {
        match s.number(&self.name) {
            Some(v) if v.is_finite() => RewardOutput::value(v),
            Some(_) => RewardOutput::abstain(format!("field `{}` is not finite", self.name)),
            None => match self.default {
                Some(d) => RewardOutput::value(d.get())
                    .with_reason(format!("field `{}` missing; default used", self.name)),
                None => {
                    RewardOutput::abstain(format!("field `{}` missing or not a number", self.name))
                }
            },
        }
    }
}

impl BuildNode for Field {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        let _ = path;
        Ok(Box::new(Leaf(self.clone())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_reads_scores_then_metadata() {
        let mut s = Sample::new("x").with_score("rm", 2.5);
        s.metadata
            .insert("nested".into(), serde_json::json!({"v": "1.5"}));
        let f = |name: &str| {
            Field {
                name: NonEmpty::new(name.into()).unwrap(),
                default: None,
            }
            .score(&s, Deadline::NONE)
        };
        assert_eq!(f("rm").value, Some(2.5));
        assert_eq!(f("nested.v").value, Some(1.5));
        assert!(f("missing").is_abstention());
        let d = Field {
            name: NonEmpty::new("missing".into()).unwrap(),
            default: Some(Finite::new(-1.0).unwrap()),
        }
        .score(&s, Deadline::NONE);
        assert_eq!(d.value, Some(-1.0));
    }
}
