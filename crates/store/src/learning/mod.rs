//! The learning record as stored: reviews and their marks, shared and private session
//! notes, resources, goals, and NPS answers. Notes, resources and goal links belong to a
//! session *series* (a moved session keeps them); a review belongs to the booking that
//! was completed.

pub mod goals;
pub mod notes;
pub mod nps;
pub mod resources;
pub mod reviews;
pub mod timeline;

/// A limit as SQL binds it.
fn limit(n: u64) -> sea_orm::Value {
    i64::try_from(n).unwrap_or(i64::MAX).into()
}

/// Serialises writes that count before they insert (a cap, "once per period") for one
/// account: SQLite's write transaction already holds the only write lock; PostgreSQL
/// locks the account's row until the transaction ends (`NO KEY`: rows that merely refer
/// to the account are not held up).
async fn lock_account(
    backend: crate::Backend,
    txn: &sea_orm::DatabaseTransaction,
    account: uuid::Uuid,
) -> Result<(), crate::StoreError> {
    use sea_orm::ConnectionTrait;
    if backend == crate::Backend::Postgres {
        txn.execute_raw(crate::sql::statement(
            backend,
            "SELECT id FROM users WHERE id = $1 FOR NO KEY UPDATE",
            vec![account.into()],
        ))
        .await?;
    }
    Ok(())
}
