//! The booking lifecycle over real HTTP on both databases: holds that no race can double,
//! idempotent retries, expiry and late payment, every transition legal and illegal,
//! refunds at the policy's edges, who may see and change what, two instances on one
//! PostgreSQL, and calendar files checked by a third-party parser.

use std::sync::Arc;

use app::bookings::BookingDeps;
use app::bookings::{BookingRules, changes, expiry, hold};
use domain::booking::{Actor, BookingStatus};
use reqwest::Method;
use serde_json::{Value, json};
use store::bookings::{Attribution, Conflict, HoldOutcome, NewBooking};

use crate::both_backends;
use crate::personas::Answer;
use crate::testkit::{Backend, TestApp, send, ts};

pub(crate) const HOUR: i64 = 3600;

/// Open 08:00–20:00 UTC every day, hour-long sessions on a half-hour grid.
pub(crate) fn rules(buffer_after: i64) -> Value {
    let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    json!({
        "time_zone": "UTC",
        "weekly": days.iter().map(|d| json!({"weekday": d, "start": "08:00", "end": "20:00"})).collect::<Vec<_>>(),
        "buffer_after_minutes": buffer_after,
        "min_notice_minutes": 60,
        "horizon_days": 60,
        "durations": [60],
        "slot_step_minutes": 30,
        "cancellation_policy": "moderate"
    })
}

/// A bookable expert (60 minutes for 40.00 EUR) with `rules`, and their token.
pub(crate) async fn expert(
    app: &TestApp,
    email: &str,
    rules: Value,
) -> (store::users::User, String) {
    let user = app
        .bookable_expert_with_rates(email, "Patient guitar lessons", &[(60, 4000)])
        .await;
    let (token, _) = app.api_log_in(email).await;
    let answer = send(
        app,
        Method::PUT,
        "/api/v1/experts/me/availability",
        &token,
        Some(rules),
    )
    .await;
    assert_eq!(answer.status, 200, "{answer}");
    (user, token)
}

pub(crate) async fn learner(app: &TestApp, email: &str) -> (store::users::User, String) {
    let user = app.create_user(email, &[]).await;
    let (token, _) = app.api_log_in(email).await;
    (user, token)
}

/// `days` ahead at `hour`:00 UTC, as RFC 3339.
pub(crate) fn at(days: i64, hour: i64, minute: i64) -> String {
    let day = chrono::Utc::now().date_naive() + chrono::Duration::days(days);
    format!("{day}T{hour:02}:{minute:02}:00Z")
}

pub(crate) fn secs(rfc: &str) -> i64 {
    chrono::DateTime::parse_from_rfc3339(rfc)
        .unwrap()
        .timestamp()
}

pub(crate) fn hold_body(expert: &store::users::User, start: &str) -> Value {
    json!({"expert_id": expert.id, "start": start, "duration_minutes": 60})
}

pub(crate) async fn post_hold(
    app: &TestApp,
    token: &str,
    body: &Value,
    key: Option<&str>,
) -> Answer {
    let mut req = app
        .bearer(Method::POST, "/api/v1/bookings", token)
        .json(body);
    if let Some(key) = key {
        req = req.header("idempotency-key", key);
    }
    Answer::of(req.send().await.unwrap()).await
}

/// Pays in the sandbox, then runs the jobs that fall due (the confirmation emails), as
/// the server's workers would within a second.
pub(crate) async fn pay(app: &TestApp, token: &str, id: &str, outcome: &str) -> Answer {
    let answer = pay_only(app, token, id, outcome).await;
    app.run_jobs().await;
    answer
}

/// Pays in the sandbox and runs no jobs.
pub(crate) async fn pay_only(app: &TestApp, token: &str, id: &str, outcome: &str) -> Answer {
    send(
        app,
        Method::POST,
        &format!("/api/v1/test-mode/bookings/{id}/pay"),
        token,
        Some(json!({"outcome": outcome})),
    )
    .await
}

async fn slot_starts(app: &TestApp, expert: &store::users::User, day: i64) -> Vec<String> {
    let from = at(day, 0, 0);
    let to = at(day + 1, 0, 0);
    let body: Value = app
        .get(&format!(
            "/api/v1/experts/{}/slots?from={from}&to={to}&tz=UTC",
            expert.id
        ))
        .await
        .json()
        .await
        .unwrap();
    body["slots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["start"].as_str().unwrap().to_owned())
        .collect()
}

pub(crate) fn services<'a>(
    app: &'a TestApp,
    mailer: &'a app::mail::OutboxMailer,
    rules: &'a BookingRules,
) -> BookingDeps<'a> {
    BookingDeps {
        db: &app.db,
        schedules: &app.schedules,
        mailer,
        rules,
        base: "http://mentora.test",
    }
}

/// The calendar invites emailed to `to`, oldest first.
async fn invites_to(app: &TestApp, to: &str) -> Vec<String> {
    // Confirmation and cancellation emails are jobs enqueued with the change.
    app.run_jobs().await;
    let mut invites: Vec<String> = store::outbox::newest(&app.db, 50)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.to == to)
        .filter_map(|m| m.calendar)
        .collect();
    invites.reverse();
    invites
}

/// Sends every `(token, body)` hold at once; the answers in the same order.
async fn hold_all(app: &Arc<TestApp>, requests: Vec<(String, Value)>) -> Vec<Answer> {
    let tasks: Vec<_> = requests
        .into_iter()
        .map(|(token, body)| {
            let app = app.clone();
            tokio::spawn(async move { post_hold(&app, &token, &body, None).await })
        })
        .collect();
    let mut answers = Vec::new();
    for task in tasks {
        answers.push(task.await.unwrap());
    }
    answers
}

/// A confirmed booking made through the API; its id.
pub(crate) async fn confirmed(
    app: &TestApp,
    token: &str,
    expert: &store::users::User,
    start: &str,
) -> String {
    let held = post_hold(app, token, &hold_body(expert, start), None).await;
    assert_eq!(held.status, 201, "{held}");
    let id = held.json["id"].as_str().unwrap().to_owned();
    let paid = pay(app, token, &id, "succeed").await;
    assert_eq!(paid.status, 200, "{paid}");
    assert_eq!(paid.json["status"], "confirmed");
    id
}

async fn a_capped_day_takes_no_more_sessions_than_its_cap_under_racing_holds(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    // Open 08:00–20:00 in hourly slots with at most 6 sessions a day; 12 slots that day.
    let mut capped = rules(0);
    capped["daily_cap"] = json!(6);
    capped["slot_step_minutes"] = json!(60);
    let (ana, _) = expert(&app, "ana@example.org", capped).await;
    let mut tokens = Vec::new();
    for n in 0..12 {
        tokens.push(learner(&app, &format!("capped{n}@example.org")).await.1);
    }
    let app = Arc::new(app);
    // Every cache still sees an empty day: all 12 holds, for 12 different times, at once.
    let requests = tokens
        .into_iter()
        .enumerate()
        .map(|(n, token)| (token, hold_body(&ana, &at(3, 8 + n as i64, 0))))
        .collect();
    let mut created = 0;
    for answer in hold_all(&app, requests).await {
        match answer.status {
            201 => created += 1,
            409 => assert_eq!(answer.code(), "slot_unavailable", "{answer}"),
            _ => panic!("unexpected {answer}"),
        }
    }
    assert_eq!(created, 6, "the cap, exactly");
    let active =
        store::bookings::blocking(&app.db, ana.id, ts(0), ts(chrono::Utc::now().timestamp()))
            .await
            .unwrap()
            .len();
    assert_eq!(active, 6);
}

/// Whether `GET path` on `app` offers a slot starting at `start`.
async fn offers(app: &TestApp, path: &str, start: &str) -> bool {
    let body: Value = app.get(path).await.json().await.unwrap();
    body["slots"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["start"] == start)
}

async fn a_stale_cache_never_holds_a_time_the_expert_closed(backend: Backend) {
    // Two instances on one database, no Redis: each caches schedules on its own, as when
    // Redis is away or two processes share one SQLite file.
    let Some(one) = TestApp::spawn(backend).await else {
        return;
    };
    let shared_db = one.test_db.as_ref().unwrap().url.clone();
    let two = TestApp::builder(backend)
        .configure(move |c| c.database_url = shared_db)
        .spawn()
        .await
        .unwrap();
    let (ana, ana_token) = expert(&one, "ana@example.org", rules(0)).await;
    let (_, leo) = learner(&one, "leo@example.org").await;
    let booked = confirmed(&one, &leo, &ana, &at(5, 10, 0)).await;
    let start = at(3, 10, 0);
    let slots_path = format!(
        "/api/v1/experts/{}/slots?from={}&to={}",
        ana.id,
        at(3, 0, 0),
        at(4, 0, 0)
    );
    assert!(
        offers(&one, &slots_path, &start).await,
        "instance one has the day cached, 10:00 free"
    );
    // Through instance two, the expert takes that day off.
    let mut closed = rules(0);
    closed["time_off"] = json!([{"from": at(3, 0, 0), "to": at(4, 0, 0)}]);
    let answer = send(
        &two,
        Method::PUT,
        "/api/v1/experts/me/availability",
        &ana_token,
        Some(closed),
    )
    .await;
    assert_eq!(answer.status, 200, "{answer}");
    assert!(
        offers(&one, &slots_path, &start).await,
        "instance one's cache is stale"
    );
    // A hold through the stale instance is refused in its transaction, and the cache heals.
    let answer = post_hold(&one, &leo, &hold_body(&ana, &start), None).await;
    assert_eq!(
        (answer.status, answer.code()),
        (409, "slot_unavailable"),
        "{answer}"
    );
    assert!(
        !offers(&one, &slots_path, &start).await,
        "instance one reads the rules afresh"
    );

    // The same for moving a session: instance one caches day 6, instance two closes it.
    let day6 = format!(
        "/api/v1/experts/{}/slots?from={}&to={}",
        ana.id,
        at(6, 0, 0),
        at(7, 0, 0)
    );
    assert!(offers(&one, &day6, &at(6, 12, 0)).await);
    let mut closed = rules(0);
    closed["time_off"] = json!([
        {"from": at(3, 0, 0), "to": at(4, 0, 0)},
        {"from": at(6, 0, 0), "to": at(7, 0, 0)}
    ]);
    let path = "/api/v1/experts/me/availability";
    let answer = send(&two, Method::PUT, path, &ana_token, Some(closed)).await;
    assert_eq!(answer.status, 200, "{answer}");
    let answer = send(
        &one,
        Method::POST,
        &format!("/api/v1/bookings/{booked}/reschedule"),
        &leo,
        Some(json!({"start": at(6, 12, 0)})),
    )
    .await;
    assert_eq!(
        (answer.status, answer.code()),
        (409, "slot_unavailable"),
        "{answer}"
    );
    assert!(
        !offers(&one, &day6, &at(6, 12, 0)).await,
        "healed after the move too"
    );
}

async fn two_hundred_requests_for_one_slot_make_one_booking(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let (ana, _) = expert(&app, "ana@example.org", rules(0)).await;
    let mut tokens = Vec::new();
    for n in 0..20 {
        tokens.push(learner(&app, &format!("learner{n}@example.org")).await.1);
    }
    let start = at(3, 10, 0);
    let body = hold_body(&ana, &start);
    let app = Arc::new(app);
    let requests = (0..200)
        .map(|n| (tokens[n % 20].clone(), body.clone()))
        .collect();
    let mut created = 0;
    for answer in hold_all(&app, requests).await {
        match answer.status {
            201 => created += 1,
            409 => assert!(
                ["slot_unavailable", "learner_busy"].contains(&answer.code()),
                "{answer}"
            ),
            _ => panic!("unexpected {answer}"),
        }
    }
    assert_eq!(created, 1, "exactly one hold");
    assert!(
        !slot_starts(&app, &ana, 3).await.contains(&start),
        "the held slot vanished from the slots at once"
    );
}

async fn overlapping_requests_have_one_winner_even_through_buffers(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    // 30 minutes after each session: 10:00–11:00 blocks 10:00–11:30.
    let (ana, _) = expert(&app, "ana@example.org", rules(30)).await;
    let (_, leo) = learner(&app, "leo@example.org").await;
    let (_, mia) = learner(&app, "mia@example.org").await;
    for (first, second) in [((1, 10, 0), (1, 10, 30)), ((2, 10, 0), (2, 11, 0))] {
        let a = hold_body(&ana, &at(first.0, first.1, first.2));
        let b = hold_body(&ana, &at(second.0, second.1, second.2));
        let (one, two) = tokio::join!(
            post_hold(&app, &leo, &a, None),
            post_hold(&app, &mia, &b, None)
        );
        let mut statuses = [one.status, two.status];
        statuses.sort_unstable();
        assert_eq!(statuses, [201, 409], "{one} {two}");
    }
    // The database itself refuses an overlap only the buffers make, whatever the engine
    // said: the store is asked directly, as a racing request that passed the check would.
    let day4 = secs(&at(4, 10, 0));
    let base = |id, learner: uuid::Uuid, start: i64| NewBooking {
        id,
        expert_id: ana.id,
        learner_id: learner,
        status: BookingStatus::Held,
        start_at: ts(start),
        end_at: ts(start + HOUR),
        blocked_from: ts(start),
        blocked_to: ts(start + HOUR + 30 * 60),
        duration_minutes: 60,
        hold_expires_at: ts(chrono::Utc::now().timestamp() + 600),
        price_amount: 4000,
        currency: "EUR".into(),
        policy: "moderate:24=100,2=50".into(),
        note: None,
        series_id: id,
        sequence: 0,
        rescheduled_from: None,
        payment_provider: "sandbox".into(),
        payment_ref: None,
        paid_amount: 0,
        refunded_amount: 0,
        policy_start_at: ts(start),
        reschedule_count: 0,
        commission_bps: 1500,
    };
    let leo_user = store::users::find_by_email(
        &app.db,
        &domain::EmailAddress::parse("leo@example.org").unwrap(),
    )
    .await
    .unwrap()
    .unwrap();
    let mia_user = store::users::find_by_email(
        &app.db,
        &domain::EmailAddress::parse("mia@example.org").unwrap(),
    )
    .await
    .unwrap()
    .unwrap();
    let by = Attribution {
        actor: Actor::Learner,
        actor_id: None,
        reason: None,
        now: ts(chrono::Utc::now().timestamp()),
    };
    let first = store::bookings::hold(
        &app.db,
        &base(uuid::Uuid::now_v7(), leo_user.id, day4),
        None,
        by,
    )
    .await
    .unwrap();
    assert!(matches!(first, HoldOutcome::Created(_)));
    let touching = store::bookings::hold(
        &app.db,
        &base(uuid::Uuid::now_v7(), mia_user.id, day4 + HOUR),
        None,
        by,
    )
    .await
    .unwrap();
    assert_eq!(
        touching,
        HoldOutcome::Refused(Conflict::SlotTaken),
        "the buffer overlaps"
    );
    let clear = store::bookings::hold(
        &app.db,
        &base(uuid::Uuid::now_v7(), mia_user.id, day4 + HOUR + 30 * 60),
        None,
        by,
    )
    .await
    .unwrap();
    assert!(
        matches!(clear, HoldOutcome::Created(_)),
        "right after the buffer is free"
    );
    // A learner cannot hold two overlapping sessions, even with different experts.
    // (A learner of their own: Leo's earlier holds count against the hold cap.)
    let (bo, _) = expert(&app, "bo@example.org", rules(0)).await;
    let (_, kai) = learner(&app, "kai@example.org").await;
    let answer = post_hold(&app, &kai, &hold_body(&ana, &at(5, 15, 0)), None).await;
    assert_eq!(answer.status, 201);
    let answer = post_hold(&app, &kai, &hold_body(&bo, &at(5, 15, 30)), None).await;
    assert_eq!(
        (answer.status, answer.code()),
        (409, "learner_busy"),
        "{answer}"
    );
}

async fn a_repeated_request_returns_the_same_hold(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let (ana, _) = expert(&app, "ana@example.org", rules(0)).await;
    let (_, leo) = learner(&app, "leo@example.org").await;
    let body = hold_body(&ana, &at(2, 9, 0));
    let first = post_hold(&app, &leo, &body, Some("key-1")).await;
    assert_eq!(first.status, 201, "{first}");
    assert_eq!(first.json["status"], "held");
    assert_eq!(
        first.json["price"],
        json!({"amount": 4000, "currency": "EUR"})
    );
    assert_eq!(first.json["payment"]["provider"], "sandbox");
    assert!(
        first.json["payment"]["checkout_url"]
            .as_str()
            .unwrap()
            .ends_with("/checkout")
    );
    assert!(first.json["hold_expires_at"].is_string());
    let again = post_hold(&app, &leo, &body, Some("key-1")).await;
    assert_eq!(again.status, 201);
    assert_eq!(
        again.json, first.json,
        "same key and body: the same booking, read back exactly as it was made"
    );
    let other = hold_body(&ana, &at(2, 14, 0));
    let refused = post_hold(&app, &leo, &other, Some("key-1")).await;
    assert_eq!(
        (refused.status, refused.code()),
        (422, "idempotency_key_reused")
    );
    let answer = post_hold(&app, &leo, &body, None).await;
    assert_eq!(
        answer.status, 409,
        "without the key it is a new request for a taken slot"
    );
    // Concurrent twins with one key make one booking.
    let twin = hold_body(&ana, &at(3, 9, 0));
    let (a, b) = tokio::join!(
        post_hold(&app, &leo, &twin, Some("key-2")),
        post_hold(&app, &leo, &twin, Some("key-2"))
    );
    assert_eq!((a.status, b.status), (201, 201), "{a} {b}");
    assert_eq!(a.json["id"], b.json["id"]);
}

async fn holds_expire_and_late_payments_confirm_or_refund(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let (ana, _) = expert(&app, "ana@example.org", rules(0)).await;
    let (leo_user, leo) = learner(&app, "leo@example.org").await;
    let (_, mia) = learner(&app, "mia@example.org").await;
    let rules = BookingRules::default();
    let start = at(2, 10, 0);
    // A hold made 20 minutes ago has run out by now.
    let now = chrono::Utc::now().timestamp();
    let req = hold::HoldRequest {
        expert_id: ana.id.to_string(),
        start: start.clone(),
        duration_minutes: 60,
        note: None,
    };
    let lapsed = hold::hold(
        &app.db,
        &app.schedules,
        &app.calendars,
        &app::throttle::Throttle::in_process(app::throttle::Limits::default()),
        &rules,
        &leo_user,
        &req,
        None,
        ts(now - 1200),
    )
    .await
    .unwrap();
    assert!(
        slot_starts(&app, &ana, 2).await.contains(&start),
        "a lapsed hold no longer blocks the slot"
    );
    let taken = post_hold(&app, &mia, &hold_body(&ana, &start), None).await;
    assert_eq!(taken.status, 201, "{taken}");
    let id = lapsed.booking.id().to_string();
    let seen = send(
        &app,
        Method::GET,
        &format!("/api/v1/bookings/{id}"),
        &leo,
        None,
    )
    .await;
    assert_eq!(
        seen.json["status"], "expired",
        "released lazily by the next hold"
    );
    // Leo's payment arrives late and the time is Mia's now: refunded in full.
    let late = pay(&app, &leo, &id, "succeed").await;
    assert_eq!(late.status, 200, "{late}");
    assert_eq!(late.json["status"], "expired");
    assert_eq!(late.json["refunded_in_full"], true);
    assert_eq!(late.json["refunded"]["amount"], 4000);
    let mail = store::outbox::newest(&app.db, 5).await.unwrap();
    assert!(
        mail.iter()
            .any(|m| m.to == "leo@example.org" && m.subject.contains("refunded"))
    );
    assert!(
        mail.iter()
            .any(|m| m.to == "ana@example.org" && m.subject.contains("late payment")),
        "both sides are told"
    );

    // A lapsed hold nobody took: the job marks it, and a late payment still confirms it.
    let start2 = at(3, 10, 0);
    let req2 = hold::HoldRequest {
        start: start2.clone(),
        ..req
    };
    let lapsed2 = hold::hold(
        &app.db,
        &app.schedules,
        &app.calendars,
        &app::throttle::Throttle::in_process(app::throttle::Limits::default()),
        &rules,
        &leo_user,
        &req2,
        None,
        ts(now - 1200),
    )
    .await
    .unwrap();
    assert_eq!(
        expiry::release(&app.db, &app.schedules, ts(now))
            .await
            .unwrap(),
        1
    );
    let id2 = lapsed2.booking.id().to_string();
    let seen = send(
        &app,
        Method::GET,
        &format!("/api/v1/bookings/{id2}"),
        &leo,
        None,
    )
    .await;
    assert_eq!(seen.json["status"], "expired");
    let revived = pay(&app, &leo, &id2, "succeed").await;
    assert_eq!(
        (revived.status, revived.json["status"].as_str()),
        (200, Some("confirmed")),
        "{revived}"
    );
    let timeline = send(
        &app,
        Method::GET,
        &format!("/api/v1/bookings/{id2}"),
        &leo,
        None,
    )
    .await
    .json["timeline"]
        .clone();
    let steps: Vec<(&str, &str)> = timeline
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["to"].as_str().unwrap(), e["actor"].as_str().unwrap()))
        .collect();
    assert_eq!(
        steps,
        [
            ("held", "learner"),
            ("expired", "system"),
            ("confirmed", "system")
        ]
    );
    // A declined payment changes nothing.
    let fresh = post_hold(&app, &leo, &hold_body(&ana, &at(4, 10, 0)), None).await;
    let fresh_id = fresh.json["id"].as_str().unwrap();
    let declined = pay(&app, &leo, fresh_id, "fail").await;
    assert_eq!(
        (declined.status, declined.code()),
        (402, "payment_declined")
    );
}

/// Ana (an expert), Leo (a learner), an admin, and Leo's session with Ana, confirmed
/// and paid, `days` ahead at 10:00; with what the booking use cases need.
struct Session {
    ana: store::users::User,
    ana_token: String,
    leo_user: store::users::User,
    leo: String,
    admin: store::users::User,
    id: uuid::Uuid,
    /// When the session starts, in seconds.
    start: i64,
    mailer: app::mail::OutboxMailer,
    rules: BookingRules,
}

impl Session {
    async fn confirmed(app: &TestApp, days: i64) -> Self {
        let (ana, ana_token) = expert(app, "ana@example.org", rules(0)).await;
        let (leo_user, leo) = learner(app, "leo@example.org").await;
        let admin = app
            .create_user("root@example.org", &[domain::Role::Admin])
            .await;
        let start = at(days, 10, 0);
        let id = confirmed(app, &leo, &ana, &start).await.parse().unwrap();
        Self {
            ana,
            ana_token,
            leo_user,
            leo,
            admin,
            id,
            start: secs(&start),
            mailer: app::mail::OutboxMailer::new(app.db.clone()),
            rules: BookingRules::default(),
        }
    }

    /// The session `days` ahead, which Leo has claimed Ana did not come to (a dispute).
    async fn claimed(app: &TestApp, days: i64) -> Self {
        let session = Self::confirmed(app, days).await;
        let claim = changes::record_outcome(
            &session.deps(app),
            &session.leo_user,
            session.id,
            BookingStatus::NoShowExpert,
            "Waited alone",
            None,
            ts(session.start + 15 * 60),
        )
        .await
        .unwrap();
        assert_eq!(claim.status, BookingStatus::Disputed);
        session
    }

    fn deps<'a>(&'a self, app: &'a TestApp) -> BookingDeps<'a> {
        services(app, &self.mailer, &self.rules)
    }
}

async fn a_confirmed_session_is_not_completed_early_disputed_or_held_again(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let session = Session::confirmed(&app, 2).await;
    let id = session.id;
    // Illegal over the API: outcomes before the session, a dispute of a confirmed one.
    for (token, to) in [
        (&session.ana_token, "completed"),
        (&session.leo, "disputed"),
        (&session.ana_token, "held"),
    ] {
        let answer = send(
            &app,
            Method::POST,
            &format!("/api/v1/bookings/{id}/transitions"),
            token,
            Some(json!({"to": to, "reason": "because"})),
        )
        .await;
        assert_eq!(
            (answer.status, answer.code()),
            (409, "invalid_transition"),
            "{to}: {answer}"
        );
    }
}

async fn the_room_settles_a_session_and_only_an_operator_records_it_otherwise(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let session = Session::confirmed(&app, 2).await;
    let (s, id) = (session.deps(&app), session.id);
    let end = session.start + HOUR;
    // The learner cannot mark a session completed; nor can the expert of a session in the
    // built-in room, whose attendance settles it; an operator can, once it started.
    let wrong = changes::record_outcome(
        &s,
        &session.leo_user,
        id,
        BookingStatus::Completed,
        "",
        None,
        ts(end),
    )
    .await;
    assert!(
        matches!(wrong, Err(app::bookings::BookingError::NotYours)),
        "{wrong:?}"
    );
    let by_expert = changes::record_outcome(
        &s,
        &session.ana,
        id,
        BookingStatus::Completed,
        "",
        None,
        ts(end),
    )
    .await;
    assert!(
        matches!(
            by_expert,
            Err(app::bookings::BookingError::SettledByAttendance)
        ),
        "{by_expert:?}"
    );
    let done = changes::record_outcome(
        &s,
        &session.admin,
        id,
        BookingStatus::Completed,
        "",
        None,
        ts(end),
    )
    .await
    .unwrap();
    assert_eq!(done.status, BookingStatus::Completed);
    let again = changes::record_outcome(
        &s,
        &session.admin,
        id,
        BookingStatus::NoShowLearner,
        "",
        None,
        ts(end),
    )
    .await;
    assert!(matches!(
        again,
        Err(app::bookings::BookingError::InvalidTransition { .. })
    ));
}

async fn a_learner_disputes_a_completed_session_and_only_an_admin_resolves_it(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let session = Session::confirmed(&app, 2).await;
    let (s, id) = (session.deps(&app), session.id);
    let end = session.start + HOUR;
    changes::record_outcome(
        &s,
        &session.admin,
        id,
        BookingStatus::Completed,
        "",
        None,
        ts(end),
    )
    .await
    .unwrap();
    // Once completed the learner may dispute it; only an admin resolves it, and a resolved
    // booking can no longer be cancelled.
    let disputed = changes::record_outcome(
        &s,
        &session.leo_user,
        id,
        BookingStatus::Disputed,
        "Cut short",
        None,
        ts(end),
    )
    .await
    .unwrap();
    assert_eq!(disputed.status, BookingStatus::Disputed);
    let by_expert = changes::record_outcome(
        &s,
        &session.ana,
        id,
        BookingStatus::Resolved,
        "mine",
        None,
        ts(end),
    )
    .await;
    assert!(matches!(
        by_expert,
        Err(app::bookings::BookingError::NotYours)
    ));
    let resolved = changes::record_outcome(
        &s,
        &session.admin,
        id,
        BookingStatus::Resolved,
        "Partial credit",
        Some(changes::Settlement::ExpertPaid),
        ts(end),
    )
    .await
    .unwrap();
    assert_eq!(resolved.status, BookingStatus::Resolved);
    let answer = send(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{id}/cancel"),
        &session.leo,
        Some(json!({"reason": "too late"})),
    )
    .await;
    assert_eq!((answer.status, answer.code()), (409, "invalid_transition"));
    let shown = send(
        &app,
        Method::GET,
        &format!("/api/v1/bookings/{id}"),
        &session.leo,
        None,
    )
    .await;
    let to: Vec<&str> = shown.json["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["to"].as_str().unwrap())
        .collect();
    assert_eq!(
        to,
        ["held", "confirmed", "completed", "disputed", "resolved"]
    );
    let reasons: Vec<Value> = shown.json["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["reason"].clone())
        .collect();
    assert_eq!(reasons[3], "Cut short");
}

async fn a_settled_outcome_is_disputed_within_the_payout_delay_only(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let session = Session::confirmed(&app, 2).await;
    let (s, id) = (session.deps(&app), session.id);
    let end = session.start + HOUR;
    changes::record_outcome(
        &s,
        &session.admin,
        id,
        BookingStatus::Completed,
        "",
        None,
        ts(end),
    )
    .await
    .unwrap();
    let window = s.rules.payout_delay.as_secs();
    let dispute = async |at: i64| {
        changes::record_outcome(
            &s,
            &session.leo_user,
            id,
            BookingStatus::Disputed,
            "It was cut short",
            None,
            ts(end + at),
        )
        .await
    };
    // An operator's partial refund just before the end touches the booking, not the
    // moment it was decided: the window still closes on time.
    changes::refund_by_operator(
        &s,
        &session.admin,
        id,
        100,
        None,
        "goodwill for a late start",
        ts(end + window - 10),
    )
    .await
    .unwrap();
    // The moment the window closes (when the expert's share goes out), the outcome stands.
    let late = dispute(window).await;
    assert!(
        matches!(
            late,
            Err(app::bookings::BookingError::DisputeWindowClosed { hours: 48 })
        ),
        "{late:?}"
    );
    // Nor does a no-show "claim" reopen it: on a settled session it is a dispute too.
    let claim = changes::record_outcome(
        &s,
        &session.leo_user,
        id,
        BookingStatus::NoShowExpert,
        "He never came",
        None,
        ts(end + window),
    )
    .await;
    assert!(
        matches!(
            claim,
            Err(app::bookings::BookingError::DisputeWindowClosed { .. })
        ),
        "{claim:?}"
    );
    let inside = dispute(window - 1).await.unwrap();
    assert_eq!(inside.status, BookingStatus::Disputed);
}

async fn a_learners_no_show_claim_waits_fifteen_minutes_and_refunds_nothing(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let session = Session::confirmed(&app, 3).await;
    let s = session.deps(&app);
    let (id, start) = (session.id, session.start);
    // A learner's "the expert did not come" is a claim: not before 15 minutes past the
    // start, then a dispute with nothing refunded until an admin settles it.
    let early = changes::record_outcome(
        &s,
        &session.leo_user,
        id,
        BookingStatus::NoShowExpert,
        "",
        None,
        ts(start + 15 * 60 - 1),
    )
    .await;
    assert!(
        matches!(
            early,
            Err(app::bookings::BookingError::TooEarly { minutes: 15 })
        ),
        "{early:?}"
    );
    let claim = changes::record_outcome(
        &s,
        &session.leo_user,
        id,
        BookingStatus::NoShowExpert,
        "Waited alone",
        None,
        ts(start + 15 * 60),
    )
    .await
    .unwrap();
    assert_eq!(claim.status, BookingStatus::Disputed);
    assert_eq!(claim.row.refunded_amount, 0);
}

async fn only_the_expert_answers_a_no_show_claim_and_it_stays_disputed(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let session = Session::claimed(&app, 3).await;
    let (id, ana_token) = (session.id, &session.ana_token);
    // The expert answers the claim on the timeline, for the admin who settles it; only
    // the expert may, and the booking stays disputed.
    let answer_path = "/api/v1/bookings/{id}/dispute/answer".replace("{id}", &id.to_string());
    let answer = send(
        &app,
        Method::POST,
        &answer_path,
        &session.leo,
        Some(json!({"answer": "x"})),
    )
    .await;
    assert_eq!(
        answer.status, 403,
        "the learner does not answer their own claim"
    );
    let problem = send(
        &app,
        Method::POST,
        &answer_path,
        ana_token,
        Some(json!({"answer": " "})),
    )
    .await;
    assert_eq!(
        (problem.status, problem.json["errors"][0]["field"].as_str()),
        (422, Some("answer"))
    );
    let answered = send(
        &app,
        Method::POST,
        &answer_path,
        ana_token,
        Some(json!({"answer": "I was in the room from 09:58; the learner never joined."})),
    )
    .await;
    assert_eq!(answered.status, 200, "{answered}");
    assert_eq!(answered.json["status"], "disputed");
    let shown = send(
        &app,
        Method::GET,
        &format!("/api/v1/bookings/{id}"),
        ana_token,
        None,
    )
    .await;
    // (The claim was made at a test time in the future; the answer is stamped now.)
    let answered_event = shown.json["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["actor"] == "expert")
        .unwrap()
        .clone();
    assert_eq!(
        (
            answered_event["from"].as_str(),
            answered_event["to"].as_str()
        ),
        (Some("disputed"), Some("disputed"))
    );
    assert!(
        answered_event["reason"]
            .as_str()
            .unwrap()
            .contains("never joined"),
        "{answered_event}"
    );
}

async fn an_admin_settles_a_no_show_claim_only_with_a_settlement(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let session = Session::claimed(&app, 3).await;
    let (s, admin) = (session.deps(&app), &session.admin);
    let (id, start) = (session.id, session.start);
    let unsettled = changes::record_outcome(
        &s,
        admin,
        id,
        BookingStatus::Resolved,
        "checked",
        None,
        ts(start + HOUR),
    )
    .await;
    assert!(matches!(
        unsettled,
        Err(app::bookings::BookingError::Invalid(_))
    ));
    let settled = changes::record_outcome(
        &s,
        admin,
        id,
        BookingStatus::Resolved,
        "The room shows nobody joined",
        Some(changes::Settlement::RefundLearner),
        ts(start + HOUR),
    )
    .await
    .unwrap();
    assert_eq!(settled.row.refunded_amount, 4000);
}

async fn an_admins_own_no_show_verdict_refunds_at_once(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let session = Session::confirmed(&app, 4).await;
    // An admin's own no-show verdict refunds at once.
    let verdict = changes::record_outcome(
        &session.deps(&app),
        &session.admin,
        session.id,
        BookingStatus::NoShowExpert,
        "",
        None,
        ts(secs(&at(4, 11, 0))),
    )
    .await
    .unwrap();
    assert_eq!(verdict.row.refunded_amount, 4000);
}

async fn refunds_follow_the_frozen_policy(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let (ana, ana_token) = expert(&app, "ana@example.org", rules(0)).await;
    let (leo_user, leo) = learner(&app, "leo@example.org").await;
    let mailer = app::mail::OutboxMailer::new(app.db.clone());
    let rules_ = BookingRules::default();
    let s = services(&app, &mailer, &rules_);
    let a = at(5, 10, 0);
    let b = at(5, 12, 0);
    let c = at(5, 14, 0);
    let (ia, ib, ic) = (
        confirmed(&app, &leo, &ana, &a).await,
        confirmed(&app, &leo, &ana, &b).await,
        confirmed(&app, &leo, &ana, &c).await,
    );
    // The expert switches to strict afterwards: bookings keep the policy they were made with.
    let mut strict = rules(0);
    strict["cancellation_policy"] = json!("strict");
    assert_eq!(
        send(
            &app,
            Method::PUT,
            "/api/v1/experts/me/availability",
            &ana_token,
            Some(strict)
        )
        .await
        .status,
        200
    );
    let shown = send(
        &app,
        Method::GET,
        &format!("/api/v1/bookings/{ia}"),
        &leo,
        None,
    )
    .await;
    assert_eq!(shown.json["policy"]["preset"], "moderate");
    assert_eq!(
        shown.json["cancellation_refund"]["amount"], 4000,
        "shown before confirming"
    );
    let exactly_24h = changes::cancel(
        &s,
        &leo_user,
        ia.parse().unwrap(),
        "",
        ts(secs(&a) - 24 * HOUR),
    )
    .await
    .unwrap();
    assert_eq!(exactly_24h.refund, 4000);
    let just_after = changes::cancel(
        &s,
        &leo_user,
        ib.parse().unwrap(),
        "",
        ts(secs(&b) - 24 * HOUR + 1),
    )
    .await
    .unwrap();
    assert_eq!(just_after.refund, 2000);
    // The expert cancels late: still a full refund, and it is counted.
    let by_expert = send(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{ic}/cancel"),
        &ana_token,
        Some(json!({"reason": "I am ill"})),
    )
    .await;
    assert_eq!(by_expert.status, 200, "{by_expert}");
    assert_eq!(by_expert.json["status"], "cancelled");
    assert_eq!(
        by_expert.json["refund"],
        json!({"amount": 4000, "currency": "EUR"})
    );
    assert_eq!(
        store::bookings::expert_cancellations(&app.db, ana.id)
            .await
            .unwrap(),
        1
    );
    app.create_user("root@example.org", &[domain::Role::Admin])
        .await;
    let (root, _) = app.api_log_in("root@example.org").await;
    let admin_view = format!("/api/v1/admin/experts/{}", ana.id);
    let review = send(&app, Method::GET, &admin_view, &root, None).await;
    assert_eq!(
        review.json["expert_cancellations"], 1,
        "admins see the count"
    );
    // The expert must say why.
    let id4 = confirmed(&app, &leo, &ana, &at(6, 10, 0)).await;
    let answer = send(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{id4}/cancel"),
        &ana_token,
        Some(json!({"reason": " "})),
    )
    .await;
    assert_eq!(
        (answer.status, answer.json["errors"][0]["field"].as_str()),
        (422, Some("reason")),
        "{answer}"
    );
    assert!(
        slot_starts(&app, &ana, 5).await.contains(&a),
        "a cancelled slot is free again"
    );
}

async fn only_participants_and_admins_see_a_booking(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let (ana, ana_token) = expert(&app, "ana@example.org", rules(0)).await;
    let (_, leo) = learner(&app, "leo@example.org").await;
    let (_, eve) = learner(&app, "eve@example.org").await;
    app.create_user("root@example.org", &[domain::Role::Admin])
        .await;
    let (root, _) = app.api_log_in("root@example.org").await;
    let held = post_hold(&app, &leo, &hold_body(&ana, &at(2, 10, 0)), None).await;
    let id = held.json["id"].as_str().unwrap();
    let path = format!("/api/v1/bookings/{id}");
    assert_eq!(send(&app, Method::GET, &path, &leo, None).await.status, 200);
    assert_eq!(
        send(&app, Method::GET, &path, &ana_token, None)
            .await
            .status,
        200
    );
    assert_eq!(
        send(&app, Method::GET, &path, &root, None).await.status,
        200
    );
    assert_eq!(send(&app, Method::GET, &path, &eve, None).await.status, 404);
    assert_eq!(app.get(&path).await.status().as_u16(), 401);
    // Nobody but the learner pays, cancels for them or reads the timeline.
    assert_eq!(pay(&app, &eve, id, "succeed").await.status, 404);
    assert_eq!(pay(&app, &ana_token, id, "succeed").await.status, 403);
    assert_eq!(
        send(
            &app,
            Method::POST,
            &format!("{path}/cancel"),
            &eve,
            Some(json!({"reason": "x"}))
        )
        .await
        .status,
        404
    );
    // Experts cannot book themselves; suspended experts cannot be booked.
    let answer = post_hold(&app, &ana_token, &hold_body(&ana, &at(3, 10, 0)), None).await;
    assert_eq!((answer.status, answer.code()), (422, "own_session"));
    // Suspended through the admin API, after the expert's schedule was cached by the hold.
    let answer = send(
        &app,
        Method::POST,
        &format!("/api/v1/admin/experts/{}/suspension", ana.id),
        &root,
        Some(json!({"suspended": true, "reason": "Checking documents"})),
    )
    .await;
    assert_eq!(answer.status, 200, "{answer}");
    let answer = post_hold(&app, &eve, &hold_body(&ana, &at(3, 10, 0)), None).await;
    assert_eq!((answer.status, answer.code()), (409, "expert_not_bookable"));
    // Bad input is explained field by field.
    let answer = post_hold(
        &app,
        &eve,
        &json!({"expert_id": ana.id, "start": "soon", "duration_minutes": 0}),
        None,
    )
    .await;
    assert_eq!(answer.status, 422);
    let fields: Vec<&str> = answer.json["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["start", "duration_minutes"]);
}

async fn rescheduling_keeps_the_payment_and_the_calendar_event(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let (ana, ana_token) = expert(&app, "ana@example.org", rules(0)).await;
    let (_, leo) = learner(&app, "leo@example.org").await;
    let id = confirmed(&app, &leo, &ana, &at(2, 10, 0)).await;
    // The learner moves it by half an hour (overlapping its own old time).
    let moved = send(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{id}/reschedule"),
        &leo,
        Some(json!({"start": at(2, 10, 30)})),
    )
    .await;
    assert_eq!(moved.status, 200, "{moved}");
    assert_eq!(moved.json["status"], "confirmed");
    assert_eq!(moved.json["rescheduled_from"], json!(id));
    assert_eq!(moved.json["paid"]["amount"], 4000);
    let old = send(
        &app,
        Method::GET,
        &format!("/api/v1/bookings/{id}"),
        &leo,
        None,
    )
    .await;
    assert_eq!(old.json["status"], "rescheduled");
    let new_id = moved.json["id"].as_str().unwrap().to_owned();
    // The expert proposes another time; nothing moves until the learner accepts.
    let proposed = send(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{new_id}/reschedule"),
        &ana_token,
        Some(json!({"start": at(3, 15, 0)})),
    )
    .await;
    assert_eq!(proposed.status, 202, "{proposed}");
    assert_eq!(proposed.json["proposed_start"], json!(at(3, 15, 0)));
    let accepted = send(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{new_id}/proposal/accept"),
        &leo,
        None,
    )
    .await;
    assert_eq!(accepted.status, 200, "{accepted}");
    assert_eq!(accepted.json["start"], json!(at(3, 15, 0)));
    let answer = send(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{new_id}/proposal/accept"),
        &leo,
        None,
    )
    .await;
    assert_eq!(answer.status, 409, "the old booking moved on");
    // The new booking's timeline tells the whole session's story.
    let accepted_id = accepted.json["id"].as_str().unwrap();
    // Both old addresses (in emails, in calendars) lead to the booking that stands for the
    // session now; the current one is shown; someone else still finds nothing there.
    let page = app.another_client();
    page.log_in_as("leo@example.org").await;
    for old in [&id, &new_id] {
        let res = page.get(&format!("/bookings/{old}")).await;
        assert_eq!(res.status().as_u16(), 303);
        assert_eq!(
            res.headers()["location"],
            format!("/bookings/{accepted_id}")
        );
    }
    let current = page.get(&format!("/bookings/{accepted_id}")).await;
    assert_eq!(current.status().as_u16(), 200);
    let stranger = app.another_client();
    learner(&app, "sam@example.org").await;
    stranger.log_in_as("sam@example.org").await;
    let res = stranger.get(&format!("/bookings/{id}")).await;
    assert_eq!(res.status().as_u16(), 404);
    let shown = send(
        &app,
        Method::GET,
        &format!("/api/v1/bookings/{accepted_id}"),
        &leo,
        None,
    )
    .await;
    let story: Vec<(&str, &str)> = shown.json["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["to"].as_str().unwrap(), e["actor"].as_str().unwrap()))
        .collect();
    assert_eq!(
        story,
        [
            ("held", "learner"),
            ("confirmed", "system"),
            ("rescheduled", "learner"),
            ("confirmed", "learner"),
            ("rescheduled", "learner"),
            ("confirmed", "learner"),
        ]
    );
    // A taken time cannot be moved to.
    let (_, mia) = learner(&app, "mia@example.org").await;
    confirmed(&app, &mia, &ana, &at(4, 10, 0)).await;
    let final_id = accepted.json["id"].as_str().unwrap();
    let answer = send(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{final_id}/reschedule"),
        &leo,
        Some(json!({"start": at(4, 10, 0)})),
    )
    .await;
    assert_eq!((answer.status, answer.code()), (409, "slot_unavailable"));
    // The learner may decline a proposal: nothing moves, and there is nothing left to answer.
    let answer = send(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{final_id}/reschedule"),
        &ana_token,
        Some(json!({"start": at(5, 9, 0)})),
    )
    .await;
    assert_eq!(answer.status, 202);
    let decline = format!("/api/v1/bookings/{final_id}/proposal/decline");
    let kept = send(&app, Method::POST, &decline, &leo, None).await;
    assert_eq!(kept.status, 200, "{kept}");
    assert_eq!(kept.json["proposed_start"], Value::Null);
    assert_eq!(kept.json["start"], json!(at(3, 15, 0)));
    assert_eq!(kept.json["status"], "confirmed");
    let answer = send(&app, Method::POST, &decline, &leo, None).await;
    assert_eq!((answer.status, answer.code()), (409, "no_proposal"));
    let answer = send(&app, Method::POST, &decline, &ana_token, None).await;
    assert_eq!(answer.status, 403, "only the learner answers a proposal");
    // One calendar event throughout: same UID, SEQUENCE 0, 1, 2 (the accepted proposal
    // came soon after the first move, so its email waits for the quiet period to end).
    let mailer = app::mail::OutboxMailer::new(app.db.clone());
    let after_quiet = chrono::Utc::now().timestamp() + app::bookings::notices::MOVE_QUIET.as_secs();
    let notifier = app::notify::Notifier {
        db: &app.db,
        mailer: &mailer,
        hub: app.schedules.hub(),
        base: "http://mentora.test",
    };
    app::bookings::notices::send_held_back_moves(&notifier, ts(after_quiet))
        .await
        .unwrap();
    let invites = invites_to(&app, "leo@example.org").await;
    let sequences: Vec<&str> = invites
        .iter()
        .filter_map(|c| c.lines().find(|l| l.starts_with("SEQUENCE:")))
        .collect();
    assert_eq!(sequences, ["SEQUENCE:0", "SEQUENCE:1", "SEQUENCE:2"]);
    let uids: std::collections::HashSet<&str> = invites
        .iter()
        .filter_map(|c| c.lines().find(|l| l.starts_with("UID:")))
        .collect();
    assert_eq!(uids.len(), 1, "{uids:?}");
}

/// Without a Stripe key the sandbox pays; with one, its endpoint does not exist.
#[tokio::test]
async fn the_test_mode_endpoint_is_absent_outside_test_mode() {
    let Some(app) = TestApp::builder(Backend::Sqlite)
        .configure(|c| c.stripe_secret_key = Some("sk_test_123".into()))
        .spawn()
        .await
    else {
        return;
    };
    let (_, leo) = learner(&app, "leo@example.org").await;
    let answer = pay(&app, &leo, &uuid::Uuid::now_v7().to_string(), "succeed").await;
    assert_eq!(answer.status, 404);
}

/// Two instances on one PostgreSQL: requests for one slot split between them still make
/// exactly one booking.
#[tokio::test]
async fn two_instances_on_one_postgres_never_double_book() {
    let Some(one) = TestApp::spawn(Backend::Postgres).await else {
        return;
    };
    let shared_db = one.test_db.as_ref().unwrap().url.clone();
    let two = TestApp::builder(Backend::Postgres)
        .configure(move |c| c.database_url = shared_db)
        .spawn()
        .await
        .unwrap();
    let (ana, _) = expert(&one, "ana@example.org", rules(15)).await;
    let mut tokens = Vec::new();
    for n in 0..10 {
        tokens.push(learner(&one, &format!("l{n}@example.org")).await.1);
    }
    let (one, two) = (Arc::new(one), Arc::new(two));
    let mut tasks = Vec::new();
    for n in 0..100 {
        let app = if n % 2 == 0 { one.clone() } else { two.clone() };
        // Half ask for 10:00, half for 10:30: every pair overlaps.
        let start = if n % 4 < 2 {
            at(2, 10, 0)
        } else {
            at(2, 10, 30)
        };
        let (token, body) = (tokens[n % 10].clone(), hold_body(&ana, &start));
        tasks.push(tokio::spawn(async move {
            post_hold(&app, &token, &body, None).await.status
        }));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    assert_eq!(
        statuses.iter().filter(|s| **s == 201).count(),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses.iter().all(|s| *s == 201 || *s == 409),
        "{statuses:?}"
    );
}

/// Invites and the feed parse with Python's `icalendar` (a third-party parser) and say
/// what calendars need: METHOD, a stable UID, growing SEQUENCE, CANCELLED on cancel.
#[tokio::test]
async fn calendar_files_parse_with_a_third_party_parser() {
    let python_ok = std::process::Command::new("python3")
        .args(["-c", "import icalendar"])
        .status()
        .is_ok_and(|s| s.success());
    if !python_ok {
        assert!(
            std::env::var("MENTORA_REQUIRE_SERVICES").as_deref() != Ok("1"),
            "python3 with icalendar is required (pip install icalendar)"
        );
        eprintln!("skipped: python3 -c 'import icalendar' failed");
        return;
    }
    let Some(app) = TestApp::spawn(Backend::Sqlite).await else {
        return;
    };
    let (ana, _) = expert(&app, "ana@example.org", rules(0)).await;
    let (_, leo) = learner(&app, "leo@example.org").await;
    let id = confirmed(&app, &leo, &ana, &at(2, 10, 0)).await;
    let moved = send(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{id}/reschedule"),
        &leo,
        Some(json!({"start": at(2, 12, 0)})),
    )
    .await;
    let new_id = moved.json["id"].as_str().unwrap();
    send(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{new_id}/cancel"),
        &leo,
        Some(json!({"reason": ""})),
    )
    .await;
    let feed = send(&app, Method::POST, "/api/v1/me/calendar-feed", &leo, None).await;
    assert_eq!(feed.status, 201);
    let feed_url = feed.json["url"].as_str().unwrap();
    let feed_path = &feed_url[feed_url.find("/calendar/").unwrap()..];
    let res = app.get(feed_path).await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    let feed_text = res.text().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let invites = invites_to(&app, "leo@example.org").await;
    for (n, text) in invites.iter().enumerate() {
        std::fs::write(dir.path().join(format!("invite{n}.ics")), text).unwrap();
    }
    std::fs::write(dir.path().join("feed.ics"), &feed_text).unwrap();
    let script = r#"
import glob, sys, icalendar
invites = sorted(glob.glob(sys.argv[1] + "/invite*.ics"))
seen = []
for path in invites:
    cal = icalendar.Calendar.from_ical(open(path, "rb").read())
    events = cal.walk("VEVENT")
    assert len(events) == 1, path
    e = events[0]
    for prop in ("UID", "DTSTART", "DTEND", "DTSTAMP", "ORGANIZER", "ATTENDEE", "SUMMARY"):
        assert prop in e, (path, prop)
    assert e.decoded("DTEND") > e.decoded("DTSTART")
    seen.append((str(cal["METHOD"]), str(e["UID"]), int(e["SEQUENCE"]), str(e["STATUS"])))
print(seen)
assert [s[0] for s in seen] == ["REQUEST", "REQUEST", "CANCEL"], seen
assert len({s[1] for s in seen}) == 1, seen
assert [s[2] for s in seen] == [0, 1, 2], seen
assert seen[-1][3] == "CANCELLED", seen
feed = icalendar.Calendar.from_ical(open(sys.argv[1] + "/feed.ics", "rb").read())
assert str(feed["METHOD"]) == "PUBLISH"
assert len(feed.walk("VEVENT")) == 1, feed.walk("VEVENT")
"#;
    let out = std::process::Command::new("python3")
        .args(["-c", script, dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    // Revoked, the address stops working.
    assert_eq!(
        send(&app, Method::DELETE, "/api/v1/me/calendar-feed", &leo, None)
            .await
            .status,
        204
    );
    assert_eq!(app.get(feed_path).await.status().as_u16(), 404);
}

/// The pages: holding from the review page twice holds once (its request id is the
/// idempotency key), the sandbox checkout pays, a move without a time is explained beside
/// its form and changes nothing, and the calendar feed is made, read and revoked.
async fn booking_pages_hold_once_explain_a_bad_move_and_manage_the_feed(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let (ana, _) = expert(&app, "ana@example.org", rules(0)).await;
    learner(&app, "leo@example.org").await;
    app.log_in_as("leo@example.org").await;
    let slug = store::experts::find(&app.db, ana.id)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let start = at(2, 10, 0);
    let review = app
        .get(&format!("/experts/{slug}/book?start={start}&duration=60"))
        .await
        .text()
        .await
        .unwrap();
    let request_id = review
        .split(r#"name="request_id" value=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("no hold form: {review}"))
        .to_owned();
    let form = [
        ("start", start.as_str()),
        ("duration", "60"),
        ("note", "Scales"),
        ("request_id", request_id.as_str()),
    ];
    let first = app.submit(&format!("/experts/{slug}/book"), &form).await;
    let again = app.submit(&format!("/experts/{slug}/book"), &form).await;
    assert_eq!(first.status().as_u16(), 303);
    let checkout = first.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(
        again.headers()["location"].to_str().unwrap(),
        checkout,
        "a second submit lands on the same hold"
    );
    let id = checkout
        .trim_start_matches("/bookings/")
        .trim_end_matches("/checkout")
        .to_owned();
    let page = app.get(&checkout).await.text().await.unwrap();
    assert!(
        page.contains("Test mode."),
        "the checkout says it is the sandbox"
    );
    let paid = app.submit(&checkout, &[("outcome", "succeed")]).await;
    assert_eq!(
        paid.headers()["location"].to_str().unwrap(),
        format!("/bookings/{id}?booked=1"),
        "paying lands on the booking, which says it is booked"
    );

    let bad_move = app
        .submit(&format!("/bookings/{id}/reschedule"), &[("start", "")])
        .await;
    assert_eq!(bad_move.status().as_u16(), 422);
    let html = bad_move.text().await.unwrap();
    assert!(
        html.contains(r#"id="move-error""#) && html.contains("Choose one of the listed times.")
    );
    let row = store::bookings::find(&app.db, id.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (row.status.as_str(), row.start_at),
        ("confirmed", ts(secs(&start)))
    );

    let made = app.submit("/sessions/calendar-feed", &[]).await;
    assert_eq!(made.status().as_u16(), 200);
    let html = made.text().await.unwrap();
    let feed = html
        .split(r#"id="feed-url" class="w-full" type="text" readonly value=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("no feed address shown"))
        .to_owned();
    let path = &feed[feed.find("/calendar/").unwrap()..];
    let calendar = app.get(path).await.text().await.unwrap();
    assert!(calendar.contains("METHOD:PUBLISH") && calendar.contains("SUMMARY:Mentora: ana"));
    let revoked = app.submit("/sessions/calendar-feed/revoke", &[]).await;
    assert_eq!(revoked.status().as_u16(), 303);
    assert_eq!(app.get(path).await.status().as_u16(), 404);
}

/// `GET /api/v1/bookings` pages with a cursor: every booking once, in the tab's order
/// (soonest first for upcoming, latest first for cancelled), and a bad cursor or limit is
/// a field error.
async fn the_bookings_list_pages_with_a_cursor(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let (ana, _) = expert(&app, "ana@example.org", rules(0)).await;
    let (_, leo) = learner(&app, "leo@example.org").await;
    let mut ids = Vec::new();
    for (day, hour) in [(3, 10), (2, 14), (4, 9), (2, 10), (5, 16)] {
        ids.push((
            secs(&at(day, hour, 0)),
            confirmed(&app, &leo, &ana, &at(day, hour, 0)).await,
        ));
    }
    let walk = |tab: &'static str, limit: u64| {
        let app = &app;
        let leo = leo.clone();
        async move {
            let (mut seen, mut pages, mut cursor) = (Vec::new(), 0, None::<String>);
            loop {
                let path = match &cursor {
                    None => format!("/api/v1/bookings?tab={tab}&limit={limit}"),
                    Some(c) => format!("/api/v1/bookings?tab={tab}&limit={limit}&cursor={c}"),
                };
                let answer = send(app, Method::GET, &path, &leo, None).await;
                assert_eq!(answer.status, 200, "{answer}");
                let page = answer.json["bookings"].as_array().unwrap();
                assert!(page.len() as u64 <= limit, "{answer}");
                seen.extend(page.iter().map(|b| b["id"].as_str().unwrap().to_owned()));
                pages += 1;
                match answer.json["next_cursor"].as_str() {
                    Some(next) => cursor = Some(next.to_owned()),
                    None => break,
                }
            }
            (seen, pages)
        }
    };

    let mut soonest_first = ids.clone();
    soonest_first.sort();
    let expected: Vec<String> = soonest_first.iter().map(|(_, id)| id.clone()).collect();
    let (seen, pages) = walk("upcoming", 2).await;
    assert_eq!(seen, expected, "every upcoming booking once, soonest first");
    assert_eq!(pages, 3);
    let (all_at_once, pages) = walk("upcoming", 200).await;
    assert_eq!((all_at_once, pages), (expected.clone(), 1));

    for id in &expected[..3] {
        let answer = send(
            &app,
            Method::POST,
            &format!("/api/v1/bookings/{id}/cancel"),
            &leo,
            Some(json!({"reason": "Plans changed"})),
        )
        .await;
        assert_eq!(answer.status, 200, "{answer}");
    }
    let latest_first: Vec<String> = expected[..3].iter().rev().cloned().collect();
    let (seen, pages) = walk("cancelled", 1).await;
    assert_eq!(seen, latest_first, "cancelled ones once each, latest first");
    assert_eq!(pages, 3);

    // Booked again at the soonest cancelled time and cancelled again: two cancelled
    // bookings share a start, and the cursor still passes each exactly once (ties go by
    // id, the newer first in this latest-first tab).
    let (soonest_start, _) = &soonest_first[0];
    let again = confirmed(
        &app,
        &leo,
        &ana,
        &jiff::Timestamp::from_second(*soonest_start)
            .unwrap()
            .to_string(),
    )
    .await;
    let answer = send(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{again}/cancel"),
        &leo,
        Some(json!({"reason": "Plans changed again"})),
    )
    .await;
    assert_eq!(answer.status, 200, "{answer}");
    let with_tie = vec![
        expected[2].clone(),
        expected[1].clone(),
        again,
        expected[0].clone(),
    ];
    let (seen, pages) = walk("cancelled", 1).await;
    assert_eq!(seen, with_tie, "tied starts paged once each, by id");
    assert_eq!(pages, 4);

    for bad in [
        "cursor=nonsense",
        "cursor=12_not-a-uuid",
        "limit=0",
        "limit=201",
    ] {
        let answer = send(
            &app,
            Method::GET,
            &format!("/api/v1/bookings?{bad}"),
            &leo,
            None,
        )
        .await;
        assert_eq!(
            (answer.status, answer.code()),
            (422, "validation_failed"),
            "{bad}: {answer}"
        );
        let field = bad.split('=').next().unwrap();
        assert_eq!(answer.json["errors"][0]["field"], field, "{bad}: {answer}");
    }
}

/// After booking: the page says so, offers the session to Google Calendar, Outlook and as a
/// file, and names whom to write to; the file is the session's and only for those in it.
async fn a_confirmed_booking_goes_into_a_calendar_and_names_whom_to_write_to(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let (ana, _) = expert(&app, "ana@example.org", rules(0)).await;
    let (_, leo) = learner(&app, "leo@example.org").await;
    let start = at(2, 10, 0);
    let id = confirmed(&app, &leo, &ana, &start).await;
    let page = app.another_client();
    page.log_in_as("leo@example.org").await;

    let html = page
        .get(&format!("/bookings/{id}?booked=1"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains(r#"id="booked""#) && html.contains("You’re booked with ana."),
        "{html}"
    );
    let compact = |rfc: &str| {
        let t: jiff::Timestamp = rfc.parse().unwrap();
        t.strftime("%Y%m%dT%H%M%SZ").to_string()
    };
    let end = at(2, 11, 0);
    let dates = format!("dates={}%2F{}", compact(&start), compact(&end));
    assert!(html.contains("https://calendar.google.com/calendar/render?action=TEMPLATE"));
    assert!(
        html.contains(&dates),
        "Google gets the session's own times: {dates}"
    );
    assert!(html.contains("https://outlook.live.com/calendar/0/deeplink/compose?"));
    assert!(
        html.contains(r#"href="mailto:ana@example.org""#),
        "the learner writes to the expert"
    );
    let plain = page
        .get(&format!("/bookings/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        !plain.contains(r#"id="booked""#),
        "the success note is for arriving from payment"
    );

    let file = page.get(&format!("/bookings/{id}/calendar.ics")).await;
    assert_eq!(file.status().as_u16(), 200);
    assert_eq!(
        file.headers()["content-type"],
        "text/calendar; charset=utf-8"
    );
    let ics = file.text().await.unwrap();
    assert!(
        ics.contains("METHOD:PUBLISH") && ics.contains("STATUS:CONFIRMED"),
        "{ics}"
    );
    assert!(
        ics.contains(&format!("DTSTART:{}", compact(&start))),
        "{ics}"
    );

    let (_, _) = learner(&app, "eve@example.org").await;
    let stranger = app.another_client();
    stranger.log_in_as("eve@example.org").await;
    let res = stranger.get(&format!("/bookings/{id}/calendar.ics")).await;
    assert_eq!(res.status().as_u16(), 404);
    assert_eq!(
        app.another_client()
            .get(&format!("/bookings/{id}/calendar.ics"))
            .await
            .status()
            .as_u16(),
        303,
        "signed out: to the login page"
    );
}

/// Logging in to book a time comes back to it held (the page submits its own form as it
/// opens); a link to the same page from anywhere else holds nothing by itself.
async fn only_logging_in_to_book_a_time_holds_it_on_arrival(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let (ana, _) = expert(&app, "ana@example.org", rules(0)).await;
    learner(&app, "leo@example.org").await;
    let slug = store::experts::find(&app.db, ana.id)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let start = at(2, 10, 0);
    // Query strings encoded as the server does (application/x-www-form-urlencoded).
    let query = |pairs: &[(&str, &str)]| {
        let url = reqwest::Url::parse_with_params("http://x/", pairs).unwrap();
        url.query().unwrap_or_default().to_owned()
    };
    let review = format!(
        "/experts/{slug}/book?{}",
        query(&[("start", start.as_str()), ("duration", "60")])
    );
    let arrive = format!("{review}&hold=1");
    let browser = app.another_client();

    // Signed out, the page offers both ways in, each coming back with hold=1.
    let html = browser.get(&review).await.text().await.unwrap();
    let login_link = query(&[("next", arrive.as_str())]);
    assert!(
        html.contains(&format!("/login?{}", login_link.replace('&', "&amp;"))),
        "{html}"
    );
    assert!(html.contains("/signup?next="));

    // Logging in with that next sets the one-use mark; the page holds on arrival once.
    let res = browser
        .submit(
            "/login",
            &[
                ("email", "leo@example.org"),
                ("password", crate::testkit::TEST_PASSWORD),
                ("next", &arrive),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(res.headers()["location"], arrive.as_str());
    let marks: Vec<_> = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter(|c| c.starts_with("mentora_hold_on_arrival="))
        .collect();
    assert_eq!(marks.len(), 1, "{marks:?}");
    let arrived = browser.get(&arrive).await;
    let spent = arrived
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|c| c.starts_with("mentora_hold_on_arrival=;"));
    assert!(spent, "the mark is spent on arrival");
    assert!(
        arrived
            .text()
            .await
            .unwrap()
            .contains("data-hold-on-arrival")
    );
    let again = browser.get(&arrive).await.text().await.unwrap();
    assert!(
        !again.contains("data-hold-on-arrival"),
        "a second visit holds nothing"
    );

    // The same link opened by someone already signed in (from an email, another site).
    let other = app.another_client();
    other.log_in_as("leo@example.org").await;
    let html = other.get(&arrive).await.text().await.unwrap();
    assert!(!html.contains("data-hold-on-arrival"));
    assert!(
        html.contains("Hold this time and pay"),
        "the button is there to press"
    );
}

/// A cancellation's reason is checked before "are you sure?": an expert must give one, and
/// what was typed stays in the field with the error.
async fn a_refused_cancellation_reason_is_explained_before_asking(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let (ana, _) = expert(&app, "ana@example.org", rules(0)).await;
    let (_, leo) = learner(&app, "leo@example.org").await;
    let id = confirmed(&app, &leo, &ana, &at(2, 10, 0)).await;
    let cancel = format!("/bookings/{id}/cancel");

    let expert_page = app.another_client();
    expert_page.log_in_as("ana@example.org").await;
    let refused = expert_page.submit(&cancel, &[("reason", "  ")]).await;
    assert_eq!(refused.status().as_u16(), 422);
    let html = refused.text().await.unwrap();
    assert!(
        !html.contains("confirm-go"),
        "not asked before the reason is right"
    );
    assert!(html.contains(r#"id="reason-error""#), "{html}");

    let learner_page = app.another_client();
    learner_page.log_in_as("leo@example.org").await;
    let long = "x".repeat(app::bookings::changes::REASON_MAX_CHARS + 1);
    let refused = learner_page.submit(&cancel, &[("reason", &long)]).await;
    assert_eq!(refused.status().as_u16(), 422);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains(&format!(">{long}</textarea>"))
    );
    let asked = learner_page
        .submit(&cancel, &[("reason", "Plans changed")])
        .await;
    assert_eq!(asked.status().as_u16(), 200);
    let html = asked.text().await.unwrap();
    assert!(html.contains("Cancel this session?") && html.contains(r#"value="Plans changed""#));
    let status = send(
        &app,
        Method::GET,
        &format!("/api/v1/bookings/{id}"),
        &leo,
        None,
    )
    .await;
    assert_eq!(status.json["status"], "confirmed", "asking cancels nothing");
}

/// Moving a session offers the booking picker's week at the session's own length; once
/// the expert no longer offers that length, it offers no times (the picker would otherwise
/// fall back to another length, whose times would not fit).
async fn the_move_grid_offers_only_times_of_the_sessions_length(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    // Priced for half an hour and an hour; at first offering only the hour.
    let ana = app
        .bookable_expert_with_rates("ana@example.org", "Guitar", &[(30, 2500), (60, 4000)])
        .await;
    let (ana_token, _) = app.api_log_in("ana@example.org").await;
    let availability = "/api/v1/experts/me/availability";
    let answer = send(&app, Method::PUT, availability, &ana_token, Some(rules(0))).await;
    assert_eq!(answer.status, 200, "{answer}");
    let (_, leo) = learner(&app, "leo@example.org").await;
    let id = confirmed(&app, &leo, &ana, &at(3, 10, 0)).await;
    let page = app.another_client();
    page.log_in_as("leo@example.org").await;
    let html = page
        .get(&format!("/bookings/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains(r#"id="move""#), "{html}");
    assert!(html.contains(r#"type="radio" name="start""#));

    let mut half_hours = rules(0);
    half_hours["durations"] = json!([30]);
    let answer = send(
        &app,
        Method::PUT,
        availability,
        &ana_token,
        Some(half_hours),
    )
    .await;
    assert_eq!(answer.status, 200, "{answer}");
    let html = page
        .get(&format!("/bookings/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(!html.contains(r#"type="radio" name="start""#), "{html}");
    assert!(!html.contains(r#"id="move""#));
}

both_backends!(
    the_move_grid_offers_only_times_of_the_sessions_length,
    a_refused_cancellation_reason_is_explained_before_asking,
    only_logging_in_to_book_a_time_holds_it_on_arrival,
    a_confirmed_booking_goes_into_a_calendar_and_names_whom_to_write_to,
    a_stale_cache_never_holds_a_time_the_expert_closed,
    the_bookings_list_pages_with_a_cursor,
    a_capped_day_takes_no_more_sessions_than_its_cap_under_racing_holds,
    booking_pages_hold_once_explain_a_bad_move_and_manage_the_feed,
    two_hundred_requests_for_one_slot_make_one_booking,
    overlapping_requests_have_one_winner_even_through_buffers,
    a_repeated_request_returns_the_same_hold,
    holds_expire_and_late_payments_confirm_or_refund,
    a_confirmed_session_is_not_completed_early_disputed_or_held_again,
    the_room_settles_a_session_and_only_an_operator_records_it_otherwise,
    a_learner_disputes_a_completed_session_and_only_an_admin_resolves_it,
    a_learners_no_show_claim_waits_fifteen_minutes_and_refunds_nothing,
    a_settled_outcome_is_disputed_within_the_payout_delay_only,
    only_the_expert_answers_a_no_show_claim_and_it_stays_disputed,
    an_admin_settles_a_no_show_claim_only_with_a_settlement,
    an_admins_own_no_show_verdict_refunds_at_once,
    refunds_follow_the_frozen_policy,
    only_participants_and_admins_see_a_booking,
    rescheduling_keeps_the_payment_and_the_calendar_event,
);
