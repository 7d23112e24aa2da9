//! Booking pages: holding a chosen slot, the labelled test-mode checkout, the booking page
//! (details in the viewer's zone, timeline, cancel with the refund shown first, answering
//! an expert's proposed time), the learner's "My sessions" and the expert's "My schedule"
//! with their calendar feed, and the feed itself.

use app::bookings::changes;
use app::bookings::hold::{self, HoldRequest};
use app::bookings::lists::{self, Tab};
use app::bookings::notices::money;
use app::bookings::payment::{self, SandboxOutcome};
use app::bookings::{self as bookings, Booking, BookingError, feed};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use domain::booking::{Actor, BookingStatus};
use domain::schedule::zones;
use jiff::tz::TimeZone;
use serde::Deserialize;
use store::bookings::{EventRow, Side};
use store::users::User;
use uuid::Uuid;

use crate::middleware::viewer::SignedIn;
use crate::pages::render;
use crate::pages::shell::Shell;
use crate::{AppError, AppState, ErrorCode, Links};

/// Times as the viewer reads them: their zone, named. (Formats; the time itself comes
/// from `state.clock()`.)
pub struct LocalTimes {
    zone: TimeZone,
    pub zone_name: String,
}

impl LocalTimes {
    pub fn of(user: &User) -> Self {
        let zone = zones::named(&user.time_zone).unwrap_or(TimeZone::UTC);
        let zone_name = zones::canonical_name(&zone);
        Self { zone, zone_name }
    }

    /// "2026-12-07 10:00".
    pub fn at(&self, at: i64) -> String {
        zones::local(&self.zone, at)
            .strftime("%Y-%m-%d %H:%M")
            .to_string()
    }

    /// "10:00–11:00".
    pub fn span(&self, start: i64, end: i64) -> String {
        format!(
            "{}–{}",
            self.at(start),
            zones::local(&self.zone, end).strftime("%H:%M")
        )
    }
}

#[derive(Deserialize)]
pub struct HoldForm {
    start: String,
    duration: i64,
    #[serde(default)]
    note: String,
    /// Made when the review page was drawn: a second submit returns the same hold.
    request_id: String,
}

/// `POST /experts/{slug}/book`: holds the slot and goes to checkout.
pub async fn hold(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(slug): Path<String>,
    Form(form): Form<HoldForm>,
) -> Result<Response, AppError> {
    let req = HoldRequest {
        expert_id: slug.clone(),
        start: form.start.clone(),
        duration_minutes: form.duration,
        note: Some(form.note),
    };
    let key = format!("page:{}", form.request_id.trim());
    match hold::hold(
        &state.db,
        &state.schedules,
        &state.throttle,
        &state.booking_rules,
        &viewer.user,
        &req,
        Some(&key),
        state.clock().unix_seconds(),
    )
    .await
    {
        Ok(held) => Ok(crate::redirect::to(&format!(
            "/bookings/{}/checkout",
            held.booking.id()
        ))),
        // Someone took it meanwhile, or the address is not confirmed yet: the review page
        // says so, keeping the chosen time.
        Err(BookingError::SlotUnavailable | BookingError::EmailUnverified) => {
            let query = serde_urlencoded::to_string([
                ("start", form.start.as_str()),
                ("duration", form.duration.to_string().as_str()),
            ])
            .unwrap_or_default();
            Ok(crate::redirect::to(&format!(
                "/experts/{slug}/book?{query}"
            )))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "bookings/checkout.html")]
struct CheckoutPage<'a> {
    shell: &'a Shell,
    booking: Booking,
    expert_name: String,
    when: String,
    held_until: String,
    price: String,
    declined: bool,
}

/// The display names of `ids`, in one query (empty for an account that is gone).
async fn names(state: &AppState, ids: &[Uuid]) -> Result<Names, AppError> {
    Ok(Names(lists::names(&state.db, ids).await?))
}

struct Names(std::collections::HashMap<Uuid, String>);

impl Names {
    fn of(&self, id: Uuid) -> String {
        self.0.get(&id).cloned().unwrap_or_default()
    }
}

/// `GET /bookings/{id}/checkout`: the sandbox's payment page, labelled as test mode.
pub async fn checkout(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    checkout_page(&state, &viewer.user, &shell, id, false).await
}

async fn checkout_page(
    state: &AppState,
    user: &User,
    shell: &Shell,
    id: Uuid,
    declined: bool,
) -> Result<Response, AppError> {
    if !state.booking_rules.test_mode {
        return Err(AppError::new(ErrorCode::NotFound));
    }
    let (booking, role, _) = bookings::visible(&state.db, user, id).await?;
    if role != Actor::Learner || booking.status != BookingStatus::Held {
        return Ok(crate::redirect::to(&format!("/bookings/{id}")));
    }
    let expert_name = names(state, &[booking.row.expert_id])
        .await?
        .of(booking.row.expert_id);
    let price = money(booking.row.price_amount, &booking.row.currency);
    let clock = LocalTimes::of(user);
    Ok(render(
        CheckoutPage {
            shell,
            when: format!(
                "{} ({})",
                clock.span(booking.row.start_at, booking.row.end_at),
                clock.zone_name
            ),
            held_until: format!(
                "{} ({})",
                clock.at(booking.row.hold_expires_at),
                clock.zone_name
            ),
            booking,
            expert_name,
            price,
            declined,
        },
        if declined {
            StatusCode::PAYMENT_REQUIRED
        } else {
            StatusCode::OK
        },
    ))
}

#[derive(Deserialize)]
pub struct PayForm {
    outcome: SandboxOutcome,
}

/// `POST /bookings/{id}/checkout` {outcome}: the sandbox pays (or declines).
pub async fn pay(
    State(state): State<AppState>,
    Links(base): Links,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Path(id): Path<Uuid>,
    Form(form): Form<PayForm>,
) -> Result<Response, AppError> {
    match payment::pay_in_sandbox(
        &state.booking_deps(&base),
        &viewer.user,
        id,
        form.outcome,
        state.clock().unix_seconds(),
    )
    .await
    {
        Ok(_) => Ok(crate::redirect::to(&format!("/bookings/{id}"))),
        Err(BookingError::PaymentDeclined) => {
            checkout_page(&state, &viewer.user, &shell, id, true).await
        }
        Err(e) => Err(e.into()),
    }
}

/// One line of the timeline, ready to show.
pub struct TimelineEntry {
    pub at: String,
    pub status: String,
    pub actor: String,
    pub reason: Option<String>,
}

#[derive(Template)]
#[template(path = "bookings/booking.html")]
struct BookingPage<'a> {
    shell: &'a Shell,
    booking: Booking,
    role: Actor,
    expert_name: String,
    learner_name: String,
    when: String,
    clock: LocalTimes,
    price: String,
    refund: Option<String>,
    refunded: Option<String>,
    proposed: Option<String>,
    timeline: Vec<TimelineEntry>,
    test_mode: bool,
    cancel_error: Option<String>,
    /// Free times this session could move to, in the viewer's zone (none when it cannot move).
    move_options: Vec<MoveOption>,
    move_error: Option<String>,
}

/// A time a session could move to: the instant the form sends, and how it reads.
pub struct MoveOption {
    pub value: String,
    pub label: String,
}

/// What went wrong with a form on the booking page, shown beside that form.
enum Problem {
    Cancel(String),
    Move(String, StatusCode),
}

/// How far ahead the booking page offers times to move to, and how many at most.
const MOVE_DAYS: i64 = 14;
const MOVE_OPTIONS: usize = 80;

impl BookingPage<'_> {
    fn status_label(&self, status: &str) -> String {
        self.shell
            .t(&format!("booking-status-{}", status.replace('_', "-")))
    }

    fn held(&self) -> bool {
        self.booking.status == BookingStatus::Held
    }

    fn cancellable(&self) -> bool {
        self.booking.cancellable()
    }

    fn is_learner(&self) -> bool {
        self.role == Actor::Learner
    }

    fn is_expert(&self) -> bool {
        self.role == Actor::Expert
    }

    fn policy_label(&self) -> String {
        self.shell
            .t(&format!("policy-{}", self.booking.policy.preset.as_str()))
    }

    fn actor_label(&self, actor: &str) -> String {
        self.shell.t(&format!("booking-actor-{actor}"))
    }
}

fn timeline(clock: &LocalTimes, events: &[EventRow]) -> Vec<TimelineEntry> {
    events
        .iter()
        .map(|e| TimelineEntry {
            at: clock.at(e.at),
            status: e.to_status.clone(),
            actor: e.actor.clone(),
            reason: e.reason.clone(),
        })
        .collect()
}

/// `GET /bookings/{id}`: participants and admins.
pub async fn show(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    booking_page(&state, &viewer.user, &shell, id, None).await
}

/// Free starts for this booking's length over the next two weeks.
async fn move_options(state: &AppState, booking: &Booking, clock: &LocalTimes) -> Vec<MoveOption> {
    let now = state.clock().unix_seconds();
    if !booking.movable(now) {
        return Vec::new();
    }
    let Ok(Some(schedule)) = state
        .schedules
        .schedule(&state.db, booking.row.expert_id)
        .await
    else {
        return Vec::new();
    };
    let minutes = u16::try_from(booking.row.duration_minutes).unwrap_or(u16::MAX);
    schedule
        .slots(now, now + MOVE_DAYS * 86_400, now, minutes)
        .into_iter()
        .take(MOVE_OPTIONS)
        .map(|slot| MoveOption {
            value: zones::rfc3339(slot.start),
            label: clock.span(slot.start, slot.end),
        })
        .collect()
}

async fn booking_page(
    state: &AppState,
    user: &User,
    shell: &Shell,
    id: Uuid,
    problem: Option<Problem>,
) -> Result<Response, AppError> {
    let (booking, role, events) = bookings::visible(&state.db, user, id).await?;
    let clock = LocalTimes::of(user);
    let r = &booking.row;
    let refund = (booking.status == BookingStatus::Confirmed).then(|| {
        money(
            booking.refund_if_cancelled(role, state.clock().unix_seconds()),
            &r.currency,
        )
    });
    let refunded = (r.refunded_amount > 0).then(|| money(r.refunded_amount, &r.currency));
    let proposed = r.proposed_start.map(|p| clock.at(p));
    let options = move_options(state, &booking, &clock).await;
    let people = names(state, &[r.expert_id, r.learner_id]).await?;
    let (cancel_error, move_error, status) = match problem {
        None => (None, None, StatusCode::OK),
        Some(Problem::Cancel(message)) => (Some(message), None, StatusCode::UNPROCESSABLE_ENTITY),
        Some(Problem::Move(message, status)) => (None, Some(message), status),
    };
    let page = BookingPage {
        shell,
        expert_name: people.of(r.expert_id),
        learner_name: people.of(r.learner_id),
        price: money(r.price_amount, &r.currency),
        refund,
        refunded,
        proposed,
        timeline: timeline(&clock, &events),
        when: format!("{} ({})", clock.span(r.start_at, r.end_at), clock.zone_name),
        clock,
        role,
        booking,
        test_mode: state.booking_rules.test_mode,
        cancel_error,
        move_options: options,
        move_error,
    };
    Ok(render(page, status))
}

#[derive(Deserialize)]
pub struct CancelForm {
    #[serde(default)]
    reason: String,
}

/// `POST /bookings/{id}/cancel` {reason}
pub async fn cancel(
    State(state): State<AppState>,
    Links(base): Links,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Path(id): Path<Uuid>,
    Form(form): Form<CancelForm>,
) -> Result<Response, AppError> {
    match changes::cancel(
        &state.booking_deps(&base),
        &viewer.user,
        id,
        &form.reason,
        state.clock().unix_seconds(),
    )
    .await
    {
        Ok(_) => Ok(crate::redirect::to(&format!("/bookings/{id}"))),
        Err(BookingError::Invalid(fields)) => {
            let message = fields
                .first()
                .map(|f| shell.t(f.message_id))
                .unwrap_or_default();
            booking_page(
                &state,
                &viewer.user,
                &shell,
                id,
                Some(Problem::Cancel(message)),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct MoveForm {
    #[serde(default)]
    start: String,
}

/// `POST /bookings/{id}/reschedule` {start}: the learner moves the session; the expert
/// proposes the time to the learner.
pub async fn reschedule(
    State(state): State<AppState>,
    Links(base): Links,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Path(id): Path<Uuid>,
    Form(form): Form<MoveForm>,
) -> Result<Response, AppError> {
    let moved = changes::reschedule(
        &state.booking_deps(&base),
        &viewer.user,
        id,
        &form.start,
        state.clock().unix_seconds(),
    )
    .await;
    let problem = match moved {
        Ok(changes::Moved::Rescheduled(b)) => {
            return Ok(crate::redirect::to(&format!("/bookings/{}", b.id())));
        }
        Ok(changes::Moved::Proposed(b)) => {
            return Ok(crate::redirect::to(&format!("/bookings/{}", b.id())));
        }
        Err(BookingError::Invalid(_)) => Problem::Move(
            shell.t("booking-move-choose"),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(BookingError::SlotUnavailable) => Problem::Move(
            shell.t("error-slot-unavailable-detail"),
            StatusCode::CONFLICT,
        ),
        Err(e) => return Err(e.into()),
    };
    booking_page(&state, &viewer.user, &shell, id, Some(problem)).await
}

#[derive(Deserialize)]
pub struct ProposalForm {
    answer: String,
}

/// `POST /bookings/{id}/proposal` {answer: accept|decline}
pub async fn answer_proposal(
    State(state): State<AppState>,
    Links(base): Links,
    SignedIn(viewer): SignedIn,
    Path(id): Path<Uuid>,
    Form(form): Form<ProposalForm>,
) -> Result<Response, AppError> {
    let services = state.booking_deps(&base);
    let b = match form.answer.as_str() {
        "accept" => {
            changes::accept_proposal(&services, &viewer.user, id, state.clock().unix_seconds())
                .await?
        }
        "decline" => {
            changes::decline_proposal(&services, &viewer.user, id, state.clock().unix_seconds())
                .await?
        }
        _ => return Err(AppError::new(ErrorCode::BadRequest)),
    };
    Ok(crate::redirect::to(&format!("/bookings/{}", b.id())))
}

/// One row of a dashboard.
pub struct SessionRow {
    pub id: Uuid,
    pub when: String,
    pub with: String,
    pub minutes: i32,
    pub status: String,
    pub price: String,
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
) -> Result<Response, AppError> {
    let Some(tab) = Tab::parse(tab.unwrap_or("upcoming")) else {
        return Err(AppError::new(ErrorCode::BadRequest));
    };
    let list = lists::sessions(
        &state.db,
        user.id,
        side,
        tab,
        state.clock().unix_seconds(),
        200,
    )
    .await?;
    let clock = LocalTimes::of(user);
    let people = lists::other_party_names(&state.db, &list, side).await?;
    let rows = list
        .iter()
        .map(|b| SessionRow {
            id: b.row.id,
            when: clock.span(b.row.start_at, b.row.end_at),
            with: people
                .get(&lists::other_party(b, side))
                .cloned()
                .unwrap_or_default(),
            minutes: b.row.duration_minutes,
            status: b.status.as_str().to_owned(),
            price: money(b.row.price_amount, &b.row.currency),
        })
        .collect();
    let feed_active = feed::is_on(&state.db, user).await?;
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
            feed_active,
            feed_url,
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
    let token = feed::renew(&state.db, &viewer.user, state.clock().unix_seconds()).await?;
    let url = format!("{base}/calendar/{token}.ics");
    sessions_page(&state, &viewer.user, &shell, Side::Learner, None, Some(url)).await
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
    let text = feed::calendar(&state.db, token, &base, state.clock().unix_seconds())
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
