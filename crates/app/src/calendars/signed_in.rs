//! Google Calendar and Microsoft 365: connected by signing in, read through their APIs.
//!
//! Signing in is OAuth 2's authorization code flow with PKCE. [`start`] makes the
//! attempt: a random `state`, a PKCE verifier, and which provider and connection it is
//! for, sealed under the deployment's key with the person's id as associated data, to be
//! kept in a short-lived cookie; the provider sees only the state and the challenge.
//! [`finish`] opens the cookie with the id of whoever came back (so an attempt is the
//! starter's alone), checks the state, exchanges the code with the verifier, lists the
//! account's calendars and keeps the refresh token sealed like a password.
//!
//! Access tokens are bought with the refresh token when needed and kept per instance
//! until shortly before they expire; a token the API refuses (401) is bought again once.
//! A refresh token the provider no longer takes (revoked, expired) is
//! `CalendarError::Unauthorized`: the health page asks the expert to reconnect, which is
//! signing in again onto the same connection.

use ::calendars::CalendarError;
use ::calendars::hosted::HostedCalendar;
use ::calendars::oauth::{OAuthClient, Pkce, Provider};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use futures::future::BoxFuture;
use store::Database;
use store::calendars::Connection;
use store::users::User;
use uuid::Uuid;

use super::connect::Connected;
use super::{CalendarUseError, Calendars, MAX_CONNECTIONS};
use crate::scheduling::ScheduleCache;

/// Why a reconnect was refused: the person signed in to another account than the
/// connection's.
pub const OTHER_ACCOUNT: &str = "another account than the connection's";

/// How long a sign-in attempt may take.
pub const ATTEMPT_LIFETIME: jiff::SignedDuration = jiff::SignedDuration::from_mins(10);

/// An attempt to sign in, as the cookie keeps it (sealed).
#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct Attempt {
    state: String,
    verifier: String,
    provider: String,
    /// Reconnecting this connection, or a new one.
    connection: Option<Uuid>,
    /// Unix seconds after which it is refused.
    until: i64,
}

/// Where to send the person, and the sealed attempt to keep in a cookie until they come
/// back.
#[derive(Debug, Clone)]
pub struct SignInStart {
    /// The provider's sign-in page, with the state and the PKCE challenge.
    pub url: String,
    /// The sealed attempt.
    pub attempt: String,
}

/// The address providers send the person back to after signing in to `provider`.
pub fn return_address(calendars: &Calendars, provider: Provider) -> String {
    format!(
        "{}/calendars/oauth/{}",
        calendars.accounts().origin.trim_end_matches('/'),
        provider.kind()
    )
}

fn client(calendars: &Calendars, provider: Provider) -> Result<&OAuthClient, CalendarUseError> {
    let accounts = calendars.accounts();
    match provider {
        Provider::Google => accounts.google.as_ref().map(|(c, _)| c),
        Provider::Microsoft => accounts.microsoft.as_ref().map(|(c, _)| c),
    }
    .ok_or(CalendarUseError::NotOffered)
}

fn random32() -> Result<[u8; 32], CalendarUseError> {
    let mut bytes = [0u8; 32];
    ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut bytes)
        .map_err(|_| CalendarUseError::SignIn("no randomness"))?;
    Ok(bytes)
}

/// Starts signing `user` in to `provider`, for a new connection or to reconnect
/// `reconnect` (theirs, of that provider).
pub async fn start(
    db: &Database,
    calendars: &Calendars,
    user: &User,
    provider: Provider,
    reconnect: Option<Uuid>,
) -> Result<SignInStart, CalendarUseError> {
    let client = client(calendars, provider)?;
    match reconnect {
        Some(id) => {
            let own = store::calendars::connection(db, id)
                .await?
                .filter(|c| c.user_id == user.id && c.kind == provider.kind());
            if own.is_none() {
                return Err(CalendarUseError::NotFound);
            }
        }
        None => {
            if store::experts::find(db, user.id).await?.is_none() {
                return Err(CalendarUseError::NotExpert);
            }
            if store::calendars::connections_of(db, user.id).await?.len() >= MAX_CONNECTIONS {
                return Err(CalendarUseError::TooMany);
            }
        }
    }
    let pkce = Pkce::from_random(random32()?);
    let state = URL_SAFE_NO_PAD.encode(random32()?);
    let until = db.clock().now() + ATTEMPT_LIFETIME;
    let attempt = Attempt {
        state: state.clone(),
        verifier: pkce.verifier,
        provider: provider.kind().to_owned(),
        connection: reconnect,
        until: until.as_second(),
    };
    let text = serde_json::to_string(&attempt).map_err(|_| CalendarUseError::SignIn("sealing"))?;
    Ok(SignInStart {
        url: client.authorize_url(
            &return_address(calendars, provider),
            &state,
            &pkce.challenge,
        ),
        attempt: calendars.key().seal(user.id, &text)?,
    })
}

/// What the provider sent back.
#[derive(Debug, Clone, Default)]
pub struct Answer {
    /// The code to exchange.
    pub code: Option<String>,
    /// The state it carried.
    pub state: Option<String>,
    /// The provider's refusal (`access_denied` when the person said no).
    pub error: Option<String>,
}

/// Finishes `user`'s sign-in to `provider` with the sealed `attempt` from their cookie
/// and the provider's `answer`: a new connection (or the one reconnected), read at once.
pub async fn finish(
    db: &Database,
    calendars: &Calendars,
    schedules: &ScheduleCache,
    user: &User,
    provider: Provider,
    attempt: Option<&str>,
    answer: &Answer,
) -> Result<Connected, CalendarUseError> {
    let client = client(calendars, provider)?;
    let attempt: Attempt = attempt
        .and_then(|sealed| calendars.key().open(user.id, sealed).ok())
        .and_then(|text| serde_json::from_str(&text).ok())
        .ok_or(CalendarUseError::SignIn("no sign-in was started here"))?;
    let now = db.clock().now();
    if attempt.provider != provider.kind() || attempt.until < now.as_second() {
        return Err(CalendarUseError::SignIn("the sign-in ran out of time"));
    }
    if answer.state.as_deref() != Some(attempt.state.as_str()) {
        return Err(CalendarUseError::SignIn(
            "the answer is not for this sign-in",
        ));
    }
    if answer.error.is_some() {
        return Err(CalendarUseError::SignIn("access was not granted"));
    }
    let code = answer
        .code
        .as_deref()
        .ok_or(CalendarUseError::SignIn("the provider sent no code"))?;
    let grant = client
        .exchange(
            code,
            &attempt.verifier,
            &return_address(calendars, provider),
        )
        .await
        .map_err(|e| CalendarUseError::Invalid(vec![super::field_error_of(&e, "provider")]))?;
    let refresh = grant.refresh_token.ok_or(CalendarUseError::SignIn(
        "the provider sent no refresh token",
    ))?;
    let found = list(calendars, provider, &grant.access_token)
        .await
        .map_err(|e| CalendarUseError::Invalid(vec![super::field_error_of(&e, "provider")]))?;
    let account = found
        .iter()
        .find_map(|c| c.owner.clone())
        .unwrap_or_else(|| provider.kind().to_owned());
    let read_only: Vec<String> = found
        .iter()
        .filter(|c| !c.writable)
        .map(|c| c.id.clone())
        .collect();
    let list: Vec<(String, String)> = found.into_iter().map(|c| (c.id, c.name)).collect();
    let id = match attempt.connection {
        Some(id) => {
            // Reconnecting mends the same account; another one is a connection of its own.
            let same = store::calendars::connection(db, id)
                .await?
                .is_some_and(|c| c.user_id == user.id && c.username == account);
            if !same {
                return Err(CalendarUseError::SignIn(OTHER_ACCOUNT));
            }
            calendars.tokens.forget(id);
            let sealed = calendars.key().seal(id, &refresh)?;
            if !store::calendars::reconnect(db, user.id, id, &account, Some(&sealed), now).await? {
                return Err(CalendarUseError::NotFound);
            }
            store::calendars::add_calendars(db, id, &list).await?;
            store::calendars::set_read_only(db, id, &read_only).await?;
            super::connect::audit(db, user, "calendar.reconnected", provider.kind()).await;
            id
        }
        None => {
            let id = db.new_id();
            let sealed = calendars.key().seal(id, &refresh)?;
            let connection = super::connect::new_connection(
                id,
                user,
                provider.kind(),
                account.clone(),
                account,
                Some(sealed),
                now,
            );
            store::calendars::insert(db, &connection, &list).await?;
            store::calendars::set_read_only(db, id, &read_only).await?;
            super::connect::audit(db, user, "calendar.connected", provider.kind()).await;
            id
        }
    };
    calendars
        .tokens
        .keep(id, &grant.access_token, grant.expires_in);
    let first = super::sync::sync_connection(db, calendars, schedules, None, id).await?;
    Ok(Connected {
        id,
        read: !matches!(first, super::sync::Synced::Failed(_)),
    })
}

async fn list(
    calendars: &Calendars,
    provider: Provider,
    token: &str,
) -> Result<Vec<HostedCalendar>, CalendarError> {
    let accounts = calendars.accounts();
    match provider {
        Provider::Google => match &accounts.google {
            Some((_, api)) => api.calendars(token).await,
            None => Err(CalendarError::Gone),
        },
        Provider::Microsoft => match &accounts.microsoft {
            Some((_, graph)) => graph.calendars(token).await,
            None => Err(CalendarError::Gone),
        },
    }
}

/// Why a signed-in connection's call failed.
#[derive(Debug)]
pub(crate) enum TokenFailure {
    /// The provider refused or was away.
    Calendar(CalendarError),
    /// The sealed refresh token does not open with this deployment's key.
    Secret,
    /// The store failed.
    Store(store::StoreError),
}

impl From<CalendarError> for TokenFailure {
    fn from(e: CalendarError) -> Self {
        Self::Calendar(e)
    }
}

impl From<store::StoreError> for TokenFailure {
    fn from(e: store::StoreError) -> Self {
        Self::Store(e)
    }
}

/// An access token for `connection`: the one held, or one bought with its refresh token
/// (a rotated refresh token, as Microsoft sends, is sealed and kept).
pub(crate) async fn access_token(
    db: &Database,
    calendars: &Calendars,
    connection: &Connection,
) -> Result<String, TokenFailure> {
    if let Some(token) = calendars.tokens.get(connection.id) {
        return Ok(token);
    }
    let provider =
        Provider::of_kind(&connection.kind).ok_or(TokenFailure::Calendar(CalendarError::Gone))?;
    let client = client(calendars, provider).map_err(|_| {
        TokenFailure::Calendar(CalendarError::Refused {
            status: 0,
            message: "this provider is no longer configured".into(),
        })
    })?;
    let refresh = connection
        .secret_sealed
        .as_deref()
        .and_then(|sealed| calendars.key().open(connection.id, sealed).ok())
        .ok_or(TokenFailure::Secret)?;
    let grant = client.refresh(&refresh).await?;
    if let Some(rotated) = grant.refresh_token.as_deref().filter(|r| *r != refresh) {
        let sealed = calendars
            .key()
            .seal(connection.id, rotated)
            .map_err(|_| TokenFailure::Secret)?;
        // Only over the token this refresh used: a reconnect meanwhile keeps its own.
        if let Some(old) = connection.secret_sealed.as_deref() {
            store::calendars::set_secret(db, connection.id, &sealed, old).await?;
        }
    }
    calendars
        .tokens
        .keep(connection.id, &grant.access_token, grant.expires_in);
    Ok(grant.access_token)
}

/// Runs `call` with an access token of `connection`; when the API refuses the token
/// (401: revoked meanwhile, or expired early), a new one is bought and `call` runs once
/// more.
pub(crate) async fn with_token<'a, T>(
    db: &Database,
    calendars: &Calendars,
    connection: &Connection,
    call: impl Fn(String) -> BoxFuture<'a, Result<T, CalendarError>>,
) -> Result<T, TokenFailure> {
    let token = access_token(db, calendars, connection).await?;
    match call(token).await {
        Err(CalendarError::Unauthorized) => {
            calendars.tokens.forget(connection.id);
            let token = access_token(db, calendars, connection).await?;
            Ok(call(token).await?)
        }
        other => Ok(other?),
    }
}

/// Forgets the access token held for `connection` (it is disconnected).
pub(crate) fn forget(calendars: &Calendars, connection: Uuid) {
    calendars.tokens.forget(connection);
}
