//! `math`: is the completion's final math answer equal to the reference?
//!
//! A thin pipeline wrapper around [`rewardkit_math::verify_until`], the exact, bounded
//! verifier (big rationals, canonical radicals, polynomial normal forms, seeded numeric
//! fallback; see the `rewardkit-math` crate docs for every policy and its reference default).
//!
//! | outcome | value | `info.verdict` |
//! |---|---|---|
//! | equal to any accepted reference | `correct` (1) | `equal` |
//! | different | `incorrect` (0) | `not_equal` |
//! | no answer in the completion | `incorrect` (0) | `no_pred_answer` |
//! | no answer in the reference / no reference | abstain (`null`) | `no_gold_answer` |
//! | the per-sample deadline ran out | the pipeline's `timeout_value`, `info.timeout` | `timeout` |
//! | the step budget ran out | `incorrect` (0) | `budget_exceeded` |
//!
//! ```
//! use rewardkit_core::{PipelineSpec, Sample};
//! let spec = PipelineSpec::from_toml(r#"
//! schema_version = 1
//! [reward]
//! type = "math"
//! options = { accept_unreduced_fractions = true }
//! "#)?;
//! let p = spec.build()?;
//! let out = p.score(&[
//!     Sample::new("... so the answer is $\\boxed{\\frac{2}{4}}$").with_reference("0.5"),
//!     Sample::new("The answer is 7.").with_reference("\\boxed{8}"),
//! ]);
//! assert_eq!(out[0].value, Some(1.0));
//! assert_eq!(out[1].value, Some(0.0));
//! # Ok::<(), rewardkit_core::Error>(())
//! ```

use crate::defaults;
use crate::node::{BuildNode, Leaf, Node, RewardFn};
use crate::params::Finite;
use crate::{Deadline, Result, RewardOutput, Sample, Verdict};
use rewardkit_math::{Options, Outcome};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `{type = "math", options = {...}}`: math answer equivalence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Math {
    /// Verifier policies (see `rewardkit-math`); every field defaults to the reference profile.
    #[serde(default)]
    pub options: Options,
    /// Reward when the answer is equal (default 1).
    #[serde(default = "defaults::one")]
    pub correct: Finite,
    /// Reward when it is not, has no answer, or exceeds the step budget (default 0).
    #[serde(default)]
    pub incorrect: Finite,
}

impl RewardFn for Math {
    fn score(&self, s: &Sample, deadline: Deadline) -> RewardOutput {
        let Some(reference) = &s.reference else {
            return RewardOutput::abstain("no reference").with_verdict(Verdict::NoGoldAnswer);
        };
        let golds = reference.texts();
        if golds.is_empty() {
            return RewardOutput::abstain("reference is not text")
                .with_verdict(Verdict::NoGoldAnswer);
        }
        let mut last = None;
        for gold in golds {
            let v = rewardkit_math::verify_until(
                gold,
                &s.completion,
                &self.options,
                deadline.instant(),
            );
            if v.outcome == Outcome::Equal {
                last = Some(v);
                break;
            }
            // Prefer the most informative failure: a real comparison over a missing gold.
            let keep = match (&last, v.outcome) {
                (None, _) => true,
                (Some(prev), o) => prev_rank(prev.outcome) < prev_rank(o),
            };
            if keep {
                last = Some(v);
            }
        }
        let Some(v) = last else {
            return RewardOutput::abstain("no reference").with_verdict(Verdict::NoGoldAnswer);
        };
        let mut out = match v.outcome {
            Outcome::Equal => RewardOutput::value(self.correct.get()),
            Outcome::NotEqual | Outcome::NoPredAnswer => RewardOutput::value(self.incorrect.get()),
            Outcome::NoGoldAnswer => RewardOutput::abstain(v.reason.clone()),
            Outcome::BudgetExceeded if deadline.expired() => RewardOutput::timeout(),
            Outcome::BudgetExceeded => RewardOutput::value(self.incorrect.get()),
        };
        if out.info.reason.is_none() {
            out.info.reason = Some(v.reason);
        }
        out.info.verdict = Some(if out.info.timeout {
            Verdict::Timeout
        } else {
            match v.outcome {
                Outcome::Equal => Verdict::Equal,
                Outcome::NotEqual => Verdict::NotEqual,
                Outcome::NoGoldAnswer => Verdict::NoGoldAnswer,
                Outcome::NoPredAnswer => Verdict::NoPredAnswer,
                Outcome::BudgetExceeded => Verdict::BudgetExceeded,
            }
        });
        out.info.extracted = v.pred;
        if let Some(x) = &v.extraction {
            // which extraction rule found the answer (`boxed`, `anchor`, `math_span`, ...)
            if let Ok(serde_json::Value::String(rule)) = serde_json::to_value(x.rule) {
                out.info.extra.extraction = Some(rule);
            }
        }
        if let Some(g) = v.gold {
            out.info.extra.gold = Some(g);
        }
        out
    }
}

fn prev_rank(o: Outcome) -> u8 {
    match o {
        Outcome::NoGoldAnswer => 0,
        Outcome::BudgetExceeded => 1,
        Outcome::NoPredAnswer => 2,
        Outcome::NotEqual | Outcome::Equal => 3,
    }
}

impl BuildNode for Math {
    fn build(&self, _path: &str) -> Result<Box<dyn Node>> {
        // Every parameter checked itself while the spec was read.
        Ok(Box::new(Leaf(self.clone())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(completion: &str, reference: Option<&str>) -> RewardOutput {
        let mut s = Sample::new(completion);
        if let Some(r) = reference {
            s = s.with_reference(r);
        }
        let m = Math {
            options: Options::default(),
            correct: crate::defaults::one(),
            incorrect: Finite::default(),
        };
        m.score(&s, Deadline::NONE)
    }

    #[test]
    fn verdicts_map_to_values() {
        let eq = score(
            "<think>hmm</think> so $\\boxed{\\sqrt{12}}$",
            Some("2\\sqrt{3}"),
        );
        assert_eq!(eq.value, Some(1.0));
        assert_eq!(eq.info.verdict, Some(Verdict::Equal));
        let ne = score("\\boxed{\\frac{1}{2006!}}", Some("\\frac{1}{2004!}"));
        assert_eq!(ne.value, Some(0.0));
        assert_eq!(ne.info.verdict, Some(Verdict::NotEqual));
        let none = score("anything", None);
        assert!(none.is_abstention());
    }

    #[test]
    fn any_listed_reference_may_match() {
        let mut s = Sample::new("\\boxed{3}");
        s.reference = Some(crate::Reference::List(vec!["2".into(), "3".into()]));
        let m = Math {
            options: Options::default(),
            correct: crate::defaults::one(),
            incorrect: Finite::default(),
        };
        assert_eq!(m.score(&s, Deadline::NONE).value, Some(1.0));
    }

    #[test]
    fn expired_deadline_is_a_timeout() {
        let m = Math {
            options: Options::default(),
            correct: crate::defaults::one(),
            incorrect: Finite::default(),
        };
        let d = Deadline::after(std::time::Duration::ZERO);
        let out = m.score(
            &Sample::new("\\boxed{x^2+2x+1}").with_reference("(x+1)^2"),
            d,
        );
        // The verifier checks the deadline as soon as it has scanned the completion: a deadline
        // that has already passed is always a timeout, never a verdict.
        assert!(out.info.timeout, "{out:?}");
        assert_eq!(out.info.verdict, Some(Verdict::Timeout));
        assert_eq!(out.value, None); // the pipeline sets `timeout_value` (see node.rs)
    }
}
