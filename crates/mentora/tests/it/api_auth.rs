//! The API's accounts: register, log in (with TOTP), refresh-token rotation and reuse
//! detection, logout, `/me`, key rotation, and the 401 codes for bad tokens.

use domain::Role;
use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::personas::Answer;
use crate::testkit::{Backend, TEST_PASSWORD, TestApp};

async fn problem(res: reqwest::Response) -> Answer {
    assert_eq!(
        res.headers()["content-type"].to_str().unwrap(),
        "application/problem+json"
    );
    let answer = Answer::of(res).await;
    assert!(!answer.json.is_null(), "not JSON: {answer}");
    answer
}

async fn registers_the_same_way_whether_or_not_the_address_is_taken(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let body = json!({"email": "Rae@Example.org", "password": TEST_PASSWORD, "display_name": "Rae", "time_zone": "Asia/Kathmandu", "currency": "npr"});
    let first = app.post_json("/api/v1/auth/register", &body).await;
    assert_eq!(first.status().as_u16(), 201);
    let first: Value = first.json().await.unwrap();
    let again = app.post_json("/api/v1/auth/register", &body).await;
    assert_eq!(again.status().as_u16(), 201);
    assert_eq!(again.json::<Value>().await.unwrap(), first);
    // The owner hears about the second attempt; nothing was created twice.
    let mail = store::outbox::newest(&app.db, 5).await.unwrap();
    assert_eq!(mail.len(), 2);
    assert!(mail[0].subject.contains("sign up"), "{}", mail[0].subject);
    let user = store::users::find_by_email(
        &app.db,
        &domain::EmailAddress::parse("rae@example.org").unwrap(),
    )
    .await
    .unwrap()
    .unwrap();
    assert_eq!(
        (user.time_zone.as_str(), user.currency.as_str()),
        ("Asia/Kathmandu", "NPR")
    );
}

async fn bad_registration_lists_every_field_and_creates_nothing(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let res = app
        .post_json(
            "/api/v1/auth/register",
            &json!({"email": "not-an-email", "password": "password", "display_name": " ", "time_zone": "Mars/Base", "currency": "XYZ"}),
        )
        .await;
    let answer = problem(res).await;
    assert_eq!(answer.status, 422);
    assert_eq!(answer.code(), "validation_failed");
    let fields: Vec<&str> = answer.json["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        ["display_name", "email", "password", "time_zone", "currency"]
    );
    assert!(
        answer.json["errors"][2]["message"]
            .as_str()
            .unwrap()
            .contains("common")
    );
    assert_eq!(store::users::count(&app.db).await.unwrap(), 0);
    // Unknown fields are refused too, naming the field.
    let res = app
        .post_json("/api/v1/auth/register", &json!({"email": "a@b.org", "password": TEST_PASSWORD, "display_name": "A", "role": "admin"}))
        .await;
    let answer = problem(res).await;
    assert_eq!((answer.status, answer.code()), (422, "invalid_body"));
    assert!(answer.json["detail"].as_str().unwrap().contains("role"));
}

async fn login_me_and_the_401_codes(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let user = app.create_user("mia@example.org", &[Role::Expert]).await;
    let (access, refresh) = app.api_log_in("mia@example.org").await;
    assert_eq!(access.split('.').count(), 3);
    assert_eq!(refresh.len(), 43);

    let me: Value = app
        .bearer(Method::GET, "/api/v1/me", &access)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["id"], user.id.to_string());
    assert_eq!(me["email"], "mia@example.org");
    assert_eq!(me["roles"], json!(["learner", "expert"]));
    assert_eq!(me["email_verified"], true);
    for key in ["display_name", "time_zone", "locale", "currency"] {
        assert!(me[key].is_string(), "{key}");
    }

    let answer = problem(app.get("/api/v1/me").await).await;
    assert_eq!((answer.status, answer.code()), (401, "unauthorized"));
    let answer = problem(
        app.bearer(Method::GET, "/api/v1/me", "garbage")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!((answer.status, answer.code()), (401, "token_malformed"));
    // Change the signature's first character: every bit of it counts (the last one carries
    // padding bits, and changing those makes the token malformed instead of invalid).
    let (signed, signature) = access.rsplit_once('.').unwrap();
    let first = if signature.starts_with('A') { 'B' } else { 'A' };
    let tampered = format!("{signed}.{first}{}", &signature[1..]);
    let answer = problem(
        app.bearer(Method::GET, "/api/v1/me", &tampered)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!((answer.status, answer.code()), (401, "token_invalid"));

    // A token past its expiry, signed with the real key.
    let key = store::signing_keys::usable(&app.db, jiff::SignedDuration::from_mins(15))
        .await
        .unwrap()
        .remove(0);
    let mut header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256);
    header.kid = Some(key.kid.clone());
    let now = chrono::Utc::now().timestamp();
    let expired = jsonwebtoken::encode(
        &header,
        &json!({"sub": user.id, "sid": uuid::Uuid::now_v7(), "iss": "mentora", "iat": now - 3600, "exp": now - 1800}),
        &jsonwebtoken::EncodingKey::from_secret(key.secret.as_bytes()),
    )
    .unwrap();
    let answer = problem(
        app.bearer(Method::GET, "/api/v1/me", &expired)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!((answer.status, answer.code()), (401, "token_expired"));

    let res = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"email": "mia@example.org", "password": "wrong password here"}),
        )
        .await;
    let answer = problem(res).await;
    assert_eq!((answer.status, answer.code()), (401, "invalid_credentials"));
    let res = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"email": "nobody@example.org", "password": "wrong password here"}),
        )
        .await;
    let unknown = problem(res).await;
    assert_eq!(
        (unknown.status, unknown.json["detail"].clone()),
        (401, answer.json["detail"].clone())
    );
}

async fn refresh_rotates_and_reuse_revokes_the_whole_login(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let user = app.create_user("ivo@example.org", &[]).await;
    let (_, first) = app.api_log_in("ivo@example.org").await;
    let res = app
        .post_json("/api/v1/auth/refresh", &json!({"refresh_token": first}))
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let pair: Value = res.json().await.unwrap();
    assert_eq!(pair["token_type"], "Bearer");
    assert_eq!(pair["expires_in"], 900);
    let second = pair["refresh_token"].as_str().unwrap().to_owned();
    assert_ne!(second, first);
    let me = app
        .bearer(
            Method::GET,
            "/api/v1/me",
            pair["access_token"].as_str().unwrap(),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(me.status().as_u16(), 200);

    // The first token, presented again: someone copied it. The whole family goes.
    let answer = problem(
        app.post_json("/api/v1/auth/refresh", &json!({"refresh_token": first}))
            .await,
    )
    .await;
    assert_eq!(
        (answer.status, answer.code()),
        (401, "refresh_token_reused")
    );
    let answer = problem(
        app.post_json("/api/v1/auth/refresh", &json!({"refresh_token": second}))
            .await,
    )
    .await;
    assert_eq!(
        (answer.status, answer.code()),
        (401, "refresh_token_invalid")
    );
    let kinds: Vec<String> = store::audit::for_user(&app.db, user.id, 20)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert!(
        kinds.contains(&"token.reuse_detected".to_owned()),
        "{kinds:?}"
    );

    // Another login is a separate family, untouched by that; logout ends it.
    let (_, other) = app.api_log_in("ivo@example.org").await;
    let res = app
        .post_json("/api/v1/auth/logout", &json!({"refresh_token": other}))
        .await;
    assert_eq!(res.status().as_u16(), 204);
    let answer = problem(
        app.post_json("/api/v1/auth/refresh", &json!({"refresh_token": other}))
            .await,
    )
    .await;
    assert_eq!(
        (answer.status, answer.code()),
        (401, "refresh_token_invalid")
    );
}

async fn concurrent_refreshes_of_one_token_rotate_at_most_once(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    app.create_user("zed@example.org", &[]).await;
    let (_, token) = app.api_log_in("zed@example.org").await;
    let body = json!({"refresh_token": token});
    let attempts = (0..8).map(|_| app.post_json("/api/v1/auth/refresh", &body));
    let statuses: Vec<u16> = futures::future::join_all(attempts)
        .await
        .iter()
        .map(|r| r.status().as_u16())
        .collect();
    // Presenting one token eight times at once is reuse: at most one presentation
    // rotates, and when the others detect the reuse first, none does (api_logins checks
    // that whatever was issued is dead). Never a 5xx from the contention itself.
    assert!(
        statuses.iter().filter(|s| **s == 200).count() <= 1,
        "{statuses:?}"
    );
    assert!(
        statuses.iter().all(|s| *s == 200 || *s == 401),
        "{statuses:?}"
    );
}

async fn rotated_keys_keep_issued_tokens_valid(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    app.create_user("kit@example.org", &[]).await;
    let (before, _) = app.api_log_in("kit@example.org").await;
    let old_kid = jsonwebtoken::decode_header(&before).unwrap().kid.unwrap();
    let new_kid = store::signing_keys::rotate(&app.db).await.unwrap();
    assert_ne!(old_kid, new_kid);
    // Issued before the rotation: still accepted until it expires.
    let res = app
        .bearer(Method::GET, "/api/v1/me", &before)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    // New tokens are signed with the new key (the server re-reads keys it does not know).
    let (after, _) = app.api_log_in("kit@example.org").await;
    let res = app
        .bearer(Method::GET, "/api/v1/me", &after)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
}

async fn patch_me_validates_every_field_and_stores_nothing_on_error(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    app.create_user("ana@example.org", &[]).await;
    let (access, _) = app.api_log_in("ana@example.org").await;
    let res = app
        .bearer(Method::PATCH, "/api/v1/me", &access)
        .json(&json!({
            "display_name": "Ana María",
            "time_zone": "america/sao_paulo",
            "locale": "es",
            "currency": "brl",
            "languages": ["pt", "es", "en"],
            "learning_goals": "Conversational Portuguese by June",
            "session_preferences": {"length_minutes": 45, "video_provider": "jitsi", "reminder_channels": ["email", "in_app"]}
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let me: Value = res.json().await.unwrap();
    assert_eq!(me["time_zone"], "America/Sao_Paulo");
    assert_eq!(me["currency"], "BRL");
    assert_eq!(me["languages"], json!(["pt", "es", "en"]));
    assert_eq!(me["session_preferences"]["length_minutes"], 45);

    let res = app
        .bearer(Method::PATCH, "/api/v1/me", &access)
        .json(&json!({"display_name": "Changed", "time_zone": "Europe/Atlantis", "currency": "EURO", "languages": ["xx"], "session_preferences": {"length_minutes": 7}}))
        .send()
        .await
        .unwrap();
    let answer = problem(res).await;
    assert_eq!(answer.status, 422);
    let fields: Vec<&str> = answer.json["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        [
            "time_zone",
            "currency",
            "languages",
            "session_length_minutes"
        ]
    );
    let me: Value = app
        .bearer(Method::GET, "/api/v1/me", &access)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        me["display_name"], "Ana María",
        "nothing is stored when a field is invalid"
    );

    let res = app
        .bearer(Method::PATCH, "/api/v1/me", &access)
        .json(&json!({"email": "x@y.org"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 422);
}

async fn admin_outbox_api_is_for_admins_newest_first(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    app.create_user("boss@example.org", &[Role::Admin]).await;
    app.create_user("pat@example.org", &[]).await;
    store::outbox::push(&app.db, "one@example.org", "First", "body one", None)
        .await
        .unwrap();
    store::outbox::push(&app.db, "two@example.org", "Second", "body two", None)
        .await
        .unwrap();
    let (admin, _) = app.api_log_in("boss@example.org").await;
    let (learner, _) = app.api_log_in("pat@example.org").await;
    let res = app
        .bearer(Method::GET, "/api/v1/admin/outbox", &admin)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let body: Value = res.json().await.unwrap();
    let messages = body["messages"].as_array().unwrap();
    assert_eq!(messages[0]["subject"], "Second");
    assert_eq!(messages[0]["to"], "two@example.org");
    assert_eq!(messages[0]["text"], "body two");
    assert!(messages[0]["created_at"].as_str().unwrap().ends_with('Z'));
    let answer = problem(
        app.bearer(Method::GET, "/api/v1/admin/outbox", &learner)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!((answer.status, answer.code()), (403, "forbidden"));
}

async fn admin_audit_api_filters_events(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    app.create_user("auditor@example.org", &[Role::Admin]).await;
    let watched = app.create_user("watched@example.org", &[]).await;
    app.api_log_in("watched@example.org").await;
    let res = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"email": "watched@example.org", "password": "wrong password here"}),
        )
        .await;
    assert_eq!(res.status().as_u16(), 401);
    let (admin, _) = app.api_log_in("auditor@example.org").await;

    let res = app
        .bearer(
            Method::GET,
            "/api/v1/admin/audit?email=watched@example.org&kind=login.failed",
            &admin,
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let body: Value = res.json().await.unwrap();
    let events = body["events"].as_array().unwrap();
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0]["kind"], "login.failed");
    assert_eq!(events[0]["user_id"], watched.id.to_string());
    assert_eq!(
        events[0]["actor_id"],
        Value::Null,
        "anyone could have typed a wrong password"
    );
    assert_eq!(events[0]["ip"], "127.0.0.1");

    let today = chrono::Utc::now().date_naive();
    let tomorrow = today.succ_opt().unwrap();
    let url = format!("/api/v1/admin/audit?email=watched@example.org&from={tomorrow}");
    let body: Value = app
        .bearer(Method::GET, &url, &admin)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(body["events"], json!([]), "nothing happened tomorrow");

    let res = app
        .bearer(Method::GET, "/api/v1/admin/audit?to=31/12/2026", &admin)
        .send()
        .await
        .unwrap();
    let answer = problem(res).await;
    assert_eq!((answer.status, answer.code()), (400, "bad_request"));
    assert!(
        answer.json["detail"]
            .as_str()
            .unwrap()
            .contains("to must be a date as YYYY-MM-DD")
    );
}

async fn totp_accounts_need_the_code_once_per_step(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let user = app.create_user("tess@example.org", &[]).await;
    let key = domain::totp::TotpKey::generate();
    store::second_factors::start_totp(&app.db, user.id, &key.base32())
        .await
        .unwrap();
    let now = chrono::Utc::now().timestamp() as u64;
    assert!(
        store::second_factors::accept_totp_step(&app.db, user.id, (now / 30 - 1) as i64)
            .await
            .unwrap()
    );
    let codes = app::factors::new_recovery_codes(&app.db, user.id, &Default::default())
        .await
        .unwrap();

    let login = |totp: Option<String>| {
        let mut body = json!({"email": "tess@example.org", "password": TEST_PASSWORD});
        if let Some(code) = totp {
            body["totp"] = json!(code);
        }
        let app = &app;
        async move { app.post_json("/api/v1/auth/login", &body).await }
    };
    let answer = problem(login(None).await).await;
    assert_eq!(
        (answer.status, answer.code()),
        (401, "second_factor_required")
    );
    let answer = problem(login(Some("000000".into())).await).await;
    assert_eq!(
        (answer.status, answer.code()),
        (401, "second_factor_invalid")
    );
    let code = key.code_at(now);
    assert_eq!(login(Some(code.clone())).await.status().as_u16(), 200);
    // The same code is never accepted twice.
    let answer = problem(login(Some(code)).await).await;
    assert_eq!(answer.status, 401);
    // A recovery code works once.
    assert_eq!(
        login(Some(codes[3].to_uppercase())).await.status().as_u16(),
        200
    );
    assert_eq!(login(Some(codes[3].clone())).await.status().as_u16(), 401);
    assert_eq!(
        store::second_factors::unused_recovery_codes(&app.db, user.id)
            .await
            .unwrap(),
        9
    );
}

both_backends!(
    registers_the_same_way_whether_or_not_the_address_is_taken,
    bad_registration_lists_every_field_and_creates_nothing,
    login_me_and_the_401_codes,
    refresh_rotates_and_reuse_revokes_the_whole_login,
    concurrent_refreshes_of_one_token_rotate_at_most_once,
    rotated_keys_keep_issued_tokens_valid,
    patch_me_validates_every_field_and_stores_nothing_on_error,
    admin_outbox_api_is_for_admins_newest_first,
    admin_audit_api_filters_events,
    totp_accounts_need_the_code_once_per_step,
);
