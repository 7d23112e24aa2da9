//! Paying experts out: each expert gets a connected account, completes the provider's
//! onboarding through a link, and the provider reports what it still needs.

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
