//! What operators (`payments.refund`) see and steer of the money: the ledger's trial
//! balance at any instant, and an expert's own commission rate (frozen on bookings held
//! from then on; earlier bookings keep theirs). Every change is audited.

use domain::payment::CommissionRate;
use jiff::Timestamp;
use store::audit::NewAuditEvent;
use store::ledger::Balance;
use store::logins::ClientInfo;
use store::{Database, StoreError};
use uuid::Uuid;

use crate::FieldError;

/// Why a commission change was refused.
#[derive(Debug, thiserror::Error)]
pub enum CommissionError {
    /// Outside 0–10 000 basis points.
    #[error("invalid rate")]
    Invalid(Vec<FieldError>),
    /// No such expert.
    #[error("no such expert")]
    NotFound,
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The trial balance: every account's balance per currency as of `at`. Summed over all
/// accounts each currency's total is zero (the ledger's invariant).
pub async fn trial_balance(db: &Database, at: Timestamp) -> Result<Vec<Balance>, StoreError> {
    store::ledger::trial_balance(db, at).await
}

/// Sets (`Some`) or clears (`None`, the platform's rate applies) an expert's commission.
pub async fn set_commission(
    db: &Database,
    operator: Uuid,
    expert: Uuid,
    bps: Option<i64>,
    client: &ClientInfo,
) -> Result<(), CommissionError> {
    let rate = match bps {
        None => None,
        Some(bps) => Some(CommissionRate::new(bps).ok_or_else(|| {
            CommissionError::Invalid(vec![FieldError {
                field: "commission_bps",
                message_id: "commission-bps-invalid",
            }])
        })?),
    };
    let detail = serde_json::json!({ "commission_bps": rate.map(CommissionRate::bps) }).to_string();
    let set = store::experts::set_commission_bps(
        db,
        expert,
        rate.map(|r| i32::from(r.bps())),
        NewAuditEvent {
            user_id: Some(expert),
            actor_id: Some(operator),
            kind: "payments.commission_set",
            client,
            detail,
        },
    )
    .await?;
    if set {
        Ok(())
    } else {
        Err(CommissionError::NotFound)
    }
}
