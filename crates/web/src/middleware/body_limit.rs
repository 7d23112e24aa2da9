//! Request body limits: the configured limit everywhere, a larger one for file uploads.
//! A body over its limit gets 413 whether it announces its length or not.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http_body_util::Limited;

use crate::{AppError, AppState, ErrorCode};

/// Avatars: a 5 MB file plus multipart overhead.
pub const UPLOAD_LIMIT_BYTES: usize = 6 * 1024 * 1024;
const UPLOAD_PATHS: [&str; 1] = ["/account/avatar"];
/// Verification documents: a 10 MB file plus multipart overhead.
pub const DOCUMENT_LIMIT_BYTES: usize = 11 * 1024 * 1024;
const DOCUMENT_PATHS: [&str; 2] = [
    "/experts/apply/documents",
    "/api/v1/experts/application/documents",
];

/// The largest body `path` accepts, given the configured limit for everything else.
pub fn limit_for(path: &str, configured: usize) -> usize {
    // A session's resource files: `/bookings/{id}/resources/file`, document-sized.
    let resource_file = path.starts_with("/bookings/") && path.ends_with("/resources/file");
    if UPLOAD_PATHS.contains(&path) {
        UPLOAD_LIMIT_BYTES.max(configured)
    } else if DOCUMENT_PATHS.contains(&path) || resource_file {
        DOCUMENT_LIMIT_BYTES.max(configured)
    } else {
        configured
    }
}

pub async fn limit(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let limit = limit_for(req.uri().path(), state.settings.body_limit_bytes);
    let announced = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if announced.is_some_and(|n| n > limit) {
        return AppError::new(ErrorCode::PayloadTooLarge).into_response();
    }
    let (parts, body) = req.into_parts();
    let limited = Body::new(Limited::new(body, limit));
    next.run(Request::from_parts(parts, limited)).await
}
