//! Reference rewards, shared by `lsc` (transforms) and `lsc_sum` (combinators): a fixed
//! value, or a quantile of the reference rewards listed in a sample's metadata field (Wang et
//! al., ICML 2024, arXiv 2402.00742; the Gaussian quantile as the PAR re-implementation
//! `PorUna-byte/PAR` `reward_shaper.py`).

use super::{quantile_gaussian, quantile_linear};
use crate::params::Finite;
use crate::{Error, Result, Sample};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How a reference reward is taken from a list of reference rewards.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuantileMethod {
    /// μ + Φ⁻¹(q)(σ + 1e-5), σ the std with `ddof` (default 1, the PAR re-implementation's
    /// sample std). Default.
    #[default]
    Gaussian,
    /// Empirical quantile, linear interpolation between order statistics (numpy default).
    Empirical,
}

/// Reads the finite reference rewards of a sample from metadata field `field`.
pub(crate) fn read_refs(s: &Sample, field: &str) -> std::result::Result<Vec<f64>, String> {
    let v = s
        .lookup(field)
        .ok_or_else(|| format!("no reference rewards: metadata field `{field}` missing"))?;
    let refs = s.numbers(field).ok_or_else(|| {
        format!(
            "reference rewards in `{field}` must be a number or a list of numbers, found {}",
            match v {
                serde_json::Value::Array(_) => "a list with a non-number",
                serde_json::Value::String(_) => "a string",
                serde_json::Value::Object(_) => "a table",
                serde_json::Value::Bool(_) => "a boolean",
                _ => "null",
            }
        )
    })?;
    if refs.is_empty() {
        return Err(format!("no reference rewards: `{field}` is empty"));
    }
    if refs.iter().any(|r| !r.is_finite()) {
        return Err(format!("reference rewards in `{field}` are not all finite"));
    }
    Ok(refs)
}

/// Where LSC's reference reward comes from, checked.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum RefSource {
    Value(f64),
    Field {
        name: String,
        quantile: f64,
        method: QuantileMethod,
        /// Delta degrees of freedom of the Gaussian method's std.
        ddof: u32,
    },
}

impl RefSource {
    /// The reference reward for one sample, or the reason there is none.
    pub(crate) fn get(&self, s: &Sample) -> std::result::Result<f64, String> {
        match self {
            RefSource::Value(v) => Ok(*v),
            RefSource::Field {
                name,
                quantile,
                method,
                ddof,
            } => {
                let refs = read_refs(s, name)?;
                let q = match method {
                    QuantileMethod::Gaussian => {
                        if refs.len() <= *ddof as usize {
                            return Err(format!(
                                "the Gaussian quantile with ddof = {ddof} needs at least {} reference rewards in `{name}`, found {}",
                                ddof + 1,
                                refs.len()
                            ));
                        }
                        quantile_gaussian(&refs, *quantile, 1e-5, *ddof)
                    }
                    QuantileMethod::Empirical => quantile_linear(&refs, *quantile),
                };
                q.filter(|q| q.is_finite())
                    .ok_or_else(|| format!("reference quantile of `{name}` is not finite"))
            }
        }
    }

    /// Checks one reference spec: exactly one of a value and a field.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn check(
        value: Option<Finite>,
        field: Option<&str>,
        quantile: f64,
        method: QuantileMethod,
        ddof: u32,
        path: &str,
        value_key: &str,
        field_key: &str,
    ) -> Result<Self> {
        match (value, field) {
            (Some(_), Some(_)) => Err(Error::spec_conflict(
                path,
                format!("give `{value_key}` or `{field_key}`, not both"),
            )),
            (None, None) => Err(Error::spec_conflict(
                path,
                format!("needs a reference: `{value_key}` (a number) or `{field_key}` (a metadata field with reference rewards)"),
            )),
            (Some(v), None) => Ok(RefSource::Value(v.get())),
            (None, Some(f)) => {
                check_quantile(quantile, method, path)?;
                Ok(RefSource::Field {
                    name: f.to_string(),
                    quantile,
                    method,
                    ddof,
                })
            }
        }
    }
}

/// Checks a quantile: in (0, 1) for the Gaussian method, [0, 1] for the empirical one.
pub(crate) fn check_quantile(quantile: f64, method: QuantileMethod, path: &str) -> Result<()> {
    let ok = match method {
        QuantileMethod::Gaussian => quantile > 0.0 && quantile < 1.0,
        QuantileMethod::Empirical => (0.0..=1.0).contains(&quantile),
    };
    if ok {
        Ok(())
    } else {
        Err(Error::spec(
            format!("{path}.quantile"),
            format!("must be in (0, 1) (gaussian) or [0, 1] (empirical), got {quantile}"),
        ))
    }
}
