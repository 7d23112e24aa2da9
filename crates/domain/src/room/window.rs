//! When a session's room may be entered: from 10 minutes before the start (to check the
//! camera and settle in) until 30 minutes after the end (a session that ran late, a last
//! word). The attendance settlement runs once the room has closed.

use jiff::{SignedDuration, Timestamp};

use crate::clock::shifted;

/// How long before the start the room opens.
pub const OPENS_BEFORE: SignedDuration = SignedDuration::from_mins(10);
/// How long after the end the room stays open.
pub const CLOSES_AFTER: SignedDuration = SignedDuration::from_mins(30);

/// A session's room, open from `opens` until `closes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoomWindow {
    /// The session's start.
    pub start: Timestamp,
    /// The session's end.
    pub end: Timestamp,
    /// The first instant the room may be entered.
    pub opens: Timestamp,
    /// The room's end: nobody may enter from here on, and attendance is settled.
    pub closes: Timestamp,
}

/// Where `now` falls against a room's window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowState {
    /// Not yet open: it opens at this instant.
    NotYet(Timestamp),
    /// Open now.
    Open,
    /// Closed for good.
    Closed,
}

impl RoomWindow {
    /// The window of a session from `start` to `end`.
    pub fn of(start: Timestamp, end: Timestamp) -> Self {
        Self {
            start,
            end,
            opens: shifted(start, -OPENS_BEFORE),
            closes: shifted(end, CLOSES_AFTER),
        }
    }

    /// Whether the room is open at `now`, or when it opens.
    pub fn state(&self, now: Timestamp) -> WindowState {
        if now < self.opens {
            WindowState::NotYet(self.opens)
        } else if now < self.closes {
            WindowState::Open
        } else {
            WindowState::Closed
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minute: i64) -> Timestamp {
        Timestamp::from_second(1_800_000_000 + minute * 60).expect("in range")
    }

    #[test]
    fn open_from_ten_minutes_before_until_thirty_after() {
        let w = RoomWindow::of(at(0), at(60));
        assert_eq!(w.state(at(-11)), WindowState::NotYet(at(-10)));
        assert_eq!(w.state(at(-10)), WindowState::Open);
        assert_eq!(w.state(at(89)), WindowState::Open);
        assert_eq!(w.state(at(90)), WindowState::Closed);
    }
}
