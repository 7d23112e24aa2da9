//! What a booking's money movements record: the payment split by the commission frozen on
//! the booking, and each refund decided (with its share of the commission, by the rule in
//! `domain::payment::commission`) together with the job that asks the provider for it.

use domain::payment::{CommissionRate, Journal, Split, StripeCurrency};
use domain::profile::CurrencyCode;
use jiff::Timestamp;
use store::bookings::BookingRow;
use store::ledger::Posting;
use store::refunds::NewRefund;
use uuid::Uuid;

use super::BookingError;

/// The payment provider's name for bookings paid through Stripe.
pub const STRIPE_PROVIDER: &str = "stripe";

/// A currency as stored on a booking or refund; one that does not parse is corrupt data.
pub fn stored_currency(code: &str) -> Result<CurrencyCode, BookingError> {
    CurrencyCode::parse(code)
        .map_err(|_| BookingError::Store(store::StoreError::Corrupt(format!("currency {code:?}"))))
}

/// Stripe's rules for a stored currency (how amounts go on the wire); one Stripe does not
/// charge in is refused as `NotChargeable`.
pub fn stripe_currency(code: &str) -> Result<StripeCurrency, BookingError> {
    StripeCurrency::of(stored_currency(code)?).map_err(BookingError::NotChargeable)
}

fn currency(row: &BookingRow) -> Result<CurrencyCode, BookingError> {
    stored_currency(&row.currency)
}

/// The smallest step amounts move in, in minor units (ten fils in three-decimal currencies).
pub fn step(code: CurrencyCode) -> i64 {
    StripeCurrency::of(code).map(|c| c.step).unwrap_or(1)
}

/// How `gross` paid for the booking splits between the platform and the expert, by the
/// commission frozen on the booking.
pub fn split_of(row: &BookingRow, code: CurrencyCode, gross: i64) -> Split {
    CommissionRate::new(i64::from(row.commission_bps))
        .unwrap_or_default()
        .split(gross, step(code))
}

fn unbalanced(e: domain::payment::Unbalanced) -> BookingError {
    BookingError::Store(store::StoreError::Corrupt(e.to_string()))
}

/// The unique key of the payment journal of booking `id`.
pub fn payment_key(id: Uuid) -> String {
    format!("payment:{id}")
}

/// The ledger journal of `gross` paid for the booking.
pub fn payment(row: &BookingRow, gross: i64) -> Result<Posting, BookingError> {
    let code = currency(row)?;
    let journal = Journal::payment(
        payment_key(row.id),
        code,
        &row.expert_id.to_string(),
        split_of(row, code, gross),
    )
    .map_err(unbalanced)?;
    Ok(Posting {
        journal,
        booking_id: Some(row.id),
    })
}

/// A refund decided now: the refund to store, its ledger journal, and the job that asks
/// the provider.
pub struct RefundDecision {
    /// The refund, stored pending.
    pub refund: NewRefund,
    /// Its ledger journal: out of the commission and the expert's share, owed to the learner.
    pub posting: Posting,
    /// The job that asks the provider to send it.
    pub job: store::jobs::NewJob,
}

/// Decides a refund of `amount` of the booking's payment `gross`, of which
/// `refunded_before` was refunded already.
pub fn refund(
    row: &BookingRow,
    id: Uuid,
    gross: i64,
    refunded_before: i64,
    amount: i64,
    reason: &str,
    now: Timestamp,
) -> Result<RefundDecision, BookingError> {
    let code = currency(row)?;
    let back = split_of(row, code, gross).refund(gross, refunded_before, amount, step(code));
    let journal = Journal::refund_decided(
        format!("refund:{id}"),
        code,
        &row.expert_id.to_string(),
        &row.learner_id.to_string(),
        back,
    )
    .map_err(unbalanced)?;
    Ok(RefundDecision {
        refund: NewRefund {
            id,
            amount,
            currency: row.currency.clone(),
            reason: reason.to_owned(),
        },
        posting: Posting {
            journal,
            booking_id: Some(row.id),
        },
        job: crate::jobs::refund::job(id, now),
    })
}

impl RefundDecision {
    /// Adds it to a change's updates.
    pub fn into_updates(self, updates: &mut store::bookings::TransitionUpdates) {
        updates.refunds.push(self.refund);
        updates.post.push(self.posting);
        updates.enqueue.push(self.job);
    }
}

/// Adds a refund of `amount` (when there is one) to a change of `booking`: stored pending,
/// its ledger journal, and the job that asks the provider, all in the change's transaction.
/// Every change that raises a booking's refunded amount goes through here.
pub(crate) fn decide_refund(
    db: &store::Database,
    booking: &super::Booking,
    amount: i64,
    reason: &str,
    now: Timestamp,
    changes: &mut store::bookings::TransitionUpdates,
) -> Result<(), BookingError> {
    if amount <= 0 {
        return Ok(());
    }
    // Decided against the refunded total read: a refund recorded meanwhile makes the
    // change lose rather than refund more than is left.
    changes.refunded_before = Some(booking.row.refunded_amount);
    refund(
        &booking.row,
        db.new_id(),
        booking.row.paid_amount,
        booking.row.refunded_amount,
        amount,
        reason,
        now,
    )?
    .into_updates(changes);
    Ok(())
}

/// The journal of a decided refund the provider has sent.
pub fn refund_sent(
    booking: Uuid,
    learner: Uuid,
    refund: &store::refunds::Refund,
) -> Result<Posting, BookingError> {
    let code = stored_currency(&refund.currency)?;
    let journal = Journal::refund_sent(
        format!("refund_sent:{}", refund.id),
        code,
        &learner.to_string(),
        refund.amount,
    )
    .map_err(unbalanced)?;
    Ok(Posting {
        journal,
        booking_id: Some(booking),
    })
}
