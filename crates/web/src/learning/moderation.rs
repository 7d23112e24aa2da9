//! Operators: reported and hidden reviews, hidden or restored with a reason (audited);
//! and the key figures page, which starts with the recommendation question's score.

use app::learning::{LearningError, nps, reviews};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use store::users::User;
use uuid::Uuid;

use crate::extract::Client;
use crate::middleware::viewer::SignedIn;
use crate::pages::render;
use crate::pages::shell::Shell;
use crate::pages::shown_error::{ShownError, shown};
use crate::pages::shown_instant::Shown;
use crate::{AppError, AppState};

struct ModeratedReview {
    booking_id: Uuid,
    expert: String,
    learner: String,
    rating: i32,
    body: String,
    at: Shown,
    reports: Vec<String>,
    /// Reports not yet read by an operator.
    pending: bool,
    hidden_reason: Option<String>,
}

#[derive(Template)]
#[template(path = "admin/reviews.html")]
struct ReviewsPage<'a> {
    shell: &'a Shell,
    reviews: Vec<ModeratedReview>,
    /// The review whose form was refused, with its errors.
    refused: Option<(Uuid, Vec<ShownError>)>,
}

impl ReviewsPage<'_> {
    fn error_for(&self, booking: &Uuid) -> Option<&str> {
        self.refused
            .iter()
            .filter(|(id, _)| id == booking)
            .flat_map(|(_, e)| e.iter())
            .map(|e| e.message.as_str())
            .next()
    }
}

async fn page(
    state: &AppState,
    shell: &Shell,
    refused: Option<(Uuid, Vec<ShownError>)>,
) -> Result<Response, AppError> {
    let list = reviews::for_moderation(&state.db).await?;
    let status = if refused.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let page = ReviewsPage {
        shell,
        reviews: list
            .into_iter()
            .map(|r| ModeratedReview {
                booking_id: r.row.booking_id,
                expert: r.expert_name,
                learner: r.learner_name,
                rating: r.row.rating,
                body: r.row.body,
                at: Shown::minute(
                    shell.locale,
                    &jiff::Timestamp::from_second(r.row.created_at)
                        .unwrap_or(jiff::Timestamp::UNIX_EPOCH),
                ),
                reports: r.reasons,
                pending: r.row.report_count > 0,
                hidden_reason: r.row.hidden_reason,
            })
            .collect(),
        refused,
    };
    Ok(render(page, status))
}

/// `GET /admin/reviews`.
pub async fn show(State(state): State<AppState>, shell: Shell) -> Result<Response, AppError> {
    page(&state, &shell, None).await
}

#[derive(Deserialize)]
pub struct DecisionForm {
    /// `hide`, `restore` or `keep`.
    action: String,
    #[serde(default)]
    reason: String,
}

/// `POST /admin/reviews/{booking}` {action: hide, restore or keep, reason}.
pub async fn decide(
    State(state): State<AppState>,
    Client(client): Client,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Path(booking): Path<Uuid>,
    Form(form): Form<DecisionForm>,
) -> Result<Response, AppError> {
    let operator: &User = &viewer.user;
    let decision = super::api::decision(&form.action)?;
    let now = state.clock().now();
    match reviews::moderate(
        &state.db,
        operator,
        booking,
        decision,
        &form.reason,
        &client,
        now,
    )
    .await
    {
        Ok(()) => Ok(crate::redirect::to(&format!(
            "/admin/reviews#review-{booking}"
        ))),
        Err(LearningError::Invalid(fields)) => {
            let errors = shown(&shell, &fields);
            page(&state, &shell, Some((booking, errors))).await
        }
        Err(e) => Err(e.into()),
    }
}

/// The period the key figures cover.
const KPI_DAYS: i64 = 90;

#[derive(Template)]
#[template(path = "admin/kpis.html")]
struct KpisPage<'a> {
    shell: &'a Shell,
    days: i64,
    nps: nps::NpsFigures,
}

/// `GET /admin/kpis`: the operators' figures (the recommendation question's, so far).
pub async fn kpis(State(state): State<AppState>, shell: Shell) -> Result<Response, AppError> {
    let figures = nps::figures(&state.db, KPI_DAYS, state.clock().now()).await?;
    Ok(render(
        KpisPage {
            shell: &shell,
            days: KPI_DAYS,
            nps: figures,
        },
        StatusCode::OK,
    ))
}
