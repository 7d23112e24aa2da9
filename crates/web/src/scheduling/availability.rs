//! The availability editor (`/experts/availability`): weekly hours per day, dated
//! overrides, time off and the booking settings, all in the expert's own zone; inline
//! errors that keep what was typed; and a preview of the next 14 days exactly as learners
//! will see them (the same engine and the same cache the slot endpoint uses).

use app::scheduling::SchedulingError;
use app::scheduling::document::{IntervalDoc, OverrideDoc, RulesDocument, TimeOffDoc, WeeklyDoc};
use app::scheduling::rules::{self, OwnRules};
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::schedule::{WEEKDAYS, zones};
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use serde::Deserialize;
use store::users::User;

use super::override_calendar::{self, Day, Month};
use super::weekly_hours::{self, DayRows, Edit};
use crate::middleware::viewer::SignedIn;
use crate::pages::render;
use crate::pages::shell::Shell;
use crate::pages::shown_error::{ShownError, shown};
use crate::{AppError, AppState};

/// Empty rows offered for adding overrides and time off (saving adds the next, so the page
/// stays short and works without JavaScript; weekly hours have an "add" button instead).
const SPARE_ROWS: usize = 2;
/// Days the preview shows.
const PREVIEW_DAYS: jiff::SignedDuration = jiff::SignedDuration::from_hours(14 * 24);

/// The form's values as typed (or as saved), every one text.
#[derive(Debug, Clone, Default)]
pub struct EditorForm {
    pub time_zone: String,
    pub weekly: Vec<DayRows>,
    /// (date, hours such as "09:00-12:00, 14:00-17:00").
    pub overrides: Vec<(String, String)>,
    /// (from, to) as `datetime-local` values in the form's zone.
    pub time_off: Vec<(String, String)>,
    pub buffer_before: String,
    pub buffer_after: String,
    pub notice: String,
    pub horizon: String,
    /// The "follow off-grid ends" switch.
    pub align_to_blocks: bool,
    pub step: String,
    pub cap: String,
    pub policy: String,
    pub durations: Vec<String>,
    /// A button that changes the rows instead of saving (`edit=add.mon`); `Some(None)`
    /// when one was pressed but its value is not one the page sends: nothing is saved then.
    pub edit: Option<Option<Edit>>,
    /// (day, day) pairs: a day ticked under another's "copy" button.
    pub copy_to: Vec<(usize, usize)>,
}

impl EditorForm {
    fn of(doc: &RulesDocument) -> Self {
        let zone = zones::named(&doc.time_zone).unwrap_or(TimeZone::UTC);
        let local = |rfc: &str| {
            rfc.parse::<jiff::Timestamp>()
                .map(|t| zone.to_datetime(t).strftime("%Y-%m-%dT%H:%M").to_string())
                .unwrap_or_else(|_| rfc.to_owned())
        };
        Self {
            time_zone: doc.time_zone.clone(),
            weekly: WEEKDAYS
                .iter()
                .map(|day| {
                    let rows = doc
                        .weekly
                        .iter()
                        .filter(|w| w.weekday == *day)
                        .map(|w| (w.start.clone(), w.end.clone()))
                        .collect();
                    DayRows::saved(day, rows)
                })
                .collect(),
            overrides: doc
                .overrides
                .iter()
                .map(|o| {
                    let hours = o
                        .intervals
                        .iter()
                        .map(|i| format!("{}-{}", i.start, i.end))
                        .collect::<Vec<_>>()
                        .join(", ");
                    (o.date.clone(), hours)
                })
                .collect(),
            time_off: doc
                .time_off
                .iter()
                .map(|t| (local(&t.from), local(&t.to)))
                .collect(),
            buffer_before: doc.buffer_before_minutes.to_string(),
            buffer_after: doc.buffer_after_minutes.to_string(),
            notice: doc.min_notice_minutes.to_string(),
            horizon: doc.horizon_days.to_string(),
            align_to_blocks: doc.align_to_blocks,
            step: doc.slot_step_minutes.to_string(),
            cap: doc.daily_cap.map(|c| c.to_string()).unwrap_or_default(),
            policy: doc.cancellation_policy.clone(),
            durations: doc
                .durations
                .iter()
                .flatten()
                .map(|d| d.to_string())
                .collect(),
            edit: None,
            copy_to: Vec::new(),
        }
        .padded()
    }

    /// Puts a date picked on the calendar into the first empty override row (unless the
    /// date has a row already).
    fn picking(mut self, picked: Option<Date>) -> Self {
        let Some(date) = picked.map(|d| d.to_string()) else {
            return self;
        };
        if !self.overrides.iter().any(|(d, _)| *d == date)
            && let Some(row) = self
                .overrides
                .iter_mut()
                .find(|(d, h)| d.is_empty() && h.is_empty())
        {
            row.0 = date;
        }
        self
    }

    /// Reads a submitted form; rows repeat their field names, in order.
    fn parse(body: &[u8]) -> Self {
        let mut form = Self {
            weekly: WEEKDAYS
                .iter()
                .map(|day| DayRows {
                    key: day,
                    open: true,
                    rows: Vec::new(),
                })
                .collect(),
            ..Self::default()
        };
        // A page with day switches sends the open days; an older one (or a script) only
        // rows, and then every day with rows is open.
        let (mut switched, mut open) = (false, [false; 7]);
        let day_index = |day: &str| WEEKDAYS.iter().position(|d| *d == day);
        let mut starts: Vec<Vec<String>> = vec![Vec::new(); 7];
        let mut ends: Vec<Vec<String>> = vec![Vec::new(); 7];
        let (mut dates, mut hours, mut offs_from, mut offs_to) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (key, value) in form_urlencoded::parse(body) {
            let value = value.trim().to_owned();
            match key.as_ref() {
                "time_zone" => form.time_zone = value,
                "override_date" => dates.push(value),
                "override_hours" => hours.push(value),
                "off_from" => offs_from.push(value),
                "off_to" => offs_to.push(value),
                "buffer_before_minutes" => form.buffer_before = value,
                "buffer_after_minutes" => form.buffer_after = value,
                "min_notice_minutes" => form.notice = value,
                "horizon_days" => form.horizon = value,
                "align_to_blocks" => form.align_to_blocks = value == "true",
                "slot_step_minutes" => form.step = value,
                "daily_cap" => form.cap = value,
                "cancellation_policy" => form.policy = value,
                "durations" => form.durations.push(value),
                "days_switched" => switched = true,
                "open" => {
                    if let Some(i) = day_index(&value) {
                        open[i] = true;
                    }
                }
                "edit" => form.edit = Some(Edit::parse(&value)),
                other => {
                    if let Some(from) = other.strip_prefix("copy.").and_then(day_index) {
                        if let Some(to) = day_index(&value) {
                            form.copy_to.push((from, to));
                        }
                        continue;
                    }
                    let Some((day, part)) = other.split_once('_') else {
                        continue;
                    };
                    let Some(i) = day_index(day) else {
                        continue;
                    };
                    match part {
                        "start" => starts[i].push(value),
                        "end" => ends[i].push(value),
                        _ => {}
                    }
                }
            }
        }
        for (i, day) in form.weekly.iter_mut().enumerate() {
            day.rows = pairs(&starts[i], &ends[i]);
            day.open = !switched || open[i];
        }
        form.overrides = pairs(&dates, &hours);
        form.time_off = pairs(&offs_from, &offs_to);
        form
    }

    /// Days without hours closed (see `DayRows::tidied`), and `SPARE_ROWS` empty rows to
    /// add overrides and time off.
    fn padded(mut self) -> Self {
        for day in &mut self.weekly {
            *day = std::mem::take(day).tidied();
        }
        self.overrides
            .retain(|(d, h)| !d.is_empty() || !h.is_empty());
        self.overrides.extend(std::iter::repeat_n(
            (String::new(), String::new()),
            SPARE_ROWS,
        ));
        self.time_off
            .retain(|(f, t)| !f.is_empty() || !t.is_empty());
        self.time_off.extend(std::iter::repeat_n(
            (String::new(), String::new()),
            SPARE_ROWS,
        ));
        self
    }

    /// The rules document this form says. Text that cannot be read is passed on as it is,
    /// so the rules' own checks name the field.
    fn document(&self) -> RulesDocument {
        let zone = zones::named(&self.time_zone).unwrap_or(TimeZone::UTC);
        let instant = |local: &str| {
            local
                .parse::<DateTime>()
                .ok()
                .and_then(|dt| zone.to_ambiguous_timestamp(dt).compatible().ok())
                .map(|t| t.to_string())
                .unwrap_or_else(|| local.to_owned())
        };
        let number = |text: &str| text.parse::<i64>().unwrap_or(-1);
        RulesDocument {
            time_zone: self.time_zone.clone(),
            weekly: self
                .weekly
                .iter()
                .flat_map(|day| {
                    day.to_save().into_iter().map(|(start, end)| WeeklyDoc {
                        weekday: day.key.to_owned(),
                        start,
                        end,
                    })
                })
                .collect(),
            overrides: self
                .overrides
                .iter()
                .filter(|(date, _)| !date.is_empty())
                .map(|(date, hours)| OverrideDoc {
                    date: date.clone(),
                    intervals: hours
                        .split(',')
                        .map(str::trim)
                        .filter(|h| !h.is_empty())
                        .map(|h| {
                            let (start, end) = h.split_once(['-', '–']).unwrap_or((h, ""));
                            IntervalDoc {
                                start: start.trim().to_owned(),
                                end: end.trim().to_owned(),
                            }
                        })
                        .collect(),
                })
                .collect(),
            time_off: self
                .time_off
                .iter()
                .filter(|(f, t)| !f.is_empty() || !t.is_empty())
                .map(|(f, t)| TimeOffDoc {
                    from: instant(f),
                    to: instant(t),
                })
                .collect(),
            buffer_before_minutes: number(&self.buffer_before),
            buffer_after_minutes: number(&self.buffer_after),
            min_notice_minutes: number(&self.notice),
            horizon_days: number(&self.horizon),
            align_to_blocks: self.align_to_blocks,
            durations: Some(self.durations.iter().map(|d| number(d)).collect()),
            slot_step_minutes: number(&self.step),
            daily_cap: (!self.cap.is_empty()).then(|| number(&self.cap)),
            // A form without the field (an older page) keeps the default policy.
            cancellation_policy: if self.policy.is_empty() {
                domain::booking::PolicyPreset::default().as_str().to_owned()
            } else {
                self.policy.clone()
            },
        }
    }
}

/// Pairs two repeated fields row by row (a missing partner is empty).
fn pairs(a: &[String], b: &[String]) -> Vec<(String, String)> {
    (0..a.len().max(b.len()))
        .map(|i| {
            (
                a.get(i).cloned().unwrap_or_default(),
                b.get(i).cloned().unwrap_or_default(),
            )
        })
        .collect()
}

/// One day of the preview.
pub struct PreviewDay {
    /// The day as the page's language writes a nearby day ("Tue, Dec 1").
    pub label: String,
    date: Date,
    pub times: Vec<String>,
}

pub struct Preview {
    pub minutes: u16,
    pub zone: String,
    pub days: Vec<PreviewDay>,
    pub listed: bool,
}

#[derive(Template)]
#[template(path = "scheduling/availability.html")]
struct EditorPage<'a> {
    shell: &'a Shell,
    form: Option<EditorForm>,
    priced: Vec<i32>,
    errors: Vec<ShownError>,
    saved: bool,
    preview: Option<Preview>,
    calendar: Vec<Month>,
    /// Where the expert meets, and the providers this site offers (`builtin`, `jitsi`).
    video: Option<(&'static str, Vec<&'static str>)>,
    video_saved: bool,
    /// The rows were changed by a button and are not saved yet.
    edited: bool,
    /// The id of the field or button that gets the focus back after a change.
    focus: Option<String>,
}

impl EditorPage<'_> {
    fn day_state(&self, state: &str) -> String {
        self.shell.t(&format!("availability-day-{state}"))
    }

    fn day_link_label(&self, day: &Day) -> String {
        self.shell.t_args(
            "availability-day-link",
            &[
                (
                    "date",
                    day.date
                        .parse::<Date>()
                        .map_or_else(|_| day.date.clone(), |d| self.shell.locale.weekday_date(d)),
                ),
                ("state", self.day_state(day.state)),
            ],
        )
    }

    fn short_day(&self, day: &str) -> String {
        self.shell.t(&format!("weekday-short-{day}"))
    }

    fn error_for(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }

    fn day_error(&self, day: &str) -> Option<&str> {
        self.error_for(&format!("weekly.{day}"))
    }

    /// Whether a row's pickers are marked invalid: the interval the rules refuse (and the
    /// one it overlaps), or every row of a day whose problem names none.
    fn row_invalid(&self, day: &DayRows, row: &usize) -> bool {
        self.day_error(day.key).is_some()
            && day
                .wrong()
                .is_none_or(|w| w.row == *row || w.overlaps == Some(*row))
    }

    fn focused(&self, id: &str) -> bool {
        self.focus.as_deref() == Some(id)
    }

    /// The other days, for a day's "copy to" list.
    fn others(&self, day: &str) -> Vec<&'static str> {
        WEEKDAYS.iter().copied().filter(|d| *d != day).collect()
    }

    fn day_name(&self, day: &str) -> String {
        self.shell.t(&format!("weekday-{day}"))
    }

    fn row_label(&self, day: &str, n: &usize) -> String {
        self.shell.t_args(
            "availability-row",
            &[("day", self.day_name(day)), ("n", (n + 1).to_string())],
        )
    }

    fn minutes_text(&self, minutes: &i32) -> String {
        self.shell
            .t1("availability-minutes", "minutes", &minutes.to_string())
    }

    fn offered(&self, form: &EditorForm, minutes: &i32) -> bool {
        form.durations.iter().any(|d| *d == minutes.to_string())
    }

    fn invalid(&self, field: &str) -> bool {
        self.error_for(field).is_some()
    }

    /// The number fields: (name, label message, value).
    fn settings(&self, form: &EditorForm) -> Vec<(&'static str, &'static str, String)> {
        vec![
            (
                "buffer_before_minutes",
                "availability-buffer-before",
                form.buffer_before.clone(),
            ),
            (
                "buffer_after_minutes",
                "availability-buffer-after",
                form.buffer_after.clone(),
            ),
            (
                "min_notice_minutes",
                "availability-notice",
                form.notice.clone(),
            ),
            ("horizon_days", "availability-horizon", form.horizon.clone()),
            ("slot_step_minutes", "availability-step", form.step.clone()),
            ("daily_cap", "availability-cap", form.cap.clone()),
        ]
    }

    fn policies(&self) -> Vec<&'static str> {
        domain::booking::PolicyPreset::ALL
            .iter()
            .map(|p| p.as_str())
            .collect()
    }

    fn policy_label(&self, preset: &str) -> &'static str {
        match preset {
            "flexible" => "policy-flexible",
            "strict" => "policy-strict",
            _ => "policy-moderate",
        }
    }

    fn preview_hint(&self, p: &Preview) -> String {
        self.shell.t_args(
            "availability-preview-hint",
            &[("minutes", p.minutes.to_string()), ("zone", p.zone.clone())],
        )
    }
}

#[derive(Deserialize)]
pub struct EditorParams {
    #[serde(default)]
    saved: Option<String>,
    /// A date picked on the calendar: it fills the first empty override row.
    #[serde(default, rename = "override")]
    override_date: Option<String>,
}

/// Months the calendar shows.
const CALENDAR_MONTHS: usize = 2;

/// The next days of free slots in the expert's zone, grouped by local date.
async fn preview(
    state: &AppState,
    shell: &Shell,
    user: &User,
) -> Result<Option<Preview>, SchedulingError> {
    let Some(schedule) = state.schedules.schedule(&state.db, user.id).await? else {
        return Ok(None);
    };
    let (Some(rules), Some(minutes)) = (&schedule.rules, schedule.durations().first().copied())
    else {
        return Ok(None);
    };
    let now = state.clock().now();
    let mut days: Vec<PreviewDay> = Vec::new();
    for slot in schedule.slots(now, now + PREVIEW_DAYS, now, minutes) {
        let local = zones::local(&rules.time_zone, slot.start_at());
        let date = local.date();
        let time = shell.locale.time(local.time());
        match days.last_mut() {
            Some(day) if day.date == date => day.times.push(time),
            _ => days.push(PreviewDay {
                label: shell.locale.day(date),
                date,
                times: vec![time],
            }),
        }
    }
    Ok(Some(Preview {
        minutes,
        zone: rules.zone_name.clone(),
        days,
        listed: schedule.bookable,
    }))
}

/// What the editor shows besides the saved rules.
#[derive(Default)]
struct Showing<'a> {
    /// The form as typed (after a refused save or a change by a button).
    form: Option<EditorForm>,
    errors: Vec<ShownError>,
    /// `1` after saving the rules, `video` after saving the video choice.
    saved: &'a str,
    /// A date picked on the calendar.
    picked: Option<Date>,
    /// The rows were changed by a button and are not saved yet.
    edited: bool,
    /// The id of the field or button that gets the focus back after a change.
    focus: Option<String>,
    /// htmx asked, and keeps only the weekly hours: the preview, calendars and video
    /// choice are not worked out for nothing.
    weekly_only: bool,
}

async fn page(
    state: &AppState,
    shell: &Shell,
    user: &User,
    showing: Showing<'_>,
) -> Result<Response, AppError> {
    let Showing {
        form,
        errors,
        saved,
        picked,
        edited,
        focus,
        weekly_only,
    } = showing;
    let (form, priced, calendar) = match rules::own(&state.db, user).await {
        Ok(OwnRules {
            document,
            priced_durations,
            ..
        }) => {
            let zone = zones::named(&document.time_zone).unwrap_or(TimeZone::UTC);
            let today = zones::local(&zone, state.clock().now()).date();
            let calendar = if weekly_only {
                Vec::new()
            } else {
                override_calendar::months(&document, today, CALENDAR_MONTHS, shell.locale)
            };
            let form = form.unwrap_or_else(|| EditorForm::of(&document).picking(picked));
            (Some(form), priced_durations, calendar)
        }
        Err(SchedulingError::NoExpertProfile) => (None, Vec::new(), Vec::new()),
        Err(e) => return Err(e.into()),
    };
    let preview = match form {
        Some(_) if !weekly_only => preview(state, shell, user).await?,
        _ => None,
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let video = match form {
        Some(_) if !weekly_only => {
            let current = app::rooms::provider_of(&state.db, user.id).await?;
            let offered = app::rooms::offered_providers(&state.settings.video)
                .into_iter()
                .map(|p| p.as_str())
                .collect();
            Some((current.as_str(), offered))
        }
        _ => None,
    };
    Ok(render(
        EditorPage {
            shell,
            form,
            priced,
            errors,
            saved: saved == "1",
            preview,
            calendar,
            video,
            video_saved: saved == "video",
            focus,
            edited,
        },
        status,
    ))
}

pub async fn show(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Query(q): Query<EditorParams>,
) -> Result<Response, AppError> {
    let saved = q.saved.as_deref().unwrap_or("");
    let picked = q.override_date.and_then(|d| d.trim().parse::<Date>().ok());
    page(
        &state,
        &shell,
        &viewer.user,
        Showing {
            saved,
            picked,
            ..Showing::default()
        },
    )
    .await
}

pub async fn save(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, AppError> {
    let mut form = EditorForm::parse(&body);
    if let Some(edit) = form.edit.take() {
        // A button that changes the rows: show them changed, save nothing yet.
        let focus = edit.and_then(|edit| edit.apply(&mut form.weekly, &form.copy_to));
        let form = form.padded();
        return page(
            &state,
            &shell,
            &viewer.user,
            Showing {
                form: Some(form),
                edited: true,
                focus,
                weekly_only: headers.contains_key("hx-request"),
                ..Showing::default()
            },
        )
        .await;
    }
    match rules::replace(&state.db, &state.schedules, &viewer.user, &form.document()).await {
        Ok(_) => Ok(crate::redirect::to("/experts/availability?saved=1")),
        Err(SchedulingError::Invalid(fields)) => {
            let mut errors = shown(&shell, &fields);
            // A day's problem names its interval, as the form shows it.
            for error in &mut errors {
                let day = error.field.strip_prefix("weekly.");
                if let Some(day) = form.weekly.iter().find(|d| Some(d.key) == day)
                    && let Some(wrong) = day.wrong()
                {
                    error.message = weekly_hours::explain(&shell, day, wrong);
                }
            }
            page(
                &state,
                &shell,
                &viewer.user,
                Showing {
                    form: Some(form.padded()),
                    errors,
                    ..Showing::default()
                },
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
