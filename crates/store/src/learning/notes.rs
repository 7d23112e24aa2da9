//! A session's notes: the Markdown both participants share, saved only over the version
//! the writer read (a stale save is refused, never silently overwrites), and each
//! participant's private notes.

use jiff::Timestamp;
use sea_orm::{ConnectionTrait, FromQueryResult};
use uuid::Uuid;

use crate::instant::secs;
use crate::sql::{insert_once, statement};
use crate::{Database, StoreError};

/// The shared notes of a session series. Version 0 is "nothing written yet".
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct SharedNotes {
    pub body: String,
    pub version: i32,
    pub updated_by: Option<Uuid>,
    pub updated_at: i64,
}

/// The shared notes of `series`, if anyone wrote some.
pub async fn shared(db: &Database, series: Uuid) -> Result<Option<SharedNotes>, StoreError> {
    Ok(SharedNotes::find_by_statement(statement(
        db.backend(),
        "SELECT body, version, updated_by, updated_at FROM session_notes WHERE series_id = $1",
        vec![series.into()],
    ))
    .one(db.conn())
    .await?)
}

/// Saves `body` as version `read + 1` if the stored notes are still at version `read`;
/// `false` when someone saved in between (the caller shows them what is there now).
pub async fn save_shared(
    db: &Database,
    series: Uuid,
    read: i32,
    body: &str,
    by: Uuid,
    now: Timestamp,
) -> Result<bool, StoreError> {
    if read == 0 {
        // The first save: only one of two racing first saves can insert the row.
        return Ok(insert_once(
            db.conn(),
            statement(
                db.backend(),
                "INSERT INTO session_notes (series_id, body, version, updated_by, updated_at) \
                 VALUES ($1, $2, 1, $3, $4)",
                vec![series.into(), body.into(), by.into(), secs(now)],
            ),
        )
        .await?);
    }
    let result = db
        .conn()
        .execute_raw(statement(
            db.backend(),
            "UPDATE session_notes SET body = $1, version = version + 1, updated_by = $2, \
             updated_at = $3 WHERE series_id = $4 AND version = $5",
            vec![
                body.into(),
                by.into(),
                secs(now),
                series.into(),
                read.into(),
            ],
        ))
        .await?;
    Ok(result.rows_affected() == 1)
}

/// `account`'s private notes on `series` (empty when none).
pub async fn private(db: &Database, series: Uuid, account: Uuid) -> Result<String, StoreError> {
    #[derive(FromQueryResult)]
    struct Row {
        body: String,
    }
    Ok(Row::find_by_statement(statement(
        db.backend(),
        "SELECT body FROM private_notes WHERE series_id = $1 AND account_id = $2",
        vec![series.into(), account.into()],
    ))
    .one(db.conn())
    .await?
    .map(|r| r.body)
    .unwrap_or_default())
}

/// Replaces `account`'s private notes on `series`.
pub async fn save_private(
    db: &Database,
    series: Uuid,
    account: Uuid,
    body: &str,
    now: Timestamp,
) -> Result<(), StoreError> {
    db.conn()
        .execute_raw(statement(
            db.backend(),
            "INSERT INTO private_notes (series_id, account_id, body, updated_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (series_id, account_id) \
             DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
            vec![series.into(), account.into(), body.into(), secs(now)],
        ))
        .await?;
    Ok(())
}
