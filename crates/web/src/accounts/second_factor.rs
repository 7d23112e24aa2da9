//! The second step of logging in: a code from the authenticator app, or a recovery code.
//! The pending login is a short-lived single-use challenge held in a cookie scoped to this
//! page, so the password is never asked for twice and never carried in the page.

use app::accounts::AccountError;
use askama::Template;
use axum::extract::{Form, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use serde::Deserialize;

use super::auth::logged_in_response;
use crate::extract::Client;
use crate::middleware::cookies;
use crate::pages::render;
use crate::pages::shell::Shell;
use crate::{AppError, AppState};

const COOKIE: &str = "mentora_2fa";

#[derive(Template)]
#[template(path = "accounts/second_factor.html")]
struct SecondFactorPage<'a> {
    shell: &'a Shell,
    next: String,
    wrong: bool,
}

fn cookie(state: &AppState, value: &str, max_age: i64) -> Option<HeaderValue> {
    let secure = if state.settings.served_over_https() {
        "; Secure"
    } else {
        ""
    };
    HeaderValue::from_str(&format!(
        "{COOKIE}={value}; Path=/login/second-factor; Max-Age={max_age}; HttpOnly; SameSite=Strict{secure}"
    ))
    .ok()
}

/// After a correct password: keep the challenge in a cookie and ask for the code.
pub(crate) fn ask(state: &AppState, challenge: &str, next: &str) -> Response {
    let target = match serde_urlencoded::to_string([("next", next)]) {
        Ok(q) if !next.is_empty() => format!("/login/second-factor?{q}"),
        _ => "/login/second-factor".to_owned(),
    };
    let mut response = crate::redirect::to(&target);
    let lifetime = app::login::SECOND_FACTOR_WINDOW.as_secs();
    if let Some(value) = cookie(state, challenge, lifetime) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

#[derive(Deserialize)]
pub struct NextParam {
    #[serde(default)]
    next: String,
}

pub async fn form(
    shell: Shell,
    headers: HeaderMap,
    axum::extract::Query(q): axum::extract::Query<NextParam>,
) -> Response {
    if cookies::get(&headers, COOKIE).is_none() {
        return crate::redirect::to("/login");
    }
    render(
        SecondFactorPage {
            shell: &shell,
            next: q.next,
            wrong: false,
        },
        StatusCode::OK,
    )
}

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    next: String,
}

pub async fn submit(
    State(state): State<AppState>,
    Client(client): Client,
    shell: Shell,
    headers: HeaderMap,
    Form(form): Form<CodeForm>,
) -> Result<Response, AppError> {
    let Some(challenge) = cookies::get(&headers, COOKIE) else {
        return Ok(crate::redirect::to("/login"));
    };
    match app::login::finish_second_factor(&state.db, challenge, &form.code, &client).await {
        Ok(logged_in) => {
            let mut response = logged_in_response(&state, &logged_in, &form.next);
            if let Some(value) = cookie(&state, "", 0) {
                response.headers_mut().append(header::SET_COOKIE, value);
            }
            Ok(response)
        }
        Err(AccountError::InvalidSecondFactor) => Ok(render(
            SecondFactorPage {
                shell: &shell,
                next: form.next,
                wrong: true,
            },
            StatusCode::UNAUTHORIZED,
        )),
        // Expired, used up, or out of attempts: start again from the password.
        Err(AccountError::InvalidLink) => Ok(crate::redirect::to("/login")),
        Err(e) => Err(e.into()),
    }
}
