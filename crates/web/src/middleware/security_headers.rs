//! Security headers on every response.

use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

use crate::AppState;

/// No inline script or style anywhere: every script and stylesheet is an embedded asset.
/// Violations are reported to our own endpoint so a broken page shows up in the logs.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
media-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
frame-ancestors 'none'; report-uri /api/v1/csp-reports";

pub async fn security_headers(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let mut response = next.run(req).await;
    let headers = response.headers_mut();
    let set = |headers: &mut axum::http::HeaderMap, name, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    // A page that needs more (the Stripe checkout) sets its own, stricter than `*`.
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        set(
            headers,
            header::CONTENT_SECURITY_POLICY,
            CONTENT_SECURITY_POLICY,
        );
    }
    set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(
        headers,
        header::REFERRER_POLICY,
        "strict-origin-when-cross-origin",
    );
    // For browsers that predate frame-ancestors.
    set(headers, header::X_FRAME_OPTIONS, "DENY");
    set(
        headers,
        header::HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    // The room pages set their own, allowing the camera and microphone on this origin.
    let permissions = header::HeaderName::from_static("permissions-policy");
    if !headers.contains_key(&permissions) {
        set(
            headers,
            permissions,
            "camera=(), microphone=(), geolocation=(), payment=()",
        );
    }
    if state.settings.served_over_https() {
        set(
            headers,
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=63072000; includeSubDomains",
        );
    }
    response
}
