//! `/support/video`: what the room needs from a browser, how to allow the camera and
//! microphone in each, and a check of this browser and network against the configured
//! STUN/TURN servers (run by `room-check.js`).

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use crate::pages::render;
use crate::pages::shell::Shell;
use crate::{AppError, AppState};

#[derive(Template)]
#[template(path = "rooms/support.html")]
struct SupportPage<'a> {
    shell: &'a Shell,
    /// The configured servers (URLs only: credentials are minted in a room).
    servers: String,
}

/// `GET /support/video`.
pub async fn show(State(state): State<AppState>, shell: Shell) -> Result<Response, AppError> {
    let urls: Vec<&str> = state
        .settings
        .video
        .ice
        .servers
        .iter()
        .flat_map(|s| s.urls.iter().map(String::as_str))
        .filter(|u| u.starts_with("stun"))
        .collect();
    let servers = serde_json::to_string(&urls).unwrap_or_else(|_| "[]".to_owned());
    let page = SupportPage {
        shell: &shell,
        servers,
    };
    Ok(super::page::with_media(render(page, StatusCode::OK)))
}
