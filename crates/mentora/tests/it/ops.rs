//! Operations: liveness, readiness, metrics and request ids.

use crate::both_backends;
use crate::personas::Answer;
use crate::testkit::{Backend, TestApp, service_url};

/// The answer, which must be JSON.
async fn json(res: reqwest::Response) -> Answer {
    let answer = Answer::of(res).await;
    assert!(!answer.json.is_null(), "not JSON: {answer}");
    answer
}

async fn healthz_and_readyz_report_a_ready_app(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let answer = json(app.get("/healthz").await).await;
    assert_eq!(
        (answer.status, answer.json["status"].as_str()),
        (200, Some("ok"))
    );
    let answer = json(app.get("/readyz").await).await;
    assert_eq!(answer.status, 200, "{answer}");
    assert_eq!(answer.json["status"], "ready");
    let expected = match backend {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgres",
    };
    assert_eq!(answer.json["checks"]["database"]["backend"], expected);
    assert_eq!(answer.json["checks"]["migrations"]["status"], "ok");
    assert_eq!(answer.json["checks"]["redis"]["status"], "not_configured");
}

async fn readyz_is_503_until_migrations_are_applied(backend: Backend) {
    let Some(app) = TestApp::builder(backend)
        .configure(|c| c.auto_migrate = false)
        .spawn()
        .await
    else {
        return;
    };
    let answer = json(app.get("/readyz").await).await;
    assert_eq!(answer.status, 503);
    assert_eq!(answer.json["status"], "unavailable");
    assert_eq!(answer.json["checks"]["database"]["status"], "ok");
    let reason = answer.json["checks"]["migrations"]["reason"]
        .as_str()
        .unwrap_or("");
    assert!(reason.contains("m20261125_000001_accounts"), "{reason}");
    assert_eq!(
        app.get("/healthz").await.status().as_u16(),
        200,
        "alive while not ready"
    );

    store::migrations::apply(&app.db)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(app.get("/readyz").await.status().as_u16(), 200);
}

async fn metrics_count_requests_by_route_and_sample_the_pool(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    app.get("/").await;
    app.get("/definitely/missing/9d1c").await;
    let res = app.get("/metrics").await;
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap_or("")
            .starts_with("text/plain; version=0.0.4")
    );
    let text = res.text().await.unwrap_or_default();
    let has = |needle: &str| text.lines().any(|l| l.contains(needle));
    assert!(
        has(r#"http_requests_total{method="GET",route="/",status="200"}"#),
        "{text}"
    );
    assert!(
        has(r#"route="unmatched",status="404""#),
        "raw paths never become labels"
    );
    assert!(!text.contains("9d1c"));
    assert!(has(
        r#"http_request_duration_seconds_bucket{method="GET",route="/",le="0.005"}"#
    ));
    assert!(has("db_pool_connections ") && has("db_pool_max_connections 5"));
}

async fn request_ids_are_echoed_when_sane_and_made_otherwise(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let echoed = app
        .get_with("/healthz", &[("x-request-id", "trace-42.a")])
        .await;
    assert_eq!(echoed.headers()["x-request-id"], "trace-42.a");
    let replaced = app
        .get_with("/healthz", &[("x-request-id", "bad id\"{}")])
        .await;
    let id = replaced.headers()["x-request-id"].to_str().unwrap_or("");
    assert_eq!(id.len(), 36, "a fresh UUID: {id}");
    let fresh = app.get("/healthz").await;
    assert_ne!(fresh.headers()["x-request-id"], id);
}

async fn readyz_checks_redis_when_configured(backend: Backend) {
    let Some(redis_url) = service_url("TEST_REDIS_URL") else {
        return;
    };
    let Some(app) = TestApp::builder(backend)
        .configure(move |c| c.redis_url = Some(redis_url))
        .spawn()
        .await
    else {
        return;
    };
    let answer = json(app.get("/readyz").await).await;
    assert_eq!(answer.status, 200, "{answer}");
    assert_eq!(answer.json["checks"]["redis"]["status"], "ok");
}

both_backends!(
    healthz_and_readyz_report_a_ready_app,
    readyz_is_503_until_migrations_are_applied,
    metrics_count_requests_by_route_and_sample_the_pool,
    request_ids_are_echoed_when_sane_and_made_otherwise,
    readyz_checks_redis_when_configured,
);
