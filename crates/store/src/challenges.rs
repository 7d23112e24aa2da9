//! Short-lived, single-use challenges: a login waiting for its second factor, a WebAuthn
//! ceremony in flight. The holder gets a secret; only its digest is stored.

use domain::{Secret, SecretDigest};
use jiff::SignedDuration;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::entities::challenge;
use crate::instant::to_chrono_span;
use crate::{Database, StoreError};

/// A live challenge.
#[derive(Debug, Clone)]
pub struct Challenge {
    pub user_id: Option<Uuid>,
    /// Whatever the ceremony needs to finish (serialised WebAuthn state, …).
    pub state: String,
    pub attempts: i32,
}

pub async fn create(
    db: &Database,
    purpose: &str,
    user_id: Option<Uuid>,
    state: String,
    lifetime: SignedDuration,
) -> Result<Secret, StoreError> {
    let secret = Secret::generate();
    let now = db.now();
    challenge::ActiveModel {
        token_digest: Set(secret.digest().as_str().to_owned()),
        purpose: Set(purpose.to_owned()),
        user_id: Set(user_id),
        state: Set(state),
        attempts: Set(0),
        created_at: Set(now),
        expires_at: Set(now + to_chrono_span(lifetime)),
    }
    .insert(db.conn())
    .await?;
    Ok(secret)
}

/// The live challenge for a presented secret, counting this look as one more attempt.
/// `None` when unknown, expired, for another purpose or out of attempts.
pub async fn attempt(
    db: &Database,
    presented: &str,
    purpose: &str,
    max_attempts: i32,
) -> Result<Option<Challenge>, StoreError> {
    let digest = SecretDigest::of(presented);
    let counted = challenge::Entity::update_many()
        .col_expr(
            challenge::Column::Attempts,
            Expr::col(challenge::Column::Attempts).add(1),
        )
        .filter(challenge::Column::TokenDigest.eq(digest.as_str()))
        .filter(challenge::Column::Purpose.eq(purpose))
        .filter(challenge::Column::ExpiresAt.gt(db.now()))
        .filter(challenge::Column::Attempts.lt(max_attempts))
        .exec(db.conn())
        .await?
        .rows_affected
        == 1;
    if !counted {
        return Ok(None);
    }
    Ok(challenge::Entity::find_by_id(digest.as_str())
        .one(db.conn())
        .await?
        .map(|m| Challenge {
            user_id: m.user_id,
            state: m.state,
            attempts: m.attempts,
        }))
}

/// Uses a challenge up. Returns false when another request already did.
pub async fn finish(db: &Database, presented: &str) -> Result<bool, StoreError> {
    let digest = SecretDigest::of(presented);
    Ok(challenge::Entity::delete_by_id(digest.as_str())
        .exec(db.conn())
        .await?
        .rows_affected
        == 1)
}
