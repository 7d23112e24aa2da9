//! Showing instants to people: in their zone, with the offset written out, and the clock
//! changes a stretch of days contains (so both sides can be told about them).

use jiff::civil::{Date, DateTime};
use jiff::tz::{Offset, TimeZone};
use jiff::{SignedDuration, Timestamp};

/// A named IANA zone, or None. Fixed offsets ("+02:00") are not places and are refused.
pub fn named(name: &str) -> Option<TimeZone> {
    let name = name.trim();
    if name.is_empty() || name.len() > 64 {
        return None;
    }
    TimeZone::get(name)
        .ok()
        .filter(|tz| tz.iana_name().is_some())
}

/// The place a zone is named after, as people write it: "America/New_York" is
/// "New York", "America/Argentina/Buenos_Aires" "Buenos Aires".
pub fn city(name: &str) -> String {
    name.rsplit('/').next().unwrap_or(name).replace('_', " ")
}

/// The zone someone typed: its IANA name, or the city it is named after ("new york"),
/// case aside; a suggestion's label ("New York · UTC-05:00") works too. None when no
/// zone has that name, never a quiet UTC.
pub fn find<'a>(typed: &str, names: impl IntoIterator<Item = &'a str>) -> Option<TimeZone> {
    let typed = typed.trim();
    let typed = typed
        .split_once(" · ")
        .map_or(typed, |(place, _)| place)
        .trim();
    if let Some(tz) = named(typed) {
        return Some(tz);
    }
    let wanted = typed.replace('_', " ").to_lowercase();
    if wanted.is_empty() {
        return None;
    }
    names
        .into_iter()
        .find(|name| {
            name.replace('_', " ").to_lowercase() == wanted || city(name).to_lowercase() == wanted
        })
        .and_then(named)
}

/// The zone's canonical IANA name: links and legacy aliases (which browsers still report,
/// such as `Asia/Calcutta`) become the primary name (`Asia/Kolkata`).
pub fn canonical_name(tz: &TimeZone) -> String {
    tz.primary_iana_name()
        .or_else(|| tz.iana_name())
        .unwrap_or("UTC")
        .to_owned()
}

/// The wall-clock date and time of `at` in `tz`.
pub fn local(tz: &TimeZone, at: Timestamp) -> DateTime {
    tz.to_datetime(at)
}

/// Where the local date of `at` in `tz` begins and ends, as instants: the span a daily cap
/// counts sessions in (23 or 25 hours long on a day the clocks change).
pub fn local_day(tz: &TimeZone, at: Timestamp) -> (Timestamp, Timestamp) {
    let zoned = at.to_zoned_datetime(tz.clone());
    let day = SignedDuration::from_hours(24);
    let start = zoned
        .start_of_day()
        .map_or_else(|_| at.saturating_sub(day).unwrap_or(at), |z| z.timestamp());
    let end = zoned
        .tomorrow()
        .and_then(|t| t.start_of_day())
        .map_or_else(|_| at.saturating_add(day).unwrap_or(at), |z| z.timestamp());
    (start, end)
}

/// The UTC offset in force in `tz` at `at`.
pub fn offset(tz: &TimeZone, at: Timestamp) -> Offset {
    tz.to_offset(at)
}

/// An RFC 3339 UTC instant, to the second: `2026-12-01T09:00:00Z`.
pub fn rfc3339(at: Timestamp) -> String {
    // Whole seconds: instants the engine made have no fraction; others drop theirs.
    Timestamp::from_second(at.as_second())
        .unwrap_or(at)
        .to_string()
}

/// RFC 3339 with the local offset, to the second: `2026-12-01T10:00:00+01:00`.
pub fn rfc3339_local(tz: &TimeZone, at: Timestamp) -> String {
    rfc3339_local_and_date(tz, at).0
}

/// `rfc3339_local` and the local date (`2026-12-01`), from one zone lookup.
pub fn rfc3339_local_and_date(tz: &TimeZone, at: Timestamp) -> (String, String) {
    use std::fmt::Write;
    let info = tz.to_offset(at);
    let dt = info.to_datetime(at);
    let off = info.seconds();
    let sign = if off < 0 { '-' } else { '+' };
    let off = off.unsigned_abs();
    let mut text = String::with_capacity(25);
    let _ = write!(
        text,
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
        dt.year(),
        dt.month(),
        dt.day(),
        dt.hour(),
        dt.minute(),
        dt.second(),
        off / 3600,
        off % 3600 / 60
    );
    let date = text[..10].to_owned();
    (text, date)
}

/// "UTC+05:45", "UTC-03:00", "UTC": an offset as people read it.
pub fn offset_label(offset: Offset) -> String {
    let s = offset.seconds();
    if s == 0 {
        return "UTC".to_owned();
    }
    let sign = if s < 0 { '-' } else { '+' };
    let s = s.unsigned_abs();
    format!("UTC{sign}{:02}:{:02}", s / 3600, s % 3600 / 60)
}

/// The instant local midnight starts `date` in `tz` (or the first instant after, when
/// midnight falls in a gap).
pub fn start_of_day(tz: &TimeZone, date: Date) -> Timestamp {
    tz.to_ambiguous_timestamp(date.at(0, 0, 0, 0))
        .compatible()
        .unwrap_or(Timestamp::UNIX_EPOCH)
}

/// A change of a zone's UTC offset (a DST start or end, or a change of standard time).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClockChange {
    /// The instant the new offset takes effect.
    pub at: Timestamp,
    /// The offset in force until then.
    pub before: Offset,
    /// The offset in force from then on.
    pub after: Offset,
}

/// The clock changes in `[from, to)`, oldest first.
pub fn clock_changes(tz: &TimeZone, from: Timestamp, to: Timestamp) -> Vec<ClockChange> {
    let second = SignedDuration::from_secs(1);
    let start = from.saturating_sub(second).unwrap_or(from);
    tz.following(start)
        .map(|t| t.timestamp())
        .take_while(|at| *at < to)
        .filter(|at| *at >= from)
        .map(|at| ClockChange {
            at,
            before: offset(tz, at.saturating_sub(second).unwrap_or(at)),
            after: offset(tz, at),
        })
        .filter(|c| c.before != c.after)
        .take(8)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zone_is_found_by_its_name_or_its_city() {
        let names = [
            "America/New_York",
            "America/Argentina/Buenos_Aires",
            "Europe/Berlin",
        ];
        let found = |typed: &str| find(typed, names).map(|tz| canonical_name(&tz));
        assert_eq!(found("Europe/Berlin").as_deref(), Some("Europe/Berlin"));
        assert_eq!(found("new york").as_deref(), Some("America/New_York"));
        assert_eq!(
            found(" Buenos Aires ").as_deref(),
            Some("America/Argentina/Buenos_Aires")
        );
        assert_eq!(
            found("america/new_york").as_deref(),
            Some("America/New_York")
        );
        assert_eq!(
            found("Berlin · UTC+01:00").as_deref(),
            Some("Europe/Berlin")
        );
        for unknown in ["Atlantis", "", "+02:00", "UTC+1"] {
            assert_eq!(found(unknown), None, "{unknown}");
        }
        assert_eq!(city("America/Argentina/Buenos_Aires"), "Buenos Aires");
    }

    #[test]
    fn a_local_day_spans_midnight_to_midnight_even_when_clocks_change() {
        let madrid = named("Europe/Madrid").unwrap_or(TimeZone::UTC);
        // 2026-03-29 10:00 UTC, the day Madrid springs forward: 23 hours long.
        let noon = at("2026-03-29T10:00:00Z");
        let (start, end) = local_day(&madrid, noon);
        assert_eq!(end.as_second() - start.as_second(), 23 * 3600);
        assert_eq!(local(&madrid, start).hour(), 0);
        let (start, end) = local_day(&TimeZone::UTC, noon);
        assert_eq!(
            (
                start.as_second() % 86_400,
                end.as_second() - start.as_second()
            ),
            (0, 86_400)
        );
    }

    fn at(text: &str) -> Timestamp {
        text.parse::<Timestamp>().unwrap()
    }

    #[test]
    fn local_times_carry_their_offset() {
        let tz = named("Asia/Kathmandu").unwrap();
        assert_eq!(
            rfc3339_local(&tz, at("2026-12-01T04:15:00Z")),
            "2026-12-01T10:00:00+05:45"
        );
        let ny = named("America/New_York").unwrap();
        assert_eq!(
            rfc3339_local(&ny, at("2026-12-01T15:00:00Z")),
            "2026-12-01T10:00:00-05:00"
        );
        assert_eq!(
            offset_label(offset(&ny, at("2026-12-01T15:00:00Z"))),
            "UTC-05:00"
        );
        assert!(named("+02:00").is_none() && named("Nowhere/Land").is_none());
        assert_eq!(
            canonical_name(&named("Asia/Calcutta").unwrap()),
            "Asia/Kolkata"
        );
        assert_eq!(
            canonical_name(&named("Europe/Berlin").unwrap()),
            "Europe/Berlin"
        );
    }

    #[test]
    fn a_week_knows_its_clock_changes() {
        let berlin = named("Europe/Berlin").unwrap();
        let changes = clock_changes(
            &berlin,
            at("2027-03-22T00:00:00Z"),
            at("2027-03-29T00:00:00Z"),
        );
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].at, at("2027-03-28T01:00:00Z"));
        assert_eq!(offset_label(changes[0].before), "UTC+01:00");
        assert_eq!(offset_label(changes[0].after), "UTC+02:00");
        let kolkata = named("Asia/Kolkata").unwrap();
        assert!(
            clock_changes(
                &kolkata,
                at("2026-01-01T00:00:00Z"),
                at("2027-01-01T00:00:00Z")
            )
            .is_empty()
        );
    }
}
