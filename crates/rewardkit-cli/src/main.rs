//! The `rewardkit` command line: score batches with a reward pipeline, probe a pipeline for
//! reward hacks, verify math answers, serve rewards over HTTP, print the pipeline JSON Schema.
//!
//! stdout carries data only; progress, logs and hints go to stderr. Exit codes: 0 success,
//! 1 ran fine but the result is negative (`verify`: not equal; `probe`: a hack is paid above
//! `--fail-over`), 2 error.
//!
//! ## Features
//!
//! | feature | default | what |
//! |---|---|---|
//! | `remote` | on | the `remote` reward function (reward models hosted elsewhere, over HTTP); forwards `rewardkit-core/remote` |
//! | `remote-tls` | off | `https://` for `remote` (rustls); forwards `rewardkit-core/remote-tls` |
//! | `parquet` | on | Parquet input and output for `score` and `probe` (Arrow, without its JSON and cast kernels) |
//! | `gzip` | on | gzip-compressed JSONL in and out (`.jsonl.gz`; pure Rust) |
//! | `zstd` | on | zstd-compressed JSONL in and out (`.jsonl.zst`; builds libzstd from C) |
//! | `candle` | off | the `minilm` featurizer of `prefs` (all-MiniLM-L6-v2 with candle; heavy) |
//!
//! `rewardkit --version` lists them (`+` compiled in, `-` left out).

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Scoring allocates many small strings on every core; mimalloc keeps that cheap.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod compress;
mod eval;
mod mdp;
mod output;
mod prefs;
mod probe;
mod score;
mod serve;
mod summary;
mod tabular;
mod verify;

/// rewardkit: a reward-function engine for RL post-training and reward research.
#[derive(Debug, Parser)]
#[command(
    name = "rewardkit",
    version = version_text(),
    about = "rewardkit: a reward-function engine for RL post-training and reward research",
    after_help = "Exit codes: 0 success; 1 ran fine but the result is negative (verify: not equal; probe: a hack is paid above --fail-over); 2 error.\n\nExamples:\n  rewardkit score --spec examples/pipeline.toml --input examples/samples.jsonl\n  rewardkit probe --spec examples/pipeline.toml --input examples/samples.jsonl"
)]
struct Cli {
    /// Print less (no progress bar, no hints).
    #[arg(short, long, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Score a batch of samples (JSONL) with a reward pipeline.
    Score(score::ScoreArgs),
    /// Probe a reward pipeline for known hacks (hedges, format without content, padding, ...).
    Probe(probe::ProbeArgs),
    /// Compare a math answer with a reference, step by step.
    Verify(verify::VerifyArgs),
    /// Serve a reward pipeline over HTTP (OpenRLHF, verl, TRL and vLLM clients).
    Serve(serve::ServeArgs),
    /// Print the JSON Schema of pipeline spec files.
    Schema,
    /// Distance between reward functions on a tabular MDP (EPIC, DARD, STARC, Pearson).
    Compare(mdp::CompareArgs),
    /// Reward-hacking diagnostics from proxy and true scores (correlation, best-of-n, PF-PPO R², length).
    Diagnose(mdp::DiagnoseArgs),
    /// Generate seeded MDPs and their rewards (random, gridworld, chain) as JSON, safetensors or npy.
    Mdp(mdp::MdpArgs),
    /// Evaluate a reward model on RewardBench, RewardBench 2, RewardMATH, RM-Bench, JudgeBench or any pairwise/best-of-n set.
    Eval(eval::EvalArgs),
    /// Preference learning: fit, score and evaluate reward models (`learned` in pipelines).
    Prefs(prefs::PrefsArgs),
}

/// The cargo features of this build, `+` compiled in and `-` left out, as `--version` lists
/// them (the first line stays `rewardkit X.Y.Z`, like `rg --version`).
const FEATURES: [(&str, bool); 6] = [
    ("candle", cfg!(feature = "candle")),
    ("gzip", cfg!(feature = "gzip")),
    ("parquet", cfg!(feature = "parquet")),
    ("remote", cfg!(feature = "remote")),
    ("remote-tls", cfg!(feature = "remote-tls")),
    ("zstd", cfg!(feature = "zstd")),
];

/// `X.Y.Z` and the line of features.
fn version_text() -> &'static str {
    static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TEXT.get_or_init(|| {
        let features: Vec<String> = FEATURES
            .iter()
            .map(|(name, on)| format!("{}{name}", if *on { '+' } else { '-' }))
            .collect();
        format!(
            "{}\nfeatures: {}",
            env!("CARGO_PKG_VERSION"),
            features.join(", ")
        )
    })
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    // `learned` reward functions in every pipeline (score, probe, serve).
    rewardkit_prefs::install();
    let result = match cli.command {
        Command::Score(args) => score::run(args, cli.quiet),
        Command::Probe(args) => probe::run(args, cli.quiet),
        Command::Verify(args) => verify::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Schema => print_schema(),
        Command::Compare(args) => mdp::compare(args),
        Command::Diagnose(args) => mdp::diagnose(args),
        Command::Mdp(args) => mdp::generate(args),
        Command::Eval(args) => eval::run(args),
        Command::Prefs(args) => prefs::run(args, cli.quiet),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            // Not `eprintln!`: it panics when stderr is closed (`2>&-`), and the exit code
            // must stay 2.
            use std::io::Write;
            let _ = writeln!(std::io::stderr(), "error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn print_schema() -> anyhow::Result<ExitCode> {
    use std::io::Write;
    let schema = rewardkit_core::PipelineSpec::json_schema();
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &schema)?;
    writeln!(out)?;
    Ok(ExitCode::SUCCESS)
}

/// A closed stdout (`rewardkit score ... | head`) is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
