//! Verifiers over the API: the queue, one application with its documents, decisions and
//! suspensions. Every route needs `experts.verify`.

use app::experts::verification;
use axum::extract::{Path, Query, State};
use axum::{Extension, Json};
use domain::expert::ApplicationStatus;
use serde::Deserialize;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::api::json::JsonBody;
use crate::experts::api::application_json;
use crate::extract::Client;
use crate::middleware::bearer::ApiCaller;
use crate::{AppError, AppState, Links};

#[derive(Deserialize)]
pub struct StatusParam {
    #[serde(default)]
    status: Option<String>,
}

/// `GET /api/v1/admin/experts?status=submitted`: oldest first.
pub async fn queue(
    State(state): State<AppState>,
    Query(q): Query<StatusParam>,
) -> Result<Json<Value>, AppError> {
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
    Ok(Json(json!({
        "applications": entries.iter().map(|e| json!({
            "id": e.user_id,
            "display_name": e.display_name,
            "email": e.email,
            "headline": e.headline,
            "status": e.status.as_str(),
            "submitted_at": e.submitted_at.as_ref().map(crate::instants::rfc3339_secs),
            "waiting_seconds": e.submitted_at.map(|t| state.clock().now().duration_since(t).as_secs()),
            "suspended": e.suspended,
        })).collect::<Vec<_>>()
    })))
}

/// `GET /api/v1/admin/experts/{id}`: the application and the applicant.
pub async fn review(
    State(state): State<AppState>,
    Path(id): Path<Uuid>,
) -> Result<Json<Value>, AppError> {
    let review = verification::review(&state.db, id).await?;
    let mut body = application_json(&state, &review.application);
    body["applicant"] = json!({
        "id": review.applicant.id,
        "display_name": review.applicant.display_name,
        "email": review.applicant.email,
    });
    let cancellations = verification::expert_cancellations(&state.db, id).await?;
    body["expert_cancellations"] = json!(cancellations);
    Ok(Json(body))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionBody {
    decision: String,
    reason: String,
}

/// `POST /api/v1/admin/experts/{id}/decision` {decision, reason}
pub async fn decide(
    State(state): State<AppState>,
    Links(base): Links,
    Extension(caller): Extension<ApiCaller>,
    Client(client): Client,
    Path(id): Path<Uuid>,
    JsonBody(body): JsonBody<DecisionBody>,
) -> Result<Json<Value>, AppError> {
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
    Ok(Json(json!({
        "id": profile.user_id,
        "status": profile.status.as_str(),
        "decision_reason": profile.decision_reason,
        "verified_at": profile.verified_at.as_ref().map(crate::instants::rfc3339_secs),
    })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuspensionBody {
    suspended: bool,
    reason: String,
}

/// `POST /api/v1/admin/experts/{id}/suspension` {suspended, reason}
pub async fn suspension(
    State(state): State<AppState>,
    Links(base): Links,
    Extension(caller): Extension<ApiCaller>,
    Client(client): Client,
    Path(id): Path<Uuid>,
    JsonBody(body): JsonBody<SuspensionBody>,
) -> Result<Json<Value>, AppError> {
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
    Ok(Json(json!({
        "id": profile.user_id,
        "suspended": profile.suspended_at.is_some(),
        "suspension_reason": profile.suspension_reason,
    })))
}
