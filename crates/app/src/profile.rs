//! A person's own profile and preferences, and the changes that need proof: a new email
//! address (re-verified; the old one is told) and a new password (asks for the current).

use domain::profile::{self, CurrencyCode, TimeZoneName};
use domain::{DisplayName, EmailAddress, NewPassword};
use i18n::Locale;
use store::logins::ClientInfo;
use store::users::{self, ProfileChanges, User};
use store::{Database, StoreError, logins, refresh_tokens};
use uuid::Uuid;

use crate::FieldError;
use crate::accounts::{
    AccountError, LinkBase, hash_off_thread, password_message, record, send, send_verification,
};
use crate::mail::Mailer;

/// Profile fields as they arrive from a form or a PATCH body; `None` leaves a field alone.
#[derive(Debug, Default, Clone)]
pub struct ProfileInput {
    /// The name others see.
    pub display_name: Option<String>,
    /// The IANA zone times are shown in.
    pub time_zone: Option<String>,
    /// The interface and email language (`en`, `es`, `ar`).
    pub locale: Option<String>,
    /// The ISO 4217 code prices are estimated in.
    pub currency: Option<String>,
    /// ISO 639-1 codes of the languages the person speaks.
    pub languages: Option<Vec<String>>,
    /// Free text on what the learner wants to learn (at most 2,000 characters).
    pub learning_goals: Option<String>,
    /// Preferred session length, in minutes.
    pub session_length_minutes: Option<i32>,
    /// Preferred video provider (`builtin`, `zoom`, `meet`, `jitsi`).
    pub video_provider: Option<String>,
    /// How the person wants session reminders (`email`, `push`).
    pub reminder_channels: Option<Vec<String>>,
}

/// Validates every field, reporting all problems at once; stores nothing unless all pass.
pub async fn update(
    db: &Database,
    user_id: Uuid,
    input: ProfileInput,
    client: &ClientInfo,
) -> Result<User, AccountError> {
    let mut errors = Vec::new();
    let mut changes = ProfileChanges::default();
    let mut check = |field: &'static str, result: Result<(), &'static str>| {
        if let Err(message_id) = result {
            errors.push(FieldError { field, message_id });
        }
    };
    if let Some(name) = &input.display_name {
        check(
            "display_name",
            DisplayName::parse(name)
                .map(|n| changes.display_name = Some(n.as_str().to_owned()))
                .map_err(|e| match e {
                    domain::display_name::DisplayNameError::Empty => "field-name-required",
                    domain::display_name::DisplayNameError::TooLong => "field-name-too-long",
                    domain::display_name::DisplayNameError::ControlCharacters => {
                        "field-name-invalid"
                    }
                }),
        );
    }
    if let Some(zone) = &input.time_zone {
        check(
            "time_zone",
            TimeZoneName::parse(zone)
                .map(|z| changes.time_zone = Some(z.as_str().to_owned()))
                .map_err(|e| e.0),
        );
    }
    if let Some(locale) = &input.locale {
        check(
            "locale",
            Locale::from_tag(locale)
                .map(|l| changes.locale = Some(l.tag().to_owned()))
                .ok_or("profile-locale-invalid"),
        );
    }
    if let Some(currency) = &input.currency {
        check(
            "currency",
            CurrencyCode::parse(currency)
                .map(|c| changes.currency = Some(c.as_str().to_owned()))
                .map_err(|e| e.0),
        );
    }
    if let Some(languages) = &input.languages {
        check(
            "languages",
            profile::parse_languages(languages.iter().map(String::as_str))
                .map(|l| changes.languages = Some(l))
                .map_err(|e| e.0),
        );
    }
    if let Some(goals) = &input.learning_goals {
        check(
            "learning_goals",
            profile::parse_learning_goals(goals)
                .map(|g| changes.learning_goals = Some(g))
                .map_err(|e| e.0),
        );
    }
    if let Some(minutes) = input.session_length_minutes {
        check(
            "session_length_minutes",
            profile::parse_session_length(minutes)
                .map(|m| changes.session_length_minutes = Some(m))
                .map_err(|e| e.0),
        );
    }
    if let Some(provider) = &input.video_provider {
        check(
            "video_provider",
            profile::parse_video_provider(provider)
                .map(|p| changes.video_provider = Some(p))
                .map_err(|e| e.0),
        );
    }
    if let Some(channels) = &input.reminder_channels {
        check(
            "reminder_channels",
            profile::parse_reminder_channels(channels.iter().map(String::as_str))
                .map(|c| changes.reminder_channels = Some(c))
                .map_err(|e| e.0),
        );
    }
    if !errors.is_empty() {
        return Err(AccountError::Invalid(errors));
    }
    let renamed = changes.display_name.is_some();
    let user = users::update_profile(db, user_id, changes)
        .await?
        .ok_or(AccountError::InvalidCredentials)?;
    if renamed {
        // An expert is found in the directory by name too.
        crate::experts::application::reindex(db, &user)
            .await
            .map_err(|e| AccountError::Internal(e.to_string()))?;
    }
    record(db, Some(user_id), "profile.updated", client).await?;
    Ok(user)
}

/// Sets (or clears) the avatar's object-storage key.
pub async fn set_avatar(
    db: &Database,
    user_id: Uuid,
    key: Option<String>,
    client: &ClientInfo,
) -> Result<User, AccountError> {
    let user = users::update_profile(
        db,
        user_id,
        ProfileChanges {
            avatar_key: Some(key),
            ..ProfileChanges::default()
        },
    )
    .await?
    .ok_or(AccountError::InvalidCredentials)?;
    record(db, Some(user_id), "profile.avatar_changed", client).await?;
    Ok(user)
}

/// Fails with `WrongCurrentPassword` unless `password` is the account's password.
pub async fn confirm_password(
    db: &Database,
    user_id: Uuid,
    password: &str,
) -> Result<(), AccountError> {
    let stored = users::password_hash(db, user_id).await?;
    let candidate = password.to_owned();
    let ok = tokio::task::spawn_blocking(move || stored.is_some_and(|h| h.verify(&candidate)))
        .await
        .map_err(|e| AccountError::Internal(e.to_string()))?;
    if ok {
        Ok(())
    } else {
        Err(AccountError::WrongCurrentPassword)
    }
}

/// Changes the password after checking the current one. Every other session and API login
/// of the account ends; `keep` (this session) stays.
pub async fn change_password(
    db: &Database,
    user_id: Uuid,
    current: &str,
    new: &str,
    keep: Option<&domain::SecretDigest>,
    client: &ClientInfo,
) -> Result<(), AccountError> {
    let owner = store::users::find_by_id(db, user_id).await?;
    let context = owner
        .as_ref()
        .map(|u| domain::password::personal_words(&u.display_name, &u.email))
        .unwrap_or_default();
    let password = NewPassword::parse_for(new, &context).map_err(|e| {
        AccountError::Invalid(vec![FieldError {
            field: "new_password",
            message_id: password_message(&e),
        }])
    })?;
    confirm_password(db, user_id, current).await.map_err(|_| {
        AccountError::Invalid(vec![FieldError {
            field: "current_password",
            message_id: "field-current-password-wrong",
        }])
    })?;
    let hash = hash_off_thread(password).await?;
    users::set_password_hash(db, user_id, &hash).await?;
    for session in logins::list_for_user(db, user_id).await? {
        if Some(&session.digest) != keep {
            logins::end(db, &session.digest).await?;
        }
    }
    refresh_tokens::revoke_all_for_user(db, user_id).await?;
    record(db, Some(user_id), "password.changed", client).await?;
    Ok(())
}

/// Moves the account to a new address after checking the password. The new address must
/// be verified again (a link is sent to it); the old address is told, so a hijacker
/// cannot quietly take the account.
pub async fn change_email(
    db: &Database,
    mailer: &dyn Mailer,
    links: LinkBase<'_>,
    user: &User,
    new_email: &str,
    current_password: &str,
    client: &ClientInfo,
) -> Result<User, AccountError> {
    let email = EmailAddress::parse(new_email).map_err(|_| {
        AccountError::Invalid(vec![FieldError {
            field: "email",
            message_id: "field-email-invalid",
        }])
    })?;
    confirm_password(db, user.id, current_password)
        .await
        .map_err(|_| {
            AccountError::Invalid(vec![FieldError {
                field: "current_password",
                message_id: "field-current-password-wrong",
            }])
        })?;
    if email.as_str() == user.email {
        return Ok(user.clone());
    }
    match users::change_email(db, user.id, &email).await {
        Ok(()) => {}
        Err(StoreError::AlreadyExists(_)) => {
            return Err(AccountError::Invalid(vec![FieldError {
                field: "email",
                message_id: "field-email-unavailable",
            }]));
        }
        Err(e) => return Err(e.into()),
    }
    record(db, Some(user.id), "email.changed", client).await?;
    let locale = Locale::from_tag(&user.locale).unwrap_or(Locale::En);
    let text = locale.t_args(
        "email-address-changed-body",
        &[
            ("name", user.display_name.clone()),
            ("new_email", email.as_str().to_owned()),
        ],
    );
    send(
        mailer,
        &user.email,
        locale.t("email-address-changed-subject"),
        text,
    )
    .await?;
    crate::jobs::notify::later(
        db,
        user.id,
        domain::notification::Kind::SecurityAlert,
        serde_json::json!({}),
    )
    .await;
    let updated = users::find_by_id(db, user.id)
        .await?
        .ok_or(AccountError::InvalidCredentials)?;
    send_verification(db, mailer, &links, &updated, &email, None).await?;
    Ok(updated)
}
