//! Receives Content-Security-Policy violation reports from browsers, so that a page our
//! strict CSP breaks shows up in the logs and metrics instead of failing silently.
//!
//! Browsers send either the legacy `report-uri` format (`application/csp-report`,
//! `{"csp-report": {...}}`) or the Reporting API format (`application/reports+json`,
//! `[{"type": "csp-violation", "body": {...}}]`). Both are accepted.

use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use serde_json::Value;

use super::json::{is_json_media_type, parse};
use crate::{AppError, ErrorCode};

pub async fn receive(req: Request) -> Response {
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    if !is_json_media_type(&content_type, &["application/csp-report"]) {
        return AppError::new(ErrorCode::UnsupportedMediaType)
            .with_arg("expected", "application/csp-report")
            .into_response();
    }
    let body = match axum::body::to_bytes(req.into_body(), usize::MAX).await {
        Ok(body) => body,
        Err(e) => return too_large_or_bad(e),
    };
    match reports(&body) {
        Ok(reports) => {
            for report in &reports {
                let field = |names: &[&str]| {
                    names
                        .iter()
                        .find_map(|n| report.get(*n).and_then(Value::as_str))
                        .unwrap_or("")
                        .chars()
                        .take(512)
                        .collect::<String>()
                };
                let directive = field(&[
                    "effective-directive",
                    "effectiveDirective",
                    "violated-directive",
                ]);
                tracing::warn!(
                    directive = %directive,
                    document = %field(&["document-uri", "documentURL"]),
                    blocked = %field(&["blocked-uri", "blockedURL"]),
                    "content security policy violation"
                );
                metrics::counter!("csp_violations_total").increment(1);
            }
            StatusCode::NO_CONTENT.into_response()
        }
        Err(e) => e.into_response(),
    }
}

/// The violation bodies in either report format.
fn reports(body: &Bytes) -> Result<Vec<Value>, AppError> {
    let value: Value = parse(body)?;
    let bodies = match value {
        Value::Object(mut legacy) => legacy.remove("csp-report").into_iter().collect(),
        Value::Array(items) => items
            .into_iter()
            .filter_map(|mut item| item.get_mut("body").map(Value::take))
            .collect(),
        _ => Vec::new(),
    };
    let bodies: Vec<Value> = bodies.into_iter().filter(Value::is_object).collect();
    if bodies.is_empty() {
        return Err(AppError::new(ErrorCode::InvalidBody)
            .with_arg("problem", "expected a CSP violation report"));
    }
    Ok(bodies)
}

fn too_large_or_bad(err: axum::Error) -> Response {
    // Body limit errors are the only way reading an in-memory body fails in practice.
    let too_large = std::error::Error::source(&err)
        .is_some_and(|s| s.to_string().contains("length limit exceeded"));
    if too_large {
        AppError::new(ErrorCode::PayloadTooLarge).into_response()
    } else {
        AppError::new(ErrorCode::BadRequest)
            .with_arg("problem", err.to_string())
            .into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_report_formats_are_understood() {
        let legacy = Bytes::from_static(br#"{"csp-report":{"violated-directive":"script-src"}}"#);
        assert_eq!(reports(&legacy).map(|r| r.len()).ok(), Some(1));
        let modern = Bytes::from_static(
            br#"[{"type":"csp-violation","body":{"effectiveDirective":"img-src"}},{"type":"x","body":{}}]"#,
        );
        assert_eq!(reports(&modern).map(|r| r.len()).ok(), Some(2));
        let empty = Bytes::from_static(b"{}");
        assert_eq!(
            reports(&empty).err().map(|e| e.code),
            Some(ErrorCode::InvalidBody)
        );
    }
}
