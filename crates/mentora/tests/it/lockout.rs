//! The lockout rule: a stranger's wrong passwords lock the address for devices the account
//! has never used, but never for the owner's own browsers and API clients; while locked,
//! the owner is emailed a one-time sign-in link (at most once per quarter hour), which logs
//! them in once and ends the lock.

use std::time::Duration;

use app::throttle::{Limit, Limits};
use serde_json::{Value, json};

use crate::both_backends;
use crate::personas::Answer;
use crate::testkit::{Backend, TEST_PASSWORD, TestApp};

fn tight() -> Limits {
    Limits {
        lockout_after: 3,
        login_per_account: Limit::per(5, Duration::from_secs(600)),
        ..Limits::default().scaled(10)
    }
}

/// An app whose lockout starts after three failures.
async fn tight_app(backend: Backend) -> Option<TestApp> {
    TestApp::builder(backend)
        .configure(|c| c.limits = tight())
        .spawn()
        .await
}

async fn api_login(app: &TestApp, email: &str, password: &str, device: Option<&str>) -> Answer {
    let mut body = json!({"email": email, "password": password});
    if let Some(device) = device {
        body["device_token"] = json!(device);
    }
    Answer::of(app.post_json("/api/v1/auth/login", &body).await).await
}

/// A stranger on another client gets the address locked.
async fn lock(app: &TestApp, email: &str) {
    let stranger = app.another_client();
    for _ in 0..3 {
        let answer = api_login(&stranger, email, "wrong password!", None).await;
        assert_eq!(answer.status, 401);
    }
    let answer = api_login(&stranger, email, TEST_PASSWORD, None).await;
    assert_eq!((answer.status, answer.code()), (429, "login_locked"));
}

fn sign_in_links(mail: &[store::outbox::OutboxMessage], to: &str) -> Vec<String> {
    mail.iter()
        .filter(|m| m.to == to && m.subject.contains("sign-in link"))
        .filter_map(|m| {
            m.text
                .split_whitespace()
                .find(|word| word.contains("/login/link?token="))
                .map(str::to_owned)
        })
        .collect()
}

async fn a_strangers_wrong_passwords_never_lock_out_the_owners_devices(backend: Backend) {
    let Some(app) = tight_app(backend).await else {
        return;
    };
    app.create_user("owner@example.org", &[]).await;
    // The owner has logged in before: in this browser, and from an API client.
    app.log_in_as("owner@example.org").await;
    let res = app.submit("/logout", &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    let first = api_login(&app, "owner@example.org", TEST_PASSWORD, None).await;
    assert_eq!(first.status, 200, "{first}");
    let device = first.json["device_token"].as_str().unwrap().to_owned();
    assert_eq!(device.len(), 43);

    lock(&app, "owner@example.org").await;
    // Past the per-address attempt limit as well.
    let stranger = app.another_client();
    for _ in 0..5 {
        api_login(&stranger, "owner@example.org", "still guessing", None).await;
    }

    // The owner's browser: the right password logs in.
    let res = app
        .submit(
            "/login",
            &[("email", "owner@example.org"), ("password", TEST_PASSWORD)],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303, "the owner's browser logs in");
    assert_eq!(res.headers()["location"], "/");
    // The owner's API client: the same, and it keeps its device token.
    let again = api_login(&app, "owner@example.org", TEST_PASSWORD, Some(&device)).await;
    assert_eq!(again.status, 200, "{again}");
    assert_eq!(again.json["device_token"], device.as_str());
    // A wrong password from the owner's device is still wrong, and still counted.
    let answer = api_login(&app, "owner@example.org", "typo", Some(&device)).await;
    assert_eq!(answer.status, 401);
    // A device token of another account proves nothing here.
    app.create_user("other@example.org", &[]).await;
    let other = api_login(&app, "other@example.org", TEST_PASSWORD, None).await;
    let foreign = other.json["device_token"].as_str().unwrap();
    let answer = api_login(&stranger, "owner@example.org", TEST_PASSWORD, Some(foreign)).await;
    assert_eq!((answer.status, answer.code()), (429, "login_locked"));
    // And the stranger stays locked out after the owner's logins.
    let answer = api_login(&stranger, "owner@example.org", TEST_PASSWORD, None).await;
    assert_eq!(answer.status, 429);

    // "Log out everywhere" forgets the account's devices: the browser that was known is a
    // stranger to the lock now.
    let res = app.submit("/account/sessions/end-all", &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    let res = app
        .submit(
            "/login",
            &[("email", "owner@example.org"), ("password", TEST_PASSWORD)],
        )
        .await;
    assert_eq!(
        res.status().as_u16(),
        429,
        "a forgotten device waits like any other"
    );
}

async fn a_known_device_that_keeps_guessing_is_trusted_no_more(backend: Backend) {
    let Some(app) = tight_app(backend).await else {
        return;
    };
    app.create_user("shared@example.org", &[]).await;
    let first = api_login(&app, "shared@example.org", TEST_PASSWORD, None).await;
    let device = first.json["device_token"].as_str().unwrap().to_owned();
    lock(&app, "shared@example.org").await;
    // Someone at the once-known computer guesses: three wrong passwords in a day…
    for _ in 0..3 {
        let answer = api_login(&app, "shared@example.org", "guess", Some(&device)).await;
        assert_eq!(answer.status, 401);
    }
    // …and the device is held to the lock like anyone else's, the right password included.
    let answer = api_login(&app, "shared@example.org", TEST_PASSWORD, Some(&device)).await;
    assert_eq!((answer.status, answer.code()), (429, "login_locked"));
}

async fn an_api_client_logs_in_with_the_link_and_the_guesser_gains_no_tries(backend: Backend) {
    let Some(app) = tight_app(backend).await else {
        return;
    };
    app.create_user("phone@example.org", &[]).await;
    lock(&app, "phone@example.org").await;
    let mail = eventually_mail(&app, "phone@example.org").await;
    let link = &sign_in_links(&mail, "phone@example.org")[0];
    let token = link.split("token=").nth(1).unwrap();
    let res = app
        .post_json("/api/v1/auth/login/link", &json!({"token": token}))
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let pair: Value = res.json().await.unwrap();
    assert!(
        pair["access_token"].is_string() && pair["device_token"].is_string(),
        "{pair}"
    );
    let again = app
        .post_json("/api/v1/auth/login/link", &json!({"token": token}))
        .await;
    assert_eq!(again.status().as_u16(), 400, "once only");
    // The lock lifted, but the failures stay counted: the guesser's next wrong password
    // locks the address again at once, with no fresh tries.
    let stranger = app.another_client();
    let answer = api_login(&stranger, "phone@example.org", "guess", None).await;
    assert_eq!(answer.status, 401, "the lock is over");
    let answer = api_login(&stranger, "phone@example.org", "guess again", None).await;
    assert_eq!((answer.status, answer.code()), (429, "login_locked"));
}

/// The outbox once the background delivery of `to`'s sign-in link has happened.
async fn eventually_mail(app: &TestApp, to: &str) -> Vec<store::outbox::OutboxMessage> {
    crate::testkit::eventually("the sign-in link is in the outbox", || {
        let db = app.db.clone();
        async move {
            let found = store::outbox::newest(&db, 20).await.unwrap();
            !sign_in_links(&found, to).is_empty()
        }
    })
    .await;
    store::outbox::newest(&app.db, 20).await.unwrap()
}

async fn a_locked_address_is_emailed_a_one_time_sign_in_link(backend: Backend) {
    let Some(app) = tight_app(backend).await else {
        return;
    };
    app.create_user("linked@example.org", &[]).await;
    lock(&app, "linked@example.org").await;
    // Further tries on the locked address send no further link for a while.
    let owner = app.another_client();
    for _ in 0..3 {
        let res = owner
            .submit(
                "/login",
                &[("email", "linked@example.org"), ("password", TEST_PASSWORD)],
            )
            .await;
        assert_eq!(res.status().as_u16(), 429);
        let html = res.text().await.unwrap();
        assert!(
            html.contains("one-time sign-in link"),
            "the page says what to do"
        );
    }
    let mail = eventually_mail(&app, "linked@example.org").await;
    let links = sign_in_links(&mail, "linked@example.org");
    assert_eq!(links.len(), 1, "one link per quarter hour: {links:?}");
    let link = &links[0];
    assert!(
        link.starts_with(&format!("{}/login/link?token=", app.origin())),
        "{link}"
    );
    let token = link.split("token=").nth(1).unwrap();

    // Opening the link asks for a press: a scanner's GET uses nothing up.
    let page = owner.get(&format!("/login/link?token={token}")).await;
    assert_eq!(page.status().as_u16(), 200);
    assert!(
        page.text()
            .await
            .unwrap()
            .contains(r#"action="/login/link""#)
    );
    let res = owner.submit("/login/link", &[("token", token)]).await;
    assert_eq!(res.status().as_u16(), 303);
    let home = owner.get("/account/profile").await;
    assert_eq!(home.status().as_u16(), 200, "signed in by the link");
    // Once only.
    let again = app
        .another_client()
        .submit("/login/link", &[("token", token)])
        .await;
    assert_eq!(again.status().as_u16(), 400);
    // The lock is over: any device may log in with the password again.
    let answer = api_login(
        &app.another_client(),
        "linked@example.org",
        TEST_PASSWORD,
        None,
    )
    .await;
    assert_eq!(answer.status, 200);
}

async fn an_address_without_an_account_is_locked_alike_and_mails_nobody(backend: Backend) {
    let Some(app) = tight_app(backend).await else {
        return;
    };
    lock(&app, "nobody@example.org").await;
    let mail = store::outbox::newest(&app.db, 20).await.unwrap();
    assert!(mail.iter().all(|m| m.to != "nobody@example.org"));
}

both_backends!(
    a_strangers_wrong_passwords_never_lock_out_the_owners_devices,
    a_known_device_that_keeps_guessing_is_trusted_no_more,
    an_api_client_logs_in_with_the_link_and_the_guesser_gains_no_tries,
    a_locked_address_is_emailed_a_one_time_sign_in_link,
    an_address_without_an_account_is_locked_alike_and_mails_nobody,
);
