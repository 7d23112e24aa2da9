//! Recording in the room: consent, the browser's ordered chunk uploads, playback and
//! deletion, for the session's two participants (see `app::rooms::recording`).

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::{Form, Json};
use serde::Deserialize;
use uuid::Uuid;

use super::page::open_pass;
use crate::middleware::viewer::SignedIn;
use crate::{AppError, AppState};

#[derive(Deserialize)]
pub struct ConsentForm {
    /// `true` gives consent, `false` withdraws it.
    given: bool,
}

/// `POST /sessions/{id}/room/consent`: gives or withdraws this person's consent.
pub async fn consent(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<Uuid>,
    Form(form): Form<ConsentForm>,
) -> Result<Response, AppError> {
    let pass = app::rooms::pass(&state.db, &viewer.user, id).await?;
    let now = state.clock().now();
    let consent = app::rooms::recording::set_consent(
        &state.db,
        &state.live,
        &pass,
        &viewer.user,
        form.given,
        now,
    )
    .await?;
    Ok(Json(serde_json::json!({
        "learner": consent.learner,
        "expert": consent.expert,
        "on": consent.both(),
    }))
    .into_response())
}

/// `POST /sessions/{id}/room/recordings`: starts recording this person's own stream.
pub async fn start(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let pass = open_pass(&state, &viewer.user, id).await?;
    let recording = app::rooms::recording::start(
        &state.db,
        &pass,
        &viewer.user,
        state.settings.video.recording_retention_days,
        state.clock().now(),
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(serde_json::json!({ "id": recording })),
    )
        .into_response())
}

/// `POST /sessions/{id}/room/recordings/{recording}/chunks/{seq}`: the next chunk, raw
/// WebM bytes.
pub async fn chunk(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, recording, seq)): Path<(Uuid, Uuid, i32)>,
    body: Bytes,
) -> Result<Response, AppError> {
    let pass = app::rooms::pass(&state.db, &viewer.user, id).await?;
    app::rooms::recording::add_chunk(
        &state.db,
        state.files.as_ref(),
        &pass,
        &viewer.user,
        app::rooms::recording::Chunk {
            recording,
            seq,
            bytes: body,
        },
        state.clock().now(),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `POST /sessions/{id}/room/recordings/{recording}/stop`.
pub async fn stop(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, recording)): Path<(Uuid, Uuid)>,
) -> Result<Response, AppError> {
    // A recording is stopped whatever became of the session meanwhile.
    let pass = app::rooms::pass_whatever_status(&state.db, &viewer.user, id).await?;
    app::rooms::recording::stop(
        &state.db,
        &pass,
        &viewer.user,
        recording,
        state.clock().now(),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `GET /sessions/{id}/recordings/{recording}`: the joined WebM, participants only; one
/// byte range when asked (`Range: bytes=…`), so players can seek.
pub async fn play(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, recording)): Path<(Uuid, Uuid)>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let pass = app::rooms::pass_whatever_status(&state.db, &viewer.user, id).await?;
    let asked = headers.get(header::RANGE).and_then(|v| v.to_str().ok());
    let played =
        app::rooms::recording::playback(&state.db, state.files.clone(), &pass, recording, asked)
            .await;
    let (size, range, chunks) = match played {
        Ok(played) => played,
        Err(app::rooms::RoomError::RangeNotSatisfiable(size)) => {
            let mut response =
                AppError::from(app::rooms::RoomError::RangeNotSatisfiable(size)).into_response();
            if let Ok(value) = HeaderValue::from_str(&format!("bytes */{size}")) {
                response.headers_mut().insert(header::CONTENT_RANGE, value);
            }
            return Ok(response);
        }
        Err(e) => return Err(e.into()),
    };
    // The chunks are read one after another as the body is sent.
    let body = axum::body::Body::from_stream(futures::StreamExt::map(chunks, |chunk| {
        chunk.map_err(|e| std::io::Error::other(e.to_string()))
    }));
    let mut response = Response::new(body);
    let headers = response.headers_mut();
    let length = match range {
        Some(r) => {
            if let Ok(value) =
                HeaderValue::from_str(&format!("bytes {}-{}/{size}", r.first, r.last))
            {
                headers.insert(header::CONTENT_RANGE, value);
            }
            r.last - r.first + 1
        }
        None => size,
    };
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(length));
    headers.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("video/webm"));
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("inline; filename=\"session.webm\""),
    );
    if range.is_some() {
        *response.status_mut() = StatusCode::PARTIAL_CONTENT;
    }
    Ok(response)
}

/// `POST /sessions/{id}/recordings/{recording}/delete`: either participant deletes it.
pub async fn delete(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, recording)): Path<(Uuid, Uuid)>,
) -> Result<Response, AppError> {
    let pass = app::rooms::pass_whatever_status(&state.db, &viewer.user, id).await?;
    app::rooms::recording::delete(
        &state.db,
        state.files.as_ref(),
        &pass,
        recording,
        state.clock().now(),
    )
    .await?;
    Ok(crate::redirect::to(&format!("/sessions/{id}/room")))
}
