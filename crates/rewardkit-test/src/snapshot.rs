//! Command output as one text for `insta` snapshots, with run-to-run noise redacted.

use regex::Regex;
use std::process::Command;
use std::sync::OnceLock;

/// Runs `cmd` (stdin closed) and renders its outcome as
///
/// ```text
/// exit_code: 0
/// ----- stdout -----
/// ...
/// ----- stderr -----
/// ...
/// ```
///
/// with [`redact`] applied to both streams.
pub fn run(cmd: &mut Command) -> String {
    let out = cmd
        .stdin(std::process::Stdio::null())
        .output()
        .expect("the command starts");
    let code = out
        .status
        .code()
        .map_or_else(|| "signal".to_string(), |c| c.to_string());
    format!(
        "exit_code: {code}\n----- stdout -----\n{}\n----- stderr -----\n{}",
        redact(&String::from_utf8_lossy(&out.stdout)),
        redact(&String::from_utf8_lossy(&out.stderr)),
    )
}

/// Replaces what changes from run to run: elapsed times and rates in summaries
/// (`48 samples in 0.07 s (727 samples/s)`, `"elapsed_s": 0.0068`).
pub fn redact(text: &str) -> String {
    static RULES: OnceLock<Vec<(Regex, &'static str)>> = OnceLock::new();
    let rules = RULES.get_or_init(|| {
        [
            (
                r"in [0-9.]+ s \([0-9.]+ samples/s\)",
                "in [TIME] s ([RATE] samples/s)",
            ),
            (r#""elapsed_s": ?[0-9.eE+-]+"#, r#""elapsed_s": "[TIME]""#),
            (
                r#""samples_per_s": ?[0-9.eE+-]+"#,
                r#""samples_per_s": "[RATE]""#,
            ),
        ]
        .into_iter()
        .map(|(re, with)| (Regex::new(re).expect("a valid pattern"), with))
        .collect()
    });
    let mut text = text.to_string();
    for (re, with) in rules {
        text = re.replace_all(&text, *with).into_owned();
    }
    text
}

/// `insta` settings shared by the snapshot suites: snapshots in `snapshots/` beside the test
/// file, no input-file echo, sorted maps.
pub fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_prepend_module_to_snapshot(false);
    s.set_omit_expression(true);
    s.set_sort_maps(true);
    s
}
