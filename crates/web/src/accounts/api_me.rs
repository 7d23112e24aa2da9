//! The caller's own account: `GET /api/v1/me` and `PATCH /api/v1/me`.

use app::profile::{self, ProfileInput};
use axum::extract::State;
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use store::users::User;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::api::json::JsonBody;
use crate::extract::Client;
use crate::middleware::bearer::ApiCaller;
use crate::{AppError, AppState};

/// The caller's own account.
#[derive(Serialize, ToSchema)]
pub struct Me {
    id: Uuid,
    #[schema(format = Email)]
    email: String,
    display_name: String,
    /// IANA zone times are shown in.
    time_zone: String,
    /// `en`, `es` or `ar`.
    locale: String,
    /// ISO 4217 code prices are shown in.
    currency: String,
    /// `learner`, `expert`, `admin`, …
    roles: Vec<&'static str>,
    email_verified: bool,
    /// ISO 639-1 codes.
    languages: Vec<String>,
    learning_goals: String,
    session_preferences: SessionPreferences,
    avatar_url: Option<String>,
}

/// How the caller likes sessions.
#[derive(Serialize, Deserialize, Default, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SessionPreferences {
    length_minutes: Option<i32>,
    video_provider: Option<String>,
    /// Where reminders go: `email`, `in_app`.
    reminder_channels: Option<Vec<String>>,
}

impl From<User> for Me {
    fn from(u: User) -> Self {
        Me {
            id: u.id,
            avatar_url: u.avatar_key.as_ref().map(|k| format!("/avatars/{k}")),
            email: u.email,
            display_name: u.display_name,
            time_zone: u.time_zone,
            locale: u.locale,
            currency: u.currency,
            roles: u.roles.iter().map(|r| r.as_str()).collect(),
            email_verified: u.email_verified,
            languages: u.languages,
            learning_goals: u.learning_goals,
            session_preferences: SessionPreferences {
                length_minutes: Some(u.session_length_minutes),
                video_provider: Some(u.video_provider),
                reminder_channels: Some(u.reminder_channels),
            },
        }
    }
}

/// Read the caller's account.
#[utoipa::path(
    get, path = "/me", tag = "accounts", operation_id = "get_me",
    responses((status = 200, description = "The account.", body = Me)),
)]
pub async fn show(Extension(caller): Extension<ApiCaller>) -> Json<Me> {
    Json(Me::from(caller.user))
}

/// Fields to change; absent ones stay as they are. Email and password have their own,
/// re-authenticated flows and are refused here.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MePatch {
    display_name: Option<String>,
    time_zone: Option<String>,
    locale: Option<String>,
    currency: Option<String>,
    languages: Option<Vec<String>>,
    learning_goals: Option<String>,
    session_preferences: Option<SessionPreferences>,
}

/// Change the caller's account.
///
/// Only the fields given change. Email and password have their own, re-authenticated
/// flows on the site and are refused here.
#[utoipa::path(
    patch, path = "/me", tag = "accounts", operation_id = "update_me",
    request_body = MePatch,
    responses((status = 200, description = "The account as changed.", body = Me)),
)]
pub async fn update(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Client(client): Client,
    JsonBody(patch): JsonBody<MePatch>,
) -> Result<Json<Me>, AppError> {
    let prefs = patch.session_preferences.unwrap_or_default();
    let input = ProfileInput {
        display_name: patch.display_name,
        time_zone: patch.time_zone,
        locale: patch.locale,
        currency: patch.currency,
        languages: patch.languages,
        learning_goals: patch.learning_goals,
        session_length_minutes: prefs.length_minutes,
        video_provider: prefs.video_provider,
        reminder_channels: prefs.reminder_channels,
    };
    let user = profile::update(&state.db, caller.user.id, input, &client).await?;
    Ok(Json(Me::from(user)))
}
