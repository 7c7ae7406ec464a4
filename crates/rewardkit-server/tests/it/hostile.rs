//! Hostile input against the server (issue 9): slow samples, trailing garbage, slow and
//! oversized bodies, protocol-level errors, and a bounded fuzz run over a real socket. Every
//! input is generated here; network traffic stays on 127.0.0.1.

use super::common::*;
use axum::http::StatusCode;
use rewardkit_core::node::{Leaf, RewardFn, Settings};
use rewardkit_core::{Deadline, Pipeline, PipelineSpec, RewardOutput, Sample};
use rewardkit_server::{AppState, ServerConfig};
use serde_json::{json, Value};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The tests that time scoring share the process-wide rayon pool: they run one at a time so
/// that one test's slow samples do not delay another's.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn serial_guard() -> std::sync::MutexGuard<'static, ()> {
    SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Runs `f` on a 2-thread runtime, alone among the timing tests.
fn serial<F: std::future::Future>(f: F) -> F::Output {
    let _g = serial_guard();
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
        .block_on(f)
}

/// Sleeps the number of milliseconds its completion names (checking its deadline): a
/// deliberately slow reward function whose cost does not depend on the machine.
#[derive(Debug)]
struct Sleepy;
impl RewardFn for Sleepy {
    fn score(&self, s: &Sample, d: Deadline) -> RewardOutput {
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

fn sleepy_state(config: ServerConfig) -> AppState {
    let settings = Settings {
        timeout: Some(Duration::from_secs(30)),
        timeout_value: -1.0,
        ..Settings::default()
    };
    AppState::new(
        Arc::new(Pipeline::new(Box::new(Leaf(Sleepy)), settings)),
        config,
    )
}

/// A `/get_reward` body of `n` samples that each sleep `ms`.
fn sleepy_body(n: usize, ms: u64) -> String {
    json!({ "query": vec![ms.to_string(); n] }).to_string()
}

// ------------------------------------------------------------------ 1: slow samples

/// Failure 1: one slow batch held the whole scoring pool and a one-sample request behind it
/// waited for all of it. The big request here sleeps 150 ms per sample, 16 samples per
/// scoring thread (about 2.4 s in all); the small one must still answer within 1 s.
#[test]
fn small_request_is_not_stalled_by_a_slow_batch() {
    serial(async {
        let st = sleepy_state(ServerConfig::default());
        let n = 16 * rayon::current_num_threads();
        let big = {
            let st = st.clone();
            tokio::spawn(async move {
                let t = Instant::now();
                let r = call(&st, post("/get_reward", sleepy_body(n, 150))).await;
                (r, t.elapsed())
            })
        };
        tokio::time::sleep(Duration::from_millis(200)).await;
        let t = Instant::now();
        let (s, _, v) = call(&st, post("/get_reward", sleepy_body(1, 0))).await;
        let small = t.elapsed();
        assert_eq!((s, &v["rewards"]), (StatusCode::OK, &json!([1.0])), "{v}");
        let ((s, _, v), big_took) = big.await.unwrap();
        assert_eq!(s, StatusCode::OK);
        assert_eq!(v["rewards"].as_array().unwrap().len(), n);
        assert!(
            big_took > Duration::from_millis(1500),
            "the big request was not slow ({big_took:?}); the test proves nothing"
        );
        assert!(
            small < Duration::from_secs(1),
            "the small request waited {small:?} behind a {big_took:?} batch"
        );
    });
}

/// Failure 1: `/health` said 200 `{"status": "ok"}` and nothing else while the pool was
/// saturated. It now reports the queue, the busy workers and `saturated`; `?ready=1` answers
/// 503 while saturated (for readiness probes).
#[test]
fn health_reports_queue_and_saturation() {
    serial(async {
        let st = sleepy_state(ServerConfig {
            max_queue_samples: 4,
            ..ServerConfig::default()
        });
        let (s, _, v) = call(&st, get("/health")).await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(v["status"], "ok", "{v}");
        assert_eq!(v["saturated"], false, "{v}");
        assert_eq!(v["queue"]["capacity"], 4, "{v}");
        let busy = {
            let st = st.clone();
            tokio::spawn(async move { call(&st, post("/get_reward", sleepy_body(4, 600))).await })
        };
        tokio::time::sleep(Duration::from_millis(200)).await;
        let (s, _, v) = call(&st, get("/health")).await;
        assert_eq!(s, StatusCode::OK, "liveness stays 200: {v}");
        assert_eq!(v["saturated"], true, "{v}");
        assert_eq!(v["status"], "saturated", "{v}");
        assert_eq!(v["queue"]["admitted_samples"], 4, "{v}");
        assert!(v["queue"]["busy_workers"].as_u64().unwrap() >= 1, "{v}");
        let (s, _, v) = call(&st, get("/health?ready=1")).await;
        assert_eq!(s, StatusCode::SERVICE_UNAVAILABLE, "{v}");
        assert_error(&v, "saturated");
        assert_eq!(busy.await.unwrap().0, StatusCode::OK);
        let (s, _, v) = call(&st, get("/health?ready=1")).await;
        assert_eq!(s, StatusCode::OK, "{v}");
        assert_eq!(v["saturated"], false, "{v}");
        assert_eq!(v["queue"]["admitted_samples"], 0, "{v}");
    });
}

// ------------------------------------------------------------------ 10: trailing garbage

/// Failure 10: `{...} xx` and two concatenated objects were scored (200).
#[tokio::test]
async fn trailing_garbage_after_the_json_body_is_400() {
    let st = spec_state(ServerConfig::default());
    let cases = [
        ("/get_reward", r#"{"query": ["1"]} xx"#),
        ("/get_reward", r#"{"query": ["1"]}{"query": ["2"]}"#),
        ("/get_reward", r#"{"query": ["1"]} {}"#),
        ("/v1/score", r#"{"samples": []}]"#),
        ("/classify", r#"{"input": "x"} 1"#),
    ];
    for (path, body) in cases {
        let (s, _, v) = call(&st, post(path, body)).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{path} {body}: {v}");
        assert_error(&v, "invalid_json");
    }
    // Trailing whitespace is still fine.
    let (s, _, v) = call(&st, post("/get_reward", "{\"query\": [\"1\"]} \r\n\t ")).await;
    assert_eq!(s, StatusCode::OK, "{v}");
}

// ------------------------------------------------------------------ sockets

/// A parsed HTTP response.
#[derive(Debug)]
struct Resp {
    status: u16,
    head: String,
    body: Vec<u8>,
}

impl Resp {
    fn json(&self) -> Option<Value> {
        serde_json::from_slice(&self.body).ok()
    }
    fn header(&self, name: &str) -> Option<String> {
        self.head.lines().skip(1).find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim()
                .eq_ignore_ascii_case(name)
                .then(|| v.trim().to_string())
        })
    }
}

/// Reads until EOF (or a reset, or `limit`); returns the bytes and whether the peer closed.
fn read_to_end(s: &mut TcpStream, limit: Duration) -> (Vec<u8>, bool) {
    let end = Instant::now() + limit;
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        let left = end.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return (buf, false);
        }
        s.set_read_timeout(Some(left)).unwrap();
        match s.read(&mut chunk) {
            Ok(0) => return (buf, true),
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                return (buf, false)
            }
            Err(_) => return (buf, true),
        }
    }
}

/// Parses the first final (non-1xx) response of `raw`, decoding a chunked body.
fn parse_response(raw: &[u8]) -> Option<Resp> {
    parse_response_to(raw, false)
}

/// [`parse_response`]; `head_only` for the answer to a HEAD request (no body).
fn parse_response_to(raw: &[u8], head_only: bool) -> Option<Resp> {
    let mut rest = raw;
    loop {
        let end = rest.windows(4).position(|w| w == b"\r\n\r\n")?;
        let head = String::from_utf8_lossy(&rest[..end]).to_string();
        let status: u16 = head
            .strip_prefix("HTTP/1.")?
            .get(2..)?
            .split_whitespace()
            .next()?
            .parse()
            .ok()?;
        let after = &rest[end + 4..];
        if (100..200).contains(&status) {
            rest = after;
            continue;
        }
        let mut r = Resp {
            status,
            head,
            body: Vec::new(),
        };
        if head_only {
            return Some(r);
        }
        if r.header("transfer-encoding")
            .is_some_and(|t| t.contains("chunked"))
        {
            let mut b = after;
            loop {
                let line_end = b.windows(2).position(|w| w == b"\r\n")?;
                let size =
                    usize::from_str_radix(std::str::from_utf8(&b[..line_end]).ok()?.trim(), 16)
                        .ok()?;
                b = &b[line_end + 2..];
                if size == 0 {
                    break;
                }
                r.body.extend_from_slice(b.get(..size)?);
                b = b.get(size + 2..)?;
            }
        } else {
            let n = r
                .header("content-length")
                .and_then(|v| v.parse().ok())
                .unwrap_or(after.len());
            r.body = after.get(..n)?.to_vec();
        }
        return Some(r);
    }
}

/// Sends `raw` on a fresh connection and reads the answer until the server closes.
fn exchange(addr: &str, raw: &[u8], limit: Duration) -> (Option<Resp>, Vec<u8>) {
    let mut s = TcpStream::connect(addr).unwrap();
    let _ = s.write_all(raw);
    let (buf, _) = read_to_end(&mut s, limit);
    (parse_response(&buf), buf)
}

fn assert_json_error(r: &Resp, status: u16) {
    assert_eq!(r.status, status, "{}", r.head);
    assert!(
        r.header("content-type")
            .is_some_and(|c| c.starts_with("application/json")),
        "{}",
        r.head
    );
    let v = r.json().unwrap_or_else(|| {
        panic!(
            "not JSON: {:?} / {}",
            r.head,
            String::from_utf8_lossy(&r.body)
        )
    });
    assert!(v["error"]["code"].is_string(), "{v}");
    assert!(v["error"]["message"].is_string(), "{v}");
}

/// Failure 12: a declared 40 MB `Content-Length` (the limit being 1 MB) got no answer until
/// the body arrived. It is now refused before a byte of the body is read.
#[test]
fn declared_oversized_content_length_gets_413_at_once() {
    let srv = Live::start(spec_state(ServerConfig {
        max_body_bytes: 1 << 20,
        ..ServerConfig::default()
    }));
    let t = Instant::now();
    let (r, raw) = exchange(
        &srv.addr,
        b"POST /get_reward HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 40000000\r\n\r\n{\"query\": [",
        Duration::from_secs(5),
    );
    let r = r.unwrap_or_else(|| panic!("no answer: {:?}", String::from_utf8_lossy(&raw)));
    assert!(t.elapsed() < Duration::from_secs(2), "{:?}", t.elapsed());
    assert_json_error(&r, 413);
    assert_eq!(r.json().unwrap()["error"]["code"], "payload_too_large");
    assert!(srv.stop());
}

/// Failure 14: hyper answered protocol errors itself with empty bodies. They now carry the
/// documented `{"error": {"code", "message"}}` shape.
#[test]
fn protocol_errors_answer_the_json_error_shape() {
    let srv = Live::start(spec_state(ServerConfig::default()));
    let many_headers: String = (0..150).map(|i| format!("X-Fill-{i}: v\r\n")).collect();
    let cases: Vec<(Vec<u8>, u16, &str)> = vec![
        (
            b"POST /get_reward HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n".to_vec(),
            400,
            "bad_request",
        ),
        (
            b"POST /get_reward HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd"
                .to_vec(),
            400,
            "bad_request",
        ),
        (
            b"\x01\x02 garbage\r\n\r\n".to_vec(),
            400,
            "bad_request",
        ),
        (
            b"GET /health HTTP/1.1\r\nHost: x\r\nBad\x01Header: v\r\n\r\n".to_vec(),
            400,
            "bad_request",
        ),
        (
            format!("GET /health HTTP/1.1\r\nHost: x\r\n{many_headers}\r\n").into_bytes(),
            431,
            "headers_too_large",
        ),
        (
            format!("GET /{} HTTP/1.1\r\nHost: x\r\n\r\n", "a".repeat(70_000)).into_bytes(),
            414,
            "uri_too_long",
        ),
    ];
    for (raw, status, code) in cases {
        let (r, got) = exchange(&srv.addr, &raw, Duration::from_secs(5));
        let shown = String::from_utf8_lossy(&raw[..raw.len().min(80)]).to_string();
        let r = r.unwrap_or_else(|| {
            panic!("{shown:?}: no answer ({:?})", String::from_utf8_lossy(&got))
        });
        assert_json_error(&r, status);
        assert_eq!(r.json().unwrap()["error"]["code"], code, "{shown:?}");
    }
    // The server still serves.
    let (r, _) = exchange(
        &srv.addr,
        b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        Duration::from_secs(5),
    );
    assert_eq!(r.unwrap().status, 200);
    assert!(srv.stop());
}

// ------------------------------------------------------------------ 1: bounded work

/// Failure 1: work per request is bounded by a per-field byte limit (413 naming the field).
#[tokio::test]
async fn text_fields_over_the_limit_are_413_naming_the_field() {
    let st = spec_state(ServerConfig {
        max_field_bytes: 1000,
        ..ServerConfig::default()
    });
    let long = "7".repeat(1001);
    let fits = "7".repeat(1000);
    let cases: Vec<(&str, Value, &str)> = vec![
        ("/get_reward", json!({"query": ["1", long]}), "query[1]"),
        (
            "/get_reward",
            json!({"query": ["1"], "prompts": [long]}),
            "prompts[0]",
        ),
        (
            "/get_reward",
            json!({"query": ["1"], "labels": [["2", long]]}),
            "labels[0][1]",
        ),
        (
            "/v1/score",
            json!({"samples": [{"completion": "1"}, {"completion": long}]}),
            "samples[1].completion",
        ),
        (
            "/v1/score",
            json!({"samples": [{"completion": "1", "prompt": [{"role": "user", "content": long}]}]}),
            "samples[0].prompt[0].content",
        ),
        (
            "/v1/score",
            json!({"samples": [{"completion": "1", "reference": ["1", long]}]}),
            "samples[0].reference[1]",
        ),
        (
            "/v1/score",
            json!({"samples": [{"completion": "1", "metadata": {"m": {"deep": [long]}}}]}),
            "samples[0].m.deep[0]",
        ),
        ("/classify", json!({"input": ["x", long]}), "input[1]"),
        ("/classify", json!({"input": long}), "input"),
    ];
    for (path, body, field) in cases {
        let (s, _, v) = call(&st, post(path, body.to_string())).await;
        assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE, "{path} {field}: {v}");
        assert_error(&v, "field_too_large");
        let msg = v["error"]["message"].as_str().unwrap();
        assert!(msg.contains(&format!("`{field}`")), "{msg}");
        assert!(msg.contains("1001") && msg.contains("1000"), "{msg}");
    }
    // At the limit is fine.
    let (s, _, v) = call(
        &st,
        post(
            "/get_reward",
            json!({"query": [fits.clone()], "labels": [fits]}).to_string(),
        ),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{v}");
}

/// Failure 1: a per-request scoring deadline. 8 samples of 200 ms per scoring thread would
/// take 1.6 s; with a 600 ms deadline the answer comes at the deadline, with the samples
/// scored so far and the timeout value for the rest, and the queue slots come back.
#[test]
fn request_deadline_answers_in_time_with_timeout_rows() {
    serial(async {
        let st = sleepy_state(ServerConfig {
            request_timeout: Duration::from_millis(600),
            ..ServerConfig::default()
        });
        let n = 8 * rayon::current_num_threads();
        let samples: Vec<Value> = (0..n)
            .map(|i| json!({"id": i, "completion": "200"}))
            .collect();
        let t = Instant::now();
        let (s, _, v) = call(
            &st,
            post("/v1/score", json!({ "samples": samples }).to_string()),
        )
        .await;
        let took = t.elapsed();
        assert_eq!(s, StatusCode::OK, "{v}");
        assert!(
            took >= Duration::from_millis(550) && took < Duration::from_millis(1300),
            "{took:?}"
        );
        let r = v["results"].as_array().unwrap();
        assert_eq!(r.len(), n);
        let scored = r.iter().filter(|x| x["value"] == 1.0).count();
        let timed_out: Vec<&Value> = r.iter().filter(|x| x["info"]["timeout"] == true).collect();
        assert!(scored >= 1, "{v}");
        assert!(!timed_out.is_empty(), "{v}");
        assert_eq!(scored + timed_out.len(), n, "{v}");
        for (i, x) in r.iter().enumerate() {
            assert_eq!(x["id"], i, "order kept");
        }
        assert!(timed_out.iter().all(|x| x["value"] == -1.0), "{v}");
        // The samples still being scored at the deadline finish within their 200 ms; then the
        // queue is empty again.
        tokio::time::sleep(Duration::from_millis(500)).await;
        let (_, _, h) = call(&st, get("/health")).await;
        assert_eq!(h["queue"]["admitted_samples"], 0, "{h}");
        assert_eq!(h["queue"]["waiting_samples"], 0, "{h}");
        let (_, _, m) = call(&st, get("/metrics")).await;
        assert!(
            m.as_str()
                .unwrap()
                .contains("rewardkit_request_deadline_total 1"),
            "{m}"
        );
    });
}

/// Splitting requests into units must not change any result: group-scoped pipelines are cut
/// between groups (interleaved groups included), batch-scoped ones are not cut.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn split_scheduling_keeps_group_and_batch_results() {
    for scope in ["group", "batch"] {
        let spec = format!(
            "schema_version = 1\n[reward]\ntype = \"min_max\"\nscope = \"{scope}\"\ninput = {{ type = \"field\", name = \"s\" }}\n"
        );
        let p = PipelineSpec::from_toml(&spec).unwrap().build().unwrap();
        let samples: Vec<Sample> = (0..40)
            .map(|i| {
                // Samples without a `group` id are one group by their prompt (a sample alone
                // in its group is refused: see `group_scope_is_refused_where_a_group_is_missing`).
                let mut s = Sample::new("x")
                    .with_prompt("p")
                    .with_score("s", ((i * 7) % 11) as f64);
                s.group = (i % 5 != 4).then(|| format!("g{}", i % 3));
                s
            })
            .collect();
        let want = p.score(&samples);
        let st = AppState::new(Arc::new(p), ServerConfig::default());
        let body = json!({ "samples": samples }).to_string();
        let (s, _, v) = call(&st, post("/v1/score", body)).await;
        assert_eq!(s, StatusCode::OK, "{v}");
        let got: Vec<Value> = v["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["value"].clone())
            .collect();
        let want: Vec<Value> = want.iter().map(|o| json!(o.value)).collect();
        assert_eq!(got, want, "scope {scope}");
    }
}

/// Failure 12: a body trickling in is cut off at the body timeout; a body that stops
/// arriving gets a 408 JSON answer.
#[test]
fn slow_bodies_are_cut_off_at_the_body_timeout() {
    let srv = Live::start(spec_state(ServerConfig {
        body_read_timeout: Duration::from_secs(1),
        header_read_timeout: Duration::from_secs(1),
        ..ServerConfig::default()
    }));
    // A client that sends 5 bytes of a 100-byte body and then nothing.
    let t = Instant::now();
    let mut s = TcpStream::connect(&srv.addr).unwrap();
    s.write_all(b"POST /get_reward HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"que")
        .unwrap();
    let (buf, closed) = read_to_end(&mut s, Duration::from_secs(5));
    assert!(closed, "connection left open");
    assert!(
        t.elapsed() < Duration::from_millis(2500),
        "{:?}",
        t.elapsed()
    );
    let r = parse_response(&buf)
        .unwrap_or_else(|| panic!("no answer: {:?}", String::from_utf8_lossy(&buf)));
    assert_json_error(&r, 408);
    assert_eq!(r.json().unwrap()["error"]["code"], "body_timeout");
    assert_eq!(r.header("connection").as_deref(), Some("close"));
    // A client that trickles one byte every 100 ms, forever.
    let t = Instant::now();
    let cut = trickle(
        &srv.addr,
        b"POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n",
        Duration::from_millis(100),
        Duration::from_secs(6),
    );
    assert!(cut, "a trickling body was never cut off");
    assert!(
        t.elapsed() < Duration::from_millis(2500),
        "{:?}",
        t.elapsed()
    );
    assert!(srv.stop());
}

/// Sends `head`, then one byte every `every` until the server closes the connection
/// (returns true) or `limit` passes (false).
fn trickle(addr: &str, head: &[u8], every: Duration, limit: Duration) -> bool {
    let mut s = TcpStream::connect(addr).unwrap();
    if s.write_all(head).is_err() {
        return true;
    }
    s.set_nonblocking(true).unwrap();
    let end = Instant::now() + limit;
    let mut buf = [0u8; 4096];
    while Instant::now() < end {
        std::thread::sleep(every);
        match s.read(&mut buf) {
            Ok(0) => return true,
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            Err(_) => return true,
        }
        if s.write_all(b"x").is_err() {
            return true;
        }
    }
    false
}

// ------------------------------------------------------------------ fuzz

/// xorshift64*: a fixed-seed generator, so every run sends the same requests.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    fn text(&mut self, max: usize) -> String {
        const PARTS: &[&str] = &[
            "a",
            "7",
            " ",
            "\\boxed{",
            "}",
            "<think>",
            "</think>",
            "####",
            "é",
            "😀",
            "\u{0}",
            "\"",
            "\\",
            "\n",
            "1/2",
            "x^2",
            "-",
            "1e308",
            "NaN",
            "答案是",
        ];
        let n = self.below(max);
        (0..n).map(|_| *self.pick(PARTS)).collect()
    }
    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

/// A JSON body that is valid for `path` (or close to it).
fn valid_body(rng: &mut Rng, path: &str) -> String {
    let n = rng.below(6);
    let texts: Vec<String> = (0..n).map(|_| rng.text(60)).collect();
    match path {
        "/v1/score" => {
            let samples: Vec<Value> = texts
                .iter()
                .map(|t| {
                    let mut s = json!({"completion": t});
                    if rng.chance(50) {
                        s["reference"] = json!(rng.text(8));
                    }
                    if rng.chance(30) {
                        s["group"] = json!(rng.pick(&["a", "b"]).to_string());
                    }
                    if rng.chance(20) {
                        s["prompt"] = json!([{"role": "user", "content": rng.text(20)}]);
                    }
                    if rng.chance(10) {
                        s["id"] = json!(rng.next());
                    }
                    s
                })
                .collect();
            json!({ "samples": samples }).to_string()
        }
        "/classify" | "/v1/classify" => {
            if rng.chance(50) {
                json!({"model": "m", "input": texts}).to_string()
            } else {
                json!({"input": rng.text(40)}).to_string()
            }
        }
        _ => {
            let labels: Vec<Value> = (0..n)
                .map(|_| match rng.below(4) {
                    0 => json!(rng.text(6)),
                    1 => json!(rng.next() % 100),
                    2 => Value::Null,
                    _ => json!([rng.text(4), rng.text(4)]),
                })
                .collect();
            json!({"query": texts, "prompts": vec![""; n], "labels": labels}).to_string()
        }
    }
}

/// Random text without control characters (a valid header value).
fn header_text(rng: &mut Rng, max: usize) -> String {
    rng.text(max).chars().filter(|c| !c.is_control()).collect()
}

/// What a fuzz request may get back.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Expect {
    /// A complete, well-framed request: an answer must come.
    Answer,
    /// Badly framed (the server may stop reading early and the kernel may reset the
    /// connection before the answer is read): an answer, if any, must be valid.
    AnswerOrReset,
}

/// One random request: its bytes, what to expect, and whether it is a HEAD request.
fn random_request(rng: &mut Rng) -> (Vec<u8>, Expect, bool) {
    const ROUTES: &[&str] = &[
        "/get_reward",
        "/v1/score",
        "/classify",
        "/v1/classify",
        "/health",
        "/health?ready=1",
        "/metrics",
        "/",
        "/nope",
        "//get_reward",
        "/get_reward?x=1",
        "/%ff%00",
        "/get_reward/../v1/score",
    ];
    const METHODS: &[&str] = &[
        "POST", "POST", "POST", "POST", "GET", "GET", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH",
        "FOO",
    ];
    let mut path = rng.pick(ROUTES).to_string();
    let method = if rng.chance(25) {
        *rng.pick(METHODS)
    } else if ["/health", "/metrics"].iter().any(|r| path.starts_with(r)) {
        "GET"
    } else {
        "POST"
    };
    if rng.chance(5) {
        let junk: String = (0..rng.below(200))
            .map(|_| char::from(b'!' + (rng.next() % 94) as u8))
            .collect();
        path = format!("/{junk}");
    }
    let route = path.split('?').next().unwrap_or("").to_string();
    let mut expect = Expect::Answer;
    // The body.
    let mut body: Vec<u8> = match rng.below(10) {
        0..=3 => valid_body(rng, &route).into_bytes(),
        4..=6 => {
            // A valid body, mutated.
            let mut b = valid_body(rng, &route).into_bytes();
            for _ in 0..=rng.below(4) {
                match rng.below(4) {
                    0 if !b.is_empty() => {
                        let i = rng.below(b.len());
                        b[i] = rng.next() as u8;
                    }
                    1 => b.truncate(rng.below(b.len() + 1)),
                    2 => {
                        let i = rng.below(b.len() + 1);
                        let k = rng.below(8);
                        let junk = rng.bytes(k);
                        b.splice(i..i, junk);
                    }
                    _ => {
                        let copy = b.clone();
                        b.extend_from_slice(&copy);
                    }
                }
            }
            b
        }
        7 => {
            let k = rng.below(2000);
            rng.bytes(k)
        }
        8 => {
            let d = 1 + rng.below(400);
            format!("{}{}", "[".repeat(d), "]".repeat(d)).into_bytes()
        }
        _ => Vec::new(),
    };
    if (method == "GET" || method == "HEAD") && rng.chance(70) {
        body.clear();
    }
    // The headers.
    let mut headers: Vec<Vec<u8>> = Vec::new();
    if rng.chance(95) {
        headers.push(b"Host: 127.0.0.1".to_vec());
    }
    headers.push(b"Connection: close".to_vec());
    if rng.chance(60) {
        headers.push(
            format!(
                "Content-Type: {}",
                rng.pick(&[
                    "application/json",
                    "text/plain",
                    "",
                    "application/json; charset=latin1"
                ])
            )
            .into_bytes(),
        );
    }
    let chunked = rng.chance(10);
    match rng.below(40) {
        0 => {
            headers.push(b"Content-Length: 12abc".to_vec());
            expect = Expect::AnswerOrReset;
        }
        1 => {
            headers.push(format!("Content-Length: {}", body.len()).into_bytes());
            headers.push(format!("Content-Length: {}", body.len() + 1).into_bytes());
            expect = Expect::AnswerOrReset;
        }
        2 => {
            // Far over the limit, nothing sent: refused at once.
            headers.push(b"Content-Length: 999999999999".to_vec());
            body.clear();
        }
        3 => {
            headers.push(b"Transfer-Encoding: gzip".to_vec());
            expect = Expect::AnswerOrReset;
        }
        _ if chunked => headers.push(b"Transfer-Encoding: chunked".to_vec()),
        _ => headers.push(format!("Content-Length: {}", body.len()).into_bytes()),
    }
    for _ in 0..rng.below(4) {
        let h: Vec<u8> = match rng.below(16) {
            0 => b"Expect: 100-continue".to_vec(),
            1 => format!("X-Request-Id: {}", header_text(rng, 150)).into_bytes(),
            2 => format!("Authorization: Bearer {}", header_text(rng, 10)).into_bytes(),
            3 => b"Accept: */*".to_vec(),
            4 => {
                // obs-text bytes are allowed in values.
                let mut h = b"X-Bin: ".to_vec();
                h.extend((0..rng.below(20)).map(|_| 0x80 | rng.next() as u8));
                h
            }
            5 => {
                // A control byte in a value: a protocol error.
                expect = Expect::AnswerOrReset;
                b"X-Ctl: a\x01b".to_vec()
            }
            _ => format!("X-{}: {}", rng.next() % 1000, header_text(rng, 30)).into_bytes(),
        };
        headers.push(h);
    }
    let mut raw = Vec::new();
    if rng.chance(2) {
        // A garbage request line.
        let k = 1 + rng.below(30);
        raw.extend_from_slice(&rng.bytes(k));
        raw.extend_from_slice(b"\r\n\r\n");
        return (raw, Expect::AnswerOrReset, false);
    }
    raw.extend_from_slice(format!("{method} {path} HTTP/1.1\r\n").as_bytes());
    for h in headers {
        raw.extend_from_slice(&h);
        raw.extend_from_slice(b"\r\n");
    }
    raw.extend_from_slice(b"\r\n");
    if chunked {
        for part in body.chunks(1 + rng.below(700)) {
            raw.extend_from_slice(format!("{:x}\r\n", part.len()).as_bytes());
            raw.extend_from_slice(part);
            raw.extend_from_slice(b"\r\n");
        }
        raw.extend_from_slice(b"0\r\n\r\n");
    } else {
        raw.extend_from_slice(&body);
    }
    (raw, expect, method == "HEAD")
}

/// Checks one answer: a valid status; errors carry the JSON error shape; 200s on the JSON
/// routes are JSON.
fn check_answer(raw_req: &[u8], got: &[u8], head_request: bool) -> Result<u16, String> {
    let shown = || String::from_utf8_lossy(&raw_req[..raw_req.len().min(300)]).to_string();
    // A HEAD answer has a Content-Length but no body.
    let r = parse_response_to(got, head_request).ok_or_else(|| {
        format!(
            "unparseable answer {:?} to {:?}",
            String::from_utf8_lossy(got),
            shown()
        )
    })?;
    if !(200..=599).contains(&r.status) {
        return Err(format!("status {} for {:?}", r.status, shown()));
    }
    if r.status >= 400 && !head_request {
        let v = r.json().ok_or_else(|| {
            format!(
                "{} without a JSON body ({:?}) for {:?}",
                r.status,
                String::from_utf8_lossy(&r.body),
                shown()
            )
        })?;
        if !v["error"]["code"].is_string() || !v["error"]["message"].is_string() {
            return Err(format!("{} with {v} for {:?}", r.status, shown()));
        }
    }
    let is_metrics = raw_req.windows(8).any(|w| w == b"/metrics");
    if r.status == 200 && !head_request && !is_metrics && r.json().is_none() {
        return Err(format!(
            "200 without JSON ({:?}) for {:?}",
            String::from_utf8_lossy(&r.body),
            shown()
        ));
    }
    Ok(r.status)
}

/// The standing fuzz test: a few hundred random requests (random methods, paths, headers,
/// bodies, framings) and slow clients against a real server on 127.0.0.1, fixed seed, bounded
/// in time. The server must never crash, must answer every well-framed request with a valid
/// status (errors in the JSON shape), must cut slow clients off, and must still answer
/// `/health` at the end.
#[test]
fn fuzz_random_requests_and_slow_clients() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static SERVER_PANICS: AtomicUsize = AtomicUsize::new(0);
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current()
            .name()
            .is_some_and(|n| n.starts_with("fuzz-srv"))
        {
            SERVER_PANICS.fetch_add(1, Ordering::SeqCst);
        }
        previous(info);
    }));
    let _serial = serial_guard();
    let started = Instant::now();
    let srv = Live::start(spec_state(ServerConfig {
        max_body_bytes: 64 << 10,
        max_field_bytes: 4 << 10,
        max_batch: 64,
        max_queue_samples: 256,
        max_connections: 64,
        header_read_timeout: Duration::from_secs(1),
        body_read_timeout: Duration::from_secs(1),
        request_timeout: Duration::from_secs(5),
        ..ServerConfig::default()
    }));
    const THREADS: u64 = 4;
    const PER_THREAD: usize = 75;
    let clients: Vec<_> = (0..THREADS)
        .map(|t| {
            let addr = srv.addr.clone();
            std::thread::spawn(move || {
                let mut rng = Rng(0x5EED_0000_0000_0001 ^ (t + 1).wrapping_mul(0x9E37_79B9));
                let mut failures = Vec::new();
                let mut statuses = std::collections::BTreeMap::<u16, usize>::new();
                let (mut answered, mut strict) = (0, 0);
                for _ in 0..PER_THREAD {
                    let (raw, expect, head) = random_request(&mut rng);
                    let (_, got) = exchange(&addr, &raw, Duration::from_secs(8));
                    if expect == Expect::Answer {
                        strict += 1;
                    }
                    if got.is_empty() && expect == Expect::AnswerOrReset {
                        continue;
                    }
                    match check_answer(&raw, &got, head) {
                        Ok(status) => {
                            answered += 1;
                            *statuses.entry(status).or_default() += 1;
                        }
                        Err(e) => failures.push(e),
                    }
                }
                (failures, answered, strict, statuses)
            })
        })
        .collect();
    // Slow clients at the same time: trickling headers and trickling bodies.
    let slow: Vec<_> = (0..4)
        .map(|i| {
            let addr = srv.addr.clone();
            std::thread::spawn(move || {
                let head: &[u8] = if i % 2 == 0 {
                    b"POST /get_reward HTTP/1.1\r\nHost: x\r\n"
                } else {
                    b"POST /get_reward HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n{\"query\""
                };
                let t = Instant::now();
                let cut = trickle(
                    &addr,
                    head,
                    Duration::from_millis(150),
                    Duration::from_secs(6),
                );
                (cut, t.elapsed())
            })
        })
        .collect();
    let mut failures = Vec::new();
    let mut statuses = std::collections::BTreeMap::<u16, usize>::new();
    let (mut answered, mut strict) = (0, 0);
    for c in clients {
        let (f, a, s, st) = c.join().unwrap();
        failures.extend(f);
        answered += a;
        strict += s;
        for (k, v) in st {
            *statuses.entry(k).or_default() += v;
        }
    }
    eprintln!("fuzz: {answered} answers ({strict} well-framed requests); statuses {statuses:?}");
    for s in slow {
        let (cut, took) = s.join().unwrap();
        assert!(
            cut && took < Duration::from_secs(4),
            "slow client not cut off ({took:?})"
        );
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        answered >= strict && strict >= 200,
        "answered {answered}, well-framed {strict}"
    );
    let (r, _) = exchange(
        &srv.addr,
        b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        Duration::from_secs(5),
    );
    let r = r.expect("/health answers after the fuzz run");
    assert_eq!(r.status, 200);
    assert_eq!(r.json().unwrap()["status"], "ok");
    assert!(srv.stop(), "the server thread panicked");
    assert_eq!(
        SERVER_PANICS.load(Ordering::SeqCst),
        0,
        "a server thread panicked"
    );
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "fuzz run took {:?}",
        started.elapsed()
    );
}
