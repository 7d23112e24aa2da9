//! The JSON API under `/api/v1`. Callers authenticate with bearer tokens (see
//! `middleware/bearer.rs`); every route is registered with its access decision, by the
//! feature it belongs to (`accounts`, `experts`, …).

use utoipa_axum::routes;

use crate::ErrorCode::*;
use crate::access::Access::Public;
use crate::access::Routes;

mod csp_reports;
pub mod docs;
pub mod json;
pub mod openapi;

/// Where the API is nested; every area's API table starts with it.
pub(crate) const PREFIX: &str = "/api/v1";

/// The API's documentation: a page like any other (the session's header, its forms, HTML
/// errors) although its address is under `/api/`.
pub(crate) const DOCS_PAGE: &str = "/api/docs";

/// Whether `path` is for programs (bearer tokens, JSON, no cookies) rather than people:
/// everything under `/api/` but the docs page.
pub(crate) fn is_machine_path(path: &str) -> bool {
    (path == "/api" || path.starts_with("/api/")) && path != DOCS_PAGE
}

pub fn routes() -> Routes {
    Routes::new(PREFIX)
        .documented(
            Public,
            routes!(csp_reports::receive),
            &[BadRequest, UnsupportedMediaType, RateLimited],
        )
        .merge(crate::accounts::api_routes())
        .merge(crate::experts::api_routes())
        .merge(crate::scheduling::api_routes())
        .merge(crate::admin::api_routes())
        .merge(crate::bookings::api_routes())
        .merge(crate::notifications::api_routes())
        .merge(crate::rooms::api_routes())
        .merge(crate::calendars::api_routes())
        .merge(crate::learning::api_routes())
}
