//! Redis is optional at run time: an instance starts without it, keeps signing people in,
//! limiting and showing slots while it is away or frozen, says `degraded` on `/readyz`,
//! and uses it again once it answers.
//!
//! Requests are given a 3-second deadline, so a request that waited on Redis's client
//! retries (9.5 s before this change) would end in 408, not in the answer checked.

use std::time::Duration;

use app::throttle::{Limit, Limits};
use serde_json::json;

use crate::personas::Answer;
use crate::redis_gate::{Gate, RedisGate};
use crate::testkit::{Backend, TEST_PASSWORD, TestApp, eventually, service_url};

fn tight() -> Limits {
    Limits {
        lockout_after: 3,
        ..Limits::default().scaled(10)
    }
}

async fn app_with_redis_at(backend: Backend, url: String, prefix: String) -> Option<TestApp> {
    TestApp::builder(backend)
        .configure(move |c| {
            c.redis_url = Some(url);
            c.limits_prefix = prefix;
            c.limits = tight();
            c.request_timeout = Duration::from_secs(3);
        })
        .spawn()
        .await
}

/// A `redis://` URL where nothing listens.
async fn nothing_listening() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("redis://{}", listener.local_addr().unwrap());
    drop(listener);
    url
}

async fn readyz(app: &TestApp) -> Answer {
    let answer = Answer::of(app.get("/readyz").await).await;
    assert!(!answer.json.is_null(), "/readyz is not JSON: {answer}");
    answer
}

async fn login(app: &TestApp, email: &str, password: &str) -> Answer {
    let res = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"email": email, "password": password}),
        )
        .await;
    Answer::of(res).await
}

async fn slots_status(app: &TestApp, expert: uuid::Uuid) -> u16 {
    let day = chrono::Utc::now().date_naive() + chrono::Duration::days(3);
    let path = format!(
        "/api/v1/experts/{expert}/slots?from={day}&to={}&tz=Europe/Berlin",
        day + chrono::Duration::days(1)
    );
    app.get(&path).await.status().as_u16()
}

/// Everything a person does that touched Redis still works, and lockout still locks.
async fn serves_without_redis(app: &TestApp, who: &str) {
    app.create_user(who, &[domain::Role::Learner]).await;
    let answer = login(app, who, TEST_PASSWORD).await;
    assert_eq!(answer.status, 200, "login while Redis is away: {answer}");
    let expert = app
        .bookable_expert(&format!("expert-{who}"), "Cellist")
        .await;
    assert_eq!(slots_status(app, expert.id).await, 200);
    // Lockout falls back to this instance's own counters: still locked after three.
    let stranger = app.another_client();
    for _ in 0..3 {
        assert_eq!(login(&stranger, who, "wrong password!").await.status, 401);
    }
    let answer = login(&stranger, who, TEST_PASSWORD).await;
    assert_eq!((answer.status, answer.code()), (429, "login_locked"));
}

fn assert_degraded(answer: &Answer) {
    let body = &answer.json;
    assert_eq!(
        answer.status, 200,
        "a degraded instance stays in rotation: {answer}"
    );
    assert_eq!(body["status"], "degraded", "{answer}");
    assert_eq!(body["checks"]["redis"]["status"], "unavailable", "{answer}");
    assert!(body["checks"]["redis"]["reason"].is_string(), "{answer}");
    assert_eq!(body["checks"]["database"]["status"], "ok", "{answer}");
}

#[tokio::test]
async fn an_instance_starts_and_serves_while_redis_is_down() {
    let url = nothing_listening().await;
    let app = app_with_redis_at(Backend::Sqlite, url, "down".into())
        .await
        .expect("starts without Redis");
    let answer = readyz(&app).await;
    assert_degraded(&answer);
    serves_without_redis(&app, "ada@example.org").await;
}

/// Redis killed, then frozen, under a running instance; then back.
#[tokio::test]
async fn an_outage_degrades_the_instance_and_it_recovers_by_itself() {
    let Some(upstream) = service_url("TEST_REDIS_URL") else {
        return;
    };
    let gate = RedisGate::start(&upstream).await;
    let prefix = format!("test-{}", uuid::Uuid::now_v7());
    let Some(app) = app_with_redis_at(Backend::Postgres, gate.url.clone(), prefix).await else {
        return;
    };
    let answer = readyz(&app).await;
    assert_eq!(
        (answer.status, answer.json["status"].as_str()),
        (200, Some("ready"))
    );

    gate.set(Gate::Closed);
    serves_without_redis(&app, "killed@example.org").await;
    let answer = readyz(&app).await;
    assert_degraded(&answer);

    gate.set(Gate::Open);
    eventually("readyz to say ready again", || async {
        readyz(&app).await.json["status"] == "ready"
    })
    .await;

    gate.set(Gate::Frozen);
    serves_without_redis(&app, "frozen@example.org").await;
    let answer = readyz(&app).await;
    assert_degraded(&answer);

    gate.set(Gate::Open);
    eventually("readyz to say ready after the freeze", || async {
        readyz(&app).await.json["status"] == "ready"
    })
    .await;
    // Back on shared counters: a lockout set now is kept in Redis.
    let who = "after@example.org";
    app.create_user(who, &[domain::Role::Learner]).await;
    for _ in 0..3 {
        assert_eq!(login(&app, who, "wrong password!").await.status, 401);
    }
    assert_eq!(login(&app, who, TEST_PASSWORD).await.status, 429);
}

/// While Redis is away, each instance counts on its own and still refuses past the limit.
#[tokio::test]
async fn limits_hold_per_instance_while_redis_is_away() {
    let Some(upstream) = service_url("TEST_REDIS_URL") else {
        return;
    };
    let gate = RedisGate::start(&upstream).await;
    let prefix = format!("test-{}", uuid::Uuid::now_v7());
    let (url, p) = (gate.url.clone(), prefix.clone());
    let Some(app) = TestApp::builder(Backend::Postgres)
        .configure(move |c| {
            c.redis_url = Some(url);
            c.limits_prefix = p;
            c.limits = Limits {
                login_per_ip: Limit::per(2, Duration::from_secs(600)),
                ..Limits::default()
            };
            c.request_timeout = Duration::from_secs(3);
        })
        .spawn()
        .await
    else {
        return;
    };
    gate.set(Gate::Closed);
    let mut answers = Vec::new();
    for _ in 0..3 {
        let answer = login(&app, "someone@example.org", "wrong password!").await;
        answers.push((answer.status, answer.code().to_owned()));
    }
    let statuses: Vec<u16> = answers.iter().map(|(s, _)| *s).collect();
    assert_eq!(statuses, [401, 401, 429], "{answers:?}");
    assert_eq!(answers[2].1, "rate_limited", "{answers:?}");
}
