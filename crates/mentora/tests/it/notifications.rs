//! Notifications on both databases: the centre (only one's own, read and unread, the
//! header's badge), reminders a day and an hour before on the test clock (never for a
//! cancelled session), and preferences that turn a channel off while essential mail
//! still goes.

use std::sync::Arc;

use domain::ManualClock;
use reqwest::Method;
use serde_json::{Value, json};

use crate::bookings::{at, expert, hold_body, learner, pay, post_hold, rules, secs};
use crate::both_backends;
use crate::testkit::{Backend, TestApp, send};

async fn outbox_subjects(app: &TestApp, to: &str) -> Vec<String> {
    app::mail::outbox(&app.db, 500)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.to == to)
        .map(|m| m.subject)
        .collect()
}

async fn notifications(app: &TestApp, token: &str) -> Value {
    let answer = send(app, Method::GET, "/api/v1/notifications", token, None).await;
    assert_eq!(answer.status, 200, "{answer}");
    answer.json
}

/// Reminders go a day and an hour before a confirmed session, in the centre and by
/// email, once each; a cancelled session gets none, a moved one gets them for its new
/// time only, and nothing comes after the start.
async fn reminders_fire_a_day_and_an_hour_before_and_never_after_a_cancellation(backend: Backend) {
    let clock = Arc::new(ManualClock::at(jiff::Timestamp::now()));
    let Some(app) = TestApp::builder(backend).clock(clock.clone()).spawn().await else {
        return;
    };
    let (ana, _) = expert(&app, "ana@example.org", rules(0)).await;
    let (_, lea) = learner(&app, "lea@example.org").await;
    let kept = at(3, 10, 0);
    let called_off = at(3, 14, 0);
    let moved_from = at(4, 10, 0);
    let moved_to = at(4, 12, 0);
    let mut ids = Vec::new();
    for start in [&kept, &called_off, &moved_from] {
        let held = post_hold(&app, &lea, &hold_body(&ana, start), None).await;
        assert_eq!(held.status, 201, "{held}");
        let id = held.json["id"].as_str().unwrap().to_owned();
        assert_eq!(pay(&app, &lea, &id, "succeed").await.status, 200);
        ids.push(id);
    }
    let cancelled = send(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{}/cancel", ids[1]),
        &lea,
        Some(json!({"reason": "plans changed"})),
    )
    .await;
    assert_eq!(cancelled.status, 200, "{cancelled}");
    let moved = send(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{}/reschedule", ids[2]),
        &lea,
        Some(json!({"start": moved_to})),
    )
    .await;
    assert_eq!(moved.status, 200, "{moved}");
    app.run_jobs().await;
    let tomorrow = "Tomorrow: your Mentora session";
    let in_an_hour = "In an hour: your Mentora session";
    let count = |subjects: &[String], s: &str| subjects.iter().filter(|x| *x == s).count();

    clock.set(jiff::Timestamp::from_second(secs(&kept) - 24 * 3600 - 60).unwrap());
    app.run_jobs().await;
    assert_eq!(
        count(&outbox_subjects(&app, "lea@example.org").await, tomorrow),
        0,
        "not yet"
    );

    clock.set(jiff::Timestamp::from_second(secs(&kept) - 24 * 3600).unwrap());
    app.run_jobs().await;
    let lea_mail = outbox_subjects(&app, "lea@example.org").await;
    assert_eq!(count(&lea_mail, tomorrow), 1, "{lea_mail:?}");
    assert_eq!(
        count(&outbox_subjects(&app, "ana@example.org").await, tomorrow),
        1
    );

    // Past the cancelled session's day-ahead time, and at the kept one's hour.
    clock.set(jiff::Timestamp::from_second(secs(&kept) - 3600).unwrap());
    app.run_jobs().await;
    let lea_mail = outbox_subjects(&app, "lea@example.org").await;
    assert_eq!(
        count(&lea_mail, tomorrow),
        1,
        "none for the cancelled session: {lea_mail:?}"
    );
    assert_eq!(count(&lea_mail, in_an_hour), 1, "{lea_mail:?}");
    // Past the cancelled session's hour: still nothing for it. Past the moved session's
    // old day-ahead time and at its new one: one reminder, for the new time.
    clock.set(jiff::Timestamp::from_second(secs(&moved_to) - 24 * 3600).unwrap());
    app.run_jobs().await;
    let lea_mail = outbox_subjects(&app, "lea@example.org").await;
    assert_eq!(count(&lea_mail, in_an_hour), 1, "{lea_mail:?}");
    assert_eq!(
        count(&lea_mail, tomorrow),
        2,
        "the moved session's, once: {lea_mail:?}"
    );
    clock.set(jiff::Timestamp::from_second(secs(&moved_to) - 3600).unwrap());
    app.run_jobs().await;
    assert_eq!(
        count(&outbox_subjects(&app, "lea@example.org").await, in_an_hour),
        2
    );

    let (lea_token, _) = app.api_log_in("lea@example.org").await;
    let told = notifications(&app, &lea_token).await;
    let texts: Vec<&str> = told["notifications"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|n| n["text"].as_str())
        .collect();
    let reminders: Vec<&&str> = texts
        .iter()
        .filter(|t| t.starts_with("Reminder:"))
        .collect();
    assert_eq!(reminders.len(), 2, "{texts:?}");
    // The moved session's reminder names its new time (12:00 UTC, Lea's zone), and none
    // names its old one.
    assert!(reminders.iter().any(|t| t.contains("12:00")), "{texts:?}");
    assert_eq!(
        texts
            .iter()
            .filter(|t| t.contains("starts in an hour"))
            .count(),
        2,
        "{texts:?}"
    );

    clock.set(jiff::Timestamp::from_second(secs(&moved_to) + 7 * 24 * 3600).unwrap());
    app.run_jobs().await;
    let lea_mail = outbox_subjects(&app, "lea@example.org").await;
    assert_eq!(
        count(&lea_mail, tomorrow) + count(&lea_mail, in_an_hour),
        4,
        "nothing after the start: {lea_mail:?}"
    );
}

/// The centre lists a person's own notifications with the unread count (also in the
/// header's badge); nobody else can mark them read; marking all read empties the count.
async fn the_centre_is_ones_own_and_counts_unread(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let (ana, ana_token) = expert(&app, "ana@example.org", rules(0)).await;
    let (_, lea) = learner(&app, "lea@example.org").await;
    let held = post_hold(&app, &lea, &hold_body(&ana, &at(2, 10, 0)), None).await;
    let id = held.json["id"].as_str().unwrap().to_owned();
    assert_eq!(pay(&app, &lea, &id, "succeed").await.status, 200);

    let told = notifications(&app, &lea).await;
    assert_eq!(told["unread"], 1, "{told}");
    let first = &told["notifications"][0];
    assert!(
        first["text"].as_str().unwrap().contains("is confirmed"),
        "{first}"
    );
    assert_eq!(first["link"], format!("/bookings/{id}"));
    let nid = first["id"].as_str().unwrap().to_owned();
    // The expert was told of the hold and of the confirmation.
    assert_eq!(notifications(&app, &ana_token).await["unread"], 2);

    let theirs = send(
        &app,
        Method::POST,
        &format!("/api/v1/notifications/{nid}/read"),
        &ana_token,
        None,
    )
    .await;
    assert_eq!(theirs.status, 404, "someone else's reads as missing");
    assert_eq!(notifications(&app, &lea).await["unread"], 1);

    app.log_in_as("lea@example.org").await;
    let page = app.get("/notifications").await.text().await.unwrap();
    assert!(page.contains("is confirmed"), "the centre lists it");
    assert!(
        page.contains("Notifications, 1 unread"),
        "the badge's name says the count"
    );

    let read = send(
        &app,
        Method::POST,
        &format!("/api/v1/notifications/{nid}/read"),
        &lea,
        None,
    )
    .await;
    assert_eq!((read.status, read.json["unread"].clone()), (200, json!(0)));
    assert_eq!(
        send(
            &app,
            Method::POST,
            "/api/v1/notifications/read-all",
            &ana_token,
            None
        )
        .await
        .status,
        200
    );
    assert_eq!(notifications(&app, &ana_token).await["unread"], 0);
}

/// Turning a topic's channels off stops its notifications and non-essential email; a
/// confirmation's email still goes (it is essential). An unknown topic is refused with
/// nothing stored.
async fn preferences_turn_channels_off_but_essential_mail_still_goes(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let (ana, ana_token) = expert(&app, "ana@example.org", rules(0)).await;
    let (_, lea) = learner(&app, "lea@example.org").await;
    let bad = send(
        &app,
        Method::PUT,
        "/api/v1/notifications/preferences",
        &lea,
        Some(json!({"preferences": [{"topic": "push", "in_app": true, "email": true}]})),
    )
    .await;
    assert_eq!((bad.status, bad.code()), (422, "validation_failed"));
    let off = send(
        &app,
        Method::PUT,
        "/api/v1/notifications/preferences",
        &lea,
        Some(json!({"preferences": [{"topic": "bookings", "in_app": false, "email": false}]})),
    )
    .await;
    assert_eq!(off.status, 200, "{off}");
    let held = post_hold(&app, &lea, &hold_body(&ana, &at(2, 10, 0)), None).await;
    let id = held.json["id"].as_str().unwrap().to_owned();
    assert_eq!(pay(&app, &lea, &id, "succeed").await.status, 200);
    assert_eq!(
        notifications(&app, &lea).await["unread"],
        0,
        "no in-app notice"
    );
    let confirmed = outbox_subjects(&app, "lea@example.org").await;
    assert_eq!(
        confirmed.len(),
        1,
        "the confirmation is essential: {confirmed:?}"
    );

    // A proposal is not essential: no email, no notification.
    let proposed = send(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{id}/reschedule"),
        &ana_token,
        Some(json!({"start": at(2, 15, 0)})),
    )
    .await;
    assert_eq!(proposed.status, 202, "{proposed}");
    app.run_jobs().await;
    assert_eq!(outbox_subjects(&app, "lea@example.org").await.len(), 1);
    assert_eq!(notifications(&app, &lea).await["unread"], 0);

    // The settings page sets every topic from its boxes (an unticked box is off).
    app.log_in_as("lea@example.org").await;
    let saved = app
        .submit(
            "/notifications/settings",
            &[("bookings_in_app", "on"), ("reminders_email", "on")],
        )
        .await;
    assert_eq!(saved.status().as_u16(), 303);
    let prefs = send(
        &app,
        Method::GET,
        "/api/v1/notifications/preferences",
        &lea,
        None,
    )
    .await;
    let of = |topic: &str| {
        prefs.json["preferences"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["topic"] == topic)
            .map(|p| (p["in_app"].clone(), p["email"].clone()))
            .unwrap()
    };
    assert_eq!(of("bookings"), (json!(true), json!(false)));
    assert_eq!(
        of("reminders"),
        (json!(false), json!(true)),
        "kept on the profile"
    );
    assert_eq!(of("payouts"), (json!(false), json!(false)));
}

/// The expert hears how a proposal was answered, in the centre; the unsubscribe page
/// refuses a forged token (404, nothing changed) and, with a good one, asks first and
/// turns off only that topic's email.
async fn answers_are_told_and_unsubscribe_asks_first(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let (ana, ana_token) = expert(&app, "ana@example.org", rules(0)).await;
    let (lea, lea_token) = learner(&app, "lea@example.org").await;
    let held = post_hold(&app, &lea_token, &hold_body(&ana, &at(2, 10, 0)), None).await;
    let id = held.json["id"].as_str().unwrap().to_owned();
    assert_eq!(pay(&app, &lea_token, &id, "succeed").await.status, 200);
    let proposed = send(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{id}/reschedule"),
        &ana_token,
        Some(json!({"start": at(2, 15, 0)})),
    )
    .await;
    assert_eq!(proposed.status, 202, "{proposed}");
    let declined = send(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{id}/proposal/decline"),
        &lea_token,
        None,
    )
    .await;
    assert_eq!(declined.status, 200, "{declined}");
    let told = notifications(&app, &ana_token).await;
    assert!(
        told["notifications"][0]["text"]
            .as_str()
            .unwrap()
            .contains("kept the original time"),
        "{told}"
    );

    let forged = app
        .get(&format!(
            "/notifications/unsubscribe?token={}.bookings.{}",
            lea.id,
            "0".repeat(64)
        ))
        .await;
    assert_eq!(forged.status().as_u16(), 404);
    let (_, page) = app::notify::unsubscribe::links(
        &app.db,
        &app.origin(),
        lea.id,
        domain::notification::Topic::Reminders,
    )
    .await
    .unwrap();
    let path = page.replace(&app.origin(), "");
    let asked = app.get(&path).await;
    assert_eq!(asked.status().as_u16(), 200);
    assert!(
        asked
            .text()
            .await
            .unwrap()
            .contains("Stop emails about Reminders?")
    );
    let unchanged = send(
        &app,
        Method::GET,
        "/api/v1/notifications/preferences",
        &lea_token,
        None,
    )
    .await;
    assert_eq!(
        unchanged.json["preferences"][1]["email"], true,
        "opening the page changes nothing"
    );
    let token = path.split("token=").nth(1).unwrap().to_owned();
    let confirmed = app
        .submit("/notifications/unsubscribe", &[("token", &token)])
        .await;
    assert_eq!(confirmed.status().as_u16(), 200);
    let prefs = send(
        &app,
        Method::GET,
        "/api/v1/notifications/preferences",
        &lea_token,
        None,
    )
    .await;
    assert_eq!(prefs.json["preferences"][1]["topic"], "reminders");
    assert_eq!(prefs.json["preferences"][1]["email"], false, "{prefs}");
    assert_eq!(prefs.json["preferences"][1]["in_app"], true);
    assert_eq!(
        prefs.json["preferences"][0]["email"], true,
        "bookings untouched"
    );
}

both_backends!(
    answers_are_told_and_unsubscribe_asks_first,
    reminders_fire_a_day_and_an_hour_before_and_never_after_a_cancellation,
    the_centre_is_ones_own_and_counts_unread,
    preferences_turn_channels_off_but_essential_mail_still_goes,
);
