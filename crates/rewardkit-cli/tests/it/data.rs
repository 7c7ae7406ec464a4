//! `rewardkit score` on data in the shapes users bring it: gzip and zstd JSONL (in and out,
//! corrupt and truncated streams), chat rows with tool calls and content blocks, verl-style
//! `responses` lists (`--explode`), Parquet with nested chat columns, and `--version`.

// Some helpers serve only the tests of formats that this build may leave out.
#![cfg_attr(
    not(all(feature = "gzip", feature = "zstd", feature = "parquet")),
    allow(dead_code)
)]

use crate::common::{rewardkit, write};
use serde_json::{json, Value};
use std::io::Write;
use std::path::Path;

/// The verifiable reward alone: 1 when the last number of the completion is the reference.
const NUMBER: &str = "schema_version = 1\n[reward]\ntype = \"number_match\"\n";

/// GRPO-style: the z-score of `number_match` within each group.
const GROUP_Z: &str = "schema_version = 1\n[reward]\ntype = \"zscore\"\nscope = \"group\"\ninput = { type = \"number_match\" }\n";

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn zstd(bytes: &[u8]) -> Vec<u8> {
    zstd::stream::encode_all(bytes, 3).unwrap()
}

/// 40 rows of `{"id", "question", "response", "answer"}`, every third one wrong.
fn rows() -> String {
    (0..40)
        .map(|i| {
            let answer = i * 7;
            let said = if i % 3 == 0 { answer + 1 } else { answer };
            format!("{{\"id\": {i}, \"question\": \"7*{i}?\", \"response\": \"It is {said}.\", \"answer\": \"{answer}\"}}\n")
        })
        .collect()
}

/// Runs `score --spec SPEC --input INPUT --output OUT EXTRA...`; returns the output rows.
fn score(dir: &Path, spec: &str, input: &Path, out_name: &str, extra: &[&str]) -> Vec<Value> {
    let spec = write(dir, "spec.toml", spec);
    let out = dir.join(out_name);
    let run = rewardkit()
        .args(["score", "-q", "--spec"])
        .arg(&spec)
        .arg("--input")
        .arg(input)
        .arg("--output")
        .arg(&out)
        .args(extra)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let bytes = std::fs::read(&out).unwrap();
    let text = if out_name.ends_with(".gz") {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut flate2::read::MultiGzDecoder::new(&bytes[..]), &mut s)
            .unwrap();
        s
    } else if out_name.ends_with(".zst") {
        String::from_utf8(zstd::stream::decode_all(&bytes[..]).unwrap()).unwrap()
    } else {
        String::from_utf8(bytes).unwrap()
    };
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Runs `score` expecting exit 2; returns stderr.
fn score_fails(dir: &Path, spec: &str, input: &Path, extra: &[&str]) -> String {
    let spec = write(dir, "spec.toml", spec);
    let out = dir.join("out.jsonl");
    let run = rewardkit()
        .args(["score", "-q", "--spec"])
        .arg(&spec)
        .arg("--input")
        .arg(input)
        .arg("--output")
        .arg(&out)
        .args(extra)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2), "{run:?}");
    assert!(!out.exists(), "no output file is left behind");
    let leftovers: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".rewardkit-"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    String::from_utf8_lossy(&run.stderr).into_owned()
}

#[cfg(all(feature = "gzip", feature = "zstd"))]
#[test]
fn gzip_and_zstd_inputs_score_like_the_plain_file_and_outputs_compress() {
    let dir = tempfile::tempdir().unwrap();
    let plain = write(dir.path(), "rows.jsonl", rows());
    let want = score(dir.path(), NUMBER, &plain, "plain.jsonl", &[]);
    assert_eq!(want.len(), 40);
    assert_eq!(want[0]["reward"], 0.0);
    assert_eq!(want[1]["reward"], 1.0);
    for (name, bytes) in [
        ("rows.jsonl.gz", gzip(rows().as_bytes())),
        ("rows.jsonl.zst", zstd(rows().as_bytes())),
        // The bytes decide, not the name: gzip data in a file without the extension.
        ("rows-gzip.jsonl", gzip(rows().as_bytes())),
    ] {
        let input = write(dir.path(), name, bytes);
        // Small chunks: the decoder streams across many reads.
        let got = score(
            dir.path(),
            NUMBER,
            &input,
            "out.jsonl",
            &["--chunk-size", "3"],
        );
        assert_eq!(got, want, "{name}");
    }
    // Concatenated gzip members (`cat a.gz b.gz`) are one stream.
    let all = rows();
    let (a, b) = all.split_at(all.find("{\"id\": 20").unwrap());
    let mut cat = gzip(a.as_bytes());
    cat.extend(gzip(b.as_bytes()));
    let input = write(dir.path(), "cat.jsonl.gz", cat);
    assert_eq!(score(dir.path(), NUMBER, &input, "out.jsonl", &[]), want);
    // Output compressed by its extension, read back the same.
    for out in ["out.jsonl.gz", "out.jsonl.zst"] {
        assert_eq!(score(dir.path(), NUMBER, &plain, out, &[]), want, "{out}");
    }
}

#[cfg(all(feature = "gzip", feature = "zstd"))]
#[test]
fn compressed_stdin_is_found_by_its_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let spec = write(dir.path(), "spec.toml", NUMBER);
    let run = rewardkit()
        .args(["score", "-q", "--output", "-", "--input", "-", "--spec"])
        .arg(&spec)
        .write_stdin(zstd(rows().as_bytes()))
        .output()
        .unwrap();
    assert!(run.status.success(), "{run:?}");
    let got: Vec<Value> = String::from_utf8(run.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(got.len(), 40);
    assert_eq!(got[3]["reward"], 0.0);
    assert_eq!(got[4]["reward"], 1.0);
}

#[cfg(all(feature = "gzip", feature = "zstd"))]
#[test]
fn errors_name_the_decompressed_line_and_broken_streams_say_so() {
    let dir = tempfile::tempdir().unwrap();
    // A bad row on line 3 of the decompressed text.
    let bad = "{\"response\": \"1\"}\n{\"response\": \"2\"}\n{not json\n";
    let input = write(dir.path(), "rows.jsonl.gz", gzip(bad.as_bytes()));
    let err = score_fails(dir.path(), NUMBER, &input, &[]);
    assert!(err.contains("rows.jsonl.gz:3: invalid JSON"), "{err}");

    // A gzip stream whose checksum does not match its data.
    let mut corrupt = gzip(rows().as_bytes());
    let n = corrupt.len();
    corrupt[n - 8] ^= 0xff;
    let input = write(dir.path(), "corrupt.jsonl.gz", corrupt);
    let err = score_fails(dir.path(), NUMBER, &input, &[]);
    assert!(
        err.contains("corrupt.jsonl.gz:") && err.contains("corrupt or truncated gzip stream"),
        "{err}"
    );

    // A zstd stream cut in the middle.
    let whole = zstd(rows().repeat(20).as_bytes());
    let input = write(dir.path(), "cut.jsonl.zst", &whole[..whole.len() / 2]);
    let err = score_fails(dir.path(), NUMBER, &input, &[]);
    assert!(
        err.contains("cut.jsonl.zst:") && err.contains("corrupt or truncated zstd stream"),
        "{err}"
    );

    // A name that promises gzip over plain text.
    let input = write(dir.path(), "plain.jsonl.gz", rows());
    let err = score_fails(dir.path(), NUMBER, &input, &[]);
    assert!(err.contains("plain.jsonl.gz: not gzip data"), "{err}");
}

/// Chat rows in the OpenAI shapes: tool calls (`content: null`, `tool_calls`, `tool`
/// results), TRL's conversational completions, content blocks.
fn chat_rows() -> String {
    let call = |args: &str| {
        json!([{"id": "c1", "type": "function",
                "function": {"name": "calc", "arguments": args}}])
    };
    [
        // The whole conversation in `messages`: the final answer is the completion.
        json!({"messages": [
            {"role": "system", "content": "Use the calculator."},
            {"role": "user", "content": "What is 6*7?"},
            {"role": "assistant", "content": null, "tool_calls": call("{\"expr\": \"6*7\"}")},
            {"role": "tool", "tool_call_id": "c1", "content": "42"},
            {"role": "assistant", "content": "The answer is 42."}],
            "answer": "42"}),
        // The tool's arguments hold the number, the final text none: not read as the answer.
        json!({"messages": [
            {"role": "user", "content": "What is 6*7?"},
            {"role": "assistant", "content": "Let me compute.", "tool_calls": call("{\"expr\": \"42\"}")},
            {"role": "tool", "tool_call_id": "c1", "content": "error"},
            {"role": "assistant", "content": "I could not finish."}],
            "answer": "42"}),
        // TRL conversational: prompt and completion as message lists.
        json!({"prompt": [{"role": "user", "content": "What is 5*5?"}],
               "completion": [
                 {"role": "assistant", "content": null, "tool_calls": call("{\"expr\": \"5*5\"}")},
                 {"role": "tool", "content": "25"},
                 {"role": "assistant", "content": "So 25."}],
               "solution": "25"}),
        // Vision-language content blocks: text parts read, the image kept.
        json!({"prompt": [{"role": "user", "content": [
                  {"type": "image_url", "image_url": {"url": "https://example.invalid/3.png"}},
                  {"type": "text", "text": "How many apples?"}]}],
               "completion": [{"role": "assistant", "content": [
                  {"type": "text", "text": "There are "}, {"type": "text", "text": "3 apples."}]}],
               "answer": 3}),
    ]
    .iter()
    .map(|r| format!("{r}\n"))
    .collect()
}

#[test]
fn tool_call_and_content_block_rows_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "chat.jsonl", chat_rows());
    let got = score(dir.path(), NUMBER, &input, "out.jsonl", &[]);
    let rewards: Vec<&Value> = got.iter().map(|r| &r["reward"]).collect();
    assert_eq!(
        rewards,
        [&json!(1.0), &json!(0.0), &json!(1.0), &json!(1.0)]
    );
    for r in &got {
        assert!(r["info"]["error"].is_null(), "{r}");
    }
}

#[cfg(all(feature = "gzip", feature = "zstd"))]
#[test]
fn explode_scores_each_response_grouped_by_its_row_in_every_chunking() {
    let dir = tempfile::tempdir().unwrap();
    // verl's generation output: n responses per prompt in one row. Rows 0 and 2 have the same
    // prompt: grouped by row, they stay two groups.
    let rows = [
        json!({"prompt": [{"role": "user", "content": "1+1?"}], "data_source": "toy",
               "responses": ["2", "3", "2", "It is 2"], "reward_model": {"ground_truth": "2"}}),
        json!({"prompt": [{"role": "user", "content": "2+2?"}],
               "responses": ["4", "5", "6"], "reward_model": {"ground_truth": "4"}}),
        json!({"prompt": [{"role": "user", "content": "1+1?"}],
               "responses": ["3", "2"], "reward_model": {"ground_truth": "2"}}),
    ];
    let text: String = rows.iter().map(|r| format!("{r}\n")).collect();
    let input = write(dir.path(), "gen.jsonl", &text);
    let want = score(
        dir.path(),
        GROUP_Z,
        &input,
        "out.jsonl",
        &["--explode", "responses"],
    );
    let keys: Vec<(u64, u64)> = want
        .iter()
        .map(|r| (r["index"].as_u64().unwrap(), r["element"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        keys,
        [
            (0, 0),
            (0, 1),
            (0, 2),
            (0, 3),
            (1, 0),
            (1, 1),
            (1, 2),
            (2, 0),
            (2, 1)
        ]
    );
    let z: Vec<f64> = want.iter().map(|r| r["reward"].as_f64().unwrap()).collect();
    // Row 0: correct, wrong, correct, correct → z of [1, 0, 1, 1] within the row.
    assert!(
        z[0] > 0.0 && z[1] < 0.0 && z[0] == z[2] && z[2] == z[3],
        "{z:?}"
    );
    assert!((z[..4].iter().sum::<f64>()).abs() < 1e-9, "{z:?}");
    // Row 1: one of three right; row 2: one of two, so opposite values.
    assert!(z[4] > 0.0 && z[5] < 0.0 && z[5] == z[6], "{z:?}");
    assert!(z[7] < 0.0 && z[8] == -z[7], "{z:?}");
    // Streaming: a row's responses stay in one chunk whatever the chunk size.
    for chunk in ["1", "2"] {
        let got = score(
            dir.path(),
            GROUP_Z,
            &input,
            "out.jsonl",
            &["--explode", "responses", "--chunk-size", chunk],
        );
        assert_eq!(got, want, "--chunk-size {chunk}");
    }
    // The same file gzip-compressed explodes the same.
    let gz = write(dir.path(), "gen.jsonl.gz", gzip(text.as_bytes()));
    let got = score(
        dir.path(),
        GROUP_Z,
        &gz,
        "out.jsonl.zst",
        &["--explode", "responses"],
    );
    assert_eq!(got, want);
}

#[test]
fn explode_errors_name_line_and_element_and_skip_keeps_one_row_each() {
    let dir = tempfile::tempdir().unwrap();
    let text = concat!(
        "{\"prompt\": \"a\", \"responses\": [\"1\", \"2\"], \"answer\": \"1\"}\n",
        "{\"prompt\": \"b\", \"responses\": [\"1\", 7], \"answer\": \"1\"}\n",
        "{\"prompt\": \"c\", \"responses\": \"1\", \"answer\": \"1\"}\n",
        "{\"prompt\": \"d\", \"responses\": [], \"answer\": \"1\"}\n",
    );
    let input = write(dir.path(), "gen.jsonl", text);
    let err = score_fails(dir.path(), NUMBER, &input, &["--explode", "responses"]);
    assert!(err.contains("gen.jsonl:2: column `responses[1]`"), "{err}");
    let got = score(
        dir.path(),
        NUMBER,
        &input,
        "out.jsonl",
        &["--explode", "responses", "--on-error", "skip"],
    );
    let keys: Vec<(u64, Value)> = got
        .iter()
        .map(|r| (r["index"].as_u64().unwrap(), r["element"].clone()))
        .collect();
    assert_eq!(
        keys,
        [
            (0, json!(0)),
            (0, json!(1)),
            (1, json!(0)),
            (1, json!(1)),
            (2, Value::Null),
            (3, Value::Null)
        ]
    );
    assert_eq!(got[0]["reward"], 1.0);
    assert_eq!(got[1]["reward"], 0.0);
    assert_eq!(got[2]["reward"], 1.0);
    for (i, what) in [
        (3, "responses[1]"),
        (4, "expected a list"),
        (5, "empty list"),
    ] {
        let e = got[i]["info"]["error"].as_str().unwrap_or_default();
        assert!(got[i]["reward"].is_null() && e.contains(what), "{}", got[i]);
    }
}

/// A build without a format says so, with the way to get it.
#[cfg(not(all(feature = "gzip", feature = "parquet")))]
#[test]
fn a_format_left_out_of_the_build_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let (name, bytes, hint) = if cfg!(feature = "gzip") {
        ("rows.parquet", b"PAR1".to_vec(), "--features parquet")
    } else {
        ("rows.jsonl.gz", gzip(rows().as_bytes()), "--features gzip")
    };
    let input = write(dir.path(), name, bytes);
    let err = score_fails(dir.path(), NUMBER, &input, &[]);
    assert!(err.contains("built without") && err.contains(hint), "{err}");
}

#[test]
fn version_lists_the_compiled_features() {
    let out = rewardkit().arg("--version").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(concat!("rewardkit ", env!("CARGO_PKG_VERSION")))
    );
    let features = lines.next().unwrap();
    assert!(features.starts_with("features: "), "{text}");
    for (name, on) in [
        ("gzip", cfg!(feature = "gzip")),
        ("parquet", cfg!(feature = "parquet")),
        ("remote", cfg!(feature = "remote")),
        ("remote-tls", cfg!(feature = "remote-tls")),
        ("zstd", cfg!(feature = "zstd")),
    ] {
        let want = format!("{}{name}", if on { '+' } else { '-' });
        assert!(
            features
                .split(", ")
                .any(|f| f.trim_start_matches("features: ") == want),
            "{want} in {features}"
        );
    }
}

/// Writes JSONL rows as a Parquet file, with the nested types Arrow infers from them
/// (`list<struct<role, content, tool_calls: list<struct<...>>>>`, `struct<ground_truth>`,
/// `list<utf8>`), as `datasets`/pandas write such columns.
#[cfg(feature = "parquet")]
fn parquet(dir: &Path, name: &str, rows: &[Value]) -> std::path::PathBuf {
    use std::sync::Arc;
    let text: String = rows.iter().map(|r| format!("{r}\n")).collect();
    let (schema, _) = arrow_json::reader::infer_json_schema(text.as_bytes(), None).unwrap();
    let schema = Arc::new(schema);
    let reader = arrow_json::ReaderBuilder::new(schema.clone())
        .build(text.as_bytes())
        .unwrap();
    let path = dir.join(name);
    let mut w =
        parquet::arrow::ArrowWriter::try_new(std::fs::File::create(&path).unwrap(), schema, None)
            .unwrap();
    for batch in reader {
        w.write(&batch.unwrap()).unwrap();
    }
    w.close().unwrap();
    path
}

#[cfg(feature = "parquet")]
#[test]
fn parquet_with_nested_chat_columns_and_responses_lists() {
    let dir = tempfile::tempdir().unwrap();
    // Chat rows with tool calls, as a nested list<struct> column.
    let chat: Vec<Value> = chat_rows()
        .lines()
        .take(2)
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let input = parquet(dir.path(), "chat.parquet", &chat);
    let got = score(dir.path(), NUMBER, &input, "out.jsonl", &[]);
    let rewards: Vec<&Value> = got.iter().map(|r| &r["reward"]).collect();
    assert_eq!(rewards, [&json!(1.0), &json!(0.0)], "{got:?}");

    // verl's generation output: chat prompt, `responses` list, `reward_model` struct.
    let gen = vec![
        json!({"data_source": "toy", "prompt": [{"role": "user", "content": "1+1?"}],
               "responses": ["2", "3", "2", "It is 2"], "reward_model": {"style": "rule", "ground_truth": "2"}}),
        json!({"data_source": "toy", "prompt": [{"role": "user", "content": "2+2?"}],
               "responses": ["4", "5"], "reward_model": {"style": "rule", "ground_truth": "4"}}),
    ];
    let input = parquet(dir.path(), "gen.parquet", &gen);
    let got = score(
        dir.path(),
        GROUP_Z,
        &input,
        "out.jsonl",
        &["--explode", "responses", "--chunk-size", "1"],
    );
    let z: Vec<f64> = got.iter().map(|r| r["reward"].as_f64().unwrap()).collect();
    assert_eq!(got.len(), 6);
    assert_eq!(
        (got[5]["index"].as_u64(), got[5]["element"].as_u64()),
        (Some(1), Some(1))
    );
    assert!(z[0] > 0.0 && z[1] < 0.0 && z[0] == z[3], "{z:?}");
    assert!(z[4] > 0.0 && z[5] == -z[4], "{z:?}");

    // Parquet out, with the element column.
    let spec = write(dir.path(), "z.toml", GROUP_Z);
    let out = dir.path().join("out.parquet");
    let run = rewardkit()
        .args(["score", "-q", "--explode", "responses", "--spec"])
        .arg(&spec)
        .arg("--input")
        .arg(&input)
        .arg("--output")
        .arg(&out)
        .output()
        .unwrap();
    assert!(run.status.success(), "{run:?}");
    let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(
        std::fs::File::open(&out).unwrap(),
    )
    .unwrap()
    .build()
    .unwrap();
    let batches: Vec<_> = reader.map(|b| b.unwrap()).collect();
    let names: Vec<String> = batches[0]
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    assert_eq!(names, ["index", "element", "id", "reward", "info"]);
    assert_eq!(batches.iter().map(|b| b.num_rows()).sum::<usize>(), 6);
}
