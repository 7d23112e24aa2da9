//! The notification centre in the API: `GET /api/v1/notifications`, marking read, the
//! preferences, and the one-click unsubscribe mail clients call (RFC 8058).

use app::notify::{centre, preferences, unsubscribe};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use domain::notification::{Channels, Topic};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::api::json::JsonBody;
use crate::middleware::bearer::ApiCaller;
use crate::{AppError, AppState, ErrorCode};

/// One notification, worded in the caller's language and zone.
#[derive(Serialize, ToSchema)]
#[schema(as = Notification)]
pub struct NotificationBody {
    id: Uuid,
    text: String,
    /// The page to act on it (relative to the site).
    link: String,
    #[schema(format = DateTime)]
    created_at: String,
    unread: bool,
}

/// A page of the caller's notifications, newest first.
#[derive(Serialize, ToSchema)]
#[schema(as = NotificationPage)]
pub struct PageBody {
    notifications: Vec<NotificationBody>,
    /// Unread among all of the caller's notifications.
    unread: u64,
    /// Whether `page + 1` has more.
    older: bool,
}

#[derive(Deserialize, IntoParams)]
pub struct PageParams {
    /// From 0, newest first, 30 a page.
    #[serde(default)]
    page: u64,
}

/// List the caller's notifications.
#[utoipa::path(
    get, path = "/notifications", tag = "notifications", operation_id = "list_notifications",
    params(PageParams),
    responses((status = 200, description = "The caller's notifications.", body = PageBody)),
)]
pub async fn list(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Query(params): Query<PageParams>,
) -> Result<Json<PageBody>, AppError> {
    let page = centre::page(&state.db, &caller.user, params.page.min(10_000)).await?;
    Ok(Json(PageBody {
        notifications: page
            .shown
            .into_iter()
            .map(|n| NotificationBody {
                id: n.id,
                text: n.text,
                link: n.link,
                created_at: n.created_at.to_string(),
                unread: n.unread,
            })
            .collect(),
        unread: page.unread,
        older: page.older,
    }))
}

/// The caller's unread count after a change.
#[derive(Serialize, ToSchema)]
#[schema(as = UnreadCount)]
pub struct UnreadBody {
    unread: u64,
}

/// Mark one of the caller's notifications read.
#[utoipa::path(
    post, path = "/notifications/{id}/read", tag = "notifications", operation_id = "read_notification",
    params(("id" = Uuid, Path, description = "The notification.")),
    responses((status = 200, description = "Read; the unread count now.", body = UnreadBody)),
)]
pub async fn read_one(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Path(id): Path<Uuid>,
) -> Result<Json<UnreadBody>, AppError> {
    if !centre::mark_read(&state.db, &caller.user, id).await? {
        // Someone else's reads as missing, like one that never was.
        return Err(AppError::new(ErrorCode::NotFound));
    }
    let unread = centre::unread(&state.db, &caller.user).await?;
    Ok(Json(UnreadBody { unread }))
}

/// Mark all the caller's notifications read.
#[utoipa::path(
    post, path = "/notifications/read-all", tag = "notifications", operation_id = "read_all_notifications",
    responses((status = 200, description = "All read.", body = UnreadBody)),
)]
pub async fn read_all(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
) -> Result<Json<UnreadBody>, AppError> {
    centre::mark_all_read(&state.db, &caller.user).await?;
    Ok(Json(UnreadBody { unread: 0 }))
}

/// One topic's channels.
#[derive(Serialize, Deserialize, ToSchema)]
#[schema(as = NotificationPreference)]
pub struct PreferenceBody {
    /// `bookings`, `reminders`, `reviews`, `payouts`, `applications` or `security`.
    topic: String,
    /// In the notification centre (live, with the unread badge).
    in_app: bool,
    /// By email. Essential email (security, sessions paid for, money) comes regardless.
    email: bool,
}

/// Every topic's channels.
#[derive(Serialize, Deserialize, ToSchema)]
#[schema(as = NotificationPreferences)]
pub struct PreferencesBody {
    preferences: Vec<PreferenceBody>,
}

/// The caller's notification preferences.
#[utoipa::path(
    get, path = "/notifications/preferences", tag = "notifications", operation_id = "get_notification_preferences",
    responses((status = 200, description = "Every topic's channels.", body = PreferencesBody)),
)]
pub async fn preferences(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
) -> Result<Json<PreferencesBody>, AppError> {
    Ok(Json(body_of(
        preferences::all(&state.db, &caller.user).await?,
    )))
}

fn body_of(all: Vec<(Topic, Channels)>) -> PreferencesBody {
    PreferencesBody {
        preferences: all
            .into_iter()
            .map(|(topic, c)| PreferenceBody {
                topic: topic.as_str().to_owned(),
                in_app: c.in_app,
                email: c.email,
            })
            .collect(),
    }
}

/// Change the caller's preferences for the topics given (others stay as they are).
#[utoipa::path(
    put, path = "/notifications/preferences", tag = "notifications", operation_id = "set_notification_preferences",
    request_body = PreferencesBody,
    responses((status = 200, description = "Every topic's channels, as now stored.", body = PreferencesBody)),
)]
pub async fn set_preferences(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    JsonBody(body): JsonBody<PreferencesBody>,
) -> Result<Json<PreferencesBody>, AppError> {
    let mut chosen = Vec::new();
    for p in &body.preferences {
        let Some(topic) = Topic::parse(&p.topic) else {
            return Err(AppError::fields(vec![app::FieldError {
                field: "topic",
                message_id: "notifications-topic-unknown",
            }]));
        };
        chosen.push((
            topic,
            Channels {
                in_app: p.in_app,
                email: p.email,
            },
        ));
    }
    Ok(Json(body_of(
        preferences::set_all(&state.db, &caller.user, &chosen).await?,
    )))
}

#[derive(Deserialize, IntoParams)]
pub struct UnsubscribeParams {
    /// The token from the email's `List-Unsubscribe` link.
    token: String,
}

/// Stop email of one topic (the link in an email's `List-Unsubscribe` header).
#[utoipa::path(
    post, path = "/notifications/unsubscribe", tag = "notifications", operation_id = "unsubscribe",
    params(UnsubscribeParams),
    responses((status = 204, description = "Email of the link's topic is off.")),
)]
pub async fn one_click_unsubscribe(
    State(state): State<AppState>,
    Query(params): Query<UnsubscribeParams>,
) -> Result<Response, AppError> {
    match unsubscribe::apply(&state.db, &params.token).await? {
        Some(_) => Ok(StatusCode::NO_CONTENT.into_response()),
        None => Err(AppError::new(ErrorCode::NotFound)),
    }
}
