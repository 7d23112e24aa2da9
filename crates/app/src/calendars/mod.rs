//! Experts' outside calendars: busy times in, sessions out.
//!
//! - [`connect`]: connecting a CalDAV account (checked by discovering its calendars) or an
//!   ICS feed (checked by reading it), choosing which calendars block time and which one
//!   receives sessions, reconnecting, disconnecting, and the health overview.
//! - [`sync`]: reading each blocking calendar's busy times into the slot engine, only
//!   when it changed (CalDAV collection tag, the feed's ETag / Last-Modified), on a
//!   schedule and, before a hold, when the last read is older than
//!   [`Calendars::fresh_for_holds`]; failures are kept in plain words, retried with
//!   backoff, and told to the expert once.
//! - [`session_events`]: a confirmed session written as an event to the receiving
//!   calendar, moved when it moves, removed when it is called off.
//!
//! Google Calendar and Microsoft 365 are not connected yet (OAuth); see ADR 0020.

pub mod connect;
pub mod sealed;
pub mod session_events;
pub mod sync;

use std::sync::Arc;

use ::calendars::CalendarError;
use ::calendars::feed::FeedClient;
use jiff::SignedDuration;

pub use sealed::SealKey;

use crate::FieldError;

/// Most calendar connections one person keeps.
pub const MAX_CONNECTIONS: usize = 10;

/// The deployment's calendar settings and the clients they make.
pub struct Calendars {
    key: SealKey,
    allow_private: bool,
    feeds: FeedClient,
    /// How often a healthy connection is read again.
    pub sync_every: SignedDuration,
    /// How old busy times may be when a hold is placed before they are read again first
    /// (a busy time added in the last couple of minutes may otherwise still be free).
    pub fresh_for_holds: SignedDuration,
}

impl Calendars {
    /// Settings with `key` sealing secrets; `allow_private` lets connections reach
    /// private addresses (tests, a calendar server on the same network).
    pub fn new(key: SealKey, allow_private: bool) -> Result<Arc<Self>, CalendarError> {
        Ok(Arc::new(Self {
            key,
            allow_private,
            feeds: FeedClient::new(allow_private)?,
            sync_every: SignedDuration::from_mins(10),
            fresh_for_holds: SignedDuration::from_mins(2),
        }))
    }

    /// Settings with a fresh random key that reach private addresses: for tests and
    /// benchmarks, whose calendar servers run on this machine.
    pub fn for_tests() -> Result<Arc<Self>, CalendarError> {
        let key = SealKey::generate()
            .and_then(|k| SealKey::from_base64(&k))
            .unwrap_or(SealKey::from_bytes([7; 32]));
        Self::new(key, true)
    }

    pub(crate) fn key(&self) -> &SealKey {
        &self.key
    }

    pub(crate) fn feeds(&self) -> &FeedClient {
        &self.feeds
    }

    pub(crate) fn allow_private(&self) -> bool {
        self.allow_private
    }
}

/// Why a calendar action did not happen.
#[derive(Debug, thiserror::Error)]
pub enum CalendarUseError {
    /// The input is wrong (each field with its message).
    #[error("invalid calendar input")]
    Invalid(Vec<FieldError>),
    /// Only experts connect calendars (their busy times block their slots).
    #[error("only experts connect calendars")]
    NotExpert,
    /// No such connection or calendar of this person's.
    #[error("no such calendar connection")]
    NotFound,
    /// Already as many connections as allowed.
    #[error("too many calendar connections")]
    TooMany,
    /// The store failed.
    #[error(transparent)]
    Store(#[from] store::StoreError),
    /// A secret could not be sealed or opened (a changed key).
    #[error(transparent)]
    Seal(#[from] sealed::SealError),
}

/// The field error a calendar server's answer stands for, on `field`.
pub(crate) fn field_error_of(e: &CalendarError, field: &'static str) -> FieldError {
    let message_id = match e {
        CalendarError::Unauthorized => "calendar-error-unauthorized",
        CalendarError::Gone => "calendar-error-gone",
        CalendarError::Unreadable(_) => "calendar-error-unreadable",
        CalendarError::Unreachable(_) => "calendar-error-unreachable",
        CalendarError::Refused { .. } => "calendar-error-refused",
        CalendarError::NotPublic => "calendar-error-private-address",
    };
    let field = match e {
        CalendarError::Unauthorized => "password",
        _ => field,
    };
    FieldError { field, message_id }
}

/// How long after `failures` failures in a row the next try comes: 5 minutes, doubling,
/// at most 6 hours.
pub(crate) fn backoff(failures: i32) -> SignedDuration {
    let minutes = 5_i64.saturating_mul(1 << failures.clamp(0, 7));
    SignedDuration::from_mins(minutes.min(360))
}

/// Whether a connection with this error counts as failing for learners: at once for an
/// error only the expert can fix; after three tries for a server that is away.
pub fn is_failing(connection: &store::calendars::Connection) -> bool {
    match connection.error_code.as_deref() {
        None => false,
        Some("unreachable") => connection.failures >= 3,
        Some(_) => true,
    }
}
