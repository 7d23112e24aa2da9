//! The slot picker on an expert's profile: a month calendar marking the days with free
//! times, then one week of them in the viewer's zone (theirs by default, switchable by
//! name or city), a column per local day with its times grouped into morning, afternoon
//! and evening, every slot a button whose label reads the full date, time, zone and
//! length; and a note when the week holds a clock change in the viewer's zone or the
//! expert's.

use app::scheduling::SchedulingError;
use app::scheduling::slots::{self, SlotList, SlotParams};
use domain::schedule::zones;
use std::collections::BTreeSet;
use std::sync::Arc;

use jiff::civil::{Date, Time};
use jiff::tz::TimeZone;
use store::users::User;
use uuid::Uuid;

use super::month_grid;
use super::zone_picker::{self, ZoneOption};
use crate::AppState;
use crate::pages::shell::Shell;

/// What the profile URL may say about the picker.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct PickerParams {
    /// The zone to show times in (IANA name).
    #[serde(default)]
    pub tz: Option<String>,
    /// The first day shown, `YYYY-MM-DD` in that zone.
    #[serde(default)]
    pub week: Option<String>,
    /// Session length in minutes.
    #[serde(default)]
    pub duration: Option<String>,
}

pub struct SlotButton {
    pub time: String,
    pub label: String,
    /// The UTC start, RFC 3339: what a booking names.
    pub start: String,
}

/// Morning (before noon), afternoon (before 17:00) and evening, by the viewer's clock.
pub const PARTS_OF_DAY: [&str; 3] = ["morning", "afternoon", "evening"];

pub struct DayColumn {
    pub heading: String,
    /// The day's times by part of the day (`PARTS_OF_DAY`, empty parts left out).
    pub parts: Vec<(&'static str, Vec<SlotButton>)>,
}

impl DayColumn {
    fn add(&mut self, at: Time, slot: SlotButton) {
        let part = if at.hour() < 12 {
            PARTS_OF_DAY[0]
        } else if at.hour() < 17 {
            PARTS_OF_DAY[1]
        } else {
            PARTS_OF_DAY[2]
        };
        match self.parts.iter_mut().find(|(p, _)| *p == part) {
            Some((_, slots)) => slots.push(slot),
            None => self.parts.push((part, vec![slot])),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }
}

/// A date in the month calendar.
pub struct CalendarDay {
    pub number: i8,
    /// `YYYY-MM-DD`: the week shown from it when chosen.
    pub date: String,
    /// "Tue, Dec 8, 2026: free times", as a screen reader reads the link (empty on a day
    /// without).
    pub label: String,
    /// Has free times (and is a link).
    pub free: bool,
    /// One of the days the week below shows.
    pub shown: bool,
}

/// The month holding the week's first day.
pub struct MonthView {
    pub title: String,
    pub weeks: Vec<Vec<Option<CalendarDay>>>,
    /// The week to show for the month before (not before today) and after.
    pub previous: Option<String>,
    pub next: String,
}

pub struct WeekView {
    /// The first day shown, `YYYY-MM-DD` (kept when the zone or length changes).
    pub first: String,
    pub month: MonthView,
    /// The zone field's suggestions.
    pub zone_options: Arc<Vec<ZoneOption>>,
    pub zone: String,
    /// True when the zone came from nowhere better than UTC (the page may ask the browser).
    pub zone_guessed: bool,
    /// The zone as typed, when it was not one we know.
    pub zone_error: Option<String>,
    pub duration: Option<u16>,
    pub durations: Vec<u16>,
    pub days: Vec<DayColumn>,
    pub range: String,
    pub previous_week: Option<String>,
    pub next_week: String,
    pub clock_notes: Vec<String>,
    pub expert_zone_note: Option<String>,
    /// "Calendar not checked", while one of the expert's calendars cannot be read.
    pub calendar_note: Option<String>,
    /// The expert has not published hours yet.
    pub no_hours: bool,
}

impl WeekView {
    pub fn has_slots(&self) -> bool {
        self.days.iter().any(|d| !d.is_empty())
    }
}

/// A local date as the page's language writes a nearby day: "Tue, Dec 1".
pub fn day_name(shell: &Shell, date: Date) -> String {
    shell.locale.day(date)
}

/// Builds the week the viewer asked for (falling back to sensible defaults for anything
/// they got wrong, and saying so for the zone).
pub async fn week(
    state: &AppState,
    shell: &Shell,
    expert: Uuid,
    params: &PickerParams,
    viewer: Option<&User>,
) -> Result<WeekView, SchedulingError> {
    let asked = params
        .tz
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    // A zone by name or city; one nobody knows is an error beside the field, and the
    // times are shown in the viewer's own zone meanwhile.
    let known = asked.and_then(zone_picker::read);
    let (zone, zone_name) = slots::viewer_zone(known.as_deref(), viewer)?;
    let zone_error = asked.filter(|_| known.is_none()).map(str::to_owned);
    let now = state.clock().now();
    let today = zones::local(&zone, now).date();
    let first = params
        .week
        .as_deref()
        .and_then(|w| w.trim().parse::<Date>().ok())
        .filter(|d| *d >= today)
        .unwrap_or(today);
    let after = first
        .checked_add(jiff::Span::new().days(7))
        .unwrap_or(first);
    // One search covers the week and the month its first day is in: at most 37 days, from
    // the 1st of a 31-day month to the end of a week starting on its last day.
    let from = zones::start_of_day(&zone, first.first_of_month().max(today));
    let to = zones::start_of_day(&zone, month_grid::next_month(first).max(after));
    let query = |duration: Option<String>| SlotParams {
        from: Some(zones::rfc3339(from)),
        to: Some(zones::rfc3339(to)),
        duration,
        tz: Some(zone_name.clone()),
    };
    let list = match slots::find(
        &state.db,
        &state.schedules,
        expert,
        &query(params.duration.clone()),
        viewer,
        now,
    )
    .await
    {
        // A length the expert does not offer (an old link): show their default instead.
        Err(SchedulingError::DurationNotOffered(_)) => {
            slots::find(
                &state.db,
                &state.schedules,
                expert,
                &query(None),
                viewer,
                now,
            )
            .await?
        }
        other => other?,
    };
    let frame = Frame {
        zone_options: zone_picker::options(now),
        zone_guessed: asked.is_none() && viewer.is_none(),
        zone,
        zone_name,
        zone_error,
        first,
        after,
        today,
    };
    Ok(view(shell, &list, frame))
}

/// Which week is shown, and in which zone.
struct Frame {
    zone_options: Arc<Vec<ZoneOption>>,
    zone: TimeZone,
    zone_name: String,
    /// The zone as typed, when it was not one we know.
    zone_error: Option<String>,
    zone_guessed: bool,
    /// The first day shown, and the day after the last.
    first: Date,
    after: Date,
    today: Date,
}

fn view(shell: &Shell, list: &SlotList, frame: Frame) -> WeekView {
    let Frame {
        zone_options,
        zone,
        zone_name,
        zone_error,
        zone_guessed,
        first,
        after,
        today,
    } = frame;
    let zone = &zone;
    let mut days: Vec<DayColumn> = Vec::with_capacity(7);
    let mut date = first;
    while date < after {
        days.push(DayColumn {
            heading: day_name(shell, date),
            parts: Vec::new(),
        });
        date = date.tomorrow().unwrap_or(after);
    }
    let minutes = list.duration_minutes.unwrap_or(0).to_string();
    let mut free_days = BTreeSet::new();
    for slot in &list.slots {
        let local = zones::local(zone, slot.start_at());
        free_days.insert(local.date());
        let index = first
            .until(local.date())
            .map(|s| s.get_days())
            .unwrap_or(-1);
        let Some(column) = usize::try_from(index).ok().and_then(|i| days.get_mut(i)) else {
            continue;
        };
        let time = shell.locale.time(local.time());
        column.add(
            local.time(),
            SlotButton {
                label: shell.t_args(
                    "slots-slot-label",
                    &[
                        ("date", day_name(shell, local.date())),
                        ("time", time.clone()),
                        ("zone", zone_name.clone()),
                        ("minutes", minutes.clone()),
                    ],
                ),
                time,
                start: zones::rfc3339(slot.start_at()),
            },
        );
    }
    // Clock changes in the week shown (the search also covered the rest of the month).
    let (from, to) = (
        zones::start_of_day(zone, first),
        zones::start_of_day(zone, after),
    );
    let mut clock_notes = clock_notes_for(shell, zone, &zone_name, from, to);
    let expert_zone = list.expert_zone.as_ref();
    let expert_zone_name = expert_zone.map(zones::canonical_name);
    if let (Some(tz), Some(name)) = (expert_zone, &expert_zone_name)
        && *name != zone_name
    {
        clock_notes.extend(clock_notes_for(shell, tz, name, from, to));
    }
    let last = after.yesterday().unwrap_or(after);
    WeekView {
        month: month(shell, &free_days, first, after, today),
        first: first.to_string(),
        zone_options,
        range: shell.t_args(
            "slots-week",
            &[
                ("from", shell.locale.day(first)),
                ("to", shell.locale.day(last)),
            ],
        ),
        previous_week: (first > today).then(|| {
            first
                .checked_sub(jiff::Span::new().days(7))
                .map(|d| d.max(today))
                .unwrap_or(today)
                .to_string()
        }),
        next_week: after.to_string(),
        no_hours: list.durations.is_empty(),
        calendar_note: (!list.calendar_checked).then(|| shell.t("slots-calendar-not-checked")),
        expert_zone_note: expert_zone_name
            .filter(|n| *n != zone_name)
            .map(|n| shell.t1("slots-expert-zone", "zone", &n)),
        zone: zone_name,
        zone_guessed,
        zone_error,
        duration: list.duration_minutes,
        durations: list.durations.clone(),
        days,
        clock_notes,
    }
}

/// The month holding `first`, its days with free times marked (and linked), the week
/// from `first` to `after` shown.
fn month(
    shell: &Shell,
    free_days: &BTreeSet<Date>,
    first: Date,
    after: Date,
    today: Date,
) -> MonthView {
    let weeks = month_grid::weeks(first, |date| {
        let free = date >= today && free_days.contains(&date);
        let shown = first <= date && date < after;
        // The link says what the highlight shows: that its times are the ones below.
        let label = match (free, shown) {
            (false, _) => "",
            (true, false) => "slots-day-free",
            (true, true) => "slots-day-free-shown",
        };
        CalendarDay {
            number: date.day(),
            date: date.to_string(),
            label: if free {
                shell.t1(label, "date", &shell.locale.weekday_date(date))
            } else {
                String::new()
            },
            free,
            shown,
        }
    });
    let month_first = first.first_of_month();
    MonthView {
        title: shell.locale.month(first),
        weeks,
        previous: (month_first > today).then(|| {
            month_first
                .checked_sub(jiff::Span::new().months(1))
                .map(|d| d.max(today))
                .unwrap_or(today)
                .to_string()
        }),
        next: month_grid::next_month(first).to_string(),
    }
}

fn clock_notes_for(
    shell: &Shell,
    tz: &TimeZone,
    name: &str,
    from: jiff::Timestamp,
    to: jiff::Timestamp,
) -> Vec<String> {
    zones::clock_changes(tz, from, to)
        .into_iter()
        .map(|change| {
            shell.t_args(
                "slots-clock-change",
                &[
                    ("zone", name.to_owned()),
                    ("date", day_name(shell, zones::local(tz, change.at).date())),
                    ("before", zones::offset_label(change.before)),
                    ("after", zones::offset_label(change.after)),
                ],
            )
        })
        .collect()
}
