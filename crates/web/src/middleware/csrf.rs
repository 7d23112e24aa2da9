//! Cross-site request forgery protection for everything authenticated by cookie.
//!
//! Every page gets a token: the session's own when logged in, otherwise a random one held
//! in a pre-session cookie. Every state-changing request outside `/api` (which uses bearer
//! tokens, never cookies) must echo it, in the form field `csrf` or the `X-CSRF-Token`
//! header (htmx). Comparison is constant-time.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::cookies;
use super::viewer::Viewer;
use crate::{AppError, AppState, ErrorCode};

pub const FORM_FIELD: &str = "csrf";
pub const HEADER: &str = "x-csrf-token";
/// The pre-session cookie's name: `__Host-` prefixed over https, which pins it to this
/// exact origin so a sibling subdomain cannot plant a token of its choosing.
fn pre_session_cookie(https: bool) -> &'static str {
    if https {
        "__Host-mentora_csrf"
    } else {
        "mentora_csrf"
    }
}

/// The token forms on this page must carry.
#[derive(Debug, Clone)]
pub struct CsrfToken(pub String);

/// Gives the request its token (see the module docs), setting the pre-session cookie when
/// a new one was made. Runs outside error rendering so error pages have the token too.
pub async fn assign(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    if !is_page_path(req.uri().path()) {
        return next.run(req).await;
    }
    let session_token = req
        .extensions()
        .get::<Viewer>()
        .map(|v| v.login.csrf_token.clone());
    let https = state.settings.served_over_https();
    let cookie_name = pre_session_cookie(https);
    let cookie_token = cookies::get(req.headers(), cookie_name).map(str::to_owned);
    let (token, new_cookie) = match (session_token, cookie_token) {
        (Some(token), _) => (token, None),
        // Only what `Secret::generate` makes (43 base64url characters): the token is
        // written into pages, some of them kept whole for every visitor (pages::memory).
        (None, Some(token))
            if token.len() == 43
                && token
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') =>
        {
            (token, None)
        }
        (None, _) => {
            let fresh = domain::Secret::generate().expose().to_owned();
            (fresh.clone(), Some(fresh))
        }
    };
    req.extensions_mut().insert(CsrfToken(token));
    let mut response = next.run(req).await;
    if let Some(token) = new_cookie {
        let secure = if https { "; Secure" } else { "" };
        let cookie = format!("{cookie_name}={token}; Path=/; HttpOnly; SameSite=Lax{secure}");
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

/// Paths that serve pages and forms. The JSON API (all of `/api/` but its docs page)
/// authenticates with bearer tokens, and
/// assets and operations endpoints have no forms, so none of them get a token or cookie.
fn is_page_path(path: &str) -> bool {
    if crate::api::is_machine_path(path) {
        return false;
    }
    const MACHINE_PREFIXES: [&str; 1] = ["/assets/"];
    const MACHINE_PATHS: [&str; 5] = [
        "/healthz",
        "/readyz",
        "/metrics",
        "/robots.txt",
        "/favicon.ico",
    ];
    !MACHINE_PREFIXES.iter().any(|p| path.starts_with(p)) && !MACHINE_PATHS.contains(&path)
}

/// Rejects a state-changing request whose token is missing or wrong, with 403.
pub async fn verify(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let unsafe_method = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let Some(CsrfToken(expected)) = req.extensions().get::<CsrfToken>().cloned() else {
        // No token assigned: an /api or /assets request, which cookies do not authenticate.
        return next.run(req).await;
    };
    if !unsafe_method {
        return next.run(req).await;
    }
    // The same limit the body limit middleware allows this path (uploads are larger).
    let limit = super::body_limit::limit_for(req.uri().path(), state.settings.body_limit_bytes);
    let (presented, req) = presented_token(req, limit).await;
    let Some(req) = req else {
        return AppError::new(ErrorCode::PayloadTooLarge).into_response();
    };
    if !presented.is_some_and(|p| constant_time_eq(p.as_bytes(), expected.as_bytes())) {
        tracing::warn!("csrf token missing or wrong");
        return AppError::new(ErrorCode::CsrfFailed).into_response();
    }
    next.run(req).await
}

/// The token the request carries, and the request rebuilt with its body intact (`None`
/// when the body is over `limit`).
async fn presented_token(req: Request, limit: usize) -> (Option<String>, Option<Request>) {
    if let Some(value) = req.headers().get(HEADER).and_then(|v| v.to_str().ok()) {
        let token = value.to_owned();
        return (Some(token), Some(req));
    }
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let multipart_boundary = multer::parse_boundary(&content_type).ok();
    if !content_type.starts_with("application/x-www-form-urlencoded")
        && multipart_boundary.is_none()
    {
        return (None, Some(req));
    }
    let (parts, body) = req.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, limit).await else {
        return (None, None);
    };
    let token = match multipart_boundary {
        // File uploads: forms put the token first, so only the first parts are read.
        Some(boundary) => multipart_value(bytes.clone(), boundary, FORM_FIELD).await,
        None => form_urlencoded_value(&bytes, FORM_FIELD),
    };
    (token, Some(Request::from_parts(parts, Body::from(bytes))))
}

async fn multipart_value(body: bytes::Bytes, boundary: String, name: &str) -> Option<String> {
    let stream = futures::stream::once(async move { Ok::<_, std::convert::Infallible>(body) });
    let mut multipart = multer::Multipart::new(stream, boundary);
    while let Ok(Some(field)) = multipart.next_field().await {
        if field.name() == Some(name) {
            return field.text().await.ok();
        }
    }
    None
}

fn form_urlencoded_value(body: &[u8], name: &str) -> Option<String> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(body)
        .ok()?
        .into_iter()
        .find_map(|(k, v)| (k == name).then_some(v))
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_pages_get_tokens() {
        assert!(is_page_path("/") && is_page_path("/signup") && is_page_path("/admin/outbox"));
        for machine in [
            "/api/v1/csp-reports",
            "/assets/app.1.css",
            "/healthz",
            "/metrics",
            "/robots.txt",
        ] {
            assert!(!is_page_path(machine), "{machine}");
        }
    }

    #[test]
    fn finds_the_field_among_others_and_compares_exactly() {
        let body = b"lang=es&csrf=abc%2Bdef&next=%2F";
        assert_eq!(
            form_urlencoded_value(body, "csrf").as_deref(),
            Some("abc+def")
        );
        assert_eq!(form_urlencoded_value(b"lang=es", "csrf"), None);
        assert!(constant_time_eq(b"same", b"same"));
        assert!(!constant_time_eq(b"same", b"sama"));
        assert!(!constant_time_eq(b"same", b"same!"));
    }
}
