//! The test-mode sandbox's simulated time: how far it runs ahead of the real time, in
//! whole seconds (one row, shared by every instance).

use jiff::SignedDuration;
use sea_orm::{ConnectionTrait, FromQueryResult};

use crate::audit::NewAuditEvent;
use crate::sql::statement;
use crate::{Backend, Database, StoreError};

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

/// A move of the simulated time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shift {
    /// On by this much.
    By(SignedDuration),
    /// On to this offset.
    To(SignedDuration),
}

/// What became of a move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shifted {
    /// Stored: the new offset, and how far it moved.
    Moved {
        offset: SignedDuration,
        by: SignedDuration,
    },
    /// It would not move the time forward from the offset stored now.
    NotForward,
    /// It would take the offset past the limit.
    PastLimit,
}

/// Moves the stored offset, judged against the offset stored at that moment (another
/// instance may have just moved it): never back, never past `limit`. `audit(by, offset)`
/// is recorded in the same transaction, so a move is never stored unrecorded.
///
/// Job leases are judged by the simulated time too, so a jump past a lease lets the job
/// be claimed again: that is how a QA pass skips the wait for a dead worker's jobs (see
/// `jobs::every_job_takes_effect_once_across_a_sigkill`); a job still running at that
/// moment may run twice, which its handler makes harmless (every handler is idempotent).
pub async fn shift<'a>(
    db: &Database,
    shift: Shift,
    limit: SignedDuration,
    audit: impl FnOnce(SignedDuration, SignedDuration) -> NewAuditEvent<'a>,
) -> Result<Shifted, StoreError> {
    #[derive(FromQueryResult)]
    struct Row {
        offset_seconds: i64,
    }
    let txn = db.begin_write().await?;
    txn.execute_raw(statement(
        db.backend(),
        "INSERT INTO test_clock (id, offset_seconds) VALUES (1, 0) ON CONFLICT (id) DO NOTHING",
        Vec::new(),
    ))
    .await?;
    // SQLite's write lock is already held (`begin_write`); PostgreSQL locks the row.
    let lock = match db.backend() {
        Backend::Postgres => " FOR UPDATE",
        Backend::Sqlite => "",
    };
    let current = Row::find_by_statement(statement(
        db.backend(),
        &format!("SELECT offset_seconds FROM test_clock WHERE id = 1{lock}"),
        Vec::new(),
    ))
    .one(&txn)
    .await?
    .map_or(0, |r| r.offset_seconds);
    let current = SignedDuration::from_secs(current);
    let offset = match shift {
        Shift::By(by) => current.saturating_add(by),
        Shift::To(to) => to,
    };
    if offset <= current {
        return Ok(Shifted::NotForward);
    }
    if offset > limit {
        return Ok(Shifted::PastLimit);
    }
    let by = offset - current;
    txn.execute_raw(statement(
        db.backend(),
        "UPDATE test_clock SET offset_seconds = $1 WHERE id = 1",
        vec![offset.as_secs().into()],
    ))
    .await?;
    crate::audit::record_in(db, &txn, audit(by, offset)).await?;
    txn.commit().await?;
    Ok(Shifted::Moved { offset, by })
}
