//! The JSON API under `/api/v1`.

use axum::Router;
use axum::routing::post;

use crate::AppState;

mod csp_reports;
pub mod json;

pub fn router() -> Router<AppState> {
    Router::new().route("/csp-reports", post(csp_reports::receive))
}
