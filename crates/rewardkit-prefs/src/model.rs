//! Preference models: what is fitted, how it scores, how it is saved.
//!
//! | `--model` | head output | reward of one response | P(chosen ≻ rejected) |
//! |---|---|---|---|
//! | `bt` | r ∈ R | r | σ(r_c − r_r) |
//! | `regression` | one score per attribute | Σ_a w_a·score_a | σ(R_c − R_r) |
//! | `gpm` | v ∈ R^{2k} (no bias; optionally unit-norm) | s(v, v̄)/τ, v̄ the mean training embedding | σ(s(v_c, v_r)/τ) |
//! | `ensemble` | K BT heads (seeds or bootstrap) | mean, min or UWO of the members' r | σ(stat_c − stat_r) |
//!
//! A fitted model is a folder: `config.json` (featurizer, model type, head, training options,
//! data hash, training report) and `model.safetensors` (f64 weights: `featurizer.idf`,
//! `members.{i}.{w,b | w1,b1,w2,b2}`, `gpm.anchor`). Both files are written to temporary files
//! and renamed. Loading checks the format, the shapes, and the featurizer.

use crate::data::{Dataset, Pair, Rating};
use crate::features::{Feat, Featurizer, FeaturizerConfig, Input};
use crate::head::{Fwd, Head, HeadKind};
use crate::loss::{
    ensemble_stat, gpm_loss, gpm_score, normalise, normalise_backward, sigmoid, BtLoss, Stat,
};
use crate::rng::{Random, Rng};
use crate::train::{self, Objective, SparseObjective, TrainConfig, TrainReport};
use crate::vpl::{Episode, VplObjective, VplShape};
use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::sync::Arc;

/// Version of the model folder format.
pub const FORMAT_VERSION: u32 = 1;

/// What kind of model, with its options.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ModelKind {
    /// Bradley-Terry reward model (and its variants, through `loss`).
    Bt {
        /// The loss.
        loss: BtLoss,
    },
    /// Regression on rated attributes, combined with weights.
    Regression {
        /// Attribute names, in head-output order.
        attributes: Vec<String>,
        /// Weight of each attribute in the reward.
        weights: Vec<f64>,
    },
    /// General Preference Model.
    Gpm {
        /// Number of 2-d blocks (embedding dimension 2k).
        k: usize,
        /// Temperature τ.
        tau: f64,
        /// Whether preference embeddings are L2-normalised.
        normalise: bool,
    },
    /// An ensemble of BT heads.
    Ensemble {
        /// Number of members K.
        members: usize,
        /// Whether each member trains on a bootstrap resample (else: different seeds only).
        bootstrap: bool,
        /// The members' loss.
        loss: BtLoss,
    },
    /// Variational Preference Learning (a reward conditioned on a latent user variable).
    Vpl {
        /// Latent dimension d.
        latent: usize,
        /// Hidden units of the encoder and decoder MLPs.
        hidden: usize,
        /// Context pairs per user episode.
        context: usize,
        /// KL weight β.
        beta: f64,
        /// Period of the cyclical KL annealing, in steps (0: none).
        anneal_period: u64,
    },
}

impl ModelKind {
    /// The `--model` name.
    pub fn name(&self) -> &'static str {
        match self {
            ModelKind::Bt { .. } => "bt",
            ModelKind::Regression { .. } => "regression",
            ModelKind::Gpm { .. } => "gpm",
            ModelKind::Ensemble { .. } => "ensemble",
            ModelKind::Vpl { .. } => "vpl",
        }
    }
}

/// Where the training data came from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DataInfo {
    /// The file name as given.
    pub file: String,
    /// FNV-1a 64 of the (decompressed) file bytes.
    pub hash: String,
    /// Rows in the file.
    pub rows: usize,
    /// Rows used for training.
    pub train_rows: usize,
    /// Rows held out for validation.
    pub val_rows: usize,
}

/// The `config.json` of a model folder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelConfig {
    /// Always `rewardkit-prefs`.
    pub format: String,
    /// [`FORMAT_VERSION`].
    pub format_version: u32,
    /// The model type and its options.
    pub model: ModelKind,
    /// The head of each member.
    pub head: Head,
    /// The featurizer.
    pub featurizer: FeaturizerConfig,
    /// What is encoded.
    pub input: Input,
    /// Training options.
    pub training: TrainConfig,
    /// The training data.
    pub data: DataInfo,
    /// What happened during training, per member.
    #[serde(default)]
    pub report: Vec<TrainReport>,
}

/// Options of [`fit`].
#[derive(Debug, Clone)]
pub struct FitOptions {
    /// Model type and options (`Regression` attributes are filled from the data when empty).
    pub model: ModelKind,
    /// Head architecture.
    pub head: HeadKind,
    /// Featurizer.
    pub featurizer: FeaturizerConfig,
    /// What is encoded.
    pub input: Input,
    /// Training options.
    pub train: TrainConfig,
    /// Standard deviation of the first layer's initial weights (default: 0.1 for linear heads,
    /// 1 for MLPs).
    pub init_std: Option<f64>,
    /// Show a progress bar on stderr.
    pub progress: bool,
}

impl Default for FitOptions {
    fn default() -> Self {
        FitOptions {
            model: ModelKind::Bt {
                loss: BtLoss::default(),
            },
            head: HeadKind::Linear,
            featurizer: FeaturizerConfig::Hashing(Default::default()),
            input: Input::Response,
            train: TrainConfig::default(),
            init_std: None,
            progress: false,
        }
    }
}

/// A fitted model.
#[derive(Debug)]
pub struct Model {
    /// Its configuration.
    pub config: ModelConfig,
    /// Its featurizer.
    pub featurizer: Featurizer,
    /// One flat parameter vector per member (one for every type but `ensemble`).
    pub members: Vec<Vec<f64>>,
    /// GPM: the mean preference embedding of the training responses.
    pub anchor: Option<Vec<f64>>,
    /// Wall-clock seconds of the last [`fit`] (zero for a loaded model; not saved).
    pub timing: FitTiming,
}

/// Where the time of a [`fit`] went (wall clock, seconds).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct FitTiming {
    /// Fitting the featurizer and encoding every text.
    pub featurize_s: f64,
    /// The training loop of every member (optimiser steps and validation losses).
    pub train_s: f64,
}

/// What scoring uses for ensembles.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scoring {
    /// The statistic.
    pub stat: Stat,
    /// λ of UWO.
    pub lambda: f64,
    /// ddof of UWO's variance.
    pub ddof: u32,
}

impl Default for Scoring {
    fn default() -> Self {
        Scoring {
            stat: Stat::Mean,
            lambda: 0.5,
            ddof: 0,
        }
    }
}

// ---------------------------------------------------------------- objectives

enum PairLoss {
    Bt(BtLoss),
    Gpm { tau: f64, normalise: bool },
}

struct PairObjective {
    head: Head,
    chosen: Vec<Arc<Feat>>,
    rejected: Vec<Arc<Feat>>,
    margin: Vec<Option<f64>>,
    loss: PairLoss,
}

impl Objective for PairObjective {
    fn n_params(&self) -> usize {
        self.head.n_params()
    }

    fn example(&self, p: &[f64], i: usize, grad: Option<&mut [f64]>) -> f64 {
        let (loss, fc, fr, dc, dr) = self.eval(p, i);
        if let Some(g) = grad {
            self.head.backward(p, &self.chosen[i], &fc, &dc, g);
            self.head.backward(p, &self.rejected[i], &fr, &dr, g);
        }
        loss
    }

    fn sparse(&self) -> Option<&dyn SparseObjective> {
        Some(self)
    }
}

impl SparseObjective for PairObjective {
    fn layout(&self) -> train::SparseRows {
        self.head.sparse_rows()
    }

    fn features(&self, i: usize, out: &mut Vec<u32>) {
        out.extend_from_slice(&self.chosen[i].idx);
        out.extend_from_slice(&self.rejected[i].idx);
    }

    fn example_sparse<'a>(
        &'a self,
        p: &[f64],
        i: usize,
        tail: &mut [f64],
        inputs: &mut Vec<(&'a Feat, Vec<f64>)>,
    ) -> f64 {
        let (loss, fc, fr, dc, dr) = self.eval(p, i);
        inputs.push((&self.chosen[i], self.head.backward_tail(p, &fc, &dc, tail)));
        inputs.push((
            &self.rejected[i],
            self.head.backward_tail(p, &fr, &dr, tail),
        ));
        loss
    }
}

impl PairObjective {
    /// The loss of pair `i`, the forward passes, and ∂L/∂out of chosen and rejected.
    fn eval(&self, p: &[f64], i: usize) -> (f64, Fwd, Fwd, Vec<f64>, Vec<f64>) {
        let (xc, xr) = (&*self.chosen[i], &*self.rejected[i]);
        let (fc, fr) = (self.head.forward(p, xc), self.head.forward(p, xr));
        let (loss, dc, dr) = match &self.loss {
            PairLoss::Bt(l) => {
                let (loss, gc, gr) = l.eval(fc.out[0], fr.out[0], self.margin[i]);
                (loss, vec![gc], vec![gr])
            }
            PairLoss::Gpm { tau, normalise: n } => {
                // The data's `margin` is a preference strength on BT's scale; GPM's score is
                // bounded (|s| ≤ 1 with unit-norm embeddings), so it trains without one.
                let m = 0.0;
                if *n {
                    let (uc, nc) = normalise(&fc.out);
                    let (ur, nr) = normalise(&fr.out);
                    let (loss, gc, gr) = gpm_loss(&uc, &ur, *tau, m);
                    (
                        loss,
                        normalise_backward(&uc, nc, &gc),
                        normalise_backward(&ur, nr, &gr),
                    )
                } else {
                    gpm_loss(&fc.out, &fr.out, *tau, m)
                }
            }
        };
        (loss, fc, fr, dc, dr)
    }
}

struct RatingObjective {
    head: Head,
    xs: Vec<Arc<Feat>>,
    targets: Vec<Vec<Option<f64>>>,
}

impl Objective for RatingObjective {
    fn n_params(&self) -> usize {
        self.head.n_params()
    }

    fn sparse(&self) -> Option<&dyn SparseObjective> {
        Some(self)
    }

    fn example(&self, p: &[f64], i: usize, grad: Option<&mut [f64]>) -> f64 {
        let (loss, f, d) = self.eval(p, i);
        if let Some(g) = grad {
            self.head.backward(p, &self.xs[i], &f, &d, g);
        }
        loss
    }
}

impl SparseObjective for RatingObjective {
    fn layout(&self) -> train::SparseRows {
        self.head.sparse_rows()
    }

    fn features(&self, i: usize, out: &mut Vec<u32>) {
        out.extend_from_slice(&self.xs[i].idx);
    }

    fn example_sparse<'a>(
        &'a self,
        p: &[f64],
        i: usize,
        tail: &mut [f64],
        inputs: &mut Vec<(&'a Feat, Vec<f64>)>,
    ) -> f64 {
        let (loss, f, d) = self.eval(p, i);
        inputs.push((&self.xs[i], self.head.backward_tail(p, &f, &d, tail)));
        loss
    }
}

impl RatingObjective {
    /// The squared error of example `i` (over its rated attributes), the forward pass, and
    /// ∂L/∂out.
    fn eval(&self, p: &[f64], i: usize) -> (f64, Fwd, Vec<f64>) {
        let f = self.head.forward(p, &self.xs[i]);
        let mut loss = 0.0;
        let d: Vec<f64> = f
            .out
            .iter()
            .zip(&self.targets[i])
            .map(|(o, t)| match t {
                Some(t) => {
                    loss += 0.5 * (o - t) * (o - t);
                    o - t
                }
                None => 0.0,
            })
            .collect();
        (loss, f, d)
    }
}

// ---------------------------------------------------------------- fitting

/// Trains one member's parameters on the given rows (the member index picks its streams).
type MemberTrainer<'a> = dyn Fn(&mut Vec<f64>, &[usize], u64) -> Result<TrainReport> + 'a;

fn check_kind(kind: &ModelKind) -> Result<()> {
    let bt = |l: &BtLoss| -> Result<()> {
        if !(0.0..0.5).contains(&l.smoothing) {
            return Err(Error::option("label_smoothing", "must be in [0, 0.5)"));
        }
        if !(l.center.is_finite() && l.center >= 0.0) {
            return Err(Error::option("center", "must be a finite number ≥ 0"));
        }
        Ok(())
    };
    match kind {
        ModelKind::Bt { loss } => bt(loss),
        ModelKind::Ensemble { members, loss, .. } => {
            if *members == 0 || *members > 64 {
                return Err(Error::option("members", "must be in 1..=64"));
            }
            bt(loss)
        }
        ModelKind::Gpm { k, tau, .. } => {
            if *k == 0 || *k > 256 {
                return Err(Error::option("k", "must be in 1..=256"));
            }
            if !(tau.is_finite() && *tau > 0.0) {
                return Err(Error::option("tau", "must be a finite number > 0"));
            }
            Ok(())
        }
        ModelKind::Vpl {
            latent,
            hidden,
            context,
            beta,
            ..
        } => {
            if *latent == 0 || *latent > 256 {
                return Err(Error::option("latent", "must be in 1..=256"));
            }
            if *hidden == 0 || *hidden > 4096 {
                return Err(Error::option("hidden", "must be in 1..=4096"));
            }
            if *context == 0 {
                return Err(Error::option("context", "must be at least 1"));
            }
            if !(beta.is_finite() && *beta >= 0.0) {
                return Err(Error::option("beta", "must be a finite number ≥ 0"));
            }
            Ok(())
        }
        ModelKind::Regression {
            attributes,
            weights,
        } => {
            if attributes.len() != weights.len() || weights.iter().any(|w| !w.is_finite()) {
                return Err(Error::option("weights", "one finite weight per attribute"));
            }
            Ok(())
        }
    }
}

/// Fits a model on a data set. `file` and `hash` describe where the data came from.
pub fn fit(data: &Dataset, info: DataInfo, opts: &FitOptions) -> Result<Model> {
    let mut kind = opts.model.clone();
    opts.train.check()?;
    if let HeadKind::Mlp { hidden } = opts.head {
        if hidden == 0 || hidden > 4096 {
            return Err(Error::option("hidden", "must be in 1..=4096"));
        }
    }
    let file = info.file.clone();
    let wrong = |m: &str| Error::Dataset {
        file: file.clone(),
        message: m.into(),
    };
    // Texts to encode, in data order.
    let (texts, n_rows): (Vec<String>, usize) = match (data, &kind) {
        (Dataset::Pairs(p), ModelKind::Regression { .. }) => {
            let _ = p;
            return Err(wrong(
                "`regression` needs ratings (`response` and numeric attributes), not pairs",
            ));
        }
        (
            Dataset::Ratings(_),
            ModelKind::Bt { .. }
            | ModelKind::Gpm { .. }
            | ModelKind::Ensemble { .. }
            | ModelKind::Vpl { .. },
        ) => {
            return Err(wrong(
                "this model needs pairs (`chosen`, `rejected`); ratings fit `--model regression`",
            ));
        }
        (Dataset::Pairs(p), _) => (
            p.iter()
                .flat_map(|q| {
                    [
                        opts.input.text(&q.prompt, &q.chosen),
                        opts.input.text(&q.prompt, &q.rejected),
                    ]
                })
                .collect(),
            p.len(),
        ),
        (Dataset::Ratings(r), _) => (
            r.iter()
                .map(|q| opts.input.text(&q.prompt, &q.response))
                .collect(),
            r.len(),
        ),
    };
    if let (
        Dataset::Ratings(r),
        ModelKind::Regression {
            attributes,
            weights,
        },
    ) = (data, &mut kind)
    {
        if attributes.is_empty() {
            let mut names: Vec<String> = r.iter().flat_map(|q| q.scores.keys().cloned()).collect();
            names.sort();
            names.dedup();
            *weights = vec![1.0; names.len()];
            *attributes = names;
        }
        if let Some(a) = attributes
            .iter()
            .find(|a| !r.iter().any(|q| q.scores.contains_key(*a)))
        {
            return Err(wrong(&format!("no row has the attribute `{a}`")));
        }
    }
    check_kind(&kind)?;
    // IDF on the training split only.
    let (train_idx, val_idx) = train::split(n_rows, opts.train.val_fraction, opts.train.seed);
    if train_idx.is_empty() {
        return Err(wrong("no training rows"));
    }
    let per_row = texts.len() / n_rows;
    let fit_texts: Vec<&str> = train_idx
        .iter()
        .flat_map(|&i| (0..per_row).map(move |j| i * per_row + j))
        .map(|k| texts[k].as_str())
        .collect();
    let t0 = std::time::Instant::now();
    let featurizer = Featurizer::fit(&opts.featurizer, &fit_texts)?;
    let feats = featurizer.encode_all(&texts)?;
    let featurize_s = t0.elapsed().as_secs_f64();
    let d_in = featurizer.dim();
    if let (Dataset::Pairs(pairs), ModelKind::Vpl { .. }) = (data, &kind) {
        let split = (train_idx.as_slice(), val_idx.as_slice());
        let mut m = fit_vpl(pairs, kind.clone(), feats, featurizer, split, info, opts)?;
        m.timing.featurize_s = featurize_s;
        return Ok(m);
    }
    let (d_out, bias) = match &kind {
        ModelKind::Bt { .. } | ModelKind::Ensemble { .. } | ModelKind::Vpl { .. } => (1, true),
        ModelKind::Gpm { k, .. } => (2 * k, false),
        ModelKind::Regression { attributes, .. } => (attributes.len(), true),
    };
    let head = Head {
        kind: opts.head,
        d_in,
        d_out,
        bias,
    };
    let init_std = opts.init_std.unwrap_or(match opts.head {
        HeadKind::Linear => 0.1,
        HeadKind::Mlp { .. } => 1.0,
    });
    let n_members = match &kind {
        ModelKind::Ensemble { members, .. } => *members,
        _ => 1,
    };
    let steps_per_member =
        (train_idx.len().div_ceil(opts.train.batch_size) * opts.train.epochs) as u64;
    let pb = train::progress_bar(steps_per_member * n_members as u64, opts.progress);
    pb.set_prefix(kind.name());
    let mut members = Vec::new();
    let mut reports = Vec::new();
    let mut run = |obj: &MemberTrainer<'_>| -> Result<()> {
        for m in 0..n_members {
            let mut rng = Rng::new(opts.train.seed, 0x1A17 + m as u64);
            let mut p = head.init(&mut rng, init_std);
            let idx: Vec<usize> = match &kind {
                ModelKind::Ensemble {
                    bootstrap: true, ..
                } => (0..train_idx.len())
                    .map(|_| train_idx[rng.below(train_idx.len())])
                    .collect(),
                _ => train_idx.clone(),
            };
            reports.push(obj(&mut p, &idx, m as u64)?);
            members.push(p);
        }
        Ok(())
    };
    let mut anchor = None;
    let t0 = std::time::Instant::now();
    match (data, &kind) {
        (Dataset::Pairs(pairs), _) => {
            let loss = match &kind {
                ModelKind::Bt { loss } | ModelKind::Ensemble { loss, .. } => PairLoss::Bt(*loss),
                ModelKind::Gpm { tau, normalise, .. } => PairLoss::Gpm {
                    tau: *tau,
                    normalise: *normalise,
                },
                ModelKind::Regression { .. } | ModelKind::Vpl { .. } => {
                    unreachable!("checked above")
                }
            };
            let uses: Vec<bool> = pairs
                .iter()
                .map(|p| match &loss {
                    PairLoss::Bt(l) => l.uses(p.margin),
                    PairLoss::Gpm { .. } => true,
                })
                .collect();
            let keep = |i: &usize| uses[*i];
            let obj = PairObjective {
                head,
                chosen: feats.iter().step_by(2).cloned().collect(),
                rejected: feats.iter().skip(1).step_by(2).cloned().collect(),
                margin: pairs.iter().map(|p| p.margin).collect(),
                loss,
            };
            let val: Vec<usize> = val_idx.iter().copied().filter(keep).collect();
            run(&|p, idx, m| {
                let idx: Vec<usize> = idx.iter().copied().filter(keep).collect();
                if idx.is_empty() {
                    return Err(Error::Dataset {
                        file: info.file.clone(),
                        message: "no training pairs left (scaled BT drops ties, margin 0)".into(),
                    });
                }
                let cfg = TrainConfig {
                    seed: opts.train.seed.wrapping_add(m),
                    ..opts.train.clone()
                };
                train::train(&obj, p, &idx, &val, &cfg, m, Some(&pb))
            })?;
            if let ModelKind::Gpm { normalise: n, .. } = &kind {
                anchor = Some(gpm_anchor(&head, &members[0], &feats, *n, &train_idx));
            }
        }
        (Dataset::Ratings(rows), ModelKind::Regression { attributes, .. }) => {
            let obj = RatingObjective {
                head,
                xs: feats.clone(),
                targets: rows
                    .iter()
                    .map(|r: &Rating| {
                        attributes
                            .iter()
                            .map(|a| r.scores.get(a).copied())
                            .collect()
                    })
                    .collect(),
            };
            run(&|p, idx, m| train::train(&obj, p, idx, &val_idx, &opts.train, m, Some(&pb)))?;
        }
        _ => unreachable!("checked above"),
    }
    let train_s = t0.elapsed().as_secs_f64();
    pb.finish_and_clear();
    let config = ModelConfig {
        format: "rewardkit-prefs".into(),
        format_version: FORMAT_VERSION,
        model: kind,
        head,
        featurizer: opts.featurizer.clone(),
        input: opts.input,
        training: opts.train.clone(),
        data: DataInfo {
            rows: n_rows,
            train_rows: train_idx.len(),
            val_rows: val_idx.len(),
            ..info
        },
        report: reports,
    };
    Ok(Model {
        config,
        featurizer,
        members,
        anchor,
        timing: FitTiming {
            featurize_s,
            train_s,
        },
    })
}

/// Fits a VPL model: episodes are drawn per user from the training rows (and, for
/// validation, from the held-out rows).
fn fit_vpl(
    pairs: &[Pair],
    kind: ModelKind,
    feats: Vec<Arc<Feat>>,
    featurizer: Featurizer,
    (train_idx, val_idx): (&[usize], &[usize]),
    info: DataInfo,
    opts: &FitOptions,
) -> Result<Model> {
    let ModelKind::Vpl {
        latent,
        hidden,
        context,
        beta,
        anneal_period,
    } = kind
    else {
        unreachable!("called for VPL only")
    };
    if let Some(i) = pairs.iter().position(|p| p.user.is_none()) {
        return Err(Error::Data {
            file: info.file.clone(),
            line: i as u64 + 1,
            field: "user".into(),
            message: "`--model vpl` needs the annotator of every pair".into(),
        });
    }
    let shape = VplShape {
        d_in: featurizer.dim(),
        latent,
        hidden,
    };
    let mut rng = Rng::new(opts.train.seed, 0x0F1);
    let mut episodes = |idx: &[usize]| -> Vec<Episode> {
        let mut by_user: std::collections::BTreeMap<&str, Vec<usize>> = Default::default();
        for &i in idx {
            by_user
                .entry(pairs[i].user.as_deref().unwrap_or(""))
                .or_default()
                .push(i);
        }
        let mut out = Vec::new();
        for rows in by_user.values().filter(|r| r.len() >= 2) {
            for _ in 0..rows.len().div_ceil(context) {
                let mut a = rows.clone();
                rng.shuffle(&mut a);
                let mut b = rows.clone();
                rng.shuffle(&mut b);
                a.truncate(context);
                b.truncate(2 * context);
                out.push(Episode { ctx: a, tgt: b });
            }
        }
        out
    };
    let mut all = episodes(train_idx);
    let n_train = all.len();
    all.extend(episodes(val_idx));
    if n_train == 0 {
        return Err(Error::Dataset {
            file: info.file.clone(),
            message: "`--model vpl` needs users with at least 2 training pairs".into(),
        });
    }
    let obj = VplObjective {
        shape,
        chosen: feats.iter().step_by(2).cloned().collect(),
        rejected: feats.iter().skip(1).step_by(2).cloned().collect(),
        episodes: all,
        beta,
        anneal_period,
        seed: opts.train.seed,
        step: Default::default(),
    };
    let steps = (n_train.div_ceil(opts.train.batch_size) * opts.train.epochs) as u64;
    let pb = train::progress_bar(steps, opts.progress);
    pb.set_prefix("vpl");
    let mut p = shape.init(&mut Rng::new(opts.train.seed, 0x1A17));
    let tr: Vec<usize> = (0..n_train).collect();
    let va: Vec<usize> = (n_train..obj.episodes.len()).collect();
    let t0 = std::time::Instant::now();
    let report = train::train(&obj, &mut p, &tr, &va, &opts.train, 0, Some(&pb))?;
    let train_s = t0.elapsed().as_secs_f64();
    pb.finish_and_clear();
    let config = ModelConfig {
        format: "rewardkit-prefs".into(),
        format_version: FORMAT_VERSION,
        model: ModelKind::Vpl {
            latent,
            hidden,
            context,
            beta,
            anneal_period,
        },
        head: shape.dec(),
        featurizer: opts.featurizer.clone(),
        input: opts.input,
        training: opts.train.clone(),
        data: DataInfo {
            rows: pairs.len(),
            train_rows: train_idx.len(),
            val_rows: val_idx.len(),
            ..info
        },
        report: vec![report],
    };
    Ok(Model {
        config,
        featurizer,
        members: vec![p],
        anchor: None,
        timing: FitTiming {
            featurize_s: 0.0,
            train_s,
        },
    })
}

/// The mean (normalised) preference embedding of the training responses.
fn gpm_anchor(
    head: &Head,
    p: &[f64],
    feats: &[Arc<Feat>],
    norm: bool,
    train_idx: &[usize],
) -> Vec<f64> {
    let mut sum = vec![0.0; head.d_out];
    let mut n = 0.0f64;
    for &i in train_idx {
        for x in &feats[2 * i..2 * i + 2] {
            let v = head.forward(p, x).out;
            let v = if norm { normalise(&v).0 } else { v };
            sum.iter_mut().zip(v).for_each(|(a, b)| *a += b);
            n += 1.0;
        }
    }
    sum.iter().map(|s| s / n.max(1.0)).collect()
}

// ---------------------------------------------------------------- scoring

impl Model {
    /// The text encoded for a response, with this model's (or an overriding) input mode.
    fn features(&self, prompt: &str, response: &str, input: Option<Input>) -> Result<Arc<Feat>> {
        let input = input.unwrap_or(self.config.input);
        self.featurizer.encode(&input.text(prompt, response))
    }

    fn gpm_embedding(&self, x: &Feat) -> Vec<f64> {
        let v = self.config.head.forward(&self.members[0], x).out;
        match self.config.model {
            ModelKind::Gpm {
                normalise: true, ..
            } => normalise(&v).0,
            _ => v,
        }
    }

    /// The sizes of a VPL model (`None` for other types).
    pub fn vpl_shape(&self) -> Option<VplShape> {
        match self.config.model {
            ModelKind::Vpl { latent, hidden, .. } => Some(VplShape {
                d_in: self.featurizer.dim(),
                latent,
                hidden,
            }),
            _ => None,
        }
    }

    /// P(chosen ≻ rejected) for each pair, personalised for VPL: the first `context` pairs of
    /// each user (at most all but one, in file order) are that user's context (`None`: not
    /// scored), the user's other pairs are scored with z = μ(context). Other models, and pairs
    /// without a user, are scored as by [`Model::prob`].
    pub fn personal_probs(
        &self,
        pairs: &[Pair],
        input: Option<Input>,
        s: Scoring,
    ) -> Result<Vec<Option<f64>>> {
        let (Some(shape), ModelKind::Vpl { context, .. }) = (self.vpl_shape(), &self.config.model)
        else {
            return pairs
                .iter()
                .map(|p| self.prob(p, input, s).map(Some))
                .collect();
        };
        let p = &self.members[0];
        let mut by_user: std::collections::BTreeMap<&str, Vec<usize>> = Default::default();
        let mut out = vec![None; pairs.len()];
        for (i, q) in pairs.iter().enumerate() {
            match &q.user {
                Some(u) => by_user.entry(u.as_str()).or_default().push(i),
                None => out[i] = Some(self.prob(q, input, s)?),
            }
        }
        for rows in by_user.values() {
            let n_ctx = (*context).min(rows.len().saturating_sub(1));
            let feats = |i: usize| -> Result<(Arc<Feat>, Arc<Feat>)> {
                Ok((
                    self.features(&pairs[i].prompt, &pairs[i].chosen, input)?,
                    self.features(&pairs[i].prompt, &pairs[i].rejected, input)?,
                ))
            };
            let ctx = rows[..n_ctx]
                .iter()
                .map(|&i| feats(i))
                .collect::<Result<Vec<_>>>()?;
            let refs: Vec<(&Feat, &Feat)> = ctx.iter().map(|(c, r)| (&**c, &**r)).collect();
            let z = if refs.is_empty() {
                vec![0.0; shape.latent]
            } else {
                shape.encode(p, &refs).mu
            };
            for &i in &rows[n_ctx..] {
                let (c, r) = feats(i)?;
                out[i] = Some(shape.prob(p, &c, &r, &z));
            }
        }
        Ok(out)
    }

    /// The reward of each member for one response (one value except for ensembles).
    pub fn member_rewards(
        &self,
        prompt: &str,
        response: &str,
        input: Option<Input>,
    ) -> Result<Vec<f64>> {
        let x = self.features(prompt, response, input)?;
        Ok(match &self.config.model {
            ModelKind::Vpl { latent, .. } => {
                let shape = self.vpl_shape().expect("a VPL model");
                vec![shape.reward(&self.members[0], &x, &vec![0.0; *latent])]
            }
            ModelKind::Bt { .. } | ModelKind::Ensemble { .. } => self
                .members
                .iter()
                .map(|p| self.config.head.forward(p, &x).out[0])
                .collect(),
            ModelKind::Regression { weights, .. } => {
                let out = self.config.head.forward(&self.members[0], &x).out;
                vec![out.iter().zip(weights).map(|(a, w)| a * w).sum()]
            }
            ModelKind::Gpm { tau, .. } => {
                let v = self.gpm_embedding(&x);
                let anchor = self.anchor.as_deref().unwrap_or(&[]);
                vec![gpm_score(&v, anchor) / tau]
            }
        })
    }

    /// The reward of one response.
    pub fn reward(
        &self,
        prompt: &str,
        response: &str,
        input: Option<Input>,
        s: Scoring,
    ) -> Result<f64> {
        let r = self.member_rewards(prompt, response, input)?;
        Ok(ensemble_stat(&r, s.stat, s.lambda, s.ddof))
    }

    /// P(chosen ≻ rejected).
    pub fn prob(&self, pair: &Pair, input: Option<Input>, s: Scoring) -> Result<f64> {
        if let ModelKind::Gpm { tau, .. } = self.config.model {
            let vc = self.gpm_embedding(&*self.features(&pair.prompt, &pair.chosen, input)?);
            let vr = self.gpm_embedding(&*self.features(&pair.prompt, &pair.rejected, input)?);
            return Ok(sigmoid(gpm_score(&vc, &vr) / tau));
        }
        let rc = self.reward(&pair.prompt, &pair.chosen, input, s)?;
        let rr = self.reward(&pair.prompt, &pair.rejected, input, s)?;
        Ok(sigmoid(rc - rr))
    }

    // ------------------------------------------------------------ files

    /// Writes `config.json` and `model.safetensors` into `dir` (created if needed), each
    /// through a temporary file renamed into place.
    pub fn save(&self, dir: &Path) -> Result<()> {
        use safetensors::tensor::{Dtype, TensorView};
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let mut owned: Vec<(String, Vec<usize>, Vec<u8>)> = Vec::new();
        let bytes = |v: &[f64]| v.iter().flat_map(|x| x.to_le_bytes()).collect::<Vec<u8>>();
        if !self.featurizer.idf.is_empty() {
            owned.push((
                "featurizer.idf".into(),
                vec![self.featurizer.idf.len()],
                bytes(&self.featurizer.idf),
            ));
        }
        for (m, p) in self.members.iter().enumerate() {
            for (name, shape, off, feature_major) in layout(&self.config, self.featurizer.dim(), m)
            {
                let n: usize = shape.iter().product();
                let part = &p[off..off + n];
                let data = if feature_major {
                    transpose(part, shape[1], shape[0])
                } else {
                    part.to_vec()
                };
                owned.push((name, shape, bytes(&data)));
            }
        }
        if let Some(a) = &self.anchor {
            owned.push(("gpm.anchor".into(), vec![a.len()], bytes(a)));
        }
        let views = owned
            .iter()
            .map(|(n, s, b)| TensorView::new(Dtype::F64, s.clone(), b).map(|v| (n.clone(), v)))
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| Error::model(dir, format!("cannot build the weights: {e}")))?;
        let meta = std::collections::HashMap::from([(
            "format".to_string(),
            "rewardkit-prefs".to_string(),
        )]);
        let st = safetensors::serialize(views, Some(meta))
            .map_err(|e| Error::model(dir, format!("cannot serialise the weights: {e}")))?;
        let cfg = serde_json::to_vec_pretty(&self.config)
            .map_err(|e| Error::model(dir, e.to_string()))?;
        write_atomic(&dir.join("model.safetensors"), &st)?;
        write_atomic(&dir.join("config.json"), &cfg)?;
        Ok(())
    }

    /// Reads a model folder. With `featurizer` set, the model must have been fitted with it.
    pub fn load(dir: &Path, featurizer: Option<&str>) -> Result<Model> {
        use safetensors::tensor::Dtype;
        let bad = |m: String| Error::model(dir, m);
        let cfg_path = dir.join("config.json");
        let text = std::fs::read(&cfg_path).map_err(|e| Error::io(&cfg_path, e))?;
        let config: ModelConfig =
            serde_json::from_slice(&text).map_err(|e| bad(format!("config.json: {e}")))?;
        if config.format != "rewardkit-prefs" || config.format_version != FORMAT_VERSION {
            return Err(bad(format!(
                "config.json: format `{}` version {}; this build reads `rewardkit-prefs` version {FORMAT_VERSION}",
                config.format, config.format_version
            )));
        }
        if let Some(want) = featurizer {
            if config.featurizer.name() != want {
                return Err(bad(format!(
                    "fitted with the `{}` featurizer, but `{want}` was asked for; refit it with --featurizer {want}",
                    config.featurizer.name()
                )));
            }
        }
        check_kind(&config.model).map_err(|e| bad(format!("config.json: {e}")))?;
        let head = config.head;
        if let HeadKind::Mlp { hidden } = head.kind {
            if hidden == 0 || hidden > 4096 {
                return Err(bad(format!(
                    "config.json: head hidden size {hidden} is not in 1..=4096"
                )));
            }
        }
        let (want_out, want_bias) = match &config.model {
            ModelKind::Bt { .. } | ModelKind::Ensemble { .. } | ModelKind::Vpl { .. } => (1, true),
            ModelKind::Gpm { k, .. } => (2 * k, false),
            ModelKind::Regression { attributes, .. } => (attributes.len(), true),
        };
        if head.d_out != want_out || head.bias != want_bias {
            return Err(bad(format!(
                "config.json: head (d_out {}, bias {}) does not fit a `{}` model",
                head.d_out,
                head.bias,
                config.model.name()
            )));
        }
        let st_path = dir.join("model.safetensors");
        let raw = std::fs::read(&st_path).map_err(|e| Error::io(&st_path, e))?;
        let st = safetensors::SafeTensors::deserialize(&raw)
            .map_err(|e| bad(format!("model.safetensors: {e}")))?;
        let get = |name: &str, shape: &[usize]| -> Result<Vec<f64>> {
            let t = st
                .tensor(name)
                .map_err(|_| bad(format!("model.safetensors: tensor `{name}` is missing")))?;
            if t.dtype() != Dtype::F64 || t.shape() != shape {
                return Err(bad(format!(
                    "model.safetensors: tensor `{name}` is {:?} {:?}, expected F64 {shape:?}",
                    t.dtype(),
                    t.shape()
                )));
            }
            Ok(t.data()
                .chunks_exact(8)
                .map(|c| f64::from_le_bytes(c.try_into().unwrap_or([0; 8])))
                .collect())
        };
        let idf = match &config.featurizer {
            FeaturizerConfig::Hashing(h) => get("featurizer.idf", &[h.dim])?,
            FeaturizerConfig::Minilm { .. } => Vec::new(),
        };
        let featurizer = Featurizer::with_idf(config.featurizer.clone(), idf).check()?;
        let want_in = match config.model {
            ModelKind::Vpl { latent, .. } => featurizer.dim() + latent,
            _ => featurizer.dim(),
        };
        if want_in != head.d_in {
            return Err(bad(format!(
                "config.json: head input {} does not fit the featurizer (dimension {})",
                head.d_in,
                featurizer.dim()
            )));
        }
        let n_members = match &config.model {
            ModelKind::Ensemble { members, .. } => *members,
            _ => 1,
        };
        let n_params = match config.model {
            ModelKind::Vpl { latent, hidden, .. } => VplShape {
                d_in: featurizer.dim(),
                latent,
                hidden,
            }
            .n_params(),
            _ => head.n_params(),
        };
        // A config that asks for more weights than the file holds is refused before allocating.
        if n_params
            .checked_mul(n_members)
            .map_or(true, |n| n > raw.len() / 8)
        {
            return Err(bad(format!(
                "config.json asks for {n_params} weights × {n_members} members; model.safetensors holds {} bytes",
                raw.len()
            )));
        }
        let mut members = Vec::new();
        for m in 0..n_members {
            let mut p = vec![0.0; n_params];
            for (name, shape, off, feature_major) in layout(&config, featurizer.dim(), m) {
                let v = get(&name, &shape)?;
                let v = if feature_major {
                    transpose(&v, shape[0], shape[1])
                } else {
                    v
                };
                p[off..off + v.len()].copy_from_slice(&v);
            }
            members.push(p);
        }
        let anchor = match &config.model {
            ModelKind::Gpm { k, .. } => Some(get("gpm.anchor", &[2 * k])?),
            _ => None,
        };
        if members
            .iter()
            .flatten()
            .chain(anchor.iter().flatten())
            .any(|x| !x.is_finite())
        {
            return Err(bad("model.safetensors: non-finite weights".into()));
        }
        Ok(Model {
            config,
            featurizer,
            members,
            anchor,
            timing: FitTiming::default(),
        })
    }
}

/// The named tensors of member `m` of a model: `(name, shape, offset, feature_major)`.
fn layout(config: &ModelConfig, d_in: usize, m: usize) -> Vec<(String, Vec<usize>, usize, bool)> {
    match config.model {
        ModelKind::Vpl { latent, hidden, .. } => VplShape {
            d_in,
            latent,
            hidden,
        }
        .tensors()
        .into_iter()
        .map(|(n, s, o, f)| (format!("vpl.{n}"), s, o, f))
        .collect(),
        _ => config
            .head
            .tensors()
            .into_iter()
            .map(|t| {
                (
                    format!("members.{m}.{}", t.name),
                    t.shape,
                    t.offset,
                    t.feature_major,
                )
            })
            .collect(),
    }
}

/// The transpose of a row-major `rows × cols` matrix.
fn transpose(x: &[f64], rows: usize, cols: usize) -> Vec<f64> {
    let mut out = vec![0.0; x.len()];
    for r in 0..rows {
        for c in 0..cols {
            out[c * rows + r] = x[r * cols + c];
        }
    }
    out
}

fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| Error::io(dir, e))?;
    tmp.write_all(bytes).map_err(|e| Error::io(path, e))?;
    // Temporary files are private (0600); a model is read by servers and colleagues.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = tmp
            .as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644));
    }
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}
