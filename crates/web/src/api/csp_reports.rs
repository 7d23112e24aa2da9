//! Receives Content-Security-Policy violation reports from browsers, so that a page our
//! strict CSP breaks shows up in the logs and metrics instead of failing silently.
//!
//! Browsers send either the legacy `report-uri` format (`application/csp-report`,
//! `{"csp-report": {...}}`) or the Reporting API format (`application/reports+json`,
//! `[{"type": "csp-violation", "body": {...}}]`). Both are accepted.
//!
//! Anyone can post here, so what a report costs is bounded: each address may send
//! `Limits::csp_reports_per_ip` a minute, a body is at most `MAX_BODY_BYTES`, and a request
//! writes one log line however many reports it carries (the count, and the first few
//! distinct directive/blocked pairs).

use std::collections::BTreeSet;

use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use bytes::Bytes;
use serde_json::Value;

use super::json::{is_json_media_type, parse};
use crate::extract::Client;
use crate::{AppError, AppState, ErrorCode};

/// A browser's report is a few hundred bytes; a batch of them a few kilobytes.
pub const MAX_BODY_BYTES: usize = 64 * 1024;
/// Distinct violations named in the log line of one request.
const LOGGED_PER_REQUEST: usize = 5;
/// Characters kept of any one reported field.
const FIELD_CHARS: usize = 256;

/// Report a Content-Security-Policy violation (browsers do this on their own).
#[utoipa::path(
    post, path = "/csp-reports", tag = "browsers", operation_id = "report_csp_violation",
    request_body(
        description = "The legacy `{\"csp-report\": {…}}` or a Reporting API batch `[{\"type\": \"csp-violation\", \"body\": {…}}]`.",
        content(
            (Object = "application/csp-report"),
            (Vec<Object> = "application/reports+json"),
            (Object = "application/json"),
        ),
    ),
    responses((status = 204, description = "Received.")),
)]
pub async fn receive(
    State(state): State<AppState>,
    Client(client): Client,
    req: Request,
) -> Result<StatusCode, AppError> {
    let ip = client.ip.as_deref().unwrap_or("unknown");
    state
        .throttle
        .check(
            &format!("csp:ip:{ip}"),
            state.throttle.limits.csp_reports_per_ip,
        )
        .await?;
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    if !is_json_media_type(&content_type, &["application/csp-report"]) {
        return Err(AppError::new(ErrorCode::UnsupportedMediaType)
            .with_arg("expected", "application/csp-report"));
    }
    let body = axum::body::to_bytes(req.into_body(), MAX_BODY_BYTES)
        .await
        .map_err(too_large_or_bad)?;
    let reports = reports(&body)?;
    log_summary(&reports);
    metrics::counter!("csp_violations_total").increment(reports.len() as u64);
    Ok(StatusCode::NO_CONTENT)
}

/// One log line for a request: how many reports, and the first distinct violations.
fn log_summary(reports: &[Value]) {
    let distinct: BTreeSet<(String, String, String)> = reports
        .iter()
        .map(|report| {
            let field = |names: &[&str]| {
                names
                    .iter()
                    .find_map(|n| report.get(*n).and_then(Value::as_str))
                    .unwrap_or("")
                    .chars()
                    .take(FIELD_CHARS)
                    .collect::<String>()
            };
            (
                field(&[
                    "effective-directive",
                    "effectiveDirective",
                    "violated-directive",
                ]),
                field(&["blocked-uri", "blockedURL"]),
                field(&["document-uri", "documentURL"]),
            )
        })
        .collect();
    let named: Vec<String> = distinct
        .iter()
        .take(LOGGED_PER_REQUEST)
        .map(|(directive, blocked, document)| {
            format!("{directive} blocked {blocked:?} on {document:?}")
        })
        .collect();
    tracing::warn!(
        reports = reports.len(),
        distinct = distinct.len(),
        violations = %named.join("; "),
        "content security policy violations"
    );
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

fn too_large_or_bad(err: axum::Error) -> AppError {
    // Body limit errors are the only way reading an in-memory body fails in practice.
    let too_large = std::error::Error::source(&err)
        .is_some_and(|s| s.to_string().contains("length limit exceeded"));
    if too_large {
        AppError::new(ErrorCode::PayloadTooLarge)
    } else {
        AppError::new(ErrorCode::BadRequest).with_arg("problem", err.to_string())
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
