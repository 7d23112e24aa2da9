//! Signing in to Google or Microsoft for an expert's calendars. `POST /calendars/{provider}`
//! (optionally with the `connection` to reconnect) keeps the sealed attempt in a cookie
//! scoped to the return path and sends the browser to the provider;
//! `GET /calendars/oauth/{provider}` is where the provider sends it back, with the code
//! and the state. The cookie is `SameSite=Lax`, so it comes back on that top-level
//! navigation, and lives ten minutes.

use app::calendars::CalendarUseError;
use app::calendars::Provider;
use app::calendars::signed_in::{self, Answer};
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use uuid::Uuid;

use crate::middleware::viewer::SignedIn;
use crate::{AppError, AppState, ErrorCode};

const COOKIE: &str = "mentora_calendar_sign_in";

fn provider_of(name: &str) -> Result<Provider, AppError> {
    Provider::of_kind(name).ok_or_else(|| AppError::new(ErrorCode::NotFound))
}

fn cookie(state: &AppState, value: &str, max_age: i64) -> Result<HeaderValue, AppError> {
    let secure = if state.settings.origin.served_over_https() {
        "; Secure"
    } else {
        ""
    };
    HeaderValue::from_str(&format!(
        "{COOKIE}={value}; Path=/calendars/oauth; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}"
    ))
    .map_err(AppError::internal)
}

#[derive(Deserialize)]
pub struct StartForm {
    /// The connection to reconnect; empty for a new one.
    #[serde(default)]
    connection: String,
}

/// `POST /calendars/{provider}`: off to the provider's sign-in.
pub async fn start(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(provider): Path<String>,
    Form(form): Form<StartForm>,
) -> Result<Response, AppError> {
    let provider = provider_of(&provider)?;
    let reconnect = match form.connection.trim() {
        "" => None,
        id => Some(
            id.parse::<Uuid>()
                .map_err(|_| AppError::new(ErrorCode::NotFound))?,
        ),
    };
    let started = signed_in::start(
        &state.db,
        &state.calendars,
        &viewer.user,
        provider,
        reconnect,
    )
    .await?;
    let mut response = crate::redirect::to(&started.url);
    let max_age = signed_in::ATTEMPT_LIFETIME.as_secs();
    response.headers_mut().append(
        header::SET_COOKIE,
        cookie(&state, &started.attempt, max_age)?,
    );
    Ok(response)
}

#[derive(Deserialize, Default)]
pub struct Back {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// `GET /calendars/oauth/{provider}`: back from the provider.
pub async fn back(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(provider): Path<String>,
    Query(back): Query<Back>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let provider = provider_of(&provider)?;
    let attempt = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value.to_owned());
    let answer = Answer {
        code: back.code,
        state: back.state,
        error: back.error,
    };
    let denied = answer.error.as_deref() == Some("access_denied");
    let finished = signed_in::finish(
        &state.db,
        &state.calendars,
        &state.schedules,
        &viewer.user,
        provider,
        attempt.as_deref(),
        &answer,
    )
    .await;
    let target = match finished {
        Ok(done) => super::pages::connected_notice(done),
        Err(CalendarUseError::SignIn(why)) => {
            tracing::info!(reason = why, "a calendar sign-in did not complete");
            if denied {
                "/calendars?failed=denied"
            } else if why == signed_in::OTHER_ACCOUNT {
                "/calendars?failed=other-account"
            } else {
                "/calendars?failed=sign-in"
            }
        }
        Err(CalendarUseError::Invalid(_)) => "/calendars?failed=sign-in",
        Err(other) => {
            // The attempt is used up even so.
            let mut response = AppError::from(other).into_response();
            response
                .headers_mut()
                .append(header::SET_COOKIE, cookie(&state, "", 0)?);
            return Ok(response);
        }
    };
    let mut response = crate::redirect::to(target);
    // The attempt is used up, whatever came of it.
    response
        .headers_mut()
        .append(header::SET_COOKIE, cookie(&state, "", 0)?);
    Ok(response)
}
