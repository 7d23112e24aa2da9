//! Each expert's schedule (rules, busy times, bookings), kept in this process so the slot
//! endpoint answers without touching the database, and dropped the moment anything in it
//! changes — on every instance.
//!
//! Correctness comes from a version number per expert, kept in this process. A writer
//! commits, then bumps the version and announces the change through the live hub
//! ([`LiveHub::availability_changed`]), which every other instance hears on its Redis
//! subscription and bumps its own version for (no Redis round trip per read). A reader
//! reads the version *before* loading from the database and files what it loaded under
//! that version. So a load that raced a change is filed under the old version, and the
//! next reader, seeing the new one, loads again: a change is visible on the very next
//! request here, and on other instances as soon as the announcement arrives (the same
//! message that tells their clients the slot is gone, so a client that heard it and asks
//! again is answered without the slot). Computing slots from a cached schedule takes
//! microseconds (see BENCHMARKS.md), so the schedule, not each window's slots, is kept.
//!
//! While this instance does not hear the others (its Redis subscription is down) nothing
//! is cached, and each time it starts hearing them again everything cached before is
//! dropped (the hub's generation moved on): announcements made meanwhile were lost.
//! Entries also expire after `ttl`, which bounds staleness for profile changes that do
//! not announce (an expert's prices; bookings re-check those, and the rules, when made).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use store::Database;
use uuid::Uuid;

use crate::live::{AvailabilityChange, LiveHub};

use super::SchedulingError;
use super::schedule::{BookedSpan, ExpertSchedule};

/// Each expert's version in this process, moved on by changes made here and elsewhere.
#[derive(Default)]
struct Versions(Mutex<HashMap<Uuid, u64>>);

impl Versions {
    fn current(&self, expert: Uuid) -> u64 {
        let map = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        map.get(&expert).copied().unwrap_or(0)
    }

    fn bump(&self, expert: Uuid) -> u64 {
        let mut map = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let v = map.entry(expert).or_default();
        *v += 1;
        *v
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
    versions: Arc<Versions>,
    hub: Arc<LiveHub>,
    entries: Mutex<HashMap<Uuid, Entry>>,
    ttl: Duration,
}

impl ScheduleCache {
    /// A cache that hears of changes through `hub` and keeps an entry at most `ttl`.
    pub fn new(hub: Arc<LiveHub>, ttl: Duration) -> Self {
        let versions = Arc::new(Versions::default());
        let heard = Arc::downgrade(&versions);
        hub.on_schedule_change(move |expert| {
            if let Some(versions) = heard.upgrade() {
                versions.bump(expert);
            }
        });
        Self {
            versions,
            hub,
            entries: Mutex::new(HashMap::new()),
            ttl,
        }
    }

    /// A cache for one instance, announcing to this instance's clients only.
    pub fn in_process() -> Self {
        Self::new(LiveHub::in_process(), Duration::from_secs(60))
    }

    /// The hub changes are announced through.
    pub fn hub(&self) -> &Arc<LiveHub> {
        &self.hub
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
        let generation = self.hub.hearing().generation;
        // Deaf to other instances, a copy could miss their changes: read the database.
        let version = self
            .hub
            .hears_others()
            .then(|| self.versions.current(expert));
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

    /// Call after committing any change to the expert's rules, busy times or bookings:
    /// every instance drops its copy, and the expert's followers hear `change`.
    pub async fn changed(&self, expert: Uuid, change: AvailabilityChange) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.remove(&expert);
        }
        self.versions.bump(expert);
        self.hub.availability_changed(expert, change, None).await;
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
        let version = self.versions.bump(expert);
        if let Some(entry) = held
            && entry.version + 1 == version
            && entry.generation == self.hub.hearing().generation
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
        let blocked = span.booked.blocked;
        let at = |s| jiff::Timestamp::from_second(s).unwrap_or_default();
        self.hub
            .availability_changed(
                expert,
                AvailabilityChange::Held,
                Some((at(blocked.start), at(blocked.end))),
            )
            .await;
    }

    fn lookup(&self, expert: Uuid, version: u64) -> Option<Arc<ExpertSchedule>> {
        let entries = self.entries.lock().ok()?;
        let entry = entries.get(&expert)?;
        (entry.version == version
            && entry.generation == self.hub.hearing().generation
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
            calendar: Default::default(),
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
        let version = cache.versions.current(expert);
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
        cache.versions.bump(expert);
        cache.booked(expert, span(1_000)).await;
        assert_eq!(cache.versions.current(expert), 2);
        assert!(
            cache.lookup(expert, 2).is_none(),
            "the next read reloads from the database"
        );
    }
}
