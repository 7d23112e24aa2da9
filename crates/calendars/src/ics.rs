//! The busy times in iCalendar text (a subscribed feed, or the events a CalDAV
//! `calendar-query` returns): every event that blocks time, recurring series expanded in
//! their own zone (so a 09:00 meeting stays at 09:00 local across a DST change), with
//! EXDATE, RDATE and moved instances (RECURRENCE-ID) honoured.
//!
//! Parsing is `icalendar`'s; expansion is `rrule`'s (both chrono-based: converted to and
//! from jiff here, at the edge). Times without a zone (floating) and whole-day events are
//! read in `home`, the expert's own zone. Free events (TRANSP:TRANSPARENT) and cancelled
//! ones block nothing; events whose UID Mentora wrote itself are skipped, since the
//! session they stand for already blocks its time.

use std::collections::HashSet;
use std::str::FromStr;

use icalendar::parser::{Component, Property, read_calendar, unfold};
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use jiff::{Span, Timestamp, ZonedDateTime as Zoned};

use crate::CalendarError;

/// The UID prefix of the events Mentora writes (sessions), skipped when reading busy times.
pub const OWN_UID_PREFIX: &str = "mentora-session-";

/// Most occurrences one series may produce in a window: a runaway rule (every minute for
/// a year) is cut, not followed.
const MAX_OCCURRENCES: u16 = 5_000;

/// A stretch of time an outside calendar says is taken, `[start, end)`.
pub type Busy = (Timestamp, Timestamp);

/// What reading a calendar found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reading {
    /// The busy times overlapping the window, sorted and merged.
    pub busy: Vec<Busy>,
    /// Repeating events whose rule could not be followed: each blocks its first date
    /// only, and the expert is shown how many there are.
    pub unread_series: usize,
}

/// The busy times in `text` that overlap `[from, to)`, sorted and merged.
pub fn busy_times(
    text: &str,
    from: Timestamp,
    to: Timestamp,
    home: &TimeZone,
) -> Result<Vec<Busy>, CalendarError> {
    read(text, from, to, home).map(|r| r.busy)
}

/// [`busy_times`], with how many repeating events could not be followed.
pub fn read(
    text: &str,
    from: Timestamp,
    to: Timestamp,
    home: &TimeZone,
) -> Result<Reading, CalendarError> {
    let unfolded = unfold(text);
    // A byte-order mark before the first line is common in exported files.
    let unfolded = unfolded.trim_start_matches('\u{feff}');
    if !unfolded.trim_start().starts_with("BEGIN:VCALENDAR") {
        return Err(CalendarError::Unreadable(format!(
            "not iCalendar: it begins \"{}\"",
            first_line(unfolded)
        )));
    }
    let calendar = read_calendar(unfolded)
        .map_err(|e| CalendarError::Unreadable(format!("not iCalendar: {}", first_line(&e))))?;
    let events: Vec<&Component<'_>> = calendar
        .components
        .iter()
        .flat_map(|c| {
            // A CalDAV answer is one VCALENDAR per resource; a feed is one for all.
            if c.name == "VCALENDAR" {
                c.components.iter().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .filter(|c| c.name == "VEVENT")
        .collect();

    // Instances moved or cancelled on their own: (uid, original start) leave the series.
    let mut moved: HashSet<(String, i64)> = HashSet::new();
    for event in &events {
        if let (Some(uid), Some(id)) = (value(event, "UID"), event.find_prop("RECURRENCE-ID"))
            && let Some(at) = when(id, home).map(|w| w.start_instant())
        {
            moved.insert((uid.to_owned(), at.as_second()));
        }
    }

    let mut busy = Vec::new();
    let mut unread_series = 0;
    for event in events {
        if !blocks_time(event) {
            continue;
        }
        let Some(start) = event.find_prop("DTSTART").and_then(|p| when(p, home)) else {
            continue;
        };
        let length = length_of(event, &start, home);
        let uid = value(event, "UID").unwrap_or_default().to_owned();
        let is_series = event.find_prop("RRULE").is_some() || event.find_prop("RDATE").is_some();
        if is_series && event.find_prop("RECURRENCE-ID").is_none() {
            // One event whose rule this reader cannot follow costs that event, not the
            // calendar: its first occurrence still blocks, and the rest is logged.
            let found = occurrences(event, &start, &length, from, to).unwrap_or_else(|e| {
                tracing::warn!(uid = %uid, error = %e, "a repeating event was read as a single one");
                unread_series += 1;
                vec![start.zoned()]
            });
            for occurrence in found {
                if moved.contains(&(uid.clone(), occurrence.timestamp().as_second())) {
                    continue;
                }
                push(&mut busy, &occurrence, &length, from, to);
            }
        } else {
            push(&mut busy, &start.zoned(), &length, from, to);
        }
    }
    Ok(Reading {
        busy: merge(busy),
        unread_series,
    })
}

/// The calendar's own name (`X-WR-CALNAME`), unescaped, if it gives one.
pub fn calendar_name(text: &str) -> Option<String> {
    let unfolded = unfold(text);
    let calendar = read_calendar(unfolded.trim_start_matches('\u{feff}')).ok()?;
    calendar
        .properties
        .iter()
        .find(|p| p.name.as_str().eq_ignore_ascii_case("X-WR-CALNAME"))
        .map(|p| unescape(p.val.as_str()))
        .map(|n| n.trim().chars().take(120).collect::<String>())
        .filter(|n| !n.is_empty())
}

/// A TEXT value unescaped in one pass (RFC 5545 3.3.11): `\\,` `\\;` `\\\\` and `\\n`.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push(' '),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// Whether an event takes its time: not free, not cancelled, not one of ours.
fn blocks_time(event: &Component<'_>) -> bool {
    let free = value(event, "TRANSP").is_some_and(|t| t.eq_ignore_ascii_case("TRANSPARENT"));
    let cancelled = value(event, "STATUS").is_some_and(|s| s.eq_ignore_ascii_case("CANCELLED"));
    let ours = value(event, "UID").is_some_and(|u| u.starts_with(OWN_UID_PREFIX));
    !free && !cancelled && !ours
}

fn value<'a>(event: &'a Component<'_>, name: &str) -> Option<&'a str> {
    event.find_prop(name).map(|p| p.val.as_str().trim())
}

fn param<'a>(property: &'a Property<'_>, key: &str) -> Option<&'a str> {
    property
        .params
        .iter()
        .find(|p| p.key.as_str().eq_ignore_ascii_case(key))
        .and_then(|p| p.val.as_ref())
        .map(|v| v.as_str().trim_matches('"'))
}

/// A DTSTART-like value: a whole day, or an instant in a zone.
#[derive(Debug, Clone)]
enum When {
    Day(Date, TimeZone),
    At(Zoned),
}

impl When {
    fn zoned(&self) -> Zoned {
        match self {
            When::At(z) => z.clone(),
            When::Day(d, tz) => tz
                .to_ambiguous_zoned_datetime(d.to_datetime(jiff::civil::Time::midnight()))
                .compatible()
                .unwrap_or_else(|_| Zoned::new(Timestamp::UNIX_EPOCH, tz.clone())),
        }
    }

    fn start_instant(&self) -> Timestamp {
        self.zoned().timestamp()
    }
}

/// Reads a date or date-time property in its zone (TZID, `Z`, else `home`).
fn when(property: &Property<'_>, home: &TimeZone) -> Option<When> {
    let raw = property.val.as_str().trim();
    // Lists (EXDATE, RDATE) are split by the caller; here the first value counts.
    let raw = raw.split(',').next().unwrap_or(raw);
    let zone = zone_of(property, home);
    parse_value(raw, &zone)
}

fn parse_value(raw: &str, zone: &TimeZone) -> Option<When> {
    if raw.len() == 8 {
        let date = Date::strptime("%Y%m%d", raw).ok()?;
        return Some(When::Day(date, zone.clone()));
    }
    let (text, utc) = match raw.strip_suffix('Z') {
        Some(t) => (t, true),
        None => (raw, false),
    };
    let civil = DateTime::strptime("%Y%m%dT%H%M%S", text).ok()?;
    let zone = if utc { TimeZone::UTC } else { zone.clone() };
    // A local time in a gap moves forward, in a fold takes the earlier instant, as the
    // RFC says (3.3.5) and as the slot engine does.
    zone.to_ambiguous_zoned_datetime(civil)
        .compatible()
        .ok()
        .map(When::At)
}

/// The property's zone: its TZID when it names an IANA zone, else `home`. (Outlook's
/// Windows names, such as "W. Europe Standard Time", are not IANA names: they fall back
/// to `home`, which is the expert's zone and nearly always the same.)
fn zone_of(property: &Property<'_>, home: &TimeZone) -> TimeZone {
    param(property, "TZID")
        .and_then(|name| TimeZone::get(name.trim_start_matches('/')).ok())
        .unwrap_or_else(|| home.clone())
}

/// How long each occurrence lasts: DTEND − DTSTART in local time, else DURATION, else a
/// whole day for a date and nothing for an instant (RFC 5545 3.6.1).
#[derive(Debug, Clone)]
enum Length {
    Until(Span),
    Exact(jiff::SignedDuration),
}

fn length_of(event: &Component<'_>, start: &When, home: &TimeZone) -> Length {
    if let Some(end) = event.find_prop("DTEND").and_then(|p| when(p, home)) {
        return match (start, &end) {
            (When::Day(a, _), When::Day(b, _)) => {
                Length::Until(Span::new().days(i64::from((*b - *a).get_days()).max(1)))
            }
            _ => Length::Exact(
                end.start_instant()
                    .duration_since(start.start_instant())
                    .max(jiff::SignedDuration::ZERO),
            ),
        };
    }
    if let Some(span) = value(event, "DURATION").and_then(|d| Span::from_str(d).ok()) {
        return Length::Until(span);
    }
    match start {
        When::Day(..) => Length::Until(Span::new().days(1)),
        When::At(_) => Length::Exact(jiff::SignedDuration::ZERO),
    }
}

fn end_of(start: &Zoned, length: &Length) -> Timestamp {
    match length {
        // Days and weeks are civil (a day across DST is 23 or 25 hours).
        Length::Until(span) => start
            .checked_add(*span)
            .map(|z| z.timestamp())
            .unwrap_or(start.timestamp()),
        Length::Exact(d) => start.timestamp() + *d,
    }
}

fn push(busy: &mut Vec<Busy>, start: &Zoned, length: &Length, from: Timestamp, to: Timestamp) {
    let end = end_of(start, length);
    let start = start.timestamp();
    if end > start && end > from && start < to {
        busy.push((start, end));
    }
}

/// The starts of a series' occurrences that may overlap `[from, to)`.
fn occurrences(
    event: &Component<'_>,
    start: &When,
    length: &Length,
    from: Timestamp,
    to: Timestamp,
) -> Result<Vec<Zoned>, CalendarError> {
    let zone = match start {
        When::At(z) => z.time_zone().clone(),
        When::Day(_, tz) => tz.clone(),
    };
    let Some(chrono_zone) = zone
        .iana_name()
        .and_then(|n| chrono_tz::Tz::from_str(n).ok())
        .map(rrule::Tz::Tz)
    else {
        return Err(CalendarError::Unreadable(
            "a recurring event's time zone is unknown".into(),
        ));
    };
    let dt_start = to_chrono(&start.zoned(), &chrono_zone)?;
    let mut set = rrule::RRuleSet::new(dt_start);
    for property in event.properties.iter() {
        let name = property.name.as_str();
        if name.eq_ignore_ascii_case("RRULE") {
            let rule: rrule::RRule<rrule::Unvalidated> = rule_in_utc(property.val.as_str(), &zone)
                .parse()
                .map_err(|e| CalendarError::Unreadable(format!("a repeat rule: {e}")))?;
            let rule = rule
                .validate(dt_start)
                .map_err(|e| CalendarError::Unreadable(format!("a repeat rule: {e}")))?;
            set = set.rrule(rule);
        } else if name.eq_ignore_ascii_case("EXDATE") || name.eq_ignore_ascii_case("RDATE") {
            let own_zone = zone_of(property, &zone);
            for raw in property.val.as_str().split(',') {
                let Some(at) = parse_value(raw.trim(), &own_zone) else {
                    continue;
                };
                let at = to_chrono(&at.zoned(), &chrono_zone)?;
                set = if name.eq_ignore_ascii_case("EXDATE") {
                    set.exdate(at)
                } else {
                    set.rdate(at)
                };
            }
        }
    }
    // An occurrence that began before `from` may still run into it: look back one length
    // (a generous week covers any real meeting and whole-day events).
    let from_zoned = from.to_zoned_datetime(zone.clone());
    let look_back = match length {
        Length::Exact(d) => from_zoned.timestamp() - *d,
        Length::Until(span) => from_zoned
            .checked_sub(*span)
            .map(|z| z.timestamp())
            .unwrap_or(from_zoned.timestamp()),
    };
    let after = to_chrono(&look_back.to_zoned_datetime(zone.clone()), &chrono_zone)?;
    let before = to_chrono(&to.to_zoned_datetime(zone.clone()), &chrono_zone)?;
    let found = set.after(after).before(before).all(MAX_OCCURRENCES);
    found
        .dates
        .into_iter()
        .map(|d| {
            Timestamp::from_second(d.timestamp())
                .map(|t| t.to_zoned_datetime(zone.clone()))
                .map_err(|e| CalendarError::Unreadable(e.to_string()))
        })
        .collect()
}

fn to_chrono(at: &Zoned, zone: &rrule::Tz) -> Result<chrono::DateTime<rrule::Tz>, CalendarError> {
    use chrono::TimeZone as _;
    zone.timestamp_opt(at.timestamp().as_second(), 0)
        .single()
        .ok_or_else(|| CalendarError::Unreadable("an instant out of range".into()))
}

/// A repeat rule as `rrule` takes it: an `UNTIL` without `Z` (a date, or a floating
/// time, as RFC 5545 requires for whole-day and floating series) read in the event's zone
/// and written in UTC (a date runs to its end), and `X-` extensions dropped.
fn rule_in_utc(rule: &str, zone: &TimeZone) -> String {
    rule.split(';')
        .filter(|part| !part.trim().to_ascii_uppercase().starts_with("X-"))
        .map(|part| {
            let Some(value) = part
                .split_once('=')
                .filter(|(k, _)| k.trim().eq_ignore_ascii_case("UNTIL"))
                .map(|(_, v)| v.trim())
            else {
                return part.to_owned();
            };
            if value.ends_with('Z') {
                return part.to_owned();
            }
            let until = match parse_value(value, zone) {
                Some(When::Day(date, tz)) => date
                    .tomorrow()
                    .ok()
                    .and_then(|d| {
                        tz.to_ambiguous_zoned_datetime(d.to_datetime(jiff::civil::Time::midnight()))
                            .compatible()
                            .ok()
                    })
                    .map(|z| z.timestamp() - jiff::SignedDuration::from_secs(1)),
                Some(When::At(z)) => Some(z.timestamp()),
                None => None,
            };
            match until {
                Some(t) => format!("UNTIL={}", t.strftime("%Y%m%dT%H%M%SZ")),
                None => part.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// Sorted, with overlapping and touching stretches joined.
pub fn merge(mut busy: Vec<Busy>) -> Vec<Busy> {
    busy.sort_unstable();
    let mut merged: Vec<Busy> = Vec::with_capacity(busy.len());
    for (start, end) in busy {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

fn first_line(text: &str) -> String {
    text.lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .chars()
        .take(160)
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn read(body: &str, from: &str, to: &str, home: &str) -> Vec<(String, String)> {
        let text = format!(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n{body}END:VCALENDAR\r\n"
        );
        busy_times(&text, at(from), at(to), &TimeZone::get(home).unwrap())
            .unwrap()
            .into_iter()
            .map(|(s, e)| (s.to_string(), e.to_string()))
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    #[test]
    fn a_weekly_series_keeps_its_local_time_across_dst_and_skips_its_exdate() {
        // 09:00–10:00 Berlin every Thursday from 15 Oct 2026; Europe leaves summer time on
        // 25 Oct. Before: 07:00Z; after: 08:00Z. The 29 Oct instance is excepted.
        let body = "BEGIN:VEVENT\r\nUID:standup\r\nDTSTART;TZID=Europe/Berlin:20261015T090000\r\n\
DTEND;TZID=Europe/Berlin:20261015T100000\r\nRRULE:FREQ=WEEKLY;BYDAY=TH\r\n\
EXDATE;TZID=Europe/Berlin:20261029T090000\r\nSUMMARY:Stand-up\r\nEND:VEVENT\r\n";
        assert_eq!(
            read(body, "2026-10-14T00:00:00Z", "2026-11-10T00:00:00Z", "UTC"),
            pairs(&[
                ("2026-10-15T07:00:00Z", "2026-10-15T08:00:00Z"),
                ("2026-10-22T07:00:00Z", "2026-10-22T08:00:00Z"),
                ("2026-11-05T08:00:00Z", "2026-11-05T09:00:00Z"),
            ])
        );
    }

    #[test]
    fn a_moved_instance_replaces_its_original_and_free_or_cancelled_events_block_nothing() {
        let body = "BEGIN:VEVENT\r\nUID:s\r\nDTSTART:20261201T100000Z\r\nDURATION:PT30M\r\n\
RRULE:FREQ=DAILY;COUNT=3\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:s\r\nRECURRENCE-ID:20261202T100000Z\r\nDTSTART:20261202T150000Z\r\n\
DTEND:20261202T153000Z\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:free\r\nDTSTART:20261201T120000Z\r\nDTEND:20261201T130000Z\r\nTRANSP:TRANSPARENT\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:off\r\nDTSTART:20261201T140000Z\r\nDTEND:20261201T150000Z\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:mentora-session-abc\r\nDTSTART:20261201T160000Z\r\nDTEND:20261201T170000Z\r\nEND:VEVENT\r\n";
        assert_eq!(
            read(body, "2026-12-01T00:00:00Z", "2026-12-05T00:00:00Z", "UTC"),
            pairs(&[
                ("2026-12-01T10:00:00Z", "2026-12-01T10:30:00Z"),
                ("2026-12-02T15:00:00Z", "2026-12-02T15:30:00Z"),
                ("2026-12-03T10:00:00Z", "2026-12-03T10:30:00Z"),
            ])
        );
    }

    #[test]
    fn whole_days_and_floating_times_are_read_in_the_experts_zone() {
        // A day off on 3 Dec in Tokyo (UTC+9) is 2 Dec 15:00Z – 3 Dec 15:00Z; a floating
        // 12:00 is noon in Tokyo.
        let body = "BEGIN:VEVENT\r\nUID:a\r\nDTSTART;VALUE=DATE:20261203\r\nDTEND;VALUE=DATE:20261204\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20261205T120000\r\nDTEND:20261205T130000\r\nEND:VEVENT\r\n";
        assert_eq!(
            read(
                body,
                "2026-12-01T00:00:00Z",
                "2026-12-10T00:00:00Z",
                "Asia/Tokyo"
            ),
            pairs(&[
                ("2026-12-02T15:00:00Z", "2026-12-03T15:00:00Z"),
                ("2026-12-05T03:00:00Z", "2026-12-05T04:00:00Z"),
            ])
        );
    }

    #[test]
    fn an_occurrence_begun_before_the_window_still_counts_and_overlaps_merge() {
        let body = "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20261130T230000Z\r\nDTEND:20261201T010000Z\r\nRRULE:FREQ=DAILY;COUNT=2\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20261201T003000Z\r\nDTEND:20261201T020000Z\r\nEND:VEVENT\r\n";
        assert_eq!(
            read(body, "2026-12-01T00:00:00Z", "2026-12-01T12:00:00Z", "UTC"),
            pairs(&[("2026-11-30T23:00:00Z", "2026-12-01T02:00:00Z")])
        );
    }

    #[test]
    fn a_whole_day_series_with_a_date_until_and_an_extension_is_read() {
        // Weekly days off on Mondays through 14 Dec (a date UNTIL, as RFC 5545 requires
        // for whole-day series), with an X- part some servers add; a byte-order mark first.
        let body = "BEGIN:VEVENT\r\nUID:off\r\nDTSTART;VALUE=DATE:20261130\r\nDTEND;VALUE=DATE:20261201\r\n\
RRULE:FREQ=WEEKLY;UNTIL=20261214;X-NAME=1\r\nEND:VEVENT\r\n";
        let text = format!(
            "\u{feff}BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n{body}END:VCALENDAR\r\n"
        );
        let found: Vec<(String, String)> = busy_times(
            &text,
            at("2026-11-29T00:00:00Z"),
            at("2027-01-01T00:00:00Z"),
            &TimeZone::get("Europe/Madrid").unwrap(),
        )
        .unwrap()
        .into_iter()
        .map(|(s, e)| (s.to_string(), e.to_string()))
        .collect();
        assert_eq!(
            found,
            pairs(&[
                ("2026-11-29T23:00:00Z", "2026-11-30T23:00:00Z"),
                ("2026-12-06T23:00:00Z", "2026-12-07T23:00:00Z"),
                ("2026-12-13T23:00:00Z", "2026-12-14T23:00:00Z"),
            ])
        );
    }

    #[test]
    fn an_unreadable_rule_costs_its_event_not_the_calendar() {
        let body = "BEGIN:VEVENT\r\nUID:odd\r\nDTSTART:20261201T100000Z\r\nDURATION:PT1H\r\nRRULE:FREQ=SOMETIMES\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:ok\r\nDTSTART:20261202T100000Z\r\nDURATION:PT1H\r\nEND:VEVENT\r\n";
        assert_eq!(
            read(body, "2026-12-01T00:00:00Z", "2026-12-05T00:00:00Z", "UTC"),
            pairs(&[
                ("2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z"),
                ("2026-12-02T10:00:00Z", "2026-12-02T11:00:00Z"),
            ])
        );
    }

    #[test]
    fn an_unreadable_rule_is_counted() {
        let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:odd\r\nDTSTART:20261201T100000Z\r\nDURATION:PT1H\r\nRRULE:FREQ=SOMETIMES\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let found = super::read(
            text,
            at("2026-12-01T00:00:00Z"),
            at("2026-12-05T00:00:00Z"),
            &TimeZone::UTC,
        )
        .unwrap();
        assert_eq!(found.unread_series, 1);
        assert_eq!(found.busy.len(), 1);
    }

    #[test]
    fn a_long_series_begun_weeks_before_the_window_still_blocks() {
        // A fortnight away every 4 weeks, from 2 Nov: the 2 Nov – 16 Nov stretch still
        // runs into a window opening on 10 Nov.
        let body = "BEGIN:VEVENT\r\nUID:trip\r\nDTSTART;VALUE=DATE:20261102\r\nDURATION:P14D\r\nRRULE:FREQ=WEEKLY;INTERVAL=4\r\nEND:VEVENT\r\n";
        assert_eq!(
            read(body, "2026-11-10T00:00:00Z", "2026-11-20T00:00:00Z", "UTC"),
            pairs(&[("2026-11-02T00:00:00Z", "2026-11-16T00:00:00Z")])
        );
    }

    #[test]
    fn a_calendars_name_is_read_with_parameters_and_escapes() {
        let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME;VALUE=TEXT:Team\\, Madrid\r\nEND:VCALENDAR\r\n";
        assert_eq!(calendar_name(text).as_deref(), Some("Team, Madrid"));
        assert_eq!(unescape("Notes\\\\new\\; more"), "Notes\\new; more");
    }

    #[test]
    fn text_that_is_not_icalendar_is_refused_in_plain_words() {
        let err = busy_times(
            "<html>Sign in</html>",
            at("2026-12-01T00:00:00Z"),
            at("2026-12-02T00:00:00Z"),
            &TimeZone::UTC,
        );
        assert!(matches!(err, Err(CalendarError::Unreadable(_))), "{err:?}");
    }
}
