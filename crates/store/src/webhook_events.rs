//! Webhook deliveries seen: providers retry and reorder, so each event id is handled once,
//! and forgotten again when handling it failed (so the provider's retry runs).

use sea_orm::{ActiveModelTrait, EntityTrait, Set};

use crate::entities::webhook_event;
use crate::{Database, StoreError};

/// Notes a webhook event as received. False when it was received before (a retry).
pub async fn first(
    db: &Database,
    event_id: &str,
    provider: &str,
    kind: &str,
) -> Result<bool, StoreError> {
    let inserted = webhook_event::ActiveModel {
        id: Set(event_id.to_owned()),
        provider: Set(provider.to_owned()),
        kind: Set(kind.chars().take(64).collect()),
        received_at: Set(db.now()),
    }
    .insert(db.conn())
    .await;
    match inserted.map_err(|e| StoreError::unique_as(e, "webhook event")) {
        Ok(_) => Ok(true),
        Err(StoreError::AlreadyExists(_)) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Forgets a webhook event (its processing failed, so the provider's retry must run).
pub async fn forget(db: &Database, event_id: &str) -> Result<(), StoreError> {
    webhook_event::Entity::delete_by_id(event_id.to_owned())
        .exec(db.conn())
        .await?;
    Ok(())
}
