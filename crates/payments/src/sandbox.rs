//! The test-mode sandbox: payments and onboarding without a payment provider. Its
//! "onboarding" is a Mentora page, clearly labelled as test mode, where the expert
//! finishes with one click; learners pay on Mentora's own labelled checkout, and refunds
//! are sent at once, as are the transfers that pay experts.

use futures::future::BoxFuture;

use crate::PaymentProvider;
use crate::charges::{NewPayment, Payment, PaymentStatus, ProviderRefund, RefundRequest};
use crate::payouts::{AccountStatus, NewAccount, PaymentError, ProviderMode};
use crate::transfers::{NewReversal, NewTransfer, ProviderReversal, ProviderTransfer};

/// Where the sandbox's onboarding page lives.
pub const ONBOARDING_PATH: &str = "/experts/payouts/sandbox";

pub struct Sandbox;

impl PaymentProvider for Sandbox {
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

    fn create_payment(&self, payment: NewPayment) -> BoxFuture<'_, Result<Payment, PaymentError>> {
        // The sandbox's checkout pays directly; this payment only names the booking.
        Box::pin(async move {
            Ok(Payment {
                id: format!("sandbox_pi_{}", payment.booking_id.simple()),
                status: PaymentStatus::Open,
                wire_amount: payment.wire_amount,
                currency: payment.currency,
                client_secret: None,
                booking_id: Some(payment.booking_id),
                charge: None,
                last_error: None,
                fee: None,
            })
        })
    }

    fn payment<'a>(&'a self, id: &'a str) -> BoxFuture<'a, Result<Payment, PaymentError>> {
        Box::pin(async move {
            Err(PaymentError::Unexpected(format!(
                "the sandbox keeps no payment {id:?}: its payments are recorded by Mentora"
            )))
        })
    }

    fn refund(&self, refund: RefundRequest) -> BoxFuture<'_, Result<ProviderRefund, PaymentError>> {
        // Derived from Mentora's refund id: asking twice names the same refund.
        Box::pin(async move {
            Ok(ProviderRefund {
                id: format!("sandbox_re_{}", refund.refund_id.simple()),
                wire_amount: refund.wire_amount,
                status: "succeeded".into(),
                refund_id: Some(refund.refund_id),
            })
        })
    }

    fn refunds_of<'a>(
        &'a self,
        _payment_id: &'a str,
    ) -> BoxFuture<'a, Result<Vec<ProviderRefund>, PaymentError>> {
        Box::pin(async move { Ok(Vec::new()) })
    }

    fn transfer(
        &self,
        transfer: NewTransfer,
    ) -> BoxFuture<'_, Result<ProviderTransfer, PaymentError>> {
        // Derived from Mentora's id: asking twice names the same transfer.
        Box::pin(async move {
            Ok(ProviderTransfer {
                id: format!("sandbox_tr_{}", transfer.transfer_id.simple()),
                wire_amount: transfer.wire_amount,
                wire_reversed: 0,
                transfer_id: Some(transfer.transfer_id),
            })
        })
    }

    fn reverse_transfer(
        &self,
        reversal: NewReversal,
    ) -> BoxFuture<'_, Result<ProviderReversal, PaymentError>> {
        Box::pin(async move {
            Ok(ProviderReversal {
                id: format!("sandbox_trr_{}", reversal.reversal_id.simple()),
                wire_amount: reversal.wire_amount,
            })
        })
    }
}
