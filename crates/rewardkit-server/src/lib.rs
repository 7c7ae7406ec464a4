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
//! | `GET /health` | liveness and readiness (503 while draining) |
//! | `GET /metrics` | Prometheus text |
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
//! overload. Bodies over [`ServerConfig::max_body_bytes`] get `413`, batches over
//! [`ServerConfig::max_batch`] get `413`. Every error is JSON `{"error": {"code", "message"}}`.
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

mod api;
mod error;
mod extract;
mod metrics;
mod middleware;

pub use error::ApiError;
pub use metrics::Metrics;

use axum::routing::{get, post};
use axum::Router;
use rewardkit_core::{Pipeline, RewardOutput, Sample};
use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;

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
    /// OpenRLHF and vLLM routes. Default 0.0.
    pub missing_value: f64,
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
        }
    }
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
}

impl AppState {
    /// State for a built pipeline.
    pub fn new(pipeline: Arc<Pipeline>, config: ServerConfig) -> Self {
        let permits = config.max_queue_samples.clamp(1, Semaphore::MAX_PERMITS);
        AppState {
            inner: Arc::new(Inner {
                pipeline,
                queue: Arc::new(Semaphore::new(permits)),
                config,
                metrics: Metrics::default(),
                draining: AtomicBool::new(false),
            }),
        }
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

    /// Scores samples on the rayon pool under the admission limit.
    ///
    /// Errors: `413` over [`ServerConfig::max_batch`], `503` when the queue is full, `500` if
    /// the pipeline panicked outside a reward function.
    pub async fn score(&self, samples: Vec<Sample>) -> Result<Vec<RewardOutput>, ApiError> {
        let cfg = &self.inner.config;
        let max = cfg.max_batch.min(cfg.max_queue_samples);
        if samples.len() > max {
            return Err(ApiError::batch_too_large(samples.len(), max));
        }
        if samples.is_empty() {
            return Ok(Vec::new());
        }
        let n = u32::try_from(samples.len()).unwrap_or(u32::MAX);
        let metrics = &self.inner.metrics;
        let permit = match self.inner.queue.clone().try_acquire_many_owned(n) {
            Ok(p) => p,
            Err(_) => {
                metrics.overloaded();
                return Err(ApiError::overloaded(cfg.retry_after_secs));
            }
        };
        metrics.enqueue(samples.len());
        let (tx, rx) = tokio::sync::oneshot::channel();
        let state = self.clone();
        rayon::spawn(move || {
            let m = &state.inner.metrics;
            m.start_scoring(samples.len());
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let mut outs = state.inner.pipeline.score(&samples);
                sanitize(&mut outs, state.inner.pipeline.settings().error_value);
                outs
            }));
            m.end_scoring();
            if let Ok(outs) = &r {
                m.count_outputs(outs);
            }
            drop(permit);
            // The receiver may be gone (client disconnected); the work is done either way.
            let _ = tx.send(r);
        });
        match rx.await {
            Ok(Ok(outs)) => Ok(outs),
            Ok(Err(_)) => {
                tracing::error!("pipeline panicked outside a reward function");
                Err(ApiError::internal())
            }
            Err(_) => Err(ApiError::internal()),
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
            middleware::observe,
        ))
        .with_state(state)
}

/// Serves `state` on `listener` until `shutdown` resolves, then stops accepting, lets
/// in-flight requests finish for at most [`ServerConfig::drain_timeout`], and returns.
///
/// HTTP/1.1 with keep-alive. A connection must send its request headers within
/// [`ServerConfig::header_read_timeout`] (idle keep-alive connections are closed after it, and
/// slow-header clients cannot hold sockets forever); at most
/// [`ServerConfig::max_connections`] connections are open at once (more are closed at
/// accept). An accept error (e.g. out of file descriptors) pauses accepting briefly instead of
/// ending the server.
pub async fn serve<F>(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: F,
) -> std::io::Result<()>
where
    F: Future<Output = ()> + Send + 'static,
{
    use hyper_util::rt::{TokioIo, TokioTimer};
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
        let conn = graceful.watch(http.serve_connection(TokioIo::new(stream), svc));
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
