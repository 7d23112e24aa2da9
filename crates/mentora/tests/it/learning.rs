//! The learning record over HTTP: reviews (only the booking's learner, once, of a completed
//! session; edits for 48 hours; one reply; helpful votes and reports; operators hiding
//! and restoring with a reason, audited; the profile's rating), shared notes with their
//! version check (a stale or racing save is refused, never silently lost), private notes,
//! resources, goals shared with the expert and the learner's timeline, and the NPS
//! question. Everyone else is told there is no such session.

use std::sync::Arc;

use domain::{Clock, ManualClock};
use reqwest::Method;
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};

use crate::bookings::{at, confirmed, expert, learner, rules, secs};
use crate::both_backends;
use crate::personas::Answer;
use crate::testkit::{Backend, TestApp, send};

fn instant(second: i64) -> jiff::Timestamp {
    jiff::Timestamp::from_second(second).unwrap()
}

/// A session of `lea` with `ana` `days` ahead at 10:00, confirmed, then recorded
/// completed once the clock is past its end. Returns its id and the end (Unix seconds).
async fn completed_session(
    app: &TestApp,
    clock: &ManualClock,
    learner_token: &str,
    expert: &store::users::User,
    days: i64,
) -> (String, i64) {
    let start = at(days, 10, 0);
    let id = confirmed(app, learner_token, expert, &start).await;
    let end = secs(&start) + 3600;
    clock.set(instant(end + 600));
    // The built-in room would settle it by attendance; an operator records it here.
    let token = app.operator_token().await;
    let done = send(
        app,
        Method::POST,
        &format!("/api/v1/bookings/{id}/transitions"),
        &token,
        Some(json!({"to": "completed", "reason": ""})),
    )
    .await;
    assert_eq!(done.status, 200, "{done}");
    (id, end)
}

async fn call(
    app: &TestApp,
    method: Method,
    path: &str,
    token: &str,
    body: Option<Value>,
) -> Answer {
    send(app, method, path, token, body).await
}

/// A public GET, with no token.
async fn public(app: &TestApp, path: &str) -> Answer {
    Answer::of(app.get(path).await).await
}

fn fields(answer: &Answer) -> Vec<String> {
    answer.json["errors"]
        .as_array()
        .map(|e| {
            e.iter()
                .map(|f| f["field"].as_str().unwrap_or("").to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// Reviews: only the booking's learner reviews, only a completed session, once; changes
/// within 48 hours; the expert replies once; anyone signed in marks it helpful or
/// reports it; an operator hides and restores it with a reason, audited; the profile's
/// average, count and spread follow every change. Others are told nothing exists.
async fn only_the_learner_reviews_a_completed_session_once(backend: Backend) {
    let clock = Arc::new(ManualClock::at(jiff::Timestamp::now()));
    let Some(app) = TestApp::builder(backend).clock(clock.clone()).spawn().await else {
        return;
    };
    let (ana, _) = expert(&app, "ana@example.org", rules(0)).await;
    let (_, lea_token) = learner(&app, "lea@example.org").await;
    learner(&app, "eve@example.org").await;
    app.create_user("sam@example.org", &[domain::Role::Admin])
        .await;
    let start = at(1, 10, 0);
    let id = confirmed(&app, &lea_token, &ana, &start).await;
    let review = format!("/api/v1/bookings/{id}/review");
    let body = json!({"rating": 4, "clarity": 5, "body": "Clear and patient."});

    // Not completed yet.
    let early = call(&app, Method::POST, &review, &lea_token, Some(body.clone())).await;
    assert_eq!(early.status, 409, "{early}");
    assert_eq!(early.json["code"], "session_not_completed");

    clock.set(instant(secs(&start) + 3600 + 600));
    let (ana_token, _) = app.api_log_in("ana@example.org").await;
    // The built-in room would settle it by attendance; an operator records it here.
    let operator = app.operator_token().await;
    let done = call(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{id}/transitions"),
        &operator,
        Some(json!({"to": "completed"})),
    )
    .await;
    assert_eq!(done.status, 200, "{done}");
    let (lea_token, _) = app.api_log_in("lea@example.org").await;
    let (eve_token, _) = app.api_log_in("eve@example.org").await;
    let (sam_token, _) = app.api_log_in("sam@example.org").await;

    // Someone else's session does not exist; its expert may not review it.
    for token in [&eve_token, &sam_token] {
        let other = call(&app, Method::POST, &review, token, Some(body.clone())).await;
        assert_eq!(other.status, 404, "{other}");
    }
    let by_expert = call(&app, Method::POST, &review, &ana_token, Some(body.clone())).await;
    assert_eq!(by_expert.status, 403, "{by_expert}");

    // Stars out of range are refused field by field.
    let bad = call(
        &app,
        Method::POST,
        &review,
        &lea_token,
        Some(json!({"rating": 6, "clarity": 0, "body": "x".repeat(4001)})),
    )
    .await;
    assert_eq!(bad.status, 422, "{bad}");
    assert_eq!(fields(&bad), ["rating", "clarity", "body"]);

    let written = call(&app, Method::POST, &review, &lea_token, Some(body.clone())).await;
    assert_eq!(written.status, 201, "{written}");
    assert_eq!(written.json["rating"], 4);
    assert_eq!(written.json["clarity"], 5);
    assert_eq!(written.json["preparation"], Value::Null);
    let again = call(&app, Method::POST, &review, &lea_token, Some(body.clone())).await;
    assert_eq!(again.status, 409, "{again}");
    assert_eq!(again.json["code"], "review_exists");
    // Ana is told, once, and may reply.
    app.run_jobs().await;
    let told = call(&app, Method::GET, "/api/v1/notifications", &ana_token, None).await;
    let texts: Vec<&str> = told.json["notifications"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|n| n["text"].as_str())
        .filter(|t| t.contains("reviewed your session"))
        .collect();
    assert_eq!(texts.len(), 1, "{told}");

    let profile_reviews = format!("/api/v1/experts/{}/reviews", ana.id);
    let listed = public(&app, &profile_reviews).await;
    assert_eq!(listed.status, 200, "{listed}");
    assert_eq!(listed.json["count"], 1);
    assert_eq!(listed.json["average_centi"], 400);
    assert_eq!(listed.json["by_stars"], json!([0, 0, 0, 1, 0]));
    assert_eq!(listed.json["reviews"][0]["learner_name"], "lea");
    assert_eq!(listed.json["reviews"][0]["body"], "Clear and patient.");

    // Changed within 48 hours: the profile's rating follows.
    let edited = call(
        &app,
        Method::PUT,
        &review,
        &lea_token,
        Some(json!({"rating": 5, "body": "Even better on reflection."})),
    )
    .await;
    assert_eq!(edited.status, 200, "{edited}");
    assert!(edited.json["edited_at"].is_string());
    let card = public(&app, &format!("/api/v1/experts/{}", ana.id)).await;
    assert_eq!(card.status, 200, "{card}");
    assert_eq!(card.json["rating"]["count"], 1, "{card}");
    let listed = public(&app, &profile_reviews).await;
    assert_eq!(listed.json["average_centi"], 500);

    // The expert replies once; the learner and strangers cannot.
    let reply = format!("{review}/reply");
    let answer = json!({"reply": "Thank you!"});
    assert_eq!(
        call(&app, Method::POST, &reply, &lea_token, Some(answer.clone()))
            .await
            .status,
        403
    );
    assert_eq!(
        call(&app, Method::POST, &reply, &eve_token, Some(answer.clone()))
            .await
            .status,
        404
    );
    let replied = call(&app, Method::POST, &reply, &ana_token, Some(answer.clone())).await;
    assert_eq!(replied.status, 200, "{replied}");
    assert_eq!(replied.json["reply"], "Thank you!");
    let twice = call(&app, Method::POST, &reply, &ana_token, Some(answer)).await;
    assert_eq!(twice.json["code"], "reply_exists", "{twice}");

    // Helpful once per person, never one's own; reports need a reason.
    let helpful = format!("/api/v1/reviews/{id}/helpful");
    assert_eq!(
        call(&app, Method::POST, &helpful, &eve_token, None)
            .await
            .json["new"],
        true
    );
    assert_eq!(
        call(&app, Method::POST, &helpful, &eve_token, None)
            .await
            .json["new"],
        false
    );
    assert_eq!(
        call(&app, Method::POST, &helpful, &lea_token, None)
            .await
            .status,
        403
    );
    let reports = format!("/api/v1/reviews/{id}/reports");
    let empty = call(
        &app,
        Method::POST,
        &reports,
        &eve_token,
        Some(json!({"reason": " "})),
    )
    .await;
    assert_eq!(fields(&empty), ["reason"], "{empty}");
    let reported = call(
        &app,
        Method::POST,
        &reports,
        &eve_token,
        Some(json!({"reason": "Spam"})),
    )
    .await;
    assert_eq!(reported.status, 200, "{reported}");
    let listed = public(&app, &profile_reviews).await;
    assert_eq!(listed.json["reviews"][0]["helpful_count"], 1);

    // The expert it is about cannot push it up either.
    let by_ana = call(&app, Method::POST, &helpful, &ana_token, None).await;
    assert_eq!(by_ana.status, 403, "{by_ana}");
    // She may report it, though (an abusive review is hers to flag first).
    let flagged = call(
        &app,
        Method::POST,
        &reports,
        &ana_token,
        Some(json!({"reason": "Mentions my address"})),
    )
    .await;
    assert_eq!(flagged.json["new"], true, "{flagged}");
    // Reply: none to a review operators hid (checked below).

    // Operators hide it with a reason (audited); it leaves the profile and the rating.
    let decision = format!("/api/v1/admin/reviews/{id}/decision");
    let decide = |what: &str, reason: &str| json!({"decision": what, "reason": reason});
    let hide = decide("hide", "Names another learner");
    let by_eve = call(
        &app,
        Method::POST,
        &decision,
        &eve_token,
        Some(hide.clone()),
    )
    .await;
    assert_eq!(by_eve.status, 403);
    let no_reason = call(
        &app,
        Method::POST,
        &decision,
        &sam_token,
        Some(decide("hide", "")),
    )
    .await;
    assert_eq!(fields(&no_reason), ["reason"], "{no_reason}");
    let unknown = call(
        &app,
        Method::POST,
        &decision,
        &sam_token,
        Some(decide("burn", "x")),
    )
    .await;
    assert_eq!(fields(&unknown), ["decision"], "{unknown}");
    let hidden = call(
        &app,
        Method::POST,
        &decision,
        &sam_token,
        Some(hide.clone()),
    )
    .await;
    assert_eq!(hidden.status, 204, "{hidden}");
    // Hiding it again changes nothing and records nothing.
    let again = call(&app, Method::POST, &decision, &sam_token, Some(hide)).await;
    assert_eq!(again.status, 204, "{again}");
    let listed = public(&app, &profile_reviews).await;
    assert_eq!(listed.json["count"], 0);
    assert_eq!(listed.json["reviews"], json!([]));
    let card = public(&app, &format!("/api/v1/experts/{}", ana.id)).await;
    assert_eq!(card.json["rating"]["count"], 0, "{card}");
    // Hidden, it can no longer be marked, reported or answered.
    let marked = call(&app, Method::POST, &helpful, &sam_token, None).await;
    assert_eq!(marked.status, 404);
    let answered = call(
        &app,
        Method::POST,
        &reply,
        &ana_token,
        Some(json!({"reply": "Please read it again"})),
    )
    .await;
    assert_eq!(answered.status, 404, "{answered}");
    let events = |audit: Answer| audit.json["events"].as_array().unwrap().clone();
    let audit = call(
        &app,
        Method::GET,
        "/api/v1/admin/audit?kind=review.",
        &sam_token,
        None,
    )
    .await;
    let logged = events(audit);
    assert_eq!(logged.len(), 1, "{logged:?}");
    assert_eq!(logged[0]["kind"], "review.hidden");
    assert_eq!(logged[0]["detail"]["reason"], "Names another learner");
    let restore = decide("restore", "Name removed on request");
    let restored = call(&app, Method::POST, &decision, &sam_token, Some(restore)).await;
    assert_eq!(restored.status, 204, "{restored}");
    let listed = public(&app, &profile_reviews).await;
    assert_eq!(listed.json["count"], 1);

    // An operator who is the review's expert cannot decide on it.
    store::users::grant_role(&app.db, ana.id, domain::Role::Admin)
        .await
        .unwrap();
    let (ana_admin, _) = app.api_log_in("ana@example.org").await;
    let own = call(
        &app,
        Method::POST,
        &decision,
        &ana_admin,
        Some(decide("hide", "I dislike it")),
    )
    .await;
    assert_eq!(own.status, 403, "{own}");
    assert_eq!(public(&app, &profile_reviews).await.json["count"], 1);

    // Eve's report stays in the queue until an operator reads it and keeps the review.
    let sam_page = app.another_client();
    sam_page.log_in_as("sam@example.org").await;
    let queue = sam_page.get("/admin/reviews").await.text().await.unwrap();
    assert!(queue.contains(&format!(r#"id="review-{id}""#)) && queue.contains("Spam"));
    let kept = call(
        &app,
        Method::POST,
        &decision,
        &sam_token,
        Some(decide("keep", "Not spam")),
    )
    .await;
    assert_eq!(kept.status, 204, "{kept}");
    let queue = sam_page.get("/admin/reviews").await.text().await.unwrap();
    assert!(!queue.contains(&format!(r#"id="review-{id}""#)), "{queue}");
    let audit = call(
        &app,
        Method::GET,
        "/api/v1/admin/audit?kind=review.",
        &sam_token,
        None,
    )
    .await;
    let kinds: Vec<String> = events(audit)
        .iter()
        .map(|e| e["kind"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        kinds,
        ["review.reports_cleared", "review.restored", "review.hidden"]
    );

    // After 48 hours the review stands as written.
    clock.set(instant(secs(&start) + 3600 + 49 * 3600));
    let (lea_token, _) = app.api_log_in("lea@example.org").await;
    let late = call(&app, Method::PUT, &review, &lea_token, Some(body.clone())).await;
    assert_eq!(late.json["code"], "review_edit_closed", "{late}");

    // A session completed more than 30 days ago can no longer be reviewed.
    let (old, end) = completed_session(&app, &clock, &lea_token, &ana, 4).await;
    clock.set(instant(end + 31 * 24 * 3600));
    let (lea_token, _) = app.api_log_in("lea@example.org").await;
    let closed = call(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{old}/review"),
        &lea_token,
        Some(body),
    )
    .await;
    assert_eq!(closed.json["code"], "review_window_closed", "{closed}");
}
both_backends!(only_the_learner_reviews_a_completed_session_once);

/// Shared notes save only over the version read: a stale save and the loser of two racing
/// saves get 409 and change nothing; the page shows both versions and keeps the refused
/// text. Private notes are each person's own; nobody outside the session reads either.
async fn shared_notes_refuse_stale_saves_and_private_notes_stay_private(backend: Backend) {
    let clock = Arc::new(ManualClock::at(jiff::Timestamp::now()));
    let Some(app) = TestApp::builder(backend).clock(clock.clone()).spawn().await else {
        return;
    };
    let (ana, ana_token) = expert(&app, "ana@example.org", rules(0)).await;
    let (_, lea_token) = learner(&app, "lea@example.org").await;
    let (_, eve_token) = learner(&app, "eve@example.org").await;
    app.create_user("sam@example.org", &[domain::Role::Admin])
        .await;
    let (sam_token, _) = app.api_log_in("sam@example.org").await;
    let id = confirmed(&app, &lea_token, &ana, &at(2, 10, 0)).await;
    let notes = format!("/api/v1/bookings/{id}/notes");

    let empty = call(&app, Method::GET, &notes, &lea_token, None).await;
    assert_eq!(empty.json["version"], 0, "{empty}");
    let first = call(
        &app,
        Method::PUT,
        &notes,
        &lea_token,
        Some(json!({"version": 0, "body": "# Plan\n\n- scales"})),
    )
    .await;
    assert_eq!(first.status, 200, "{first}");
    assert_eq!(first.json["version"], 1);
    let html = first.json["html"].as_str().unwrap();
    // The one sanitising renderer: lists and emphasis, no headings.
    assert!(html.contains("<li>scales</li>"), "{html}");

    // Ana read version 0 before Lea saved: her save is refused and nothing changes.
    let stale = call(
        &app,
        Method::PUT,
        &notes,
        &ana_token,
        Some(json!({"version": 0, "body": "overwrite"})),
    )
    .await;
    assert_eq!(stale.status, 409, "{stale}");
    assert_eq!(stale.json["code"], "notes_conflict");
    let now = call(&app, Method::GET, &notes, &ana_token, None).await;
    assert_eq!(now.json["body"], "# Plan\n\n- scales");

    // Two saves over the same version at once: exactly one wins.
    let (a, b) = tokio::join!(
        call(
            &app,
            Method::PUT,
            &notes,
            &ana_token,
            Some(json!({"version": 1, "body": "Ana's"}))
        ),
        call(
            &app,
            Method::PUT,
            &notes,
            &lea_token,
            Some(json!({"version": 1, "body": "Lea's"}))
        ),
    );
    let mut statuses = [a.status, b.status];
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 409], "{a} {b}");
    let winner = if a.status == 200 { "Ana's" } else { "Lea's" };
    let now = call(&app, Method::GET, &notes, &lea_token, None).await;
    assert_eq!(now.json["body"], winner);
    assert_eq!(now.json["version"], 2);

    // On the page, a stale save shows the current notes and keeps the refused text.
    let page = app.another_client();
    page.log_in_as("lea@example.org").await;
    let res = page
        .submit(
            &format!("/bookings/{id}/notes"),
            &[("version", "1"), ("body", "My merged draft")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 409);
    let html = res.text().await.unwrap();
    assert!(html.contains(r#"id="notes-conflict""#), "{html}");
    assert!(html.contains("My merged draft"));
    assert!(html.contains(winner));
    assert!(html.contains(r#"name="version" value="2""#));

    // Moved to another time, the session keeps its notes; the old booking's notes page
    // leads to the booking that stands for it now.
    let moved = call(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{id}/reschedule"),
        &lea_token,
        Some(json!({"start": at(3, 10, 0)})),
    )
    .await;
    assert_eq!(moved.status, 200, "{moved}");
    let new_id = moved.json["id"].as_str().unwrap().to_owned();
    assert_ne!(new_id, id);
    let kept = call(
        &app,
        Method::GET,
        &format!("/api/v1/bookings/{new_id}/notes"),
        &lea_token,
        None,
    )
    .await;
    assert_eq!(kept.json["body"], winner);
    let old_page = page.get(&format!("/bookings/{id}/notes")).await;
    assert_eq!(old_page.status().as_u16(), 303);
    assert_eq!(
        old_page.headers()["location"],
        format!("/bookings/{new_id}/notes").as_str()
    );

    // Private notes: each person's own.
    let private = format!("/api/v1/bookings/{id}/notes/private");
    let saved = call(
        &app,
        Method::PUT,
        &private,
        &lea_token,
        Some(json!({"body": "Ask about vibrato"})),
    )
    .await;
    assert_eq!(saved.status, 200, "{saved}");
    assert_eq!(
        call(&app, Method::GET, &private, &lea_token, None)
            .await
            .json["body"],
        "Ask about vibrato"
    );
    assert_eq!(
        call(&app, Method::GET, &private, &ana_token, None)
            .await
            .json["body"],
        ""
    );
    let ana_page = app.another_client();
    ana_page.log_in_as("ana@example.org").await;
    let html = ana_page
        .get(&format!("/bookings/{id}/notes"))
        .await
        .text()
        .await
        .unwrap();
    assert!(!html.contains("Ask about vibrato"));

    // Outside the session: nothing exists, operators included.
    for token in [&eve_token, &sam_token] {
        for path in [&notes, &private] {
            assert_eq!(
                call(&app, Method::GET, path, token, None).await.status,
                404,
                "{path}"
            );
        }
        let put = call(
            &app,
            Method::PUT,
            &notes,
            token,
            Some(json!({"version": 2, "body": "x"})),
        )
        .await;
        assert_eq!(put.status, 404);
    }
    let eve_page = app.another_client();
    eve_page.log_in_as("eve@example.org").await;
    assert_eq!(
        eve_page
            .get(&format!("/bookings/{id}/notes"))
            .await
            .status(),
        404
    );
}
both_backends!(shared_notes_refuse_stale_saves_and_private_notes_stay_private);

fn png() -> Vec<u8> {
    let img = image::RgbImage::from_pixel(4, 4, image::Rgb([20, 120, 200]));
    let mut out = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

async fn upload(page: &TestApp, id: &str, name: &str, bytes: Vec<u8>) -> reqwest::Response {
    let form = Form::new()
        .text("csrf", page.csrf_token().await)
        .text("file_title", "")
        .part("file", Part::bytes(bytes).file_name(name.to_owned()));
    page.client
        .post(page.at(&format!("/bookings/{id}/resources/file")))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// Resources: links (http and https only) and files checked by their content, for the
/// session's two participants; only whoever attached one removes it.
async fn resources_are_links_and_checked_files_of_the_session(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let (ana, ana_token) = expert(&app, "ana@example.org", rules(0)).await;
    let (_, lea_token) = learner(&app, "lea@example.org").await;
    let (_, eve_token) = learner(&app, "eve@example.org").await;
    let id = confirmed(&app, &lea_token, &ana, &at(2, 10, 0)).await;
    let list = format!("/api/v1/bookings/{id}/resources");

    let bad = call(
        &app,
        Method::POST,
        &list,
        &lea_token,
        Some(json!({"url": "javascript:alert(1)"})),
    )
    .await;
    assert_eq!(fields(&bad), ["url"], "{bad}");
    let link = call(
        &app,
        Method::POST,
        &list,
        &lea_token,
        Some(json!({"url": "https://example.org/scales"})),
    )
    .await;
    assert_eq!(link.status, 201, "{link}");
    assert_eq!(link.json["title"], "example.org");
    assert_eq!(link.json["kind"], "link");
    assert_eq!(
        call(&app, Method::GET, &list, &eve_token, None)
            .await
            .status,
        404
    );
    assert_eq!(
        call(
            &app,
            Method::POST,
            &list,
            &eve_token,
            Some(json!({"url": "https://x.org"}))
        )
        .await
        .status,
        404
    );

    // Files through the page: a disguised one is explained, a real one listed.
    let lea = app.another_client();
    lea.log_in_as("lea@example.org").await;
    let refused = upload(&lea, &id, "slides.pdf", b"GIF89a not a pdf".to_vec()).await;
    assert_eq!(refused.status().as_u16(), 422);
    let html = refused.text().await.unwrap();
    assert!(html.contains(r#"id="file-error""#), "{html}");
    let stored = upload(&lea, &id, "chord chart.png", png()).await;
    assert_eq!(stored.status().as_u16(), 303);
    let items = call(&app, Method::GET, &list, &ana_token, None).await;
    let items = items.json.as_array().unwrap().clone();
    assert_eq!(items.len(), 2);
    assert_eq!(items[1]["kind"], "file");
    assert_eq!(items[1]["title"], "chord chart.png");
    assert_eq!(items[1]["content_type"], "image/png");
    // The API names its own download (a token opens it); the page has its own.
    let api_url = items[1]["url"].as_str().unwrap().to_owned();
    let file_id = items[1]["id"].as_str().unwrap().to_owned();
    let file_url = format!("/bookings/{id}/resources/{file_id}");
    assert_eq!(api_url, format!("/api/v1{file_url}"));
    let by_token = app
        .bearer(Method::GET, &api_url, &ana_token)
        .send()
        .await
        .unwrap();
    assert_eq!(by_token.status().as_u16(), 200);
    assert_eq!(by_token.bytes().await.unwrap().to_vec(), png());
    let not_hers = app
        .bearer(Method::GET, &api_url, &eve_token)
        .send()
        .await
        .unwrap();
    assert_eq!(not_hers.status().as_u16(), 404);

    // Ana downloads it as an attachment; Eve cannot.
    let ana_page = app.another_client();
    ana_page.log_in_as("ana@example.org").await;
    let got = ana_page.get(&file_url).await;
    assert_eq!(got.status().as_u16(), 200);
    assert_eq!(got.headers()["content-type"], "image/png");
    assert_eq!(
        got.headers()["content-disposition"],
        r#"attachment; filename="chord chart.png"; filename*=UTF-8''chord%20chart%2Epng"#
    );
    assert_eq!(got.bytes().await.unwrap().to_vec(), png());
    let eve = app.another_client();
    eve.log_in_as("eve@example.org").await;
    assert_eq!(eve.get(&file_url).await.status().as_u16(), 404);

    // A file up to 10 MB goes through the page (past the 2 MB body limit of other forms).
    let mut big = b"%PDF-1.4\n".to_vec();
    big.resize(9 * 1024 * 1024, b' ');
    big.extend_from_slice(b"\n%%EOF\n");
    let large = upload(&lea, &id, "Lesson 2.3 slides.pdf", big).await;
    assert_eq!(large.status().as_u16(), 303);
    let items = call(&app, Method::GET, &list, &ana_token, None).await;
    assert_eq!(items.json[2]["title"], "Lesson 2.3 slides.pdf", "{items}");
    assert_eq!(items.json[2]["size_bytes"], 9 * 1024 * 1024 + 7);

    // Only whoever attached a resource removes it.
    let remove = format!("{list}/{file_id}");
    assert_eq!(
        call(&app, Method::DELETE, &remove, &ana_token, None)
            .await
            .status,
        403
    );
    assert_eq!(
        call(&app, Method::DELETE, &remove, &lea_token, None)
            .await
            .status,
        204
    );
    assert_eq!(ana_page.get(&file_url).await.status().as_u16(), 404);
}
both_backends!(resources_are_links_and_checked_files_of_the_session);

/// Goals: a learner sets them, links sessions to them and shares some; the session's
/// expert reads only the shared ones; goal changes, sessions, notes and reviews make one
/// timeline, newest first.
async fn goals_are_shared_with_the_expert_and_make_one_timeline(backend: Backend) {
    let clock = Arc::new(ManualClock::at(jiff::Timestamp::now()));
    let Some(app) = TestApp::builder(backend).clock(clock.clone()).spawn().await else {
        return;
    };
    let (ana, _) = expert(&app, "ana@example.org", rules(0)).await;
    let (_, lea_token) = learner(&app, "lea@example.org").await;
    let (_, eve_token) = learner(&app, "eve@example.org").await;
    let bad = call(
        &app,
        Method::POST,
        "/api/v1/goals",
        &lea_token,
        Some(json!({"title": "", "target_date": "31/03/2027", "status": "done"})),
    )
    .await;
    assert_eq!(fields(&bad), ["title", "status", "target_date"], "{bad}");
    let shared = call(
        &app,
        Method::POST,
        "/api/v1/goals",
        &lea_token,
        Some(json!({"title": "Play a song by ear", "target_date": "2027-06-30", "shared": true})),
    )
    .await;
    assert_eq!(shared.status, 201, "{shared}");
    assert_eq!(shared.json["status"], "active");
    let own = call(
        &app,
        Method::POST,
        "/api/v1/goals",
        &lea_token,
        Some(json!({"title": "Practise daily"})),
    )
    .await;
    let (shared_id, own_id) = (
        shared.json["id"].as_str().unwrap(),
        own.json["id"].as_str().unwrap(),
    );

    let (id, _) = completed_session(&app, &clock, &lea_token, &ana, 1).await;
    let (lea_token, _) = app.api_log_in("lea@example.org").await;
    let (ana_token, _) = app.api_log_in("ana@example.org").await;
    let (eve_token2, _) = app.api_log_in("eve@example.org").await;
    let _ = eve_token;
    for goal in [shared_id, own_id] {
        let linked = call(
            &app,
            Method::PUT,
            &format!("/api/v1/bookings/{id}/goals/{goal}"),
            &lea_token,
            None,
        )
        .await;
        assert_eq!(linked.status, 204, "{linked}");
    }
    // Nobody links someone else's session or goal.
    let foreign = call(
        &app,
        Method::PUT,
        &format!("/api/v1/bookings/{id}/goals/{own_id}"),
        &eve_token2,
        None,
    )
    .await;
    assert_eq!(foreign.status, 404);
    let by_expert = call(
        &app,
        Method::PUT,
        &format!("/api/v1/bookings/{id}/goals/{own_id}"),
        &ana_token,
        None,
    )
    .await;
    assert_eq!(by_expert.status, 403);

    let session_goals = format!("/api/v1/bookings/{id}/goals");
    let for_lea = call(&app, Method::GET, &session_goals, &lea_token, None).await;
    assert_eq!(for_lea.json.as_array().unwrap().len(), 2);
    let for_ana = call(&app, Method::GET, &session_goals, &ana_token, None).await;
    let titles: Vec<&str> = for_ana
        .json
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Play a song by ear"]);
    assert_eq!(
        call(&app, Method::GET, &session_goals, &eve_token2, None)
            .await
            .status,
        404
    );
    // The expert reads it on the booking page too.
    let ana_page = app.another_client();
    ana_page.log_in_as("ana@example.org").await;
    let html = ana_page
        .get(&format!("/bookings/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Play a song by ear") && !html.contains("Practise daily"));

    // Changes and reviews enter the timeline.
    clock.set(clock.now() + jiff::SignedDuration::from_hours(1));
    let (lea_token, _) = app.api_log_in("lea@example.org").await;
    let achieved = call(&app, Method::PUT, &format!("/api/v1/goals/{shared_id}"), &lea_token, Some(json!({"title": "Play a song by ear", "status": "achieved", "target_date": "2027-06-30", "shared": true}))).await;
    assert_eq!(achieved.status, 200, "{achieved}");
    assert_eq!(achieved.json["sessions"].as_array().unwrap().len(), 1);
    let (eve_token2, _) = app.api_log_in("eve@example.org").await;
    let foreign_goal = call(
        &app,
        Method::PUT,
        &format!("/api/v1/goals/{shared_id}"),
        &eve_token2,
        Some(json!({"title": "x"})),
    )
    .await;
    assert_eq!(foreign_goal.status, 404);
    clock.set(clock.now() + jiff::SignedDuration::from_hours(1));
    let (lea_token, _) = app.api_log_in("lea@example.org").await;
    let reviewed = call(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{id}/review"),
        &lea_token,
        Some(json!({"rating": 5})),
    )
    .await;
    assert_eq!(reviewed.status, 201, "{reviewed}");
    let timeline = call(&app, Method::GET, "/api/v1/me/timeline", &lea_token, None).await;
    let kinds: Vec<&str> = timeline
        .json
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds[..2], ["review", "goal_status"], "{timeline}");
    assert!(
        kinds.contains(&"session") && kinds.iter().filter(|k| **k == "goal_set").count() == 2,
        "{kinds:?}"
    );
    // Eve's timeline has none of it.
    let (eve_token2, _) = app.api_log_in("eve@example.org").await;
    let hers = call(&app, Method::GET, "/api/v1/me/timeline", &eve_token2, None).await;
    assert_eq!(hers.json, json!([]));
}
both_backends!(goals_are_shared_with_the_expert_and_make_one_timeline);

/// The recommendation question: due after the configured number of completed sessions,
/// answered (or put off) once per period, its answers in the operators' figures.
async fn nps_is_asked_after_enough_sessions_once_per_period(backend: Backend) {
    let clock = Arc::new(ManualClock::at(jiff::Timestamp::now()));
    let Some(app) = TestApp::builder(backend)
        .clock(clock.clone())
        .configure(|c| {
            c.nps = domain::learning::nps::NpsSchedule {
                after_sessions: 1,
                period: jiff::SignedDuration::from_hours(90 * 24),
            }
        })
        .spawn()
        .await
    else {
        return;
    };
    let (ana, _) = expert(&app, "ana@example.org", rules(0)).await;
    let (_, lea_token) = learner(&app, "lea@example.org").await;
    app.create_user("sam@example.org", &[domain::Role::Admin])
        .await;
    assert_eq!(
        call(&app, Method::GET, "/api/v1/me/nps", &lea_token, None)
            .await
            .json["due"],
        false
    );
    let early = call(
        &app,
        Method::POST,
        "/api/v1/me/nps",
        &lea_token,
        Some(json!({"score": 9})),
    )
    .await;
    assert_eq!(early.json["code"], "nps_not_due", "{early}");

    completed_session(&app, &clock, &lea_token, &ana, 1).await;
    let (lea_token, _) = app.api_log_in("lea@example.org").await;
    assert_eq!(
        call(&app, Method::GET, "/api/v1/me/nps", &lea_token, None)
            .await
            .json["due"],
        true
    );
    let lea_page = app.another_client();
    lea_page.log_in_as("lea@example.org").await;
    let html = lea_page.get("/sessions").await.text().await.unwrap();
    assert!(html.contains(r#"id="nps""#));
    let bad = call(
        &app,
        Method::POST,
        "/api/v1/me/nps",
        &lea_token,
        Some(json!({"score": 11})),
    )
    .await;
    assert_eq!(fields(&bad), ["score"], "{bad}");
    let answered = call(
        &app,
        Method::POST,
        "/api/v1/me/nps",
        &lea_token,
        Some(json!({"score": 9, "comment": "Easy to book"})),
    )
    .await;
    assert_eq!(answered.status, 204, "{answered}");
    assert_eq!(
        call(&app, Method::GET, "/api/v1/me/nps", &lea_token, None)
            .await
            .json["due"],
        false
    );
    let twice = call(
        &app,
        Method::POST,
        "/api/v1/me/nps",
        &lea_token,
        Some(json!({"score": 3})),
    )
    .await;
    assert_eq!(twice.json["code"], "nps_not_due");
    assert!(
        !lea_page
            .get("/sessions")
            .await
            .text()
            .await
            .unwrap()
            .contains(r#"id="nps""#)
    );

    let (sam_token, _) = app.api_log_in("sam@example.org").await;
    let figures = call(
        &app,
        Method::GET,
        "/api/v1/admin/kpis/nps",
        &sam_token,
        None,
    )
    .await;
    assert_eq!(figures.status, 200, "{figures}");
    assert_eq!(figures.json["score"], 100);
    assert_eq!(figures.json["answers"], 1);
    assert_eq!(
        call(
            &app,
            Method::GET,
            "/api/v1/admin/kpis/nps",
            &lea_token,
            None
        )
        .await
        .status,
        403
    );
    let sam_page = app.another_client();
    sam_page.log_in_as("sam@example.org").await;
    let html = sam_page.get("/admin/kpis").await.text().await.unwrap();
    assert!(html.contains("Easy to book"), "{html}");

    // A period later it is asked again.
    clock.set(clock.now() + jiff::SignedDuration::from_hours(91 * 24));
    let (lea_token, _) = app.api_log_in("lea@example.org").await;
    assert_eq!(
        call(&app, Method::GET, "/api/v1/me/nps", &lea_token, None)
            .await
            .json["due"],
        true
    );
}
both_backends!(nps_is_asked_after_enough_sessions_once_per_period);
