//! `upkeep`, hourly: documents of rejected applications go once their retention has
//! passed; expired ceremonies, login sessions, email links and known devices are deleted;
//! jobs that succeeded more than a week ago are forgotten.
//!
//! Twice is harmless: deleting what is already gone changes nothing.

use futures::FutureExt;
use futures::future::BoxFuture;
use jiff::SignedDuration;

use store::jobs::Job;

use super::{JobDeps, JobFailure, Kind};

/// How long a finished job stays visible (and its unique key taken).
const KEEP_SUCCEEDED: SignedDuration = SignedDuration::from_hours(7 * 24);

pub const KIND: Kind = Kind {
    name: "upkeep",
    max_attempts: 3,
    lease: SignedDuration::from_mins(30),
    run,
};

fn run<'a>(deps: &'a JobDeps, _job: &'a Job) -> BoxFuture<'a, Result<(), JobFailure>> {
    async move {
        let now = deps.db.clock().now();
        let documents = crate::experts::documents::purge_rejected(
            &deps.db,
            deps.files.as_ref(),
            now,
            deps.document_retention,
        )
        .await
        .map_err(|e| e.to_string())?;
        if documents > 0 {
            tracing::info!(documents, "removed documents past their retention");
        }
        let purged = store::upkeep::purge_expired(&deps.db, now)
            .await
            .map_err(|e| e.to_string())?;
        if purged.total() > 0 {
            tracing::info!(
                challenges = purged.challenges,
                sessions = purged.sessions,
                email_links = purged.email_links,
                devices = purged.devices,
                "removed expired sign-in records"
            );
        }
        store::jobs::forget_succeeded(&deps.db, now - KEEP_SUCCEEDED)
            .await
            .map_err(|e| e.to_string())?;
        Ok(())
    }
    .boxed()
}
