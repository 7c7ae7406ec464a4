//! The `remote` reward function against a real second server on loopback: a rewardkit peer
//! speaking `/classify`, `/v1/classify`, `/get_reward` and `/v1/score`.

use super::common::*;
use rewardkit_core::{PipelineSpec, Sample};
use rewardkit_server::ServerConfig;

/// The peer: number_match + 0.5 × trl_think format.
const PEER: &str = r#"
schema_version = 1
[reward]
type = "weighted_sum"
terms = [
  { name = "correct", reward = { type = "number_match" } },
  { name = "format", weight = 0.5, reward = { type = "format", preset = "trl_think" } },
]
"#;

fn peer_with(config: ServerConfig) -> Live {
    Live::start(state_of(PEER, config))
}

fn pipeline(remote: &str) -> rewardkit_core::Pipeline {
    let text = format!("schema_version = 1\ntimeout_ms = 20000\n[reward]\n{remote}\n");
    PipelineSpec::from_toml(&text).unwrap().build().unwrap()
}

fn samples() -> Vec<Sample> {
    (0..10)
        .map(|i| {
            let good = i % 2 == 0;
            Sample::new(if good {
                format!("<think>t</think> {i}")
            } else {
                "no answer".to_string()
            })
            .with_prompt(format!("Q{i}: "))
            .with_reference(i.to_string())
        })
        .collect()
}

#[test]
fn remote_openrlhf_and_rewardkit_apis() {
    let peer = peer_with(ServerConfig::default());
    let s = samples();
    let p = pipeline(&format!(
        "type = \"remote\"\nurl = \"{}/get_reward\"\napi = \"openrlhf\"\nbatch_size = 3\nconcurrency = 2",
        peer.base()
    ));
    let out = p.score(&s);
    assert_eq!(out.len(), 10);
    for (i, o) in out.iter().enumerate() {
        let want = if i % 2 == 0 { 1.5 } else { 0.0 };
        assert_eq!(o.value, Some(want), "sample {i}: {o:?}");
    }
    let p = pipeline(&format!(
        "type = \"remote\"\nurl = \"{}/v1/score\"\napi = \"rewardkit\"\nbatch_size = 4",
        peer.base()
    ));
    let out = p.score(&s);
    assert_eq!(out[0].value, Some(1.5));
    assert_eq!(out[0].components.get("correct"), Some(&Some(1.0)));
    assert_eq!(out[1].value, Some(0.0));
    // 4 OpenRLHF requests (10 / 3) and 3 rewardkit requests (10 / 4).
    let m = peer.state.metrics().render();
    assert!(
        m.contains("rewardkit_samples_total{route=\"/get_reward\"} 10"),
        "{m}"
    );
    assert!(
        m.contains("rewardkit_http_requests_total{route=\"/get_reward\",status=\"200\"} 4"),
        "{m}"
    );
    assert!(
        m.contains("rewardkit_http_requests_total{route=\"/v1/score\",status=\"200\"} 3"),
        "{m}"
    );
}

#[test]
fn remote_vllm_and_sglang_classify() {
    let peer = peer_with(ServerConfig::default());
    let s = samples();
    for path in ["/classify", "/v1/classify"] {
        let api = if path == "/classify" {
            "vllm_classify"
        } else {
            "sglang_classify"
        };
        let p = pipeline(&format!(
            "type = \"remote\"\nurl = \"{}{path}\"\napi = \"{api}\"\nmodel = \"m\"\nactivation = false\ninput = \"completion\"\nbatch_size = 8",
            peer.base()
        ));
        let out = p.score(&s);
        // /classify carries no reference: only the format term counts.
        for (i, o) in out.iter().enumerate() {
            let want = if i % 2 == 0 { 0.5 } else { 0.0 };
            assert_eq!(o.value, Some(want), "{path} sample {i}: {o:?}");
        }
    }
}

#[test]
fn remote_auth_errors_are_per_sample_and_not_retried() {
    let peer = peer_with(ServerConfig {
        token: Some("tok".into()),
        ..ServerConfig::default()
    });
    let s = samples();
    let p = pipeline(&format!(
        "type = \"remote\"\nurl = \"{}/classify\"\nretries = 5\nbackoff_ms = 1",
        peer.base()
    ));
    let out = p.score(&s);
    assert_eq!(out.len(), 10);
    for o in &out {
        assert_eq!(o.value, None);
        assert!(
            o.info.error.as_deref().unwrap().contains("HTTP 401"),
            "{o:?}"
        );
    }
    let m = peer.state.metrics().render();
    // One request (a batch of 10 fits batch_size 32), not retried.
    assert!(
        m.contains("rewardkit_http_requests_total{route=\"/classify\",status=\"401\"} 1"),
        "{m}"
    );

    // With the token from the environment it works.
    std::env::set_var("REWARDKIT_TEST_REMOTE_TOKEN", "tok");
    let p = pipeline(&format!(
        "type = \"remote\"\nurl = \"{}/classify\"\ninput = \"completion\"\ntoken_env = \"REWARDKIT_TEST_REMOTE_TOKEN\"",
        peer.base()
    ));
    assert_eq!(p.score(&s)[0].value, Some(0.5));
}

#[test]
fn remote_spec_errors_name_the_field() {
    for (body, field) in [
        ("type = \"remote\"\nurl = \"ftp://x\"", "reward.url"),
        ("type = \"remote\"\nurl = \"http://127.0.0.1:1/x\"\nbatch_size = 0", "reward.batch_size"),
        ("type = \"remote\"\nurl = \"http://127.0.0.1:1/x\"\napi = \"grpc\"", "reward.api"),
        ("type = \"remote\"\nurl = \"http://127.0.0.1:1/x\"\ntoken_env = \"REWARDKIT_SURELY_UNSET_VAR\"", "reward.token_env"),
    ] {
        let text = format!("schema_version = 1\n[reward]\n{body}\n");
        let err = PipelineSpec::from_toml(&text)
            .and_then(|s| s.build())
            .unwrap_err()
            .to_string();
        assert!(err.contains(field), "{err}");
    }
}
