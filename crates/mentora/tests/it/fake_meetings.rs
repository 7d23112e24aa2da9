//! A wire-level fake of Zoom's and Google's endpoints the outside meetings use: Zoom's
//! Server-to-Server OAuth token and meetings API, Google's OAuth token endpoint and the
//! Calendar API's events. It answers in the shapes the providers document, records every
//! request exactly as it came (method, path, query, authorization, body) for the tests to
//! assert, refuses a wrong credential or a missing token as the providers do, and can be
//! told to refuse the next API call.

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use serde_json::{Value, json};

pub const ZOOM_ACCOUNT: &str = "acct-e2e";
pub const ZOOM_CLIENT: &str = "zoom-client";
pub const ZOOM_SECRET: &str = "zoom-client-secret";
pub const GOOGLE_CLIENT: &str = "google-client.apps.googleusercontent.com";
pub const GOOGLE_SECRET: &str = "google-client-secret";
pub const GOOGLE_REFRESH: &str = "1//refresh-token";

/// One request the fake received.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    pub path: String,
    pub query: String,
    pub authorization: String,
    pub body: String,
}

impl Seen {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or(Value::Null)
    }
}

#[derive(Default)]
struct Books {
    seen: Vec<Seen>,
    /// The next API call (not a token request) is answered with this status.
    refuse_next: Option<u16>,
    tokens_issued: u32,
    meetings: u64,
    /// Google events by id.
    events: std::collections::HashMap<String, Value>,
    /// The next create is made, but its answer is "lost" (a 503 instead).
    lose_next_answer: bool,
    /// Google tokens issued from now on last this many seconds (default 3599).
    google_token_lifetime: Option<u64>,
}

type Shared = Arc<Mutex<Books>>;

pub struct FakeMeetings {
    pub url: String,
    books: Shared,
}

impl FakeMeetings {
    pub async fn start() -> FakeMeetings {
        let books: Shared = Arc::default();
        let app = Router::new().fallback(answer).with_state(books.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await });
        FakeMeetings { url, books }
    }

    /// Every request so far, in order.
    pub fn seen(&self) -> Vec<Seen> {
        self.books.lock().unwrap().seen.clone()
    }

    /// The requests other than token requests.
    pub fn api_calls(&self) -> Vec<Seen> {
        self.seen()
            .into_iter()
            .filter(|s| !s.path.ends_with("/token"))
            .collect()
    }

    /// The next API call is answered with `status` and the provider's error body.
    pub fn refuse_next(&self, status: u16) {
        self.books.lock().unwrap().refuse_next = Some(status);
    }

    /// The next create is made, but answered with a 503 as if the answer was lost.
    pub fn lose_next_answer(&self) {
        self.books.lock().unwrap().lose_next_answer = true;
    }

    /// Google's tokens issued from now on live a minute at most: a client must not
    /// keep them (it keeps a token until a minute before it expires).
    pub fn short_lived_google_tokens(&self) {
        self.books.lock().unwrap().google_token_lifetime = Some(60);
    }

    /// How many Google events exist.
    pub fn events(&self) -> usize {
        self.books.lock().unwrap().events.len()
    }

    /// The Zoom client of a deployment, pointed here.
    pub fn zoom(&self) -> Arc<dyn meetings::MeetingProvider> {
        Arc::new(meetings::zoom::ZoomClient::new(
            meetings::zoom::ZoomSettings {
                account_id: ZOOM_ACCOUNT.into(),
                client_id: ZOOM_CLIENT.into(),
                client_secret: ZOOM_SECRET.into(),
                api_base: format!("{}/zoom-api", self.url),
                oauth_base: format!("{}/zoom", self.url),
            },
        ))
    }

    /// The Google Meet client of a deployment, pointed here.
    pub fn meet(&self) -> Arc<dyn meetings::MeetingProvider> {
        Arc::new(meetings::google_meet::MeetClient::new(
            meetings::google_meet::MeetSettings {
                client_id: GOOGLE_CLIENT.into(),
                client_secret: GOOGLE_SECRET.into(),
                refresh_token: GOOGLE_REFRESH.into(),
                calendar_id: "primary".into(),
                api_base: format!("{}/google-api", self.url),
                token_url: format!("{}/google/token", self.url),
            },
        ))
    }
}

fn form_value(body: &str, key: &str) -> String {
    reqwest::Url::parse(&format!("http://form/?{body}"))
        .ok()
        .and_then(|u| {
            u.query_pairs()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.into_owned())
        })
        .unwrap_or_default()
}

async fn answer(
    State(books): State<Shared>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let seen = Seen {
        method: method.to_string(),
        path: uri.path().to_owned(),
        query: uri.query().unwrap_or("").to_owned(),
        authorization: headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned(),
        body: String::from_utf8_lossy(&body).into_owned(),
    };
    let mut books = books.lock().unwrap();
    books.seen.push(seen.clone());
    let path = seen.path.as_str();

    // Token endpoints.
    if path == "/zoom/oauth/token" {
        let basic = base64::engine::general_purpose::STANDARD
            .encode(format!("{ZOOM_CLIENT}:{ZOOM_SECRET}"));
        let query_ok =
            seen.query == format!("grant_type=account_credentials&account_id={ZOOM_ACCOUNT}");
        if seen.method != "POST" || seen.authorization != format!("Basic {basic}") || !query_ok {
            return (StatusCode::BAD_REQUEST, axum::Json(json!({"reason": "Invalid client_id or client_secret", "error": "invalid_client"}))).into_response();
        }
        books.tokens_issued += 1;
        return axum::Json(json!({
            "access_token": format!("zoom-token-{}", books.tokens_issued),
            "token_type": "bearer", "expires_in": 3599, "scope": "meeting:write:meeting:admin",
        }))
        .into_response();
    }
    if path == "/google/token" {
        let ok = seen.method == "POST"
            && form_value(&seen.body, "grant_type") == "refresh_token"
            && form_value(&seen.body, "client_id") == GOOGLE_CLIENT
            && form_value(&seen.body, "client_secret") == GOOGLE_SECRET
            && form_value(&seen.body, "refresh_token") == GOOGLE_REFRESH;
        if !ok {
            return (StatusCode::BAD_REQUEST, axum::Json(json!({"error": "invalid_grant", "error_description": "Token has been expired or revoked."}))).into_response();
        }
        books.tokens_issued += 1;
        return axum::Json(json!({
            "access_token": format!("ya29.google-token-{}", books.tokens_issued),
            "expires_in": books.google_token_lifetime.unwrap_or(3599), "scope": "https://www.googleapis.com/auth/calendar.events",
            "token_type": "Bearer",
        }))
        .into_response();
    }

    // API calls need a token this fake issued.
    if !seen.authorization.starts_with("Bearer zoom-token-")
        && !seen.authorization.starts_with("Bearer ya29.google-token-")
    {
        return (
            StatusCode::UNAUTHORIZED,
            axum::Json(json!({"code": 124, "message": "Invalid access token."})),
        )
            .into_response();
    }
    if let Some(status) = books.refuse_next.take() {
        let body = if path.starts_with("/zoom-api") {
            json!({"code": 3000, "message": "Cannot create a meeting for this user right now."})
        } else {
            json!({"error": {"code": status, "message": "Rate Limit Exceeded", "errors": []}})
        };
        return (StatusCode::from_u16(status).unwrap(), axum::Json(body)).into_response();
    }
    match (seen.method.as_str(), path) {
        ("POST", "/zoom-api/v2/users/me/meetings") => {
            books.meetings += 1;
            let id = 85_746_065_000 + books.meetings;
            let body = seen.json();
            (
                StatusCode::CREATED,
                axum::Json(json!({
                    "id": id, "uuid": "aDYlohsHRtCd4ii1uC2+hA==", "host_id": "KDcuGIm1QgePTO8WbOqwIQ",
                    "topic": body["topic"], "type": 2, "status": "waiting",
                    "start_time": body["start_time"], "duration": body["duration"], "timezone": "UTC",
                    "start_url": format!("https://zoom.us/s/{id}?zak=host"),
                    "join_url": format!("https://zoom.us/j/{id}?pwd=k3y"),
                    "password": "k3y", "settings": body["settings"],
                })),
            )
                .into_response()
        }
        ("PATCH", p) | ("DELETE", p) if p.starts_with("/zoom-api/v2/meetings/") => {
            StatusCode::NO_CONTENT.into_response()
        }
        ("GET", p) if p.starts_with("/google-api/calendar/v3/calendars/primary/events/") => {
            let id = p.rsplit('/').next().unwrap_or("");
            match books.events.get(id) {
                Some(event) => axum::Json(event.clone()).into_response(),
                None => (
                    StatusCode::NOT_FOUND,
                    axum::Json(json!({"error": {"code": 404, "message": "Not Found"}})),
                )
                    .into_response(),
            }
        }
        ("POST", "/google-api/calendar/v3/calendars/primary/events") => {
            books.meetings += 1;
            let body = seen.json();
            let id = body["id"].as_str().unwrap_or("generated").to_owned();
            if books.events.contains_key(&id) {
                return (StatusCode::CONFLICT, axum::Json(json!({"error": {"code": 409, "message": "The requested identifier already exists.", "errors": [{"domain": "global", "reason": "duplicate"}]}}))).into_response();
            }
            let event = json!({
                "kind": "calendar#event", "id": id, "status": "confirmed",
                "summary": body["summary"], "start": body["start"], "end": body["end"],
                "attendees": body["attendees"],
                "hangoutLink": "https://meet.google.com/abc-defg-hij",
                "conferenceData": {
                    "createRequest": {"requestId": body["conferenceData"]["createRequest"]["requestId"],
                        "conferenceSolutionKey": {"type": "hangoutsMeet"}, "status": {"statusCode": "success"}},
                    "entryPoints": [
                        {"entryPointType": "video", "uri": "https://meet.google.com/abc-defg-hij", "label": "meet.google.com/abc-defg-hij"},
                        {"entryPointType": "phone", "uri": "tel:+1-555-0100", "pin": "123456"}
                    ],
                    "conferenceSolution": {"key": {"type": "hangoutsMeet"}, "name": "Google Meet"},
                    "conferenceId": "abc-defg-hij"
                }
            });
            books.events.insert(id, event.clone());
            if std::mem::take(&mut books.lose_next_answer) {
                return (
                    StatusCode::SERVICE_UNAVAILABLE,
                    axum::Json(json!({"error": {"code": 503, "message": "Backend Error"}})),
                )
                    .into_response();
            }
            axum::Json(event).into_response()
        }
        ("PATCH", p) if p.starts_with("/google-api/calendar/v3/calendars/primary/events/") => {
            let id = p.rsplit('/').next().unwrap_or("");
            axum::Json(json!({"kind": "calendar#event", "id": id, "status": "confirmed", "start": seen.json()["start"], "end": seen.json()["end"]})).into_response()
        }
        ("DELETE", p) if p.starts_with("/google-api/calendar/v3/calendars/primary/events/") => {
            StatusCode::NO_CONTENT.into_response()
        }
        _ => (
            StatusCode::NOT_FOUND,
            axum::Json(json!({"code": 404, "message": "Not found"})),
        )
            .into_response(),
    }
}
