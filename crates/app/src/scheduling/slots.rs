//! Free slots as learners ask for them: a window (instants, or dates in their zone), a
//! session length and the zone to show times in.

use domain::clock::shifted;
use domain::schedule::{Interval, zones};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use store::Database;
use store::users::User;
use uuid::Uuid;

use super::{ScheduleCache, SchedulingError};
use crate::experts::directory::may_preview;

/// The widest window one request may ask for.
pub const MAX_WINDOW_DAYS: i64 = 62;
/// The window when none is given.
pub const DEFAULT_WINDOW_DAYS: i64 = 7;

/// The query as it arrives: every part optional text.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SlotParams {
    /// RFC 3339 instant, or a date (midnight in `tz`). Default: now.
    #[serde(default)]
    pub from: Option<String>,
    /// RFC 3339 instant, or a date (midnight in `tz`). Default: `from` + 7 days.
    #[serde(default)]
    pub to: Option<String>,
    /// Minutes; default the shortest offered.
    #[serde(default)]
    pub duration: Option<String>,
    /// IANA zone to show times in; default the viewer's, else UTC.
    #[serde(default)]
    pub tz: Option<String>,
}

/// Free slots, ready to show in `zone`.
#[derive(Debug, Clone)]
pub struct SlotList {
    /// The expert whose slots these are.
    pub expert_id: Uuid,
    /// The zone the slots are shown in: the one asked for, else the viewer's, else UTC.
    pub zone: TimeZone,
    /// That zone's canonical IANA name, shown beside every time.
    pub zone_name: String,
    /// The length asked for (None when the expert offers nothing yet).
    pub duration_minutes: Option<u16>,
    /// Every length learners can book.
    pub durations: Vec<u16>,
    /// Start of the window.
    pub from: Timestamp,
    /// End of the window (exclusive).
    pub to: Timestamp,
    /// The free slots, soonest first, as UTC instants.
    pub slots: Vec<Interval>,
    /// The expert's own zone (to say when theirs changes clocks too).
    pub expert_zone: Option<TimeZone>,
    /// False while one of the expert's calendars cannot be read and they chose to keep
    /// taking bookings: the slots may clash with something in that calendar.
    pub calendar_checked: bool,
}

/// An expert's id from an id or a profile slug.
pub async fn resolve(db: &Database, id_or_slug: &str) -> Result<Uuid, SchedulingError> {
    if let Ok(id) = Uuid::parse_str(id_or_slug) {
        return Ok(id);
    }
    store::experts::find_by_slug(db, id_or_slug)
        .await?
        .map(|p| p.user_id)
        .ok_or(SchedulingError::NotFound)
}

fn blank(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// The zone to show times in: asked for, else the viewer's, else UTC.
pub fn viewer_zone(
    asked: Option<&str>,
    viewer: Option<&User>,
) -> Result<(TimeZone, String), SchedulingError> {
    let name = asked
        .map(str::to_owned)
        .or_else(|| viewer.map(|v| v.time_zone.clone()))
        .unwrap_or_else(|| "UTC".to_owned());
    zones::named(&name)
        .map(|tz| {
            let canonical = zones::canonical_name(&tz);
            (tz, canonical)
        })
        .ok_or(SchedulingError::UnknownZone(name))
}

/// An instant, or a date meaning its midnight in `tz`.
fn moment(raw: &str, tz: &TimeZone) -> Option<Timestamp> {
    if let Ok(t) = raw.parse::<Timestamp>() {
        // Whole seconds, like every slot.
        return Some(domain::schedule::instant(t.as_second()));
    }
    raw.parse::<Date>().ok().map(|d| zones::start_of_day(tz, d))
}

fn days(n: i64) -> SignedDuration {
    SignedDuration::from_hours(n * 24)
}

/// The free slots of `expert` for `params`, as seen at `now`.
pub async fn find(
    db: &Database,
    cache: &ScheduleCache,
    expert: Uuid,
    params: &SlotParams,
    viewer: Option<&User>,
    now: Timestamp,
) -> Result<SlotList, SchedulingError> {
    let (zone, zone_name) = viewer_zone(blank(&params.tz), viewer)?;
    let now = domain::schedule::instant(now.as_second());
    let from = match blank(&params.from) {
        Some(raw) => moment(raw, &zone).ok_or(SchedulingError::BadWindow("from"))?,
        None => now,
    };
    let to = match blank(&params.to) {
        Some(raw) => moment(raw, &zone).ok_or(SchedulingError::BadWindow("to"))?,
        None => shifted(from, days(DEFAULT_WINDOW_DAYS)),
    };
    if to <= from {
        return Err(SchedulingError::BadWindow("order"));
    }
    if from.duration_until(to) > days(MAX_WINDOW_DAYS) {
        return Err(SchedulingError::WindowTooLarge {
            max_days: MAX_WINDOW_DAYS,
        });
    }
    let schedule = cache
        .schedule(db, expert)
        .await?
        .ok_or(SchedulingError::NotFound)?;
    if !schedule.bookable && !may_preview(viewer, expert) {
        return Err(SchedulingError::NotFound);
    }
    let durations = schedule.durations();
    let duration = match blank(&params.duration) {
        Some(raw) => Some(
            raw.parse::<u16>()
                .ok()
                .filter(|d| durations.contains(d))
                .ok_or_else(|| SchedulingError::DurationNotOffered(raw.to_owned()))?,
        ),
        None => durations.first().copied(),
    };
    let slots = duration
        .map(|d| schedule.slots(from, to, now, d))
        .unwrap_or_default();
    Ok(SlotList {
        expert_id: expert,
        zone,
        zone_name,
        duration_minutes: duration,
        durations,
        from,
        to,
        slots,
        expert_zone: schedule.rules.as_ref().map(|r| r.time_zone.clone()),
        calendar_checked: schedule.calendar != super::schedule::CalendarCheck::Unchecked,
    })
}
