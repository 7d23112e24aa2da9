//! Server-rendered pages.

pub mod account_security;
pub mod admin_audit;
pub mod admin_experts;
pub mod admin_outbox;
pub mod admin_users;
pub mod auth;
pub mod availability;
pub mod bookings;
pub mod directory;
pub mod error_page;
pub mod expert_apply;
pub mod home;
pub mod language;
pub mod override_calendar;
pub mod passkeys;
pub mod password_reset;
pub mod profile;
pub mod qr;
pub mod second_factor;
pub mod shell;
pub mod slot_picker;
pub mod slot_review;
pub mod two_factor;

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
