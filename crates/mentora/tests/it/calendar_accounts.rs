//! Google Calendar and Microsoft 365, connected by signing in, against a wire-level fake
//! of both (`fake_calendars`) that checks PKCE, tokens and the requests' shapes: the
//! sign-in, busy times read and kept fresh (sync tokens and delta links, push with
//! validation), sessions written, moved and removed under ids that survive retries,
//! tokens refreshed, and a revoked account asked to sign in again.

use std::sync::Arc;

use domain::{Clock, ManualClock};
use reqwest::Method;
use serde_json::json;
use uuid::Uuid;

use crate::bookings::{at, confirmed, expert, learner, rules};
use crate::both_backends;
use crate::calendars::starts;
use crate::fake_calendars::{FakeCalendars, GOOGLE_ACCOUNT, GOOGLE_TEAM, MS_CALENDAR};
use crate::testkit::{Backend, TestApp, send};

async fn app_with(
    backend: Backend,
    fake: &FakeCalendars,
    clock: Arc<ManualClock>,
) -> Option<TestApp> {
    let accounts = fake.accounts();
    TestApp::builder(backend)
        .clock(clock)
        .configure(move |c| c.calendar_accounts = accounts.clone())
        .spawn()
        .await
}

/// The path and query of an absolute address (the app's own client reaches it by its
/// own host).
fn local(url: &str) -> String {
    let u = reqwest::Url::parse(url).unwrap();
    format!("{}?{}", u.path(), u.query().unwrap_or(""))
}

/// Signs `page`'s person in to `provider` through the fake: the form, the provider's
/// page (straight back), the return. Returns the address of the provider's sign-in page
/// and where the return sent the browser.
async fn sign_in(
    page: &TestApp,
    provider: &str,
    reconnect: Option<Uuid>,
) -> (reqwest::Url, String) {
    let id = reconnect.map(|c| c.to_string()).unwrap_or_default();
    let started = page
        .submit(&format!("/calendars/{provider}"), &[("connection", &id)])
        .await;
    assert_eq!(started.status().as_u16(), 303);
    let to_provider = started.headers()["location"].to_str().unwrap().to_owned();
    assert!(
        started.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .contains("Path=/calendars/oauth; Max-Age=600; HttpOnly; SameSite=Lax")
    );
    let outside = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let back = outside.get(&to_provider).send().await.unwrap();
    assert_eq!(back.status().as_u16(), 302);
    let back = back.headers()["location"].to_str().unwrap().to_owned();
    let landed = page.get(&local(&back)).await;
    assert_eq!(
        landed.status().as_u16(),
        303,
        "{}",
        landed.text().await.unwrap()
    );
    let target = landed.headers()["location"].to_str().unwrap().to_owned();
    (reqwest::Url::parse(&to_provider).unwrap(), target)
}

fn query(url: &reqwest::Url) -> std::collections::HashMap<String, String> {
    url.query_pairs().into_owned().collect()
}

/// Google: PKCE sign-in with the narrow scopes; free/busy of both calendars in 90-day
/// pieces; a watch channel per blocking calendar, whose notification (with its secret,
/// and only with it) reads the calendar again at once through its sync token; sessions
/// written under the series' id, moved and removed; a revoked account asks for a new
/// sign-in, told once, and signing in again onto the same connection mends it.
async fn google_calendar_signs_in_reads_busy_times_and_keeps_sessions(backend: Backend) {
    let fake = FakeCalendars::start().await;
    let clock = Arc::new(ManualClock::at(jiff::Timestamp::now()));
    let Some(app) = app_with(backend, &fake, clock.clone()).await else {
        return;
    };
    let (ana, _) = expert(&app, "ana@example.org", rules(0)).await;
    let (_, lea_token) = learner(&app, "lea@example.org").await;
    fake.add_busy(GOOGLE_ACCOUNT, &at(2, 10, 0), &at(2, 11, 0));
    fake.add_busy(GOOGLE_TEAM, &at(3, 14, 0), &at(3, 15, 0));
    let ana_page = app.another_client();
    ana_page.log_in_as("ana@example.org").await;
    let page = ana_page.get("/calendars").await;
    // Its forms lead to the providers' sign-in pages, and to nowhere else.
    let policy = page.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        policy.contains(&format!("form-action 'self' {} {};", fake.url, fake.url)),
        "{policy}"
    );
    let page = page.text().await.unwrap();
    assert!(page.contains("Connect Google Calendar") && page.contains("Connect Microsoft 365"));

    let (authorize, landed) = sign_in(&ana_page, "google", None).await;
    assert_eq!(landed, "/calendars?done=connected");
    let asked = query(&authorize);
    let origin = app.origin();
    assert_eq!(authorize.path(), "/google/authorize");
    assert_eq!(asked["client_id"], crate::fake_calendars::GOOGLE_CLIENT);
    assert_eq!(
        asked["redirect_uri"],
        format!("{origin}/calendars/oauth/google")
    );
    assert_eq!(asked["response_type"], "code");
    assert_eq!(
        asked["scope"],
        "https://www.googleapis.com/auth/calendar.calendarlist.readonly \
         https://www.googleapis.com/auth/calendar.events.freebusy \
         https://www.googleapis.com/auth/calendar.events.owned"
    );
    assert_eq!(asked["code_challenge_method"], "S256");
    assert_eq!(asked["code_challenge"].len(), 43);
    assert_eq!(asked["access_type"], "offline");
    assert_eq!(asked["prompt"], "consent");
    assert!(asked["state"].len() >= 43);
    // The code went back with the verifier of that challenge (the fake checked it).
    let exchange = &fake.seen_at("POST", "/google/token")[0];
    assert_eq!(exchange.param("grant_type"), "authorization_code");
    assert_eq!(exchange.param("redirect_uri"), asked["redirect_uri"]);
    assert_eq!(exchange.param("code_verifier").len(), 43);

    // Both calendars block; free/busy asked for both, a year ahead in 90-day pieces.
    let (connection, calendars) = crate::calendars::connection_of(&app, ana.id).await;
    assert_eq!(connection.kind, "google");
    assert_eq!(connection.address, GOOGLE_ACCOUNT);
    assert!(
        !connection
            .secret_sealed
            .clone()
            .unwrap()
            .contains("google-refresh")
    );
    assert_eq!(calendars.len(), 2);
    let free_busy = fake.seen_at("POST", "/freeBusy");
    assert_eq!(free_busy.len(), 5);
    let first = free_busy[0].json();
    let mut items: Vec<String> = first["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_owned())
        .collect();
    items.sort();
    assert_eq!(items, [GOOGLE_ACCOUNT, GOOGLE_TEAM]);
    let (t0, t1): (jiff::Timestamp, jiff::Timestamp) = (
        first["timeMin"].as_str().unwrap().parse().unwrap(),
        first["timeMax"].as_str().unwrap().parse().unwrap(),
    );
    assert_eq!((t1 - t0).as_hours(), 90 * 24);
    assert_eq!(free_busy[0].authorization, "Bearer ya29.google-1");
    assert!(!starts(&app, &ana, 2).await.contains(&at(2, 10, 0)));
    assert!(!starts(&app, &ana, 3).await.contains(&at(3, 14, 0)));
    assert!(starts(&app, &ana, 2).await.contains(&at(2, 12, 0)));

    // A watch channel per blocking calendar, telling this deployment.
    let watches = fake.seen_at("POST", "/events/watch");
    assert_eq!(watches.len(), 2);
    let watch = watches[0].json();
    assert_eq!(watch["type"], "web_hook");
    assert_eq!(
        watch["address"],
        format!("{origin}/api/v1/webhooks/google-calendar")
    );
    let (channel, secret) = (
        watch["id"].as_str().unwrap().to_owned(),
        watch["token"].as_str().unwrap().to_owned(),
    );
    let stored = store::calendars::watches_of(&app.db, connection.id)
        .await
        .unwrap();
    assert_eq!(stored.len(), 2);
    assert!(
        stored
            .iter()
            .all(|w| !w.watch_secret_hash.contains(&secret))
    );
    let notify = async |secret: &str, state: &str| {
        app.client
            .post(app.at("/api/v1/webhooks/google-calendar"))
            .header("x-goog-channel-id", &channel)
            .header("x-goog-channel-token", secret)
            .header("x-goog-resource-state", state)
            .header("x-goog-resource-id", "resource-1")
            .send()
            .await
            .unwrap()
            .status()
            .as_u16()
    };
    assert_eq!(notify(&secret, "sync").await, 200);
    assert_eq!(notify("forged", "exists").await, 404);
    // A new appointment: the notification reads the calendar at once (its sync token
    // says it changed), and the slot goes.
    fake.add_busy(GOOGLE_ACCOUNT, &at(2, 15, 0), &at(2, 16, 0));
    assert!(starts(&app, &ana, 2).await.contains(&at(2, 15, 0)));
    assert_eq!(notify(&secret, "exists").await, 200);
    app.run_jobs().await;
    assert!(!starts(&app, &ana, 2).await.contains(&at(2, 15, 0)));
    let listed = fake.seen_at("GET", &format!("/calendars/{GOOGLE_ACCOUNT}/events"));
    let last = listed.last().unwrap();
    assert_eq!(last.param("syncToken"), "sync-1");
    assert_eq!(
        last.param("fields"),
        "items(id),nextPageToken,nextSyncToken"
    );
    // Unchanged since: a read costs the two sync-token checks, no free/busy.
    let before = fake.seen_at("POST", "/freeBusy").len();
    crate::calendars::sync_now(&app, connection.id).await;
    assert_eq!(fake.seen_at("POST", "/freeBusy").len(), before);

    // An access token Google stops taking: the read gets 401, buys a new token with the
    // refresh token, and goes on.
    fake.expire_access_tokens();
    let read = crate::calendars::sync_now(&app, connection.id).await;
    assert!(
        matches!(read, app::calendars::sync::Synced::Ok { .. }),
        "{read:?}"
    );
    let refresh = fake.seen_at("POST", "/google/token").pop().unwrap();
    assert_eq!(refresh.param("grant_type"), "refresh_token");
    assert_eq!(refresh.param("refresh_token"), "1//google-refresh-1");

    // Sessions go to her own calendar: written under the series' id, moved, removed. The
    // team's calendar, shared with her to read, may not receive them.
    let own = calendars
        .iter()
        .find(|c| c.remote_url == GOOGLE_ACCOUNT)
        .unwrap();
    let team = calendars
        .iter()
        .find(|c| c.remote_url == GOOGLE_TEAM)
        .unwrap();
    assert!(own.writable && !team.writable);
    let refused = ana_page
        .submit(
            &format!("/calendars/{}/choose", connection.id),
            &[
                ("blocks", &own.id.to_string()),
                ("receives", &team.id.to_string()),
            ],
        )
        .await;
    assert_eq!(refused.status().as_u16(), 422);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("This calendar is read-only")
    );
    let chosen = ana_page
        .submit(
            &format!("/calendars/{}/choose", connection.id),
            &[
                ("blocks", &own.id.to_string()),
                ("blocks", &team.id.to_string()),
                ("receives", &own.id.to_string()),
            ],
        )
        .await;
    assert_eq!(chosen.status().as_u16(), 303);
    let id = confirmed(&app, &lea_token, &ana, &at(4, 9, 0)).await;
    app.run_jobs().await;
    let series = store::bookings::find(&app.db, id.parse().unwrap())
        .await
        .unwrap()
        .unwrap()
        .series_id;
    let event_id = format!("mentora{}", series.simple());
    assert!(fake.event(GOOGLE_ACCOUNT, &event_id).is_some());
    // Asked for by its id first (not there), then inserted with it: exactly this.
    let put = &fake.seen_at(
        "PUT",
        &format!("/calendars/{GOOGLE_ACCOUNT}/events/{event_id}"),
    )[0];
    assert_eq!(put.query, "sendUpdates=none");
    let inserted = fake
        .seen_at("POST", &format!("/calendars/{GOOGLE_ACCOUNT}/events"))
        .pop()
        .unwrap();
    assert_eq!(inserted.query, "sendUpdates=none");
    let mut body = inserted.json();
    let description = body["description"].take();
    assert_eq!(
        body,
        json!({
            "id": event_id,
            "summary": "Mentora session",
            "description": null,
            "start": {"dateTime": at(4, 9, 0), "timeZone": "UTC"},
            "end": {"dateTime": at(4, 10, 0), "timeZone": "UTC"},
            "transparency": "opaque",
            "status": "confirmed",
        })
    );
    let description = description.as_str().unwrap();
    assert!(
        description.contains(&format!("/sessions/{id}/room")) && description.contains("UTC"),
        "{description}"
    );
    let moved = send(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{id}/reschedule"),
        &lea_token,
        Some(json!({"start": at(4, 13, 0)})),
    )
    .await;
    assert_eq!(moved.status, 200, "{moved}");
    app.run_jobs().await;
    let event = fake.event(GOOGLE_ACCOUNT, &event_id).unwrap();
    assert_eq!(event["start"]["dateTime"], at(4, 13, 0));
    assert_eq!(fake.event_count(), 1, "moved, not made twice");
    let new_id = moved.json["id"].as_str().unwrap();
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
    assert!(fake.event(GOOGLE_ACCOUNT, &event_id).is_none());
    let deleted = fake.seen_at("DELETE", &format!("/events/{event_id}"));
    assert_eq!(deleted[0].param("sendUpdates"), "none");

    // The team's calendar unticked: its channel is closed at Google.
    let unticked = ana_page
        .submit(
            &format!("/calendars/{}/choose", connection.id),
            &[
                ("blocks", &own.id.to_string()),
                ("receives", &own.id.to_string()),
            ],
        )
        .await;
    assert_eq!(unticked.status().as_u16(), 303);
    let stopped = fake.seen_at("POST", "/channels/stop");
    assert_eq!(stopped.len(), 1);
    assert_eq!(
        store::calendars::watches_of(&app.db, connection.id)
            .await
            .unwrap()
            .len(),
        1
    );

    // Access revoked: the refresh is refused, the card asks to sign in again, and the
    // expert is told once.
    fake.expire_access_tokens();
    fake.revoke_refresh_tokens();
    let failed = crate::calendars::sync_now(&app, connection.id).await;
    assert_eq!(
        failed,
        app::calendars::sync::Synced::Failed(calendars::CalendarError::Unauthorized)
    );
    let page = ana_page.get("/calendars").await.text().await.unwrap();
    assert!(page.contains("no longer gives Mentora access"), "{page}");
    assert!(page.contains("Sign in again"));
    let refresh = fake.seen_at("POST", "/google/token").pop().unwrap();
    assert_eq!(refresh.param("grant_type"), "refresh_token");
    assert!(
        refresh
            .param("refresh_token")
            .starts_with("1//google-refresh-")
    );
    // Signing in again mends the same connection.
    let (_, landed) = sign_in(&ana_page, "google", Some(connection.id)).await;
    assert_eq!(landed, "/calendars?done=connected");
    let (again, _) = crate::calendars::connection_of(&app, ana.id).await;
    assert_eq!(again.id, connection.id);
    assert!(again.error_code.is_none(), "{again:?}");
    assert_ne!(again.secret_sealed, connection.secret_sealed);
}
both_backends!(google_calendar_signs_in_reads_busy_times_and_keeps_sessions);

/// Microsoft 365: PKCE sign-in on the tenant's endpoints with `offline_access
/// Calendars.ReadWrite`; busy times from the calendar view's delta in UTC, then only the
/// delta link; a subscription whose address Graph validates first, whose notifications
/// (with the client state) read again at once; the session's event made once per
/// transaction even when an answer is lost, moved by id and removed; rotated refresh
/// tokens kept.
async fn microsoft_365_signs_in_subscribes_and_keeps_sessions(backend: Backend) {
    let fake = FakeCalendars::start().await;
    let clock = Arc::new(ManualClock::at(jiff::Timestamp::now()));
    let Some(app) = app_with(backend, &fake, clock.clone()).await else {
        return;
    };
    let (bo, _) = expert(&app, "bo@example.org", rules(0)).await;
    let (_, lea_token) = learner(&app, "lea@example.org").await;
    fake.add_busy(MS_CALENDAR, &at(2, 10, 0), &at(2, 11, 30));
    let bo_page = app.another_client();
    bo_page.log_in_as("bo@example.org").await;
    let (authorize, landed) = sign_in(&bo_page, "microsoft", None).await;
    assert_eq!(landed, "/calendars?done=connected");
    assert_eq!(authorize.path(), "/ms/common/oauth2/v2.0/authorize");
    let asked = query(&authorize);
    assert_eq!(asked["scope"], "offline_access Calendars.ReadWrite");
    assert_eq!(asked["response_mode"], "query");
    assert_eq!(asked["code_challenge_method"], "S256");
    let exchange = &fake.seen_at("POST", "/oauth2/v2.0/token")[0];
    assert_eq!(
        exchange.param("scope"),
        "offline_access Calendars.ReadWrite"
    );
    assert_eq!(exchange.param("code_verifier").len(), 43);

    let (connection, calendars) = crate::calendars::connection_of(&app, bo.id).await;
    assert_eq!(connection.kind, "microsoft");
    assert_eq!(connection.address, "bo@contoso.example");
    assert_eq!(calendars[0].remote_url, MS_CALENDAR);
    let view = fake.seen_at("GET", "/calendarView/delta");
    assert_eq!(
        view[0].prefer,
        "outlook.timezone=\"UTC\", odata.maxpagesize=200"
    );
    assert!(!view[0].param("startDateTime").is_empty());
    let free = starts(&app, &bo, 2).await;
    for taken in [at(2, 9, 30), at(2, 10, 0), at(2, 10, 30), at(2, 11, 0)] {
        assert!(!free.contains(&taken), "{taken}");
    }
    assert!(free.contains(&at(2, 11, 30)));

    // The subscription: Graph checked the address first, and got its token back.
    let origin = app.origin();
    let subscribed = fake.seen_at("POST", "/graph/v1.0/subscriptions");
    assert_eq!(subscribed.len(), 1);
    let body = subscribed[0].json();
    assert_eq!(body["changeType"], "created,updated,deleted");
    assert_eq!(
        body["resource"],
        format!("me/calendars/{MS_CALENDAR}/events")
    );
    assert_eq!(
        body["notificationUrl"],
        format!("{origin}/api/v1/webhooks/microsoft-calendar")
    );
    let validations = fake.validations();
    assert_eq!(validations.len(), 1);
    assert_eq!(
        validations[0].1, validations[0].0,
        "the token came back as it went"
    );
    assert_eq!(validations[0].2, 200);
    let client_state = body["clientState"].as_str().unwrap().to_owned();
    // The handshake answers plain text; a token longer than Graph's is not Graph's.
    let handshake = app
        .client
        .post(app.at("/api/v1/webhooks/microsoft-calendar?validationToken=abc%20def"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        handshake.headers()["content-type"],
        "text/plain; charset=utf-8"
    );
    assert_eq!(handshake.text().await.unwrap(), "abc def");
    let overlong = app
        .client
        .post(app.at(&format!(
            "/api/v1/webhooks/microsoft-calendar?validationToken={}",
            "x".repeat(1025)
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(overlong.status().as_u16(), 404);
    let subscription = store::calendars::watches_of(&app.db, connection.id)
        .await
        .unwrap()[0]
        .watch_id
        .clone();
    let notify = async |state: &str| {
        let answer = app
            .client
            .post(app.at("/api/v1/webhooks/microsoft-calendar"))
            .json(
                &json!({"value": [{"subscriptionId": subscription, "clientState": state,
                "changeType": "created", "resource": "Users/x/Events/y"}]}),
            )
            .send()
            .await
            .unwrap();
        (
            answer.status().as_u16(),
            answer.json::<serde_json::Value>().await.unwrap(),
        )
    };
    assert_eq!(notify("forged").await, (202, json!({"queued": 0})));
    fake.add_busy(MS_CALENDAR, &at(3, 9, 0), &at(3, 10, 0));
    assert_eq!(notify(&client_state).await, (202, json!({"queued": 1})));
    app.run_jobs().await;
    assert!(!starts(&app, &bo, 3).await.contains(&at(3, 9, 0)));
    // Unchanged since: one request through the delta link, no full read.
    let views = fake.seen_at("GET", "/calendarView/delta").len();
    crate::calendars::sync_now(&app, connection.id).await;
    let after = fake.seen_at("GET", "/calendarView/delta");
    assert_eq!(after.len(), views + 1);
    assert!(after.last().unwrap().param("$deltatoken").starts_with('v'));

    // Sessions: made once per transaction though the first answer was lost, moved by id,
    // removed.
    let chosen = bo_page
        .submit(
            &format!("/calendars/{}/choose", connection.id),
            &[
                ("blocks", &calendars[0].id.to_string()),
                ("receives", &calendars[0].id.to_string()),
            ],
        )
        .await;
    assert_eq!(chosen.status().as_u16(), 303);
    fake.lose_next_answer();
    let id = confirmed(&app, &lea_token, &bo, &at(4, 9, 0)).await;
    app.run_jobs().await;
    clock.set(clock.now() + jiff::SignedDuration::from_mins(10));
    app.run_jobs().await;
    let creates = fake.seen_at("POST", &format!("/me/calendars/{MS_CALENDAR}/events"));
    assert_eq!(creates.len(), 2, "retried after the lost answer");
    assert_eq!(
        creates[0].json()["transactionId"],
        creates[1].json()["transactionId"]
    );
    assert_eq!(fake.event_count(), 1);
    let mut body = creates[0].json();
    let description = body["body"]["content"].take();
    let series = store::bookings::find(&app.db, id.parse().unwrap())
        .await
        .unwrap()
        .unwrap()
        .series_id;
    assert_eq!(
        body,
        json!({
            "subject": "Mentora session",
            "body": {"contentType": "text", "content": null},
            "start": {"dateTime": at(4, 9, 0).trim_end_matches('Z'), "timeZone": "UTC"},
            "end": {"dateTime": at(4, 10, 0).trim_end_matches('Z'), "timeZone": "UTC"},
            "showAs": "busy",
            "transactionId": series.to_string(),
        })
    );
    assert!(
        description
            .as_str()
            .unwrap()
            .contains(&format!("/sessions/{id}/room"))
    );
    assert!(fake.event(MS_CALENDAR, "AAMkAGI2-event-1").is_some());
    let moved = send(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{id}/reschedule"),
        &lea_token,
        Some(json!({"start": at(4, 13, 0)})),
    )
    .await;
    assert_eq!(moved.status, 200, "{moved}");
    app.run_jobs().await;
    let patched = fake.seen_at("PATCH", "/me/events/AAMkAGI2-event-1");
    assert_eq!(patched.len(), 1);
    assert_eq!(
        patched[0].json()["start"]["dateTime"],
        at(4, 13, 0).trim_end_matches('Z')
    );
    let new_id = moved.json["id"].as_str().unwrap();
    send(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{new_id}/cancel"),
        &lea_token,
        Some(json!({"reason": "plans changed"})),
    )
    .await;
    app.run_jobs().await;
    assert_eq!(
        fake.seen_at("DELETE", "/me/events/AAMkAGI2-event-1").len(),
        1
    );
    assert_eq!(fake.event_count(), 0);

    // A day and more on, the subscription is renewed in place; once Graph no longer
    // knows it, a new one is made (validated again).
    clock.set(clock.now() + jiff::SignedDuration::from_hours(25));
    crate::calendars::sync_now(&app, connection.id).await;
    let renewed = fake.seen_at("PATCH", &format!("/subscriptions/{subscription}"));
    assert_eq!(renewed.len(), 1);
    assert!(renewed[0].json()["expirationDateTime"].is_string());
    fake.forget_subscriptions();
    clock.set(clock.now() + jiff::SignedDuration::from_hours(25));
    crate::calendars::sync_now(&app, connection.id).await;
    assert_eq!(fake.seen_at("POST", "/graph/v1.0/subscriptions").len(), 2);
    assert_eq!(fake.validations().len(), 2);
    let now_held = store::calendars::watches_of(&app.db, connection.id)
        .await
        .unwrap();
    assert_ne!(now_held[0].watch_id, subscription);

    // An access token that stops working is bought again; Microsoft's new refresh token
    // is kept, and the next refresh uses it.
    fake.expire_access_tokens();
    crate::calendars::sync_now(&app, connection.id).await;
    let refreshes = fake.seen_at("POST", "/oauth2/v2.0/token");
    let first_refresh = refreshes
        .iter()
        .find(|r| r.param("grant_type") == "refresh_token")
        .unwrap();
    assert_eq!(first_refresh.param("refresh_token"), "M.C5-refresh-1");
    let (rotated, _) = crate::calendars::connection_of(&app, bo.id).await;
    assert_ne!(rotated.secret_sealed, connection.secret_sealed);
    fake.expire_access_tokens();
    crate::calendars::sync_now(&app, connection.id).await;
    let last = fake.seen_at("POST", "/oauth2/v2.0/token").pop().unwrap();
    assert_eq!(last.param("refresh_token"), format!("M.C5-refresh-{}", 2));
    assert!(rotated.error_code.is_none());
}
both_backends!(microsoft_365_signs_in_subscribes_and_keeps_sessions);

/// A sign-in comes back only to whoever started it, for the provider it started with,
/// with its own state; someone who said no is told nothing was connected.
async fn a_sign_in_is_the_starters_alone(backend: Backend) {
    let fake = FakeCalendars::start().await;
    let clock = Arc::new(ManualClock::at(jiff::Timestamp::now()));
    let Some(app) = app_with(backend, &fake, clock).await else {
        return;
    };
    expert(&app, "ana@example.org", rules(0)).await;
    expert(&app, "eve@example.org", rules(0)).await;
    let ana_page = app.another_client();
    ana_page.log_in_as("ana@example.org").await;
    let started = ana_page
        .submit("/calendars/google", &[("connection", "")])
        .await;
    let to_provider = started.headers()["location"].to_str().unwrap().to_owned();
    let attempt = started.headers()["set-cookie"].to_str().unwrap().to_owned();
    let attempt = attempt.split(';').next().unwrap().to_owned();
    let state = query(&reqwest::Url::parse(&to_provider).unwrap())["state"].clone();
    // Eve has no attempt of her own: Ana's code and state do nothing for her.
    let eve_page = app.another_client();
    eve_page.log_in_as("eve@example.org").await;
    let landed = eve_page
        .get(&format!(
            "/calendars/oauth/google?code=stolen&state={state}"
        ))
        .await;
    assert_eq!(landed.headers()["location"], "/calendars?failed=sign-in");
    // Nor would Ana's attempt itself, were it stolen: it opens for Ana alone.
    let eve = store::users::find_by_email(
        &app.db,
        &domain::EmailAddress::parse("eve@example.org").unwrap(),
    )
    .await
    .unwrap()
    .unwrap();
    let sealed = attempt.split_once('=').unwrap().1;
    let replayed = app::calendars::signed_in::finish(
        &app.db,
        &app.calendars,
        &app.schedules,
        &eve,
        app::calendars::Provider::Google,
        Some(sealed),
        &app::calendars::signed_in::Answer {
            code: Some("stolen".into()),
            state: Some(state.clone()),
            error: None,
        },
    )
    .await;
    assert!(
        matches!(replayed, Err(app::calendars::CalendarUseError::SignIn(_))),
        "{replayed:?}"
    );
    // Ana with a changed state, or back from the wrong provider: refused too.
    let wrong = ana_page
        .get("/calendars/oauth/google?code=x&state=another")
        .await;
    assert_eq!(wrong.headers()["location"], "/calendars?failed=sign-in");
    let denied = ana_page
        .get(&format!(
            "/calendars/oauth/google?error=access_denied&state={state}"
        ))
        .await;
    assert_eq!(denied.headers()["location"], "/calendars?failed=denied");
    let page = ana_page
        .get("/calendars?failed=denied")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("You did not give Mentora access"), "{page}");
    assert!(fake.seen_at("POST", "/google/token").is_empty());
    for email in ["ana@example.org", "eve@example.org"] {
        let user =
            store::users::find_by_email(&app.db, &domain::EmailAddress::parse(email).unwrap())
                .await
                .unwrap()
                .unwrap();
        assert!(
            store::calendars::connections_of(&app.db, user.id)
                .await
                .unwrap()
                .is_empty()
        );
    }
    // A learner cannot start one (only experts' calendars block slots).
    learner(&app, "lea@example.org").await;
    let lea_page = app.another_client();
    lea_page.log_in_as("lea@example.org").await;
    let refused = lea_page
        .submit("/calendars/google", &[("connection", "")])
        .await;
    assert_eq!(refused.status().as_u16(), 409);
    assert!(refused.text().await.unwrap().contains("expert profile"));
}
both_backends!(a_sign_in_is_the_starters_alone);
