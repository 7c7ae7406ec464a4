//! `rlcr`: Reinforcement Learning with Calibration Rewards (Damani et al., "Beyond Binary
//! Rewards: Training LMs to Reason About Their Uncertainty", arXiv 2507.16806).
//!
//! With c = 1\[correct\] (from the child node `correct`: correct when its value is ≥
//! `threshold`, default 0.5) and q the verbalised confidence (a float in [0, 1]):
//!
//! - `mode = "paper"` (default): R = c − (q − c)².
//! - `mode = "code"` (the RLCR code's composition): R = 0.5·format + 0.5·accuracy + 0.5·brier,
//!   with accuracy = c and brier = 1 − (c − q)² when the format is right, and all three 0 when
//!   it is not (the code's two logging-only terms of weight 1e-6 are left out). With the format
//!   right this is 1 + 0.5·R_paper.
//!
//! **Format.** The format is right when the completion has the RLCR tag order
//! `…</think><answer>…</answer><analysis>…</analysis><confidence>q</confidence>` (the `rlcr`
//! preset of [`format`](super::format); `strict_format = false` skips this check) and q is
//! valid. When the format is wrong, `paper` mode gives `format_fail_value`, default **−2**: the
//! value that `code` mode's 0 maps to under R_code = 1 + 0.5·R_paper, so the two modes rank
//! every completion, malformed ones included, the same way (the paper's R alone is ≥ −1). In
//! both modes a malformed completion is scored without consulting `correct`.
//!
//! **Reading q.** `mode = "paper"` takes the content of the last `</confidence>` and the
//! nearest `<confidence>` before it. `mode = "code"` follows the RLCR code: the last match of
//! `re.findall(r"<confidence>(.*?)</confidence>", text)`, left to right, non-overlapping,
//! non-greedy and **without** `re.DOTALL` (the call as reported to this project; not checked
//! against the RLCR repository), so a confidence split over lines is not found. The two
//! differ when the reasoning mentions a tag: in `<confidence>0.9</confidence> … </confidence>`
//! the code reads 0.9, while the paper mode reads `0.9</confidence> …` (not a number: a format
//! failure). For the answer, use `extract = "answer_tag_findall"` in the `correct` child to
//! follow the code's `re.findall(r"<answer>(.*?)</answer>", text)[-1]` too. In both modes q is
//! read by Python's `float()` rules (surrounding whitespace, `_` between digits, Unicode
//! decimal digits such as `０.８`; see [`crate::text`]), and `nan` or a value outside [0, 1] is a
//! format failure.
//!
//! Components: `format` (1/0), `correct` (1/0), `confidence` (q), `brier` ((q − c)², the
//! Brier score: lower is better). The child abstaining (with a well-formed completion) → the
//! sample abstains.
//!
//! ```
//! use rewardkit_core::{PipelineSpec, Sample};
//! let spec = PipelineSpec::from_toml(r#"
//! schema_version = 1
//! [reward]
//! type = "rlcr"
//! correct = { type = "exact_match", extract = "answer_tag", squad = true }
//! "#)?;
//! let done = |a: &str, q: &str| Sample::new(format!(
//!     "<think>…</think><answer>{a}</answer><analysis>…</analysis><confidence>{q}</confidence>"
//! )).with_reference("Paris");
//! let out = spec.build()?.score(&[done("Paris", "0.8"), done("Lyon", "0.8"), done("Paris", "lots")]);
//! assert!((out[0].value.unwrap() - 0.96).abs() < 1e-12); // 1 − (0.8 − 1)²
//! assert!((out[1].value.unwrap() + 0.64).abs() < 1e-12); // 0 − (0.8 − 0)²
//! assert_eq!(out[2].value, Some(-2.0));                   // format failure
//! # Ok::<(), rewardkit_core::Error>(())
//! ```

use super::correctness::Correctness;
use crate::defaults;
use crate::node::{Batch, BuildNode, Node, Scope};
use crate::params::Finite;
use crate::text::tags::{rlcr_confidence, rlcr_confidence_findall, RLCR_PATTERN};
use crate::NodeSpec;
use crate::{Result, RewardOutput, Verdict};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How the RLCR reward is composed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RlcrMode {
    /// The paper's R = c − (q − c)² (default).
    #[default]
    Paper,
    /// The code's 0.5·format + 0.5·accuracy + 0.5·brier.
    Code,
}

/// `{type = "rlcr", correct = {...}, mode = "paper", threshold = 0.5, format_fail_value = -2.0}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rlcr {
    /// The node that says whether the answer is correct (e.g. `exact_match` with
    /// `extract = "answer_tag"`, or a math verifier).
    pub correct: Box<NodeSpec>,
    /// Correct when the `correct` node's value is ≥ this (default 0.5).
    #[serde(default = "defaults::half")]
    pub threshold: Finite,
    /// `paper` (default) or `code`.
    #[serde(default)]
    pub mode: RlcrMode,
    /// Require the RLCR tag order, not just a valid confidence (default true).
    #[serde(default = "defaults::yes")]
    pub strict_format: bool,
    /// `paper` mode's value for a malformed completion (default −2; see the module docs).
    #[serde(default = "defaults::rlcr_format_fail_value")]
    pub format_fail_value: Finite,
}

/// The paper's reward R = c − (q − c)².
pub fn rlcr_paper(correct: bool, q: f64) -> f64 {
    let c = if correct { 1.0 } else { 0.0 };
    c - (q - c) * (q - c)
}

/// The code's reward for a well-formed completion: 0.5 + 0.5·c + 0.5·(1 − (c − q)²).
pub fn rlcr_code(correct: bool, q: f64) -> f64 {
    let c = if correct { 1.0 } else { 0.0 };
    0.5 + 0.5 * c + 0.5 * (1.0 - (c - q) * (c - q))
}

#[derive(Debug)]
struct RlcrNode {
    spec: Rlcr,
    correct: Correctness,
    tags: Option<regex::Regex>,
}

impl RlcrNode {
    fn confidence(&self, text: &str) -> std::result::Result<f64, &'static str> {
        if let Some(re) = &self.tags {
            if !re.is_match(text) {
                return Err("tags missing or out of order");
            }
        }
        match self.spec.mode {
            RlcrMode::Paper => rlcr_confidence(text),
            RlcrMode::Code => rlcr_confidence_findall(text),
        }
    }
}

impl Node for RlcrNode {
    fn eval(&self, batch: &Batch<'_>) -> Vec<RewardOutput> {
        let children = self.correct.eval(batch);
        batch
            .samples
            .iter()
            .zip(&children)
            .map(|(s, ch)| {
                let mut out = self.correct.seed(ch);
                let judged = self.correct.judge(ch);
                out.components
                    .insert("correct".into(), judged.map(|c| f64::from(u8::from(c))));
                match self.confidence(&s.completion) {
                    Err(why) => {
                        out.components.insert("format".into(), Some(0.0));
                        out.components.insert("confidence".into(), None);
                        out.components.insert("brier".into(), None);
                        out.value = Some(match self.spec.mode {
                            RlcrMode::Paper => self.spec.format_fail_value.get(),
                            RlcrMode::Code => 0.0,
                        });
                        out.info.verdict = Some(Verdict::FormatBad);
                        out.info.reason = Some(why.into());
                    }
                    Ok(q) => {
                        out.components.insert("format".into(), Some(1.0));
                        out.components.insert("confidence".into(), Some(q));
                        let Some(c) = judged else {
                            out.components.insert("brier".into(), None);
                            out.info.reason = Some(Correctness::abstain_reason(ch));
                            return out;
                        };
                        let cv = if c { 1.0 } else { 0.0 };
                        out.components
                            .insert("brier".into(), Some((q - cv) * (q - cv)));
                        out.value = Some(match self.spec.mode {
                            RlcrMode::Paper => rlcr_paper(c, q),
                            RlcrMode::Code => rlcr_code(c, q),
                        });
                        out.info.verdict = Some(if c {
                            Verdict::Correct
                        } else {
                            Verdict::Incorrect
                        });
                    }
                }
                out
            })
            .collect()
    }

    fn scope(&self) -> Scope {
        self.correct.scope()
    }
}

impl BuildNode for Rlcr {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        let tags =
            if self.strict_format {
                Some(regex::Regex::new(RLCR_PATTERN).map_err(|e| {
                    crate::Error::spec_pattern(path, format!("internal pattern: {e}"))
                })?)
            } else {
                None
            };
        Ok(Box::new(RlcrNode {
            spec: self.clone(),
            correct: Correctness::build(&self.correct, self.threshold, path)?,
            tags,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{PipelineSpec, Sample};
    use approx::assert_abs_diff_eq;

    #[test]
    fn paper_test_vectors() {
        // RLCR (arXiv 2507.16806) by hand: R = c − (q − c)²
        assert_eq!(rlcr_paper(true, 1.0), 1.0);
        assert_abs_diff_eq!(rlcr_paper(true, 0.8), 0.96, epsilon = 1e-12);
        assert_abs_diff_eq!(rlcr_paper(false, 0.8), -0.64, epsilon = 1e-12);
        assert_eq!(rlcr_paper(false, 0.0), 0.0);
        assert_eq!(rlcr_paper(true, 0.0), 0.0);
    }

    #[test]
    fn calibration_property() {
        // RLCR's calibration theorem: argmax_q E[R | P(correct) = p] = p; grid TV p = 0.7 -> 0.70
        let p = 0.7;
        let best = (0..=100)
            .map(|i| f64::from(i) / 100.0)
            .max_by(|a, b| {
                let e = |q: f64| p * rlcr_paper(true, q) + (1.0 - p) * rlcr_paper(false, q);
                e(*a).total_cmp(&e(*b))
            })
            .unwrap();
        assert_abs_diff_eq!(best, 0.7, epsilon = 1e-12);
    }

    #[test]
    fn code_mode_is_affine_in_paper_mode() {
        for c in [true, false] {
            for q in [0.0, 0.3, 0.8, 1.0] {
                assert_abs_diff_eq!(
                    rlcr_code(c, q),
                    1.0 + 0.5 * rlcr_paper(c, q),
                    epsilon = 1e-12
                );
            }
        }
        assert_abs_diff_eq!(rlcr_code(true, 0.8), 1.48, epsilon = 1e-12);
        assert_abs_diff_eq!(rlcr_code(false, 0.8), 0.68, epsilon = 1e-12);
    }

    use crate::testutil::score_toml as run;

    fn sample(body: &str, ok: Option<f64>) -> Sample {
        let mut s = Sample::new(body);
        if let Some(ok) = ok {
            s = s.with_score("ok", ok);
        }
        s
    }

    #[test]
    fn node_components_modes_and_failures() {
        let good = |q: &str| {
            format!("<think>t</think><answer>a</answer><analysis>b</analysis><confidence>{q}</confidence>")
        };
        let samples = vec![
            sample(&good("0.8"), Some(1.0)),
            sample(&good("0.8"), Some(0.0)),
            sample(&good("1.2"), Some(1.0)),
            sample("<answer>a</answer><confidence>0.5</confidence>", Some(1.0)),
            sample(&good("0.5"), None),
            sample(
                &format!("{}<confidence>0.1</confidence>", good("0.9")),
                Some(1.0),
            ),
        ];
        let paper = run(
            r#"{type = "rlcr", correct = {type = "field", name = "ok"}}"#,
            &samples,
        );
        assert_abs_diff_eq!(paper[0].value.unwrap(), 0.96, epsilon = 1e-12);
        assert_abs_diff_eq!(paper[1].value.unwrap(), -0.64, epsilon = 1e-12);
        assert_eq!(paper[0].components["confidence"], Some(0.8));
        assert_eq!(paper[0].components["format"], Some(1.0));
        assert_eq!(paper[0].components["correct"], Some(1.0));
        assert_abs_diff_eq!(paper[1].components["brier"].unwrap(), 0.64, epsilon = 1e-12);
        assert_eq!(paper[2].value, Some(-2.0));
        assert_eq!(
            paper[2].info.reason.as_deref(),
            Some("the confidence is outside [0, 1]")
        );
        assert_eq!(paper[3].value, Some(-2.0)); // tags out of order / missing
        assert!(paper[4].is_abstention());
        // the last <confidence> is used: 0.1, correct -> 1 - 0.81
        assert_abs_diff_eq!(paper[5].value.unwrap(), 0.19, epsilon = 1e-12);

        let code = run(
            r#"{type = "rlcr", mode = "code", strict_format = false, correct = {type = "field", name = "ok"}}"#,
            &samples,
        );
        assert_abs_diff_eq!(code[0].value.unwrap(), 1.48, epsilon = 1e-12);
        assert_abs_diff_eq!(code[1].value.unwrap(), 0.68, epsilon = 1e-12);
        assert_eq!(code[2].value, Some(0.0));
        // not strict: only the confidence matters; c = 1, q = 0.5 -> 0.5 + 0.5 + 0.5·0.75
        assert_abs_diff_eq!(code[3].value.unwrap(), 1.375, epsilon = 1e-12);
    }

    #[test]
    fn code_mode_reads_tags_as_python_findall() {
        // The reasoning mentions a closing tag after the real confidence.
        let body = "<think>t</think><answer>a</answer><analysis>b</analysis>\
                    <confidence>0.9</confidence> see </confidence>";
        let samples = [sample(body, Some(1.0))];
        let code = run(
            r#"{type = "rlcr", mode = "code", strict_format = false, correct = {type = "field", name = "ok"}}"#,
            &samples,
        );
        assert_eq!(code[0].components["confidence"], Some(0.9));
        let paper = run(
            r#"{type = "rlcr", strict_format = false, correct = {type = "field", name = "ok"}}"#,
            &samples,
        );
        assert_eq!(paper[0].value, Some(-2.0)); // "0.9</confidence> see " is not a number
                                                // A confidence across lines is not a findall match (no DOTALL); full-width digits are.
        let split = sample("<confidence>0.\n9</confidence>", Some(1.0));
        let wide = sample("<confidence>\u{ff10}.\u{ff19}</confidence>", Some(1.0));
        let code = run(
            r#"{type = "rlcr", mode = "code", strict_format = false, correct = {type = "field", name = "ok"}}"#,
            &[split, wide],
        );
        assert_eq!(code[0].value, Some(0.0));
        assert_eq!(code[1].components["confidence"], Some(0.9));
    }

    #[test]
    fn spec_errors_name_the_child_path() {
        let e = PipelineSpec::from_toml(
            "schema_version = 1\nreward = {type = \"rlcr\", correct = {type = \"repetition_penalty\", max_penalty = 1.0}}\n",
        )
        .and_then(|s| s.build())
        .unwrap_err();
        assert!(
            matches!(&e, crate::Error::Spec { path, .. } if path == "reward.correct.max_penalty"),
            "{e}"
        );
    }
}
