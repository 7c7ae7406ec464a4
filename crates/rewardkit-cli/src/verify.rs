//! `rewardkit verify GOLD PRED`: one math comparison, explained.

use anyhow::Context;
use rewardkit_math::{Options, Outcome};
use std::io::Write;
use std::process::ExitCode;

/// Arguments of `rewardkit verify`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Exit codes: 0 equal; 1 not equal (or no answer in PRED); 2 error \
(no answer in GOLD, budget exceeded, bad options).\n\nExamples:\n  \
rewardkit verify '\\frac{1}{2}' 'so the answer is $\\boxed{0.5}$' --explain\n  \
rewardkit verify --options '{\"accept_unreduced_fractions\": false}' '\\frac12' '\\frac{2}{4}'"
)]
pub(crate) struct VerifyArgs {
    /// The reference answer (boxed or plain). A value starting with `-` (`-5`) is an answer.
    #[arg(allow_hyphen_values = true)]
    pub gold: String,
    /// The prediction (a bare answer or a whole completion).
    #[arg(allow_hyphen_values = true)]
    pub pred: String,
    /// Print every step: extracted, parsed, normalised, compared how.
    #[arg(long)]
    pub explain: bool,
    /// Print the verdict as JSON.
    #[arg(long)]
    pub json: bool,
    /// Verifier options as JSON (same fields as `options` of the `math` reward function).
    #[arg(long, value_name = "JSON")]
    pub options: Option<String>,
}

pub(crate) fn run(args: VerifyArgs) -> anyhow::Result<ExitCode> {
    let mut options: Options = match &args.options {
        Some(text) => serde_json::from_str(text).context("--options: invalid verifier options")?,
        None => Options::default(),
    };
    options.explain = args.explain;
    let v = rewardkit_math::verify(&args.gold, &args.pred, &options);
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &v)?;
        writeln!(out)?;
    } else {
        if args.explain {
            for (i, step) in v.steps.iter().enumerate() {
                writeln!(out, "{:>2}. {step}", i + 1)?;
            }
            writeln!(out)?;
        }
        writeln!(out, "gold:    {}", v.gold.as_deref().unwrap_or("(none)"))?;
        writeln!(out, "pred:    {}", v.pred.as_deref().unwrap_or("(none)"))?;
        let verdict = serde_json::to_value(v.outcome)?;
        writeln!(out, "verdict: {}", verdict.as_str().unwrap_or("?"))?;
        writeln!(out, "reason:  {}", v.reason)?;
    }
    out.flush()?;
    Ok(match v.outcome {
        Outcome::Equal => ExitCode::SUCCESS,
        Outcome::NotEqual | Outcome::NoPredAnswer => ExitCode::from(1),
        Outcome::NoGoldAnswer | Outcome::BudgetExceeded => ExitCode::from(2),
    })
}
