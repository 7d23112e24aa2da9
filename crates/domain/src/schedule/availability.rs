//! An expert's availability rules: weekly hours in their own zone, dated overrides, time
//! off and the booking settings; parsed from what the expert typed, with every problem
//! reported at once.

use crate::booking::PolicyPreset;
use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::{Interval, zones};

/// Weekday names as the API spells them, Monday first (the index is jiff's
/// `to_monday_zero_offset`).
pub const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// The form field that carries each weekday's problems.
const WEEKDAY_FIELDS: [&str; 7] = [
    "weekly.mon",
    "weekly.tue",
    "weekly.wed",
    "weekly.thu",
    "weekly.fri",
    "weekly.sat",
    "weekly.sun",
];

/// What the rules allow, in one place so forms, the API and the docs agree.
pub mod limits {
    /// Open intervals on one weekday or one dated override.
    pub const INTERVALS_PER_DAY: usize = 10;
    /// Dated overrides an expert may keep.
    pub const OVERRIDES: usize = 400;
    /// Stretches of time off an expert may keep.
    pub const TIME_OFF: usize = 500;
    /// Longest buffer before or after a session, in minutes.
    pub const BUFFER_MINUTES: i64 = 240;
    /// Thirty days.
    pub const NOTICE_MINUTES: i64 = 43_200;
    /// Furthest ahead a session may be booked, in days.
    pub const HORIZON_DAYS: i64 = 365;
    /// Session lengths one expert may offer at once.
    pub const DURATIONS: usize = 6;
    /// Finest slot step, in minutes (steps are multiples of five).
    pub const MIN_STEP_MINUTES: i64 = 5;
    /// Coarsest slot step, in minutes.
    pub const MAX_STEP_MINUTES: i64 = 240;
    /// Highest daily cap an expert may set; without one there is no cap.
    pub const DAILY_CAP: i64 = 48;
    /// The longest single stretch of time off.
    pub const TIME_OFF_DAYS: i64 = 366;
}

/// Open hours on one local date: minutes after local midnight, `start < end <= 1440`
/// (an end of 1440 is written "24:00" and means the next midnight).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LocalInterval {
    /// Opening, in minutes after local midnight.
    pub start_minute: u16,
    /// Closing, in minutes after local midnight; 1440 is the next midnight.
    pub end_minute: u16,
}

impl LocalInterval {
    /// The opening as "HH:MM", as forms and the API show it.
    pub fn start_text(&self) -> String {
        clock(self.start_minute)
    }

    /// The closing as "HH:MM" ("24:00" for midnight at the end of the day).
    pub fn end_text(&self) -> String {
        clock(self.end_minute)
    }
}

fn clock(minute: u16) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

/// One weekly interval as sent: `{"weekday": "mon", "start": "09:00", "end": "12:30"}`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WeeklyInput {
    /// `mon` … `sun` (see `WEEKDAYS`).
    pub weekday: String,
    /// Opening as "HH:MM" in the expert's zone.
    pub start: String,
    /// Closing as "HH:MM" in the expert's zone; "24:00" for midnight.
    pub end: String,
}

/// A date whose hours replace the weekly ones; no intervals closes the day.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OverrideInput {
    /// The local date, `YYYY-MM-DD`, in the expert's zone.
    pub date: String,
    /// (start, end) pairs as "HH:MM".
    pub intervals: Vec<(String, String)>,
}

/// A stretch of time off, as RFC 3339 instants.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TimeOffInput {
    /// First instant off.
    pub from: String,
    /// First instant back; at most `limits::TIME_OFF_DAYS` after `from`.
    pub to: String,
}

/// The rules as an expert or API client sends them, before checking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AvailabilityInput {
    /// The IANA zone the hours are written in.
    pub time_zone: String,
    /// Open hours for each weekday; several per day allowed.
    pub weekly: Vec<WeeklyInput>,
    /// Dates with other hours, or closed.
    pub overrides: Vec<OverrideInput>,
    /// Absolute stretches when no session may take place.
    pub time_off: Vec<TimeOffInput>,
    /// Free time kept before each session, in minutes.
    pub buffer_before_minutes: i64,
    /// Free time kept after each session, in minutes.
    pub buffer_after_minutes: i64,
    /// How long before its start a session must be booked, in minutes.
    pub min_notice_minutes: i64,
    /// How many calendar days ahead sessions may be booked: starts run through the end of
    /// the N-th day after today, in the expert's zone.
    pub horizon_days: i64,
    /// After a booking or busy time that ends off the grid, let the next start follow its
    /// end (plus the buffer) instead of waiting for the next step.
    pub align_to_blocks: bool,
    /// Session lengths offered, in minutes; each must have a rate.
    pub durations: Vec<i64>,
    /// Minutes between slot starts, a multiple of five.
    pub slot_step_minutes: i64,
    /// Most sessions starting on one local date; `None` for no cap.
    pub daily_cap: Option<i64>,
    /// One of the platform's presets (`flexible`, `moderate`, `strict`).
    pub cancellation_policy: String,
}

impl AvailabilityInput {
    /// Sensible settings and no hours yet: what a new expert starts from.
    pub fn starting(time_zone: &str, durations: Vec<i64>) -> Self {
        Self {
            time_zone: time_zone.to_owned(),
            weekly: Vec::new(),
            overrides: Vec::new(),
            time_off: Vec::new(),
            buffer_before_minutes: 0,
            buffer_after_minutes: 0,
            min_notice_minutes: 240,
            horizon_days: 60,
            align_to_blocks: false,
            durations,
            slot_step_minutes: 30,
            daily_cap: None,
            cancellation_policy: PolicyPreset::default().as_str().to_owned(),
        }
    }
}

/// One problem with the input: the field it belongs to and a message id that explains it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Problem {
    /// The form field or API key it belongs to (`weekly.mon`, `time_off`, …).
    pub field: &'static str,
    /// The Fluent message id that explains it to the expert.
    pub code: &'static str,
}

fn problem(field: &'static str, code: &'static str) -> Problem {
    Problem { field, code }
}

/// Checked availability rules, ready for the engine.
#[derive(Debug, Clone)]
pub struct Availability {
    /// The zone the hours are expanded in, date by date.
    pub time_zone: TimeZone,
    /// The IANA name, as stored and shown.
    pub zone_name: String,
    /// Open hours per weekday, Monday first, sorted and not overlapping.
    pub weekly: [Vec<LocalInterval>; 7],
    /// Dates whose hours replace the weekly ones (empty: closed).
    pub overrides: BTreeMap<Date, Vec<LocalInterval>>,
    /// Stretches when no session may take place, sorted, as UTC instants.
    pub time_off: Vec<Interval>,
    /// Free minutes kept before each session; frozen on each booking.
    pub buffer_before_minutes: u16,
    /// Free minutes kept after each session; frozen on each booking.
    pub buffer_after_minutes: u16,
    /// How long before its start a session must be booked, in minutes.
    pub min_notice_minutes: u32,
    /// How many calendar days ahead sessions may start (see [`Availability::horizon_end`]).
    pub horizon_days: u16,
    /// Starts after a block that ends off the grid follow the block's end.
    pub align_to_blocks: bool,
    /// Session lengths offered, shortest first.
    pub durations: Vec<u16>,
    /// Minutes between candidate starts, counted from each interval's own start.
    pub slot_step_minutes: u16,
    /// At most this many sessions start on one local date.
    pub daily_cap: Option<u16>,
    /// Frozen on each booking when it is made.
    pub cancellation_policy: PolicyPreset,
}

impl Availability {
    /// Checks `input`; `offered` are the session lengths the expert has a price for.
    pub fn parse(input: &AvailabilityInput, offered: &[i32]) -> Result<Self, Vec<Problem>> {
        let mut problems = Vec::new();
        let time_zone = match zones::named(&input.time_zone) {
            Some(tz) => Some(tz),
            None => {
                problems.push(problem("time_zone", "availability-zone-invalid"));
                None
            }
        };

        let mut rows: [Vec<(&str, &str)>; 7] = Default::default();
        for entry in &input.weekly {
            let Some(day) = WEEKDAYS.iter().position(|d| *d == entry.weekday.trim()) else {
                problems.push(problem("weekly", "availability-weekday-invalid"));
                continue;
            };
            rows[day].push((&entry.start, &entry.end));
        }
        let mut weekly: [Vec<LocalInterval>; 7] = Default::default();
        for (day, rows) in rows.iter().enumerate() {
            match day_hours(rows) {
                Ok(intervals) => weekly[day] = intervals,
                Err(wrong) => problems.push(problem(WEEKDAY_FIELDS[day], wrong.code)),
            }
        }

        let mut overrides = BTreeMap::new();
        if input.overrides.len() > limits::OVERRIDES {
            problems.push(problem("overrides", "availability-too-many-overrides"));
        }
        for entry in input.overrides.iter().take(limits::OVERRIDES) {
            let Ok(date) = entry.date.trim().parse::<Date>() else {
                problems.push(problem("overrides", "availability-date-invalid"));
                continue;
            };
            let rows: Vec<(&str, &str)> = entry
                .intervals
                .iter()
                .map(|(start, end)| (start.as_str(), end.as_str()))
                .collect();
            let intervals = match day_hours(&rows) {
                Ok(list) => list,
                Err(wrong) => {
                    problems.push(problem("overrides", wrong.code));
                    continue;
                }
            };
            if overrides.insert(date, intervals).is_some() {
                problems.push(problem("overrides", "availability-date-repeated"));
            }
        }

        let mut time_off = Vec::new();
        if input.time_off.len() > limits::TIME_OFF {
            problems.push(problem("time_off", "availability-too-many-time-off"));
        }
        for entry in input.time_off.iter().take(limits::TIME_OFF) {
            let parsed = (
                entry.from.trim().parse::<Timestamp>(),
                entry.to.trim().parse::<Timestamp>(),
            );
            let (Ok(from), Ok(to)) = parsed else {
                problems.push(problem("time_off", "availability-time-off-invalid"));
                continue;
            };
            let (from, to) = (from.as_second(), to.as_second());
            if to <= from || to - from > limits::TIME_OFF_DAYS * 86_400 {
                problems.push(problem("time_off", "availability-time-off-order"));
                continue;
            }
            time_off.push(Interval::new(from, to));
        }
        time_off.sort_unstable();

        let mut minutes = |value: i64, max: i64, field: &'static str, code: &'static str| {
            if (0..=max).contains(&value) {
                value
            } else {
                problems.push(problem(field, code));
                0
            }
        };
        let buffer_before = minutes(
            input.buffer_before_minutes,
            limits::BUFFER_MINUTES,
            "buffer_before_minutes",
            "availability-buffer-invalid",
        );
        let buffer_after = minutes(
            input.buffer_after_minutes,
            limits::BUFFER_MINUTES,
            "buffer_after_minutes",
            "availability-buffer-invalid",
        );
        let notice = minutes(
            input.min_notice_minutes,
            limits::NOTICE_MINUTES,
            "min_notice_minutes",
            "availability-notice-invalid",
        );
        let horizon = if (1..=limits::HORIZON_DAYS).contains(&input.horizon_days) {
            input.horizon_days
        } else {
            problems.push(problem("horizon_days", "availability-horizon-invalid"));
            1
        };
        let step = input.slot_step_minutes;
        if !(limits::MIN_STEP_MINUTES..=limits::MAX_STEP_MINUTES).contains(&step) || step % 5 != 0 {
            problems.push(problem("slot_step_minutes", "availability-step-invalid"));
        }
        let cap = match input.daily_cap {
            Some(cap) if !(1..=limits::DAILY_CAP).contains(&cap) => {
                problems.push(problem("daily_cap", "availability-cap-invalid"));
                None
            }
            other => other,
        };

        let mut durations: Vec<u16> = Vec::new();
        if input.durations.is_empty() {
            problems.push(problem("durations", "availability-durations-empty"));
        } else if input.durations.len() > limits::DURATIONS {
            problems.push(problem("durations", "availability-duration-invalid"));
        }
        for &d in input.durations.iter().take(limits::DURATIONS) {
            if !offered.iter().any(|&o| i64::from(o) == d) {
                problems.push(problem("durations", "availability-duration-no-rate"));
                break;
            }
            if let Ok(d) = u16::try_from(d) {
                durations.push(d);
            }
        }
        durations.sort_unstable();
        durations.dedup();

        let policy = PolicyPreset::parse(input.cancellation_policy.trim());
        if policy.is_none() {
            problems.push(problem(
                "cancellation_policy",
                "availability-policy-invalid",
            ));
        }

        match (time_zone, policy) {
            (Some(time_zone), Some(cancellation_policy)) if problems.is_empty() => {
                Ok(Availability {
                    zone_name: zones::canonical_name(&time_zone),
                    time_zone,
                    weekly,
                    overrides,
                    time_off,
                    buffer_before_minutes: buffer_before as u16,
                    buffer_after_minutes: buffer_after as u16,
                    min_notice_minutes: notice as u32,
                    horizon_days: horizon as u16,
                    align_to_blocks: input.align_to_blocks,
                    durations,
                    slot_step_minutes: step as u16,
                    daily_cap: cap.map(|c| c as u16),
                    cancellation_policy,
                })
            }
            _ => Err(problems),
        }
    }

    /// The rules written back in the input's shape (as the API returns and stores them).
    pub fn to_input(&self) -> AvailabilityInput {
        let weekly = self
            .weekly
            .iter()
            .enumerate()
            .flat_map(|(day, list)| {
                list.iter().map(move |i| WeeklyInput {
                    weekday: WEEKDAYS[day].to_owned(),
                    start: i.start_text(),
                    end: i.end_text(),
                })
            })
            .collect();
        AvailabilityInput {
            time_zone: self.zone_name.clone(),
            weekly,
            overrides: self
                .overrides
                .iter()
                .map(|(date, list)| OverrideInput {
                    date: date.to_string(),
                    intervals: list
                        .iter()
                        .map(|i| (i.start_text(), i.end_text()))
                        .collect(),
                })
                .collect(),
            time_off: self
                .time_off
                .iter()
                .map(|i| TimeOffInput {
                    from: zones::rfc3339(i.start_at()),
                    to: zones::rfc3339(i.end_at()),
                })
                .collect(),
            buffer_before_minutes: i64::from(self.buffer_before_minutes),
            buffer_after_minutes: i64::from(self.buffer_after_minutes),
            min_notice_minutes: i64::from(self.min_notice_minutes),
            horizon_days: i64::from(self.horizon_days),
            align_to_blocks: self.align_to_blocks,
            durations: self.durations.iter().map(|d| i64::from(*d)).collect(),
            slot_step_minutes: i64::from(self.slot_step_minutes),
            daily_cap: self.daily_cap.map(i64::from),
            cancellation_policy: self.cancellation_policy.as_str().to_owned(),
        }
    }

    /// The open hours of one local date: its override, else its weekday's.
    pub fn hours_on(&self, date: Date) -> &[LocalInterval] {
        match self.overrides.get(&date) {
            Some(list) => list,
            None => &self.weekly[date.weekday().to_monday_zero_offset() as usize],
        }
    }

    /// The first instant no session may start at, seen at `now`: the end of the
    /// `horizon_days`-th calendar day after today in the expert's zone (today is day 0).
    /// So "7 days" asked on a Monday at 23:50 runs through the next Monday's end, however
    /// late in the day it is asked, and a DST change in between moves nothing.
    pub fn horizon_end(&self, now: Timestamp) -> Timestamp {
        let today = self.time_zone.to_datetime(now).date();
        let first_day_out = today
            .checked_add(jiff::Span::new().days(i64::from(self.horizon_days) + 1))
            .unwrap_or(today);
        super::engine::resolve_start(&self.time_zone, first_day_out, 0)
            .and_then(|s| Timestamp::from_second(s).ok())
            .unwrap_or(now)
    }

    /// Whether any hours are set at all (weekly or on some date).
    pub fn has_hours(&self) -> bool {
        self.weekly.iter().any(|d| !d.is_empty()) || self.overrides.values().any(|d| !d.is_empty())
    }
}

/// "HH:MM" (or "HH:MM:00", as some browsers send) to minutes after midnight; "24:00" too.
fn parse_clock(raw: &str) -> Option<u16> {
    let raw = raw.trim();
    let raw = raw
        .strip_suffix(":00")
        .filter(|r| r.len() == 5)
        .unwrap_or(raw);
    let (h, m) = raw.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    match (h, m) {
        (24, 0) => Some(1440),
        (0..=23, 0..=59) => Some(h * 60 + m),
        _ => None,
    }
}

fn parse_interval(start: &str, end: &str) -> Result<LocalInterval, &'static str> {
    let (Some(start), Some(end)) = (parse_clock(start), parse_clock(end)) else {
        return Err("availability-time-invalid");
    };
    if start >= 1440 || end <= start {
        return Err("availability-interval-order");
    }
    Ok(LocalInterval {
        start_minute: start,
        end_minute: end,
    })
}

/// The interval of a day's hours that is wrong, so a form can point at its row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrongInterval {
    /// The row, counted from 0 in the order given.
    pub row: usize,
    /// The earlier row it overlaps, for an overlap.
    pub overlaps: Option<usize>,
    /// The Fluent message id that explains it.
    pub code: &'static str,
}

/// One weekday's hours, as (start, end) "HH:MM" rows in the order given: sorted intervals,
/// or the first row that is wrong (unreadable, ending before it starts, overlapping an
/// earlier one, or one too many).
pub fn day_hours(rows: &[(&str, &str)]) -> Result<Vec<LocalInterval>, WrongInterval> {
    let wrong = |row, overlaps, code| WrongInterval {
        row,
        overlaps,
        code,
    };
    if rows.len() > limits::INTERVALS_PER_DAY {
        return Err(wrong(
            limits::INTERVALS_PER_DAY,
            None,
            "availability-too-many-intervals",
        ));
    }
    let mut intervals = Vec::with_capacity(rows.len());
    for (row, (start, end)) in rows.iter().enumerate() {
        let interval = parse_interval(start, end).map_err(|code| wrong(row, None, code))?;
        intervals.push((interval, row));
    }
    intervals.sort_unstable();
    if let Some(pair) = intervals
        .windows(2)
        .find(|w| w[1].0.start_minute < w[0].0.end_minute)
    {
        // Name the row given later, as overlapping the one given first.
        let (first, later) = (pair[0].1.min(pair[1].1), pair[0].1.max(pair[1].1));
        return Err(wrong(later, Some(first), "availability-interval-overlap"));
    }
    Ok(intervals.into_iter().map(|(i, _)| i).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> AvailabilityInput {
        AvailabilityInput {
            weekly: vec![
                WeeklyInput {
                    weekday: "mon".into(),
                    start: "13:00".into(),
                    end: "17:00".into(),
                },
                WeeklyInput {
                    weekday: "mon".into(),
                    start: "09:00".into(),
                    end: "12:30".into(),
                },
            ],
            overrides: vec![OverrideInput {
                date: "2026-12-24".into(),
                intervals: vec![],
            }],
            time_off: vec![TimeOffInput {
                from: "2026-12-28T00:00:00Z".into(),
                to: "2027-01-02T00:00:00Z".into(),
            }],
            ..AvailabilityInput::starting("Europe/Berlin", vec![30, 60])
        }
    }

    #[test]
    fn valid_rules_parse_sorted_and_round_trip() {
        let rules = Availability::parse(&input(), &[30, 60, 90]).unwrap();
        assert_eq!(rules.weekly[0].len(), 2);
        assert_eq!(rules.weekly[0][0].start_text(), "09:00");
        let back = rules.to_input();
        assert_eq!(back.weekly[0].start, "09:00");
        assert_eq!(back.weekly[1].end, "17:00");
        assert_eq!(back.time_off[0].from, "2026-12-28T00:00:00Z");
        let again = Availability::parse(&back, &[30, 60, 90]).unwrap();
        assert_eq!(again.to_input(), back);
    }

    #[test]
    fn every_problem_is_reported_with_its_field() {
        let mut bad = input();
        bad.time_zone = "Mars/Olympus".into();
        bad.weekly.push(WeeklyInput {
            weekday: "tue".into(),
            start: "12:00".into(),
            end: "09:00".into(),
        });
        bad.weekly.push(WeeklyInput {
            weekday: "mon".into(),
            start: "12:00".into(),
            end: "14:00".into(),
        });
        bad.weekly.push(WeeklyInput {
            weekday: "funday".into(),
            start: "12:00".into(),
            end: "14:00".into(),
        });
        bad.overrides.push(OverrideInput {
            date: "2026-02-30".into(),
            intervals: vec![],
        });
        bad.time_off.push(TimeOffInput {
            from: "2026-12-02T00:00:00Z".into(),
            to: "2026-12-01T00:00:00Z".into(),
        });
        bad.buffer_after_minutes = -5;
        bad.horizon_days = 0;
        bad.durations = vec![45];
        bad.slot_step_minutes = 7;
        bad.daily_cap = Some(0);
        let problems = Availability::parse(&bad, &[30, 60]).unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            [
                "time_zone",
                "weekly",
                "weekly.mon",
                "weekly.tue",
                "overrides",
                "time_off",
                "buffer_after_minutes",
                "horizon_days",
                "slot_step_minutes",
                "daily_cap",
                "durations"
            ]
        );
        let codes: Vec<&str> = problems.iter().map(|p| p.code).collect();
        assert!(codes.contains(&"availability-interval-overlap"));
        assert!(codes.contains(&"availability-interval-order"));
        assert!(codes.contains(&"availability-duration-no-rate"));
    }

    #[test]
    fn a_wrong_interval_is_named_by_its_row() {
        assert_eq!(
            day_hours(&[("13:00", "17:00"), ("09:00", "12:00")]).map(|d| d.len()),
            Ok(2)
        );
        let order = day_hours(&[("09:00", "12:00"), ("15:00", "13:00")]).unwrap_err();
        assert_eq!((order.row, order.code), (1, "availability-interval-order"));
        let unreadable = day_hours(&[("9", "12:00")]).unwrap_err();
        assert_eq!(unreadable.code, "availability-time-invalid");
        // Given later but starting earlier: still the later row, overlapping the first.
        let overlap =
            day_hours(&[("10:00", "12:00"), ("14:00", "15:00"), ("09:00", "10:30")]).unwrap_err();
        assert_eq!((overlap.row, overlap.overlaps), (2, Some(0)));
        assert_eq!(overlap.code, "availability-interval-overlap");
        let many: Vec<(&str, &str)> = vec![("09:00", "09:30"); limits::INTERVALS_PER_DAY + 1];
        assert_eq!(
            day_hours(&many).unwrap_err().code,
            "availability-too-many-intervals"
        );
    }

    #[test]
    fn clock_times() {
        assert_eq!(parse_clock("09:30"), Some(570));
        assert_eq!(parse_clock("09:30:00"), Some(570));
        assert_eq!(parse_clock("24:00"), Some(1440));
        for bad in ["9:30", "24:30", "12:60", "", "ab:cd", "12:00:30"] {
            assert_eq!(parse_clock(bad), None, "{bad}");
        }
        assert_eq!(
            parse_interval("00:00", "24:00").map(|i| i.end_text()),
            Ok("24:00".to_owned())
        );
        assert_eq!(
            parse_interval("24:00", "24:00"),
            Err("availability-interval-order")
        );
    }

    #[test]
    fn fixed_offsets_and_repeated_dates_are_refused() {
        let mut bad = input();
        bad.time_zone = "+02:00".into();
        bad.overrides.push(OverrideInput {
            date: "2026-12-24".into(),
            intervals: vec![("10:00".into(), "11:00".into())],
        });
        let problems = Availability::parse(&bad, &[30, 60]).unwrap_err();
        assert_eq!(
            problems,
            [
                problem("time_zone", "availability-zone-invalid"),
                problem("overrides", "availability-date-repeated")
            ]
        );
    }
}
