//! A wire-level fake of Google's and Microsoft's sign-in and calendar APIs, as Mentora
//! uses them: OAuth's authorization endpoint (it sends the browser straight back with a
//! code) and token endpoint (the code checked against the PKCE challenge, refresh tokens,
//! Microsoft's rotated), Google Calendar's calendar list, events (sync tokens, our ids,
//! watch channels) and free/busy, and Graph's calendars, calendar view deltas, events
//! (one per transaction id) and subscriptions, whose address it validates first as Graph
//! does. It answers in the shapes the providers document, refuses what they refuse (a
//! wrong verifier, a revoked refresh token, an unknown or expired access token, a stale
//! sync token), and records every request exactly for the tests to assert.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

pub const GOOGLE_CLIENT: &str = "mentora-calendars.apps.googleusercontent.com";
pub const GOOGLE_SECRET: &str = "GOCSPX-calendar-secret";
pub const MS_CLIENT: &str = "0f9c1f6e-5d1c-4b8e-9d2e-7a3b1c2d3e4f";
pub const MS_SECRET: &str = "ms~client~secret";
/// The Google account's address (its primary calendar's id).
pub const GOOGLE_ACCOUNT: &str = "ana@example.org";
/// A second Google calendar the account may only read.
pub const GOOGLE_TEAM: &str = "team#holidays@group.v.calendar.google.com";
/// The Microsoft account's default calendar.
pub const MS_CALENDAR: &str = "AAMkAGI2-calendar";

/// One request the fake received.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    pub path: String,
    pub query: String,
    pub authorization: String,
    pub prefer: String,
    pub body: String,
    /// The host the request was sent to (links Graph hands out point at it).
    pub host: String,
}

impl Seen {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or(Value::Null)
    }

    /// A query or form parameter.
    pub fn param(&self, key: &str) -> String {
        let from = |text: &str| {
            reqwest::Url::parse(&format!("http://x/?{text}"))
                .ok()
                .and_then(|u| {
                    u.query_pairs()
                        .find(|(k, _)| k == key)
                        .map(|(_, v)| v.into_owned())
                })
        };
        from(&self.query)
            .or_else(|| from(&self.body))
            .unwrap_or_default()
    }
}

#[derive(Default)]
struct Books {
    seen: Vec<Seen>,
    /// Codes handed out: code → (challenge, redirect_uri).
    codes: HashMap<String, (String, String)>,
    issued: u32,
    /// Access tokens that work.
    live_tokens: Vec<String>,
    /// Refresh tokens that work.
    refresh_tokens: Vec<String>,
    /// Busy blocks per calendar id: (start, end) RFC 3339.
    busy: HashMap<String, Vec<(String, String)>>,
    /// A change counter per calendar (sync tokens and delta links name it).
    version: HashMap<String, u32>,
    /// Events by (calendar, id).
    events: HashMap<(String, String), Value>,
    /// Graph events made per transaction id.
    transactions: HashMap<String, String>,
    /// The next Graph create is made but its answer lost (503).
    lose_next_answer: bool,
    channels: u32,
    /// Answers Graph's validation got: (token sent, text that came back, status).
    validations: Vec<(String, String, u16)>,
    /// Graph no longer knows the subscriptions made so far (a renewal gets 404).
    forgotten_subscriptions: bool,
}

type Shared = Arc<Mutex<Books>>;

pub struct FakeCalendars {
    pub url: String,
    books: Shared,
}

impl FakeCalendars {
    pub async fn start() -> FakeCalendars {
        let books: Shared = Arc::default();
        let app = Router::new().fallback(answer).with_state(books.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await });
        FakeCalendars { url, books }
    }

    /// The deployment's settings pointing here.
    pub fn accounts(&self) -> mentora::config::CalendarAccounts {
        let mut google = calendars::oauth::OAuthSettings::google(GOOGLE_CLIENT, GOOGLE_SECRET);
        google.authorize_url = format!("{}/google/authorize", self.url);
        google.token_url = format!("{}/google/token", self.url);
        let microsoft = calendars::oauth::OAuthSettings::microsoft(
            MS_CLIENT,
            MS_SECRET,
            &format!("{}/ms", self.url),
            "common",
        );
        mentora::config::CalendarAccounts {
            google: Some((google, format!("{}/google-api", self.url))),
            microsoft: Some((microsoft, format!("{}/graph", self.url))),
        }
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.books.lock().unwrap().seen.clone()
    }

    /// The requests whose path ends with `suffix`.
    pub fn seen_at(&self, method: &str, suffix: &str) -> Vec<Seen> {
        self.seen()
            .into_iter()
            .filter(|s| s.method == method && s.path.ends_with(suffix))
            .collect()
    }

    /// A busy block in `calendar` (a change: its sync token and delta link move on).
    pub fn add_busy(&self, calendar: &str, start: &str, end: &str) {
        let mut books = self.books.lock().unwrap();
        books
            .busy
            .entry(calendar.to_owned())
            .or_default()
            .push((start.to_owned(), end.to_owned()));
        *books.version.entry(calendar.to_owned()).or_default() += 1;
    }

    /// Every access token stops working (as if it expired early).
    pub fn expire_access_tokens(&self) {
        self.books.lock().unwrap().live_tokens.clear();
    }

    /// Every refresh token is revoked (the expert removed Mentora's access).
    pub fn revoke_refresh_tokens(&self) {
        self.books.lock().unwrap().refresh_tokens.clear();
    }

    /// Graph forgets every subscription (as after one ran out).
    pub fn forget_subscriptions(&self) {
        self.books.lock().unwrap().forgotten_subscriptions = true;
    }

    /// The next Graph event create is made, but its answer is lost.
    pub fn lose_next_answer(&self) {
        self.books.lock().unwrap().lose_next_answer = true;
    }

    /// The event stored under `calendar` and `id`.
    pub fn event(&self, calendar: &str, id: &str) -> Option<Value> {
        self.books
            .lock()
            .unwrap()
            .events
            .get(&(calendar.to_owned(), id.to_owned()))
            .cloned()
    }

    pub fn event_count(&self) -> usize {
        self.books.lock().unwrap().events.len()
    }

    /// Graph's validations of subscription addresses: (token, echo, status).
    pub fn validations(&self) -> Vec<(String, String, u16)> {
        self.books.lock().unwrap().validations.clone()
    }
}

fn problem(status: StatusCode, body: Value) -> Response {
    (status, axum::Json(body)).into_response()
}

fn google_error(status: u16, reason: &str, message: &str) -> Response {
    problem(
        StatusCode::from_u16(status).unwrap(),
        json!({"error": {"code": status, "message": message,
            "errors": [{"domain": "global", "reason": reason, "message": message}]}}),
    )
}

fn graph_error(status: u16, code: &str, message: &str) -> Response {
    problem(
        StatusCode::from_u16(status).unwrap(),
        json!({"error": {"code": code, "message": message}}),
    )
}

async fn answer(
    State(books): State<Shared>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned()
    };
    let seen = Seen {
        method: method.to_string(),
        path: percent(uri.path()),
        query: uri.query().unwrap_or("").to_owned(),
        authorization: header("authorization"),
        prefer: header("prefer"),
        body: String::from_utf8_lossy(&body).into_owned(),
        host: header("host"),
    };
    books.lock().unwrap().seen.push(seen.clone());
    let path = seen.path.clone();

    // Sign-in pages: straight back with a code.
    if path == "/google/authorize" || path == "/ms/common/oauth2/v2.0/authorize" {
        let code = format!(
            "code-{}",
            seen.param("state").len() + books.lock().unwrap().codes.len()
        );
        let redirect = seen.param("redirect_uri");
        books.lock().unwrap().codes.insert(
            code.clone(),
            (seen.param("code_challenge"), redirect.clone()),
        );
        let state = seen.param("state");
        let mut back = reqwest::Url::parse(&redirect).unwrap();
        back.query_pairs_mut()
            .append_pair("code", &code)
            .append_pair("state", &state);
        return (StatusCode::FOUND, [("location", back.to_string())]).into_response();
    }
    if path == "/google/token" || path == "/ms/common/oauth2/v2.0/token" {
        return token(&books, &seen, path.starts_with("/ms"));
    }

    // The APIs need a live access token.
    let bearer = seen.authorization.strip_prefix("Bearer ").unwrap_or("");
    if !books
        .lock()
        .unwrap()
        .live_tokens
        .iter()
        .any(|t| t == bearer)
    {
        return if path.starts_with("/graph") {
            graph_error(
                401,
                "InvalidAuthenticationToken",
                "Access token has expired or is not yet valid.",
            )
        } else {
            google_error(
                401,
                "authError",
                "Request had invalid authentication credentials.",
            )
        };
    }
    if let Some(rest) = path.strip_prefix("/google-api/calendar/v3") {
        return google(&books, &seen, rest).await;
    }
    if let Some(rest) = path.strip_prefix("/graph/v1.0") {
        return graph(&books, &seen, rest).await;
    }
    StatusCode::NOT_FOUND.into_response()
}

/// The path with escapes undone (calendar ids hold `#` and `@`).
fn percent(path: &str) -> String {
    percent_encoding::percent_decode_str(path)
        .decode_utf8_lossy()
        .into_owned()
}

fn token(books: &Shared, seen: &Seen, microsoft: bool) -> Response {
    let (client, secret) = if microsoft {
        (MS_CLIENT, MS_SECRET)
    } else {
        (GOOGLE_CLIENT, GOOGLE_SECRET)
    };
    if seen.method != "POST"
        || seen.param("client_id") != client
        || seen.param("client_secret") != secret
    {
        return problem(StatusCode::UNAUTHORIZED, json!({"error": "invalid_client"}));
    }
    if microsoft && seen.param("scope") != "offline_access Calendars.ReadWrite" {
        return problem(StatusCode::BAD_REQUEST, json!({"error": "invalid_scope"}));
    }
    let mut books = books.lock().unwrap();
    match seen.param("grant_type").as_str() {
        "authorization_code" => {
            let Some((challenge, redirect)) = books.codes.remove(&seen.param("code")) else {
                return problem(
                    StatusCode::BAD_REQUEST,
                    json!({"error": "invalid_grant", "error_description": "Malformed auth code."}),
                );
            };
            let verified = base64::engine::general_purpose::URL_SAFE_NO_PAD
                .encode(Sha256::digest(seen.param("code_verifier").as_bytes()));
            if verified != challenge || seen.param("redirect_uri") != redirect {
                return problem(
                    StatusCode::BAD_REQUEST,
                    json!({"error": "invalid_grant", "error_description": "Invalid code verifier."}),
                );
            }
        }
        "refresh_token" => {
            if !books.refresh_tokens.contains(&seen.param("refresh_token")) {
                return problem(
                    StatusCode::BAD_REQUEST,
                    json!({"error": "invalid_grant", "error_description": "Token has been expired or revoked."}),
                );
            }
        }
        _ => {
            return problem(
                StatusCode::BAD_REQUEST,
                json!({"error": "unsupported_grant_type"}),
            );
        }
    }
    books.issued += 1;
    let n = books.issued;
    let access = if microsoft {
        format!("eyJ0eXAi.ms-{n}")
    } else {
        format!("ya29.google-{n}")
    };
    books.live_tokens.push(access.clone());
    let mut answer = json!({"access_token": access, "expires_in": 3599, "token_type": "Bearer"});
    // Google sends a refresh token on the code exchange only; Microsoft on every grant
    // (a new one each time, the old still good until revoked).
    let fresh = seen.param("grant_type") == "authorization_code";
    if fresh || microsoft {
        let refresh = if microsoft {
            format!("M.C5-refresh-{n}")
        } else {
            format!("1//google-refresh-{n}")
        };
        books.refresh_tokens.push(refresh.clone());
        answer["refresh_token"] = json!(refresh);
    }
    axum::Json(answer).into_response()
}

async fn google(books: &Shared, seen: &Seen, rest: &str) -> Response {
    let mut b = books.lock().unwrap();
    let parts: Vec<&str> = rest.trim_start_matches('/').split('/').collect();
    match (seen.method.as_str(), parts.as_slice()) {
        ("GET", ["users", "me", "calendarList"]) => axum::Json(json!({
            "kind": "calendar#calendarList",
            "items": [
                {"id": GOOGLE_ACCOUNT, "summary": GOOGLE_ACCOUNT, "primary": true, "accessRole": "owner"},
                {"id": GOOGLE_TEAM, "summary": "Team holidays", "accessRole": "reader"},
            ],
        }))
        .into_response(),
        ("GET", ["calendars", calendar, "events"]) => {
            let version = b.version.get(*calendar).copied().unwrap_or(0);
            let current = format!("sync-{version}");
            let sync = seen.param("syncToken");
            let items = if sync.is_empty() {
                vec![json!({"id": "e1"})]
            } else if sync == current {
                Vec::new()
            } else if sync.starts_with("sync-") {
                vec![json!({"id": "changed"})]
            } else {
                return google_error(410, "fullSyncRequired", "Sync token is no longer valid, a full sync is required.");
            };
            axum::Json(json!({"kind": "calendar#events", "items": items, "nextSyncToken": current}))
                .into_response()
        }
        ("POST", ["freeBusy"]) => {
            let asked = seen.json();
            let (from, to) = (
                asked["timeMin"].as_str().unwrap_or("").parse::<jiff::Timestamp>().unwrap(),
                asked["timeMax"].as_str().unwrap_or("").parse::<jiff::Timestamp>().unwrap(),
            );
            let mut calendars = serde_json::Map::new();
            for item in asked["items"].as_array().into_iter().flatten() {
                let id = item["id"].as_str().unwrap_or("");
                let busy: Vec<Value> = b
                    .busy
                    .get(id)
                    .into_iter()
                    .flatten()
                    .filter(|(s, e)| {
                        s.parse::<jiff::Timestamp>().unwrap() < to
                            && e.parse::<jiff::Timestamp>().unwrap() > from
                    })
                    .map(|(s, e)| json!({"start": s, "end": e}))
                    .collect();
                calendars.insert(id.to_owned(), json!({"busy": busy}));
            }
            axum::Json(json!({"kind": "calendar#freeBusy", "timeMin": asked["timeMin"],
                "timeMax": asked["timeMax"], "calendars": calendars}))
            .into_response()
        }
        ("POST", ["calendars", calendar, "events", "watch"]) => {
            b.channels += 1;
            let asked = seen.json();
            axum::Json(json!({"kind": "api#channel", "id": asked["id"],
                "resourceId": format!("resource-{}", b.channels),
                "resourceUri": format!("https://www.googleapis.com/calendar/v3/calendars/{calendar}/events"),
                "token": asked["token"], "expiration": asked["expiration"]}))
            .into_response()
        }
        ("POST", ["channels", "stop"]) => StatusCode::NO_CONTENT.into_response(),
        ("PUT", ["calendars", calendar, "events", id]) => {
            let key = (calendar.to_string(), id.to_string());
            if !b.events.contains_key(&key) {
                return google_error(404, "notFound", "Not Found");
            }
            let mut event = seen.json();
            event["id"] = json!(id);
            b.events.insert(key, event.clone());
            axum::Json(event).into_response()
        }
        ("POST", ["calendars", calendar, "events"]) => {
            let event = seen.json();
            let key = (calendar.to_string(), event["id"].as_str().unwrap_or("").to_owned());
            if b.events.contains_key(&key) {
                return google_error(409, "duplicate", "The requested identifier already exists.");
            }
            b.events.insert(key, event.clone());
            axum::Json(event).into_response()
        }
        ("DELETE", ["calendars", calendar, "events", id]) => {
            match b.events.remove(&(calendar.to_string(), id.to_string())) {
                Some(_) => StatusCode::NO_CONTENT.into_response(),
                None => google_error(410, "deleted", "Resource has been deleted"),
            }
        }
        _ => google_error(404, "notFound", "Not Found"),
    }
}

async fn graph(books: &Shared, seen: &Seen, rest: &str) -> Response {
    let parts: Vec<String> = rest
        .trim_start_matches('/')
        .split('/')
        .map(str::to_owned)
        .collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    // A subscription is validated before the lock is taken (Graph calls the address).
    if let ("POST", ["subscriptions"]) = (seen.method.as_str(), parts.as_slice()) {
        let asked = seen.json();
        let address = asked["notificationUrl"].as_str().unwrap_or("").to_owned();
        let token = format!(
            "Validation: Testing client application reachability {}",
            books.lock().unwrap().channels
        );
        let mut url = reqwest::Url::parse(&address).unwrap();
        url.query_pairs_mut().append_pair("validationToken", &token);
        let reply = reqwest::Client::new()
            .post(url)
            .header("content-type", "text/plain")
            .send()
            .await;
        let (status, text) = match reply {
            Ok(r) => (r.status().as_u16(), r.text().await.unwrap_or_default()),
            Err(_) => (0, String::new()),
        };
        let mut b = books.lock().unwrap();
        b.validations.push((token.clone(), text.clone(), status));
        if status != 200 || text != token {
            return graph_error(
                400,
                "InvalidRequest",
                "Subscription validation request failed. Response must exactly match validationToken query parameter.",
            );
        }
        b.channels += 1;
        let id = format!("7f105c7d-2dc5-4530-97cd-4e7ae6534c{:02}", b.channels);
        return (
            StatusCode::CREATED,
            axum::Json(
                json!({"id": id, "resource": asked["resource"], "changeType": asked["changeType"],
                "clientState": asked["clientState"], "notificationUrl": address,
                "expirationDateTime": asked["expirationDateTime"]}),
            ),
        )
            .into_response();
    }
    let mut b = books.lock().unwrap();
    match (seen.method.as_str(), parts.as_slice()) {
        ("GET", ["me", "calendars"]) => axum::Json(json!({"value": [
            {"id": MS_CALENDAR, "name": "Calendar", "canEdit": true, "isDefaultCalendar": true,
             "owner": {"name": "Bo", "address": "bo@contoso.example"}},
        ]}))
        .into_response(),
        ("GET", ["me", "calendars", calendar, "calendarView", "delta"]) => {
            let version = b.version.get(*calendar).copied().unwrap_or(0);
            let base = seen.path.trim_end_matches('/');
            let delta = |v: u32| format!("http://{}{base}?$deltatoken=v{v}", seen.host);
            let asked = seen.param("$deltatoken");
            let value: Vec<Value> = if asked.is_empty() {
                b.busy
                    .get(*calendar)
                    .into_iter()
                    .flatten()
                    .enumerate()
                    .map(|(i, (s, e))| {
                        let civil = |t: &str| t.trim_end_matches('Z').to_owned() + ".0000000";
                        json!({"id": format!("ev-{i}"), "showAs": "busy", "isCancelled": false,
                            "start": {"dateTime": civil(s), "timeZone": "UTC"},
                            "end": {"dateTime": civil(e), "timeZone": "UTC"}})
                    })
                    .chain(std::iter::once(
                        json!({"id": "free", "showAs": "free", "isCancelled": false,
                        "start": {"dateTime": "2026-01-01T00:00:00.0000000", "timeZone": "UTC"},
                        "end": {"dateTime": "2026-01-01T01:00:00.0000000", "timeZone": "UTC"}}),
                    ))
                    .collect()
            } else if asked == format!("v{version}") {
                Vec::new()
            } else {
                vec![json!({"id": "changed", "showAs": "busy"})]
            };
            axum::Json(json!({"value": value, "@odata.deltaLink": delta(version)})).into_response()
        }
        ("POST", ["me", "calendars", calendar, "events"]) => {
            let asked = seen.json();
            let transaction = asked["transactionId"].as_str().unwrap_or("").to_owned();
            let id = match b.transactions.get(&transaction) {
                Some(id) => id.clone(),
                None => {
                    let id = format!("AAMkAGI2-event-{}", b.transactions.len() + 1);
                    b.transactions.insert(transaction, id.clone());
                    let mut event = asked.clone();
                    event["id"] = json!(id);
                    b.events.insert((calendar.to_string(), id.clone()), event);
                    id
                }
            };
            if std::mem::take(&mut b.lose_next_answer) {
                return graph_error(503, "ServiceNotAvailable", "The service is unavailable.");
            }
            let event = b.events[&(calendar.to_string(), id)].clone();
            (StatusCode::CREATED, axum::Json(event)).into_response()
        }
        ("PATCH", ["me", "events", id]) => {
            let key = b.events.keys().find(|(_, e)| e == id).cloned();
            let Some(key) = key else {
                return graph_error(
                    404,
                    "ErrorItemNotFound",
                    "The specified object was not found in the store.",
                );
            };
            let patch = seen.json();
            let event = b.events.get_mut(&key).unwrap();
            for (k, v) in patch.as_object().unwrap() {
                event[k] = v.clone();
            }
            axum::Json(event.clone()).into_response()
        }
        ("DELETE", ["me", "events", id]) => {
            let key = b.events.keys().find(|(_, e)| e == id).cloned();
            match key {
                Some(key) => {
                    b.events.remove(&key);
                    StatusCode::NO_CONTENT.into_response()
                }
                None => graph_error(
                    404,
                    "ErrorItemNotFound",
                    "The specified object was not found in the store.",
                ),
            }
        }
        ("PATCH", ["subscriptions", _]) if std::mem::take(&mut b.forgotten_subscriptions) => {
            graph_error(404, "ResourceNotFound", "The object was not found.")
        }
        ("PATCH", ["subscriptions", id]) => axum::Json(json!({"id": id,
            "expirationDateTime": seen.json()["expirationDateTime"]}))
        .into_response(),
        ("DELETE", ["subscriptions", _]) => StatusCode::NO_CONTENT.into_response(),
        _ => graph_error(404, "ResourceNotFound", "Resource not found"),
    }
}
