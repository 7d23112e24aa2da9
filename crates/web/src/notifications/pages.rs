//! The notification centre and its settings, for a signed-in person: only their own.

use app::notify::{centre, preferences};
use askama::Template;
use axum::extract::{Form, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use domain::notification::{Channels, TOPICS, Topic};
use serde::Deserialize;
use uuid::Uuid;

use crate::bookings::present::LocalTimes;
use crate::middleware::viewer::SignedIn;
use crate::pages::render;
use crate::pages::shell::Shell;
use crate::pages::shown_instant::Shown;
use crate::{AppError, AppState};

#[derive(Template)]
#[template(path = "notifications/centre.html")]
struct CentrePage<'a> {
    shell: &'a Shell,
    items: Vec<Item>,
    unread: u64,
    page: u64,
    older: bool,
}

struct Item {
    id: Uuid,
    text: String,
    link: String,
    at: Shown,
    unread: bool,
}

#[derive(Deserialize)]
pub struct PageQuery {
    #[serde(default)]
    page: u64,
}

pub async fn centre(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Query(query): Query<PageQuery>,
) -> Result<Response, AppError> {
    let page_no = query.page.min(10_000);
    let page = centre::page(&state.db, &viewer.user, page_no).await?;
    let local = LocalTimes::of(&viewer.user, shell.locale);
    Ok(render(
        CentrePage {
            shell: &shell,
            items: page
                .shown
                .into_iter()
                .map(|n| Item {
                    at: Shown {
                        datetime: n.created_at.to_string(),
                        text: local.at(n.created_at),
                    },
                    id: n.id,
                    text: n.text,
                    link: n.link,
                    unread: n.unread,
                })
                .collect(),
            unread: page.unread,
            page: page_no,
            older: page.older,
        },
        StatusCode::OK,
    ))
}

#[derive(Deserialize)]
pub struct ReadForm {
    id: Uuid,
}

/// Marks one read and opens what it is about.
pub async fn mark_read(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Form(form): Form<ReadForm>,
) -> Result<Response, AppError> {
    let link = centre::open(&state.db, &viewer.user, form.id).await?;
    Ok(crate::redirect::to(
        link.as_deref().unwrap_or("/notifications"),
    ))
}

pub async fn mark_all_read(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
) -> Result<Response, AppError> {
    centre::mark_all_read(&state.db, &viewer.user).await?;
    Ok(crate::redirect::to("/notifications"))
}

#[derive(Template)]
#[template(path = "notifications/settings.html")]
struct SettingsPage<'a> {
    shell: &'a Shell,
    rows: Vec<Row>,
    saved: bool,
}

struct Row {
    topic: &'static str,
    in_app: bool,
    email: bool,
}

#[derive(Deserialize)]
pub struct SavedQuery {
    #[serde(default)]
    saved: Option<String>,
}

pub async fn settings(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Query(query): Query<SavedQuery>,
) -> Result<Response, AppError> {
    let rows = preferences::all(&state.db, &viewer.user)
        .await?
        .into_iter()
        .map(|(topic, c)| Row {
            topic: topic.as_str(),
            in_app: c.in_app,
            email: c.email,
        })
        .collect();
    Ok(render(
        SettingsPage {
            shell: &shell,
            rows,
            saved: query.saved.is_some(),
        },
        StatusCode::OK,
    ))
}

/// Checkboxes arrive as `{topic}_in_app=on` and `{topic}_email=on`; an unticked box is
/// absent, so every topic is set from what came.
pub async fn save_settings(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let ticked = |name: String| form.iter().any(|(k, _)| *k == name);
    let chosen: Vec<(Topic, Channels)> = TOPICS
        .into_iter()
        .map(|topic| {
            let channels = Channels {
                in_app: ticked(format!("{}_in_app", topic.as_str())),
                email: ticked(format!("{}_email", topic.as_str())),
            };
            (topic, channels)
        })
        .collect();
    preferences::set_all(&state.db, &viewer.user, &chosen).await?;
    Ok(crate::redirect::to("/notifications/settings?saved=1"))
}
