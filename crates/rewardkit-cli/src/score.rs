//! `rewardkit score`: score a JSONL batch with a pipeline, streaming, on every core.
//!
//! The input is read in chunks so memory stays flat on inputs of any length. Where a chunk
//! may end depends on the pipeline's widest scope: anywhere for per-sample pipelines, only
//! between groups for group-wise transforms (each group's rows must be contiguous; a group
//! that comes back after another is an error that says so), and nowhere for batch-wise
//! transforms (the whole input is one batch).

use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use rewardkit_core::io::{FieldMap, OutputRow};
use rewardkit_core::summary::Summary;
use rewardkit_core::{PipelineSpec, RewardOutput, Sample, Scope};
use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::io::{BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// What to do with an input row that cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OnError {
    /// Stop with an error naming the line (no output file is left behind).
    Fail,
    /// Keep going: the row gets an error result (`reward: null`, `info.error`).
    Skip,
}

/// Arguments of `rewardkit score`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Input rows are JSON objects (HF style): prompt (or question/problem/query), \
completion (or response/output, or chat `messages`), reference (or answer/solution/ground_truth), \
group, id, scores, steps; other columns are kept as metadata. Map other names with --field.\n\n\
Without --output only the summary is printed (stdout). With --output FILE the results go to FILE \
(written to a temporary file and renamed at the end) and the summary to stdout. With --output - \
the results go to stdout and the summary to stderr."
)]
pub struct ScoreArgs {
    /// Pipeline spec (TOML or JSON).
    #[arg(short, long, value_name = "FILE")]
    pub spec: PathBuf,
    /// Input samples: JSONL, one object per line (`-` for stdin), or `.parquet` (feature `parquet`).
    #[arg(short, long, value_name = "FILE")]
    pub input: PathBuf,
    /// Where to write one result per input row: JSONL, `-` for stdout, or `.parquet`.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Map a sample field to a column: `completion=response`, `reference=gt`, `group=uid`, ...
    #[arg(long = "field", value_name = "FIELD=COLUMN")]
    pub fields: Vec<String>,
    /// What to do with an unreadable input row.
    #[arg(long, value_enum, default_value_t = OnError::Fail)]
    pub on_error: OnError,
    /// Print the summary as JSON.
    #[arg(long)]
    pub json: bool,
    /// Rows scored together (groups are never split).
    #[arg(long, default_value_t = 4096, value_name = "N")]
    pub chunk_size: usize,
    /// Worker threads (default: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Never show a progress bar.
    #[arg(long)]
    pub no_progress: bool,
}

/// One input row: its line number and either a sample or why it could not be read.
struct Row {
    line: u64,
    sample: std::result::Result<Sample, String>,
}

pub fn run(args: ScoreArgs, quiet: bool) -> Result<ExitCode> {
    if args.chunk_size == 0 {
        bail!("--chunk-size must be at least 1");
    }
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .context("cannot set up the worker threads")?;
    }
    let spec = PipelineSpec::from_path(&args.spec)?;
    let pipeline = spec.build()?;
    let mut fields = FieldMap::default();
    for f in &args.fields {
        fields
            .set(f)
            .map_err(|e| anyhow::anyhow!("--field {f}: {e}"))?;
    }

    let (reader, size, source): (Source, Option<u64>, String) =
        if crate::tabular::is_parquet(&args.input) {
            (
                Source::parquet(&args.input, args.chunk_size)?,
                None,
                args.input.display().to_string(),
            )
        } else if args.input.as_os_str() == "-" {
            (
                Source::Lines(LineReader::new(Box::new(BufReader::new(std::io::stdin())))),
                None,
                "<stdin>".into(),
            )
        } else {
            let f = std::fs::File::open(&args.input)
                .with_context(|| format!("cannot open input {}", args.input.display()))?;
            let size = f.metadata().ok().map(|m| m.len());
            (
                Source::Lines(LineReader::new(Box::new(BufReader::with_capacity(
                    1 << 20,
                    f,
                )))),
                size,
                args.input.display().to_string(),
            )
        };

    let progress = progress_bar(
        size,
        quiet || args.no_progress || args.input.as_os_str() == "-",
    );
    let mut sink = Sink::open(args.output.as_deref())?;
    let started = Instant::now();
    let mut summary = Summary::default();
    let mut chunker = Chunker::new(pipeline.scope(), args.chunk_size, source.clone());
    let mut index: u64 = 0;

    // A reader thread keeps the next chunks of lines ready while the workers score.
    let (tx, rx) = std::sync::mpsc::sync_channel::<Result<Vec<(u64, String)>>>(2);
    let chunk_size = args.chunk_size;
    std::thread::scope(|scope| -> Result<()> {
        scope.spawn(move || {
            let mut lines = reader;
            loop {
                let chunk = lines.read_chunk(chunk_size);
                let last = !matches!(&chunk, Ok(c) if !c.is_empty());
                if tx.send(chunk).is_err() || last {
                    break;
                }
            }
        });
        for raw in rx.iter() {
            let raw = raw?;
            let done = raw.is_empty();
            progress.inc(raw.iter().map(|(_, l)| l.len() as u64).sum());
            let rows: Vec<Row> = raw
                .into_par_iter()
                .with_min_len(64)
                .map(|(line, text)| Row {
                    line,
                    sample: fields.sample_from_json(&text),
                })
                .collect();
            if args.on_error == OnError::Fail {
                if let Some(bad) = rows
                    .iter()
                    .find_map(|r| r.sample.as_ref().err().map(|e| (r.line, e)))
                {
                    bail!("{source}:{}: {}", bad.0, bad.1);
                }
            }
            for batch in chunker.push(rows, done)? {
                let (samples, outs) = score_rows(&pipeline, batch);
                index = sink.write(index, &samples, &outs, &mut summary)?;
            }
            if done {
                break;
            }
        }
        Ok(())
    })?;
    progress.finish_and_clear();
    let to_stdout = sink.is_stdout();
    sink.finish()?;

    let elapsed = started.elapsed().as_secs_f64();
    let report = if args.json {
        let mut v = serde_json::to_value(&summary)?;
        v["elapsed_s"] = serde_json::json!(elapsed);
        v["samples_per_s"] = serde_json::json!(summary.count as f64 / elapsed.max(1e-9));
        serde_json::to_string_pretty(&v)? + "\n"
    } else {
        format!(
            "{summary}\n{} samples in {:.2} s ({:.0} samples/s)\n",
            summary.count,
            elapsed,
            summary.count as f64 / elapsed.max(1e-9)
        )
    };
    if to_stdout {
        eprint!("{report}");
    } else {
        let mut out = std::io::stdout().lock();
        out.write_all(report.as_bytes())?;
        out.flush()?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Scores the readable rows of a batch; unreadable rows become error results in place.
fn score_rows(
    pipeline: &rewardkit_core::Pipeline,
    rows: Vec<Row>,
) -> (Vec<Option<Sample>>, Vec<(bool, RewardOutput)>) {
    let mut samples = Vec::with_capacity(rows.len());
    let mut slots: Vec<std::result::Result<usize, String>> = Vec::with_capacity(rows.len());
    for r in rows {
        match r.sample {
            Ok(s) => {
                slots.push(Ok(samples.len()));
                samples.push(s);
            }
            Err(e) => slots.push(Err(format!("line {}: {e}", r.line))),
        }
    }
    let scored = pipeline.score(&samples);
    let mut scored = scored.into_iter();
    let mut samples_iter = samples.into_iter();
    let mut out_samples = Vec::with_capacity(slots.len());
    let mut outs = Vec::with_capacity(slots.len());
    for slot in slots {
        match slot {
            Ok(_) => {
                out_samples.push(samples_iter.next());
                outs.push((true, scored.next().unwrap_or_default()));
            }
            Err(e) => {
                out_samples.push(None);
                outs.push((false, RewardOutput::error(e)));
            }
        }
    }
    (out_samples, outs)
}

/// Where rows come from: JSONL lines, or Parquet rows turned into JSON.
enum Source {
    Lines(LineReader),
    #[cfg(feature = "parquet")]
    Parquet(crate::tabular::ParquetRows),
}

impl Source {
    #[cfg(feature = "parquet")]
    fn parquet(path: &Path, batch: usize) -> Result<Self> {
        Ok(Source::Parquet(crate::tabular::ParquetRows::open(
            path, batch,
        )?))
    }

    #[cfg(not(feature = "parquet"))]
    fn parquet(_: &Path, _: usize) -> Result<Self> {
        Err(crate::tabular::unsupported())
    }

    fn read_chunk(&mut self, n: usize) -> Result<Vec<(u64, String)>> {
        match self {
            Source::Lines(l) => l.read_chunk(n),
            #[cfg(feature = "parquet")]
            Source::Parquet(p) => p.read_chunk(n),
        }
    }
}

/// Reads numbered lines, skipping blank ones.
struct LineReader {
    reader: Box<dyn BufRead + Send>,
    line: u64,
}

impl LineReader {
    fn new(reader: Box<dyn BufRead + Send>) -> Self {
        LineReader { reader, line: 0 }
    }

    fn read_chunk(&mut self, n: usize) -> Result<Vec<(u64, String)>> {
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            let mut buf = Vec::new();
            let read = self
                .reader
                .by_ref()
                .read_until(b'\n', &mut buf)
                .context("cannot read input")?;
            if read == 0 {
                break;
            }
            self.line += 1;
            let text = match String::from_utf8(buf) {
                Ok(t) => t,
                Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
            };
            if text.trim().is_empty() {
                continue;
            }
            out.push((self.line, text));
        }
        Ok(out)
    }
}

/// Cuts the row stream into batches the pipeline may score independently.
struct Chunker {
    scope: Scope,
    chunk_size: usize,
    pending: Vec<Row>,
    closed: HashSet<u64>,
    source: String,
}

fn group_key(s: &Sample) -> Option<u64> {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    match (&s.group, &s.prompt) {
        (Some(g), _) => (0u8, g).hash(&mut h),
        (None, Some(p)) => (1u8, p.text()).hash(&mut h),
        (None, None) => return None,
    }
    Some(h.finish())
}

impl Chunker {
    fn new(scope: Scope, chunk_size: usize, source: String) -> Self {
        Chunker {
            scope,
            chunk_size,
            pending: Vec::new(),
            closed: HashSet::new(),
            source,
        }
    }

    fn push(&mut self, rows: Vec<Row>, done: bool) -> Result<Vec<Vec<Row>>> {
        match self.scope {
            Scope::Sample => Ok(if rows.is_empty() { vec![] } else { vec![rows] }),
            Scope::Batch => {
                self.pending.extend(rows);
                Ok(if done && !self.pending.is_empty() {
                    vec![std::mem::take(&mut self.pending)]
                } else {
                    vec![]
                })
            }
            Scope::Group => {
                self.pending.extend(rows);
                if done {
                    let all = std::mem::take(&mut self.pending);
                    self.close(&all)?;
                    return Ok(if all.is_empty() { vec![] } else { vec![all] });
                }
                if self.pending.len() < self.chunk_size {
                    return Ok(vec![]);
                }
                // Cut before the last group, which may continue in the next chunk.
                let key = |r: &Row| r.sample.as_ref().ok().and_then(group_key);
                let last = self.pending.last().and_then(key);
                let mut cut = self.pending.len();
                if last.is_some() {
                    while cut > 0 && key(&self.pending[cut - 1]) == last {
                        cut -= 1;
                    }
                }
                if cut == 0 {
                    return Ok(vec![]); // one group larger than a chunk: keep reading
                }
                let rest = self.pending.split_off(cut);
                let batch = std::mem::replace(&mut self.pending, rest);
                self.close(&batch)?;
                Ok(vec![batch])
            }
        }
    }

    /// Records the groups of a finished batch; a group seen in an earlier batch is an error.
    fn close(&mut self, batch: &[Row]) -> Result<()> {
        let mut here = HashSet::new();
        for r in batch {
            if let Some(k) = r.sample.as_ref().ok().and_then(group_key) {
                if self.closed.contains(&k) {
                    let name = r
                        .sample
                        .as_ref()
                        .ok()
                        .and_then(|s| s.group.clone())
                        .unwrap_or_else(|| "(by prompt)".into());
                    bail!(
                        "{}:{}: group {name} appears again after other groups; group-wise transforms \
                         need each group's rows together\n\nhint: sort the input by group, or raise --chunk-size",
                        self.source,
                        r.line
                    );
                }
                here.insert(k);
            }
        }
        self.closed.extend(here);
        Ok(())
    }
}

/// Where results go: nowhere (summary only), stdout, or a file written atomically.
enum Sink {
    None,
    Stdout(BufWriter<std::io::Stdout>),
    File {
        tmp: BufWriter<tempfile::NamedTempFile>,
        path: PathBuf,
    },
    #[cfg(feature = "parquet")]
    Parquet {
        sink: Box<crate::tabular::ParquetSink<BufWriter<tempfile::NamedTempFile>>>,
        path: PathBuf,
    },
}

impl Sink {
    fn open(path: Option<&Path>) -> Result<Self> {
        Ok(match path {
            None => Sink::None,
            Some(p) if p.as_os_str() == "-" => {
                Sink::Stdout(BufWriter::with_capacity(1 << 20, std::io::stdout()))
            }
            Some(p) => {
                let dir = match p.parent() {
                    Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
                    _ => PathBuf::from("."),
                };
                let tmp = tempfile::Builder::new()
                    .prefix(".rewardkit-")
                    .suffix(".tmp")
                    .tempfile_in(&dir)
                    .with_context(|| format!("cannot create a file in {}", dir.display()))?;
                let tmp = BufWriter::with_capacity(1 << 20, tmp);
                if crate::tabular::is_parquet(p) {
                    #[cfg(feature = "parquet")]
                    {
                        return Ok(Sink::Parquet {
                            sink: Box::new(crate::tabular::ParquetSink::new(tmp)),
                            path: p.to_path_buf(),
                        });
                    }
                    #[cfg(not(feature = "parquet"))]
                    return Err(crate::tabular::unsupported());
                }
                Sink::File {
                    tmp,
                    path: p.to_path_buf(),
                }
            }
        })
    }

    fn is_stdout(&self) -> bool {
        matches!(self, Sink::Stdout(_))
    }

    fn write(
        &mut self,
        mut index: u64,
        samples: &[Option<Sample>],
        outs: &[(bool, RewardOutput)],
        summary: &mut Summary,
    ) -> Result<u64> {
        for (readable, o) in outs {
            if *readable {
                summary.add(o);
            } else {
                summary.add_unreadable();
            }
        }
        let w: &mut dyn Write = match self {
            Sink::None => return Ok(index + outs.len() as u64),
            #[cfg(feature = "parquet")]
            Sink::Parquet { sink, .. } => {
                sink.write(index, samples, outs)?;
                return Ok(index + outs.len() as u64);
            }
            Sink::Stdout(w) => w,
            Sink::File { tmp, .. } => tmp,
        };
        let first = index;
        let lines: Vec<Vec<u8>> = samples
            .par_iter()
            .zip(outs.par_iter())
            .enumerate()
            .with_min_len(64)
            .map(|(i, (s, (_, o)))| {
                let mut buf = serde_json::to_vec(&OutputRow::new(first + i as u64, s.as_ref(), o))
                    .unwrap_or_else(|_| b"{}".to_vec());
                buf.push(b'\n');
                buf
            })
            .collect();
        for l in &lines {
            w.write_all(l)?;
        }
        index += outs.len() as u64;
        Ok(index)
    }

    fn finish(self) -> Result<()> {
        match self {
            Sink::None => Ok(()),
            Sink::Stdout(mut w) => Ok(w.flush()?),
            Sink::File { tmp, path } => persist(tmp, &path),
            #[cfg(feature = "parquet")]
            Sink::Parquet { sink, path } => persist(sink.finish()?, &path),
        }
    }
}

/// Flushes a finished temporary file and renames it into place.
fn persist(tmp: BufWriter<tempfile::NamedTempFile>, path: &Path) -> Result<()> {
    let tmp = tmp.into_inner().map_err(|e| e.into_error())?;
    tmp.as_file().sync_all().ok();
    tmp.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

fn progress_bar(size: Option<u64>, hidden: bool) -> ProgressBar {
    if hidden || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::with_draw_target(size, ProgressDrawTarget::stderr());
    pb.set_style(
        ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    pb
}
