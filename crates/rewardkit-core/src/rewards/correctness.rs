//! A child node that says whether each sample is correct, for rewards that need correctness
//! (`kimi_length`, `l1_length`, `rlcr`, `cosine`).
//!
//! The child is any node (`exact_match`, `number_match`, a math verifier, `field`, ...); a
//! sample is correct when the child's value is ≥ `threshold` (default 0.5, so 0/1 rewards read
//! as they should). A child that abstains leaves correctness unknown. A child that timed out
//! has the pipeline's `timeout_value` as its value and is judged on it.

use crate::node::{Batch, BuildNode, Node, Scope};
use crate::params::Finite;
use crate::NodeSpec;
use crate::{Result, RewardOutput};

/// A built correctness child.
#[derive(Debug)]
pub(crate) struct Correctness {
    node: Box<dyn Node>,
    threshold: f64,
}

impl Correctness {
    /// Builds the child at `{path}.correct`.
    pub(crate) fn build(spec: &NodeSpec, threshold: Finite, path: &str) -> Result<Self> {
        Ok(Correctness {
            node: spec.build(&format!("{path}.correct"))?,
            threshold: threshold.get(),
        })
    }

    /// The child's outputs.
    pub(crate) fn eval(&self, batch: &Batch<'_>) -> Vec<RewardOutput> {
        self.node.eval(batch)
    }

    /// The child's scope.
    pub(crate) fn scope(&self) -> Scope {
        self.node.scope()
    }

    /// Whether a child output means "correct" (`None`: the child abstained).
    pub(crate) fn judge(&self, child: &RewardOutput) -> Option<bool> {
        child.value.map(|v| v >= self.threshold)
    }

    /// A fresh output that carries the child's value (component `correct`), extracted answer,
    /// timeout flag and error.
    pub(crate) fn seed(&self, child: &RewardOutput) -> RewardOutput {
        let mut out = RewardOutput::default();
        out.components.insert("correct".into(), child.value);
        out.info.extracted.clone_from(&child.info.extracted);
        out.info.timeout = child.info.timeout;
        if let Some(e) = &child.info.error {
            out.info.error = Some(format!("correct: {e}"));
        }
        out
    }

    /// The reason to give when the child abstained.
    pub(crate) fn abstain_reason(child: &RewardOutput) -> String {
        match &child.info.reason {
            Some(r) => format!("correctness unknown: {r}"),
            None => "correctness unknown".into(),
        }
    }
}
