//! End-to-end tests of `rewardkit prefs fit | score | evaluate` and of fitted models as the
//! reward function `learned` in `rewardkit score` and `rewardkit serve`.

use crate::common::{post, rewardkit, start, write};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../rewardkit-prefs/tests/data")
        .join(name)
}

fn fit(dir: &Path, extra: &[&str]) -> PathBuf {
    let out = dir.join("rm");
    let o = rewardkit()
        .args(["-q", "prefs", "fit", "--data"])
        .arg(fixture("pairs.jsonl"))
        .arg("--out")
        .arg(&out)
        .args(["--hash-dim", "4096"])
        .args(extra)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    // gpm and vpl hold out 10 % for early stopping by default; the others train on all rows.
    let held_out = extra.contains(&"gpm") || extra.contains(&"vpl");
    assert_eq!(report["train_rows"], if held_out { 270 } else { 300 });
    out
}

fn evaluate(model: &Path, extra: &[&str]) -> serde_json::Value {
    let o = rewardkit()
        .args(["prefs", "evaluate", "--json", "--model"])
        .arg(model)
        .arg("--data")
        .arg(fixture("pairs_test.jsonl"))
        .args(extra)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn every_model_type_fits_evaluates_and_scores_from_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    for (args, min_acc) in [
        (vec![], 0.9),
        (vec!["--loss", "margin", "--hidden", "8"], 0.85),
        (
            vec![
                "--loss",
                "scaled",
                "--label-smoothing",
                "0.1",
                "--center",
                "0.01",
            ],
            0.9,
        ),
        (vec!["--model", "gpm", "--k", "2"], 0.85),
        (vec!["--optimizer", "lazy-adamw", "--hidden", "8"], 0.85),
        (
            vec!["--model", "ensemble", "--members", "3", "--bootstrap"],
            0.9,
        ),
    ] {
        let sub = tempfile::tempdir_in(dir.path()).unwrap();
        let m = fit(sub.path(), &args);
        let config: serde_json::Value =
            serde_json::from_slice(&std::fs::read(m.join("config.json")).unwrap()).unwrap();
        let lazy = args.contains(&"lazy-adamw");
        assert_eq!(
            config["training"]["optimizer"],
            if lazy { "lazy_adamw" } else { "adamw" }
        );
        let r = evaluate(&m, &["--statistic", "min"]);
        let acc = r["accuracy"].as_f64().unwrap();
        assert!(acc >= min_acc, "{args:?}: {r}");
        assert!(
            r["log_loss"].as_f64().unwrap() < std::f64::consts::LN_2,
            "{args:?}: {r}"
        );
        assert!((0.0..=1.0).contains(&r["ece"].as_f64().unwrap()));
        assert_eq!(r["n"], 100);
        let o = rewardkit()
            .args(["prefs", "score", "--model"])
            .arg(&m)
            .arg("--data")
            .arg(fixture("pairs_test.jsonl"))
            .output()
            .unwrap();
        assert!(o.status.success());
        let lines: Vec<serde_json::Value> = String::from_utf8(o.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 100);
        let p = lines[0]["p_chosen"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&p));
    }
}

#[test]
fn regression_fits_ratings_and_scores_them() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("reg");
    rewardkit()
        .args([
            "-q",
            "prefs",
            "fit",
            "--model",
            "regression",
            "--weights",
            "helpfulness=1",
            "--epochs",
            "80",
            "--lr",
            "0.05",
            "--data",
        ])
        .arg(fixture("ratings.jsonl"))
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    // Ranking the test pairs by predicted helpfulness.
    let r = evaluate(&out, &[]);
    assert!(r["accuracy"].as_f64().unwrap() > 0.85, "{r}");
}

#[test]
fn bad_input_is_a_clear_error_with_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(dir.path(), "bad.jsonl", "{\"prompt\": \"p\", \"chosen\": \"a\", \"rejected\": \"b\"}\n{\"prompt\": \"p\", \"chosen\": 3, \"rejected\": \"b\"}\n");
    let o = rewardkit()
        .args(["prefs", "fit", "--out"])
        .arg(dir.path().join("m"))
        .arg("--data")
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bad.jsonl:2: field `chosen`"), "{err}");
    assert!(o.stdout.is_empty());
    let o = rewardkit()
        .args(["prefs", "evaluate", "--model"])
        .arg(dir.path().join("missing"))
        .arg("--data")
        .arg(fixture("pairs_test.jsonl"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("config.json"));
}

fn spec(model: &Path, extra: &str) -> String {
    format!(
        "schema_version = 1\n[reward]\ntype = \"learned\"\nmodel = {:?}\n{extra}",
        model.display().to_string()
    )
}

#[test]
fn a_fitted_model_is_the_learned_reward_of_score_and_serve() {
    let dir = tempfile::tempdir().unwrap();
    let m = fit(dir.path(), &["--model", "ensemble", "--members", "2"]);
    let good = "Sure, here is a step-by-step answer. I hope this helps!";
    let bad = "Figure it out yourself. Whatever.";
    let input = write(
        dir.path(),
        "samples.jsonl",
        format!("{{\"prompt\": \"q\", \"completion\": {good:?}}}\n{{\"prompt\": \"q\", \"completion\": {bad:?}}}\n"),
    );
    let spec_path = write(dir.path(), "p.toml", spec(&m, "statistic = \"uwo\"\n"));
    let o = rewardkit()
        .args(["-q", "score", "--spec"])
        .arg(&spec_path)
        .arg("--input")
        .arg(&input)
        .args(["--output", "-"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let rows: Vec<serde_json::Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let (rg, rb) = (
        rows[0]["reward"].as_f64().unwrap(),
        rows[1]["reward"].as_f64().unwrap(),
    );
    assert!(rg > rb + 1.0, "{rg} vs {rb}");

    // The same model behind `rewardkit serve`.
    let srv = start(dir.path(), &spec(&m, "statistic = \"uwo\"\n"), &[]);
    let body = format!("{{\"samples\": [{{\"prompt\": \"q\", \"completion\": {good:?}}}, {{\"prompt\": \"q\", \"completion\": {bad:?}}}]}}");
    let (s, v) = post(&srv.addr, "/v1/score", &body);
    assert_eq!(s, 200, "{v}");
    assert!(
        (v["results"][0]["value"].as_f64().unwrap() - rg).abs() < 1e-9,
        "{v}"
    );
    assert!(
        (v["results"][1]["value"].as_f64().unwrap() - rb).abs() < 1e-9,
        "{v}"
    );

    // A model that does not exist, or the wrong featurizer: a spec error naming the field.
    let bad_spec = write(
        dir.path(),
        "bad.toml",
        spec(&m, "featurizer = \"minilm\"\n"),
    );
    let o = rewardkit()
        .args(["score", "--spec"])
        .arg(&bad_spec)
        .arg("--input")
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("reward.model") && err.contains("`hashing` featurizer"),
        "{err}"
    );
}

#[test]
fn vpl_fits_per_user_pairs_and_evaluates_with_each_users_context() {
    let dir = tempfile::tempdir().unwrap();
    let fit_eval = |model: &str, extra: &[&str]| -> serde_json::Value {
        let out = dir.path().join(model);
        rewardkit()
            .args(["-q", "prefs", "fit", "--model", model, "--data"])
            .arg(fixture("users.jsonl"))
            .arg("--out")
            .arg(&out)
            .args([
                "--hash-dim",
                "1024",
                "--epochs",
                "60",
                "--batch-size",
                "8",
                "--patience",
                "0",
            ])
            .args(extra)
            .assert()
            .success();
        let o = rewardkit()
            .args(["prefs", "evaluate", "--json", "--model"])
            .arg(&out)
            .arg("--data")
            .arg(fixture("users_test.jsonl"))
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        serde_json::from_slice(&o.stdout).unwrap()
    };
    let vpl = fit_eval(
        "vpl",
        &["--context", "6", "--latent", "4", "--hidden", "16"],
    );
    // 8 users × (16 pairs − 6 context pairs).
    assert_eq!(vpl["n"], 80, "{vpl}");
    let bt = fit_eval("bt", &[]);
    assert_eq!(bt["n"], 128);
    let (a, b) = (
        vpl["accuracy"].as_f64().unwrap(),
        bt["accuracy"].as_f64().unwrap(),
    );
    assert!(a > 0.75 && a > b + 0.15, "VPL {vpl} vs BT {bt}");
}

#[test]
fn embed_writes_npy_and_jsonl_or_says_what_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("texts.jsonl");
    std::fs::write(
        &input,
        "\"I can help with that.\"\n{\"text\": \"No.\"}\n\n{\"text\": \"Sure, here is how.\"}\n",
    )
    .unwrap();
    let npy = dir.path().join("e.npy");
    let run = |out: &Path, extra: &[&str]| {
        rewardkit()
            .args(["-q", "prefs", "embed", "--input"])
            .arg(&input)
            .arg("--output")
            .arg(out)
            .args(extra)
            .output()
            .unwrap()
    };
    // Hashing features are sparse: refused.
    let o = run(&npy, &["--featurizer", "hashing"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("minilm"));
    let model = std::env::var_os("REWARDKIT_MINILM");
    if !cfg!(feature = "candle") || model.is_none() {
        // Without the model (or the `candle` feature) it fails with a message, not a panic.
        let o = run(&npy, &["--minilm", "/nonexistent/minilm"]);
        assert!(!o.status.success());
        assert!(!String::from_utf8_lossy(&o.stderr).contains("panicked"));
        return;
    }
    let o = run(&npy, &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let bytes = std::fs::read(&npy).unwrap();
    assert_eq!(&bytes[..6], b"\x93NUMPY");
    let hlen = u16::from_le_bytes([bytes[8], bytes[9]]) as usize;
    assert_eq!((10 + hlen) % 64, 0);
    assert!(String::from_utf8_lossy(&bytes[10..10 + hlen]).contains("'shape': (3, 384)"));
    let vals: Vec<f32> = bytes[10 + hlen..]
        .chunks(4)
        .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    assert_eq!(vals.len(), 3 * 384);
    let norm: f32 = vals[..384].iter().map(|v| v * v).sum();
    assert!((norm - 1.0).abs() < 1e-4, "unit norm: {norm}");
    let jsonl = dir.path().join("e.jsonl");
    assert!(run(&jsonl, &[]).status.success());
    let rows: Vec<serde_json::Value> = std::fs::read_to_string(&jsonl)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[2]["index"], 2);
    let e: Vec<f32> = rows[2]["embedding"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap() as f32)
        .collect();
    assert_eq!(e, vals[2 * 384..]);
}
