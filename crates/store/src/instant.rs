//! Instants across the sea-orm edge: the workspace reasons in `jiff::Timestamp`; the
//! entity columns are chrono's `DateTime<Utc>`, converted here and nowhere else.

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
