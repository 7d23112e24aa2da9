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

use super::auth::logged_in_response;
use super::security as account_security;
use crate::api::json::JsonBody;
use crate::extract::Client;
use crate::middleware::cookies;
use crate::middleware::viewer::{SignedIn, Viewer};
use crate::pages::shell::Shell;
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
) -> Result<Response, AppError> {
    let rp = relying_party(&origin)?;
    let (options, id) = passkeys::start_registration(&state.db, &rp, &viewer.user).await?;
    Ok(ceremony(options, id))
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
) -> Result<Response, AppError> {
    let rp = relying_party(&origin)?;
    passkeys::finish_registration(
        &state.db,
        &rp,
        viewer.user.id,
        &body.ceremony,
        &body.name,
        &body.credential,
        &client,
    )
    .await?;
    Ok(Json(json!({"redirect": "/account/security"})).into_response())
}

pub async fn login_start(
    State(state): State<AppState>,
    BrowserOrigin(origin): BrowserOrigin,
    Client(client): Client,
) -> Result<Response, AppError> {
    let rp = relying_party(&origin)?;
    let (options, id) = passkeys::start_login(&state.db, &state.throttle, &rp, &client).await?;
    Ok(ceremony(options, id))
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
) -> Result<Response, AppError> {
    let rp = relying_party(&origin)?;
    let logged_in =
        passkeys::finish_login(&state.db, &rp, &body.ceremony, &body.credential, &client).await?;
    if let Some(Extension(old)) = viewer {
        let _ = app::accounts::log_out(&state.db, &old.login, &client).await;
    }
    Ok(signed_in(&state, &logged_in, &body.next))
}

const SECOND_FACTOR_COOKIE: &str = "mentora_2fa";

pub async fn second_factor_start(
    State(state): State<AppState>,
    BrowserOrigin(origin): BrowserOrigin,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let Some(challenge) = cookies::get(&headers, SECOND_FACTOR_COOKIE) else {
        return Err(AccountError::InvalidLink.into());
    };
    let rp = relying_party(&origin)?;
    let user_id = app::login::pending_second_factor(&state.db, challenge).await?;
    let (options, id) = passkeys::start_second_factor(&state.db, &rp, user_id).await?;
    Ok(ceremony(options, id))
}

pub async fn second_factor_finish(
    State(state): State<AppState>,
    BrowserOrigin(origin): BrowserOrigin,
    Client(client): Client,
    headers: HeaderMap,
    JsonBody(body): JsonBody<LoginFinish>,
) -> Result<Response, AppError> {
    let Some(challenge) = cookies::get(&headers, SECOND_FACTOR_COOKIE) else {
        return Err(AccountError::InvalidLink.into());
    };
    let rp = relying_party(&origin)?;
    let user_id = app::login::pending_second_factor(&state.db, challenge).await?;
    let verified = passkeys::finish_second_factor(
        &state.db,
        &rp,
        user_id,
        &body.ceremony,
        &body.credential,
        &client,
    )
    .await?;
    if !verified {
        return Err(AccountError::InvalidSecondFactor.into());
    }
    let logged_in =
        app::login::complete_second_factor(&state.db, challenge, user_id, &client).await?;
    let mut response = signed_in(&state, &logged_in, &body.next);
    let clear = format!(
        "{SECOND_FACTOR_COOKIE}=; Path=/login/second-factor; Max-Age=0; HttpOnly; SameSite=Strict"
    );
    if let Ok(value) = HeaderValue::from_str(&clear) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    Ok(response)
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
) -> Result<Response, AppError> {
    let Ok(id) = form.id.parse::<uuid::Uuid>() else {
        return Err(AppError::new(crate::ErrorCode::NotFound));
    };
    let outcome =
        match passkeys::remove(&state.db, viewer.user.id, id, &form.password, &client).await {
            Ok(true) => Ok(()),
            Ok(false) => return Err(AppError::new(crate::ErrorCode::NotFound)),
            Err(e) => Err(e),
        };
    account_security::after_reauthenticated_change(&state, &viewer, &shell, "passkey", outcome)
        .await
}
