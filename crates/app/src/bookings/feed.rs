//! Each user's private calendar feed: an address with a secret token that calendar
//! programs subscribe to. Only the token's digest is stored; a new address replaces the
//! old one, and revoking stops it.

use domain::booking::ics::{self, Method};
use rand::RngCore;
use sha2::{Digest, Sha256};
use store::Database;
use store::users::User;

use super::{Booking, BookingError, notices};

/// Feeds show sessions from this long ago on.
const FEED_LOOKBACK_SECONDS: i64 = 90 * 86_400;

fn digest(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A new secret token for `user`'s feed (the previous one stops working).
pub async fn renew(db: &Database, user: &User, now: i64) -> Result<String, BookingError> {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let token: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    store::bookings::set_feed(db, user.id, &digest(&token), now).await?;
    Ok(token)
}

pub async fn revoke(db: &Database, user: &User) -> Result<bool, BookingError> {
    Ok(store::bookings::revoke_feed(db, user.id).await?)
}

/// The feed's calendar for `token`, or None when no feed has it.
pub async fn calendar(
    db: &Database,
    token: &str,
    base: &str,
    now: i64,
) -> Result<Option<String>, BookingError> {
    let Some(owner) = store::bookings::feed_owner(db, &digest(token)).await? else {
        return Ok(None);
    };
    let rows = store::bookings::feed_for(db, owner, now - FEED_LOOKBACK_SECONDS).await?;
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
