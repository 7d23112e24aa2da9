//! The dated exchange-rate table viewers' estimates in their own currency come from. A
//! rate applies from its day (UTC) until a later day's rate for the same currency; an
//! operator adding a rate for a day that has one replaces it, with the change audited in
//! the same transaction. Learners are always charged in the expert's currency: these
//! rates only ever make estimates.

use jiff::Timestamp;
use sea_orm::{ConnectionTrait, FromQueryResult};
use uuid::Uuid;

use crate::audit::NewAuditEvent;
use crate::instant::secs;
use crate::sql::statement;
use crate::{Database, StoreError};

/// One rate.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct Rate {
    pub currency: String,
    /// Units of `currency` one US dollar buys, times 10⁹.
    pub per_usd_nano: i64,
    /// The day it applies from (`YYYY-MM-DD`).
    pub effective_on: String,
}

/// The rate in force on `day` (`YYYY-MM-DD`) for every currency that has one.
pub async fn in_force(db: &Database, day: &str) -> Result<Vec<Rate>, StoreError> {
    Ok(Rate::find_by_statement(statement(
        db.backend(),
        "SELECT r.currency, r.per_usd_nano, r.effective_on FROM exchange_rates r \
         WHERE r.effective_on = (SELECT MAX(x.effective_on) FROM exchange_rates x \
                                 WHERE x.currency = r.currency AND x.effective_on <= $1) \
         ORDER BY r.currency",
        vec![day.into()],
    ))
    .all(db.conn())
    .await?)
}

/// Rates set for days after `day` (announced, not yet in force), soonest first.
pub async fn upcoming(db: &Database, day: &str) -> Result<Vec<Rate>, StoreError> {
    Ok(Rate::find_by_statement(statement(
        db.backend(),
        "SELECT currency, per_usd_nano, effective_on FROM exchange_rates \
         WHERE effective_on > $1 ORDER BY effective_on, currency LIMIT 200",
        vec![day.into()],
    ))
    .all(db.conn())
    .await?)
}

/// Sets `rate` (replacing one set for the same currency and day), audited in the same
/// transaction.
pub async fn set(
    db: &Database,
    rate: &Rate,
    operator: Uuid,
    audit: NewAuditEvent<'_>,
    now: Timestamp,
) -> Result<(), StoreError> {
    let txn = db.begin_write().await?;
    txn.execute_raw(statement(
        db.backend(),
        "INSERT INTO exchange_rates (id, currency, per_usd_nano, effective_on, created_by, \
         created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (currency, effective_on) \
         DO UPDATE SET per_usd_nano = excluded.per_usd_nano, \
         created_by = excluded.created_by, created_at = excluded.created_at",
        vec![
            db.new_id().into(),
            rate.currency.clone().into(),
            rate.per_usd_nano.into(),
            rate.effective_on.clone().into(),
            operator.into(),
            secs(now),
        ],
    ))
    .await?;
    crate::audit::record_in(db, &txn, audit).await?;
    txn.commit().await?;
    Ok(())
}
