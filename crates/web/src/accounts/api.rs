//! API authentication: register, log in (with TOTP when enrolled), refresh, log out.

use app::accounts::{self, LinkBase, SignUp};
use app::api_tokens::{self, RefreshError, TokenPair};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;

use crate::api::json::JsonBody;
use crate::extract::Client;
use crate::pages::shell::Shell;
use crate::{AppError, AppState, ErrorCode, Links};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegisterBody {
    email: String,
    password: String,
    display_name: String,
    #[serde(default)]
    time_zone: String,
    #[serde(default)]
    currency: String,
}

/// 201 whether or not the address was taken (its owner is emailed instead), so the API
/// cannot be used to find out who has an account.
pub async fn register(
    State(state): State<AppState>,
    Links(base): Links,
    Client(client): Client,
    shell: Shell,
    JsonBody(body): JsonBody<RegisterBody>,
) -> Result<(StatusCode, Json<serde_json::Value>), AppError> {
    let input = SignUp {
        email: &body.email,
        password: &body.password,
        display_name: &body.display_name,
        locale: shell.locale,
        time_zone: &body.time_zone,
        currency: &body.currency,
    };
    accounts::sign_up(
        &state.db,
        state.mailer.as_ref(),
        &state.throttle,
        LinkBase(&base),
        input,
        &client,
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(serde_json::json!({
            "status": "verification_sent",
            "email": body.email.trim().to_lowercase(),
        })),
    ))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoginBody {
    email: String,
    password: String,
    /// A TOTP code, or a recovery code, when the account has a second factor.
    #[serde(default)]
    totp: Option<String>,
    /// The `device_token` an earlier login returned: while failed logins from elsewhere
    /// have the address locked, it lets the owner's client still log in.
    #[serde(default)]
    device_token: Option<String>,
}

/// The device token a client presented, if it could be one of ours (anything empty or
/// longer than any token we hand out is ignored, not an error).
fn presented_device(token: Option<String>) -> Option<String> {
    token.filter(|t| !t.is_empty() && t.len() <= 128)
}

pub async fn login(
    State(state): State<AppState>,
    Links(base): Links,
    Client(mut client): Client,
    JsonBody(body): JsonBody<LoginBody>,
) -> Result<Json<TokenPair>, AppError> {
    client.device = presented_device(body.device_token);
    let (_, pair) = api_tokens::log_in(
        &state.db,
        &state.mailer,
        &state.throttle,
        &state.tokens,
        LinkBase(&base),
        &body.email,
        &body.password,
        body.totp.as_deref(),
        &client,
    )
    .await?;
    Ok(Json(pair))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinkLoginBody {
    /// The `token` of a one-time sign-in link (sent while the address is locked).
    token: String,
    #[serde(default)]
    totp: Option<String>,
    #[serde(default)]
    device_token: Option<String>,
}

/// `POST /api/v1/auth/login/link` {token, totp?, device_token?}: a client that cannot log
/// in with its password while the address is locked logs in with the emailed link.
pub async fn login_with_link(
    State(state): State<AppState>,
    Client(mut client): Client,
    JsonBody(body): JsonBody<LinkLoginBody>,
) -> Result<Json<TokenPair>, AppError> {
    client.device = presented_device(body.device_token);
    let (_, pair) = api_tokens::log_in_with_link(
        &state.db,
        &state.throttle,
        &state.tokens,
        &body.token,
        body.totp.as_deref(),
        &client,
    )
    .await?;
    Ok(Json(pair))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefreshBody {
    refresh_token: String,
}

pub async fn refresh(
    State(state): State<AppState>,
    Client(client): Client,
    JsonBody(body): JsonBody<RefreshBody>,
) -> Result<Json<TokenPair>, AppError> {
    let pair = api_tokens::refresh(&state.db, &state.tokens, &body.refresh_token, &client)
        .await
        .map_err(|e| match e {
            RefreshError::Invalid => AppError::new(ErrorCode::RefreshTokenInvalid),
            RefreshError::Reused => AppError::new(ErrorCode::RefreshTokenReused),
            RefreshError::Account(e) => AppError::from(e),
        })?;
    Ok(Json(pair))
}

/// Revokes the login (every refresh token of its family). 204 even for unknown tokens.
pub async fn logout(
    State(state): State<AppState>,
    Client(client): Client,
    JsonBody(body): JsonBody<RefreshBody>,
) -> Result<StatusCode, AppError> {
    api_tokens::log_out(&state.db, &body.refresh_token, &client).await?;
    Ok(StatusCode::NO_CONTENT)
}
