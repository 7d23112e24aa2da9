//! The slot picker on an expert's profile: one week of free slots in the viewer's zone
//! (theirs by default, switchable), a column per local day, every slot a button whose
//! label reads the full date, time, zone and length; and a note when the week holds a
//! clock change in the viewer's zone or the expert's.

use app::scheduling::SchedulingError;
use app::scheduling::slots::{self, SlotList, SlotParams};
use domain::schedule::zones;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use store::users::User;
use uuid::Uuid;

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

pub struct DayColumn {
    pub heading: String,
    pub slots: Vec<SlotButton>,
}

pub struct WeekView {
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
        self.days.iter().any(|d| !d.slots.is_empty())
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
    let (zone, zone_name, zone_error) = match slots::viewer_zone(asked, viewer) {
        Ok((tz, name)) => (tz, name, None),
        Err(_) => {
            let (tz, name) = slots::viewer_zone(None, viewer)?;
            (tz, name, asked.map(str::to_owned))
        }
    };
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
    let from = zones::start_of_day(&zone, first);
    let to = zones::start_of_day(&zone, after);
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
            slots: Vec::new(),
        });
        date = date.tomorrow().unwrap_or(after);
    }
    let minutes = list.duration_minutes.unwrap_or(0).to_string();
    for slot in &list.slots {
        let local = zones::local(zone, slot.start_at());
        let index = first
            .until(local.date())
            .map(|s| s.get_days())
            .unwrap_or(-1);
        let Some(column) = usize::try_from(index).ok().and_then(|i| days.get_mut(i)) else {
            continue;
        };
        let time = shell.locale.time(local.time());
        column.slots.push(SlotButton {
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
        });
    }
    let mut clock_notes = clock_notes_for(shell, zone, &zone_name, list.from, list.to);
    let expert_zone = list.expert_zone.as_ref();
    let expert_zone_name = expert_zone.map(zones::canonical_name);
    if let (Some(tz), Some(name)) = (expert_zone, &expert_zone_name)
        && *name != zone_name
    {
        clock_notes.extend(clock_notes_for(shell, tz, name, list.from, list.to));
    }
    let last = after.yesterday().unwrap_or(after);
    WeekView {
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
