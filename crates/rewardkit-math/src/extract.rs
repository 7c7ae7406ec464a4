//! Answer extraction from free text: boxed answers, anchors, math environments.
//!
//! All scanning is hand-written over bytes (with `memchr`), no regex is compiled per call.

use crate::options::{MatchPolicy, Options, ThinkPolicy};
use memchr::memmem;

/// Where an extracted answer came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    Boxed,
    Anchor,
    Hashes,
    MathEnv,
    Whole,
    LastNumber,
}

impl Source {
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Source::Boxed => "\\boxed{...}",
            Source::Anchor => "answer anchor line",
            Source::Hashes => "#### line",
            Source::MathEnv => "math environment",
            Source::Whole => "whole text",
            Source::LastNumber => "last number in the text",
        }
    }
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

/// Returns the text after the last `</think>` according to the policy; `None` when the policy
/// requires the tag and it is missing.
pub(crate) fn after_think(s: &str, policy: ThinkPolicy) -> Option<&str> {
    if policy == ThinkPolicy::Ignore {
        return Some(s);
    }
    match memmem::rfind(s.as_bytes(), b"</think>") {
        Some(i) => s.get(i + 8..),
        None if policy == ThinkPolicy::Require => None,
        None => Some(s),
    }
}

/// Content of the brace group starting at byte `open` (which must hold `{`).
fn brace_group(s: &str, open: usize) -> Option<(&str, usize)> {
    let b = s.as_bytes();
    let mut depth = 0usize;
    let mut i = open;
    while i < b.len() {
        match b[i] {
            b'\\' => {
                i += 2;
                continue;
            }
            b'{' => depth += 1,
            b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some((s.get(open + 1..i)?, i + 1));
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// All `\boxed{...}` / `\fbox{...}` contents (outermost ones), in order.
fn boxed_all(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(rel) = memchr::memchr(b'\\', b.get(from..).unwrap_or(&[])) {
        let i = from + rel;
        let rest = &b[i..];
        let skip = if rest.starts_with(b"\\boxed") {
            6
        } else if rest.starts_with(b"\\fbox") {
            5
        } else {
            from = i + 1;
            continue;
        };
        let mut j = i + skip;
        while j < b.len() && b[j] == b' ' {
            j += 1;
        }
        if j < b.len() && b[j] == b'{' {
            if let Some((content, end)) = brace_group(s, j) {
                out.push(content);
                from = end;
                continue;
            }
        } else if j > i + skip {
            // `\boxed 5$`
            let end = b[j..]
                .iter()
                .position(|&c| c == b'$' || c == b'\n' || c == b' ')
                .map_or(b.len(), |p| j + p);
            if let Some(c) = s.get(j..end) {
                out.push(c);
            }
            from = end.max(i + 1);
            continue;
        }
        from = i + skip;
    }
    out
}

fn pick<T>(mut v: Vec<T>, policy: MatchPolicy) -> Option<T> {
    match policy {
        MatchPolicy::Last => v.pop(),
        MatchPolicy::First => v.into_iter().next(),
    }
}

/// Lowercase ASCII search helper.
fn find_ci_all(hay: &str, needle: &str) -> Vec<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    let mut out = Vec::new();
    if n.is_empty() || h.len() < n.len() {
        return out;
    }
    let first_l = n[0].to_ascii_lowercase();
    let first_u = n[0].to_ascii_uppercase();
    let mut i = 0;
    while i + n.len() <= h.len() {
        let c = h[i];
        if (c == first_l || c == first_u) && h[i..i + n.len()].eq_ignore_ascii_case(n) {
            out.push(i);
            i += n.len();
        } else {
            i += 1;
        }
    }
    out
}

/// Strips trailing filler from an anchor line.
fn clean_anchor_line(line: &str) -> &str {
    let mut l = line.trim();
    for tail in ["I hope it is correct.", "I hope it is correct"] {
        if let Some(x) = l.strip_suffix(tail) {
            l = x.trim();
        }
    }
    let l = l.trim_start_matches([':', ' ', '*']);
    let l = l.trim_end_matches(['.', ' ', '*']);
    // The first math environment in the line wins, if any.
    if let Some((m, _)) = math_envs(l).into_iter().next() {
        return m;
    }
    l
}

/// Answer anchor lines, in order of position.
fn anchors(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    for needle in [
        "final answer is",
        "answer is",
        "answer:",
        "final answer:",
        "答案是",
    ] {
        for i in find_ci_all(s, needle) {
            let start = i + needle.len();
            let rest = s.get(start..).unwrap_or("");
            let end = rest.find('\n').unwrap_or(rest.len());
            let line = rest.get(..end).unwrap_or("");
            let line = clean_anchor_line(line);
            if !line.is_empty() && line.len() < 512 {
                out.push((i, line));
            }
        }
    }
    out.sort_by_key(|&(i, _)| i);
    // "final answer is" also matches "answer is": keep one per line start
    out.dedup_by(|a, b| a.1 == b.1);
    out
}

fn hashes(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for i in memmem::find_iter(s.as_bytes(), b"####") {
        let rest = s.get(i + 4..).unwrap_or("");
        let end = rest.find('\n').unwrap_or(rest.len());
        let line = rest
            .get(..end)
            .unwrap_or("")
            .trim()
            .trim_start_matches('#')
            .trim();
        if !line.is_empty() {
            out.push(line.trim_end_matches('.'));
        }
    }
    out
}

/// Math environments `$..$`, `$$..$$`, `\(..\)`, `\[..\]` with their start offsets.
fn math_envs(s: &str) -> Vec<(&str, usize)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'$' && (i == 0 || b[i - 1] != b'\\') {
            let dbl = b.get(i + 1) == Some(&b'$');
            let open = if dbl { 2 } else { 1 };
            let body = i + open;
            let mut j = body;
            let mut found = None;
            while j < b.len() {
                if b[j] == b'\\' {
                    j += 2;
                    continue;
                }
                if b[j] == b'$' {
                    found = Some(j);
                    break;
                }
                j += 1;
            }
            match found {
                Some(j) => {
                    if let Some(m) = s.get(body..j) {
                        if !m.trim().is_empty() {
                            out.push((m, i));
                        }
                    }
                    i = j + open;
                }
                None => break,
            }
        } else if c == b'\\' && matches!(b.get(i + 1), Some(b'(') | Some(b'[')) {
            let close: &[u8] = if b[i + 1] == b'(' { b"\\)" } else { b"\\]" };
            match memmem::find(b.get(i + 2..).unwrap_or(&[]), close) {
                Some(rel) => {
                    if let Some(m) = s.get(i + 2..i + 2 + rel) {
                        out.push((m, i));
                    }
                    i = i + 2 + rel + 2;
                }
                None => break,
            }
        } else {
            i += 1;
        }
    }
    out
}

/// Last (or first) number in the text: digits with optional sign, separators and decimals.
fn last_number(s: &str, policy: MatchPolicy) -> Option<&str> {
    let b = s.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let mut start = i;
            if start > 0 && b[start - 1] == b'-' {
                start -= 1;
            }
            let mut j = i;
            while j < b.len()
                && (b[j].is_ascii_digit()
                    || ((b[j] == b'.' || b[j] == b',' || b[j] == b'/')
                        && b.get(j + 1).is_some_and(u8::is_ascii_digit)))
            {
                j += 1;
            }
            spans.push((start, j));
            i = j;
        } else {
            i += 1;
        }
    }
    let (a, z) = pick(spans, policy)?;
    s.get(a..z)
}

/// Extracts the answer from a prediction (or a gold text), returning it and its source.
pub(crate) fn extract<'a>(s: &'a str, opts: &Options, is_gold: bool) -> Option<(&'a str, Source)> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if is_gold && !opts.extract_gold {
        return Some((strip_math_delims(s), Source::Whole));
    }
    let boxed = boxed_all(s);
    if let Some(b) = pick(boxed, opts.match_policy) {
        let b = b.trim();
        if !b.is_empty() {
            return Some((b, Source::Boxed));
        }
    }
    if let Some((_, a)) = pick(anchors(s), opts.match_policy) {
        return Some((a, Source::Anchor));
    }
    if let Some(h) = pick(hashes(s), opts.match_policy) {
        return Some((h, Source::Hashes));
    }
    let short = s.len() <= 80 && !s.contains(". ") && !s.contains('\n')
        || s.len() <= 2000 && !s.contains(". ") && !s.contains('\n') && prose_words(s) <= 2;
    if is_gold || short {
        return Some((strip_math_delims(s), Source::Whole));
    }
    if let Some((m, _)) = pick(math_envs(s), opts.match_policy) {
        return Some((m.trim(), Source::MathEnv));
    }
    if opts.fallback_last_number {
        if let Some(n) = last_number(s, opts.match_policy) {
            return Some((n, Source::LastNumber));
        }
    }
    None
}

/// Number of prose words (3+ ASCII letters not part of a LaTeX command).
fn prose_words(s: &str) -> usize {
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
            if !cmd && i - start >= 3 {
                n += 1;
            }
        } else {
            i += 1;
        }
    }
    n
}

/// Removes one layer of `$..$`, `\(..\)`, `\[..\]` around a whole string.
pub(crate) fn strip_math_delims(s: &str) -> &str {
    let t = s.trim();
    let envs = math_envs(t);
    if envs.len() == 1 {
        if let Some((m, 0)) = envs.first() {
            let m = *m;
            // only when the environment spans the whole string
            let covered = m.len() + 4 >= t.len();
            if covered {
                return m.trim();
            }
        }
    }
    t
}

/// Reads a multiple-choice letter `A`..`E` from an answer such as `(B)`, `\text{(B)}`, `B`,
/// `B)`, `B.`, `(B) 42`, `\textbf{B}`.
pub(crate) fn choice_letter(s: &str) -> Option<char> {
    let mut t = s.trim();
    for w in ["\\text{", "\\textbf{", "\\mathrm{", "\\mathbf{"] {
        if let Some(x) = t.strip_prefix(w) {
            t = x;
        }
    }
    let t = t.trim_start_matches(['(', '{', ' ', '[']);
    let mut chars = t.chars();
    let c = chars.next()?;
    if !('A'..='E').contains(&c) {
        return None;
    }
    match chars.next() {
        None => Some(c),
        Some(')' | '}' | '.' | ':' | ' ' | ']' | ',') => Some(c),
        _ => None,
    }
}

/// True when the whole answer is just a choice letter.
pub(crate) fn is_pure_choice(s: &str) -> Option<char> {
    let c = choice_letter(s)?;
    let rest: String = s.chars().filter(|ch| ch.is_ascii_alphanumeric()).collect();
    let rest = rest
        .replace("text", "")
        .replace("textbf", "")
        .replace("mathrm", "");
    if rest.len() == 1 {
        Some(c)
    } else {
        None
    }
}

/// Last `(X)` choice pattern in free text.
pub(crate) fn last_choice_in_text(s: &str) -> Option<char> {
    let b = s.as_bytes();
    let mut found = None;
    for i in 0..b.len().saturating_sub(2) {
        if b[i] == b'(' && (b'A'..=b'E').contains(&b[i + 1]) && b[i + 2] == b')' {
            found = Some(b[i + 1] as char);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boxed_nested() {
        let o = Options::default();
        let (a, src) = extract("so \\boxed{\\frac{1}{2}} and \\boxed{\\{1,2\\}}", &o, false)
            .unwrap_or(("", Source::Whole));
        assert_eq!(a, "\\{1,2\\}");
        assert_eq!(src, Source::Boxed);
    }

    #[test]
    fn anchors_and_hashes() {
        let o = Options::default();
        let t = "blah blah. More text here.\nThe final answer is $42$. I hope it is correct.";
        assert_eq!(extract(t, &o, false).map(|x| x.0), Some("42"));
        let t = "We compute things. Lots of steps.\n#### 1,234";
        assert_eq!(extract(t, &o, false).map(|x| x.0), Some("1,234"));
    }

    #[test]
    fn choice() {
        assert_eq!(choice_letter("(B)"), Some('B'));
        assert_eq!(choice_letter("\\text{(C)}"), Some('C'));
        assert_eq!(is_pure_choice("\\text{(C)}"), Some('C'));
        assert_eq!(is_pure_choice("Cat"), None);
    }
}
