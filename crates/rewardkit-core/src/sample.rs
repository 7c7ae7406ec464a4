//! The input of a reward function: one [`Sample`].

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// One chat message, in the OpenAI shapes that datasets and rollout dumps use.
///
/// `content` is read from text, `null` (an assistant message that only calls tools) or a list
/// of content parts: text parts (`{"type": "text", "text": ...}`, `input_text`,
/// `output_text`, or plain strings) are joined into [`Message::content`], every other part
/// (`image_url`, `input_audio`, ...) is kept in [`Message::parts`]. `tool_calls` is kept as
/// given, and so is every other field (`tool_call_id`, `name`, ...) in [`Message::extra`].
///
/// ```
/// use rewardkit_core::Message;
/// let m: Message = serde_json::from_str(r#"{"role": "assistant", "content": null,
///     "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "calc", "arguments": "{}"}}]}"#).unwrap();
/// assert_eq!(m.content, "");
/// assert_eq!(m.tool_calls.unwrap()[0]["function"]["name"], "calc");
/// let m: Message = serde_json::from_str(r#"{"role": "user", "content": [
///     {"type": "image_url", "image_url": {"url": "x.png"}}, {"type": "text", "text": "What is shown?"}]}"#).unwrap();
/// assert_eq!(m.content, "What is shown?");
/// assert_eq!(m.parts[0]["type"], "image_url");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Message {
    /// `system`, `user`, `assistant`, `tool`, ...
    pub role: String,
    /// The text of the message (its text parts, joined).
    #[serde(default)]
    pub content: String,
    /// The tool calls of an assistant message (`[{id, type, function: {name, arguments}}]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_calls: Option<Vec<Value>>,
    /// The content parts that are not text (images, audio, files, ...), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Value>,
    /// Every other field of the message (`tool_call_id`, `name`, ...).
    #[serde(flatten)]
    #[schemars(with = "BTreeMap<String, Value>")]
    pub extra: Map<String, Value>,
}

impl Message {
    /// A text message.
    pub fn new(role: impl Into<String>, content: impl Into<String>) -> Self {
        Message {
            role: role.into(),
            content: content.into(),
            ..Message::default()
        }
    }

    /// Reads a message from its JSON form (see [`Message`]); the error says what is wrong.
    pub fn from_value(v: Value) -> Result<Self, String> {
        let Value::Object(mut m) = v else {
            return Err("a chat message must be an object {role, content}".into());
        };
        let role = match m.remove("role") {
            Some(Value::String(r)) => r,
            Some(_) => return Err("`role` must be a string".into()),
            None => return Err("missing `role`".into()),
        };
        let mut msg = Message::new(role, "");
        match m.remove("content") {
            None | Some(Value::Null) => {}
            Some(Value::String(t)) => msg.content = t,
            Some(Value::Array(parts)) => {
                for (i, p) in parts.into_iter().enumerate() {
                    match p {
                        Value::String(t) => msg.content.push_str(&t),
                        Value::Object(o) => {
                            let ty = o.get("type").and_then(Value::as_str);
                            if matches!(ty, None | Some("text" | "input_text" | "output_text")) {
                                match o.get("text") {
                                    Some(Value::String(t)) => msg.content.push_str(t),
                                    _ => {
                                        return Err(format!(
                                            "content[{i}]: a text part needs a string `text`"
                                        ))
                                    }
                                }
                            } else {
                                msg.parts.push(Value::Object(o));
                            }
                        }
                        _ => {
                            return Err(format!(
                                "content[{i}]: expected a content part {{type, ...}} or text"
                            ))
                        }
                    }
                }
            }
            Some(_) => return Err("`content` must be text, null or a list of content parts".into()),
        }
        match m.remove("tool_calls") {
            None | Some(Value::Null) => {}
            Some(Value::Array(calls)) => msg.tool_calls = Some(calls),
            Some(_) => return Err("`tool_calls` must be a list".into()),
        }
        if let Some(parts) = m.remove("parts") {
            match parts {
                Value::Array(p) => msg.parts.extend(p),
                Value::Null => {}
                other => msg.parts.push(other),
            }
        }
        msg.extra = m;
        Ok(msg)
    }
}

impl<'de> Deserialize<'de> for Message {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Message::from_value(Value::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// A prompt: plain text or chat messages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum Prompt {
    /// Plain text.
    Text(String),
    /// Chat messages, in order.
    Messages(Vec<Message>),
}

impl Prompt {
    /// The prompt as one text: plain text as is, chat messages joined by newlines.
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Prompt::Text(s) => s.as_str().into(),
            Prompt::Messages(m) => m
                .iter()
                .map(|m| m.content.as_str())
                .collect::<Vec<_>>()
                .join("\n")
                .into(),
        }
    }
}

/// The ground truth of a sample.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum Reference {
    /// One reference text (a number is read as its text).
    Text(String),
    /// Several acceptable references.
    List(Vec<String>),
    /// Anything else (kept for functions that read structured references).
    Other(Value),
}

impl Reference {
    /// Builds a reference from a JSON value: strings and numbers become text, arrays of
    /// strings/numbers become lists, anything else is kept as is.
    pub fn from_value(v: Value) -> Self {
        fn scalar(v: &Value) -> Option<String> {
            match v {
                Value::String(s) => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                Value::Bool(b) => Some(b.to_string()),
                _ => None,
            }
        }
        if let Some(s) = scalar(&v) {
            return Reference::Text(s);
        }
        if let Value::Array(items) = &v {
            if let Some(list) = items.iter().map(scalar).collect::<Option<Vec<_>>>() {
                return Reference::List(list);
            }
        }
        Reference::Other(v)
    }

    /// The acceptable reference texts (empty for structured references).
    pub fn texts(&self) -> Vec<&str> {
        match self {
            Reference::Text(s) => vec![s.as_str()],
            Reference::List(l) => l.iter().map(String::as_str).collect(),
            Reference::Other(_) => Vec::new(),
        }
    }
}

/// One step of a multi-step solution, for process rewards.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum Step {
    /// A precomputed step score (e.g. a PRM score in [0, 1]).
    Score(f64),
    /// The step's text.
    Text(String),
    /// Both.
    Full {
        /// The step's text.
        #[serde(default)]
        text: String,
        /// The step's score, if known.
        #[serde(default)]
        score: Option<f64>,
    },
}

impl Step {
    /// The step's score, if it has one.
    pub fn score(&self) -> Option<f64> {
        match self {
            Step::Score(s) => Some(*s),
            Step::Full { score, .. } => *score,
            Step::Text(_) => None,
        }
    }
}

/// One sample to score: a completion for a prompt, with what is needed to judge it.
///
/// ```
/// use rewardkit_core::Sample;
/// let s = Sample::new("The answer is 4.").with_reference("4").with_group("q1");
/// assert_eq!(s.reference.unwrap().texts(), vec!["4"]);
/// ```
///
/// Its JSON form (the `/v1/score` request) takes `completion` as text or as chat messages, as
/// rows do (see [`crate::io`]): the last assistant message's text, with the turn's tool calls
/// and non-text parts kept in `metadata`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, try_from = "SampleWire")]
pub struct Sample {
    /// Optional id, echoed back in the output.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Value>,
    /// The prompt (text or chat messages).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<Prompt>,
    /// The completion (response) to score.
    #[serde(default)]
    pub completion: String,
    /// The ground truth.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<Reference>,
    /// Group (prompt) id for group-wise transforms such as GRPO normalisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Per-step texts or scores, for process rewards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steps: Option<Vec<Step>>,
    /// Named precomputed scores (e.g. from a reward model).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub scores: BTreeMap<String, f64>,
    /// Anything else.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    #[schemars(with = "BTreeMap<String, Value>")]
    pub metadata: Map<String, Value>,
}

/// The JSON form of a [`Sample`]: the same fields, with a completion that may be messages.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleWire {
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    prompt: Option<Prompt>,
    #[serde(default)]
    completion: Value,
    #[serde(default)]
    reference: Option<Reference>,
    #[serde(default)]
    group: Option<String>,
    #[serde(default)]
    steps: Option<Vec<Step>>,
    #[serde(default)]
    scores: BTreeMap<String, f64>,
    #[serde(default)]
    metadata: Map<String, Value>,
}

impl TryFrom<SampleWire> for Sample {
    type Error = String;

    fn try_from(w: SampleWire) -> Result<Self, String> {
        let turn = crate::io::CompletionTurn::from_value(w.completion)
            .map_err(|e| format!("completion: {e}"))?;
        let mut s = Sample {
            id: w.id,
            prompt: w.prompt,
            completion: String::new(),
            reference: w.reference,
            group: w.group,
            steps: w.steps,
            scores: w.scores,
            metadata: w.metadata,
        };
        turn.apply(&mut s);
        Ok(s)
    }
}

/// What makes samples one group (see [`Sample::group_key`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum GroupKey<'a> {
    /// The sample's `group` field.
    Group(&'a str),
    /// Its prompt text, for a sample without a `group`.
    Prompt(std::borrow::Cow<'a, str>),
}

impl Sample {
    /// The one definition of "which group a sample is in", used by group-wise nodes and by
    /// every reader that streams samples in chunks: the `group` field; without one, the prompt
    /// text (chat messages joined by newlines); without a prompt, `None` (a group of its own).
    /// A `group` and a prompt text are never the same key, even when the texts are equal.
    ///
    /// ```
    /// use rewardkit_core::{GroupKey, Sample};
    /// let s = Sample::new("4").with_prompt("2+2?");
    /// assert_eq!(s.group_key(), Some(GroupKey::Prompt("2+2?".into())));
    /// assert_eq!(s.clone().with_group("q1").group_key(), Some(GroupKey::Group("q1")));
    /// assert_eq!(Sample::new("4").group_key(), None);
    /// ```
    pub fn group_key(&self) -> Option<GroupKey<'_>> {
        match (&self.group, &self.prompt) {
            (Some(g), _) => Some(GroupKey::Group(g)),
            (None, Some(p)) => Some(GroupKey::Prompt(p.text())),
            (None, None) => None,
        }
    }

    /// A sample with just a completion.
    pub fn new(completion: impl Into<String>) -> Self {
        Sample {
            completion: completion.into(),
            ..Sample::default()
        }
    }

    /// Sets the reference text.
    pub fn with_reference(mut self, r: impl Into<String>) -> Self {
        self.reference = Some(Reference::Text(r.into()));
        self
    }

    /// Sets the group id.
    pub fn with_group(mut self, g: impl Into<String>) -> Self {
        self.group = Some(g.into());
        self
    }

    /// Sets the prompt text.
    pub fn with_prompt(mut self, p: impl Into<String>) -> Self {
        self.prompt = Some(Prompt::Text(p.into()));
        self
    }

    /// Sets a named precomputed score.
    pub fn with_score(mut self, name: impl Into<String>, v: f64) -> Self {
        self.scores.insert(name.into(), v);
        self
    }

    /// Looks up a number by name: first in `scores`, then in `metadata` (a number, or a
    /// numeric string). Dotted names (`a.b`) walk into nested metadata objects.
    pub fn number(&self, name: &str) -> Option<f64> {
        if let Some(v) = self.scores.get(name) {
            return Some(*v);
        }
        match self.lookup(name)? {
            Value::Number(n) => n.as_f64(),
            Value::String(s) => s.trim().parse().ok(),
            Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
            _ => None,
        }
    }

    /// Looks up a metadata value by (dotted) name.
    pub fn lookup(&self, name: &str) -> Option<&Value> {
        if let Some(v) = self.metadata.get(name) {
            return Some(v);
        }
        let mut parts = name.split('.');
        let mut cur = self.metadata.get(parts.next()?)?;
        for p in parts {
            cur = match cur {
                Value::Object(m) => m.get(p)?,
                Value::Array(a) => a.get(p.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        Some(cur)
    }

    /// A list of numbers stored under a metadata name (e.g. reference rewards for PAR).
    pub fn numbers(&self, name: &str) -> Option<Vec<f64>> {
        match self.lookup(name)? {
            Value::Array(a) => a.iter().map(Value::as_f64).collect(),
            Value::Number(n) => n.as_f64().map(|x| vec![x]),
            _ => None,
        }
    }
}
