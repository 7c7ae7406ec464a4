//! `remote`: a reward computed by another server (a reward model hosted elsewhere).
//!
//! The samples are sent in batches of `batch_size` per HTTP request, with at most
//! `concurrency` requests in flight, each under `timeout_ms`. Connection errors and 5xx
//! answers are retried up to `retries` times with exponential backoff (`backoff_ms`, doubled
//! each time, at most 10 s; a `Retry-After` from the server is honoured within the same cap);
//! 4xx answers are not retried. When a request finally fails, every sample of its batch gets a
//! result with the error in `info.error` (value: the pipeline's `error_value`); when the
//! pipeline's per-sample deadline (`timeout_ms` of the spec) passes first, they get a timeout
//! result. One result per sample, always.
//!
//! | `api` | request | reward read from | speaks to |
//! |---|---|---|---|
//! | `vllm_classify` (default) | `{"model", "input": [text]}` | `data[i].probs[-1]` | vLLM `POST /classify` (as verl reads it) |
//! | `sglang_classify` | `{"model", "input": [text]}` | `data[i].probs[-1]` | SGLang `POST /v1/classify` |
//! | `vllm_pooling` | `{"model", "input": [text]}` | last number of `data[i].data` | vLLM `POST /pooling` (reward models: per-token values, the last token's is the reward) |
//! | `openrlhf` | `{"query": [prompt+completion], "prompts", "labels"}` | `rewards[i]` | OpenRLHF `POST /get_reward` |
//! | `rewardkit` | `{"samples": [Sample]}` | `results[i]` (the whole output) | rewardkit `POST /v1/score` |
//!
//! Sources: integrations.md §1 (OpenRLHF `serve_rm.py`, `agent.py`), §2.3 (verl
//! `reward_loop.py`: `data[-1].probs[-1]`, 4xx not retried) and §6 (vLLM, SGLang).
//!
//! The text sent to reward-model APIs is `input = "prompt_completion"` (default: prompt text
//! followed directly by the completion, as OpenRLHF's `query`) or `"completion"`. `url` is the
//! whole endpoint URL (`http://host:port/classify`); `https://` needs the `remote-tls` feature.
//! A bearer token is read from the environment variable named by `token_env` (never from the
//! spec file itself).
//!
//! This reward function needs the `remote` cargo feature (on in the `rewardkit` command line);
//! without it, building a pipeline that uses it fails with a clear error.
//!
//! ```
//! use rewardkit_core::PipelineSpec;
//! let spec = PipelineSpec::from_toml(r#"
//! schema_version = 1
//! [reward]
//! type = "remote"
//! url = "http://127.0.0.1:9/classify"
//! api = "vllm_classify"
//! batch_size = 16
//! "#)?;
//! # #[cfg(feature = "remote")]
//! let pipeline = spec.build()?; // nothing is contacted until a batch is scored
//! # Ok::<(), rewardkit_core::Error>(())
//! ```

use crate::node::Node;
use crate::spec::BuildNode;
use crate::{Error, Result};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The API spoken by the remote server.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RemoteApi {
    /// vLLM `POST /classify`: `data[i].probs[-1]`.
    #[default]
    VllmClassify,
    /// SGLang `POST /v1/classify` (vLLM-compatible): `data[i].probs[-1]`.
    SglangClassify,
    /// vLLM `POST /pooling`: the last number of `data[i].data`.
    VllmPooling,
    /// OpenRLHF `POST /get_reward`: `rewards[i]`.
    Openrlhf,
    /// rewardkit `POST /v1/score`: `results[i]`.
    Rewardkit,
}

/// The text sent to reward-model APIs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RemoteInput {
    /// The prompt text followed by the completion.
    #[default]
    PromptCompletion,
    /// The completion only.
    Completion,
}

/// `{type = "remote", url = "http://127.0.0.1:8000/classify", api = "vllm_classify"}`: calls
/// a reward server hosted elsewhere.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Remote {
    /// The endpoint URL, path included (`http://host:port/classify`).
    pub url: String,
    /// The API the endpoint speaks (default `vllm_classify`).
    #[serde(default)]
    pub api: RemoteApi,
    /// Model name sent in vLLM/SGLang requests (default: none sent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// Text sent to reward-model APIs (default `prompt_completion`).
    #[serde(default)]
    pub input: RemoteInput,
    /// vLLM `activation` flag (verl sends `false` to get the raw head value); not sent if unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activation: Option<bool>,
    /// Samples per HTTP request (default 32).
    #[serde(default = "default_batch_size")]
    pub batch_size: usize,
    /// HTTP requests in flight at once, across every batch this node is scoring (default 4).
    #[serde(default = "default_concurrency")]
    pub concurrency: usize,
    /// Milliseconds one HTTP request may take (default 30000).
    #[serde(default = "default_request_timeout_ms")]
    pub request_timeout_ms: u64,
    /// Retries after the first attempt, on connection errors and 5xx only (default 3).
    #[serde(default = "default_retries")]
    pub retries: u32,
    /// First backoff in milliseconds, doubled after each retry, at most 10 s (default 200).
    #[serde(default = "default_backoff_ms")]
    pub backoff_ms: u64,
    /// Name of an environment variable holding a bearer token (default: no token).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_env: Option<String>,
}

fn default_batch_size() -> usize {
    32
}
fn default_concurrency() -> usize {
    4
}
fn default_request_timeout_ms() -> u64 {
    30_000
}
fn default_retries() -> u32 {
    3
}
fn default_backoff_ms() -> u64 {
    200
}

impl Remote {
    /// A spec for `url` speaking `api`, with default limits.
    pub fn new(url: impl Into<String>, api: RemoteApi) -> Self {
        Remote {
            url: url.into(),
            api,
            model: None,
            input: RemoteInput::default(),
            activation: None,
            batch_size: default_batch_size(),
            concurrency: default_concurrency(),
            request_timeout_ms: default_request_timeout_ms(),
            retries: default_retries(),
            backoff_ms: default_backoff_ms(),
            token_env: None,
        }
    }

    fn validate(&self, path: &str) -> Result<()> {
        let url = self.url.trim();
        let scheme_ok = url.starts_with("http://") || url.starts_with("https://");
        if !scheme_ok || url.len() <= "https://".len() {
            return Err(Error::spec(
                format!("{path}.url"),
                "expected an http:// or https:// URL with a path, e.g. http://127.0.0.1:8000/classify",
            ));
        }
        if self.batch_size == 0 || self.batch_size > 100_000 {
            return Err(Error::spec(
                format!("{path}.batch_size"),
                "expected 1..=100000",
            ));
        }
        if self.concurrency == 0 || self.concurrency > 1024 {
            return Err(Error::spec(
                format!("{path}.concurrency"),
                "expected 1..=1024",
            ));
        }
        if self.request_timeout_ms == 0 {
            return Err(Error::spec(
                format!("{path}.request_timeout_ms"),
                "expected a positive number of milliseconds",
            ));
        }
        if self.retries > 100 {
            return Err(Error::spec(format!("{path}.retries"), "expected 0..=100"));
        }
        Ok(())
    }
}

#[cfg(not(feature = "remote"))]
impl BuildNode for Remote {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        self.validate(path)?;
        Err(Error::Unsupported(
            "the `remote` reward function: built without the `remote` feature; rebuild with --features remote".into(),
        ))
    }
}

#[cfg(feature = "remote")]
impl BuildNode for Remote {
    fn build(&self, path: &str) -> Result<Box<dyn Node>> {
        self.validate(path)?;
        if self.url.trim().starts_with("https://") && !cfg!(feature = "remote-tls") {
            return Err(Error::Unsupported(format!(
                "{path}.url: https:// needs the `remote-tls` feature; rebuild with --features remote-tls"
            )));
        }
        let token = match &self.token_env {
            Some(var) => Some(std::env::var(var).map_err(|_| {
                Error::spec(
                    format!("{path}.token_env"),
                    format!("environment variable `{var}` is not set (or not UTF-8)"),
                )
            })?),
            None => None,
        };
        Ok(Box::new(client::RemoteNode::new(self.clone(), token)))
    }
}

#[cfg(feature = "remote")]
mod client {
    use super::{Remote, RemoteApi, RemoteInput};
    use crate::node::{finish, Batch, Node, Scope};
    use crate::{Deadline, RewardOutput, Sample};
    use serde_json::{json, Value};
    use std::io::Read;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Condvar, Mutex};
    use std::time::{Duration, Instant};

    /// Largest response body read, in bytes.
    const MAX_RESPONSE: u64 = 256 << 20;
    /// Longest single backoff.
    const MAX_BACKOFF: Duration = Duration::from_secs(10);

    /// The built `remote` node.
    #[derive(Debug)]
    pub(super) struct RemoteNode {
        spec: Remote,
        token: Option<String>,
        agent: ureq::Agent,
        slots: Slots,
    }

    /// Counts the HTTP requests in flight across every batch the node scores at once (the
    /// server scores several requests in parallel; the remote sees at most `concurrency`).
    #[derive(Debug)]
    struct Slots {
        used: Mutex<usize>,
        freed: Condvar,
        max: usize,
    }

    struct SlotGuard<'a>(&'a Slots);

    impl Slots {
        /// Waits for a free slot until `deadline`; `None` when it passes first.
        fn acquire(&self, deadline: Deadline) -> Option<SlotGuard<'_>> {
            let mut used = self.used.lock().unwrap_or_else(|e| e.into_inner());
            while *used >= self.max {
                used = match deadline.instant() {
                    Some(at) => {
                        let left = at.checked_duration_since(Instant::now())?;
                        if left.is_zero() {
                            return None;
                        }
                        self.freed
                            .wait_timeout(used, left)
                            .unwrap_or_else(|e| e.into_inner())
                            .0
                    }
                    None => self.freed.wait(used).unwrap_or_else(|e| e.into_inner()),
                };
            }
            *used += 1;
            Some(SlotGuard(self))
        }
    }

    impl Drop for SlotGuard<'_> {
        fn drop(&mut self) {
            let mut used = self.0.used.lock().unwrap_or_else(|e| e.into_inner());
            *used = used.saturating_sub(1);
            self.0.freed.notify_one();
        }
    }

    /// Why a request failed.
    enum Failure {
        /// Worth retrying (connection error, 5xx), with the server's `Retry-After`.
        Retry(String, Option<Duration>),
        /// Not worth retrying (4xx, malformed answer).
        Fatal(String),
    }

    impl RemoteNode {
        pub(super) fn new(spec: Remote, token: Option<String>) -> Self {
            let agent = ureq::AgentBuilder::new()
                .timeout_connect(Duration::from_millis(spec.request_timeout_ms.min(10_000)))
                .max_idle_connections_per_host(spec.concurrency.max(1))
                .build();
            let slots = Slots {
                used: Mutex::new(0),
                freed: Condvar::new(),
                max: spec.concurrency.max(1),
            };
            RemoteNode {
                spec,
                token,
                agent,
                slots,
            }
        }

        fn text(&self, s: &Sample) -> String {
            match (self.spec.input, &s.prompt) {
                (RemoteInput::PromptCompletion, Some(p)) => {
                    let mut t = p.text().into_owned();
                    t.push_str(&s.completion);
                    t
                }
                _ => s.completion.clone(),
            }
        }

        fn body(&self, samples: &[Sample]) -> Value {
            match self.spec.api {
                RemoteApi::VllmClassify | RemoteApi::SglangClassify | RemoteApi::VllmPooling => {
                    let input: Vec<String> = samples.iter().map(|s| self.text(s)).collect();
                    let mut b = json!({ "input": input });
                    if let Some(m) = &self.spec.model {
                        b["model"] = json!(m);
                    }
                    if let Some(a) = self.spec.activation {
                        b["activation"] = json!(a);
                    }
                    b
                }
                RemoteApi::Openrlhf => {
                    let query: Vec<String> = samples
                        .iter()
                        .map(|s| {
                            let mut t = s
                                .prompt
                                .as_ref()
                                .map(|p| p.text().into_owned())
                                .unwrap_or_default();
                            t.push_str(&s.completion);
                            t
                        })
                        .collect();
                    let prompts: Vec<String> = samples
                        .iter()
                        .map(|s| {
                            s.prompt
                                .as_ref()
                                .map(|p| p.text().into_owned())
                                .unwrap_or_default()
                        })
                        .collect();
                    let labels: Vec<Value> = samples
                        .iter()
                        .map(|s| match &s.reference {
                            None => Value::Null,
                            Some(r) => match r.texts().first() {
                                Some(t) => json!(t),
                                None => serde_json::to_value(r).unwrap_or(Value::Null),
                            },
                        })
                        .collect();
                    json!({ "query": query, "prompts": prompts, "labels": labels })
                }
                RemoteApi::Rewardkit => json!({ "samples": samples }),
            }
        }

        /// One HTTP attempt.
        fn attempt(&self, body: &str, timeout: Duration) -> Result<Value, Failure> {
            let mut req = self
                .agent
                .post(self.spec.url.trim())
                .timeout(timeout)
                .set("Content-Type", "application/json");
            if let Some(t) = &self.token {
                req = req.set("Authorization", &format!("Bearer {t}"));
            }
            match req.send_string(body) {
                Ok(resp) => {
                    let mut buf = Vec::new();
                    resp.into_reader()
                        .take(MAX_RESPONSE)
                        .read_to_end(&mut buf)
                        .map_err(|e| Failure::Retry(format!("reading the response: {e}"), None))?;
                    serde_json::from_slice(&buf)
                        .map_err(|e| Failure::Fatal(format!("response is not JSON: {e}")))
                }
                Err(ureq::Error::Status(code, resp)) => {
                    let retry_after = resp
                        .header("Retry-After")
                        .and_then(|v| v.trim().parse::<u64>().ok())
                        .map(Duration::from_secs);
                    let mut text = String::new();
                    let _ = resp.into_reader().take(512).read_to_string(&mut text);
                    let msg = format!("HTTP {code}: {}", text.trim());
                    if code >= 500 {
                        Err(Failure::Retry(msg, retry_after))
                    } else {
                        Err(Failure::Fatal(msg))
                    }
                }
                Err(ureq::Error::Transport(t)) => Err(Failure::Retry(t.to_string(), None)),
            }
        }

        /// Scores one chunk: one request, retried; one output per sample.
        fn chunk(&self, samples: &[Sample], deadline: Deadline) -> Vec<RewardOutput> {
            let body = self.body(samples).to_string();
            let per_request = Duration::from_millis(self.spec.request_timeout_ms);
            let mut backoff = Duration::from_millis(self.spec.backoff_ms);
            let mut attempt = 0u32;
            loop {
                let Some(slot) = self.slots.acquire(deadline) else {
                    return timeouts(samples.len());
                };
                let timeout = match deadline.instant() {
                    Some(at) => match at.checked_duration_since(Instant::now()) {
                        Some(left) if !left.is_zero() => left.min(per_request),
                        _ => return timeouts(samples.len()),
                    },
                    None => per_request,
                };
                let result = self.attempt(&body, timeout);
                drop(slot);
                let failure = match result {
                    Ok(v) => match self.parse(&v, samples.len()) {
                        Ok(outs) => return outs,
                        Err(msg) => Failure::Fatal(msg),
                    },
                    Err(f) => f,
                };
                let (msg, wait) = match failure {
                    Failure::Fatal(msg) => return errors(samples.len(), &msg, attempt + 1),
                    Failure::Retry(msg, retry_after) => (msg, retry_after),
                };
                if attempt >= self.spec.retries {
                    return errors(samples.len(), &msg, attempt + 1);
                }
                let sleep = wait.map_or(backoff, |w| w.max(backoff)).min(MAX_BACKOFF);
                if let Some(at) = deadline.instant() {
                    if Instant::now() + sleep >= at {
                        if deadline.expired() {
                            return timeouts(samples.len());
                        }
                        return errors(samples.len(), &msg, attempt + 1);
                    }
                }
                std::thread::sleep(sleep);
                backoff = (backoff * 2).min(MAX_BACKOFF);
                attempt += 1;
            }
        }

        /// Reads one output per input from a response.
        fn parse(&self, v: &Value, n: usize) -> Result<Vec<RewardOutput>, String> {
            let list = |key: &str| -> Result<&Vec<Value>, String> {
                let l = v
                    .get(key)
                    .and_then(Value::as_array)
                    .ok_or_else(|| format!("response has no `{key}` list"))?;
                if l.len() != n {
                    return Err(format!(
                        "response has {} `{key}` entries for {n} inputs",
                        l.len()
                    ));
                }
                Ok(l)
            };
            let number = |x: Option<&Value>, what: &str| -> RewardOutput {
                match x.and_then(Value::as_f64) {
                    Some(f) if f.is_finite() => RewardOutput::value(f),
                    _ => RewardOutput::error(format!("remote: no finite number at {what}")),
                }
            };
            match self.spec.api {
                RemoteApi::VllmClassify | RemoteApi::SglangClassify | RemoteApi::VllmPooling => {
                    let data = list("data")?;
                    let mut outs = vec![None; n];
                    for (pos, item) in data.iter().enumerate() {
                        let i = item
                            .get("index")
                            .and_then(Value::as_u64)
                            .map_or(pos, |i| i as usize);
                        let slot = outs
                            .get_mut(i)
                            .ok_or_else(|| format!("response index {i} out of range"))?;
                        let out = if self.spec.api == RemoteApi::VllmPooling {
                            number(last_number(item.get("data")).as_ref(), "data[i].data")
                        } else {
                            number(
                                item.get("probs")
                                    .and_then(Value::as_array)
                                    .and_then(|p| p.last()),
                                "data[i].probs[-1]",
                            )
                        };
                        *slot = Some(out);
                    }
                    outs.into_iter()
                        .enumerate()
                        .map(|(i, o)| o.ok_or_else(|| format!("response lacks index {i}")))
                        .collect()
                }
                RemoteApi::Openrlhf => {
                    let rewards = list("rewards")?;
                    Ok(rewards
                        .iter()
                        .map(|r| number(Some(r), "rewards[i]"))
                        .collect())
                }
                RemoteApi::Rewardkit => list("results")?
                    .iter()
                    .map(|r| {
                        serde_json::from_value::<RewardOutput>(r.clone())
                            .map_err(|e| format!("malformed result: {e}"))
                    })
                    .collect(),
            }
        }
    }

    /// The last number in a (possibly nested) JSON array, or the number itself.
    fn last_number(v: Option<&Value>) -> Option<Value> {
        match v? {
            Value::Number(n) => Some(Value::Number(n.clone())),
            Value::Array(a) => a.iter().rev().find_map(|x| last_number(Some(x))),
            _ => None,
        }
    }

    fn timeouts(n: usize) -> Vec<RewardOutput> {
        (0..n)
            .map(|_| RewardOutput::timeout().with_reason("remote: deadline exceeded"))
            .collect()
    }

    fn errors(n: usize, msg: &str, attempts: u32) -> Vec<RewardOutput> {
        let text = format!("remote: {msg} (after {attempts} attempt(s))");
        (0..n).map(|_| RewardOutput::error(text.clone())).collect()
    }

    impl Node for RemoteNode {
        fn eval(&self, batch: &Batch<'_>) -> Vec<RewardOutput> {
            let chunks: Vec<&[Sample]> = batch.samples.chunks(self.spec.batch_size).collect();
            let settings = batch.settings;
            let run = |c: &[Sample]| -> Vec<RewardOutput> {
                let deadline = batch.deadline();
                let outs = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    self.chunk(c, deadline)
                }));
                match outs {
                    Ok(v) => v.into_iter().map(|o| finish(Ok(o), settings)).collect(),
                    Err(p) => (0..c.len())
                        .map(|_| finish(Err(p_clone(&p)), settings))
                        .collect(),
                }
            };
            let workers = self.spec.concurrency.min(chunks.len());
            if workers <= 1 {
                return chunks.into_iter().flat_map(run).collect();
            }
            let results: Mutex<Vec<Option<Vec<RewardOutput>>>> =
                Mutex::new(vec![None; chunks.len()]);
            let next = AtomicUsize::new(0);
            std::thread::scope(|scope| {
                for _ in 0..workers {
                    scope.spawn(|| loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(c) = chunks.get(i) else { break };
                        let outs = run(c);
                        if let Ok(mut r) = results.lock() {
                            r[i] = Some(outs);
                        }
                    });
                }
            });
            let results = results.into_inner().unwrap_or_default();
            chunks
                .iter()
                .zip(results)
                .flat_map(|(c, r)| {
                    r.unwrap_or_else(|| errors(c.len(), "internal error: lost result", 0))
                })
                .collect()
        }

        fn scope(&self) -> Scope {
            Scope::Sample
        }
    }

    /// A panic payload cannot be cloned; keep its message.
    fn p_clone(p: &Box<dyn std::any::Any + Send>) -> Box<dyn std::any::Any + Send> {
        let msg = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        Box::new(msg)
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use crate::node::Settings;
        use std::io::{BufRead, BufReader, Write};
        use std::net::TcpListener;
        use std::sync::atomic::AtomicUsize;
        use std::sync::Arc;

        /// A scripted HTTP/1.1 server on loopback: answers request k with `script[k]`
        /// (status, body), the last entry repeating; counts requests. Stops after `max`
        /// requests (bounded).
        fn fake_server(script: Vec<(u16, &'static str)>, max: usize) -> (String, Arc<AtomicUsize>) {
            let l = TcpListener::bind("127.0.0.1:0").unwrap();
            let addr = l.local_addr().unwrap();
            let count = Arc::new(AtomicUsize::new(0));
            let c = count.clone();
            std::thread::spawn(move || {
                for stream in l.incoming().take(max) {
                    let Ok(mut s) = stream else { break };
                    let mut r = BufReader::new(s.try_clone().unwrap());
                    let mut len = 0usize;
                    loop {
                        let mut line = String::new();
                        if r.read_line(&mut line).unwrap_or(0) == 0 {
                            break;
                        }
                        let lower = line.to_ascii_lowercase();
                        if let Some(v) = lower.strip_prefix("content-length:") {
                            len = v.trim().parse().unwrap_or(0);
                        }
                        if line == "\r\n" {
                            break;
                        }
                    }
                    let mut body = vec![0; len];
                    let _ = r.read_exact(&mut body);
                    let k = c.fetch_add(1, Ordering::SeqCst);
                    let (status, text) = script[k.min(script.len() - 1)];
                    let _ = write!(
                        s,
                        "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{text}",
                        text.len()
                    );
                }
            });
            (format!("http://{addr}/classify"), count)
        }

        fn node(url: &str) -> RemoteNode {
            let mut spec = Remote::new(url, RemoteApi::VllmClassify);
            spec.backoff_ms = 1;
            spec.retries = 2;
            spec.request_timeout_ms = 2000;
            RemoteNode::new(spec, None)
        }

        const OK2: &str = r#"{"data":[{"index":1,"probs":[0.25]},{"index":0,"probs":[0.1,0.75]}]}"#;

        #[test]
        fn retries_5xx_then_succeeds_and_maps_by_index() {
            let (url, count) = fake_server(vec![(503, "{}"), (500, "{}"), (200, OK2)], 10);
            let samples = vec![Sample::new("a"), Sample::new("b")];
            let settings = Settings::default();
            let outs = node(&url).eval(&Batch::new(&samples, &settings));
            assert_eq!(count.load(Ordering::SeqCst), 3);
            assert_eq!(outs[0].value, Some(0.75));
            assert_eq!(outs[1].value, Some(0.25));
        }

        #[test]
        fn does_not_retry_4xx_and_reports_per_sample() {
            let (url, count) = fake_server(vec![(400, r#"{"error":"bad"}"#)], 10);
            let samples = vec![Sample::new("a"), Sample::new("b")];
            let settings = Settings {
                error_value: Some(-1.0),
                ..Settings::default()
            };
            let outs = node(&url).eval(&Batch::new(&samples, &settings));
            assert_eq!(count.load(Ordering::SeqCst), 1);
            assert_eq!(outs.len(), 2);
            for o in &outs {
                assert_eq!(o.value, Some(-1.0));
                let e = o.info.error.as_deref().unwrap();
                assert!(e.contains("HTTP 400") && e.contains("1 attempt"), "{e}");
            }
        }

        #[test]
        fn gives_up_after_retries_and_on_wrong_length() {
            let (url, count) = fake_server(vec![(502, "{}")], 10);
            let samples = vec![Sample::new("a")];
            let settings = Settings::default();
            let outs = node(&url).eval(&Batch::new(&samples, &settings));
            assert_eq!(count.load(Ordering::SeqCst), 3); // 1 + 2 retries
            assert!(outs[0].info.error.as_deref().unwrap().contains("HTTP 502"));

            let (url, _) = fake_server(vec![(200, OK2)], 10);
            let samples = vec![Sample::new("a")];
            let outs = node(&url).eval(&Batch::new(&samples, &settings));
            assert!(outs[0]
                .info
                .error
                .as_deref()
                .unwrap()
                .contains("2 `data` entries for 1"));
        }

        #[test]
        fn connection_refused_is_an_error_row() {
            let l = TcpListener::bind("127.0.0.1:0").unwrap();
            let url = format!("http://{}/classify", l.local_addr().unwrap());
            drop(l);
            let samples = vec![Sample::new("a"); 3];
            let settings = Settings::default();
            let mut n = node(&url);
            n.spec.batch_size = 1;
            let outs = n.eval(&Batch::new(&samples, &settings));
            assert_eq!(outs.len(), 3);
            assert!(outs
                .iter()
                .all(|o| o.info.error.is_some() && o.value.is_none()));
        }

        #[test]
        fn slots_bound_requests_in_flight() {
            let slots = Slots {
                used: Mutex::new(0),
                freed: Condvar::new(),
                max: 2,
            };
            let a = slots.acquire(Deadline::NONE).unwrap();
            let _b = slots.acquire(Deadline::NONE).unwrap();
            let t = Instant::now();
            assert!(slots
                .acquire(Deadline::after(Duration::from_millis(30)))
                .is_none());
            assert!(t.elapsed() >= Duration::from_millis(30));
            std::thread::scope(|s| {
                let waiter = s.spawn(|| slots.acquire(Deadline::NONE).is_some());
                std::thread::sleep(Duration::from_millis(20));
                drop(a);
                assert!(waiter.join().unwrap());
            });
        }

        #[test]
        fn last_number_walks_nested_arrays() {
            assert_eq!(
                last_number(Some(&json!([[0.1], [0.2, 0.3]]))),
                Some(json!(0.3))
            );
            assert_eq!(last_number(Some(&json!(2.0))), Some(json!(2.0)));
            assert_eq!(last_number(Some(&json!([]))), None);
        }
    }
}

#[cfg(all(test, not(feature = "remote")))]
mod tests {
    use super::*;

    #[test]
    fn without_the_feature_build_says_how_to_get_it() {
        let r = Remote::new("http://127.0.0.1:1/classify", RemoteApi::VllmClassify);
        match r.build("reward") {
            Err(Error::Unsupported(m)) => assert!(m.contains("--features remote"), "{m}"),
            other => panic!("unexpected {other:?}"),
        }
        // Parameters are still checked first.
        let bad = Remote::new("ftp://x", RemoteApi::VllmClassify);
        assert!(matches!(bad.build("reward"), Err(Error::Spec { .. })));
    }
}
