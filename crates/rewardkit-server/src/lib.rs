//! # rewardkit-server
//!
//! An HTTP reward server over any rewardkit [`Pipeline`]: a drop-in for the reward servers
//! that RL trainers already call. The crate is a library (an [`axum::Router`]); the
//! `rewardkit serve` command runs it.
//!
//! | route | contract |
//! |---|---|
//! | `POST /get_reward` | OpenRLHF remote reward model: `{"query", "prompts", "labels"}` → `{"rewards", "scores", "extra_logs"}` |
//! | `POST /v1/score` | rewardkit's batch API: `{"samples": [Sample]}` → `{"results": [RewardOutput]}` |
//! | `POST /classify`, `POST /v1/classify` | vLLM / SGLang classification: `{"model", "input"}` → `{"data": [{"probs": [score]}]}` |
//! | `GET /v1/pipeline` | the pipeline's scope, component names and correctness component ([`PipelineInfo`]) |
//! | `GET /health` | liveness, load and saturation (503 while draining; `?ready=1`: 503 while saturated too) |
//! | `GET /metrics` | metrics, OpenMetrics text (Prometheus scrapes it) |
//!
//! ## Values on the wire
//!
//! The OpenRLHF and vLLM contracts need a number for every sample. A sample whose pipeline
//! abstained or failed (no value), or produced a non-finite number, gets
//! [`ServerConfig::missing_value`] (default `0.0`) and is flagged: `/get_reward` returns
//! `extra_logs.abstain`, `extra_logs.error` and `extra_logs.timeout` as 0/1 lists (a timeout
//! already carries the pipeline's `timeout_value`). `/v1/score` returns the full
//! [`RewardOutput`] instead, with `value: null` for an abstention.
//!
//! ## Limits
//!
//! Scoring runs on the rayon pool, never on the async runtime. Admission is bounded by a
//! semaphore counted in samples ([`ServerConfig::max_queue_samples`]): a request that does not
//! fit gets `503` with `Retry-After` at once, so memory and latency stay bounded under
//! overload. Bodies over [`ServerConfig::max_body_bytes`] get `413` (at once when the declared
//! `Content-Length` is over it), batches over [`ServerConfig::max_batch`] get `413`, a text
//! field over [`ServerConfig::max_field_bytes`] gets `413 field_too_large`, a body that does
//! not arrive within [`ServerConfig::body_read_timeout`] gets `408`. Every error is JSON
//! `{"error": {"code", "message"}}`, protocol-level ones included (see [`serve`]).
//!
//! ## Fair scheduling and deadlines
//!
//! A request is cut into units (one sample, or one group for group-scoped pipelines, or the
//! whole request for batch-scoped ones) and the scoring threads take units round-robin across
//! requests, so a small request is not stuck behind a large slow one. Each request has a
//! scoring deadline ([`ServerConfig::request_timeout`], counted from admission): when it
//! passes the request is answered at once, and samples not scored by then get the pipeline's
//! `timeout_value` with `info.timeout = true` (a sample already being scored finishes within
//! the pipeline's own `timeout_ms`; its result is dropped). `GET /health` reports the queue,
//! the busy scoring threads and `saturated` ([`AppState::load`]).
//!
//! ```
//! use rewardkit_core::PipelineSpec;
//! use rewardkit_server::{router, AppState, ServerConfig};
//! use std::sync::Arc;
//!
//! let spec = PipelineSpec::from_json(
//!     r#"{"schema_version": 1, "reward": {"type": "constant", "value": 1.0}}"#,
//! )?;
//! let state = AppState::new(Arc::new(spec.build()?), ServerConfig::default());
//! let app: axum::Router = router(state);
//! # let _ = app;
//! # Ok::<(), rewardkit_core::Error>(())
//! ```
//!
//! ## Features
//!
//! | feature | default | what |
//! |---|---|---|
//! | (none) | | the server has no optional parts; the `remote` reward function is enabled by whoever builds the pipeline (`rewardkit-core/remote`, on in the `rewardkit` binary) |

// A library never prints: outcomes are data, logs go through `tracing` (server) or the caller.
#![warn(clippy::print_stdout, clippy::print_stderr)]

mod api;
mod error;
mod extract;
mod metrics;
mod middleware;
mod protocol;
mod sched;

pub use error::{ApiError, ErrorCode};
pub use metrics::Metrics;

use axum::routing::{get, post};
use axum::Router;
use rewardkit_core::node::Scope;
use rewardkit_core::{Pipeline, RewardOutput, Sample};
use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Semaphore;

/// The longest timeout [`ServerConfig::validate`] accepts (one day).
pub const MAX_TIMEOUT: Duration = Duration::from_secs(86_400);

/// A request waiting this long for a scoring thread makes the server report itself
/// saturated.
pub const SATURATED_AFTER: Duration = Duration::from_secs(1);

/// Limits and options of the server.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Largest request body accepted, in bytes (413 above). Default 32 MiB.
    pub max_body_bytes: usize,
    /// Largest number of samples in one request (413 above). Default 4096.
    pub max_batch: usize,
    /// Samples admitted (queued or being scored) at once; a request that would exceed it gets
    /// 503 with `Retry-After`. Default 16384.
    pub max_queue_samples: usize,
    /// Bearer token required on every route but `/health` (`None`: no authentication).
    pub token: Option<String>,
    /// How long shutdown waits for in-flight requests. Default 30 s.
    pub drain_timeout: Duration,
    /// Seconds sent in `Retry-After` with a 503. Default 1.
    pub retry_after_secs: u64,
    /// Model name reported by `/classify` when the request names none.
    pub model_name: String,
    /// Connections open at once; more are closed at accept. Default 4096.
    pub max_connections: usize,
    /// Time a connection has to send a request's headers (also the idle keep-alive
    /// limit). Default 30 s.
    pub header_read_timeout: Duration,
    /// Number sent for a sample without a value (abstention, error, non-finite) on the
    /// OpenRLHF and vLLM routes; must be finite. Default 0.0.
    pub missing_value: f64,
    /// Largest text field of a sample, in bytes (completion, prompt, reference, ...): a
    /// request with a longer one gets `413 field_too_large`. Default 1 MiB.
    pub max_field_bytes: usize,
    /// Time a request's body has to arrive, from the moment the handler starts reading it
    /// (`408` and the connection is closed after it). Default 60 s.
    pub body_read_timeout: Duration,
    /// Scoring deadline of a request, from admission: samples not scored by then get the
    /// pipeline's `timeout_value` and `info.timeout = true`. Default 60 s.
    pub request_timeout: Duration,
    /// Cut requests into per-sample (or per-group) units scheduled round-robin across
    /// requests (default `true`). `false` scores each request as one unit, which keeps the
    /// batching of a `remote` reward function intact at the price of fairness.
    pub split_requests: bool,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            max_body_bytes: 32 << 20,
            max_batch: 4096,
            max_queue_samples: 16384,
            token: None,
            drain_timeout: Duration::from_secs(30),
            retry_after_secs: 1,
            model_name: "rewardkit".into(),
            max_connections: 4096,
            header_read_timeout: Duration::from_secs(30),
            missing_value: 0.0,
            max_field_bytes: 1 << 20,
            body_read_timeout: Duration::from_secs(60),
            request_timeout: Duration::from_secs(60),
            split_requests: true,
        }
    }
}

impl ServerConfig {
    /// Checks the configuration: limits at least 1, timeouts positive and at most
    /// [`MAX_TIMEOUT`] (the drain timeout may be 0), a finite `missing_value`, a token that is
    /// not empty and has no whitespace or control characters. [`serve`] refuses an invalid
    /// configuration.
    pub fn validate(&self) -> Result<(), String> {
        for (name, v) in [
            ("max_body_bytes", self.max_body_bytes),
            ("max_batch", self.max_batch),
            ("max_queue_samples", self.max_queue_samples),
            ("max_connections", self.max_connections),
            ("max_field_bytes", self.max_field_bytes),
        ] {
            if v == 0 {
                return Err(format!("{name} must be at least 1"));
            }
        }
        for (name, d, zero_ok) in [
            ("header_read_timeout", self.header_read_timeout, false),
            ("body_read_timeout", self.body_read_timeout, false),
            ("request_timeout", self.request_timeout, false),
            ("drain_timeout", self.drain_timeout, true),
        ] {
            if (d.is_zero() && !zero_ok) || d > MAX_TIMEOUT {
                return Err(format!(
                    "{name} must be {} and at most {} s; got {} s",
                    if zero_ok { "at least 0" } else { "above 0" },
                    MAX_TIMEOUT.as_secs(),
                    d.as_secs_f64()
                ));
            }
        }
        if !self.missing_value.is_finite() {
            return Err(format!(
                "missing_value must be a finite number; got {}",
                self.missing_value
            ));
        }
        if let Some(t) = &self.token {
            check_token(t)?;
        }
        Ok(())
    }
}

/// A bearer token must be non-empty and printable without spaces (it travels in a header).
pub fn check_token(t: &str) -> Result<(), String> {
    if t.is_empty() {
        return Err("the token is empty; an empty token would disable authentication (unset it to run without one)".into());
    }
    if !t.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(
            "the token must be printable ASCII without spaces or control characters".into(),
        );
    }
    Ok(())
}

/// The load of the scoring queue, as `GET /health` reports it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Load {
    /// Samples admitted and waiting for a scoring thread.
    pub waiting_samples: i64,
    /// Samples admitted (waiting or being scored).
    pub admitted_samples: i64,
    /// [`ServerConfig::max_queue_samples`].
    pub capacity: usize,
    /// Scoring threads busy now.
    pub busy_workers: i64,
    /// Scoring threads in all.
    pub workers: usize,
    /// How long the oldest request with samples not yet started has waited, in ms.
    pub oldest_wait_ms: u64,
    /// The queue is full (the next request gets 503) or a request has waited
    /// [`SATURATED_AFTER`] or more for a scoring thread.
    pub saturated: bool,
}

/// Shared state of the server: the pipeline, the limits, the admission queue and metrics.
#[derive(Debug, Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    pipeline: Arc<Pipeline>,
    config: ServerConfig,
    queue: Arc<Semaphore>,
    metrics: Metrics,
    draining: AtomicBool,
    sched: sched::Scheduler,
    info: PipelineInfo,
}

/// What the server tells clients about its pipeline (`GET /v1/pipeline`), and what keeps the
/// OpenRLHF answer the same shape for every request.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PipelineInfo {
    /// `sample`, `group` or `batch` ([`Scope`]).
    pub scope: &'static str,
    /// Every component name the pipeline can produce
    /// ([`rewardkit_core::log_keys::component_names`]); `None` when the state was built
    /// without its spec ([`AppState::new`]): `/get_reward` then logs the components each
    /// request's samples have.
    pub components: Option<Vec<String>>,
    /// The correctness component (`""`: the pipeline's own value;
    /// [`rewardkit_core::log_keys::correctness`]): OpenRLHF's 0–1 `scores`. `None`: no
    /// correctness signal (or no spec), and `scores` are the rewards.
    pub correctness: Option<String>,
}

fn scope_name(scope: Scope) -> &'static str {
    match scope {
        Scope::Sample => "sample",
        Scope::Group => "group",
        Scope::Batch => "batch",
    }
}

impl AppState {
    /// State for a built pipeline.
    pub fn new(pipeline: Arc<Pipeline>, config: ServerConfig) -> Self {
        let pipeline_scope = pipeline.scope();
        let permits = config.max_queue_samples.clamp(1, Semaphore::MAX_PERMITS);
        AppState {
            inner: Arc::new(Inner {
                pipeline,
                queue: Arc::new(Semaphore::new(permits)),
                config,
                metrics: Metrics::default(),
                draining: AtomicBool::new(false),
                sched: sched::Scheduler::default(),
                info: PipelineInfo {
                    scope: scope_name(pipeline_scope),
                    components: None,
                    correctness: None,
                },
            }),
        }
    }

    /// The state for a pipeline built from `spec`: as [`AppState::new`], and the spec's
    /// component names and correctness component are known ([`PipelineInfo`]), so that every
    /// `/get_reward` answer has the same `extra_logs` keys and `scores` is the correctness
    /// signal.
    pub fn with_spec(
        spec: &rewardkit_core::PipelineSpec,
        pipeline: Arc<Pipeline>,
        config: ServerConfig,
    ) -> Self {
        use rewardkit_core::log_keys;
        let mut st = Self::new(pipeline, config);
        if let Some(inner) = Arc::get_mut(&mut st.inner) {
            inner.info.components = Some(log_keys::component_names(spec));
            inner.info.correctness = log_keys::correctness(spec).map(|c| match c {
                log_keys::Correctness::Root => String::new(),
                log_keys::Correctness::Component(n) => n,
            });
        }
        st
    }

    /// What the server knows about its pipeline.
    pub fn info(&self) -> &PipelineInfo {
        &self.inner.info
    }

    /// The configuration.
    pub fn config(&self) -> &ServerConfig {
        &self.inner.config
    }

    /// The metrics.
    pub fn metrics(&self) -> &Metrics {
        &self.inner.metrics
    }

    /// The pipeline.
    pub fn pipeline(&self) -> &Arc<Pipeline> {
        &self.inner.pipeline
    }

    /// Marks the server as draining: `/health` answers 503 from now on.
    pub fn set_draining(&self) {
        self.inner.draining.store(true, Ordering::SeqCst);
    }

    /// Whether the server is draining.
    pub fn is_draining(&self) -> bool {
        self.inner.draining.load(Ordering::SeqCst)
    }

    /// The load of the scoring queue and whether the server is saturated.
    pub fn load(&self) -> Load {
        let m = &self.inner.metrics;
        let oldest = self.inner.sched.oldest_wait();
        let full = self.inner.queue.available_permits() == 0;
        Load {
            waiting_samples: m.queue_depth().max(0),
            admitted_samples: m.admitted_samples().max(0),
            capacity: self.inner.config.max_queue_samples,
            busy_workers: m.busy_workers().max(0),
            workers: rayon::current_num_threads(),
            oldest_wait_ms: u64::try_from(oldest.as_millis()).unwrap_or(u64::MAX),
            saturated: full || oldest >= SATURATED_AFTER,
        }
    }

    pub(crate) fn scheduler(&self) -> &sched::Scheduler {
        &self.inner.sched
    }

    /// Gives `n` admitted samples' queue slots back.
    pub(crate) fn release(&self, n: usize) {
        self.inner.metrics.release(n);
        self.inner.queue.add_permits(n);
    }

    /// Scores samples on the rayon pool under the admission limit, fairly interleaved with
    /// other requests (see the crate docs), answering by the request deadline.
    ///
    /// Errors: `413` over [`ServerConfig::max_batch`], `503` when the queue is full.
    pub async fn score(&self, samples: Vec<Sample>) -> Result<Vec<RewardOutput>, ApiError> {
        let cfg = &self.inner.config;
        let max = cfg.max_batch.min(cfg.max_queue_samples);
        if samples.len() > max {
            return Err(ApiError::batch_too_large(samples.len(), max));
        }
        if samples.is_empty() {
            return Ok(Vec::new());
        }
        let n = samples.len();
        let metrics = &self.inner.metrics;
        let Ok(permit) = self
            .inner
            .queue
            .try_acquire_many(u32::try_from(n).unwrap_or(u32::MAX))
        else {
            metrics.overloaded();
            return Err(ApiError::overloaded(cfg.retry_after_secs));
        };
        // The slots come back unit by unit, as units are scored or dropped.
        permit.forget();
        let deadline = Instant::now().checked_add(cfg.request_timeout);
        let pipeline = &self.inner.pipeline;
        let scope = if cfg.split_requests {
            pipeline.scope()
        } else {
            Scope::Batch
        };
        let (job, done) = sched::Job::new(samples, scope, pipeline.settings());
        metrics.enqueue(n);
        self.inner.sched.push(job.clone());
        for _ in 0..job.units() {
            let st = self.clone();
            rayon::spawn(move || sched::run_one(&st));
        }
        let mut guard = Abandon {
            state: self,
            job: &job,
            armed: true,
        };
        let finished = match deadline {
            Some(d) => tokio::time::timeout_at(tokio::time::Instant::from_std(d), done)
                .await
                .is_ok(),
            None => {
                let _ = done.await;
                true
            }
        };
        guard.armed = false;
        if !finished {
            self.cancel(&job);
            metrics.request_deadline();
            tracing::warn!(
                samples = n,
                timeout = ?cfg.request_timeout,
                "request deadline reached; unscored samples get the timeout value"
            );
        }
        metrics.request_scored();
        let settings = pipeline.settings();
        let mut missing = Vec::new();
        let outs: Vec<RewardOutput> = job
            .take_results()
            .into_iter()
            .map(|o| {
                o.unwrap_or_else(|| {
                    let o = if finished {
                        let mut o = RewardOutput::error("internal error: lost result");
                        o.value = settings.error_value;
                        o
                    } else {
                        let mut o = RewardOutput::timeout().with_reason(
                            "the request's scoring deadline passed before this sample was scored",
                        );
                        o.value = Some(settings.timeout_value);
                        o
                    };
                    missing.push(o.clone());
                    o
                })
            })
            .collect();
        if !missing.is_empty() {
            metrics.count_outputs(&missing);
        }
        let mut outs = outs;
        sanitize(&mut outs, settings.error_value);
        Ok(outs)
    }

    /// Cancels a request's remaining work and gives its queue slots back.
    fn cancel(&self, job: &Arc<sched::Job>) {
        let m = &self.inner.metrics;
        self.inner.sched.cancel(job, |n| {
            m.dequeue(n);
            self.release(n);
        });
    }
}

/// Cancels a request whose handler was dropped (the client went away) before it was answered.
struct Abandon<'a> {
    state: &'a AppState,
    job: &'a Arc<sched::Job>,
    armed: bool,
}

impl Drop for Abandon<'_> {
    fn drop(&mut self) {
        if self.armed {
            self.state.cancel(self.job);
            self.state.inner.metrics.request_scored();
        }
    }
}

/// Turns non-finite values into errors so that every value on the wire is valid JSON.
fn sanitize(outs: &mut [RewardOutput], error_value: Option<f64>) {
    for o in outs {
        if o.value.is_some_and(|v| !v.is_finite()) {
            o.value = error_value;
            o.info.error = Some("reward function returned a non-finite value".into());
        }
        for v in o.components.values_mut() {
            if v.is_some_and(|x| !x.is_finite()) {
                *v = None;
            }
        }
    }
}

/// The router with every route and middleware.
pub fn router(state: AppState) -> Router {
    let api = Router::new()
        .route("/get_reward", post(api::get_reward))
        .route("/v1/score", post(api::score))
        .route("/v1/pipeline", get(api::pipeline_info))
        .route("/classify", post(api::classify))
        .route("/v1/classify", post(api::classify))
        .route("/metrics", get(api::metrics))
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::auth,
        ));
    Router::new()
        .route("/health", get(api::health))
        .merge(api)
        .fallback(api::not_found)
        .layer(axum::extract::DefaultBodyLimit::max(
            state.inner.config.max_body_bytes,
        ))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            middleware::panic_response,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::declared_length,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::observe,
        ))
        .layer(middleware::trace_layer())
        .layer(tower_http::request_id::PropagateRequestIdLayer::new(
            axum::http::HeaderName::from_static(middleware::REQUEST_ID),
        ))
        .layer(tower_http::request_id::SetRequestIdLayer::new(
            axum::http::HeaderName::from_static(middleware::REQUEST_ID),
            middleware::RequestIds,
        ))
        .layer(axum::middleware::from_fn(middleware::sanitize_request_id))
        .with_state(state)
}

/// Serves `state` on `listener` until `shutdown` resolves, then stops accepting, lets
/// in-flight requests finish for at most [`ServerConfig::drain_timeout`], and returns.
///
/// HTTP/1.1 with keep-alive. A connection must send its request headers within
/// [`ServerConfig::header_read_timeout`] (idle keep-alive connections are closed after it, and
/// slow-header clients cannot hold sockets forever; such a connection is closed without an
/// answer) and the body within [`ServerConfig::body_read_timeout`] (`408`); at most
/// [`ServerConfig::max_connections`] connections are open at once (more are closed at
/// accept). An accept error (e.g. out of file descriptors) pauses accepting briefly instead of
/// ending the server.
///
/// Malformed requests that the HTTP parser rejects before any handler runs (bad request line,
/// bad header or `Content-Length`: 400; URI over 65,534 bytes: 414; more than 100 headers or a
/// header section over about 400 KiB: 431) are answered with the same JSON error shape as
/// every other error (codes `bad_request`, `uri_too_long`, `headers_too_large`) and the
/// connection is closed. A connection that ends in the middle of a request head gets no
/// answer.
///
/// Errors: an invalid configuration ([`ServerConfig::validate`]) is an
/// [`std::io::ErrorKind::InvalidInput`] error before anything is served.
pub async fn serve<F>(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: F,
) -> std::io::Result<()>
where
    F: Future<Output = ()> + Send + 'static,
{
    use hyper_util::rt::{TokioIo, TokioTimer};
    state
        .config()
        .validate()
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))?;
    let app = router(state.clone());
    let cfg = state.config().clone();
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let conns = Arc::new(Semaphore::new(
        cfg.max_connections.clamp(1, Semaphore::MAX_PERMITS),
    ));
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(cfg.header_read_timeout)
        .keep_alive(true);
    tokio::pin!(shutdown);
    loop {
        let (stream, _peer) = tokio::select! {
            () = &mut shutdown => break,
            r = listener.accept() => match r {
                Ok(c) => c,
                Err(e) => {
                    tracing::warn!(error = %e, "accept failed; pausing 50 ms");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let Ok(permit) = conns.clone().try_acquire_owned() else {
            state.metrics().connection_rejected();
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let svc = hyper_util::service::TowerToHyperService::new(app.clone());
        let io = protocol::JsonErrors::new(stream, state.clone());
        let conn = graceful.watch(http.serve_connection(TokioIo::new(io), svc));
        tokio::spawn(async move {
            let _ = conn.await;
            drop(permit);
        });
    }
    drop(listener);
    state.set_draining();
    tracing::info!("shutting down: no new connections; draining in-flight requests");
    let drain = cfg.drain_timeout;
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(drain) => {
            tracing::warn!(?drain, "drain timeout reached; exiting with requests still in flight");
        }
    }
    let m = state.metrics();
    tracing::info!(
        requests_started = m.requests_started(),
        requests_finished = m.requests_finished(),
        "server stopped"
    );
    Ok(())
}
