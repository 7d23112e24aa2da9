//! Access tokens end with their login, on every instance at once; refresh-token reuse
//! detected during a rotation also kills what that rotation issued; unknown key ids do
//! not reach the database on every request.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::personas::Answer;
use crate::testkit::{Backend, TEST_PASSWORD, TestApp, send};

async fn me(app: &TestApp, access: &str) -> Answer {
    send(app, Method::GET, "/api/v1/me", access, None).await
}

async fn assert_revoked(app: &TestApp, access: &str, what: &str) {
    let answer = me(app, access).await;
    assert_eq!(
        (answer.status, answer.code()),
        (401, "token_revoked"),
        "{what}"
    );
}

async fn access_tokens_end_with_their_login(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let user = app.create_user("ivo@example.org", &[]).await;
    app.create_user("root@example.org", &[domain::Role::Admin])
        .await;

    // Logout: the access token of that login stops; another login's does not.
    let (access, refresh) = app.api_log_in("ivo@example.org").await;
    let (other, _) = app.api_log_in("ivo@example.org").await;
    assert_eq!(me(&app, &access).await.status, 200);
    let res = app
        .post_json("/api/v1/auth/logout", &json!({"refresh_token": refresh}))
        .await;
    assert_eq!(res.status().as_u16(), 204);
    assert_revoked(&app, &access, "after logout").await;
    assert_eq!(me(&app, &other).await.status, 200);

    // "Log out everywhere" on the security page.
    let browser = app.another_client();
    browser.log_in_as("ivo@example.org").await;
    let res = browser.submit("/account/sessions/end-all", &[]).await;
    assert!(res.status().is_redirection() || res.status().is_success());
    assert_revoked(&app, &other, "after log out everywhere").await;

    // A password change.
    let (access, _) = app.api_log_in("ivo@example.org").await;
    assert_eq!(me(&app, &access).await.status, 200);
    let browser = app.another_client();
    browser.log_in_as("ivo@example.org").await;
    let res = browser
        .submit(
            "/account/password",
            &[
                ("current_password", TEST_PASSWORD),
                ("new_password", "another quite long passphrase 7"),
            ],
        )
        .await;
    assert!(res.status().as_u16() < 400, "{}", res.status());
    assert_revoked(&app, &access, "after a password change").await;

    // A privilege change by an administrator.
    let (access, _) = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"email": "ivo@example.org", "password": "another quite long passphrase 7"}),
        )
        .await
        .json::<Value>()
        .await
        .map(|b| (b["access_token"].as_str().unwrap().to_owned(), ()))
        .unwrap();
    assert_eq!(me(&app, &access).await.status, 200);
    let admin = app.another_client();
    admin.log_in_as("root@example.org").await;
    let res = admin
        .submit(
            &format!("/admin/users/{}/roles", user.id),
            &[
                ("role", "expert"),
                ("action", "grant"),
                ("confirmed", "yes"),
            ],
        )
        .await;
    assert!(res.status().as_u16() < 400, "{}", res.status());
    assert_revoked(&app, &access, "after a role change").await;
}

/// Without Redis: on PostgreSQL, instances that cannot hear each other keep no viewers,
/// so the second reads the login's state afresh. On SQLite, two servers on one file must
/// say so (`allow_shared_sqlite`), which keeps no viewers either. (With Redis, see
/// `viewers::account_changes_apply_on_every_instance`.)
async fn a_revocation_reaches_another_instance_at_once(backend: Backend) {
    let Some(one) = TestApp::builder(backend)
        .configure(|c| c.allow_shared_sqlite = true)
        .spawn()
        .await
    else {
        return;
    };
    let shared = one.test_db.as_ref().unwrap().url.clone();
    let two = TestApp::builder(backend)
        .configure(move |c| {
            c.database_url = shared;
            c.allow_shared_sqlite = true;
        })
        .spawn()
        .await
        .unwrap();
    one.create_user("ivo@example.org", &[]).await;
    let (access, refresh) = one.api_log_in("ivo@example.org").await;
    // The second instance has the login cached as live ...
    assert_eq!(me(&two, &access).await.status, 200);
    assert_eq!(me(&two, &access).await.status, 200);
    // ... and the first one ends it.
    let res = one
        .post_json("/api/v1/auth/logout", &json!({"refresh_token": refresh}))
        .await;
    assert_eq!(res.status().as_u16(), 204);
    assert_revoked(&two, &access, "on the other instance").await;
}

async fn reuse_during_a_rotation_revokes_what_it_issued(backend: Backend) {
    // Fifteen logins from one address: lift the login limit for this test.
    let Some(app) = TestApp::builder(backend)
        .configure(|c| c.limits = c.limits.scaled(10))
        .spawn()
        .await
    else {
        return;
    };
    app.create_user("zed@example.org", &[]).await;
    for round in 0..15 {
        let (_, token) = app.api_log_in("zed@example.org").await;
        let body = json!({"refresh_token": token});
        let attempts = (0..4).map(|_| app.post_json("/api/v1/auth/refresh", &body));
        let answers = futures::future::join_all(attempts).await;
        let mut issued = Vec::new();
        for res in answers {
            if res.status().as_u16() == 200 {
                issued.push(res.json::<Value>().await.unwrap());
            }
        }
        assert!(issued.len() <= 1, "round {round}: {issued:?}");
        // Whatever the winning rotation issued belongs to a login now known to be copied.
        for pair in issued {
            let access = pair["access_token"].as_str().unwrap();
            assert_revoked(&app, access, &format!("round {round}")).await;
            let res = app
                .post_json(
                    "/api/v1/auth/refresh",
                    &json!({"refresh_token": pair["refresh_token"]}),
                )
                .await;
            assert_eq!(res.status().as_u16(), 401, "round {round}");
        }
    }
}

async fn unknown_key_ids_are_refused_without_rereading_keys(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let user = app.create_user("kid@example.org", &[]).await;
    let keys = app::api_tokens::TokenKeys::new(app.db.clone());
    let access = keys.sign(user.id, uuid::Uuid::now_v7()).await.unwrap();
    assert_eq!(keys.key_reads(), 1);
    // The same token under a key id nobody issued, again and again.
    let mut parts = access.split('.');
    let (_, payload, signature) = (parts.next(), parts.next().unwrap(), parts.next().unwrap());
    use base64::Engine;
    let header = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(br#"{"alg":"HS256","typ":"JWT","kid":"forged"}"#);
    let forged = format!("{header}.{payload}.{signature}");
    for _ in 0..50 {
        assert_eq!(
            keys.verify(&forged).await,
            Err(app::api_tokens::TokenError::Invalid)
        );
    }
    assert_eq!(keys.key_reads(), 1, "forged key ids re-read the keys");
    assert!(keys.verify(&access).await.is_ok());
    // Over HTTP the answer is the precise code.
    let answer = me(&app, &forged).await;
    assert_eq!((answer.status, answer.code()), (401, "token_invalid"));
}

both_backends!(
    access_tokens_end_with_their_login,
    a_revocation_reaches_another_instance_at_once,
    reuse_during_a_rotation_revokes_what_it_issued,
    unknown_key_ids_are_refused_without_rereading_keys,
);
