//! "Are you sure?" before what cannot be taken back (cancelling a session, changing roles,
//! suspending an expert, deleting a document), without script: the first post of such a
//! form answers with this page, which restates what will happen and makes keeping things
//! as they are the primary action; only the post from here, carrying `confirmed=yes`, acts.

use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;

use super::render;
use super::shell::Shell;

/// Whether a form's `confirmed` field says the person has seen the confirmation page.
pub fn given(value: &str) -> bool {
    value == "yes"
}

/// What the confirmation page says and where its two answers lead.
pub struct Confirm {
    /// The question, as the page's heading ("Cancel this session?").
    pub title: String,
    /// What will happen, one paragraph each (who, when, the refund).
    pub lead: Vec<String>,
    /// The primary answer, a link back ("Keep the session").
    pub keep: String,
    pub keep_href: String,
    /// The destructive answer ("Yes, cancel the session"), posted to `action` with `fields`.
    pub go: String,
    pub action: String,
    pub fields: Vec<(&'static str, String)>,
}

#[derive(Template)]
#[template(path = "confirm.html")]
struct ConfirmPage<'a> {
    shell: &'a Shell,
    c: Confirm,
}

/// The confirmation page.
pub fn page(shell: &Shell, confirm: Confirm) -> Response {
    render(ConfirmPage { shell, c: confirm }, StatusCode::OK)
}
