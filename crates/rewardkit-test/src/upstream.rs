//! [`FakeUpstream`]: a scripted HTTP/1.1 server on loopback, standing in for a reward model
//! that the `remote` client calls.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// Answers request k with `script[k]` (status, JSON body), the last entry repeating; records
/// the request bodies; stops after `max` requests (its thread ends, the port closes).
#[derive(Debug)]
pub struct FakeUpstream {
    addr: SocketAddr,
    count: Arc<AtomicUsize>,
    bodies: Arc<Mutex<Vec<String>>>,
}

impl FakeUpstream {
    /// Starts the server on an ephemeral loopback port.
    pub fn start(script: Vec<(u16, &'static str)>, max: usize) -> FakeUpstream {
        assert!(!script.is_empty(), "a script needs at least one answer");
        let l = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        let addr = l.local_addr().expect("a local address");
        let count = Arc::new(AtomicUsize::new(0));
        let bodies = Arc::new(Mutex::new(Vec::new()));
        let (c, b) = (count.clone(), bodies.clone());
        std::thread::spawn(move || {
            for stream in l.incoming().take(max) {
                let Ok(mut s) = stream else { break };
                let Ok(clone) = s.try_clone() else { continue };
                let mut r = BufReader::new(clone);
                let mut len = 0usize;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        break;
                    }
                    let lower = line.to_ascii_lowercase();
                    if let Some(v) = lower.strip_prefix("content-length:") {
                        len = v.trim().parse().unwrap_or(0);
                    }
                    if line == "\r\n" {
                        break;
                    }
                }
                let mut body = vec![0; len];
                let _ = r.read_exact(&mut body);
                if let Ok(mut all) = b.lock() {
                    all.push(String::from_utf8_lossy(&body).into_owned());
                }
                let k = c.fetch_add(1, Ordering::SeqCst);
                let (status, text) = script[k.min(script.len() - 1)];
                let _ = write!(
                    s,
                    "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{text}",
                    text.len()
                );
            }
        });
        FakeUpstream {
            addr,
            count,
            bodies,
        }
    }

    /// `http://127.0.0.1:PORT{path}`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Requests answered so far.
    pub fn requests(&self) -> usize {
        self.count.load(Ordering::SeqCst)
    }

    /// The request bodies received so far, in order.
    pub fn bodies(&self) -> Vec<String> {
        self.bodies.lock().map(|b| b.clone()).unwrap_or_default()
    }
}
