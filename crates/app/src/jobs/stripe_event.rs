//! `stripe_event`: handles one verified Stripe event, stored with this job when it was
//! received (`payments::webhooks::receive`). The handler reads the object's current state
//! from Stripe rather than trusting the event's copy, so events in any order come out the
//! same, and a failure retries with backoff.
//!
//! Twice is harmless: every effect is keyed (a booking confirms once, a journal posts once
//! per key, a refund is recorded once per provider id).

use futures::FutureExt;
use futures::future::BoxFuture;
use jiff::{SignedDuration, Timestamp};
use store::jobs::{Job, NewJob};

use super::{JobDeps, JobFailure, Kind};

/// The `stripe_event` kind.
pub const KIND: Kind = Kind {
    name: "stripe_event",
    max_attempts: 12,
    lease: SignedDuration::from_mins(2),
    run,
};

#[derive(serde::Serialize, serde::Deserialize)]
struct Payload {
    event_id: String,
}

/// The job that handles stored event `event_id`, due now; one per event.
pub fn job(event_id: &str, now: Timestamp) -> NewJob {
    NewJob {
        kind: KIND.name.to_owned(),
        payload: serde_json::json!({ "event_id": event_id }).to_string(),
        unique_key: Some(format!("stripe_event:{event_id}")),
        run_at: now,
        max_attempts: KIND.max_attempts,
        lease: KIND.lease,
    }
}

fn run<'a>(deps: &'a JobDeps, job: &'a Job) -> BoxFuture<'a, Result<(), JobFailure>> {
    async move {
        let payload: Payload =
            serde_json::from_str(&job.payload).map_err(|e| format!("unreadable job: {e}"))?;
        let stored = store::webhook_events::payload(&deps.db, &payload.event_id)
            .await
            .map_err(|e| e.to_string())?
            .ok_or_else(|| format!("event {} is not stored", payload.event_id))?;
        let event: payments::webhook::Event =
            serde_json::from_str(&stored).map_err(|e| format!("unreadable event: {e}"))?;
        let handled =
            crate::payments::webhooks::handle(&deps.bookings(), deps.payments.as_ref(), &event)
                .await?;
        tracing::info!(event = %event.id, kind = %event.kind, ?handled, "handled a Stripe event");
        Ok(())
    }
    .boxed()
}
