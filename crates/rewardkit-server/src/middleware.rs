//! Middleware: request ids (tower-http's `SetRequestId` / `PropagateRequestId` with
//! [`RequestIds`]), the request span and access log (tower-http's `Trace`, see
//! [`trace_layer`]), metrics and the JSON error shape ([`observe`]), the early body-size check
//! ([`declared_length`]), bearer-token auth ([`auth`]) and the last-resort panic handler
//! ([`panic_response`]).

use crate::metrics::OTHER_ROUTE;
use crate::{ApiError, AppState};
use axum::body::Body;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};
use subtle::ConstantTimeEq;
use tower_http::classify::{ServerErrorsAsFailures, SharedClassifier};
use tower_http::request_id::{MakeRequestId, RequestId};
use tower_http::trace::TraceLayer;
use tracing::Span;

/// The request-id header, read from clients and echoed on every answer.
pub(crate) const REQUEST_ID: &str = "x-request-id";

/// Makes request ids: a per-process prefix and a counter (`5f3a9c10-42`), short and unique
/// within a process and, with high probability, across restarts.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct RequestIds;

impl MakeRequestId for RequestIds {
    fn make_request_id<B>(&mut self, _req: &axum::http::Request<B>) -> Option<RequestId> {
        static PREFIX: OnceLock<u32> = OnceLock::new();
        static NEXT: AtomicU64 = AtomicU64::new(1);
        let prefix = PREFIX.get_or_init(|| {
            let t = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.subsec_nanos() ^ (d.as_secs() as u32))
                .unwrap_or(0);
            t ^ std::process::id().rotate_left(16)
        });
        let id = format!("{prefix:08x}-{}", NEXT.fetch_add(1, Ordering::Relaxed));
        HeaderValue::from_str(&id).ok().map(RequestId::new)
    }
}

/// Drops a client-sent `x-request-id` that is empty, longer than 128 bytes or not printable
/// ASCII, so that `SetRequestId` makes a fresh one (ids end up in every log line).
pub(crate) async fn sanitize_request_id(mut req: Request, next: Next) -> Response {
    let ok = match req.headers().get(REQUEST_ID) {
        None => true,
        Some(v) => {
            let b = v.as_bytes();
            !b.is_empty() && b.len() <= 128 && b.iter().all(u8::is_ascii_graphic)
        }
    };
    if !ok {
        req.headers_mut().remove(REQUEST_ID);
    }
    next.run(req).await
}

/// The `route` label and span field of a request: the route it matched, or `other`.
fn route_of<B>(req: &axum::http::Request<B>) -> String {
    req.extensions()
        .get::<MatchedPath>()
        .map_or(OTHER_ROUTE, MatchedPath::as_str)
        .to_string()
}

/// tower-http's trace layer as configured by [`trace_layer`].
pub(crate) type AccessLog = TraceLayer<
    SharedClassifier<ServerErrorsAsFailures>,
    fn(&axum::http::Request<Body>) -> Span,
    (),
    fn(&Response, Duration, &Span),
    (),
    (),
    (),
>;

/// The access log: one span per request carrying its id, method and route; one event per
/// answer (DEBUG for 2xx/3xx, INFO for 4xx, WARN for 5xx, with status and microseconds).
/// Request bodies are never logged; the cause of a 5xx is logged where it happens (once).
pub(crate) fn trace_layer() -> AccessLog {
    TraceLayer::new_for_http()
        .make_span_with(request_span as fn(&axum::http::Request<Body>) -> Span)
        .on_request(())
        .on_response(log_answer as fn(&Response, Duration, &Span))
        .on_body_chunk(())
        .on_eos(())
        .on_failure(())
}

fn request_span(req: &axum::http::Request<Body>) -> Span {
    let id = req
        .headers()
        .get(REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-");
    tracing::info_span!("request", id = %id, method = %req.method(), route = %route_of(req))
}

fn log_answer(resp: &Response, latency: Duration, _span: &Span) {
    let status = resp.status().as_u16();
    let micros = u64::try_from(latency.as_micros()).unwrap_or(u64::MAX);
    if resp.status().is_server_error() {
        tracing::warn!(status, micros, "answered");
    } else if resp.status().is_client_error() {
        tracing::info!(status, micros, "answered");
    } else {
        tracing::debug!(status, micros, "answered");
    }
}

/// Records metrics (by matched route and status) and turns any error response that is not
/// yet JSON (404, 405, 413 from the body limit, ...) into the JSON error shape.
pub(crate) async fn observe(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let start = Instant::now();
    let route = route_of(&req);
    let metrics = state.metrics();
    metrics.request_started();
    let mut resp = next.run(req).await;
    let status = resp.status();
    if (status.is_client_error() || status.is_server_error()) && !is_json(&resp) {
        let retry = resp.headers().get(header::RETRY_AFTER).cloned();
        resp = ApiError::from_status(status).into_response();
        if let Some(r) = retry {
            resp.headers_mut().insert(header::RETRY_AFTER, r);
        }
    }
    metrics.request_finished(&route, status.as_u16(), start.elapsed());
    resp
}

fn is_json(resp: &Response) -> bool {
    resp.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"))
}

/// Answers `413` before reading a byte of the body when the declared `Content-Length` is over
/// [`crate::ServerConfig::max_body_bytes`] (on every route), and closes the connection.
pub(crate) async fn declared_length(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    let max = state.config().max_body_bytes;
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if let Some(len) = declared.filter(|&l| l > max as u64) {
        return ApiError::declared_body_too_large(len, max).into_response();
    }
    next.run(req).await
}

/// Requires `Authorization: Bearer <token>` when a token is configured; the comparison takes
/// the same time wherever the first difference is (subtle).
pub(crate) async fn auth(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if let Some(token) = &state.config().token {
        let ok = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.as_bytes().strip_prefix(b"Bearer "))
            .is_some_and(|t| bool::from(t.ct_eq(token.as_bytes())));
        if !ok {
            let mut r = ApiError::unauthorized().into_response();
            r.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            return r;
        }
    }
    next.run(req).await
}

/// Answers a panicking handler with a generic 500; the panic's message is the logged cause.
pub(crate) fn panic_response(p: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let msg = p
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    ApiError::internal(format!("handler panicked: {msg}")).into_response()
}
