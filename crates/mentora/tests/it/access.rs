//! Authorisation on every route: the route table is walked as anonymous, learner, expert
//! and admin, and every answer must match the route's declared access. A route registered
//! outside the table fails the source check below, so none goes without a decision.

use domain::Role;
use reqwest::Method;
use web::access::Access;

use crate::both_backends;
use crate::testkit::{Backend, TestApp};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Persona {
    Anonymous,
    Learner,
    Expert,
    Admin,
}

/// What the walk expects a persona to get from a route with this access.
fn allowed(access: Access, persona: Persona) -> bool {
    match access {
        Access::Public => true,
        Access::SignedIn => persona != Persona::Anonymous,
        Access::Permission(p) => match persona {
            Persona::Admin => domain::permission::allows(&[Role::Learner, Role::Admin], p),
            Persona::Expert => domain::permission::allows(&[Role::Learner, Role::Expert], p),
            Persona::Learner => domain::permission::allows(&[Role::Learner], p),
            Persona::Anonymous => false,
        },
    }
}

fn concrete(path: &str) -> String {
    path.split('/')
        .map(|segment| match segment {
            "{id}" => uuid::Uuid::now_v7().to_string(),
            s if s.starts_with('{') => "walk".to_owned(),
            s => s.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("/")
}

async fn every_route_answers_each_kind_of_caller_as_declared(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    app.create_user("walk-learner@example.org", &[]).await;
    app.create_user("walk-expert@example.org", &[Role::Expert])
        .await;
    app.create_user("walk-admin@example.org", &[Role::Admin])
        .await;
    let mut personas = Vec::new();
    for (persona, email) in [
        (Persona::Anonymous, None),
        (Persona::Learner, Some("walk-learner@example.org")),
        (Persona::Expert, Some("walk-expert@example.org")),
        (Persona::Admin, Some("walk-admin@example.org")),
    ] {
        let browser = app.another_client();
        let token = match email {
            Some(email) => {
                browser.log_in_as(email).await;
                Some(app.api_log_in(email).await.0)
            }
            None => None,
        };
        let csrf = browser.csrf_token().await;
        personas.push((persona, browser, token, csrf));
    }

    let table = web::route_table();
    assert!(table.len() > 30, "the table lists every route");
    let mut checked = 0;
    for route in &table {
        // Logging out would end the persona's session halfway through the walk.
        if route.path == "/logout" || route.path == "/account/sessions/end-all" {
            continue;
        }
        let path = concrete(&route.path);
        for (persona, browser, token, csrf) in &personas {
            let api = route.path.starts_with("/api/v1/");
            let mut req = browser
                .client
                .request(route.method.clone(), browser.at(&path));
            if api {
                if let Some(token) = token {
                    req = req.header("authorization", format!("Bearer {token}"));
                }
                if route.method != Method::GET {
                    req = req.header("content-type", "application/json").body("{}");
                }
            } else if route.method != Method::GET {
                req = req.form(&[("csrf", csrf.as_str())]);
            }
            let res = req.send().await.unwrap();
            let status = res.status().as_u16();
            let location = res
                .headers()
                .get("location")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_owned();
            let what = format!(
                "{} {} as {persona:?} → {status} {location}",
                route.method, route.path
            );
            assert!(status < 500, "{what}");
            let sent_to_login =
                status == 303 && location.starts_with("/login") && route.path != "/login";
            if allowed(route.access, *persona) {
                assert!(
                    status != 401 && status != 403 && !sent_to_login
                        || route.access == Access::Public,
                    "{what}"
                );
            } else if *persona == Persona::Anonymous {
                assert!(if api { status == 401 } else { sent_to_login }, "{what}");
            } else {
                assert_eq!(status, 403, "{what}");
            }
            checked += 1;
        }
    }
    assert!(checked >= table.len() * 4 - 8);
}

async fn owners_act_only_on_their_own_sessions(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let admin = app
        .create_user("own-admin@example.org", &[Role::Admin])
        .await;
    app.create_user("own-learner@example.org", &[]).await;
    let admin_browser = app.another_client();
    admin_browser.log_in_as("own-admin@example.org").await;
    let admin_session = store::logins::list_for_user(&app.db, admin.id)
        .await
        .unwrap()
        .remove(0);

    let learner = app.another_client();
    learner.log_in_as("own-learner@example.org").await;
    let res = learner
        .submit(
            "/account/sessions/end",
            &[("session", admin_session.digest.as_str())],
        )
        .await;
    assert_eq!(res.status().as_u16(), 404);
    assert_eq!(
        store::logins::list_for_user(&app.db, admin.id)
            .await
            .unwrap()
            .len(),
        1
    );
    // The admin's page still works: the session was not ended.
    assert_eq!(
        admin_browser
            .get("/account/security")
            .await
            .status()
            .as_u16(),
        200
    );
}

/// Every route goes through `access::Routes`: no `.route(` anywhere else in the web crate.
#[test]
fn no_route_is_registered_outside_the_access_table() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../web/src");
    let mut offenders = Vec::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("access.rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for needle in [
                    ".route(",
                    ".route_service(",
                    ".nest_service(",
                    ".fallback_service(",
                ] {
                    if text.contains(needle) {
                        offenders.push(format!("{} uses {needle}", path.display()));
                    }
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "register routes through access::Routes: {offenders:?}"
    );
}

both_backends!(
    every_route_answers_each_kind_of_caller_as_declared,
    owners_act_only_on_their_own_sessions,
);
