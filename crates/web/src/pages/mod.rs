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

/// Room made for a page before rendering it: the layout alone is about 8 KiB and a page
/// with a list two or three times that. Askama's own hint counts only the templates'
/// fixed text, so a page outgrew it once or twice, each time copied whole.
const PAGE_BYTES: usize = 24 * 1024;

/// A rendered page with `status`, or a logged 500 if the template fails.
pub(crate) fn render<P: Template>(page: P, status: StatusCode) -> Response {
    let mut html = String::with_capacity(PAGE_BYTES.max(P::SIZE_HINT));
    match page.render_into(&mut html) {
        Ok(()) => (status, Html(html)).into_response(),
        Err(e) => crate::AppError::internal(e).into_response(),
    }
}
