//! Answer extraction: finds the final answer in a free-form completion, the way a careful human
//! grader reads it, in time linear in the length of the text.
//!
//! # Rules, in order
//!
//! 1. **Thinking.** With [`ThinkPolicy::AfterIfPresent`] (default) only the text after the last
//!    `</think>` is read; a `<think>` that is never closed (a truncated generation) leaves no
//!    answer. [`ThinkPolicy::Ignore`] reads everything, [`ThinkPolicy::Require`] needs the tag.
//! 2. **Explicit final-answer markers.** The last one in the text wins ([`MatchPolicy::First`]:
//!    the first):
//!    * [`Rule::Boxed`]: `\boxed{…}` / `\fbox{…}` (brace matched). Boxes joined only by
//!      connectors (`,`, `and`, `or`, `;`, `&`, `et`, `和`, …) form one answer list
//!      (`\boxed{3} and \boxed{4}` → `3, 4`).
//!    * [`Rule::Anchor`]: an answer phrase followed by its answer: `The answer is`, `Final
//!      Answer:`, Minerva's `The final answer is $X$. I hope it is correct.`, `**Answer:**`,
//!      `ANSWER: A`, `the correct option is`, Chinese `答案是` / `最终答案为` / `答案：`, Japanese
//!      `答えは`, French `La réponse est` / `Réponse :`, German `Die Antwort ist`, Spanish `La
//!      respuesta es`, Italian, Portuguese. The answer ends at the end of its sentence; inside
//!      it a box wins, then a leading plain answer (`8` in `The answer is 8, since $2+6=8$`),
//!      then the first group of math spans; prose after the answer is cut (`8 apples because …`
//!      → `8 apples`). An anchor whose text is not answer-like (`The answer is correct.`) is
//!      skipped.
//!    * [`Rule::Hashes`]: a GSM8K `#### 72` line.
//! 3. [`Rule::Whole`]: the whole text, when it is an answer and not prose (`x = 14`, `y >= -2`,
//!    `C. 15`, `0.4285714`). The gold side always falls back to this rule.
//! 4. [`Rule::MathSpan`]: the last math span: `$…$` (Pandoc's rules: `\$` and `$5 and $7` are
//!    money, not math), `$$…$$`, `\(…\)`, `\[…\]`, `\begin{equation*}`, `align*`, `gather*`, …
//!    Spans joined only by connectors form one answer list (`$x=1$ and $x=5$` → `x=1, x=5`).
//! 5. [`Rule::LastNumber`]: the last number in the prose (`2,048,576`, `-3.5`, `3/4`), when
//!    [`Options::fallback_last_number`] is on.
//!
//! Within the chosen answer the comparison applies the span rules: the last member of an
//! equality chain, the value of `var = …`, assignments read as a tuple in the gold's order,
//! `\approx`, and units stripped where the gold has none (see `compare.rs`).
//!
//! # Bounds
//!
//! Every pass is linear: boxes are matched against one precomputed brace table, `$` spans use a
//! dead zone after an opener without a closer, at most four anchors are examined, and each
//! answer region is cut at 1,000 bytes. The deadline is checked between passes.

use crate::budget::{Budget, R};
use crate::options::{MatchPolicy, Options, ThinkPolicy};
use memchr::memmem;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The extraction rule that found an answer. In order: only the text after `</think>` counts;
/// the last of [`Rule::Boxed`], [`Rule::Anchor`] and [`Rule::Hashes`] wins; else [`Rule::Whole`];
/// else the final statement ([`Rule::MathSpan`] or [`Rule::PlainMath`]); else
/// [`Rule::LastNumber`]. [`Rule::ChoicePattern`] is the multiple-choice fallback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Rule {
    /// `\boxed{…}` / `\fbox{…}`, or several boxes joined by connectors.
    Boxed,
    /// An answer phrase ("The answer is", "Final Answer:", "答案是", "Réponse :", …).
    Anchor,
    /// A GSM8K `####` line.
    Hashes,
    /// The whole text is the answer.
    Whole,
    /// The last math span (`$…$`, `\(…\)`, `\[…\]`, `$$…$$`, equation environments).
    MathSpan,
    /// Math written without delimiters in the final statement (`so the range is y ≥ -2`).
    PlainMath,
    /// The last number in the prose.
    LastNumber,
    /// A multiple-choice letter `(X)` found in the text when no other rule gave one.
    ChoicePattern,
}

impl Rule {
    /// A short human-readable name of the rule.
    pub fn describe(self) -> &'static str {
        match self {
            Rule::Boxed => "\\boxed{...}",
            Rule::Anchor => "answer anchor",
            Rule::Hashes => "#### line",
            Rule::Whole => "whole text",
            Rule::MathSpan => "last math span",
            Rule::PlainMath => "plain math in the final statement",
            Rule::LastNumber => "last number in the text",
            Rule::ChoicePattern => "last (X) choice in the text",
        }
    }
}

/// Where the predicted answer was found: the rule, the byte range in the prediction as given,
/// and the extracted text (several boxes or spans are joined with `, `).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Extraction {
    /// The rule that fired.
    pub rule: Rule,
    /// Start of the answer span, in bytes from the start of the prediction.
    pub start: usize,
    /// End of the answer span (exclusive), in bytes.
    pub end: usize,
    /// The answer text handed to the parser.
    pub text: String,
}

/// An extracted answer, borrowed from the scanned text where possible.
#[derive(Debug, Clone)]
pub(crate) struct Found<'a> {
    pub(crate) text: Cow<'a, str>,
    pub(crate) rule: Rule,
    /// Byte range in the scanned text.
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// Longest answer region read after an anchor or `####`, in bytes.
const REGION_LIMIT: usize = 1000;
/// At most this many anchors are examined (from the end, or from the start with `first`).
const MAX_ANCHOR_TRIES: usize = 4;
/// At most this many boxes or math spans form one answer list.
const MAX_GROUP: usize = 16;
/// The final-statement rule reads at most this many bytes from the end of the text.
const STATEMENT_WINDOW: usize = 8000;
/// … and at most this many sentences, from the end.
const MAX_SENTENCES: usize = 12;

/// An unfinished last sentence: it ends with a word that needs a complement (`is`, `be`, `=`,
/// `of`, `the`, …) and no terminal punctuation.
fn is_truncated(t: &str) -> bool {
    let t = t.trim_end();
    if t.ends_with(['.', '!', '?', '。', '*', ')', '$', '}', ']']) {
        return false;
    }
    if t.ends_with(['=', ':', '+', '-', '\\', ',']) {
        return true;
    }
    let last = t
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        last.as_str(),
        "is" | "are"
            | "be"
            | "was"
            | "equals"
            | "of"
            | "the"
            | "to"
            | "a"
            | "an"
            | "and"
            | "then"
            | "therefore"
            | "so"
            | "gives"
            | "get"
            | "becomes"
    )
}

/// A verification sentence (`Check: 2(5)+3 = 13 ✓`, `Let me verify: …`): not the answer.
fn is_verification(t: &str) -> bool {
    let l = t
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '-' | '#' | '>'))
        .to_ascii_lowercase();
    if t.contains('✓') || t.contains('✔') || t.contains("\\checkmark") {
        // a check mark, unless the sentence also concludes (`✓, so the minimum is $4$`)
        let concludes = [
            "so ",
            "therefore",
            "thus",
            "hence",
            "answer",
            "final",
            "conclude",
        ]
        .iter()
        .any(|w| l.contains(w));
        if !concludes {
            return true;
        }
    }
    let l = [
        "let me ", "let's ", "let us ", "we can ", "now ", "as a ", "quick ",
    ]
    .iter()
    .fold(l.as_str(), |x, p| x.strip_prefix(p).unwrap_or(x))
    .to_string();
    [
        "check",
        "verify",
        "verification",
        "verifying",
        "double-check",
        "double check",
        "sanity check",
        "substitut",
        "plugging",
        "plug ",
        "confirm",
    ]
    .iter()
    .any(|p| l.starts_with(p))
}

/// The text between two candidates introduces the later one as a circumstance
/// (`$4$, attained at $x = -3$`).
fn is_circumstance(gap: &str) -> bool {
    // an aside in parentheses: `$\pi/3$ (that is, 60°)`, `**(3, 4)** (radius 5)`
    let opens = gap.matches('(').count();
    let closes = gap.matches(')').count();
    if opens > closes {
        return true;
    }
    let l = gap.trim().trim_end_matches(':').to_ascii_lowercase();
    [
        "at", "when", "whenever", "where", "for", "with", "if", "since", "because", "given",
        "using", "by", "from",
    ]
    .iter()
    .any(|w| l == *w || l.ends_with(&format!(" {w}")))
}

/// Cuts `s` to at most its last `max` bytes on a char boundary.
pub(crate) fn clamp_tail(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut start = s.len() - max;
    while start < s.len() && !s.is_char_boundary(start) {
        start += 1;
    }
    s.get(start..).unwrap_or("")
}

/// What the think policy leaves of a prediction.
pub(crate) enum ThinkCut<'a> {
    /// The text to grade.
    Text(&'a str),
    /// `think = require` and no `</think>`.
    Missing,
    /// A `<think>` was opened and never closed: the model never answered.
    Unclosed,
}

/// Applies the think policy to a prediction.
pub(crate) fn after_think(s: &str, policy: ThinkPolicy) -> ThinkCut<'_> {
    if policy == ThinkPolicy::Ignore {
        return ThinkCut::Text(s);
    }
    match memmem::rfind(s.as_bytes(), b"</think>") {
        Some(i) => ThinkCut::Text(s.get(i + 8..).unwrap_or("")),
        None if policy == ThinkPolicy::Require => ThinkCut::Missing,
        None if memmem::find(s.as_bytes(), b"<think>").is_some() => ThinkCut::Unclosed,
        None => ThinkCut::Text(s),
    }
}

/// A math span: `[start, end)` is the whole span with its delimiters, `[body, body_end)` the
/// content.
#[derive(Debug, Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
    body: usize,
    body_end: usize,
}

/// A box: `[start, end)` from `\boxed` to the closing brace, `[body, body_end)` the content.
type BoxSpan = Span;

/// One scan of a text: brace table, math spans, boxes.
struct Doc<'a> {
    s: &'a str,
    b: &'a [u8],
    /// `(open, close)` byte positions of matched `{` `}` pairs, sorted by `open`.
    braces: Vec<(usize, usize)>,
    math: Vec<Span>,
    boxes: Vec<BoxSpan>,
    /// Byte ranges a reader never sees (`\phantom{…}`, `\color{white}…`), sorted, disjoint.
    hidden: Vec<(usize, usize)>,
}

const MATH_ENVS: &[&str] = &[
    "equation*",
    "equation",
    "align*",
    "align",
    "gather*",
    "gather",
    "multline*",
    "multline",
    "displaymath",
    "math",
    "eqnarray*",
    "eqnarray",
];

impl<'a> Doc<'a> {
    fn new(s: &'a str, b: &mut Budget) -> R<Self> {
        let mut d = Doc {
            s,
            b: s.as_bytes(),
            braces: Vec::new(),
            math: Vec::new(),
            boxes: Vec::new(),
            hidden: Vec::new(),
        };
        d.scan_braces();
        b.check_deadline()?;
        d.scan_hidden();
        d.scan_math();
        b.check_deadline()?;
        d.scan_boxes();
        b.check_deadline()?;
        Ok(d)
    }

    fn get(&self, a: usize, z: usize) -> &'a str {
        self.s.get(a..z).unwrap_or("")
    }

    /// One pass with a stack: `\{`, `\}` and `\\` are not groups.
    fn scan_braces(&mut self) {
        let b = self.b;
        if memchr::memchr(b'{', b).is_none() {
            return;
        }
        let mut stack = Vec::new();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\\' => {
                    i += 2;
                    continue;
                }
                b'{' => stack.push(i),
                b'}' => {
                    if let Some(o) = stack.pop() {
                        self.braces.push((o, i));
                    }
                }
                _ => {}
            }
            i += 1;
        }
        self.braces.sort_unstable();
    }

    /// Position of the `}` matching the `{` at `open`.
    fn close_of(&self, open: usize) -> Option<usize> {
        self.braces
            .binary_search_by_key(&open, |p| p.0)
            .ok()
            .map(|k| self.braces[k].1)
    }

    /// The math span starting exactly at `i`.
    fn math_at(&self, i: usize) -> Option<Span> {
        self.math
            .binary_search_by_key(&i, |m| m.start)
            .ok()
            .map(|k| self.math[k])
    }

    fn scan_math(&mut self) {
        let b = self.b;
        let n = b.len();
        let mut i = 0;
        // no `$` closer exists before this position (Pandoc rule is position-based)
        let mut dead_until = 0usize;
        let (mut paren_dead, mut brack_dead, mut dd_dead) = (false, false, false);
        let mut env_dead: Vec<&str> = Vec::new();
        while i < n {
            let Some(rel) = memchr::memchr2(b'$', b'\\', &b[i..]) else {
                break;
            };
            i += rel;
            if b[i] == b'\\' {
                match b.get(i + 1) {
                    Some(b'(') | Some(b'[') => {
                        let paren = b[i + 1] == b'(';
                        let dead = if paren { paren_dead } else { brack_dead };
                        let close: &[u8] = if paren { b"\\)" } else { b"\\]" };
                        if !dead {
                            if let Some(r) = memmem::find(&b[i + 2..], close) {
                                let body_end = i + 2 + r;
                                self.push_math(i, body_end + 2, i + 2, body_end);
                                i = body_end + 2;
                                continue;
                            }
                            if paren {
                                paren_dead = true;
                            } else {
                                brack_dead = true;
                            }
                        }
                        i += 2;
                    }
                    Some(b'b') if b[i..].starts_with(b"\\begin{") => {
                        let name_start = i + 7;
                        let name_end = memchr::memchr(b'}', &b[name_start..n.min(name_start + 16)])
                            .map(|r| name_start + r);
                        let env = name_end
                            .map(|e| self.get(name_start, e))
                            .filter(|e| MATH_ENVS.contains(e) && !env_dead.contains(e));
                        match (env, name_end) {
                            (Some(env), Some(e)) => {
                                let end_tag = format!("\\end{{{env}}}");
                                if let Some(r) = memmem::find(&b[e + 1..], end_tag.as_bytes()) {
                                    let body_end = e + 1 + r;
                                    self.push_math(i, body_end + end_tag.len(), e + 1, body_end);
                                    i = body_end + end_tag.len();
                                    continue;
                                }
                                env_dead.push(env);
                                i = e + 1;
                            }
                            _ => i += 7,
                        }
                    }
                    // `\$` is a dollar sign; `\\` a line break
                    _ => i += 2,
                }
                continue;
            }
            // `$`
            if b.get(i + 1) == Some(&b'$') {
                if !dd_dead {
                    if let Some(r) = memmem::find(&b[i + 2..], b"$$") {
                        let body_end = i + 2 + r;
                        self.push_math(i, body_end + 2, i + 2, body_end);
                        i = body_end + 2;
                        continue;
                    }
                    dd_dead = true;
                }
                i += 2;
                continue;
            }
            if i < dead_until || !is_opener(b, i) {
                i += 1;
                continue;
            }
            // Pandoc: a closer has a non-space before it and no digit after it; a paragraph
            // break ends the search; an inner `$` that can open means the outer one was money.
            let mut j = i + 1;
            let mut found = None;
            let mut restart = None;
            while j < n {
                match b[j] {
                    b'\\' => {
                        j += 2;
                        continue;
                    }
                    b'\n' if b.get(j + 1) == Some(&b'\n') => break,
                    b'$' => {
                        if is_closer(b, j) {
                            found = Some(j);
                            break;
                        }
                        if is_opener(b, j) {
                            restart = Some(j);
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            match (found, restart) {
                (Some(j), _) => {
                    self.push_math(i, j + 1, i + 1, j);
                    i = j + 1;
                }
                (None, Some(r)) => i = r,
                (None, None) => {
                    dead_until = j;
                    i += 1;
                }
            }
        }
    }

    fn push_math(&mut self, start: usize, end: usize, body: usize, body_end: usize) {
        if self.get(body, body_end).trim().is_empty() || self.is_hidden(start, end) {
            return;
        }
        self.math.push(Span {
            start,
            end,
            body,
            body_end,
        });
    }

    /// Invisible text: the argument of `\phantom`, `\hphantom`, `\vphantom`,
    /// `\textcolor{white}`, and everything after `\color{white}` up to the end of its group.
    /// A box or a math span inside it is not an answer (a hack that hides the gold from the
    /// reader but not from a naive grader).
    fn scan_hidden(&mut self) {
        let b = self.b;
        if memchr::memmem::find(b, b"phantom").is_none()
            && memchr::memmem::find(b, b"white").is_none()
        {
            return;
        }
        let mut out = Vec::new();
        for kw in [
            &b"\\phantom{"[..],
            b"\\hphantom{",
            b"\\vphantom{",
            b"\\textcolor{white}{",
        ] {
            for i in memmem::find_iter(b, kw) {
                let open = i + kw.len() - 1;
                if let Some(c) = self.close_of(open) {
                    out.push((i, c + 1));
                }
            }
        }
        for i in memmem::find_iter(b, b"\\color{white}") {
            // to the end of the enclosing group, else of the line
            // (the nearest of the 64 groups opened before it that is still open; bounded)
            let k = self.braces.partition_point(|(o, _)| *o < i);
            let enclosing = self.braces[k.saturating_sub(64)..k]
                .iter()
                .rev()
                .find(|(_, c)| *c > i)
                .map(|(_, c)| *c);
            let end = enclosing
                .unwrap_or_else(|| memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |r| i + r));
            out.push((i, end));
        }
        out.sort_unstable();
        // merge overlaps
        for (a, z) in out {
            match self.hidden.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(z),
                _ => self.hidden.push((a, z)),
            }
        }
    }

    /// True when `[a, z)` lies inside hidden text.
    fn is_hidden(&self, a: usize, z: usize) -> bool {
        let k = self.hidden.partition_point(|h| h.0 <= a);
        k > 0 && self.hidden[k - 1].1 >= z
    }

    fn scan_boxes(&mut self) {
        let b = self.b;
        let mut found: Vec<BoxSpan> = Vec::new();
        for (kw, len) in [(&b"\\boxed"[..], 6usize), (b"\\fbox", 5)] {
            for i in memmem::find_iter(b, kw) {
                let mut j = i + len;
                if b.get(j).is_some_and(u8::is_ascii_alphabetic) {
                    continue; // `\boxedx` is another command
                }
                while b.get(j) == Some(&b' ') {
                    j += 1;
                }
                if b.get(j) == Some(&b'{') {
                    if let Some(c) = self.close_of(j) {
                        found.push(Span {
                            start: i,
                            end: c + 1,
                            body: j + 1,
                            body_end: c,
                        });
                    }
                } else if j > i + len && j < b.len() {
                    // `\boxed 5$`
                    let stop = b[j..b.len().min(j + 64)]
                        .iter()
                        .position(|&c| matches!(c, b'$' | b'\n' | b' ' | b'\\' | b'}'))
                        .map_or(b.len().min(j + 64), |p| j + p);
                    found.push(Span {
                        start: i,
                        end: stop,
                        body: j,
                        body_end: stop,
                    });
                }
            }
        }
        found.sort_unstable_by_key(|x| x.start);
        found.retain(|x| !self.is_hidden(x.start, x.end));
        // keep the outermost boxes, drop empty ones
        let mut outer_end = 0;
        for x in found {
            if x.start < outer_end {
                continue;
            }
            outer_end = x.end;
            if !self.get(x.body, x.body_end).trim().is_empty() {
                self.boxes.push(x);
            }
        }
    }

    /// The group of spans ending (last policy) or starting (first policy) at `spans[k]`: spans
    /// whose gaps hold only connectors.
    fn group(&self, spans: &[Span], k: usize, forward: bool) -> (usize, usize) {
        let (mut lo, mut hi) = (k, k);
        if forward {
            while hi + 1 < spans.len()
                && hi - lo + 1 < MAX_GROUP
                && is_connector(self.get(spans[hi].end, spans[hi + 1].start))
            {
                hi += 1;
            }
        } else {
            while lo > 0
                && hi - lo + 1 < MAX_GROUP
                && is_connector(self.get(spans[lo - 1].end, spans[lo].start))
            {
                lo -= 1;
            }
        }
        (lo, hi)
    }

    /// Joins the bodies of `spans[lo..=hi]` into one answer.
    fn joined(&self, spans: &[Span], lo: usize, hi: usize, rule: Rule) -> Found<'a> {
        let text = if lo == hi {
            Cow::Borrowed(self.get(spans[lo].body, spans[lo].body_end).trim())
        } else {
            let parts: Vec<&str> = spans[lo..=hi]
                .iter()
                .map(|x| self.get(x.body, x.body_end).trim())
                .collect();
            Cow::Owned(parts.join(", "))
        };
        Found {
            text,
            rule,
            start: spans[lo].start,
            end: spans[hi].end,
        }
    }

    /// End of the answer region starting at `from`: the end of its sentence (or line), at most
    /// [`REGION_LIMIT`] bytes on. Math spans and brace groups are skipped whole.
    fn region_end(&self, from: usize) -> usize {
        let b = self.b;
        let mut max = b.len().min(from + REGION_LIMIT);
        while max > from && !self.s.is_char_boundary(max) {
            max -= 1;
        }
        let mut i = from;
        let mut content = false;
        while i < max {
            let c = b[i];
            match c {
                b'$' | b'\\' => {
                    if let Some(m) = self.math_at(i) {
                        i = m.end;
                        content = true;
                        continue;
                    }
                    if c == b'\\' {
                        i += 2;
                        content = true;
                        continue;
                    }
                }
                b'{' => {
                    if let Some(cl) = self.close_of(i) {
                        i = cl + 1;
                        content = true;
                        continue;
                    }
                }
                b'\n' if content => return i,
                b'.' | b'!' | b'?' | b';' => {
                    let next = b.get(i + 1).copied();
                    let decimal = c == b'.'
                        && i > 0
                        && b[i - 1].is_ascii_digit()
                        && next.is_some_and(|x| x.is_ascii_digit());
                    if !decimal && !next.is_some_and(|x| !x.is_ascii_whitespace() && x != b'*') {
                        return i;
                    }
                }
                0xE3 | 0xEF => {
                    // `。` `！` `？` `，` `；` end a CJK sentence or clause
                    for p in ["。", "！", "？", "，", "；"] {
                        if b[i..].starts_with(p.as_bytes()) {
                            return i;
                        }
                    }
                }
                _ => {}
            }
            if !c.is_ascii_whitespace() {
                content = true;
            }
            i += 1;
        }
        max.min(b.len())
    }

    /// The answer in the region `[from, end)` after an anchor: a box, else a leading plain
    /// answer, else the first group of math spans, else the prose-trimmed text.
    fn reduce_region(&self, from: usize, end: usize, choice: bool) -> Option<Found<'a>> {
        if end <= from {
            return None;
        }
        // a box in the region
        let k = self.boxes.partition_point(|x| x.start < from);
        if self.boxes.get(k).is_some_and(|x| x.end <= end) {
            let (lo, hi) = self.group(&self.boxes, k, true);
            let hi = (lo..=hi)
                .take_while(|&h| self.boxes[h].end <= end)
                .last()
                .unwrap_or(lo);
            return Some(self.joined(&self.boxes, lo, hi, Rule::Anchor));
        }
        // a plain answer right after the anchor: `8`, `8 apples`, `(C) 15`
        let k = self.math.partition_point(|x| x.start < from);
        let first_math = self.math.get(k).filter(|x| x.end <= end).copied();
        let lead_end = first_math.map_or(end, |m| m.start);
        let lead = trim_prose(self.get(from, lead_end));
        let lead_ok = answer_like(lead);
        let lead_digit = lead.bytes().any(|c| c.is_ascii_digit());
        if lead_ok && (lead_digit || (choice && !choice_letters(lead).is_empty())) {
            return Some(self.found_sub(lead, Rule::Anchor));
        }
        // `The answer is correct because …`, `The answer is not A, …`: not an answer
        let first_word = strip_fillers(self.get(from, end))
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if NOT_ANSWERS.contains(&first_word.as_str()) {
            return None;
        }
        // else the first math span or plain-math run in the region (`The vertex is (2, -5)`,
        // `**Center: (3, 4)**`, `A tetrahedron has **6** edges`)
        let run = self.plain_runs(from, lead_end).into_iter().next();
        match (run, first_math) {
            (Some((x, y)), _) => return Some(self.found_sub(self.get(x, y), Rule::Anchor)),
            (None, Some(_)) => {
                let (lo, hi) = self.group(&self.math, k, true);
                let hi = (lo..=hi)
                    .take_while(|&h| self.math[h].end <= end)
                    .last()
                    .unwrap_or(lo);
                return Some(self.joined(&self.math, lo, hi, Rule::Anchor));
            }
            (None, None) => {}
        }
        // a word or a letter (`C`, `yes`, `Monday`)
        if lead_ok {
            return Some(self.found_sub(lead, Rule::Anchor));
        }
        None
    }

    /// A JSON answer field, `{"answer": "…"}` or `"final_answer": 0.25`: the key at `p` is
    /// quoted; the value is decoded as JSON (so `\\infty` in the file is `\infty`).
    fn json_answer(&self, p: usize) -> Option<Found<'a>> {
        let b = self.b;
        if p == 0 || b[p - 1] != b'"' {
            return None;
        }
        let close = p + memchr::memchr(b'"', b.get(p..p.saturating_add(32).min(b.len()))?)?;
        let mut v = close + 1;
        while v < b.len() && b[v].is_ascii_whitespace() {
            v += 1;
        }
        if b.get(v) != Some(&b':') {
            return None;
        }
        v += 1;
        while v < b.len() && b[v].is_ascii_whitespace() {
            v += 1;
        }
        let rest = self.s.get(v..)?;
        let mut stream = serde_json::Deserializer::from_str(rest).into_iter::<serde_json::Value>();
        let value = stream.next()?.ok()?;
        let end = v + stream.byte_offset();
        let text = match value {
            serde_json::Value::String(t) => t,
            serde_json::Value::Number(n) => n.to_string(),
            _ => return None,
        };
        let text = text.trim().to_string();
        if text.is_empty() {
            return None;
        }
        Some(Found {
            text: Cow::Owned(text),
            rule: Rule::Anchor,
            start: v,
            end,
        })
    }

    /// A `Found` for a sub-slice of the text.
    fn found_sub(&self, t: &'a str, rule: Rule) -> Found<'a> {
        let start = offset_in(self.s, t);
        Found {
            text: Cow::Borrowed(t),
            rule,
            start,
            end: start + t.len(),
        }
    }

    /// Sentences of the last [`STATEMENT_WINDOW`] bytes: `(start, end, ends_with_question)`.
    /// Math spans and brace groups are never split; `1.` at a line start is a list marker.
    fn sentences(&self) -> Vec<(usize, usize, bool)> {
        let b = self.b;
        let n = b.len();
        let mut w0 = n.saturating_sub(STATEMENT_WINDOW);
        while w0 < n && !self.s.is_char_boundary(w0) {
            w0 += 1;
        }
        // do not start inside a math span
        let k = self.math.partition_point(|m| m.end <= w0);
        if let Some(m) = self.math.get(k) {
            if m.start < w0 {
                w0 = m.end.min(n);
            }
        }
        let mut out = Vec::new();
        let mut start = w0;
        let mut line_start = w0;
        let mut i = w0;
        while i < n {
            let c = b[i];
            let mut end_here = None;
            match c {
                b'$' | b'\\' => {
                    if let Some(m) = self.math_at(i) {
                        i = m.end;
                        continue;
                    }
                    if c == b'\\' {
                        i += 2;
                        continue;
                    }
                }
                b'{' => {
                    if let Some(cl) = self.close_of(i) {
                        i = cl + 1;
                        continue;
                    }
                }
                b'\n' => {
                    end_here = Some(false);
                }
                b'.' | b'!' | b'?' => {
                    let next = b.get(i + 1).copied();
                    let decimal = i > 0
                        && b[i - 1].is_ascii_digit()
                        && next.is_some_and(|x| x.is_ascii_digit());
                    let marker = c == b'.'
                        && b[line_start..i]
                            .iter()
                            .all(|x| x.is_ascii_digit() || x.is_ascii_whitespace() || *x == b'#');
                    if !decimal
                        && !marker
                        && !next.is_some_and(|x| !x.is_ascii_whitespace() && x != b'*')
                    {
                        end_here = Some(c == b'?');
                    }
                }
                0xE3 | 0xEF => {
                    if b[i..].starts_with("。".as_bytes()) || b[i..].starts_with("！".as_bytes())
                    {
                        end_here = Some(false);
                    } else if b[i..].starts_with("？".as_bytes()) {
                        end_here = Some(true);
                    }
                }
                _ => {}
            }
            if let Some(q) = end_here {
                if i > start {
                    out.push((start, i, q));
                }
                start = i + 1;
                while start < n && !self.s.is_char_boundary(start) {
                    start += 1;
                }
                if c == b'\n' {
                    line_start = i + 1;
                }
                i = start;
                continue;
            }
            i += 1;
        }
        if start < n {
            out.push((start, n, false));
        }
        out
    }

    /// Plain-math runs (math written without delimiters) in `[a, z)`, outside math spans:
    /// maximal stretches of digits, operators, single letters, units, functions, commands and
    /// connectors, cut by prose words and CJK text. Each keeps only runs with a digit that is not
    /// an exponent (`cm^3` alone is not an answer).
    fn plain_runs(&self, a: usize, z: usize) -> Vec<(usize, usize)> {
        let b = self.b;
        let mut out = Vec::new();
        let mut run: Option<usize> = None;
        let mut i = a;
        let close = |run: &mut Option<usize>, end: usize, out: &mut Vec<(usize, usize)>| {
            if let Some(st) = run.take() {
                if let Some(r) = self.tidy_run(st, end) {
                    out.push(r);
                }
            }
        };
        while i < z {
            let c = b[i];
            if c == b'$' || c == b'\\' {
                if let Some(m) = self.math_at(i) {
                    close(&mut run, i, &mut out);
                    i = m.end;
                    continue;
                }
            }
            if c == b'{' {
                // a brace group (`\text{ square units}`) belongs to the run whole
                if let Some(cl) = self.close_of(i).filter(|&cl| cl < z) {
                    run.get_or_insert(i);
                    i = cl + 1;
                    continue;
                }
            }
            if c.is_ascii_alphabetic() {
                let st = i;
                while i < z && b[i].is_ascii_alphabetic() {
                    i += 1;
                }
                let cmd = st > 0 && b[st - 1] == b'\\';
                let sci = i == st + 1
                    && matches!(b[st], b'e' | b'E')
                    && st > 0
                    && b[st - 1].is_ascii_digit();
                if !cmd && !sci && i < z && b[i].is_ascii_digit() {
                    // `H2O`, `CO2`, `x2`: a word with digits, not math
                    while i < z && b[i].is_ascii_alphanumeric() {
                        i += 1;
                    }
                    close(&mut run, st, &mut out);
                    continue;
                }
                let w = self.get(st, i);
                if cmd || w.len() == 1 || keeps_word(w) {
                    run.get_or_insert(st);
                } else {
                    close(&mut run, st, &mut out);
                }
                continue;
            }
            if c >= 0x80 {
                let ch = self
                    .s
                    .get(i..)
                    .and_then(|r| r.chars().next())
                    .unwrap_or(' ');
                let l = ch.len_utf8();
                if "π√∛×÷−±∓≤≥≠≈∞°²³½·∪∅€£¥∘–".contains(ch) {
                    run.get_or_insert(i);
                } else if matches!(ch, '或' | '和' | '\u{a0}' | '\u{202f}' | '\u{2009}') {
                    // connectors and spaces inside a run
                } else {
                    close(&mut run, i, &mut out);
                }
                i += l;
                continue;
            }
            match c {
                b'0'..=b'9'
                | b'+'
                | b'-'
                | b'/'
                | b'^'
                | b'='
                | b'<'
                | b'>'
                | b'('
                | b')'
                | b'['
                | b']'
                | b'{'
                | b'}'
                | b'|'
                | b'_'
                | b'%'
                | b'$'
                | b'\\'
                | b'&'
                | b'!' => {
                    run.get_or_insert(i);
                }
                b' ' | b'\t' | b',' | b'.' | b':' | b'\'' | b'~' => {}
                // `*` only as markdown bold
                b'*' => {}
                _ => close(&mut run, i, &mut out),
            }
            i += 1;
        }
        close(&mut run, z, &mut out);
        out
    }

    /// Trims a raw run and keeps it when it holds a digit that is not an exponent.
    fn tidy_run(&self, st: usize, end: usize) -> Option<(usize, usize)> {
        let t = self.get(st, end);
        let t2 = t
            .trim_end_matches(|c: char| {
                c.is_whitespace() || matches!(c, '.' | ',' | ':' | '*' | '!' | '(')
            })
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '*' | ',' | ':' | ')'));
        // drop connector words at the ends
        let mut t3 = t2;
        for w in ["and", "or", "And", "Or"] {
            if let Some(x) = t3.strip_suffix(w).filter(|x| x.ends_with(' ')) {
                t3 = x.trim_end_matches(|c: char| c.is_whitespace() || c == ',');
            }
            if let Some(x) = t3.strip_prefix(w).filter(|x| x.starts_with(' ')) {
                t3 = x.trim_start();
            }
        }
        let bt = t3.as_bytes();
        let has_digit =
            (0..bt.len()).any(|k| bt[k].is_ascii_digit() && (k == 0 || bt[k - 1] != b'^'));
        if !has_digit {
            return None;
        }
        let a = offset_in(self.s, t3);
        Some((a, a + t3.len()))
    }

    /// The final statement: walks sentences back from the end, skipping questions and
    /// verifications (`Check: …`, `✓`), and takes the last answer candidate of the first
    /// sentence that has one: a group of math spans or a plain-math run. A candidate introduced
    /// by a circumstance (`attained at $x = -3$`, `when`, `for`) yields to an earlier one.
    fn statement(&self, plain: bool) -> Option<Found<'a>> {
        let sentences = self.sentences();
        if let Some(&(a, z, _)) = sentences.last() {
            if z == self.b.len() && is_truncated(self.get(a, z)) {
                // the generation stopped mid-sentence (`So the area should be`): no answer
                let cands = self.plain_runs(a, z);
                let has_math = self.math.iter().any(|m| m.start >= a && m.end <= z);
                if cands.is_empty() && !has_math {
                    return None;
                }
            }
        }
        for &(a, z, question) in sentences.iter().rev().take(MAX_SENTENCES) {
            if question || is_verification(self.get(a, z)) {
                continue;
            }
            // candidates: (start, end, Some(math index) | None for a run)
            let mut cands: Vec<(usize, usize, Option<usize>)> = Vec::new();
            let k0 = self.math.partition_point(|m| m.start < a);
            let mut k = k0;
            while k < self.math.len() && self.math[k].end <= z {
                cands.push((self.math[k].start, self.math[k].end, Some(k)));
                k += 1;
            }
            if plain {
                for (x, y) in self.plain_runs(a, z) {
                    cands.push((x, y, None));
                }
            }
            if cands.is_empty() {
                continue;
            }
            cands.sort_unstable_by_key(|c| c.0);
            let mut pick = cands.len() - 1;
            while pick > 0 && is_circumstance(self.get(cands[pick - 1].1, cands[pick].0)) {
                pick -= 1;
            }
            let (x, y, m) = cands[pick];
            return Some(match m {
                Some(k) => {
                    let (lo, hi) = self.group(&self.math, k, false);
                    let lo = lo.max(k0);
                    self.joined(&self.math, lo, hi, Rule::MathSpan)
                }
                None => self.found_sub(self.get(x, y), Rule::PlainMath),
            });
        }
        None
    }

    /// Anchor positions: `(anchor start, answer region start)`, sorted.
    fn anchors(&self, lower: &[u8]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for &kw in ANCHOR_KEYWORDS {
            for p in memmem::find_iter(lower, kw.as_bytes()) {
                if let Some(r) = anchor_connector(lower, p, kw) {
                    out.push((p, r));
                }
            }
        }
        out.sort_unstable();
        out
    }

    fn hashes(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut last = usize::MAX;
        for i in memmem::find_iter(self.b, b"####") {
            if last != usize::MAX && i < last + 4 {
                continue;
            }
            last = i;
            let mut r = i + 4;
            while r < self.b.len() && r < i + 64 && matches!(self.b[r], b'#' | b' ' | b'\t') {
                r += 1;
            }
            out.push((i, r));
        }
        out
    }
}

/// Offset of the sub-slice `t` in `s` (both borrowed from the same buffer).
fn offset_in(s: &str, t: &str) -> usize {
    (t.as_ptr() as usize)
        .saturating_sub(s.as_ptr() as usize)
        .min(s.len())
}

fn is_opener(b: &[u8], i: usize) -> bool {
    b.get(i + 1)
        .is_some_and(|c| !c.is_ascii_whitespace() && *c != b'$')
}

fn is_closer(b: &[u8], j: usize) -> bool {
    j > 0 && !b[j - 1].is_ascii_whitespace() && !b.get(j + 1).is_some_and(u8::is_ascii_digit)
}

/// Answer keywords, lowercase. Each must be followed by a connector (see
/// [`anchor_connector`]).
const ANCHOR_KEYWORDS: &[&str] = &[
    "answer",
    "réponse",
    "reponse",
    "antwort",
    "respuesta",
    "risposta",
    "resposta",
    "答案",
    "答え",
    "ответ",
    "Ответ",
    "ОТВЕТ",
    "故选",
    "应选",
    "應選",
    "correct option",
    "correct choice",
    "best option",
    "best choice",
];

/// If an anchor keyword at `p` is followed by a connector (`:`, `is`, `=`, `是`, …), returns
/// where its answer region starts.
fn anchor_connector(lower: &[u8], p: usize, kw: &str) -> Option<usize> {
    let ascii_kw = kw.as_bytes().first().is_some_and(u8::is_ascii);
    if matches!(kw, "故选" | "应选" | "應選") {
        // "故选 C": the keyword is its own connector
        let mut r = p + kw.len();
        while r < lower.len() && matches!(lower[r], b' ' | b':') {
            r += 1;
        }
        return Some(r);
    }
    if ascii_kw && p > 0 && (lower[p - 1].is_ascii_alphabetic() || lower[p - 1] >= 0x80) {
        return None;
    }
    let n = lower.len();
    let mut q = p + kw.len();
    if ascii_kw && lower.get(q) == Some(&b's') {
        q += 1; // answers, réponses
    }
    let skip = |q: &mut usize, set: &[u8]| {
        let start = *q;
        while *q < n && *q < start + 64 && set.contains(&lower[*q]) {
            *q += 1;
        }
    };
    skip(&mut q, b" *}_\t\"'");
    // optional "final" between (réponse finale est, respuesta final es)
    for w in ["finale", "final"] {
        if lower[q..].starts_with(w.as_bytes()) {
            q += w.len();
            skip(&mut q, b" *}_\t");
            break;
        }
    }
    let rest = &lower[q..];
    let word_at = |w: &str| {
        rest.starts_with(w.as_bytes())
            && !rest
                .get(w.len())
                .is_some_and(|c| c.is_ascii_alphabetic() || *c >= 0x80)
    };
    let mut r = if rest.starts_with(b":") || rest.starts_with(b"=") {
        q + 1
    } else if rest.starts_with("：".as_bytes()) {
        q + "：".len()
    } else if let Some(w) = [
        "is", "are", "was", "est", "sont", "ist", "lautet", "es", "é",
    ]
    .into_iter()
    .find(|w| word_at(w))
    {
        q + w.len()
    } else if let Some(w) = ["是", "为", "為", "は", "选", "選"]
        .into_iter()
        .find(|w| rest.starts_with(w.as_bytes()))
    {
        q + w.len()
    } else if rest.starts_with(b"\n") && kw == "answer" {
        // a heading: `**Final Answer**` on its own line
        let line_start = lower[..p]
            .iter()
            .rposition(|&c| c == b'\n')
            .map_or(0, |x| x + 1);
        if p - line_start > 24 {
            return None;
        }
        q
    } else {
        return None;
    };
    // separators and up to two line breaks before the answer
    let mut newlines = 0;
    while r < n && r < q + 64 {
        match lower[r] {
            b' ' | b'\t' | b'*' | b':' | b'}' | b'=' | b'\r' | b'"' | b'\'' => r += 1,
            b'\n' if newlines < 2 => {
                newlines += 1;
                r += 1;
            }
            _ => break,
        }
    }
    if lower[r..].starts_with("：".as_bytes()) {
        r += "：".len();
    }
    Some(r)
}

/// Words that may stand between answers in a list.
fn is_connector_word(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "or"
            | "et"
            | "ou"
            | "und"
            | "oder"
            | "y"
            | "o"
            | "e"
            | "also"
            | "as"
            | "maybe"
            | "perhaps"
            | "possibly"
            | "alternatively"
            | "either"
            | "else"
            | "soit"
            | "entweder"
    )
}

/// True when `gap` (the text between two boxes or spans) holds only list connectors.
fn is_connector(gap: &str) -> bool {
    if gap.len() > 40 {
        return false;
    }
    let mut rest = gap;
    while !rest.is_empty() {
        let t = rest.trim_start_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    ',' | ';' | '&' | '、' | '，' | '；' | '*' | '~' | '$' | '(' | ')'
                )
        });
        if t.is_empty() {
            break;
        }
        if let Some(x) = ["和", "或", "以及", "与", "及", "または", "あるいは", "か"]
            .iter()
            .find_map(|w| t.strip_prefix(w))
        {
            rest = x;
            continue;
        }
        if let Some(x) = ["\\quad", "\\qquad", "\\text{ and }", "\\text{and}", "\\,"]
            .iter()
            .find_map(|w| t.strip_prefix(w))
        {
            rest = x;
            continue;
        }
        let w_end = t
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(t.len());
        if w_end == 0 || !is_connector_word(&t[..w_end].to_ascii_lowercase()) {
            return false;
        }
        rest = &t[w_end..];
    }
    true
}

/// Leading words skipped in an anchored answer (`The answer is therefore 5`).
const LEADING_FILLERS: &[&str] = &[
    "therefore",
    "thus",
    "so",
    "then",
    "simply",
    "just",
    "clearly",
    "indeed",
    "actually",
    "exactly",
    "equal to",
    "given by",
    "that",
    "option",
    "choice",
    "letter",
    "the",
    "is",
    "either",
    "soit",
    "entweder",
    "probably",
    "likely",
];

/// Words that end a plain answer: anything alphabetic of two or more letters that is not a unit,
/// a connector, a function or a constant.
fn keeps_word(w: &str) -> bool {
    // no allocation: words longer than any kept word are prose
    let mut buf = [0u8; 24];
    if w.len() > buf.len() {
        return false;
    }
    for (d, c) in buf.iter_mut().zip(w.bytes()) {
        *d = c.to_ascii_lowercase();
    }
    let Ok(l) = std::str::from_utf8(&buf[..w.len()]) else {
        return false;
    };
    if matches!(
        l,
        "is" | "are"
            | "the"
            | "of"
            | "an"
            | "total"
            | "only"
            | "about"
            | "exactly"
            | "number"
            | "value"
            | "solution"
            | "term"
            | "root"
            | "area"
            | "way"
            | "multiple"
            | "integer"
            | "time"
            | "times"
            | "point"
            | "each"
            | "per"
    ) {
        return false;
    }
    crate::parse::is_unit_word(l)
        || is_connector_word(l)
        || crate::expr::Func::from_name(l).is_some()
        || matches!(
            l,
            "pi" | "sqrt" | "inf" | "infty" | "infinity" | "cbrt" | "no" | "yes" | "none"
        )
}

/// Cuts prose off a plain answer: leading fillers, then everything from the first word that is
/// not part of an answer (`8 apples because …` → `8 apples`), CJK text, trailing punctuation.
/// `s` without leading separators and filler words (`: therefore the …`).
fn strip_fillers(s: &str) -> &str {
    let mut t = s.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '*' | '='));
    loop {
        let before = t;
        for f in LEADING_FILLERS {
            if let Some(x) = strip_word_ci(t, f) {
                t = x.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | ','));
            }
        }
        if t.len() == before.len() {
            return t;
        }
    }
}

fn trim_prose(s: &str) -> &str {
    let t = strip_fillers(s);
    let b = t.as_bytes();
    let mut cut = t.len();
    let mut i = 0;
    let mut depth = 0i32;
    while i < b.len() {
        let c = b[i];
        match c {
            b'\\' => {
                // a command: skip its name, or the one symbol after the backslash (which may be
                // a multi-byte character: `\\u{2009}`)
                i += 1;
                if i < b.len() && b[i].is_ascii_alphabetic() {
                    while i < b.len() && b[i].is_ascii_alphabetic() {
                        i += 1;
                    }
                } else if let Some(ch) = t.get(i..).and_then(|r| r.chars().next()) {
                    i += ch.len_utf8();
                }
                continue;
            }
            b'{' | b'(' | b'[' => depth += 1,
            b'}' | b')' | b']' => depth -= 1,
            c if c.is_ascii_alphabetic() => {
                let start = i;
                while i < b.len() && b[i].is_ascii_alphabetic() {
                    i += 1;
                }
                let w = &t[start..i];
                if w.len() >= 2 && depth <= 0 && !keeps_word(w) {
                    cut = start;
                    break;
                }
                continue;
            }
            c if c >= 0x80 => {
                let ch = t.get(i..).and_then(|r| r.chars().next()).unwrap_or(' ');
                if is_cjk(ch) && !matches!(ch, '或' | '和') {
                    // `12 または 13` (Japanese "or") stays a list
                    let rest = t.get(i..).unwrap_or("");
                    if let Some(r) = ["または", "あるいは"]
                        .iter()
                        .find(|w| rest.starts_with(**w))
                    {
                        i += r.len();
                        continue;
                    }
                    cut = i;
                    break;
                }
                i += ch.len_utf8();
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    let mut out = t[..cut].trim_end();
    loop {
        let before = out.len();
        out = out
            .trim_end_matches(|c: char| {
                c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '*' | '!' | '?')
            })
            .trim_end();
        for w in ["and", "or", "et", "ou", "und", "oder"] {
            if out.len() > w.len()
                && out.is_char_boundary(out.len() - w.len())
                && out[out.len() - w.len()..].eq_ignore_ascii_case(w)
                && out.as_bytes()[out.len() - w.len() - 1] == b' '
            {
                out = &out[..out.len() - w.len()];
            }
        }
        if out.len() == before {
            break;
        }
    }
    out
}

fn is_cjk(ch: char) -> bool {
    matches!(ch as u32, 0x3000..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFF65)
}

/// `t` without a leading `word` (ASCII case-insensitive, whole word).
fn strip_word_ci<'t>(t: &'t str, word: &str) -> Option<&'t str> {
    let n = word.len();
    if t.len() < n || !t.is_char_boundary(n) || !t[..n].eq_ignore_ascii_case(word) {
        return None;
    }
    let rest = &t[n..];
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    Some(rest)
}

/// Words that follow "the answer is" in prose and are not answers.
const NOT_ANSWERS: &[&str] = &[
    "correct",
    "incorrect",
    "wrong",
    "right",
    "below",
    "above",
    "as",
    "not",
    "clear",
    "obvious",
    "simple",
    "given",
    "follows",
    "unique",
    "positive",
    "negative",
    "different",
    "same",
    "reasonable",
    "consistent",
    "plausible",
];

/// True when a candidate answer looks like an answer: it has a digit, a LaTeX command, a math
/// symbol or a choice letter, or it is one short word that is not a known non-answer.
fn answer_like(t: &str) -> bool {
    let t = t.trim();
    if t.is_empty() {
        return false;
    }
    if t.bytes().any(|c| c.is_ascii_digit() || c == b'\\')
        || t.chars().any(|c| "π√∞±≤≥≠∅∪".contains(c))
    {
        return true;
    }
    if !choice_letters(t).is_empty() {
        return true;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() == 1 && t.len() <= 24 {
        let w = words[0]
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase();
        return !w.is_empty() && !NOT_ANSWERS.contains(&w.as_str());
    }
    // a short symbolic answer (`x = y`, `a+b`)
    t.len() <= 40 && t.split_whitespace().all(|w| w.chars().count() <= 2)
}

/// Number of prose words: runs of two or more ASCII letters outside LaTeX command names that
/// are not units, connectors or functions.
fn prose_words(s: &str, stop_at: usize) -> usize {
    let b = s.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_alphabetic() {
            let start = i;
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            let cmd = start > 0 && b[start - 1] == b'\\';
            let env_name = s[..start].ends_with("\\begin{") || s[..start].ends_with("\\end{");
            let w = &s[start..i];
            if !cmd && !env_name && w.len() >= 2 && !keeps_word(w) {
                n += 1;
                if n >= stop_at {
                    return n;
                }
            }
        } else if b[i] >= 0x80 {
            let ch = s.get(i..).and_then(|r| r.chars().next()).unwrap_or(' ');
            if is_cjk(ch) || ('\u{0400}'..='\u{04FF}').contains(&ch) {
                n += 1;
                if n >= stop_at {
                    return n;
                }
            }
            i += ch.len_utf8();
        } else {
            i += 1;
        }
    }
    n
}

/// True when the whole text reads as an answer rather than prose.
fn whole_is_answer(s: &str) -> bool {
    if s.contains("\n\n") {
        return false;
    }
    if prose_words(s, 1) == 0 {
        return true;
    }
    // a single word (`Monday`, `yes`)
    !s.contains(char::is_whitespace)
        && s.len() <= 24
        && !NOT_ANSWERS.contains(&s.to_ascii_lowercase().as_str())
}

/// Last (or first) number in prose: sign, digits with thousands groups, decimals, `a/b`.
fn last_number(s: &str, policy: MatchPolicy) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let mut best: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < b.len() {
        let Some(rel) = b[i..].iter().position(u8::is_ascii_digit) else {
            break;
        };
        i += rel;
        // a digit glued to letters (`x2`, `H2O`) is not a number of the prose
        let glued = i > 0 && b[i - 1].is_ascii_alphabetic();
        let mut start = i;
        if start > 0 && b[start - 1] == b'-' {
            start -= 1;
        } else if start >= 3 && &b[start - 3..start] == "−".as_bytes() {
            start -= 3;
        }
        let mut j = i;
        loop {
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            // thousands group `,ddd` not followed by a digit
            if j + 3 < b.len()
                && b[j] == b','
                && b[j + 1..j + 4].iter().all(u8::is_ascii_digit)
                && !b.get(j + 4).is_some_and(u8::is_ascii_digit)
            {
                j += 4;
                continue;
            }
            break;
        }
        for sep in [b'.', b'/'] {
            if b.get(j) == Some(&sep) && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
                j += 1;
                while j < b.len() && b[j].is_ascii_digit() {
                    j += 1;
                }
            }
        }
        if !glued {
            match policy {
                MatchPolicy::Last => best = Some((start, j)),
                MatchPolicy::First => return Some((start, j)),
            }
        }
        i = j;
    }
    best
}

/// Extracts the answer of a prediction (or a gold text).
pub(crate) fn extract<'a>(
    s: &'a str,
    opts: &Options,
    is_gold: bool,
    choice: bool,
    budget: &mut Budget,
) -> R<Option<Found<'a>>> {
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let off = offset_in(s, trimmed);
    Ok(
        extract_trimmed(trimmed, opts, is_gold, choice, budget)?.map(|mut f| {
            f.start += off;
            f.end += off;
            f
        }),
    )
}

fn extract_trimmed<'a>(
    s: &'a str,
    opts: &Options,
    is_gold: bool,
    choice: bool,
    budget: &mut Budget,
) -> R<Option<Found<'a>>> {
    if is_gold && !opts.extract_gold {
        return Ok(Some(whole(s)));
    }
    let doc = Doc::new(s, budget)?;
    let last = opts.match_policy == MatchPolicy::Last;

    // explicit markers: (position, candidate)
    let mut markers: Vec<(usize, Found<'a>)> = Vec::new();
    if !doc.boxes.is_empty() {
        let k = if last { doc.boxes.len() - 1 } else { 0 };
        let (lo, hi) = doc.group(&doc.boxes, k, !last);
        let pos = doc.boxes[k].start;
        markers.push((pos, doc.joined(&doc.boxes, lo, hi, Rule::Boxed)));
    }
    let lower = s.to_ascii_lowercase();
    budget.check_deadline()?;
    let anchors = doc.anchors(lower.as_bytes());
    let order: Box<dyn Iterator<Item = &(usize, usize)>> = if last {
        Box::new(anchors.iter().rev())
    } else {
        Box::new(anchors.iter())
    };
    for &(p, r) in order.take(MAX_ANCHOR_TRIES) {
        if let Some(f) = doc.json_answer(p) {
            markers.push((p, f));
            break;
        }
        let end = doc.region_end(r);
        if let Some(f) = doc.reduce_region(r, end, choice) {
            markers.push((p, f));
            break;
        }
    }
    let hashes = doc.hashes();
    let h = if last { hashes.last() } else { hashes.first() };
    if let Some(&(p, r)) = h {
        let end = doc.region_end(r);
        let t = trim_prose(doc.get(r, end));
        if answer_like(t) {
            markers.push((p, doc.found_sub(t, Rule::Hashes)));
        }
    }
    budget.check_deadline()?;
    let chosen = if last {
        markers.into_iter().max_by_key(|m| m.0)
    } else {
        markers.into_iter().min_by_key(|m| m.0)
    };
    if let Some((_, f)) = chosen {
        return Ok(Some(f));
    }
    if is_gold || whole_is_answer(s) {
        return Ok(Some(whole(s)));
    }
    // the final statement is read the same way under both match policies (the policy chooses
    // among explicit markers only)
    if let Some(f) = doc.statement(opts.fallback_last_number) {
        return Ok(Some(f));
    }
    if s.len() <= STATEMENT_WINDOW && doc.sentences().len() <= MAX_SENTENCES {
        // every sentence was read: only questions, verifications and prose
        return Ok(None);
    }
    budget.check_deadline()?;
    if !doc.math.is_empty() {
        let k = if last { doc.math.len() - 1 } else { 0 };
        let (lo, hi) = doc.group(&doc.math, k, !last);
        return Ok(Some(doc.joined(&doc.math, lo, hi, Rule::MathSpan)));
    }
    if opts.fallback_last_number {
        if let Some((a, z)) = last_number(s, opts.match_policy) {
            return Ok(Some(doc.found_sub(doc.get(a, z), Rule::LastNumber)));
        }
    }
    Ok(None)
}

/// The whole text as the answer, without one layer of math delimiters.
fn whole(s: &str) -> Found<'_> {
    let t = strip_math_delims(s);
    let start = offset_in(s, t);
    Found {
        text: Cow::Borrowed(t),
        rule: Rule::Whole,
        start,
        end: start + t.len(),
    }
}

/// Removes one layer of `$..$`, `$$..$$`, `\(..\)`, `\[..\]` around a whole string.
pub(crate) fn strip_math_delims(s: &str) -> &str {
    let t = s.trim();
    for (o, c) in [("$$", "$$"), ("\\(", "\\)"), ("\\[", "\\]"), ("$", "$")] {
        if let Some(inner) = t.strip_prefix(o).and_then(|x| x.strip_suffix(c)) {
            // only when the delimiters enclose the whole string
            let inner_t = inner.trim();
            if !inner_t.is_empty() && !inner.contains(c) {
                return inner_t;
            }
        }
    }
    t.trim_end_matches('.').trim_end()
}

/// Multiple-choice letters `A`–`J` in an answer, in order, without repeats. A letter counts when
/// it stands alone at the start of the answer or right after a list connector (`,`, `or`, `and`,
/// `/`), so `(C) 15` → `[C]`, `D) 9 J` → `[D]` (the `J` is option text) and `B, C, D or A` →
/// `[B, C, D, A]` (a hedge). A lowercase letter counts when it is the whole answer or in
/// parentheses (`option b`, `(d)`).
pub(crate) fn choice_letters(s: &str) -> Vec<char> {
    let b = s.as_bytes();
    let mut out: Vec<char> = Vec::new();
    // whole answer a single letter, maybe with "option"/"choice" and brackets
    let core = s.trim().trim_matches(|c: char| {
        matches!(
            c,
            '(' | ')' | '[' | ']' | '*' | '.' | ':' | '"' | '\'' | '{' | '}' | ' '
        )
    });
    let core = [
        "option",
        "choice",
        "Option",
        "Choice",
        "\\text{",
        "\\textbf{",
    ]
    .iter()
    .fold(core, |c, w| c.strip_prefix(w).unwrap_or(c))
    .trim_matches(|c: char| matches!(c, '(' | ')' | '{' | '}' | ' '));
    if core.len() == 1 {
        let c = core.as_bytes()[0].to_ascii_uppercase();
        if (b'A'..=b'J').contains(&c) {
            return vec![c as char];
        }
    }
    // `at_label`: nothing but brackets and markup since the start or the last connector
    let mut at_label = true;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b' ' | b'(' | b'[' | b'{' | b'}' | b'*' | b'"' | b'\'' | b'$' => {}
            b',' | b'/' | b';' | b'&' => at_label = true,
            b'\\' => {
                // `\text{`, `\textbf{`, `\mathrm{`: markup
                let mut j = i + 1;
                while j < b.len() && b[j].is_ascii_alphabetic() {
                    j += 1;
                }
                i = j;
                continue;
            }
            c if c.is_ascii_alphabetic() => {
                let mut j = i;
                while j < b.len() && b[j].is_ascii_alphanumeric() {
                    j += 1;
                }
                let w = &s[i..j];
                if w.len() == 1 {
                    let up = c.to_ascii_uppercase();
                    let prev = if i > 0 { b[i - 1] } else { b' ' };
                    let next = b.get(j).copied().unwrap_or(b' ');
                    let bracketed = prev == b'(' && next == b')';
                    let upper_ok = c.is_ascii_uppercase()
                        && (c != b'I' || bracketed)
                        && !matches!(next, b'\'' | b'_' | b'^' | b'=' | b'+' | b'-');
                    if at_label && (b'A'..=b'J').contains(&up) && (upper_ok || bracketed) {
                        if !out.contains(&(up as char)) {
                            out.push(up as char);
                        }
                        at_label = false;
                    } else {
                        at_label = false;
                    }
                } else {
                    let l = w.to_ascii_lowercase();
                    at_label = matches!(
                        l.as_str(),
                        "or" | "and" | "option" | "options" | "choice" | "choices" | "ou" | "et"
                    );
                }
                i = j;
                continue;
            }
            _ => at_label = false,
        }
        i += 1;
    }
    out
}

/// True when the sentence going on at `from` ends with a question mark (within 300 bytes).
fn in_question(b: &[u8], from: usize) -> bool {
    b[from.min(b.len())..b.len().min(from + 300)]
        .iter()
        .find(|&&c| matches!(c, b'.' | b'!' | b'?' | b'\n'))
        .is_some_and(|&c| c == b'?')
}

/// The last standalone capital letter `A`–`J` in the text (`… so it must be B.`): the last resort
/// for a multiple-choice answer.
pub(crate) fn last_capital_letter(s: &str) -> Option<char> {
    let b = s.as_bytes();
    let mut i = b.len();
    while i > 0 {
        i -= 1;
        let c = b[i];
        if !(b'A'..=b'J').contains(&c) || c == b'I' {
            continue;
        }
        let prev = if i > 0 { b[i - 1] } else { b' ' };
        let next = b.get(i + 1).copied().unwrap_or(b' ');
        if prev.is_ascii_alphanumeric()
            || prev == b'\\'
            || next.is_ascii_alphanumeric()
            || matches!(next, b'\'' | b'_' | b'^' | b'=')
        {
            continue;
        }
        if in_question(b, i + 1) {
            continue;
        }
        return Some(c as char);
    }
    None
}

/// The gold of a multiple-choice question: a letter alone (`C`, `(C)`, `\text{(C)}`,
/// `\textbf{C}`) or a letter with its option text (`C. 15`, `(C) 15`, `C) 15`, `C: 15`).
pub(crate) fn gold_choice(s: &str) -> Option<(char, Option<&str>)> {
    let mut t = s.trim();
    for w in ["\\text{", "\\textbf{", "\\mathrm{", "\\mathbf{", "\\boxed{"] {
        if let Some(x) = t.strip_prefix(w).and_then(|x| x.strip_suffix('}')) {
            t = x.trim();
        }
    }
    let (letter, rest) = if let Some(x) = t.strip_prefix('(') {
        let mut ch = x.chars();
        let l = ch.next()?;
        (l, ch.as_str().strip_prefix(')')?)
    } else {
        let mut ch = t.chars();
        let l = ch.next()?;
        let rest = ch.as_str();
        if rest.is_empty() {
            (l, "")
        } else {
            let r = rest
                .strip_prefix(". ")
                .or_else(|| rest.strip_prefix(") "))
                .or_else(|| rest.strip_prefix(": "))
                .or_else(|| rest.strip_prefix('.').filter(|r| r.is_empty()))
                .or_else(|| rest.strip_prefix(')').filter(|r| r.is_empty()))?;
            (l, r)
        }
    };
    if !('A'..='J').contains(&letter) {
        return None;
    }
    let text = rest.trim();
    Some((letter, (!text.is_empty()).then_some(text)))
}

/// The last `(X)` choice in free text, and whether its sentence names another choice too (a
/// hedge such as `either (A) or (C)`).
pub(crate) fn last_choice_in_text(s: &str) -> Option<(char, bool)> {
    let b = s.as_bytes();
    // the last `(X)` that is not inside a question (`Is the answer (C)?`)
    let mut found = None;
    let mut k = b.len().saturating_sub(2);
    while k > 0 {
        k -= 1;
        if b[k] == b'('
            && (b'A'..=b'J').contains(&b[k + 1])
            && b[k + 2] == b')'
            && !in_question(b, k + 3)
        {
            found = Some(k);
            break;
        }
    }
    let i = found?;
    let letter = b[i + 1] as char;
    // the sentence holding it, at most 300 bytes back
    let lo = i.saturating_sub(300);
    let start = b[lo..i]
        .iter()
        .rposition(|&c| c == b'\n' || c == b'.')
        .map_or(lo, |p| lo + p + 1);
    let mut hedge = false;
    for k in start..i {
        if b[k] == b'(' && b.get(k + 2) == Some(&b')') {
            if let Some(&c) = b.get(k + 1) {
                if (b'A'..=b'J').contains(&c) && c as char != letter {
                    hedge = true;
                }
            }
        }
    }
    Some((letter, hedge))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(s: &str) -> Option<(String, Rule)> {
        let o = Options::default();
        let mut b = Budget::new(o.max_steps, None, o.max_bits, o.max_depth);
        extract(s, &o, false, false, &mut b)
            .ok()
            .flatten()
            .map(|f| (f.text.into_owned(), f.rule))
    }

    fn text(s: &str) -> String {
        ex(s).map(|x| x.0).unwrap_or_default()
    }

    #[test]
    fn boxes_nested_and_grouped() {
        assert_eq!(
            ex("so \\boxed{\\frac{1}{2}} and \\boxed{\\{1,2\\}}"),
            Some(("\\frac{1}{2}, \\{1,2\\}".into(), Rule::Boxed))
        );
        assert_eq!(
            text("First \\boxed{3}. Then we fix it: \\boxed{5}"),
            "5",
            "a sentence between boxes: not a list"
        );
        assert_eq!(text("\\boxed{\\boxed{3}}"), "\\boxed{3}");
        assert_eq!(text("unclosed \\boxed{3 and \\boxed{4}"), "4");
    }

    #[test]
    fn anchors() {
        let t = "blah blah. More text here.\nThe final answer is $42$. I hope it is correct.";
        assert_eq!(ex(t), Some(("42".into(), Rule::Anchor)));
        assert_eq!(text("The answer is 8. Let me double-check: yes."), "8");
        assert_eq!(text("**Answer:** C"), "C");
        assert_eq!(text("The answer is (C) 15"), "(C) 15");
        assert_eq!(text("最终答案是 $3$"), "3");
        assert_eq!(text("所以答案：3，对吗"), "3");
        assert_eq!(text("Donc la réponse est 3,5."), "3,5");
        assert_eq!(
            text("So the answer is 8 apples because she had more."),
            "8 apples"
        );
        assert_eq!(text("The answer is 5, since $2+3=5$."), "5");
        assert_eq!(
            text("\\boxed{5}. The answer is correct because 2+3=5."),
            "5",
            "a non-answer anchor is skipped"
        );
        assert_eq!(
            text("I got \\boxed{3}.\nWait, that is wrong. The answer is 5."),
            "5",
            "a later anchor wins"
        );
        assert_eq!(text("**Final Answer**\n\\[\n\\boxed{12}\n\\]"), "12");
        assert_eq!(
            ex("To answer this we note that 2+2 = 4."),
            Some(("2+2 = 4".into(), Rule::PlainMath)),
            "no connector: not an anchor"
        );
    }

    #[test]
    fn hashes_and_numbers() {
        let t = "We compute things. Lots of steps.\n#### 1,234";
        assert_eq!(ex(t), Some(("1,234".into(), Rule::Hashes)));
        assert_eq!(
            ex("The total is 2,048,576 bytes. That is a lot of bytes."),
            Some(("2,048,576".into(), Rule::PlainMath))
        );
        assert_eq!(
            text("In total she pays \\$7.25. Nice and cheap, right."),
            "\\$7.25"
        );
        assert_eq!(text("She has 3 cats and H2O is water."), "3 cats");
    }

    #[test]
    fn math_spans() {
        assert_eq!(
            ex("We conclude that $m = 14$."),
            Some(("m = 14".into(), Rule::MathSpan))
        );
        assert_eq!(text("The solutions are $x=1$ and $x=5$."), "x=1, x=5");
        assert_eq!(text("So $3+4=7$ apples, so there are $7$ left."), "7");
        assert_eq!(text("It costs $5 and $7 in total, so $x = 2$."), "x = 2");
        assert_eq!(
            text("Then \\begin{align*} x &= 4 \\end{align*} done"),
            "x &= 4"
        );
        assert_eq!(text("we get \\[\\frac25\\] as the result"), "\\frac25");
    }

    #[test]
    fn whole_and_think() {
        assert_eq!(ex("y >= -2"), Some(("y >= -2".into(), Rule::Whole)));
        assert_eq!(ex("$\\frac12$"), Some(("\\frac12".into(), Rule::Whole)));
        assert!(matches!(
            after_think("<think>so \\boxed{3}", ThinkPolicy::AfterIfPresent),
            ThinkCut::Unclosed
        ));
    }

    #[test]
    fn choices() {
        assert_eq!(choice_letters("(C) 15"), vec!['C']);
        assert_eq!(choice_letters("B, C, D or A"), vec!['B', 'C', 'D', 'A']);
        assert_eq!(choice_letters("\\text{(B)}"), vec!['B']);
        assert!(choice_letters("I think").is_empty());
        assert!(choice_letters("x = 5").is_empty());
        assert_eq!(gold_choice("C. 15"), Some(('C', Some("15"))));
        assert_eq!(gold_choice("\\text{(C)}"), Some(('C', None)));
        assert_eq!(gold_choice("(C)"), Some(('C', None)));
        assert_eq!(gold_choice("C"), Some(('C', None)));
        assert_eq!(gold_choice("Cat"), None);
        assert_eq!(gold_choice("15"), None);
        assert_eq!(
            last_choice_in_text("It is either (A) or (C)"),
            Some(('C', true))
        );
        assert_eq!(
            last_choice_in_text("(B) is wrong. So (C)"),
            Some(('C', false))
        );
    }

    #[test]
    fn connectors() {
        assert!(is_connector(" and "));
        assert!(is_connector(", "));
        assert!(is_connector(" 和 "));
        assert!(!is_connector(" apples, so there are "));
    }
}
