//! Bookings over the API: hold a slot, read it with its timeline, cancel, move, record
//! how it went; the test-mode payment endpoint; the caller's calendar feed.

use app::bookings::changes::{self, Moved};
use app::bookings::hold::{self, HoldRequest};
use app::bookings::lists::{self, Tab};
use app::bookings::payment::{self, SandboxOutcome};
use app::bookings::{self as bookings, Booking, feed};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use domain::booking::{Actor, BookingStatus};
use domain::schedule::zones::rfc3339;
use serde::{Deserialize, Serialize};
use store::bookings::{EventRow, Side};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::api::json::JsonBody;
use crate::middleware::bearer::ApiCaller;
use crate::{AppError, AppState, ErrorCode, Links};

/// An amount of money.
#[derive(Serialize, ToSchema)]
#[schema(as = Money)]
pub struct MoneyBody {
    /// In the currency's minor units (4500 = 45.00 EUR; 4500 = 4500 JPY).
    pub amount: i64,
    /// ISO 4217 code.
    #[schema(example = "EUR")]
    pub currency: String,
}

/// How the booking is paid.
#[derive(Serialize, ToSchema)]
#[schema(as = BookingPayment)]
struct PaymentBody {
    /// `sandbox` (test mode) or `stripe`.
    provider: String,
    /// Where the learner pays, while the booking is held.
    checkout_url: Option<String>,
    /// With Stripe, in the answer to the hold only: the PaymentIntent's client secret,
    /// for Stripe.js or a mobile SDK to confirm the payment with.
    client_secret: Option<String>,
}

/// One step of the cancellation policy.
#[derive(Serialize, ToSchema)]
#[schema(as = RefundTier)]
struct TierBody {
    /// Cancelling at least this many hours before the start…
    hours_before: i64,
    /// …refunds this share of the price.
    refund_percent: i64,
}

/// The cancellation policy frozen on the booking when it was made.
#[derive(Serialize, ToSchema)]
#[schema(as = CancellationPolicy)]
struct PolicyBody {
    /// `flexible`, `moderate` or `strict`.
    preset: &'static str,
    tiers: Vec<TierBody>,
}

/// One change of the booking's status.
#[derive(Serialize, ToSchema)]
#[schema(as = BookingEvent)]
struct EventBody {
    /// The status before (null for the first event).
    from: Option<String>,
    /// The status after.
    to: String,
    /// `learner`, `expert`, `admin` or `system`.
    actor: String,
    #[schema(format = DateTime)]
    at: String,
    reason: Option<String>,
}

/// A booking as its participants (and admins) see it.
#[derive(Serialize, ToSchema)]
#[schema(as = Booking)]
pub struct BookingBody {
    id: Uuid,
    /// `held`, `confirmed`, `expired`, `cancelled`, `rescheduled`, `completed`,
    /// `no_show_learner`, `no_show_expert`, `disputed` or `resolved`.
    #[schema(example = "confirmed")]
    status: &'static str,
    expert_id: Uuid,
    learner_id: Uuid,
    #[schema(format = DateTime)]
    start: String,
    #[schema(format = DateTime)]
    end: String,
    duration_minutes: i32,
    /// While held: when the hold lapses unless paid.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(format = DateTime)]
    hold_expires_at: Option<String>,
    /// The price frozen when the slot was held.
    price: MoneyBody,
    paid: MoneyBody,
    refunded: MoneyBody,
    /// The learner's message to the expert.
    note: Option<String>,
    policy: PolicyBody,
    payment: PaymentBody,
    /// The booking this one replaced, when the session was moved.
    rescheduled_from: Option<Uuid>,
    /// A new start the expert proposed, waiting for the learner.
    #[schema(format = DateTime)]
    proposed_start: Option<String>,
    /// What cancelling now would refund to the learner, for the caller's role.
    #[serde(skip_serializing_if = "Option::is_none")]
    cancellation_refund: Option<MoneyBody>,
    /// Every change of status, oldest first (when reading one booking).
    #[serde(skip_serializing_if = "Option::is_none")]
    timeline: Option<Vec<EventBody>>,
}

/// One page of the caller's bookings.
#[derive(Serialize, ToSchema)]
#[schema(as = BookingPage)]
pub struct BookingPageBody {
    bookings: Vec<BookingBody>,
    /// Pass as `cursor` for the next page; null on the last page.
    next_cursor: Option<String>,
}

/// A cancelled booking and what was refunded.
#[derive(Serialize, ToSchema)]
#[schema(as = CancelledBooking)]
pub struct CancelledBody {
    #[serde(flatten)]
    booking: BookingBody,
    /// Refunded to the learner by this cancellation.
    refund: MoneyBody,
}

/// A booking after a sandbox payment.
#[derive(Serialize, ToSchema)]
#[schema(as = PaidBooking)]
pub struct PaidBody {
    #[serde(flatten)]
    booking: BookingBody,
    /// The payment came after the hold lapsed and someone else took the slot: it was
    /// refunded in full and the booking expired.
    refunded_in_full: bool,
}

/// A private calendar feed address.
#[derive(Serialize, ToSchema)]
#[schema(as = CalendarFeed)]
pub struct FeedBody {
    /// The iCalendar feed of the caller's sessions; keep it secret.
    url: String,
}

fn money(amount: i64, currency: &str) -> MoneyBody {
    MoneyBody {
        amount,
        currency: currency.to_owned(),
    }
}

pub fn booking_json(
    b: &Booking,
    viewer: Option<Actor>,
    events: Option<&[EventRow]>,
    now: jiff::Timestamp,
) -> BookingBody {
    let r = &b.row;
    let held = b.status == BookingStatus::Held;
    BookingBody {
        id: r.id,
        status: b.status.as_str(),
        expert_id: r.expert_id,
        learner_id: r.learner_id,
        start: rfc3339(r.start_at),
        end: rfc3339(r.end_at),
        duration_minutes: r.duration_minutes,
        hold_expires_at: held.then(|| rfc3339(r.hold_expires_at)),
        price: money(r.price_amount, &r.currency),
        paid: money(r.paid_amount, &r.currency),
        refunded: money(r.refunded_amount, &r.currency),
        note: r.note.clone(),
        policy: PolicyBody {
            preset: b.policy.preset.as_str(),
            tiers: b
                .policy
                .tiers
                .iter()
                .map(|t| TierBody {
                    hours_before: t.hours_before,
                    refund_percent: t.percent,
                })
                .collect(),
        },
        payment: PaymentBody {
            provider: r.payment_provider.clone(),
            checkout_url: held.then(|| format!("/bookings/{}/checkout", r.id)),
            client_secret: None,
        },
        rescheduled_from: r.rescheduled_from,
        proposed_start: r.proposed_start.map(rfc3339),
        cancellation_refund: match viewer {
            Some(role) if b.status == BookingStatus::Confirmed => {
                Some(money(b.refund_if_cancelled(role, now), &r.currency))
            }
            _ => None,
        },
        timeline: events.map(|events| {
            events
                .iter()
                .map(|e| EventBody {
                    from: e.from_status.clone(),
                    to: e.to_status.clone(),
                    actor: e.actor.clone(),
                    at: rfc3339(e.at),
                    reason: e.reason.clone(),
                })
                .collect()
        }),
    }
}

/// The `Idempotency-Key` header: printable ASCII, at most 255 characters.
fn idempotency_key(headers: &HeaderMap) -> Result<Option<String>, AppError> {
    let Some(value) = headers.get("idempotency-key") else {
        return Ok(None);
    };
    match value.to_str() {
        Ok(key) if !key.trim().is_empty() && key.len() <= 255 => Ok(Some(key.trim().to_owned())),
        _ => Err(AppError::new(ErrorCode::BadRequest)),
    }
}

/// Hold a slot.
///
/// The slot is held for the learner until the hold lapses (`hold_expires_at`); paying
/// confirms it. Send an `Idempotency-Key` to make retries safe: the same key and body
/// answer with the same booking (and `Idempotent-Replayed: true`), never a second hold.
#[utoipa::path(
    post, path = "/bookings", tag = "bookings", operation_id = "hold_slot",
    params(("Idempotency-Key" = Option<String>, Header, description = "Printable ASCII, at most 255 characters; the same key with the same body replays the first answer.")),
    request_body = HoldRequest,
    responses((status = 201, description = "Held.", body = BookingBody, headers(
        ("Location" = String, description = "The booking's address."),
        ("Idempotent-Replayed" = String, description = "`true` when this answers an earlier request with the same key."),
    ))),
)]
pub async fn create(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    headers: HeaderMap,
    JsonBody(req): JsonBody<HoldRequest>,
) -> Result<Response, AppError> {
    let key = idempotency_key(&headers)?;
    let now = state.clock().now();
    let held = hold::hold(
        &state.db,
        &state.schedules,
        &state.calendars,
        &state.throttle,
        &state.booking_rules,
        &caller.user,
        &req,
        key.as_deref(),
        now,
    )
    .await?;
    let mut body = booking_json(&held.booking, Some(Actor::Learner), None, now);
    // With Stripe the payment starts with the hold. If Stripe does not answer, the hold
    // stands and the checkout (or a repeat of this request) starts it.
    match app::payments::checkout::start(&state.db, state.payments.as_ref(), &held.booking).await {
        Ok(payment) => body.payment.client_secret = payment.and_then(|p| p.client_secret),
        Err(e) => {
            tracing::warn!(booking = %held.booking.id(), error = %e, "starting the payment failed; the hold stands")
        }
    }
    let mut response = (StatusCode::CREATED, Json(body)).into_response();
    let headers = response.headers_mut();
    if let Ok(location) = HeaderValue::from_str(&format!("/api/v1/bookings/{}", held.booking.id()))
    {
        headers.insert(axum::http::header::LOCATION, location);
    }
    if held.replayed {
        headers.insert("idempotent-replayed", HeaderValue::from_static("true"));
    }
    Ok(response)
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// `learner` (default) or `expert`.
    #[serde(default, rename = "as")]
    side: Option<String>,
    /// `upcoming` (default), `past` or `cancelled`.
    #[serde(default)]
    tab: Option<String>,
    /// The `next_cursor` of the previous page.
    #[serde(default)]
    cursor: Option<String>,
    /// Bookings per page: 1 to 200 (the default).
    #[serde(default)]
    #[param(minimum = 1, maximum = 200)]
    limit: Option<u64>,
}

/// List the caller's bookings.
///
/// As learner or as expert, by tab; pages follow `next_cursor`.
#[utoipa::path(
    get, path = "/bookings", tag = "bookings", operation_id = "list_bookings",
    params(ListParams),
    responses((status = 200, description = "A page of bookings.", body = BookingPageBody)),
)]
pub async fn list(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Query(q): Query<ListParams>,
) -> Result<Json<BookingPageBody>, AppError> {
    let side = match q.side.as_deref().unwrap_or("learner") {
        "learner" => Side::Learner,
        "expert" => Side::Expert,
        _ => return Err(AppError::new(ErrorCode::BadRequest)),
    };
    let tab = Tab::parse(q.tab.as_deref().unwrap_or("upcoming"))
        .ok_or(AppError::new(ErrorCode::BadRequest))?;
    let role = match side {
        Side::Learner => Actor::Learner,
        Side::Expert => Actor::Expert,
    };
    let limit = q.limit.unwrap_or(lists::MAX_PAGE);
    if !(1..=lists::MAX_PAGE).contains(&limit) {
        return Err(AppError::fields(vec![app::FieldError {
            field: "limit",
            message_id: "field-limit-invalid",
        }]));
    }
    let after = q.cursor.as_deref().map(lists::Cursor::decode).transpose()?;
    let now = state.clock().now();
    let page = lists::page(&state.db, caller.user.id, side, tab, now, limit, after).await?;
    Ok(Json(BookingPageBody {
        bookings: page
            .bookings
            .iter()
            .map(|b| booking_json(b, Some(role), None, now))
            .collect(),
        next_cursor: page.next.map(|c| c.encode()),
    }))
}

/// Read a booking with its timeline.
///
/// For its learner, its expert and admins; anyone else gets 404.
#[utoipa::path(
    get, path = "/bookings/{id}", tag = "bookings", operation_id = "get_booking",
    params(("id" = Uuid, Path, description = "The booking's id.")),
    responses((status = 200, description = "The booking.", body = BookingBody)),
)]
pub async fn show(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Path(id): Path<Uuid>,
) -> Result<Json<BookingBody>, AppError> {
    let (b, role, events) = bookings::visible(&state.db, &caller.user, id).await?;
    Ok(Json(booking_json(
        &b,
        Some(role),
        Some(&events),
        state.clock().now(),
    )))
}

/// Why a booking is cancelled.
#[derive(Deserialize, ToSchema)]
#[schema(as = Cancellation)]
pub struct ReasonBody {
    /// Shown to the other participant.
    #[serde(default)]
    reason: String,
}

/// Cancel a booking.
///
/// The refund follows the booking's policy for the learner; an expert's cancellation
/// refunds in full.
#[utoipa::path(
    post, path = "/bookings/{id}/cancel", tag = "bookings", operation_id = "cancel_booking",
    params(("id" = Uuid, Path, description = "The booking's id.")),
    request_body = ReasonBody,
    responses((status = 200, description = "Cancelled.", body = CancelledBody)),
)]
pub async fn cancel(
    State(state): State<AppState>,
    Links(base): Links,
    Extension(caller): Extension<ApiCaller>,
    Path(id): Path<Uuid>,
    JsonBody(req): JsonBody<ReasonBody>,
) -> Result<Json<CancelledBody>, AppError> {
    let now = state.clock().now();
    let done = changes::cancel(
        &state.booking_deps(&base),
        &caller.user,
        id,
        &req.reason,
        now,
    )
    .await?;
    let refund = money(done.refund, &done.booking.row.currency);
    Ok(Json(CancelledBody {
        booking: booking_json(&done.booking, None, None, now),
        refund,
    }))
}

/// A new start for a session.
#[derive(Deserialize, ToSchema)]
#[schema(as = NewStart)]
pub struct StartBody {
    /// RFC 3339; a free slot of the same length.
    #[schema(format = DateTime)]
    start: String,
}

/// Move a session.
///
/// A learner's move takes effect at once: the answer is the booking that now stands for
/// the session (the old one is `rescheduled`). An expert's move is a proposal the learner
/// accepts or declines (202).
#[utoipa::path(
    post, path = "/bookings/{id}/reschedule", tag = "bookings", operation_id = "reschedule_booking",
    params(("id" = Uuid, Path, description = "The booking's id.")),
    request_body = StartBody,
    responses(
        (status = 200, description = "Moved: the new booking.", body = BookingBody),
        (status = 202, description = "Proposed to the learner.", body = BookingBody),
    ),
)]
pub async fn reschedule(
    State(state): State<AppState>,
    Links(base): Links,
    Extension(caller): Extension<ApiCaller>,
    Path(id): Path<Uuid>,
    JsonBody(req): JsonBody<StartBody>,
) -> Result<Response, AppError> {
    let now = state.clock().now();
    let moved = changes::reschedule(
        &state.booking_deps(&base),
        &caller.user,
        id,
        &req.start,
        now,
    )
    .await?;
    Ok(match moved {
        Moved::Rescheduled(b) => Json(booking_json(&b, None, None, now)).into_response(),
        Moved::Proposed(b) => (
            StatusCode::ACCEPTED,
            Json(booking_json(&b, None, None, now)),
        )
            .into_response(),
    })
}

/// Accept the expert's proposed new time.
#[utoipa::path(
    post, path = "/bookings/{id}/proposal/accept", tag = "bookings", operation_id = "accept_proposal",
    params(("id" = Uuid, Path, description = "The booking's id.")),
    responses((status = 200, description = "Moved: the booking that now stands for the session.", body = BookingBody)),
)]
pub async fn accept(
    State(state): State<AppState>,
    Links(base): Links,
    Extension(caller): Extension<ApiCaller>,
    Path(id): Path<Uuid>,
) -> Result<Json<BookingBody>, AppError> {
    let now = state.clock().now();
    let b = changes::accept_proposal(&state.booking_deps(&base), &caller.user, id, now).await?;
    Ok(Json(booking_json(&b, None, None, now)))
}

/// Decline the expert's proposed new time.
#[utoipa::path(
    post, path = "/bookings/{id}/proposal/decline", tag = "bookings", operation_id = "decline_proposal",
    params(("id" = Uuid, Path, description = "The booking's id.")),
    responses((status = 200, description = "The booking, unchanged in time.", body = BookingBody)),
)]
pub async fn decline(
    State(state): State<AppState>,
    Links(base): Links,
    Extension(caller): Extension<ApiCaller>,
    Path(id): Path<Uuid>,
) -> Result<Json<BookingBody>, AppError> {
    let now = state.clock().now();
    let b = changes::decline_proposal(&state.booking_deps(&base), &caller.user, id, now).await?;
    Ok(Json(booking_json(&b, None, None, now)))
}

/// How a session went, or a dispute and its settlement.
#[derive(Deserialize, ToSchema)]
#[schema(as = Outcome)]
pub struct TransitionBody {
    /// `completed`, `no_show_learner`, `no_show_expert`, `disputed` or `resolved`.
    #[schema(example = "completed")]
    to: String,
    #[serde(default)]
    reason: String,
    /// With `resolved`: `refund_learner` or `expert_paid`.
    #[serde(default)]
    settlement: Option<changes::Settlement>,
}

/// Record how a session went.
///
/// Attendance settles sessions in the built-in room and on Zoom; an admin records
/// `completed` or `no_show_learner` (or `no_show_expert`, refunded in full) once the
/// session started, and so does the expert of a session on Jitsi or Google Meet (else
/// 409 `settled_by_attendance`). A learner's `no_show_expert` on a confirmed session opens
/// a dispute; the side an outcome went against disputes it (`disputed`, with a reason)
/// within `payout_delay_hours` of it (else 409 `dispute_window_closed`), an admin at any
/// time; an admin `resolved` a dispute with a settlement.
#[utoipa::path(
    post, path = "/bookings/{id}/transitions", tag = "bookings", operation_id = "record_outcome",
    params(("id" = Uuid, Path, description = "The booking's id.")),
    request_body = TransitionBody,
    responses((status = 200, description = "The booking in its new status.", body = BookingBody)),
)]
pub async fn transition(
    State(state): State<AppState>,
    Links(base): Links,
    Extension(caller): Extension<ApiCaller>,
    Path(id): Path<Uuid>,
    JsonBody(req): JsonBody<TransitionBody>,
) -> Result<Json<BookingBody>, AppError> {
    let Some(to) = BookingStatus::parse(req.to.trim()) else {
        return Err(AppError::fields(vec![app::FieldError {
            field: "to",
            message_id: "booking-status-unknown",
        }]));
    };
    let now = state.clock().now();
    let b = changes::record_outcome(
        &state.booking_deps(&base),
        &caller.user,
        id,
        to,
        &req.reason,
        req.settlement,
        now,
    )
    .await?;
    Ok(Json(booking_json(&b, None, None, now)))
}

/// The expert's side of a dispute.
#[derive(Deserialize, ToSchema)]
#[schema(as = DisputeAnswer)]
pub struct AnswerBody {
    #[serde(default)]
    answer: String,
}

/// Answer a dispute (the expert).
///
/// Added to the timeline; the booking stays disputed until an admin resolves it.
#[utoipa::path(
    post, path = "/bookings/{id}/dispute/answer", tag = "bookings", operation_id = "answer_dispute",
    params(("id" = Uuid, Path, description = "The booking's id.")),
    request_body = AnswerBody,
    responses((status = 200, description = "The disputed booking.", body = BookingBody)),
)]
pub async fn answer_dispute(
    State(state): State<AppState>,
    Links(base): Links,
    Extension(caller): Extension<ApiCaller>,
    Path(id): Path<Uuid>,
    JsonBody(req): JsonBody<AnswerBody>,
) -> Result<Json<BookingBody>, AppError> {
    let now = state.clock().now();
    let services = state.booking_deps(&base);
    let b = changes::answer_dispute(&services, &caller.user, id, &req.answer, now).await?;
    Ok(Json(booking_json(&b, Some(Actor::Expert), None, now)))
}

/// What the sandbox does with the payment.
#[derive(Deserialize, ToSchema)]
#[schema(as = SandboxPayment)]
pub struct PayBody {
    outcome: SandboxOutcome,
}

/// Pay a held booking in the sandbox.
///
/// Test mode only (404 otherwise): `succeed` confirms the booking, `fail` is declined.
#[utoipa::path(
    post, path = "/test-mode/bookings/{id}/pay", tag = "test mode", operation_id = "pay_in_sandbox",
    params(("id" = Uuid, Path, description = "The booking's id.")),
    request_body = PayBody,
    responses((status = 200, description = "Paid.", body = PaidBody)),
)]
pub async fn pay(
    State(state): State<AppState>,
    Links(base): Links,
    Extension(caller): Extension<ApiCaller>,
    Path(id): Path<Uuid>,
    JsonBody(req): JsonBody<PayBody>,
) -> Result<Json<PaidBody>, AppError> {
    if !state.booking_rules.test_mode {
        return Err(AppError::new(ErrorCode::NotFound));
    }
    let now = state.clock().now();
    let done = payment::pay_in_sandbox(
        &state.booking_deps(&base),
        &caller.user,
        id,
        req.outcome,
        now,
    )
    .await?;
    Ok(Json(PaidBody {
        booking: booking_json(&done.booking, Some(Actor::Learner), None, now),
        refunded_in_full: done.refunded,
    }))
}

/// Make a new calendar feed address.
///
/// The caller's sessions as an iCalendar feed at a private address; any earlier address
/// stops working.
#[utoipa::path(
    post, path = "/me/calendar-feed", tag = "bookings", operation_id = "renew_calendar_feed",
    responses((status = 201, description = "The new address.", body = FeedBody)),
)]
pub async fn renew_feed(
    State(state): State<AppState>,
    Links(base): Links,
    Extension(caller): Extension<ApiCaller>,
) -> Result<(StatusCode, Json<FeedBody>), AppError> {
    let token = feed::renew(&state.db, &caller.user, state.clock().now()).await?;
    Ok((
        StatusCode::CREATED,
        Json(FeedBody {
            url: format!("{base}/calendar/{token}.ics"),
        }),
    ))
}

/// Stop the calendar feed.
#[utoipa::path(
    delete, path = "/me/calendar-feed", tag = "bookings", operation_id = "revoke_calendar_feed",
    responses((status = 204, description = "The feed address no longer answers.")),
)]
pub async fn revoke_feed(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
) -> Result<StatusCode, AppError> {
    feed::revoke(&state.db, &caller.user).await?;
    Ok(StatusCode::NO_CONTENT)
}
