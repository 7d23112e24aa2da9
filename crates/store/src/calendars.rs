//! Outside calendar connections, their calendars and the session events written to them.
//! Busy times read from a calendar are kept with the other busy times
//! (`availability::replace_busy_times`) under the source [`busy_source`].

use jiff::Timestamp;
use sea_orm::{ConnectionTrait, FromQueryResult, Value};
use uuid::Uuid;

use crate::instant::secs;
use crate::sql::statement;
use crate::{Database, StoreError};

/// The busy-time source a calendar's busy times are kept under.
pub fn busy_source(calendar: Uuid) -> String {
    format!("calendar:{calendar}")
}

/// A connection as stored (its secret still sealed).
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct Connection {
    pub id: Uuid,
    pub user_id: Uuid,
    /// `caldav` or `ics`.
    pub kind: String,
    pub address: String,
    pub username: String,
    pub secret_sealed: Option<String>,
    /// While failing: keep taking bookings ("calendar not checked") rather than pause.
    pub keep_booking: bool,
    /// Put the learner's name in session events.
    pub share_names: bool,
    pub error_code: Option<String>,
    pub error_detail: Option<String>,
    pub failures: i32,
    pub last_sync_at: Option<i64>,
    pub last_success_at: Option<i64>,
    pub next_sync_at: i64,
    pub notified_at: Option<i64>,
    pub created_at: i64,
}

/// One calendar of a connection.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct Calendar {
    pub id: Uuid,
    pub connection_id: Uuid,
    pub remote_url: String,
    pub name: String,
    pub blocks: bool,
    pub receives: bool,
    pub sync_state: Option<String>,
    pub busy_count: i32,
    /// Whether events may be written to it (a calendar shared read-only may not
    /// receive sessions).
    pub writable: bool,
}

const CONNECTION_COLUMNS: &str = "id, user_id, kind, address, username, secret_sealed, \
     keep_booking, share_names, error_code, error_detail, failures, last_sync_at, \
     last_success_at, next_sync_at, notified_at, created_at";

const CALENDAR_COLUMNS: &str =
    "id, connection_id, remote_url, name, blocks, receives, sync_state, busy_count, writable";

/// The calendars of connection `connection` when it is `user`'s (none otherwise), read
/// in the caller's transaction.
async fn owned_calendars<C: ConnectionTrait>(
    db: &Database,
    conn: &C,
    user: Uuid,
    connection: Uuid,
) -> Result<Vec<Calendar>, StoreError> {
    Ok(Calendar::find_by_statement(statement(
        db.backend(),
        "SELECT c.id, c.connection_id, c.remote_url, c.name, c.blocks, c.receives, \
         c.sync_state, c.busy_count, c.writable FROM calendar_calendars c JOIN calendar_connections k \
         ON k.id = c.connection_id WHERE k.id = $1 AND k.user_id = $2",
        vec![connection.into(), user.into()],
    ))
    .all(conn)
    .await?)
}

/// `calendar` with its connection (None when there is no calendar, or the connection
/// went meanwhile).
async fn with_connection(
    db: &Database,
    calendar: Option<Calendar>,
) -> Result<Option<(Calendar, Connection)>, StoreError> {
    let Some(calendar) = calendar else {
        return Ok(None);
    };
    Ok(connection(db, calendar.connection_id)
        .await?
        .map(|k| (calendar, k)))
}

/// Stores a new connection with its first calendars (`(url, name)`; the first blocks
/// time, as every calendar does until the expert says otherwise).
pub async fn insert(
    db: &Database,
    connection: &Connection,
    calendars: &[(String, String)],
) -> Result<(), StoreError> {
    let txn = db.begin_write().await?;
    txn.execute_raw(statement(
        db.backend(),
        &format!(
            "INSERT INTO calendar_connections ({CONNECTION_COLUMNS}) VALUES ($1, $2, $3, $4, \
             $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)"
        ),
        vec![
            connection.id.into(),
            connection.user_id.into(),
            connection.kind.clone().into(),
            connection.address.clone().into(),
            connection.username.clone().into(),
            connection.secret_sealed.clone().into(),
            connection.keep_booking.into(),
            connection.share_names.into(),
            connection.error_code.clone().into(),
            connection.error_detail.clone().into(),
            connection.failures.into(),
            connection.last_sync_at.into(),
            connection.last_success_at.into(),
            connection.next_sync_at.into(),
            connection.notified_at.into(),
            connection.created_at.into(),
        ],
    ))
    .await?;
    for (url, name) in calendars {
        txn.execute_raw(statement(
            db.backend(),
            "INSERT INTO calendar_calendars (id, connection_id, remote_url, name, blocks, \
             receives) VALUES ($1, $2, $3, $4, $5, $6)",
            vec![
                db.new_id().into(),
                connection.id.into(),
                url.clone().into(),
                name.clone().into(),
                true.into(),
                false.into(),
            ],
        ))
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

/// The user's connections, oldest first.
pub async fn connections_of(db: &Database, user: Uuid) -> Result<Vec<Connection>, StoreError> {
    Ok(Connection::find_by_statement(statement(
        db.backend(),
        &format!(
            "SELECT {CONNECTION_COLUMNS} FROM calendar_connections WHERE user_id = $1 \
             ORDER BY created_at, id"
        ),
        vec![user.into()],
    ))
    .all(db.conn())
    .await?)
}

/// One connection.
pub async fn connection(db: &Database, id: Uuid) -> Result<Option<Connection>, StoreError> {
    Ok(Connection::find_by_statement(statement(
        db.backend(),
        &format!("SELECT {CONNECTION_COLUMNS} FROM calendar_connections WHERE id = $1"),
        vec![id.into()],
    ))
    .one(db.conn())
    .await?)
}

/// The calendars of a connection, by name.
pub async fn calendars_of(db: &Database, connection: Uuid) -> Result<Vec<Calendar>, StoreError> {
    Ok(Calendar::find_by_statement(statement(
        db.backend(),
        &format!(
            "SELECT {CALENDAR_COLUMNS} FROM calendar_calendars WHERE connection_id = $1 \
             ORDER BY name, id"
        ),
        vec![connection.into()],
    ))
    .all(db.conn())
    .await?)
}

/// Removes the user's connection `id` with its calendars, their busy times and their
/// event records. False when there is no such connection of theirs.
pub async fn delete(db: &Database, user: Uuid, id: Uuid) -> Result<bool, StoreError> {
    let txn = db.begin_write().await?;
    let calendars = owned_calendars(db, &txn, user, id).await?;
    // The connection (and its calendars) first, then their busy times: the same order a
    // sync writes in (`replace_busy`), so the two never wait on each other in a circle.
    let removed = txn
        .execute_raw(statement(
            db.backend(),
            "DELETE FROM calendar_connections WHERE id = $1 AND user_id = $2",
            vec![id.into(), user.into()],
        ))
        .await?
        .rows_affected();
    for calendar in &calendars {
        txn.execute_raw(statement(
            db.backend(),
            "DELETE FROM expert_busy_times WHERE user_id = $1 AND source = $2",
            vec![user.into(), busy_source(calendar.id).into()],
        ))
        .await?;
    }
    txn.commit().await?;
    Ok(removed > 0)
}

/// Sets which of the user's calendars block time and which one receives sessions (at
/// most one across all their connections; `None` for none). Calendars not in `blocking`
/// stop blocking and lose their busy times. False when a calendar named is not theirs.
pub async fn choose(
    db: &Database,
    user: Uuid,
    connection: Uuid,
    blocking: &[Uuid],
    receiving: Option<Uuid>,
) -> Result<bool, StoreError> {
    let txn = db.begin_write().await?;
    let owned = owned_calendars(db, &txn, user, connection).await?;
    let mine = |id: &Uuid| owned.iter().any(|c| c.id == *id);
    if owned.is_empty() || !blocking.iter().all(mine) || !receiving.iter().all(mine) {
        return Ok(false);
    }
    if receiving.is_some() {
        // One calendar receives sessions: choosing one here unchooses any other.
        txn.execute_raw(statement(
            db.backend(),
            "UPDATE calendar_calendars SET receives = $1 WHERE connection_id IN \
             (SELECT id FROM calendar_connections WHERE user_id = $2)",
            vec![false.into(), user.into()],
        ))
        .await?;
    }
    for calendar in &owned {
        let blocks = blocking.contains(&calendar.id);
        let receives = receiving == Some(calendar.id);
        txn.execute_raw(statement(
            db.backend(),
            "UPDATE calendar_calendars SET blocks = $1, receives = $2, \
             sync_state = CASE WHEN $1 THEN sync_state ELSE NULL END, \
             busy_count = CASE WHEN $1 THEN busy_count ELSE 0 END WHERE id = $3",
            vec![blocks.into(), receives.into(), calendar.id.into()],
        ))
        .await?;
        if !blocks {
            txn.execute_raw(statement(
                db.backend(),
                "DELETE FROM expert_busy_times WHERE user_id = $1 AND source = $2",
                vec![user.into(), busy_source(calendar.id).into()],
            ))
            .await?;
        }
    }
    txn.commit().await?;
    Ok(true)
}

/// Sets what happens while the connection fails, and whether events name the learner.
pub async fn set_options(
    db: &Database,
    user: Uuid,
    connection: Uuid,
    keep_booking: bool,
    share_names: bool,
) -> Result<bool, StoreError> {
    let result = db
        .conn()
        .execute_raw(statement(
            db.backend(),
            "UPDATE calendar_connections SET keep_booking = $1, share_names = $2 \
             WHERE id = $3 AND user_id = $4",
            vec![
                keep_booking.into(),
                share_names.into(),
                connection.into(),
                user.into(),
            ],
        ))
        .await?;
    Ok(result.rows_affected() > 0)
}

/// Replaces the secret and the sign-in name (a reconnect), and makes it due at once.
pub async fn reconnect(
    db: &Database,
    user: Uuid,
    connection: Uuid,
    username: &str,
    secret_sealed: Option<&str>,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let result = db
        .conn()
        .execute_raw(statement(
            db.backend(),
            "UPDATE calendar_connections SET username = $1, secret_sealed = $2, \
             next_sync_at = $3 WHERE id = $4 AND user_id = $5",
            vec![
                username.into(),
                secret_sealed.map(str::to_owned).into(),
                secs(now),
                connection.into(),
                user.into(),
            ],
        ))
        .await?;
    Ok(result.rows_affected() > 0)
}

/// Adds calendars the server has now that were not known (a calendar made since).
pub async fn add_calendars(
    db: &Database,
    connection: Uuid,
    found: &[(String, String)],
) -> Result<(), StoreError> {
    let known = calendars_of(db, connection).await?;
    for (url, name) in found {
        if known.iter().any(|c| &c.remote_url == url) {
            continue;
        }
        crate::sql::insert_once(
            db.conn(),
            statement(
                db.backend(),
                "INSERT INTO calendar_calendars (id, connection_id, remote_url, name, blocks, \
                 receives) VALUES ($1, $2, $3, $4, $5, $6)",
                vec![
                    db.new_id().into(),
                    connection.into(),
                    url.clone().into(),
                    name.clone().into(),
                    false.into(),
                    false.into(),
                ],
            ),
        )
        .await?;
    }
    Ok(())
}

/// Connections whose next sync is due at `now`, the most overdue first.
pub async fn due(db: &Database, now: Timestamp, limit: u64) -> Result<Vec<Connection>, StoreError> {
    Ok(Connection::find_by_statement(statement(
        db.backend(),
        &format!(
            "SELECT {CONNECTION_COLUMNS} FROM calendar_connections WHERE next_sync_at <= $1 \
             ORDER BY next_sync_at LIMIT $2"
        ),
        vec![
            secs(now),
            Value::BigInt(Some(limit.min(i64::MAX as u64) as i64)),
        ],
    ))
    .all(db.conn())
    .await?)
}

/// Replaces the busy times a calendar reported, with its new sync state, in one
/// transaction, and only while the calendar still exists and blocks time: a sync that
/// ran while the expert disconnected or unticked it writes nothing (false), so no busy
/// time outlives its calendar. The calendar's row is locked first (PostgreSQL), so a
/// disconnect or untick waits for the write or the write sees it.
pub async fn replace_busy(
    db: &Database,
    calendar: Uuid,
    busy: &[(Timestamp, Timestamp)],
    state: Option<&str>,
) -> Result<bool, StoreError> {
    #[derive(FromQueryResult)]
    struct Owner {
        user_id: Uuid,
    }
    let txn = db.begin_write().await?;
    let lock = match db.backend() {
        crate::Backend::Postgres => " FOR NO KEY UPDATE OF c",
        crate::Backend::Sqlite => "",
    };
    let owner = Owner::find_by_statement(statement(
        db.backend(),
        &format!(
            "SELECT k.user_id FROM calendar_calendars c JOIN calendar_connections k \
             ON k.id = c.connection_id WHERE c.id = $1 AND c.blocks = $2{lock}"
        ),
        vec![calendar.into(), true.into()],
    ))
    .one(&txn)
    .await?;
    let Some(owner) = owner else {
        return Ok(false);
    };
    crate::availability::replace_busy_times_in(
        db,
        &txn,
        owner.user_id,
        &busy_source(calendar),
        busy,
    )
    .await?;
    let count = i32::try_from(busy.len()).unwrap_or(i32::MAX);
    txn.execute_raw(statement(
        db.backend(),
        "UPDATE calendar_calendars SET sync_state = $1, busy_count = $2 WHERE id = $3",
        vec![
            state.map(str::to_owned).into(),
            count.into(),
            calendar.into(),
        ],
    ))
    .await?;
    txn.commit().await?;
    Ok(true)
}

/// Records what one calendar's sync found: its new state and how many busy stretches.
pub async fn set_sync_state(
    db: &Database,
    calendar: Uuid,
    state: Option<&str>,
    busy_count: i32,
) -> Result<(), StoreError> {
    db.conn()
        .execute_raw(statement(
            db.backend(),
            "UPDATE calendar_calendars SET sync_state = $1, busy_count = $2 WHERE id = $3",
            vec![
                state.map(str::to_owned).into(),
                busy_count.into(),
                calendar.into(),
            ],
        ))
        .await?;
    Ok(())
}

/// A sync that worked: the error is cleared and the next one scheduled.
pub async fn synced(
    db: &Database,
    connection: Uuid,
    now: Timestamp,
    next: Timestamp,
) -> Result<(), StoreError> {
    db.conn()
        .execute_raw(statement(
            db.backend(),
            "UPDATE calendar_connections SET error_code = NULL, error_detail = NULL, \
             failures = 0, notified_at = NULL, last_sync_at = $1, last_success_at = $1, \
             next_sync_at = $2 WHERE id = $3",
            vec![secs(now), secs(next), connection.into()],
        ))
        .await?;
    Ok(())
}

/// A sync that failed with `code`; returns the connection as it stands now.
pub async fn failed(
    db: &Database,
    connection: Uuid,
    code: &str,
    detail: &str,
    now: Timestamp,
    next: Timestamp,
) -> Result<Option<Connection>, StoreError> {
    db.conn()
        .execute_raw(statement(
            db.backend(),
            "UPDATE calendar_connections SET error_code = $1, error_detail = $2, \
             failures = failures + 1, last_sync_at = $3, next_sync_at = $4 WHERE id = $5",
            vec![
                code.into(),
                detail.chars().take(500).collect::<String>().into(),
                secs(now),
                secs(next),
                connection.into(),
            ],
        ))
        .await?;
    self::connection(db, connection).await
}

/// Marks the expert told of this failure; false when someone else already did (so the
/// email goes once, whichever instance runs the sync).
pub async fn mark_notified(
    db: &Database,
    connection: Uuid,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let result = db
        .conn()
        .execute_raw(statement(
            db.backend(),
            "UPDATE calendar_connections SET notified_at = $1 WHERE id = $2 \
             AND notified_at IS NULL",
            vec![secs(now), connection.into()],
        ))
        .await?;
    Ok(result.rows_affected() > 0)
}

/// The calendar that receives the user's sessions, with its connection.
pub async fn receiving(
    db: &Database,
    user: Uuid,
) -> Result<Option<(Calendar, Connection)>, StoreError> {
    let calendar = Calendar::find_by_statement(statement(
        db.backend(),
        "SELECT c.id, c.connection_id, c.remote_url, c.name, c.blocks, c.receives, \
         c.sync_state, c.busy_count, c.writable FROM calendar_calendars c JOIN calendar_connections k \
         ON k.id = c.connection_id WHERE k.user_id = $1 AND c.receives = $2 LIMIT 1",
        vec![user.into(), true.into()],
    ))
    .one(db.conn())
    .await?;
    with_connection(db, calendar).await
}

/// A calendar with its connection.
pub async fn calendar(
    db: &Database,
    id: Uuid,
) -> Result<Option<(Calendar, Connection)>, StoreError> {
    let calendar = Calendar::find_by_statement(statement(
        db.backend(),
        &format!("SELECT {CALENDAR_COLUMNS} FROM calendar_calendars WHERE id = $1"),
        vec![id.into()],
    ))
    .one(db.conn())
    .await?;
    with_connection(db, calendar).await
}

/// The expert's connections that block time and are failing (with an error code).
pub async fn failing_blockers(db: &Database, user: Uuid) -> Result<Vec<Connection>, StoreError> {
    Ok(Connection::find_by_statement(statement(
        db.backend(),
        &format!(
            "SELECT {CONNECTION_COLUMNS} FROM calendar_connections k WHERE user_id = $1 \
             AND error_code IS NOT NULL AND EXISTS (SELECT 1 FROM calendar_calendars c \
             WHERE c.connection_id = k.id AND c.blocks = $2)"
        ),
        vec![user.into(), true.into()],
    ))
    .all(db.conn())
    .await?)
}

/// The event written for a session series, as recorded.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct SessionEvent {
    pub series_id: Uuid,
    pub calendar_id: Uuid,
    pub remote_url: String,
    pub etag: Option<String>,
    pub start_at: i64,
    pub end_at: i64,
    pub deleted: bool,
}

/// The event of a session series, if one was ever written.
pub async fn session_event(
    db: &Database,
    series: Uuid,
) -> Result<Option<SessionEvent>, StoreError> {
    Ok(SessionEvent::find_by_statement(statement(
        db.backend(),
        "SELECT series_id, calendar_id, remote_url, etag, start_at, end_at, deleted \
         FROM calendar_events WHERE series_id = $1",
        vec![series.into()],
    ))
    .one(db.conn())
    .await?)
}

/// Records the event of a session series as it now stands at the calendar.
pub async fn save_session_event(
    db: &Database,
    event: &SessionEvent,
    now: Timestamp,
) -> Result<(), StoreError> {
    let values = vec![
        event.series_id.into(),
        event.calendar_id.into(),
        event.remote_url.clone().into(),
        event.etag.clone().into(),
        event.start_at.into(),
        event.end_at.into(),
        event.deleted.into(),
        secs(now),
    ];
    db.conn()
        .execute_raw(statement(
            db.backend(),
            "INSERT INTO calendar_events (series_id, calendar_id, remote_url, etag, start_at, \
             end_at, deleted, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             ON CONFLICT (series_id) DO UPDATE SET calendar_id = excluded.calendar_id, \
             remote_url = excluded.remote_url, etag = excluded.etag, \
             start_at = excluded.start_at, end_at = excluded.end_at, \
             deleted = excluded.deleted, updated_at = excluded.updated_at",
            values,
        ))
        .await?;
    Ok(())
}

/// A push channel of a calendar, as stored.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct StoredWatch {
    /// The calendar it tells of.
    pub calendar_id: Uuid,
    /// Its connection.
    pub connection_id: Uuid,
    /// The channel's id (Google's channel, Graph's subscription).
    pub watch_id: String,
    /// Google's resource id.
    pub watch_resource: Option<String>,
    /// Hex SHA-256 of the secret each notification echoes.
    pub watch_secret_hash: String,
    /// When it ends (Unix seconds).
    pub watch_expires_at: i64,
}

const WATCH_COLUMNS: &str = "c.id AS calendar_id, c.connection_id, c.watch_id, c.watch_resource, \
     c.watch_secret_hash, c.watch_expires_at";

/// The push channels of connection `connection`'s calendars.
pub async fn watches_of(db: &Database, connection: Uuid) -> Result<Vec<StoredWatch>, StoreError> {
    Ok(StoredWatch::find_by_statement(statement(
        db.backend(),
        &format!(
            "SELECT {WATCH_COLUMNS} FROM calendar_calendars c WHERE c.connection_id = $1 \
             AND c.watch_id IS NOT NULL"
        ),
        vec![connection.into()],
    ))
    .all(db.conn())
    .await?)
}

/// The calendar a notification on channel `watch_id` is about.
pub async fn watched(db: &Database, watch_id: &str) -> Result<Option<StoredWatch>, StoreError> {
    Ok(StoredWatch::find_by_statement(statement(
        db.backend(),
        &format!("SELECT {WATCH_COLUMNS} FROM calendar_calendars c WHERE c.watch_id = $1"),
        vec![watch_id.into()],
    ))
    .one(db.conn())
    .await?)
}

/// Keeps `watch` as calendar `calendar`'s push channel, or forgets it (`None`).
pub async fn save_watch(
    db: &Database,
    calendar: Uuid,
    watch: Option<&StoredWatch>,
) -> Result<(), StoreError> {
    let values: Vec<Value> = match watch {
        Some(w) => vec![
            w.watch_id.clone().into(),
            w.watch_resource.clone().into(),
            w.watch_secret_hash.clone().into(),
            Some(w.watch_expires_at).into(),
            calendar.into(),
        ],
        None => vec![
            Option::<String>::None.into(),
            Option::<String>::None.into(),
            Option::<String>::None.into(),
            Option::<i64>::None.into(),
            calendar.into(),
        ],
    };
    db.conn()
        .execute_raw(statement(
            db.backend(),
            "UPDATE calendar_calendars SET watch_id = $1, watch_resource = $2, \
             watch_secret_hash = $3, watch_expires_at = $4 WHERE id = $5",
            values,
        ))
        .await?;
    Ok(())
}

/// Replaces a connection's sealed secret `old` by `sealed` (a rotated refresh token);
/// nothing when it is gone or holds another secret by now (a reconnect came first).
pub async fn set_secret(
    db: &Database,
    connection: Uuid,
    sealed: &str,
    old: &str,
) -> Result<bool, StoreError> {
    let result = db
        .conn()
        .execute_raw(statement(
            db.backend(),
            "UPDATE calendar_connections SET secret_sealed = $1 WHERE id = $2 \
             AND secret_sealed = $3",
            vec![sealed.into(), connection.into(), old.into()],
        ))
        .await?;
    Ok(result.rows_affected() > 0)
}

/// Marks connection `connection`'s calendars that may not be written (by their remote
/// ids): they never receive sessions.
pub async fn set_read_only(
    db: &Database,
    connection: Uuid,
    remote_urls: &[String],
) -> Result<(), StoreError> {
    for remote in remote_urls {
        db.conn()
            .execute_raw(statement(
                db.backend(),
                "UPDATE calendar_calendars SET writable = $1, \
                 receives = CASE WHEN $1 THEN receives ELSE $1 END \
                 WHERE connection_id = $2 AND remote_url = $3",
                vec![false.into(), connection.into(), remote.clone().into()],
            ))
            .await?;
    }
    Ok(())
}
