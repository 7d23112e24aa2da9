//! The page an email's unsubscribe link opens: it says which email stops and asks to
//! confirm (a link scanner that follows the link changes nothing); confirming turns off
//! email for that topic. The token is the authority, so no session is needed.

use app::notify::unsubscribe;
use askama::Template;
use axum::extract::{Form, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use domain::notification::Topic;
use serde::Deserialize;

use crate::pages::render;
use crate::pages::shell::Shell;
use crate::{AppError, AppState};

#[derive(Template)]
#[template(path = "notifications/unsubscribe.html")]
struct UnsubscribePage<'a> {
    shell: &'a Shell,
    token: String,
    /// The topic's name, when the token is good.
    topic: Option<&'static str>,
    done: bool,
}

#[derive(Deserialize)]
pub struct TokenParams {
    #[serde(default)]
    token: String,
}

pub async fn page(
    State(state): State<AppState>,
    shell: Shell,
    Query(params): Query<TokenParams>,
) -> Result<Response, AppError> {
    let found = unsubscribe::check(&state.db, &params.token).await?;
    Ok(answer(&shell, params.token, found.map(|f| f.topic), false))
}

pub async fn confirm(
    State(state): State<AppState>,
    shell: Shell,
    Form(form): Form<TokenParams>,
) -> Result<Response, AppError> {
    let topic = unsubscribe::apply(&state.db, &form.token).await?;
    Ok(answer(&shell, form.token, topic, true))
}

/// The page for `token`: 404 when it names nothing.
fn answer(shell: &Shell, token: String, topic: Option<Topic>, done: bool) -> Response {
    let status = if topic.is_some() {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    render(
        UnsubscribePage {
            shell,
            token,
            topic: topic.map(Topic::as_str),
            done,
        },
        status,
    )
}
