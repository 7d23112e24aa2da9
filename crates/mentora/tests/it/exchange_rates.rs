//! The dated exchange-rate table estimates come from: seeded with the reference rates,
//! set by operators (audited, explained when refused, never by anyone else), in force
//! from its day on, and used at once by the instance that set it.

use std::sync::Arc;

use domain::{Clock, ManualClock};
use reqwest::Method;
use serde_json::json;

use crate::both_backends;
use crate::testkit::{Backend, TestApp, send};

async fn an_operator_sets_a_dated_rate_and_estimates_follow_it(backend: Backend) {
    let clock = Arc::new(ManualClock::at(jiff::Timestamp::now()));
    let Some(app) = TestApp::builder(backend).clock(clock.clone()).spawn().await else {
        return;
    };
    let ana = app
        .bookable_expert_priced("ana@example.org", "Patient lessons", "EUR", &[(60, 4000)])
        .await;
    let estimate = || async {
        let profile = app
            .get(&format!("/api/v1/experts/{}?currency=JPY", ana.id))
            .await
            .json::<serde_json::Value>()
            .await
            .unwrap();
        profile["rates"][0]["estimate"]["amount"].as_i64()
    };
    // The seed (the reference rates) already estimates.
    assert!(estimate().await.is_some());

    app.create_user("ops@example.org", &[domain::Role::Admin])
        .await;
    let ops = app.api_log_in("ops@example.org").await.0;
    app.create_user("leo@example.org", &[]).await;
    let leo = app.api_log_in("leo@example.org").await.0;
    let set = |token: String, body: serde_json::Value| {
        let app = &app;
        async move { send(app, Method::POST, "/api/v1/admin/rates", &token, Some(body)).await }
    };
    let refused = set(leo, json!({"currency": "EUR", "per_usd": "1"})).await;
    assert_eq!(refused.status, 403, "{refused}");
    let bad = set(
        ops.clone(),
        json!({"currency": "EURO", "per_usd": "-1", "effective_on": "2026-02-30"}),
    )
    .await;
    assert_eq!(bad.status, 422, "{bad}");
    let fields: Vec<&str> = bad.json["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["currency", "per_usd", "effective_on"]);

    // From today: 0.5 EUR and 100 JPY to the dollar, so 40.00 EUR is 8 000 JPY.
    let today = domain::schedule::zones::local(&jiff::tz::TimeZone::UTC, clock.now()).date();
    for (currency, rate) in [("EUR", "0.5"), ("JPY", "100")] {
        let ok = set(ops.clone(), json!({"currency": currency, "per_usd": rate})).await;
        assert_eq!(ok.status, 200, "{ok}");
        assert_eq!(ok.json["effective_on"], today.to_string());
    }
    assert_eq!(estimate().await, Some(8000));
    // Announced for tomorrow: not yet, then from tomorrow on.
    let tomorrow = today.tomorrow().unwrap().to_string();
    let later = set(
        ops.clone(),
        json!({"currency": "JPY", "per_usd": "150", "effective_on": tomorrow}),
    )
    .await;
    assert_eq!(later.status, 200, "{later}");
    assert_eq!(estimate().await, Some(8000));
    let table = send(&app, Method::GET, "/api/v1/admin/rates", &ops, None).await;
    assert_eq!(table.json["upcoming"][0]["currency"], "JPY", "{table}");
    clock.advance(86_400);
    assert_eq!(estimate().await, Some(12_000));

    let audit = store::audit::search(
        &app.db,
        &store::audit::AuditFilter {
            kind_prefix: Some("payments.rate_set".into()),
            limit: 50,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(audit.len(), 3);
}

both_backends!(an_operator_sets_a_dated_rate_and_estimates_follow_it);
