//! The one error shape of the server: `{"error": {"code", "message"}}`, with `code` one of
//! [`ErrorCode`].

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::json;

macro_rules! error_codes {
    ($($(#[doc = $doc:literal])* $variant:ident = $code:literal,)*) => {
        /// The stable, machine-readable `code` of an error answer. Clients may match on it;
        /// a new code may be added (the enum is non-exhaustive), an existing one never
        /// changes its meaning.
        ///
        /// | code | meaning |
        /// |---|---|
        $(#[doc = concat!("| `", $code, "` | ", $($doc,)* " |")])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum ErrorCode {
            $($(#[doc = $doc])* $variant,)*
        }

        impl ErrorCode {
            /// Every code, in documentation order.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)*];

            /// The code as sent (`invalid_json`, ...).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $code,)*
                }
            }
        }
    };
}

error_codes! {
    /// 400: the body is not JSON.
    InvalidJson = "invalid_json",
    /// 422: well-formed JSON of the wrong shape (types, unknown fields, list lengths).
    InvalidRequest = "invalid_request",
    /// 422: a group- or batch-scope pipeline would see a sample without the rest of its group.
    NeedsGroups = "needs_groups",
    /// 413: too many samples in one request.
    BatchTooLarge = "batch_too_large",
    /// 413: one text field of a sample is over the limit.
    FieldTooLarge = "field_too_large",
    /// 413: the request body is over the limit.
    PayloadTooLarge = "payload_too_large",
    /// 408: the request body did not arrive in time.
    BodyTimeout = "body_timeout",
    /// 408: the request timed out.
    Timeout = "timeout",
    /// 400: a malformed request.
    BadRequest = "bad_request",
    /// 401: missing or wrong bearer token.
    Unauthorized = "unauthorized",
    /// 404: no such route.
    NotFound = "not_found",
    /// 405: method not allowed on this route.
    MethodNotAllowed = "method_not_allowed",
    /// 411: `Content-Length` required.
    LengthRequired = "length_required",
    /// 414: request URI too long.
    UriTooLong = "uri_too_long",
    /// 431: request headers too large.
    HeadersTooLarge = "headers_too_large",
    /// 415: unsupported media type.
    UnsupportedMediaType = "unsupported_media_type",
    /// 503 with `Retry-After`: the scoring queue is full.
    Overloaded = "overloaded",
    /// 503 (`/health?ready=1`): the scoring queue is saturated.
    Saturated = "saturated",
    /// 503 (`/health`): the server is shutting down.
    Draining = "draining",
    /// 503: service unavailable.
    Unavailable = "unavailable",
    /// 500: an internal error (its cause is logged, not sent).
    Internal = "internal",
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for ErrorCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// An error answered to the client: an HTTP status, a stable machine-readable `code` and a
/// human-readable `message`. Client faults are 4xx with a precise message; anything else is
/// a 5xx with a generic message (details go to the log, not to the client).
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// Stable code, e.g. `invalid_json`, `invalid_request`, `overloaded`.
    pub code: ErrorCode,
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
    pub fn new(status: StatusCode, code: ErrorCode, message: impl Into<String>) -> Self {
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
        Self::new(StatusCode::BAD_REQUEST, ErrorCode::InvalidJson, message)
    }

    /// 422: well-formed JSON of the wrong shape (types, unknown fields, list lengths).
    pub fn invalid_request(message: impl Into<String>) -> Self {
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::InvalidRequest,
            message,
        )
    }

    /// 413: too many samples in one request.
    pub fn batch_too_large(n: usize, max: usize) -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::BatchTooLarge,
            format!("{n} samples in one request; the limit is {max}"),
        )
    }

    /// 413: one text field of a sample is over [`crate::ServerConfig::max_field_bytes`].
    pub fn field_too_large(path: &str, len: usize, max: usize) -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::FieldTooLarge,
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
                ErrorCode::PayloadTooLarge,
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
                ErrorCode::PayloadTooLarge,
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
                ErrorCode::BodyTimeout,
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
                ErrorCode::BadRequest,
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
                ErrorCode::Overloaded,
                "the server is at capacity; retry later",
            )
        }
    }

    /// 401: missing or wrong bearer token.
    pub fn unauthorized() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            ErrorCode::Unauthorized,
            "missing or invalid bearer token",
        )
    }

    /// 500 with a generic message; `cause` is logged (at ERROR, inside the request's span),
    /// never sent to the client.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(cause = %cause, "internal error");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            ErrorCode::Internal,
            "internal server error",
        )
    }

    /// The generic error for a status that has no more specific one.
    pub fn from_status(status: StatusCode) -> Self {
        use ErrorCode as C;
        let (code, message) = match status.as_u16() {
            400 => (C::BadRequest, "bad request"),
            401 => (C::Unauthorized, "missing or invalid bearer token"),
            404 => (C::NotFound, "no such route"),
            405 => (C::MethodNotAllowed, "method not allowed on this route"),
            408 => (C::Timeout, "request timed out"),
            411 => (C::LengthRequired, "Content-Length required"),
            414 => (C::UriTooLong, "request URI too long"),
            431 => (C::HeadersTooLarge, "request headers too large"),
            413 => (C::PayloadTooLarge, "request body too large"),
            415 => (C::UnsupportedMediaType, "unsupported media type"),
            422 => (C::InvalidRequest, "invalid request"),
            503 => (C::Unavailable, "service unavailable"),
            s if s < 500 => (C::BadRequest, "bad request"),
            _ => {
                tracing::error!(
                    status = status.as_u16(),
                    "internal error answered without a cause"
                );
                (C::Internal, "internal server error")
            }
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
        let body = json!({"error": {"code": self.code.as_str(), "message": self.message}});
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
