//! Embedded assets: hashed names, long caching, pre-compressed bodies.

use reqwest::header;

use crate::both_backends;
use crate::testkit::{Backend, TestApp};

async fn stylesheet_is_hashed_cached_for_a_year_and_compressed(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let url = web::assets::url("app.css");
    assert!(
        url.starts_with("/assets/app.")
            && url.ends_with(".css")
            && url.len() > "/assets/app.css".len()
    );

    let plain = app.get_with(&url, &[("accept-encoding", "identity")]).await;
    assert_eq!(plain.status().as_u16(), 200);
    assert_eq!(
        plain.headers()[header::CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(
        plain.headers()[header::CONTENT_TYPE],
        "text/css; charset=utf-8"
    );
    assert!(plain.headers().get(header::CONTENT_ENCODING).is_none());
    let etag = plain.headers()[header::ETAG]
        .to_str()
        .unwrap_or("")
        .to_owned();
    let plain_len = plain.bytes().await.map(|b| b.len()).unwrap_or(0);

    // A client that does not decode, to see the bytes on the wire.
    let raw = reqwest::Client::builder()
        .no_gzip()
        .no_brotli()
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let mut sizes = Vec::new();
    for (accept, coding) in [
        ("gzip, deflate, br", "br"),
        ("gzip", "gzip"),
        ("br;q=0, gzip", "gzip"),
    ] {
        let res = raw
            .get(app.at(&url))
            .header("accept-encoding", accept)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(res.headers()[header::CONTENT_ENCODING], coding, "{accept}");
        assert_eq!(res.headers()[header::VARY], "accept-encoding");
        sizes.push(res.bytes().await.map(|b| b.len()).unwrap_or(0));
    }
    assert!(
        sizes[0] > 0 && sizes[0] < sizes[1] && sizes[1] < plain_len / 3,
        "{sizes:?} vs {plain_len}"
    );

    let revalidated = app.get_with(&url, &[("if-none-match", &etag)]).await;
    assert_eq!(revalidated.status().as_u16(), 304);

    assert_eq!(
        app.get("/assets/app.css").await.status().as_u16(),
        404,
        "unhashed names are not served"
    );
    assert_eq!(
        app.get("/assets/app.0000000000.css")
            .await
            .status()
            .as_u16(),
        404
    );
}

async fn robots_and_favicon_live_at_their_fixed_paths(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let robots = app.get("/robots.txt").await;
    assert_eq!(
        robots.headers()[header::CACHE_CONTROL],
        "public, max-age=86400"
    );
    assert!(
        robots
            .text()
            .await
            .unwrap_or_default()
            .contains("Disallow: /api/")
    );
    let icon = app.get("/favicon.ico").await;
    assert_eq!(icon.headers()[header::CONTENT_TYPE], "image/svg+xml");
}

both_backends!(
    stylesheet_is_hashed_cached_for_a_year_and_compressed,
    robots_and_favicon_live_at_their_fixed_paths,
);
