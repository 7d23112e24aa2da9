//! `mentora serve`: open the database, migrate, listen, and shut down gracefully.

use std::time::Instant;

use anyhow::Context;
use tokio::net::TcpListener;

use crate::app;
use crate::config::Config;

pub async fn run(config: &Config, with_demo_data: bool) -> anyhow::Result<()> {
    let started = Instant::now();
    // Before anything touches the database: one server per SQLite file.
    let _lock = super::serve_lock::claim(config)?;
    // Listen first: links point at the address actually bound (port 0 picks one).
    let listener = TcpListener::bind(config.addr)
        .await
        .with_context(|| format!("cannot listen on {}", config.addr))?;
    let addr = listener.local_addr()?;
    let config = &Config {
        addr,
        ..config.clone()
    };
    let app = app::build(config).await?;
    if with_demo_data {
        super::demo::seed(&app.db, config).await?;
    }
    let ready_ms = started.elapsed().as_secs_f64() * 1000.0;
    tracing::info!(%addr, backend = app.db.backend().as_str(), ready_ms, "listening");
    println!("Mentora is ready at http://{addr}/ ({ready_ms:.0} ms)");
    if with_demo_data {
        super::demo::print_accounts();
    }

    let clock_follower = app.follow_test_clock();
    // Jobs run beside the web server unless this instance is told to only serve.
    let workers = ::app::jobs::worker::Workers::start(
        app.job_deps(config),
        usize::try_from(config.jobs_workers).unwrap_or(0),
    );
    let report = web::serve(
        listener,
        app.router,
        shutdown_signal(),
        crate::connections::serve_limits(config),
    )
    .await
    .context("serving HTTP");
    // Jobs in hand get the same grace as requests, whether serving ended well or not.
    workers.stop(config.shutdown_grace).await;
    if let Some(follower) = clock_follower {
        follower.abort();
    }
    app.db.close().await;
    let report = report?;
    tracing::info!(?report, "stopped");
    Ok(())
}

/// Resolves on SIGINT (Ctrl-C) or SIGTERM (what orchestrators send).
pub(crate) async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
