//! The expert pages as a browser uses them, over real HTTP on both databases: the
//! application form (repeated checkboxes, inline errors that keep what was typed), document
//! upload, the directory's htmx partial, the public profile's structured data, the
//! verifier's forms, the taxonomy, and search text that follows renames.

use app::experts::application::{self, ApplicationInput};
use reqwest::multipart::{Form, Part};
use serde_json::Value;
use store::logins::ClientInfo;

use crate::both_backends;
use crate::testkit::{Backend, TestApp, directory_names};

/// Names of the experts a text search finds.
async fn found_by(app: &TestApp, q: &str) -> Vec<String> {
    directory_names(app, &format!("q={q}")).await
}

async fn the_application_form_keeps_input_and_explains_each_field(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let user = app.create_user("form@example.org", &[]).await;
    app.log_in_as("form@example.org").await;
    let page = app.get("/experts/apply").await;
    assert_eq!(page.status().as_u16(), 200);
    assert!(page.text().await.unwrap().contains("Not started"));

    let refused = app
        .submit(
            "/experts/apply",
            &[
                ("headline", "Guitar for grown-ups"),
                ("specialties", "guitar"),
                ("currency", "EUR"),
                ("rate_60", "-5"),
                ("rate_30", "12.345"),
            ],
        )
        .await;
    assert_eq!(refused.status().as_u16(), 422);
    let html = refused.text().await.unwrap();
    assert!(
        html.contains(r#"value="Guitar for grown-ups""#),
        "what was typed stays"
    );
    assert!(html.contains(r#"id="rate_60" name="rate_60" type="text" inputmode="decimal" size="8" value="-5" aria-invalid="true""#));
    assert!(html.contains("Enter a price above zero."));
    assert!(html.contains("This currency has fewer decimal places."));
    assert!(
        store::experts::find(&app.db, user.id)
            .await
            .unwrap()
            .is_none(),
        "nothing stored"
    );

    let saved = app
        .submit(
            "/experts/apply",
            &[
                ("headline", "Guitar for grown-ups"),
                ("bio", "Hi"),
                ("specialties", "guitar"),
                ("specialties", "singing"),
                ("languages", "en, es"),
                ("currency", "EUR"),
                ("rate_60", "45.50"),
                ("rate_30", ""),
            ],
        )
        .await;
    assert_eq!(saved.status().as_u16(), 303);
    let stored = store::experts::find(&app.db, user.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.specialties, ["guitar", "singing"]);
    assert_eq!(stored.rates, [(60, 4550)]);
    assert_eq!(stored.languages, ["en", "es"]);

    // Documents through the page: a disguised file is explained, a real one listed.
    let csrf = app.csrf_token().await;
    let upload = |bytes: Vec<u8>, name: &str| {
        Form::new()
            .text("csrf", csrf.clone())
            .text("kind", "identity")
            .part("document", Part::bytes(bytes).file_name(name.to_owned()))
    };
    let res = app
        .client
        .post(app.at("/experts/apply/documents"))
        .multipart(upload(b"GIF89a not really".to_vec(), "id.pdf"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains(r#"id="document-error""#));
    let pdf = b"%PDF-1.4\n%%EOF\n".to_vec();
    let res = app
        .client
        .post(app.at("/experts/apply/documents"))
        .multipart(upload(pdf, "id.pdf"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    let submitted = app.submit("/experts/apply/submit", &[]).await;
    assert_eq!(submitted.status().as_u16(), 303);
    let html = app.get("/experts/apply").await.text().await.unwrap();
    assert!(html.contains("Submitted: a verifier will review it."));
    assert!(
        !html.contains(r#"action="/experts/apply""#),
        "no edit form while under review"
    );
}

async fn unverified_accounts_see_why_they_cannot_apply(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let user = app.create_user("early@example.org", &[]).await;
    let moved = domain::EmailAddress::parse("early2@example.org").unwrap();
    store::users::change_email(&app.db, user.id, &moved)
        .await
        .unwrap();
    app.log_in_as("early2@example.org").await;
    let html = app.get("/experts/apply").await.text().await.unwrap();
    assert!(html.contains("Confirm your email address before applying."));
    let res = app.submit("/experts/apply", &[("headline", "x y z")]).await;
    assert_eq!(res.status().as_u16(), 403);
}

async fn the_directory_answers_htmx_with_only_its_results(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    app.bookable_expert("liam@example.org", "Acoustic guitar </script><b>x</b>")
        .await;
    let full = app.get("/experts?q=acoustic").await.text().await.unwrap();
    assert!(full.starts_with("<!doctype html>") && full.contains("liam"));
    let partial = app
        .get_with("/experts?q=acoustic", &[("hx-request", "true")])
        .await;
    assert_eq!(partial.status().as_u16(), 200);
    let partial = partial.text().await.unwrap();
    assert!(
        partial.trim_start().starts_with(r#"<section id="results""#),
        "{partial}"
    );
    assert!(!partial.contains("<html") && partial.contains("liam"));
    // Bad filters: a full page says 422; htmx gets the explanation swapped in.
    let bad = app.get("/experts?language=Klingon").await;
    assert_eq!(bad.status().as_u16(), 422);
    let bad = app
        .get_with("/experts?language=Klingon", &[("hx-request", "true")])
        .await
        .text()
        .await
        .unwrap();
    assert!(bad.contains("Choose a language from the list"));

    // The public profile: canonical URL, and JSON-LD that no headline can break out of.
    let expert: Value = app
        .get("/api/v1/experts?q=acoustic")
        .await
        .json()
        .await
        .unwrap();
    let url = expert["experts"][0]["url"].as_str().unwrap().to_owned();
    let html = app.get(&url).await.text().await.unwrap();
    assert!(html.contains(&format!(
        r#"<link rel="canonical" href="{}{url}">"#,
        app.origin()
    )));
    let ld = html
        .split(r#"<script type="application/ld+json">"#)
        .nth(1)
        .and_then(|rest| rest.split("</script>").next())
        .unwrap();
    let ld: Value = serde_json::from_str(ld).unwrap_or_else(|e| panic!("{e}: {ld}"));
    assert_eq!(ld["jobTitle"], "Acoustic guitar </script><b>x</b>");
    // Languages by their own names, each marked with its code, not as codes.
    assert!(html.contains(r#"<span lang="en">English</span>"#), "{html}");
    assert!(!html.contains(">EN<"));
    assert_eq!(ld["makesOffer"][0]["price"], "40.00");
    assert!(
        !html.contains("<b>x</b>"),
        "the headline is escaped in the page"
    );
}

async fn verifiers_decide_and_edit_the_taxonomy_through_forms(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    app.create_user("checker@example.org", &[domain::Role::Admin])
        .await;
    let expert = app
        .bookable_expert("tomas@example.org", "Songwriting")
        .await;
    let applicant = app.create_user("waiting@example.org", &[]).await;
    application::save(
        &app.db,
        &applicant,
        ApplicationInput {
            headline: Some("Waiting".into()),
            ..ApplicationInput::default()
        },
        &ClientInfo::default(),
    )
    .await
    .unwrap();
    store::experts::submit(&app.db, applicant.id)
        .await
        .unwrap()
        .unwrap();
    app.log_in_as("checker@example.org").await;
    let queue = app.get("/admin/experts").await.text().await.unwrap();
    assert!(queue.contains("waiting@example.org") && !queue.contains("tomas@example.org"));

    let path = format!("/admin/experts/{}/decision", applicant.id);
    let refused = app
        .submit(&path, &[("decision", "approve"), ("reason", "")])
        .await;
    assert_eq!(refused.status().as_u16(), 422);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains(r#"id="reason-error""#)
    );
    let done = app
        .submit(
            &path,
            &[("decision", "reject"), ("reason", "No credentials.")],
        )
        .await;
    assert_eq!(done.status().as_u16(), 303);
    let after = store::experts::find(&app.db, applicant.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(after.status, domain::expert::ApplicationStatus::Rejected);
    // Suspending needs an approved expert.
    let res = app
        .submit(
            &format!("/admin/experts/{}/suspension", applicant.id),
            &[
                ("action", "suspend"),
                ("reason", "testing"),
                ("confirmed", "yes"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 409);

    // Taxonomy: add, refuse a duplicate, rename — and experts are found by the new name.
    let added = app
        .submit(
            "/admin/specialties",
            &[("category", "music"), ("name", "Ukulele")],
        )
        .await;
    assert_eq!(added.status().as_u16(), 303);
    let again = app
        .submit(
            "/admin/specialties",
            &[("category", "music"), ("name", "Ukulele")],
        )
        .await;
    assert_eq!(again.status().as_u16(), 422);
    let nowhere = app
        .submit(
            "/admin/specialties",
            &[("category", "cooking"), ("name", "Pasta")],
        )
        .await;
    assert_eq!(nowhere.status().as_u16(), 422);
    let taxonomy: Value = app.get("/api/v1/specialties").await.json().await.unwrap();
    assert!(
        taxonomy
            .to_string()
            .contains(r#"{"name":"Ukulele","slug":"ukulele"}"#),
        "{taxonomy}"
    );
    assert!(found_by(&app, "flamenco").await.is_empty());
    let renamed = app
        .submit(
            "/admin/specialties/guitar/rename",
            &[("name", "Flamenco guitar")],
        )
        .await;
    assert_eq!(renamed.status().as_u16(), 303);
    assert_eq!(found_by(&app, "flamenco").await, ["tomas"]);

    // The expert renames themselves: found by the new name, not the old.
    let browser = app.another_client();
    browser.log_in_as("tomas@example.org").await;
    let res = browser
        .submit(
            "/account/profile",
            &[
                ("display_name", "Tomás Silva"),
                ("time_zone", "UTC"),
                ("locale", "en"),
                ("currency", "EUR"),
                ("session_length_minutes", "60"),
                ("video_provider", "builtin"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(found_by(&app, "silva").await, ["Tomás Silva"]);
    assert!(
        found_by(&app, "tomas")
            .await
            .contains(&"Tomás Silva".to_owned()),
        "accents fold on both backends? see below"
    );
    let _ = expert;
}

both_backends!(
    the_application_form_keeps_input_and_explains_each_field,
    unverified_accounts_see_why_they_cannot_apply,
    the_directory_answers_htmx_with_only_its_results,
    verifiers_decide_and_edit_the_taxonomy_through_forms,
);
