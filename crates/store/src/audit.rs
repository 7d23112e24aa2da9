//! The security audit log: who did what to which account, from where, and when.

use jiff::Timestamp;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use uuid::Uuid;

use crate::entities::audit_event;
use crate::instant::{from_chrono, to_chrono};
use crate::logins::{ClientInfo, truncate};
use crate::{Database, StoreError};

#[derive(Debug, Clone)]
pub struct NewAuditEvent<'a> {
    /// The account the event concerns, if any (a failed login for an unknown email has none).
    pub user_id: Option<Uuid>,
    /// Who acted, when not the account itself (an admin granting a role).
    pub actor_id: Option<Uuid>,
    /// Stable event name, e.g. `login.succeeded`.
    pub kind: &'static str,
    pub client: &'a ClientInfo,
    /// Extra facts as a JSON object.
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEvent {
    pub id: Uuid,
    pub user_id: Option<Uuid>,
    pub actor_id: Option<Uuid>,
    pub kind: String,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub detail: String,
    pub created_at: Timestamp,
}

pub async fn record(db: &Database, event: NewAuditEvent<'_>) -> Result<(), StoreError> {
    record_in(db, db.conn(), event).await
}

/// Records `event` on `conn`: inside the transaction of the change it records, so the
/// two commit together or not at all.
pub async fn record_in<C: ConnectionTrait>(
    db: &Database,
    conn: &C,
    event: NewAuditEvent<'_>,
) -> Result<(), StoreError> {
    audit_event::ActiveModel {
        id: Set(db.new_id()),
        user_id: Set(event.user_id),
        actor_id: Set(event.actor_id),
        kind: Set(event.kind.to_owned()),
        ip: Set(event.client.ip.clone().map(|s| truncate(s, 64))),
        user_agent: Set(event.client.user_agent.clone().map(|s| truncate(s, 255))),
        detail: Set(event.detail),
        created_at: Set(db.now()),
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// An account's events, newest first.
pub async fn for_user(
    db: &Database,
    user_id: Uuid,
    limit: u64,
) -> Result<Vec<AuditEvent>, StoreError> {
    Ok(audit_event::Entity::find()
        .filter(audit_event::Column::UserId.eq(user_id))
        .order_by_desc(audit_event::Column::Id)
        .limit(limit)
        .all(db.conn())
        .await?
        .into_iter()
        .map(to_event)
        .collect())
}

/// What the audit log can be filtered by; every field narrows.
#[derive(Debug, Default, Clone)]
pub struct AuditFilter {
    pub user_id: Option<Uuid>,
    /// Events whose kind starts with this (`login` matches `login.failed`).
    pub kind_prefix: Option<String>,
    pub from: Option<Timestamp>,
    pub until: Option<Timestamp>,
    pub limit: u64,
}

/// Events matching the filter, newest first.
pub async fn search(db: &Database, filter: &AuditFilter) -> Result<Vec<AuditEvent>, StoreError> {
    let mut find = audit_event::Entity::find();
    if let Some(user_id) = filter.user_id {
        find = find.filter(
            sea_orm::Condition::any()
                .add(audit_event::Column::UserId.eq(user_id))
                .add(audit_event::Column::ActorId.eq(user_id)),
        );
    }
    if let Some(prefix) = &filter.kind_prefix {
        let clean: String = prefix
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '_')
            .collect();
        find = find.filter(audit_event::Column::Kind.starts_with(clean));
    }
    if let Some(from) = filter.from {
        find = find.filter(audit_event::Column::CreatedAt.gte(to_chrono(from)));
    }
    if let Some(until) = filter.until {
        find = find.filter(audit_event::Column::CreatedAt.lt(to_chrono(until)));
    }
    Ok(find
        .order_by_desc(audit_event::Column::Id)
        .limit(filter.limit.clamp(1, 500))
        .all(db.conn())
        .await?
        .into_iter()
        .map(to_event)
        .collect())
}

fn to_event(m: audit_event::Model) -> AuditEvent {
    AuditEvent {
        id: m.id,
        user_id: m.user_id,
        actor_id: m.actor_id,
        kind: m.kind,
        ip: m.ip,
        user_agent: m.user_agent,
        detail: m.detail,
        created_at: from_chrono(m.created_at),
    }
}
