//! Session rooms over HTTP and the live socket: who may enter and when, signalling and
//! presence between the two participants, chat, recording with both consents, and the
//! settlement that turns attendance into each session's outcome.

use std::sync::Arc;

use domain::ManualClock;
use reqwest::Method;
use serde_json::{Value, json};

use crate::bookings::{at, confirmed, expert, learner, rules, secs};
use crate::both_backends;
use crate::live::Live;
use crate::testkit::{Backend, TestApp, send};

fn instant(second: i64) -> jiff::Timestamp {
    jiff::Timestamp::from_second(second).unwrap()
}

/// A live client signed in as `email` (a fresh token: the clock may have moved days on),
/// in the room of `booking` (joined).
async fn enter(app: &TestApp, email: &str, booking: &str) -> Live {
    let (token, _) = app.api_log_in(email).await;
    let mut live = Live::open(app, None).await.unwrap();
    live.send(json!({"type": "auth", "token": token})).await;
    assert_eq!(live.next().await["type"], "ready");
    live.subscribe(&[format!("room:{booking}")], None).await;
    let subscribed = live.next().await;
    assert_eq!(subscribed["type"], "subscribed", "{subscribed}");
    live.send(json!({"type": "join", "room": booking})).await;
    live
}

/// The next presence event about `person` of `state` (`joined`, `left`).
async fn presence(live: &mut Live, person: uuid::Uuid, state: &str) {
    loop {
        let e = live.event("presence").await;
        if e["data"]["person"] == json!(person) && e["data"]["state"] == state {
            return;
        }
    }
}

/// POSTs `body` (a form, or raw bytes) from a signed-in page's session, with its CSRF
/// token, as the room's script does.
async fn post(page: &TestApp, path: String, body: reqwest::Body) -> reqwest::Response {
    let token = page.csrf_token().await;
    // Recording chunks go as WebM, as the browser's recorder makes them.
    let kind = if path.contains("/chunks/") {
        "video/webm"
    } else {
        "application/x-www-form-urlencoded"
    };
    page.client
        .post(page.at(&path))
        .header("x-csrf-token", token)
        .header("content-type", kind)
        .body(body)
        .send()
        .await
        .unwrap()
}

/// Leaves the room and waits until the room has heard it.
async fn leave(live: &mut Live, booking: &str, person: uuid::Uuid) {
    live.send(json!({"type": "leave", "room": booking})).await;
    presence(live, person, "left").await;
}

/// `who` (email, account) alone in the room of `booking` from `span.0` until `span.1`.
async fn stay(
    app: &TestApp,
    clock: &ManualClock,
    who: (&str, uuid::Uuid),
    booking: &str,
    span: (String, String),
) {
    clock.set(instant(secs(&span.0)));
    let mut live = enter(app, who.0, booking).await;
    presence(&mut live, who.1, "joined").await;
    clock.set(instant(secs(&span.1)));
    leave(&mut live, booking, who.1).await;
}

async fn booking(app: &TestApp, token: &str, id: &str) -> Value {
    let answer = send(
        app,
        Method::GET,
        &format!("/api/v1/bookings/{id}"),
        token,
        None,
    )
    .await;
    assert_eq!(answer.status, 200, "{answer}");
    answer.json
}

/// Only the session's two participants (and support staff, announced) may enter its room,
/// fetch its ICE servers or play its recordings: anyone else is told there is no such
/// room. The room opens 10 minutes before the start and closes 30 minutes after the end;
/// before that the page says when it opens.
async fn only_participants_enter_and_only_while_the_room_is_open(backend: Backend) {
    let clock = Arc::new(ManualClock::at(jiff::Timestamp::now()));
    let Some(app) = TestApp::builder(backend).clock(clock.clone()).spawn().await else {
        return;
    };
    let (ana, _) = expert(&app, "ana@example.org", rules(0)).await;
    let (lea, lea_token) = learner(&app, "lea@example.org").await;
    learner(&app, "eve@example.org").await;
    app.create_user("sam@example.org", &[domain::Role::Admin])
        .await;
    let start = at(3, 10, 0);
    let id = confirmed(&app, &lea_token, &ana, &start).await;
    let room_api = format!("/api/v1/bookings/{id}/room");

    // Before the window: the participant's API view says when it opens, with no servers.
    let early = send(&app, Method::GET, &room_api, &lea_token, None).await;
    assert_eq!(early.status, 200, "{early}");
    assert_eq!(early.json["state"], "not_yet");
    assert_eq!(early.json["role"], "learner");
    assert_eq!(
        early.json["opens_at"],
        instant(secs(&start) - 600).to_string()
    );
    assert_eq!(early.json["ice_servers"], json!([]));
    let page = app.another_client();
    page.log_in_as("lea@example.org").await;
    let html = page
        .get(&format!("/sessions/{id}/room"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("The room opens at"), "{html}");
    assert!(!html.contains(r#"id="prejoin""#));
    // The socket refuses the room's channel before it opens.
    let mut early_socket = Live::open(&app, None).await.unwrap();
    early_socket
        .send(json!({"type": "auth", "token": lea_token}))
        .await;
    early_socket.next().await;
    early_socket.subscribe(&[format!("room:{id}")], None).await;
    assert_eq!(early_socket.next().await["code"], "room_closed");

    // Open: the page has the pre-join check and allows the camera here only.
    clock.set(instant(secs(&start) - 600));
    let response = page.get(&format!("/sessions/{id}/room")).await;
    assert_eq!(
        response.headers()["permissions-policy"],
        "camera=(self), microphone=(self), display-capture=(self), geolocation=(), payment=()"
    );
    assert!(response.text().await.unwrap().contains(r#"id="prejoin""#));
    let ice = page.get(&format!("/sessions/{id}/room/ice")).await;
    assert_eq!(ice.status(), 200);

    // A third person: no page, no servers, no API view, no channel. (Fresh tokens: the
    // clock moved days on.)
    let (eve_token, _) = app.api_log_in("eve@example.org").await;
    let (sam_token, _) = app.api_log_in("sam@example.org").await;
    let eve_page = app.another_client();
    eve_page.log_in_as("eve@example.org").await;
    assert_eq!(
        eve_page.get(&format!("/sessions/{id}/room")).await.status(),
        404
    );
    assert_eq!(
        eve_page
            .get(&format!("/sessions/{id}/room/ice"))
            .await
            .status(),
        404
    );
    assert_eq!(
        send(&app, Method::GET, &room_api, &eve_token, None)
            .await
            .status,
        404
    );
    let mut eve = Live::open(&app, None).await.unwrap();
    eve.send(json!({"type": "auth", "token": eve_token})).await;
    eve.next().await;
    eve.subscribe(&[format!("room:{id}")], None).await;
    assert_eq!(eve.next().await["code"], "not_found");
    // Nor may the third person chat or consent there.
    let token = eve_page.csrf_token().await;
    let chat = eve_page
        .client
        .post(eve_page.at(&format!("/sessions/{id}/room/messages")))
        .header("x-csrf-token", &token)
        .form(&[("body", "hello")])
        .send()
        .await
        .unwrap();
    assert_eq!(chat.status(), 404);

    // Support staff may enter, and the participants hear who joined as support.
    let mut lea_live = enter(&app, "lea@example.org", &id).await;
    presence(&mut lea_live, lea.id, "joined").await;
    let sam_view = send(&app, Method::GET, &room_api, &sam_token, None).await;
    assert_eq!(sam_view.json["role"], "support");
    let mut sam_live = enter(&app, "sam@example.org", &id).await;
    let heard = loop {
        let e = lea_live.event("presence").await;
        if e["data"]["role"] == "support" {
            break e;
        }
    };
    assert_eq!(heard["data"]["state"], "joined");
    // A signal goes to the person it names alone: support staff in the room do not see
    // the participants' offers (nor their addresses), and nobody outside it is reachable.
    let (ana_token, _) = app.api_log_in("ana@example.org").await;
    let mut ana_live = Live::open(&app, None).await.unwrap();
    ana_live
        .send(json!({"type": "auth", "token": ana_token}))
        .await;
    ana_live.next().await;
    ana_live.subscribe(&[format!("room:{id}")], None).await;
    ana_live.next().await;
    let eve = store::users::find_by_email(
        &app.db,
        &domain::EmailAddress::parse("eve@example.org").unwrap(),
    )
    .await
    .unwrap()
    .unwrap();
    ana_live
        .send(json!({"type": "signal", "room": id, "to": eve.id, "data": {"candidate": "x"}}))
        .await;
    assert_eq!(ana_live.error().await["code"], "not_in_room");
    ana_live
        .send(json!({"type": "signal", "room": id, "to": lea.id, "data": {"candidate": "c"}}))
        .await;
    ana_live
        .send(json!({"type": "media", "room": id, "audio": true, "video": true}))
        .await;
    assert_eq!(
        lea_live.event("signal").await["data"]["data"]["candidate"],
        "c"
    );
    loop {
        let seen = sam_live.next().await;
        assert_ne!(
            seen["kind"], "signal",
            "support saw a signal meant for the learner: {seen}"
        );
        if seen["kind"] == "media" {
            break;
        }
    }

    // After the end plus 30 minutes the room is closed.
    clock.set(instant(secs(&start) + 3600 + 1800));
    let (lea_token, _) = app.api_log_in("lea@example.org").await;
    let late = send(&app, Method::GET, &room_api, &lea_token, None).await;
    assert_eq!(late.json["state"], "closed");
    let html = page
        .get(&format!("/sessions/{id}/room"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("This room has closed"), "{html}");
}
both_backends!(only_participants_enter_and_only_while_the_room_is_open);

/// In the room, one side's offer reaches the other as a signal addressed to them, muting
/// is heard, chat is kept with the session, and recording starts only once both have
/// consented: the chunks go to storage in order and play back as one WebM file for the
/// participants only; a withdrawal stops it at once.
async fn signals_chat_and_recording_with_both_consents(backend: Backend) {
    let clock = Arc::new(ManualClock::at(jiff::Timestamp::now()));
    let Some(app) = TestApp::builder(backend).clock(clock.clone()).spawn().await else {
        return;
    };
    let (ana, _) = expert(&app, "ana@example.org", rules(0)).await;
    let (lea, lea_token) = learner(&app, "lea@example.org").await;
    learner(&app, "eve@example.org").await;
    let start = at(3, 10, 0);
    let id = confirmed(&app, &lea_token, &ana, &start).await;
    clock.set(instant(secs(&start) - 300));

    let mut lea_live = enter(&app, "lea@example.org", &id).await;
    let mut ana_live = enter(&app, "ana@example.org", &id).await;
    presence(&mut lea_live, ana.id, "joined").await;
    ana_live
        .send(json!({"type": "signal", "room": id, "to": lea.id, "data": {"description": {"type": "offer", "sdp": "v=0"}}}))
        .await;
    let signal = lea_live.event("signal").await;
    assert_eq!(signal["data"]["from"], json!(ana.id));
    assert_eq!(signal["data"]["to"], json!(lea.id));
    assert_eq!(signal["data"]["data"]["description"]["type"], "offer");
    lea_live
        .send(json!({"type": "media", "room": id, "audio": false, "video": true}))
        .await;
    let media = ana_live.event("media").await;
    assert_eq!(media["data"]["from"], json!(lea.id));
    assert_eq!(media["data"]["audio"], false);

    // Chat, from the page, heard live and kept.
    let lea_page = app.another_client();
    lea_page.log_in_as("lea@example.org").await;
    let ana_page = app.another_client();
    ana_page.log_in_as("ana@example.org").await;
    let said = post(
        &lea_page,
        format!("/sessions/{id}/room/messages"),
        "body=Hello+Ana".into(),
    )
    .await;
    assert_eq!(said.status(), 201);
    assert_eq!(ana_live.event("chat").await["data"]["body"], "Hello Ana");
    let empty = post(
        &lea_page,
        format!("/sessions/{id}/room/messages"),
        "body=+".into(),
    )
    .await;
    assert_eq!(empty.status(), 422);
    let html = ana_page
        .get(&format!("/sessions/{id}/room"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Hello Ana"));

    // Recording needs both consents.
    let recordings = format!("/sessions/{id}/room/recordings");
    assert_eq!(
        post(&lea_page, recordings.clone(), "".into())
            .await
            .status(),
        409
    );
    let consent_path = format!("/sessions/{id}/room/consent");
    let consent = async |page: &TestApp, given: bool| {
        post(page, consent_path.clone(), format!("given={given}").into()).await
    };
    let first: Value = consent(&lea_page, true).await.json().await.unwrap();
    assert_eq!(
        first,
        json!({"learner": true, "expert": false, "on": false})
    );
    let both: Value = consent(&ana_page, true).await.json().await.unwrap();
    assert_eq!(both["on"], true);
    assert_eq!(lea_live.event("recording").await["data"]["on"], false);
    assert_eq!(lea_live.event("recording").await["data"]["on"], true);
    let started = post(&lea_page, recordings, "".into()).await;
    assert_eq!(started.status(), 201);
    let recording = started.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let chunk = async |n: u32, bytes: Vec<u8>| {
        let path = format!("/sessions/{id}/room/recordings/{recording}/chunks/{n}");
        post(&lea_page, path, bytes.into()).await
    };
    // The first chunk must be WebM; chunks come in order, each once.
    assert_eq!(chunk(0, b"not webm".to_vec()).await.status(), 422);
    let mut head = vec![0x1A, 0x45, 0xDF, 0xA3];
    // Media bytes hold NULs, which no text field may: the chunk route takes them.
    head.extend_from_slice(b"-header\0and-first-cluster");
    assert_eq!(chunk(0, head.clone()).await.status(), 204);
    assert_eq!(chunk(2, b"-third".to_vec()).await.status(), 409);
    assert_eq!(chunk(1, b"-second".to_vec()).await.status(), 204);
    assert_eq!(chunk(1, b"-second".to_vec()).await.status(), 409);

    // Withdrawn: stopped at once.
    consent(&ana_page, false).await;
    assert_eq!(chunk(2, b"-third".to_vec()).await.status(), 409);
    let file = lea_page
        .get(&format!("/sessions/{id}/recordings/{recording}"))
        .await;
    assert_eq!(file.status(), 200);
    assert_eq!(file.headers()["content-type"], "video/webm");
    let mut expected = head;
    expected.extend_from_slice(b"-second");
    assert_eq!(file.bytes().await.unwrap().to_vec(), expected);
    assert_eq!(
        ana_page
            .get(&format!("/sessions/{id}/recordings/{recording}"))
            .await
            .status(),
        200,
        "both participants play it"
    );
    let eve_page = app.another_client();
    eve_page.log_in_as("eve@example.org").await;
    assert_eq!(
        eve_page
            .get(&format!("/sessions/{id}/recordings/{recording}"))
            .await
            .status(),
        404
    );
    let consents = store::recordings::consents(&app.db, uuid::Uuid::parse_str(&id).unwrap())
        .await
        .unwrap();
    assert_eq!(consents.len(), 2);
    assert!(consents.iter().all(|c| c.purpose == "session_recording"));
    assert!(
        consents
            .iter()
            .any(|c| c.account_id == ana.id && c.withdrawn_at.is_some())
    );

    // Either participant deletes it.
    let deleted = post(
        &ana_page,
        format!("/sessions/{id}/recordings/{recording}/delete"),
        "".into(),
    )
    .await;
    assert_eq!(deleted.status(), 303);
    assert_eq!(
        lea_page
            .get(&format!("/sessions/{id}/recordings/{recording}"))
            .await
            .status(),
        404
    );
}
both_backends!(signals_chat_and_recording_with_both_consents);

/// After the room closes, attendance settles each session: both present → completed;
/// only the learner → `no_show_expert`, refunded in full; only the expert →
/// `no_show_learner`; nobody → an operator reviews it. The side an outcome went
/// against may dispute it.
async fn attendance_settles_each_session_when_its_room_closes(backend: Backend) {
    let clock = Arc::new(ManualClock::at(jiff::Timestamp::now()));
    let Some(app) = TestApp::builder(backend).clock(clock.clone()).spawn().await else {
        return;
    };
    let (ana, _) = expert(&app, "ana@example.org", rules(0)).await;
    let (lea, lea_token) = learner(&app, "lea@example.org").await;
    let both = confirmed(&app, &lea_token, &ana, &at(3, 10, 0)).await;
    let only_learner = confirmed(&app, &lea_token, &ana, &at(3, 12, 0)).await;
    let nobody = confirmed(&app, &lea_token, &ana, &at(3, 14, 0)).await;
    let only_expert = confirmed(&app, &lea_token, &ana, &at(3, 16, 0)).await;

    // Both stay 40 minutes of the hour (from before the start).
    clock.set(instant(secs(&at(3, 10, 0)) - 300));
    let mut lea_live = enter(&app, "lea@example.org", &both).await;
    let mut ana_live = enter(&app, "ana@example.org", &both).await;
    presence(&mut lea_live, ana.id, "joined").await;
    clock.set(instant(secs(&at(3, 10, 40))));
    leave(&mut ana_live, &both, ana.id).await;
    leave(&mut lea_live, &both, lea.id).await;
    // Only the learner at noon, only the expert at four.
    stay(
        &app,
        &clock,
        ("lea@example.org", lea.id),
        &only_learner,
        (at(3, 12, 0), at(3, 12, 50)),
    )
    .await;
    stay(
        &app,
        &clock,
        ("ana@example.org", ana.id),
        &only_expert,
        (at(3, 16, 0), at(3, 17, 0)),
    )
    .await;

    // The last room has closed: the settlement runs.
    clock.set(instant(secs(&at(3, 17, 30))));
    app::jobs::schedule::Scheduler::default()
        .tick(&app.db)
        .await
        .unwrap();
    app.run_jobs().await;
    let (lea_token, _) = app.api_log_in("lea@example.org").await;
    let (ana_token, _) = app.api_log_in("ana@example.org").await;
    assert_eq!(
        booking(&app, &lea_token, &both).await["status"],
        "completed"
    );
    let refunded = booking(&app, &lea_token, &only_learner).await;
    assert_eq!(refunded["status"], "no_show_expert");
    assert_eq!(refunded["refunded_amount"], refunded["paid_amount"]);
    assert_eq!(
        booking(&app, &lea_token, &only_expert).await["status"],
        "no_show_learner"
    );
    assert_eq!(
        booking(&app, &lea_token, &nobody).await["status"],
        "confirmed"
    );
    let review = store::rooms::awaiting_review(&app.db, 10).await.unwrap();
    assert_eq!(review, vec![uuid::Uuid::parse_str(&nobody).unwrap()]);
    // Operators see it waiting for a verdict, and record one on the booking page; an
    // outcome that is not one of those offered is refused, naming the field.
    app.create_user("sam@example.org", &[domain::Role::Admin])
        .await;
    let sam = app.another_client();
    sam.log_in_as("sam@example.org").await;
    let listed = sam.get("/admin/payments").await.text().await.unwrap();
    assert!(listed.contains(&format!("/bookings/{nobody}")), "{listed}");
    let booking_page = sam
        .get(&format!("/bookings/{nobody}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(booking_page.contains(r#"action="/bookings/"#) && booking_page.contains("/outcome"));
    let wrong = sam
        .submit(
            &format!("/bookings/{nobody}/outcome"),
            &[("to", "vanished")],
        )
        .await;
    assert_eq!(wrong.status(), 422);
    // (The form offers only valid outcomes: a tampered one gets the 422 page, and the
    // session is unchanged.)
    assert!(
        wrong
            .text()
            .await
            .unwrap()
            .contains("Some fields are not valid")
    );
    assert_eq!(
        store::rooms::awaiting_review(&app.db, 10)
            .await
            .unwrap()
            .len(),
        1
    );
    let decided = sam
        .submit(
            &format!("/bookings/{nobody}/outcome"),
            &[
                ("to", "completed"),
                ("reason", "held by phone, both confirmed"),
            ],
        )
        .await;
    assert_eq!(decided.status(), 303);
    assert!(
        store::rooms::awaiting_review(&app.db, 10)
            .await
            .unwrap()
            .is_empty()
    );
    let listed = sam.get("/admin/payments").await.text().await.unwrap();
    assert!(!listed.contains(&format!("/bookings/{nobody}\"")));
    let timeline = booking(&app, &lea_token, &both).await;
    assert!(
        timeline
            .to_string()
            .contains("settled by attendance: learner 40 min, expert 40 min"),
        "{timeline}"
    );

    // Running again changes nothing.
    app::jobs::schedule::Scheduler::default()
        .tick(&app.db)
        .await
        .unwrap();
    app.run_jobs().await;
    assert_eq!(
        booking(&app, &lea_token, &both).await["status"],
        "completed"
    );

    // The side an outcome went against disputes it; the other side may not.
    let dispute = |token: &str, id: &str| {
        let (token, id) = (token.to_owned(), id.to_owned());
        let app = &app;
        async move {
            send(
                app,
                Method::POST,
                &format!("/api/v1/bookings/{id}/transitions"),
                &token,
                Some(json!({"to": "disputed", "reason": "I was there the whole hour"})),
            )
            .await
        }
    };
    assert_eq!(dispute(&ana_token, &only_expert).await.status, 403);
    assert_eq!(dispute(&lea_token, &only_expert).await.status, 200);
    assert_eq!(dispute(&lea_token, &only_learner).await.status, 403);
    assert_eq!(dispute(&ana_token, &only_learner).await.status, 200);
}
both_backends!(attendance_settles_each_session_when_its_room_closes);

/// An expert who meets on Jitsi: inside the window the room page links to one room per
/// session series, named so nobody can guess it (the same for both participants, kept
/// when the session moves), and with token authentication each participant's link
/// carries a token for that room alone, valid while the room is open.
async fn jitsi_rooms_are_unguessable_and_carry_a_token_per_participant(backend: Backend) {
    let clock = Arc::new(ManualClock::at(jiff::Timestamp::now()));
    let Some(app) = TestApp::builder(backend)
        .clock(clock.clone())
        .configure(|c| {
            c.video.jitsi = Some(app::rooms::JitsiSettings {
                host: "https://meet.example.org".into(),
                jwt: Some(("mentora".into(), "jitsi-app-secret".into())),
            });
        })
        .spawn()
        .await
    else {
        return;
    };
    let (ana, _) = expert(&app, "ana@example.org", rules(0)).await;
    let (lea, lea_token) = learner(&app, "lea@example.org").await;
    let ana_page = app.another_client();
    ana_page.log_in_as("ana@example.org").await;
    let saved = ana_page
        .submit(
            "/experts/availability/video",
            &[("video_provider", "jitsi")],
        )
        .await;
    assert_eq!(saved.status(), 303);
    let start = at(3, 10, 0);
    let id = confirmed(&app, &lea_token, &ana, &start).await;
    clock.set(instant(secs(&start) - 300));
    let lea_page = app.another_client();
    lea_page.log_in_as("lea@example.org").await;
    let link_of = |html: &str| {
        let from = html
            .find("https://meet.example.org/")
            .unwrap_or_else(|| panic!("{html}"));
        html[from..]
            .split('"')
            .next()
            .unwrap()
            .replace("&amp;", "&")
    };
    let lea_link = link_of(
        &lea_page
            .get(&format!("/sessions/{id}/room"))
            .await
            .text()
            .await
            .unwrap(),
    );
    let ana_link = link_of(
        &ana_page
            .get(&format!("/sessions/{id}/room"))
            .await
            .text()
            .await
            .unwrap(),
    );
    let (lea_room, lea_jwt) = lea_link["https://meet.example.org/".len()..]
        .split_once("?jwt=")
        .unwrap();
    let (ana_room, ana_jwt) = ana_link["https://meet.example.org/".len()..]
        .split_once("?jwt=")
        .unwrap();
    assert_eq!(lea_room, ana_room, "one room for both");
    let random = lea_room.strip_prefix("mentora-").unwrap();
    assert_eq!(random.len(), 32, "128 random bits: {lea_room}");
    assert!(random.chars().all(|c| c.is_ascii_hexdigit()));
    let mut validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::HS256);
    validation.set_audience(&["jitsi"]);
    validation.validate_exp = false;
    validation.validate_nbf = false;
    let key = jsonwebtoken::DecodingKey::from_secret(b"jitsi-app-secret");
    let lea_claims = jsonwebtoken::decode::<Value>(lea_jwt, &key, &validation)
        .unwrap()
        .claims;
    assert_eq!(lea_claims["room"], lea_room);
    assert_eq!(lea_claims["iss"], "mentora");
    assert_eq!(lea_claims["sub"], "meet.example.org");
    assert_eq!(lea_claims["exp"], secs(&start) + 3600 + 1800);
    assert_eq!(lea_claims["nbf"], secs(&start) - 600);
    assert_eq!(lea_claims["context"]["user"]["id"], json!(lea.id));
    assert_eq!(lea_claims["context"]["user"]["moderator"], false);
    let ana_claims = jsonwebtoken::decode::<Value>(ana_jwt, &key, &validation)
        .unwrap()
        .claims;
    assert_eq!(ana_claims["context"]["user"]["moderator"], true);
    // Another session gets another room.
    clock.set(instant(secs(&start) + 7200));
    let other = confirmed(
        &app,
        &app.api_log_in("lea@example.org").await.0,
        &ana,
        &at(4, 10, 0),
    )
    .await;
    clock.set(instant(secs(&at(4, 10, 0)) - 300));
    let other_link = link_of(
        &lea_page
            .get(&format!("/sessions/{other}/room"))
            .await
            .text()
            .await
            .unwrap(),
    );
    assert!(!other_link.contains(lea_room));
}
both_backends!(jitsi_rooms_are_unguessable_and_carry_a_token_per_participant);

/// A recording is deleted with its chunks once its retention period has passed.
async fn recordings_are_deleted_after_the_retention_period(backend: Backend) {
    let clock = Arc::new(ManualClock::at(jiff::Timestamp::now()));
    let Some(app) = TestApp::builder(backend).clock(clock.clone()).spawn().await else {
        return;
    };
    let (ana, _) = expert(&app, "ana@example.org", rules(0)).await;
    let (_, lea_token) = learner(&app, "lea@example.org").await;
    let start = at(3, 10, 0);
    let id = confirmed(&app, &lea_token, &ana, &start).await;
    clock.set(instant(secs(&start)));
    let lea_page = app.another_client();
    lea_page.log_in_as("lea@example.org").await;
    let ana_page = app.another_client();
    ana_page.log_in_as("ana@example.org").await;
    for page in [&lea_page, &ana_page] {
        let consented = post(
            page,
            format!("/sessions/{id}/room/consent"),
            "given=true".into(),
        )
        .await;
        assert_eq!(consented.status(), 200);
    }
    let started = post(
        &lea_page,
        format!("/sessions/{id}/room/recordings"),
        "".into(),
    )
    .await;
    let recording = started.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let chunk = post(
        &lea_page,
        format!("/sessions/{id}/room/recordings/{recording}/chunks/0"),
        vec![0x1A, 0x45, 0xDF, 0xA3, 0].into(),
    )
    .await;
    assert_eq!(chunk.status(), 204);
    let chunk = post(
        &lea_page,
        format!("/sessions/{id}/room/recordings/{recording}/chunks/1"),
        vec![1, 2, 3, 4].into(),
    )
    .await;
    assert_eq!(chunk.status(), 204);
    let play = format!("/sessions/{id}/recordings/{recording}");
    let whole = lea_page.get(&play).await;
    assert_eq!(whole.status(), 200);
    assert_eq!(whole.headers()["accept-ranges"], "bytes");
    assert_eq!(
        whole.bytes().await.unwrap().as_ref(),
        [0x1A, 0x45, 0xDF, 0xA3, 0, 1, 2, 3, 4]
    );
    // A player seeks by asking for a part: it is cut across the chunks it spans.
    let ranged = |range: &'static str| {
        lea_page
            .client
            .get(lea_page.at(&play))
            .header("range", range)
            .send()
    };
    let part = ranged("bytes=3-6").await.unwrap();
    assert_eq!(part.status(), 206);
    assert_eq!(part.headers()["content-range"], "bytes 3-6/9");
    assert_eq!(part.headers()["content-length"], "4");
    assert_eq!(part.bytes().await.unwrap().as_ref(), [0xA3, 0, 1, 2]);
    let tail = ranged("bytes=-2").await.unwrap();
    assert_eq!(tail.headers()["content-range"], "bytes 7-8/9");
    assert_eq!(tail.bytes().await.unwrap().as_ref(), [3, 4]);
    let past = ranged("bytes=9-").await.unwrap();
    assert_eq!(past.status(), 416);
    assert_eq!(past.headers()["content-range"], "bytes */9");
    // Never compressed (ranges count the file's own bytes): a compressed body would be
    // streamed without its length.
    let chunk = post(
        &lea_page,
        format!("/sessions/{id}/room/recordings/{recording}/chunks/2"),
        vec![7; 4096].into(),
    )
    .await;
    assert_eq!(chunk.status(), 204);
    let whole = lea_page
        .get_with(&play, &[("accept-encoding", "gzip, br")])
        .await;
    assert_eq!(whole.headers()["content-length"], "4105");
    assert!(whole.headers().get("content-encoding").is_none());
    let stored =
        store::recordings::chunk_sizes(&app.db, uuid::Uuid::parse_str(&recording).unwrap())
            .await
            .unwrap();
    assert_eq!(stored.len(), 3);

    // Thirty days on (the default), the next run deletes it.
    clock.set(instant(secs(&start) + 30 * 86_400 + 60));
    app::jobs::schedule::Scheduler::default()
        .tick(&app.db)
        .await
        .unwrap();
    app.run_jobs().await;
    let lea_page = app.another_client();
    lea_page.log_in_as("lea@example.org").await;
    // The session is over, but its page would still serve the file: it is gone instead.
    assert_eq!(lea_page.get(&play).await.status(), 404);
    let files = app.data_dir.as_ref().unwrap().path().join("files");
    assert!(files.exists() && !files.join(&stored[0].0).exists());
}
both_backends!(recordings_are_deleted_after_the_retention_period);

/// The video help page's check: a visitor's reaches the STUN servers only (and is told
/// that signing in checks the relay); the check of someone with a session ahead also
/// tries the TURN relay with a ten-minute credential minted for them, and the page is
/// never cached.
async fn the_video_help_check_tries_the_relay_for_a_signed_in_person(backend: Backend) {
    let Some(app) = TestApp::builder(backend)
        .configure(|c| {
            c.video.ice = app::rooms::ice::IceSettings {
                servers: app::rooms::ice::IceSettings::parse_servers(
                    "stun:stun.example.org:3478 turn:turn.example.org:3478",
                )
                .unwrap(),
                turn_secret: Some("turn-secret".into()),
                turn_ttl: jiff::SignedDuration::from_mins(120),
                relay_only: false,
            }
        })
        .spawn()
        .await
    else {
        return;
    };
    let servers_of = |html: &str| -> Value {
        let start = html.find("data-servers=\"").unwrap() + "data-servers=\"".len();
        let end = start + html[start..].find('"').unwrap();
        serde_json::from_str(
            &html[start..end]
                .replace("&quot;", "\"")
                .replace("&#34;", "\""),
        )
        .unwrap()
    };
    let visitor = app.another_client();
    let page = visitor.get("/support/video").await;
    assert_eq!(page.headers()["cache-control"], "private, no-store");
    let html = page.text().await.unwrap();
    assert_eq!(
        servers_of(&html),
        json!([{"urls": ["stun:stun.example.org:3478"]}])
    );
    assert!(html.contains(r#"data-relay="false""#));
    assert!(html.contains("Sign in to check the relay server too."));

    // Signed in without a session ahead: still the STUN servers only (the relay is not
    // a service for whoever signs up).
    let (lea, lea_token) = learner(&app, "lea@example.org").await;
    let signed_in = app.another_client();
    signed_in.log_in_as("lea@example.org").await;
    let html = signed_in.get("/support/video").await.text().await.unwrap();
    assert_eq!(servers_of(&html).as_array().unwrap().len(), 1, "{html}");
    assert!(html.contains(r#"data-relay="false""#));
    // With a confirmed session ahead, the check tries the relay with her own credential,
    // valid for ten minutes.
    let (ana, _) = expert(&app, "ana@example.org", rules(0)).await;
    confirmed(&app, &lea_token, &ana, &at(3, 10, 0)).await;
    let html = signed_in.get("/support/video").await.text().await.unwrap();
    let servers = servers_of(&html);
    assert_eq!(servers[1]["urls"], json!(["turn:turn.example.org:3478"]));
    let username = servers[1]["username"].as_str().unwrap();
    assert!(
        username.ends_with(&format!(":{}", lea.id)),
        "the credential is the person's own: {username}"
    );
    let expires: i64 = username.split(':').next().unwrap().parse().unwrap();
    let now = jiff::Timestamp::now().as_second();
    assert!(
        (now + 540..=now + 660).contains(&expires),
        "ten minutes: {expires} vs {now}"
    );
    assert!(
        servers[1]["credential"]
            .as_str()
            .is_some_and(|c| !c.is_empty())
    );
    assert!(html.contains(r#"data-relay="true""#));
    assert!(!html.contains("Sign in to check the relay server too."));
}
both_backends!(the_video_help_check_tries_the_relay_for_a_signed_in_person);
