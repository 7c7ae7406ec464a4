//! The CLI end-to-end tests' view of the shared test kit (`rewardkit-test`): this build's
//! binary as an `assert_cmd` command, input files in a temporary folder, and a `rewardkit
//! serve` of this build on a free loopback port with its std HTTP client.

#![allow(dead_code, unused_imports)]

pub(crate) use rewardkit_test::fixtures::SPEC;
pub(crate) use rewardkit_test::http::{post, request, TestServer as Server};
use std::path::{Path, PathBuf};

/// This build's `rewardkit` binary, ready for arguments.
pub(crate) fn rewardkit() -> assert_cmd::Command {
    assert_cmd::Command::new(env!("CARGO_BIN_EXE_rewardkit"))
}

/// Writes `contents` to `dir/name` and returns the path.
pub(crate) fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, contents).unwrap();
    p
}

/// Starts this build's `rewardkit serve --spec SPEC --addr 127.0.0.1:0 EXTRA...` (see
/// [`rewardkit_test::http::TestServer::start`]).
pub(crate) fn start(dir: &Path, spec: &str, extra: &[&str]) -> Server {
    Server::start(env!("CARGO_BIN_EXE_rewardkit"), dir, spec, extra)
}

/// Runs `cmd`, requires success (else fails with its stderr), and parses its stdout as JSON.
pub(crate) fn json_stdout(cmd: &mut assert_cmd::Command) -> serde_json::Value {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}
