//! The test-mode sandbox: onboarding without a payment provider. Its "onboarding" is a
//! Mentora page, clearly labelled as test mode, where the expert finishes with one click.

use futures::future::BoxFuture;

use crate::payouts::{AccountStatus, NewAccount, PaymentError, Payouts, ProviderMode};

/// Where the sandbox's onboarding page lives.
pub const ONBOARDING_PATH: &str = "/experts/payouts/sandbox";

pub struct Sandbox;

impl Payouts for Sandbox {
    fn mode(&self) -> ProviderMode {
        ProviderMode::Sandbox
    }

    fn create_account(&self, account: NewAccount) -> BoxFuture<'_, Result<String, PaymentError>> {
        // One account per expert, derived from the expert: creating it twice is harmless.
        Box::pin(async move { Ok(format!("acct_sandbox_{}", account.user_id.simple())) })
    }

    fn onboarding_link<'a>(
        &'a self,
        _account_id: &'a str,
        _return_url: &'a str,
        _refresh_url: &'a str,
    ) -> BoxFuture<'a, Result<String, PaymentError>> {
        Box::pin(async move { Ok(ONBOARDING_PATH.to_owned()) })
    }

    fn account_status<'a>(
        &'a self,
        _account_id: &'a str,
    ) -> BoxFuture<'a, Result<Option<AccountStatus>, PaymentError>> {
        Box::pin(async move { Ok(None) })
    }
}
