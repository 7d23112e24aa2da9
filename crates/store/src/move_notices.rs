//! Coalescing the emails of rapid moves. The first move of a session is emailed at once;
//! a move within the quiet period after that email is held back, and only the latest of
//! such moves is emailed when the period ends. One row per session (booking series):
//! when its last move email went, and which booking waits to be announced.
//!
//! Times are stored as Unix seconds, like the bookings they describe.

use jiff::{SignedDuration, Timestamp};
use sea_orm::{ConnectionTrait, FromQueryResult};
use uuid::Uuid;

use crate::instant::secs;
use crate::sql::statement;
use crate::{Database, StoreError};

/// A held-back move, due to be emailed.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct DueMove {
    pub series_id: Uuid,
    pub booking_id: Uuid,
}

/// Records that `booking` (of `series`) moved at `now`. Returns true when its email should
/// go now (no move email within the last `quiet`; recorded as sent), false when it was
/// held back to go at the end of the quiet period (replacing any move held back before).
pub async fn moved(
    db: &Database,
    series: Uuid,
    booking: Uuid,
    now: Timestamp,
    quiet: SignedDuration,
) -> Result<bool, StoreError> {
    let backend = db.backend();
    let deferred = db
        .conn()
        .execute_raw(statement(
            backend,
            "UPDATE booking_move_notices SET pending_booking_id = $1, due_at = last_sent_at + $2 \
             WHERE series_id = $3 AND last_sent_at > $4",
            vec![
                booking.into(),
                quiet.as_secs().into(),
                series.into(),
                (now.as_second() - quiet.as_secs()).into(),
            ],
        ))
        .await?
        .rows_affected();
    if deferred == 1 {
        return Ok(false);
    }
    sent(db, series, now).await?;
    Ok(true)
}

/// Records a move email for `series` sent at `now`, with nothing held back.
pub async fn sent(db: &Database, series: Uuid, now: Timestamp) -> Result<(), StoreError> {
    db.conn()
        .execute_raw(statement(
            db.backend(),
            "INSERT INTO booking_move_notices (series_id, last_sent_at, pending_booking_id, due_at) \
             VALUES ($1, $2, NULL, NULL) ON CONFLICT (series_id) DO UPDATE SET \
             last_sent_at = excluded.last_sent_at, pending_booking_id = NULL, due_at = NULL",
            vec![series.into(), secs(now)],
        ))
        .await?;
    Ok(())
}

/// Held-back moves whose quiet period has ended by `now`.
pub async fn due(db: &Database, now: Timestamp, limit: u64) -> Result<Vec<DueMove>, StoreError> {
    Ok(DueMove::find_by_statement(statement(
        db.backend(),
        "SELECT series_id, pending_booking_id AS booking_id FROM booking_move_notices \
         WHERE pending_booking_id IS NOT NULL AND due_at <= $1 ORDER BY due_at LIMIT $2",
        vec![secs(now), i64::try_from(limit).unwrap_or(i64::MAX).into()],
    ))
    .all(db.conn())
    .await?)
}

/// Takes a due move for sending: true for exactly one caller, however many instances look.
pub async fn claim(db: &Database, due: &DueMove, now: Timestamp) -> Result<bool, StoreError> {
    Ok(db
        .conn()
        .execute_raw(statement(
            db.backend(),
            "UPDATE booking_move_notices SET pending_booking_id = NULL, due_at = NULL, \
             last_sent_at = $1 WHERE series_id = $2 AND pending_booking_id = $3",
            vec![secs(now), due.series_id.into(), due.booking_id.into()],
        ))
        .await?
        .rows_affected()
        == 1)
}
