//! `rewardkit prefs fit | score | evaluate`: preference learning. The models, losses and
//! training live in `rewardkit-prefs`; this module reads arguments and files and prints.

use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand, ValueEnum};
use rewardkit_prefs::data::{self, Dataset};
use rewardkit_prefs::features::{FeaturizerConfig, HashingConfig, Input};
use rewardkit_prefs::head::HeadKind;
use rewardkit_prefs::loss::{BtLoss, BtVariant, Stat};
use rewardkit_prefs::model::{self, DataInfo, FitOptions, Model, ModelKind, Scoring};
use rewardkit_prefs::train::{Optimizer, TrainConfig};
use serde_json::json;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `rewardkit prefs`.
#[derive(Debug, Args)]
#[command(
    after_help = "Data: JSONL (or .jsonl.gz) of pairs {\"prompt\", \"chosen\", \"rejected\", \"margin\"?} \
(chat lists allowed), hh-rlhf rows {\"chosen\", \"rejected\"} (whole dialogues; the shared prefix up \
to the last \"\\n\\nAssistant:\" is the prompt), or ratings {\"prompt\", \"response\", ATTRIBUTE: number, ...}.\n\n\
A fitted model folder is also the reward function `learned` of any pipeline: \
{type = \"learned\", model = \"DIR\"}.\n\n\
Examples:\n  \
rewardkit prefs fit --data crates/rewardkit-prefs/tests/data/pairs.jsonl --out /tmp/rm\n  \
rewardkit prefs evaluate --model /tmp/rm --data crates/rewardkit-prefs/tests/data/pairs_test.jsonl --json"
)]
pub(crate) struct PrefsArgs {
    #[command(subcommand)]
    command: PrefsCommand,
}

#[derive(Debug, Subcommand)]
enum PrefsCommand {
    /// Fit a preference model and write it to a folder (config.json + model.safetensors).
    Fit(FitArgs),
    /// Score the pairs or responses of a data file with a fitted model (JSONL on stdout).
    Score(ScoreArgs),
    /// Pairwise accuracy, log loss and calibration error of a fitted model on a data file.
    Evaluate(EvalArgs),
    /// Sentence embeddings of texts (`minilm`): texts in, one vector per text out (JSONL or
    /// a float32 .npy of shape (texts, 384)).
    Embed(EmbedArgs),
}

#[derive(Debug, Args)]
struct EmbedArgs {
    /// Featurizer (only `minilm` gives dense embeddings).
    #[arg(long, value_enum, default_value = "minilm")]
    featurizer: FeaturizerType,
    /// Folder of the MiniLM model (config.json, model.safetensors, tokenizer.json).
    #[arg(long, value_name = "DIR", env = "REWARDKIT_MINILM")]
    minilm: Option<PathBuf>,
    /// Texts: JSONL (or .jsonl.gz), one JSON string or object per line (see --field).
    #[arg(long, value_name = "FILE")]
    input: PathBuf,
    /// The field holding the text in object rows.
    #[arg(long, default_value = "text", value_name = "NAME")]
    field: String,
    /// Output: .npy (float32, shape (texts, 384)) or JSONL ({"index", "embedding"} per line);
    /// `-` is JSONL on stdout.
    #[arg(long, value_name = "FILE")]
    output: PathBuf,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ModelType {
    /// Bradley-Terry reward model (variants through --loss, --label-smoothing, --center).
    Bt,
    /// General Preference Model (preference embeddings of dimension 2k).
    Gpm,
    /// An ensemble of BT heads (seeds, or bootstrap with --bootstrap).
    Ensemble,
    /// Regression on rated attributes (ratings data).
    Regression,
    /// Variational Preference Learning: a reward conditioned on a latent user variable
    /// inferred from a few of the user's pairs (pairs with `user`).
    Vpl,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LossType {
    /// −log σ(Δ).
    Bt,
    /// −log σ(Δ − margin) (Llama 2).
    Margin,
    /// −margin · log σ(Δ) (HelpSteer2-Preference; ties dropped).
    Scaled,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FeaturizerType {
    /// Word and character n-gram hashing with IDF.
    Hashing,
    /// all-MiniLM-L6-v2 sentence embeddings (feature `candle`).
    Minilm,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum OptimizerArg {
    /// AdamW on every parameter every step.
    Adamw,
    /// AdamW on the input columns a batch reads; decay alone on the others.
    LazyAdamw,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum InputType {
    /// The response alone.
    Response,
    /// The prompt, then the response.
    PromptResponse,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum StatType {
    /// Mean of the members.
    Mean,
    /// Smallest member (worst case).
    Min,
    /// Mean − λ·variance.
    Uwo,
}

#[derive(Debug, Args)]
struct FitArgs {
    /// Training data (JSONL, .jsonl.gz).
    #[arg(long, value_name = "FILE")]
    data: PathBuf,
    /// Output folder.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Featurizer.
    #[arg(long, value_enum, default_value = "hashing")]
    featurizer: FeaturizerType,
    /// Folder of the MiniLM model (config.json, model.safetensors, tokenizer.json).
    #[arg(long, value_name = "DIR", env = "REWARDKIT_MINILM")]
    minilm: Option<PathBuf>,
    /// Hashing: number of buckets.
    #[arg(long, default_value_t = 1 << 16, value_name = "N")]
    hash_dim: usize,
    /// What is encoded.
    #[arg(long, value_enum, default_value = "response")]
    input: InputType,
    /// Model type.
    #[arg(long, value_enum, default_value = "bt")]
    model: ModelType,
    /// Hidden units of an MLP head (0: a linear head; VPL: 0 means 32).
    #[arg(long, default_value_t = 0, value_name = "N")]
    hidden: usize,
    /// BT loss variant (bt, ensemble).
    #[arg(long, value_enum, default_value = "bt")]
    loss: LossType,
    /// Label smoothing ε in [0, 0.5).
    #[arg(long, default_value_t = 0.0, value_name = "EPS")]
    label_smoothing: f64,
    /// Reward-centring coefficient c (TRL's `center_rewards_coefficient`; 0.01 is common).
    #[arg(long, default_value_t = 0.0, value_name = "C")]
    center: f64,
    /// GPM: number of 2-d blocks k (embedding dimension 2k).
    #[arg(long, default_value_t = 1, value_name = "K")]
    k: usize,
    /// GPM: temperature τ.
    #[arg(long, default_value_t = 0.1, value_name = "TAU")]
    tau: f64,
    /// GPM: do not L2-normalise the preference embeddings.
    #[arg(long)]
    no_normalise: bool,
    /// Ensemble: number of members.
    #[arg(long, default_value_t = 5, value_name = "K")]
    members: usize,
    /// Ensemble: train each member on a bootstrap resample.
    #[arg(long)]
    bootstrap: bool,
    /// VPL: latent dimension.
    #[arg(long, default_value_t = 8, value_name = "D")]
    latent: usize,
    /// VPL: context pairs per user (training episodes; `evaluate` uses each user's first ones).
    #[arg(long, default_value_t = 8, value_name = "N")]
    context: usize,
    /// VPL: KL weight β (the reference's `kl_loss_weight`).
    #[arg(long, default_value_t = 0.01, value_name = "BETA")]
    beta: f64,
    /// Regression: attribute=weight pairs of the reward, comma-separated (default: every
    /// attribute, weight 1).
    #[arg(long, value_name = "A=W,...")]
    weights: Option<String>,
    /// Maximum epochs.
    #[arg(long, default_value_t = 30)]
    epochs: usize,
    /// Mini-batch size.
    #[arg(long, default_value_t = 32)]
    batch_size: usize,
    /// AdamW learning rate.
    #[arg(long, default_value_t = 0.01)]
    lr: f64,
    /// AdamW decoupled weight decay (lr × weight decay must be below 1).
    #[arg(long, default_value_t = 0.01)]
    weight_decay: f64,
    /// The optimiser: adamw (every parameter every step, as torch.optim.AdamW) or lazy-adamw
    /// (only the input columns a batch reads; faster on hashed features, same on dense ones).
    #[arg(long, value_enum, default_value_t = OptimizerArg::Adamw)]
    optimizer: OptimizerArg,
    /// L2 penalty λ added to the mean loss (λ/2 · ‖θ‖²; scikit-learn's C is 1 / (λ · rows))
    /// [default: 0.001; vpl: 0].
    #[arg(long, value_name = "LAMBDA")]
    l2: Option<f64>,
    /// Seed (initialisation, split, order, bootstrap).
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Fraction held out for validation, early stopping and keeping the best epoch (0: none;
    /// train on every row for --epochs) [default: 0; gpm and vpl: 0.1].
    #[arg(long, value_name = "F")]
    val_fraction: Option<f64>,
    /// Epochs without improvement before stopping (0: never).
    #[arg(long, default_value_t = 3)]
    patience: usize,
}

#[derive(Debug, Args)]
struct ScoringArgs {
    /// Ensemble statistic.
    #[arg(long, value_enum, default_value = "mean")]
    statistic: StatType,
    /// λ of `uwo`.
    #[arg(long, default_value_t = 0.5)]
    uwo_lambda: f64,
    /// Variance convention of `uwo` (0 or 1).
    #[arg(long, default_value_t = 0)]
    ddof: u32,
}

#[derive(Debug, Args)]
struct ScoreArgs {
    /// The model folder.
    #[arg(long, value_name = "DIR")]
    model: PathBuf,
    /// Pairs or ratings (JSONL, .jsonl.gz).
    #[arg(long, value_name = "FILE")]
    data: PathBuf,
    #[command(flatten)]
    scoring: ScoringArgs,
}

#[derive(Debug, Args)]
struct EvalArgs {
    /// The model folder.
    #[arg(long, value_name = "DIR")]
    model: PathBuf,
    /// Pairs (JSONL, .jsonl.gz).
    #[arg(long, value_name = "FILE")]
    data: PathBuf,
    /// Print JSON (`n`, `accuracy`, `log_loss`, `ece`, `length_accuracy`).
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    scoring: ScoringArgs,
}

/// Runs `rewardkit prefs ...`.
pub(crate) fn run(args: PrefsArgs, quiet: bool) -> Result<ExitCode> {
    match args.command {
        PrefsCommand::Fit(a) => fit(a, quiet),
        PrefsCommand::Score(a) => score(a),
        PrefsCommand::Evaluate(a) => evaluate(a),
        PrefsCommand::Embed(a) => embed(a, quiet),
    }
}

fn read(path: &Path) -> Result<(Dataset, DataInfo)> {
    let bytes = data::read_bytes(path)?;
    let ds = data::parse(&bytes, &path.display().to_string())?;
    let info = DataInfo {
        file: path.display().to_string(),
        hash: data::hash_bytes(&bytes),
        rows: ds.len(),
        ..DataInfo::default()
    };
    Ok((ds, info))
}

fn scoring(a: &ScoringArgs) -> Result<Scoring> {
    if !(a.uwo_lambda.is_finite() && a.uwo_lambda >= 0.0) {
        bail!("--uwo-lambda must be a finite number ≥ 0");
    }
    if a.ddof > 1 {
        bail!("--ddof must be 0 or 1");
    }
    Ok(Scoring {
        stat: match a.statistic {
            StatType::Mean => Stat::Mean,
            StatType::Min => Stat::Min,
            StatType::Uwo => Stat::Uwo,
        },
        lambda: a.uwo_lambda,
        ddof: a.ddof,
    })
}

fn fit(a: FitArgs, quiet: bool) -> Result<ExitCode> {
    let (ds, info) = read(&a.data)?;
    let bt = BtLoss {
        variant: match a.loss {
            LossType::Bt => BtVariant::Bt,
            LossType::Margin => BtVariant::Margin,
            LossType::Scaled => BtVariant::Scaled,
        },
        smoothing: a.label_smoothing,
        center: a.center,
    };
    let vpl = matches!(a.model, ModelType::Vpl);
    // GPM overfits without early stopping (validation split of the hh-rlhf training pairs,
    // BENCHMARKS.md); VPL's episodes need it too.
    let gpm = matches!(a.model, ModelType::Gpm);
    let kind = match a.model {
        ModelType::Bt => ModelKind::Bt { loss: bt },
        ModelType::Gpm => ModelKind::Gpm {
            k: a.k,
            tau: a.tau,
            normalise: !a.no_normalise,
        },
        ModelType::Ensemble => ModelKind::Ensemble {
            members: a.members,
            bootstrap: a.bootstrap,
            loss: bt,
        },
        ModelType::Vpl => ModelKind::Vpl {
            latent: a.latent,
            hidden: if a.hidden == 0 { 32 } else { a.hidden },
            context: a.context,
            beta: a.beta,
            anneal_period: 10_000,
        },
        ModelType::Regression => {
            let (attributes, weights) = match &a.weights {
                None => (Vec::new(), Vec::new()),
                Some(s) => parse_weights(s)?,
            };
            ModelKind::Regression {
                attributes,
                weights,
            }
        }
    };
    let featurizer = match a.featurizer {
        FeaturizerType::Hashing => FeaturizerConfig::Hashing(HashingConfig {
            dim: a.hash_dim,
            ..HashingConfig::default()
        }),
        FeaturizerType::Minilm => FeaturizerConfig::Minilm {
            path: a
                .minilm
                .as_ref()
                .context("--featurizer minilm needs --minilm DIR (or REWARDKIT_MINILM)")?
                .display()
                .to_string(),
        },
    };
    let opts = FitOptions {
        model: kind,
        head: if a.hidden == 0 {
            HeadKind::Linear
        } else {
            HeadKind::Mlp { hidden: a.hidden }
        },
        featurizer,
        input: match a.input {
            InputType::Response => Input::Response,
            InputType::PromptResponse => Input::PromptResponse,
        },
        train: TrainConfig {
            epochs: a.epochs,
            batch_size: a.batch_size,
            lr: a.lr,
            weight_decay: a.weight_decay,
            optimizer: match a.optimizer {
                OptimizerArg::Adamw => Optimizer::Adamw,
                OptimizerArg::LazyAdamw => Optimizer::LazyAdamw,
            },
            l2: a.l2.unwrap_or(if vpl { 0.0 } else { 1e-3 }),
            seed: a.seed,
            val_fraction: a.val_fraction.unwrap_or(if vpl || gpm { 0.1 } else { 0.0 }),
            patience: a.patience,
            ..TrainConfig::default()
        },
        init_std: None,
        progress: !quiet,
    };
    let m = model::fit(&ds, info, &opts)?;
    m.save(&a.out)?;
    let c = &m.config;
    let report = json!({
        "model": a.out.display().to_string(),
        "type": c.model.name(),
        "train_rows": c.data.train_rows,
        "val_rows": c.data.val_rows,
        "data_hash": c.data.hash,
        "featurize_s": m.timing.featurize_s,
        "train_s": m.timing.train_s,
        "members": c.report.iter().map(|r| json!({
            "epochs_run": r.epochs_run,
            "best_epoch": r.best_epoch,
            "train_loss": r.train_loss.last(),
            "val_loss": r.val_loss.get(r.best_epoch.saturating_sub(1)),
        })).collect::<Vec<_>>(),
    });
    let mut out = std::io::stdout().lock();
    writeln!(out, "{report}")?;
    if !quiet {
        eprintln!("wrote {}", a.out.display());
    }
    Ok(ExitCode::SUCCESS)
}

fn parse_weights(s: &str) -> Result<(Vec<String>, Vec<f64>)> {
    let mut names = Vec::new();
    let mut ws = Vec::new();
    for part in s.split(',').filter(|p| !p.trim().is_empty()) {
        let (n, w) = part
            .split_once('=')
            .with_context(|| format!("--weights: `{part}` is not ATTRIBUTE=WEIGHT"))?;
        let w: f64 = w
            .trim()
            .parse()
            .ok()
            .filter(|w: &f64| w.is_finite())
            .with_context(|| format!("--weights: `{w}` is not a finite number"))?;
        names.push(n.trim().to_string());
        ws.push(w);
    }
    if names.is_empty() {
        bail!("--weights: no ATTRIBUTE=WEIGHT pairs");
    }
    Ok((names, ws))
}

fn score(a: ScoreArgs) -> Result<ExitCode> {
    let s = scoring(&a.scoring)?;
    let m = Model::load(&a.model, None)?;
    let (ds, _) = read(&a.data)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match &ds {
        Dataset::Pairs(pairs) => {
            for (i, p) in pairs.iter().enumerate() {
                let rc = m.reward(&p.prompt, &p.chosen, None, s)?;
                let rr = m.reward(&p.prompt, &p.rejected, None, s)?;
                let pc = m.prob(p, None, s)?;
                writeln!(
                    out,
                    "{}",
                    json!({"index": i, "reward_chosen": rc, "reward_rejected": rr, "p_chosen": pc})
                )?;
            }
        }
        Dataset::Ratings(rows) => {
            for (i, r) in rows.iter().enumerate() {
                let v = m.reward(&r.prompt, &r.response, None, s)?;
                writeln!(out, "{}", json!({"index": i, "reward": v}))?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn evaluate(a: EvalArgs) -> Result<ExitCode> {
    let s = scoring(&a.scoring)?;
    let m = Model::load(&a.model, None)?;
    let (ds, _) = read(&a.data)?;
    let Some(pairs) = ds.pairs() else {
        bail!(
            "{}: evaluate needs pairs (`chosen`, `rejected`)",
            a.data.display()
        );
    };
    // VPL: each user's first `context` pairs are the context, not scored.
    let scored: Vec<(usize, f64)> = m
        .personal_probs(pairs, None, s)?
        .into_iter()
        .enumerate()
        .filter_map(|(i, p)| p.map(|p| (i, p)))
        .collect();
    let probs: Vec<f64> = scored.iter().map(|&(_, p)| p).collect();
    let len: Vec<f64> = scored
        .iter()
        .map(|&(i, _)| {
            let p = &pairs[i];
            p.chosen.chars().count() as f64 - p.rejected.chars().count() as f64
        })
        .collect();
    let r = rewardkit_prefs::eval::metrics(&probs, &len);
    let mut out = std::io::stdout().lock();
    if a.json {
        writeln!(out, "{}", serde_json::to_string(&r)?)?;
    } else {
        writeln!(out, "pairs            {}", r.n)?;
        writeln!(out, "accuracy         {:.4}", r.accuracy)?;
        writeln!(out, "log_loss         {:.4}", r.log_loss)?;
        writeln!(out, "ece              {:.4}", r.ece)?;
        writeln!(
            out,
            "length_accuracy  {:.4}  (baseline: the longer response wins)",
            r.length_accuracy
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

fn embed(a: EmbedArgs, quiet: bool) -> Result<ExitCode> {
    let path = match a.featurizer {
        FeaturizerType::Minilm => a
            .minilm
            .as_ref()
            .context("--featurizer minilm needs --minilm DIR (or REWARDKIT_MINILM)")?
            .display()
            .to_string(),
        FeaturizerType::Hashing => {
            bail!("prefs embed writes dense embeddings: use --featurizer minilm")
        }
    };
    let bytes = data::read_bytes(&a.input)?;
    let text =
        std::str::from_utf8(&bytes).with_context(|| format!("{}: not UTF-8", a.input.display()))?;
    let mut texts = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not JSON", a.input.display(), i + 1))?;
        let t = match &v {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Object(o) => match o.get(&a.field) {
                Some(serde_json::Value::String(s)) => s.clone(),
                _ => bail!(
                    "{}:{}: no string field `{}`",
                    a.input.display(),
                    i + 1,
                    a.field
                ),
            },
            _ => bail!(
                "{}:{}: a row is a JSON string or an object",
                a.input.display(),
                i + 1
            ),
        };
        texts.push(t);
    }
    let f = rewardkit_prefs::features::Featurizer::fit(
        &FeaturizerConfig::Minilm { path },
        &[] as &[&str],
    )?;
    let t0 = std::time::Instant::now();
    let feats = f.encode_all(&texts)?;
    let secs = t0.elapsed().as_secs_f64();
    let dim = f.dim();
    let rows: Vec<Vec<f32>> = feats
        .iter()
        .map(|x| x.val.iter().map(|&v| v as f32).collect())
        .collect();
    let npy = a
        .output
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("npy"));
    if npy {
        let mut buf = npy_header(rows.len(), dim);
        for r in &rows {
            for v in r {
                buf.extend_from_slice(&v.to_le_bytes());
            }
        }
        std::fs::write(&a.output, buf)
            .with_context(|| format!("writing {}", a.output.display()))?;
    } else {
        let mut out: Box<dyn Write> = if a.output.as_os_str() == "-" {
            Box::new(std::io::BufWriter::new(std::io::stdout().lock()))
        } else {
            Box::new(std::io::BufWriter::new(
                std::fs::File::create(&a.output)
                    .with_context(|| format!("writing {}", a.output.display()))?,
            ))
        };
        for (i, r) in rows.iter().enumerate() {
            writeln!(out, "{}", json!({"index": i, "embedding": r}))?;
        }
        out.flush()?;
    }
    if !quiet {
        eprintln!(
            "embedded {} texts in {secs:.3} s ({:.1} texts/s)",
            rows.len(),
            rows.len() as f64 / secs.max(1e-9)
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The header of a little-endian float32 .npy array of shape (rows, cols), format 1.0.
fn npy_header(rows: usize, cols: usize) -> Vec<u8> {
    let mut h = format!("{{'descr': '<f4', 'fortran_order': False, 'shape': ({rows}, {cols}), }}");
    while (10 + h.len() + 1) % 64 != 0 {
        h.push(' ');
    }
    h.push('\n');
    let mut buf = b"\x93NUMPY\x01\x00".to_vec();
    buf.extend_from_slice(&(h.len() as u16).to_le_bytes());
    buf.extend_from_slice(h.as_bytes());
    buf
}
