//! Operator reads: the dev outbox and the audit log.

use axum::Json;
use axum::extract::{Query, State};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::{AppError, AppState};

/// A message in the development outbox.
#[derive(Serialize, ToSchema)]
#[schema(as = OutboxMessage)]
struct OutboxEntry {
    to: String,
    subject: String,
    text: String,
    /// The iCalendar invite sent with the message, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    calendar: Option<String>,
    #[schema(format = DateTime)]
    created_at: String,
}

/// The outbox, newest first.
#[derive(Serialize, ToSchema)]
#[schema(as = Outbox)]
pub struct OutboxBody {
    messages: Vec<OutboxEntry>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LimitParam {
    /// How many messages: 1 to 500 (default 50).
    #[serde(default = "default_limit")]
    limit: u64,
}

fn default_limit() -> u64 {
    50
}

/// Read the development outbox.
///
/// What Mentora would have emailed, newest first, when no SMTP server is configured.
#[utoipa::path(
    get, path = "/admin/outbox", tag = "admin", operation_id = "read_outbox",
    params(LimitParam),
    responses((status = 200, description = "Messages, newest first.", body = OutboxBody)),
)]
pub async fn outbox(
    State(state): State<AppState>,
    Query(q): Query<LimitParam>,
) -> Result<Json<OutboxBody>, AppError> {
    let mail = app::mail::outbox(&state.db, q.limit.clamp(1, 500)).await?;
    Ok(Json(OutboxBody {
        messages: mail
            .into_iter()
            .map(|m| OutboxEntry {
                to: m.to,
                subject: m.subject,
                text: m.text,
                calendar: m.calendar,
                created_at: crate::instants::rfc3339_millis(&m.created_at),
            })
            .collect(),
    }))
}

/// One audited event.
#[derive(Serialize, ToSchema)]
#[schema(as = AuditEvent)]
struct AuditEventBody {
    id: Uuid,
    /// What happened, e.g. `login.succeeded`, `role.granted`, `booking.cancelled`.
    kind: String,
    /// The account it happened to.
    user_id: Option<Uuid>,
    /// Who did it, when not the account itself.
    actor_id: Option<Uuid>,
    ip: Option<String>,
    user_agent: Option<String>,
    /// Details particular to the kind.
    detail: serde_json::Value,
    #[schema(format = DateTime)]
    created_at: String,
}

/// Audited events, newest first.
#[derive(Serialize, ToSchema)]
#[schema(as = AuditLog)]
pub struct AuditBody {
    events: Vec<AuditEventBody>,
}

/// Search the audit log.
#[utoipa::path(
    get, path = "/admin/audit", tag = "admin", operation_id = "search_audit_log",
    params(app::audit_log::AuditQuery),
    responses((status = 200, description = "Matching events, newest first.", body = AuditBody)),
)]
pub async fn audit(
    State(state): State<AppState>,
    Query(filter): Query<app::audit_log::AuditQuery>,
) -> Result<Json<AuditBody>, AppError> {
    let events = crate::admin::audit::search(&state, &filter).await?;
    Ok(Json(AuditBody {
        events: events
            .into_iter()
            .map(|e| AuditEventBody {
                id: e.id,
                kind: e.kind,
                user_id: e.user_id,
                actor_id: e.actor_id,
                ip: e.ip,
                user_agent: e.user_agent,
                detail: serde_json::from_str(&e.detail).unwrap_or_default(),
                created_at: crate::instants::rfc3339_millis(&e.created_at),
            })
            .collect(),
    }))
}
