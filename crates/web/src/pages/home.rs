//! The home page: what Mentora is, for learners and for experts.

use askama::Template;
use axum::response::{Html, IntoResponse, Response};

use super::shell::Shell;
use crate::AppError;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage<'a> {
    shell: &'a Shell,
}

pub async fn show(shell: Shell) -> Response {
    match (HomePage { shell: &shell }).render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => AppError::internal(e).into_response(),
    }
}
