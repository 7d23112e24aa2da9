//! Workers: claim a due job, run its handler under the kind's lease, record the outcome.
//! A failed attempt is retried with backoff until its last attempt, after which the job
//! is dead and waits for an operator. A worker that dies mid-run leaves its job
//! `running`; once the lease runs out another worker claims it again.

use std::sync::{Arc, LazyLock};
use std::time::Duration;

use store::StoreError;
use tokio::sync::{Notify, watch};
use tokio::task::JoinHandle;

use super::schedule::Scheduler;
use super::{JobDeps, kind, retry_delay};

/// How long an idle worker waits before looking again, when nothing woke it.
const IDLE_POLL: Duration = Duration::from_secs(1);

/// Wakes this process's idle workers (a job was enqueued here, or time moved).
static WAKE: LazyLock<Notify> = LazyLock::new(Notify::new);

/// Tells idle workers in this process to look for due jobs now.
pub fn wake() {
    WAKE.notify_waiters();
}

/// Running workers; dropping this does not stop them, [`Workers::stop`] does.
pub struct Workers {
    stop: watch::Sender<bool>,
    tasks: Vec<JoinHandle<()>>,
}

impl Workers {
    /// Starts `count` workers (the first also schedules the periodic jobs). Zero starts
    /// none: this instance only serves.
    pub fn start(deps: Arc<JobDeps>, count: usize) -> Self {
        let (stop, stopped) = watch::channel(false);
        let prefix = uuid::Uuid::new_v4().simple().to_string();
        let tasks = (0..count)
            .map(|n| {
                let deps = deps.clone();
                let stopped = stopped.clone();
                let name = format!("{}-{n}", &prefix[..8]);
                let scheduler = (n == 0).then(Scheduler::default);
                tokio::spawn(work(deps, name, scheduler, stopped))
            })
            .collect();
        Self { stop, tasks }
    }

    /// Lets each worker finish the job in hand, then stops them.
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        for task in self.tasks {
            let _ = task.await;
        }
    }
}

async fn work(
    deps: Arc<JobDeps>,
    name: String,
    mut scheduler: Option<Scheduler>,
    mut stopped: watch::Receiver<bool>,
) {
    loop {
        if *stopped.borrow() {
            return;
        }
        if let Some(scheduler) = scheduler.as_mut()
            && let Err(e) = scheduler.tick(&deps.db).await
        {
            tracing::error!(error = %e, "scheduling periodic jobs failed");
        }
        match run_next(&deps, &name).await {
            // Did one: there may be more due.
            Ok(true) => continue,
            Ok(false) => {}
            Err(e) => tracing::error!(error = %e, worker = %name, "claiming a job failed"),
        }
        tokio::select! {
            _ = stopped.changed() => {},
            () = WAKE.notified() => {},
            () = tokio::time::sleep(IDLE_POLL) => {},
        }
    }
}

/// Claims one due job and runs it to an outcome. False when nothing was due.
pub async fn run_next(deps: &JobDeps, worker: &str) -> Result<bool, StoreError> {
    let Some(job) = store::jobs::claim(&deps.db, worker).await? else {
        return Ok(false);
    };
    let Some(kind) = kind(&job.kind) else {
        // A job of a kind this build does not know (written by a newer version?): it
        // waits for an operator rather than being retried here.
        store::jobs::fail(&deps.db, &job, "no handler for this kind", None).await?;
        count(&job.kind, "dead");
        return Ok(true);
    };
    let budget = Duration::from_secs(u64::try_from(kind.lease.as_secs()).unwrap_or(60));
    let outcome = match tokio::time::timeout(budget, (kind.run)(deps, &job)).await {
        Ok(outcome) => outcome,
        Err(_) => Err(format!("ran longer than its lease ({}s)", budget.as_secs())),
    };
    match outcome {
        Ok(()) => {
            store::jobs::succeed(&deps.db, &job).await?;
            count(kind.name, "succeeded");
        }
        Err(error) => {
            let last = job.attempts >= job.max_attempts;
            let retry_at = (!last).then(|| deps.db.clock().now() + retry_delay(job.attempts));
            tracing::warn!(job = %job.id, kind = kind.name, attempt = job.attempts, %error, "job failed");
            store::jobs::fail(&deps.db, &job, &error, retry_at).await?;
            count(kind.name, if last { "dead" } else { "failed" });
        }
    }
    Ok(true)
}

fn count(kind: &str, outcome: &'static str) {
    metrics::counter!("jobs_runs_total", "kind" => kind.to_owned(), "outcome" => outcome)
        .increment(1);
}
