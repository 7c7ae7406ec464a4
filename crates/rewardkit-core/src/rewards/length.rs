//! Length rewards: `kimi_length`, `l1_length`, `dapo_overlong`, `soft_overlong`.
//!
//! All four measure a completion's length L in the unit given by `length`:
//! `"chars"` (Unicode scalar values; **the default**), `"bytes"` (UTF-8 bytes), `"words"`
//! (whitespace-separated words, as Python's `str.split()`), or `{field = "num_tokens"}`: a
//! token count precomputed in the sample's `scores` or `metadata` (rewardkit-core has no
//! tokenizer). The papers count **tokens**, so their lengths (`max_response_length = 20480`,
//! "Think for 512 tokens") mean tokens: use `{field = ...}` to reproduce them exactly. A missing,
//! negative or non-finite length field → the sample abstains, with the reason.
//!
//! **`kimi_length`** (Kimi k1.5, arXiv 2501.12599 §2.3.3). Group-wise: for
//! the samples of one group (one prompt), with min/max over the group's measurable lengths,
//! λᵢ = 0.5 − (Lᵢ − min)/(max − min) (0 when max = min), and rᵢ = λᵢ if sample i is correct,
//! else min(0, λᵢ). Range [−0.5, 0.5]. Correctness comes from the child node `correct` (a
//! sample is correct when its value is ≥ `threshold`, default 0.5). A sample whose correctness
//! is unknown abstains, but its length still counts in min/max.
//!
//! **`l1_length`** (L1/LCPO, Aggarwal & Welleck, arXiv 2503.04697), with
//! c = 1\[correct\] and the target length n_gold:
//! - `mode = "exact"` (default): r = c − α·|n_gold − L|;
//! - `mode = "max"`: r = c · clip(α·(n_gold − L) + δ, 0, 1).
//!
//! Defaults are the paper's α = 0.0003, δ = 0.5. The L1 code uses α = 1/3000 (Exact) and
//! α = 1/1000 (Max) instead: set `alpha` for that. n_gold is read from the sample field
//! `target_field` (default `num_tokens_target`; a negative value, the L1 code's marker for Max
//! mode, is read as its absolute value; the mode comes from `mode`), else from the last
//! "Think for N tokens" / "Think for maximum N tokens" in the prompt (case-insensitive); else
//! the sample abstains.
//!
//! **`dapo_overlong`** (verl `verl/workers/reward_manager/dapo.py`, the overlong buffer):
//! expected = `max_response_length` − `buffer_length`;
//! r = min(−(L − expected)/`buffer_length` · `penalty_factor`, 0). Not clipped below (in verl,
//! L cannot exceed `max_response_length`). `penalty_factor` defaults to 1.0 (verl's default).
//!
//! **`soft_overlong`** (DAPO paper; TRL `get_soft_overlong_punishment(max_completion_len,
//! soft_punish_cache)`): with Lmax = `max_length`, Lcache = `cache_length`:
//! r = 0 if L ≤ Lmax − Lcache; ((Lmax − Lcache) − L)/Lcache if Lmax − Lcache < L ≤ Lmax;
//! −1 if L > Lmax.
//!
//! Every length reward reports `info.extra.length` (and `l1_length` also `target`).
//!
//! ```
//! use rewardkit_core::{PipelineSpec, Sample};
//! let spec = PipelineSpec::from_toml(r#"
//! schema_version = 1
//! [reward]
//! type = "kimi_length"
//! correct = { type = "number_match" }
//! "#)?;
//! let p = spec.build()?;
//! let samples: Vec<Sample> = [(100, "4"), (200, "5"), (300, "4"), (400, "5")]
//!     .into_iter()
//!     .map(|(n, a)| Sample::new(format!("{}{a}", "x".repeat(n - 1))).with_reference("4").with_group("q"))
//!     .collect();
//! let v: Vec<f64> = p.score(&samples).iter().map(|o| o.value.unwrap()).collect();
//! // Kimi k1.5 §2.3.3 by hand: [0.5, 0, −1/6, −0.5]
//! assert_eq!(v[0], 0.5);
//! assert_eq!(v[1], 0.0);
//! assert!((v[2] + 1.0 / 6.0).abs() < 1e-12);
//! assert_eq!(v[3], -0.5);
//! # Ok::<(), rewardkit_core::Error>(())
//! ```

use super::correctness::Correctness;
use crate::defaults;
use crate::node::{Batch, BuildNode, Leaf, Node, RewardFn, Scope};
use crate::params::{Finite, NonEmpty, NonNegative};
use crate::text::python::py_words;
use crate::NodeSpec;
use crate::{Deadline, Error, Result, RewardOutput, Sample};
use regex::Regex;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A built-in length unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Unicode scalar values.
    Chars,
    /// UTF-8 bytes.
    Bytes,
    /// Whitespace-separated words (Python `str.split()`).
    Words,
}

/// A length read from a sample field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LengthField {
    /// The field in `scores` or `metadata` (dotted names walk into objects).
    pub field: String,
}

/// How a completion's length is measured.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum LengthUnit {
    /// `"chars"`, `"bytes"` or `"words"`.
    Unit(Unit),
    /// `{field = "num_tokens"}`: a precomputed count.
    Field(LengthField),
}

impl<'de> Deserialize<'de> for LengthUnit {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        use serde::de::Error as _;
        const EXPECTED: &str = "expected \"chars\", \"bytes\", \"words\" or {field = \"...\"}";
        let v = serde_json::Value::deserialize(d)?;
        if v.is_string() {
            return serde_json::from_value(v)
                .map(LengthUnit::Unit)
                .map_err(|_| D::Error::custom(EXPECTED));
        }
        serde_json::from_value(v)
            .map(LengthUnit::Field)
            .map_err(|e| D::Error::custom(format!("{EXPECTED}: {e}")))
    }
}

impl Default for LengthUnit {
    fn default() -> Self {
        LengthUnit::Unit(Unit::Chars)
    }
}

impl LengthUnit {
    /// The completion's length, or why it cannot be measured.
    pub fn measure(&self, s: &Sample) -> std::result::Result<f64, String> {
        Ok(match self {
            LengthUnit::Unit(Unit::Chars) => s.completion.chars().count() as f64,
            LengthUnit::Unit(Unit::Bytes) => s.completion.len() as f64,
            LengthUnit::Unit(Unit::Words) => py_words(&s.completion).count() as f64,
            LengthUnit::Field(f) => match s.number(&f.field) {
                Some(n) if n.is_finite() && n >= 0.0 => n,
                Some(n) => return Err(format!("length field `{}` is {n}", f.field)),
                None => return Err(format!("length field `{}` missing", f.field)),
            },
        })
    }

    fn check(&self, path: &str) -> Result<()> {
        match self {
            LengthUnit::Field(f) if f.field.is_empty() => Err(Error::spec(
                format!("{path}.length.field"),
                "must not be empty",
            )),
            _ => Ok(()),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// kimi_length

/// `{type = "kimi_length", correct = {...}, threshold = 0.5, length = "chars"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KimiLength {
    /// The node that says whether each sample is correct.
    pub correct: Box<NodeSpec>,
    /// Correct when the `correct` node's value is ≥ this (default 0.5).
    #[serde(default = "defaults::half")]
    pub threshold: Finite,
    /// Length unit (default `chars`).
    #[serde(default)]
    pub length: LengthUnit,
}

#[derive(Debug)]
struct KimiNode {
    correct: Correctness,
    length: LengthUnit,
}

/// The Kimi k1.5 length reward for one group: `lens[i]` (`None`: unmeasurable) and
/// `correct[i]`; `None` in the result where either is unknown.
pub fn kimi_rewards(lens: &[Option<f64>], correct: &[Option<bool>]) -> Vec<Option<f64>> {
    let known = lens.iter().flatten();
    let min = known.clone().copied().fold(f64::INFINITY, f64::min);
    let max = known.copied().fold(f64::NEG_INFINITY, f64::max);
    lens.iter()
        .zip(correct)
        .map(|(l, c)| {
            let (l, c) = (l.as_ref()?, c.as_ref()?);
            let lambda = if max > min {
                0.5 - (l - min) / (max - min)
            } else {
                0.0
            };
            Some(if *c { lambda } else { lambda.min(0.0) })
        })
        .collect()
}

impl Node for KimiNode {
    fn eval(&self, batch: &Batch<'_>) -> Vec<RewardOutput> {
        let children = self.correct.eval(batch);
        let lens: Vec<_> = batch
            .samples
            .iter()
            .map(|s| self.length.measure(s))
            .collect();
        let mut outs: Vec<RewardOutput> = children.iter().map(|c| self.correct.seed(c)).collect();
        for members in batch.groups() {
            let l: Vec<Option<f64>> = members.iter().map(|&i| lens[i].clone().ok()).collect();
            let c: Vec<Option<bool>> = members
                .iter()
                .map(|&i| children.get(i).and_then(|o| self.correct.judge(o)))
                .collect();
            for ((&i, r), len) in members.iter().zip(kimi_rewards(&l, &c)).zip(&l) {
                let out = &mut outs[i];
                out.value = r;
                if let Some(len) = len {
                    out.info.extra.length = Some(*len);
                }
                if r.is_none() {
                    out.info.reason = Some(match (&lens[i], children.get(i)) {
                        (Err(e), _) => e.clone(),
                        (Ok(_), Some(ch)) => Correctness::abstain_reason(ch),
                        (Ok(_), None) => "correctness unknown".into(),
                    });
                }
            }
        }
        outs
    }

    fn scope(&self) -> Scope {
        self.correct.scope().max(Scope::Group)
    }
}

impl BuildNode for KimiLength {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        self.length.check(path)?;
        Ok(Box::new(KimiNode {
            correct: Correctness::build(&self.correct, self.threshold, path)?,
            length: self.length.clone(),
        }))
    }
}

// ---------------------------------------------------------------------------------------------
// l1_length

/// L1's two reward shapes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum L1Mode {
    /// L1-Exact: c − α·|n_gold − L| (default).
    #[default]
    Exact,
    /// L1-Max: c · clip(α·(n_gold − L) + δ, 0, 1).
    Max,
}

/// `{type = "l1_length", correct = {...}, mode = "exact", alpha = 0.0003, delta = 0.5, ...}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct L1Length {
    /// The node that says whether each sample is correct.
    pub correct: Box<NodeSpec>,
    /// Correct when the `correct` node's value is ≥ this (default 0.5).
    #[serde(default = "defaults::half")]
    pub threshold: Finite,
    /// `exact` (default) or `max`.
    #[serde(default)]
    pub mode: L1Mode,
    /// α, the length slope (default 0.0003, the paper's; the L1 code uses 1/3000 for Exact and
    /// 1/1000 for Max).
    #[serde(default = "defaults::l1_alpha")]
    pub alpha: NonNegative,
    /// δ, the Max-mode offset (default 0.5).
    #[serde(default = "defaults::half")]
    pub delta: Finite,
    /// Sample field holding n_gold (default `num_tokens_target`); without it, the prompt's
    /// "Think for (maximum) N tokens" is used.
    #[serde(default = "defaults::l1_target_field")]
    pub target_field: NonEmpty,
    /// Length unit (default `chars`).
    #[serde(default)]
    pub length: LengthUnit,
}

/// The L1 reward for one sample.
pub fn l1_reward(mode: L1Mode, alpha: f64, delta: f64, correct: bool, n_gold: f64, n: f64) -> f64 {
    let c = if correct { 1.0 } else { 0.0 };
    match mode {
        L1Mode::Exact => c - alpha * (n_gold - n).abs(),
        L1Mode::Max => c * (alpha * (n_gold - n) + delta).clamp(0.0, 1.0),
    }
}

#[derive(Debug)]
struct L1Node {
    spec: L1Length,
    correct: Correctness,
    prompt_re: Regex,
}

impl L1Node {
    fn target(&self, s: &Sample) -> Option<f64> {
        if let Some(n) = s.number(&self.spec.target_field).filter(|n| n.is_finite()) {
            return Some(n.abs());
        }
        let prompt = s.prompt.as_ref()?.text();
        let caps = self.prompt_re.captures_iter(&prompt).last()?;
        caps.get(1)?.as_str().parse::<f64>().ok()
    }
}

impl Node for L1Node {
    fn eval(&self, batch: &Batch<'_>) -> Vec<RewardOutput> {
        let children = self.correct.eval(batch);
        batch
            .samples
            .iter()
            .zip(&children)
            .map(|(s, ch)| {
                let mut out = self.correct.seed(ch);
                let len = match self.spec.length.measure(s) {
                    Ok(l) => l,
                    Err(e) => return out.with_reason(e),
                };
                out.info.extra.length = Some(len);
                let Some(gold) = self.target(s) else {
                    return out.with_reason(format!(
                        "no target length: no field `{}` and no \"Think for N tokens\" in the prompt",
                        self.spec.target_field
                    ));
                };
                out.info.extra.target = Some(gold);
                let Some(c) = self.correct.judge(ch) else {
                    return out.with_reason(Correctness::abstain_reason(ch));
                };
                out.value = Some(l1_reward(
                    self.spec.mode,
                    self.spec.alpha.get(),
                    self.spec.delta.get(),
                    c,
                    gold,
                    len,
                ));
                out
            })
            .collect()
    }

    fn scope(&self) -> Scope {
        self.correct.scope()
    }
}

impl BuildNode for L1Length {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        self.length.check(path)?;
        let prompt_re = Regex::new(r"(?i)think\s+for\s+(?:maximum\s+)?(\d+)\s+tokens")
            .map_err(|e| Error::spec_pattern(path, format!("internal pattern: {e}")))?;
        Ok(Box::new(L1Node {
            spec: self.clone(),
            correct: Correctness::build(&self.correct, self.threshold, path)?,
            prompt_re,
        }))
    }
}

// ---------------------------------------------------------------------------------------------
// dapo_overlong

/// `{type = "dapo_overlong", max_response_length = 20480, buffer_length = 4096, penalty_factor = 1.0}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DapoOverlong {
    /// The generation limit (verl `max_response_length`).
    pub max_response_length: u64,
    /// The overlong buffer (verl `overlong_buffer.len`), 1 ..= `max_response_length`.
    pub buffer_length: u64,
    /// Penalty at the limit (verl `overlong_buffer.penalty_factor`, default 1.0).
    #[serde(default = "defaults::one_non_negative")]
    pub penalty_factor: NonNegative,
    /// Length unit (default `chars`).
    #[serde(default)]
    pub length: LengthUnit,
}

/// verl's DAPO overlong penalty: min(−(L − (max − buffer))/buffer · factor, 0).
pub fn dapo_overlong(max: f64, buffer: f64, factor: f64, len: f64) -> f64 {
    let expected = max - buffer;
    (-(len - expected) / buffer * factor).min(0.0)
}

impl RewardFn for DapoOverlong {
    fn score(&self, s: &Sample, _: Deadline) -> RewardOutput {
        match self.length.measure(s) {
            Ok(len) => RewardOutput::value(dapo_overlong(
                self.max_response_length as f64,
                self.buffer_length as f64,
                self.penalty_factor.get(),
                len,
            ))
            .with_extra("length", len),
            Err(e) => RewardOutput::abstain(e),
        }
    }
}

impl BuildNode for DapoOverlong {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        if self.buffer_length == 0 || self.buffer_length > self.max_response_length {
            return Err(Error::spec_conflict(
                format!("{path}.buffer_length"),
                format!(
                    "must be in 1..={} (max_response_length), got {}",
                    self.max_response_length, self.buffer_length
                ),
            ));
        }
        self.length.check(path)?;
        Ok(Box::new(Leaf(self.clone())))
    }
}

// ---------------------------------------------------------------------------------------------
// soft_overlong

/// `{type = "soft_overlong", max_length = 4096, cache_length = 512}` (DAPO / TRL).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SoftOverlong {
    /// L_max (TRL `max_completion_len`).
    pub max_length: u64,
    /// L_cache (TRL `soft_punish_cache`), 0 ..= `max_length`.
    pub cache_length: u64,
    /// Length unit (default `chars`).
    #[serde(default)]
    pub length: LengthUnit,
}

/// DAPO's soft overlong punishment.
pub fn soft_overlong(max: f64, cache: f64, len: f64) -> f64 {
    if len <= max - cache {
        0.0
    } else if len <= max {
        (max - cache - len) / cache
    } else {
        -1.0
    }
}

impl RewardFn for SoftOverlong {
    fn score(&self, s: &Sample, _: Deadline) -> RewardOutput {
        match self.length.measure(s) {
            Ok(len) => RewardOutput::value(soft_overlong(
                self.max_length as f64,
                self.cache_length as f64,
                len,
            ))
            .with_extra("length", len),
            Err(e) => RewardOutput::abstain(e),
        }
    }
}

impl BuildNode for SoftOverlong {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        if self.cache_length > self.max_length {
            return Err(Error::spec_conflict(
                format!("{path}.cache_length"),
                format!(
                    "must be <= max_length ({}), got {}",
                    self.max_length, self.cache_length
                ),
            ));
        }
        self.length.check(path)?;
        Ok(Box::new(Leaf(self.clone())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PipelineSpec;
    use approx::assert_abs_diff_eq;

    use crate::testutil::score_toml as run;

    use crate::testutil::spec_err_toml as spec_err;

    #[test]
    fn units() {
        let s = Sample::new("héllo  wörld\u{1f}x").with_score("n", 7.0);
        let m = |u: &str| serde_json::from_str::<LengthUnit>(u).unwrap().measure(&s);
        assert_eq!(m(r#""chars""#), Ok(14.0));
        assert_eq!(m(r#""bytes""#), Ok(16.0));
        assert_eq!(m(r#""words""#), Ok(3.0)); // 0x1F separates words in Python
        assert_eq!(m(r#"{"field": "n"}"#), Ok(7.0));
        assert!(m(r#"{"field": "missing"}"#)
            .unwrap_err()
            .contains("missing"));
        assert!(serde_json::from_str::<LengthUnit>(r#"{"field": "n", "x": 1}"#).is_err());
        let e = serde_json::from_str::<LengthUnit>(r#""tokens""#).unwrap_err();
        assert!(e.to_string().contains("expected \"chars\""), "{e}");
    }

    #[test]
    fn kimi_test_vector() {
        // Kimi k1.5 §2.3.3 by hand: lengths [100,200,300,400], correct [1,0,1,0]
        // -> [0.5, 0, -0.166667, -0.5]
        let r = kimi_rewards(
            &[Some(100.0), Some(200.0), Some(300.0), Some(400.0)],
            &[Some(true), Some(false), Some(true), Some(false)],
        );
        let r: Vec<f64> = r.into_iter().map(Option::unwrap).collect();
        assert_abs_diff_eq!(r[0], 0.5, epsilon = 1e-12);
        assert_abs_diff_eq!(r[1], 0.0, epsilon = 1e-12);
        assert_abs_diff_eq!(r[2], -1.0 / 6.0, epsilon = 1e-12);
        assert_abs_diff_eq!(r[3], -0.5, epsilon = 1e-12);
        // all lengths equal -> 0 for everyone
        assert_eq!(
            kimi_rewards(&[Some(5.0); 3], &[Some(true), Some(false), Some(true)]),
            vec![Some(0.0); 3]
        );
    }

    #[test]
    fn kimi_node_groups_and_abstentions() {
        let mk = |g: &str, n: f64, ok: Option<f64>| {
            let mut s = Sample::new("").with_group(g).with_score("tok", n);
            if let Some(ok) = ok {
                s = s.with_score("ok", ok);
            }
            s
        };
        let samples = vec![
            mk("a", 100.0, Some(1.0)),
            mk("b", 10.0, Some(1.0)),
            mk("a", 200.0, Some(0.0)),
            mk("a", 300.0, Some(1.0)),
            mk("b", 30.0, None), // unknown correctness: abstains, length still counts
            mk("a", 400.0, Some(0.0)),
            Sample::new("").with_group("b").with_score("ok", 1.0), // no length
        ];
        let out = run(
            r#"{type = "kimi_length", length = {field = "tok"}, correct = {type = "field", name = "ok"}}"#,
            &samples,
        );
        let v: Vec<Option<f64>> = out.iter().map(|o| o.value).collect();
        assert_eq!(v[0], Some(0.5));
        assert_eq!(v[2], Some(0.0));
        assert_abs_diff_eq!(v[3].unwrap(), -1.0 / 6.0, epsilon = 1e-12);
        assert_eq!(v[5], Some(-0.5));
        assert_eq!(v[1], Some(0.5)); // group b: min 10, max 30
        assert!(out[4].is_abstention());
        assert!(out[4]
            .info
            .reason
            .as_deref()
            .unwrap()
            .contains("correctness unknown"));
        assert!(out[6]
            .info
            .reason
            .as_deref()
            .unwrap()
            .contains("`tok` missing"));
        assert_eq!(out[0].components["correct"], Some(1.0));
        assert_eq!(out[0].info.extra.length, Some(100.0));
        let p = PipelineSpec::from_toml(
            "schema_version = 1\nreward = {type = \"kimi_length\", correct = {type = \"constant\", value = 1.0}}\n",
        )
        .unwrap()
        .build()
        .unwrap();
        assert_eq!(p.scope(), Scope::Group);
    }

    #[test]
    fn l1_test_vectors() {
        // L1 (arXiv 2503.04697), paper constants α = 0.0003, δ = 0.5
        let (a, d) = (0.0003, 0.5);
        assert_abs_diff_eq!(
            l1_reward(L1Mode::Exact, a, d, true, 1000.0, 1500.0),
            0.85,
            epsilon = 1e-12
        );
        assert_abs_diff_eq!(
            l1_reward(L1Mode::Max, a, d, true, 1000.0, 1500.0),
            0.35,
            epsilon = 1e-12
        );
        assert_abs_diff_eq!(
            l1_reward(L1Mode::Max, a, d, true, 1000.0, 500.0),
            0.65,
            epsilon = 1e-12
        );
        assert_eq!(l1_reward(L1Mode::Max, a, d, false, 1000.0, 500.0), 0.0);
        assert_abs_diff_eq!(l1_reward(L1Mode::Exact, a, d, false, 1000.0, 1000.0), 0.0);
        // code constants: 1/3000 (Exact), 1/1000 (Max)
        assert_abs_diff_eq!(
            l1_reward(L1Mode::Exact, 1.0 / 3000.0, d, true, 1000.0, 1500.0),
            0.833333,
            epsilon = 1e-6
        );
        assert_abs_diff_eq!(
            l1_reward(L1Mode::Max, 1.0 / 1000.0, d, true, 1000.0, 1500.0),
            0.0
        );
    }

    #[test]
    fn l1_node_targets() {
        let samples = vec![
            // target from the field
            Sample::new("")
                .with_score("num_tokens_target", 1000.0)
                .with_score("n", 1500.0)
                .with_score("ok", 1.0),
            // target from the prompt (Max wording)
            Sample::new("")
                .with_prompt("Solve x. Think for maximum 1000 tokens.")
                .with_score("n", 500.0)
                .with_score("ok", 1.0),
            // L1 code's negative marker
            Sample::new("")
                .with_score("num_tokens_target", -1000.0)
                .with_score("n", 1500.0)
                .with_score("ok", 0.0),
            Sample::new("").with_score("n", 5.0).with_score("ok", 1.0),
        ];
        let out = run(
            r#"{type = "l1_length", length = {field = "n"}, correct = {type = "field", name = "ok"}}"#,
            &samples,
        );
        assert_abs_diff_eq!(out[0].value.unwrap(), 0.85, epsilon = 1e-12);
        assert_abs_diff_eq!(out[1].value.unwrap(), 1.0 - 0.15, epsilon = 1e-12);
        assert_abs_diff_eq!(out[2].value.unwrap(), -0.15, epsilon = 1e-12);
        assert!(out[3].is_abstention());
        assert!(out[3]
            .info
            .reason
            .as_deref()
            .unwrap()
            .contains("no target length"));
        assert_eq!(out[1].info.extra.target, Some(1000.0));
        let out = run(
            r#"{type = "l1_length", mode = "max", length = {field = "n"}, correct = {type = "field", name = "ok"}}"#,
            &samples,
        );
        assert_abs_diff_eq!(out[0].value.unwrap(), 0.35, epsilon = 1e-12);
        assert_abs_diff_eq!(out[1].value.unwrap(), 0.65, epsilon = 1e-12);
        assert_eq!(out[2].value, Some(0.0));
    }

    #[test]
    fn dapo_overlong_values() {
        // verl dapo.py with the DAPO recipe: max_response_length 20480, buffer 4096, factor 1.0
        let f = |l: f64| dapo_overlong(20480.0, 4096.0, 1.0, l);
        assert_eq!(f(10000.0), 0.0);
        assert_eq!(f(16384.0), 0.0);
        assert_abs_diff_eq!(f(18432.0), -0.5, epsilon = 1e-12);
        assert_abs_diff_eq!(f(20480.0), -1.0, epsilon = 1e-12);
        assert_abs_diff_eq!(
            dapo_overlong(20480.0, 4096.0, 0.5, 20480.0),
            -0.5,
            epsilon = 1e-12
        );
        let out = run(
            r#"{type = "dapo_overlong", max_response_length = 10, buffer_length = 4}"#,
            &[
                Sample::new("abcdefgh"),
                Sample::new("abcdef"),
                Sample::new("abcdefghij"),
            ],
        );
        assert_eq!(out[0].value, Some(-0.5));
        assert_eq!(out[1].value, Some(0.0));
        assert_eq!(out[2].value, Some(-1.0));
        assert_eq!(out[0].info.extra.length, Some(8.0));
        assert_eq!(
            spec_err(r#"{type = "dapo_overlong", max_response_length = 10, buffer_length = 11}"#),
            "reward.buffer_length"
        );
        assert_eq!(
            spec_err(r#"{type = "dapo_overlong", max_response_length = 10, buffer_length = 0}"#),
            "reward.buffer_length"
        );
        assert_eq!(
            spec_err(
                r#"{type = "dapo_overlong", max_response_length = 10, buffer_length = 2, penalty_factor = -1.0}"#
            ),
            "reward.penalty_factor"
        );
    }

    #[test]
    fn soft_overlong_trl_cases() {
        // TRL tests: max_completion_len=100, soft_punish_cache=20 -> 50: 0, 90: -0.5, 110: -1
        assert_eq!(soft_overlong(100.0, 20.0, 50.0), 0.0);
        assert_eq!(soft_overlong(100.0, 20.0, 80.0), 0.0);
        assert_abs_diff_eq!(soft_overlong(100.0, 20.0, 90.0), -0.5, epsilon = 1e-12);
        assert_abs_diff_eq!(soft_overlong(100.0, 20.0, 100.0), -1.0, epsilon = 1e-12);
        assert_eq!(soft_overlong(100.0, 20.0, 110.0), -1.0);
        assert_eq!(soft_overlong(100.0, 0.0, 100.0), 0.0); // no cache: a hard cliff
        assert_eq!(soft_overlong(100.0, 0.0, 101.0), -1.0);
        let out = run(
            r#"{type = "soft_overlong", max_length = 3, cache_length = 2, length = "words"}"#,
            &[Sample::new("a b"), Sample::new("a b c d"), Sample::new("")],
        );
        assert_eq!(out[0].value, Some(-0.5));
        assert_eq!(out[1].value, Some(-1.0));
        assert_eq!(out[2].value, Some(0.0));
        assert_eq!(
            spec_err(r#"{type = "soft_overlong", max_length = 3, cache_length = 4}"#),
            "reward.cache_length"
        );
        assert_eq!(
            spec_err(
                r#"{type = "soft_overlong", max_length = 3, cache_length = 1, length = {field = ""}}"#
            ),
            "reward.length.field"
        );
        assert_eq!(
            spec_err(
                r#"{type = "soft_overlong", max_length = 3, cache_length = 1, length = "tokens"}"#
            ),
            "reward.length"
        );
    }

    #[test]
    fn l1_and_kimi_spec_errors() {
        assert_eq!(
            spec_err(
                r#"{type = "l1_length", correct = {type = "constant", value = 1.0}, alpha = -1.0}"#
            ),
            "reward.alpha"
        );
        assert_eq!(
            spec_err(r#"{type = "l1_length", correct = {type = "field", name = ""}}"#),
            "reward.correct.name"
        );
        assert_eq!(
            spec_err(r#"{type = "kimi_length", correct = {type = "regex", pattern = "("}}"#),
            "reward.correct.pattern"
        );
    }
}
