//! A JSON body extractor whose rejections are [`ApiError`]s (the server's JSON error shape),
//! with the path of the offending field in the message.

use crate::{ApiError, AppState};
use axum::extract::{FromRequest, Request};
use hyper::body::Body as _;
use serde::de::DeserializeOwned;
use std::pin::Pin;

/// A JSON request body. Syntax errors (trailing characters included) give `400 invalid_json`;
/// well-formed JSON of the wrong shape gives `422 invalid_request` naming the field; a body
/// over the limit gives `413`; a body that does not arrive within
/// [`crate::ServerConfig::body_read_timeout`] gives `408` and the connection is closed.
#[derive(Debug)]
pub(crate) struct Json<T>(pub T);

#[axum::async_trait]
impl<T> FromRequest<AppState> for Json<T>
where
    T: DeserializeOwned,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let cfg = state.config();
        let read = read_body(req, cfg.max_body_bytes);
        let bytes = match tokio::time::timeout(cfg.body_read_timeout, read).await {
            Ok(r) => r?,
            Err(_) => {
                state.metrics().body_timeout();
                return Err(ApiError::body_timeout(cfg.body_read_timeout));
            }
        };
        parse(&bytes).map(Json)
    }
}

/// Reads the whole body, at most `max` bytes.
async fn read_body(req: Request, max: usize) -> Result<Vec<u8>, ApiError> {
    let declared = req
        .headers()
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if let Some(len) = declared.filter(|&l| l > max as u64) {
        return Err(ApiError::declared_body_too_large(len, max));
    }
    let mut body = req.into_body();
    let mut buf = Vec::with_capacity(declared.map_or(0, |l| l as usize).min(max));
    loop {
        let frame = std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await;
        match frame {
            None => return Ok(buf),
            Some(Err(e)) => return Err(ApiError::unreadable_body(e)),
            Some(Ok(frame)) => {
                if let Ok(data) = frame.into_data() {
                    if buf.len().saturating_add(data.len()) > max {
                        return Err(ApiError::body_too_large(max));
                    }
                    buf.extend_from_slice(&data);
                }
            }
        }
    }
}

/// Parses a JSON body into `T`, classifying the error. Anything but whitespace after the
/// value is a syntax error.
pub(crate) fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize::<_, T>(&mut *de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let at = if path == "." || path.is_empty() {
            String::new()
        } else {
            format!(" at `{path}`")
        };
        match inner.classify() {
            serde_json::error::Category::Data => {
                ApiError::invalid_request(format!("invalid request{at}: {inner}"))
            }
            _ => ApiError::invalid_json(format!("body is not valid JSON: {inner}")),
        }
    })?;
    de.end().map_err(|e| {
        ApiError::invalid_json(format!(
            "body is not valid JSON: {e} (one JSON value per request)"
        ))
    })?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::StatusCode;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct T {
        a: Vec<String>,
    }

    #[test]
    fn classifies_errors() {
        assert!(parse::<T>(br#"{"a": ["x"]}"#).is_ok());
        let e = parse::<T>(br#"{"a": [1]}"#).unwrap_err();
        assert_eq!(e.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(e.message.contains("`a[0]`"), "{}", e.message);
        let e = parse::<T>(br#"{"a": [], "b": 1}"#).unwrap_err();
        assert_eq!(e.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(e.message.contains("unknown field `b`"), "{}", e.message);
        let e = parse::<T>(br#"{"a": ["#).unwrap_err();
        assert_eq!(e.status, StatusCode::BAD_REQUEST);
        assert_eq!(e.code, crate::ErrorCode::InvalidJson);
        let e = parse::<T>(b"").unwrap_err();
        assert_eq!(e.status, StatusCode::BAD_REQUEST);
        for trailing in [
            &br#"{"a": []} x"#[..],
            br#"{"a": []}{"a": []}"#,
            br#"{"a": []}]"#,
        ] {
            let e = parse::<T>(trailing).unwrap_err();
            assert_eq!(
                (e.status, e.code),
                (StatusCode::BAD_REQUEST, crate::ErrorCode::InvalidJson)
            );
        }
        assert!(parse::<T>(b"{\"a\": []} \n\t").is_ok());
    }
}
