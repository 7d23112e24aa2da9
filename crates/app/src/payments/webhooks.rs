//! Stripe's webhook deliveries: the signature (and its five-minute tolerance) is checked
//! before anything is read; an authentic event is stored by its id together with the job
//! that handles it, and acknowledged. A retried delivery is acknowledged and changes
//! nothing; handling happens in the job, which retries on failure.

use jiff::Timestamp;
use payments::webhook::{self, WebhookError};
use store::Database;

use crate::bookings::BookingDeps;
use crate::experts::payouts::{self, Delivery};

/// What was done with a delivery.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Receipt {
    /// Stored, and its job enqueued.
    Accepted,
    /// Stored before: a retry.
    Duplicate,
}

/// Why a delivery was refused (400: Stripe shows it, and retries).
#[derive(Debug, thiserror::Error)]
pub enum Refused {
    /// Unsigned, mis-signed, stale or not an event: never processed.
    #[error("the delivery is not authentic: {0}")]
    NotAuthentic(WebhookError),
    /// The database failed; Stripe retries.
    #[error(transparent)]
    Store(#[from] store::StoreError),
}

/// Verifies a delivery and stores it with its job.
pub async fn receive(
    db: &Database,
    payload: &[u8],
    signature: &str,
    secret: &str,
    now: Timestamp,
) -> Result<Receipt, Refused> {
    let event = webhook::verify(payload, signature, secret, now.as_second())
        .map_err(Refused::NotAuthentic)?;
    let text = String::from_utf8_lossy(payload);
    let job = crate::jobs::stripe_event::job(&event.id, now);
    let stored =
        store::webhook_events::record(db, &event.id, "stripe", &event.kind, &text, &job).await?;
    if stored {
        crate::jobs::worker::wake();
        Ok(Receipt::Accepted)
    } else {
        Ok(Receipt::Duplicate)
    }
}

/// What handling an event came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handled {
    /// It changed what Mentora knows (or confirmed it).
    Applied,
    /// Of a kind Mentora does not act on, or about something it does not know.
    Ignored,
}

/// Handles a stored event (the `stripe_event` job).
pub async fn handle(
    s: &BookingDeps<'_>,
    provider: &dyn payments::PaymentProvider,
    event: &webhook::Event,
) -> Result<Handled, String> {
    let object = &event.data.object;
    let field = |name: &str| object.get(name).and_then(|v| v.as_str()).map(str::to_owned);
    match event.kind.as_str() {
        "account.updated" => match payouts::apply_account_update(s.db, event).await {
            Ok(Delivery::Applied) => Ok(Handled::Applied),
            Ok(Delivery::Ignored) => Ok(Handled::Ignored),
            Err(e) => Err(e.to_string()),
        },
        "payment_intent.succeeded"
        | "payment_intent.payment_failed"
        | "payment_intent.canceled"
        | "payment_intent.processing" => {
            let id = field("id").ok_or("a PaymentIntent event without an id")?;
            synced(super::sync::payment(s, provider, &id).await)
        }
        // A refund event may come before the payment's: reading the payment first records
        // the payment, then its refunds.
        "charge.refunded" | "charge.refund.updated" | "refund.updated" | "refund.created" => {
            let Some(id) = field("payment_intent") else {
                return Ok(Handled::Ignored);
            };
            synced(super::sync::payment(s, provider, &id).await)
        }
        "charge.dispute.created"
        | "charge.dispute.updated"
        | "charge.dispute.closed"
        | "charge.dispute.funds_withdrawn"
        | "charge.dispute.funds_reinstated" => {
            let dispute = payments::stripe::dispute_of(object).map_err(|e| e.to_string())?;
            match super::disputes::record(s, provider, &dispute).await {
                Ok(super::disputes::Recorded::Applied) => Ok(Handled::Applied),
                Ok(super::disputes::Recorded::Ignored) => Ok(Handled::Ignored),
                Err(e) => Err(e.to_string()),
            }
        }
        // Mentora's own transfers are recorded when they are made; the event only matters
        // when it reports a reversal made elsewhere (the dashboard).
        "transfer.created" | "transfer.updated" | "transfer.reversed" => {
            let made = payments::stripe::transfer_of(object).map_err(|e| e.to_string())?;
            match super::transfers::reversed_at_provider(s.db, &made).await {
                Ok(true) => Ok(Handled::Applied),
                Ok(false) => Ok(Handled::Ignored),
                Err(e) => Err(e.to_string()),
            }
        }
        "payout.paid" | "payout.failed" | "payout.canceled" | "payout.updated" => {
            match super::bank_payouts::record(s, event).await {
                Ok(true) => Ok(Handled::Applied),
                Ok(false) => Ok(Handled::Ignored),
                Err(e) => Err(e.to_string()),
            }
        }
        other => {
            tracing::info!(kind = other, event = %event.id, "a Stripe event Mentora does not act on");
            Ok(Handled::Ignored)
        }
    }
}

fn synced(result: Result<super::sync::Synced, super::sync::SyncError>) -> Result<Handled, String> {
    match result {
        Ok(super::sync::Synced::Unknown) => Ok(Handled::Ignored),
        Ok(_) => Ok(Handled::Applied),
        Err(e) => Err(e.to_string()),
    }
}
