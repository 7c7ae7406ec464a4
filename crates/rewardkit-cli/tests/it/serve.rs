//! End-to-end tests of `rewardkit serve` over loopback: the built binary, real sockets.

use crate::common::{post, request, start, SPEC};
use serde_json::json;
use std::time::{Duration, Instant};

#[test]
fn serves_every_route_over_loopback() {
    let dir = tempfile::tempdir().unwrap();
    let srv = start(dir.path(), SPEC, &[]);
    assert!(
        srv.addr.starts_with("127.0.0.1:"),
        "binds loopback: {}",
        srv.addr
    );
    let (s, v) = post(
        &srv.addr,
        "/get_reward",
        r#"{"query": ["Q?\n<think>a</think> 12", "Q?\n13"], "prompts": ["Q?\n", "Q?\n"], "labels": ["12", "12"]}"#,
    );
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["rewards"], json!([1.5, 0.0]));
    let (s, v) = post(
        &srv.addr,
        "/get_reward",
        r#"{"query": [], "prompts": [], "labels": []}"#,
    );
    assert_eq!((s, &v["rewards"]), (200, &json!([])));
    let (s, v) = post(
        &srv.addr,
        "/v1/score",
        r#"{"samples": [{"id": 1, "completion": "9", "reference": "9"}]}"#,
    );
    assert_eq!(s, 200);
    assert_eq!(v["results"][0]["value"], 1.0);
    let (s, v) = post(
        &srv.addr,
        "/classify",
        r#"{"model": "x", "input": "<think>a</think>b"}"#,
    );
    assert_eq!(s, 200);
    assert_eq!(v["data"][0]["probs"], json!([0.5]));
    let (s, v) = post(&srv.addr, "/get_reward", "{not json");
    assert_eq!(
        (s, v["error"]["code"].as_str()),
        (400, Some("invalid_json"))
    );
    let (s, _, b) = request(&srv.addr, "GET", "/health", "", &[]);
    let health: serde_json::Value = serde_json::from_str(&b).unwrap();
    assert_eq!((s, &health["status"]), (200, &json!("ok")), "{b}");
    assert_eq!(health["saturated"], false, "{b}");
    let (s, h, b) = request(&srv.addr, "GET", "/metrics", "", &[]);
    assert_eq!(s, 200);
    assert!(h
        .to_ascii_lowercase()
        .contains("content-type: application/openmetrics-text"));
    assert!(
        b.contains("rewardkit_samples_total{route=\"/get_reward\"} 2"),
        "{b}"
    );
}

#[test]
fn token_and_limits_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let srv = start(
        dir.path(),
        SPEC,
        &[
            "--token",
            "t0ken",
            "--max-batch",
            "2",
            "--max-body-bytes",
            "200",
        ],
    );
    let (s, _, _) = request(&srv.addr, "POST", "/get_reward", r#"{"query": ["1"]}"#, &[]);
    assert_eq!(s, 401);
    let auth = [("Authorization", "Bearer t0ken")];
    let (s, _, _) = request(
        &srv.addr,
        "POST",
        "/get_reward",
        r#"{"query": ["1"]}"#,
        &auth,
    );
    assert_eq!(s, 200);
    let (s, _, b) = request(
        &srv.addr,
        "POST",
        "/get_reward",
        r#"{"query": ["1", "2", "3"]}"#,
        &auth,
    );
    assert_eq!(s, 413, "{b}");
    assert!(b.contains("batch_too_large"));
    let big = format!(r#"{{"query": ["{}"]}}"#, "x".repeat(300));
    let (s, _, b) = request(&srv.addr, "POST", "/get_reward", &big, &auth);
    assert_eq!(s, 413, "{b}");
    assert!(b.contains("payload_too_large"));
    let (s, _, _) = request(&srv.addr, "GET", "/health", "", &[]);
    assert_eq!(s, 200);
}

#[cfg(unix)]
#[test]
fn sigterm_drains_in_flight_requests_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let mut srv = start(
        dir.path(),
        SPEC,
        &["--drain-timeout", "30", "--max-queue-samples", "100000"],
    );
    // Large batches keep the server busy for a while.
    let query: Vec<String> = (0..4000)
        .map(|i| format!("<think>{}</think> {i}", "w 1 ".repeat(500)))
        .collect();
    let body =
        json!({"query": query, "labels": (0..4000).map(|i| i.to_string()).collect::<Vec<_>>()})
            .to_string();
    let addr = srv.addr.clone();
    let clients: Vec<_> = (0..6)
        .map(|_| {
            let (addr, body) = (addr.clone(), body.clone());
            std::thread::spawn(move || {
                let r = post(&addr, "/get_reward", &body);
                (r, Instant::now())
            })
        })
        .collect();
    // Wait until the six requests have arrived (all their samples are received, so each is
    // being scored), then ask the server to stop at once, while the last ones are still being
    // scored. (A fixed sleep raced with a loaded machine: a client still connecting when
    // SIGTERM came was refused, as it should be; waiting for six requests in flight at once
    // raced with a fast one: it could finish before the last arrived.)
    let arrived = Instant::now();
    loop {
        let (_, _, m) = request(&addr, "GET", "/metrics", "", &[]);
        let received = m
            .lines()
            .find_map(|l| l.strip_prefix("rewardkit_samples_total{route=\"/get_reward\"} "))
            .and_then(|v| v.trim().parse::<u64>().ok())
            .unwrap_or(0);
        if received >= 6 * 4000 {
            break;
        }
        assert!(
            arrived.elapsed() < Duration::from_secs(60),
            "the requests did not arrive: {m}"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    let pid = srv.child.id().to_string();
    let killed_at = Instant::now();
    let ok = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    assert!(ok.success());
    let mut after_kill = 0;
    for c in clients {
        let ((s, v), at) = c.join().unwrap();
        after_kill += usize::from(at > killed_at);
        assert_eq!(s, 200, "an accepted request was not answered");
        let r = v["rewards"].as_array().unwrap();
        assert_eq!(r.len(), 4000);
        assert!(r.iter().all(|x| x.as_f64() == Some(1.5)));
    }
    // The drain was exercised: some answers came after SIGTERM.
    assert!(
        after_kill > 0,
        "all requests finished before SIGTERM; make them heavier"
    );
    let start = Instant::now();
    let status = loop {
        if let Some(st) = srv.child.try_wait().unwrap() {
            break st;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "server did not exit after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0));
    let log: Vec<String> = srv.stderr.try_iter().collect();
    assert!(log.iter().any(|l| l.contains("server stopped")), "{log:?}");
    // Nothing listens any more.
    assert!(std::net::TcpStream::connect(&srv.addr).is_err());
}

#[test]
fn bad_spec_exits_2_with_the_field_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(
        &path,
        "schema_version = 1\n[reward]\ntype = \"constant\"\nvalu = 1.0\n",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rewardkit"))
        .args(["serve", "--spec"])
        .arg(&path)
        .args(["--addr", "127.0.0.1:0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("reward.valu"), "{err}");
}
