//! `learned`: the reward of a preference model fitted by `rewardkit prefs fit`.
//!
//! The spec names the model folder (`model`, holding `config.json` and `model.safetensors`);
//! what the model computes (a Bradley-Terry reward, a weighted sum of rating attributes, a GPM
//! preference score against a baseline, an ensemble statistic) is read from that folder.
//!
//! Core does not know how to read or run a model: the crate `rewardkit-prefs` does, and
//! depends on core. So that the dependency stays one-way, core keeps only the parameters and a
//! *loader hook*: a front end (the `rewardkit` command line, `rewardkit serve`, the Python
//! extension) calls [`install_loader`] once at start-up with `rewardkit_prefs::load_reward`,
//! and [`Learned::build`] asks that loader for the reward function. Without a loader, building
//! a pipeline that uses `learned` fails with a clear error, and nothing else changes.
//!
//! | field | default | meaning |
//! |---|---|---|
//! | `model` | required | the model folder written by `rewardkit prefs fit --out DIR` |
//! | `input` | the model's | `response` (the completion alone) or `prompt_response` (prompt, then completion) |
//! | `statistic` | `mean` | for ensembles: `mean`, `min` (worst case) or `uwo` (mean − λ·variance) |
//! | `uwo_lambda` | 0.5 | λ of `uwo` (Coste et al., ICLR 2024, best-of-n setting) |
//! | `ddof` | 0 | variance convention of `uwo` (0: population, 1: unbiased) |
//! | `featurizer` | any | if set, the model must have been fitted with this featurizer |
//!
//! ```
//! use rewardkit_core::PipelineSpec;
//! let spec = PipelineSpec::from_toml(r#"
//! schema_version = 1
//! [reward]
//! type = "learned"
//! model = "models/harmless-bt"
//! statistic = "min"
//! "#)?;
//! // Without a loader installed (a front end installs `rewardkit_prefs::load_reward`):
//! let err = spec.build().unwrap_err().to_string();
//! assert!(err.contains("no preference-model loader"), "{err}");
//! # Ok::<(), rewardkit_core::Error>(())
//! ```

use crate::node::{BuildNode, Leaf, Node, RewardFn};
use crate::params::{Ddof, NonEmpty, NonNegative};
use crate::{Deadline, Error, Result, RewardOutput, Sample};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// What text the model encodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LearnedInput {
    /// The completion alone.
    Response,
    /// The prompt text, then the completion.
    PromptResponse,
}

/// How the members of an ensemble are combined into one reward.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LearnedStatistic {
    /// The mean of the members' rewards.
    #[default]
    Mean,
    /// The smallest member reward (worst-case optimisation).
    Min,
    /// Uncertainty-weighted: mean − λ·variance.
    Uwo,
}

/// `{type = "learned", model = "DIR"}`: the reward of a fitted preference model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Learned {
    /// The model folder written by `rewardkit prefs fit --out DIR` (`config.json`,
    /// `model.safetensors`).
    pub model: NonEmpty,
    /// What is encoded: `response` or `prompt_response` (default: what the model was fitted on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<LearnedInput>,
    /// For ensembles: `mean` (default), `min` or `uwo`.
    #[serde(default)]
    pub statistic: LearnedStatistic,
    /// λ of `uwo` (default 0.5, Coste et al.'s best-of-n setting).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uwo_lambda: Option<NonNegative>,
    /// Variance convention of `uwo`: 0 population (default), 1 unbiased.
    #[serde(default)]
    pub ddof: Ddof,
    /// If set, the featurizer the model must have been fitted with (`hashing`, `minilm`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub featurizer: Option<String>,
}

/// A function that reads a model folder and returns its reward function. `path` is the spec
/// path of the node, for error messages.
pub type Loader = fn(&Learned, &str) -> Result<Box<dyn RewardFn>>;

static LOADER: OnceLock<Loader> = OnceLock::new();

/// Installs the loader of `learned` models (once per process; later calls are ignored and
/// return `false`).
pub fn install_loader(loader: Loader) -> bool {
    LOADER.set(loader).is_ok()
}

/// λ of `uwo` when the spec does not set it.
pub const DEFAULT_UWO_LAMBDA: f64 = 0.5;

/// Whether a loader is installed.
pub fn loader_installed() -> bool {
    LOADER.get().is_some()
}

/// A loaded model as a reward function (the loader's result).
#[derive(Debug)]
struct Loaded(Box<dyn RewardFn>);

impl RewardFn for Loaded {
    fn score(&self, sample: &Sample, deadline: Deadline) -> RewardOutput {
        self.0.score(sample, deadline)
    }
}

impl BuildNode for Learned {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        let Some(load) = LOADER.get() else {
            return Err(Error::Unsupported(format!(
                "{path}: the `learned` reward function needs a preference-model loader, and \
                 no preference-model loader is installed in this program (the `rewardkit` \
                 command line, `rewardkit serve` and the Python package install one; in Rust, \
                 call `rewardkit_prefs::install()`)"
            )));
        };
        Ok(Box::new(Leaf(Loaded(load(self, path)?))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_unknown_fields() {
        let l: Learned = serde_json::from_value(serde_json::json!({"model": "m"})).unwrap();
        assert_eq!(l.statistic, LearnedStatistic::Mean);
        assert_eq!(l.uwo_lambda, None);
        assert_eq!(l.ddof.get(), 0);
        assert!(
            serde_json::from_value::<Learned>(serde_json::json!({"model": "m", "k": 1})).is_err()
        );
        assert!(serde_json::from_value::<Learned>(serde_json::json!({"model": ""})).is_err());
    }
}
