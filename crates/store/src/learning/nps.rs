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
    // "My sessions", kept in memory, asks the question until it is answered.
    db.account_changed(account).await;
    Ok(true)
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

/// Where a learner stands with the question: sessions completed, and when they last
/// answered it (or said "not now").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    pub completed_sessions: u64,
    pub last_asked: Option<Timestamp>,
}

/// `learner`'s standing, read in one statement: "My sessions" asks on every visit.
pub async fn standing(db: &Database, learner: Uuid) -> Result<Standing, StoreError> {
    #[derive(FromQueryResult)]
    struct Row {
        n: i64,
        at: Option<i64>,
    }
    let row = Row::find_by_statement(statement(
        db.backend(),
        "SELECT (SELECT COUNT(*) FROM bookings WHERE learner_id = $1 AND status = 'completed') \
         AS n, (SELECT MAX(answered_at) FROM nps_answers WHERE account_id = $1) AS at",
        vec![learner.into()],
    ))
    .one(db.conn())
    .await?;
    Ok(Standing {
        completed_sessions: row.as_ref().map_or(0, |r| u64::try_from(r.n).unwrap_or(0)),
        last_asked: row.and_then(|r| r.at).map(crate::instant::from_seconds),
    })
}
