//! Every route, and the middleware stack around all of them.

use std::any::Any;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::predicate::{NotForContentType, Predicate};
use tower_http::compression::{CompressionLayer, DefaultPredicate};
use tower_http::timeout::TimeoutLayer;

use crate::access::{Access, Built, RouteInfo, Routes};
use crate::middleware::observe::observe;
use crate::middleware::render_errors::render_errors;
use crate::middleware::security_headers::security_headers;
use crate::middleware::viewer::load_viewer;
use crate::middleware::{bearer, body_limit, csrf, storage_watch, text_input};
use crate::pages::{home, language};
use crate::{AppError, AppState, ErrorCode, api, assets, ops};

pub fn router(state: AppState) -> Router {
    router_with(state, Router::new())
}

/// Every route with its access decision (see `access.rs`).
pub fn route_table() -> Vec<RouteInfo> {
    routes(None).table
}

/// The API's OpenAPI document, as `/api/openapi.json` serves it.
pub fn api_document() -> utoipa::openapi::OpenApi {
    let built = routes(None);
    api::openapi::document(built.paths, built.schemas)
}

/// Pages (each feature's, see `accounts`, `experts`, …), assets and operations
/// endpoints, with the JSON API nested under `/api/v1`.
/// `state` is needed only to attach the API's bearer authentication.
fn routes(state: Option<AppState>) -> Built {
    use Access::Public;
    Routes::new("")
        .get("/", Public, get(home::show))
        .post("/language", Public, post(language::switch))
        .merge(crate::accounts::routes())
        .merge(crate::experts::routes())
        .merge(crate::scheduling::routes())
        .merge(crate::bookings::routes())
        .merge(crate::admin::routes())
        .merge(crate::live::routes())
        .merge(crate::notifications::routes())
        .merge(crate::calendars::routes())
        .merge(crate::rooms::routes())
        .merge(crate::learning::routes())
        .get("/assets/{file}", Public, get(assets::serve_hashed))
        .get("/robots.txt", Public, get(assets::robots_txt))
        .get("/favicon.ico", Public, get(assets::favicon))
        .get("/healthz", Public, get(ops::healthz))
        .get("/readyz", Public, get(ops::readyz))
        .get("/metrics", Public, get(ops::metrics))
        .get("/api/openapi.json", Public, get(api::openapi::serve))
        .get(api::DOCS_PAGE, Public, get(api::docs::page))
        .nest("/api/v1", api::routes(), |api| match state {
            Some(state) => api.layer(from_fn_with_state(state, bearer::authenticate)),
            None => api,
        })
        .build()
}

/// The router with `extra` routes added under the same middleware. Tests use it to reach
/// the stack with handlers that panic or stall; the binary never adds any.
pub fn router_with(state: AppState, extra: Router<AppState>) -> Router {
    let settings = state.settings.clone();
    let routes = routes(Some(state.clone())).router;
    Router::new()
        .merge(extra)
        .merge(routes)
        .fallback(not_found)
        // Innermost first: each layer below wraps everything above it.
        .layer(DefaultBodyLimit::max(settings.body_limit_bytes))
        .layer(from_fn(text_input::refuse_nul))
        .layer(from_fn_with_state(state.clone(), body_limit::limit))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            settings.request_timeout,
        ))
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(from_fn_with_state(state.clone(), csrf::verify))
        .layer(from_fn_with_state(state.clone(), storage_watch::watch))
        .layer(from_fn(render_errors))
        .layer(from_fn_with_state(state.clone(), csrf::assign))
        .layer(from_fn_with_state(state.clone(), load_viewer))
        .layer(from_fn_with_state(
            state.clone(),
            crate::middleware::simulated_time::mark,
        ))
        // Video is compressed already, and recordings are served by byte ranges, which a
        // compressed body would shift.
        .layer(
            CompressionLayer::new()
                .compress_when(DefaultPredicate::new().and(NotForContentType::const_new("video/"))),
        )
        .layer(from_fn_with_state(state.clone(), security_headers))
        .layer(from_fn(observe))
        .with_state(state)
}

async fn not_found() -> Response {
    AppError::new(ErrorCode::NotFound).into_response()
}

/// A panicking handler becomes a logged 500; the server keeps serving.
fn panic_response(panic: Box<dyn Any + Send + 'static>) -> Response {
    let message = panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "non-string panic payload".to_owned());
    tracing::error!(panic = %message, "handler panicked");
    metrics::counter!("http_panics_total").increment(1);
    AppError::new(ErrorCode::Internal).into_response()
}
