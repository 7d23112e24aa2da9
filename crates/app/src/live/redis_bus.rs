//! Between instances: one Redis pub/sub channel (`{prefix}:live`) carries every event,
//! every schedule change and every account change, each marked with the instance that sent
//! it.
//!
//! Redis pub/sub delivers to whoever is subscribed at that moment and keeps nothing, so
//! each time the subscription is (re)established the hub's `Hearing` moves on: schedule
//! caches drop what they hold, and this instance's clients are told to reload. What this
//! instance could not publish is published again every few seconds once Redis answers:
//! schedule and account changes one by one, and, for lost events, one `Resync` for every instance. A
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
    /// The account (its row, roles, logins or unread count) changed: drop cached viewers.
    AccountChanged { account: Uuid },
    /// The sender could not publish some events while Redis was away: clients everywhere
    /// reload what they show.
    Resync,
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
    /// Changes that could not be published: sent again once Redis answers, so an
    /// instance that did not lose its own subscription still hears of them.
    unsent: Arc<Mutex<HashSet<Unsent>>>,
    /// Whether events could not be published since the last `Resync` went out.
    lost_events: std::sync::atomic::AtomicBool,
}

/// A change to tell the other instances again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Unsent {
    Schedule(Uuid),
    Account(Uuid),
}

impl Unsent {
    fn of(message: &Message) -> Option<Self> {
        match message {
            Message::ScheduleChanged { expert } => Some(Self::Schedule(*expert)),
            Message::AccountChanged { account } => Some(Self::Account(*account)),
            Message::Event(_) | Message::Resync => None,
        }
    }

    fn message(self) -> Message {
        match self {
            Self::Schedule(expert) => Message::ScheduleChanged { expert },
            Self::Account(account) => Message::AccountChanged { account },
        }
    }
}

impl RedisBus {
    pub(super) fn new(link: RedisLink, prefix: &str) -> Self {
        Self {
            link,
            topic: format!("{prefix}:live"),
            unsent: Arc::default(),
            lost_events: std::sync::atomic::AtomicBool::new(false),
        }
    }

    /// How many times the link came up.
    pub(super) fn link_generation(&self) -> u64 {
        self.link.generation()
    }

    /// Whether Redis answers now (the link's view, updated every second).
    pub(super) fn link_up(&self) -> bool {
        self.link.is_up()
    }

    /// Publishes `message`; failures are logged (and changes kept to resend).
    pub(super) async fn publish(&self, message: Message, origin: Uuid) {
        let change = Unsent::of(&message);
        if let Err(e) = publish(&self.link, &self.topic, &Envelope { origin, message }).await {
            tracing::warn!(error = %e, "a live message did not reach Redis; other instances miss it");
            match change {
                Some(change) => {
                    self.unsent
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .insert(change);
                }
                None => self
                    .lost_events
                    .store(true, std::sync::atomic::Ordering::Release),
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

/// Starts the subscriber (and the resender of unsent changes) for `hub`.
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
                live.heard.send_modify(|h| {
                    *h = Hearing {
                        generation: h.generation + 1,
                        up: true,
                    };
                });
                // Whatever was said before now may have passed this instance by (also on
                // the first subscription: clients may have connected before it).
                tracing::info!("hearing other instances: clients reload what they show");
                live.lost_track();
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
        Message::AccountChanged { account } => hub.account_changed_elsewhere(account),
        Message::Resync => hub.lost_track(),
    }
}

/// How often what could not be published is tried again (besides each resubscription).
const RESEND_EVERY: Duration = Duration::from_secs(5);

async fn resend_unsent(hub: Weak<LiveHub>) {
    let mut generations = {
        let Some(live) = hub.upgrade() else { return };
        live.heard.subscribe()
    };
    let mut every = tokio::time::interval(RESEND_EVERY);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            changed = generations.changed() => if changed.is_err() { return },
            _ = every.tick() => {}
        }
        let Some(live) = hub.upgrade() else { return };
        let Some(bus) = live.bus() else { return };
        if !bus.link_up() {
            continue;
        }
        if bus
            .lost_events
            .swap(false, std::sync::atomic::Ordering::AcqRel)
        {
            bus.publish(Message::Resync, live.instance).await;
        }
        let changes: Vec<Unsent> = bus
            .unsent
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .drain()
            .collect();
        for change in changes {
            bus.publish(change.message(), live.instance).await;
        }
    }
}
