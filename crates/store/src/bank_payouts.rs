//! Experts' payouts from their connected account to their bank, as the provider reports
//! them (Connect `payout.*` events). Mentora does not make these; it shows them to the
//! expert and tells them when one fails. Events may arrive in any order: an older report
//! never overwrites a newer one.

use jiff::Timestamp;
use sea_orm::{ConnectionTrait, FromQueryResult};
use uuid::Uuid;

use crate::instant::secs;
use crate::sql::statement;
use crate::{Database, StoreError};

/// A payout as last reported.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct BankPayout {
    /// The provider's id (`po_…`).
    pub id: String,
    pub expert_id: Uuid,
    /// Minor units of `currency`.
    pub amount: i64,
    pub currency: String,
    /// `paid`, `failed`, `pending`, `in_transit` or `canceled`.
    pub status: String,
    /// When the bank receives it (Unix seconds).
    pub arrival_at: i64,
    pub failure: Option<String>,
    /// When the provider reported this state (Unix seconds).
    pub reported_at: i64,
}

/// What storing a report changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reported {
    /// Stored; the status known before, if the payout was known.
    Changed { before: Option<String> },
    /// A newer report was stored already.
    Stale,
}

/// Stores a report unless a newer one is stored.
pub async fn report(
    db: &Database,
    payout: &BankPayout,
    now: Timestamp,
) -> Result<Reported, StoreError> {
    #[derive(FromQueryResult)]
    struct Known {
        status: String,
    }
    let before = Known::find_by_statement(statement(
        db.backend(),
        "SELECT status FROM bank_payouts WHERE id = $1",
        vec![payout.id.clone().into()],
    ))
    .one(db.conn())
    .await?
    .map(|k| k.status);
    let changed = db
        .conn()
        .execute_raw(statement(
            db.backend(),
            "INSERT INTO bank_payouts (id, expert_id, amount, currency, status, arrival_at, \
             failure, reported_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
             ON CONFLICT (id) DO UPDATE SET status = excluded.status, \
             failure = excluded.failure, arrival_at = excluded.arrival_at, \
             reported_at = excluded.reported_at \
             WHERE bank_payouts.reported_at < excluded.reported_at",
            vec![
                payout.id.clone().into(),
                payout.expert_id.into(),
                payout.amount.into(),
                payout.currency.clone().into(),
                payout.status.clone().into(),
                payout.arrival_at.into(),
                payout.failure.clone().into(),
                payout.reported_at.into(),
                secs(now),
            ],
        ))
        .await?
        .rows_affected();
    Ok(if changed == 1 {
        Reported::Changed { before }
    } else {
        Reported::Stale
    })
}

/// An expert's payouts, latest arrival first.
pub async fn for_expert(
    db: &Database,
    expert: Uuid,
    limit: u64,
) -> Result<Vec<BankPayout>, StoreError> {
    Ok(BankPayout::find_by_statement(statement(
        db.backend(),
        "SELECT id, expert_id, amount, currency, status, arrival_at, failure, reported_at \
         FROM bank_payouts WHERE expert_id = $1 ORDER BY arrival_at DESC, id LIMIT $2",
        vec![
            expert.into(),
            i64::try_from(limit).unwrap_or(i64::MAX).into(),
        ],
    ))
    .all(db.conn())
    .await?)
}
