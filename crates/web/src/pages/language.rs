//! Switching language: a plain form post that remembers the choice in a cookie and returns
//! the person to the page they were on. Works without JavaScript.

use axum::extract::{Form, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::AppState;
use i18n::{LOCALE_COOKIE, Locale};

#[derive(Deserialize)]
pub struct LanguageForm {
    lang: String,
    #[serde(default)]
    next: String,
}

pub async fn switch(State(state): State<AppState>, Form(form): Form<LanguageForm>) -> Response {
    // An unknown language is English, never an error.
    let locale = Locale::from_tag(&form.lang).unwrap_or(Locale::En);
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&remember(&state, locale)) {
        headers.insert(header::SET_COOKIE, value);
    }
    if let Ok(value) = HeaderValue::from_str(local_path(&form.next)) {
        headers.insert(header::LOCATION, value);
    }
    response
}

/// The `Set-Cookie` value that makes `locale` the page language from now on (the
/// switcher, and saving a profile with another language).
pub(crate) fn remember(state: &AppState, locale: Locale) -> String {
    let secure = if state.settings.served_over_https() {
        "; Secure"
    } else {
        ""
    };
    format!(
        "{LOCALE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly{secure}",
        locale.tag()
    )
}

/// `path` with `?next=…` when there is somewhere to go on to afterwards (logging in or
/// signing up, then back to the page that asked).
pub fn with_next(path: &str, next: &str) -> String {
    if next.is_empty() {
        return path.to_owned();
    }
    let query = serde_urlencoded::to_string([("next", next)]).unwrap_or_default();
    format!("{path}?{query}")
}

/// `next` if it is a path on this site, else `/`: never an open redirect.
pub fn local_path(next: &str) -> &str {
    let local = next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.chars().any(|c| c.is_control());
    if local { next } else { "/" }
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(local_path("/experts?q=rust"), "/experts?q=rust");
        for hostile in [
            "https://evil.test",
            "//evil.test",
            "/\\evil.test",
            "",
            "/a\r\nb",
        ] {
            assert_eq!(local_path(hostile), "/", "{hostile:?}");
        }
    }
}
