//! `settle_payout`: takes back from an expert what they may not keep for a session
//! (`payments::transfers::settle`) when doing it with the change that caused it failed, or
//! when the cause came from the provider (a refund made in its dashboard). Retried with
//! backoff; operators see it in `/admin/jobs`.
//!
//! Twice is harmless: each reversal is keyed by its cause and transfer, decided under the
//! booking's lock against what is already on its way back, and made with its own id as
//! the provider's idempotency key.

use futures::FutureExt;
use futures::future::BoxFuture;
use jiff::{SignedDuration, Timestamp};
use store::jobs::{Job, NewJob};
use uuid::Uuid;

use super::{JobDeps, JobFailure, Kind};

/// The `settle_payout` kind.
pub const KIND: Kind = Kind {
    name: "settle_payout",
    max_attempts: 12,
    lease: SignedDuration::from_mins(2),
    run,
};

#[derive(serde::Serialize, serde::Deserialize)]
struct Payload {
    booking_id: Uuid,
    cause: String,
}

/// The job that settles booking `booking` for `cause`, due now; one per cause.
pub fn job(booking: Uuid, cause: &str, now: Timestamp) -> NewJob {
    NewJob {
        kind: KIND.name.to_owned(),
        payload: serde_json::json!({ "booking_id": booking, "cause": cause }).to_string(),
        unique_key: Some(format!("settle:{booking}:{cause}")),
        run_at: now,
        max_attempts: KIND.max_attempts,
        lease: KIND.lease,
    }
}

fn run<'a>(deps: &'a JobDeps, job: &'a Job) -> BoxFuture<'a, Result<(), JobFailure>> {
    async move {
        let payload: Payload =
            serde_json::from_str(&job.payload).map_err(|e| format!("unreadable settle: {e}"))?;
        let Some(row) = store::bookings::find(&deps.db, payload.booking_id)
            .await
            .map_err(|e| e.to_string())?
        else {
            return Ok(());
        };
        crate::payments::transfers::settle(&deps.db, deps.payments.as_ref(), &row, &payload.cause)
            .await
            .map_err(|e| e.to_string())
    }
    .boxed()
}
