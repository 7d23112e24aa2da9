//! The home page and languages.

use reqwest::header;

use crate::both_backends;
use crate::testkit::{Backend, TestApp};

async fn body_of(app: &TestApp, path: &str, headers: &[(&str, &str)]) -> (u16, String) {
    let res = app.get_with(path, headers).await;
    (res.status().as_u16(), res.text().await.unwrap_or_default())
}

async fn home_explains_mentora_to_learners_and_experts(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let (status, html) = body_of(&app, "/", &[]).await;
    assert_eq!(status, 200);
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains(r#"<html lang="en" dir="ltr">"#));
    assert!(html.contains("<h1"), "a page has one main heading");
    assert!(html.contains("Learn faster with an expert who has done it before."));
    assert!(html.contains(r#"id="for-learners""#) && html.contains(r#"id="for-experts""#));
    assert!(html.contains(r##"<a href="#main" class="skip-link">Skip to content</a>"##));
    assert!(html.contains(r#"<main id="main""#));
    assert!(
        !html.contains("<script>") && !html.contains("style="),
        "no inline script or style"
    );
    assert!(html.contains(r#"<link rel="stylesheet" href="/assets/app."#));
}

async fn accept_language_picks_spanish_and_arabic_is_right_to_left(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let (_, es) = body_of(&app, "/", &[("accept-language", "es-MX,es;q=0.9,en;q=0.5")]).await;
    assert!(es.contains(r#"<html lang="es" dir="ltr">"#));
    assert!(es.contains("Aprende más rápido con un experto que ya lo ha hecho."));
    assert!(es.contains("Saltar al contenido"));
    let (_, ar) = body_of(&app, "/", &[("accept-language", "ar")]).await;
    assert!(ar.contains(r#"<html lang="ar" dir="rtl">"#));
    assert!(ar.contains("تعلّم أسرع مع خبير سبق له أن فعلها."));
    let (_, unknown) = body_of(&app, "/", &[("accept-language", "xx-YY, *;q=0.1")]).await;
    assert!(unknown.contains(r#"<html lang="en" dir="ltr">"#));
}

async fn choosing_a_language_sets_a_cookie_and_returns_to_the_page(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let res = app
        .submit("/language", &[("lang", "es"), ("next", "/#for-experts")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(res.headers()[header::LOCATION], "/#for-experts");
    let cookie = res.headers()[header::SET_COOKIE]
        .to_str()
        .unwrap_or("")
        .to_owned();
    assert!(cookie.starts_with("mentora_locale=es;"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax") && cookie.contains("HttpOnly"));
    assert!(
        !cookie.contains("Secure"),
        "plain http must not get a Secure cookie"
    );

    // The cookie beats the browser's Accept-Language.
    let (_, html) = body_of(
        &app,
        "/",
        &[("cookie", "mentora_locale=es"), ("accept-language", "ar")],
    )
    .await;
    assert!(html.contains(r#"<html lang="es""#));
    // The switcher marks the current language and returns to this page.
    assert!(html.contains(r#"value="es" lang="es" class="menu-item" aria-current="true""#));
    assert!(html.contains(r#"<input type="hidden" name="next" value="/">"#));
}

async fn language_switch_never_redirects_off_site_and_unknown_is_english(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    for next in ["https://evil.test/", "//evil.test", "/\\evil.test"] {
        let res = app
            .submit("/language", &[("lang", "tlh"), ("next", next)])
            .await;
        assert_eq!(res.status().as_u16(), 303);
        assert_eq!(res.headers()[header::LOCATION], "/", "next={next}");
        let cookie = res.headers()[header::SET_COOKIE].to_str().unwrap_or("");
        assert!(cookie.starts_with("mentora_locale=en;"), "{cookie}");
    }
}

both_backends!(
    home_explains_mentora_to_learners_and_experts,
    accept_language_picks_spanish_and_arabic_is_right_to_left,
    choosing_a_language_sets_a_cookie_and_returns_to_the_page,
    language_switch_never_redirects_off_site_and_unknown_is_english,
);
