//! What every page's layout needs: the request's language, its path (for the language
//! switcher's return), and lookups of messages and assets.

use std::convert::Infallible;

use axum::extract::{FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};

use crate::middleware::{CsrfToken, Viewer, cookies};
use i18n::Locale;

#[derive(Clone)]
pub struct Shell {
    pub locale: Locale,
    /// Path and query of the current page.
    pub path: String,
    /// The logged-in account's display name.
    pub viewer_name: Option<String>,
    pub viewer_is_admin: bool,
    /// Experts get a link to their availability.
    pub viewer_is_expert: bool,
    /// The token every form on the page must carry.
    pub csrf: String,
    /// In the test-mode sandbox once its clock was moved: the simulated now, as the
    /// banner shows it ("Sat, Dec 5, 2026, 9:00 AM UTC").
    pub simulated_now: Option<String>,
    /// The test-mode sandbox takes payments: every page carries its banner.
    pub test_mode: bool,
    /// The signed-in viewer's unread notifications (the header's badge).
    pub unread: u64,
}

/// One entry of the language switcher.
pub struct LanguageChoice {
    pub tag: &'static str,
    pub name: String,
    pub current: bool,
}

impl Shell {
    fn new(headers: &HeaderMap, extensions: &http::Extensions, path: String) -> Self {
        let cookie = cookies::get(headers, i18n::LOCALE_COOKIE);
        let accept = headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok());
        let viewer = extensions.get::<Viewer>();
        Self {
            locale: i18n::negotiate(cookie, accept),
            path,
            viewer_name: viewer.map(|v| v.user.display_name.clone()),
            viewer_is_admin: viewer.is_some_and(|v| v.user.roles.contains(&domain::Role::Admin)),
            viewer_is_expert: viewer.is_some_and(|v| v.user.roles.contains(&domain::Role::Expert)),
            csrf: extensions
                .get::<CsrfToken>()
                .map(|t| t.0.clone())
                .unwrap_or_default(),
            simulated_now: extensions
                .get::<crate::middleware::simulated_time::SimulatedTime>()
                .map(|t| {
                    let locale = i18n::negotiate(cookie, accept);
                    format!(
                        "{} UTC",
                        locale.date_time(jiff::tz::TimeZone::UTC.to_datetime(t.0))
                    )
                }),
            test_mode: extensions
                .get::<crate::middleware::simulated_time::TestMode>()
                .is_some(),
            unread: extensions
                .get::<crate::middleware::viewer::Unread>()
                .map_or(0, |u| u.0),
        }
    }

    pub fn from_request(req: &Request) -> Self {
        let path = req
            .uri()
            .path_and_query()
            .map_or_else(|| "/".to_owned(), |p| p.as_str().to_owned());
        Self::new(req.headers(), req.extensions(), path)
    }

    pub fn t(&self, id: &str) -> String {
        self.locale.t(id)
    }

    /// A message without placeholders as kept after its first lookup, for templates:
    /// written into the page without a copy of its own.
    pub fn text(&self, id: &str) -> std::borrow::Cow<'static, str> {
        self.locale.text(id)
    }

    pub fn t_args(&self, id: &str, args: &[(&'static str, String)]) -> String {
        self.locale.t_args_kept(id, args)
    }

    /// A message with one placeholder, for templates.
    pub fn t1(&self, id: &str, name: &'static str, value: &str) -> String {
        self.locale.t_args_kept(id, &[(name, value.to_owned())])
    }

    /// A message with one placeholder that is always text (a person's name), for
    /// templates.
    pub fn t1_text(&self, id: &str, name: &'static str, text: &str) -> String {
        self.locale.t_text_kept(id, name, text)
    }

    /// An amount in minor units as the page's language writes it ("€45.00", "45,00 €");
    /// a currency that does not parse shows as stored.
    pub fn money(&self, minor: i64, currency: &str) -> String {
        match domain::profile::CurrencyCode::parse(currency) {
            Ok(code) => self.price(&domain::money::Money::new(minor, code)),
            Err(_) => format!("{minor} {currency}"),
        }
    }

    /// A price as the page's language writes it.
    pub fn price(&self, price: &domain::money::Money) -> String {
        self.locale.money(
            price.minor,
            price.currency.as_str(),
            domain::money::exponent(price.currency),
        )
    }

    /// "Notifications, 3 unread", for the header link's accessible name.
    pub fn unread_label(&self) -> String {
        self.t1("nav-notifications-label", "count", &self.unread.to_string())
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
        Ok(Self::new(&parts.headers, &parts.extensions, path))
    }
}
