//! Calendar feeds: one secret address per person, of which only the token's digest is
//! stored.

use jiff::Timestamp;
use sea_orm::{ConnectionTrait, FromQueryResult};
use uuid::Uuid;

use crate::instant::{from_seconds, secs};
use crate::sql::statement;
use crate::{Database, StoreError};

/// Sets the digest of the user's calendar feed token (a new address; the old one stops).
pub async fn set(
    db: &Database,
    user: Uuid,
    digest: &str,
    now: Timestamp,
) -> Result<(), StoreError> {
    let txn = db.begin_write().await?;
    txn.execute_raw(statement(
        db.backend(),
        "DELETE FROM calendar_feeds WHERE user_id = $1",
        vec![user.into()],
    ))
    .await?;
    txn.execute_raw(statement(
        db.backend(),
        "INSERT INTO calendar_feeds (user_id, token_digest, created_at) VALUES ($1, $2, $3)",
        vec![user.into(), digest.into(), secs(now)],
    ))
    .await?;
    txn.commit().await?;
    // Whether a feed is on shows on its owner's dashboard, which is kept in memory.
    db.account_changed(user).await;
    Ok(())
}

pub async fn revoke(db: &Database, user: Uuid) -> Result<bool, StoreError> {
    let result = db
        .conn()
        .execute_raw(statement(
            db.backend(),
            "DELETE FROM calendar_feeds WHERE user_id = $1",
            vec![user.into()],
        ))
        .await?;
    db.account_changed(user).await;
    Ok(result.rows_affected() > 0)
}

/// When the user's feed was created, if they have one.
pub async fn created(db: &Database, user: Uuid) -> Result<Option<Timestamp>, StoreError> {
    #[derive(FromQueryResult)]
    struct Feed {
        created_at: i64,
    }
    Ok(Feed::find_by_statement(statement(
        db.backend(),
        "SELECT created_at FROM calendar_feeds WHERE user_id = $1",
        vec![user.into()],
    ))
    .one(db.conn())
    .await?
    .map(|f| from_seconds(f.created_at)))
}

pub async fn owner(db: &Database, digest: &str) -> Result<Option<Uuid>, StoreError> {
    #[derive(FromQueryResult)]
    struct Feed {
        user_id: Uuid,
    }
    Ok(Feed::find_by_statement(statement(
        db.backend(),
        "SELECT user_id FROM calendar_feeds WHERE token_digest = $1",
        vec![digest.into()],
    ))
    .one(db.conn())
    .await?
    .map(|f| f.user_id))
}
