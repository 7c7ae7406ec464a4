//! Reward-hacking diagnostics from samples scored by a proxy reward and a true reward.
//!
//! Input rows (JSONL): a proxy score, a true score, a group (the prompt: best-of-n picks within
//! a group), optionally a length (or a completion text whose characters are counted) and a
//! policy step. The *reference* samples are those of the smallest step (all samples when there
//! is no step): the base policy.
//!
//! - **Proxy–true correlation** on the reference samples: Pearson and Spearman ρ, the standard
//!   deviations, and the χ²-regularisation coefficient `λ = σ_proxy·sqrt(1 − ρ²)/ρ` of
//!   Laidlaw, Singhal and Dragan, "Correlated Proxies: A New Definition and Improved Mitigation
//!   for Reward Hacking" (2024): a proxy is r-correlated when ρ ≥ r under the base policy.
//!   With steps, the means and ρ per step show the proxy drifting away from the truth.
//! - **Best-of-n curve** on the reference samples: for each n up to the smallest group size
//!   (groups of one sample are left out), the exact expectation, over uniformly random
//!   n-subsets of each group, of the proxy and the true reward of the proxy's choice (ties
//!   broken uniformly at random), averaged over groups, against the best-of-n KL
//!   `log n − (n − 1)/n` (Stiennon et al. 2020; Gao, Schulman and Hilton, "Scaling Laws for
//!   Reward Model Overoptimization", ICML 2023), with the oracle (choosing by the true
//!   reward) for reference and Gao et al.'s fit `R(d) − R(0) = d(α − βd)`, `d = sqrt(KL)`,
//!   whose peak is at `d = α/(2β)`. *Over-optimised* means that the true reward peaks before
//!   the largest n while the proxy still rises.
//! - **PF-PPO R²** (Zhang et al., "Policy Filtration for RLHF to Mitigate Noise in Reward
//!   Models", ICML 2025): per filter (`none`, `bon` the first best sample per group, `br`
//!   best plus one uniformly random other, `bw` best and worst), the R² of the least-squares
//!   fit `true ≈ a·proxy + b` on the kept reference samples; the filter with the highest R²
//!   is the one PF-PPO recommends. R² is `None` (JSON `null`) when the kept true scores are all
//!   equal (SS_tot = 0); when the kept proxies are all equal the fit is the mean (a = 0).
//! - **Length–reward correlation**: Pearson and Spearman ρ of length with the proxy and with
//!   the true reward over all samples, and the difference (a proxy that pays for length more
//!   than the truth does).
//!
//! A correlation over fewer than two distinct values is `None`, never NaN.

use crate::error::{Error, Result};
use crate::{Random, Rng};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::BufRead;

/// One scored sample.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    /// The group (prompt) it belongs to.
    pub group: String,
    /// The proxy reward.
    pub proxy: f64,
    /// The true reward.
    pub truth: f64,
    /// The length (tokens, characters, ...), if known.
    pub length: Option<f64>,
    /// The policy step (or any ordered stage), if known.
    pub step: Option<f64>,
}

/// Which JSON fields hold what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields {
    /// The proxy reward (default `proxy`).
    pub proxy: String,
    /// The true reward (default `true`).
    pub truth: String,
    /// The group (default `group`, then `prompt_id`, then `prompt`; a row without any is in
    /// one shared group).
    pub group: String,
    /// The length (default `length`; without it, the characters of `completion` or
    /// `response`).
    pub length: String,
    /// The policy step (default `step`).
    pub step: String,
}

impl Default for Fields {
    fn default() -> Self {
        Fields {
            proxy: "proxy".into(),
            truth: "true".into(),
            group: "group".into(),
            length: "length".into(),
            step: "step".into(),
        }
    }
}

/// Reads JSONL samples; `name` names the source in errors (`name:line: ...`).
pub fn read_jsonl(reader: impl BufRead, name: &str, fields: &Fields) -> Result<Vec<Sample>> {
    let mut out = Vec::new();
    for (i, line) in reader.lines().enumerate() {
        let line_no = i as u64 + 1;
        let err = |m: String| Error::Parse {
            source_name: name.to_string(),
            line: Some(line_no),
            message: m,
        };
        let line = line.map_err(|e| err(format!("cannot read: {e}")))?;
        let text = line.trim().trim_start_matches('\u{feff}');
        if text.is_empty() {
            continue;
        }
        let row: Value =
            serde_json::from_str(text).map_err(|e| err(format!("invalid JSON: {e}")))?;
        let obj = row
            .as_object()
            .ok_or_else(|| err("a row must be a JSON object".into()))?;
        let number = |key: &str, required: bool| -> Result<Option<f64>> {
            match obj.get(key) {
                None | Some(Value::Null) if !required => Ok(None),
                None | Some(Value::Null) => Err(err(format!("missing `{key}` (a number)"))),
                Some(v) => match v.as_f64() {
                    Some(x) if x.is_finite() => Ok(Some(x)),
                    _ => Err(err(format!("`{key}` must be a finite number, got {v}"))),
                },
            }
        };
        let proxy = number(&fields.proxy, true)?.unwrap_or_default();
        let truth = number(&fields.truth, true)?.unwrap_or_default();
        let step = number(&fields.step, false)?;
        let length = match number(&fields.length, false)? {
            Some(l) => Some(l),
            None => ["completion", "response"]
                .iter()
                .find_map(|k| obj.get(*k).and_then(Value::as_str))
                .map(|t| t.chars().count() as f64),
        };
        let group = [fields.group.as_str(), "prompt_id", "prompt"]
            .iter()
            .find_map(|k| obj.get(*k))
            .map(|v| match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .unwrap_or_default();
        out.push(Sample {
            group,
            proxy,
            truth,
            length,
            step,
        });
    }
    if out.is_empty() {
        return Err(Error::parse(name, "no samples"));
    }
    Ok(out)
}

/// The proxy–true correlation on the reference samples.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Correlation {
    /// Which samples: `all samples` or `step S`.
    pub reference: String,
    /// How many.
    pub n: usize,
    /// Pearson ρ(proxy, true).
    pub pearson: Option<f64>,
    /// Spearman ρ (average ranks for ties).
    pub spearman: Option<f64>,
    /// Population standard deviation of the proxy.
    pub proxy_std: f64,
    /// Population standard deviation of the true reward.
    pub true_std: f64,
    /// Laidlaw et al.'s `λ = σ_proxy·sqrt(1 − ρ²)/ρ` (when ρ > 0).
    pub lambda: Option<f64>,
}

/// Means per policy step.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepStats {
    /// The step.
    pub step: f64,
    /// Samples at this step.
    pub n: usize,
    /// Mean proxy reward.
    pub proxy_mean: f64,
    /// Mean true reward.
    pub true_mean: f64,
    /// Pearson ρ(proxy, true) at this step.
    pub pearson: Option<f64>,
}

/// One point of the best-of-n curve.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BonPoint {
    /// n.
    pub n: usize,
    /// `log n − (n − 1)/n`, nats.
    pub kl: f64,
    /// Mean over groups of the expected proxy reward of the proxy's choice.
    pub proxy: f64,
    /// Mean over groups of the expected true reward of the proxy's choice.
    pub truth: f64,
    /// The same when choosing by the true reward (the oracle).
    pub oracle: f64,
}

/// Gao et al.'s best-of-n fit `R(d) − R(0) = d(α − βd)`, `d = sqrt(KL)`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GaoFit {
    /// α.
    pub alpha: f64,
    /// β.
    pub beta: f64,
    /// `α/(2β)` when β > 0: where the true reward is predicted to peak.
    pub d_peak: Option<f64>,
    /// `d_peak²`, nats.
    pub kl_peak: Option<f64>,
}

/// The best-of-n over-optimisation curve.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BonCurve {
    /// Groups used (at least two reference samples).
    pub groups: usize,
    /// The points, n = 1 … the smallest such group.
    pub points: Vec<BonPoint>,
    /// The n where the true reward of the proxy's choice is highest.
    pub peak_n: usize,
    /// The true reward peaks before the largest n while the proxy still rises.
    pub over_optimised: bool,
    /// Gao et al.'s fit, when there are at least two points beyond n = 1.
    pub fit: Option<GaoFit>,
}

/// PF-PPO's R² for one filter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FilterR2 {
    /// `none`, `bon`, `br` or `bw`.
    pub filter: String,
    /// Samples kept.
    pub kept: usize,
    /// `a` of `true ≈ a·proxy + b`.
    pub slope: f64,
    /// `b`.
    pub intercept: f64,
    /// `1 − SS_res/SS_tot`; `None` when SS_tot = 0.
    pub r2: Option<f64>,
}

/// Length–reward correlations.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LengthStats {
    /// Samples with a length.
    pub n: usize,
    /// Pearson ρ(length, proxy).
    pub proxy_pearson: Option<f64>,
    /// Pearson ρ(length, true).
    pub true_pearson: Option<f64>,
    /// Spearman ρ(length, proxy).
    pub proxy_spearman: Option<f64>,
    /// Spearman ρ(length, true).
    pub true_spearman: Option<f64>,
    /// `ρ(length, proxy) − ρ(length, true)` (Pearson): > 0 when the proxy pays for length
    /// more than the truth does.
    pub bias: Option<f64>,
}

/// Everything `rewardkit diagnose` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Samples read.
    pub samples: usize,
    /// Distinct groups.
    pub groups: usize,
    /// Proxy–true correlation on the reference samples.
    pub correlation: Correlation,
    /// Per step (empty without steps).
    pub steps: Vec<StepStats>,
    /// The best-of-n curve (`None` when no group has two reference samples).
    pub best_of_n: Option<BonCurve>,
    /// PF-PPO R² per filter.
    pub pf_ppo: Vec<FilterR2>,
    /// The filter with the highest R².
    pub best_filter: Option<String>,
    /// Length–reward correlations (`None` without lengths).
    pub length: Option<LengthStats>,
}

/// Diagnoses the samples; `seed` drives the random "other" sample of the `br` filter.
pub fn diagnose(samples: &[Sample], seed: u64) -> Result<Report> {
    if samples.is_empty() {
        return Err(Error::param("samples", "no samples"));
    }
    let min_step = samples
        .iter()
        .filter_map(|s| s.step)
        .fold(None, |m: Option<f64>, v| Some(m.map_or(v, |m| m.min(v))));
    let reference: Vec<&Sample> = match min_step {
        Some(m) => samples.iter().filter(|s| s.step == Some(m)).collect(),
        None => samples.iter().collect(),
    };
    let ref_name = match min_step {
        Some(m) => format!("step {}", crate::mdp::short(m)),
        None => "all samples".into(),
    };
    let px: Vec<f64> = reference.iter().map(|s| s.proxy).collect();
    let tx: Vec<f64> = reference.iter().map(|s| s.truth).collect();
    let pearson_r = pearson(&px, &tx);
    let (proxy_std, true_std) = (std(&px), std(&tx));
    let correlation = Correlation {
        reference: ref_name,
        n: reference.len(),
        pearson: pearson_r,
        spearman: spearman(&px, &tx),
        proxy_std,
        true_std,
        lambda: pearson_r
            .filter(|r| *r > 0.0)
            .map(|r| proxy_std * (1.0 - r * r).max(0.0).sqrt() / r),
    };
    let mut by_step: BTreeMap<u64, Vec<&Sample>> = BTreeMap::new();
    for s in samples {
        if let Some(st) = s.step {
            by_step.entry(order_key(st)).or_default().push(s);
        }
    }
    let steps = by_step
        .values()
        .map(|v| {
            let p: Vec<f64> = v.iter().map(|s| s.proxy).collect();
            let t: Vec<f64> = v.iter().map(|s| s.truth).collect();
            StepStats {
                step: v[0].step.unwrap_or_default(),
                n: v.len(),
                proxy_mean: mean(&p),
                true_mean: mean(&t),
                pearson: pearson(&p, &t),
            }
        })
        .collect();
    let mut groups: BTreeMap<&str, Vec<&Sample>> = BTreeMap::new();
    for s in &reference {
        groups.entry(s.group.as_str()).or_default().push(s);
    }
    let all_groups: std::collections::HashSet<&str> =
        samples.iter().map(|s| s.group.as_str()).collect();
    let best_of_n = bon_curve(&groups);
    let pf_ppo = pf_ppo(&groups, seed);
    let best_filter = pf_ppo
        .iter()
        .filter_map(|f| f.r2.map(|r| (r, &f.filter)))
        .fold(None, |b: Option<(f64, &String)>, (r, f)| match b {
            Some((br, _)) if br >= r => b,
            _ => Some((r, f)),
        })
        .map(|(_, f)| f.clone());
    let with_len: Vec<&Sample> = samples.iter().filter(|s| s.length.is_some()).collect();
    let length = (!with_len.is_empty()).then(|| {
        let l: Vec<f64> = with_len
            .iter()
            .map(|s| s.length.unwrap_or_default())
            .collect();
        let p: Vec<f64> = with_len.iter().map(|s| s.proxy).collect();
        let t: Vec<f64> = with_len.iter().map(|s| s.truth).collect();
        let (lp, lt) = (pearson(&l, &p), pearson(&l, &t));
        LengthStats {
            n: with_len.len(),
            proxy_pearson: lp,
            true_pearson: lt,
            proxy_spearman: spearman(&l, &p),
            true_spearman: spearman(&l, &t),
            bias: lp.zip(lt).map(|(a, b)| a - b),
        }
    });
    Ok(Report {
        samples: samples.len(),
        groups: all_groups.len(),
        correlation,
        steps,
        best_of_n,
        pf_ppo,
        best_filter,
        length,
    })
}

/// A key that sorts f64 steps in numeric order.
fn order_key(x: f64) -> u64 {
    let b = x.to_bits();
    if b >> 63 == 1 {
        !b
    } else {
        b | (1 << 63)
    }
}

fn mean(x: &[f64]) -> f64 {
    if x.is_empty() {
        0.0
    } else {
        x.iter().sum::<f64>() / x.len() as f64
    }
}

fn std(x: &[f64]) -> f64 {
    let m = mean(x);
    mean(&x.iter().map(|v| (v - m) * (v - m)).collect::<Vec<_>>()).sqrt()
}

/// Pearson ρ; `None` when either side is constant or there are fewer than two values.
pub fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    if x.len() != y.len() || x.len() < 2 {
        return None;
    }
    let (mx, my) = (mean(x), mean(y));
    let (mut sxx, mut syy, mut sxy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        let (u, v) = (a - mx, b - my);
        sxx += u * u;
        syy += v * v;
        sxy += u * v;
    }
    let scale = |v: &[f64]| v.iter().fold(0.0f64, |m, a| m.max(a.abs()));
    let tiny = |s: f64, v: &[f64]| !(s.sqrt() > 1e-12 * scale(v) * (v.len() as f64).sqrt());
    if tiny(sxx, x) || tiny(syy, y) {
        return None;
    }
    Some((sxy / (sxx.sqrt() * syy.sqrt())).clamp(-1.0, 1.0))
}

/// Average ranks (1-based), ties sharing their mean rank.
fn ranks(x: &[f64]) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..x.len()).collect();
    idx.sort_by(|&a, &b| x[a].total_cmp(&x[b]));
    let mut r = vec![0.0; x.len()];
    let mut i = 0;
    while i < idx.len() {
        let mut j = i;
        while j + 1 < idx.len() && x[idx[j + 1]] == x[idx[i]] {
            j += 1;
        }
        let avg = (i + j) as f64 / 2.0 + 1.0;
        for &k in &idx[i..=j] {
            r[k] = avg;
        }
        i = j + 1;
    }
    r
}

/// Spearman ρ (Pearson of average ranks).
pub fn spearman(x: &[f64], y: &[f64]) -> Option<f64> {
    pearson(&ranks(x), &ranks(y))
}

/// `log n − (n − 1)/n`: the KL divergence of best-of-n sampling from the base policy.
pub fn bon_kl(n: usize) -> f64 {
    let n = n.max(1) as f64;
    n.ln() - (n - 1.0) / n
}

/// The expected `value` of the `key`-argmax of a uniformly random n-subset of `items`, ties in
/// `key` broken uniformly at random.
pub fn bon_expectation(key: &[f64], value: &[f64], n: usize) -> f64 {
    let k = key.len();
    if n == 0 || n > k {
        return f64::NAN;
    }
    let mut idx: Vec<usize> = (0..k).collect();
    idx.sort_by(|&a, &b| key[a].total_cmp(&key[b]));
    // w[i] = P(the item of ascending rank i+1 is the maximum) = C(i, n−1)/C(k, n).
    let mut w = vec![0.0; k];
    w[k - 1] = n as f64 / k as f64;
    for i in (1..k).rev() {
        // w[i−1] = w[i]·(i+1−n)/i
        w[i - 1] = if i + 1 > n {
            w[i] * (i + 1 - n) as f64 / i as f64
        } else {
            0.0
        };
    }
    let mut total = 0.0;
    let mut i = 0;
    while i < k {
        let mut j = i;
        while j + 1 < k && key[idx[j + 1]] == key[idx[i]] {
            j += 1;
        }
        let mass: f64 = w[i..=j].iter().sum();
        let avg = idx[i..=j].iter().map(|&t| value[t]).sum::<f64>() / (j - i + 1) as f64;
        total += mass * avg;
        i = j + 1;
    }
    total
}

fn bon_curve(groups: &BTreeMap<&str, Vec<&Sample>>) -> Option<BonCurve> {
    let used: Vec<&Vec<&Sample>> = groups.values().filter(|g| g.len() >= 2).collect();
    let n_max = used.iter().map(|g| g.len()).min()?;
    let mut points = Vec::with_capacity(n_max);
    for n in 1..=n_max {
        let (mut p, mut t, mut o) = (0.0, 0.0, 0.0);
        for g in &used {
            let px: Vec<f64> = g.iter().map(|s| s.proxy).collect();
            let tx: Vec<f64> = g.iter().map(|s| s.truth).collect();
            p += bon_expectation(&px, &px, n);
            t += bon_expectation(&px, &tx, n);
            o += bon_expectation(&tx, &tx, n);
        }
        let c = used.len() as f64;
        points.push(BonPoint {
            n,
            kl: bon_kl(n),
            proxy: p / c,
            truth: t / c,
            oracle: o / c,
        });
    }
    let peak = points
        .iter()
        .fold(&points[0], |b, p| if p.truth > b.truth { p } else { b });
    let last = &points[points.len() - 1];
    let over_optimised = peak.n < last.n && last.proxy > peak.proxy && last.truth < peak.truth;
    // Least squares of y = α d − β d² over n ≥ 2.
    let base = points[0].truth;
    let (mut s11, mut s12, mut s22, mut b1, mut b2, mut m) = (0.0, 0.0, 0.0, 0.0, 0.0, 0);
    for p in &points[1..] {
        let d = p.kl.sqrt();
        let (x1, x2, y) = (d, -d * d, p.truth - base);
        s11 += x1 * x1;
        s12 += x1 * x2;
        s22 += x2 * x2;
        b1 += x1 * y;
        b2 += x2 * y;
        m += 1;
    }
    let det = s11 * s22 - s12 * s12;
    let fit = (m >= 2 && det.abs() > 1e-12 * s11 * s22).then(|| {
        let alpha = (b1 * s22 - b2 * s12) / det;
        let beta = (s11 * b2 - s12 * b1) / det;
        let d_peak = (beta > 0.0 && alpha > 0.0).then(|| alpha / (2.0 * beta));
        GaoFit {
            alpha,
            beta,
            d_peak,
            kl_peak: d_peak.map(|d| d * d),
        }
    });
    Some(BonCurve {
        groups: used.len(),
        peak_n: peak.n,
        over_optimised,
        points,
        fit,
    })
}

fn pf_ppo(groups: &BTreeMap<&str, Vec<&Sample>>, seed: u64) -> Vec<FilterR2> {
    let mut rng = Rng::new(seed);
    let first_arg = |g: &[&Sample], better: fn(f64, f64) -> bool| -> usize {
        let mut b = 0;
        for (i, s) in g.iter().enumerate() {
            if better(s.proxy, g[b].proxy) {
                b = i;
            }
        }
        b
    };
    let mut out = Vec::new();
    for filter in ["none", "bon", "br", "bw"] {
        let mut kept: Vec<(f64, f64)> = Vec::new();
        for g in groups.values() {
            let best = first_arg(g, |a, b| a > b);
            let worst = first_arg(g, |a, b| a < b);
            let mut take = |i: usize| kept.push((g[i].proxy, g[i].truth));
            match filter {
                "none" => (0..g.len()).for_each(take),
                "bon" => take(best),
                "br" => {
                    take(best);
                    if g.len() > 1 {
                        let mut o = rng.below(g.len() - 1);
                        if o >= best {
                            o += 1;
                        }
                        take(o);
                    }
                }
                _ => {
                    take(best);
                    if g.len() > 1 {
                        take(if worst == best {
                            (best + 1) % g.len()
                        } else {
                            worst
                        });
                    }
                }
            }
        }
        out.push(linear_fit(filter, &kept));
    }
    out
}

fn linear_fit(filter: &str, pts: &[(f64, f64)]) -> FilterR2 {
    let x: Vec<f64> = pts.iter().map(|p| p.0).collect();
    let y: Vec<f64> = pts.iter().map(|p| p.1).collect();
    let (mx, my) = (mean(&x), mean(&y));
    let sxx: f64 = x.iter().map(|v| (v - mx) * (v - mx)).sum();
    let sxy: f64 = x.iter().zip(&y).map(|(a, b)| (a - mx) * (b - my)).sum();
    let slope = if sxx > 0.0 { sxy / sxx } else { 0.0 };
    let intercept = my - slope * mx;
    let ss_tot: f64 = y.iter().map(|v| (v - my) * (v - my)).sum();
    let ss_res: f64 = x
        .iter()
        .zip(&y)
        .map(|(a, b)| {
            let e = b - (slope * a + intercept);
            e * e
        })
        .sum();
    let scale = y.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    let r2 = (ss_tot.sqrt() > 1e-12 * scale * (y.len() as f64).sqrt() && ss_tot > 0.0)
        .then(|| 1.0 - ss_res / ss_tot);
    FilterR2 {
        filter: filter.into(),
        kept: pts.len(),
        slope,
        intercept,
        r2,
    }
}

fn opt(x: Option<f64>) -> String {
    x.map_or_else(|| "n/a".into(), |v| format!("{v:.4}"))
}

impl Report {
    /// The report as text for a terminal.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        let c = &self.correlation;
        let _ = writeln!(s, "{} samples in {} groups", self.samples, self.groups);
        let _ = writeln!(
            s,
            "\nproxy–true correlation ({}, {} samples)",
            c.reference, c.n
        );
        let _ = writeln!(
            s,
            "  pearson {}   spearman {}   std proxy {:.4}   std true {:.4}   lambda {}",
            opt(c.pearson),
            opt(c.spearman),
            c.proxy_std,
            c.true_std,
            opt(c.lambda)
        );
        if !self.steps.is_empty() {
            let _ = writeln!(
                s,
                "\nby step\n  {:>10} {:>7} {:>11} {:>11} {:>9}",
                "step", "n", "proxy", "true", "pearson"
            );
            for st in &self.steps {
                let _ = writeln!(
                    s,
                    "  {:>10} {:>7} {:>11.4} {:>11.4} {:>9}",
                    crate::mdp::short(st.step),
                    st.n,
                    st.proxy_mean,
                    st.true_mean,
                    opt(st.pearson)
                );
            }
        }
        match &self.best_of_n {
            None => {
                let _ = writeln!(s, "\nbest-of-n: no group has two reference samples");
            }
            Some(b) => {
                let _ = writeln!(s, "\nbest-of-n over {} groups (proxy's choice)", b.groups);
                let _ = writeln!(
                    s,
                    "  {:>5} {:>8} {:>11} {:>11} {:>11}",
                    "n", "KL", "proxy", "true", "oracle"
                );
                for p in &b.points {
                    let _ = writeln!(
                        s,
                        "  {:>5} {:>8.4} {:>11.4} {:>11.4} {:>11.4}",
                        p.n, p.kl, p.proxy, p.truth, p.oracle
                    );
                }
                let _ = write!(s, "  true reward peaks at n = {}", b.peak_n);
                if b.over_optimised {
                    let _ = write!(
                        s,
                        " — OVER-OPTIMISED: the proxy keeps rising, the true reward falls"
                    );
                }
                let _ = writeln!(s);
                if let Some(f) = &b.fit {
                    let _ = writeln!(
                        s,
                        "  Gao et al. fit: true − true(n=1) = d(α − βd), d = sqrt(KL): α = {:.4}, β = {:.4}, peak KL {}",
                        f.alpha,
                        f.beta,
                        opt(f.kl_peak)
                    );
                }
            }
        }
        let _ = writeln!(
            s,
            "\nPF-PPO R² of true ≈ a·proxy + b per filter (reference samples)"
        );
        for f in &self.pf_ppo {
            let _ = writeln!(
                s,
                "  {:<5} kept {:>7}   a {:>9.4}   b {:>9.4}   R² {}",
                f.filter,
                f.kept,
                f.slope,
                f.intercept,
                opt(f.r2)
            );
        }
        if let Some(b) = &self.best_filter {
            let _ = writeln!(s, "  highest R²: {b}");
        }
        match &self.length {
            Some(l) => {
                let _ = writeln!(s, "\nlength–reward correlation ({} samples)", l.n);
                let _ = writeln!(
                    s,
                    "  pearson: proxy {}  true {}   spearman: proxy {}  true {}   bias (proxy − true) {}",
                    opt(l.proxy_pearson),
                    opt(l.true_pearson),
                    opt(l.proxy_spearman),
                    opt(l.true_spearman),
                    opt(l.bias)
                );
            }
            None => {
                let _ = writeln!(s, "\nlength: no `length` or completion text in the input");
            }
        }
        s
    }

    /// An SVG chart: the best-of-n curve against KL (proxy, true, oracle, Gao fit) and, with
    /// steps, the means per step.
    pub fn to_svg(&self) -> String {
        let mut panels: Vec<Panel> = Vec::new();
        if let Some(b) = &self.best_of_n {
            let xs: Vec<f64> = b.points.iter().map(|p| p.kl).collect();
            let mut series = vec![
                Series::new(
                    "proxy",
                    "#1f77b4",
                    false,
                    &xs,
                    b.points.iter().map(|p| p.proxy),
                ),
                Series::new(
                    "true",
                    "#d62728",
                    false,
                    &xs,
                    b.points.iter().map(|p| p.truth),
                ),
                Series::new(
                    "oracle (true)",
                    "#2ca02c",
                    true,
                    &xs,
                    b.points.iter().map(|p| p.oracle),
                ),
            ];
            if let Some(f) = &b.fit {
                let base = b.points[0].truth;
                let max = xs.iter().copied().fold(0.0, f64::max);
                let fx: Vec<f64> = (0..=40).map(|i| max * i as f64 / 40.0).collect();
                let fy = fx.iter().map(|k| {
                    let d = k.sqrt();
                    base + d * (f.alpha - f.beta * d)
                });
                series.push(Series::new("Gao fit", "#9467bd", true, &fx, fy));
            }
            panels.push(Panel {
                title: "best-of-n: reward of the proxy's choice".into(),
                xlabel: "KL(best-of-n ‖ base) = log n − (n−1)/n  [nats]".into(),
                series,
            });
        }
        if self.steps.len() >= 2 {
            let xs: Vec<f64> = self.steps.iter().map(|s| s.step).collect();
            panels.push(Panel {
                title: "mean reward per policy step".into(),
                xlabel: "step".into(),
                series: vec![
                    Series::new(
                        "proxy",
                        "#1f77b4",
                        false,
                        &xs,
                        self.steps.iter().map(|s| s.proxy_mean),
                    ),
                    Series::new(
                        "true",
                        "#d62728",
                        false,
                        &xs,
                        self.steps.iter().map(|s| s.true_mean),
                    ),
                ],
            });
        }
        svg(&panels)
    }
}

struct Series {
    name: String,
    color: &'static str,
    dashed: bool,
    pts: Vec<(f64, f64)>,
}

impl Series {
    fn new(
        name: &str,
        color: &'static str,
        dashed: bool,
        xs: &[f64],
        ys: impl Iterator<Item = f64>,
    ) -> Self {
        Series {
            name: name.into(),
            color,
            dashed,
            pts: xs
                .iter()
                .copied()
                .zip(ys)
                .filter(|(x, y)| x.is_finite() && y.is_finite())
                .collect(),
        }
    }
}

struct Panel {
    title: String,
    xlabel: String,
    series: Vec<Series>,
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// "Nice" tick positions covering `[lo, hi]`.
fn ticks(lo: f64, hi: f64) -> Vec<f64> {
    let span = (hi - lo).max(1e-12);
    let raw = span / 5.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| span / s <= 6.0)
        .unwrap_or(10.0 * mag);
    let mut t = (lo / step).ceil() * step;
    let mut out = Vec::new();
    while t <= hi + 1e-9 * step {
        out.push(if t.abs() < 1e-12 * step { 0.0 } else { t });
        t += step;
    }
    out
}

fn svg(panels: &[Panel]) -> String {
    let (pw, ph) = (560.0, 380.0);
    let (ml, mr, mt, mb) = (70.0, 20.0, 40.0, 60.0);
    let width = pw * panels.len().max(1) as f64;
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{ph}" viewBox="0 0 {width} {ph}" font-family="sans-serif" font-size="12">"#
    );
    let _ = writeln!(s, r#"<rect width="100%" height="100%" fill="white"/>"#);
    if panels.is_empty() {
        let _ = writeln!(
            s,
            r#"<text x="20" y="40">no best-of-n groups and no steps to plot</text>"#
        );
    }
    for (k, p) in panels.iter().enumerate() {
        let ox = k as f64 * pw;
        let all: Vec<(f64, f64)> = p
            .series
            .iter()
            .flat_map(|s| s.pts.iter().copied())
            .collect();
        if all.is_empty() {
            continue;
        }
        let (mut x0, mut x1) = (f64::INFINITY, f64::NEG_INFINITY);
        let (mut y0, mut y1) = (f64::INFINITY, f64::NEG_INFINITY);
        for (x, y) in &all {
            x0 = x0.min(*x);
            x1 = x1.max(*x);
            y0 = y0.min(*y);
            y1 = y1.max(*y);
        }
        if x1 - x0 < 1e-12 {
            x1 = x0 + 1.0;
        }
        let pad = ((y1 - y0) * 0.08).max(1e-9);
        y0 -= pad;
        y1 += pad;
        let (iw, ih) = (pw - ml - mr, ph - mt - mb);
        let sx = |x: f64| ox + ml + (x - x0) / (x1 - x0) * iw;
        let sy = |y: f64| mt + ih - (y - y0) / (y1 - y0) * ih;
        let _ = writeln!(
            s,
            r#"<text x="{}" y="22" font-size="14" font-weight="bold">{}</text>"#,
            ox + ml,
            esc(&p.title)
        );
        let _ = writeln!(
            s,
            r##"<rect x="{}" y="{mt}" width="{iw}" height="{ih}" fill="none" stroke="#444"/>"##,
            ox + ml
        );
        for t in ticks(x0, x1) {
            let x = sx(t);
            let _ = writeln!(
                s,
                r##"<line x1="{x:.1}" y1="{}" x2="{x:.1}" y2="{}" stroke="#ddd"/>"##,
                mt,
                mt + ih
            );
            let _ = writeln!(
                s,
                r#"<text x="{x:.1}" y="{}" text-anchor="middle">{}</text>"#,
                mt + ih + 16.0,
                crate::mdp::short((t * 1e6).round() / 1e6)
            );
        }
        for t in ticks(y0, y1) {
            let y = sy(t);
            let _ = writeln!(
                s,
                r##"<line x1="{}" y1="{y:.1}" x2="{}" y2="{y:.1}" stroke="#ddd"/>"##,
                ox + ml,
                ox + ml + iw
            );
            let _ = writeln!(
                s,
                r#"<text x="{}" y="{:.1}" text-anchor="end">{}</text>"#,
                ox + ml - 6.0,
                y + 4.0,
                crate::mdp::short((t * 1e6).round() / 1e6)
            );
        }
        let _ = writeln!(
            s,
            r#"<text x="{}" y="{}" text-anchor="middle">{}</text>"#,
            ox + ml + iw / 2.0,
            ph - 18.0,
            esc(&p.xlabel)
        );
        let _ = writeln!(
            s,
            r#"<text transform="translate({},{}) rotate(-90)" text-anchor="middle">mean reward</text>"#,
            ox + 16.0,
            mt + ih / 2.0
        );
        for (i, ser) in p.series.iter().enumerate() {
            let pts: Vec<String> = ser
                .pts
                .iter()
                .map(|(x, y)| format!("{:.2},{:.2}", sx(*x), sy(*y)))
                .collect();
            let dash = if ser.dashed {
                r#" stroke-dasharray="5,4""#
            } else {
                ""
            };
            let _ = writeln!(
                s,
                r#"<polyline fill="none" stroke="{}" stroke-width="2"{dash} points="{}"/>"#,
                ser.color,
                pts.join(" ")
            );
            if !ser.dashed || ser.pts.len() < 20 {
                for (x, y) in &ser.pts {
                    let _ = writeln!(
                        s,
                        r#"<circle cx="{:.2}" cy="{:.2}" r="2.5" fill="{}"/>"#,
                        sx(*x),
                        sy(*y),
                        ser.color
                    );
                }
            }
            let ly = mt + 14.0 + 16.0 * i as f64;
            let lx = ox + ml + iw - 130.0;
            let _ = writeln!(
                s,
                r#"<line x1="{lx}" y1="{ly}" x2="{}" y2="{ly}" stroke="{}" stroke-width="2"{dash}/>"#,
                lx + 22.0,
                ser.color
            );
            let _ = writeln!(
                s,
                r#"<text x="{}" y="{}">{}</text>"#,
                lx + 28.0,
                ly + 4.0,
                esc(&ser.name)
            );
        }
    }
    s.push_str("</svg>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(group: &str, proxy: f64, truth: f64) -> Sample {
        Sample {
            group: group.into(),
            proxy,
            truth,
            length: None,
            step: None,
        }
    }

    #[test]
    fn bon_expectation_matches_enumeration() {
        let key = [0.3, 0.9, 0.1, 0.9, 0.5];
        let val = [1.0, 2.0, 3.0, 4.0, 5.0];
        for n in 1..=5 {
            // Enumerate all n-subsets; ties broken uniformly.
            let mut total = 0.0;
            let mut count = 0.0;
            for mask in 0u32..32 {
                if mask.count_ones() as usize != n {
                    continue;
                }
                let members: Vec<usize> = (0..5).filter(|i| mask >> i & 1 == 1).collect();
                let best = members.iter().map(|&i| key[i]).fold(f64::MIN, f64::max);
                let tied: Vec<usize> = members.into_iter().filter(|&i| key[i] == best).collect();
                total += tied.iter().map(|&i| val[i]).sum::<f64>() / tied.len() as f64;
                count += 1.0;
            }
            let want = total / count;
            assert!(
                (bon_expectation(&key, &val, n) - want).abs() < 1e-12,
                "n={n}"
            );
        }
        assert!((bon_kl(1)).abs() < 1e-15);
        assert!((bon_kl(4) - (4f64.ln() - 0.75)).abs() < 1e-15);
    }

    #[test]
    fn over_optimisation_is_flagged() {
        // Within each group the proxy rises with x, the truth peaks in the middle.
        let mut rows = Vec::new();
        for g in 0..20 {
            for i in 0..8 {
                let x = i as f64 + 0.01 * g as f64;
                rows.push(sample(&format!("g{g}"), x, -(x - 5.0) * (x - 5.0)));
            }
        }
        let r = diagnose(&rows, 0).unwrap();
        let b = r.best_of_n.clone().unwrap();
        assert_eq!(b.points.len(), 8);
        assert!(b.over_optimised, "{b:?}");
        assert!(b.peak_n > 1 && b.peak_n < 8);
        assert!(b.fit.unwrap().d_peak.is_some());
        assert!(r.to_svg().starts_with("<svg"));
        assert!(r.to_text().contains("OVER-OPTIMISED"));
    }

    #[test]
    fn degenerate_inputs_give_none_not_nan() {
        let rows = vec![
            sample("a", 1.0, 2.0),
            sample("a", 1.0, 2.0),
            sample("b", 1.0, 2.0),
        ];
        let r = diagnose(&rows, 0).unwrap();
        assert_eq!(r.correlation.pearson, None);
        assert!(r.pf_ppo.iter().all(|f| f.r2.is_none()));
        let json = serde_json::to_string(&r).unwrap();
        assert!(!json.contains("NaN"));
        assert_eq!(r.best_of_n.unwrap().groups, 1);
    }

    #[test]
    fn perfect_proxy() {
        let rows: Vec<Sample> = (0..40)
            .map(|i| sample(&format!("g{}", i % 5), i as f64, 2.0 * i as f64 + 1.0))
            .collect();
        let r = diagnose(&rows, 0).unwrap();
        assert!((r.correlation.pearson.unwrap() - 1.0).abs() < 1e-12);
        for f in &r.pf_ppo {
            assert!((f.r2.unwrap() - 1.0).abs() < 1e-12, "{f:?}");
        }
        assert!(!r.best_of_n.unwrap().over_optimised);
    }

    #[test]
    fn reads_jsonl_with_errors_naming_the_line() {
        let text = "{\"proxy\": 1, \"true\": 0.5, \"group\": \"p1\", \"completion\": \"abc\"}\n\n{\"proxy\": 2}\n";
        let e = read_jsonl(text.as_bytes(), "s.jsonl", &Fields::default()).unwrap_err();
        assert_eq!(e.to_string(), "s.jsonl:3: missing `true` (a number)");
        let ok = read_jsonl(&text.as_bytes()[..63], "s.jsonl", &Fields::default()).unwrap();
        assert_eq!(ok[0].length, Some(3.0));
        assert_eq!(ok[0].group, "p1");
    }
}
