//! Every route, and the middleware stack around all of them.

use std::any::Any;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

use crate::middleware::csrf;
use crate::middleware::observe::observe;
use crate::middleware::render_errors::render_errors;
use crate::middleware::security_headers::security_headers;
use crate::middleware::viewer::load_viewer;
use crate::pages::{account_security, admin_outbox, auth, home, language, password_reset};
use crate::{AppError, AppState, ErrorCode, api, assets, ops};

pub fn router(state: AppState) -> Router {
    router_with(state, Router::new())
}

/// The router with `extra` routes added under the same middleware. Tests use it to reach
/// the stack with handlers that panic or stall; the binary never adds any.
pub fn router_with(state: AppState, extra: Router<AppState>) -> Router {
    let settings = state.settings.clone();
    Router::new()
        .merge(extra)
        .route("/", get(home::show))
        .route("/language", post(language::switch))
        .route("/signup", get(auth::signup_form).post(auth::signup))
        .route("/verify-email", get(auth::verify_form).post(auth::verify))
        .route("/login", get(auth::login_form).post(auth::login))
        .route("/logout", post(auth::logout))
        .route(
            "/forgot-password",
            get(password_reset::forgot_form).post(password_reset::forgot),
        )
        .route(
            "/reset-password",
            get(password_reset::reset_form).post(password_reset::reset),
        )
        .route("/account/security", get(account_security::show))
        .route("/account/sessions/end", post(account_security::end_one))
        .route("/account/sessions/end-all", post(account_security::end_all))
        .route("/admin/outbox", get(admin_outbox::show))
        .route("/assets/{file}", get(assets::serve_hashed))
        .route("/robots.txt", get(assets::robots_txt))
        .route("/favicon.ico", get(assets::favicon))
        .route("/healthz", get(ops::healthz))
        .route("/readyz", get(ops::readyz))
        .route("/metrics", get(ops::metrics))
        .nest("/api/v1", api::router())
        .fallback(not_found)
        // Innermost first: each layer below wraps everything above it.
        .layer(DefaultBodyLimit::max(settings.body_limit_bytes))
        .layer(RequestBodyLimitLayer::new(settings.body_limit_bytes))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            settings.request_timeout,
        ))
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(from_fn_with_state(state.clone(), csrf::verify))
        .layer(from_fn(render_errors))
        .layer(from_fn_with_state(state.clone(), csrf::assign))
        .layer(from_fn_with_state(state.clone(), load_viewer))
        .layer(CompressionLayer::new())
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
