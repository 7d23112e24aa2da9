//! JSON request bodies, with failures that are precise problem+json errors: wrong content
//! type (415), malformed JSON with line and column (400), or JSON of the wrong shape with
//! serde's explanation (422).

use axum::extract::{FromRequest, Request};
use axum::http::header;
use serde::de::DeserializeOwned;

use crate::{AppError, ErrorCode};

/// A JSON request body as `T`, or the precise problem: 415, 400 with line and column, 422.
pub struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, _: &S) -> Result<Self, Self::Rejection> {
        let content_type = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if !is_json_media_type(content_type, &[]) {
            return Err(AppError::new(ErrorCode::UnsupportedMediaType)
                .with_arg("expected", "application/json"));
        }
        // The body limit layer has already bounded the size.
        let body = axum::body::to_bytes(req.into_body(), usize::MAX)
            .await
            .map_err(|_| AppError::new(ErrorCode::PayloadTooLarge))?;
        parse(&body).map(JsonBody)
    }
}

/// Media types accepted as JSON: `application/json` and any `application/*+json`,
/// plus extra ones a particular endpoint names.
pub fn is_json_media_type(content_type: &str, extra: &[&str]) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
        || extra.contains(&essence.as_str())
}

/// Parses `body` as `T`, classifying failures as users need them.
pub fn parse<T: DeserializeOwned>(body: &[u8]) -> Result<T, AppError> {
    serde_json::from_slice(body).map_err(|e| {
        // serde's message ends with " at line L column C"; line and column go in their
        // own fields, so keep only the explanation.
        let message = e.to_string();
        let suffix = format!(" at line {} column {}", e.line(), e.column());
        let problem = message.strip_suffix(&suffix).unwrap_or(&message).to_owned();
        match e.classify() {
            serde_json::error::Category::Data => {
                AppError::new(ErrorCode::InvalidBody).with_arg("problem", message)
            }
            _ => AppError::new(ErrorCode::MalformedJson)
                .with_arg("problem", problem)
                .with_arg("line", e.line().to_string())
                .with_arg("column", e.column().to_string()),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Sample {
        name: String,
    }

    fn arg<'a>(e: &'a AppError, name: &str) -> Option<&'a str> {
        e.args
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }

    #[test]
    fn malformed_json_names_line_and_column() {
        let err = parse::<Sample>(b"{\n  \"name\": \"x\",\n}").err();
        let err = err
            .as_ref()
            .map(|e| (e.code, arg(e, "line"), arg(e, "column")));
        assert_eq!(err, Some((ErrorCode::MalformedJson, Some("3"), Some("1"))));
    }

    #[test]
    fn wrong_shape_is_invalid_body_with_the_field() {
        let err = parse::<Sample>(br#"{"nom": "x"}"#).err();
        assert_eq!(err.as_ref().map(|e| e.code), Some(ErrorCode::InvalidBody));
        assert!(
            err.as_ref()
                .and_then(|e| arg(e, "problem"))
                .is_some_and(|p| p.contains("missing field `name`"))
        );
    }

    #[test]
    fn json_media_types() {
        assert!(is_json_media_type("application/json; charset=utf-8", &[]));
        assert!(is_json_media_type("application/reports+json", &[]));
        assert!(is_json_media_type(
            "application/csp-report",
            &["application/csp-report"]
        ));
        assert!(!is_json_media_type("text/plain", &[]));
        assert!(!is_json_media_type("", &[]));
    }
}
