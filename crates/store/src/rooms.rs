//! A session's built-in room: who stayed in it and when, its chat, and the sessions
//! nobody attended that wait for an operator.

use jiff::Timestamp;
use sea_orm::{ConnectionTrait, FromQueryResult};
use uuid::Uuid;

use crate::instant::secs;
use crate::sql::statement;
use crate::{Database, StoreError};

/// One stay in a room, as stored. `left_at` is empty while the person is in (or when their
/// instance went away without recording the leave: `seen_at` then says until when).
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct Stay {
    pub id: Uuid,
    pub booking_id: Uuid,
    pub account_id: Uuid,
    /// `learner`, `expert` or `support`.
    pub role: String,
    pub joined_at: i64,
    pub seen_at: i64,
    pub left_at: Option<i64>,
}

/// Records that `account` entered the room of `booking` as `role` at `now`.
pub async fn join(
    db: &Database,
    id: Uuid,
    booking: Uuid,
    account: Uuid,
    role: &str,
    now: Timestamp,
) -> Result<(), StoreError> {
    db.conn()
        .execute_raw(statement(
            db.backend(),
            "INSERT INTO room_stays (id, booking_id, account_id, role, joined_at, seen_at, \
             left_at) VALUES ($1, $2, $3, $4, $5, $5, NULL)",
            vec![
                id.into(),
                booking.into(),
                account.into(),
                role.into(),
                secs(now),
            ],
        ))
        .await?;
    Ok(())
}

/// Marks the stay as still going at `now` (a connection alive in the room).
pub async fn seen(db: &Database, stay: Uuid, now: Timestamp) -> Result<(), StoreError> {
    db.conn()
        .execute_raw(statement(
            db.backend(),
            "UPDATE room_stays SET seen_at = $1 WHERE id = $2 AND left_at IS NULL",
            vec![secs(now), stay.into()],
        ))
        .await?;
    Ok(())
}

/// Ends the stay at `now`; a stay already ended keeps its first end.
pub async fn leave(db: &Database, stay: Uuid, now: Timestamp) -> Result<(), StoreError> {
    db.conn()
        .execute_raw(statement(
            db.backend(),
            "UPDATE room_stays SET left_at = $1, seen_at = $1 WHERE id = $2 AND left_at IS NULL",
            vec![secs(now), stay.into()],
        ))
        .await?;
    Ok(())
}

/// Ends `account`'s open stays in the booking's room at `at` (a leave reported by an
/// outside provider, which names the person, not the stay).
pub async fn leave_open(
    db: &Database,
    booking: Uuid,
    account: Uuid,
    at: Timestamp,
) -> Result<(), StoreError> {
    db.conn()
        .execute_raw(statement(
            db.backend(),
            "UPDATE room_stays SET left_at = $1, seen_at = $1 WHERE booking_id = $2 \
             AND account_id = $3 AND left_at IS NULL",
            vec![secs(at), booking.into(), account.into()],
        ))
        .await?;
    Ok(())
}

/// Every stay in the booking's room, oldest first.
pub async fn stays(db: &Database, booking: Uuid) -> Result<Vec<Stay>, StoreError> {
    Ok(Stay::find_by_statement(statement(
        db.backend(),
        "SELECT id, booking_id, account_id, role, joined_at, seen_at, left_at FROM room_stays \
         WHERE booking_id = $1 ORDER BY joined_at, id",
        vec![booking.into()],
    ))
    .all(db.conn())
    .await?)
}

/// One chat message, as stored.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct Message {
    pub id: Uuid,
    pub booking_id: Uuid,
    pub account_id: Uuid,
    pub body: String,
    pub created_at: i64,
}

/// Keeps a chat message with the session.
pub async fn add_message(db: &Database, m: &Message) -> Result<(), StoreError> {
    db.conn()
        .execute_raw(statement(
            db.backend(),
            "INSERT INTO room_messages (id, booking_id, account_id, body, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
            vec![
                m.id.into(),
                m.booking_id.into(),
                m.account_id.into(),
                m.body.clone().into(),
                m.created_at.into(),
            ],
        ))
        .await
        .map_err(|e| StoreError::unique_as(e, "message"))?;
    Ok(())
}

/// The room's chat, oldest first (at most `limit`, the latest ones).
pub async fn messages(
    db: &Database,
    booking: Uuid,
    limit: u64,
) -> Result<Vec<Message>, StoreError> {
    let mut latest = Message::find_by_statement(statement(
        db.backend(),
        "SELECT id, booking_id, account_id, body, created_at FROM room_messages \
         WHERE booking_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2",
        vec![
            booking.into(),
            i64::try_from(limit).unwrap_or(i64::MAX).into(),
        ],
    ))
    .all(db.conn())
    .await?;
    latest.reverse();
    Ok(latest)
}

/// Confirmed sessions that ended by `ended_by` (the caller allows for the room's closing
/// time) and that attendance has not looked at yet: the ones it can settle now.
pub async fn unsettled(
    db: &Database,
    ended_by: Timestamp,
    limit: u64,
) -> Result<Vec<Uuid>, StoreError> {
    #[derive(FromQueryResult)]
    struct Id {
        id: Uuid,
    }
    let rows = Id::find_by_statement(statement(
        db.backend(),
        "SELECT b.id FROM bookings b WHERE b.status = 'confirmed' AND b.end_at <= $1 \
         AND NOT EXISTS (SELECT 1 FROM attendance_reviews r WHERE r.booking_id = b.id) \
         ORDER BY b.end_at, b.id LIMIT $2",
        vec![
            secs(ended_by),
            i64::try_from(limit).unwrap_or(i64::MAX).into(),
        ],
    ))
    .all(db.conn())
    .await?;
    Ok(rows.into_iter().map(|r| r.id).collect())
}

/// Why attendance did not settle a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsettled {
    /// Nobody came: an operator decides.
    Nobody,
    /// Only one side was seen in a meeting whose reports may be incomplete (Zoom's,
    /// which name people by an email it does not always know): an operator decides.
    OneSide,
    /// The meeting's provider reports no attendance (Jitsi, Google Meet): the expert
    /// records how it went, as before rooms existed.
    Unreported,
}

impl Unsettled {
    fn as_str(self) -> &'static str {
        match self {
            Self::Nobody => "nobody",
            Self::OneSide => "one_side",
            Self::Unreported => "unreported",
        }
    }
}

/// Records that attendance did not settle a session, and why (once).
pub async fn not_settled(
    db: &Database,
    booking: Uuid,
    why: Unsettled,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let added = db
        .conn()
        .execute_raw(statement(
            db.backend(),
            "INSERT INTO attendance_reviews (booking_id, reason, created_at) \
             VALUES ($1, $2, $3) ON CONFLICT (booking_id) DO NOTHING",
            vec![booking.into(), why.as_str().into(), secs(now)],
        ))
        .await?
        .rows_affected();
    Ok(added == 1)
}

/// Sessions waiting for an operator's verdict on attendance (still confirmed), oldest
/// first.
pub async fn awaiting_review(db: &Database, limit: u64) -> Result<Vec<Uuid>, StoreError> {
    #[derive(FromQueryResult)]
    struct Id {
        booking_id: Uuid,
    }
    let rows = Id::find_by_statement(statement(
        db.backend(),
        "SELECT r.booking_id FROM attendance_reviews r JOIN bookings b ON b.id = r.booking_id \
         WHERE r.reason <> 'unreported' AND b.status = 'confirmed' \
         ORDER BY r.created_at, r.booking_id LIMIT $1",
        vec![i64::try_from(limit).unwrap_or(i64::MAX).into()],
    ))
    .all(db.conn())
    .await?;
    Ok(rows.into_iter().map(|r| r.booking_id).collect())
}

/// A session series' meeting at an outside provider.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct Meeting {
    pub series_id: Uuid,
    /// `jitsi`, `zoom` or `meet`.
    pub provider: String,
    /// Jitsi's room name, or the provider's meeting id (empty until one is made).
    pub room: String,
    pub join_url: Option<String>,
    /// The start the provider's meeting is set for, Unix seconds.
    pub start_at: Option<i64>,
    /// The meeting was deleted at the provider (the session was called off).
    pub deleted: bool,
    /// The provider's last refusal, in its words, until a later call succeeds.
    pub error: Option<String>,
}

/// The meeting of a session series, if one was made or tried.
pub async fn meeting(db: &Database, series: Uuid) -> Result<Option<Meeting>, StoreError> {
    Ok(Meeting::find_by_statement(statement(
        db.backend(),
        "SELECT series_id, provider, room, join_url, start_at, deleted, error \
         FROM video_meetings WHERE series_id = $1",
        vec![series.into()],
    ))
    .one(db.conn())
    .await?)
}

/// The meeting with the provider's id `room`, if any.
pub async fn meeting_by_room(
    db: &Database,
    provider: &str,
    room: &str,
) -> Result<Option<Meeting>, StoreError> {
    Ok(Meeting::find_by_statement(statement(
        db.backend(),
        "SELECT series_id, provider, room, join_url, start_at, deleted, error \
         FROM video_meetings WHERE provider = $1 AND room = $2",
        vec![provider.into(), room.into()],
    ))
    .one(db.conn())
    .await?)
}

/// Records the meeting as the provider now has it (made, moved or deleted), clearing any
/// earlier error.
pub async fn save_meeting(db: &Database, m: &Meeting, now: Timestamp) -> Result<(), StoreError> {
    db.conn()
        .execute_raw(statement(
            db.backend(),
            "INSERT INTO video_meetings (series_id, provider, room, join_url, start_at, deleted, \
             error, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, NULL, $7, $7) \
             ON CONFLICT (series_id) DO UPDATE SET provider = $2, room = $3, join_url = $4, \
             start_at = $5, deleted = $6, error = NULL, updated_at = $7",
            vec![
                m.series_id.into(),
                m.provider.clone().into(),
                m.room.clone().into(),
                m.join_url.clone().into(),
                m.start_at.into(),
                m.deleted.into(),
                secs(now),
            ],
        ))
        .await?;
    Ok(())
}

/// Records the provider's refusal on the series' meeting (made empty when there is none).
pub async fn meeting_failed(
    db: &Database,
    series: Uuid,
    provider: &str,
    error: &str,
    now: Timestamp,
) -> Result<(), StoreError> {
    db.conn()
        .execute_raw(statement(
            db.backend(),
            "INSERT INTO video_meetings (series_id, provider, room, join_url, start_at, deleted, \
             error, created_at, updated_at) VALUES ($1, $2, '', NULL, NULL, FALSE, $3, $4, $4) \
             ON CONFLICT (series_id) DO UPDATE SET error = $3, updated_at = $4",
            vec![series.into(), provider.into(), error.into(), secs(now)],
        ))
        .await?;
    Ok(())
}

/// The Jitsi room of a session series, named `room` when it has none yet (two first
/// joins agree on whichever was stored first).
pub async fn meeting_room(
    db: &Database,
    series: Uuid,
    provider: &str,
    room: &str,
    now: Timestamp,
) -> Result<String, StoreError> {
    db.conn()
        .execute_raw(statement(
            db.backend(),
            "INSERT INTO video_meetings (series_id, provider, room, deleted, created_at, \
             updated_at) VALUES ($1, $2, $3, FALSE, $4, $4) ON CONFLICT (series_id) DO NOTHING",
            vec![series.into(), provider.into(), room.into(), secs(now)],
        ))
        .await?;
    // Recorded at confirmation without a name yet: named now.
    db.conn()
        .execute_raw(statement(
            db.backend(),
            "UPDATE video_meetings SET room = $1, updated_at = $2 \
             WHERE series_id = $3 AND provider = $4 AND room = ''",
            vec![room.into(), secs(now), series.into(), provider.into()],
        ))
        .await?;
    #[derive(FromQueryResult)]
    struct Room {
        room: String,
    }
    Room::find_by_statement(statement(
        db.backend(),
        "SELECT room FROM video_meetings WHERE series_id = $1 AND provider = $2",
        vec![series.into(), provider.into()],
    ))
    .one(db.conn())
    .await?
    .map(|r| r.room)
    .filter(|r| !r.is_empty())
    .ok_or_else(|| StoreError::Corrupt(format!("series {series} meets elsewhere")))
}
