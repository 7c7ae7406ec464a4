//! Verification policies ([`Options`]) and their reference defaults.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Which `\boxed{}` / anchor match wins when a text holds several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MatchPolicy {
    /// The first match in the text.
    First,
    /// The last match in the text (reference default: the final answer comes last).
    Last,
}

/// How text before a `</think>` tag is treated in the prediction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ThinkPolicy {
    /// Grade the whole text; `</think>` has no meaning.
    Ignore,
    /// Grade only the text after the last `</think>` when the tag is present (reference default);
    /// a `<think>` that is never closed (a truncated generation) leaves no answer.
    AfterIfPresent,
    /// Require a `</think>` tag (DeepScaleR style); without it there is no predicted answer.
    Require,
}

/// How a percentage such as `50\%` is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PercentPolicy {
    /// `50\%` means `50` (the sign is dropped, Hendrycks / PRM800K).
    Strip,
    /// `50\%` means `1/2` (Math-Verify with antlr 4.13.2).
    Fraction,
    /// Either reading is accepted (reference default): `50\%` equals both `50` and `0.5`.
    Either,
}

/// How a bare comma list such as `1, 2` (no brackets) is compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CommaListPolicy {
    /// Order-insensitive, like a set (reference default, Math-Verify; "enter all solutions").
    Set,
    /// Ordered, like a tuple (Qwen `math_equal`, PRM800K).
    Tuple,
}

/// Whether a relation (inequality) and an interval may be compared with each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RelationIntervalPolicy {
    /// Never: `x < 2` and `(-\infty, 2)` are different answers.
    Never,
    /// A gold inequality may match a predicted interval, not the reverse (Math-Verify's
    /// asymmetry).
    GoldRelationOnly,
    /// Both directions (reference default: a careful grader accepts `-1 \le x \le 3` for
    /// `[-1, 3]`; the relation must be in one variable, so nothing else is accepted).
    Both,
}

/// Verification policies. `Options::default()` gives the reference defaults documented on each
/// field; the struct is embedded as the params of the pipeline reward function `math`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// Accept an unreduced fraction such as `\frac{2}{4}` for `\frac{1}{2}` (default `true`,
    /// like Math-Verify and Qwen; PRM800K uses `false`).
    pub accept_unreduced_fractions: bool,
    /// How percentages are read (default `either`).
    pub percent: PercentPolicy,
    /// Relative numeric tolerance. `0` (default) means exact comparison only: decimals are exact
    /// rationals and `\frac{\pi}{2}` differs from `1.5708`. Qwen's `math_equal` uses `1e-4`.
    pub rel_tol: f64,
    /// Accept a predicted decimal that equals the gold value correctly rounded to the number of
    /// decimals written (at least `rounded_decimals_min_digits` of them), e.g. `0.333` for
    /// `\frac{1}{3}` (default `false`).
    pub accept_rounded_decimals: bool,
    /// Minimum number of written decimals for `accept_rounded_decimals` (default `2`).
    pub rounded_decimals_min_digits: u32,
    /// How a bare comma list without brackets is compared (default `set`).
    pub comma_list: CommaListPolicy,
    /// Strip units and unit words (`\text{cm}`, `\mathrm{kg}`, `5 dollars`, `^\circ`) (default
    /// `true`).
    pub strip_units: bool,
    /// Unwrap a simple assignment `x = 3` to `3` when the other side is not an equation
    /// (default `true`).
    pub unwrap_assignment: bool,
    /// Whether an inequality and an interval may be compared (default `both`).
    pub relation_interval: RelationIntervalPolicy,
    /// Accept a predicted equation when the gold is a plain value and the last side of the
    /// predicted chain `a = b = 3` equals the gold (default `true`; never the reverse).
    pub pred_equation_chain: bool,
    /// A decimal agrees with an exact value (the other side) when they differ by less than one
    /// unit in this decimal place and the decimal has at least this many decimals written:
    /// `0.428571428571` equals `\frac{3}{7}`, `0.43` does not (default `6`, Math-Verify's float
    /// rounding; `0` turns it off).
    pub float_digits: u32,
    /// When the gold is a single decimal number (`3.5`), read a prediction `3,5` with a decimal
    /// comma (French, German, …) instead of as the list `3, 5` (default `true`).
    pub decimal_comma: bool,
    /// Read `1,000` as one thousand (a comma followed by exactly three digits) (default `true`).
    pub thousands_separators: bool,
    /// Read `2\frac{1}{2}` and `2 1/2` as the mixed number `5/2` (default `true`).
    pub mixed_numbers: bool,
    /// Which match wins when the text holds several boxed answers or anchors (default `last`).
    pub match_policy: MatchPolicy,
    /// How text before `</think>` is treated in the prediction (default `after_if_present`).
    pub think: ThinkPolicy,
    /// Extract the gold answer from `\boxed{}` / anchors too; when `false` the gold string is
    /// parsed as it is (default `true`).
    pub extract_gold: bool,
    /// When the prediction has no anchor (`\boxed`, "answer:", `####`, `$...$`), use the last
    /// number in the text (default `true`).
    pub fallback_last_number: bool,
    /// Work budget in steps ("fuel") for one call: every parser token, arithmetic operation and
    /// evaluation point costs at least one step (default `200000`, about a few milliseconds).
    pub max_steps: u64,
    /// Longest input accepted, in bytes, per side; longer inputs are cut to their last
    /// `max_input_bytes` bytes before extraction (default `1000000`).
    pub max_input_bytes: usize,
    /// Longest extracted answer, in bytes; longer answers give `budget_exceeded` (default `4096`).
    pub max_answer_bytes: usize,
    /// Maximum nesting depth of the parser and evaluator (default `64`); the parser allows
    /// `4 * max_depth` recursive steps, about 30 levels of brackets.
    pub max_depth: u32,
    /// Largest integer (in bits) built by exact arithmetic, e.g. by powers and factorials;
    /// beyond it the call gives `budget_exceeded` unless the answers are identical after
    /// normalisation (default `32768`, enough for `2006!`).
    pub max_bits: u64,
    /// Fill [`crate::Verdict::steps`] with a human-readable trace (default `false`).
    pub explain: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            accept_unreduced_fractions: true,
            percent: PercentPolicy::Either,
            rel_tol: 0.0,
            accept_rounded_decimals: false,
            rounded_decimals_min_digits: 2,
            comma_list: CommaListPolicy::Set,
            strip_units: true,
            unwrap_assignment: true,
            relation_interval: RelationIntervalPolicy::Both,
            pred_equation_chain: true,
            float_digits: 6,
            decimal_comma: true,
            thousands_separators: true,
            mixed_numbers: true,
            match_policy: MatchPolicy::Last,
            think: ThinkPolicy::AfterIfPresent,
            extract_gold: true,
            fallback_last_number: true,
            max_steps: 200_000,
            max_input_bytes: 1_000_000,
            max_answer_bytes: 4096,
            max_depth: 64,
            max_bits: 32_768,
            explain: false,
        }
    }
}

impl Options {
    /// The PRM800K-like strict profile: unreduced fractions rejected, bare lists ordered,
    /// percentages stripped.
    pub fn prm800k() -> Self {
        Options {
            accept_unreduced_fractions: false,
            comma_list: CommaListPolicy::Tuple,
            percent: PercentPolicy::Strip,
            ..Options::default()
        }
    }

    /// A lenient profile close to Qwen2.5-Math `math_equal`: relative tolerance `1e-4`.
    pub fn lenient() -> Self {
        Options {
            rel_tol: 1e-4,
            accept_rounded_decimals: true,
            relation_interval: RelationIntervalPolicy::Both,
            ..Options::default()
        }
    }
}
