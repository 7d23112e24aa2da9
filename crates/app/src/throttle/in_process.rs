//! Counters in this process's memory: right for one instance, and what every instance
//! falls back to while Redis is away.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use futures::future::BoxFuture;

use super::{CounterStore, ThrottleError};

/// Fixed-window counters and flags in this process's memory.
#[derive(Default)]
pub struct InProcess {
    entries: Mutex<HashMap<String, (u64, Instant)>>,
}

impl InProcess {
    fn with<T>(&self, f: impl FnOnce(&mut HashMap<String, (u64, Instant)>, Instant) -> T) -> T {
        let mut entries = self
            .entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let now = Instant::now();
        // Keep memory bounded: drop expired windows once the map grows.
        if entries.len() > 10_000 {
            entries.retain(|_, (_, until)| *until > now);
        }
        f(&mut entries, now)
    }
}

impl CounterStore for InProcess {
    fn hit(
        &self,
        key: &str,
        window: Duration,
    ) -> BoxFuture<'_, Result<(u64, Duration), ThrottleError>> {
        let result = self.with(|entries, now| {
            let entry = entries.entry(key.to_owned()).or_insert((0, now + window));
            if entry.1 <= now {
                *entry = (0, now + window);
            }
            entry.0 += 1;
            (entry.0, entry.1 - now)
        });
        Box::pin(async move { Ok(result) })
    }

    fn remaining(&self, key: &str) -> BoxFuture<'_, Result<Option<Duration>, ThrottleError>> {
        let left = self.with(|entries, now| {
            entries
                .get(key)
                .filter(|(_, until)| *until > now)
                .map(|(_, until)| *until - now)
        });
        Box::pin(async move { Ok(left) })
    }

    fn set(&self, key: &str, ttl: Duration) -> BoxFuture<'_, Result<(), ThrottleError>> {
        self.with(|entries, now| entries.insert(key.to_owned(), (1, now + ttl)));
        Box::pin(async { Ok(()) })
    }

    fn clear(&self, key: &str) -> BoxFuture<'_, Result<(), ThrottleError>> {
        self.with(|entries, _| entries.remove(key));
        Box::pin(async { Ok(()) })
    }
}
