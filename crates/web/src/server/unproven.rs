//! Connections that have not yet sent a complete request, oldest first: when every
//! connection slot is taken, the oldest of them is closed to make room.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, PoisonError};

use tokio::sync::Notify;

#[derive(Default)]
pub struct Unproven {
    waiting: Mutex<Waiting>,
}

#[derive(Default)]
struct Waiting {
    next: u64,
    /// By arrival: the first entry is the oldest.
    by_age: BTreeMap<u64, Arc<Notify>>,
}

/// A connection's place in the queue, until it is proven or gone.
pub struct Ticket {
    id: u64,
    queue: Arc<Unproven>,
}

impl Unproven {
    /// Enters a new connection; the `Notify` wakes it when it is chosen to make room.
    pub fn enter(self: &Arc<Self>) -> (Ticket, Arc<Notify>) {
        let evict = Arc::new(Notify::new());
        let mut waiting = self.lock();
        let id = waiting.next;
        waiting.next += 1;
        waiting.by_age.insert(id, evict.clone());
        (
            Ticket {
                id,
                queue: self.clone(),
            },
            evict,
        )
    }

    /// Tells the oldest unproven connection to close. Nothing when there is none.
    pub fn evict_oldest(&self) {
        if let Some((_, evict)) = self.lock().by_age.pop_first() {
            // notify_one keeps a permit: the connection cannot miss it.
            evict.notify_one();
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Waiting> {
        self.waiting.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Ticket {
    /// The connection sent a complete request: it is no longer a candidate.
    pub fn proven(&self) {
        self.queue.lock().by_age.remove(&self.id);
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        self.proven();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_oldest_unproven_connection_makes_room() {
        let queue = Arc::new(Unproven::default());
        let (first, first_evict) = queue.enter();
        let (_second, second_evict) = queue.enter();
        let (_third, third_evict) = queue.enter();
        first.proven();
        queue.evict_oldest();
        // The first proved itself, so the second goes.
        second_evict.notified().await;
        queue.evict_oldest();
        third_evict.notified().await;
        queue.evict_oldest();
        drop(first_evict);
        assert!(queue.lock().by_age.is_empty());
    }
}
