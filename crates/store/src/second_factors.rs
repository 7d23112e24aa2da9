//! TOTP authenticators and recovery codes.

use domain::SecretDigest;
use jiff::Timestamp;
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::entities::{recovery_code, totp_factor};
use crate::instant::from_chrono;
use crate::{Database, StoreError};

#[derive(Clone, PartialEq, Eq)]
pub struct TotpFactor {
    /// Base32 shared secret.
    pub secret: String,
    pub confirmed_at: Option<Timestamp>,
    pub created_at: Timestamp,
    pub last_used_at: Option<Timestamp>,
}

impl std::fmt::Debug for TotpFactor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TotpFactor")
            .field("confirmed_at", &self.confirmed_at)
            .finish_non_exhaustive()
    }
}

/// Starts (or restarts) enrolment with a new secret, unconfirmed until a code proves the
/// authenticator has it. A confirmed factor is never replaced this way.
pub async fn start_totp(db: &Database, user_id: Uuid, secret: &str) -> Result<bool, StoreError> {
    if totp(db, user_id)
        .await?
        .is_some_and(|t| t.confirmed_at.is_some())
    {
        return Ok(false);
    }
    let now = db.now();
    totp_factor::Entity::insert(totp_factor::ActiveModel {
        user_id: Set(user_id),
        secret: Set(secret.to_owned()),
        confirmed_at: Set(None),
        last_step: Set(0),
        created_at: Set(now),
        last_used_at: Set(None),
    })
    .on_conflict(
        OnConflict::column(totp_factor::Column::UserId)
            .update_columns([totp_factor::Column::Secret, totp_factor::Column::CreatedAt])
            .to_owned(),
    )
    .exec(db.conn())
    .await?;
    Ok(true)
}

pub async fn totp(db: &Database, user_id: Uuid) -> Result<Option<TotpFactor>, StoreError> {
    Ok(totp_factor::Entity::find_by_id(user_id)
        .one(db.conn())
        .await?
        .map(|m| TotpFactor {
            secret: m.secret,
            confirmed_at: m.confirmed_at.map(from_chrono),
            created_at: from_chrono(m.created_at),
            last_used_at: m.last_used_at.map(from_chrono),
        }))
}

/// Records that the code of time step `step` was accepted, confirming the factor if it was
/// pending. False when that step (or a later one) was already used: a code works once.
pub async fn accept_totp_step(db: &Database, user_id: Uuid, step: i64) -> Result<bool, StoreError> {
    let now = db.now();
    let accepted = totp_factor::Entity::update_many()
        .col_expr(totp_factor::Column::LastStep, Expr::value(step))
        .col_expr(totp_factor::Column::LastUsedAt, Expr::value(now))
        .filter(totp_factor::Column::UserId.eq(user_id))
        .filter(totp_factor::Column::LastStep.lt(step))
        .exec(db.conn())
        .await?
        .rows_affected
        == 1;
    if accepted {
        totp_factor::Entity::update_many()
            .col_expr(totp_factor::Column::ConfirmedAt, Expr::value(now))
            .filter(totp_factor::Column::UserId.eq(user_id))
            .filter(totp_factor::Column::ConfirmedAt.is_null())
            .exec(db.conn())
            .await?;
    }
    Ok(accepted)
}

pub async fn remove_totp(db: &Database, user_id: Uuid) -> Result<bool, StoreError> {
    Ok(totp_factor::Entity::delete_by_id(user_id)
        .exec(db.conn())
        .await?
        .rows_affected
        == 1)
}

/// Replaces the account's recovery codes with new ones (given as digests).
pub async fn replace_recovery_codes(
    db: &Database,
    user_id: Uuid,
    digests: &[SecretDigest],
) -> Result<(), StoreError> {
    let txn = db.begin_write().await?;
    recovery_code::Entity::delete_many()
        .filter(recovery_code::Column::UserId.eq(user_id))
        .exec(&txn)
        .await?;
    let now = db.now();
    for digest in digests {
        recovery_code::ActiveModel {
            code_digest: Set(digest.as_str().to_owned()),
            user_id: Set(user_id),
            created_at: Set(now),
            used_at: Set(None),
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Uses up one recovery code. False when it is not one of the account's unused codes.
pub async fn use_recovery_code(
    db: &Database,
    user_id: Uuid,
    digest: &SecretDigest,
) -> Result<bool, StoreError> {
    Ok(recovery_code::Entity::update_many()
        .col_expr(recovery_code::Column::UsedAt, Expr::value(db.now()))
        .filter(recovery_code::Column::CodeDigest.eq(digest.as_str()))
        .filter(recovery_code::Column::UserId.eq(user_id))
        .filter(recovery_code::Column::UsedAt.is_null())
        .exec(db.conn())
        .await?
        .rows_affected
        == 1)
}

pub async fn unused_recovery_codes(db: &Database, user_id: Uuid) -> Result<u64, StoreError> {
    Ok(recovery_code::Entity::find()
        .filter(recovery_code::Column::UserId.eq(user_id))
        .filter(recovery_code::Column::UsedAt.is_null())
        .count(db.conn())
        .await?)
}

pub async fn remove_recovery_codes(db: &Database, user_id: Uuid) -> Result<(), StoreError> {
    recovery_code::Entity::delete_many()
        .filter(recovery_code::Column::UserId.eq(user_id))
        .exec(db.conn())
        .await?;
    Ok(())
}
