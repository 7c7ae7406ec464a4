//! RewardMATH's pairwise-judge mode on a hand-computed fixture in the published
//! `RewardMATH_pairwise.json` layout (tests/data/rewardmath-pairwise.json: 4 problems × 9
//! comparisons, the chosen solution at A or B in turn).
//!
//! The judgments (tests/data/rewardmath-pairwise-judgments.jsonl) lose problem 0 nothing
//! (all wins), problem 1 everything (all losses), problem 2 one comparison (against
//! `Llama-3-8B-Instruct`), problem 3 three (`modified_with_GPT-4`, `gpt-3.5-turbo-0125`,
//! `Llama-3-8B-Instruct`): accuracy 1/4, MRR (1 + 1/10 + 1/2 + 1/4) / 4 = 0.4625.
//!
//! The scores (tests/data/rewardmath-pairwise-scores.jsonl, index 0 = A, 1 = B): problem 0
//! wins all but one tie, problem 1 loses all, problem 2 wins all, problem 3 wins all but one
//! tie; a tie is a loss: accuracy 1/4, MRR (1/2 + 1/10 + 1 + 1/2) / 4 = 0.525.

use rewardkit_eval::metrics::rewardmath_judge_scores;
use rewardkit_eval::rewardmath_pairwise::PairwiseSet;
use rewardkit_eval::{collect_scores, evaluate, Layout, Options, Report, Score, Source, StepAgg};
use std::path::{Path, PathBuf};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn no_boot() -> Options {
    Options {
        bootstrap: 0,
        ..Options::default()
    }
}

#[track_caller]
fn assert_metric(r: &Report, name: &str, want: f64) {
    let v = r.metric(name).unwrap().value;
    assert!((v - want).abs() < 1e-12, "{name} = {v} (want {want})");
}

fn set() -> PairwiseSet {
    PairwiseSet::load(&data("rewardmath-pairwise.json")).unwrap()
}

fn judged(opts: &Options) -> Report {
    let set = set();
    let wins = set
        .wins_from_judgments_file(&data("rewardmath-pairwise-judgments.jsonl"))
        .unwrap();
    let (ds, scores) = set.problems(&wins).unwrap();
    evaluate(&ds, &scores, "judgments", opts).unwrap()
}

/// Nine comparisons of problem `p`, the chosen at A, with ids `p*9 ..`.
fn rows(p: usize, n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                r#"{{"id": {}, "problem_id": "{p}", "eval_solution_A": "right", "eval_solution_B": ["wrong", "{i}"], "chosen_position": "A", "solution_reference": "m{i}"}}"#,
                p * 9 + i
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn judgments_all_wins_all_losses_and_partial() {
    let r = judged(&no_boot());
    assert_eq!(r.items, 4);
    assert_eq!(r.layout, Layout::Judgments);
    assert_eq!(r.main, "accuracy");
    assert_metric(&r, "accuracy", 0.25);
    assert_metric(&r, "accuracy_with_ties", 0.25);
    assert_metric(&r, "mrr", (1.0 + 0.1 + 0.5 + 0.25) / 4.0);
    // Per problem: reciprocal ranks 1, 1/10, 1/2, 1/4.
    let rr: Vec<f64> = r.units.iter().map(|u| u.values[2]).collect();
    assert_eq!(rr, [1.0, 0.1, 0.5, 0.25]);
    let ids: Vec<&str> = r.units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, ["0", "1", "2", "3"]);
    // No scores to calibrate.
    assert!(r.calibration.is_none() && r.length_bias.is_none());
}

#[test]
fn judge_scores_of_a_problem() {
    let set = set();
    let wins = set
        .wins_from_judgments_file(&data("rewardmath-pairwise-judgments.jsonl"))
        .unwrap();
    let (ds, scores) = set.problems(&wins).unwrap();
    // Problem 2 lost to its third rejected solution (Llama-3-8B-Instruct) only.
    assert_eq!(
        ds.items[2].tags[..4],
        [
            "human_to_GPT-4",
            "modified_with_GPT-4",
            "gpt-3.5-turbo-0125",
            "Llama-3-8B-Instruct"
        ]
    );
    let want: Vec<Score> = [9.0, 1.0, 1.0, 11.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]
        .into_iter()
        .map(Score::Value)
        .collect();
    assert_eq!(scores[2], want);
    assert_eq!(scores[1][0], Score::Value(1.0));
    assert_eq!(
        rewardmath_judge_scores(&[true; 9])[0],
        10.0,
        "all wins: 1 + 9"
    );
}

#[test]
fn except_model_leaves_out_those_comparisons() {
    let r = judged(&Options {
        except_model: Some("Llama-3-8B-Instruct".into()),
        ..no_boot()
    });
    // Problem 2 now wins all; problem 1 loses 8, problem 3 loses 2.
    assert_metric(&r, "accuracy", 0.5);
    assert_metric(&r, "mrr", (1.0 + 1.0 / 9.0 + 1.0 + 1.0 / 3.0) / 4.0);
}

#[test]
fn scores_higher_wins_and_a_tie_loses() {
    let set = set();
    let scores = collect_scores(
        &set.rows,
        &Source::File(data("rewardmath-pairwise-scores.jsonl")),
    )
    .unwrap();
    let wins = set.wins_from_scores(&scores, StepAgg::Min).unwrap();
    // Row 4 (problem 0) is the tie: a loss.
    assert!(!wins[4] && wins[3] && wins[5]);
    let (ds, s) = set.problems(&wins).unwrap();
    let r = evaluate(&ds, &s, "scores", &no_boot()).unwrap();
    assert_metric(&r, "accuracy", 0.25);
    assert_metric(&r, "accuracy_with_ties", 0.25);
    assert_metric(&r, "mrr", (0.5 + 0.1 + 1.0 + 0.5) / 4.0);
}

#[test]
fn bootstrap_intervals_are_seeded() {
    let opts = Options {
        bootstrap: 200,
        seed: 7,
        ..Options::default()
    };
    let (a, b) = (judged(&opts), judged(&opts));
    assert_eq!(a.metrics, b.metrics);
    let m = a.metric("mrr").unwrap();
    assert!(m.ci_low.unwrap() <= m.value && m.value <= m.ci_high.unwrap());
}

#[test]
fn accepted_picks_and_position_keys() {
    // Rows without `id` are keyed by position; `decision` and `A>B` / `B>A` are read.
    let text = rows(0, 9).replace(r#""id": "#, r#""row": "#);
    let set = PairwiseSet::from_text("p.jsonl", &text).unwrap();
    let judgments = (0..9)
        .map(|i| match i {
            0 => r#"{"id": "0", "winner": "A"}"#.to_string(),
            1 => r#"{"id": 1, "decision": "A>B"}"#.to_string(),
            2 => r#"{"id": 2, "winner": "A>B", "decision": "A"}"#.to_string(),
            4 => r#"{"id": 4, "winner": null, "decision": "B"}"#.to_string(),
            3 => r#"{"id": 3, "decision": "B>A"}"#.to_string(),
            i => format!(r#"{{"id": {i}, "winner": "B"}}"#),
        })
        .collect::<Vec<_>>()
        .join("\n");
    let wins = set.wins_from_judgments("j.jsonl", &judgments).unwrap();
    assert_eq!(
        wins,
        [true, true, true, false, false, false, false, false, false]
    );
    // A JSON list reads the same as JSON Lines.
    let list = format!("[{}]", judgments.replace('\n', ",\n"));
    assert_eq!(set.wins_from_judgments("j.json", &list).unwrap(), wins);
}

#[test]
fn a_problem_without_its_nine_comparisons() {
    let text = [rows(0, 9), rows(1, 8), rows(2, 9), rows(3, 10)].join("\n");
    let err = PairwiseSet::from_text("p.jsonl", &text).unwrap_err();
    assert_eq!(
        err.to_string(),
        "p.jsonl:10: field `problem_id`: 2 problem(s) without their 9 comparisons (one per rejected solution): \"1\" (8 rows, from line 10), \"3\" (10 rows, from line 27)"
    );
}

#[test]
fn judgment_errors_name_file_line_and_field() {
    let set = PairwiseSet::from_text("p.jsonl", &rows(0, 9)).unwrap();
    let all = |extra: &str| {
        (0..9)
            .map(|i| format!(r#"{{"id": {i}, "winner": "A"}}"#))
            .chain((!extra.is_empty()).then(|| extra.to_string()))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let cases: Vec<(String, &str)> = vec![
        (
            all(r#"{"id": 42, "winner": "A"}"#),
            "j.jsonl:10: field `id`: \"42\" is not an id of p.jsonl (judgments are keyed by the rows' `id`, else their 0-based position)",
        ),
        (
            all(r#"{"id": 3, "winner": "B"}"#),
            "j.jsonl:10: field `id`: duplicate judgment for \"3\" (first on line 4)",
        ),
        (
            r#"{"id": 0, "winner": "C"}"#.into(),
            "j.jsonl:1: field `winner`: expected \"A\", \"B\", \"A>B\" or \"B>A\", got \"C\"",
        ),
        (
            r#"{"id": 0, "winner": null}"#.into(),
            "j.jsonl:1: field `winner`: null: the judge's pick, \"A\" or \"B\" (or `decision`), is needed for every comparison",
        ),
        (
            r#"{"id": 0, "pick": "A"}"#.into(),
            "j.jsonl:1: field `winner`: missing: the judge's pick, \"A\" or \"B\" (or `decision`), is needed for every comparison",
        ),
        (
            r#"{"id": 0, "winner": "A", "decision": "B>A"}"#.into(),
            "j.jsonl:1: field `decision`: disagrees with `winner`: give one pick",
        ),
        (
            r#"{"winner": "A"}"#.into(),
            "j.jsonl:1: field `id`: missing",
        ),
        (
            [0, 2, 3, 4, 5, 6]
                .map(|i| format!(r#"{{"id": {i}, "winner": "A"}}"#))
                .join("\n"),
            "j.jsonl: no judgment for 3 of the 9 comparisons of p.jsonl: \"1\", \"7\", \"8\"",
        ),
    ];
    for (text, want) in cases {
        let err = set.wins_from_judgments("j.jsonl", &text).unwrap_err();
        assert_eq!(err.to_string(), want);
    }
}

#[test]
fn data_errors_name_file_line_and_field() {
    let cases = [
        (
            rows(0, 9).replacen(r#""chosen_position": "A""#, r#""chosen_position": "C""#, 1),
            "p.jsonl:1: field `chosen_position`: expected \"A\" or \"B\", got \"C\"",
        ),
        (
            rows(0, 9).replacen(r#""eval_solution_B": ["wrong", "0"], "#, "", 1),
            "p.jsonl:1: field `eval_solution_B`: missing",
        ),
        (
            rows(0, 9).replacen(r#""id": 1,"#, r#""id": 0,"#, 1),
            "p.jsonl:2: field `id`: duplicate id \"0\" (first on line 1)",
        ),
        (
            r#"{"problem_id": "0", "solution_type": "chosen", "eval_solution": ["x"]}"#.into(),
            "p.jsonl:1: field `eval_solution_A`: missing: this looks like RewardMATH's direct data (one row per solution)\n\nhint: `rewardkit eval rewardmath`",
        ),
    ];
    for (text, want) in cases {
        let err = PairwiseSet::from_text("p.jsonl", &text).unwrap_err();
        assert_eq!(err.to_string(), want);
    }
}
