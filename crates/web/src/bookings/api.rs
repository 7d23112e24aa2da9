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
use uuid::Uuid;

use crate::api::json::JsonBody;
use crate::middleware::bearer::ApiCaller;
use crate::{AppError, AppState, ErrorCode, Links};

#[derive(Serialize)]
pub struct MoneyBody {
    pub amount: i64,
    pub currency: String,
}

#[derive(Serialize)]
struct PaymentBody {
    provider: String,
    checkout_url: Option<String>,
    client_secret: Option<String>,
}

#[derive(Serialize)]
struct TierBody {
    hours_before: i64,
    refund_percent: i64,
}

#[derive(Serialize)]
struct PolicyBody {
    preset: &'static str,
    tiers: Vec<TierBody>,
}

#[derive(Serialize)]
struct EventBody {
    from: Option<String>,
    to: String,
    actor: String,
    at: String,
    reason: Option<String>,
}

#[derive(Serialize)]
pub struct BookingBody {
    id: Uuid,
    status: &'static str,
    expert_id: Uuid,
    learner_id: Uuid,
    start: String,
    end: String,
    duration_minutes: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    hold_expires_at: Option<String>,
    price: MoneyBody,
    paid: MoneyBody,
    refunded: MoneyBody,
    note: Option<String>,
    policy: PolicyBody,
    payment: PaymentBody,
    rescheduled_from: Option<Uuid>,
    proposed_start: Option<String>,
    /// What cancelling now would refund to the learner, for the caller's role.
    #[serde(skip_serializing_if = "Option::is_none")]
    cancellation_refund: Option<MoneyBody>,
    #[serde(skip_serializing_if = "Option::is_none")]
    timeline: Option<Vec<EventBody>>,
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

/// `POST /api/v1/bookings` {expert_id, start, duration_minutes, note?} → 201 held.
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
        &state.throttle,
        &state.booking_rules,
        &caller.user,
        &req,
        key.as_deref(),
        now,
    )
    .await?;
    let mut response = (
        StatusCode::CREATED,
        Json(booking_json(&held.booking, Some(Actor::Learner), None, now)),
    )
        .into_response();
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

#[derive(Deserialize)]
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
    limit: Option<u64>,
}

/// `GET /api/v1/bookings?as=learner|expert&tab=upcoming|past|cancelled`
pub async fn list(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Query(q): Query<ListParams>,
) -> Result<Json<serde_json::Value>, AppError> {
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
    Ok(Json(serde_json::json!({
        "bookings": page.bookings.iter().map(|b| booking_json(b, Some(role), None, now)).collect::<Vec<_>>(),
        "next_cursor": page.next.map(|c| c.encode()),
    })))
}

/// `GET /api/v1/bookings/{id}`: participants and admins only.
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

#[derive(Deserialize)]
pub struct ReasonBody {
    #[serde(default)]
    reason: String,
}

/// `POST /api/v1/bookings/{id}/cancel` {reason} → {status, refund}
pub async fn cancel(
    State(state): State<AppState>,
    Links(base): Links,
    Extension(caller): Extension<ApiCaller>,
    Path(id): Path<Uuid>,
    JsonBody(req): JsonBody<ReasonBody>,
) -> Result<Json<serde_json::Value>, AppError> {
    let now = state.clock().now();
    let done = changes::cancel(
        &state.booking_deps(&base),
        &caller.user,
        id,
        &req.reason,
        now,
    )
    .await?;
    let currency = done.booking.row.currency.clone();
    let mut json =
        serde_json::to_value(booking_json(&done.booking, None, None, now)).unwrap_or_default();
    json["refund"] = serde_json::json!({ "amount": done.refund, "currency": currency });
    Ok(Json(json))
}

#[derive(Deserialize)]
pub struct StartBody {
    start: String,
}

/// `POST /api/v1/bookings/{id}/reschedule` {start}: 200 with the booking that now stands
/// for the session, or 202 when the expert proposed it and the learner must accept.
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

/// `POST /api/v1/bookings/{id}/proposal/accept`
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

/// `POST /api/v1/bookings/{id}/proposal/decline`
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

#[derive(Deserialize)]
pub struct TransitionBody {
    to: String,
    #[serde(default)]
    reason: String,
    /// With `resolved`: `refund_learner` or `expert_paid`.
    #[serde(default)]
    settlement: Option<changes::Settlement>,
}

/// `POST /api/v1/bookings/{id}/transitions` {to, reason}: completed, no_show_learner,
/// no_show_expert, disputed, resolved.
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

#[derive(Deserialize)]
pub struct AnswerBody {
    #[serde(default)]
    answer: String,
}

/// `POST /api/v1/bookings/{id}/dispute/answer` {answer}: the expert's side of a dispute,
/// added to the timeline (the booking stays disputed until an admin resolves it).
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

#[derive(Deserialize)]
pub struct PayBody {
    outcome: SandboxOutcome,
}

/// `POST /api/v1/test-mode/bookings/{id}/pay` {outcome: succeed|fail}; 404 outside test mode.
pub async fn pay(
    State(state): State<AppState>,
    Links(base): Links,
    Extension(caller): Extension<ApiCaller>,
    Path(id): Path<Uuid>,
    JsonBody(req): JsonBody<PayBody>,
) -> Result<Json<serde_json::Value>, AppError> {
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
    let mut json =
        serde_json::to_value(booking_json(&done.booking, Some(Actor::Learner), None, now))
            .unwrap_or_default();
    json["refunded_in_full"] = serde_json::Value::Bool(done.refunded);
    Ok(Json(json))
}

/// `POST /api/v1/me/calendar-feed` → {url}: a new private feed address (the old one stops).
pub async fn renew_feed(
    State(state): State<AppState>,
    Links(base): Links,
    Extension(caller): Extension<ApiCaller>,
) -> Result<(StatusCode, Json<serde_json::Value>), AppError> {
    let token = feed::renew(&state.db, &caller.user, state.clock().now()).await?;
    Ok((
        StatusCode::CREATED,
        Json(serde_json::json!({ "url": format!("{base}/calendar/{token}.ics") })),
    ))
}

/// `DELETE /api/v1/me/calendar-feed`: the feed address stops working.
pub async fn revoke_feed(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
) -> Result<StatusCode, AppError> {
    feed::revoke(&state.db, &caller.user).await?;
    Ok(StatusCode::NO_CONTENT)
}
