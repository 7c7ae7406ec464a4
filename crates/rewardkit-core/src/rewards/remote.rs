//! `remote`: a reward computed by another server (a reward model hosted elsewhere).
//!
//! The samples are sent in batches of `batch_size` per HTTP request, with at most
//! `concurrency` requests in flight, each under `timeout_ms`. Connection errors and 5xx
//! answers are retried up to `retries` times with exponential backoff (`backoff_ms`, doubled
//! each time, at most 10 s; a `Retry-After` from the server is honoured within the same cap);
//! 4xx answers are not retried. When a request finally fails, every sample of its batch gets a
//! result with the error in `info.error` (value: the pipeline's `error_value`); when the
//! pipeline's deadline (`timeout_ms` of the spec, counted for each request from the moment its
//! batch of up to `batch_size` samples starts, retries included) passes first, they get a
//! timeout result. One result per sample, always.
//!
//! | `api` | request | reward read from | speaks to |
//! |---|---|---|---|
//! | `vllm_classify` (default) | `{"model", "input": [text]}` | `data[i].probs[-1]` | vLLM `POST /classify` (as verl reads it) |
//! | `sglang_classify` | `{"model", "input": [text]}` | `data[i].probs[-1]` | SGLang `POST /v1/classify` |
//! | `vllm_pooling` | `{"model", "input": [text]}` | last number of `data[i].data` | vLLM `POST /pooling` (reward models: per-token values, the last token's is the reward) |
//! | `openrlhf` | `{"query": [prompt+completion], "prompts", "labels"}` | `rewards[i]` | OpenRLHF `POST /get_reward` |
//! | `rewardkit` | `{"samples": [Sample]}` | `results[i]` (the whole output) | rewardkit `POST /v1/score` |
//!
//! Sources: OpenRLHF `openrlhf/cli/serve_rm.py` and `openrlhf/utils/agent.py`; verl's reward loop
//! (`verl/experimental/reward_loop/`: `data[-1].probs[-1]`, 4xx not retried); vLLM's and SGLang's
//! `/classify` servers (`vllm/entrypoints/openai/serving_classification.py`, SGLang `/v1/classify`).
//!
//! The text sent to reward-model APIs is `input = "prompt_completion"` (default: prompt text
//! followed directly by the completion, as OpenRLHF's `query`) or `"completion"`. A reward
//! model trained on chat-formatted text wants its tokenizer's chat template applied, as
//! OpenRLHF and verl do before they send: `chat_template = { preset = "llama3" }` (presets
//! `chatml`, `llama3`, `gemma`), `{ file = "rm/tokenizer_config.json" }` (the model's own
//! Jinja template and BOS/EOS tokens; a relative path is from the working directory) or
//! `{ jinja = "..." }`. The conversation rendered is the prompt's messages (a text prompt is
//! one `user` message) followed by the completion as the `assistant` message, without a
//! generation prompt; it replaces the prompt + completion text for the `vllm_*`, `sglang_*`
//! and `openrlhf` APIs (see the `text::chat_template` module, with the `remote` feature). `url` is the
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

use crate::defaults;
use crate::node::{BuildNode, Node};
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

/// A reward model's chat template: exactly one of `preset`, `jinja` or `file`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChatTemplateSpec {
    /// A built-in template: `chatml`, `llama3` or `gemma`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preset: Option<String>,
    /// A Jinja template as in a tokenizer's `chat_template` (variables: `messages`,
    /// `add_generation_prompt` = false, `bos_token`, `eos_token`; `raise_exception(msg)`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jinja: Option<String>,
    /// A tokenizer's `tokenizer_config.json` (its `chat_template` and tokens) or a `.jinja`
    /// file; read when the pipeline is built.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Overrides the BOS token (presets and `tokenizer_config.json` bring their own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bos_token: Option<String>,
    /// Overrides the EOS token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eos_token: Option<String>,
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
    /// The reward model's chat template, applied to prompt + completion before sending
    /// (default: none, the texts are concatenated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat_template: Option<ChatTemplateSpec>,
    /// vLLM's activation flag, sent as `use_activation` (vLLM ≥ 0.11.2; verl 0.9.1 sends
    /// `false` to get the raw head value); not sent if unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activation: Option<bool>,
    /// Samples per HTTP request (default 32).
    #[serde(default = "defaults::remote_batch_size")]
    pub batch_size: usize,
    /// HTTP requests in flight at once, across every batch this node is scoring (default 4).
    #[serde(default = "defaults::remote_concurrency")]
    pub concurrency: usize,
    /// Milliseconds one HTTP request may take (default 30000).
    #[serde(default = "defaults::remote_request_timeout_ms")]
    pub request_timeout_ms: u64,
    /// Retries after the first attempt, on connection errors and 5xx only (default 3).
    #[serde(default = "defaults::remote_retries")]
    pub retries: u32,
    /// First backoff in milliseconds, doubled after each retry, at most 10 s (default 200).
    #[serde(default = "defaults::remote_backoff_ms")]
    pub backoff_ms: u64,
    /// Name of an environment variable holding a bearer token (default: no token).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_env: Option<String>,
}

impl Remote {
    /// A spec for `url` speaking `api`, with default limits.
    pub fn new(url: impl Into<String>, api: RemoteApi) -> Self {
        Remote {
            url: url.into(),
            api,
            model: None,
            input: RemoteInput::default(),
            chat_template: None,
            activation: None,
            batch_size: defaults::remote_batch_size(),
            concurrency: defaults::remote_concurrency(),
            request_timeout_ms: defaults::remote_request_timeout_ms(),
            retries: defaults::remote_retries(),
            backoff_ms: defaults::remote_backoff_ms(),
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
        #[cfg(feature = "remote")]
        if let Err(e) = rewardkit_remote::check_url(url) {
            return Err(Error::spec(
                format!("{path}.url"),
                format!("`{url}` is not a valid URL ({e}); expected e.g. http://127.0.0.1:8000/classify"),
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
        if self.chat_template.is_some() {
            if self.api == RemoteApi::Rewardkit {
                return Err(Error::spec_conflict(
                    format!("{path}.chat_template"),
                    "api `rewardkit` sends whole samples, not text: a chat template does not apply",
                ));
            }
            if self.input == RemoteInput::Completion {
                return Err(Error::spec_conflict(
                    format!("{path}.chat_template"),
                    "a chat template renders the prompt and the completion: it needs \
                     input = \"prompt_completion\"",
                ));
            }
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
                Error::spec_kind(
                    format!("{path}.token_env"),
                    crate::SpecErrorKind::Environment(format!(
                        "environment variable `{var}` is not set (or not UTF-8)"
                    )),
                )
            })?),
            None => None,
        };
        let template = match &self.chat_template {
            Some(t) => Some(crate::text::chat_template::Renderer::new(
                t,
                &format!("{path}.chat_template"),
            )?),
            None => None,
        };
        Ok(Box::new(
            client::RemoteNode::new(self.clone(), token).with_template(template),
        ))
    }
}

/// The built `remote` node: turns samples into request bodies and answers into outputs; the
/// HTTP client (concurrency bound, retries, deadlines) is the `rewardkit-remote` crate.
#[cfg(feature = "remote")]
mod client {
    use super::{Remote, RemoteApi, RemoteInput};
    use crate::node::{finish, Batch, Node, Scope};
    use crate::text::chat_template::Renderer;
    use crate::Prompt;
    use crate::{Deadline, RewardOutput, Sample};
    use rewardkit_remote::{wire, CallError, Client, ClientConfig};
    use serde_json::Value;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Mutex;
    use std::time::Duration;

    /// The built `remote` node.
    #[derive(Debug)]
    pub(super) struct RemoteNode {
        spec: Remote,
        client: Client,
        template: Option<Renderer>,
    }

    impl RemoteNode {
        pub(super) fn new(spec: Remote, token: Option<String>) -> Self {
            let client = Client::new(ClientConfig {
                url: spec.url.trim().to_string(),
                token,
                request_timeout: Duration::from_millis(spec.request_timeout_ms),
                concurrency: spec.concurrency.max(1),
                retries: spec.retries,
                backoff: Duration::from_millis(spec.backoff_ms),
            });
            RemoteNode {
                spec,
                client,
                template: None,
            }
        }

        pub(super) fn with_template(mut self, template: Option<Renderer>) -> Self {
            self.template = template;
            self
        }

        /// The text the reward model reads: the chat template applied to the prompt's
        /// messages and the completion, else prompt text + completion (or the completion).
        fn text(&self, s: &Sample) -> Result<String, String> {
            if let Some(t) = &self.template {
                let mut conv: Vec<(&str, &str)> = match &s.prompt {
                    Some(Prompt::Messages(m)) => m
                        .iter()
                        .map(|m| (m.role.as_str(), m.content.as_str()))
                        .collect(),
                    Some(Prompt::Text(p)) => vec![("user", p.as_str())],
                    None => Vec::new(),
                };
                conv.push(("assistant", s.completion.as_str()));
                return t.render(&conv);
            }
            Ok(self.plain_text(s))
        }

        fn plain_text(&self, s: &Sample) -> String {
            match (self.spec.input, &s.prompt) {
                (RemoteInput::PromptCompletion, Some(p)) => {
                    let mut t = p.text().into_owned();
                    t.push_str(&s.completion);
                    t
                }
                _ => s.completion.clone(),
            }
        }

        /// The text of one sample in a request: the reward model's text for the `vllm_*` and
        /// `sglang_*` APIs, OpenRLHF's `query` (prompt + completion, or the chat template's
        /// rendering), nothing for `rewardkit` (whole samples are sent).
        fn request_text(&self, s: &Sample) -> Result<String, String> {
            match self.spec.api {
                RemoteApi::VllmClassify | RemoteApi::SglangClassify | RemoteApi::VllmPooling => {
                    self.text(s)
                }
                RemoteApi::Openrlhf if self.template.is_some() => self.text(s),
                RemoteApi::Openrlhf => {
                    let mut t = prompt_text(s);
                    t.push_str(&s.completion);
                    Ok(t)
                }
                RemoteApi::Rewardkit => Ok(String::new()),
            }
        }

        fn body(&self, samples: &[&Sample], texts: Vec<String>) -> Value {
            match self.spec.api {
                RemoteApi::VllmClassify | RemoteApi::SglangClassify | RemoteApi::VllmPooling => {
                    wire::classify_body(texts, self.spec.model.as_deref(), self.spec.activation)
                }
                RemoteApi::Openrlhf => {
                    let labels = samples
                        .iter()
                        .map(|s| match &s.reference {
                            None => Value::Null,
                            Some(r) => match r.texts().first() {
                                Some(t) => Value::from(*t),
                                None => serde_json::to_value(r).unwrap_or(Value::Null),
                            },
                        })
                        .collect();
                    let prompts = samples.iter().map(|s| prompt_text(s)).collect();
                    wire::openrlhf_body(texts, prompts, labels)
                }
                RemoteApi::Rewardkit => {
                    wire::rewardkit_body(serde_json::to_value(samples).unwrap_or(Value::Null))
                }
            }
        }

        /// Reads one output per input from an answer.
        fn read(&self, v: &Value, n: usize) -> Result<Vec<RewardOutput>, String> {
            let entries = match self.spec.api {
                RemoteApi::VllmClassify | RemoteApi::SglangClassify => {
                    wire::read_classify(v, n, false)?
                }
                RemoteApi::VllmPooling => wire::read_classify(v, n, true)?,
                RemoteApi::Openrlhf => wire::read_openrlhf(v, n)?,
                RemoteApi::Rewardkit => {
                    return wire::list(v, "results", n)?
                        .iter()
                        .map(|r| {
                            serde_json::from_value::<RewardOutput>(r.clone())
                                .map_err(|e| format!("malformed result: {e}"))
                        })
                        .collect()
                }
            };
            Ok(entries
                .into_iter()
                .map(|e| match e {
                    Ok(f) => RewardOutput::value(f),
                    Err(msg) => RewardOutput::error(msg),
                })
                .collect())
        }

        /// Scores one chunk: one request, retried; one output per sample. A sample whose text
        /// cannot be made (its chat template raised) gets an error result and is not sent.
        fn chunk(&self, samples: &[Sample], deadline: Deadline) -> Vec<RewardOutput> {
            let mut outs: Vec<Option<RewardOutput>> = vec![None; samples.len()];
            let mut send: Vec<&Sample> = Vec::with_capacity(samples.len());
            let mut texts = Vec::with_capacity(samples.len());
            let mut at = Vec::with_capacity(samples.len());
            for (i, s) in samples.iter().enumerate() {
                match self.request_text(s) {
                    Ok(t) => {
                        send.push(s);
                        texts.push(t);
                        at.push(i);
                    }
                    Err(msg) => outs[i] = Some(RewardOutput::error(format!("remote: {msg}"))),
                }
            }
            if !send.is_empty() {
                let n = send.len();
                let body = self.body(&send, texts).to_string();
                let got = match self
                    .client
                    .call(&body, deadline.instant(), |v| self.read(v, n))
                {
                    Ok(outs) => outs,
                    Err(CallError::TimedOut) => timeouts(n),
                    Err(CallError::Failed { message, attempts }) => errors(n, &message, attempts),
                };
                for (i, o) in at.into_iter().zip(got) {
                    outs[i] = Some(o);
                }
            }
            outs.into_iter()
                .map(|o| {
                    o.unwrap_or_else(|| RewardOutput::error("remote: internal error: lost result"))
                })
                .collect()
        }
    }

    fn prompt_text(s: &Sample) -> String {
        s.prompt
            .as_ref()
            .map(|p| p.text().into_owned())
            .unwrap_or_default()
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
        use crate::node::{BuildNode, Settings};
        use rewardkit_test::upstream::FakeUpstream;

        fn node(url: &str) -> RemoteNode {
            let mut spec = Remote::new(url, RemoteApi::VllmClassify);
            spec.backoff_ms = 1;
            spec.retries = 2;
            spec.request_timeout_ms = 2000;
            RemoteNode::new(spec, None)
        }

        const OK2: &str = r#"{"data":[{"index":1,"probs":[0.25]},{"index":0,"probs":[0.1,0.75]}]}"#;

        #[test]
        fn a_malformed_url_is_a_spec_error_naming_the_field() {
            let bad = Remote::new("http://exa mple.com/classify", RemoteApi::VllmClassify);
            match bad.build("reward.children[1]") {
                Err(crate::Error::Spec { path, kind }) => {
                    assert_eq!(path, "reward.children[1].url");
                    assert!(kind.to_string().contains("not a valid URL"), "{kind}");
                }
                other => panic!("unexpected {other:?}"),
            }
        }

        #[test]
        fn retries_5xx_then_succeeds_and_maps_by_index() {
            let up = FakeUpstream::start(vec![(503, "{}"), (500, "{}"), (200, OK2)], 10);
            let samples = vec![Sample::new("a"), Sample::new("b")];
            let settings = Settings::default();
            let outs = node(&up.url("/classify")).eval(&Batch::new(&samples, &settings));
            assert_eq!(up.requests(), 3);
            assert_eq!(outs[0].value, Some(0.75));
            assert_eq!(outs[1].value, Some(0.25));
            let body: Value = serde_json::from_str(&up.bodies()[0]).unwrap();
            assert_eq!(body, serde_json::json!({"input": ["a", "b"]}));
        }

        #[test]
        fn does_not_retry_4xx_and_reports_per_sample() {
            let up = FakeUpstream::start(vec![(400, r#"{"error":"bad"}"#)], 10);
            let samples = vec![Sample::new("a"), Sample::new("b")];
            let settings = Settings {
                error_value: Some(-1.0),
                ..Settings::default()
            };
            let outs = node(&up.url("/classify")).eval(&Batch::new(&samples, &settings));
            assert_eq!(up.requests(), 1);
            assert_eq!(outs.len(), 2);
            for o in &outs {
                assert_eq!(o.value, Some(-1.0));
                let e = o.info.error.as_deref().unwrap();
                assert!(e.contains("HTTP 400") && e.contains("1 attempt"), "{e}");
            }
        }

        #[test]
        fn gives_up_after_retries_and_on_wrong_length() {
            let up = FakeUpstream::start(vec![(502, "{}")], 10);
            let samples = vec![Sample::new("a")];
            let settings = Settings::default();
            let outs = node(&up.url("/classify")).eval(&Batch::new(&samples, &settings));
            assert_eq!(up.requests(), 3); // 1 + 2 retries
            assert!(outs[0].info.error.as_deref().unwrap().contains("HTTP 502"));

            let up = FakeUpstream::start(vec![(200, OK2)], 10);
            let samples = vec![Sample::new("a")];
            let outs = node(&up.url("/classify")).eval(&Batch::new(&samples, &settings));
            assert!(outs[0]
                .info
                .error
                .as_deref()
                .unwrap()
                .contains("2 `data` entries for 1"));
        }

        #[test]
        fn a_chat_template_renders_the_text_sent_and_a_raising_one_fails_only_its_sample() {
            use crate::{Message, Prompt};
            let up =
                FakeUpstream::start(vec![(200, r#"{"data":[{"index":0,"probs":[0.5]}]}"#)], 10);
            let mut spec = Remote::new(up.url("/classify"), RemoteApi::VllmClassify);
            spec.activation = Some(false);
            spec.chat_template = Some(crate::rewards::remote::ChatTemplateSpec {
                preset: Some("gemma".into()),
                ..Default::default()
            });
            let node = spec.build("reward").unwrap();
            let msg = |role: &str, content: &str| Message::new(role, content);
            let samples = vec![
                // Gemma's template refuses a system message: this sample's error, not sent.
                Sample {
                    prompt: Some(Prompt::Messages(vec![
                        msg("system", "Be brief."),
                        msg("user", "2+2?"),
                    ])),
                    ..Sample::new("4")
                },
                Sample::new(" 4").with_prompt("2+2?"),
            ];
            let settings = Settings::default();
            let outs = node.eval(&Batch::new(&samples, &settings));
            assert_eq!(outs.len(), 2);
            let e = outs[0].info.error.as_deref().unwrap();
            assert!(e.contains("System role not supported"), "{e}");
            assert_eq!(outs[1].value, Some(0.5));
            let body: Value = serde_json::from_str(&up.bodies()[0]).unwrap();
            assert_eq!(
                body,
                serde_json::json!({
                    "input": ["<bos><start_of_turn>user\n2+2?<end_of_turn>\n<start_of_turn>model\n4<end_of_turn>\n"],
                    "use_activation": false
                })
            );
        }

        #[test]
        fn chat_template_spec_errors_name_the_field() {
            let mut spec = Remote::new("http://127.0.0.1:9/x", RemoteApi::Rewardkit);
            spec.chat_template = Some(crate::rewards::remote::ChatTemplateSpec {
                preset: Some("chatml".into()),
                ..Default::default()
            });
            let e = spec.build("reward").unwrap_err().to_string();
            assert!(
                e.contains("reward.chat_template") && e.contains("rewardkit"),
                "{e}"
            );
            spec.api = RemoteApi::VllmClassify;
            spec.chat_template.as_mut().unwrap().jinja = Some("{{".into());
            let e = spec.build("reward").unwrap_err().to_string();
            assert!(e.contains("exactly one of"), "{e}");
            spec.chat_template.as_mut().unwrap().preset = None;
            let e = spec.build("reward").unwrap_err().to_string();
            assert!(e.contains("does not compile"), "{e}");
        }

        #[test]
        fn connection_refused_is_an_error_row() {
            let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
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
