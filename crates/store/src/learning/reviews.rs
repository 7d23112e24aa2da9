//! Reviews of completed sessions, their "helpful" votes and reports, and the rating
//! columns of the expert's profile they add up to (kept in the same transaction).

use domain::learning::RatingSummary;
use jiff::Timestamp;
use sea_orm::{ConnectionTrait, FromQueryResult};
use uuid::Uuid;

use crate::audit::NewAuditEvent;
use crate::instant::secs;
use crate::sql::{insert_once, statement};
use crate::{Backend, Database, StoreError};

/// A review as stored.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct ReviewRow {
    pub booking_id: Uuid,
    pub expert_id: Uuid,
    pub learner_id: Uuid,
    pub rating: i32,
    pub clarity: Option<i32>,
    pub preparation: Option<i32>,
    pub punctuality: Option<i32>,
    pub body: String,
    pub created_at: i64,
    pub edited_at: Option<i64>,
    pub reply: Option<String>,
    pub replied_at: Option<i64>,
    pub hidden_at: Option<i64>,
    pub hidden_reason: Option<String>,
    pub helpful_count: i32,
    pub report_count: i32,
}

const COLUMNS: &str = "booking_id, expert_id, learner_id, rating, clarity, preparation, \
    punctuality, body, created_at, edited_at, reply, replied_at, hidden_at, hidden_reason, \
    helpful_count, report_count";

/// What a learner says of a session: stars, optional aspects, words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub rating: i32,
    pub clarity: Option<i32>,
    pub preparation: Option<i32>,
    pub punctuality: Option<i32>,
    pub body: String,
}

/// Stores the first review of `booking`; `false` when it already has one.
pub async fn insert(
    db: &Database,
    booking: Uuid,
    expert: Uuid,
    learner: Uuid,
    verdict: &Verdict,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let txn = db.begin_write().await?;
    let inserted = insert_once(
        &txn,
        statement(
            db.backend(),
            "INSERT INTO reviews (booking_id, expert_id, learner_id, rating, clarity, \
             preparation, punctuality, body, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            vec![
                booking.into(),
                expert.into(),
                learner.into(),
                verdict.rating.into(),
                verdict.clarity.into(),
                verdict.preparation.into(),
                verdict.punctuality.into(),
                verdict.body.clone().into(),
                secs(now),
            ],
        ),
    )
    .await?;
    if !inserted {
        txn.rollback().await?;
        return Ok(false);
    }
    recount(db.backend(), &txn, expert).await?;
    txn.commit().await?;
    Ok(true)
}

/// Replaces what the review of `booking` says, if it was written at or after
/// `written_since` (the edit window); `false` when it was not changed.
pub async fn update(
    db: &Database,
    booking: Uuid,
    verdict: &Verdict,
    written_since: Timestamp,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let txn = db.begin_write().await?;
    let changed = txn
        .execute_raw(statement(
            db.backend(),
            "UPDATE reviews SET rating = $1, clarity = $2, preparation = $3, punctuality = $4, \
             body = $5, edited_at = $6 WHERE booking_id = $7 AND created_at >= $8",
            vec![
                verdict.rating.into(),
                verdict.clarity.into(),
                verdict.preparation.into(),
                verdict.punctuality.into(),
                verdict.body.clone().into(),
                secs(now),
                booking.into(),
                secs(written_since),
            ],
        ))
        .await?
        .rows_affected()
        == 1;
    if changed && let Some(row) = find_in(db.backend(), &txn, booking).await? {
        recount(db.backend(), &txn, row.expert_id).await?;
    }
    txn.commit().await?;
    Ok(changed)
}

/// Stores the expert's reply, once; `false` when there already was one.
pub async fn reply(
    db: &Database,
    booking: Uuid,
    text: &str,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let result = db
        .conn()
        .execute_raw(statement(
            db.backend(),
            "UPDATE reviews SET reply = $1, replied_at = $2 WHERE booking_id = $3 \
             AND reply IS NULL",
            vec![text.into(), secs(now), booking.into()],
        ))
        .await?;
    Ok(result.rows_affected() == 1)
}

/// An operator hides a review (`Some(reason)`) or shows it again (`None`), with the audit
/// event in the same transaction; the expert's rating is counted again.
pub async fn set_hidden(
    db: &Database,
    booking: Uuid,
    reason: Option<&str>,
    now: Timestamp,
    audit: NewAuditEvent<'_>,
) -> Result<bool, StoreError> {
    let txn = db.begin_write().await?;
    let changed = match reason {
        Some(reason) => {
            txn.execute_raw(statement(
                db.backend(),
                "UPDATE reviews SET hidden_at = $1, hidden_reason = $2 WHERE booking_id = $3 \
                 AND hidden_at IS NULL",
                vec![secs(now), reason.into(), booking.into()],
            ))
            .await?
        }
        None => {
            txn.execute_raw(statement(
                db.backend(),
                "UPDATE reviews SET hidden_at = NULL, hidden_reason = NULL \
                 WHERE booking_id = $1 AND hidden_at IS NOT NULL",
                vec![booking.into()],
            ))
            .await?
        }
    }
    .rows_affected()
        == 1;
    if !changed {
        txn.rollback().await?;
        return Ok(false);
    }
    if let Some(row) = find_in(db.backend(), &txn, booking).await? {
        recount(db.backend(), &txn, row.expert_id).await?;
    }
    crate::audit::record_in(db, &txn, audit).await?;
    txn.commit().await?;
    Ok(true)
}

/// An operator read a review's reports and keeps it shown: its report count goes back to
/// zero (the reports stay, so nobody reports it twice), with the audit event in the same
/// transaction; `false` when it had no reports pending.
pub async fn clear_reports(
    db: &Database,
    booking: Uuid,
    audit: NewAuditEvent<'_>,
) -> Result<bool, StoreError> {
    let txn = db.begin_write().await?;
    let changed = txn
        .execute_raw(statement(
            db.backend(),
            "UPDATE reviews SET report_count = 0 WHERE booking_id = $1 AND report_count > 0",
            vec![booking.into()],
        ))
        .await?
        .rows_affected()
        == 1;
    if !changed {
        txn.rollback().await?;
        return Ok(false);
    }
    crate::audit::record_in(db, &txn, audit).await?;
    txn.commit().await?;
    Ok(true)
}

/// What a person may say of someone else's review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// It helped them choose.
    Helpful,
    /// It breaks the rules: an operator should look.
    Report,
}

impl Mark {
    fn as_str(self) -> &'static str {
        match self {
            Self::Helpful => "helpful",
            Self::Report => "report",
        }
    }

    fn counter(self) -> &'static str {
        match self {
            Self::Helpful => "helpful_count",
            Self::Report => "report_count",
        }
    }
}

/// Records `account`'s mark on the review of `booking`, once per kind; `false` when they
/// had already made it.
pub async fn mark(
    db: &Database,
    booking: Uuid,
    account: Uuid,
    mark: Mark,
    reason: &str,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let txn = db.begin_write().await?;
    let inserted = insert_once(
        &txn,
        statement(
            db.backend(),
            "INSERT INTO review_marks (booking_id, account_id, kind, reason, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
            vec![
                booking.into(),
                account.into(),
                mark.as_str().into(),
                reason.into(),
                secs(now),
            ],
        ),
    )
    .await?;
    if !inserted {
        txn.rollback().await?;
        return Ok(false);
    }
    let counter = mark.counter();
    txn.execute_raw(statement(
        db.backend(),
        &format!("UPDATE reviews SET {counter} = {counter} + 1 WHERE booking_id = $1"),
        vec![booking.into()],
    ))
    .await?;
    txn.commit().await?;
    Ok(true)
}

/// The reports on a review, with who made them and why, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct Report {
    pub account_id: Uuid,
    pub reason: String,
    pub created_at: i64,
}

/// Why people reported the review of `booking`.
pub async fn reports(db: &Database, booking: Uuid) -> Result<Vec<Report>, StoreError> {
    Ok(Report::find_by_statement(statement(
        db.backend(),
        "SELECT account_id, reason, created_at FROM review_marks WHERE booking_id = $1 \
         AND kind = 'report' ORDER BY created_at, account_id",
        vec![booking.into()],
    ))
    .all(db.conn())
    .await?)
}

/// Which of `bookings`' reviews `account` has marked helpful.
pub async fn marked_helpful(
    db: &Database,
    account: Uuid,
    bookings: &[Uuid],
) -> Result<Vec<Uuid>, StoreError> {
    #[derive(FromQueryResult)]
    struct Row {
        booking_id: Uuid,
    }
    if bookings.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (2..bookings.len() + 2).map(|i| format!("${i}")).collect();
    let mut values = vec![account.into()];
    values.extend(bookings.iter().map(|b| (*b).into()));
    let rows = Row::find_by_statement(statement(
        db.backend(),
        &format!(
            "SELECT booking_id FROM review_marks WHERE account_id = $1 AND kind = 'helpful' \
             AND booking_id IN ({})",
            placeholders.join(", ")
        ),
        values,
    ))
    .all(db.conn())
    .await?;
    Ok(rows.into_iter().map(|r| r.booking_id).collect())
}

/// The review of `booking`, hidden or not.
pub async fn find(db: &Database, booking: Uuid) -> Result<Option<ReviewRow>, StoreError> {
    find_in(db.backend(), db.conn(), booking).await
}

async fn find_in<C: ConnectionTrait>(
    backend: Backend,
    conn: &C,
    booking: Uuid,
) -> Result<Option<ReviewRow>, StoreError> {
    Ok(ReviewRow::find_by_statement(statement(
        backend,
        &format!("SELECT {COLUMNS} FROM reviews WHERE booking_id = $1"),
        vec![booking.into()],
    ))
    .one(conn)
    .await?)
}

/// The order of an expert's reviews on their profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    Newest,
    MostHelpful,
}

/// A page of an expert's visible reviews.
pub async fn for_expert(
    db: &Database,
    expert: Uuid,
    order: Order,
    limit: u64,
    offset: u64,
) -> Result<Vec<ReviewRow>, StoreError> {
    let order = match order {
        Order::Newest => "created_at DESC, booking_id",
        Order::MostHelpful => "helpful_count DESC, created_at DESC, booking_id",
    };
    Ok(ReviewRow::find_by_statement(statement(
        db.backend(),
        &format!(
            "SELECT {COLUMNS} FROM reviews WHERE expert_id = $1 AND hidden_at IS NULL \
             ORDER BY {order} LIMIT $2 OFFSET $3"
        ),
        vec![expert.into(), super::limit(limit), super::limit(offset)],
    ))
    .all(db.conn())
    .await?)
}

/// Reviews for operators: reported or hidden ones, most reported first.
pub async fn for_moderation(db: &Database, limit: u64) -> Result<Vec<ReviewRow>, StoreError> {
    Ok(ReviewRow::find_by_statement(statement(
        db.backend(),
        &format!(
            "SELECT {COLUMNS} FROM reviews WHERE report_count > 0 OR hidden_at IS NOT NULL \
             ORDER BY (CASE WHEN hidden_at IS NULL THEN 0 ELSE 1 END), report_count DESC, \
             created_at DESC LIMIT $1"
        ),
        vec![super::limit(limit)],
    ))
    .all(db.conn())
    .await?)
}

/// How an expert's visible reviews spread over one to five stars.
pub async fn summary(db: &Database, expert: Uuid) -> Result<RatingSummary, StoreError> {
    summary_in(db.backend(), db.conn(), expert).await
}

async fn summary_in<C: ConnectionTrait>(
    backend: Backend,
    conn: &C,
    expert: Uuid,
) -> Result<RatingSummary, StoreError> {
    #[derive(FromQueryResult)]
    struct Row {
        rating: i32,
        n: i64,
    }
    let rows = Row::find_by_statement(statement(
        backend,
        "SELECT rating, COUNT(*) AS n FROM reviews WHERE expert_id = $1 AND hidden_at IS NULL \
         GROUP BY rating",
        vec![expert.into()],
    ))
    .all(conn)
    .await?;
    let mut summary = RatingSummary::default();
    for row in rows {
        if let Some(slot) = usize::try_from(row.rating - 1)
            .ok()
            .and_then(|i| summary.by_stars.get_mut(i))
        {
            *slot += row.n;
        }
    }
    Ok(summary)
}

/// Counts the expert's visible reviews again into their profile's rating columns (what
/// cards show and the directory filters and sorts by; see `domain::learning::rating`).
async fn recount<C: ConnectionTrait>(
    backend: Backend,
    conn: &C,
    expert: Uuid,
) -> Result<(), StoreError> {
    let summary = summary_in(backend, conn, expert).await?;
    conn.execute_raw(statement(
        backend,
        "UPDATE expert_profiles SET rating_centi = $1, rating_count = $2, rank_rating = $3 \
         WHERE user_id = $4",
        vec![
            i32::try_from(summary.average_centi()).unwrap_or(0).into(),
            i32::try_from(summary.count()).unwrap_or(i32::MAX).into(),
            (-summary.bayesian_score()).into(),
            expert.into(),
        ],
    ))
    .await?;
    Ok(())
}

/// Counts every expert's rating again (after the demo seed writes reviews directly, or
/// when the formula changes).
pub async fn recount_all(db: &Database) -> Result<(), StoreError> {
    #[derive(FromQueryResult)]
    struct Row {
        user_id: Uuid,
    }
    let experts = Row::find_by_statement(statement(
        db.backend(),
        "SELECT user_id FROM expert_profiles",
        vec![],
    ))
    .all(db.conn())
    .await?;
    let txn = db.begin_write().await?;
    for e in experts {
        recount(db.backend(), &txn, e.user_id).await?;
    }
    txn.commit().await?;
    Ok(())
}
