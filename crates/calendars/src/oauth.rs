//! Signing in to Google and Microsoft for an expert's calendars: OAuth 2's authorization
//! code flow with PKCE (RFC 7636, S256), then access tokens bought with the refresh token.
//!
//! The endpoints and scopes are the providers'; tests and on-premises set-ups point the
//! endpoints elsewhere. The scopes are as narrow as each provider allows for reading
//! busy times, watching for changes and writing the sessions' events:
//! - Google: the calendar list (read-only), free/busy of events, and events of the
//!   calendars the account owns (`calendar.events.owned`: sessions are written there, and
//!   changes of those are watched; others are read by free/busy only);
//! - Microsoft: `Calendars.ReadWrite` and `offline_access` (for the refresh token): Graph
//!   has no narrower permission that reads another calendar than the default one.
//!
//! A refresh token the provider no longer takes (`invalid_grant`: revoked, expired or
//! the password changed) is [`CalendarError::Unauthorized`]: only the expert signing in
//! again can mend it.

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

use crate::{CalendarError, status_error, unreachable};

/// Which provider a signed-in connection is with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provider {
    /// Google Calendar.
    Google,
    /// Microsoft 365 / Outlook through Microsoft Graph.
    Microsoft,
}

impl Provider {
    /// The connection kind stored for it (`google`, `microsoft`).
    pub fn kind(self) -> &'static str {
        match self {
            Self::Google => "google",
            Self::Microsoft => "microsoft",
        }
    }

    /// The provider a stored kind names.
    pub fn of_kind(kind: &str) -> Option<Self> {
        match kind {
            "google" => Some(Self::Google),
            "microsoft" => Some(Self::Microsoft),
            _ => None,
        }
    }

    /// The scopes asked for, space-separated.
    pub fn scopes(self) -> &'static str {
        match self {
            Self::Google => concat!(
                "https://www.googleapis.com/auth/calendar.calendarlist.readonly ",
                "https://www.googleapis.com/auth/calendar.events.freebusy ",
                "https://www.googleapis.com/auth/calendar.events.owned"
            ),
            Self::Microsoft => "offline_access Calendars.ReadWrite",
        }
    }
}

/// Google's endpoints.
pub const GOOGLE_AUTHORIZE_URL: &str = "https://accounts.google.com/o/oauth2/v2/auth";
/// Google's token endpoint.
pub const GOOGLE_TOKEN_URL: &str = "https://oauth2.googleapis.com/token";
/// Microsoft's identity platform (the tenant and `/oauth2/v2.0/...` follow).
pub const MICROSOFT_LOGIN_BASE: &str = "https://login.microsoftonline.com";

/// A PKCE pair: the verifier stays with Mentora, the challenge goes to the provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pkce {
    /// 43 characters of URL-safe base64 (from 32 random bytes).
    pub verifier: String,
    /// BASE64URL(SHA-256(verifier)).
    pub challenge: String,
}

impl Pkce {
    /// The pair for 32 random bytes.
    pub fn from_random(random: [u8; 32]) -> Self {
        let verifier = URL_SAFE_NO_PAD.encode(random);
        let challenge = challenge_of(&verifier);
        Self {
            verifier,
            challenge,
        }
    }
}

/// The S256 challenge of `verifier`.
pub fn challenge_of(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

/// One provider's OAuth client as the deployment registered it.
#[derive(Debug, Clone)]
pub struct OAuthSettings {
    /// Google or Microsoft.
    pub provider: Provider,
    /// The client id.
    pub client_id: String,
    /// The client secret (both providers take one for a web application).
    pub client_secret: String,
    /// Where the expert signs in.
    pub authorize_url: String,
    /// Where codes and refresh tokens are exchanged.
    pub token_url: String,
}

impl OAuthSettings {
    /// Google's endpoints for this client.
    pub fn google(client_id: &str, client_secret: &str) -> Self {
        Self {
            provider: Provider::Google,
            client_id: client_id.to_owned(),
            client_secret: client_secret.to_owned(),
            authorize_url: GOOGLE_AUTHORIZE_URL.to_owned(),
            token_url: GOOGLE_TOKEN_URL.to_owned(),
        }
    }

    /// Microsoft's endpoints on `login_base` for `tenant` (`common` for any account).
    pub fn microsoft(client_id: &str, client_secret: &str, login_base: &str, tenant: &str) -> Self {
        let base = format!("{}/{tenant}/oauth2/v2.0", login_base.trim_end_matches('/'));
        Self {
            provider: Provider::Microsoft,
            client_id: client_id.to_owned(),
            client_secret: client_secret.to_owned(),
            authorize_url: format!("{base}/authorize"),
            token_url: format!("{base}/token"),
        }
    }
}

/// What the token endpoint gave.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct Grant {
    /// The bearer token for API calls.
    pub access_token: String,
    /// Its lifetime in seconds.
    #[serde(default = "an_hour")]
    pub expires_in: u64,
    /// A refresh token: always on the first exchange (asked for offline access); on a
    /// refresh, Microsoft sends a new one to keep instead, Google none.
    #[serde(default)]
    pub refresh_token: Option<String>,
}

fn an_hour() -> u64 {
    3600
}

/// An OAuth client; cheap to share.
#[derive(Debug, Clone)]
pub struct OAuthClient {
    http: reqwest::Client,
    settings: OAuthSettings,
}

impl OAuthClient {
    /// A client for `settings`. The endpoints are the deployment's own choice, so they
    /// are not held to public addresses.
    pub fn new(settings: OAuthSettings) -> Result<Self, CalendarError> {
        Ok(Self {
            http: api_client()?,
            settings,
        })
    }

    /// The provider.
    pub fn provider(&self) -> Provider {
        self.settings.provider
    }

    /// The origin of the sign-in page (`https://accounts.google.com`): pages whose forms
    /// lead there must allow it as a form target.
    pub fn sign_in_origin(&self) -> Option<String> {
        url::Url::parse(&self.settings.authorize_url)
            .ok()
            .map(|u| u.origin().ascii_serialization())
    }

    /// Where to send the expert to sign in and grant access. `state` ties the answer to
    /// this attempt; Google is asked for offline access with the consent screen, so a
    /// refresh token comes even to an account that granted access before.
    pub fn authorize_url(&self, redirect_uri: &str, state: &str, challenge: &str) -> String {
        let mut url = match url::Url::parse(&self.settings.authorize_url) {
            Ok(u) => u,
            Err(_) => return self.settings.authorize_url.clone(),
        };
        {
            let mut q = url.query_pairs_mut();
            q.append_pair("client_id", &self.settings.client_id)
                .append_pair("response_type", "code")
                .append_pair("redirect_uri", redirect_uri)
                .append_pair("scope", self.settings.provider.scopes())
                .append_pair("state", state)
                .append_pair("code_challenge", challenge)
                .append_pair("code_challenge_method", "S256");
            match self.settings.provider {
                Provider::Google => {
                    q.append_pair("access_type", "offline")
                        .append_pair("prompt", "consent")
                        .append_pair("include_granted_scopes", "true");
                }
                Provider::Microsoft => {
                    q.append_pair("response_mode", "query");
                }
            }
        }
        url.into()
    }

    /// Exchanges the code the provider sent back, with the PKCE verifier.
    pub async fn exchange(
        &self,
        code: &str,
        verifier: &str,
        redirect_uri: &str,
    ) -> Result<Grant, CalendarError> {
        let s = &self.settings;
        let mut form = vec![
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", redirect_uri),
            ("client_id", s.client_id.as_str()),
            ("client_secret", s.client_secret.as_str()),
            ("code_verifier", verifier),
        ];
        if s.provider == Provider::Microsoft {
            form.push(("scope", s.provider.scopes()));
        }
        let grant = self.token_request(&form).await?;
        if grant.refresh_token.is_none() {
            // Without it the connection would stop working within the hour.
            return Err(CalendarError::Unreadable(
                "the provider sent no refresh token".into(),
            ));
        }
        Ok(grant)
    }

    /// A new access token for `refresh_token`.
    pub async fn refresh(&self, refresh_token: &str) -> Result<Grant, CalendarError> {
        let s = &self.settings;
        let mut form = vec![
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh_token),
            ("client_id", s.client_id.as_str()),
            ("client_secret", s.client_secret.as_str()),
        ];
        if s.provider == Provider::Microsoft {
            form.push(("scope", s.provider.scopes()));
        }
        self.token_request(&form).await
    }

    async fn token_request(&self, form: &[(&str, &str)]) -> Result<Grant, CalendarError> {
        let response = self
            .http
            .post(&self.settings.token_url)
            .form(form)
            .send()
            .await
            .map_err(unreachable)?;
        let status = response.status().as_u16();
        let body = response.text().await.map_err(unreachable)?;
        if status == 400 || status == 401 {
            // RFC 6749 §5.2: a code or refresh token that is no good any more.
            let error: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
            // Only the grant itself: a client the provider refuses (an expired client
            // secret) is the deployment's to fix, not every expert's.
            if error["error"].as_str() == Some("invalid_grant") {
                return Err(CalendarError::Unauthorized);
            }
            return Err(CalendarError::Refused {
                status,
                message: body.chars().take(200).collect(),
            });
        }
        if let Some(e) = status_error(status, &body) {
            return Err(e);
        }
        serde_json::from_str(&body).map_err(|e| {
            CalendarError::Unreadable(format!("a token answer that does not read: {e}"))
        })
    }
}

/// A client for a provider's API: a timeout, rustls on ring, no redirects (an API never
/// needs one).
pub(crate) fn api_client() -> Result<reqwest::Client, CalendarError> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .connect_timeout(Duration::from_secs(10))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| CalendarError::Unreachable(e.to_string()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_challenge_is_rfc_7636s_s256() {
        // RFC 7636, appendix B.
        assert_eq!(
            challenge_of("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
        let pair = Pkce::from_random([1; 32]);
        assert_eq!(pair.verifier.len(), 43);
        assert_eq!(pair.challenge, challenge_of(&pair.verifier));
    }

    #[test]
    fn the_sign_in_address_carries_pkce_state_and_the_narrow_scopes() {
        let client = OAuthClient::new(OAuthSettings::microsoft(
            "app",
            "secret",
            "https://login.example",
            "common",
        ))
        .unwrap();
        let url = url::Url::parse(&client.authorize_url("https://m.test/cb", "st", "ch")).unwrap();
        assert_eq!(url.path(), "/common/oauth2/v2.0/authorize");
        let q: std::collections::HashMap<_, _> = url.query_pairs().into_owned().collect();
        assert_eq!(q["client_id"], "app");
        assert_eq!(q["code_challenge"], "ch");
        assert_eq!(q["code_challenge_method"], "S256");
        assert_eq!(q["scope"], "offline_access Calendars.ReadWrite");
        assert_eq!(q["state"], "st");
        assert_eq!(q["redirect_uri"], "https://m.test/cb");
    }
}
