//! Releasing holds that ran out. Availability already ignores them from their expiry on
//! (the engine and the store check the time); this job marks them, records the event and
//! tells every instance's schedule cache.

use crate::live::AvailabilityChange;
use jiff::Timestamp;
use store::Database;

use super::BookingError;
use crate::scheduling::ScheduleCache;

/// How many holds one pass releases at most (the next pass takes the rest).
const BATCH: u64 = 500;

/// Marks every lapsed hold as expired. Returns how many experts had one.
pub async fn release(
    db: &Database,
    schedules: &ScheduleCache,
    now: Timestamp,
) -> Result<usize, BookingError> {
    let experts = store::bookings::expire_due(db, now, BATCH).await?;
    for expert in &experts {
        schedules
            .changed(*expert, AvailabilityChange::Released)
            .await;
    }
    Ok(experts.len())
}
