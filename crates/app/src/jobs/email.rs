//! `email`: one message, sent by a job, so that it can commit with the change that causes
//! it (enqueue with `store::jobs::enqueue_in` in that transaction) and survive a crash
//! between the change and the send. The payload is the `Email`. (Booking emails have their
//! own kind, `booking_notice`, which writes them when it runs.)
//!
//! Twice is harmless where the transport can tell: the message goes out under the job's
//! id (`Mailer::send_once`), which the outbox stores once.

use futures::FutureExt;
use futures::future::BoxFuture;
use jiff::SignedDuration;
use store::jobs::Job;

use super::{JobDeps, JobFailure, Kind};
use crate::mail::Email;

/// The `email` kind.
pub const KIND: Kind = Kind {
    name: "email",
    max_attempts: 8,
    lease: SignedDuration::from_mins(2),
    run,
};

fn run<'a>(deps: &'a JobDeps, job: &'a Job) -> BoxFuture<'a, Result<(), JobFailure>> {
    async move {
        let email: Email =
            serde_json::from_str(&job.payload).map_err(|e| format!("unreadable email: {e}"))?;
        deps.mailer
            .send_once(job.id, email)
            .await
            .map_err(|e| e.to_string())
    }
    .boxed()
}

/// Puts `email` on the queue, to be sent at once.
pub async fn send_later(db: &store::Database, email: &Email) -> Result<bool, store::StoreError> {
    let payload = serde_json::to_value(email).unwrap_or_default();
    super::enqueue(db, &KIND, &payload, None, db.clock().now()).await
}

/// Puts `email` on the queue under `id` (the same id twice is one job, one message).
pub async fn send_later_once(
    db: &store::Database,
    id: uuid::Uuid,
    email: &Email,
) -> Result<bool, store::StoreError> {
    let payload = serde_json::to_value(email).unwrap_or_default();
    let queued = super::enqueue(
        db,
        &KIND,
        &payload,
        Some(format!("email:{id}")),
        db.clock().now(),
    )
    .await?;
    if queued {
        super::worker::wake();
    }
    Ok(queued)
}
