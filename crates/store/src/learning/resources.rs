//! Links and files attached to a session series by its participants.

use sea_orm::{ConnectionTrait, FromQueryResult};
use uuid::Uuid;

use crate::sql::statement;
use crate::{Database, StoreError};

/// One resource. A link has a `url`; a file has a `file_key` in object storage, its
/// checked content type and its size.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct Resource {
    pub id: Uuid,
    pub series_id: Uuid,
    pub added_by: Uuid,
    pub title: String,
    pub url: Option<String>,
    pub file_key: Option<String>,
    /// A file's cleaned name, with the extension of its real type.
    pub file_name: Option<String>,
    pub content_type: Option<String>,
    pub size_bytes: Option<i64>,
    pub created_at: i64,
}

const COLUMNS: &str = "id, series_id, added_by, title, url, file_key, file_name, content_type, \
    size_bytes, created_at";

/// Attaches `resource` to its series unless the series already has `max`; `false` then.
/// Counted and written in one transaction, so two uploads at once cannot both pass the
/// cap.
pub async fn add(db: &Database, r: &Resource, max: u64) -> Result<bool, StoreError> {
    let txn = db.begin_write().await?;
    // Both participants add to one series: PostgreSQL locks its first booking, whose id
    // is the series id (SQLite's write transaction is already the only writer).
    if db.backend() == crate::Backend::Postgres {
        txn.execute_raw(statement(
            db.backend(),
            "SELECT id FROM bookings WHERE id = $1 FOR NO KEY UPDATE",
            vec![r.series_id.into()],
        ))
        .await?;
    }
    if count_in(db, &txn, r.series_id).await? >= max {
        txn.rollback().await?;
        return Ok(false);
    }
    txn.execute_raw(statement(
        db.backend(),
        &format!(
            "INSERT INTO session_resources ({COLUMNS}) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
        ),
        vec![
            r.id.into(),
            r.series_id.into(),
            r.added_by.into(),
            r.title.clone().into(),
            r.url.clone().into(),
            r.file_key.clone().into(),
            r.file_name.clone().into(),
            r.content_type.clone().into(),
            r.size_bytes.into(),
            r.created_at.into(),
        ],
    ))
    .await
    .map_err(|e| StoreError::unique_as(e, "resource"))?;
    txn.commit().await?;
    Ok(true)
}

/// A series' resources, oldest first.
pub async fn of_series(db: &Database, series: Uuid) -> Result<Vec<Resource>, StoreError> {
    Ok(Resource::find_by_statement(statement(
        db.backend(),
        &format!(
            "SELECT {COLUMNS} FROM session_resources WHERE series_id = $1 \
             ORDER BY created_at, id"
        ),
        vec![series.into()],
    ))
    .all(db.conn())
    .await?)
}

/// The resource `id` of `series`.
pub async fn find(db: &Database, series: Uuid, id: Uuid) -> Result<Option<Resource>, StoreError> {
    Ok(Resource::find_by_statement(statement(
        db.backend(),
        &format!("SELECT {COLUMNS} FROM session_resources WHERE series_id = $1 AND id = $2"),
        vec![series.into(), id.into()],
    ))
    .one(db.conn())
    .await?)
}

/// Removes the resource; `false` when there was none.
pub async fn remove(db: &Database, series: Uuid, id: Uuid) -> Result<bool, StoreError> {
    let result = db
        .conn()
        .execute_raw(statement(
            db.backend(),
            "DELETE FROM session_resources WHERE series_id = $1 AND id = $2",
            vec![series.into(), id.into()],
        ))
        .await?;
    Ok(result.rows_affected() == 1)
}

async fn count_in<C: ConnectionTrait>(
    db: &Database,
    conn: &C,
    series: Uuid,
) -> Result<u64, StoreError> {
    #[derive(FromQueryResult)]
    struct Row {
        n: i64,
    }
    Ok(Row::find_by_statement(statement(
        db.backend(),
        "SELECT COUNT(*) AS n FROM session_resources WHERE series_id = $1",
        vec![series.into()],
    ))
    .one(conn)
    .await?
    .map_or(0, |r| u64::try_from(r.n).unwrap_or(0)))
}
