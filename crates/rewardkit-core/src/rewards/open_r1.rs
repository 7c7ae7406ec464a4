//! Two rewards of open-r1 (`src/open_r1/rewards.py`): `tag_count` and `cosine`.
//!
//! **`tag_count`** (open-r1 `tag_count_reward`): partial credit for the R1 tags, 0.25 for each
//! of these four strings when it occurs **exactly once** (Python `str.count`: non-overlapping,
//! left to right):
//!
//! | string | credit |
//! |---|---|
//! | `<think>\n` | 0.25 |
//! | `\n</think>\n` | 0.25 |
//! | `\n<answer>\n` | 0.25 |
//! | `\n</answer>` | 0.25 |
//!
//! Worked examples: `"<think>\nx\n</think>\n<answer>\n4\n</answer>"` → 1.0;
//! `"<think>x</think><answer>4</answer>"` → 0.0 (no newlines around the tags);
//! `"<think>\nx\n</think>\n4"` → 0.5; a second `<think>\n` loses that tag's 0.25. No parameters.
//! `info.extra.tags` is the number of tags credited.
//!
//! **`cosine`** (open-r1 `get_cosine_scaled_reward`, "Demystifying Long Chain-of-Thought
//! Reasoning in LLMs", Yeo et al. 2025): correctness scaled by length along a cosine. With
//! L the completion's length (`length`, default `chars`, as open-r1's `len(content)`) and
//! `max_len` (default 1000):
//!
//! ```text
//! progress = L / max_len
//! cosine   = cos(progress · π)
//! correct:  lo = min_value_correct (0.5),  hi = max_value_correct (1.0)
//! wrong:    lo = max_value_wrong (−0.5),   hi = min_value_wrong (−1.0)   (swapped, as open-r1)
//! reward   = lo + 0.5 · (hi − lo) · (1 + cosine)
//! ```
//!
//! The defaults are open-r1's (`min_value_wrong = −1.0`, `max_value_wrong = −0.5`,
//! `min_value_correct = 0.5`, `max_value_correct = 1.0`, `max_len = 1000`); the formula is the
//! one of open-r1's `rewards.py`. Worked examples: a correct answer of 0, 500, 1000 chars gets
//! 1.0, 0.75, 0.5 (shorter is better); a wrong one gets −1.0, −0.75, −0.5 (a short wrong answer
//! is penalised most, so the model is pushed to think longer when it is wrong).
//!
//! Correctness comes from the child node `correct` (any node; correct when its value is ≥
//! `threshold`, default 0.5), as for `kimi_length`. Deviations from open-r1, on purpose:
//! - open-r1 scores 1.0 when the gold answer does not parse ("skip unparseable examples");
//!   here the sample **abstains** when the child abstains (an unusable reference is no evidence
//!   that the completion is good), with the child's reason.
//! - Like open-r1, progress is **not** clipped: past `max_len` the cosine rises again
//!   (L = 2·max_len scores like L = 0). Keep completions within `max_len` (or clip the length
//!   upstream) if that matters.
//!
//! ```
//! use rewardkit_core::{PipelineSpec, Sample};
//! let spec = PipelineSpec::from_toml(r#"
//! schema_version = 1
//! [reward]
//! type = "cosine"
//! correct = { type = "exact_match" }
//! "#)?;
//! let out = spec.build()?.score(&[
//!     Sample::new("4").with_reference("4"),              // correct, 1 char
//!     Sample::new("x".repeat(500)).with_reference("4"),  // wrong, 500 chars
//! ]);
//! assert!((out[0].value.unwrap() - (0.75 + 0.25 * (std::f64::consts::PI / 1000.0).cos())).abs() < 1e-12);
//! assert!((out[1].value.unwrap() + 0.75).abs() < 1e-12);
//! # Ok::<(), rewardkit_core::Error>(())
//! ```

use super::correctness::Correctness;
use super::length::LengthUnit;
use crate::defaults;
use crate::node::{Batch, BuildNode, Leaf, Node, RewardFn, Scope};
use crate::params::{AtLeastOne, Finite};
use crate::NodeSpec;
use crate::{Deadline, Error, Result, RewardOutput, Sample, Verdict};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `{type = "tag_count"}`: 0.25 for each R1 tag string present exactly once (open-r1).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TagCount {}

/// The four tag strings of open-r1's `tag_count_reward`.
pub const R1_TAGS: [&str; 4] = ["<think>\n", "\n</think>\n", "\n<answer>\n", "\n</answer>"];

/// open-r1's `count_tags`: 0.25 for each of [`R1_TAGS`] that occurs exactly once.
pub fn tag_count(text: &str) -> f64 {
    0.25 * tags_once(text) as f64
}

fn tags_once(text: &str) -> usize {
    R1_TAGS
        .iter()
        .filter(|t| text.matches(**t).count() == 1)
        .count()
}

impl RewardFn for TagCount {
    fn score(&self, s: &Sample, _: Deadline) -> RewardOutput {
        let n = tags_once(&s.completion);
        {
            let mut out = RewardOutput::value(0.25 * n as f64);
            out.info.extra.tags = Some(n as u64);
            out
        }
    }
}

impl BuildNode for TagCount {
    fn build(&self, _path: &str) -> Result<Box<dyn Node>> {
        Ok(Box::new(Leaf(self.clone())))
    }
}

/// `{type = "cosine", correct = {...}, max_len = 1000, ...}`: open-r1's cosine length-scaled
/// correctness reward.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cosine {
    /// The node that says whether each sample is correct.
    pub correct: Box<NodeSpec>,
    /// Correct when the `correct` node's value is ≥ this (default 0.5).
    #[serde(default = "defaults::half")]
    pub threshold: Finite,
    /// Reward of the shortest wrong answer (default −1.0).
    #[serde(default = "defaults::cosine_min_value_wrong")]
    pub min_value_wrong: Finite,
    /// Reward of a wrong answer of `max_len` (default −0.5).
    #[serde(default = "defaults::cosine_max_value_wrong")]
    pub max_value_wrong: Finite,
    /// Reward of a correct answer of `max_len` (default 0.5).
    #[serde(default = "defaults::cosine_min_value_correct")]
    pub min_value_correct: Finite,
    /// Reward of the shortest correct answer (default 1.0).
    #[serde(default = "defaults::cosine_max_value_correct")]
    pub max_value_correct: Finite,
    /// The length at which the cosine reaches its end (default 1000); ≥ 1.
    #[serde(default = "defaults::cosine_max_len")]
    #[schemars(with = "u64")]
    pub max_len: AtLeastOne,
    /// Length unit (default `chars`, as open-r1's `len(content)`).
    #[serde(default)]
    pub length: LengthUnit,
}

/// open-r1's cosine-scaled reward for one completion of length `len`.
pub fn cosine_reward(spec: &Cosine, correct: bool, len: f64) -> f64 {
    let progress = len / spec.max_len.get() as f64;
    let cosine = (progress * std::f64::consts::PI).cos();
    let (lo, hi) = if correct {
        (spec.min_value_correct.get(), spec.max_value_correct.get())
    } else {
        // open-r1 swaps min and max for wrong answers.
        (spec.max_value_wrong.get(), spec.min_value_wrong.get())
    };
    lo + 0.5 * (hi - lo) * (1.0 + cosine)
}

#[derive(Debug)]
struct CosineNode {
    spec: Cosine,
    correct: Correctness,
}

impl Node for CosineNode {
    fn eval(&self, batch: &Batch<'_>) -> Vec<RewardOutput> {
        let children = self.correct.eval(batch);
        batch
            .samples
            .iter()
            .zip(&children)
            .map(|(s, ch)| {
                let mut out = self.correct.seed(ch);
                let len = match self.spec.length.measure(s) {
                    Ok(l) => l,
                    Err(e) => return out.with_reason(e),
                };
                out.info.extra.length = Some(len);
                let Some(c) = self.correct.judge(ch) else {
                    return out.with_reason(Correctness::abstain_reason(ch));
                };
                out.value = Some(cosine_reward(&self.spec, c, len));
                out.info.verdict = Some(if c {
                    Verdict::Correct
                } else {
                    Verdict::Incorrect
                });
                out
            })
            .collect()
    }

    fn scope(&self) -> Scope {
        self.correct.scope()
    }
}

impl BuildNode for Cosine {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        if let LengthUnit::Field(f) = &self.length {
            if f.field.is_empty() {
                return Err(Error::spec(
                    format!("{path}.length.field"),
                    "must not be empty",
                ));
            }
        }
        Ok(Box::new(CosineNode {
            spec: self.clone(),
            correct: Correctness::build(&self.correct, self.threshold, path)?,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_abs_diff_eq;

    use crate::testutil::score_toml as run;

    #[test]
    fn tag_count_open_r1_examples() {
        assert_eq!(
            tag_count("<think>\nx\n</think>\n<answer>\n4\n</answer>"),
            1.0
        );
        assert_eq!(tag_count("<think>x</think><answer>4</answer>"), 0.0);
        assert_eq!(tag_count("<think>\nx\n</think>\n4"), 0.5);
        // a second `<think>\n` loses that tag's credit
        assert_eq!(
            tag_count("<think>\n<think>\nx\n</think>\n<answer>\n4\n</answer>"),
            0.75
        );
        // str.count is non-overlapping: "\n</think>\n</think>\n" counts once
        assert_eq!(tag_count("\n</think>\n</think>\n"), 0.25);
        let out = run(r#"{type = "tag_count"}"#, &[Sample::new("<think>\n")]);
        assert_eq!(out[0].value, Some(0.25));
        assert_eq!(out[0].info.extra.tags, Some(1));
    }

    #[test]
    fn cosine_open_r1_defaults() {
        let spec: Cosine =
            serde_json::from_str(r#"{"correct": {"type": "constant", "value": 1}}"#).unwrap();
        for (c, len, want) in [
            (true, 0.0, 1.0),
            (true, 500.0, 0.75),
            (true, 1000.0, 0.5),
            (false, 0.0, -1.0),
            (false, 500.0, -0.75),
            (false, 1000.0, -0.5),
            (true, 2000.0, 1.0), // not clipped, as open-r1
        ] {
            assert_abs_diff_eq!(cosine_reward(&spec, c, len), want, epsilon = 1e-12);
        }
    }

    #[test]
    fn cosine_node_uses_child_and_abstains_with_it() {
        let out = run(
            r#"{type = "cosine", max_len = 10, correct = {type = "field", name = "ok"}}"#,
            &[
                Sample::new("12345").with_score("ok", 1.0),
                Sample::new("12345").with_score("ok", 0.0),
                Sample::new("12345"),
            ],
        );
        assert_abs_diff_eq!(out[0].value.unwrap(), 0.75, epsilon = 1e-12);
        assert_abs_diff_eq!(out[1].value.unwrap(), -0.75, epsilon = 1e-12);
        assert!(out[2].is_abstention());
        assert_eq!(out[0].components["correct"], Some(1.0));
        let e = crate::testutil::spec_err_toml(
            r#"{type = "cosine", max_len = 0, correct = {type = "constant", value = 1.0}}"#,
        );
        assert_eq!(e, "reward.max_len");
    }
}
