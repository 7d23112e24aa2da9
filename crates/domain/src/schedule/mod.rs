//! Scheduling: an expert's availability rules and the engine that turns them, with what is
//! already taken, into the free slots of a window.
//!
//! Rules live in the expert's IANA zone and are expanded per local date, so a weekly
//! "Monday 09:00–12:00" means nine o'clock on the wall clock every Monday, on either side
//! of a daylight-saving change. Everything the engine returns is a UTC instant; showing it
//! in someone's zone is the caller's job (`zones`).
//!
//! The rest of the workspace speaks `jiff::Timestamp`; inside, the engine works on whole
//! Unix seconds (`i64`), because it compares and steps through thousands of instants per
//! call. Its inputs (`Window`, `Booked::new`, `Interval::between`) take `Timestamp`s and
//! its slots are read back with `Interval::start_at` / `end_at`.

mod availability;
mod engine;
pub mod zones;

pub use availability::{
    Availability, AvailabilityInput, LocalInterval, OverrideInput, Problem, TimeOffInput, WEEKDAYS,
    WeeklyInput, WrongInterval, day_hours, limits,
};
pub use engine::{Booked, Window, free_slots};

use jiff::Timestamp;

/// Seconds since 1970-01-01T00:00:00Z: the engine's unit.
pub type UnixSeconds = i64;

/// An engine instant as the rest of the workspace reads it. Outside jiff's range (year
/// ±9999) it pins to the bound: no schedule reaches that far.
pub fn instant(at: UnixSeconds) -> Timestamp {
    Timestamp::from_second(at).unwrap_or(if at < 0 {
        Timestamp::MIN
    } else {
        Timestamp::MAX
    })
}

/// A half-open span of time `[start, end)` in Unix seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Interval {
    /// First instant inside the span.
    pub start: UnixSeconds,
    /// First instant after it; a span ending where another starts does not overlap it.
    pub end: UnixSeconds,
}

impl Interval {
    /// The span `[start, end)`; callers keep `start <= end`.
    pub fn new(start: UnixSeconds, end: UnixSeconds) -> Self {
        Self { start, end }
    }

    /// The span `[start, end)` between two instants.
    pub fn between(start: Timestamp, end: Timestamp) -> Self {
        Self::new(start.as_second(), end.as_second())
    }

    /// Its first instant.
    pub fn start_at(&self) -> Timestamp {
        instant(self.start)
    }

    /// The first instant after it.
    pub fn end_at(&self) -> Timestamp {
        instant(self.end)
    }

    /// Whether the two share any instant (touching ends do not overlap).
    pub fn overlaps(&self, other: &Interval) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Its length in seconds.
    pub fn seconds(&self) -> i64 {
        self.end - self.start
    }
}
