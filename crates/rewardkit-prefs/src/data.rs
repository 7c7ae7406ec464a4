//! Reading preference data: pairs (plain, chat lists, hh-rlhf transcripts) and ratings, from
//! JSONL files, gzip-compressed when the name ends in `.gz`.
//!
//! | layout | fields of one row |
//! |---|---|
//! | pairwise | `prompt` (text or chat list), `chosen`, `rejected` (text or chat list), optional `margin` (number), optional `user` |
//! | hh-rlhf | `chosen`, `rejected`: whole dialogues; the shared prefix up to the last `\n\nAssistant:` is the prompt |
//! | chat pairs without `prompt` | `chosen`, `rejected`: message lists; the shared leading messages are the prompt |
//! | ratings | `prompt`, `response`, and one number per attribute (`helpfulness`, ...), optional `user` |
//!
//! A chat list is `[{"role": "user", "content": "..."}, ...]`; it is rendered as
//! `\n\nUser: ...\n\nAssistant: ...` (the hh-rlhf convention) so that both layouts give the same
//! texts. Every error names the file, the line and the field.
//!
//! ```
//! let dir = tempfile::tempdir()?;
//! let path = dir.path().join("pairs.jsonl");
//! std::fs::write(&path, concat!(
//!     r#"{"prompt": "2+2?", "chosen": "4", "rejected": "5", "margin": 1}"#, "\n",
//!     r#"{"chosen": "\n\nHuman: hi\n\nAssistant: hello!", "rejected": "\n\nHuman: hi\n\nAssistant: go away"}"#, "\n",
//! ))?;
//! let data = rewardkit_prefs::data::read(&path)?;
//! let pairs = data.pairs().unwrap();
//! assert_eq!(pairs[0].margin, Some(1.0));
//! assert_eq!(pairs[1].prompt, "\n\nHuman: hi\n\nAssistant:");
//! assert_eq!(pairs[1].chosen, " hello!");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::{Error, Result};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// One preference: `chosen` was preferred to `rejected` as an answer to `prompt`.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// The prompt text (empty when there is none).
    pub prompt: String,
    /// The preferred response.
    pub chosen: String,
    /// The other response.
    pub rejected: String,
    /// The strength of the preference (`margin` of margin BT, `m` of scaled BT), if given.
    pub margin: Option<f64>,
    /// The annotator, if given (VPL).
    pub user: Option<String>,
}

/// One rated response.
#[derive(Debug, Clone, PartialEq)]
pub struct Rating {
    /// The prompt text (empty when there is none).
    pub prompt: String,
    /// The response.
    pub response: String,
    /// The attribute scores, by name.
    pub scores: BTreeMap<String, f64>,
    /// The annotator, if given.
    pub user: Option<String>,
}

/// A data file: pairs or ratings.
#[derive(Debug, Clone, PartialEq)]
pub enum Dataset {
    /// Pairwise preferences.
    Pairs(Vec<Pair>),
    /// Rated responses.
    Ratings(Vec<Rating>),
}

impl Dataset {
    /// The pairs, if this is a pairwise data set.
    pub fn pairs(&self) -> Option<&[Pair]> {
        match self {
            Dataset::Pairs(p) => Some(p),
            Dataset::Ratings(_) => None,
        }
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        match self {
            Dataset::Pairs(p) => p.len(),
            Dataset::Ratings(r) => r.len(),
        }
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Reads the whole file as bytes (decompressed when the name ends in `.gz`).
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut out = Vec::new();
    if path.extension().is_some_and(|e| e == "gz") {
        flate2::read::MultiGzDecoder::new(file)
            .read_to_end(&mut out)
            .map_err(|e| Error::io(path, e))?;
    } else {
        BufReader::new(file)
            .read_to_end(&mut out)
            .map_err(|e| Error::io(path, e))?;
    }
    Ok(out)
}

/// Reads a JSONL data file of pairs or ratings.
pub fn read(path: &Path) -> Result<Dataset> {
    let bytes = read_bytes(path)?;
    parse(&bytes, &path.display().to_string())
}

/// Parses JSONL text; `file` names it in errors.
pub fn parse(bytes: &[u8], file: &str) -> Result<Dataset> {
    let mut pairs = Vec::new();
    let mut ratings = Vec::new();
    let err = |line: u64, field: &str, message: String| Error::Data {
        file: file.to_string(),
        line,
        field: field.to_string(),
        message,
    };
    for (i, line) in bytes.lines().enumerate() {
        let n = i as u64 + 1;
        let line = line.map_err(|e| err(n, ".", format!("not UTF-8 text ({e})")))?;
        let line = line.trim_start_matches('\u{feff}');
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(line)
            .map_err(|e| err(n, ".", format!("not a JSON object: {e}")))?;
        let Value::Object(row) = v else {
            return Err(err(n, ".", "expected a JSON object".into()));
        };
        if row.contains_key("chosen") || row.contains_key("rejected") {
            if !ratings.is_empty() {
                return Err(err(n, ".", "a pair in a file of ratings".into()));
            }
            pairs.push(pair(&row).map_err(|(f, m)| err(n, &f, m))?);
        } else if row.contains_key("response") {
            if !pairs.is_empty() {
                return Err(err(n, ".", "a rating in a file of pairs".into()));
            }
            ratings.push(rating(&row).map_err(|(f, m)| err(n, &f, m))?);
        } else {
            return Err(err(
                n,
                ".",
                "expected `chosen` and `rejected` (a pair) or `response` (a rating)".into(),
            ));
        }
    }
    if pairs.is_empty() && ratings.is_empty() {
        return Err(Error::Dataset {
            file: file.into(),
            message: "no rows".into(),
        });
    }
    Ok(if ratings.is_empty() {
        Dataset::Pairs(pairs)
    } else {
        Dataset::Ratings(ratings)
    })
}

type FieldError = (String, String);

/// Renders chat messages hh-rlhf style: `\n\nUser: ...\n\nAssistant: ...`.
pub fn render_chat(msgs: &[(String, String)]) -> String {
    render_messages(msgs)
}

fn render_messages(msgs: &[(String, String)]) -> String {
    let mut s = String::new();
    for (role, content) in msgs {
        let mut r = role.clone();
        if let Some(f) = r.get_mut(0..1) {
            f.make_ascii_uppercase();
        }
        s.push_str("\n\n");
        s.push_str(&r);
        s.push_str(": ");
        s.push_str(content);
    }
    s
}

fn messages(v: &Value, field: &str) -> Result<Vec<(String, String)>, FieldError> {
    let Value::Array(items) = v else {
        return unreachable_kind(field);
    };
    items
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let f = format!("{field}[{i}]");
            let role = m.get("role").and_then(Value::as_str);
            let content = m.get("content").and_then(Value::as_str);
            match (role, content) {
                (Some(r), Some(c)) => Ok((r.to_string(), c.to_string())),
                _ => Err((
                    f,
                    "expected a message {\"role\": text, \"content\": text}".into(),
                )),
            }
        })
        .collect()
}

fn unreachable_kind<T>(field: &str) -> Result<T, FieldError> {
    Err((field.into(), "expected text or a list of messages".into()))
}

/// Text or chat list → text.
fn text(v: &Value, field: &str) -> Result<String, FieldError> {
    match v {
        Value::String(s) => Ok(s.clone()),
        Value::Array(_) => Ok(render_messages(&messages(v, field)?)),
        _ => unreachable_kind(field),
    }
}

fn number(row: &Map<String, Value>, field: &str) -> Result<Option<f64>, FieldError> {
    match row.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(x)) => match x.as_f64() {
            Some(f) if f.is_finite() => Ok(Some(f)),
            _ => Err((field.into(), "expected a finite number".into())),
        },
        Some(_) => Err((field.into(), "expected a number".into())),
    }
}

fn user(row: &Map<String, Value>) -> Result<Option<String>, FieldError> {
    match row.get("user") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(_) => Err(("user".into(), "expected text or a number".into())),
    }
}

fn pair(row: &Map<String, Value>) -> Result<Pair, FieldError> {
    let get = |f: &str| {
        row.get(f)
            .ok_or_else(|| (f.to_string(), "missing".to_string()))
    };
    let (c, r) = (get("chosen")?, get("rejected")?);
    let margin = number(row, "margin")?;
    let user = user(row)?;
    let (prompt, chosen, rejected) = match row.get("prompt") {
        Some(p) if !p.is_null() => (
            text(p, "prompt")?,
            response(c, "chosen")?,
            response(r, "rejected")?,
        ),
        _ => match (c, r) {
            (Value::String(c), Value::String(r)) => split_transcripts(c, r),
            (Value::Array(_), Value::Array(_)) => {
                let (mc, mr) = (messages(c, "chosen")?, messages(r, "rejected")?);
                let k = mc.iter().zip(&mr).take_while(|(a, b)| a == b).count();
                (
                    render_messages(&mc[..k]),
                    contents(&mc[k..]),
                    contents(&mr[k..]),
                )
            }
            _ => {
                return Err((
                    "rejected".into(),
                    "`chosen` and `rejected` must both be text or both be message lists".into(),
                ))
            }
        },
    };
    Ok(Pair {
        prompt,
        chosen,
        rejected,
        margin,
        user,
    })
}

/// A response given as text, or as messages (their contents joined).
fn response(v: &Value, field: &str) -> Result<String, FieldError> {
    match v {
        Value::String(s) => Ok(s.clone()),
        Value::Array(_) => Ok(contents(&messages(v, field)?)),
        _ => unreachable_kind(field),
    }
}

fn contents(msgs: &[(String, String)]) -> String {
    msgs.iter()
        .map(|(_, c)| c.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// hh-rlhf: the shared prefix up to (and including) the last `\n\nAssistant:` is the prompt.
fn split_transcripts(c: &str, r: &str) -> (String, String, String) {
    const MARK: &str = "\n\nAssistant:";
    let common = c
        .char_indices()
        .zip(r.chars())
        .take_while(|((_, a), b)| a == b)
        .last()
        .map_or(0, |((i, a), _)| i + a.len_utf8());
    match c[..common].rfind(MARK) {
        Some(at) => {
            let cut = at + MARK.len();
            (
                c[..cut].to_string(),
                c[cut..].to_string(),
                r[cut..].to_string(),
            )
        }
        None => (String::new(), c.to_string(), r.to_string()),
    }
}

fn rating(row: &Map<String, Value>) -> Result<Rating, FieldError> {
    let response = text(&row["response"], "response")?;
    let prompt = match row.get("prompt") {
        Some(p) if !p.is_null() => text(p, "prompt")?,
        _ => String::new(),
    };
    let mut scores = BTreeMap::new();
    for (k, v) in row {
        if matches!(k.as_str(), "prompt" | "response" | "user" | "id") {
            continue;
        }
        if v.is_number() {
            if let Some(x) = number(row, k)? {
                scores.insert(k.clone(), x);
            }
        }
    }
    if scores.is_empty() {
        return Err((
            ".".into(),
            "a rating needs at least one numeric attribute (e.g. \"helpfulness\": 3)".into(),
        ));
    }
    Ok(Rating {
        prompt,
        response,
        scores,
        user: user(row)?,
    })
}

/// FNV-1a 64 of the file's bytes as 16 hex digits (recorded in model configs).
pub fn hash_bytes(bytes: &[u8]) -> String {
    format!("{:016x}", crate::rng::fnv1a(bytes, crate::rng::FNV_BASIS))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(line: &str) -> Result<Dataset> {
        parse(line.as_bytes(), "t.jsonl")
    }

    #[test]
    fn layouts() {
        let d = one(r#"{"prompt": [{"role": "user", "content": "hi"}], "chosen": [{"role": "assistant", "content": "hello"}], "rejected": "no", "user": 3}"#).unwrap();
        let p = &d.pairs().unwrap()[0];
        assert_eq!(p.prompt, "\n\nUser: hi");
        assert_eq!(p.chosen, "hello");
        assert_eq!(p.user.as_deref(), Some("3"));
        let d = one(r#"{"chosen": [{"role": "user", "content": "q"}, {"role": "assistant", "content": "a"}], "rejected": [{"role": "user", "content": "q"}, {"role": "assistant", "content": "b"}]}"#).unwrap();
        let p = &d.pairs().unwrap()[0];
        assert_eq!(
            (p.prompt.as_str(), p.chosen.as_str(), p.rejected.as_str()),
            ("\n\nUser: q", "a", "b")
        );
        // hh-rlhf: the prompt ends at the last shared "\n\nAssistant:".
        let d = one(r#"{"chosen": "\n\nHuman: a\n\nAssistant: x\n\nHuman: b\n\nAssistant: yes", "rejected": "\n\nHuman: a\n\nAssistant: x\n\nHuman: b\n\nAssistant: no"}"#).unwrap();
        let p = &d.pairs().unwrap()[0];
        assert!(p.prompt.ends_with("Human: b\n\nAssistant:"));
        assert_eq!((p.chosen.as_str(), p.rejected.as_str()), (" yes", " no"));
        let d = one("{\"response\": \"r\", \"helpfulness\": 3, \"verbosity\": 1.5, \"id\": 4}\n")
            .unwrap();
        let Dataset::Ratings(r) = d else { panic!() };
        assert_eq!(r[0].scores.len(), 2);
    }

    #[test]
    fn errors_name_file_line_field() {
        let e = parse(b"{\"prompt\":\"p\",\"chosen\":\"a\",\"rejected\":\"b\"}\n\n{\"prompt\":\"p\",\"chosen\":\"a\"}\n", "f.jsonl").unwrap_err();
        assert_eq!(e.to_string(), "f.jsonl:3: field `rejected`: missing");
        let e = one(r#"{"prompt":"p","chosen":"a","rejected":"b","margin":"big"}"#).unwrap_err();
        assert!(e.to_string().contains("field `margin`"), "{e}");
        let e = one(r#"{"prompt":"p","chosen":[{"role":"x"}],"rejected":"b"}"#).unwrap_err();
        assert!(e.to_string().contains("field `chosen[0]`"), "{e}");
        let e = one("[1]").unwrap_err();
        assert!(e.to_string().contains("t.jsonl:1"), "{e}");
        assert!(one("\n").is_err());
        let e = one(r#"{"response": "r"}"#).unwrap_err();
        assert!(e.to_string().contains("numeric attribute"), "{e}");
    }

    #[test]
    fn gzip() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("d.jsonl.gz");
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(b"{\"prompt\":\"p\",\"chosen\":\"a\",\"rejected\":\"b\"}\n")
            .unwrap();
        std::fs::write(&p, enc.finish().unwrap()).unwrap();
        assert_eq!(read(&p).unwrap().len(), 1);
    }
}
