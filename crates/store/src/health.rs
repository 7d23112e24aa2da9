//! Whether the database takes a write: for `/readyz` after changes were refused for lack
//! of disk space.

use jiff::Timestamp;
use sea_orm::ConnectionTrait;

use crate::instant::secs;
use crate::sql::statement;
use crate::{Database, StoreError};

/// Rewrites the probe row; `StoreError::StorageFull` while the disk has no room.
pub async fn write_probe(db: &Database, now: Timestamp) -> Result<(), StoreError> {
    db.conn()
        .execute_raw(statement(
            db.backend(),
            "INSERT INTO storage_probe (id, written_at) VALUES (1, $1) \
             ON CONFLICT (id) DO UPDATE SET written_at = excluded.written_at",
            vec![secs(now)],
        ))
        .await?;
    Ok(())
}
