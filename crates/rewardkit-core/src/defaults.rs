//! The default values of spec fields, in one place (`#[serde(default = "defaults::...")]`).
//! Values that come from a trainer or a paper are named in [`crate::constants`].

use crate::constants::{l1, lsc, open_r1, par, rlcr, trl};
use crate::params::{AtLeastOne, Ddof, Finite, NonEmpty, NonNegative, NonPositive, Positive};

/// `true`.
pub(crate) fn yes() -> bool {
    true
}

/// 1.0: the usual reward for a hit, a weight, a scale.
pub(crate) fn one() -> Finite {
    Finite::trusted(1.0)
}

/// 1.0 where the rule is ≥ 0 (a penalty factor).
pub(crate) fn one_non_negative() -> NonNegative {
    NonNegative::trusted(1.0)
}

/// 0.5: the usual correctness threshold and centre.
pub(crate) fn half() -> Finite {
    Finite::trusted(0.5)
}

/// Milliseconds one reward-function call may take on one sample.
pub(crate) fn timeout_ms() -> u64 {
    10_000
}

/// `ddof` of group and batch statistics ([`trl::STD_DDOF`]).
pub(crate) fn std_ddof() -> Ddof {
    Ddof::trusted(trl::STD_DDOF)
}

/// `eps` added to the std ([`trl::STD_EPS`]).
pub(crate) fn std_eps() -> NonNegative {
    NonNegative::trusted(trl::STD_EPS)
}

/// [`trl::REPETITION_NGRAM_SIZE`].
pub(crate) fn repetition_ngram_size() -> AtLeastOne {
    AtLeastOne::trusted(trl::REPETITION_NGRAM_SIZE)
}

/// [`trl::REPETITION_MAX_PENALTY`].
pub(crate) fn repetition_max_penalty() -> NonPositive {
    NonPositive::trusted(trl::REPETITION_MAX_PENALTY)
}

/// [`open_r1::COSINE_MIN_VALUE_WRONG`].
pub(crate) fn cosine_min_value_wrong() -> Finite {
    Finite::trusted(open_r1::COSINE_MIN_VALUE_WRONG)
}

/// [`open_r1::COSINE_MAX_VALUE_WRONG`].
pub(crate) fn cosine_max_value_wrong() -> Finite {
    Finite::trusted(open_r1::COSINE_MAX_VALUE_WRONG)
}

/// [`open_r1::COSINE_MIN_VALUE_CORRECT`].
pub(crate) fn cosine_min_value_correct() -> Finite {
    Finite::trusted(open_r1::COSINE_MIN_VALUE_CORRECT)
}

/// [`open_r1::COSINE_MAX_VALUE_CORRECT`].
pub(crate) fn cosine_max_value_correct() -> Finite {
    Finite::trusted(open_r1::COSINE_MAX_VALUE_CORRECT)
}

/// [`open_r1::COSINE_MAX_LEN`].
pub(crate) fn cosine_max_len() -> AtLeastOne {
    AtLeastOne::trusted(open_r1::COSINE_MAX_LEN)
}

/// [`lsc::QUANTILE`].
pub(crate) fn lsc_quantile() -> f64 {
    lsc::QUANTILE
}

/// [`lsc::REF_DDOF`].
pub(crate) fn ref_ddof() -> Ddof {
    Ddof::trusted(lsc::REF_DDOF)
}

/// PAR's sigmoid slope k: 1.
pub(crate) fn par_k() -> Positive {
    Positive::trusted(1.0)
}

/// [`par::MAX_REFS`].
pub(crate) fn par_max_refs() -> AtLeastOne {
    AtLeastOne::trusted(par::MAX_REFS)
}

/// [`l1::ALPHA`].
pub(crate) fn l1_alpha() -> NonNegative {
    NonNegative::trusted(l1::ALPHA)
}

/// [`l1::TARGET_FIELD`].
pub(crate) fn l1_target_field() -> NonEmpty {
    NonEmpty::trusted(l1::TARGET_FIELD.into())
}

/// [`rlcr::FORMAT_FAIL_VALUE`].
pub(crate) fn rlcr_format_fail_value() -> Finite {
    Finite::trusted(rlcr::FORMAT_FAIL_VALUE)
}

/// `remote`: samples per request.
pub(crate) fn remote_batch_size() -> usize {
    32
}

/// `remote`: requests in flight at once.
pub(crate) fn remote_concurrency() -> usize {
    4
}

/// `remote`: milliseconds one HTTP request may take.
pub(crate) fn remote_request_timeout_ms() -> u64 {
    30_000
}

/// `remote`: retries of a failed request (5xx, connection errors).
pub(crate) fn remote_retries() -> u32 {
    3
}

/// `remote`: the first backoff between retries, in milliseconds.
pub(crate) fn remote_backoff_ms() -> u64 {
    200
}
