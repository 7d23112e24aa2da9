//! `hold_expiry`, every 30 seconds: holds that ran out are marked expired and their
//! experts' cached schedules dropped. Availability already ignores a lapsed hold from its
//! expiry on; this makes the timeline say so.
//!
//! Twice is harmless: each hold moves `held → expired` in one conditional UPDATE, so a
//! second run finds nothing left to move.

use futures::FutureExt;
use futures::future::BoxFuture;
use jiff::SignedDuration;

use store::jobs::Job;

use super::{JobDeps, JobFailure, Kind};

pub const KIND: Kind = Kind {
    name: "hold_expiry",
    max_attempts: 3,
    lease: SignedDuration::from_mins(5),
    run,
};

fn run<'a>(deps: &'a JobDeps, _job: &'a Job) -> BoxFuture<'a, Result<(), JobFailure>> {
    async move {
        let now = deps.db.clock().now();
        match crate::bookings::expiry::release(&deps.db, &deps.schedules, now).await {
            Ok(0) => Ok(()),
            Ok(n) => {
                tracing::info!(experts = n, "released lapsed holds");
                Ok(())
            }
            Err(e) => Err(e.to_string()),
        }
    }
    .boxed()
}
