//! Paying experts their share. Once a session's outcome pays the expert (completed, the
//! learner's no-show, a dispute settled for the expert) and the dispute window has passed
//! with no chargeback open, the `payouts_due` sweep decides a transfer of what the ledger
//! says the expert is owed for it, and the `transfer` job asks the provider (Stripe:
//! `/v1/transfers` from the session's charge to the expert's connected account). An
//! expert whose payouts are not enabled accrues; their sessions are paid the first sweep
//! after the provider enables them.
//!
//! Money that must come back after the expert was paid (a refund, a chargeback) is taken
//! back by reversing the transfer first (`settle`): a chargeback takes back everything
//! transferred for the session while it is open; otherwise whatever the expert was paid
//! beyond what they now earn.

use domain::payment::Journal;
use jiff::Timestamp;
use payments::sandbox::Sandbox;
use payments::{NewReversal, NewTransfer, PaymentProvider, ProviderMode};
use store::Database;
use store::bookings::BookingRow;
use store::ledger::Posting;
use store::transfers::Transfer;
use uuid::Uuid;

use crate::bookings::notices::{self, Notice};
use crate::bookings::{BookingError, SANDBOX_PROVIDER, money};

/// Why money could not be moved to or from an expert; the job retries, operators see it.
#[derive(Debug, thiserror::Error)]
pub enum PayoutError {
    /// The provider refused or could not be reached.
    #[error(transparent)]
    Provider(#[from] payments::PaymentError),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] store::StoreError),
    /// Reading the booking's money failed.
    #[error(transparent)]
    Booking(#[from] BookingError),
    /// The booking was paid through Stripe, which this deployment does not talk to.
    #[error("booking {0} was paid through Stripe, which is not configured")]
    NotConfigured(Uuid),
    /// The provider has no charge for the booking's payment yet.
    #[error("the payment of booking {0} has no charge to transfer from yet")]
    NoCharge(Uuid),
    /// The transfer names a booking that does not exist.
    #[error("transfer {0} names no booking")]
    NoBooking(Uuid),
}

static SANDBOX: Sandbox = Sandbox;

/// The provider that holds a booking's money: the sandbox's bookings stay in the sandbox
/// whatever is configured now.
pub fn provider_for<'a>(
    configured: &'a dyn PaymentProvider,
    row: &BookingRow,
) -> Result<&'a dyn PaymentProvider, PayoutError> {
    if row.payment_provider == SANDBOX_PROVIDER {
        Ok(&SANDBOX)
    } else if configured.mode() == ProviderMode::Stripe {
        Ok(configured)
    } else {
        Err(PayoutError::NotConfigured(row.id))
    }
}

/// An amount of a booking's currency on its provider's wire.
fn wire(row: &BookingRow, amount: i64) -> Result<i64, PayoutError> {
    if row.payment_provider == SANDBOX_PROVIDER {
        return Ok(amount);
    }
    Ok(money::stripe_currency(&row.currency)?.to_wire(amount))
}

fn unbalanced(e: domain::payment::Unbalanced) -> PayoutError {
    PayoutError::Store(store::StoreError::Corrupt(e.to_string()))
}

/// Decides the transfers that are due by `now` (their session's outcome is older than
/// `delay`), each with the job that makes it. Returns how many were decided.
pub async fn sweep(
    db: &Database,
    delay: jiff::SignedDuration,
    now: Timestamp,
) -> Result<usize, PayoutError> {
    let settled_before = domain::clock::shifted(now, -delay);
    let mut decided = 0;
    for due in store::transfers::due(db, settled_before, 200).await? {
        let id = db.new_id();
        if store::transfers::insert(db, id, &due, &crate::jobs::transfer::job(id, now), now).await?
        {
            decided += 1;
            tracing::info!(transfer = %id, booking = %due.booking_id, owed = due.owed, currency = due.currency, "payout decided");
        }
    }
    Ok(decided)
}

/// Makes pending transfer `id` at the provider, records it, tells the expert, and then
/// takes back anything paid beyond what is owed (a refund or chargeback that came while
/// it was on its way).
pub async fn send(
    db: &Database,
    configured: &dyn PaymentProvider,
    id: Uuid,
) -> Result<(), PayoutError> {
    let Some(transfer) = store::transfers::find(db, id).await? else {
        return Ok(());
    };
    let row = store::bookings::find(db, transfer.booking_id)
        .await?
        .ok_or(PayoutError::NoBooking(id))?;
    if transfer.status == "pending" {
        let provider = provider_for(configured, &row)?;
        let now = db.clock().now();
        match make(db, provider, &row, &transfer, now).await {
            Ok(()) => {}
            Err(e) => {
                store::transfers::note_failure(db, id, &e.to_string(), now).await?;
                return Err(e);
            }
        }
    }
    settle(db, configured, &row, &format!("transfer:{id}")).await
}

async fn make(
    db: &Database,
    provider: &dyn PaymentProvider,
    row: &BookingRow,
    transfer: &Transfer,
    now: Timestamp,
) -> Result<(), PayoutError> {
    let charge = if row.payment_provider == SANDBOX_PROVIDER {
        format!("sandbox_ch_{}", row.series_id.simple())
    } else {
        let payment = row
            .payment_ref
            .as_deref()
            .ok_or(PayoutError::NoCharge(row.id))?;
        provider
            .payment(payment)
            .await?
            .charge
            .ok_or(PayoutError::NoCharge(row.id))?
    };
    let made = provider
        .transfer(NewTransfer {
            transfer_id: transfer.id,
            booking_id: row.id,
            destination: transfer.destination.clone(),
            wire_amount: wire(row, transfer.amount)?,
            currency: transfer.currency.clone(),
            source_charge: charge,
        })
        .await?;
    let code = money::stored_currency(&transfer.currency)?;
    let journal = Journal::transfer(
        format!("transfer:{}", transfer.id),
        code,
        &transfer.expert_id.to_string(),
        transfer.amount,
    )
    .map_err(unbalanced)?;
    let posting = Posting {
        journal,
        booking_id: Some(row.id),
    };
    let notice = notices::job(row.id, Notice::PaidOut, Some(transfer.amount), now);
    if store::transfers::mark_sent(db, transfer.id, &made.id, &posting, &notice, now).await? {
        tracing::info!(transfer = %transfer.id, booking = %row.id, provider_ref = made.id, "expert paid out");
    }
    Ok(())
}

/// Takes back from the expert what they may not keep for booking `row`'s session: while
/// a chargeback is open, everything transferred; otherwise what they were paid beyond
/// what the ledger says they earn. Each reversal is keyed by `cause` and the transfer, so
/// a retry reverses once.
pub async fn settle(
    db: &Database,
    configured: &dyn PaymentProvider,
    row: &BookingRow,
    cause: &str,
) -> Result<(), PayoutError> {
    let transfers: Vec<Transfer> = store::transfers::for_booking(db, row.id)
        .await?
        .into_iter()
        .rev()
        .filter(|t| t.status == "sent" && t.amount > t.reversed_amount)
        .collect();
    if transfers.is_empty() {
        return Ok(());
    }
    let open = store::disputes::for_booking(db, row.id)
        .await?
        .into_iter()
        .find(|d| d.outcome.is_none());
    let provider = provider_for(configured, row)?;
    if let Some(dispute) = open {
        for t in &transfers {
            let cause = format!("dispute:{}@{}", dispute.id, t.id);
            reverse(db, provider, row, t, &cause, t.amount - t.reversed_amount).await?;
        }
        return Ok(());
    }
    let mut excess = -store::ledger::owed_for_session(db, row.series_id).await?;
    for t in &transfers {
        if excess <= 0 {
            break;
        }
        let take = excess.min(t.amount - t.reversed_amount);
        excess -= reverse(db, provider, row, t, &format!("{cause}@{}", t.id), take).await?;
    }
    Ok(())
}

/// Reverses `amount` of transfer `t` for `cause` (or what was decided for it before);
/// returns the amount reversed.
async fn reverse(
    db: &Database,
    provider: &dyn PaymentProvider,
    row: &BookingRow,
    t: &Transfer,
    cause: &str,
    amount: i64,
) -> Result<i64, PayoutError> {
    let now = db.clock().now();
    let reversal = store::transfers::reversal_for(db, cause, t.id, amount, now).await?;
    if reversal.status == "sent" {
        return Ok(reversal.amount);
    }
    let Some(transfer) = t.provider_ref.clone() else {
        return Ok(0);
    };
    let made = provider
        .reverse_transfer(NewReversal {
            reversal_id: reversal.id,
            transfer,
            wire_amount: wire(row, reversal.amount)?,
        })
        .await?;
    let journal = Journal::transfer_reversed(
        format!("reversal:{}", reversal.id),
        money::stored_currency(&t.currency)?,
        &t.expert_id.to_string(),
        reversal.amount,
    )
    .map_err(unbalanced)?;
    let posting = Posting {
        journal,
        booking_id: Some(row.id),
    };
    store::transfers::mark_reversed(db, &reversal, &made.id, &posting, now).await?;
    tracing::info!(transfer = %t.id, cause, amount = reversal.amount, "transfer reversed");
    Ok(reversal.amount)
}

/// The `transfer.reversed` event of a transfer: a reversal made at the provider (its
/// dashboard) that Mentora did not ask for is recorded. While one of Mentora's own is on
/// its way this waits (the caller retries), so that one is not counted twice.
pub async fn reversed_at_provider(
    db: &Database,
    made: &payments::ProviderTransfer,
) -> Result<bool, PayoutError> {
    let Some(t) = store::transfers::with_provider_ref(db, &made.id).await? else {
        return Ok(false);
    };
    let row = store::bookings::find(db, t.booking_id)
        .await?
        .ok_or(PayoutError::NoBooking(t.id))?;
    if store::transfers::reversals_pending(db, t.id).await? {
        return Err(PayoutError::Store(store::StoreError::Corrupt(format!(
            "transfer {} has a reversal on its way; read again later",
            t.id
        ))));
    }
    let reversed = if row.payment_provider == SANDBOX_PROVIDER {
        made.wire_reversed
    } else {
        money::stripe_currency(&row.currency)?.from_wire(made.wire_reversed)
    };
    let extra = reversed - t.reversed_amount;
    if extra <= 0 {
        return Ok(false);
    }
    let now = db.clock().now();
    let cause = format!("provider:{}@{}", made.id, made.wire_reversed);
    let reversal = store::transfers::reversal_for(db, &cause, t.id, extra, now).await?;
    let journal = Journal::transfer_reversed(
        format!("reversal:{}", reversal.id),
        money::stored_currency(&t.currency)?,
        &t.expert_id.to_string(),
        reversal.amount,
    )
    .map_err(unbalanced)?;
    let posting = Posting {
        journal,
        booking_id: Some(row.id),
    };
    Ok(store::transfers::mark_reversed(db, &reversal, &cause, &posting, now).await?)
}
