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
//! A row with `messages` (chat) and no completion column takes the last assistant message as
//! the completion and the messages before it as the prompt. Every other column is kept in
//! `metadata`, so reward functions such as `field` can read it.
//!
//! ```
//! use rewardkit_core::io::FieldMap;
//! let map = FieldMap::default();
//! let s = map.sample_from_json(r#"{"question": "2+2?", "response": "4", "answer": 4, "rm": 0.5}"#).unwrap();
//! assert_eq!(s.completion, "4");
//! assert_eq!(s.number("rm"), Some(0.5));
//! assert_eq!(s.reference.unwrap().texts(), vec!["4"]);
//! ```

use crate::{Message, Prompt, Reference, RewardOutput, Sample, Step};
use serde::Serialize;
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
        let v: Value = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
        match v {
            Value::Object(m) => self.sample_from_map(m),
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
        match take_first(&mut row, &self.completion) {
            Some((col, v)) => {
                s.completion = completion_from(v).map_err(|e| format!("column `{col}`: {e}"))?
            }
            None => {
                if let Some((col, v)) = take_first(&mut row, &self.messages) {
                    let msgs = messages_from(v).map_err(|e| format!("column `{col}`: {e}"))?;
                    let last_assistant = msgs.iter().rposition(|m| m.role == "assistant");
                    match last_assistant {
                        Some(i) => {
                            s.completion = msgs[i].content.clone();
                            if s.prompt.is_none() {
                                s.prompt = Some(Prompt::Messages(msgs[..i].to_vec()));
                            }
                        }
                        None => {
                            return Err(format!("column `{col}`: no assistant message to score"))
                        }
                    }
                } else {
                    return Err(format!(
                        "no completion: expected one of the columns {} (or chat `messages`); use --field completion=COLUMN",
                        self.completion.join(", ")
                    ));
                }
            }
        }
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
        Ok(s)
    }
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
    serde_json::from_value(v)
        .map_err(|e| format!("expected chat messages [{{role, content}}, ...]: {e}"))
}

fn prompt_from(v: Value) -> Result<Prompt, String> {
    match v {
        Value::String(s) => Ok(Prompt::Text(s)),
        Value::Array(_) => messages_from(v).map(Prompt::Messages),
        Value::Null => Ok(Prompt::Text(String::new())),
        _ => Err("expected text or chat messages".into()),
    }
}

fn completion_from(v: Value) -> Result<String, String> {
    match v {
        Value::String(s) => Ok(s),
        Value::Array(_) => {
            let msgs = messages_from(v)?;
            msgs.iter()
                .rev()
                .find(|m| m.role == "assistant")
                .or(msgs.last())
                .map(|m| m.content.clone())
                .ok_or_else(|| "empty list of messages".into())
        }
        Value::Null => Ok(String::new()),
        _ => Err("expected text or chat messages".into()),
    }
}

/// One output row of `rewardkit score`.
#[derive(Debug, Serialize)]
pub struct OutputRow<'a> {
    /// 0-based index of the input row.
    pub index: u64,
    /// The input's id, echoed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a Value>,
    /// The reward (`null` when the pipeline abstained or the row was unreadable).
    pub reward: Option<f64>,
    /// Named sub-rewards.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub components: &'a BTreeMap<String, Option<f64>>,
    /// Per-step rewards.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub steps: Option<&'a Vec<f64>>,
    /// Why.
    pub info: &'a crate::Info,
}

impl<'a> OutputRow<'a> {
    /// The row for one scored sample.
    pub fn new(index: u64, sample: Option<&'a Sample>, out: &'a RewardOutput) -> Self {
        OutputRow {
            index,
            id: sample.and_then(|s| s.id.as_ref()),
            reward: out.value.filter(|v| v.is_finite()),
            components: &out.components,
            steps: out.steps.as_ref(),
            info: &out.info,
        }
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
