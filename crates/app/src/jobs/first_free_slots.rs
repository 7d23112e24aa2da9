//! `first_free_slots`, every five minutes: experts whose first free slot has passed (or
//! is unknown) get it recomputed, so the directory's "available soon" stays true as time
//! moves on; busy times that ended a day ago are forgotten.
//!
//! Twice is harmless: both steps recompute or delete from what is stored now.

use futures::FutureExt;
use futures::future::BoxFuture;
use jiff::SignedDuration;

use store::jobs::Job;

use super::{JobDeps, JobFailure, Kind};

pub const KIND: Kind = Kind {
    name: "first_free_slots",
    max_attempts: 3,
    lease: SignedDuration::from_mins(10),
    run,
};

fn run<'a>(deps: &'a JobDeps, _job: &'a Job) -> BoxFuture<'a, Result<(), JobFailure>> {
    async move {
        let seen = crate::scheduling::next_available::sweep(&deps.db, &deps.schedules)
            .await
            .map_err(|e| e.to_string())?;
        if seen > 0 {
            tracing::info!(experts = seen, "recomputed first free slots");
        }
        let day_ago = deps.db.clock().now() - SignedDuration::from_hours(24);
        store::availability::forget_past_busy_times(&deps.db, day_ago)
            .await
            .map_err(|e| e.to_string())?;
        Ok(())
    }
    .boxed()
}
