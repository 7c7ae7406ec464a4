//! # rewardkit-core
//!
//! The core of rewardkit, a reward-function engine for RL post-training and reward research:
//! the data model ([`Sample`], [`RewardOutput`]), the traits a pipeline is made of
//! ([`RewardFn`], [`Transform`], [`Node`]), per-sample [`Deadline`]s, the pipeline spec
//! ([`PipelineSpec`]) and the runnable [`Pipeline`], plus every built-in reward function
//! ([`rewards`]), transform ([`transforms`]) and combinator ([`combine`]), and the reward-hack
//! probes that test a pipeline against known hacks ([`probe`]).
//!
//! ```
//! use rewardkit_core::{PipelineSpec, Sample};
//!
//! let spec = PipelineSpec::from_json(r#"{
//!   "schema_version": 1,
//!   "reward": {"type": "clip", "min": 0.0, "max": 1.0,
//!              "input": {"type": "field", "name": "rm"}}
//! }"#)?;
//! let pipeline = spec.build()?;
//! let samples = vec![Sample::new("a").with_score("rm", 3.0), Sample::new("b")];
//! let out = pipeline.score(&samples);
//! assert_eq!(out[0].value, Some(1.0));
//! assert_eq!(out[1].value, None); // abstains: no `rm` score; the row is still there
//! # Ok::<(), rewardkit_core::Error>(())
//! ```
//!
//! The guarantees: a batch yields exactly one output per input, in input order; a timeout,
//! an error or an abstention is an output with a reason in `info`; nothing a user sends can
//! panic the caller (a panicking reward function becomes an error row).
//!
//! ## Features
//!
//! | feature | default | what |
//! |---|---|---|
//! | `remote` | off | the `remote` reward function, with its HTTP client (the `rewardkit-remote` crate); without it the `remote` type still parses, and building it is an error that names the feature |
//! | `remote-tls` | off | `https://` URLs for `remote` (rustls, `rewardkit-remote/tls`) |
//!
//! `ARCHITECTURE.md` at the repository root shows how a sample flows through a pipeline and
//! where to add a reward function, transform or combinator.

// A library never prints: outcomes are data, logs go through `tracing` (server) or the caller.
#![warn(clippy::print_stdout, clippy::print_stderr)]
// Nothing a user sends may panic the caller; tests may unwrap (clippy.toml).
#![warn(clippy::unwrap_used, clippy::expect_used)]

pub mod combine;
pub mod constants;
mod deadline;
mod defaults;
mod error;
pub mod io;
pub mod log_keys;
pub mod node;
pub mod numeric;
mod output;
pub mod params;
mod pipeline;
pub mod probe;
pub mod rewards;
mod sample;
pub mod spec;
#[cfg(test)]
mod testutil;
pub mod text;
pub mod transforms;
mod verdict;

pub use deadline::{Deadline, TimedOut};
pub use error::{Error, Result, SpecErrorKind};
pub use node::{Batch, Leaf, Node, RewardFn, Scope, Settings, Slot, Transform};
pub use output::{Extra, Info, RewardOutput};
pub use pipeline::Pipeline;
pub use sample::{GroupKey, Message, Prompt, Reference, Sample, Step};
pub use spec::{NodeSpec, PipelineSpec};
pub use verdict::Verdict;
