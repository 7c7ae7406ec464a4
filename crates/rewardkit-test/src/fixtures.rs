//! Paths of the bundled examples and test data, and shared pipelines.

use std::path::PathBuf;

/// The workspace root (the folder holding `examples/` and `crates/`).
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the workspace root exists")
}

/// A file under `examples/` (`pipeline.toml`, `naive.toml`, `samples.jsonl`).
pub fn example(name: &str) -> PathBuf {
    workspace_root().join("examples").join(name)
}

/// A file under this crate's `data/` folder (`edge.jsonl`: rows that reach the less common
/// outcomes, such as no reference, no answer, RLCR tags, a list of references).
pub fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(name)
}

/// 2 × the `rm` score + a constant 0.5 bonus: the pipeline of the `score` tests (no reference
/// needed, every value predictable).
pub const RM_SPEC: &str = r#"
schema_version = 1
[reward]
type = "weighted_sum"
terms = [
  { name = "rm", weight = 2.0, reward = { type = "field", name = "rm" } },
  { name = "bonus", reward = { type = "constant", value = 0.5 } },
]
"#;

/// number_match + 0.5 × trl_think format: the small pipeline of the server tests.
pub const SPEC: &str = r#"
schema_version = 1
[reward]
type = "weighted_sum"
terms = [
  { name = "correct", reward = { type = "number_match" } },
  { name = "format", weight = 0.5, reward = { type = "format", preset = "trl_think" } },
]
"#;
