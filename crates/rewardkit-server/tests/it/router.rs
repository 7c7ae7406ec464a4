//! Router tests without a socket: every route, every error shape, the limits.

use super::common::*;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use rewardkit_core::node::{Leaf, RewardFn, Settings};
use rewardkit_core::{Deadline, Pipeline, RewardOutput, Sample};
use rewardkit_server::{AppState, ServerConfig};
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[tokio::test]
async fn get_reward_openrlhf_contract() {
    let st = spec_state(ServerConfig::default());
    // The prompt holds a number; cutting it off the query leaves a response without one.
    let body = json!({
        "query": ["Q: 6*7? Hint: 42\n<think>ok</think> The answer is 42",
                  "Q: 6*7? Hint: 42\nI do not know",
                  "Q: 1+1? 2"],
        "prompts": ["Q: 6*7? Hint: 42\n", "Q: 6*7? Hint: 42\n", "not a prefix"],
        "labels": ["42", "42", "2"],
    });
    let (s, _, v) = call(&st, post("/get_reward", body.to_string())).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["rewards"], json!([1.5, 0.0, 1.0]));
    assert_eq!(v["scores"], v["rewards"]);
    assert_eq!(v["extra_logs"]["correct"], json!([1.0, 0.0, 1.0]));
    assert_eq!(v["extra_logs"]["format"], json!([1.0, 0.0, 0.0]));
    assert_eq!(v["extra_logs"]["timeout"], json!([0.0, 0.0, 0.0]));
    assert_eq!(v["extra_logs"]["error"], json!([0.0, 0.0, 0.0]));
}

#[tokio::test]
async fn get_reward_empty_lists_and_missing_optional_lists() {
    let st = spec_state(ServerConfig::default());
    let (s, _, v) = call(
        &st,
        post(
            "/get_reward",
            r#"{"query": [], "prompts": [], "labels": []}"#,
        ),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v, json!({"rewards": [], "scores": [], "extra_logs": {}}));
    // Only `query` (the reference OpenRLHF server reads nothing else): no label → abstain → 0.
    let (s, _, v) = call(&st, post("/get_reward", r#"{"query": ["7"]}"#)).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["rewards"], json!([0.0]));
    assert_eq!(v["extra_logs"]["correct"], json!([0.0]));
}

#[tokio::test]
async fn client_faults_are_4xx_json() {
    let st = spec_state(ServerConfig::default());
    let cases: Vec<(&str, &str, StatusCode, &str)> = vec![
        (
            "/get_reward",
            "{\"query\": [",
            StatusCode::BAD_REQUEST,
            "invalid_json",
        ),
        ("/get_reward", "", StatusCode::BAD_REQUEST, "invalid_json"),
        (
            "/get_reward",
            "[1,2]",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_request",
        ),
        (
            "/get_reward",
            r#"{"query": [1]}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_request",
        ),
        (
            "/get_reward",
            r#"{"query": ["a"], "extra": 1}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_request",
        ),
        (
            "/get_reward",
            r#"{"query": ["a", "b"], "prompts": ["a"]}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_request",
        ),
        (
            "/get_reward",
            r#"{"query": ["a"], "labels": []}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_request",
        ),
        (
            "/v1/score",
            r#"{"samples": [{"completion": "x", "bogus": 1}]}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_request",
        ),
        (
            "/classify",
            r#"{"input": [[1, 2, 3]]}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_request",
        ),
        (
            "/classify",
            r#"{"input": "x", "temperature": 1}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_request",
        ),
        ("/nope", "{}", StatusCode::NOT_FOUND, "not_found"),
    ];
    for (path, body, status, code) in cases {
        let (s, h, v) = call(&st, post(path, body)).await;
        assert_eq!(s, status, "{path} {body}: {v}");
        assert_error(&v, code);
        assert!(h.contains_key("x-request-id"));
    }
    let (s, _, v) = call(
        &st,
        Request::get("/get_reward").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::METHOD_NOT_ALLOWED);
    assert_error(&v, "method_not_allowed");
    // The message names the field.
    let (_, _, v) = call(&st, post("/get_reward", r#"{"query": ["a", 3]}"#)).await;
    assert!(
        v["error"]["message"].as_str().unwrap().contains("query[1]"),
        "{v}"
    );
}

#[tokio::test]
async fn v1_score_keeps_order_and_ids() {
    let st = spec_state(ServerConfig::default());
    let body = json!({"samples": [
        {"id": 7, "completion": "<think>a</think> 12", "reference": "12"},
        {"id": "b", "completion": "no number", "reference": "12"},
        {"completion": "5"},
    ]});
    let (s, _, v) = call(&st, post("/v1/score", body.to_string())).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let r = v["results"].as_array().unwrap();
    assert_eq!(r.len(), 3);
    assert_eq!(r[0]["id"], 7);
    assert_eq!(r[0]["value"], 1.5);
    assert_eq!(r[0]["components"]["correct"], 1.0);
    assert_eq!(r[1]["id"], "b");
    assert_eq!(r[1]["value"], 0.0);
    assert!(r[2].get("id").is_none());
}

#[tokio::test]
async fn classify_speaks_vllm() {
    let st = spec_state(ServerConfig::default());
    let (s, _, v) = call(
        &st,
        post(
            "/classify",
            r#"{"model": "rm", "input": ["<think>x</think> y", "plain"], "activation": false}"#,
        ),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["object"], "list");
    assert_eq!(v["model"], "rm");
    let data = v["data"].as_array().unwrap();
    assert_eq!(data.len(), 2);
    assert_eq!(data[0]["index"], 0);
    assert_eq!(data[0]["num_classes"], 1);
    // No reference: `correct` abstains; the weighted sum keeps the format term.
    assert_eq!(data[0]["probs"], json!([0.5]));
    // verl reads data[-1].probs[-1].
    assert_eq!(data[1]["probs"][0], 0.0);
    // A single string, SGLang route, default model name.
    let (s, _, v) = call(&st, post("/v1/classify", r#"{"input": "x"}"#)).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["model"], "rewardkit");
    assert_eq!(v["data"].as_array().unwrap().len(), 1);
}

/// A tool-using turn: a call with no content (its arguments hold a number), the tool's
/// result, the final answer.
fn tool_turn(answer: &str) -> Value {
    json!([
        {"role": "assistant", "content": null, "tool_calls": [{"id": "c1", "type": "function",
            "function": {"name": "calc", "arguments": "{\"x\": 99}"}}]},
        {"role": "tool", "tool_call_id": "c1", "content": "42"},
        {"role": "assistant", "content": [{"type": "text", "text": answer}]},
    ])
}

#[tokio::test]
async fn tool_calls_and_content_blocks_are_read_on_every_route() {
    let st = spec_state(ServerConfig::default());
    let prompt = json!([{"role": "user", "content": [
        {"type": "image_url", "image_url": {"url": "https://example.invalid/q.png"}},
        {"type": "text", "text": "6*7?"}]}]);
    let body = json!({"samples": [
        {"prompt": prompt, "completion": tool_turn("It is 42."), "reference": "42"},
        {"prompt": prompt, "completion": tool_turn("I do not know."), "reference": "42"},
    ]});
    let (s, _, v) = call(&st, post("/v1/score", body.to_string())).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let r = v["results"].as_array().unwrap();
    // The final text is the completion; the call's `99` is not read as an answer.
    assert_eq!(r[0]["components"]["correct"], 1.0, "{v}");
    assert_eq!(r[1]["components"]["correct"], 0.0, "{v}");

    let mut messages = prompt.as_array().unwrap().clone();
    messages.extend(tool_turn("It is 42.").as_array().unwrap().iter().cloned());
    let (s, _, v) = call(
        &st,
        post("/classify", json!({"messages": messages}).to_string()),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    // No reference: `correct` abstains, the format term scores 0 for text without tags.
    assert_eq!(v["data"][0]["probs"], json!([0.0]));

    // A malformed message says which one, and what is wrong.
    let bad = json!({"messages": [{"role": "assistant", "content": [{"type": "text"}]}]});
    let (s, _, v) = call(&st, post("/classify", bad.to_string())).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert_error(&v, "invalid_request");
    assert!(
        v["error"]["message"]
            .as_str()
            .unwrap()
            .contains("messages[0]: content[0]"),
        "{v}"
    );

    // Tool calls count against the field limit like any text.
    let st = spec_state(ServerConfig {
        max_field_bytes: 64,
        ..ServerConfig::default()
    });
    let long = json!([{"role": "user", "content": "q"}, {"role": "assistant", "content": "a",
        "tool_calls": [{"function": {"name": "f", "arguments": "x".repeat(100)}}]}]);
    let body = json!({"samples": [{"prompt": long, "completion": "a"}]});
    let (s, _, v) = call(&st, post("/v1/score", body.to_string())).await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE, "{v}");
    assert!(
        v["error"]["message"]
            .as_str()
            .unwrap()
            .contains("prompt[1].tool_calls[0]"),
        "{v}"
    );
}

#[tokio::test]
async fn bearer_token_guards_all_but_health() {
    let st = spec_state(ServerConfig {
        token: Some("s3cret".into()),
        ..ServerConfig::default()
    });
    let body = r#"{"query": ["1"]}"#;
    let (s, h, v) = call(&st, post("/get_reward", body)).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    assert_error(&v, "unauthorized");
    assert_eq!(h[header::WWW_AUTHENTICATE], "Bearer");
    for bad in ["Bearer s3cre", "Bearer s3cret2", "Basic s3cret", "s3cret"] {
        let mut r = post("/get_reward", body);
        r.headers_mut()
            .insert(header::AUTHORIZATION, bad.parse().unwrap());
        assert_eq!(call(&st, r).await.0, StatusCode::UNAUTHORIZED, "{bad}");
    }
    let mut r = post("/get_reward", body);
    r.headers_mut()
        .insert(header::AUTHORIZATION, "Bearer s3cret".parse().unwrap());
    assert_eq!(call(&st, r).await.0, StatusCode::OK);
    let (s, _, v) = call(&st, Request::get("/health").body(Body::empty()).unwrap()).await;
    assert_eq!((s, &v["status"]), (StatusCode::OK, &json!("ok")), "{v}");
    let (s, _, _) = call(&st, Request::get("/metrics").body(Body::empty()).unwrap()).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn body_and_batch_limits_give_413() {
    let st = spec_state(ServerConfig {
        max_body_bytes: 1000,
        max_batch: 3,
        ..ServerConfig::default()
    });
    let big = json!({"query": ["x".repeat(2000)]}).to_string();
    let (s, _, v) = call(&st, post("/get_reward", big)).await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE);
    assert_error(&v, "payload_too_large");
    let (s, _, v) = call(&st, post("/get_reward", r#"{"query": ["1","2","3","4"]}"#)).await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE);
    assert_error(&v, "batch_too_large");
    let (s, _, _) = call(&st, post("/get_reward", r#"{"query": ["1","2","3"]}"#)).await;
    assert_eq!(s, StatusCode::OK);
}

/// Sleeps `ms` (from the completion), checking its deadline; panics on "boom".
#[derive(Debug)]
struct Slow;
impl RewardFn for Slow {
    fn score(&self, s: &Sample, d: Deadline) -> RewardOutput {
        if s.completion == "boom" {
            panic!("kaboom");
        }
        let ms: u64 = s.completion.parse().unwrap_or(0);
        let end = Instant::now() + Duration::from_millis(ms);
        while Instant::now() < end {
            if d.expired() {
                return RewardOutput::timeout();
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        RewardOutput::value(1.0)
    }
}

fn slow_state(config: ServerConfig, timeout_ms: u64) -> AppState {
    let settings = Settings {
        timeout: Some(Duration::from_millis(timeout_ms)),
        timeout_value: -1.0,
        ..Settings::default()
    };
    AppState::new(
        Arc::new(Pipeline::new(Box::new(Leaf(Slow)), settings)),
        config,
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn overload_answers_503_with_retry_after() {
    let st = slow_state(
        ServerConfig {
            max_queue_samples: 2,
            retry_after_secs: 3,
            ..ServerConfig::default()
        },
        5000,
    );
    let busy = {
        let st = st.clone();
        tokio::spawn(
            async move { call(&st, post("/get_reward", r#"{"query": ["400", "400"]}"#)).await },
        )
    };
    tokio::time::sleep(Duration::from_millis(100)).await;
    let (s, h, v) = call(&st, post("/get_reward", r#"{"query": ["0"]}"#)).await;
    assert_eq!(s, StatusCode::SERVICE_UNAVAILABLE, "{v}");
    assert_error(&v, "overloaded");
    assert_eq!(h[header::RETRY_AFTER], "3");
    let (s, _, v) = busy.await.unwrap();
    assert_eq!((s, &v["rewards"]), (StatusCode::OK, &json!([1.0, 1.0])));
    // Capacity is back.
    let (s, _, _) = call(&st, post("/get_reward", r#"{"query": ["0"]}"#)).await;
    assert_eq!(s, StatusCode::OK);
    let (_, _, m) = call(&st, Request::get("/metrics").body(Body::empty()).unwrap()).await;
    let m = m.as_str().unwrap().to_string();
    assert!(m.contains("rewardkit_overload_rejections_total 1"), "{m}");
    assert!(m.contains("rewardkit_queue_depth_samples 0"), "{m}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_and_panicking_samples_do_not_sink_the_batch() {
    let st = slow_state(ServerConfig::default(), 100);
    let started = Instant::now();
    let (s, _, v) = call(
        &st,
        post("/get_reward", r#"{"query": ["0", "60000", "boom", "1"]}"#),
    )
    .await;
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(s, StatusCode::OK, "{v}");
    // The slow one gets the timeout value, the panicking one the missing value; others score.
    assert_eq!(v["rewards"], json!([1.0, -1.0, 0.0, 1.0]));
    assert_eq!(v["extra_logs"]["timeout"], json!([0.0, 1.0, 0.0, 0.0]));
    assert_eq!(v["extra_logs"]["error"], json!([0.0, 0.0, 1.0, 0.0]));
    let (_, _, m) = call(&st, Request::get("/metrics").body(Body::empty()).unwrap()).await;
    let m = m.as_str().unwrap().to_string();
    assert!(m.contains("rewardkit_sample_timeouts_total 1"), "{m}");
    assert!(m.contains("rewardkit_sample_errors_total 1"), "{m}");
    assert!(
        m.contains("rewardkit_samples_total{route=\"/get_reward\"} 4"),
        "{m}"
    );
    assert!(
        m.contains("rewardkit_http_requests_total{route=\"/get_reward\",status=\"200\"} 1"),
        "{m}"
    );
    assert!(
        m.contains("rewardkit_request_duration_seconds_count{route=\"/get_reward\"} 1"),
        "{m}"
    );
}

#[tokio::test]
async fn health_reports_draining() {
    let st = spec_state(ServerConfig::default());
    st.set_draining();
    let (s, _, v) = call(&st, Request::get("/health").body(Body::empty()).unwrap()).await;
    assert_eq!(s, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(v["status"], "draining");
}

#[tokio::test]
async fn request_id_is_echoed() {
    let st = spec_state(ServerConfig::default());
    let mut r = Request::get("/health").body(Body::empty()).unwrap();
    r.headers_mut()
        .insert("x-request-id", "abc-123".parse().unwrap());
    let (_, h, _) = call(&st, r).await;
    assert_eq!(h["x-request-id"], "abc-123");
    // An id that is too long or not printable is replaced by a fresh one.
    for bad in ["x".repeat(200), "a b".to_string()] {
        let mut r = Request::get("/health").body(Body::empty()).unwrap();
        r.headers_mut().insert("x-request-id", bad.parse().unwrap());
        let (_, h, _) = call(&st, r).await;
        let id = h["x-request-id"].to_str().unwrap();
        assert!(id != bad && id.len() < 40 && id.contains('-'), "{id}");
    }
    // Without one, each request gets its own.
    let (_, a, _) = call(&st, Request::get("/health").body(Body::empty()).unwrap()).await;
    let (_, b, _) = call(&st, Request::get("/health").body(Body::empty()).unwrap()).await;
    assert_ne!(a["x-request-id"], b["x-request-id"]);
}

#[tokio::test]
async fn metric_route_labels_come_from_the_matched_route() {
    let st = spec_state(ServerConfig::default());
    for path in [
        "/nope",
        "/another/unknown/path",
        "/classify",
        "/v1/classify",
    ] {
        let _ = call(&st, post(path, r#"{"input": ["1"]}"#)).await;
    }
    let (s, h, m) = call(&st, Request::get("/metrics").body(Body::empty()).unwrap()).await;
    assert_eq!(s, StatusCode::OK);
    assert!(h[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("application/openmetrics-text"));
    let m = m.as_str().unwrap().to_string();
    // Unknown paths share one label: a client cannot grow the label set.
    assert!(
        m.contains("rewardkit_http_requests_total{route=\"other\",status=\"404\"} 2"),
        "{m}"
    );
    assert!(!m.contains("/nope"), "{m}");
    assert!(
        m.contains("rewardkit_samples_total{route=\"/v1/classify\"} 1"),
        "{m}"
    );
    assert!(
        m.contains("rewardkit_http_requests_total{route=\"/classify\",status=\"200\"} 1"),
        "{m}"
    );
    assert!(m.ends_with("# EOF\n"), "{m}");
}

#[test]
fn error_codes_are_unique_and_snake_case() {
    use rewardkit_server::ErrorCode;
    let mut seen = std::collections::HashSet::new();
    for c in ErrorCode::ALL {
        let s = c.as_str();
        assert!(seen.insert(s), "duplicate code {s}");
        assert!(
            s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
            "{s}"
        );
        assert_eq!(serde_json::to_value(c).unwrap(), s);
    }
    assert!(seen.contains("needs_groups") && seen.contains("overloaded"));
}
