//! Training: AdamW on mini-batches, seeded and deterministic, early stopping on a validation
//! split, a progress bar with the loss on stderr.
//!
//! Determinism under rayon: a batch is cut into at most [`CHUNKS`] chunks whose size depends
//! only on the batch size; each chunk's gradient is computed on its own (in parallel) and the
//! chunk gradients are added in chunk order. The result does not depend on the number of
//! threads.
//!
//! Sparse inputs. A head on hashed features reads a few hundred of its 65,536 input columns
//! per text. An objective whose first layer is a linear map of sparse inputs
//! ([`SparseObjective`]; the BT family, GPM, ensembles and regression) returns, per input, the
//! gradient of that layer's outputs `dz`; the trainer adds the first layer's gradient
//! `dz ⊗ x` column by column, in parallel over ranges of columns and in batch order (again
//! independent of the thread count), and runs the optimiser on each range while it is in
//! cache. Other objectives (VPL) sum dense per-chunk gradients.
//!
//! AdamW (Loshchilov and Hutter, arXiv 1711.05101) in the order of operations of PyTorch's
//! `torch.optim.AdamW` (`torch/optim/adamw.py`, `_single_tensor_adamw`): m ← β₁m + (1−β₁)g,
//! v ← β₂v + (1−β₂)g², p ← p·(1 − lr·wd), then p ← p − (lr/bc₁)·m / (√v/√bc₂ + ε) with
//! bc_i = 1 − β_iᵗ (one square root and one division per parameter).
//!
//! The optimiser is a choice ([`Optimizer`]):
//! - `adamw` (default): every parameter every step, exactly PyTorch's `torch.optim.AdamW`.
//! - `lazy_adamw`: a step updates the columns the batch read (and every parameter outside the
//!   first layer); an unread column keeps its moments and gets only the decoupled weight
//!   decay, applied when it is next read (or at the end of the epoch) as `(1 − lr·wd)^k` for
//!   the k steps it missed. As TensorFlow Addons' `LazyAdam` and PyTorch's `SparseAdam` (which
//!   have no decay): the moments of unread columns do not decay, and an unread column has no
//!   momentum step. The L2 penalty's gradient is added where the batch reads. With dense
//!   features every column is read every step, and both optimisers are the same.

use crate::features::Feat;
use crate::rng::{Random, Rng};
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
    /// The objective's sparse form, when its first layer is a linear map of sparse inputs
    /// (`None`: every step computes and sums dense gradients).
    fn sparse(&self) -> Option<&dyn SparseObjective> {
        None
    }
}

/// An objective whose first layer is a linear map `z = W x` of sparse inputs `x`: its
/// gradient is `Σ dz ⊗ x` over the inputs of a batch, which the trainer adds column by column
/// (in parallel over columns, in batch order) instead of summing dense per-chunk gradients.
pub trait SparseObjective: Sync {
    /// The first layer's layout.
    fn layout(&self) -> SparseRows;
    /// Appends the input columns example `i` reads (in any order, repeats allowed).
    fn features(&self, i: usize, out: &mut Vec<u32>);
    /// The loss of example `i`: adds the gradient of the parameters after the first layer to
    /// `tail` (`grad[rows·cols..]`), and appends each input the example read with ∂L/∂z of
    /// the first layer's outputs for it.
    fn example_sparse<'a>(
        &'a self,
        params: &[f64],
        i: usize,
        tail: &mut [f64],
        inputs: &mut Vec<(&'a Feat, Vec<f64>)>,
    ) -> f64;
}

/// The layout of a first layer on sparse inputs: parameters `0..rows·cols` are a `rows × cols`
/// matrix stored feature-major (column `j` at `j·rows..(j+1)·rows`), whose column `j` is read
/// only by examples with input column `j`; the parameters after it are read by every example.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SparseRows {
    /// Rows (output units of the first layer).
    pub rows: usize,
    /// Columns (input dimension).
    pub cols: usize,
}

/// The optimiser (see the module docs).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Optimizer {
    /// AdamW on every parameter every step (PyTorch's `torch.optim.AdamW`).
    #[default]
    Adamw,
    /// AdamW on the input columns a batch reads; decay alone, caught up, on the others.
    LazyAdamw,
}

impl Optimizer {
    /// The name used on the command line and in `config.json`.
    pub fn name(self) -> &'static str {
        match self {
            Optimizer::Adamw => "adamw",
            Optimizer::LazyAdamw => "lazy_adamw",
        }
    }
}

impl std::str::FromStr for Optimizer {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "adamw" => Ok(Optimizer::Adamw),
            "lazy_adamw" | "lazy-adamw" => Ok(Optimizer::LazyAdamw),
            _ => Err(Error::option(
                "optimizer",
                format!("unknown optimizer `{s}`; expected adamw or lazy_adamw"),
            )),
        }
    }
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
    /// The optimiser (files written before it existed used AdamW).
    #[serde(default)]
    pub optimizer: Optimizer,
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
            optimizer: Optimizer::Adamw,
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
        if self.lr * self.weight_decay >= 1.0 {
            return Err(Error::option(
                "weight_decay",
                format!(
                    "lr × weight_decay must be below 1 (each step multiplies the weights by 1 − lr·wd), got {} × {}",
                    self.lr, self.weight_decay
                ),
            ));
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

/// A step's sums and updates are split into at most this many ranges of input columns (the
/// unit of parallel work; every parameter's update is its own, so results do not depend on it).
const RANGES: usize = 16;

/// Below this many first-layer multiply-adds per step (inputs' non-zeros × rows), a step's
/// chunks run on the calling thread: waking the pool costs more than the work (a head on
/// 384-dimensional embeddings). Results are the same either way.
const PAR_MIN_WORK: usize = 1 << 17;

/// The columns per range of a first layer, for a step with `work` first-layer operations
/// (the larger of the gradient's multiply-adds and the parameters the optimiser visits): one
/// range per 32,768 operations, at most [`RANGES`], so that small layers are not split finer
/// than the pool's wake-up costs and the ranges stay even.
fn span(layout: SparseRows, work: usize) -> usize {
    let n = (work / (1 << 15)).clamp(1, RANGES);
    layout.cols.div_ceil(n).max(1)
}

/// The scalars of one AdamW step (PyTorch's `_single_tensor_adamw` order of operations:
/// decay, then `p −= (lr / bc₁) · m / (√v / √bc₂ + ε)`; the division by √bc₂ is a
/// multiplication by its inverse).
#[derive(Clone, Copy)]
struct Step {
    scale: f64,
    l2: f64,
    beta1: f64,
    beta2: f64,
    keep: f64,
    step_size: f64,
    inv_sbc2: f64,
    eps: f64,
}

impl Step {
    fn new(cfg: &TrainConfig, t: i32, scale: f64) -> Self {
        Step {
            scale,
            l2: cfg.l2,
            beta1: cfg.beta1,
            beta2: cfg.beta2,
            keep: 1.0 - cfg.lr * cfg.weight_decay,
            step_size: cfg.lr / (1.0 - cfg.beta1.powi(t)),
            inv_sbc2: 1.0 / (1.0 - cfg.beta2.powi(t)).sqrt(),
            eps: cfg.eps,
        }
    }

    /// Updates `p`, `m`, `v` from the summed gradients `g` (cleared), elementwise.
    #[inline(always)]
    fn run(&self, p: &mut [f64], m: &mut [f64], v: &mut [f64], g: &mut [f64]) {
        for (((p, m), v), g) in p
            .iter_mut()
            .zip(m.iter_mut())
            .zip(v.iter_mut())
            .zip(g.iter_mut())
        {
            let gk = *g * self.scale + self.l2 * *p;
            *g = 0.0;
            *m = self.beta1 * *m + (1.0 - self.beta1) * gk;
            *v = self.beta2 * *v + (1.0 - self.beta2) * gk * gk;
            let denom = v.sqrt() * self.inv_sbc2 + self.eps;
            *p = *p * self.keep - self.step_size * *m / denom;
        }
    }
}

/// Lazy AdamW: decays the first-layer columns read at `step` (or every column, `all`) to
/// step `to`, `(1 − lr·wd)` per step they missed.
#[allow(clippy::too_many_arguments)]
fn catch_up(
    layout: SparseRows,
    params: &mut [f64],
    read: &[u64],
    last: &mut [u64],
    step: u64,
    to: u64,
    keep: f64,
    all: bool,
) {
    if keep == 1.0 {
        return;
    }
    let rows = layout.rows;
    let span = span(layout, rows * layout.cols);
    params[..rows * layout.cols]
        .par_chunks_mut((span * rows).max(1))
        .zip(read.par_chunks(span))
        .zip(last.par_chunks_mut(span))
        .for_each(|((p, read), last)| {
            for (jj, (&r, l)) in read.iter().zip(last.iter_mut()).enumerate() {
                if (all || r == step) && *l < to {
                    let f = keep.powi((to - *l).min(i32::MAX as u64) as i32);
                    p[jj * rows..(jj + 1) * rows]
                        .iter_mut()
                        .for_each(|w| *w *= f);
                    *l = to;
                }
            }
        });
}

/// The inputs a chunk's examples read, each with ∂L/∂z of the first layer's outputs.
type ChunkInputs<'a> = Vec<(&'a Feat, Vec<f64>)>;

/// One step of a sparse objective: the chunks' losses, tail gradients and inputs in
/// parallel; then, in parallel over ranges of columns, the first layer's gradient `Σ dz ⊗ x`
/// (in batch order) and the optimiser on those columns (lazy: the columns read; AdamW: all).
#[allow(clippy::too_many_arguments)]
fn sparse_step(
    sp: &dyn SparseObjective,
    layout: SparseRows,
    params: &mut [f64],
    st: &mut SparseState,
    chunks: &[&[usize]],
    step: u64,
    lazy: bool,
    work: usize,
    a_of: impl Fn(f64) -> Step,
) -> f64 {
    let rows = layout.rows;
    let n1 = rows * layout.cols;
    let params_now: &[f64] = params;
    let run = |(tail, c): (&mut Vec<f64>, &&[usize])| {
        let mut inputs = Vec::with_capacity(2 * c.len());
        let l = c
            .iter()
            .map(|&i| sp.example_sparse(params_now, i, tail, &mut inputs))
            .sum();
        (l, inputs)
    };
    let tails = &mut st.tails[..chunks.len()];
    let results: Vec<(f64, ChunkInputs<'_>)> = if work >= PAR_MIN_WORK {
        tails.par_iter_mut().zip(chunks).map(run).collect()
    } else {
        tails.iter_mut().zip(chunks).map(run).collect()
    };
    let loss: f64 = results.iter().map(|r| r.0).sum();
    let batch: usize = chunks.iter().map(|c| c.len()).sum();
    let a = a_of(1.0 / batch as f64);
    let span = span(layout, work.max(n1));
    let width = (span * rows).max(1);
    let (p1, p2) = params.split_at_mut(n1);
    let (m1, m2) = st.m.split_at_mut(n1);
    let (v1, v2) = st.v.split_at_mut(n1);
    (
        p1.par_chunks_mut(width),
        m1.par_chunks_mut(width),
        v1.par_chunks_mut(width),
        st.g.par_chunks_mut(width),
        st.read.par_chunks(span),
        st.last.par_chunks_mut(span),
    )
        .into_par_iter()
        .enumerate()
        .for_each(|(r, (p, m, v, g, read, last))| {
            let (j0, j1) = ((r * span) as u32, (r * span + read.len()) as u32);
            for (x, dz) in results.iter().flat_map(|r| r.1.iter()) {
                let lo = x.idx.partition_point(|&j| j < j0);
                let hi = x.idx.partition_point(|&j| j < j1);
                crate::head::scatter(g, rows, j0, &x.idx[lo..hi], &x.val[lo..hi], dz);
            }
            if lazy {
                for (jj, (&rd, l)) in read.iter().zip(last.iter_mut()).enumerate() {
                    if rd == step {
                        let c = jj * rows..(jj + 1) * rows;
                        a.run(
                            &mut p[c.clone()],
                            &mut m[c.clone()],
                            &mut v[c.clone()],
                            &mut g[c],
                        );
                        *l = step;
                    }
                }
            } else {
                a.run(p, m, v, g);
            }
        });
    // The parameters after the first layer: the chunks' tails added in chunk order.
    let (first, rest) = st.tails.split_at_mut(1);
    for t in rest[..chunks.len() - 1].iter_mut() {
        for (x, y) in first[0].iter_mut().zip(t.iter_mut()) {
            *x += *y;
            *y = 0.0;
        }
    }
    a.run(p2, m2, v2, &mut first[0]);
    loss
}

/// The optimiser's state for a sparse objective.
struct SparseState {
    m: Vec<f64>,
    v: Vec<f64>,
    /// The first layer's summed gradient (zero outside the columns a step read).
    g: Vec<f64>,
    /// Per chunk: the gradient of the parameters after the first layer.
    tails: Vec<Vec<f64>>,
    /// The last step whose batch read each column.
    read: Vec<u64>,
    /// Lazy AdamW: the step each column's parameters are decayed or updated to.
    last: Vec<u64>,
}

/// One step of a dense objective: per-chunk gradients summed in chunk order, then AdamW on
/// every parameter.
fn dense_step<O: Objective>(
    obj: &O,
    params: &mut [f64],
    st: &mut DenseState,
    chunks: &[&[usize]],
    a_of: impl Fn(f64) -> Step,
) -> f64 {
    let params_now: &[f64] = params;
    let losses: Vec<f64> = st.grads[..chunks.len()]
        .par_iter_mut()
        .zip(chunks)
        .map(|(g, c)| {
            c.iter()
                .map(|&i| obj.example(params_now, i, Some(&mut g[..])))
                .sum()
        })
        .collect();
    let batch: usize = chunks.iter().map(|c| c.len()).sum();
    let a = a_of(1.0 / batch as f64);
    let (first, rest) = st.grads.split_at_mut(1);
    let mut others: Vec<&mut [f64]> = rest[..chunks.len() - 1]
        .iter_mut()
        .map(|b| &mut b[..])
        .collect();
    const W: usize = 1 << 14;
    let mut per: Vec<Vec<&mut [f64]>> = (0..params.len().div_ceil(W)).map(|_| Vec::new()).collect();
    for b in others.iter_mut() {
        for (k, part) in b.chunks_mut(W).enumerate() {
            per[k].push(part);
        }
    }
    (
        params.par_chunks_mut(W),
        st.m.par_chunks_mut(W),
        st.v.par_chunks_mut(W),
        first[0].par_chunks_mut(W),
        per.into_par_iter(),
    )
        .into_par_iter()
        .for_each(|(p, m, v, g, mut bs)| {
            for b in bs.iter_mut() {
                for (x, y) in g.iter_mut().zip(b.iter_mut()) {
                    *x += *y;
                    *y = 0.0;
                }
            }
            a.run(p, m, v, g);
        });
    losses.iter().sum()
}

/// The optimiser's state: by the objective's form.
enum State<'o> {
    Sparse(&'o dyn SparseObjective, SparseRows, SparseState),
    Dense(DenseState),
}

/// The optimiser's state for a dense objective.
struct DenseState {
    m: Vec<f64>,
    v: Vec<f64>,
    /// One gradient buffer per chunk (cleared after each step).
    grads: Vec<Vec<f64>>,
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
    let sparse = obj.sparse().and_then(|sp: &dyn SparseObjective| {
        let l = sp.layout();
        let fits =
            l.rows.checked_mul(l.cols).is_some_and(|n| n <= p) && l.cols <= u32::MAX as usize;
        fits.then_some((sp, l))
    });
    let lazy = cfg.optimizer == Optimizer::LazyAdamw;
    let keep = 1.0 - cfg.lr * cfg.weight_decay;
    let mut rng = Rng::new(cfg.seed, 0x7EA1 + stream);
    let mut order = train_idx.to_vec();
    let mut report = TrainReport::default();
    let mut best: Option<(f64, Vec<f64>)> = None;
    let mut bad_epochs = 0;
    let mut t = 0i32;
    let n_chunks = cfg.batch_size.min(order.len().max(1)).min(CHUNKS);
    let mut state = match sparse {
        Some((sp, l)) => State::Sparse(
            sp,
            l,
            SparseState {
                m: vec![0.0; p],
                v: vec![0.0; p],
                g: vec![0.0; l.rows * l.cols],
                tails: vec![vec![0.0; p - l.rows * l.cols]; n_chunks],
                read: vec![0; l.cols],
                last: vec![0; l.cols],
            },
        ),
        None => State::Dense(DenseState {
            m: vec![0.0; p],
            v: vec![0.0; p],
            grads: vec![vec![0.0; p]; n_chunks],
        }),
    };
    let mut cols = Vec::new();
    for epoch in 1..=cfg.epochs {
        rng.shuffle(&mut order);
        let mut epoch_loss = 0.0;
        for batch in order.chunks(cfg.batch_size) {
            let step = t as u64 + 1;
            obj.begin_step(step);
            let chunk = batch.len().div_ceil(CHUNKS);
            let chunks: Vec<&[usize]> = batch.chunks(chunk).collect();
            let a_of = |scale| Step::new(cfg, t + 1, scale);
            let loss = match &mut state {
                State::Sparse(sp, l, st) => {
                    let (sp, l) = (*sp, *l);
                    let mut nnz = 0;
                    for &i in batch {
                        cols.clear();
                        sp.features(i, &mut cols);
                        nnz += cols.len();
                        for &j in &cols {
                            if let Some(r) = st.read.get_mut(j as usize) {
                                *r = step;
                            }
                        }
                    }
                    if lazy {
                        catch_up(
                            l,
                            params,
                            &st.read,
                            &mut st.last,
                            step,
                            step - 1,
                            keep,
                            false,
                        );
                    }
                    sparse_step(sp, l, params, st, &chunks, step, lazy, nnz * l.rows, a_of)
                }
                State::Dense(st) => dense_step(obj, params, st, &chunks, a_of),
            };
            let scale = 1.0 / batch.len() as f64;
            epoch_loss += loss;
            t += 1;
            if let Some(pb) = progress {
                pb.inc(1);
                pb.set_message(format!("loss {:.4}", loss * scale));
            }
        }
        if let (true, State::Sparse(_, l, st)) = (lazy, &mut state) {
            // Every column decayed to the current step before the parameters are read.
            catch_up(*l, params, &st.read, &mut st.last, 0, t as u64, keep, true);
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

    /// Least squares on sparse inputs: a first layer of 2 rows over `cols` columns
    /// (feature-major) and a bias; y ≈ Σ_j x_j (w(0, j) + ½ w(1, j)) + b.
    struct Sparse {
        cols: usize,
        xs: Vec<Vec<(u32, f64)>>,
        feats: Vec<Feat>,
        ys: Vec<f64>,
    }

    impl Sparse {
        fn new(n: usize, cols: usize, per: usize, seed: u64) -> Self {
            let mut rng = Rng::new(seed, 1);
            let truth: Vec<f64> = (0..cols).map(|_| rng.normal()).collect();
            let mut xs = Vec::new();
            let mut ys = Vec::new();
            for _ in 0..n {
                let mut x: Vec<(u32, f64)> = (0..per)
                    .map(|_| (rng.below(cols) as u32, rng.normal()))
                    .collect();
                x.sort_by_key(|e| e.0);
                x.dedup_by_key(|e| e.0);
                ys.push(x.iter().map(|&(j, v)| v * truth[j as usize]).sum::<f64>() + 0.3);
                xs.push(x);
            }
            let feats = feats_of(&xs);
            Sparse {
                cols,
                xs,
                feats,
                ys,
            }
        }
    }

    impl Objective for Sparse {
        fn n_params(&self) -> usize {
            2 * self.cols + 1
        }
        fn example(&self, p: &[f64], i: usize, grad: Option<&mut [f64]>) -> f64 {
            let b = p[2 * self.cols];
            let e = self.xs[i]
                .iter()
                .map(|&(j, v)| v * (p[2 * j as usize] + 0.5 * p[2 * j as usize + 1]))
                .sum::<f64>()
                + b
                - self.ys[i];
            if let Some(g) = grad {
                for &(j, v) in &self.xs[i] {
                    g[2 * j as usize] += e * v;
                    g[2 * j as usize + 1] += 0.5 * e * v;
                }
                g[2 * self.cols] += e;
            }
            0.5 * e * e
        }
        fn sparse(&self) -> Option<&dyn SparseObjective> {
            Some(self)
        }
    }

    impl SparseObjective for Sparse {
        fn layout(&self) -> SparseRows {
            SparseRows {
                rows: 2,
                cols: self.cols,
            }
        }
        fn features(&self, i: usize, out: &mut Vec<u32>) {
            out.extend(self.xs[i].iter().map(|e| e.0));
        }
        fn example_sparse<'a>(
            &'a self,
            p: &[f64],
            i: usize,
            tail: &mut [f64],
            inputs: &mut Vec<(&'a Feat, Vec<f64>)>,
        ) -> f64 {
            let x = &self.feats[i];
            let e = x
                .idx
                .iter()
                .zip(&x.val)
                .map(|(&j, &v)| v * (p[2 * j as usize] + 0.5 * p[2 * j as usize + 1]))
                .sum::<f64>()
                + p[2 * self.cols]
                - self.ys[i];
            tail[0] += e;
            inputs.push((x, vec![e, 0.5 * e]));
            0.5 * e * e
        }
    }

    fn feats_of(xs: &[Vec<(u32, f64)>]) -> Vec<Feat> {
        xs.iter()
            .map(|x| Feat {
                idx: x.iter().map(|e| e.0).collect(),
                val: x.iter().map(|e| e.1).collect(),
            })
            .collect()
    }

    /// The optimisers written out the plain way: every parameter every step, the full
    /// gradient; lazily, a first-layer column no example of the batch read only decays.
    fn reference(obj: &Sparse, p: &mut [f64], cfg: &TrainConfig, lazy: bool) {
        let n = obj.n_params();
        let (mut m, mut v) = (vec![0.0; n], vec![0.0; n]);
        let mut rng = Rng::new(cfg.seed, 0x7EA1);
        let mut order: Vec<usize> = (0..obj.xs.len()).collect();
        let mut t = 0;
        for _ in 0..cfg.epochs {
            rng.shuffle(&mut order);
            for batch in order.chunks(cfg.batch_size) {
                let mut g = vec![0.0; n];
                let mut read = vec![false; obj.cols];
                for &i in batch {
                    obj.example(p, i, Some(&mut g));
                    obj.xs[i].iter().for_each(|e| read[e.0 as usize] = true);
                }
                t += 1;
                let (bc1, bc2) = (1.0 - cfg.beta1.powi(t), 1.0 - cfg.beta2.powi(t));
                for k in 0..n {
                    if lazy && k < 2 * obj.cols && !read[k / 2] {
                        p[k] *= 1.0 - cfg.lr * cfg.weight_decay;
                        continue;
                    }
                    let gk = g[k] / batch.len() as f64 + cfg.l2 * p[k];
                    m[k] = cfg.beta1 * m[k] + (1.0 - cfg.beta1) * gk;
                    v[k] = cfg.beta2 * v[k] + (1.0 - cfg.beta2) * gk * gk;
                    p[k] *= 1.0 - cfg.lr * cfg.weight_decay;
                    p[k] -= cfg.lr / bc1 * m[k] / (v[k].sqrt() / bc2.sqrt() + cfg.eps);
                }
            }
        }
    }

    #[test]
    fn sparse_steps_match_the_plain_optimisers() {
        let obj = Sparse::new(60, 40, 3, 5);
        let init: Vec<f64> = (0..obj.n_params())
            .map(|k| 0.1 * (k % 7) as f64 - 0.3)
            .collect();
        let idx: Vec<usize> = (0..60).collect();
        let mut last = Vec::new();
        for optimizer in [Optimizer::Adamw, Optimizer::LazyAdamw] {
            let cfg = TrainConfig {
                epochs: 7,
                batch_size: 12,
                lr: 0.05,
                weight_decay: 0.1,
                l2: 1e-3,
                patience: 0,
                optimizer,
                ..TrainConfig::default()
            };
            let mut p = init.clone();
            train(&obj, &mut p, &idx, &[], &cfg, 0, None).unwrap();
            let mut q = init.clone();
            reference(&obj, &mut q, &cfg, optimizer == Optimizer::LazyAdamw);
            for (k, (a, b)) in p.iter().zip(&q).enumerate() {
                assert!(
                    (a - b).abs() < 1e-12,
                    "{optimizer:?} parameter {k}: {a} vs {b}"
                );
            }
            // The same result on one thread.
            let one = rayon::ThreadPoolBuilder::new()
                .num_threads(1)
                .build()
                .unwrap();
            let mut r = init.clone();
            one.install(|| train(&obj, &mut r, &idx, &[], &cfg, 0, None).unwrap());
            assert_eq!(p, r, "{optimizer:?} on one thread");
            last.push(p);
        }
        // A batch reads 36 of 40 columns at most: the two optimisers differ.
        assert!(last[0]
            .iter()
            .zip(&last[1])
            .any(|(a, b)| (a - b).abs() > 1e-6));
    }

    #[test]
    fn lazy_adamw_is_adamw_when_every_column_is_read() {
        // Every example reads every column: nothing to be lazy about.
        let mut obj = Sparse::new(30, 5, 40, 9);
        for x in &mut obj.xs {
            *x = (0..5).map(|j| (j, 0.2 + 0.1 * j as f64)).collect();
        }
        obj.feats = feats_of(&obj.xs);
        let idx: Vec<usize> = (0..30).collect();
        let run = |optimizer| {
            let cfg = TrainConfig {
                epochs: 4,
                batch_size: 8,
                optimizer,
                ..TrainConfig::default()
            };
            let mut p = vec![0.1; obj.n_params()];
            train(&obj, &mut p, &idx, &[], &cfg, 0, None).unwrap();
            p
        };
        assert_eq!(run(Optimizer::Adamw), run(Optimizer::LazyAdamw));
        assert_eq!(
            "lazy-adamw".parse::<Optimizer>().unwrap(),
            Optimizer::LazyAdamw
        );
        assert!("adam".parse::<Optimizer>().is_err());
    }

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
        // A decay factor 1 − lr·wd ≤ 0 flips or zeroes the weights every step.
        let e = TrainConfig {
            lr: 10.0,
            weight_decay: 1.0,
            ..cfg
        }
        .check()
        .unwrap_err()
        .to_string();
        assert!(e.contains("weight_decay") && e.contains("below 1"), "{e}");
    }
}
