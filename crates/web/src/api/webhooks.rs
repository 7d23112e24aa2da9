//! `POST /api/v1/webhooks/stripe`: Stripe's deliveries. Authentic ones are acknowledged
//! with 200 once applied (or known); anything unsigned, mis-signed or stale gets 400 and
//! changes nothing. Without Stripe configured the endpoint does not exist.

use app::experts::payouts::{self, WebhookFailure};
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::{AppError, AppState, ErrorCode};

pub async fn stripe(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let Some(secret) = &state.stripe_webhook_secret else {
        return AppError::new(ErrorCode::NotFound).into_response();
    };
    let signature = headers
        .get("stripe-signature")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let now = chrono::Utc::now().timestamp();
    match payouts::receive_webhook(&state.db, &body, signature, secret, now).await {
        Ok(delivery) => Json(json!({
            "received": true,
            "applied": delivery == payouts::Delivery::Applied,
        }))
        .into_response(),
        Err(WebhookFailure::Rejected(why)) => {
            tracing::warn!(reason = %why, "refused a Stripe webhook delivery");
            AppError::new(ErrorCode::WebhookInvalid)
                .with_arg("problem", why.to_string())
                .into_response()
        }
        Err(WebhookFailure::Unreadable(why)) => AppError::new(ErrorCode::WebhookInvalid)
            .with_arg("problem", why)
            .into_response(),
        Err(WebhookFailure::Store(e)) => AppError::from(e).into_response(),
    }
}
