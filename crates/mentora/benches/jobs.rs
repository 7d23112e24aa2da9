#![allow(clippy::expect_used, clippy::panic)] // a benchmark that cannot set up has nothing to measure

//! The job queue, measured: jobs per second through enqueue + claim + complete of a no-op
//! (`ping`) job with 1 and 4 workers, and the time from enqueue to run for an idle worker,
//! on SQLite (a file in a temporary folder) and, when `BENCH_DATABASE_URL` names one, on
//! PostgreSQL (emptied first).
//!
//! `cargo bench -p mentora --bench jobs` (results in BENCHMARKS.md).

use std::sync::Arc;
use std::time::{Duration, Instant};

use app::jobs::JobDeps;
use app::jobs::worker::{Workers, run_next};
use jiff::SignedDuration;
use store::Database;
use store::jobs::JobStatus;

const JOBS: usize = 2000;
const LATENCY_SAMPLES: usize = 50;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let dir = std::env::temp_dir().join(format!("mentora-jobs-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let sqlite = format!("sqlite://{}/bench.db", dir.display());
    measure("SQLite", &sqlite).await;
    if let Ok(url) = std::env::var("BENCH_DATABASE_URL") {
        measure("PostgreSQL", &url).await;
    }
    let _ = std::fs::remove_dir_all(&dir);
}

async fn measure(name: &str, url: &str) {
    let db = Database::connect(url, 16).await.expect("the database");
    store::migrations::apply(&db).await.expect("migrations");
    let deps = Arc::new(deps(db.clone()));
    for workers in [1, 4] {
        clear(&db).await;
        let started = Instant::now();
        let enqueue = tokio::spawn({
            let db = db.clone();
            async move {
                for _ in 0..JOBS {
                    ping(&db).await;
                }
            }
        });
        let tasks: Vec<_> = (0..workers)
            .map(|w| {
                let deps = deps.clone();
                tokio::spawn(async move {
                    let mut ran = 0;
                    // Workers race the enqueuer: stop once every job has run.
                    loop {
                        if run_next(&deps, &format!("bench-{w}"))
                            .await
                            .expect("a claim")
                        {
                            ran += 1;
                        } else if done(&deps.db).await >= JOBS {
                            return ran;
                        } else {
                            tokio::task::yield_now().await;
                        }
                    }
                })
            })
            .collect();
        enqueue.await.expect("enqueued");
        let mut total = 0;
        for t in tasks {
            total += t.await.expect("a worker");
        }
        let secs = started.elapsed().as_secs_f64();
        assert_eq!(total, JOBS);
        println!(
            "{name}: {JOBS} ping jobs, {workers} worker(s): {:.0} jobs/s ({secs:.2} s)",
            JOBS as f64 / secs
        );
    }

    // Idle latency: one running worker, waiting; enqueue, and time until it has run.
    clear(&db).await;
    let workers = Workers::start(deps.clone(), 1);
    let mut samples = Vec::with_capacity(LATENCY_SAMPLES);
    for _ in 0..LATENCY_SAMPLES {
        // Let the worker go idle first.
        tokio::time::sleep(Duration::from_millis(20)).await;
        let before = done(&db).await;
        let started = Instant::now();
        ping(&db).await;
        while done(&db).await == before {
            tokio::task::yield_now().await;
        }
        samples.push(started.elapsed());
    }
    workers.stop(Duration::from_secs(5)).await;
    samples.sort();
    let at = |p: usize| samples[(samples.len() * p / 100).min(samples.len() - 1)];
    println!(
        "{name}: enqueue to run at idle over {LATENCY_SAMPLES} jobs: p50 {:.1} ms, p90 {:.1} ms, max {:.1} ms",
        at(50).as_secs_f64() * 1000.0,
        at(90).as_secs_f64() * 1000.0,
        at(100).as_secs_f64() * 1000.0
    );
    db.close().await;
}

fn deps(db: Database) -> JobDeps {
    let files =
        app::files::ObjectFiles::local(&std::env::temp_dir().join("mentora-jobs-bench-files"))
            .expect("a file store");
    JobDeps {
        mailer: Arc::new(app::mail::OutboxMailer::new(db.clone())),
        outgoing: Arc::new(app::mail::OutboxMailer::new(db.clone())),
        db,
        schedules: Arc::new(app::scheduling::ScheduleCache::in_process()),
        files: Arc::new(files),
        origin: "http://mentora.bench".into(),
        payments: Arc::new(payments::sandbox::Sandbox),
        booking_rules: app::bookings::BookingRules::default(),
        video: app::rooms::VideoSettings::default(),
        calendars: app::calendars::Calendars::for_tests().expect("calendar clients"),
        document_retention: SignedDuration::from_hours(24),
    }
}

async fn ping(db: &Database) {
    let kind = app::jobs::kind("ping").expect("the ping kind");
    app::jobs::enqueue(db, kind, &serde_json::json!({}), None, db.clock().now())
        .await
        .expect("enqueued");
}

async fn done(db: &Database) -> usize {
    store::jobs::list(db, &[JobStatus::Succeeded], 1_000_000)
        .await
        .expect("a list")
        .len()
}

/// Forgets every finished job (the benchmark's own), so each run starts from an empty queue.
async fn clear(db: &Database) {
    let far = db.clock().now() + SignedDuration::from_hours(24 * 365);
    store::jobs::forget_succeeded(db, far)
        .await
        .expect("cleared");
}
