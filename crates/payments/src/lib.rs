//! Payments: the provider Mentora talks to, behind one trait so deployments choose and
//! tests swap it. Stripe (Connect for experts, PaymentIntents for learners) when keys are
//! configured; otherwise the test-mode sandbox, which is labelled as such wherever it
//! appears.

pub mod charges;
pub mod payouts;
pub mod sandbox;
pub mod stripe;
pub mod transfers;
pub mod webhook;

use futures::future::BoxFuture;

pub use charges::{Fee, NewPayment, Payment, PaymentStatus, ProviderRefund, RefundRequest};
pub use payouts::{AccountStatus, NewAccount, PaymentError, ProviderMode};
pub use transfers::{
    BankPayout, Dispute, NewReversal, NewTransfer, ProviderReversal, ProviderTransfer,
};

/// What Mentora asks of a payment provider.
pub trait PaymentProvider: Send + Sync {
    /// Real money, or the labelled sandbox.
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

    /// Starts a payment for a held booking. Idempotent per booking: asking again returns
    /// the same payment.
    fn create_payment(&self, payment: NewPayment) -> BoxFuture<'_, Result<Payment, PaymentError>>;

    /// A payment's current state.
    fn payment<'a>(&'a self, id: &'a str) -> BoxFuture<'a, Result<Payment, PaymentError>>;

    /// Gives money back. Idempotent per `refund_id`.
    fn refund(&self, refund: RefundRequest) -> BoxFuture<'_, Result<ProviderRefund, PaymentError>>;

    /// Every refund of a payment, Mentora's and any made elsewhere (the dashboard).
    fn refunds_of<'a>(
        &'a self,
        payment_id: &'a str,
    ) -> BoxFuture<'a, Result<Vec<ProviderRefund>, PaymentError>>;

    /// Pays an expert's share to their connected account. Idempotent per `transfer_id`.
    fn transfer(
        &self,
        transfer: NewTransfer,
    ) -> BoxFuture<'_, Result<ProviderTransfer, PaymentError>>;

    /// Takes (part of) a transfer back from the expert's account. Idempotent per
    /// `reversal_id`.
    fn reverse_transfer(
        &self,
        reversal: NewReversal,
    ) -> BoxFuture<'_, Result<ProviderReversal, PaymentError>>;
}
