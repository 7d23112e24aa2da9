//! `ping`: does nothing. The queue benchmark measures the queue itself with it
//! (`crates/mentora/benches/jobs.rs`), and a test or script can enqueue one to see that
//! workers are alive.
//!
//! Twice is harmless: it has no effect.

use futures::FutureExt;
use futures::future::BoxFuture;
use jiff::SignedDuration;
use store::jobs::Job;

use super::{JobDeps, JobFailure, Kind};

/// The `ping` kind.
pub const KIND: Kind = Kind {
    name: "ping",
    max_attempts: 1,
    lease: SignedDuration::from_secs(30),
    run,
};

fn run<'a>(_deps: &'a JobDeps, _job: &'a Job) -> BoxFuture<'a, Result<(), JobFailure>> {
    async { Ok(()) }.boxed()
}
