//! Values taken from the trainers and papers that rewardkit reproduces, each defined once with
//! its source. The defaults of spec fields (`defaults.rs`) and the node code refer to
//! these names instead of repeating the numbers.

/// TRL (`trl/trainer/grpo_trainer.py`, `trl/rewards/`).
pub mod trl {
    /// `ddof` of TRL's group statistics: `nanstd` is the unbiased (n − 1) estimate.
    pub const STD_DDOF: u32 = 1;
    /// The `+ 1e-4` that TRL adds to the standard deviation before dividing.
    pub const STD_EPS: f64 = 1e-4;
    /// `get_repetition_penalty_reward(ngram_size=3, ...)`.
    pub const REPETITION_NGRAM_SIZE: usize = 3;
    /// `get_repetition_penalty_reward(max_penalty=-1.0)`.
    pub const REPETITION_MAX_PENALTY: f64 = -1.0;
}

/// open-r1 (`src/open_r1/rewards.py`, `get_cosine_scaled_reward`).
pub mod open_r1 {
    /// `min_value_wrong`.
    pub const COSINE_MIN_VALUE_WRONG: f64 = -1.0;
    /// `max_value_wrong`.
    pub const COSINE_MAX_VALUE_WRONG: f64 = -0.5;
    /// `min_value_correct`.
    pub const COSINE_MIN_VALUE_CORRECT: f64 = 0.5;
    /// `max_value_correct`.
    pub const COSINE_MAX_VALUE_CORRECT: f64 = 1.0;
    /// `max_len`.
    pub const COSINE_MAX_LEN: usize = 1000;
}

/// Wang et al., "Transforming and Combining Rewards for Aligning Large Language Models"
/// (ICML 2024, arXiv 2402.00742), and the PAR re-implementation of its reference quantile.
pub mod lsc {
    /// The reference reward is the 85% quantile of the reference rewards.
    pub const QUANTILE: f64 = 0.85;
    /// `ddof` of the Gaussian quantile's std: 1, as PAR's `utils.std` (`sample=True`).
    pub const REF_DDOF: u32 = 1;
}

/// Fu et al., "Reward Shaping to Mitigate Reward Hacking in RLHF" (PAR, arXiv 2502.18770).
pub mod par {
    /// The number of reference rewards used (the paper's M).
    pub const MAX_REFS: usize = 10;
}

/// Aggarwal & Welleck, "L1: Controlling How Long A Reasoning Model Thinks" (arXiv 2503.04697).
pub mod l1 {
    /// The paper's α.
    pub const ALPHA: f64 = 0.0003;
    /// The sample field the L1 code reads the target length from.
    pub const TARGET_FIELD: &str = "num_tokens_target";
}

/// Damani et al., RLCR (arXiv 2507.16806).
pub mod rlcr {
    /// The reward of a completion that breaks the format.
    pub const FORMAT_FAIL_VALUE: f64 = -2.0;
}
