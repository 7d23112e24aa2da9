//! `GET /api/v1/bookings/{id}/room`: a participant's way into the session's room.

use app::rooms::ice::BrowserIceServer;
use axum::extract::{Path, State};
use axum::{Extension, Json};
use domain::room::WindowState;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::middleware::bearer::ApiCaller;
use crate::{AppError, AppState};

/// The room of a session, for one of its participants (or support staff).
#[derive(Serialize, ToSchema)]
pub struct Room {
    /// The session (booking) id.
    pub booking_id: Uuid,
    /// `builtin` (the WebRTC room at `url`), `jitsi`, `zoom` or `meet` (Google Meet).
    pub provider: &'static str,
    /// With Zoom or Google Meet: the meeting's link (none until it is made).
    pub join_url: Option<String>,
    /// `learner`, `expert` or `support`.
    pub role: &'static str,
    /// When the room opens (10 minutes before the start), RFC 3339.
    pub opens_at: String,
    /// When it closes (30 minutes after the end), RFC 3339.
    pub closes_at: String,
    /// `not_yet`, `open` or `closed`.
    pub state: &'static str,
    /// The page that opens the room.
    pub url: String,
    /// The live channel of the room's signalling, presence and chat on `/ws`.
    pub channel: String,
    /// The ICE servers for this person now (TURN credentials minted for them, short-lived);
    /// empty unless the room is open.
    pub ice_servers: Vec<BrowserIceServer>,
}

/// A session's room.
#[utoipa::path(
    get, path = "/bookings/{id}/room", tag = "bookings", operation_id = "get_booking_room",
    params(("id" = Uuid, Path, description = "The booking.")),
    responses((status = 200, description = "The room: when it is open, how to enter, the ICE servers.", body = Room)),
)]
pub async fn room(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Path(id): Path<Uuid>,
) -> Result<Json<Room>, AppError> {
    let user = &caller.user;
    let pass = app::rooms::pass(&state.db, user, id)
        .await
        .map_err(|e| match e {
            app::rooms::RoomError::NoMeeting(_) => app::rooms::RoomError::NotFound,
            other => other,
        })?;
    let now = state.clock().now();
    // Zoom and Google Meet: the provider's link, once the job has made the meeting; to
    // the two participants only (support staff enter built-in rooms alone, announced).
    let join_url = if pass.provider.is_scheduled() && pass.role.participates() {
        app::rooms::meetings::link(&state.db, &pass.booking)
            .await?
            .0
    } else {
        None
    };
    let (window, ice_servers) = match pass.state(now) {
        WindowState::NotYet(_) => ("not_yet", Vec::new()),
        WindowState::Open => ("open", state.settings.video.ice.for_person(user.id, now)),
        WindowState::Closed => ("closed", Vec::new()),
    };
    Ok(Json(Room {
        booking_id: id,
        provider: pass.provider.as_str(),
        join_url,
        role: pass.role.as_str(),
        opens_at: pass.window.opens.to_string(),
        closes_at: pass.window.closes.to_string(),
        state: window,
        url: format!("{}/sessions/{id}/room", state.settings.origin.canonical()),
        channel: format!("room:{id}"),
        ice_servers,
    }))
}
