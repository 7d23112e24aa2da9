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
use tower_http::timeout::TimeoutLayer;

use crate::access::{Access, RouteInfo, Routes};
use crate::middleware::observe::observe;
use crate::middleware::render_errors::render_errors;
use crate::middleware::security_headers::security_headers;
use crate::middleware::viewer::load_viewer;
use crate::middleware::{bearer, body_limit, csrf, storage_watch, text_input};
use crate::pages::{
    account_security, admin_audit, admin_experts, admin_outbox, admin_users, auth, availability,
    bookings, directory, expert_apply, home, language, passkeys, password_reset, profile,
    second_factor, slot_review, two_factor,
};
use crate::{AppError, AppState, ErrorCode, api, assets, ops};

pub fn router(state: AppState) -> Router {
    router_with(state, Router::new())
}

/// Every route with its access decision (see `access.rs`).
pub fn route_table() -> Vec<RouteInfo> {
    routes(None).1
}

/// Pages, assets and operations endpoints, with the JSON API nested under `/api/v1`.
/// `state` is needed only to attach the API's bearer authentication.
fn routes(state: Option<AppState>) -> (Router<AppState>, Vec<RouteInfo>) {
    use Access::{Permission as Needs, Public, SignedIn};
    use domain::Permission::{ExpertsVerify, UsersManage};
    Routes::new("")
        .get("/", Public, get(home::show))
        .post("/language", Public, post(language::switch))
        .get("/signup", Public, get(auth::signup_form))
        .post("/signup", Public, post(auth::signup))
        .get("/verify-email", Public, get(auth::verify_form))
        .post("/verify-email", Public, post(auth::verify))
        .get("/login", Public, get(auth::login_form))
        .post("/login", Public, post(auth::login))
        .get("/login/link", Public, get(auth::sign_in_link_form))
        .post("/login/link", Public, post(auth::sign_in_link))
        .get("/login/second-factor", Public, get(second_factor::form))
        .post("/login/second-factor", Public, post(second_factor::submit))
        .post("/login/passkey/start", Public, post(passkeys::login_start))
        .post(
            "/login/passkey/finish",
            Public,
            post(passkeys::login_finish),
        )
        .post(
            "/login/second-factor/passkey/start",
            Public,
            post(passkeys::second_factor_start),
        )
        .post(
            "/login/second-factor/passkey/finish",
            Public,
            post(passkeys::second_factor_finish),
        )
        .post("/logout", Public, post(auth::logout))
        .get("/forgot-password", Public, get(password_reset::forgot_form))
        .post("/forgot-password", Public, post(password_reset::forgot))
        .get("/reset-password", Public, get(password_reset::reset_form))
        .post("/reset-password", Public, post(password_reset::reset))
        .get("/account/profile", SignedIn, get(profile::show))
        .post("/account/profile", SignedIn, post(profile::save))
        .post(
            "/account/avatar",
            SignedIn,
            post(profile::upload_avatar)
                .layer(DefaultBodyLimit::max(body_limit::UPLOAD_LIMIT_BYTES)),
        )
        .post("/account/email", SignedIn, post(profile::change_email))
        .post(
            "/account/verification/resend",
            SignedIn,
            post(profile::resend_verification),
        )
        .post(
            "/account/password",
            SignedIn,
            post(profile::change_password),
        )
        .get("/avatars/{file}", Public, get(profile::avatar))
        .get("/account/security", SignedIn, get(account_security::show))
        .post(
            "/account/sessions/end",
            SignedIn,
            post(account_security::end_one),
        )
        .post(
            "/account/sessions/end-all",
            SignedIn,
            post(account_security::end_all),
        )
        .post("/account/totp/start", SignedIn, post(two_factor::start))
        .post("/account/totp/confirm", SignedIn, post(two_factor::confirm))
        .post("/account/totp/remove", SignedIn, post(two_factor::remove))
        .post(
            "/account/recovery-codes",
            SignedIn,
            post(two_factor::new_codes),
        )
        .post(
            "/account/passkeys/start",
            SignedIn,
            post(passkeys::register_start),
        )
        .post(
            "/account/passkeys/finish",
            SignedIn,
            post(passkeys::register_finish),
        )
        .post("/account/passkeys/remove", SignedIn, post(passkeys::remove))
        .get("/admin/outbox", Needs(UsersManage), get(admin_outbox::show))
        .get("/admin/users", Needs(UsersManage), get(admin_users::list))
        .post(
            "/admin/users/{id}/roles",
            Needs(UsersManage),
            post(admin_users::set_role),
        )
        .get("/admin/audit", Needs(UsersManage), get(admin_audit::list))
        .get("/experts", Public, get(directory::list))
        .get("/experts/apply", SignedIn, get(expert_apply::show))
        .post("/experts/apply", SignedIn, post(expert_apply::save))
        .post(
            "/experts/apply/submit",
            SignedIn,
            post(expert_apply::submit),
        )
        .post(
            "/experts/apply/documents",
            SignedIn,
            post(expert_apply::upload_document)
                .layer(DefaultBodyLimit::max(body_limit::DOCUMENT_LIMIT_BYTES)),
        )
        .post(
            "/experts/apply/documents/{id}/remove",
            SignedIn,
            post(expert_apply::remove_document),
        )
        .get(
            "/experts/documents/{id}",
            SignedIn,
            get(expert_apply::download_document),
        )
        .post(
            "/experts/payouts/start",
            SignedIn,
            post(expert_apply::start_payouts),
        )
        // Stripe sends the expert back here with a GET when an onboarding link expired.
        .get(
            "/experts/payouts/refresh",
            SignedIn,
            get(expert_apply::start_payouts),
        )
        .get(
            "/experts/payouts/return",
            SignedIn,
            get(expert_apply::payouts_return),
        )
        .get(
            "/experts/payouts/sandbox",
            SignedIn,
            get(expert_apply::sandbox),
        )
        .post(
            "/experts/payouts/sandbox",
            SignedIn,
            post(expert_apply::sandbox_complete),
        )
        .get("/experts/availability", SignedIn, get(availability::show))
        .post("/experts/availability", SignedIn, post(availability::save))
        .get("/experts/{slug}", Public, get(directory::profile))
        .get("/experts/{slug}/book", Public, get(slot_review::show))
        .post("/experts/{slug}/book", SignedIn, post(bookings::hold))
        .get("/bookings/{id}", SignedIn, get(bookings::show))
        .get("/bookings/{id}/checkout", SignedIn, get(bookings::checkout))
        .post("/bookings/{id}/checkout", SignedIn, post(bookings::pay))
        .post("/bookings/{id}/cancel", SignedIn, post(bookings::cancel))
        .post(
            "/bookings/{id}/reschedule",
            SignedIn,
            post(bookings::reschedule),
        )
        .post(
            "/bookings/{id}/proposal",
            SignedIn,
            post(bookings::answer_proposal),
        )
        .get("/sessions", SignedIn, get(bookings::my_sessions))
        .get("/schedule", SignedIn, get(bookings::my_schedule))
        .post(
            "/sessions/calendar-feed",
            SignedIn,
            post(bookings::renew_feed),
        )
        .post(
            "/sessions/calendar-feed/revoke",
            SignedIn,
            post(bookings::revoke_feed),
        )
        .get("/calendar/{file}", Public, get(bookings::calendar_feed))
        .get(
            "/admin/experts",
            Needs(ExpertsVerify),
            get(admin_experts::queue),
        )
        .get(
            "/admin/experts/{id}",
            Needs(ExpertsVerify),
            get(admin_experts::review),
        )
        .post(
            "/admin/experts/{id}/decision",
            Needs(ExpertsVerify),
            post(admin_experts::decide),
        )
        .post(
            "/admin/experts/{id}/suspension",
            Needs(ExpertsVerify),
            post(admin_experts::suspension),
        )
        .get(
            "/admin/specialties",
            Needs(ExpertsVerify),
            get(admin_experts::specialties),
        )
        .post(
            "/admin/specialties",
            Needs(ExpertsVerify),
            post(admin_experts::add_specialty),
        )
        .post(
            "/admin/specialties/{slug}/rename",
            Needs(ExpertsVerify),
            post(admin_experts::rename_specialty),
        )
        .get("/assets/{file}", Public, get(assets::serve_hashed))
        .get("/robots.txt", Public, get(assets::robots_txt))
        .get("/favicon.ico", Public, get(assets::favicon))
        .get("/healthz", Public, get(ops::healthz))
        .get("/readyz", Public, get(ops::readyz))
        .get("/metrics", Public, get(ops::metrics))
        .nest("/api/v1", api::routes(), |api| match state {
            Some(state) => api.layer(from_fn_with_state(state, bearer::authenticate)),
            None => api,
        })
        .into_parts()
}

/// The router with `extra` routes added under the same middleware. Tests use it to reach
/// the stack with handlers that panic or stall; the binary never adds any.
pub fn router_with(state: AppState, extra: Router<AppState>) -> Router {
    let settings = state.settings.clone();
    let (routes, _) = routes(Some(state.clone()));
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
