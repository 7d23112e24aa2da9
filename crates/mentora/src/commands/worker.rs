//! `mentora worker`: run job workers only, no web server — for PostgreSQL deployments
//! that scale jobs apart from requests. On SQLite the file's one-process lock applies
//! (a `serve` runs its own workers there).

use crate::app;
use crate::config::Config;

pub async fn run(config: &Config) -> anyhow::Result<()> {
    let _lock = super::serve_lock::claim(config)?;
    let app = app::build(config).await?;
    let count = usize::try_from(config.jobs_workers.max(1)).unwrap_or(1);
    let clock_follower = app.follow_test_clock();
    let workers = ::app::jobs::worker::Workers::start(app.job_deps(config), count);
    tracing::info!(
        workers = count,
        backend = app.db.backend().as_str(),
        "running jobs"
    );
    println!("Mentora is running {count} job workers; stop with Ctrl-C.");
    super::serve::shutdown_signal().await;
    workers.stop(config.shutdown_grace).await;
    if let Some(follower) = clock_follower {
        follower.abort();
    }
    app.db.close().await;
    tracing::info!("stopped");
    Ok(())
}
