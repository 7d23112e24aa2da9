//! Each expert's schedule (rules, busy times, bookings), kept in this process so the slot
//! endpoint answers without touching the database, and dropped the moment anything in it
//! changes — on every instance.
//!
//! Correctness comes from a version number per expert, kept in Redis when configured
//! (shared by all instances) and in this process otherwise. A writer commits, then bumps
//! the version. A reader reads the version *before* loading from the database and files
//! what it loaded under that version. So a load that raced a write is filed under the old
//! version, and the next reader, seeing the new one, loads again: a change is visible on
//! the very next request. Computing slots from a cached schedule takes microseconds (see
//! BENCHMARKS.md), so the schedule, not each window's slots, is what is kept.
//!
//! While Redis is away nothing is cached (every read goes to the database), bumps that
//! could not be sent are sent once it answers, and copies made before the outage are
//! dropped then (the link's generation moved on). Entries also expire after `ttl`, which
//! bounds staleness for profile changes that do not bump (an expert's prices or
//! suspension; bookings re-check those, and the rules, when they are made).

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures::future::BoxFuture;
use store::Database;

use crate::redis_link::RedisLink;
use uuid::Uuid;

use super::SchedulingError;
use super::schedule::{BookedSpan, ExpertSchedule};

/// Where the per-expert versions live.
pub trait Versions: Send + Sync {
    /// The expert's version now; a cached schedule filed under another one is stale.
    fn current(&self, expert: Uuid) -> BoxFuture<'_, Result<u64, String>>;
    /// Raises the expert's version; returns the new one.
    fn bump(&self, expert: Uuid) -> BoxFuture<'_, Result<u64, String>>;
    /// Moves on whenever bumps may have gone unseen (Redis was away and is back): a copy
    /// filed under another generation is never used.
    fn generation(&self) -> u64 {
        0
    }
}

/// Versions in this process: right for a single instance.
#[derive(Default)]
pub struct LocalVersions(Mutex<HashMap<Uuid, u64>>);

impl Versions for LocalVersions {
    fn current(&self, expert: Uuid) -> BoxFuture<'_, Result<u64, String>> {
        let v = self
            .0
            .lock()
            .map(|m| m.get(&expert).copied().unwrap_or(0))
            .map_err(|e| e.to_string());
        Box::pin(async move { v })
    }

    fn bump(&self, expert: Uuid) -> BoxFuture<'_, Result<u64, String>> {
        let done = self
            .0
            .lock()
            .map(|mut m| {
                let v = m.entry(expert).or_default();
                *v += 1;
                *v
            })
            .map_err(|e| e.to_string());
        Box::pin(async move { done })
    }
}

/// Versions in Redis: every instance sees every bump.
///
/// A bump that cannot reach Redis is kept and sent once Redis answers again, so a change
/// made during an outage still reaches the instances that cached the expert before it.
pub struct RedisVersions {
    link: RedisLink,
    prefix: String,
    unsent: Arc<Mutex<HashSet<Uuid>>>,
}

impl RedisVersions {
    /// Versions under `prefix` in Redis; starts the task that resends the bumps that failed
    /// while Redis was away.
    pub fn new(link: RedisLink, prefix: &str) -> Self {
        let versions = Self {
            link,
            prefix: prefix.to_owned(),
            unsent: Arc::default(),
        };
        tokio::spawn(send_unsent_bumps(
            versions.link.clone(),
            versions.prefix.clone(),
            Arc::downgrade(&versions.unsent),
        ));
        versions
    }
}

fn version_key(prefix: &str, expert: Uuid) -> String {
    format!("{prefix}:schedule-version:{}", expert.simple())
}

async fn incr(link: &RedisLink, key: String) -> Result<u64, String> {
    link.run(|mut conn| async move {
        redis::cmd("INCR")
            .arg(key)
            .query_async::<u64>(&mut conn)
            .await
    })
    .await
    .map_err(|e| e.to_string())
}

/// Each time the link comes back, the bumps that failed while it was away.
async fn send_unsent_bumps(
    link: RedisLink,
    prefix: String,
    unsent: std::sync::Weak<Mutex<HashSet<Uuid>>>,
) {
    let mut generations = link.watch_generation();
    while generations.changed().await.is_ok() {
        let Some(unsent) = unsent.upgrade() else {
            return;
        };
        let experts: Vec<Uuid> = match unsent.lock() {
            Ok(mut set) => set.drain().collect(),
            Err(_) => continue,
        };
        for expert in experts {
            if incr(&link, version_key(&prefix, expert)).await.is_err()
                && let Ok(mut set) = unsent.lock()
            {
                set.insert(expert);
            }
        }
    }
}

impl Versions for RedisVersions {
    fn current(&self, expert: Uuid) -> BoxFuture<'_, Result<u64, String>> {
        let key = version_key(&self.prefix, expert);
        Box::pin(async move {
            let v: Option<u64> =
                self.link
                    .run(|mut conn| async move {
                        redis::cmd("GET").arg(key).query_async(&mut conn).await
                    })
                    .await
                    .map_err(|e| e.to_string())?;
            Ok(v.unwrap_or(0))
        })
    }

    fn bump(&self, expert: Uuid) -> BoxFuture<'_, Result<u64, String>> {
        let key = version_key(&self.prefix, expert);
        Box::pin(async move {
            let bumped = incr(&self.link, key).await;
            if bumped.is_err()
                && let Ok(mut unsent) = self.unsent.lock()
            {
                unsent.insert(expert);
            }
            bumped
        })
    }

    fn generation(&self) -> u64 {
        self.link.generation()
    }
}

struct Entry {
    generation: u64,
    version: u64,
    loaded: Instant,
    schedule: Arc<ExpertSchedule>,
}

/// The most schedules one instance keeps; past it the oldest half is dropped.
const CAPACITY: usize = 20_000;

/// Experts' schedules kept in this process, dropped on every instance when one changes.
pub struct ScheduleCache {
    versions: Box<dyn Versions>,
    entries: Mutex<HashMap<Uuid, Entry>>,
    ttl: Duration,
}

impl ScheduleCache {
    /// A cache that checks `versions` on every read and keeps an entry at most `ttl`.
    pub fn new(versions: Box<dyn Versions>, ttl: Duration) -> Self {
        Self {
            versions,
            entries: Mutex::new(HashMap::new()),
            ttl,
        }
    }

    /// A cache for one instance, with versions in this process.
    pub fn in_process() -> Self {
        Self::new(Box::<LocalVersions>::default(), Duration::from_secs(60))
    }

    /// The expert's schedule, from this process when current, else from the database.
    /// None when there is no such expert.
    pub async fn schedule(
        &self,
        db: &Database,
        expert: Uuid,
    ) -> Result<Option<Arc<ExpertSchedule>>, SchedulingError> {
        // Read before the version: a reconnect in between files the load under the older
        // generation, which the next read then ignores.
        let generation = self.versions.generation();
        let version = match self.versions.current(expert).await {
            Ok(v) => Some(v),
            Err(e) => {
                tracing::warn!(error = %e, "schedule versions unavailable; reading the database");
                None
            }
        };
        if let Some(version) = version
            && let Some(hit) = self.lookup(expert, version)
        {
            metrics::counter!("schedule_cache_total", "result" => "hit").increment(1);
            return Ok(Some(hit));
        }
        metrics::counter!("schedule_cache_total", "result" => "miss").increment(1);
        let Some(loaded) = ExpertSchedule::load(db, expert).await? else {
            return Ok(None);
        };
        let loaded = Arc::new(loaded);
        if let Some(version) = version {
            self.insert(expert, generation, version, Instant::now(), loaded.clone());
        }
        Ok(Some(loaded))
    }

    /// Call after committing any change to the expert's rules, busy times or bookings.
    pub async fn changed(&self, expert: Uuid) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.remove(&expert);
        }
        if let Err(e) = self.versions.bump(expert).await {
            tracing::error!(error = %e, %expert, "could not announce a schedule change; other instances catch up within the cache's lifetime");
        }
    }

    /// Call after committing a new booking that blocks `span`. Every other instance
    /// reloads; this one extends the schedule it holds instead of reading it all again —
    /// but only when its copy was current right up to this change (the version moved by
    /// exactly one), so a change made elsewhere meanwhile is never papered over.
    pub async fn booked(&self, expert: Uuid, span: BookedSpan) {
        let held = self
            .entries
            .lock()
            .ok()
            .and_then(|mut entries| entries.remove(&expert));
        match self.versions.bump(expert).await {
            Ok(version) => {
                if let Some(entry) = held
                    && entry.version + 1 == version
                    && entry.generation == self.versions.generation()
                    && entry.loaded.elapsed() < self.ttl
                {
                    let mut schedule = (*entry.schedule).clone();
                    schedule.booked.push(span);
                    // The copy keeps its load time: the TTL still bounds how old the rest is.
                    self.insert(
                        expert,
                        entry.generation,
                        version,
                        entry.loaded,
                        Arc::new(schedule),
                    );
                }
            }
            Err(e) => {
                tracing::error!(error = %e, %expert, "could not announce a new booking; other instances catch up within the cache's lifetime");
            }
        }
    }

    fn lookup(&self, expert: Uuid, version: u64) -> Option<Arc<ExpertSchedule>> {
        let entries = self.entries.lock().ok()?;
        let entry = entries.get(&expert)?;
        (entry.version == version
            && entry.generation == self.versions.generation()
            && entry.loaded.elapsed() < self.ttl)
            .then(|| entry.schedule.clone())
    }

    fn insert(
        &self,
        expert: Uuid,
        generation: u64,
        version: u64,
        loaded: Instant,
        schedule: Arc<ExpertSchedule>,
    ) {
        let Ok(mut entries) = self.entries.lock() else {
            return;
        };
        if entries.len() >= CAPACITY {
            let mut ages: Vec<(Instant, Uuid)> =
                entries.iter().map(|(id, e)| (e.loaded, *id)).collect();
            ages.sort_unstable();
            for (_, id) in ages.into_iter().take(CAPACITY / 2) {
                entries.remove(&id);
            }
        }
        entries.insert(
            expert,
            Entry {
                generation,
                version,
                loaded,
                schedule,
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use domain::schedule::{Booked, Interval};

    use super::*;

    fn schedule(expert: Uuid) -> Arc<ExpertSchedule> {
        Arc::new(ExpertSchedule {
            expert_id: expert,
            bookable: true,
            priced_durations: vec![60],
            prices: vec![(60, 4000)],
            currency: "EUR".into(),
            rules: None,
            rules_document: None,
            busy: Vec::new(),
            booked: Vec::new(),
        })
    }

    fn span(start: i64) -> BookedSpan {
        let start = domain::schedule::instant(start);
        BookedSpan {
            booked: Booked::new(start, start + jiff::SignedDuration::from_hours(1), 0, 0),
            held_until: Some(start),
        }
    }

    #[tokio::test]
    async fn a_new_booking_extends_a_current_copy() {
        let cache = ScheduleCache::in_process();
        let expert = Uuid::new_v4();
        cache.insert(expert, 0, 0, Instant::now(), schedule(expert));
        cache.booked(expert, span(1_000)).await;
        let version = cache.versions.current(expert).await.unwrap();
        assert_eq!(version, 1);
        let copy = cache
            .lookup(expert, 1)
            .expect("extended under the new version");
        assert_eq!(copy.booked.len(), 1);
        assert_eq!(copy.booked[0].booked.blocked, Interval::new(1_000, 4_600));
    }

    #[tokio::test]
    async fn a_copy_that_missed_a_change_is_dropped_not_extended() {
        let cache = ScheduleCache::in_process();
        let expert = Uuid::new_v4();
        cache.insert(expert, 0, 0, Instant::now(), schedule(expert));
        // Another instance changed the expert meanwhile (version 0 → 1).
        cache.versions.bump(expert).await.unwrap();
        cache.booked(expert, span(1_000)).await;
        assert_eq!(cache.versions.current(expert).await.unwrap(), 2);
        assert!(
            cache.lookup(expert, 2).is_none(),
            "the next read reloads from the database"
        );
    }
}
