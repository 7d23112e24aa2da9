//! The recommendation question (NPS): asked of learners after some completed sessions,
//! once per period (an answer or a "not now" both count); the answers add up to the
//! score operators read among their figures.

use domain::learning::NpsScore;
use domain::learning::nps::{MAX_COMMENT_CHARS, NpsSchedule, net_promoter_score};
use jiff::{SignedDuration, Timestamp};
use store::Database;
use store::users::User;

use super::{LearningError, bounded, invalid};
use crate::viewers::{Slot, ViewerCache};

/// Where a learner stands with the question, kept with them for "My sessions".
static STANDING: Slot<store::learning::nps::Standing> = Slot::new("nps_standing");

/// Whether to ask `user` now.
pub async fn due(
    db: &Database,
    schedule: &NpsSchedule,
    user: &User,
    now: Timestamp,
) -> Result<bool, LearningError> {
    let standing = store::learning::nps::standing(db, user.id).await?;
    Ok(schedule.due(standing.completed_sessions, standing.last_asked, now))
}

/// `due`, where the learner stands kept with them in `viewers`: "My sessions" asks on
/// every visit. Completing a session (a booking write) and answering both announce the
/// learner, which drops the copy.
pub async fn due_kept(
    db: &Database,
    viewers: &ViewerCache,
    schedule: &NpsSchedule,
    user: &User,
    now: Timestamp,
) -> Result<bool, LearningError> {
    let standing = viewers
        .own(user.id, &STANDING, || async {
            let standing = store::learning::nps::standing(db, user.id).await?;
            Ok::<_, LearningError>((standing, std::mem::size_of_val(&standing)))
        })
        .await?;
    Ok(schedule.due(standing.completed_sessions, standing.last_asked, now))
}

/// Records `user`'s answer (`score` of `None`: "not now"). Refused when the question was
/// not due, so nobody answers twice in a period.
pub async fn answer(
    db: &Database,
    schedule: &NpsSchedule,
    user: &User,
    score: Option<i64>,
    comment: &str,
    now: Timestamp,
) -> Result<(), LearningError> {
    let mut errors = Vec::new();
    let score = match score {
        None => None,
        Some(value) => match NpsScore::new(value) {
            Some(s) => Some(i32::from(s.get())),
            None => {
                errors.push(invalid("score", "nps-score-invalid"));
                None
            }
        },
    };
    let comment = bounded(
        comment,
        MAX_COMMENT_CHARS,
        "comment",
        "nps-comment-too-long",
        &mut errors,
    );
    if !errors.is_empty() {
        return Err(LearningError::Invalid(errors));
    }
    if !due(db, schedule, user, now).await? {
        return Err(LearningError::NpsNotDue);
    }
    // Checked again where it is written, so two tabs cannot both answer in one period.
    let since = now - schedule.period;
    let id = db.new_id();
    if !store::learning::nps::answer(db, id, user.id, score, &comment, since, now).await? {
        return Err(LearningError::NpsNotDue);
    }
    Ok(())
}

/// The NPS figures of the last `days` days for operators.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NpsFigures {
    /// Promoters' share minus detractors', −100 to 100 (`None` without answers).
    pub score: Option<i64>,
    /// Answers with a score.
    pub answers: usize,
    /// Answers of 9 or 10.
    pub promoters: usize,
    /// Answers of 7 or 8.
    pub passives: usize,
    /// Answers of 0 to 6.
    pub detractors: usize,
    /// The latest comments with their scores, newest first (at most 20).
    pub comments: Vec<(i32, String)>,
}

/// The figures of answers given in the `days` days before `now`.
pub async fn figures(
    db: &Database,
    days: i64,
    now: Timestamp,
) -> Result<NpsFigures, LearningError> {
    let since = now - SignedDuration::from_hours(days.saturating_mul(24));
    let answers = store::learning::nps::since(db, since).await?;
    let scores: Vec<NpsScore> = answers
        .iter()
        .filter_map(|a| NpsScore::new(i64::from(a.score)))
        .collect();
    Ok(NpsFigures {
        score: net_promoter_score(&scores),
        answers: scores.len(),
        promoters: scores.iter().filter(|s| s.get() >= 9).count(),
        passives: scores.iter().filter(|s| (7..=8).contains(&s.get())).count(),
        detractors: scores.iter().filter(|s| s.get() <= 6).count(),
        comments: answers
            .iter()
            .filter(|a| !a.comment.is_empty())
            .take(20)
            .map(|a| (a.score, a.comment.clone()))
            .collect(),
    })
}
