//! Webhook deliveries received: providers retry and reorder, so each event is stored once
//! by its id, with its verified payload, in the same transaction as the job that handles
//! it. A retried delivery finds the event stored and changes nothing.

use sea_orm::{ActiveModelTrait, EntityTrait, Set};

use crate::entities::webhook_event;
use crate::jobs::NewJob;
use crate::{Database, StoreError};

/// Stores a verified event and enqueues `job` to handle it, together. False when the
/// event was stored before (a retry): nothing is added.
pub async fn record(
    db: &Database,
    event_id: &str,
    provider: &str,
    kind: &str,
    payload: &str,
    job: &NewJob,
) -> Result<bool, StoreError> {
    let txn = db.begin_write().await?;
    let inserted = webhook_event::ActiveModel {
        id: Set(event_id.to_owned()),
        provider: Set(provider.to_owned()),
        kind: Set(kind.chars().take(64).collect()),
        received_at: Set(db.now()),
        payload: Set(Some(payload.to_owned())),
    }
    .insert(&txn)
    .await;
    match inserted.map_err(|e| StoreError::unique_as(e, "webhook event")) {
        Ok(_) => {}
        Err(StoreError::AlreadyExists(_)) => {
            txn.rollback().await?;
            return Ok(false);
        }
        Err(e) => return Err(e),
    }
    crate::jobs::enqueue_in(db, &txn, job).await?;
    txn.commit().await?;
    Ok(true)
}

/// A stored event's payload.
pub async fn payload(db: &Database, event_id: &str) -> Result<Option<String>, StoreError> {
    Ok(webhook_event::Entity::find_by_id(event_id.to_owned())
        .one(db.conn())
        .await?
        .and_then(|e| e.payload))
}
