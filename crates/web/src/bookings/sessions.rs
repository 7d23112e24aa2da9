//! "My sessions" (the learner's) and "My schedule" (the expert's), with their calendar
//! feed, and the feed itself.

use app::bookings::lists::{self, Tab};
use app::bookings::{dashboard, feed};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use store::bookings::Side;
use store::users::User;
use uuid::Uuid;

use crate::middleware::viewer::SignedIn;
use crate::pages::render;
use crate::pages::shell::Shell;
use crate::{AppError, AppState, ErrorCode, Links};

use super::present::LocalTimes;

/// One row of a dashboard.
pub struct SessionRow {
    pub id: Uuid,
    pub when: String,
    pub with: String,
    pub minutes: i32,
    pub status: String,
    pub price: String,
    /// Confirmed, and its room has not closed: the row carries a Join link.
    pub joinable: bool,
}

#[derive(Template)]
#[template(path = "bookings/sessions.html")]
struct SessionsPage<'a> {
    shell: &'a Shell,
    /// `/sessions` or `/schedule`.
    path: &'static str,
    title_id: &'static str,
    tab: Tab,
    rows: Vec<SessionRow>,
    zone_name: String,
    feed_active: bool,
    /// Shown once, right after a new address was made.
    feed_url: Option<String>,
    /// Ask the recommendation question (NPS) now.
    nps_ask: bool,
    /// It was just answered.
    nps_thanks: bool,
}

impl SessionsPage<'_> {
    fn tabs(&self) -> [Tab; 3] {
        [Tab::Upcoming, Tab::Past, Tab::Cancelled]
    }

    fn tab_label(&self, tab: &Tab) -> String {
        self.shell.t(&format!("sessions-tab-{}", tab.as_str()))
    }

    fn status_label(&self, status: &str) -> String {
        self.shell
            .t(&format!("booking-status-{}", status.replace('_', "-")))
    }
}

#[derive(Deserialize)]
pub struct TabParams {
    #[serde(default)]
    tab: Option<String>,
    /// `thanks` right after the recommendation question was answered.
    #[serde(default)]
    nps: Option<String>,
}

/// `GET /sessions`: the learner's sessions.
pub async fn my_sessions(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Query(q): Query<TabParams>,
) -> Result<Response, AppError> {
    sessions_page(
        &state,
        &viewer.user,
        &shell,
        Side::Learner,
        q.tab.as_deref(),
        None,
        q.nps.as_deref() == Some("thanks"),
    )
    .await
}

/// `GET /schedule`: the expert's sessions.
pub async fn my_schedule(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Query(q): Query<TabParams>,
) -> Result<Response, AppError> {
    sessions_page(
        &state,
        &viewer.user,
        &shell,
        Side::Expert,
        q.tab.as_deref(),
        None,
        false,
    )
    .await
}

async fn sessions_page(
    state: &AppState,
    user: &User,
    shell: &Shell,
    side: Side,
    tab: Option<&str>,
    feed_url: Option<String>,
    nps_thanks: bool,
) -> Result<Response, AppError> {
    let Some(tab) = Tab::parse(tab.unwrap_or("upcoming")) else {
        return Err(AppError::new(ErrorCode::BadRequest));
    };
    let now = state.clock().now();
    let dashboard =
        dashboard::dashboard(&state.db, &state.viewers, user, side, tab, now, 200).await?;
    let clock = LocalTimes::of(user, shell.locale);
    let rows = dashboard
        .bookings
        .iter()
        .map(|b| SessionRow {
            id: b.row.id,
            when: clock.span(b.row.start_at, b.row.end_at),
            with: dashboard
                .names
                .get(&lists::other_party(b, side))
                .cloned()
                .unwrap_or_default(),
            minutes: b.row.duration_minutes,
            status: b.status.as_str().to_owned(),
            price: shell.money(b.row.price_amount, &b.row.currency),
            joinable: joinable(b, now),
        })
        .collect();
    // Learners are asked the recommendation question here, once per period.
    let nps_ask = side == Side::Learner
        && !nps_thanks
        && app::learning::nps::due_kept(&state.db, &state.viewers, &state.settings.nps, user, now)
            .await?;
    let (path, title_id) = match side {
        Side::Learner => ("/sessions", "my-sessions-title"),
        Side::Expert => ("/schedule", "my-schedule-title"),
    };
    Ok(render(
        SessionsPage {
            shell,
            path,
            title_id,
            tab,
            rows,
            zone_name: clock.zone_name,
            feed_active: dashboard.feed_on,
            feed_url,
            nps_ask,
            nps_thanks,
        },
        StatusCode::OK,
    ))
}

/// `POST /sessions/calendar-feed`: a new private feed address, shown once.
pub async fn renew_feed(
    State(state): State<AppState>,
    Links(base): Links,
    SignedIn(viewer): SignedIn,
    shell: Shell,
) -> Result<Response, AppError> {
    let token = feed::renew(&state.db, &viewer.user, state.clock().now()).await?;
    let url = format!("{base}/calendar/{token}.ics");
    sessions_page(
        &state,
        &viewer.user,
        &shell,
        Side::Learner,
        None,
        Some(url),
        false,
    )
    .await
}

/// `POST /sessions/calendar-feed/revoke`
pub async fn revoke_feed(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
) -> Result<Response, AppError> {
    feed::revoke(&state.db, &viewer.user).await?;
    Ok(crate::redirect::to("/sessions"))
}

/// `GET /calendar/{token}.ics`: the feed; the secret in the address is the credential.
pub async fn calendar_feed(
    State(state): State<AppState>,
    Links(base): Links,
    Path(file): Path<String>,
) -> Result<Response, AppError> {
    let Some(token) = file.strip_suffix(".ics") else {
        return Err(AppError::new(ErrorCode::NotFound));
    };
    let text = feed::calendar(&state.db, token, &base, state.clock().now())
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CACHE_CONTROL, "private, max-age=300"),
        ],
        text,
    )
        .into_response())
}

/// Whether the session's room can still be entered (or will open): confirmed, and the
/// room not yet closed.
pub(crate) fn joinable(b: &app::bookings::Booking, now: jiff::Timestamp) -> bool {
    b.status == domain::booking::BookingStatus::Confirmed
        && domain::room::RoomWindow::of(b.row.start_at, b.row.end_at).state(now)
            != domain::room::WindowState::Closed
}
