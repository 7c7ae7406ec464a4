//! The output row of `rewardkit score` (one JSON object per input row, or per element of an
//! exploded list), also the record of its Parquet output.

use rewardkit_core::{Info, RewardOutput, Sample};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// One output row of `rewardkit score`.
#[derive(Debug, Serialize)]
pub(crate) struct OutputRow<'a> {
    /// 0-based index of the input row.
    pub(crate) index: u64,
    /// The element of an exploded list column (`rewardkit score --explode`), 0-based.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) element: Option<u64>,
    /// The input's id, echoed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) id: Option<&'a Value>,
    /// The reward (`null` when the pipeline abstained or the row was unreadable).
    pub(crate) reward: Option<f64>,
    /// Named sub-rewards.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) components: &'a BTreeMap<String, Option<f64>>,
    /// Per-step rewards.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) steps: Option<&'a Vec<f64>>,
    /// Why.
    pub(crate) info: &'a Info,
}

impl<'a> OutputRow<'a> {
    /// The row for one scored sample.
    pub(crate) fn new(index: u64, sample: Option<&'a Sample>, out: &'a RewardOutput) -> Self {
        OutputRow {
            index,
            element: None,
            id: sample.and_then(|s| s.id.as_ref()),
            reward: out.value.filter(|v| v.is_finite()),
            components: &out.components,
            steps: out.steps.as_ref(),
            info: &out.info,
        }
    }

    /// The same row, for an element of an exploded list.
    pub(crate) fn with_element(mut self, element: Option<u64>) -> Self {
        self.element = element;
        self
    }
}
