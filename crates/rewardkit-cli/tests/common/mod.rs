//! Shared helpers of the `serve` end-to-end tests: spawn `rewardkit serve` on a free loopback
//! port and talk HTTP/1.1 to it with the standard library.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// number_match + 0.5 × trl_think format.
pub const SPEC: &str = r#"
schema_version = 1
[reward]
type = "weighted_sum"
terms = [
  { name = "correct", reward = { type = "number_match" } },
  { name = "format", weight = 0.5, reward = { type = "format", preset = "trl_think" } },
]
"#;

/// A running server; killed when dropped.
#[derive(Debug)]
pub struct Server {
    /// The `rewardkit serve` process.
    pub child: Child,
    /// `127.0.0.1:PORT`.
    pub addr: String,
    /// Its stderr, line by line.
    pub stderr: std::sync::mpsc::Receiver<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `rewardkit serve --spec SPEC --addr 127.0.0.1:0 EXTRA...` and waits for its address.
pub fn start(dir: &Path, spec: &str, extra: &[&str]) -> Server {
    let path = dir.join("pipeline.toml");
    std::fs::write(&path, spec).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_rewardkit"))
        .args(["serve", "--spec"])
        .arg(&path)
        .args(["--addr", "127.0.0.1:0"])
        .args(extra)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let err = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(err).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let Ok(line) = rx.recv_timeout(left) else {
            let _ = child.kill();
            let _ = child.wait();
            panic!("server did not print its address in 30 s");
        };
        if let Some(a) = line.strip_prefix("listening on http://") {
            return Server {
                child,
                addr: a.trim().to_string(),
                stderr: rx,
            };
        }
    }
}

/// One request on a fresh connection: (status, headers text, body).
pub fn request(
    addr: &str,
    method: &str,
    path: &str,
    body: &str,
    headers: &[(&str, &str)],
) -> (u16, String, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let mut msg = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        msg.push_str(&format!("{k}: {v}\r\n"));
    }
    msg.push_str("\r\n");
    msg.push_str(body);
    s.write_all(msg.as_bytes()).unwrap();
    let mut resp = String::new();
    s.read_to_string(&mut resp).unwrap();
    let (head, body) = resp.split_once("\r\n\r\n").unwrap_or((&resp, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, head.to_string(), body.to_string())
}

/// POSTs JSON on a fresh connection: (status, body as JSON, or as a string if not JSON).
pub fn post(addr: &str, path: &str, body: &str) -> (u16, serde_json::Value) {
    let (s, _, b) = request(addr, "POST", path, body, &[]);
    (
        s,
        serde_json::from_str(&b).unwrap_or(serde_json::Value::String(b)),
    )
}
