//! Scheduling over the API: an expert's own availability rules, and any bookable expert's
//! free slots in the zone the caller asks for.

use app::scheduling::document::RulesDocument;
use app::scheduling::rules;
use app::scheduling::slots::{self, SlotList, SlotParams};
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use domain::schedule::zones;
use domain::schedule::zones::rfc3339;
use serde::Serialize;
use utoipa::ToSchema;

use crate::api::json::JsonBody;
use crate::middleware::bearer::ApiCaller;
use crate::{AppError, AppState};

/// Read the caller's availability rules.
///
/// Starting rules in the account's zone until some are saved.
#[utoipa::path(
    get, path = "/experts/me/availability", tag = "scheduling", operation_id = "get_availability",
    responses((status = 200, description = "The rules.", body = RulesDocument)),
)]
pub async fn own(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
) -> Result<Json<RulesDocument>, AppError> {
    let own = rules::own(&state.db, &caller.user).await?;
    Ok(Json(own.document))
}

/// Replace the caller's availability rules as a whole.
#[utoipa::path(
    put, path = "/experts/me/availability", tag = "scheduling", operation_id = "replace_availability",
    request_body = RulesDocument,
    responses((status = 200, description = "The rules as saved.", body = RulesDocument)),
)]
pub async fn replace(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    JsonBody(document): JsonBody<RulesDocument>,
) -> Result<Json<RulesDocument>, AppError> {
    let saved = rules::replace(&state.db, &state.schedules, &caller.user, &document).await?;
    Ok(Json(RulesDocument::from_input(&saved.to_input())))
}

/// List an expert's free slots.
///
/// In the zone asked for (else the viewer's, else UTC), between `from` and `to` (at most
/// 60 days), with any clock changes in that zone in between.
#[utoipa::path(
    get, path = "/experts/{id}/slots", tag = "scheduling", operation_id = "list_slots",
    params(("id" = String, Path, description = "The expert's id or profile slug."), SlotParams),
    security((), ("bearer" = [])),
    responses((status = 200, description = "Free slots.", body = SlotsBody)),
)]
pub async fn list(
    State(state): State<AppState>,
    caller: Option<Extension<ApiCaller>>,
    Path(id): Path<String>,
    Query(params): Query<SlotParams>,
) -> Result<Response, AppError> {
    let viewer = caller.as_ref().map(|c| &c.0.user);
    let now = state.clock().now();
    let expert = slots::resolve(&state.db, &id).await?;
    let list = slots::find(&state.db, &state.schedules, expert, &params, viewer, now).await?;
    Ok(Json(slots_body(&list)).into_response())
}

/// The slots response, typed: a 60-day window can hold a thousand slots, and building a
/// JSON map per slot cost more than finding them.
#[derive(Serialize, ToSchema)]
#[schema(as = Slots)]
pub struct SlotsBody<'a> {
    expert_id: uuid::Uuid,
    /// The IANA zone `local_start` and `local_date` are in.
    time_zone: &'a str,
    /// The session length the slots are for (null when the expert offers none yet).
    duration_minutes: Option<u16>,
    /// Every length the expert offers.
    durations: &'a [u16],
    #[schema(format = DateTime)]
    from: String,
    #[schema(format = DateTime)]
    to: String,
    slots: Vec<SlotBody>,
    /// Daylight-saving changes in the zone within the window.
    clock_changes: Vec<ClockChangeBody>,
    /// False while one of the expert's calendars cannot be read and they keep taking
    /// bookings: a slot may clash with something in that calendar.
    calendar_checked: bool,
}

/// A free slot.
#[derive(Serialize, ToSchema)]
#[schema(as = Slot)]
struct SlotBody {
    #[schema(format = DateTime)]
    start: String,
    #[schema(format = DateTime)]
    end: String,
    /// The start with the zone's offset, e.g. `2026-03-29T09:00:00+02:00`.
    local_start: String,
    /// The local date, `YYYY-MM-DD`.
    #[schema(format = Date)]
    local_date: String,
}

/// A change of the zone's UTC offset.
#[derive(Serialize, ToSchema)]
#[schema(as = ClockChange)]
struct ClockChangeBody {
    #[schema(format = DateTime)]
    at: String,
    /// e.g. `+01:00`.
    offset_before: String,
    offset_after: String,
}

fn slots_body(list: &SlotList) -> SlotsBody<'_> {
    let tz = &list.zone;
    SlotsBody {
        expert_id: list.expert_id,
        time_zone: &list.zone_name,
        duration_minutes: list.duration_minutes,
        durations: &list.durations,
        calendar_checked: list.calendar_checked,
        from: rfc3339(list.from),
        to: rfc3339(list.to),
        slots: list
            .slots
            .iter()
            .map(|s| {
                let (local_start, local_date) = zones::rfc3339_local_and_date(tz, s.start_at());
                SlotBody {
                    start: rfc3339(s.start_at()),
                    end: rfc3339(s.end_at()),
                    local_start,
                    local_date,
                }
            })
            .collect(),
        clock_changes: zones::clock_changes(tz, list.from, list.to)
            .iter()
            .map(|c| ClockChangeBody {
                at: rfc3339(c.at),
                offset_before: zones::offset_label(c.before),
                offset_after: zones::offset_label(c.after),
            })
            .collect(),
    }
}
