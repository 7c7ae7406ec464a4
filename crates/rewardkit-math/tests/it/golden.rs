//! Data-driven golden suite: `tests/data/golden.jsonl` (regenerate with `golden_src.py`).

use rewardkit_math::{verify, Options, Outcome};
use serde_json::Value;

fn outcome(s: &str) -> Outcome {
    match s {
        "equal" => Outcome::Equal,
        "not_equal" => Outcome::NotEqual,
        "no_gold_answer" => Outcome::NoGoldAnswer,
        "no_pred_answer" => Outcome::NoPredAnswer,
        "budget_exceeded" => Outcome::BudgetExceeded,
        other => panic!("unknown expected outcome {other}"),
    }
}

fn options_for(row: &Value) -> Options {
    match row.get("options") {
        Some(o) => {
            let mut base = serde_json::to_value(Options::default()).expect("options serialise");
            if let (Some(b), Some(o)) = (base.as_object_mut(), o.as_object()) {
                for (k, v) in o {
                    b.insert(k.clone(), v.clone());
                }
            }
            serde_json::from_value(base).expect("row options are valid")
        }
        None => Options::default(),
    }
}

#[test]
fn golden_suite() {
    let data = include_str!("../data/golden.jsonl");
    let mut failures = Vec::new();
    let mut n = 0;
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let row: Value = serde_json::from_str(line).expect("valid JSON row");
        let get = |k: &str| {
            row.get(k)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string()
        };
        assert!(!get("reason").is_empty(), "row without reason: {line}");
        let opts = options_for(&row);
        let v = verify(&get("gold"), &get("pred"), &opts);
        n += 1;
        if v.outcome != outcome(&get("expected")) {
            failures.push(format!(
                "{} [{}] gold={:?} pred={:?}: expected {}, got {:?} ({}) g={:?} p={:?}",
                get("id"),
                get("reason"),
                get("gold"),
                get("pred"),
                get("expected"),
                v.outcome,
                v.reason,
                v.gold,
                v.pred
            ));
        }
    }
    assert!(n >= 500, "golden suite has only {n} rows");
    assert!(
        failures.is_empty(),
        "{} of {n} golden rows failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn symmetric_rows_hold_both_ways() {
    // Rows whose policy is symmetric (plain values, sets, radicals) give the same outcome swapped.
    let data = include_str!("../data/golden.jsonl");
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let row: Value = serde_json::from_str(line).expect("valid JSON row");
        let cat = row
            .get("category")
            .and_then(Value::as_str)
            .unwrap_or_default();
        if !matches!(cat, "latex" | "families" | "known_cases") || row.get("options").is_some() {
            continue;
        }
        let g = row.get("gold").and_then(Value::as_str).unwrap_or_default();
        let p = row.get("pred").and_then(Value::as_str).unwrap_or_default();
        if g.contains('=') || p.contains('=') || g.contains('<') || p.contains('<') {
            continue;
        }
        let o = Options::default();
        let a = verify(g, p, &o).outcome;
        let b = verify(p, g, &o).outcome;
        assert_eq!(a, b, "asymmetric: {g:?} vs {p:?}");
    }
}

#[test]
fn normalisation_idempotent_on_golden_answers() {
    // normalize(normalize(x)) == normalize(x) for every golden answer that normalises
    let data = include_str!("../data/golden.jsonl");
    let o = Options::default();
    let mut bad = Vec::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let row: Value = serde_json::from_str(line).expect("valid JSON row");
        for k in ["gold", "pred"] {
            let s = row.get(k).and_then(Value::as_str).unwrap_or_default();
            if s.len() > 200 || s.contains('\n') {
                continue;
            }
            if let Some(n1) = rewardkit_math::normalize(s, &o) {
                if n1.contains("-digit integer]") {
                    // huge integers are abbreviated on purpose
                    continue;
                }
                let n2 = rewardkit_math::normalize(&n1, &o);
                if n2.as_deref() != Some(n1.as_str()) {
                    bad.push(format!("{s:?} -> {n1:?} -> {n2:?}"));
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "{} not idempotent:\n{}",
        bad.len(),
        bad.join("\n")
    );
}
