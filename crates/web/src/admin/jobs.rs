//! The job queue, for operators: how deep and how old it is by kind, the jobs that wait,
//! run, failed or died with their errors, and retry or discard (audited).

use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use store::jobs::{Depth, Job, JobStatus};
use uuid::Uuid;

use app::jobs::OperatorAction;

use crate::extract::Client;
use crate::middleware::viewer::SignedIn;
use crate::pages::render;
use crate::pages::shell::Shell;
use crate::pages::shown_instant::Shown;
use crate::{AppError, AppState, ErrorCode};

const SHOWN: u64 = 100;

/// `?status=`: one state, or (none) everything not yet succeeded.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatusFilter {
    /// `queued`, `running`, `failed`, `succeeded` or `dead`; absent, all but `succeeded`.
    #[serde(default)]
    pub status: String,
}

impl StatusFilter {
    /// The states asked for; unknown text is a 400 naming the allowed ones.
    pub fn statuses(&self) -> Result<Vec<JobStatus>, AppError> {
        match self.status.trim() {
            "" => Ok(vec![
                JobStatus::Queued,
                JobStatus::Running,
                JobStatus::Failed,
                JobStatus::Dead,
            ]),
            text => JobStatus::parse(text).map(|s| vec![s]).ok_or_else(|| {
                AppError::new(ErrorCode::BadRequest).with_arg(
                    "problem",
                    "status must be queued, running, failed, succeeded or dead",
                )
            }),
        }
    }
}

#[derive(Template)]
#[template(path = "admin/jobs.html")]
struct JobsPage<'a> {
    shell: &'a Shell,
    status: String,
    /// Each state's filter value and its name in the reader's language.
    states: Vec<(&'static str, String)>,
    depth: Vec<DepthView>,
    jobs: Vec<JobView>,
}

/// One kind's line of the summary.
struct DepthView {
    kind: String,
    status_label: String,
    count: i64,
    oldest: Shown,
}

/// One job as the list shows it.
struct JobView {
    id: Uuid,
    kind: String,
    status_label: String,
    attempts: String,
    run_at: Shown,
    updated_at: Shown,
    last_error: Option<String>,
    retryable: bool,
    discardable: bool,
}

/// A state's name in the reader's language.
fn status_label(shell: &Shell, status: JobStatus) -> String {
    shell.t(&format!("jobs-status-{}", status.as_str()))
}

impl JobView {
    fn of(shell: &Shell, job: Job) -> Self {
        Self {
            id: job.id,
            status_label: status_label(shell, job.status),
            attempts: format!("{} / {}", job.attempts, job.max_attempts),
            run_at: Shown::second(shell.locale, &job.run_at),
            updated_at: Shown::second(shell.locale, &job.updated_at),
            retryable: matches!(job.status, JobStatus::Failed | JobStatus::Dead),
            discardable: matches!(job.status, JobStatus::Queued | JobStatus::Failed),
            last_error: job.last_error,
            kind: job.kind,
        }
    }
}

impl DepthView {
    fn of(shell: &Shell, d: Depth) -> Self {
        Self {
            oldest: Shown::second(shell.locale, &d.oldest_run_at),
            status_label: status_label(shell, d.status),
            count: d.count,
            kind: d.kind,
        }
    }
}

/// Access (`jobs.manage`) is enforced where the route is registered.
pub async fn list(
    State(state): State<AppState>,
    shell: Shell,
    Query(filter): Query<StatusFilter>,
) -> Result<Response, AppError> {
    let statuses = filter.statuses()?;
    let jobs = app::jobs::list(&state.db, &statuses, SHOWN).await?;
    let depth = app::jobs::depth(&state.db).await?;
    Ok(render(
        JobsPage {
            shell: &shell,
            status: filter.status.trim().to_owned(),
            states: JobStatus::ALL
                .iter()
                .map(|s| (s.as_str(), status_label(&shell, *s)))
                .collect(),
            depth: depth
                .into_iter()
                .map(|d| DepthView::of(&shell, d))
                .collect(),
            jobs: jobs.into_iter().map(|j| JobView::of(&shell, j)).collect(),
        },
        StatusCode::OK,
    ))
}

#[derive(Debug, Deserialize)]
pub struct BackTo {
    /// The list's filter, kept across the action.
    #[serde(default)]
    pub status: String,
}

pub async fn retry(
    State(state): State<AppState>,
    Client(client): Client,
    SignedIn(viewer): SignedIn,
    Path(id): Path<Uuid>,
    Form(back): Form<BackTo>,
) -> Result<Response, AppError> {
    act(&state, viewer.user.id, &client, id, OperatorAction::Retry).await?;
    Ok(back_to_list(&back))
}

pub async fn discard(
    State(state): State<AppState>,
    Client(client): Client,
    SignedIn(viewer): SignedIn,
    Path(id): Path<Uuid>,
    Form(back): Form<BackTo>,
) -> Result<Response, AppError> {
    act(&state, viewer.user.id, &client, id, OperatorAction::Discard).await?;
    Ok(back_to_list(&back))
}

/// Retries or discards a job for `operator`: 404 for no such job, 409 `job_state` when
/// its state does not allow it. Returns the job as it is now.
pub(crate) async fn act(
    state: &AppState,
    operator: Uuid,
    client: &store::logins::ClientInfo,
    id: Uuid,
    action: OperatorAction,
) -> Result<Job, AppError> {
    let Some(job) = app::jobs::find(&state.db, id).await? else {
        return Err(AppError::new(ErrorCode::NotFound));
    };
    if !app::jobs::act(&state.db, operator, client, id, action).await? {
        return Err(AppError::new(ErrorCode::JobState).with_arg("status", job.status.as_str()));
    }
    app::jobs::find(&state.db, id)
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::NotFound))
}

/// Back to the list as it was filtered (a filter that is not a state is dropped).
fn back_to_list(back: &BackTo) -> Response {
    match JobStatus::parse(back.status.trim()) {
        Some(status) => crate::redirect::to(&format!("/admin/jobs?status={}", status.as_str())),
        None => crate::redirect::to("/admin/jobs"),
    }
}
