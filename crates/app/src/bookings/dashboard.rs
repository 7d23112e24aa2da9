//! "My sessions" (a learner's) and "My schedule" (an expert's) as their owner opens them,
//! again and again: from memory, kept with the signed-in viewer (`ViewerCache::own`) and
//! dropped on every instance at each write to one of their bookings (the store announces
//! both people of each) or to their calendar feed.
//!
//! What is kept is the person's whole list on that side, not a tab: which tab a session
//! sits in moves with time alone (a session ends, a hold lapses) and with the test clock,
//! so each visit works its tab out of the list and its own now, the way `lists::page`
//! picks from what SQL returns. Someone with more than `KEPT_BOOKINGS` on a side is read
//! per visit.

use std::collections::HashMap;

use jiff::Timestamp;
use store::Database;
use store::bookings::{BookingRow, Side};
use store::users::User;
use uuid::Uuid;

use super::lists::{self, Tab};
use super::{Booking, BookingError, feed};
use crate::viewers::{Slot, ViewerCache};

/// The most bookings of one side kept per person.
pub const KEPT_BOOKINGS: u64 = 300;

/// A person's whole list as a learner, by start; None for someone with more than
/// `KEPT_BOOKINGS` (read per visit).
pub static AS_LEARNER: Slot<Option<Vec<Booking>>> = Slot::new("bookings_as_learner");
/// The same as an expert.
pub static AS_EXPERT: Slot<Option<Vec<Booking>>> = Slot::new("bookings_as_expert");
/// Whether the person's calendar feed is on.
static FEED_ON: Slot<bool> = Slot::new("calendar_feed");

/// One tab of a dashboard, and what it shows around the list.
pub struct Dashboard {
    /// The tab's sessions, in its order.
    pub bookings: Vec<Booking>,
    /// The display name of the other party of each (none for an account that is gone).
    pub names: HashMap<Uuid, String>,
    /// Whether the person's calendar feed is on.
    pub feed_on: bool,
}

/// `tab` of `user`'s sessions on `side` at `now`, `limit` at most.
pub async fn dashboard(
    db: &Database,
    viewers: &ViewerCache,
    user: &User,
    side: Side,
    tab: Tab,
    now: Timestamp,
    limit: u64,
) -> Result<Dashboard, BookingError> {
    let slot = match side {
        Side::Learner => &AS_LEARNER,
        Side::Expert => &AS_EXPERT,
    };
    let whole = viewers
        .own(user.id, slot, || async {
            let Some(rows) = store::bookings::whole_list(db, user.id, side, KEPT_BOOKINGS).await?
            else {
                return Ok::<_, BookingError>((None, 0));
            };
            let weight = rows.iter().map(weight).sum();
            let all = rows
                .into_iter()
                .map(Booking::from_row)
                .collect::<Result<Vec<_>, _>>()?;
            Ok((Some(all), weight))
        })
        .await?;
    let bookings = match (*whole).as_deref() {
        Some(all) => pick(all, tab, now, limit),
        None => lists::sessions(db, user.id, side, tab, now, limit).await?,
    };
    let names = viewers
        .names(db, &lists::other_parties(&bookings, side))
        .await?;
    let feed_on = *viewers
        .own(user.id, &FEED_ON, || async {
            Ok::<_, BookingError>((feed::is_on(db, user).await?, 1))
        })
        .await?;
    Ok(Dashboard {
        bookings,
        names,
        feed_on,
    })
}

/// `tab` out of a person's whole list (by start, then id), as `lists::page` picks it out
/// of what SQL returns: the tab's statuses and span, in its order, `limit` at most, then
/// what still belongs to it now.
fn pick(all: &[Booking], tab: Tab, now: Timestamp, limit: u64) -> Vec<Booking> {
    let (statuses, from, to, ascending) = lists::span(tab, now);
    let read = |b: &&Booking| {
        statuses.contains(&b.status) && b.row.start_at >= from && b.row.start_at < to
    };
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    let span: Vec<&Booking> = if ascending {
        all.iter().filter(read).take(limit).collect()
    } else {
        all.iter().rev().filter(read).take(limit).collect()
    };
    span.into_iter()
        .filter(|b| lists::still_in(b, tab, now))
        .cloned()
        .collect()
}

/// About what one kept booking weighs in bytes: twice its size for its policy's tiers, the
/// list's spare room and the allocator's, and its text.
fn weight(row: &BookingRow) -> usize {
    2 * std::mem::size_of::<Booking>()
        + row.status.len()
        + row.currency.len()
        + row.policy.len()
        + row.note.as_ref().map_or(0, String::len)
        + row.payment_provider.len()
        + row.payment_ref.as_ref().map_or(0, String::len)
}
