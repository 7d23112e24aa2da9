//! Abuse protection: rate limits answer 429 with Retry-After; repeated failed logins lock
//! the address progressively and tell its owner once; locked answers are the same for
//! addresses with and without an account.

use std::time::Duration;

use app::throttle::{Limit, Limits};
use serde_json::{Value, json};

use crate::both_backends;
use crate::testkit::{Backend, TEST_PASSWORD, TestApp, service_url};

fn tight() -> Limits {
    Limits {
        register_per_ip: Limit::per(2, Duration::from_secs(3600)),
        lockout_after: 3,
        ..Limits::default()
    }
}

async fn tight_app(backend: Backend) -> Option<TestApp> {
    TestApp::builder(backend)
        .configure(|c| c.limits = tight())
        .spawn()
        .await
}

async fn api_login(app: &TestApp, email: &str, password: &str) -> reqwest::Response {
    app.post_json(
        "/api/v1/auth/login",
        &json!({"email": email, "password": password}),
    )
    .await
}

async fn failed_logins_lock_the_address_and_tell_its_owner_once(backend: Backend) {
    let Some(app) = tight_app(backend).await else {
        return;
    };
    let user = app.create_user("lock@example.org", &[]).await;
    for _ in 0..3 {
        assert_eq!(
            api_login(&app, "lock@example.org", "wrong password!")
                .await
                .status()
                .as_u16(),
            401
        );
    }
    // Locked: from a device never used for this account, even the right password waits
    // (it is not looked at: the lock is no oracle).
    let res = api_login(&app, "lock@example.org", TEST_PASSWORD).await;
    assert_eq!(res.status().as_u16(), 429);
    let retry: u64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry), "{retry}");
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["code"], "login_locked");

    // The web form says the same, in words.
    let page = app
        .submit(
            "/login",
            &[("email", "LOCK@example.org"), ("password", TEST_PASSWORD)],
        )
        .await;
    assert_eq!(page.status().as_u16(), 429);
    assert!(page.headers().contains_key("retry-after"));
    assert!(
        page.text()
            .await
            .unwrap()
            .contains("Several wrong passwords were tried")
    );

    // The notice goes out in the background, so that answers take the same time.
    crate::testkit::eventually("the lockout notice", || {
        let db = app.db.clone();
        async move {
            let mail = store::outbox::newest(&db, 10).await.unwrap();
            mail.iter()
                .any(|m| m.to == "lock@example.org" && m.subject.contains("locked"))
        }
    })
    .await;
    let mail = store::outbox::newest(&app.db, 10).await.unwrap();
    let notices: Vec<_> = mail
        .iter()
        .filter(|m| m.to == "lock@example.org" && m.subject.contains("locked"))
        .collect();
    assert_eq!(notices.len(), 1, "the owner is told once per series");
    let kinds: Vec<String> = store::audit::for_user(&app.db, user.id, 20)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert!(kinds.contains(&"login.locked_out".to_owned()));

    // An address without an account locks the same way: nothing to learn from the answer.
    for _ in 0..3 {
        assert_eq!(
            api_login(&app, "ghost@example.org", "wrong password!")
                .await
                .status()
                .as_u16(),
            401
        );
    }
    assert_eq!(
        api_login(&app, "ghost@example.org", "wrong password!")
            .await
            .status()
            .as_u16(),
        429
    );
}

async fn registration_is_rate_limited_per_address(backend: Backend) {
    let Some(app) = tight_app(backend).await else {
        return;
    };
    for n in 0..2 {
        let body = json!({"email": format!("r{n}@example.org"), "password": TEST_PASSWORD, "display_name": "R"});
        assert_eq!(
            app.post_json("/api/v1/auth/register", &body)
                .await
                .status()
                .as_u16(),
            201
        );
    }
    let body = json!({"email": "r9@example.org", "password": TEST_PASSWORD, "display_name": "R"});
    let res = app.post_json("/api/v1/auth/register", &body).await;
    assert_eq!(res.status().as_u16(), 429);
    assert!(res.headers().contains_key("retry-after"));
    assert_eq!(
        store::users::count(&app.db).await.unwrap(),
        2,
        "nothing is created past the limit"
    );
}

async fn forwarded_addresses_count_only_behind_a_trusted_proxy(backend: Backend) {
    for trusted in [false, true] {
        let Some(app) = TestApp::builder(backend)
            .configure(move |c| {
                c.limits = tight();
                c.trust_forwarded_for = trusted;
            })
            .spawn()
            .await
        else {
            return;
        };
        let mut statuses = Vec::new();
        for n in 0..3 {
            // A different client each time, as the proxy reports it.
            let res = app
                .client
                .post(app.at("/api/v1/auth/register"))
                .header("x-forwarded-for", format!("198.51.100.7, 203.0.113.{n}"))
                .json(&json!({"email": format!("f{n}@example.org"), "password": TEST_PASSWORD, "display_name": "F"}))
                .send()
                .await
                .unwrap();
            statuses.push(res.status().as_u16());
        }
        let expected = if trusted {
            [201, 201, 201]
        } else {
            [201, 201, 429]
        };
        assert_eq!(statuses, expected, "trusted: {trusted}");
    }
}

async fn verification_links_can_be_resent_a_few_times_an_hour(backend: Backend) {
    let Some(app) = tight_app(backend).await else {
        return;
    };
    let body =
        json!({"email": "late@example.org", "password": TEST_PASSWORD, "display_name": "Late"});
    assert_eq!(
        app.post_json("/api/v1/auth/register", &body)
            .await
            .status()
            .as_u16(),
        201
    );
    app.log_in_as("late@example.org").await;
    let profile = app.get("/account/profile").await.text().await.unwrap();
    assert!(profile.contains("Send the confirmation link again"));
    for _ in 0..5 {
        assert_eq!(
            app.submit("/account/verification/resend", &[])
                .await
                .status()
                .as_u16(),
            303
        );
    }
    let res = app.submit("/account/verification/resend", &[]).await;
    assert_eq!(res.status().as_u16(), 429);
    assert!(res.headers().contains_key("retry-after"));
    let links = store::outbox::newest(&app.db, 20)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.to == "late@example.org" && m.text.contains("/verify-email?token="))
        .count();
    assert_eq!(links, 6, "the sign-up link and five resent ones");
}

/// With Redis, the counters are shared: a lockout earned on one instance holds on another.
#[tokio::test]
async fn lockout_is_shared_between_instances_through_redis() {
    let Some(redis_url) = service_url("TEST_REDIS_URL") else {
        return;
    };
    let prefix = format!("test-{}", uuid::Uuid::now_v7());
    let spawn = |redis_url: String, prefix: String| {
        TestApp::builder(Backend::Sqlite)
            .configure(move |c| {
                c.limits = tight();
                c.redis_url = Some(redis_url);
                c.limits_prefix = prefix;
            })
            .spawn()
    };
    let one = spawn(redis_url.clone(), prefix.clone()).await.unwrap();
    let two = spawn(redis_url, prefix).await.unwrap();
    two.create_user("shared@example.org", &[]).await;
    for _ in 0..3 {
        assert_eq!(
            api_login(&one, "shared@example.org", "wrong password!")
                .await
                .status()
                .as_u16(),
            401
        );
    }
    assert_eq!(
        api_login(&two, "shared@example.org", TEST_PASSWORD)
            .await
            .status()
            .as_u16(),
        429
    );
}

async fn csp_reports_are_limited_per_address_and_bounded_in_size(backend: Backend) {
    let Some(app) = TestApp::builder(backend)
        .configure(|c| {
            c.limits = Limits {
                csp_reports_per_ip: Limit::per(3, Duration::from_secs(60)),
                ..Limits::default()
            }
        })
        .spawn()
        .await
    else {
        return;
    };
    let url = "/api/v1/csp-reports";
    // One report repeated into a 2 MB batch: refused whole, before anything is logged.
    let one = r#"{"type":"csp-violation","body":{"effectiveDirective":"img-src"}}"#;
    let batch = format!("[{}]", vec![one; 2 * 1024 * 1024 / one.len()].join(","));
    let res = app.post_body(url, "application/reports+json", batch).await;
    assert_eq!(res.status().as_u16(), 413);
    let report = r#"{"csp-report":{"violated-directive":"script-src"}}"#;
    for _ in 0..3 {
        let res = app
            .post_body(url, "application/csp-report", report.into())
            .await;
        assert_eq!(res.status().as_u16(), 204);
    }
    let res = app
        .post_body(url, "application/csp-report", report.into())
        .await;
    assert_eq!(res.status().as_u16(), 429);
    assert!(res.headers().contains_key("retry-after"));
}

async fn passkey_logins_are_limited_and_their_ceremonies_purged(backend: Backend) {
    let Some(app) = TestApp::builder(backend)
        .configure(|c| {
            c.limits = Limits {
                passkey_logins_per_ip: Limit::per(3, Duration::from_secs(600)),
                ..Limits::default()
            }
        })
        .spawn()
        .await
    else {
        return;
    };
    // Passkeys need a host name (never an IP address) for their relying party: talk to
    // the server as `localhost`, the name it links with, from a page read there first.
    let origin = app.origin();
    let home = app
        .client
        .get(&origin)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = home
        .split(r#"name="csrf" value=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_owned();
    let start = || {
        app.client
            .post(format!("{origin}/login/passkey/start"))
            .header("x-csrf-token", &csrf)
            .send()
    };
    for _ in 0..3 {
        let res = start().await.unwrap();
        assert_eq!(res.status().as_u16(), 200);
        let body: Value = res.json().await.unwrap();
        assert!(body["ceremony"].is_string(), "{body}");
    }
    let res = start().await.unwrap();
    assert_eq!(res.status().as_u16(), 429);
    // Three ceremonies wait for an answer; once expired, the upkeep removes exactly them.
    let later = jiff::Timestamp::now() + jiff::SignedDuration::from_mins(6);
    let none_yet = store::upkeep::purge_expired(&app.db, jiff::Timestamp::now())
        .await
        .unwrap();
    assert_eq!(none_yet.challenges, 0);
    let purged = store::upkeep::purge_expired(&app.db, later).await.unwrap();
    assert_eq!(purged.challenges, 3);
}

both_backends!(
    csp_reports_are_limited_per_address_and_bounded_in_size,
    passkey_logins_are_limited_and_their_ceremonies_purged,
    failed_logins_lock_the_address_and_tell_its_owner_once,
    registration_is_rate_limited_per_address,
    forwarded_addresses_count_only_behind_a_trusted_proxy,
    verification_links_can_be_resent_a_few_times_an_hour,
);
