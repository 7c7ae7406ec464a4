//! The route handlers and their wire types.

use crate::extract::Json;
use crate::{ApiError, AppState};
use axum::extract::{RawQuery, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use rewardkit_core::{Prompt, Reference, RewardOutput, Sample, Step};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::BTreeMap;

// ---------------------------------------------------------------- text field limits

/// `413 field_too_large` when `text` (at `path`) is over `max` bytes.
fn check_text(path: impl FnOnce() -> String, text: &str, max: usize) -> Result<(), ApiError> {
    if text.len() > max {
        return Err(ApiError::field_too_large(&path(), text.len(), max));
    }
    Ok(())
}

/// Checks every string inside a JSON value (keys included).
fn check_value(path: &dyn Fn() -> String, v: &Value, max: usize) -> Result<(), ApiError> {
    match v {
        Value::String(s) => check_text(path, s, max),
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                check_value(&|| format!("{}[{i}]", path()), x, max)?;
            }
            Ok(())
        }
        Value::Object(map) => {
            for (k, x) in map {
                check_text(|| format!("{}.{k:.40}", path()), k, max)?;
                check_value(&|| format!("{}.{k:.40}", path()), x, max)?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// Checks every text field of the samples of a `/v1/score` request.
fn check_sample(i: usize, s: &Sample, max: usize) -> Result<(), ApiError> {
    let at = |f: &str| format!("samples[{i}].{f}");
    check_text(|| at("completion"), &s.completion, max)?;
    match &s.prompt {
        Some(Prompt::Text(p)) => check_text(|| at("prompt"), p, max)?,
        Some(Prompt::Messages(ms)) => {
            for (j, m) in ms.iter().enumerate() {
                check_text(|| at(&format!("prompt[{j}].content")), &m.content, max)?;
                check_text(|| at(&format!("prompt[{j}].role")), &m.role, max)?;
            }
        }
        None => {}
    }
    match &s.reference {
        Some(Reference::Text(r)) => check_text(|| at("reference"), r, max)?,
        Some(Reference::List(l)) => {
            for (j, r) in l.iter().enumerate() {
                check_text(|| at(&format!("reference[{j}]")), r, max)?;
            }
        }
        Some(Reference::Other(v)) => check_value(&|| at("reference"), v, max)?,
        None => {}
    }
    if let Some(g) = &s.group {
        check_text(|| at("group"), g, max)?;
    }
    if let Some(id) = &s.id {
        check_value(&|| at("id"), id, max)?;
    }
    for (j, step) in s.steps.iter().flatten().enumerate() {
        if let Step::Text(t) | Step::Full { text: t, .. } = step {
            check_text(|| at(&format!("steps[{j}]")), t, max)?;
        }
    }
    for (k, v) in &s.metadata {
        check_value(&|| at(&format!("{k:.40}")), v, max)?;
    }
    Ok(())
}

// ---------------------------------------------------------------- /get_reward (OpenRLHF)

/// OpenRLHF's remote reward model request (`openrlhf/utils/agent.py`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GetRewardRequest {
    /// Full texts: prompt + response.
    query: Vec<String>,
    /// The prompts; when `prompts[i]` is a prefix of `query[i]` it is cut off to get the
    /// response.
    #[serde(default)]
    prompts: Option<Vec<String>>,
    /// The references (text, number, list of texts, or null).
    #[serde(default)]
    labels: Option<Vec<Value>>,
}

/// OpenRLHF's response: equal-length lists.
#[derive(Debug, Serialize)]
pub(crate) struct GetRewardResponse {
    rewards: Vec<f64>,
    scores: Vec<f64>,
    extra_logs: BTreeMap<String, Vec<f64>>,
}

fn check_len(name: &str, got: usize, want: usize) -> Result<(), ApiError> {
    if got == want {
        Ok(())
    } else {
        Err(ApiError::invalid_request(format!(
            "`{name}` has {got} items but `query` has {want}; the lists must have equal lengths"
        )))
    }
}

/// `POST /get_reward`.
pub(crate) async fn get_reward(
    State(state): State<AppState>,
    Json(req): Json<GetRewardRequest>,
) -> Result<axum::Json<GetRewardResponse>, ApiError> {
    let n = req.query.len();
    if let Some(p) = &req.prompts {
        check_len("prompts", p.len(), n)?;
    }
    if let Some(l) = &req.labels {
        check_len("labels", l.len(), n)?;
    }
    let max = state.config().max_field_bytes;
    for (i, q) in req.query.iter().enumerate() {
        check_text(|| format!("query[{i}]"), q, max)?;
    }
    for (i, p) in req.prompts.iter().flatten().enumerate() {
        check_text(|| format!("prompts[{i}]"), p, max)?;
    }
    for (i, l) in req.labels.iter().flatten().enumerate() {
        check_value(&|| format!("labels[{i}]"), l, max)?;
    }
    state.metrics().add_samples(0, n);
    let mut prompts = req.prompts.map(Vec::into_iter);
    let mut labels = req.labels.map(Vec::into_iter);
    let samples: Vec<Sample> = req
        .query
        .into_iter()
        .map(|query| {
            let prompt = prompts.as_mut().and_then(Iterator::next);
            let label = labels.as_mut().and_then(Iterator::next);
            let completion = match &prompt {
                Some(p) => match query.strip_prefix(p.as_str()) {
                    Some(rest) => rest.to_string(),
                    None => query,
                },
                None => query,
            };
            Sample {
                prompt: prompt.map(Prompt::Text),
                reference: label.and_then(|l| match l {
                    Value::Null => None,
                    v => Some(Reference::from_value(v)),
                }),
                ..Sample::new(completion)
            }
        })
        .collect();
    let outs = state.score(samples).await?;
    Ok(axum::Json(openrlhf_response(
        &outs,
        state.config().missing_value,
    )))
}

/// Builds the OpenRLHF response: `rewards` = `scores` = values (missing → `missing`),
/// `extra_logs` = every component plus `timeout`/`error`/`abstain` 0/1 flags.
pub(crate) fn openrlhf_response(outs: &[RewardOutput], missing: f64) -> GetRewardResponse {
    let rewards: Vec<f64> = outs.iter().map(|o| o.value.unwrap_or(missing)).collect();
    let mut extra: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    if !outs.is_empty() {
        for o in outs {
            for k in o.components.keys() {
                if !extra.contains_key(k) {
                    extra.insert(k.clone(), Vec::new());
                }
            }
        }
        let names: Vec<String> = extra.keys().cloned().collect();
        for o in outs {
            for k in &names {
                let v = o.components.get(k).copied().flatten().unwrap_or(missing);
                if let Some(list) = extra.get_mut(k) {
                    list.push(v);
                }
            }
        }
        let flag = |b: bool| if b { 1.0 } else { 0.0 };
        extra.insert(
            "timeout".into(),
            outs.iter().map(|o| flag(o.info.timeout)).collect(),
        );
        extra.insert(
            "error".into(),
            outs.iter()
                .map(|o| flag(!o.info.timeout && o.info.error.is_some()))
                .collect(),
        );
        extra.insert(
            "abstain".into(),
            outs.iter().map(|o| flag(o.is_abstention())).collect(),
        );
    }
    GetRewardResponse {
        scores: rewards.clone(),
        rewards,
        extra_logs: extra,
    }
}

// ---------------------------------------------------------------- /v1/score (rewardkit)

/// rewardkit's batch request.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ScoreRequest {
    samples: Vec<Sample>,
}

/// One result: the sample's id (when it had one) and its output.
#[derive(Debug, Serialize)]
pub(crate) struct ScoreResult {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<Value>,
    #[serde(flatten)]
    output: RewardOutput,
}

/// rewardkit's batch response, in request order.
#[derive(Debug, Serialize)]
pub(crate) struct ScoreResponse {
    results: Vec<ScoreResult>,
}

/// `POST /v1/score`.
pub(crate) async fn score(
    State(state): State<AppState>,
    Json(req): Json<ScoreRequest>,
) -> Result<axum::Json<ScoreResponse>, ApiError> {
    let max = state.config().max_field_bytes;
    for (i, s) in req.samples.iter().enumerate() {
        check_sample(i, s, max)?;
    }
    state.metrics().add_samples(1, req.samples.len());
    let ids: Vec<Option<Value>> = req.samples.iter().map(|s| s.id.clone()).collect();
    let outs = state.score(req.samples).await?;
    Ok(axum::Json(ScoreResponse {
        results: ids
            .into_iter()
            .zip(outs)
            .map(|(id, output)| ScoreResult { id, output })
            .collect(),
    }))
}

// ---------------------------------------------------------------- /classify (vLLM, SGLang)

/// The input of a vLLM classification request.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum ClassifyInput {
    One(String),
    Many(Vec<String>),
    #[allow(dead_code)]
    Other(Value),
}

/// vLLM's `/classify` request (SGLang's `/v1/classify` is the same). Fields rewardkit has no
/// use for (activation, truncation, priority, ...) are accepted and ignored so that existing
/// clients work unchanged; any other field is an error.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub(crate) struct ClassifyRequest {
    #[serde(default)]
    model: Option<String>,
    input: ClassifyInput,
    #[serde(default)]
    activation: Option<bool>,
    #[serde(default)]
    use_activation: Option<bool>,
    #[serde(default)]
    softmax: Option<bool>,
    #[serde(default)]
    user: Option<String>,
    #[serde(default)]
    truncate_prompt_tokens: Option<i64>,
    #[serde(default)]
    add_special_tokens: Option<bool>,
    #[serde(default)]
    priority: Option<i64>,
    #[serde(default)]
    request_id: Option<String>,
    #[serde(default)]
    rid: Option<Value>,
}

/// `POST /classify` and `POST /v1/classify`: each input text is scored as a completion
/// (no prompt, no reference); `data[i].probs = [value]`, `num_classes = 1`.
pub(crate) async fn classify(
    State(state): State<AppState>,
    Json(req): Json<ClassifyRequest>,
) -> Result<Response, ApiError> {
    let texts = match req.input {
        ClassifyInput::One(s) => vec![s],
        ClassifyInput::Many(v) => v,
        ClassifyInput::Other(_) => {
            return Err(ApiError::invalid_request(
                "`input` must be a string or a list of strings (token ids are not supported: \
                 rewardkit scores text)",
            ))
        }
    };
    let max = state.config().max_field_bytes;
    let many = texts.len() > 1;
    for (i, t) in texts.iter().enumerate() {
        check_text(
            || {
                if many {
                    format!("input[{i}]")
                } else {
                    "input".into()
                }
            },
            t,
            max,
        )?;
    }
    state.metrics().add_samples(2, texts.len());
    let samples: Vec<Sample> = texts.into_iter().map(Sample::new).collect();
    let outs = state.score(samples).await?;
    let missing = state.config().missing_value;
    let data: Vec<Value> = outs
        .iter()
        .enumerate()
        .map(|(i, o)| {
            json!({"index": i, "label": "LABEL_0", "probs": [o.value.unwrap_or(missing)], "num_classes": 1})
        })
        .collect();
    let created = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let model = req
        .model
        .unwrap_or_else(|| state.config().model_name.clone());
    let body = json!({
        "id": format!("classify-{created:x}{:x}", state.metrics().requests_started()),
        "object": "list",
        "created": created,
        "model": model,
        "data": data,
        "usage": {"prompt_tokens": 0, "total_tokens": 0, "completion_tokens": 0,
                  "prompt_tokens_details": null},
    });
    Ok(axum::Json(body).into_response())
}

// ---------------------------------------------------------------- /health, /metrics, 404

/// `GET /health`: 200 `{"status": "ok" | "saturated", "saturated", "queue": {...}}` (see
/// [`crate::Load`]), or 503 `{"status": "draining"}` during shutdown. With `?ready=1` (a
/// readiness probe) a saturated server answers 503 too.
pub(crate) async fn health(State(state): State<AppState>, RawQuery(q): RawQuery) -> Response {
    if state.is_draining() {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            axum::Json(json!({"status": "draining", "error": {"code": "draining", "message": "the server is shutting down"}})),
        )
            .into_response();
    }
    let ready = q.as_deref().is_some_and(|q| {
        q.split('&').any(|kv| {
            let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
            k == "ready" && !matches!(v, "0" | "false" | "no")
        })
    });
    let load = state.load();
    let status = if load.saturated { "saturated" } else { "ok" };
    let mut body = json!({"status": status, "saturated": load.saturated, "queue": load});
    if ready && load.saturated {
        body["error"] = json!({"code": "saturated", "message": "the scoring queue is saturated; retry later or use another replica"});
        let mut r = (StatusCode::SERVICE_UNAVAILABLE, axum::Json(body)).into_response();
        r.headers_mut().insert(
            header::RETRY_AFTER,
            header::HeaderValue::from(state.config().retry_after_secs),
        );
        return r;
    }
    axum::Json(body).into_response()
}

/// `GET /metrics`: Prometheus text format.
pub(crate) async fn metrics(State(state): State<AppState>) -> Response {
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        state.metrics().render(),
    )
        .into_response()
}

/// Any other route.
pub(crate) async fn not_found() -> ApiError {
    ApiError::from_status(StatusCode::NOT_FOUND)
}
