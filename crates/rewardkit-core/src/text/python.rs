//! Python 3 `str` semantics that the text rewards promise: whitespace (`str.split()`,
//! `str.strip()`, `re`'s `\s`), word characters (`re`'s `\w` and `\b`), `float()` parsing, and
//! `re.findall` of a tag pair.
//!
//! - **Whitespace** is what `str.isspace()` accepts: Unicode `White_Space` plus the ASCII
//!   separators U+001C–U+001F (Rust's `char::is_whitespace` lacks those four), so
//!   `"New\x1fYork".split()` is `["New", "York"]` in both.
//! - **Word characters** are what `re`'s `\w` matches in a `str` pattern: `str.isalnum()` or
//!   `_`, i.e. Unicode letters (L*) and numbers (N*: `²`, `½`, `Ⅻ` are word characters), but not
//!   combining marks or connector punctuation other than `_` (Rust's Unicode `\w` has marks and
//!   `Pc`, and lacks `No`). (Both follow the Unicode version of their build; they can differ on
//!   characters assigned in between.)
//! - **`float()`**: surrounding whitespace allowed; an optional sign; digits with single
//!   underscores between them (`1_000.5`, `1e1_0`; not `_1`, `1__0`, `1_`, `1_.5`); any Unicode
//!   decimal digit counts as its ASCII value (`０.８` is 0.8, `٠.٥` is 0.5); `inf`, `infinity`
//!   and `nan` in any case. The result is correctly rounded, as CPython's.

use regex::Regex;
use std::sync::OnceLock;

/// Python's `str.isspace()` for one character.
pub(crate) fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `str.split()`: the whitespace-separated words.
pub(crate) fn py_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(py_space).filter(|w| !w.is_empty())
}

/// Python's `str.strip()` (no argument).
pub(crate) fn py_strip(s: &str) -> &str {
    s.trim_matches(py_space)
}

/// Python's `" ".join(s.split())`.
pub(crate) fn py_collapse(s: &str) -> String {
    s.split(py_space)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn class(cell: &'static OnceLock<Option<Regex>>, pattern: &str, c: char) -> bool {
    let re = cell.get_or_init(|| Regex::new(pattern).ok());
    let mut buf = [0u8; 4];
    re.as_ref()
        .is_some_and(|re| re.is_match(c.encode_utf8(&mut buf)))
}

/// Python `re`'s `\w` for one character of a `str`: letters, numbers and `_`.
pub(crate) fn py_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    static WORD: OnceLock<Option<Regex>> = OnceLock::new();
    class(&WORD, r"\A[\p{L}\p{N}]\z", c)
}

/// The value of a Unicode decimal digit (`Nd`), as Python's `int()`/`float()` read it.
pub(crate) fn py_decimal(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return c.to_digit(10);
    }
    static ND: OnceLock<Option<Regex>> = OnceLock::new();
    let nd = |c: char| class(&ND, r"\A\p{Nd}\z", c);
    if c.is_ascii() || !nd(c) {
        return None;
    }
    // Decimal digits are encoded in runs of ten, 0 to 9, so a digit's value is its distance
    // from the start of its run of consecutive `Nd` code points, modulo 10.
    let mut k = 0u32;
    let mut cp = u32::from(c);
    while let Some(prev) = cp.checked_sub(1).and_then(char::from_u32) {
        if !nd(prev) {
            break;
        }
        k += 1;
        cp -= 1;
    }
    Some(k % 10)
}

/// Python's `float(s)` for a `str`, or `None` where Python raises `ValueError`.
///
/// ```text
/// " 0.8 " → 0.8   "1_000" → 1000   "０.８" → 0.8   "NaN" → NaN   "-inf" → −∞
/// "1__0", "_1", "1_", "0x1p3", "1,5", "" → error
/// ```
pub(crate) fn py_float(s: &str) -> Option<f64> {
    let s = py_strip(s);
    let mut ascii = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            ascii.push(c);
        } else {
            ascii.push(char::from_digit(py_decimal(c)?, 10)?);
        }
    }
    let body = ascii
        .strip_prefix(['+', '-'])
        .unwrap_or(&ascii)
        .to_ascii_lowercase();
    if matches!(body.as_str(), "inf" | "infinity" | "nan") {
        return ascii.parse::<f64>().ok();
    }
    // number: digitpart ["." [digitpart]] [exponent] | "." digitpart [exponent]
    let b = body.as_bytes();
    let mut i = 0;
    let digitpart = |i: &mut usize| -> Option<bool> {
        let start = *i;
        while *i < b.len() {
            match b[*i] {
                b'0'..=b'9' => *i += 1,
                b'_' if *i > start && b[*i - 1].is_ascii_digit() => {
                    if !b.get(*i + 1).is_some_and(u8::is_ascii_digit) {
                        return None;
                    }
                    *i += 1;
                }
                _ => break,
            }
        }
        Some(*i > start)
    };
    let int = digitpart(&mut i)?;
    let mut frac = false;
    if b.get(i) == Some(&b'.') {
        i += 1;
        frac = digitpart(&mut i)?;
    }
    if !int && !frac {
        return None;
    }
    if b.get(i) == Some(&b'e') {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if !digitpart(&mut i)? {
            return None;
        }
    }
    if i != b.len() {
        return None;
    }
    ascii.replace('_', "").parse::<f64>().ok()
}

/// The last match of Python's `re.findall(open + "(.*?)" + close, text)` (no flags: `.` does not
/// match `\n`): matches are found left to right without overlapping; each takes the first
/// `close` after its `open` with no newline in between; an `open` whose content would cross a
/// newline is skipped and the search goes on from the next character.
///
/// ```text
/// "<answer>A</answer> and </answer>"      → "A"  (nearest-pairing from the end: "A</answer> and ")
/// "<answer> x <answer>B</answer>"          → " x <answer>B"
/// "<answer>A\nB</answer><answer>C</answer>" → "C"
/// ```
pub(crate) fn findall_last<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let mut last = None;
    let mut pos = 0;
    while let Some(off) = text[pos..].find(open) {
        let start = pos + off + open.len();
        match text[start..].find(close) {
            Some(len) if !text[start..start + len].contains('\n') => {
                last = Some(&text[start..start + len]);
                pos = start + len + close.len();
            }
            // No close tag after this open tag with no newline between: Python moves on by one
            // character (open tags are ASCII, so `+ 1` stays on a char boundary).
            _ => pos = pos + off + 1,
        }
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_float_rules() {
        for (s, want) in [
            ("0.8", 0.8),
            (" 0.25\n", 0.25),
            ("\u{1f}0.5\u{3000}", 0.5),
            ("1_000.5", 1000.5),
            ("1e1_0", 1e10),
            ("+.5", 0.5),
            ("5.", 5.0),
            ("1E-2", 0.01),
            ("\u{ff10}.\u{ff18}", 0.8),   // full-width digits
            ("\u{660}.\u{665}", 0.5),     // Arabic-Indic digits
            ("\u{1d7ce}.\u{1d7d3}", 0.5), // mathematical bold digits (a run of 50)
            ("-inf", f64::NEG_INFINITY),
            ("Infinity", f64::INFINITY),
        ] {
            assert_eq!(py_float(s), Some(want), "{s:?}");
        }
        assert!(py_float("nan").unwrap().is_nan());
        assert!(py_float("-NaN").unwrap().is_nan());
        for bad in [
            "",
            " ",
            "1__0",
            "_1",
            "1_",
            "1_.5",
            "1._5",
            "1e",
            "e5",
            ".",
            "0x1p3",
            "1,5",
            "1 0",
            "infinit",
            "nan0",
            "1e_5",
            "--1",
            "\u{ff0e}5",
        ] {
            assert_eq!(py_float(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn python_classes() {
        assert!(py_space('\u{1f}') && py_space('\u{a0}') && !py_space('\u{200b}'));
        assert!(py_word('²') && py_word('é') && py_word('_') && py_word('Ⅻ'));
        assert!(!py_word('\u{301}') && !py_word('‿') && !py_word('-'));
        assert_eq!(py_collapse(" New\u{1f}York  city "), "New York city");
        assert_eq!(py_decimal('\u{ff19}'), Some(9));
        assert_eq!(py_decimal('x'), None);
    }

    #[test]
    fn findall_is_left_to_right_non_greedy_without_dotall() {
        let f = |t| findall_last(t, "<answer>", "</answer>");
        assert_eq!(f("<answer>A</answer> and </answer>"), Some("A"));
        assert_eq!(f("<answer> x <answer>B</answer>"), Some(" x <answer>B"));
        assert_eq!(f("<answer>A\nB</answer><answer>C</answer>"), Some("C"));
        assert_eq!(f("<answer>A\nB</answer>"), None);
        assert_eq!(f("<answer>a</answer><answer>b</answer>"), Some("b"));
        assert_eq!(f("<answer><answer>b</answer>"), Some("<answer>b"));
        assert_eq!(f("<answer>\n<answer>b</answer>"), Some("b"));
        assert_eq!(f("<answer></answer>"), Some(""));
    }
}
