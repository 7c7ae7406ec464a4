//! `regex`: a reward for whether the completion matches a regular expression.
//!
//! r = `match_value` (default 1) if `pattern` matches the completion, else `no_match_value`
//! (default 0).
//!
//! - `mode = "search"` (default): a match anywhere (Python `re.search`); `"full"`: the whole
//!   completion must match (`re.fullmatch`; the pattern is wrapped as `\A(?:pattern)\z`).
//! - `$` follows Python: outside multi-line mode it matches at the end **or before a final
//!   `\n`** (the `regex` crate's `$` is `\z` there). `(\d+)$` finds `42` in
//!   `"The answer is 42\n"`, as `re.search` does. (How: a pattern with such a `$` is also run on
//!   the text without its final `\n`, with any `\z` of the pattern made unmatchable there; the
//!   leftmost match wins, the one reaching the true end on a tie. A `$` followed by something
//!   that must consume that final `\n`, such as `a$\n`, is the one case Python matches and this
//!   does not.) In `full` mode the match must reach the true end, as `re.fullmatch`'s does.
//!   `\z` is the absolute end, like Python's `\Z`.
//! - Character classes are the `regex` crate's: `\s` lacks Python's U+001C–U+001F; `\w` and
//!   `\b` count combining marks and connector punctuation as word characters and `²`/`½`
//!   (Unicode `No`) as non-word, where Python does the opposite. Write explicit classes
//!   (`[\s\x1C-\x1F]`, `[\p{L}\p{N}_]`) where that matters.
//! - Flags (all off by default): `case_insensitive` (`i`), `dot_all` (`s`: `.` matches `\n`),
//!   `multi_line` (`m`: `^`/`$` match at line ends). Inline flags such as `(?i)` work too.
//! - Syntax: Rust's `regex` crate (no look-around, no backreferences; matching is linear in the
//!   text, so no pattern can hang a worker). An invalid pattern is a spec error at
//!   `{path}.pattern`.
//!
//! `info.extracted` is the first capture group of the match, or the whole match when the
//! pattern has no groups; `info.verdict` is `match` or `no_match`.
//!
//! ```
//! use rewardkit_core::{PipelineSpec, Sample};
//! let spec = PipelineSpec::from_toml(r#"
//! schema_version = 1
//! reward = { type = "regex", pattern = 'final answer: (\d+)', case_insensitive = true }
//! "#)?;
//! let out = spec.build()?.score(&[Sample::new("... Final Answer: 42"), Sample::new("42")]);
//! assert_eq!(out[0].value, Some(1.0));
//! assert_eq!(out[0].info.extracted.as_deref(), Some("42"));
//! assert_eq!(out[1].value, Some(0.0));
//! # Ok::<(), rewardkit_core::Error>(())
//! ```

use crate::defaults;
use crate::node::{BuildNode, Leaf, Node, RewardFn};
use crate::params::Finite;
use crate::text::pattern::{compile, python_dollar_variant};
use crate::{Deadline, Result, RewardOutput, Sample, Verdict};
use regex::Regex;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How the pattern must match.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RegexMode {
    /// A match anywhere (default).
    #[default]
    Search,
    /// The whole completion must match.
    Full,
}

/// `{type = "regex", pattern = "...", mode = "search", match_value = 1.0, no_match_value = 0.0}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegexMatch {
    /// The regular expression (Rust `regex` syntax).
    pub pattern: String,
    /// `search` (default: anywhere) or `full` (the whole completion).
    #[serde(default)]
    pub mode: RegexMode,
    /// Case-insensitive matching (default false).
    #[serde(default)]
    pub case_insensitive: bool,
    /// `.` also matches newlines (default false).
    #[serde(default)]
    pub dot_all: bool,
    /// `^` and `$` match at line starts and ends (default false).
    #[serde(default)]
    pub multi_line: bool,
    /// Reward when the pattern matches (default 1).
    #[serde(default = "defaults::one")]
    pub match_value: Finite,
    /// Reward when it does not (default 0).
    #[serde(default)]
    pub no_match_value: Finite,
}

#[derive(Debug)]
struct RegexFn {
    re: Regex,
    /// [`python_dollar_variant`], compiled, for search mode.
    before_final_newline: Option<Regex>,
    hit: f64,
    miss: f64,
}

/// The first match of `re` in `text`: its start and what `regex` reports (group 1, else the
/// whole match).
fn first<'t>(re: &Regex, text: &'t str) -> Option<(usize, &'t str)> {
    let c = re.captures(text)?;
    let whole = c.get(0)?;
    let shown = if re.captures_len() > 1 {
        c.get(1).map_or("", |m| m.as_str())
    } else {
        whole.as_str()
    };
    Some((whole.start(), shown))
}

impl RewardFn for RegexFn {
    fn score(&self, sample: &Sample, _: Deadline) -> RewardOutput {
        let text = &sample.completion;
        let mut found = first(&self.re, text);
        if let (Some(re2), Some(head)) = (&self.before_final_newline, text.strip_suffix('\n')) {
            if let Some((start, m)) = first(re2, head) {
                if found.map_or(true, |(s, _)| start < s) {
                    found = Some((start, m));
                }
            }
        }
        let found = found.map(|(_, m)| m);
        match found {
            Some(m) => RewardOutput::value(self.hit)
                .with_verdict(Verdict::Match)
                .with_extracted(m),
            None => RewardOutput::value(self.miss).with_verdict(Verdict::NoMatch),
        }
    }
}

impl BuildNode for RegexMatch {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        let re = compile(
            &self.pattern,
            self.mode == RegexMode::Full,
            self.case_insensitive,
            self.dot_all,
            self.multi_line,
            &format!("{path}.pattern"),
        )?;
        let before_final_newline = match self.mode {
            RegexMode::Full => None,
            RegexMode::Search => python_dollar_variant(&self.pattern, self.multi_line)
                .map(|p| compile(&p, false, self.case_insensitive, self.dot_all, false, ""))
                .transpose()?,
        };
        Ok(Box::new(Leaf(RegexFn {
            re,
            before_final_newline,
            hit: self.match_value.get(),
            miss: self.no_match_value.get(),
        })))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;
    use crate::PipelineSpec;

    fn run(spec: &str, texts: &[&str]) -> Vec<Option<f64>> {
        let samples: Vec<_> = texts.iter().map(|t| Sample::new(*t)).collect();
        PipelineSpec::from_toml(&format!("schema_version = 1\nreward = {spec}\n"))
            .unwrap()
            .build()
            .unwrap()
            .score(&samples)
            .into_iter()
            .map(|o| o.value)
            .collect()
    }

    #[test]
    fn search_full_and_flags() {
        let t = ["abc", "xabcx", "ABC", "a\nc"];
        assert_eq!(
            run(r#"{type = "regex", pattern = "abc"}"#, &t),
            [Some(1.0), Some(1.0), Some(0.0), Some(0.0)]
        );
        assert_eq!(
            run(
                r#"{type = "regex", pattern = "abc", mode = "full", match_value = 2.0, no_match_value = -1.0}"#,
                &t
            ),
            [Some(2.0), Some(-1.0), Some(-1.0), Some(-1.0)]
        );
        assert_eq!(
            run(
                r#"{type = "regex", pattern = "abc", case_insensitive = true, mode = "full"}"#,
                &t
            ),
            [Some(1.0), Some(0.0), Some(1.0), Some(0.0)]
        );
        assert_eq!(
            run(r#"{type = "regex", pattern = "a.c", mode = "full"}"#, &t)[3],
            Some(0.0)
        );
        assert_eq!(
            run(
                r#"{type = "regex", pattern = "a.c", mode = "full", dot_all = true}"#,
                &t
            )[3],
            Some(1.0)
        );
        assert_eq!(
            run(r#"{type = "regex", pattern = "^c$"}"#, &t)[3],
            Some(0.0)
        );
        assert_eq!(
            run(
                r#"{type = "regex", pattern = "^c$", multi_line = true}"#,
                &t
            )[3],
            Some(1.0)
        );
        // `a|b` in full mode is `\A(?:a|b)\z`, not `\Aa|b\z`
        assert_eq!(
            run(r#"{type = "regex", pattern = "x|abc", mode = "full"}"#, &t)[1],
            Some(0.0)
        );
    }

    #[test]
    fn dollar_matches_before_a_final_newline_as_in_python() {
        let t = [
            "The answer is 42\n",
            "The answer is 42",
            "The answer is 42\n\n",
            "42\nmore",
        ];
        let spec = r#"{type = "regex", pattern = '(\d+)$'}"#;
        assert_eq!(run(spec, &t), [Some(1.0), Some(1.0), Some(0.0), Some(0.0)]);
        let out = PipelineSpec::from_toml(&format!("schema_version = 1\nreward = {spec}\n"))
            .unwrap()
            .build()
            .unwrap()
            .score(&[Sample::new(t[0])]);
        assert_eq!(out[0].info.extracted.as_deref(), Some("42"));
        // `\z` is the absolute end; multi-line `$` is unchanged; full mode needs the true end.
        assert_eq!(
            run(r#"{type = "regex", pattern = '42\z'}"#, &t[..2]),
            [Some(0.0), Some(1.0)]
        );
        assert_eq!(
            run(r#"{type = "regex", pattern = '42$|\z'}"#, &["x42\n"]),
            [Some(1.0)]
        );
        assert_eq!(
            run(
                r#"{type = "regex", pattern = '42$', mode = "full"}"#,
                &["42\n", "42"]
            ),
            [Some(0.0), Some(1.0)]
        );
        assert_eq!(
            run(r#"{type = "regex", pattern = '(?m)^42$'}"#, &["42\nx"]),
            [Some(1.0)]
        );
        assert_eq!(
            run(r#"{type = "regex", pattern = '(?m:x)42$'}"#, &["x42\n"]),
            [Some(1.0)]
        );
        assert_eq!(python_dollar_variant(r"a\$", false), None);
        assert_eq!(python_dollar_variant(r"[$]", false), None);
        assert_eq!(python_dollar_variant(r"(?m)a$", false), None);
        assert_eq!(python_dollar_variant(r"a$", true), None);
        assert_eq!(
            python_dollar_variant(r"(?-m:a$)", true).as_deref(),
            Some(r"(?-m:a$)")
        );
        assert_eq!(
            python_dollar_variant(r"a$|b\z", false).as_deref(),
            Some(r"a$|b(?:\b\B)")
        );
    }

    #[test]
    fn invalid_pattern_names_the_field() {
        let e = PipelineSpec::from_toml(
            "schema_version = 1\nreward = {type = \"regex\", pattern = \"a(\", mode = \"full\"}\n",
        )
        .unwrap()
        .build()
        .unwrap_err();
        match e {
            Error::Spec { path, kind } => {
                let message = kind.to_string();
                assert_eq!(path, "reward.pattern");
                assert!(message.contains("invalid regular expression"), "{message}");
            }
            e => panic!("{e}"),
        }
    }
}
