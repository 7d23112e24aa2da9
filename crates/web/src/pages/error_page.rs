//! The HTML error page, inside the normal shell, showing the request id.

use askama::Template;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};

use super::shell::Shell;
use crate::AppError;

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    shell: &'a Shell,
    title: String,
    detail: String,
    status_line: String,
    request_id_line: String,
}

pub fn render(shell: &Shell, error: &AppError, request_id: &str) -> Response {
    let stem = error.code.message_stem();
    let page = ErrorPage {
        shell,
        title: shell.t(&format!("{stem}-title")),
        detail: shell.t_args(&format!("{stem}-detail"), &error.detail_args(shell.locale)),
        status_line: shell.t_args(
            "error-status",
            &[("status", error.code.status().as_u16().to_string())],
        ),
        request_id_line: shell.t_args("error-request-id", &[("id", request_id.to_owned())]),
    };
    match page.render() {
        Ok(html) => {
            let mut response = Html(html).into_response();
            if let Ok(lang) = HeaderValue::from_str(shell.lang()) {
                response
                    .headers_mut()
                    .insert(header::CONTENT_LANGUAGE, lang);
            }
            response
        }
        // The error page itself failed: plain text, so this can never recurse.
        Err(e) => {
            tracing::error!(error = %e, "error page failed to render");
            let text = format!("{}. {request_id}", error.code.as_str());
            (StatusCode::INTERNAL_SERVER_ERROR, text).into_response()
        }
    }
}
