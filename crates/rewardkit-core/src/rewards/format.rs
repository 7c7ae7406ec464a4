//! `format`: does the completion have the expected structure?
//!
//! r = `match_value` (default 1) if the completion has the format, else `no_match_value`
//! (default 0). The format is a `preset` or a `custom` pattern:
//!
//! | `preset` | the completion must | source |
//! |---|---|---|
//! | `r1` | match `(?s)\A<think>\n.*?\n</think>\n<answer>\n.*?\n</answer>(?m:$)` | open-r1 `format_reward`: `re.match(r"^<think>\n.*?\n</think>\n<answer>\n.*?\n</answer>$", c, re.DOTALL \| re.MULTILINE)` |
//! | `r1_lenient` | match `(?s)\A\s*<think>.*?</think>(.*)\z`, with a non-blank rest; a rest that starts with `<answer>` must be `<answer>X</answer>` with X non-blank | rewardkit |
//! | `trl_think` | start with `<think>`, contain no second `<think>`, and contain `</think>` | TRL `think_format_reward`: `^<think>(?!.*<think>)(.*?)</think>.*$`, DOTALL |
//! | `rlcr` | match `(?s)\A.*?</think>\s*<answer>.*?</answer>\s*<analysis>.*?</analysis>\s*<confidence>.*?</confidence>\s*\z`, and the last `<confidence>` holds a float in [0, 1] | RLCR (Damani et al., arXiv 2507.16806) |
//! | `custom` | match `pattern` as a whole (`\A(?:pattern)\z`, with `.` matching newlines: Python `re.fullmatch(pattern, c, re.DOTALL)`) | — |
//!
//! Notes:
//! - `r1` keeps open-r1's exact behaviour: with `MULTILINE`, `$` also matches before a newline,
//!   so text may follow `</answer>` on later lines; `re.match` anchors only at the start.
//! - The `regex` crate has no look-ahead, so `trl_think` is checked by hand; it accepts exactly
//!   the strings TRL's regex accepts (the `.*$` tail matches anything under DOTALL).
//! - `rlcr` allows the opening `<think>` to be absent (chat templates often pre-fill it);
//!   the confidence (the content of the last `</confidence>` and the nearest `<confidence>`
//!   before it) is parsed as Python's `float()` would: surrounding whitespace, `_` between
//!   digits (`0.7_5`), any Unicode decimal digits (`０.８`); see [`crate::text`]. It must lie
//!   in [0, 1]; `nan` parses in Python but is a format failure here (it is no probability).
//! - `custom` patterns use the `regex` crate's classes: `\s` lacks Python's U+001C–U+001F,
//!   `\w` (and `\b`) counts combining marks and connector punctuation as word characters and
//!   `²`/`½` (Unicode `No`) as non-word, where Python's `re` does the opposite. Write explicit
//!   classes (`[\s\x1C-\x1F]`, `[\p{L}\p{N}_]`) where that matters.
//!
//! `info.verdict` is `format_ok` or `format_bad` (with a reason for `rlcr` confidences).
//!
//! ```
//! use rewardkit_core::{PipelineSpec, Sample};
//! let spec = PipelineSpec::from_toml(r#"
//! schema_version = 1
//! reward = { type = "format", preset = "r1" }
//! "#)?;
//! let out = spec.build()?.score(&[
//!     Sample::new("<think>\nhmm\n</think>\n<answer>\n4\n</answer>"),
//!     Sample::new("<think>hmm</think><answer>4</answer>"),
//! ]);
//! assert_eq!(out[0].value, Some(1.0));
//! assert_eq!(out[1].value, Some(0.0));
//! # Ok::<(), rewardkit_core::Error>(())
//! ```

use crate::defaults;
use crate::node::{BuildNode, Leaf, Node, RewardFn};
use crate::params::Finite;
use crate::text::pattern::compile;
pub use crate::text::tags::{rlcr_confidence, rlcr_confidence_findall, RLCR_PATTERN};
use crate::{Deadline, Error, Result, RewardOutput, Sample, Verdict};
use regex::Regex;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The open-r1 `format_reward` pattern, in `regex` syntax.
pub const R1_PATTERN: &str = r"(?s)\A<think>\n.*?\n</think>\n<answer>\n.*?\n</answer>(?m:$)";
/// The lenient R1 pattern (plus the rule on the rest, see the module docs).
pub const R1_LENIENT_PATTERN: &str = r"(?s)\A\s*<think>.*?</think>(.*)\z";

/// A named format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FormatPreset {
    /// open-r1: `<think>\n…\n</think>\n<answer>\n…\n</answer>`.
    R1,
    /// `<think>…</think>` then a non-blank answer, optionally in `<answer>` tags.
    R1Lenient,
    /// TRL `think_format_reward`: one `<think>` at the start, closed by `</think>`.
    TrlThink,
    /// RLCR: `…</think><answer>…</answer><analysis>…</analysis><confidence>q</confidence>`.
    Rlcr,
    /// The user's `pattern` must match the whole completion.
    Custom,
}

/// `{type = "format", preset = "r1" | "r1_lenient" | "trl_think" | "rlcr" | "custom", pattern = "..."}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Format {
    /// Which format (see the module table).
    pub preset: FormatPreset,
    /// The pattern, for `preset = "custom"` only (matched against the whole completion, `.`
    /// matching newlines).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// Reward when the format is right (default 1).
    #[serde(default = "defaults::one")]
    pub match_value: Finite,
    /// Reward when it is not (default 0).
    #[serde(default)]
    pub no_match_value: Finite,
}

/// TRL `think_format_reward`'s regex `^<think>(?!.*<think>)(.*?)</think>.*$` (DOTALL), by hand.
pub fn trl_think(text: &str) -> bool {
    match text.strip_prefix("<think>") {
        Some(rest) => !rest.contains("<think>") && rest.contains("</think>"),
        None => false,
    }
}

/// A compiled format check.
#[derive(Debug)]
pub(crate) enum Check {
    Regex(Regex),
    R1Lenient(Regex),
    TrlThink,
    Rlcr(Regex),
}

impl Check {
    /// Compiles the check for a preset (`custom` needs `pattern`).
    pub(crate) fn new(preset: FormatPreset, pattern: Option<&str>, path: &str) -> Result<Check> {
        let fixed = |p: &str| {
            Regex::new(p).map_err(|e| Error::spec_pattern(path, format!("internal pattern: {e}")))
        };
        let pat_path = format!("{path}.pattern");
        if preset != FormatPreset::Custom && pattern.is_some() {
            return Err(Error::spec_conflict(
                pat_path,
                "only `preset = \"custom\"` takes a pattern",
            ));
        }
        Ok(match preset {
            FormatPreset::R1 => Check::Regex(fixed(R1_PATTERN)?),
            FormatPreset::R1Lenient => Check::R1Lenient(fixed(R1_LENIENT_PATTERN)?),
            FormatPreset::TrlThink => Check::TrlThink,
            FormatPreset::Rlcr => Check::Rlcr(fixed(RLCR_PATTERN)?),
            FormatPreset::Custom => {
                let p = pattern.ok_or_else(|| {
                    Error::spec_conflict(&pat_path, "`preset = \"custom\"` needs a pattern")
                })?;
                Check::Regex(compile(p, true, false, true, false, &pat_path)?)
            }
        })
    }

    /// `Ok` if the text has the format, else why not.
    pub(crate) fn check(&self, text: &str) -> std::result::Result<(), &'static str> {
        match self {
            Check::Regex(re) => re
                .is_match(text)
                .then_some(())
                .ok_or("pattern does not match"),
            Check::TrlThink => trl_think(text)
                .then_some(())
                .ok_or("pattern does not match"),
            Check::R1Lenient(re) => {
                let rest = re
                    .captures(text)
                    .and_then(|c| c.get(1))
                    .ok_or("no <think>…</think> at the start")?
                    .as_str()
                    .trim();
                if rest.is_empty() {
                    return Err("no answer after </think>");
                }
                if let Some(tagged) = rest.strip_prefix("<answer>") {
                    let inner = tagged
                        .strip_suffix("</answer>")
                        .ok_or("<answer> is not closed at the end")?;
                    if inner.trim().is_empty() {
                        return Err("empty <answer>");
                    }
                }
                Ok(())
            }
            Check::Rlcr(re) => {
                if !re.is_match(text) {
                    return Err("tags missing or out of order");
                }
                rlcr_confidence(text).map(|_| ())
            }
        }
    }
}

#[derive(Debug)]
struct FormatFn {
    check: Check,
    hit: f64,
    miss: f64,
}

impl RewardFn for FormatFn {
    fn score(&self, sample: &Sample, _: Deadline) -> RewardOutput {
        match self.check.check(&sample.completion) {
            Ok(()) => RewardOutput::value(self.hit).with_verdict(Verdict::FormatOk),
            Err(why) => RewardOutput::value(self.miss)
                .with_verdict(Verdict::FormatBad)
                .with_reason(why),
        }
    }
}

impl BuildNode for Format {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        Ok(Box::new(Leaf(FormatFn {
            check: Check::new(self.preset, self.pattern.as_deref(), path)?,
            hit: self.match_value.get(),
            miss: self.no_match_value.get(),
        })))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PipelineSpec;

    fn check(preset: FormatPreset, text: &str) -> bool {
        Check::new(preset, None, "f").unwrap().check(text).is_ok()
    }

    #[test]
    fn open_r1_format_reward() {
        use FormatPreset::R1;
        // open-r1 tests: the newline-delimited layout passes, a one-line layout fails.
        assert!(check(
            R1,
            "<think>\nSome reasoning\n</think>\n<answer>\nThe answer\n</answer>"
        ));
        assert!(!check(
            R1,
            "<think>Some reasoning</think><answer>The answer</answer>"
        ));
        assert!(!check(R1, "Only the answer"));
        assert!(!check(R1, " <think>\na\n</think>\n<answer>\nb\n</answer>"));
        // MULTILINE `$`: lines after </answer> are allowed, same-line text is not.
        assert!(check(
            R1,
            "<think>\na\n</think>\n<answer>\nb\n</answer>\nmore"
        ));
        assert!(!check(
            R1,
            "<think>\na\n</think>\n<answer>\nb\n</answer> more"
        ));
        assert!(check(R1, "<think>\n\n</think>\n<answer>\n\n</answer>"));
    }

    #[test]
    fn trl_think_format_reward() {
        use FormatPreset::TrlThink;
        // TRL docstring example: [1.0, 0.0]
        assert!(check(
            TrlThink,
            "<think>\nThis is my reasoning.\n</think>\nThis is my answer."
        ));
        assert!(!check(
            TrlThink,
            "<think>\nThis is my reasoning.\nThis is my answer."
        ));
        // the negative look-ahead: no second <think> anywhere after the first
        assert!(!check(TrlThink, "<think>a</think><think>b</think>"));
        assert!(!check(TrlThink, "<think>a</think> then <think>"));
        assert!(check(TrlThink, "<think></think>"));
        assert!(check(TrlThink, "<think>a</think>b</think>"));
        assert!(!check(TrlThink, " <think>a</think>"));
        assert!(!check(TrlThink, "no tags"));
    }

    #[test]
    fn r1_lenient() {
        use FormatPreset::R1Lenient;
        assert!(check(R1Lenient, "<think>x</think>42"));
        assert!(check(
            R1Lenient,
            "\n<think>\nx\n</think>\n\n<answer> 42 </answer>\n"
        ));
        assert!(!check(R1Lenient, "<think>x</think>   "));
        assert!(!check(R1Lenient, "<think>x</think><answer> </answer>"));
        assert!(!check(R1Lenient, "<think>x</think><answer>42"));
        assert!(!check(R1Lenient, "42"));
    }

    #[test]
    fn rlcr_tags_and_confidence() {
        use FormatPreset::Rlcr;
        let ok = "<think>r</think>\n<answer>Paris</answer>\n<analysis>sure</analysis>\n<confidence>0.9</confidence>\n";
        assert!(check(Rlcr, ok));
        assert!(check(Rlcr, &ok.replacen("<think>", "", 1)));
        assert!(!check(Rlcr, &format!("{ok}extra")));
        assert!(!check(
            Rlcr,
            "<think>r</think><analysis>a</analysis><answer>b</answer><confidence>0.9</confidence>"
        ));
        for (q, good) in [
            ("1", true),
            ("0", true),
            (" 0.25 ", true),
            ("1.5", false),
            ("-0.1", false),
            ("high", false),
            ("NaN", false),
            ("0.7_5", true),
            ("\u{ff10}.\u{ff18}", true),
            ("\u{1f}0.5\u{1f}", true),
            ("0._5", false),
            ("inf", false),
        ] {
            let t = format!(
                "</think><answer>a</answer><analysis>b</analysis><confidence>{q}</confidence>"
            );
            assert_eq!(check(Rlcr, &t), good, "{q}");
        }
        assert_eq!(
            rlcr_confidence("<confidence>0.2</confidence><confidence>0.7</confidence>"),
            Ok(0.7)
        );
    }

    #[test]
    fn custom_and_spec_errors() {
        let p = PipelineSpec::from_toml(
            "schema_version = 1\nreward = {type = \"format\", preset = \"custom\", pattern = '<a>.*</a>', no_match_value = -1.0}\n",
        )
        .unwrap()
        .build()
        .unwrap();
        let out = p.score(&[Sample::new("<a>\n</a>"), Sample::new("x<a></a>")]);
        assert_eq!(out[0].value, Some(1.0));
        assert_eq!(out[1].value, Some(-1.0));
        for spec in [
            "{type = \"format\", preset = \"custom\"}",
            "{type = \"format\", preset = \"r1\", pattern = \"x\"}",
            "{type = \"format\", preset = \"custom\", pattern = \"(\"}",
        ] {
            let e = PipelineSpec::from_toml(&format!("schema_version = 1\nreward = {spec}\n"))
                .unwrap()
                .build()
                .unwrap_err();
            assert!(
                matches!(&e, Error::Spec { path, .. } if path == "reward.pattern"),
                "{e}"
            );
        }
    }
}
