//! Signed-in viewers kept in memory (`app::viewers`): a page or API call of a signed-in
//! person reads nothing from the database while their account is unchanged, and any
//! change (name, roles, logins, notifications) applies at the next request, on every
//! instance.

use reqwest::Method;
use serde_json::json;

use crate::both_backends;
use crate::personas::Answer;
use crate::testkit::{Backend, TestApp, eventually, send, service_url};

async fn me(app: &TestApp, access: &str) -> Answer {
    send(app, Method::GET, "/api/v1/me", access, None).await
}

async fn header_of(app: &TestApp, path: &str) -> (u16, String) {
    let res = app.get(path).await;
    let status = res.status().as_u16();
    (status, res.text().await.unwrap_or_default())
}

/// One instance: kept after the first request (SQLite, which no other instance writes),
/// dropped by a change, which the next request shows. PostgreSQL without Redis could be
/// written by instances this one never hears from: nothing is kept there.
async fn a_viewer_is_kept_until_their_account_changes(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let keeps = backend == Backend::Sqlite;
    let mira = app.create_user("mira@example.org", &[]).await;
    app.log_in_as("mira@example.org").await;
    let (status, page) = header_of(&app, "/account/profile").await;
    assert_eq!(status, 200);
    assert!(page.contains("mira"), "signed in as mira");
    assert_eq!(app.viewers.holds(mira.id), keeps);

    // A change through the API (another client, another login) shows on the page at once.
    let (access, _) = app.api_log_in("mira@example.org").await;
    assert_eq!(me(&app, &access).await.status, 200);
    let renamed = send(
        &app,
        Method::PATCH,
        "/api/v1/me",
        &access,
        Some(json!({"display_name": "Mira Okafor"})),
    )
    .await;
    assert_eq!(renamed.status, 200, "{:?}", renamed.json);
    assert!(!app.viewers.holds(mira.id), "the change drops the copy");
    let (_, page) = header_of(&app, "/account/profile").await;
    assert!(
        page.contains("Mira Okafor"),
        "the new name at the next request"
    );
    assert_eq!(app.viewers.holds(mira.id), keeps);

    // A new notification (a job's, written beside the request) shows in the badge at the
    // next page: its write drops the kept unread count.
    let badge = |page: &str| page.contains("data-unread-badge hidden>0<");
    assert!(badge(&page), "nothing unread yet");
    app.add_unread_notification(mira.id).await;
    let (_, page) = header_of(&app, "/account/profile").await;
    assert!(page.contains("data-unread-badge>1<"), "one unread at once");

    // "Log out everywhere" from another browser ends this page's login and the token at
    // their next request.
    let phone = app.another_client();
    phone.log_in_as("mira@example.org").await;
    assert_eq!(header_of(&app, "/account/profile").await.0, 200);
    assert_eq!(app.viewers.holds(mira.id), keeps);
    let res = phone.submit("/account/sessions/end-all", &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(header_of(&app, "/account/profile").await.0, 303);
    assert_eq!(me(&app, &access).await.code(), "token_revoked");
}

/// Two instances on PostgreSQL and Redis, one browser whose requests land on either: what
/// changes through one applies on the other, whose copy was warm, without waiting for
/// the copy's lifetime (ten minutes here).
#[tokio::test]
async fn account_changes_apply_on_every_instance() {
    let Some(redis_url) = service_url("TEST_REDIS_URL") else {
        return;
    };
    let Some((one, two)) = crate::testkit::two_instances_on(&redis_url).await else {
        return;
    };
    one.operator_token().await;
    let noor = one.create_user("noor@example.org", &[]).await;
    let on_one = one.another_client();
    on_one.log_in_as("noor@example.org").await;
    let on_two = on_one.same_browser_on(&two);
    let (status, page) = header_of(&on_two, "/account/profile").await;
    assert_eq!(
        status, 200,
        "the cookie opens the same login on instance two"
    );
    assert!(page.contains("noor"));
    assert!(two.viewers.holds(noor.id), "instance two keeps the viewer");

    // A new name, saved through instance one.
    let (access, _) = one.api_log_in("noor@example.org").await;
    assert_eq!(me(&two, &access).await.status, 200);
    let renamed = send(
        &one,
        Method::PATCH,
        "/api/v1/me",
        &access,
        Some(json!({"display_name": "Noor Haddad"})),
    )
    .await;
    assert_eq!(renamed.status, 200);
    eventually("instance two to show the new name", || async {
        header_of(&on_two, "/account/profile")
            .await
            .1
            .contains("Noor Haddad")
    })
    .await;
    assert!(two.viewers.holds(noor.id), "kept again");

    // A role granted through instance one ends the person's logins on instance two.
    let admin_browser = one.another_client();
    admin_browser.log_in_as("operator@example.org").await;
    let res = admin_browser
        .submit(
            &format!("/admin/users/{}/roles", noor.id),
            &[
                ("role", "expert"),
                ("action", "grant"),
                ("confirmed", "yes"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    eventually("instance two to end the page's login", || async {
        header_of(&on_two, "/account/profile").await.0 == 303
    })
    .await;
    eventually("instance two to refuse the token", || async {
        me(&two, &access).await.code() == "token_revoked"
    })
    .await;

    // A logout through instance one, of a login instance two had kept.
    on_one.log_in_as("noor@example.org").await;
    assert_eq!(header_of(&on_two, "/account/profile").await.0, 200);
    assert!(two.viewers.holds(noor.id));
    let res = on_one.submit("/logout", &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    eventually("instance two to forget the ended login", || async {
        !two.viewers.holds(noor.id)
    })
    .await;
    let (status, _) = header_of(&on_two, "/account/profile").await;
    assert_eq!(status, 303, "logged out on both");
}

both_backends!(a_viewer_is_kept_until_their_account_changes);
