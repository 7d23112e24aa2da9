//! `POST /api/v1/webhooks/zoom`: Zoom's deliveries. Each must carry Zoom's signature
//! (`x-zm-signature`, `x-zm-request-timestamp`, within five minutes); Zoom's check of a
//! new endpoint (`endpoint.url_validation`) is answered as it documents; participants
//! joining and leaving a session's meeting are recorded as stays in its room, so the
//! attendance settlement treats Zoom sessions like the built-in room's. Without a webhook
//! secret configured the endpoint does not exist.

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;

use crate::{AppError, AppState, ErrorCode};

/// Receive a Zoom event.
///
/// Checked against `x-zm-signature` (`v0=` HMAC-SHA256 of `v0:{timestamp}:{body}` with the
/// app's secret token); 404 when Zoom webhooks are not configured.
#[utoipa::path(
    post, path = "/webhooks/zoom", tag = "webhooks", operation_id = "receive_zoom_event",
    params(
        ("x-zm-signature" = String, Header, description = "`v0=…` as Zoom signs it."),
        ("x-zm-request-timestamp" = String, Header, description = "Unix seconds, as Zoom sends them."),
    ),
    request_body(content = Object, description = "A Zoom event.", content_type = "application/json"),
    responses((status = 200, description = "Authentic: acknowledged (or, for `endpoint.url_validation`, the answer Zoom expects).", body = Object)),
)]
pub async fn zoom(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<serde_json::Value>, AppError> {
    let Some(secret) = &state.settings.video.outside.zoom_webhook_secret else {
        return Err(AppError::new(ErrorCode::NotFound));
    };
    let header = |name| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    };
    let text = std::str::from_utf8(&body).unwrap_or("");
    let now = state.clock().now().as_second();
    if !meetings::zoom_webhook::verify(
        secret,
        header("x-zm-request-timestamp"),
        text,
        header("x-zm-signature"),
        now,
    ) {
        tracing::warn!("refused a Zoom webhook delivery: not signed by Zoom, or stale");
        return Err(AppError::new(ErrorCode::WebhookInvalid)
            .with_arg("problem", "the signature or timestamp does not match"));
    }
    let event: serde_json::Value =
        serde_json::from_str(text).map_err(|_| AppError::new(ErrorCode::MalformedJson))?;
    if event["event"] == "endpoint.url_validation" {
        let plain = event["payload"]["plainToken"].as_str().unwrap_or("");
        return Ok(Json(meetings::zoom_webhook::validation_answer(
            secret, plain,
        )));
    }
    let applied = match meetings::zoom_webhook::participant_event(&event) {
        Some(participant) => {
            app::rooms::meetings::zoom_participant(&state.db, &participant).await?
        }
        None => false,
    };
    Ok(Json(
        serde_json::json!({ "received": true, "applied": applied }),
    ))
}
