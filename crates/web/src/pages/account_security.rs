//! The person's own security page: devices with an open session (end any of them, or all),
//! and the account's recent security events.

use askama::Template;
use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use store::audit::AuditEvent;
use store::sessions::ActiveSession;

use super::auth::Client;
use super::render;
use super::shell::Shell;
use crate::middleware::viewer::{SignedIn, session_cookie};
use crate::{AppError, AppState, ErrorCode};

const EVENTS_SHOWN: u64 = 20;

#[derive(Template)]
#[template(path = "account_security.html")]
struct SecurityPage<'a> {
    shell: &'a Shell,
    sessions: Vec<ActiveSession>,
    current: String,
    events: Vec<AuditEvent>,
}

impl SecurityPage<'_> {
    /// The event's name in the page's language (`login.failed` → `audit-login-failed`).
    fn event_name(&self, kind: &str) -> String {
        self.shell
            .t(&format!("audit-{}", kind.replace(['.', '_'], "-")))
    }
}

pub async fn show(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    shell: Shell,
) -> Response {
    let sessions = match store::sessions::list_for_user(&state.db, viewer.user.id).await {
        Ok(sessions) => sessions,
        Err(e) => return AppError::from(e).into_response(),
    };
    let events = match store::audit::for_user(&state.db, viewer.user.id, EVENTS_SHOWN).await {
        Ok(events) => events,
        Err(e) => return AppError::from(e).into_response(),
    };
    let page = SecurityPage {
        shell: &shell,
        sessions,
        current: viewer.session.digest.as_str().to_owned(),
        events,
    };
    render(page, StatusCode::OK)
}

#[derive(Deserialize)]
pub struct EndForm {
    #[serde(default)]
    session: String,
}

/// Ends one of the person's other sessions.
pub async fn end_one(
    State(state): State<AppState>,
    Client(client): Client,
    SignedIn(viewer): SignedIn,
    Form(form): Form<EndForm>,
) -> Response {
    let digest = domain::SecretDigest::of_stored(form.session);
    match app::accounts::end_session(&state.db, viewer.user.id, &digest, &client).await {
        Ok(true) => Redirect::to("/account/security").into_response(),
        // Not one of this person's sessions: say nothing about whose it might be.
        Ok(false) => AppError::new(ErrorCode::NotFound).into_response(),
        Err(e) => AppError::internal(e).into_response(),
    }
}

/// Ends every session, this one included, and clears this browser's cookie.
pub async fn end_all(
    State(state): State<AppState>,
    Client(client): Client,
    SignedIn(viewer): SignedIn,
) -> Response {
    if let Err(e) = app::accounts::log_out_everywhere(&state.db, viewer.user.id, &client).await {
        return AppError::internal(e).into_response();
    }
    let mut response = (
        StatusCode::SEE_OTHER,
        [(axum::http::header::LOCATION, "/login")],
    )
        .into_response();
    let cookie = session_cookie(state.settings.served_over_https(), "", 0);
    if let Ok(value) = axum::http::HeaderValue::from_str(&cookie) {
        response
            .headers_mut()
            .append(axum::http::header::SET_COOKIE, value);
    }
    response
}
