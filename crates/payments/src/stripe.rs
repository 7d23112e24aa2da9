//! Stripe Connect Express over Stripe's HTTP API: create the connected account, link to
//! its hosted onboarding, read its state. Form-encoded requests as Stripe documents them;
//! the tests run against a wire-level fake that asserts these exact parameters.

use futures::future::BoxFuture;
use serde::Deserialize;

use crate::payouts::{AccountStatus, NewAccount, PaymentError, Payouts, ProviderMode};

pub const DEFAULT_API_BASE: &str = "https://api.stripe.com";

/// Names ring as the process's TLS crypto provider (reqwest is built without one, and
/// refuses to build a client until one is installed). Installing twice changes nothing.
pub fn install_crypto_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

pub struct StripeConnect {
    http: reqwest::Client,
    secret_key: String,
    api_base: String,
}

impl StripeConnect {
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
        idempotency_key: Option<&str>,
    ) -> Result<T, PaymentError> {
        let mut request = self
            .http
            .post(format!("{}{path}", self.api_base))
            .bearer_auth(&self.secret_key)
            .form(form);
        if let Some(key) = idempotency_key {
            request = request.header("Idempotency-Key", key);
        }
        read(request.send().await).await
    }
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

impl Payouts for StripeConnect {
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
                    Some(&key),
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
            let link: Link = self
                .post(
                    "/v1/account_links",
                    &[
                        ("account", account_id),
                        ("refresh_url", refresh_url),
                        ("return_url", return_url),
                        ("type", "account_onboarding"),
                    ],
                    None,
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
            if !account_id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_')
            {
                return Err(PaymentError::Unexpected(format!(
                    "not an account id: {account_id:?}"
                )));
            }
            let sent = self
                .http
                .get(format!("{}/v1/accounts/{account_id}", self.api_base))
                .bearer_auth(&self.secret_key)
                .send()
                .await;
            let account: Account = read(sent).await?;
            Ok(Some(to_status(account)))
        })
    }
}
