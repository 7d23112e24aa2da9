//! Who is in a room: each stay is recorded (joined, seen, left) for the settlement, and
//! announced on the room's channel so the others see who came, who left, and when
//! support staff joined.

use jiff::Timestamp;
use store::Database;
use store::users::User;
use uuid::Uuid;

use super::{RoomError, RoomPass};
use crate::live::{Channel, LiveHub};

/// Records that `user` entered the open room and tells the others. Returns the stay's id,
/// which the caller ends with [`leave`].
pub async fn join(
    db: &Database,
    hub: &LiveHub,
    pass: &RoomPass,
    user: &User,
    now: Timestamp,
) -> Result<Uuid, RoomError> {
    pass.require_open(now)?;
    let stay = Uuid::new_v4();
    store::rooms::join(
        db,
        stay,
        pass.booking_id(),
        user.id,
        pass.role.as_str(),
        now,
    )
    .await?;
    announce(hub, pass.booking_id(), user, pass.role.as_str(), "joined").await;
    Ok(stay)
}

/// Ends a stay and tells the others.
pub async fn leave(
    db: &Database,
    hub: &LiveHub,
    booking: Uuid,
    stay: Uuid,
    user: &User,
    role: &str,
    now: Timestamp,
) -> Result<(), RoomError> {
    store::rooms::leave(db, stay, now).await?;
    announce(hub, booking, user, role, "left").await;
    Ok(())
}

/// Whether `person` is in the room of `booking` now (a stay not yet ended).
pub async fn is_present(db: &Database, booking: Uuid, person: Uuid) -> Result<bool, RoomError> {
    Ok(store::rooms::stays(db, booking)
        .await?
        .iter()
        .any(|s| s.account_id == person && s.left_at.is_none()))
}

/// Marks a stay as still going (the live connection is there).
pub async fn seen(db: &Database, stay: Uuid, now: Timestamp) -> Result<(), RoomError> {
    store::rooms::seen(db, stay, now).await?;
    Ok(())
}

async fn announce(hub: &LiveHub, booking: Uuid, user: &User, role: &str, what: &str) {
    hub.publish(
        Channel::Room(booking),
        "presence",
        serde_json::json!({
            "person": user.id,
            "name": user.display_name,
            "role": role,
            "state": what,
        }),
    )
    .await;
}
