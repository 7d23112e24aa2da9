//! `calendar_sync`: reads one calendar connection's busy times (`calendars::sync`), and
//! `calendar_due`, every minute: puts a `calendar_sync` on the queue for each connection
//! whose next sync has come.
//!
//! Twice is harmless: a sync replaces the calendar's busy times with what it reports
//! now, and its unique key (the connection and the five minutes) makes one job at a time
//! whichever instance enqueued it. A calendar server that fails is recorded on
//! the connection and retried by the connection's own backoff, not by the job's.

use futures::FutureExt;
use futures::future::BoxFuture;
use jiff::{SignedDuration, Timestamp};
use store::jobs::{Job, NewJob};
use uuid::Uuid;

use super::{JobDeps, JobFailure, Kind};

/// The `calendar_sync` kind.
pub const KIND: Kind = Kind {
    name: "calendar_sync",
    max_attempts: 3,
    lease: SignedDuration::from_mins(5),
    run,
};

/// The `calendar_due` kind (periodic).
pub const DUE: Kind = Kind {
    name: "calendar_due",
    max_attempts: 3,
    lease: SignedDuration::from_mins(2),
    run: run_due,
};

#[derive(serde::Serialize, serde::Deserialize)]
struct Payload {
    connection_id: Uuid,
}

/// The job that syncs connection `id` now. One per connection in each five minutes,
/// whichever instance enqueues it: a job that died (the database away) does not stop the
/// connection's syncing, the next five minutes enqueue a new one.
pub fn job(id: Uuid, now: Timestamp) -> NewJob {
    let bucket = now.as_second().div_euclid(300);
    NewJob {
        kind: KIND.name.to_owned(),
        payload: serde_json::json!({ "connection_id": id }).to_string(),
        unique_key: Some(format!("calendar_sync:{id}:{bucket}")),
        run_at: now,
        max_attempts: KIND.max_attempts,
        lease: KIND.lease,
    }
}

/// The job a provider's notification puts on the queue: at once, one per connection in
/// each ten seconds (providers send a burst for one change; a later burst reads again).
pub fn pushed(id: Uuid, now: Timestamp) -> NewJob {
    let bucket = now.as_second().div_euclid(10);
    NewJob {
        unique_key: Some(format!("calendar_push:{id}:{bucket}")),
        ..job(id, now)
    }
}

fn run<'a>(deps: &'a JobDeps, job: &'a Job) -> BoxFuture<'a, Result<(), JobFailure>> {
    async move {
        let payload: Payload = serde_json::from_str(&job.payload)
            .map_err(|e| format!("unreadable calendar_sync job: {e}"))?;
        let notifier = deps.notifier();
        crate::calendars::sync::sync_connection(
            &deps.db,
            &deps.calendars,
            &deps.schedules,
            Some(&notifier),
            payload.connection_id,
        )
        .await
        .map(|_| ())
        .map_err(|e| e.to_string())
    }
    .boxed()
}

fn run_due<'a>(deps: &'a JobDeps, _job: &'a Job) -> BoxFuture<'a, Result<(), JobFailure>> {
    async move {
        let added = crate::calendars::sync::enqueue_due(&deps.db)
            .await
            .map_err(|e| e.to_string())?;
        if added > 0 {
            tracing::info!(connections = added, "calendar syncs due");
        }
        Ok(())
    }
    .boxed()
}
