//! Scores: where they come from and how step scores become one number.
//!
//! A [`Score`] is one completion's reward: a number, or a list of step scores from a process
//! reward model, reduced by a [`StepAgg`]. Scores come from a [`Source`]:
//!
//! - a scores file (JSON Lines), one line per completion `{"id": ..., "index": k, "score": x}`
//!   or one line per item `{"id": ..., "scores": [x0, x1, ...]}` (`score` may be a list of
//!   step scores; `reward` is read as `score`). `index` counts the item's completions in the
//!   order given in [`data`](crate::data);
//! - a rewardkit pipeline spec, scored in-process: one [`Sample`] per completion with the
//!   prompt, the completion, the reference (RewardMATH's `answer`) and `group` = the item id;
//! - a reward server URL: rewardkit `POST /v1/score`, OpenRLHF `POST /get_reward`, vLLM or
//!   SGLang `POST /classify` (or `/pooling`), each text made from `--template`.
//!
//! The whole benchmark is scored as one set and every score is placed by its (id, index), so
//! results never depend on batch size or order. A missing score is an error that lists the
//! missing `id#index` pairs; a score for an id the benchmark lacks, a duplicate, a `null` or a
//! non-number is an error naming the file, the line and the field. JSON has no NaN: a file
//! with `NaN` or `Infinity` is rejected with its line.

use crate::data::{Dataset, Layout};
use crate::read::{display, parse_rows, read_text};
use crate::{Error, Result};
use rewardkit_core::{PipelineSpec, Prompt, Reference, Sample};
use rewardkit_remote::{wire, CallError, Client, ClientConfig};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// One completion's score.
#[derive(Debug, Clone, PartialEq)]
pub enum Score {
    /// A scalar reward.
    Value(f64),
    /// Step scores of a process reward model (never empty).
    Steps(Vec<f64>),
}

impl Score {
    /// Reads a number or a non-empty list of numbers.
    pub fn from_value(v: &Value) -> std::result::Result<Score, String> {
        match v {
            Value::Number(n) => n
                .as_f64()
                .map(Score::Value)
                .ok_or_else(|| "not a finite number".into()),
            Value::Array(a) if !a.is_empty() => a
                .iter()
                .map(|x| x.as_f64().ok_or("a step score is not a number"))
                .collect::<std::result::Result<Vec<_>, _>>()
                .map(Score::Steps)
                .map_err(str::to_string),
            Value::Array(_) => Err("empty list of step scores".into()),
            Value::Null => Err("null is not a score".into()),
            _ => Err("expected a number or a list of step scores".into()),
        }
    }

    /// The score as one number: a scalar as is, step scores reduced by `agg`.
    pub fn value(&self, agg: StepAgg) -> f64 {
        match self {
            Score::Value(v) => *v,
            // A one-element list is that number (RewardBench 2 unwraps `[x]` the same way).
            Score::Steps(s) if s.len() == 1 => s[0],
            Score::Steps(s) => agg.apply(s),
        }
    }
}

/// How step scores become one score (RewardMATH's aggregations for process reward models).
///
/// | name | formula over step scores p₁..pₙ |
/// |---|---|
/// | `min` | min pᵢ |
/// | `max` | max pᵢ |
/// | `prod` | ∏ pᵢ |
/// | `geometric_mean` | (∏ pᵢ)^(1/n) |
/// | `mean` | Σ pᵢ / n |
/// | `mean_logit` | σ(Σ logit(pᵢ) / n), logit(p) = ln(p / (1 − p)) |
/// | `mean_odd` | max(0, Σ (pᵢ / (1 − pᵢ)) / n) |
/// | `last` | pₙ |
///
/// ```
/// use rewardkit_eval::StepAgg;
/// assert_eq!(StepAgg::Min.apply(&[0.9, 0.2, 0.7]), 0.2);
/// assert!((StepAgg::GeometricMean.apply(&[0.5, 0.5]) - 0.5).abs() < 1e-15);
/// assert!((StepAgg::MeanLogit.apply(&[0.5, 0.5]) - 0.5).abs() < 1e-15);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepAgg {
    /// The smallest step score.
    Min,
    /// The largest step score.
    Max,
    /// The product.
    Prod,
    /// The geometric mean.
    GeometricMean,
    /// The arithmetic mean.
    Mean,
    /// The sigmoid of the mean logit.
    MeanLogit,
    /// The mean odds, at least 0.
    MeanOdd,
    /// The last step score.
    Last,
}

impl StepAgg {
    /// Every aggregation, in the order reports list them.
    pub const ALL: [StepAgg; 8] = [
        StepAgg::Min,
        StepAgg::Max,
        StepAgg::Prod,
        StepAgg::GeometricMean,
        StepAgg::Mean,
        StepAgg::MeanLogit,
        StepAgg::MeanOdd,
        StepAgg::Last,
    ];

    /// The name used on the command line and in reports.
    pub fn name(self) -> &'static str {
        match self {
            StepAgg::Min => "min",
            StepAgg::Max => "max",
            StepAgg::Prod => "prod",
            StepAgg::GeometricMean => "geometric_mean",
            StepAgg::Mean => "mean",
            StepAgg::MeanLogit => "mean_logit",
            StepAgg::MeanOdd => "mean_odd",
            StepAgg::Last => "last",
        }
    }

    /// Parses [`StepAgg::name`].
    pub fn from_name(name: &str) -> Option<StepAgg> {
        StepAgg::ALL.into_iter().find(|a| a.name() == name)
    }

    /// Reduces step scores (an empty list gives NaN, which scoring rejects).
    pub fn apply(self, s: &[f64]) -> f64 {
        let n = s.len() as f64;
        if s.is_empty() {
            return f64::NAN;
        }
        match self {
            StepAgg::Min => s.iter().copied().fold(f64::INFINITY, f64::min),
            StepAgg::Max => s.iter().copied().fold(f64::NEG_INFINITY, f64::max),
            StepAgg::Prod => s.iter().product(),
            StepAgg::GeometricMean => s.iter().product::<f64>().powf(1.0 / n),
            StepAgg::Mean => s.iter().sum::<f64>() / n,
            StepAgg::MeanLogit => {
                let m = s.iter().map(|p| (p / (1.0 - p)).ln()).sum::<f64>() / n;
                1.0 / (1.0 + (-m).exp())
            }
            StepAgg::MeanOdd => (s.iter().map(|p| p / (1.0 - p)).sum::<f64>() / n).max(0.0),
            StepAgg::Last => s[s.len() - 1],
        }
    }
}

/// The server APIs a URL source speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Api {
    /// rewardkit `POST /v1/score`: `results[i].value`.
    Rewardkit,
    /// OpenRLHF `POST /get_reward`: `rewards[i]`.
    OpenRlhf,
    /// vLLM / SGLang classification: `data[i].probs[-1]`.
    Classify,
    /// vLLM pooling: the last number of `data[i].data`.
    Pooling,
}

impl Api {
    /// The API a URL's path names (`/v1/score`, `/get_reward`, `/classify`, `/pooling`).
    pub fn from_url(url: &str) -> Option<Api> {
        let path = url
            .split(['?', '#'])
            .next()
            .unwrap_or(url)
            .trim_end_matches('/');
        if path.ends_with("/v1/score") {
            Some(Api::Rewardkit)
        } else if path.ends_with("/get_reward") {
            Some(Api::OpenRlhf)
        } else if path.ends_with("/classify") {
            Some(Api::Classify)
        } else if path.ends_with("/pooling") {
            Some(Api::Pooling)
        } else {
            None
        }
    }

    /// Parses `rewardkit`, `openrlhf`, `classify` or `pooling`.
    pub fn from_name(name: &str) -> Option<Api> {
        match name {
            "rewardkit" => Some(Api::Rewardkit),
            "openrlhf" => Some(Api::OpenRlhf),
            "classify" => Some(Api::Classify),
            "pooling" => Some(Api::Pooling),
            _ => None,
        }
    }
}

/// A reward server to score with.
#[derive(Debug, Clone, PartialEq)]
pub struct UrlSource {
    /// The endpoint URL.
    pub url: String,
    /// The API (from the URL's path unless given).
    pub api: Api,
    /// How a text is made for `classify`, `pooling` and `openrlhf`: `{prompt}` and
    /// `{completion}` are replaced.
    pub template: String,
    /// Completions per request.
    pub batch: usize,
    /// `model` field of classify requests.
    pub model: Option<String>,
    /// Bearer token.
    pub token: Option<String>,
    /// Time one request may take.
    pub timeout: Duration,
}

impl UrlSource {
    /// A source for `url`, its API told from the path (`None` when the path names none).
    pub fn new(url: &str) -> Option<UrlSource> {
        Some(UrlSource {
            url: url.to_string(),
            api: Api::from_url(url)?,
            template: "{prompt}\n{completion}".into(),
            batch: 32,
            model: None,
            token: None,
            timeout: Duration::from_secs(60),
        })
    }
}

/// Where scores come from.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// The scores (or judgments) the benchmark file carries: results layouts only.
    Embedded,
    /// A scores file (JSON Lines).
    File(PathBuf),
    /// A rewardkit pipeline spec (TOML or JSON), scored in-process.
    Spec(PathBuf),
    /// A reward server.
    Url(UrlSource),
}

impl Source {
    /// A short description for reports.
    pub fn describe(&self) -> String {
        match self {
            Source::Embedded => "results file".into(),
            Source::File(p) => format!("scores {}", p.display()),
            Source::Spec(p) => format!("pipeline {}", p.display()),
            Source::Url(u) => format!("server {}", u.url),
        }
    }
}

/// The scores of every completion of a dataset: `scores[item][index]`. JudgeBench outputs
/// need none (an empty list per item).
pub fn collect_scores(ds: &Dataset, source: &Source) -> Result<Vec<Vec<Score>>> {
    match (source, ds.layout) {
        (Source::Embedded, Layout::Results) => Ok(ds
            .items
            .iter()
            .map(|it| it.embedded.clone().unwrap_or_default())
            .collect()),
        (Source::Embedded, Layout::Judgments) => Ok(vec![Vec::new(); ds.items.len()]),
        (Source::Embedded, Layout::Data) => Err(Error::Invalid(format!(
            "{}: this file holds completions, not scores: give a score source (a scores file, a pipeline spec or a server URL)",
            ds.file
        ))),
        (_, Layout::Results | Layout::Judgments) => Err(Error::Invalid(format!(
            "{}: this is a results file that carries its own scores: give no score source",
            ds.file
        ))),
        (Source::File(p), Layout::Data) => read_scores_file(ds, p),
        (Source::Spec(p), Layout::Data) => score_with_spec(ds, p),
        (Source::Url(u), Layout::Data) => score_with_url(ds, u),
    }
}

/// Reads a scores file for `ds`.
pub fn read_scores_file(ds: &Dataset, path: &Path) -> Result<Vec<Vec<Score>>> {
    let file = display(path);
    let text = read_text(path)?;
    scores_from_text(ds, &file, &text)
}

/// Reads scores for `ds` from the text of a scores file (`file` names it in errors).
pub fn scores_from_text(ds: &Dataset, file: &str, text: &str) -> Result<Vec<Vec<Score>>> {
    let index: HashMap<&str, usize> = ds
        .items
        .iter()
        .enumerate()
        .map(|(i, it)| (it.id.as_str(), i))
        .collect();
    let mut out: Vec<Vec<Option<Score>>> = ds.items.iter().map(|it| vec![None; it.len()]).collect();
    for row in parse_rows(file, text)? {
        let line = row.line;
        let v = &row.value;
        let err = |field: &str, m: String| Error::field(file, line, field, m);
        if !v.is_object() {
            return Err(err("(row)", "expected a JSON object".into()));
        }
        let id = match v.get("id") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) if n.is_i64() || n.is_u64() => n.to_string(),
            Some(_) => return Err(err("id", "expected a text or an integer".into())),
            None => return Err(err("id", "missing".into())),
        };
        let Some(&item) = index.get(id.as_str()) else {
            return Err(err("id", format!("{id:?} is not an id of {}", ds.file)));
        };
        let slots = &mut out[item];
        let n = slots.len();
        let mut put = |k: usize, field: &str, s: &Value| -> Result<()> {
            let score = Score::from_value(s).map_err(|m| err(field, m))?;
            match slots.get_mut(k) {
                None => Err(err(
                    "index",
                    format!("{k} is out of range: item {id:?} has {n} completions"),
                )),
                Some(Some(_)) => Err(err(
                    "index",
                    format!("a second score for {id:?} completion {k}"),
                )),
                Some(slot) => {
                    *slot = Some(score);
                    Ok(())
                }
            }
        };
        if let Some(list) = v.get("scores") {
            let list = list
                .as_array()
                .ok_or_else(|| err("scores", "expected a list of scores".into()))?;
            if list.len() != n {
                return Err(err(
                    "scores",
                    format!(
                        "has {} entries but item {id:?} has {n} completions",
                        list.len()
                    ),
                ));
            }
            for (k, s) in list.iter().enumerate() {
                put(k, &format!("scores[{k}]"), s)?;
            }
        } else {
            let k = v
                .get("index")
                .ok_or_else(|| err("index", "missing (or give `scores`, a list)".into()))?
                .as_u64()
                .ok_or_else(|| err("index", "expected a non-negative integer".into()))?;
            let (field, s) = match (v.get("score"), v.get("reward")) {
                (Some(s), _) => ("score", s),
                (None, Some(s)) => ("reward", s),
                (None, None) => return Err(err("score", "missing".into())),
            };
            put(k as usize, field, s)?;
        }
    }
    finish(ds, file, out)
}

/// Checks that every completion has a score; the error lists the missing ones.
fn finish(ds: &Dataset, source: &str, out: Vec<Vec<Option<Score>>>) -> Result<Vec<Vec<Score>>> {
    let mut missing = Vec::new();
    for (it, slots) in ds.items.iter().zip(&out) {
        for (k, s) in slots.iter().enumerate() {
            if s.is_none() {
                missing.push(format!("{}#{k}", it.id));
            }
        }
    }
    if !missing.is_empty() {
        let count = missing.len();
        let mut list = missing.into_iter().take(10).collect::<Vec<_>>().join(", ");
        if count > 10 {
            list.push_str(&format!(", ... ({} more)", count - 10));
        }
        return Err(Error::MissingScores {
            source_name: source.to_string(),
            count,
            list,
        });
    }
    Ok(out
        .into_iter()
        .map(|v| v.into_iter().flatten().collect())
        .collect())
}

fn samples(ds: &Dataset) -> Vec<(usize, usize, Sample)> {
    let mut out = Vec::new();
    for (i, it) in ds.items.iter().enumerate() {
        for (k, c) in it.completions.iter().enumerate() {
            let mut s = Sample::new(c.clone());
            s.id = Some(json!(format!("{}#{k}", it.id)));
            if !it.prompt.is_empty() {
                s.prompt = Some(Prompt::Text(it.prompt.clone()));
            }
            s.reference = it.reference.clone().map(Reference::Text);
            s.group = Some(it.id.clone());
            out.push((i, k, s));
        }
    }
    out
}

/// Scores a dataset with a pipeline spec, in-process, as one batch.
pub fn score_with_spec(ds: &Dataset, spec: &Path) -> Result<Vec<Vec<Score>>> {
    let name = display(spec);
    let src = |message: String| Error::Source {
        source_name: name.clone(),
        message,
    };
    let pipeline = PipelineSpec::from_path(spec)
        .and_then(|s| s.build())
        .map_err(|e| {
            // The core's messages often start with the file name already: say it once.
            let m = e.to_string();
            let m = m
                .strip_prefix(name.as_str())
                .and_then(|m| m.strip_prefix(": "))
                .map_or(m.clone(), str::to_string);
            let m = m
                .strip_prefix(&format!("cannot parse {name}: "))
                .map_or(m.clone(), |rest| format!("cannot parse: {rest}"));
            src(m)
        })?;
    let rows = samples(ds);
    let batch: Vec<Sample> = rows.iter().map(|(_, _, s)| s.clone()).collect();
    let outputs = pipeline.score(&batch);
    let mut out: Vec<Vec<Option<Score>>> = ds.items.iter().map(|it| vec![None; it.len()]).collect();
    for ((i, k, _), o) in rows.iter().zip(outputs) {
        let v = o.value.ok_or_else(|| {
            let why = o
                .info
                .error
                .or(o.info.reason)
                .unwrap_or_else(|| "abstained".into());
            src(format!("no reward for {}#{k}: {why}", ds.items[*i].id))
        })?;
        out[*i][*k] = Some(Score::Value(v));
    }
    finish(ds, &name, out)
}

/// A failed server call in words (not Rust's debug form).
/// The message is prefixed with the URL (once, not twice: transport errors name it too).
fn call_error(e: &CallError, url: &str) -> String {
    match e {
        CallError::TimedOut => "timed out".into(),
        CallError::Failed { message, attempts } => {
            let message = message
                .strip_prefix(url)
                .and_then(|m| m.strip_prefix(": "))
                .unwrap_or(message);
            if *attempts > 1 {
                format!("{message} (after {attempts} attempts)")
            } else {
                message.to_string()
            }
        }
    }
}

/// Scores a dataset with a reward server, `source.batch` completions per request.
pub fn score_with_url(ds: &Dataset, source: &UrlSource) -> Result<Vec<Vec<Score>>> {
    let src = |message: String| Error::Source {
        source_name: source.url.clone(),
        message,
    };
    let client = Client::new(ClientConfig {
        url: source.url.clone(),
        token: source.token.clone(),
        request_timeout: source.timeout,
        concurrency: 1,
        ..ClientConfig::default()
    });
    let rows = samples(ds);
    let mut out: Vec<Vec<Option<Score>>> = ds.items.iter().map(|it| vec![None; it.len()]).collect();
    for chunk in rows.chunks(source.batch.max(1)) {
        let n = chunk.len();
        let texts = || -> Vec<String> {
            chunk
                .iter()
                .map(|(i, _, s)| {
                    source
                        .template
                        .replace("{prompt}", &ds.items[*i].prompt)
                        .replace("{completion}", &s.completion)
                })
                .collect()
        };
        let body = match source.api {
            Api::Classify | Api::Pooling => {
                wire::classify_body(texts(), source.model.as_deref(), None)
            }
            Api::OpenRlhf => wire::openrlhf_body(
                texts(),
                chunk
                    .iter()
                    .map(|(i, _, _)| ds.items[*i].prompt.clone())
                    .collect(),
                chunk
                    .iter()
                    .map(|(i, _, _)| {
                        ds.items[*i]
                            .reference
                            .clone()
                            .map_or(Value::Null, Value::String)
                    })
                    .collect(),
            ),
            Api::Rewardkit => wire::rewardkit_body(
                serde_json::to_value(chunk.iter().map(|(_, _, s)| s).collect::<Vec<_>>())
                    .map_err(|e| src(e.to_string()))?,
            ),
        };
        let api = source.api;
        let entries = client
            .call(&body.to_string(), None, move |v| match api {
                Api::Classify => wire::read_classify(v, n, false),
                Api::Pooling => wire::read_classify(v, n, true),
                Api::OpenRlhf => wire::read_openrlhf(v, n),
                Api::Rewardkit => Ok(wire::list(v, "results", n)?
                    .iter()
                    .map(|r| {
                        r.get("value")
                            .and_then(Value::as_f64)
                            .filter(|x| x.is_finite())
                            .ok_or_else(|| {
                                let why = r
                                    .pointer("/info/error")
                                    .or_else(|| r.pointer("/info/reason"))
                                    .and_then(Value::as_str)
                                    .unwrap_or("no value");
                                format!("no reward: {why}")
                            })
                    })
                    .collect()),
            })
            .map_err(|e| src(call_error(&e, &source.url)))?;
        for ((i, k, _), e) in chunk.iter().zip(entries) {
            let v = e.map_err(|m| src(format!("{}#{k}: {m}", ds.items[*i].id)))?;
            out[*i][*k] = Some(Score::Value(v));
        }
    }
    finish(ds, &source.url, out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Benchmark;

    fn rb() -> Dataset {
        let t = "{\"id\":1,\"prompt\":\"p\",\"chosen\":\"a\",\"rejected\":\"b\",\"subset\":\"s\"}\n{\"id\":2,\"prompt\":\"p\",\"chosen\":\"a\",\"rejected\":\"b\",\"subset\":\"s\"}\n";
        Dataset::from_text(Benchmark::RewardBench, "rb.jsonl", t).unwrap()
    }

    #[test]
    fn both_line_shapes_and_placement_by_index() {
        let s = scores_from_text(
            &rb(),
            "s.jsonl",
            "{\"id\":2,\"index\":1,\"score\":0.5}\n{\"id\":\"1\",\"scores\":[1,2]}\n{\"id\":2,\"index\":0,\"reward\":[0.1,0.9]}\n",
        )
        .unwrap();
        assert_eq!(s[0], vec![Score::Value(1.0), Score::Value(2.0)]);
        assert_eq!(s[1], vec![Score::Steps(vec![0.1, 0.9]), Score::Value(0.5)]);
    }

    #[test]
    fn missing_scores_are_listed() {
        let err = scores_from_text(
            &rb(),
            "s.jsonl",
            "{\"id\":1,\"scores\":[1,2]}\n{\"id\":2,\"index\":0,\"score\":1}\n",
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "s.jsonl: no score for 1 of the benchmark's completions: 2#1"
        );
    }

    #[test]
    fn bad_lines_name_line_and_field() {
        let ds = rb();
        let cases = [
            (
                "{\"id\":3,\"index\":0,\"score\":1}",
                "s.jsonl:1: field `id`: \"3\" is not an id of rb.jsonl",
            ),
            (
                "{\"id\":1,\"index\":2,\"score\":1}",
                "s.jsonl:1: field `index`: 2 is out of range: item \"1\" has 2 completions",
            ),
            (
                "{\"id\":1,\"index\":0,\"score\":null}",
                "s.jsonl:1: field `score`: null is not a score",
            ),
            (
                "{\"id\":1,\"index\":0,\"score\":\"x\"}",
                "s.jsonl:1: field `score`: expected a number or a list of step scores",
            ),
            (
                "{\"id\":1,\"scores\":[1]}",
                "s.jsonl:1: field `scores`: has 1 entries but item \"1\" has 2 completions",
            ),
            (
                "{\"id\":1,\"index\":0,\"score\":1}\n{\"id\":1,\"index\":0,\"score\":2}",
                "s.jsonl:2: field `index`: a second score for \"1\" completion 0",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(
                scores_from_text(&ds, "s.jsonl", text)
                    .unwrap_err()
                    .to_string(),
                want
            );
        }
        let nan =
            scores_from_text(&ds, "s.jsonl", "{\"id\":1,\"index\":0,\"score\":NaN}").unwrap_err();
        assert!(
            nan.to_string().starts_with("s.jsonl:1: not valid JSON"),
            "{nan}"
        );
    }

    #[test]
    fn api_from_url() {
        assert_eq!(Api::from_url("http://h:1/v1/score"), Some(Api::Rewardkit));
        assert_eq!(Api::from_url("http://h:1/get_reward/"), Some(Api::OpenRlhf));
        assert_eq!(Api::from_url("http://h:1/classify"), Some(Api::Classify));
        assert_eq!(Api::from_url("http://h:1/"), None);
    }

    #[test]
    fn step_aggregations() {
        let s = [0.5, 0.8, 0.25];
        assert_eq!(StepAgg::Min.apply(&s), 0.25);
        assert_eq!(StepAgg::Max.apply(&s), 0.8);
        assert!((StepAgg::Prod.apply(&s) - 0.1).abs() < 1e-15);
        assert!((StepAgg::GeometricMean.apply(&s) - 0.1f64.powf(1.0 / 3.0)).abs() < 1e-15);
        assert!((StepAgg::Mean.apply(&s) - 1.55 / 3.0).abs() < 1e-15);
        // logits: 0, ln 4, ln(1/3): mean ln(4/3)/3
        let m = (4.0f64 / 3.0).ln() / 3.0;
        assert!((StepAgg::MeanLogit.apply(&s) - 1.0 / (1.0 + (-m).exp())).abs() < 1e-15);
        // odds: 1, 4, 1/3
        assert!((StepAgg::MeanOdd.apply(&s) - (1.0 + 4.0 + 1.0 / 3.0) / 3.0).abs() < 1e-15);
        assert_eq!(StepAgg::Last.apply(&s), 0.25);
    }
}
