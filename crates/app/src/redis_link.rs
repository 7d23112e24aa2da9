//! The link to Redis. Redis is optional in configuration and at run time alike: an instance
//! starts without it, keeps serving while it is away, and uses it again once it answers.
//!
//! Every call is bounded by `CALL_TIMEOUT` and never retried on the request path. Once a
//! call fails for want of Redis (refused, reset, no answer), the link is marked down and
//! later calls fail at once, without touching the network, so callers fall back to what
//! this instance knows (per-instance counters, no shared cache) in microseconds. A prober
//! pings Redis in the background and marks the link up again when it answers; each time it
//! does, `generation` moves on, so whatever was cached while instances could not tell each
//! other about changes can be dropped.

use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use tokio::sync::watch;

/// The longest one Redis call may take before the link counts as down.
pub const CALL_TIMEOUT: Duration = Duration::from_millis(250);
/// How often the prober pings Redis.
const PROBE_EVERY: Duration = Duration::from_secs(1);

/// Redis could not be used just now; the reason is for logs and `/readyz`.
#[derive(Debug, Clone, thiserror::Error)]
#[error("Redis is unavailable: {0}")]
pub struct Unavailable(pub String);

/// Cheap to clone; every clone shares one connection and one view of whether it is up.
#[derive(Clone)]
pub struct RedisLink {
    inner: Arc<Inner>,
}

struct Inner {
    /// For connections of their own (a pub/sub subscription cannot share `conn`).
    client: redis::Client,
    conn: ConnectionManager,
    up: AtomicBool,
    /// Why the link is down, while it is.
    reason: Mutex<String>,
    /// Moves on each time the link comes (back) up.
    generation: watch::Sender<u64>,
}

impl RedisLink {
    /// Opens the link without waiting for Redis beyond one bounded ping: an unreachable
    /// server leaves the link down and the prober keeps trying. Only a malformed URL fails.
    pub async fn open(url: &str) -> Result<Self, redis::RedisError> {
        let client = redis::Client::open(url)?;
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(CALL_TIMEOUT))
            .set_response_timeout(Some(CALL_TIMEOUT))
            .set_number_of_retries(1)
            .set_min_delay(Duration::from_millis(50))
            .set_max_delay(PROBE_EVERY);
        let conn = ConnectionManager::new_lazy_with_config(client.clone(), config)?;
        let link = Self {
            inner: Arc::new(Inner {
                client,
                conn,
                up: AtomicBool::new(false),
                reason: Mutex::new("not connected yet".to_owned()),
                generation: watch::Sender::new(0),
            }),
        };
        // Down at start is fine: the prober keeps trying.
        let _ = link.probe().await;
        tokio::spawn(keep_probing(Arc::downgrade(&link.inner)));
        Ok(link)
    }

    /// Runs one Redis operation on a clone of the connection, within `CALL_TIMEOUT`.
    /// Fails at once while the link is down.
    pub async fn run<T, F, Fut>(&self, op: F) -> Result<T, Unavailable>
    where
        F: FnOnce(ConnectionManager) -> Fut,
        Fut: Future<Output = redis::RedisResult<T>>,
    {
        if !self.is_up() {
            return Err(Unavailable(self.reason()));
        }
        match tokio::time::timeout(CALL_TIMEOUT, op(self.inner.conn.clone())).await {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(e)) if lost_redis(&e) => Err(self.mark_down(e.to_string())),
            // Redis answered, with an error of the command's own: the link is fine.
            Ok(Err(e)) => Err(Unavailable(e.to_string())),
            Err(_) => {
                Err(self.mark_down(format!("no answer within {} ms", CALL_TIMEOUT.as_millis())))
            }
        }
    }

    /// The client, for a connection of one's own (a pub/sub subscription).
    pub fn client(&self) -> redis::Client {
        self.inner.client.clone()
    }

    /// Pings now (bounded like any call, and even while the link is down) and records the
    /// outcome. Ok when Redis answered.
    pub async fn probe(&self) -> Result<(), Unavailable> {
        let mut conn = self.inner.conn.clone();
        let ping = redis::cmd("PING");
        match tokio::time::timeout(CALL_TIMEOUT, ping.query_async::<String>(&mut conn)).await {
            Ok(Ok(_)) => {
                if !self.inner.up.swap(true, Ordering::AcqRel) {
                    self.inner.generation.send_modify(|g| *g += 1);
                    tracing::info!("Redis answers: shared counters and cache versions resume");
                }
                Ok(())
            }
            Ok(Err(e)) => Err(self.mark_down(e.to_string())),
            Err(_) => {
                Err(self.mark_down(format!("no answer within {} ms", CALL_TIMEOUT.as_millis())))
            }
        }
    }

    /// Whether Redis answered lately; while false, calls fail at once and callers fall back.
    pub fn is_up(&self) -> bool {
        self.inner.up.load(Ordering::Acquire)
    }

    /// How many times the link has come up. Anything cached under an earlier generation
    /// may have missed a change announced while Redis was away.
    pub fn generation(&self) -> u64 {
        *self.inner.generation.borrow()
    }

    /// Wakes on every change of `generation`.
    pub fn watch_generation(&self) -> watch::Receiver<u64> {
        self.inner.generation.subscribe()
    }

    fn reason(&self) -> String {
        self.inner
            .reason
            .lock()
            .map(|r| r.clone())
            .unwrap_or_else(|e| e.into_inner().clone())
    }

    fn mark_down(&self, reason: String) -> Unavailable {
        if self.inner.up.swap(false, Ordering::AcqRel) {
            tracing::error!(%reason, "Redis is unavailable: this instance counts limits on its own and caches no schedules until it answers again");
        }
        match self.inner.reason.lock() {
            Ok(mut r) => r.clone_from(&reason),
            Err(e) => e.into_inner().clone_from(&reason),
        }
        Unavailable(reason)
    }
}

/// Errors that mean Redis itself is out of reach, as opposed to a command it refused.
fn lost_redis(e: &redis::RedisError) -> bool {
    e.is_io_error()
        || e.is_connection_dropped()
        || e.is_connection_refusal()
        || e.is_timeout()
        || e.is_unrecoverable_error()
}

async fn keep_probing(inner: Weak<Inner>) {
    let mut every = tokio::time::interval(PROBE_EVERY);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    every.tick().await;
    loop {
        every.tick().await;
        let Some(inner) = inner.upgrade() else {
            return;
        };
        // A failed probe is recorded by `probe` itself.
        let _ = RedisLink { inner }.probe().await;
    }
}
