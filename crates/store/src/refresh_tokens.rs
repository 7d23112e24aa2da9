//! Refresh tokens for API clients: opaque, single-use, stored as digests, grouped in
//! families (one family per login). Presenting a used token again means it was copied:
//! the whole family is revoked.
//!
//! A family is revoked for good once any of its rows carries `revoked_at`. That makes
//! revocation race-free: a rotation in flight when reuse is detected may still insert its
//! successor, but that successor belongs to a revoked family and is refused on use, and so
//! is the access token issued with it (its `sid` is the family). Every revocation raises
//! the account's `logins_version` in the same transaction, which is how caches of "this
//! login is live" on every instance learn of it.

use domain::{Secret, SecretDigest};
use jiff::{SignedDuration, Timestamp};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::entities::{known_device, refresh_token, user};
use crate::instant::{from_chrono, to_chrono_span};
use crate::logins::{ClientInfo, truncate};
use crate::{Database, StoreError};

/// A refresh token as handed out: the secret exists only here.
#[derive(Debug)]
pub struct IssuedRefresh {
    pub secret: Secret,
    pub family_id: Uuid,
    pub expires_at: Timestamp,
}

/// What presenting a refresh token led to.
#[derive(Debug)]
pub enum Rotation {
    /// The token was good; it is now used up and this one replaces it.
    Rotated { user_id: Uuid, next: IssuedRefresh },
    /// The token had already been used: every token of its family is now revoked.
    Reused { user_id: Uuid, family_id: Uuid },
    /// Unknown, expired or revoked.
    Invalid,
}

/// Issues a token in `family_id`, or starts a new family (a new login) when `None`.
pub async fn issue(
    db: &Database,
    user_id: Uuid,
    family_id: Option<Uuid>,
    client: &ClientInfo,
    lifetime: SignedDuration,
) -> Result<IssuedRefresh, StoreError> {
    let secret = Secret::generate();
    let family_id = family_id.unwrap_or_else(|| db.new_id());
    let now = db.now();
    let expires_at = now + to_chrono_span(lifetime);
    refresh_token::ActiveModel {
        token_digest: Set(secret.digest().as_str().to_owned()),
        family_id: Set(family_id),
        user_id: Set(user_id),
        ip: Set(client.ip.clone().map(|s| truncate(s, 64))),
        user_agent: Set(client.user_agent.clone().map(|s| truncate(s, 255))),
        created_at: Set(now),
        expires_at: Set(expires_at),
        used_at: Set(None),
        revoked_at: Set(None),
    }
    .insert(db.conn())
    .await?;
    Ok(IssuedRefresh {
        secret,
        family_id,
        expires_at: from_chrono(expires_at),
    })
}

/// Uses up a presented token and issues its successor in the same family. Claiming is one
/// conditional UPDATE, so of two concurrent presentations exactly one rotates.
pub async fn rotate(
    db: &Database,
    presented: &str,
    client: &ClientInfo,
    lifetime: SignedDuration,
) -> Result<Rotation, StoreError> {
    let digest = SecretDigest::of(presented);
    let now = db.now();
    let claimed = refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::UsedAt, Expr::value(now))
        .filter(refresh_token::Column::TokenDigest.eq(digest.as_str()))
        .filter(refresh_token::Column::UsedAt.is_null())
        .filter(refresh_token::Column::RevokedAt.is_null())
        .filter(refresh_token::Column::ExpiresAt.gt(now))
        .exec(db.conn())
        .await?
        .rows_affected
        == 1;
    let Some(row) = refresh_token::Entity::find_by_id(digest.as_str())
        .one(db.conn())
        .await?
    else {
        return Ok(Rotation::Invalid);
    };
    if claimed {
        // Claimed after the family was revoked (reuse detected elsewhere): refused.
        if family_revoked(db.conn(), row.family_id).await? {
            return Ok(Rotation::Invalid);
        }
        let next = issue(db, row.user_id, Some(row.family_id), client, lifetime).await?;
        return Ok(Rotation::Rotated {
            user_id: row.user_id,
            next,
        });
    }
    if row.used_at.is_some() && row.revoked_at.is_none() {
        revoke_family(db, row.family_id).await?;
        return Ok(Rotation::Reused {
            user_id: row.user_id,
            family_id: row.family_id,
        });
    }
    Ok(Rotation::Invalid)
}

async fn family_revoked<C: ConnectionTrait>(conn: &C, family_id: Uuid) -> Result<bool, StoreError> {
    Ok(refresh_token::Entity::find()
        .filter(refresh_token::Column::FamilyId.eq(family_id))
        .filter(refresh_token::Column::RevokedAt.is_not_null())
        .one(conn)
        .await?
        .is_some())
}

/// Whether an access token of this login may still be used: the family exists, belongs to
/// the account, and none of its tokens was revoked.
pub async fn login_is_live(
    db: &Database,
    user_id: Uuid,
    family_id: Uuid,
) -> Result<bool, StoreError> {
    let known = refresh_token::Entity::find()
        .filter(refresh_token::Column::FamilyId.eq(family_id))
        .filter(refresh_token::Column::UserId.eq(user_id))
        .one(db.conn())
        .await?
        .is_some();
    Ok(known && !family_revoked(db.conn(), family_id).await?)
}

async fn bump_logins_version<C: ConnectionTrait>(
    conn: &C,
    user_id: Uuid,
) -> Result<(), StoreError> {
    user::Entity::update_many()
        .col_expr(
            user::Column::LoginsVersion,
            Expr::col(user::Column::LoginsVersion).add(1),
        )
        .filter(user::Column::Id.eq(user_id))
        .exec(conn)
        .await?;
    Ok(())
}

/// The family a presented token belongs to, if the token is known and not revoked.
pub async fn family_of(db: &Database, presented: &str) -> Result<Option<(Uuid, Uuid)>, StoreError> {
    let digest = SecretDigest::of(presented);
    Ok(refresh_token::Entity::find_by_id(digest.as_str())
        .filter(refresh_token::Column::RevokedAt.is_null())
        .one(db.conn())
        .await?
        .map(|m| (m.user_id, m.family_id)))
}

/// Revokes every token of a login. Returns how many were still live.
pub async fn revoke_family(db: &Database, family_id: Uuid) -> Result<u64, StoreError> {
    let txn = db.begin_write().await?;
    // Write first, so SQLite gives this transaction the write lock before it reads (a
    // read lock upgraded later fails at once under concurrent writers).
    let revoked = refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::RevokedAt, Expr::value(db.now()))
        .filter(refresh_token::Column::FamilyId.eq(family_id))
        .filter(refresh_token::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?
        .rows_affected;
    let owner = refresh_token::Entity::find()
        .filter(refresh_token::Column::FamilyId.eq(family_id))
        .one(&txn)
        .await?
        .map(|m| m.user_id);
    if let Some(user_id) = owner {
        bump_logins_version(&txn, user_id).await?;
    }
    txn.commit().await?;
    if let Some(user_id) = owner {
        db.account_changed(user_id).await;
    }
    Ok(revoked)
}

/// Revokes every API login of an account and forgets its known devices (password change
/// or reset, role change, log out everywhere).
pub async fn revoke_all_for_user(db: &Database, user_id: Uuid) -> Result<u64, StoreError> {
    let txn = db.begin_write().await?;
    let revoked = refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::RevokedAt, Expr::value(db.now()))
        .filter(refresh_token::Column::UserId.eq(user_id))
        .filter(refresh_token::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?
        .rows_affected;
    // The devices that signed in are no longer trusted past a lockout either: whoever used
    // one before this (a shared computer, the person who knew the old password) must sign
    // in afresh to be known again.
    known_device::Entity::delete_many()
        .filter(known_device::Column::UserId.eq(user_id))
        .exec(&txn)
        .await?;
    bump_logins_version(&txn, user_id).await?;
    txn.commit().await?;
    db.account_changed(user_id).await;
    Ok(revoked)
}
