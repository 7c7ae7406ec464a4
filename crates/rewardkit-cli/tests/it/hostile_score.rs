//! Hostile inputs to `rewardkit score` (issue 9): invalid UTF-8, skipped rows at chunk
//! boundaries, runs that must always exit (bail-outs, broken pipes), outputs that would
//! overwrite an input, signals, and out-of-range arguments. Every input is generated here.

use crate::common::{rewardkit, write};
use predicates::prelude::*;
use rewardkit_test::fixtures::RM_SPEC as SPEC;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Output, Stdio};
use std::time::{Duration, Instant};

/// A group-wise pipeline: the z-score of `rm` within each group.
const GROUP_SPEC: &str = r#"
schema_version = 1
[reward]
type = "zscore"
scope = "group"
input = { type = "field", name = "rm" }
"#;

/// `n` rows `s{first}..`, four per prompt.
fn rows_from(first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| {
            format!(
                "{{\"id\": \"s{i}\", \"prompt\": \"p{}\", \"completion\": \"c\", \"rm\": {}}}\n",
                i / 4,
                i % 4
            )
        })
        .collect()
}

fn rows(n: usize) -> String {
    rows_from(0, n)
}

/// A row of group `g`.
fn group_row(g: &str, i: usize) -> String {
    format!("{{\"id\": \"{g}{i}\", \"group\": \"{g}\", \"completion\": \"c\", \"rm\": {i}}}\n")
}

fn lines_json(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The hidden temporary files `score` leaves in `dir`.
fn leftover_tmp(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".rewardkit-") && n.ends_with(".tmp"))
        .collect()
}

/// Spawns `rewardkit ARGS`, drains stdout and stderr, and waits at most `secs`: a process that
/// has not exited by then is killed and the test fails.
fn run_with_deadline(args: &[&std::ffi::OsStr], secs: u64) -> Output {
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_rewardkit"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_with_deadline(child, secs)
}

fn drain(r: Option<impl Read + Send + 'static>) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut r) = r {
            let _ = r.read_to_end(&mut buf);
        }
        buf
    })
}

fn wait_with_deadline(mut child: Child, secs: u64) -> Output {
    let out = drain(child.stdout.take());
    let err = drain(child.stderr.take());
    let deadline = Instant::now() + Duration::from_secs(secs);
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("rewardkit score did not exit within {secs} s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    }
}

// ---- 2. invalid UTF-8 ----------------------------------------------------------------

fn input_with_invalid_utf8(dir: &Path) -> PathBuf {
    let mut bytes = rows(3).into_bytes();
    bytes.extend_from_slice(b"{\"id\": \"bad\", \"completion\": \"caf\xe9 \xff\", \"rm\": 1}\n");
    bytes.extend_from_slice(rows_from(3, 2).as_bytes());
    write(dir, "in.jsonl", &bytes)
}

#[test]
fn invalid_utf8_row_is_an_error_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let spec = write(dir.path(), "p.toml", SPEC.as_bytes());
    let input = input_with_invalid_utf8(dir.path());
    let out = dir.path().join("out.jsonl");
    rewardkit()
        .args(["score", "--spec"])
        .arg(&spec)
        .arg("--input")
        .arg(&input)
        .arg("--output")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("in.jsonl:4: invalid UTF-8"));
    assert!(!out.exists());
    assert!(leftover_tmp(dir.path()).is_empty());
}

#[test]
fn invalid_utf8_row_with_skip_is_an_error_row_not_replacement_characters() {
    let dir = tempfile::tempdir().unwrap();
    let spec = write(dir.path(), "p.toml", SPEC.as_bytes());
    let input = input_with_invalid_utf8(dir.path());
    let out = rewardkit()
        .args(["score", "--on-error", "skip", "--output", "-", "--spec"])
        .arg(&spec)
        .arg("--input")
        .arg(&input)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !String::from_utf8_lossy(&out.stdout).contains('\u{FFFD}'),
        "no replacement characters in the output"
    );
    let got = lines_json(&out.stdout);
    assert_eq!(got.len(), 6);
    assert_eq!(got[2]["reward"], 2.0 * 2.0 + 0.5);
    assert!(got[3]["reward"].is_null());
    assert!(got[3]["id"].is_null(), "the bad row was not read");
    let e = got[3]["info"]["error"].as_str().unwrap();
    assert!(e.contains("line 4") && e.contains("invalid UTF-8"), "{e}");
    assert_eq!(got[4]["reward"], 2.0 * 3.0 + 0.5);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("unreadable rows  1"), "{err}");
}

// ---- 3. a skipped row does not end a group ------------------------------------------

#[test]
fn skipped_row_at_the_default_chunk_boundary_does_not_end_its_group() {
    // Groups of ten rows; line 4,096 (the last of the first default chunk) is malformed and
    // sits inside group g409 (lines 4,091..=4,100).
    let dir = tempfile::tempdir().unwrap();
    let spec = write(dir.path(), "p.toml", GROUP_SPEC.as_bytes());
    let mut text = String::new();
    for line in 1..=4_110usize {
        if line == 4_096 {
            text.push_str("{not json\n");
        } else {
            text.push_str(&group_row(&format!("g{}", (line - 1) / 10), line % 10));
        }
    }
    let input = write(dir.path(), "in.jsonl", text.as_bytes());
    let out = rewardkit()
        .args(["score", "--on-error", "skip", "--output", "-", "--spec"])
        .arg(&spec)
        .arg("--input")
        .arg(&input)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(!err.contains("appears again"), "{err}");
    let got = lines_json(&out.stdout);
    assert_eq!(got.len(), 4_110);
    assert!(got[4_095]["reward"].is_null());
    assert!(got[4_095]["info"]["error"]
        .as_str()
        .unwrap()
        .contains("line 4096"));
    // g409 is scored as one group of nine readable rows: its z-scores sum to zero.
    let sum: f64 = (4_090..4_100)
        .filter(|&i| i != 4_095)
        .map(|i| got[i]["reward"].as_f64().unwrap())
        .sum();
    assert!(sum.abs() < 1e-9, "{sum}");
}

#[test]
fn skipped_rows_at_small_chunk_boundaries_do_not_end_their_groups() {
    let dir = tempfile::tempdir().unwrap();
    let spec = write(dir.path(), "p.toml", GROUP_SPEC.as_bytes());
    // chunk size 4: lines 4, 8 and 9 are malformed, in the middle of groups A and B.
    let mut text = String::new();
    for i in 1..=3 {
        text.push_str(&group_row("A", i)); // lines 1-3
    }
    text.push_str("[1, 2]\n"); // line 4
    for i in 4..=6 {
        text.push_str(&group_row("A", i)); // lines 5-7
    }
    text.push_str("{\"id\": \n"); // line 8
    text.push_str("nope\n"); // line 9
    text.push_str(&group_row("A", 7)); // line 10
    for i in 1..=3 {
        text.push_str(&group_row("B", i)); // lines 11-13
    }
    text.push_str("{\n"); // line 14
    text.push_str(&group_row("B", 4)); // line 15
    let input = write(dir.path(), "in.jsonl", text.as_bytes());
    let out = rewardkit()
        .args([
            "score",
            "--on-error",
            "skip",
            "--chunk-size",
            "4",
            "--output",
            "-",
        ])
        .arg("--spec")
        .arg(&spec)
        .arg("--input")
        .arg(&input)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let got = lines_json(&out.stdout);
    assert_eq!(got.len(), 15);
    for bad in [3, 7, 8, 13] {
        assert!(got[bad]["reward"].is_null(), "row {bad}");
    }
    let sum_a: f64 = [0, 1, 2, 4, 5, 6, 9]
        .iter()
        .map(|&i| got[i]["reward"].as_f64().unwrap())
        .sum();
    assert!(
        sum_a.abs() < 1e-9,
        "group A is scored as one group: {sum_a}"
    );
    let sum_b: f64 = [10, 11, 12, 14]
        .iter()
        .map(|&i| got[i]["reward"].as_f64().unwrap())
        .sum();
    assert!(
        sum_b.abs() < 1e-9,
        "group B is scored as one group: {sum_b}"
    );
}

#[test]
fn a_group_that_really_comes_back_is_still_an_error_with_skip() {
    let dir = tempfile::tempdir().unwrap();
    let spec = write(dir.path(), "p.toml", GROUP_SPEC.as_bytes());
    let mut text = String::new();
    for i in 1..=4 {
        text.push_str(&group_row("A", i));
    }
    for i in 1..=4 {
        text.push_str(&group_row("B", i));
    }
    text.push_str("{bad\n");
    text.push_str(&group_row("A", 5)); // line 10
    let input = write(dir.path(), "in.jsonl", text.as_bytes());
    rewardkit()
        .args(["score", "--on-error", "skip", "--chunk-size", "4", "--spec"])
        .arg(&spec)
        .arg("--input")
        .arg(&input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "in.jsonl:10: group A appears again",
        ));
}

// ---- 4. score always exits -----------------------------------------------------------

#[test]
fn malformed_row_in_a_long_input_exits_with_the_error() {
    let dir = tempfile::tempdir().unwrap();
    let spec = write(dir.path(), "p.toml", SPEC.as_bytes());
    // 20,000 rows (five default chunks), the second one malformed.
    let mut text = rows(1);
    text.push_str("{not json\n");
    text.push_str(&rows_from(1, 19_998));
    let input = write(dir.path(), "in.jsonl", text.as_bytes());
    let out_path = dir.path().join("out.jsonl");
    let out = run_with_deadline(
        &[
            "score".as_ref(),
            "--spec".as_ref(),
            spec.as_os_str(),
            "--input".as_ref(),
            input.as_os_str(),
            "--output".as_ref(),
            out_path.as_os_str(),
        ],
        60,
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("in.jsonl:2: invalid JSON"), "{err}");
    assert!(!out_path.exists());
    assert!(leftover_tmp(dir.path()).is_empty());
}

#[test]
fn malformed_row_with_small_chunks_exits_with_the_error() {
    let dir = tempfile::tempdir().unwrap();
    let spec = write(dir.path(), "p.toml", SPEC.as_bytes());
    let mut text = rows(20);
    text.push_str("[]\n");
    text.push_str(&rows_from(20, 2_000));
    let input = write(dir.path(), "in.jsonl", text.as_bytes());
    let out = run_with_deadline(
        &[
            "score".as_ref(),
            "--chunk-size".as_ref(),
            "8".as_ref(),
            "--spec".as_ref(),
            spec.as_os_str(),
            "--input".as_ref(),
            input.as_os_str(),
        ],
        60,
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("in.jsonl:21:"), "{err}");
}

#[test]
fn broken_pipe_on_stdout_exits() {
    // `rewardkit score --output - | head -1`: read one line, close the pipe.
    let dir = tempfile::tempdir().unwrap();
    let spec = write(dir.path(), "p.toml", SPEC.as_bytes());
    let input = write(dir.path(), "in.jsonl", rows(60_000).as_bytes());
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_rewardkit"))
        .args(["score", "--chunk-size", "64", "--output", "-", "--spec"])
        .arg(&spec)
        .arg("--input")
        .arg(&input)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    drop(stdout);
    let v: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(v["index"], 0);
    let out = wait_with_deadline(child, 60);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(0),
        "a closed stdout is not an error: {err}"
    );
}

// ---- 5. --output must not be an input -------------------------------------------------

fn assert_refused(dir: &Path, spec: &Path, input: &Path, output: &Path, what: &str) {
    let before_input = std::fs::read(input).unwrap();
    let before_spec = std::fs::read(spec).unwrap();
    rewardkit()
        .args(["score", "--spec"])
        .arg(spec)
        .arg("--input")
        .arg(input)
        .arg("--output")
        .arg(output)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "--output {} is the same file as --{what}",
            output.display()
        )));
    assert_eq!(
        std::fs::read(input).unwrap(),
        before_input,
        "input untouched"
    );
    assert_eq!(std::fs::read(spec).unwrap(), before_spec, "spec untouched");
    assert!(leftover_tmp(dir).is_empty(), "nothing was written");
}

#[test]
fn output_equal_to_input_or_spec_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let spec = write(dir.path(), "p.toml", SPEC.as_bytes());
    let input = write(dir.path(), "in.jsonl", rows(5).as_bytes());
    assert_refused(dir.path(), &spec, &input, &input, "input");
    assert_refused(dir.path(), &spec, &input, &spec, "spec");
    // The same file under another spelling of its path.
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    let dotted = sub.join("..").join("in.jsonl");
    assert_refused(dir.path(), &spec, &input, &dotted, "input");
}

#[test]
fn output_linked_to_input_or_spec_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let spec = write(dir.path(), "p.toml", SPEC.as_bytes());
    let input = write(dir.path(), "in.jsonl", rows(5).as_bytes());
    let hard = dir.path().join("hard.jsonl");
    std::fs::hard_link(&input, &hard).unwrap();
    assert_refused(dir.path(), &spec, &input, &hard, "input");
    let hard_spec = dir.path().join("hard.toml");
    std::fs::hard_link(&spec, &hard_spec).unwrap();
    assert_refused(dir.path(), &spec, &input, &hard_spec, "spec");
    #[cfg(unix)]
    {
        let soft = dir.path().join("soft.jsonl");
        std::os::unix::fs::symlink(&input, &soft).unwrap();
        assert_refused(dir.path(), &spec, &input, &soft, "input");
        // And the other way round: the input is the link, the output the real file.
        assert_refused(dir.path(), &spec, &soft, &input, "input");
    }
}

#[test]
fn a_different_output_file_is_still_written() {
    let dir = tempfile::tempdir().unwrap();
    let spec = write(dir.path(), "p.toml", SPEC.as_bytes());
    let input = write(dir.path(), "in.jsonl", rows(5).as_bytes());
    let out = write(dir.path(), "out.jsonl", b"old results\n");
    rewardkit()
        .args(["score", "--spec"])
        .arg(&spec)
        .arg("--input")
        .arg(&input)
        .arg("--output")
        .arg(&out)
        .assert()
        .success();
    assert_eq!(lines_json(&std::fs::read(&out).unwrap()).len(), 5);
}

// ---- 6. signals ------------------------------------------------------------------------

/// Starts a score run that reads stdin (kept open, so the run is still going when the signal
/// arrives) and writes to a file; waits for its temporary file, sends `signal`, and returns
/// the exit status and what is left in the folder.
#[cfg(unix)]
fn interrupted_run(signal: &str) -> (Option<i32>, Vec<String>, bool) {
    let dir = tempfile::tempdir().unwrap();
    let spec = write(dir.path(), "p.toml", SPEC.as_bytes());
    let out_path = dir.path().join("out.jsonl");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_rewardkit"))
        .args(["score", "--input", "-", "--chunk-size", "256", "--spec"])
        .arg(&spec)
        .arg("--output")
        .arg(&out_path)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // A big generated input, written while the run scores it.
    let writer = std::thread::spawn(move || {
        for k in 0..20 {
            if stdin
                .write_all(rows_from(k * 5_000, 5_000).as_bytes())
                .is_err()
            {
                return;
            }
        }
        // Keep the pipe open: the run is not over until it is killed.
        std::thread::sleep(Duration::from_secs(120));
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    while leftover_tmp(dir.path()).is_empty() {
        assert!(
            Instant::now() < deadline,
            "no temporary file appeared in 60 s"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(500));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the run is still going"
    );
    let killed = std::process::Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let out = wait_with_deadline(child, 30);
    drop(writer);
    (
        out.status.code(),
        leftover_tmp(dir.path()),
        out_path.exists(),
    )
}

#[cfg(unix)]
#[test]
fn sigterm_removes_the_temporary_output_and_exits_143() {
    let (code, left, written) = interrupted_run("-TERM");
    assert_eq!(code, Some(143));
    assert!(left.is_empty(), "temporary files left: {left:?}");
    assert!(!written, "no partial output");
}

#[cfg(unix)]
#[test]
fn sigint_removes_the_temporary_output_and_exits_130() {
    let (code, left, written) = interrupted_run("-INT");
    assert_eq!(code, Some(130));
    assert!(left.is_empty(), "temporary files left: {left:?}");
    assert!(!written, "no partial output");
}

// ---- 9. numeric arguments --------------------------------------------------------------

#[test]
fn out_of_range_numbers_are_refused_without_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let spec = write(dir.path(), "p.toml", crate::common::SPEC.as_bytes());
    let input = write(dir.path(), "in.jsonl", rows(3).as_bytes());
    for (flag, value) in [
        ("--chunk-size", "18446744073709551615"),
        ("--chunk-size", "0"),
        ("--chunk-size", "-1"),
        ("--chunk-size", "1e300"),
        ("--threads", "18446744073709551615"),
        ("--threads", "0"),
    ] {
        rewardkit()
            .args(["score", "--spec"])
            .arg(&spec)
            .arg("--input")
            .arg(&input)
            .args([flag, value])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(flag))
            .stderr(predicate::str::contains("panicked").not());
    }
}

/// An error with stderr closed (`2>&-`) still exits 2: printing the message must not panic.
#[cfg(unix)]
#[test]
fn an_error_with_stderr_closed_exits_2_not_101() {
    let bin = env!("CARGO_BIN_EXE_rewardkit");
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{bin}' score --spec /no/such/spec.toml --input /no/such.jsonl 2>&-"
        ))
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(2));
}
