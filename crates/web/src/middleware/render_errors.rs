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

/// An RFC 9457 problem: what every error response of the API carries.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct Problem<'a> {
    /// Where the code is documented: `https://mentora.dev/errors/{code}`.
    #[serde(rename = "type")]
    kind: String,
    /// What went wrong, in the request's language.
    title: String,
    /// The HTTP status, repeated.
    status: u16,
    /// What to do about it, in the request's language.
    detail: String,
    /// The stable code clients rely on (see each response for the codes it may carry).
    code: &'a str,
    /// Quote it to support: it names the request in the server's log.
    request_id: &'a str,
    /// The path that was asked for.
    instance: &'a str,
    /// With `validation_failed`: each field's problem.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[schema(required = false)]
    errors: Vec<FieldProblem>,
}

/// One field's problem in a `validation_failed` response.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct FieldProblem {
    /// The field as the request named it.
    field: &'static str,
    /// A stable message id for the problem.
    code: &'static str,
    /// The problem, in the request's language.
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
    if crate::api::is_machine_path(path) {
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
        detail: locale.t_args(&format!("{stem}-detail"), &error.detail_args(locale)),
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
