use sea_orm::DbErr;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the database at {url}: {reason}")]
    Connect { url: String, reason: String },
    #[error("unsupported DATABASE_URL scheme in {0:?}: use sqlite://PATH or postgres://…")]
    UnsupportedUrl(String),
    #[error("{0} already exists")]
    AlreadyExists(&'static str),
    #[error("no such {0}")]
    NotFound(&'static str),
    #[error("stored data is invalid: {0}")]
    Corrupt(String),
    /// The database could not write for lack of disk space; nothing of the change was
    /// kept. Writes work again as soon as space returns.
    #[error("the database's disk is full: {0}")]
    StorageFull(DbErr),
    #[error(transparent)]
    Db(DbErr),
}

impl From<DbErr> for StoreError {
    fn from(err: DbErr) -> Self {
        if is_disk_full(&err) {
            StoreError::StorageFull(err)
        } else {
            StoreError::Db(err)
        }
    }
}

impl StoreError {
    /// Maps a unique-constraint violation to `AlreadyExists(what)`, keeping other errors.
    pub(crate) fn unique_as(err: DbErr, what: &'static str) -> Self {
        match err.sql_err() {
            Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => StoreError::AlreadyExists(what),
            _ => err.into(),
        }
    }
}

/// SQLite's `SQLITE_FULL` (13, whatever its extended code) or PostgreSQL's `disk_full`
/// (53100).
fn is_disk_full(err: &DbErr) -> bool {
    let sqlx_err = match err {
        DbErr::Conn(sea_orm::RuntimeErr::SqlxError(e))
        | DbErr::Exec(sea_orm::RuntimeErr::SqlxError(e))
        | DbErr::Query(sea_orm::RuntimeErr::SqlxError(e)) => e,
        _ => return false,
    };
    let Some(db) = sqlx_err.as_database_error() else {
        return false;
    };
    match db.code().as_deref() {
        Some("53100") => true,
        Some(code) => code.parse::<i32>().is_ok_and(|n| {
            n & 0xff == SQLITE_FULL && db.try_downcast_ref::<sqlx::sqlite::SqliteError>().is_some()
        }),
        None => false,
    }
}

const SQLITE_FULL: i32 = 13;
