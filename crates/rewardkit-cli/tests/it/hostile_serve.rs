//! Hostile use of `rewardkit serve` (issue 9): arguments that used to panic or silently
//! weaken the server, slow bodies, oversized declared lengths, malformed requests. The built
//! binary on 127.0.0.1; every input is generated here.

use crate::common::{post, start, SPEC};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs `rewardkit serve` with `extra` (and extra environment) and expects it to refuse to
/// start: exit 2, a message naming `needle`, no panic.
fn refuses(extra: &[&str], env: &[(&str, &str)], needle: &str) {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("pipeline.toml");
    std::fs::write(&spec, SPEC).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rewardkit"));
    cmd.args(["serve", "--spec"])
        .arg(&spec)
        .args(["--addr", "127.0.0.1:0"])
        .args(extra)
        .env_remove("REWARDKIT_TOKEN")
        .stdin(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if started.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{extra:?} {env:?}: the server started instead of refusing");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert_eq!(status.code(), Some(2), "{extra:?} {env:?}: {err}");
    assert!(!err.contains("panicked"), "{extra:?}: {err}");
    assert!(err.contains(needle), "{extra:?} {env:?}: {err}");
}

/// Failure 9: `--header-timeout 1e300` and `--drain-timeout 1e300` panicked (exit 101).
/// Every timeout flag is range-checked: exit 2 with a message.
#[test]
fn out_of_range_timeouts_exit_2_without_panicking() {
    for flag in [
        "--header-timeout",
        "--drain-timeout",
        "--body-timeout",
        "--request-timeout",
    ] {
        for v in ["1e300", "-1", "nan", "inf", "-inf", "86401", "soon"] {
            refuses(&[flag, v], &[], flag);
        }
    }
    for flag in ["--header-timeout", "--body-timeout", "--request-timeout"] {
        refuses(&[flag, "0"], &[], flag);
    }
    for flag in [
        "--threads",
        "--io-threads",
        "--max-batch",
        "--max-connections",
        "--max-field-bytes",
    ] {
        refuses(&[flag, "0"], &[], flag);
    }
    refuses(&["--threads", "100000"], &[], "--threads");
}

/// Failure 11: an empty token silently disabled authentication.
#[test]
fn empty_token_refuses_to_start() {
    refuses(&["--token", ""], &[], "empty");
    refuses(&[], &[("REWARDKIT_TOKEN", "")], "empty");
    refuses(&["--token", "with space"], &[], "--token");
}

/// Failure 13: `--missing-value nan` put `null` on the wire where a number is promised.
#[test]
fn non_finite_missing_value_is_rejected_at_startup() {
    for v in ["nan", "NaN", "inf", "-inf", "1e400"] {
        refuses(&["--missing-value", v], &[], "--missing-value");
    }
}

/// Reads until the server closes the connection (or resets it) or `limit` passes; returns
/// what came and whether the connection was closed.
fn read_until_closed(s: &mut TcpStream, limit: Duration) -> (Vec<u8>, bool) {
    let end = Instant::now() + limit;
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
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

/// A client that sends a request head and then one body byte per second, until the server
/// cuts it off; returns how long that took (or `None` after `limit`).
fn one_byte_per_second(addr: &str, limit: Duration) -> Option<Duration> {
    let t = Instant::now();
    let mut s = TcpStream::connect(addr).unwrap();
    let head = "POST /get_reward HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n";
    if s.write_all(head.as_bytes()).is_err() {
        return Some(t.elapsed());
    }
    s.set_nonblocking(true).unwrap();
    let mut buf = [0u8; 4096];
    while t.elapsed() < limit {
        if s.write_all(b"{").is_err() {
            return Some(t.elapsed());
        }
        let tick = Instant::now();
        while tick.elapsed() < Duration::from_secs(1) {
            match s.read(&mut buf) {
                Ok(0) => return Some(t.elapsed()),
                Ok(_) => {}
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
                Err(_) => return Some(t.elapsed()),
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
    None
}

/// `GET /health` on a fresh connection: the status, or `None` when the connection was closed
/// without an answer (e.g. at accept, over `--max-connections`).
fn health(addr: &str) -> Option<u16> {
    let mut s = TcpStream::connect(addr).ok()?;
    s.write_all(b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .ok()?;
    let (buf, _) = read_until_closed(&mut s, Duration::from_secs(5));
    let text = String::from_utf8_lossy(&buf);
    text.split_whitespace().nth(1)?.parse().ok()
}

/// Failure 12: a body sent at 1 byte/s stayed open past 20 s (even with `--header-timeout 3`)
/// and five such clients with `--max-connections 5` locked out `/health`. With
/// `--body-timeout 2` each is cut off within the timeout, and `/health` is back within it.
#[test]
fn slow_bodies_time_out_and_do_not_lock_out_health() {
    let dir = tempfile::tempdir().unwrap();
    let srv = start(
        dir.path(),
        SPEC,
        &[
            "--body-timeout",
            "2",
            "--header-timeout",
            "2",
            "--max-connections",
            "5",
        ],
    );
    let took = one_byte_per_second(&srv.addr, Duration::from_secs(10))
        .expect("a 1 byte/s body was never cut off");
    assert!(took < Duration::from_millis(3500), "cut off after {took:?}");
    // Five at once fill --max-connections.
    let t = Instant::now();
    let slow: Vec<_> = (0..5)
        .map(|_| {
            let addr = srv.addr.clone();
            std::thread::spawn(move || one_byte_per_second(&addr, Duration::from_secs(10)))
        })
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    let back = loop {
        if health(&srv.addr) == Some(200) {
            break t.elapsed();
        }
        assert!(
            t.elapsed() < Duration::from_secs(8),
            "/health locked out for {:?}",
            t.elapsed()
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(
        back < Duration::from_millis(3500),
        "/health back after {back:?}"
    );
    for c in slow {
        let took = c.join().unwrap().expect("a slow client was never cut off");
        assert!(took < Duration::from_millis(3500), "cut off after {took:?}");
    }
}

/// Failures 10, 12 and 14 over the real binary: a declared 40 MB body gets 413 before it is
/// sent, trailing garbage is 400, malformed request heads get the JSON error shape.
#[test]
fn hostile_requests_get_json_errors_from_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let srv = start(dir.path(), SPEC, &[]);
    let ask = |raw: &[u8]| -> (u16, serde_json::Value, Duration) {
        let t = Instant::now();
        let mut s = TcpStream::connect(&srv.addr).unwrap();
        s.write_all(raw).unwrap();
        let (buf, _) = read_until_closed(&mut s, Duration::from_secs(10));
        let text = String::from_utf8_lossy(&buf).to_string();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let v = serde_json::from_str(body).unwrap_or(serde_json::Value::String(text.clone()));
        (status, v, t.elapsed())
    };
    let (s, v, took) = ask(
        b"POST /get_reward HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 40000000\r\n\r\n",
    );
    assert_eq!(
        (s, &v["error"]["code"]),
        (413, &"payload_too_large".into()),
        "{v}"
    );
    assert!(took < Duration::from_secs(2), "{took:?}");
    for (raw, status) in [
        (
            &b"POST /get_reward HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n"[..],
            400,
        ),
        (b"garbage\r\n\r\n", 400),
        (b"GET /health HTTP/1.1\r\nHost: x\r\nX: \x01\r\n\r\n", 400),
    ] {
        let (s, v, _) = ask(raw);
        assert_eq!(s, status, "{v}");
        assert!(v["error"]["code"].is_string(), "{v}");
    }
    let long_uri = format!("GET /{} HTTP/1.1\r\nHost: x\r\n\r\n", "u".repeat(70_000));
    let (s, v, _) = ask(long_uri.as_bytes());
    assert_eq!(
        (s, &v["error"]["code"]),
        (414, &"uri_too_long".into()),
        "{v}"
    );
    let (s, v) = post(
        &srv.addr,
        "/get_reward",
        r#"{"query": ["1"]} {"query": ["2"]}"#,
    );
    assert_eq!(
        (s, &v["error"]["code"]),
        (400, &"invalid_json".into()),
        "{v}"
    );
    let (s, _) = post(&srv.addr, "/get_reward", r#"{"query": ["1"]}"#);
    assert_eq!(s, 200);
}
