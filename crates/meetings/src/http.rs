//! What the provider clients share: one HTTP client, a cached access token, and reading
//! answers into `MeetingError`s.

use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use crate::MeetingError;

/// A client with a timeout, on ring's TLS.
pub(crate) fn client() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap_or_default()
}

/// An access token kept until a minute before it expires.
#[derive(Default)]
pub(crate) struct TokenCache(Mutex<Option<(String, Instant)>>);

impl TokenCache {
    pub(crate) fn get(&self) -> Option<String> {
        let held = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        held.as_ref()
            .filter(|(_, until)| Instant::now() < *until)
            .map(|(token, _)| token.clone())
    }

    pub(crate) fn keep(&self, token: &str, expires_in: u64) {
        let until = Instant::now() + Duration::from_secs(expires_in.saturating_sub(60));
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = Some((token.to_owned(), until));
    }

    pub(crate) fn forget(&self) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = None;
    }
}

/// The token endpoint's answer (both providers use these two fields).
#[derive(serde::Deserialize)]
pub(crate) struct TokenAnswer {
    pub access_token: String,
    #[serde(default = "an_hour")]
    pub expires_in: u64,
}

fn an_hour() -> u64 {
    3600
}

/// The answer's body, or the error it stands for.
pub(crate) async fn read(
    provider: &'static str,
    sent: Result<reqwest::Response, reqwest::Error>,
) -> Result<(u16, String), MeetingError> {
    let response = sent.map_err(|e| MeetingError::Unavailable {
        provider,
        message: e.to_string(),
    })?;
    let status = response.status().as_u16();
    let body = response.text().await.unwrap_or_default();
    match status {
        200..=299 => Ok((status, body)),
        400..=499 => Err(MeetingError::Refused {
            provider,
            status,
            message: message_of(&body),
        }),
        _ => Err(MeetingError::Unavailable {
            provider,
            message: format!("{status}: {}", message_of(&body)),
        }),
    }
}

/// The provider's own explanation in an error body, or the body itself, shortened.
fn message_of(body: &str) -> String {
    let parsed: Option<serde_json::Value> = serde_json::from_str(body).ok();
    let said = parsed.as_ref().and_then(|v| {
        v["message"]
            .as_str()
            .or_else(|| v["error"]["message"].as_str())
            .or_else(|| v["error_description"].as_str())
            .or_else(|| v["error"].as_str())
            .map(str::to_owned)
    });
    let mut text = said.unwrap_or_else(|| body.to_owned());
    text.truncate(300);
    text
}

/// Reads a JSON body into `T`, or says the provider answered something else.
pub(crate) fn parse<T: serde::de::DeserializeOwned>(
    provider: &'static str,
    body: &str,
) -> Result<T, MeetingError> {
    serde_json::from_str(body).map_err(|e| MeetingError::Unavailable {
        provider,
        message: format!("an answer that does not read: {e}"),
    })
}

/// Something that holds or buys an access token.
pub(crate) trait Tokens: Sync {
    /// The token held, or a new one.
    fn token(&self) -> futures::future::BoxFuture<'_, Result<String, MeetingError>>;
    /// The cache a refused token is forgotten from.
    fn cache(&self) -> &TokenCache;
}

/// Sends the request `build` makes with a token of `tokens`; a token the provider no
/// longer takes (401) is forgotten and replaced once.
pub(crate) async fn with_token(
    provider: &'static str,
    tokens: &dyn Tokens,
    build: impl Fn(&str) -> reqwest::RequestBuilder,
) -> Result<(u16, String), MeetingError> {
    let mut retried = false;
    loop {
        let held = tokens.token().await?;
        match read(provider, build(&held).send().await).await {
            Err(MeetingError::Refused { status: 401, .. }) if !retried => {
                tokens.cache().forget();
                retried = true;
            }
            other => return other,
        }
    }
}
