//! # rewardkit-eval
//!
//! Reward-model evaluation, scored exactly as each benchmark's authors score it:
//! RewardBench, RewardBench 2, RewardMATH, RM-Bench, JudgeBench, and any pairwise or
//! best-of-n set. One tool for all of them, with reproducible numbers: scores are placed by
//! (item id, completion index), so nothing depends on batch size or order, and every
//! bootstrap interval is seeded.
//!
//! - [`Dataset`]: a benchmark's published data, or its published results layout (RewardMATH
//!   `RESULTS.json`, JudgeBench `OUTPUTS.jsonl`), read into [`Item`]s ([`data`] lists every
//!   format and the completion index order).
//! - [`Source`] / [`collect_scores`]: the scores, from a scores file, a rewardkit pipeline
//!   spec (in-process) or a reward server (rewardkit, OpenRLHF, vLLM / SGLang).
//! - [`rewardmath_pairwise`]: RewardMATH's pairwise-judge mode, from a judge's picks or from
//!   the scores of both solutions of each comparison.
//! - [`evaluate`]: the exact rules ([`metrics`]), seeded bootstrap intervals, calibration and
//!   length bias ([`stats`]) in one [`Report`]; [`compare`] two reports with a paired
//!   bootstrap; [`html::render`] a self-contained HTML report with SVG plots.
//!
//! ```
//! use rewardkit_eval::{evaluate, scores_from_text, Benchmark, Dataset, Options};
//!
//! // RewardBench 2, one Math prompt: the chosen answer ties one rejected answer for the top
//! // score, so it earns 1/2.
//! let data = r#"{"id": "0", "prompt": "2+2?", "chosen": ["4"], "rejected": ["5", "3", "22"], "num_correct": 1, "subset": "Math"}"#;
//! let ds = Dataset::from_text(Benchmark::RewardBench2, "rb2.jsonl", data)?;
//! let scores = scores_from_text(&ds, "scores.jsonl", r#"{"id": "0", "scores": [0.9, 0.9, 0.1, 0.2]}"#)?;
//! let report = evaluate(&ds, &scores, "scores.jsonl", &Options { bootstrap: 0, ..Options::default() })?;
//! assert_eq!(report.metric("subset/Math").unwrap().value, 0.5);
//! assert_eq!(report.main_score(), Some(0.5));
//! # Ok::<(), rewardkit_eval::Error>(())
//! ```
//!
//! The rules are stated in [`metrics`], the statistics in [`stats`], the formats in [`data`]
//! and [`scores`].

#![warn(unreachable_pub)]
// A library never prints: the CLI prints what it returns.
#![warn(clippy::print_stdout, clippy::print_stderr)]
// Nothing a user sends may panic the caller; tests may unwrap (clippy.toml).
#![warn(clippy::unwrap_used, clippy::expect_used)]

pub mod data;
mod error;
pub mod html;
pub mod metrics;
mod read;
mod report;
pub mod rewardmath_pairwise;
pub mod scores;
pub mod stats;

pub use data::{Benchmark, Dataset, Item, Judgment, Layout};
pub use error::{Error, Result};
pub use read::{parse_rows, read_rows, Row};
pub use report::{compare, evaluate, Comparison, Metric, Options, Report, SCHEMA_VERSION};
pub use rewardkit_rng::SplitMix64;
pub use scores::{collect_scores, scores_from_text, Api, Score, Source, StepAgg, UrlSource};
