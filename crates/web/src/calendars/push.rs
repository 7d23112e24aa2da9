//! Where Google and Microsoft tell of changes to a connected calendar
//! (`app::calendars::push`): each notification names its channel and carries the secret
//! Mentora gave it; a match puts a sync on the queue, anything else is refused.

use app::calendars::push::{self, Heard};
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::{AppError, AppState, ErrorCode};

/// Receive a Google Calendar notification.
///
/// Google's watch channel POSTs here with `X-Goog-Channel-ID`, `X-Goog-Channel-Token` (the
/// channel's secret) and `X-Goog-Resource-State` (`sync` when the channel opens, `exists`
/// on a change); 404 for a channel or secret Mentora does not know.
#[utoipa::path(
    post, path = "/webhooks/google-calendar", tag = "webhooks", operation_id = "receive_google_calendar_notification",
    params(
        ("x-goog-channel-id" = String, Header, description = "The channel's id."),
        ("x-goog-channel-token" = String, Header, description = "The secret Mentora gave the channel."),
        ("x-goog-resource-state" = String, Header, description = "`sync`, `exists` or `not_exists`."),
    ),
    responses((status = 200, description = "Known: a sync of the calendar is on the queue (nothing for `sync`).")),
)]
pub async fn google(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<StatusCode, AppError> {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    };
    let heard = push::notified(
        &state.db,
        header("x-goog-channel-id"),
        header("x-goog-channel-token"),
        Some(header("x-goog-resource-state")),
    )
    .await?;
    match heard {
        Heard::Unknown => Err(AppError::new(ErrorCode::NotFound)),
        Heard::Handshake | Heard::Queued(_) => Ok(StatusCode::OK),
    }
}

#[derive(Deserialize)]
pub struct Validation {
    #[serde(rename = "validationToken")]
    validation_token: Option<String>,
}

/// Receive Microsoft Graph notifications.
///
/// When a subscription is made Graph first POSTs with `?validationToken=…`, which comes
/// back as plain text; then each notification lists `{subscriptionId, clientState}` (the
/// subscription's secret). 202 once read; a notification whose subscription or secret
/// Mentora does not know is ignored.
#[utoipa::path(
    post, path = "/webhooks/microsoft-calendar", tag = "webhooks", operation_id = "receive_microsoft_calendar_notification",
    params(("validationToken" = Option<String>, Query, description = "Graph's check of a new subscription's address.")),
    request_body(content = Object, description = "`{value: [{subscriptionId, clientState, …}]}`.", content_type = "application/json"),
    responses(
        (status = 200, description = "The validation token, as plain text.", body = String, content_type = "text/plain"),
        (status = 202, description = "Notifications read: a sync of each known calendar is on the queue."),
    ),
)]
pub async fn microsoft(
    State(state): State<AppState>,
    Query(validation): Query<Validation>,
    body: Bytes,
) -> Result<Response, AppError> {
    if let Some(token) = validation.validation_token {
        // Graph's tokens are short; a long one is not Graph's.
        if token.len() > 1024 {
            return Err(AppError::new(ErrorCode::NotFound));
        }
        // Graph's handshake: the token back as it came, as plain text (escaped by nobody:
        // text/plain is never rendered), within ten seconds.
        return Ok((
            StatusCode::OK,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            token,
        )
            .into_response());
    }
    let text = std::str::from_utf8(&body).map_err(|_| AppError::new(ErrorCode::MalformedJson))?;
    let notes: serde_json::Value =
        serde_json::from_str(text).map_err(|_| AppError::new(ErrorCode::MalformedJson))?;
    // One look per subscription, however many changes a delivery lists for it.
    let mut heard: Vec<(&str, &str)> = notes["value"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|n| Some((n["subscriptionId"].as_str()?, n["clientState"].as_str()?)))
        .collect();
    heard.sort_unstable();
    heard.dedup();
    let mut queued = 0;
    for (id, secret) in heard.into_iter().take(20) {
        if let Heard::Queued(_) = push::notified(&state.db, id, secret, None).await? {
            queued += 1;
        }
    }
    Ok((
        StatusCode::ACCEPTED,
        Json(serde_json::json!({ "queued": queued })),
    )
        .into_response())
}
