//! `/support/video`: what the room needs from a browser, how to allow the camera and
//! microphone in each, and a check of this browser and network against the configured
//! STUN/TURN servers (run by `room-check.js`). The check of someone with a confirmed
//! session ahead (or of support staff) also tries the TURN relay, with a credential
//! minted for them for ten minutes; anyone else's reaches the STUN servers only (the
//! relay is not a service for whoever signs up).

use askama::Template;
use axum::Extension;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;

use crate::middleware::viewer::Viewer;
use crate::pages::render;
use crate::pages::shell::Shell;
use crate::{AppError, AppState};

#[derive(Template)]
#[template(path = "rooms/support.html")]
struct SupportPage<'a> {
    shell: &'a Shell,
    /// The servers for the check, as the browser takes them (JSON).
    servers: String,
    /// Whether the check includes a TURN relay (then it says whether the relay works).
    relay: bool,
    /// Whether a relay is configured that a visitor would check once signed in.
    relay_after_sign_in: bool,
}

/// `GET /support/video`.
pub async fn show(
    State(state): State<AppState>,
    viewer: Option<Extension<Viewer>>,
    shell: Shell,
) -> Result<Response, AppError> {
    let ice = &state.settings.video.ice;
    let now = state.clock().now();
    let checker = match &viewer {
        Some(Extension(viewer))
            if ice.has_relay()
                && app::rooms::may_check_relay(&state.db, &viewer.user, now).await? =>
        {
            Some(viewer.user.id)
        }
        _ => None,
    };
    let servers: Vec<app::rooms::ice::BrowserIceServer> = match checker {
        Some(person) => ice.for_check(person, now),
        None => ice
            .servers
            .iter()
            .filter(|s| !is_turn(&s.urls))
            .map(|s| app::rooms::ice::BrowserIceServer {
                urls: s.urls.clone(),
                username: None,
                credential: None,
            })
            .collect(),
    };
    let relay = servers.iter().any(|s| is_turn(&s.urls));
    let page = SupportPage {
        shell: &shell,
        servers: serde_json::to_string(&servers).unwrap_or_else(|_| "[]".to_owned()),
        relay,
        relay_after_sign_in: viewer.is_none() && ice.has_relay(),
    };
    let mut response = super::page::with_media(render(page, StatusCode::OK));
    // A signed-in person's page holds their TURN credential.
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    Ok(response)
}

fn is_turn(urls: &[String]) -> bool {
    urls.iter().any(|u| u.starts_with("turn"))
}
