//! Answers to the 0–10 recommendation question, and "not now"s (no score), which also
//! keep the question away for a period.

use jiff::Timestamp;
use sea_orm::{ConnectionTrait, FromQueryResult};
use uuid::Uuid;

use crate::instant::secs;
use crate::sql::statement;
use crate::{Database, StoreError};

/// Records an answer (`score` of `None`: the person said "not now") unless they answered
/// after `since` (`false` then): checked and written in one transaction under the
/// account's lock, so two tabs cannot both answer in one period.
pub async fn answer(
    db: &Database,
    id: Uuid,
    account: Uuid,
    score: Option<i32>,
    comment: &str,
    since: Timestamp,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let txn = db.begin_write().await?;
    super::lock_account(db.backend(), &txn, account).await?;
    #[derive(FromQueryResult)]
    struct Row {
        n: i64,
    }
    let recent = Row::find_by_statement(statement(
        db.backend(),
        "SELECT COUNT(*) AS n FROM nps_answers WHERE account_id = $1 AND answered_at > $2",
        vec![account.into(), secs(since)],
    ))
    .one(&txn)
    .await?
    .is_some_and(|r| r.n > 0);
    if recent {
        txn.rollback().await?;
        return Ok(false);
    }
    txn.execute_raw(statement(
        db.backend(),
        "INSERT INTO nps_answers (id, account_id, score, comment, answered_at) \
         VALUES ($1, $2, $3, $4, $5)",
        vec![
            id.into(),
            account.into(),
            score.into(),
            comment.into(),
            secs(now),
        ],
    ))
    .await?;
    txn.commit().await?;
    Ok(true)
}

/// When `account` last answered or said "not now".
pub async fn last_asked(db: &Database, account: Uuid) -> Result<Option<Timestamp>, StoreError> {
    #[derive(FromQueryResult)]
    struct Row {
        at: Option<i64>,
    }
    let row = Row::find_by_statement(statement(
        db.backend(),
        "SELECT MAX(answered_at) AS at FROM nps_answers WHERE account_id = $1",
        vec![account.into()],
    ))
    .one(db.conn())
    .await?;
    Ok(row.and_then(|r| r.at).map(crate::instant::from_seconds))
}

/// One answer with a score, for the operators' figures.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct Answer {
    pub score: i32,
    pub comment: String,
    pub answered_at: i64,
}

/// Scored answers given at or after `since`, newest first.
pub async fn since(db: &Database, since: Timestamp) -> Result<Vec<Answer>, StoreError> {
    Ok(Answer::find_by_statement(statement(
        db.backend(),
        "SELECT score, comment, answered_at FROM nps_answers WHERE score IS NOT NULL \
         AND answered_at >= $1 ORDER BY answered_at DESC",
        vec![secs(since)],
    ))
    .all(db.conn())
    .await?)
}

/// How many sessions `learner` completed.
pub async fn completed_sessions(db: &Database, learner: Uuid) -> Result<u64, StoreError> {
    #[derive(FromQueryResult)]
    struct Row {
        n: i64,
    }
    Ok(Row::find_by_statement(statement(
        db.backend(),
        "SELECT COUNT(*) AS n FROM bookings WHERE learner_id = $1 AND status = 'completed'",
        vec![learner.into()],
    ))
    .one(db.conn())
    .await?
    .map_or(0, |r| u64::try_from(r.n).unwrap_or(0)))
}
