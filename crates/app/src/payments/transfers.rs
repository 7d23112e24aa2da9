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
use store::transfers::{Reversal, Take, Transfer};
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
            // Refused outright (a 4xx to a request whose earlier tries, if any, had the
            // same parameters: had one made a transfer, this answer would replay it): no
            // transfer exists. Cancelled, so the next sweep decides afresh what is owed.
            Err(PayoutError::Provider(payments::PaymentError::Refused { status, message }))
                if (400..500).contains(&status) =>
            {
                store::transfers::cancel_refused(db, id, &message, now).await?;
                return Err(PayoutError::Provider(payments::PaymentError::Refused {
                    status,
                    message,
                }));
            }
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
    // Asked for the first time: never more than is owed now (a refund may have come while
    // it waited), nothing at all when nothing is. Once asked, the amount stands, so a
    // retry sends the same parameters as its idempotency key.
    let amount = match transfer.asked_at {
        Some(_) => transfer.amount,
        None => {
            let owed = store::ledger::owed_for_session(db, row.series_id).await?;
            let amount = transfer.amount.min(owed);
            if amount <= 0 {
                store::transfers::cancel(db, transfer.id, now).await?;
                tracing::info!(transfer = %transfer.id, booking = %row.id, "nothing owed any more; transfer cancelled");
                return Ok(());
            }
            if !store::transfers::ask(db, transfer.id, amount, now).await? {
                // Asked for by another run meanwhile: that run's amount stands.
                return Ok(());
            }
            amount
        }
    };
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
            wire_amount: wire(row, amount)?,
            currency: transfer.currency.clone(),
            source_charge: charge,
        })
        .await?;
    let code = money::stored_currency(&transfer.currency)?;
    let journal = Journal::transfer(
        format!("transfer:{}", transfer.id),
        code,
        &transfer.expert_id.to_string(),
        amount,
    )
    .map_err(unbalanced)?;
    let posting = Posting {
        journal,
        booking_id: Some(row.id),
    };
    let notice = notices::job(row.id, Notice::PaidOut, Some(amount), now);
    if store::transfers::mark_sent(db, transfer.id, &made.id, &posting, &notice, now).await? {
        tracing::info!(transfer = %transfer.id, booking = %row.id, provider_ref = made.id, "expert paid out");
    }
    Ok(())
}

/// Takes back from the expert what they may not keep for booking `row`'s session: while
/// a chargeback is open, everything transferred; otherwise what they were paid beyond
/// what the ledger says they earn. Reversals decided before and not yet made are made
/// first; each new one is decided under the booking's lock against what is already on its
/// way back, and keyed by `cause` and the transfer, so a retry reverses once.
pub async fn settle(
    db: &Database,
    configured: &dyn PaymentProvider,
    row: &BookingRow,
    cause: &str,
) -> Result<(), PayoutError> {
    let sent = |all: Vec<Transfer>| -> Vec<Transfer> {
        all.into_iter()
            .rev()
            .filter(|t| t.status == "sent" && t.amount > t.reversed_amount)
            .collect()
    };
    if sent(store::transfers::for_booking(db, row.id).await?).is_empty() {
        return Ok(());
    }
    let provider = provider_for(configured, row)?;
    for pending in store::transfers::pending_reversals(db, row.id).await? {
        make_reversal(db, provider, row, &pending).await?;
    }
    let open = store::disputes::for_booking(db, row.id)
        .await?
        .into_iter()
        .find(|d| d.outcome.is_none());
    let now = db.clock().now();
    for t in sent(store::transfers::for_booking(db, row.id).await?) {
        let (cause, take) = match &open {
            Some(dispute) => (format!("dispute:{}@{}", dispute.id, t.id), Take::Rest),
            None => (format!("{cause}@{}", t.id), Take::Excess),
        };
        if let Some(reversal) =
            store::transfers::decide_reversal(db, &cause, &t, row.series_id, take, now).await?
        {
            make_reversal(db, provider, row, &reversal).await?;
        }
    }
    Ok(())
}

/// Settles now; when that fails, leaves it to a `settle_payout` job that retries (the
/// change that caused it stands either way: a learner's refund never waits on the
/// expert's account).
pub async fn settle_or_retry(
    db: &Database,
    configured: &dyn PaymentProvider,
    row: &BookingRow,
    cause: &str,
) -> Result<(), PayoutError> {
    if let Err(e) = settle(db, configured, row, cause).await {
        tracing::warn!(booking = %row.id, cause, error = %e, "taking a payout back failed; a job retries");
        crate::jobs::enqueue_job(
            db,
            &crate::jobs::settle_payout::job(row.id, cause, db.clock().now()),
        )
        .await?;
    }
    Ok(())
}

/// Asks the provider for a decided reversal (again, if need be: its id is the idempotency
/// key) and records it with its journal.
async fn make_reversal(
    db: &Database,
    provider: &dyn PaymentProvider,
    row: &BookingRow,
    reversal: &Reversal,
) -> Result<(), PayoutError> {
    if reversal.status != "pending" {
        return Ok(());
    }
    let Some(t) = store::transfers::find(db, reversal.transfer_id).await? else {
        return Ok(());
    };
    let Some(transfer) = t.provider_ref.clone() else {
        return Ok(());
    };
    let made = provider
        .reverse_transfer(NewReversal {
            reversal_id: reversal.id,
            transfer,
            wire_amount: wire(row, reversal.amount)?,
        })
        .await?;
    let posting = reversal_posting(row, &t, reversal)?;
    let now = db.clock().now();
    store::transfers::mark_reversed(db, reversal, &made.id, &posting, now).await?;
    tracing::info!(transfer = %t.id, cause = reversal.cause, amount = reversal.amount, "transfer reversed");
    Ok(())
}

fn reversal_posting(
    row: &BookingRow,
    t: &Transfer,
    reversal: &Reversal,
) -> Result<Posting, PayoutError> {
    let journal = Journal::transfer_reversed(
        format!("reversal:{}", reversal.id),
        money::stored_currency(&t.currency)?,
        &t.expert_id.to_string(),
        reversal.amount,
    )
    .map_err(unbalanced)?;
    Ok(Posting {
        journal,
        booking_id: Some(row.id),
    })
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
    let Some(reversal) =
        store::transfers::decide_reversal(db, &cause, &t, row.series_id, Take::Exactly(extra), now)
            .await?
    else {
        return Ok(false);
    };
    let posting = reversal_posting(&row, &t, &reversal)?;
    // Counted against the reversed amount read above: one of Mentora's own finishing
    // meanwhile makes this lose, and the event is handled again.
    if store::transfers::mark_reversed_if(
        db,
        &reversal,
        &cause,
        &posting,
        Some(t.reversed_amount),
        now,
    )
    .await?
    {
        return Ok(true);
    }
    Err(PayoutError::Store(store::StoreError::Corrupt(format!(
        "transfer {} was reversed meanwhile; read again later",
        t.id
    ))))
}
