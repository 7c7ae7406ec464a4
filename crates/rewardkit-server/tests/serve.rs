//! `serve` over loopback: connection limit, header timeout, graceful shutdown.

use rewardkit_core::PipelineSpec;
use rewardkit_server::{serve, AppState, ServerConfig};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::time::{Duration, Instant};

fn start(
    config: ServerConfig,
) -> (
    String,
    tokio::sync::oneshot::Sender<()>,
    std::thread::JoinHandle<()>,
) {
    let spec = r#"{"schema_version": 1, "reward": {"type": "constant", "value": 1.0}}"#;
    let p = PipelineSpec::from_json(spec).unwrap().build().unwrap();
    let state = AppState::new(Arc::new(p), config);
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let (atx, arx) = std::sync::mpsc::channel();
    let t = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            atx.send(l.local_addr().unwrap().to_string()).unwrap();
            serve(l, state, async {
                let _ = rx.await;
            })
            .await
            .unwrap();
        });
    });
    (arx.recv().unwrap(), tx, t)
}

/// Reads until EOF or `limit`; returns what was read and whether the peer closed.
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
    let (addr, stop, t) = start(ServerConfig {
        header_read_timeout: Duration::from_millis(200),
        ..ServerConfig::default()
    });
    let mut s = TcpStream::connect(&addr).unwrap();
    s.write_all(b"POST /get_reward HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    let started = Instant::now();
    let (_, closed) = read_all(&mut s, Duration::from_secs(5));
    assert!(closed, "the server kept a slow-header connection open");
    assert!(started.elapsed() < Duration::from_secs(3));
    // A normal client still works.
    let mut s = TcpStream::connect(&addr).unwrap();
    s.write_all(REQ.as_bytes()).unwrap();
    let (resp, _) = read_all(&mut s, Duration::from_millis(500));
    assert!(resp.starts_with("HTTP/1.1 200"), "{resp}");
    let _ = stop.send(());
    t.join().unwrap();
}

#[test]
fn connections_over_the_limit_are_closed_at_accept() {
    let (addr, stop, t) = start(ServerConfig {
        max_connections: 1,
        ..ServerConfig::default()
    });
    let mut first = TcpStream::connect(&addr).unwrap();
    first.write_all(REQ.as_bytes()).unwrap();
    let mut buf = [0u8; 12];
    first.read_exact(&mut buf).unwrap();
    assert_eq!(&buf, b"HTTP/1.1 200");
    // The first connection is still open (keep-alive): the second is refused.
    let mut second = TcpStream::connect(&addr).unwrap();
    let _ = second.write_all(REQ.as_bytes());
    let (resp, closed) = read_all(&mut second, Duration::from_secs(5));
    assert!(closed && resp.is_empty(), "{resp}");
    drop(first);
    let _ = stop.send(());
    t.join().unwrap();
}

#[test]
fn shutdown_closes_idle_keep_alive_connections() {
    let (addr, stop, t) = start(ServerConfig::default());
    let mut s = TcpStream::connect(&addr).unwrap();
    s.write_all(REQ.as_bytes()).unwrap();
    let mut buf = [0u8; 12];
    s.read_exact(&mut buf).unwrap();
    let started = Instant::now();
    let _ = stop.send(());
    t.join().unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "idle connection held up shutdown"
    );
    assert!(TcpStream::connect(&addr).is_err());
}
