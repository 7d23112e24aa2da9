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
        (Some(by), None) => by
            .parse::<SignedDuration>()
            .map(Move::AdvanceBy)
            .map_err(|_| invalid("advance_by", "test-clock-advance-invalid")),
        (None, Some(to)) => to
            .parse::<Timestamp>()
            .map(Move::SetTo)
            .map_err(|_| invalid("set_to", "test-clock-set-invalid")),
        _ => Err(invalid("advance_by", "test-clock-one-move")),
    }
}

fn blank(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

/// The furthest the simulated time may run ahead in all, so nothing meets the end of time.
pub const MAX_OFFSET: SignedDuration = SignedDuration::from_hours(10 * 366 * 24);

/// Moves `clock` as asked, stores the new offset and records who did it. Returns the new
/// simulated now. Judged against the stored offset (another instance may have moved it
/// in the last seconds), and stored in one statement, so concurrent moves add up and the
/// time never goes back.
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
    if by > MAX_MOVE || stored.saturating_add(by) > MAX_OFFSET {
        return refuse("test-clock-too-far");
    }
    let offset = match how {
        Move::AdvanceBy(_) => store::test_clock::advance(db, by).await?,
        Move::SetTo(_) => store::test_clock::raise_to(db, stored.saturating_add(by)).await?,
    };
    clock.set_offset(offset);
    store::audit::record(
        db,
        store::audit::NewAuditEvent {
            user_id: None,
            actor_id: Some(operator),
            kind: "test_clock.moved",
            client,
            detail: serde_json::json!({ "by_seconds": by.as_secs(), "offset_seconds": offset.as_secs() })
                .to_string(),
        },
    )
    .await?;
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
