//! API authentication: register, log in (with TOTP when enrolled), refresh, log out.

use app::accounts::{self, LinkBase, SignUp};
use app::api_tokens::{self, RefreshError, TokenPair};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::api::json::JsonBody;
use crate::extract::Client;
use crate::pages::shell::Shell;
use crate::{AppError, AppState, ErrorCode, Links};

/// A new account.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = Registration)]
pub struct RegisterBody {
    #[schema(format = Email)]
    email: String,
    /// At least 12 characters, not a common or guessable one.
    #[schema(format = Password)]
    password: String,
    display_name: String,
    /// An IANA zone (default: UTC).
    #[serde(default)]
    #[schema(example = "Europe/Madrid")]
    time_zone: String,
    /// ISO 4217 code prices are shown in (default: USD).
    #[serde(default)]
    #[schema(example = "EUR")]
    currency: String,
}

/// What a registration did.
#[derive(Serialize, ToSchema)]
#[schema(as = Registered)]
pub struct RegisteredBody {
    /// Always `verification_sent`.
    status: &'static str,
    /// The address, as it will be kept.
    email: String,
}

/// Register an account.
///
/// Answers 201 whether or not the address was taken (its owner is emailed instead), so
/// the API cannot be used to find out who has an account. The account logs in once the
/// emailed link is followed.
#[utoipa::path(
    post, path = "/auth/register", tag = "accounts", operation_id = "register",
    request_body = RegisterBody,
    responses((status = 201, description = "A verification email is on its way.", body = RegisteredBody)),
)]
pub async fn register(
    State(state): State<AppState>,
    Links(base): Links,
    Client(client): Client,
    shell: Shell,
    JsonBody(body): JsonBody<RegisterBody>,
) -> Result<(StatusCode, Json<RegisteredBody>), AppError> {
    let input = SignUp {
        email: &body.email,
        password: &body.password,
        display_name: &body.display_name,
        locale: shell.locale,
        time_zone: &body.time_zone,
        currency: &body.currency,
        then: None,
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
        Json(RegisteredBody {
            status: "verification_sent",
            email: body.email.trim().to_lowercase(),
        }),
    ))
}

/// Credentials for an API login.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = Login)]
pub struct LoginBody {
    #[schema(format = Email)]
    email: String,
    #[schema(format = Password)]
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

/// Log in.
///
/// Returns an access token and a refresh token. With a second factor enrolled, send its
/// code as `totp` (401 `second_factor_required` says one is needed).
#[utoipa::path(
    post, path = "/auth/login", tag = "accounts", operation_id = "log_in",
    request_body = LoginBody,
    responses((status = 200, description = "Logged in.", body = TokenPair)),
)]
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

/// A one-time sign-in link's token.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = LinkLogin)]
pub struct LinkLoginBody {
    /// The `token` of a one-time sign-in link (sent while the address is locked).
    token: String,
    #[serde(default)]
    totp: Option<String>,
    #[serde(default)]
    device_token: Option<String>,
}

/// Log in with an emailed link.
///
/// While failed attempts from elsewhere have the address locked, its owner is emailed a
/// one-time link; a client logs in with the link's token.
#[utoipa::path(
    post, path = "/auth/login/link", tag = "accounts", operation_id = "log_in_with_link",
    request_body = LinkLoginBody,
    responses((status = 200, description = "Logged in.", body = TokenPair)),
)]
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

/// A refresh token.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = Refresh)]
pub struct RefreshBody {
    refresh_token: String,
}

/// Trade a refresh token for a new pair.
///
/// Each refresh token works once; presenting a used one again ends the whole login
/// (401 `refresh_token_reused`).
#[utoipa::path(
    post, path = "/auth/refresh", tag = "accounts", operation_id = "refresh",
    request_body = RefreshBody,
    responses((status = 200, description = "The next pair.", body = TokenPair)),
)]
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

/// Log out.
///
/// Revokes the login (every refresh token of its family); its access tokens stop working
/// too. 204 even for unknown tokens.
#[utoipa::path(
    post, path = "/auth/logout", tag = "accounts", operation_id = "log_out",
    request_body = RefreshBody,
    responses((status = 204, description = "Logged out.")),
)]
pub async fn logout(
    State(state): State<AppState>,
    Client(client): Client,
    JsonBody(body): JsonBody<RefreshBody>,
) -> Result<StatusCode, AppError> {
    api_tokens::log_out(&state.db, &body.refresh_token, &client).await?;
    Ok(StatusCode::NO_CONTENT)
}
