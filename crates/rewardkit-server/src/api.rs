//! The route handlers and their wire types.

use crate::extract::Json;
use crate::{ApiError, AppState, ErrorCode};
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

/// Checks every text of a chat message: content, role, tool calls, other parts and fields.
fn check_message(
    path: &dyn Fn() -> String,
    m: &rewardkit_core::Message,
    max: usize,
) -> Result<(), ApiError> {
    check_text(|| format!("{}.content", path()), &m.content, max)?;
    check_text(|| format!("{}.role", path()), &m.role, max)?;
    for (k, list) in [
        ("tool_calls", m.tool_calls.as_deref()),
        ("parts", Some(&m.parts[..])),
    ] {
        for (i, v) in list.unwrap_or_default().iter().enumerate() {
            check_value(&|| format!("{}.{k}[{i}]", path()), v, max)?;
        }
    }
    for (k, v) in &m.extra {
        check_value(&|| format!("{}.{k:.40}", path()), v, max)?;
    }
    Ok(())
}

/// Checks every text field of the samples of a `/v1/score` request.
fn check_sample(i: usize, s: &Sample, max: usize) -> Result<(), ApiError> {
    let at = |f: &str| format!("samples[{i}].{f}");
    check_text(|| at("completion"), &s.completion, max)?;
    match &s.prompt {
        Some(Prompt::Text(p)) => check_text(|| at("prompt"), p, max)?,
        Some(Prompt::Messages(ms)) => {
            for (j, m) in ms.iter().enumerate() {
                check_message(&|| at(&format!("prompt[{j}]")), m, max)?;
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

// ---------------------------------------------------------------- grouping

/// `422 needs_groups` when a group- or batch-scope pipeline would see a sample without the
/// rest of its group (`/v1/score` groups by `group` id, else by prompt; `/get_reward` by
/// prompt; `/classify` not at all): such a sample would score 0 (a z-score of one value),
/// silently. A request is scored on its own, so a group split over two requests is refused.
fn check_grouping(state: &AppState, samples: &[Sample], route: &str) -> Result<(), ApiError> {
    use rewardkit_core::node::{Batch, Scope};
    if samples.is_empty() {
        return Ok(());
    }
    let pipeline = state.pipeline();
    match pipeline.scope() {
        Scope::Sample => Ok(()),
        Scope::Batch if samples.len() >= 2 => Ok(()),
        Scope::Batch => Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::NeedsGroups,
            format!(
                "the pipeline normalises over the whole batch (scope `batch`), and this {route} \
                 request has one sample: it would score 0. Send whole batches, or serve a \
                 per-sample pipeline (trainers that call per sample compute advantages themselves)"
            ),
        )),
        Scope::Group => {
            let batch = Batch::new(samples, pipeline.settings());
            if batch.groups().iter().all(|g| g.len() >= 2) {
                Ok(())
            } else {
                Err(ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    ErrorCode::NeedsGroups,
                    format!(
                        "the pipeline normalises within groups (scope `group`), and this {route} \
                         request has a sample without the rest of its group ({}): it would \
                         score 0. {}",
                        if route == "/v1/score" {
                            "groups are samples with the same `group` id, or else the same prompt"
                        } else {
                            "groups are samples with the same prompt here"
                        },
                        if route == "/v1/score" {
                            "Send every sample of a group in one request, or serve a per-sample \
                             pipeline"
                        } else {
                            "Send whole groups, use /v1/score with `group` ids, or serve a \
                             per-sample pipeline"
                        }
                    ),
                ))
            }
        }
    }
}

/// `GET /v1/pipeline`: the pipeline's scope, component names and correctness component.
pub(crate) async fn pipeline_info(State(state): State<AppState>) -> axum::Json<Value> {
    axum::Json(serde_json::to_value(state.info()).unwrap_or(Value::Null))
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
    state.metrics().add_samples("/get_reward", n);
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
    check_grouping(&state, &samples, "/get_reward")?;
    let outs = state.score(samples).await?;
    Ok(axum::Json(openrlhf_response(
        &outs,
        state.config().missing_value,
        state.info(),
    )))
}

/// The key under which a component is logged: its name, or `component/<name>` when that is a
/// reserved key (a root `gate`'s `reward`), so that it never overwrites the trainer's own.
fn log_key(name: &str) -> String {
    if rewardkit_core::log_keys::is_reserved(name) {
        format!("component/{name}")
    } else {
        name.to_string()
    }
}

/// Builds the OpenRLHF response (missing values → `missing`):
///
/// - `rewards`: the values;
/// - `scores`: OpenRLHF's 0–1 correctness score for dynamic filtering: the correctness
///   component ([`crate::PipelineInfo::correctness`]) when the pipeline has one, else the
///   values;
/// - `extra_logs`: every component the pipeline can produce (the same keys for every request,
///   since OpenRLHF sends one sample per request; a reserved name is logged as
///   `component/<name>`) plus `timeout`/`error`/`abstain` 0/1 flags. Without the spec's
///   component names, the components that this request's samples have.
pub(crate) fn openrlhf_response(
    outs: &[RewardOutput],
    missing: f64,
    info: &crate::PipelineInfo,
) -> GetRewardResponse {
    let rewards: Vec<f64> = outs.iter().map(|o| o.value.unwrap_or(missing)).collect();
    let scores: Vec<f64> = match info.correctness.as_deref() {
        None | Some("") => rewards.clone(),
        Some(c) => outs
            .iter()
            .map(|o| o.components.get(c).copied().flatten().unwrap_or(missing))
            .collect(),
    };
    let mut extra: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    if !outs.is_empty() {
        let names: Vec<String> = match &info.components {
            Some(names) => names.clone(),
            None => {
                let mut seen: Vec<String> = outs
                    .iter()
                    .flat_map(|o| o.components.keys().cloned())
                    .collect();
                seen.sort();
                seen.dedup();
                seen
            }
        };
        for k in &names {
            extra.insert(
                log_key(k),
                outs.iter()
                    .map(|o| o.components.get(k).copied().flatten().unwrap_or(missing))
                    .collect(),
            );
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
        scores,
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
    check_grouping(&state, &req.samples, "/v1/score")?;
    state.metrics().add_samples("/v1/score", req.samples.len());
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

/// vLLM's `/classify` request (SGLang's `/v1/classify` is the same), completions form
/// (`input`) or chat form (`messages`). Fields rewardkit has no use for (activation,
/// truncation, caching, multimodal processing, chat templating, priority, ...) are accepted
/// and ignored so that existing clients work unchanged; any other field is an error.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub(crate) struct ClassifyRequest {
    #[serde(default)]
    model: Option<String>,
    #[serde(default)]
    input: Option<ClassifyInput>,
    /// Chat form: one conversation, scored as its last assistant message (the completion)
    /// after the messages before it (the prompt).
    #[serde(default)]
    messages: Option<Vec<Value>>,
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
    truncation_side: Option<String>,
    #[serde(default)]
    add_special_tokens: Option<bool>,
    #[serde(default)]
    priority: Option<i64>,
    #[serde(default)]
    request_id: Option<String>,
    #[serde(default)]
    rid: Option<Value>,
    #[serde(default)]
    cache_salt: Option<String>,
    #[serde(default)]
    mm_processor_kwargs: Option<Value>,
    #[serde(default)]
    chat_template: Option<String>,
    #[serde(default)]
    chat_template_kwargs: Option<Value>,
    #[serde(default)]
    add_generation_prompt: Option<bool>,
    #[serde(default)]
    continue_final_message: Option<bool>,
    #[serde(default)]
    encoding_format: Option<String>,
    #[serde(default)]
    dimensions: Option<i64>,
}

/// One chat message of a `/classify` chat request, read as rows read messages
/// ([`rewardkit_core::Message`]: content as text, `null` or content parts, tool calls kept);
/// a message without a `role` is the user's.
fn chat_message(i: usize, m: Value) -> Result<rewardkit_core::Message, ApiError> {
    let m = match m {
        Value::Object(mut o) => {
            if o.get("role").map_or(true, Value::is_null) {
                o.insert("role".into(), Value::String("user".into()));
            }
            Value::Object(o)
        }
        other => other,
    };
    rewardkit_core::Message::from_value(m)
        .map_err(|e| ApiError::invalid_request(format!("messages[{i}]: {e}")))
}

/// `POST /classify` and `POST /v1/classify`: each input text is scored as a completion
/// (no prompt, no reference), a chat conversation as its last assistant message after the
/// messages before it; `data[i].probs = [value]`, `num_classes = 1`.
pub(crate) async fn classify(
    State(state): State<AppState>,
    route: axum::extract::MatchedPath,
    Json(req): Json<ClassifyRequest>,
) -> Result<Response, ApiError> {
    let max = state.config().max_field_bytes;
    let samples: Vec<Sample> = match (req.input, req.messages) {
        (Some(_), Some(_)) => {
            return Err(ApiError::invalid_request(
                "give either `input` or `messages`, not both",
            ))
        }
        (None, None) => {
            return Err(ApiError::invalid_request(
                "missing `input` (text or list of texts) or `messages` (a chat conversation)",
            ))
        }
        (None, Some(msgs)) => {
            let msgs: Vec<rewardkit_core::Message> = msgs
                .into_iter()
                .enumerate()
                .map(|(i, m)| chat_message(i, m))
                .collect::<Result<_, _>>()?;
            for (i, m) in msgs.iter().enumerate() {
                check_message(&|| format!("messages[{i}]"), m, max)?;
            }
            let Some((prompt, turn)) = rewardkit_core::io::split_conversation(msgs) else {
                return Err(ApiError::invalid_request(
                    "`messages` has no assistant message to score",
                ));
            };
            let mut s = Sample::default();
            rewardkit_core::io::CompletionTurn::from_messages(&turn).apply(&mut s);
            if !prompt.is_empty() {
                s.prompt = Some(Prompt::Messages(prompt));
            }
            vec![s]
        }
        (Some(input), None) => {
            let texts = match input {
                ClassifyInput::One(s) => vec![s],
                ClassifyInput::Many(v) => v,
                ClassifyInput::Other(_) => {
                    return Err(ApiError::invalid_request(
                        "`input` must be a string or a list of strings (token ids are not \
                         supported: rewardkit scores text)",
                    ))
                }
            };
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
            texts.into_iter().map(Sample::new).collect()
        }
    };
    check_grouping(&state, &samples, "/classify")?;
    state.metrics().add_samples(route.as_str(), samples.len());
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
            axum::Json(json!({"status": "draining", "error": {"code": ErrorCode::Draining.as_str(), "message": "the server is shutting down"}})),
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
        body["error"] = json!({"code": ErrorCode::Saturated.as_str(), "message": "the scoring queue is saturated; retry later or use another replica"});
        let mut r = (StatusCode::SERVICE_UNAVAILABLE, axum::Json(body)).into_response();
        r.headers_mut().insert(
            header::RETRY_AFTER,
            header::HeaderValue::from(state.config().retry_after_secs),
        );
        return r;
    }
    axum::Json(body).into_response()
}

/// `GET /metrics`: the OpenMetrics text format (Prometheus scrapes it).
pub(crate) async fn metrics(State(state): State<AppState>) -> Response {
    (
        [(header::CONTENT_TYPE, crate::metrics::CONTENT_TYPE)],
        state.metrics().render(),
    )
        .into_response()
}

/// Any other route.
pub(crate) async fn not_found() -> ApiError {
    ApiError::from_status(StatusCode::NOT_FOUND)
}
