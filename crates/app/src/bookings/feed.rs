//! Each user's private calendar feed: an address with a secret token that calendar
//! programs subscribe to. Only the token's digest is stored; a new address replaces the
//! old one, and revoking stops it.

use domain::booking::ics::{self, Method};
use domain::{Secret, SecretDigest};
use jiff::{SignedDuration, Timestamp};
use store::Database;
use store::users::User;

use super::{Booking, BookingError, notices};

/// Feeds show sessions from this long ago on.
const FEED_LOOKBACK: SignedDuration = SignedDuration::from_hours(90 * 24);

/// A new secret token for `user`'s feed (the previous one stops working).
pub async fn renew(db: &Database, user: &User, now: Timestamp) -> Result<String, BookingError> {
    let token = Secret::generate();
    store::calendar_feeds::set(db, user.id, token.digest().as_str(), now).await?;
    Ok(token.expose().to_owned())
}

/// Whether `user` has a calendar feed switched on.
pub async fn is_on(db: &Database, user: &User) -> Result<bool, BookingError> {
    Ok(store::calendar_feeds::created(db, user.id).await?.is_some())
}

/// Stops `user`'s feed; false when there was none.
pub async fn revoke(db: &Database, user: &User) -> Result<bool, BookingError> {
    Ok(store::calendar_feeds::revoke(db, user.id).await?)
}

/// The feed's calendar for `token`, or None when no feed has it.
pub async fn calendar(
    db: &Database,
    token: &str,
    base: &str,
    now: Timestamp,
) -> Result<Option<String>, BookingError> {
    let Some(owner) = store::calendar_feeds::owner(db, SecretDigest::of(token).as_str()).await?
    else {
        return Ok(None);
    };
    let rows = store::bookings::feed_for(db, owner, now - FEED_LOOKBACK).await?;
    let mut events = Vec::with_capacity(rows.len());
    for row in rows {
        let booking = Booking::from_row(row)?;
        let (Some(expert), Some(learner)) = (
            store::users::find_by_id(db, booking.row.expert_id).await?,
            store::users::find_by_id(db, booking.row.learner_id).await?,
        ) else {
            continue;
        };
        events.push(notices::event(&booking, &expert, &learner, base));
    }
    Ok(Some(ics::calendar(Method::Publish, &events, now)))
}

/// One booking as a calendar file, for "Add to calendar" on its page: the event the
/// confirmation email carries, published (a file to import, not an invitation to answer).
/// `NotFound` unless `viewer` takes part in it (or is an admin), and for a booking that
/// is not a session (held and unpaid, lapsed, moved: its page leads to the one that is).
pub async fn one(
    db: &Database,
    viewer: &User,
    id: uuid::Uuid,
    base: &str,
    now: Timestamp,
) -> Result<String, BookingError> {
    let (booking, _, _) = super::visible(db, viewer, id).await?;
    if !matches!(
        booking.status,
        domain::booking::BookingStatus::Confirmed | domain::booking::BookingStatus::Cancelled
    ) {
        return Err(BookingError::NotFound);
    }
    let (Some(expert), Some(learner)) = (
        store::users::find_by_id(db, booking.row.expert_id).await?,
        store::users::find_by_id(db, booking.row.learner_id).await?,
    ) else {
        return Err(BookingError::NotFound);
    };
    let event = notices::event(&booking, &expert, &learner, base);
    Ok(ics::invite(Method::Publish, &event, now))
}
