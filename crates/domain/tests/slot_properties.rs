//! Properties of the slot engine over random rules, calendars and moments, in zones with
//! every kind of clock change. Each property is checked by brute force here, not by the
//! engine's own reasoning. (The engine takes no viewer zone at all; that slots are the same
//! whoever asks is checked over HTTP, in `tests/it/availability.rs`.)

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;

use domain::schedule::{
    Availability, AvailabilityInput, Booked, Interval, OverrideInput, TimeOffInput, WEEKDAYS,
    WeeklyInput, Window, free_slots, instant,
};
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::{AmbiguousOffset, TimeZone};
use proptest::prelude::*;

const ZONES: [&str; 10] = [
    "America/New_York",
    "Europe/London",
    "Europe/Berlin",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Pacific/Chatham",
    "America/Sao_Paulo",
    "UTC",
];

/// 2026-01-01T00:00:00Z: moments are drawn from the two years after it, DST changes
/// included (windows cross them often: they are wide).
const BASE: i64 = 1_767_225_600;

/// Up to three non-overlapping intervals in a day, on a 15-minute grid.
fn day_hours() -> impl Strategy<Value = Vec<(u16, u16)>> {
    proptest::collection::vec((0u16..96, 1u16..24), 0..4).prop_map(|raw| {
        let mut out: Vec<(u16, u16)> = Vec::new();
        let mut cursor = 0u16;
        for (gap, len) in raw {
            let start = cursor + gap % 24 * 15;
            let end = (start + len * 15).min(1440);
            if start >= 1440 || end <= start {
                break;
            }
            out.push((start, end));
            cursor = end;
        }
        out
    })
}

fn clock(m: u16) -> String {
    format!("{:02}:{:02}", m / 60, m % 60)
}

#[derive(Debug, Clone)]
struct Case {
    input: AvailabilityInput,
    busy: Vec<Interval>,
    booked: Vec<Booked>,
    window: Window,
}

fn case() -> impl Strategy<Value = Case> {
    (
        (
            0..ZONES.len(),
            proptest::collection::vec(day_hours(), 7),
            proptest::collection::vec((0i64..70, day_hours()), 0..4),
            0u16..4,
            0u16..4,
            0i64..3000,
            1i64..70,
        ),
        (
            prop_oneof![Just(5i64), Just(10), Just(15), Just(30), Just(60)],
            prop_oneof![Just(30u16), Just(60), Just(90)],
            proptest::option::of(1i64..4),
            0i64..(2 * 365 * 86_400),
            0i64..(62 * 86_400),
            proptest::collection::vec((0i64..(70 * 1440), 5i64..600), 0..30),
            proptest::collection::vec((0i64..(70 * 96), 1i64..7), 0..20),
            proptest::collection::vec((0i64..(70 * 24), 1i64..72), 0..3),
        ),
    )
        .prop_map(
            |(
                (zone, week, overrides, before, after, notice, horizon),
                (step, duration, cap, now, span, busy, booked, time_off),
            )| {
                let now = BASE + now / 60 * 60;
                let from = now - 86_400;
                let weekly = week
                    .iter()
                    .enumerate()
                    .flat_map(|(day, hours)| {
                        hours.iter().map(move |(s, e)| WeeklyInput {
                            weekday: WEEKDAYS[day].into(),
                            start: clock(*s),
                            end: clock(*e),
                        })
                    })
                    .collect();
                let tz = TimeZone::get(ZONES[zone]).unwrap();
                let today = tz.to_datetime(Timestamp::from_second(now).unwrap()).date();
                let mut seen = Vec::new();
                let overrides = overrides
                    .into_iter()
                    .filter_map(|(offset, hours)| {
                        let date = today.checked_add(jiff::Span::new().days(offset)).ok()?;
                        if seen.contains(&date) {
                            return None;
                        }
                        seen.push(date);
                        Some(OverrideInput {
                            date: date.to_string(),
                            intervals: hours.iter().map(|(s, e)| (clock(*s), clock(*e))).collect(),
                        })
                    })
                    .collect();
                let time_off = time_off
                    .into_iter()
                    .map(|(h, len)| TimeOffInput {
                        from: Timestamp::from_second(from + h * 3600).unwrap().to_string(),
                        to: Timestamp::from_second(from + (h + len) * 3600)
                            .unwrap()
                            .to_string(),
                    })
                    .collect();
                let input = AvailabilityInput {
                    time_zone: ZONES[zone].into(),
                    weekly,
                    overrides,
                    time_off,
                    buffer_before_minutes: i64::from(before) * 5,
                    buffer_after_minutes: i64::from(after) * 5,
                    min_notice_minutes: notice,
                    horizon_days: horizon,
                    align_to_blocks: zone % 2 == 0,
                    durations: vec![30, 60, 90],
                    slot_step_minutes: step,
                    daily_cap: cap,
                    cancellation_policy: "moderate".into(),
                };
                Case {
                    input,
                    busy: busy
                        .into_iter()
                        .map(|(m, len)| Interval::new(from + m * 60, from + (m + len) * 60))
                        .collect(),
                    booked: booked
                        .into_iter()
                        .map(|(q, len)| {
                            let start = from + q * 900;
                            Booked::new(
                                instant(start),
                                instant(start + len * 900),
                                before * 5,
                                after * 5,
                            )
                        })
                        .collect(),
                    window: Window {
                        from: instant(from),
                        to: instant(from + span.max(3600)),
                        now: instant(now),
                        duration_minutes: duration,
                    },
                }
            },
        )
}

/// Where a local interval opens and closes, by PRODUCT.md's rule, computed on its own.
fn opens(tz: &TimeZone, date: Date, minute: u16) -> i64 {
    let dt = if minute >= 1440 {
        date.tomorrow().unwrap().at(0, 0, 0, 0)
    } else {
        date.at((minute / 60) as i8, (minute % 60) as i8, 0, 0)
    };
    let amb = tz.to_ambiguous_timestamp(dt);
    match amb.offset() {
        // Forward past the gap: the time read with the offset from before it.
        AmbiguousOffset::Gap { before, .. } => before.to_timestamp(dt).unwrap().as_second(),
        AmbiguousOffset::Fold { before, .. } => before.to_timestamp(dt).unwrap().as_second(),
        AmbiguousOffset::Unambiguous { offset } => offset.to_timestamp(dt).unwrap().as_second(),
    }
}

fn closes(tz: &TimeZone, date: Date, minute: u16) -> i64 {
    let dt = if minute >= 1440 {
        date.tomorrow().unwrap().at(0, 0, 0, 0)
    } else {
        date.at((minute / 60) as i8, (minute % 60) as i8, 0, 0)
    };
    match tz.to_ambiguous_timestamp(dt).offset() {
        // Closing inside a gap: at the jump, where the wall clock passed the end.
        AmbiguousOffset::Gap { after, .. } => {
            let wall_before_gap = after.to_timestamp(dt).unwrap();
            tz.following(wall_before_gap)
                .next()
                .unwrap()
                .timestamp()
                .as_second()
        }
        AmbiguousOffset::Fold { before, .. } => before.to_timestamp(dt).unwrap().as_second(),
        AmbiguousOffset::Unambiguous { offset } => offset.to_timestamp(dt).unwrap().as_second(),
    }
}

/// Whether instant `t` is inside the open hours of its local date or the day before.
fn is_open(rules: &Availability, t: i64) -> bool {
    let tz = &rules.time_zone;
    let date = tz.to_datetime(Timestamp::from_second(t).unwrap()).date();
    [date.yesterday().unwrap(), date].into_iter().any(|d| {
        rules
            .hours_on(d)
            .iter()
            .any(|h| opens(tz, d, h.start_minute) <= t && t < closes(tz, d, h.end_minute))
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn every_slot_keeps_every_rule(case in case()) {
        let rules = Availability::parse(&case.input, &[30, 60, 90]).unwrap();
        let w = case.window;
        let slots = free_slots(&rules, &case.busy, &case.booked, w);
        let duration = i64::from(w.duration_minutes) * 60;
        let before = i64::from(rules.buffer_before_minutes) * 60;
        let after = i64::from(rules.buffer_after_minutes) * 60;

        // Sorted and unique.
        prop_assert!(slots.windows(2).all(|p| p[0].start < p[1].start));
        let mut per_day: HashMap<Date, usize> = HashMap::new();
        for b in &case.booked {
            *per_day.entry(rules.time_zone.to_datetime(Timestamp::from_second(b.start).unwrap()).date()).or_default() += 1;
        }
        for slot in &slots {
            prop_assert_eq!(slot.end - slot.start, duration);
            // Inside the window, after the notice, before the horizon.
            prop_assert!(slot.start >= w.from.as_second() && slot.start < w.to.as_second());
            prop_assert!(slot.start >= w.now.as_second() + i64::from(rules.min_notice_minutes) * 60);
            prop_assert!(slot.start < rules.horizon_end(w.now).as_second());
            // Widened by the buffers, it touches no busy time, time off or booking.
            let widened = Interval::new(slot.start - before, slot.end + after);
            prop_assert!(!case.busy.iter().any(|b| b.overlaps(&widened)), "busy {slot:?}");
            prop_assert!(!rules.time_off.iter().any(|b| b.overlaps(&widened)), "time off {slot:?}");
            prop_assert!(!case.booked.iter().any(|b| b.blocked.overlaps(&widened)), "booked {slot:?}");
            // Every minute of it is open hours in the expert's local time.
            let mut t = slot.start;
            while t < slot.end {
                prop_assert!(is_open(&rules, t), "closed at {t} in {slot:?}");
                t += 60;
            }
            // Under the daily cap of its local date.
            if let Some(cap) = rules.daily_cap {
                let date = rules.time_zone.to_datetime(Timestamp::from_second(slot.start).unwrap()).date();
                prop_assert!(per_day.get(&date).copied().unwrap_or(0) < usize::from(cap));
            }
        }
    }

    #[test]
    fn a_hold_finds_every_slot_the_list_offers(case in case()) {
        // A hold asks for one instant: it must find each start the week's list shows
        // (aligned or not), or a learner picks a time that cannot be held.
        let rules = Availability::parse(&case.input, &[30, 60, 90]).unwrap();
        let w = case.window;
        for slot in free_slots(&rules, &case.busy, &case.booked, w).iter().take(40) {
            let one = Window {
                from: Timestamp::from_second(slot.start).unwrap(),
                to: Timestamp::from_second(slot.start + 1).unwrap(),
                ..w
            };
            let found = free_slots(&rules, &case.busy, &case.booked, one);
            prop_assert_eq!(found.first().map(|s| s.start), Some(slot.start), "{:?}", slot);
        }
    }

    #[test]
    fn nothing_free_is_left_out(case in case()) {
        // With nothing taken, each open range offers every step that fits: the engine
        // must return exactly the candidates a brute-force walk finds.
        let mut input = case.input.clone();
        input.time_off.clear();
        input.daily_cap = None;
        let rules = Availability::parse(&input, &[30, 60, 90]).unwrap();
        let w = Window { to: instant(case.window.from.as_second() + 3 * 86_400), ..case.window };
        let slots = free_slots(&rules, &[], &[], w);
        let duration = i64::from(w.duration_minutes) * 60;
        let earliest = w.now.as_second() + i64::from(rules.min_notice_minutes) * 60;
        let horizon = rules.horizon_end(w.now).as_second();
        // Brute force: every step from each interval's own opening, kept when each of its
        // minutes is open and it meets the notice, horizon and window.
        let step = i64::from(rules.slot_step_minutes) * 60;
        let tz = &rules.time_zone;
        let mut date = tz.to_datetime(Timestamp::from_second(w.from.as_second() - 2 * 86_400).unwrap()).date();
        let last = tz.to_datetime(Timestamp::from_second(w.to.as_second() + 86_400).unwrap()).date();
        let mut expected = Vec::new();
        let mut previous_close = i64::MIN;
        while date <= last {
            for h in rules.hours_on(date) {
                let open = opens(tz, date, h.start_minute).max(previous_close);
                let close = closes(tz, date, h.end_minute);
                if close <= open {
                    continue;
                }
                previous_close = close;
                let mut t = open;
                while t < close {
                    if t >= w.from.as_second().max(earliest)
                        && t < w.to.as_second().min(horizon)
                        && (t..t + duration).step_by(60).all(|m| is_open(&rules, m))
                    {
                        expected.push(t);
                    }
                    t += step;
                }
            }
            date = date.tomorrow().unwrap();
        }
        let starts: Vec<i64> = slots.iter().map(|s| s.start).collect();
        prop_assert_eq!(starts, expected);
    }
}
