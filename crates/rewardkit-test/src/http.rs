//! `rewardkit serve` on an ephemeral loopback port, and a minimal HTTP/1.1 client.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running `rewardkit serve`; killed when dropped.
#[derive(Debug)]
pub struct TestServer {
    /// The `rewardkit serve` process.
    pub child: Child,
    /// `127.0.0.1:PORT`.
    pub addr: String,
    /// Its stderr, line by line.
    pub stderr: std::sync::mpsc::Receiver<String>,
}

impl Drop for TestServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl TestServer {
    /// Writes `spec` to `dir/pipeline.toml`, starts
    /// `BIN serve --spec FILE --addr 127.0.0.1:0 EXTRA...` and waits (30 s at most) for the
    /// address it prints. `bin` is the `rewardkit` binary
    /// (`env!("CARGO_BIN_EXE_rewardkit")` in the CLI's tests).
    pub fn start(bin: impl AsRef<Path>, dir: &Path, spec: &str, extra: &[&str]) -> TestServer {
        let path = dir.join("pipeline.toml");
        std::fs::write(&path, spec).expect("the spec is written");
        Self::start_with_file(bin, &path, extra)
    }

    /// As [`TestServer::start`], with a spec file that already exists.
    pub fn start_with_file(bin: impl AsRef<Path>, spec: &Path, extra: &[&str]) -> TestServer {
        let mut child = Command::new(bin.as_ref())
            .args(["serve", "--spec"])
            .arg(spec)
            .args(["--addr", "127.0.0.1:0"])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("rewardkit serve starts");
        let err = child.stderr.take().expect("stderr is piped");
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
                return TestServer {
                    child,
                    addr: a.trim().to_string(),
                    stderr: rx,
                };
            }
        }
    }

    /// One request on a fresh connection (see [`request`]).
    pub fn request(
        &self,
        method: &str,
        path: &str,
        body: &str,
        headers: &[(&str, &str)],
    ) -> (u16, String, String) {
        request(&self.addr, method, path, body, headers)
    }

    /// POSTs JSON on a fresh connection (see [`post`]).
    pub fn post(&self, path: &str, body: &str) -> (u16, serde_json::Value) {
        post(&self.addr, path, body)
    }
}

/// One request on a fresh connection: (status, response head, body).
pub fn request(
    addr: &str,
    method: &str,
    path: &str,
    body: &str,
    headers: &[(&str, &str)],
) -> (u16, String, String) {
    let mut s = TcpStream::connect(addr).expect("the server accepts");
    s.set_read_timeout(Some(Duration::from_secs(60)))
        .expect("a read timeout can be set");
    let mut msg = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        msg.push_str(&format!("{k}: {v}\r\n"));
    }
    msg.push_str("\r\n");
    msg.push_str(body);
    s.write_all(msg.as_bytes()).expect("the request is sent");
    let mut resp = String::new();
    s.read_to_string(&mut resp).expect("the response is read");
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
