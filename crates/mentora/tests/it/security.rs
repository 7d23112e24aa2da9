//! Security headers on every kind of response.

use crate::both_backends;
use crate::testkit::{Backend, TestApp};

const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
font-src 'self'; connect-src 'self'; media-src 'self'; object-src 'none'; base-uri 'none'; \
form-action 'self'; frame-ancestors 'none'; report-uri /api/v1/csp-reports";

async fn every_response_carries_the_security_headers(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let home = app.get("/").await.text().await.unwrap_or_default();
    let css = home
        .split("href=\"")
        .find_map(|s| {
            s.split('"')
                .next()
                .filter(|p| p.starts_with("/assets/app."))
        })
        .unwrap_or("/assets/none")
        .to_owned();
    for path in [
        "/",
        "/missing",
        "/healthz",
        "/api/v1/missing",
        css.as_str(),
        "/robots.txt",
    ] {
        // A fresh client each time: no cookies, like a first visit.
        let res = reqwest::get(app.at(path)).await.unwrap();
        let h = res.headers();
        assert_eq!(h["content-security-policy"], CSP, "{path}");
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(
            h["referrer-policy"], "strict-origin-when-cross-origin",
            "{path}"
        );
        assert_eq!(h["x-frame-options"], "DENY", "{path}");
        assert!(
            h.get("strict-transport-security").is_none(),
            "no HSTS over plain http: {path}"
        );
    }
}

async fn hsts_and_secure_cookies_when_served_over_https(backend: Backend) {
    let Some(app) = TestApp::builder(backend)
        .configure(|c| c.public_url = Some("https://mentora.example".into()))
        .spawn()
        .await
    else {
        return;
    };
    let res = app.get("/").await;
    assert_eq!(
        res.headers()["strict-transport-security"],
        "max-age=63072000; includeSubDomains"
    );
    let csrf_cookie = res.headers()["set-cookie"].to_str().unwrap_or("");
    assert!(
        csrf_cookie.starts_with("__Host-mentora_csrf=") && csrf_cookie.ends_with("; Secure"),
        "{csrf_cookie}"
    );
    let res = app.submit("/language", &[("lang", "ar")]).await;
    let cookie = res.headers()["set-cookie"].to_str().unwrap_or("");
    assert!(cookie.ends_with("; Secure"), "{cookie}");
}

both_backends!(
    every_response_carries_the_security_headers,
    hsts_and_secure_cookies_when_served_over_https,
);
