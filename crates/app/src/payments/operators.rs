//! What operators (`payments.refund`) see and steer of the money: the ledger's trial
//! balance at any instant; paid bookings by search, with refunds given with a reason;
//! transfers waiting and chargebacks; the commission report by period and currency; and
//! an expert's own commission rate (frozen on bookings held from then on; earlier
//! bookings keep theirs). Every change is audited.

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

/// What the operators' payments page shows besides the trial balance.
pub struct Overview {
    /// Paid bookings matching the search.
    pub bookings: Vec<store::bookings::PaidBooking>,
    /// Transfers decided and not yet made (with the provider's last refusal).
    pub transfers_waiting: Vec<store::transfers::Transfer>,
    /// Open chargebacks first, then recent closed ones.
    pub disputes: Vec<store::disputes::Dispute>,
    /// The latest run of the ledger check.
    pub last_check: Option<store::ledger::Check>,
}

/// The payments overview, with paid bookings matching `query` (a booking id, or part of a
/// learner's or expert's email or name).
pub async fn overview(db: &Database, query: &str) -> Result<Overview, StoreError> {
    Ok(Overview {
        bookings: store::bookings::paid_matching(db, query, 50).await?,
        transfers_waiting: store::transfers::waiting(db, 50).await?,
        disputes: store::disputes::recent(db, 50).await?,
        last_check: store::ledger::last_check(db).await?,
    })
}

/// An operator refunds `amount` (minor units) of booking `id` with a reason; audited.
pub async fn refund(
    s: &crate::bookings::BookingDeps<'_>,
    operator: &store::users::User,
    id: Uuid,
    amount: i64,
    refunded_before: Option<i64>,
    reason: &str,
    client: &ClientInfo,
) -> Result<crate::bookings::Booking, crate::bookings::BookingError> {
    let now = s.db.clock().now();
    let booking = crate::bookings::changes::refund_by_operator(
        s,
        operator,
        id,
        amount,
        refunded_before,
        reason,
        now,
    )
    .await?;
    crate::jobs::worker::wake();
    store::audit::record(
        s.db,
        NewAuditEvent {
            user_id: Some(booking.row.learner_id),
            actor_id: Some(operator.id),
            kind: "payments.refunded",
            client,
            detail: serde_json::json!({
                "booking": id,
                "amount": amount,
                "currency": booking.row.currency,
                "reason": reason.trim(),
            })
            .to_string(),
        },
    )
    .await?;
    Ok(booking)
}

/// The same, `amount` as an operator types it: major units of the booking's currency
/// (`12.50`); text that is not an amount in that currency is an `amount` field error.
pub async fn refund_typed(
    s: &crate::bookings::BookingDeps<'_>,
    operator: &store::users::User,
    id: Uuid,
    amount: &str,
    refunded_before: Option<i64>,
    reason: &str,
    client: &ClientInfo,
) -> Result<crate::bookings::Booking, crate::bookings::BookingError> {
    let row = store::bookings::find(s.db, id)
        .await?
        .ok_or(crate::bookings::BookingError::NotFound)?;
    let minor = domain::profile::CurrencyCode::parse(&row.currency)
        .ok()
        .and_then(|code| domain::money::Money::parse_major(amount.trim(), code).ok())
        .ok_or_else(|| {
            crate::bookings::BookingError::Invalid(vec![FieldError {
                field: "amount",
                message_id: "refund-amount-invalid",
            }])
        })?;
    refund(
        s,
        operator,
        id,
        minor.minor,
        refunded_before,
        reason,
        client,
    )
    .await
}

/// One currency's line of the commission report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommissionLine {
    /// The currency; every amount is in its minor units.
    pub currency: String,
    /// Paid by learners.
    pub gross: i64,
    /// Sent back to learners.
    pub refunded: i64,
    /// Commission on what was paid.
    pub commission_earned: i64,
    /// Commission given back with refunds and lost chargebacks.
    pub commission_returned: i64,
    /// Transferred to experts, less reversals.
    pub paid_out: i64,
}

impl CommissionLine {
    /// What the platform kept.
    pub fn commission_net(&self) -> i64 {
        self.commission_earned - self.commission_returned
    }
}

/// The commission report for `[from, to)`, per currency, from the ledger.
pub async fn commission_report(
    db: &Database,
    from: Timestamp,
    to: Timestamp,
) -> Result<Vec<CommissionLine>, StoreError> {
    let mut lines: Vec<CommissionLine> = Vec::new();
    for m in store::ledger::movements(db, from, to).await? {
        if lines.last().map(|l| l.currency.as_str()) != Some(m.currency.as_str()) {
            lines.push(CommissionLine {
                currency: m.currency.clone(),
                ..CommissionLine::default()
            });
        }
        let Some(line) = lines.last_mut() else {
            continue;
        };
        match (m.kind.as_str(), m.side.as_str()) {
            ("payment", "cash") => line.gross += m.amount,
            ("refund_sent", "cash") => line.refunded -= m.amount,
            ("payment", "commission") => line.commission_earned -= m.amount,
            ("refund_decided" | "dispute_lost", "commission") => {
                line.commission_returned += m.amount
            }
            ("transfer" | "transfer_reversed", "cash") => line.paid_out -= m.amount,
            _ => {}
        }
    }
    Ok(lines)
}

/// The report as CSV (amounts in major units, as the currency writes them).
pub fn commission_csv(lines: &[CommissionLine]) -> String {
    let mut csv = String::from(
        "currency,gross,refunded,commission_earned,commission_returned,commission_net,paid_out\n",
    );
    for l in lines {
        let major = |minor: i64| crate::bookings::notices::major(minor, &l.currency);
        csv.push_str(&format!(
            "{},{},{},{},{},{},{}\n",
            l.currency,
            major(l.gross),
            major(l.refunded),
            major(l.commission_earned),
            major(l.commission_returned),
            major(l.commission_net()),
            major(l.paid_out),
        ));
    }
    csv
}
