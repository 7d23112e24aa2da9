//! Sessions of one user, for the dashboards "My sessions" and "My schedule".

use std::collections::HashMap;

use domain::booking::BookingStatus;
use jiff::{SignedDuration, Timestamp};
use store::Database;
use store::bookings::Side;
use uuid::Uuid;

use super::{Booking, BookingError};

/// The dashboard tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// Held and confirmed sessions that have not ended, soonest first.
    Upcoming,
    /// Sessions that have ended, whatever their outcome, latest first.
    Past,
    /// Cancelled sessions and holds that ran out, latest first.
    Cancelled,
}

impl Tab {
    /// The tab named in the URL (`upcoming`, `past`, `cancelled`).
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "upcoming" => Some(Self::Upcoming),
            "past" => Some(Self::Past),
            "cancelled" => Some(Self::Cancelled),
            _ => None,
        }
    }

    /// The tab's name in URLs and the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Upcoming => "upcoming",
            Self::Past => "past",
            Self::Cancelled => "cancelled",
        }
    }
}

/// The people on the other side of `bookings` (the expert for a learner, the learner for
/// an expert), each once: whose names a list shows.
pub fn other_parties(bookings: &[Booking], side: Side) -> Vec<Uuid> {
    let mut ids: Vec<Uuid> = bookings.iter().map(|b| other_party(b, side)).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The display names of `ids`, in one query; an account that is gone has none.
pub async fn names(db: &Database, ids: &[Uuid]) -> Result<HashMap<Uuid, String>, BookingError> {
    Ok(store::users::display_names(db, ids).await?)
}

/// Who `booking` is with, seen from `side`.
pub fn other_party(booking: &Booking, side: Side) -> Uuid {
    match side {
        Side::Learner => booking.row.expert_id,
        Side::Expert => booking.row.learner_id,
    }
}

/// One page of a user's bookings, and where the next one starts (None on the last).
pub struct Page {
    /// The page's bookings, in the tab's order.
    pub bookings: Vec<Booking>,
    /// Where the next page starts; None on the last page.
    pub next: Option<Cursor>,
}

/// Where a page of bookings continues: after the booking that starts at `start` with
/// `id` (in the tab's order). Opaque to clients: `{start}_{id}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    start: Timestamp,
    id: Uuid,
}

impl Cursor {
    /// The cursor as clients pass it back (`cursor=`).
    pub fn encode(&self) -> String {
        format!("{}_{}", self.start.as_second(), self.id.simple())
    }

    /// A cursor this API handed out; `Invalid` (field `cursor`) for anything else.
    pub fn decode(text: &str) -> Result<Self, BookingError> {
        let invalid = || {
            BookingError::Invalid(vec![crate::FieldError {
                field: "cursor",
                message_id: "field-cursor-invalid",
            }])
        };
        let (start, id) = text.split_once('_').ok_or_else(invalid)?;
        Ok(Self {
            start: start
                .parse::<i64>()
                .ok()
                .and_then(|s| Timestamp::from_second(s).ok())
                .ok_or_else(invalid)?,
            id: Uuid::try_parse(id).map_err(|_| invalid())?,
        })
    }
}

/// The most bookings one page holds.
pub const MAX_PAGE: u64 = 200;

/// Upcoming: held and confirmed ones not yet ended, soonest first. Past: ended and
/// settled ones, latest first. Cancelled: cancelled and lapsed holds, latest first.
pub async fn sessions(
    db: &Database,
    user: Uuid,
    side: Side,
    tab: Tab,
    now: Timestamp,
    limit: u64,
) -> Result<Vec<Booking>, BookingError> {
    Ok(page(db, user, side, tab, now, limit, None).await?.bookings)
}

/// A page of `sessions`, `limit` long at most (a page may hold fewer when some bookings
/// of the span have moved to another tab; follow `next` until it is None), after `after`.
pub async fn page(
    db: &Database,
    user: Uuid,
    side: Side,
    tab: Tab,
    now: Timestamp,
    limit: u64,
    after: Option<Cursor>,
) -> Result<Page, BookingError> {
    let (statuses, from, to, ascending) = span(tab, now);
    let query = store::bookings::ListQuery {
        side,
        statuses,
        from,
        to,
        ascending,
        limit: limit + 1,
        after: after.map(|c| (c.start, c.id)),
    };
    let mut rows = store::bookings::for_user(db, user, query).await?;
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    let next = if rows.len() > limit {
        rows.truncate(limit);
        rows.last().map(|r| Cursor {
            start: r.start_at,
            id: r.id,
        })
    } else {
        None
    };
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let b = Booking::from_row(row)?;
        if still_in(&b, tab, now) {
            out.push(b);
        }
    }
    Ok(Page {
        bookings: out,
        next,
    })
}

/// What a tab reads: its statuses, the span its sessions start in, and its order
/// (ascending: soonest first). The span's ends are whole seconds, as starts are stored and
/// as the database compares them, so a list picked in memory (`dashboard`) agrees with
/// SQL within the current second too.
pub(super) fn span(
    tab: Tab,
    now: Timestamp,
) -> (&'static [BookingStatus], Timestamp, Timestamp, bool) {
    use BookingStatus::*;
    let now = Timestamp::from_second(now.as_second()).unwrap_or(now);
    match tab {
        // From a day back: a session still running started before now.
        Tab::Upcoming => (
            &[Held, Confirmed],
            now - SignedDuration::from_hours(24),
            Timestamp::MAX,
            true,
        ),
        Tab::Past => (
            &[
                Confirmed,
                Completed,
                NoShowLearner,
                NoShowExpert,
                Disputed,
                Resolved,
            ],
            Timestamp::MIN,
            now,
            false,
        ),
        Tab::Cancelled => (&[Cancelled, Expired], Timestamp::MIN, Timestamp::MAX, false),
    }
}

/// Whether a booking `span` read still belongs in `tab` now: lapsed holds go to
/// "cancelled", sessions that ended go to "past".
pub(super) fn still_in(b: &Booking, tab: Tab, now: Timestamp) -> bool {
    match tab {
        Tab::Upcoming => !b.hold_lapsed(now) && b.row.end_at > now,
        Tab::Past => b.row.end_at <= now,
        Tab::Cancelled => true,
    }
}
