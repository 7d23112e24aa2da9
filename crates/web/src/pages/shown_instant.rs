//! Instants as pages show them: machine-readable for `<time datetime>`, and in words, so
//! templates print strings instead of formatting recorded times themselves.

use jiff::Timestamp;

/// An instant for a `<time>` element: `datetime` is RFC 3339 as jiff writes it, `text`
/// is what the reader sees, in UTC.
#[derive(Debug, Clone)]
pub struct Shown {
    pub datetime: String,
    pub text: String,
}

impl Shown {
    /// "2026-12-04 15:17 UTC": when something happened, to the minute.
    pub fn minute(at: &Timestamp) -> Self {
        Self::with(at, "%Y-%m-%d %H:%M UTC")
    }

    /// "2026-12-04 15:17:43 UTC": to the second, for operators reading logs.
    pub fn second(at: &Timestamp) -> Self {
        Self::with(at, "%Y-%m-%d %H:%M:%S UTC")
    }

    /// "2026-12-04": the day only, where the hour does not matter (when a factor was added).
    pub fn day(at: &Timestamp) -> Self {
        Self::with(at, "%Y-%m-%d")
    }

    fn with(at: &Timestamp, format: &str) -> Self {
        Self {
            datetime: at.to_string(),
            text: at.strftime(format).to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_instant_is_shown_in_utc_at_the_precision_asked_for() {
        let at: Timestamp = "2026-12-04T15:17:43.5Z"
            .parse()
            .unwrap_or(Timestamp::UNIX_EPOCH);
        assert_eq!(Shown::minute(&at).datetime, "2026-12-04T15:17:43.5Z");
        assert_eq!(Shown::minute(&at).text, "2026-12-04 15:17 UTC");
        assert_eq!(Shown::second(&at).text, "2026-12-04 15:17:43 UTC");
        assert_eq!(Shown::day(&at).text, "2026-12-04");
    }
}
