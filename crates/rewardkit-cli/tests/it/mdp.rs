//! End-to-end tests of `rewardkit compare` and `rewardkit diagnose`.
//!
//! The expected distances are the EPIC/DARD/STARC test vectors of the 3-state MDP (γ = 0.9,
//! R1(s,a,s') = ((7s + 3a + 5s') mod 11)/10 − 0.5, R3 = R1 plus the S'-redistribution of
//! Z(s,a,s') = s'), computed with an independent numpy implementation of Gleave et al. 2021,
//! Wulfe et al. 2022 and Skalse et al. 2024.

use crate::common::{json_stdout, rewardkit, write};
use std::path::{Path, PathBuf};

const T: [[[f64; 3]; 2]; 3] = [
    [[0.5, 0.5, 0.0], [0.0, 0.0, 1.0]],
    [[1.0, 0.0, 0.0], [0.0, 0.2, 0.8]],
    [[0.3, 0.3, 0.4], [0.0, 1.0, 0.0]],
];

fn r1(s: usize, a: usize, x: usize) -> f64 {
    ((7 * s + 3 * a + 5 * x) % 11) as f64 / 10.0 - 0.5
}

/// Writes the MDP, R1 and R3 = R1 + (Z − E_T Z) with Z = s'.
fn toy(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let mdp = write(
        dir,
        "mdp.json",
        serde_json::json!({"gamma": 0.9, "transitions": T, "initial": [1, 0, 0]}).to_string(),
    );
    let mut a = vec![vec![vec![0.0; 3]; 2]; 3];
    let mut b = a.clone();
    for s in 0..3 {
        for act in 0..2 {
            let ez: f64 = (0..3).map(|x| T[s][act][x] * x as f64).sum();
            for x in 0..3 {
                a[s][act][x] = r1(s, act, x);
                b[s][act][x] = r1(s, act, x) + x as f64 - ez;
            }
        }
    }
    let ra = write(
        dir,
        "a.json",
        serde_json::json!({ "reward": a }).to_string(),
    );
    let rb = write(
        dir,
        "b.json",
        serde_json::json!({ "reward": b }).to_string(),
    );
    (mdp, ra, rb)
}

fn compare_json(mdp: &Path, a: &Path, b: &Path, metric: &str) -> serde_json::Value {
    json_stdout(
        rewardkit()
            .args(["compare", "--json", "--metric", metric, "--mdp"])
            .arg(mdp)
            .arg(a)
            .arg(b),
    )
}

#[test]
fn compare_reproduces_the_test_vectors() {
    let dir = tempfile::tempdir().unwrap();
    let (mdp, a, b) = toy(dir.path());
    let d = |m: &str| compare_json(&mdp, &a, &b, m)["distance"].as_f64().unwrap();
    assert!((d("epic") - 0.6353351738095204).abs() < 1e-9);
    assert!((d("dard") - 0.5677493749221469).abs() < 1e-9);
    assert!(d("starc-val").abs() < 1e-9);
    assert!((d("starc-epic") - 2.0 * d("epic")).abs() < 1e-9);
    let text = rewardkit()
        .args(["compare", "--metric", "epic", "--mdp"])
        .arg(&mdp)
        .arg(&a)
        .arg(&b)
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.trim_end().ends_with("= 0.635335"), "{text}");
}

#[test]
fn compare_matrix_and_npy() {
    let dir = tempfile::tempdir().unwrap();
    let (mdp, a, b) = toy(dir.path());
    // The same MDP with its transitions in a .npy file, and a state-action reward in .npy.
    let flat: Vec<f64> = T.iter().flatten().flatten().copied().collect();
    rewardkit_mdp::npy::write(&dir.path().join("t.npy"), &[3, 2, 3], &flat).unwrap();
    let mdp_npy = write(
        dir.path(),
        "mdp_npy.json",
        r#"{"gamma": 0.9, "transitions": "t.npy"}"#,
    );
    let c = dir.path().join("c.npy");
    rewardkit_mdp::npy::write(&c, &[3, 2], &[1.0, 0.0, 2.0, -1.0, 0.5, 0.25]).unwrap();
    for m in [&mdp, &mdp_npy] {
        let out = rewardkit()
            .args(["compare", "--json", "--matrix", "--metric", "epic", "--mdp"])
            .arg(m)
            .args([&a, &b, &c])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let mx = doc["matrix"].as_array().unwrap();
        assert_eq!(mx.len(), 3);
        for (i, row) in mx.iter().enumerate() {
            assert_eq!(row[i].as_f64(), Some(0.0));
            for (j, v) in row.as_array().unwrap().iter().enumerate() {
                assert_eq!(*v, mx[j][i]);
            }
        }
        assert!((mx[0][1].as_f64().unwrap() - 0.6353351738095204).abs() < 1e-9);
    }
}

#[test]
fn compare_needs_two_rewards_without_matrix() {
    let dir = tempfile::tempdir().unwrap();
    let (mdp, a, _) = toy(dir.path());
    let out = rewardkit()
        .args(["compare", "--mdp"])
        .arg(&mdp)
        .arg(&a)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--matrix"));
}

#[test]
fn malformed_mdps_name_the_state_and_action() {
    let dir = tempfile::tempdir().unwrap();
    let (_, a, b) = toy(dir.path());
    let cases = [
        (
            r#"{"gamma": 0.9, "transitions": [[[0.5,0.5,0],[0,0,1]],[[0.6,0.3,0],[0,0.2,0.8]],[[0.3,0.3,0.4],[0,1,0]]]}"#,
            "state 1, action 0: transition probabilities sum to 0.9",
        ),
        (
            r#"{"gamma": 0.9, "transitions": [[[0.5,0.5,0],[0,0,1]],[[1,0,0],[0,0.2,0.8]],[[0.3,0.3,0.4],[0,1.5,-0.5]]]}"#,
            "state 2, action 1: probability of next state 2 is negative",
        ),
        (
            r#"{"gamma": 0.9, "transitions": [[[0.5,0.5,0],[0,0,1]],[[1,0,0],[0,1]],[[0.3,0.3,0.4],[0,1,0]]]}"#,
            "state 1, action 1: 2 next-state probabilities, expected 3",
        ),
        (
            r#"{"gamma": 0.9, "transitions": [[[1,0],[0,1]]], "initial": [1]}"#,
            "state 0, action 0: 2 next-state probabilities, expected 1",
        ),
    ];
    for (text, want) in cases {
        let m = write(dir.path(), "bad.json", text);
        let out = rewardkit()
            .args(["compare", "--mdp"])
            .arg(&m)
            .arg(&a)
            .arg(&b)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(want), "{err}");
    }
    // A reward that does not fit the MDP names its file.
    let (mdp, _, _) = toy(dir.path());
    let small = write(dir.path(), "small.json", r#"{"reward": [[1, 2], [3, 4]]}"#);
    let out = rewardkit()
        .args(["compare", "--mdp"])
        .arg(&mdp)
        .arg(&a)
        .arg(&small)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("small.json: reward has 2 states, the MDP has 3"),
        "{err}"
    );
}

#[test]
fn constant_reward_is_documented_not_nan() {
    let dir = tempfile::tempdir().unwrap();
    let (mdp, a, _) = toy(dir.path());
    let c = write(dir.path(), "const.json", r#"{"reward": [2, 2, 2]}"#);
    let doc = compare_json(&mdp, &a, &c, "epic");
    assert_eq!(doc["distance"].as_f64(), Some(0.5));
    assert_eq!(doc["trivial"], serde_json::json!([false, true]));
    let doc = compare_json(&mdp, &a, &c, "starc-val");
    assert!((doc["distance"].as_f64().unwrap() - 1.0).abs() < 1e-12);
}

fn diag_rows() -> String {
    // 30 prompts × 8 samples at step 0: the proxy rises with x, the truth peaks at x = 5;
    // at step 1 the proxy is higher and the truth lower.
    let mut s = String::new();
    for g in 0..30 {
        for i in 0..8 {
            let x = i as f64 + 0.01 * g as f64;
            let row = serde_json::json!({"group": format!("p{g}"), "proxy": x, "true": -(x - 5.0) * (x - 5.0),
                                         "completion": "a".repeat(10 + 5 * i), "step": 0});
            s.push_str(&row.to_string());
            s.push('\n');
            let row = serde_json::json!({"group": format!("p{g}"), "proxy": x + 2.0, "true": -(x - 1.0) * (x - 1.0),
                                         "length": 20 * i, "step": 1});
            s.push_str(&row.to_string());
            s.push('\n');
        }
    }
    s
}

#[test]
fn diagnose_reports_over_optimisation() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "s.jsonl", diag_rows());
    let svg = dir.path().join("bon.svg");
    let out = rewardkit()
        .args(["diagnose", "--json", "--input"])
        .arg(&input)
        .arg("--svg")
        .arg(&svg)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["samples"], 480);
    assert_eq!(doc["correlation"]["reference"], "step 0");
    assert_eq!(doc["correlation"]["n"], 240);
    assert_eq!(doc["best_of_n"]["over_optimised"], true);
    assert_eq!(doc["best_of_n"]["points"].as_array().unwrap().len(), 8);
    let kl = doc["best_of_n"]["points"][3]["kl"].as_f64().unwrap();
    assert!((kl - (4f64.ln() - 0.75)).abs() < 1e-12);
    assert_eq!(doc["pf_ppo"].as_array().unwrap().len(), 4);
    assert!(doc["length"]["proxy_pearson"].as_f64().unwrap() > 0.5);
    assert_eq!(doc["steps"].as_array().unwrap().len(), 2);
    let svg = std::fs::read_to_string(&svg).unwrap();
    assert!(
        svg.starts_with("<svg") && svg.contains("polyline") && svg.trim_end().ends_with("</svg>")
    );
    let text = rewardkit()
        .args(["diagnose", "--input"])
        .arg(&input)
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("OVER-OPTIMISED") && text.contains("PF-PPO"),
        "{text}"
    );
}

#[test]
fn diagnose_errors_name_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(
        dir.path(),
        "bad.jsonl",
        "{\"proxy\": 1, \"true\": 2}\n{\"proxy\": \"x\", \"true\": 2}\n",
    );
    let out = rewardkit()
        .args(["diagnose", "--input"])
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.jsonl:2: `proxy` must be a finite number"),
        "{err}"
    );
}

fn compare_with(args: &[&str]) -> serde_json::Value {
    json_stdout(rewardkit().arg("compare").args(args).arg("--json"))
}

#[test]
fn generated_mdps_round_trip_through_json_safetensors_and_npy() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n).display().to_string();
    let gen = |seed: &str, out: &str, reward: &str| {
        rewardkit()
            .args(["mdp", "random", "--states", "30", "--actions", "3"])
            .args(["--sparsity", "0.5", "--gamma", "0.8", "--seed", seed])
            .args(["--out", out, "--reward", reward])
            .assert()
            .success();
    };
    gen("3", &p("m.safetensors"), &p("a.safetensors"));
    gen("3", &p("m.json"), &p("a.npy"));
    gen("3", &p("m2.json"), &p("a2.json"));
    gen("4", &p("m4.json"), &p("b.json"));
    // The same seed gives the same MDP and reward, whatever the format.
    assert_eq!(
        std::fs::read(p("m.json")).unwrap(),
        std::fs::read(p("m2.json")).unwrap()
    );
    let d = |mdp: &str, a: &str, b: &str, metric: &str| -> f64 {
        compare_with(&["--mdp", mdp, a, b, "--metric", metric])["distance"]
            .as_f64()
            .unwrap()
    };
    for metric in ["epic", "starc-val"] {
        let want = d(&p("m.json"), &p("a2.json"), &p("b.json"), metric);
        assert!(want > 0.01, "{metric}: {want}");
        for (mdp, a) in [
            (p("m.safetensors"), p("a.safetensors")),
            (p("m.json"), p("a.npy")),
            (p("m.safetensors"), p("a2.json")),
        ] {
            let got = d(&mdp, &a, &p("b.json"), metric);
            assert!(
                (got - want).abs() < 1e-12,
                "{metric} {mdp} {a}: {got} vs {want}"
            );
        }
        assert!(
            d(
                &p("m.safetensors"),
                &p("a.safetensors"),
                &p("a.npy"),
                metric
            ) < 1e-12
        );
    }
    let doc = compare_with(&["--mdp", &p("m.safetensors"), &p("a.npy"), &p("b.json")]);
    assert_eq!(
        (
            doc["states"].as_u64(),
            doc["actions"].as_u64(),
            doc["gamma"].as_f64()
        ),
        (Some(30), Some(3), Some(0.8))
    );
}

#[test]
fn gridworld_and_chain_generate_from_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let art = write(dir.path(), "maze.txt", "S..#\n.#.G\n....\n");
    let p = |n: &str| dir.path().join(n).display().to_string();
    rewardkit()
        .args(["mdp", "gridworld", "--grid", &art.display().to_string()])
        .args([
            "--slip",
            "0.1",
            "--step-reward",
            "-0.1",
            "--out",
            &p("g.json"),
        ])
        .args(["--reward", &p("gr.json")])
        .assert()
        .success()
        .stderr(predicates::str::contains("10 states, 4 actions"));
    let mdp: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(p("g.json")).unwrap()).unwrap();
    assert_eq!(mdp["transitions"].as_array().unwrap().len(), 10);
    assert_eq!(mdp["initial"][0], 1.0); // the S cell
    let r: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(p("gr.json")).unwrap()).unwrap();
    assert_eq!(r["reward"][0][0][0], -0.1);
    rewardkit()
        .args(["mdp", "chain", "--states", "5", "--out", &p("c.json")])
        .args(["--reward", &p("cr.npy")])
        .assert()
        .success();
    // A reward compared with itself scaled is at distance 0 on the generated chain.
    let d = compare_with(&[
        "--mdp",
        &p("c.json"),
        &p("cr.npy"),
        &p("cr.npy"),
        "--metric",
        "starc-val",
    ]);
    assert!(d["distance"].as_f64().unwrap() < 1e-12, "{d}");
    // Errors name the file and what was expected.
    rewardkit()
        .args(["mdp", "chain", "--states", "1", "--out", &p("x.json")])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("at least 2 states"));
    assert!(!dir.path().join("x.json").exists());
    rewardkit()
        .args([
            "mdp",
            "random",
            "--states",
            "3",
            "--actions",
            "2",
            "--sparsity",
            "1",
        ])
        .args(["--out", &p("y.json")])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("sparsity"));
}

#[test]
fn state_and_action_distributions_from_files() {
    let dir = tempfile::tempdir().unwrap();
    let (mdp, a, b) = toy(dir.path());
    let (mdp, a, b) = (
        mdp.display().to_string(),
        a.display().to_string(),
        b.display().to_string(),
    );
    let uniform = compare_with(&["--mdp", &mdp, &a, &b, "--metric", "epic"])["distance"]
        .as_f64()
        .unwrap();
    // The uniform distributions given explicitly change nothing.
    let ds = write(
        dir.path(),
        "ds.json",
        "[0.3333333333333333, 0.3333333333333333, 0.3333333333333334]",
    );
    let da = write(dir.path(), "da.json", r#"{"dist": [0.5, 0.5]}"#);
    let same = compare_with(&[
        "--mdp",
        &mdp,
        &a,
        &b,
        "--metric",
        "epic",
        "--state-dist",
        &ds.display().to_string(),
        "--action-dist",
        &da.display().to_string(),
    ])["distance"]
        .as_f64()
        .unwrap();
    assert!((same - uniform).abs() < 1e-12, "{same} vs {uniform}");
    // Another distribution gives another EPIC distance; a .npy file works too.
    let npy = dir.path().join("ds.npy");
    rewardkit_mdp::npy::write(&npy, &[3], &[0.8, 0.1, 0.1]).unwrap();
    let other = compare_with(&[
        "--mdp",
        &mdp,
        &a,
        &b,
        "--metric",
        "epic",
        "--state-dist",
        &npy.display().to_string(),
    ])["distance"]
        .as_f64()
        .unwrap();
    assert!((other - uniform).abs() > 1e-3, "{other} vs {uniform}");
    // A wrong length or a bad sum is an error that names the file or the field.
    for (name, text, says) in [
        (
            "bad.json",
            "[0.5, 0.5]",
            "bad.json: state_dist has 2 entries, the MDP has 3",
        ),
        ("bad2.json", "[0.5, 0.5, 0.5]", "state_dist"),
    ] {
        let bad = write(dir.path(), name, text);
        rewardkit()
            .args(["compare", "--mdp", &mdp, &a, &b, "--state-dist"])
            .arg(&bad)
            .assert()
            .code(2)
            .stderr(predicates::str::contains(says));
    }
}

#[test]
fn a_safetensors_mdp_without_gamma_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("m.safetensors");
    rewardkit_mdp::arrays::write_safetensors(
        &f,
        &[rewardkit_mdp::arrays::Tensor::new(
            "transitions",
            vec![1, 1, 1],
            vec![1.0],
        )],
        &[],
    )
    .unwrap();
    let r = write(dir.path(), "r.json", r#"{"reward": [1.0]}"#);
    rewardkit()
        .args(["compare", "--mdp", &f.display().to_string()])
        .args([&r.display().to_string(), &r.display().to_string()])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("m.safetensors"))
        .stderr(predicates::str::contains("gamma"));
}
