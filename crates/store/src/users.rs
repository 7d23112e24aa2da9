//! Accounts: creating them, finding them, and the roles they hold.

use chrono::{DateTime, Utc};
use domain::{EmailAddress, PasswordHash, Role};
use jiff::Timestamp;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::entities::{user, user_role};
use crate::instant::from_chrono;
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
    /// IANA zone, already validated.
    pub time_zone: String,
    /// ISO 4217 code, already validated.
    pub currency: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: Uuid,
    pub email: String,
    pub display_name: String,
    pub email_verified: bool,
    pub roles: Vec<Role>,
    pub locale: String,
    pub time_zone: String,
    pub currency: String,
    /// ISO 639-1 codes of the languages the person speaks.
    pub languages: Vec<String>,
    pub learning_goals: String,
    pub session_length_minutes: i32,
    pub video_provider: String,
    pub reminder_channels: Vec<String>,
    /// Object-storage key of the re-encoded avatar.
    pub avatar_key: Option<String>,
    pub created_at: Timestamp,
    /// Raised whenever API logins of the account are revoked (see `refresh_tokens`).
    pub logins_version: i64,
}

/// Profile fields to change; `None` leaves a field as it is. Values are already validated.
#[derive(Debug, Default, Clone)]
pub struct ProfileChanges {
    pub display_name: Option<String>,
    pub time_zone: Option<String>,
    pub locale: Option<String>,
    pub currency: Option<String>,
    pub languages: Option<Vec<String>>,
    pub learning_goals: Option<String>,
    pub session_length_minutes: Option<i32>,
    pub video_provider: Option<String>,
    pub reminder_channels: Option<Vec<String>>,
    pub avatar_key: Option<Option<String>>,
}

/// Opens an account with its roles in one transaction.
/// Fails with `AlreadyExists("an account with this email")` when the address is taken.
pub async fn create(db: &Database, new: NewUser) -> Result<User, StoreError> {
    let now = db.now();
    let id = db.new_id();
    let txn = db.begin_write().await?;
    user::ActiveModel {
        id: Set(id),
        email: Set(new.email.as_str().to_owned()),
        display_name: Set(new.display_name),
        password_hash: Set(Some(new.password_hash.as_str().to_owned())),
        locale: Set(new.locale),
        time_zone: Set(new.time_zone),
        currency: Set(new.currency),
        email_verified_at: Set(new.email_verified.then_some(now)),
        languages: Set(String::new()),
        learning_goals: Set(String::new()),
        session_length_minutes: Set(60),
        video_provider: Set("builtin".into()),
        reminder_channels: Set("in_app,email".into()),
        avatar_key: Set(None),
        logins_version: Set(0),
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
        insert_role(&txn, id, *role, now).await?;
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
    first_with_roles(
        db,
        user::Entity::find().filter(user::Column::Email.eq(email.as_str())),
    )
    .await
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
    parse_roles(
        user_role::Entity::find()
            .filter(user_role::Column::UserId.eq(id))
            .all(db.conn())
            .await?,
    )
}

/// Grants `role`; granting a role already held changes nothing.
pub async fn grant_role(db: &Database, id: Uuid, role: Role) -> Result<(), StoreError> {
    if roles_of(db, id).await?.contains(&role) {
        return Ok(());
    }
    match insert_role(db.conn(), id, role, db.now()).await {
        // A concurrent grant of the same role is not an error.
        Err(StoreError::AlreadyExists(_)) => {}
        other => other?,
    }
    db.account_changed(id).await;
    Ok(())
}

/// Records that the account proved it receives mail at `email`.
pub async fn mark_email_verified(db: &Database, id: Uuid, email: &str) -> Result<bool, StoreError> {
    let now = db.now();
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
    db.account_changed(id).await;
    Ok(updated.rows_affected == 1)
}

/// Replaces the account's password hash.
pub async fn set_password_hash(
    db: &Database,
    id: Uuid,
    hash: &PasswordHash,
) -> Result<(), StoreError> {
    let now = db.now();
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

/// Takes away `role`; learner, which every account holds, cannot be revoked.
/// Returns whether the account held it.
pub async fn revoke_role(db: &Database, id: Uuid, role: Role) -> Result<bool, StoreError> {
    if role == Role::Learner {
        return Ok(false);
    }
    let deleted = user_role::Entity::delete_many()
        .filter(user_role::Column::UserId.eq(id))
        .filter(user_role::Column::Role.eq(role.as_str()))
        .exec(db.conn())
        .await?;
    db.account_changed(id).await;
    Ok(deleted.rows_affected == 1)
}

/// Applies profile changes and returns the account as it now is.
pub async fn update_profile(
    db: &Database,
    id: Uuid,
    changes: ProfileChanges,
) -> Result<Option<User>, StoreError> {
    let Some(model) = user::Entity::find_by_id(id).one(db.conn()).await? else {
        return Ok(None);
    };
    let mut active: user::ActiveModel = model.into();
    if let Some(v) = changes.display_name {
        active.display_name = Set(v);
    }
    if let Some(v) = changes.time_zone {
        active.time_zone = Set(v);
    }
    if let Some(v) = changes.locale {
        active.locale = Set(v);
    }
    if let Some(v) = changes.currency {
        active.currency = Set(v);
    }
    if let Some(v) = changes.languages {
        active.languages = Set(v.join(","));
    }
    if let Some(v) = changes.learning_goals {
        active.learning_goals = Set(v);
    }
    if let Some(v) = changes.session_length_minutes {
        active.session_length_minutes = Set(v);
    }
    if let Some(v) = changes.video_provider {
        active.video_provider = Set(v);
    }
    if let Some(v) = changes.reminder_channels {
        active.reminder_channels = Set(v.join(","));
    }
    if let Some(v) = changes.avatar_key {
        active.avatar_key = Set(v);
    }
    active.updated_at = Set(db.now());
    active.update(db.conn()).await?;
    db.account_changed(id).await;
    find_by_id(db, id).await
}

/// Moves the account to a new address, which starts unverified.
/// Fails with `AlreadyExists` when another account has it.
pub async fn change_email(db: &Database, id: Uuid, email: &EmailAddress) -> Result<(), StoreError> {
    let now = db.now();
    user::Entity::update_many()
        .col_expr(
            user::Column::Email,
            sea_orm::sea_query::Expr::value(email.as_str()),
        )
        .col_expr(
            user::Column::EmailVerifiedAt,
            sea_orm::sea_query::Expr::value(Option::<chrono::DateTime<Utc>>::None),
        )
        .col_expr(
            user::Column::UpdatedAt,
            sea_orm::sea_query::Expr::value(now),
        )
        .filter(user::Column::Id.eq(id))
        .exec(db.conn())
        .await
        .map_err(|e| StoreError::unique_as(e, "an account with this email"))?;
    db.account_changed(id).await;
    Ok(())
}

/// Accounts whose email or name contains `query` (all when empty), newest first.
pub async fn search(db: &Database, query: &str, limit: u64) -> Result<Vec<User>, StoreError> {
    use sea_orm::{Condition, QueryOrder, QuerySelect};
    let mut find = user::Entity::find();
    let query = query.trim().to_lowercase();
    if !query.is_empty() {
        let pattern = format!("%{}%", query.replace(['%', '_'], ""));
        use sea_orm::sea_query::ExprTrait;
        find = find.filter(
            Condition::any()
                .add(user::Column::Email.like(pattern.clone()))
                .add(
                    sea_orm::sea_query::Expr::expr(sea_orm::sea_query::Func::lower(
                        sea_orm::sea_query::Expr::col(user::Column::DisplayName),
                    ))
                    .like(pattern),
                ),
        );
    }
    let models = find
        .order_by_desc(user::Column::CreatedAt)
        .limit(limit)
        .all(db.conn())
        .await?;
    let mut users = Vec::with_capacity(models.len());
    for model in models {
        if let Some(user) = with_roles(db, Some(model)).await? {
            users.push(user);
        }
    }
    Ok(users)
}

/// The display names of `ids`, in one query; an id with no account is absent.
pub async fn display_names(
    db: &Database,
    ids: &[Uuid],
) -> Result<std::collections::HashMap<Uuid, String>, StoreError> {
    use sea_orm::QuerySelect;
    if ids.is_empty() {
        return Ok(std::collections::HashMap::new());
    }
    let rows: Vec<(Uuid, String)> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .column(user::Column::DisplayName)
        .filter(user::Column::Id.is_in(ids.iter().copied()))
        .into_tuple()
        .all(db.conn())
        .await?;
    Ok(rows.into_iter().collect())
}

/// The display names and addresses of `ids`, in one query (for operators' lists, which
/// name people rather than show their ids); an id with no account is absent.
pub async fn names_and_emails(
    db: &Database,
    ids: &[Uuid],
) -> Result<std::collections::HashMap<Uuid, (String, String)>, StoreError> {
    use sea_orm::QuerySelect;
    if ids.is_empty() {
        return Ok(std::collections::HashMap::new());
    }
    let rows: Vec<(Uuid, String, String)> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .column(user::Column::DisplayName)
        .column(user::Column::Email)
        .filter(user::Column::Id.is_in(ids.iter().copied()))
        .into_tuple()
        .all(db.conn())
        .await?;
    Ok(rows.into_iter().map(|(id, n, e)| (id, (n, e))).collect())
}

/// The account with its roles, in one query (every logged-in request makes it).
pub async fn find_by_id(db: &Database, id: Uuid) -> Result<Option<User>, StoreError> {
    first_with_roles(db, user::Entity::find_by_id(id)).await
}

/// The one account `select` finds, with its roles, in one joined query.
async fn first_with_roles(
    db: &Database,
    select: sea_orm::Select<user::Entity>,
) -> Result<Option<User>, StoreError> {
    let found = select
        .find_with_related(user_role::Entity)
        .all(db.conn())
        .await?;
    match found.into_iter().next() {
        Some((model, rows)) => Ok(Some(to_user(model, parse_roles(rows)?))),
        None => Ok(None),
    }
}

/// Roles as stored, in the order of `Role` (learner, expert, admin).
fn parse_roles(rows: Vec<user_role::Model>) -> Result<Vec<Role>, StoreError> {
    let mut roles = rows
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

/// Whether any account's avatar is the file `key`. Keys made before avatars were keyed
/// per owner are content hashes two accounts can share.
pub async fn avatar_in_use(db: &Database, key: &str) -> Result<bool, StoreError> {
    Ok(user::Entity::find()
        .filter(user::Column::AvatarKey.eq(key))
        .one(db.conn())
        .await?
        .is_some())
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
    Ok(Some(to_user(model, roles)))
}

fn to_user(model: user::Model, roles: Vec<Role>) -> User {
    User {
        id: model.id,
        email: model.email,
        display_name: model.display_name,
        email_verified: model.email_verified_at.is_some(),
        roles,
        locale: model.locale,
        time_zone: model.time_zone,
        currency: model.currency,
        languages: split_list(&model.languages),
        learning_goals: model.learning_goals,
        session_length_minutes: model.session_length_minutes,
        video_provider: model.video_provider,
        reminder_channels: split_list(&model.reminder_channels),
        avatar_key: model.avatar_key,
        created_at: from_chrono(model.created_at),
        logins_version: model.logins_version,
    }
}

async fn insert_role<C: sea_orm::ConnectionTrait>(
    conn: &C,
    user_id: Uuid,
    role: Role,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    user_role::ActiveModel {
        user_id: Set(user_id),
        role: Set(role.as_str().to_owned()),
        granted_at: Set(now),
    }
    .insert(conn)
    .await
    .map_err(|e| StoreError::unique_as(e, "this role"))?;
    Ok(())
}

fn split_list(stored: &str) -> Vec<String> {
    stored
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}
