//! Goals, the learner's timeline and the recommendation question over the API.

use app::learning::goals::{self, GoalInput};
use app::learning::{nps, timeline};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use store::learning::goals::GoalRow;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::api::rfc3339;
use crate::api::json::JsonBody;
use crate::middleware::bearer::ApiCaller;
use crate::{AppError, AppState};

/// A learner's goal.
#[derive(Serialize, ToSchema)]
pub struct GoalBody {
    /// The goal's id.
    id: Uuid,
    /// What the learner wants to reach.
    title: String,
    /// More about it.
    detail: String,
    /// `active`, `achieved` or `dropped`.
    status: String,
    /// By when, `YYYY-MM-DD`.
    target_date: Option<String>,
    /// Whether the experts of linked sessions may read it.
    shared: bool,
    /// The session series linked to it (a booking id of each; moved sessions keep it).
    sessions: Vec<Uuid>,
    /// When it was set, RFC 3339.
    created_at: String,
    /// When it last changed, RFC 3339.
    updated_at: String,
}

fn goal_body(row: GoalRow, sessions: Vec<Uuid>) -> GoalBody {
    GoalBody {
        id: row.id,
        title: row.title,
        detail: row.detail,
        status: row.status,
        target_date: row.target_date,
        shared: row.shared,
        sessions,
        created_at: rfc3339(row.created_at),
        updated_at: rfc3339(row.updated_at),
    }
}

/// List one's goals (active first).
#[utoipa::path(
    get, path = "/goals", tag = "learning", operation_id = "list_goals",
    responses((status = 200, description = "The caller's goals.", body = [GoalBody])),
)]
pub async fn list(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
) -> Result<Json<Vec<GoalBody>>, AppError> {
    let list = goals::of_learner(&state.db, &caller.user).await?;
    Ok(Json(
        list.into_iter()
            .map(|g| goal_body(g.row, g.series))
            .collect(),
    ))
}

/// Set a goal.
#[utoipa::path(
    post, path = "/goals", tag = "learning", operation_id = "create_goal",
    request_body = GoalInput,
    responses((status = 201, description = "Set.", body = GoalBody)),
)]
pub async fn create(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    JsonBody(input): JsonBody<GoalInput>,
) -> Result<(StatusCode, Json<GoalBody>), AppError> {
    let row = goals::create(&state.db, &caller.user, &input, state.clock().now()).await?;
    Ok((StatusCode::CREATED, Json(goal_body(row, Vec::new()))))
}

/// Change a goal (every field; its status and target date changes enter the timeline).
#[utoipa::path(
    put, path = "/goals/{id}", tag = "learning", operation_id = "update_goal",
    params(("id" = Uuid, Path, description = "The goal.")),
    request_body = GoalInput,
    responses((status = 200, description = "Changed.", body = GoalBody)),
)]
pub async fn update(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Path(id): Path<Uuid>,
    JsonBody(input): JsonBody<GoalInput>,
) -> Result<Json<GoalBody>, AppError> {
    let row = goals::update(&state.db, &caller.user, id, &input, state.clock().now()).await?;
    let sessions = goals::of_learner(&state.db, &caller.user)
        .await?
        .into_iter()
        .find(|g| g.row.id == id)
        .map(|g| g.series)
        .unwrap_or_default();
    Ok(Json(goal_body(row, sessions)))
}

/// The goals linked to a session: all of them for its learner; the shared ones for its
/// expert.
#[utoipa::path(
    get, path = "/bookings/{id}/goals", tag = "learning", operation_id = "list_session_goals",
    params(("id" = Uuid, Path, description = "The booking.")),
    responses((status = 200, description = "The goals the caller may read.", body = [GoalBody])),
)]
pub async fn session_goals(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Path(id): Path<Uuid>,
) -> Result<Json<Vec<GoalBody>>, AppError> {
    let list = goals::of_session(&state.db, &caller.user, id).await?;
    Ok(Json(
        list.into_iter().map(|g| goal_body(g, Vec::new())).collect(),
    ))
}

/// Link one of one's sessions to one of one's goals.
#[utoipa::path(
    put, path = "/bookings/{id}/goals/{goal}", tag = "learning", operation_id = "link_session_goal",
    params(
        ("id" = Uuid, Path, description = "The booking."),
        ("goal" = Uuid, Path, description = "The goal."),
    ),
    responses((status = 204, description = "Linked.")),
)]
pub async fn link(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Path((id, goal)): Path<(Uuid, Uuid)>,
) -> Result<StatusCode, AppError> {
    goals::link(&state.db, &caller.user, goal, id, true, state.clock().now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Unlink a session from a goal.
#[utoipa::path(
    delete, path = "/bookings/{id}/goals/{goal}", tag = "learning", operation_id = "unlink_session_goal",
    params(
        ("id" = Uuid, Path, description = "The booking."),
        ("goal" = Uuid, Path, description = "The goal."),
    ),
    responses((status = 204, description = "Unlinked.")),
)]
pub async fn unlink(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Path((id, goal)): Path<(Uuid, Uuid)>,
) -> Result<StatusCode, AppError> {
    goals::link(
        &state.db,
        &caller.user,
        goal,
        id,
        false,
        state.clock().now(),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// One entry of the learner's timeline.
#[derive(Serialize, ToSchema)]
pub struct TimelineEntryBody {
    /// `session`, `notes`, `resource`, `review`, `goal_set`, `goal_status` or
    /// `goal_target`.
    kind: &'static str,
    /// When, RFC 3339.
    at: String,
    /// The page that tells more.
    link: String,
    /// The session's status, the resource's or goal's title, the review's stars.
    label: String,
    /// The expert's name, or the goal's new status or target date.
    detail: String,
}

/// Read one's learning timeline: sessions, notes, resources, reviews and goal changes,
/// newest first.
#[utoipa::path(
    get, path = "/me/timeline", tag = "learning", operation_id = "get_timeline",
    responses((status = 200, description = "At most 200 entries, newest first.", body = [TimelineEntryBody])),
)]
pub async fn timeline(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
) -> Result<Json<Vec<TimelineEntryBody>>, AppError> {
    let entries = timeline::of_learner(&state.db, &caller.user).await?;
    Ok(Json(
        entries
            .into_iter()
            .map(|e| TimelineEntryBody {
                kind: e.what.as_str(),
                at: e.at.to_string(),
                link: e.link,
                label: e.label,
                detail: e.detail,
            })
            .collect(),
    ))
}

/// Whether the recommendation question is for the caller now.
#[derive(Serialize, ToSchema)]
pub struct NpsDueBody {
    /// Ask now: enough completed sessions and not asked this period.
    due: bool,
}

/// Whether to ask the recommendation question now.
#[utoipa::path(
    get, path = "/me/nps", tag = "learning", operation_id = "get_nps_due",
    responses((status = 200, description = "Whether it is due.", body = NpsDueBody)),
)]
pub async fn nps_due(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
) -> Result<Json<NpsDueBody>, AppError> {
    let due = nps::due(
        &state.db,
        &state.settings.nps,
        &caller.user,
        state.clock().now(),
    )
    .await?;
    Ok(Json(NpsDueBody { due }))
}

/// An answer to the recommendation question.
#[derive(Deserialize, ToSchema)]
pub struct NpsAnswerBody {
    /// 0 (not at all likely) to 10 (extremely likely); absent or null: "not now".
    #[serde(default)]
    #[schema(minimum = 0, maximum = 10)]
    score: Option<i64>,
    /// Why (optional, at most 2,000 characters).
    #[serde(default)]
    comment: String,
}

/// Answer the recommendation question (or put it off for a period).
#[utoipa::path(
    post, path = "/me/nps", tag = "learning", operation_id = "answer_nps",
    request_body = NpsAnswerBody,
    responses((status = 204, description = "Recorded.")),
)]
pub async fn nps_answer(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    JsonBody(body): JsonBody<NpsAnswerBody>,
) -> Result<StatusCode, AppError> {
    nps::answer(
        &state.db,
        &state.settings.nps,
        &caller.user,
        body.score,
        &body.comment,
        state.clock().now(),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DaysParam {
    /// The period, in days before now: 1 to 3650 (90 by default).
    #[serde(default)]
    #[param(minimum = 1, maximum = 3650)]
    days: Option<i64>,
}

/// The recommendation question's figures.
#[derive(Serialize, ToSchema)]
pub struct NpsFiguresBody {
    /// The period, in days.
    days: i64,
    /// Promoters' share minus detractors', −100 to 100; null without answers.
    score: Option<i64>,
    /// Answers with a score.
    answers: usize,
    /// Answers of 9 or 10.
    promoters: usize,
    /// Answers of 7 or 8.
    passives: usize,
    /// Answers of 0 to 6.
    detractors: usize,
}

/// Read the Net Promoter Score of a period (operators).
#[utoipa::path(
    get, path = "/admin/kpis/nps", tag = "admin", operation_id = "get_nps_figures",
    params(DaysParam),
    responses((status = 200, description = "The period's figures.", body = NpsFiguresBody)),
)]
pub async fn nps_figures(
    State(state): State<AppState>,
    Query(q): Query<DaysParam>,
) -> Result<Json<NpsFiguresBody>, AppError> {
    let days = q.days.unwrap_or(90);
    if !(1..=3650).contains(&days) {
        return Err(AppError::fields(vec![app::FieldError {
            field: "days",
            message_id: "admin-nps-days-invalid",
        }]));
    }
    let f = nps::figures(&state.db, days, state.clock().now()).await?;
    Ok(Json(NpsFiguresBody {
        days,
        score: f.score,
        answers: f.answers,
        promoters: f.promoters,
        passives: f.passives,
        detractors: f.detractors,
    }))
}
