//! Operator reads: the dev outbox and the audit log.

use axum::Json;
use axum::extract::{Query, State};
use serde::{Deserialize, Serialize};

use crate::{AppError, AppState};

#[derive(Serialize)]
struct OutboxEntry {
    to: String,
    subject: String,
    text: String,
    /// The iCalendar invite sent with the message, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    calendar: Option<String>,
    created_at: String,
}

#[derive(Deserialize)]
pub struct LimitParam {
    #[serde(default = "default_limit")]
    limit: u64,
}

fn default_limit() -> u64 {
    50
}

/// Newest first.
pub async fn outbox(
    State(state): State<AppState>,
    Query(q): Query<LimitParam>,
) -> Result<Json<serde_json::Value>, AppError> {
    let mail = app::mail::outbox(&state.db, q.limit.clamp(1, 500)).await?;
    Ok(Json(serde_json::json!({
        "messages": mail
            .into_iter()
            .map(|m| OutboxEntry {
                to: m.to,
                subject: m.subject,
                text: m.text,
                calendar: m.calendar,
                created_at: crate::instants::rfc3339_millis(&m.created_at),
            })
            .collect::<Vec<_>>()
    })))
}

pub async fn audit(
    State(state): State<AppState>,
    Query(filter): Query<app::audit_log::AuditQuery>,
) -> Result<Json<serde_json::Value>, AppError> {
    let events = crate::admin::audit::search(&state, &filter).await?;
    Ok(Json(serde_json::json!({
        "events": events
            .into_iter()
            .map(|e| serde_json::json!({
                "id": e.id,
                "kind": e.kind,
                "user_id": e.user_id,
                "actor_id": e.actor_id,
                "ip": e.ip,
                "user_agent": e.user_agent,
                "detail": serde_json::from_str::<serde_json::Value>(&e.detail).unwrap_or_default(),
                "created_at": crate::instants::rfc3339_millis(&e.created_at),
            }))
            .collect::<Vec<_>>()
    })))
}
