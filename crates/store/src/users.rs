//! Accounts: creating them, finding them, and the roles they hold.

use chrono::Utc;
use domain::{EmailAddress, PasswordHash, Role};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set, TransactionTrait};
use uuid::Uuid;

use crate::entities::{user, user_role};
use crate::{Database, StoreError};

/// What is needed to open an account.
#[derive(Debug)]
pub struct NewUser {
    pub email: EmailAddress,
    pub display_name: String,
    pub password_hash: PasswordHash,
    /// Set for accounts whose address is already proven (operators, demo data).
    pub email_verified: bool,
    /// Roles beyond learner, which every account holds.
    pub extra_roles: Vec<Role>,
    /// Language tag for pages and email (`en`, `es`, `ar`).
    pub locale: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: Uuid,
    pub email: String,
    pub display_name: String,
    pub email_verified: bool,
    pub roles: Vec<Role>,
    pub locale: String,
}

/// Opens an account with its roles in one transaction.
/// Fails with `AlreadyExists("an account with this email")` when the address is taken.
pub async fn create(db: &Database, new: NewUser) -> Result<User, StoreError> {
    let now = Utc::now();
    let id = Uuid::now_v7();
    let txn = db.conn().begin().await?;
    user::ActiveModel {
        id: Set(id),
        email: Set(new.email.as_str().to_owned()),
        display_name: Set(new.display_name),
        password_hash: Set(Some(new.password_hash.as_str().to_owned())),
        locale: Set(new.locale),
        time_zone: Set("UTC".into()),
        currency: Set("USD".into()),
        email_verified_at: Set(new.email_verified.then_some(now)),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await
    .map_err(|e| StoreError::unique_as(e, "an account with this email"))?;

    let mut roles = vec![Role::Learner];
    roles.extend(new.extra_roles.into_iter().filter(|r| *r != Role::Learner));
    roles.sort();
    roles.dedup();
    for role in &roles {
        insert_role(&txn, id, *role).await?;
    }
    txn.commit().await?;
    find_by_email(db, &new.email)
        .await?
        .ok_or_else(|| StoreError::Corrupt(format!("account {id} vanished after creation")))
}

pub async fn find_by_email(
    db: &Database,
    email: &EmailAddress,
) -> Result<Option<User>, StoreError> {
    let model = user::Entity::find()
        .filter(user::Column::Email.eq(email.as_str()))
        .one(db.conn())
        .await?;
    with_roles(db, model).await
}

/// The account's password hash, when it has a password.
pub async fn password_hash(db: &Database, id: Uuid) -> Result<Option<PasswordHash>, StoreError> {
    Ok(user::Entity::find_by_id(id)
        .one(db.conn())
        .await?
        .and_then(|m| m.password_hash)
        .map(PasswordHash::from_stored))
}

/// The account's roles, in the order of `Role` (learner, expert, admin).
pub async fn roles_of(db: &Database, id: Uuid) -> Result<Vec<Role>, StoreError> {
    let mut roles = user_role::Entity::find()
        .filter(user_role::Column::UserId.eq(id))
        .all(db.conn())
        .await?
        .into_iter()
        .map(|r| {
            r.role
                .parse::<Role>()
                .map_err(|e| StoreError::Corrupt(e.to_string()))
        })
        .collect::<Result<Vec<_>, _>>()?;
    roles.sort();
    Ok(roles)
}

/// Grants `role`; granting a role already held changes nothing.
pub async fn grant_role(db: &Database, id: Uuid, role: Role) -> Result<(), StoreError> {
    if roles_of(db, id).await?.contains(&role) {
        return Ok(());
    }
    match insert_role(db.conn(), id, role).await {
        // A concurrent grant of the same role is not an error.
        Err(StoreError::AlreadyExists(_)) => Ok(()),
        other => other,
    }
}

/// Records that the account proved it receives mail at `email`.
pub async fn mark_email_verified(db: &Database, id: Uuid, email: &str) -> Result<bool, StoreError> {
    let now = Utc::now();
    let updated = user::Entity::update_many()
        .col_expr(
            user::Column::EmailVerifiedAt,
            sea_orm::sea_query::Expr::value(now),
        )
        .col_expr(
            user::Column::UpdatedAt,
            sea_orm::sea_query::Expr::value(now),
        )
        .filter(user::Column::Id.eq(id))
        .filter(user::Column::Email.eq(email))
        .exec(db.conn())
        .await?;
    Ok(updated.rows_affected == 1)
}

/// Replaces the account's password hash.
pub async fn set_password_hash(
    db: &Database,
    id: Uuid,
    hash: &PasswordHash,
) -> Result<(), StoreError> {
    let now = Utc::now();
    user::Entity::update_many()
        .col_expr(
            user::Column::PasswordHash,
            sea_orm::sea_query::Expr::value(hash.as_str()),
        )
        .col_expr(
            user::Column::UpdatedAt,
            sea_orm::sea_query::Expr::value(now),
        )
        .filter(user::Column::Id.eq(id))
        .exec(db.conn())
        .await?;
    Ok(())
}

pub async fn find_by_id(db: &Database, id: Uuid) -> Result<Option<User>, StoreError> {
    let model = user::Entity::find_by_id(id).one(db.conn()).await?;
    with_roles(db, model).await
}

pub async fn count(db: &Database) -> Result<u64, StoreError> {
    use sea_orm::PaginatorTrait;
    Ok(user::Entity::find().count(db.conn()).await?)
}

async fn with_roles(db: &Database, model: Option<user::Model>) -> Result<Option<User>, StoreError> {
    let Some(model) = model else {
        return Ok(None);
    };
    let roles = roles_of(db, model.id).await?;
    Ok(Some(User {
        id: model.id,
        email: model.email,
        display_name: model.display_name,
        email_verified: model.email_verified_at.is_some(),
        roles,
        locale: model.locale,
    }))
}

async fn insert_role<C: sea_orm::ConnectionTrait>(
    conn: &C,
    user_id: Uuid,
    role: Role,
) -> Result<(), StoreError> {
    user_role::ActiveModel {
        user_id: Set(user_id),
        role: Set(role.as_str().to_owned()),
        granted_at: Set(Utc::now()),
    }
    .insert(conn)
    .await
    .map_err(|e| StoreError::unique_as(e, "this role"))?;
    Ok(())
}
