//! Enrolling and removing an authenticator app (TOTP), and recovery codes. Removing a
//! factor or replacing the codes asks for the password again.

use app::accounts::AccountError;
use app::factors;
use askama::Template;
use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::security as account_security;
use crate::extract::Client;
use crate::middleware::viewer::SignedIn;
use crate::pages::shell::Shell;
use crate::pages::{qr, render};
use crate::{AppError, AppState};

#[derive(Template)]
#[template(path = "accounts/totp_enrol.html")]
struct EnrolPage<'a> {
    shell: &'a Shell,
    qr_svg: String,
    secret: String,
    wrong_code: bool,
}

#[derive(Template)]
#[template(path = "accounts/recovery_codes.html")]
struct CodesPage<'a> {
    shell: &'a Shell,
    codes: Vec<String>,
}

fn enrol_page(shell: &Shell, pending: &factors::PendingTotp, wrong_code: bool) -> Response {
    let qr_svg = qr::svg(&pending.uri, &shell.t("totp-qr-label")).unwrap_or_default();
    // Grouped in fours, as people type it into an app.
    let secret = pending
        .key
        .base32()
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    let status = if wrong_code {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    render(
        EnrolPage {
            shell,
            qr_svg,
            secret,
            wrong_code,
        },
        status,
    )
}

/// Starts enrolment: a new secret, shown as a QR code and as text.
pub async fn start(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    shell: Shell,
) -> Result<Response, AppError> {
    match factors::start_totp(&state.db, viewer.user.id, &viewer.user.email).await? {
        Some(pending) => Ok(enrol_page(&shell, &pending, false)),
        None => Ok(crate::redirect::to("/account/security")),
    }
}

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
}

/// Confirms enrolment with a first code; shows the recovery codes once.
pub async fn confirm(
    State(state): State<AppState>,
    Client(client): Client,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Form(form): Form<CodeForm>,
) -> Result<Response, AppError> {
    match factors::confirm_totp(&state.db, viewer.user.id, &form.code, &client).await {
        Ok(codes) => Ok(render(
            CodesPage {
                shell: &shell,
                codes,
            },
            StatusCode::OK,
        )),
        Err(AccountError::Invalid(_)) => {
            match factors::pending_totp(&state.db, viewer.user.id, &viewer.user.email).await? {
                Some(pending) => Ok(enrol_page(&shell, &pending, true)),
                None => Ok(crate::redirect::to("/account/security")),
            }
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    password: String,
}

pub async fn remove(
    State(state): State<AppState>,
    Client(client): Client,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Form(form): Form<PasswordForm>,
) -> Result<Response, AppError> {
    let outcome = factors::remove_totp(&state.db, viewer.user.id, &form.password, &client).await;
    account_security::after_reauthenticated_change(&state, &viewer, &shell, "totp", outcome).await
}

pub async fn new_codes(
    State(state): State<AppState>,
    Client(client): Client,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Form(form): Form<PasswordForm>,
) -> Result<Response, AppError> {
    if let Err(e) = app::profile::confirm_password(&state.db, viewer.user.id, &form.password).await
    {
        return match e {
            AccountError::WrongCurrentPassword => {
                account_security::page(&state, &viewer, &shell, Some("recovery")).await
            }
            e => Err(e.into()),
        };
    }
    let codes = factors::new_recovery_codes(&state.db, viewer.user.id, &client).await?;
    Ok(render(
        CodesPage {
            shell: &shell,
            codes,
        },
        StatusCode::OK,
    ))
}
