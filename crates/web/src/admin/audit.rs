//! The audit log for operators, filtered by account, kind of event and dates.

use app::audit_log::{AuditQuery, AuditQueryError};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use store::audit::AuditEvent;
use uuid::Uuid;

use crate::pages::render;
use crate::pages::shell::Shell;
use crate::pages::shown_instant::Shown;
use crate::{AppError, AppState, ErrorCode};

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct AuditPage<'a> {
    shell: &'a Shell,
    filter: AuditQuery,
    events: Vec<EventView>,
}

/// One event as the log lists it; operators see the raw kind and ids.
struct EventView {
    at: Shown,
    kind: String,
    user_id: Option<Uuid>,
    actor_id: Option<Uuid>,
    ip: Option<String>,
    user_agent: Option<String>,
}

impl From<AuditEvent> for EventView {
    fn from(event: AuditEvent) -> Self {
        Self {
            at: Shown::second(&event.created_at),
            kind: event.kind,
            user_id: event.user_id,
            actor_id: event.actor_id,
            ip: event.ip,
            user_agent: event.user_agent,
        }
    }
}

pub async fn list(
    State(state): State<AppState>,
    shell: Shell,
    Query(filter): Query<AuditQuery>,
) -> Result<Response, AppError> {
    let events = search(&state, &filter).await?;
    Ok(render(
        AuditPage {
            shell: &shell,
            filter,
            events: events.into_iter().map(EventView::from).collect(),
        },
        StatusCode::OK,
    ))
}

/// The matching events; a bad filter is a 400 problem naming it.
pub(crate) async fn search(
    state: &AppState,
    filter: &AuditQuery,
) -> Result<Vec<AuditEvent>, AppError> {
    filter.run(&state.db).await.map_err(|e| match e {
        AuditQueryError::BadFilter(what) => {
            AppError::new(ErrorCode::BadRequest).with_arg("problem", what)
        }
        AuditQueryError::Store(e) => AppError::from(e),
    })
}
