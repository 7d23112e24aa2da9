//! The room's text chat: kept with the session (both read it back afterwards), heard
//! live by everyone in the room.

use jiff::Timestamp;
use store::Database;
use store::users::User;
use uuid::Uuid;

use super::{RoomError, RoomPass};
use crate::FieldError;
use crate::live::{Channel, LiveHub};

/// The longest message, in characters.
pub const MAX_CHARS: usize = 2000;

/// One message as the room shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct ChatMessage {
    /// The message's id.
    pub id: Uuid,
    /// Who wrote it.
    pub from: Uuid,
    /// Their name.
    pub name: String,
    /// What they wrote (plain text).
    pub body: String,
    /// When, RFC 3339.
    pub at: String,
}

/// Posts `body` to the open room as `user`, keeps it, and tells the room.
pub async fn post(
    db: &Database,
    hub: &LiveHub,
    pass: &RoomPass,
    user: &User,
    body: &str,
    now: Timestamp,
) -> Result<ChatMessage, RoomError> {
    pass.require_open(now)?;
    let body = body.trim();
    let invalid = |message_id| {
        RoomError::Invalid(FieldError {
            field: "body",
            message_id,
        })
    };
    if body.is_empty() {
        return Err(invalid("room-chat-empty"));
    }
    if body.chars().count() > MAX_CHARS {
        return Err(invalid("room-chat-too-long"));
    }
    let stored = store::rooms::Message {
        id: Uuid::new_v4(),
        booking_id: pass.booking_id(),
        account_id: user.id,
        body: body.to_owned(),
        created_at: now.as_second(),
    };
    store::rooms::add_message(db, &stored).await?;
    let message = ChatMessage {
        id: stored.id,
        from: user.id,
        name: user.display_name.clone(),
        body: stored.body,
        at: now.to_string(),
    };
    hub.publish(
        Channel::Room(pass.booking_id()),
        "chat",
        serde_json::to_value(&message).unwrap_or_default(),
    )
    .await;
    Ok(message)
}

/// The session's chat, oldest first, with each writer's name.
pub async fn history(db: &Database, pass: &RoomPass) -> Result<Vec<ChatMessage>, RoomError> {
    let rows = store::rooms::messages(db, pass.booking_id(), 500).await?;
    let writers: Vec<Uuid> = rows.iter().map(|r| r.account_id).collect();
    let names = crate::bookings::lists::names(db, &writers)
        .await
        .map_err(|e| match e {
            crate::bookings::BookingError::Store(e) => RoomError::Store(e),
            other => RoomError::Store(store::StoreError::Corrupt(other.to_string())),
        })?;
    let out = rows
        .into_iter()
        .map(|row| ChatMessage {
            id: row.id,
            from: row.account_id,
            name: names.get(&row.account_id).cloned().unwrap_or_default(),
            body: row.body,
            at: Timestamp::from_second(row.created_at)
                .map(|t| t.to_string())
                .unwrap_or_default(),
        })
        .collect();
    Ok(out)
}
