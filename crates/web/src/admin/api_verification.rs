//! Verifiers over the API: the queue, one application with its documents, decisions and
//! suspensions. Every route needs `experts.verify`.

use app::experts::verification;
use axum::extract::{Path, Query, State};
use axum::{Extension, Json};
use domain::expert::ApplicationStatus;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::api::json::JsonBody;
use crate::experts::api::application_body;
use crate::experts::api_bodies::ApplicationBody;
use crate::extract::Client;
use crate::middleware::bearer::ApiCaller;
use crate::{AppError, AppState, Links};

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatusParam {
    /// `submitted` (the default), `draft`, `changes_requested`, `approved` or `rejected`.
    #[serde(default)]
    status: Option<String>,
}

/// An application waiting in the queue.
#[derive(Serialize, ToSchema)]
#[schema(as = QueuedApplication)]
pub struct QueuedBody {
    id: Uuid,
    display_name: String,
    email: String,
    headline: String,
    status: &'static str,
    #[schema(format = DateTime)]
    submitted_at: Option<String>,
    /// Since submission.
    waiting_seconds: Option<u64>,
    suspended: bool,
}

/// Applications in one status, oldest first.
#[derive(Serialize, ToSchema)]
#[schema(as = VerificationQueue)]
pub struct QueueBody {
    applications: Vec<QueuedBody>,
}

/// List expert applications to verify.
#[utoipa::path(
    get, path = "/admin/experts", tag = "admin", operation_id = "list_applications",
    params(StatusParam),
    responses((status = 200, description = "Oldest first.", body = QueueBody)),
)]
pub async fn queue(
    State(state): State<AppState>,
    Query(q): Query<StatusParam>,
) -> Result<Json<QueueBody>, AppError> {
    let status = match q.status.as_deref() {
        None | Some("") => ApplicationStatus::Submitted,
        Some(raw) => match ApplicationStatus::parse(raw) {
            Some(s) => s,
            None => {
                return Err(AppError::fields(vec![app::FieldError {
                    field: "status",
                    message_id: "expert-status-invalid",
                }]));
            }
        },
    };
    let entries = verification::queue(&state.db, status).await?;
    let now = state.clock().now();
    Ok(Json(QueueBody {
        applications: entries
            .iter()
            .map(|e| QueuedBody {
                id: e.user_id,
                display_name: e.display_name.clone(),
                email: e.email.clone(),
                headline: e.headline.clone(),
                status: e.status.as_str(),
                submitted_at: e.submitted_at.as_ref().map(crate::instants::rfc3339_secs),
                waiting_seconds: e
                    .submitted_at
                    .map(|t| u64::try_from(now.duration_since(t).as_secs()).unwrap_or(0)),
                suspended: e.suspended,
            })
            .collect(),
    }))
}

/// Who applied.
#[derive(Serialize, ToSchema)]
#[schema(as = Applicant)]
pub struct ApplicantBody {
    id: Uuid,
    display_name: String,
    email: String,
}

/// An application under review, with its applicant.
#[derive(Serialize, ToSchema)]
#[schema(as = ApplicationReview)]
pub struct ReviewBody {
    #[serde(flatten)]
    application: ApplicationBody,
    applicant: ApplicantBody,
    /// Sessions the expert has cancelled, for judging a suspension.
    expert_cancellations: i64,
}

/// Review one application.
#[utoipa::path(
    get, path = "/admin/experts/{id}", tag = "admin", operation_id = "review_application",
    params(("id" = Uuid, Path, description = "The applicant's account id.")),
    responses((status = 200, description = "The application and the applicant.", body = ReviewBody)),
)]
pub async fn review(
    State(state): State<AppState>,
    Path(id): Path<Uuid>,
) -> Result<Json<ReviewBody>, AppError> {
    let review = verification::review(&state.db, id).await?;
    let cancellations = verification::expert_cancellations(&state.db, id).await?;
    Ok(Json(ReviewBody {
        application: application_body(&state, &review.application),
        applicant: ApplicantBody {
            id: review.applicant.id,
            display_name: review.applicant.display_name,
            email: review.applicant.email,
        },
        expert_cancellations: cancellations,
    }))
}

/// A verifier's decision.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = DecisionInput)]
pub struct DecisionBody {
    /// `approve`, `reject` or `request_changes`.
    decision: String,
    /// Sent to the applicant.
    reason: String,
}

/// What a decision left.
#[derive(Serialize, ToSchema)]
#[schema(as = DecisionResult)]
pub struct DecidedBody {
    id: Uuid,
    status: &'static str,
    decision_reason: Option<String>,
    #[schema(format = DateTime)]
    verified_at: Option<String>,
}

/// Decide on a submitted application (audited; the applicant is emailed).
#[utoipa::path(
    post, path = "/admin/experts/{id}/decision", tag = "admin", operation_id = "decide_application",
    params(("id" = Uuid, Path, description = "The applicant's account id.")),
    request_body = DecisionBody,
    responses((status = 200, description = "Decided.", body = DecidedBody)),
)]
pub async fn decide(
    State(state): State<AppState>,
    Links(base): Links,
    Extension(caller): Extension<ApiCaller>,
    Client(client): Client,
    Path(id): Path<Uuid>,
    JsonBody(body): JsonBody<DecisionBody>,
) -> Result<Json<DecidedBody>, AppError> {
    let profile = verification::decide(
        &state.db,
        state.mailer.as_ref(),
        app::accounts::LinkBase(&base),
        &caller.user,
        verification::DecisionInput {
            expert_id: id,
            decision: &body.decision,
            reason: &body.reason,
        },
        &client,
    )
    .await?;
    Ok(Json(DecidedBody {
        id: profile.user_id,
        status: profile.status.as_str(),
        decision_reason: profile.decision_reason,
        verified_at: profile
            .verified_at
            .as_ref()
            .map(crate::instants::rfc3339_secs),
    }))
}

/// Suspend an expert, or lift a suspension.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = SuspensionInput)]
pub struct SuspensionBody {
    suspended: bool,
    /// Sent to the expert.
    reason: String,
}

/// Where a suspension left the expert.
#[derive(Serialize, ToSchema)]
#[schema(as = Suspension)]
pub struct SuspendedBody {
    id: Uuid,
    suspended: bool,
    suspension_reason: Option<String>,
}

/// Suspend an expert or lift the suspension (audited).
///
/// A suspension hides the expert and cancels their upcoming sessions with full refunds.
#[utoipa::path(
    post, path = "/admin/experts/{id}/suspension", tag = "admin", operation_id = "set_suspension",
    params(("id" = Uuid, Path, description = "The expert's account id.")),
    request_body = SuspensionBody,
    responses((status = 200, description = "Done.", body = SuspendedBody)),
)]
pub async fn suspension(
    State(state): State<AppState>,
    Links(base): Links,
    Extension(caller): Extension<ApiCaller>,
    Client(client): Client,
    Path(id): Path<Uuid>,
    JsonBody(body): JsonBody<SuspensionBody>,
) -> Result<Json<SuspendedBody>, AppError> {
    let profile = verification::set_suspended(
        &state.db,
        state.mailer.as_ref(),
        &caller.user,
        id,
        body.suspended,
        &body.reason,
        &client,
    )
    .await?;
    state
        .after_suspension(&base, &caller.user, id, body.suspended, &body.reason)
        .await?;
    Ok(Json(SuspendedBody {
        id: profile.user_id,
        suspended: profile.suspended_at.is_some(),
        suspension_reason: profile.suspension_reason,
    }))
}
