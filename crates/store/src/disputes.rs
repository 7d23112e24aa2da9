//! Chargebacks: a learner's bank disputes a payment. Recorded once by the provider's id
//! with the ledger journal of the money it took back, and closed once with the journal of
//! how it ended, each in one transaction.

use jiff::Timestamp;
use sea_orm::{ConnectionTrait, FromQueryResult};
use uuid::Uuid;

use crate::instant::secs;
use crate::ledger::Posting;
use crate::sql::statement;
use crate::{Database, StoreError};

/// A stored dispute.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct Dispute {
    /// The provider's id (`dp_…`).
    pub id: String,
    pub booking_id: Uuid,
    /// Minor units of `currency`.
    pub amount: i64,
    pub currency: String,
    /// The provider's status, as last reported.
    pub status: String,
    /// The bank's reason.
    pub reason: String,
    /// `won` or `lost` once closed.
    pub outcome: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

const COLUMNS: &str =
    "id, booking_id, amount, currency, status, reason, outcome, created_at, updated_at";

/// Records a dispute opened, with the journal of the money taken back. False when it was
/// recorded before (its status is brought up to date, nothing else).
pub async fn opened(
    db: &Database,
    dispute: &Dispute,
    posting: &Posting,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let txn = db.begin_write().await?;
    let added = txn
        .execute_raw(statement(
            db.backend(),
            "INSERT INTO disputes (id, booking_id, amount, currency, status, reason, outcome, \
             created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, NULL, $7, $7) \
             ON CONFLICT (id) DO NOTHING",
            vec![
                dispute.id.clone().into(),
                dispute.booking_id.into(),
                dispute.amount.into(),
                dispute.currency.clone().into(),
                dispute.status.clone().into(),
                dispute.reason.clone().into(),
                secs(now),
            ],
        ))
        .await?
        .rows_affected();
    if added == 1 {
        crate::ledger::post_in(db, &txn, posting, now).await?;
    } else {
        txn.execute_raw(statement(
            db.backend(),
            "UPDATE disputes SET status = $2, updated_at = $3 WHERE id = $1 AND outcome IS NULL",
            vec![
                dispute.id.clone().into(),
                dispute.status.clone().into(),
                secs(now),
            ],
        ))
        .await?;
    }
    txn.commit().await?;
    Ok(added == 1)
}

/// Closes an open dispute as `outcome` (`won` or `lost`) with its journal. False when it
/// was closed before or is not known.
pub async fn closed(
    db: &Database,
    id: &str,
    status: &str,
    outcome: &str,
    posting: &Posting,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let mark = statement(
        db.backend(),
        "UPDATE disputes SET status = $2, outcome = $3, updated_at = $4 \
         WHERE id = $1 AND outcome IS NULL",
        vec![id.into(), status.into(), outcome.into(), secs(now)],
    );
    crate::ledger::mark_and_post(db, mark, posting, &[], now).await
}

/// One dispute by the provider's id.
pub async fn find(db: &Database, id: &str) -> Result<Option<Dispute>, StoreError> {
    Ok(Dispute::find_by_statement(statement(
        db.backend(),
        &format!("SELECT {COLUMNS} FROM disputes WHERE id = $1"),
        vec![id.into()],
    ))
    .one(db.conn())
    .await?)
}

/// A booking's disputes, oldest first.
pub async fn for_booking(db: &Database, booking: Uuid) -> Result<Vec<Dispute>, StoreError> {
    Ok(Dispute::find_by_statement(statement(
        db.backend(),
        &format!("SELECT {COLUMNS} FROM disputes WHERE booking_id = $1 ORDER BY created_at, id"),
        vec![booking.into()],
    ))
    .all(db.conn())
    .await?)
}

/// Open disputes first, then the latest closed ones, for operators.
pub async fn recent(db: &Database, limit: u64) -> Result<Vec<Dispute>, StoreError> {
    Ok(Dispute::find_by_statement(statement(
        db.backend(),
        &format!(
            "SELECT {COLUMNS} FROM disputes \
             ORDER BY CASE WHEN outcome IS NULL THEN 0 ELSE 1 END, updated_at DESC, id LIMIT $1"
        ),
        vec![i64::try_from(limit).unwrap_or(i64::MAX).into()],
    ))
    .all(db.conn())
    .await?)
}
