//! Refunds decided for bookings, and what the payment provider did with each. A refund is
//! inserted `pending` in the transaction that decides it (with its ledger journal and the
//! job that asks the provider); the job marks it `sent` with the provider's id. While the
//! provider refuses (or is still sending it), it stays `pending` with the reason in
//! `failure`, and its job retries until an operator sees it dead in `/admin/jobs`.

use jiff::Timestamp;
use sea_orm::{ConnectionTrait, DatabaseTransaction, FromQueryResult};
use uuid::Uuid;

use crate::instant::secs;
use crate::ledger::Posting;
use crate::sql::statement;
use crate::{Database, StoreError};

/// A refund to decide.
#[derive(Debug, Clone)]
pub struct NewRefund {
    /// Also the provider's idempotency key: a retried request makes one refund.
    pub id: Uuid,
    /// Minor units of the booking's currency.
    pub amount: i64,
    /// The booking's currency.
    pub currency: String,
    /// Why (shown to operators and on receipts).
    pub reason: String,
}

/// A stored refund.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct Refund {
    pub id: Uuid,
    pub booking_id: Uuid,
    pub amount: i64,
    pub currency: String,
    /// `pending`, `sent` or `failed`.
    pub status: String,
    pub provider_ref: Option<String>,
    pub reason: Option<String>,
    pub failure: Option<String>,
    pub created_at: i64,
}

const COLUMNS: &str =
    "id, booking_id, amount, currency, status, provider_ref, reason, failure, created_at";

/// Inserts a pending refund for `booking` in `txn`.
pub async fn insert_in(
    db: &Database,
    txn: &DatabaseTransaction,
    booking: Uuid,
    refund: &NewRefund,
    now: Timestamp,
) -> Result<(), StoreError> {
    txn.execute_raw(statement(
        db.backend(),
        "INSERT INTO refunds (id, booking_id, amount, currency, status, provider_ref, reason, \
         failure, created_at, updated_at) VALUES ($1, $2, $3, $4, 'pending', NULL, $5, NULL, \
         $6, $6)",
        vec![
            refund.id.into(),
            booking.into(),
            refund.amount.into(),
            refund.currency.clone().into(),
            refund.reason.clone().into(),
            secs(now),
        ],
    ))
    .await?;
    Ok(())
}

/// One refund by id.
pub async fn find(db: &Database, id: Uuid) -> Result<Option<Refund>, StoreError> {
    Ok(Refund::find_by_statement(statement(
        db.backend(),
        &format!("SELECT {COLUMNS} FROM refunds WHERE id = $1"),
        vec![id.into()],
    ))
    .one(db.conn())
    .await?)
}

/// A booking's refunds, oldest first.
pub async fn for_booking(db: &Database, booking: Uuid) -> Result<Vec<Refund>, StoreError> {
    Ok(Refund::find_by_statement(statement(
        db.backend(),
        &format!("SELECT {COLUMNS} FROM refunds WHERE booking_id = $1 ORDER BY created_at, id"),
        vec![booking.into()],
    ))
    .all(db.conn())
    .await?)
}

/// Marks a pending refund sent by the provider (as `provider_ref`) and records the money
/// leaving, in one transaction. False when it was not pending (sent already).
pub async fn mark_sent(
    db: &Database,
    id: Uuid,
    provider_ref: &str,
    posting: &Posting,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let mark = statement(
        db.backend(),
        "UPDATE refunds SET status = 'sent', provider_ref = $2, failure = NULL, \
         updated_at = $3 WHERE id = $1 AND status = 'pending'",
        vec![id.into(), provider_ref.into(), secs(now)],
    );
    crate::ledger::mark_and_post(db, mark, posting, &[], now).await
}

/// Notes why the provider refused a pending refund (it stays pending for an operator).
pub async fn note_failure(
    db: &Database,
    id: Uuid,
    failure: &str,
    now: Timestamp,
) -> Result<(), StoreError> {
    db.conn()
        .execute_raw(statement(
            db.backend(),
            "UPDATE refunds SET failure = $2, updated_at = $3 WHERE id = $1 AND status = 'pending'",
            vec![
                id.into(),
                failure.chars().take(500).collect::<String>().into(),
                secs(now),
            ],
        ))
        .await?;
    Ok(())
}

/// What became of a refund made at the provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum External {
    /// Recorded now.
    Recorded,
    /// Recorded before (reported twice).
    Known,
    /// The booking's refunded amount changed since it was read: read again and retry.
    Raced,
}

/// Records a refund the provider made without Mentora asking (in its dashboard): decided
/// and sent at once, added to the booking's refunded amount (if that is still
/// `refunded_before`, which its journals were computed from), both journals posted, in one
/// transaction.
pub async fn record_external(
    db: &Database,
    booking: Uuid,
    refunded_before: i64,
    refund: &NewRefund,
    provider_ref: &str,
    postings: &[Posting],
    now: Timestamp,
) -> Result<External, StoreError> {
    let txn = db.begin_write().await?;
    let inserted = txn
        .execute_raw(statement(
            db.backend(),
            "INSERT INTO refunds (id, booking_id, amount, currency, status, provider_ref, \
             reason, failure, created_at, updated_at) VALUES ($1, $2, $3, $4, 'sent', $5, $6, \
             NULL, $7, $7) ON CONFLICT (provider_ref) DO NOTHING",
            vec![
                refund.id.into(),
                booking.into(),
                refund.amount.into(),
                refund.currency.clone().into(),
                provider_ref.into(),
                refund.reason.clone().into(),
                secs(now),
            ],
        ))
        .await?
        .rows_affected();
    if inserted != 1 {
        txn.rollback().await?;
        return Ok(External::Known);
    }
    let updated = crate::bookings::Changed::find_by_statement(statement(
        db.backend(),
        "UPDATE bookings SET refunded_amount = refunded_amount + $2, updated_at = $3 \
         WHERE id = $1 AND refunded_amount = $4 RETURNING learner_id, expert_id",
        vec![
            booking.into(),
            refund.amount.into(),
            secs(now),
            refunded_before.into(),
        ],
    ))
    .one(&txn)
    .await?;
    let Some(updated) = updated else {
        txn.rollback().await?;
        return Ok(External::Raced);
    };
    for posting in postings {
        crate::ledger::post_in(db, &txn, posting, now).await?;
    }
    txn.commit().await?;
    crate::bookings::announce(db, &[updated.parties()]).await;
    Ok(External::Recorded)
}

/// Every refund still waiting for the provider, oldest first.
pub async fn pending(db: &Database, limit: u64) -> Result<Vec<Refund>, StoreError> {
    Ok(Refund::find_by_statement(statement(
        db.backend(),
        &format!(
            "SELECT {COLUMNS} FROM refunds WHERE status = 'pending' ORDER BY created_at, id \
             LIMIT $1"
        ),
        vec![i64::try_from(limit).unwrap_or(i64::MAX).into()],
    ))
    .all(db.conn())
    .await?)
}

/// Every refund of a session (all bookings of its series: a move carries the payment to
/// the booking that replaces the old one), oldest first.
pub async fn for_series(db: &Database, series: Uuid) -> Result<Vec<Refund>, StoreError> {
    Ok(Refund::find_by_statement(statement(
        db.backend(),
        "SELECT r.id, r.booking_id, r.amount, r.currency, r.status, r.provider_ref, r.reason, \
         r.failure, r.created_at FROM refunds r JOIN bookings b ON b.id = r.booking_id \
         WHERE b.series_id = $1 ORDER BY r.created_at, r.id",
        vec![series.into()],
    ))
    .all(db.conn())
    .await?)
}
