//! The job queue in the API, for operators (`jobs.manage`): list with depth, retry,
//! discard.

use axum::extract::{Path, Query, State};
use axum::{Extension, Json};
use serde_json::{Value, json};
use store::jobs::{Depth, Job};
use uuid::Uuid;

use app::jobs::OperatorAction;

use super::jobs::{StatusFilter, act};
use crate::extract::Client;
use crate::instants::rfc3339_secs;
use crate::middleware::bearer::ApiCaller;
use crate::{AppError, AppState};

const LISTED: u64 = 200;

/// `GET /api/v1/admin/jobs?status=`: jobs most recently changed first (everything not yet
/// succeeded, or one state), and the queue's depth by kind and state.
pub async fn list(
    State(state): State<AppState>,
    Query(filter): Query<StatusFilter>,
) -> Result<Json<Value>, AppError> {
    let statuses = filter.statuses()?;
    let jobs = app::jobs::list(&state.db, &statuses, LISTED).await?;
    let depth = app::jobs::depth(&state.db).await?;
    Ok(Json(json!({
        "jobs": jobs.iter().map(job_json).collect::<Vec<_>>(),
        "depth": depth.iter().map(depth_json).collect::<Vec<_>>(),
    })))
}

/// `POST /api/v1/admin/jobs/{id}/retry`: a failed or dead job runs again from its first
/// attempt.
pub async fn retry(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Client(client): Client,
    Path(id): Path<Uuid>,
) -> Result<Json<Value>, AppError> {
    let job = act(&state, caller.user.id, &client, id, OperatorAction::Retry).await?;
    Ok(Json(job_json(&job)))
}

/// `POST /api/v1/admin/jobs/{id}/discard`: a queued or failed job will not run.
pub async fn discard(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Client(client): Client,
    Path(id): Path<Uuid>,
) -> Result<Json<Value>, AppError> {
    let job = act(&state, caller.user.id, &client, id, OperatorAction::Discard).await?;
    Ok(Json(job_json(&job)))
}

fn job_json(job: &Job) -> Value {
    json!({
        "id": job.id,
        "kind": job.kind,
        "status": job.status.as_str(),
        "attempts": job.attempts,
        "max_attempts": job.max_attempts,
        "run_at": rfc3339_secs(&job.run_at),
        "last_error": job.last_error,
        "created_at": rfc3339_secs(&job.created_at),
        "updated_at": rfc3339_secs(&job.updated_at),
        "finished_at": job.finished_at.as_ref().map(rfc3339_secs),
    })
}

fn depth_json(d: &Depth) -> Value {
    json!({
        "kind": d.kind,
        "status": d.status.as_str(),
        "count": d.count,
        "oldest_run_at": rfc3339_secs(&d.oldest_run_at),
    })
}
