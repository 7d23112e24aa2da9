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
    // A session's resource files, document-sized: exactly `/bookings/{id}/resources/file`.
    let segments: Vec<&str> = path.split('/').collect();
    let resource_file = matches!(
        segments.as_slice(),
        ["", "bookings", _, "resources", "file"]
    );
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uploads_get_their_own_limits_and_nothing_else_does() {
        let configured = 2 * 1024 * 1024;
        assert_eq!(limit_for("/account/avatar", configured), UPLOAD_LIMIT_BYTES);
        assert_eq!(
            limit_for("/experts/apply/documents", configured),
            DOCUMENT_LIMIT_BYTES
        );
        let resource = "/bookings/01a2462d-a026-7694-8a5c-2598bf728140/resources/file";
        assert_eq!(limit_for(resource, configured), DOCUMENT_LIMIT_BYTES);
        for other in [
            "/bookings/a/b/resources/file",
            "/bookings/x/resources/file/more",
            "/api/v1/bookings/x/resources/file",
            "/bookings/x/notes",
        ] {
            assert_eq!(limit_for(other, configured), configured, "{other}");
        }
    }
}
