//! `ledger_check`, hourly: runs the ledger check (`payments::ledger_check`) and fails when
//! it finds a problem, so operators see it in `/admin/jobs` as well as on the payments page.
//!
//! Twice is harmless: it only reads, and stores one more result.

use futures::FutureExt;
use futures::future::BoxFuture;
use jiff::SignedDuration;
use store::jobs::Job;

use super::{JobDeps, JobFailure, Kind};

pub const KIND: Kind = Kind {
    name: "ledger_check",
    max_attempts: 1,
    lease: SignedDuration::from_mins(10),
    run,
};

fn run<'a>(deps: &'a JobDeps, _job: &'a Job) -> BoxFuture<'a, Result<(), JobFailure>> {
    async move {
        let now = deps.db.clock().now();
        let problems =
            crate::payments::ledger_check::run(&deps.db, deps.payments.as_ref(), now).await?;
        if problems.is_empty() {
            Ok(())
        } else {
            Err(format!("the ledger check failed: {}", problems.join("; ")))
        }
    }
    .boxed()
}
