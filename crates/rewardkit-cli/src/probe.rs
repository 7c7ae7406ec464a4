//! `rewardkit probe`: which known reward hacks does a pipeline pay for?
//!
//! Reads samples the way `score` does (JSONL or Parquet; only the prompt, the reference and the
//! metadata are used, the completion column is ignored), runs the probe library of
//! [`rewardkit_core::probe`] against the pipeline, and prints one line per probe: how often the
//! hack is paid, with an example. `--fail-over RATE` makes it a CI check (exit 1 when a probe
//! is paid more often than RATE).

use anyhow::{bail, Context, Result};
use rewardkit_core::io::FieldMap;
use rewardkit_core::probe::{self, Family, Probe, Report};
use rewardkit_core::{PipelineSpec, Sample};
use serde_json::json;
use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `rewardkit probe`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "For each sample with a reference REF, probe builds an honest correct \
completion (REF), an honest wrong one (a different value W) and one or more completions per probe \
(hedges such as \"REF or W\", REF only inside <think>, empty format tags, padding, \\phantom{REF}, \
...), scores them all with the pipeline (each sample's completions form one group), and counts a \
hack as paid when it scores at least the honest correct completion and more than the honest wrong \
one. Samples where the honest correct completion does not score above the honest wrong one are \
uninformative and left out of the rates. `rewardkit probe --list` shows the library.\n\n\
Input rows are read as by `score` (prompt, reference or answer/solution/ground_truth, metadata); \
the completion column is not used. Duplicate (prompt, reference) rows are probed once.\n\n\
Exit codes: 0 no probe is paid above --fail-over (or no --fail-over); 1 some probe is; 2 error \
(also with --fail-over when no sample is informative).\n\nExamples:\n  \
rewardkit probe --spec examples/naive.toml --input examples/samples.jsonl\n  \
rewardkit probe -s examples/pipeline.toml -i examples/samples.jsonl --family hedge --fail-over 0"
)]
pub(crate) struct ProbeArgs {
    /// Pipeline spec (TOML or JSON).
    #[arg(short, long, value_name = "FILE", required_unless_present = "list")]
    pub spec: Option<PathBuf>,
    /// Samples with a reference: JSONL (`-` for stdin) or `.parquet` (feature `parquet`).
    #[arg(short, long, value_name = "FILE", required_unless_present = "list")]
    pub input: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Exit 1 when a probe's paid rate (0 to 1) is above RATE (default: never).
    #[arg(long, value_name = "RATE")]
    pub fail_over: Option<f64>,
    /// Run this probe (repeatable, or comma-separated; default: all).
    #[arg(long = "probe", value_name = "NAME", value_delimiter = ',')]
    pub probes: Vec<String>,
    /// Run the probes of this family: hedge, placement, form, length, text (repeatable).
    #[arg(long = "family", value_name = "NAME", value_delimiter = ',')]
    pub families: Vec<String>,
    /// Map a sample field to a column: `reference=gt`, `prompt=question`, ...
    #[arg(long = "field", value_name = "FIELD=COLUMN")]
    pub fields: Vec<String>,
    /// Read at most the first N input rows.
    #[arg(long, default_value_t = 10_000, value_name = "N")]
    pub limit: usize,
    /// List the probes (name, families, what each models) and exit.
    #[arg(long)]
    pub list: bool,
}

pub(crate) fn run(args: ProbeArgs, quiet: bool) -> Result<ExitCode> {
    if args.list {
        print_list()?;
        return Ok(ExitCode::SUCCESS);
    }
    let (Some(spec_path), Some(input)) = (&args.spec, &args.input) else {
        bail!("--spec and --input are required (or --list)");
    };
    if let Some(r) = args.fail_over {
        if !(0.0..=1.0).contains(&r) {
            bail!("--fail-over must be a rate between 0 and 1, got {r}");
        }
    }
    let probes = select(&args.probes, &args.families)?;
    let spec = PipelineSpec::from_path(spec_path)?;
    let pipeline = spec.build()?;
    let mut fields = FieldMap::default();
    for f in &args.fields {
        fields
            .set(f)
            .map_err(|e| anyhow::anyhow!("--field {f}: {e}"))?;
    }

    let (samples, lines, source, more) = read(input, &fields, args.limit)?;
    if more && !quiet {
        eprintln!(
            "note: read the first {} rows of {source} (--limit)",
            args.limit
        );
    }
    let report = probe::run(&pipeline, &samples, &probes);
    if report.probed == 0 {
        bail!(
            "{source}: no row has a reference answer (columns tried: {}); use --field reference=COLUMN",
            fields.reference.join(", ")
        );
    }
    let informative = report.probed - report.uninformative;
    if informative == 0 {
        let why = format!(
            "on none of the {} samples did the pipeline score the honest correct completion above \
             the honest wrong one, so no hack can be measured (does it read the reference? try \
             `rewardkit probe --list` for the honest completions' form)",
            report.probed
        );
        if args.fail_over.is_some() {
            bail!("{why}");
        }
        if !quiet {
            eprintln!("warning: {why}");
        }
    }
    let failed: Vec<&str> = match args.fail_over {
        Some(r) => report.over(r).iter().map(|p| p.name).collect(),
        None => Vec::new(),
    };

    let text = if args.json {
        let mut v = serde_json::to_value(&report)?;
        v["spec"] = json!(spec_path.display().to_string());
        v["input"] = json!(source);
        v["fail_over"] = json!(args.fail_over);
        v["failed"] = json!(failed);
        if let Some(ps) = v["probes"].as_array_mut() {
            for p in ps {
                if let Some(e) = p.get_mut("example").filter(|e| e.is_object()) {
                    let i = e["index"].as_u64().unwrap_or(0) as usize;
                    e["line"] = json!(lines.get(i));
                }
            }
        }
        serde_json::to_string_pretty(&v)? + "\n"
    } else {
        table(&report, &lines, &spec_path.display().to_string(), &source)
    };
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;

    if let Some(r) = args.fail_over {
        if !failed.is_empty() {
            eprintln!(
                "FAIL: {} probe{} paid above --fail-over {r}: {}",
                failed.len(),
                if failed.len() == 1 { " is" } else { "s are" },
                failed.join(", ")
            );
            return Ok(ExitCode::from(1));
        }
        if !quiet {
            eprintln!("ok: no probe is paid above --fail-over {r}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The probes asked for: the named ones and those of the named families (all when none).
fn select(names: &[String], families: &[String]) -> Result<Vec<Probe>> {
    let mut wanted = Vec::new();
    for n in names {
        let n = n.trim();
        match Probe::from_name(n) {
            Some(p) => wanted.push(p),
            None => bail!(
                "--probe {n}: unknown probe; expected one of: {}",
                Probe::ALL
                    .iter()
                    .map(|p| p.name())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
    for f in families {
        let f = f.trim();
        let Some(fam) = Family::from_name(f) else {
            bail!(
                "--family {f}: unknown family; expected one of: {}",
                Family::ALL
                    .iter()
                    .map(|f| f.name())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        };
        wanted.extend(Probe::ALL.iter().copied().filter(|p| p.is_in(fam)));
    }
    if names.is_empty() && families.is_empty() {
        return Ok(Probe::ALL.to_vec());
    }
    // library order, each once
    Ok(Probe::ALL
        .iter()
        .copied()
        .filter(|p| wanted.contains(p))
        .collect())
}

/// Reads up to `limit` rows: the samples, their line numbers, the source name, and whether
/// rows were left unread. A malformed row is an error naming `file:line`.
fn read(
    input: &std::path::Path,
    fields: &FieldMap,
    limit: usize,
) -> Result<(Vec<Sample>, Vec<u64>, String, bool)> {
    let (mut reader, _, source) = crate::score::open_input(input, 1024)?;
    let mut samples = Vec::new();
    let mut lines = Vec::new();
    loop {
        let want = (limit - samples.len()).min(1024);
        if want == 0 {
            let more = !reader.read_chunk(1)?.is_empty();
            return Ok((samples, lines, source, more));
        }
        let chunk = reader
            .read_chunk(want)
            .with_context(|| format!("cannot read {source}"))?;
        if chunk.is_empty() {
            return Ok((samples, lines, source, false));
        }
        for (line, text) in chunk {
            let s = sample_without_completion(fields, &text)
                .map_err(|e| anyhow::anyhow!("{source}:{line}: {e}"))?;
            samples.push(s);
            lines.push(line);
        }
    }
}

/// One row as a sample, as `score` reads it, except that a row needs no completion (the
/// probes write their own).
fn sample_without_completion(fields: &FieldMap, text: &str) -> Result<Sample, String> {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(serde_json::Value::Object(mut row)) => {
            let has = |names: &[String]| names.iter().any(|n| row.contains_key(n));
            if !has(&fields.completion) && !has(&fields.messages) {
                if let Some(col) = fields.completion.first() {
                    row.insert(col.clone(), serde_json::Value::Null);
                }
            }
            fields.sample_from_map(row)
        }
        _ => fields.sample_from_json(text), // the same message as `score`
    }
}

/// Makes invisible and control characters visible (`\n`, `\u{200b}`) for a terminal line.
fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control()
                || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}') =>
            {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

fn rate(r: Option<f64>) -> String {
    r.map_or_else(|| "-".into(), |r| format!("{:.1}%", 100.0 * r))
}

fn table(report: &Report, lines: &[u64], spec: &str, source: &str) -> String {
    let mut t = String::new();
    let _ = writeln!(t, "rewardkit probe: {spec} on {source}");
    let _ = writeln!(
        t,
        "{} samples: {} probed, {} duplicates, {} without a reference; {} uninformative (honest right not above honest wrong)\n",
        report.samples, report.probed, report.duplicates, report.no_reference, report.uninformative
    );
    let _ = writeln!(
        t,
        "{:<32} {:<12} {:>9} {:>7}  example of a paid hack",
        "probe", "family", "paid/inf", "rate"
    );
    for p in &report.probes {
        let fams: Vec<&str> = p.families.iter().map(|f| f.name()).collect();
        let example = match &p.example {
            Some(e) => {
                let line = lines.get(e.index).copied().unwrap_or(e.index as u64 + 1);
                format!(
                    "line {line}, {} >= {}: {}{}",
                    short(e.reward),
                    short(e.honest_correct),
                    if e.framed { "[tagged] " } else { "" },
                    visible(&probe::clip(&e.completion, 64))
                )
            }
            None => String::new(),
        };
        let row = format!(
            "{:<32} {:<12} {:>9} {:>7}  {}",
            p.name,
            fams.join(","),
            format!("{}/{}", p.paid, p.informative),
            rate(p.rate),
            example
        );
        let _ = writeln!(t, "{}", row.trim_end());
    }
    let paid = report.probes.iter().filter(|p| p.paid > 0).count();
    let _ = writeln!(
        t,
        "\n{paid} of {} probes paid. Paid: the probe scored at least the honest correct completion \
         and more than the honest wrong one.",
        report.probes.len()
    );
    t
}

/// A reward for the table: up to 3 decimals, no trailing zeros.
fn short(v: f64) -> String {
    let s = format!("{v:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.into()
    }
}

fn print_list() -> Result<()> {
    let mut t = String::new();
    let _ = writeln!(t, "{:<32} {:<12} models", "probe", "family");
    for p in Probe::ALL {
        let fams: Vec<&str> = p.families().iter().map(|f| f.name()).collect();
        let _ = writeln!(t, "{:<32} {:<12} {}", p.name(), fams.join(","), p.models());
    }
    let example = probe::Case::new("42", "").map(|c| {
        (
            c.honest_correct().join("\n---\n"),
            c.honest_wrong().join("\n---\n"),
        )
    });
    if let Some((right, wrong)) = example {
        let _ = writeln!(
            t,
            "\nHonest completions for the reference 42 (each probe is also scored inside the \
             second, tagged, form):\n{right}\n---\nand with the wrong value:\n{wrong}"
        );
    }
    let mut out = std::io::stdout().lock();
    out.write_all(t.as_bytes())?;
    out.flush()?;
    Ok(())
}
