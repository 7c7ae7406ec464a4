//! `number_match`: GSM8K-style numeric answer matching.
//!
//! r = `correct` if num(answer) = num(refᵢ) for some accepted reference, else `incorrect`;
//! `no_answer` (default **0**) when no number is found. This is verl's `compute_score`: it
//! returns `0` when `extract_solution` finds nothing and `format_score` (our `incorrect`) only
//! for a number that is wrong, so `incorrect = 0.1` gives 0.1 to a wrong number and 0 to a
//! completion without one. (A number token that the scanner finds but that does not parse as a
//! decimal counts as a wrong number, as verl's string comparison would.)
//!
//! Source: verl `verl/utils/reward_score/gsm8k.py` (the GSM8K scorer of `default_compute_score`), which extracts
//! - **strict**: the last `#### <number>` (`re.findall("#### (\-?[0-9\.\,]+)")[-1]`, commas and
//!   `$` removed);
//! - **flexible**: the last number (`-?[0-9.,]+`, skipping `""` and `"."`);
//!
//! and compares strings. rewardkit differs on purpose:
//! - `mode = "auto"` (the **default**) takes the last `####` number if the text has one, else the
//!   last number; `"strict"` and `"flexible"` are verl's two modes.
//! - Numbers are compared **exactly as decimals**, not as strings or `f64`: `1,000` = `1000` =
//!   `1000.00` = `1e3` = `$1000`; `-3` ≠ `3`; `0.1` ≠ `0.10000001`. Optional `rel_tol` accepts
//!   |a − b| ≤ rel_tol · max(|a|, |b|) (as Python's `math.isclose`).
//! - verl looks only at the last 300 characters (`_SOLUTION_CLIP_CHARS`); here that is
//!   `tail_chars = 300`, **off by default** (the whole completion is scanned, backwards, so a
//!   long completion costs no more than its tail unless it has no number at all).
//!
//! Number syntax (the scanners are hand-written; no regex, no allocation): optional sign
//! (`-`, `+`, `−`; a `-` right after a letter or digit is not a sign, so `5-3` ends in `3`),
//! optional `$`, digits with `,` thousands separators (a `,` counts only between a digit and
//! exactly three digits: `1,000,000` is one number, `1,2,3` ends in `3`), at most one `.`, and
//! an optional exponent `e[+-]digits` (`1.5e-3`). After `####`, whitespace and `$` may come
//! before the number. A reference is read with the same syntax (the whole trimmed text, or the
//! number after its last `####`, so a raw GSM8K answer works too).
//!
//! `info.extracted` is the number as it appears in the completion; `info.verdict` is `equal`,
//! `not_equal` or `no_answer`. No reference, or no reference that is a number → abstain.
//!
//! ```
//! use rewardkit_core::{PipelineSpec, Sample};
//! let spec = PipelineSpec::from_toml(r#"
//! schema_version = 1
//! reward = { type = "number_match" }
//! "#)?;
//! let p = spec.build()?;
//! let out = p.score(&[
//!     Sample::new("She pays 2 x $500 = $1,000.\n#### 1,000").with_reference("1000"),
//!     Sample::new("So the total is 1000.00 dollars.").with_reference("1000"),
//!     Sample::new("The answer is -3").with_reference("3"),
//! ]);
//! assert_eq!(out[0].value, Some(1.0));
//! assert_eq!(out[0].info.extracted.as_deref(), Some("1,000"));
//! assert_eq!(out[1].value, Some(1.0));
//! assert_eq!(out[2].value, Some(0.0));
//! # Ok::<(), rewardkit_core::Error>(())
//! ```

use crate::defaults;
use crate::node::{BuildNode, Leaf, Node, RewardFn};
use crate::params::AtLeastOne;
use crate::params::{Finite, NonNegative};
use crate::text::reference_texts;
use crate::{Deadline, Error, Result, RewardOutput, Sample, Verdict};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Where the number is taken from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NumberMode {
    /// The last `####` number if any, else the last number (default).
    #[default]
    Auto,
    /// Only the last `#### <number>` (verl `method="strict"`).
    Strict,
    /// The last number anywhere (verl `method="flexible"`).
    Flexible,
}

/// `{type = "number_match", mode = "auto", tail_chars = 300, rel_tol = 1e-6, ...}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NumberMatch {
    /// `auto` (default: `####` if present, else the last number), `strict` or `flexible`.
    #[serde(default)]
    pub mode: NumberMode,
    /// Look only at the last this-many characters (verl uses 300). Default: the whole text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tail_chars: Option<AtLeastOne>,
    /// Relative tolerance (default: none, exact decimal equality).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rel_tol: Option<NonNegative>,
    /// Accepted references; when given, they replace the sample's `reference`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub references: Option<Vec<String>>,
    /// Reward when the numbers are equal (default 1; verl's `score`).
    #[serde(default = "defaults::one")]
    pub correct: Finite,
    /// Reward when they differ (default 0; verl's `format_score`).
    #[serde(default)]
    pub incorrect: Finite,
    /// Reward when no number is found (default 0, as verl, whatever `incorrect` is).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_answer: Option<Finite>,
}

/// An exact decimal number: `(−1)^neg · significand · 10^exp`, normalised (no leading or
/// trailing zeros in the significand; zero is `+0·10^0`), so equal values compare equal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decimal {
    neg: bool,
    sig: Sig,
    exp: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Sig {
    /// Up to 38 digits.
    Small(u128),
    /// More: the decimal digits (0–9), most significant first.
    Big(Vec<u8>),
}

/// Largest exponent magnitude accepted in `e…` notation.
const MAX_EXP: i64 = 1_000_000;

struct SigBuilder {
    small: u128,
    big: Option<Vec<u8>>,
    started: bool,
    pending_zeros: i64,
}

impl SigBuilder {
    fn new() -> Self {
        SigBuilder {
            small: 0,
            big: None,
            started: false,
            pending_zeros: 0,
        }
    }

    fn push_raw(&mut self, d: u8) {
        if let Some(b) = &mut self.big {
            b.push(d);
            return;
        }
        match self
            .small
            .checked_mul(10)
            .and_then(|m| m.checked_add(u128::from(d)))
        {
            Some(m) if m < 10u128.pow(38) => self.small = m,
            _ => {
                let mut b: Vec<u8> = self.small.to_string().bytes().map(|c| c - b'0').collect();
                b.push(d);
                self.big = Some(b);
            }
        }
    }

    fn push(&mut self, d: u8) {
        if d == 0 {
            if self.started {
                self.pending_zeros += 1;
            }
            return;
        }
        for _ in 0..self.pending_zeros {
            self.push_raw(0);
        }
        self.pending_zeros = 0;
        self.started = true;
        self.push_raw(d);
    }

    fn finish(self, neg: bool, exp: i64) -> Decimal {
        if !self.started {
            return Decimal {
                neg: false,
                sig: Sig::Small(0),
                exp: 0,
            };
        }
        Decimal {
            neg,
            sig: match self.big {
                Some(b) => Sig::Big(b),
                None => Sig::Small(self.small),
            },
            exp: exp + self.pending_zeros,
        }
    }
}

impl Decimal {
    /// Parses a whole number token (surrounding whitespace allowed): optional sign (`+`, `-`,
    /// `−`) and `$`, digits with `,` between digits, at most one `.`, optional `e[+-]digits`.
    pub(crate) fn parse(s: &str) -> Option<Decimal> {
        let mut s = s.trim();
        let mut neg = false;
        if let Some(r) = s.strip_prefix('$') {
            s = r.trim_start();
        }
        if let Some(r) = s.strip_prefix('-').or_else(|| s.strip_prefix('\u{2212}')) {
            neg = true;
            s = r;
        } else if let Some(r) = s.strip_prefix('+') {
            s = r;
        }
        if let Some(r) = s.strip_prefix('$') {
            s = r.trim_start();
        }
        let b = s.as_bytes();
        let mut sig = SigBuilder::new();
        let (mut i, mut frac, mut any, mut dot) = (0usize, 0i64, false, false);
        while i < b.len() {
            match b[i] {
                d @ b'0'..=b'9' => {
                    sig.push(d - b'0');
                    any = true;
                    if dot {
                        frac += 1;
                    }
                }
                b'.' if !dot => dot = true,
                b',' if !dot && any && b.get(i + 1).is_some_and(u8::is_ascii_digit) => {}
                b'e' | b'E' if any => break,
                _ => return None,
            }
            i += 1;
        }
        if !any {
            return None;
        }
        let mut exp = 0i64;
        if i < b.len() {
            i += 1; // the `e`
            let eneg = match b.get(i) {
                Some(b'-') => {
                    i += 1;
                    true
                }
                Some(b'+') => {
                    i += 1;
                    false
                }
                _ => false,
            };
            let digits = &b[i..];
            if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
                return None;
            }
            for &d in digits {
                exp = exp * 10 + i64::from(d - b'0');
                if exp > MAX_EXP {
                    return None;
                }
            }
            if eneg {
                exp = -exp;
            }
        }
        Some(sig.finish(neg, exp - frac))
    }

    /// The nearest `f64` (for tolerance checks).
    pub(crate) fn to_f64(&self) -> f64 {
        let digits = match &self.sig {
            Sig::Small(m) => m.to_string(),
            Sig::Big(b) => b.iter().map(|d| char::from(b'0' + d)).collect(),
        };
        let sign = if self.neg { "-" } else { "" };
        format!("{sign}{digits}e{}", self.exp)
            .parse()
            .unwrap_or(f64::NAN)
    }
}

/// The last `####` number in `text`: the token as it appears (without `$`).
pub(crate) fn hash_number(text: &str) -> Option<&str> {
    for (i, _) in text.rmatch_indices("####") {
        let rest = text[i + 4..].trim_start_matches([' ', '\t', '$']);
        if let Some(tok) = leading_number(rest) {
            return Some(tok);
        }
    }
    None
}

/// The number token at the start of `s` (sign, digits, separators, dot, exponent), if any.
fn leading_number(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let mut i = 0;
    if matches!(b.first(), Some(b'-' | b'+')) {
        i = 1;
    } else if s.starts_with('\u{2212}') {
        i = 3;
    }
    let digits_start = i;
    let mut dot = false;
    let mut last_digit = None;
    while i < b.len() {
        match b[i] {
            b'0'..=b'9' => last_digit = Some(i),
            b'.' if !dot => dot = true,
            b',' => {}
            _ => break,
        }
        i += 1;
    }
    let mut end = last_digit? + 1;
    if end <= digits_start {
        return None;
    }
    // exponent
    if matches!(b.get(end), Some(b'e' | b'E')) {
        let mut j = end + 1;
        if matches!(b.get(j), Some(b'-' | b'+')) {
            j += 1;
        }
        let k = j + b[j.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if k > j {
            end = k;
        }
    }
    Some(&s[..end])
}

/// The last number in `text`, scanning backwards (see the module docs for the syntax).
pub(crate) fn last_number(text: &str) -> Option<&str> {
    let b = text.as_bytes();
    let digit_at = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    let last = b.iter().rposition(u8::is_ascii_digit)?;
    let end = last + 1;
    // the trailing digit run
    let mut m = last;
    while m > 0 && digit_at(m - 1) {
        m -= 1;
    }
    // an exponent `e5` / `e-5` / `E+5`, if a mantissa digit precedes it
    let e = if m >= 1 && matches!(b[m - 1], b'e' | b'E') {
        Some(m - 1)
    } else if m >= 2 && matches!(b[m - 1], b'+' | b'-') && matches!(b[m - 2], b'e' | b'E') {
        Some(m - 2)
    } else {
        None
    };
    if let Some(e) = e.filter(|&e| e >= 1 && digit_at(e - 1)) {
        m = e;
    }
    // the mantissa: digits, one `.`, `,` thousands separators left of the dot
    let (mut dot, mut comma) = (false, false);
    while m > 0 {
        let c = b[m - 1];
        if c.is_ascii_digit() {
            m -= 1;
        } else if c == b'.' && !dot && !comma && digit_at(m) {
            dot = true;
            m -= 1;
        } else if c == b','
            && m >= 2
            && digit_at(m - 2)
            && (m..m + 3).all(digit_at)
            && !digit_at(m + 3)
        {
            comma = true;
            m -= 1;
        } else {
            break;
        }
    }
    // a sign, possibly before a `$`
    let sign_ok = |k: usize| k == 0 || !b[k - 1].is_ascii_alphanumeric();
    let mut s = m;
    if s >= 1 && b[s - 1] == b'$' {
        s -= 1;
    }
    let start = if s >= 1 && b[s - 1] == b'-' && sign_ok(s - 1) {
        s - 1
    } else if s >= 3 && &b[s - 3..s] == "\u{2212}".as_bytes() && sign_ok(s - 3) {
        s - 3
    } else {
        m
    };
    Some(&text[start..end])
}

/// Clips `text` to its last `n` characters.
fn tail(text: &str, n: usize) -> &str {
    if n == 0 {
        return "";
    }
    match text.char_indices().rev().nth(n - 1) {
        Some((i, _)) => &text[i..],
        None => text,
    }
}

/// A reference as a number: the whole text, or the number after its last `####`.
fn reference_number(r: &str) -> Option<Decimal> {
    Decimal::parse(r).or_else(|| hash_number(r).and_then(Decimal::parse))
}

#[derive(Debug)]
struct NumberMatchFn {
    spec: NumberMatch,
    refs: Option<Vec<Decimal>>,
}

impl NumberMatchFn {
    fn extract<'a>(&self, text: &'a str) -> Option<&'a str> {
        let text = match self.spec.tail_chars {
            Some(n) => tail(text, n.get()),
            None => text,
        };
        match self.spec.mode {
            NumberMode::Strict => hash_number(text),
            NumberMode::Flexible => last_number(text),
            NumberMode::Auto => hash_number(text).or_else(|| last_number(text)),
        }
    }

    fn equal(&self, a: &Decimal, r: &Decimal) -> bool {
        if a == r {
            return true;
        }
        match self.spec.rel_tol {
            Some(tol) => {
                let tol = tol.get();
                let (x, y) = (a.to_f64(), r.to_f64());
                (x - y).abs() <= tol * x.abs().max(y.abs())
            }
            None => false,
        }
    }
}

impl RewardFn for NumberMatchFn {
    fn score(&self, sample: &Sample, _: Deadline) -> RewardOutput {
        let parsed;
        let refs: &[Decimal] = match &self.refs {
            Some(r) => r,
            None => match reference_texts(None, sample) {
                Err(why) => return RewardOutput::abstain(why),
                Ok(texts) => {
                    parsed = texts
                        .into_iter()
                        .filter_map(reference_number)
                        .collect::<Vec<_>>();
                    if parsed.is_empty() {
                        return RewardOutput::abstain("the reference is not a number");
                    }
                    &parsed
                }
            },
        };
        let Some(tok) = self.extract(&sample.completion) else {
            return RewardOutput::value(self.spec.no_answer.map_or(0.0, Finite::get))
                .with_verdict(Verdict::NoAnswer)
                .with_reason("no number found in the completion");
        };
        let Some(a) = Decimal::parse(tok) else {
            return RewardOutput::value(self.spec.incorrect.get())
                .with_verdict(Verdict::NotEqual)
                .with_extracted(tok)
                .with_reason("the extracted number does not parse");
        };
        let ok = refs.iter().any(|r| self.equal(&a, r));
        super::judged(ok, self.spec.correct, self.spec.incorrect).with_extracted(tok)
    }
}

impl BuildNode for NumberMatch {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        let refs = match &self.references {
            None => None,
            Some(list) => {
                if list.is_empty() {
                    return Err(Error::spec(
                        format!("{path}.references"),
                        "needs at least one reference (or leave it out to use the sample's)",
                    ));
                }
                let mut out = Vec::with_capacity(list.len());
                for (i, r) in list.iter().enumerate() {
                    out.push(reference_number(r).ok_or_else(|| {
                        Error::spec(
                            format!("{path}.references[{i}]"),
                            format!("`{r}` is not a number"),
                        )
                    })?);
                }
                Some(out)
            }
        };
        Ok(Box::new(Leaf(NumberMatchFn {
            spec: self.clone(),
            refs,
        })))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_parse_is_exact() {
        assert_eq!(Decimal::parse("1,000"), Decimal::parse("1000.00"));
        assert_eq!(Decimal::parse("$1e3"), Decimal::parse("1000"));
        assert_ne!(Decimal::parse("-3"), Decimal::parse("3"));
        assert!(Decimal::parse("12abc").is_none());
    }
    use crate::PipelineSpec;

    fn d(s: &str) -> Decimal {
        Decimal::parse(s).unwrap_or_else(|| panic!("{s} does not parse"))
    }

    #[test]
    fn decimal_equality_is_exact() {
        assert_eq!(d("1,000"), d("1000"));
        assert_eq!(d("1000"), d("1000.00"));
        assert_eq!(d("1e3"), d("1000"));
        assert_eq!(d("1.5E-3"), d("0.0015"));
        assert_eq!(d("$ 12"), d("12")); // trimmed after `$`
        assert_eq!(d("-0"), d("0.000"));
        assert_eq!(d("+7"), d("007"));
        assert_eq!(d("\u{2212}4"), d("-4"));
        assert_eq!(d(".5"), d("0.50"));
        assert_eq!(d("42."), d("42"));
        assert_ne!(d("-3"), d("3"));
        assert_ne!(d("0.1"), d("0.10000001"));
        // beyond u128: still exact
        let big = "123456789012345678901234567890123456789012345";
        assert_eq!(d(big), d(&format!("{big}.000")));
        assert_ne!(d(big), d("123456789012345678901234567890123456789012346"));
        assert_eq!(
            d(&format!("{big}e-5")),
            d(&format!("{}.{}", &big[..40], &big[40..]))
        );
        for bad in [
            "",
            ".",
            "-",
            "1.2.3",
            "1e",
            "e5",
            "1e99999999",
            "abc",
            "1,",
            ",1",
        ] {
            assert!(Decimal::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn last_number_scan() {
        assert_eq!(last_number("so 3 + 4 = 7."), Some("7"));
        assert_eq!(
            last_number("total $1,234,567.89 today"),
            Some("1,234,567.89")
        );
        assert_eq!(last_number("values 1,2,3"), Some("3"));
        assert_eq!(last_number("it is -3"), Some("-3"));
        assert_eq!(last_number("5-3"), Some("3"));
        assert_eq!(last_number("x\u{2212}2"), Some("2")); // after a letter: not a sign
        assert_eq!(last_number("= \u{2212}2"), Some("\u{2212}2"));
        assert_eq!(last_number("about 1.5e-3 m"), Some("1.5e-3"));
        assert_eq!(last_number("about 2E10"), Some("2E10"));
        assert_eq!(last_number("the e5"), Some("5"));
        assert_eq!(last_number("pay .5"), Some(".5"));
        assert_eq!(last_number("no digits"), None);
        assert_eq!(last_number("H2O"), Some("2"));
        assert_eq!(last_number("1,0000"), Some("0000"));
    }

    #[test]
    fn hash_scan() {
        assert_eq!(hash_number("x\n#### 72\n"), Some("72"));
        assert_eq!(hash_number("#### $1,000.50"), Some("1,000.50"));
        assert_eq!(hash_number("#### 5\n#### oops"), Some("5"));
        assert_eq!(hash_number("####-3e2 apples"), Some("-3e2"));
        assert_eq!(hash_number("no hash 5"), None);
    }

    use crate::testutil::score_toml as run;

    #[test]
    fn verl_gsm8k_modes() {
        // verl gsm8k.py: strict needs `#### n`; flexible takes the last number.
        let texts = [
            "Natalia sold 48/2 = 24 clips in May.\n#### 72",
            "48 + 24 = 72 clips in total.",
            "#### 72\nThat took 5 minutes.",
        ];
        let samples: Vec<_> = texts
            .iter()
            .map(|t| Sample::new(*t).with_reference("72"))
            .collect();
        let v = |spec: &str| -> Vec<Option<f64>> {
            run(spec, &samples).into_iter().map(|o| o.value).collect()
        };
        assert_eq!(
            v(r#"{type = "number_match", mode = "strict", no_answer = -1.0}"#),
            [Some(1.0), Some(-1.0), Some(1.0)]
        );
        assert_eq!(
            v(r#"{type = "number_match", mode = "flexible"}"#),
            [Some(1.0), Some(1.0), Some(0.0)]
        );
        assert_eq!(
            v(r#"{type = "number_match"}"#),
            [Some(1.0), Some(1.0), Some(1.0)]
        );
    }

    #[test]
    fn tail_tolerance_references_and_abstentions() {
        let long = format!("#### 72\n{}", "x".repeat(400));
        let out = run(
            r#"{type = "number_match", tail_chars = 300}"#,
            &[
                Sample::new(long.clone()).with_reference("72"),
                Sample::new("#### 5").with_reference("#### 5"),
                Sample::new("5"),
                Sample::new("5").with_reference("five"),
            ],
        );
        assert_eq!(out[0].info.verdict, Some(Verdict::NoAnswer));
        assert_eq!(out[1].value, Some(1.0)); // a raw GSM8K answer as reference
        assert!(out[2].is_abstention());
        assert_eq!(
            out[3].info.reason.as_deref(),
            Some("the reference is not a number")
        );
        let out = run(
            r#"{type = "number_match", rel_tol = 1e-3, references = ["3.14159"]}"#,
            &[Sample::new("pi is 3.1416"), Sample::new("pi is 3.15")],
        );
        assert_eq!(out[0].value, Some(1.0));
        assert_eq!(out[1].value, Some(0.0));
        assert_eq!(out[1].info.extracted.as_deref(), Some("3.15"));
    }

    #[test]
    fn no_number_scores_zero_not_format_score() {
        // verl gsm8k compute_score: None → 0; wrong number → format_score.
        let out = run(
            r#"{type = "number_match", mode = "strict", incorrect = 0.1}"#,
            &[
                Sample::new("I am not sure.").with_reference("72"),
                Sample::new("#### 71").with_reference("72"),
                Sample::new("#### 72").with_reference("72"),
            ],
        );
        assert_eq!(out[0].value, Some(0.0));
        assert_eq!(out[0].info.verdict, Some(Verdict::NoAnswer));
        assert_eq!(out[1].value, Some(0.1));
        assert_eq!(out[2].value, Some(1.0));
    }

    #[test]
    fn spec_errors() {
        for (spec, field) in [
            (
                r#"{type = "number_match", references = ["x"]}"#,
                "references[0]",
            ),
            (r#"{type = "number_match", rel_tol = -1.0}"#, "rel_tol"),
            (r#"{type = "number_match", tail_chars = 0}"#, "tail_chars"),
        ] {
            let e = PipelineSpec::from_toml(&format!("schema_version = 1\nreward = {spec}\n"))
                .and_then(|s| s.build())
                .unwrap_err();
            assert!(
                matches!(&e, Error::Spec { path, .. } if path == &format!("reward.{field}")),
                "{e}"
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        #[test]
        fn scanners_never_panic(s in "\\PC{0,40}") {
            let _ = last_number(&s).map(Decimal::parse);
            let _ = hash_number(&s).map(Decimal::parse);
            extract_all(&s);
        }

        #[test]
        fn integers_round_trip(n in proptest::prelude::any::<i64>()) {
            let s = n.to_string();
            let text = format!("x = {s}.");
            proptest::prop_assert_eq!(last_number(&text), Some(s.as_str()));
            proptest::prop_assert_eq!(d(&s).to_f64(), n as f64);
        }
    }

    fn extract_all(s: &str) {
        use crate::text::extract::Extractor::*;
        for e in [Completion, Boxed, Hash, AnswerLine, AnswerTag, AfterThink] {
            let _ = e.apply(s);
        }
    }
}
