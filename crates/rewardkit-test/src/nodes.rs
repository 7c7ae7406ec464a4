//! One-node pipelines for the integration tests of the pipeline crates: build a pipeline whose
//! root is one node (a TOML inline table or a JSON object), or get the spec error a document
//! raises. The unit tests inside `rewardkit-core` use its private `testutil`, which has the same
//! shape.

use rewardkit_core::{Error, Pipeline, PipelineSpec, Sample};

/// A `field` node reading the score `x` (TOML inline table).
pub const X: &str = r#"{type = "field", name = "x"}"#;

/// A `field` node reading the score `x` (JSON object).
pub const X_JSON: &str = r#"{"type": "field", "name": "x"}"#;

/// A sample whose score `x` is `v`.
pub fn x(v: f64) -> Sample {
    Sample::new("y").with_score("x", v)
}

/// The pipeline whose root is the TOML inline table `node`; panics with the spec error.
pub fn toml(node: &str) -> Pipeline {
    PipelineSpec::from_toml(&format!("schema_version = 1\nreward = {node}\n"))
        .and_then(|s| s.build())
        .unwrap_or_else(|e| panic!("{node}: {e}"))
}

/// The pipeline whose root is the JSON object `node`; panics with the spec error.
pub fn json(node: &str) -> Pipeline {
    let doc = format!(r#"{{"schema_version": 1, "reward": {node}}}"#);
    PipelineSpec::from_json(&doc)
        .and_then(|s| s.build())
        .unwrap_or_else(|e| panic!("{e}: {doc}"))
}

/// The (path, message) of the spec error that the whole document `doc` (TOML or JSON) raises
/// when parsed or built; panics when it raises none, or another error.
pub fn spec_error(doc: &str) -> (String, String) {
    match PipelineSpec::parse(doc).and_then(|s| s.build()) {
        Err(Error::Spec { path, kind }) => (path, kind.to_string()),
        other => panic!("expected a spec error for {doc:?}, got {other:?}"),
    }
}
