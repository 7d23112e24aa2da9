//! Learners' payments through Stripe, against the wire-level fake in `fake_stripe`: the
//! payment starts with the hold, with exactly Stripe's parameters and headers; a webhook
//! (verified, stored once, handled by a job) confirms the booking once; events in any
//! order, a missed one, or a tampered amount come out right; cancellations refund through
//! Stripe once; and every cent is in a ledger that balances and matches Stripe's totals.

use reqwest::Method;
use serde_json::{Value, json};

use crate::bookings::{at, rules};
use crate::both_backends;
use crate::fake_stripe::{self, FakeStripe, SECRET, SECRET_KEY};
use crate::testkit::{Backend, TestApp, send};

/// An app whose payments go to a fresh fake Stripe.
pub(crate) async fn app_with_stripe(backend: Backend) -> Option<(TestApp, FakeStripe)> {
    app_with_stripe_on(TestApp::builder(backend)).await
}

/// An app built by `builder` (a clock of the test's, say) whose payments go to a fresh
/// fake Stripe.
pub(crate) async fn app_with_stripe_on(
    builder: crate::testkit::TestAppBuilder,
) -> Option<(TestApp, FakeStripe)> {
    let stripe = FakeStripe::start().await;
    let url = stripe.url.clone();
    let app = builder
        .configure(move |c| {
            c.stripe_secret_key = Some(SECRET_KEY.into());
            c.stripe_webhook_secret = Some(SECRET.into());
            c.stripe_publishable_key = Some("pk_test_payments".into());
            c.stripe_js_url = format!("{url}/v3/");
            c.stripe_api_base = url;
        })
        .spawn()
        .await?;
    Some((app, stripe))
}

/// A bookable expert charging `price` (minor units of `currency`) for an hour.
pub(crate) async fn expert_priced(
    app: &TestApp,
    email: &str,
    currency: &str,
    price: i64,
) -> store::users::User {
    let user = app
        .bookable_expert_priced(email, "Patient lessons", currency, &[(60, price)])
        .await;
    let (token, _) = app.api_log_in(email).await;
    let answer = send(
        app,
        Method::PUT,
        "/api/v1/experts/me/availability",
        &token,
        Some(rules(0)),
    )
    .await;
    assert_eq!(answer.status, 200, "{answer}");
    user
}

/// A held booking and its Stripe payment.
pub(crate) struct Held {
    pub id: String,
    pub intent: String,
    pub client_secret: String,
}

pub(crate) async fn hold(
    app: &TestApp,
    learner: &str,
    expert: &store::users::User,
    day: i64,
) -> Held {
    let answer = send(
        app,
        Method::POST,
        "/api/v1/bookings",
        learner,
        Some(json!({"expert_id": expert.id, "start": at(day, 10, 0), "duration_minutes": 60})),
    )
    .await;
    assert_eq!(answer.status, 201, "{answer}");
    let id = answer.json["id"].as_str().unwrap().to_owned();
    let row = store::bookings::find(&app.db, id.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    Held {
        id,
        intent: row.payment_ref.expect("the hold started a payment"),
        client_secret: answer.json["payment"]["client_secret"]
            .as_str()
            .expect("the learner gets the client secret")
            .to_owned(),
    }
}

/// The learner pays at Stripe and Stripe's event is delivered and handled.
pub(crate) async fn pay(app: &TestApp, stripe: &FakeStripe, held: &Held) {
    stripe.succeed(&held.intent);
    let event = stripe.event("payment_intent.succeeded", stripe.intent(&held.intent));
    assert_eq!(fake_stripe::deliver(app, &event).await.0, 200);
    app.run_jobs().await;
}

/// An operator, ops@example.org, and their API token.
pub(crate) async fn operator(app: &TestApp) -> String {
    app.create_user("ops@example.org", &[domain::Role::Admin])
        .await;
    app.api_log_in("ops@example.org").await.0
}

pub(crate) async fn booking(app: &TestApp, id: &str) -> store::bookings::BookingRow {
    store::bookings::find(&app.db, id.parse().unwrap())
        .await
        .unwrap()
        .unwrap()
}

/// The ledger's lines for a booking as (journal kind, account kind, amount), the account
/// with the person's id left out.
pub(crate) async fn ledger_of(app: &TestApp, id: &str) -> Vec<(String, String, i64)> {
    store::ledger::for_booking(&app.db, id.parse().unwrap())
        .await
        .unwrap()
        .into_iter()
        .map(|(kind, account, amount)| {
            let short = match account.split(':').collect::<Vec<_>>()[..] {
                [who, _, what] => format!("{who}:{what}"),
                _ => account,
            };
            (kind, short, amount)
        })
        .collect()
}

/// Every currency's lines add up to zero.
async fn assert_balanced(app: &TestApp) {
    let now = jiff::Timestamp::now() + jiff::SignedDuration::from_hours(1);
    let mut sums = std::collections::HashMap::<String, i64>::new();
    for b in store::ledger::trial_balance(&app.db, now).await.unwrap() {
        *sums.entry(b.currency).or_default() += b.balance;
    }
    assert!(sums.values().all(|s| *s == 0), "unbalanced: {sums:?}");
}

async fn a_hold_starts_one_payment_with_stripes_exact_parameters(backend: Backend) {
    let Some((app, stripe)) = app_with_stripe(backend).await else {
        return;
    };
    let ana = expert_priced(&app, "ana@example.org", "EUR", 4000).await;
    let (_, leo) = crate::bookings::learner(&app, "leo@example.org").await;
    let held = hold(&app, &leo, &ana, 3).await;
    let created = stripe.seen_at("POST", "/v1/payment_intents");
    assert_eq!(created.len(), 1, "{created:?}");
    assert_eq!(
        created[0].idempotency_key.as_deref(),
        Some(format!("mentora-payment-{}", held.id).as_str())
    );
    assert_eq!(
        created[0].form,
        [
            ("amount", "4000"),
            ("currency", "eur"),
            ("automatic_payment_methods[enabled]", "true"),
            ("description", &format!("Mentora session {}", held.id)),
            ("metadata[booking_id]", &held.id),
            ("transfer_group", &held.id),
        ]
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
    );
    assert_eq!(held.client_secret, format!("{}_secret_fake", held.intent));

    // The checkout page mounts the Payment Element with the same payment (read, not made
    // again), opens Stripe.js's origin in its own CSP only, and is never cached.
    let browser = app.another_client();
    browser.log_in_as("leo@example.org").await;
    let page = browser
        .get(&format!("/bookings/{}/checkout", held.id))
        .await;
    assert_eq!(page.status().as_u16(), 200);
    let csp = page.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csp.contains(&format!("script-src 'self' {}", stripe.url)),
        "{csp}"
    );
    assert!(
        csp.contains("frame-src") && csp.contains("https://hooks.stripe.com"),
        "{csp}"
    );
    assert_eq!(page.headers()["cache-control"], "no-store");
    let html = page.text().await.unwrap();
    assert!(
        html.contains(&held.client_secret),
        "the element gets the client secret"
    );
    assert!(html.contains("data-expires-at="), "the hold counts down");
    assert!(
        !html.contains("test-mode-banner"),
        "no sandbox banner with Stripe"
    );
    assert_eq!(stripe.seen_at("POST", "/v1/payment_intents").len(), 1);
    assert_eq!(
        stripe
            .seen_at("GET", &format!("/v1/payment_intents/{}", held.intent))
            .len(),
        1
    );
    // Every other page keeps the site's own policy.
    let home = browser.get("/").await;
    let csp = home.headers()["content-security-policy"].to_str().unwrap();
    assert!(!csp.contains(&stripe.url), "{csp}");
    // Someone else's checkout is not found.
    let (_, _) = crate::bookings::learner(&app, "mia@example.org").await;
    let other = app.another_client();
    other.log_in_as("mia@example.org").await;
    assert_eq!(
        other
            .get(&format!("/bookings/{}/checkout", held.id))
            .await
            .status()
            .as_u16(),
        404
    );
}

async fn a_succeeded_payment_confirms_once_and_the_ledger_splits_it(backend: Backend) {
    let Some((app, stripe)) = app_with_stripe(backend).await else {
        return;
    };
    let ana = expert_priced(&app, "ana@example.org", "EUR", 4555).await;
    let (_, leo) = crate::bookings::learner(&app, "leo@example.org").await;
    let held = hold(&app, &leo, &ana, 3).await;
    stripe.succeed(&held.intent);
    let event = stripe.event("payment_intent.succeeded", stripe.intent(&held.intent));
    assert_eq!(
        fake_stripe::deliver(&app, &event).await,
        (200, json!({"received": true, "applied": true}))
    );
    // Stored, not yet handled: the booking waits for the job.
    assert_eq!(booking(&app, &held.id).await.status, "held");
    app.run_jobs().await;
    let row = booking(&app, &held.id).await;
    assert_eq!((row.status.as_str(), row.paid_amount), ("confirmed", 4555));
    // 15 % of 45.55 is 6.8325: the platform keeps 6.83, the expert is owed 38.72.
    assert_eq!(
        ledger_of(&app, &held.id).await,
        [
            ("payment".into(), "expert:payable".into(), -3872),
            ("payment".into(), "platform:cash".into(), 4555),
            ("payment".into(), "platform:commission".into(), -683),
        ]
    );
    // Stripe retries the delivery: acknowledged, nothing new.
    assert_eq!(
        fake_stripe::deliver(&app, &event).await,
        (200, json!({"received": true, "applied": false}))
    );
    assert_eq!(app.run_jobs().await, 0);
    // A second event about the same payment changes nothing either.
    let again = stripe.event("payment_intent.succeeded", stripe.intent(&held.intent));
    assert_eq!(fake_stripe::deliver(&app, &again).await.0, 200);
    app.run_jobs().await;
    assert_eq!(ledger_of(&app, &held.id).await.len(), 3);
    let events = store::bookings::events(&app.db, row.series_id)
        .await
        .unwrap();
    assert_eq!(
        events.iter().filter(|e| e.to_status == "confirmed").count(),
        1,
        "confirmed once"
    );
    assert_balanced(&app).await;
    // The status page Stripe returns the learner to goes on to the booking.
    let browser = app.another_client();
    browser.log_in_as("leo@example.org").await;
    let done = browser
        .get(&format!(
            "/bookings/{}/checkout/complete?redirect_status=succeeded",
            held.id
        ))
        .await;
    assert!(done.status().is_redirection(), "{}", done.status());
    assert_eq!(
        done.headers()["location"],
        format!("/bookings/{}?booked=1", held.id).as_str()
    );
}

async fn refused_deliveries_are_never_stored_or_handled(backend: Backend) {
    let Some((app, stripe)) = app_with_stripe(backend).await else {
        return;
    };
    let ana = expert_priced(&app, "ana@example.org", "EUR", 4000).await;
    let (_, leo) = crate::bookings::learner(&app, "leo@example.org").await;
    let held = hold(&app, &leo, &ana, 3).await;
    // The expert is told of the hold; nothing else is queued.
    app.run_jobs().await;
    stripe.succeed(&held.intent);
    let event = stripe.event("payment_intent.succeeded", stripe.intent(&held.intent));
    let now = chrono::Utc::now().timestamp();
    for (secret, signed_at) in [
        ("whsec_wrong", now),
        // A minute past the tolerance either way: a loaded machine taking a second or
        // two to deliver must not bring a future stamp back inside it.
        (SECRET, now - payments::webhook::TOLERANCE_SECS - 60),
        (SECRET, now + payments::webhook::TOLERANCE_SECS + 60),
    ] {
        let res = fake_stripe::deliver_signed(&app, &event, secret, signed_at).await;
        assert_eq!(res.status().as_u16(), 400);
        let problem: Value = res.json().await.unwrap();
        assert_eq!(problem["code"], "webhook_invalid");
    }
    // A tampered body under a genuine signature.
    let body = event.to_string();
    let signature = payments::webhook::sign(body.as_bytes(), SECRET, now);
    let tampered = body.replace("succeeded", "succeedes");
    let res = app
        .client
        .post(app.at("/api/v1/webhooks/stripe"))
        .header("stripe-signature", signature)
        .body(tampered)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 400);
    assert_eq!(app.run_jobs().await, 0, "nothing was stored to handle");
    assert_eq!(booking(&app, &held.id).await.status, "held");
}

async fn a_refund_event_before_its_payment_event_records_both(backend: Backend) {
    let Some((app, stripe)) = app_with_stripe(backend).await else {
        return;
    };
    let ana = expert_priced(&app, "ana@example.org", "EUR", 4000).await;
    let (_, leo) = crate::bookings::learner(&app, "leo@example.org").await;
    let held = hold(&app, &leo, &ana, 3).await;
    stripe.succeed(&held.intent);
    let dashboard = stripe.refund_in_dashboard(&held.intent, 1000);
    // Stripe delivers the refund's event first.
    let refunded = stripe.event("charge.refunded", stripe.charge_of(&held.intent));
    let succeeded = stripe.event("payment_intent.succeeded", stripe.intent(&held.intent));
    assert_eq!(fake_stripe::deliver(&app, &refunded).await.0, 200);
    app.run_jobs().await;
    let row = booking(&app, &held.id).await;
    assert_eq!(
        (row.status.as_str(), row.paid_amount, row.refunded_amount),
        ("confirmed", 4000, 1000)
    );
    let refunds = store::refunds::for_booking(&app.db, row.id).await.unwrap();
    assert_eq!(refunds.len(), 1);
    assert_eq!(
        (
            refunds[0].status.as_str(),
            refunds[0].provider_ref.as_deref()
        ),
        ("sent", Some(dashboard.as_str()))
    );
    assert_eq!(fake_stripe::deliver(&app, &succeeded).await.0, 200);
    app.run_jobs().await;
    let lines = ledger_of(&app, &held.id).await;
    // The payment, the refund decided (15 % of it out of the commission), and sent.
    assert_eq!(
        lines.iter().filter(|l| l.0 == "payment").count(),
        3,
        "{lines:?}"
    );
    assert!(lines.contains(&("refund_decided".into(), "platform:commission".into(), 150)));
    assert!(lines.contains(&("refund_decided".into(), "expert:payable".into(), 850)));
    assert!(lines.contains(&("refund_sent".into(), "platform:cash".into(), -1000)));
    assert_eq!(lines.len(), 8, "{lines:?}");
    assert_balanced(&app).await;
}

async fn a_missed_webhook_heals_by_reconciliation(backend: Backend) {
    let Some((app, stripe)) = app_with_stripe(backend).await else {
        return;
    };
    let ana = expert_priced(&app, "ana@example.org", "EUR", 4000).await;
    let (_, leo) = crate::bookings::learner(&app, "leo@example.org").await;
    let held = hold(&app, &leo, &ana, 3).await;
    let waiting = hold(&app, &leo, &ana, 4).await;
    stripe.succeed(&held.intent);
    // No event arrives. The periodic reconciliation asks Stripe about waiting bookings.
    let kind = app::jobs::kind("reconcile_payments").unwrap();
    app::jobs::enqueue(&app.db, kind, &json!({}), None, app.db.clock().now())
        .await
        .unwrap();
    app.run_jobs().await;
    assert_eq!(booking(&app, &held.id).await.status, "confirmed");
    assert_eq!(
        booking(&app, &waiting.id).await.status,
        "held",
        "not paid yet"
    );
    assert!(
        app::jobs::schedule::PERIODIC
            .iter()
            .any(|(name, every)| *name == "reconcile_payments" && every.as_mins() <= 5),
        "it runs within minutes"
    );
}

async fn a_payment_that_does_not_match_the_price_never_confirms(backend: Backend) {
    let Some((app, stripe)) = app_with_stripe(backend).await else {
        return;
    };
    let ana = expert_priced(&app, "ana@example.org", "EUR", 4000).await;
    let (_, leo) = crate::bookings::learner(&app, "leo@example.org").await;
    let held = hold(&app, &leo, &ana, 3).await;
    // A payment made elsewhere that names the booking pays for nothing here.
    let stray = stripe.stray_intent(&held.id, 4000, "eur");
    stripe.succeed(&stray);
    fake_stripe::deliver(
        &app,
        &stripe.event("payment_intent.succeeded", stripe.intent(&stray)),
    )
    .await;
    app.run_jobs().await;
    assert_eq!(
        booking(&app, &held.id).await.status,
        "held",
        "not the booking's payment"
    );
    stripe.set_amount(&held.intent, 50);
    stripe.succeed(&held.intent);
    let event = stripe.event("payment_intent.succeeded", stripe.intent(&held.intent));
    assert_eq!(fake_stripe::deliver(&app, &event).await.0, 200);
    app.run_jobs().await;
    assert_eq!(booking(&app, &held.id).await.status, "held");
    assert!(ledger_of(&app, &held.id).await.is_empty());
    let failed = app::jobs::list(&app.db, &[store::jobs::JobStatus::Failed], 10)
        .await
        .unwrap();
    assert!(
        failed.iter().any(|j| j.kind == "stripe_event"
            && j.last_error.as_deref().is_some_and(|e| e.contains("costs"))),
        "the job fails with the mismatch, for an operator to see: {failed:?}"
    );
}

async fn a_cancellation_refunds_through_stripe_exactly_once(backend: Backend) {
    let Some((app, stripe)) = app_with_stripe(backend).await else {
        return;
    };
    let ana = expert_priced(&app, "ana@example.org", "EUR", 4000).await;
    let (_, leo) = crate::bookings::learner(&app, "leo@example.org").await;
    let held = hold(&app, &leo, &ana, 3).await;
    pay(&app, &stripe, &held).await;
    // Stripe has a bad moment at first: the refund job retries with the same key.
    stripe.refuse_refunds(1);
    let cancelled = send(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{}/cancel", held.id),
        &leo,
        Some(json!({"reason": ""})),
    )
    .await;
    assert_eq!(cancelled.status, 200, "{cancelled}");
    app.run_jobs().await;
    let row = booking(&app, &held.id).await;
    let refunds = store::refunds::for_booking(&app.db, row.id).await.unwrap();
    assert_eq!(refunds.len(), 1);
    assert_eq!(
        (refunds[0].amount, refunds[0].status.as_str()),
        (4000, "pending"),
        "waiting for the retry"
    );
    assert!(refunds[0].failure.is_some(), "why it waits is kept");
    // The retry comes due (an operator's retry makes it due now).
    let retried = store::jobs::retry(
        &app.db,
        app::jobs::list(&app.db, &[store::jobs::JobStatus::Failed], 10)
            .await
            .unwrap()
            .iter()
            .find(|j| j.kind == "refund")
            .unwrap()
            .id,
        store::audit::NewAuditEvent {
            user_id: None,
            actor_id: None,
            kind: "jobs.retried",
            client: &store::logins::ClientInfo::default(),
            detail: String::new(),
        },
    )
    .await
    .unwrap();
    assert!(retried);
    app.run_jobs().await;
    let tried = stripe.seen_at("POST", "/v1/refunds");
    assert_eq!(tried.len(), 2, "{tried:?}");
    let key = format!("mentora-refund-{}", refunds[0].id);
    assert!(
        tried
            .iter()
            .all(|s| s.idempotency_key.as_deref() == Some(key.as_str()))
    );
    assert_eq!(
        tried[1].form,
        [
            ("payment_intent", held.intent.as_str()),
            ("amount", "4000"),
            ("reason", "requested_by_customer"),
            ("metadata[mentora_refund_id]", &refunds[0].id.to_string()),
        ]
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
    );
    let refunds = store::refunds::for_booking(&app.db, row.id).await.unwrap();
    assert_eq!(refunds[0].status, "sent");
    // Sending it again (a job run twice) asks Stripe nothing more.
    let deps = app.job_deps.clone().unwrap();
    app::jobs::refund::send(&deps, refunds[0].id).await.unwrap();
    assert_eq!(stripe.seen_at("POST", "/v1/refunds").len(), 2);
    // Stripe's own event about it changes nothing.
    let refunded = stripe.event("charge.refunded", stripe.charge_of(&held.intent));
    fake_stripe::deliver(&app, &refunded).await;
    app.run_jobs().await;
    assert_eq!(
        store::refunds::for_booking(&app.db, row.id)
            .await
            .unwrap()
            .len(),
        1
    );
    // Everything went back: every account of this booking is at zero.
    let mut by_account = std::collections::HashMap::<String, i64>::new();
    for (_, account, amount) in ledger_of(&app, &held.id).await {
        *by_account.entry(account).or_default() += amount;
    }
    assert!(by_account.values().all(|b| *b == 0), "{by_account:?}");
    assert_eq!(stripe.totals()["eur"], (4000, 4000));
}

async fn the_ledger_is_append_only(backend: Backend) {
    let Some((app, stripe)) = app_with_stripe(backend).await else {
        return;
    };
    let ana = expert_priced(&app, "ana@example.org", "EUR", 4000).await;
    let (_, leo) = crate::bookings::learner(&app, "leo@example.org").await;
    let held = hold(&app, &leo, &ana, 3).await;
    pay(&app, &stripe, &held).await;
    use sqlx::Connection;
    let url = app.test_db.as_ref().unwrap().url.clone();
    for sql in [
        "UPDATE ledger_lines SET amount = 0",
        "DELETE FROM ledger_lines",
        "UPDATE ledger_journals SET kind = 'x'",
        "DELETE FROM ledger_journals",
    ] {
        let refused = match backend {
            Backend::Sqlite => {
                let mut conn = sqlx::SqliteConnection::connect(&url).await.unwrap();
                sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
                    .execute(&mut conn)
                    .await
                    .is_err()
            }
            Backend::Postgres => {
                let mut conn = sqlx::PgConnection::connect(&url).await.unwrap();
                sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
                    .execute(&mut conn)
                    .await
                    .is_err()
            }
        };
        assert!(refused, "{sql} must be refused");
    }
    assert_eq!(ledger_of(&app, &held.id).await.len(), 3);
}

/// Random payments and refunds (Mentora's, by cancellation, and Stripe-dashboard ones of
/// random size) in currencies of every exponent: the ledger always balances, and its cash
/// per currency is what Stripe took in less what it gave back.
async fn random_money_keeps_the_ledger_balanced_and_equal_to_stripe(backend: Backend) {
    use rand::{Rng, SeedableRng};
    let Some((app, stripe)) = app_with_stripe(backend).await else {
        return;
    };
    let seed: u64 = rand::random();
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    // (currency, price, step in minor units)
    let prices = [
        ("EUR", 4555, 1),
        ("JPY", 5001, 1),
        ("KWD", 12_340, 10),
        ("ISK", 9999, 1),
    ];
    let mut experts = Vec::new();
    for (n, (currency, price, step)) in prices.iter().enumerate() {
        let user = expert_priced(&app, &format!("e{n}@example.org"), currency, *price).await;
        experts.push((user, *currency, *price, *step));
    }
    let (_, leo) = crate::bookings::learner(&app, "leo@example.org").await;
    let mut day = 2;
    for round in 0..8 {
        let (expert, currency, price, step) = &experts[rng.random_range(0..experts.len())];
        day += 1;
        let held = hold(&app, &leo, expert, day).await;
        pay(&app, &stripe, &held).await;
        // Some dashboard refunds of random size (in the currency's steps)…
        let wire = |minor: i64| {
            let code = domain::profile::CurrencyCode::parse(currency).unwrap();
            domain::payment::StripeCurrency::of(code)
                .unwrap()
                .to_wire(minor)
        };
        let mut left = *price;
        for _ in 0..rng.random_range(0..3) {
            let steps = left / step;
            if steps == 0 {
                break;
            }
            let amount = rng.random_range(1..=steps.min(10_000)) * step;
            left -= amount;
            stripe.refund_in_dashboard(&held.intent, wire(amount));
            let event = stripe.event("charge.refunded", stripe.charge_of(&held.intent));
            // Sometimes delivered twice.
            for _ in 0..rng.random_range(1..=2) {
                fake_stripe::deliver(&app, &event).await;
            }
            app.run_jobs().await;
        }
        // …and sometimes the learner cancels (a full refund of what is left, days ahead).
        if rng.random_bool(0.5) {
            let cancelled = send(
                &app,
                Method::POST,
                &format!("/api/v1/bookings/{}/cancel", held.id),
                &leo,
                Some(json!({"reason": ""})),
            )
            .await;
            assert_eq!(
                cancelled.status, 200,
                "seed {seed} round {round}: {cancelled}"
            );
            app.run_jobs().await;
        }
        assert_balanced(&app).await;
    }
    let now = jiff::Timestamp::now() + jiff::SignedDuration::from_hours(1);
    for (currency, (charged, refunded)) in stripe.totals() {
        let code = domain::profile::CurrencyCode::parse(&currency).unwrap();
        let rules = domain::payment::StripeCurrency::of(code).unwrap();
        let cash = store::ledger::balance(&app.db, "platform:cash", code.as_str(), now)
            .await
            .unwrap();
        assert_eq!(
            rules.to_wire(cash),
            charged - refunded,
            "seed {seed}: {currency} cash must be what Stripe kept"
        );
        let owed_back = store::ledger::trial_balance(&app.db, now)
            .await
            .unwrap()
            .into_iter()
            .filter(|b| b.currency == code.as_str() && b.account.ends_with(":refunds"))
            .map(|b| b.balance)
            .sum::<i64>();
        assert_eq!(owed_back, 0, "seed {seed}: every decided refund was sent");
    }
}

async fn a_price_stripe_cannot_charge_is_refused_before_the_hold(backend: Backend) {
    let Some((app, stripe)) = app_with_stripe(backend).await else {
        return;
    };
    // 0.49 EUR is under Stripe's minimum; 12.345 KWD does not end in 0.
    let cheap = expert_priced(&app, "cheap@example.org", "EUR", 49).await;
    let odd = expert_priced(&app, "odd@example.org", "KWD", 12_345).await;
    let (_, leo) = crate::bookings::learner(&app, "leo@example.org").await;
    // The minimum is written as the reader's language writes amounts (English here).
    for (expert, minimum) in [(&cheap, "€0.50"), (&odd, "KWD\u{a0}0.010")] {
        let answer = send(
            &app,
            Method::POST,
            "/api/v1/bookings",
            &leo,
            Some(json!({"expert_id": expert.id, "start": at(3, 10, 0), "duration_minutes": 60})),
        )
        .await;
        assert_eq!(answer.status, 422, "{answer}");
        assert_eq!(answer.json["code"], "price_not_chargeable");
        assert!(
            answer.json["detail"].as_str().unwrap().contains(minimum),
            "{answer}"
        );
    }
    assert!(stripe.seen().is_empty(), "nothing was asked of Stripe");
}

both_backends!(
    a_hold_starts_one_payment_with_stripes_exact_parameters,
    a_succeeded_payment_confirms_once_and_the_ledger_splits_it,
    refused_deliveries_are_never_stored_or_handled,
    a_refund_event_before_its_payment_event_records_both,
    a_missed_webhook_heals_by_reconciliation,
    a_payment_that_does_not_match_the_price_never_confirms,
    a_cancellation_refunds_through_stripe_exactly_once,
    the_ledger_is_append_only,
    random_money_keeps_the_ledger_balanced_and_equal_to_stripe,
    a_price_stripe_cannot_charge_is_refused_before_the_hold,
);

/// The test-mode sandbox records money the same way: its payment posts the split, and a
/// cancellation's refund is decided and sent (at once, nothing leaves) by the same job.
async fn the_sandbox_keeps_the_same_ledger(backend: Backend) {
    use crate::bookings::{expert, hold_body, learner, pay, post_hold};
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let (ana, _) = expert(&app, "ana@example.org", rules(0)).await;
    let (_, leo) = learner(&app, "leo@example.org").await;
    let held = post_hold(&app, &leo, &hold_body(&ana, &at(3, 10, 0)), None).await;
    let id = held.json["id"].as_str().unwrap().to_owned();
    assert_eq!(held.json["payment"]["client_secret"], Value::Null);
    assert_eq!(pay(&app, &leo, &id, "succeed").await.status, 200);
    assert_eq!(
        ledger_of(&app, &id).await,
        [
            ("payment".into(), "expert:payable".into(), -3400),
            ("payment".into(), "platform:cash".into(), 4000),
            ("payment".into(), "platform:commission".into(), -600),
        ]
    );
    let cancelled = send(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{id}/cancel"),
        &leo,
        Some(json!({"reason": ""})),
    )
    .await;
    assert_eq!(cancelled.status, 200, "{cancelled}");
    app.run_jobs().await;
    let refunds = store::refunds::for_booking(&app.db, id.parse().unwrap())
        .await
        .unwrap();
    assert_eq!(refunds.len(), 1);
    assert_eq!(refunds[0].status, "sent");
    assert!(
        refunds[0]
            .provider_ref
            .as_deref()
            .unwrap()
            .starts_with("sandbox_re_")
    );
    assert_eq!(ledger_of(&app, &id).await.len(), 8);
    assert_balanced(&app).await;
    // Every page says the sandbox is on.
    let home = app.get("/").await.text().await.unwrap();
    assert!(home.contains("test-mode-banner"));
}

both_backends!(the_sandbox_keeps_the_same_ledger);

/// An operator sets an expert's own rate: the next hold freezes it, an earlier booking
/// keeps the rate it was made with; the change is audited; only operators may, and only
/// sensible rates. The trial balance shows the split and balances.
async fn an_operators_commission_applies_to_later_bookings_only(backend: Backend) {
    let Some((app, stripe)) = app_with_stripe(backend).await else {
        return;
    };
    let ana = expert_priced(&app, "ana@example.org", "EUR", 4000).await;
    let (_, leo) = crate::bookings::learner(&app, "leo@example.org").await;
    let ops = operator(&app).await;
    let before = hold(&app, &leo, &ana, 3).await;
    let path = format!("/api/v1/admin/experts/{}/commission", ana.id);
    for (token, body, status) in [
        (&leo, json!({"commission_bps": 1000}), 403),
        (&ops, json!({"commission_bps": 10_001}), 422),
        (&ops, json!({"commission_bps": -1}), 422),
        (&ops, json!({"commission_bps": 1000}), 204),
    ] {
        let answer = send(&app, Method::PUT, &path, token, Some(body)).await;
        assert_eq!(answer.status, status, "{answer}");
    }
    let unknown = format!("/api/v1/admin/experts/{}/commission", uuid::Uuid::new_v4());
    assert_eq!(
        send(
            &app,
            Method::PUT,
            &unknown,
            &ops,
            Some(json!({"commission_bps": 1000}))
        )
        .await
        .status,
        404
    );
    let after = hold(&app, &leo, &ana, 4).await;
    assert_eq!(booking(&app, &before.id).await.commission_bps, 1500);
    assert_eq!(booking(&app, &after.id).await.commission_bps, 1000);
    let audit: Value = app
        .bearer(
            Method::GET,
            "/api/v1/admin/audit?kind=payments.commission_set",
            &ops,
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(
        audit.to_string().contains("payments.commission_set"),
        "{audit}"
    );

    pay(&app, &stripe, &after).await;
    let balance = send(&app, Method::GET, "/api/v1/admin/ledger", &ops, None).await;
    assert_eq!(balance.status, 200, "{balance}");
    assert_eq!(balance.json["balanced"], true);
    let of = |account: &str| {
        balance.json["accounts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["account"] == account)
            .map(|a| a["balance"].as_i64().unwrap())
    };
    assert_eq!(of("platform:cash"), Some(4000));
    assert_eq!(of("platform:commission"), Some(-400), "10 % of 40.00");
    assert_eq!(of(&format!("expert:{}:payable", ana.id)), Some(-3600));
    // Before anything happened, nothing was there.
    let past = send(
        &app,
        Method::GET,
        "/api/v1/admin/ledger?at=2020-01-01T00:00:00Z",
        &ops,
        None,
    )
    .await;
    assert_eq!(past.json["accounts"], json!([]));
    assert_eq!(
        send(
            &app,
            Method::GET,
            "/api/v1/admin/ledger?at=yesterday",
            &ops,
            None
        )
        .await
        .status,
        400
    );
    assert_eq!(
        send(&app, Method::GET, "/api/v1/admin/ledger", &leo, None)
            .await
            .status,
        403
    );
    // The page shows the same.
    let browser = app.another_client();
    browser.log_in_as("ops@example.org").await;
    let page = browser.get("/admin/payments").await;
    assert_eq!(page.status().as_u16(), 200);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("platform:commission") && html.contains("-€4.00"),
        "{html}"
    );
    // A typo in the instant is explained beside the field, keeping what was typed.
    let typo = browser.get("/admin/payments?at=yesterday").await;
    assert_eq!(typo.status().as_u16(), 422);
    let html = typo.text().await.unwrap();
    assert!(html.contains(r#"value="yesterday""#), "{html}");
    assert!(
        html.contains(r#"id="at-error""#) && html.contains(r#"aria-invalid="true""#),
        "{html}"
    );
    assert!(html.contains("Not a time that can be read"), "{html}");
    assert!(
        !html.contains("platform:commission"),
        "nothing is listed for an unread time"
    );
}

both_backends!(an_operators_commission_applies_to_later_bookings_only);

/// The real binary, killed with SIGKILL after Stripe took the money and the webhook was
/// stored but before any worker confirmed the booking (this instance runs none); a second
/// booking's webhook never came at all. Started again: the stored event's job confirms the
/// first booking, reconciliation confirms the second, Stripe's retried delivery changes
/// nothing; each is confirmed and posted exactly once.
async fn a_sigkill_between_the_charge_and_the_confirmation_confirms_once(backend: Backend) {
    let Some(bin) = crate::testkit::Bin::new(backend).await else {
        return;
    };
    let stripe = FakeStripe::start().await;
    let js = format!("{}/v3/", stripe.url);
    let env = |workers: &'static str| {
        vec![
            ("MENTORA_STRIPE_SECRET_KEY", SECRET_KEY.to_owned()),
            ("MENTORA_STRIPE_WEBHOOK_SECRET", SECRET.to_owned()),
            ("MENTORA_STRIPE_PUBLISHABLE_KEY", "pk_test_kill".to_owned()),
            ("MENTORA_STRIPE_API_BASE", stripe.url.clone()),
            ("MENTORA_STRIPE_JS_URL", js.clone()),
            ("MENTORA_JOBS_WORKERS", workers.to_owned()),
        ]
    };
    let migrated = bin.run(&["migrate"], &[]);
    assert!(
        migrated.status.success(),
        "{}",
        crate::testkit::stderr(&migrated)
    );
    let db = store::Database::connect(&bin.db_url, 4).await.unwrap();
    let mut config = mentora::config::Config::load(&mentora::config::Sources::default()).unwrap();
    config.database_url = bin.db_url.clone();
    config.data_dir = bin.dir.path().join("data");
    mentora::commands::demo::seed(&db, &config).await.unwrap();

    let serve = |workers| {
        let vars = env(workers);
        let pairs: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let (child, ready) = crate::cli::start_serving(&bin, &pairs);
        let url = ready
            .strip_prefix("Mentora is ready at ")
            .and_then(|r| r.split_whitespace().next())
            .unwrap_or_else(|| panic!("{ready}"))
            .trim_end_matches('/')
            .to_owned();
        (child, url)
    };
    let (mut first, url) = serve("0");
    let client = reqwest::Client::new();
    let login: Value = client
        .post(format!("{url}/api/v1/auth/login"))
        .json(&json!({"email": "learner@demo.mentora.test", "password": "mentora-demo-pass"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = login["access_token"].as_str().unwrap().to_owned();
    let experts: Value = client
        .get(format!("{url}/api/v1/experts?q=Bruno"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let bruno = experts["experts"][0]["id"].as_str().unwrap().to_owned();
    let slots: Value = client
        .get(format!(
            "{url}/api/v1/experts/{bruno}/slots?from={}&to={}&tz=UTC",
            at(2, 0, 0),
            at(9, 0, 0)
        ))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mut held = Vec::new();
    for slot in slots["slots"].as_array().unwrap().iter().step_by(4).take(2) {
        let answer: Value = client
            .post(format!("{url}/api/v1/bookings"))
            .bearer_auth(&token)
            .json(&json!({"expert_id": bruno, "start": slot["start"], "duration_minutes": slots["duration_minutes"]}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let id = answer["id"]
            .as_str()
            .unwrap_or_else(|| panic!("{answer}"))
            .to_owned();
        let row = store::bookings::find(&db, id.parse().unwrap())
            .await
            .unwrap()
            .unwrap();
        held.push((id, row.payment_ref.unwrap()));
    }
    let [(first_id, first_pi), (second_id, second_pi)] = &held[..] else {
        panic!("two holds");
    };
    stripe.succeed(first_pi);
    stripe.succeed(second_pi);
    let event = stripe.event("payment_intent.succeeded", stripe.intent(first_pi));
    let deliver = |url: String, event: Value| {
        let client = client.clone();
        async move {
            let body = event.to_string();
            let signature =
                payments::webhook::sign(body.as_bytes(), SECRET, chrono::Utc::now().timestamp());
            let res = client
                .post(format!("{url}/api/v1/webhooks/stripe"))
                .header("stripe-signature", signature)
                .header("content-type", "application/json")
                .body(body)
                .send()
                .await
                .unwrap();
            (res.status().as_u16(), res.json::<Value>().await.unwrap())
        }
    };
    assert_eq!(deliver(url.clone(), event.clone()).await.0, 200);
    first.kill().unwrap();
    first.wait().unwrap();
    let status = |id: &str| {
        let db = db.clone();
        let id = id.to_owned();
        async move {
            store::bookings::find(&db, id.parse().unwrap())
                .await
                .unwrap()
                .unwrap()
                .status
        }
    };
    assert_eq!(
        status(first_id).await,
        "held",
        "nobody confirmed it before the kill"
    );

    let (mut second, url) = serve("1");
    crate::testkit::eventually("both bookings to be confirmed", || async {
        status(first_id).await == "confirmed" && status(second_id).await == "confirmed"
    })
    .await;
    // Stripe retries the delivery the dead process acknowledged.
    let (code, receipt) = deliver(url, event).await;
    assert_eq!((code, receipt["applied"].clone()), (200, json!(false)));
    second.kill().unwrap();
    second.wait().unwrap();
    for (id, _) in &held {
        let row = store::bookings::find(&db, id.parse().unwrap())
            .await
            .unwrap()
            .unwrap();
        let events = store::bookings::events(&db, row.series_id).await.unwrap();
        assert_eq!(
            events.iter().filter(|e| e.to_status == "confirmed").count(),
            1
        );
        let lines = store::ledger::for_booking(&db, row.id).await.unwrap();
        assert_eq!(lines.len(), 3, "one payment journal: {lines:?}");
    }
}

both_backends!(a_sigkill_between_the_charge_and_the_confirmation_confirms_once);

/// Every change that gives money back goes through Stripe and the ledger: an expert's
/// suspension cancels their paid sessions, refunds them in full through Stripe and leaves
/// the booking's accounts at zero. A payment event arriving after the booking moved on
/// (here: cancelled and refunded) is handled without error and changes nothing.
async fn a_suspension_refunds_through_stripe_and_late_events_change_nothing(backend: Backend) {
    let Some((app, stripe)) = app_with_stripe(backend).await else {
        return;
    };
    let ana = expert_priced(&app, "ana@example.org", "EUR", 4000).await;
    let (_, leo) = crate::bookings::learner(&app, "leo@example.org").await;
    let ops = operator(&app).await;
    let held = hold(&app, &leo, &ana, 3).await;
    pay(&app, &stripe, &held).await;
    let suspended = send(
        &app,
        Method::POST,
        &format!("/api/v1/admin/experts/{}/suspension", ana.id),
        &ops,
        Some(json!({"suspended": true, "reason": "Reported by several learners."})),
    )
    .await;
    assert_eq!(suspended.status, 200, "{suspended}");
    app.run_jobs().await;
    let row = booking(&app, &held.id).await;
    assert_eq!(
        (row.status.as_str(), row.refunded_amount),
        ("cancelled", 4000)
    );
    let refunds = store::refunds::for_booking(&app.db, row.id).await.unwrap();
    assert_eq!(refunds.len(), 1);
    assert_eq!(refunds[0].status, "sent");
    assert_eq!(stripe.seen_at("POST", "/v1/refunds").len(), 1);
    assert_eq!(stripe.totals()["eur"], (4000, 4000));
    let mut by_account = std::collections::HashMap::<String, i64>::new();
    for (_, account, amount) in ledger_of(&app, &held.id).await {
        *by_account.entry(account).or_default() += amount;
    }
    assert!(by_account.values().all(|b| *b == 0), "{by_account:?}");

    // Stripe sends the payment's event once more, after all that.
    let late = stripe.event("payment_intent.succeeded", stripe.intent(&held.intent));
    assert_eq!(fake_stripe::deliver(&app, &late).await.0, 200);
    app.run_jobs().await;
    let failed = app::jobs::list(
        &app.db,
        &[store::jobs::JobStatus::Failed, store::jobs::JobStatus::Dead],
        10,
    )
    .await
    .unwrap();
    assert!(failed.is_empty(), "{failed:?}");
    assert_eq!(ledger_of(&app, &held.id).await.len(), 8);
    assert_eq!(booking(&app, &held.id).await.status, "cancelled");
}

both_backends!(a_suspension_refunds_through_stripe_and_late_events_change_nothing);

/// A payment that came after its hold lapsed, for time that can no longer be booked (the
/// expert was suspended), is refunded; nothing that arrives later — the refund's event, the
/// payment's event again once the expert is back — confirms it.
async fn a_refunded_late_payment_is_never_confirmed_later(backend: Backend) {
    let Some((app, stripe)) = app_with_stripe(backend).await else {
        return;
    };
    let ana = expert_priced(&app, "ana@example.org", "EUR", 4000).await;
    let (_, leo) = crate::bookings::learner(&app, "leo@example.org").await;
    let ops = operator(&app).await;
    let held = hold(&app, &leo, &ana, 3).await;
    let path = format!("/api/v1/admin/experts/{}/suspension", ana.id);
    let suspension = |suspended: bool| {
        send(
            &app,
            Method::POST,
            &path,
            &ops,
            Some(json!({"suspended": suspended, "reason": "Checking a complaint."})),
        )
    };
    assert_eq!(suspension(true).await.status, 200);
    assert_eq!(booking(&app, &held.id).await.status, "expired");
    pay(&app, &stripe, &held).await;
    let row = booking(&app, &held.id).await;
    assert_eq!(
        (row.status.as_str(), row.paid_amount, row.refunded_amount),
        ("expired", 4000, 4000)
    );
    assert_eq!(
        stripe.totals()["eur"],
        (4000, 4000),
        "refunded through Stripe"
    );
    fake_stripe::deliver(
        &app,
        &stripe.event("charge.refunded", stripe.charge_of(&held.intent)),
    )
    .await;
    assert_eq!(suspension(false).await.status, 200);
    fake_stripe::deliver(
        &app,
        &stripe.event("payment_intent.succeeded", stripe.intent(&held.intent)),
    )
    .await;
    app.run_jobs().await;
    assert_eq!(
        booking(&app, &held.id).await.status,
        "expired",
        "never confirmed"
    );
    assert_eq!(
        stripe.seen_at("POST", "/v1/refunds").len(),
        1,
        "refunded once"
    );
    let lines = ledger_of(&app, &held.id).await;
    assert_eq!(
        lines.iter().filter(|l| l.0 == "payment").count(),
        3,
        "{lines:?}"
    );
}

/// What was refunded stays refunded across a move: a dashboard refund of 10.00, a move,
/// then a cancellation refunds the 30.00 left, not the whole price again.
async fn a_move_keeps_what_was_refunded(backend: Backend) {
    let Some((app, stripe)) = app_with_stripe(backend).await else {
        return;
    };
    let ana = expert_priced(&app, "ana@example.org", "EUR", 4000).await;
    let (_, leo) = crate::bookings::learner(&app, "leo@example.org").await;
    let held = hold(&app, &leo, &ana, 3).await;
    pay(&app, &stripe, &held).await;
    stripe.refund_in_dashboard(&held.intent, 1000);
    fake_stripe::deliver(
        &app,
        &stripe.event("charge.refunded", stripe.charge_of(&held.intent)),
    )
    .await;
    app.run_jobs().await;
    let moved = send(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{}/reschedule", held.id),
        &leo,
        Some(json!({"start": at(4, 10, 0)})),
    )
    .await;
    assert_eq!(moved.status, 200, "{moved}");
    let new_id = moved.json["id"].as_str().unwrap().to_owned();
    assert_eq!(booking(&app, &new_id).await.refunded_amount, 1000);
    let cancelled = send(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{new_id}/cancel"),
        &leo,
        Some(json!({"reason": ""})),
    )
    .await;
    assert_eq!(cancelled.status, 200, "{cancelled}");
    assert_eq!(cancelled.json["refund"]["amount"], 3000, "{cancelled}");
    app.run_jobs().await;
    assert_eq!(stripe.totals()["eur"], (4000, 4000));
    assert_eq!(booking(&app, &new_id).await.refunded_amount, 4000);
    assert_balanced(&app).await;
}

both_backends!(
    a_refunded_late_payment_is_never_confirmed_later,
    a_move_keeps_what_was_refunded
);

/// The learner's receipt: what was paid, each refund, what was kept, the payment's
/// reference; an operator may read it; the expert and anyone else may not; an unpaid hold
/// has none.
async fn the_learner_has_a_receipt_only_they_and_operators_read(backend: Backend) {
    let Some((app, stripe)) = app_with_stripe(backend).await else {
        return;
    };
    let ana = expert_priced(&app, "ana@example.org", "EUR", 4000).await;
    let (_, leo) = crate::bookings::learner(&app, "leo@example.org").await;
    crate::bookings::learner(&app, "mia@example.org").await;
    app.create_user("ops@example.org", &[domain::Role::Admin])
        .await;
    let held = hold(&app, &leo, &ana, 3).await;
    let path = format!("/bookings/{}/receipt", held.id);
    let as_user = |email: &'static str| {
        let client = app.another_client();
        async move {
            client.log_in_as(email).await;
            client
        }
    };
    let learner = as_user("leo@example.org").await;
    assert_eq!(
        learner.get(&path).await.status().as_u16(),
        404,
        "no receipt before paying"
    );
    pay(&app, &stripe, &held).await;
    stripe.refund_in_dashboard(&held.intent, 1000);
    fake_stripe::deliver(
        &app,
        &stripe.event("charge.refunded", stripe.charge_of(&held.intent)),
    )
    .await;
    app.run_jobs().await;
    let page = learner.get(&path).await;
    assert_eq!(page.status().as_u16(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains(r#"id="receipt-paid">€40.00"#), "{html}");
    assert!(html.contains("−<bdi>€10.00</bdi>"), "{html}");
    assert!(html.contains(r#"id="receipt-kept">€30.00"#), "{html}");
    assert!(html.contains(&held.intent), "the payment's reference");
    let booking_page = learner
        .get(&format!("/bookings/{}", held.id))
        .await
        .text()
        .await
        .unwrap();
    assert!(booking_page.contains(&path), "the booking links to it");
    assert_eq!(
        as_user("ops@example.org")
            .await
            .get(&path)
            .await
            .status()
            .as_u16(),
        200
    );
    assert_eq!(
        as_user("ana@example.org")
            .await
            .get(&path)
            .await
            .status()
            .as_u16(),
        404
    );
    assert_eq!(
        as_user("mia@example.org")
            .await
            .get(&path)
            .await
            .status()
            .as_u16(),
        404
    );
}

both_backends!(the_learner_has_a_receipt_only_they_and_operators_read);
