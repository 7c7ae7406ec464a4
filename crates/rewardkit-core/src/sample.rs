//! The input of a reward function: one [`Sample`].

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// One chat message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Message {
    /// `system`, `user`, `assistant`, `tool`, ...
    pub role: String,
    /// The text of the message.
    #[serde(default)]
    pub content: String,
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
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
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
