//! Reward functions: the leaves of a pipeline.
//!
//! | `type` | what | module |
//! |---|---|---|
//! | `constant` | a fixed value | [`basic`] |
//! | `field` | a precomputed score read from the sample | [`basic`] |
//! | `math` | math answer equivalence (exact, bounded; `rewardkit-math`) | [`math`] |
//! | `exact_match` | normalised string equality with a reference | [`exact_match`] |
//! | `number_match` | GSM8K-style numeric answer match (exact decimals) | [`number_match`] |
//! | `regex` | whether the completion matches a pattern | [`pattern`] |
//! | `format` | output format: `r1`, `r1_lenient`, `trl_think`, `rlcr`, `custom` | [`format`](mod@format) |
//! | `kimi_length` | Kimi k1.5 group-relative length reward | [`length`] |
//! | `l1_length` | L1/LCPO target-length reward (exact, max) | [`length`] |
//! | `dapo_overlong` | verl DAPO overlong-buffer penalty | [`length`] |
//! | `soft_overlong` | DAPO/TRL soft overlong punishment | [`length`] |
//! | `repetition_penalty` | TRL n-gram repetition penalty | [`repetition`] |
//! | `rlcr` | RLCR calibration reward (correctness + confidence) | [`rlcr`] |
//! | `tag_count` | open-r1 partial credit, 0.25 per R1 tag present once | [`open_r1`] |
//! | `cosine` | open-r1 cosine length-scaled correctness | [`open_r1`] |
//! | `learned` | a preference model fitted by `rewardkit prefs fit` (loaded by `rewardkit-prefs`) | [`learned`] |
//! | `remote` | a reward model hosted elsewhere: vLLM, SGLang, OpenRLHF, rewardkit (feature `remote`) | [`remote`] |

pub mod basic;
mod correctness;
pub mod exact_match;
pub mod format;
pub mod learned;
pub mod length;
pub mod math;
pub mod number_match;
pub mod open_r1;
pub mod pattern;
pub mod repetition;
pub mod rlcr;
// The spec type exists in every build; the HTTP client needs the `remote` feature.
pub mod remote;

/// The output of a reward that judges an extracted answer against references: `correct` with
/// verdict `equal`, or `incorrect` with verdict `not_equal`.
pub(crate) fn judged(
    ok: bool,
    correct: crate::params::Finite,
    incorrect: crate::params::Finite,
) -> crate::RewardOutput {
    if ok {
        crate::RewardOutput::value(correct.get()).with_verdict(crate::Verdict::Equal)
    } else {
        crate::RewardOutput::value(incorrect.get()).with_verdict(crate::Verdict::NotEqual)
    }
}
