//! Training: AdamW on mini-batches, seeded and deterministic, early stopping on a validation
//! split, a progress bar with the loss on stderr.
//!
//! Determinism under rayon: a batch is cut into at most [`CHUNKS`] chunks whose size depends
//! only on the batch size; each chunk's gradient is computed on its own (in parallel) and the
//! chunk gradients are added in chunk order. The result does not depend on the number of
//! threads.
//!
//! AdamW (Loshchilov and Hutter, arXiv 1711.05101), PyTorch's form: m ← β₁m + (1−β₁)g,
//! v ← β₂v + (1−β₂)g², p ← p − lr·(wd·p + m̂/(√v̂ + ε)) with bias-corrected m̂, v̂.

use crate::rng::Rng;
use crate::{Error, Result};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// At most this many chunks per batch (the unit of parallel work).
pub const CHUNKS: usize = 8;

/// A training objective: a sum of per-example losses over a flat parameter vector.
pub trait Objective: Sync {
    /// Number of parameters.
    fn n_params(&self) -> usize;
    /// The loss of example `i`; when `grad` is given, adds the example's gradient to it.
    fn example(&self, params: &[f64], i: usize, grad: Option<&mut [f64]>) -> f64;
    /// Called before each optimiser step `t` (1-based), e.g. to draw fresh noise.
    fn begin_step(&self, _t: u64) {}
}

/// Training options (recorded in the model's `config.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrainConfig {
    /// Passes over the training examples (at most).
    pub epochs: usize,
    /// Examples per step.
    pub batch_size: usize,
    /// Learning rate.
    pub lr: f64,
    /// Decoupled weight decay.
    pub weight_decay: f64,
    /// L2 penalty λ: the objective is the mean loss + λ/2 · ‖θ‖² (every parameter), as in
    /// scikit-learn's `LogisticRegression` with λ = 1 / (C · rows).
    #[serde(default)]
    pub l2: f64,
    /// Adam β₁.
    pub beta1: f64,
    /// Adam β₂.
    pub beta2: f64,
    /// Adam ε.
    pub eps: f64,
    /// Seed of initialisation, split, shuffling and bootstrap.
    pub seed: u64,
    /// Fraction of the examples held out for validation and early stopping (0: none).
    pub val_fraction: f64,
    /// Epochs without a better validation loss before stopping (0: never stop early).
    pub patience: usize,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            epochs: 30,
            batch_size: 32,
            lr: 0.01,
            weight_decay: 0.01,
            l2: 1e-3,
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8,
            seed: 0,
            val_fraction: 0.0,
            patience: 3,
        }
    }
}

impl TrainConfig {
    /// Checks the ranges.
    pub fn check(&self) -> Result<()> {
        let bad = |n: &str, m: &str| Err(Error::option(n, m));
        if self.epochs == 0 {
            return bad("epochs", "must be at least 1");
        }
        if self.batch_size == 0 {
            return bad("batch_size", "must be at least 1");
        }
        if !(self.lr.is_finite() && self.lr > 0.0) {
            return bad("lr", "must be a finite number > 0");
        }
        if !(self.weight_decay.is_finite() && self.weight_decay >= 0.0) {
            return bad("weight_decay", "must be a finite number ≥ 0");
        }
        if !(self.l2.is_finite() && self.l2 >= 0.0) {
            return bad("l2", "must be a finite number ≥ 0");
        }
        if !(0.0..1.0).contains(&self.beta1) || !(0.0..1.0).contains(&self.beta2) {
            return bad("beta1/beta2", "must be in [0, 1)");
        }
        if !(self.eps.is_finite() && self.eps > 0.0) {
            return bad("eps", "must be a finite number > 0");
        }
        if !(0.0..1.0).contains(&self.val_fraction) {
            return bad("val_fraction", "must be in [0, 1)");
        }
        Ok(())
    }
}

/// What happened during training.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TrainReport {
    /// Epochs run.
    pub epochs_run: usize,
    /// The epoch (1-based) whose parameters were kept (the best validation loss; the last
    /// epoch without validation).
    pub best_epoch: usize,
    /// Mean training loss of each epoch.
    pub train_loss: Vec<f64>,
    /// Mean validation loss after each epoch (empty without validation).
    pub val_loss: Vec<f64>,
}

/// Splits `0..n` into (train, validation) with a seeded shuffle. With `val_fraction > 0` and
/// `n ≥ 2`, at least one example is held out and at least one is kept.
pub fn split(n: usize, val_fraction: f64, seed: u64) -> (Vec<usize>, Vec<usize>) {
    let mut idx: Vec<usize> = (0..n).collect();
    Rng::new(seed, 0x5EED).shuffle(&mut idx);
    let mut nv = (n as f64 * val_fraction).round() as usize;
    if val_fraction > 0.0 && n >= 2 {
        nv = nv.clamp(1, n - 1);
    } else {
        nv = 0;
    }
    let val = idx[..nv].to_vec();
    let mut train = idx[nv..].to_vec();
    train.sort_unstable();
    (train, val.into_iter().collect())
}

/// Mean loss over `idx` (deterministic order of summation).
pub fn mean_loss<O: Objective>(obj: &O, params: &[f64], idx: &[usize]) -> f64 {
    if idx.is_empty() {
        return f64::NAN;
    }
    let losses: Vec<f64> = idx
        .par_iter()
        .map(|&i| obj.example(params, i, None))
        .collect();
    losses.iter().sum::<f64>() / idx.len() as f64
}

/// Trains `params` in place. `stream` separates the random streams of ensemble members.
pub fn train<O: Objective>(
    obj: &O,
    params: &mut [f64],
    train_idx: &[usize],
    val_idx: &[usize],
    cfg: &TrainConfig,
    stream: u64,
    progress: Option<&indicatif::ProgressBar>,
) -> Result<TrainReport> {
    cfg.check()?;
    let p = obj.n_params();
    assert_eq!(params.len(), p, "parameter vector of the wrong length");
    let mut rng = Rng::new(cfg.seed, 0x7EA1 + stream);
    let (mut m, mut v) = (vec![0.0; p], vec![0.0; p]);
    let mut order = train_idx.to_vec();
    let mut report = TrainReport::default();
    let mut best: Option<(f64, Vec<f64>)> = None;
    let mut bad_epochs = 0;
    let mut t = 0i32;
    for epoch in 1..=cfg.epochs {
        rng.shuffle(&mut order);
        let mut epoch_loss = 0.0;
        for batch in order.chunks(cfg.batch_size) {
            obj.begin_step(t as u64 + 1);
            let chunk = batch.len().div_ceil(CHUNKS);
            let parts: Vec<(f64, Vec<f64>)> = batch
                .par_chunks(chunk)
                .map(|c| {
                    let mut g = vec![0.0; p];
                    let l: f64 = c
                        .iter()
                        .map(|&i| obj.example(params, i, Some(&mut g)))
                        .sum();
                    (l, g)
                })
                .collect();
            let mut parts = parts.into_iter();
            let (mut loss, mut g) = parts.next().unwrap_or((0.0, vec![0.0; p]));
            for (l, gi) in parts {
                loss += l;
                g.iter_mut().zip(gi).for_each(|(a, b)| *a += b);
            }
            let scale = 1.0 / batch.len() as f64;
            epoch_loss += loss;
            t += 1;
            let bc1 = 1.0 - cfg.beta1.powi(t);
            let bc2 = 1.0 - cfg.beta2.powi(t);
            for k in 0..p {
                let gk = g[k] * scale + cfg.l2 * params[k];
                m[k] = cfg.beta1 * m[k] + (1.0 - cfg.beta1) * gk;
                v[k] = cfg.beta2 * v[k] + (1.0 - cfg.beta2) * gk * gk;
                let upd = (m[k] / bc1) / ((v[k] / bc2).sqrt() + cfg.eps);
                params[k] -= cfg.lr * (cfg.weight_decay * params[k] + upd);
            }
            if let Some(pb) = progress {
                pb.inc(1);
                pb.set_message(format!("loss {:.4}", loss * scale));
            }
        }
        let train_loss = epoch_loss / order.len().max(1) as f64;
        report.train_loss.push(train_loss);
        report.epochs_run = epoch;
        if !train_loss.is_finite() {
            return Err(Error::option(
                "lr",
                format!("the training loss diverged at epoch {epoch}; try a smaller learning rate"),
            ));
        }
        if val_idx.is_empty() {
            report.best_epoch = epoch;
            continue;
        }
        let vl = mean_loss(obj, params, val_idx);
        report.val_loss.push(vl);
        if let Some(pb) = progress {
            pb.set_message(format!("loss {train_loss:.4} val {vl:.4}"));
        }
        if best.as_ref().map_or(true, |(b, _)| vl < *b - 1e-12) {
            best = Some((vl, params.to_vec()));
            report.best_epoch = epoch;
            bad_epochs = 0;
        } else {
            bad_epochs += 1;
            if cfg.patience > 0 && bad_epochs >= cfg.patience {
                break;
            }
        }
    }
    if let Some((_, b)) = best {
        params.copy_from_slice(&b);
    }
    Ok(report)
}

/// A progress bar on stderr (hidden when `show` is false or stderr is not a terminal).
pub fn progress_bar(steps: u64, show: bool) -> indicatif::ProgressBar {
    if !show {
        return indicatif::ProgressBar::hidden();
    }
    let pb = indicatif::ProgressBar::with_draw_target(
        Some(steps),
        indicatif::ProgressDrawTarget::stderr(),
    );
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{prefix} [{bar:30}] {pos}/{len} steps {msg} ({elapsed})",
    ) {
        pb.set_style(style.progress_chars("=> "));
    }
    pb
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Least squares on a line: minimum at params = (2, −1).
    struct Line(Vec<(f64, f64)>);
    impl Objective for Line {
        fn n_params(&self) -> usize {
            2
        }
        fn example(&self, p: &[f64], i: usize, grad: Option<&mut [f64]>) -> f64 {
            let (x, y) = self.0[i];
            let e = p[0] * x + p[1] - y;
            if let Some(g) = grad {
                g[0] += e * x;
                g[1] += e;
            }
            0.5 * e * e
        }
    }

    #[test]
    fn adamw_converges_and_is_deterministic() {
        let data: Vec<(f64, f64)> = (0..100)
            .map(|i| (i as f64 / 50.0 - 1.0, 2.0 * (i as f64 / 50.0 - 1.0) - 1.0))
            .collect();
        let obj = Line(data);
        let cfg = TrainConfig {
            epochs: 200,
            lr: 0.05,
            weight_decay: 0.0,
            patience: 0,
            ..TrainConfig::default()
        };
        let (tr, va) = split(100, 0.1, 3);
        assert_eq!((tr.len(), va.len()), (90, 10));
        let run = || {
            let mut p = vec![0.0, 0.0];
            let r = train(&obj, &mut p, &tr, &va, &cfg, 0, None).unwrap();
            (p, r)
        };
        let (p, r) = run();
        assert!(
            (p[0] - 2.0).abs() < 1e-2 && (p[1] + 1.0).abs() < 1e-2,
            "{p:?}"
        );
        assert!(r.val_loss.last().unwrap() < &1e-4);
        let one = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let (q, _) = one.install(run);
        assert_eq!(p, q, "same result on one thread");
    }

    #[test]
    fn early_stopping_keeps_the_best_epoch() {
        // Validation example disagrees with training: val loss rises as training proceeds.
        let obj = Line(vec![(1.0, 1.0), (1.0, 1.0), (1.0, -5.0)]);
        let cfg = TrainConfig {
            epochs: 50,
            batch_size: 2,
            lr: 0.1,
            weight_decay: 0.0,
            patience: 2,
            ..TrainConfig::default()
        };
        let mut p = vec![0.0, 0.0];
        let r = train(&obj, &mut p, &[0, 1], &[2], &cfg, 0, None).unwrap();
        assert!(r.epochs_run < 50);
        assert_eq!(r.best_epoch, 1);
        assert!(TrainConfig { lr: -1.0, ..cfg }.check().is_err());
    }
}
