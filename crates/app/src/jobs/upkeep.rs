//! `upkeep`, hourly: documents of rejected applications go once their retention has
//! passed; expired ceremonies, login sessions, email links and known devices are deleted;
//! jobs that succeeded more than a week ago are forgotten, and so are dead periodic ones
//! (a later period ran in their place); notifications read more than 180 days ago go.
//!
//! Twice is harmless: deleting what is already gone changes nothing.

use futures::FutureExt;
use futures::future::BoxFuture;
use jiff::SignedDuration;

use store::jobs::Job;

use super::{JobDeps, JobFailure, Kind};

/// How long a finished job stays visible (and its unique key taken).
const KEEP_FINISHED: SignedDuration = SignedDuration::from_hours(7 * 24);

pub const KIND: Kind = Kind {
    name: "upkeep",
    max_attempts: 3,
    lease: SignedDuration::from_mins(30),
    run,
};

/// How long a read notification is kept.
const KEEP_READ_NOTIFICATIONS: SignedDuration = SignedDuration::from_hours(180 * 24);

fn run<'a>(deps: &'a JobDeps, _job: &'a Job) -> BoxFuture<'a, Result<(), JobFailure>> {
    async move {
        // Each step runs whatever the others did: one failing must not stop the rest.
        let now = deps.db.clock().now();
        let mut failures = Vec::new();
        match crate::experts::documents::purge_rejected(
            &deps.db,
            deps.files.as_ref(),
            now,
            deps.document_retention,
        )
        .await
        {
            Ok(0) => {}
            Ok(documents) => tracing::info!(documents, "removed documents past their retention"),
            Err(e) => failures.push(format!("documents: {e}")),
        }
        match store::upkeep::purge_expired(&deps.db, now).await {
            Ok(purged) if purged.total() == 0 => {}
            Ok(purged) => tracing::info!(
                challenges = purged.challenges,
                sessions = purged.sessions,
                email_links = purged.email_links,
                devices = purged.devices,
                "removed expired sign-in records"
            ),
            Err(e) => failures.push(format!("sign-in records: {e}")),
        }
        if let Err(e) = store::jobs::forget_succeeded(&deps.db, now - KEEP_FINISHED).await {
            failures.push(format!("finished jobs: {e}"));
        }
        // A dead periodic job is superseded by its next period's: after a week it goes.
        let periodic: Vec<&str> = super::schedule::PERIODIC.iter().map(|(k, _)| *k).collect();
        if let Err(e) = store::jobs::forget_dead(&deps.db, now - KEEP_FINISHED, &periodic).await {
            failures.push(format!("dead periodic jobs: {e}"));
        }
        // Read notifications are history nobody scrolls to after half a year.
        if let Err(e) =
            store::notifications::forget_read(&deps.db, now - KEEP_READ_NOTIFICATIONS).await
        {
            failures.push(format!("read notifications: {e}"));
        }
        if failures.is_empty() {
            Ok(())
        } else {
            Err(failures.join("; "))
        }
    }
    .boxed()
}
