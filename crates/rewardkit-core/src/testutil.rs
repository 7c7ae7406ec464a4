//! Helpers shared by the unit tests: build a one-node pipeline and score, or get the path of
//! the spec error it raises.

use crate::{Error, PipelineSpec, RewardOutput, Sample};

/// Scores `samples` with the TOML inline table `node` as the whole pipeline.
pub(crate) fn score_toml(node: &str, samples: &[Sample]) -> Vec<RewardOutput> {
    build(PipelineSpec::from_toml(&toml_doc(node)), node).score(samples)
}

/// Scores `samples` with the JSON object `node` as the whole pipeline.
pub(crate) fn score_json(node: &str, samples: &[Sample]) -> Vec<RewardOutput> {
    build(PipelineSpec::from_json(&json_doc(node)), node).score(samples)
}

/// The field path of the spec error that the TOML inline table `node` raises.
pub(crate) fn spec_err_toml(node: &str) -> String {
    err_path(PipelineSpec::from_toml(&toml_doc(node)), node)
}

/// The field path of the spec error that the JSON object `node` raises.
pub(crate) fn spec_err_json(node: &str) -> String {
    err_path(PipelineSpec::from_json(&json_doc(node)), node)
}

fn toml_doc(node: &str) -> String {
    format!("schema_version = 1\nreward = {node}\n")
}

fn json_doc(node: &str) -> String {
    format!(r#"{{"schema_version": 1, "reward": {node}}}"#)
}

fn build(spec: crate::Result<PipelineSpec>, node: &str) -> crate::Pipeline {
    match spec.and_then(|s| s.build()) {
        Ok(p) => p,
        Err(e) => panic!("{node}: {e}"),
    }
}

fn err_path(spec: crate::Result<PipelineSpec>, node: &str) -> String {
    match spec.and_then(|s| s.build()) {
        Err(Error::Spec { path, .. }) => path,
        Err(e) => panic!("{node}: unexpected {e}"),
        Ok(_) => panic!("{node}: no error"),
    }
}
