//! Experts over real HTTP on both databases: applying with documents, verification with
//! reasons, payout onboarding (sandbox, and Stripe Connect against a wire-level fake),
//! the directory and public profiles, and who may see what.

use reqwest::Method;
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};

use crate::both_backends;
use crate::personas::Answer;
use crate::testkit::{Backend, TestApp, send, ts};

const PDF: &[u8] = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";

fn valid_application() -> Value {
    json!({
        "headline": "Rust mentor for backend engineers",
        "bio": "I **teach** Rust.\n\n<script>alert(1)</script>",
        "specialties": ["rust", "devops"],
        "languages": ["en", "de"],
        "currency": "EUR",
        "rates": [{"duration_minutes": 30, "amount": 3000}, {"duration_minutes": 60, "amount": 5000}],
        "intro_video_url": "https://video.example.org/intro",
    })
}

async fn upload(app: &TestApp, token: &str, kind: &str, name: &str, bytes: Vec<u8>) -> Answer {
    let form = Form::new()
        .text("kind", kind.to_owned())
        .part("document", Part::bytes(bytes).file_name(name.to_owned()));
    let res = app
        .bearer(Method::POST, "/api/v1/experts/application/documents", token)
        .multipart(form)
        .send()
        .await
        .unwrap();
    Answer::of(res).await
}

fn fields(body: &Value) -> Vec<String> {
    body["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|e| e["field"].as_str().unwrap_or("").to_owned())
                .collect()
        })
        .unwrap_or_default()
}

async fn last_mail_to(app: &TestApp, to: &str) -> String {
    store::outbox::newest(&app.db, 50)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.to == to)
        .map(|m| format!("{}\n{}", m.subject, m.text))
        .unwrap_or_default()
}

/// Opens an account and saves a complete application as a draft (no documents yet);
/// returns the applicant's access token and account.
async fn applicant_with_draft(app: &TestApp, email: &str) -> (String, store::users::User) {
    let user = app.create_user(email, &[]).await;
    let (token, _) = app.api_log_in(email).await;
    let answer = send(
        app,
        Method::POST,
        "/api/v1/experts/application",
        &token,
        Some(valid_application()),
    )
    .await;
    assert_eq!(answer.status, 201);
    (token, user)
}

/// Applies with a document and submits; returns the applicant's access token and id.
pub(crate) async fn submitted_applicant(app: &TestApp, email: &str) -> (String, String) {
    let (token, user) = applicant_with_draft(app, email).await;
    assert_eq!(
        upload(app, &token, "identity", "passport.pdf", PDF.to_vec())
            .await
            .status,
        201
    );
    let answer = send(
        app,
        Method::POST,
        "/api/v1/experts/application/submit",
        &token,
        None,
    )
    .await;
    assert_eq!(
        (answer.status, answer.json["status"].as_str()),
        (200, Some("submitted")),
        "{answer}"
    );
    (token, user.id.to_string())
}

/// A verifier (an operator) signed in over the API: their access token.
async fn verifier(app: &TestApp) -> String {
    app.create_user("verifier@example.org", &[domain::Role::Admin])
        .await;
    app.api_log_in("verifier@example.org").await.0
}

/// A verifier approves the submitted application `id` over the API (setup, not the
/// subject: approval is tested in
/// `approving_a_resubmitted_application_grants_the_expert_role_and_badge`).
async fn approve(app: &TestApp, admin: &str, id: &str) {
    let answer = send(
        app,
        Method::POST,
        &format!("/api/v1/admin/experts/{id}/decision"),
        admin,
        Some(json!({"decision": "approve", "reason": "Identity and credentials checked."})),
    )
    .await;
    assert_eq!(
        (answer.status, answer.json["status"].as_str()),
        (200, Some("approved")),
        "{answer}"
    );
}

async fn a_bad_application_is_explained_field_by_field_and_not_stored(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    app.create_user("applicant@example.org", &[]).await;
    let (token, _) = app.api_log_in("applicant@example.org").await;

    // Bad input: every field explained, nothing stored.
    let answer = send(
        &app,
        Method::POST,
        "/api/v1/experts/application",
        &token,
        Some(json!({
            "currency": "EURO", "languages": ["english"], "specialties": ["basket-weaving"],
            "intro_video_url": "javascript:alert(1)",
        })),
    )
    .await;
    assert_eq!(
        (answer.status, answer.code()),
        (422, "validation_failed"),
        "{answer}"
    );
    assert_eq!(
        fields(&answer.json),
        ["specialties", "languages", "currency", "intro_video_url"]
    );
    let answer = send(&app, Method::POST, "/api/v1/experts/application", &token, Some(json!({
        "currency": "EUR",
        "rates": [{"duration_minutes": 60, "amount": -500}, {"duration_minutes": 30, "amount": 900_000_000}, {"duration_minutes": 61, "amount": 100}],
    }))).await;
    assert_eq!(answer.status, 422);
    assert_eq!(fields(&answer.json), ["rate_60", "rate_30", "rates"]);
    assert_eq!(
        send(
            &app,
            Method::GET,
            "/api/v1/experts/application",
            &token,
            None
        )
        .await
        .status,
        404
    );
}

async fn an_application_is_saved_as_a_draft_and_documents_are_checked_by_content(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let user = app.create_user("applicant@example.org", &[]).await;
    let (token, _) = app.api_log_in("applicant@example.org").await;

    // A draft, then documents checked by content.
    let answer = send(
        &app,
        Method::POST,
        "/api/v1/experts/application",
        &token,
        Some(valid_application()),
    )
    .await;
    assert_eq!(
        (answer.status, answer.json["status"].as_str()),
        (201, Some("draft")),
        "{answer}"
    );
    assert!(
        answer.json["bio_html"]
            .as_str()
            .unwrap()
            .contains("<strong>teach</strong>")
    );
    assert!(
        !answer.json["bio_html"]
            .as_str()
            .unwrap()
            .contains("<script")
    );
    assert_eq!(
        send(
            &app,
            Method::POST,
            "/api/v1/experts/application",
            &token,
            Some(json!({}))
        )
        .await
        .code(),
        "application_exists"
    );
    let answer = send(
        &app,
        Method::POST,
        "/api/v1/experts/application/submit",
        &token,
        None,
    )
    .await;
    assert_eq!(
        (answer.status, fields(&answer.json)),
        (422, vec!["documents".to_owned()])
    );
    let answer = upload(
        &app,
        &token,
        "identity",
        "passport.png",
        b"MZ\x90\x00 an executable".to_vec(),
    )
    .await;
    assert_eq!(
        (answer.status, fields(&answer.json)),
        (422, vec!["document".to_owned()])
    );
    let answer = upload(
        &app,
        &token,
        "identity",
        "huge.pdf",
        vec![b'%'; 11 * 1024 * 1024 + 10],
    )
    .await;
    assert_eq!(answer.status, 413);
    let answer = upload(&app, &token, "selfie", "a.pdf", PDF.to_vec()).await;
    assert_eq!(
        (answer.status, fields(&answer.json)),
        (422, vec!["kind".to_owned()])
    );
    assert!(
        store::experts::documents(&app.db, user.id)
            .await
            .unwrap()
            .is_empty(),
        "refused files are not stored"
    );
    let doc = upload(
        &app,
        &token,
        "identity",
        "../passport scan.exe",
        PDF.to_vec(),
    )
    .await;
    assert_eq!(doc.status, 201, "{doc}");
    assert_eq!(doc.json["file_name"], "passport scan.pdf");
    assert_eq!(doc.json["content_type"], "application/pdf");
    use sha2::Digest;
    let expected: String = sha2::Sha256::digest(PDF)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(doc.json["sha256"], expected.as_str());
}

async fn only_the_owner_and_verifiers_read_an_application_document(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let admin = verifier(&app).await;
    let (token, _) = applicant_with_draft(&app, "applicant@example.org").await;
    let doc = upload(
        &app,
        &token,
        "identity",
        "../passport scan.exe",
        PDF.to_vec(),
    )
    .await;
    assert_eq!(doc.status, 201, "{doc}");

    // Only the owner and verifiers read it.
    let doc_url = doc.json["url"].as_str().unwrap().to_owned();
    let own = app
        .bearer(Method::GET, &doc_url, &token)
        .send()
        .await
        .unwrap();
    assert_eq!(own.status().as_u16(), 200);
    assert_eq!(
        own.headers()["content-disposition"],
        "attachment; filename=\"passport scan.pdf\""
    );
    assert_eq!(own.bytes().await.unwrap().as_ref(), PDF);
    app.create_user("nosy@example.org", &[]).await;
    let (nosy, _) = app.api_log_in("nosy@example.org").await;
    assert_eq!(
        app.bearer(Method::GET, &doc_url, &nosy)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        404
    );
    assert_eq!(
        app.bearer(Method::GET, &doc_url, &admin)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        200
    );
}

async fn a_submitted_application_is_locked_and_decided_by_a_verifier_only(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let admin = verifier(&app).await;
    // Submitting (200, "submitted") is checked by `submitted_applicant`.
    let (token, id) = submitted_applicant(&app, "applicant@example.org").await;
    app.create_user("nosy@example.org", &[]).await;
    let (nosy, _) = app.api_log_in("nosy@example.org").await;

    // Submitted: locked for the applicant, decided by a verifier only.
    let answer = send(
        &app,
        Method::PATCH,
        "/api/v1/experts/application",
        &token,
        Some(json!({"headline": "x y z"})),
    )
    .await;
    assert_eq!((answer.status, answer.code()), (409, "application_state"));
    let decide = format!("/api/v1/admin/experts/{id}/decision");
    let answer = send(
        &app,
        Method::POST,
        &decide,
        &nosy,
        Some(json!({"decision": "approve", "reason": "looks fine"})),
    )
    .await;
    assert_eq!(answer.status, 403);
    let queue = send(&app, Method::GET, "/api/v1/admin/experts", &admin, None).await;
    assert_eq!(
        queue.json["applications"][0]["email"],
        "applicant@example.org"
    );
    assert!(
        queue.json["applications"][0]["waiting_seconds"]
            .as_i64()
            .unwrap()
            >= 0
    );
    let answer = send(
        &app,
        Method::POST,
        &decide,
        &admin,
        Some(json!({"decision": "maybe", "reason": ""})),
    )
    .await;
    assert_eq!(
        (answer.status, fields(&answer.json)),
        (422, vec!["decision".to_owned(), "reason".to_owned()])
    );
    let answer = send(
        &app,
        Method::POST,
        &decide,
        &admin,
        Some(json!({"decision": "request_changes", "reason": "The passport scan is blurred."})),
    )
    .await;
    assert_eq!(
        (answer.status, answer.json["status"].as_str()),
        (200, Some("changes_requested")),
        "{answer}"
    );
    assert!(
        last_mail_to(&app, "applicant@example.org")
            .await
            .contains("The passport scan is blurred.")
    );
    let answer = send(
        &app,
        Method::POST,
        &decide,
        &admin,
        Some(json!({"decision": "approve", "reason": "again"})),
    )
    .await;
    assert_eq!(
        answer.status, 409,
        "only submitted applications are decided"
    );
}

async fn approving_a_resubmitted_application_grants_the_expert_role_and_badge(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let admin = verifier(&app).await;
    let (token, id) = submitted_applicant(&app, "applicant@example.org").await;
    let user_id: uuid::Uuid = id.parse().unwrap();
    let decide = format!("/api/v1/admin/experts/{id}/decision");
    let answer = send(
        &app,
        Method::POST,
        &decide,
        &admin,
        Some(json!({"decision": "request_changes", "reason": "The passport scan is blurred."})),
    )
    .await;
    assert_eq!(
        (answer.status, answer.json["status"].as_str()),
        (200, Some("changes_requested")),
        "{answer}"
    );

    // The expert edits and resubmits; approval grants the role and the badge.
    let answer = send(
        &app,
        Method::PATCH,
        "/api/v1/experts/application",
        &token,
        Some(json!({"headline": "Rust and Kubernetes mentor"})),
    )
    .await;
    assert_eq!(
        (answer.status, answer.json["headline"].as_str()),
        (200, Some("Rust and Kubernetes mentor"))
    );
    assert_eq!(
        answer.json["rates"][1]["amount"], 5000,
        "PATCH keeps what it does not name"
    );
    assert_eq!(
        send(
            &app,
            Method::POST,
            "/api/v1/experts/application/submit",
            &token,
            None
        )
        .await
        .status,
        200
    );
    let answer = send(
        &app,
        Method::POST,
        &decide,
        &admin,
        Some(json!({"decision": "approve", "reason": "Identity and credentials checked."})),
    )
    .await;
    assert_eq!(
        (answer.status, answer.json["status"].as_str()),
        (200, Some("approved"))
    );
    assert!(answer.json["verified_at"].is_string());
    assert!(
        store::users::roles_of(&app.db, user_id)
            .await
            .unwrap()
            .contains(&domain::Role::Expert)
    );
    let audit = store::audit::for_user(&app.db, user_id, 50).await.unwrap();
    let kinds: Vec<&str> = audit.iter().map(|e| e.kind.as_str()).collect();
    assert!(
        kinds.contains(&"expert.changes_requested") && kinds.contains(&"expert.approved"),
        "{kinds:?}"
    );
}

async fn an_approved_expert_is_listed_once_payouts_work_and_hidden_while_suspended(
    backend: Backend,
) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let admin = verifier(&app).await;
    let (token, id) = submitted_applicant(&app, "applicant@example.org").await;
    approve(&app, &admin, &id).await;
    let answer = send(
        &app,
        Method::PATCH,
        "/api/v1/experts/application",
        &token,
        Some(json!({"headline": "Rust and Kubernetes mentor"})),
    )
    .await;
    assert_eq!(answer.status, 200);

    // Not bookable until payouts are enabled: not listed, profile hidden from strangers.
    let profile_path = format!("/api/v1/experts/{id}");
    assert_eq!(app.get(&profile_path).await.status().as_u16(), 404);
    let payouts = send(
        &app,
        Method::GET,
        "/api/v1/experts/me/payouts",
        &token,
        None,
    )
    .await;
    assert_eq!(
        (
            payouts.json["test_mode"].as_bool(),
            payouts.json["payouts_enabled"].as_bool()
        ),
        (Some(true), Some(false))
    );
    let answer = send(
        &app,
        Method::POST,
        "/api/v1/experts/me/payouts/onboarding",
        &token,
        None,
    )
    .await;
    assert_eq!(
        (answer.status, answer.json["url"].as_str()),
        (200, Some("/experts/payouts/sandbox"))
    );
    let browser = app.another_client();
    browser.log_in_as("applicant@example.org").await;
    let done = browser.submit("/experts/payouts/sandbox", &[]).await;
    assert_eq!(done.status().as_u16(), 303);

    // Listed, found by text, with an estimate in the viewer's currency.
    let listed: Value = app
        .get("/api/v1/experts?q=kubernetes&currency=USD")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listed["experts"][0]["id"], id, "{listed}");
    assert_eq!(listed["experts"][0]["hourly_from"]["display"], "50.00 EUR");
    assert_eq!(
        listed["experts"][0]["hourly_from_estimate"]["currency"],
        "USD"
    );
    let public: Value = app
        .get(&format!("{profile_path}?currency=JPY"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(public["rates"][0]["price"]["display"], "30.00 EUR");
    assert_eq!(public["rates"][0]["estimate"]["currency"], "JPY");

    // Suspended: hidden from search and the profile, the expert told.
    let suspend = format!("/api/v1/admin/experts/{id}/suspension");
    let answer = send(
        &app,
        Method::POST,
        &suspend,
        &admin,
        Some(json!({"suspended": true, "reason": "Reported no-shows."})),
    )
    .await;
    assert_eq!(answer.status, 200);
    let listed: Value = app
        .get("/api/v1/experts?q=kubernetes")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listed["experts"].as_array().unwrap().len(), 0);
    assert_eq!(app.get(&profile_path).await.status().as_u16(), 404);
    assert!(
        last_mail_to(&app, "applicant@example.org")
            .await
            .contains("Reported no-shows.")
    );
    let answer = send(
        &app,
        Method::POST,
        &suspend,
        &admin,
        Some(json!({"suspended": false, "reason": "Resolved with the learner."})),
    )
    .await;
    assert_eq!(answer.status, 200);
    assert_eq!(app.get(&profile_path).await.status().as_u16(), 200);
}

async fn only_verified_accounts_apply(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let user = app.create_user("unverified@example.org", &[]).await;
    // Undo the verification the test helper gave the account.
    let created = store::users::change_email(
        &app.db,
        user.id,
        &domain::EmailAddress::parse("unverified2@example.org").unwrap(),
    )
    .await;
    assert!(created.is_ok());
    let (token, _) = app.api_log_in("unverified2@example.org").await;
    let answer = send(
        &app,
        Method::POST,
        "/api/v1/experts/application",
        &token,
        Some(valid_application()),
    )
    .await;
    assert_eq!((answer.status, answer.code()), (403, "email_unverified"));
}

async fn directory_filters_sort_and_paginate(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    app.create_user("boss@example.org", &[domain::Role::Admin])
        .await;
    let (admin, _) = app.api_log_in("boss@example.org").await;
    let mut ids = Vec::new();
    let mut tokens = Vec::new();
    for (i, (currency, hour, language)) in [
        ("EUR", 4000, "es"),
        ("USD", 9000, "en"),
        ("JPY", 3000, "ja"),
        ("EUR", 7000, "en"),
        ("GBP", 5000, "en"),
    ]
    .iter()
    .enumerate()
    {
        let email = format!("e{i}@example.org");
        let (token, id) = submitted_applicant(&app, &email).await;
        approve(&app, &admin, &id).await;
        let answer = send(
            &app,
            Method::PATCH,
            "/api/v1/experts/application",
            &token,
            Some(json!({
                "currency": currency, "languages": [language],
                "rates": [{"duration_minutes": 60, "amount": hour}],
            })),
        )
        .await;
        assert_eq!(answer.status, 200);
        let account = format!("acct_sandbox_{}", id.replace('-', ""));
        store::experts::set_payout_account(&app.db, id.parse().unwrap(), &account)
            .await
            .unwrap();
        store::experts::update_payout_state(
            &app.db,
            &account,
            &store::experts::PayoutState {
                account_id: Some(account.clone()),
                charges_enabled: true,
                payouts_enabled: true,
                requirements: vec![],
            },
            ts(1),
        )
        .await
        .unwrap();
        ids.push(id);
        tokens.push(token);
    }
    // One has a free slot tomorrow (the scheduling engine keeps this column).
    let tomorrow = chrono::Utc::now().timestamp() + 86_400;
    store::experts::set_next_available(&app.db, ids[3].parse().unwrap(), Some(ts(tomorrow)))
        .await
        .unwrap();

    let names = |v: &Value| -> Vec<String> {
        v["experts"]
            .as_array()
            .unwrap_or_else(|| panic!("not a list of experts: {v}"))
            .iter()
            .map(|e| e["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let by_price: Value = app
        .get("/api/v1/experts?sort=price&currency=USD")
        .await
        .json()
        .await
        .unwrap();
    // 3000 JPY ≈ 19.87 USD < 40 EUR ≈ 43.48 < 50 GBP ≈ 63.29 < 70 EUR ≈ 76.09 < 90 USD.
    assert_eq!(
        names(&by_price),
        [
            ids[2].clone(),
            ids[0].clone(),
            ids[4].clone(),
            ids[3].clone(),
            ids[1].clone()
        ]
    );
    let english: Value = app
        .get("/api/v1/experts?language=en&min_price=60&max_price=80&currency=USD")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(names(&english), [ids[3].clone(), ids[4].clone()]);
    assert_eq!(names(&english).len(), 2);
    // A language by its own name or its English name filters as its code does.
    for named in ["English", "english", "ENGLISH"] {
        let by_name: Value = app
            .get(&format!(
                "/api/v1/experts?language={named}&min_price=60&max_price=80&currency=USD"
            ))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(names(&by_name), names(&english), "{named}");
    }
    // Spanish by its own name, accents and case aside: the one expert who teaches in it.
    for named in ["es", "Español", "espanol", "ESPAÑOL", "Spanish"] {
        let by_name: Value = app
            .get(&format!("/api/v1/experts?language={named}"))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(names(&by_name), [ids[0].clone()], "{named}");
    }
    let available: Value = app
        .get("/api/v1/experts?available=1")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(names(&available), [ids[3].clone()]);
    let soonest: Value = app
        .get("/api/v1/experts?sort=soonest")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(names(&soonest)[0], ids[3]);

    // Cursor pagination visits everyone once.
    let mut seen = Vec::new();
    let mut next = Some(String::new());
    while let Some(cursor) = next {
        let page: Value = app
            .get(&format!(
                "/api/v1/experts?sort=price&limit=2&cursor={cursor}"
            ))
            .await
            .json()
            .await
            .unwrap();
        seen.extend(names(&page));
        next = page["next_cursor"].as_str().map(str::to_owned);
        assert!(seen.len() <= 5);
    }
    assert_eq!(seen, names(&by_price));

    // A currency without a reference rate: still listed, but last by price (the cheapest
    // until now) and outside every price range, which cannot be compared with it.
    let answer = send(
        &app,
        Method::PATCH,
        "/api/v1/experts/application",
        &tokens[2],
        Some(json!({"currency": "ZMW", "rates": [{"duration_minutes": 60, "amount": 1000}]})),
    )
    .await;
    assert_eq!(answer.status, 200);
    let by_price: Value = app
        .get("/api/v1/experts?sort=price&currency=USD")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(names(&by_price).last(), Some(&ids[2]));
    assert_eq!(names(&by_price).len(), 5);
    let from_ten: Value = app
        .get("/api/v1/experts?min_price=10&currency=USD")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(names(&from_ten).len(), 4);
    assert!(!names(&from_ten).contains(&ids[2]));

    // Bad filters: one problem per field, stable codes.
    let res = app
        .get(
            "/api/v1/experts?language=klingon&min_price=abc&currency=EURO&sort=cheapest&cursor=zzz",
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let body: Value = res.json().await.unwrap();
    assert_eq!(fields(&body), ["currency", "language", "sort", "cursor"]);
    let body: Value = app
        .get("/api/v1/experts?min_price=90&max_price=10")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(fields(&body), ["max_price"]);
}

async fn documents_of_rejected_applications_go_after_retention(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    app.create_user("admin2@example.org", &[domain::Role::Admin])
        .await;
    let (admin, _) = app.api_log_in("admin2@example.org").await;
    let (_, id) = submitted_applicant(&app, "rejected@example.org").await;
    let answer = send(
        &app,
        Method::POST,
        &format!("/api/v1/admin/experts/{id}/decision"),
        &admin,
        Some(json!({"decision": "reject", "reason": "Not a real credential."})),
    )
    .await;
    assert_eq!(answer.status, 200);
    let user_id = id.parse().unwrap();
    let docs = store::experts::documents(&app.db, user_id).await.unwrap();
    assert_eq!(docs.len(), 1);
    let files =
        app::files::ObjectFiles::local(&app.data_dir.as_ref().unwrap().path().join("files"))
            .unwrap();
    use app::files::FileStore;
    assert!(files.get(&docs[0].storage_key).await.unwrap().is_some());
    let retention = jiff::SignedDuration::from_hours(24 * 90);
    let early =
        app::experts::documents::purge_rejected(&app.db, &files, jiff::Timestamp::now(), retention)
            .await
            .unwrap();
    assert_eq!(early, 0, "kept during the retention period");
    let later = jiff::Timestamp::now() + jiff::SignedDuration::from_hours(24 * 91);
    let removed = app::experts::documents::purge_rejected(&app.db, &files, later, retention)
        .await
        .unwrap();
    assert_eq!(removed, 1);
    assert!(files.get(&docs[0].storage_key).await.unwrap().is_none());
    assert!(
        store::experts::documents(&app.db, user_id)
            .await
            .unwrap()
            .is_empty()
    );
}

/// A YouTube or Vimeo intro video plays on the profile in its privacy-enhanced player, and
/// only such a profile lets the page frame it; any other link stays a link.
async fn an_intro_video_plays_on_the_profile_in_its_privacy_enhanced_player(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let admin = verifier(&app).await;
    let (token, id) = submitted_applicant(&app, "video@example.org").await;
    approve(&app, &admin, &id).await;
    let onboarding = "/api/v1/experts/me/payouts/onboarding";
    assert_eq!(
        send(&app, Method::POST, onboarding, &token, None)
            .await
            .status,
        200
    );
    let browser = app.another_client();
    browser.log_in_as("video@example.org").await;
    assert_eq!(
        browser
            .submit("/experts/payouts/sandbox", &[])
            .await
            .status()
            .as_u16(),
        303
    );
    let listed: Value = app
        .get("/api/v1/experts?q=rust")
        .await
        .json()
        .await
        .unwrap();
    let profile = listed["experts"][0]["url"].as_str().unwrap().to_owned();

    // The directory's card: the languages by their own names (marked with their codes),
    // and the price of each offered length as the profile shows it, not a per-hour figure.
    let directory = app
        .get("/experts?q=rust&currency=EUR")
        .await
        .text()
        .await
        .unwrap();
    let card = directory.split("expert-card").nth(1).unwrap_or_default();
    assert!(
        card.contains(r#"<span lang="de">Deutsch</span>, <span lang="en">English</span>"#),
        "{card}"
    );
    assert!(
        card.contains("<dt>30 min</dt><dd class=\"font-semibold\"><bdi>€30.00"),
        "{card}"
    );
    assert!(
        card.contains("<dt>60 min</dt><dd class=\"font-semibold\"><bdi>€50.00"),
        "{card}"
    );
    assert!(!card.contains("hour"), "{card}");

    let page = |video: &'static str| {
        let (app, token, profile) = (&app, &token, &profile);
        async move {
            let body = json!({ "intro_video_url": video });
            let edit = send(
                app,
                Method::PATCH,
                "/api/v1/experts/application",
                token,
                Some(body),
            );
            assert_eq!(edit.await.status, 200, "{video}");
            let res = app.get(profile).await;
            assert_eq!(res.status().as_u16(), 200);
            let policy = res.headers()["content-security-policy"]
                .to_str()
                .unwrap()
                .to_owned();
            (policy, res.text().await.unwrap())
        }
    };

    let (policy, html) = page("https://youtu.be/dQw4w9WgXcQ?si=tracking").await;
    assert!(
        policy.contains("frame-src https://www.youtube-nocookie.com;"),
        "{policy}"
    );
    // Only the video's id reaches the player (the closing quote: nothing after it).
    assert!(
        html.contains(r#"<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ""#),
        "{html}"
    );
    assert!(html.contains("introduction video (YouTube)"));

    let (policy, html) = page("https://vimeo.com/76979871").await;
    assert!(
        policy.contains("frame-src https://player.vimeo.com;"),
        "{policy}"
    );
    assert!(html.contains("https://player.vimeo.com/video/76979871?dnt=1"));

    let (policy, html) = page("https://video.example.org/intro").await;
    assert!(!policy.contains("frame-src"), "{policy}");
    assert!(!html.contains("<iframe"));
    assert!(html.contains(r#"href="https://video.example.org/intro""#));
}

/// Removing a document and suspending an expert ask first, naming what goes; only the
/// answer from the confirmation page acts.
async fn removing_a_document_and_suspending_an_expert_ask_first(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let (token, user) = applicant_with_draft(&app, "careful@example.org").await;
    let uploaded = upload(&app, &token, "identity", "passport.pdf", PDF.to_vec()).await;
    let document = uploaded.json["id"].as_str().unwrap().to_owned();
    let page = app.another_client();
    page.log_in_as("careful@example.org").await;
    let remove = format!("/experts/apply/documents/{document}/remove");
    let asked = page.submit(&remove, &[]).await;
    assert_eq!(asked.status().as_u16(), 200);
    let html = asked.text().await.unwrap();
    assert!(
        html.contains("Remove passport.pdf?") && html.contains("Keep the file"),
        "{html}"
    );
    let kept = store::experts::documents(&app.db, user.id).await.unwrap();
    assert_eq!(kept.len(), 1, "asking removes nothing");
    let removed = page.submit(&remove, &[("confirmed", "yes")]).await;
    assert_eq!(removed.status().as_u16(), 303);
    assert!(
        store::experts::documents(&app.db, user.id)
            .await
            .unwrap()
            .is_empty()
    );

    let admin = verifier(&app).await;
    let (_, id) = submitted_applicant(&app, "listed@example.org").await;
    approve(&app, &admin, &id).await;
    let operator = app.another_client();
    operator.log_in_as("verifier@example.org").await;
    let suspend = format!("/admin/experts/{id}/suspension");
    let form = [("action", "suspend"), ("reason", "Reported no-shows.")];
    let asked = operator.submit(&suspend, &form).await;
    assert_eq!(asked.status().as_u16(), 200);
    let html = asked.text().await.unwrap();
    assert!(html.contains("Suspend listed?"), "{html}");
    assert!(html.contains("They are emailed your reason: Reported no-shows."));
    assert!(html.contains(&format!(r#"href="/admin/experts/{id}""#)));
    let profile = store::experts::find(&app.db, id.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert!(profile.suspended_at.is_none(), "asking suspends no one");
    let done = operator
        .submit(&suspend, &[form[0], form[1], ("confirmed", "yes")])
        .await;
    assert_eq!(done.status().as_u16(), 303);
    let profile = store::experts::find(&app.db, id.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert!(profile.suspended_at.is_some());
}

both_backends!(
    removing_a_document_and_suspending_an_expert_ask_first,
    an_intro_video_plays_on_the_profile_in_its_privacy_enhanced_player,
    a_bad_application_is_explained_field_by_field_and_not_stored,
    an_application_is_saved_as_a_draft_and_documents_are_checked_by_content,
    only_the_owner_and_verifiers_read_an_application_document,
    a_submitted_application_is_locked_and_decided_by_a_verifier_only,
    approving_a_resubmitted_application_grants_the_expert_role_and_badge,
    an_approved_expert_is_listed_once_payouts_work_and_hidden_while_suspended,
    only_verified_accounts_apply,
    directory_filters_sort_and_paginate,
    documents_of_rejected_applications_go_after_retention,
);

/// Edits racing each other all land, on both databases. On SQLite each write
/// transaction takes the write lock as it begins, so one that read before another
/// committed waits its turn instead of failing with "database is locked" (a 500, until
/// Schemathesis found it); on PostgreSQL the row lock orders them.
async fn racing_edits_of_an_application_all_land(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let leo = app.learner("leo").await;
    let created = leo
        .api(
            Method::POST,
            "/api/v1/experts/application",
            valid_application(),
        )
        .await;
    assert_eq!(created.status, 201, "{:?}", created.json);
    let headline = |i: usize| format!("Edit number {i} of this headline");
    let edits = (0..24).map(|i| {
        let leo = &leo;
        async move {
            let body = json!({ "headline": headline(i) });
            leo.api(Method::PATCH, "/api/v1/experts/application", body)
                .await
                .status
        }
    });
    let statuses = futures::future::join_all(edits).await;
    assert!(statuses.iter().all(|&s| s == 200), "{statuses:?}");
    // One of the edits is what stands: whole, not a mix of two.
    let own = leo
        .api(Method::GET, "/api/v1/experts/application", None)
        .await;
    let stands = own.json["headline"].as_str().unwrap_or_default().to_owned();
    assert!((0..24).any(|i| headline(i) == stands), "{stands:?}");
}

both_backends!(racing_edits_of_an_application_all_land);
