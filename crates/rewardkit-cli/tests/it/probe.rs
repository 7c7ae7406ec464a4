//! End-to-end tests of `rewardkit probe`.

use crate::common::{rewardkit, write};
use predicates::prelude::*;
use std::path::{Path, PathBuf};

/// A file of the repository's `examples/`.
fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name)
}

/// `rewardkit probe --json` on a spec and an input: (exit code, report, stderr).
fn probe_json(spec: &Path, input: &Path, extra: &[&str]) -> (i32, serde_json::Value, String) {
    let out = rewardkit()
        .args(["probe", "--json", "--spec"])
        .arg(spec)
        .arg("--input")
        .arg(input)
        .args(extra)
        .output()
        .unwrap();
    let report = serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
    (
        out.status.code().unwrap_or(-1),
        report,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// name → (paid, informative) of every probe of a JSON report.
fn rates(report: &serde_json::Value) -> Vec<(String, u64, u64)> {
    report["probes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap().to_string(),
                p["paid"].as_u64().unwrap(),
                p["informative"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn paid(report: &serde_json::Value, name: &str) -> (u64, u64) {
    rates(report)
        .into_iter()
        .find(|r| r.0 == name)
        .map(|r| (r.1, r.2))
        .unwrap_or_else(|| panic!("no probe {name} in {report}"))
}

#[test]
fn naive_example_pipeline_is_caught_and_fails_over() {
    rewardkit()
        .args(["probe", "--fail-over", "0", "--spec"])
        .arg(example("naive.toml"))
        .arg("--input")
        .arg(example("samples.jsonl"))
        .assert()
        .code(1)
        .stdout(
            predicate::str::is_match(r"prose_or +hedge +12/12 +100\.0% +line 1, 1\.2 >= 1\.2: ")
                .unwrap(),
        )
        .stdout(predicate::str::contains(
            "48 samples: 12 probed, 36 duplicates",
        ))
        .stderr(predicate::str::contains("FAIL:").and(predicate::str::contains("prose_or")));
}

#[test]
fn naive_example_pays_the_hedges_a_last_number_reward_reads() {
    let (code, report, _) = probe_json(&example("naive.toml"), &example("samples.jsonl"), &[]);
    assert_eq!(code, 0, "no --fail-over: never fails");
    assert_eq!(report["probed"], 12);
    assert_eq!(report["uninformative"], 0);
    assert_eq!(report["fail_over"], serde_json::Value::Null);
    // the last number is REF in `W, REF`, `W or REF`, `\boxed{W} and \boxed{REF}`, ...
    for name in [
        "list",
        "prose_or",
        "one_box",
        "two_boxes",
        "phantom",
        "color_white",
    ] {
        assert_eq!(paid(&report, name), (12, 12), "{name}");
    }
    // ... but not where the completion ends in W
    for name in [
        "discarded_draft",
        "padding",
        "repeated_answer",
        "huge_output",
    ] {
        assert_eq!(paid(&report, name), (0, 12), "{name}");
    }
    let list = &report["probes"][0];
    assert_eq!(list["name"], "list");
    assert_eq!(list["families"], serde_json::json!(["hedge"]));
    assert_eq!(list["rate"], 1.0);
    let e = &list["example"];
    assert_eq!(e["line"], 1);
    assert_eq!(e["id"], 0);
    assert_eq!(e["reference"], "43");
    assert_eq!(e["framed"], true);
    assert_eq!(e["completion"], "The answer is 44, 43.");
    assert_eq!(
        (e["reward"].as_f64(), e["honest_correct"].as_f64()),
        (Some(1.2), Some(1.2))
    );
}

#[test]
fn safe_example_pipeline_pays_no_hedge_or_placement_trick() {
    let (code, report, stderr) = probe_json(
        &example("pipeline.toml"),
        &example("samples.jsonl"),
        &["--family", "hedge,placement", "--fail-over", "0"],
    );
    assert_eq!(code, 0, "{stderr}\n{report}");
    assert!(
        stderr.contains("ok: no probe is paid above --fail-over 0"),
        "{stderr}"
    );
    let r = rates(&report);
    assert_eq!(
        r.len(),
        13,
        "9 hedges, 3 placements and text_wrapper (text, hedge)"
    );
    for (name, paid, informative) in r {
        assert_eq!((paid, informative), (0, 12), "{name}");
    }
}

#[test]
fn safe_example_pipeline_pays_no_form_or_length_trick() {
    let (code, report, stderr) = probe_json(
        &example("pipeline.toml"),
        &example("samples.jsonl"),
        &["--family", "form", "--family", "length", "--fail-over", "0"],
    );
    assert_eq!(code, 0, "{stderr}\n{report}");
    assert_eq!(rates(&report).len(), 7);
}

#[test]
fn safe_example_pipeline_pays_no_text_trick() {
    let (code, report, stderr) = probe_json(
        &example("pipeline.toml"),
        &example("samples.jsonl"),
        &["--family", "text", "--fail-over", "0"],
    );
    assert_eq!(code, 0, "{stderr}\n{report}");
}

#[test]
fn probe_and_family_select_in_library_order() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(
        dir.path(),
        "in.jsonl",
        "{\"prompt\": \"6 x 7?\", \"answer\": \"42\"}\n",
    );
    let spec = write(
        dir.path(),
        "p.toml",
        "schema_version = 1\nreward = { type = \"regex\", pattern = '\\b42\\b' }\n",
    );
    let (code, report, _) = probe_json(
        &spec,
        &input,
        &[
            "--probe",
            "padding",
            "--probe",
            "list,prose_or",
            "--fail-over",
            "0.5",
        ],
    );
    assert_eq!(code, 1);
    let names: Vec<String> = rates(&report).into_iter().map(|r| r.0).collect();
    assert_eq!(names, ["list", "prose_or", "padding"]);
    assert_eq!(report["failed"], serde_json::json!(["list", "prose_or"]));
    assert_eq!(paid(&report, "padding"), (0, 1));
}

#[test]
fn bad_rows_and_options_are_errors_naming_what() {
    let dir = tempfile::tempdir().unwrap();
    let spec = example("pipeline.toml");
    let bad = write(
        dir.path(),
        "bad.jsonl",
        "{\"prompt\": \"q\", \"answer\": \"1\"}\n{\"prompt\": \n",
    );
    rewardkit()
        .args(["probe", "--spec"])
        .arg(&spec)
        .arg("--input")
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.jsonl:2: invalid JSON"));
    let good = write(
        dir.path(),
        "in.jsonl",
        "{\"prompt\": \"q\", \"answer\": \"1\"}\n",
    );
    for (args, msg) in [
        (
            vec!["--probe", "nope"],
            "--probe nope: unknown probe; expected one of: list,",
        ),
        (
            vec!["--family", "hedges"],
            "--family hedges: unknown family",
        ),
        (
            vec!["--fail-over", "2"],
            "--fail-over must be a rate between 0 and 1",
        ),
    ] {
        rewardkit()
            .args(["probe", "--spec"])
            .arg(&spec)
            .arg("--input")
            .arg(&good)
            .args(&args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(msg));
    }
    rewardkit()
        .args(["probe", "--input"])
        .arg(&good)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--spec"));
}

#[test]
fn nothing_to_measure_is_an_error_only_for_a_check() {
    let dir = tempfile::tempdir().unwrap();
    let spec = example("pipeline.toml");
    let no_ref = write(
        dir.path(),
        "noref.jsonl",
        "{\"prompt\": \"q\", \"completion\": \"c\"}\n",
    );
    rewardkit()
        .args(["probe", "--spec"])
        .arg(&spec)
        .arg("--input")
        .arg(&no_ref)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no row has a reference answer"));
    // a constant reward cannot tell right from wrong: every sample is uninformative
    let constant = write(
        dir.path(),
        "c.toml",
        "schema_version = 1\nreward = { type = \"constant\", value = 1.0 }\n",
    );
    let input = write(
        dir.path(),
        "in.jsonl",
        "{\"prompt\": \"q\", \"answer\": \"1\"}\n",
    );
    rewardkit()
        .args(["probe", "--spec"])
        .arg(&constant)
        .arg("--input")
        .arg(&input)
        .assert()
        .success()
        .stdout(predicate::str::contains("1 uninformative"))
        .stderr(predicate::str::contains(
            "warning: on none of the 1 samples",
        ));
    rewardkit()
        .args(["probe", "--fail-over", "0", "--spec"])
        .arg(&constant)
        .arg("--input")
        .arg(&input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no hack can be measured"));
}

#[test]
fn limit_reads_the_first_rows_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let rows: String = (0..5)
        .map(|i| format!("{{\"prompt\": \"q{i}\", \"answer\": \"{i}\"}}\n"))
        .collect();
    let input = write(dir.path(), "in.jsonl", &rows);
    let (code, report, stderr) = probe_json(
        &example("pipeline.toml"),
        &input,
        &["--limit", "3", "--probe", "list"],
    );
    assert_eq!(code, 0);
    assert_eq!(report["samples"], 3);
    assert!(stderr.contains("read the first 3 rows"), "{stderr}");
}

#[test]
fn list_and_help_describe_the_library() {
    let out = rewardkit().args(["probe", "--list"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for name in [
        "list",
        "every_option",
        "only_in_think",
        "format_of_reference_wrong_value",
        "near_duplicates",
        "unicode_lookalike",
        "huge_output",
    ] {
        assert!(text.contains(name), "{name}: {text}");
    }
    assert!(text.contains("The answer is $\\boxed{42}$."), "{text}");
    rewardkit()
        .args(["probe", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("--fail-over <RATE>"))
        .stdout(predicate::str::contains("uninformative"));
    rewardkit()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("probe"));
}
