//! The traits a pipeline is built from: [`RewardFn`], [`Transform`] and the tree [`Node`].
//!
//! A pipeline is a tree of [`Node`]s. Every node maps a [`Batch`] of samples to exactly one
//! [`RewardOutput`] per sample, in order. Three kinds of node cover everything:
//!
//! - a leaf wraps a per-sample [`RewardFn`] ([`Leaf`]): it runs in parallel over the batch
//!   (rayon), each call under its own [`Deadline`], and a panic becomes an error row;
//! - a transform node ([`TransformNode`]) evaluates its input node and applies a [`Transform`]
//!   per sample, within each group, or over the whole batch ([`Scope`]);
//! - a combinator ([`crate::combine`]) evaluates several named terms and merges them.
//!
//! A reward function of your own is a type that implements [`RewardFn`]; [`Leaf`] makes it a
//! node, and a [`Pipeline`](crate::Pipeline) runs it with the same guarantees as the
//! built-ins (parallel, deadlines, a panic becomes an error row):
//!
//! ```
//! use rewardkit_core::{Deadline, Leaf, Pipeline, RewardFn, RewardOutput, Sample, Settings};
//!
//! /// 1.0 when the completion ends with a full stop, else 0.0; abstains on an empty one.
//! #[derive(Debug)]
//! struct EndsWithStop;
//!
//! impl RewardFn for EndsWithStop {
//!     fn score(&self, sample: &Sample, _deadline: Deadline) -> RewardOutput {
//!         let text = sample.completion.trim_end();
//!         if text.is_empty() {
//!             return RewardOutput::abstain("empty completion");
//!         }
//!         RewardOutput::value(if text.ends_with('.') { 1.0 } else { 0.0 })
//!     }
//! }
//!
//! let pipeline = Pipeline::new(Box::new(Leaf(EndsWithStop)), Settings::default());
//! let out = pipeline.score(&[Sample::new("Done."), Sample::new("Not done"), Sample::new("")]);
//! assert_eq!(out[0].value, Some(1.0));
//! assert_eq!(out[1].value, Some(0.0));
//! assert_eq!(out[2].value, None);
//! assert!(out[2].is_abstention());
//! ```
//!
//! To make it a `type` of the pipeline spec, give it a parameters struct and a
//! [`BuildNode`] impl and add one line to `node_specs!` in `spec.rs`
//! (`ARCHITECTURE.md` at the repository root walks through it).

use crate::{Deadline, GroupKey, RewardOutput, Sample};
use rayon::prelude::*;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt::Debug;
use std::panic::AssertUnwindSafe;
use std::time::Duration;

/// How much of the batch a node needs to see at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scope {
    /// Each sample on its own.
    Sample,
    /// All samples of one group (GRPO-style).
    Group,
    /// The whole batch.
    Batch,
}

/// Which set a statistic is computed over.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SetScope {
    /// Within each group (GRPO: the completions of one prompt). The default.
    #[default]
    Group,
    /// Over the whole batch.
    Batch,
}

impl SetScope {
    /// The node scope this set scope needs.
    pub fn node_scope(self) -> crate::Scope {
        match self {
            SetScope::Group => Scope::Group,
            SetScope::Batch => Scope::Batch,
        }
    }
}

/// Settings that apply to every node of a pipeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Time allowed to one reward-function call on one sample (`None`: unbounded).
    pub timeout: Option<Duration>,
    /// The value given to a sample whose reward function ran out of time.
    pub timeout_value: f64,
    /// The value given to a sample whose reward function failed (`None`: no value).
    pub error_value: Option<f64>,
    /// Score samples in parallel (rayon).
    pub parallel: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            timeout: Some(Duration::from_secs(10)),
            timeout_value: 0.0,
            error_value: None,
            parallel: true,
        }
    }
}

/// A batch of samples with its groups.
///
/// A sample's group is its [`Sample::group_key`]: its `group` field; without one, its prompt
/// text; without a prompt, the sample is a group of its own. Groups are listed in order of
/// first appearance.
#[derive(Debug)]
pub struct Batch<'a> {
    /// The samples, in input order.
    pub samples: &'a [Sample],
    /// Pipeline-wide settings.
    pub settings: &'a Settings,
    groups: Vec<Vec<usize>>,
}

impl<'a> Batch<'a> {
    /// Builds a batch and indexes its groups.
    pub fn new(samples: &'a [Sample], settings: &'a Settings) -> Self {
        let mut index: HashMap<GroupKey<'a>, usize> = HashMap::new();
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for (i, s) in samples.iter().enumerate() {
            match s.group_key() {
                Some(k) => {
                    let next = groups.len();
                    let g = *index.entry(k).or_insert(next);
                    if g == next {
                        groups.push(Vec::new());
                    }
                    groups[g].push(i);
                }
                None => groups.push(vec![i]),
            }
        }
        Batch {
            samples,
            settings,
            groups,
        }
    }

    /// Number of samples.
    pub fn len(&self) -> usize {
        self.samples.len()
    }

    /// Whether the batch is empty.
    pub fn is_empty(&self) -> bool {
        self.samples.is_empty()
    }

    /// The groups, as lists of sample indices.
    pub fn groups(&self) -> &[Vec<usize>] {
        &self.groups
    }

    /// A fresh deadline for one reward-function call.
    pub fn deadline(&self) -> Deadline {
        Deadline::from_timeout(self.settings.timeout)
    }
}

/// A node of a pipeline tree.
pub trait Node: Send + Sync + Debug {
    /// Scores the batch: exactly one output per sample, in order.
    fn eval(&self, batch: &Batch<'_>) -> Vec<RewardOutput>;

    /// The widest scope this node (with its children) needs.
    fn scope(&self) -> Scope;
}

/// Builds a runnable node from its parameters (a node spec). `path` is where the spec sits in
/// the document (`reward.terms[1].reward`), used in error messages: a rule that involves
/// several fields is checked here and reported at `path` or at `{path}.field`; a rule on one
/// field belongs to the field's type ([`crate::params`]) and is checked while the spec is read.
///
/// Every node module implements it for its parameters struct; the registry (`node_specs!` in
/// `spec.rs`) dispatches to it by `type` tag.
pub trait BuildNode {
    /// Checks the cross-field rules and builds the node.
    fn build(&self, path: &str) -> crate::Result<Box<dyn Node>>;
}

/// A reward function that scores one sample at a time.
///
/// Long-running functions check `deadline` and return [`RewardOutput::timeout`] when it
/// expires. A function never panics on user input; if it does anyway, the pipeline turns the
/// panic into an error row.
pub trait RewardFn: Send + Sync + Debug {
    /// Scores one sample.
    fn score(&self, sample: &Sample, deadline: Deadline) -> RewardOutput;
}

/// Runs a per-sample [`RewardFn`] over a batch (a leaf of the tree).
#[derive(Debug)]
pub struct Leaf<F>(pub F);

impl<F: RewardFn> Leaf<F> {
    fn call(&self, sample: &Sample, batch: &Batch<'_>) -> RewardOutput {
        let deadline = batch.deadline();
        let out = std::panic::catch_unwind(AssertUnwindSafe(|| self.0.score(sample, deadline)));
        finish(out, batch.settings)
    }
}

/// Applies the pipeline's timeout and error policy to one output (or a caught panic).
pub(crate) fn finish(out: std::thread::Result<RewardOutput>, settings: &Settings) -> RewardOutput {
    let mut out = out.unwrap_or_else(|p| {
        let msg = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        RewardOutput::error(format!("internal error (panic): {msg}"))
    });
    if out.info.timeout {
        out.value = Some(settings.timeout_value);
    } else if out.info.error.is_some() && out.value.is_none() {
        out.value = settings.error_value;
    }
    out
}

impl<F: RewardFn> Node for Leaf<F> {
    fn eval(&self, batch: &Batch<'_>) -> Vec<RewardOutput> {
        if batch.settings.parallel && batch.len() > 1 {
            batch
                .samples
                .par_iter()
                // One sample per task: a slow sample never holds up the others.
                .with_max_len(1)
                .map(|s| self.call(s, batch))
                .collect()
        } else {
            batch.samples.iter().map(|s| self.call(s, batch)).collect()
        }
    }

    fn scope(&self) -> Scope {
        Scope::Sample
    }
}

/// Every node built from a spec is wrapped in this guard: a result that is not a finite number
/// never leaves a node as a bare `null`.
///
/// A non-finite `value` (an overflow such as `10 × 1e308` in a `weighted_sum`, or `−∞` from
/// `lsc` of `−1e308` against a reference of `1e308`), a non-finite per-step reward, or a
/// non-finite component becomes an **error** on that sample: `info.error` names the node type,
/// its path in the spec and the offending number (`` `weighted_sum` at `reward` gave a
/// non-finite value (inf) ``), and the value is the pipeline's `error_value` (default: none).
/// It is counted as an error by the summary, and the server reports it the same way, since both
/// score through this crate.
#[derive(Debug)]
pub struct Finite {
    /// The guarded node.
    pub inner: Box<dyn Node>,
    /// Its `type` tag.
    pub what: &'static str,
    /// Its path in the spec.
    pub path: String,
}

impl Finite {
    /// Wraps `inner`, built from a `what` node at `path`.
    pub fn wrap(inner: Box<dyn Node>, what: &'static str, path: &str) -> Box<dyn Node> {
        Box::new(Finite {
            inner,
            what,
            path: path.to_string(),
        })
    }
}

impl Node for Finite {
    fn eval(&self, batch: &Batch<'_>) -> Vec<RewardOutput> {
        let mut outs = self.inner.eval(batch);
        for o in &mut outs {
            settle_non_finite(o, self.what, &self.path, batch.settings);
        }
        outs
    }

    fn scope(&self) -> Scope {
        self.inner.scope()
    }
}

/// Turns a non-finite value, step reward or component of `o` into an error (see [`Finite`]).
pub(crate) fn settle_non_finite(o: &mut RewardOutput, what: &str, path: &str, settings: &Settings) {
    let mut bad: Option<String> = None;
    if let Some(v) = o.value.filter(|v| !v.is_finite()) {
        bad = Some(format!("value ({v})"));
        o.value = None;
    }
    if let Some(steps) = &o.steps {
        if let Some(i) = steps.iter().position(|x| !x.is_finite()) {
            bad.get_or_insert_with(|| format!("step reward {i} ({})", steps[i]));
            o.steps = None;
        }
    }
    for (k, v) in o.components.iter_mut() {
        if let Some(x) = v.filter(|x| !x.is_finite()) {
            bad.get_or_insert_with(|| format!("component `{k}` ({x})"));
            *v = None;
        }
    }
    if let Some(b) = bad {
        let msg = format!("`{what}` at `{path}` gave a non-finite {b}");
        o.info.error = Some(match o.info.error.take() {
            Some(e) => format!("{e}; {msg}"),
            None => msg,
        });
        if o.value.is_none() && !o.info.timeout {
            o.value = settings.error_value;
        }
    }
}

/// One sample and its output, as a transform sees them.
#[derive(Debug)]
pub struct Slot<'a> {
    /// The sample.
    pub sample: &'a Sample,
    /// Its output so far; the transform rewrites `value` (and may set `info`/`steps`).
    pub out: &'a mut RewardOutput,
}

/// Maps rewards to rewards, per sample or over a set of samples.
///
/// `apply` receives one set: for [`Scope::Sample`] the whole batch (each element must be
/// treated independently), for [`Scope::Group`] one group, for [`Scope::Batch`] the batch.
/// Abstentions (`value: None`) stay abstentions and do not count in set statistics.
pub trait Transform: Send + Sync + Debug {
    /// Which set `apply` receives.
    fn scope(&self) -> Scope;
    /// Rewrites the values of one set.
    fn apply(&self, set: &mut [Slot<'_>]);
}

/// A transform applied to the output of an input node.
#[derive(Debug)]
pub struct TransformNode<T> {
    /// The transform.
    pub transform: T,
    /// The node whose output is transformed.
    pub input: Box<dyn Node>,
}

impl<T: Transform> Node for TransformNode<T> {
    fn eval(&self, batch: &Batch<'_>) -> Vec<RewardOutput> {
        let mut outs = self.input.eval(batch);
        apply_transform(&self.transform, batch, &mut outs);
        outs
    }

    fn scope(&self) -> Scope {
        self.transform.scope().max(self.input.scope())
    }
}

/// Applies a transform to outputs in place, set by set according to its scope.
pub fn apply_transform<T: Transform + ?Sized>(t: &T, batch: &Batch<'_>, outs: &mut [RewardOutput]) {
    match t.scope() {
        Scope::Sample | Scope::Batch => {
            let mut slots: Vec<Slot<'_>> = batch
                .samples
                .iter()
                .zip(outs.iter_mut())
                .map(|(sample, out)| Slot { sample, out })
                .collect();
            t.apply(&mut slots);
        }
        Scope::Group => {
            let mut owner = vec![0usize; batch.len()];
            for (g, members) in batch.groups().iter().enumerate() {
                for &i in members {
                    owner[i] = g;
                }
            }
            let mut sets: Vec<Vec<Slot<'_>>> = batch
                .groups()
                .iter()
                .map(|m| Vec::with_capacity(m.len()))
                .collect();
            for ((sample, out), g) in batch.samples.iter().zip(outs.iter_mut()).zip(owner) {
                sets[g].push(Slot { sample, out });
            }
            for set in &mut sets {
                t.apply(set);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_by_group_then_prompt() {
        let samples = vec![
            Sample::new("a").with_group("g1"),
            Sample::new("b").with_prompt("p"),
            Sample::new("c").with_group("g1"),
            Sample::new("d"),
            Sample::new("e").with_prompt("p"),
        ];
        let settings = Settings::default();
        let b = Batch::new(&samples, &settings);
        assert_eq!(b.groups(), &[vec![0, 2], vec![1, 4], vec![3]]);
    }

    #[derive(Debug)]
    struct Panics;
    impl RewardFn for Panics {
        fn score(&self, s: &Sample, _: Deadline) -> RewardOutput {
            if s.completion == "boom" {
                panic!("kaboom");
            }
            RewardOutput::value(1.0)
        }
    }

    /// Works until its deadline, as a long verification would.
    #[derive(Debug)]
    struct Slow;
    impl RewardFn for Slow {
        fn score(&self, s: &Sample, d: Deadline) -> RewardOutput {
            if s.completion != "slow" {
                return RewardOutput::value(1.0);
            }
            loop {
                if d.expired() {
                    return RewardOutput::timeout();
                }
                std::thread::yield_now();
            }
        }
    }

    #[test]
    fn timeout_gives_timeout_value_and_flag_without_blocking_others() {
        let samples = vec![
            Sample::new("fast"),
            Sample::new("slow"),
            Sample::new("fast"),
        ];
        let settings = Settings {
            timeout: Some(Duration::from_millis(20)),
            timeout_value: -0.5,
            ..Settings::default()
        };
        let started = std::time::Instant::now();
        let outs = Leaf(Slow).eval(&Batch::new(&samples, &settings));
        assert!(started.elapsed() < Duration::from_secs(5));
        assert_eq!(outs.len(), 3);
        assert_eq!(outs[0].value, Some(1.0));
        assert_eq!(outs[1].value, Some(-0.5));
        assert!(outs[1].info.timeout);
        assert_eq!(outs[2].value, Some(1.0));
    }

    /// The sample "wait" completes only once every other sample of the batch is scored.
    #[derive(Debug, Default)]
    struct WaitForOthers(std::sync::atomic::AtomicUsize);
    impl RewardFn for WaitForOthers {
        fn score(&self, s: &Sample, d: Deadline) -> RewardOutput {
            use std::sync::atomic::Ordering;
            if s.completion != "wait" {
                self.0.fetch_add(1, Ordering::SeqCst);
                return RewardOutput::value(1.0);
            }
            while self.0.load(Ordering::SeqCst) < 63 {
                if d.expired() {
                    return RewardOutput::timeout();
                }
                std::thread::yield_now();
            }
            RewardOutput::value(2.0)
        }
    }

    #[test]
    fn a_slow_sample_never_blocks_the_others_in_its_batch() {
        // Two workers, whatever the machine: the claim needs a second worker beside the slow
        // sample, and the test must not pass by skipping on a one-core runner.
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        let mut samples: Vec<Sample> = (0..64).map(|_| Sample::new("quick")).collect();
        samples[3] = Sample::new("wait");
        let settings = Settings {
            timeout: Some(Duration::from_secs(10)),
            ..Settings::default()
        };
        let outs =
            pool.install(|| Leaf(WaitForOthers::default()).eval(&Batch::new(&samples, &settings)));
        assert_eq!(
            outs[3].value,
            Some(2.0),
            "the other 63 finished while sample 3 ran"
        );
        assert!(outs
            .iter()
            .enumerate()
            .all(|(i, o)| i == 3 || o.value == Some(1.0)));
    }

    #[test]
    fn panic_becomes_error_row() {
        let samples = vec![Sample::new("ok"), Sample::new("boom"), Sample::new("ok")];
        let settings = Settings {
            error_value: Some(-1.0),
            ..Settings::default()
        };
        let outs = Leaf(Panics).eval(&Batch::new(&samples, &settings));
        assert_eq!(outs.len(), 3);
        assert_eq!(outs[0].value, Some(1.0));
        assert_eq!(outs[1].value, Some(-1.0));
        assert!(outs[1].info.error.as_deref().unwrap().contains("kaboom"));
    }
}
