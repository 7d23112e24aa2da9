//! Devices an account has signed in from: a browser holding the device cookie, or an API
//! client keeping the `device_token` its login returned. Only the secret's digest is
//! stored. A device is the owner's proof when strangers have locked the address.

use domain::{Secret, SecretDigest};
use jiff::SignedDuration;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::entities::known_device;
use crate::instant::to_chrono_span;
use crate::{Database, StoreError};

/// Whether `presented` is a live device of `user_id`.
pub async fn is_known(db: &Database, user_id: Uuid, presented: &str) -> Result<bool, StoreError> {
    let digest = SecretDigest::of(presented);
    Ok(known_device::Entity::find_by_id(digest.as_str())
        .filter(known_device::Column::UserId.eq(user_id))
        .filter(known_device::Column::ExpiresAt.gt(db.now()))
        .one(db.conn())
        .await?
        .is_some())
}

/// After a sign-in: extends `presented` when it is already one of the account's devices
/// (returning `None`), otherwise makes a new device and returns its secret.
pub async fn remember(
    db: &Database,
    user_id: Uuid,
    presented: Option<&str>,
    lifetime: SignedDuration,
) -> Result<Option<Secret>, StoreError> {
    let now = db.now();
    if let Some(presented) = presented {
        let digest = SecretDigest::of(presented);
        let extended = known_device::Entity::update_many()
            .col_expr(known_device::Column::LastSeenAt, Expr::value(now))
            .col_expr(
                known_device::Column::ExpiresAt,
                Expr::value(now + to_chrono_span(lifetime)),
            )
            .filter(known_device::Column::TokenDigest.eq(digest.as_str()))
            .filter(known_device::Column::UserId.eq(user_id))
            .filter(known_device::Column::ExpiresAt.gt(now))
            .exec(db.conn())
            .await?
            .rows_affected;
        if extended == 1 {
            return Ok(None);
        }
    }
    let secret = Secret::generate();
    known_device::ActiveModel {
        token_digest: Set(secret.digest().as_str().to_owned()),
        user_id: Set(user_id),
        created_at: Set(now),
        last_seen_at: Set(now),
        expires_at: Set(now + to_chrono_span(lifetime)),
    }
    .insert(db.conn())
    .await?;
    Ok(Some(secret))
}
