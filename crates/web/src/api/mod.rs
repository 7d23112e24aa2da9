//! The JSON API under `/api/v1`. Callers authenticate with bearer tokens (see
//! `middleware/bearer.rs`); every route is registered with its access decision, by the
//! feature it belongs to (`accounts`, `experts`, …).

use axum::routing::post;

use crate::access::Access::Public;
use crate::access::Routes;

mod csp_reports;
pub mod json;

/// Where the API is nested; every area's API table starts with it.
pub(crate) const PREFIX: &str = "/api/v1";

pub fn routes() -> Routes {
    Routes::new(PREFIX)
        .post("/csp-reports", Public, post(csp_reports::receive))
        .merge(crate::accounts::api_routes())
        .merge(crate::experts::api_routes())
        .merge(crate::scheduling::api_routes())
        .merge(crate::admin::api_routes())
        .merge(crate::bookings::api_routes())
}
