//! Booking pages: holding a chosen slot, the labelled test-mode checkout, the booking page
//! (details in the viewer's zone, timeline, cancel with the refund shown first, answering
//! an expert's proposed time).

use app::bookings::changes;
use app::bookings::hold::{self, HoldRequest};
use app::bookings::payment::{self, SandboxOutcome};
use app::bookings::{self as bookings, Booking, BookingError};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use domain::booking::{Actor, BookingStatus};
use serde::Deserialize;
use store::users::User;
use uuid::Uuid;

use crate::middleware::viewer::SignedIn;
use crate::origin::BrowserOrigin;
use crate::pages::confirm::{self, Confirm};
use crate::pages::render;
use crate::pages::shell::Shell;
use crate::scheduling::slot_picker::{self, PickerParams, WeekView};
use crate::{AppError, AppState, ErrorCode, Links};

use super::add_to_calendar::{CalendarLinks, Session};
use super::present::{LocalTimes, TimelineEntry, names, timeline};
use crate::learning::panels::{Attempt, Panels};

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
        &state.calendars,
        &state.throttle,
        &state.booking_rules,
        &viewer.user,
        &req,
        Some(&key),
        state.clock().now(),
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
    id: Uuid,
    expert_name: String,
    when: String,
    held_until: String,
    price: String,
    declined: bool,
}

/// Whether Stripe sent the learner back after a failed attempt.
#[derive(Deserialize)]
pub struct CheckoutQuery {
    #[serde(default)]
    failed: Option<String>,
}

/// `GET /bookings/{id}/checkout`: the payment page: Stripe's Payment Element, or the
/// sandbox's page, labelled as test mode.
pub async fn checkout(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Path(id): Path<Uuid>,
    BrowserOrigin(origin): BrowserOrigin,
    axum::extract::Query(query): axum::extract::Query<CheckoutQuery>,
) -> Result<Response, AppError> {
    let failed = query.failed.is_some();
    checkout_page(&state, &viewer.user, &shell, id, failed, &origin).await
}

async fn checkout_page(
    state: &AppState,
    user: &User,
    shell: &Shell,
    id: Uuid,
    declined: bool,
    origin: &str,
) -> Result<Response, AppError> {
    let (booking, role, _) = bookings::visible(&state.db, user, id).await?;
    if role != Actor::Learner || booking.status != BookingStatus::Held {
        return Ok(crate::redirect::to(&format!("/bookings/{id}")));
    }
    if !state.booking_rules.test_mode {
        return match &state.stripe_checkout {
            Some(stripe) => {
                let page = super::stripe_checkout::Checkout {
                    stripe,
                    booking,
                    failed: declined,
                    origin,
                };
                super::stripe_checkout::page(state, user, shell, page).await
            }
            None => Err(AppError::new(ErrorCode::NotFound)),
        };
    }
    let expert_name = names(state, &[booking.row.expert_id])
        .await?
        .of(booking.row.expert_id);
    let price = shell.money(booking.row.price_amount, &booking.row.currency);
    let clock = LocalTimes::of(user, shell.locale);
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
            id: booking.id(),
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
        state.clock().now(),
    )
    .await
    {
        Ok(_) => Ok(crate::redirect::to(&format!("/bookings/{id}?booked=1"))),
        Err(BookingError::PaymentDeclined) => {
            checkout_page(&state, &viewer.user, &shell, id, true, &base).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "bookings/booking.html")]
struct BookingPage<'a> {
    shell: &'a Shell,
    id: Uuid,
    status: BookingStatus,
    note: Option<String>,
    /// The cancellation policy's preset, as its message id names it.
    policy: &'static str,
    may_cancel: bool,
    role: Actor,
    expert_name: String,
    learner_name: String,
    when: String,
    clock: LocalTimes,
    price: String,
    refund: Option<String>,
    refunded: Option<String>,
    /// Money was paid for it: the learner has a receipt.
    paid: bool,
    proposed: Option<String>,
    timeline: Vec<TimelineEntry>,
    test_mode: bool,
    cancel_error: Option<String>,
    /// The cancellation reason as typed, shown again beside its error.
    cancel_reason: String,
    /// A week of free times this session could move to, in the viewer's zone, with the
    /// booking picker's own grid (none when it cannot move).
    move_week: Option<WeekView>,
    /// "Add to calendar" links, once the session is confirmed.
    calendar: Option<CalendarLinks>,
    /// The other side's name and address, to write to before the session.
    contact: Option<(String, String)>,
    /// Arrived straight from paying: the success note shows.
    booked: bool,
    move_error: Option<String>,
    /// The session's room can be entered (or will open): the Join button shows.
    joinable: bool,
    /// The outcomes this viewer may record now (the session has started and is still
    /// confirmed): `completed`, `no_show_learner`, `no_show_expert`.
    outcomes: Vec<&'static str>,
    /// The review, the goals it serves, the way to its notes.
    learning: Panels,
}

/// What went wrong with a form on the booking page, shown beside that form.
pub(crate) enum Problem {
    /// The message, and the reason as typed (kept in the field).
    Cancel(String, String),
    Move(String, StatusCode),
}

impl BookingPage<'_> {
    /// This booking's page showing another week of times to move to (what the picker's
    /// month and week links call `week_url`).
    fn week_url(&self, week: &str) -> String {
        let query = serde_urlencoded::to_string([("week", week)]).unwrap_or_default();
        format!("/bookings/{}?{query}#move", self.id)
    }

    fn status_label(&self, status: &str) -> String {
        self.shell
            .t(&format!("booking-status-{}", status.replace('_', "-")))
    }

    fn held(&self) -> bool {
        self.status == BookingStatus::Held
    }

    fn is_learner(&self) -> bool {
        self.role == Actor::Learner
    }

    fn is_expert(&self) -> bool {
        self.role == Actor::Expert
    }

    fn policy_label(&self) -> String {
        self.shell.t(&format!("policy-{}", self.policy))
    }

    fn actor_label(&self, actor: &str) -> String {
        self.shell.t(&format!("booking-actor-{actor}"))
    }
}

/// `GET /bookings/{id}`: participants and admins.
pub async fn show(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Path(id): Path<Uuid>,
    Query(q): Query<ShowParams>,
) -> Result<Response, AppError> {
    // A moved session's old address (in an email, a calendar) leads to where it stands now.
    if let Some(current) = bookings::standing_for(&state.db, &viewer.user, id).await? {
        return Ok(crate::redirect::to(&format!("/bookings/{current}")));
    }
    booking_page(&state, &viewer.user, &shell, id, None, None, Some(&q)).await
}

/// The booking page's address: which week the move picker shows, and whether the person
/// arrives straight from paying (the success note).
#[derive(serde::Deserialize, Default)]
pub struct ShowParams {
    #[serde(default)]
    week: Option<String>,
    #[serde(default)]
    booked: Option<String>,
}

/// The week of free times this booking could move to: the booking picker's week, at the
/// booking's length, in the viewer's zone, from `week` on (this week without one). `None`
/// once it may no longer move, or when the expert has no hours to offer.
async fn move_week(
    state: &AppState,
    shell: &Shell,
    booking: &Booking,
    user: &User,
    week: Option<&str>,
) -> Option<WeekView> {
    if !booking.movable(state.clock().now()) {
        return None;
    }
    let params = PickerParams {
        tz: None,
        week: week.map(str::to_owned),
        duration: Some(booking.row.duration_minutes.to_string()),
    };
    // The picker falls back to the expert's default length when this one is no longer
    // offered; those times would not fit this booking, so none are shown then.
    let minutes = u16::try_from(booking.row.duration_minutes).ok();
    slot_picker::week(state, shell, booking.row.expert_id, &params, Some(user))
        .await
        .ok()
        .filter(|w| !w.no_hours && w.duration == minutes)
}

/// The booking page; `attempt` is a review or reply just refused, shown again with its
/// errors.
pub(crate) async fn booking_page(
    state: &AppState,
    user: &User,
    shell: &Shell,
    id: Uuid,
    problem: Option<Problem>,
    attempt: Option<Attempt>,
    view: Option<&ShowParams>,
) -> Result<Response, AppError> {
    let week = view.and_then(|v| v.week.as_deref());
    let (booking, role, events) = bookings::visible(&state.db, user, id).await?;
    let clock = LocalTimes::of(user, shell.locale);
    let r = &booking.row;
    let refund = (booking.status == BookingStatus::Confirmed).then(|| {
        shell.money(
            booking.refund_if_cancelled(role, state.clock().now()),
            &r.currency,
        )
    });
    let refunded = (r.refunded_amount > 0).then(|| shell.money(r.refunded_amount, &r.currency));
    let proposed = r.proposed_start.map(|p| clock.at(p));
    let move_week = move_week(state, shell, &booking, user, week).await;
    let people = names(state, &[r.expert_id, r.learner_id]).await?;
    let confirmed = booking.status == BookingStatus::Confirmed;
    let title = format!(
        "Mentora: {} × {}",
        people.of(r.expert_id),
        people.of(r.learner_id)
    );
    let page_url = format!("{}/bookings/{id}", state.settings.origin.canonical());
    let calendar = confirmed.then(|| {
        CalendarLinks::of(&Session {
            id,
            title: &title,
            start: r.start_at,
            end: r.end_at,
            page: &page_url,
        })
    });
    // The other side of the session, to write to before it (their address is already in
    // the calendar invitation each side received).
    let other = if role == Actor::Expert {
        r.learner_id
    } else {
        r.expert_id
    };
    let contact = match app::accounts::by_id(&state.db, other).await? {
        Some(u) if confirmed && matches!(role, Actor::Learner | Actor::Expert) => {
            Some((u.display_name, u.email))
        }
        _ => None,
    };
    let booked = confirmed && view.is_some_and(|v| v.booked.is_some());
    let refused = attempt.is_some();
    let learning = crate::learning::panels::for_booking(
        state,
        user,
        shell,
        &clock,
        id,
        &people.of(r.learner_id),
        attempt,
    )
    .await?;
    let cancel_reason = match &problem {
        Some(Problem::Cancel(_, reason)) => reason.clone(),
        _ => String::new(),
    };
    let (cancel_error, move_error, status) = match problem {
        None if refused => (None, None, StatusCode::UNPROCESSABLE_ENTITY),
        None => (None, None, StatusCode::OK),
        Some(Problem::Cancel(message, _)) => {
            (Some(message), None, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Some(Problem::Move(message, status)) => (None, Some(message), status),
    };
    let page = BookingPage {
        shell,
        expert_name: people.of(r.expert_id),
        learner_name: people.of(r.learner_id),
        price: shell.money(r.price_amount, &r.currency),
        refund,
        refunded,
        paid: r.paid_amount > 0,
        proposed,
        timeline: timeline(shell, &clock, &events),
        when: format!("{} ({})", clock.span(r.start_at, r.end_at), clock.zone_name),
        clock,
        role,
        id: booking.id(),
        status: booking.status,
        note: booking.row.note.clone(),
        policy: booking.policy.preset.as_str(),
        may_cancel: booking.cancellable(),
        test_mode: state.booking_rules.test_mode,
        cancel_error,
        cancel_reason,
        move_week,
        calendar,
        contact,
        booked,
        move_error,
        joinable: super::sessions::joinable(&booking, state.clock().now()),
        outcomes: outcomes(
            &booking,
            role,
            app::rooms::met_on(&state.db, &booking)
                .await?
                .reports_attendance(),
            state.clock().now(),
        ),
        learning,
    };
    Ok(render(page, status))
}

/// The outcomes `role` may record for `booking` at `now`: once the session has started,
/// while it is confirmed; for an expert only where the room reports no attendance
/// (`attendance_settles` false: Jitsi, Google Meet), since attendance settles the rest.
fn outcomes(
    booking: &Booking,
    role: Actor,
    attendance_settles: bool,
    now: jiff::Timestamp,
) -> Vec<&'static str> {
    if booking.status != BookingStatus::Confirmed
        || now < booking.row.start_at
        || (role == Actor::Expert && attendance_settles)
    {
        return Vec::new();
    }
    [
        BookingStatus::Completed,
        BookingStatus::NoShowLearner,
        BookingStatus::NoShowExpert,
    ]
    .into_iter()
    .filter(|to| domain::booking::rules::may_record(*to, role) == Some(true))
    .map(BookingStatus::as_str)
    .collect()
}

#[derive(Deserialize)]
pub struct OutcomeForm {
    to: String,
    #[serde(default)]
    reason: String,
}

/// `POST /bookings/{id}/outcome` {to, reason}: the expert or an operator records how the
/// session went (a session attendance could not settle).
pub async fn outcome(
    State(state): State<AppState>,
    Links(base): Links,
    SignedIn(viewer): SignedIn,
    Path(id): Path<Uuid>,
    Form(form): Form<OutcomeForm>,
) -> Result<Response, AppError> {
    let Some(to) = BookingStatus::parse(form.to.trim()) else {
        return Err(AppError::fields(vec![app::FieldError {
            field: "to",
            message_id: "booking-outcome-invalid",
        }]));
    };
    changes::record_outcome(
        &state.booking_deps(&base),
        &viewer.user,
        id,
        to,
        &form.reason,
        None,
        state.clock().now(),
    )
    .await?;
    Ok(crate::redirect::to(&format!("/bookings/{id}")))
}

#[derive(Deserialize)]
pub struct CancelForm {
    #[serde(default)]
    reason: String,
    /// `yes` once the person has seen what cancelling means (see `pages::confirm`).
    #[serde(default)]
    confirmed: String,
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
    if !confirm::given(&form.confirmed) {
        return ask_to_cancel(&state, &viewer.user, &shell, id, form.reason).await;
    }
    match changes::cancel(
        &state.booking_deps(&base),
        &viewer.user,
        id,
        &form.reason,
        state.clock().now(),
    )
    .await
    {
        Ok(_) => Ok(crate::redirect::to(&format!("/bookings/{id}"))),
        Err(BookingError::Invalid(fields)) => {
            refused_cancel(&state, &viewer.user, &shell, id, &fields, form.reason).await
        }
        Err(e) => Err(e.into()),
    }
}

/// The booking page again with the cancellation's problem beside its field, and the
/// reason as typed.
async fn refused_cancel(
    state: &AppState,
    user: &User,
    shell: &Shell,
    id: Uuid,
    fields: &[app::FieldError],
    reason: String,
) -> Result<Response, AppError> {
    let message = fields
        .first()
        .map(|f| shell.t(f.message_id))
        .unwrap_or_default();
    let problem = Problem::Cancel(message, reason);
    booking_page(state, user, shell, id, Some(problem), None, None).await
}

/// The step before cancelling: who and when, and what would be refunded now; keeping the
/// session is the primary answer.
async fn ask_to_cancel(
    state: &AppState,
    user: &User,
    shell: &Shell,
    id: Uuid,
    reason: String,
) -> Result<Response, AppError> {
    let (booking, role, _) = bookings::visible(&state.db, user, id).await?;
    // A reason that would be refused is refused now, before asking "are you sure?".
    if let Err(BookingError::Invalid(fields)) = changes::check_cancel_reason(role, &reason) {
        return refused_cancel(state, user, shell, id, &fields, reason).await;
    }
    let r = &booking.row;
    let clock = LocalTimes::of(user, shell.locale);
    let people = names(state, &[r.expert_id, r.learner_id]).await?;
    let when = format!("{} ({})", clock.span(r.start_at, r.end_at), clock.zone_name);
    let what = match role {
        Actor::Learner => shell.t_args(
            "booking-cancel-ask-what",
            &[("name", people.of(r.expert_id)), ("when", when)],
        ),
        Actor::Expert => shell.t_args(
            "booking-cancel-ask-what",
            &[("name", people.of(r.learner_id)), ("when", when)],
        ),
        // An operator cancels someone else's session: both are named.
        _ => shell.t_args(
            "booking-cancel-ask-what-operator",
            &[
                ("expert", people.of(r.expert_id)),
                ("learner", people.of(r.learner_id)),
                ("when", when),
            ],
        ),
    };
    let mut lead = vec![what];
    if booking.status == BookingStatus::Confirmed {
        let refund = booking.refund_if_cancelled(role, state.clock().now());
        lead.push(shell.t1(
            "booking-cancel-refund",
            "refund",
            &shell.money(refund, &r.currency),
        ));
    }
    let href = format!("/bookings/{id}");
    Ok(confirm::page(
        shell,
        Confirm {
            title: shell.t("booking-cancel-ask-title"),
            lead,
            keep: shell.t("booking-cancel-keep"),
            go: shell.t("booking-cancel-yes"),
            action: format!("{href}/cancel"),
            keep_href: href,
            fields: vec![("reason", reason)],
        },
    ))
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
        state.clock().now(),
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
    booking_page(&state, &viewer.user, &shell, id, Some(problem), None, None).await
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
            changes::accept_proposal(&services, &viewer.user, id, state.clock().now()).await?
        }
        "decline" => {
            changes::decline_proposal(&services, &viewer.user, id, state.clock().now()).await?
        }
        _ => return Err(AppError::new(ErrorCode::BadRequest)),
    };
    Ok(crate::redirect::to(&format!("/bookings/{}", b.id())))
}
