//! `transfer`: pays an expert's share for a session to their connected account
//! (`payments::transfers::send`), records it with its ledger journal and tells the expert.
//! A failure (the provider refusing, or out of reach) is noted on the transfer and the job
//! retries with backoff; operators see it in `/admin/jobs` and on `/admin/payments`.
//!
//! Twice is harmless: the provider's idempotency key is the transfer's own id, so asking
//! again returns the transfer made the first time; marking it sent is conditional on it
//! still being pending, and its journal's key is unique.

use futures::FutureExt;
use futures::future::BoxFuture;
use jiff::{SignedDuration, Timestamp};
use store::jobs::{Job, NewJob};
use uuid::Uuid;

use super::{JobDeps, JobFailure, Kind};

/// The `transfer` kind.
pub const KIND: Kind = Kind {
    name: "transfer",
    max_attempts: 12,
    lease: SignedDuration::from_mins(2),
    run,
};

#[derive(serde::Serialize, serde::Deserialize)]
struct Payload {
    transfer_id: Uuid,
}

/// The job that makes transfer `id`, due now.
pub fn job(id: Uuid, now: Timestamp) -> NewJob {
    NewJob {
        kind: KIND.name.to_owned(),
        payload: serde_json::json!({ "transfer_id": id }).to_string(),
        unique_key: Some(format!("transfer:{id}")),
        run_at: now,
        max_attempts: KIND.max_attempts,
        lease: KIND.lease,
    }
}

fn run<'a>(deps: &'a JobDeps, job: &'a Job) -> BoxFuture<'a, Result<(), JobFailure>> {
    async move {
        let payload: Payload =
            serde_json::from_str(&job.payload).map_err(|e| format!("unreadable transfer: {e}"))?;
        crate::payments::transfers::send(&deps.db, deps.payments.as_ref(), payload.transfer_id)
            .await
            .map_err(|e| e.to_string())
    }
    .boxed()
}
