//! The append-only journal (`domain::payment::ledger`): journals are recorded inside the
//! transaction of the change that moves the money, once per key; balances and the trial
//! balance are sums over the lines. The tables refuse UPDATE and DELETE (triggers).

use domain::payment::Journal;
use jiff::Timestamp;
use sea_orm::{ConnectionTrait, DatabaseTransaction, FromQueryResult};
use uuid::Uuid;

use crate::instant::secs;
use crate::sql::statement;
use crate::{Database, StoreError};

/// A journal to record, with the booking it belongs to.
#[derive(Debug, Clone)]
pub struct Posting {
    /// The balanced lines and their unique key.
    pub journal: Journal,
    /// The booking whose money moved, if any.
    pub booking_id: Option<Uuid>,
}

/// Records `posting` in `txn`. False when a journal with its key is recorded already (the
/// same movement reported twice): nothing is added.
pub async fn post_in(
    db: &Database,
    txn: &DatabaseTransaction,
    posting: &Posting,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let journal_id = db.new_id();
    let journal = &posting.journal;
    let added = txn
        .execute_raw(statement(
            db.backend(),
            "INSERT INTO ledger_journals (id, key, kind, currency, booking_id, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (key) DO NOTHING",
            vec![
                journal_id.into(),
                journal.key.clone().into(),
                journal.kind.as_str().into(),
                journal.currency.as_str().into(),
                posting.booking_id.into(),
                secs(now),
            ],
        ))
        .await?
        .rows_affected();
    if added != 1 {
        return Ok(false);
    }
    for line in &journal.lines {
        txn.execute_raw(statement(
            db.backend(),
            "INSERT INTO ledger_lines (id, journal_id, account, currency, amount, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
            vec![
                db.new_id().into(),
                journal_id.into(),
                line.account.name().into(),
                journal.currency.as_str().into(),
                line.amount.into(),
                secs(now),
            ],
        ))
        .await?;
    }
    Ok(true)
}

/// Marks a movement done and records it, in one transaction: runs `mark` (an UPDATE
/// guarded so that it touches one row only while the movement is still to be recorded),
/// and only if it did, posts `posting` and enqueues `jobs`. False when `mark` touched no
/// row (recorded before): nothing is written.
pub async fn mark_and_post(
    db: &Database,
    mark: sea_orm::Statement,
    posting: &Posting,
    jobs: &[&crate::jobs::NewJob],
    now: Timestamp,
) -> Result<bool, StoreError> {
    let txn = db.begin_write().await?;
    if txn.execute_raw(mark).await?.rows_affected() != 1 {
        txn.rollback().await?;
        return Ok(false);
    }
    post_in(db, &txn, posting, now).await?;
    for job in jobs {
        crate::jobs::enqueue_in(db, &txn, job).await?;
    }
    txn.commit().await?;
    Ok(true)
}

/// Records `posting` in a transaction of its own.
pub async fn post(db: &Database, posting: &Posting, now: Timestamp) -> Result<bool, StoreError> {
    let txn = db.begin_write().await?;
    let added = post_in(db, &txn, posting, now).await?;
    txn.commit().await?;
    Ok(added)
}

/// One account's balance in one currency.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct Balance {
    /// The account's name (`platform:cash`, `expert:{id}:payable`, …).
    pub account: String,
    /// The currency.
    pub currency: String,
    /// The sum of its lines (debits positive).
    pub balance: i64,
}

/// Every account's balance per currency as of `at` (lines recorded up to and including
/// that second), accounts in name order. Summed over all accounts each currency is zero.
pub async fn trial_balance(db: &Database, at: Timestamp) -> Result<Vec<Balance>, StoreError> {
    Ok(Balance::find_by_statement(statement(
        db.backend(),
        "SELECT account, currency, CAST(SUM(amount) AS BIGINT) AS balance FROM ledger_lines \
         WHERE created_at <= $1 GROUP BY account, currency ORDER BY currency, account",
        vec![secs(at)],
    ))
    .all(db.conn())
    .await?)
}

/// One account's balance in `currency` as of `at`.
pub async fn balance(
    db: &Database,
    account: &str,
    currency: &str,
    at: Timestamp,
) -> Result<i64, StoreError> {
    #[derive(FromQueryResult)]
    struct Sum {
        balance: Option<i64>,
    }
    let sum = Sum::find_by_statement(statement(
        db.backend(),
        "SELECT CAST(SUM(amount) AS BIGINT) AS balance FROM ledger_lines \
         WHERE account = $1 AND currency = $2 AND created_at <= $3",
        vec![account.into(), currency.into(), secs(at)],
    ))
    .one(db.conn())
    .await?;
    Ok(sum.and_then(|s| s.balance).unwrap_or(0))
}

/// The lines recorded for one booking, oldest first: (journal kind, account, amount).
pub async fn for_booking(
    db: &Database,
    booking: Uuid,
) -> Result<Vec<(String, String, i64)>, StoreError> {
    #[derive(FromQueryResult)]
    struct Row {
        kind: String,
        account: String,
        amount: i64,
    }
    let rows = Row::find_by_statement(statement(
        db.backend(),
        "SELECT j.kind, l.account, l.amount FROM ledger_lines l \
         JOIN ledger_journals j ON j.id = l.journal_id WHERE j.booking_id = $1 \
         ORDER BY l.created_at, j.key, l.account",
        vec![booking.into()],
    ))
    .all(db.conn())
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| (r.kind, r.account, r.amount))
        .collect())
}

/// When the journal with `key` was recorded, if it was.
pub async fn recorded_at(db: &Database, key: &str) -> Result<Option<Timestamp>, StoreError> {
    #[derive(FromQueryResult)]
    struct At {
        created_at: i64,
    }
    let at = At::find_by_statement(statement(
        db.backend(),
        "SELECT created_at FROM ledger_journals WHERE key = $1",
        vec![key.into()],
    ))
    .one(db.conn())
    .await?;
    Ok(at.and_then(|a| Timestamp::from_second(a.created_at).ok()))
}

/// What the expert is owed for a session (every booking of `series`): minus the sum of
/// its lines on expert payable accounts, so positive while owed and negative when they
/// were paid more than they now earn.
pub async fn owed_for_session(db: &Database, series: Uuid) -> Result<i64, StoreError> {
    owed_for_session_in(db, db.conn(), series).await
}

/// The same, read through `conn` (inside a transaction).
pub async fn owed_for_session_in<C: ConnectionTrait>(
    db: &Database,
    conn: &C,
    series: Uuid,
) -> Result<i64, StoreError> {
    #[derive(FromQueryResult)]
    struct Sum {
        balance: Option<i64>,
    }
    let sum = Sum::find_by_statement(statement(
        db.backend(),
        "SELECT CAST(SUM(l.amount) AS BIGINT) AS balance FROM ledger_lines l \
         JOIN ledger_journals j ON j.id = l.journal_id \
         JOIN bookings b ON b.id = j.booking_id \
         WHERE b.series_id = $1 AND l.account LIKE 'expert:%:payable'",
        vec![series.into()],
    ))
    .one(conn)
    .await?;
    Ok(-sum.and_then(|s| s.balance).unwrap_or(0))
}

/// The money moved between `from` (inclusive) and `to` (exclusive), summed per currency,
/// journal kind and side (`cash`, `commission`, `expert`, `learner`, `other`): what
/// reports by period are computed from.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct Movement {
    pub currency: String,
    /// The journal kind (`payment`, `refund_sent`, `transfer`, …).
    pub kind: String,
    pub side: String,
    /// The sum of the lines (debits positive).
    pub amount: i64,
}

/// Every movement of the period, by currency, kind and side.
pub async fn movements(
    db: &Database,
    from: Timestamp,
    to: Timestamp,
) -> Result<Vec<Movement>, StoreError> {
    Ok(Movement::find_by_statement(statement(
        db.backend(),
        "SELECT l.currency, j.kind, \
         CASE WHEN l.account = 'platform:cash' THEN 'cash' \
              WHEN l.account = 'platform:commission' THEN 'commission' \
              WHEN l.account LIKE 'expert:%' THEN 'expert' \
              WHEN l.account LIKE 'learner:%' THEN 'learner' ELSE 'other' END AS side, \
         CAST(SUM(l.amount) AS BIGINT) AS amount \
         FROM ledger_lines l JOIN ledger_journals j ON j.id = l.journal_id \
         WHERE l.created_at >= $1 AND l.created_at < $2 \
         GROUP BY l.currency, j.kind, side ORDER BY l.currency, j.kind, side",
        vec![secs(from), secs(to)],
    ))
    .all(db.conn())
    .await?)
}

/// One run of the ledger check.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct Check {
    pub id: Uuid,
    pub checked_at: i64,
    pub ok: bool,
    /// What was found (each problem on its own line), or what was compared.
    pub detail: String,
}

/// Stores a run of the ledger check.
pub async fn record_check(
    db: &Database,
    ok: bool,
    detail: &str,
    now: Timestamp,
) -> Result<(), StoreError> {
    db.conn()
        .execute_raw(statement(
            db.backend(),
            "INSERT INTO ledger_checks (id, checked_at, ok, detail) VALUES ($1, $2, $3, $4)",
            vec![
                db.new_id().into(),
                secs(now),
                ok.into(),
                detail.chars().take(4000).collect::<String>().into(),
            ],
        ))
        .await?;
    Ok(())
}

/// The latest run of the ledger check, if any.
pub async fn last_check(db: &Database) -> Result<Option<Check>, StoreError> {
    Ok(Check::find_by_statement(statement(
        db.backend(),
        "SELECT id, checked_at, ok, detail FROM ledger_checks \
         ORDER BY checked_at DESC, id DESC LIMIT 1",
        vec![],
    ))
    .one(db.conn())
    .await?)
}

/// A session paid through a provider whose money moved since some instant.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct Moved {
    pub series_id: Uuid,
    pub payment_ref: String,
    pub currency: String,
}

/// Sessions paid through `provider` with a journal recorded at or after `since`.
pub async fn moved_since(
    db: &Database,
    provider: &str,
    since: Timestamp,
    limit: u64,
) -> Result<Vec<Moved>, StoreError> {
    Ok(Moved::find_by_statement(statement(
        db.backend(),
        "SELECT DISTINCT b.series_id, b.payment_ref, b.currency FROM ledger_journals j \
         JOIN bookings b ON b.id = j.booking_id WHERE j.created_at >= $1 \
         AND b.payment_provider = $2 AND b.payment_ref IS NOT NULL \
         ORDER BY b.series_id LIMIT $3",
        vec![
            secs(since),
            provider.into(),
            i64::try_from(limit).unwrap_or(i64::MAX).into(),
        ],
    ))
    .all(db.conn())
    .await?)
}

/// What the ledger says came in for a session (its payment journals on cash) and went back
/// to the learner (its sent refunds), in minor units.
pub async fn session_cash(db: &Database, series: Uuid) -> Result<(i64, i64), StoreError> {
    #[derive(FromQueryResult)]
    struct Sums {
        paid: Option<i64>,
        refunded: Option<i64>,
    }
    let sums = Sums::find_by_statement(statement(
        db.backend(),
        "SELECT CAST(SUM(CASE WHEN j.kind = 'payment' THEN l.amount ELSE 0 END) AS BIGINT) \
         AS paid, CAST(SUM(CASE WHEN j.kind = 'refund_sent' THEN -l.amount ELSE 0 END) \
         AS BIGINT) AS refunded FROM ledger_lines l \
         JOIN ledger_journals j ON j.id = l.journal_id \
         JOIN bookings b ON b.id = j.booking_id \
         WHERE b.series_id = $1 AND l.account = 'platform:cash'",
        vec![series.into()],
    ))
    .one(db.conn())
    .await?;
    Ok(sums.map_or((0, 0), |s| (s.paid.unwrap_or(0), s.refunded.unwrap_or(0))))
}
