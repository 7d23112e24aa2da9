//! `booking_notice`: telling the participants of a booking change (a confirmation, a
//! cancellation, a reminder, …), enqueued in the change's own transaction, so the change
//! and its notifications commit together.
//! The payload is a `bookings::notices::NoticeJob`; the emails are written when the job
//! runs, from the booking as it stands.
//!
//! Twice is harmless: each person's notification and email go out under an id made from
//! the job's id and their place in the list (stored once; `Mailer::send_once`).

use futures::FutureExt;
use futures::future::BoxFuture;
use jiff::SignedDuration;
use store::jobs::Job;

use super::{JobDeps, JobFailure, Kind};
use crate::bookings::Booking;
use crate::bookings::notices::{self, Notice, NoticeJob};
use domain::booking::BookingStatus;

/// The `booking_notice` kind.
pub const KIND: Kind = Kind {
    name: "booking_notice",
    max_attempts: 8,
    lease: SignedDuration::from_mins(2),
    run,
};

fn run<'a>(deps: &'a JobDeps, job: &'a Job) -> BoxFuture<'a, Result<(), JobFailure>> {
    async move {
        let notice: NoticeJob =
            serde_json::from_str(&job.payload).map_err(|e| format!("unreadable notice: {e}"))?;
        let Some(row) = store::bookings::find(&deps.db, notice.booking_id)
            .await
            .map_err(|e| e.to_string())?
        else {
            // Nothing to tell about a booking that is gone.
            return Ok(());
        };
        let booking = Booking::from_row(row).map_err(|e| e.to_string())?;
        // A confirmation that ran after the booking moved on (cancelled, moved) is stale:
        // its invite would put back an event the later change removed.
        if notice.notice == Notice::Confirmed && booking.status != BookingStatus::Confirmed {
            tracing::info!(booking = %booking.row.id, status = %booking.status, "a confirmation came after a later change; not sent");
            return Ok(());
        }
        let notifier = deps.notifier();
        notices::tell_as(&notifier, job.id, &booking, notice.notice, notice.refund).await?;
        // The session's outside meeting (Zoom, Google Meet) and its event in the expert's
        // calendar follow a confirmation or a cancellation (a move enqueues its own at
        // once: its email may wait).
        if matches!(
            notice.notice,
            Notice::Confirmed | Notice::Cancelled
        ) {
            let now = deps.db.clock().now();
            let sync = super::video_meeting::job(
                booking.row.id,
                booking.status.as_str(),
                booking.row.start_at,
                now,
            );
            let event = super::calendar_event::job(
                booking.row.id,
                booking.status.as_str(),
                booking.row.start_at,
                now,
            );
            for job in [sync, event] {
                super::enqueue_job(&deps.db, &job)
                    .await
                    .map_err(|e| e.to_string())?;
            }
            super::worker::wake();
        }
        Ok(())
    }
    .boxed()
}
