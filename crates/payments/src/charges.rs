//! Taking a learner's money and giving it back: what Mentora asks the provider for and the
//! few fields of its answers Mentora reads.

use uuid::Uuid;

/// A payment to request for a held booking.
#[derive(Debug, Clone)]
pub struct NewPayment {
    /// The booking paid for: in the payment's metadata, its `transfer_group`, and the
    /// idempotency key, so a retried request makes one payment.
    pub booking_id: Uuid,
    /// On Stripe's wire (see `domain::payment::StripeCurrency::to_wire`).
    pub wire_amount: i64,
    /// ISO code, lower case on the wire.
    pub currency: String,
    /// Shown on the learner's statement and in the provider's dashboard.
    pub description: String,
}

/// Where a payment stands, as the provider says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaymentStatus {
    /// Waiting for the learner (card details, 3-D Secure, a retry after a decline).
    Open,
    /// Being processed (some payment methods take time).
    Processing,
    /// The money is in.
    Succeeded,
    /// Cancelled: no money will come.
    Canceled,
}

impl PaymentStatus {
    /// Stripe's PaymentIntent `status`.
    pub fn from_stripe(status: &str) -> Self {
        match status {
            "succeeded" => Self::Succeeded,
            "processing" => Self::Processing,
            "canceled" => Self::Canceled,
            // requires_payment_method, requires_confirmation, requires_action,
            // requires_capture (never asked for).
            _ => Self::Open,
        }
    }
}

/// A payment as the provider reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payment {
    /// The provider's id (`pi_…`).
    pub id: String,
    pub status: PaymentStatus,
    /// On the wire.
    pub wire_amount: i64,
    /// Lower case.
    pub currency: String,
    /// For the browser to confirm the payment with; never stored.
    pub client_secret: Option<String>,
    /// The booking it was made for (its metadata).
    pub booking_id: Option<Uuid>,
    /// The charge that took the money, once there is one.
    pub charge: Option<String>,
    /// Why the last attempt failed (a decline's message), if it did.
    pub last_error: Option<String>,
    /// What the provider kept of the charge as its fee, once it is known.
    pub fee: Option<Fee>,
}

/// The provider's fee on a charge, in the currency the platform's balance settles in
/// (which may differ from the charge's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fee {
    /// On the wire.
    pub wire_amount: i64,
    /// Lower case.
    pub currency: String,
}

/// A refund to ask for.
#[derive(Debug, Clone)]
pub struct RefundRequest {
    /// Mentora's refund id: the idempotency key and the refund's metadata.
    pub refund_id: Uuid,
    /// The payment to refund (`pi_…`).
    pub payment_id: String,
    /// On the wire.
    pub wire_amount: i64,
}

/// A refund as the provider reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderRefund {
    /// The provider's id (`re_…`).
    pub id: String,
    /// On the wire.
    pub wire_amount: i64,
    /// `pending`, `succeeded`, `failed`, `canceled` (or `requires_action`).
    pub status: String,
    /// Mentora's refund id, when Mentora asked for it (not for one made in the dashboard).
    pub refund_id: Option<Uuid>,
}

impl ProviderRefund {
    /// Whether the money went back. A `pending` refund (some payment methods) is not yet:
    /// it may still fail; `refund.updated` (or reconciliation) reports how it ends.
    pub fn sent(&self) -> bool {
        self.status == "succeeded"
    }

    /// Whether it is still on its way (neither sent nor failed).
    pub fn pending(&self) -> bool {
        matches!(self.status.as_str(), "pending" | "requires_action")
    }
}
