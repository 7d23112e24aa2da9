//! The test clock: in the test-mode sandbox an operator moves the simulated time forward
//! (never back), like Stripe's test clocks, so a demo or a QA pass watches a hold expire,
//! a session end or a reminder fire in minutes. Jobs that fall due run at once. The
//! offset is stored, so every instance (and a restart) keeps the same simulated time.

use std::sync::Arc;

use domain::ShiftedClock;
use jiff::{SignedDuration, Timestamp};
use store::Database;
use store::logins::ClientInfo;
use uuid::Uuid;

use crate::FieldError;

/// How to move the clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// On by this much.
    AdvanceBy(SignedDuration),
    /// On to this instant.
    SetTo(Timestamp),
}

/// The furthest one move may go, so a typo cannot throw the sandbox decades ahead.
pub const MAX_MOVE: SignedDuration = SignedDuration::from_hours(366 * 24);

/// Why the clock did not move.
#[derive(Debug, thiserror::Error)]
pub enum TestClockError {
    /// The move asked for is not one (backwards, zero, too far, unreadable).
    #[error("invalid move: {0:?}")]
    Invalid(Vec<FieldError>),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] store::StoreError),
}

/// Reads a move as the API and the page send it: exactly one of `advance_by` (a duration
/// such as `11m`, `2h 30m`, `PT48H`) and `set_to` (an RFC 3339 instant).
pub fn parse(advance_by: Option<&str>, set_to: Option<&str>) -> Result<Move, TestClockError> {
    let invalid = |field: &'static str, message_id: &'static str| {
        TestClockError::Invalid(vec![FieldError { field, message_id }])
    };
    match (blank(advance_by), blank(set_to)) {
        (Some(by), None) => duration(by)
            .map(Move::AdvanceBy)
            .ok_or_else(|| invalid("advance_by", "test-clock-advance-invalid")),
        (None, Some(to)) => to
            .parse::<Timestamp>()
            .map(Move::SetTo)
            .map_err(|_| invalid("set_to", "test-clock-set-invalid")),
        _ => Err(invalid("advance_by", "test-clock-one-move")),
    }
}

/// A length such as `11m`, `2h 30m`, `PT48H`, or in days and weeks (`1d`, `2 weeks`),
/// a day counting 24 hours here: the simulated time moves by elapsed time, not dates.
fn duration(text: &str) -> Option<SignedDuration> {
    text.parse::<SignedDuration>().ok().or_else(|| {
        let span = text.parse::<jiff::Span>().ok()?;
        span.to_duration(jiff::SpanRelativeTo::days_are_24_hours())
            .ok()
    })
}

fn blank(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

/// The furthest the simulated time may run ahead in all, so nothing meets the end of time.
pub const MAX_OFFSET: SignedDuration = SignedDuration::from_hours(10 * 366 * 24);

/// Moves `clock` as asked, stores the new offset and records who did it, together.
/// Returns the new simulated now. Judged against the stored offset under a lock (another
/// instance may have moved it in the last seconds), so concurrent moves add up, the time
/// never goes back and the total stays within `MAX_OFFSET`.
pub async fn move_clock(
    db: &Database,
    clock: &ShiftedClock,
    how: Move,
    operator: Uuid,
    client: &ClientInfo,
) -> Result<Timestamp, TestClockError> {
    let field = match how {
        Move::AdvanceBy(_) => "advance_by",
        Move::SetTo(_) => "set_to",
    };
    let refuse = |message_id| {
        Err(TestClockError::Invalid(vec![FieldError {
            field,
            message_id,
        }]))
    };
    let stored = store::test_clock::offset(db).await?;
    clock.set_offset(stored);
    let now = db.clock().now();
    let by = match how {
        Move::AdvanceBy(by) => by,
        Move::SetTo(to) => now.duration_until(to),
    };
    // Whole seconds, as stored.
    let by = SignedDuration::from_secs(by.as_secs());
    if by <= SignedDuration::ZERO {
        return refuse("test-clock-forward-only");
    }
    if by > MAX_MOVE {
        return refuse("test-clock-too-far");
    }
    // Judged again under the lock, against whatever offset is stored by then.
    let shift = match how {
        Move::AdvanceBy(_) => store::test_clock::Shift::By(by),
        Move::SetTo(_) => store::test_clock::Shift::To(stored.saturating_add(by)),
    };
    let record = |by: SignedDuration, offset: SignedDuration| store::audit::NewAuditEvent {
        user_id: None,
        actor_id: Some(operator),
        kind: "test_clock.moved",
        client,
        detail:
            serde_json::json!({ "by_seconds": by.as_secs(), "offset_seconds": offset.as_secs() })
                .to_string(),
    };
    let offset = match store::test_clock::shift(db, shift, MAX_OFFSET, record).await? {
        store::test_clock::Shifted::Moved { offset, .. } => offset,
        store::test_clock::Shifted::NotForward => return refuse("test-clock-forward-only"),
        store::test_clock::Shifted::PastLimit => return refuse("test-clock-past-limit"),
    };
    clock.set_offset(offset);
    // Jobs that fell due (a hold's expiry, a reminder) run now, not at the next look.
    crate::jobs::worker::wake();
    Ok(db.clock().now())
}

/// Takes the stored offset (another instance may have moved the clock). Every instance
/// in test mode calls this every few seconds and at start. The clock only ever moves
/// forward, so a read that raced a newer local move changes nothing.
pub async fn follow(db: &Database, clock: &Arc<ShiftedClock>) -> Result<(), store::StoreError> {
    let stored = store::test_clock::offset(db).await?;
    if stored > clock.offset() {
        clock.set_offset(stored);
        crate::jobs::worker::wake();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by(text: &str) -> Option<SignedDuration> {
        match parse(Some(text), None) {
            Ok(Move::AdvanceBy(d)) => Some(d),
            _ => None,
        }
    }

    #[test]
    fn lengths_read_in_hours_minutes_days_and_weeks() {
        assert_eq!(by("11m"), Some(SignedDuration::from_mins(11)));
        assert_eq!(by("2h 30m"), Some(SignedDuration::from_mins(150)));
        assert_eq!(by("PT48H"), Some(SignedDuration::from_hours(48)));
        assert_eq!(by("1d"), Some(SignedDuration::from_hours(24)));
        assert_eq!(by("2 weeks"), Some(SignedDuration::from_hours(14 * 24)));
        // Months and years have no fixed length; text is not a length at all.
        assert_eq!(by("1 month"), None);
        assert_eq!(by("soon"), None);
    }

    #[test]
    fn exactly_one_move_is_asked_for() {
        assert!(parse(Some("1h"), Some("2030-01-01T00:00:00Z")).is_err());
        assert!(parse(None, Some("  ")).is_err());
        assert!(parse(None, Some("tomorrow")).is_err());
        assert!(matches!(
            parse(None, Some("2030-01-01T00:00:00Z")),
            Ok(Move::SetTo(_))
        ));
    }
}
