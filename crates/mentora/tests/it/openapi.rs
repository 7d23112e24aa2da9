//! The API document: generated from the code, covering exactly the routes the API has,
//! saying for each who may call it and how it fails, and served with its browser.
//! (Schemathesis, run by `.ci/run`, checks the live API against it.)

use std::collections::BTreeSet;

use serde_json::Value;

use crate::testkit::{Backend, TestApp};

fn document() -> Value {
    serde_json::to_value(web::api_document()).unwrap()
}

/// Every operation in the document: (method, path, operation).
fn operations(doc: &Value) -> Vec<(String, String, Value)> {
    let mut ops = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            ops.push((method.to_uppercase(), path.clone(), op.clone()));
        }
    }
    ops
}

/// The whole document, so that any change to what clients are promised shows as a diff.
#[test]
fn the_api_document() {
    let doc = document();
    assert_eq!(doc["openapi"], "3.1.0");
    insta::assert_json_snapshot!(doc);
}

/// The route table and the document name the same operations under `/api/v1`: nothing
/// routed goes undocumented, nothing documented is missing.
#[test]
fn every_api_route_is_documented_and_every_documented_operation_is_routed() {
    let routed: BTreeSet<(String, String)> = web::route_table()
        .iter()
        .filter(|r| r.path.starts_with("/api/v1/"))
        .map(|r| (r.method.as_str().to_owned(), r.path.clone()))
        .collect();
    let documented: BTreeSet<(String, String)> = operations(&document())
        .into_iter()
        .map(|(method, path, _)| (method, path))
        .collect();
    let undocumented: Vec<_> = routed.difference(&documented).collect();
    let unrouted: Vec<_> = documented.difference(&routed).collect();
    assert!(
        undocumented.is_empty(),
        "routed but not documented: {undocumented:?}"
    );
    assert!(
        unrouted.is_empty(),
        "documented but not routed: {unrouted:?}"
    );
    assert!(routed.len() >= 47, "only {} API routes", routed.len());
}

fn problem_codes(op: &Value, status: &str) -> Vec<String> {
    let schema = &op["responses"][status]["content"]["application/problem+json"]["schema"];
    assert_eq!(
        schema["allOf"][0]["$ref"], "#/components/schemas/Problem",
        "{status} is a problem"
    );
    schema["allOf"][1]["properties"]["code"]["enum"]
        .as_array()
        .unwrap_or_else(|| panic!("{status} lists its codes"))
        .iter()
        .map(|c| c.as_str().unwrap().to_owned())
        .collect()
}

/// Each operation has a unique id, a tag and a summary; says what it answers on success;
/// and lists its errors as problem+json with their codes: 401 and the bearer scheme where
/// a login is needed, 403 where a permission is, 422 where a JSON body is taken.
#[test]
fn each_operation_says_who_may_call_it_and_how_it_fails() {
    let doc = document();
    let access: std::collections::HashMap<(String, String), web::access::Access> =
        web::route_table()
            .into_iter()
            .map(|r| ((r.method.as_str().to_owned(), r.path), r.access))
            .collect();
    let mut ids = BTreeSet::new();
    for (method, path, op) in operations(&doc) {
        let name = format!("{method} {path}");
        let id = op["operationId"].as_str().unwrap_or_default();
        assert!(
            !id.is_empty() && ids.insert(id.to_owned()),
            "{name}: id {id:?}"
        );
        assert!(op["tags"][0].is_string(), "{name} has a tag");
        assert!(op["summary"].is_string(), "{name} has a summary");
        let responses = op["responses"].as_object().unwrap();
        assert!(
            responses.keys().any(|s| s.starts_with('2')),
            "{name} says what it answers"
        );
        for status in responses.keys().filter(|s| !s.starts_with('2')) {
            assert!(!problem_codes(&op, status).is_empty(), "{name} {status}");
        }
        assert!(problem_codes(&op, "500").contains(&"internal_error".to_owned()));
        let security = op["security"].as_array().cloned().unwrap_or_default();
        match access[&(method.clone(), path.clone())] {
            web::access::Access::Public => {
                let token_problems = responses.contains_key("401")
                    && problem_codes(&op, "401").contains(&"token_expired".to_owned());
                assert!(!token_problems, "{name} is public");
                assert!(
                    security.is_empty() || security.contains(&serde_json::json!({})),
                    "{name} needs no token"
                );
            }
            needs => {
                assert_eq!(security, [serde_json::json!({"bearer": []})], "{name}");
                let codes = problem_codes(&op, "401");
                assert!(
                    codes.contains(&"token_expired".to_owned()),
                    "{name}: {codes:?}"
                );
                let forbidden = responses.contains_key("403")
                    && problem_codes(&op, "403").contains(&"forbidden".to_owned());
                if matches!(needs, web::access::Access::Permission(_)) {
                    assert!(forbidden, "{name} says 403");
                }
            }
        }
        let json_body = op["requestBody"]["content"]["application/json"].is_object();
        if json_body {
            assert!(
                problem_codes(&op, "422").contains(&"invalid_body".to_owned()),
                "{name}"
            );
            assert!(problem_codes(&op, "400").contains(&"malformed_json".to_owned()));
        }
    }
    let scheme = &doc["components"]["securitySchemes"]["bearer"];
    assert_eq!(
        (scheme["type"].as_str(), scheme["scheme"].as_str()),
        (Some("http"), Some("bearer"))
    );
}

/// Idempotency and pagination are in the document where the API honours them.
#[test]
fn idempotency_keys_and_cursors_are_described() {
    let doc = document();
    let hold = &doc["paths"]["/api/v1/bookings"]["post"];
    let params = hold["parameters"].as_array().unwrap();
    assert!(
        params
            .iter()
            .any(|p| p["name"] == "Idempotency-Key" && p["in"] == "header"),
        "{params:?}"
    );
    assert!(hold["responses"]["201"]["headers"]["Idempotent-Replayed"].is_object());
    for (path, page) in [
        ("/api/v1/bookings", "BookingPage"),
        ("/api/v1/experts", "Directory"),
    ] {
        let list = &doc["paths"][path]["get"];
        let names: Vec<&str> = list["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|p| p["name"].as_str())
            .collect();
        assert!(
            names.contains(&"cursor") && names.contains(&"limit"),
            "{path}: {names:?}"
        );
        assert!(
            doc["components"]["schemas"][page]["properties"]["next_cursor"].is_object(),
            "{page} has next_cursor"
        );
    }
}

/// `/api/openapi.json` serves this binary's document; `/api/docs` is Swagger UI from our
/// own assets (no CDN), its script in files the CSP allows.
#[tokio::test]
async fn the_document_and_its_browser_are_served() {
    let Some(app) = TestApp::spawn(Backend::Sqlite).await else {
        return;
    };
    let res = app.get("/api/openapi.json").await;
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    assert!(
        res.headers().get("set-cookie").is_none(),
        "the document is for programs"
    );
    let served: Value = res.json().await.unwrap();
    assert_eq!(served, document());

    let res = app.get("/api/docs").await;
    assert_eq!(res.status(), 200);
    let csp = res.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    let html = res.text().await.unwrap();
    assert!(html.contains("data-spec-url=\"/api/openapi.json\""));
    for asset in ["swagger-ui-bundle", "swagger-ui", "api-docs"] {
        let src = html
            .split('"')
            .find(|s| s.starts_with(&format!("/assets/{asset}.")))
            .unwrap_or_else(|| panic!("{asset} is linked"));
        let res = app.get(src).await;
        assert_eq!(res.status(), 200, "{src}");
    }
    assert!(!html.contains("<script>"), "no inline script");
}

/// `/api/docs` is a page although it lives under `/api/`: it gets the pre-session CSRF
/// cookie and a token in its forms (the language menu works there), and a signed-in
/// person sees their own header. Everything else under `/api/` stays for programs.
#[tokio::test]
async fn the_docs_page_is_a_page() {
    let Some(app) = TestApp::spawn(Backend::Sqlite).await else {
        return;
    };
    let res = app.get("/api/docs").await;
    let cookies: Vec<&str> = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    assert!(
        cookies.iter().any(|c| c.starts_with("mentora_csrf=")),
        "{cookies:?}"
    );
    let html = res.text().await.unwrap();
    let token = html
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default();
    assert_eq!(token.len(), 43, "the language form carries a token");

    let leo = app.learner("leo").await;
    let page = leo.browser.get("/api/docs").await.text().await.unwrap();
    assert!(
        page.contains("action=\"/logout\""),
        "signed in on the docs page"
    );
    // The same browser's cookie still means nothing to the API itself.
    let me = leo.browser.get("/api/v1/me").await;
    assert_eq!(me.status(), 401);
}

/// Two bodies given the same schema name would share one entry in the document, and one
/// would silently describe the other's responses (a search result once replaced the
/// paid booking a learner gets back).
#[test]
fn every_schema_name_is_given_once() {
    let mut seen = std::collections::BTreeMap::<String, String>::new();
    let mut twice = Vec::new();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../web/src");
    let mut folders = vec![root];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            for (n, line) in text.lines().enumerate() {
                let Some(rest) = line.trim().strip_prefix("#[schema(as = ") else {
                    continue;
                };
                let name = rest.trim_end_matches(")]").to_owned();
                let place = format!("{}:{}", path.display(), n + 1);
                if let Some(first) = seen.insert(name.clone(), place.clone()) {
                    twice.push(format!("{name}: {first} and {place}"));
                }
            }
        }
    }
    assert!(seen.len() > 20, "the schema names were not found");
    assert!(twice.is_empty(), "{twice:#?}");
}
