//! A learner's goals, the session series linked to them, and every change to them (for
//! the learner's timeline), written together in one transaction.

use jiff::Timestamp;
use sea_orm::{ConnectionTrait, DatabaseTransaction, FromQueryResult};
use uuid::Uuid;

use crate::instant::secs;
use crate::sql::{insert_once, statement};
use crate::{Backend, Database, StoreError};

/// A goal as stored.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct GoalRow {
    pub id: Uuid,
    pub learner_id: Uuid,
    pub title: String,
    pub detail: String,
    /// `active`, `achieved` or `dropped`.
    pub status: String,
    /// `YYYY-MM-DD`, if set.
    pub target_date: Option<String>,
    /// Whether the experts of linked sessions may read it.
    pub shared: bool,
    pub created_at: i64,
    pub updated_at: i64,
}

const COLUMNS: &str =
    "id, learner_id, title, detail, status, target_date, shared, created_at, updated_at";

/// Stores a new goal and its `created` event, unless the learner already keeps `max`
/// goals (`false` then; counted in the same transaction, under the learner's lock).
pub async fn create(db: &Database, goal: &GoalRow, max: u64) -> Result<bool, StoreError> {
    let txn = db.begin_write().await?;
    super::lock_account(db.backend(), &txn, goal.learner_id).await?;
    #[derive(FromQueryResult)]
    struct Count {
        n: i64,
    }
    let kept = Count::find_by_statement(statement(
        db.backend(),
        "SELECT COUNT(*) AS n FROM goals WHERE learner_id = $1",
        vec![goal.learner_id.into()],
    ))
    .one(&txn)
    .await?
    .map_or(0, |c| u64::try_from(c.n).unwrap_or(0));
    if kept >= max {
        txn.rollback().await?;
        return Ok(false);
    }
    txn.execute_raw(statement(
        db.backend(),
        &format!("INSERT INTO goals ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"),
        vec![
            goal.id.into(),
            goal.learner_id.into(),
            goal.title.clone().into(),
            goal.detail.clone().into(),
            goal.status.clone().into(),
            goal.target_date.clone().into(),
            goal.shared.into(),
            goal.created_at.into(),
            goal.updated_at.into(),
        ],
    ))
    .await
    .map_err(|e| StoreError::unique_as(e, "goal"))?;
    event(db, &txn, goal.id, "created", &goal.title, goal.created_at).await?;
    txn.commit().await?;
    Ok(true)
}

/// Replaces the goal's fields with `goal`'s and records what changed (status, target
/// date) as events; `false` when the learner has no such goal.
pub async fn update(db: &Database, goal: &GoalRow, now: Timestamp) -> Result<bool, StoreError> {
    let txn = db.begin_write().await?;
    let Some(before) = find_in(db.backend(), &txn, goal.learner_id, goal.id).await? else {
        txn.rollback().await?;
        return Ok(false);
    };
    txn.execute_raw(statement(
        db.backend(),
        "UPDATE goals SET title = $1, detail = $2, status = $3, target_date = $4, shared = $5, \
         updated_at = $6 WHERE id = $7 AND learner_id = $8",
        vec![
            goal.title.clone().into(),
            goal.detail.clone().into(),
            goal.status.clone().into(),
            goal.target_date.clone().into(),
            goal.shared.into(),
            secs(now),
            goal.id.into(),
            goal.learner_id.into(),
        ],
    ))
    .await?;
    let at = now.as_second();
    if before.status != goal.status {
        event(db, &txn, goal.id, "status", &goal.status, at).await?;
    }
    if before.target_date != goal.target_date {
        let date = goal.target_date.clone().unwrap_or_default();
        event(db, &txn, goal.id, "target", &date, at).await?;
    }
    txn.commit().await?;
    Ok(true)
}

async fn event(
    db: &Database,
    txn: &DatabaseTransaction,
    goal: Uuid,
    kind: &str,
    detail: &str,
    at: i64,
) -> Result<(), StoreError> {
    let detail: String = detail.chars().take(200).collect();
    txn.execute_raw(statement(
        db.backend(),
        "INSERT INTO goal_events (id, goal_id, kind, detail, at) VALUES ($1, $2, $3, $4, $5)",
        vec![
            db.new_id().into(),
            goal.into(),
            kind.into(),
            detail.into(),
            at.into(),
        ],
    ))
    .await?;
    Ok(())
}

/// The learner's goal `id`.
pub async fn find(db: &Database, learner: Uuid, id: Uuid) -> Result<Option<GoalRow>, StoreError> {
    find_in(db.backend(), db.conn(), learner, id).await
}

async fn find_in<C: ConnectionTrait>(
    backend: Backend,
    conn: &C,
    learner: Uuid,
    id: Uuid,
) -> Result<Option<GoalRow>, StoreError> {
    Ok(GoalRow::find_by_statement(statement(
        backend,
        &format!("SELECT {COLUMNS} FROM goals WHERE id = $1 AND learner_id = $2"),
        vec![id.into(), learner.into()],
    ))
    .one(conn)
    .await?)
}

/// The learner's goals: active ones first, then by target date and title.
pub async fn of_learner(db: &Database, learner: Uuid) -> Result<Vec<GoalRow>, StoreError> {
    Ok(GoalRow::find_by_statement(statement(
        db.backend(),
        &format!(
            "SELECT {COLUMNS} FROM goals WHERE learner_id = $1 ORDER BY \
             (CASE status WHEN 'active' THEN 0 WHEN 'achieved' THEN 1 ELSE 2 END), \
             (CASE WHEN target_date IS NULL THEN 1 ELSE 0 END), target_date, created_at"
        ),
        vec![learner.into()],
    ))
    .all(db.conn())
    .await?)
}

/// Links the session series to the goal; `false` when it already was.
pub async fn link(
    db: &Database,
    goal: Uuid,
    series: Uuid,
    now: Timestamp,
) -> Result<bool, StoreError> {
    Ok(insert_once(
        db.conn(),
        statement(
            db.backend(),
            "INSERT INTO goal_sessions (goal_id, series_id, created_at) VALUES ($1, $2, $3)",
            vec![goal.into(), series.into(), secs(now)],
        ),
    )
    .await?)
}

/// Unlinks the session series from the goal.
pub async fn unlink(db: &Database, goal: Uuid, series: Uuid) -> Result<(), StoreError> {
    db.conn()
        .execute_raw(statement(
            db.backend(),
            "DELETE FROM goal_sessions WHERE goal_id = $1 AND series_id = $2",
            vec![goal.into(), series.into()],
        ))
        .await?;
    Ok(())
}

/// The goals linked to a session series.
pub async fn of_series(db: &Database, series: Uuid) -> Result<Vec<GoalRow>, StoreError> {
    Ok(GoalRow::find_by_statement(statement(
        db.backend(),
        &format!(
            "SELECT {} FROM goals g JOIN goal_sessions s ON s.goal_id = g.id \
             WHERE s.series_id = $1 ORDER BY g.created_at",
            COLUMNS
                .split(", ")
                .map(|c| format!("g.{c}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        vec![series.into()],
    ))
    .all(db.conn())
    .await?)
}

/// Which session series each of the learner's goals is linked to.
pub async fn links_of_learner(
    db: &Database,
    learner: Uuid,
) -> Result<Vec<(Uuid, Uuid)>, StoreError> {
    #[derive(FromQueryResult)]
    struct Row {
        goal_id: Uuid,
        series_id: Uuid,
    }
    let rows = Row::find_by_statement(statement(
        db.backend(),
        "SELECT s.goal_id, s.series_id FROM goal_sessions s JOIN goals g ON g.id = s.goal_id \
         WHERE g.learner_id = $1",
        vec![learner.into()],
    ))
    .all(db.conn())
    .await?;
    Ok(rows.into_iter().map(|r| (r.goal_id, r.series_id)).collect())
}
