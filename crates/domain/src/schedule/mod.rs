//! Scheduling: an expert's availability rules and the engine that turns them, with what is
//! already taken, into the free slots of a window.
//!
//! Rules live in the expert's IANA zone and are expanded per local date, so a weekly
//! "Monday 09:00–12:00" means nine o'clock on the wall clock every Monday, on either side
//! of a daylight-saving change. Everything the engine returns is a UTC instant; showing it
//! in someone's zone is the caller's job (`zones`).
//!
//! Instants are Unix seconds (`i64`): the engine compares and steps through thousands of
//! them per call, and the store keeps them as plain integers too.

mod availability;
mod engine;
pub mod zones;

pub use availability::{
    Availability, AvailabilityInput, LocalInterval, OverrideInput, Problem, TimeOffInput, WEEKDAYS,
    WeeklyInput, limits,
};
pub use engine::{Booked, Window, free_slots};

/// Seconds since 1970-01-01T00:00:00Z.
pub type UnixSeconds = i64;

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

    /// Whether the two share any instant (touching ends do not overlap).
    pub fn overlaps(&self, other: &Interval) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Its length in seconds.
    pub fn seconds(&self) -> i64 {
        self.end - self.start
    }
}
