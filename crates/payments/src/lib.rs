//! Payments: the providers Mentora talks to, behind traits so deployments choose and tests
//! swap them. Stripe Connect when keys are configured; otherwise the test-mode sandbox,
//! which is labelled as such wherever it appears.

pub mod payouts;
pub mod sandbox;
pub mod stripe;
pub mod webhook;

pub use payouts::{AccountStatus, NewAccount, PaymentError, Payouts, ProviderMode};
