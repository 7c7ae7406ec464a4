//! The pipeline spec: one TOML or JSON document that describes a tree of reward functions,
//! transforms and combinators.
//!
//! Every node is a table tagged by `type`. Unknown fields are rejected, and every error names
//! the path of the offending field (`reward.terms[1].reward.ngram_size`). `rewardkit schema`
//! prints the JSON Schema generated from these types.
//!
//! TOML and JSON follow the same rules: a leading UTF-8 byte-order mark is skipped, a key given
//! twice in one table/object is an error, and every number must be finite: `nan`, `inf` and
//! `-inf` (TOML; JSON has no such literals, and `1e999` is out of its range) are rejected with
//! the field's path, for optional fields as for required ones (`reward.max: must be a finite
//! number, got NaN`). A spec built in code is checked the same way by [`PipelineSpec::build`].
//! Every node built from a spec is wrapped in [`crate::node::Finite`], which turns a non-finite
//! result into an error with a reason.
//!
//! ```
//! use rewardkit_core::PipelineSpec;
//! let spec = PipelineSpec::from_toml(r#"
//! schema_version = 1
//! [reward]
//! type = "weighted_sum"
//! terms = [
//!   { name = "fixed", weight = 0.5, reward = { type = "constant", value = 2.0 } },
//!   { name = "rm", reward = { type = "field", name = "rm" } },
//! ]
//! "#)?;
//! let pipeline = spec.build()?;
//! let out = pipeline.score(&[rewardkit_core::Sample::new("hi").with_score("rm", 3.0)]);
//! assert_eq!(out[0].value, Some(4.0));
//! # Ok::<(), rewardkit_core::Error>(())
//! ```

use crate::defaults;
use crate::node::{Node, Settings};
use crate::params::Finite;
use crate::{Error, Pipeline, Result};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::time::Duration;

/// The schema version this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// A whole pipeline document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PipelineSpec {
    /// Version of the spec format; this build reads `1`.
    pub schema_version: u32,
    /// Optional human-readable name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Milliseconds one reward-function call may take on one sample (0: no limit). Default 10000.
    #[serde(default = "defaults::timeout_ms")]
    pub timeout_ms: u64,
    /// Reward given to a sample whose reward function timed out (`info.timeout = true`).
    #[serde(default)]
    pub timeout_value: Finite,
    /// Reward given to a sample whose reward function failed (default: none, i.e. abstain).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_value: Option<Finite>,
    /// The root of the tree.
    pub reward: NodeSpec,
}

impl PipelineSpec {
    /// Parses a TOML document (a leading UTF-8 byte-order mark is skipped).
    ///
    /// A float that is not finite (`nan`, `inf`, `-inf`) anywhere in the document is an error
    /// naming its field path (`reward.max: must be a finite number, got nan`), whether the
    /// field is required or optional.
    pub fn from_toml(text: &str) -> Result<Self> {
        let text = strip_bom(text);
        let t: toml::Value = toml::from_str(text).map_err(|e| Error::Syntax {
            what: "pipeline spec (TOML)".into(),
            message: clip_lines(&e.to_string(), 160),
        })?;
        reject_non_finite(&t)?;
        let v = serde_json::to_value(&t).map_err(|e| Error::Syntax {
            what: "pipeline spec (TOML)".into(),
            message: e.to_string(),
        })?;
        Self::from_value(v)
    }

    /// Parses a JSON document (a leading UTF-8 byte-order mark is skipped). A key that appears
    /// twice in one object is an error, as in TOML.
    pub fn from_json(text: &str) -> Result<Self> {
        let v = parse_json_strict(strip_bom(text)).map_err(|e| Error::Syntax {
            what: "pipeline spec (JSON)".into(),
            message: e.to_string(),
        })?;
        Self::from_value(v)
    }

    /// Parses a document, TOML or JSON, guessing from the first non-blank character (after a
    /// byte-order mark, if any).
    pub fn parse(text: &str) -> Result<Self> {
        if strip_bom(text).trim_start().starts_with('{') {
            Self::from_json(text)
        } else {
            Self::from_toml(text)
        }
    }

    /// Reads and parses a file (`.json` as JSON, anything else by content).
    pub fn from_path(path: &std::path::Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_owned(),
            source,
        })?;
        let r = if path.extension().is_some_and(|e| e == "json") {
            Self::from_json(&text)
        } else {
            Self::parse(&text)
        };
        r.map_err(|e| match e {
            Error::Syntax { message, .. } => Error::Syntax {
                what: path.display().to_string(),
                message,
            },
            e => e,
        })
    }

    /// Builds from a JSON value (the form every parser goes through).
    pub fn from_value(v: Value) -> Result<Self> {
        let spec: PipelineSpec =
            deserialize_at(v).map_err(|(path, msg)| schema_error(path, msg))?;
        if spec.schema_version != SCHEMA_VERSION {
            return Err(Error::spec_kind(
                "schema_version",
                crate::SpecErrorKind::Version {
                    found: i64::from(spec.schema_version),
                    supported: SCHEMA_VERSION,
                },
            ));
        }
        Ok(spec)
    }

    /// A spec whose root is `reward`, with default settings.
    pub fn new(reward: NodeSpec) -> Self {
        PipelineSpec {
            schema_version: SCHEMA_VERSION,
            name: None,
            timeout_ms: defaults::timeout_ms(),
            timeout_value: Finite::default(),
            error_value: None,
            reward,
        }
    }

    /// The pipeline-wide settings this spec asks for.
    pub fn settings(&self) -> Settings {
        Settings {
            timeout: (self.timeout_ms > 0).then(|| Duration::from_millis(self.timeout_ms)),
            timeout_value: self.timeout_value.get(),
            error_value: self.error_value.map(Finite::get),
            parallel: true,
        }
    }

    /// Checks the tree and builds the runnable [`Pipeline`].
    pub fn build(&self) -> Result<Pipeline> {
        // A spec made in code (not parsed) may still hold NaN or infinities: same rule.
        if let Ok(t) = toml::Value::try_from(self) {
            reject_non_finite(&t)?;
        }
        let root = self.reward.build("reward")?;
        Ok(Pipeline::new(root, self.settings()))
    }

    /// The JSON Schema of the spec format.
    pub fn json_schema() -> Value {
        let schema = schemars::schema_for!(PipelineSpec);
        serde_json::to_value(schema).unwrap_or(Value::Null)
    }
}

/// Shortens every line of a parser message to at most `max` characters (the TOML parser
/// quotes the offending source line, which may be megabytes long).
fn clip_lines(message: &str, max: usize) -> String {
    message
        .lines()
        .map(|l| match l.char_indices().nth(max) {
            Some((cut, _)) => format!("{}…", &l[..cut]),
            None => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Separator used to carry a nested field path inside a serde error message.
const PATH_MARK: char = '\u{1}';

/// Deserializes `T` from a JSON value, returning `(path, message)` on error. Nested node
/// errors carry their own inner path, which is joined to the outer one.
pub(crate) fn deserialize_at<T: serde::de::DeserializeOwned>(
    v: Value,
) -> std::result::Result<T, (String, String)> {
    serde_path_to_error::deserialize::<_, T>(v).map_err(|e| {
        let outer = e.path().to_string();
        let msg = e.into_inner().to_string();
        match msg.split_once(PATH_MARK) {
            Some((inner, rest)) => (join_path(&outer, inner), rest.to_string()),
            None => (outer, msg),
        }
    })
}

/// The spec error of a deserialisation failure: a refined parameter type's rule
/// ([`crate::params`], whose messages start with `must `) is a [`crate::SpecErrorKind::Value`];
/// anything else (unknown field or type, wrong type, missing field) a
/// [`crate::SpecErrorKind::Schema`].
pub(crate) fn schema_error(path: String, msg: String) -> Error {
    if msg.starts_with("must ") {
        Error::spec(path, msg)
    } else {
        Error::spec_kind(path, crate::SpecErrorKind::Schema(msg))
    }
}

pub(crate) fn join_path(outer: &str, inner: &str) -> String {
    match (outer, inner) {
        ("." | "", i) => i.to_string(),
        (o, "." | "") => o.to_string(),
        (o, i) if i.starts_with('[') => format!("{o}{i}"),
        (o, i) => format!("{o}.{i}"),
    }
}

/// The text without a leading UTF-8 byte-order mark.
fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Rejects the first non-finite float of a TOML tree with its field path.
fn reject_non_finite(v: &toml::Value) -> Result<()> {
    fn walk(v: &toml::Value, path: &mut String) -> Option<(String, f64)> {
        match v {
            toml::Value::Float(f) if !f.is_finite() => Some((path.clone(), *f)),
            toml::Value::Array(items) => items.iter().enumerate().find_map(|(i, item)| {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                let found = walk(item, path);
                path.truncate(len);
                found
            }),
            toml::Value::Table(t) => t.iter().find_map(|(k, item)| {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
                let found = walk(item, path);
                path.truncate(len);
                found
            }),
            _ => None,
        }
    }
    match walk(v, &mut String::new()) {
        None => Ok(()),
        Some((path, f)) => Err(Error::spec(
            if path.is_empty() { ".".into() } else { path },
            format!("must be a finite number, got {f} (nan and inf are not accepted)"),
        )),
    }
}

/// Parses JSON into a [`Value`], rejecting an object that has the same key twice (serde_json
/// alone keeps the last one silently) and trailing characters.
fn parse_json_strict(text: &str) -> std::result::Result<Value, serde_json::Error> {
    use serde::de::DeserializeSeed;
    let mut de = serde_json::Deserializer::from_str(text);
    let v = StrictJson.deserialize(&mut de)?;
    de.end()?;
    Ok(v)
}

/// A [`Value`] seed that refuses duplicate keys.
struct StrictJson;

impl<'de> serde::de::DeserializeSeed<'de> for StrictJson {
    type Value = Value;
    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        d: D,
    ) -> std::result::Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for StrictJson {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> std::result::Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> std::result::Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> std::result::Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> std::result::Result<Value, E> {
        serde_json::Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| E::custom(format!("not a finite number: {v}")))
    }
    fn visit_str<E>(self, v: &str) -> std::result::Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> std::result::Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> std::result::Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> std::result::Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> std::result::Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(v) = seq.next_element_seed(StrictJson)? {
            items.push(v);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<Value, A::Error> {
        use serde::de::Error as _;
        let mut out = serde_json::Map::new();
        while let Some(k) = map.next_key::<String>()? {
            if out.contains_key(&k) {
                return Err(A::Error::custom(format!("duplicate key `{k}`")));
            }
            let v = map.next_value_seed(StrictJson)?;
            out.insert(k, v);
        }
        Ok(Value::Object(out))
    }
}

/// Moved to [`crate::node::BuildNode`] (node modules implement it without importing this
/// registry); re-exported here so `spec::BuildNode` keeps working.
pub use crate::node::BuildNode;

macro_rules! node_specs {
    ($( $(#[$doc:meta])* $variant:ident($ty:ty) = $tag:literal, )*) => {
        /// One node of the pipeline tree, tagged by `type`.
        #[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
        #[serde(tag = "type", rename_all = "snake_case")]
        #[allow(clippy::large_enum_variant)]
        pub enum NodeSpec {
            $( $(#[$doc])* #[serde(rename = $tag)] $variant($ty), )*
        }

        impl NodeSpec {
            /// Every `type` tag this build knows.
            pub const TYPES: &'static [&'static str] = &[$($tag),*];

            /// The `type` tag of this node.
            pub fn type_name(&self) -> &'static str {
                match self { $( NodeSpec::$variant(_) => $tag, )* }
            }

            fn from_tagged(tag: &str, rest: Value) -> std::result::Result<Self, (String, String)> {
                match tag {
                    $( $tag => deserialize_at::<$ty>(rest).map(NodeSpec::$variant), )*
                    other => Err(("type".into(), format!(
                        "unknown type `{other}`; expected one of: {}", Self::TYPES.join(", ")))),
                }
            }
        }

        impl BuildNode for NodeSpec {
            fn build(&self, path: &str) -> Result<Box<dyn Node>> {
                // Every node is guarded: a non-finite result is an error with a reason.
                match self {
                    $( NodeSpec::$variant(p) => p
                        .build(path)
                        .map(|n| crate::node::Finite::wrap(n, $tag, path)), )*
                }
            }
        }
    };
}

node_specs! {
    // ---- reward functions (crate::rewards) ----
    /// A constant reward.
    Constant(crate::rewards::basic::Constant) = "constant",
    /// A precomputed score read from the sample.
    Field(crate::rewards::basic::Field) = "field",
    /// Math answer equivalence (`rewardkit-math`).
    Math(crate::rewards::math::Math) = "math",
    /// Normalised string equality with a reference (SQuAD-style normalisation optional).
    ExactMatch(crate::rewards::exact_match::ExactMatch) = "exact_match",
    /// GSM8K-style numeric answer match, exact decimal comparison (verl gsm8k.py).
    NumberMatch(crate::rewards::number_match::NumberMatch) = "number_match",
    /// Whether the completion matches a regular expression.
    Regex(crate::rewards::pattern::RegexMatch) = "regex",
    /// Output-format check: presets r1, r1_lenient, trl_think, rlcr, or a custom pattern.
    Format(crate::rewards::format::Format) = "format",
    /// Kimi k1.5 group-relative length reward (needs a `correct` child).
    KimiLength(crate::rewards::length::KimiLength) = "kimi_length",
    /// L1/LCPO length-control reward, exact or max (needs a `correct` child).
    L1Length(crate::rewards::length::L1Length) = "l1_length",
    /// verl DAPO overlong-buffer penalty.
    DapoOverlong(crate::rewards::length::DapoOverlong) = "dapo_overlong",
    /// DAPO / TRL soft overlong punishment.
    SoftOverlong(crate::rewards::length::SoftOverlong) = "soft_overlong",
    /// TRL n-gram repetition penalty.
    RepetitionPenalty(crate::rewards::repetition::RepetitionPenalty) = "repetition_penalty",
    /// RLCR calibration reward c − (q − c)² (needs a `correct` child).
    Rlcr(crate::rewards::rlcr::Rlcr) = "rlcr",
    /// open-r1 `tag_count_reward`: 0.25 for each R1 tag string present exactly once.
    TagCount(crate::rewards::open_r1::TagCount) = "tag_count",
    /// open-r1 cosine length-scaled correctness (needs a `correct` child).
    Cosine(crate::rewards::open_r1::Cosine) = "cosine",
    // ---- transforms (crate::transforms) ----
    /// Affine map `scale * x + shift`.
    Affine(crate::transforms::elementwise::Affine) = "affine",
    /// Clamp to `[min, max]`.
    Clip(crate::transforms::elementwise::Clip) = "clip",
    /// tanh(k·(x − center)).
    Tanh(crate::transforms::elementwise::Tanh) = "tanh",
    /// σ(k·(x − center)).
    Sigmoid(crate::transforms::elementwise::Sigmoid) = "sigmoid",
    /// (x − mean)/(std + eps), centre and scale each per group, per batch or none (GRPO, TRL).
    Zscore(crate::transforms::normalize::Zscore) = "zscore",
    /// (x − min)/(max − min) within each group or over the batch.
    MinMax(crate::transforms::normalize::MinMax) = "min_max",
    /// Average ranks within each group or over the batch, optionally in [0, 1].
    Rank(crate::transforms::normalize::Rank) = "rank",
    /// Log-sigmoid centring log σ(r − r_ref) (Wang et al. 2024).
    Lsc(crate::transforms::shaping::Lsc) = "lsc",
    /// Preference As Reward and its baselines (Fu et al. 2025).
    Par(crate::transforms::shaping::Par) = "par",
    /// Clip of process rewards min(r_k − η, 0) (Gao et al. 2024).
    StepClip(crate::transforms::steps::StepClip) = "step_clip",
    /// Delta of process rewards r_k − r_{k+1} (Gao et al. 2024).
    StepDelta(crate::transforms::steps::StepDelta) = "step_delta",
    /// Clip, then Delta, of process rewards (Gao et al. 2024).
    StepClipDelta(crate::transforms::steps::StepClipDelta) = "step_clip_delta",
    // ---- combinators (crate::combine) ----
    /// Weighted sum of named terms.
    WeightedSum(crate::combine::WeightedSum) = "weighted_sum",
    /// Σ wᵢ·zscore(rᵢ), each term normalised within its group (GDPO, TRL `normalize_then_sum`).
    NormalizeSum(crate::combine::ops::NormalizeSum) = "normalize_sum",
    /// Σ wᵢ·log σ(rᵢ − rᵢ^ref) (Wang et al. 2024).
    LscSum(crate::combine::ops::LscSum) = "lsc_sum",
    /// Π rᵢ over the terms.
    Product(crate::combine::ops::Product) = "product",
    /// The smallest term value.
    Min(crate::combine::ops::Min) = "min",
    /// The largest term value.
    Max(crate::combine::ops::Max) = "max",
    /// Mean, worst case, uncertainty-weighted or robust mix of an ensemble.
    Ensemble(crate::combine::ensemble::Ensemble) = "ensemble",
    /// `reward` when `gate ≥ threshold`, else `value`.
    Gate(crate::combine::gate::Gate) = "gate",
    // ---- learned reward models (crate::rewards::learned; loaded by rewardkit-prefs) ----
    /// A preference model fitted by `rewardkit prefs fit` (Bradley-Terry, GPM, ensemble, ...).
    Learned(crate::rewards::learned::Learned) = "learned",
    // ---- remote reward models (crate::rewards::remote) ----
    /// A reward model hosted elsewhere (vLLM, SGLang, OpenRLHF, rewardkit); feature `remote`.
    Remote(crate::rewards::remote::Remote) = "remote",
}

impl<'de> Deserialize<'de> for NodeSpec {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        use serde::de::Error as _;
        let v = Value::deserialize(d)?;
        let Value::Object(mut map) = v else {
            return Err(D::Error::custom(format!(
                ".{PATH_MARK}expected a table with a `type` field, found {}",
                kind_of(&v)
            )));
        };
        let tag = match map.remove("type") {
            Some(Value::String(s)) => s,
            Some(other) => {
                return Err(D::Error::custom(format!(
                    "type{PATH_MARK}expected a string, found {}",
                    kind_of(&other)
                )))
            }
            None => {
                return Err(D::Error::custom(format!(
                    ".{PATH_MARK}missing field `type` (one of: {})",
                    NodeSpec::TYPES.join(", ")
                )))
            }
        };
        NodeSpec::from_tagged(&tag, Value::Object(map))
            .map_err(|(path, msg)| D::Error::custom(format!("{path}{PATH_MARK}{msg}")))
    }
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "a table",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> (String, String) {
        match PipelineSpec::from_toml(text).unwrap_err() {
            Error::Spec { path, kind } => (path, kind.to_string()),
            e => panic!("unexpected {e}"),
        }
    }

    #[test]
    fn unknown_field_names_its_path() {
        let (path, msg) = err(r#"
schema_version = 1
[reward]
type = "weighted_sum"
terms = [
  { name = "a", reward = { type = "constant", value = 1.0 } },
  { name = "b", reward = { type = "constant", valu = 1.0 } },
]
"#);
        assert_eq!(path, "reward.terms[1].reward.valu");
        assert!(msg.contains("unknown field `valu`"), "{msg}");
    }

    #[test]
    fn unknown_type_lists_known_types() {
        let (path, msg) = err("schema_version = 1\n[reward]\ntype = \"nope\"\n");
        assert_eq!(path, "reward.type");
        assert!(
            msg.contains("unknown type `nope`") && msg.contains("constant"),
            "{msg}"
        );
    }

    #[test]
    fn wrong_type_of_value_names_field() {
        let (path, msg) = err("schema_version = 1\n[reward]\ntype = \"constant\"\nvalue = \"x\"\n");
        assert_eq!(path, "reward.value");
        assert!(msg.contains("invalid type"), "{msg}");
    }

    #[test]
    fn missing_type_and_bad_version() {
        let (path, _) = err("schema_version = 1\n[reward]\nvalue = 1.0\n");
        assert_eq!(path, "reward");
        let (path, msg) = err("schema_version = 7\n[reward]\ntype = \"constant\"\nvalue = 1.0\n");
        assert_eq!(path, "schema_version");
        assert!(msg.contains("unsupported"));
        let (path, _) =
            err("schema_version = 1\nbogus = 1\n[reward]\ntype = \"constant\"\nvalue = 1.0\n");
        assert_eq!(path, "bogus");
    }

    #[test]
    fn deep_nesting_is_an_error_with_short_lines() {
        let n = 3000;
        let node = format!(
            "{}{{ type = \"constant\", value = 1.0 }}{}",
            "{ type = \"affine\", input = ".repeat(n),
            " }".repeat(n)
        );
        match PipelineSpec::from_toml(&format!("schema_version = 1\nreward = {node}\n")) {
            Err(Error::Syntax { message, .. }) => {
                assert!(
                    message.lines().all(|l| l.chars().count() <= 161),
                    "{message}"
                );
            }
            other => panic!("expected a syntax error, got {other:?}"),
        }
        let json_node = format!(
            "{}{{\"type\": \"constant\", \"value\": 1.0}}{}",
            "{\"type\": \"affine\", \"input\": ".repeat(n),
            "}".repeat(n)
        );
        let doc = format!("{{\"schema_version\": 1, \"reward\": {json_node}}}");
        assert!(matches!(
            PipelineSpec::from_json(&doc),
            Err(Error::Syntax { .. })
        ));
    }

    #[test]
    fn json_and_toml_agree_and_round_trip() {
        let t = PipelineSpec::from_toml(
            "schema_version = 1\n[reward]\ntype = \"clip\"\nmin = 0.0\nmax = 1.0\ninput = { type = \"field\", name = \"x\" }\n",
        )
        .unwrap();
        let j = PipelineSpec::from_json(&serde_json::to_string(&t).unwrap()).unwrap();
        assert_eq!(t, j);
    }

    #[test]
    fn non_finite_numbers_are_rejected_with_their_path() {
        // A required float given nan: a clear message, not "invalid type: null".
        let (path, msg) = err("schema_version = 1\nreward = {type = \"constant\", value = nan}\n");
        assert_eq!(path, "reward.value");
        assert!(msg.contains("must be a finite number, got NaN"), "{msg}");
        let (path, _) = err(
            "schema_version = 1\nerror_value = -inf\nreward = {type = \"constant\", value = 1.0}\n",
        );
        assert_eq!(path, "error_value");
        // A spec made in code: a refined field (a weight is a `Finite`) cannot hold NaN at all,
        // and a plain `f64` field goes through the same document-wide check at `build`.
        assert!(Finite::new(f64::NAN).is_err());
        let mut spec = PipelineSpec::from_toml(
            "schema_version = 1\nreward = {type = \"weighted_sum\", terms = [{reward = {type = \"constant\", value = 1.0}}, {name = \"b\", reward = {type = \"lsc\", ref_field = \"refs\", input = {type = \"constant\", value = 1.0}}}]}\n",
        )
        .unwrap();
        if let NodeSpec::WeightedSum(w) = &mut spec.reward {
            if let NodeSpec::Lsc(r) = &mut w.terms[1].reward {
                r.quantile = f64::NAN;
            }
        }
        match spec.build().unwrap_err() {
            Error::Spec { path, kind } => {
                let message = kind.to_string();
                assert_eq!(path, "reward.terms[1].reward.quantile");
                assert!(message.contains("not accepted"), "{message}");
            }
            e => panic!("{e}"),
        }
    }

    #[test]
    fn json_rejects_duplicate_keys_and_accepts_a_bom() {
        let e = PipelineSpec::from_json(r#"{"schema_version": 1, "schema_version": 1}"#)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("duplicate key `schema_version`") && e.contains("line 1"),
            "{e}"
        );
        let doc = "\u{feff}{\"schema_version\": 1, \"reward\": {\"type\": \"tag_count\"}}";
        assert!(PipelineSpec::from_json(doc).is_ok());
        assert!(PipelineSpec::parse(doc).is_ok());
    }

    #[test]
    fn schema_lists_every_type() {
        let s = PipelineSpec::json_schema().to_string();
        for t in NodeSpec::TYPES {
            assert!(s.contains(&format!("\"{t}\"")), "schema lacks {t}");
        }
    }

    #[test]
    fn spec_errors_say_their_kind() {
        use crate::SpecErrorKind as K;
        let kind =
            |body: &str| match PipelineSpec::from_toml(&format!("schema_version = 1\n{body}"))
                .and_then(|s| s.build().map(|_| ()))
            {
                Err(Error::Spec { path, kind }) => (path, kind),
                other => panic!("{body}: {other:?}"),
            };
        let (p, k) = kind("[reward]\ntype = \"math\"\nfoo = 1\n");
        assert!(matches!(k, K::Schema(_)) && p == "reward.foo", "{p} {k:?}");
        let (p, k) = kind("[reward]\ntype = \"nope\"\n");
        assert!(matches!(k, K::Schema(_)) && p == "reward.type", "{p} {k:?}");
        let (p, k) = kind("[reward]\ntype = \"sigmoid\"\nscale = 0.0\ninput = { type = \"constant\", value = 1.0 }\n");
        assert!(matches!(k, K::Value(_)), "{p} {k:?}");
        let (p, k) = kind("[reward]\ntype = \"clip\"\nmin = 2.0\nmax = 1.0\ninput = { type = \"constant\", value = 1.0 }\n");
        assert!(matches!(k, K::Conflict(_)) && p == "reward", "{p} {k:?}");
        let (p, k) = kind("[reward]\ntype = \"weighted_sum\"\nterms = [{ name = \"score\", reward = { type = \"constant\", value = 1.0 } }]\n");
        assert_eq!(
            (p.as_str(), &k),
            (
                "reward.terms[0].name",
                &K::Reserved {
                    name: "score".into()
                }
            )
        );
        assert!(k.to_string().starts_with("`score` is reserved"), "{k}");
        let (p, k) = kind("[reward]\ntype = \"weighted_sum\"\nterms = [{ name = \"a\", reward = { type = \"constant\", value = 1.0 } }, { name = \"a\", reward = { type = \"constant\", value = 1.0 } }]\n");
        assert_eq!(
            (p.as_str(), k.to_string().as_str()),
            ("reward.terms[1].name", "duplicate term name `a`")
        );
        let (_, k) = kind("[reward]\ntype = \"regex\"\npattern = \"(\"\n");
        assert_eq!(k.name(), "pattern", "{k:?}");
        match PipelineSpec::from_toml("schema_version = 7\n[reward]\ntype = \"math\"\n") {
            Err(Error::Spec {
                path,
                kind:
                    K::Version {
                        found: 7,
                        supported,
                    },
            }) => {
                assert_eq!(
                    (path.as_str(), supported),
                    ("schema_version", SCHEMA_VERSION)
                );
            }
            other => panic!("{other:?}"),
        }
    }
}
