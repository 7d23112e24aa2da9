//! `reminder`: 24 hours and 1 hour before a session, both sides are reminded (in the
//! centre and by email, as each chose), with the invite again.
//!
//! Reminders are put on the queue when a session is confirmed (in the confirmation's
//! transaction) and when it moves (for the new time). A reminder names the start it was
//! scheduled for, and is dropped when it runs if the session is no longer confirmed at
//! that start (cancelled, moved: the move scheduled its own) or has begun. So nothing
//! needs to find and delete the old ones, and none fires for a past or cancelled session.
//! Twice is harmless: the unique key makes one job per session, lead and start, and the
//! notice goes out under the job's id.

use futures::FutureExt;
use futures::future::BoxFuture;
use jiff::{SignedDuration, Timestamp};
use store::jobs::{Job, NewJob};
use uuid::Uuid;

use super::{JobDeps, JobFailure, Kind};
use crate::bookings::Booking;
use crate::bookings::notices::{self, Notice};
use domain::booking::BookingStatus;

/// The `reminder` kind.
pub const KIND: Kind = Kind {
    name: "reminder",
    max_attempts: 8,
    lease: SignedDuration::from_mins(2),
    run,
};

/// How long before the start each reminder goes.
pub const LEADS: [(Lead, SignedDuration); 2] = [
    (Lead::Day, SignedDuration::from_hours(24)),
    (Lead::Hour, SignedDuration::from_hours(1)),
];

/// Which reminder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Lead {
    /// 24 hours before.
    #[serde(rename = "24h")]
    Day,
    /// 1 hour before.
    #[serde(rename = "1h")]
    Hour,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Payload {
    booking_id: Uuid,
    /// The start it was scheduled for, Unix seconds.
    start: i64,
    lead: Lead,
}

/// The reminder jobs of a session confirmed (or moved) at `now` starting at `start`:
/// those still ahead (a session booked 3 hours ahead gets only the 1-hour one).
pub fn jobs(booking: Uuid, start: Timestamp, now: Timestamp) -> Vec<NewJob> {
    LEADS
        .into_iter()
        .filter_map(|(lead, before)| {
            let run_at = start.checked_sub(before).ok()?;
            (run_at > now).then(|| NewJob {
                kind: KIND.name.to_owned(),
                payload: serde_json::json!({
                    "booking_id": booking,
                    "start": start.as_second(),
                    "lead": lead,
                })
                .to_string(),
                unique_key: Some(format!(
                    "reminder:{booking}:{}:{}",
                    start.as_second(),
                    serde_json::to_string(&lead)
                        .unwrap_or_default()
                        .trim_matches('"')
                )),
                run_at,
                max_attempts: KIND.max_attempts,
                lease: KIND.lease,
            })
        })
        .collect()
}

fn run<'a>(deps: &'a JobDeps, job: &'a Job) -> BoxFuture<'a, Result<(), JobFailure>> {
    async move {
        let payload: Payload = serde_json::from_str(&job.payload)
            .map_err(|e| format!("unreadable reminder: {e}"))?;
        let Some(row) = store::bookings::find(&deps.db, payload.booking_id)
            .await
            .map_err(|e| e.to_string())?
        else {
            return Ok(());
        };
        let booking = Booking::from_row(row).map_err(|e| e.to_string())?;
        let now = deps.db.clock().now();
        // A day-ahead reminder that could only run within the last hour (workers were
        // down) would arrive beside the hour-ahead one: that one says it.
        let too_late = match payload.lead {
            Lead::Day => now >= booking.row.start_at - SignedDuration::from_hours(1),
            Lead::Hour => now >= booking.row.start_at,
        };
        if booking.status != BookingStatus::Confirmed
            || booking.row.start_at.as_second() != payload.start
            || too_late
        {
            tracing::info!(booking = %booking.row.id, status = %booking.status, "reminder dropped: the session was called off, moved or has begun");
            return Ok(());
        }
        let notice = match payload.lead {
            Lead::Day => Notice::Reminder24h,
            Lead::Hour => Notice::Reminder1h,
        };
        let notifier = deps.notifier();
        notices::tell_as(&notifier, job.id, &booking, notice, None).await?;
        Ok(())
    }
    .boxed()
}
