//! Completions as models write them: every row of the table in issue 7, plus the linear-time
//! bound on adversarial inputs.

use rewardkit_math::{verify, verify_until, Options, Outcome, Rule};
use std::time::{Duration, Instant};

fn check(gold: &str, pred: &str, want: Outcome) {
    let v = verify(gold, pred, &Options::default());
    assert_eq!(
        v.outcome, want,
        "gold {gold:?} pred {pred:?}: {} (extracted {:?})",
        v.reason, v.extraction
    );
}

fn eq(gold: &str, pred: &str) {
    check(gold, pred, Outcome::Equal);
}

fn ne(gold: &str, pred: &str) {
    check(gold, pred, Outcome::NotEqual);
}

#[test]
fn variable_assignment_is_the_value() {
    eq("14", "We conclude that $m = 14$.");
}

#[test]
fn last_right_hand_side_of_an_equation() {
    eq("11", "Therefore $p + q = 11$.");
}

#[test]
fn last_member_of_an_equality_chain() {
    eq("20", "so there are $\\binom{6}{3} = 20$ ways");
    eq("42", "Therefore $\\gcd(84, 126) = 42$.");
}

#[test]
fn text_after_the_anchored_answer() {
    eq("8", "The answer is 8. Let me double-check: yes.");
    ne("9", "The answer is 8. Let me double-check: yes.");
}

#[test]
fn units_inside_math() {
    eq("36\\pi", "Thus the volume is $36\\pi \\text{ cm}^3$.");
    ne("36", "Thus the volume is $36\\pi \\text{ cm}^3$.");
    eq("1.5", "Ergebnis: 1,5 m");
}

#[test]
fn several_final_boxes_form_a_list() {
    eq("3, 4", "... so \\boxed{3} and \\boxed{4}.");
    ne("3", "... so \\boxed{3} and \\boxed{4}.");
    // a sentence between the boxes: the last one is the answer
    eq(
        "4",
        "First I got \\boxed{3}. That was wrong, the answer is \\boxed{4}.",
    );
}

#[test]
fn several_final_math_spans_form_a_list() {
    eq("1, 5", "The solutions are $x=1$ and $x=5$.");
    ne("1", "The solutions are $x=1$ and $x=5$.");
}

#[test]
fn assignments_as_a_tuple_in_the_gold_order() {
    eq("(2, 3)", "So $a = 2, b = 3$.");
    ne("(3, 2)", "So $a = 2, b = 3$.");
}

#[test]
fn named_angle_in_degrees() {
    eq("60", "$\\angle C = 60^\\circ$");
    eq("60", "In the triangle, $\\angle ABC = 60^{\\circ}$.");
}

#[test]
fn relation_spellings() {
    for p in [
        "Hence $y \\geq -2$.",
        "y >= -2",
        "y ≥ -2",
        "Hence $y \\geqslant -2$.",
        "$y \\ge -2$",
    ] {
        eq("y \\ge -2", p);
    }
    ne("y \\ge -2", "Hence $y \\leq -2$.");
    eq("x \\le 5", "so $x \\leqslant 5$");
    eq("x \\neq 3", "Thus $x != 3$.");
    eq("x \\neq 3", "so $x \\ne 3$");
}

#[test]
fn escaped_dollar_is_currency() {
    eq("7.25", "In total she pays \\$7.25.");
    eq(
        "7.25",
        "She pays $7.25 for lunch and $3 for coffee, so lunch is $7.25.",
    );
}

#[test]
fn thousands_separators() {
    for p in [
        "The total is 2,048,576 bytes.",
        "The total is $2{,}048{,}576$ bytes.",
        "The total is $2\\,048\\,576$ bytes.",
        "The total is $2,\\!048,\\!576$ bytes.",
        "La réponse est 2 048 576.",
    ] {
        eq("2048576", p);
    }
}

#[test]
fn no_thousands_rule_in_set_braces_or_after_a_list() {
    eq("\\{200,10\\}", "\\{10,200\\}");
    ne("\\{10200\\}", "\\{10,200\\}");
    eq("1, 2, 100", "1,2,100");
}

#[test]
fn every_math_delimiter() {
    for p in [
        "Answer: \\(\\frac{2}{5}\\)",
        "\\[\\frac25\\]",
        "$$\\frac25$$",
        "so we get \\begin{equation*} \\frac{2}{5} \\end{equation*}",
    ] {
        eq("\\frac{2}{5}", p);
    }
}

#[test]
fn multiple_choice_with_option_text() {
    for g in ["C", "(C)", "\\text{(C)}", "C. 15"] {
        for p in ["The answer is (C) 15", "**Answer:** C", "C. 15"] {
            eq(g, p);
        }
    }
    eq("C. 15", "The answer is 15.");
    ne("C", "The answer is (B) 12");
    // a hedge pays nothing
    ne("B", "The answer is B, C, D or A");
    ne("A", "It is either (A) or (C).");
}

#[test]
fn anchors_in_other_languages() {
    for p in [
        "最终答案是 $3$",
        "答案：3",
        "Réponse : 3",
        "Die Antwort ist 3.",
        "La respuesta es 3.",
    ] {
        eq("3", p);
    }
    ne("5", "答案：5 或 6");
}

#[test]
fn long_decimal_of_an_exact_value() {
    eq("\\frac{3}{7}", "0.428571428571");
    ne("\\frac{3}{7}", "0.43");
    eq("\\pi", "so the answer is about 3.14159265");
    ne("\\sqrt{2}", "1.414");
}

#[test]
fn decimal_comma() {
    eq("3.5", "La réponse est 3,5.");
    ne("3.5", "La réponse est 3,6.");
}

#[test]
fn answer_only_inside_think_does_not_count() {
    check(
        "5",
        "<think>so the answer is \\boxed{5}</think>",
        Outcome::NoPredAnswer,
    );
    check("5", "<think>so x = 5, let me check", Outcome::NoPredAnswer);
    let o = Options {
        think: rewardkit_math::ThinkPolicy::Ignore,
        ..Options::default()
    };
    assert!(verify("5", "<think>so the answer is \\boxed{5}</think>", &o).is_equal());
}

#[test]
fn verification_and_questions_are_not_answers() {
    eq("5", "So $x = 5$.\n\nCheck: $2(5)+3 = 13$ ✓");
    check(
        "24",
        "Problem: Which of 12, 24 or 120 is equal to $4!$?\n\nLet me think about the factorial.",
        Outcome::NoPredAnswer,
    );
}

#[test]
fn explain_names_the_rule_and_the_span() {
    let pred = "Some work here.\nThe final answer is $42$. I hope it is correct.";
    let v = rewardkit_math::verify_explain("42", pred, &Options::default());
    let x = v.extraction.clone().expect("an extraction");
    assert_eq!(x.rule, Rule::Anchor);
    assert_eq!(&pred[x.start..x.end], "$42$");
    assert_eq!(x.text, "42");
    assert!(v.steps.iter().any(|s| s.contains("answer anchor")));
}

/// Adversarial inputs of 1 MB: every one is decided well under 50 ms (a generous bound for a
/// debug build on a loaded machine is checked here; the release figures are in BENCHMARKS.md).
#[test]
fn linear_time_on_adversarial_megabyte_inputs() {
    let mb = 1_000_000;
    let rep = |s: &str| s.repeat(mb / s.len());
    let inputs = [
        rep("\\boxed{"),
        rep("\\fbox{"),
        rep("The answer is "),
        rep("answer: "),
        rep("$a "),
        rep("$5 and "),
        rep("\\("),
        rep("\\["),
        rep("$$"),
        rep("{"),
        rep("\\begin{align*}"),
        rep("#### "),
        rep("1,"),
        rep("(A) "),
        rep("x = "),
        rep("So the answer is $\\boxed{1} and \\boxed{2} "),
        format!("{}\\boxed{{3}}", rep("a. ")),
    ];
    let o = Options::default();
    for input in &inputs {
        let t = Instant::now();
        let v = verify("3", input, &o);
        let dt = t.elapsed();
        assert!(
            dt < Duration::from_secs(2),
            "{:?}…: {dt:?} ({:?})",
            &input[..20],
            v.outcome
        );
    }
}

#[test]
fn deadline_bounds_extraction() {
    let big = "\\boxed{".repeat(200_000);
    let v = verify_until("3", &big, &Options::default(), Some(Instant::now()));
    assert_eq!(v.outcome, Outcome::BudgetExceeded);
}

#[test]
fn long_bare_answers_are_read_whole() {
    // issue 9: a bare prediction over 2,000 bytes fell back to the last number
    let terms: Vec<String> = (1..200).map(|k| format!("\\frac{{1}}{{{k}}}")).collect();
    let fwd = terms.join(" + ");
    let rev = terms.iter().rev().cloned().collect::<Vec<_>>().join(" + ");
    assert!(fwd.len() > 2000);
    eq(&fwd, &rev);
    let row = vec!["1"; 300].join(" & ");
    let matrix = format!(
        "\\begin{{pmatrix}}{}\\end{{pmatrix}}",
        vec![row; 300].join(" \\\\ ")
    );
    let v = verify("1", &matrix, &Options::default());
    assert!(
        !v.is_equal(),
        "a 300x300 matrix of ones is not 1: {}",
        v.reason
    );
}

#[test]
fn fuzz_regression_backslash_before_a_multibyte_character() {
    // fuzz run 7: `trim_prose` stepped into the middle of U+2009 after a backslash and panicked
    let pred = "We solve it.\\[x\\]\nThe final answer is $\\\u{2009}boxed{x = 0 and \\\u{2009}x";
    let _ = verify("0", pred, &Options::default());
    let _ = verify(
        "0",
        "The answer is \\\u{00e9}5 \\\u{4e2d}",
        &Options::default(),
    );
}

#[test]
fn a_check_mark_in_a_concluding_sentence_keeps_it() {
    eq("4", "We get $f(-3) = 4$ ✓, so the minimum is $4$.");
    eq("5", "So $x = 5$.\n\nCheck: $2(5)+3 = 13$ ✓");
}

#[test]
fn hidden_text_is_not_an_answer() {
    // issue 14 probes: the gold hidden from the reader
    ne("42", "The answer is $\\boxed{43}\\phantom{\\boxed{42}}$.");
    ne(
        "42",
        "The answer is $\\boxed{43}$. ${\\color{white}\\boxed{42}}$",
    );
    ne(
        "42",
        "\\textcolor{white}{\\boxed{42}} The answer is $\\boxed{43}$",
    );
    eq("42", "The answer is $\\boxed{42\\phantom{3}}$.");
    eq("42", "The answer is $\\boxed{{\\color{red}42}}$.");
}

#[test]
fn a_letter_in_a_question_is_not_a_choice() {
    check(
        "C",
        "You asked: Compute the value.\nIs the answer (C)?",
        Outcome::NoPredAnswer,
    );
    eq("C", "Is it (B)? No. It is (C).");
    ne("C", "The answer is $\\boxed{C\\text{ or }D}$.");
}

#[test]
fn asides_and_restatements_yield_to_the_answer() {
    eq(
        "\\frac{\\pi}{3}",
        "The angle between the vectors is $\\pi/3$ (that is, 60°).",
    );
    eq("(-1, 2)", "**Center: (−1, 2)** (radius 3)");
    ne("\\sqrt{3}", "Numerically:\n\n**tan 60° ≈ 1.73**");
    eq("36\\pi", "So the volume is $36\\pi \\approx 113.1$.");
    ne("3", "**Answer:** $x = 3$ (or $x = -1$)");
}

#[test]
fn european_number_formats() {
    eq("\\frac{3}{4}", "La réponse est 0,75.");
    eq("\\frac{5}{2}", "Ответ: 2,5");
    eq(
        "1000",
        "**Antwort:** Die Einnahmen betragen insgesamt 1.000 €.",
    );
    eq("1500", "The total is 1,500.");
    ne("1.5", "The total is 1,600.");
    ne("12", "したがって、答えは 12 または 13 です。");
}

#[test]
fn json_answer_fields_are_decoded() {
    eq(
        "(-\\infty,0)\\cup(0,\\infty)",
        "So x = 0 is excluded.\n\n{\"answer\": \"(-\\\\infty, 0) \\\\cup (0, \\\\infty)\"}",
    );
    eq(
        "\\frac{1}{7}",
        "```json\n{\"favorable\": 1, \"total\": 7, \"answer\": 0.1428571428571}\n```",
    );
}
