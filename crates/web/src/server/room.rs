//! Every open connection, for choosing which one makes room when all slots are taken and
//! a new client is waiting: the oldest that has not yet sent a complete request (a flood
//! of slow connections only pushes out its own kind), else the one quiet the longest with
//! no request in flight (kept-alive, slow readers, HTTP/2 kept open by pings). A
//! connection whose request is still being handled is never pushed out.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use tokio::sync::Notify;

use super::idle::Activity;

#[derive(Default)]
pub struct Registry {
    open: Mutex<Open>,
}

#[derive(Default)]
struct Open {
    next: u64,
    /// By arrival: the first entry is the oldest.
    by_age: BTreeMap<u64, Entry>,
}

struct Entry {
    proven: bool,
    activity: Activity,
    evict: Arc<Notify>,
}

/// A connection's place in the registry, until it closes.
pub struct Ticket {
    id: u64,
    registry: Arc<Registry>,
    /// Whether the connection sent a request before: the registry is told at the first,
    /// and later requests pass without taking its lock, which all connections share.
    proven: AtomicBool,
}

impl Registry {
    /// Enters a new connection; the `Notify` wakes it when it is chosen to make room.
    pub fn enter(self: &Arc<Self>, activity: Activity) -> (Ticket, Arc<Notify>) {
        let evict = Arc::new(Notify::new());
        let mut open = self.lock();
        let id = open.next;
        open.next += 1;
        open.by_age.insert(
            id,
            Entry {
                proven: false,
                activity,
                evict: evict.clone(),
            },
        );
        let ticket = Ticket {
            id,
            registry: self.clone(),
            proven: AtomicBool::new(false),
        };
        (ticket, evict)
    }

    /// Tells one connection to close, chosen as the module says. False when every
    /// connection is busy with a request: then the caller waits for one to finish.
    pub fn make_room(&self) -> bool {
        let mut open = self.lock();
        let unproven = open
            .by_age
            .iter()
            .find(|(_, e)| !e.proven)
            .map(|(id, _)| *id);
        let victim = unproven.or_else(|| {
            open.by_age
                .iter()
                .filter(|(_, e)| !e.activity.is_busy())
                .min_by_key(|(_, e)| e.activity.last())
                .map(|(id, _)| *id)
        });
        match victim.and_then(|id| open.by_age.remove(&id)) {
            Some(entry) => {
                // notify_one keeps a permit: the connection cannot miss it.
                entry.evict.notify_one();
                true
            }
            None => false,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Open> {
        self.open.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Ticket {
    /// The connection sent a complete request: it is no longer among the first to go.
    pub fn proven(&self) {
        if self.proven.swap(true, Ordering::Relaxed) {
            return;
        }
        if let Some(entry) = self.registry.lock().by_age.get_mut(&self.id) {
            entry.proven = true;
        }
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        self.registry.lock().by_age.remove(&self.id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn unproven_connections_go_first_then_the_quietest_idle_one() {
        let registry = Arc::new(Registry::default());
        let (first, first_evict) = registry.enter(Activity::new());
        let busy_activity = Activity::new();
        let (second, _second_evict) = registry.enter(busy_activity.clone());
        let (_third, third_evict) = registry.enter(Activity::new());
        first.proven();
        second.proven();
        let _request = busy_activity.request_started();
        // The third never sent a request: it goes first.
        assert!(registry.make_room());
        third_evict.notified().await;
        // Then the first (idle); the second is handling a request and stays.
        assert!(registry.make_room());
        first_evict.notified().await;
        assert!(
            !registry.make_room(),
            "a busy connection is never pushed out"
        );
    }
}
