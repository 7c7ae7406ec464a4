//! A built, runnable pipeline.

use crate::node::{Batch, Node, Scope, Settings};
use crate::{RewardOutput, Sample};

/// A pipeline built from a [`PipelineSpec`](crate::PipelineSpec): score batches with it.
///
/// A batch always yields exactly one [`RewardOutput`] per sample, in input order.
#[derive(Debug)]
pub struct Pipeline {
    root: Box<dyn Node>,
    settings: Settings,
}

impl Pipeline {
    /// A pipeline from a root node and settings.
    pub fn new(root: Box<dyn Node>, settings: Settings) -> Self {
        Pipeline { root, settings }
    }

    /// Scores a batch.
    pub fn score(&self, samples: &[Sample]) -> Vec<RewardOutput> {
        if samples.is_empty() {
            return Vec::new();
        }
        let batch = Batch::new(samples, &self.settings);
        let mut out = self.root.eval(&batch);
        // The contract, enforced: one output per input, whatever a node did.
        if out.len() != samples.len() {
            out.resize_with(samples.len(), || {
                RewardOutput::error("internal error: a node returned the wrong number of outputs")
            });
        }
        out
    }

    /// The widest scope of any node: tells a streaming reader whether it may cut the input
    /// anywhere ([`Scope::Sample`]), only between groups ([`Scope::Group`]), or not at all.
    pub fn scope(&self) -> Scope {
        self.root.scope()
    }

    /// The settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Changes the settings (e.g. to score sequentially).
    pub fn settings_mut(&mut self) -> &mut Settings {
        &mut self.settings
    }
}
