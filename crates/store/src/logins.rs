//! Logins: a signed-in browser (an opaque cookie secret, stored as its digest, with its
//! CSRF token) or API client. The table, the cookie and the security page's form field
//! keep the old word `session`; new code says login (session is the booked lesson's word).

use domain::{Secret, SecretDigest};
use jiff::{SignedDuration, Timestamp};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

use crate::entities::session;
use crate::instant::{from_chrono, to_chrono, to_chrono_span};
use crate::{Database, StoreError};

/// Where a session was opened from, for the person's list of devices and the audit log.
#[derive(Debug, Clone, Default)]
pub struct ClientInfo {
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    /// The device secret the client presented (the device cookie, or an API login's
    /// `device_token`), if any.
    pub device: Option<String>,
}

/// A session as handed out: the cookie secret exists only here.
#[derive(Debug)]
pub struct OpenedLogin {
    pub secret: Secret,
    pub csrf_token: String,
    pub expires_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Login {
    pub digest: SecretDigest,
    pub user_id: Uuid,
    pub csrf_token: String,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub created_at: Timestamp,
    pub last_seen_at: Timestamp,
    pub expires_at: Timestamp,
}

/// How stale `last_seen_at` may get before a request refreshes it: saves a write per request.
const TOUCH_AFTER: SignedDuration = SignedDuration::from_mins(5);

pub async fn open(
    db: &Database,
    user_id: Uuid,
    client: &ClientInfo,
    lifetime: SignedDuration,
) -> Result<OpenedLogin, StoreError> {
    let secret = Secret::generate();
    let csrf_token = Secret::generate().expose().to_owned();
    let now = db.now();
    let expires_at = now + to_chrono_span(lifetime);
    session::ActiveModel {
        token_digest: Set(secret.digest().as_str().to_owned()),
        user_id: Set(user_id),
        csrf_token: Set(csrf_token.clone()),
        ip: Set(client.ip.clone().map(|s| truncate(s, 64))),
        user_agent: Set(client.user_agent.clone().map(|s| truncate(s, 255))),
        created_at: Set(now),
        last_seen_at: Set(now),
        expires_at: Set(expires_at),
    }
    .insert(db.conn())
    .await?;
    Ok(OpenedLogin {
        secret,
        csrf_token,
        expires_at: from_chrono(expires_at),
    })
}

/// The unexpired session for a presented cookie value, refreshing its last-seen time.
pub async fn find_active(db: &Database, presented: &str) -> Result<Option<Login>, StoreError> {
    let digest = SecretDigest::of(presented);
    let Some(model) = session::Entity::find_by_id(digest.as_str())
        .filter(session::Column::ExpiresAt.gt(db.now()))
        .one(db.conn())
        .await?
    else {
        return Ok(None);
    };
    let mut login = to_active(model);
    touch_if_stale(db, &mut login).await?;
    Ok(Some(login))
}

/// Whether `login` is still unexpired by this database's clock.
pub fn is_unexpired(db: &Database, login: &Login) -> bool {
    login.expires_at > db.clock().now()
}

/// Refreshes the login's last-seen time when it was last refreshed more than a few
/// minutes ago (a cached copy of the login, too, calls this on each use).
pub async fn touch_if_stale(db: &Database, login: &mut Login) -> Result<(), StoreError> {
    let now = db.clock().now();
    if now.duration_since(login.last_seen_at) <= TOUCH_AFTER {
        return Ok(());
    }
    session::Entity::update_many()
        .col_expr(
            session::Column::LastSeenAt,
            sea_orm::sea_query::Expr::value(to_chrono(now)),
        )
        .filter(session::Column::TokenDigest.eq(login.digest.as_str()))
        .exec(db.conn())
        .await?;
    login.last_seen_at = now;
    Ok(())
}

/// Every unexpired session of an account, most recently used first.
pub async fn list_for_user(db: &Database, user_id: Uuid) -> Result<Vec<Login>, StoreError> {
    Ok(session::Entity::find()
        .filter(session::Column::UserId.eq(user_id))
        .filter(session::Column::ExpiresAt.gt(db.now()))
        .order_by_desc(session::Column::LastSeenAt)
        .all(db.conn())
        .await?
        .into_iter()
        .map(to_active)
        .collect())
}

/// Ends one session. Ending one that is already gone is not an error.
pub async fn end(db: &Database, digest: &SecretDigest) -> Result<(), StoreError> {
    let owner = session::Entity::find_by_id(digest.as_str())
        .one(db.conn())
        .await?
        .map(|m| m.user_id);
    session::Entity::delete_by_id(digest.as_str())
        .exec(db.conn())
        .await?;
    if let Some(owner) = owner {
        db.account_changed(owner).await;
    }
    Ok(())
}

/// Ends one of `user_id`'s own sessions; returns false when it has no such session.
pub async fn end_own(
    db: &Database,
    user_id: Uuid,
    digest: &SecretDigest,
) -> Result<bool, StoreError> {
    let ended = session::Entity::delete_many()
        .filter(session::Column::TokenDigest.eq(digest.as_str()))
        .filter(session::Column::UserId.eq(user_id))
        .exec(db.conn())
        .await?
        .rows_affected
        == 1;
    db.account_changed(user_id).await;
    Ok(ended)
}

/// Ends every session of an account ("log out everywhere"); returns how many ended.
pub async fn end_all_for_user(db: &Database, user_id: Uuid) -> Result<u64, StoreError> {
    let ended = session::Entity::delete_many()
        .filter(session::Column::UserId.eq(user_id))
        .exec(db.conn())
        .await?
        .rows_affected;
    db.account_changed(user_id).await;
    Ok(ended)
}

fn to_active(m: session::Model) -> Login {
    Login {
        digest: SecretDigest::of_stored(m.token_digest),
        user_id: m.user_id,
        csrf_token: m.csrf_token,
        ip: m.ip,
        user_agent: m.user_agent,
        created_at: from_chrono(m.created_at),
        last_seen_at: from_chrono(m.last_seen_at),
        expires_at: from_chrono(m.expires_at),
    }
}

pub(crate) fn truncate(mut s: String, max_chars: usize) -> String {
    if let Some((idx, _)) = s.char_indices().nth(max_chars) {
        s.truncate(idx);
    }
    s
}
