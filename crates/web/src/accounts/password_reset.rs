//! Forgotten passwords: ask for a link by email, then choose a new password with it.

use app::accounts::{self, AccountError};
use askama::Template;
use axum::extract::{Form, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use crate::extract::Client;
use crate::pages::render;
use crate::pages::shell::Shell;
use crate::{AppError, AppState, Links};

#[derive(Template)]
#[template(path = "accounts/forgot_password.html")]
struct ForgotPage<'a> {
    shell: &'a Shell,
    email: String,
    /// Set once the request went through: the same words whether or not an account exists.
    sent: bool,
    invalid_email: bool,
}

#[derive(Template)]
#[template(path = "accounts/reset_password.html")]
struct ResetPage<'a> {
    shell: &'a Shell,
    token: String,
    outcome: ResetOutcome,
    password_error: Option<String>,
}

#[derive(PartialEq, Eq)]
enum ResetOutcome {
    Choose,
    Done,
    InvalidLink,
}

#[derive(Deserialize)]
pub struct EmailForm {
    #[serde(default)]
    email: String,
}

#[derive(Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
}

#[derive(Deserialize)]
pub struct ResetForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    password: String,
}

pub async fn forgot_form(State(state): State<AppState>, shell: Shell) -> Response {
    state.pages.page(&shell, |shell| {
        ForgotPage {
            shell,
            email: String::new(),
            sent: false,
            invalid_email: false,
        }
        .render()
    })
}

pub async fn forgot(
    State(state): State<AppState>,
    Links(base): Links,
    Client(client): Client,
    shell: Shell,
    Form(form): Form<EmailForm>,
) -> Result<Response, AppError> {
    let result = accounts::request_password_reset(
        &state.db,
        state.mailer.clone(),
        &state.throttle,
        accounts::LinkBase(&base),
        &form.email,
        &client,
    )
    .await;
    let (sent, invalid_email, status) = match result {
        Ok(()) => (true, false, StatusCode::OK),
        Err(AccountError::Invalid(_)) => (false, true, StatusCode::UNPROCESSABLE_ENTITY),
        // `RateLimited` included: it becomes the same 429 as `AppError::from(wait)`.
        Err(e) => return Err(e.into()),
    };
    Ok(render(
        ForgotPage {
            shell: &shell,
            email: form.email,
            sent,
            invalid_email,
        },
        status,
    ))
}

pub async fn reset_form(shell: Shell, Query(q): Query<TokenQuery>) -> Response {
    let page = ResetPage {
        shell: &shell,
        token: q.token,
        outcome: ResetOutcome::Choose,
        password_error: None,
    };
    render(page, StatusCode::OK)
}

pub async fn reset(
    State(state): State<AppState>,
    Client(client): Client,
    shell: Shell,
    Form(form): Form<ResetForm>,
) -> Result<Response, AppError> {
    match accounts::reset_password(&state.db, &form.token, &form.password, &client).await {
        Ok(_) => Ok(render(
            ResetPage {
                shell: &shell,
                token: String::new(),
                outcome: ResetOutcome::Done,
                password_error: None,
            },
            StatusCode::OK,
        )),
        Err(AccountError::Invalid(errors)) => {
            let message = errors.first().map(|e| shell.t(e.message_id));
            let page = ResetPage {
                shell: &shell,
                token: form.token,
                outcome: ResetOutcome::Choose,
                password_error: message,
            };
            Ok(render(page, StatusCode::UNPROCESSABLE_ENTITY))
        }
        Err(AccountError::InvalidLink) => Ok(render(
            ResetPage {
                shell: &shell,
                token: String::new(),
                outcome: ResetOutcome::InvalidLink,
                password_error: None,
            },
            StatusCode::BAD_REQUEST,
        )),
        Err(e) => Err(e.into()),
    }
}
