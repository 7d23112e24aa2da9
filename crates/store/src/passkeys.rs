//! Passkeys (WebAuthn credentials): stored as the library's serialised credential, with a
//! name the person chose and when it was added and last used.

use jiff::Timestamp;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

use crate::entities::passkey;
use crate::instant::from_chrono;
use crate::{Database, StoreError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPasskey {
    pub id: Uuid,
    pub user_id: Uuid,
    /// Base64url credential id.
    pub credential_id: String,
    pub name: String,
    /// The credential as serialised by the WebAuthn library (JSON).
    pub passkey: String,
    pub created_at: Timestamp,
    pub last_used_at: Option<Timestamp>,
}

fn to_stored(m: passkey::Model) -> StoredPasskey {
    StoredPasskey {
        id: m.id,
        user_id: m.user_id,
        credential_id: m.credential_id,
        name: m.name,
        passkey: m.passkey,
        created_at: from_chrono(m.created_at),
        last_used_at: m.last_used_at.map(from_chrono),
    }
}

/// Stores a new passkey. Fails with `AlreadyExists` when the credential is registered
/// already (to any account).
pub async fn add(
    db: &Database,
    user_id: Uuid,
    credential_id: &str,
    name: &str,
    passkey_json: String,
) -> Result<Uuid, StoreError> {
    let id = db.new_id();
    passkey::ActiveModel {
        id: Set(id),
        user_id: Set(user_id),
        credential_id: Set(credential_id.to_owned()),
        name: Set(name.to_owned()),
        passkey: Set(passkey_json),
        created_at: Set(db.now()),
        last_used_at: Set(None),
    }
    .insert(db.conn())
    .await
    .map_err(|e| StoreError::unique_as(e, "this passkey"))?;
    Ok(id)
}

/// The account's passkeys, oldest first.
pub async fn for_user(db: &Database, user_id: Uuid) -> Result<Vec<StoredPasskey>, StoreError> {
    Ok(passkey::Entity::find()
        .filter(passkey::Column::UserId.eq(user_id))
        .order_by_asc(passkey::Column::CreatedAt)
        .all(db.conn())
        .await?
        .into_iter()
        .map(to_stored)
        .collect())
}

pub async fn count_for_user(db: &Database, user_id: Uuid) -> Result<u64, StoreError> {
    Ok(passkey::Entity::find()
        .filter(passkey::Column::UserId.eq(user_id))
        .count(db.conn())
        .await?)
}

pub async fn find_by_credential(
    db: &Database,
    credential_id: &str,
) -> Result<Option<StoredPasskey>, StoreError> {
    Ok(passkey::Entity::find()
        .filter(passkey::Column::CredentialId.eq(credential_id))
        .one(db.conn())
        .await?
        .map(to_stored))
}

/// Records a use, with the credential as updated by the library (its signature counter).
pub async fn record_use(
    db: &Database,
    id: Uuid,
    passkey_json: Option<String>,
) -> Result<(), StoreError> {
    let mut update = passkey::Entity::update_many()
        .col_expr(passkey::Column::LastUsedAt, Expr::value(db.now()))
        .filter(passkey::Column::Id.eq(id));
    if let Some(json) = passkey_json {
        update = update.col_expr(passkey::Column::Passkey, Expr::value(json));
    }
    update.exec(db.conn()).await?;
    Ok(())
}

/// Removes one of the account's own passkeys; false when it has no such passkey.
pub async fn remove(db: &Database, user_id: Uuid, id: Uuid) -> Result<bool, StoreError> {
    Ok(passkey::Entity::delete_many()
        .filter(passkey::Column::Id.eq(id))
        .filter(passkey::Column::UserId.eq(user_id))
        .exec(db.conn())
        .await?
        .rows_affected
        == 1)
}
