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
use serde_json::{Value, json};

use super::json::JsonBody;
use crate::middleware::bearer::ApiCaller;
use crate::{AppError, AppState};

/// `GET /api/v1/experts/me/availability`: the caller's rules (starting rules in their
/// account's zone until they save some).
pub async fn own(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
) -> Response {
    match rules::own(&state.db, &caller.user).await {
        Ok(own) => Json(own.document).into_response(),
        Err(e) => AppError::from(e).into_response(),
    }
}

/// `PUT /api/v1/experts/me/availability`: replaces the caller's rules as a whole.
pub async fn replace(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    JsonBody(document): JsonBody<RulesDocument>,
) -> Response {
    match rules::replace(&state.db, &state.schedules, &caller.user, &document).await {
        Ok(saved) => Json(RulesDocument::from_input(&saved.to_input())).into_response(),
        Err(e) => AppError::from(e).into_response(),
    }
}

/// `GET /api/v1/experts/{id}/slots?from=&to=&duration=&tz=`: free slots.
pub async fn list(
    State(state): State<AppState>,
    caller: Option<Extension<ApiCaller>>,
    Path(id): Path<String>,
    Query(params): Query<SlotParams>,
) -> Response {
    let viewer = caller.as_ref().map(|c| &c.0.user);
    let now = chrono::Utc::now().timestamp();
    let found = async {
        let expert = slots::resolve(&state.db, &id).await?;
        slots::find(&state.db, &state.schedules, expert, &params, viewer, now).await
    };
    match found.await {
        Ok(list) => Json(slots_json(&list)).into_response(),
        Err(e) => AppError::from(e).into_response(),
    }
}

fn slots_json(list: &SlotList) -> Value {
    let tz = &list.zone;
    json!({
        "expert_id": list.expert_id,
        "time_zone": list.zone_name,
        "duration_minutes": list.duration_minutes,
        "durations": list.durations,
        "from": rfc3339(list.from),
        "to": rfc3339(list.to),
        "slots": list.slots.iter().map(|s| json!({
            "start": rfc3339(s.start),
            "end": rfc3339(s.end),
            "local_start": zones::rfc3339_local(tz, s.start),
            "local_date": zones::local(tz, s.start).date().to_string(),
        })).collect::<Vec<_>>(),
        "clock_changes": zones::clock_changes(tz, list.from, list.to).iter().map(|c| json!({
            "at": rfc3339(c.at),
            "offset_before": zones::offset_label(c.before),
            "offset_after": zones::offset_label(c.after),
        })).collect::<Vec<_>>(),
    })
}
