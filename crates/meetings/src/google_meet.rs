//! Google Meet through the Calendar API: the platform's Google account (an OAuth client
//! and a refresh token with the `calendar.events` scope) holds an event per session with
//! both participants invited and `conferenceData.createRequest` asking for a Meet link;
//! `conferenceDataVersion=1` on every write keeps it. Access tokens come from the refresh
//! token and are kept until shortly before they expire.

use futures::FutureExt;
use futures::future::BoxFuture;
use serde_json::json;

use crate::http::{TokenAnswer, TokenCache, Tokens, client, parse, read, with_token};
use crate::{Meeting, MeetingError, MeetingProvider, MeetingRequest};

const NAME: &str = "google_meet";

/// Google's Calendar API.
pub const DEFAULT_API_BASE: &str = "https://www.googleapis.com";
/// Google's token endpoint.
pub const DEFAULT_TOKEN_URL: &str = "https://oauth2.googleapis.com/token";

/// The OAuth client and the account's refresh token.
#[derive(Debug, Clone)]
pub struct MeetSettings {
    /// The OAuth client's id.
    pub client_id: String,
    /// The OAuth client's secret.
    pub client_secret: String,
    /// A refresh token of the account whose calendar holds the sessions.
    pub refresh_token: String,
    /// The calendar (`primary` for the account's own).
    pub calendar_id: String,
    /// `https://www.googleapis.com` (tests point it at a local server).
    pub api_base: String,
    /// `https://oauth2.googleapis.com/token`.
    pub token_url: String,
}

/// A Google Meet client; cheap to share.
pub struct MeetClient {
    http: reqwest::Client,
    settings: MeetSettings,
    token: TokenCache,
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct Event {
    id: String,
    #[serde(default)]
    hangout_link: Option<String>,
    #[serde(default)]
    conference_data: Option<ConferenceData>,
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct ConferenceData {
    #[serde(default)]
    entry_points: Vec<EntryPoint>,
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct EntryPoint {
    entry_point_type: String,
    uri: String,
}

impl MeetClient {
    /// A client for the account with `settings`.
    pub fn new(settings: MeetSettings) -> Self {
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
        let sent = self
            .http
            .post(&s.token_url)
            .form(&[
                ("grant_type", "refresh_token"),
                ("client_id", s.client_id.as_str()),
                ("client_secret", s.client_secret.as_str()),
                ("refresh_token", s.refresh_token.as_str()),
            ])
            .send()
            .await;
        let (_, body) = read(NAME, sent).await?;
        let answer: TokenAnswer = parse(NAME, &body)?;
        self.token.keep(&answer.access_token, answer.expires_in);
        Ok(answer.access_token)
    }

    async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<&serde_json::Value>,
    ) -> Result<(u16, String), MeetingError> {
        let url = format!(
            "{}/calendar/v3/calendars/{}/events{path}",
            self.settings.api_base.trim_end_matches('/'),
            self.settings.calendar_id
        );
        with_token(NAME, self, |token| {
            let mut request = self.http.request(method.clone(), &url).bearer_auth(token);
            if method == reqwest::Method::POST || method == reqwest::Method::PATCH {
                request = request.query(&[("conferenceDataVersion", "1"), ("sendUpdates", "all")]);
            }
            match body {
                Some(body) => request.json(body),
                None => request,
            }
        })
        .await
    }
}

fn times(request: &MeetingRequest) -> serde_json::Value {
    json!({
        "summary": request.topic,
        "start": { "dateTime": request.start, "timeZone": "UTC" },
        "end": { "dateTime": request.end, "timeZone": "UTC" },
    })
}

impl MeetingProvider for MeetClient {
    fn create<'a>(
        &'a self,
        request: &'a MeetingRequest,
    ) -> BoxFuture<'a, Result<Meeting, MeetingError>> {
        async move {
            let mut body = times(request);
            // Our own id: a create retried after its answer was lost finds the event made
            // (409) instead of making a second one, and sending a second set of invites.
            body["id"] = json!(request.request_id);
            // Each invited participant sees the session, not the other's address.
            body["guestsCanSeeOtherGuests"] = json!(false);
            body["attendees"] = request
                .attendees
                .iter()
                .map(|email| json!({ "email": email }))
                .collect();
            body["conferenceData"] = json!({
                "createRequest": {
                    "requestId": request.request_id,
                    "conferenceSolutionKey": { "type": "hangoutsMeet" },
                },
            });
            let answer = match self.call(reqwest::Method::POST, "", Some(&body)).await {
                Ok((_, answer)) => answer,
                Err(MeetingError::Refused { status: 409, .. }) => {
                    let path = format!("/{}", request.request_id);
                    self.call(reqwest::Method::GET, &path, None).await?.1
                }
                Err(e) => return Err(e),
            };
            let event: Event = parse(NAME, &answer)?;
            let video = event.conference_data.and_then(|c| {
                c.entry_points
                    .into_iter()
                    .find(|e| e.entry_point_type == "video")
                    .map(|e| e.uri)
            });
            let join_url =
                video
                    .or(event.hangout_link)
                    .ok_or_else(|| MeetingError::Unavailable {
                        provider: NAME,
                        message: "the event came back without a Meet link".to_owned(),
                    })?;
            Ok(Meeting {
                external_id: event.id,
                join_url,
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
                &format!("/{id}"),
                Some(&times(request)),
            )
            .await
            .map(|_| ())
        }
        .boxed()
    }

    fn delete<'a>(&'a self, id: &'a str) -> BoxFuture<'a, Result<(), MeetingError>> {
        async move {
            match self
                .call(reqwest::Method::DELETE, &format!("/{id}"), None)
                .await
            {
                Ok(_)
                | Err(MeetingError::Refused {
                    status: 404 | 410, ..
                }) => Ok(()),
                Err(e) => Err(e),
            }
        }
        .boxed()
    }
}

impl Tokens for MeetClient {
    fn token(&self) -> BoxFuture<'_, Result<String, MeetingError>> {
        self.current_token().boxed()
    }

    fn cache(&self) -> &TokenCache {
        &self.token
    }
}
