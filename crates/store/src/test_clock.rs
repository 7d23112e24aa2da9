//! The test-mode sandbox's simulated time: how far it runs ahead of the real time, in
//! whole seconds (one row, shared by every instance).

use jiff::SignedDuration;
use sea_orm::{ConnectionTrait, FromQueryResult};

use crate::sql::statement;
use crate::{Database, StoreError};

/// The stored offset; zero when the clock was never moved.
pub async fn offset(db: &Database) -> Result<SignedDuration, StoreError> {
    #[derive(FromQueryResult)]
    struct Row {
        offset_seconds: i64,
    }
    Ok(Row::find_by_statement(statement(
        db.backend(),
        "SELECT offset_seconds FROM test_clock WHERE id = 1",
        Vec::new(),
    ))
    .one(db.conn())
    .await?
    .map_or(SignedDuration::ZERO, |r| {
        SignedDuration::from_secs(r.offset_seconds)
    }))
}

/// Stores a new offset.
pub async fn set_offset(db: &Database, offset: SignedDuration) -> Result<(), StoreError> {
    db.conn()
        .execute_raw(statement(
            db.backend(),
            "INSERT INTO test_clock (id, offset_seconds) VALUES (1, $1) \
             ON CONFLICT (id) DO UPDATE SET offset_seconds = excluded.offset_seconds",
            vec![offset.as_secs().into()],
        ))
        .await?;
    Ok(())
}
