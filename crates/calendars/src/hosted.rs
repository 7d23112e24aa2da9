//! What Google Calendar and Microsoft Graph have in common, as Mentora uses them: the
//! calendars an account holds, a read of a calendar's busy times with the cursor that
//! says later whether anything changed, the event a session writes, and a push channel
//! (Google's watch channel, Graph's subscription) that tells of changes.

use jiff::Timestamp;

use crate::{CalendarError, status_error};

/// One calendar of a signed-in account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostedCalendar {
    /// The provider's id (a path segment of its API).
    pub id: String,
    /// Its name as the account shows it.
    pub name: String,
    /// Whether events may be written to it (it may receive sessions).
    pub writable: bool,
    /// The account's own main calendar.
    pub primary: bool,
    /// The account's address, where the provider tells it (on its main calendar).
    pub owner: Option<String>,
}

/// What a look for changes found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changes {
    /// Nothing changed since the cursor: the busy times stand.
    None,
    /// Something changed (or the cursor expired): read the calendar again.
    Some,
}

/// The event a session writes to a calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostedEvent {
    /// The title.
    pub summary: String,
    /// The description (times in both zones, the room's link, the booking's page).
    pub description: String,
    /// When it starts.
    pub start: Timestamp,
    /// When it ends.
    pub end: Timestamp,
}

/// A push channel the provider opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Watch {
    /// The channel's id (Google: ours; Graph: the subscription's).
    pub id: String,
    /// Google's id of the watched resource (needed to stop the channel).
    pub resource: Option<String>,
    /// When the provider stops sending (renewed before).
    pub expires_at: Timestamp,
}

/// The error an API answer stands for: as [`status_error`], except that being throttled
/// (429, or Google's 403 with a rate-limit reason) is worth trying again later, and that
/// only a 401 means the account's access is gone: a 403 refuses one request on one
/// calendar (a colleague's calendar shared as free/busy only, one that may not be
/// written), which signing in again would not change.
pub(crate) fn api_error(status: u16, body: &str) -> Option<CalendarError> {
    let throttled = status == 429
        || (status == 403
            && [
                "rateLimitExceeded",
                "userRateLimitExceeded",
                "quotaExceeded",
            ]
            .iter()
            .any(|reason| body.contains(reason)));
    if throttled {
        return Some(CalendarError::Unreachable(format!(
            "the provider asks to slow down ({status})"
        )));
    }
    if status == 403 {
        return Some(CalendarError::Refused {
            status,
            message: body.chars().take(200).collect(),
        });
    }
    status_error(status, body)
}

/// Reads an answer: its JSON, or the error its status stands for.
pub(crate) async fn read_json(
    sent: Result<reqwest::Response, reqwest::Error>,
) -> Result<serde_json::Value, CalendarError> {
    let response = sent.map_err(crate::unreachable)?;
    let status = response.status().as_u16();
    let body = response.text().await.map_err(crate::unreachable)?;
    if let Some(e) = api_error(status, &body) {
        return Err(e);
    }
    if body.trim().is_empty() {
        return Ok(serde_json::Value::Null);
    }
    serde_json::from_str(&body)
        .map_err(|e| CalendarError::Unreadable(format!("an answer that does not read: {e}")))
}

/// An RFC 3339 instant from the provider.
pub(crate) fn instant(text: &str) -> Result<Timestamp, CalendarError> {
    text.parse::<Timestamp>()
        .map_err(|e| CalendarError::Unreadable(format!("a time that does not read ({text}): {e}")))
}

/// `base` with `segments` appended, each escaped (calendar ids hold `@` and `#`).
pub(crate) fn endpoint(base: &str, segments: &[&str]) -> Result<reqwest::Url, CalendarError> {
    let mut url = reqwest::Url::parse(base.trim_end_matches('/'))
        .map_err(|e| CalendarError::Unreachable(format!("the API address is wrong: {e}")))?;
    url.path_segments_mut()
        .map_err(|()| CalendarError::Unreachable("the API address is wrong".into()))?
        .pop_if_empty()
        .extend(segments);
    Ok(url)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn calendar_ids_are_escaped_as_path_segments() {
        let url = endpoint(
            "https://www.googleapis.com/",
            &[
                "calendar",
                "v3",
                "calendars",
                "a#b@group.calendar.google.com",
                "events",
            ],
        )
        .unwrap();
        assert_eq!(
            url.as_str(),
            "https://www.googleapis.com/calendar/v3/calendars/a%23b@group.calendar.google.com/events"
        );
    }

    #[test]
    fn throttling_is_transient_and_a_refusal_is_not() {
        assert!(api_error(429, "").unwrap().is_transient());
        assert!(
            api_error(
                403,
                r#"{"error":{"errors":[{"reason":"rateLimitExceeded"}]}}"#
            )
            .unwrap()
            .is_transient()
        );
        assert!(matches!(
            api_error(403, "forbidden"),
            Some(CalendarError::Refused { status: 403, .. })
        ));
        assert_eq!(api_error(401, ""), Some(CalendarError::Unauthorized));
        assert_eq!(api_error(200, ""), None);
    }
}
