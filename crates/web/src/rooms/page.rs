//! The room page: who may enter and when (outside the window it says when it opens), the
//! pre-join check and the call itself (driven by `room.js`), or the expert's Jitsi link;
//! fresh ICE servers for each (re)connection; the chat.

use app::rooms::RoomPass;
use app::rooms::chat::ChatMessage;
use app::rooms::recording::{ConsentState, RecordingSummary};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::{Form, Json};
use domain::booking::BookingStatus;
use domain::room::{VideoProvider, WindowState};
use serde::Deserialize;
use uuid::Uuid;

use crate::bookings::present::LocalTimes;
use crate::middleware::viewer::SignedIn;
use crate::pages::render;
use crate::pages::shell::Shell;
use crate::{AppError, AppState};

#[derive(Template)]
#[template(path = "rooms/room.html")]
struct RoomPage<'a> {
    shell: &'a Shell,
    id: Uuid,
    person: Uuid,
    role: &'static str,
    /// "Aiko Suzuki with Lea Learner".
    who: String,
    when: String,
    zone: String,
    /// `open`, `not_yet` or `closed`.
    state: &'static str,
    opens_at: String,
    /// The Jitsi link, when the expert meets there.
    jitsi_link: Option<String>,
    /// The Zoom or Google Meet meeting, when the expert meets there.
    outside: Option<OutsideMeeting>,
    /// For support staff: the provider a session meets on when it is not the built-in room.
    elsewhere: Option<&'static str>,
    messages: Vec<ChatMessage>,
    consent: ConsentState,
    recordings: Vec<RecordingSummary>,
    participant: bool,
}

/// A session's meeting at Zoom or Google Meet, as the room page shows it.
struct OutsideMeeting {
    /// `zoom` or `meet`.
    provider: &'static str,
    link: Option<String>,
    /// The provider's last refusal (the expert's page only).
    error: Option<String>,
}

/// `GET /sessions/{id}/room`.
pub async fn show(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let user = &viewer.user;
    // Whatever became of the session, its participants find its recordings here; a
    // session that no longer meets shows as closed.
    let pass = app::rooms::pass_whatever_status(&state.db, user, id).await?;
    let meets = matches!(
        pass.booking.status,
        BookingStatus::Confirmed | BookingStatus::Completed
    );
    let now = state.clock().now();
    let clock = LocalTimes::of(user, shell.locale);
    let row = &pass.booking.row;
    let people = app::bookings::lists::names(&state.db, &[row.expert_id, row.learner_id]).await?;
    let name = |id: Uuid| people.get(&id).cloned().unwrap_or_default();
    let (window, opens_at) = match pass.state(now) {
        _ if !meets => ("closed", String::new()),
        WindowState::Open => ("open", String::new()),
        WindowState::NotYet(at) => ("not_yet", clock.at(at)),
        WindowState::Closed => ("closed", String::new()),
    };
    // Outside rooms' links go to the two participants only: support staff enter
    // built-in rooms, where they are announced, and no outside room.
    let participant = pass.role.participates();
    let jitsi_link = match (&pass.provider, &state.settings.video.jitsi, window) {
        (VideoProvider::Jitsi, Some(jitsi), "open") if participant => {
            Some(app::rooms::jitsi::join_link(&state.db, jitsi, &pass, user, now).await?)
        }
        _ => None,
    };
    // Zoom and Google Meet: the link once the job made the meeting; the expert also reads
    // the provider's refusal while the job retries.
    let outside = if pass.provider.is_scheduled() && participant {
        let (link, error) = app::rooms::meetings::link(&state.db, &pass.booking).await?;
        Some(OutsideMeeting {
            provider: pass.provider.as_str(),
            link,
            error: error.filter(|_| pass.role == app::rooms::RoomRole::Expert),
        })
    } else {
        None
    };
    let page = RoomPage {
        shell: &shell,
        id,
        person: user.id,
        role: pass.role.as_str(),
        who: shell.t_args(
            "room-with",
            &[
                ("expert", name(row.expert_id)),
                ("learner", name(row.learner_id)),
            ],
        ),
        when: clock.span(row.start_at, row.end_at),
        zone: clock.zone_name.clone(),
        state: window,
        opens_at,
        jitsi_link,
        outside,
        // Support staff looking at a session that meets elsewhere: where, and nothing to
        // join (not the built-in room, where nobody else is).
        elsewhere: (!participant && pass.provider != VideoProvider::BuiltIn)
            .then(|| pass.provider.as_str()),
        messages: app::rooms::chat::history(&state.db, &pass).await?,
        consent: app::rooms::recording::consent_state(&state.db, &pass).await?,
        recordings: if participant {
            app::rooms::recording::list(&state.db, &pass).await?
        } else {
            Vec::new()
        },
        participant,
    };
    Ok(with_media(render(page, StatusCode::OK)))
}

/// Lets this page use the camera, the microphone and screen sharing.
pub(super) fn with_media(mut response: Response) -> Response {
    response.headers_mut().insert(
        header::HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static(super::MEDIA_PERMISSIONS),
    );
    response
}

/// The room of `id` for `viewer`, open now.
pub(super) async fn open_pass(
    state: &AppState,
    user: &store::users::User,
    id: Uuid,
) -> Result<RoomPass, AppError> {
    let pass = app::rooms::pass(&state.db, user, id).await?;
    pass.require_open(state.clock().now())?;
    Ok(pass)
}

/// `GET /sessions/{id}/room/ice`: the ICE servers for this person now, TURN credentials
/// minted fresh (each (re)connection asks again).
pub async fn ice(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    open_pass(&state, &viewer.user, id).await?;
    let servers = state
        .settings
        .video
        .ice
        .for_person(viewer.user.id, state.clock().now());
    let policy = state.settings.video.ice.transport_policy();
    let mut response = Json(serde_json::json!({
        "ice_servers": servers,
        "ice_transport_policy": policy,
    }))
    .into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

#[derive(Deserialize)]
pub struct ChatForm {
    body: String,
}

/// `POST /sessions/{id}/room/messages`: says something in the room's chat.
pub async fn chat(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<Uuid>,
    Form(form): Form<ChatForm>,
) -> Result<Response, AppError> {
    let pass = app::rooms::pass(&state.db, &viewer.user, id).await?;
    let message = app::rooms::chat::post(
        &state.db,
        &state.live,
        &pass,
        &viewer.user,
        &form.body,
        state.clock().now(),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(message)).into_response())
}

#[derive(Deserialize)]
pub struct ProviderForm {
    video_provider: String,
}

/// `POST /experts/availability/video`: the expert chooses where they meet.
pub async fn choose_provider(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Form(form): Form<ProviderForm>,
) -> Result<Response, AppError> {
    app::rooms::set_provider(
        &state.db,
        &state.settings.video,
        viewer.user.id,
        &form.video_provider,
    )
    .await?;
    Ok(crate::redirect::to("/experts/availability?saved=video"))
}
