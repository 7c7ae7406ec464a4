//! Reading samples from HF-style rows and writing results as rows (JSONL).
//!
//! A row is a JSON object. [`FieldMap`] says which column feeds which [`Sample`] field; by
//! default it recognises the usual dataset names:
//!
//! | sample field | columns tried, in order |
//! |---|---|
//! | `prompt` | `prompt`, `question`, `problem`, `query`, `instruction` (text or chat messages) |
//! | `completion` | `completion`, `response`, `output`, `generation`, `answer_text` (text, or chat messages: the last assistant message) |
//! | `reference` | `reference`, `answer`, `solution`, `ground_truth`, `gold`, `label`, `target`, `reward_model.ground_truth` (verl) |
//! | `group` | `group`, `group_id`, `prompt_id`, `uid` |
//! | `id` | `id`, `idx`, `index` |
//! | `steps`, `scores` | `steps`, `scores` |
//!
//! A row with `messages` (chat) and no completion column takes the model's last turn as the
//! completion and the messages before it as the prompt (see [`split_conversation`]). Every
//! other column is kept in `metadata`, so reward functions such as `field` can read it.
//!
//! Chat messages come in the OpenAI shapes ([`Message`]): `content` as text, `null` (an
//! assistant message that only calls tools) or content parts (`{type: text|image_url|...}`:
//! text parts read, the others kept), `tool_calls`, `tool` results. The completion text that
//! reward functions see is the final assistant message's text ([`CompletionTurn`]): tool calls
//! are not rendered into it (their JSON arguments would be read as the answer), they are kept
//! in `metadata.tool_calls`, and non-text parts of the completion in `metadata.content_parts`.
//!
//! [`FieldMap::explode_json`] reads a row holding several completions of one prompt (verl's
//! `responses` list) as one sample per completion.
//!
//! ```
//! use rewardkit_core::io::FieldMap;
//! let map = FieldMap::default();
//! let s = map.sample_from_json(r#"{"question": "2+2?", "response": "4", "answer": 4, "rm": 0.5}"#).unwrap();
//! assert_eq!(s.completion, "4");
//! assert_eq!(s.number("rm"), Some(0.5));
//! assert_eq!(s.reference.unwrap().texts(), vec!["4"]);
//! ```

use crate::{Message, Prompt, Reference, Sample, Step};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Which columns feed which sample fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMap {
    /// Columns tried for the prompt.
    pub prompt: Vec<String>,
    /// Columns tried for the completion.
    pub completion: Vec<String>,
    /// Columns tried for the reference.
    pub reference: Vec<String>,
    /// Columns tried for the group.
    pub group: Vec<String>,
    /// Columns tried for the id.
    pub id: Vec<String>,
    /// Column holding chat messages.
    pub messages: Vec<String>,
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

impl Default for FieldMap {
    fn default() -> Self {
        FieldMap {
            prompt: strings(&["prompt", "question", "problem", "query", "instruction"]),
            completion: strings(&["completion", "response", "output", "generation"]),
            reference: strings(&[
                "reference",
                "answer",
                "solution",
                "ground_truth",
                "gold",
                "label",
                "target",
                "reward_model.ground_truth",
            ]),
            group: strings(&["group", "group_id", "prompt_id", "uid"]),
            id: strings(&["id", "idx", "index"]),
            messages: strings(&["messages"]),
        }
    }
}

impl FieldMap {
    /// Sets the column for one field from a `field=column` option, e.g. `reference=gt`.
    /// Fields: `prompt`, `completion`, `reference`, `group`, `id`, `messages`.
    pub fn set(&mut self, assignment: &str) -> Result<(), String> {
        let (field, column) = assignment
            .split_once('=')
            .ok_or_else(|| format!("expected FIELD=COLUMN, got `{assignment}`"))?;
        let column = column.trim();
        if column.is_empty() {
            return Err(format!("empty column name in `{assignment}`"));
        }
        let slot = match field.trim() {
            "prompt" => &mut self.prompt,
            "completion" => &mut self.completion,
            "reference" => &mut self.reference,
            "group" => &mut self.group,
            "id" => &mut self.id,
            "messages" => &mut self.messages,
            other => {
                return Err(format!(
                "unknown field `{other}`; expected prompt, completion, reference, group, id or messages"
            ))
            }
        };
        *slot = vec![column.to_string()];
        Ok(())
    }

    /// Parses one JSON line into a sample.
    pub fn sample_from_json(&self, line: &str) -> Result<Sample, String> {
        self.sample_from_map(object_from_json(line)?)
    }

    /// Builds a sample from one row.
    pub fn sample_from_map(&self, mut row: Map<String, Value>) -> Result<Sample, String> {
        let mut s = Sample::default();
        if let Some((col, v)) = take_first(&mut row, &self.id) {
            match v {
                Value::String(_) | Value::Number(_) => s.id = Some(v),
                Value::Null => {}
                _ => return Err(format!("column `{col}`: expected a string or number id")),
            }
        }
        if let Some((col, v)) = take_first(&mut row, &self.prompt) {
            s.prompt = Some(prompt_from(v).map_err(|e| format!("column `{col}`: {e}"))?);
        }
        let turn = match take_first(&mut row, &self.completion) {
            Some((col, v)) => {
                CompletionTurn::from_value(v).map_err(|e| format!("column `{col}`: {e}"))?
            }
            None => {
                if let Some((col, v)) = take_first(&mut row, &self.messages) {
                    let msgs = messages_from(v).map_err(|e| format!("column `{col}`: {e}"))?;
                    let Some((prompt, turn)) = split_conversation(msgs) else {
                        return Err(format!("column `{col}`: no assistant message to score"));
                    };
                    if s.prompt.is_none() {
                        s.prompt = Some(Prompt::Messages(prompt));
                    }
                    CompletionTurn::from_messages(&turn)
                } else {
                    return Err(format!(
                        "no completion: expected one of the columns {} (or chat `messages`); use --field completion=COLUMN",
                        self.completion.join(", ")
                    ));
                }
            }
        };
        if let Some((_, v)) = take_first(&mut row, &self.reference) {
            if !v.is_null() {
                s.reference = Some(Reference::from_value(v));
            }
        }
        if let Some((col, v)) = take_first(&mut row, &self.group) {
            s.group = match v {
                Value::String(g) => Some(g),
                Value::Number(n) => Some(n.to_string()),
                Value::Null => None,
                _ => return Err(format!("column `{col}`: expected a string or number group")),
            };
        }
        if let Some(v) = row.remove("steps") {
            if !v.is_null() {
                let steps: Vec<Step> = serde_json::from_value(v).map_err(|e| {
                    format!(
                        "column `steps`: expected a list of numbers, texts or {{text, score}}: {e}"
                    )
                })?;
                s.steps = Some(steps);
            }
        }
        if let Some(v) = row.remove("scores") {
            if !v.is_null() {
                let scores: BTreeMap<String, f64> = serde_json::from_value(v)
                    .map_err(|e| format!("column `scores`: expected an object of numbers: {e}"))?;
                s.scores = scores;
            }
        }
        s.metadata = row;
        turn.apply(&mut s);
        Ok(s)
    }

    /// Parses one JSON line whose list column `field` holds several completions of one
    /// prompt (verl's `responses`): one sample per element, each from a copy of the row in
    /// which the element takes the list's place. The outer error is the row's (not JSON, no
    /// such column, not a non-empty list); an element that cannot be read is an inner error
    /// naming its position.
    ///
    /// ```
    /// use rewardkit_core::io::FieldMap;
    /// let mut map = FieldMap::default();
    /// map.set("completion=responses").unwrap();
    /// let row = r#"{"prompt": "2+2?", "responses": ["4", "5", 6], "answer": "4"}"#;
    /// let samples = map.explode_json(row, "responses").unwrap();
    /// assert_eq!(samples[1].as_ref().unwrap().completion, "5");
    /// assert!(samples[2].as_ref().unwrap_err().contains("responses[2]"));
    /// ```
    pub fn explode_json(
        &self,
        line: &str,
        field: &str,
    ) -> Result<Vec<Result<Sample, String>>, String> {
        let mut row = object_from_json(line)?;
        let items = match row.remove(field) {
            Some(Value::Array(items)) if !items.is_empty() => items,
            Some(Value::Array(_)) => {
                return Err(format!("column `{field}`: an empty list, nothing to score"))
            }
            Some(_) => return Err(format!("column `{field}`: expected a list to explode")),
            None => return Err(format!("no column `{field}` to explode")),
        };
        Ok(items
            .into_iter()
            .enumerate()
            .map(|(i, item)| {
                let mut r = row.clone();
                r.insert(field.to_string(), item);
                self.sample_from_map(r).map_err(|e| {
                    let col = format!("column `{field}`");
                    if e.contains(&col) {
                        e.replacen(&col, &format!("column `{field}[{i}]`"), 1)
                    } else {
                        format!("{field}[{i}]: {e}")
                    }
                })
            })
            .collect())
    }
}

/// Parses one JSON line that must be an object.
fn object_from_json(line: &str) -> Result<Map<String, Value>, String> {
    let v: Value = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    match v {
        Value::Object(m) => Ok(m),
        other => Err(format!(
            "expected a JSON object per line, found {}",
            match other {
                Value::Array(_) => "an array",
                Value::String(_) => "a string",
                Value::Number(_) => "a number",
                Value::Bool(_) => "a boolean",
                _ => "null",
            }
        )),
    }
}

/// The metadata key under which a completion's tool calls are kept.
pub const TOOL_CALLS_KEY: &str = "tool_calls";
/// The metadata key under which a completion's non-text content parts are kept.
pub const CONTENT_PARTS_KEY: &str = "content_parts";

/// The model's turn, as reward functions see it: the completion text is the text of the last
/// assistant message (the final answer; a message that only calls tools has none), and the
/// turn's tool calls and non-text content parts are kept apart, in `metadata`
/// ([`TOOL_CALLS_KEY`], [`CONTENT_PARTS_KEY`]), never rendered into the text: a tool call's
/// JSON arguments would otherwise be read as the answer (the last number) or break a format
/// check anchored at the end of the completion.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CompletionTurn {
    /// The completion text.
    pub text: String,
    /// The tool calls of the turn's messages, in order.
    pub tool_calls: Vec<Value>,
    /// The non-text content parts of the turn's messages, in order.
    pub parts: Vec<Value>,
}

impl CompletionTurn {
    /// A completion column's value: text, `null` (empty), chat messages (TRL's conversational
    /// completions, tool calls and tool results included: the last assistant message, else
    /// the last message) or one message object.
    pub fn from_value(v: Value) -> Result<Self, String> {
        match v {
            Value::String(text) => Ok(CompletionTurn {
                text,
                ..Default::default()
            }),
            Value::Null => Ok(CompletionTurn::default()),
            Value::Array(_) => {
                let msgs = messages_from(v)?;
                if msgs.is_empty() {
                    return Err("empty list of messages".into());
                }
                Ok(CompletionTurn::from_messages(&msgs))
            }
            Value::Object(_) => Ok(CompletionTurn::from_messages(&[Message::from_value(v)?])),
            _ => Err("expected text or chat messages".into()),
        }
    }

    /// The turn of these messages: the last assistant message's text (else the last
    /// message's), every message's tool calls and non-text parts.
    pub fn from_messages(msgs: &[Message]) -> Self {
        let last = msgs
            .iter()
            .rev()
            .find(|m| m.role == "assistant")
            .or(msgs.last());
        CompletionTurn {
            text: last.map(|m| m.content.clone()).unwrap_or_default(),
            tool_calls: msgs
                .iter()
                .flat_map(|m| m.tool_calls.iter().flatten().cloned())
                .collect(),
            parts: msgs.iter().flat_map(|m| m.parts.iter().cloned()).collect(),
        }
    }

    /// Sets the sample's completion and keeps the tool calls and parts in its metadata (a
    /// column of the same name, if the row has one, is left as it is).
    pub fn apply(self, s: &mut Sample) {
        s.completion = self.text;
        for (key, list) in [
            (TOOL_CALLS_KEY, self.tool_calls),
            (CONTENT_PARTS_KEY, self.parts),
        ] {
            if !list.is_empty() && !s.metadata.contains_key(key) {
                s.metadata.insert(key.into(), Value::Array(list));
            }
        }
    }
}

/// Splits a conversation into the prompt and the model's last turn: the last assistant
/// message, with the tool-call exchange that led to it (assistant messages with tool calls
/// and `tool` results, walking back), so that every rollout of one prompt has the same prompt.
/// `None` without an assistant message.
///
/// ```
/// use rewardkit_core::{io::split_conversation, Message};
/// let mut call = Message::new("assistant", "");
/// call.tool_calls = Some(vec![serde_json::json!({"function": {"name": "calc"}})]);
/// let msgs = vec![Message::new("user", "6*7?"), call, Message::new("tool", "42"),
///                 Message::new("assistant", "It is 42.")];
/// let (prompt, turn) = split_conversation(msgs).unwrap();
/// assert_eq!(prompt.len(), 1);
/// assert_eq!(turn.len(), 3);
/// ```
pub fn split_conversation(mut msgs: Vec<Message>) -> Option<(Vec<Message>, Vec<Message>)> {
    let last = msgs.iter().rposition(|m| m.role == "assistant")?;
    let mut start = last;
    while start > 0 && {
        let m = &msgs[start - 1];
        matches!(m.role.as_str(), "tool" | "function" | "ipython")
            || (m.role == "assistant" && m.tool_calls.is_some())
    } {
        start -= 1;
    }
    msgs.truncate(last + 1);
    let turn = msgs.split_off(start);
    Some((msgs, turn))
}

/// Removes and returns the first present column of `names` (dotted names walk into objects).
fn take_first(row: &mut Map<String, Value>, names: &[String]) -> Option<(String, Value)> {
    for n in names {
        if let Some(v) = row.remove(n) {
            return Some((n.clone(), v));
        }
        if let Some((head, rest)) = n.split_once('.') {
            if let Some(Value::Object(inner)) = row.get_mut(head) {
                if let Some(v) = inner.remove(rest) {
                    return Some((n.clone(), v));
                }
            }
        }
    }
    None
}

fn messages_from(v: Value) -> Result<Vec<Message>, String> {
    let Value::Array(items) = v else {
        return Err("expected chat messages [{role, content}, ...]".into());
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, m)| Message::from_value(m).map_err(|e| format!("message {i}: {e}")))
        .collect()
}

fn prompt_from(v: Value) -> Result<Prompt, String> {
    match v {
        Value::String(s) => Ok(Prompt::Text(s)),
        Value::Array(_) => messages_from(v).map(Prompt::Messages),
        Value::Null => Ok(Prompt::Text(String::new())),
        _ => Err("expected text or chat messages".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chat_messages_split_into_prompt_and_completion() {
        let m = FieldMap::default();
        let s = m
            .sample_from_json(r#"{"messages": [{"role":"user","content":"hi"},{"role":"assistant","content":"hello"}], "solution": "x"}"#)
            .unwrap();
        assert_eq!(s.completion, "hello");
        assert_eq!(s.prompt.unwrap().text(), "hi");
    }

    #[test]
    fn verl_ground_truth_and_mapping_option() {
        let mut m = FieldMap::default();
        let s = m
            .sample_from_json(
                r#"{"response": "r", "reward_model": {"style": "rule", "ground_truth": "42"}}"#,
            )
            .unwrap();
        assert_eq!(s.reference.unwrap().texts(), vec!["42"]);
        m.set("completion=text").unwrap();
        assert!(m
            .sample_from_json(r#"{"response": "r"}"#)
            .unwrap_err()
            .contains("no completion"));
        assert_eq!(
            m.sample_from_json(r#"{"text": "t"}"#).unwrap().completion,
            "t"
        );
        assert!(m.set("bogus=x").is_err());
        assert!(m.set("noequals").is_err());
    }

    /// A tool-using conversation: user, assistant tool call (no content), tool result, answer.
    fn tool_conversation(result: &str) -> Value {
        serde_json::json!([
            {"role": "system", "content": "Use tools."},
            {"role": "user", "content": "6*7?"},
            {"role": "assistant", "content": null, "tool_calls": [
                {"id": "c1", "type": "function", "function": {"name": "calc", "arguments": "{\"x\": 99}"}}]},
            {"role": "tool", "tool_call_id": "c1", "content": result},
            {"role": "assistant", "content": [{"type": "text", "text": "It is 42."}]}
        ])
    }

    #[test]
    fn tool_calls_are_kept_apart_from_the_completion_text() {
        let m = FieldMap::default();
        let row = serde_json::json!({"messages": tool_conversation("42"), "answer": "42"});
        let s = m.sample_from_json(&row.to_string()).unwrap();
        assert_eq!(s.completion, "It is 42.");
        // The prompt stops before the model's turn: every rollout of the prompt has the same
        // one, whatever its tools answered.
        let Some(Prompt::Messages(p)) = &s.prompt else {
            panic!("chat prompt expected")
        };
        assert_eq!(p.len(), 2);
        let other = serde_json::json!({"messages": tool_conversation("41")});
        let t = m.sample_from_json(&other.to_string()).unwrap();
        assert_eq!(s.group_key(), t.group_key());
        assert_eq!(
            s.lookup("tool_calls.0.function.name"),
            Some(&Value::from("calc"))
        );
        // A row's own `tool_calls` column is not overwritten.
        let row = serde_json::json!({"messages": tool_conversation("42"), "tool_calls": 3});
        let s = m.sample_from_json(&row.to_string()).unwrap();
        assert_eq!(s.number("tool_calls"), Some(3.0));
    }

    #[test]
    fn conversational_completions_and_content_parts() {
        let m = FieldMap::default();
        let row = serde_json::json!({
            "prompt": [{"role": "user", "content": [
                {"type": "image_url", "image_url": {"url": "a.png"}}, {"type": "text", "text": "Count."}]}],
            "completion": [{"role": "assistant", "content": [
                {"type": "text", "text": "3"}, {"type": "input_audio", "input_audio": {"data": "..."}}]}],
        });
        let s = m.sample_from_json(&row.to_string()).unwrap();
        assert_eq!(s.completion, "3");
        assert_eq!(s.prompt.as_ref().unwrap().text(), "Count.");
        let Some(Prompt::Messages(p)) = &s.prompt else {
            panic!("chat prompt expected")
        };
        assert_eq!(p[0].parts[0]["type"], "image_url");
        assert_eq!(
            s.lookup("content_parts.0.type"),
            Some(&Value::from("input_audio"))
        );
        // One message object as the completion.
        let s = m
            .sample_from_json(r#"{"completion": {"role": "assistant", "content": null}}"#)
            .unwrap();
        assert_eq!(s.completion, "");
        // Broken shapes still say what is wrong, and where.
        let e = m
            .sample_from_json(r#"{"messages": [{"role": "user", "content": [{"type": "text"}]}]}"#)
            .unwrap_err();
        assert!(
            e.contains("column `messages`: message 0: content[0]"),
            "{e}"
        );
        let e = m
            .sample_from_json(r#"{"completion": [{"content": "x"}]}"#)
            .unwrap_err();
        assert!(e.contains("missing `role`"), "{e}");
    }

    #[test]
    fn the_json_sample_takes_messages_and_tool_calls_too() {
        let v = serde_json::json!({
            "prompt": [{"role": "user", "content": "6*7?"}],
            "completion": tool_conversation("42").as_array().unwrap()[2..].to_vec(),
            "reference": "42",
        });
        let s: Sample = serde_json::from_value(v).unwrap();
        assert_eq!(s.completion, "It is 42.");
        assert_eq!(s.metadata["tool_calls"][0]["id"], "c1");
        // Round trip: the serialised sample reads back equal.
        let again: Sample = serde_json::from_value(serde_json::to_value(&s).unwrap()).unwrap();
        assert_eq!(again, s);
        let bad = serde_json::json!({"completion": "x", "bogus": 1});
        assert!(serde_json::from_value::<Sample>(bad).is_err());
    }

    #[test]
    fn bad_rows_say_what_was_expected() {
        let m = FieldMap::default();
        assert!(m
            .sample_from_json("[1]")
            .unwrap_err()
            .contains("JSON object"));
        assert!(m
            .sample_from_json("{")
            .unwrap_err()
            .contains("invalid JSON"));
        assert!(m
            .sample_from_json(r#"{"completion": 3}"#)
            .unwrap_err()
            .contains("column `completion`"));
        assert!(m
            .sample_from_json(r#"{"completion": "a", "scores": {"x": "y"}}"#)
            .unwrap_err()
            .contains("scores"));
    }
}
