//! `ensemble`: aggregate the scores of K reward models (the `terms`) for one sample.
//!
//! With member scores r_1..r_K (sources in the table):
//!
//! | `method` | reward | source |
//! |---|---|---|
//! | `mean` (default) | r̄ = (1/K) Σ rᵢ | Coste et al. 2024 |
//! | `min` | minᵢ rᵢ (worst-case optimisation, WCO) | Coste et al. 2024 |
//! | `uwo` | r̄ − λ·Varᵢ(rᵢ) (uncertainty-weighted optimisation) | Coste et al. 2024 |
//! | `robust_mix` | λ·r_nominal + (1 − λ)·minᵢ rᵢ | Yan et al. 2024 |
//!
//! - Coste, Anwar, Kirk, Krueger, "Reward Model Ensembles Help Mitigate Overoptimization"
//!   (ICLR 2024). UWO: `lambda` defaults to **0.5** (their best-of-n setting; their PPO example
//!   uses 0.1) and `ddof` to **0** (population variance, `np.var` in their BoN code; their PPO
//!   code uses `torch.var`, ddof = 1).
//! - Yan et al., "Reward-Robust RLHF in LLMs" (arXiv 2409.15360): `lambda` is **required**
//!   (no verified default). r_nominal is the mean (default, `nominal = "mean"`) or the term
//!   named by `nominal` (the paper uses its most confident head).
//!
//! Members are unweighted (a `weight` other than 1 is a spec error). Abstaining (or NaN/inf)
//! members are left out: the statistics use the K' present members, and a sample where all
//! abstain abstains. UWO with `ddof = 1` needs K ≥ 2 terms (spec error otherwise); when only one
//! member is present on a sample its variance is taken as 0 and `info.reason` says so. With a
//! named nominal member that abstains, `robust_mix` abstains on that sample. Each member's score
//! is in `components`.
//!
//! ```
//! use rewardkit_core::{PipelineSpec, Sample};
//! let spec = PipelineSpec::from_toml(r#"
//! schema_version = 1
//! [reward]
//! type = "ensemble"
//! method = "uwo"
//! lambda = 0.5
//! terms = [
//!   { name = "rm1", reward = { type = "constant", value = 1.0 } },
//!   { name = "rm2", reward = { type = "constant", value = 2.0 } },
//!   { name = "rm3", reward = { type = "constant", value = 3.0 } },
//! ]
//! "#)?;
//! let out = spec.build()?.score(&[Sample::new("y")]);
//! assert!((out[0].value.unwrap() - 1.666667).abs() < 1e-6); // §5a TV: 2 − 0.5·(2/3)
//! assert_eq!(out[0].components["rm3"], Some(3.0));
//! # Ok::<(), rewardkit_core::Error>(())
//! ```

use super::{Term, Terms};
use crate::node::{Batch, BuildNode, Node, Scope};
use crate::numeric::{mean, variance};
use crate::params::Ddof;
use crate::{Error, Result, RewardOutput};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How the members of an ensemble are aggregated.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EnsembleMethod {
    /// Mean of the members. Default.
    #[default]
    Mean,
    /// Worst case: the smallest member score (WCO).
    Min,
    /// Uncertainty-weighted: mean − λ·variance (UWO).
    Uwo,
    /// λ·nominal + (1 − λ)·min (Yan et al.).
    RobustMix,
}

/// `{type = "ensemble", method = "mean" | "min" | "uwo" | "robust_mix", terms = [...]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ensemble {
    /// The members (unweighted).
    pub terms: Vec<Term>,
    /// `mean` (default), `min`, `uwo` or `robust_mix`.
    #[serde(default)]
    pub method: EnsembleMethod,
    /// λ: the variance penalty of `uwo` (default 0.5, ≥ 0) or the nominal weight of
    /// `robust_mix` (required, in [0, 1]). Not used by `mean` and `min`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lambda: Option<f64>,
    /// Delta degrees of freedom of `uwo`'s variance: 0 (default, population) or 1 (unbiased).
    #[serde(default)]
    pub ddof: Ddof,
    /// `robust_mix`'s nominal reward: `"mean"` (default) or the name of a term.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nominal: Option<String>,
}

#[derive(Debug)]
struct EnsembleNode {
    terms: Terms,
    method: EnsembleMethod,
    lambda: f64,
    ddof: u32,
    /// `None`: the mean.
    nominal: Option<usize>,
}

impl EnsembleNode {
    /// The aggregate of one sample, and a note for `info.reason`.
    fn aggregate(&self, values: &[Option<f64>]) -> (Option<f64>, Option<String>) {
        let xs: Vec<f64> = values
            .iter()
            .flatten()
            .copied()
            .filter(|v| v.is_finite())
            .collect();
        let Some(m) = mean(&xs) else {
            return (None, None);
        };
        let lo = xs.iter().copied().fold(f64::INFINITY, f64::min);
        match self.method {
            EnsembleMethod::Mean => (Some(m), None),
            EnsembleMethod::Min => (Some(lo), None),
            EnsembleMethod::Uwo => match variance(&xs, self.ddof) {
                Some(v) => (Some(m - self.lambda * v), None),
                None => (
                    Some(m),
                    Some("only one member present: variance taken as 0".into()),
                ),
            },
            EnsembleMethod::RobustMix => {
                let nominal = match self.nominal {
                    None => m,
                    Some(i) => match values[i].filter(|v| v.is_finite()) {
                        Some(v) => v,
                        None => {
                            return (
                                None,
                                Some(format!(
                                    "nominal member `{}` abstained",
                                    self.terms.names[i]
                                )),
                            )
                        }
                    },
                };
                (Some(self.lambda * nominal + (1.0 - self.lambda) * lo), None)
            }
        }
    }
}

impl Node for EnsembleNode {
    fn eval(&self, batch: &Batch<'_>) -> Vec<RewardOutput> {
        let per = self.terms.eval(batch);
        let mut notes = vec![None; batch.len()];
        let mut outs = self.terms.assemble(per, batch.len(), |i, v| {
            let (value, note) = self.aggregate(v);
            notes[i] = note;
            value
        });
        for (o, note) in outs.iter_mut().zip(notes) {
            if note.is_some() {
                o.info.reason = note;
            }
        }
        outs
    }
    fn scope(&self) -> Scope {
        self.terms.scope()
    }
}

impl BuildNode for Ensemble {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        Terms::require_unit_weights(&self.terms, path, "ensemble")?;
        let terms = Terms::build(&self.terms, path)?;
        let lambda = match (self.method, self.lambda) {
            (EnsembleMethod::Uwo, l) => {
                let l = l.unwrap_or(0.5);
                if !(l.is_finite() && l >= 0.0) {
                    return Err(Error::spec(
                        format!("{path}.lambda"),
                        format!("must be finite and >= 0, got {l}"),
                    ));
                }
                if self.ddof.get() == 1 && terms.nodes.len() < 2 {
                    return Err(Error::spec_conflict(
                        format!("{path}.ddof"),
                        "the unbiased variance (ddof = 1) needs at least 2 terms",
                    ));
                }
                l
            }
            (EnsembleMethod::RobustMix, None) => {
                return Err(Error::spec_conflict(
                    format!("{path}.lambda"),
                    "`robust_mix` needs `lambda` in [0, 1] (no verified default)",
                ))
            }
            (EnsembleMethod::RobustMix, Some(l)) => {
                if !(0.0..=1.0).contains(&l) {
                    return Err(Error::spec(
                        format!("{path}.lambda"),
                        format!("must be in [0, 1], got {l}"),
                    ));
                }
                l
            }
            (_, Some(_)) => {
                return Err(Error::spec_conflict(
                    format!("{path}.lambda"),
                    "only used by `uwo` and `robust_mix`",
                ))
            }
            (_, None) => 0.0,
        };
        let nominal = match (&self.nominal, self.method) {
            (None, _) => None,
            (Some(n), EnsembleMethod::RobustMix) if n == "mean" => None,
            (Some(n), EnsembleMethod::RobustMix) => Some(terms.position(n).ok_or_else(|| {
                Error::spec(
                    format!("{path}.nominal"),
                    format!(
                        "`{n}` is neither `mean` nor a term name ({})",
                        terms.names.join(", ")
                    ),
                )
            })?),
            (Some(_), _) => {
                return Err(Error::spec_conflict(
                    format!("{path}.nominal"),
                    "only used by `robust_mix`",
                ))
            }
        };
        Ok(Box::new(EnsembleNode {
            terms,
            method: self.method,
            lambda,
            ddof: self.ddof.get(),
            nominal,
        }))
    }
}

#[cfg(test)]
mod tests {
    use crate::{Error, PipelineSpec, RewardOutput, Sample};
    use approx::assert_abs_diff_eq;

    /// Ensemble over fields a, b, c with extra parameters.
    fn run(params: &str, samples: &[Sample]) -> Vec<RewardOutput> {
        let spec = format!(
            r#"{{"schema_version": 1, "reward": {{"type": "ensemble", {params}
              "terms": [
                {{"name": "a", "reward": {{"type": "field", "name": "a"}}}},
                {{"name": "b", "reward": {{"type": "field", "name": "b"}}}},
                {{"name": "c", "reward": {{"type": "field", "name": "c"}}}}]}}}}"#
        );
        PipelineSpec::from_json(&spec)
            .unwrap()
            .build()
            .unwrap()
            .score(samples)
    }

    fn abc(a: f64, b: f64, c: f64) -> Sample {
        Sample::new("y")
            .with_score("a", a)
            .with_score("b", b)
            .with_score("c", c)
    }

    fn v(params: &str) -> f64 {
        run(params, &[abc(1.0, 2.0, 3.0)])[0].value.unwrap()
    }

    #[test]
    fn coste_and_yan_test_vectors() {
        // Coste et al. (ICLR 2024) and Yan et al. (arXiv 2409.15360) by hand: scores [1,2,3].
        assert_abs_diff_eq!(v(""), 2.0, epsilon = 1e-12);
        assert_abs_diff_eq!(v(r#""method": "min","#), 1.0, epsilon = 1e-12);
        assert_abs_diff_eq!(v(r#""method": "uwo","#), 1.666667, epsilon = 1e-6);
        assert_abs_diff_eq!(v(r#""method": "uwo", "ddof": 1,"#), 1.5, epsilon = 1e-12);
        assert_abs_diff_eq!(
            v(r#""method": "robust_mix", "lambda": 0.4,"#),
            1.4,
            epsilon = 1e-12
        );
        // Nominal = term c (3): 0.4·3 + 0.6·1.
        assert_abs_diff_eq!(
            v(r#""method": "robust_mix", "lambda": 0.4, "nominal": "c","#),
            1.8,
            epsilon = 1e-12
        );
    }

    #[test]
    fn abstaining_members_are_left_out() {
        let s = Sample::new("y").with_score("a", 1.0).with_score("c", 3.0);
        let out = run(r#""method": "uwo","#, &[s.clone(), Sample::new("none")]);
        // Present [1, 3]: mean 2, population var 1.
        assert_abs_diff_eq!(out[0].value.unwrap(), 1.5, epsilon = 1e-12);
        assert_eq!(out[0].components["b"], None);
        assert_eq!(out[1].value, None);
        assert!(out[1].info.reason.is_some());
        let one = Sample::new("y").with_score("a", 1.0);
        let out = run(r#""method": "uwo", "ddof": 1,"#, &[one]);
        assert_eq!(out[0].value, Some(1.0));
        assert!(out[0].info.reason.as_deref().unwrap().contains("variance"));
        let out = run(
            r#""method": "robust_mix", "lambda": 0.5, "nominal": "b","#,
            &[s],
        );
        assert_eq!(out[0].value, None);
        assert!(out[0].info.reason.as_deref().unwrap().contains("`b`"));
    }

    fn err_path(params: &str, terms: &str) -> String {
        let spec = format!(
            r#"{{"schema_version": 1, "reward": {{"type": "ensemble", {params} "terms": [{terms}]}}}}"#
        );
        match PipelineSpec::from_json(&spec).unwrap().build().unwrap_err() {
            Error::Spec { path, .. } => path,
            e => panic!("unexpected {e}"),
        }
    }

    #[test]
    fn spec_errors() {
        let one = r#"{"reward": {"type": "constant", "value": 1.0}}"#;
        let two = format!("{one}, {one}");
        assert_eq!(
            err_path(r#""method": "uwo", "ddof": 1,"#, one),
            "reward.ddof"
        );
        assert_eq!(
            err_path(r#""method": "robust_mix","#, &two),
            "reward.lambda"
        );
        assert_eq!(
            err_path(r#""method": "robust_mix", "lambda": 1.5,"#, &two),
            "reward.lambda"
        );
        assert_eq!(err_path(r#""lambda": 0.5,"#, &two), "reward.lambda");
        assert_eq!(
            err_path(
                r#""method": "robust_mix", "lambda": 0.5, "nominal": "zz","#,
                &two
            ),
            "reward.nominal"
        );
        assert_eq!(
            err_path(
                "",
                r#"{"weight": 2.0, "reward": {"type": "constant", "value": 1.0}}"#
            ),
            "reward.terms[0].weight"
        );
    }
}
