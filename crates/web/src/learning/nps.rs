//! The recommendation question on "My sessions": answered or put off, then gone for the
//! period.

use app::learning::{LearningError, nps};
use axum::Form;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;

use crate::middleware::viewer::SignedIn;
use crate::{AppError, AppState};

#[derive(Deserialize)]
pub struct NpsForm {
    #[serde(default)]
    score: String,
    #[serde(default)]
    comment: String,
    /// `not_now` puts the question off for the period.
    #[serde(default)]
    action: String,
}

/// `POST /nps` {score, comment, action}.
pub async fn answer(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Form(form): Form<NpsForm>,
) -> Result<Response, AppError> {
    let score = if form.action == "not_now" {
        None
    } else {
        // An empty or unreadable score is refused (-1 is no score), not taken as "not now".
        Some(form.score.trim().parse::<i64>().unwrap_or(-1))
    };
    let comment = if score.is_some() {
        form.comment.as_str()
    } else {
        ""
    };
    match nps::answer(
        &state.db,
        &state.settings.nps,
        &viewer.user,
        score,
        comment,
        state.clock().now(),
    )
    .await
    {
        Ok(()) => Ok(crate::redirect::to(if score.is_some() {
            "/sessions?nps=thanks"
        } else {
            "/sessions"
        })),
        // A second answer from another tab: the question is gone already.
        Err(LearningError::NpsNotDue) => Ok(crate::redirect::to("/sessions")),
        Err(e) => Err(e.into()),
    }
}
