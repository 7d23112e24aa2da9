//! Payout onboarding against Stripe Connect's HTTP API. localstripe has no Connect
//! endpoints, so a wire-level fake stands in: it asserts the exact form parameters Stripe
//! documents for Express accounts and account links, and answers as Stripe does. Webhooks
//! are signed as Stripe signs them.

use std::sync::{Arc, Mutex};

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::testkit::{Backend, TestApp};

type Seen = Arc<Mutex<Vec<(String, String, Vec<(String, String)>)>>>;

/// Starts the fake on a free port; returns its URL and what it received.
async fn fake_stripe() -> (String, Seen) {
    let seen: Seen = Arc::default();
    let record = |seen: &Seen, what: &str, headers: &HeaderMap, form: Vec<(String, String)>| {
        let auth = headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        let key = headers
            .get("idempotency-key")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        seen.lock()
            .unwrap()
            .push((what.to_owned(), format!("{auth}|{key}"), form));
    };
    let app = Router::new()
        .route(
            "/v1/accounts",
            post(move |State(seen): State<Seen>, headers: HeaderMap, Form(form): Form<Vec<(String, String)>>| async move {
                record(&seen, "create_account", &headers, form);
                Json(json!({"id": "acct_1Fake", "object": "account", "charges_enabled": false, "payouts_enabled": false}))
            }),
        )
        .route(
            "/v1/account_links",
            post(move |State(seen): State<Seen>, headers: HeaderMap, Form(form): Form<Vec<(String, String)>>| async move {
                record(&seen, "account_link", &headers, form);
                Json(json!({"object": "account_link", "url": "https://connect.stripe.com/setup/e/acct_1Fake/abc"}))
            }),
        )
        .route(
            "/v1/accounts/{id}",
            get(move |State(seen): State<Seen>, headers: HeaderMap, Path(id): Path<String>| async move {
                record(&seen, &format!("get_account {id}"), &headers, Vec::new());
                Json(json!({
                    "id": id, "object": "account", "charges_enabled": true, "payouts_enabled": false,
                    "requirements": {"currently_due": ["external_account"]},
                }))
            }),
        )
        .with_state(seen.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    (url, seen)
}

const SECRET: &str = "whsec_test_secret";

async fn deliver(app: &TestApp, event: &Value, signed_at: i64, secret: &str) -> reqwest::Response {
    crate::fake_stripe::deliver_signed(app, event, secret, signed_at).await
}

fn account_updated(id: &str, created: i64, enabled: bool, due: &[&str]) -> Value {
    json!({
        "id": id, "object": "event", "type": "account.updated", "created": created,
        "data": {"object": {"id": "acct_1Fake", "object": "account", "charges_enabled": enabled,
                            "payouts_enabled": enabled, "requirements": {"currently_due": due}}},
    })
}

/// An app wired to a fresh Stripe fake; returns the app and what the fake received.
async fn app_with_stripe(backend: Backend) -> Option<(TestApp, Seen)> {
    let (stripe_url, seen) = fake_stripe().await;
    let app = TestApp::builder(backend)
        .configure(move |c| {
            c.stripe_secret_key = Some("sk_test_fake".into());
            c.stripe_webhook_secret = Some(SECRET.into());
            c.stripe_api_base = stripe_url;
        })
        .spawn()
        .await?;
    Some((app, seen))
}

/// connect@example.org applies to mentor Go; returns the user and their API token.
async fn applicant(app: &TestApp) -> (store::users::User, String) {
    let expert = app.create_user("connect@example.org", &[]).await;
    let (token, _) = app.api_log_in("connect@example.org").await;
    let application = json!({
        "headline": "Go mentor", "bio": "Hello", "specialties": ["go"], "languages": ["en"],
        "currency": "USD", "rates": [{"duration_minutes": 60, "amount": 8000}],
    });
    assert_eq!(
        app.bearer(Method::POST, "/api/v1/experts/application", &token)
            .json(&application)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        201
    );
    (expert, token)
}

/// The application is submitted and a verifier approves it.
async fn approve(app: &TestApp, expert: &store::users::User) {
    app.create_user("verifier@example.org", &[domain::Role::Admin])
        .await;
    let (admin, _) = app.api_log_in("verifier@example.org").await;
    store::experts::submit(&app.db, expert.id)
        .await
        .unwrap()
        .unwrap();
    let decided = app
        .bearer(
            Method::POST,
            &format!("/api/v1/admin/experts/{}/decision", expert.id),
            &admin,
        )
        .json(&json!({"decision": "approve", "reason": "All checked."}))
        .send()
        .await
        .unwrap();
    assert_eq!(decided.status().as_u16(), 200);
}

async fn start_onboarding(app: &TestApp, token: &str) -> reqwest::Response {
    app.bearer(Method::POST, "/api/v1/experts/me/payouts/onboarding", token)
        .send()
        .await
        .unwrap()
}

type Expert = (TestApp, Seen, store::users::User, String);

/// An approved expert who has not started payout onboarding yet.
async fn approved_expert(backend: Backend) -> Option<Expert> {
    let (app, seen) = app_with_stripe(backend).await?;
    let (expert, token) = applicant(&app).await;
    approve(&app, &expert).await;
    // The decision's in-app notice; the tests count the jobs webhooks make.
    app.run_jobs().await;
    Some((app, seen, expert, token))
}

/// An approved expert whose Stripe account exists (onboarding started once).
async fn onboarded_expert(backend: Backend) -> Option<Expert> {
    let (app, seen, expert, token) = approved_expert(backend).await?;
    let started = start_onboarding(&app, &token).await;
    assert_eq!(started.status().as_u16(), 200);
    Some((app, seen, expert, token))
}

/// `GET /api/v1/experts/me/payouts`, which reads the account from Stripe.
async fn payout_status(app: &TestApp, token: &str) -> Value {
    app.bearer(Method::GET, "/api/v1/experts/me/payouts", token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

async fn payout_onboarding_waits_for_approval(backend: Backend) {
    let Some((app, seen)) = app_with_stripe(backend).await else {
        return;
    };
    let (expert, token) = applicant(&app).await;
    let early = start_onboarding(&app, &token).await;
    assert_eq!(early.status().as_u16(), 409);
    assert!(seen.lock().unwrap().is_empty(), "no Stripe account yet");
    approve(&app, &expert).await;
    let started = start_onboarding(&app, &token).await;
    assert_eq!(started.status().as_u16(), 200);
}

async fn starting_onboarding_creates_an_express_account_and_links_to_stripe(backend: Backend) {
    let Some((app, seen, expert, token)) = approved_expert(backend).await else {
        return;
    };
    let started = start_onboarding(&app, &token).await;
    assert_eq!(started.status().as_u16(), 200);
    let body: Value = started.json().await.unwrap();
    assert_eq!(
        body["url"],
        "https://connect.stripe.com/setup/e/acct_1Fake/abc"
    );
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 2, "{seen:?}");
    let (what, auth, form) = &seen[0];
    assert_eq!(what, "create_account");
    assert_eq!(
        auth,
        &format!("Bearer sk_test_fake|mentora-connect-account-{}", expert.id)
    );
    let user_id = expert.id.to_string();
    let expected: Vec<(&str, &str)> = vec![
        ("type", "express"),
        ("email", "connect@example.org"),
        ("business_type", "individual"),
        ("capabilities[card_payments][requested]", "true"),
        ("capabilities[transfers][requested]", "true"),
        ("metadata[mentora_user_id]", &user_id),
    ];
    let got: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(got, expected);
    let (what, _, form) = &seen[1];
    assert_eq!(what, "account_link");
    let got: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let origin = app.origin();
    let host = origin.trim_start_matches("http://");
    assert_eq!(
        got,
        [
            ("account", "acct_1Fake"),
            (
                "refresh_url",
                format!("http://{host}/experts/payouts/refresh").as_str()
            ),
            (
                "return_url",
                format!("http://{host}/experts/payouts/return").as_str()
            ),
            ("type", "account_onboarding"),
        ]
    );
}

async fn starting_onboarding_again_reuses_the_stripe_account(backend: Backend) {
    let Some((app, seen, _, token)) = onboarded_expert(backend).await else {
        return;
    };
    let again = start_onboarding(&app, &token).await;
    assert_eq!(again.status().as_u16(), 200);
    assert_eq!(
        seen.lock()
            .unwrap()
            .iter()
            .filter(|s| s.0 == "create_account")
            .count(),
        1
    );
}

async fn payout_status_shows_what_stripe_still_needs(backend: Backend) {
    let Some((app, seen, _, token)) = onboarded_expert(backend).await else {
        return;
    };
    let status = payout_status(&app, &token).await;
    assert!(
        seen.lock()
            .unwrap()
            .iter()
            .any(|s| s.0 == "get_account acct_1Fake"),
        "the account is read from Stripe"
    );
    assert_eq!(status["requirements"], json!(["external_account"]));
    assert_eq!(
        (
            status["charges_enabled"].as_bool(),
            status["payouts_enabled"].as_bool()
        ),
        (Some(true), Some(false))
    );
}

async fn account_webhooks_apply_once_and_the_newest_state_wins(backend: Backend) {
    let Some((app, _, expert, token)) = onboarded_expert(backend).await else {
        return;
    };
    // Stripe still needs something, so the expert is not bookable yet.
    payout_status(&app, &token).await;
    let before = store::experts::find(&app.db, expert.id)
        .await
        .unwrap()
        .unwrap();
    assert!(!before.bookable(), "{before:?}");
    assert_eq!(before.payout.requirements, ["external_account"]);

    let now = chrono::Utc::now().timestamp();
    let newer = account_updated("evt_2", now + 5, true, &[]);
    let older = account_updated(
        "evt_1",
        now - 100,
        false,
        &["individual.verification.document"],
    );
    let res = deliver(&app, &newer, now, SECRET).await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["applied"], true);
    let res = deliver(&app, &newer, now, SECRET).await;
    assert_eq!(
        res.json::<Value>().await.unwrap()["applied"],
        false,
        "a retry changes nothing"
    );
    // An older event is stored and handled, and loses to what is known.
    let res = deliver(&app, &older, now, SECRET).await;
    assert_eq!(res.json::<Value>().await.unwrap()["applied"], true);
    assert_eq!(app.run_jobs().await, 2, "one job per stored event");
    let profile = store::experts::find(&app.db, expert.id)
        .await
        .unwrap()
        .unwrap();
    assert!(profile.bookable(), "{profile:?}");
    assert!(profile.payout.requirements.is_empty());
}

async fn forged_late_and_unsigned_webhooks_are_refused_and_change_nothing(backend: Backend) {
    let Some((app, _, expert, _)) = onboarded_expert(backend).await else {
        return;
    };
    // An authentic delivery makes the expert bookable first.
    let now = chrono::Utc::now().timestamp();
    let res = deliver(
        &app,
        &account_updated("evt_2", now + 5, true, &[]),
        now,
        SECRET,
    )
    .await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["applied"], true);
    assert_eq!(app.run_jobs().await, 1);

    let forged = account_updated("evt_3", now + 10, false, &["x"]);
    assert_eq!(
        deliver(&app, &forged, now, "whsec_wrong")
            .await
            .status()
            .as_u16(),
        400
    );
    assert_eq!(
        deliver(&app, &forged, now - 301, SECRET)
            .await
            .status()
            .as_u16(),
        400
    );
    let unsigned = app
        .client
        .post(app.at("/api/v1/webhooks/stripe"))
        .body(forged.to_string())
        .send()
        .await
        .unwrap();
    let problem: Value = unsigned.json().await.unwrap();
    assert_eq!(problem["code"], "webhook_invalid");
    assert_eq!(
        app.run_jobs().await,
        0,
        "refused deliveries are never processed"
    );
    assert!(
        store::experts::find(&app.db, expert.id)
            .await
            .unwrap()
            .unwrap()
            .bookable()
    );
    let listed: Value = app.get("/api/v1/experts?q=go").await.json().await.unwrap();
    assert_eq!(listed["experts"][0]["id"], expert.id.to_string());
}

async fn the_payout_sandbox_is_hidden_with_a_real_provider(backend: Backend) {
    // An onboarded expert is exactly who the sandbox would otherwise mark as paid out.
    let Some((app, _, _, _)) = onboarded_expert(backend).await else {
        return;
    };
    let browser = app.another_client();
    browser.log_in_as("connect@example.org").await;
    assert_eq!(
        browser
            .get("/experts/payouts/sandbox")
            .await
            .status()
            .as_u16(),
        404
    );
    assert_eq!(
        browser
            .submit("/experts/payouts/sandbox", &[])
            .await
            .status()
            .as_u16(),
        404
    );
}

async fn webhooks_do_not_exist_without_stripe(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let event = account_updated("evt_x", chrono::Utc::now().timestamp(), true, &[]);
    let res = deliver(&app, &event, chrono::Utc::now().timestamp(), SECRET).await;
    assert_eq!(res.status().as_u16(), 404);
}

both_backends!(
    payout_onboarding_waits_for_approval,
    starting_onboarding_creates_an_express_account_and_links_to_stripe,
    starting_onboarding_again_reuses_the_stripe_account,
    payout_status_shows_what_stripe_still_needs,
    account_webhooks_apply_once_and_the_newest_state_wins,
    forged_late_and_unsigned_webhooks_are_refused_and_change_nothing,
    the_payout_sandbox_is_hidden_with_a_real_provider,
    webhooks_do_not_exist_without_stripe,
);
