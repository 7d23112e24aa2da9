//! Who is viewing: the account behind the session cookie, if any.

use axum::extract::{FromRequestParts, Request, State};
use axum::http::Method;
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::Response;
use store::logins::Login;
use store::users::User;

use super::cookies;
use crate::AppState;

/// The logged-in account and its session, in request extensions when there is one.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub user: User,
    pub login: Login,
}

/// How many of the viewer's notifications are unread, for the header's badge.
#[derive(Debug, Clone, Copy)]
pub struct Unread(pub u64);

/// Extracts the logged-in viewer, or sends the person to log in first and come back to the
/// page they asked for (a form post has no page to come back to, so it goes to plain login).
pub struct SignedIn(pub Viewer);

impl<S: Send + Sync> FromRequestParts<S> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        if let Some(viewer) = parts.extensions.get::<Viewer>() {
            return Ok(SignedIn(viewer.clone()));
        }
        let target = match (&parts.method, parts.uri.path_and_query()) {
            (&Method::GET, Some(page)) => serde_urlencoded::to_string([("next", page.as_str())])
                .map_or_else(|_| "/login".to_owned(), |query| format!("/login?{query}")),
            _ => "/login".to_owned(),
        };
        Err(crate::redirect::to(&target))
    }
}

/// The session cookie's name: with the `__Host-` prefix over https, which pins it to this
/// exact origin, path `/` and `Secure`.
pub fn session_cookie_name(https: bool) -> &'static str {
    if https {
        "__Host-mentora_session"
    } else {
        "mentora_session"
    }
}

/// The `Set-Cookie` value for a session: `max_age` 0 with an empty value deletes it.
pub fn session_cookie(https: bool, value: &str, max_age_secs: i64) -> String {
    let secure = if https { "; Secure" } else { "" };
    let name = session_cookie_name(https);
    format!("{name}={value}; Path=/; Max-Age={max_age_secs}; HttpOnly; SameSite=Lax{secure}")
}

/// The device cookie: which browser this is, for the lockout rule (`app::login`). It
/// outlives sessions (180 days), and only its digest is stored.
pub fn device_cookie_name(https: bool) -> &'static str {
    if https {
        "__Host-mentora_device"
    } else {
        "mentora_device"
    }
}

pub fn device_cookie(https: bool, value: &str) -> String {
    let secure = if https { "; Secure" } else { "" };
    let name = device_cookie_name(https);
    let max_age = app::login::DEVICE_LIFETIME.as_secs();
    format!("{name}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}")
}

/// Whether a GET of `path` renders a page with the header (not a file, a feed or the
/// live socket), so the unread count is worth reading.
fn shows_header(path: &str) -> bool {
    !(path.starts_with("/assets/")
        || path.starts_with("/avatars/")
        || path.starts_with("/calendar/")
        || path == "/ws"
        || path.ends_with(".csv"))
}

/// Loads the session's account for pages (kept in memory a short while: `app::viewers`). Never for `/api/`: the API authenticates bearer
/// tokens only, so a page's cookie (sent by the browser to any same-site request) can
/// neither call it on someone's behalf nor reach handlers that expect a token's caller.
pub async fn load_viewer(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let name = session_cookie_name(state.settings.served_over_https());
    let api = crate::api::is_machine_path(req.uri().path());
    if !api && let Some(secret) = cookies::get(req.headers(), name) {
        match state.viewers.signed_in(&state.db, secret).await {
            Ok(Some((session, user))) => {
                // Pages show the unread badge in their header; only pages need it.
                if req.method() == Method::GET && shows_header(req.uri().path()) {
                    match state.viewers.unread(&state.db, &user).await {
                        Ok(n) => {
                            req.extensions_mut().insert(Unread(n));
                        }
                        Err(e) => {
                            tracing::warn!(error = %e, "counting unread notifications failed")
                        }
                    }
                }
                req.extensions_mut().insert(Viewer {
                    user,
                    login: session,
                });
            }
            Ok(None) => {}
            Err(e) => tracing::error!(error = %e, "loading the signed-in account failed"),
        }
    }
    next.run(req).await
}
