//! Static assets embedded at build time (see `build.rs`), served under content-hashed
//! names with year-long immutable caching and pre-compressed bodies.

use axum::extract::Path;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::{AppError, ErrorCode};

pub struct Asset {
    /// The name in the source tree (`app.css`).
    pub name: &'static str,
    /// The served name (`app.3f2a9c1b0d.css`).
    pub hashed_name: &'static str,
    pub etag: &'static str,
    pub content_type: &'static str,
    pub raw: &'static [u8],
    pub gzip: Option<&'static [u8]>,
    pub br: Option<&'static [u8]>,
}

include!(concat!(env!("OUT_DIR"), "/assets.rs"));

/// The URL path of an asset by its source name, for templates.
/// An unknown name yields a path that 404s, and a test checks every name templates use.
pub fn url(name: &str) -> String {
    match ASSETS.iter().find(|a| a.name == name) {
        Some(asset) => format!("/assets/{}", asset.hashed_name),
        None => format!("/assets/missing/{name}"),
    }
}

pub async fn serve_hashed(Path(file): Path<String>, headers: HeaderMap) -> Response {
    match ASSETS.iter().find(|a| a.hashed_name == file) {
        Some(asset) => respond(asset, &headers, true),
        None => AppError::new(ErrorCode::NotFound).into_response(),
    }
}

pub async fn robots_txt(headers: HeaderMap) -> Response {
    named("robots.txt", &headers)
}

pub async fn favicon(headers: HeaderMap) -> Response {
    named("favicon.svg", &headers)
}

/// Assets that must live at a fixed, unhashed path; cached for a day only.
fn named(name: &str, headers: &HeaderMap) -> Response {
    match ASSETS.iter().find(|a| a.name == name) {
        Some(asset) => respond(asset, headers, false),
        None => AppError::new(ErrorCode::NotFound).into_response(),
    }
}

fn respond(asset: &Asset, headers: &HeaderMap, immutable: bool) -> Response {
    let cache = if immutable {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=86400"
    };
    if headers
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v.as_bytes() == asset.etag.as_bytes())
    {
        return (
            StatusCode::NOT_MODIFIED,
            [(header::ETAG, asset.etag), (header::CACHE_CONTROL, cache)],
        )
            .into_response();
    }
    let accepts = |coding: &str| {
        headers
            .get_all(header::ACCEPT_ENCODING)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .any(|c| {
                let mut parts = c.split(';');
                let name_ok = parts.next().is_some_and(|n| n.trim() == coding);
                let q_zero = parts.any(|p| matches!(p.trim(), "q=0" | "q=0.0" | "q=0.00"));
                name_ok && !q_zero
            })
    };
    let (body, encoding) = match (asset.br, asset.gzip) {
        (Some(br), _) if accepts("br") => (br, Some("br")),
        (_, Some(gz)) if accepts("gzip") => (gz, Some("gzip")),
        _ => (asset.raw, None),
    };
    let mut response = (
        [
            (header::CONTENT_TYPE, asset.content_type),
            (header::CACHE_CONTROL, cache),
            (header::ETAG, asset.etag),
        ],
        body,
    )
        .into_response();
    let headers = response.headers_mut();
    if asset.br.is_some() || asset.gzip.is_some() {
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    if let Some(encoding) = encoding {
        headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_asset_is_hashed_and_text_assets_are_precompressed() {
        assert!(ASSETS.iter().any(|a| a.name == "app.css"));
        for asset in ASSETS {
            assert_ne!(asset.name, asset.hashed_name);
            if asset.content_type.starts_with("text/") {
                assert!(asset.br.is_some() && asset.gzip.is_some(), "{}", asset.name);
            }
        }
    }

    #[test]
    fn every_asset_a_template_names_exists() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/templates");
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            for piece in text.split("asset(\"").skip(1) {
                if let Some((name, _)) = piece.split_once('"') {
                    assert!(
                        ASSETS.iter().any(|a| a.name == name),
                        "{} names missing asset {name}",
                        entry.path().display()
                    );
                }
            }
        }
    }
}
