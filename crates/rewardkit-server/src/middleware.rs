//! Middleware: request ids, logs and metrics ([`observe`]), the early body-size check
//! ([`declared_length`]), bearer-token auth ([`auth`]) and the last-resort panic handler
//! ([`panic_response`]).

use crate::metrics::{route_index, ROUTES};
use crate::{ApiError, AppState};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::Instant;
use subtle::ConstantTimeEq;
use tracing::Instrument;

const REQUEST_ID: &str = "x-request-id";

/// A new request id: a per-process prefix and a counter.
fn new_request_id() -> String {
    static PREFIX: OnceLock<u32> = OnceLock::new();
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let prefix = PREFIX.get_or_init(|| {
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos() ^ (d.as_secs() as u32))
            .unwrap_or(0);
        t ^ std::process::id().rotate_left(16)
    });
    format!("{prefix:08x}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// A client-sent request id, if it is short and printable.
fn client_request_id(v: &HeaderValue) -> Option<String> {
    let s = v.to_str().ok()?;
    (!s.is_empty() && s.len() <= 128 && s.bytes().all(|b| b.is_ascii_graphic())).then(|| s.into())
}

/// Assigns a request id (or keeps the client's `x-request-id`), runs the request inside a
/// tracing span that carries it, records metrics, echoes the id, and turns any error response
/// that is not yet JSON (404, 405, 413 from the body limit, ...) into the JSON error shape.
/// Request bodies are never logged.
pub(crate) async fn observe(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let start = Instant::now();
    let id = req
        .headers()
        .get(REQUEST_ID)
        .and_then(client_request_id)
        .unwrap_or_else(new_request_id);
    let route = route_index(req.uri().path());
    let method = req.method().clone();
    let metrics = state.metrics();
    metrics.request_started();
    let span = tracing::info_span!("request", id = %id, method = %method, route = ROUTES[route]);
    let mut resp = next.run(req).instrument(span.clone()).await;
    let status = resp.status();
    if (status.is_client_error() || status.is_server_error()) && !is_json(&resp) {
        let retry = resp.headers().get(header::RETRY_AFTER).cloned();
        resp = ApiError::from_status(status).into_response();
        if let Some(r) = retry {
            resp.headers_mut().insert(header::RETRY_AFTER, r);
        }
    }
    if let Ok(v) = HeaderValue::from_str(&id) {
        resp.headers_mut().insert(REQUEST_ID, v);
    }
    let elapsed = start.elapsed();
    metrics.request_finished(route, status.as_u16(), elapsed);
    let micros = elapsed.as_micros() as u64;
    span.in_scope(|| {
        if status.is_server_error() {
            tracing::warn!(status = status.as_u16(), micros, "answered");
        } else if status.is_client_error() {
            tracing::info!(status = status.as_u16(), micros, "answered");
        } else {
            tracing::debug!(status = status.as_u16(), micros, "answered");
        }
    });
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

/// Answers a panicking handler with a generic 500 (the panic itself is logged, not sent).
pub(crate) fn panic_response(p: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let msg = p
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    tracing::error!(panic = %msg, "handler panicked");
    ApiError::internal().into_response()
}
