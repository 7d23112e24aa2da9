//! Payout onboarding: each approved expert gets a connected account at the payment
//! provider and completes the provider's onboarding; the provider's reports (webhooks, or
//! a read on return) keep what Mentora knows current. An expert is bookable only when the
//! provider says charges and payouts are enabled.

use jiff::Timestamp;
use payments::webhook;
use payments::{NewAccount, PaymentProvider, ProviderMode};
use store::experts::{self, ExpertProfile, PayoutState};
use store::logins::ClientInfo;
use store::users::User;
use store::{Database, StoreError};

use super::ExpertError;
use crate::accounts::{LinkBase, record};

/// Where the expert goes to onboard: the provider's hosted page, or the sandbox's.
pub async fn start_onboarding(
    db: &Database,
    provider: &dyn PaymentProvider,
    links: LinkBase<'_>,
    user: &User,
    client: &ClientInfo,
) -> Result<String, ExpertError> {
    let profile = approved_profile(db, user).await?;
    let account = match profile.payout.account_id {
        Some(account) => account,
        None => {
            let created = provider
                .create_account(NewAccount {
                    user_id: user.id,
                    email: user.email.clone(),
                })
                .await?;
            // Keeps the first account if another request stored one meanwhile.
            experts::set_payout_account(db, user.id, &created)
                .await?
                .unwrap_or(created)
        }
    };
    let url = provider
        .onboarding_link(
            &account,
            &format!("{}/experts/payouts/return", links.0),
            &format!("{}/experts/payouts/refresh", links.0),
        )
        .await?;
    record(db, Some(user.id), "payouts.onboarding_started", client).await?;
    Ok(url)
}

/// Asks the provider for the account's state (the expert came back from onboarding).
pub async fn refresh(
    db: &Database,
    provider: &dyn PaymentProvider,
    user: &User,
) -> Result<ExpertProfile, ExpertError> {
    let profile = approved_profile(db, user).await?;
    if let Some(account) = &profile.payout.account_id
        && let Some(status) = provider.account_status(account).await?
    {
        let state = PayoutState {
            account_id: Some(account.clone()),
            charges_enabled: status.charges_enabled,
            payouts_enabled: status.payouts_enabled,
            requirements: status.requirements,
        };
        experts::update_payout_state(db, account, &state, db.clock().now()).await?;
    }
    experts::find(db, user.id)
        .await?
        .ok_or(ExpertError::NotFound)
}

/// Finishes onboarding in the test-mode sandbox: the account can take payments and be
/// paid out. Refused when a real provider is configured.
pub async fn complete_sandbox(
    db: &Database,
    provider: &dyn PaymentProvider,
    user: &User,
    client: &ClientInfo,
) -> Result<ExpertProfile, ExpertError> {
    if provider.mode() != ProviderMode::Sandbox {
        return Err(ExpertError::NotTestMode);
    }
    let profile = approved_profile(db, user).await?;
    let account = profile.payout.account_id.ok_or(ExpertError::NotFound)?;
    let state = PayoutState {
        account_id: Some(account.clone()),
        charges_enabled: true,
        payouts_enabled: true,
        requirements: Vec::new(),
    };
    experts::update_payout_state(db, &account, &state, db.clock().now()).await?;
    record(db, Some(user.id), "payouts.sandbox_completed", client).await?;
    experts::find(db, user.id)
        .await?
        .ok_or(ExpertError::NotFound)
}

/// What became of an account event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// Applied to the expert's payout state.
    Applied,
    /// Older than what is known, or about no expert Mentora knows: nothing to do.
    Ignored,
}

/// An account event that could not be applied.
#[derive(Debug, thiserror::Error)]
pub enum AccountEventError {
    /// The database failed; the job retries.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Authentic, but not an account Mentora can read.
    #[error("the event could not be read: {0}")]
    Unreadable(String),
}

/// Applies `account.updated`: events carry the whole account and are applied only when
/// newer than what is known, so they may arrive in any order.
pub async fn apply_account_update(
    db: &Database,
    event: &webhook::Event,
) -> Result<Delivery, AccountEventError> {
    let account = event
        .data
        .object
        .get("id")
        .and_then(|v| v.as_str())
        .ok_or_else(|| {
            AccountEventError::Unreadable("account.updated without an account id".into())
        })?;
    let status = payments::stripe::status_of(&event.data.object)
        .map_err(|e| AccountEventError::Unreadable(e.to_string()))?;
    let state = PayoutState {
        account_id: Some(account.to_owned()),
        charges_enabled: status.charges_enabled,
        payouts_enabled: status.payouts_enabled,
        requirements: status.requirements,
    };
    match experts::update_payout_state(db, account, &state, provider_time(event.created)).await? {
        Some(user_id) => {
            store::audit::record(
                db,
                store::audit::NewAuditEvent {
                    user_id: Some(user_id),
                    actor_id: None,
                    kind: "payouts.account_updated",
                    client: &ClientInfo::default(),
                    detail: serde_json::json!({
                        "charges_enabled": state.charges_enabled,
                        "payouts_enabled": state.payouts_enabled,
                        "requirements": state.requirements,
                    })
                    .to_string(),
                },
            )
            .await?;
            Ok(Delivery::Applied)
        }
        None => Ok(Delivery::Ignored),
    }
}

async fn approved_profile(db: &Database, user: &User) -> Result<ExpertProfile, ExpertError> {
    let profile = experts::find(db, user.id)
        .await?
        .ok_or(ExpertError::NotFound)?;
    if profile.status != domain::expert::ApplicationStatus::Approved {
        return Err(ExpertError::WrongState(profile.status));
    }
    Ok(profile)
}

/// When the provider says an event happened (Unix seconds on the wire). A value outside
/// any calendar counts as the oldest, so it can never overrule a real update.
fn provider_time(created: i64) -> Timestamp {
    Timestamp::from_second(created).unwrap_or(Timestamp::MIN)
}
