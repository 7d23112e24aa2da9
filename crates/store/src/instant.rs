//! Instants across the database edge: the workspace reasons in `jiff::Timestamp`; the
//! entity columns are chrono's `DateTime<Utc>` and the booking tables whole Unix seconds,
//! converted here and nowhere else.

use chrono::{DateTime, Utc};
use jiff::Timestamp;

/// An entity column's instant, as the rest of the workspace reads it.
pub fn from_chrono(column: DateTime<Utc>) -> Timestamp {
    // Microseconds, as PostgreSQL keeps them; chrono's range is wider than jiff's, and a
    // column outside jiff's (year ±9999) can only be corrupt, so it pins to the bound.
    Timestamp::from_microsecond(column.timestamp_micros()).unwrap_or(if column.timestamp() < 0 {
        Timestamp::MIN
    } else {
        Timestamp::MAX
    })
}

/// `instant` as an entity column holds it.
pub fn to_chrono(instant: Timestamp) -> DateTime<Utc> {
    // Microseconds, as PostgreSQL keeps them. chrono spans ±262,000 years and jiff
    // ±9,999, so every jiff instant fits.
    DateTime::from_timestamp_micros(instant.as_microsecond()).unwrap_or(DateTime::<Utc>::MIN_UTC)
}

/// A span as chrono's column arithmetic takes it (lifetimes of logins, tokens and links).
pub(crate) fn to_chrono_span(span: jiff::SignedDuration) -> chrono::Duration {
    let micros = i64::try_from(span.as_micros()).unwrap_or(if span.is_negative() {
        i64::MIN
    } else {
        i64::MAX
    });
    chrono::Duration::microseconds(micros)
}

/// `instant` as a seconds column holds it (bookings, their events and idempotency keys),
/// ready to bind.
pub(crate) fn secs(instant: Timestamp) -> sea_orm::Value {
    instant.as_second().into()
}

/// `instant` as a seconds column gives it back.
pub(crate) fn whole(instant: Timestamp) -> Timestamp {
    from_seconds(instant.as_second())
}

/// A seconds column's instant. Bookings write only in-range instants, so a value outside
/// jiff's range (year ±9999) can only be corrupt; it pins to the bound.
pub(crate) fn from_seconds(column: i64) -> Timestamp {
    Timestamp::from_second(column).unwrap_or(if column < 0 {
        Timestamp::MIN
    } else {
        Timestamp::MAX
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_cross_the_edge_unchanged() {
        for text in [
            "2026-03-29T01:30:00.123456Z",
            "1969-12-31T23:59:59.5Z",
            "2000-01-01T00:00:00Z",
        ] {
            let instant: Timestamp = text.parse().expect("valid");
            let column = to_chrono(instant);
            assert_eq!(
                column.timestamp_micros(),
                instant.as_microsecond(),
                "{text}"
            );
        }
    }
}
