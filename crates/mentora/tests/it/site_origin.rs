//! Links never come from the request: a forged `Host` cannot send a reset link (or any
//! other absolute URL) to another site, and session cookies never authenticate the API.

use serde_json::Value;

use crate::both_backends;
use crate::testkit::{Backend, TestApp};

/// The `/reset-password` links mailed to `to`.
async fn reset_links(app: &TestApp, to: &str) -> Vec<String> {
    store::outbox::newest(&app.db, 20)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.to == to && m.subject == "Reset your Mentora password")
        .filter_map(|m| {
            m.text
                .split_whitespace()
                .find(|w| w.contains("/reset-password?token="))
                .map(str::to_owned)
        })
        .collect()
}

async fn forgot_with_host(app: &TestApp, host: &str, extra: &[(&str, &str)]) -> u16 {
    let token = app.csrf_token().await;
    let mut req = app
        .client
        .post(app.at("/forgot-password"))
        .header("host", host)
        .form(&[("email", "ana@example.org"), ("csrf", &token)]);
    for (name, value) in extra {
        req = req.header(*name, *value);
    }
    req.send().await.unwrap().status().as_u16()
}

async fn a_forged_host_gets_400_and_no_link(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    app.create_user("ana@example.org", &[]).await;

    assert_eq!(forgot_with_host(&app, "attacker.example", &[]).await, 400);
    // A forwarded host is never read, so this one mails the real origin.
    let status = forgot_with_host(
        &app,
        &app.url.replace("http://", ""),
        &[("x-forwarded-host", "attacker.example")],
    )
    .await;
    assert_eq!(status, 200);
    crate::testkit::eventually("the reset link", || async {
        !reset_links(&app, "ana@example.org").await.is_empty()
    })
    .await;
    let links = reset_links(&app, "ana@example.org").await;
    assert_eq!(
        links.len(),
        1,
        "the forged request mailed nothing: {links:?}"
    );
    assert!(
        links[0].starts_with(&format!("{}/reset-password?token=", app.origin())),
        "{links:?}"
    );

    // Pages that write absolute URLs refuse other hosts; the API's problem says why.
    let res = app
        .client
        .post(app.at("/api/v1/auth/register"))
        .header("host", "attacker.example")
        .json(&serde_json::json!({"email": "x@example.org", "password": "a long enough passphrase", "display_name": "X"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 400);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["code"], "host_unknown");
    assert!(
        store::users::find_by_email(
            &app.db,
            &domain::EmailAddress::parse("x@example.org").unwrap()
        )
        .await
        .unwrap()
        .is_none()
    );
}

async fn public_url_is_the_only_origin_links_use(backend: Backend) {
    let Some(app) = TestApp::builder(backend)
        .configure(|c| c.public_url = Some("http://mentora.example".into()))
        .spawn()
        .await
    else {
        return;
    };
    app.create_user("ana@example.org", &[]).await;
    assert_eq!(forgot_with_host(&app, "attacker.example", &[]).await, 400);
    assert_eq!(forgot_with_host(&app, "mentora.example", &[]).await, 200);
    crate::testkit::eventually("the reset link", || async {
        !reset_links(&app, "ana@example.org").await.is_empty()
    })
    .await;
    let links = reset_links(&app, "ana@example.org").await;
    assert_eq!(links.len(), 1);
    assert!(
        links[0].starts_with("http://mentora.example/reset-password?token="),
        "{links:?}"
    );
}

async fn session_cookies_never_authenticate_the_api(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    app.create_user("root@example.org", &[domain::Role::Admin])
        .await;
    app.log_in_as("root@example.org").await;
    // The cookie works on pages ...
    assert_eq!(app.get("/admin/outbox").await.status().as_u16(), 200);
    // ... and means nothing to the API: 401, never 200 or 500.
    for path in [
        "/api/v1/me",
        "/api/v1/admin/outbox",
        "/api/v1/admin/audit",
        "/api/v1/bookings",
        "/api/v1/experts/application",
    ] {
        let res = app.get(path).await;
        assert_eq!(res.status().as_u16(), 401, "{path}");
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["code"], "unauthorized", "{path}");
    }
    let res = app
        .post_json("/api/v1/me/calendar-feed", &serde_json::json!({}))
        .await;
    assert_eq!(res.status().as_u16(), 401);
}

both_backends!(
    a_forged_host_gets_400_and_no_link,
    public_url_is_the_only_origin_links_use,
    session_cookies_never_authenticate_the_api,
);
