//! `rewardkit eval`: score reward models on RewardBench, RewardBench 2, RewardMATH, RM-Bench,
//! JudgeBench and any pairwise or best-of-n set, exactly as each benchmark's authors score
//! them (the rules are in `rewardkit_eval::metrics`), and compare two runs.

use anyhow::{anyhow, bail, Context, Result};
use clap::{Args, Subcommand};
use rewardkit_eval::{
    collect_scores, compare, evaluate, html, rewardmath_pairwise::PairwiseSet, Api, Benchmark,
    Dataset, Options, Report, Source, StepAgg, UrlSource,
};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

const AFTER_HELP: &str = "\
Score sources (give one; results files carry their own scores and take none):
  --scores FILE   JSON Lines, one line per completion {\"id\": ..., \"index\": k, \"score\": x}
                  or per item {\"id\": ..., \"scores\": [x0, x1, ...]}; a score may be a list of
                  step scores (process reward models; see --agg)
  --spec FILE     a rewardkit pipeline spec, scored in-process (prompt, completion, reference)
  --url URL       a reward server: .../v1/score (rewardkit), .../get_reward (OpenRLHF),
                  .../classify (vLLM, SGLang), .../pooling (vLLM); --api overrides the path

Completion index order: rewardbench, pairwise: 0 chosen, 1 rejected; rewardbench2: the chosen
list then the rejected list; rewardmath: the problem's rows in file order; rewardmath-pairwise:
0 = eval_solution_A, 1 = eval_solution_B; rm-bench: chosen 0-2, rejected 3-5; judgebench: 0 =
response_A, 1 = response_B; bestofn: 0 the best, then the rejected list.

Results layouts (scored from the file alone): a RewardMATH results file (a JSON list, one row
per problem with `solution_reference` and `score` lists) and a JudgeBench outputs file (one pair
per line with `judgments`) are recognised from their first row.

RewardMATH pairwise (`rewardmath-pairwise RewardMATH_pairwise.json`): see its --help.

Exit codes: 0 success; 1 the main score is below --fail-under; 2 error.

Examples:
  rewardkit eval rewardbench examples/eval/rewardbench.jsonl --scores examples/eval/scores-a.jsonl --html report.html
  rewardkit eval rewardmath RESULTS.json --json > rewardmath.json
  rewardkit eval compare a.json b.json";

const PAIRWISE_AFTER_HELP: &str = "\
The data: RewardMATH_pairwise.json, one row per comparison of a problem's chosen solution with
one of its 9 rejected ones (eval_solution_A, eval_solution_B, chosen_position \"A\"/\"B\",
solution_reference, problem_id, id). A row is keyed by its `id`, else its 0-based position.

Picks (give one source):
  --judgments FILE  JSON Lines, one line per row: {\"id\": ..., \"winner\": \"A\"}; `decision` is
                    read as `winner`; \"A\", \"B\", \"A>B\" (= A) and \"B>A\" (= B) are accepted. Every
                    row needs exactly one judgment (a null pick is an error).
  --scores, --spec, --url
                    score both solutions of each row (index 0 = A, 1 = B); the higher score
                    wins, and a tie is a loss for the chosen solution (pessimistic, as the MRR
                    ranks ties rejected first).

Scoring (RewardMATH's eval.py): per problem, the chosen solution scores 1 + #wins and rejected
i scores 1 if the chosen won against it, else 11; then `accuracy`, `accuracy_with_ties` and
`mrr` as `rewardmath`: any loss makes the problem wrong, rank = 1 + #losses.

Exit codes: 0 success; 1 the main score (accuracy) is below --fail-under; 2 error.

Example:
  rewardkit eval rewardmath-pairwise RewardMATH_pairwise.json --judgments judge.jsonl --html report.html";

/// The most bootstrap replicates: every replicate keeps one number per metric, and a typo
/// (`--bootstrap 10000000000`) would otherwise run for hours and fill the memory.
const MAX_BOOTSTRAP: usize = 100_000;

/// How far below `--fail-under` a main score may be from floating-point rounding alone
/// (scores are shares: far below any printed digit).
const FAIL_UNDER_SLACK: f64 = 1e-9;

/// Arguments of `rewardkit eval`.
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub(crate) struct EvalArgs {
    #[command(subcommand)]
    command: EvalCommand,
}

#[derive(Debug, Subcommand)]
enum EvalCommand {
    /// RewardBench v1: strict chosen > rejected; subsets, weighted sections, score (4-section mean) and score_with_prior.
    Rewardbench(BenchArgs),
    /// RewardBench 2: best-of-4 with 1/k tie credit, the Ties composite, the unweighted mean of the subsets.
    Rewardbench2(BenchArgs),
    /// RewardMATH: accuracy (strict and >=) and MRR; data file or RESULTS.json (step scores: every aggregation).
    Rewardmath(BenchArgs),
    /// RewardMATH's pairwise-judge mode: a judge's A/B picks (--judgments) or both solutions scored; accuracy and MRR as `rewardmath`.
    #[command(name = "rewardmath-pairwise", after_help = PAIRWISE_AFTER_HELP)]
    RewardmathPairwise(PairwiseArgs),
    /// RM-Bench: the 3x3 style matrix, hard/normal/easy per domain, the mean of the domain averages.
    #[command(name = "rm-bench")]
    RmBench(BenchArgs),
    /// JudgeBench: per-source and overall accuracy, double game (default) and single game; data file or OUTPUTS.jsonl.
    Judgebench(BenchArgs),
    /// Any pairwise set (hh-rlhf chosen/rejected, RMB pairwise): strict accuracy, per subset.
    Pairwise(BenchArgs),
    /// Any best-of-n set (one best, several losers; RMB best-of-n): the best must beat every loser.
    Bestofn(BenchArgs),
    /// Compare two `--json` reports of the same benchmark items: differences with paired-bootstrap intervals and p-values.
    Compare(CompareArgs),
}

#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
struct BenchArgs {
    /// The benchmark file: JSON list or JSON Lines (Parquet with the `parquet` feature), in the benchmark's published layout or results layout.
    data: PathBuf,
    /// Scores file (JSON Lines) keyed by id and completion index.
    #[arg(long, group = "source", value_name = "FILE")]
    scores: Option<PathBuf>,
    /// Score with a rewardkit pipeline spec (TOML or JSON), in-process.
    #[arg(long, group = "source", value_name = "PIPELINE")]
    spec: Option<PathBuf>,
    /// Score with a reward server at this URL.
    #[arg(long, group = "source")]
    url: Option<String>,
    /// The server's API, when the URL's path does not say.
    #[arg(long, value_parser = ["rewardkit", "openrlhf", "classify", "pooling"], requires = "url")]
    api: Option<String>,
    /// The text sent to classify/pooling/OpenRLHF servers; `{prompt}` and `{completion}` are replaced.
    #[arg(long, default_value = "{prompt}\n{completion}", requires = "url")]
    template: String,
    /// Completions per server request.
    #[arg(long, default_value_t = 32, requires = "url")]
    batch: usize,
    /// The `model` field of classify requests.
    #[arg(long, requires = "url")]
    model: Option<String>,
    /// Bearer token for the server.
    #[arg(
        long,
        env = "REWARDKIT_EVAL_TOKEN",
        hide_env_values = true,
        requires = "url"
    )]
    token: Option<String>,
    /// Seconds one server request may take.
    #[arg(long, default_value_t = 60.0, requires = "url")]
    timeout: f64,
    /// Print the JSON report (the input of `eval compare`) instead of the table.
    #[arg(long)]
    json: bool,
    /// Also write the JSON report to this file.
    #[arg(long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Write a self-contained HTML report (SVG plots, no network) to this file.
    #[arg(long, value_name = "FILE")]
    html: Option<PathBuf>,
    /// Exit 1 when the main score (a share, 0.6 = 60%) is below this (floating-point rounding aside: a score of exactly X passes).
    #[arg(long, value_name = "X")]
    fail_under: Option<f64>,
    /// Seed of the bootstrap (SplitMix64).
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Bootstrap replicates for the 95% intervals (0: none).
    #[arg(long, default_value_t = 1000)]
    bootstrap: usize,
    /// How step scores become one score (process reward models).
    #[arg(long, default_value = "min", value_parser = ["min", "max", "prod", "geometric_mean", "mean", "mean_logit", "mean_odd", "last"])]
    agg: String,
    /// JudgeBench: report the single game (recommended for reward models) as the main score.
    #[arg(long)]
    single_game: bool,
    /// RewardMATH: leave out rejected solutions from this `solution_reference`.
    #[arg(long, value_name = "MODEL")]
    except_model: Option<String>,
}

#[derive(Debug, Args)]
struct PairwiseArgs {
    /// The judge's picks (JSON Lines): one line per comparison, {"id": ..., "winner": "A"}.
    #[arg(long, group = "source", value_name = "FILE")]
    judgments: Option<PathBuf>,
    #[command(flatten)]
    bench: BenchArgs,
}

#[derive(Debug, Args)]
struct CompareArgs {
    /// Report A (`rewardkit eval ... --json`).
    a: PathBuf,
    /// Report B.
    b: PathBuf,
    /// Print JSON instead of the table.
    #[arg(long)]
    json: bool,
    /// Seed of the paired bootstrap.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Paired-bootstrap replicates.
    #[arg(long, default_value_t = 1000)]
    bootstrap: usize,
}

pub(crate) fn run(args: EvalArgs) -> Result<ExitCode> {
    let (benchmark, a) = match args.command {
        EvalCommand::Compare(c) => return run_compare(c),
        EvalCommand::RewardmathPairwise(p) => return run_rewardmath_pairwise(p),
        EvalCommand::Rewardbench(a) => (Benchmark::RewardBench, a),
        EvalCommand::Rewardbench2(a) => (Benchmark::RewardBench2, a),
        EvalCommand::Rewardmath(a) => (Benchmark::RewardMath, a),
        EvalCommand::RmBench(a) => (Benchmark::RmBench, a),
        EvalCommand::Judgebench(a) => (Benchmark::JudgeBench, a),
        EvalCommand::Pairwise(a) => (Benchmark::Pairwise, a),
        EvalCommand::Bestofn(a) => (Benchmark::BestOfN, a),
    };
    check_args(benchmark, &a, &[])?;
    let ds = load(benchmark, &a.data)?;
    let source = source_of(&a)?;
    let scores = collect_scores(&ds, &source)?;
    let report = evaluate(&ds, &scores, &source.describe(), &options(&a))?;
    if benchmark == Benchmark::RewardBench2 {
        let unknown: Vec<&str> = report
            .metrics
            .iter()
            .filter_map(|m| m.name.strip_prefix("subset/"))
            .filter(|s| !rewardkit_eval::metrics::REWARDBENCH2_SUBSETS.contains(s))
            .collect();
        if !unknown.is_empty() {
            eprintln!(
                "warning: {}: subset(s) {} are not RewardBench 2's (Factuality, Precise IF, Math, Safety, Focus, Ties): scored best-of-n and averaged into `score`",
                ds.file,
                unknown
                    .iter()
                    .map(|s| format!("{s:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
    }
    if benchmark == Benchmark::RewardBench {
        // The reference code leaves subsets it does not know out of every score: say so.
        let unknown: Vec<&str> = report
            .metrics
            .iter()
            .filter_map(|m| m.name.strip_prefix("subset/"))
            .filter(|s| !rewardkit_eval::metrics::rewardbench_known_subset(s))
            .collect();
        if !unknown.is_empty() {
            eprintln!(
                "warning: {}: subset(s) {} are in no RewardBench section: reported, but left out of `score`",
                ds.file,
                unknown
                    .iter()
                    .map(|s| format!("{s:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
    }
    finish(&report, &a)
}

/// Writes the reports (`--output`, `--html`, the table or `--json`) and applies `--fail-under`.
fn finish(report: &Report, a: &BenchArgs) -> Result<ExitCode> {
    if let Some(p) = &a.output {
        write_atomic(p, serde_json::to_string_pretty(report)?.as_bytes())?;
    }
    if let Some(p) = &a.html {
        write_atomic(p, html::render(report).as_bytes())?;
    }
    // Serialized first, then written: a closed stdout (`| head`) is then an `io::Error` the
    // caller recognises (serde_json's writer would hide it inside its own error).
    let text = if a.json {
        serde_json::to_string_pretty(report)? + "\n"
    } else {
        report.to_table()
    };
    print_out(&text)?;
    let main = report.main_score().unwrap_or(f64::NAN);
    if let Some(x) = a.fail_under {
        // Rounding must not fail a score that is X: (3/5 + 3/10) / 2 is 0.44999999999999996
        // in floating point, yet it is 45%, and `--fail-under 0.45` must pass it.
        if main.is_nan() || main < x - FAIL_UNDER_SLACK {
            eprintln!("{} = {main:.4} is below --fail-under {x}", report.main);
            return Ok(ExitCode::from(1));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Checks the options shared by every benchmark; `extra` are more inputs (flag, path) that
/// no report may overwrite.
fn check_args(benchmark: Benchmark, a: &BenchArgs, extra: &[(&str, &Path)]) -> Result<()> {
    if let Some(x) = a.fail_under {
        if !(0.0..=1.01).contains(&x) {
            bail!("--fail-under takes a share between 0 and 1 (0.6 = 60%), got {x}");
        }
    }
    // `Duration::from_secs_f64` panics on NaN: check before any use.
    if !(a.timeout.is_finite() && a.timeout > 0.0) {
        bail!(
            "--timeout takes a positive number of seconds, got {}",
            a.timeout
        );
    }
    if a.bootstrap > MAX_BOOTSTRAP {
        bail!(
            "--bootstrap takes at most {MAX_BOOTSTRAP} replicates (1000 is usual), got {}",
            a.bootstrap
        );
    }
    refuse_overwriting_inputs(a, extra)?;
    // Options of one benchmark are not silently ignored on another.
    if a.except_model.is_some() && benchmark != Benchmark::RewardMath {
        bail!("--except-model applies to `rewardkit eval rewardmath` only");
    }
    if a.single_game && benchmark != Benchmark::JudgeBench {
        bail!("--single-game applies to `rewardkit eval judgebench` only");
    }
    Ok(())
}

/// The score source the flags name (`Embedded` when none).
fn source_of(a: &BenchArgs) -> Result<Source> {
    Ok(if let Some(p) = &a.scores {
        Source::File(p.clone())
    } else if let Some(p) = &a.spec {
        Source::Spec(p.clone())
    } else if let Some(u) = &a.url {
        let api = match &a.api {
            Some(name) => Api::from_name(name),
            None => Api::from_url(u),
        }
        .ok_or_else(|| {
            anyhow!("cannot tell the server's API from {u}\n\nhint: add --api rewardkit|openrlhf|classify|pooling")
        })?;
        Source::Url(UrlSource {
            url: u.clone(),
            api,
            template: a.template.clone(),
            batch: a.batch.max(1),
            model: a.model.clone(),
            token: a.token.clone(),
            timeout: Duration::from_secs_f64(a.timeout.clamp(0.001, 86_400.0)),
        })
    } else {
        Source::Embedded
    })
}

fn options(a: &BenchArgs) -> Options {
    Options {
        seed: a.seed,
        bootstrap: a.bootstrap,
        agg: StepAgg::from_name(&a.agg).unwrap_or(StepAgg::Min),
        single_game: a.single_game,
        except_model: a.except_model.clone(),
    }
}

/// `rewardkit eval rewardmath-pairwise`: RewardMATH's pairwise-judge mode.
fn run_rewardmath_pairwise(p: PairwiseArgs) -> Result<ExitCode> {
    let a = &p.bench;
    let extra: Vec<(&str, &Path)> = p
        .judgments
        .as_deref()
        .map(|j| ("--judgments", j))
        .into_iter()
        .collect();
    check_args(Benchmark::RewardMath, a, &extra)?;
    let set = load_pairwise(&a.data)?;
    let (wins, describe) = if let Some(j) = &p.judgments {
        (
            set.wins_from_judgments_file(j)?,
            format!("judgments {}", j.display()),
        )
    } else {
        let source = source_of(a)?;
        if source == Source::Embedded {
            bail!(
                "{}: give the judge's picks (--judgments FILE) or a score source (--scores, --spec, --url)",
                a.data.display()
            );
        }
        let scores = collect_scores(&set.rows, &source)?;
        let agg = StepAgg::from_name(&a.agg).unwrap_or(StepAgg::Min);
        (
            set.wins_from_scores(&scores, agg)?,
            format!("{}; higher of A/B wins, a tie loses", source.describe()),
        )
    };
    let (ds, scores) = set.problems(&wins)?;
    let report = evaluate(&ds, &scores, &describe, &options(a))?;
    finish(&report, a)
}

fn load_pairwise(path: &Path) -> Result<PairwiseSet> {
    if crate::tabular::is_parquet(path) {
        #[cfg(feature = "parquet")]
        {
            return Ok(PairwiseSet::from_rows(
                &path.display().to_string(),
                parquet_rows(path)?,
            )?);
        }
        #[cfg(not(feature = "parquet"))]
        return Err(crate::tabular::unsupported());
    }
    Ok(PairwiseSet::load(path)?)
}

fn load(benchmark: Benchmark, path: &Path) -> Result<Dataset> {
    if crate::tabular::is_parquet(path) {
        #[cfg(feature = "parquet")]
        {
            return Ok(Dataset::from_rows(
                benchmark,
                &path.display().to_string(),
                parquet_rows(path)?,
            )?);
        }
        #[cfg(not(feature = "parquet"))]
        return Err(crate::tabular::unsupported());
    }
    Ok(Dataset::load(benchmark, path)?)
}

/// The rows of a Parquet file, as JSON values.
#[cfg(feature = "parquet")]
fn parquet_rows(path: &Path) -> Result<Vec<rewardkit_eval::Row>> {
    let mut reader = crate::tabular::ParquetRows::open(path, 4096)?;
    let mut rows = Vec::new();
    loop {
        let chunk = reader.read_chunk(4096)?;
        if chunk.is_empty() {
            break;
        }
        for (line, text) in chunk {
            let value = serde_json::from_str(&text)
                .with_context(|| format!("{}: row {line}", path.display()))?;
            rows.push(rewardkit_eval::Row { line, value });
        }
    }
    Ok(rows)
}

fn run_compare(c: CompareArgs) -> Result<ExitCode> {
    let read = |p: &Path| -> Result<Report> {
        let text =
            std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))?;
        let r: Report = serde_json::from_str(&text).with_context(|| {
            format!(
                "{}: not a rewardkit eval report (make one with `rewardkit eval <benchmark> ... --json`)",
                p.display()
            )
        })?;
        if r.schema_version != rewardkit_eval::SCHEMA_VERSION {
            bail!(
                "{}: report schema_version {} (this rewardkit reads {})",
                p.display(),
                r.schema_version,
                rewardkit_eval::SCHEMA_VERSION
            );
        }
        Ok(r)
    };
    if c.bootstrap > MAX_BOOTSTRAP {
        bail!(
            "--bootstrap takes at most {MAX_BOOTSTRAP} replicates (1000 is usual), got {}",
            c.bootstrap
        );
    }
    let (a, b) = (read(&c.a)?, read(&c.b)?);
    let cmp = compare(&a, &b, c.bootstrap, c.seed)?;
    let text = if c.json {
        serde_json::to_string_pretty(&cmp)? + "\n"
    } else {
        cmp.to_table()
    };
    print_out(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// Refuses an `--output` or `--html` that is an input (the data, the scores, the spec) or
/// the other report: the same path, or the same file through a symlink or a hard link.
/// Reports are written after the inputs are read, so the input would be lost.
fn refuse_overwriting_inputs(a: &BenchArgs, extra: &[(&str, &Path)]) -> Result<()> {
    let inputs: Vec<(&str, Option<&Path>)> = [
        ("the data file", Some(a.data.as_path())),
        ("--scores", a.scores.as_deref()),
        ("--spec", a.spec.as_deref()),
    ]
    .into_iter()
    .chain(extra.iter().map(|(f, p)| (*f, Some(*p))))
    .collect();
    for (flag, out) in [("--output", &a.output), ("--html", &a.html)] {
        let Some(out) = out else { continue };
        if out.as_os_str() == "-" {
            // `rewardkit score --output -` means stdout; here it would make a file named `-`.
            bail!("{flag} takes a file, not `-`\n\nhint: --json prints the JSON report on stdout");
        }
        for (what, input) in &inputs {
            if input.is_some_and(|i| same_file(out, i)) {
                bail!(
                    "{flag} {} is {what}; refusing to overwrite it\n\nhint: write the report to another file",
                    out.display()
                );
            }
        }
    }
    if let (Some(o), Some(h)) = (&a.output, &a.html) {
        if o == h || same_file(o, h) {
            bail!(
                "--output and --html are the same file {}: give each report its own file",
                o.display()
            );
        }
    }
    Ok(())
}

/// Whether two paths name the same existing file (symlinks followed, hard links included).
fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(ma), Ok(mb)) = (std::fs::metadata(a), std::fs::metadata(b)) else {
        return false; // a path that does not exist is no file to overwrite
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if (ma.dev(), ma.ino()) == (mb.dev(), mb.ino()) {
            return true;
        }
    }
    #[cfg(not(unix))]
    let _ = (ma, mb);
    matches!(
        (std::fs::canonicalize(a), std::fs::canonicalize(b)),
        (Ok(x), Ok(y)) if x == y
    )
}

/// Writes to stdout; a closed pipe comes back as a plain `io::Error` (exit 0 in `main`).
fn print_out(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// Writes a file through a temporary file in the same folder, renamed into place.
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".rewardkit-").suffix(".tmp");
    // A report is made to be shared: the permissions a plain `> report.html` would get
    // (0666 less the umask), not the temporary file's private 0600.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp = builder
        .tempfile_in(&dir)
        .with_context(|| format!("cannot create a file in {}", dir.display()))?;
    tmp.write_all(bytes)
        .with_context(|| format!("cannot write {}", path.display()))?;
    tmp.as_file().sync_all().ok();
    // The temporary file is removed when persisting fails; keep only the I/O error (its
    // `PersistError` wrapper would print the same message twice).
    tmp.persist(path)
        .map(drop)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot write {}", path.display()))
}
