//! What the booking page shows of the learning record: the review (the learner's form,
//! the expert's reply), the goals the session serves, and the way to its notes.

use app::learning::reviews::ReviewInput;
use app::learning::{LearningError, goals, reviews};
use domain::booking::Actor;
use domain::learning::review::EDIT_WINDOW;
use domain::learning::{may_edit, may_review};
use jiff::Timestamp;
use store::users::User;
use uuid::Uuid;

use crate::bookings::present::LocalTimes;
use crate::pages::shell::Shell;
use crate::pages::shown_error::ShownError;
use crate::{AppError, AppState};

/// The learning record's parts of one booking page.
#[derive(Default)]
pub(crate) struct Panels {
    /// The review section, once the session is completed.
    pub review: Option<ReviewPanel>,
    /// The goals section, for the session's two participants.
    pub goals: Option<GoalsPanel>,
    /// The viewer takes part: the notes page is theirs to open.
    pub notes: bool,
}

/// A review as the booking page shows it.
pub(crate) struct ShownReview {
    pub rating: i32,
    /// (label, stars) of each rated aspect.
    pub aspects: Vec<(String, i32)>,
    pub body: String,
    pub at: String,
    pub edited: bool,
    pub reply: Option<String>,
    pub hidden_reason: Option<String>,
}

/// The learner's review form, filled with what they wrote (or just sent).
pub(crate) struct ReviewForm {
    pub rating: i64,
    /// Clarity, preparation, punctuality: each with its chosen stars (0: not rated).
    pub aspects: Vec<AspectField>,
    /// (stars, "4 stars") for 1 to 5.
    pub choices: Vec<(i64, String)>,
    pub body: String,
    /// Changing a review already written (until `until`).
    pub editing: bool,
    pub until: Option<String>,
}

pub(crate) struct ReviewPanel {
    pub learner_side: bool,
    pub learner_name: String,
    pub shown: Option<ShownReview>,
    pub form: Option<ReviewForm>,
    pub may_reply: bool,
    /// The learner can no longer review it (30 days passed).
    pub window_closed: bool,
    pub errors: Vec<ShownError>,
    /// The reply the expert sent with an error, kept.
    pub reply_draft: String,
    /// Why what was just sent was refused, and the words it held (to copy).
    pub refused: Option<(String, String)>,
}

impl ReviewPanel {
    pub fn error_for(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }
}

/// One optional aspect's field on the review form.
pub(crate) struct AspectField {
    pub name: &'static str,
    pub label: String,
    pub value: i64,
}

/// A goal as the booking page lists it.
pub(crate) struct GoalChip {
    pub id: Uuid,
    pub title: String,
    pub status: String,
    pub target: Option<String>,
}

pub(crate) struct GoalsPanel {
    pub learner_side: bool,
    pub learner_name: String,
    pub linked: Vec<GoalChip>,
    /// The learner's active goals not linked yet.
    pub available: Vec<GoalChip>,
}

/// What the learner just sent, when it could not be saved: shown again with its errors.
pub(crate) enum Attempt {
    Review(ReviewInput, Vec<ShownError>),
    Reply(String, Vec<ShownError>),
    /// Refused for a reason no field explains (the 48 hours passed meanwhile): the words
    /// sent, and why.
    Refused(String, String),
}

fn chip(shell: &Shell, g: store::learning::goals::GoalRow) -> GoalChip {
    GoalChip {
        id: g.id,
        status: shell.t(&format!("goal-status-{}", g.status)),
        target: g.target_date,
        title: g.title,
    }
}

/// The booking page's learning panels for `user`; none for operators reading someone
/// else's booking.
pub(crate) async fn for_booking(
    state: &AppState,
    user: &User,
    shell: &Shell,
    clock: &LocalTimes,
    id: Uuid,
    learner_name: &str,
    attempt: Option<Attempt>,
) -> Result<Panels, AppError> {
    let session = match app::learning::session(&state.db, user, id).await {
        Ok(s) => s,
        Err(LearningError::NotFound) => return Ok(Panels::default()),
        Err(e) => return Err(e.into()),
    };
    let now = state.clock().now();
    let learner_side = session.side == Actor::Learner;
    let linked = goals::of_session(&state.db, user, id).await?;
    let available = if learner_side {
        goals::of_learner(&state.db, user)
            .await?
            .into_iter()
            .filter(|g| g.row.status == "active" && !linked.iter().any(|l| l.id == g.row.id))
            .map(|g| chip(shell, g.row))
            .collect()
    } else {
        Vec::new()
    };
    let goals = GoalsPanel {
        learner_side,
        learner_name: learner_name.to_owned(),
        linked: linked.into_iter().map(|g| chip(shell, g)).collect(),
        available,
    };
    let review = review_panel(
        state,
        user,
        shell,
        clock,
        &session,
        learner_name,
        now,
        attempt,
    )
    .await?;
    Ok(Panels {
        review,
        goals: Some(goals),
        notes: true,
    })
}

#[allow(clippy::too_many_arguments)]
async fn review_panel(
    state: &AppState,
    user: &User,
    shell: &Shell,
    clock: &LocalTimes,
    session: &app::learning::Session,
    learner_name: &str,
    now: Timestamp,
    attempt: Option<Attempt>,
) -> Result<Option<ReviewPanel>, AppError> {
    let booking = &session.booking;
    let row = reviews::of_session(&state.db, user, booking.id()).await?;
    let learner_side = session.side == Actor::Learner;
    let reviewable = may_review(booking.status, booking.row.end_at, now);
    if row.is_none() && reviewable == Err(domain::learning::ReviewRefusal::NotCompleted) {
        return Ok(None);
    }
    let written = row
        .as_ref()
        .and_then(|r| Timestamp::from_second(r.created_at).ok());
    let editable = learner_side && written.is_some_and(|w| may_edit(w, now).is_ok());
    let (mut errors, mut reply_draft, mut sent) = (Vec::new(), String::new(), None);
    let mut refused = None;
    match attempt {
        Some(Attempt::Review(input, e)) => {
            sent = Some(input);
            errors = e;
        }
        Some(Attempt::Reply(text, e)) => {
            reply_draft = text;
            errors = e;
        }
        Some(Attempt::Refused(text, why)) => refused = Some((why, text)),
        None => {}
    }
    let form = if learner_side && (editable || (row.is_none() && reviewable.is_ok())) {
        let from_row = row.as_ref().map(|r| ReviewInput {
            rating: i64::from(r.rating),
            clarity: r.clarity.map(i64::from),
            preparation: r.preparation.map(i64::from),
            punctuality: r.punctuality.map(i64::from),
            body: r.body.clone(),
        });
        let input = sent.or(from_row).unwrap_or_default();
        let aspect = |name, label_id: &str, value: Option<i64>| AspectField {
            name,
            label: shell.t(label_id),
            value: value.unwrap_or(0),
        };
        Some(ReviewForm {
            rating: input.rating,
            aspects: vec![
                aspect("clarity", "review-clarity", input.clarity),
                aspect("preparation", "review-preparation", input.preparation),
                aspect("punctuality", "review-punctuality", input.punctuality),
            ],
            choices: (1..=5)
                .map(|n: i64| (n, shell.t1("review-stars", "stars", &n.to_string())))
                .collect(),
            body: input.body,
            editing: row.is_some(),
            until: written
                .filter(|_| row.is_some())
                .map(|w| clock.at(w + EDIT_WINDOW)),
        })
    } else {
        None
    };
    let may_reply = !learner_side
        && row
            .as_ref()
            .is_some_and(|r| r.reply.is_none() && r.hidden_at.is_none());
    let shown = row.map(|r| {
        let aspect = |id: &str, v: Option<i32>| v.map(|v| (shell.t(id), v));
        ShownReview {
            rating: r.rating,
            aspects: [
                aspect("review-clarity", r.clarity),
                aspect("review-preparation", r.preparation),
                aspect("review-punctuality", r.punctuality),
            ]
            .into_iter()
            .flatten()
            .collect(),
            body: r.body,
            at: Timestamp::from_second(r.created_at)
                .map(|t| clock.at(t))
                .unwrap_or_default(),
            edited: r.edited_at.is_some(),
            reply: r.reply,
            hidden_reason: r.hidden_reason,
        }
    });
    Ok(Some(ReviewPanel {
        learner_side,
        learner_name: learner_name.to_owned(),
        window_closed: learner_side && shown.is_none() && form.is_none(),
        shown,
        form,
        may_reply,
        errors,
        reply_draft,
        refused,
    }))
}
