//! The directory's "available soon" and "soonest" read each expert's first free slot from
//! a column; this keeps it current: at once after a change, and by a periodic sweep as
//! time passes (a slot that was first yesterday is gone today).

use jiff::Timestamp;
use store::Database;
use uuid::Uuid;

use super::{ScheduleCache, SchedulingError};

/// Recomputes one expert's first free slot from their current schedule.
pub async fn refresh(
    db: &Database,
    cache: &ScheduleCache,
    expert: Uuid,
) -> Result<Option<Timestamp>, SchedulingError> {
    let Some(schedule) = cache.schedule(db, expert).await? else {
        return Ok(None);
    };
    let next = schedule.next_available(db.clock().now());
    store::experts::set_next_available(db, expert, next).await?;
    Ok(next)
}

/// Recomputes every listed expert whose first free slot is unknown or past. Returns how
/// many were looked at.
pub async fn sweep(db: &Database, cache: &ScheduleCache) -> Result<usize, SchedulingError> {
    let now = db.clock().now();
    let mut after = None;
    let mut seen = 0;
    loop {
        let batch = store::availability::needing_next_available(db, now, after, 200).await?;
        let Some(last) = batch.last().copied() else {
            return Ok(seen);
        };
        for expert in &batch {
            refresh(db, cache, *expert).await?;
        }
        seen += batch.len();
        after = Some(last);
    }
}
