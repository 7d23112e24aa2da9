//! Single-use tokens sent by email (verify an address, reset a password), stored as digests.

use domain::{EmailAddress, Secret, SecretDigest};
use jiff::SignedDuration;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::entities::email_token;
use crate::instant::to_chrono_span;
use crate::{Database, StoreError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    VerifyEmail,
    ResetPassword,
    /// A one-time sign-in link, sent while the address is locked after failed logins.
    SignIn,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Purpose::VerifyEmail => "verify_email",
            Purpose::ResetPassword => "reset_password",
            Purpose::SignIn => "sign_in",
        }
    }
}

/// What a consumed token proves: this account controls this address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redeemed {
    pub user_id: Uuid,
    pub email: String,
}

pub async fn issue(
    db: &Database,
    user_id: Uuid,
    purpose: Purpose,
    email: &EmailAddress,
    lifetime: SignedDuration,
) -> Result<Secret, StoreError> {
    let secret = Secret::generate();
    let now = db.now();
    email_token::ActiveModel {
        token_digest: Set(secret.digest().as_str().to_owned()),
        user_id: Set(user_id),
        purpose: Set(purpose.as_str().to_owned()),
        email: Set(email.as_str().to_owned()),
        created_at: Set(now),
        expires_at: Set(now + to_chrono_span(lifetime)),
        used_at: Set(None),
    }
    .insert(db.conn())
    .await?;
    Ok(secret)
}

/// Uses up a token. `None` when it is unknown, for another purpose, expired or already
/// used. The check and the marking are one conditional UPDATE, so two concurrent
/// redemptions cannot both succeed.
/// The account and address of a usable link, without using it up.
pub async fn peek(
    db: &Database,
    presented: &str,
    purpose: Purpose,
) -> Result<Option<Redeemed>, StoreError> {
    let digest = SecretDigest::of(presented);
    Ok(email_token::Entity::find_by_id(digest.as_str())
        .filter(email_token::Column::Purpose.eq(purpose.as_str()))
        .filter(email_token::Column::UsedAt.is_null())
        .filter(email_token::Column::ExpiresAt.gt(db.now()))
        .one(db.conn())
        .await?
        .map(|m| Redeemed {
            user_id: m.user_id,
            email: m.email,
        }))
}

pub async fn redeem(
    db: &Database,
    presented: &str,
    purpose: Purpose,
) -> Result<Option<Redeemed>, StoreError> {
    let digest = SecretDigest::of(presented);
    let now = db.now();
    let claimed = email_token::Entity::update_many()
        .col_expr(email_token::Column::UsedAt, Expr::value(now))
        .filter(email_token::Column::TokenDigest.eq(digest.as_str()))
        .filter(email_token::Column::Purpose.eq(purpose.as_str()))
        .filter(email_token::Column::UsedAt.is_null())
        .filter(email_token::Column::ExpiresAt.gt(now))
        .exec(db.conn())
        .await?
        .rows_affected;
    if claimed != 1 {
        return Ok(None);
    }
    Ok(email_token::Entity::find_by_id(digest.as_str())
        .one(db.conn())
        .await?
        .map(|m| Redeemed {
            user_id: m.user_id,
            email: m.email,
        }))
}
