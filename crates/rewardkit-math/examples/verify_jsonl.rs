//! Bench driver: verify every `{"gold", "pred", "label"}` line of a JSONL file, single thread.
//!
//! ```text
//! cargo run --release -p rewardkit-math --example verify_jsonl -- pairs.jsonl [results.jsonl]
//! ```
//!
//! Prints one JSON summary on stdout: pairs, seconds, calls per second, worst single call,
//! agreement with the labels. With a second argument, writes one result per line. Rows carry
//! `gold`, `label` and `pred` (bench pairs) or `completion` (the labelled corpus).

use rewardkit_math::{verify, Options, Outcome};
use std::io::{BufRead, BufReader, Write};
use std::time::Instant;

/// Process CPU time (user + system) from `/proc/self/stat`, in seconds (0 when unavailable).
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // fields after the `(comm)` part: state is field 3, utime 14, stime 15
    let Some(rest) = stat.rsplit_once(')').map(|x| x.1) else {
        return 0.0;
    };
    let f: Vec<&str> = rest.split_whitespace().collect();
    let tick = |i: usize| f.get(i).and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0);
    (tick(11) + tick(12)) / 100.0
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).map_or("bench/out/pairs.jsonl", String::as_str);
    let file = std::fs::File::open(path)?;
    let mut rows = Vec::new();
    for line in BufReader::new(file).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line)?;
        let s = |k: &str| {
            v.get(k)
                .and_then(|x| x.as_str())
                .unwrap_or_default()
                .to_string()
        };
        let label = v
            .get("label")
            .and_then(serde_json::Value::as_bool)
            .unwrap_or(false);
        // bench pairs carry `pred`; the labelled corpus carries `completion`
        let pred = if v.get("pred").is_some() {
            s("pred")
        } else {
            s("completion")
        };
        rows.push((s("gold"), pred, label));
    }
    let opts = Options::default();
    // warm-up pass (page faults, allocator), not timed
    for (g, p, _) in rows.iter().take(200) {
        let _ = verify(g, p, &opts);
    }
    // Several timed passes over all pairs (at least 3, at least ~2 s in total): throughput is
    // reported for the best pass (wall clock) and over all passes (process CPU time); the worst
    // single call is the maximum over every call of every pass.
    let mut worst = 0f64;
    let mut worst_idx = 0usize;
    let mut agree = 0usize;
    let mut budget = 0usize;
    let mut results = Vec::with_capacity(rows.len());
    let mut best = f64::INFINITY;
    let mut passes = 0usize;
    let cpu0 = cpu_seconds();
    let all = Instant::now();
    while passes < 3 || (all.elapsed().as_secs_f64() < 2.0 && passes < 50) {
        let first = passes == 0;
        let start = Instant::now();
        for (i, (g, p, label)) in rows.iter().enumerate() {
            let t = Instant::now();
            let v = verify(g, p, &opts);
            let dt = t.elapsed().as_secs_f64();
            if dt > worst {
                worst = dt;
                worst_idx = i;
            }
            if first {
                if v.is_equal() == *label {
                    agree += 1;
                }
                if v.outcome == Outcome::BudgetExceeded {
                    budget += 1;
                }
                results.push(v.is_equal());
            }
        }
        best = best.min(start.elapsed().as_secs_f64());
        passes += 1;
    }
    let cpu = cpu_seconds() - cpu0;
    // RK_TOP=n prints the n slowest pairs (one more timed pass) to stderr
    if let Some(top) = std::env::var("RK_TOP")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    {
        let mut times: Vec<(f64, usize)> = rows
            .iter()
            .enumerate()
            .map(|(i, (g, p, _))| {
                let t = Instant::now();
                let _ = verify(g, p, &opts);
                (t.elapsed().as_secs_f64(), i)
            })
            .collect();
        times.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (t, i) in times.into_iter().take(top) {
            eprintln!(
                "{:9.1} us  #{i}  {:?}  |  {:?}",
                t * 1e6,
                rows[i].0,
                rows[i].1
            );
        }
    }
    let total = best;
    if let Some(out) = args.get(2) {
        let mut f = std::io::BufWriter::new(std::fs::File::create(out)?);
        for r in &results {
            writeln!(f, "{}", if *r { "true" } else { "false" })?;
        }
    }
    let n = rows.len();
    let summary = serde_json::json!({
        "tool": "rewardkit",
        "pairs": n,
        "seconds": total,
        "calls_per_second": n as f64 / total,
        "passes": passes,
        "cpu_seconds": cpu,
        "calls_per_cpu_second": (n * passes) as f64 / cpu,
        "mean_us": total / n.max(1) as f64 * 1e6,
        "worst_ms": worst * 1e3,
        "worst_index": worst_idx,
        "agreement": agree as f64 / n.max(1) as f64,
        "agree": agree,
        "budget_exceeded": budget,
    });
    println!("{summary}");
    Ok(())
}
