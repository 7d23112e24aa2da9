//! The dev outbox, for administrators: every email Mentora would have sent.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use store::outbox::OutboxMessage;

use crate::pages::render;
use crate::pages::shell::Shell;
use crate::pages::shown_instant::Shown;
use crate::{AppError, AppState};

const SHOWN: u64 = 50;

#[derive(Template)]
#[template(path = "admin/outbox.html")]
struct OutboxPage<'a> {
    shell: &'a Shell,
    messages: Vec<MessageView>,
}

/// One email as the outbox shows it: the calendar invite that went with it is not shown.
struct MessageView {
    to: String,
    subject: String,
    text: String,
    at: Shown,
}

impl From<OutboxMessage> for MessageView {
    fn from(message: OutboxMessage) -> Self {
        Self {
            at: Shown::second(&message.created_at),
            to: message.to,
            subject: message.subject,
            text: message.text,
        }
    }
}

/// Access (`users.manage`) is enforced where the route is registered.
pub async fn show(State(state): State<AppState>, shell: Shell) -> Result<Response, AppError> {
    let messages = app::mail::outbox(&state.db, SHOWN).await?;
    Ok(render(
        OutboxPage {
            shell: &shell,
            messages: messages.into_iter().map(MessageView::from).collect(),
        },
        StatusCode::OK,
    ))
}
