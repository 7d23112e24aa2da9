#![allow(clippy::expect_used, clippy::panic)] // a benchmark that cannot set up has nothing to measure

//! Stripe webhooks, end to end: signed `payment_intent.succeeded` deliveries over HTTP to a
//! real server, each stored with its job, handled by the server's two job workers (which
//! read the payment back from a local fake of Stripe, confirm the booking and post its
//! ledger journal), until every booking is confirmed. On SQLite (a file in a temporary
//! folder) and, when `BENCH_DATABASE_URL` names a PostgreSQL server, on a fresh database
//! there.
//!
//! `cargo bench -p mentora --bench webhooks` (results in BENCHMARKS.md).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::{Path, State};
use axum::routing::get;
use axum::{Json, Router};
use domain::booking::{Actor, BookingStatus};
use futures::StreamExt;
use jiff::{SignedDuration, Timestamp};
use serde_json::json;
use store::bookings::{Attribution, NewBooking};

const EVENTS: usize = 400;
const IN_FLIGHT: usize = 8;
const PRICE: i64 = 4000;
const SECRET: &str = "whsec_bench";

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let dir = std::env::temp_dir().join(format!("mentora-webhooks-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let sqlite = format!("sqlite://{}/bench.db", dir.display());
    measure("SQLite", &sqlite, &dir).await;
    if let Ok(admin) = std::env::var("BENCH_DATABASE_URL") {
        let name = format!("mentora_webhooks_bench_{}", std::process::id());
        let url = fresh_postgres(&admin, &name).await;
        measure("PostgreSQL", &url, &dir).await;
        drop_postgres(&admin, &name).await;
    }
    let _ = std::fs::remove_dir_all(&dir);
}

async fn fresh_postgres(admin: &str, name: &str) -> String {
    use sqlx::Connection;
    let mut conn = sqlx::PgConnection::connect(admin)
        .await
        .expect("PostgreSQL");
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE \"{name}\"")))
        .execute(&mut conn)
        .await
        .expect("a fresh database");
    let base = admin.split('?').next().unwrap_or(admin);
    let (server, _) = base.rsplit_once('/').unwrap_or((base, ""));
    format!("{server}/{name}")
}

async fn drop_postgres(admin: &str, name: &str) {
    use sqlx::Connection;
    let mut conn = sqlx::PgConnection::connect(admin)
        .await
        .expect("PostgreSQL");
    let _ = sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"
    )))
    .execute(&mut conn)
    .await;
}

/// Payment intents the fake answers for: id → booking id.
type Intents = Arc<std::sync::Mutex<HashMap<String, String>>>;

async fn fake_stripe(intents: Intents) -> String {
    let app = Router::new()
        .route(
            "/v1/payment_intents/{id}",
            get(
                |State(intents): State<Intents>, Path(id): Path<String>| async move {
                    let booking = intents.lock().expect("intents")[&id].clone();
                    Json(json!({
                        "id": id, "object": "payment_intent", "status": "succeeded",
                        "amount": PRICE, "currency": "eur", "metadata": {"booking_id": booking},
                        "latest_charge": "ch_bench",
                    }))
                },
            ),
        )
        .route(
            "/v1/refunds",
            get(|| async { Json(json!({"object": "list", "data": [], "has_more": false})) }),
        )
        .with_state(intents);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(async move { axum::serve(listener, app).await });
    url
}

async fn measure(name: &str, url: &str, dir: &std::path::Path) {
    let intents: Intents = Arc::default();
    let stripe = fake_stripe(intents.clone()).await;
    let mut config =
        mentora::config::Config::load(&mentora::config::Sources::default()).expect("config");
    config.database_url = url.to_owned();
    config.data_dir = dir.join(name);
    config.stripe_secret_key = Some("sk_test_bench".into());
    config.stripe_webhook_secret = Some(SECRET.into());
    config.stripe_publishable_key = Some("pk_test_bench".into());
    config.stripe_api_base = stripe;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    config.addr = listener.local_addr().expect("addr");
    let app = mentora::app::build(&config).await.expect("the app");
    mentora::commands::demo::seed(&app.db, &config)
        .await
        .expect("demo data");
    let ids = held_bookings(&app.db, &intents).await;
    let deps = app.job_deps(&config);
    let _workers = app::jobs::worker::Workers::start(deps, 2);
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let limits = mentora::connections::serve_limits(&config);
    let db = app.db.clone();
    tokio::spawn(web::serve(
        listener,
        app.router,
        async move {
            let _ = stopped.await;
        },
        limits,
    ));
    let endpoint = format!("http://{}/api/v1/webhooks/stripe", config.addr);
    let client = reqwest::Client::new();

    let started = Instant::now();
    let accepted: Vec<bool> = futures::stream::iter(ids.iter().enumerate())
        .map(|(n, (booking, intent))| {
            let client = client.clone();
            let endpoint = endpoint.clone();
            async move {
                let body = json!({
                    "id": format!("evt_bench_{n}"), "object": "event",
                    "type": "payment_intent.succeeded", "created": Timestamp::now().as_second(),
                    "data": {"object": {"id": intent, "object": "payment_intent",
                        "metadata": {"booking_id": booking}}},
                })
                .to_string();
                let signature =
                    payments::webhook::sign(body.as_bytes(), SECRET, Timestamp::now().as_second());
                client
                    .post(&endpoint)
                    .header("stripe-signature", signature)
                    .header("content-type", "application/json")
                    .body(body)
                    .send()
                    .await
                    .is_ok_and(|r| r.status().is_success())
            }
        })
        .buffer_unordered(IN_FLIGHT)
        .collect()
        .await;
    let delivered = started.elapsed();
    assert!(accepted.iter().all(|a| *a), "every delivery is accepted");
    let expected = PRICE * i64::try_from(EVENTS).expect("few events");
    loop {
        let far = Timestamp::now() + SignedDuration::from_hours(1);
        let cash = store::ledger::balance(&db, "platform:cash", "EUR", far)
            .await
            .expect("the ledger");
        if cash == expected {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(300),
            "not done in 5 minutes"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let done = started.elapsed();
    println!(
        "{name}: {EVENTS} deliveries accepted in {:.2} s ({:.0}/s); all {EVENTS} bookings confirmed and posted in {:.2} s ({:.0} events/s end to end)",
        delivered.as_secs_f64(),
        EVENTS as f64 / delivered.as_secs_f64(),
        done.as_secs_f64(),
        EVENTS as f64 / done.as_secs_f64(),
    );
    let _ = stop.send(());
}

/// `EVENTS` held bookings with Stripe payments started, an hour apart, far enough ahead.
async fn held_bookings(db: &store::Database, intents: &Intents) -> Vec<(String, String)> {
    let email = |local: &str| {
        domain::EmailAddress::parse(&format!("{local}@{}", mentora::commands::demo::DOMAIN))
            .expect("an address")
    };
    let learner = store::users::find_by_email(db, &email("learner"))
        .await
        .expect("users")
        .expect("the demo learner");
    let expert = store::users::find_by_email(db, &email("expert1"))
        .await
        .expect("users")
        .expect("a demo expert");
    let first = Timestamp::now() + SignedDuration::from_hours(24 * 30);
    let mut ids = Vec::new();
    for n in 0..EVENTS {
        let id = db.new_id();
        let start = first + SignedDuration::from_hours(i64::try_from(n).expect("few") * 2);
        let end = start + SignedDuration::from_hours(1);
        let intent = format!("pi_bench{}", id.simple());
        let new = NewBooking {
            id,
            expert_id: expert.id,
            learner_id: learner.id,
            status: BookingStatus::Held,
            start_at: start,
            end_at: end,
            blocked_from: start,
            blocked_to: end,
            duration_minutes: 60,
            hold_expires_at: Timestamp::now() + SignedDuration::from_hours(1),
            price_amount: PRICE,
            currency: "EUR".into(),
            policy: "moderate:24=100,2=50".into(),
            note: None,
            series_id: id,
            sequence: 0,
            rescheduled_from: None,
            payment_provider: "stripe".into(),
            payment_ref: Some(intent.clone()),
            paid_amount: 0,
            refunded_amount: 0,
            policy_start_at: start,
            reschedule_count: 0,
            commission_bps: 1500,
        };
        let by = Attribution {
            actor: Actor::Learner,
            actor_id: Some(learner.id),
            reason: None,
            now: Timestamp::now(),
        };
        store::bookings::hold(db, &new, None, by)
            .await
            .expect("a hold");
        intents
            .lock()
            .expect("intents")
            .insert(intent.clone(), id.to_string());
        ids.push((id.to_string(), intent));
    }
    ids
}
