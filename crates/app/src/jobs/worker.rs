//! Workers: claim a due job, run its handler within the kind's lease, record the outcome.
//! A failed attempt is retried with backoff until its last attempt, after which the job
//! is dead and waits for an operator. A worker that dies mid-run leaves its job
//! `running`; once the lease runs out another worker claims it again (or, after its last
//! attempt, the claim marks it dead). A handler that panics fails its attempt; the worker
//! carries on.

use std::panic::AssertUnwindSafe;
use std::sync::{Arc, LazyLock};
use std::time::Duration;

use futures::FutureExt;
use store::StoreError;
use tokio::sync::{Notify, watch};
use tokio::task::JoinHandle;

use super::schedule::Scheduler;
use super::{JobDeps, KINDS, Kind, kind, retry_delay};

/// How long an idle worker waits before looking again, when nothing woke it.
const IDLE_POLL: Duration = Duration::from_secs(1);

/// How often the scheduler looks whether a new period of a periodic kind began.
const SCHEDULE_EVERY: Duration = Duration::from_secs(1);

/// Wakes this process's idle workers (a job was enqueued here, or time moved).
static WAKE: LazyLock<Notify> = LazyLock::new(Notify::new);

/// Tells idle workers in this process to look for due jobs now.
pub fn wake() {
    WAKE.notify_waiters();
}

/// Running workers and the scheduler of periodic jobs; [`Workers::stop`] stops them,
/// and so does dropping this (each finishes the job in hand).
pub struct Workers {
    stop: watch::Sender<bool>,
    tasks: Vec<JoinHandle<()>>,
}

impl Workers {
    /// Starts `count` workers, and the scheduler of periodic jobs beside them. Zero starts
    /// nothing: this instance only serves.
    pub fn start(deps: Arc<JobDeps>, count: usize) -> Self {
        let (stop, stopped) = watch::channel(false);
        if count == 0 {
            return Self {
                stop,
                tasks: Vec::new(),
            };
        }
        let prefix = uuid::Uuid::new_v4().simple().to_string();
        let mut tasks: Vec<JoinHandle<()>> = (0..count)
            .map(|n| {
                let name = format!("{}-{n}", &prefix[..8]);
                tokio::spawn(work(deps.clone(), name, stopped.clone()))
            })
            .collect();
        tasks.push(tokio::spawn(schedule(deps, stopped)));
        Self { stop, tasks }
    }

    /// Lets each worker finish the job in hand, for at most `grace`; what still runs then
    /// is cut off (its lease runs out and another worker takes the job again).
    pub async fn stop(self, grace: Duration) {
        let _ = self.stop.send(true);
        let aborts: Vec<_> = self.tasks.iter().map(JoinHandle::abort_handle).collect();
        if tokio::time::timeout(grace, futures::future::join_all(self.tasks))
            .await
            .is_err()
        {
            tracing::warn!("jobs still running at shutdown were cut off");
            for a in aborts {
                a.abort();
            }
        }
    }
}

/// Puts periodic jobs on the queue as their periods begin, apart from the workers so a
/// long job never holds them up.
async fn schedule(deps: Arc<JobDeps>, mut stopped: watch::Receiver<bool>) {
    let mut scheduler = Scheduler::default();
    loop {
        if *stopped.borrow() {
            return;
        }
        if let Err(e) = scheduler.tick(&deps.db).await {
            tracing::error!(error = %e, "scheduling periodic jobs failed");
        }
        tokio::select! {
            // A stop, or `Workers` dropped: either way, stop.
            changed = stopped.changed() => if changed.is_err() { return },
            () = tokio::time::sleep(SCHEDULE_EVERY) => {},
        }
    }
}

async fn work(deps: Arc<JobDeps>, name: String, mut stopped: watch::Receiver<bool>) {
    loop {
        if *stopped.borrow() {
            return;
        }
        // Listen before looking, so an enqueue between the look and the wait still wakes.
        let woken = WAKE.notified();
        tokio::pin!(woken);
        woken.as_mut().enable();
        match run_next(&deps, &name).await {
            // Did one: there may be more due.
            Ok(true) => continue,
            Ok(false) => {}
            Err(e) => tracing::error!(error = %e, worker = %name, "claiming a job failed"),
        }
        tokio::select! {
            // A stop, or `Workers` dropped: either way, stop.
            changed = stopped.changed() => if changed.is_err() { return },
            () = woken => {},
            () = tokio::time::sleep(IDLE_POLL) => {},
        }
    }
}

/// How long a run may take: its lease less a margin, so the run is cut off before the
/// lease lets another worker claim the job.
fn budget(kind: &Kind) -> Duration {
    let lease = kind.lease.as_secs().max(1);
    let margin = (lease / 10).max(2);
    Duration::from_secs(u64::try_from(lease - margin).unwrap_or(1).max(1))
}

/// Claims one due job of a kind this build knows and runs it to an outcome. False when
/// nothing was due.
pub async fn run_next(deps: &JobDeps, worker: &str) -> Result<bool, StoreError> {
    let known: Vec<&str> = KINDS.iter().map(|k| k.name).collect();
    let Some(job) = store::jobs::claim(&deps.db, worker, &known).await? else {
        return Ok(false);
    };
    let Some(kind) = kind(&job.kind) else {
        // The claim asked for known kinds only; this cannot be, but must not run blind.
        store::jobs::fail(&deps.db, &job, "no handler for this kind", None).await?;
        return Ok(true);
    };
    let budget = budget(kind);
    let run = AssertUnwindSafe((kind.run)(deps, &job)).catch_unwind();
    let outcome = match tokio::time::timeout(budget, run).await {
        Ok(Ok(outcome)) => outcome,
        Ok(Err(_panic)) => Err("the handler panicked".to_owned()),
        Err(_) => Err(format!("ran longer than {} s", budget.as_secs())),
    };
    let (kept, counted) = match outcome {
        Ok(()) => (store::jobs::succeed(&deps.db, &job).await?, "succeeded"),
        Err(error) => {
            let last = job.attempts >= job.max_attempts;
            let retry_at = (!last).then(|| deps.db.clock().now() + retry_delay(job.attempts));
            tracing::warn!(job = %job.id, kind = kind.name, attempt = job.attempts, %error, "job failed");
            let kept = store::jobs::fail(&deps.db, &job, &error, retry_at).await?;
            (kept, if last { "dead" } else { "failed" })
        }
    };
    if kept {
        count(kind.name, counted);
    } else {
        // Another worker took the job over after this one's lease ran out; its outcome
        // stands.
        tracing::warn!(job = %job.id, kind = kind.name, "a run's outcome came after its lease and was dropped");
        count(kind.name, "lease_lost");
    }
    Ok(true)
}

fn count(kind: &str, outcome: &'static str) {
    metrics::counter!("jobs_runs_total", "kind" => kind.to_owned(), "outcome" => outcome)
        .increment(1);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_is_cut_off_before_its_lease_lets_another_worker_in() {
        for kind in KINDS {
            let lease = Duration::from_secs(u64::try_from(kind.lease.as_secs()).unwrap_or(0));
            assert!(budget(kind) < lease, "{}", kind.name);
            assert!(budget(kind) >= Duration::from_secs(1), "{}", kind.name);
        }
    }
}
