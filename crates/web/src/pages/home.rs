//! The home page: what Mentora is, for learners and for experts.

use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;

use super::render;
use super::shell::Shell;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage<'a> {
    shell: &'a Shell,
}

pub async fn show(shell: Shell) -> Response {
    render(HomePage { shell: &shell }, StatusCode::OK)
}
