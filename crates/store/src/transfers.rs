//! Transfers of experts' shares to their connected accounts, and their reversals. A
//! transfer is inserted `pending` with the job that asks the provider for it (one pending
//! per booking: a unique index), and marked `sent` together with its ledger journal. A
//! reversal is keyed by its cause, inserted `pending` before the provider is asked (so a
//! retry asks with the same id), and marked `sent` with its journal and the transfer's
//! reversed amount in one transaction.

use jiff::Timestamp;
use sea_orm::{ConnectionTrait, FromQueryResult};
use uuid::Uuid;

use crate::instant::secs;
use crate::jobs::NewJob;
use crate::ledger::Posting;
use crate::sql::statement;
use crate::{Database, StoreError};

/// A booking whose expert is owed their share and may be paid now.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct Due {
    pub booking_id: Uuid,
    pub expert_id: Uuid,
    /// The expert's connected account.
    pub destination: String,
    pub currency: String,
    /// What the ledger says is owed for the booking, in minor units (positive).
    pub owed: i64,
}

/// Bookings whose outcome pays the expert (the session's money summed over every booking
/// of its series: a move carries the payment on) (completed, the learner's no-show, a dispute settled for the
/// expert), last changed at or before `settled_before` (the dispute
/// window has passed), with money owed in the ledger, no transfer on its way, no open
/// chargeback, and an expert whose payouts are enabled. An expert whose payouts are not
/// enabled accrues: their bookings come due the first sweep after they are.
pub async fn due(
    db: &Database,
    settled_before: Timestamp,
    limit: u64,
) -> Result<Vec<Due>, StoreError> {
    Ok(Due::find_by_statement(statement(
        db.backend(),
        "SELECT b.id AS booking_id, b.expert_id, p.payout_account_id AS destination, \
         b.currency, CAST(-SUM(l.amount) AS BIGINT) AS owed \
         FROM bookings b \
         JOIN expert_profiles p ON p.user_id = b.expert_id \
         JOIN bookings s ON s.series_id = b.series_id \
         JOIN ledger_journals j ON j.booking_id = s.id \
         JOIN ledger_lines l ON l.journal_id = j.id AND l.account LIKE 'expert:%:payable' \
         WHERE b.status IN ('completed', 'no_show_learner', 'resolved') \
         AND b.updated_at <= $1 \
         AND p.payout_payouts_enabled AND p.payout_account_id IS NOT NULL \
         AND NOT EXISTS (SELECT 1 FROM transfers t WHERE t.booking_id = b.id \
                         AND t.status = 'pending') \
         AND NOT EXISTS (SELECT 1 FROM disputes d WHERE d.booking_id = b.id \
                         AND d.outcome IS NULL) \
         GROUP BY b.id, b.expert_id, p.payout_account_id, b.currency \
         HAVING SUM(l.amount) < 0 ORDER BY b.id LIMIT $2",
        vec![
            secs(settled_before),
            i64::try_from(limit).unwrap_or(i64::MAX).into(),
        ],
    ))
    .all(db.conn())
    .await?)
}

/// A stored transfer.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct Transfer {
    pub id: Uuid,
    pub booking_id: Uuid,
    pub expert_id: Uuid,
    pub destination: String,
    pub amount: i64,
    pub currency: String,
    /// `pending` or `sent`.
    pub status: String,
    pub provider_ref: Option<String>,
    pub reversed_amount: i64,
    pub failure: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

const COLUMNS: &str = "id, booking_id, expert_id, destination, amount, currency, status, \
                       provider_ref, reversed_amount, failure, created_at, updated_at";

/// Inserts a pending transfer of `due.owed` with the job that sends it. False when one is
/// on its way for the booking already.
pub async fn insert(
    db: &Database,
    id: Uuid,
    due: &Due,
    job: &NewJob,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let txn = db.begin_write().await?;
    let added = txn
        .execute_raw(statement(
            db.backend(),
            "INSERT INTO transfers (id, booking_id, expert_id, destination, amount, currency, \
             status, provider_ref, reversed_amount, failure, created_at, updated_at) VALUES \
             ($1, $2, $3, $4, $5, $6, 'pending', NULL, 0, NULL, $7, $7) ON CONFLICT DO NOTHING",
            vec![
                id.into(),
                due.booking_id.into(),
                due.expert_id.into(),
                due.destination.clone().into(),
                due.owed.into(),
                due.currency.clone().into(),
                secs(now),
            ],
        ))
        .await?
        .rows_affected();
    if added != 1 {
        txn.rollback().await?;
        return Ok(false);
    }
    crate::jobs::enqueue_in(db, &txn, job).await?;
    txn.commit().await?;
    Ok(true)
}

/// One transfer by id.
pub async fn find(db: &Database, id: Uuid) -> Result<Option<Transfer>, StoreError> {
    Ok(Transfer::find_by_statement(statement(
        db.backend(),
        &format!("SELECT {COLUMNS} FROM transfers WHERE id = $1"),
        vec![id.into()],
    ))
    .one(db.conn())
    .await?)
}

/// The transfer the provider knows as `provider_ref`.
pub async fn with_provider_ref(
    db: &Database,
    provider_ref: &str,
) -> Result<Option<Transfer>, StoreError> {
    Ok(Transfer::find_by_statement(statement(
        db.backend(),
        &format!("SELECT {COLUMNS} FROM transfers WHERE provider_ref = $1"),
        vec![provider_ref.into()],
    ))
    .one(db.conn())
    .await?)
}

/// A booking's transfers, oldest first.
pub async fn for_booking(db: &Database, booking: Uuid) -> Result<Vec<Transfer>, StoreError> {
    Ok(Transfer::find_by_statement(statement(
        db.backend(),
        &format!("SELECT {COLUMNS} FROM transfers WHERE booking_id = $1 ORDER BY created_at, id"),
        vec![booking.into()],
    ))
    .all(db.conn())
    .await?)
}

/// An expert's transfers, newest first.
pub async fn for_expert(
    db: &Database,
    expert: Uuid,
    limit: u64,
) -> Result<Vec<Transfer>, StoreError> {
    Ok(Transfer::find_by_statement(statement(
        db.backend(),
        &format!(
            "SELECT {COLUMNS} FROM transfers WHERE expert_id = $1 \
             ORDER BY created_at DESC, id LIMIT $2"
        ),
        vec![
            expert.into(),
            i64::try_from(limit).unwrap_or(i64::MAX).into(),
        ],
    ))
    .all(db.conn())
    .await?)
}

/// Transfers not yet made, and those that failed last, oldest first (for operators).
pub async fn waiting(db: &Database, limit: u64) -> Result<Vec<Transfer>, StoreError> {
    Ok(Transfer::find_by_statement(statement(
        db.backend(),
        &format!(
            "SELECT {COLUMNS} FROM transfers WHERE status = 'pending' \
             ORDER BY created_at, id LIMIT $1"
        ),
        vec![i64::try_from(limit).unwrap_or(i64::MAX).into()],
    ))
    .all(db.conn())
    .await?)
}

/// Marks a pending transfer made (as `provider_ref`), records the money leaving and
/// enqueues `notice` (telling the expert), in one transaction. False when it was not
/// pending.
pub async fn mark_sent(
    db: &Database,
    id: Uuid,
    provider_ref: &str,
    posting: &Posting,
    notice: &NewJob,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let txn = db.begin_write().await?;
    let marked = txn
        .execute_raw(statement(
            db.backend(),
            "UPDATE transfers SET status = 'sent', provider_ref = $2, failure = NULL, \
             updated_at = $3 WHERE id = $1 AND status = 'pending'",
            vec![id.into(), provider_ref.into(), secs(now)],
        ))
        .await?
        .rows_affected();
    if marked != 1 {
        txn.rollback().await?;
        return Ok(false);
    }
    crate::ledger::post_in(db, &txn, posting, now).await?;
    crate::jobs::enqueue_in(db, &txn, notice).await?;
    txn.commit().await?;
    Ok(true)
}

/// Notes why the provider refused a pending transfer; it stays pending and its job retries.
pub async fn note_failure(
    db: &Database,
    id: Uuid,
    failure: &str,
    now: Timestamp,
) -> Result<(), StoreError> {
    db.conn()
        .execute_raw(statement(
            db.backend(),
            "UPDATE transfers SET failure = $2, updated_at = $3 WHERE id = $1 \
             AND status = 'pending'",
            vec![
                id.into(),
                failure.chars().take(500).collect::<String>().into(),
                secs(now),
            ],
        ))
        .await?;
    Ok(())
}

/// A stored reversal.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct Reversal {
    pub id: Uuid,
    pub transfer_id: Uuid,
    /// What made it (`refund:{id}@{transfer}`, `dispute:{id}@{transfer}`…).
    pub cause: String,
    pub amount: i64,
    /// `pending` or `sent`.
    pub status: String,
    pub provider_ref: Option<String>,
}

/// The reversal decided for `cause`, deciding it (pending, of `amount` from `transfer`)
/// when it is new. The amount of an existing one stands: a retry asks the provider again
/// with the same id and amount.
pub async fn reversal_for(
    db: &Database,
    cause: &str,
    transfer: Uuid,
    amount: i64,
    now: Timestamp,
) -> Result<Reversal, StoreError> {
    db.conn()
        .execute_raw(statement(
            db.backend(),
            "INSERT INTO transfer_reversals (id, transfer_id, cause, amount, status, \
             provider_ref, created_at, updated_at) VALUES ($1, $2, $3, $4, 'pending', NULL, \
             $5, $5) ON CONFLICT (cause) DO NOTHING",
            vec![
                db.new_id().into(),
                transfer.into(),
                cause.into(),
                amount.into(),
                secs(now),
            ],
        ))
        .await?;
    Reversal::find_by_statement(statement(
        db.backend(),
        "SELECT id, transfer_id, cause, amount, status, provider_ref FROM transfer_reversals \
         WHERE cause = $1",
        vec![cause.into()],
    ))
    .one(db.conn())
    .await?
    .ok_or_else(|| StoreError::Corrupt(format!("reversal {cause} vanished")))
}

/// Marks a pending reversal made, adds it to its transfer's reversed amount and records
/// the money coming back, in one transaction. False when it was not pending.
pub async fn mark_reversed(
    db: &Database,
    reversal: &Reversal,
    provider_ref: &str,
    posting: &Posting,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let txn = db.begin_write().await?;
    let marked = txn
        .execute_raw(statement(
            db.backend(),
            "UPDATE transfer_reversals SET status = 'sent', provider_ref = $2, updated_at = $3 \
             WHERE id = $1 AND status = 'pending'",
            vec![reversal.id.into(), provider_ref.into(), secs(now)],
        ))
        .await?
        .rows_affected();
    if marked != 1 {
        txn.rollback().await?;
        return Ok(false);
    }
    txn.execute_raw(statement(
        db.backend(),
        "UPDATE transfers SET reversed_amount = reversed_amount + $2, updated_at = $3 \
         WHERE id = $1",
        vec![
            reversal.transfer_id.into(),
            reversal.amount.into(),
            secs(now),
        ],
    ))
    .await?;
    crate::ledger::post_in(db, &txn, posting, now).await?;
    txn.commit().await?;
    Ok(true)
}

/// Whether a reversal of transfer `id` is decided and not yet made.
pub async fn reversals_pending(db: &Database, id: Uuid) -> Result<bool, StoreError> {
    #[derive(FromQueryResult)]
    struct Count {
        n: i64,
    }
    let count = Count::find_by_statement(statement(
        db.backend(),
        "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM transfer_reversals \
         WHERE transfer_id = $1 AND status = 'pending'",
        vec![id.into()],
    ))
    .one(db.conn())
    .await?;
    Ok(count.is_some_and(|c| c.n > 0))
}
