//! `refund`: asks the payment provider to send back a refund decided with a booking change
//! (a cancellation, an expert's suspension or no-show, a dispute settled for the learner, a
//! payment that came too late), then marks it sent and records the money leaving in one
//! transaction. A refund the provider accepted but is still sending is left pending for
//! its `refund.updated` event or reconciliation to finish.
//!
//! When the expert was paid out already, the part of their share the refund takes back is
//! reversed from their account first (`payments::transfers::settle`).
//!
//! Twice is harmless: the provider's idempotency key is the refund's own id, so asking
//! again returns the refund made the first time; and marking it sent is conditional on it
//! still being pending, with the ledger journal's key unique.

use futures::FutureExt;
use futures::future::BoxFuture;
use jiff::{SignedDuration, Timestamp};
use payments::{ProviderMode, RefundRequest};
use store::jobs::{Job, NewJob};
use uuid::Uuid;

use super::{JobDeps, JobFailure, Kind};
use crate::bookings::{SANDBOX_PROVIDER, money};

/// The `refund` kind.
pub const KIND: Kind = Kind {
    name: "refund",
    max_attempts: 10,
    lease: SignedDuration::from_mins(2),
    run,
};

#[derive(serde::Serialize, serde::Deserialize)]
struct Payload {
    refund_id: Uuid,
}

/// The job that sends refund `id`, due now.
pub fn job(id: Uuid, now: Timestamp) -> NewJob {
    NewJob {
        kind: KIND.name.to_owned(),
        payload: serde_json::json!({ "refund_id": id }).to_string(),
        unique_key: Some(format!("refund:{id}")),
        run_at: now,
        max_attempts: KIND.max_attempts,
        lease: KIND.lease,
    }
}

fn run<'a>(deps: &'a JobDeps, job: &'a Job) -> BoxFuture<'a, Result<(), JobFailure>> {
    async move {
        let payload: Payload =
            serde_json::from_str(&job.payload).map_err(|e| format!("unreadable refund: {e}"))?;
        send(deps, payload.refund_id).await
    }
    .boxed()
}

/// Sends refund `id` if it is still pending.
pub async fn send(deps: &JobDeps, id: Uuid) -> Result<(), JobFailure> {
    let db = &deps.db;
    let Some(refund) = store::refunds::find(db, id)
        .await
        .map_err(|e| e.to_string())?
    else {
        return Err(format!("no refund {id}"));
    };
    if refund.status != "pending" {
        return Ok(());
    }
    let booking = store::bookings::find(db, refund.booking_id)
        .await
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("refund {id} names no booking"))?;
    // The expert was paid already: what the refund takes from their share comes back
    // from their account first (or, when that fails, by a job that retries: the learner's
    // refund does not wait on the expert's account).
    crate::payments::transfers::settle_or_retry(
        db,
        deps.payments.as_ref(),
        &booking,
        &format!("refund:{id}"),
    )
    .await
    .map_err(|e| e.to_string())?;
    let now = db.clock().now();
    let posting =
        money::refund_sent(booking.id, booking.learner_id, &refund).map_err(|e| e.to_string())?;
    let provider_ref = if booking.payment_provider == SANDBOX_PROVIDER {
        // The sandbox's money never left Mentora: the refund is sent as it is decided.
        format!("sandbox_re_{}", id.simple())
    } else {
        if deps.payments.mode() != ProviderMode::Stripe {
            return Err("the booking was paid through Stripe, which is not configured".into());
        }
        let payment = booking
            .payment_ref
            .clone()
            .ok_or_else(|| format!("booking {} has no payment to refund", booking.id))?;
        let currency = money::stripe_currency(&refund.currency).map_err(|e| e.to_string())?;
        let made = deps
            .payments
            .refund(RefundRequest {
                refund_id: id,
                payment_id: payment,
                wire_amount: currency.to_wire(refund.amount),
            })
            .await;
        match made {
            Ok(made) if made.sent() => made.id,
            // Accepted, not complete: Stripe's `refund.updated` (or reconciliation) marks it
            // sent; asking again with the same key would only replay this answer.
            Ok(made) if made.pending() => {
                let why = format!("the provider is still sending the refund {}", made.id);
                let _ = store::refunds::note_failure(db, id, &why, now).await;
                return Ok(());
            }
            Ok(made) => {
                let why = format!(
                    "the provider reports the refund {} as {}",
                    made.id, made.status
                );
                let _ = store::refunds::note_failure(db, id, &why, now).await;
                return Err(why);
            }
            Err(e) => {
                let _ = store::refunds::note_failure(db, id, &e.to_string(), now).await;
                return Err(e.to_string());
            }
        }
    };
    store::refunds::mark_sent(db, id, &provider_ref, &posting, now)
        .await
        .map_err(|e| e.to_string())?;
    tracing::info!(refund = %id, booking = %booking.id, provider_ref, "refund sent");
    Ok(())
}
