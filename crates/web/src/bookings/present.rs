//! How bookings read on a page: times in the viewer's zone, the people's names, the
//! timeline.

use app::bookings::lists::{self};
use domain::schedule::zones;
use i18n::Locale;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use store::bookings::EventRow;
use store::users::User;
use uuid::Uuid;

use crate::pages::shell::Shell;
use crate::{AppError, AppState};

/// Times as the viewer reads them: their zone, named, written as their language writes
/// dates and times. (Formats; the time itself comes from `state.clock()`.)
pub struct LocalTimes {
    zone: TimeZone,
    locale: Locale,
    pub zone_name: String,
}

impl LocalTimes {
    pub fn of(user: &User, locale: Locale) -> Self {
        let zone = zones::named(&user.time_zone).unwrap_or(TimeZone::UTC);
        let zone_name = zones::canonical_name(&zone);
        Self {
            zone,
            locale,
            zone_name,
        }
    }

    /// "Mon, Dec 7, 2026, 10:00 AM".
    pub fn at(&self, at: Timestamp) -> String {
        self.locale.date_time(zones::local(&self.zone, at))
    }

    /// "Mon, Dec 7, 2026, 10:00 AM – 11:00 AM".
    pub fn span(&self, start: Timestamp, end: Timestamp) -> String {
        self.locale.span(
            zones::local(&self.zone, start),
            zones::local(&self.zone, end),
        )
    }
}

/// The display names of `ids`, in one query (empty for an account that is gone).
pub(super) async fn names(state: &AppState, ids: &[Uuid]) -> Result<Names, AppError> {
    Ok(Names(lists::names(&state.db, ids).await?))
}

pub(super) struct Names(std::collections::HashMap<Uuid, String>);

impl Names {
    pub(super) fn of(&self, id: Uuid) -> String {
        self.0.get(&id).cloned().unwrap_or_default()
    }
}

/// One line of the timeline, ready to show.
pub struct TimelineEntry {
    pub at: String,
    pub status: String,
    pub actor: String,
    pub reason: Option<String>,
}

pub(super) fn timeline(
    shell: &Shell,
    clock: &LocalTimes,
    events: &[EventRow],
) -> Vec<TimelineEntry> {
    events
        .iter()
        .map(|e| TimelineEntry {
            at: clock.at(e.at),
            status: e.to_status.clone(),
            actor: e.actor.clone(),
            // A reason the system wrote reads in the viewer's language; a person's, as typed.
            reason: e.reason.as_deref().map(|r| match r {
                app::bookings::changes::ACCEPTED_PROPOSAL => {
                    shell.t("booking-reason-accepted-proposal")
                }
                typed => typed.to_owned(),
            }),
        })
        .collect()
}
