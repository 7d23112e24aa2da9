//! Push from signed-in calendars. While a Google or Microsoft calendar blocks time, its
//! provider is asked to tell Mentora of changes: a Google watch channel or a Graph
//! subscription, opened (or renewed a day before it ends) after each successful sync
//! and closed when the calendar stops blocking or the connection goes. Each carries a
//! random secret the provider echoes (`X-Goog-Channel-Token`, `clientState`); only its
//! SHA-256 is stored. A notification whose channel and secret match puts a sync of the
//! connection on the queue at once; anything else is refused.
//!
//! Push only hastens a read: the scheduled sync still runs, so a channel that failed to
//! open, or a notification lost on the way, costs at most the sync interval.

use ::calendars::hosted::Watch;
use ::calendars::oauth::Provider;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use futures::FutureExt;
use jiff::{SignedDuration, Timestamp};
use sha2::{Digest, Sha256};
use store::Database;
use store::calendars::{Calendar, Connection, StoredWatch};
use uuid::Uuid;

use super::Calendars;
use super::signed_in::with_token;

/// How long a channel is asked to stay open (Google keeps it up to a week; Graph's
/// event subscriptions end within three days).
const LIFETIME: SignedDuration = SignedDuration::from_hours(48);
/// A channel ending within this is renewed.
const RENEW_BEFORE: SignedDuration = SignedDuration::from_hours(24);

/// Where a provider POSTs its notifications.
pub fn address(calendars: &Calendars, provider: Provider) -> String {
    let path = match provider {
        Provider::Google => "google-calendar",
        Provider::Microsoft => "microsoft-calendar",
    };
    format!(
        "{}/api/v1/webhooks/{path}",
        calendars.accounts().origin.trim_end_matches('/')
    )
}

fn digest(secret: &str) -> String {
    Sha256::digest(secret.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn secret() -> Option<String> {
    let mut bytes = [0u8; 32];
    ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut bytes).ok()?;
    Some(URL_SAFE_NO_PAD.encode(bytes))
}

/// Opens, renews or closes `connection`'s channels so that exactly its blocking
/// calendars have one. Failures are logged, never returned (push only hastens reads).
pub async fn keep_watching(
    db: &Database,
    calendars: &Calendars,
    connection: &Connection,
    blocking: &[Calendar],
) {
    let Some(provider) = Provider::of_kind(&connection.kind) else {
        return;
    };
    // Google and Graph call HTTPS addresses only: without one, the schedule reads.
    let origin = &calendars.accounts().origin;
    if !origin.starts_with("https://") && !calendars.allow_private() {
        return;
    }
    let held = match store::calendars::watches_of(db, connection.id).await {
        Ok(held) => held,
        Err(e) => {
            tracing::warn!(error = %e, "reading calendar channels failed");
            return;
        }
    };
    let now = db.clock().now();
    // Calendars that stopped blocking: their channels close.
    for watch in held
        .iter()
        .filter(|w| !blocking.iter().any(|c| c.id == w.calendar_id))
    {
        close(db, calendars, connection, provider, watch).await;
    }
    for calendar in blocking {
        let current = held.iter().find(|w| w.calendar_id == calendar.id);
        if current.is_some_and(|w| w.watch_expires_at > (now + RENEW_BEFORE).as_second()) {
            continue;
        }
        if let Err(e) = open(db, calendars, connection, provider, calendar, current, now).await {
            tracing::warn!(connection = %connection.id, error = %e, "opening a calendar channel failed; the scheduled sync goes on");
        }
    }
}

async fn open(
    db: &Database,
    calendars: &Calendars,
    connection: &Connection,
    provider: Provider,
    calendar: &Calendar,
    current: Option<&StoredWatch>,
    now: Timestamp,
) -> Result<(), String> {
    let expires = now + LIFETIME;
    let accounts = calendars.accounts();
    let address = address(calendars, provider);
    let remote = calendar.remote_url.as_str();
    let (watch, secret_hash) = match (provider, &accounts.google, &accounts.microsoft) {
        (Provider::Microsoft, _, Some((_, graph))) => {
            // A Graph subscription still running is renewed in place (its secret stays);
            // one that ended, or that Graph no longer knows, is made anew.
            let running = current.filter(|w| w.watch_expires_at > now.as_second());
            let renewed = match running {
                Some(held) => {
                    let id = held.watch_id.as_str();
                    let asked = with_token(db, calendars, connection, |t| {
                        async move { graph.renew(&t, id, expires).await }.boxed()
                    })
                    .await;
                    match asked {
                        Ok(watch) => Some((watch, held.watch_secret_hash.clone())),
                        Err(e) => {
                            tracing::info!(error = ?e, "a calendar subscription could not be renewed; making a new one");
                            None
                        }
                    }
                }
                None => None,
            };
            match renewed {
                Some(renewed) => renewed,
                None => {
                    let secret = secret().ok_or("no randomness")?;
                    let (address, secret_ref) = (address.as_str(), secret.as_str());
                    let watch = with_token(db, calendars, connection, |t| {
                        async move {
                            graph
                                .subscribe(&t, remote, address, secret_ref, expires)
                                .await
                        }
                        .boxed()
                    })
                    .await
                    .map_err(|e| format!("{e:?}"))?;
                    (watch, digest(&secret))
                }
            }
        }
        (Provider::Google, Some((_, api)), _) => {
            // A Google channel cannot be extended: a new one opens, then the old closes.
            let secret = secret().ok_or("no randomness")?;
            let channel = db.new_id().to_string();
            let (address, secret_ref, channel_ref) =
                (address.as_str(), secret.as_str(), channel.as_str());
            let watch = with_token(db, calendars, connection, |t| {
                async move {
                    api.watch(&t, remote, channel_ref, address, secret_ref, expires)
                        .await
                }
                .boxed()
            })
            .await
            .map_err(|e| format!("{e:?}"))?;
            if let Some(old) = current {
                close(db, calendars, connection, provider, old).await;
            }
            (watch, digest(&secret))
        }
        _ => return Ok(()),
    };
    let stored = StoredWatch {
        calendar_id: calendar.id,
        connection_id: connection.id,
        watch_id: watch.id,
        watch_resource: watch.resource,
        watch_secret_hash: secret_hash,
        watch_expires_at: watch.expires_at.as_second(),
    };
    store::calendars::save_watch(db, calendar.id, Some(&stored))
        .await
        .map_err(|e| e.to_string())
}

/// Closes a channel at the provider (best effort) and forgets it.
async fn close(
    db: &Database,
    calendars: &Calendars,
    connection: &Connection,
    provider: Provider,
    stored: &StoredWatch,
) {
    let accounts = calendars.accounts();
    let watch = Watch {
        id: stored.watch_id.clone(),
        resource: stored.watch_resource.clone(),
        expires_at: Timestamp::UNIX_EPOCH,
    };
    let watch = &watch;
    let closed = match (provider, &accounts.google, &accounts.microsoft) {
        (Provider::Google, Some((_, api)), _) => with_token(db, calendars, connection, |t| {
            async move { api.stop(&t, watch).await }.boxed()
        })
        .await
        .map_err(|e| format!("{e:?}")),
        (Provider::Microsoft, _, Some((_, graph))) => with_token(db, calendars, connection, |t| {
            async move { graph.unsubscribe(&t, &watch.id).await }.boxed()
        })
        .await
        .map_err(|e| format!("{e:?}")),
        _ => Ok(()),
    };
    if let Err(e) = closed {
        tracing::warn!(error = %e, "closing a calendar channel failed; it ends by itself");
    }
    if let Err(e) = store::calendars::save_watch(db, stored.calendar_id, None).await {
        tracing::warn!(error = %e, "forgetting a calendar channel failed");
    }
}

/// Closes every channel of a connection about to go.
pub async fn close_all(db: &Database, calendars: &Calendars, connection: &Connection) {
    let Some(provider) = Provider::of_kind(&connection.kind) else {
        return;
    };
    if let Ok(held) = store::calendars::watches_of(db, connection.id).await {
        for watch in &held {
            close(db, calendars, connection, provider, watch).await;
        }
    }
}

/// What a notification came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heard {
    /// The provider's first message on a new channel (Google's `sync`): nothing to read.
    Handshake,
    /// A sync of the connection is on the queue.
    Queued(Uuid),
    /// No channel by that id, or the secret does not match: refused.
    Unknown,
}

/// A notification on channel `channel` carrying `secret`; `state` is Google's
/// `X-Goog-Resource-State` (`sync` on a new channel), `None` for Graph.
pub async fn notified(
    db: &Database,
    channel: &str,
    secret: &str,
    state: Option<&str>,
) -> Result<Heard, store::StoreError> {
    let Some(watch) = store::calendars::watched(db, channel).await? else {
        return Ok(Heard::Unknown);
    };
    // Digests are compared, not secrets: how long the comparison takes tells nothing of
    // a secret whose digest an attacker cannot steer.
    if digest(secret) != watch.watch_secret_hash {
        return Ok(Heard::Unknown);
    }
    if state == Some("sync") {
        return Ok(Heard::Handshake);
    }
    let now = db.clock().now();
    let job = crate::jobs::calendar_sync::pushed(watch.connection_id, now);
    crate::jobs::enqueue_job(db, &job).await?;
    crate::jobs::worker::wake();
    Ok(Heard::Queued(watch.connection_id))
}
