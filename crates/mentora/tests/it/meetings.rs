//! Sessions that meet on Zoom or Google Meet, against wire-level fakes of both that
//! record every request: the meeting is made when the session is confirmed, moved when
//! it moves, deleted when it is called off, each with exactly the request the provider
//! documents and one token for all; the link goes to the participants only; a refusal is
//! retried by the job and shown to the expert meanwhile; Zoom's signed participant
//! webhooks count as attendance.

use std::sync::Arc;

use domain::{Clock, ManualClock};
use reqwest::Method;
use serde_json::{Value, json};

use crate::bookings::{at, confirmed, expert, learner, rules, secs};
use crate::both_backends;
use crate::fake_meetings::FakeMeetings;
use crate::testkit::{Backend, TestApp, send};

const WEBHOOK_SECRET: &str = "zoom-webhook-secret-token";

async fn app_with(
    backend: Backend,
    fake: &FakeMeetings,
    clock: Arc<ManualClock>,
) -> Option<TestApp> {
    let (zoom, meet) = (fake.zoom(), fake.meet());
    TestApp::builder(backend)
        .clock(clock)
        .configure(move |c| {
            c.video.outside = app::rooms::OutsideProviders {
                zoom: Some(zoom),
                meet: Some(meet),
                zoom_webhook_secret: Some(WEBHOOK_SECRET.into()),
            };
        })
        .spawn()
        .await
}

/// `email` (an expert) chooses where they meet, on the availability page.
async fn choose(app: &TestApp, email: &str, provider: &str) {
    let page = app.another_client();
    page.log_in_as(email).await;
    let saved = page
        .submit(
            "/experts/availability/video",
            &[("video_provider", provider)],
        )
        .await;
    assert_eq!(saved.status(), 303);
}

async fn room(app: &TestApp, token: &str, id: &str) -> crate::personas::Answer {
    send(
        app,
        Method::GET,
        &format!("/api/v1/bookings/{id}/room"),
        token,
        None,
    )
    .await
}

/// A Zoom participant event (`meeting.participant_joined` / `_left`) of the fake's
/// meeting, with `time_key` (`join_time` / `leave_time`) at `at`.
fn participant(event: &str, email: &str, time_key: &str, at: &str) -> Value {
    json!({"event": event, "event_ts": 1, "payload": {"account_id": "acct-e2e", "object": {
        "id": 85_746_065_001_u64, "uuid": "aDYlohsHRtCd4ii1uC2+hA==", "host_id": "KDcuGIm1QgePTO8WbOqwIQ",
        "participant": {"user_id": "16778240", "user_name": email, "email": email, time_key: at}}}})
}

/// Delivers `body` to the Zoom webhook, signed with `secret` at the app's time.
async fn deliver_zoom(
    app: &TestApp,
    clock: &ManualClock,
    body: &Value,
    secret: &str,
) -> reqwest::Response {
    let text = body.to_string();
    let stamp = clock.now().as_second().to_string();
    let signature = meetings::zoom_webhook::signature(secret, &stamp, &text);
    app.client
        .post(app.at("/api/v1/webhooks/zoom"))
        .header("content-type", "application/json")
        .header("x-zm-request-timestamp", stamp)
        .header("x-zm-signature", signature)
        .body(text)
        .send()
        .await
        .unwrap()
}

/// Runs the jobs due within the next `minutes` (a retry waits its backoff).
async fn run_jobs_after(app: &TestApp, clock: &ManualClock, minutes: i64) {
    clock.set(clock.now() + jiff::SignedDuration::from_mins(minutes));
    app.run_jobs().await;
}

async fn zoom_meetings_follow_the_session(backend: Backend) {
    let fake = FakeMeetings::start().await;
    let clock = Arc::new(ManualClock::at(jiff::Timestamp::now()));
    let Some(app) = app_with(backend, &fake, clock.clone()).await else {
        return;
    };
    let (ana, ana_token) = expert(&app, "ana@example.org", rules(0)).await;
    let (lea, lea_token) = learner(&app, "lea@example.org").await;
    let (_, eve_token) = learner(&app, "eve@example.org").await;
    choose(&app, "ana@example.org", "zoom").await;
    let start = at(3, 10, 0);
    let id = confirmed(&app, &lea_token, &ana, &start).await;

    // Confirmed: one token (Basic auth, account credentials), one meeting, as documented.
    let tokens: Vec<_> = fake
        .seen()
        .into_iter()
        .filter(|s| s.path == "/zoom/oauth/token")
        .collect();
    assert_eq!(tokens.len(), 1);
    assert_eq!(tokens[0].method, "POST");
    let calls = fake.api_calls();
    assert_eq!(calls.len(), 1, "{calls:?}");
    assert_eq!(
        (calls[0].method.as_str(), calls[0].path.as_str()),
        ("POST", "/zoom-api/v2/users/me/meetings")
    );
    assert_eq!(calls[0].authorization, "Bearer zoom-token-1");
    let when = jiff::Timestamp::from_second(secs(&start))
        .unwrap()
        .to_string();
    assert_eq!(
        calls[0].json(),
        json!({
            "topic": format!("Mentora: {} × {}", ana.display_name, lea.display_name),
            "type": 2,
            "start_time": when,
            "duration": 60,
            "timezone": "UTC",
            "settings": {"join_before_host": true, "jbh_time": 10, "waiting_room": false},
        })
    );

    // The link goes to both participants, not to anyone else.
    let seen_by_lea = room(&app, &lea_token, &id).await;
    assert_eq!(seen_by_lea.json["provider"], "zoom");
    assert_eq!(
        seen_by_lea.json["join_url"],
        "https://zoom.us/j/85746065001?pwd=k3y"
    );
    assert_eq!(
        room(&app, &ana_token, &id).await.json["join_url"],
        seen_by_lea.json["join_url"]
    );
    assert_eq!(room(&app, &eve_token, &id).await.status, 404);
    // Support staff may look at the session's room, but get no link into the meeting.
    app.create_user("sam@example.org", &[domain::Role::Admin])
        .await;
    let (sam_token, _) = app.api_log_in("sam@example.org").await;
    let seen_by_sam = room(&app, &sam_token, &id).await;
    assert_eq!(seen_by_sam.json["role"], "support", "{seen_by_sam}");
    assert!(seen_by_sam.json["join_url"].is_null(), "{seen_by_sam}");
    let sam_page = app.another_client();
    sam_page.log_in_as("sam@example.org").await;
    let html = sam_page
        .get(&format!("/sessions/{id}/room"))
        .await
        .text()
        .await
        .unwrap();
    assert!(!html.contains("zoom.us/j/"), "{html}");
    // They are told where it meets, not shown an empty built-in room.
    assert!(
        html.contains(r#"id="meets-elsewhere""#) && !html.contains(r#"id="prejoin""#),
        "{html}"
    );

    // Moved while Zoom is away: the job fails, the expert is told, and a retry moves it.
    fake.refuse_next(503);
    let moved_to = at(3, 14, 0);
    let moved = send(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{id}/reschedule"),
        &lea_token,
        Some(json!({"start": moved_to})),
    )
    .await;
    assert_eq!(moved.status, 200, "{moved}");
    let new_id = moved.json["id"].as_str().unwrap().to_owned();
    app.run_jobs().await;
    let ana_page = app.another_client();
    ana_page.log_in_as("ana@example.org").await;
    let html = ana_page
        .get(&format!("/sessions/{new_id}/room"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains(r#"id="outside-error""#) && html.contains("Cannot create a meeting"),
        "{html}"
    );
    let lea_page = app.another_client();
    lea_page.log_in_as("lea@example.org").await;
    let html = lea_page
        .get(&format!("/sessions/{new_id}/room"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        !html.contains(r#"id="outside-error""#),
        "only the expert reads the refusal"
    );
    assert!(
        html.contains("https://zoom.us/j/85746065001?pwd=k3y"),
        "the meeting keeps its link"
    );
    run_jobs_after(&app, &clock, 60).await;
    let patch = fake.api_calls().pop().unwrap();
    assert_eq!(
        (patch.method.as_str(), patch.path.as_str()),
        ("PATCH", "/zoom-api/v2/meetings/85746065001")
    );
    let moved_when = jiff::Timestamp::from_second(secs(&moved_to))
        .unwrap()
        .to_string();
    assert_eq!(
        patch.json(),
        json!({
            "topic": format!("Mentora: {} × {}", ana.display_name, lea.display_name),
            "type": 2,
            "start_time": moved_when,
            "duration": 60,
            "timezone": "UTC",
        })
    );
    let html = ana_page
        .get(&format!("/sessions/{new_id}/room"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        !html.contains(r#"id="outside-error""#),
        "a success clears the refusal"
    );

    // Called off: the meeting is deleted. Zoom no longer takes the token held (401):
    // it is forgotten, a new one bought, and the call made again with it.
    fake.refuse_next(401);
    let (lea_token, _) = app.api_log_in("lea@example.org").await;
    let cancelled = send(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{new_id}/cancel"),
        &lea_token,
        Some(json!({"reason": "plans changed"})),
    )
    .await;
    assert_eq!(cancelled.status, 200, "{cancelled}");
    app.run_jobs().await;
    let delete = fake.api_calls().pop().unwrap();
    assert_eq!(
        (delete.method.as_str(), delete.path.as_str()),
        ("DELETE", "/zoom-api/v2/meetings/85746065001")
    );
    assert_eq!(delete.authorization, "Bearer zoom-token-2");
    let deletes: Vec<String> = fake
        .api_calls()
        .into_iter()
        .filter(|c| c.method == "DELETE")
        .map(|c| c.authorization)
        .collect();
    assert_eq!(deletes, ["Bearer zoom-token-1", "Bearer zoom-token-2"]);
    // Every call until the refusal used the one token; the refusal bought one more.
    assert_eq!(
        fake.seen()
            .iter()
            .filter(|s| s.path == "/zoom/oauth/token")
            .count(),
        2
    );
}
both_backends!(zoom_meetings_follow_the_session);

async fn google_meet_events_follow_the_session(backend: Backend) {
    let fake = FakeMeetings::start().await;
    let clock = Arc::new(ManualClock::at(jiff::Timestamp::now()));
    let Some(app) = app_with(backend, &fake, clock.clone()).await else {
        return;
    };
    let (ana, _) = expert(&app, "ana@example.org", rules(0)).await;
    let (lea, lea_token) = learner(&app, "lea@example.org").await;
    choose(&app, "ana@example.org", "meet").await;
    let start = at(3, 10, 0);
    // The first insert is made at Google, but its answer is lost: the retry finds the
    // event by its id (409), reads it, and makes no second one.
    fake.lose_next_answer();
    let id = confirmed(&app, &lea_token, &ana, &start).await;
    run_jobs_after(&app, &clock, 60).await;
    let (lea_token, _) = app.api_log_in("lea@example.org").await;
    assert_eq!(fake.events(), 1);
    let calls: Vec<(String, String)> = fake
        .api_calls()
        .into_iter()
        .map(|c| (c.method, c.path))
        .collect();
    let event_path = |id: &str| format!("/google-api/calendar/v3/calendars/primary/events{id}");
    assert_eq!(
        calls.iter().map(|(m, _)| m.as_str()).collect::<Vec<_>>(),
        ["POST", "POST", "GET"],
        "{calls:?}"
    );
    assert_eq!(calls[0].1, event_path(""));

    let token = fake
        .seen()
        .into_iter()
        .find(|s| s.path == "/google/token")
        .unwrap();
    assert_eq!(token.method, "POST");
    assert!(
        token.body.contains("grant_type=refresh_token"),
        "{}",
        token.body
    );
    let insert = fake.api_calls()[0].clone();
    assert_eq!(
        (insert.method.as_str(), insert.path.as_str()),
        ("POST", "/google-api/calendar/v3/calendars/primary/events")
    );
    assert_eq!(insert.query, "conferenceDataVersion=1&sendUpdates=all");
    assert_eq!(insert.authorization, "Bearer ya29.google-token-1");
    let series = store::bookings::find(&app.db, uuid::Uuid::parse_str(&id).unwrap())
        .await
        .unwrap()
        .unwrap();
    let when = |rfc: &str| jiff::Timestamp::from_second(secs(rfc)).unwrap().to_string();
    assert_eq!(
        insert.json(),
        json!({
            "summary": format!("Mentora: {} × {}", ana.display_name, lea.display_name),
            "start": {"dateTime": when(&start), "timeZone": "UTC"},
            "end": {"dateTime": when(&at(3, 11, 0)), "timeZone": "UTC"},
            "id": format!("mentora{}", series.series_id.simple()),
            "guestsCanSeeOtherGuests": false,
            "attendees": [{"email": "ana@example.org"}, {"email": "lea@example.org"}],
            "conferenceData": {"createRequest": {
                "requestId": format!("mentora{}", series.series_id.simple()),
                "conferenceSolutionKey": {"type": "hangoutsMeet"},
            }},
        })
    );
    assert_eq!(
        room(&app, &lea_token, &id).await.json["join_url"],
        "https://meet.google.com/abc-defg-hij"
    );

    let moved = send(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{id}/reschedule"),
        &lea_token,
        Some(json!({"start": at(3, 14, 0)})),
    )
    .await;
    assert_eq!(moved.status, 200, "{moved}");
    let new_id = moved.json["id"].as_str().unwrap().to_owned();
    // Google no longer takes the token held (401): a new one is bought with the refresh
    // token and the call made again; that one expires at once, so the next call buys
    // another rather than send an expired token.
    fake.refuse_next(401);
    fake.short_lived_google_tokens();
    app.run_jobs().await;
    let patch = fake.api_calls().pop().unwrap();
    assert_eq!(patch.authorization, "Bearer ya29.google-token-2");
    assert_eq!(
        (patch.method.as_str(), patch.path.as_str()),
        (
            "PATCH",
            event_path(&format!("/mentora{}", series.series_id.simple())).as_str()
        )
    );
    assert_eq!(
        patch.json(),
        json!({
            "summary": format!("Mentora: {} × {}", ana.display_name, lea.display_name),
            "start": {"dateTime": when(&at(3, 14, 0)), "timeZone": "UTC"},
            "end": {"dateTime": when(&at(3, 15, 0)), "timeZone": "UTC"},
        })
    );
    let cancelled = send(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{new_id}/cancel"),
        &lea_token,
        Some(json!({"reason": "plans changed"})),
    )
    .await;
    assert_eq!(cancelled.status, 200, "{cancelled}");
    app.run_jobs().await;
    let delete = fake.api_calls().pop().unwrap();
    assert_eq!(
        (
            delete.method.as_str(),
            delete.path.as_str(),
            delete.query.as_str()
        ),
        (
            "DELETE",
            event_path(&format!("/mentora{}", series.series_id.simple())).as_str(),
            ""
        )
    );
    assert_eq!(delete.authorization, "Bearer ya29.google-token-3");
    let refreshes: Vec<String> = fake
        .seen()
        .into_iter()
        .filter(|s| s.path == "/google/token")
        .map(|s| s.body)
        .collect();
    assert_eq!(refreshes.len(), 3);
    assert!(
        refreshes
            .iter()
            .all(|b| b.contains("grant_type=refresh_token")
                && b.contains("refresh_token=1%2F%2Frefresh-token")),
        "{refreshes:?}"
    );
}
both_backends!(google_meet_events_follow_the_session);

/// Zoom's signed deliveries: the endpoint check is answered as Zoom documents, a delivery
/// not signed with the secret is refused, and participants joining and leaving the
/// meeting count as attendance: the session settles as completed.
async fn zoom_participant_webhooks_count_as_attendance(backend: Backend) {
    let fake = FakeMeetings::start().await;
    let clock = Arc::new(ManualClock::at(jiff::Timestamp::now()));
    let Some(app) = app_with(backend, &fake, clock.clone()).await else {
        return;
    };
    let (ana, _) = expert(&app, "ana@example.org", rules(0)).await;
    let (_, lea_token) = learner(&app, "lea@example.org").await;
    choose(&app, "ana@example.org", "zoom").await;
    let start = at(3, 10, 0);
    let id = confirmed(&app, &lea_token, &ana, &start).await;

    let deliver = async |body: Value, secret: &str| deliver_zoom(&app, &clock, &body, secret).await;
    let check = deliver(
        json!({"event": "endpoint.url_validation", "payload": {"plainToken": "qgg8vlvZRS6UYooatFL8Aw"}, "event_ts": 1}),
        WEBHOOK_SECRET,
    )
    .await;
    assert_eq!(check.status(), 200);
    assert_eq!(
        check.json::<Value>().await.unwrap(),
        meetings::zoom_webhook::validation_answer(WEBHOOK_SECRET, "qgg8vlvZRS6UYooatFL8Aw")
    );
    let when = |rfc: &str| jiff::Timestamp::from_second(secs(rfc)).unwrap().to_string();
    let forged = deliver(
        participant(
            "meeting.participant_joined",
            "lea@example.org",
            "join_time",
            &when(&start),
        ),
        "not-the-secret",
    )
    .await;
    assert_eq!(forged.status(), 400);
    for (event, email, key, at_) in [
        (
            "meeting.participant_joined",
            "lea@example.org",
            "join_time",
            at(3, 10, 0),
        ),
        (
            "meeting.participant_joined",
            "ana@example.org",
            "join_time",
            at(3, 10, 2),
        ),
        (
            "meeting.participant_left",
            "ana@example.org",
            "leave_time",
            at(3, 10, 50),
        ),
        (
            "meeting.participant_left",
            "lea@example.org",
            "leave_time",
            at(3, 10, 55),
        ),
    ] {
        let answer = deliver(participant(event, email, key, &when(&at_)), WEBHOOK_SECRET).await;
        assert_eq!(answer.status(), 200);
        assert_eq!(answer.json::<Value>().await.unwrap()["applied"], true);
    }
    clock.set(jiff::Timestamp::from_second(secs(&at(3, 11, 30))).unwrap());
    app::jobs::schedule::Scheduler::default()
        .tick(&app.db)
        .await
        .unwrap();
    app.run_jobs().await;
    let (lea_token, _) = app.api_log_in("lea@example.org").await;
    let booking = send(
        &app,
        Method::GET,
        &format!("/api/v1/bookings/{id}"),
        &lea_token,
        None,
    )
    .await;
    assert_eq!(booking.json["status"], "completed", "{booking}");
}
both_backends!(zoom_participant_webhooks_count_as_attendance);

/// How far settlement trusts attendance depends on what the provider reports: a Zoom
/// meeting where only one side was seen goes to an operator (its reports name people by
/// an email it does not always know), nobody is refunded or charged on it; a Google Meet
/// session reports nothing, so it waits for the expert's word and is not an operator's.
async fn settlement_trusts_attendance_as_far_as_the_provider_reports_it(backend: Backend) {
    let fake = FakeMeetings::start().await;
    let clock = Arc::new(ManualClock::at(jiff::Timestamp::now()));
    let Some(app) = app_with(backend, &fake, clock.clone()).await else {
        return;
    };
    let (ana, _) = expert(&app, "ana@example.org", rules(0)).await;
    let (bo, _) = expert(&app, "bo@example.org", rules(0)).await;
    let (_, lea_token) = learner(&app, "lea@example.org").await;
    choose(&app, "ana@example.org", "zoom").await;
    choose(&app, "bo@example.org", "meet").await;
    // Zoom's reports name participants by email: Lea's is the one it knows.
    let on_zoom = confirmed(&app, &lea_token, &ana, &at(3, 10, 0)).await;
    let on_meet = confirmed(&app, &lea_token, &bo, &at(3, 12, 0)).await;
    app.run_jobs().await;

    // Zoom saw the learner only.
    let when = |rfc: &str| jiff::Timestamp::from_second(secs(rfc)).unwrap().to_string();
    for (event, key, at_) in [
        ("meeting.participant_joined", "join_time", at(3, 10, 0)),
        ("meeting.participant_left", "leave_time", at(3, 10, 55)),
    ] {
        let body = participant(event, "lea@example.org", key, &when(&at_));
        let answer = deliver_zoom(&app, &clock, &body, WEBHOOK_SECRET).await;
        assert_eq!(answer.json::<Value>().await.unwrap()["applied"], true);
    }
    clock.set(jiff::Timestamp::from_second(secs(&at(3, 14, 0))).unwrap());
    app::jobs::schedule::Scheduler::default()
        .tick(&app.db)
        .await
        .unwrap();
    app.run_jobs().await;

    let (lea_token, _) = app.api_log_in("lea@example.org").await;
    let status = async |id: &str| {
        let shown = send(
            &app,
            Method::GET,
            &format!("/api/v1/bookings/{id}"),
            &lea_token,
            None,
        )
        .await;
        shown.json["status"].as_str().unwrap().to_owned()
    };
    let waiting = store::rooms::awaiting_review(&app.db, 100).await.unwrap();
    // Still confirmed: no no-show was recorded, so nobody was refunded or charged on it.
    assert_eq!(status(&on_zoom).await, "confirmed");
    assert!(
        waiting.contains(&on_zoom.parse().unwrap()),
        "an operator decides"
    );
    assert_eq!(status(&on_meet).await, "confirmed");
    assert!(
        !waiting.contains(&on_meet.parse().unwrap()),
        "Meet reports nothing: the expert records it, not an operator"
    );
    // The booking page offers the outcome to Meet's expert, and not to Zoom's.
    let form = |id: &str| format!(r#"action="/bookings/{id}/outcome""#);
    let ana_page = app.another_client();
    ana_page.log_in_as("ana@example.org").await;
    let html = ana_page
        .get(&format!("/bookings/{on_zoom}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(!html.contains(&form(&on_zoom)), "{html}");
    let bo_page = app.another_client();
    bo_page.log_in_as("bo@example.org").await;
    let html = bo_page
        .get(&format!("/bookings/{on_meet}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains(&form(&on_meet)), "{html}");
    let (bo_token, _) = app.api_log_in("bo@example.org").await;
    let recorded = send(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{on_meet}/transitions"),
        &bo_token,
        Some(json!({"to": "completed", "reason": ""})),
    )
    .await;
    assert_eq!(recorded.status, 200, "{recorded}");
    assert_eq!(recorded.json["status"], "completed");
}
both_backends!(settlement_trusts_attendance_as_far_as_the_provider_reports_it);
