//! Extractors that pages and the JSON API share.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts, OriginalUri};
use axum::http::header;
use axum::http::request::Parts;
use store::logins::ClientInfo;

use crate::AppState;
use crate::middleware::cookies;
use crate::middleware::viewer::device_cookie_name;

/// Where the request comes from, for sessions, rate limits and the audit log.
pub struct Client(pub ClientInfo);

impl FromRequestParts<AppState> for Client {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip());
        // Behind a load balancer every peer is the balancer: trust the address it appends
        // (the last one in X-Forwarded-For), and only when told to, since a client can
        // write anything into that header when nothing in front of us rewrites it.
        let forwarded = state
            .settings
            .trust_forwarded_for
            .then(|| parts.headers.get("x-forwarded-for"))
            .flatten()
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .and_then(|ip| ip.trim().parse::<std::net::IpAddr>().ok());
        // Pages only: API clients name their device in the login body. (Handlers nested
        // under /api/v1 see their path without it; the original is kept aside.)
        let path = parts
            .extensions
            .get::<OriginalUri>()
            .map_or_else(|| parts.uri.path(), |o| o.0.path());
        let device = (!crate::api::is_machine_path(path))
            .then(|| {
                let https = state.settings.served_over_https();
                cookies::get(&parts.headers, device_cookie_name(https))
            })
            .flatten()
            .map(str::to_owned);
        Ok(Client(ClientInfo {
            ip: forwarded.or(peer).map(|ip| ip.to_string()),
            user_agent: parts
                .headers
                .get(header::USER_AGENT)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned),
            device,
        }))
    }
}
