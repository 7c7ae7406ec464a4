//! The summary `rewardkit score` prints after a batch: count, mean, std, min and max of the
//! reward and of every component, with abstentions, timeouts and errors counted.

use rewardkit_core::RewardOutput;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;

/// Streaming statistics of one series (Welford; population std), overflow-safe.
///
/// The running mean and sum of squares are kept in units of a power of two `scale` that grows
/// with the largest |x| seen (rescaling by a power of two is exact), so values near ±f64::MAX
/// do not overflow: `[1e308, -1e308]` has mean 0 and std 1e308 (the plain Welford update
/// computes `x − mean = 2e308 = inf` and gives NaN). Scaling by a power of two commutes with
/// every float operation (barring underflow), so for ordinary values the results are bit for
/// bit those of the plain update.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Stats {
    n: u64,
    /// Mean / scale.
    mean: f64,
    /// Σ(x − mean)² / scale².
    m2: f64,
    min: f64,
    max: f64,
    /// A power of two ≥ 1.
    scale: f64,
}

impl Default for Stats {
    fn default() -> Self {
        Stats {
            n: 0,
            mean: 0.0,
            m2: 0.0,
            min: 0.0,
            max: 0.0,
            scale: 1.0,
        }
    }
}

/// The largest power of two, 2^1023.
const MAX_SCALE: f64 = 8.98846567431158e307;

impl Stats {
    /// Adds one finite value (non-finite values are ignored).
    pub(crate) fn push(&mut self, x: f64) {
        if !x.is_finite() {
            return;
        }
        self.n += 1;
        if self.n == 1 {
            self.min = x;
            self.max = x;
        } else {
            self.min = self.min.min(x);
            self.max = self.max.max(x);
        }
        // Keep |x / scale| ≤ 2 (scale only grows, by exact powers of two).
        if x.abs() > self.scale {
            let mut s = self.scale;
            while x.abs() > s && s < MAX_SCALE {
                s *= 2.0;
            }
            let r = self.scale / s;
            self.mean *= r;
            self.m2 *= r * r;
            self.scale = s;
        }
        let xs = x / self.scale;
        let d = xs - self.mean;
        self.mean += d / self.n as f64;
        self.m2 += d * (xs - self.mean);
    }

    /// Number of values.
    pub(crate) fn count(&self) -> u64 {
        self.n
    }

    /// Mean, if any value.
    pub(crate) fn mean(&self) -> Option<f64> {
        (self.n > 0).then_some(self.mean * self.scale)
    }

    /// Population standard deviation, if any value.
    pub(crate) fn std(&self) -> Option<f64> {
        (self.n > 0).then(|| (self.m2 / self.n as f64).max(0.0).sqrt() * self.scale)
    }

    /// Minimum, if any value.
    pub(crate) fn min(&self) -> Option<f64> {
        (self.n > 0).then_some(self.min)
    }

    /// Maximum, if any value.
    pub(crate) fn max(&self) -> Option<f64> {
        (self.n > 0).then_some(self.max)
    }
}

impl Serialize for Stats {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Stats", 5)?;
        st.serialize_field("count", &self.n)?;
        st.serialize_field("mean", &self.mean())?;
        st.serialize_field("std", &self.std())?;
        st.serialize_field("min", &self.min())?;
        st.serialize_field("max", &self.max())?;
        st.end()
    }
}

/// A summary of scored samples.
#[derive(Debug, Clone, Default, Serialize)]
pub(crate) struct Summary {
    /// Number of results (one per input row, unreadable rows included).
    pub(crate) count: u64,
    /// Statistics of the reward over the samples that have one.
    pub(crate) reward: Stats,
    /// Statistics of every component.
    pub(crate) components: BTreeMap<String, Stats>,
    /// Samples where the pipeline abstained.
    pub(crate) abstentions: u64,
    /// Samples where a reward function ran out of time.
    pub(crate) timeouts: u64,
    /// Samples where a reward function failed.
    pub(crate) errors: u64,
    /// Input rows that could not be read (kept as error rows with `--on-error skip`).
    pub(crate) unreadable: u64,
}

impl Summary {
    /// Adds one output.
    pub(crate) fn add(&mut self, o: &RewardOutput) {
        self.count += 1;
        match o.value {
            Some(v) => self.reward.push(v),
            None if o.is_abstention() => self.abstentions += 1,
            None => {}
        }
        if o.info.timeout {
            self.timeouts += 1;
        }
        if o.info.error.is_some() {
            self.errors += 1;
        }
        for (k, v) in &o.components {
            let st = self.components.entry(k.clone()).or_default();
            if let Some(v) = v {
                st.push(*v);
            }
        }
    }

    /// Counts one unreadable input row.
    pub(crate) fn add_unreadable(&mut self) {
        self.count += 1;
        self.unreadable += 1;
    }
}

fn cell(x: Option<f64>) -> String {
    x.map_or_else(|| "-".into(), |v| format!("{v:.4}"))
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "samples      {}", self.count)?;
        writeln!(
            f,
            "abstentions  {}   timeouts  {}   errors  {}   unreadable rows  {}",
            self.abstentions, self.timeouts, self.errors, self.unreadable
        )?;
        writeln!(f)?;
        let width = self
            .components
            .keys()
            .map(|k| k.chars().count())
            .max()
            .unwrap_or(0)
            .max(6);
        writeln!(
            f,
            "{:<width$}  {:>9}  {:>9}  {:>9}  {:>9}  {:>9}",
            "", "n", "mean", "std", "min", "max"
        )?;
        let mut row = |name: &str, s: &Stats| {
            writeln!(
                f,
                "{name:<width$}  {:>9}  {:>9}  {:>9}  {:>9}  {:>9}",
                s.count(),
                cell(s.mean()),
                cell(s.std()),
                cell(s.min()),
                cell(s.max())
            )
        };
        row("reward", &self.reward)?;
        for (k, s) in &self.components {
            row(k, s)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stats_of_values_near_the_float_limit() {
        let mut s = Stats::default();
        s.push(1e308);
        s.push(-1e308);
        assert_eq!(s.mean(), Some(0.0));
        assert_eq!(s.std(), Some(1e308));
        let mut s = Stats::default();
        for x in [f64::MAX, f64::MAX, f64::MAX] {
            s.push(x);
        }
        assert_eq!(s.mean(), Some(f64::MAX));
        assert_eq!(s.std(), Some(0.0));
        let mut s = Stats::default();
        for x in [1.0, 2.0, 3.0, 4.0] {
            s.push(x);
        }
        assert_eq!(s.mean(), Some(2.5));
        assert_eq!(MAX_SCALE, 2f64.powi(1023));
        assert!((s.std().unwrap() - 1.25f64.sqrt()).abs() < 1e-15);
    }

    #[test]
    fn counts_values_and_abstentions() {
        let mut s = Summary::default();
        for v in [1.0, 2.0, 3.0] {
            s.add(&RewardOutput::value(v));
        }
        s.add(&RewardOutput::abstain("no answer"));
        assert_eq!(s.count, 4);
        assert_eq!(s.abstentions, 1);
        assert_eq!(s.reward.mean(), Some(2.0));
        assert_eq!(s.reward.std(), Some((2.0f64 / 3.0).sqrt())); // population std
    }

    /// Hostile review, failure 15: statistics of ±1e308.
    #[test]
    fn summary_of_huge_values_is_finite() {
        let mut s = Summary::default();
        for v in [1e308, -1e308] {
            s.add(&RewardOutput::value(v));
        }
        assert_eq!(s.reward.mean(), Some(0.0));
        assert_eq!(s.reward.std(), Some(1e308));
        let mut s = Summary::default();
        for v in [f64::MAX, f64::MAX, -f64::MAX, -f64::MAX] {
            s.add(&RewardOutput::value(v));
        }
        assert_eq!(s.reward.mean(), Some(0.0));
        let sd = s.reward.std().unwrap();
        assert!(
            sd.is_finite() && (sd / f64::MAX - 1.0).abs() < 1e-15,
            "{sd}"
        );
    }
}
