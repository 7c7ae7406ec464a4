//! A small, bounded HTTP load generator for reward servers speaking OpenRLHF's `/get_reward`
//! (used by `bench/server/run.sh`; loopback only).
//!
//! ```text
//! cargo run --release -p rewardkit-server --example loadgen -- \
//!     --url http://127.0.0.1:8000/get_reward --batch 64 --connections 8 --duration 10 [--rate 100]
//! ```
//!
//! Every request carries `batch` math samples built from four templates whose correct reward
//! under the bench pipeline (`math` + 0.5 × `format` `trl_think`) is known; with `--check`
//! every answer is compared with it, so lost, shifted or wrong results are counted. Closed loop
//! by default (each connection sends back to back: maximum throughput); `--rate R` sends R
//! requests/s on a fixed schedule and measures latency from the scheduled time (no coordinated
//! omission). Stops after `--duration` seconds or `--max-requests` requests, whichever first.
//! Prints one JSON summary line on stdout.

use serde_json::{json, Value};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

#[derive(Debug, Clone)]
struct Args {
    host: String,
    path: String,
    batch: usize,
    connections: usize,
    duration: f64,
    max_requests: u64,
    rate: Option<f64>,
    check: bool,
    token: Option<String>,
    label: String,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        host: "127.0.0.1:8000".into(),
        path: "/get_reward".into(),
        batch: 1,
        connections: 8,
        duration: 10.0,
        max_requests: 10_000_000,
        rate: None,
        check: false,
        token: None,
        label: String::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(k) = it.next() {
        let mut v = || it.next().ok_or(format!("{k} needs a value"));
        match k.as_str() {
            "--url" => {
                let u = v()?;
                let rest = u
                    .strip_prefix("http://")
                    .ok_or("only http:// URLs are supported")?;
                let (h, p) = rest.split_once('/').unwrap_or((rest, ""));
                a.host = h.into();
                a.path = format!("/{p}");
            }
            "--batch" => a.batch = v()?.parse().map_err(|e| format!("--batch: {e}"))?,
            "--connections" => {
                a.connections = v()?.parse().map_err(|e| format!("--connections: {e}"))?
            }
            "--duration" => a.duration = v()?.parse().map_err(|e| format!("--duration: {e}"))?,
            "--max-requests" => {
                a.max_requests = v()?.parse().map_err(|e| format!("--max-requests: {e}"))?
            }
            "--rate" => a.rate = Some(v()?.parse().map_err(|e| format!("--rate: {e}"))?),
            "--token" => a.token = Some(v()?),
            "--label" => a.label = v()?,
            "--check" => a.check = true,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if a.batch == 0 || a.connections == 0 || a.duration <= 0.0 || a.duration > 7200.0 {
        return Err("--batch/--connections must be ≥ 1 and --duration in (0, 7200]".into());
    }
    Ok(a)
}

/// Sample `k`: (prompt, response, label, expected reward under math + 0.5·format).
fn sample(k: usize) -> (String, String, String, f64) {
    let n = (k % 997) as i64 + 2;
    let prompt = format!("Problem {k}: compute the value for n = {n}.\n");
    match k % 4 {
        // correct integer, good format
        0 => (
            prompt,
            format!(
                "<think>n + 1 = {}</think> The answer is $\\boxed{{{}}}$.",
                n + 1,
                n + 1
            ),
            format!("{}", n + 1),
            1.5,
        ),
        // correct fraction, no think block
        1 => (
            prompt,
            format!("So the result is \\boxed{{\\frac{{1}}{{{n}}}}}"),
            format!("1/{n}"),
            1.0,
        ),
        // equal polynomial in another form, good format
        2 => (
            prompt,
            format!("<think>expand</think> \\boxed{{(x+{n})^2}}"),
            format!("x^2 + {}x + {}", 2 * n, n * n),
            1.5,
        ),
        // wrong answer, good format
        _ => (
            prompt,
            format!("<think>guess</think> \\boxed{{{}}}", n * 3),
            format!("{}", n * 3 + 1),
            0.5,
        ),
    }
}

/// A request body and the rewards it should get.
fn body(offset: usize, batch: usize) -> (Vec<u8>, Vec<f64>) {
    let (mut q, mut p, mut l, mut e) = (vec![], vec![], vec![], vec![]);
    for i in 0..batch {
        let (prompt, resp, label, exp) = sample(offset + i);
        q.push(format!("{prompt}{resp}"));
        p.push(prompt);
        l.push(label);
        e.push(exp);
    }
    let b = json!({"query": q, "prompts": p, "labels": l});
    (serde_json::to_vec(&b).unwrap_or_default(), e)
}

struct Conn {
    r: BufReader<tokio::net::tcp::OwnedReadHalf>,
    w: tokio::net::tcp::OwnedWriteHalf,
}

enum Outcome {
    Ok(u16, Vec<u8>),
    /// The connection failed before any response byte arrived.
    NoResponse,
}

async fn connect(host: &str) -> std::io::Result<Conn> {
    let s = TcpStream::connect(host).await?;
    s.set_nodelay(true)?;
    let (r, w) = s.into_split();
    Ok(Conn {
        r: BufReader::new(r),
        w,
    })
}

async fn send(c: &mut Conn, a: &Args, body: &[u8]) -> Outcome {
    let mut head = format!(
        "POST {} HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n",
        a.path,
        a.host,
        body.len()
    );
    if let Some(t) = &a.token {
        head.push_str(&format!("Authorization: Bearer {t}\r\n"));
    }
    head.push_str("\r\n");
    let mut msg = head.into_bytes();
    msg.extend_from_slice(body);
    if c.w.write_all(&msg).await.is_err() {
        return Outcome::NoResponse;
    }
    let mut line = String::new();
    match c.r.read_line(&mut line).await {
        Ok(0) | Err(_) => return Outcome::NoResponse,
        Ok(_) => {}
    }
    let status: u16 = line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let mut len = 0usize;
    loop {
        line.clear();
        match c.r.read_line(&mut line).await {
            Ok(0) | Err(_) => return Outcome::Ok(0, Vec::new()),
            Ok(_) => {}
        }
        if line == "\r\n" {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            if k.eq_ignore_ascii_case("content-length") {
                len = v.trim().parse().unwrap_or(0);
            }
        }
    }
    let mut buf = vec![0; len];
    if c.r.read_exact(&mut buf).await.is_err() {
        return Outcome::Ok(0, Vec::new());
    }
    Outcome::Ok(status, buf)
}

#[derive(Default)]
struct Stats {
    lat_us: Vec<u64>,
    ok: u64,
    samples: u64,
    wrong: u64,
    status: std::collections::BTreeMap<u16, u64>,
    no_response: u64,
    connect_errors: u64,
}

fn check(resp: &[u8], expected: &[f64]) -> bool {
    let Ok(v) = serde_json::from_slice::<Value>(resp) else {
        return false;
    };
    let Some(r) = v.get("rewards").and_then(Value::as_array) else {
        return false;
    };
    r.len() == expected.len()
        && r.iter()
            .zip(expected)
            .all(|(x, e)| x.as_f64().is_some_and(|x| (x - e).abs() < 1e-9))
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let a = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("loadgen: {e}");
            std::process::exit(2);
        }
    };
    // 64 distinct bodies, rotated.
    let bodies: Arc<Vec<(Vec<u8>, Vec<f64>)>> =
        Arc::new((0..64).map(|i| body(i * 131, a.batch)).collect());
    let start = Instant::now();
    let stop_at = start + Duration::from_secs_f64(a.duration);
    let next = Arc::new(AtomicU64::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let mut tasks = Vec::new();
    for _ in 0..a.connections {
        let (a, bodies, next, stop) = (a.clone(), bodies.clone(), next.clone(), stop.clone());
        tasks.push(tokio::spawn(async move {
            let mut st = Stats::default();
            let mut conn: Option<Conn> = None;
            loop {
                if stop.load(Ordering::Relaxed) || Instant::now() >= stop_at {
                    break;
                }
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= a.max_requests {
                    break;
                }
                let scheduled = match a.rate {
                    Some(r) => {
                        let t = start + Duration::from_secs_f64(i as f64 / r);
                        if t >= stop_at {
                            break;
                        }
                        tokio::time::sleep_until(t.into()).await;
                        t
                    }
                    None => Instant::now(),
                };
                if conn.is_none() {
                    match connect(&a.host).await {
                        Ok(c) => conn = Some(c),
                        Err(_) => {
                            st.connect_errors += 1;
                            if st.connect_errors > 1000 {
                                break;
                            }
                            tokio::time::sleep(Duration::from_millis(10)).await;
                            continue;
                        }
                    }
                }
                let Some(c) = conn.as_mut() else { continue };
                let (b, exp) = &bodies[(i % 64) as usize];
                let out = tokio::time::timeout(Duration::from_secs(60), send(c, &a, b)).await;
                match out {
                    Ok(Outcome::Ok(status, resp)) => {
                        *st.status.entry(status).or_insert(0) += 1;
                        if status == 200 {
                            st.ok += 1;
                            st.samples += a.batch as u64;
                            st.lat_us.push(scheduled.elapsed().as_micros() as u64);
                            if a.check && !check(&resp, exp) {
                                st.wrong += 1;
                                if st.wrong <= 3 {
                                    eprintln!(
                                        "loadgen: unexpected answer: {}",
                                        String::from_utf8_lossy(&resp[..resp.len().min(400)])
                                    );
                                }
                            }
                        } else if status == 0 {
                            conn = None;
                        }
                    }
                    Ok(Outcome::NoResponse) | Err(_) => {
                        st.no_response += 1;
                        conn = None;
                    }
                }
            }
            st
        }));
    }
    let mut all = Stats::default();
    for t in tasks {
        if let Ok(s) = t.await {
            all.lat_us.extend(s.lat_us);
            all.ok += s.ok;
            all.samples += s.samples;
            all.wrong += s.wrong;
            all.no_response += s.no_response;
            all.connect_errors += s.connect_errors;
            for (k, v) in s.status {
                *all.status.entry(k).or_insert(0) += v;
            }
        }
    }
    stop.store(true, Ordering::Relaxed);
    let elapsed = start.elapsed().as_secs_f64();
    all.lat_us.sort_unstable();
    let pct = |p: f64| -> f64 {
        if all.lat_us.is_empty() {
            return f64::NAN;
        }
        let i = ((all.lat_us.len() as f64 - 1.0) * p).round() as usize;
        all.lat_us[i] as f64 / 1000.0
    };
    let status: serde_json::Map<String, Value> = all
        .status
        .iter()
        .map(|(k, v)| (k.to_string(), json!(v)))
        .collect();
    let summary = json!({
        "label": a.label, "batch": a.batch, "connections": a.connections,
        "rate": a.rate, "seconds": (elapsed * 1000.0).round() / 1000.0,
        "requests_ok": all.ok, "samples_ok": all.samples,
        "requests_per_s": (all.ok as f64 / elapsed).round(),
        "samples_per_s": (all.samples as f64 / elapsed).round(),
        "p50_ms": pct(0.5), "p90_ms": pct(0.9), "p99_ms": pct(0.99), "max_ms": pct(1.0),
        "wrong": all.wrong, "status": status, "no_response": all.no_response,
        "connect_errors": all.connect_errors, "checked": a.check,
    });
    println!("{summary}");
}
