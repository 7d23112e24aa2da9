//! Record ids: UUIDv7, whose leading bits are the instant the record was made. They are
//! taken from the injected clock, not the system's, so that ids sort with the times rows
//! record even when a test moves the clock; one shared sequence keeps ids made in the
//! same millisecond in order.

use std::sync::Mutex;

use jiff::Timestamp;
use uuid::{ContextV7, Uuid};

/// The sequence behind every id of this process (uuid's own `now_v7` keeps one too, but
/// only for the system clock).
static SEQUENCE: Mutex<ContextV7> = Mutex::new(ContextV7::new());

/// A new id made at `instant`.
pub fn at(instant: Timestamp) -> Uuid {
    let seconds = u64::try_from(instant.as_second()).unwrap_or(0);
    let nanos = u32::try_from(instant.subsec_nanosecond()).unwrap_or(0);
    // A poisoned lock only means another thread panicked mid-id; the sequence is intact.
    let sequence = SEQUENCE.lock().unwrap_or_else(|e| e.into_inner());
    Uuid::new_v7(uuid::Timestamp::from_unix(&*sequence, seconds, nanos))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_carry_the_instant_they_were_made_at_and_keep_their_order() {
        let instant: Timestamp = "2031-05-04T10:00:00.250Z".parse().unwrap_or(Timestamp::MIN);
        let ids: Vec<Uuid> = (0..50).map(|_| at(instant)).collect();
        let (seconds, nanos) = ids[0]
            .get_timestamp()
            .map(|t| t.to_unix())
            .unwrap_or((0, 0));
        assert_eq!(
            (i64::try_from(seconds).unwrap_or(0), nanos / 1_000_000),
            (instant.as_second(), 250)
        );
        assert!(
            ids.windows(2).all(|w| w[0] < w[1]),
            "made in one millisecond, still in order"
        );
    }
}
