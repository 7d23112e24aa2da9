//! What `/readyz` asks of the database: whether migrations are pending and whether a
//! write still lands (a full disk refuses it).

use jiff::Timestamp;
use store::{Database, StoreError};

/// Migrations known to this build but not applied to the database.
pub async fn pending_migrations(db: &Database) -> Result<Vec<String>, StoreError> {
    store::migrations::pending(db).await
}

/// Rewrites the probe row at `now`: `StoreError::StorageFull` while the disk has no room.
pub async fn write_probe(db: &Database, now: Timestamp) -> Result<(), StoreError> {
    store::health::write_probe(db, now).await
}
