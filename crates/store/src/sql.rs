//! Raw SQL where sea-query cannot say it: written once with `$n` placeholders, which SQLite
//! reads as `?n`.

use sea_orm::{DbBackend, DbErr, Statement, Value};

use crate::Backend;

pub(crate) fn statement(backend: Backend, sql: &str, values: Vec<Value>) -> Statement {
    match backend {
        Backend::Postgres => Statement::from_sql_and_values(DbBackend::Postgres, sql, values),
        Backend::Sqlite => {
            Statement::from_sql_and_values(DbBackend::Sqlite, sql.replace('$', "?"), values)
        }
    }
}

pub(crate) fn is_unique_violation(err: &DbErr) -> bool {
    matches!(
        err.sql_err(),
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
    )
}

/// Runs an INSERT that may meet a unique key: `false` when the row was already there
/// (the caller decides whether that is a refusal), any other failure as an error.
pub(crate) async fn insert_once<C: sea_orm::ConnectionTrait>(
    conn: &C,
    statement: Statement,
) -> Result<bool, DbErr> {
    match conn.execute_raw(statement).await {
        Ok(_) => Ok(true),
        Err(e) if is_unique_violation(&e) => Ok(false),
        Err(e) => Err(e),
    }
}
