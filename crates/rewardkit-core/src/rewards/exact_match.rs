//! `exact_match`: normalised string equality between the answer and a reference.
//!
//! r = `correct` if norm(answer) = norm(refᵢ) for some accepted reference refᵢ, else
//! `incorrect`; `no_answer` (default: `incorrect`) when the extractor finds nothing.
//!
//! - **answer**: `extract` (default `completion`: the whole completion, trimmed; or `boxed`,
//!   `hash`, `answer_line`, `answer_tag`, `answer_tag_findall`, `after_think`, or a list of them
//!   tried in order; see
//!   [`extract`](crate::text::extract)).
//! - **references**: the spec's `references` if given, else the sample's `reference` (a text or
//!   a list of accepted texts; any match wins). No reference → abstain, with the reason.
//! - **norm**: applied to both sides in the order of SQuAD's `normalize_answer` (also used by
//!   HotpotQA and RLCR's HotpotQA reward): lower-case (`ignore_case`, default off) → delete ASCII
//!   punctuation `string.punctuation` (`strip_punctuation`, off) → replace the words
//!   `a|an|the` (regex `\b(a|an|the)\b`) by a space (`strip_articles`, off) → collapse runs of
//!   whitespace to one space (`collapse_whitespace`, on). Both sides are always trimmed.
//!   Whitespace and word characters are Python 3's (see [`crate::text`]): U+001C–U+001F are
//!   whitespace (`"New\x1fYork"` = `"new york"` under `squad`), and `\b` sees `²`, `½` as word
//!   characters (`"a²"` keeps its `a`, so it is not `"²"`), exactly as the SQuAD script run by
//!   CPython does.
//!   `squad = true` turns all four on: exactly `normalize_answer` (Rajpurkar et al. 2016, SQuAD
//!   v1.1 evaluation script).
//!
//! `info.extracted` is the answer before normalisation; `info.verdict` is `equal`,
//! `not_equal` or `no_answer`.
//!
//! ```
//! use rewardkit_core::{PipelineSpec, Sample};
//! let spec = PipelineSpec::from_toml(r#"
//! schema_version = 1
//! reward = { type = "exact_match", extract = "answer_tag", squad = true }
//! "#)?;
//! let p = spec.build()?;
//! let s = Sample::new("<think>…</think><answer>The  Eiffel Tower!</answer>")
//!     .with_reference("eiffel tower");
//! let out = p.score(&[s, Sample::new("<answer>Louvre</answer>").with_reference("Eiffel Tower")]);
//! assert_eq!(out[0].value, Some(1.0));
//! assert_eq!(out[0].info.extracted.as_deref(), Some("The  Eiffel Tower!"));
//! assert_eq!(out[1].value, Some(0.0));
//! # Ok::<(), rewardkit_core::Error>(())
//! ```

use crate::defaults;
use crate::node::{BuildNode, Leaf, Node, RewardFn};
use crate::params::Finite;
use crate::text::extract::Extract;
use crate::text::python::{py_collapse, py_strip, py_word};
use crate::text::reference_texts;
use crate::{Deadline, Error, Result, RewardOutput, Sample, Verdict};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `{type = "exact_match", extract = "completion", squad = false, ...}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExactMatch {
    /// Which text is the answer: `completion` (default), `boxed`, `hash`, `answer_line`,
    /// `answer_tag`, `answer_tag_findall`, `after_think`, or a list tried in order.
    #[serde(default)]
    pub extract: Extract,
    /// Compare lower-cased (default false).
    #[serde(default)]
    pub ignore_case: bool,
    /// Collapse runs of whitespace to one space (default true).
    #[serde(default = "defaults::yes")]
    pub collapse_whitespace: bool,
    /// Delete ASCII punctuation (default false).
    #[serde(default)]
    pub strip_punctuation: bool,
    /// Replace the words `a`, `an`, `the` by a space (default false).
    #[serde(default)]
    pub strip_articles: bool,
    /// SQuAD/HotpotQA `normalize_answer`: all four flags above on (default false).
    #[serde(default)]
    pub squad: bool,
    /// Accepted references; when given, they replace the sample's `reference`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub references: Option<Vec<String>>,
    /// Reward when the answer matches (default 1).
    #[serde(default = "defaults::one")]
    pub correct: Finite,
    /// Reward when it does not (default 0).
    #[serde(default)]
    pub incorrect: Finite,
    /// Reward when no answer is found (default: `incorrect`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_answer: Option<Finite>,
}

/// The normalisation steps of [`ExactMatch`], compiled.
#[derive(Debug, Clone)]
pub(crate) struct Normalizer {
    ignore_case: bool,
    strip_punctuation: bool,
    strip_articles: bool,
    collapse_whitespace: bool,
}

impl Normalizer {
    /// A normaliser with the given steps (applied in SQuAD order).
    pub(crate) fn new(
        ignore_case: bool,
        strip_punctuation: bool,
        strip_articles: bool,
        collapse_whitespace: bool,
    ) -> Self {
        Normalizer {
            ignore_case,
            strip_punctuation,
            strip_articles,
            collapse_whitespace,
        }
    }

    /// Normalises one text.
    pub(crate) fn apply(&self, text: &str) -> String {
        let mut s = if self.ignore_case {
            text.to_lowercase()
        } else {
            text.to_string()
        };
        if self.strip_punctuation {
            s.retain(|c| !c.is_ascii_punctuation());
        }
        if self.strip_articles {
            s = remove_articles(&s);
        }
        if self.collapse_whitespace {
            py_collapse(&s)
        } else {
            py_strip(&s).to_string()
        }
    }
}

/// Python's `re.sub(r"\b(a|an|the)\b", " ", text)` with `re`'s Unicode `\w` (letters, numbers,
/// `_`; see [`crate::text`]): left to right, `a` tried before `an` and `the`.
fn remove_articles(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let before_ok = !text[..i].chars().next_back().is_some_and(py_word);
        let hit = before_ok
            .then(|| {
                ["a", "an", "the"].into_iter().find(|w| {
                    rest.starts_with(w) && !rest[w.len()..].chars().next().is_some_and(py_word)
                })
            })
            .flatten();
        match hit {
            Some(w) => {
                out.push(' ');
                i += w.len();
            }
            None => {
                let c = rest.chars().next().unwrap_or(' ');
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
    out
}

#[derive(Debug)]
struct ExactMatchFn {
    spec: ExactMatch,
    norm: Normalizer,
}

impl RewardFn for ExactMatchFn {
    fn score(&self, sample: &Sample, _: Deadline) -> RewardOutput {
        let refs = match reference_texts(self.spec.references.as_deref(), sample) {
            Ok(r) => r,
            Err(why) => return RewardOutput::abstain(why),
        };
        let Some(answer) = self.spec.extract.apply(&sample.completion) else {
            return RewardOutput::value(self.spec.no_answer.unwrap_or(self.spec.incorrect).get())
                .with_verdict(Verdict::NoAnswer)
                .with_reason("no answer found in the completion");
        };
        let a = self.norm.apply(answer);
        let ok = refs.iter().any(|r| self.norm.apply(r) == a);
        super::judged(ok, self.spec.correct, self.spec.incorrect).with_extracted(answer)
    }
}

impl BuildNode for ExactMatch {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        if self.extract.extractors().is_empty() {
            return Err(Error::spec(
                format!("{path}.extract"),
                "needs at least one extractor",
            ));
        }
        if self.references.as_ref().is_some_and(Vec::is_empty) {
            return Err(Error::spec(
                format!("{path}.references"),
                "needs at least one reference (or leave it out to use the sample's)",
            ));
        }
        let q = self.squad;
        let norm = Normalizer::new(
            q || self.ignore_case,
            q || self.strip_punctuation,
            q || self.strip_articles,
            q || self.collapse_whitespace,
        );
        Ok(Box::new(Leaf(ExactMatchFn {
            spec: self.clone(),
            norm,
        })))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PipelineSpec;
    use crate::Reference;

    use crate::testutil::score_toml as run;

    #[test]
    fn squad_normalize_answer_examples() {
        // SQuAD v1.1 evaluate-v1.1.py normalize_answer, computed by hand:
        // lower -> remove punctuation -> remove \b(a|an|the)\b -> ' '.join(split()).
        let n = Normalizer::new(true, true, true, true);
        assert_eq!(n.apply("The  Eiffel Tower!"), "eiffel tower");
        assert_eq!(n.apply("A cat, an apple & THE end."), "cat apple end");
        assert_eq!(n.apply("theatre"), "theatre"); // \b: not an article inside a word
        assert_eq!(n.apply("U.S.A."), "usa");
        assert_eq!(n.apply("  "), "");
        // Python's whitespace and `\w`: 0x1F separates words; ² is a word character.
        assert_eq!(n.apply("New\u{1f}York"), "new york");
        assert_eq!(n.apply("a²"), "a²");
        assert_eq!(n.apply("²"), "²");
        assert_eq!(n.apply("a\u{301} b"), "\u{301} b"); // a combining mark is not \w in Python
        assert_eq!(n.apply("a a an the theatre"), "theatre");
        let articles_only = Normalizer::new(false, false, true, true);
        assert_eq!(articles_only.apply("_a a_ A"), "_a a_ A"); // `_` is \w; case kept
    }

    #[test]
    fn default_compares_trimmed_whitespace_collapsed_text() {
        let out = run(
            r#"{type = "exact_match"}"#,
            &[
                Sample::new("  New   York \n").with_reference("New York"),
                Sample::new("new york").with_reference("New York"),
                Sample::new("x"),
                Sample::new("   ").with_reference("a"),
            ],
        );
        assert_eq!(out[0].value, Some(1.0));
        assert_eq!(out[0].info.verdict, Some(Verdict::Equal));
        assert_eq!(out[1].value, Some(0.0));
        assert!(out[2].is_abstention());
        assert_eq!(out[2].info.reason.as_deref(), Some("no reference"));
        assert_eq!(out[3].info.verdict, Some(Verdict::NoAnswer));
    }

    #[test]
    fn list_of_references_any_match_and_spec_override() {
        let mut s = Sample::new("Answer: NYC");
        s.reference = Some(Reference::List(vec!["New York".into(), "nyc".into()]));
        let out = run(
            r#"{type = "exact_match", extract = "answer_line", ignore_case = true, correct = 2.0, incorrect = -1.0}"#,
            &[s.clone(), Sample::new("Answer: LA").with_reference("nyc")],
        );
        assert_eq!(out[0].value, Some(2.0));
        assert_eq!(out[1].value, Some(-1.0));
        let out = run(
            r#"{type = "exact_match", references = ["yes"], no_answer = -0.5, extract = "after_think"}"#,
            &[
                Sample::new("</think> yes").with_reference("no"),
                Sample::new("yes"),
            ],
        );
        assert_eq!(out[0].value, Some(1.0));
        assert_eq!(out[1].value, Some(-0.5));
    }

    #[test]
    fn bad_params_are_spec_errors() {
        for (spec, field) in [
            (r#"{type = "exact_match", references = []}"#, "references"),
            (r#"{type = "exact_match", extract = []}"#, "extract"),
        ] {
            let e = PipelineSpec::from_toml(&format!("schema_version = 1\nreward = {spec}\n"))
                .and_then(|s| s.build())
                .unwrap_err();
            assert!(
                matches!(&e, Error::Spec { path, .. } if path == &format!("reward.{field}")),
                "{e}"
            );
        }
        // NaN cannot come from a file (JSON has none), nor from the library API: `correct` is
        // a `Finite`, and deserialising one names the field.
        assert!(crate::params::Finite::new(f64::NAN).is_err());
        let e = PipelineSpec::from_value(serde_json::json!({
            "schema_version": 1, "reward": {"type": "exact_match", "correct": "x"}
        }))
        .unwrap_err();
        assert!(
            matches!(&e, Error::Spec { path, .. } if path == "reward.correct"),
            "{e}"
        );
    }
}
