//! The home page: what Mentora is, for learners and for experts.

use askama::Template;
use axum::extract::State;
use axum::response::Response;

use super::shell::Shell;
use crate::AppState;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage<'a> {
    shell: &'a Shell,
}

pub async fn show(State(state): State<AppState>, shell: Shell) -> Response {
    state
        .pages
        .page(&shell, |shell| HomePage { shell }.render())
}
