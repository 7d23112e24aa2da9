//! Errors: problem+json for the API and JSON clients, HTML pages inside the shell for
//! people, both with the request id; panics become 500s and serving goes on.

use std::time::Duration;

use axum::routing::get;
use reqwest::header;
use serde_json::Value;

use crate::both_backends;
use crate::personas::Answer;
use crate::testkit::{Backend, TestApp};

/// A problem+json answer, checked: its `request_id` is the header's, its `status` the
/// answer's.
async fn problem(res: reqwest::Response) -> Answer {
    let ct = res.headers()[header::CONTENT_TYPE]
        .to_str()
        .unwrap_or("")
        .to_owned();
    let id = res.headers()["x-request-id"]
        .to_str()
        .unwrap_or("")
        .to_owned();
    assert_eq!(ct, "application/problem+json");
    let answer = Answer::of(res).await;
    assert!(!answer.json.is_null(), "not JSON: {answer}");
    assert_eq!(
        answer.json["request_id"],
        Value::String(id),
        "body and header ids agree"
    );
    assert_eq!(answer.json["status"], answer.status);
    answer
}

async fn unknown_route_is_404_html_or_problem_by_accept(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };

    let res = app
        .get_with("/no/such/page", &[("accept", "text/html")])
        .await;
    assert_eq!(res.status().as_u16(), 404);
    assert!(
        res.headers()[header::CONTENT_TYPE]
            .to_str()
            .unwrap_or("")
            .starts_with("text/html")
    );
    let id = res.headers()["x-request-id"]
        .to_str()
        .unwrap_or("")
        .to_owned();
    let html = res.text().await.unwrap_or_default();
    assert!(html.contains("Page not found") && html.contains(&format!("Request id: {id}.")));
    assert!(
        html.contains(r#"<a href="/" class="brand"#),
        "inside the normal shell"
    );

    let res = app
        .get_with("/no/such/page", &[("accept", "application/json")])
        .await;
    let answer = problem(res).await;
    assert_eq!((answer.status, answer.code()), (404, "not_found"));
    assert_eq!(answer.json["type"], "https://mentora.dev/errors/not_found");
    assert_eq!(answer.json["instance"], "/no/such/page");
    assert!(answer.json["title"].is_string() && answer.json["detail"].is_string());

    // Under /api, always problem+json, in the caller's language.
    let res = app
        .get_with("/api/v1/nothing", &[("accept-language", "es")])
        .await;
    let answer = problem(res).await;
    assert_eq!(answer.code(), "not_found");
    assert_eq!(answer.json["title"], "Página no encontrada");
}

async fn wrong_method_is_405_with_allow(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let res = app
        .client
        .delete(app.at("/api/v1/csp-reports"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(res.headers()[header::ALLOW], "POST");
    let answer = problem(res).await;
    assert_eq!((answer.status, answer.code()), (405, "method_not_allowed"));
}

async fn malformed_json_names_line_and_column(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let res = app
        .post_body(
            "/api/v1/csp-reports",
            "application/csp-report",
            "{\n  \"csp-report\": {\n    \"blocked-uri\": inline\n  }\n}".into(),
        )
        .await;
    let answer = problem(res).await;
    assert_eq!((answer.status, answer.code()), (400, "malformed_json"));
    let detail = answer.json["detail"].as_str().unwrap_or("");
    assert!(detail.contains("(line 3, column 20)"), "{detail}");
}

async fn wrong_content_type_and_wrong_shape_are_told_apart(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let url = "/api/v1/csp-reports";
    let answer = problem(app.post_body(url, "text/plain", "{}".into()).await).await;
    assert_eq!(
        (answer.status, answer.code()),
        (415, "unsupported_media_type")
    );
    let res = app
        .post_body(url, "application/json", "[1, 2]".into())
        .await;
    let answer = problem(res).await;
    assert_eq!((answer.status, answer.code()), (422, "invalid_body"));
    let report = r#"{"csp-report":{"violated-directive":"script-src"}}"#;
    let ok = app
        .post_body(url, "application/csp-report", report.into())
        .await;
    assert_eq!(ok.status().as_u16(), 204);
}

async fn oversized_body_is_413(backend: Backend) {
    let Some(app) = TestApp::builder(backend)
        .configure(|c| c.body_limit_bytes = 4096)
        .spawn()
        .await
    else {
        return;
    };
    let big = format!(r#"{{"csp-report":{{"x":"{}"}}}}"#, "a".repeat(10_000));
    let res = app
        .post_body("/api/v1/csp-reports", "application/csp-report", big)
        .await;
    let answer = problem(res).await;
    assert_eq!((answer.status, answer.code()), (413, "payload_too_large"));
}

async fn a_panicking_handler_is_a_500_and_serving_goes_on(backend: Backend) {
    #[allow(clippy::panic)]
    async fn explode() -> &'static str {
        panic!("boom in a handler")
    }
    let extra = axum::Router::new().route("/test/panic", get(explode));
    let Some(app) = TestApp::builder(backend).extra_routes(extra).spawn().await else {
        return;
    };

    let res = app
        .get_with("/test/panic", &[("accept", "application/json")])
        .await;
    let answer = problem(res).await;
    assert_eq!((answer.status, answer.code()), (500, "internal_error"));
    assert!(
        !answer.json.to_string().contains("boom"),
        "internals never reach the client"
    );

    let res = app.get("/test/panic").await;
    assert_eq!(res.status().as_u16(), 500);
    assert!(
        res.text()
            .await
            .unwrap_or_default()
            .contains("Something went wrong")
    );

    assert_eq!(app.get("/").await.status().as_u16(), 200, "still serving");
    let metrics = app.get("/metrics").await.text().await.unwrap_or_default();
    assert!(
        metrics.lines().any(|l| l.starts_with("http_panics_total")),
        "panics are counted"
    );
}

async fn a_request_that_runs_too_long_is_408(backend: Backend) {
    async fn stall() -> &'static str {
        tokio::time::sleep(Duration::from_secs(30)).await;
        "late"
    }
    let extra = axum::Router::new().route("/test/stall", get(stall));
    let Some(app) = TestApp::builder(backend)
        .extra_routes(extra)
        .configure(|c| c.request_timeout = Duration::from_secs(1))
        .spawn()
        .await
    else {
        return;
    };
    let res = app
        .get_with("/test/stall", &[("accept", "application/json")])
        .await;
    let answer = problem(res).await;
    assert_eq!((answer.status, answer.code()), (408, "request_timeout"));
}

async fn a_forged_directory_cursor_is_a_clear_4xx(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let res = app.get("/api/v1/experts?cursor=s9223372036854775808").await;
    assert_eq!(res.status().as_u16(), 422);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["errors"][0]["field"], "cursor", "{body}");
    let page = app.get("/experts?cursor=s9223372036854775808").await;
    assert!(page.status().is_client_error(), "{}", page.status());
}

both_backends!(
    a_forged_directory_cursor_is_a_clear_4xx,
    unknown_route_is_404_html_or_problem_by_accept,
    wrong_method_is_405_with_allow,
    malformed_json_names_line_and_column,
    wrong_content_type_and_wrong_shape_are_told_apart,
    oversized_body_is_413,
    a_panicking_handler_is_a_500_and_serving_goes_on,
    a_request_that_runs_too_long_is_408,
);
