//! Passkey ceremonies for the browser (`assets/passkeys.js` drives them): adding a passkey,
//! logging in with one, and using one as the second step. JSON in and out, authenticated by
//! the session cookie and protected by the CSRF header like every other page request.

use app::accounts::AccountError;
use app::passkeys;
use axum::extract::{Form, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::Deserialize;
use serde_json::json;
use webauthn_rs::prelude::{PublicKeyCredential, RegisterPublicKeyCredential, Webauthn};

use super::account_security;
use super::auth::logged_in_response;
use super::shell::Shell;
use crate::api::json::JsonBody;
use crate::extract::Client;
use crate::middleware::cookies;
use crate::middleware::viewer::{SignedIn, Viewer};
use crate::{AppError, AppState, BrowserOrigin};

fn relying_party(origin: &str) -> Result<Webauthn, AppError> {
    passkeys::relying_party(origin).map_err(AppError::from)
}

/// `{ceremony, options}` for the browser.
fn ceremony(options: impl serde::Serialize, ceremony: String) -> Response {
    Json(json!({"ceremony": ceremony, "options": options})).into_response()
}

/// Where the browser goes next, with the new session's cookie (JSON, not a redirect: the
/// request came from `fetch`).
fn signed_in(state: &AppState, logged_in: &app::login::LoggedIn, next: &str) -> Response {
    let redirect = logged_in_response(state, logged_in, next);
    let target = redirect
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("/")
        .to_owned();
    let mut response = Json(json!({"redirect": target})).into_response();
    for cookie in redirect.headers().get_all(header::SET_COOKIE) {
        response
            .headers_mut()
            .append(header::SET_COOKIE, cookie.clone());
    }
    response
}

pub async fn register_start(
    State(state): State<AppState>,
    BrowserOrigin(origin): BrowserOrigin,
    SignedIn(viewer): SignedIn,
) -> Response {
    let rp = match relying_party(&origin) {
        Ok(rp) => rp,
        Err(e) => return e.into_response(),
    };
    match passkeys::start_registration(&state.db, &rp, &viewer.user).await {
        Ok((options, id)) => ceremony(options, id),
        Err(e) => AppError::from(e).into_response(),
    }
}

#[derive(Deserialize)]
pub struct RegisterFinish {
    ceremony: String,
    name: String,
    credential: RegisterPublicKeyCredential,
}

pub async fn register_finish(
    State(state): State<AppState>,
    BrowserOrigin(origin): BrowserOrigin,
    Client(client): Client,
    SignedIn(viewer): SignedIn,
    JsonBody(body): JsonBody<RegisterFinish>,
) -> Response {
    let rp = match relying_party(&origin) {
        Ok(rp) => rp,
        Err(e) => return e.into_response(),
    };
    let finished = passkeys::finish_registration(
        &state.db,
        &rp,
        viewer.user.id,
        &body.ceremony,
        &body.name,
        &body.credential,
        &client,
    )
    .await;
    match finished {
        Ok(()) => Json(json!({"redirect": "/account/security"})).into_response(),
        Err(e) => AppError::from(e).into_response(),
    }
}

pub async fn login_start(
    State(state): State<AppState>,
    BrowserOrigin(origin): BrowserOrigin,
    Client(client): Client,
) -> Response {
    let rp = match relying_party(&origin) {
        Ok(rp) => rp,
        Err(e) => return e.into_response(),
    };
    match passkeys::start_login(&state.db, &state.throttle, &rp, &client).await {
        Ok((options, id)) => ceremony(options, id),
        Err(e) => AppError::from(e).into_response(),
    }
}

#[derive(Deserialize)]
pub struct LoginFinish {
    ceremony: String,
    credential: PublicKeyCredential,
    #[serde(default)]
    next: String,
}

pub async fn login_finish(
    State(state): State<AppState>,
    BrowserOrigin(origin): BrowserOrigin,
    Client(client): Client,
    viewer: Option<Extension<Viewer>>,
    JsonBody(body): JsonBody<LoginFinish>,
) -> Response {
    let rp = match relying_party(&origin) {
        Ok(rp) => rp,
        Err(e) => return e.into_response(),
    };
    match passkeys::finish_login(&state.db, &rp, &body.ceremony, &body.credential, &client).await {
        Ok(logged_in) => {
            if let Some(Extension(old)) = viewer {
                let _ = app::accounts::log_out(&state.db, &old.session, &client).await;
            }
            signed_in(&state, &logged_in, &body.next)
        }
        Err(e) => AppError::from(e).into_response(),
    }
}

const SECOND_FACTOR_COOKIE: &str = "mentora_2fa";

pub async fn second_factor_start(
    State(state): State<AppState>,
    BrowserOrigin(origin): BrowserOrigin,
    headers: HeaderMap,
) -> Response {
    let Some(challenge) = cookies::get(&headers, SECOND_FACTOR_COOKIE) else {
        return AppError::from(AccountError::InvalidLink).into_response();
    };
    let rp = match relying_party(&origin) {
        Ok(rp) => rp,
        Err(e) => return e.into_response(),
    };
    let started = match app::login::pending_second_factor(&state.db, challenge).await {
        Ok(user_id) => passkeys::start_second_factor(&state.db, &rp, user_id).await,
        Err(e) => Err(e),
    };
    match started {
        Ok((options, id)) => ceremony(options, id),
        Err(e) => AppError::from(e).into_response(),
    }
}

pub async fn second_factor_finish(
    State(state): State<AppState>,
    BrowserOrigin(origin): BrowserOrigin,
    Client(client): Client,
    headers: HeaderMap,
    JsonBody(body): JsonBody<LoginFinish>,
) -> Response {
    let Some(challenge) = cookies::get(&headers, SECOND_FACTOR_COOKIE) else {
        return AppError::from(AccountError::InvalidLink).into_response();
    };
    let rp = match relying_party(&origin) {
        Ok(rp) => rp,
        Err(e) => return e.into_response(),
    };
    let user_id = match app::login::pending_second_factor(&state.db, challenge).await {
        Ok(user_id) => user_id,
        Err(e) => return AppError::from(e).into_response(),
    };
    match passkeys::finish_second_factor(
        &state.db,
        &rp,
        user_id,
        &body.ceremony,
        &body.credential,
        &client,
    )
    .await
    {
        Ok(true) => {}
        Ok(false) => return AppError::from(AccountError::InvalidSecondFactor).into_response(),
        Err(e) => return AppError::from(e).into_response(),
    }
    match app::login::complete_second_factor(&state.db, challenge, user_id, &client).await {
        Ok(logged_in) => {
            let mut response = signed_in(&state, &logged_in, &body.next);
            let clear = format!(
                "{SECOND_FACTOR_COOKIE}=; Path=/login/second-factor; Max-Age=0; HttpOnly; SameSite=Strict"
            );
            if let Ok(value) = HeaderValue::from_str(&clear) {
                response.headers_mut().append(header::SET_COOKIE, value);
            }
            response
        }
        Err(e) => AppError::from(e).into_response(),
    }
}

#[derive(Deserialize)]
pub struct RemoveForm {
    #[serde(default)]
    id: String,
    #[serde(default)]
    password: String,
}

/// Removes one of the person's passkeys after asking for the password again.
pub async fn remove(
    State(state): State<AppState>,
    Client(client): Client,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Form(form): Form<RemoveForm>,
) -> Response {
    let Ok(id) = form.id.parse::<uuid::Uuid>() else {
        return AppError::new(crate::ErrorCode::NotFound).into_response();
    };
    let outcome =
        match passkeys::remove(&state.db, viewer.user.id, id, &form.password, &client).await {
            Ok(true) => Ok(()),
            Ok(false) => return AppError::new(crate::ErrorCode::NotFound).into_response(),
            Err(e) => Err(e),
        };
    account_security::after_reauthenticated_change(&state, &viewer, &shell, "passkey", outcome)
        .await
}
