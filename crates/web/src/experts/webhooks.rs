//! `POST /api/v1/webhooks/stripe`: Stripe's deliveries. Authentic ones are stored with the
//! job that handles them and acknowledged with 200 (a retry of one stored before: 200,
//! nothing new); anything unsigned, mis-signed or stale gets 400, is logged and is never
//! processed. Without Stripe configured the endpoint does not exist.

use app::payments::webhooks::{self, Receipt, Refused};
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{AppError, AppState, ErrorCode};

/// What was done with a delivery.
#[derive(Serialize, ToSchema)]
#[schema(as = WebhookReceipt)]
pub struct ReceiptBody {
    /// Always true: the event was authentic and is stored now.
    received: bool,
    /// False when the event was received before (a retried delivery): nothing new.
    applied: bool,
}

/// Receive a Stripe event.
///
/// Checked against the `Stripe-Signature` header and the endpoint's secret (with a
/// five-minute tolerance); 404 when Stripe is not configured.
#[utoipa::path(
    post, path = "/webhooks/stripe", tag = "webhooks", operation_id = "receive_stripe_event",
    params(("Stripe-Signature" = String, Header, description = "`t=…,v1=…` as Stripe signs it.")),
    request_body(content = Object, description = "A Stripe event object.", content_type = "application/json"),
    responses((status = 200, description = "Authentic: acknowledged.", body = ReceiptBody)),
)]
pub async fn stripe(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<ReceiptBody>, AppError> {
    let Some(secret) = &state.stripe_webhook_secret else {
        return Err(AppError::new(ErrorCode::NotFound));
    };
    let signature = headers
        .get("stripe-signature")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let now = state.clock().now();
    let receipt = webhooks::receive(&state.db, &body, signature, secret, now)
        .await
        .map_err(|e| match e {
            Refused::NotAuthentic(why) => {
                tracing::warn!(reason = %why, "refused a Stripe webhook delivery");
                AppError::new(ErrorCode::WebhookInvalid).with_arg("problem", why.to_string())
            }
            Refused::Store(e) => AppError::from(e),
        })?;
    Ok(Json(ReceiptBody {
        received: true,
        applied: receipt == Receipt::Accepted,
    }))
}
