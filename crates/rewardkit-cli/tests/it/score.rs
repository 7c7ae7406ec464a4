//! End-to-end tests of `rewardkit score` and `rewardkit schema`.

use crate::common::{rewardkit, write};
use predicates::prelude::*;
use rewardkit_test::fixtures::RM_SPEC as SPEC;
use rewardkit_test::snapshot::{redact, settings};

fn rows(n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "{{\"id\": \"s{i}\", \"prompt\": \"p{}\", \"completion\": \"c\", \"rm\": {}}}\n",
                i / 4,
                i % 4
            )
        })
        .collect()
}

#[test]
fn scores_in_order_one_row_per_input() {
    let dir = tempfile::tempdir().unwrap();
    let spec = write(dir.path(), "p.toml", SPEC);
    let input = write(dir.path(), "in.jsonl", rows(10));
    let out = dir.path().join("out.jsonl");
    let run = rewardkit()
        .args(["score", "-q", "--spec"])
        .arg(&spec)
        .arg("--input")
        .arg(&input)
        .arg("--output")
        .arg(&out)
        .args(["--chunk-size", "3"])
        .output()
        .unwrap();
    assert!(run.status.success());
    // The whole summary table, not a whitespace-sensitive piece of it.
    settings().bind(|| {
        insta::assert_snapshot!(
            "score_summary_rm_10_rows",
            redact(&String::from_utf8_lossy(&run.stdout))
        )
    });
    let text = std::fs::read_to_string(&out).unwrap();
    let got: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(got.len(), 10);
    for (i, row) in got.iter().enumerate() {
        assert_eq!(row["index"], i as u64);
        assert_eq!(row["id"], format!("s{i}"));
        assert_eq!(row["reward"], 2.0 * (i % 4) as f64 + 0.5);
        assert_eq!(row["components"]["bonus"], 0.5);
    }
}

#[test]
fn json_summary_has_component_stats() {
    let dir = tempfile::tempdir().unwrap();
    let spec = write(dir.path(), "p.toml", SPEC);
    let input = write(dir.path(), "in.jsonl", rows(4));
    let out = rewardkit()
        .args(["score", "--json", "--spec"])
        .arg(&spec)
        .arg("--input")
        .arg(&input)
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["count"], 4);
    assert_eq!(v["reward"]["mean"], 3.5); // 2 * mean(0,1,2,3) + 0.5
    assert_eq!(v["components"]["rm"]["max"], 3.0);
}

#[test]
fn malformed_line_names_the_line_and_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let spec = write(dir.path(), "p.toml", SPEC);
    let mut text = rows(3);
    text.push_str("{not json\n");
    text.push_str(&rows(2));
    let input = write(dir.path(), "in.jsonl", &text);
    let out = dir.path().join("out.jsonl");
    rewardkit()
        .args(["score", "--spec"])
        .arg(&spec)
        .arg("--input")
        .arg(&input)
        .arg("--output")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("in.jsonl:4: invalid JSON"));
    assert!(!out.exists());
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 2, "only the spec and the input remain");
}

#[test]
fn on_error_skip_keeps_an_error_row() {
    let dir = tempfile::tempdir().unwrap();
    let spec = write(dir.path(), "p.toml", SPEC);
    let input = write(
        dir.path(),
        "in.jsonl",
        "{\"completion\": \"a\", \"rm\": 1}\n\n[1,2]\n{\"completion\": \"b\", \"rm\": 2}\n",
    );
    let out = rewardkit()
        .args(["score", "--on-error", "skip", "--output", "-", "--spec"])
        .arg(&spec)
        .arg("--input")
        .arg(&input)
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let got: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        got.len(),
        3,
        "blank lines are not inputs; the bad row is kept"
    );
    assert_eq!(got[0]["reward"], 2.5);
    assert!(got[1]["reward"].is_null());
    assert!(got[1]["info"]["error"].as_str().unwrap().contains("line 3"));
    assert_eq!(got[2]["reward"], 4.5);
    let err = String::from_utf8(out.stderr).unwrap();
    settings().bind(|| insta::assert_snapshot!("score_summary_one_unreadable_row", redact(&err)));
}

#[test]
fn bad_spec_names_the_field_path() {
    let dir = tempfile::tempdir().unwrap();
    let spec = write(
        dir.path(),
        "p.toml",
        "schema_version = 1\n[reward]\ntype = \"weighted_sum\"\nterms = [{ reward = { type = \"constant\", vlue = 1 } }]\n",
    );
    let input = write(dir.path(), "in.jsonl", rows(1));
    rewardkit()
        .args(["score", "--spec"])
        .arg(&spec)
        .arg("--input")
        .arg(&input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("reward.terms[0].reward.vlue"));
}

#[test]
fn missing_input_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let spec = write(dir.path(), "p.toml", SPEC);
    rewardkit()
        .args(["score", "--spec"])
        .arg(&spec)
        .args(["--input", "/nonexistent/in.jsonl"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "cannot open input /nonexistent/in.jsonl",
        ));
}

#[test]
fn schema_is_json_with_every_type() {
    let out = rewardkit().arg("schema").output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = v.to_string();
    for t in rewardkit_core::NodeSpec::TYPES {
        assert!(text.contains(t), "schema lacks {t}");
    }
}

#[test]
fn verify_exit_codes_and_explain() {
    rewardkit()
        .args([
            "verify",
            "\\frac{1}{2}",
            "so the answer is $\\boxed{0.5}$",
            "--explain",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("verdict: equal"));
    rewardkit()
        .args(["verify", "\\frac{1}{2004!}", "\\frac{1}{2006!}"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("not_equal"));
    rewardkit()
        .args(["verify", "--options", "{\"bogus\": 1}", "1", "1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bogus"));
    let out = rewardkit()
        .args(["verify", "--json", "3", "\\boxed{3}"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["outcome"], "equal");
    assert_eq!(v["extraction"]["rule"], "boxed");
}

#[test]
fn verify_takes_values_that_start_with_a_hyphen() {
    rewardkit()
        .args(["verify", "-5", "-5"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("verdict: equal"));
    rewardkit()
        .args(["verify", "-5", "-x", "--json"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("not_equal"));
}

#[test]
fn verify_explain_names_the_extraction_rule() {
    rewardkit()
        .args([
            "verify",
            "--explain",
            "14",
            "Many steps here. We conclude that $m = 14$.",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "by the rule last math span (bytes 34..42)",
        ));
}

#[test]
fn parquet_output_is_written_atomically_or_refused() {
    let dir = tempfile::tempdir().unwrap();
    let spec = write(dir.path(), "p.toml", SPEC);
    let input = write(dir.path(), "in.jsonl", rows(5));
    let out = dir.path().join("out.parquet");
    let run = rewardkit()
        .args(["score", "--spec"])
        .arg(&spec)
        .arg("--input")
        .arg(&input)
        .arg("--output")
        .arg(&out)
        .output()
        .unwrap();
    if cfg!(feature = "parquet") {
        assert!(run.status.success());
        let bytes = std::fs::read(&out).unwrap();
        assert_eq!(&bytes[..4], b"PAR1");
        assert_eq!(&bytes[bytes.len() - 4..], b"PAR1");
    } else {
        assert_eq!(run.status.code(), Some(2));
        let err = String::from_utf8(run.stderr).unwrap();
        assert!(err.contains("built without Parquet support"), "{err}");
        assert!(err.contains("--features parquet"), "{err}");
        assert!(!out.exists());
    }
}
