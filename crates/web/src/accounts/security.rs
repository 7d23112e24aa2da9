//! The person's own security page: devices with an open session (end any of them, or all),
//! and the account's recent security events.

use askama::Template;
use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use store::audit::AuditEvent;
use store::logins::Login;
use store::passkeys::StoredPasskey;
use store::second_factors::TotpFactor;
use uuid::Uuid;

use crate::extract::Client;
use crate::middleware::viewer::{SignedIn, Viewer, session_cookie};
use crate::pages::render;
use crate::pages::shell::Shell;
use crate::pages::shown_instant::Shown;
use crate::{AppError, AppState, ErrorCode};

#[derive(Template)]
#[template(path = "accounts/security.html")]
struct SecurityPage<'a> {
    shell: &'a Shell,
    logins: Vec<LoginView>,
    events: Vec<EventView>,
    totp: Option<FactorView>,
    passkeys: Vec<PasskeyView>,
    recovery_codes_left: u64,
    /// Which factor form failed its password check, if one did.
    password_error_for: Option<&'static str>,
}

/// One place the account is logged in, as the page lists it.
struct LoginView {
    /// What identifies the login to end it (its digest; never the secret).
    id: String,
    /// "Firefox · Windows" (or the raw header when nothing in it is recognised).
    device: Option<String>,
    /// The browser's or client's user agent as sent, shown on hover.
    user_agent: Option<String>,
    ip: Option<String>,
    signed_in: Shown,
    last_seen: Shown,
    this_device: bool,
}

/// A second factor as the page lists it: when it was added (the day) and last used.
struct FactorView {
    added: Shown,
    last_used: Option<Shown>,
}

impl FactorView {
    fn of(
        shell: &Shell,
        created_at: &jiff::Timestamp,
        last_used_at: Option<&jiff::Timestamp>,
    ) -> Self {
        Self {
            added: Shown::day(shell.locale, created_at),
            last_used: last_used_at.map(|at| Shown::minute(shell.locale, at)),
        }
    }
}

impl FactorView {
    fn of_totp(totp: TotpFactor, shell: &Shell) -> Self {
        Self::of(shell, &totp.created_at, totp.last_used_at.as_ref())
    }
}

/// A registered passkey: its name, what removes it, and its dates.
struct PasskeyView {
    id: Uuid,
    name: String,
    dates: FactorView,
}

impl PasskeyView {
    fn of(passkey: StoredPasskey, shell: &Shell) -> Self {
        Self {
            dates: FactorView::of(shell, &passkey.created_at, passkey.last_used_at.as_ref()),
            id: passkey.id,
            name: passkey.name,
        }
    }
}

/// One security event on the account: what, when and from where.
struct EventView {
    /// The event's name in the page's language.
    name: String,
    at: Shown,
    ip: Option<String>,
}

impl EventView {
    fn of(event: AuditEvent, shell: &Shell) -> Self {
        Self {
            name: crate::pages::audit_event::name(shell, &event.kind),
            at: Shown::minute(shell.locale, &event.created_at),
            ip: event.ip,
        }
    }
}

impl LoginView {
    fn of(login: Login, current: &str, shell: &Shell) -> Self {
        let id = login.digest.as_str().to_owned();
        Self {
            this_device: id == current,
            id,
            device: login
                .user_agent
                .as_deref()
                .map(|ua| domain::device::describe(ua).unwrap_or_else(|| ua.to_owned())),
            user_agent: login.user_agent,
            ip: login.ip,
            signed_in: Shown::minute(shell.locale, &login.created_at),
            last_seen: Shown::minute(shell.locale, &login.last_seen_at),
        }
    }
}

pub async fn show(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    shell: Shell,
) -> Result<Response, AppError> {
    page(&state, &viewer, &shell, None).await
}

/// The answer to a change of factors that asked for the password again: back to this
/// page when it went through, this page with the error beside `form` when the password
/// was wrong.
pub(crate) async fn after_reauthenticated_change(
    state: &AppState,
    viewer: &Viewer,
    shell: &Shell,
    form: &'static str,
    outcome: Result<(), app::accounts::AccountError>,
) -> Result<Response, AppError> {
    match outcome {
        Ok(()) => Ok(crate::redirect::to("/account/security")),
        Err(app::accounts::AccountError::WrongCurrentPassword) => {
            page(state, viewer, shell, Some(form)).await
        }
        Err(e) => Err(e.into()),
    }
}

/// The page, with `password_error_for` naming the factor form whose password was wrong.
pub(crate) async fn page(
    state: &AppState,
    viewer: &Viewer,
    shell: &Shell,
    password_error_for: Option<&'static str>,
) -> Result<Response, AppError> {
    let overview = app::account_security::overview(&state.db, viewer.user.id).await?;
    let page = SecurityPage {
        shell,
        logins: overview
            .logins
            .into_iter()
            .map(|login| LoginView::of(login, viewer.login.digest.as_str(), shell))
            .collect(),
        events: overview
            .events
            .into_iter()
            .map(|event| EventView::of(event, shell))
            .collect(),
        totp: overview.totp.map(|t| FactorView::of_totp(t, shell)),
        passkeys: overview
            .passkeys
            .into_iter()
            .map(|p| PasskeyView::of(p, shell))
            .collect(),
        recovery_codes_left: overview.recovery_codes_left,
        password_error_for,
    };
    let status = if password_error_for.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok(render(page, status))
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
) -> Result<Response, AppError> {
    let digest = domain::SecretDigest::of_stored(form.session);
    if app::accounts::end_login(&state.db, viewer.user.id, &digest, &client).await? {
        Ok(crate::redirect::to("/account/security"))
    } else {
        // Not one of this person's sessions: say nothing about whose it might be.
        Err(AppError::new(ErrorCode::NotFound))
    }
}

/// Ends every session, this one included, and clears this browser's cookie.
pub async fn end_all(
    State(state): State<AppState>,
    Client(client): Client,
    SignedIn(viewer): SignedIn,
) -> Result<Response, AppError> {
    app::accounts::log_out_everywhere(&state.db, viewer.user.id, &client).await?;
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
    Ok(response)
}
