//! Compiling user regular expressions: syntax errors become spec errors at the field's path,
//! and Python's `$` rule (a `$` outside multi-line mode also matches before a final `\n`).

use crate::{Error, Result};
use regex::{Regex, RegexBuilder};

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
            Error::spec_pattern(at, format!("invalid regular expression: {msg}"))
        })
}

/// For a search-mode pattern that has a Python-style `$` (an end-of-line assertion outside
/// multi-line mode), the pattern to run on the text without its final `\n`: the same, with
/// every `\z` made unmatchable (there is more text after that end). `None` when the pattern
/// has no such `$` (or does not parse: `compile` reports that).
pub(crate) fn python_dollar_variant(pattern: &str, multi_line: bool) -> Option<String> {
    use regex_syntax::ast::{self, Ast};
    struct Walk {
        dollar: bool,
        ends: Vec<std::ops::Range<usize>>,
    }
    fn apply(flags: &ast::Flags, m: &mut bool) {
        let mut on = true;
        for item in &flags.items {
            match item.kind {
                ast::FlagsItemKind::Negation => on = false,
                ast::FlagsItemKind::Flag(ast::Flag::MultiLine) => *m = on,
                ast::FlagsItemKind::Flag(_) => {}
            }
        }
    }
    fn walk(a: &Ast, m: &mut bool, w: &mut Walk) {
        match a {
            Ast::Flags(f) => apply(&f.flags, m),
            Ast::Assertion(x) => match x.kind {
                ast::AssertionKind::EndLine if !*m => w.dollar = true,
                ast::AssertionKind::EndText => w.ends.push(x.span.start.offset..x.span.end.offset),
                _ => {}
            },
            Ast::Group(g) => {
                // Flags set inside a group end with it.
                let mut inner = *m;
                if let ast::GroupKind::NonCapturing(f) = &g.kind {
                    apply(f, &mut inner);
                }
                walk(&g.ast, &mut inner, w);
            }
            Ast::Repetition(r) => walk(&r.ast, m, w),
            // Flags set in one branch go on in the next ones, as in regex-syntax.
            Ast::Alternation(alt) => alt.asts.iter().for_each(|x| walk(x, m, w)),
            Ast::Concat(c) => c.asts.iter().for_each(|x| walk(x, m, w)),
            _ => {}
        }
    }
    let parsed = ast::parse::Parser::new().parse(pattern).ok()?;
    let mut w = Walk {
        dollar: false,
        ends: vec![],
    };
    let mut m = multi_line;
    walk(&parsed, &mut m, &mut w);
    if !w.dollar {
        return None;
    }
    let mut out = String::with_capacity(pattern.len() + 8 * w.ends.len());
    let mut at = 0;
    for r in w.ends {
        out.push_str(&pattern[at..r.start]);
        out.push_str(r"(?:\b\B)"); // never matches
        at = r.end;
    }
    out.push_str(&pattern[at..]);
    Some(out)
}
