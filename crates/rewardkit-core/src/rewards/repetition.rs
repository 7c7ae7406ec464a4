//! `repetition_penalty`: TRL's n-gram repetition penalty.
//!
//! With the completion lower-cased and split on whitespace into words, and the n-grams of
//! `ngram_size` consecutive words:
//! r = (1 − unique n-grams / total n-grams) · `max_penalty`; r = 0 for an empty completion or
//! fewer than `ngram_size` words. Range [`max_penalty`, 0].
//!
//! Source: TRL `trl/rewards` `get_repetition_penalty_reward(ngram_size=3, max_penalty=-1.0)`
//! (from open-r1), whose logic is:
//!
//! ```text
//! if max_penalty > 0: raise ValueError
//! words = text.lower().split()
//! if text == "" or len(words) < ngram_size: return 0.0
//! ngrams = set(zip(*[words[i:] for i in range(ngram_size)]))
//! total  = len(words) - ngram_size + 1
//! return (1 - len(ngrams) / total) * max_penalty
//! ```
//!
//! Defaults: `ngram_size = 3`, `max_penalty = -1.0`. `max_penalty > 0` is a spec error (TRL
//! raises); so is `ngram_size = 0` (TRL would divide by zero). TRL's `language = "zh"` (jieba
//! word segmentation) is not supported.
//!
//! ```
//! use rewardkit_core::{PipelineSpec, Sample};
//! let spec = PipelineSpec::from_toml(r#"
//! schema_version = 1
//! reward = { type = "repetition_penalty" }
//! "#)?;
//! let out = spec.build()?.score(&[Sample::new("A b c a b c"), Sample::new("a b c d")]);
//! // 4 trigrams, 3 distinct: (1 − 3/4) · (−1) = −0.25
//! assert_eq!(out[0].value, Some(-0.25));
//! assert_eq!(out[1].value, Some(0.0));
//! # Ok::<(), rewardkit_core::Error>(())
//! ```

use super::length::py_words;
use crate::node::{Leaf, Node, RewardFn};
use crate::spec::BuildNode;
use crate::{Deadline, Error, Result, RewardOutput, Sample};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// `{type = "repetition_penalty", ngram_size = 3, max_penalty = -1.0}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RepetitionPenalty {
    /// Words per n-gram (default 3; at least 1).
    #[serde(default = "three")]
    pub ngram_size: usize,
    /// The penalty for a completion made of one repeated n-gram (default −1; must be ≤ 0).
    #[serde(default = "minus_one")]
    pub max_penalty: f64,
}

fn three() -> usize {
    3
}

fn minus_one() -> f64 {
    -1.0
}

/// TRL's repetition penalty of one text.
pub fn repetition_penalty(text: &str, ngram_size: usize, max_penalty: f64) -> f64 {
    if text.is_empty() || ngram_size == 0 {
        return 0.0;
    }
    let lower = text.to_lowercase();
    let words: Vec<&str> = py_words(&lower).collect();
    if words.len() < ngram_size {
        return 0.0;
    }
    let grams: HashSet<&[&str]> = words.windows(ngram_size).collect();
    let total = words.len() - ngram_size + 1;
    (1.0 - grams.len() as f64 / total as f64) * max_penalty
}

impl RewardFn for RepetitionPenalty {
    fn score(&self, s: &Sample, _: Deadline) -> RewardOutput {
        RewardOutput::value(repetition_penalty(
            &s.completion,
            self.ngram_size,
            self.max_penalty,
        ))
    }
}

impl BuildNode for RepetitionPenalty {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        if self.ngram_size == 0 {
            return Err(Error::spec(
                format!("{path}.ngram_size"),
                "must be at least 1",
            ));
        }
        if !(self.max_penalty.is_finite() && self.max_penalty <= 0.0) {
            return Err(Error::spec(
                format!("{path}.max_penalty"),
                format!(
                    "must be a finite number <= 0 (TRL raises for a positive one), got {}",
                    self.max_penalty
                ),
            ));
        }
        Ok(Box::new(Leaf(self.clone())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PipelineSpec;
    use approx::assert_abs_diff_eq;

    #[test]
    fn hand_computed_cases() {
        let r = |t: &str| repetition_penalty(t, 3, -1.0);
        // 6 words -> 4 trigrams (abc, bca, cab, abc), 3 distinct: (1 - 3/4)(-1)
        assert_eq!(r("a b c a b c"), -0.25);
        // case-folded, any whitespace: same as above
        assert_eq!(r("A\tb C\n\na B c"), -0.25);
        // no repeats
        assert_eq!(r("the quick brown fox jumps"), 0.0);
        // "a a a a a": 3 trigrams, 1 distinct -> (1 - 1/3)(-1)
        assert_abs_diff_eq!(r("a a a a a"), -2.0 / 3.0, epsilon = 1e-15);
        // fewer words than ngram_size, empty, whitespace only
        assert_eq!(r("a b"), 0.0);
        assert_eq!(r(""), 0.0);
        assert_eq!(r("   "), 0.0);
        // exactly ngram_size words: one n-gram, nothing repeated
        assert_eq!(r("a b c"), 0.0);
        // bigrams, max_penalty -0.5: "x y x y x y" -> 5 bigrams (xy,yx,xy,yx,xy), 2 distinct
        assert_abs_diff_eq!(
            repetition_penalty("x y x y x y", 2, -0.5),
            (1.0 - 2.0 / 5.0) * -0.5,
            epsilon = 1e-15
        );
        // unigrams: "b b b b" -> 4 unigrams, 1 distinct
        assert_eq!(repetition_penalty("b b b b", 1, -1.0), -0.75);
    }

    #[test]
    fn positive_penalty_and_zero_size_are_spec_errors() {
        for (spec, field) in [
            ("max_penalty = 0.5", "max_penalty"),
            ("ngram_size = 0", "ngram_size"),
        ] {
            let e = PipelineSpec::from_toml(&format!(
                "schema_version = 1\nreward = {{type = \"repetition_penalty\", {spec}}}\n"
            ))
            .unwrap()
            .build()
            .unwrap_err();
            assert!(
                matches!(&e, Error::Spec { path, .. } if path == &format!("reward.{field}")),
                "{e}"
            );
        }
    }
}
