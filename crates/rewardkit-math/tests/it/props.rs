//! Property tests: reflexive, symmetric, idempotent normalisation, no panic.

use proptest::prelude::*;
use rewardkit_math::{normalize, verify, verify_until, Options, Outcome};
use std::time::{Duration, Instant};

/// Small structured expressions in LaTeX.
fn expr() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        (0u32..50).prop_map(|n| n.to_string()),
        Just("x".to_string()),
        Just("y".to_string()),
        Just("\\pi".to_string()),
        (1u32..30).prop_map(|n| format!("\\sqrt{{{n}}}")),
        (1u32..9, 1u32..9).prop_map(|(a, b)| format!("\\frac{{{a}}}{{{b}}}")),
        (0u32..999).prop_map(|n| format!("{}.{}", n / 100, n % 100)),
    ];
    leaf.prop_recursive(3, 16, 3, |inner| {
        prop_oneof![
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("{a}+{b}")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("{a}-{b}")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a})({b})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("\\frac{{{a}}}{{{b}}}")),
            (inner, 0u32..4).prop_map(|(a, k)| format!("({a})^{{{k}}}")),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn reflexive(e in expr()) {
        let v = verify(&e, &e, &Options::default());
        prop_assert!(matches!(v.outcome, Outcome::Equal | Outcome::BudgetExceeded), "{e}: {v:?}");
    }

    #[test]
    fn reflexive_after_normalisation(e in expr()) {
        let o = Options::default();
        if let Some(n) = normalize(&e, &o) {
            let v = verify(&e, &n, &o);
            prop_assert!(matches!(v.outcome, Outcome::Equal | Outcome::BudgetExceeded), "{e} vs {n}: {v:?}");
        }
    }

    #[test]
    fn sets_reflexive(a in expr(), b in expr()) {
        let o = Options::default();
        prop_assume!(normalize(&a, &o).is_some() && normalize(&b, &o).is_some());
        let s = format!("\\{{{a}, {b}\\}}");
        let r = format!("\\{{{b}, {a}\\}}");
        let v = verify(&s, &r, &Options::default());
        prop_assert!(matches!(v.outcome, Outcome::Equal | Outcome::BudgetExceeded), "{s} vs {r}: {v:?}");
    }

    #[test]
    fn symmetric(a in expr(), b in expr()) {
        let o = Options::default();
        let x = verify(&a, &b, &o).outcome;
        let y = verify(&b, &a, &o).outcome;
        prop_assert_eq!(x, y, "{} vs {}", a, b);
    }

    #[test]
    fn normalisation_idempotent(e in expr()) {
        let o = Options::default();
        if let Some(n1) = normalize(&e, &o) {
            let n2 = normalize(&n1, &o);
            prop_assert_eq!(Some(n1.clone()), n2, "{}", e);
        }
    }

    #[test]
    fn no_panic_on_any_string(a in ".{0,200}", b in ".{0,200}") {
        let o = Options::default();
        let _ = verify(&a, &b, &o);
        let _ = normalize(&a, &o);
    }

    #[test]
    fn no_panic_on_latexish_strings(a in "[\\\\{}()\\[\\]^_0-9a-z+*/=<>,.$ -]{0,80}", b in "[\\\\{}()^_0-9xy+*/=,.-]{0,40}") {
        let o = Options::default();
        let start = Instant::now();
        let v = verify_until(&a, &b, &o, Some(start + Duration::from_millis(50)));
        prop_assert!(start.elapsed() < Duration::from_millis(500), "slow: {:?}", v);
    }
}

/// Adversarial completions: an extraction trigger repeated thousands of times, with random glue
/// between the copies and a random tail. Extraction is linear, so each call stays fast.
fn adversarial() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("\\boxed{"),
        Just("\\fbox{"),
        Just("The answer is "),
        Just("Answer: "),
        Just("答案："),
        Just("$"),
        Just("$$"),
        Just("\\("),
        Just("\\["),
        Just("{"),
        Just("#### "),
        Just("\\begin{align*}"),
        Just("(A) "),
        Just("1,"),
        Just("x = "),
        Just("<think>"),
        Just(". "),
    ];
    (
        token,
        "[ a-z0-9$\\\\{}.]{0,6}",
        1000usize..20_000,
        "[ -~]{0,40}",
    )
        .prop_map(|(t, glue, n, tail)| format!("{}{tail}", format!("{t}{glue}").repeat(n)))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]

    #[test]
    fn adversarial_completions_stay_fast(pred in adversarial()) {
        let o = Options::default();
        let start = Instant::now();
        let v = verify("3", &pred, &o);
        // generous for a debug build on a loaded 2-core machine; release figures in BENCHMARKS.md
        prop_assert!(start.elapsed() < Duration::from_secs(2), "{} bytes took {:?}: {:?}", pred.len(), start.elapsed(), v.outcome);
    }
}
