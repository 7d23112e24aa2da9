//! No text Mentora stores may hold a NUL character: PostgreSQL refuses it in `text` (the
//! request would end in a 500), and on SQLite it would cut strings short in other tools.
//! Rather than guard every field, every request is checked here, once, before any handler
//! reads it: the path (where no control character belongs at all), the query, and every
//! body but multipart ones (JSON for `\u0000`, anything else for `%00`, all for a raw NUL).
//! Multipart text fields are checked where they are read (`uploads.rs`); the files
//! themselves are bytes and may hold anything.

use axum::body::Body;
use axum::extract::Request;
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::{AppError, ErrorCode};

pub async fn refuse_nul(req: Request, next: Next) -> Response {
    match checked(req).await {
        Ok(req) => next.run(req).await,
        Err(e) => e.into_response(),
    }
}

/// `POST /sessions/{id}/room/recordings/{recording}/chunks/{seq}` with a WebM body.
fn is_recording_chunk(path: &str, content_type: &str) -> bool {
    let segments: Vec<&str> = path.split('/').collect();
    content_type.starts_with("video/webm")
        && matches!(
            segments.as_slice(),
            ["", "sessions", _, "room", "recordings", _, "chunks", _]
        )
}

/// The request, its body put back after reading, or why it is refused.
async fn checked(req: Request) -> Result<Request, AppError> {
    let path = req.uri().path();
    let query = req.uri().query().unwrap_or("");
    if has_encoded_control(path) || has_encoded_nul(query) {
        return Err(refused());
    }
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    // Multipart bodies carry files, which are bytes and may hold anything; so do a
    // recording's chunks, on the one route that takes them (and stores them as a file).
    if content_type.starts_with("multipart/") || is_recording_chunk(path, &content_type) {
        return Ok(req);
    }
    // Every other body is looked at, whatever it claims to be: some handlers read a form
    // from the raw body, so `text/plain` with `%00` in it must not slip past.
    let kind =
        if content_type.contains("json") || content_type.starts_with("application/csp-report") {
            BodyKind::Json
        } else {
            BodyKind::Form
        };
    let (parts, body) = req.into_parts();
    // The body limit layer outside already bounds what can be read here: reading past it
    // fails, which is the 413 the handler would have given.
    let bytes = axum::body::to_bytes(body, usize::MAX)
        .await
        .map_err(|_| AppError::new(ErrorCode::PayloadTooLarge))?;
    let holds_nul = match kind {
        BodyKind::Form => bytes.contains(&0) || has_encoded_nul_bytes(&bytes),
        BodyKind::Json => bytes.contains(&0) || has_json_nul(&bytes),
    };
    if holds_nul {
        return Err(refused());
    }
    Ok(Request::from_parts(parts, Body::from(bytes)))
}

/// How a body's text is escaped: JSON strings, or percent-encoding (forms, and anything a
/// handler might read as one).
#[derive(Clone, Copy)]
enum BodyKind {
    Form,
    Json,
}

fn refused() -> AppError {
    AppError::new(ErrorCode::ControlCharacter)
}

/// `%00`–`%1F` or `%7F` (any case), or a raw control byte.
fn has_encoded_control(path: &str) -> bool {
    let bytes = path.as_bytes();
    bytes.iter().any(u8::is_ascii_control)
        || bytes.windows(3).any(|w| {
            w[0] == b'%'
                && matches!(
                    (w[1].to_ascii_uppercase(), w[2].to_ascii_uppercase()),
                    (b'0' | b'1', b'0'..=b'9' | b'A'..=b'F') | (b'7', b'F')
                )
        })
}

fn has_encoded_nul(text: &str) -> bool {
    text.as_bytes().contains(&0) || has_encoded_nul_bytes(text.as_bytes())
}

fn has_encoded_nul_bytes(bytes: &[u8]) -> bool {
    bytes.windows(3).any(|w| w == b"%00")
}

/// A `\u0000` escape in JSON text: a backslash that is not itself escaped (an odd run of
/// backslashes), then `u0000` in any case.
fn has_json_nul(bytes: &[u8]) -> bool {
    let mut backslashes = 0usize;
    for (i, &byte) in bytes.iter().enumerate() {
        if byte == b'\\' {
            backslashes += 1;
            continue;
        }
        if backslashes % 2 == 1
            && byte == b'u'
            && bytes
                .get(i + 1..i + 5)
                .is_some_and(|hex| hex.iter().all(|h| *h == b'0'))
        {
            return true;
        }
        backslashes = 0;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_escapes_of_nul_are_found_and_escaped_backslashes_are_not() {
        assert!(has_json_nul(br#"{"note":"a\u0000b"}"#));
        assert!(has_json_nul(br#"{"note":"\\\u0000"}"#));
        assert!(
            !has_json_nul(br#"{"note":"\\u0000"}"#),
            "a backslash, then text"
        );
        assert!(!has_json_nul(br#"{"note":"\u00e9"}"#));
    }

    #[test]
    fn paths_refuse_every_control_character_and_queries_nul() {
        assert!(has_encoded_control("/experts/ana%0A/book"));
        assert!(has_encoded_control("/experts/ana%1f"));
        assert!(has_encoded_control("/x%7F"));
        assert!(!has_encoded_control("/experts/ana%20b%C3%A9"));
        assert!(has_encoded_nul("q=a%00b"));
        assert!(!has_encoded_nul("q=a%0Ab"));
    }
}
