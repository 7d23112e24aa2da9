//! Google Calendar (API v3) for a signed-in expert:
//! - the calendars of the account (`calendarList`, those it may at least see free/busy of);
//! - whether a calendar changed: `events.list` with the sync token of the last read (only
//!   ids asked for); the first read, or a token Google no longer takes (410), starts a new
//!   token from the read window's start;
//! - busy times: `freeBusy`, for up to 50 calendars at once and 90 days per request
//!   (Google refuses longer ranges), so event details never leave Google;
//! - the session's event, under an id fixed per session (`PUT`, then insert with that id
//!   when it is not there): a retried write never makes a second one;
//! - watch channels (`events.watch`), which POST to Mentora when a calendar changes.

use jiff::{SignedDuration, Timestamp};
use serde_json::{Value, json};

use crate::CalendarError;
use crate::hosted::{Changes, HostedCalendar, HostedEvent, Watch, endpoint, instant, read_json};
use crate::ics::Busy;
use crate::oauth::api_client;

/// Google's API host.
pub const DEFAULT_API_BASE: &str = "https://www.googleapis.com";

/// The longest range one `freeBusy` request covers.
const FREE_BUSY_SPAN: SignedDuration = SignedDuration::from_hours(24 * 90);
/// The most calendars one `freeBusy` request names.
const FREE_BUSY_CALENDARS: usize = 50;

/// A Google Calendar client; cheap to share.
#[derive(Debug, Clone)]
pub struct GoogleCalendar {
    http: reqwest::Client,
    base: String,
}

impl GoogleCalendar {
    /// A client of the API at `base` (`https://www.googleapis.com`).
    pub fn new(base: &str) -> Result<Self, CalendarError> {
        Ok(Self {
            http: api_client()?,
            base: base.trim_end_matches('/').to_owned(),
        })
    }

    fn url(&self, segments: &[&str]) -> Result<reqwest::Url, CalendarError> {
        let mut all = vec!["calendar", "v3"];
        all.extend_from_slice(segments);
        endpoint(&self.base, &all)
    }

    /// The account's calendars it may see free/busy of, the primary one first.
    pub async fn calendars(&self, token: &str) -> Result<Vec<HostedCalendar>, CalendarError> {
        let url = self.url(&["users", "me", "calendarList"])?;
        let mut found = Vec::new();
        let mut page: Option<String> = None;
        loop {
            let mut request = self
                .http
                .get(url.clone())
                .bearer_auth(token)
                .query(&[("minAccessRole", "freeBusyReader"), ("maxResults", "250")]);
            if let Some(p) = &page {
                request = request.query(&[("pageToken", p)]);
            }
            let answer = read_json(request.send().await).await?;
            for item in answer["items"].as_array().into_iter().flatten() {
                let Some(id) = item["id"].as_str() else {
                    continue;
                };
                let name = item["summaryOverride"]
                    .as_str()
                    .or(item["summary"].as_str())
                    .unwrap_or(id);
                let primary = item["primary"].as_bool().unwrap_or(false);
                found.push(HostedCalendar {
                    id: id.to_owned(),
                    name: name.to_owned(),
                    writable: matches!(item["accessRole"].as_str(), Some("owner" | "writer")),
                    primary,
                    // The primary calendar's id is the account's address.
                    owner: primary.then(|| id.to_owned()),
                });
            }
            match answer["nextPageToken"].as_str() {
                Some(next) => page = Some(next.to_owned()),
                None => break,
            }
        }
        found.sort_by_key(|c| !c.primary);
        Ok(found)
    }

    /// Whether `calendar` changed since `sync_token`, and the token to keep. Without a
    /// token (or with one Google no longer takes) it counts as changed and a new token
    /// is started from `from`.
    pub async fn changes(
        &self,
        token: &str,
        calendar: &str,
        sync_token: Option<&str>,
        from: Timestamp,
    ) -> Result<(Changes, String), CalendarError> {
        if let Some(last) = sync_token {
            match self.list(token, calendar, &[("syncToken", last)]).await {
                Ok((any, next)) => {
                    return Ok((if any { Changes::Some } else { Changes::None }, next));
                }
                // The token expired: start afresh (RFC: 410 Gone, "fullSyncRequired").
                Err(CalendarError::Gone) => {}
                Err(e) => return Err(e),
            }
        }
        let from = from.to_string();
        let (_, next) = self.list(token, calendar, &[("timeMin", &from)]).await?;
        Ok((Changes::Some, next))
    }

    /// Pages through `events.list` asking only for ids; whether any came, and the sync
    /// token of the last page.
    async fn list(
        &self,
        token: &str,
        calendar: &str,
        query: &[(&str, &str)],
    ) -> Result<(bool, String), CalendarError> {
        let url = self.url(&["calendars", calendar, "events"])?;
        let mut any = false;
        let mut page: Option<String> = None;
        loop {
            let mut request = self
                .http
                .get(url.clone())
                .bearer_auth(token)
                .query(query)
                .query(&[
                    ("maxResults", "2500"),
                    ("fields", "items(id),nextPageToken,nextSyncToken"),
                ]);
            if let Some(p) = &page {
                request = request.query(&[("pageToken", p)]);
            }
            let answer = read_json(request.send().await).await?;
            any |= answer["items"].as_array().is_some_and(|i| !i.is_empty());
            if let Some(next) = answer["nextPageToken"].as_str() {
                page = Some(next.to_owned());
                continue;
            }
            let sync = answer["nextSyncToken"]
                .as_str()
                .ok_or_else(|| CalendarError::Unreadable("Google sent no sync token".into()))?;
            return Ok((any, sync.to_owned()));
        }
    }

    /// The busy times of each of `calendars` from `from` to `to`, by calendar id.
    pub async fn busy(
        &self,
        token: &str,
        calendars: &[String],
        from: Timestamp,
        to: Timestamp,
    ) -> Result<Vec<(String, Vec<Busy>)>, CalendarError> {
        let url = self.url(&["freeBusy"])?;
        let mut found: Vec<(String, Vec<Busy>)> =
            calendars.iter().map(|c| (c.clone(), Vec::new())).collect();
        for group in calendars.chunks(FREE_BUSY_CALENDARS) {
            let mut start = from;
            while start < to {
                let end = (start + FREE_BUSY_SPAN).min(to);
                let body = json!({
                    "timeMin": start.to_string(),
                    "timeMax": end.to_string(),
                    "items": group.iter().map(|id| json!({ "id": id })).collect::<Vec<_>>(),
                });
                let sent = self.http.post(url.clone()).bearer_auth(token).json(&body);
                let answer = read_json(sent.send().await).await?;
                for (id, busy) in &mut found {
                    if !group.contains(id) {
                        continue;
                    }
                    let entry = &answer["calendars"][id.as_str()];
                    if let Some(error) = entry["errors"].as_array().and_then(|e| e.first()) {
                        return Err(match error["reason"].as_str() {
                            Some("notFound") => CalendarError::Gone,
                            other => CalendarError::Unreachable(format!(
                                "Google could not read a calendar: {}",
                                other.unwrap_or("unknown")
                            )),
                        });
                    }
                    for block in entry["busy"].as_array().into_iter().flatten() {
                        let (Some(s), Some(e)) = (block["start"].as_str(), block["end"].as_str())
                        else {
                            continue;
                        };
                        busy.push((instant(s)?, instant(e)?));
                    }
                }
                start = end;
            }
        }
        Ok(found)
    }

    /// Writes the session's event with id `event_id` (letters a–v and digits, as Google
    /// asks), making it when it is not there.
    pub async fn put_event(
        &self,
        token: &str,
        calendar: &str,
        event_id: &str,
        event: &HostedEvent,
    ) -> Result<(), CalendarError> {
        let mut body = event_body(event);
        let one = self.url(&["calendars", calendar, "events", event_id])?;
        let replaced = self
            .http
            .put(one)
            .bearer_auth(token)
            .query(&[("sendUpdates", "none")])
            .json(&body)
            .send()
            .await;
        match read_json(replaced).await {
            Ok(_) => Ok(()),
            Err(CalendarError::Gone) => {
                body["id"] = json!(event_id);
                let all = self.url(&["calendars", calendar, "events"])?;
                let made = self
                    .http
                    .post(all)
                    .bearer_auth(token)
                    .query(&[("sendUpdates", "none")])
                    .json(&body)
                    .send()
                    .await;
                match read_json(made).await {
                    // Made meanwhile by another try: it holds the same session.
                    Ok(_) | Err(CalendarError::Refused { status: 409, .. }) => Ok(()),
                    Err(e) => Err(e),
                }
            }
            Err(e) => Err(e),
        }
    }

    /// Removes the session's event (gone already is fine).
    pub async fn delete_event(
        &self,
        token: &str,
        calendar: &str,
        event_id: &str,
    ) -> Result<(), CalendarError> {
        let one = self.url(&["calendars", calendar, "events", event_id])?;
        let sent = self
            .http
            .delete(one)
            .bearer_auth(token)
            .query(&[("sendUpdates", "none")])
            .send()
            .await;
        match read_json(sent).await {
            Ok(_) | Err(CalendarError::Gone) => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// Opens a watch channel `channel` on `calendar`'s events: Google POSTs to `address`
    /// with `secret` in `X-Goog-Channel-Token` until `expires` (or its own limit).
    pub async fn watch(
        &self,
        token: &str,
        calendar: &str,
        channel: &str,
        address: &str,
        secret: &str,
        expires: Timestamp,
    ) -> Result<Watch, CalendarError> {
        let url = self.url(&["calendars", calendar, "events", "watch"])?;
        let body = json!({
            "id": channel,
            "type": "web_hook",
            "address": address,
            "token": secret,
            "expiration": expires.as_millisecond().to_string(),
        });
        let answer = read_json(
            self.http
                .post(url)
                .bearer_auth(token)
                .json(&body)
                .send()
                .await,
        )
        .await?;
        let expires_at = answer["expiration"]
            .as_str()
            .and_then(|ms| ms.parse::<i64>().ok())
            .and_then(|ms| Timestamp::from_millisecond(ms).ok())
            .unwrap_or(expires);
        Ok(Watch {
            id: answer["id"].as_str().unwrap_or(channel).to_owned(),
            resource: answer["resourceId"].as_str().map(str::to_owned),
            expires_at,
        })
    }

    /// Stops a watch channel (one Google no longer knows is fine).
    pub async fn stop(&self, token: &str, watch: &Watch) -> Result<(), CalendarError> {
        let url = self.url(&["channels", "stop"])?;
        let body = json!({ "id": watch.id, "resourceId": watch.resource });
        match read_json(
            self.http
                .post(url)
                .bearer_auth(token)
                .json(&body)
                .send()
                .await,
        )
        .await
        {
            Ok(_) | Err(CalendarError::Gone) => Ok(()),
            Err(e) => Err(e),
        }
    }
}

/// The event as Google takes it: busy, no reminders of its own, times in UTC.
fn event_body(event: &HostedEvent) -> Value {
    json!({
        "summary": event.summary,
        "description": event.description,
        "start": { "dateTime": event.start.to_string(), "timeZone": "UTC" },
        "end": { "dateTime": event.end.to_string(), "timeZone": "UTC" },
        "transparency": "opaque",
        "status": "confirmed",
    })
}
