//! What a learner's timeline is made of, read in a handful of queries: their sessions,
//! the notes and resources on them, their reviews, and the changes to their goals.

use sea_orm::FromQueryResult;
use uuid::Uuid;

use crate::sql::statement;
use crate::{Database, StoreError};

/// One thing that happened, as the store knows it; the application words it.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct Entry {
    /// `session`, `notes`, `resource`, `review` or `goal_created`, `goal_status`,
    /// `goal_target`.
    pub kind: String,
    /// Unix seconds.
    pub at: i64,
    /// The booking it is about (for notes and resources, the one that stands for the
    /// session now, not one it was moved from); the goal for goal changes.
    pub subject: Uuid,
    /// The session's status, the resource's title, the review's stars, the goal's title.
    pub label: String,
    /// The other person (the expert), the goal change's new value, or empty.
    pub detail: String,
}

/// The learner's timeline, newest first, at most `limit` entries.
pub async fn of_learner(
    db: &Database,
    learner: Uuid,
    limit: u64,
) -> Result<Vec<Entry>, StoreError> {
    // One UNION ALL: each branch names its columns alike so both backends read it the same.
    let sql = "SELECT * FROM (\
        SELECT 'session' AS kind, b.start_at AS at, b.id AS subject, b.status AS label, \
               u.display_name AS detail \
          FROM bookings b JOIN users u ON u.id = b.expert_id \
         WHERE b.learner_id = $1 AND b.status NOT IN ('held', 'expired', 'rescheduled') \
        UNION ALL \
        SELECT 'notes', n.updated_at, b.id, '', '' FROM session_notes n \
          JOIN bookings b ON b.series_id = n.series_id AND b.status <> 'rescheduled' \
         WHERE b.learner_id = $1 \
        UNION ALL \
        SELECT 'resource', r.created_at, b.id, r.title, '' FROM session_resources r \
          JOIN bookings b ON b.series_id = r.series_id AND b.status <> 'rescheduled' \
         WHERE b.learner_id = $1 \
        UNION ALL \
        SELECT 'review', v.created_at, v.booking_id, CAST(v.rating AS TEXT), u.display_name \
          FROM reviews v JOIN users u ON u.id = v.expert_id WHERE v.learner_id = $1 \
        UNION ALL \
        SELECT 'goal_' || e.kind, e.at, g.id, g.title, e.detail FROM goal_events e \
          JOIN goals g ON g.id = e.goal_id WHERE g.learner_id = $1 \
        ) t ORDER BY at DESC, kind, subject LIMIT $2";
    Ok(Entry::find_by_statement(statement(
        db.backend(),
        sql,
        vec![learner.into(), super::limit(limit)],
    ))
    .all(db.conn())
    .await?)
}
