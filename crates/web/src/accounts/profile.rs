//! The profile page: name, avatar, time zone, language, currency, languages spoken,
//! learning goals and session preferences; and the re-authenticated changes of email
//! address and password.

use app::FieldError;
use app::accounts::{AccountError, LinkBase};
use app::profile::{self, ProfileInput};
use askama::Template;
use axum::extract::{Form, Multipart, Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use store::users::User;

use crate::extract::Client;
use crate::middleware::viewer::SignedIn;
use crate::pages::render;
use crate::pages::shell::Shell;
use crate::pages::shown_error::{ShownError, shown};
use crate::{AppError, AppState, ErrorCode, Links};

/// The profile form's values: the account's, or what was just submitted.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ProfileForm {
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    time_zone: String,
    #[serde(default)]
    locale: String,
    #[serde(default)]
    currency: String,
    #[serde(default)]
    languages: String,
    #[serde(default)]
    learning_goals: String,
    #[serde(default)]
    session_length_minutes: String,
    #[serde(default)]
    video_provider: String,
    /// Checkbox values arrive as repeated fields; see `reminder_channels()`.
    #[serde(default)]
    reminder_email: Option<String>,
    #[serde(default)]
    reminder_in_app: Option<String>,
}

impl ProfileForm {
    fn of(user: &User) -> Self {
        Self {
            display_name: user.display_name.clone(),
            time_zone: user.time_zone.clone(),
            locale: user.locale.clone(),
            currency: user.currency.clone(),
            languages: user.languages.join(", "),
            learning_goals: user.learning_goals.clone(),
            session_length_minutes: user.session_length_minutes.to_string(),
            video_provider: user.video_provider.clone(),
            reminder_email: user
                .reminder_channels
                .iter()
                .any(|c| c == "email")
                .then(|| "on".into()),
            reminder_in_app: user
                .reminder_channels
                .iter()
                .any(|c| c == "in_app")
                .then(|| "on".into()),
        }
    }

    fn reminder_channels(&self) -> Vec<String> {
        let mut channels = Vec::new();
        if self.reminder_email.is_some() {
            channels.push("email".to_owned());
        }
        if self.reminder_in_app.is_some() {
            channels.push("in_app".to_owned());
        }
        channels
    }
}

#[derive(Template)]
#[template(path = "accounts/profile.html")]
struct ProfilePage<'a> {
    shell: &'a Shell,
    form: ProfileForm,
    avatar_url: Option<String>,
    email: String,
    email_verified: bool,
    errors: Vec<ShownError>,
    saved: Option<String>,
    session_lengths: &'static [i32],
    video_providers: &'static [&'static str],
}

impl ProfilePage<'_> {
    fn error_for(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }

    fn saved_message(&self) -> Option<String> {
        self.saved
            .as_ref()
            .map(|what| self.shell.t(&format!("profile-saved-{what}")))
    }

    fn provider_name(&self, provider: &str) -> String {
        self.shell.t(&format!("video-provider-{provider}"))
    }
}

#[derive(Deserialize)]
pub struct SavedParam {
    #[serde(default)]
    saved: Option<String>,
}

fn page(
    shell: &Shell,
    user: &User,
    form: ProfileForm,
    errors: Vec<ShownError>,
    saved: Option<String>,
) -> Response {
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render(
        ProfilePage {
            shell,
            form,
            avatar_url: user.avatar_key.as_ref().map(|k| format!("/avatars/{k}")),
            email: user.email.clone(),
            email_verified: user.email_verified,
            errors,
            // Only the known confirmations, never text from the URL.
            saved: saved.filter(|s| {
                ["profile", "avatar", "email", "password", "verification"].contains(&s.as_str())
            }),
            session_lengths: &domain::profile::SESSION_LENGTHS,
            video_providers: &domain::profile::VIDEO_PROVIDERS,
        },
        status,
    )
}

pub async fn show(
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Query(q): Query<SavedParam>,
) -> Response {
    page(
        &shell,
        &viewer.user,
        ProfileForm::of(&viewer.user),
        Vec::new(),
        q.saved,
    )
}

pub async fn save(
    State(state): State<AppState>,
    Client(client): Client,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Form(form): Form<ProfileForm>,
) -> Result<Response, AppError> {
    let length = form
        .session_length_minutes
        .trim()
        .parse::<i32>()
        .unwrap_or(-1);
    let input = ProfileInput {
        display_name: Some(form.display_name.clone()),
        time_zone: Some(form.time_zone.clone()),
        locale: Some(form.locale.clone()),
        currency: Some(form.currency.clone()),
        languages: Some(vec![form.languages.clone()]),
        learning_goals: Some(form.learning_goals.clone()),
        session_length_minutes: Some(length),
        video_provider: Some(form.video_provider.clone()),
        reminder_channels: Some(form.reminder_channels()),
    };
    match profile::update(&state.db, viewer.user.id, input, &client).await {
        Ok(user) => {
            let mut response = crate::redirect::to("/account/profile?saved=profile");
            // The page language follows the profile's (it was written to a cookie no one
            // read before: `mentora_lang`).
            let locale = i18n::Locale::from_tag(&user.locale).unwrap_or(i18n::Locale::En);
            let cookie = crate::pages::language::remember(&state, locale);
            if let Ok(value) = HeaderValue::from_str(&cookie) {
                response.headers_mut().append(header::SET_COOKIE, value);
            }
            Ok(response)
        }
        Err(AccountError::Invalid(errors)) => Ok(page(
            &shell,
            &viewer.user,
            form,
            shown(&shell, &errors),
            None,
        )),
        Err(e) => Err(e.into()),
    }
}

/// Takes a multipart upload (`csrf` first, then `avatar`), re-encodes it and stores it
/// under a content-addressed key.
pub async fn upload_avatar(
    State(state): State<AppState>,
    Client(client): Client,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let mut upload = None;
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) if field.name() == Some("avatar") => match field.bytes().await {
                Ok(bytes) => upload = Some(bytes),
                Err(_) => return Err(AppError::new(ErrorCode::PayloadTooLarge)),
            },
            Ok(Some(_)) => {}
            Ok(None) => break,
            Err(e) => {
                return Err(AppError::new(ErrorCode::BadRequest).with_arg("problem", e.body_text()));
            }
        }
    }
    let user = &viewer.user;
    let refuse = |message_id: &'static str| {
        let errors = shown(
            &shell,
            &[FieldError {
                field: "avatar",
                message_id,
            }],
        );
        page(&shell, user, ProfileForm::of(user), errors, None)
    };
    let Some(upload) = upload.filter(|u| !u.is_empty()) else {
        return Ok(refuse("field-avatar-required"));
    };
    let replaced = app::avatar::replace(
        &state.db,
        state.files.as_ref(),
        &state.throttle,
        user,
        upload,
        &client,
    )
    .await;
    match replaced {
        Ok(_) => {}
        Err(app::avatar::ReplaceError::Refused(e)) => return Ok(refuse(e.message_id())),
        Err(app::avatar::ReplaceError::Account(e)) => return Err(e.into()),
    }
    Ok(crate::redirect::to("/account/profile?saved=avatar"))
}

/// Avatars are public (they appear beside reviews and bookings); keys are hashes of owner
/// and content, so a response never changes and may be cached for a year.
pub async fn avatar(
    State(state): State<AppState>,
    Path(file): Path<String>,
) -> Result<Response, AppError> {
    let valid = file.len() == 36
        && file.ends_with(".png")
        && file.bytes().take(32).all(|b| b.is_ascii_hexdigit());
    if !valid {
        return Err(AppError::new(ErrorCode::NotFound));
    }
    let bytes = state
        .files
        .get(&format!("avatars/{file}"))
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
    Ok((
        [
            (header::CONTENT_TYPE, "image/png"),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        bytes,
    )
        .into_response())
}

#[derive(Deserialize)]
pub struct EmailForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    current_password: String,
}

pub async fn change_email(
    State(state): State<AppState>,
    Links(base): Links,
    Client(client): Client,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Form(form): Form<EmailForm>,
) -> Result<Response, AppError> {
    match profile::change_email(
        &state.db,
        state.mailer.as_ref(),
        LinkBase(&base),
        &viewer.user,
        &form.email,
        &form.current_password,
        &client,
    )
    .await
    {
        Ok(_) => Ok(crate::redirect::to("/account/profile?saved=email")),
        Err(AccountError::Invalid(errors)) => Ok(page(
            &shell,
            &viewer.user,
            ProfileForm::of(&viewer.user),
            shown(&shell, &errors),
            None,
        )),
        Err(e) => Err(e.into()),
    }
}

/// Sends the verification link again.
pub async fn resend_verification(
    State(state): State<AppState>,
    Links(base): Links,
    Client(client): Client,
    SignedIn(viewer): SignedIn,
) -> Result<Response, AppError> {
    // A `RateLimited` refusal becomes the same 429 as `AppError::from(wait)`.
    app::accounts::resend_verification(
        &state.db,
        state.mailer.as_ref(),
        &state.throttle,
        LinkBase(&base),
        &viewer.user,
        &client,
    )
    .await?;
    Ok(crate::redirect::to("/account/profile?saved=verification"))
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
}

pub async fn change_password(
    State(state): State<AppState>,
    Client(client): Client,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Form(form): Form<PasswordForm>,
) -> Result<Response, AppError> {
    match profile::change_password(
        &state.db,
        viewer.user.id,
        &form.current_password,
        &form.new_password,
        Some(&viewer.login.digest),
        &client,
    )
    .await
    {
        Ok(()) => Ok(crate::redirect::to("/account/profile?saved=password")),
        Err(AccountError::Invalid(errors)) => Ok(page(
            &shell,
            &viewer.user,
            ProfileForm::of(&viewer.user),
            shown(&shell, &errors),
            None,
        )),
        Err(e) => Err(e.into()),
    }
}
