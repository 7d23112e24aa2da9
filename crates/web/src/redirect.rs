//! Redirects whose target may carry what a visitor typed (a slug, a query, a `next` path).
//! `axum::response::Redirect::to` panics on a target that is not a valid header value (a
//! decoded `%0A` in a slug, say), so every redirect goes through here: bytes a header may
//! not hold are percent-encoded, and the answer is always a 303 with a valid `Location`.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// `303 See Other` to `target`, made safe to send.
pub fn to(target: &str) -> Response {
    let location = HeaderValue::from_str(target)
        .or_else(|_| HeaderValue::from_str(&encoded(target)))
        .unwrap_or_else(|_| HeaderValue::from_static("/"));
    (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response()
}

/// Control characters, spaces and non-ASCII bytes as `%XX`; everything else as it is.
fn encoded(target: &str) -> String {
    let mut out = String::with_capacity(target.len());
    for byte in target.bytes() {
        if byte.is_ascii_graphic() {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_with_line_breaks_and_other_bytes_are_encoded() {
        let response = to("/experts/ana\n/book?é=1");
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            response.headers()[header::LOCATION],
            "/experts/ana%0A/book?%C3%A9=1"
        );
        assert_eq!(to("/bookings/1").headers()[header::LOCATION], "/bookings/1");
    }
}
