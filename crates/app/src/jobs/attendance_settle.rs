//! `attendance_settle`, every five minutes: turns the attendance of each confirmed
//! session whose room has closed into its outcome (`rooms::settle`), and deletes the
//! recordings past their retention.
//!
//! Twice is harmless: an outcome is a guarded transition from `confirmed`, a review is
//! asked once per session, and a deleted recording is not found again.

use futures::FutureExt;
use futures::future::BoxFuture;
use jiff::SignedDuration;
use store::jobs::Job;

use super::{JobDeps, JobFailure, Kind};

pub const KIND: Kind = Kind {
    name: "attendance_settle",
    max_attempts: 3,
    lease: SignedDuration::from_mins(5),
    run,
};

fn run<'a>(deps: &'a JobDeps, _job: &'a Job) -> BoxFuture<'a, Result<(), JobFailure>> {
    async move {
        let now = deps.db.clock().now();
        // Each half runs whatever became of the other.
        let settled = crate::rooms::settle::sweep(&deps.bookings(), now).await;
        let purged =
            crate::rooms::recording::purge_expired(&deps.db, deps.files.as_ref(), now).await;
        settled.map_err(|e| e.to_string())?;
        purged.map_err(|e| e.to_string())?;
        Ok(())
    }
    .boxed()
}
