//! The per-sample log keys of a pipeline, known before anything is scored.
//!
//! Trainers log a reward's extra values per sample and assemble them into columns: verl's
//! reward loop builds its columns from the **first** sample's keys
//! (`verl/experimental/reward_loop/reward_loop.py`, verl 0.9.1) and OpenRLHF turns every
//! `extra_logs` key into a per-sample tensor. So every sample must report the same keys,
//! whatever it scored: the keys come from the spec, not from the outputs.
//! [`component_names`] lists every component name a pipeline can produce (a component
//! that a sample did not produce is logged as missing, e.g. `null`), and
//! [`correctness`] finds the component that says whether the answer is correct (OpenRLHF's
//! 0–1 `scores`, verl's `acc`).
//!
//! The walk reads the spec's documented wire form (the `type` tags and the `terms`, `input`,
//! `gate`, `reward` and `correct` fields), so it follows these rules:
//!
//! - a combinator (`terms`) reports each term's value under its name (`t{i}` by default) and
//!   the term's own components under `name/…`;
//! - `gate` reports `gate`, `reward` and the reward's components under `reward/…`;
//! - a node with a `correct` child (`kimi_length`, `l1_length`, `cosine`, `rlcr`) reports
//!   `correct`, and `rlcr` also `format`, `confidence` and `brier`;
//! - a transform (`input`) passes its input's components through;
//! - a reward function reports none.
//!
//! [`RESERVED`] holds the names that trainers' result dicts already use; a combinator term may
//! not be named after one of them (a spec error), so a component never overwrites the score or
//! a flag.
//!
//! ```
//! use rewardkit_core::{log_keys, PipelineSpec};
//! let spec = PipelineSpec::from_toml(r#"
//! schema_version = 1
//! [reward]
//! type = "zscore"
//! input = { type = "weighted_sum", terms = [
//!   { name = "accuracy", reward = { type = "math" } },
//!   { name = "format", weight = 0.2, reward = { type = "format", preset = "r1" } },
//! ] }
//! "#)?;
//! assert_eq!(log_keys::component_names(&spec), vec!["accuracy", "format"]);
//! assert_eq!(
//!     log_keys::correctness(&spec),
//!     Some(log_keys::Correctness::Component("accuracy".into()))
//! );
//! # Ok::<(), rewardkit_core::Error>(())
//! ```

use crate::PipelineSpec;
use serde_json::Value;
use std::collections::VecDeque;

/// Keys that trainers' per-sample result dicts already use: verl's `score` and `acc`,
/// OpenRLHF's `reward`/`rewards`, `score`/`scores` and `extra_logs`, and the `timeout`,
/// `error` and `abstain` flags that rewardkit adds. No combinator term may take one of these
/// names.
pub const RESERVED: &[&str] = &[
    "score",
    "scores",
    "reward",
    "rewards",
    "acc",
    "error",
    "timeout",
    "abstain",
    "extra_logs",
];

/// Whether `name` is one of the [`RESERVED`] keys.
pub fn is_reserved(name: &str) -> bool {
    RESERVED.contains(&name)
}

/// Reward-function types whose value says whether the answer is correct.
pub const CORRECTNESS_TYPES: &[&str] = &["math", "exact_match", "number_match"];

/// Where a pipeline's correctness signal is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Correctness {
    /// The pipeline's own value (its root is a correctness reward function).
    Root,
    /// The component with this name.
    Component(String),
}

/// Every component name the pipeline can produce, sorted (the order of `components` in an
/// output).
pub fn component_names(spec: &PipelineSpec) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(v) = serde_json::to_value(&spec.reward) {
        walk(&v, "", &mut out);
    }
    out.sort();
    out.dedup();
    out
}

fn walk(node: &Value, prefix: &str, out: &mut Vec<String>) {
    let ty = node.get("type").and_then(Value::as_str).unwrap_or("");
    let at = |name: &str| format!("{prefix}{name}");
    if let Some(terms) = node.get("terms").and_then(Value::as_array) {
        for (i, t) in terms.iter().enumerate() {
            let name = t
                .get("name")
                .and_then(Value::as_str)
                .map_or_else(|| format!("t{i}"), str::to_string);
            out.push(at(&name));
            if let Some(r) = t.get("reward") {
                walk(r, &at(&format!("{name}/")), out);
            }
        }
    } else if ty == "gate" {
        out.push(at("gate"));
        out.push(at("reward"));
        if let Some(r) = node.get("reward") {
            walk(r, &at("reward/"), out);
        }
    } else if node.get("correct").is_some_and(Value::is_object) {
        out.push(at("correct"));
        if ty == "rlcr" {
            for k in ["format", "confidence", "brier"] {
                out.push(at(k));
            }
        }
    } else if let Some(input) = node.get("input").filter(|v| v.is_object()) {
        walk(input, prefix, out);
    }
}

/// The component that says whether a sample's answer is correct: the shallowest correctness
/// reward function (`math`, `exact_match`, `number_match`) reachable through combinator terms,
/// transforms, `gate` rewards and `correct` children; `None` when the pipeline has none.
pub fn correctness(spec: &PipelineSpec) -> Option<Correctness> {
    let root = serde_json::to_value(&spec.reward).ok()?;
    let is_correctness = |v: &Value| {
        v.get("type")
            .and_then(Value::as_str)
            .is_some_and(|t| CORRECTNESS_TYPES.contains(&t))
    };
    if is_correctness(&root) {
        return Some(Correctness::Root);
    }
    // Breadth first: (node, component prefix, the component name this node's value has).
    let mut queue: VecDeque<(Value, String)> = VecDeque::new();
    queue.push_back((root, String::new()));
    while let Some((node, prefix)) = queue.pop_front() {
        let ty = node.get("type").and_then(Value::as_str).unwrap_or("");
        if let Some(terms) = node.get("terms").and_then(Value::as_array) {
            for (i, t) in terms.iter().enumerate() {
                let name = t
                    .get("name")
                    .and_then(Value::as_str)
                    .map_or_else(|| format!("t{i}"), str::to_string);
                let Some(r) = t.get("reward") else { continue };
                if is_correctness(r) {
                    return Some(Correctness::Component(format!("{prefix}{name}")));
                }
                queue.push_back((r.clone(), format!("{prefix}{name}/")));
            }
        } else if ty == "gate" {
            if let Some(r) = node.get("reward") {
                if is_correctness(r) {
                    return Some(Correctness::Component(format!("{prefix}reward")));
                }
                queue.push_back((r.clone(), format!("{prefix}reward/")));
            }
        } else if let Some(c) = node.get("correct").filter(|v| v.is_object()) {
            if is_correctness(c) {
                return Some(Correctness::Component(format!("{prefix}correct")));
            }
        } else if let Some(input) = node.get("input").filter(|v| v.is_object()) {
            // A transform changes the value, not its components.
            queue.push_back((input.clone(), prefix));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Sample;

    fn spec(toml: &str) -> PipelineSpec {
        PipelineSpec::from_toml(&format!("schema_version = 1\n{toml}")).unwrap()
    }

    #[test]
    fn names_cover_every_component_an_output_has() {
        let s = spec(
            r#"
[reward]
type = "weighted_sum"
terms = [
  { name = "acc_gate", reward = { type = "gate", gate = { type = "format", preset = "r1" }, reward = { type = "weighted_sum", terms = [{ name = "m", reward = { type = "math" } }] } } },
  { reward = { type = "cosine", correct = { type = "math" } } },
  { name = "cal", reward = { type = "rlcr", correct = { type = "math" } } },
  { name = "z", reward = { type = "zscore", input = { type = "weighted_sum", terms = [{ name = "in", reward = { type = "constant", value = 1.0 } }] } } },
]
"#,
        );
        let names = component_names(&s);
        let p = s.build().unwrap();
        let rows = [
            Sample::new("<think>a</think><answer>\\boxed{2}</answer> <confidence>0.5</confidence>")
                .with_reference("2"),
            Sample::new("no format").with_reference("2"),
        ];
        for o in p.score(&rows) {
            for k in o.components.keys() {
                assert!(names.contains(k), "{k} not in {names:?}");
            }
        }
        assert!(
            names.contains(&"acc_gate/reward/m".to_string()),
            "{names:?}"
        );
        assert!(names.contains(&"t1/correct".to_string()), "{names:?}");
        assert!(names.contains(&"cal/brier".to_string()), "{names:?}");
        // The shallowest correctness reward: the cosine's `correct` child (depth 2) before
        // the gate's (depth 3).
        assert_eq!(
            correctness(&s),
            Some(Correctness::Component("t1/correct".into()))
        );
    }

    #[test]
    fn a_term_named_after_a_reserved_key_is_a_spec_error() {
        for name in RESERVED {
            let s = spec(&format!(
                "[reward]\ntype = \"weighted_sum\"\nterms = [{{ name = \"ok\", reward = {{ type = \"math\" }} }}, {{ name = \"{name}\", reward = {{ type = \"constant\", value = 1.0 }} }}]\n"
            ));
            match s.build().unwrap_err() {
                crate::Error::Spec { path, kind } => {
                    let message = kind.to_string();
                    assert_eq!(path, "reward.terms[1].name");
                    assert!(message.contains("reserved"), "{message}");
                }
                e => panic!("{e}"),
            }
        }
    }

    #[test]
    fn correctness_at_the_root_or_absent() {
        assert_eq!(
            correctness(&spec("[reward]\ntype = \"math\"\n")),
            Some(Correctness::Root)
        );
        assert_eq!(
            correctness(&spec("[reward]\ntype = \"format\"\npreset = \"r1\"\n")),
            None
        );
        assert!(component_names(&spec("[reward]\ntype = \"math\"\n")).is_empty());
    }
}
