//! The calendars page and its forms. A refused form comes back with what was typed (never
//! the password) and each problem beside its field; the calendar server's answer is
//! worded for the expert ("the server refused the user name or app password").

use app::calendars::CalendarUseError;
use app::calendars::connect::{self, CalDavInput, Choice, ConnectionView};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use serde::Deserialize;
use store::users::User;
use uuid::Uuid;

use crate::bookings::present::LocalTimes;
use crate::middleware::viewer::SignedIn;
use crate::pages::render;
use crate::pages::shell::Shell;
use crate::pages::shown_error::{ShownError, shown};
use crate::{AppError, AppState};

/// One connection as the page shows it.
struct ConnectionCard {
    id: Uuid,
    /// `caldav` or `ics`.
    kind: String,
    /// The address without credentials or query (a feed's secret token stays hidden).
    place: String,
    username: String,
    last_read: Option<String>,
    next_read: String,
    /// The error in plain words, when the last read failed.
    problem: Option<String>,
    failing: bool,
    keep_booking: bool,
    share_names: bool,
    calendars: Vec<CalendarRow>,
}

struct CalendarRow {
    id: Uuid,
    name: String,
    /// Repeating events it holds that could not be followed.
    unread: usize,
    blocks: bool,
    receives: bool,
    /// It may be written (so it may receive sessions).
    writable: bool,
    busy_count: i32,
}

/// Which form was refused, so its errors show beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Which {
    CalDav,
    Feed,
    Reconnect(Uuid),
    Choose(Uuid),
}

#[derive(Template)]
#[template(path = "calendars/calendars.html")]
struct CalendarsPage<'a> {
    shell: &'a Shell,
    is_expert: bool,
    cards: Vec<ConnectionCard>,
    zone: String,
    /// What the CalDAV form had (password never sent back).
    caldav_url: String,
    caldav_username: String,
    feed_url: String,
    refused: Option<Which>,
    errors: Vec<ShownError>,
    notice: Option<String>,
    /// Why signing in to a provider did not connect anything.
    failure: Option<String>,
    offers_google: bool,
    offers_microsoft: bool,
    max_address: usize,
    max_username: usize,
    max_password: usize,
}

impl CalendarsPage<'_> {
    fn error_for(&self, which: Which, field: &str) -> Option<&str> {
        if self.refused != Some(which) {
            return None;
        }
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }

    fn errors_of(&self, which: Which) -> Vec<&ShownError> {
        if self.refused == Some(which) {
            self.errors.iter().collect()
        } else {
            Vec::new()
        }
    }

    fn reconnect(&self, id: &Uuid) -> Which {
        Which::Reconnect(*id)
    }

    fn choose(&self, id: &Uuid) -> Which {
        Which::Choose(*id)
    }

    fn unread_text(&self, count: &usize) -> String {
        self.shell
            .t1("calendars-unread-series", "count", &count.to_string())
    }

    fn busy_text(&self, count: &i32) -> String {
        self.shell
            .t1("calendars-busy-count", "count", &count.to_string())
    }
}

fn card(shell: &Shell, clock: &LocalTimes, view: ConnectionView) -> ConnectionCard {
    let c = view.connection;
    let at = |secs: i64| {
        jiff::Timestamp::from_second(secs)
            .map(|t| clock.at(t))
            .unwrap_or_default()
    };
    let problem = c
        .error_code
        .as_deref()
        .map(|code| shell.t(&app::calendars::problem_message(&c.kind, code)));
    ConnectionCard {
        id: c.id,
        kind: c.kind.clone(),
        place: view.place,
        username: c.username.clone(),
        last_read: c.last_success_at.map(at),
        next_read: at(c.next_sync_at),
        problem,
        failing: view.failing,
        keep_booking: c.keep_booking,
        share_names: c.share_names,
        calendars: view
            .calendars
            .into_iter()
            .map(|k| CalendarRow {
                unread: app::calendars::sync::unread_series(&k),
                id: k.id,
                name: k.name,
                blocks: k.blocks,
                receives: k.receives,
                writable: k.writable,
                busy_count: k.busy_count,
            })
            .collect(),
    }
}

struct Refusal {
    which: Which,
    errors: Vec<ShownError>,
    caldav_url: String,
    caldav_username: String,
    feed_url: String,
}

async fn page(
    state: &AppState,
    user: &User,
    shell: &Shell,
    refusal: Option<Refusal>,
    notice: Option<String>,
    failure: Option<String>,
) -> Result<Response, AppError> {
    let is_expert = connect::can_connect(&state.db, user).await?;
    let clock = LocalTimes::of(user, shell.locale);
    let cards = connect::overview(&state.db, user)
        .await?
        .into_iter()
        .map(|v| card(shell, &clock, v))
        .collect();
    let status = if refusal.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let (refused, errors, caldav_url, caldav_username, feed_url) = match refusal {
        Some(r) => (
            Some(r.which),
            r.errors,
            r.caldav_url,
            r.caldav_username,
            r.feed_url,
        ),
        None => (
            None,
            Vec::new(),
            String::new(),
            String::new(),
            String::new(),
        ),
    };
    let mut response = render(
        CalendarsPage {
            shell,
            is_expert,
            cards,
            zone: clock.zone_name.clone(),
            caldav_url,
            caldav_username,
            feed_url,
            refused,
            errors,
            notice,
            failure,
            offers_google: state.calendars.offers(app::calendars::Provider::Google),
            offers_microsoft: state.calendars.offers(app::calendars::Provider::Microsoft),
            max_address: connect::MAX_ADDRESS,
            max_username: connect::MAX_USERNAME,
            max_password: connect::MAX_PASSWORD,
        },
        status,
    );
    // The sign-in buttons' forms lead to the providers' pages (a redirect), which the
    // site's `form-action 'self'` would stop: this page allows exactly those.
    let origins = state.calendars.sign_in_origins();
    if !origins.is_empty() {
        let policy = crate::middleware::security_headers::CONTENT_SECURITY_POLICY.replace(
            "form-action 'self'",
            &format!("form-action 'self' {}", origins.join(" ")),
        );
        if let Ok(value) = HeaderValue::from_str(&policy) {
            response
                .headers_mut()
                .insert(header::CONTENT_SECURITY_POLICY, value);
        }
    }
    Ok(response)
}

#[derive(Deserialize)]
pub struct Notice {
    #[serde(default)]
    done: Option<String>,
    #[serde(default)]
    failed: Option<String>,
}

/// Where a connection lands: told it works, or that its first read failed (the card
/// below says why).
pub(super) fn connected_notice(done: connect::Connected) -> &'static str {
    if done.read {
        "/calendars?done=connected"
    } else {
        "/calendars?done=unread"
    }
}

/// `GET /calendars`.
pub async fn show(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Query(q): Query<Notice>,
) -> Result<Response, AppError> {
    let notice = match q.done.as_deref() {
        Some("connected") => Some(shell.t("calendars-done-connected")),
        Some("unread") => Some(shell.t("calendars-done-unread")),
        Some("saved") => Some(shell.t("calendars-done-saved")),
        Some("reconnected") => Some(shell.t("calendars-done-reconnected")),
        Some("disconnected") => Some(shell.t("calendars-done-disconnected")),
        _ => None,
    };
    let failure = match q.failed.as_deref() {
        Some("denied") => Some(shell.t("calendars-sign-in-denied")),
        Some("other-account") => Some(shell.t("calendars-sign-in-other-account")),
        Some(_) => Some(shell.t("calendars-sign-in-failed")),
        None => None,
    };
    page(&state, &viewer.user, &shell, None, notice, failure).await
}

/// What a refused action sends back, or the error it is.
async fn refused(
    state: &AppState,
    user: &User,
    shell: &Shell,
    which: Which,
    typed: (String, String, String),
    err: CalendarUseError,
) -> Result<Response, AppError> {
    match err {
        CalendarUseError::Invalid(fields) => {
            let (caldav_url, caldav_username, feed_url) = typed;
            let refusal = Refusal {
                which,
                errors: shown(shell, &fields),
                caldav_url,
                caldav_username,
                feed_url,
            };
            page(state, user, shell, Some(refusal), None, None).await
        }
        other => Err(other.into()),
    }
}

#[derive(Deserialize)]
pub struct CalDavForm {
    #[serde(default)]
    url: String,
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
}

/// `POST /calendars/caldav`.
pub async fn connect_caldav(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Form(form): Form<CalDavForm>,
) -> Result<Response, AppError> {
    let input = CalDavInput {
        url: form.url,
        username: form.username,
        password: form.password,
    };
    match connect::connect_caldav(
        &state.db,
        &state.calendars,
        &state.schedules,
        &viewer.user,
        &input,
    )
    .await
    {
        Ok(done) => Ok(crate::redirect::to(connected_notice(done))),
        Err(e) => {
            let typed = (input.url, input.username, String::new());
            refused(&state, &viewer.user, &shell, Which::CalDav, typed, e).await
        }
    }
}

#[derive(Deserialize)]
pub struct FeedForm {
    #[serde(default)]
    feed_url: String,
}

/// `POST /calendars/feed`.
pub async fn connect_feed(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Form(form): Form<FeedForm>,
) -> Result<Response, AppError> {
    match connect::connect_feed(
        &state.db,
        &state.calendars,
        &state.schedules,
        &viewer.user,
        &form.feed_url,
    )
    .await
    {
        Ok(done) => Ok(crate::redirect::to(connected_notice(done))),
        Err(e) => {
            let typed = (String::new(), String::new(), form.feed_url);
            refused(&state, &viewer.user, &shell, Which::Feed, typed, e).await
        }
    }
}

/// `POST /calendars/{id}/choose`: repeated `blocks` (calendar ids), one `receives` (a
/// calendar id or empty), and the two switches.
pub async fn choose(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Path(id): Path<Uuid>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let mut choice = Choice::default();
    for (key, value) in pairs {
        match key.as_str() {
            "blocks" => {
                if let Ok(calendar) = value.parse() {
                    choice.blocking.push(calendar);
                }
            }
            "receives" => choice.receiving = value.parse().ok(),
            "keep_booking" => choice.keep_booking = value == "true",
            "share_names" => choice.share_names = value == "true",
            _ => {}
        }
    }
    match connect::choose(
        &state.db,
        &state.calendars,
        &state.schedules,
        &viewer.user,
        id,
        &choice,
    )
    .await
    {
        Ok(()) => Ok(crate::redirect::to("/calendars?done=saved")),
        Err(e) => {
            let typed = (String::new(), String::new(), String::new());
            refused(&state, &viewer.user, &shell, Which::Choose(id), typed, e).await
        }
    }
}

#[derive(Deserialize)]
pub struct ReconnectForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
}

/// `POST /calendars/{id}/reconnect`: a new app password for a CalDAV connection.
pub async fn reconnect(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Path(id): Path<Uuid>,
    Form(form): Form<ReconnectForm>,
) -> Result<Response, AppError> {
    let input = CalDavInput {
        url: String::new(),
        username: form.username,
        password: form.password,
    };
    match connect::reconnect(
        &state.db,
        &state.calendars,
        &state.schedules,
        &viewer.user,
        id,
        &input,
    )
    .await
    {
        Ok(()) => Ok(crate::redirect::to("/calendars?done=reconnected")),
        Err(e) => {
            let typed = (String::new(), String::new(), String::new());
            refused(&state, &viewer.user, &shell, Which::Reconnect(id), typed, e).await
        }
    }
}

/// `POST /calendars/{id}/disconnect`.
pub async fn disconnect(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    connect::disconnect(
        &state.db,
        &state.calendars,
        &state.schedules,
        &viewer.user,
        id,
    )
    .await?;
    Ok(crate::redirect::to("/calendars?done=disconnected"))
}
