//! A learner's receipt for a session: what was paid, when and how, each refund with its
//! state, and what was kept. The learner's and an operator's to read; the expert's side is
//! their earnings.

use domain::booking::Actor;
use jiff::Timestamp;
use store::Database;
use store::users::User;
use uuid::Uuid;

use super::{Booking, BookingError};

/// One refund as the receipt lists it.
#[derive(Debug, Clone)]
pub struct ReceiptRefund {
    /// Minor units of the booking's currency.
    pub amount: i64,
    /// When it was decided.
    pub at: Timestamp,
    /// Sent back to the learner's card (or, in the sandbox, recorded as such).
    pub sent: bool,
    /// Why, as recorded (cancelled, the expert did not come, …).
    pub reason: Option<String>,
}

/// A paid session's receipt.
#[derive(Debug, Clone)]
pub struct Receipt {
    /// The booking that stands for the session now.
    pub booking: Booking,
    /// When the payment was recorded (the confirmation, or a late payment's record).
    pub paid_at: Option<Timestamp>,
    /// Every refund of the session, oldest first.
    pub refunds: Vec<ReceiptRefund>,
}

impl Receipt {
    /// What the learner paid and did not get back.
    pub fn kept(&self) -> i64 {
        self.booking.row.paid_amount - self.booking.row.refunded_amount
    }
}

/// The receipt of booking `id`, for its learner or an operator. A booking never paid has
/// none (not found), and neither has one the viewer does not take part in.
pub async fn receipt(db: &Database, viewer: &User, id: Uuid) -> Result<Receipt, BookingError> {
    let (booking, role, _) = super::visible(db, viewer, id).await?;
    if !matches!(role, Actor::Learner | Actor::Admin) || booking.row.paid_amount == 0 {
        return Err(BookingError::NotFound);
    }
    // The payment is recorded against the session's first booking (its id is the series').
    let paid_at =
        store::ledger::recorded_at(db, &super::money::payment_key(booking.row.series_id)).await?;
    let refunds = store::refunds::for_series(db, booking.row.series_id)
        .await?
        .into_iter()
        .map(|r| ReceiptRefund {
            amount: r.amount,
            at: Timestamp::from_second(r.created_at).unwrap_or(Timestamp::UNIX_EPOCH),
            sent: r.status == "sent",
            reason: r.reason,
        })
        .collect();
    Ok(Receipt {
        booking,
        paid_at,
        refunds,
    })
}
