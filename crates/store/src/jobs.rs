//! The durable job queue: one table, written through the store on both backends.
//!
//! - **Enqueue** with [`enqueue_in`] inside the transaction of the change that causes the
//!   job (both commit or neither), or [`enqueue`] on its own. A unique key makes a second
//!   enqueue of the same work a no-op (`ON CONFLICT DO NOTHING`), also after it ran.
//! - **Claim** is one conditional `UPDATE … RETURNING`: the due job with the earliest
//!   `run_at` becomes `running`, leased to one worker until `locked_until`. On PostgreSQL
//!   the inner `SELECT … FOR UPDATE SKIP LOCKED` lets concurrent workers pass over rows
//!   another claim holds; on SQLite the statement is its own write transaction, taken
//!   with the database's single write lock (what `BEGIN IMMEDIATE` would take), so two
//!   claims never see the same row as free.
//! - A `running` job whose lease ran out (its worker died) is due again.
//! - **Finish** only under the lease that claimed it: a worker that lost its lease (it
//!   ran too long and another took over) cannot overwrite the newer outcome.
//!
//! Instants are stored as whole Unix seconds, like the bookings the jobs act on.

use jiff::{SignedDuration, Timestamp};
use sea_orm::{ConnectionTrait, DatabaseTransaction, FromQueryResult, QueryResult, Value};
use uuid::Uuid;

use crate::audit::NewAuditEvent;
use crate::instant::{from_seconds, secs};
use crate::sql::statement;
use crate::{Backend, Database, StoreError};

/// Where a job stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JobStatus {
    /// Waiting for its `run_at`.
    Queued,
    /// Claimed by a worker until its lease runs out.
    Running,
    /// Failed an attempt; runs again at `run_at`.
    Failed,
    /// Ran to the end.
    Succeeded,
    /// Failed its last attempt, or an operator discarded it: it will not run again
    /// unless an operator retries it.
    Dead,
}

impl JobStatus {
    pub const ALL: [Self; 5] = [
        Self::Queued,
        Self::Running,
        Self::Failed,
        Self::Succeeded,
        Self::Dead,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Queued => "queued",
            Self::Running => "running",
            Self::Failed => "failed",
            Self::Succeeded => "succeeded",
            Self::Dead => "dead",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

/// A job to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewJob {
    pub kind: String,
    /// JSON the job's handler reads.
    pub payload: String,
    /// The same key enqueued twice is one job.
    pub unique_key: Option<String>,
    pub run_at: Timestamp,
    pub max_attempts: i32,
    /// How long a claim holds it: longer than a run takes, so a live worker never loses
    /// it; once it runs out, a dead worker's job is claimed again.
    pub lease: SignedDuration,
}

/// A job as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    pub id: Uuid,
    pub kind: String,
    pub payload: String,
    pub unique_key: Option<String>,
    pub status: JobStatus,
    pub run_at: Timestamp,
    /// Attempts started so far (a claim counts one).
    pub attempts: i32,
    pub max_attempts: i32,
    pub lease: SignedDuration,
    pub last_error: Option<String>,
    /// The worker holding the lease, while running.
    pub locked_by: Option<String>,
    pub locked_until: Option<Timestamp>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub finished_at: Option<Timestamp>,
}

impl FromQueryResult for Job {
    fn from_query_result(res: &QueryResult, pre: &str) -> Result<Self, sea_orm::DbErr> {
        let status: String = res.try_get(pre, "status")?;
        let at = |column: &str| -> Result<Timestamp, sea_orm::DbErr> {
            Ok(from_seconds(res.try_get(pre, column)?))
        };
        let maybe = |column: &str| -> Result<Option<Timestamp>, sea_orm::DbErr> {
            Ok(res.try_get::<Option<i64>>(pre, column)?.map(from_seconds))
        };
        Ok(Self {
            id: res.try_get(pre, "id")?,
            kind: res.try_get(pre, "kind")?,
            payload: res.try_get(pre, "payload")?,
            unique_key: res.try_get(pre, "unique_key")?,
            status: JobStatus::parse(&status)
                .ok_or_else(|| sea_orm::DbErr::Type(format!("job status {status:?}")))?,
            run_at: at("run_at")?,
            attempts: res.try_get(pre, "attempts")?,
            max_attempts: res.try_get(pre, "max_attempts")?,
            lease: SignedDuration::from_secs(i64::from(res.try_get::<i32>(pre, "lease_seconds")?)),
            last_error: res.try_get(pre, "last_error")?,
            locked_by: res.try_get(pre, "locked_by")?,
            locked_until: maybe("locked_until")?,
            created_at: at("created_at")?,
            updated_at: at("updated_at")?,
            finished_at: maybe("finished_at")?,
        })
    }
}

const COLUMNS: &str = "id, kind, payload, unique_key, status, run_at, attempts, max_attempts, \
    lease_seconds, last_error, locked_by, locked_until, created_at, updated_at, finished_at";

/// Errors kept on a job are cut to this many characters.
const ERROR_MAX_CHARS: usize = 2000;

fn insert_sql(backend: Backend, db: &Database, job: &NewJob) -> sea_orm::Statement {
    let now = db.clock().now();
    statement(
        backend,
        &format!(
            "INSERT INTO jobs ({COLUMNS}) VALUES ($1, $2, $3, $4, 'queued', $5, 0, $6, $8, \
             NULL, NULL, NULL, $7, $7, NULL) ON CONFLICT (unique_key) DO NOTHING"
        ),
        vec![
            db.new_id().into(),
            job.kind.clone().into(),
            job.payload.clone().into(),
            job.unique_key.clone().into(),
            secs(job.run_at),
            job.max_attempts.into(),
            secs(now),
            i32::try_from(job.lease.as_secs())
                .unwrap_or(i32::MAX)
                .into(),
        ],
    )
}

/// Adds `job` inside `txn`, so it commits with the change that caused it. False when a
/// job with its unique key exists already.
pub async fn enqueue_in(
    db: &Database,
    txn: &DatabaseTransaction,
    job: &NewJob,
) -> Result<bool, StoreError> {
    let added = txn
        .execute_raw(insert_sql(db.backend(), db, job))
        .await?
        .rows_affected();
    Ok(added == 1)
}

/// Adds `job` on its own. False when a job with its unique key exists already.
pub async fn enqueue(db: &Database, job: &NewJob) -> Result<bool, StoreError> {
    let added = db
        .conn()
        .execute_raw(insert_sql(db.backend(), db, job))
        .await?
        .rows_affected();
    Ok(added == 1)
}

/// Takes the next due job of one of `kinds` for `worker`, leased for its kind's lease;
/// None when nothing is due. Kinds this build does not know stay on the queue for an
/// instance that does (a rolling deploy). A job whose worker died during its last attempt
/// is marked dead here rather than claimed again.
pub async fn claim(db: &Database, worker: &str, kinds: &[&str]) -> Result<Option<Job>, StoreError> {
    if kinds.is_empty() {
        return Ok(None);
    }
    let now = db.clock().now();
    // The lease counts from the next whole second, so it is never shorter than asked.
    let from = now.as_second() + 1;
    let placeholders = |first: usize| -> String {
        (0..kinds.len())
            .map(|i| format!("${}", i + first))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let kind_values = || kinds.iter().map(|k| Value::from(*k));
    let mut values: Vec<Value> = vec![secs(now)];
    values.extend(kind_values());
    // Look before writing: an idle worker only reads, so on SQLite it never takes the
    // write lock (which a request's transaction may be about to need) for nothing.
    #[derive(FromQueryResult)]
    struct Due {
        #[allow(dead_code)]
        id: Uuid,
    }
    let due = Due::find_by_statement(statement(
        db.backend(),
        &format!(
            "SELECT id FROM jobs WHERE kind IN ({}) AND ((status IN ('queued', 'failed') \
             AND run_at <= $1) OR (status = 'running' AND locked_until <= $1)) LIMIT 1",
            placeholders(2)
        ),
        values.clone(),
    ))
    .one(db.conn())
    .await?;
    if due.is_none() {
        return Ok(None);
    }
    db.conn()
        .execute_raw(statement(
            db.backend(),
            &format!(
                "UPDATE jobs SET status = 'dead', finished_at = $1, updated_at = $1, \
                 locked_by = NULL, locked_until = NULL, \
                 last_error = 'its worker stopped during its last attempt' \
                 WHERE status = 'running' AND locked_until <= $1 AND attempts >= max_attempts \
                 AND kind IN ({})",
                placeholders(2)
            ),
            values,
        ))
        .await?;
    let kind_list = placeholders(4);
    let mut values: Vec<Value> = vec![worker.into(), secs(now), from.into()];
    values.extend(kind_values());
    let skip_locked = match db.backend() {
        Backend::Postgres => " FOR UPDATE SKIP LOCKED",
        Backend::Sqlite => "",
    };
    let sql = format!(
        "UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = $1, \
         locked_until = $3 + lease_seconds, updated_at = $2 \
         WHERE id = (SELECT id FROM jobs \
           WHERE kind IN ({kind_list}) AND ((status IN ('queued', 'failed') AND run_at <= $2) \
              OR (status = 'running' AND locked_until <= $2)) \
           ORDER BY run_at, id LIMIT 1{skip_locked}) \
         RETURNING {COLUMNS}"
    );
    Ok(
        Job::find_by_statement(statement(db.backend(), &sql, values))
            .one(db.conn())
            .await?,
    )
}

/// Records that `job` ran to the end. False when its lease was lost meanwhile.
pub async fn succeed(db: &Database, job: &Job) -> Result<bool, StoreError> {
    let now = secs(db.clock().now());
    finish(
        db,
        job,
        "status = 'succeeded', finished_at = $1, locked_by = NULL, locked_until = NULL, \
         updated_at = $1",
        vec![now],
    )
    .await
}

/// Records a failed attempt: the job runs again at `retry_at`, or is dead when this was
/// its last attempt (`retry_at` None). False when its lease was lost meanwhile.
pub async fn fail(
    db: &Database,
    job: &Job,
    error: &str,
    retry_at: Option<Timestamp>,
) -> Result<bool, StoreError> {
    let now = db.clock().now();
    let error: String = error.chars().take(ERROR_MAX_CHARS).collect();
    let (set, values) = match retry_at {
        Some(at) => (
            "status = 'failed', run_at = $2, last_error = $3, locked_by = NULL, \
             locked_until = NULL, updated_at = $1",
            vec![secs(now), secs(at), error.into()],
        ),
        None => (
            "status = 'dead', finished_at = $1, last_error = $3, locked_by = NULL, \
             locked_until = NULL, updated_at = $1, run_at = $2",
            vec![secs(now), secs(job.run_at), error.into()],
        ),
    };
    finish(db, job, set, values).await
}

/// Applies `set` to the job if this worker still holds its lease (same worker, same
/// attempt). Placeholders `$1…$n` of `set` are `values`.
async fn finish(
    db: &Database,
    job: &Job,
    set: &str,
    mut values: Vec<Value>,
) -> Result<bool, StoreError> {
    let n = values.len();
    values.push(job.id.into());
    values.push(job.locked_by.clone().into());
    values.push(job.attempts.into());
    let sql = format!(
        "UPDATE jobs SET {set} WHERE id = ${} AND status = 'running' AND locked_by = ${} \
         AND attempts = ${}",
        n + 1,
        n + 2,
        n + 3
    );
    let changed = db
        .conn()
        .execute_raw(statement(db.backend(), &sql, values))
        .await?
        .rows_affected();
    Ok(changed == 1)
}

/// Makes a failed or dead job due now with its attempts reset (an operator's retry).
/// False when it is not failed or dead.
pub async fn retry(db: &Database, id: Uuid, audit: NewAuditEvent<'_>) -> Result<bool, StoreError> {
    let now = secs(db.clock().now());
    operator_change(
        db,
        "UPDATE jobs SET status = 'queued', run_at = $1, attempts = 0, finished_at = NULL, \
         updated_at = $1 WHERE id = $2 AND status IN ('failed', 'dead')",
        vec![now, id.into()],
        audit,
    )
    .await
}

/// Gives up on a queued or failed job (an operator's discard): it becomes dead. False
/// when it is running or finished.
pub async fn discard(
    db: &Database,
    id: Uuid,
    reason: &str,
    audit: NewAuditEvent<'_>,
) -> Result<bool, StoreError> {
    let now = secs(db.clock().now());
    operator_change(
        db,
        "UPDATE jobs SET status = 'dead', finished_at = $1, updated_at = $1, \
         last_error = $2 WHERE id = $3 AND status IN ('queued', 'failed')",
        vec![now, reason.into(), id.into()],
        audit,
    )
    .await
}

/// An operator's change to one job and its audit row, committed together; nothing is
/// recorded when the job's state did not allow the change.
async fn operator_change(
    db: &Database,
    sql: &str,
    values: Vec<Value>,
    audit: NewAuditEvent<'_>,
) -> Result<bool, StoreError> {
    let txn = db.begin_write().await?;
    let changed = txn
        .execute_raw(statement(db.backend(), sql, values))
        .await?
        .rows_affected()
        == 1;
    if changed {
        crate::audit::record_in(db, &txn, audit).await?;
    }
    txn.commit().await?;
    Ok(changed)
}

pub async fn find(db: &Database, id: Uuid) -> Result<Option<Job>, StoreError> {
    Ok(Job::find_by_statement(statement(
        db.backend(),
        &format!("SELECT {COLUMNS} FROM jobs WHERE id = $1"),
        vec![id.into()],
    ))
    .one(db.conn())
    .await?)
}

/// Jobs in `statuses`, most recently changed first, at most `limit`.
pub async fn list(
    db: &Database,
    statuses: &[JobStatus],
    limit: u64,
) -> Result<Vec<Job>, StoreError> {
    if statuses.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (0..statuses.len()).map(|i| format!("${}", i + 2)).collect();
    let mut values: Vec<Value> = vec![i64::try_from(limit).unwrap_or(i64::MAX).into()];
    values.extend(statuses.iter().map(|s| Value::from(s.as_str())));
    Ok(Job::find_by_statement(statement(
        db.backend(),
        &format!(
            "SELECT {COLUMNS} FROM jobs WHERE status IN ({}) ORDER BY updated_at DESC, id DESC \
             LIMIT $1",
            placeholders.join(", ")
        ),
        values,
    ))
    .all(db.conn())
    .await?)
}

/// How many jobs of one kind are in one state, and the earliest `run_at` among them:
/// queue depth and age, for metrics and the admin page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Depth {
    pub kind: String,
    pub status: JobStatus,
    pub count: i64,
    pub oldest_run_at: Timestamp,
}

/// Depth of every kind in every unfinished state (and dead, which waits for an operator).
pub async fn depth(db: &Database) -> Result<Vec<Depth>, StoreError> {
    #[derive(FromQueryResult)]
    struct Row {
        kind: String,
        status: String,
        n: i64,
        oldest_run_at: i64,
    }
    let rows = Row::find_by_statement(statement(
        db.backend(),
        "SELECT kind, status, COUNT(*) AS n, MIN(run_at) AS oldest_run_at FROM jobs \
         WHERE status IN ('queued', 'failed', 'running', 'dead') GROUP BY kind, status \
         ORDER BY kind, status",
        Vec::new(),
    ))
    .all(db.conn())
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(Depth {
                status: JobStatus::parse(&r.status)?,
                kind: r.kind,
                count: r.n,
                oldest_run_at: from_seconds(r.oldest_run_at),
            })
        })
        .collect())
}

/// Deletes dead jobs of `kinds` that finished before `before` (periodic kinds, whose later
/// periods ran in their place).
pub async fn forget_dead(
    db: &Database,
    before: Timestamp,
    kinds: &[&str],
) -> Result<u64, StoreError> {
    if kinds.is_empty() {
        return Ok(0);
    }
    let placeholders: Vec<String> = (0..kinds.len()).map(|i| format!("${}", i + 2)).collect();
    let mut values: Vec<Value> = vec![secs(before)];
    values.extend(kinds.iter().map(|k| Value::from(*k)));
    Ok(db
        .conn()
        .execute_raw(statement(
            db.backend(),
            &format!(
                "DELETE FROM jobs WHERE status = 'dead' AND finished_at < $1 AND kind IN ({})",
                placeholders.join(", ")
            ),
            values,
        ))
        .await?
        .rows_affected())
}

/// Deletes succeeded jobs that finished before `before` (their keys may be used again).
pub async fn forget_succeeded(db: &Database, before: Timestamp) -> Result<u64, StoreError> {
    Ok(db
        .conn()
        .execute_raw(statement(
            db.backend(),
            "DELETE FROM jobs WHERE status = 'succeeded' AND finished_at < $1",
            vec![secs(before)],
        ))
        .await?
        .rows_affected())
}
