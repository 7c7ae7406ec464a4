//! No hedge pays: for a random gold `g` and a distinct wrong value `w`, no completion that lists
//! both (in any of the forms policies are trained to find) is ever equal to `g`, under every
//! policy option. A reward that paid for any of these would teach a policy to hedge.

use proptest::prelude::*;
use rewardkit_math::{
    verify, CommaListPolicy, MatchPolicy, Options, PercentPolicy, RelationIntervalPolicy,
    ThinkPolicy,
};

/// Every policy profile and every option that changes how answers are read.
fn profiles() -> Vec<(&'static str, Options)> {
    let d = Options::default;
    vec![
        ("default", d()),
        ("prm800k", Options::prm800k()),
        ("lenient", Options::lenient()),
        (
            "comma tuple",
            Options {
                comma_list: CommaListPolicy::Tuple,
                ..d()
            },
        ),
        (
            "relation never",
            Options {
                relation_interval: RelationIntervalPolicy::Never,
                ..d()
            },
        ),
        (
            "relation gold only",
            Options {
                relation_interval: RelationIntervalPolicy::GoldRelationOnly,
                ..d()
            },
        ),
        (
            "match first",
            Options {
                match_policy: MatchPolicy::First,
                ..d()
            },
        ),
        (
            "think ignore",
            Options {
                think: ThinkPolicy::Ignore,
                ..d()
            },
        ),
        (
            "percent strip",
            Options {
                percent: PercentPolicy::Strip,
                ..d()
            },
        ),
        (
            "no unwrap, no chain",
            Options {
                unwrap_assignment: false,
                pred_equation_chain: false,
                ..d()
            },
        ),
        (
            "float_digits 2, rounding",
            Options {
                float_digits: 2,
                accept_rounded_decimals: true,
                rel_tol: 1e-2,
                ..d()
            },
        ),
        (
            "no units, no thousands",
            Options {
                strip_units: false,
                thousands_separators: false,
                decimal_comma: false,
                ..d()
            },
        ),
    ]
}

/// A value in several LaTeX spellings: `(latex, numeric value)`.
fn value() -> impl Strategy<Value = (String, f64)> {
    prop_oneof![
        (-50i64..50).prop_map(|n| (n.to_string(), n as f64)),
        (1i64..20, 2i64..9)
            .prop_map(|(a, b)| (format!("\\frac{{{a}}}{{{b}}}"), a as f64 / b as f64)),
        (2i64..30).prop_map(|n| (format!("\\sqrt{{{n}}}"), (n as f64).sqrt())),
        (1i64..6).prop_map(|n| (format!("{n}\\pi"), n as f64 * std::f64::consts::PI)),
        (0i64..1000).prop_map(|n| (format!("{}.{:02}", n / 100, n % 100), n as f64 / 100.0)),
    ]
}

/// Corrections: the gold only in a discarded draft or in the reasoning. Not a hedge for the
/// `first` match policy, which by definition grades the first answer.
fn corrections(g: &str, w: &str) -> Vec<String> {
    vec![
        format!("<think>The answer is {g}.</think> The answer is {w}."),
        format!("The answer is {g}. No wait, the answer is {w}."),
        format!("My first guess was \\boxed{{{g}}}. That is wrong: the answer is \\boxed{{{w}}}."),
    ]
}

/// The hedges built from a gold `g` and a wrong `w` (numbers `gv`, `wv`).
fn hedges(g: &str, w: &str, gv: f64, wv: f64) -> Vec<String> {
    let (lo, hi) = if gv < wv { (g, w) } else { (w, g) };
    vec![
        format!("{g}, {w}"),
        format!("{w}, {g}"),
        format!("{g} or {w}"),
        format!("The answer is {g} or {w}."),
        format!("The answer is ${w}$ or ${g}$."),
        format!("So $x = {g}$ or $x = {w}$."),
        format!("\\boxed{{{g}, {w}}}"),
        format!("\\boxed{{{w}, {g}}}"),
        format!("\\boxed{{{g}}} and \\boxed{{{w}}}"),
        format!("\\boxed{{{w}}} or \\boxed{{{g}}}"),
        format!("\\boxed{{{g} \\text{{ or }} {w}}}"),
        format!("\\boxed{{\\{{{g}, {w}\\}}}}"),
        format!("\\boxed{{[{lo}, {hi}]}}"),
        format!("\\boxed{{({lo}, {hi})}}"),
        format!("\\boxed{{x \\ge {lo}}}"),
        format!("\\boxed{{{lo} \\le x \\le {hi}}}"),
        format!("\\boxed{{\\pm {g}}}"),
        format!("The answer is between {lo} and {hi}."),
        format!("The answer is $\\boxed{{{g}}}$, or maybe $\\boxed{{{w}}}$."),
        format!("\\boxed{{{g} = {w}}}"),
        format!("\\boxed{{{w} \\approx {g}}}"),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, .. ProptestConfig::default() })]

    #[test]
    fn no_hedge_of_two_values_pays((g, gv) in value(), (w, wv) in value()) {
        prop_assume!((gv - wv).abs() > 0.05 * (1.0 + gv.abs()));
        for (name, o) in profiles() {
            let mut forms = hedges(&g, &w, gv, wv);
            if o.match_policy == MatchPolicy::Last {
                forms.extend(corrections(&g, &w));
            }
            for h in forms {
                let v = verify(&g, &h, &o);
                prop_assert!(!v.is_equal(), "[{}] gold {:?} paid by {:?}: {}", name, g, h, v.reason);
            }
        }
    }

    #[test]
    fn no_multiple_choice_hedge_pays(g in 0u8..5, w in 0u8..5) {
        prop_assume!(g != w);
        let g = (b'A' + g) as char;
        let w = (b'A' + w) as char;
        let forms = [
            "The answer is A, B, C, D or E.".to_string(),
            format!("The answer is {g} or {w}."),
            format!("The answer is {w}, {g}."),
            format!("It is either ({g}) or ({w})."),
            format!("\\boxed{{{g}}} or \\boxed{{{w}}}"),
            format!("\\boxed{{{g}, {w}}}"),
            format!("**Answer:** {w} and {g}"),
            format!("Answer: ({g}), ({w})"),
            format!("<think>The answer is ({g}).</think>\nThe answer is ({w})."),
        ];
        for (name, o) in profiles() {
            for gold in [g.to_string(), format!("({g})"), format!("\\text{{({g})}}"), format!("{g}. 15")] {
                for h in &forms {
                    let v = verify(&gold, h, &o);
                    prop_assert!(!v.is_equal(), "[{}] gold {:?} paid by {:?}: {}", name, gold, h, v.reason);
                }
            }
        }
    }
}

#[test]
fn the_issue_hedge_is_not_paid() {
    let v = verify("B", "The answer is B, C, D or A", &Options::default());
    assert!(!v.is_equal(), "{}", v.reason);
}
