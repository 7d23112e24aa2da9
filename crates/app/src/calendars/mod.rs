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
//! - [`signed_in`]: Google Calendar and Microsoft 365, connected by signing in (OAuth 2
//!   with PKCE; the refresh token sealed like a password), read through their APIs.
//! - [`push`]: the channels those providers tell changes on (Google's watch channels,
//!   Graph's subscriptions), kept open while a calendar blocks time, and the
//!   notifications that put a sync on the queue at once.
//!
//! See ADR 0020.

pub mod connect;
pub mod push;
pub mod sealed;
pub mod session_events;
pub mod signed_in;
pub mod sync;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use ::calendars::CalendarError;
use ::calendars::feed::FeedClient;
use ::calendars::google::GoogleCalendar;
use ::calendars::microsoft::Graph;
use ::calendars::oauth::OAuthClient;
use jiff::SignedDuration;
use uuid::Uuid;

pub use ::calendars::oauth::Provider;
pub use sealed::SealKey;

use crate::FieldError;

/// Most calendar connections one person keeps.
pub const MAX_CONNECTIONS: usize = 10;

/// The providers experts sign in to, as the deployment registered its OAuth clients.
#[derive(Debug, Clone, Default)]
pub struct Accounts {
    /// Google Calendar: the OAuth client and the API.
    pub google: Option<(OAuthClient, GoogleCalendar)>,
    /// Microsoft 365: the OAuth client and Graph.
    pub microsoft: Option<(OAuthClient, Graph)>,
    /// The public origin the providers send the expert back to and push changes to
    /// (`https://mentora.example`).
    pub origin: String,
}

/// Access tokens bought with connections' refresh tokens, kept until a minute before they
/// expire (per instance: each buys its own, which the providers allow).
#[derive(Default)]
struct AccessTokens(Mutex<HashMap<Uuid, (String, Instant)>>);

impl AccessTokens {
    fn get(&self, connection: Uuid) -> Option<String> {
        let held = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        held.get(&connection)
            .filter(|(_, until)| Instant::now() < *until)
            .map(|(token, _)| token.clone())
    }

    fn keep(&self, connection: Uuid, token: &str, expires_in: u64) {
        let until = Instant::now() + Duration::from_secs(expires_in.saturating_sub(60));
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(connection, (token.to_owned(), until));
    }

    fn forget(&self, connection: Uuid) {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&connection);
    }
}

/// The deployment's calendar settings and the clients they make.
pub struct Calendars {
    key: SealKey,
    allow_private: bool,
    feeds: FeedClient,
    accounts: Accounts,
    tokens: AccessTokens,
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
        Self::with_accounts(key, allow_private, Accounts::default())
    }

    /// Settings as [`Calendars::new`], with the providers experts may sign in to.
    pub fn with_accounts(
        key: SealKey,
        allow_private: bool,
        accounts: Accounts,
    ) -> Result<Arc<Self>, CalendarError> {
        Ok(Arc::new(Self {
            key,
            allow_private,
            accounts,
            tokens: AccessTokens::default(),
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

    /// Whether experts may sign in to `provider` here (its OAuth client is configured).
    pub fn offers(&self, provider: ::calendars::oauth::Provider) -> bool {
        match provider {
            ::calendars::oauth::Provider::Google => self.accounts.google.is_some(),
            ::calendars::oauth::Provider::Microsoft => self.accounts.microsoft.is_some(),
        }
    }

    pub(crate) fn accounts(&self) -> &Accounts {
        &self.accounts
    }

    /// The origins of the providers' sign-in pages (the calendars page's forms lead there).
    pub fn sign_in_origins(&self) -> Vec<String> {
        let google = self.accounts.google.as_ref().map(|(c, _)| c);
        let microsoft = self.accounts.microsoft.as_ref().map(|(c, _)| c);
        google
            .into_iter()
            .chain(microsoft)
            .filter_map(OAuthClient::sign_in_origin)
            .collect()
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
    /// The provider is not offered here (no OAuth client configured).
    #[error("this calendar provider is not offered here")]
    NotOffered,
    /// Signing in did not come back as it left (no or another attempt, a refusal at the
    /// provider): start again.
    #[error("the sign-in did not complete: {0}")]
    SignIn(&'static str),
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

/// The message id of a connection's last error in plain words: a signed-in account
/// that refuses is asked to sign in again; a CalDAV one to make a new app password.
pub fn problem_message(kind: &str, code: &str) -> String {
    match (kind, code) {
        ("google" | "microsoft", "unauthorized" | "secret-unreadable") => {
            "calendar-error-signed-out".to_owned()
        }
        _ => format!("calendar-error-{code}"),
    }
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
