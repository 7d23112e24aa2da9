//! Bearer-token authentication for the JSON API: a valid access token puts the account in
//! the request as `ApiCaller`; a bad one leaves the reason, for routes that need a caller
//! to answer 401 with a precise code. Cookies never authenticate API requests, which is
//! why the API needs no CSRF token.

use app::api_tokens::TokenError;
use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::Response;
use store::users::User;

use crate::{AppState, ErrorCode};

/// The account behind a valid access token.
#[derive(Debug, Clone)]
pub struct ApiCaller {
    pub user: User,
}

/// Why the presented token was not accepted.
#[derive(Debug, Clone, Copy)]
pub struct BearerProblem(pub ErrorCode);

pub async fn authenticate(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let presented = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .map(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
                .ok_or(())
        });
    let outcome = match presented {
        None => None,
        Some(Err(())) => Some(Err(ErrorCode::TokenMalformed)),
        Some(Ok(token)) => Some(
            caller_of(&state, token)
                .await
                .map(|(user, _)| ApiCaller { user }),
        ),
    };
    match outcome {
        Some(Ok(caller)) => {
            req.extensions_mut().insert(caller);
        }
        Some(Err(code)) => {
            req.extensions_mut().insert(BearerProblem(code));
        }
        None => {}
    }
    next.run(req).await
}

/// The account behind an access token, with the token's claims, or why it is refused.
/// Shared by the API and the live socket (where the token comes in the first message).
pub async fn caller_of(
    state: &AppState,
    token: &str,
) -> Result<(User, app::api_tokens::AccessClaims), ErrorCode> {
    let claims = match state.tokens.verify(token.trim()).await {
        Ok(claims) => claims,
        Err(TokenError::Malformed) => return Err(ErrorCode::TokenMalformed),
        Err(TokenError::Expired) => return Err(ErrorCode::TokenExpired),
        Err(TokenError::Invalid) => return Err(ErrorCode::TokenInvalid),
    };
    let user = match state.viewers.account(&state.db, claims.sub).await {
        Ok(Some(user)) => user,
        Ok(None) => return Err(ErrorCode::TokenInvalid),
        Err(e) => {
            tracing::error!(error = %e, "loading the token's account failed");
            return Err(ErrorCode::Internal);
        }
    };
    match state.tokens.login_is_live(&user, claims.sid).await {
        Ok(true) => Ok((user, claims)),
        // The login was ended (logout, password change, role change ...).
        Ok(false) => Err(ErrorCode::TokenRevoked),
        Err(e) => {
            tracing::error!(error = %e, "checking the token's login failed");
            Err(ErrorCode::Internal)
        }
    }
}
