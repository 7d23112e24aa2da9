//! Logging in: the password check (rate-limited, with progressive lockout), then the
//! second factor when the account has one, then a web session or API tokens.

use std::sync::Arc;

use domain::{EmailAddress, PasswordHash, SecretDigest};
use i18n::Locale;
use jiff::SignedDuration;
use store::logins::{self, ClientInfo, OpenedLogin};
use store::users::{self, User};
use store::{Database, StoreError, challenges, known_devices, second_factors};

use crate::accounts::{AccountError, LinkBase, dummy_hash, record, send};
use crate::mail::Mailer;
use crate::sign_in_link;
use crate::throttle::{FailureOutcome, Throttle};

/// How long a web session lasts without logging in again.
pub use crate::accounts::LOGIN_LIFETIME;

/// How long the person has to give their second factor after the password.
pub const SECOND_FACTOR_WINDOW: SignedDuration = SignedDuration::from_mins(5);
/// How long a device stays known without signing in again.
pub const DEVICE_LIFETIME: SignedDuration = SignedDuration::from_hours(180 * 24);
/// Wrong codes allowed for one pending login before it must start over.
pub const SECOND_FACTOR_ATTEMPTS: i32 = 5;
const SECOND_FACTOR_PURPOSE: &str = "login.second_factor";

/// A completed web login.
pub struct LoggedIn {
    /// The account now signed in.
    pub user: User,
    /// The new login: its cookie secret, CSRF token and expiry.
    pub login: OpenedLogin,
    /// A device secret to hand the browser (the device cookie), when it was not known.
    pub new_device: Option<domain::Secret>,
}

/// The outcome of a correct password on the web.
pub enum PasswordStep {
    /// No second factor: logged in.
    Done(Box<LoggedIn>),
    /// The account has a second factor; the holder of this challenge may give it.
    SecondFactor {
        /// Kept by the browser (a cookie) for the second step; good for `SECOND_FACTOR_WINDOW`.
        challenge: domain::Secret,
    },
}

/// Checks email and password under the rate limits and lockout, doing the same hashing
/// work whether or not the account exists. Records success and failure in the audit log.
///
/// The lockout rule (README, "Logging in"): failed logins are counted per address; from
/// `Limits::lockout_after` failures on, each further one locks the address for twice as
/// long (a delay per attempt). While it is locked, a device that has signed in to the
/// account before (`ClientInfo::device`) still signs in with the right password, and is
/// not held to the per-address attempt limit either: a stranger's guesses cannot shut the
/// owner out. Any other device is refused without its password being looked at (so the
/// lock is no oracle), and the owner is emailed a one-time sign-in link instead — when the
/// lock starts and again at most every `SIGN_IN_LINK_EVERY` while it lasts.
///
/// Whether the address has an account changes nothing a caller can see: the same checks
/// run for both, and the emails (a lockout notice, a link) go out in the background.
/// A known device that gives wrong passwords stops being trusted for a day once it has
/// given `lockout_after` of them (`Throttle::device_failed`), and every known device is
/// forgotten when the account's logins are all ended.
pub async fn check_password(
    db: &Database,
    mailer: &Arc<dyn Mailer>,
    throttle: &Throttle,
    links: LinkBase<'_>,
    email: &str,
    password: &str,
    client: &ClientInfo,
) -> Result<User, AccountError> {
    let normalised = email.trim().to_lowercase();
    let ip = client.ip.as_deref().unwrap_or("unknown");
    throttle
        .check(&format!("login:ip:{ip}"), throttle.limits.login_per_ip)
        .await
        .map_err(AccountError::RateLimited)?;
    let user = match EmailAddress::parse(email) {
        Ok(email) => users::find_by_email(db, &email).await?,
        Err(_) => None,
    };
    let device = client.device.as_deref().map(SecretDigest::of);
    let known_device = match &device {
        Some(digest) => {
            // The same lookup whether or not the account exists.
            let owner = user.as_ref().map_or(uuid::Uuid::nil(), |u| u.id);
            let known =
                known_devices::is_known(db, owner, client.device.as_deref().unwrap_or("")).await?;
            known && user.is_some() && !throttle.device_distrusted(digest.as_str()).await
        }
        None => false,
    };
    if !known_device {
        if let Some(left) = throttle.locked(&normalised).await {
            sign_in_link::offer(
                db,
                mailer,
                throttle,
                links,
                &normalised,
                user.as_ref(),
                client,
            )
            .await;
            return Err(AccountError::LockedOut(left));
        }
        throttle
            .check(
                &format!("login:account:{normalised}"),
                throttle.limits.login_per_account,
            )
            .await
            .map_err(AccountError::RateLimited)?;
    }

    let stored = match &user {
        Some(u) => users::password_hash(db, u.id).await?,
        None => None,
    };
    let candidate = password.to_owned();
    // Some(upgraded hash) when the password matched a hash made with old parameters.
    let (matches, upgraded) = tokio::task::spawn_blocking(move || match stored {
        Some(hash) if hash.verify(&candidate) => {
            let upgraded = (!hash.is_current())
                .then(|| PasswordHash::rehash(&candidate).ok())
                .flatten();
            (true, upgraded)
        }
        Some(_) => (false, None),
        None => {
            // Same work as a real check, so response time does not reveal the account.
            let _ = dummy_hash().verify(&candidate);
            (false, None)
        }
    })
    .await
    .map_err(|e| AccountError::Internal(e.to_string()))?;

    match user {
        Some(user) if matches => {
            // The owner on a known device while the address is locked leaves the lock in
            // place: whoever is guessing stays locked out.
            if throttle.locked(&normalised).await.is_none() {
                throttle.login_succeeded(&normalised).await;
            }
            if let Some(hash) = upgraded {
                users::set_password_hash(db, user.id, &hash).await?;
                record(db, Some(user.id), "password.rehashed", client).await?;
            }
            Ok(user)
        }
        user => {
            let user_id = user.as_ref().map(|u| u.id);
            record(db, user_id, "login.failed", client).await?;
            if let (true, Some(digest)) = (known_device, &device) {
                throttle.device_failed(digest.as_str()).await;
            }
            if let FailureOutcome::LockedOut { duration, first } =
                throttle.login_failed(&normalised).await
            {
                record(db, user_id, "login.locked_out", client).await?;
                if first {
                    if let Some(user) = &user {
                        tell_owner_of_lockout(mailer, user, duration);
                        crate::jobs::notify::later(
                            db,
                            user.id,
                            domain::notification::Kind::SecurityAlert,
                            serde_json::json!({}),
                        )
                        .await;
                    }
                    sign_in_link::offer(
                        db,
                        mailer,
                        throttle,
                        links,
                        &normalised,
                        user.as_ref(),
                        client,
                    )
                    .await;
                }
            }
            Err(AccountError::InvalidCredentials)
        }
    }
}

/// After any sign-in: the device that signed in is known from now on. Returns the secret
/// to hand the device when it is new (a cookie, or the API's `device_token`).
pub async fn remember_device(
    db: &Database,
    user_id: uuid::Uuid,
    client: &ClientInfo,
) -> Result<Option<domain::Secret>, AccountError> {
    Ok(known_devices::remember(db, user_id, client.device.as_deref(), DEVICE_LIFETIME).await?)
}

/// Emails the owner that their address was locked, off the response path.
fn tell_owner_of_lockout(mailer: &Arc<dyn Mailer>, user: &User, duration: std::time::Duration) {
    let locale = Locale::from_tag(&user.locale).unwrap_or(Locale::En);
    let minutes = duration.as_secs().div_ceil(60).to_string();
    let text = locale.t_args(
        "email-lockout-body",
        &[("name", user.display_name.clone()), ("minutes", minutes)],
    );
    let subject = locale.t("email-lockout-subject");
    let (mailer, to) = (mailer.clone(), user.email.clone());
    tokio::spawn(async move {
        if let Err(e) = send(mailer.as_ref(), &to, subject, text).await {
            tracing::error!(error = %e, "telling an owner of a lockout failed");
        }
    });
}

/// Whether the account must give a second factor after its password.
pub async fn has_second_factor(db: &Database, user_id: uuid::Uuid) -> Result<bool, AccountError> {
    let totp = second_factors::totp(db, user_id)
        .await?
        .is_some_and(|t| t.confirmed_at.is_some());
    Ok(totp || store::passkeys::count_for_user(db, user_id).await? > 0)
}

/// The web login: password, then either a session or a second-factor challenge.
pub async fn log_in(
    db: &Database,
    mailer: &Arc<dyn Mailer>,
    throttle: &Throttle,
    links: LinkBase<'_>,
    email: &str,
    password: &str,
    client: &ClientInfo,
) -> Result<PasswordStep, AccountError> {
    let user = check_password(db, mailer, throttle, links, email, password, client).await?;
    if has_second_factor(db, user.id).await? {
        record(db, Some(user.id), "login.password_ok", client).await?;
        let challenge = second_factor_challenge(db, user.id).await?;
        return Ok(PasswordStep::SecondFactor { challenge });
    }
    Ok(PasswordStep::Done(Box::new(
        open_login(db, user, client).await?,
    )))
}

/// A login waiting for its second factor, once the first proof (password or sign-in link)
/// was given.
pub(crate) async fn second_factor_challenge(
    db: &Database,
    user_id: uuid::Uuid,
) -> Result<domain::Secret, AccountError> {
    Ok(challenges::create(
        db,
        SECOND_FACTOR_PURPOSE,
        Some(user_id),
        String::new(),
        SECOND_FACTOR_WINDOW,
    )
    .await?)
}

/// Finishes a web login that is waiting for its second factor.
pub async fn finish_second_factor(
    db: &Database,
    challenge: &str,
    code: &str,
    client: &ClientInfo,
) -> Result<LoggedIn, AccountError> {
    let user_id = pending_second_factor(db, challenge).await?;
    if !check_second_factor(db, user_id, code, client).await? {
        return Err(AccountError::InvalidSecondFactor);
    }
    complete_second_factor(db, challenge, user_id, client).await
}

/// The account a pending login (password accepted) belongs to, counting one attempt.
pub async fn pending_second_factor(
    db: &Database,
    challenge: &str,
) -> Result<uuid::Uuid, AccountError> {
    challenges::attempt(db, challenge, SECOND_FACTOR_PURPOSE, SECOND_FACTOR_ATTEMPTS)
        .await?
        .and_then(|c| c.user_id)
        .ok_or(AccountError::InvalidLink)
}

/// Completes a pending login whose second factor was checked elsewhere (a passkey).
pub async fn complete_second_factor(
    db: &Database,
    challenge: &str,
    user_id: uuid::Uuid,
    client: &ClientInfo,
) -> Result<LoggedIn, AccountError> {
    if !challenges::finish(db, challenge).await? {
        return Err(AccountError::InvalidLink);
    }
    let user = users::find_by_id(db, user_id)
        .await?
        .ok_or(AccountError::InvalidLink)?;
    open_login(db, user, client).await
}

/// Checks a TOTP code, or a recovery code, using it up. Records the outcome.
pub async fn check_second_factor(
    db: &Database,
    user_id: uuid::Uuid,
    code: &str,
    client: &ClientInfo,
) -> Result<bool, AccountError> {
    let code = code.trim();
    // Codes come from the person's device, which keeps real time.
    let now = u64::try_from(db.clock().device_now().as_second()).unwrap_or(0);
    if let Some(totp) = second_factors::totp(db, user_id).await?
        && totp.confirmed_at.is_some()
        && let Some(key) = domain::totp::TotpKey::from_base32(&totp.secret)
        && let Some(step) = key.matching_step(code, now)
        && second_factors::accept_totp_step(db, user_id, step).await?
    {
        record(db, Some(user_id), "second_factor.totp_ok", client).await?;
        return Ok(true);
    }
    if code.len() >= 12 {
        let digest = domain::totp::recovery_code_digest(code);
        if second_factors::use_recovery_code(db, user_id, &digest).await? {
            record(
                db,
                Some(user_id),
                "second_factor.recovery_code_used",
                client,
            )
            .await?;
            return Ok(true);
        }
    }
    record(db, Some(user_id), "second_factor.failed", client).await?;
    Ok(false)
}

/// Opens a fresh web session (a new secret at every login: no session fixation).
pub async fn open_login(
    db: &Database,
    user: User,
    client: &ClientInfo,
) -> Result<LoggedIn, AccountError> {
    let login = logins::open(db, user.id, client, LOGIN_LIFETIME).await?;
    let new_device = remember_device(db, user.id, client).await?;
    record(db, Some(user.id), "login.succeeded", client).await?;
    Ok(LoggedIn {
        user,
        login,
        new_device,
    })
}

/// The login a page cookie's `presented` secret opens, with its account: None when the
/// login is unknown, ended or expired, or its account is gone.
pub async fn signed_in(
    db: &Database,
    presented: &str,
) -> Result<Option<(logins::Login, User)>, StoreError> {
    let Some(session) = logins::find_active(db, presented).await? else {
        return Ok(None);
    };
    Ok(users::find_by_id(db, session.user_id)
        .await?
        .map(|user| (session, user)))
}
