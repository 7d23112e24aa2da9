//! Operators granting and revoking roles. A change of privilege ends the person's sessions
//! and API logins, so no session carries powers from before the change.

use domain::Role;
use store::logins::ClientInfo;
use store::{Database, audit, logins, refresh_tokens, users};
use uuid::Uuid;

use crate::accounts::AccountError;

/// Grants (`grant` true) or revokes a role. Returns whether anything changed.
pub async fn set_role(
    db: &Database,
    actor: Uuid,
    user_id: Uuid,
    role: Role,
    grant: bool,
    client: &ClientInfo,
) -> Result<bool, AccountError> {
    let held = users::roles_of(db, user_id).await?.contains(&role);
    if held == grant || role == Role::Learner {
        return Ok(false);
    }
    if grant {
        users::grant_role(db, user_id, role).await?;
    } else {
        users::revoke_role(db, user_id, role).await?;
    }
    logins::end_all_for_user(db, user_id).await?;
    refresh_tokens::revoke_all_for_user(db, user_id).await?;
    audit::record(
        db,
        audit::NewAuditEvent {
            user_id: Some(user_id),
            actor_id: Some(actor),
            kind: if grant {
                "role.granted"
            } else {
                "role.revoked"
            },
            client,
            detail: serde_json::json!({ "role": role.as_str() }).to_string(),
        },
    )
    .await?;
    Ok(true)
}

/// Accounts whose email or name contains `query` (all when empty), newest first, for
/// operators granting roles.
pub async fn search(
    db: &Database,
    query: &str,
    limit: u64,
) -> Result<Vec<users::User>, store::StoreError> {
    users::search(db, query, limit).await
}
