//! `move_emails`, every 30 seconds: a session moved again soon after its last move email
//! gets one email for where it ended up, once the quiet period is over.
//!
//! Twice is harmless: each held-back email is claimed in one conditional UPDATE before it
//! is sent (`store::move_notices::claim`), so a second run finds it taken.

use futures::FutureExt;
use futures::future::BoxFuture;
use jiff::SignedDuration;

use store::jobs::Job;

use super::{JobDeps, JobFailure, Kind};

pub const KIND: Kind = Kind {
    name: "move_emails",
    max_attempts: 3,
    lease: SignedDuration::from_mins(5),
    run,
};

fn run<'a>(deps: &'a JobDeps, _job: &'a Job) -> BoxFuture<'a, Result<(), JobFailure>> {
    async move {
        let now = deps.db.clock().now();
        let notifier = deps.notifier();
        let sent = crate::bookings::notices::send_held_back_moves(&notifier, now)
            .await
            .map_err(|e| e.to_string())?;
        if sent > 0 {
            tracing::info!(sessions = sent, "sent held-back move emails");
        }
        Ok(())
    }
    .boxed()
}
