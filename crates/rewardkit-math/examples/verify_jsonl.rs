//! Bench driver: verify every `{"gold", "pred", "label"}` line of a JSONL file, single thread.
//!
//! ```text
//! cargo run --release -p rewardkit-math --example verify_jsonl -- pairs.jsonl [results.jsonl]
//! ```
//!
//! Prints one JSON summary on stdout: pairs, seconds, calls per second, worst single call,
//! agreement with the labels. With a second argument, writes one result per line.

use rewardkit_math::{verify, Options, Outcome};
use std::io::{BufRead, BufReader, Write};
use std::time::Instant;

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
        rows.push((s("gold"), s("pred"), label));
    }
    let opts = Options::default();
    // warm-up pass (page faults, allocator), not timed
    for (g, p, _) in rows.iter().take(200) {
        let _ = verify(g, p, &opts);
    }
    let mut worst = 0f64;
    let mut worst_idx = 0usize;
    let mut agree = 0usize;
    let mut budget = 0usize;
    let mut results = Vec::with_capacity(rows.len());
    let start = Instant::now();
    for (i, (g, p, label)) in rows.iter().enumerate() {
        let t = Instant::now();
        let v = verify(g, p, &opts);
        let dt = t.elapsed().as_secs_f64();
        if dt > worst {
            worst = dt;
            worst_idx = i;
        }
        if v.is_equal() == *label {
            agree += 1;
        }
        if v.outcome == Outcome::BudgetExceeded {
            budget += 1;
        }
        results.push(v.is_equal());
    }
    let total = start.elapsed().as_secs_f64();
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
