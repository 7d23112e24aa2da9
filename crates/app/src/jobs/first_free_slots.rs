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
        // Both steps run whatever the other did.
        let mut failures = Vec::new();
        match crate::scheduling::next_available::sweep(&deps.db, &deps.schedules).await {
            Ok(0) => {}
            Ok(seen) => tracing::info!(experts = seen, "recomputed first free slots"),
            Err(e) => failures.push(format!("first free slots: {e}")),
        }
        let day_ago = deps.db.clock().now() - SignedDuration::from_hours(24);
        if let Err(e) = store::availability::forget_past_busy_times(&deps.db, day_ago).await {
            failures.push(format!("past busy times: {e}"));
        }
        if failures.is_empty() {
            Ok(())
        } else {
            Err(failures.join("; "))
        }
    }
    .boxed()
}
