//! `video_meeting`: makes, moves or deletes a session's Zoom or Google Meet meeting to
//! match the booking as it stands (`rooms::meetings::sync`). Enqueued by the notice of
//! each confirmation, move and cancellation; a provider that refuses or is away fails
//! the job, which retries with backoff while the expert sees the refusal.
//!
//! Twice is harmless: it compares with the meeting as recorded, so a repeated run finds
//! nothing to do. A create retried after its answer was lost makes no second Google event
//! (the event's id is ours, fixed per session); at Zoom, which takes no such key, it
//! could make a second meeting, unused (the link recorded is the one that answered).

use futures::FutureExt;
use futures::future::BoxFuture;
use jiff::{SignedDuration, Timestamp};
use store::jobs::{Job, NewJob};
use uuid::Uuid;

use super::{JobDeps, JobFailure, Kind};

/// The `video_meeting` kind.
pub const KIND: Kind = Kind {
    name: "video_meeting",
    max_attempts: 10,
    lease: SignedDuration::from_mins(2),
    run,
};

#[derive(serde::Serialize, serde::Deserialize)]
struct Payload {
    booking_id: Uuid,
}

/// The job that syncs booking `id` (in `status`, starting at `start`) now.
pub fn job(id: Uuid, status: &str, start: Timestamp, now: Timestamp) -> NewJob {
    NewJob {
        kind: KIND.name.to_owned(),
        payload: serde_json::json!({ "booking_id": id }).to_string(),
        unique_key: Some(format!("video_meeting:{id}:{status}:{}", start.as_second())),
        run_at: now,
        max_attempts: KIND.max_attempts,
        lease: KIND.lease,
    }
}

fn run<'a>(deps: &'a JobDeps, job: &'a Job) -> BoxFuture<'a, Result<(), JobFailure>> {
    async move {
        let payload: Payload = serde_json::from_str(&job.payload)
            .map_err(|e| format!("unreadable video_meeting job: {e}"))?;
        let now = deps.db.clock().now();
        crate::rooms::meetings::sync(&deps.db, &deps.video.outside, payload.booking_id, now)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
    .boxed()
}
