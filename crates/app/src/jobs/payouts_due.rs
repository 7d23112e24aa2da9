//! `payouts_due`, every ten minutes: decides a transfer for every session whose expert is
//! owed their share, whose dispute window has passed with no chargeback open, and whose
//! expert can be paid (`payments::transfers::sweep`); each transfer is made by its own
//! `transfer` job.
//!
//! Twice is harmless: one transfer per booking can be on its way (a unique index), and a
//! transfer made settles what was owed in the ledger, so the next sweep finds nothing.

use futures::FutureExt;
use futures::future::BoxFuture;
use jiff::SignedDuration;
use store::jobs::Job;

use super::{JobDeps, JobFailure, Kind};

pub const KIND: Kind = Kind {
    name: "payouts_due",
    max_attempts: 3,
    lease: SignedDuration::from_mins(5),
    run,
};

fn run<'a>(deps: &'a JobDeps, _job: &'a Job) -> BoxFuture<'a, Result<(), JobFailure>> {
    async move {
        let now = deps.db.clock().now();
        crate::payments::transfers::sweep(&deps.db, deps.booking_rules.payout_delay, now)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
    .boxed()
}
