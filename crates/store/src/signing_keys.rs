//! Keys that sign API access tokens. The newest live key signs; every live key, and a
//! retired one until the longest-lived token it signed has expired, verifies. Rotating
//! (`mentora keys rotate`) adds a key and retires the others; all instances share them
//! through the database.

use domain::Secret;
use jiff::{SignedDuration, Timestamp};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, Set,
};

use crate::entities::signing_key;
use crate::instant::{from_chrono, to_chrono_span};
use crate::{Database, StoreError};

#[derive(Clone, PartialEq, Eq)]
pub struct SigningKey {
    /// Key id, carried in each token's header.
    pub kid: String,
    /// 256 random bits, base64url.
    pub secret: String,
    pub created_at: Timestamp,
    pub retired_at: Option<Timestamp>,
}

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SigningKey")
            .field("kid", &self.kid)
            .field("retired_at", &self.retired_at)
            .finish_non_exhaustive()
    }
}

/// Keys usable now: live ones, and those retired less than `grace` ago. Newest first.
/// Creates the first key when there is none.
pub async fn usable(db: &Database, grace: SignedDuration) -> Result<Vec<SigningKey>, StoreError> {
    let keys = load(db, grace).await?;
    if keys.iter().any(|k| k.retired_at.is_none()) {
        return Ok(keys);
    }
    create(db).await?;
    load(db, grace).await
}

/// Adds a new signing key and retires every other one. Returns the new key id.
pub async fn rotate(db: &Database) -> Result<String, StoreError> {
    let kid = create(db).await?;
    signing_key::Entity::update_many()
        .col_expr(signing_key::Column::RetiredAt, Expr::value(db.now()))
        .filter(signing_key::Column::Kid.ne(kid.as_str()))
        .filter(signing_key::Column::RetiredAt.is_null())
        .exec(db.conn())
        .await?;
    Ok(kid)
}

async fn load(db: &Database, grace: SignedDuration) -> Result<Vec<SigningKey>, StoreError> {
    let cutoff = db.now() - to_chrono_span(grace);
    Ok(signing_key::Entity::find()
        .filter(
            Condition::any()
                .add(signing_key::Column::RetiredAt.is_null())
                .add(signing_key::Column::RetiredAt.gt(cutoff)),
        )
        .order_by_desc(signing_key::Column::CreatedAt)
        .all(db.conn())
        .await?
        .into_iter()
        .map(|m| SigningKey {
            kid: m.kid,
            secret: m.secret,
            created_at: from_chrono(m.created_at),
            retired_at: m.retired_at.map(from_chrono),
        })
        .collect())
}

async fn create(db: &Database) -> Result<String, StoreError> {
    let now = db.now();
    let kid = format!("k{}", now.format("%Y%m%d%H%M%S%3f"));
    signing_key::ActiveModel {
        kid: Set(kid.clone()),
        secret: Set(Secret::generate().expose().to_owned()),
        created_at: Set(now),
        retired_at: Set(None),
    }
    .insert(db.conn())
    .await
    .map_err(|e| StoreError::unique_as(e, "a signing key with this id"))?;
    Ok(kid)
}
