//! One timeline of a learner's learning: sessions, notes, resources, reviews and goal
//! changes, newest first, each with where to read more.

use jiff::Timestamp;
use store::Database;
use store::users::User;

use super::LearningError;

/// How many entries the timeline shows.
pub const MAX_ENTRIES: u64 = 200;

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Happening {
    /// A session (its status says how it went).
    Session,
    /// The shared notes were saved.
    Notes,
    /// A resource was attached.
    Resource,
    /// The learner reviewed a session.
    Review,
    /// A goal was set.
    GoalSet,
    /// A goal's status changed.
    GoalStatus,
    /// A goal's target date changed.
    GoalTarget,
}

impl Happening {
    /// The stable name the API uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Session => "session",
            Self::Notes => "notes",
            Self::Resource => "resource",
            Self::Review => "review",
            Self::GoalSet => "goal_set",
            Self::GoalStatus => "goal_status",
            Self::GoalTarget => "goal_target",
        }
    }
}

/// One entry of the timeline.
#[derive(Debug, Clone)]
pub struct Entry {
    /// What happened.
    pub what: Happening,
    /// When.
    pub at: Timestamp,
    /// Where to read more (a booking's page, its notes, the goals page).
    pub link: String,
    /// The session's status, the resource's or goal's title, the review's stars.
    pub label: String,
    /// The expert's name, the goal's new status or date.
    pub detail: String,
}

/// The learner's timeline, newest first.
pub async fn of_learner(db: &Database, user: &User) -> Result<Vec<Entry>, LearningError> {
    let rows = store::learning::timeline::of_learner(db, user.id, MAX_ENTRIES).await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            let (what, link) = match row.kind.as_str() {
                "session" => (Happening::Session, format!("/bookings/{}", row.subject)),
                "notes" => (Happening::Notes, format!("/bookings/{}/notes", row.subject)),
                "resource" => (
                    Happening::Resource,
                    format!("/bookings/{}/notes", row.subject),
                ),
                "review" => (Happening::Review, format!("/bookings/{}", row.subject)),
                "goal_created" => (Happening::GoalSet, "/goals".to_owned()),
                "goal_status" => (Happening::GoalStatus, "/goals".to_owned()),
                "goal_target" => (Happening::GoalTarget, "/goals".to_owned()),
                _ => return None,
            };
            Some(Entry {
                what,
                at: Timestamp::from_second(row.at).ok()?,
                link,
                label: row.label,
                detail: row.detail,
            })
        })
        .collect())
}
