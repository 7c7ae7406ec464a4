//! The one error shape of the server: `{"error": {"code", "message"}}`.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// An error answered to the client: an HTTP status, a stable machine-readable `code` and a
/// human-readable `message`. Client faults are 4xx with a precise message; anything else is
/// a 5xx with a generic message (details go to the log, not to the client).
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// Stable code, e.g. `invalid_json`, `invalid_request`, `overloaded`.
    pub code: &'static str,
    /// What went wrong.
    pub message: String,
    /// Seconds for a `Retry-After` header (503 only).
    pub retry_after: Option<u64>,
    /// Whether the connection is closed after the answer (`Connection: close`): set when the
    /// request body was not read to its end (body timeout, declared length over the limit).
    pub close: bool,
}

impl ApiError {
    /// An error with a status, code and message.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
            retry_after: None,
            close: false,
        }
    }

    /// 400: the body is not JSON.
    pub fn invalid_json(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "invalid_json", message)
    }

    /// 422: well-formed JSON of the wrong shape (types, unknown fields, list lengths).
    pub fn invalid_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_request", message)
    }

    /// 413: too many samples in one request.
    pub fn batch_too_large(n: usize, max: usize) -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "batch_too_large",
            format!("{n} samples in one request; the limit is {max}"),
        )
    }

    /// 413: one text field of a sample is over [`crate::ServerConfig::max_field_bytes`].
    pub fn field_too_large(path: &str, len: usize, max: usize) -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "field_too_large",
            format!("`{path}` is {len} bytes; the limit per text field is {max} bytes"),
        )
    }

    /// 413 before the body is read: the declared `Content-Length` is over the limit. The
    /// connection is closed after the answer.
    pub fn declared_body_too_large(len: u64, max: usize) -> Self {
        ApiError {
            close: true,
            ..Self::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                format!("declared Content-Length {len} is over the body limit of {max} bytes"),
            )
        }
    }

    /// 413 while reading: the body grew over the limit. The connection is closed after the
    /// answer.
    pub fn body_too_large(max: usize) -> Self {
        ApiError {
            close: true,
            ..Self::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                format!("request body over the limit of {max} bytes"),
            )
        }
    }

    /// 408: the body did not arrive in time. The connection is closed after the answer.
    pub fn body_timeout(limit: std::time::Duration) -> Self {
        ApiError {
            close: true,
            ..Self::new(
                StatusCode::REQUEST_TIMEOUT,
                "body_timeout",
                format!(
                    "the request body did not arrive within {} s",
                    limit.as_secs_f64()
                ),
            )
        }
    }

    /// 400: the body could not be read (bad chunked encoding, connection error).
    pub fn unreadable_body(detail: impl std::fmt::Display) -> Self {
        ApiError {
            close: true,
            ..Self::new(
                StatusCode::BAD_REQUEST,
                "bad_request",
                format!("could not read the request body: {detail}"),
            )
        }
    }

    /// 503 with `Retry-After`: the queue is full.
    pub fn overloaded(retry_after: u64) -> Self {
        ApiError {
            retry_after: Some(retry_after),
            ..Self::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "overloaded",
                "the server is at capacity; retry later",
            )
        }
    }

    /// 401: missing or wrong bearer token.
    pub fn unauthorized() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "missing or invalid bearer token",
        )
    }

    /// 500 with a generic message.
    pub fn internal() -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "internal server error",
        )
    }

    /// The generic error for a status that has no more specific one.
    pub fn from_status(status: StatusCode) -> Self {
        let (code, message) = match status.as_u16() {
            400 => ("bad_request", "bad request"),
            401 => ("unauthorized", "missing or invalid bearer token"),
            404 => ("not_found", "no such route"),
            405 => ("method_not_allowed", "method not allowed on this route"),
            408 => ("timeout", "request timed out"),
            411 => ("length_required", "Content-Length required"),
            414 => ("uri_too_long", "request URI too long"),
            431 => ("headers_too_large", "request headers too large"),
            413 => ("payload_too_large", "request body too large"),
            415 => ("unsupported_media_type", "unsupported media type"),
            422 => ("invalid_request", "invalid request"),
            503 => ("unavailable", "service unavailable"),
            s if s < 500 => ("bad_request", "bad request"),
            _ => ("internal", "internal server error"),
        };
        Self::new(status, code, message)
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {}: {}",
            self.status.as_u16(),
            self.code,
            self.message
        )
    }
}

impl std::error::Error for ApiError {}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({"error": {"code": self.code, "message": self.message}});
        let mut r = (self.status, axum::Json(body)).into_response();
        if let Some(s) = self.retry_after {
            r.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(s));
        }
        if self.close {
            r.headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
        }
        r
    }
}
