//! Opening an account, proving its email address, and logging in and out.
//!
//! Account enumeration is closed by design: signing up answers the same whether or not the
//! address is taken (its owner is emailed instead), and logging in does the same password
//! work for unknown addresses as for known ones.

use std::sync::OnceLock;

use chrono::Duration;
use domain::{DisplayName, EmailAddress, NewPassword, PasswordHash};
use i18n::Locale;
use store::email_tokens::{self, Purpose};
use store::sessions::{self, ClientInfo, OpenedSession};
use store::users::{self, NewUser, User};
use store::{Database, StoreError, audit};

use crate::mail::{Email, Mailer};

/// How long an email verification link works.
pub const VERIFY_LINK_LIFETIME: Duration = Duration::hours(24);
/// How long a password reset link works.
pub const RESET_LINK_LIFETIME: Duration = Duration::minutes(30);
/// How long a web session lasts without logging in again.
pub const SESSION_LIFETIME: Duration = Duration::days(14);

/// A form field and the message id explaining what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message_id: &'static str,
}

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("invalid input: {0:?}")]
    Invalid(Vec<FieldError>),
    #[error("the email or password is wrong")]
    InvalidCredentials,
    #[error("this link is invalid, expired or already used")]
    InvalidLink,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0}")]
    Internal(String),
}

pub struct SignUp<'a> {
    pub email: &'a str,
    pub password: &'a str,
    pub display_name: &'a str,
    pub locale: Locale,
}

/// Where links in email point: the public origin, e.g. `https://mentora.example`.
pub struct LinkBase<'a>(pub &'a str);

pub async fn sign_up(
    db: &Database,
    mailer: &dyn Mailer,
    links: LinkBase<'_>,
    input: SignUp<'_>,
    client: &ClientInfo,
) -> Result<(), AccountError> {
    let email = EmailAddress::parse(input.email);
    let password = NewPassword::parse(input.password);
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
            message_id: match e {
                domain::password::PasswordError::TooShort => "field-password-too-short",
                domain::password::PasswordError::TooLong => "field-password-too-long",
                domain::password::PasswordError::TooCommon => "field-password-too-common",
            },
        });
    }
    let (Ok(email), Ok(password), Ok(name)) = (email, password, name) else {
        return Err(AccountError::Invalid(errors));
    };

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
        },
    )
    .await;
    match created {
        Ok(user) => {
            record(db, Some(user.id), "account.created", client).await?;
            send_verification(db, mailer, &links, &user, &email).await
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
    let link = format!("{}/verify-email?token={}", links.0, token.expose());
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

/// Redeems a verification link. Returns the now verified account.
pub async fn verify_email(
    db: &Database,
    token: &str,
    client: &ClientInfo,
) -> Result<User, AccountError> {
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

/// Emails a reset link if the address has an account. Answers the same either way.
pub async fn request_password_reset(
    db: &Database,
    mailer: &dyn Mailer,
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
    let Some(user) = users::find_by_email(db, &email).await? else {
        return Ok(());
    };
    let token = email_tokens::issue(
        db,
        user.id,
        Purpose::ResetPassword,
        &email,
        RESET_LINK_LIFETIME,
    )
    .await?;
    record(db, Some(user.id), "password_reset.requested", client).await?;
    let locale = Locale::from_tag(&user.locale).unwrap_or(Locale::En);
    let link = format!("{}/reset-password?token={}", links.0, token.expose());
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
    let password = NewPassword::parse(new_password).map_err(|e| {
        AccountError::Invalid(vec![FieldError {
            field: "password",
            message_id: match e {
                domain::password::PasswordError::TooShort => "field-password-too-short",
                domain::password::PasswordError::TooLong => "field-password-too-long",
                domain::password::PasswordError::TooCommon => "field-password-too-common",
            },
        }])
    })?;
    let hash = hash_off_thread(password).await?;
    let redeemed = email_tokens::redeem(db, token, Purpose::ResetPassword)
        .await?
        .ok_or(AccountError::InvalidLink)?;
    users::set_password_hash(db, redeemed.user_id, &hash).await?;
    sessions::end_all_for_user(db, redeemed.user_id).await?;
    record(db, Some(redeemed.user_id), "password.reset", client).await?;
    users::find_by_id(db, redeemed.user_id)
        .await?
        .ok_or(AccountError::InvalidLink)
}

pub struct LoggedIn {
    pub user: User,
    pub session: OpenedSession,
}

pub async fn log_in(
    db: &Database,
    email: &str,
    password: &str,
    client: &ClientInfo,
) -> Result<LoggedIn, AccountError> {
    let user = match EmailAddress::parse(email) {
        Ok(email) => users::find_by_email(db, &email).await?,
        Err(_) => None,
    };
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
            if let Some(hash) = upgraded {
                users::set_password_hash(db, user.id, &hash).await?;
                record(db, Some(user.id), "password.rehashed", client).await?;
            }
            let session = sessions::open(db, user.id, client, SESSION_LIFETIME).await?;
            record(db, Some(user.id), "login.succeeded", client).await?;
            Ok(LoggedIn { user, session })
        }
        user => {
            record(db, user.map(|u| u.id), "login.failed", client).await?;
            Err(AccountError::InvalidCredentials)
        }
    }
}

pub async fn log_out(
    db: &Database,
    session: &sessions::ActiveSession,
    client: &ClientInfo,
) -> Result<(), AccountError> {
    sessions::end(db, &session.digest).await?;
    record(db, Some(session.user_id), "logout", client).await
}

/// Ends one of the account's own sessions (another device). False when there is none.
pub async fn end_session(
    db: &Database,
    user_id: uuid::Uuid,
    digest: &domain::SecretDigest,
    client: &ClientInfo,
) -> Result<bool, AccountError> {
    let ended = sessions::end_own(db, user_id, digest).await?;
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
    let ended = sessions::end_all_for_user(db, user_id).await?;
    record(db, Some(user_id), "logout.everywhere", client).await?;
    Ok(ended)
}

async fn send(
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
        })
        .await
        .map_err(|e| AccountError::Internal(e.to_string()))
}

async fn record(
    db: &Database,
    user_id: Option<uuid::Uuid>,
    kind: &'static str,
    client: &ClientInfo,
) -> Result<(), AccountError> {
    audit::record(
        db,
        audit::NewAuditEvent {
            user_id,
            actor_id: None,
            kind,
            client,
            detail: "{}".to_owned(),
        },
    )
    .await?;
    Ok(())
}

async fn hash_off_thread(password: NewPassword) -> Result<PasswordHash, AccountError> {
    tokio::task::spawn_blocking(move || password.hash())
        .await
        .map_err(|e| AccountError::Internal(e.to_string()))?
        .map_err(|e| AccountError::Internal(e.to_string()))
}

/// A real argon2id hash of a random password, made once, for unknown-account logins.
fn dummy_hash() -> &'static PasswordHash {
    static DUMMY: OnceLock<PasswordHash> = OnceLock::new();
    DUMMY.get_or_init(|| {
        let random = domain::Secret::generate();
        NewPassword::parse(random.expose())
            .ok()
            .and_then(|p| p.hash().ok())
            .unwrap_or_else(|| PasswordHash::from_stored(String::new()))
    })
}
