//! Preference learning for rewardkit: reward models fitted on fixed text features, on CPU.
//!
//! A featurizer turns each response (or prompt + response) into a vector ([`features`]:
//! `hashing` by default, `minilm` with the `candle` feature); a small head ([`head`]: linear or
//! MLP) is trained on it with a preference loss ([`loss`]: Bradley-Terry and its variants,
//! GPM) or a regression on ratings, alone or as an ensemble ([`model`]); training is AdamW (or
//! lazy AdamW, for sparse features) on mini-batches, seeded and deterministic, with early
//! stopping ([`train`]). A fitted model is a
//! folder (`config.json` + `model.safetensors`) that `rewardkit prefs score | evaluate` read, and
//! that any pipeline uses as the reward function `learned` once [`install`] has run (the
//! `rewardkit` command line, `rewardkit serve` and the Python package call it).
//!
//! ```
//! use rewardkit_prefs::{data, model::{self, FitOptions, Scoring}, train::TrainConfig};
//! use rewardkit_core::PipelineSpec;
//! // Ten pairs where the polite answer wins.
//! let rows: String = (0..10).map(|i| format!(
//!     "{{\"prompt\": \"q{i}\", \"chosen\": \"thank you, here it is {i}\", \"rejected\": \"go away {i}\"}}\n")).collect();
//! let data = data::parse(rows.as_bytes(), "mem.jsonl")?;
//! let opts = FitOptions { train: TrainConfig { epochs: 20, val_fraction: 0.0, ..Default::default() }, ..Default::default() };
//! let m = model::fit(&data, Default::default(), &opts)?;
//! let polite = m.reward("", "thank you", None, Scoring::default())?;
//! let rude = m.reward("", "go away", None, Scoring::default())?;
//! assert!(polite > rude);
//!
//! // Saved, it is the reward function `learned` of any pipeline.
//! let dir = tempfile::tempdir()?;
//! m.save(dir.path())?;
//! rewardkit_prefs::install();
//! let spec = PipelineSpec::from_toml(&format!(
//!     "schema_version = 1\n[reward]\ntype = \"learned\"\nmodel = {:?}\n", dir.path().display().to_string()))?;
//! let out = spec.build()?.score(&[rewardkit_core::Sample::new("thank you")]);
//! assert!((out[0].value.unwrap() - polite).abs() < 1e-12);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod data;
mod error;
pub mod eval;
pub mod features;
pub mod head;
pub mod loss;
#[cfg(feature = "candle")]
pub mod minilm;
pub mod model;
pub mod reward;
pub mod rng;
pub mod train;
pub mod vpl;

pub use error::{Error, Result};
pub use reward::load_reward;

/// Installs [`load_reward`] as core's loader of `learned` models (idempotent).
pub fn install() {
    let _ = rewardkit_core::rewards::learned::install_loader(load_reward);
}
