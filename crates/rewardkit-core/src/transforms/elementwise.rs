//! Per-sample transforms: `affine`, `clip`.

use super::map_values;
use crate::node::{Node, Scope, Slot, Transform, TransformNode};
use crate::spec::{BuildNode, NodeSpec};
use crate::{Error, Result};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `{type = "affine", scale = 2.0, shift = -1.0, input = {...}}`: `scale · x + shift`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Affine {
    /// Multiplier (default 1).
    #[serde(default = "one")]
    pub scale: f64,
    /// Offset (default 0).
    #[serde(default)]
    pub shift: f64,
    /// The node to transform.
    pub input: Box<NodeSpec>,
}

fn one() -> f64 {
    1.0
}

impl Transform for Affine {
    fn scope(&self) -> Scope {
        Scope::Sample
    }
    fn apply(&self, set: &mut [Slot<'_>]) {
        map_values(set, |x| self.scale * x + self.shift);
    }
}

impl BuildNode for Affine {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        if !self.scale.is_finite() || !self.shift.is_finite() {
            return Err(Error::spec(path, "scale and shift must be finite"));
        }
        let input = self.input.build(&format!("{path}.input"))?;
        Ok(Box::new(TransformNode {
            transform: self.clone(),
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
    pub min: Option<f64>,
    /// Upper bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// The node to transform.
    pub input: Box<NodeSpec>,
}

impl Transform for Clip {
    fn scope(&self) -> Scope {
        Scope::Sample
    }
    fn apply(&self, set: &mut [Slot<'_>]) {
        let lo = self.min.unwrap_or(f64::NEG_INFINITY);
        let hi = self.max.unwrap_or(f64::INFINITY);
        map_values(set, |x| x.clamp(lo, hi));
    }
}

impl BuildNode for Clip {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        if let (Some(lo), Some(hi)) = (self.min, self.max) {
            if lo.is_nan() || hi.is_nan() || lo > hi {
                return Err(Error::spec(
                    path,
                    format!("need min <= max, got min = {lo}, max = {hi}"),
                ));
            }
        }
        let input = self.input.build(&format!("{path}.input"))?;
        Ok(Box::new(TransformNode {
            transform: self.clone(),
            input,
        }))
    }
}
