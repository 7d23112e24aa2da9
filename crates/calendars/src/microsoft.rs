//! Microsoft 365 / Outlook calendars through Microsoft Graph (v1.0) for a signed-in
//! expert:
//! - the calendars of the account (`/me/calendars`);
//! - busy times: a calendar's `calendarView/delta` over the read window, in UTC (the
//!   `Prefer: outlook.timezone="UTC"` header), keeping events shown as busy, tentative or
//!   out of office that are not cancelled; its last page's `@odata.deltaLink` is the
//!   cursor;
//! - whether a calendar changed: the delta link of the last read answers with only what
//!   changed since (nothing: the busy times stand; a link Graph no longer takes: read
//!   again);
//! - the session's event, made with the session's `transactionId` (Graph makes one event
//!   however often the same create is retried), then moved and removed by its id;
//! - subscriptions, which POST to Mentora when a calendar's events change, after Graph
//!   checked the address (it sends a `validationToken` that must come back as it is).

use jiff::{SignedDuration, Timestamp};
use serde_json::{Value, json};

use crate::CalendarError;
use crate::hosted::{Changes, HostedCalendar, HostedEvent, Watch, endpoint, read_json};
use crate::ics::Busy;
use crate::oauth::api_client;

/// Graph's host.
pub const DEFAULT_GRAPH_BASE: &str = "https://graph.microsoft.com";

/// How long a subscription to events is asked for (Graph allows up to seven days for
/// Outlook events; two leave room for a day's renewal before they end).
pub const SUBSCRIPTION_LIFETIME: SignedDuration = SignedDuration::from_hours(48);

const UTC: &str = "outlook.timezone=\"UTC\", odata.maxpagesize=200";

/// A Graph client; cheap to share.
#[derive(Debug, Clone)]
pub struct Graph {
    http: reqwest::Client,
    base: String,
}

impl Graph {
    /// A client of Graph at `base` (`https://graph.microsoft.com`).
    pub fn new(base: &str) -> Result<Self, CalendarError> {
        Ok(Self {
            http: api_client()?,
            base: base.trim_end_matches('/').to_owned(),
        })
    }

    fn url(&self, segments: &[&str]) -> Result<reqwest::Url, CalendarError> {
        let mut all = vec!["v1.0"];
        all.extend_from_slice(segments);
        endpoint(&self.base, &all)
    }

    /// A next or delta link Graph sent: followed only on Graph's own host.
    fn link(&self, link: &str) -> Result<reqwest::Url, CalendarError> {
        if !link.starts_with(&format!("{}/", self.base)) {
            return Err(CalendarError::Unreadable(
                "Graph sent a link to another host".into(),
            ));
        }
        reqwest::Url::parse(link).map_err(|e| CalendarError::Unreadable(e.to_string()))
    }

    /// The account's calendars, the default one first.
    pub async fn calendars(&self, token: &str) -> Result<Vec<HostedCalendar>, CalendarError> {
        let mut url = self.url(&["me", "calendars"])?;
        url.query_pairs_mut()
            .append_pair("$select", "id,name,canEdit,isDefaultCalendar,owner")
            .append_pair("$top", "100");
        let mut found = Vec::new();
        let mut next = Some(url);
        while let Some(url) = next.take() {
            let answer = read_json(self.http.get(url).bearer_auth(token).send().await).await?;
            for item in answer["value"].as_array().into_iter().flatten() {
                let Some(id) = item["id"].as_str() else {
                    continue;
                };
                let primary = item["isDefaultCalendar"].as_bool().unwrap_or(false);
                found.push(HostedCalendar {
                    id: id.to_owned(),
                    name: item["name"].as_str().unwrap_or(id).to_owned(),
                    writable: item["canEdit"].as_bool().unwrap_or(false),
                    primary,
                    owner: item["owner"]["address"]
                        .as_str()
                        .filter(|_| primary)
                        .map(str::to_owned),
                });
            }
            if let Some(link) = answer["@odata.nextLink"].as_str() {
                next = Some(self.link(link)?);
            }
        }
        found.sort_by_key(|c| !c.primary);
        Ok(found)
    }

    /// The busy times of `calendar` from `from` to `to`, and the delta link that later
    /// says whether it changed. All-day events take their dates in `home` (the expert's
    /// zone), as whole-day events of CalDAV and feeds do.
    pub async fn read(
        &self,
        token: &str,
        calendar: &str,
        from: Timestamp,
        to: Timestamp,
        home: &jiff::tz::TimeZone,
    ) -> Result<(Vec<Busy>, String), CalendarError> {
        let mut url = self.url(&["me", "calendars", calendar, "calendarView", "delta"])?;
        url.query_pairs_mut()
            .append_pair("startDateTime", &from.to_string())
            .append_pair("endDateTime", &to.to_string());
        let mut busy = Vec::new();
        let mut next = url;
        loop {
            let answer = self.page(token, next).await?;
            for event in answer["value"].as_array().into_iter().flatten() {
                if let Some(block) = busy_block(event, home)? {
                    busy.push(block);
                }
            }
            match self.next(&answer)? {
                Page::Next(url) => next = url,
                Page::Done(delta) => return Ok((busy, delta)),
            }
        }
    }

    /// Whether anything changed since `delta` was handed out, and the link to keep.
    pub async fn changes(
        &self,
        token: &str,
        delta: &str,
    ) -> Result<(Changes, Option<String>), CalendarError> {
        let mut next = self.link(delta)?;
        let mut any = false;
        loop {
            let answer = match self.page(token, next).await {
                Ok(answer) => answer,
                // The delta state is gone (410, "syncStateNotFound"): read afresh.
                Err(CalendarError::Gone) => return Ok((Changes::Some, None)),
                Err(e) => return Err(e),
            };
            any |= answer["value"].as_array().is_some_and(|v| !v.is_empty());
            match self.next(&answer)? {
                Page::Next(url) => next = url,
                Page::Done(delta) => {
                    let changes = if any { Changes::Some } else { Changes::None };
                    return Ok((changes, Some(delta)));
                }
            }
        }
    }

    async fn page(&self, token: &str, url: reqwest::Url) -> Result<Value, CalendarError> {
        let sent = self
            .http
            .get(url)
            .bearer_auth(token)
            .header("Prefer", UTC)
            .send()
            .await;
        read_json(sent).await
    }

    fn next(&self, answer: &Value) -> Result<Page, CalendarError> {
        if let Some(link) = answer["@odata.nextLink"].as_str() {
            return Ok(Page::Next(self.link(link)?));
        }
        match answer["@odata.deltaLink"].as_str() {
            Some(delta) => Ok(Page::Done(delta.to_owned())),
            None => Err(CalendarError::Unreadable(
                "Graph sent neither a next nor a delta link".into(),
            )),
        }
    }

    /// Makes the session's event in `calendar`; `transaction` (fixed per session) makes a
    /// retried create return the same event. Its id comes back.
    pub async fn create_event(
        &self,
        token: &str,
        calendar: &str,
        transaction: &str,
        event: &HostedEvent,
    ) -> Result<String, CalendarError> {
        let url = self.url(&["me", "calendars", calendar, "events"])?;
        let mut body = event_body(event);
        body["transactionId"] = json!(transaction);
        let answer = read_json(
            self.http
                .post(url)
                .bearer_auth(token)
                .json(&body)
                .send()
                .await,
        )
        .await?;
        answer["id"]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| CalendarError::Unreadable("Graph sent no event id".into()))
    }

    /// Moves (rewrites) the event with id `event_id`.
    pub async fn update_event(
        &self,
        token: &str,
        event_id: &str,
        event: &HostedEvent,
    ) -> Result<(), CalendarError> {
        let url = self.url(&["me", "events", event_id])?;
        read_json(
            self.http
                .patch(url)
                .bearer_auth(token)
                .json(&event_body(event))
                .send()
                .await,
        )
        .await
        .map(|_| ())
    }

    /// Removes the event (gone already is fine).
    pub async fn delete_event(&self, token: &str, event_id: &str) -> Result<(), CalendarError> {
        let url = self.url(&["me", "events", event_id])?;
        match read_json(self.http.delete(url).bearer_auth(token).send().await).await {
            Ok(_) | Err(CalendarError::Gone) => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// Subscribes to changes of `calendar`'s events, told to `address` with `secret` as
    /// the client state, until `expires`.
    pub async fn subscribe(
        &self,
        token: &str,
        calendar: &str,
        address: &str,
        secret: &str,
        expires: Timestamp,
    ) -> Result<Watch, CalendarError> {
        let url = self.url(&["subscriptions"])?;
        let body = json!({
            "changeType": "created,updated,deleted",
            "notificationUrl": address,
            "resource": format!("me/calendars/{calendar}/events"),
            "expirationDateTime": expires.to_string(),
            "clientState": secret,
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
        subscription(&answer, expires)
    }

    /// Moves a subscription's end to `expires`.
    pub async fn renew(
        &self,
        token: &str,
        id: &str,
        expires: Timestamp,
    ) -> Result<Watch, CalendarError> {
        let url = self.url(&["subscriptions", id])?;
        let body = json!({ "expirationDateTime": expires.to_string() });
        let answer = read_json(
            self.http
                .patch(url)
                .bearer_auth(token)
                .json(&body)
                .send()
                .await,
        )
        .await?;
        subscription(&answer, expires)
    }

    /// Ends a subscription (one Graph no longer knows is fine).
    pub async fn unsubscribe(&self, token: &str, id: &str) -> Result<(), CalendarError> {
        let url = self.url(&["subscriptions", id])?;
        match read_json(self.http.delete(url).bearer_auth(token).send().await).await {
            Ok(_) | Err(CalendarError::Gone) => Ok(()),
            Err(e) => Err(e),
        }
    }
}

enum Page {
    Next(reqwest::Url),
    Done(String),
}

fn subscription(answer: &Value, asked: Timestamp) -> Result<Watch, CalendarError> {
    let id = answer["id"]
        .as_str()
        .ok_or_else(|| CalendarError::Unreadable("Graph sent no subscription id".into()))?;
    let expires_at = answer["expirationDateTime"]
        .as_str()
        .and_then(|t| t.parse::<Timestamp>().ok())
        .unwrap_or(asked);
    Ok(Watch {
        id: id.to_owned(),
        resource: None,
        expires_at,
    })
}

/// An event's busy block, if it blocks time: not cancelled, not removed, and shown as
/// busy, tentative or out of office. Times are UTC (asked for with `Prefer`); an all-day
/// event's dates are whole days in `home`.
fn busy_block(event: &Value, home: &jiff::tz::TimeZone) -> Result<Option<Busy>, CalendarError> {
    if event.get("@removed").is_some() || event["isCancelled"].as_bool() == Some(true) {
        return Ok(None);
    }
    if !matches!(event["showAs"].as_str(), Some("busy" | "tentative" | "oof")) {
        return Ok(None);
    }
    let all_day = event["isAllDay"].as_bool() == Some(true);
    let at = |side: &str| -> Result<Timestamp, CalendarError> {
        let text = event[side]["dateTime"].as_str().unwrap_or_default();
        let civil: jiff::civil::DateTime = text.parse().map_err(|e| {
            CalendarError::Unreadable(format!("a time that does not read ({text}): {e}"))
        })?;
        let (civil, zone) = if all_day {
            (
                civil.date().to_datetime(jiff::civil::Time::midnight()),
                home.clone(),
            )
        } else {
            (civil, jiff::tz::TimeZone::UTC)
        };
        civil
            .to_zoned_datetime(zone)
            .map(|z| z.timestamp())
            .map_err(|e| CalendarError::Unreadable(e.to_string()))
    };
    Ok(Some((at("start")?, at("end")?)))
}

/// The event as Graph takes it: busy, plain text, times in UTC.
fn event_body(event: &HostedEvent) -> Value {
    let utc = |t: Timestamp| json!({ "dateTime": t.strftime("%Y-%m-%dT%H:%M:%S").to_string(), "timeZone": "UTC" });
    json!({
        "subject": event.summary,
        "body": { "contentType": "text", "content": event.description },
        "start": utc(event.start),
        "end": utc(event.end),
        "showAs": "busy",
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn busy_tentative_and_away_block_and_free_or_cancelled_do_not() {
        let utc = jiff::tz::TimeZone::UTC;
        let event = |show: &str, cancelled: bool| {
            json!({
                "showAs": show, "isCancelled": cancelled,
                "start": {"dateTime": "2026-12-07T09:00:00.0000000", "timeZone": "UTC"},
                "end": {"dateTime": "2026-12-07T10:30:00.0000000", "timeZone": "UTC"},
            })
        };
        let nine: Timestamp = "2026-12-07T09:00:00Z".parse().unwrap();
        let half_past_ten: Timestamp = "2026-12-07T10:30:00Z".parse().unwrap();
        for show in ["busy", "tentative", "oof"] {
            assert_eq!(
                busy_block(&event(show, false), &utc).unwrap(),
                Some((nine, half_past_ten))
            );
        }
        assert_eq!(busy_block(&event("free", false), &utc).unwrap(), None);
        assert_eq!(
            busy_block(&event("workingElsewhere", false), &utc).unwrap(),
            None
        );
        assert_eq!(busy_block(&event("busy", true), &utc).unwrap(), None);
        assert_eq!(
            busy_block(&json!({"id": "x", "@removed": {"reason": "deleted"}}), &utc).unwrap(),
            None
        );
    }

    #[test]
    fn an_all_day_event_is_the_whole_day_in_the_experts_zone() {
        let event = json!({
            "showAs": "busy", "isAllDay": true,
            "start": {"dateTime": "2026-12-07T00:00:00.0000000", "timeZone": "UTC"},
            "end": {"dateTime": "2026-12-08T00:00:00.0000000", "timeZone": "UTC"},
        });
        let los_angeles = jiff::tz::TimeZone::get("America/Los_Angeles").unwrap();
        let start: Timestamp = "2026-12-07T08:00:00Z".parse().unwrap();
        let end: Timestamp = "2026-12-08T08:00:00Z".parse().unwrap();
        assert_eq!(
            busy_block(&event, &los_angeles).unwrap(),
            Some((start, end))
        );
    }
}
