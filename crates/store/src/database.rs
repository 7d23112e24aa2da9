//! Opening the database: the backend is chosen by the URL's scheme at run time.

use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use domain::{Clock, SystemClock};
use sea_orm::{
    DatabaseConnection, DatabaseTransaction, SqliteTransactionMode, SqlxPostgresConnector,
    SqlxSqliteConnector, TransactionOptions, TransactionTrait,
};
use sqlx::pool::PoolOptions;
use sqlx::postgres::{PgConnectOptions, PgPool};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqliteSynchronous};

use crate::StoreError;
use crate::account_watch::AccountWatch;
use crate::instant::to_chrono;

/// How long a SQLite writer waits for the write lock before giving up. Writers are
/// serialised by SQLite; this turns contention into waiting instead of `SQLITE_BUSY`.
const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(5);
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(5);
/// Each read connection's page cache, in KiB (negative: SQLite's unit for KiB). The
/// default is 2,000 KiB; a directory search over 10,000 experts touches more. The file is
/// not memory-mapped: mapped pages count in the process's resident memory, and a mixed
/// load mapped 48 MiB of the file for little gain over these caches (BENCHMARKS.md).
const SQLITE_READER_CACHE: &str = "-16384";
/// A pooled connection idle this long is pinged before use (one the server dropped while
/// it sat idle, as after a restart, is then replaced instead of failing a request; one
/// dropped while in steady use fails one request). A busy pool, whose connections come
/// back within milliseconds, skips the ping: with sqlx's default, every statement cost two
/// round trips.
const PING_AFTER_IDLE: Duration = Duration::from_secs(1);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn as_str(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

/// The connection pool. Cheap to clone.
#[derive(Clone)]
pub struct Database {
    conn: DatabaseConnection,
    /// Where searches read (see `reads`): on SQLite a pool of read-only connections with
    /// larger caches; on PostgreSQL the same pool as `conn`.
    reads: DatabaseConnection,
    pool: Pool,
    /// What time rows are stamped with and deadlines judged by: the system clock unless
    /// `with_clock` swapped it.
    clock: Arc<dyn Clock>,
    /// Who hears of changed accounts (see `account_watch`).
    accounts: Arc<AccountWatch>,
}

#[derive(Clone)]
enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Pool occupancy, for metrics.
#[derive(Debug, Clone, Copy)]
pub struct PoolStats {
    pub size: u32,
    pub idle: u32,
    pub max: u32,
}

impl Database {
    /// Opens `url` (`sqlite://PATH` or `postgres://…`). For SQLite the file and its folder
    /// are created when missing, and WAL, a busy timeout and foreign keys are switched on;
    /// commits are synced to disk before they return (`synchronous=FULL`) unless the URL
    /// asks for `?synchronous=normal`.
    pub async fn connect(url: &str, max_connections: u32) -> Result<Self, StoreError> {
        let connect_err = |e: sqlx::Error| StoreError::Connect {
            url: redact(url),
            reason: e.to_string(),
        };
        if let Some(path) = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
        {
            let (path, query) = path.split_once('?').unwrap_or((path, ""));
            let synchronous = sqlite_synchronous(query).map_err(|reason| StoreError::Connect {
                url: redact(url),
                reason,
            })?;
            if let Some(dir) = Path::new(path)
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
            {
                std::fs::create_dir_all(dir).map_err(|e| StoreError::Connect {
                    url: url.to_owned(),
                    reason: format!("cannot create folder {}: {e}", dir.display()),
                })?;
            }
            let options = SqliteConnectOptions::new()
                .filename(path)
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(synchronous)
                .busy_timeout(SQLITE_BUSY_TIMEOUT)
                .foreign_keys(true);
            let pool = pool_options(max_connections)
                .after_release(|conn, _| Box::pin(sqlite_connection_is_clean(conn)))
                .connect_with(options.clone())
                .await
                .map_err(connect_err)?;
            // Opened lazily, after the writers made the file and its WAL index. Each read
            // connection keeps its own page cache (the bundled SQLite is built without the
            // shared one's global lock: .cargo/config.toml).
            let reads = pool_options(sqlite_readers().min(max_connections.max(1)))
                .connect_lazy_with(
                    options
                        .read_only(true)
                        .create_if_missing(false)
                        .pragma("cache_size", SQLITE_READER_CACHE),
                );
            Ok(Self {
                reads: SqlxSqliteConnector::from_sqlx_sqlite_pool(reads),
                conn: SqlxSqliteConnector::from_sqlx_sqlite_pool(pool.clone()),
                pool: Pool::Sqlite(pool),
                clock: Arc::new(SystemClock),
                accounts: Arc::default(),
            })
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let options = PgConnectOptions::from_str(url).map_err(connect_err)?;
            let pool = pool_options(max_connections)
                .connect_with(options)
                .await
                .map_err(connect_err)?;
            Ok(Self {
                reads: SqlxPostgresConnector::from_sqlx_postgres_pool(pool.clone()),
                conn: SqlxPostgresConnector::from_sqlx_postgres_pool(pool.clone()),
                pool: Pool::Postgres(pool),
                clock: Arc::new(SystemClock),
                accounts: Arc::default(),
            })
        } else {
            Err(StoreError::UnsupportedUrl(redact(url)))
        }
    }

    /// The same database, read and stamped by `clock` from now on (every clone taken
    /// afterwards shares it).
    #[must_use]
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// The clock this database goes by, for use cases that judge time themselves.
    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
    }

    /// A new record id, made now by this database's clock (see `ids`).
    pub fn new_id(&self) -> uuid::Uuid {
        crate::ids::at(self.clock.now())
    }

    /// Now, as the entity columns hold it (chrono is sea-orm's edge type).
    pub(crate) fn now(&self) -> DateTime<Utc> {
        to_chrono(self.clock.now())
    }

    pub fn backend(&self) -> Backend {
        match self.pool {
            Pool::Sqlite(_) => Backend::Sqlite,
            Pool::Postgres(_) => Backend::Postgres,
        }
    }

    pub(crate) fn conn(&self) -> &DatabaseConnection {
        &self.conn
    }

    /// For read-only statements that read much (directory searches): on SQLite they then
    /// never wait for a connection a writer holds, and find their pages in larger caches.
    /// Such a read sees what was committed before it began, like any other.
    pub(crate) fn reads(&self) -> &DatabaseConnection {
        &self.reads
    }

    /// Calls `listener` with an account's id after each committed change to its account
    /// row, roles, logins or unread notifications, to a booking it takes part in, to its
    /// calendar feed or its answers to the recommendation question, made through any clone of this database
    /// in this process. Changes made elsewhere are the listener's to hear of otherwise.
    pub fn on_account_change(
        &self,
        listener: impl Fn(uuid::Uuid) -> futures::future::BoxFuture<'static, ()> + Send + Sync + 'static,
    ) {
        self.accounts.listen(Arc::new(listener));
    }

    /// Announces that `account` changed (after its write is committed).
    pub(crate) async fn account_changed(&self, account: uuid::Uuid) {
        self.accounts.changed(account).await;
    }

    /// A transaction that will write. On SQLite it takes the write lock at `BEGIN`
    /// (`BEGIN IMMEDIATE`), waiting up to the busy timeout for it: a deferred transaction
    /// that reads first and then writes fails at once with "database is locked" when
    /// another connection wrote in between, because SQLite cannot upgrade a stale read
    /// snapshot. PostgreSQL begins as usual.
    pub(crate) async fn begin_write(&self) -> Result<DatabaseTransaction, StoreError> {
        let options = TransactionOptions {
            sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
            ..Default::default()
        };
        Ok(self.conn.begin_with_options(options).await?)
    }

    /// A round trip to the database.
    pub async fn ping(&self) -> Result<(), StoreError> {
        Ok(self.conn.ping().await?)
    }

    pub fn pool_stats(&self) -> PoolStats {
        let (size, idle, max) = match &self.pool {
            Pool::Sqlite(p) => (p.size(), p.num_idle(), p.options().get_max_connections()),
            Pool::Postgres(p) => (p.size(), p.num_idle(), p.options().get_max_connections()),
        };
        PoolStats {
            size,
            idle: u32::try_from(idle).unwrap_or(u32::MAX),
            max,
        }
    }

    /// Closes every connection; SQLite checkpoints its WAL on the last close.
    pub async fn close(&self) {
        match &self.pool {
            Pool::Sqlite(p) => {
                self.reads.get_sqlite_connection_pool().close().await;
                p.close().await;
            }
            Pool::Postgres(p) => p.close().await,
        }
    }
}

/// SQLite's sync mode from the URL's query. FULL by default: with WAL, NORMAL makes a
/// commit survive the process dying but not the machine losing power, and a booking or a
/// payment answered 201 must survive both. NORMAL is for those who measured and accept it.
fn sqlite_synchronous(query: &str) -> Result<SqliteSynchronous, String> {
    let mut mode = SqliteSynchronous::Full;
    for (key, value) in query.split('&').filter_map(|pair| pair.split_once('=')) {
        if key == "synchronous" {
            mode = match value.to_ascii_lowercase().as_str() {
                "full" => SqliteSynchronous::Full,
                "normal" => SqliteSynchronous::Normal,
                _ => return Err(format!("synchronous={value}: use full or normal")),
            };
        }
    }
    Ok(mode)
}

/// Whether a SQLite connection may go back to the pool: only when neither sqlx nor SQLite
/// itself thinks a transaction is open; otherwise it is closed, which rolls back.
///
/// Why: when a write fails for lack of disk space, SQLite may roll the whole transaction
/// back by itself. The ROLLBACK that follows then fails ("no transaction is active"), so
/// sqlx still counts one open transaction on that connection. Its next `begin` becomes a
/// SAVEPOINT that opens a real transaction, and a `ROLLBACK TO` of it leaves that
/// transaction open: the connection holds the write lock for good (every other writer
/// sees "database is locked") and the commits of later requests on it are only
/// savepoint releases, answered as success and lost at the next restart.
async fn sqlite_connection_is_clean(
    conn: &mut sqlx::SqliteConnection,
) -> Result<bool, sqlx::Error> {
    use sqlx::Connection;
    // Locking the handle waits for the worker to run what is queued (a dropped
    // transaction's rollback), so the state read below is the settled one.
    let mut handle = conn.lock_handle().await?;
    let raw = handle.as_raw_handle();
    // SAFETY: `raw` is this connection's open handle, held exclusively through the lock;
    // sqlite3_get_autocommit only reads a flag of it.
    let autocommit = unsafe { libsqlite3_sys::sqlite3_get_autocommit(raw.as_ptr()) } != 0;
    drop(handle);
    let clean = autocommit && !conn.is_in_transaction();
    if !clean {
        tracing::warn!(
            autocommit,
            "closing a SQLite connection left inside a transaction by a failed write"
        );
    }
    Ok(clean)
}

/// Read-only SQLite connections: one per core is all the CPU there is (each has a cache
/// of its own, so more would only hold more memory).
fn sqlite_readers() -> u32 {
    std::thread::available_parallelism()
        .map_or(2, |n| u32::try_from(n.get()).unwrap_or(8))
        .clamp(2, 8)
}

/// Pool settings shared by both backends.
fn pool_options<DB: sqlx::Database>(max_connections: u32) -> PoolOptions<DB> {
    PoolOptions::new()
        .max_connections(max_connections)
        .acquire_timeout(ACQUIRE_TIMEOUT)
        .test_before_acquire(false)
        .before_acquire(|conn, meta| {
            Box::pin(async move {
                if meta.idle_for >= PING_AFTER_IDLE {
                    sqlx::Connection::ping(conn).await?;
                }
                Ok(true)
            })
        })
}

/// The URL without its password, for messages and logs.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let userinfo = &url[scheme_end + 3..at];
            match userinfo.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn sqlite_searches_read_through_read_only_connections_with_their_own_caches()
    -> Result<(), Box<dyn std::error::Error>> {
        use sea_orm::ConnectionTrait;
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("m.db");
        let db = Database::connect(&format!("sqlite://{}", path.display()), 8).await?;
        db.conn()
            .execute_unprepared("CREATE TABLE t (x INTEGER)")
            .await?;
        let reads = db.reads().get_sqlite_connection_pool();
        let cache: i64 = sqlx::query_scalar("PRAGMA cache_size")
            .fetch_one(reads)
            .await?;
        assert_eq!(cache, -16384);
        let refused = sqlx::query("INSERT INTO t VALUES (1)").execute(reads).await;
        assert!(refused.is_err(), "read connections cannot write");
        // .cargo/config.toml builds SQLite without the process-wide page-cache lock.
        let options: Vec<String> = sqlx::query_scalar("PRAGMA compile_options")
            .fetch_all(reads)
            .await?;
        assert!(options.iter().any(|o| o == "ENABLE_FTS5"), "{options:?}");
        assert!(
            !options.iter().any(|o| o == "ENABLE_MEMORY_MANAGEMENT"),
            "{options:?}"
        );
        db.close().await;
        Ok(())
    }

    #[tokio::test]
    async fn sqlite_runs_with_wal_busy_timeout_and_foreign_keys()
    -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("nested/folder/m.db");
        let db = Database::connect(&format!("sqlite://{}", path.display()), 2).await?;
        assert!(path.exists(), "file and folders are created");
        let Pool::Sqlite(pool) = &db.pool else {
            return Err("expected a SQLite pool".into());
        };
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(pool)
            .await?;
        let busy: i64 = sqlx::query_scalar("PRAGMA busy_timeout")
            .fetch_one(pool)
            .await?;
        let fks: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
            .fetch_one(pool)
            .await?;
        let synchronous: i64 = sqlx::query_scalar("PRAGMA synchronous")
            .fetch_one(pool)
            .await?;
        assert_eq!(
            (mode.as_str(), busy, fks, synchronous),
            ("wal", 5000, 1, 2),
            "commits synced to disk (FULL) by default"
        );
        db.close().await;
        let url = format!("sqlite://{}?synchronous=normal", path.display());
        let db = Database::connect(&url, 1).await?;
        let Pool::Sqlite(pool) = &db.pool else {
            return Err("expected a SQLite pool".into());
        };
        let synchronous: i64 = sqlx::query_scalar("PRAGMA synchronous")
            .fetch_one(pool)
            .await?;
        assert_eq!(synchronous, 1, "NORMAL when the URL asks for it");
        db.close().await;
        let refused = Database::connect(&format!("sqlite://{}?synchronous=off", path.display()), 1)
            .await
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(refused.contains("use full or normal"), "{refused}");
        Ok(())
    }

    #[tokio::test]
    async fn other_schemes_are_refused_with_the_password_hidden() {
        let err = Database::connect("mysql://u:pw@h/db", 1).await.err();
        let text = err.map(|e| e.to_string()).unwrap_or_default();
        assert!(
            text.contains("mysql://u:***@h/db") && !text.contains("pw"),
            "{text}"
        );
    }

    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(
            redact("postgres://app:s3cret@db:5432/mentora"),
            "postgres://app:***@db:5432/mentora"
        );
        assert_eq!(redact("postgres://app@db/m"), "postgres://app@db/m");
        assert_eq!(redact("sqlite://data/m.db"), "sqlite://data/m.db");
    }
}
