//! What an account's security page shows: where it is signed in, its recent security
//! events and its second factors.

use store::audit::{self, AuditEvent};
use store::logins::{self, Login};
use store::passkeys::{self, StoredPasskey};
use store::second_factors::{self, TotpFactor};
use store::{Database, StoreError};
use uuid::Uuid;

/// How many recent security events the page lists.
pub const EVENTS_SHOWN: u64 = 20;

/// Everything the account security page shows about one account.
pub struct SecurityOverview {
    /// Logins still open (browsers and API clients).
    pub logins: Vec<Login>,
    /// The newest security events, newest first.
    pub events: Vec<AuditEvent>,
    /// The authenticator app, once confirmed.
    pub totp: Option<TotpFactor>,
    /// How many recovery codes are still unused (the page shows the count).
    pub recovery_codes_left: u64,
    /// The account's registered passkeys.
    pub passkeys: Vec<StoredPasskey>,
}

/// Gathers the security page's contents for `user_id`.
pub async fn overview(db: &Database, user_id: Uuid) -> Result<SecurityOverview, StoreError> {
    Ok(SecurityOverview {
        logins: logins::list_for_user(db, user_id).await?,
        events: audit::for_user(db, user_id, EVENTS_SHOWN).await?,
        totp: second_factors::totp(db, user_id)
            .await?
            .filter(|t| t.confirmed_at.is_some()),
        recovery_codes_left: second_factors::unused_recovery_codes(db, user_id).await?,
        passkeys: passkeys::for_user(db, user_id).await?,
    })
}
