//! Paying experts out: each expert gets a connected account, completes the provider's
//! onboarding through a link, and the provider reports what it still needs.

use futures::future::BoxFuture;

#[derive(Debug, thiserror::Error)]
pub enum PaymentError {
    #[error("the payment provider could not be reached: {0}")]
    Unreachable(String),
    #[error("the payment provider refused the request ({status}): {message}")]
    Refused { status: u16, message: String },
    #[error("the payment provider answered something unexpected: {0}")]
    Unexpected(String),
}

/// Real money, or the labelled sandbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProviderMode {
    Stripe,
    Sandbox,
}

/// Who the connected account is for.
#[derive(Debug, Clone)]
pub struct NewAccount {
    pub user_id: uuid::Uuid,
    pub email: String,
}

/// What the provider says about a connected account.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AccountStatus {
    pub charges_enabled: bool,
    pub payouts_enabled: bool,
    /// Requirements currently due (`individual.verification.document`, …).
    pub requirements: Vec<String>,
}

pub trait Payouts: Send + Sync {
    fn mode(&self) -> ProviderMode;

    /// Creates the expert's connected account; returns its id. Idempotent per expert.
    fn create_account(&self, account: NewAccount) -> BoxFuture<'_, Result<String, PaymentError>>;

    /// A single-use link to the provider's onboarding for `account_id`. The provider sends
    /// the expert to `return_url` when done, and to `refresh_url` when the link expired.
    fn onboarding_link<'a>(
        &'a self,
        account_id: &'a str,
        return_url: &'a str,
        refresh_url: &'a str,
    ) -> BoxFuture<'a, Result<String, PaymentError>>;

    /// The account's current state, or `None` when the provider keeps none to ask for
    /// (the sandbox, whose state lives in Mentora's own database).
    fn account_status<'a>(
        &'a self,
        account_id: &'a str,
    ) -> BoxFuture<'a, Result<Option<AccountStatus>, PaymentError>>;
}
