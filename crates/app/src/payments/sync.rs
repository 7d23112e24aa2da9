//! Bringing Mentora's records in line with the provider's: a payment that succeeded
//! confirms its booking (or is refunded when too late, see `bookings::payment::paid`), and
//! every refund the provider made is recorded once, whether Mentora asked for it or an
//! operator made it in the provider's dashboard.

use payments::{PaymentProvider, PaymentStatus, ProviderRefund};
use store::refunds::{External, NewRefund};

use crate::bookings::{Booking, BookingDeps, BookingError, money, payment};

/// What a look at the provider found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Synced {
    /// The payment is not (yet) complete: nothing recorded.
    Waiting,
    /// The payment is recorded (now, or before).
    Paid,
    /// Not a payment Mentora knows.
    Unknown,
}

/// Why a payment could not be brought in line; the job retries, and an operator sees it.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// The provider could not be asked.
    #[error(transparent)]
    Provider(#[from] payments::PaymentError),
    /// Recording the payment failed.
    #[error(transparent)]
    Booking(#[from] BookingError),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] store::StoreError),
    /// The booking's refunds changed while one was being recorded; the job retries.
    #[error("booking {0} was refunded meanwhile; reading it again")]
    Raced(uuid::Uuid),
    /// The provider's payment does not match the booking's frozen price: never confirmed.
    #[error("payment {payment} is {paid} on the wire; booking {booking} costs {owed}")]
    AmountMismatch {
        /// The provider's payment.
        payment: String,
        /// The booking it names.
        booking: uuid::Uuid,
        /// What the payment is for, on the wire.
        paid: String,
        /// What the booking costs, on the wire.
        owed: String,
    },
}

/// Reads payment `payment_id` from the provider and records what it says.
pub async fn payment(
    s: &BookingDeps<'_>,
    provider: &dyn PaymentProvider,
    payment_id: &str,
) -> Result<Synced, SyncError> {
    let found = provider.payment(payment_id).await?;
    let row = match found.booking_id {
        Some(id) => store::bookings::find(s.db, id).await?,
        None => store::bookings::with_payment(s.db, payment_id).await?,
    };
    let Some(row) = row else {
        tracing::warn!(
            payment = payment_id,
            "a payment for no booking Mentora knows"
        );
        return Ok(Synced::Unknown);
    };
    if row.payment_provider != money::STRIPE_PROVIDER {
        return Ok(Synced::Unknown);
    }
    // One payment per booking: another one naming it (made in the dashboard, or anywhere
    // but the hold) pays for nothing here; it would confirm a booking whose refunds then
    // go to a payment that never succeeded.
    if row
        .payment_ref
        .as_deref()
        .is_some_and(|known| known != found.id)
    {
        tracing::warn!(booking = %row.id, payment = %found.id, "a payment that is not the booking's own; ignored");
        return Ok(Synced::Unknown);
    }
    let owed = money::stripe_currency(&row.currency)?.to_wire(row.price_amount);
    if found.wire_amount != owed || !found.currency.eq_ignore_ascii_case(&row.currency) {
        return Err(SyncError::AmountMismatch {
            payment: found.id,
            booking: row.id,
            paid: format!("{} {}", found.wire_amount, found.currency),
            owed: format!("{owed} {}", row.currency.to_ascii_lowercase()),
        });
    }
    if found.status != PaymentStatus::Succeeded {
        if let Some(error) = &found.last_error {
            tracing::info!(booking = %row.id, payment = %found.id, error, "a payment attempt failed; the hold stands");
        }
        return Ok(Synced::Waiting);
    }
    // Recorded before (a repeated event, or the booking moved on since: cancelled,
    // rescheduled, a late payment refunded): only its refunds may be new.
    if row.paid_amount == 0 {
        let now = s.db.clock().now();
        payment::paid(s, Booking::from_row(row.clone())?, &found.id, now).await?;
    }
    if let Some(fee) = &found.fee {
        record_fee(s, &row, &found.id, fee).await?;
    }
    refunds(s, provider, &found.id).await?;
    Ok(Synced::Paid)
}

/// Records the provider's fee on the payment's charge once (its journal's key is the
/// payment's), in the currency the fee was taken in.
async fn record_fee(
    s: &BookingDeps<'_>,
    row: &store::bookings::BookingRow,
    payment_id: &str,
    fee: &payments::Fee,
) -> Result<(), SyncError> {
    if fee.wire_amount <= 0 {
        return Ok(());
    }
    let Ok(rules) = money::stripe_currency(&fee.currency.to_ascii_uppercase()) else {
        tracing::warn!(
            payment = payment_id,
            currency = fee.currency,
            "a fee in a currency Mentora does not know; not recorded"
        );
        return Ok(());
    };
    let journal = domain::payment::Journal::processor_fee(
        format!("fee:{payment_id}"),
        rules.code,
        rules.from_wire(fee.wire_amount),
    )
    .map_err(|e| BookingError::Store(store::StoreError::Corrupt(e.to_string())))?;
    let posting = store::ledger::Posting {
        journal,
        booking_id: Some(row.id),
    };
    store::ledger::post(s.db, &posting, s.db.clock().now()).await?;
    Ok(())
}

/// Records every refund of `payment_id` the provider has sent.
pub async fn refunds(
    s: &BookingDeps<'_>,
    provider: &dyn PaymentProvider,
    payment_id: &str,
) -> Result<(), SyncError> {
    for made in provider.refunds_of(payment_id).await? {
        if made.sent() {
            refund(s, payment_id, &made).await?;
        }
    }
    Ok(())
}

async fn refund(
    s: &BookingDeps<'_>,
    payment_id: &str,
    made: &ProviderRefund,
) -> Result<(), SyncError> {
    let now = s.db.clock().now();
    if let Some(ours) = made.refund_id
        && let Some(refund) = store::refunds::find(s.db, ours).await?
    {
        if refund.status == "pending" {
            let row = store::bookings::find(s.db, refund.booking_id)
                .await?
                .ok_or(BookingError::NotFound)?;
            let posting = money::refund_sent(row.id, row.learner_id, &refund)?;
            store::refunds::mark_sent(s.db, refund.id, &made.id, &posting, now).await?;
        }
        return Ok(());
    }
    // Made elsewhere (the provider's dashboard): decided and sent at once.
    let Some(row) = store::bookings::with_payment(s.db, payment_id).await? else {
        return Ok(());
    };
    let amount = money::stripe_currency(&row.currency)?.from_wire(made.wire_amount);
    let id = s.db.new_id();
    let decided = money::refund(
        &row,
        id,
        row.paid_amount,
        row.refunded_amount,
        amount,
        "refunded at the payment provider",
        now,
    )?;
    let sent = store::refunds::Refund {
        id,
        booking_id: row.id,
        amount,
        currency: row.currency.clone(),
        status: "sent".into(),
        provider_ref: Some(made.id.clone()),
        reason: None,
        failure: None,
        created_at: now.as_second(),
    };
    let sent = money::refund_sent(row.id, row.learner_id, &sent)?;
    let recorded = store::refunds::record_external(
        s.db,
        row.id,
        row.refunded_amount,
        &NewRefund {
            id,
            amount,
            currency: row.currency.clone(),
            reason: "refunded at the payment provider".into(),
        },
        &made.id,
        &[decided.posting, sent],
        now,
    )
    .await?;
    match recorded {
        External::Recorded => {
            tracing::info!(booking = %row.id, refund = %made.id, amount, "recorded a refund made at the provider");
        }
        External::Known => {}
        // Another change refunded meanwhile: the job runs again and reads afresh.
        External::Raced => return Err(SyncError::Raced(row.id)),
    }
    // If the expert was paid out, their part of it comes back by a job (once per refund).
    let cause = format!("refund:{}", made.id);
    crate::jobs::enqueue_job(s.db, &crate::jobs::settle_payout::job(row.id, &cause, now)).await?;
    Ok(())
}
