//! Exact, bounded and explainable math answer verification.
//!
//! `rewardkit-math` decides whether a predicted answer (usually a chain-of-thought completion)
//! gives the same mathematical answer as a gold reference. It is the engine behind the pipeline
//! reward function `math` and the `rewardkit verify` command.
//!
//! # Overview
//!
//! * [`verify`] / [`verify_until`] take `(gold, pred, &Options)` and return a [`Verdict`]:
//!   an [`Outcome`], a one-line reason, both extracted and normalised answers, and (with
//!   [`Options::explain`]) a step-by-step trace.
//! * [`normalize`] returns the canonical text of one answer.
//! * [`Options`] holds every policy; `Options::default()` is the reference profile.
//!
//! ```
//! use rewardkit_math::{verify, Options, Outcome};
//!
//! let opts = Options::default();
//! let v = verify("\\frac{1}{2}", "So the answer is $\\boxed{0.5}$.", &opts);
//! assert_eq!(v.outcome, Outcome::Equal);
//! assert!(verify("2\\sqrt{3}", "\\sqrt{12}", &opts).is_equal());
//! // exact rationals: no float false positive
//! assert!(!verify("\\frac{1}{2004!}", "\\frac{1}{2006!}", &opts).is_equal());
//! ```
//!
//! # Pipeline
//!
//! 1. **Extraction** (both sides; the gold may be boxed or plain), in one linear scan: only the
//!    text after `</think>` counts; the last explicit marker wins (`\boxed{}` — boxes joined by
//!    connectors form a list —, an answer anchor in English, Chinese, Japanese, French, German,
//!    Spanish, Italian or Portuguese, a `####` line); else the whole text when it is an answer;
//!    else the final statement (the last sentence, not a question nor a verification, with a
//!    math span or math written without delimiters); else the last number. A gold choice letter
//!    (`C`, `(C)`, `\text{(C)}`, `C. 15`) switches to multiple choice, where several letters are
//!    a hedge. [`Rule`] lists the rules in order; [`Verdict::extraction`] names the rule that
//!    fired and the byte span it took.
//! 2. **Parsing**: a hand-written lexer and recursive-descent parser for LaTeX and plain text
//!    (`\frac \dfrac \tfrac`, `\sqrt[n]{}`, powers, subscripted names, `\cdot \times \div`,
//!    implicit multiplication, `\left \right`, spacing commands, `\text{}` units, trig/log/exp,
//!    factorial, binomials, unicode `√ π × − ≤ ∞ ∪`, sets, tuples, intervals, matrices, `±`,
//!    "or"/"and" lists, equations and inequality chains, percentages, degrees, thousands
//!    separators, scientific notation, mixed numbers).
//! 3. **Normal form**: big-integer/big-rational arithmetic (an own rational type that avoids
//!    `num-bigint`'s binary GCD, which is quadratic even against `1`); rational functions over atoms
//!    (variables, `\pi`, `e`, `i`, canonical radicals `c\sqrt[n]{m}` with `m` free of `n`-th
//!    powers); equality is `a.num * b.den == b.num * a.den` on polynomials.
//! 4. **Fallback**: when an expression holds atoms the normal form cannot reduce (trigonometric,
//!    logarithms, symbolic powers), both sides are evaluated in complex `f64` at 6 seeded
//!    pseudo-random points (variables in `[0.5, 2.5)` for 3 points and in `(-2.5, -0.5]` for 3,
//!    so `\sqrt{x^2} \ne x`) and compared with relative tolerance `1e-9`. Pure rational/radical
//!    values never use floats, so `\frac{1}{2004!}` differs from `\frac{1}{2006!}`.
//! 5. **Budget stop**: when normalisation runs out of budget (for example expanding
//!    `(x+1)^{1000}`), answers identical up to the order of sums and products are still equal;
//!    otherwise the outcome is [`Outcome::BudgetExceeded`].
//!
//! # Policies and reference defaults
//!
//! | option | default | meaning |
//! |---|---|---|
//! | `accept_unreduced_fractions` | `true` | `\frac{2}{4}` = `\frac12` (PRM800K: `false`) |
//! | `percent` | `either` | `50\%` equals `50` and `0.5` |
//! | `rel_tol` | `0` | exact only; Qwen uses `1e-4` |
//! | `accept_rounded_decimals` | `false` | `0.333` for `\frac13` |
//! | `comma_list` | `set` | bare `1, 2` is order-insensitive |
//! | `strip_units` | `true` | `\text{cm}`, `5 dollars`, `^\circ` dropped |
//! | `unwrap_assignment` | `true` | `x = 3` vs `3` |
//! | `relation_interval` | `both` | `x<2` and `(-\infty,2)` match either way |
//! | `float_digits` | `6` | `0.428571428571` = `\frac37` (not `0.43`) |
//! | `decimal_comma` | `true` | gold `3.5`, pred `3,5` |
//! | `pred_equation_chain` | `true` | pred `a = b = 3` vs gold `3` |
//! | `thousands_separators` | `true` | `1,000` = `1000` |
//! | `mixed_numbers` | `true` | `2\frac12` = `\frac52` |
//! | `match_policy` | `last` | last boxed/anchor wins |
//! | `think` | `after_if_present` | grade text after `</think>` |
//! | `max_steps` | `200000` | fuel per call |
//! | `max_bits` | `32768` | largest exact integer (bits) |
//!
//! # Where the reference graders disagree, and what we chose
//!
//! * Unreduced fractions: PRM800K rejects `\frac{2}{4}` for `\frac12`; Math-Verify and Qwen
//!   accept. Default: accept (flag `accept_unreduced_fractions`).
//! * Bare lists `1,2` vs `2,1`: only Math-Verify treats them as sets. Default: set (most such
//!   answers are "all solutions"); explicit `(1,2)` is always ordered.
//! * `\frac{1}{2004!}` vs `\frac{1}{2006!}`: Math-Verify and Qwen say equal (float rounding);
//!   we compare exact rationals and say not equal.
//! * `\frac{\pi}{2}` vs `1.5708`: Qwen accepts (relative `1e-4`); others reject. Default: reject
//!   (`rel_tol = 0`). A decimal with at least 6 decimals agrees with an exact value within
//!   `10^-6` (`float_digits`, Math-Verify's float rounding of 6 digits): `0.428571428571` equals
//!   `\frac37`, `0.43` does not.
//! * `x < 2` vs `(-\infty, 2)`: Math-Verify accepts a predicted interval for a gold inequality
//!   but not the reverse; a careful human grader accepts both, and the relation must be in one
//!   variable. Default: both (`relation_interval`).
//! * `0.5` vs `50\%`: Qwen accepts, Math-Verify depends on its ANTLR version. Default: accept
//!   (`percent = either`).
//! * Equations: Math-Verify compares `3x-y+13=0` and `3x+4y+14=0` as both `0` (issue #60); we
//!   compare `lhs - rhs` up to a non-zero constant factor (a positive one for inequalities).
//! * `\log x` without a base is the natural logarithm (SymPy / Math-Verify convention).
//! * In `x^23` the exponent is the whole number `23` (plain-text reading), not LaTeX's `x^{2}3`.
//!
//! # Performance
//!
//! About 135,000 verifications per CPU second on one core for realistic pairs (short answers and
//! ~2,000-character chain-of-thought completions), about 1,800× Math-Verify on the same pairs;
//! see the "Math verifier" section of `BENCHMARKS.md` and `bench/math/run.sh`.
//!
//! # Bounds
//!
//! Every call is bounded by a step budget ([`Options::max_steps`]), a recursion depth
//! ([`Options::max_depth`]), input and answer size limits, a limit on the size of exact integers
//! ([`Options::max_bits`]) and, with [`verify_until`], a wall-clock deadline checked
//! cooperatively (no threads, no signals). Exhausting any of them gives
//! [`Outcome::BudgetExceeded`]. Results are deterministic.
//!
//! ## Features
//!
//! | feature | default | what |
//! |---|---|---|
//! | (none) | | the verifier is pure Rust with no optional parts; it depends on no other rewardkit crate |

// A library never prints: outcomes are data, logs go through `tracing` (server) or the caller.
#![warn(clippy::print_stdout, clippy::print_stderr)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod algebra;
mod budget;
mod compare;
mod expr;
mod extract;
mod numeric;
mod options;
mod parse;
mod q;

pub use extract::{Extraction, Rule};
pub use options::{
    CommaListPolicy, MatchPolicy, Options, PercentPolicy, RelationIntervalPolicy, ThinkPolicy,
};

use algebra::Ctx;
use budget::{Budget, Stop};
use compare::{build, show, Ans, Cmp};
use serde::{Deserialize, Serialize};
use std::time::Instant;

/// The result category of a verification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The prediction gives the gold answer.
    Equal,
    /// Both answers were found and they differ.
    NotEqual,
    /// No answer could be extracted from the gold text.
    NoGoldAnswer,
    /// No answer could be extracted from the prediction.
    NoPredAnswer,
    /// The step budget or the deadline ran out (or a size limit was hit).
    BudgetExceeded,
}

/// The verdict of one verification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    /// The outcome.
    pub outcome: Outcome,
    /// One-line human-readable reason.
    pub reason: String,
    /// Extracted and normalised gold answer, as text.
    pub gold: Option<String>,
    /// Extracted and normalised predicted answer, as text.
    pub pred: Option<String>,
    /// Where the predicted answer was found (rule, byte span, text); `None` when no answer was
    /// extracted from the prediction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extraction: Option<Extraction>,
    /// Explanation trace, filled only when [`Options::explain`] is set.
    pub steps: Vec<String>,
}

impl Verdict {
    /// True when the outcome is [`Outcome::Equal`].
    pub fn is_equal(&self) -> bool {
        self.outcome == Outcome::Equal
    }
}

/// Verifies `pred` against `gold` with the step budget of `options` as the only bound.
pub fn verify(gold: &str, pred: &str, options: &Options) -> Verdict {
    verify_until(gold, pred, options, None)
}

/// Like [`verify`], with [`Options::explain`] forced on.
pub fn verify_explain(gold: &str, pred: &str, options: &Options) -> Verdict {
    let mut o = options.clone();
    o.explain = true;
    verify_until(gold, pred, &o, None)
}

/// Verifies `pred` against `gold`; the optional wall-clock `deadline` is checked cooperatively
/// in the parser and evaluator loops.
pub fn verify_until(
    gold: &str,
    pred: &str,
    options: &Options,
    deadline: Option<Instant>,
) -> Verdict {
    let mut run = Run {
        opts: options,
        b: Budget::new(
            options.max_steps,
            deadline,
            options.max_bits,
            options.max_depth,
        ),
        steps: Vec::new(),
        extraction: None,
    };
    run.verify(gold, pred)
}

/// Returns the canonical normalised text of one answer (already extracted), or `None` when it
/// cannot be parsed within the budget.
pub fn normalize(answer: &str, options: &Options) -> Option<String> {
    let mut b = Budget::new(options.max_steps, None, options.max_bits, options.max_depth);
    let fraction = options.percent == PercentPolicy::Fraction;
    let parsed = parse::parse(answer, options, &mut b).ok()?;
    let mut cx = Ctx {
        b: &mut b,
        percent_fraction: fraction,
        depth: 0,
    };
    let a = build(parsed.expr, &mut cx).ok()?;
    Some(show(&a))
}

/// Removes spacing and presentation-only LaTeX for the string fast path.
fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() || c == b'$' {
            i += 1;
            continue;
        }
        if c == b'\\' {
            let rest = &b[i + 1..];
            let mut skipped = false;
            for w in [
                &b"left"[..],
                b"right",
                b"displaystyle",
                b"!",
                b",",
                b";",
                b":",
                b" ",
                b"quad",
                b"qquad",
            ] {
                if rest.starts_with(w) {
                    // do not eat `\leftarrow`-like commands
                    let next = rest.get(w.len()).copied();
                    if w.len() > 1 && next.is_some_and(|n| n.is_ascii_alphabetic()) {
                        continue;
                    }
                    i += 1 + w.len();
                    skipped = true;
                    break;
                }
            }
            if skipped {
                continue;
            }
            if rest.starts_with(b"dfrac") || rest.starts_with(b"tfrac") {
                out.push_str("\\frac");
                i += 6;
                continue;
            }
        }
        match s.get(i..).and_then(|r| r.chars().next()) {
            Some(ch) => {
                out.push(ch);
                i += ch.len_utf8();
            }
            None => i += 1,
        }
    }
    while out.ends_with('.') {
        out.pop();
    }
    out
}

struct Run<'a> {
    opts: &'a Options,
    b: Budget,
    steps: Vec<String>,
    extraction: Option<Extraction>,
}

/// The text after the last `=` outside braces and brackets, if any.
fn last_member(s: &str) -> Option<&str> {
    let mut depth = 0i32;
    let mut at = None;
    for (i, c) in s.char_indices() {
        match c {
            '{' | '(' | '[' => depth += 1,
            '}' | ')' | ']' => depth -= 1,
            '=' if depth == 0 => at = Some(i),
            _ => {}
        }
    }
    let tail = s.get(at? + 1..)?.trim();
    (!tail.is_empty()).then_some(tail)
}

/// `3.5`, `-0.25`: a plain decimal number with a decimal point.
fn is_plain_decimal(s: &str) -> bool {
    let t = s.trim();
    let t = t.strip_prefix('-').unwrap_or(t);
    match t.split_once('.') {
        Some((a, b)) => {
            !a.is_empty()
                && !b.is_empty()
                && a.bytes().all(|c| c.is_ascii_digit())
                && b.bytes().all(|c| c.is_ascii_digit())
        }
        None => false,
    }
}

/// A prediction written with European separators, rewritten for a single-number gold: a
/// decimal comma (`0,75`, `2,5 m`; with exactly three decimals only when the gold is a decimal,
/// since `1,500` is one thousand five hundred) or dots between thousands (`1.000 €` for an
/// integer gold). `None` when neither reading applies.
fn european_number(gold: &str, pred: &str) -> Option<String> {
    let g = gold.trim();
    if g.contains(',') || g.contains("\\{") || g.starts_with('(') || g.starts_with('[') {
        return None; // a list, a set, a tuple or an interval
    }
    let p = pred.trim();
    if is_comma_decimal(p) {
        let decimals = p
            .split_once(',')
            .map_or(0, |(_, b)| b.bytes().take_while(u8::is_ascii_digit).count());
        if decimals != 3 || is_plain_decimal(g) {
            return Some(p.replacen(',', ".", 1));
        }
    }
    let digits = p.strip_prefix('-').unwrap_or(p);
    let num_end = digits
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(digits.len());
    let (num, unit) = digits.split_at(num_end);
    let groups: Vec<&str> = num.split('.').collect();
    let dotted = groups.len() >= 2
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|x| x.len() == 3)
        && groups.iter().all(|x| x.bytes().all(|c| c.is_ascii_digit()))
        && (unit.is_empty() || unit.starts_with(' '));
    let gold_integer = !g.is_empty()
        && g.strip_prefix('-')
            .unwrap_or(g)
            .bytes()
            .all(|c| c.is_ascii_digit());
    if dotted && gold_integer {
        let sign = if p.starts_with('-') { "-" } else { "" };
        return Some(format!("{sign}{}{unit}", num.replace('.', "")));
    }
    None
}

/// `3,5`, `1,5 m`, `2,75 €`: digits, one comma, digits, then maybe a unit (no other comma).
fn is_comma_decimal(s: &str) -> bool {
    let t = s.trim();
    let t = t.strip_prefix('-').unwrap_or(t);
    match t.split_once(',') {
        Some((a, b)) => {
            let digits = b.bytes().take_while(u8::is_ascii_digit).count();
            let unit = &b[digits..];
            !a.is_empty()
                && digits > 0
                && a.bytes().all(|c| c.is_ascii_digit())
                && (unit.is_empty() || unit.starts_with(' ') && !unit.contains([',', '.']))
        }
        None => false,
    }
}

impl Run<'_> {
    fn step(&mut self, f: impl FnOnce() -> String) {
        if self.opts.explain {
            self.steps.push(f());
        }
    }

    fn verdict(
        &mut self,
        outcome: Outcome,
        reason: impl Into<String>,
        gold: Option<String>,
        pred: Option<String>,
    ) -> Verdict {
        let reason = reason.into();
        self.step(|| format!("verdict: {outcome:?} ({reason})"));
        Verdict {
            outcome,
            reason,
            gold,
            pred,
            extraction: self.extraction.take(),
            steps: std::mem::take(&mut self.steps),
        }
    }

    fn budget_verdict(&mut self, why: &str, g: Option<String>, p: Option<String>) -> Verdict {
        self.verdict(
            Outcome::BudgetExceeded,
            format!("budget exceeded: {why}"),
            g,
            p,
        )
    }

    /// After a budget stop while normalising: answers that are identical up to the order of
    /// sums and products are still equal (nothing is expanded or computed).
    fn budget_or_syntactic(
        &mut self,
        why: &str,
        g: &str,
        p: &str,
        gs: String,
        ps: String,
    ) -> Verdict {
        if !self.b.deadline_passed() {
            let mut b = Budget::new(
                self.opts.max_steps,
                self.b.deadline(),
                self.opts.max_bits,
                self.opts.max_depth,
            );
            if let (Ok(a), Ok(c)) = (
                parse::parse(g, self.opts, &mut b),
                parse::parse(p, self.opts, &mut b),
            ) {
                if expr::canon_key(&a.expr) == expr::canon_key(&c.expr) {
                    self.step(|| format!("normalisation stopped ({why}); syntactic forms match"));
                    return self.verdict(
                        Outcome::Equal,
                        "identical up to the order of sums and products",
                        Some(gs),
                        Some(ps),
                    );
                }
            }
        }
        self.budget_verdict(why, Some(gs), Some(ps))
    }

    /// Parses and builds one side: variants for the percent policy.
    fn side(&mut self, ans: &str, name: &str) -> Result<Vec<(Ans, bool)>, Stop> {
        let parsed = match parse::parse(ans, self.opts, &mut self.b) {
            Ok(p) => p,
            Err(Stop::Budget(m)) => return Err(Stop::Budget(m)),
            Err(Stop::Unsupported) => {
                self.step(|| format!("{name}: not parsed as math; compared as text"));
                return Ok(vec![(Ans::Text(squash(ans)), false)]);
            }
        };
        self.step(|| format!("{name}: parsed as {}", parsed.expr));
        let fracs: &[bool] = if parsed.has_percent {
            match self.opts.percent {
                PercentPolicy::Strip => &[false],
                PercentPolicy::Fraction => &[true],
                PercentPolicy::Either => &[false, true],
            }
        } else {
            &[false]
        };
        let mut out = Vec::with_capacity(fracs.len());
        for (i, &f) in fracs.iter().enumerate() {
            let _ = i;
            let e = parsed.expr.clone();
            let mut cx = Ctx {
                b: &mut self.b,
                percent_fraction: f,
                depth: 0,
            };
            let a = build(e, &mut cx)?;
            out.push((a, f));
        }
        Ok(out)
    }

    fn verify(&mut self, gold: &str, pred: &str) -> Verdict {
        let o = self.opts;
        let gold_t = extract::clamp_tail(gold, o.max_input_bytes);
        let pred_t = extract::clamp_tail(pred, o.max_input_bytes);
        let g = match extract::extract(gold_t, o, true, false, &mut self.b) {
            Ok(Some(g)) => g,
            Ok(None) | Err(Stop::Unsupported) => {
                return self.verdict(
                    Outcome::NoGoldAnswer,
                    "no answer found in the gold text",
                    None,
                    None,
                )
            }
            Err(Stop::Budget(m)) => return self.budget_verdict(m, None, None),
        };
        let g_ans: &str = &g.text;
        self.step(|| {
            format!(
                "gold: extracted {g_ans:?} by the rule {}",
                g.rule.describe()
            )
        });
        let pred_t = match extract::after_think(pred_t, o.think) {
            extract::ThinkCut::Text(t) => t,
            extract::ThinkCut::Missing => {
                return self.verdict(
                    Outcome::NoPredAnswer,
                    "the prediction has no </think> tag (think = require)",
                    Some(g_ans.to_string()),
                    None,
                )
            }
            extract::ThinkCut::Unclosed => return self.verdict(
                Outcome::NoPredAnswer,
                "the prediction opens <think> and never closes it: no answer after the reasoning",
                Some(g_ans.to_string()),
                None,
            ),
        };
        // byte offset of the graded text in the prediction as given
        let base = (pred_t.as_ptr() as usize).saturating_sub(pred.as_ptr() as usize);
        let choice = extract::gold_choice(g_ans).is_some();
        let p = match extract::extract(pred_t, o, false, choice, &mut self.b) {
            Ok(p) => p,
            Err(Stop::Budget(m)) => return self.budget_verdict(m, Some(g_ans.to_string()), None),
            Err(Stop::Unsupported) => None,
        };
        if let Some(p) = &p {
            let (a, z) = (base + p.start, base + p.end);
            let t = p.text.to_string();
            self.step(|| {
                format!(
                    "pred: extracted {t:?} by the rule {} (bytes {a}..{z})",
                    p.rule.describe()
                )
            });
            self.extraction = Some(Extraction {
                rule: p.rule,
                start: a,
                end: z,
                text: p.text.to_string(),
            });
        }
        // multiple choice
        if let Some((letter, option)) = extract::gold_choice(g_ans) {
            return self.choice(letter, option, p.as_ref(), pred_t, base);
        }
        let Some(p) = p else {
            return self.verdict(
                Outcome::NoPredAnswer,
                "no answer found in the prediction",
                Some(g_ans.to_string()),
                None,
            );
        };
        self.compare(g_ans, &p.text)
    }

    /// Multiple choice: the gold is a letter, maybe with its option text.
    fn choice(
        &mut self,
        letter: char,
        option: Option<&str>,
        p: Option<&extract::Found<'_>>,
        pred_t: &str,
        base: usize,
    ) -> Verdict {
        let g = Some(letter.to_string());
        self.step(|| match option {
            Some(t) => format!("multiple choice: gold {letter} with option text {t:?}"),
            None => format!("multiple choice: gold {letter}"),
        });
        let letters = p
            .map(|p| extract::choice_letters(&p.text))
            .unwrap_or_default();
        if letters.len() > 1 {
            let all: Vec<String> = letters.iter().map(char::to_string).collect();
            return self.verdict(
                Outcome::NotEqual,
                format!(
                    "several choices in the answer (a hedge): {}",
                    all.join(", ")
                ),
                g,
                Some(all.join(", ")),
            );
        }
        if let Some(&c) = letters.first() {
            return self.letter_verdict(letter, c, g);
        }
        let explicit = p.is_some_and(|p| {
            matches!(
                p.rule,
                extract::Rule::Boxed | extract::Rule::Anchor | extract::Rule::Hashes
            )
        });
        if let (Some(opt), Some(p), true) = (option, p, explicit) {
            self.step(|| "no letter in the answer: compared with the option text".into());
            return self.compare(opt, &p.text);
        }
        if let Some((c, hedge)) = extract::last_choice_in_text(pred_t) {
            self.step(|| format!("last (X) choice in the text: {c}"));
            if let Some(i) = memchr::memmem::rfind(pred_t.as_bytes(), format!("({c})").as_bytes()) {
                self.extraction = Some(Extraction {
                    rule: extract::Rule::ChoicePattern,
                    start: base + i,
                    end: base + i + 3,
                    text: format!("({c})"),
                });
            }
            if hedge {
                return self.verdict(
                    Outcome::NotEqual,
                    "several choices in the answer sentence (a hedge)",
                    g,
                    Some(c.to_string()),
                );
            }
            return self.letter_verdict(letter, c, g);
        }
        if let (Some(opt), Some(p)) = (option, p) {
            self.step(|| "no letter in the answer: compared with the option text".into());
            return self.compare(opt, &p.text);
        }
        if let Some(c) = extract::last_capital_letter(pred_t) {
            self.step(|| format!("last standalone capital letter in the text: {c}"));
            return self.letter_verdict(letter, c, g);
        }
        self.verdict(
            Outcome::NoPredAnswer,
            "no choice letter in the prediction",
            g,
            None,
        )
    }

    fn letter_verdict(&mut self, gold: char, pred: char, g: Option<String>) -> Verdict {
        if gold == pred {
            self.verdict(
                Outcome::Equal,
                "same choice letter",
                g,
                Some(pred.to_string()),
            )
        } else {
            self.verdict(
                Outcome::NotEqual,
                "different choice letter",
                g,
                Some(pred.to_string()),
            )
        }
    }

    /// Compares two extracted answers.
    fn compare(&mut self, g_ans: &str, p_ans: &str) -> Verdict {
        let o = self.opts;
        let european;
        let p_ans = match european_number(g_ans, p_ans).filter(|_| o.decimal_comma) {
            Some(alt) => {
                european = alt;
                self.step(|| {
                    format!("read with European separators (decimal_comma): {european:?}")
                });
                european.as_str()
            }
            None => p_ans,
        };

        if g_ans.len() > o.max_answer_bytes || p_ans.len() > o.max_answer_bytes {
            return self.budget_verdict(
                "extracted answer longer than max_answer_bytes",
                None,
                None,
            );
        }
        let gs = squash(g_ans);
        let ps = squash(p_ans);
        if gs == ps && !gs.is_empty() {
            self.step(|| "identical after removing spacing and presentation commands".into());
            return self.verdict(
                Outcome::Equal,
                "identical after normalisation",
                Some(gs.clone()),
                Some(ps),
            );
        }
        let gv = match self.side(g_ans, "gold") {
            Ok(v) => v,
            Err(Stop::Budget(m)) => return self.budget_or_syntactic(m, g_ans, p_ans, gs, ps),
            Err(Stop::Unsupported) => vec![(Ans::Text(gs.clone()), false)],
        };
        let pv = match self.side(p_ans, "pred") {
            Ok(v) if matches!(v.first(), Some((Ans::Text(_), _))) && !g_ans.contains('=') => {
                // not math as a whole: a chain whose first members the parser does not know
                // (`\gcd(84, 126) = 42`) is read by its last member
                match last_member(p_ans) {
                    Some(tail) => {
                        self.step(|| format!("pred: reading the chain's last member {tail:?}"));
                        match self.side(tail, "pred") {
                            Ok(t) => t,
                            Err(_) => v,
                        }
                    }
                    None => v,
                }
            }
            Ok(v) => v,
            Err(Stop::Budget(m)) => return self.budget_or_syntactic(m, g_ans, p_ans, gs, ps),
            Err(Stop::Unsupported) => vec![(Ans::Text(ps.clone()), false)],
        };
        let g_norm = gv.first().map(|(a, _)| show(a));
        let p_norm = pv.first().map(|(a, _)| show(a));
        self.step(|| format!("gold normalised: {}", g_norm.as_deref().unwrap_or("")));
        self.step(|| format!("pred normalised: {}", p_norm.as_deref().unwrap_or("")));
        let mut budget_hit = None;
        let mut how = "exact normal forms differ";
        for (ga, gf) in &gv {
            for (pa, pf) in &pv {
                let mut cmp = Cmp {
                    opts: o,
                    b: &mut self.b,
                    percent: (*gf, *pf),
                    how: "",
                };
                let r = cmp.eq(ga, pa);
                let h = cmp.how;
                match r {
                    Ok(true) => {
                        let how = if h.is_empty() { "structures match" } else { h };
                        let reason = if *gf || *pf {
                            format!("{how} (percent read as a fraction)")
                        } else {
                            how.to_string()
                        };
                        self.step(|| format!("compared: {reason}"));
                        let gn = Some(show(ga));
                        let pn = Some(show(pa));
                        return self.verdict(Outcome::Equal, reason, gn, pn);
                    }
                    Ok(false) => {
                        if !h.is_empty() {
                            how = h;
                        }
                    }
                    Err(Stop::Budget(m)) => budget_hit = Some(m),
                    Err(Stop::Unsupported) => {}
                }
            }
        }
        if let Some(m) = budget_hit {
            return self.budget_verdict(m, g_norm, p_norm);
        }
        let reason = match (&gv[..], &pv[..]) {
            ([(Ans::Num(..), _), ..], [(Ans::Num(..), _), ..]) => how.to_string(),
            _ => "different answers".to_string(),
        };
        self.verdict(Outcome::NotEqual, reason, g_norm, p_norm)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_serde_and_schema() {
        let o = Options::default();
        let j = serde_json::to_value(&o).unwrap_or_default();
        assert_eq!(j.get("percent").and_then(|v| v.as_str()), Some("either"));
        let back: Options = serde_json::from_value(j).unwrap_or_else(|_| Options::prm800k());
        assert_eq!(back, o);
        let partial: Result<Options, _> = serde_json::from_str(r#"{"rel_tol": 0.0001}"#);
        assert!(partial.is_ok_and(|p| p.rel_tol == 1e-4 && p.strip_units));
        let unknown: Result<Options, _> = serde_json::from_str(r#"{"no_such_field": 1}"#);
        assert!(unknown.is_err());
        let schema = serde_json::to_string(&schemars::schema_for!(Options)).unwrap_or_default();
        assert!(schema.contains("unreduced fraction"));
    }

    #[test]
    fn deadline_in_the_past_stops_work() {
        let o = Options::default();
        let past = Instant::now();
        let v = verify_until("(x+y+z)^{40}", "(x+y)^{40}", &o, Some(past));
        assert_eq!(v.outcome, Outcome::BudgetExceeded);
        assert!(v.reason.contains("deadline"));
    }

    #[test]
    fn small_step_budget() {
        let o = Options {
            max_steps: 50,
            ..Options::default()
        };
        let v = verify("(x+1)^{10}", "(1+x)^{10}", &o);
        assert_eq!(v.outcome, Outcome::BudgetExceeded);
    }

    #[test]
    fn explain_trace() {
        let v = verify_explain("\\frac12", "\\boxed{0.5}", &Options::default());
        assert!(v.is_equal());
        assert!(v.steps.iter().any(|s| s.contains("extracted")));
        assert!(verify("\\frac12", "\\boxed{0.5}", &Options::default())
            .steps
            .is_empty());
    }

    #[test]
    fn outcome_serde_names() {
        let s = serde_json::to_string(&Outcome::BudgetExceeded).unwrap_or_default();
        assert_eq!(s, "\"budget_exceeded\"");
    }

    #[test]
    fn autotraits() {
        fn check<T: Send + Sync>() {}
        check::<Options>();
        check::<Verdict>();
        check::<Outcome>();
    }
}
