//! A session's notes page: the shared Markdown notes (a stale save shows both versions
//! and loses nothing), the reader's private notes, resources (links and files), and the
//! chat kept from the session's room.

use app::learning::notes::{self, Notes};
use app::learning::{LearningError, resources};
use app::rooms::chat::ChatMessage;
use askama::Template;
use axum::Form;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use store::learning::notes::SharedNotes;
use store::users::User;
use uuid::Uuid;

use crate::bookings::present::LocalTimes;
use crate::experts::document_view::size_text;
use crate::middleware::viewer::SignedIn;
use crate::pages::render;
use crate::pages::shell::Shell;
use crate::pages::shown_error::{ShownError, shown};
use crate::{AppError, AppState};
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};

/// A resource as the page lists it.
struct ResourceItem {
    id: Uuid,
    title: String,
    /// The link, or the file's download address.
    href: String,
    file: bool,
    /// "12 KB" for a file.
    size: Option<String>,
    added_by: String,
    /// The reader attached it (and may remove it).
    own: bool,
}

/// Someone else's save that came first, shown above the reader's kept text.
struct Conflict {
    /// Who saved, which version, and that nothing of the reader's was lost.
    message: String,
    html: String,
}

#[derive(Template)]
#[template(path = "learning/notes.html")]
struct NotesPage<'a> {
    shell: &'a Shell,
    id: Uuid,
    /// "Aiko Suzuki with Lena Learner, 2026-12-07 10:00–11:00 (Europe/Berlin)".
    session: String,
    other_name: String,
    shared_html: String,
    /// What the shared-notes box holds: the notes, or the reader's refused text.
    shared_draft: String,
    version: i32,
    /// "Version 3, saved by Aiko Suzuki at 2026-12-07 11:02".
    last_saved: Option<String>,
    conflict: Option<Conflict>,
    private_draft: String,
    resources: Vec<ResourceItem>,
    link_title: String,
    link_url: String,
    file_title: String,
    errors: Vec<ShownError>,
    messages: Vec<(String, String, String)>,
    /// What was just saved: `shared`, `private`, `resource`, `removed`.
    saved: Option<String>,
}

impl NotesPage<'_> {
    fn error_for(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }
}

/// What the page keeps of a refused form.
#[derive(Default)]
struct Kept {
    shared: Option<String>,
    private: Option<String>,
    link: Option<(String, String)>,
    file_title: Option<String>,
    errors: Vec<ShownError>,
    conflict: Option<(i32, SharedNotes)>,
}

async fn page(
    state: &AppState,
    user: &User,
    shell: &Shell,
    notes: Notes,
    kept: Kept,
    saved: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let clock = LocalTimes::of(user, shell.locale);
    let row = &notes.session.booking.row;
    let id = row.id;
    let mut ids = vec![row.expert_id, row.learner_id];
    let list = resources::of_session(&state.db, user, id).await?;
    ids.extend(list.iter().map(|r| r.added_by));
    ids.extend(notes.updated_by);
    if let Some((_, current)) = &kept.conflict {
        ids.extend(current.updated_by);
    }
    let names = app::bookings::lists::names(&state.db, &ids).await?;
    let name = |id: &Uuid| names.get(id).cloned().unwrap_or_default();
    let session = shell.t_args(
        "notes-session",
        &[
            ("expert", name(&row.expert_id)),
            ("learner", name(&row.learner_id)),
            (
                "when",
                format!(
                    "{} ({})",
                    clock.span(row.start_at, row.end_at),
                    clock.zone_name
                ),
            ),
        ],
    );
    let at = |secs: i64| {
        jiff::Timestamp::from_second(secs)
            .map(|t| clock.at(t))
            .unwrap_or_default()
    };
    let last_saved = notes.updated_by.map(|by| {
        shell.t_args(
            "notes-last-saved",
            &[
                ("version", notes.version.to_string()),
                ("name", name(&by)),
                ("at", at(notes.updated_at)),
            ],
        )
    });
    let (version, conflict) = match kept.conflict {
        // The form now names the version it shows, so the merged text saves over it.
        Some((_, current)) => (
            current.version,
            Some(Conflict {
                message: shell.t_args(
                    "notes-conflict",
                    &[
                        (
                            "name",
                            current.updated_by.map(|b| name(&b)).unwrap_or_default(),
                        ),
                        ("version", current.version.to_string()),
                    ],
                ),
                html: domain::markdown::to_safe_html(&current.body),
            }),
        ),
        None => (notes.version, None),
    };
    let messages = match app::rooms::pass_whatever_status(&state.db, user, id).await {
        Ok(pass) => app::rooms::chat::history(&state.db, &pass).await?,
        Err(_) => Vec::new(),
    };
    let resources = list
        .into_iter()
        .map(|r| ResourceItem {
            file: r.file_key.is_some(),
            href: r
                .url
                .clone()
                .unwrap_or_else(|| format!("/bookings/{id}/resources/{}", r.id)),
            size: r.size_bytes.map(size_text),
            added_by: name(&r.added_by),
            own: r.added_by == user.id,
            id: r.id,
            title: r.title,
        })
        .collect();
    let (link_title, link_url) = kept.link.unwrap_or_default();
    let page = NotesPage {
        shell,
        id,
        other_name: name(&notes.session.other()),
        session,
        shared_html: match &conflict {
            Some(c) => c.html.clone(),
            None => notes.shared_html.clone(),
        },
        shared_draft: kept.shared.unwrap_or(notes.shared),
        version,
        last_saved,
        conflict,
        private_draft: kept.private.unwrap_or(notes.private),
        resources,
        link_title,
        link_url,
        file_title: kept.file_title.unwrap_or_default(),
        errors: kept.errors,
        messages: messages
            .into_iter()
            .map(|m: ChatMessage| {
                let when =
                    m.at.parse::<jiff::Timestamp>()
                        .map(|t| clock.at(t))
                        .unwrap_or_default();
                (m.name, when, m.body)
            })
            .collect(),
        saved,
    };
    Ok(render(page, status))
}

#[derive(Deserialize)]
pub struct SavedQuery {
    #[serde(default)]
    saved: Option<String>,
}

/// `GET /bookings/{id}/notes`: the session's two participants only.
pub async fn show(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Path(id): Path<Uuid>,
    Query(q): Query<SavedQuery>,
) -> Result<Response, AppError> {
    let notes = notes::read(&state.db, &viewer.user, id).await?;
    // A moved session's notes are read from the booking that stands for it now (its
    // time, its room's chat).
    let standing = app::learning::standing(&state.db, &notes.session).await?;
    let saved = q
        .saved
        .filter(|s| matches!(s.as_str(), "shared" | "private" | "resource" | "removed"));
    if standing != id {
        let query = saved.map(|s| format!("?saved={s}")).unwrap_or_default();
        return Ok(crate::redirect::to(&format!(
            "/bookings/{standing}/notes{query}"
        )));
    }
    page(
        &state,
        &viewer.user,
        &shell,
        notes,
        Kept::default(),
        saved,
        StatusCode::OK,
    )
    .await
}

/// A refusal the page shows in place (bad input, a stale save); anything else is an
/// error page.
async fn refused(
    state: &AppState,
    user: &User,
    shell: &Shell,
    id: Uuid,
    err: LearningError,
    mut kept: Kept,
) -> Result<Response, AppError> {
    let status = match err {
        LearningError::Invalid(mut fields) => {
            // The two resource forms each have a title: name the one that was sent.
            let title = if kept.file_title.is_some() {
                "file_title"
            } else {
                "link_title"
            };
            for f in &mut fields {
                if f.field == "title" {
                    f.field = title;
                }
            }
            kept.errors = shown(shell, &fields);
            StatusCode::UNPROCESSABLE_ENTITY
        }
        LearningError::NotesConflict { read, current } => {
            kept.conflict = Some((read, *current));
            StatusCode::CONFLICT
        }
        other => return Err(other.into()),
    };
    let notes = notes::read(&state.db, user, id).await?;
    page(state, user, shell, notes, kept, None, status).await
}

#[derive(Deserialize)]
pub struct SharedForm {
    #[serde(default)]
    version: i32,
    #[serde(default)]
    body: String,
}

/// `POST /bookings/{id}/notes` {version, body}: saved over the version read, or shown
/// again beside what someone else saved meanwhile.
pub async fn save_shared(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Path(id): Path<Uuid>,
    Form(form): Form<SharedForm>,
) -> Result<Response, AppError> {
    let user = &viewer.user;
    let now = state.clock().now();
    match notes::save_shared(&state.db, user, id, form.version, &form.body, now).await {
        Ok(_) => Ok(crate::redirect::to(&format!(
            "/bookings/{id}/notes?saved=shared#shared-notes"
        ))),
        Err(e) => {
            let kept = Kept {
                shared: Some(form.body),
                ..Kept::default()
            };
            refused(&state, user, &shell, id, e, kept).await
        }
    }
}

#[derive(Deserialize)]
pub struct PrivateForm {
    #[serde(default)]
    private: String,
}

/// `POST /bookings/{id}/notes/private`.
pub async fn save_private(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Path(id): Path<Uuid>,
    Form(form): Form<PrivateForm>,
) -> Result<Response, AppError> {
    let user = &viewer.user;
    match notes::save_private(&state.db, user, id, &form.private, state.clock().now()).await {
        Ok(_) => Ok(crate::redirect::to(&format!(
            "/bookings/{id}/notes?saved=private#private-notes"
        ))),
        Err(e) => {
            let kept = Kept {
                private: Some(form.private),
                ..Kept::default()
            };
            refused(&state, user, &shell, id, e, kept).await
        }
    }
}

#[derive(Deserialize)]
pub struct LinkForm {
    #[serde(default)]
    link_title: String,
    #[serde(default)]
    url: String,
}

/// `POST /bookings/{id}/resources/link`.
pub async fn add_link(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Path(id): Path<Uuid>,
    Form(form): Form<LinkForm>,
) -> Result<Response, AppError> {
    let user = &viewer.user;
    let now = state.clock().now();
    match resources::add_link(&state.db, user, id, &form.link_title, &form.url, now).await {
        Ok(_) => Ok(crate::redirect::to(&format!(
            "/bookings/{id}/notes?saved=resource#resources"
        ))),
        Err(e) => {
            let kept = Kept {
                link: Some((form.link_title, form.url)),
                ..Kept::default()
            };
            refused(&state, user, &shell, id, e, kept).await
        }
    }
}

/// `POST /bookings/{id}/resources/file`, multipart: `csrf` first, then `file_title` and
/// `file`.
pub async fn add_file(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Path(id): Path<Uuid>,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let user = &viewer.user;
    let upload = crate::uploads::read(multipart, "file").await?;
    let (file_name, bytes) = upload.file.clone().unwrap_or_default();
    match resources::add_file(
        &state.db,
        state.files.as_ref(),
        &state.throttle,
        user,
        id,
        upload.field("file_title"),
        &file_name,
        bytes,
        state.clock().now(),
    )
    .await
    {
        Ok(_) => Ok(crate::redirect::to(&format!(
            "/bookings/{id}/notes?saved=resource#resources"
        ))),
        Err(e) => {
            let kept = Kept {
                file_title: Some(upload.field("file_title").to_owned()),
                ..Kept::default()
            };
            refused(&state, user, &shell, id, e, kept).await
        }
    }
}

/// `GET /bookings/{id}/resources/{resource}`: a file, for the session's participants.
pub async fn download(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, resource)): Path<(Uuid, Uuid)>,
) -> Result<Response, AppError> {
    let (bytes, content_type, name) =
        resources::file(&state.db, state.files.as_ref(), &viewer.user, id, resource).await?;
    Ok(attachment(bytes, content_type, &name))
}

/// A file always downloaded, never shown inline, under its name: ASCII for every client,
/// and the exact name in UTF-8 (RFC 6266 `filename*`) for those that read it.
pub(super) fn attachment(bytes: bytes::Bytes, content_type: String, name: &str) -> Response {
    let ascii: String = name
        .chars()
        .map(|c| {
            if (c.is_ascii_graphic() && c != '"' && c != '\\') || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let exact = utf8_percent_encode(name, NON_ALPHANUMERIC).to_string();
    (
        [
            (header::CONTENT_TYPE, content_type),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{exact}"),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        bytes,
    )
        .into_response()
}

/// `POST /bookings/{id}/resources/{resource}/remove`: by whoever attached it.
pub async fn remove(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, resource)): Path<(Uuid, Uuid)>,
) -> Result<Response, AppError> {
    resources::remove(&state.db, state.files.as_ref(), &viewer.user, id, resource).await?;
    Ok(crate::redirect::to(&format!(
        "/bookings/{id}/notes?saved=removed#resources"
    )))
}
