//! Between instances: one Redis pub/sub channel (`{prefix}:live`) carries every event and
//! every schedule change, each marked with the instance that sent it.
//!
//! Redis pub/sub delivers to whoever is subscribed at that moment and keeps nothing, so
//! each time the subscription is (re)established the hub's `Hearing` moves on: schedule
//! caches drop what they hold, and this instance's clients are told to reload. A
//! subscription is also renewed when the shared Redis link comes back after an outage,
//! since a connection that went quiet may not know it is dead.

use std::collections::HashSet;
use std::sync::{Arc, Mutex, PoisonError, Weak};
use std::time::Duration;

use futures::StreamExt;
use uuid::Uuid;

use super::LiveEvent;
use super::hub::{Hearing, LiveHub};
use crate::redis_link::{CALL_TIMEOUT, RedisLink};

/// What goes between instances.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub(super) enum Message {
    /// An event for the followers of its channel on every instance.
    Event(LiveEvent),
    /// The expert's schedule changed: drop cached copies.
    ScheduleChanged { expert: Uuid },
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Envelope {
    origin: Uuid,
    message: Message,
}

/// The publishing side, and what the subscriber needs to connect.
pub(super) struct RedisBus {
    link: RedisLink,
    topic: String,
    /// Schedule changes that could not be published: sent again once Redis answers, so
    /// an instance that did not lose its own subscription still hears of them.
    unsent: Arc<Mutex<HashSet<Uuid>>>,
}

impl RedisBus {
    pub(super) fn new(link: RedisLink, prefix: &str) -> Self {
        Self {
            link,
            topic: format!("{prefix}:live"),
            unsent: Arc::default(),
        }
    }

    /// Whether Redis answers now (the link's view, updated every second).
    pub(super) fn link_up(&self) -> bool {
        self.link.is_up()
    }

    /// Publishes `message`; failures are logged (and schedule changes kept to resend).
    pub(super) async fn publish(&self, message: Message, origin: Uuid) {
        let expert = match &message {
            Message::ScheduleChanged { expert } => Some(*expert),
            Message::Event(_) => None,
        };
        if let Err(e) = publish(&self.link, &self.topic, &Envelope { origin, message }).await {
            tracing::warn!(error = %e, "a live message did not reach Redis; other instances miss it");
            if let Some(expert) = expert {
                self.unsent
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .insert(expert);
            }
        }
    }
}

async fn publish(link: &RedisLink, topic: &str, envelope: &Envelope) -> Result<(), String> {
    let payload = serde_json::to_string(envelope).map_err(|e| e.to_string())?;
    let topic = topic.to_owned();
    link.run(|mut conn| async move {
        redis::cmd("PUBLISH")
            .arg(topic)
            .arg(payload)
            .query_async::<i64>(&mut conn)
            .await
    })
    .await
    .map(|_| ())
    .map_err(|e| e.to_string())
}

/// Starts the subscriber (and the resender of unsent schedule changes) for `hub`.
pub(super) fn start(hub: &Arc<LiveHub>) {
    tokio::spawn(subscribe_forever(Arc::downgrade(hub)));
    tokio::spawn(resend_unsent(Arc::downgrade(hub)));
}

const RETRY_FIRST: Duration = Duration::from_millis(100);
const RETRY_MOST: Duration = Duration::from_secs(2);

async fn subscribe_forever(hub: Weak<LiveHub>) {
    let mut retry = RETRY_FIRST;
    loop {
        let (client, topic, mut link_generations) = {
            let Some(hub) = hub.upgrade() else { return };
            let Some(bus) = hub.bus() else { return };
            (
                bus.link.client(),
                bus.topic.clone(),
                bus.link.watch_generation(),
            )
        };
        link_generations.mark_unchanged();
        match subscribe(&client, &topic).await {
            Ok(pubsub) => {
                retry = RETRY_FIRST;
                let Some(live) = hub.upgrade() else { return };
                let mut first = false;
                live.heard.send_modify(|h| {
                    first = h.generation == 0;
                    *h = Hearing {
                        generation: h.generation + 1,
                        up: true,
                    };
                });
                if !first {
                    tracing::info!("hearing other instances again: clients reload what they show");
                    live.resync_everyone();
                }
                drop(live);
                let mut messages = pubsub.into_on_message();
                loop {
                    tokio::select! {
                        message = messages.next() => {
                            let Some(message) = message else { break };
                            let Some(live) = hub.upgrade() else { return };
                            receive(&live, message.get_payload_bytes());
                        }
                        // Redis was away and is back: this subscription may be dead
                        // without knowing it. Subscribe afresh.
                        changed = link_generations.changed() => {
                            if changed.is_err() {
                                return;
                            }
                            break;
                        }
                    }
                }
                let Some(live) = hub.upgrade() else { return };
                live.heard.send_modify(|h| h.up = false);
                tracing::warn!("stopped hearing other instances; resubscribing");
            }
            Err(e) => {
                tracing::debug!(error = %e, "subscribing to live messages failed; trying again");
            }
        }
        tokio::time::sleep(retry).await;
        retry = (retry * 2).min(RETRY_MOST);
    }
}

async fn subscribe(client: &redis::Client, topic: &str) -> Result<redis::aio::PubSub, String> {
    let connect = async {
        let mut pubsub = client.get_async_pubsub().await?;
        pubsub.subscribe(topic).await?;
        Ok::<_, redis::RedisError>(pubsub)
    };
    match tokio::time::timeout(CALL_TIMEOUT * 4, connect).await {
        Ok(Ok(pubsub)) => Ok(pubsub),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err("no answer".to_owned()),
    }
}

fn receive(hub: &LiveHub, payload: &[u8]) {
    let envelope: Envelope = match serde_json::from_slice(payload) {
        Ok(envelope) => envelope,
        Err(e) => {
            tracing::warn!(error = %e, "ignored an unreadable live message");
            return;
        }
    };
    if envelope.origin == hub.instance {
        // Delivered here when it was published.
        return;
    }
    match envelope.message {
        Message::Event(event) => hub.deliver_here(Arc::new(event)),
        Message::ScheduleChanged { expert } => hub.schedule_changed_elsewhere(expert),
    }
}

async fn resend_unsent(hub: Weak<LiveHub>) {
    let mut generations = {
        let Some(live) = hub.upgrade() else { return };
        live.heard.subscribe()
    };
    while generations.changed().await.is_ok() {
        let Some(live) = hub.upgrade() else { return };
        let Some(bus) = live.bus() else { return };
        let experts: Vec<Uuid> = bus
            .unsent
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .drain()
            .collect();
        for expert in experts {
            bus.publish(Message::ScheduleChanged { expert }, live.instance)
                .await;
        }
    }
}
