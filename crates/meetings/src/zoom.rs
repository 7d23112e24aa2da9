//! Zoom through a Server-to-Server OAuth app: the account's credentials buy an access
//! token (`POST {oauth}/oauth/token?grant_type=account_credentials&account_id=…` with the
//! client id and secret as Basic auth), kept until shortly before it expires; meetings
//! are scheduled meetings (`type` 2) of the app's user that the participants may join
//! without that host, behind the link's passcode.

use base64::Engine;
use futures::FutureExt;
use futures::future::BoxFuture;
use serde_json::json;

use crate::http::{TokenAnswer, TokenCache, Tokens, client, parse, read, with_token};
use crate::{Meeting, MeetingError, MeetingProvider, MeetingRequest};

const NAME: &str = "zoom";

/// Zoom's own addresses.
pub const DEFAULT_API_BASE: &str = "https://api.zoom.us";
/// Where Zoom's tokens come from.
pub const DEFAULT_OAUTH_BASE: &str = "https://zoom.us";

/// The Server-to-Server OAuth app's credentials.
#[derive(Debug, Clone)]
pub struct ZoomSettings {
    /// The Zoom account the app belongs to.
    pub account_id: String,
    /// The app's client id.
    pub client_id: String,
    /// The app's client secret.
    pub client_secret: String,
    /// `https://api.zoom.us` (tests point it at a local server).
    pub api_base: String,
    /// `https://zoom.us`.
    pub oauth_base: String,
}

/// A Zoom client; cheap to share.
pub struct ZoomClient {
    http: reqwest::Client,
    settings: ZoomSettings,
    token: TokenCache,
}

#[derive(serde::Deserialize)]
struct Created {
    id: serde_json::Value,
    join_url: String,
}

impl ZoomClient {
    /// A client for the app with `settings`.
    pub fn new(settings: ZoomSettings) -> Self {
        Self {
            http: client(),
            settings,
            token: TokenCache::default(),
        }
    }

    async fn current_token(&self) -> Result<String, MeetingError> {
        if let Some(token) = self.token.get() {
            return Ok(token);
        }
        let s = &self.settings;
        let basic = base64::engine::general_purpose::STANDARD
            .encode(format!("{}:{}", s.client_id, s.client_secret));
        let sent = self
            .http
            .post(format!(
                "{}/oauth/token",
                s.oauth_base.trim_end_matches('/')
            ))
            .query(&[
                ("grant_type", "account_credentials"),
                ("account_id", &s.account_id),
            ])
            .header("authorization", format!("Basic {basic}"))
            .send()
            .await;
        let (_, body) = read(NAME, sent).await?;
        let answer: TokenAnswer = parse(NAME, &body)?;
        self.token.keep(&answer.access_token, answer.expires_in);
        Ok(answer.access_token)
    }

    /// Sends `method path` with `body`, with a token (see `http::with_token`).
    async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<&serde_json::Value>,
    ) -> Result<(u16, String), MeetingError> {
        let url = format!("{}/v2{path}", self.settings.api_base.trim_end_matches('/'));
        with_token(NAME, self, |token| {
            let request = self.http.request(method.clone(), &url).bearer_auth(token);
            match body {
                Some(body) => request.json(body),
                None => request,
            }
        })
        .await
    }
}

fn schedule(request: &MeetingRequest) -> serde_json::Value {
    json!({
        "topic": request.topic,
        "type": 2,
        "start_time": request.start,
        "duration": request.minutes,
        "timezone": "UTC",
    })
}

impl MeetingProvider for ZoomClient {
    fn create<'a>(
        &'a self,
        request: &'a MeetingRequest,
    ) -> BoxFuture<'a, Result<Meeting, MeetingError>> {
        async move {
            let mut body = schedule(request);
            // The meeting belongs to the deployment's Zoom user, not the expert: nobody
            // waits for that host. Participants join up to ten minutes early, as the built-in
            // room opens; the passcode in the link (given to the participants only) keeps
            // others out.
            body["settings"] = json!({
                "join_before_host": true,
                "jbh_time": 10,
                "waiting_room": false,
            });
            let (_, answer) = self
                .call(reqwest::Method::POST, "/users/me/meetings", Some(&body))
                .await?;
            let created: Created = parse(NAME, &answer)?;
            let external_id = match created.id {
                serde_json::Value::Number(n) => n.to_string(),
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            };
            Ok(Meeting {
                external_id,
                join_url: created.join_url,
            })
        }
        .boxed()
    }

    fn update<'a>(
        &'a self,
        id: &'a str,
        request: &'a MeetingRequest,
    ) -> BoxFuture<'a, Result<(), MeetingError>> {
        async move {
            self.call(
                reqwest::Method::PATCH,
                &format!("/meetings/{id}"),
                Some(&schedule(request)),
            )
            .await
            .map(|_| ())
        }
        .boxed()
    }

    fn delete<'a>(&'a self, id: &'a str) -> BoxFuture<'a, Result<(), MeetingError>> {
        async move {
            match self
                .call(reqwest::Method::DELETE, &format!("/meetings/{id}"), None)
                .await
            {
                Ok(_) | Err(MeetingError::Refused { status: 404, .. }) => Ok(()),
                Err(e) => Err(e),
            }
        }
        .boxed()
    }
}

impl Tokens for ZoomClient {
    fn token(&self) -> BoxFuture<'_, Result<String, MeetingError>> {
        self.current_token().boxed()
    }

    fn cache(&self) -> &TokenCache {
        &self.token
    }
}
