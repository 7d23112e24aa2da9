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

    let housekeeping = tokio::spawn(housekeeping(
        app.db.clone(),
        app.files.clone(),
        jiff::SignedDuration::from_hours(24 * i64::from(config.document_retention_days)),
    ));
    let availability = tokio::spawn(keep_first_free_slots_current(
        app.db.clone(),
        app.schedules.clone(),
    ));
    let holds = tokio::spawn(release_lapsed_holds(app.db.clone(), app.schedules.clone()));
    let moves = tokio::spawn(send_held_back_move_emails(
        app.db.clone(),
        app.mailer.clone(),
        app.origin.clone(),
    ));
    let report = web::serve(
        listener,
        app.router,
        shutdown_signal(),
        crate::connections::serve_limits(config),
    )
    .await
    .context("serving HTTP")?;
    housekeeping.abort();
    availability.abort();
    holds.abort();
    moves.abort();
    app.db.close().await;
    tracing::info!(?report, "stopped");
    Ok(())
}

/// Resolves on SIGINT (Ctrl-C) or SIGTERM (what orchestrators send).
async fn shutdown_signal() {
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

/// Hourly upkeep: documents of rejected applications go once their retention has passed;
/// expired ceremonies, sessions, email links and known devices are deleted.
/// Every instance may run it; deleting what is already gone changes nothing.
async fn housekeeping(
    db: store::Database,
    files: std::sync::Arc<dyn ::app::files::FileStore>,
    retention: jiff::SignedDuration,
) {
    let mut every_hour = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        every_hour.tick().await;
        let purged = ::app::experts::documents::purge_rejected(
            &db,
            files.as_ref(),
            db.clock().now(),
            retention,
        )
        .await;
        match purged {
            Ok(0) => {}
            Ok(n) => tracing::info!(documents = n, "removed documents past their retention"),
            Err(e) => tracing::error!(error = %e, "removing expired documents failed"),
        }
        match store::upkeep::purge_expired(&db, db.clock().now()).await {
            Ok(purged) if purged.total() == 0 => {}
            Ok(purged) => tracing::info!(
                challenges = purged.challenges,
                sessions = purged.sessions,
                email_links = purged.email_links,
                devices = purged.devices,
                "removed expired sign-in records"
            ),
            Err(e) => tracing::error!(error = %e, "removing expired sign-in records failed"),
        }
    }
}

/// Every 30 seconds: holds that ran out are marked expired and their experts' cached
/// schedules dropped. Availability already ignores a lapsed hold from its expiry on; this
/// makes the timeline say so. Every instance may run it: each hold moves once.
async fn release_lapsed_holds(
    db: store::Database,
    schedules: std::sync::Arc<::app::scheduling::ScheduleCache>,
) {
    let mut every_half_minute = tokio::time::interval(std::time::Duration::from_secs(30));
    loop {
        every_half_minute.tick().await;
        let now = db.clock().now();
        match ::app::bookings::expiry::release(&db, &schedules, now).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(experts = n, "released lapsed holds"),
            Err(e) => tracing::error!(error = %e, "releasing lapsed holds failed"),
        }
    }
}

/// Every 30 seconds: a session moved again soon after its last move email gets one email
/// for where it ended up, once the quiet period is over. Every instance may run it: each
/// held-back email is claimed once.
async fn send_held_back_move_emails(
    db: store::Database,
    mailer: std::sync::Arc<dyn ::app::mail::Mailer>,
    origin: String,
) {
    let mut every_half_minute = tokio::time::interval(std::time::Duration::from_secs(30));
    loop {
        every_half_minute.tick().await;
        let now = db.clock().now();
        match ::app::bookings::notices::send_held_back_moves(&db, mailer.as_ref(), &origin, now)
            .await
        {
            Ok(0) => {}
            Ok(n) => tracing::info!(sessions = n, "sent held-back move emails"),
            Err(e) => tracing::error!(error = %e, "sending held-back move emails failed"),
        }
    }
}

/// Every five minutes: experts whose first free slot has passed (or is unknown) get it
/// recomputed, so the directory's "available soon" stays true as time moves on; busy
/// times that ended a day ago are forgotten. Every instance may run it; the work is
/// idempotent.
async fn keep_first_free_slots_current(
    db: store::Database,
    schedules: std::sync::Arc<::app::scheduling::ScheduleCache>,
) {
    let mut every_five_minutes = tokio::time::interval(std::time::Duration::from_secs(300));
    loop {
        every_five_minutes.tick().await;
        match ::app::scheduling::next_available::sweep(&db, &schedules).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(experts = n, "recomputed first free slots"),
            Err(e) => tracing::error!(error = %e, "recomputing first free slots failed"),
        }
        let day_ago = db.clock().now() - jiff::SignedDuration::from_hours(24);
        if let Err(e) = store::availability::forget_past_busy_times(&db, day_ago).await {
            tracing::error!(error = %e, "forgetting past busy times failed");
        }
    }
}
