//! Pages the same for every anonymous visitor are rendered once per language and kept
//! (`web::pages::memory`): each visitor still gets their own CSRF token on them, and
//! nothing of one visitor reaches another.

use crate::both_backends;
use crate::testkit::{Backend, TestApp};

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
