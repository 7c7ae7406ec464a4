//! `rewardkit score`: score a JSONL batch with a pipeline, streaming, on every core.
//!
//! The input is read in chunks so memory stays flat on inputs of any length. Where a chunk
//! may end depends on the pipeline's widest scope: anywhere for per-sample pipelines, only
//! between groups for group-wise transforms (each group's rows must be contiguous; a group
//! that comes back after another is an error that says so), and nowhere for batch-wise
//! transforms (the whole input is one batch). A row skipped with `--on-error skip` belongs to
//! no group and never ends one.
//!
//! The run always ends: when scoring stops early (a bad row, a closed stdout) the reader
//! thread is told to stop and is not waited for. `--output FILE` is written to a hidden
//! temporary file next to it and renamed at the end; on SIGINT or SIGTERM that file is
//! removed and the process exits 130 or 143. An `--output` that is the `--input` or the
//! `--spec` (by path, symlink or hard link) is refused before anything is written.

use crate::output::OutputRow;
use crate::summary::Summary;
use anyhow::{anyhow, bail, Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use rewardkit_core::io::FieldMap;
use rewardkit_core::{PipelineSpec, RewardOutput, Sample, Scope};
use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::io::{BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Receiver;
use std::sync::Arc;
use std::time::Instant;

/// What to do with an input row that cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum OnError {
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
group, id, scores, steps; other columns are kept as metadata. Map other names with --field. \
Chat messages may call tools (content null, tool_calls, tool results) and hold content blocks: \
the completion is the final assistant message's text, tool calls are kept as metadata `tool_calls`.\n\n\
Without --output only the summary is printed (stdout). With --output FILE the results go to FILE \
(written to a temporary file and renamed at the end) and the summary to stdout. With --output - \
the results go to stdout and the summary to stderr.\n\n\
A row that is not valid UTF-8 or not a JSON object is an error naming file:line (with --on-error skip, \
an error row). An --output that is the --input or the --spec file (also through a symlink or a hard \
link) is refused. On SIGINT or SIGTERM the temporary output file is removed and the exit code is 130 \
or 143."
)]
pub(crate) struct ScoreArgs {
    /// Pipeline spec (TOML or JSON).
    #[arg(short, long, value_name = "FILE")]
    pub spec: PathBuf,
    /// Input samples: JSONL, one object per line (`-` for stdin), plain, gzip or zstd
    /// (found by the first bytes), or `.parquet`.
    #[arg(short, long, value_name = "FILE")]
    pub input: PathBuf,
    /// Where to write one result per input row: JSONL (`.gz` and `.zst` compressed), `-` for
    /// stdout, or `.parquet`.
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
    /// Rows scored together (groups are never split), 1 to 16,777,216.
    #[arg(
        long,
        default_value_t = 4096,
        value_name = "N",
        allow_negative_numbers = true,
        value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=MAX_CHUNK_SIZE)
    )]
    pub chunk_size: usize,
    /// Worker threads, 1 to 1,024 (default: one per core).
    #[arg(
        long,
        value_name = "N",
        allow_negative_numbers = true,
        value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=MAX_THREADS)
    )]
    pub threads: Option<usize>,
    /// Never show a progress bar.
    #[arg(long)]
    pub no_progress: bool,
    /// Score each element of the list column FIELD (verl's `responses`: n completions of one
    /// prompt) as its own sample, grouped by its row; results carry `index` (the row) and
    /// `element`. The elements are the completions unless --field maps FIELD elsewhere.
    #[arg(long, value_name = "FIELD")]
    pub explode: Option<String>,
}

/// The largest `--chunk-size`.
const MAX_CHUNK_SIZE: u64 = 1 << 24;
/// The largest `--threads`.
const MAX_THREADS: u64 = 1024;

/// One sample to score: its input line, its row (0-based, blank lines not counted), its
/// element of an exploded list, and either a sample or why it could not be read.
struct Row {
    line: u64,
    index: u64,
    element: Option<u64>,
    sample: std::result::Result<Sample, String>,
}

impl Row {
    /// The rows of one input line: one, or one per element with `--explode` (each grouped by
    /// its row unless the row names its group); a line that cannot be read is one error row.
    fn parse(
        fields: &FieldMap,
        explode: Option<&str>,
        index: u64,
        line: u64,
        text: std::result::Result<String, String>,
    ) -> Vec<Row> {
        let one = |sample| {
            vec![Row {
                line,
                index,
                element: None,
                sample,
            }]
        };
        let Some(field) = explode else {
            return one(text.and_then(|t| fields.sample_from_json(&t)));
        };
        match text.and_then(|t| fields.explode_json(&t, field)) {
            Err(e) => one(Err(e)),
            Ok(items) => items
                .into_iter()
                .enumerate()
                .map(|(k, sample)| Row {
                    line,
                    index,
                    element: Some(k as u64),
                    sample: sample.map(|mut s| {
                        s.group.get_or_insert_with(|| format!("row {line}"));
                        s
                    }),
                })
                .collect(),
        }
    }
}

/// Where a result goes: the input row (0-based) and the element of an exploded list.
type Key = (u64, Option<u64>);

pub(crate) fn run(args: ScoreArgs, quiet: bool) -> Result<ExitCode> {
    refuse_overwriting_inputs(&args)?;
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
    if let Some(col) = &args.explode {
        let mapped = args
            .fields
            .iter()
            .any(|f| f.split_once('=').is_some_and(|(_, c)| c.trim() == col));
        if !mapped {
            fields
                .set(&format!("completion={col}"))
                .map_err(|e| anyhow::anyhow!("--explode {col}: {e}"))?;
        }
    }

    let (reader, size, source) = open_input(&args.input, args.chunk_size)?;

    let progress = progress_bar(
        size,
        quiet || args.no_progress || args.input.as_os_str() == "-",
    );
    // Installed before the temporary output exists, so no signal can leave it behind.
    let temp = interrupts::TempGuard::install()?;
    let sink = Sink::open(args.output.as_deref(), &temp, args.explode.is_some())?;
    let started = Instant::now();
    let mut run = Run {
        pipeline: &pipeline,
        fields: &fields,
        on_error: args.on_error,
        chunker: Chunker::new(pipeline.scope(), args.chunk_size, source.clone()),
        source,
        sink,
        summary: Summary::default(),
        progress,
        progress_bytes: size.is_some(),
        index: 0,
        rows: 0,
        explode: args.explode.clone(),
    };

    // A reader thread keeps the next chunks of lines ready while the workers score. It is not
    // scoped: when scoring stops early, the receiver is dropped (a blocked send returns), the
    // stop flag is set, and the error is returned without waiting for a read that may never
    // end (stdin).
    let (tx, rx) = std::sync::mpsc::sync_channel::<Result<Chunk>>(2);
    let stop = Arc::new(AtomicBool::new(false));
    let chunk_size = args.chunk_size;
    let reader_thread = {
        let stop = stop.clone();
        std::thread::Builder::new()
            .name("rewardkit-reader".into())
            .spawn(move || {
                let mut rows = reader;
                while !stop.load(Ordering::Relaxed) {
                    let chunk = rows.read_rows(chunk_size);
                    let last = !matches!(&chunk, Ok(c) if !c.rows.is_empty());
                    if tx.send(chunk).is_err() || last {
                        break;
                    }
                }
            })
            .context("cannot start the reader thread")?
    };
    let scored = run.consume(rx);
    if let Err(e) = scored {
        stop.store(true, Ordering::Relaxed);
        return Err(e);
    }
    reader_thread
        .join()
        .map_err(|_| anyhow::anyhow!("the input reader thread panicked"))?;
    let Run {
        sink,
        summary,
        progress,
        ..
    } = run;
    progress.finish_and_clear();
    let to_stdout = sink.is_stdout();
    sink.finish(&temp)?;

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

/// The scoring side of a run: turns chunks of lines into samples, batches, results.
struct Run<'a> {
    pipeline: &'a rewardkit_core::Pipeline,
    fields: &'a FieldMap,
    on_error: OnError,
    source: String,
    chunker: Chunker,
    sink: Sink,
    summary: Summary,
    progress: ProgressBar,
    /// The bar measures bytes of a file of known size (rows in its message), else rows.
    progress_bytes: bool,
    /// Results written.
    index: u64,
    /// Input rows read.
    rows: u64,
    explode: Option<String>,
}

impl Run<'_> {
    /// Scores every chunk from the reader. Takes the receiver by value: whatever happens, it
    /// is dropped on return, so the reader can never block on a full channel.
    fn consume(&mut self, rx: Receiver<Result<Chunk>>) -> Result<()> {
        for chunk in rx.iter() {
            let chunk = chunk?;
            let done = chunk.rows.is_empty();
            let (n, bytes) = (chunk.rows.len() as u64, chunk.bytes);
            let fields = self.fields;
            let explode = self.explode.as_deref();
            let first = self.rows;
            self.rows += n;
            let rows: Vec<Row> = chunk
                .rows
                .into_par_iter()
                .enumerate()
                .with_min_len(64)
                .flat_map_iter(|(i, (line, text))| {
                    Row::parse(fields, explode, first + i as u64, line, text)
                })
                .collect();
            if self.on_error == OnError::Fail {
                if let Some((line, e)) = rows
                    .iter()
                    .find_map(|r| r.sample.as_ref().err().map(|e| (r.line, e)))
                {
                    bail!("{}:{line}: {e}", self.source);
                }
            }
            for batch in self.chunker.push(rows, done)? {
                let (keys, samples, outs) = score_rows(self.pipeline, batch);
                self.index += self.sink.write(&keys, &samples, &outs, &mut self.summary)?;
            }
            if self.progress_bytes {
                self.progress.inc(bytes);
                self.progress.set_message(format!("{} rows", self.index));
            } else {
                self.progress.inc(n);
            }
            if done {
                break;
            }
        }
        Ok(())
    }
}

/// Refuses an `--output` that is the `--input` or the `--spec` file: the same path, or the
/// same file through a symlink or a hard link.
fn refuse_overwriting_inputs(args: &ScoreArgs) -> Result<()> {
    let Some(out) = args.output.as_deref() else {
        return Ok(());
    };
    if out.as_os_str() == "-" {
        return Ok(());
    }
    for (flag, path) in [("input", &args.input), ("spec", &args.spec)] {
        if path.as_os_str() != "-" && same_file(out, path) {
            bail!(
                "--output {} is the same file as --{flag} {}; refusing to overwrite it\n\nhint: write the results to another file",
                out.display(),
                path.display()
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

/// Opens an input: a JSONL file, `-` for stdin, or a `.parquet` file read `batch` rows at a
/// time. Returns the rows, the size in bytes when known (for the progress bar) and the name
/// used in messages (`file:line`).
pub(crate) fn open_input(input: &Path, batch: usize) -> Result<(Source, Option<u64>, String)> {
    Ok(if crate::tabular::is_parquet(input) {
        (
            Source::parquet(input, batch)?,
            None,
            input.display().to_string(),
        )
    } else if input.as_os_str() == "-" {
        let name = "<stdin>".to_string();
        let (reader, codec) =
            crate::compress::decoder(Box::new(BufReader::new(std::io::stdin())), None, &name)?;
        (
            Source::Lines(LineReader::new(reader, codec, name.clone())),
            None,
            name,
        )
    } else {
        let f = std::fs::File::open(input)
            .with_context(|| format!("cannot open input {}", input.display()))?;
        let size = f.metadata().ok().map(|m| m.len());
        let name = input.display().to_string();
        let (reader, codec) = crate::compress::decoder(
            Box::new(BufReader::with_capacity(1 << 20, f)),
            Some(input),
            &name,
        )?;
        // The bar counts the bytes read; a compressed file's size says nothing about those.
        let size = size.filter(|_| codec == crate::compress::Codec::Plain);
        (
            Source::Lines(LineReader::new(reader, codec, name.clone())),
            size,
            name,
        )
    })
}

/// Scores the readable rows of a batch; unreadable rows become error results in place.
/// Returns each result's key, sample (if readable) and output.
#[allow(clippy::type_complexity)]
fn score_rows(
    pipeline: &rewardkit_core::Pipeline,
    rows: Vec<Row>,
) -> (Vec<Key>, Vec<Option<Sample>>, Vec<(bool, RewardOutput)>) {
    let mut samples = Vec::with_capacity(rows.len());
    let mut slots: Vec<std::result::Result<usize, String>> = Vec::with_capacity(rows.len());
    let mut keys = Vec::with_capacity(rows.len());
    for r in rows {
        keys.push((r.index, r.element));
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
    (keys, out_samples, outs)
}

/// Where rows come from: JSONL lines, or Parquet rows turned into JSON.
pub(crate) enum Source {
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

    /// The next at most `n` rows, each with its line (or row) number; empty at the end. A
    /// row that is not valid UTF-8 is an error naming its line.
    pub(crate) fn read_chunk(&mut self, n: usize) -> Result<Vec<(u64, String)>> {
        self.read_rows(n)?
            .rows
            .into_iter()
            .map(|(line, text)| {
                text.map(|t| (line, t))
                    .map_err(|e| anyhow!("line {line}: {e}"))
            })
            .collect()
    }

    /// The next at most `n` rows; a row that cannot be decoded is kept with the reason.
    fn read_rows(&mut self, n: usize) -> Result<Chunk> {
        match self {
            Source::Lines(l) => l.read_chunk(n),
            #[cfg(feature = "parquet")]
            Source::Parquet(p) => {
                let rows: Vec<RawRow> = p
                    .read_chunk(n)?
                    .into_iter()
                    .map(|(line, text)| (line, Ok(text)))
                    .collect();
                Ok(Chunk { bytes: 0, rows })
            }
        }
    }
}

/// One input line: its number and its text, or why it is not text.
type RawRow = (u64, std::result::Result<String, String>);

/// A chunk of input lines, and the bytes they took in the input (for the progress bar).
struct Chunk {
    rows: Vec<RawRow>,
    bytes: u64,
}

/// Reads numbered lines, skipping blank ones.
pub(crate) struct LineReader {
    reader: Box<dyn BufRead + Send>,
    line: u64,
    codec: crate::compress::Codec,
    source: String,
}

impl LineReader {
    fn new(reader: Box<dyn BufRead + Send>, codec: crate::compress::Codec, source: String) -> Self {
        LineReader {
            reader,
            line: 0,
            codec,
            source,
        }
    }

    fn read_chunk(&mut self, n: usize) -> Result<Chunk> {
        // `n` may be large (a batch-wide pipeline): grow as rows come, not up front.
        let mut rows = Vec::with_capacity(n.min(1 << 16));
        let mut bytes = 0u64;
        while rows.len() < n {
            let mut buf = Vec::new();
            let read = self
                .reader
                .by_ref()
                .read_until(b'\n', &mut buf)
                .map_err(|e| match self.codec {
                    crate::compress::Codec::Plain => {
                        anyhow!("{}:{}: cannot read input: {e}", self.source, self.line + 1)
                    }
                    codec => anyhow!(
                        "{}:{}: corrupt or truncated {} stream: {e}",
                        self.source,
                        self.line + 1,
                        codec.name()
                    ),
                })?;
            if read == 0 {
                break;
            }
            bytes += read as u64;
            self.line += 1;
            let text = match String::from_utf8(buf) {
                Ok(t) => Ok(t),
                // Never replaced by U+FFFD: a row that is not text is an unreadable row.
                Err(e) => Err(format!(
                    "invalid UTF-8 (byte {} of the line)",
                    e.utf8_error().valid_up_to() + 1
                )),
            };
            if matches!(&text, Ok(t) if t.trim().is_empty()) {
                continue;
            }
            rows.push((self.line, text));
        }
        Ok(Chunk { rows, bytes })
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

/// A hash of the sample's [`Sample::group_key`] (the pipeline's own definition of a group).
fn group_key(s: &Sample) -> Option<u64> {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    s.group_key()?.hash(&mut h);
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
                // Cut before the last group, which may continue in the next chunk. Unreadable
                // rows (kept by `--on-error skip`) belong to no group and do not end one: they
                // stay with the group around them.
                let key = |r: &Row| r.sample.as_ref().ok().and_then(group_key);
                let last = self
                    .pending
                    .iter()
                    .rev()
                    .find(|r| r.sample.is_ok())
                    .and_then(key);
                let mut cut = self.pending.len();
                if last.is_some() {
                    while cut > 0 && {
                        let r = &self.pending[cut - 1];
                        r.sample.is_err() || key(r) == last
                    } {
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
        tmp: crate::compress::Encoder<BufWriter<tempfile::NamedTempFile>>,
        path: PathBuf,
    },
    #[cfg(feature = "parquet")]
    Parquet {
        sink: Box<crate::tabular::ParquetSink<BufWriter<tempfile::NamedTempFile>>>,
        path: PathBuf,
    },
}

impl Sink {
    /// Opens the sink; a file's temporary is created under `temp`, so a signal removes it.
    /// `elements`: results carry the element of an exploded list (a Parquet column).
    fn open(path: Option<&Path>, temp: &interrupts::TempGuard, elements: bool) -> Result<Self> {
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
                let tmp = temp.create(|| {
                    tempfile::Builder::new()
                        .prefix(".rewardkit-")
                        .suffix(".tmp")
                        .tempfile_in(&dir)
                        .with_context(|| format!("cannot create a file in {}", dir.display()))
                })?;
                let tmp = BufWriter::with_capacity(1 << 20, tmp);
                if crate::tabular::is_parquet(p) {
                    #[cfg(feature = "parquet")]
                    {
                        return Ok(Sink::Parquet {
                            sink: Box::new(crate::tabular::ParquetSink::new(tmp, elements)),
                            path: p.to_path_buf(),
                        });
                    }
                    #[cfg(not(feature = "parquet"))]
                    {
                        let _ = elements;
                        return Err(crate::tabular::unsupported());
                    }
                }
                Sink::File {
                    tmp: crate::compress::Encoder::for_path(p, tmp)?,
                    path: p.to_path_buf(),
                }
            }
        })
    }

    fn is_stdout(&self) -> bool {
        matches!(self, Sink::Stdout(_))
    }

    /// Writes one batch of results; returns how many.
    fn write(
        &mut self,
        keys: &[Key],
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
        let n = outs.len() as u64;
        let w: &mut dyn Write = match self {
            Sink::None => return Ok(n),
            #[cfg(feature = "parquet")]
            Sink::Parquet { sink, .. } => {
                sink.write(keys, samples, outs)?;
                return Ok(n);
            }
            Sink::Stdout(w) => w,
            Sink::File { tmp, .. } => tmp,
        };
        let lines: Vec<Vec<u8>> = keys
            .par_iter()
            .zip(samples.par_iter())
            .zip(outs.par_iter())
            .with_min_len(64)
            .map(|((&(index, element), s), (_, o))| {
                let row = OutputRow::new(index, s.as_ref(), o).with_element(element);
                let mut buf = serde_json::to_vec(&row).unwrap_or_else(|_| b"{}".to_vec());
                buf.push(b'\n');
                buf
            })
            .collect();
        for l in &lines {
            w.write_all(l)?;
        }
        Ok(n)
    }

    fn finish(self, temp: &interrupts::TempGuard) -> Result<()> {
        match self {
            Sink::None => Ok(()),
            Sink::Stdout(mut w) => Ok(w.flush()?),
            Sink::File { tmp, path } => persist(
                tmp.finish()
                    .with_context(|| format!("cannot write {}", path.display()))?,
                &path,
                temp,
            ),
            #[cfg(feature = "parquet")]
            Sink::Parquet { sink, path } => persist(sink.finish()?, &path, temp),
        }
    }
}

/// Flushes a finished temporary file and renames it into place.
fn persist(
    tmp: BufWriter<tempfile::NamedTempFile>,
    path: &Path,
    temp: &interrupts::TempGuard,
) -> Result<()> {
    let tmp = tmp.into_inner().map_err(|e| e.into_error())?;
    tmp.as_file().sync_all().ok();
    temp.persist(|| {
        tmp.persist(path)
            .map(drop)
            .with_context(|| format!("cannot write {}", path.display()))
    })
}

/// SIGINT and SIGTERM during `score`: remove the temporary output, exit 130 or 143.
mod interrupts {
    use anyhow::{Context, Result};
    use std::path::PathBuf;
    use std::sync::{Arc, Mutex, MutexGuard};

    /// The temporary output file (if any) that a signal must remove. Its creation and its
    /// rename into place happen under the lock, so a signal sees either no file, the
    /// temporary file, or the finished output, never half of a step.
    #[derive(Clone, Default)]
    pub(crate) struct TempGuard(Arc<Mutex<Option<PathBuf>>>);

    impl TempGuard {
        /// Starts a thread that waits for SIGINT or SIGTERM (Ctrl-C elsewhere), removes the
        /// temporary file and exits with 128 + the signal number.
        pub(crate) fn install() -> Result<Self> {
            let guard = TempGuard::default();
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .context("cannot set up signal handling")?;
            // Registered here, before any temporary file exists.
            let waiter = {
                let _enter = rt.enter();
                Waiter::new().context("cannot set up signal handling")?
            };
            let on_signal = guard.clone();
            std::thread::Builder::new()
                .name("rewardkit-signals".into())
                .spawn(move || {
                    let code = rt.block_on(waiter.wait());
                    let held = on_signal.lock();
                    if let Some(path) = held.as_ref() {
                        let _ = std::fs::remove_file(path);
                    }
                    // Exit with the lock held: the main thread cannot create or rename now.
                    std::process::exit(code);
                })
                .context("cannot set up signal handling")?;
            Ok(guard)
        }

        fn lock(&self) -> MutexGuard<'_, Option<PathBuf>> {
            self.0.lock().unwrap_or_else(|e| e.into_inner())
        }

        /// Creates the temporary file and records its path, as one step.
        pub(crate) fn create(
            &self,
            make: impl FnOnce() -> Result<tempfile::NamedTempFile>,
        ) -> Result<tempfile::NamedTempFile> {
            let mut held = self.lock();
            let tmp = make()?;
            *held = Some(tmp.path().to_path_buf());
            Ok(tmp)
        }

        /// Renames the temporary file into place and forgets it, as one step.
        pub(crate) fn persist(&self, rename: impl FnOnce() -> Result<()>) -> Result<()> {
            let mut held = self.lock();
            rename()?;
            *held = None;
            Ok(())
        }
    }

    #[cfg(unix)]
    struct Waiter {
        int: tokio::signal::unix::Signal,
        term: tokio::signal::unix::Signal,
    }

    #[cfg(unix)]
    impl Waiter {
        fn new() -> std::io::Result<Self> {
            use tokio::signal::unix::{signal, SignalKind};
            Ok(Waiter {
                int: signal(SignalKind::interrupt())?,
                term: signal(SignalKind::terminate())?,
            })
        }

        /// The exit code of the first signal: 130 (SIGINT) or 143 (SIGTERM).
        async fn wait(mut self) -> i32 {
            tokio::select! {
                _ = self.int.recv() => 130,
                _ = self.term.recv() => 143,
            }
        }
    }

    #[cfg(not(unix))]
    struct Waiter;

    #[cfg(not(unix))]
    impl Waiter {
        fn new() -> std::io::Result<Self> {
            Ok(Waiter)
        }

        async fn wait(self) -> i32 {
            match tokio::signal::ctrl_c().await {
                Ok(()) => 130,
                Err(_) => std::future::pending().await,
            }
        }
    }
}

/// A bar over the bytes of a file of known size (rows processed in its message), else a
/// count of rows.
fn progress_bar(size: Option<u64>, hidden: bool) -> ProgressBar {
    if hidden || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::with_draw_target(size, ProgressDrawTarget::stderr());
    let template = if size.is_some() {
        "{bar:40} {msg} ({bytes}/{total_bytes}, {bytes_per_sec}) eta {eta}"
    } else {
        "{spinner} {human_pos} rows ({per_sec})"
    };
    pb.set_style(
        ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    pb
}
