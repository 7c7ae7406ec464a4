//! Answer extraction shared by the text rewards: which part of a completion is "the answer".
//!
//! | `extract` | takes | source |
//! |---|---|---|
//! | `completion` | the whole completion, trimmed | — |
//! | `boxed` | the content of the last `\boxed{…}` / `\fbox{…}` (braces matched), or of `\boxed x$` | Hendrycks MATH `last_boxed_only_string` |
//! | `hash` | the text after the last `####`, to the end of its line, trimmed | GSM8K |
//! | `answer_line` | the last match of `re.findall(r"(?i)Answer\s*:\s*([^\n]+)", text)`, trimmed | verl `math_dapo.py` `is_correct_minerva` |
//! | `answer_tag` | the content of the last `</answer>` and the nearest `<answer>` before it, trimmed | rewardkit |
//! | `answer_tag_findall` | the last match of `re.findall(r"<answer>(.*?)</answer>", text)`, trimmed | RLCR code (Damani et al., arXiv 2507.16806: `re.findall` on the completion) |
//! | `after_think` | the text after the last `</think>`, trimmed (no `</think>`: nothing) | reasoning models |
//!
//! `extract` is one of these or a list tried in order (the first that finds a non-empty answer
//! wins), e.g. `extract = ["boxed", "hash", "answer_line"]`. The default is `completion`.
//! Every extractor but `answer_line` (one compiled regex) is a hand-written scan.
//!
//! **`answer_line`** follows verl's `re.findall` exactly: matches are found left to right
//! without overlapping and the **last** one wins; a match takes the **first** `Answer:` of its
//! line (case-insensitive, with Python's Unicode case folding: `ANSWER`, `anſwer`) and the rest
//! of that line, so `Final Answer: the answer: 12` gives `the answer: 12`. `\s*` after the
//! colon may cross newlines (`Answer:\n  x` gives `x`; `Answer: \nAnswer: 5` gives
//! `Answer: 5`, as in Python). `\s` is Python's whitespace (with U+001C–U+001F).
//!
//! **`answer_tag`** vs **`answer_tag_findall`**: they differ when the text mentions a tag:
//! `<answer>A</answer> and </answer>` gives `A</answer> and` with `answer_tag` (the last closing
//! tag, paired with the nearest opening tag before it) and `A` with `answer_tag_findall`;
//! `<answer> x <answer>B</answer>` gives `B` and `x <answer>B`. `answer_tag_findall` follows
//! Python's non-greedy `(.*?)` **without** `re.DOTALL`, as the RLCR code calls it (the call
//! as reported to this project; not checked against the RLCR repository): `.` does not match
//! a newline, so an answer that spans lines is not matched there (`<answer>A\nB</answer>`
//! finds nothing).
//!
//! ```
//! use rewardkit_core::text::extract::{Extract, Extractor};
//! let e = Extract::Chain(vec![Extractor::Boxed, Extractor::Hash]);
//! assert_eq!(e.apply("so \\boxed{\\frac{1}{2}}."), Some("\\frac{1}{2}"));
//! assert_eq!(e.apply("3 + 4 = 7\n#### 7\n"), Some("7"));
//! assert_eq!(e.apply("no answer here"), None);
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One way of finding the answer in a completion (see the module table).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Extractor {
    /// The whole completion, trimmed.
    Completion,
    /// The content of the last `\boxed{…}` or `\fbox{…}` (braces matched), or `\boxed x$`.
    Boxed,
    /// The text after the last `####`, to the end of its line.
    Hash,
    /// The last match of `re.findall(r"(?i)Answer\s*:\s*([^\n]+)", text)` (verl Minerva).
    AnswerLine,
    /// The content of the last `</answer>` and the nearest `<answer>` before it.
    AnswerTag,
    /// The last match of Python's `re.findall(r"<answer>(.*?)</answer>", text)` (RLCR code).
    AnswerTagFindall,
    /// The text after the last `</think>`.
    AfterThink,
}

/// Which answer to take: one extractor, or a list tried in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Extract {
    /// One extractor.
    One(Extractor),
    /// Extractors tried in order; the first non-empty answer wins.
    Chain(Vec<Extractor>),
}

impl<'de> Deserialize<'de> for Extract {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        use serde::de::Error as _;
        let v = serde_json::Value::deserialize(d)?;
        let r = if v.is_array() {
            serde_json::from_value(v).map(Extract::Chain)
        } else {
            serde_json::from_value(v).map(Extract::One)
        };
        r.map_err(|e| {
            D::Error::custom(format!(
                "{e}; expected one of \"completion\", \"boxed\", \"hash\", \"answer_line\", \"answer_tag\", \"answer_tag_findall\", \"after_think\", or a list of them"
            ))
        })
    }
}

impl Default for Extract {
    fn default() -> Self {
        Extract::One(Extractor::Completion)
    }
}

impl Extract {
    /// The extractors, in order.
    pub fn extractors(&self) -> &[Extractor] {
        match self {
            Extract::One(e) => std::slice::from_ref(e),
            Extract::Chain(v) => v,
        }
    }

    /// The answer, or `None` when no extractor finds a non-empty one.
    pub fn apply<'a>(&self, text: &'a str) -> Option<&'a str> {
        self.extractors().iter().find_map(|e| e.apply(text))
    }
}

impl Extractor {
    /// The answer this extractor finds in `text` (trimmed, non-empty), if any.
    pub fn apply(self, text: &str) -> Option<&str> {
        let found = match self {
            Extractor::Completion => Some(text),
            Extractor::Boxed => last_boxed(text),
            Extractor::Hash => after_last_hash(text),
            Extractor::AnswerLine => last_answer_line(text),
            Extractor::AnswerTag => last_answer_tag(text),
            Extractor::AnswerTagFindall => {
                super::python::findall_last(text, "<answer>", "</answer>")
            }
            Extractor::AfterThink => text.rfind("</think>").map(|i| &text[i + 8..]),
        };
        found.map(str::trim).filter(|s| !s.is_empty())
    }
}

/// The content of the last `\boxed{…}` / `\fbox{…}` (or `\boxed x` up to the next `$`).
pub fn last_boxed(text: &str) -> Option<&str> {
    let b = text.rfind("\\boxed").map(|i| (i, i + 6));
    let f = text.rfind("\\fbox").map(|i| (i, i + 5));
    let (_, after) = match (b, f) {
        (Some(b), Some(f)) => b.max(f),
        (x, y) => x.or(y)?,
    };
    let rest = &text[after..];
    if let Some(body) = rest.strip_prefix('{') {
        let mut depth = 1usize;
        for (i, c) in body.bytes().enumerate() {
            match c {
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(&body[..i]);
                    }
                }
                _ => {}
            }
        }
        None // unbalanced
    } else if let Some(body) = rest.strip_prefix(' ') {
        // Hendrycks: "\\boxed " + s.split("\\boxed ")[-1].split("$")[0]
        Some(body.split('$').next().unwrap_or(body))
    } else {
        None
    }
}

fn after_last_hash(text: &str) -> Option<&str> {
    let i = text.rfind("####")?;
    let rest = &text[i + 4..];
    Some(rest.split('\n').next().unwrap_or(rest))
}

fn last_answer_line(text: &str) -> Option<&str> {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    // verl's `(?i)Answer\s*:\s*([^\n]+)` with Python's `\s` (Unicode White_Space plus
    // U+001C–U+001F); the regex crate's leftmost-first semantics pick the same match and
    // captures as Python's backtracking engine for this pattern.
    let re = RE
        .get_or_init(|| regex::Regex::new(r"(?i)answer[\s\x1C-\x1F]*:[\s\x1C-\x1F]*([^\n]+)").ok())
        .as_ref()?;
    re.captures_iter(text)
        .last()
        .and_then(|c| c.get(1))
        .map(|m| m.as_str())
}

fn last_answer_tag(text: &str) -> Option<&str> {
    let close = text.rfind("</answer>")?;
    let open = text[..close].rfind("<answer>")?;
    Some(&text[open + 8..close])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boxed_matches_braces_and_takes_the_last() {
        assert_eq!(last_boxed("\\boxed{1} then \\boxed{{a}b}"), Some("{a}b"));
        assert_eq!(Extractor::Boxed.apply("\\fbox{ 2 }"), Some("2"));
        assert_eq!(Extractor::Boxed.apply("$\\boxed 5$ and"), Some("5"));
        assert_eq!(Extractor::Boxed.apply("\\boxed{unclosed"), None);
        assert_eq!(Extractor::Boxed.apply("\\boxed{}"), None);
        assert_eq!(Extractor::Boxed.apply("none"), None);
    }

    #[test]
    fn hash_answer_line_tag_think() {
        assert_eq!(Extractor::Hash.apply("a\n#### 1,000\nbye"), Some("1,000"));
        assert_eq!(Extractor::Hash.apply("####"), None);
        assert_eq!(
            Extractor::AnswerLine.apply("Answer: 3\nfinal answer : 42 \n"),
            Some("42")
        );
        // verl/Minerva: the first `Answer:` of the last matching line, and the rest of it.
        assert_eq!(
            Extractor::AnswerLine.apply("Final Answer: the answer: 12"),
            Some("the answer: 12")
        );
        assert_eq!(
            Extractor::AnswerLine.apply("Answer: \nAnswer: 5"),
            Some("Answer: 5")
        );
        assert_eq!(Extractor::AnswerLine.apply("ANSWER\u{1f}: 7"), Some("7"));
        assert_eq!(Extractor::AnswerLine.apply("an\u{17f}wer: 8"), Some("8"));
        assert_eq!(Extractor::AnswerLine.apply("ANSWER:\n  x"), Some("x"));
        assert_eq!(Extractor::AnswerLine.apply("the answer is 4"), None);
        assert_eq!(
            Extractor::AnswerTag.apply("<answer>a</answer> <answer> b </answer>"),
            Some("b")
        );
        assert_eq!(Extractor::AnswerTag.apply("<answer>a"), None);
        // The two tag rules differ when the text mentions a tag.
        let t = "<answer>A</answer> and </answer>";
        assert_eq!(Extractor::AnswerTag.apply(t), Some("A</answer> and"));
        assert_eq!(Extractor::AnswerTagFindall.apply(t), Some("A"));
        let t = "<answer> x <answer>B</answer>";
        assert_eq!(Extractor::AnswerTag.apply(t), Some("B"));
        assert_eq!(Extractor::AnswerTagFindall.apply(t), Some("x <answer>B"));
        assert_eq!(
            Extractor::AnswerTagFindall.apply("<answer>A\nB</answer>"),
            None
        );
        assert_eq!(
            Extractor::AfterThink.apply("<think>x</think>\n Paris "),
            Some("Paris")
        );
        assert_eq!(Extractor::AfterThink.apply("Paris"), None);
        assert_eq!(Extractor::Completion.apply("  \n"), None);
    }

    #[test]
    fn chain_takes_first_found() {
        let e: Extract = serde_json::from_str(r#"["boxed","answer_line"]"#).unwrap();
        assert_eq!(e.apply("Answer: 7"), Some("7"));
        assert_eq!(e.apply("\\boxed{8} Answer: 7"), Some("8"));
        let one: Extract = serde_json::from_str(r#""hash""#).unwrap();
        assert_eq!(one, Extract::One(Extractor::Hash));
        let e = serde_json::from_str::<Extract>(r#""boxd""#).unwrap_err();
        assert!(e.to_string().contains("unknown variant `boxd`"), "{e}");
    }
}
