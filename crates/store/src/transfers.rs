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
    /// `pending`, `sent`, or `cancelled` (nothing was owed any more when it was to be
    /// asked for).
    pub status: String,
    pub provider_ref: Option<String>,
    pub reversed_amount: i64,
    /// When the provider was first asked for it (Unix seconds): the amount is fixed since.
    pub asked_at: Option<i64>,
    pub failure: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

const COLUMNS: &str = "id, booking_id, expert_id, destination, amount, currency, status, \
                       provider_ref, reversed_amount, asked_at, failure, created_at, updated_at";

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
             status, provider_ref, reversed_amount, asked_at, failure, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, 'pending', NULL, 0, NULL, NULL, $7, $7) \
             ON CONFLICT DO NOTHING",
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
    let mark = statement(
        db.backend(),
        "UPDATE transfers SET status = 'sent', provider_ref = $2, failure = NULL, \
         updated_at = $3 WHERE id = $1 AND status = 'pending'",
        vec![id.into(), provider_ref.into(), secs(now)],
    );
    crate::ledger::mark_and_post(db, mark, posting, &[notice], now).await
}

/// Fixes a pending transfer's amount as it is first asked for. False when it was asked
/// for before (its amount stands) or is no longer pending.
pub async fn ask(db: &Database, id: Uuid, amount: i64, now: Timestamp) -> Result<bool, StoreError> {
    let fixed = db
        .conn()
        .execute_raw(statement(
            db.backend(),
            "UPDATE transfers SET amount = $2, asked_at = $3, updated_at = $3 WHERE id = $1 \
             AND status = 'pending' AND asked_at IS NULL",
            vec![id.into(), amount.into(), secs(now)],
        ))
        .await?
        .rows_affected();
    Ok(fixed == 1)
}

/// Cancels a pending transfer never asked for (nothing is owed any more).
pub async fn cancel(db: &Database, id: Uuid, now: Timestamp) -> Result<bool, StoreError> {
    let cancelled = db
        .conn()
        .execute_raw(statement(
            db.backend(),
            "UPDATE transfers SET status = 'cancelled', updated_at = $2 WHERE id = $1 \
             AND status = 'pending' AND asked_at IS NULL",
            vec![id.into(), secs(now)],
        ))
        .await?
        .rows_affected();
    Ok(cancelled == 1)
}

/// Cancels a pending transfer the provider refused outright (it made none: a retry with
/// the same parameters would have replayed a transfer it had made), noting why; the next
/// sweep decides a new one if anything is still owed.
pub async fn cancel_refused(
    db: &Database,
    id: Uuid,
    failure: &str,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let cancelled = db
        .conn()
        .execute_raw(statement(
            db.backend(),
            "UPDATE transfers SET status = 'cancelled', failure = $2, updated_at = $3 \
             WHERE id = $1 AND status = 'pending'",
            vec![
                id.into(),
                failure.chars().take(500).collect::<String>().into(),
                secs(now),
            ],
        ))
        .await?
        .rows_affected();
    Ok(cancelled == 1)
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

/// How much of a transfer a reversal takes back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Take {
    /// All of it not yet reversed (or on its way back): a chargeback is open.
    Rest,
    /// What the expert was paid for the session beyond what they now earn, less what is
    /// already on its way back.
    Excess,
    /// Exactly this much (a reversal made at the provider).
    Exactly(i64),
}

const REVERSAL_COLUMNS: &str = "id, transfer_id, cause, amount, status, provider_ref";

/// The reversal of `transfer` for `cause`: the one decided before, or one decided now of
/// what `take` comes to (none when that is nothing). Decided in one write transaction that
/// first takes the session's transfer rows, so two causes deciding at once cannot both
/// take back the same excess.
pub async fn decide_reversal(
    db: &Database,
    cause: &str,
    transfer: &Transfer,
    series: Uuid,
    take: Take,
    now: Timestamp,
) -> Result<Option<Reversal>, StoreError> {
    let txn = db.begin_write().await?;
    // A no-op write: the row lock (PostgreSQL) or the write lock (SQLite) serialises
    // decisions for the booking.
    txn.execute_raw(statement(
        db.backend(),
        "UPDATE transfers SET updated_at = updated_at WHERE booking_id = $1",
        vec![transfer.booking_id.into()],
    ))
    .await?;
    let known = Reversal::find_by_statement(statement(
        db.backend(),
        &format!("SELECT {REVERSAL_COLUMNS} FROM transfer_reversals WHERE cause = $1"),
        vec![cause.into()],
    ))
    .one(&txn)
    .await?;
    if known.is_some() {
        txn.commit().await?;
        return Ok(known);
    }
    #[derive(FromQueryResult)]
    struct Sum {
        total: Option<i64>,
    }
    let pending_sum =
        |sql: &str, id: Uuid| Sum::find_by_statement(statement(db.backend(), sql, vec![id.into()]));
    let pending_here = pending_sum(
        "SELECT CAST(SUM(amount) AS BIGINT) AS total FROM transfer_reversals \
         WHERE transfer_id = $1 AND status = 'pending'",
        transfer.id,
    )
    .one(&txn)
    .await?
    .and_then(|s| s.total)
    .unwrap_or(0);
    let reversed: i64 = Sum::find_by_statement(statement(
        db.backend(),
        "SELECT reversed_amount AS total FROM transfers WHERE id = $1",
        vec![transfer.id.into()],
    ))
    .one(&txn)
    .await?
    .and_then(|s| s.total)
    .unwrap_or(0);
    let left = transfer.amount - reversed - pending_here;
    let amount = match take {
        Take::Rest => left,
        Take::Exactly(amount) => amount,
        Take::Excess => {
            let owed = crate::ledger::owed_for_session_in(db, &txn, series).await?;
            let on_its_way = pending_sum(
                "SELECT CAST(SUM(r.amount) AS BIGINT) AS total FROM transfer_reversals r \
                 JOIN transfers t ON t.id = r.transfer_id \
                 WHERE t.booking_id = $1 AND r.status = 'pending'",
                transfer.booking_id,
            )
            .one(&txn)
            .await?
            .and_then(|s| s.total)
            .unwrap_or(0);
            (-owed - on_its_way).min(left)
        }
    };
    if amount <= 0 {
        txn.commit().await?;
        return Ok(None);
    }
    let id = db.new_id();
    txn.execute_raw(statement(
        db.backend(),
        "INSERT INTO transfer_reversals (id, transfer_id, cause, amount, status, \
         provider_ref, created_at, updated_at) VALUES ($1, $2, $3, $4, 'pending', NULL, $5, $5)",
        vec![
            id.into(),
            transfer.id.into(),
            cause.into(),
            amount.into(),
            secs(now),
        ],
    ))
    .await?;
    txn.commit().await?;
    Ok(Some(Reversal {
        id,
        transfer_id: transfer.id,
        cause: cause.to_owned(),
        amount,
        status: "pending".into(),
        provider_ref: None,
    }))
}

/// The reversals of a booking's transfers Mentora decided and has not yet made, oldest
/// first (a reversal made at the provider is only being recorded, never asked for).
pub async fn pending_reversals(db: &Database, booking: Uuid) -> Result<Vec<Reversal>, StoreError> {
    Ok(Reversal::find_by_statement(statement(
        db.backend(),
        "SELECT r.id, r.transfer_id, r.cause, r.amount, r.status, r.provider_ref \
         FROM transfer_reversals r JOIN transfers t ON t.id = r.transfer_id \
         WHERE t.booking_id = $1 AND r.status = 'pending' AND r.cause NOT LIKE 'provider:%' \
         ORDER BY r.created_at, r.id",
        vec![booking.into()],
    ))
    .all(db.conn())
    .await?)
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
    mark_reversed_if(db, reversal, provider_ref, posting, None, now).await
}

/// The same, only while the transfer's reversed amount is still `seen` (when given): a
/// reversal reported by the provider is counted against what was known when it was read.
pub async fn mark_reversed_if(
    db: &Database,
    reversal: &Reversal,
    provider_ref: &str,
    posting: &Posting,
    seen: Option<i64>,
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
    let guard = if seen.is_some() {
        " AND reversed_amount = $4"
    } else {
        ""
    };
    let added = txn
        .execute_raw(statement(
            db.backend(),
            &format!(
                "UPDATE transfers SET reversed_amount = reversed_amount + $2, updated_at = $3 \
                 WHERE id = $1{guard}"
            ),
            vec![
                reversal.transfer_id.into(),
                reversal.amount.into(),
                secs(now),
                seen.unwrap_or(0).into(),
            ],
        ))
        .await?
        .rows_affected();
    if added != 1 {
        txn.rollback().await?;
        return Ok(false);
    }
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
