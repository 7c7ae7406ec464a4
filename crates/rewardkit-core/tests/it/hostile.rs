//! The hostile-review regressions of issue 9 that live in `rewardkit-core` (failures 7, 8, 15,
//! 16 and the formula mismatches M1–M10, plus the open-r1 rewards). Each test is named after
//! what it guards; the inputs are generated here, not read from files.

use rewardkit_core::{Error, NodeSpec, PipelineSpec, Sample};

use rewardkit_test::nodes::{spec_error as spec_err, toml, x, X};

// ---- failure 7 / M9: non-finite results --------------------------------------------------

#[test]
fn weighted_sum_overflow_is_an_error_with_a_reason() {
    let p = toml(&format!(
        r#"{{type = "weighted_sum", terms = [{{name = "big", weight = 10.0, reward = {X}}}]}}"#
    ));
    let out = p.score(&[x(1e308), x(1.0)]);
    assert_eq!(out[0].value, None);
    let e = out[0]
        .info
        .error
        .as_deref()
        .expect("an error, not `info: {}`");
    assert!(
        e.contains("`weighted_sum` at `reward`") && e.contains("inf"),
        "{e}"
    );
    assert_eq!(out[1].value, Some(10.0));
    // An error, not an abstention.
    assert!(out[0].info.error.is_some() && out[0].value.is_none());
    // The value on the wire is a number or null with an error: never a bare null.
    let wire = serde_json::to_value(&out[0]).unwrap();
    assert!(wire["info"]["error"].is_string(), "{wire}");
}

#[test]
fn lsc_overflow_is_an_error_with_a_reason() {
    let p = toml(&format!(
        r#"{{type = "lsc", ref_value = 1e308, input = {X}}}"#
    ));
    let out = p.score(&[x(-1e308)]);
    assert_eq!(out[0].value, None);
    assert!(out[0].info.error.as_deref().unwrap().contains("`lsc`"));
}

#[test]
fn every_combinator_and_transform_reports_non_finite_results() {
    let term = |name: &str| format!(r#"{{name = "{name}", reward = {X}}}"#);
    let nodes = [
        format!(
            r#"{{type = "weighted_sum", terms = [{}, {{name = "b", weight = 2.0, reward = {X}}}]}}"#,
            term("a")
        ),
        format!(
            r#"{{type = "product", terms = [{}, {}]}}"#,
            term("a"),
            term("b")
        ),
        format!(r#"{{type = "affine", scale = 10.0, input = {X}}}"#),
        format!(r#"{{type = "affine", shift = 1e308, input = {X}}}"#),
        format!(
            r#"{{type = "ensemble", method = "uwo", terms = [{}, {{name = "b", reward = {{type = "affine", scale = -1.0, input = {X}}}}}]}}"#,
            term("a")
        ),
        format!(r#"{{type = "par", ref_field = "refs", shape = "centered", input = {X}}}"#),
        format!(
            r#"{{type = "zscore", scale = "none", center = "none", input = {{type = "affine", scale = 10.0, input = {X}}}}}"#
        ),
    ];
    for node in &nodes {
        let mut s = x(1.7e308);
        s.metadata
            .insert("refs".into(), serde_json::json!([-1.7e308]));
        let out = toml(node).score(&[s]);
        assert_eq!(out[0].value, None, "{node}");
        let e = out[0].info.error.as_deref();
        assert!(
            e.is_some_and(|e| e.contains("non-finite")),
            "{node}: {:?}",
            out[0]
        );
    }
    // A non-finite per-step reward too: step_delta of [1e308, −1e308].
    let s: Sample =
        serde_json::from_str(r#"{"completion": "c", "steps": [1e308, -1e308]}"#).unwrap();
    let out = toml(r#"{type = "step_delta"}"#).score(&[s]);
    assert_eq!((out[0].value, &out[0].steps), (None, &None));
    assert!(out[0]
        .info
        .error
        .as_deref()
        .unwrap()
        .contains("`step_delta`"));
}

#[test]
fn non_finite_result_takes_the_error_value() {
    let doc = format!(
        "schema_version = 1\nerror_value = -1.0\nreward = {{type = \"affine\", scale = 10.0, input = {X}}}\n"
    );
    let out = PipelineSpec::from_toml(&doc)
        .unwrap()
        .build()
        .unwrap()
        .score(&[x(1e308)]);
    assert_eq!(out[0].value, Some(-1.0));
    assert!(out[0].info.error.is_some());
}

// ---- failure 8: nan/inf in spec numbers ---------------------------------------------------

#[test]
fn nan_and_inf_spec_numbers_are_rejected_with_their_path() {
    for (doc, path) in [
        (format!("reward = {{type = \"clip\", max = nan, input = {X}}}"), "reward.max"),
        (format!("reward = {{type = \"clip\", min = -inf, input = {X}}}"), "reward.min"),
        ("error_value = inf\nreward = {type = \"constant\", value = 1.0}".into(), "error_value"),
        ("timeout_value = nan\nreward = {type = \"constant\", value = 1.0}".into(), "timeout_value"),
        ("reward = {type = \"field\", name = \"x\", default = nan}".into(), "reward.default"),
        ("reward = {type = \"constant\", value = nan}".into(), "reward.value"),
        (
            format!("reward = {{type = \"weighted_sum\", terms = [{{reward = {X}}}, {{weight = +inf, reward = {X}}}]}}"),
            "reward.terms[1].weight",
        ),
        (format!("reward = {{type = \"gate\", gate = {X}, reward = {X}, threshold = inf}}"), "reward.threshold"),
        (format!("reward = {{type = \"par\", shape = \"ceil\", ceil = inf, input = {X}}}"), "reward.ceil"),
    ] {
        let (p, msg) = spec_err(&format!("schema_version = 1\n{doc}\n"));
        assert_eq!(p, path, "{doc}");
        assert!(msg.contains("must be a finite number"), "{doc}: {msg}");
        assert!(!msg.contains("invalid type: null"), "{doc}: {msg}");
    }
}

#[test]
fn non_finite_numbers_in_specs_made_in_code_are_rejected() {
    // A refined field (`clip` bounds, `error_value`: `Finite`) cannot hold a non-finite number
    // at all; a plain `f64` field is caught by `build`, with its path.
    assert!(rewardkit_core::params::Finite::new(f64::NAN).is_err());
    assert!(rewardkit_core::params::Finite::new(f64::INFINITY).is_err());
    let mut spec = PipelineSpec::from_toml(&format!(
        "schema_version = 1\nreward = {{type = \"lsc\", ref_field = \"r\", input = {X}}}\n"
    ))
    .unwrap();
    if let NodeSpec::Lsc(l) = &mut spec.reward {
        l.quantile = f64::NAN;
    }
    assert!(matches!(spec.build(), Err(Error::Spec { path, .. }) if path == "reward.quantile"));
}

// ---- failure 15: statistics of ±1e308 -----------------------------------------------------
// (the summary's own test is in the CLI, `crates/rewardkit-cli/src/summary.rs`)

#[test]
fn batch_zscores_of_huge_values_are_finite() {
    let p = toml(&format!(
        r#"{{type = "zscore", scope = "batch", ddof = 0, eps = 0.0, input = {X}}}"#
    ));
    let out = p.score(&[x(1e308), x(-1e308), x(1e308), x(-1e308)]);
    let v: Vec<_> = out.iter().map(|o| o.value).collect();
    assert_eq!(v, vec![Some(1.0), Some(-1.0), Some(1.0), Some(-1.0)]);
    let p = toml(&format!(
        r#"{{type = "normalize_sum", scope = "batch", terms = [{{reward = {X}}}]}}"#
    ));
    let out = p.score(&[x(f64::MAX), x(-f64::MAX)]);
    assert!(
        (out[0].value.unwrap() - 0.5f64.sqrt()).abs() < 1e-12,
        "{:?}",
        out[0]
    );
}

// ---- failure 16: JSON duplicate keys and BOM ----------------------------------------------

#[test]
fn json_duplicate_keys_are_an_error_as_in_toml() {
    let dup = r#"{"schema_version": 1, "reward": {"type": "constant", "value": 1, "value": 2}}"#;
    match PipelineSpec::from_json(dup) {
        Err(Error::Syntax { message, .. }) => {
            assert!(message.contains("duplicate key `value`"), "{message}")
        }
        other => panic!("{other:?}"),
    }
    let toml_dup = "schema_version = 1\n[reward]\ntype = \"constant\"\nvalue = 1.0\nvalue = 2.0\n";
    assert!(matches!(
        PipelineSpec::from_toml(toml_dup),
        Err(Error::Syntax { .. })
    ));
    // Trailing garbage is still an error.
    assert!(PipelineSpec::from_json(
        r#"{"schema_version": 1, "reward": {"type": "constant", "value": 1}} x"#
    )
    .is_err());
}

#[test]
fn a_bom_is_accepted_in_json_as_in_toml() {
    let json =
        "\u{feff}{\"schema_version\": 1, \"reward\": {\"type\": \"constant\", \"value\": 1}}";
    let toml = "\u{feff}schema_version = 1\nreward = {type = \"constant\", value = 1.0}\n";
    let a = PipelineSpec::from_json(json).unwrap();
    assert_eq!(PipelineSpec::parse(json).unwrap(), a);
    assert_eq!(PipelineSpec::from_toml(toml).unwrap(), a);
    let dir = std::env::temp_dir().join(format!("rk-bom-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("spec.json");
    std::fs::write(&f, json).unwrap();
    assert_eq!(PipelineSpec::from_path(&f).unwrap(), a);
    std::fs::remove_dir_all(&dir).ok();
}

// ---- M1: zscore centre and scale (TRL scale_rewards) ---------------------------------------

#[test]
fn zscore_reproduces_trl_scale_rewards_batch() {
    let p = toml(&format!(
        r#"{{type = "zscore", center = "group", scale = "batch", input = {X}}}"#
    ));
    let rows: Vec<Sample> = [(0.0, "g0"), (1.0, "g0"), (10.0, "g1"), (11.0, "g1")]
        .iter()
        .map(|(v, g)| x(*v).with_group(*g))
        .collect();
    let out = p.score(&rows);
    for (o, sign) in out.iter().zip([-1.0, 1.0, -1.0, 1.0]) {
        assert!((o.value.unwrap() - sign * 0.0861713).abs() < 1e-7, "{o:?}");
    }
    // The old `scope` key still works as the shorthand center = scale = scope.
    let old = toml(&format!(
        r#"{{type = "zscore", scope = "batch", scale = false, input = {X}}}"#
    ));
    let v: Vec<_> = old.score(&rows).iter().map(|o| o.value).collect();
    assert_eq!(v, vec![Some(-5.5), Some(-4.5), Some(4.5), Some(5.5)]);
}

// ---- M2: lsc Gaussian quantile ddof -------------------------------------------------------

#[test]
fn lsc_gaussian_quantile_defaults_to_par_sample_std() {
    let mut s = x(3.0);
    s.metadata
        .insert("refs".into(), serde_json::json!([0, 1, 2, 3]));
    let v = |extra: &str| {
        toml(&format!(
            r#"{{type = "lsc", ref_field = "refs", {extra} input = {X}}}"#
        ))
        .score(std::slice::from_ref(&s))[0]
            .value
            .unwrap()
    };
    assert!((v("") - -0.6154425).abs() < 1e-7);
    assert!((v("ddof = 0,") - -0.5370202).abs() < 1e-7);
}

// ---- M3: RLCR tags as the code parses them --------------------------------------------------

#[test]
fn rlcr_code_mode_parses_tags_like_python_findall() {
    let body = "<think>the format is <answer>X</answer> then <confidence>q</confidence>\n</think>\
                <answer>Paris</answer><analysis>a</analysis><confidence>0.8</confidence>";
    let p = toml(
        r#"{type = "rlcr", mode = "code", correct = {type = "exact_match", extract = "answer_tag_findall", references = ["Paris"]}}"#,
    );
    let out = p.score(&[Sample::new(body)]);
    assert_eq!(out[0].components["confidence"], Some(0.8));
    assert_eq!(out[0].components["correct"], Some(1.0));
    // Python float(): underscores, full-width digits; nan is a format failure.
    for (q, ok) in [("0.8_0", true), ("\u{ff10}.\u{ff18}", true), ("nan", false)] {
        let t = format!(
            "</think><answer>Paris</answer><analysis>a</analysis><confidence>{q}</confidence>"
        );
        let out = p.score(&[Sample::new(t)]);
        assert_eq!(
            out[0].components["format"],
            Some(f64::from(u8::from(ok))),
            "{q}"
        );
    }
}

// ---- M4: answer_line ---------------------------------------------------------------------

#[test]
fn answer_line_takes_the_rest_of_the_line_after_its_first_answer() {
    let p = toml(r#"{type = "exact_match", extract = "answer_line"}"#);
    let out =
        p.score(&[Sample::new("Final Answer: the answer: 12").with_reference("the answer: 12")]);
    assert_eq!(out[0].value, Some(1.0), "{:?}", out[0]);
}

// ---- M5: regex `$` -----------------------------------------------------------------------

#[test]
fn regex_dollar_matches_before_a_final_newline() {
    let p = toml(r#"{type = "regex", pattern = '(\d+)$'}"#);
    let out = p.score(&[Sample::new("The answer is 42\n")]);
    assert_eq!(out[0].value, Some(1.0));
    assert_eq!(out[0].info.extracted.as_deref(), Some("42"));
}

// ---- M6: exact_match squad with Python's classes ------------------------------------------

#[test]
fn squad_uses_python_whitespace_and_word_classes() {
    let p = toml(r#"{type = "exact_match", squad = true}"#);
    let out = p.score(&[
        Sample::new("New\u{1f}York").with_reference("new york"),
        Sample::new("a²").with_reference("²"),
    ]);
    assert_eq!(out[0].value, Some(1.0));
    assert_eq!(out[1].value, Some(0.0));
}

// ---- M8: number_match no answer ------------------------------------------------------------

#[test]
fn number_match_without_a_number_scores_zero_not_incorrect() {
    let p = toml(r#"{type = "number_match", incorrect = 0.1}"#);
    let out = p.score(&[
        Sample::new("no idea").with_reference("7"),
        Sample::new("#### 8").with_reference("7"),
    ]);
    assert_eq!(out[0].value, Some(0.0));
    assert_eq!(out[1].value, Some(0.1));
}

// ---- M10: step_clip over an abstaining input -----------------------------------------------

#[test]
fn step_clip_of_an_abstaining_input_stays_an_abstention() {
    let s: Sample = serde_json::from_str(r#"{"completion": "c", "steps": [0.9, 0.1]}"#).unwrap();
    let out = toml(r#"{type = "step_clip", eta = 0.5, input = {type = "field", name = "prm"}}"#)
        .score(&[s]);
    assert!(out[0].is_abstention(), "{:?}", out[0]);
    assert_eq!(out[0].steps, None);
}

// ---- open-r1: tag_count and cosine ---------------------------------------------------------

#[test]
fn tag_count_and_cosine_are_registered_nodes() {
    for t in ["tag_count", "cosine"] {
        assert!(NodeSpec::TYPES.contains(&t));
        assert!(PipelineSpec::json_schema()
            .to_string()
            .contains(&format!("\"{t}\"")));
    }
    let p = toml(
        r#"{type = "weighted_sum", terms = [
            {name = "tags", reward = {type = "tag_count"}},
            {name = "len", reward = {type = "cosine", max_len = 100, correct = {type = "exact_match", extract = "answer_tag"}}},
        ]}"#,
    );
    let text = "<think>\nshort\n</think>\n<answer>\n4\n</answer>";
    let out = p.score(&[Sample::new(text).with_reference("4")]);
    assert_eq!(out[0].components["tags"], Some(1.0));
    let len = text.chars().count() as f64;
    let want = 0.5 + 0.25 * (1.0 + (len / 100.0 * std::f64::consts::PI).cos());
    assert!((out[0].components["len"].unwrap() - want).abs() < 1e-12);
}

#[test]
fn bundled_example_specs_still_build() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    for name in ["pipeline.toml", "naive.toml"] {
        let spec = PipelineSpec::from_path(&dir.join(name)).unwrap_or_else(|e| panic!("{e}"));
        spec.build().unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}
