//! The job queue in the API, for operators (`jobs.manage`): list with depth, retry,
//! discard.

use axum::extract::{Path, Query, State};
use axum::{Extension, Json};
use serde::Serialize;
use store::jobs::{Depth, Job};
use utoipa::ToSchema;
use uuid::Uuid;

use app::jobs::OperatorAction;

use super::jobs::{StatusFilter, act};
use crate::extract::Client;
use crate::instants::rfc3339_secs;
use crate::middleware::bearer::ApiCaller;
use crate::{AppError, AppState};

const LISTED: u64 = 200;

/// A job in the queue.
#[derive(Serialize, ToSchema)]
#[schema(as = Job)]
pub struct JobBody {
    id: Uuid,
    /// What the job does, e.g. `booking_notice`, `hold_expiry`.
    kind: String,
    /// `queued`, `running`, `failed` (will retry), `succeeded` or `dead`.
    status: &'static str,
    attempts: i32,
    max_attempts: i32,
    /// When it runs (next).
    #[schema(format = DateTime)]
    run_at: String,
    last_error: Option<String>,
    #[schema(format = DateTime)]
    created_at: String,
    #[schema(format = DateTime)]
    updated_at: String,
    #[schema(format = DateTime)]
    finished_at: Option<String>,
}

/// How many jobs of a kind are in a state.
#[derive(Serialize, ToSchema)]
#[schema(as = QueueDepth)]
pub struct DepthBody {
    kind: String,
    status: &'static str,
    count: i64,
    /// The earliest `run_at` among them.
    #[schema(format = DateTime)]
    oldest_run_at: String,
}

/// Jobs and the queue's depth.
#[derive(Serialize, ToSchema)]
#[schema(as = JobList)]
pub struct JobListBody {
    /// Most recently changed first (at most 200).
    jobs: Vec<JobBody>,
    depth: Vec<DepthBody>,
}

/// List jobs and the queue's depth.
///
/// Everything not yet succeeded, or the jobs in one state.
#[utoipa::path(
    get, path = "/admin/jobs", tag = "admin", operation_id = "list_jobs",
    params(StatusFilter),
    responses((status = 200, description = "Jobs, most recently changed first.", body = JobListBody)),
)]
pub async fn list(
    State(state): State<AppState>,
    Query(filter): Query<StatusFilter>,
) -> Result<Json<JobListBody>, AppError> {
    let statuses = filter.statuses()?;
    let jobs = app::jobs::list(&state.db, &statuses, LISTED).await?;
    let depth = app::jobs::depth(&state.db).await?;
    Ok(Json(JobListBody {
        jobs: jobs.iter().map(job_body).collect(),
        depth: depth.iter().map(depth_body).collect(),
    }))
}

/// Retry a failed or dead job (audited).
///
/// It runs again from its first attempt.
#[utoipa::path(
    post, path = "/admin/jobs/{id}/retry", tag = "admin", operation_id = "retry_job",
    params(("id" = Uuid, Path, description = "The job's id.")),
    responses((status = 200, description = "Queued again.", body = JobBody)),
)]
pub async fn retry(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Client(client): Client,
    Path(id): Path<Uuid>,
) -> Result<Json<JobBody>, AppError> {
    let job = act(&state, caller.user.id, &client, id, OperatorAction::Retry).await?;
    Ok(Json(job_body(&job)))
}

/// Discard a queued or failed job (audited): it will not run.
#[utoipa::path(
    post, path = "/admin/jobs/{id}/discard", tag = "admin", operation_id = "discard_job",
    params(("id" = Uuid, Path, description = "The job's id.")),
    responses((status = 200, description = "Discarded (dead).", body = JobBody)),
)]
pub async fn discard(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Client(client): Client,
    Path(id): Path<Uuid>,
) -> Result<Json<JobBody>, AppError> {
    let job = act(&state, caller.user.id, &client, id, OperatorAction::Discard).await?;
    Ok(Json(job_body(&job)))
}

fn job_body(job: &Job) -> JobBody {
    JobBody {
        id: job.id,
        kind: job.kind.clone(),
        status: job.status.as_str(),
        attempts: job.attempts,
        max_attempts: job.max_attempts,
        run_at: rfc3339_secs(&job.run_at),
        last_error: job.last_error.clone(),
        created_at: rfc3339_secs(&job.created_at),
        updated_at: rfc3339_secs(&job.updated_at),
        finished_at: job.finished_at.as_ref().map(rfc3339_secs),
    }
}

fn depth_body(d: &Depth) -> DepthBody {
    DepthBody {
        kind: d.kind.clone(),
        status: d.status.as_str(),
        count: d.count,
        oldest_run_at: rfc3339_secs(&d.oldest_run_at),
    }
}
