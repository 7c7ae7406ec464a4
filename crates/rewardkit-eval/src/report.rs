//! [`evaluate`]: a dataset and its scores in, a [`Report`] out; [`compare`] two reports.

use crate::data::{Dataset, Layout};
use crate::metrics::{self, aggregate, main_metric, sum_units, Unit};
use crate::stats::{self, Calibration, Difference, LengthBias};
use crate::{Benchmark, Error, Result, Score, StepAgg};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The report format version.
pub const SCHEMA_VERSION: u32 = 1;

/// How to evaluate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Options {
    /// Seed of the bootstrap's [`SplitMix64`](crate::SplitMix64).
    pub seed: u64,
    /// Bootstrap replicates (0: no intervals).
    pub bootstrap: usize,
    /// How step scores become one score (process reward models).
    pub agg: StepAgg,
    /// JudgeBench: make the single game (not the double game) the main score.
    pub single_game: bool,
    /// RewardMATH: leave out the rejected solutions with this `solution_reference`.
    pub except_model: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            seed: 0,
            bootstrap: 1000,
            agg: StepAgg::Min,
            single_game: false,
            except_model: None,
        }
    }
}

/// One reported number with its interval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Metric {
    /// Its name (`score`, `subset/Math`, `double/overall`, ...).
    pub name: String,
    /// Its value (a share in [0, 1] for accuracies).
    pub value: f64,
    /// Lower end of the 95 % bootstrap interval (`null` without bootstrap).
    pub ci_low: Option<f64>,
    /// Upper end.
    pub ci_high: Option<f64>,
    /// Units (items) it rests on.
    pub n: usize,
}

/// The result of one evaluation (`--json` prints it; `compare` reads two).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The benchmark.
    pub benchmark: Benchmark,
    /// The layout the data file was read as.
    pub layout: Layout,
    /// The data file.
    pub data: String,
    /// The score source.
    pub source: String,
    /// Items in the data.
    pub items: usize,
    /// The name of the main score.
    pub main: String,
    /// The options used.
    pub options: Options,
    /// Step aggregations reported besides the main one (RewardMATH with step scores).
    #[serde(default)]
    pub step_aggs: Vec<StepAgg>,
    /// Every metric, in report order.
    pub metrics: Vec<Metric>,
    /// Calibration of σ(r_chosen − r_rejected) (`null` without scores).
    pub calibration: Option<Calibration>,
    /// Length bias (`null` without completion texts).
    pub length_bias: Option<LengthBias>,
    /// The resampling units, for `compare`'s paired bootstrap.
    pub units: Vec<Unit>,
}

impl Report {
    /// A metric by name.
    pub fn metric(&self, name: &str) -> Option<&Metric> {
        self.metrics.iter().find(|m| m.name == name)
    }

    /// What was evaluated, for titles: the benchmark's name, `rewardmath-pairwise` for
    /// RewardMATH's pairwise-judge mode.
    pub fn title(&self) -> &'static str {
        if self.benchmark == Benchmark::RewardMath && self.layout == Layout::Judgments {
            "rewardmath-pairwise"
        } else {
            self.benchmark.name()
        }
    }

    /// The main score.
    pub fn main_score(&self) -> Option<f64> {
        self.metric(&self.main).map(|m| m.value)
    }

    /// The report as a terminal table (percentages).
    pub fn to_table(&self) -> String {
        let mut s = format!(
            "{} on {} ({} items, {}; {})\n",
            self.title(),
            self.data,
            self.items,
            self.source,
            if self.options.bootstrap > 0 {
                format!(
                    "95% bootstrap CI, {} replicates, seed {}",
                    self.options.bootstrap, self.options.seed
                )
            } else {
                "no bootstrap".to_string()
            }
        );
        let w = self
            .metrics
            .iter()
            .map(|m| m.name.chars().count())
            .max()
            .unwrap_or(6)
            .max(6);
        s.push_str(&format!(
            "  {:<w$}  {:>7}  {:>17}  {:>6}\n",
            "metric", "value", "95% CI", "n"
        ));
        for m in &self.metrics {
            let ci = match (m.ci_low, m.ci_high) {
                (Some(a), Some(b)) => format!("[{:6.2}, {:6.2}]", 100.0 * a, 100.0 * b),
                _ => "-".into(),
            };
            let mark = if m.name == self.main { "*" } else { " " };
            s.push_str(&format!(
                "{mark} {:<w$}  {:>7.2}  {:>17}  {:>6}\n",
                m.name,
                100.0 * m.value,
                ci,
                m.n
            ));
        }
        if let Some(c) = &self.calibration {
            s.push_str(&format!(
                "calibration of sigmoid(r_chosen - r_rejected) over {} pairs: ECE {:.4}, Brier {:.4}, log loss {:.4}\n",
                c.pairs, c.ece, c.brier, c.log_loss
            ));
        }
        if let Some(l) = &self.length_bias {
            s.push_str(&format!(
                "length bias: accuracy {:.2} when chosen is longer ({} pairs), {:.2} when shorter ({}), {:.2} when equal ({}); Spearman(reward, length) {}\n",
                100.0 * l.chosen_longer.accuracy,
                l.chosen_longer.pairs,
                100.0 * l.chosen_shorter.accuracy,
                l.chosen_shorter.pairs,
                100.0 * l.equal_length.accuracy,
                l.equal_length.pairs,
                l.spearman.map_or("undefined".into(), |r| format!("{r:.4}"))
            ));
        }
        s.push_str(&format!("* main score: {}\n", self.main));
        s
    }
}

/// Evaluates a dataset with its scores (`scores[item][index]`, see
/// [`collect_scores`](crate::collect_scores)); `source` names them in the report.
///
/// ```
/// use rewardkit_eval::{evaluate, Benchmark, Dataset, Options, Score};
/// let data = r#"{"id": 0, "prompt": "p", "chosen": "good", "rejected": "bad", "subset": "alpacaeval-easy"}
/// {"id": 1, "prompt": "p", "chosen": "good", "rejected": "bad", "subset": "alpacaeval-easy"}"#;
/// let ds = Dataset::from_text(Benchmark::RewardBench, "rb.jsonl", data)?;
/// // Item 1 is a tie: wrong under RewardBench's strict rule.
/// let scores = vec![vec![Score::Value(2.0), Score::Value(1.0)], vec![Score::Value(1.0), Score::Value(1.0)]];
/// let report = evaluate(&ds, &scores, "example", &Options::default())?;
/// assert_eq!(report.main_score(), Some(0.5));
/// # Ok::<(), rewardkit_eval::Error>(())
/// ```
pub fn evaluate(
    ds: &Dataset,
    scores: &[Vec<Score>],
    source: &str,
    opts: &Options,
) -> Result<Report> {
    let vals = metrics::values(ds, scores, opts.agg)?;
    let has_steps = scores
        .iter()
        .flatten()
        .any(|s| matches!(s, Score::Steps(v) if v.len() > 1));
    let step_aggs: Vec<StepAgg> = if ds.benchmark == Benchmark::RewardMath && has_steps {
        StepAgg::ALL
            .into_iter()
            .filter(|a| scores.iter().flatten().all(|s| !s.value(*a).is_nan()))
            .collect()
    } else {
        Vec::new()
    };
    let units = metrics::units(ds, scores, &vals, opts, &step_aggs)?;
    let refs: Vec<&Unit> = units.iter().collect();
    let strata = sum_units(ds.benchmark, &refs);
    let point = aggregate(ds.benchmark, &strata, &step_aggs);
    let cis = if opts.bootstrap > 0 {
        stats::bootstrap(ds.benchmark, &units, &step_aggs, opts.bootstrap, opts.seed)
    } else {
        Default::default()
    };
    let metrics = point
        .into_iter()
        .map(|(name, value)| {
            let ci = cis.get(&name);
            Metric {
                n: metrics::metric_count(ds.benchmark, &name, &strata),
                ci_low: ci.map(|c| c.0),
                ci_high: ci.map(|c| c.1),
                name,
                value,
            }
        })
        .collect();

    // Pairs (chosen, rejected) for calibration and length bias.
    let mut pairs = Vec::new();
    let mut points = Vec::new();
    let texts = ds.layout == Layout::Data;
    if ds.layout != Layout::Judgments {
        for (it, v) in ds.items.iter().zip(&vals) {
            let len = |k: usize| it.completions.get(k).map_or(0, |c| c.chars().count());
            for (c, is_c) in it.chosen.iter().enumerate() {
                if !is_c {
                    continue;
                }
                for (r, is_r) in it.chosen.iter().enumerate() {
                    // RewardMATH's --except-model leaves that source out of everything.
                    let left_out = ds.benchmark == Benchmark::RewardMath
                        && opts.except_model.as_deref() == it.tags.get(r).map(String::as_str);
                    if !is_r && !left_out {
                        pairs.push((v[c], v[r], len(c), len(r)));
                    }
                }
            }
            if texts {
                for (k, x) in v.iter().enumerate() {
                    points.push((len(k) as f64, *x));
                }
            }
        }
    }
    let calibration = stats::calibration(
        &pairs
            .iter()
            .filter(|p| p.0.is_finite() && p.1.is_finite())
            .map(|p| (p.0, p.1))
            .collect::<Vec<_>>(),
    );
    let length_bias = (texts && !pairs.is_empty()).then(|| stats::length_bias(&pairs, &points));
    Ok(Report {
        schema_version: SCHEMA_VERSION,
        benchmark: ds.benchmark,
        layout: ds.layout,
        data: ds.file.clone(),
        source: source.to_string(),
        items: ds.items.len(),
        main: main_metric(ds.benchmark, opts).to_string(),
        options: opts.clone(),
        step_aggs,
        metrics,
        calibration,
        length_bias,
        units,
    })
}

/// The result of comparing two reports on the same benchmark items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The benchmark.
    pub benchmark: Benchmark,
    /// Report A's score source.
    pub a: String,
    /// Report B's score source.
    pub b: String,
    /// The main score's name.
    pub main: String,
    /// Replicates and seed of the paired bootstrap.
    pub bootstrap: usize,
    /// Seed.
    pub seed: u64,
    /// Every metric's difference B − A.
    pub differences: Vec<Difference>,
}

impl Comparison {
    /// The comparison as a terminal table (percentage points).
    pub fn to_table(&self) -> String {
        let mut s = format!(
            "{}: B ({}) - A ({}), paired bootstrap {} replicates, seed {}\n",
            self.benchmark.name(),
            self.b,
            self.a,
            self.bootstrap,
            self.seed
        );
        let w = self
            .differences
            .iter()
            .map(|d| d.name.chars().count())
            .max()
            .unwrap_or(6)
            .max(6);
        s.push_str(&format!(
            "  {:<w$}  {:>7}  {:>7}  {:>7}  {:>17}  {:>7}\n",
            "metric", "A", "B", "B-A", "95% CI", "p"
        ));
        for d in &self.differences {
            let mark = if d.name == self.main { "*" } else { " " };
            // No replicate on the other side of 0: p is below the bootstrap's resolution.
            let p = if d.p_value == 0.0 && self.bootstrap > 0 {
                format!("<{:.0e}", 1.0 / self.bootstrap as f64)
            } else {
                format!("{:.4}", d.p_value)
            };
            s.push_str(&format!(
                "{mark} {:<w$}  {:>7.2}  {:>7.2}  {:>+7.2}  [{:>6.2}, {:>6.2}]  {:>7}\n",
                d.name,
                100.0 * d.a,
                100.0 * d.b,
                100.0 * d.diff,
                100.0 * d.ci_low,
                100.0 * d.ci_high,
                p
            ));
        }
        s
    }
}

/// Compares two reports of the same benchmark on the same items with a paired bootstrap
/// (`replicates` draws from `seed`; 0 replicates is an error: no interval, no p-value).
pub fn compare(a: &Report, b: &Report, replicates: usize, seed: u64) -> Result<Comparison> {
    if replicates == 0 {
        // Without replicates there is no interval and no p-value (an empty share would
        // print p = 0, "significant").
        return Err(Error::Invalid(
            "compare needs bootstrap replicates (--bootstrap 1 or more)".into(),
        ));
    }
    if a.benchmark != b.benchmark {
        return Err(Error::Invalid(format!(
            "cannot compare a {} report with a {} report",
            a.benchmark.name(),
            b.benchmark.name()
        )));
    }
    // Reports are files a person can edit: a unit of the wrong width would make the
    // aggregation index past its numbers.
    for (which, r) in [("A", a), ("B", b)] {
        let n_aggs = r.step_aggs.len();
        if let Some(u) = r
            .units
            .iter()
            .find(|u| u.values.len() != metrics::unit_width(r.benchmark, &u.stratum, n_aggs))
        {
            return Err(Error::Invalid(format!(
                "report {which}: unit {}/{} has {} numbers where a {} report has {}: not a report `rewardkit eval` wrote (or edited)",
                u.stratum,
                u.id,
                u.values.len(),
                r.benchmark.name(),
                metrics::unit_width(r.benchmark, &u.stratum, n_aggs)
            )));
        }
    }
    if a.step_aggs != b.step_aggs {
        return Err(Error::Invalid(
            "the reports were scored with different step aggregations".into(),
        ));
    }
    let keys = |r: &Report| -> BTreeSet<(String, String)> {
        r.units
            .iter()
            .map(|u| (u.stratum.clone(), u.id.clone()))
            .collect()
    };
    let (ka, kb) = (keys(a), keys(b));
    if ka != kb {
        let only = |x: &BTreeSet<(String, String)>, y: &BTreeSet<(String, String)>| {
            x.difference(y)
                .take(5)
                .map(|(s, i)| format!("{s}/{i}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        return Err(Error::Invalid(format!(
            "the reports cover different items (only in A: [{}]; only in B: [{}]): compare reports of the same data",
            only(&ka, &kb),
            only(&kb, &ka)
        )));
    }
    let widths: std::collections::BTreeMap<(&str, &str), usize> = a
        .units
        .iter()
        .map(|u| ((u.stratum.as_str(), u.id.as_str()), u.values.len()))
        .collect();
    let mismatch = b
        .units
        .iter()
        .any(|u| widths.get(&(u.stratum.as_str(), u.id.as_str())) != Some(&u.values.len()));
    if mismatch || a.units.len() != b.units.len() {
        return Err(Error::Invalid(
            "the reports' units do not match (edited reports, or duplicate ids)".into(),
        ));
    }
    let differences = stats::paired_bootstrap(
        a.benchmark,
        &a.units,
        &b.units,
        &a.step_aggs,
        replicates,
        seed,
    );
    Ok(Comparison {
        benchmark: a.benchmark,
        a: a.source.clone(),
        b: b.source.clone(),
        main: a.main.clone(),
        bootstrap: replicates,
        seed,
        differences,
    })
}
