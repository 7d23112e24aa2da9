//! The audit log for operators, filtered by account, kind of event and dates.

use app::audit_log::{AuditQuery, AuditQueryError};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use store::audit::AuditEvent;

use crate::pages::render;
use crate::pages::shell::Shell;
use crate::{AppError, AppState, ErrorCode};

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct AuditPage<'a> {
    shell: &'a Shell,
    filter: AuditQuery,
    events: Vec<AuditEvent>,
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
            events,
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
