//! What backups and restores ask of the database itself: a consistent copy of a live
//! SQLite file, and whether a database is still empty.

use sea_orm::{ConnectionTrait, FromQueryResult};

use crate::sql::statement;
use crate::{Backend, Database, StoreError};

/// Writes a consistent copy of a SQLite database to `target` (which must not exist) while
/// it keeps serving: `VACUUM INTO` reads one snapshot, WAL included, and writes a compact
/// file of its own.
pub async fn sqlite_copy_into(db: &Database, target: &std::path::Path) -> Result<(), StoreError> {
    if db.backend() != Backend::Sqlite {
        return Err(StoreError::Corrupt("VACUUM INTO is SQLite's".into()));
    }
    let target = target
        .to_str()
        .ok_or_else(|| StoreError::Corrupt(format!("{} is not a UTF-8 path", target.display())))?;
    // VACUUM INTO takes an expression; a quoted literal works on every SQLite version.
    let sql = format!("VACUUM INTO '{}'", target.replace('\'', "''"));
    db.conn().execute_unprepared(&sql).await?;
    Ok(())
}

/// Whether the database has no tables at all: the only kind a restore writes into.
pub async fn is_empty(db: &Database) -> Result<bool, StoreError> {
    #[derive(FromQueryResult)]
    struct Count {
        n: i64,
    }
    let sql = match db.backend() {
        Backend::Sqlite => {
            "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' \
             AND name NOT LIKE 'sqlite_%'"
        }
        Backend::Postgres => {
            "SELECT COUNT(*) AS n FROM information_schema.tables \
             WHERE table_schema = current_schema()"
        }
    };
    let count = Count::find_by_statement(statement(db.backend(), sql, vec![]))
        .one(db.conn())
        .await?
        .map_or(0, |c| c.n);
    Ok(count == 0)
}
