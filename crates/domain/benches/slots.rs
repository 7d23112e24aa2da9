#![allow(clippy::panic)] // a benchmark that cannot set up has nothing to measure
//! The slot engine at the size issue 5 sets: a 60-day window, three intervals a day, 200
//! bookings and 500 external busy intervals, in a zone with a DST change inside the window.
//! Run with `cargo bench -p domain --bench slots`.

use criterion::{Criterion, criterion_group, criterion_main};
use domain::schedule::{
    Availability, AvailabilityInput, Booked, Interval, WEEKDAYS, WeeklyInput, Window, free_slots,
    instant,
};

/// 2027-03-01T00:00:00Z: the window crosses Berlin's change on 28 March.
const FROM: i64 = 1_803_513_600;
const DAY: i64 = 86_400;

fn busy_week() -> Availability {
    let weekly = WEEKDAYS
        .iter()
        .flat_map(|day| {
            [("08:00", "11:00"), ("12:00", "15:00"), ("16:00", "19:00")].map(|(s, e)| WeeklyInput {
                weekday: (*day).into(),
                start: s.into(),
                end: e.into(),
            })
        })
        .collect();
    let input = AvailabilityInput {
        weekly,
        buffer_after_minutes: 10,
        min_notice_minutes: 0,
        horizon_days: 90,
        daily_cap: Some(8),
        ..AvailabilityInput::starting("Europe/Berlin", vec![30, 60])
    };
    Availability::parse(&input, &[30, 60]).unwrap_or_else(|p| panic!("{p:?}"))
}

fn slots(c: &mut Criterion) {
    let rules = busy_week();
    // 200 sessions and 500 busy stretches spread over the 60 days (a fixed pattern, so
    // every run measures the same work).
    let booked: Vec<Booked> = (0..200)
        .map(|i| {
            let start = FROM + (i * 60 * DAY / 200) / 1800 * 1800 + 9 * 3600;
            Booked::new(instant(start), instant(start + 3600), 0, 10)
        })
        .collect();
    let busy: Vec<Interval> = (0..500)
        .map(|i| {
            let start = FROM + (i * 60 * DAY / 500) / 900 * 900 + 13 * 3600;
            Interval::new(start, start + 2700)
        })
        .collect();
    let window = Window {
        from: instant(FROM),
        to: instant(FROM + 60 * DAY),
        now: instant(FROM - DAY),
        duration_minutes: 60,
    };
    let found = free_slots(&rules, &busy, &booked, window);
    if found.len() < 100 {
        panic!("the case should have work: {} slots", found.len());
    }
    c.bench_function("slots/60_days_3_intervals_200_bookings_500_busy", |b| {
        b.iter(|| free_slots(&rules, &busy, &booked, window))
    });
    let week = Window {
        to: instant(FROM + 7 * DAY),
        ..window
    };
    c.bench_function("slots/one_week_same_calendar", |b| {
        b.iter(|| free_slots(&rules, &busy, &booked, week))
    });
}

criterion_group!(benches, slots);
criterion_main!(benches);
