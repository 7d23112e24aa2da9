//! A learner's goals: what they work towards, by when, and how it went; the sessions that
//! serve each one; and which goals the expert of a session may read before it.

use domain::booking::Actor;
use domain::learning::goal::{MAX_DETAIL_CHARS, MAX_TITLE_CHARS};
use domain::learning::{GoalStatus, TargetDate};
use jiff::Timestamp;
use store::Database;
use store::learning::goals::{self, GoalRow};
use store::users::User;
use uuid::Uuid;

use super::{LearningError, bounded, invalid, session};

/// At most this many goals per learner.
pub const MAX_GOALS: u64 = 50;

/// What a learner fills in for a goal.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct GoalInput {
    /// What they want to reach (at most 200 characters).
    pub title: String,
    /// More about it (optional, at most 2,000 characters).
    #[serde(default)]
    pub detail: String,
    /// `active` (the default), `achieved` or `dropped`.
    #[serde(default)]
    pub status: Option<String>,
    /// By when, `YYYY-MM-DD` (optional).
    #[serde(default)]
    pub target_date: Option<String>,
    /// Whether the experts of sessions linked to it may read it before the session.
    #[serde(default)]
    pub shared: bool,
}

fn checked(
    input: &GoalInput,
    id: Uuid,
    learner: Uuid,
    now: Timestamp,
) -> Result<GoalRow, LearningError> {
    let mut errors = Vec::new();
    let title = bounded(
        &input.title,
        MAX_TITLE_CHARS,
        "title",
        "goal-title-too-long",
        &mut errors,
    );
    if title.is_empty() {
        errors.push(invalid("title", "goal-title-required"));
    }
    let detail = bounded(
        &input.detail,
        MAX_DETAIL_CHARS,
        "detail",
        "goal-detail-too-long",
        &mut errors,
    );
    let status = match input.status.as_deref().map(str::trim) {
        None | Some("") => GoalStatus::Active,
        Some(text) => GoalStatus::parse(text).unwrap_or_else(|| {
            errors.push(invalid("status", "goal-status-invalid"));
            GoalStatus::Active
        }),
    };
    let target_date = match input.target_date.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => match TargetDate::parse(text) {
            Some(d) => Some(d.to_string()),
            None => {
                errors.push(invalid("target_date", "goal-target-invalid"));
                None
            }
        },
    };
    if !errors.is_empty() {
        return Err(LearningError::Invalid(errors));
    }
    Ok(GoalRow {
        id,
        learner_id: learner,
        title,
        detail,
        status: status.as_str().to_owned(),
        target_date,
        shared: input.shared,
        created_at: now.as_second(),
        updated_at: now.as_second(),
    })
}

/// A learner sets themselves a goal.
pub async fn create(
    db: &Database,
    user: &User,
    input: &GoalInput,
    now: Timestamp,
) -> Result<GoalRow, LearningError> {
    let goal = checked(input, db.new_id(), user.id, now)?;
    if !goals::create(db, &goal, MAX_GOALS).await? {
        return Err(LearningError::Invalid(vec![invalid(
            "title",
            "goal-too-many",
        )]));
    }
    Ok(goal)
}

/// A learner changes one of their goals (its status, target date, sharing, words).
pub async fn update(
    db: &Database,
    user: &User,
    id: Uuid,
    input: &GoalInput,
    now: Timestamp,
) -> Result<GoalRow, LearningError> {
    let before = goals::find(db, user.id, id)
        .await?
        .ok_or(LearningError::NotFound)?;
    let mut goal = checked(input, id, user.id, now)?;
    goal.created_at = before.created_at;
    if !goals::update(db, &goal, now).await? {
        return Err(LearningError::NotFound);
    }
    Ok(goal)
}

/// A learner links one of their sessions to one of their goals (`link`) or unlinks it.
pub async fn link(
    db: &Database,
    user: &User,
    goal: Uuid,
    booking: Uuid,
    link: bool,
    now: Timestamp,
) -> Result<(), LearningError> {
    let s = session(db, user, booking).await?;
    if s.side != Actor::Learner {
        return Err(LearningError::NotYours);
    }
    goals::find(db, user.id, goal)
        .await?
        .ok_or(LearningError::NotFound)?;
    if link {
        goals::link(db, goal, s.series(), now).await?;
    } else {
        goals::unlink(db, goal, s.series()).await?;
    }
    Ok(())
}

/// A goal with the session series linked to it.
#[derive(Debug, Clone)]
pub struct Goal {
    /// The goal as stored.
    pub row: GoalRow,
    /// The session series it is linked to.
    pub series: Vec<Uuid>,
}

/// The learner's goals, active first, each with its sessions.
pub async fn of_learner(db: &Database, user: &User) -> Result<Vec<Goal>, LearningError> {
    let rows = goals::of_learner(db, user.id).await?;
    let links = goals::links_of_learner(db, user.id).await?;
    Ok(rows
        .into_iter()
        .map(|row| Goal {
            series: links
                .iter()
                .filter(|(g, _)| *g == row.id)
                .map(|(_, s)| *s)
                .collect(),
            row,
        })
        .collect())
}

/// The goals linked to session `booking` that `user` may read: all of them for the
/// learner; for the expert, the ones the learner shared.
pub async fn of_session(
    db: &Database,
    user: &User,
    booking: Uuid,
) -> Result<Vec<GoalRow>, LearningError> {
    let s = session(db, user, booking).await?;
    let linked = goals::of_series(db, s.series()).await?;
    Ok(match s.side {
        Actor::Learner => linked,
        _ => linked.into_iter().filter(|g| g.shared).collect(),
    })
}
