//! Parquet input and output for `rewardkit score` (cargo feature `parquet`).
//!
//! Input rows are turned into JSON objects (Arrow's JSON writer: strings, numbers, lists and
//! structs map to their JSON forms), then read like JSONL rows, so the column names and
//! `--field` mappings are the same for both formats. Output columns: `index` (u64), `id`
//! (text), `reward` (f64, null when absent), one f64 column per component (named after the
//! component, from the first batch; components are the same on every row of a pipeline), and
//! `info` (JSON text).

use std::path::Path;

/// Whether a path names a Parquet file.
pub(crate) fn is_parquet(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("parquet") || e.eq_ignore_ascii_case("pq"))
}

#[cfg(not(feature = "parquet"))]
pub(crate) fn unsupported() -> anyhow::Error {
    anyhow::anyhow!(
        "this rewardkit was built without Parquet support\n\nhint: rebuild with `cargo build --release --features parquet`, or use JSONL"
    )
}

#[cfg(feature = "parquet")]
pub use enabled::*;

#[cfg(feature = "parquet")]
mod enabled {
    use super::*;
    use anyhow::{Context, Result};
    use arrow_array::builder::{Float64Builder, StringBuilder, UInt64Builder};
    use arrow_array::{ArrayRef, RecordBatch};
    use arrow_schema::{DataType, Field, Schema};
    use parquet::arrow::arrow_reader::{ParquetRecordBatchReader, ParquetRecordBatchReaderBuilder};
    use parquet::arrow::ArrowWriter;
    use rewardkit_core::io::OutputRow;
    use rewardkit_core::{RewardOutput, Sample};
    use std::sync::Arc;

    /// Reads a Parquet file as numbered JSON rows.
    pub struct ParquetRows {
        reader: ParquetRecordBatchReader,
        pending: std::collections::VecDeque<String>,
        row: u64,
    }

    impl ParquetRows {
        /// Opens a file.
        pub fn open(path: &Path, batch: usize) -> Result<Self> {
            let f = std::fs::File::open(path)
                .with_context(|| format!("cannot open input {}", path.display()))?;
            let reader = ParquetRecordBatchReaderBuilder::try_new(f)
                .with_context(|| format!("{}: not a readable Parquet file", path.display()))?
                .with_batch_size(batch.clamp(1, 1 << 16))
                .build()
                .with_context(|| format!("{}: cannot read", path.display()))?;
            Ok(ParquetRows {
                reader,
                pending: Default::default(),
                row: 0,
            })
        }

        /// The next `n` rows (fewer at the end, none when done).
        pub fn read_chunk(&mut self, n: usize) -> Result<Vec<(u64, String)>> {
            let mut out = Vec::with_capacity(n.min(1 << 16));
            while out.len() < n {
                if let Some(line) = self.pending.pop_front() {
                    self.row += 1;
                    out.push((self.row, line));
                    continue;
                }
                let Some(batch) = self.reader.next() else {
                    break;
                };
                let batch =
                    batch.with_context(|| format!("row {}: cannot decode", self.row + 1))?;
                let mut buf = Vec::new();
                {
                    let mut w = arrow_json::LineDelimitedWriter::new(&mut buf);
                    w.write(&batch)
                        .with_context(|| format!("row {}: cannot convert to JSON", self.row + 1))?;
                    w.finish()?;
                }
                let text = String::from_utf8(buf).context("Parquet row is not UTF-8")?;
                self.pending.extend(text.lines().map(str::to_owned));
            }
            Ok(out)
        }
    }

    /// Writes results as Parquet.
    pub struct ParquetSink<W: std::io::Write + Send> {
        writer: Option<ArrowWriter<W>>,
        out: Option<W>,
        components: Vec<String>,
        schema: Option<Arc<Schema>>,
    }

    impl<W: std::io::Write + Send> ParquetSink<W> {
        /// A sink over `out`; the schema is fixed by the first batch.
        pub fn new(out: W) -> Self {
            ParquetSink {
                writer: None,
                out: Some(out),
                components: Vec::new(),
                schema: None,
            }
        }

        /// Writes one batch of results.
        pub fn write(
            &mut self,
            first: u64,
            samples: &[Option<Sample>],
            outs: &[(bool, RewardOutput)],
        ) -> Result<()> {
            if outs.is_empty() {
                return Ok(());
            }
            if self.writer.is_none() {
                self.components = outs
                    .iter()
                    .find(|(ok, _)| *ok)
                    .map(|(_, o)| o.components.keys().cloned().collect())
                    .unwrap_or_default();
                let mut fields = vec![
                    Field::new("index", DataType::UInt64, false),
                    Field::new("id", DataType::Utf8, true),
                    Field::new("reward", DataType::Float64, true),
                ];
                for c in &self.components {
                    fields.push(Field::new(c, DataType::Float64, true));
                }
                fields.push(Field::new("info", DataType::Utf8, true));
                let out = self.out.take().context("Parquet sink already closed")?;
                let schema = Arc::new(Schema::new(fields));
                self.writer = Some(ArrowWriter::try_new(out, schema.clone(), None)?);
                self.schema = Some(schema);
            }
            let mut index = UInt64Builder::with_capacity(outs.len());
            let mut id = StringBuilder::new();
            let mut reward = Float64Builder::with_capacity(outs.len());
            let mut comps: Vec<Float64Builder> = self
                .components
                .iter()
                .map(|_| Float64Builder::with_capacity(outs.len()))
                .collect();
            let mut info = StringBuilder::new();
            for (i, (s, (_, o))) in samples.iter().zip(outs).enumerate() {
                let row = OutputRow::new(first + i as u64, s.as_ref(), o);
                index.append_value(row.index);
                match row.id {
                    Some(serde_json::Value::String(s)) => id.append_value(s),
                    Some(v) => id.append_value(v.to_string()),
                    None => id.append_null(),
                }
                reward.append_option(row.reward);
                for (name, b) in self.components.iter().zip(comps.iter_mut()) {
                    b.append_option(o.components.get(name).copied().flatten());
                }
                info.append_value(serde_json::to_string(row.info)?);
            }
            let mut cols: Vec<ArrayRef> = vec![
                Arc::new(index.finish()),
                Arc::new(id.finish()),
                Arc::new(reward.finish()),
            ];
            cols.extend(
                comps
                    .into_iter()
                    .map(|mut b| Arc::new(b.finish()) as ArrayRef),
            );
            cols.push(Arc::new(info.finish()));
            let schema = self.schema.clone().context("Parquet sink has no schema")?;
            let w = self
                .writer
                .as_mut()
                .context("Parquet sink already closed")?;
            let batch = RecordBatch::try_new(schema, cols)?;
            w.write(&batch)?;
            Ok(())
        }

        /// Finishes the file and returns the underlying writer.
        pub fn finish(mut self) -> Result<W> {
            match self.writer.take() {
                Some(w) => Ok(w.into_inner()?),
                None => {
                    // No rows: still write a valid file with the fixed columns.
                    let out = self.out.take().context("Parquet sink already closed")?;
                    let schema = Schema::new(vec![
                        Field::new("index", DataType::UInt64, false),
                        Field::new("id", DataType::Utf8, true),
                        Field::new("reward", DataType::Float64, true),
                        Field::new("info", DataType::Utf8, true),
                    ]);
                    let w = ArrowWriter::try_new(out, Arc::new(schema), None)?;
                    Ok(w.into_inner()?)
                }
            }
        }
    }
}

#[cfg(all(test, feature = "parquet"))]
mod tests {
    use super::*;
    use arrow_array::{Array, Float64Array, RecordBatch, StringArray, UInt64Array};
    use arrow_schema::{DataType, Field, Schema};
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    use parquet::arrow::ArrowWriter;
    use rewardkit_core::io::FieldMap;
    use rewardkit_core::{PipelineSpec, RewardOutput, Sample};
    use std::sync::Arc;

    #[test]
    fn parquet_rows_read_like_jsonl_and_results_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in.parquet");
        let schema = Arc::new(Schema::new(vec![
            Field::new("question", DataType::Utf8, false),
            Field::new("response", DataType::Utf8, false),
            Field::new("answer", DataType::Utf8, true),
            Field::new("rm", DataType::Float64, true),
        ]));
        let batch = RecordBatch::try_new(
            schema.clone(),
            vec![
                Arc::new(StringArray::from(vec!["1+1?", "2+2?", "3+3?"])),
                Arc::new(StringArray::from(vec!["#### 2", "#### 5", "six"])),
                Arc::new(StringArray::from(vec![Some("2"), Some("4"), None])),
                Arc::new(Float64Array::from(vec![Some(0.5), None, Some(-1.0)])),
            ],
        )
        .unwrap();
        let mut w =
            ArrowWriter::try_new(std::fs::File::create(&input).unwrap(), schema, None).unwrap();
        w.write(&batch).unwrap();
        w.close().unwrap();

        let mut rows = ParquetRows::open(&input, 2).unwrap();
        let chunk = rows.read_chunk(10).unwrap();
        assert_eq!(chunk.len(), 3);
        assert_eq!(chunk[2].0, 3, "rows are numbered from 1");
        assert!(rows.read_chunk(10).unwrap().is_empty());
        let map = FieldMap::default();
        let samples: Vec<Sample> = chunk
            .iter()
            .map(|(_, l)| map.sample_from_json(l).unwrap())
            .collect();
        assert_eq!(samples[0].completion, "#### 2");
        assert_eq!(samples[0].number("rm"), Some(0.5));
        assert!(
            samples[2].reference.is_none(),
            "a null answer is no reference"
        );

        let spec = PipelineSpec::from_toml(
            "schema_version = 1\n[reward]\ntype = \"weighted_sum\"\nterms = [{ name = \"correct\", reward = { type = \"number_match\" } }]\n",
        )
        .unwrap();
        let outs: Vec<(bool, RewardOutput)> = spec
            .build()
            .unwrap()
            .score(&samples)
            .into_iter()
            .map(|o| (true, o))
            .collect();
        let opt: Vec<Option<Sample>> = samples.into_iter().map(Some).collect();
        let out_path = dir.path().join("out.parquet");
        let mut sink = ParquetSink::new(std::fs::File::create(&out_path).unwrap());
        sink.write(0, &opt, &outs).unwrap();
        sink.finish().unwrap();

        let reader =
            ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(&out_path).unwrap())
                .unwrap()
                .build()
                .unwrap();
        let batches: Vec<RecordBatch> = reader.map(|b| b.unwrap()).collect();
        let b = &batches[0];
        let names: Vec<String> = b
            .schema()
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect();
        assert_eq!(names, ["index", "id", "reward", "correct", "info"]);
        let index = b.column(0).as_any().downcast_ref::<UInt64Array>().unwrap();
        assert_eq!(index.values().to_vec(), vec![0, 1, 2]);
        let reward = b.column(2).as_any().downcast_ref::<Float64Array>().unwrap();
        assert_eq!(reward.value(0), 1.0);
        assert_eq!(reward.value(1), 0.0);
        assert!(reward.is_null(2), "no reference: abstention is null");
    }
}
