//! Periodic jobs. Each kind below is put on the queue once per period, across every
//! instance: the job's unique key names the period (`hold_expiry@1764864000`), so the
//! first instance to enqueue it wins and the others' inserts change nothing. Periods are
//! cut from the injected clock, so moving a test clock makes the next period due at once.

use std::collections::HashMap;

use jiff::{SignedDuration, Timestamp};
use store::{Database, StoreError};

/// What runs on its own, and how often.
pub static PERIODIC: &[(&str, SignedDuration)] = &[
    ("hold_expiry", SignedDuration::from_secs(30)),
    ("move_emails", SignedDuration::from_secs(30)),
    ("first_free_slots", SignedDuration::from_mins(5)),
    ("upkeep", SignedDuration::from_hours(1)),
    ("reconcile_payments", SignedDuration::from_mins(2)),
    ("payouts_due", SignedDuration::from_mins(10)),
    ("ledger_check", SignedDuration::from_hours(1)),
    ("attendance_settle", SignedDuration::from_mins(5)),
    ("calendar_due", SignedDuration::from_mins(1)),
];

/// One instance's view of the periods it has enqueued, so it writes once per period
/// rather than on every look.
#[derive(Debug, Default)]
pub struct Scheduler {
    enqueued: HashMap<&'static str, i64>,
}

impl Scheduler {
    /// Enqueues every periodic kind whose current period this instance has not enqueued
    /// yet. Returns how many jobs were new on the queue.
    pub async fn tick(&mut self, db: &Database) -> Result<usize, StoreError> {
        let now = db.clock().now().as_second();
        let mut added = 0;
        for &(name, period) in PERIODIC {
            let Some(kind) = super::kind(name) else {
                continue;
            };
            let seconds = period.as_secs().max(1);
            let start = now.div_euclid(seconds) * seconds;
            if self.enqueued.get(name) == Some(&start) {
                continue;
            }
            let run_at = Timestamp::from_second(start).unwrap_or(Timestamp::UNIX_EPOCH);
            let key = format!("{name}@{start}");
            if super::enqueue(db, kind, &serde_json::json!({}), Some(key), run_at).await? {
                added += 1;
            }
            self.enqueued.insert(name, start);
        }
        Ok(added)
    }
}
