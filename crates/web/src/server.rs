//! Serving with graceful shutdown: on the signal, stop accepting, let in-flight requests
//! finish, and give up on stragglers after the grace period.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::Notify;

/// How serving ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShutdownReport {
    /// Every in-flight request finished.
    Drained,
    /// The grace period ran out with requests still running; they were dropped.
    GraceExpired,
}

pub async fn serve(
    listener: TcpListener,
    app: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
    grace: Duration,
) -> std::io::Result<ShutdownReport> {
    let started_shutdown = Arc::new(Notify::new());
    let notify = started_shutdown.clone();
    let server = axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async move {
        shutdown.await;
        tracing::info!("shutdown requested; finishing in-flight requests");
        // notify_one stores a permit, so the waiter below cannot miss it.
        notify.notify_one();
    });
    tokio::select! {
        result = server => result.map(|()| ShutdownReport::Drained),
        () = async {
            started_shutdown.notified().await;
            tokio::time::sleep(grace).await;
        } => {
            tracing::warn!(grace_secs = grace.as_secs(), "grace period over; dropping remaining requests");
            Ok(ShutdownReport::GraceExpired)
        }
    }
}
