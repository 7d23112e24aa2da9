//! The dev outbox, for administrators: every email Mentora would have sent.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::Role;
use store::outbox::OutboxMessage;

use super::render;
use super::shell::Shell;
use crate::middleware::viewer::SignedIn;
use crate::{AppError, AppState, ErrorCode};

const SHOWN: u64 = 50;

#[derive(Template)]
#[template(path = "admin_outbox.html")]
struct OutboxPage<'a> {
    shell: &'a Shell,
    messages: Vec<OutboxMessage>,
}

pub async fn show(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    shell: Shell,
) -> Response {
    if !viewer.user.roles.contains(&Role::Admin) {
        return AppError::new(ErrorCode::Forbidden).into_response();
    }
    let messages = match store::outbox::newest(&state.db, SHOWN).await {
        Ok(messages) => messages,
        Err(e) => return AppError::internal(e).into_response(),
    };
    render(
        OutboxPage {
            shell: &shell,
            messages,
        },
        StatusCode::OK,
    )
}
