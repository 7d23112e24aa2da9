//! The hub of one instance: publishes events, hands them to this instance's connections,
//! keeps the recent ones for clients catching up, and passes schedule and account changes
//! between instances.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, PoisonError};

use tokio::sync::watch;
use uuid::Uuid;

use super::fanout::Fanout;
use super::redis_bus::{self, Message, RedisBus};
use super::{AvailabilityChange, Channel, LiveEvent, Subscription};
use crate::redis_link::RedisLink;

/// How many recent events (all channels) a reconnecting client can catch up from.
pub const RECENT_EVENTS: usize = 4096;

/// Hears the id of what changed on another instance (an expert's schedule, an account).
type ChangeListener = Box<dyn Fn(Uuid) + Send + Sync>;

/// What the recent list holds: events, and the places where some may be missing.
enum Recent {
    Event(Arc<LiveEvent>),
    /// This instance may have missed events here (its subscription was re-established,
    /// or another instance could not publish): a client that saw nothing after this
    /// cannot be caught up, only told to reload.
    Gap,
}

/// Cheap to share (`Arc`); one per instance.
pub struct LiveHub {
    /// Tells this instance's own messages apart when Redis echoes them back.
    pub(super) instance: Uuid,
    fanout: Arc<Fanout>,
    recent: Mutex<VecDeque<Recent>>,
    bus: Option<RedisBus>,
    /// Moves on each time the hub starts hearing other instances again (the Redis
    /// subscription is (re)established): changes announced before may have been missed.
    /// Constant without Redis.
    pub(super) heard: watch::Sender<Hearing>,
    schedule_listeners: Mutex<Vec<ChangeListener>>,
    account_listeners: Mutex<Vec<ChangeListener>>,
}

/// Whether this instance hears the others now, and how many times it started to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hearing {
    /// Counts (re)subscriptions; 0 without Redis.
    pub generation: u64,
    /// False while a configured Redis subscription is down.
    pub up: bool,
}

impl LiveHub {
    /// A hub for a single instance: events reach this instance's connections only.
    pub fn in_process() -> Arc<Self> {
        Arc::new(Self::new(None))
    }

    /// A hub that shares events and schedule changes with every instance on `link`'s Redis
    /// under `prefix`, subscribing in the background (and again after each disconnect).
    pub fn shared(link: RedisLink, prefix: &str) -> Arc<Self> {
        let hub = Arc::new(Self::new(Some(RedisBus::new(link, prefix))));
        redis_bus::start(&hub);
        hub
    }

    fn new(bus: Option<RedisBus>) -> Self {
        let shared = bus.is_some();
        Self {
            instance: Uuid::new_v4(),
            fanout: Arc::default(),
            recent: Mutex::new(VecDeque::with_capacity(RECENT_EVENTS)),
            bus,
            heard: watch::Sender::new(Hearing {
                generation: 0,
                up: !shared,
            }),
            schedule_listeners: Mutex::default(),
            account_listeners: Mutex::default(),
        }
    }

    pub(super) fn bus(&self) -> Option<&RedisBus> {
        self.bus.as_ref()
    }

    /// Sends `kind` with `data` on `channel` to every follower on every instance.
    pub async fn publish(&self, channel: Channel, kind: &str, data: serde_json::Value) {
        let event = Arc::new(LiveEvent {
            id: Uuid::new_v4(),
            channel,
            kind: kind.to_owned(),
            data,
        });
        self.deliver_here(event.clone());
        if let Some(bus) = &self.bus {
            bus.publish(Message::Event((*event).clone()), self.instance)
                .await;
        }
    }

    /// Announces that the expert's availability changed: their followers hear what
    /// changed (with `span`, the blocked time, for a hold), and every instance's schedule
    /// cache drops its copy (through [`Self::on_schedule_change`]).
    pub async fn availability_changed(
        &self,
        expert: Uuid,
        change: AvailabilityChange,
        span: Option<(jiff::Timestamp, jiff::Timestamp)>,
    ) {
        let data = match span {
            Some((start, end)) => serde_json::json!({
                "expert_id": expert,
                "start": start.to_string(),
                "end": end.to_string(),
            }),
            None => serde_json::json!({ "expert_id": expert }),
        };
        if let Some(bus) = &self.bus {
            // Invalidation first: a client of another instance that hears the event and
            // asks for slots at once must find that instance's cache already dropped.
            bus.publish(Message::ScheduleChanged { expert }, self.instance)
                .await;
        }
        self.publish(Channel::Expert(expert), change.kind(), data)
            .await;
    }

    /// Calls `listener` with the expert of every schedule change made on another instance.
    pub fn on_schedule_change(&self, listener: impl Fn(Uuid) + Send + Sync + 'static) {
        self.schedule_listeners
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(Box::new(listener));
    }

    /// Tells every other instance that `account` changed (its row, roles, logins or
    /// unread count), so their caches of signed-in viewers drop it. Returns once Redis has
    /// handed the message to the subscribers (or failed, when it is kept to resend).
    pub async fn account_changed(&self, account: Uuid) {
        if let Some(bus) = &self.bus {
            bus.publish(Message::AccountChanged { account }, self.instance)
                .await;
        }
    }

    /// Calls `listener` with every account changed on another instance.
    pub fn on_account_change(&self, listener: impl Fn(Uuid) + Send + Sync + 'static) {
        self.account_listeners
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(Box::new(listener));
    }

    /// Whether announcements reach other instances at all: false for a hub of one
    /// instance, which has none to tell.
    pub fn is_shared(&self) -> bool {
        self.bus.is_some()
    }

    /// How many times the Redis link came up (0 without Redis). It moves on before the
    /// subscription notices it was lost: a copy kept under an earlier value may have missed
    /// changes.
    pub fn link_generation(&self) -> u64 {
        self.bus.as_ref().map_or(0, RedisBus::link_generation)
    }

    /// Whether this instance hears the others now (always, without Redis).
    pub fn hearing(&self) -> Hearing {
        *self.heard.borrow()
    }

    /// Whether a change announced by another instance reaches this one now: always
    /// without Redis; with it, while the subscription stands and Redis answers.
    pub fn hears_others(&self) -> bool {
        self.hearing().up && self.bus.as_ref().is_none_or(RedisBus::link_up)
    }

    /// A new connection, following nothing until it asks.
    pub fn connect(&self) -> Subscription {
        self.fanout.open()
    }

    /// The connections open on this instance.
    pub fn connections(&self) -> usize {
        self.fanout.open_count()
    }

    /// The events on `channels` after the one with id `after`, oldest first; None when
    /// that event is no longer (or never was) among the recent ones: reload instead.
    pub fn since(&self, after: Uuid, channels: &[Channel]) -> Option<Vec<Arc<LiveEvent>>> {
        let recent = self.recent.lock().unwrap_or_else(PoisonError::into_inner);
        let from = recent
            .iter()
            .position(|r| matches!(r, Recent::Event(e) if e.id == after))?;
        let mut missed = Vec::new();
        for later in recent.iter().skip(from + 1) {
            match later {
                Recent::Event(e) if channels.contains(&e.channel) => missed.push(e.clone()),
                Recent::Event(_) => {}
                Recent::Gap => return None,
            }
        }
        Some(missed)
    }

    /// Marks that events may be missing from here on, and tells every client to reload.
    pub(super) fn lost_track(&self) {
        self.remember(Recent::Gap);
        self.fanout.resync_all();
    }

    fn remember(&self, entry: Recent) {
        let mut recent = self.recent.lock().unwrap_or_else(PoisonError::into_inner);
        if recent.len() == RECENT_EVENTS {
            recent.pop_front();
        }
        recent.push_back(entry);
    }

    /// Records an event and hands it to this instance's followers.
    pub(super) fn deliver_here(&self, event: Arc<LiveEvent>) {
        self.remember(Recent::Event(event.clone()));
        let delivered = self.fanout.deliver(&event);
        metrics::counter!("live_events_delivered_total").increment(delivered as u64);
    }

    /// A schedule change made on another instance.
    pub(super) fn schedule_changed_elsewhere(&self, expert: Uuid) {
        tell(&self.schedule_listeners, expert);
    }

    /// An account change made on another instance.
    pub(super) fn account_changed_elsewhere(&self, account: Uuid) {
        tell(&self.account_listeners, account);
    }
}

fn tell(listeners: &Mutex<Vec<ChangeListener>>, id: Uuid) {
    for listener in listeners
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .iter()
    {
        listener(id);
    }
}
