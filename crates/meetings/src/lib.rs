//! Meetings at outside video providers, behind one trait: a meeting is created when a
//! session is confirmed, moved when it moves, deleted when it is called off. Zoom speaks
//! Server-to-Server OAuth; Google Meet is a Calendar API event with `conferenceData`. Both
//! cache their access token until shortly before it expires and fetch a new one when the
//! provider says it is no longer good. Errors say whether trying again may help.

pub mod google_meet;
mod http;
pub mod zoom;
pub mod zoom_webhook;

use futures::future::BoxFuture;

/// What a provider call came to when it did not succeed.
#[derive(Debug, thiserror::Error)]
pub enum MeetingError {
    /// The provider could not be reached or failed (5xx, timeout): try again later.
    #[error("{provider} is unavailable: {message}")]
    Unavailable {
        /// `zoom` or `google_meet`.
        provider: &'static str,
        /// What went wrong, for logs and the expert's notice.
        message: String,
    },
    /// The provider refused the request (4xx): the same request will fail again.
    #[error("{provider} refused ({status}): {message}")]
    Refused {
        /// `zoom` or `google_meet`.
        provider: &'static str,
        /// The HTTP status.
        status: u16,
        /// The provider's own words.
        message: String,
    },
}

/// A meeting as the provider made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    /// The provider's id, for later changes.
    pub external_id: String,
    /// The link participants join with.
    pub join_url: String,
}

/// What a meeting is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingRequest {
    /// Its title.
    pub topic: String,
    /// Its start, RFC 3339 in UTC (`2026-12-07T10:00:00Z`).
    pub start: String,
    /// Its end, RFC 3339 in UTC.
    pub end: String,
    /// Its length in minutes.
    pub minutes: i64,
    /// Who is invited (Google Meet sends them the event).
    pub attendees: Vec<String>,
    /// Stable for the session (its series): a retried create makes one meeting. Google
    /// takes it as the event's id, so it is lowercase letters `a`–`v` and digits.
    pub request_id: String,
}

/// An outside video provider.
pub trait MeetingProvider: Send + Sync {
    /// Makes the meeting.
    fn create<'a>(
        &'a self,
        request: &'a MeetingRequest,
    ) -> BoxFuture<'a, Result<Meeting, MeetingError>>;
    /// Moves the meeting `id` to the request's time.
    fn update<'a>(
        &'a self,
        id: &'a str,
        request: &'a MeetingRequest,
    ) -> BoxFuture<'a, Result<(), MeetingError>>;
    /// Deletes the meeting `id`; one already gone is not an error.
    fn delete<'a>(&'a self, id: &'a str) -> BoxFuture<'a, Result<(), MeetingError>>;
}
