//! The notification centre's rows, each person's preferences per topic, and the secrets
//! that sign their unsubscribe links.

use jiff::Timestamp;
use sea_orm::{ConnectionTrait, FromQueryResult};
use uuid::Uuid;

use crate::instant::secs;
use crate::sql::statement;
use crate::{Database, StoreError};

/// One stored notification.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct Notification {
    pub id: Uuid,
    pub account_id: Uuid,
    /// The preference it falls under (`bookings`, `reminders`, …).
    pub topic: String,
    /// What happened (`booking_confirmed`, …): picks the wording.
    pub kind: String,
    pub booking_id: Option<Uuid>,
    /// The wording's parameters, JSON.
    pub data: String,
    pub created_at: i64,
    pub read_at: Option<i64>,
}

const COLUMNS: &str = "id, account_id, topic, kind, booking_id, data, created_at, read_at";

/// Stores `notification` unless one with its id is there (a job run twice adds it once).
/// True when it was added now.
pub async fn add(db: &Database, n: &Notification) -> Result<bool, StoreError> {
    let added = db
        .conn()
        .execute_raw(statement(
            db.backend(),
            "INSERT INTO notifications (id, account_id, topic, kind, booking_id, data, \
             created_at, read_at) VALUES ($1, $2, $3, $4, $5, $6, $7, NULL) \
             ON CONFLICT (id) DO NOTHING",
            vec![
                n.id.into(),
                n.account_id.into(),
                n.topic.clone().into(),
                n.kind.clone().into(),
                n.booking_id.into(),
                n.data.clone().into(),
                n.created_at.into(),
            ],
        ))
        .await?
        .rows_affected();
    if added == 1 {
        db.account_changed(n.account_id).await;
    }
    Ok(added == 1)
}

/// One of the person's notifications; None when it is not theirs (or not there).
pub async fn find_own(
    db: &Database,
    account: Uuid,
    id: Uuid,
) -> Result<Option<Notification>, StoreError> {
    Ok(Notification::find_by_statement(statement(
        db.backend(),
        &format!("SELECT {COLUMNS} FROM notifications WHERE id = $1 AND account_id = $2"),
        vec![id.into(), account.into()],
    ))
    .one(db.conn())
    .await?)
}

/// How many of the person's notifications are unread.
pub async fn unread_count(db: &Database, account: Uuid) -> Result<u64, StoreError> {
    #[derive(FromQueryResult)]
    struct Count {
        n: i64,
    }
    let count = Count::find_by_statement(statement(
        db.backend(),
        "SELECT COUNT(*) AS n FROM notifications WHERE account_id = $1 AND read_at IS NULL",
        vec![account.into()],
    ))
    .one(db.conn())
    .await?
    .map_or(0, |c| c.n);
    Ok(u64::try_from(count).unwrap_or(0))
}

/// The person's notifications, newest first, `limit` from `offset`.
pub async fn newest(
    db: &Database,
    account: Uuid,
    limit: u64,
    offset: u64,
) -> Result<Vec<Notification>, StoreError> {
    Ok(Notification::find_by_statement(statement(
        db.backend(),
        &format!(
            "SELECT {COLUMNS} FROM notifications WHERE account_id = $1 \
             ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3"
        ),
        vec![
            account.into(),
            i64::try_from(limit).unwrap_or(i64::MAX).into(),
            i64::try_from(offset).unwrap_or(i64::MAX).into(),
        ],
    ))
    .all(db.conn())
    .await?)
}

/// Marks one of the person's notifications read. False when it is not theirs (or not
/// there); marking a read one again changes nothing and is true.
pub async fn mark_read(
    db: &Database,
    account: Uuid,
    id: Uuid,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let found = db
        .conn()
        .execute_raw(statement(
            db.backend(),
            "UPDATE notifications SET read_at = COALESCE(read_at, $3) \
             WHERE id = $1 AND account_id = $2",
            vec![id.into(), account.into(), secs(now)],
        ))
        .await?
        .rows_affected();
    db.account_changed(account).await;
    Ok(found == 1)
}

/// Marks all the person's notifications read; returns how many were unread.
pub async fn mark_all_read(
    db: &Database,
    account: Uuid,
    now: Timestamp,
) -> Result<u64, StoreError> {
    let marked = db
        .conn()
        .execute_raw(statement(
            db.backend(),
            "UPDATE notifications SET read_at = $2 WHERE account_id = $1 AND read_at IS NULL",
            vec![account.into(), secs(now)],
        ))
        .await?
        .rows_affected();
    db.account_changed(account).await;
    Ok(marked)
}

/// One stored preference.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct Preference {
    pub topic: String,
    pub in_app: bool,
    pub email: bool,
}

/// The person's stored preferences (topics without a row keep their defaults).
pub async fn preferences(db: &Database, account: Uuid) -> Result<Vec<Preference>, StoreError> {
    Ok(Preference::find_by_statement(statement(
        db.backend(),
        "SELECT topic, in_app, email FROM notification_preferences WHERE account_id = $1 \
         ORDER BY topic",
        vec![account.into()],
    ))
    .all(db.conn())
    .await?)
}

/// Sets the person's preference for one topic.
pub async fn set_preference(
    db: &Database,
    account: Uuid,
    preference: &Preference,
    now: Timestamp,
) -> Result<(), StoreError> {
    db.conn()
        .execute_raw(statement(
            db.backend(),
            "INSERT INTO notification_preferences (account_id, topic, in_app, email, updated_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (account_id, topic) \
             DO UPDATE SET in_app = excluded.in_app, email = excluded.email, \
             updated_at = excluded.updated_at",
            vec![
                account.into(),
                preference.topic.clone().into(),
                preference.in_app.into(),
                preference.email.into(),
                secs(now),
            ],
        ))
        .await?;
    Ok(())
}

/// The person's unsubscribe secret, made with `fresh` the first time it is asked for.
pub async fn unsubscribe_secret(
    db: &Database,
    account: Uuid,
    fresh: &str,
) -> Result<String, StoreError> {
    #[derive(FromQueryResult)]
    struct Secret {
        secret: String,
    }
    db.conn()
        .execute_raw(statement(
            db.backend(),
            "INSERT INTO unsubscribe_keys (account_id, secret) VALUES ($1, $2) \
             ON CONFLICT (account_id) DO NOTHING",
            vec![account.into(), fresh.into()],
        ))
        .await?;
    Ok(Secret::find_by_statement(statement(
        db.backend(),
        "SELECT secret FROM unsubscribe_keys WHERE account_id = $1",
        vec![account.into()],
    ))
    .one(db.conn())
    .await?
    .map_or_else(|| fresh.to_owned(), |s| s.secret))
}

/// Deletes notifications read before `before`; returns how many.
pub async fn forget_read(db: &Database, before: Timestamp) -> Result<u64, StoreError> {
    Ok(db
        .conn()
        .execute_raw(statement(
            db.backend(),
            "DELETE FROM notifications WHERE read_at IS NOT NULL AND read_at < $1",
            vec![secs(before)],
        ))
        .await?
        .rows_affected())
}
