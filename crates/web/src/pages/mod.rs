//! Server-rendered pages.

pub mod audit_event;
pub mod confirm;
pub mod error_page;
pub mod home;
pub mod language;
pub mod memory;
pub mod qr;
pub mod shell;
pub mod shown_error;
pub mod shown_instant;

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

/// A rendered page with `status`, or a logged 500 if the template fails.
pub(crate) fn render(page: impl Template, status: StatusCode) -> Response {
    match page.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => crate::AppError::internal(e).into_response(),
    }
}
