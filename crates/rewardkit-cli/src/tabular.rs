//! Parquet input and output for `rewardkit score` (cargo feature `parquet`, on by default).
//!
//! Input rows are turned into JSON objects (strings, numbers, booleans, lists and structs map
//! to their JSON forms: a chat column `list<struct<role, content, ...>>` becomes a list of
//! messages; see `json_value` for the other types), then read like JSONL rows, so the column
//! names and `--field` mappings are the same for both formats. Output columns: `index` (u64), `id`
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
pub(crate) use enabled::*;

#[cfg(feature = "parquet")]
mod enabled {
    use super::*;
    use crate::output::OutputRow;
    use anyhow::{Context, Result};
    use arrow_array::builder::{Float64Builder, StringBuilder, UInt64Builder};
    use arrow_array::{Array, ArrayRef, RecordBatch};
    use arrow_schema::{DataType, Field, Schema, TimeUnit};
    use parquet::arrow::arrow_reader::{ParquetRecordBatchReader, ParquetRecordBatchReaderBuilder};
    use parquet::arrow::ArrowWriter;
    use rewardkit_core::{RewardOutput, Sample};
    use serde_json::Value;
    use std::sync::Arc;

    /// Reads a Parquet file as numbered JSON rows.
    pub(crate) struct ParquetRows {
        reader: ParquetRecordBatchReader,
        pending: std::collections::VecDeque<String>,
        row: u64,
    }

    impl ParquetRows {
        /// Opens a file.
        pub(crate) fn open(path: &Path, batch: usize) -> Result<Self> {
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
        pub(crate) fn read_chunk(&mut self, n: usize) -> Result<Vec<(u64, String)>> {
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
                let schema = batch.schema();
                for i in 0..batch.num_rows() {
                    let mut row = serde_json::Map::new();
                    for (field, column) in schema.fields().iter().zip(batch.columns()) {
                        let v = json_value(column.as_ref(), i);
                        if !v.is_null() {
                            row.insert(field.name().clone(), v);
                        }
                    }
                    self.pending
                        .push_back(serde_json::Value::Object(row).to_string());
                }
            }
            Ok(out)
        }
    }

    /// The JSON form of `a[i]`: numbers, text, booleans, lists and structs as such (a struct's
    /// null fields left out, as a JSONL writer leaves them out), maps with text keys as
    /// objects (others as `[key, value]` pairs), dictionaries as their values, dates and
    /// timestamps (without their time zone) and decimals as text; binary and other types as
    /// null.
    fn json_value(a: &dyn Array, i: usize) -> Value {
        use arrow_array::cast::AsArray;
        use arrow_array::types::*;
        if a.is_null(i) {
            return Value::Null;
        }
        fn float(x: f64) -> Value {
            serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number)
        }
        fn list(items: &dyn Array) -> Value {
            Value::Array((0..items.len()).map(|k| json_value(items, k)).collect())
        }
        fn text(x: Option<impl std::fmt::Display>) -> Value {
            x.map_or(Value::Null, |x| Value::String(x.to_string()))
        }
        match a.data_type() {
            DataType::Boolean => Value::Bool(a.as_boolean().value(i)),
            DataType::Int8 => a.as_primitive::<Int8Type>().value(i).into(),
            DataType::Int16 => a.as_primitive::<Int16Type>().value(i).into(),
            DataType::Int32 => a.as_primitive::<Int32Type>().value(i).into(),
            DataType::Int64 => a.as_primitive::<Int64Type>().value(i).into(),
            DataType::UInt8 => a.as_primitive::<UInt8Type>().value(i).into(),
            DataType::UInt16 => a.as_primitive::<UInt16Type>().value(i).into(),
            DataType::UInt32 => a.as_primitive::<UInt32Type>().value(i).into(),
            DataType::UInt64 => a.as_primitive::<UInt64Type>().value(i).into(),
            DataType::Float16 => float(a.as_primitive::<Float16Type>().value(i).to_f64()),
            DataType::Float32 => float(a.as_primitive::<Float32Type>().value(i).into()),
            DataType::Float64 => float(a.as_primitive::<Float64Type>().value(i)),
            DataType::Utf8 => a.as_string::<i32>().value(i).into(),
            DataType::LargeUtf8 => a.as_string::<i64>().value(i).into(),
            DataType::Utf8View => a.as_string_view().value(i).into(),
            DataType::List(_) => list(a.as_list::<i32>().value(i).as_ref()),
            DataType::LargeList(_) => list(a.as_list::<i64>().value(i).as_ref()),
            DataType::FixedSizeList(..) => list(a.as_fixed_size_list().value(i).as_ref()),
            DataType::Struct(fields) => {
                let st = a.as_struct();
                let mut m = serde_json::Map::new();
                for (f, c) in fields.iter().zip(st.columns()) {
                    let v = json_value(c.as_ref(), i);
                    if !v.is_null() {
                        m.insert(f.name().clone(), v);
                    }
                }
                Value::Object(m)
            }
            DataType::Map(..) => {
                let entries = a.as_map().value(i);
                let (keys, values) = (entries.column(0), entries.column(1));
                let pairs: Vec<(Value, Value)> = (0..entries.len())
                    .map(|k| (json_value(keys.as_ref(), k), json_value(values.as_ref(), k)))
                    .collect();
                if pairs.iter().all(|(k, _)| k.is_string()) {
                    Value::Object(
                        pairs
                            .into_iter()
                            .map(|(k, v)| (k.as_str().unwrap_or_default().to_owned(), v))
                            .collect(),
                    )
                } else {
                    Value::Array(
                        pairs
                            .into_iter()
                            .map(|(k, v)| Value::Array(vec![k, v]))
                            .collect(),
                    )
                }
            }
            DataType::Dictionary(..) => {
                let d = a.as_any_dictionary();
                match json_value(d.keys(), i).as_u64() {
                    Some(k) if (k as usize) < d.values().len() => {
                        json_value(d.values().as_ref(), k as usize)
                    }
                    _ => Value::Null,
                }
            }
            DataType::Date32 => text(a.as_primitive::<Date32Type>().value_as_date(i)),
            DataType::Date64 => text(a.as_primitive::<Date64Type>().value_as_datetime(i)),
            DataType::Timestamp(unit, _) => match unit {
                TimeUnit::Second => {
                    text(a.as_primitive::<TimestampSecondType>().value_as_datetime(i))
                }
                TimeUnit::Millisecond => text(
                    a.as_primitive::<TimestampMillisecondType>()
                        .value_as_datetime(i),
                ),
                TimeUnit::Microsecond => text(
                    a.as_primitive::<TimestampMicrosecondType>()
                        .value_as_datetime(i),
                ),
                TimeUnit::Nanosecond => text(
                    a.as_primitive::<TimestampNanosecondType>()
                        .value_as_datetime(i),
                ),
            },
            DataType::Decimal128(..) => {
                Value::String(a.as_primitive::<Decimal128Type>().value_as_string(i))
            }
            _ => Value::Null,
        }
    }

    /// Writes results as Parquet.
    pub(crate) struct ParquetSink<W: std::io::Write + Send> {
        writer: Option<ArrowWriter<W>>,
        out: Option<W>,
        components: Vec<String>,
        schema: Option<Arc<Schema>>,
        elements: bool,
    }

    impl<W: std::io::Write + Send> ParquetSink<W> {
        /// A sink over `out`; the schema is fixed by the first batch. `elements`: an
        /// `element` column (u64, null for a row that could not be exploded) after `index`.
        pub(crate) fn new(out: W, elements: bool) -> Self {
            ParquetSink {
                writer: None,
                out: Some(out),
                components: Vec::new(),
                schema: None,
                elements,
            }
        }

        /// The columns before the components.
        fn leading_fields(&self) -> Vec<Field> {
            let mut fields = vec![Field::new("index", DataType::UInt64, false)];
            if self.elements {
                fields.push(Field::new("element", DataType::UInt64, true));
            }
            fields.push(Field::new("id", DataType::Utf8, true));
            fields.push(Field::new("reward", DataType::Float64, true));
            fields
        }

        /// Writes one batch of results.
        pub(crate) fn write(
            &mut self,
            keys: &[(u64, Option<u64>)],
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
                let mut fields = self.leading_fields();
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
            let mut element = UInt64Builder::with_capacity(outs.len());
            let mut id = StringBuilder::new();
            let mut reward = Float64Builder::with_capacity(outs.len());
            let mut comps: Vec<Float64Builder> = self
                .components
                .iter()
                .map(|_| Float64Builder::with_capacity(outs.len()))
                .collect();
            let mut info = StringBuilder::new();
            for ((&(i, e), s), (_, o)) in keys.iter().zip(samples).zip(outs) {
                let row = OutputRow::new(i, s.as_ref(), o);
                index.append_value(row.index);
                element.append_option(e);
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
            let mut cols: Vec<ArrayRef> = vec![Arc::new(index.finish())];
            if self.elements {
                cols.push(Arc::new(element.finish()));
            }
            cols.push(Arc::new(id.finish()));
            cols.push(Arc::new(reward.finish()));
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
        pub(crate) fn finish(mut self) -> Result<W> {
            match self.writer.take() {
                Some(w) => Ok(w.into_inner()?),
                None => {
                    // No rows: still write a valid file with the fixed columns.
                    let out = self.out.take().context("Parquet sink already closed")?;
                    let mut fields = self.leading_fields();
                    fields.push(Field::new("info", DataType::Utf8, true));
                    let schema = Schema::new(fields);
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
    fn nested_and_odd_column_types_read_as_json() {
        use arrow_array::builder::{ListBuilder, StringBuilder, StringDictionaryBuilder};
        use arrow_array::types::Int32Type;
        use arrow_array::{ArrayRef, StructArray, TimestampSecondArray};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("odd.parquet");
        // messages: list<struct<role, content>> with a null content (a tool call).
        let roles = StringArray::from(vec!["user", "assistant"]);
        let contents = StringArray::from(vec![Some("hi"), None]);
        let msgs = StructArray::from(vec![
            (
                Arc::new(Field::new("role", DataType::Utf8, false)),
                Arc::new(roles) as ArrayRef,
            ),
            (
                Arc::new(Field::new("content", DataType::Utf8, true)),
                Arc::new(contents) as ArrayRef,
            ),
        ]);
        let mut offsets = arrow_array::builder::OffsetBufferBuilder::new(1);
        offsets.push_length(2);
        let list = arrow_array::ListArray::new(
            Arc::new(Field::new("item", msgs.data_type().clone(), true)),
            offsets.finish(),
            Arc::new(msgs),
            None,
        );
        let mut responses = ListBuilder::new(StringBuilder::new());
        responses.values().append_value("a");
        responses.values().append_value("b");
        responses.append(true);
        let mut source = StringDictionaryBuilder::<Int32Type>::new();
        source.append_value("gsm8k");
        let schema = Arc::new(Schema::new(vec![
            Field::new("messages", list.data_type().clone(), true),
            Field::new(
                "responses",
                responses.finish_cloned().data_type().clone(),
                true,
            ),
            Field::new("source", source.finish_cloned().data_type().clone(), true),
            Field::new("nan", DataType::Float64, true),
            Field::new(
                "at",
                DataType::Timestamp(arrow_schema::TimeUnit::Second, None),
                true,
            ),
        ]));
        let batch = RecordBatch::try_new(
            schema.clone(),
            vec![
                Arc::new(list),
                Arc::new(responses.finish()),
                Arc::new(source.finish()),
                Arc::new(Float64Array::from(vec![f64::NAN])),
                Arc::new(TimestampSecondArray::from(vec![86_400])),
            ],
        )
        .unwrap();
        let mut w =
            ArrowWriter::try_new(std::fs::File::create(&path).unwrap(), schema, None).unwrap();
        w.write(&batch).unwrap();
        w.close().unwrap();
        let rows = ParquetRows::open(&path, 8).unwrap().read_chunk(8).unwrap();
        let v: serde_json::Value = serde_json::from_str(&rows[0].1).unwrap();
        assert_eq!(
            v,
            serde_json::json!({
                "messages": [{"role": "user", "content": "hi"}, {"role": "assistant"}],
                "responses": ["a", "b"],
                "source": "gsm8k",
                "at": "1970-01-02 00:00:00",
            })
        );
    }

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
        let mut sink = ParquetSink::new(std::fs::File::create(&out_path).unwrap(), false);
        let keys: Vec<(u64, Option<u64>)> = (0..3).map(|i| (i, None)).collect();
        sink.write(&keys, &opt, &outs).unwrap();
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
