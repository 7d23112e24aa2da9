//! Opening an account, proving its email address, and logging in and out.
//!
//! Account enumeration is closed by design: signing up answers the same whether or not the
//! address is taken (its owner is emailed instead), and logging in does the same password
//! work for unknown addresses as for known ones.

use crate::FieldError;
use std::sync::OnceLock;

use domain::{DisplayName, EmailAddress, NewPassword, PasswordHash};
use i18n::Locale;
use jiff::SignedDuration;
use store::email_tokens::{self, Purpose};
use store::logins::{self, ClientInfo};
use store::users::{self, NewUser, User};
use store::{Database, StoreError, audit};

use crate::mail::{Email, Mailer};
use crate::throttle::{RetryAfter, Throttle};

/// How long an email verification link works.
pub const VERIFY_LINK_LIFETIME: SignedDuration = SignedDuration::from_hours(24);
/// How long a password reset link works.
pub const RESET_LINK_LIFETIME: SignedDuration = SignedDuration::from_mins(30);
/// How long a web session lasts without logging in again.
pub const LOGIN_LIFETIME: SignedDuration = SignedDuration::from_hours(14 * 24);

/// Why signing up, logging in or changing account details failed.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    /// Fields the person must correct, each with its message.
    #[error("invalid input: {0:?}")]
    Invalid(Vec<FieldError>),
    /// Unknown address or wrong password; deliberately not told apart.
    #[error("the email or password is wrong")]
    InvalidCredentials,
    /// An email link (verification, reset, sign-in) that is unknown, expired or already used.
    #[error("this link is invalid, expired or already used")]
    InvalidLink,
    /// Too many attempts from this address or for this account; retry after the wait.
    #[error("too many attempts; try again in {} s", .0.seconds())]
    RateLimited(RetryAfter),
    /// Failed logins have locked the address; a sign-in link went to its owner.
    #[error("this address is locked after failed logins for {} s", .0.seconds())]
    LockedOut(RetryAfter),
    /// The password was right; the account's second factor must come next.
    #[error("a second factor is required")]
    SecondFactorRequired,
    /// The authenticator or recovery code is wrong or was already used.
    #[error("the second-factor code is wrong or already used")]
    InvalidSecondFactor,
    /// A change that asks for the current password got a wrong one.
    #[error("the current password is wrong")]
    WrongCurrentPassword,
    /// The site is reached by an address passkeys cannot be bound to (an IP, not a host name).
    #[error("passkeys are not available at this address: {0}")]
    PasskeysUnavailable(String),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The file store failed (profile photos).
    #[error(transparent)]
    Files(#[from] crate::files::FileError),
    /// Something that should not fail did (hashing, a stored value that no longer parses).
    #[error("{0}")]
    Internal(String),
}

/// What the sign-up form or `POST /auth/register` submits.
pub struct SignUp<'a> {
    /// The address to verify and log in with.
    pub email: &'a str,
    /// The chosen password, checked against the person's own name and address.
    pub password: &'a str,
    /// The name others will see.
    pub display_name: &'a str,
    /// The language the page was in: the account's language from now on, and the emails'.
    pub locale: Locale,
    /// IANA zone detected by the browser (editable on the form); empty means UTC.
    pub time_zone: &'a str,
    /// ISO 4217 code; empty means USD.
    pub currency: &'a str,
    /// Where the person was going when they signed up (a local path, such as the time they
    /// chose): the verification link carries it, so confirming leads back there.
    pub then: Option<&'a str>,
}

/// Where links in email point: the public origin, e.g. `https://mentora.example`.
pub struct LinkBase<'a>(pub &'a str);

/// Opens an account and emails a verification link. When the address is taken, its owner is
/// emailed instead and the answer is the same, so sign-up reveals no accounts.
pub async fn sign_up(
    db: &Database,
    mailer: &dyn Mailer,
    throttle: &Throttle,
    links: LinkBase<'_>,
    input: SignUp<'_>,
    client: &ClientInfo,
) -> Result<(), AccountError> {
    let ip = client.ip.as_deref().unwrap_or("unknown");
    throttle
        .check(
            &format!("register:ip:{ip}"),
            throttle.limits.register_per_ip,
        )
        .await
        .map_err(AccountError::RateLimited)?;
    let email = EmailAddress::parse(input.email);
    let password = NewPassword::parse_for(
        input.password,
        &domain::password::personal_words(input.display_name, input.email),
    );
    let name = DisplayName::parse(input.display_name);
    let mut errors = Vec::new();
    // In the order the form shows the fields, so the summary reads top to bottom.
    if let Err(e) = &name {
        errors.push(FieldError {
            field: "display_name",
            message_id: match e {
                domain::display_name::DisplayNameError::Empty => "field-name-required",
                domain::display_name::DisplayNameError::TooLong => "field-name-too-long",
                domain::display_name::DisplayNameError::ControlCharacters => "field-name-invalid",
            },
        });
    }
    if let Err(e) = &email {
        errors.push(FieldError {
            field: "email",
            message_id: match e {
                domain::email::EmailError::Empty => "field-email-required",
                _ => "field-email-invalid",
            },
        });
    }
    if let Err(e) = &password {
        errors.push(FieldError {
            field: "password",
            message_id: password_message(e),
        });
    }
    let time_zone = match input.time_zone.trim() {
        "" => domain::profile::TimeZoneName::parse("UTC"),
        zone => domain::profile::TimeZoneName::parse(zone),
    };
    if let Err(e) = &time_zone {
        errors.push(FieldError {
            field: "time_zone",
            message_id: e.0,
        });
    }
    let currency = match input.currency.trim() {
        "" => domain::profile::CurrencyCode::parse("USD"),
        code => domain::profile::CurrencyCode::parse(code),
    };
    if let Err(e) = &currency {
        errors.push(FieldError {
            field: "currency",
            message_id: e.0,
        });
    }
    let (Ok(email), Ok(password), Ok(name), Ok(time_zone), Ok(currency)) =
        (email, password, name, time_zone, currency)
    else {
        return Err(AccountError::Invalid(errors));
    };
    throttle
        .check(
            &format!("register:account:{}", email.as_str()),
            throttle.limits.register_per_account,
        )
        .await
        .map_err(AccountError::RateLimited)?;

    // Hash before looking the address up, so both outcomes cost the same time.
    let hash = hash_off_thread(password).await?;
    let created = users::create(
        db,
        NewUser {
            email: email.clone(),
            display_name: name.as_str().to_owned(),
            password_hash: hash,
            email_verified: false,
            extra_roles: Vec::new(),
            locale: input.locale.tag().to_owned(),
            time_zone: time_zone.as_str().to_owned(),
            currency: currency.as_str().to_owned(),
        },
    )
    .await;
    match created {
        Ok(user) => {
            record(db, Some(user.id), "account.created", client).await?;
            send_verification(db, mailer, &links, &user, &email, input.then).await
        }
        Err(StoreError::AlreadyExists(_)) => {
            let owner = users::find_by_email(db, &email).await?;
            let locale = owner
                .as_ref()
                .and_then(|u| Locale::from_tag(&u.locale))
                .unwrap_or(input.locale);
            record(db, owner.map(|u| u.id), "signup.existing_email", client).await?;
            let text = locale.t_args(
                "email-signup-exists-body",
                &[("login_url", format!("{}/login", links.0))],
            );
            send(
                mailer,
                email.as_str(),
                locale.t("email-signup-exists-subject"),
                text,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// Emails a fresh verification link to the account's address.
pub async fn send_verification(
    db: &Database,
    mailer: &dyn Mailer,
    links: &LinkBase<'_>,
    user: &User,
    email: &EmailAddress,
    then: Option<&str>,
) -> Result<(), AccountError> {
    let token = email_tokens::issue(
        db,
        user.id,
        Purpose::VerifyEmail,
        email,
        VERIFY_LINK_LIFETIME,
    )
    .await?;
    let locale = Locale::from_tag(&user.locale).unwrap_or(Locale::En);
    let mut link = format!("{}/verify-email?token={}", links.0, token.expose());
    // Only a local path goes into the link (the page checks it again before following).
    if let Some(then) = then.filter(|t| t.starts_with('/') && !t.starts_with("//")) {
        let next: String = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("next", then)
            .finish();
        link.push('&');
        link.push_str(&next);
    }
    let text = locale.t_args(
        "email-verify-body",
        &[("name", user.display_name.clone()), ("link", link)],
    );
    send(
        mailer,
        email.as_str(),
        locale.t("email-verify-subject"),
        text,
    )
    .await
}

/// Sends the verification link again, for an account whose address is not verified yet
/// (the first mail got lost). Rate-limited per account and per address.
pub async fn resend_verification(
    db: &Database,
    mailer: &dyn Mailer,
    throttle: &Throttle,
    links: LinkBase<'_>,
    user: &User,
    client: &ClientInfo,
) -> Result<(), AccountError> {
    if user.email_verified {
        return Ok(());
    }
    let ip = client.ip.as_deref().unwrap_or("unknown");
    throttle
        .check(
            &format!("verify:ip:{ip}"),
            throttle.limits.verification_per_ip,
        )
        .await
        .map_err(AccountError::RateLimited)?;
    throttle
        .check(
            &format!("verify:account:{}", user.id),
            throttle.limits.verification_per_account,
        )
        .await
        .map_err(AccountError::RateLimited)?;
    let email =
        EmailAddress::parse(&user.email).map_err(|e| AccountError::Internal(e.to_string()))?;
    record(db, Some(user.id), "email.verification_resent", client).await?;
    send_verification(db, mailer, &links, user, &email, None).await
}

/// Redeems a verification link. Returns the now verified account.
pub async fn verify_email(
    db: &Database,
    throttle: &Throttle,
    token: &str,
    client: &ClientInfo,
) -> Result<User, AccountError> {
    let ip = client.ip.as_deref().unwrap_or("unknown");
    throttle
        .check(
            &format!("verify:ip:{ip}"),
            throttle.limits.verification_per_ip,
        )
        .await
        .map_err(AccountError::RateLimited)?;
    let redeemed = email_tokens::redeem(db, token, Purpose::VerifyEmail)
        .await?
        .ok_or(AccountError::InvalidLink)?;
    if !users::mark_email_verified(db, redeemed.user_id, &redeemed.email).await? {
        // The account changed its address after the link was sent.
        return Err(AccountError::InvalidLink);
    }
    record(db, Some(redeemed.user_id), "email.verified", client).await?;
    users::find_by_id(db, redeemed.user_id)
        .await?
        .ok_or(AccountError::InvalidLink)
}

/// Emails a reset link if the address has an account. Answers the same, in the same time,
/// either way: after validation and rate limits, the lookup and the email happen off the
/// response path (a slow SMTP server would otherwise tell which addresses exist).
pub async fn request_password_reset(
    db: &Database,
    mailer: std::sync::Arc<dyn Mailer>,
    throttle: &Throttle,
    links: LinkBase<'_>,
    email: &str,
    client: &ClientInfo,
) -> Result<(), AccountError> {
    let Ok(email) = EmailAddress::parse(email) else {
        return Err(AccountError::Invalid(vec![FieldError {
            field: "email",
            message_id: "field-email-invalid",
        }]));
    };
    let ip = client.ip.as_deref().unwrap_or("unknown");
    throttle
        .check(&format!("reset:ip:{ip}"), throttle.limits.reset_per_ip)
        .await
        .map_err(AccountError::RateLimited)?;
    throttle
        .check(
            &format!("reset:account:{}", email.as_str()),
            throttle.limits.reset_per_account,
        )
        .await
        .map_err(AccountError::RateLimited)?;
    let db = db.clone();
    let links = links.0.to_owned();
    let client = client.clone();
    tokio::spawn(async move {
        if let Err(e) = deliver_reset_link(&db, mailer.as_ref(), &links, &email, &client).await {
            tracing::error!(error = %e, "sending a password reset link failed");
        }
    });
    Ok(())
}

async fn deliver_reset_link(
    db: &Database,
    mailer: &dyn Mailer,
    links: &str,
    email: &EmailAddress,
    client: &ClientInfo,
) -> Result<(), AccountError> {
    let Some(user) = users::find_by_email(db, email).await? else {
        return Ok(());
    };
    let token = email_tokens::issue(
        db,
        user.id,
        Purpose::ResetPassword,
        email,
        RESET_LINK_LIFETIME,
    )
    .await?;
    record(db, Some(user.id), "password_reset.requested", client).await?;
    let locale = Locale::from_tag(&user.locale).unwrap_or(Locale::En);
    let link = format!("{links}/reset-password?token={}", token.expose());
    let text = locale.t_args(
        "email-reset-body",
        &[("name", user.display_name.clone()), ("link", link)],
    );
    send(
        mailer,
        email.as_str(),
        locale.t("email-reset-subject"),
        text,
    )
    .await
}

/// Sets a new password from a reset link, and ends every session of the account: whoever
/// knew the old password is logged out everywhere.
pub async fn reset_password(
    db: &Database,
    token: &str,
    new_password: &str,
    client: &ClientInfo,
) -> Result<User, AccountError> {
    // Check the password before using the token up, so a typo does not cost the link.
    let owner = match email_tokens::peek(db, token, Purpose::ResetPassword).await? {
        Some(link) => store::users::find_by_id(db, link.user_id).await?,
        None => None,
    };
    let context = owner
        .as_ref()
        .map(|u| domain::password::personal_words(&u.display_name, &u.email))
        .unwrap_or_default();
    let password = NewPassword::parse_for(new_password, &context).map_err(|e| {
        AccountError::Invalid(vec![FieldError {
            field: "password",
            message_id: password_message(&e),
        }])
    })?;
    let hash = hash_off_thread(password).await?;
    let redeemed = email_tokens::redeem(db, token, Purpose::ResetPassword)
        .await?
        .ok_or(AccountError::InvalidLink)?;
    users::set_password_hash(db, redeemed.user_id, &hash).await?;
    logins::end_all_for_user(db, redeemed.user_id).await?;
    store::refresh_tokens::revoke_all_for_user(db, redeemed.user_id).await?;
    record(db, Some(redeemed.user_id), "password.reset", client).await?;
    users::find_by_id(db, redeemed.user_id)
        .await?
        .ok_or(AccountError::InvalidLink)
}

/// Ends this browser's session and records the logout.
pub async fn log_out(
    db: &Database,
    session: &logins::Login,
    client: &ClientInfo,
) -> Result<(), AccountError> {
    logins::end(db, &session.digest).await?;
    record(db, Some(session.user_id), "logout", client).await
}

/// Ends one of the account's own sessions (another device). False when there is none.
pub async fn end_login(
    db: &Database,
    user_id: uuid::Uuid,
    digest: &domain::SecretDigest,
    client: &ClientInfo,
) -> Result<bool, AccountError> {
    let ended = logins::end_own(db, user_id, digest).await?;
    if ended {
        record(db, Some(user_id), "session.ended", client).await?;
    }
    Ok(ended)
}

/// Ends every session of the account, this one included.
pub async fn log_out_everywhere(
    db: &Database,
    user_id: uuid::Uuid,
    client: &ClientInfo,
) -> Result<u64, AccountError> {
    let ended = logins::end_all_for_user(db, user_id).await?;
    store::refresh_tokens::revoke_all_for_user(db, user_id).await?;
    record(db, Some(user_id), "logout.everywhere", client).await?;
    Ok(ended)
}

pub(crate) async fn send(
    mailer: &dyn Mailer,
    to: &str,
    subject: String,
    text: String,
) -> Result<(), AccountError> {
    mailer
        .send(Email {
            to: to.to_owned(),
            subject,
            text,
            calendar: None,
            ..Email::default()
        })
        .await
        .map_err(|e| AccountError::Internal(e.to_string()))
}

/// Events about an account that someone other than a proven holder may have caused
/// (a wrong password, a copied token): their actor is unknown.
const UNATTRIBUTED: [&str; 6] = [
    "login.failed",
    "login.locked_out",
    "signup.existing_email",
    "second_factor.failed",
    "token.reuse_detected",
    "password_reset.requested",
];

/// Records an account event; its actor is the account itself unless the event is one
/// anybody could have caused.
pub(crate) async fn record(
    db: &Database,
    user_id: Option<uuid::Uuid>,
    kind: &'static str,
    client: &ClientInfo,
) -> Result<(), AccountError> {
    let actor_id = user_id.filter(|_| !UNATTRIBUTED.contains(&kind));
    audit::record(
        db,
        audit::NewAuditEvent {
            user_id,
            actor_id,
            kind,
            client,
            detail: "{}".to_owned(),
        },
    )
    .await?;
    Ok(())
}

pub(crate) async fn hash_off_thread(password: NewPassword) -> Result<PasswordHash, AccountError> {
    tokio::task::spawn_blocking(move || password.hash())
        .await
        .map_err(|e| AccountError::Internal(e.to_string()))?
        .map_err(|e| AccountError::Internal(e.to_string()))
}

/// A real argon2id hash of a random password, made once, for unknown-account logins.
pub(crate) fn dummy_hash() -> &'static PasswordHash {
    static DUMMY: OnceLock<PasswordHash> = OnceLock::new();
    DUMMY.get_or_init(|| {
        let random = domain::Secret::generate();
        NewPassword::parse(random.expose())
            .ok()
            .and_then(|p| p.hash().ok())
            .unwrap_or_else(|| PasswordHash::from_stored(String::new()))
    })
}

/// The message id for a refused new password.
pub(crate) fn password_message(e: &domain::password::PasswordError) -> &'static str {
    match e {
        domain::password::PasswordError::TooShort => "field-password-too-short",
        domain::password::PasswordError::TooLong => "field-password-too-long",
        domain::password::PasswordError::TooCommon => "field-password-too-common",
        domain::password::PasswordError::TooGuessable(why) => {
            use domain::password::Weakness as W;
            match why {
                W::KeyboardPattern => "field-password-weak-keyboard",
                W::Repeats => "field-password-weak-repeats",
                W::Sequence => "field-password-weak-sequence",
                W::Common => "field-password-weak-common",
                W::Dates => "field-password-weak-dates",
                W::PersonalOrSingleWord => "field-password-weak-personal",
                W::Names => "field-password-weak-names",
                W::Simple => "field-password-weak",
            }
        }
    }
}

/// The account `id`, with its roles; None when there is none.
pub async fn by_id(db: &Database, id: uuid::Uuid) -> Result<Option<User>, StoreError> {
    users::find_by_id(db, id).await
}
