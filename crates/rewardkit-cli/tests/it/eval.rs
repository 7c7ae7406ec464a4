//! `rewardkit eval` end to end: every benchmark from its published layout with each score
//! source (scores file, pipeline spec, rewardkit / OpenRLHF / vLLM server), results layouts,
//! reports, `compare`, `--fail-under` and the error messages.

use crate::common::{rewardkit, start, write};
use serde_json::Value;
use std::path::PathBuf;

fn data(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../rewardkit-eval/tests/data")
        .join(name)
        .display()
        .to_string()
}

fn json_run(args: &[&str]) -> Value {
    let out = rewardkit().args(args).arg("--json").output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn metric(report: &Value, name: &str) -> f64 {
    report["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == name)
        .unwrap_or_else(|| panic!("no metric {name}"))["value"]
        .as_f64()
        .unwrap()
}

fn main_score(report: &Value) -> f64 {
    metric(report, report["main"].as_str().unwrap())
}

#[test]
fn every_benchmark_from_its_published_layout_with_a_scores_file() {
    let cases: [(&str, &str, &str, f64); 7] = [
        (
            "rewardbench",
            "rewardbench.jsonl",
            "rewardbench-scores.jsonl",
            (90.0 / 140.0 + 0.5 + 1.0 + 738.0 / 1312.0) / 4.0,
        ),
        (
            "rewardbench2",
            "rewardbench2.jsonl",
            "rewardbench2-scores.jsonl",
            0.4125,
        ),
        (
            "rewardmath",
            "rewardmath.json",
            "rewardmath-scores.jsonl",
            0.5,
        ),
        (
            "rm-bench",
            "rm-bench.json",
            "rm-bench-scores.jsonl",
            5.0 / 12.0,
        ),
        (
            "judgebench",
            "judgebench.jsonl",
            "judgebench-scores.jsonl",
            0.5,
        ),
        (
            "pairwise",
            "hh-rlhf.jsonl",
            "hh-rlhf-scores.jsonl",
            1.0 / 3.0,
        ),
        (
            "bestofn",
            "rmb-bestofn.json",
            "rmb-bestofn-scores.jsonl",
            0.5,
        ),
    ];
    for (bench, d, s, want) in cases {
        let r = json_run(&[
            "eval",
            bench,
            &data(d),
            "--scores",
            &data(s),
            "--bootstrap",
            "50",
        ]);
        assert!((main_score(&r) - want).abs() < 1e-12, "{bench}: {r}");
        assert_eq!(r["benchmark"], bench);
        // The table names the main score.
        let out = rewardkit()
            .args([
                "eval",
                bench,
                &data(d),
                "--scores",
                &data(s),
                "--bootstrap",
                "50",
            ])
            .output()
            .unwrap();
        assert!(out.status.success());
        let table = String::from_utf8(out.stdout).unwrap();
        let main = r["main"].as_str().unwrap();
        let line = table
            .lines()
            .find(|l| l.starts_with(&format!("* {main} ")))
            .unwrap_or_else(|| panic!("{table}"));
        assert!(line.contains(&format!("{:.2}", 100.0 * want)), "{line}");
    }
}

#[test]
fn results_layouts_score_from_the_file_alone() {
    let r = json_run(&["eval", "rewardmath", &data("rewardmath-results.json")]);
    assert_eq!(r["layout"], "results");
    assert!((metric(&r, "mrr") - 1.75 / 3.0).abs() < 1e-12);
    let r = json_run(&[
        "eval",
        "rewardmath",
        &data("rewardmath-prm-results.json"),
        "--agg",
        "max",
    ]);
    assert_eq!(main_score(&r), 0.0);
    assert_eq!(metric(&r, "min/accuracy"), 0.5);
    let r = json_run(&[
        "eval",
        "judgebench",
        &data("judgebench-outputs.jsonl"),
        "--single-game",
    ]);
    assert_eq!(r["layout"], "judgments");
    assert_eq!(r["main"], "single/overall");
    assert_eq!(main_score(&r), 0.5);
}

#[test]
fn fail_under_exit_codes() {
    let args = [
        "eval",
        "judgebench",
        &data("judgebench-outputs.jsonl"),
        "--bootstrap",
        "0",
    ];
    rewardkit()
        .args(args)
        .args(["--fail-under", "0.5"])
        .assert()
        .code(0);
    let out = rewardkit()
        .args(args)
        .args(["--fail-under", "0.6"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("double/overall = 0.5000 is below --fail-under 0.6"));
    assert!(!out.stdout.is_empty(), "the table is still printed");
    let out = rewardkit()
        .args(args)
        .args(["--fail-under", "60"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("0.6 = 60%"));
}

#[test]
fn errors_name_file_line_field_and_missing_items() {
    let dir = tempfile::tempdir().unwrap();
    let partial = write(
        dir.path(),
        "partial.jsonl",
        "{\"id\": \"chat-1\", \"scores\": [1, 2, 3, 4, 5, 6]}\n",
    );
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec![
                "rm-bench".into(),
                data("rm-bench.json"),
                "--scores".into(),
                partial.display().to_string(),
            ],
            "no score for 18 of the benchmark's completions: chat-2#0, chat-2#1",
        ),
        (
            vec![
                "rm-bench".into(),
                data("rewardbench2.jsonl"),
                "--scores".into(),
                data("rm-bench-scores.jsonl"),
            ],
            "rewardbench2.jsonl:1: field `chosen`: expected 3 responses",
        ),
        (
            vec!["rewardbench".into(), data("rewardbench.jsonl")],
            "this file holds completions, not scores: give a score source",
        ),
        (
            vec![
                "rewardmath".into(),
                data("rewardmath-results.json"),
                "--scores".into(),
                data("rewardmath-scores.jsonl"),
            ],
            "carries its own scores",
        ),
        (
            vec![
                "rewardbench".into(),
                data("rewardbench.jsonl"),
                "--scores".into(),
                data("judgebench-scores.jsonl"),
            ],
            "judgebench-scores.jsonl:1: field `id`: \"p1\" is not an id of",
        ),
        (
            vec![
                "rewardbench".into(),
                "/nonexistent/rb.jsonl".into(),
                "--scores".into(),
                data("judgebench-scores.jsonl"),
            ],
            "cannot read /nonexistent/rb.jsonl",
        ),
    ];
    for (args, want) in cases {
        let out = rewardkit().arg("eval").args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(want), "{args:?}: {err}");
        assert!(out.stdout.is_empty());
    }
    // Two sources at once is a usage error.
    rewardkit()
        .args([
            "eval",
            "rewardbench",
            &data("rewardbench.jsonl"),
            "--scores",
            "a",
            "--spec",
            "b",
        ])
        .assert()
        .code(2);
}

#[test]
fn reports_html_output_and_compare() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.json");
    let html = dir.path().join("report.html");
    let out = rewardkit()
        .args([
            "eval",
            "rewardbench",
            &data("rewardbench.jsonl"),
            "--scores",
            &data("rewardbench-scores.jsonl"),
            "--json",
            "--seed",
            "3",
        ])
        .arg("--output")
        .arg(&a)
        .arg("--html")
        .arg(&html)
        .output()
        .unwrap();
    assert!(out.status.success());
    let printed: Value = serde_json::from_slice(&out.stdout).unwrap();
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&a).unwrap()).unwrap();
    assert_eq!(printed, saved);
    assert_eq!(saved["options"]["seed"], 3);
    let page = std::fs::read_to_string(&html).unwrap();
    for id in ["plot-metrics", "plot-reliability", "plot-length"] {
        assert!(page.contains(&format!("<svg id=\"{id}\"")), "{id}");
    }
    for attr in ["src=\"http", "href=\"http", "url(http", "@import"] {
        assert!(!page.contains(attr), "the page fetches nothing: {attr}");
    }
    assert!(
        !page.contains("<script"),
        "no script: nothing to fail, nothing to fetch"
    );

    // B: every pair right.
    let all: String = (0..13)
        .map(|i| format!("{{\"id\": {i}, \"scores\": [1, 0]}}\n"))
        .collect();
    let scores_b = write(dir.path(), "b-scores.jsonl", all);
    let b = dir.path().join("b.json");
    rewardkit()
        .args([
            "eval",
            "rewardbench",
            &data("rewardbench.jsonl"),
            "--scores",
        ])
        .arg(&scores_b)
        .arg("--output")
        .arg(&b)
        .assert()
        .success();
    let out = rewardkit()
        .args(["eval", "compare"])
        .arg(&a)
        .arg(&b)
        .args(["--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cmp: Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = cmp["differences"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == "score")
        .unwrap();
    assert!(d["diff"].as_f64().unwrap() > 0.3);
    let table = rewardkit()
        .args(["eval", "compare"])
        .arg(&a)
        .arg(&b)
        .output()
        .unwrap();
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(table.lines().any(|l| l.starts_with("* score ")), "{table}");
    // Not a report.
    let out = rewardkit()
        .args(["eval", "compare", &data("rewardmath.json")])
        .arg(&b)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a rewardkit eval report"));
}

const MATH_SPEC: &str = "schema_version = 1\n[reward]\ntype = \"math\"\n";

#[test]
fn pipeline_spec_source_scores_in_process() {
    // The math verifier as the reward model of RewardMATH: every chosen solution states the
    // reference answer and no rejected one does.
    let dir = tempfile::tempdir().unwrap();
    let spec = write(dir.path(), "math.toml", MATH_SPEC);
    let r = json_run(&[
        "eval",
        "rewardmath",
        &data("rewardmath.json"),
        "--spec",
        spec.to_str().unwrap(),
    ]);
    assert_eq!(main_score(&r), 1.0);
    assert_eq!(metric(&r, "mrr"), 1.0);
    assert!(r["source"].as_str().unwrap().starts_with("pipeline "));
    // A spec error names the spec.
    let bad = write(
        dir.path(),
        "bad.toml",
        "schema_version = 1\n[reward]\ntype = \"nope\"\n",
    );
    let out = rewardkit()
        .args(["eval", "rewardmath", &data("rewardmath.json"), "--spec"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.toml"));
}

#[test]
fn server_sources_rewardkit_openrlhf_and_vllm() {
    let dir = tempfile::tempdir().unwrap();
    let server = start(dir.path(), MATH_SPEC, &[]);
    let base = format!("http://{}", server.addr);
    let mut seen = Vec::new();
    for (path, batch) in [("/v1/score", "1"), ("/v1/score", "7"), ("/get_reward", "3")] {
        let url = format!("{base}{path}");
        let r = json_run(&[
            "eval",
            "rewardmath",
            &data("rewardmath.json"),
            "--url",
            &url,
            "--batch",
            batch,
        ]);
        assert_eq!(main_score(&r), 1.0, "{path}");
        seen.push(r["metrics"].clone());
    }
    // Batch size does not change anything.
    assert_eq!(seen[0], seen[1]);
    drop(server);

    // vLLM /classify sends text only: a regex reward that pays responses saying "longer".
    let dir = tempfile::tempdir().unwrap();
    let server = start(
        dir.path(),
        "schema_version = 1\n[reward]\ntype = \"regex\"\npattern = \"longer\"\n",
        &[],
    );
    let url = format!("http://{}/classify", server.addr);
    let r = json_run(&[
        "eval",
        "judgebench",
        &data("judgebench.jsonl"),
        "--url",
        &url,
    ]);
    assert_eq!(metric(&r, "single/overall"), 0.5);
    assert_eq!(metric(&r, "double/overall"), 0.5);
    // An unknown API path needs --api.
    let out = rewardkit()
        .args([
            "eval",
            "judgebench",
            &data("judgebench.jsonl"),
            "--url",
            &format!("http://{}/x", server.addr),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--api"));
    // Nothing listening: a clear error, no hang.
    let out = rewardkit()
        .args([
            "eval",
            "judgebench",
            &data("judgebench.jsonl"),
            "--url",
            "http://127.0.0.1:9/classify",
            "--timeout",
            "2",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("127.0.0.1:9/classify"));
}

#[test]
fn help_documents_sources_index_order_and_exit_codes() {
    let out = rewardkit()
        .args(["eval", "rewardbench", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    for want in [
        "--scores",
        "--spec",
        "--url",
        "Completion index order",
        "Exit codes",
        "--fail-under",
    ] {
        assert!(help.contains(want), "{want}");
    }
}

#[test]
fn the_readme_example_prints_what_the_readme_shows() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = rewardkit()
        .current_dir(&root)
        .args([
            "eval",
            "rewardbench",
            "examples/eval/rewardbench.jsonl",
            "--scores",
            "examples/eval/scores-a.jsonl",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).unwrap();
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    for line in table.lines().filter(|l| {
        l.starts_with("* score") || l.starts_with("  section/") || l.starts_with("calibration")
    }) {
        assert!(readme.contains(line), "README lacks: {line}");
    }
}

/// RewardBench is published as Parquet on the Hub: the same columns, read through Arrow.
#[test]
fn parquet_benchmark_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rb.parquet");
    let scores = write(
        dir.path(),
        "s.jsonl",
        "{\"id\": 0, \"scores\": [1, 0]}\n{\"id\": 1, \"scores\": [0, 0]}\n",
    );
    #[cfg(feature = "parquet")]
    {
        use arrow_array::{ArrayRef, Int64Array, RecordBatch, StringArray};
        use std::sync::Arc;
        let text = |v: [&str; 2]| Arc::new(StringArray::from(v.to_vec())) as ArrayRef;
        let batch = RecordBatch::try_from_iter(vec![
            ("prompt", text(["2+2?", "Capital of France?"])),
            ("chosen", text(["4", "Paris"])),
            ("chosen_model", text(["gpt-4", "gpt-4"])),
            ("rejected", text(["5", "Lyon"])),
            ("rejected_model", text(["llama", "llama"])),
            ("subset", text(["math-prm", "alpacaeval-easy"])),
            ("id", Arc::new(Int64Array::from(vec![0, 1])) as ArrayRef),
        ])
        .unwrap();
        let f = std::fs::File::create(&path).unwrap();
        let mut w = parquet::arrow::ArrowWriter::try_new(f, batch.schema(), None).unwrap();
        w.write(&batch).unwrap();
        w.close().unwrap();
        let r = json_run(&[
            "eval",
            "rewardbench",
            path.to_str().unwrap(),
            "--scores",
            scores.to_str().unwrap(),
        ]);
        assert_eq!(metric(&r, "subset/math-prm"), 1.0);
        assert_eq!(metric(&r, "subset/alpacaeval-easy"), 0.0); // a tie
        assert_eq!(main_score(&r), 0.5);
    }
    #[cfg(not(feature = "parquet"))]
    {
        std::fs::write(&path, b"PAR1").unwrap();
        let out = rewardkit()
            .args(["eval", "rewardbench"])
            .arg(&path)
            .arg("--scores")
            .arg(&scores)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("--features parquet"));
    }
}

#[test]
fn the_bundled_html_report_is_current() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = tempfile::tempdir().unwrap();
    let fresh = dir.path().join("report.html");
    rewardkit()
        .current_dir(&root)
        .args([
            "eval",
            "rewardbench",
            "examples/eval/rewardbench.jsonl",
            "--scores",
            "examples/eval/scores-a.jsonl",
            "--html",
        ])
        .arg(&fresh)
        .assert()
        .success();
    let committed = std::fs::read_to_string(root.join("examples/eval/report.html")).unwrap();
    assert!(
        committed == std::fs::read_to_string(&fresh).unwrap(),
        "examples/eval/report.html is stale: rerun the README's `rewardkit eval rewardbench examples/eval/rewardbench.jsonl --scores examples/eval/scores-a.jsonl --html examples/eval/report.html` (and its screenshot, docs/img/eval-report.png)"
    );
}

/// A pairwise set of `n` items and its scores file, in `dir`.
fn pairwise_set(dir: &std::path::Path, n: usize) -> (PathBuf, PathBuf) {
    let (mut d, mut s) = (String::new(), String::new());
    for i in 0..n {
        d.push_str(&format!(
            "{{\"id\": \"item-{i}\", \"prompt\": \"p\", \"chosen\": \"good {i}\", \"rejected\": \"bad\"}}\n"
        ));
        s.push_str(&format!(
            "{{\"id\": \"item-{i}\", \"scores\": [{}, 0.5]}}\n",
            (i % 3) as f64 * 0.5
        ));
    }
    (write(dir, "d.jsonl", d), write(dir, "s.jsonl", s))
}

#[test]
fn a_closed_stdout_is_not_an_error_for_json_reports() {
    // `rewardkit eval ... --json | head -1`: the reader goes away before the report (well
    // over a pipe buffer) is written.
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    let (d, s) = pairwise_set(dir.path(), 3000);
    let report = dir.path().join("r.json");
    rewardkit()
        .args(["eval", "pairwise"])
        .arg(&d)
        .arg("--scores")
        .arg(&s)
        .args(["--bootstrap", "0", "--output"])
        .arg(&report)
        .assert()
        .code(0);
    let runs: [Vec<std::ffi::OsString>; 2] = [
        vec![
            "eval".into(),
            "pairwise".into(),
            d.clone().into(),
            "--scores".into(),
            s.clone().into(),
            "--bootstrap".into(),
            "0".into(),
            "--json".into(),
        ],
        vec![
            "eval".into(),
            "compare".into(),
            report.clone().into(),
            report.clone().into(),
            "--bootstrap".into(),
            "1".into(),
            "--json".into(),
        ],
    ];
    for args in runs {
        let mut child = Command::new(env!("CARGO_BIN_EXE_rewardkit"))
            .args(&args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert!(!err.contains("Broken pipe"), "{args:?}: {err}");
    }
}

#[cfg(unix)]
#[test]
fn reports_are_written_with_ordinary_permissions_and_no_leftovers() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let (d, s) = pairwise_set(dir.path(), 4);
    let (html, json) = (dir.path().join("r.html"), dir.path().join("r.json"));
    rewardkit()
        .args(["eval", "pairwise"])
        .arg(&d)
        .arg("--scores")
        .arg(&s)
        .args(["--bootstrap", "0", "--html"])
        .arg(&html)
        .arg("--output")
        .arg(&json)
        .assert()
        .code(0);
    // Not the temporary file's private 0600: what `> r.html` gives, 0666 less the umask
    // (Linux shows it in /proc/self/status; the child inherits this process's).
    let umask = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("Umask:"))
                .and_then(|m| u32::from_str_radix(m.trim(), 8).ok())
        })
        .unwrap_or(0o022);
    for f in [&html, &json] {
        let mode = std::fs::metadata(f).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o666 & !umask, "{}: mode {mode:o}", f.display());
    }
    // A folder in the way: a clear error, said once, and nothing left behind.
    let out = rewardkit()
        .args(["eval", "pairwise"])
        .arg(&d)
        .arg("--scores")
        .arg(&s)
        .args(["--bootstrap", "0", "--html"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot write"), "{err}");
    assert_eq!(err.matches("os error").count(), 1, "{err}");
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_server_that_is_down_gets_a_readable_error() {
    let dir = tempfile::tempdir().unwrap();
    let (d, _) = pairwise_set(dir.path(), 2);
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let out = rewardkit()
        .args(["eval", "pairwise"])
        .arg(&d)
        .arg("--url")
        .arg(format!("http://127.0.0.1:{port}/get_reward"))
        .args(["--timeout", "5", "--bootstrap", "0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("127.0.0.1:{port}")), "{err}");
    assert_eq!(
        err.matches(&format!("127.0.0.1:{port}")).count(),
        1,
        "said once: {err}"
    );
    assert!(!err.contains("Failed {"), "no Rust debug output: {err}");
    assert!(!err.contains("message:"), "no Rust debug output: {err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn compare_without_replicates_is_an_error_not_p_zero() {
    let dir = tempfile::tempdir().unwrap();
    let (d, s) = pairwise_set(dir.path(), 6);
    let report = dir.path().join("r.json");
    rewardkit()
        .args(["eval", "pairwise"])
        .arg(&d)
        .arg("--scores")
        .arg(&s)
        .args(["--bootstrap", "0", "--output"])
        .arg(&report)
        .assert()
        .code(0);
    let out = rewardkit()
        .args(["eval", "compare"])
        .arg(&report)
        .arg(&report)
        .args(["--bootstrap", "0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--bootstrap 1 or more"), "{err}");
}

#[test]
fn a_missing_file_is_said_once() {
    let dir = tempfile::tempdir().unwrap();
    let (d, _) = pairwise_set(dir.path(), 2);
    let missing = dir.path().join("nope.jsonl");
    for (data, scores) in [(&missing, &d), (&d, &missing)] {
        let out = rewardkit()
            .args(["eval", "pairwise"])
            .arg(data)
            .arg("--scores")
            .arg(scores)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("nope.jsonl"), "{err}");
        assert_eq!(err.matches("os error").count(), 1, "{err}");
    }
}

#[test]
fn rewardbench_warns_of_subsets_left_out_of_the_score() {
    let dir = tempfile::tempdir().unwrap();
    let d = write(
        dir.path(),
        "rb.jsonl",
        "{\"id\": 1, \"prompt\": \"p\", \"chosen\": \"a\", \"rejected\": \"b\", \"subset\": \"alpacaeval-easy\"}\n\
         {\"id\": 2, \"prompt\": \"p\", \"chosen\": \"a\", \"rejected\": \"b\", \"subset\": \"alpaca-eval-easy\"}\n\
         {\"id\": 3, \"prompt\": \"p\", \"chosen\": \"a\", \"rejected\": \"b\", \"subset\": \"mtbench_human\"}\n",
    );
    let s = write(
        dir.path(),
        "s.jsonl",
        "{\"id\": 1, \"scores\": [1, 0]}\n{\"id\": 2, \"scores\": [0, 1]}\n{\"id\": 3, \"scores\": [0, 1]}\n",
    );
    let out = rewardkit()
        .args(["eval", "rewardbench"])
        .arg(&d)
        .arg("--scores")
        .arg(&s)
        .args(["--bootstrap", "0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning:") && err.contains("\"alpaca-eval-easy\""),
        "{err}"
    );
    // A prior set RewardBench evaluates but does not average is no surprise: no warning.
    assert!(!err.contains("mtbench_human"), "{err}");
}

#[test]
fn options_of_another_benchmark_are_refused_not_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let (d, s) = pairwise_set(dir.path(), 2);
    for (flag, want) in [
        (vec!["--except-model", "gpt-4"], "--except-model applies to"),
        (vec!["--single-game"], "--single-game applies to"),
    ] {
        let out = rewardkit()
            .args(["eval", "pairwise"])
            .arg(&d)
            .arg("--scores")
            .arg(&s)
            .args(&flag)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{flag:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(want), "{err}");
    }
}

#[test]
fn bad_timeouts_and_huge_bootstraps_are_errors_not_panics_or_hangs() {
    let dir = tempfile::tempdir().unwrap();
    let (d, s) = pairwise_set(dir.path(), 2);
    for t in ["NaN", "inf", "0", "-1"] {
        let out = rewardkit()
            .args(["eval", "pairwise"])
            .arg(&d)
            .args(["--url", "http://127.0.0.1:9/get_reward"])
            .arg(format!("--timeout={t}"))
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "--timeout {t}: {err}");
        assert!(!err.contains("panicked"), "{err}");
        assert!(err.contains("--timeout takes"), "{err}");
    }
    let out = rewardkit()
        .args(["eval", "pairwise"])
        .arg(&d)
        .arg("--scores")
        .arg(&s)
        .args(["--bootstrap", "18446744073709551615"])
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--bootstrap takes at most"));
}

#[test]
fn reports_never_overwrite_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let (d, s) = pairwise_set(dir.path(), 3);
    let (d_before, s_before) = (std::fs::read(&d).unwrap(), std::fs::read(&s).unwrap());
    let other = dir.path().join("r.json");
    let cases: Vec<(&str, PathBuf, &str)> = vec![
        ("--output", s.clone(), "is --scores"),
        ("--html", d.clone(), "is the data file"),
        // The same file by another path.
        (
            "--output",
            dir.path().join(".").join("s.jsonl"),
            "is --scores",
        ),
    ];
    for (flag, path, want) in cases {
        let out = rewardkit()
            .args(["eval", "pairwise"])
            .arg(&d)
            .arg("--scores")
            .arg(&s)
            .arg(flag)
            .arg(&path)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{flag} {}: {err}",
            path.display()
        );
        assert!(err.contains(want), "{err}");
    }
    let out = rewardkit()
        .args(["eval", "pairwise"])
        .arg(&d)
        .arg("--scores")
        .arg(&s)
        .arg("--output")
        .arg(&other)
        .arg("--html")
        .arg(&other)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the same file"));
    assert!(!other.exists());
    assert_eq!(std::fs::read(&d).unwrap(), d_before);
    assert_eq!(std::fs::read(&s).unwrap(), s_before);
    // `-` is stdout for `rewardkit score --output`: here it is refused, not a file named `-`.
    for flag in ["--output", "--html"] {
        let out = rewardkit()
            .current_dir(dir.path())
            .args(["eval", "pairwise"])
            .arg(&d)
            .arg("--scores")
            .arg(&s)
            .args([flag, "-"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{flag}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("--json prints"));
        assert!(!dir.path().join("-").exists());
    }
}

#[test]
fn a_bad_spec_is_named_once() {
    let dir = tempfile::tempdir().unwrap();
    let (d, _) = pairwise_set(dir.path(), 2);
    let bad = write(dir.path(), "bad.toml", "garbage = [\n");
    let missing = dir.path().join("nope.toml");
    for (spec, name) in [(&bad, "bad.toml"), (&missing, "nope.toml")] {
        let out = rewardkit()
            .args(["eval", "pairwise"])
            .arg(&d)
            .arg("--spec")
            .arg(spec)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.matches(name).count(), 1, "{err}");
    }
}

#[test]
fn rewardbench2_warns_of_unknown_subsets() {
    let dir = tempfile::tempdir().unwrap();
    let d = write(
        dir.path(),
        "rb2.jsonl",
        "{\"id\": \"0\", \"prompt\": \"p\", \"chosen\": [\"a\"], \"rejected\": [\"b\", \"c\", \"d\"], \"num_correct\": 1, \"subset\": \"Math\"}\n\
         {\"id\": \"1\", \"prompt\": \"p\", \"chosen\": [\"a\"], \"rejected\": [\"b\", \"c\", \"d\"], \"num_correct\": 1, \"subset\": \"math\"}\n",
    );
    let s = write(
        dir.path(),
        "s.jsonl",
        "{\"id\": \"0\", \"scores\": [1, 0, 0, 0]}\n{\"id\": \"1\", \"scores\": [1, 0, 0, 0]}\n",
    );
    let out = rewardkit()
        .args(["eval", "rewardbench2"])
        .arg(&d)
        .arg("--scores")
        .arg(&s)
        .args(["--bootstrap", "0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning:") && err.contains("\"math\""),
        "{err}"
    );
    assert!(!err.contains("\"Math\""), "{err}");
}

#[test]
fn fail_under_is_not_tripped_by_rounding() {
    // Chat 3/5 and Chat Hard 3/10: score (0.6 + 0.3) / 2 = 0.45, which floating point gives
    // as 0.44999999999999996; `--fail-under 0.45` must pass, 0.4501 must not.
    let dir = tempfile::tempdir().unwrap();
    let (mut d, mut s) = (String::new(), String::new());
    for i in 0..15 {
        let subset = if i < 5 {
            "alpacaeval-easy"
        } else {
            "llmbar-natural"
        };
        let right = if i < 5 { i < 3 } else { i < 8 };
        d.push_str(&format!(
            "{{\"id\": {i}, \"prompt\": \"p\", \"chosen\": \"a\", \"rejected\": \"b\", \"subset\": \"{subset}\"}}\n"
        ));
        s.push_str(&format!(
            "{{\"id\": {i}, \"scores\": [{}, 0.5]}}\n",
            if right { 1 } else { 0 }
        ));
    }
    let d = write(dir.path(), "rb.jsonl", d);
    let s = write(dir.path(), "s.jsonl", s);
    let run = |x: &str| {
        rewardkit()
            .args(["eval", "rewardbench"])
            .arg(&d)
            .arg("--scores")
            .arg(&s)
            .args(["--bootstrap", "0", "--fail-under", x])
            .output()
            .unwrap()
            .status
            .code()
    };
    assert_eq!(run("0.45"), Some(0));
    assert_eq!(run("0.4501"), Some(1));
}

#[test]
fn non_utf8_files_say_where_and_what() {
    let dir = tempfile::tempdir().unwrap();
    let (d, _) = pairwise_set(dir.path(), 2);
    // PowerShell's `>` writes UTF-16 with a byte-order mark.
    let mut utf16 = vec![0xff, 0xfe];
    for u in "{\"id\": \"item-0\", \"scores\": [1, 0]}\n".encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    let s16 = write(dir.path(), "s16.jsonl", utf16);
    // Latin-1 on line 2.
    let latin = write(
        dir.path(),
        "latin.jsonl",
        b"{\"id\": \"item-0\", \"scores\": [1, 0]}\n{\"id\": \"caf\xe9\", \"scores\": [1, 0]}\n",
    );
    for (s, want) in [(&s16, "UTF-16"), (&latin, "line 2: not UTF-8")] {
        let out = rewardkit()
            .args(["eval", "pairwise"])
            .arg(&d)
            .arg("--scores")
            .arg(s)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(want), "{err}");
    }
}

/// RewardMATH's pairwise-judge mode (hand-computed in
/// crates/rewardkit-eval/tests/rewardmath_pairwise.rs): a judge's picks, or both solutions
/// scored with a tie counting as a loss.
#[test]
fn rewardmath_pairwise_judgments_and_scores() {
    let pairwise = data("rewardmath-pairwise.json");
    let judgments = data("rewardmath-pairwise-judgments.jsonl");
    let r = json_run(&[
        "eval",
        "rewardmath-pairwise",
        &pairwise,
        "--judgments",
        &judgments,
        "--bootstrap",
        "100",
    ]);
    assert_eq!(r["benchmark"], "rewardmath");
    assert_eq!(r["layout"], "judgments");
    assert_eq!(r["items"], 4);
    assert_eq!(main_score(&r), 0.25);
    assert_eq!(metric(&r, "accuracy_with_ties"), 0.25);
    assert!((metric(&r, "mrr") - 0.4625).abs() < 1e-12);
    assert!(r["metrics"][0]["ci_low"].is_number());
    let r = json_run(&[
        "eval",
        "rewardmath-pairwise",
        &pairwise,
        "--judgments",
        &judgments,
        "--except-model",
        "Llama-3-8B-Instruct",
    ]);
    assert_eq!(main_score(&r), 0.5);
    let r = json_run(&[
        "eval",
        "rewardmath-pairwise",
        &pairwise,
        "--scores",
        &data("rewardmath-pairwise-scores.jsonl"),
    ]);
    assert_eq!(main_score(&r), 0.25);
    assert!((metric(&r, "mrr") - 0.525).abs() < 1e-12);
    assert!(r["source"].as_str().unwrap().contains("a tie loses"));

    // --fail-under, --output and --html as elsewhere.
    let dir = tempfile::tempdir().unwrap();
    let (out, html) = (dir.path().join("r.json"), dir.path().join("r.html"));
    let args = [
        "eval",
        "rewardmath-pairwise",
        &pairwise,
        "--judgments",
        &judgments,
    ];
    rewardkit()
        .args(args)
        .args(["--fail-under", "0.25", "--output"])
        .arg(&out)
        .arg("--html")
        .arg(&html)
        .assert()
        .code(0);
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(main_score(&saved), 0.25);
    assert!(std::fs::read_to_string(&html)
        .unwrap()
        .contains("rewardkit eval · rewardmath-pairwise"));
    let table = rewardkit().args(args).output().unwrap().stdout;
    assert!(String::from_utf8(table).unwrap().starts_with(&format!(
        "rewardmath-pairwise on {pairwise} (4 items, judgments "
    )));
    let o = rewardkit()
        .args(args)
        .args(["--fail-under", "0.3"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("accuracy = 0.2500 is below --fail-under 0.3")
    );
    // The report may not overwrite the judgments.
    let o = rewardkit()
        .args(args)
        .args(["--output", &judgments])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("is --judgments; refusing to overwrite it"));
}

#[test]
fn rewardmath_pairwise_errors() {
    let dir = tempfile::tempdir().unwrap();
    let pairwise = data("rewardmath-pairwise.json");
    let judgments = std::fs::read_to_string(data("rewardmath-pairwise-judgments.jsonl")).unwrap();
    let short = write(
        dir.path(),
        "short.jsonl",
        judgments.lines().skip(2).collect::<Vec<_>>().join("\n"),
    );
    let unknown = write(
        dir.path(),
        "unknown.jsonl",
        format!("{judgments}{{\"id\": 99, \"winner\": \"A\"}}\n"),
    );
    let tie_only = write(dir.path(), "s.jsonl", "{\"id\": 0, \"scores\": [1, 1]}\n");
    let cases: Vec<(Vec<String>, String)> = vec![
        (
            vec!["--judgments".into(), short.display().to_string()],
            format!(
                "{}: no judgment for 2 of the 36 comparisons of {pairwise}: \"0\", \"1\"",
                short.display()
            ),
        ),
        (
            vec!["--judgments".into(), unknown.display().to_string()],
            format!(
                "{}:37: field `id`: \"99\" is not an id of {pairwise}",
                unknown.display()
            ),
        ),
        (
            vec!["--scores".into(), tie_only.display().to_string()],
            "no score for 70 of the benchmark's completions: 1#0, 1#1".into(),
        ),
        (
            vec![],
            "give the judge's picks (--judgments FILE) or a score source".into(),
        ),
        (
            vec![
                "--judgments".into(),
                short.display().to_string(),
                "--single-game".into(),
            ],
            "--single-game applies to `rewardkit eval judgebench` only".into(),
        ),
    ];
    for (extra, want) in cases {
        let o = rewardkit()
            .args(["eval", "rewardmath-pairwise", &pairwise])
            .args(&extra)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{extra:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(&want), "{extra:?}: {err}");
    }
    // The direct data given to the pairwise mode says which subcommand reads it.
    let o = rewardkit()
        .args([
            "eval",
            "rewardmath-pairwise",
            &data("rewardmath.json"),
            "--judgments",
        ])
        .arg(&short)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("hint: `rewardkit eval rewardmath`"));
    // A judgments file and a score source are one source too many.
    rewardkit()
        .args(["eval", "rewardmath-pairwise", &pairwise, "--judgments"])
        .arg(&short)
        .arg("--scores")
        .arg(&tie_only)
        .assert()
        .code(2);
}

#[test]
fn rewardmath_pairwise_help() {
    let out = rewardkit()
        .args(["eval", "rewardmath-pairwise", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    for want in [
        "--judgments",
        "\"winner\"",
        "\"B>A\"",
        "index 0 = A, 1 = B",
        "a tie is a loss",
        "1 + #wins",
        "--fail-under",
        "Exit codes",
    ] {
        assert!(help.contains(want), "{want}: {help}");
    }
    let out = rewardkit().args(["eval", "--help"]).output().unwrap();
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("rewardmath-pairwise"));
}

/// The pairwise mode scores A and B of each comparison with the same sources as the direct
/// mode: the math verifier (in-process and served) picks every chosen solution.
#[test]
fn rewardmath_pairwise_with_a_spec_and_a_server() {
    let dir = tempfile::tempdir().unwrap();
    let spec = write(dir.path(), "math.toml", MATH_SPEC);
    let pairwise = data("rewardmath-pairwise.json");
    let r = json_run(&[
        "eval",
        "rewardmath-pairwise",
        &pairwise,
        "--spec",
        spec.to_str().unwrap(),
    ]);
    assert_eq!(main_score(&r), 1.0);
    assert_eq!(metric(&r, "mrr"), 1.0);
    assert!(r["source"].as_str().unwrap().starts_with("pipeline "));
    let server = start(dir.path(), MATH_SPEC, &[]);
    let url = format!("http://{}/v1/score", server.addr);
    let r = json_run(&[
        "eval",
        "rewardmath-pairwise",
        &pairwise,
        "--url",
        &url,
        "--batch",
        "5",
    ]);
    assert_eq!(main_score(&r), 1.0);
    assert!(r["source"].as_str().unwrap().starts_with("server "));
}
