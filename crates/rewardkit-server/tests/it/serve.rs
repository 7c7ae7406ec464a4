//! `serve` over loopback: connection limit, header timeout, graceful shutdown.

use super::common::*;
use rewardkit_core::PipelineSpec;
use rewardkit_server::{AppState, ServerConfig};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Reads until EOF or `limit`; returns what was read and whether the peer closed.
/// A server of a constant reward.
fn start(config: ServerConfig) -> Live {
    let spec = r#"{"schema_version": 1, "reward": {"type": "constant", "value": 1.0}}"#;
    let p = PipelineSpec::from_json(spec).unwrap().build().unwrap();
    Live::start(AppState::new(Arc::new(p), config))
}

fn read_all(s: &mut TcpStream, limit: Duration) -> (String, bool) {
    s.set_read_timeout(Some(limit)).unwrap();
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        match s.read(&mut chunk) {
            Ok(0) => return (String::from_utf8_lossy(&buf).into(), true),
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            // A reset also means the server closed the connection; a timeout does not.
            Err(e) => {
                let timed_out = matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                );
                return (String::from_utf8_lossy(&buf).into(), !timed_out);
            }
        }
    }
}

const REQ: &str =
    "POST /get_reward HTTP/1.1\r\nHost: x\r\nContent-Length: 15\r\n\r\n{\"query\":[\"a\"]}";

#[test]
fn slow_headers_are_cut_off() {
    let srv = start(ServerConfig {
        header_read_timeout: Duration::from_millis(200),
        ..ServerConfig::default()
    });
    let mut s = TcpStream::connect(&srv.addr).unwrap();
    s.write_all(b"POST /get_reward HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    let started = Instant::now();
    let (_, closed) = read_all(&mut s, Duration::from_secs(5));
    assert!(closed, "the server kept a slow-header connection open");
    assert!(started.elapsed() < Duration::from_secs(3));
    // A normal client still works.
    let mut s = TcpStream::connect(&srv.addr).unwrap();
    s.write_all(REQ.as_bytes()).unwrap();
    let (resp, _) = read_all(&mut s, Duration::from_millis(500));
    assert!(resp.starts_with("HTTP/1.1 200"), "{resp}");
    assert!(srv.stop());
}

#[test]
fn connections_over_the_limit_are_closed_at_accept() {
    let srv = start(ServerConfig {
        max_connections: 1,
        ..ServerConfig::default()
    });
    let mut first = TcpStream::connect(&srv.addr).unwrap();
    first.write_all(REQ.as_bytes()).unwrap();
    let mut buf = [0u8; 12];
    first.read_exact(&mut buf).unwrap();
    assert_eq!(&buf, b"HTTP/1.1 200");
    // The first connection is still open (keep-alive): the second is refused.
    let mut second = TcpStream::connect(&srv.addr).unwrap();
    let _ = second.write_all(REQ.as_bytes());
    let (resp, closed) = read_all(&mut second, Duration::from_secs(5));
    assert!(closed && resp.is_empty(), "{resp}");
    drop(first);
    assert!(srv.stop());
}

#[test]
fn shutdown_closes_idle_keep_alive_connections() {
    let srv = start(ServerConfig::default());
    let mut s = TcpStream::connect(&srv.addr).unwrap();
    s.write_all(REQ.as_bytes()).unwrap();
    let mut buf = [0u8; 12];
    s.read_exact(&mut buf).unwrap();
    let started = Instant::now();
    let addr = srv.addr.clone();
    assert!(srv.stop());
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "idle connection held up shutdown"
    );
    assert!(TcpStream::connect(&addr).is_err());
}
