//! What every page's layout needs: the request's language, its path (for the language
//! switcher's return), and lookups of messages and assets.

use std::convert::Infallible;

use axum::extract::{FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};

use i18n::Locale;
use crate::middleware::cookies;

pub struct Shell {
    pub locale: Locale,
    /// Path and query of the current page.
    pub path: String,
}

/// One entry of the language switcher.
pub struct LanguageChoice {
    pub tag: &'static str,
    pub name: String,
    pub current: bool,
}

impl Shell {
    fn new(headers: &HeaderMap, path: String) -> Self {
        let cookie = cookies::get(headers, i18n::LOCALE_COOKIE);
        let accept = headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok());
        Self {
            locale: i18n::negotiate(cookie, accept),
            path,
        }
    }

    pub fn from_request(req: &Request) -> Self {
        let path = req
            .uri()
            .path_and_query()
            .map_or_else(|| "/".to_owned(), |p| p.as_str().to_owned());
        Self::new(req.headers(), path)
    }

    pub fn t(&self, id: &str) -> String {
        self.locale.t(id)
    }

    pub fn t_args(&self, id: &str, args: &[(&'static str, String)]) -> String {
        self.locale.t_args(id, args)
    }

    pub fn asset(&self, name: &str) -> String {
        crate::assets::url(name)
    }

    pub fn lang(&self) -> &'static str {
        self.locale.tag()
    }

    pub fn dir(&self) -> &'static str {
        self.locale.dir()
    }

    pub fn languages(&self) -> Vec<LanguageChoice> {
        Locale::ALL
            .into_iter()
            .map(|l| LanguageChoice {
                tag: l.tag(),
                name: l.native_name(),
                current: l == self.locale,
            })
            .collect()
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Shell {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let path = parts
            .uri
            .path_and_query()
            .map_or_else(|| "/".to_owned(), |p| p.as_str().to_owned());
        Ok(Self::new(&parts.headers, path))
    }
}
