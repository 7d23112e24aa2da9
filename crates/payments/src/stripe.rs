//! Stripe over its HTTP API: Connect Express accounts for experts (create, onboarding
//! link, state), PaymentIntents and refunds for learners, and transfers (and their
//! reversals) that pay experts their share. Form-encoded requests as Stripe
//! documents them, every one with the pinned `Stripe-Version` and every POST with an
//! `Idempotency-Key` derived from Mentora's own ids, so a retry never charges or refunds
//! twice. Only the fields Mentora uses are parsed. The tests run against a wire-level fake
//! that asserts these exact parameters and headers.

use futures::future::BoxFuture;
use serde::Deserialize;
use uuid::Uuid;

use crate::PaymentProvider;
use crate::charges::{Fee, NewPayment, Payment, PaymentStatus, ProviderRefund, RefundRequest};
use crate::payouts::{AccountStatus, NewAccount, PaymentError, ProviderMode};
use crate::transfers::{
    BankPayout, Dispute, NewReversal, NewTransfer, ProviderReversal, ProviderTransfer,
};

pub const DEFAULT_API_BASE: &str = "https://api.stripe.com";

/// The API version every request names, so Stripe's answers keep the shapes parsed here
/// whatever the account's default version is.
pub const API_VERSION: &str = "2025-03-31.basil";

/// Names ring as the process's TLS crypto provider (reqwest is built without one, and
/// refuses to build a client until one is installed). Installing twice changes nothing.
pub fn install_crypto_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

pub struct StripeClient {
    http: reqwest::Client,
    secret_key: String,
    api_base: String,
}

impl StripeClient {
    /// `api_base` is Stripe's (`DEFAULT_API_BASE`) in production, a local server in tests.
    pub fn new(secret_key: &str, api_base: &str) -> Result<Self, PaymentError> {
        install_crypto_provider();
        let http = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(20))
            .build()
            .map_err(|e| PaymentError::Unexpected(e.to_string()))?;
        Ok(Self {
            http,
            secret_key: secret_key.to_owned(),
            api_base: api_base.trim_end_matches('/').to_owned(),
        })
    }

    async fn post<T: for<'de> Deserialize<'de>>(
        &self,
        path: &str,
        form: &[(&str, &str)],
        idempotency_key: &str,
    ) -> Result<T, PaymentError> {
        let request = self
            .http
            .post(format!("{}{path}", self.api_base))
            .bearer_auth(&self.secret_key)
            .header("Stripe-Version", API_VERSION)
            .header("Idempotency-Key", idempotency_key)
            .form(form);
        read(request.send().await).await
    }

    async fn get<T: for<'de> Deserialize<'de>>(
        &self,
        path: &str,
        query: &[(&str, &str)],
    ) -> Result<T, PaymentError> {
        let request = self
            .http
            .get(format!("{}{path}", self.api_base))
            .bearer_auth(&self.secret_key)
            .header("Stripe-Version", API_VERSION)
            .query(query);
        read(request.send().await).await
    }
}

/// Refuses anything but a Stripe id (`pi_…`, `acct_…`) where one goes into a URL path.
fn stripe_id(id: &str) -> Result<&str, PaymentError> {
    if !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        Ok(id)
    } else {
        Err(PaymentError::Unexpected(format!("not a Stripe id: {id:?}")))
    }
}

#[derive(Deserialize)]
struct IntentObject {
    id: String,
    status: String,
    amount: i64,
    currency: String,
    #[serde(default)]
    client_secret: Option<String>,
    #[serde(default)]
    metadata: std::collections::HashMap<String, String>,
    /// An id, or the expanded charge object.
    #[serde(default)]
    latest_charge: Option<serde_json::Value>,
    #[serde(default)]
    last_payment_error: Option<LastError>,
}

#[derive(Deserialize)]
struct LastError {
    #[serde(default)]
    message: Option<String>,
}

/// A PaymentIntent object (an API answer or a webhook's payload) in Mentora's words.
pub fn payment_of(object: &serde_json::Value) -> Result<Payment, PaymentError> {
    let intent: IntentObject = serde_json::from_value(object.clone())
        .map_err(|e| PaymentError::Unexpected(format!("a PaymentIntent: {e}")))?;
    Ok(to_payment(intent))
}

fn to_payment(intent: IntentObject) -> Payment {
    // Expanded (with its balance transaction) when read, an id in most events.
    let fee = intent
        .latest_charge
        .as_ref()
        .and_then(|c| c.get("balance_transaction"))
        .and_then(|t| {
            Some(Fee {
                wire_amount: t.get("fee")?.as_i64()?,
                currency: t.get("currency")?.as_str()?.to_owned(),
            })
        });
    let charge = intent.latest_charge.and_then(|c| match c {
        serde_json::Value::String(id) => Some(id),
        other => other.get("id").and_then(|v| v.as_str()).map(str::to_owned),
    });
    Payment {
        status: PaymentStatus::from_stripe(&intent.status),
        booking_id: intent
            .metadata
            .get("booking_id")
            .and_then(|id| Uuid::parse_str(id).ok()),
        id: intent.id,
        wire_amount: intent.amount,
        currency: intent.currency,
        client_secret: intent.client_secret,
        charge,
        last_error: intent.last_payment_error.and_then(|e| e.message),
        fee,
    }
}

#[derive(Deserialize)]
struct RefundObject {
    id: String,
    amount: i64,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    metadata: std::collections::HashMap<String, String>,
}

fn to_refund(refund: RefundObject) -> ProviderRefund {
    ProviderRefund {
        refund_id: refund
            .metadata
            .get("mentora_refund_id")
            .and_then(|id| Uuid::parse_str(id).ok()),
        id: refund.id,
        wire_amount: refund.amount,
        status: refund.status.unwrap_or_else(|| "succeeded".into()),
    }
}

#[derive(Deserialize)]
struct RefundList {
    data: Vec<RefundObject>,
}

#[derive(Deserialize)]
struct Created {
    id: String,
}

#[derive(Deserialize)]
struct Link {
    url: String,
}

#[derive(Deserialize)]
struct Account {
    #[serde(default)]
    charges_enabled: bool,
    #[serde(default)]
    payouts_enabled: bool,
    #[serde(default)]
    requirements: Option<Requirements>,
}

#[derive(Deserialize, Default)]
struct Requirements {
    #[serde(default)]
    currently_due: Vec<String>,
}

#[derive(Deserialize)]
struct StripeError {
    error: StripeErrorBody,
}

#[derive(Deserialize)]
struct StripeErrorBody {
    #[serde(default)]
    message: String,
}

/// The state Stripe reports in an account object (an API answer or a webhook's payload).
pub fn status_of(account: &serde_json::Value) -> Result<AccountStatus, PaymentError> {
    let account: Account = serde_json::from_value(account.clone())
        .map_err(|e| PaymentError::Unexpected(e.to_string()))?;
    Ok(to_status(account))
}

fn to_status(account: Account) -> AccountStatus {
    AccountStatus {
        charges_enabled: account.charges_enabled,
        payouts_enabled: account.payouts_enabled,
        requirements: account.requirements.unwrap_or_default().currently_due,
    }
}

#[derive(Deserialize)]
struct TransferObject {
    id: String,
    amount: i64,
    #[serde(default)]
    amount_reversed: i64,
    #[serde(default)]
    metadata: std::collections::HashMap<String, String>,
}

/// A transfer object (an API answer or a `transfer.*` event's payload) in Mentora's words.
pub fn transfer_of(object: &serde_json::Value) -> Result<ProviderTransfer, PaymentError> {
    let transfer: TransferObject = serde_json::from_value(object.clone())
        .map_err(|e| PaymentError::Unexpected(format!("a transfer: {e}")))?;
    Ok(to_transfer(transfer))
}

fn to_transfer(transfer: TransferObject) -> ProviderTransfer {
    ProviderTransfer {
        transfer_id: transfer
            .metadata
            .get("mentora_transfer_id")
            .and_then(|id| Uuid::parse_str(id).ok()),
        id: transfer.id,
        wire_amount: transfer.amount,
        wire_reversed: transfer.amount_reversed,
    }
}

#[derive(Deserialize)]
struct DisputeObject {
    id: String,
    amount: i64,
    currency: String,
    status: String,
    #[serde(default)]
    reason: Option<String>,
    /// An id, or the expanded object.
    #[serde(default)]
    payment_intent: Option<serde_json::Value>,
}

/// A dispute object (a `charge.dispute.*` event's payload) in Mentora's words.
pub fn dispute_of(object: &serde_json::Value) -> Result<Dispute, PaymentError> {
    let dispute: DisputeObject = serde_json::from_value(object.clone())
        .map_err(|e| PaymentError::Unexpected(format!("a dispute: {e}")))?;
    Ok(Dispute {
        id: dispute.id,
        payment_intent: dispute.payment_intent.and_then(|p| match p {
            serde_json::Value::String(id) => Some(id),
            other => other.get("id").and_then(|v| v.as_str()).map(str::to_owned),
        }),
        wire_amount: dispute.amount,
        currency: dispute.currency,
        status: dispute.status,
        reason: dispute.reason.unwrap_or_default(),
    })
}

#[derive(Deserialize)]
struct PayoutObject {
    id: String,
    amount: i64,
    currency: String,
    status: String,
    #[serde(default)]
    arrival_date: i64,
    #[serde(default)]
    failure_message: Option<String>,
}

/// A payout object of connected account `account` (a Connect `payout.*` event's payload,
/// whose `account` names the expert's account) in Mentora's words.
pub fn bank_payout_of(
    object: &serde_json::Value,
    account: &str,
) -> Result<BankPayout, PaymentError> {
    let payout: PayoutObject = serde_json::from_value(object.clone())
        .map_err(|e| PaymentError::Unexpected(format!("a payout: {e}")))?;
    Ok(BankPayout {
        id: payout.id,
        account: account.to_owned(),
        wire_amount: payout.amount,
        currency: payout.currency,
        status: payout.status,
        arrival_date: payout.arrival_date,
        failure_message: payout.failure_message,
    })
}

#[derive(Deserialize)]
struct ReversalObject {
    id: String,
    amount: i64,
}

async fn read<T: for<'de> Deserialize<'de>>(
    sent: Result<reqwest::Response, reqwest::Error>,
) -> Result<T, PaymentError> {
    let response = sent.map_err(|e| PaymentError::Unreachable(e.to_string()))?;
    let status = response.status();
    let body = response
        .bytes()
        .await
        .map_err(|e| PaymentError::Unreachable(e.to_string()))?;
    if !status.is_success() {
        let message = serde_json::from_slice::<StripeError>(&body)
            .map(|e| e.error.message)
            .unwrap_or_else(|_| String::from_utf8_lossy(&body).chars().take(200).collect());
        return Err(PaymentError::Refused {
            status: status.as_u16(),
            message,
        });
    }
    serde_json::from_slice(&body).map_err(|e| PaymentError::Unexpected(e.to_string()))
}

impl PaymentProvider for StripeClient {
    fn mode(&self) -> ProviderMode {
        ProviderMode::Stripe
    }

    fn create_account(&self, account: NewAccount) -> BoxFuture<'_, Result<String, PaymentError>> {
        Box::pin(async move {
            let user_id = account.user_id.to_string();
            // The same key for the same expert: a retry, or two tabs, get one account.
            let key = format!("mentora-connect-account-{user_id}");
            let created: Created = self
                .post(
                    "/v1/accounts",
                    &[
                        ("type", "express"),
                        ("email", &account.email),
                        ("business_type", "individual"),
                        ("capabilities[card_payments][requested]", "true"),
                        ("capabilities[transfers][requested]", "true"),
                        ("metadata[mentora_user_id]", &user_id),
                    ],
                    &key,
                )
                .await?;
            Ok(created.id)
        })
    }

    fn onboarding_link<'a>(
        &'a self,
        account_id: &'a str,
        return_url: &'a str,
        refresh_url: &'a str,
    ) -> BoxFuture<'a, Result<String, PaymentError>> {
        Box::pin(async move {
            // Links are single-use; the key only makes this one request safe to resend.
            let key = format!("mentora-account-link-{}", Uuid::new_v4());
            let link: Link = self
                .post(
                    "/v1/account_links",
                    &[
                        ("account", account_id),
                        ("refresh_url", refresh_url),
                        ("return_url", return_url),
                        ("type", "account_onboarding"),
                    ],
                    &key,
                )
                .await?;
            Ok(link.url)
        })
    }

    fn account_status<'a>(
        &'a self,
        account_id: &'a str,
    ) -> BoxFuture<'a, Result<Option<AccountStatus>, PaymentError>> {
        Box::pin(async move {
            let path = format!("/v1/accounts/{}", stripe_id(account_id)?);
            let account: Account = self.get(&path, &[]).await?;
            Ok(Some(to_status(account)))
        })
    }

    fn create_payment(&self, payment: NewPayment) -> BoxFuture<'_, Result<Payment, PaymentError>> {
        Box::pin(async move {
            let booking = payment.booking_id.to_string();
            let amount = payment.wire_amount.to_string();
            let currency = payment.currency.to_ascii_lowercase();
            // One payment per booking, however often it is asked for.
            let key = format!("mentora-payment-{booking}");
            let intent: IntentObject = self
                .post(
                    "/v1/payment_intents",
                    &[
                        ("amount", &amount),
                        ("currency", &currency),
                        ("automatic_payment_methods[enabled]", "true"),
                        ("description", &payment.description),
                        ("metadata[booking_id]", &booking),
                        ("transfer_group", &booking),
                    ],
                    &key,
                )
                .await?;
            Ok(to_payment(intent))
        })
    }

    fn payment<'a>(&'a self, id: &'a str) -> BoxFuture<'a, Result<Payment, PaymentError>> {
        Box::pin(async move {
            let path = format!("/v1/payment_intents/{}", stripe_id(id)?);
            // The charge's balance transaction carries the fee Stripe kept.
            let expand = [("expand[]", "latest_charge.balance_transaction")];
            let intent: IntentObject = self.get(&path, &expand).await?;
            Ok(to_payment(intent))
        })
    }

    fn refund(&self, refund: RefundRequest) -> BoxFuture<'_, Result<ProviderRefund, PaymentError>> {
        Box::pin(async move {
            let id = refund.refund_id.to_string();
            let amount = refund.wire_amount.to_string();
            let key = format!("mentora-refund-{id}");
            let made: RefundObject = self
                .post(
                    "/v1/refunds",
                    &[
                        ("payment_intent", stripe_id(&refund.payment_id)?),
                        ("amount", &amount),
                        ("reason", "requested_by_customer"),
                        ("metadata[mentora_refund_id]", &id),
                    ],
                    &key,
                )
                .await?;
            Ok(to_refund(made))
        })
    }

    fn refunds_of<'a>(
        &'a self,
        payment_id: &'a str,
    ) -> BoxFuture<'a, Result<Vec<ProviderRefund>, PaymentError>> {
        Box::pin(async move {
            // A booking is refunded a handful of times at most; 100 is Stripe's page limit.
            let list: RefundList = self
                .get(
                    "/v1/refunds",
                    &[("payment_intent", stripe_id(payment_id)?), ("limit", "100")],
                )
                .await?;
            Ok(list.data.into_iter().map(to_refund).collect())
        })
    }

    fn transfer(
        &self,
        transfer: NewTransfer,
    ) -> BoxFuture<'_, Result<ProviderTransfer, PaymentError>> {
        Box::pin(async move {
            let id = transfer.transfer_id.to_string();
            let booking = transfer.booking_id.to_string();
            let amount = transfer.wire_amount.to_string();
            let currency = transfer.currency.to_ascii_lowercase();
            let key = format!("mentora-transfer-{id}");
            let made: TransferObject = self
                .post(
                    "/v1/transfers",
                    &[
                        ("amount", &amount),
                        ("currency", &currency),
                        ("destination", stripe_id(&transfer.destination)?),
                        ("source_transaction", stripe_id(&transfer.source_charge)?),
                        ("transfer_group", &booking),
                        ("metadata[booking_id]", &booking),
                        ("metadata[mentora_transfer_id]", &id),
                    ],
                    &key,
                )
                .await?;
            Ok(to_transfer(made))
        })
    }

    fn reverse_transfer(
        &self,
        reversal: NewReversal,
    ) -> BoxFuture<'_, Result<ProviderReversal, PaymentError>> {
        Box::pin(async move {
            let id = reversal.reversal_id.to_string();
            let amount = reversal.wire_amount.to_string();
            let path = format!("/v1/transfers/{}/reversals", stripe_id(&reversal.transfer)?);
            let key = format!("mentora-reversal-{id}");
            let made: ReversalObject = self
                .post(
                    &path,
                    &[("amount", &amount), ("metadata[mentora_reversal_id]", &id)],
                    &key,
                )
                .await?;
            Ok(ProviderReversal {
                id: made.id,
                wire_amount: made.amount,
            })
        })
    }
}
