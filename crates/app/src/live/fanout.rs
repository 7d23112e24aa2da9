//! This instance's connections and the channels each follows.
//!
//! Each connection has one bounded queue. Handing it an event never waits: when the queue
//! is full the client is not keeping up, so it is dropped (its queue closes once drained
//! and the connection ends) rather than letting it hold events, memory or the publisher.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError, Weak};

use tokio::sync::mpsc;

use super::{Channel, LiveEvent};

/// What a connection's queue carries.
#[derive(Debug, Clone)]
pub enum Delivery {
    /// An event on a channel it follows.
    Event(Arc<LiveEvent>),
    /// Events may have been missed (Redis was away): reload what the page shows.
    Resync,
}

/// Events queued for one connection beyond this mean it is too slow, and it is dropped.
pub const QUEUE: usize = 256;

#[derive(Default)]
pub(super) struct Fanout {
    next: AtomicU64,
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    queues: HashMap<u64, mpsc::Sender<Delivery>>,
    followers: HashMap<Channel, HashSet<u64>>,
}

impl Fanout {
    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A new connection following nothing yet.
    pub(super) fn open(self: &Arc<Self>) -> Subscription {
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        let (tx, rx) = mpsc::channel(QUEUE);
        self.lock().queues.insert(id, tx);
        metrics::gauge!("live_connections").increment(1.0);
        Subscription {
            id,
            rx,
            channels: Vec::new(),
            fanout: Arc::downgrade(self),
        }
    }

    /// Queues `event` for every connection following its channel; drops those that are full.
    /// Returns how many received it.
    pub(super) fn deliver(&self, event: &Arc<LiveEvent>) -> usize {
        let mut inner = self.lock();
        let Some(followers) = inner.followers.get(&event.channel) else {
            return 0;
        };
        let mut slow = Vec::new();
        let mut delivered = 0;
        for id in followers {
            if let Some(queue) = inner.queues.get(id) {
                match queue.try_send(Delivery::Event(event.clone())) {
                    Ok(()) => delivered += 1,
                    Err(mpsc::error::TrySendError::Full(_)) => slow.push(*id),
                    // The connection is ending; its subscription removes it.
                    Err(mpsc::error::TrySendError::Closed(_)) => {}
                }
            }
        }
        for id in slow {
            // Dropping the sender closes the queue: the connection drains it and ends.
            inner.queues.remove(&id);
            metrics::counter!("live_slow_clients_dropped_total").increment(1);
            tracing::info!(
                connection = id,
                "dropped a live client that could not keep up"
            );
        }
        delivered
    }

    /// Tells every connection to reload (each once; a full queue drops it as above).
    pub(super) fn resync_all(&self) {
        let mut inner = self.lock();
        let full: Vec<u64> = inner
            .queues
            .iter()
            .filter(|(_, q)| {
                matches!(
                    q.try_send(Delivery::Resync),
                    Err(mpsc::error::TrySendError::Full(_))
                )
            })
            .map(|(id, _)| *id)
            .collect();
        for id in full {
            inner.queues.remove(&id);
        }
    }

    fn follow(&self, id: u64, channel: Channel) -> bool {
        let mut inner = self.lock();
        if !inner.queues.contains_key(&id) {
            return false;
        }
        inner.followers.entry(channel).or_default().insert(id);
        true
    }

    fn unfollow(&self, id: u64, channel: Channel) {
        let mut inner = self.lock();
        if let Some(set) = inner.followers.get_mut(&channel) {
            set.remove(&id);
            if set.is_empty() {
                inner.followers.remove(&channel);
            }
        }
    }

    fn close(&self, id: u64, channels: &[Channel]) {
        let mut inner = self.lock();
        inner.queues.remove(&id);
        for channel in channels {
            if let Some(set) = inner.followers.get_mut(channel) {
                set.remove(&id);
                if set.is_empty() {
                    inner.followers.remove(channel);
                }
            }
        }
        metrics::gauge!("live_connections").decrement(1.0);
    }

    /// How many connections are open (for tests and the metrics page).
    pub(super) fn open_count(&self) -> usize {
        self.lock().queues.len()
    }
}

/// One connection's place in the fan-out, until it is dropped.
pub struct Subscription {
    id: u64,
    rx: mpsc::Receiver<Delivery>,
    channels: Vec<Channel>,
    fanout: Weak<Fanout>,
}

impl Subscription {
    /// Starts following `channel` (once). False when the connection was already dropped
    /// for being slow.
    pub fn follow(&mut self, channel: Channel) -> bool {
        if self.channels.contains(&channel) {
            return true;
        }
        let Some(fanout) = self.fanout.upgrade() else {
            return false;
        };
        let followed = fanout.follow(self.id, channel);
        if followed {
            self.channels.push(channel);
        }
        followed
    }

    /// Stops following `channel` (a room the person may no longer be in).
    pub fn unfollow(&mut self, channel: Channel) {
        self.channels.retain(|c| *c != channel);
        if let Some(fanout) = self.fanout.upgrade() {
            fanout.unfollow(self.id, channel);
        }
    }

    /// The channels followed, in the order they were joined.
    pub fn channels(&self) -> &[Channel] {
        &self.channels
    }

    /// The next delivery; None once the connection was dropped for being slow (or the hub
    /// is gone).
    pub async fn next(&mut self) -> Option<Delivery> {
        self.rx.recv().await
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        if let Some(fanout) = self.fanout.upgrade() {
            fanout.close(self.id, &self.channels);
        }
    }
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use super::*;

    fn event(channel: Channel) -> Arc<LiveEvent> {
        Arc::new(LiveEvent {
            id: Uuid::new_v4(),
            channel,
            kind: "slot_held".into(),
            data: serde_json::Value::Null,
        })
    }

    #[tokio::test]
    async fn a_client_that_does_not_keep_up_is_dropped_and_the_others_are_not() {
        let fanout = Arc::new(Fanout::default());
        let channel = Channel::Expert(Uuid::new_v4());
        let mut slow = fanout.open();
        let mut quick = fanout.open();
        assert!(slow.follow(channel) && quick.follow(channel));
        for _ in 0..QUEUE {
            assert_eq!(fanout.deliver(&event(channel)), 2);
            assert!(matches!(quick.next().await, Some(Delivery::Event(_))));
        }
        // The slow one's queue is full: the next event drops it, not the publisher.
        assert_eq!(fanout.deliver(&event(channel)), 1);
        assert_eq!(fanout.open_count(), 1);
        let mut drained = 0;
        while let Some(Delivery::Event(_)) = slow.next().await {
            drained += 1;
        }
        assert_eq!(
            drained, QUEUE,
            "what was queued is still handed over, then it ends"
        );
        assert!(
            !slow.follow(Channel::Expert(Uuid::new_v4())),
            "a dropped client follows nothing"
        );
        assert!(matches!(quick.next().await, Some(Delivery::Event(_))));
    }

    #[tokio::test]
    async fn events_reach_only_the_followers_of_their_channel() {
        let fanout = Arc::new(Fanout::default());
        let (ana, ben) = (
            Channel::Expert(Uuid::new_v4()),
            Channel::Expert(Uuid::new_v4()),
        );
        let mut on_ana = fanout.open();
        let _on_ben = {
            let mut s = fanout.open();
            s.follow(ben);
            s
        };
        on_ana.follow(ana);
        assert_eq!(fanout.deliver(&event(ana)), 1);
        drop(on_ana);
        assert_eq!(
            fanout.deliver(&event(ana)),
            0,
            "a closed subscription is forgotten"
        );
        assert_eq!(fanout.open_count(), 1);
    }
}
