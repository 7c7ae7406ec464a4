//! Seeded bootstrap intervals, paired-bootstrap comparison, calibration and length bias.
//!
//! **Bootstrap.** Units (items; Ties prompt ids) are resampled with replacement *within each
//! stratum* (subset, domain or source), so every replicate has the benchmark's design: the
//! same number of items per subset, hence the same section weights. Within a stratum the
//! units are sorted by id before drawing, so the interval does not depend on file order. The
//! draws come from [`SplitMix64`] seeded with `--seed`; the interval is the 2.5 and 97.5
//! percentiles of the replicates (linear interpolation between order statistics, numpy's
//! default).
//!
//! **Paired bootstrap** (`compare`): the two reports' units are matched by (stratum, id) and
//! the *same* draw is applied to both; the difference B − A is recomputed per replicate. The
//! two-sided p-value is min(1, 2 · min(share of replicates with difference ≤ 0, share with
//! difference ≥ 0)).
//!
//! **Calibration.** For every chosen/rejected pair, p = σ(r_chosen − r_rejected) is the
//! Bradley–Terry probability the model gives the human preference. Each pair is counted in
//! both orders, (p, outcome 1) and (1 − p, outcome 0), so the reliability diagram covers
//! [0, 1] and does not depend on which side is listed first. ECE = Σ_bins (n_b / N) ·
//! |accuracy_b − confidence_b| over 10 equal-width bins ([0, 0.1), ..., [0.9, 1]); Brier =
//! mean (p − y)²; log loss = −mean ln p(y), p clamped to [1e-15, 1 − 1e-15].
//!
//! **Length bias.** Length is counted in Unicode scalar values. Pairs are split by whether
//! the chosen completion is longer, shorter or as long as the rejected one, with strict
//! accuracy in each part; and Spearman's rank correlation (average ranks for ties) between
//! every completion's reward and its length.

use crate::metrics::{aggregate, sum_units, Unit};
use crate::{Benchmark, SplitMix64, StepAgg};
use rewardkit_rng::Random;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The p-quantile of sorted values, linear interpolation (numpy's default).
pub fn quantile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let pos = p * (sorted.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64)
}

/// Units grouped by stratum, each group sorted by id.
fn by_stratum(units: &[Unit]) -> Vec<Vec<&Unit>> {
    let mut map: BTreeMap<&str, Vec<&Unit>> = BTreeMap::new();
    for u in units {
        map.entry(&u.stratum).or_default().push(u);
    }
    map.into_values()
        .map(|mut v| {
            v.sort_by(|a, b| a.id.cmp(&b.id));
            v
        })
        .collect()
}

/// Draws one replicate: for each stratum, as many indices as it has units.
fn draw(rng: &mut SplitMix64, sizes: &[usize]) -> Vec<Vec<usize>> {
    sizes
        .iter()
        .map(|&n| (0..n).map(|_| rng.below(n)).collect())
        .collect()
}

fn replicate<'a>(groups: &[Vec<&'a Unit>], idx: &[Vec<usize>]) -> Vec<&'a Unit> {
    groups
        .iter()
        .zip(idx)
        .flat_map(|(g, ix)| ix.iter().map(move |&i| g[i]))
        .collect()
}

/// 95 % percentile-bootstrap intervals of every metric: name -> (low, high).
pub fn bootstrap(
    benchmark: Benchmark,
    units: &[Unit],
    step_aggs: &[StepAgg],
    replicates: usize,
    seed: u64,
) -> BTreeMap<String, (f64, f64)> {
    let groups = by_stratum(units);
    let sizes: Vec<usize> = groups.iter().map(Vec::len).collect();
    let mut rng = SplitMix64::new(seed);
    let mut samples: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for _ in 0..replicates {
        let idx = draw(&mut rng, &sizes);
        let rep = replicate(&groups, &idx);
        for (name, v) in aggregate(benchmark, &sum_units(benchmark, &rep), step_aggs) {
            samples.entry(name).or_default().push(v);
        }
    }
    samples
        .into_iter()
        .map(|(k, mut v)| {
            v.sort_by(f64::total_cmp);
            (k, (quantile(&v, 0.025), quantile(&v, 0.975)))
        })
        .collect()
}

/// One metric of a paired comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Difference {
    /// The metric.
    pub name: String,
    /// Its value in report A.
    pub a: f64,
    /// Its value in report B.
    pub b: f64,
    /// B − A.
    pub diff: f64,
    /// 95 % paired-bootstrap interval of B − A.
    pub ci_low: f64,
    /// Upper end of the interval.
    pub ci_high: f64,
    /// Two-sided paired-bootstrap p-value of B − A ≠ 0.
    pub p_value: f64,
}

/// Paired bootstrap of B − A over units matched by (stratum, id) (both lists hold the same
/// keys; the caller checks).
pub fn paired_bootstrap(
    benchmark: Benchmark,
    a: &[Unit],
    b: &[Unit],
    step_aggs: &[StepAgg],
    replicates: usize,
    seed: u64,
) -> Vec<Difference> {
    let ga = by_stratum(a);
    let gb = by_stratum(b);
    let sizes: Vec<usize> = ga.iter().map(Vec::len).collect();
    let point = |x: &[Unit]| {
        let refs: Vec<&Unit> = x.iter().collect();
        aggregate(benchmark, &sum_units(benchmark, &refs), step_aggs)
    };
    let (pa, pb) = (point(a), point(b));
    let pb: BTreeMap<String, f64> = pb.into_iter().collect();
    let mut rng = SplitMix64::new(seed);
    let mut diffs: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for _ in 0..replicates {
        let idx = draw(&mut rng, &sizes);
        let ra = aggregate(
            benchmark,
            &sum_units(benchmark, &replicate(&ga, &idx)),
            step_aggs,
        );
        let rb: BTreeMap<String, f64> = aggregate(
            benchmark,
            &sum_units(benchmark, &replicate(&gb, &idx)),
            step_aggs,
        )
        .into_iter()
        .collect();
        for (name, va) in ra {
            if let Some(vb) = rb.get(&name) {
                diffs.entry(name).or_default().push(vb - va);
            }
        }
    }
    pa.into_iter()
        .filter_map(|(name, va)| {
            let vb = *pb.get(&name)?;
            let mut d = diffs.remove(&name).unwrap_or_default();
            d.sort_by(f64::total_cmp);
            let n = d.len().max(1) as f64;
            let le = d.iter().filter(|x| **x <= 0.0).count() as f64 / n;
            let ge = d.iter().filter(|x| **x >= 0.0).count() as f64 / n;
            Some(Difference {
                a: va,
                b: vb,
                diff: vb - va,
                ci_low: quantile(&d, 0.025),
                ci_high: quantile(&d, 0.975),
                p_value: (2.0 * le.min(ge)).min(1.0),
                name,
            })
        })
        .collect()
}

/// One bin of a reliability diagram.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bin {
    /// Lower edge.
    pub lo: f64,
    /// Upper edge.
    pub hi: f64,
    /// Predictions in the bin.
    pub count: usize,
    /// Mean predicted probability.
    pub confidence: f64,
    /// Share of predictions that came true.
    pub accuracy: f64,
}

/// Calibration of σ(r_chosen − r_rejected).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Calibration {
    /// Pairs.
    pub pairs: usize,
    /// Expected calibration error (10 bins).
    pub ece: f64,
    /// Brier score.
    pub brier: f64,
    /// Log loss (nats).
    pub log_loss: f64,
    /// The reliability diagram (empty bins included, count 0).
    pub bins: Vec<Bin>,
}

fn sigmoid(x: f64) -> f64 {
    if x >= 0.0 {
        1.0 / (1.0 + (-x).exp())
    } else {
        let e = x.exp();
        e / (1.0 + e)
    }
}

/// Calibration of (chosen score, rejected score) pairs; `None` without pairs.
///
/// ```
/// use rewardkit_eval::stats::calibration;
/// let c = calibration(&[(1.0, 1.0)]).unwrap();
/// // p = 0.5 both ways: perfectly calibrated, Brier 0.25, log loss ln 2.
/// assert_eq!(c.ece, 0.0);
/// assert_eq!(c.brier, 0.25);
/// assert!((c.log_loss - std::f64::consts::LN_2).abs() < 1e-15);
/// ```
pub fn calibration(pairs: &[(f64, f64)]) -> Option<Calibration> {
    if pairs.is_empty() {
        return None;
    }
    const BINS: usize = 10;
    let mut count = [0usize; BINS];
    let mut conf = [0.0f64; BINS];
    let mut hits = [0.0f64; BINS];
    let (mut brier, mut ll) = (0.0, 0.0);
    for &(c, r) in pairs {
        let p = sigmoid(c - r);
        for (q, y) in [(p, 1.0), (1.0 - p, 0.0)] {
            let k = ((q * BINS as f64) as usize).min(BINS - 1);
            count[k] += 1;
            conf[k] += q;
            hits[k] += y;
        }
        brier += (1.0 - p) * (1.0 - p);
        ll -= p.clamp(1e-15, 1.0 - 1e-15).ln();
    }
    let n = pairs.len() as f64;
    let total = 2.0 * n;
    let mut ece = 0.0;
    let bins = (0..BINS)
        .map(|k| {
            let c = count[k];
            let (confidence, accuracy) = if c > 0 {
                (conf[k] / c as f64, hits[k] / c as f64)
            } else {
                (0.0, 0.0)
            };
            ece += c as f64 / total * (accuracy - confidence).abs();
            Bin {
                lo: k as f64 / BINS as f64,
                hi: (k + 1) as f64 / BINS as f64,
                count: c,
                confidence,
                accuracy,
            }
        })
        .collect();
    Some(Calibration {
        pairs: pairs.len(),
        ece,
        brier: brier / n,
        log_loss: ll / n,
        bins,
    })
}

/// Average ranks (1-based; ties share their mean rank).
fn ranks(v: &[f64]) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..v.len()).collect();
    idx.sort_by(|a, b| v[*a].total_cmp(&v[*b]));
    let mut r = vec![0.0; v.len()];
    let mut i = 0;
    while i < idx.len() {
        let mut j = i;
        while j + 1 < idx.len() && v[idx[j + 1]] == v[idx[i]] {
            j += 1;
        }
        let avg = (i + j) as f64 / 2.0 + 1.0;
        for k in &idx[i..=j] {
            r[*k] = avg;
        }
        i = j + 1;
    }
    r
}

/// Spearman's rank correlation (Pearson on average ranks); `None` when either side is
/// constant or there are fewer than 2 points.
///
/// ```
/// use rewardkit_eval::stats::spearman;
/// assert_eq!(spearman(&[1.0, 2.0, 3.0], &[10.0, 20.0, 25.0]), Some(1.0));
/// assert_eq!(spearman(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]), Some(-1.0));
/// assert_eq!(spearman(&[1.0, 1.0], &[1.0, 2.0]), None);
/// ```
pub fn spearman(x: &[f64], y: &[f64]) -> Option<f64> {
    if x.len() < 2 || x.len() != y.len() {
        return None;
    }
    let (rx, ry) = (ranks(x), ranks(y));
    let n = rx.len() as f64;
    let (mx, my) = (rx.iter().sum::<f64>() / n, ry.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in rx.iter().zip(&ry) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    (sxx > 0.0 && syy > 0.0).then(|| sxy / (sxx * syy).sqrt())
}

/// Accuracy of the pairs in one length split.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Split {
    /// Pairs in the split.
    pub pairs: usize,
    /// Strict accuracy (chosen > rejected); 0 when empty.
    pub accuracy: f64,
}

/// Length bias of a reward model on a benchmark.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LengthBias {
    /// Pairs whose chosen completion is longer.
    pub chosen_longer: Split,
    /// Pairs whose chosen completion is shorter.
    pub chosen_shorter: Split,
    /// Pairs of equal length.
    pub equal_length: Split,
    /// Spearman correlation of reward and length over every completion (`null` when
    /// undefined).
    pub spearman: Option<f64>,
    /// (length, reward) points for the plot: every completion, or an even stride of 2,000
    /// (infinite rewards left out).
    pub points: Vec<(f64, f64)>,
}

/// Length bias from (chosen score, rejected score, chosen length, rejected length) pairs
/// and every completion's (length, score).
pub fn length_bias(pairs: &[(f64, f64, usize, usize)], completions: &[(f64, f64)]) -> LengthBias {
    let split = |f: &dyn Fn(usize, usize) -> bool| {
        let sel: Vec<_> = pairs.iter().filter(|p| f(p.2, p.3)).collect();
        let right = sel.iter().filter(|p| p.0 > p.1).count();
        Split {
            pairs: sel.len(),
            accuracy: if sel.is_empty() {
                0.0
            } else {
                right as f64 / sel.len() as f64
            },
        }
    };
    let xs: Vec<f64> = completions.iter().map(|p| p.0).collect();
    let ys: Vec<f64> = completions.iter().map(|p| p.1).collect();
    let stride = completions.len().div_ceil(2000).max(1);
    LengthBias {
        chosen_longer: split(&|c, r| c > r),
        chosen_shorter: split(&|c, r| c < r),
        equal_length: split(&|c, r| c == r),
        spearman: spearman(&xs, &ys),
        // Finite points only: JSON has no infinity (serde_json would write `null`, which no
        // report reader takes back), and the plot cannot place them anyway.
        points: completions
            .iter()
            .step_by(stride)
            .filter(|p| p.0.is_finite() && p.1.is_finite())
            .copied()
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantile_interpolates_like_numpy() {
        let v = [1.0, 2.0, 3.0, 4.0];
        assert_eq!(quantile(&v, 0.5), 2.5);
        assert_eq!(quantile(&v, 0.025), 1.075);
        assert_eq!(quantile(&v, 1.0), 4.0);
    }

    #[test]
    fn calibration_bins_hand_computed() {
        // d = ln 3: p = 0.75 (outcome 1) and 0.25 (outcome 0).
        let c = calibration(&[(3f64.ln(), 0.0)]).unwrap();
        assert_eq!(c.bins[7].count, 1);
        assert_eq!(c.bins[2].count, 1);
        assert!((c.bins[7].confidence - 0.75).abs() < 1e-12);
        assert_eq!(c.bins[7].accuracy, 1.0);
        // ECE = 0.5 * 0.25 + 0.5 * 0.25
        assert!((c.ece - 0.25).abs() < 1e-12);
        assert!((c.brier - 0.0625).abs() < 1e-12);
        assert!((c.log_loss + 0.75f64.ln()).abs() < 1e-12);
    }

    #[test]
    fn length_splits() {
        let lb = length_bias(
            &[
                (1.0, 0.0, 10, 5),
                (0.0, 1.0, 10, 5),
                (1.0, 0.0, 3, 5),
                (1.0, 1.0, 4, 4),
            ],
            &[(1.0, 1.0), (2.0, 2.0), (3.0, 3.0)],
        );
        assert_eq!(
            lb.chosen_longer,
            Split {
                pairs: 2,
                accuracy: 0.5
            }
        );
        assert_eq!(
            lb.chosen_shorter,
            Split {
                pairs: 1,
                accuracy: 1.0
            }
        );
        assert_eq!(
            lb.equal_length,
            Split {
                pairs: 1,
                accuracy: 0.0
            }
        );
        assert_eq!(lb.spearman, Some(1.0));
    }

    #[test]
    fn spearman_with_ties_uses_average_ranks() {
        // ranks x: 1, 2.5, 2.5, 4; y: 1, 2, 3, 4 -> r = 0.9486832980505138 (scipy)
        let r = spearman(&[1.0, 2.0, 2.0, 3.0], &[1.0, 2.0, 3.0, 4.0]).unwrap();
        assert!((r - 0.9486832980505138).abs() < 1e-12);
    }
}
