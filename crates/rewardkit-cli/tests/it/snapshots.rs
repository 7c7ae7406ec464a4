//! The outputs snapshot: what `rewardkit score`, `verify --explain --json`, `schema`, spec
//! errors and the server routes print on the bundled examples and the test kit's edge rows.
//! A refactoring must leave every snapshot unchanged (`cargo insta review` shows a diff).

use rewardkit_test::fixtures::{data, example};
use rewardkit_test::http::TestServer;
use rewardkit_test::snapshot::{redact, run, settings};
use serde_json::{json, Value};
use std::path::Path;
use std::process::Command;

fn rk() -> Command {
    Command::new(env!("CARGO_BIN_EXE_rewardkit"))
}

fn score(spec: &Path, input: &Path, extra: &[&str]) -> String {
    run(rk()
        .args(["score", "-q", "--spec"])
        .arg(spec)
        .arg("--input")
        .arg(input)
        .args(extra))
}

#[test]
fn score_examples() {
    settings().bind(|| {
        for name in ["pipeline", "naive"] {
            let spec = example(&format!("{name}.toml"));
            let input = example("samples.jsonl");
            insta::assert_snapshot!(
                format!("score_{name}_jsonl"),
                score(&spec, &input, &["--output", "-"])
            );
            insta::assert_snapshot!(format!("score_{name}_summary"), score(&spec, &input, &[]));
            insta::assert_snapshot!(
                format!("score_{name}_summary_json"),
                score(&spec, &input, &["--json"])
            );
        }
    });
}

/// Each reward function alone at the root, so its `info` (verdict, extracted answer, ...)
/// reaches the output row.
const ONE_NODE: &[(&str, &str)] = &[
    ("math", r#"{ type = "math" }"#),
    ("exact_match", r#"{ type = "exact_match" }"#),
    (
        "exact_match_squad",
        r#"{ type = "exact_match", squad = true }"#,
    ),
    ("number_match", r#"{ type = "number_match" }"#),
    (
        "number_match_flexible",
        r#"{ type = "number_match", mode = "flexible" }"#,
    ),
    ("regex", r#"{ type = "regex", pattern = '####\s*\d+$' }"#),
    ("format_r1", r#"{ type = "format", preset = "r1" }"#),
    (
        "format_r1_lenient",
        r#"{ type = "format", preset = "r1_lenient" }"#,
    ),
    (
        "format_trl_think",
        r#"{ type = "format", preset = "trl_think" }"#,
    ),
    ("format_rlcr", r#"{ type = "format", preset = "rlcr" }"#),
    (
        "kimi_length",
        r#"{ type = "kimi_length", correct = { type = "math" } }"#,
    ),
    (
        "l1_length",
        r#"{ type = "l1_length", correct = { type = "math" }, target_field = "target" }"#,
    ),
    (
        "dapo_overlong",
        r#"{ type = "dapo_overlong", max_response_length = 400, buffer_length = 100 }"#,
    ),
    (
        "soft_overlong",
        r#"{ type = "soft_overlong", max_length = 400, cache_length = 100 }"#,
    ),
    (
        "repetition_penalty",
        r#"{ type = "repetition_penalty", ngram_size = 3, max_penalty = -1.0 }"#,
    ),
    (
        "rlcr",
        r#"{ type = "rlcr", correct = { type = "exact_match" } }"#,
    ),
    (
        "rlcr_code",
        r#"{ type = "rlcr", mode = "code", correct = { type = "math" } }"#,
    ),
    ("tag_count", r#"{ type = "tag_count" }"#),
    (
        "cosine",
        r#"{ type = "cosine", correct = { type = "math" } }"#,
    ),
    ("field", r#"{ type = "field", name = "rm" }"#),
    (
        "field_default",
        r#"{ type = "field", name = "rm", default = 0.5 }"#,
    ),
    ("constant", r#"{ type = "constant", value = 0.25 }"#),
];

#[test]
fn score_each_reward_function() {
    let dir = tempfile::tempdir().unwrap();
    settings().bind(|| {
        for (name, node) in ONE_NODE {
            let spec = dir.path().join(format!("{name}.toml"));
            std::fs::write(&spec, format!("schema_version = 1\nreward = {node}\n")).unwrap();
            let mut text = String::new();
            for input in [example("samples.jsonl"), data("edge.jsonl")] {
                text.push_str(&score(&spec, &input, &["--output", "-"]));
                text.push('\n');
            }
            insta::assert_snapshot!(format!("reward_{name}"), text);
        }
    });
}

#[test]
fn score_transforms_and_combinators() {
    settings().bind(|| {
        let spec = data("transforms.toml");
        let mut text = String::new();
        for input in [example("samples.jsonl"), data("edge.jsonl")] {
            text.push_str(&score(&spec, &input, &["--output", "-"]));
            text.push('\n');
        }
        insta::assert_snapshot!("transforms", text);
    });
}

/// One invalid spec per validation rule: the error message (path and wording) is behaviour.
const BAD_SPECS: &[&str] = &[
    r#"reward = { type = "constant", valu = 1.0 }"#,
    r#"reward = { type = "nope" }"#,
    r#"reward = { value = 1.0 }"#,
    r#"reward = { type = 3 }"#,
    r#"reward = 5"#,
    r#"reward = { type = "constant", value = "x" }"#,
    r#"reward = { type = "constant", value = nan }"#,
    r#"error_value = inf
reward = { type = "constant", value = 1.0 }"#,
    r#"reward = { type = "weighted_sum", terms = [] }"#,
    r#"reward = { type = "weighted_sum", terms = [ { name = "a/b", reward = { type = "tag_count" } } ] }"#,
    r#"reward = { type = "weighted_sum", terms = [ { name = "a", reward = { type = "tag_count" } }, { name = "a", reward = { type = "tag_count" } } ] }"#,
    r#"reward = { type = "weighted_sum", terms = [ { name = "", reward = { type = "tag_count" } } ] }"#,
    r#"reward = { type = "min", terms = [ { weight = 2.0, reward = { type = "tag_count" } } ] }"#,
    r#"reward = { type = "zscore", scope = "group", center = "group", input = { type = "tag_count" } }"#,
    r#"reward = { type = "zscore", ddof = 2, input = { type = "tag_count" } }"#,
    r#"reward = { type = "zscore", eps = -1.0, input = { type = "tag_count" } }"#,
    r#"reward = { type = "normalize_sum", eps = -1.0, terms = [ { reward = { type = "tag_count" } } ] }"#,
    r#"reward = { type = "clip", min = 2.0, max = 1.0, input = { type = "tag_count" } }"#,
    r#"reward = { type = "tanh", scale = 1.0, temperature = 1.0, input = { type = "tag_count" } }"#,
    r#"reward = { type = "tanh", scale = 0.0, input = { type = "tag_count" } }"#,
    r#"reward = { type = "sigmoid", temperature = 0.0, input = { type = "tag_count" } }"#,
    r#"reward = { type = "lsc", input = { type = "tag_count" } }"#,
    r#"reward = { type = "lsc", ref_value = 1.0, ref_field = "r", input = { type = "tag_count" } }"#,
    r#"reward = { type = "lsc", ref_field = "", input = { type = "tag_count" } }"#,
    r#"reward = { type = "lsc", ref_value = 1.0, ddof = 3, input = { type = "tag_count" } }"#,
    r#"reward = { type = "lsc", ref_value = 1.0, quantile = 1.5, input = { type = "tag_count" } }"#,
    r#"reward = { type = "par", k = 0.0, ref_field = "r", input = { type = "tag_count" } }"#,
    r#"reward = { type = "par", max_refs = 0, ref_field = "r", input = { type = "tag_count" } }"#,
    r#"reward = { type = "par", shape = "ceil", ref_field = "r", input = { type = "tag_count" } }"#,
    r#"reward = { type = "par", ceil = 1.0, ref_field = "r", input = { type = "tag_count" } }"#,
    r#"reward = { type = "par", input = { type = "tag_count" } }"#,
    r#"reward = { type = "lsc_sum", ref_values = { b = 1.0 }, terms = [ { name = "a", reward = { type = "tag_count" } } ] }"#,
    r#"reward = { type = "lsc_sum", ref_values = { a = 1.0 }, ref_fields = { a = "x" }, terms = [ { name = "a", reward = { type = "tag_count" } } ] }"#,
    r#"reward = { type = "lsc_sum", terms = [ { name = "a", reward = { type = "tag_count" } } ] }"#,
    r#"reward = { type = "lsc_sum", ref_fields = { a = "" }, terms = [ { name = "a", reward = { type = "tag_count" } } ] }"#,
    r#"reward = { type = "ensemble", method = "mean", ddof = 2, terms = [ { reward = { type = "tag_count" } } ] }"#,
    r#"reward = { type = "ensemble", method = "uwo", lambda = -1.0, terms = [ { reward = { type = "tag_count" } } ] }"#,
    r#"reward = { type = "ensemble", method = "uwo", ddof = 1, terms = [ { reward = { type = "tag_count" } } ] }"#,
    r#"reward = { type = "ensemble", method = "robust_mix", terms = [ { reward = { type = "tag_count" } } ] }"#,
    r#"reward = { type = "ensemble", method = "robust_mix", lambda = 2.0, terms = [ { reward = { type = "tag_count" } } ] }"#,
    r#"reward = { type = "ensemble", method = "mean", lambda = 0.5, terms = [ { reward = { type = "tag_count" } } ] }"#,
    r#"reward = { type = "ensemble", method = "robust_mix", lambda = 0.5, nominal = "zz", terms = [ { reward = { type = "tag_count" } } ] }"#,
    r#"reward = { type = "ensemble", method = "mean", nominal = "t0", terms = [ { reward = { type = "tag_count" } } ] }"#,
    r#"reward = { type = "step_clip", eta = 0.5 }"#,
    r#"reward = { type = "repetition_penalty", ngram_size = 0 }"#,
    r#"reward = { type = "repetition_penalty", max_penalty = 1.0 }"#,
    r#"reward = { type = "cosine", max_len = 0, correct = { type = "math" } }"#,
    r#"reward = { type = "cosine", length = { field = "" }, correct = { type = "math" } }"#,
    r#"reward = { type = "exact_match", extract = [] }"#,
    r#"reward = { type = "exact_match", references = [] }"#,
    r#"reward = { type = "number_match", rel_tol = -1.0 }"#,
    r#"reward = { type = "number_match", tail_chars = 0 }"#,
    r#"reward = { type = "number_match", references = [] }"#,
    r#"reward = { type = "regex", pattern = "(" }"#,
    r#"reward = { type = "regex", pattern = "" }"#,
    r#"reward = { type = "format", preset = "custom" }"#,
    r#"reward = { type = "format", preset = "r1", pattern = "x" }"#,
    r#"reward = { type = "format", preset = "custom", pattern = "(" }"#,
    r#"reward = { type = "field", name = "" }"#,
    r#"reward = { type = "kimi_length", threshold = inf, correct = { type = "math" } }"#,
    r#"reward = { type = "l1_length", correct = { type = "math" } }"#,
    r#"reward = { type = "l1_length", alpha = -1.0, target_field = "t", correct = { type = "math" } }"#,
    r#"reward = { type = "l1_length", delta = -1.0, target_field = "t", correct = { type = "math" } }"#,
    r#"reward = { type = "dapo_overlong", max_response_length = 10, buffer_length = 20 }"#,
    r#"reward = { type = "dapo_overlong", max_response_length = 10, buffer_length = 0 }"#,
    r#"reward = { type = "dapo_overlong", max_response_length = 10, buffer_length = 5, penalty_factor = -1.0 }"#,
    r#"reward = { type = "soft_overlong", max_length = 10, cache_length = 20 }"#,
    r#"reward = { type = "soft_overlong", max_length = 10, cache_length = 0 }"#,
    r#"reward = { type = "rlcr", threshold = 2.0, correct = { type = "math" } }"#,
    r#"reward = { type = "gate", threshold = 0.5, value = 1.0, gate = { type = "tag_count" }, reward = { type = "tag_count" }, extra = 1 }"#,
    r#"reward = { type = "remote", url = "" }"#,
    r#"reward = { type = "remote", url = "http://127.0.0.1:9/x", batch_size = 0 }"#,
    r#"reward = { type = "remote", url = "http://127.0.0.1:9/x", concurrency = 0 }"#,
    r#"reward = { type = "remote", url = "ftp://x" }"#,
    r#"reward = { type = "math", correct = 1.0, options = { max_depth = "x" } }"#,
];

#[test]
fn spec_errors() {
    let dir = tempfile::tempdir().unwrap();
    let input = example("samples.jsonl");
    let mut text = String::new();
    for (i, body) in BAD_SPECS.iter().enumerate() {
        let spec = dir.path().join(format!("bad{i}.toml"));
        std::fs::write(&spec, format!("schema_version = 1\n{body}\n")).unwrap();
        let out = rk()
            .args(["score", "-q", "--spec"])
            .arg(&spec)
            .arg("--input")
            .arg(&input)
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr)
            .replace(&dir.path().display().to_string(), "[DIR]");
        text.push_str(&format!(
            "## {body}\nexit_code: {:?}\n{stderr}\n",
            out.status.code()
        ));
    }
    settings().bind(|| insta::assert_snapshot!("spec_errors", text));
}

#[test]
fn schema() {
    settings().bind(|| insta::assert_snapshot!("schema", run(rk().arg("schema"))));
}

const VERIFY_PAIRS: &[(&str, &str)] = &[
    ("\\frac{1}{2}", "so the answer is $\\boxed{0.5}$"),
    ("42", "The answer is 42."),
    ("42", "The answer is 43."),
    ("42", "I do not know."),
    ("", "42"),
    ("\\sqrt{8}", "2\\sqrt{2}"),
    ("x^2+2x+1", "(x+1)^2"),
    ("50\\%", "0.5"),
    ("\\{1,2,3\\}", "\\{3,2,1\\}"),
    ("[0, 1)", "[0,1)"),
    ("3.14", "\\pi"),
    ("-5", "-5.0"),
    ("10 \\text{ cm}", "10"),
    ("1,000", "1000"),
];

#[test]
fn verify_explain_json() {
    let mut text = String::new();
    for (gold, pred) in VERIFY_PAIRS {
        text.push_str(&format!("## verify {gold:?} {pred:?}\n"));
        text.push_str(&run(rk().args([
            "verify",
            "--explain",
            "--json",
            gold,
            pred,
        ])));
        text.push('\n');
    }
    // The text form too, for two of them.
    for (gold, pred) in &VERIFY_PAIRS[..2] {
        text.push_str(&format!("## verify --explain {gold:?} {pred:?}\n"));
        text.push_str(&run(rk().args(["verify", "--explain", gold, pred])));
        text.push('\n');
    }
    settings().bind(|| insta::assert_snapshot!("verify", text));
}

fn rows() -> Vec<Value> {
    let mut rows = Vec::new();
    for path in [example("samples.jsonl"), data("edge.jsonl")] {
        for line in std::fs::read_to_string(path).unwrap().lines() {
            rows.push(serde_json::from_str::<Value>(line).unwrap());
        }
    }
    rows
}

fn text_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        v => v.to_string(),
    }
}

#[test]
fn server_routes() {
    let server = TestServer::start_with_file(
        env!("CARGO_BIN_EXE_rewardkit"),
        &example("pipeline.toml"),
        &[],
    );
    let rows = rows();
    let mut text = String::new();
    let mut call = |method: &str, path: &str, body: String| {
        let (status, _, resp) = server.request(method, path, &body, &[]);
        let pretty = serde_json::from_str::<Value>(&resp)
            .map(|v| serde_json::to_string_pretty(&v).unwrap())
            .unwrap_or(resp);
        text.push_str(&format!(
            "## {method} {path} {}\nstatus: {status}\n{pretty}\n\n",
            body.chars().take(120).collect::<String>()
        ));
    };
    // OpenRLHF: full texts, prompts and labels.
    let query: Vec<String> = rows
        .iter()
        .map(|r| format!("{}{}", text_of(&r["prompt"]), text_of(&r["completion"])))
        .collect();
    let prompts: Vec<String> = rows.iter().map(|r| text_of(&r["prompt"])).collect();
    let labels: Vec<Value> = rows.iter().map(|r| r["answer"].clone()).collect();
    call(
        "POST",
        "/get_reward",
        json!({"query": query, "prompts": prompts, "labels": labels}).to_string(),
    );
    call("POST", "/get_reward", json!({"query": query}).to_string());
    // rewardkit's batch API: the rows as samples.
    let samples: Vec<Value> = rows
        .iter()
        .map(|r| {
            let mut s = json!({"prompt": r["prompt"], "completion": r["completion"], "id": r["id"], "group": r["group"]});
            if !r["answer"].is_null() {
                s["reference"] = r["answer"].clone();
            }
            s
        })
        .collect();
    call(
        "POST",
        "/v1/score",
        json!({ "samples": samples }).to_string(),
    );
    // vLLM classify: completions only.
    let completions: Vec<Value> = rows.iter().map(|r| r["completion"].clone()).collect();
    call(
        "POST",
        "/classify",
        json!({"model": "m", "input": completions}).to_string(),
    );
    call(
        "POST",
        "/v1/classify",
        json!({"input": rows[0]["completion"]}).to_string(),
    );
    // Errors: each in the JSON error shape.
    call("POST", "/get_reward", "{not json".into());
    call(
        "POST",
        "/get_reward",
        json!({"query": ["a"], "labels": []}).to_string(),
    );
    call(
        "POST",
        "/v1/score",
        json!({"samples": [], "extra": 1}).to_string(),
    );
    call(
        "POST",
        "/v1/score",
        json!({"samples": [{"prompt": "p"}]}).to_string(),
    );
    call("POST", "/classify", json!({"input": 3}).to_string());
    call("GET", "/nope", String::new());
    call("GET", "/get_reward", String::new());
    call("GET", "/health", String::new());
    // The queue's size follows the machine's core count.
    let machine =
        regex::Regex::new(r#""(workers|capacity|busy_workers|oldest_wait_ms)": \d+"#).unwrap();
    let text = machine.replace_all(&text, "\"$1\": [N]");
    // Clock time and request ids.
    let clock = regex::Regex::new(r#""created": \d+|"id": "classify-[0-9a-f]+""#).unwrap();
    let text = clock.replace_all(&text, "[CLOCK]");
    settings().bind(|| insta::assert_snapshot!("server_routes", redact(&text)));
}
