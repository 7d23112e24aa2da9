//! Removing what has run out: WebAuthn ceremonies and second-factor logins never finished,
//! sessions past their end, email links and known devices past theirs. Nothing here is read once expired
//! (every lookup filters on `expires_at`), so this only keeps the tables small: an
//! attacker starting ceremonies in a loop fills them until the next run.

use jiff::Timestamp;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::entities::{challenge, email_token, known_device, session};
use crate::instant::to_chrono;
use crate::{Database, StoreError};

/// How many rows of each kind one run removed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Purged {
    pub challenges: u64,
    pub sessions: u64,
    pub email_links: u64,
    pub devices: u64,
}

impl Purged {
    pub fn total(self) -> u64 {
        self.challenges + self.sessions + self.email_links + self.devices
    }
}

/// Deletes every challenge, session, email link and known device that expired before `now`.
pub async fn purge_expired(db: &Database, now: Timestamp) -> Result<Purged, StoreError> {
    let now = to_chrono(now);
    let challenges = challenge::Entity::delete_many()
        .filter(challenge::Column::ExpiresAt.lte(now))
        .exec(db.conn())
        .await?
        .rows_affected;
    let sessions = session::Entity::delete_many()
        .filter(session::Column::ExpiresAt.lte(now))
        .exec(db.conn())
        .await?
        .rows_affected;
    let email_links = email_token::Entity::delete_many()
        .filter(email_token::Column::ExpiresAt.lte(now))
        .exec(db.conn())
        .await?
        .rows_affected;
    let devices = known_device::Entity::delete_many()
        .filter(known_device::Column::ExpiresAt.lte(now))
        .exec(db.conn())
        .await?
        .rows_affected;
    Ok(Purged {
        challenges,
        sessions,
        email_links,
        devices,
    })
}
