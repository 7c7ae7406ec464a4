//! `regex`: a reward for whether the completion matches a regular expression.
//!
//! r = `match_value` (default 1) if `pattern` matches the completion, else `no_match_value`
//! (default 0).
//!
//! - `mode = "search"` (default): a match anywhere (Python `re.search`); `"full"`: the whole
//!   completion must match (`re.fullmatch`; the pattern is wrapped as `\A(?:pattern)\z`).
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

use crate::node::{Leaf, Node, RewardFn};
use crate::spec::BuildNode;
use crate::{Deadline, Error, Result, RewardOutput, Sample};
use regex::{Regex, RegexBuilder};
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
    #[serde(default = "one")]
    pub match_value: f64,
    /// Reward when it does not (default 0).
    #[serde(default)]
    pub no_match_value: f64,
}

fn one() -> f64 {
    1.0
}

/// Compiles a user pattern, mapping a syntax error to a spec error at `at`.
pub(crate) fn compile(
    pattern: &str,
    full: bool,
    case_insensitive: bool,
    dot_all: bool,
    multi_line: bool,
    at: &str,
) -> Result<Regex> {
    let text = if full {
        format!(r"\A(?:{pattern})\z")
    } else {
        pattern.to_string()
    };
    RegexBuilder::new(&text)
        .case_insensitive(case_insensitive)
        .dot_matches_new_line(dot_all)
        .multi_line(multi_line)
        .build()
        .map_err(|e| {
            // In full mode, report errors against the user's own pattern.
            let msg = match Regex::new(pattern) {
                Err(inner) => inner.to_string(),
                Ok(_) => e.to_string(),
            };
            Error::spec(at, format!("invalid regular expression: {msg}"))
        })
}

/// Checks that the reward values are finite.
pub(crate) fn check_values(path: &str, values: &[(&str, f64)]) -> Result<()> {
    for (name, v) in values {
        if !v.is_finite() {
            return Err(Error::spec(
                format!("{path}.{name}"),
                format!("must be finite, got {v}"),
            ));
        }
    }
    Ok(())
}

#[derive(Debug)]
struct RegexFn {
    re: Regex,
    hit: f64,
    miss: f64,
}

impl RewardFn for RegexFn {
    fn score(&self, sample: &Sample, _: Deadline) -> RewardOutput {
        let text = &sample.completion;
        let found = if self.re.captures_len() > 1 {
            self.re
                .captures(text)
                .map(|c| c.get(1).or_else(|| c.get(0)).map_or("", |m| m.as_str()))
        } else {
            self.re.find(text).map(|m| m.as_str())
        };
        match found {
            Some(m) => RewardOutput::value(self.hit)
                .with_verdict("match")
                .with_extracted(m),
            None => RewardOutput::value(self.miss).with_verdict("no_match"),
        }
    }
}

impl BuildNode for RegexMatch {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        check_values(
            path,
            &[
                ("match_value", self.match_value),
                ("no_match_value", self.no_match_value),
            ],
        )?;
        let re = compile(
            &self.pattern,
            self.mode == RegexMode::Full,
            self.case_insensitive,
            self.dot_all,
            self.multi_line,
            &format!("{path}.pattern"),
        )?;
        Ok(Box::new(Leaf(RegexFn {
            re,
            hit: self.match_value,
            miss: self.no_match_value,
        })))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
    fn invalid_pattern_names_the_field() {
        let e = PipelineSpec::from_toml(
            "schema_version = 1\nreward = {type = \"regex\", pattern = \"a(\", mode = \"full\"}\n",
        )
        .unwrap()
        .build()
        .unwrap_err();
        match e {
            Error::Spec { path, message } => {
                assert_eq!(path, "reward.pattern");
                assert!(message.contains("invalid regular expression"), "{message}");
            }
            e => panic!("{e}"),
        }
    }
}
