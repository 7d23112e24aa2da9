//! Tokens for API clients: a signed JWT access token (15 minutes, HS256, key id in the
//! header) and an opaque refresh token (30 days, single-use, rotated on every refresh).
//!
//! An access token's signature is checked in memory. Its login must also still be live:
//! logging out, "log out everywhere", a password change or reset and a privilege change
//! revoke logins, and their access tokens fail on the very next request. That check is
//! cached per instance under the account's `logins_version`, which every revocation raises
//! in the same transaction. The API takes the account (with that version) from the viewer
//! cache (`crate::viewers`), which every revocation empties of the account on every
//! instance before it answers, so a revocation reaches every instance at once at no extra
//! query.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

use jiff::SignedDuration;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, errors::ErrorKind};
use serde::{Deserialize, Serialize};
use store::logins::ClientInfo;
use store::refresh_tokens::{self, Rotation};
use store::signing_keys::{self, SigningKey};
use store::users::User;
use store::{Database, StoreError};
use uuid::Uuid;

use crate::accounts::{AccountError, LinkBase, record};
use crate::login::{check_password, check_second_factor, has_second_factor};
use crate::mail::Mailer;
use crate::throttle::Throttle;

/// How long an access token works; clients refresh before it runs out.
pub const ACCESS_LIFETIME: SignedDuration = SignedDuration::from_mins(15);

/// Seconds an access token is still taken after its expiry, for clocks slightly apart.
const EXPIRY_LEEWAY_SECS: i64 = 5;
/// How long an unused refresh token works; each refresh issues a new one.
pub const REFRESH_LIFETIME: SignedDuration = SignedDuration::from_hours(30 * 24);
const ISSUER: &str = "mentora";
/// How often an instance re-reads the keys, so a rotation elsewhere reaches it.
const KEY_REFRESH: std::time::Duration = std::time::Duration::from_secs(60);
/// An unknown key id re-reads the keys at most this often: a rotation on another instance
/// is picked up within it, and a stream of forged key ids cannot put every request on the
/// database.
const UNKNOWN_KID_RELOAD: std::time::Duration = std::time::Duration::from_secs(5);
/// The most login verdicts one instance keeps; past it they are all dropped.
const LOGIN_CACHE_CAPACITY: usize = 100_000;

/// What an access token says, signed with the current key.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct AccessClaims {
    /// The account.
    pub sub: Uuid,
    /// The login (refresh-token family) this token belongs to.
    pub sid: Uuid,
    /// Always `mentora`; tokens from any other issuer are refused.
    pub iss: String,
    /// When it was issued, Unix seconds.
    pub iat: i64,
    /// When it stops working, Unix seconds (`ACCESS_LIFETIME` after `iat`).
    pub exp: i64,
}

/// Why a bearer token was refused; each has its own stable API error code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    /// Not a JWT at all (`token_malformed`).
    #[error("the token is not a well-formed access token")]
    Malformed,
    /// Was valid, but its 15 minutes are over (`token_expired`).
    #[error("the token has expired")]
    Expired,
    /// Wrong signature, unknown key id, other issuer or algorithm (`token_invalid`).
    #[error("the token's signature or claims are invalid")]
    Invalid,
}

/// What a client gets at login and at each refresh.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TokenPair {
    /// The JWT to send as `Authorization: Bearer …`.
    pub access_token: String,
    /// Single-use: trade it at `POST /auth/refresh` for the next pair.
    pub refresh_token: String,
    /// Always `Bearer`.
    pub token_type: &'static str,
    /// Seconds until the access token expires.
    pub expires_in: i64,
    /// Returned by a login only: the device secret to send as `device_token` next time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device_token: Option<String>,
}

/// The signing keys, cached in memory and re-read from the database now and then, and
/// whether logins are live, cached under each account's `logins_version`.
pub struct TokenKeys {
    db: Database,
    cache: RwLock<(Vec<SigningKey>, Option<Instant>)>,
    /// login (family) id → (the account's logins_version when checked, live).
    logins: Mutex<HashMap<Uuid, (i64, bool)>>,
    /// How many times the keys were read from the database.
    reads: std::sync::atomic::AtomicU64,
}

impl TokenKeys {
    /// Keys are read on first use, so a server can start before its migrations run.
    pub fn new(db: Database) -> Self {
        Self {
            db,
            cache: RwLock::new((Vec::new(), None)),
            logins: Mutex::new(HashMap::new()),
            reads: std::sync::atomic::AtomicU64::new(0),
        }
    }

    /// Whether the login an access token belongs to is still live for `user` (read in this
    /// request, so its `logins_version` is current).
    pub async fn login_is_live(&self, user: &User, login: Uuid) -> Result<bool, StoreError> {
        let cached = self
            .logins
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(&login)
            .copied();
        if let Some((version, live)) = cached
            && version == user.logins_version
        {
            return Ok(live);
        }
        let live = refresh_tokens::login_is_live(&self.db, user.id, login).await?;
        let mut logins = self
            .logins
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if logins.len() >= LOGIN_CACHE_CAPACITY {
            logins.clear();
        }
        logins.insert(login, (user.logins_version, live));
        Ok(live)
    }

    /// When the keys were last read.
    fn loaded_at(&self) -> Option<Instant> {
        self.cache
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .1
    }

    fn cached(&self) -> (Vec<SigningKey>, bool) {
        let guard = self
            .cache
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let stale = guard.1.is_none_or(|at| at.elapsed() > KEY_REFRESH);
        (guard.0.clone(), stale)
    }

    /// How many times this instance read the keys from the database.
    pub fn key_reads(&self) -> u64 {
        self.reads.load(std::sync::atomic::Ordering::Relaxed)
    }

    async fn reload(&self) -> Result<Vec<SigningKey>, StoreError> {
        self.reads
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let keys = signing_keys::usable(&self.db, ACCESS_LIFETIME).await?;
        let mut guard = self
            .cache
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *guard = (keys.clone(), Some(Instant::now()));
        Ok(keys)
    }

    async fn keys(&self) -> Result<Vec<SigningKey>, StoreError> {
        match self.cached() {
            (keys, false) => Ok(keys),
            (_, true) => self.reload().await,
        }
    }

    /// A signed access token for the account and login.
    pub async fn sign(&self, user_id: Uuid, family_id: Uuid) -> Result<String, AccountError> {
        let keys = self.keys().await?;
        let key = keys
            .iter()
            .find(|k| k.retired_at.is_none())
            .ok_or_else(|| AccountError::Internal("no live signing key".into()))?;
        let now = self.db.clock().now();
        let claims = AccessClaims {
            sub: user_id,
            sid: family_id,
            iss: ISSUER.to_owned(),
            // JWT's NumericDate: whole seconds since the epoch.
            iat: now.as_second(),
            exp: (now + ACCESS_LIFETIME).as_second(),
        };
        let mut header = Header::new(Algorithm::HS256);
        header.kid = Some(key.kid.clone());
        jsonwebtoken::encode(
            &header,
            &claims,
            &EncodingKey::from_secret(key.secret.as_bytes()),
        )
        .map_err(|e| AccountError::Internal(e.to_string()))
    }

    /// The claims of a valid access token.
    pub async fn verify(&self, token: &str) -> Result<AccessClaims, TokenError> {
        let header = jsonwebtoken::decode_header(token).map_err(|_| TokenError::Malformed)?;
        if header.alg != Algorithm::HS256 {
            return Err(TokenError::Invalid);
        }
        let kid = header.kid.ok_or(TokenError::Invalid)?;
        let keys = self.keys().await.map_err(|_| TokenError::Invalid)?;
        let key = match keys.iter().find(|k| k.kid == kid) {
            Some(key) => key.clone(),
            // Read a moment ago: the key id is unknown, not new.
            None if self
                .loaded_at()
                .is_some_and(|at| at.elapsed() < UNKNOWN_KID_RELOAD) =>
            {
                return Err(TokenError::Invalid);
            }
            // Perhaps another instance rotated a moment ago.
            None => self
                .reload()
                .await
                .map_err(|_| TokenError::Invalid)?
                .into_iter()
                .find(|k| k.kid == kid)
                .ok_or(TokenError::Invalid)?,
        };
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_required_spec_claims(&["exp", "iss", "sub"]);
        // Expiry is judged below by the injected clock: jsonwebtoken would read the
        // system time itself.
        validation.validate_exp = false;
        let claims = jsonwebtoken::decode::<AccessClaims>(
            token,
            &DecodingKey::from_secret(key.secret.as_bytes()),
            &validation,
        )
        .map(|data| data.claims)
        .map_err(|e| match e.kind() {
            ErrorKind::ExpiredSignature => TokenError::Expired,
            ErrorKind::InvalidToken
            | ErrorKind::Base64(_)
            | ErrorKind::Json(_)
            | ErrorKind::Utf8(_) => TokenError::Malformed,
            _ => TokenError::Invalid,
        })?;
        if claims.exp + EXPIRY_LEEWAY_SECS < self.db.clock().now().as_second() {
            return Err(TokenError::Expired);
        }
        Ok(claims)
    }

    /// Makes a new signing key and retires the others (tokens they signed stay valid until
    /// they expire). Returns the new key id.
    pub async fn rotate(&self) -> Result<String, StoreError> {
        let kid = signing_keys::rotate(&self.db).await?;
        self.reload().await?;
        Ok(kid)
    }
}

/// API login: password (and TOTP code when the account has one) → tokens.
#[allow(clippy::too_many_arguments)]
pub async fn log_in(
    db: &Database,
    mailer: &Arc<dyn Mailer>,
    throttle: &Throttle,
    keys: &TokenKeys,
    links: LinkBase<'_>,
    email: &str,
    password: &str,
    second_factor: Option<&str>,
    client: &ClientInfo,
) -> Result<(User, TokenPair), AccountError> {
    let user = check_password(db, mailer, throttle, links, email, password, client).await?;
    check_second_factor_if_any(db, &user, second_factor, client).await?;
    issue_login(db, keys, user, client).await
}

/// API login with a one-time sign-in link's token (sent while the address is locked)
/// instead of the password; the TOTP code is still asked for when the account has one.
/// A completed sign-in lifts the lock, as on the web.
pub async fn log_in_with_link(
    db: &Database,
    throttle: &Throttle,
    keys: &TokenKeys,
    token: &str,
    second_factor: Option<&str>,
    client: &ClientInfo,
) -> Result<(User, TokenPair), AccountError> {
    // Check the second factor before using the link up, so a typo does not cost it.
    let Some(pending) = crate::sign_in_link::address_of(db, token).await? else {
        return Err(AccountError::InvalidLink);
    };
    let owner = match domain::EmailAddress::parse(&pending) {
        Ok(address) => store::users::find_by_email(db, &address).await?,
        Err(_) => None,
    }
    .ok_or(AccountError::InvalidLink)?;
    check_second_factor_if_any(db, &owner, second_factor, client).await?;
    let user = crate::sign_in_link::redeem_account(db, token, client).await?;
    if user.id != owner.id {
        return Err(AccountError::InvalidLink);
    }
    throttle.unlock(&user.email.to_lowercase()).await;
    issue_login(db, keys, user, client).await
}

async fn check_second_factor_if_any(
    db: &Database,
    user: &User,
    second_factor: Option<&str>,
    client: &ClientInfo,
) -> Result<(), AccountError> {
    if has_second_factor(db, user.id).await? {
        let Some(code) = second_factor.filter(|c| !c.trim().is_empty()) else {
            return Err(AccountError::SecondFactorRequired);
        };
        if !check_second_factor(db, user.id, code, client).await? {
            return Err(AccountError::InvalidSecondFactor);
        }
    }
    Ok(())
}

/// Tokens for a login whose proofs were all given: a new refresh-token family, and the
/// device token to send with later logins.
async fn issue_login(
    db: &Database,
    keys: &TokenKeys,
    user: User,
    client: &ClientInfo,
) -> Result<(User, TokenPair), AccountError> {
    let refresh = refresh_tokens::issue(db, user.id, None, client, REFRESH_LIFETIME).await?;
    let access = keys.sign(user.id, refresh.family_id).await?;
    // The client keeps this and sends it with later logins: it is the owner's proof while
    // strangers have the address locked (see `login::check_password`).
    let device_token = match crate::login::remember_device(db, user.id, client).await? {
        Some(new) => new.expose().to_owned(),
        None => client.device.clone().unwrap_or_default(),
    };
    record(db, Some(user.id), "login.succeeded.api", client).await?;
    Ok((
        user,
        TokenPair {
            access_token: access,
            refresh_token: refresh.secret.expose().to_owned(),
            token_type: "Bearer",
            expires_in: ACCESS_LIFETIME.as_secs(),
            device_token: Some(device_token),
        },
    ))
}

/// Why a refresh was refused.
#[derive(Debug, thiserror::Error)]
pub enum RefreshError {
    /// Unknown, expired, or its login has ended (`refresh_token_invalid`).
    #[error("the refresh token is unknown, expired or revoked")]
    Invalid,
    /// Presented a second time: treated as stolen, and its whole login is revoked
    /// (`refresh_token_reused`).
    #[error("the refresh token was already used; every token of this login is revoked")]
    Reused,
    /// Issuing the new pair failed.
    #[error(transparent)]
    Account(#[from] AccountError),
}

impl From<StoreError> for RefreshError {
    fn from(e: StoreError) -> Self {
        RefreshError::Account(e.into())
    }
}

/// Trades a refresh token for a new pair. A token presented twice revokes its whole
/// family and records a security event: one of the two holders is not its owner.
pub async fn refresh(
    db: &Database,
    keys: &TokenKeys,
    presented: &str,
    client: &ClientInfo,
) -> Result<TokenPair, RefreshError> {
    match refresh_tokens::rotate(db, presented, client, REFRESH_LIFETIME).await? {
        Rotation::Rotated { user_id, next } => {
            let access = keys.sign(user_id, next.family_id).await?;
            Ok(TokenPair {
                access_token: access,
                refresh_token: next.secret.expose().to_owned(),
                token_type: "Bearer",
                expires_in: ACCESS_LIFETIME.as_secs(),
                device_token: None,
            })
        }
        Rotation::Reused { user_id, family_id } => {
            tracing::warn!(%user_id, %family_id, "refresh token reuse: family revoked");
            record(db, Some(user_id), "token.reuse_detected", client).await?;
            Err(RefreshError::Reused)
        }
        Rotation::Invalid => Err(RefreshError::Invalid),
    }
}

/// Revokes the login a refresh token belongs to. Unknown tokens are ignored (logging out
/// twice is not an error).
pub async fn log_out(
    db: &Database,
    presented: &str,
    client: &ClientInfo,
) -> Result<(), AccountError> {
    if let Some((user_id, family_id)) = refresh_tokens::family_of(db, presented).await? {
        refresh_tokens::revoke_family(db, family_id).await?;
        record(db, Some(user_id), "logout.api", client).await?;
    }
    Ok(())
}
