//! `/api/docs`: the API document browsed with Swagger UI, served from our own assets
//! (`swagger-ui-bundle.js`, vendored from the npm package `swagger-ui-dist`) under the
//! site's CSP: no CDN, no inline script.

use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;

use crate::pages::render;
use crate::pages::shell::Shell;

#[derive(Template)]
#[template(path = "api/docs.html")]
struct DocsPage<'a> {
    shell: &'a Shell,
}

pub async fn page(shell: Shell) -> Response {
    render(DocsPage { shell: &shell }, StatusCode::OK)
}
