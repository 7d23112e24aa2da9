//! Snapshots of what clients rely on: the route table with each route's access decision,
//! and the problem+json bodies of common errors. A change to either shows up as a diff to
//! review (`cargo insta review`, or `INSTA_UPDATE=always` and read `git diff`).

use serde_json::{Value, json};

use crate::testkit::{Backend, TestApp};

/// Every route, its method and who may call it, one per line, sorted by path so that
/// regrouping the code that registers them changes nothing here.
#[test]
fn the_route_table() {
    let mut table: Vec<String> = web::route_table()
        .iter()
        .map(|route| {
            let access = match route.access {
                web::access::Access::Public => "public".to_owned(),
                web::access::Access::SignedIn => "signed in".to_owned(),
                web::access::Access::Permission(p) => format!("needs {p:?}"),
            };
            format!("{:<6} {:<50} {access}", route.method.as_str(), route.path)
        })
        .collect();
    table.sort_by(|a, b| a[7..].cmp(&b[7..]).then(a.cmp(b)));
    insta::assert_snapshot!(table.join("\n"));
}

/// The problem body with what changes per request (its id) blanked out.
async fn problem(res: reqwest::Response) -> Value {
    assert_eq!(
        res.headers()["content-type"].to_str().unwrap(),
        "application/problem+json"
    );
    let mut body: Value = res.json().await.unwrap();
    assert!(body["request_id"].as_str().is_some_and(|id| !id.is_empty()));
    body["request_id"] = json!("[request id]");
    body
}

#[tokio::test]
async fn the_bodies_of_common_api_errors() {
    let Some(app) = TestApp::spawn(Backend::Sqlite).await else {
        return;
    };
    insta::assert_json_snapshot!(
        "unknown_route",
        problem(
            app.get_with("/api/v1/nothing-here", &[("accept", "application/json")])
                .await
        )
        .await
    );
    insta::assert_json_snapshot!("no_token", problem(app.get("/api/v1/me").await).await);
    insta::assert_json_snapshot!(
        "malformed_token",
        problem(
            app.bearer(reqwest::Method::GET, "/api/v1/me", "not-a-token")
                .send()
                .await
                .unwrap()
        )
        .await
    );
    insta::assert_json_snapshot!(
        "validation_failed",
        problem(
            app.post_json(
                "/api/v1/auth/register",
                &json!({"email": "not an address", "password": "short", "display_name": ""}),
            )
            .await
        )
        .await
    );
    insta::assert_json_snapshot!(
        "wrong_password",
        problem(
            app.post_json(
                "/api/v1/auth/login",
                &json!({"email": "nobody@example.org", "password": "wrong password here"}),
            )
            .await
        )
        .await
    );
    insta::assert_json_snapshot!(
        "not_json",
        problem(
            app.client
                .post(app.at("/api/v1/auth/login"))
                .header("content-type", "text/plain")
                .body("email=x")
                .send()
                .await
                .unwrap()
        )
        .await
    );
}
