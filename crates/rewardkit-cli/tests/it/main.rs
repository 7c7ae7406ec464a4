//! End-to-end tests of the `rewardkit` binary, one test binary: each module runs this build's
//! `rewardkit` (`common::rewardkit`) as a user would. `snapshots` pins the outputs (insta, files
//! in `snapshots/`); `serve_python` runs the Python package's adapters against `rewardkit serve`
//! (`.ci/run` runs it with `REWARDKIT_PYTHON` set: `cargo test -p rewardkit-cli --test it
//! serve_python`).

mod common;
mod data;
mod eval;
mod hostile_score;
mod hostile_serve;
mod mdp;
mod prefs;
mod probe;
mod score;
mod serve;
mod serve_python;
mod snapshots;
