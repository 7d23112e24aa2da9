#![allow(clippy::panic)] // a benchmark that cannot set up has nothing to measure
//! Reading a busy person's calendar: what one sync of a changed feed (or a changed CalDAV
//! calendar) costs in parsing and expansion, next to the cost of an unchanged one (a 304:
//! nothing parsed). The calendar: 300 single meetings over a year, 30 weekly series in
//! their own zone (10 with an exception each), 5 daily stand-ups, 10 whole-day events;
//! the window is a year and two days, as a sync reads it.
//! Run with `cargo bench -p calendars --bench ics`.

use std::fmt::Write;

use calendars::ics::busy_times;
use criterion::{Criterion, criterion_group, criterion_main};
use jiff::Timestamp;
use jiff::tz::TimeZone;

fn at(text: &str) -> Timestamp {
    text.parse().unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn a_busy_year() -> String {
    let mut text = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n");
    let first = jiff::civil::date(2027, 1, 4);
    for i in 0..300_i64 {
        let day = first
            .checked_add(jiff::Span::new().days(i))
            .unwrap_or_else(|e| panic!("{e}"));
        let d = day.strftime("%Y%m%d");
        let hour = 8 + i % 9;
        let _ = write!(
            text,
            "BEGIN:VEVENT\r\nUID:single-{i}\r\nDTSTART:{d}T{hour:02}0000Z\r\nDTEND:{d}T{hour:02}4500Z\r\nSUMMARY:Meeting {i}\r\nEND:VEVENT\r\n"
        );
    }
    for i in 0..30 {
        let exception = if i < 10 {
            "EXDATE;TZID=Europe/Berlin:20270208T090000\r\n"
        } else {
            ""
        };
        let _ = write!(
            text,
            "BEGIN:VEVENT\r\nUID:weekly-{i}\r\nDTSTART;TZID=Europe/Berlin:20270104T{:02}0000\r\nDTEND;TZID=Europe/Berlin:20270104T{:02}3000\r\nRRULE:FREQ=WEEKLY;BYDAY=MO\r\n{exception}END:VEVENT\r\n",
            9 + i % 8,
            9 + i % 8
        );
    }
    for i in 0..5 {
        let _ = write!(
            text,
            "BEGIN:VEVENT\r\nUID:daily-{i}\r\nDTSTART;TZID=America/New_York:20270104T0{i}1500\r\nDURATION:PT15M\r\nRRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR\r\nEND:VEVENT\r\n"
        );
    }
    for i in 0..10_i64 {
        let day = first
            .checked_add(jiff::Span::new().days(i * 30))
            .unwrap_or_else(|e| panic!("{e}"));
        let _ = write!(
            text,
            "BEGIN:VEVENT\r\nUID:day-{i}\r\nDTSTART;VALUE=DATE:{}\r\nEND:VEVENT\r\n",
            day.strftime("%Y%m%d")
        );
    }
    text.push_str("END:VCALENDAR\r\n");
    text
}

fn ics(c: &mut Criterion) {
    let text = a_busy_year();
    let home = TimeZone::get("Europe/Madrid").unwrap_or_else(|e| panic!("{e}"));
    let (from, to) = (at("2027-01-03T00:00:00Z"), at("2028-01-05T00:00:00Z"));
    let found = busy_times(&text, from, to, &home).unwrap_or_else(|e| panic!("{e}"));
    println!(
        "calendar: {} bytes, {} busy stretches after expansion and merging",
        text.len(),
        found.len()
    );
    c.bench_function("busy times of a busy year (parse, expand, merge)", |b| {
        b.iter(|| busy_times(&text, from, to, &home))
    });
}

criterion_group!(benches, ics);
criterion_main!(benches);
