//! `calendar_event`: writes, moves or removes a session's event in the expert's
//! receiving calendar to match the session as it stands (`calendars::session_events`).
//! Enqueued with each confirmation, move and cancellation, next to the video meeting's.
//!
//! Twice is harmless: the event's resource is named after the session series, so a
//! repeated write overwrites the same event, and a run that finds the calendar already
//! matching does nothing.

use futures::FutureExt;
use futures::future::BoxFuture;
use jiff::{SignedDuration, Timestamp};
use store::jobs::{Job, NewJob};
use uuid::Uuid;

use super::{JobDeps, JobFailure, Kind};

/// The `calendar_event` kind.
pub const KIND: Kind = Kind {
    name: "calendar_event",
    max_attempts: 10,
    lease: SignedDuration::from_mins(2),
    run,
};

#[derive(serde::Serialize, serde::Deserialize)]
struct Payload {
    booking_id: Uuid,
}

/// The job that brings booking `id`'s event (in `status`, starting at `start`) in line.
pub fn job(id: Uuid, status: &str, start: Timestamp, now: Timestamp) -> NewJob {
    NewJob {
        kind: KIND.name.to_owned(),
        payload: serde_json::json!({ "booking_id": id }).to_string(),
        unique_key: Some(format!(
            "calendar_event:{id}:{status}:{}",
            start.as_second()
        )),
        run_at: now,
        max_attempts: KIND.max_attempts,
        lease: KIND.lease,
    }
}

fn run<'a>(deps: &'a JobDeps, job: &'a Job) -> BoxFuture<'a, Result<(), JobFailure>> {
    async move {
        let payload: Payload = serde_json::from_str(&job.payload)
            .map_err(|e| format!("unreadable calendar_event job: {e}"))?;
        crate::calendars::session_events::sync(
            &deps.db,
            &deps.calendars,
            &deps.origin,
            payload.booking_id,
        )
        .await
        .map(|_| ())
        .map_err(|e| e.to_string())
    }
    .boxed()
}
