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

use crate::api::json::JsonBody;
use crate::middleware::bearer::ApiCaller;
use crate::{AppError, AppState};

/// `GET /api/v1/experts/me/availability`: the caller's rules (starting rules in their
/// account's zone until they save some).
pub async fn own(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
) -> Result<Json<RulesDocument>, AppError> {
    let own = rules::own(&state.db, &caller.user).await?;
    Ok(Json(own.document))
}

/// `PUT /api/v1/experts/me/availability`: replaces the caller's rules as a whole.
pub async fn replace(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    JsonBody(document): JsonBody<RulesDocument>,
) -> Result<Json<RulesDocument>, AppError> {
    let saved = rules::replace(&state.db, &state.schedules, &caller.user, &document).await?;
    Ok(Json(RulesDocument::from_input(&saved.to_input())))
}

/// `GET /api/v1/experts/{id}/slots?from=&to=&duration=&tz=`: free slots.
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
#[derive(Serialize)]
struct SlotsBody<'a> {
    expert_id: uuid::Uuid,
    time_zone: &'a str,
    duration_minutes: Option<u16>,
    durations: &'a [u16],
    from: String,
    to: String,
    slots: Vec<SlotBody>,
    clock_changes: Vec<ClockChangeBody>,
}

#[derive(Serialize)]
struct SlotBody {
    start: String,
    end: String,
    local_start: String,
    local_date: String,
}

#[derive(Serialize)]
struct ClockChangeBody {
    at: String,
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
