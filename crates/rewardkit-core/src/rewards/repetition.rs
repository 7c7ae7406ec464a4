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
//! TRL 1.16 (`trl/rewards/other_rewards.py`, `_RepetitionPenalty`, read for this module) computes
//! the same ratio over the completion's **token ids** instead of words
//! (`ngrams = list(zip(*[ids[i:] for i in range(n)]))`, `scaling = 1 − len(set(ngrams)) /
//! len(ngrams)`, 0 when `len(ids) < n`). Set `tokens = "completion_ids"` (any sample field holding a
//! list of integers) to get exactly that; a sample without the field abstains with a reason.
//! Without `tokens` the words rule above is used (open-r1 and earlier TRL).
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

use crate::defaults;
use crate::node::{BuildNode, Leaf, Node, RewardFn};
use crate::params::{AtLeastOne, NonPositive};
use crate::text::python::py_words;
use crate::{Deadline, Result, RewardOutput, Sample};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// `{type = "repetition_penalty", ngram_size = 3, max_penalty = -1.0}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RepetitionPenalty {
    /// Words per n-gram (default 3; at least 1).
    #[serde(default = "defaults::repetition_ngram_size")]
    pub ngram_size: AtLeastOne,
    /// The penalty for a completion made of one repeated n-gram (default −1; must be ≤ 0:
    /// TRL raises for a positive one).
    #[serde(default = "defaults::repetition_max_penalty")]
    pub max_penalty: NonPositive,
    /// Sample field holding the completion's token ids (TRL ≥ 1.16 semantics); default: words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokens: Option<String>,
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

/// TRL 1.16's repetition penalty of a sequence of token ids.
pub fn repetition_penalty_ids(ids: &[i64], ngram_size: usize, max_penalty: f64) -> f64 {
    if ngram_size == 0 || ids.len() < ngram_size {
        return 0.0;
    }
    let grams: HashSet<&[i64]> = ids.windows(ngram_size).collect();
    let total = ids.len() - ngram_size + 1;
    let scaling = 1.0 - grams.len() as f64 / total as f64;
    if scaling == 0.0 {
        0.0
    } else {
        scaling * max_penalty
    }
}

impl RewardFn for RepetitionPenalty {
    fn score(&self, s: &Sample, _: Deadline) -> RewardOutput {
        let Some(field) = &self.tokens else {
            return RewardOutput::value(repetition_penalty(
                &s.completion,
                self.ngram_size.get(),
                self.max_penalty.get(),
            ));
        };
        let ids: Option<Vec<i64>> = match s.lookup(field) {
            Some(serde_json::Value::Array(a)) => a.iter().map(serde_json::Value::as_i64).collect(),
            _ => None,
        };
        match ids {
            Some(ids) => RewardOutput::value(repetition_penalty_ids(
                &ids,
                self.ngram_size.get(),
                self.max_penalty.get(),
            )),
            None => RewardOutput::abstain(format!(
                "field `{field}` missing or not a list of integer token ids"
            )),
        }
    }
}

impl BuildNode for RepetitionPenalty {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        let _ = path;
        Ok(Box::new(Leaf(self.clone())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PipelineSpec;
    use approx::assert_abs_diff_eq;

    #[test]
    fn token_ids_follow_trl_1_16() {
        // TRL 1.16 docstring example: ngram_size=2, ids [[1, 2, 3, 4], [5, 5, 5, 5, 5]] -> [0.0, -0.75].
        assert_eq!(repetition_penalty_ids(&[1, 2, 3, 4], 2, -1.0), 0.0);
        assert_eq!(repetition_penalty_ids(&[5, 5, 5, 5, 5], 2, -1.0), -0.75);
        assert_eq!(repetition_penalty_ids(&[1, 2, 1, 2, 1, 2], 2, -1.0), -0.6);
        assert_eq!(repetition_penalty_ids(&[1], 2, -1.0), 0.0);
        let spec = PipelineSpec::from_toml(
            "schema_version = 1\nreward = { type = \"repetition_penalty\", tokens = \"completion_ids\" }\n",
        )
        .unwrap();
        let mut with_ids = Sample::new("the words do not matter here");
        with_ids
            .metadata
            .insert("completion_ids".into(), serde_json::json!([7, 7, 7, 7]));
        let out = spec
            .build()
            .unwrap()
            .score(&[with_ids, Sample::new("no ids")]);
        // 4 ids -> 2 trigrams (777, 777), 1 distinct: (1 - 1/2)(-1)
        assert_eq!(out[0].value, Some(-0.5));
        assert!(out[1].is_abstention());
    }

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
            .and_then(|s| s.build())
            .unwrap_err();
            assert!(
                matches!(&e, crate::Error::Spec { path, .. } if path == &format!("reward.{field}")),
                "{e}"
            );
        }
    }
}
