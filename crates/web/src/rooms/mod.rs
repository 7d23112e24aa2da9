//! Meeting for a session: the room page (pre-join check, then the call), its chat,
//! consent and recording uploads, playback, the expert's choice of provider, the video
//! troubleshooting page; in the API, the room's details for a participant.

mod api;
mod errors;
mod page;
mod recordings;
mod support;
mod zoom_webhook;

use axum::routing::{get, post};
use utoipa_axum::routes;

use crate::ErrorCode::*;
use crate::access::Access::{Public, SignedIn};
use crate::access::Routes;

pub(crate) fn routes() -> Routes {
    Routes::new("")
        .get("/sessions/{id}/room", SignedIn, get(page::show))
        .get("/sessions/{id}/room/ice", SignedIn, get(page::ice))
        .post("/sessions/{id}/room/messages", SignedIn, post(page::chat))
        .post(
            "/sessions/{id}/room/consent",
            SignedIn,
            post(recordings::consent),
        )
        .post(
            "/sessions/{id}/room/recordings",
            SignedIn,
            post(recordings::start),
        )
        .post(
            "/sessions/{id}/room/recordings/{recording}/chunks/{seq}",
            SignedIn,
            post(recordings::chunk),
        )
        .post(
            "/sessions/{id}/room/recordings/{recording}/stop",
            SignedIn,
            post(recordings::stop),
        )
        .get(
            "/sessions/{id}/recordings/{recording}",
            SignedIn,
            get(recordings::play),
        )
        .post(
            "/sessions/{id}/recordings/{recording}/delete",
            SignedIn,
            post(recordings::delete),
        )
        .post(
            "/experts/availability/video",
            SignedIn,
            post(page::choose_provider),
        )
        .get("/support/video", Public, get(support::show))
}

pub(crate) fn api_routes() -> Routes {
    Routes::new(crate::api::PREFIX)
        .documented(SignedIn, routes!(api::room), &[NotFound])
        .documented(
            Public,
            routes!(zoom_webhook::zoom),
            &[NotFound, WebhookInvalid, MalformedJson],
        )
}

/// What the room pages and the browser need to allow: the camera, the microphone and
/// screen sharing, on this origin only (every other page allows none).
pub(crate) const MEDIA_PERMISSIONS: &str =
    "camera=(self), microphone=(self), display-capture=(self), geolocation=(), payment=()";
