//! What time it is, asked of one injected clock.
//!
//! Nothing below the binary reads the system time itself: the store stamps rows and the use
//! cases judge deadlines (holds, notice, token expiry) by the clock they were given. In
//! production that is [`SystemClock`]; a test can hand in a [`ManualClock`] and move time
//! on instead of waiting for it.

use std::fmt;
use std::sync::atomic::{AtomicI64, Ordering};

use jiff::{SignedDuration, Timestamp};

/// A source of the current instant. Instants are UTC; zones are applied for display only.
pub trait Clock: Send + Sync + fmt::Debug {
    /// The current instant.
    fn now(&self) -> Timestamp;

    /// The instant people's devices show: what an authenticator app's codes are made
    /// from. The same as `now` except under the test-mode sandbox's shifted clock.
    fn device_now(&self) -> Timestamp {
        self.now()
    }
}

/// `at` moved by `by`, stopping at the ends of time (year ±9999) instead of overflowing:
/// for instants that came from outside, where `+` could panic.
pub fn shifted(at: Timestamp, by: SignedDuration) -> Timestamp {
    // Adding a `SignedDuration` has no calendar units, so saturating never errs.
    at.saturating_add(by).unwrap_or(at)
}

/// The machine's clock: the one place the system time is read.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        Timestamp::now()
    }
}

/// A clock that stands still until it is set or moved, for tests and simulations.
/// Shared by reference, so everything holding it sees the same time.
#[derive(Debug)]
pub struct ManualClock {
    /// Microseconds since the Unix epoch: atomic, so readers never lock.
    micros: AtomicI64,
}

impl ManualClock {
    /// A clock standing at `instant` until it is set or moved.
    pub fn at(instant: Timestamp) -> Self {
        Self {
            micros: AtomicI64::new(instant.as_microsecond()),
        }
    }

    /// Jumps the clock to `instant` (forward or back).
    pub fn set(&self, instant: Timestamp) {
        self.micros
            .store(instant.as_microsecond(), Ordering::SeqCst);
    }

    /// Moves the clock on by `seconds` (back, when negative).
    pub fn advance(&self, seconds: i64) {
        self.micros
            .fetch_add(seconds.saturating_mul(1_000_000), Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Timestamp {
        let micros = self.micros.load(Ordering::SeqCst);
        // Only `at`/`set` store values, and they come from valid timestamps; `advance` far
        // past jiff's range (year ±9999) is the one way out, and it pins to the bound.
        Timestamp::from_microsecond(micros).unwrap_or(if micros < 0 {
            Timestamp::MIN
        } else {
            Timestamp::MAX
        })
    }
}

/// The system clock moved forward by an offset: the test-mode sandbox's simulated time,
/// which an operator moves on (never back) to watch holds expire and sessions end in
/// minutes. With no offset it is the system clock.
#[derive(Debug, Default)]
pub struct ShiftedClock {
    /// How far ahead of the system time, in microseconds (never negative).
    offset_micros: AtomicI64,
}

impl ShiftedClock {
    /// The system clock, not yet moved.
    pub fn new() -> Self {
        Self::default()
    }

    /// How far ahead of the system time it is.
    pub fn offset(&self) -> SignedDuration {
        SignedDuration::from_micros(self.offset_micros.load(Ordering::SeqCst))
    }

    /// Moves it to `offset` ahead of the system time, if that is further ahead than it is:
    /// it never goes back, whatever order moves and reads of the stored offset come in.
    pub fn set_offset(&self, offset: SignedDuration) {
        let micros = i64::try_from(offset.as_micros()).unwrap_or(i64::MAX).max(0);
        self.offset_micros.fetch_max(micros, Ordering::SeqCst);
    }
}

impl Clock for ShiftedClock {
    fn now(&self) -> Timestamp {
        shifted(Timestamp::now(), self.offset())
    }

    fn device_now(&self) -> Timestamp {
        Timestamp::now()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shifted_clock_runs_ahead_by_its_offset_and_never_behind() {
        let clock = ShiftedClock::new();
        let real = Timestamp::now();
        assert!(clock.now().duration_since(real) < SignedDuration::from_secs(5));
        clock.set_offset(SignedDuration::from_hours(48));
        let ahead = clock.now().duration_since(Timestamp::now());
        assert!(ahead > SignedDuration::from_hours(47) && ahead <= SignedDuration::from_hours(48));
        clock.set_offset(SignedDuration::from_hours(1));
        assert_eq!(clock.offset(), SignedDuration::from_hours(48), "never back");
        assert!(clock.device_now().duration_until(Timestamp::now()) < SignedDuration::from_secs(5));
    }

    fn instant(text: &str) -> Timestamp {
        text.parse().expect("a valid timestamp")
    }

    #[test]
    fn shifting_stops_at_the_ends_of_time() {
        let hour = SignedDuration::from_hours(1);
        assert_eq!(
            shifted(instant("2026-03-29T00:30:00Z"), hour),
            instant("2026-03-29T01:30:00Z")
        );
        assert_eq!(shifted(Timestamp::MAX, hour), Timestamp::MAX);
        assert_eq!(shifted(Timestamp::MIN, -hour), Timestamp::MIN);
    }

    #[test]
    fn a_manual_clock_stands_still_until_moved() {
        let clock = ManualClock::at(instant("2026-03-29T00:30:00Z"));
        assert_eq!(clock.now(), instant("2026-03-29T00:30:00Z"));
        assert_eq!(clock.now(), clock.now());
        clock.advance(3600);
        assert_eq!(clock.now(), instant("2026-03-29T01:30:00Z"));
        clock.set(instant("2027-01-01T00:00:00Z"));
        assert_eq!(clock.now(), instant("2027-01-01T00:00:00Z"));
        clock.advance(-60);
        assert_eq!(clock.now(), instant("2026-12-31T23:59:00Z"));
    }

    #[test]
    fn moving_a_manual_clock_past_the_end_of_time_pins_it_there() {
        let clock = ManualClock::at(instant("9999-12-01T00:00:00Z"));
        clock.advance(40 * 86_400);
        assert_eq!(clock.now(), Timestamp::MAX);
    }

    #[test]
    fn the_system_clock_is_the_machines() {
        let before = Timestamp::now();
        let read = SystemClock.now();
        assert!(before <= read && read <= Timestamp::now());
    }
}
