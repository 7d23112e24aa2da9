//! `POST /api/v1/webhooks/stripe`: Stripe's deliveries. Authentic ones are acknowledged
//! with 200 once applied (or known); anything unsigned, mis-signed or stale gets 400 and
//! changes nothing. Without Stripe configured the endpoint does not exist.

use app::experts::payouts::{self, WebhookFailure};
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use serde_json::{Value, json};

use crate::{AppError, AppState, ErrorCode};

pub async fn stripe(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, AppError> {
    let Some(secret) = &state.stripe_webhook_secret else {
        return Err(AppError::new(ErrorCode::NotFound));
    };
    let signature = headers
        .get("stripe-signature")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let now = state.clock().now();
    let delivery = payouts::receive_webhook(&state.db, &body, signature, secret, now)
        .await
        .map_err(|e| match e {
            WebhookFailure::Rejected(why) => {
                tracing::warn!(reason = %why, "refused a Stripe webhook delivery");
                AppError::new(ErrorCode::WebhookInvalid).with_arg("problem", why.to_string())
            }
            WebhookFailure::Unreadable(why) => {
                AppError::new(ErrorCode::WebhookInvalid).with_arg("problem", why)
            }
            WebhookFailure::Store(e) => AppError::from(e),
        })?;
    Ok(Json(json!({
        "received": true,
        "applied": delivery == payouts::Delivery::Applied,
    })))
}
