//! Paying an expert their share: a transfer from the platform's balance to the expert's
//! connected account, tied to the charge that brought the money in, and its reversal when
//! money has to come back (a refund or a dispute after the expert was paid). Also the
//! disputes (chargebacks) a learner's bank opens, and the expert's own payouts to their
//! bank, as the provider reports them.

use uuid::Uuid;

/// A transfer to ask for.
#[derive(Debug, Clone)]
pub struct NewTransfer {
    /// Mentora's transfer id: the idempotency key and the transfer's metadata.
    pub transfer_id: Uuid,
    /// The booking the share was earned with (the transfer group, as the payment's).
    pub booking_id: Uuid,
    /// The expert's connected account (`acct_…`).
    pub destination: String,
    /// On the wire.
    pub wire_amount: i64,
    /// ISO code, lower case on the wire.
    pub currency: String,
    /// The charge that brought the money in (`ch_…`): Stripe transfers from it even
    /// before the funds are available, and never more than it holds.
    pub source_charge: String,
}

/// A transfer as the provider reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderTransfer {
    /// `tr_…`.
    pub id: String,
    /// On the wire.
    pub wire_amount: i64,
    /// How much of it was reversed, on the wire.
    pub wire_reversed: i64,
    /// Mentora's transfer id, when Mentora made it.
    pub transfer_id: Option<Uuid>,
}

/// A reversal to ask for: money back from the expert's account.
#[derive(Debug, Clone)]
pub struct NewReversal {
    /// Mentora's id for it (the idempotency key).
    pub reversal_id: Uuid,
    /// The transfer to reverse (`tr_…`).
    pub transfer: String,
    /// On the wire.
    pub wire_amount: i64,
}

/// A reversal as the provider reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderReversal {
    /// `trr_…`.
    pub id: String,
    /// On the wire.
    pub wire_amount: i64,
}

/// A dispute (chargeback) as a webhook carries it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dispute {
    /// `dp_…`.
    pub id: String,
    /// The disputed payment (`pi_…`), when the charge came from one.
    pub payment_intent: Option<String>,
    /// On the wire.
    pub wire_amount: i64,
    /// Lower case.
    pub currency: String,
    /// `warning_needs_response`, `needs_response`, `under_review`, `won`, `lost`, …
    pub status: String,
    /// The bank's reason (`fraudulent`, `product_not_received`, …).
    pub reason: String,
}

impl Dispute {
    /// Whether a chargeback is over, and how: `Some(true)` won, `Some(false)` lost. (An
    /// inquiry, `warning_*`, takes no money and is not a chargeback.)
    pub fn outcome(&self) -> Option<bool> {
        match self.status.as_str() {
            "won" => Some(true),
            "lost" => Some(false),
            _ => None,
        }
    }
}

/// An expert's payout to their bank, as a Connect webhook carries it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankPayout {
    /// `po_…`.
    pub id: String,
    /// The connected account it left (`acct_…`).
    pub account: String,
    /// On the wire.
    pub wire_amount: i64,
    /// Lower case.
    pub currency: String,
    /// `paid`, `failed`, `pending`, `in_transit`, `canceled`.
    pub status: String,
    /// When the bank receives it (Unix seconds).
    pub arrival_date: i64,
    /// Why it failed, in the provider's words.
    pub failure_message: Option<String>,
}
