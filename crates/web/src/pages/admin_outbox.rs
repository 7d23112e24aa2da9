//! The dev outbox, for administrators: every email Mentora would have sent.

use askama::Template;
use axum::Extension;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::Role;
use store::outbox::OutboxMessage;

use super::render;
use super::shell::Shell;
use crate::middleware::Viewer;
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
    viewer: Option<Extension<Viewer>>,
    shell: Shell,
) -> Response {
    let Some(Extension(viewer)) = viewer else {
        return Redirect::to("/login?next=/admin/outbox").into_response();
    };
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
