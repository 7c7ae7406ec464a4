//! Reading a file of rows: a JSON list (`[{...}, {...}]`) or JSON Lines, told apart by the
//! first character that is not white space. Every row keeps the 1-based line it starts on,
//! so errors can name it.

use crate::{Error, Result};
use serde_json::Value;
use std::path::Path;

/// One row of a file: the line it starts on and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// 1-based line where the row starts.
    pub line: u64,
    /// The row.
    pub value: Value,
}

/// The file name used in messages.
pub(crate) fn display(path: &Path) -> String {
    path.display().to_string()
}

/// Reads a whole file as text.
pub(crate) fn read_text(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|error| Error::Io {
        file: display(path),
        error,
    })?;
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        // What PowerShell's `>` writes.
        return Err(Error::file(
            &display(path),
            "UTF-16 text (it starts with a UTF-16 byte-order mark): save it as UTF-8",
        ));
    }
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|b| **b == b'\n').count() + 1;
        Error::file(
            &display(path),
            format!("line {line}: not UTF-8 text (byte {at}: {e})"),
        )
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..3);
    }
    Ok(text)
}

/// Reads the rows of a JSON-list or JSON-Lines file.
pub fn read_rows(path: &Path) -> Result<Vec<Row>> {
    let text = read_text(path)?;
    parse_rows(&display(path), &text)
}

/// Parses the rows of a JSON-list or JSON-Lines text; `file` names it in errors.
pub fn parse_rows(file: &str, text: &str) -> Result<Vec<Row>> {
    let trimmed = text.trim_start();
    if trimmed.starts_with('[') {
        let value: Value = serde_json::from_str(text).map_err(|e| Error::Syntax {
            file: file.to_string(),
            line: e.line() as u64,
            message: e.to_string(),
        })?;
        let Value::Array(items) = value else {
            return Err(Error::file(file, "expected a JSON list of rows"));
        };
        let lines = element_lines(text);
        Ok(items
            .into_iter()
            .enumerate()
            .map(|(i, value)| Row {
                line: lines.get(i).copied().unwrap_or(1),
                value,
            })
            .collect())
    } else {
        let mut rows = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let value: Value = serde_json::from_str(line).map_err(|e| Error::Syntax {
                file: file.to_string(),
                line: i as u64 + 1,
                message: e.to_string(),
            })?;
            rows.push(Row {
                line: i as u64 + 1,
                value,
            });
        }
        Ok(rows)
    }
}

/// The 1-based line on which each element of a top-level JSON array starts (the text is
/// valid JSON: this only tracks strings and nesting depth).
fn element_lines(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let (mut depth, mut line) = (0usize, 1u64);
    let (mut in_string, mut escaped, mut expect) = (false, false, false);
    for c in text.chars() {
        if c == '\n' {
            line += 1;
        }
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        if depth == 1 && expect && !c.is_whitespace() && c != ']' {
            out.push(line);
            expect = false;
        }
        match c {
            '"' => in_string = true,
            '[' | '{' => {
                depth += 1;
                if depth == 1 {
                    expect = true;
                }
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            ',' if depth == 1 => expect = true,
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_list_rows_keep_their_lines() {
        let text = "[\n  {\"a\": \"x,[y\"},\n\n  {\"a\": [1, 2]}\n]\n";
        let rows = parse_rows("f.json", text).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].line, rows[1].line), (2, 4));
    }

    #[test]
    fn jsonl_rows_and_syntax_errors_name_the_line() {
        let rows = parse_rows("f.jsonl", "{\"a\":1}\n\n{\"a\":2}\n").unwrap();
        assert_eq!((rows[0].line, rows[1].line), (1, 3));
        let err = parse_rows("f.jsonl", "{\"a\":1}\n{oops\n").unwrap_err();
        assert!(
            err.to_string().starts_with("f.jsonl:2: not valid JSON"),
            "{err}"
        );
    }
}
