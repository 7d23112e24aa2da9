//! Turns error responses into bodies people and programs can use: RFC 9457 problem+json
//! for the API and for clients that ask for JSON, an HTML page inside the shell otherwise.
//! Both carry the request id, so a support request can be matched to the log line.

use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::error::{AppError, ErrorCode, ErrorInfo};
use crate::middleware::RequestId;
use crate::pages::error_page;
use crate::pages::shell::Shell;
use i18n::Locale;

/// Where each error code is documented; also the problem `type`.
const ERROR_DOCS: &str = "https://mentora.dev/errors/";

/// How much of a framework error's text body is kept as the reason.
const FRAMEWORK_REASON_LIMIT: usize = 2048;

#[derive(Serialize)]
struct Problem<'a> {
    #[serde(rename = "type")]
    kind: String,
    title: String,
    status: u16,
    detail: String,
    code: &'a str,
    request_id: &'a str,
    instance: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    errors: Vec<FieldProblem>,
}

/// One field's problem in a `validation_failed` response.
#[derive(Serialize)]
struct FieldProblem {
    field: &'static str,
    code: &'static str,
    message: String,
}

pub async fn render_errors(req: Request, next: Next) -> Response {
    let wants_json = wants_problem_json(req.uri().path(), req.headers());
    let shell = Shell::from_request(&req);
    let request_id = req
        .extensions()
        .get::<RequestId>()
        .map(|r| r.0.clone())
        .unwrap_or_default();
    let path = req.uri().path().to_owned();

    let mut response = next.run(req).await;
    let error = match response.extensions_mut().remove::<ErrorInfo>() {
        Some(ErrorInfo(error)) => error,
        None if needs_body(&response) => {
            let status = response.status();
            let (parts, body) = response.into_parts();
            response = Response::from_parts(parts, axum::body::Body::empty());
            // The framework's own text says what was wrong (e.g. which form field is
            // missing); keep it as the detail's reason.
            let reason = axum::body::to_bytes(body, FRAMEWORK_REASON_LIMIT)
                .await
                .ok()
                .map(|b| String::from_utf8_lossy(&b).trim().to_owned())
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| status.canonical_reason().unwrap_or("").to_owned());
            AppError::new(ErrorCode::for_status(status)).with_arg("problem", reason)
        }
        None => return response,
    };
    let status = error.code.status();
    let mut rendered = if wants_json {
        problem_json(&error, shell.locale, &request_id, &path)
    } else {
        error_page::render(&shell, &error, &request_id)
    };
    *rendered.status_mut() = status;
    // Keep headers the inner layers set for this error (e.g. Allow on 405, Retry-After).
    for (name, value) in response.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            rendered.headers_mut().insert(name.clone(), value.clone());
        }
    }
    rendered
}

/// An error status whose body came from the framework (plain text or nothing), not from us.
fn needs_body(response: &Response) -> bool {
    if !(response.status().is_client_error() || response.status().is_server_error()) {
        return false;
    }
    match response.headers().get(header::CONTENT_TYPE) {
        None => true,
        Some(ct) => ct.as_bytes().starts_with(b"text/plain"),
    }
}

fn wants_problem_json(path: &str, headers: &HeaderMap) -> bool {
    if path == "/api" || path.starts_with("/api/") {
        return true;
    }
    let accept = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let json = accept.contains("application/json") || accept.contains("application/problem+json");
    json && !accept.contains("text/html")
}

fn problem_json(error: &AppError, locale: Locale, request_id: &str, path: &str) -> Response {
    let stem = error.code.message_stem();
    let body = Problem {
        kind: format!("{ERROR_DOCS}{}", error.code.as_str()),
        title: locale.t(&format!("{stem}-title")),
        status: error.code.status().as_u16(),
        detail: locale.t_args(&format!("{stem}-detail"), &error.args),
        code: error.code.as_str(),
        request_id,
        instance: path,
        errors: error
            .fields
            .iter()
            .map(|f| FieldProblem {
                field: f.field,
                code: f.message_id,
                message: locale.t(f.message_id),
            })
            .collect(),
    };
    let json = serde_json::to_vec(&body).unwrap_or_default();
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/problem+json"),
            ),
            (
                header::CONTENT_LANGUAGE,
                HeaderValue::from_static(locale.tag()),
            ),
        ],
        json,
    )
        .into_response()
}
