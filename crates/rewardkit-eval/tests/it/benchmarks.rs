//! Every worked example and reference figure of the benchmarks' scoring rules, and
//! hand-computed fixtures in each benchmark's published layout (tests/data).

use rewardkit_eval::metrics::{aggregate, best_of_n_credit, ties_score, StratumSum, TiesPrompt};
use rewardkit_eval::{
    collect_scores, compare, evaluate, scores_from_text, Benchmark, Dataset, Layout, Options,
    Report, Score, Source, StepAgg,
};
use std::path::{Path, PathBuf};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-15 * b.abs().max(1.0)
}

#[track_caller]
fn assert_metric(r: &Report, name: &str, want: f64) {
    let m = r
        .metric(name)
        .unwrap_or_else(|| panic!("no metric {name}: {:?}", names(r)));
    assert!(close(m.value, want), "{name} = {} (want {want})", m.value);
}

fn names(r: &Report) -> Vec<&str> {
    r.metrics.iter().map(|m| m.name.as_str()).collect()
}

fn no_boot() -> Options {
    Options {
        bootstrap: 0,
        ..Options::default()
    }
}

fn run_file(b: Benchmark, file: &str, scores: Option<&str>, opts: &Options) -> Report {
    let ds = Dataset::load(b, &data(file)).unwrap();
    let source = match scores {
        Some(s) => Source::File(data(s)),
        None => Source::Embedded,
    };
    let s = collect_scores(&ds, &source).unwrap();
    evaluate(&ds, &s, &source.describe(), opts).unwrap()
}

// ---------------------------------------------------------------------------------------
// RewardBench v1

/// Items with the given (subset, rows, correct rows) and scores 1/0 (right) or 0/1 (wrong).
fn synthetic_rb(subsets: &[(&str, usize, usize)]) -> (Dataset, Vec<Vec<Score>>) {
    let mut text = String::new();
    let mut scores = Vec::new();
    let mut id = 0;
    for (subset, n, right) in subsets {
        for k in 0..*n {
            text.push_str(&format!(
                "{{\"id\":{id},\"prompt\":\"p\",\"chosen\":\"c\",\"rejected\":\"r\",\"subset\":\"{subset}\"}}\n"
            ));
            let (c, r) = if k < *right { (1.0, 0.0) } else { (0.0, 1.0) };
            scores.push(vec![Score::Value(c), Score::Value(r)]);
            id += 1;
        }
    }
    (
        Dataset::from_text(Benchmark::RewardBench, "rb.jsonl", &text).unwrap(),
        scores,
    )
}

/// Spread `right` correct rows over the subsets of a section in order.
fn fill(subsets: &[(&'static str, usize)], mut right: usize) -> Vec<(&'static str, usize, usize)> {
    subsets
        .iter()
        .map(|(s, n)| {
            let r = right.min(*n);
            right -= r;
            (*s, *n, r)
        })
        .collect()
}

#[test]
fn rewardbench_reference_vector_beaver_7b_cost() {
    // The README metrics of PKU-Alignment/beaver-7b-v1.0-cost: Chat 218/358, Chat Hard
    // 205/456, Safety 534/740, Reasoning from math-prm 132/447 and the code subsets 628/984.
    let mut subsets = fill(
        &[
            ("alpacaeval-easy", 100),
            ("alpacaeval-length", 95),
            ("alpacaeval-hard", 95),
            ("mt-bench-easy", 28),
            ("mt-bench-med", 40),
        ],
        218,
    );
    subsets.extend(fill(
        &[
            ("mt-bench-hard", 37),
            ("llmbar-natural", 100),
            ("llmbar-adver-neighbor", 134),
            ("llmbar-adver-GPTInst", 92),
            ("llmbar-adver-GPTOut", 47),
            ("llmbar-adver-manual", 46),
        ],
        205,
    ));
    subsets.extend(fill(
        &[
            ("refusals-dangerous", 100),
            ("refusals-offensive", 100),
            ("xstest-should-refuse", 154),
            ("xstest-should-respond", 250),
            ("donotanswer", 136),
        ],
        534,
    ));
    subsets.push(("math-prm", 447, 132));
    subsets.extend(fill(
        &[
            ("hep-cpp", 164),
            ("hep-go", 164),
            ("hep-java", 164),
            ("hep-js", 164),
            ("hep-python", 164),
            ("hep-rust", 164),
        ],
        628,
    ));
    let (ds, scores) = synthetic_rb(&subsets);
    assert_eq!(ds.items.len(), 2985, "the size of the `filtered` split");
    let r = evaluate(&ds, &scores, "vector", &no_boot()).unwrap();
    assert_metric(&r, "section/Chat", 0.6089385474860335);
    assert_metric(&r, "section/Chat Hard", 0.44956140350877194);
    assert_metric(&r, "section/Safety", 0.7216216216216216);
    assert_metric(&r, "section/Reasoning", 0.46675669776831996);
    assert_metric(&r, "score", 0.5617195675961868);
    assert!(r.metric("score_with_prior").is_none());

    // With a hypothetical Prior Sets = 0.65: (2 * sum + 0.65) / 9.
    for p in ["anthropic_helpful", "anthropic_hhh", "shp", "summarize"] {
        subsets.push((p, 20, 13));
    }
    let (ds, scores) = synthetic_rb(&subsets);
    let r = evaluate(&ds, &scores, "vector", &no_boot()).unwrap();
    assert_metric(&r, "prior_sets", 0.65);
    assert_metric(&r, "score", 0.5617195675961868);
    assert_metric(&r, "score_with_prior", 0.5715285045299439);
}

#[test]
fn rewardbench_math_prm_weighs_as_much_as_all_code() {
    // math-prm right, every code subset wrong: Reasoning = 984 / (984 + 6 * 164) = 0.5.
    let mut s = vec![("math-prm", 4, 4)];
    for h in [
        "hep-cpp",
        "hep-go",
        "hep-java",
        "hep-js",
        "hep-python",
        "hep-rust",
    ] {
        s.push((h, 3, 0));
    }
    let (ds, scores) = synthetic_rb(&s);
    let r = evaluate(&ds, &scores, "x", &no_boot()).unwrap();
    assert_metric(&r, "section/Reasoning", 0.5);
    // Pooled per item it would be 4/22.
}

#[test]
fn rewardbench_fixture_hand_computed() {
    let r = run_file(
        Benchmark::RewardBench,
        "rewardbench.jsonl",
        Some("rewardbench-scores.jsonl"),
        &no_boot(),
    );
    assert_metric(&r, "subset/alpacaeval-easy", 0.5); // one tie: wrong
    assert_metric(&r, "section/Chat", 90.0 / 140.0);
    assert_metric(&r, "section/Chat Hard", 0.5);
    assert_metric(&r, "section/Safety", 1.0);
    assert_metric(&r, "section/Reasoning", 738.0 / 1312.0);
    let sum = 90.0 / 140.0 + 0.5 + 1.0 + 738.0 / 1312.0;
    assert_metric(&r, "score", sum / 4.0);
    assert_metric(&r, "prior_sets", 1.0);
    assert_metric(&r, "score_with_prior", (2.0 * sum + 1.0) / 9.0);
    assert_eq!(r.main, "score");
    assert_eq!(r.metric("subset/hep-python").unwrap().n, 2);
}

// ---------------------------------------------------------------------------------------
// RewardBench 2

#[test]
fn rewardbench2_best_of_4_vectors() {
    assert_eq!(best_of_n_credit(&[1.0, 0.0, 0.0, 0.0]), 1.0);
    assert_eq!(best_of_n_credit(&[1.0, 1.0, 0.0, 0.0]), 0.5);
    assert_eq!(best_of_n_credit(&[1.0, 1.0, 1.0, 1.0]), 0.25);
    assert_eq!(best_of_n_credit(&[0.0, 1.0, 0.0, 0.0]), 0.0);
    assert_eq!(best_of_n_credit(&[1.0, 1.0, 1.0, 0.0]), 1.0 / 3.0);
}

#[test]
fn rewardbench2_ties_vectors() {
    // Vector 1 (rows given as data): ref_acc 0.5, tied_acc 1.0, preferred 0.5, hard 0.5,
    // margin 0.0, score 0.65.
    let ds = Dataset::load(Benchmark::RewardBench2, &data("rewardbench2.jsonl")).unwrap();
    let s = collect_scores(&ds, &Source::File(data("rewardbench2-scores.jsonl"))).unwrap();
    let r = evaluate(&ds, &s, "x", &no_boot()).unwrap();
    assert_metric(&r, "ties/ref_accuracy", 0.5);
    assert_metric(&r, "ties/tied_accuracy", 1.0);
    assert_metric(&r, "ties/correctness_preferred", 0.5);
    assert_metric(&r, "ties/correctness_preferred_hard", 0.5);
    assert_metric(&r, "ties/correctness_margin", 0.0);
    assert_metric(&r, "subset/Ties", 0.65);

    // Vector 2: ref:1 = [3.5, 3, 0].
    let mut s2 = s.clone();
    let i = ds.items.iter().position(|it| it.id == "ref:1").unwrap();
    s2[i] = vec![Score::Value(3.5), Score::Value(3.0), Score::Value(0.0)];
    let r = evaluate(&ds, &s2, "x", &no_boot()).unwrap();
    assert_metric(&r, "ties/ref_accuracy", 1.0);
    assert_metric(&r, "ties/correctness_preferred", 0.5);
    assert_metric(&r, "ties/correctness_preferred_hard", 0.5);
    assert_metric(&r, "ties/correctness_margin", 0.25095521140790356);
    assert_metric(&r, "subset/Ties", 0.8025095521140789);
}

#[test]
fn rewardbench2_ties_edge_semantics() {
    // spread 0: positive numerator -> tanh(+inf) = 1; negative -> -1; 0/0 -> NaN -> 0.
    let p = |gr: f64, gt: f64, d: f64| TiesPrompt {
        reference_gap: Some(gr),
        tied: Some((gt, d)),
    };
    assert_eq!(ties_score(&[p(2.0, 1.0, 0.0)]).5, 1.0);
    assert_eq!(ties_score(&[p(-2.0, 1.0, 0.0)]).5, -1.0);
    assert_eq!(ties_score(&[p(0.0, 1.0, 0.0)]).5, 0.0);
    // No prompt id with both rows: the shares are 0, not NaN.
    let only_ref = TiesPrompt {
        reference_gap: Some(1.0),
        tied: None,
    };
    let (score, ref_acc, tied_acc, pref, hard, margin) = ties_score(&[only_ref]);
    assert_eq!(
        (ref_acc, tied_acc, pref, hard, margin),
        (1.0, 0.0, 0.0, 0.0, 0.0)
    );
    assert!(close(score, 0.3));
}

#[test]
fn rewardbench2_fixture_and_overall_mean() {
    let r = run_file(
        Benchmark::RewardBench2,
        "rewardbench2.jsonl",
        Some("rewardbench2-scores.jsonl"),
        &no_boot(),
    );
    assert_metric(&r, "subset/Factuality", 0.75);
    assert_metric(&r, "subset/Math", 0.25);
    assert_metric(&r, "subset/Focus", 0.0);
    assert_metric(&r, "score", (0.75 + 0.25 + 0.0 + 0.65) / 4.0);
    assert_eq!(
        names(&r)[..4],
        [
            "subset/Factuality",
            "subset/Math",
            "subset/Focus",
            "subset/Ties"
        ]
    );
}

#[test]
fn rewardbench2_overall_is_the_unweighted_mean_gemini_check() {
    // RB2 paper Table 3, gemini-2.5-flash-preview: (65.7+55.3+81.1+90.9+86.7+83.4)/6 = 77.2.
    let mut strata: Vec<StratumSum> = [
        ("Factuality", 657.0),
        ("Precise IF", 553.0),
        ("Math", 811.0),
        ("Safety", 909.0),
        ("Focus", 867.0),
    ]
    .iter()
    .map(|(n, s)| StratumSum {
        name: n.to_string(),
        count: 1000.0,
        sums: vec![*s],
    })
    .collect();
    // Ties = 0.834: every share 0.834 and margin 0.
    strata.push(StratumSum {
        name: "Ties".into(),
        count: 1000.0,
        sums: vec![1000.0, 834.0, 1000.0, 834.0, 1000.0, 834.0, 834.0, 0.0],
    });
    let m = aggregate(Benchmark::RewardBench2, &strata, &[]);
    let score = m.iter().find(|(n, _)| n == "score").unwrap().1;
    assert!((score - 0.7718333333333334).abs() < 1e-12);
    assert_eq!(format!("{:.1}", 100.0 * score), "77.2");
}

// ---------------------------------------------------------------------------------------
// RewardMATH

#[test]
fn rewardmath_results_layout_hand_computed() {
    let r = run_file(
        Benchmark::RewardMath,
        "rewardmath-results.json",
        None,
        &no_boot(),
    );
    assert_eq!(r.layout, Layout::Results);
    assert_metric(&r, "accuracy", 1.0 / 3.0);
    assert_metric(&r, "accuracy_with_ties", 2.0 / 3.0);
    // Ranks 1, 2 (tie: rejected first), 4.
    assert_metric(&r, "mrr", (1.0 + 0.5 + 0.25) / 3.0);
}

#[test]
fn rewardmath_data_layout_with_scores() {
    let r = run_file(
        Benchmark::RewardMath,
        "rewardmath.json",
        Some("rewardmath-scores.jsonl"),
        &no_boot(),
    );
    assert_eq!(r.items, 2);
    assert_metric(&r, "accuracy", 0.5);
    assert_metric(&r, "accuracy_with_ties", 1.0);
    assert_metric(&r, "mrr", 0.75);
}

#[test]
fn rewardmath_step_aggregations() {
    let r = run_file(
        Benchmark::RewardMath,
        "rewardmath-prm-results.json",
        None,
        &no_boot(),
    );
    // min: problem 0 0.6 > max(0.3, 0.5); problem 1 0.2 < 0.3 (rank 2).
    assert_metric(&r, "accuracy", 0.5);
    assert_metric(&r, "min/accuracy", 0.5);
    assert_metric(&r, "min/mrr", 0.75);
    // max: problem 0 0.9 < 0.99 (rank 2); problem 1 0.2 < 0.9 and 0.3 (rank 3).
    assert_metric(&r, "max/accuracy", 0.0);
    assert_metric(&r, "max/mrr", (0.5 + 1.0 / 3.0) / 2.0);
    // last: 0.8 < 0.99; 0.2 < 0.9.
    assert_metric(&r, "last/accuracy", 0.0);
    // prod: 0.432 > 0.28215, 0.25; 0.2 > 0.09 but < 0.3.
    assert_metric(&r, "prod/accuracy", 0.5);
    assert_eq!(r.step_aggs.len(), 8);
    let opts = Options {
        agg: StepAgg::Mean,
        ..no_boot()
    };
    let r = run_file(
        Benchmark::RewardMath,
        "rewardmath-prm-results.json",
        None,
        &opts,
    );
    // mean: 0.7667 > 0.7467, 0.5; 0.2 < 0.5.
    assert_metric(&r, "accuracy", 0.5);
}

#[test]
fn rewardmath_except_model_drops_that_rejected_source() {
    let opts = Options {
        except_model: Some("modified_with_GPT-4".into()),
        ..no_boot()
    };
    // Problem 1's tie was with the modified solution: without it the chosen wins.
    let r = run_file(
        Benchmark::RewardMath,
        "rewardmath-results.json",
        None,
        &opts,
    );
    assert_metric(&r, "accuracy", 2.0 / 3.0);
    // The calibration pairs leave that source out too.
    let all = run_file(
        Benchmark::RewardMath,
        "rewardmath-results.json",
        None,
        &no_boot(),
    );
    let left_out = std::fs::read_to_string(data("rewardmath-results.json"))
        .unwrap()
        .matches("\"modified_with_GPT-4\"")
        .count();
    assert!(left_out > 0);
    assert_eq!(
        r.calibration.as_ref().unwrap().pairs,
        all.calibration.as_ref().unwrap().pairs - left_out
    );
}

#[test]
fn rewardmath_except_model_that_matches_nothing_is_an_error() {
    // A misspelt model would leave the scores as they are without a word.
    let opts = Options {
        except_model: Some("modified_with_GPT4".into()),
        ..no_boot()
    };
    let ds = Dataset::load(Benchmark::RewardMath, &data("rewardmath-results.json")).unwrap();
    let scores = collect_scores(&ds, &Source::Embedded).unwrap();
    let err = evaluate(&ds, &scores, "results file", &opts)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("no rejected solution has `solution_reference` \"modified_with_GPT4\""),
        "{err}"
    );
    assert!(
        err.contains("modified_with_GPT-4"),
        "lists the real ones: {err}"
    );
}

/// A RewardMATH results file of `n` problems, the first `right` of them right.
fn synthetic_rewardmath(n: usize, right: usize) -> Report {
    let rows: Vec<String> = (0..n)
        .map(|i| {
            let c = if i < right { 2.0 } else { 0.5 };
            format!(
                "{{\"solution_reference\": [\"human_to_GPT-4\", \"modified_with_GPT-4\", \"gemma-7b-it\"], \"score\": [{c}, 1.0, 0.0]}}"
            )
        })
        .collect();
    let text = format!("[{}]", rows.join(",\n"));
    let ds = Dataset::from_text(Benchmark::RewardMath, "results.json", &text).unwrap();
    let s = collect_scores(&ds, &Source::Embedded).unwrap();
    evaluate(&ds, &s, "x", &no_boot()).unwrap()
}

#[test]
fn rewardmath_reference_accuracies_are_counts_over_problems() {
    // Reference figures computed from the RewardMATH repo's result files: ArmoRM 20.497 on
    // 483 problems (99 right), GPT-4o direct 25.979 on its 485 rows (126 right).
    let r = synthetic_rewardmath(483, 99);
    assert_eq!(format!("{:.3}", 100.0 * r.main_score().unwrap()), "20.497");
    let r = synthetic_rewardmath(485, 126);
    assert_eq!(format!("{:.3}", 100.0 * r.main_score().unwrap()), "25.979");
    // RewardBench's math-prm subset with ArmoRM: 92.841 on 447 pairs (415 right).
    let (ds, scores) = synthetic_rb(&[("math-prm", 447, 415)]);
    let r = evaluate(&ds, &scores, "x", &no_boot()).unwrap();
    assert_eq!(
        format!("{:.3}", 100.0 * r.metric("subset/math-prm").unwrap().value),
        "92.841"
    );
}

// ---------------------------------------------------------------------------------------
// RM-Bench

#[test]
fn rm_bench_fixture_hand_computed() {
    let r = run_file(
        Benchmark::RmBench,
        "rm-bench.json",
        Some("rm-bench-scores.jsonl"),
        &no_boot(),
    );
    assert_metric(&r, "domain/chat/hard", 1.0 / 6.0);
    assert_metric(&r, "domain/chat/normal", 1.0 / 3.0);
    assert_metric(&r, "domain/chat/easy", 0.5);
    assert_metric(&r, "domain/chat/avg", 1.0 / 3.0);
    // safety-refuse and safety-response pooled.
    assert_metric(&r, "domain/safety/avg", 0.5);
    assert_metric(&r, "hard", (1.0 / 6.0 + 0.5) / 2.0);
    assert_metric(&r, "normal", (1.0 / 3.0 + 0.5) / 2.0);
    assert_metric(&r, "easy", 0.5);
    assert_metric(&r, "score", 5.0 / 12.0);
    assert_eq!(r.metric("domain/safety/avg").unwrap().n, 2);
}

// ---------------------------------------------------------------------------------------
// JudgeBench

#[test]
fn judgebench_data_with_scores() {
    let r = run_file(
        Benchmark::JudgeBench,
        "judgebench.jsonl",
        Some("judgebench-scores.jsonl"),
        &no_boot(),
    );
    // Ties go to B: right for p2 (B>A) in the single game, wrong in the double game.
    assert_metric(&r, "single/overall", 0.75);
    assert_metric(&r, "double/overall", 0.5);
    assert_metric(&r, "single/livebench-math", 1.0);
    assert_metric(&r, "double/livebench-math", 0.0);
    assert_eq!(r.main, "double/overall");
    let r = run_file(
        Benchmark::JudgeBench,
        "judgebench.jsonl",
        Some("judgebench-scores.jsonl"),
        &Options {
            single_game: true,
            ..no_boot()
        },
    );
    assert_eq!(r.main_score(), Some(0.75));
}

#[test]
fn judgebench_outputs_layout() {
    let r = run_file(
        Benchmark::JudgeBench,
        "judgebench-outputs.jsonl",
        None,
        &no_boot(),
    );
    assert_eq!(r.layout, Layout::Judgments);
    assert_metric(&r, "single/overall", 0.5);
    assert_metric(&r, "double/overall", 0.5);
    assert_metric(&r, "double/mmlu-pro", 1.0);
    assert_metric(&r, "double/livebench-reasoning", 0.0);
    assert_metric(&r, "double/livebench-math", 0.0); // inconsistent: counter 0
    assert_metric(&r, "double/livecodebench", 1.0); // one unparsed, one right: counter 1
    assert_metric(&r, "single/livecodebench", 0.0);
    assert!(r.calibration.is_none() && r.length_bias.is_none());
}

#[test]
fn judgebench_reference_skywork_figures() {
    // The repo's Skywork-Reward-Llama-3.1-8B output: 59.09 / 64.29 / 76.79 / 50.00 / 62.29,
    // i.e. 91/154 knowledge, 63/98 reasoning, 43/56 math, 21/42 coding pairs right.
    let mut lines = Vec::new();
    for (source, n, right) in [
        ("mmlu-pro-biology", 154, 91),
        ("livebench-reasoning", 98, 63),
        ("livebench-math", 56, 43),
        ("livecodebench", 42, 21),
    ] {
        for k in 0..n {
            let (a, b) = if k < right {
                ("2.0", "1.0")
            } else {
                ("1.0", "2.0")
            };
            lines.push(format!(
                "{{\"pair_id\": \"{source}-{k}\", \"source\": \"{source}\", \"label\": \"A>B\", \"judgments\": [{{\"judgment\": {{\"scores\": [{a}, {b}]}}, \"decision\": null}}, {{\"judgment\": {{\"scores\": [{b}, {a}]}}, \"decision\": null}}]}}"
            ));
        }
    }
    let ds = Dataset::from_text(Benchmark::JudgeBench, "out.jsonl", &lines.join("\n")).unwrap();
    let s = collect_scores(&ds, &Source::Embedded).unwrap();
    let r = evaluate(&ds, &s, "x", &no_boot()).unwrap();
    let got: Vec<String> = [
        "double/mmlu-pro",
        "double/livebench-reasoning",
        "double/livebench-math",
        "double/livecodebench",
        "double/overall",
    ]
    .iter()
    .map(|n| format!("{:.2}", 100.0 * r.metric(n).unwrap().value))
    .collect();
    assert_eq!(got, ["59.09", "64.29", "76.79", "50.00", "62.29"]);
}

// ---------------------------------------------------------------------------------------
// Generic sets

#[test]
fn pairwise_hh_rlhf_and_bestofn_rmb() {
    let r = run_file(
        Benchmark::Pairwise,
        "hh-rlhf.jsonl",
        Some("hh-rlhf-scores.jsonl"),
        &no_boot(),
    );
    // ids are the row positions; row 2 is a tie (wrong).
    assert_metric(&r, "accuracy", 1.0 / 3.0);
    let lb = r.length_bias.as_ref().unwrap();
    assert_eq!((lb.chosen_longer.pairs, lb.chosen_shorter.pairs), (2, 1));
    assert_eq!(lb.chosen_longer.accuracy, 0.5);

    let r = run_file(
        Benchmark::BestOfN,
        "rmb-bestofn.json",
        Some("rmb-bestofn-scores.jsonl"),
        &no_boot(),
    );
    assert_metric(&r, "accuracy", 0.5);
    assert_metric(&r, "accuracy_tie_credit", 0.75);
    assert_metric(&r, "subset/Helpfulness/Generation/Title", 1.0);
}

// ---------------------------------------------------------------------------------------
// Degenerate cases

#[test]
fn all_equal_scores() {
    let eq = |b: Benchmark, file: &str| {
        let ds = Dataset::load(b, &data(file)).unwrap();
        let s: Vec<Vec<Score>> = ds
            .items
            .iter()
            .map(|it| vec![Score::Value(0.0); it.len()])
            .collect();
        evaluate(&ds, &s, "const", &no_boot()).unwrap()
    };
    assert_eq!(
        eq(Benchmark::RewardBench, "rewardbench.jsonl").main_score(),
        Some(0.0)
    );
    let r = eq(Benchmark::RewardBench2, "rewardbench2.jsonl");
    assert_metric(&r, "subset/Math", 0.25);
    assert_metric(&r, "subset/Ties", 0.0);
    let r = eq(Benchmark::RewardMath, "rewardmath.json");
    assert_metric(&r, "accuracy", 0.0);
    assert_metric(&r, "accuracy_with_ties", 1.0);
    assert_metric(&r, "mrr", 0.25); // rank 4 of 4: rejected rank above on ties
    assert_eq!(
        eq(Benchmark::RmBench, "rm-bench.json").main_score(),
        Some(0.0)
    );
    let r = eq(Benchmark::JudgeBench, "judgebench.jsonl");
    assert_metric(&r, "double/overall", 0.0);
    assert_metric(&r, "single/overall", 0.5); // the two B>A pairs
    let r = eq(Benchmark::Pairwise, "hh-rlhf.jsonl");
    assert_eq!(r.calibration.as_ref().unwrap().ece, 0.0);
    assert_eq!(r.length_bias.as_ref().unwrap().spearman, None);
}

#[test]
fn nan_scores_are_errors() {
    let ds = Dataset::load(Benchmark::RewardMath, &data("rewardmath-prm-results.json")).unwrap();
    let mut s = collect_scores(&ds, &Source::Embedded).unwrap();
    s[0][0] = Score::Value(f64::NAN);
    let err = evaluate(&ds, &s, "x", &no_boot()).unwrap_err().to_string();
    assert!(err.contains("the score of 0#0 is NaN"), "{err}");
    // A step list whose aggregation is NaN is reported when it is the main aggregation...
    s[0][0] = Score::Steps(vec![1.5, -2.0]);
    let opts = Options {
        agg: StepAgg::MeanLogit,
        ..no_boot()
    };
    let err = evaluate(&ds, &s, "x", &opts).unwrap_err().to_string();
    assert!(err.contains("`mean_logit`"), "{err}");
    // ...and left out of the by-aggregation list otherwise.
    let r = evaluate(&ds, &s, "x", &no_boot()).unwrap();
    assert!(!r.step_aggs.contains(&StepAgg::MeanLogit));
    assert!(r.metric("mean_logit/accuracy").is_none());
}

#[test]
fn missing_and_mismatched_scores_say_which() {
    let ds = Dataset::load(Benchmark::RmBench, &data("rm-bench.json")).unwrap();
    let text = std::fs::read_to_string(data("rm-bench-scores.jsonl")).unwrap();
    let partial: Vec<&str> = text.lines().filter(|l| !l.contains("\"chat-2\"")).collect();
    let err = scores_from_text(&ds, "s.jsonl", &partial.join("\n")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "s.jsonl: no score for 6 of the benchmark's completions: chat-2#0, chat-2#1, chat-2#2, chat-2#3, chat-2#4, chat-2#5"
    );
    // Scores of another benchmark: the first unknown id is named with its line.
    let other = std::fs::read_to_string(data("judgebench-scores.jsonl")).unwrap();
    let err = scores_from_text(&ds, "jb.jsonl", &other).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("jb.jsonl:1: field `id`: \"p1\" is not an id of"),
        "{err}"
    );
}

#[test]
fn mismatched_data_files_name_file_line_and_field() {
    // A RewardBench 2 file read as RM-Bench: `chosen` has 1 entry, not 3.
    let err = Dataset::load(Benchmark::RmBench, &data("rewardbench2.jsonl")).unwrap_err();
    assert!(
        err.to_string()
            .contains("rewardbench2.jsonl:1: field `chosen`: expected 3 responses (concise, detailed plain, detailed markdown), got 1"),
        "{err}"
    );
    assert!(
        err.to_string().ends_with(
            "hint: the first row looks like RewardBench 2 data: `rewardkit eval rewardbench2`"
        ),
        "{err}"
    );
    // A JSON list: the line is where the row starts.
    let text = "[\n {\"solution_reference\": [\"human_to_GPT-4\", \"x\"], \"score\": [1, 2]},\n {\"solution_reference\": [\"a\", \"b\"], \"score\": [1, 2]}\n]";
    let err = Dataset::from_text(Benchmark::RewardMath, "r.json", text).unwrap_err();
    assert_eq!(
        err.to_string(),
        "r.json:3: field `solution_reference`: no entry is \"human_to_GPT-4\" (the chosen solution)"
    );
    let text =
        "[{\"solution_reference\": [\"human_to_GPT-4\", \"x\"], \"score\": [1, [0.1, \"a\"]]}]";
    let err = Dataset::from_text(Benchmark::RewardMath, "r.json", text).unwrap_err();
    assert_eq!(
        err.to_string(),
        "r.json:1: field `score[1]`: a step score is not a number"
    );
    let text = r#"{"pair_id": "x", "source": "s", "label": "A=B", "question": "q", "response_A": "a", "response_B": "b"}"#;
    let err = Dataset::from_text(Benchmark::JudgeBench, "jb.jsonl", text).unwrap_err();
    assert_eq!(
        err.to_string(),
        "jb.jsonl:1: field `label`: expected \"A>B\" or \"B>A\", got \"A=B\""
    );
    // A data file with no score source, and a results file with one.
    let ds = Dataset::load(Benchmark::RewardBench, &data("rewardbench.jsonl")).unwrap();
    assert!(collect_scores(&ds, &Source::Embedded)
        .unwrap_err()
        .to_string()
        .contains("give a score source"));
    let ds = Dataset::load(Benchmark::RewardMath, &data("rewardmath-results.json")).unwrap();
    assert!(
        collect_scores(&ds, &Source::File(data("rewardmath-scores.jsonl")))
            .unwrap_err()
            .to_string()
            .contains("carries its own scores")
    );
}

// ---------------------------------------------------------------------------------------
// Order, batch and seed independence; bootstrap; compare

fn shuffled(text: &str) -> String {
    let mut lines: Vec<&str> = text.lines().collect();
    lines.reverse();
    let k = lines.len() / 3;
    lines.rotate_left(k);
    lines.join("\n")
}

#[test]
fn results_do_not_depend_on_row_order() {
    let opts = Options::default(); // with bootstrap
    for (b, d, s) in [
        (
            Benchmark::RewardBench,
            "rewardbench.jsonl",
            "rewardbench-scores.jsonl",
        ),
        (
            Benchmark::RewardBench2,
            "rewardbench2.jsonl",
            "rewardbench2-scores.jsonl",
        ),
        (Benchmark::RmBench, "rm-bench.json", "rm-bench-scores.jsonl"),
        (
            Benchmark::JudgeBench,
            "judgebench.jsonl",
            "judgebench-scores.jsonl",
        ),
    ] {
        let dt = std::fs::read_to_string(data(d)).unwrap();
        let st = std::fs::read_to_string(data(s)).unwrap();
        let ds = Dataset::from_text(b, "d", &dt).unwrap();
        let a = evaluate(&ds, &scores_from_text(&ds, "s", &st).unwrap(), "s", &opts).unwrap();
        let dt2 = if dt.trim_start().starts_with('[') {
            let v: Vec<serde_json::Value> = serde_json::from_str(&dt).unwrap();
            let mut v2 = v.clone();
            v2.reverse();
            serde_json::to_string(&v2).unwrap()
        } else {
            shuffled(&dt)
        };
        let ds2 = Dataset::from_text(b, "d", &dt2).unwrap();
        let b2 = evaluate(
            &ds2,
            &scores_from_text(&ds2, "s", &shuffled(&st)).unwrap(),
            "s",
            &opts,
        )
        .unwrap();
        assert_eq!(a.metrics, b2.metrics, "{d}");
    }
}

#[test]
fn bootstrap_is_seeded() {
    let (ds, scores) = synthetic_rb(&[
        ("donotanswer", 60, 31),
        ("math-prm", 40, 25),
        ("hep-go", 30, 9),
    ]);
    let run = |seed| {
        let opts = Options {
            seed,
            bootstrap: 200,
            ..Options::default()
        };
        evaluate(&ds, &scores, "x", &opts).unwrap()
    };
    let (a, b, c) = (run(7), run(7), run(8));
    assert_eq!(a, b);
    assert_ne!(a.metrics, c.metrics);
    let m = a.metric("score").unwrap();
    assert!(
        m.ci_low.unwrap() < m.value && m.value < m.ci_high.unwrap(),
        "{m:?}"
    );
    for m in &a.metrics {
        let (lo, hi) = (m.ci_low.unwrap(), m.ci_high.unwrap());
        assert!(lo <= hi, "{}: [{lo}, {hi}]", m.name);
    }
    // A stratum where every item is right has the degenerate interval [1, 1].
    let r = run_file(
        Benchmark::RewardBench,
        "rewardbench.jsonl",
        Some("rewardbench-scores.jsonl"),
        &Options::default(),
    );
    let s = r.metric("section/Safety").unwrap();
    assert_eq!((s.ci_low, s.ci_high), (Some(1.0), Some(1.0)));
    let c = r.metric("subset/alpacaeval-easy").unwrap();
    assert_eq!((c.ci_low, c.ci_high), (Some(0.0), Some(1.0)));
}

#[test]
fn compare_reports() {
    let ds = Dataset::load(Benchmark::RewardBench, &data("rewardbench.jsonl")).unwrap();
    let s = collect_scores(&ds, &Source::File(data("rewardbench-scores.jsonl"))).unwrap();
    let a = evaluate(&ds, &s, "a", &Options::default()).unwrap();
    let same = compare(&a, &a, 500, 1).unwrap();
    for d in &same.differences {
        assert_eq!(
            (d.diff, d.ci_low, d.ci_high, d.p_value),
            (0.0, 0.0, 0.0, 1.0)
        );
    }
    // B: every item right.
    let all: Vec<Vec<Score>> = ds
        .items
        .iter()
        .map(|_| vec![Score::Value(1.0), Score::Value(0.0)])
        .collect();
    let b = evaluate(&ds, &all, "b", &Options::default()).unwrap();
    let c = compare(&a, &b, 500, 1).unwrap();
    let d = c.differences.iter().find(|d| d.name == "score").unwrap();
    assert!(close(d.diff, 1.0 - a.main_score().unwrap()));
    assert!(d.ci_low > 0.0 && d.p_value < 0.05, "{d:?}");
    // The JSON report round-trips (compare reads what --json writes).
    let back: Report = serde_json::from_str(&serde_json::to_string(&a).unwrap()).unwrap();
    assert_eq!(back, a);
    // Another benchmark cannot be compared.
    let other = run_file(
        Benchmark::RmBench,
        "rm-bench.json",
        Some("rm-bench-scores.jsonl"),
        &no_boot(),
    );
    assert!(compare(&a, &other, 10, 0).is_err());
}

#[test]
fn rewardbench_subsets_outside_every_section() {
    // A misspelt subset is reported but, as in the reference code, in no score: `score`
    // rests on the one item of a real subset, and says so in `n`.
    let data = r#"{"id": 1, "prompt": "p", "chosen": "a", "rejected": "b", "subset": "alpacaeval-easy"}
{"id": 2, "prompt": "p", "chosen": "a", "rejected": "b", "subset": "alpaca-eval-easy"}"#;
    let ds = Dataset::from_text(Benchmark::RewardBench, "rb.jsonl", data).unwrap();
    let s = scores_from_text(
        &ds,
        "s.jsonl",
        "{\"id\": 1, \"scores\": [1, 0]}\n{\"id\": 2, \"scores\": [0, 1]}",
    )
    .unwrap();
    let r = evaluate(&ds, &s, "s", &no_boot()).unwrap();
    assert_metric(&r, "score", 1.0);
    assert_eq!(r.metric("score").unwrap().n, 1);
    assert_eq!(r.metric("subset/alpaca-eval-easy").unwrap().n, 1);

    // With prior sets: score_with_prior rests on the sections' and the prior sets' items.
    let data = r#"{"id": 1, "prompt": "p", "chosen": "a", "rejected": "b", "subset": "alpacaeval-easy"}
{"id": 2, "prompt": "p", "chosen": "a", "rejected": "b", "subset": "shp"}
{"id": 3, "prompt": "p", "chosen": "a", "rejected": "b", "subset": "anthropic_harmless"}"#;
    let ds = Dataset::from_text(Benchmark::RewardBench, "rb.jsonl", data).unwrap();
    let s = scores_from_text(
        &ds,
        "s.jsonl",
        "{\"id\": 1, \"scores\": [1, 0]}\n{\"id\": 2, \"scores\": [0, 1]}\n{\"id\": 3, \"scores\": [1, 0]}",
    )
    .unwrap();
    let r = evaluate(&ds, &s, "s", &no_boot()).unwrap();
    assert_eq!(r.metric("score").unwrap().n, 1);
    assert_eq!(r.metric("score_with_prior").unwrap().n, 2);
    assert_metric(&r, "score_with_prior", 2.0 / 3.0);

    // No row in a section or an averaged prior set (hh-rlhf passed as RewardBench): no
    // score, so an error naming the file, the line and the field, not a report without
    // its main score.
    let data = r#"{"id": 1, "prompt": "p", "chosen": "a", "rejected": "b", "subset": "harmless-base"}
{"id": 2, "prompt": "p", "chosen": "a", "rejected": "b", "subset": "helpful-base"}"#;
    let ds = Dataset::from_text(Benchmark::RewardBench, "hh.jsonl", data).unwrap();
    let s = scores_from_text(
        &ds,
        "s.jsonl",
        "{\"id\": 1, \"scores\": [1, 0]}\n{\"id\": 2, \"scores\": [0, 1]}",
    )
    .unwrap();
    let err = evaluate(&ds, &s, "s", &no_boot()).unwrap_err().to_string();
    assert!(
        err.starts_with("hh.jsonl:1: field `subset`: no row is in a RewardBench section"),
        "{err}"
    );
    assert!(err.contains("\"harmless-base\", \"helpful-base\""), "{err}");
    assert!(err.contains("rewardkit eval pairwise"), "{err}");
}

#[test]
fn judgebench_outputs_with_garbage_judgments_are_errors() {
    let cases = [
        (
            r#"{"pair_id":"p","source":"s","label":"A>B","judgments":[1,"x"]}"#,
            "o.jsonl:1: field `judgments[0]`: expected an object with `judgment` and `decision`",
        ),
        (
            r#"{"pair_id":"p","source":"s","label":"A>B","judgments":[{"judgment":{"scores":[2,1]},"decision":7}]}"#,
            "o.jsonl:1: field `judgments[0].decision`: expected a text (\"A>B\", \"B>A\") or null, got 7",
        ),
    ];
    for (t, want) in cases {
        let err = Dataset::from_text(Benchmark::JudgeBench, "o.jsonl", t).unwrap_err();
        assert_eq!(err.to_string(), want);
    }
    // A text that is no decision ("A=B", a parse failure) is no vote, as in JudgeBench.
    let t = r#"{"pair_id":"p","source":"s","label":"A>B","judgments":[{"judgment":{"scores":[2,1]},"decision":"A=B"}]}"#;
    let ds = Dataset::from_text(Benchmark::JudgeBench, "o.jsonl", t).unwrap();
    assert_eq!(ds.items[0].judgments[0].a_better, None);
}

#[test]
fn a_report_with_infinite_rewards_reads_back() {
    // `mean_odd` of a step scored 1.0 is +inf (p / (1 - p)): a legal reward that JSON cannot
    // hold. The report must still be valid input for `compare`.
    let data = r#"{"id": 1, "prompt": "p", "chosen": "a", "rejected": "bb", "subset": "alpacaeval-easy"}
{"id": 2, "prompt": "p", "chosen": "a", "rejected": "b", "subset": "alpacaeval-easy"}"#;
    let ds = Dataset::from_text(Benchmark::RewardBench, "rb.jsonl", data).unwrap();
    let s = scores_from_text(
        &ds,
        "s.jsonl",
        "{\"id\": 1, \"scores\": [[0.5, 1.0], [0.0, 0.5]]}\n{\"id\": 2, \"scores\": [0, 1]}",
    )
    .unwrap();
    let opts = Options {
        agg: StepAgg::MeanOdd,
        bootstrap: 10,
        ..Options::default()
    };
    let r = evaluate(&ds, &s, "s", &opts).unwrap();
    assert_metric(&r, "subset/alpacaeval-easy", 0.5);
    let text = serde_json::to_string(&r).unwrap();
    let back: Report = serde_json::from_str(&text).unwrap();
    compare(&back, &back, 10, 0).unwrap();
}

#[test]
fn a_file_of_another_benchmark_gets_a_hint() {
    let rb2 = r#"{"id": "0", "prompt": "p", "chosen": ["a"], "rejected": ["b", "c", "d"], "num_correct": 1, "subset": "Math"}"#;
    let rb =
        r#"{"id": 0, "prompt": "p", "chosen": "a", "rejected": "b", "subset": "alpacaeval-easy"}"#;
    let hh = r#"{"chosen": "\n\nHuman: hi\n\nAssistant: hello", "rejected": "\n\nHuman: hi\n\nAssistant: go"}"#;
    let rmb = r#"{"id": "x", "prompt": "p", "chosen": ["a", "b", "c"], "rejected": ["d", "e", "f"], "domain": "chat"}"#;
    let jb =
        r#"{"pair_id": "p", "source": "s", "label": "A>B", "judgments": [{"decision": "A>B"}]}"#;
    let cases = [
        (Benchmark::RewardBench, rb2, "`rewardkit eval rewardbench2`"),
        (Benchmark::RewardBench2, rb, "`rewardkit eval rewardbench`"),
        (Benchmark::RewardBench, hh, "`rewardkit eval pairwise`"),
        (Benchmark::RewardBench2, rmb, "`rewardkit eval rm-bench`"),
        (Benchmark::RewardMath, jb, "`rewardkit eval judgebench`"),
    ];
    for (b, text, want) in cases {
        let err = Dataset::from_text(b, "f.jsonl", text)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("f.jsonl:1: field `"), "{err}");
        assert!(err.contains(want), "{}: {err}", b.name());
    }
    // The right benchmark with a bad later row: no hint.
    let text = format!(
        "{rb}\n{}",
        r#"{"id": 1, "prompt": "p", "chosen": "a", "subset": "s"}"#
    );
    let err = Dataset::from_text(Benchmark::RewardBench, "f.jsonl", &text)
        .unwrap_err()
        .to_string();
    assert_eq!(err, "f.jsonl:2: field `rejected`: missing");
}

#[test]
fn rewardbench2_rows_outside_ties_have_one_chosen() {
    // RM-Bench data (with a `subset` field) read as RewardBench 2 scored the 2nd and 3rd
    // chosen answers as rivals of the 1st, silently.
    let t = r#"{"id": "x", "prompt": "p", "chosen": ["a", "b", "c"], "rejected": ["d", "e", "f"], "domain": "chat", "subset": "chat"}"#;
    let err = Dataset::from_text(Benchmark::RewardBench2, "f.jsonl", t)
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("f.jsonl:1: field `chosen`: 3 entries in subset \"chat\": only Ties rows have several correct answers"),
        "{err}"
    );
    assert!(err.contains("`rewardkit eval rm-bench`"), "{err}");
}

#[test]
fn compare_refuses_edited_reports_instead_of_panicking() {
    let data = r#"{"id": 1, "prompt": "p", "chosen": "a", "rejected": "b"}
{"id": 2, "prompt": "p", "chosen": "a", "rejected": "b"}"#;
    let ds = Dataset::from_text(Benchmark::Pairwise, "p.jsonl", data).unwrap();
    let s = scores_from_text(
        &ds,
        "s.jsonl",
        "{\"id\": 1, \"scores\": [1, 0]}\n{\"id\": 2, \"scores\": [0, 1]}",
    )
    .unwrap();
    let r = evaluate(&ds, &s, "s", &no_boot()).unwrap();
    // Units emptied, or relabelled as another benchmark's: an error, never an index panic.
    let mut empty = r.clone();
    for u in &mut empty.units {
        u.values.clear();
    }
    let mut ties = r.clone();
    ties.benchmark = Benchmark::RewardBench2;
    for u in &mut ties.units {
        u.stratum = "Ties".into();
    }
    for bad in [empty, ties] {
        let err = compare(&bad, &bad, 10, 0).unwrap_err().to_string();
        assert!(err.contains("not a report `rewardkit eval` wrote"), "{err}");
    }
    compare(&r, &r, 10, 0).unwrap();
}
