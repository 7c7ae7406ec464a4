//! What trainers need from the server (issue 8): the same `extra_logs` keys for every request,
//! OpenRLHF's `scores` as the correctness signal, group-scope pipelines refused on routes that
//! cannot carry groups, `/classify` accepting what vLLM accepts, and `GET /v1/pipeline`.

use super::common::*;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use rewardkit_server::ServerConfig;
use serde_json::{json, Value};

/// A gate: its components (`gate`, `reward`, `reward/acc_term`) exist only for samples that
/// pass the format check, and a correctness term inside.
const GATED: &str = r#"
schema_version = 1
[reward]
type = "weighted_sum"
terms = [
  { name = "gated", reward = { type = "gate", gate = { type = "format", preset = "trl_think" }, reward = { type = "weighted_sum", terms = [{ name = "acc_term", reward = { type = "number_match" } }] } } },
  { name = "format", weight = 0.5, reward = { type = "format", preset = "trl_think" } },
]
"#;

const ZSCORE: &str = r#"
schema_version = 1
[reward]
type = "zscore"
input = { type = "number_match" }
"#;

fn keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> = v["extra_logs"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    k.sort();
    k
}

#[tokio::test]
async fn get_reward_has_the_same_keys_for_every_one_sample_request() {
    let st = state_of(GATED, ServerConfig::default());
    // OpenRLHF sends one sample per request: one passes the gate, one does not.
    let passing = json!({"query": ["Q<think>x</think>#### 2"], "prompts": ["Q"], "labels": ["2"]});
    let failing = json!({"query": ["Qno format, 2"], "prompts": ["Q"], "labels": ["2"]});
    let (s1, _, a) = call(&st, post("/get_reward", passing)).await;
    let (s2, _, b) = call(&st, post("/get_reward", failing)).await;
    assert_eq!((s1, s2), (StatusCode::OK, StatusCode::OK), "{a} {b}");
    assert_eq!(keys(&a), keys(&b), "{a} {b}");
    for k in [
        "gated",
        "gated/gate",
        "gated/reward",
        "gated/reward/acc_term",
        "format",
    ] {
        assert!(keys(&a).contains(&k.to_string()), "{k}: {a}");
    }
    // The failing sample has no `gated/reward`: the missing value, not an absent key.
    assert_eq!(b["extra_logs"]["gated/reward"], json!([0.0]), "{b}");
    // `scores` is the correctness component, not a copy of `rewards`.
    assert_eq!(a["scores"], json!([1.0]), "{a}");
    assert_eq!(a["rewards"], json!([1.5]), "{a}");
}

#[tokio::test]
async fn pipeline_route_describes_the_pipeline() {
    let (s, _, v) = call(
        &state_of(GATED, ServerConfig::default()),
        Request::get("/v1/pipeline").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["scope"], "sample");
    assert_eq!(v["correctness"], "gated/reward/acc_term");
    assert!(v["components"]
        .as_array()
        .unwrap()
        .contains(&json!("format")));
    let (_, _, v) = call(
        &state_of(ZSCORE, ServerConfig::default()),
        Request::get("/v1/pipeline").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(v["scope"], "group");
    assert_eq!(v["correctness"], Value::Null);
}

#[tokio::test]
async fn group_scope_is_refused_where_a_group_is_missing() {
    let st = state_of(ZSCORE, ServerConfig::default());
    // One sample per request (OpenRLHF): a z-score of one value would be 0.
    let (s, _, v) = call(
        &st,
        post(
            "/get_reward",
            json!({"query": ["Q#### 2"], "prompts": ["Q"], "labels": ["2"]}),
        ),
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert_eq!(v["error"]["code"], "needs_groups", "{v}");
    // A whole group (same prompt) is scored.
    let (s, _, v) = call(
        &st,
        post(
            "/get_reward",
            json!({"query": ["Q#### 2", "Q#### 3"], "prompts": ["Q", "Q"], "labels": ["2", "2"]}),
        ),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let r = v["rewards"].as_array().unwrap();
    assert!(
        r[0].as_f64().unwrap() > 0.0 && r[1].as_f64().unwrap() < 0.0,
        "{v}"
    );
    // /classify cannot name groups at all.
    let (s, _, v) = call(&st, post("/classify", json!({"input": ["a", "b"]}))).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    // /v1/score: a group split over requests (here `g2` has one sample) is refused, and the
    // message names how this route groups.
    let (s, _, v) = call(
        &st,
        post(
            "/v1/score",
            json!({"samples": [
                {"prompt": "Q", "completion": "#### 2", "reference": "2", "group": "g1"},
                {"prompt": "Q", "completion": "#### 3", "reference": "2", "group": "g1"},
                {"prompt": "Q", "completion": "#### 2", "reference": "2", "group": "g2"}
            ]}),
        ),
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert_eq!(v["error"]["code"], "needs_groups", "{v}");
    assert!(
        v["error"]["message"]
            .as_str()
            .unwrap()
            .contains("`group` id"),
        "{v}"
    );
    // Whole groups by id are scored.
    let (s, _, v) = call(
        &st,
        post(
            "/v1/score",
            json!({"samples": [
                {"prompt": "Q", "completion": "#### 2", "reference": "2", "group": "g1"},
                {"prompt": "Q", "completion": "#### 3", "reference": "2", "group": "g1"}
            ]}),
        ),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert!(v["results"][0]["value"].as_f64().unwrap() > 0.0, "{v}");
}

#[tokio::test]
async fn classify_accepts_what_vllm_accepts() {
    let st = state_of(GATED, ServerConfig::default());
    let (s, _, v) = call(
        &st,
        post(
            "/classify",
            json!({
                "model": "rm", "input": "<think>x</think> 2", "use_activation": false,
                "truncation_side": "left", "cache_salt": "abc", "mm_processor_kwargs": {},
                "truncate_prompt_tokens": -1, "priority": 0
            }),
        ),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["data"][0]["probs"], json!([0.5]), "{v}");
    // Chat form: the last assistant message is the completion; content parts are read as text.
    let (s, _, v) = call(
        &st,
        post(
            "/classify",
            json!({
                "model": "rm",
                "messages": [
                    {"role": "user", "content": [{"type": "image_url", "image_url": {"url": "data:,"}}, {"type": "text", "text": "2?"}]},
                    {"role": "assistant", "content": [{"type": "text", "text": "<think>x</think> 2"}]}
                ],
                "chat_template_kwargs": {"enable_thinking": false}, "add_generation_prompt": false
            }),
        ),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["data"].as_array().unwrap().len(), 1, "{v}");
    assert_eq!(v["data"][0]["probs"], json!([0.5]), "{v}");
    // Still strict about what it does not know, and about both forms at once.
    let (s, _, _) = call(&st, post("/classify", json!({"input": "x", "bogus": 1}))).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    let (s, _, _) = call(
        &st,
        post(
            "/classify",
            json!({"input": "x", "messages": [{"role": "assistant", "content": "x"}]}),
        ),
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
}
