//! When a learner may review a session and change what they wrote.

use jiff::{SignedDuration, Timestamp};

use crate::booking::BookingStatus;

/// How long after the session's end its learner may review it.
pub const REVIEW_WINDOW: SignedDuration = SignedDuration::from_hours(30 * 24);
/// How long after writing a review its author may change it.
pub const EDIT_WINDOW: SignedDuration = SignedDuration::from_hours(48);
/// The longest review text and the longest reply, in characters.
pub const MAX_TEXT_CHARS: usize = 4000;

/// Why a review (or a change to one) is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewRefusal {
    /// Only completed sessions are reviewed.
    NotCompleted,
    /// More than 30 days passed since the session ended.
    WindowClosed,
    /// More than 48 hours passed since the review was written.
    EditClosed,
}

/// Whether a session in `status` that ended at `end` may be reviewed at `now`.
pub fn may_review(
    status: BookingStatus,
    end: Timestamp,
    now: Timestamp,
) -> Result<(), ReviewRefusal> {
    if status != BookingStatus::Completed {
        return Err(ReviewRefusal::NotCompleted);
    }
    if now > end + REVIEW_WINDOW {
        return Err(ReviewRefusal::WindowClosed);
    }
    Ok(())
}

/// Whether a review written at `written` may still be changed at `now`.
pub fn may_edit(written: Timestamp, now: Timestamp) -> Result<(), ReviewRefusal> {
    if now > written + EDIT_WINDOW {
        return Err(ReviewRefusal::EditClosed);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap_or(Timestamp::UNIX_EPOCH)
    }

    #[test]
    fn only_completed_sessions_within_thirty_days() {
        let end = at("2026-12-01T10:00:00Z");
        assert_eq!(may_review(BookingStatus::Completed, end, end), Ok(()));
        assert_eq!(
            may_review(BookingStatus::Completed, end, at("2026-12-31T10:00:00Z")),
            Ok(())
        );
        assert_eq!(
            may_review(BookingStatus::Completed, end, at("2026-12-31T10:00:01Z")),
            Err(ReviewRefusal::WindowClosed)
        );
        for status in [
            BookingStatus::Confirmed,
            BookingStatus::Cancelled,
            BookingStatus::NoShowExpert,
            BookingStatus::Disputed,
        ] {
            assert_eq!(
                may_review(status, end, end),
                Err(ReviewRefusal::NotCompleted)
            );
        }
    }

    #[test]
    fn editable_for_forty_eight_hours() {
        let written = at("2026-12-01T10:00:00Z");
        assert_eq!(may_edit(written, at("2026-12-03T10:00:00Z")), Ok(()));
        assert_eq!(
            may_edit(written, at("2026-12-03T10:00:01Z")),
            Err(ReviewRefusal::EditClosed)
        );
    }
}
