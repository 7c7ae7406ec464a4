//! The `serve` end-to-end tests' view of the shared test kit (`rewardkit-test`): a
//! `rewardkit serve` of this build on a free loopback port, and its std HTTP client.

#![allow(dead_code, unused_imports)]

pub use rewardkit_test::fixtures::SPEC;
pub use rewardkit_test::http::{post, request, TestServer as Server};
use std::path::Path;

/// Starts this build's `rewardkit serve --spec SPEC --addr 127.0.0.1:0 EXTRA...` (see
/// [`rewardkit_test::http::TestServer::start`]).
pub fn start(dir: &Path, spec: &str, extra: &[&str]) -> Server {
    Server::start(env!("CARGO_BIN_EXE_rewardkit"), dir, spec, extra)
}
