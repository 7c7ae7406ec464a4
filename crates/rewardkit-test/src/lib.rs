//! The shared test kit of rewardkit (a dev crate, never published).
//!
//! - [`fixtures`]: paths of the bundled examples and test data, and the small pipelines that
//!   several test suites share.
//! - [`nodes`]: one-node pipelines (`toml`, `json`), the spec error of a document
//!   (`spec_error`), the `x` score node and samples.
//! - [`http`]: a `rewardkit serve` process on an ephemeral loopback port ([`http::TestServer`])
//!   and a minimal HTTP/1.1 client on the standard library.
//! - [`upstream`]: [`upstream::FakeUpstream`], a scripted HTTP server on loopback standing in
//!   for a reward model that the `remote` client calls.
//! - [`snapshot`]: run a command and render its exit code, stdout and stderr as one text for
//!   `insta`, with run-to-run noise (timings, rates) redacted.
//!
//! Tests that need the `rewardkit` binary pass `env!("CARGO_BIN_EXE_rewardkit")` from the
//! `rewardkit-cli` crate's own tests; this crate does not build it.

// A library never prints: outcomes are data, logs go through `tracing` (server) or the caller.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod fixtures;
pub mod http;
pub mod nodes;
pub mod snapshot;
pub mod upstream;
