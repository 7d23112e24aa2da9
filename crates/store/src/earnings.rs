//! An expert's money per session, read from the ledger: what they earned (their share of
//! what was paid, less what refunds and lost chargebacks took back) and what was
//! transferred to them (less reversals), with what the earnings page needs to say where
//! each session's money stands.

use sea_orm::FromQueryResult;
use uuid::Uuid;

use crate::sql::statement;
use crate::{Database, StoreError};

/// One paid session of an expert.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct SessionMoney {
    /// The booking that stands for the session now.
    pub id: Uuid,
    pub status: String,
    pub start_at: i64,
    /// When its status (or money) last changed: the dispute window runs from here.
    pub updated_at: i64,
    pub currency: String,
    /// What the learner paid, and what went back to them.
    pub paid_amount: i64,
    pub refunded_amount: i64,
    pub learner_name: String,
    /// The expert's share, less what was taken back.
    pub earned: i64,
    /// Transferred to the expert, less reversals.
    pub paid_out: i64,
    /// 1 while a chargeback of its payment is open.
    pub chargeback: i32,
    /// 1 while a transfer for it is on its way.
    pub transfer_pending: i32,
}

impl SessionMoney {
    /// What is still owed to the expert (negative: paid more than now earned).
    pub fn owed(&self) -> i64 {
        self.earned - self.paid_out
    }
}

/// The expert's paid sessions, latest first.
pub async fn sessions(
    db: &Database,
    expert: Uuid,
    limit: u64,
) -> Result<Vec<SessionMoney>, StoreError> {
    Ok(SessionMoney::find_by_statement(statement(
        db.backend(),
        "SELECT b.id, b.status, b.start_at, b.updated_at, b.currency, b.paid_amount, \
         b.refunded_amount, le.display_name AS learner_name, \
         CAST(COALESCE(SUM(CASE WHEN j.kind IN ('transfer', 'transfer_reversed') THEN 0 \
              ELSE -l.amount END), 0) AS BIGINT) AS earned, \
         CAST(COALESCE(SUM(CASE WHEN j.kind IN ('transfer', 'transfer_reversed') \
              THEN l.amount ELSE 0 END), 0) AS BIGINT) AS paid_out, \
         CAST(CASE WHEN EXISTS (SELECT 1 FROM disputes d WHERE d.booking_id = b.id \
              AND d.outcome IS NULL) THEN 1 ELSE 0 END AS INTEGER) AS chargeback, \
         CAST(CASE WHEN EXISTS (SELECT 1 FROM transfers t WHERE t.booking_id = b.id \
              AND t.status = 'pending') THEN 1 ELSE 0 END AS INTEGER) AS transfer_pending \
         FROM bookings b JOIN users le ON le.id = b.learner_id \
         JOIN bookings s ON s.series_id = b.series_id \
         LEFT JOIN ledger_journals j ON j.booking_id = s.id \
         LEFT JOIN ledger_lines l ON l.journal_id = j.id AND l.account = $2 \
         WHERE b.expert_id = $1 AND b.paid_amount > 0 AND b.status <> 'rescheduled' \
         GROUP BY b.id, b.status, b.start_at, b.updated_at, b.currency, b.paid_amount, \
         b.refunded_amount, le.display_name \
         ORDER BY b.start_at DESC, b.id LIMIT $3",
        vec![
            expert.into(),
            format!("expert:{expert}:payable").into(),
            i64::try_from(limit).unwrap_or(i64::MAX).into(),
        ],
    ))
    .all(db.conn())
    .await?)
}
