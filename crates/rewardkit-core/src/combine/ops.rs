//! Combinators over named terms: `normalize_sum`, `lsc_sum`, `product`, `min`, `max`.
//!
//! - `normalize_sum` (GDPO; TRL `multi_objective_aggregation = "normalize_then_sum"`, PR #4785,
//!   `trl/trainer/grpo_trainer.py`): each term is z-scored on its own within its group (`scope =
//!   "group"`, default) or over the batch, zᵢ = (rᵢ − r̄ᵢ)/(sᵢ + eps), then Σ wᵢ·zᵢ over the
//!   present terms (`nansum`). `ddof` (default 1) and `eps` (default 1e-4) are as in `zscore`
//!   (TRL's unbiased `nanstd` + 1e-4). TRL then normalises the sum again over the batch,
//!   `(r − nanmean(r)) / (nanstd(r) + 1e-4)`, to get advantages: wrap this node in
//!   `{type = "zscore", scope = "batch"}` for that. (Checked against TRL 1.16.0
//!   `trl/trainer/grpo_trainer.py`.) A term's
//!   constant group gives zᵢ = 0. `components` hold the raw (not normalised) term values.
//! - `lsc_sum` (Wang et al., "Transforming and Combining Rewards for Aligning Large Language
//!   Models", ICML 2024, arXiv 2402.00742): Σ wᵢ·log σ(rᵢ − rᵢ^ref), the log-probability of
//!   being good on every property ("AND"). Each term needs a reference: a number in
//!   `ref_values` or a metadata field (list of reference rewards) in `ref_fields`, keyed by term
//!   name, turned into rᵢ^ref with `quantile` (default 0.85) by `quantile_method` (`gaussian`,
//!   default, or `empirical`) and `ddof` (default 1, PAR's sample std), as in `lsc`. A term that abstains is skipped (so the sum is
//!   *higher*: LSC values are < 0); a missing reference makes the sample abstain with the reason.
//!   TV: (+4, −4) → −4.036300 < (0, 0) → −1.386294.
//! - `product`: Π rᵢ, `min`: minᵢ rᵢ, `max`: maxᵢ rᵢ, over the present terms (weights must
//!   be 1).
//!
//! As everywhere in [`crate::combine`], abstaining terms are skipped and a sample where all
//! terms abstain abstains; a result that is not finite (overflow: `product` of `1e200` and
//! `1e200`) is an error with a reason (see [`crate::node::Finite`]).
//!
//! ```
//! use rewardkit_core::{PipelineSpec, Sample};
//! let spec = PipelineSpec::from_toml(r#"
//! schema_version = 1
//! [reward]
//! type = "lsc_sum"
//! ref_values = { helpful = 0.0, harmless = 0.0 }
//! terms = [
//!   { name = "helpful", reward = { type = "field", name = "h" } },
//!   { name = "harmless", reward = { type = "field", name = "s" } },
//! ]
//! "#)?;
//! let out = spec.build()?.score(&[
//!     Sample::new("a").with_score("h", 4.0).with_score("s", -4.0),
//!     Sample::new("b").with_score("h", 0.0).with_score("s", 0.0),
//! ]);
//! assert!((out[0].value.unwrap() - (-4.036300)).abs() < 1e-6);
//! assert!((out[1].value.unwrap() - (-1.386294)).abs() < 1e-6);
//! # Ok::<(), rewardkit_core::Error>(())
//! ```

use super::{weighted_nansum, Term, Terms};
use crate::defaults;
use crate::node::SetScope;
use crate::node::{Batch, BuildNode, Node, Scope};
use crate::numeric::reference::{check_quantile, QuantileMethod, RefSource};
use crate::numeric::{log_sigmoid, zscores};
use crate::params::{Ddof, Finite, NonEmpty, NonNegative};
use crate::{Error, Result, RewardOutput};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Drops NaN/infinite values (they count as abstentions).
fn finite(v: &[Option<f64>]) -> impl Iterator<Item = f64> + '_ {
    v.iter().flatten().copied().filter(|x| x.is_finite())
}

/// `{type = "normalize_sum", scope = "group", ddof = 1, eps = 1e-4, terms = [...]}`:
/// Σ wᵢ·zscore(rᵢ).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NormalizeSum {
    /// The terms.
    pub terms: Vec<Term>,
    /// Normalise each term within its `group` (default) or over the `batch`.
    #[serde(default)]
    pub scope: SetScope,
    /// Delta degrees of freedom of the std: 1 (default, unbiased, as TRL) or 0.
    #[serde(default = "defaults::std_ddof")]
    pub ddof: Ddof,
    /// Added to the std before dividing (default 1e-4, as TRL); ≥ 0.
    #[serde(default = "defaults::std_eps")]
    pub eps: NonNegative,
}

#[derive(Debug)]
struct NormalizeSumNode {
    terms: Terms,
    scope: SetScope,
    ddof: u32,
    eps: f64,
}

impl Node for NormalizeSumNode {
    fn eval(&self, batch: &Batch<'_>) -> Vec<RewardOutput> {
        let per = self.terms.eval(batch);
        let n = batch.len();
        let all: Vec<Vec<usize>> = vec![(0..n).collect()];
        let sets = match self.scope {
            SetScope::Group => batch.groups(),
            SetScope::Batch => &all[..],
        };
        // z[t][i]: term t of sample i, normalised within the sample's set.
        let z: Vec<Vec<Option<f64>>> = per
            .iter()
            .map(|col| {
                let mut zt = vec![None; n];
                for set in sets {
                    let vals: Vec<Option<f64>> = set
                        .iter()
                        .map(|&i| col.get(i).and_then(|o| o.value).filter(|v| v.is_finite()))
                        .collect();
                    for (&i, v) in set.iter().zip(zscores(&vals, self.ddof, self.eps, true)) {
                        zt[i] = v;
                    }
                }
                zt
            })
            .collect();
        let w = &self.terms.weights;
        let mut row = vec![None; z.len()];
        self.terms.assemble(per, n, |i, _| {
            for (t, zt) in z.iter().enumerate() {
                row[t] = zt[i];
            }
            weighted_nansum(&row, w)
        })
    }
    fn scope(&self) -> Scope {
        self.terms.scope().max(self.scope.node_scope())
    }
}

impl BuildNode for NormalizeSum {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        Ok(Box::new(NormalizeSumNode {
            terms: Terms::build(&self.terms, path)?,
            scope: self.scope,
            ddof: self.ddof.get(),
            eps: self.eps.get(),
        }))
    }
}

/// `{type = "lsc_sum", ref_values = {name = 0.0}, ref_fields = {name = "field"}, terms = [...]}`:
/// Σ wᵢ·log σ(rᵢ − rᵢ^ref).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LscSum {
    /// The terms.
    pub terms: Vec<Term>,
    /// Fixed reference reward per term name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ref_values: BTreeMap<String, Finite>,
    /// Metadata field with reference rewards (a list of numbers, or one number) per term name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ref_fields: BTreeMap<String, NonEmpty>,
    /// Quantile q of the reference rewards (default 0.85).
    #[serde(default = "defaults::lsc_quantile")]
    pub quantile: f64,
    /// `gaussian` (default) or `empirical`.
    #[serde(default)]
    pub quantile_method: QuantileMethod,
    /// Delta degrees of freedom of the Gaussian quantile's std: 1 (default, PAR's code) or 0.
    #[serde(default = "defaults::ref_ddof")]
    pub ddof: Ddof,
}

#[derive(Debug)]
struct LscSumNode {
    terms: Terms,
    refs: Vec<RefSource>,
}

impl Node for LscSumNode {
    fn eval(&self, batch: &Batch<'_>) -> Vec<RewardOutput> {
        let per = self.terms.eval(batch);
        let w = &self.terms.weights;
        let mut reasons: Vec<Option<String>> = vec![None; batch.len()];
        let mut u = vec![None; self.refs.len()];
        let mut outs = self.terms.assemble(per, batch.len(), |i, v| {
            let sample = &batch.samples[i];
            for (t, src) in self.refs.iter().enumerate() {
                u[t] = match v[t].filter(|x| x.is_finite()) {
                    None => None,
                    Some(r) => match src.get(sample) {
                        Ok(r_ref) => Some(log_sigmoid(r - r_ref)),
                        Err(why) => {
                            reasons[i] = Some(format!("{}: {why}", self.terms.names[t]));
                            return None;
                        }
                    },
                };
            }
            weighted_nansum(&u, w)
        });
        for (o, r) in outs.iter_mut().zip(reasons) {
            if r.is_some() {
                o.info.reason = r;
            }
        }
        outs
    }
    fn scope(&self) -> Scope {
        self.terms.scope()
    }
}

impl BuildNode for LscSum {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        let terms = Terms::build(&self.terms, path)?;
        for (key, map) in [
            ("ref_values", self.ref_values.keys().collect::<Vec<_>>()),
            ("ref_fields", self.ref_fields.keys().collect()),
        ] {
            for name in map {
                if terms.position(name).is_none() {
                    return Err(Error::spec(
                        format!("{path}.{key}.{name}"),
                        format!("no term named `{name}` ({})", terms.names.join(", ")),
                    ));
                }
            }
        }
        check_quantile(self.quantile, self.quantile_method, path)?;
        let mut refs = Vec::with_capacity(terms.names.len());
        for (i, name) in terms.names.iter().enumerate() {
            let here = format!("{path}.terms[{i}]");
            let src = match (self.ref_values.get(name), self.ref_fields.get(name)) {
                (Some(_), Some(_)) => {
                    return Err(Error::spec_conflict(
                        here,
                        format!("term `{name}` is in both `ref_values` and `ref_fields`"),
                    ))
                }
                (None, None) => {
                    return Err(Error::spec_conflict(
                        here,
                        format!(
                        "term `{name}` needs a reference: an entry in `ref_values` or `ref_fields`"
                    ),
                    ))
                }
                (Some(v), None) => RefSource::Value(v.get()),
                (None, Some(f)) => RefSource::Field {
                    name: f.to_string(),
                    quantile: self.quantile,
                    method: self.quantile_method,
                    ddof: self.ddof.get(),
                },
            };
            refs.push(src);
        }
        Ok(Box::new(LscSumNode { terms, refs }))
    }
}

/// Reductions of the present term values.
#[derive(Debug, Clone, Copy)]
enum Reduction {
    Product,
    Min,
    Max,
}

#[derive(Debug)]
struct ReduceNode {
    terms: Terms,
    op: Reduction,
}

impl Node for ReduceNode {
    fn eval(&self, batch: &Batch<'_>) -> Vec<RewardOutput> {
        let per = self.terms.eval(batch);
        self.terms.assemble_par(per, batch.len(), |_, v| {
            let it = finite(v);
            match self.op {
                Reduction::Product => it.reduce(|a, b| a * b),
                Reduction::Min => it.reduce(f64::min),
                Reduction::Max => it.reduce(f64::max),
            }
        })
    }
    fn scope(&self) -> Scope {
        self.terms.scope()
    }
}

macro_rules! reduction {
    ($(#[$doc:meta])* $name:ident, $op:ident, $tag:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            /// The terms (unweighted: `weight` must be left out or 1).
            pub terms: Vec<Term>,
        }

        impl BuildNode for $name {
            fn build(&self, path: &str) -> Result<Box<dyn Node>> {
                Terms::require_unit_weights(&self.terms, path, $tag)?;
                Ok(Box::new(ReduceNode {
                    terms: Terms::build(&self.terms, path)?,
                    op: Reduction::$op,
                }))
            }
        }
    };
}

reduction!(
    /// `{type = "product", terms = [...]}`: Π rᵢ over the present terms.
    Product,
    Product,
    "product"
);
reduction!(
    /// `{type = "min", terms = [...]}`: the smallest present term value.
    Min,
    Min,
    "min"
);
reduction!(
    /// `{type = "max", terms = [...]}`: the largest present term value.
    Max,
    Max,
    "max"
);

#[cfg(test)]
mod tests {
    use crate::Sample;
    use approx::assert_abs_diff_eq;
    use serde_json::json;

    use crate::testutil::score_json as run;

    use crate::testutil::spec_err_json as err_path;

    const AB: &str = r#"[{"name": "a", "reward": {"type": "field", "name": "a"}},
                         {"name": "b", "weight": 2.0, "reward": {"type": "field", "name": "b"}}]"#;

    fn ab(g: &str, a: Option<f64>, b: Option<f64>) -> Sample {
        let mut s = Sample::new("y").with_group(g);
        if let Some(a) = a {
            s = s.with_score("a", a);
        }
        if let Some(b) = b {
            s = s.with_score("b", b);
        }
        s
    }

    #[test]
    fn normalize_sum_per_group() {
        // Group g: a = [1, 3] → z = ∓1/√2·... with ddof 1: std √2, z = ∓1/√2; b = [10, 10] → 0.
        let node = format!(r#"{{"type": "normalize_sum", "eps": 0, "terms": {AB}}}"#);
        let out = run(
            &node,
            &[
                ab("g", Some(1.0), Some(10.0)),
                ab("g", Some(3.0), Some(10.0)),
                ab("h", Some(5.0), Some(0.0)),
                ab("h", Some(7.0), Some(4.0)),
            ],
        );
        let r = 1.0 / 2f64.sqrt();
        assert_abs_diff_eq!(out[0].value.unwrap(), -r, epsilon = 1e-12);
        assert_abs_diff_eq!(out[1].value.unwrap(), r, epsilon = 1e-12);
        // Group h: a → ∓1/√2, b → ∓1/√2 with weight 2: total ∓3/√2.
        assert_abs_diff_eq!(out[2].value.unwrap(), -3.0 * r, epsilon = 1e-12);
        assert_abs_diff_eq!(out[3].value.unwrap(), 3.0 * r, epsilon = 1e-12);
        // Components keep the raw values.
        assert_eq!(out[3].components["b"], Some(4.0));
    }

    #[test]
    fn normalize_sum_batch_and_abstentions() {
        let node = format!(
            r#"{{"type": "normalize_sum", "scope": "batch", "ddof": 0, "eps": 0, "terms": {AB}}}"#
        );
        let out = run(
            &node,
            &[
                ab("g", Some(1.0), None),
                ab("h", Some(3.0), None),
                ab("i", None, None),
            ],
        );
        assert_eq!(out[0].value, Some(-1.0));
        assert_eq!(out[1].value, Some(1.0));
        assert_eq!(out[2].value, None);
        assert!(out[2].info.reason.is_some());
    }

    #[test]
    fn lsc_sum_test_vectors_and_refs() {
        // LSC combination (Wang et al., ICML 2024) by hand, plus a field reference (refs [0,1,2,3] → 2.658778
        // with the population std).
        let node = r#"{"type": "lsc_sum", "ref_values": {"a": 0.0}, "ref_fields": {"b": "refs"}, "ddof": 0,
            "terms": [{"name": "a", "reward": {"type": "field", "name": "a"}},
                      {"name": "b", "reward": {"type": "field", "name": "b"}}]}"#;
        let mut s1 = ab("g", Some(4.0), Some(3.0));
        s1.metadata.insert("refs".into(), json!([0, 1, 2, 3]));
        let s2 = ab("g", Some(4.0), Some(3.0));
        let s3 = ab("g", Some(4.0), None);
        let out = run(node, &[s1, s2, s3]);
        let l4 = -(-(4f64)).exp().ln_1p();
        assert_abs_diff_eq!(out[0].value.unwrap(), l4 - 0.537020, epsilon = 1e-6);
        assert_eq!(out[1].value, None);
        assert!(out[1].info.reason.as_deref().unwrap().starts_with("b:"));
        // b abstains: skipped.
        assert_abs_diff_eq!(out[2].value.unwrap(), l4, epsilon = 1e-12);
    }

    #[test]
    fn lsc_sum_spec_errors() {
        let terms = r#"[{"name": "a", "reward": {"type": "constant", "value": 1}}]"#;
        assert_eq!(
            err_path(&format!(r#"{{"type": "lsc_sum", "terms": {terms}}}"#)),
            "reward.terms[0]"
        );
        assert_eq!(
            err_path(&format!(
                r#"{{"type": "lsc_sum", "ref_values": {{"zz": 0}}, "terms": {terms}}}"#
            )),
            "reward.ref_values.zz"
        );
        assert_eq!(
            err_path(&format!(
                r#"{{"type": "lsc_sum", "ref_values": {{"a": 0}}, "ref_fields": {{"a": "f"}}, "terms": {terms}}}"#
            )),
            "reward.terms[0]"
        );
    }

    #[test]
    fn product_min_max() {
        let terms = r#"[{"name": "a", "reward": {"type": "field", "name": "a"}},
                        {"name": "b", "reward": {"type": "field", "name": "b"}}]"#;
        let s = [
            ab("g", Some(2.0), Some(-3.0)),
            ab("g", Some(2.0), None),
            ab("g", None, None),
            ab("g", Some(1e200), Some(1e200)),
        ];
        let v = |t: &str| -> Vec<Option<f64>> {
            run(&format!(r#"{{"type": "{t}", "terms": {terms}}}"#), &s)
                .iter()
                .map(|o| o.value)
                .collect()
        };
        assert_eq!(v("product"), vec![Some(-6.0), Some(2.0), None, None]);
        // 1e200 · 1e200 overflows: an error naming the node, not a bare null.
        assert_eq!(v("min"), vec![Some(-3.0), Some(2.0), None, Some(1e200)]);
        assert_eq!(v("max"), vec![Some(2.0), Some(2.0), None, Some(1e200)]);
        let out = run(&format!(r#"{{"type": "product", "terms": {terms}}}"#), &s);
        let e = out[3].info.error.as_deref().unwrap();
        assert!(
            e.contains("`product` at `reward`") && e.contains("non-finite"),
            "{e}"
        );
        assert_eq!(
            err_path(&format!(r#"{{"type": "max", "terms": {AB}}}"#)),
            "reward.terms[1].weight"
        );
    }
}
