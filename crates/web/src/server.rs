//! Serving connections so that slow or idle clients cannot take the server down, and
//! shutting down within a hard grace period.
//!
//! - A request's headers must arrive within `header_read_timeout`; hyper applies it to a
//!   kept-alive connection waiting for its next request as well.
//! - A connection on which no byte moves either way for `idle_timeout`, while none of its
//!   requests is being handled, is closed (a slow handler is bounded by the request
//!   timeout instead).
//! - At most `max_connections` are open, below the process's file limit, so the database,
//!   Redis and uploads always have descriptors left. When all are taken and a new client
//!   arrives, one makes room (see `room`): the oldest that has not yet sent a complete
//!   request, else the quietest one with no request in flight. A flood of slow
//!   connections only pushes out its own kind, and `/healthz` gets in.
//! - On the shutdown signal the listener closes, idle connections close at once, in-flight
//!   requests get `grace` to finish, and whatever remains is then dropped.

mod idle;
mod room;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::connect_info::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Semaphore, watch};
use tokio::task::JoinSet;
use tower::ServiceExt;

use idle::{Activity, Watched};
use room::Registry;

/// How serving ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShutdownReport {
    /// Every in-flight request finished.
    Drained,
    /// The grace period ran out with requests still running; they were dropped.
    GraceExpired,
}

/// The bounds every connection is held to.
#[derive(Debug, Clone, Copy)]
pub struct ServeLimits {
    pub header_read_timeout: Duration,
    pub idle_timeout: Duration,
    pub max_connections: usize,
    pub grace: Duration,
}

/// Serves `app` on `listener` until `shutdown` resolves, then drains within the grace.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
    limits: ServeLimits,
) -> std::io::Result<ShutdownReport> {
    let slots = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let registry = Arc::new(Registry::default());
    let (closing, closing_rx) = watch::channel(false);
    let mut connections = JoinSet::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of descriptors or a connection that died in the backlog: keep
                    // going, after a breath so a persistent error does not spin.
                    tracing::warn!(error = %e, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let slot = match slots.clone().try_acquire_owned() {
            Ok(slot) => slot,
            Err(_) => {
                // Full, and a new client is here: one connection makes room; its slot
                // (or any other that frees first) goes to the newcomer.
                if !registry.make_room() {
                    tracing::warn!("every connection is busy with a request; a new one waits");
                }
                tokio::select! {
                    () = &mut shutdown => break,
                    slot = slots.clone().acquire_owned() => match slot {
                        Ok(slot) => slot,
                        Err(_) => break,
                    },
                }
            }
        };
        while connections.try_join_next().is_some() {}
        let slot = ConnectionSlot(Arc::new(std::sync::Mutex::new(Some(slot))));
        let connection = Connection {
            app: app.clone(),
            peer,
            limits,
            registry: registry.clone(),
            closing: closing_rx.clone(),
            slot: slot.clone(),
        };
        connections.spawn(async move {
            // Held until the connection ends, unless a WebSocket took it over.
            let _slot = slot;
            connection.serve(stream).await;
        });
    }
    drop(listener);
    tracing::info!(
        open = connections.len(),
        "shutdown requested; finishing in-flight requests"
    );
    let _ = closing.send(true);
    let drained = tokio::time::timeout(limits.grace, async {
        while connections.join_next().await.is_some() {}
    })
    .await;
    match drained {
        Ok(()) => Ok(ShutdownReport::Drained),
        Err(_) => {
            tracing::warn!(
                grace_secs = limits.grace.as_secs_f64(),
                dropped = connections.len(),
                "grace period over; dropping remaining connections"
            );
            connections.shutdown().await;
            Ok(ShutdownReport::GraceExpired)
        }
    }
}

struct Connection {
    app: Router,
    peer: SocketAddr,
    limits: ServeLimits,
    registry: Arc<Registry>,
    closing: watch::Receiver<bool>,
    slot: ConnectionSlot,
}

/// A connection's place among `max_connections`. A request that upgrades the connection
/// to a WebSocket takes it ([`ConnectionSlot::take`]) and holds it while the socket lives,
/// so live sockets count against the same bound (and file limit) as every other
/// connection: hyper hands the socket over and forgets the connection on upgrade.
#[derive(Clone)]
pub struct ConnectionSlot(Arc<std::sync::Mutex<Option<tokio::sync::OwnedSemaphorePermit>>>);

impl ConnectionSlot {
    /// The slot, for whoever keeps the connection open beyond its HTTP life.
    pub fn take(&self) -> Option<tokio::sync::OwnedSemaphorePermit> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take()
    }
}

impl Connection {
    async fn serve(mut self, stream: TcpStream) {
        let _open = OpenGauge::new();
        let activity = Activity::new();
        let io = TokioIo::new(Watched::new(stream, activity.clone()));
        let (ticket, evicted) = self.registry.enter(activity.clone());
        let ticket = Arc::new(ticket);
        let (app, peer, slot) = (self.app.clone(), self.peer, self.slot.clone());
        let requests = activity.clone();
        let service = hyper::service::service_fn(move |mut req: hyper::Request<Incoming>| {
            // A complete request head arrived: this connection is no longer among the
            // first to make room, and is not idle while the request is handled.
            ticket.proven();
            let handling = requests.request_started();
            req.extensions_mut().insert(ConnectInfo(peer));
            req.extensions_mut().insert(slot.clone());
            let app = app.clone();
            async move {
                let response = app.oneshot(req.map(Body::new)).await;
                drop(handling);
                response
            }
        });
        let mut builder = auto::Builder::new(TokioExecutor::new());
        builder
            .http1()
            .timer(TokioTimer::new())
            .header_read_timeout(self.limits.header_read_timeout);
        builder
            .http2()
            .timer(TokioTimer::new())
            .enable_connect_protocol();
        let conn = builder.serve_connection_with_upgrades(io, service);
        let mut conn = std::pin::pin!(conn);
        let idle = activity.clone();
        let mut idle = std::pin::pin!(idle.idle_for(self.limits.idle_timeout));
        let mut shutting_down = *self.closing.borrow();
        if shutting_down {
            conn.as_mut().graceful_shutdown();
        }
        loop {
            tokio::select! {
                result = conn.as_mut() => {
                    if let Err(e) = result {
                        tracing::debug!(error = %e, peer = %self.peer, "connection ended with an error");
                    }
                    return;
                }
                () = &mut idle => {
                    tracing::debug!(peer = %self.peer, "closing an idle connection");
                    return;
                }
                () = evicted.notified() => {
                    tracing::debug!(peer = %self.peer, "closing a slow connection to make room");
                    return;
                }
                changed = self.closing.changed(), if !shutting_down => {
                    shutting_down = true;
                    if changed.is_ok() {
                        conn.as_mut().graceful_shutdown();
                    }
                }
            }
        }
    }
}

/// `http_connections_open`, up while the connection lives.
struct OpenGauge;

impl OpenGauge {
    fn new() -> Self {
        metrics::gauge!("http_connections_open").increment(1.0);
        Self
    }
}

impl Drop for OpenGauge {
    fn drop(&mut self) {
        metrics::gauge!("http_connections_open").decrement(1.0);
    }
}
