//! The site's own origin: where every absolute URL Mentora writes points (links in email,
//! invites and feeds, canonical URLs, JSON-LD, payment return addresses).
//!
//! It never comes from the request. A request's `Host` is whatever the client wrote, and
//! a reset link built from it would carry the victim's token to an attacker's site. The
//! origin is `public_url` when configured, else the address this server listens on
//! (`localhost` for a loopback or unspecified address). Requests naming any other host get
//! 400 `host_unknown` from every handler that writes a link.

use std::net::SocketAddr;

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;

use crate::{AppError, AppState, ErrorCode};

/// The configured or listening origin, and the host names requests may carry.
#[derive(Debug, Clone)]
pub struct SiteOrigin {
    /// `https://mentora.example` or `http://localhost:8080`: scheme, host, port; no slash.
    canonical: String,
    /// Lower-case `host[:port]` values accepted in `Host`.
    hosts: Vec<String>,
    /// Whether `public_url` set the origin (then the request's host never shapes a link).
    configured: bool,
}

impl SiteOrigin {
    /// From `public_url` (when set) and the address the server listens on.
    pub fn new(public_url: Option<&str>, listening: SocketAddr) -> Self {
        let port = listening.port();
        let ip = listening.ip();
        let mut hosts = Vec::new();
        if ip.is_loopback() || ip.is_unspecified() {
            for name in ["localhost", "127.0.0.1", "[::1]"] {
                hosts.push(format!("{name}:{port}"));
            }
        }
        hosts.push(listening.to_string());
        let listening_origin = if ip.is_loopback() || ip.is_unspecified() {
            format!("http://localhost:{port}")
        } else {
            format!("http://{listening}")
        };
        match public_url.map(|u| u.trim_end_matches('/')) {
            Some(url) => {
                if let Some(host) = url.split_once("://").map(|(_, rest)| rest) {
                    let host = host.split('/').next().unwrap_or(host).to_ascii_lowercase();
                    // A browser omits the default port: accept the host with and without it.
                    let bare = match url.split_once("://").map(|(s, _)| s) {
                        Some("https") => host.strip_suffix(":443"),
                        _ => host.strip_suffix(":80"),
                    };
                    if let Some(bare) = bare {
                        hosts.push(bare.to_owned());
                    }
                    hosts.push(host);
                }
                Self {
                    canonical: url.to_owned(),
                    hosts,
                    configured: true,
                }
            }
            None => Self {
                canonical: listening_origin,
                hosts,
                configured: false,
            },
        }
    }

    /// Where links point.
    pub fn canonical(&self) -> &str {
        &self.canonical
    }

    pub fn served_over_https(&self) -> bool {
        self.canonical.starts_with("https://")
    }

    /// Whether a request naming `host` may be answered with links.
    pub fn accepts(&self, host: &str) -> bool {
        let host = host.trim().to_ascii_lowercase();
        self.hosts.contains(&host)
    }

    /// Whether a browser's `Origin` header names this site (scheme, host and port), as
    /// a cross-site page's WebSocket or form would not.
    pub fn is_own(&self, origin: &str) -> bool {
        let Some((scheme, host)) = origin.trim().split_once("://") else {
            return false;
        };
        let expected = if self.served_over_https() {
            "https"
        } else {
            "http"
        };
        // A browser leaves the default port out; a configured URL may have it.
        let bare = |o: &str| {
            let o = o.trim().to_ascii_lowercase();
            let default_port = if o.starts_with("https://") {
                ":443"
            } else {
                ":80"
            };
            o.strip_suffix(default_port)
                .map_or(o.clone(), str::to_owned)
        };
        scheme.eq_ignore_ascii_case(expected)
            && self.accepts(host)
            && bare(&self.as_seen_by(host)) == bare(origin)
    }

    /// The origin the browser is on, for what must match it exactly (passkeys are bound
    /// to the host name): the configured one, else the accepted name the request used.
    fn as_seen_by(&self, host: &str) -> String {
        if self.configured {
            self.canonical.clone()
        } else {
            format!("http://{}", host.trim().to_ascii_lowercase())
        }
    }
}

/// The request's `Host` (or, over HTTP/2, the URI's authority).
fn request_host(parts: &Parts) -> Option<String> {
    parts
        .headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::to_owned)
        .or_else(|| parts.uri.authority().map(|a| a.as_str().to_owned()))
}

fn checked_host(parts: &Parts, origin: &SiteOrigin) -> Result<String, AppError> {
    match request_host(parts) {
        Some(host) if origin.accepts(&host) => Ok(host),
        other => {
            tracing::warn!(host = ?other, "refused a request for an unknown host");
            Err(AppError::new(ErrorCode::HostUnknown))
        }
    }
}

/// Extracts the site's origin for building links, refusing requests for other hosts.
pub struct Links(pub String);

impl FromRequestParts<AppState> for Links {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let origin = &state.settings.origin;
        checked_host(parts, origin)?;
        Ok(Links(origin.canonical().to_owned()))
    }
}

/// Extracts the origin as the browser sees it (for passkeys), refusing unknown hosts.
pub struct BrowserOrigin(pub String);

impl FromRequestParts<AppState> for BrowserOrigin {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let origin = &state.settings.origin;
        let host = checked_host(parts, origin)?;
        Ok(BrowserOrigin(origin.as_seen_by(&host)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn addr(s: &str) -> SocketAddr {
        s.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn without_public_url_links_use_the_listening_address() {
        let o = SiteOrigin::new(None, addr("127.0.0.1:8080"));
        assert_eq!(o.canonical(), "http://localhost:8080");
        assert!(o.accepts("127.0.0.1:8080"));
        assert!(o.accepts("LOCALHOST:8080"));
        assert!(!o.accepts("attacker.example"));
        assert!(!o.accepts("localhost:9999"));
        let o = SiteOrigin::new(None, addr("192.0.2.7:80"));
        assert_eq!(o.canonical(), "http://192.0.2.7:80");
        assert!(!o.accepts("localhost:80"));
    }

    #[test]
    fn a_browser_origin_is_the_sites_own_only_on_its_scheme_host_and_port() {
        let o = SiteOrigin::new(Some("https://mentora.example:443"), addr("0.0.0.0:8080"));
        assert!(o.is_own("https://mentora.example"));
        assert!(o.is_own("https://mentora.example:443"));
        assert!(!o.is_own("http://mentora.example"));
        assert!(!o.is_own("https://mentora.example.attacker.test"));
        assert!(!o.is_own("null"));
        let local = SiteOrigin::new(None, addr("127.0.0.1:8080"));
        assert!(local.is_own("http://localhost:8080"));
        assert!(!local.is_own("http://localhost:8081"));
    }

    #[test]
    fn public_url_is_the_origin_and_its_host_is_accepted() {
        let o = SiteOrigin::new(Some("https://mentora.example/"), addr("0.0.0.0:8080"));
        assert_eq!(o.canonical(), "https://mentora.example");
        assert!(o.served_over_https());
        assert!(o.accepts("mentora.example"));
        assert!(o.accepts("localhost:8080"));
        assert!(!o.accepts("evil.example"));
        assert_eq!(o.as_seen_by("localhost:8080"), "https://mentora.example");
        let o = SiteOrigin::new(Some("https://mentora.example:443"), addr("0.0.0.0:8080"));
        assert!(o.accepts("mentora.example"));
    }
}
