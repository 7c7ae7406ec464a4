//! A JSON body extractor whose rejections are [`ApiError`]s (the server's JSON error shape),
//! with the path of the offending field in the message.

use crate::ApiError;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use serde::de::DeserializeOwned;

/// A JSON request body. Syntax errors give `400 invalid_json`; well-formed JSON of the wrong
/// shape gives `422 invalid_request` naming the field; a body over the limit gives `413`.
#[derive(Debug)]
pub(crate) struct Json<T>(pub T);

#[axum::async_trait]
impl<T, S> FromRequest<S> for Json<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(|r| ApiError::from_status(r.status()))?;
        parse(&bytes).map(Json)
    }
}

/// Parses a JSON body into `T`, classifying the error.
pub(crate) fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize::<_, T>(de).map_err(|e| {
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
        assert_eq!(e.code, "invalid_json");
        let e = parse::<T>(b"").unwrap_err();
        assert_eq!(e.status, StatusCode::BAD_REQUEST);
    }
}
