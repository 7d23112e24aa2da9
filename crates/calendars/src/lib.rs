//! Outside calendars, over HTTP: CalDAV servers (iCloud, Fastmail, Nextcloud, Radicale),
//! subscribed ICS feeds, and Google Calendar and Microsoft 365 signed in with OAuth. Busy times come in (`ics` reads them, recurrence and zones
//! included); sessions go out as events that CalDAV stores under an id fixed per
//! session, so a retried write never makes a second one. Errors say in the expert's terms
//! what went wrong (wrong password, calendar gone, unreachable) and whether trying again
//! may help.

pub mod caldav;
pub mod feed;
pub mod google;
pub mod hosted;
pub mod http;
pub mod ics;
pub mod microsoft;
pub mod oauth;

/// What a calendar call came to when it did not succeed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    /// The server could not be reached or failed (timeout, 5xx): try again later.
    #[error("the calendar server is unreachable: {0}")]
    Unreachable(String),
    /// The server refused the credentials (401, 403): the password is wrong or access
    /// was revoked; only the expert can fix it.
    #[error("the calendar server refused the sign-in")]
    Unauthorized,
    /// The calendar or feed is not there any more (404, 410).
    #[error("the calendar is gone")]
    Gone,
    /// The answer is not a calendar (HTML, broken iCalendar, not a CalDAV server).
    #[error("the answer is not a calendar: {0}")]
    Unreadable(String),
    /// The address is inside a private network (loopback, private ranges, cloud
    /// metadata), which Mentora does not reach unless configured to.
    #[error("the address is not a public one")]
    NotPublic,
    /// Another refusal (4xx): the same request will fail again.
    #[error("the calendar server refused ({status}): {message}")]
    Refused {
        /// The HTTP status.
        status: u16,
        /// The server's words, shortened.
        message: String,
    },
}

impl CalendarError {
    /// Whether the same call may succeed later without the expert doing anything.
    pub fn is_transient(&self) -> bool {
        matches!(self, Self::Unreachable(_))
    }

    /// A stable code for storage and the health page (`unreachable`, `unauthorized`,
    /// `gone`, `unreadable`, `refused`).
    pub fn code(&self) -> &'static str {
        match self {
            Self::Unreachable(_) => "unreachable",
            Self::Unauthorized => "unauthorized",
            Self::Gone => "gone",
            Self::Unreadable(_) => "unreadable",
            Self::Refused { .. } => "refused",
            Self::NotPublic => "private-address",
        }
    }
}

/// The error an HTTP status stands for (None for success and 304).
pub(crate) fn status_error(status: u16, body: &str) -> Option<CalendarError> {
    match status {
        200..=299 | 304 => None,
        401 | 403 => Some(CalendarError::Unauthorized),
        404 | 410 => Some(CalendarError::Gone),
        400..=499 => Some(CalendarError::Refused {
            status,
            message: body.chars().take(200).collect(),
        }),
        _ => Some(CalendarError::Unreachable(format!(
            "the server answered {status}"
        ))),
    }
}

/// A transport failure (no answer at all).
pub(crate) fn unreachable(e: reqwest::Error) -> CalendarError {
    // Without the URL: a feed's address is its credential and must not reach the logs.
    let e = e.without_url();
    if is_refused_address(&e) {
        return CalendarError::NotPublic;
    }
    // The chain names the cause (a timeout, DNS, a refused connection).
    let mut text = e.to_string();
    let mut source = std::error::Error::source(&e);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    CalendarError::Unreachable(text)
}

/// Whether a transport failure is the public-only resolver refusing an address.
fn is_refused_address(e: &reqwest::Error) -> bool {
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        if s.to_string().contains(http::NOT_PUBLIC) {
            return true;
        }
        source = s.source();
    }
    false
}
