//! Combinators: merge several named terms into one reward.
//!
//! Every combinator has `terms`, each `{name, weight, reward}`. The output's `components` hold
//! each term's value under its name (and the term's own components under `name/sub`).
//! Abstentions are skipped (TRL's `nansum` semantics); when every term abstains, so does the
//! combinator.
//! A NaN or infinite term value counts as an abstention of that term (terms built from a spec
//! never have one: see below). A combined value that is not finite (`weighted_sum` of
//! `10 × 1e308`) is an **error** on that sample with a reason naming the node and its path, and
//! the pipeline's `error_value` (default none) as its value: every node built from a spec is
//! wrapped in [`crate::node::Finite`].
//!
//! | `type` | what | module |
//! |---|---|---|
//! | `weighted_sum` | Σ wᵢ·rᵢ | here |
//! | `normalize_sum` | Σ wᵢ·zscore(rᵢ) (GDPO, TRL `normalize_then_sum`) | [`ops`] |
//! | `lsc_sum` | Σ wᵢ·logσ(rᵢ − rᵢ^ref) (Wang et al. 2024) | [`ops`] |
//! | `product`, `min`, `max` | Π rᵢ, min rᵢ, max rᵢ | [`ops`] |
//! | `ensemble` | mean, worst case, uncertainty-weighted, robust mix (Coste et al. 2024, Yan et al. 2024) | [`ensemble`] |
//! | `gate` | `reward` if `gate ≥ threshold`, else `value` | [`gate`] |

pub mod ensemble;
pub mod gate;
pub mod ops;

use crate::defaults;
use crate::node::{Batch, BuildNode, Node, Scope};
use crate::params::Finite;
use crate::NodeSpec;
use crate::{Error, Result, RewardOutput};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// One named, weighted term of a combinator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// Name of the term (its key in `components`). Default: `t{index}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Weight (default 1).
    #[serde(default = "defaults::one")]
    pub weight: Finite,
    /// The term's reward.
    pub reward: NodeSpec,
}

/// Built terms: names, weights and nodes.
#[derive(Debug)]
pub(crate) struct Terms {
    /// Names, in order.
    pub(crate) names: Vec<String>,
    /// Weights, in order.
    pub(crate) weights: Vec<f64>,
    /// Nodes, in order.
    pub(crate) nodes: Vec<Box<dyn Node>>,
}

impl Terms {
    /// Checks and builds a list of terms.
    pub(crate) fn build(terms: &[Term], path: &str) -> Result<Self> {
        if terms.is_empty() {
            return Err(Error::spec(
                format!("{path}.terms"),
                "needs at least one term",
            ));
        }
        let mut seen = HashSet::new();
        let mut out = Terms {
            names: vec![],
            weights: vec![],
            nodes: vec![],
        };
        for (i, t) in terms.iter().enumerate() {
            let here = format!("{path}.terms[{i}]");
            let name = t.name.clone().unwrap_or_else(|| format!("t{i}"));
            if name.is_empty() || name.contains('/') {
                return Err(Error::spec(
                    format!("{here}.name"),
                    "must be non-empty and contain no `/`",
                ));
            }
            if crate::log_keys::is_reserved(&name) {
                return Err(Error::spec_kind(
                    format!("{here}.name"),
                    crate::SpecErrorKind::Reserved { name },
                ));
            }
            if !seen.insert(name.clone()) {
                return Err(Error::spec_kind(
                    format!("{here}.name"),
                    crate::SpecErrorKind::Duplicate { name },
                ));
            }
            out.nodes.push(t.reward.build(&format!("{here}.reward"))?);
            out.names.push(name);
            out.weights.push(t.weight.get());
        }
        Ok(out)
    }

    /// Rejects terms with a weight other than 1 (for combinators that take no weights).
    pub(crate) fn require_unit_weights(terms: &[Term], path: &str, what: &str) -> Result<()> {
        for (i, t) in terms.iter().enumerate() {
            if t.weight.get() != 1.0 {
                return Err(Error::spec_conflict(
                    format!("{path}.terms[{i}].weight"),
                    format!(
                        "`{what}` takes no weights; leave `weight` out (got {})",
                        t.weight.get()
                    ),
                ));
            }
        }
        Ok(())
    }

    /// Position of the term named `name`.
    pub(crate) fn position(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|n| n == name)
    }

    /// Evaluates every term: `result[term][sample]`.
    pub(crate) fn eval(&self, batch: &Batch<'_>) -> Vec<Vec<RewardOutput>> {
        self.nodes.iter().map(|n| n.eval(batch)).collect()
    }

    /// The widest scope of the terms.
    pub(crate) fn scope(&self) -> Scope {
        self.nodes
            .iter()
            .map(|n| n.scope())
            .max()
            .unwrap_or(Scope::Sample)
    }

    /// Assembles one output per sample from the terms' outputs: `value` from `f(values)`,
    /// components from the terms, and info (timeouts, errors) carried up.
    pub(crate) fn assemble(
        &self,
        per_term: Vec<Vec<RewardOutput>>,
        n: usize,
        mut f: impl FnMut(usize, &[Option<f64>]) -> Option<f64>,
    ) -> Vec<RewardOutput> {
        let mut cols: Vec<std::vec::IntoIter<RewardOutput>> =
            per_term.into_iter().map(|v| v.into_iter()).collect();
        let mut values = vec![None; cols.len()];
        (0..n)
            .map(|i| {
                let mut out = RewardOutput::default();
                for (t, col) in cols.iter_mut().enumerate() {
                    self.merge_term(t, col.next().unwrap_or_default(), &mut out, &mut values);
                }
                out.value = f(i, &values);
                if out.value.is_none() && out.info.reason.is_none() {
                    out.info.reason = Some("every term abstained".into());
                }
                out
            })
            .collect()
    }

    /// Folds one term's output into the combined output of a sample.
    fn merge_term(
        &self,
        t: usize,
        o: RewardOutput,
        out: &mut RewardOutput,
        values: &mut [Option<f64>],
    ) {
        values[t] = o.value;
        let name = &self.names[t];
        for (k, v) in o.components {
            out.components.insert(format!("{name}/{k}"), v);
        }
        out.components.insert(name.clone(), o.value);
        if o.info.timeout {
            out.info.timeout = true;
        }
        if let Some(e) = o.info.error {
            out.info.error = Some(format!("{name}: {e}"));
        }
        if out.info.extracted.is_none() {
            out.info.extracted = o.info.extracted;
        }
    }

    /// Like [`Terms::assemble`] for a stateless `f`, with chunks of samples assembled in
    /// parallel.
    pub(crate) fn assemble_par(
        &self,
        mut per_term: Vec<Vec<RewardOutput>>,
        n: usize,
        f: impl Fn(usize, &[Option<f64>]) -> Option<f64> + Sync,
    ) -> Vec<RewardOutput> {
        use rayon::prelude::*;
        const CHUNK: usize = 512;
        for col in &mut per_term {
            col.resize_with(n, RewardOutput::default);
        }
        // Chunk-major view of the columns, so chunks of samples are assembled in parallel.
        let mut chunks: Vec<Vec<&mut [RewardOutput]>> = Vec::new();
        for col in per_term.iter_mut() {
            for (ci, part) in col.chunks_mut(CHUNK).enumerate() {
                if chunks.len() <= ci {
                    chunks.push(Vec::with_capacity(self.names.len()));
                }
                chunks[ci].push(part);
            }
        }
        chunks
            .into_par_iter()
            .enumerate()
            .flat_map_iter(|(ci, mut cols)| {
                let len = cols.first().map_or(0, |c| c.len());
                let mut values = vec![None; cols.len()];
                let f = &f;
                (0..len)
                    .map(|j| {
                        let mut out = RewardOutput::default();
                        for (t, col) in cols.iter_mut().enumerate() {
                            let o = std::mem::take(&mut col[j]);
                            self.merge_term(t, o, &mut out, &mut values);
                        }
                        out.value = f(ci * CHUNK + j, &values);
                        if out.value.is_none() && out.info.reason.is_none() {
                            out.info.reason = Some("every term abstained".into());
                        }
                        out
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
    }
}

/// `{type = "weighted_sum", terms = [...]}`: Σ wᵢ·rᵢ over the terms that did not abstain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WeightedSum {
    /// The terms.
    pub terms: Vec<Term>,
}

#[derive(Debug)]
struct WeightedSumNode(Terms);

impl Node for WeightedSumNode {
    fn eval(&self, batch: &Batch<'_>) -> Vec<RewardOutput> {
        let per = self.0.eval(batch);
        let w = &self.0.weights;
        self.0
            .assemble_par(per, batch.len(), |_, v| weighted_nansum(v, w))
    }
    fn scope(&self) -> Scope {
        self.0.scope()
    }
}

/// Σ wᵢ·vᵢ over present values; `None` if none is present.
pub(crate) fn weighted_nansum(values: &[Option<f64>], weights: &[f64]) -> Option<f64> {
    let mut any = false;
    let mut s = 0.0;
    for (v, w) in values.iter().zip(weights) {
        if let Some(v) = v {
            any = true;
            s += w * v;
        }
    }
    any.then_some(s)
}

impl BuildNode for WeightedSum {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        Ok(Box::new(WeightedSumNode(Terms::build(&self.terms, path)?)))
    }
}
