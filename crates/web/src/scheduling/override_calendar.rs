//! The editor's calendar: the coming months in the expert's zone, each date marked with
//! what applies to it (usual hours, other hours, closed, time off), each a link that starts
//! an override for that date. Server-rendered, so it needs no JavaScript.

use app::scheduling::document::RulesDocument;
use domain::schedule::{WEEKDAYS, zones};
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::month_grid;

/// One date in the grid.
pub struct Day {
    pub number: i8,
    pub date: String,
    /// `open`, `special`, `closed`, `time-off` or `none`.
    pub state: &'static str,
    /// Before today: shown, not linked.
    pub past: bool,
}

pub struct Month {
    /// `2026-12`.
    pub title: String,
    /// Weeks Monday first; `None` pads days of other months.
    pub weeks: Vec<Vec<Option<Day>>>,
}

/// `count` months from the one holding `today`, per the rules in `doc`.
pub fn months(doc: &RulesDocument, today: Date, count: usize, locale: i18n::Locale) -> Vec<Month> {
    let zone = zones::named(&doc.time_zone).unwrap_or(TimeZone::UTC);
    let time_off: Vec<(Timestamp, Timestamp)> = doc
        .time_off
        .iter()
        .filter_map(|t| {
            let from = t.from.parse::<Timestamp>().ok()?;
            let to = t.to.parse::<Timestamp>().ok()?;
            Some((from, to))
        })
        .collect();
    let state = |date: Date| -> &'static str {
        let day_start = zones::start_of_day(&zone, date);
        let day_end = date
            .tomorrow()
            .map(|d| zones::start_of_day(&zone, d))
            .unwrap_or(day_start);
        let text = date.to_string();
        if time_off.iter().any(|(f, t)| *f < day_end && day_start < *t) {
            "time-off"
        } else if let Some(o) = doc.overrides.iter().find(|o| o.date == text) {
            if o.intervals.is_empty() {
                "closed"
            } else {
                "special"
            }
        } else {
            let key = WEEKDAYS[date.weekday().to_monday_zero_offset() as usize];
            if doc.weekly.iter().any(|w| w.weekday == key) {
                "open"
            } else {
                "none"
            }
        }
    };
    let mut out = Vec::with_capacity(count);
    let mut first = today.first_of_month();
    for _ in 0..count {
        let weeks = month_grid::weeks(first, |date| Day {
            number: date.day(),
            date: date.to_string(),
            state: state(date),
            past: date < today,
        });
        out.push(Month {
            title: locale.month(first),
            weeks,
        });
        first = month_grid::next_month(first);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::scheduling::document::{IntervalDoc, OverrideDoc, TimeOffDoc, WeeklyDoc};

    #[test]
    fn each_date_says_what_applies_to_it() {
        let doc = RulesDocument {
            time_zone: "Asia/Tokyo".into(),
            weekly: vec![WeeklyDoc {
                weekday: "mon".into(),
                start: "09:00".into(),
                end: "12:00".into(),
            }],
            overrides: vec![
                OverrideDoc {
                    date: "2026-12-24".into(),
                    intervals: vec![],
                },
                OverrideDoc {
                    date: "2026-12-26".into(),
                    intervals: vec![IntervalDoc {
                        start: "10:00".into(),
                        end: "11:00".into(),
                    }],
                },
            ],
            // 30 Dec 23:00 UTC is already 31 Dec in Tokyo.
            time_off: vec![TimeOffDoc {
                from: "2026-12-30T23:00:00Z".into(),
                to: "2026-12-31T01:00:00Z".into(),
            }],
            buffer_before_minutes: 0,
            buffer_after_minutes: 0,
            min_notice_minutes: 0,
            horizon_days: 60,
            align_to_blocks: false,
            durations: None,
            slot_step_minutes: 30,
            daily_cap: None,
            cancellation_policy: "moderate".into(),
        };
        let today: Date = "2026-12-10".parse().unwrap();
        let months = months(&doc, today, 2, i18n::Locale::En);
        assert_eq!(months[0].title, "December 2026");
        assert_eq!(months[1].title, "January 2027");
        let december: Vec<&Day> = months[0].weeks.iter().flatten().flatten().collect();
        assert_eq!(december.len(), 31);
        // 1 December 2026 is a Tuesday: one empty cell before it.
        assert!(months[0].weeks[0][0].is_none());
        let on = |d: &str| december.iter().find(|x| x.date == d).map(|x| x.state);
        assert_eq!(on("2026-12-14"), Some("open"));
        assert_eq!(on("2026-12-15"), Some("none"));
        assert_eq!(on("2026-12-24"), Some("closed"));
        assert_eq!(on("2026-12-26"), Some("special"));
        assert_eq!(on("2026-12-30"), Some("none"));
        assert_eq!(on("2026-12-31"), Some("time-off"));
        assert!(december[0].past && !december[9].past);
        assert!(months[0].weeks.iter().all(|w| w.len() == 7));
    }
}
