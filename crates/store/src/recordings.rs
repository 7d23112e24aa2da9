//! Recording a session: each person's consent (who, when, for what, withdrawn when),
//! each side's recorded stream, and its ordered chunks in object storage.

use jiff::Timestamp;
use sea_orm::{ConnectionTrait, FromQueryResult};
use uuid::Uuid;

use crate::instant::secs;
use crate::sql::statement;
use crate::{Database, StoreError};

/// One person's consent to be recorded in one session.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct Consent {
    pub id: Uuid,
    pub booking_id: Uuid,
    pub account_id: Uuid,
    /// What the recording is for (`session_recording`: kept for both to watch again).
    pub purpose: String,
    pub given_at: i64,
    pub withdrawn_at: Option<i64>,
}

/// Records `account`'s consent unless a standing one is there. True when added now.
pub async fn consent(
    db: &Database,
    id: Uuid,
    booking: Uuid,
    account: Uuid,
    purpose: &str,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let added = db
        .conn()
        .execute_raw(statement(
            db.backend(),
            "INSERT INTO recording_consents (id, booking_id, account_id, purpose, given_at, \
             withdrawn_at) SELECT $1, $2, $3, $4, $5, NULL WHERE NOT EXISTS (SELECT 1 FROM \
             recording_consents WHERE booking_id = $2 AND account_id = $3 AND withdrawn_at IS NULL)",
            vec![
                id.into(),
                booking.into(),
                account.into(),
                purpose.into(),
                secs(now),
            ],
        ))
        .await?
        .rows_affected();
    Ok(added == 1)
}

/// Withdraws `account`'s standing consent in the session. True when one was standing.
pub async fn withdraw(
    db: &Database,
    booking: Uuid,
    account: Uuid,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let changed = db
        .conn()
        .execute_raw(statement(
            db.backend(),
            "UPDATE recording_consents SET withdrawn_at = $1 WHERE booking_id = $2 \
             AND account_id = $3 AND withdrawn_at IS NULL",
            vec![secs(now), booking.into(), account.into()],
        ))
        .await?
        .rows_affected();
    Ok(changed > 0)
}

/// Every consent given in the session, oldest first (withdrawn ones included: the record).
pub async fn consents(db: &Database, booking: Uuid) -> Result<Vec<Consent>, StoreError> {
    Ok(Consent::find_by_statement(statement(
        db.backend(),
        "SELECT id, booking_id, account_id, purpose, given_at, withdrawn_at \
         FROM recording_consents WHERE booking_id = $1 ORDER BY given_at, id",
        vec![booking.into()],
    ))
    .all(db.conn())
    .await?)
}

/// One side's recorded stream.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct Recording {
    pub id: Uuid,
    pub booking_id: Uuid,
    /// Whose camera and microphone it holds.
    pub account_id: Uuid,
    pub started_at: i64,
    pub ended_at: Option<i64>,
    pub chunks: i32,
    pub bytes: i64,
    /// When retention deletes it.
    pub delete_after: i64,
    pub deleted_at: Option<i64>,
}

const COLUMNS: &str =
    "id, booking_id, account_id, started_at, ended_at, chunks, bytes, delete_after, deleted_at";

/// Starts a recording of `account`'s stream.
pub async fn start(db: &Database, r: &Recording) -> Result<(), StoreError> {
    db.conn()
        .execute_raw(statement(
            db.backend(),
            &format!(
                "INSERT INTO recordings ({COLUMNS}) VALUES ($1, $2, $3, $4, NULL, 0, 0, $5, NULL)"
            ),
            vec![
                r.id.into(),
                r.booking_id.into(),
                r.account_id.into(),
                r.started_at.into(),
                r.delete_after.into(),
            ],
        ))
        .await?;
    Ok(())
}

/// One recording.
pub async fn find(db: &Database, id: Uuid) -> Result<Option<Recording>, StoreError> {
    Ok(Recording::find_by_statement(statement(
        db.backend(),
        &format!("SELECT {COLUMNS} FROM recordings WHERE id = $1"),
        vec![id.into()],
    ))
    .one(db.conn())
    .await?)
}

/// The session's recordings not deleted, oldest first.
pub async fn of_booking(db: &Database, booking: Uuid) -> Result<Vec<Recording>, StoreError> {
    Ok(Recording::find_by_statement(statement(
        db.backend(),
        &format!(
            "SELECT {COLUMNS} FROM recordings WHERE booking_id = $1 AND deleted_at IS NULL \
             ORDER BY started_at, id"
        ),
        vec![booking.into()],
    ))
    .all(db.conn())
    .await?)
}

/// Adds chunk `seq` of a running recording, stored at `key`: only the next one in order
/// (a chunk sent twice, or out of order, adds nothing). True when added.
pub async fn add_chunk(
    db: &Database,
    recording: Uuid,
    seq: i32,
    key: &str,
    bytes: i64,
) -> Result<bool, StoreError> {
    let txn = db.begin_write().await?;
    let moved = txn
        .execute_raw(statement(
            db.backend(),
            "UPDATE recordings SET chunks = chunks + 1, bytes = bytes + $1 WHERE id = $2 \
             AND chunks = $3 AND ended_at IS NULL AND deleted_at IS NULL",
            vec![bytes.into(), recording.into(), seq.into()],
        ))
        .await?
        .rows_affected();
    if moved != 1 {
        txn.rollback().await?;
        return Ok(false);
    }
    txn.execute_raw(statement(
        db.backend(),
        "INSERT INTO recording_chunks (recording_id, seq, storage_key, bytes) \
         VALUES ($1, $2, $3, $4)",
        vec![recording.into(), seq.into(), key.into(), bytes.into()],
    ))
    .await?;
    txn.commit().await?;
    Ok(true)
}

/// Ends every running recording of the session at `now` (consent withdrawn, or the
/// recorder stopped). Returns how many ended.
pub async fn stop_all(db: &Database, booking: Uuid, now: Timestamp) -> Result<u64, StoreError> {
    Ok(db
        .conn()
        .execute_raw(statement(
            db.backend(),
            "UPDATE recordings SET ended_at = $1 WHERE booking_id = $2 AND ended_at IS NULL",
            vec![secs(now), booking.into()],
        ))
        .await?
        .rows_affected())
}

/// Ends one running recording at `now`.
pub async fn stop(db: &Database, id: Uuid, now: Timestamp) -> Result<(), StoreError> {
    db.conn()
        .execute_raw(statement(
            db.backend(),
            "UPDATE recordings SET ended_at = $1 WHERE id = $2 AND ended_at IS NULL",
            vec![secs(now), id.into()],
        ))
        .await?;
    Ok(())
}

/// A recording's chunks in order: each one's storage key and size in bytes.
pub async fn chunk_sizes(db: &Database, recording: Uuid) -> Result<Vec<(String, u64)>, StoreError> {
    #[derive(FromQueryResult)]
    struct Chunk {
        storage_key: String,
        bytes: i64,
    }
    let rows = Chunk::find_by_statement(statement(
        db.backend(),
        "SELECT storage_key, bytes FROM recording_chunks WHERE recording_id = $1 ORDER BY seq",
        vec![recording.into()],
    ))
    .all(db.conn())
    .await?;
    Ok(rows
        .into_iter()
        .map(|c| (c.storage_key, u64::try_from(c.bytes).unwrap_or(0)))
        .collect())
}

/// Marks a recording deleted: it takes no more chunks (its files go next).
pub async fn mark_deleted(db: &Database, id: Uuid, now: Timestamp) -> Result<(), StoreError> {
    db.conn()
        .execute_raw(statement(
            db.backend(),
            "UPDATE recordings SET deleted_at = $1, ended_at = COALESCE(ended_at, $1) \
             WHERE id = $2 AND deleted_at IS NULL",
            vec![secs(now), id.into()],
        ))
        .await?;
    Ok(())
}

/// Forgets a deleted recording's chunks (their files are gone).
pub async fn forget_chunks(db: &Database, id: Uuid) -> Result<(), StoreError> {
    db.conn()
        .execute_raw(statement(
            db.backend(),
            "DELETE FROM recording_chunks WHERE recording_id = $1",
            vec![id.into()],
        ))
        .await?;
    Ok(())
}

/// Recordings past their retention, not yet deleted.
pub async fn expired(db: &Database, now: Timestamp, limit: u64) -> Result<Vec<Uuid>, StoreError> {
    #[derive(FromQueryResult)]
    struct Id {
        id: Uuid,
    }
    let rows = Id::find_by_statement(statement(
        db.backend(),
        "SELECT id FROM recordings WHERE deleted_at IS NULL AND delete_after <= $1 \
         ORDER BY delete_after, id LIMIT $2",
        vec![secs(now), i64::try_from(limit).unwrap_or(i64::MAX).into()],
    ))
    .all(db.conn())
    .await?;
    Ok(rows.into_iter().map(|r| r.id).collect())
}
