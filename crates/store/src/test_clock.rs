//! The test-mode sandbox's simulated time: how far it runs ahead of the real time, in
//! whole seconds (one row, shared by every instance).

use jiff::SignedDuration;
use sea_orm::FromQueryResult;

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

/// Moves the stored offset on by `by` (forward), in one statement so moves made at
/// once by several instances add up. Returns the offset now stored.
pub async fn advance(db: &Database, by: SignedDuration) -> Result<SignedDuration, StoreError> {
    store_offset(
        db,
        "INSERT INTO test_clock (id, offset_seconds) VALUES (1, $1) ON CONFLICT (id) DO UPDATE \
         SET offset_seconds = test_clock.offset_seconds + excluded.offset_seconds \
         RETURNING offset_seconds",
        by,
    )
    .await
}

/// Moves the stored offset to `offset` if that is further ahead than it is (it never goes
/// back). Returns the offset now stored.
pub async fn raise_to(db: &Database, offset: SignedDuration) -> Result<SignedDuration, StoreError> {
    store_offset(
        db,
        "INSERT INTO test_clock (id, offset_seconds) VALUES (1, $1) ON CONFLICT (id) DO UPDATE \
         SET offset_seconds = CASE WHEN excluded.offset_seconds > test_clock.offset_seconds \
         THEN excluded.offset_seconds ELSE test_clock.offset_seconds END \
         RETURNING offset_seconds",
        offset,
    )
    .await
}

async fn store_offset(
    db: &Database,
    sql: &str,
    value: SignedDuration,
) -> Result<SignedDuration, StoreError> {
    #[derive(FromQueryResult)]
    struct Row {
        offset_seconds: i64,
    }
    let row = Row::find_by_statement(statement(db.backend(), sql, vec![value.as_secs().into()]))
        .one(db.conn())
        .await?;
    Ok(SignedDuration::from_secs(
        row.map_or(0, |r| r.offset_seconds),
    ))
}
