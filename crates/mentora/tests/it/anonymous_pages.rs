//! Pages whose body is the same for everyone are rendered once per language and header
//! and kept (`web::pages::memory`): each visitor still gets their own CSRF token on them,
//! a signed-in viewer their own name, links and unread count, and nothing of one visitor
//! reaches another.

use reqwest::Method;
use serde_json::json;

use crate::both_backends;
use crate::testkit::{Backend, TestApp, send};

fn token_of(page: &str) -> String {
    page.split(r#"name="csrf-token" content=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("no csrf meta on the page"))
        .to_owned()
}

async fn kept_pages_carry_each_visitors_own_token(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    app.create_user("tomas@example.org", &[]).await;
    let other = app.another_client();
    for path in ["/", "/login", "/signup", "/forgot-password"] {
        let first = app.get(path).await.text().await.unwrap();
        let again = app.get(path).await.text().await.unwrap();
        let theirs = other.get(path).await.text().await.unwrap();
        let (mine, yours) = (token_of(&first), token_of(&theirs));
        assert_ne!(mine, yours, "{path}: each visitor has their own token");
        assert_eq!(first, again, "{path}: the same page twice for one visitor");
        assert_eq!(
            first.replace(&mine, "T"),
            theirs.replace(&yours, "T"),
            "{path}: otherwise the same bytes for everyone"
        );
    }
    // The token on a kept page is the one the visitor's cookie holds: a form posts with it.
    let page = app.get("/login").await.text().await.unwrap();
    let res = app
        .post_form(
            "/login",
            &[
                ("email", "tomas@example.org"),
                ("password", crate::testkit::TEST_PASSWORD),
                ("csrf", &token_of(&page)),
            ],
        )
        .await;
    assert_eq!(
        res.status().as_u16(),
        303,
        "logged in with the kept page's token"
    );
    // Signed in, the pages are the person's own (their name), not the kept ones.
    let home = app.get("/").await.text().await.unwrap();
    assert!(home.contains("tomas"), "the signed-in header");
    assert!(!other.get("/").await.text().await.unwrap().contains("tomas"));
    // A page with a query is rendered for its request: the login form keeps `next`.
    let with_next = other
        .get("/login?next=%2Fsessions")
        .await
        .text()
        .await
        .unwrap();
    assert!(with_next.contains(r#"value="/sessions""#), "next kept");
    // Each language has its own kept page.
    let german = other
        .get_with("/", &[("Accept-Language", "de")])
        .await
        .text()
        .await
        .unwrap();
    assert!(german.contains(r#"<html lang="de""#));
    let english = other.get("/").await.text().await.unwrap();
    assert!(english.contains(r#"<html lang="en""#));
}

both_backends!(kept_pages_carry_each_visitors_own_token);

async fn home(client: &TestApp) -> String {
    client.get("/").await.text().await.unwrap()
}

/// Signed in, the kept home page is the same for two people with the same roles and
/// unread count but for their token and name; roles and unread counts keep their own.
async fn kept_pages_show_each_viewer_their_own_header(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let ana_id = app.create_user("ana@example.org", &[]).await.id;
    app.create_user("ben@example.org", &[]).await;
    app.create_user("olga@example.org", &[domain::Role::Admin])
        .await;
    let (ana, ben, olga) = (
        app.another_client(),
        app.another_client(),
        app.another_client(),
    );
    ana.log_in_as("ana@example.org").await;
    ben.log_in_as("ben@example.org").await;
    olga.log_in_as("olga@example.org").await;
    // A name that needs escaping, saved through the API.
    let (access, _) = app.api_log_in("ben@example.org").await;
    let renamed = send(
        &app,
        Method::PATCH,
        "/api/v1/me",
        &access,
        Some(json!({"display_name": "Ben <i>&"})),
    )
    .await;
    assert_eq!(renamed.status, 200, "{:?}", renamed.json);

    let (for_ana, for_ben) = (home(&ana).await, home(&ben).await);
    assert!(
        for_ana.contains("Signed in as ana</a>"),
        "Ana's name in her header"
    );
    assert!(
        for_ben.contains("Ben &#60;i&#62;&#38;"),
        "Ben's name, escaped"
    );
    assert!(!for_ben.contains("Ben <i>"));
    assert!(!for_ana.contains("Ben") && !for_ben.contains(">ana<"));
    assert_eq!(for_ana, home(&ana).await, "the same page twice for Ana");
    let plain = |page: &str, name: &str| page.replace(&token_of(page), "T").replace(name, "N");
    assert_eq!(
        plain(&for_ana, "ana"),
        plain(&for_ben, "Ben &#60;i&#62;&#38;"),
        "otherwise the same bytes for both"
    );

    // The admin's header has the admin links; the others' do not.
    assert!(home(&olga).await.contains(r#"href="/admin/experts""#));
    assert!(!for_ana.contains(r#"href="/admin/experts""#));

    // A notification for Ana shows in her badge at her next page, not in Ben's.
    app.add_unread_notification(ana_id).await;
    assert!(
        home(&ana).await.contains("data-unread-badge>1<"),
        "one unread"
    );
    assert!(home(&ben).await.contains("data-unread-badge hidden>0<"));

    // A name of digits on an Arabic page reads the same on the kept home page as on a
    // page rendered for its request: text, isolated from the Arabic around it.
    let renamed = send(
        &app,
        Method::PATCH,
        "/api/v1/me",
        &access,
        Some(json!({"display_name": "2024"})),
    )
    .await;
    assert_eq!(renamed.status, 200, "{:?}", renamed.json);
    let arabic = [("Accept-Language", "ar")];
    let kept = ben.get_with("/", &arabic).await.text().await.unwrap();
    let fresh = ben
        .get_with("/account/profile", &arabic)
        .await
        .text()
        .await
        .unwrap();
    let signed_in_as = |page: &str| {
        page.split(r#"class="nav-link text-ink-muted" href="/account/security">"#)
            .nth(1)
            .and_then(|rest| rest.split('<').next())
            .map(str::to_owned)
    };
    assert_eq!(signed_in_as(&kept), signed_in_as(&fresh));
    assert_eq!(
        signed_in_as(&kept).as_deref(),
        Some("مسجّل الدخول باسم \u{2068}2024\u{2069}")
    );
}

both_backends!(kept_pages_show_each_viewer_their_own_header);
