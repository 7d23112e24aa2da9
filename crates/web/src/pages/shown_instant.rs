//! Instants as pages show them: machine-readable for `<time datetime>`, and in words, so
//! templates print strings instead of formatting recorded times themselves.

use i18n::Locale;
use jiff::Timestamp;
use jiff::tz::TimeZone;

/// An instant for a `<time>` element: `datetime` is RFC 3339 as jiff writes it, `text`
/// is what the reader sees, in UTC, as the page's language writes dates and times.
#[derive(Debug, Clone)]
pub struct Shown {
    pub datetime: String,
    pub text: String,
}

impl Shown {
    /// "Fri, Dec 4, 2026, 3:17 PM UTC": when something happened, to the minute.
    pub fn minute(locale: Locale, at: &Timestamp) -> Self {
        let utc = TimeZone::UTC.to_datetime(*at);
        Self::with(at, format!("{} UTC", locale.date_time(utc)))
    }

    /// "Fri, Dec 4, 2026, 3:17:43 PM UTC": to the second, for operators reading logs.
    pub fn second(locale: Locale, at: &Timestamp) -> Self {
        let utc = TimeZone::UTC.to_datetime(*at);
        Self::with(at, format!("{} UTC", locale.date_time_seconds(utc)))
    }

    /// "Dec 4, 2026": the day only, where the hour does not matter (when a factor was added).
    pub fn day(locale: Locale, at: &Timestamp) -> Self {
        Self::with(at, locale.date(TimeZone::UTC.to_datetime(*at).date()))
    }

    fn with(at: &Timestamp, text: String) -> Self {
        Self {
            datetime: at.to_string(),
            text,
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
        let en = Locale::En;
        assert_eq!(Shown::minute(en, &at).datetime, "2026-12-04T15:17:43.5Z");
        assert_eq!(
            Shown::minute(en, &at).text,
            "Fri, Dec 4, 2026, 3:17\u{202f}PM UTC"
        );
        assert_eq!(
            Shown::second(en, &at).text,
            "Fri, Dec 4, 2026, 3:17:43\u{202f}PM UTC"
        );
        assert_eq!(
            Shown::minute(Locale::De, &at).text,
            "Fr., 04.12.2026, 15:17 UTC"
        );
        assert_eq!(Shown::day(en, &at).text, "Dec 4, 2026");
    }
}
