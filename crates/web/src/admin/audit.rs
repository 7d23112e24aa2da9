//! The audit log for operators, filtered by account, kind of event and dates.

use app::audit_log::{AuditQuery, AuditQueryError};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use std::collections::HashMap;
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

/// One event as the log lists it: the kind in plain words (its code on hover), people by
/// name and address (their id on hover), the device as browser and system.
struct EventView {
    at: Shown,
    /// "Signed in", in the page's language.
    name: String,
    /// `login.succeeded`, as stored and as the filter takes it.
    kind: String,
    user: Option<Person>,
    actor: Option<Person>,
    ip: Option<String>,
    /// "Firefox · Windows", or the raw header when nothing in it is recognised.
    device: Option<String>,
    user_agent: Option<String>,
}

/// Someone an event names.
struct Person {
    id: Uuid,
    /// Name and address; none when the account was erased since.
    known: Option<(String, String)>,
}

impl EventView {
    fn of(shell: &Shell, event: AuditEvent, people: &HashMap<Uuid, (String, String)>) -> Self {
        let person = |id: Uuid| Person {
            id,
            known: people.get(&id).cloned(),
        };
        Self {
            at: Shown::second(shell.locale, &event.created_at),
            name: crate::pages::audit_event::name(shell, &event.kind),
            kind: event.kind,
            user: event.user_id.map(person),
            actor: event.actor_id.map(person),
            ip: event.ip,
            device: event
                .user_agent
                .as_deref()
                .map(|ua| domain::device::describe(ua).unwrap_or_else(|| ua.to_owned())),
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
    let mut ids: Vec<Uuid> = events
        .iter()
        .flat_map(|e| [e.user_id, e.actor_id])
        .flatten()
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let people = app::audit_log::people(&state.db, &ids).await?;
    Ok(render(
        AuditPage {
            events: events
                .into_iter()
                .map(|e| EventView::of(&shell, e, &people))
                .collect(),
            shell: &shell,
            filter,
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
