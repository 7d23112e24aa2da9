//! The money rules an attacker tried: moving a session to escape the refund policy,
//! instant no-show refunds, emptying a calendar with holds, late payments against changed
//! rules, endless moves and stale proposals, suspended experts' sessions, and verifiers
//! approving themselves.

use app::bookings::{BookingError, BookingRules, changes, hold};
use domain::booking::BookingStatus;
use reqwest::Method;
use serde_json::{Value, json};

use crate::bookings::{
    HOUR, at, confirmed, expert, hold_body, learner, pay, post_hold, rules, secs, services,
};
use crate::both_backends;
use crate::testkit::{Backend, TestApp, send, ts};

async fn moving_a_session_keeps_the_refund_of_its_first_time(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let mut strict = rules(0);
    strict["cancellation_policy"] = json!("strict");
    strict["horizon_days"] = json!(60);
    let (ana, _) = expert(&app, "ana@example.org", strict).await;
    let (leo_user, leo) = learner(&app, "leo@example.org").await;
    let start = at(3, 10, 0);
    let id: uuid::Uuid = confirmed(&app, &leo, &ana, &start).await.parse().unwrap();
    let mailer = app::mail::OutboxMailer::new(app.db.clone());
    let booking_rules = BookingRules::default();
    let s = services(&app, &mailer, &booking_rules);
    // Strict: nothing back inside 48 hours. One hour before, the learner moves it 10 days on.
    let now = secs(&start) - HOUR;
    let moved = changes::reschedule(&s, &leo_user, id, &at(13, 10, 0), ts(now))
        .await
        .unwrap();
    let changes::Moved::Rescheduled(moved) = moved else {
        panic!("the learner's move is direct");
    };
    let cancelled = changes::cancel(&s, &leo_user, moved.row.id, "", ts(now + 60))
        .await
        .unwrap();
    assert_eq!(cancelled.refund, 0, "moving later bought back the refund");
    // At the edges: measured from the first start, 48 h before is half, 168 h is all.
    for (before, expected) in [(48 * HOUR + 1, 2000), (168 * HOUR, 4000)] {
        let day = 20;
        let first = at(day, 12, 0);
        let fresh: uuid::Uuid = confirmed(&app, &leo, &ana, &first).await.parse().unwrap();
        let now = secs(&first) - before;
        let changes::Moved::Rescheduled(m) =
            changes::reschedule(&s, &leo_user, fresh, &at(day + 30, 12, 0), ts(now))
                .await
                .unwrap()
        else {
            panic!("direct move");
        };
        let c = changes::cancel(&s, &leo_user, m.row.id, "", ts(now))
            .await
            .unwrap();
        assert_eq!(c.refund, expected, "{before} s before the first start");
    }
}

async fn holds_are_capped_and_need_a_confirmed_address(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let (ana, _) = expert(&app, "ana@example.org", rules(0)).await;
    let (_, leo) = learner(&app, "leo@example.org").await;
    // Three unpaid holds at once, then no more.
    for hour in [9, 11, 13] {
        let answer = post_hold(&app, &leo, &hold_body(&ana, &at(2, hour, 0)), None).await;
        assert_eq!(answer.status, 201, "{answer}");
    }
    let answer = post_hold(&app, &leo, &hold_body(&ana, &at(2, 15, 0)), None).await;
    assert_eq!(
        (answer.status, answer.code()),
        (409, "hold_limit"),
        "{answer}"
    );
    // Racing requests from one account cannot slip past the cap either.
    let (_, mia) = learner(&app, "mia@example.org").await;
    let attempts = (0..8).map(|n| {
        let body = hold_body(&ana, &at(4, 8 + n, 0));
        let mia = mia.clone();
        let app = &app;
        async move { post_hold(app, &mia, &body, None).await.status }
    });
    let statuses = futures::future::join_all(attempts).await;
    assert_eq!(
        statuses.iter().filter(|s| **s == 201).count(),
        3,
        "{statuses:?}"
    );
    assert!(
        statuses.iter().all(|s| *s == 201 || *s == 409),
        "{statuses:?}"
    );
    // An account whose address is not confirmed cannot hold at all.
    let unverified = store::users::create(
        &app.db,
        store::users::NewUser {
            email: domain::EmailAddress::parse("new@example.org").unwrap(),
            display_name: "New".into(),
            password_hash: crate::testkit::test_password_hash(),
            email_verified: false,
            extra_roles: vec![],
            locale: "en".into(),
            time_zone: "UTC".into(),
            currency: "EUR".into(),
        },
    )
    .await
    .unwrap();
    let (token, _) = app.api_log_in("new@example.org").await;
    let answer = post_hold(&app, &token, &hold_body(&ana, &at(5, 10, 0)), None).await;
    assert_eq!(
        (answer.status, answer.code()),
        (403, "email_unverified"),
        "{answer}"
    );
    // On the page, the time is kept and the person is asked to confirm first.
    let browser = app.another_client();
    browser.log_in_as("new@example.org").await;
    let slug = store::experts::find(&app.db, ana.id)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let start = at(5, 10, 0);
    let review = format!(
        "/experts/{slug}/book?start={}&duration=60",
        start.replace(':', "%3A")
    );
    let page = browser.get(&review).await.text().await.unwrap();
    assert!(
        page.contains("Confirm your email address to book"),
        "{page}"
    );
    let res = browser
        .submit(
            &format!("/experts/{slug}/book"),
            &[
                ("start", start.as_str()),
                ("duration", "60"),
                ("request_id", "r1"),
                ("note", ""),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let back = res.headers()["location"].to_str().unwrap().to_owned();
    assert!(
        back.starts_with(&format!("/experts/{slug}/book?start=")),
        "{back}"
    );
    let held = store::bookings::for_user(
        &app.db,
        unverified.id,
        store::bookings::ListQuery {
            side: store::bookings::Side::Learner,
            statuses: &BookingStatus::ALL,
            from: ts(0),
            to: jiff::Timestamp::MAX,
            ascending: true,
            limit: 10,
            after: None,
        },
    )
    .await
    .unwrap();
    assert!(held.is_empty());
}

async fn a_late_payment_meets_the_experts_current_standing(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let (ana, _) = expert(&app, "ana@example.org", rules(0)).await;
    let (leo_user, leo) = learner(&app, "leo@example.org").await;
    let booking_rules = BookingRules::default();
    let req = hold::HoldRequest {
        expert_id: ana.id.to_string(),
        start: at(2, 10, 0),
        duration_minutes: 60,
        note: None,
    };
    // A hold placed 20 minutes ago has run out ...
    let now = chrono::Utc::now().timestamp();
    let lapsed = hold::hold(
        &app.db,
        &app.schedules,
        &app.calendars,
        &app::throttle::Throttle::in_process(app::throttle::Limits::default()),
        &booking_rules,
        &leo_user,
        &req,
        None,
        ts(now - 1200),
    )
    .await
    .unwrap();
    // ... and meanwhile the expert was suspended. The time is free, but nobody can
    // honour it: the payment is refunded in full.
    store::experts::set_suspended(&app.db, ana.id, true, "checks")
        .await
        .unwrap()
        .unwrap();
    app.schedules
        .changed(ana.id, app::live::AvailabilityChange::RulesChanged)
        .await;
    let id = lapsed.booking.row.id.to_string();
    let answer = pay(&app, &leo, &id, "succeed").await;
    assert_eq!(answer.status, 200, "{answer}");
    let row = store::bookings::find(&app.db, lapsed.booking.row.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.status, "expired");
    assert_eq!((row.paid_amount, row.refunded_amount), (4000, 4000));
}

async fn moves_are_limited_and_proposals_expire(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let (ana, _) = expert(&app, "ana@example.org", rules(0)).await;
    let (leo_user, leo) = learner(&app, "leo@example.org").await;
    let mailer = app::mail::OutboxMailer::new(app.db.clone());
    let booking_rules = BookingRules::default();
    let s = services(&app, &mailer, &booking_rules);
    let now = chrono::Utc::now().timestamp();
    let mut id: uuid::Uuid = confirmed(&app, &leo, &ana, &at(2, 10, 0))
        .await
        .parse()
        .unwrap();
    for n in 0..3 {
        let changes::Moved::Rescheduled(m) =
            changes::reschedule(&s, &leo_user, id, &at(3 + n, 10, 0), ts(now))
                .await
                .unwrap()
        else {
            panic!("direct move");
        };
        id = m.row.id;
    }
    let fourth = changes::reschedule(&s, &leo_user, id, &at(9, 10, 0), ts(now)).await;
    assert!(
        matches!(fourth, Err(BookingError::RescheduleLimit(3))),
        "{fourth:?}"
    );
    let answer = send(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{id}/reschedule"),
        &leo,
        Some(json!({"start": at(9, 12, 0)})),
    )
    .await;
    assert_eq!((answer.status, answer.code()), (409, "reschedule_limit"));

    // An expert's proposal can be accepted only before the session starts.
    let other: uuid::Uuid = confirmed(&app, &leo, &ana, &at(12, 10, 0))
        .await
        .parse()
        .unwrap();
    let proposed = changes::reschedule(&s, &ana, other, &at(14, 10, 0), ts(now))
        .await
        .unwrap();
    assert!(matches!(proposed, changes::Moved::Proposed(_)));
    let start = secs(&at(12, 10, 0));
    let late = changes::accept_proposal(&s, &leo_user, other, ts(start)).await;
    assert!(
        matches!(late, Err(BookingError::ProposalExpired)),
        "{late:?}"
    );
    let in_time = changes::accept_proposal(&s, &leo_user, other, ts(start - HOUR * 30)).await;
    assert!(in_time.is_ok(), "{in_time:?}");
}

async fn suspending_an_expert_cancels_their_upcoming_sessions(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let (ana, _) = expert(&app, "ana@example.org", rules(0)).await;
    let (_, leo) = learner(&app, "leo@example.org").await;
    let (_, mia) = learner(&app, "mia@example.org").await;
    app.create_user("root@example.org", &[domain::Role::Admin])
        .await;
    let (admin, _) = app.api_log_in("root@example.org").await;
    let one = confirmed(&app, &leo, &ana, &at(2, 10, 0)).await;
    let two = confirmed(&app, &mia, &ana, &at(3, 10, 0)).await;
    let held = post_hold(&app, &leo, &hold_body(&ana, &at(4, 10, 0)), None).await;
    let answer = send(
        &app,
        Method::POST,
        &format!("/api/v1/admin/experts/{}/suspension", ana.id),
        &admin,
        Some(json!({"suspended": true, "reason": "documents expired"})),
    )
    .await;
    assert_eq!(answer.status, 200, "{answer}");
    for (id, token) in [(&one, &leo), (&two, &mia)] {
        let b = send(
            &app,
            Method::GET,
            &format!("/api/v1/bookings/{id}"),
            token,
            None,
        )
        .await;
        assert_eq!(b.json["status"], "cancelled", "{b}");
        assert_eq!(
            b.json["refunded"]["amount"]
                .as_i64()
                .or(b.json["refunded_amount"].as_i64()),
            Some(4000),
            "{b}"
        );
    }
    let held_row =
        store::bookings::find(&app.db, held.json["id"].as_str().unwrap().parse().unwrap())
            .await
            .unwrap()
            .unwrap();
    assert_eq!(held_row.status, "expired");
    // The cancellation emails are jobs enqueued with the cancellations.
    app.run_jobs().await;
    let mail = store::outbox::newest(&app.db, 30).await.unwrap();
    for to in ["leo@example.org", "mia@example.org"] {
        assert!(
            mail.iter()
                .any(|m| m.to == to && m.subject == "Your Mentora session is cancelled"),
            "{to} was not told"
        );
    }
}

async fn verifiers_cannot_decide_their_own_application(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let own = app
        .create_user("root@example.org", &[domain::Role::Admin])
        .await;
    app.create_user("second@example.org", &[domain::Role::Admin])
        .await;
    let input = app::experts::application::ApplicationInput {
        headline: Some("Operator and teacher".into()),
        bio: Some("Hello".into()),
        specialties: Some(vec!["guitar".into()]),
        languages: Some(vec!["en".into()]),
        currency: Some("EUR".into()),
        rates: Some(vec![app::experts::application::RateInput {
            duration_minutes: 60,
            amount: app::experts::application::Amount::Minor(4000),
        }]),
        intro_video_url: None,
    };
    app::experts::application::save(&app.db, &own, input, &Default::default())
        .await
        .unwrap();
    store::experts::submit(&app.db, own.id)
        .await
        .unwrap()
        .unwrap();
    let (mine, _) = app.api_log_in("root@example.org").await;
    let decision = json!({"decision": "approve", "reason": "looks fine to me"});
    let path = format!("/api/v1/admin/experts/{}/decision", own.id);
    let answer = send(&app, Method::POST, &path, &mine, Some(decision.clone())).await;
    assert_eq!(
        (answer.status, answer.code()),
        (403, "own_application"),
        "{answer}"
    );
    let still: Value = json!(
        store::experts::find(&app.db, own.id)
            .await
            .unwrap()
            .unwrap()
            .status
            .as_str()
    );
    assert_eq!(still, "submitted");
    let (second, _) = app.api_log_in("second@example.org").await;
    let answer = send(&app, Method::POST, &path, &second, Some(decision)).await;
    assert_eq!(answer.status, 200, "{answer}");
}

/// The move emails `to` has received, oldest first: (text, calendar invite).
async fn move_emails(app: &TestApp, to: &str) -> Vec<(String, String)> {
    let mut mail: Vec<(String, String)> = store::outbox::newest(&app.db, 100)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.to == to && m.subject == "Your Mentora session has moved")
        .map(|m| (m.text, m.calendar.unwrap_or_default()))
        .collect();
    mail.reverse();
    mail
}

async fn rapid_moves_make_one_email_for_where_the_session_ended_up(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let (ana, _) = expert(&app, "ana@example.org", rules(0)).await;
    let (leo_user, leo) = learner(&app, "leo@example.org").await;
    let mailer = app::mail::OutboxMailer::new(app.db.clone());
    // Four moves here; the default limit is three.
    let booking_rules = BookingRules {
        max_reschedules: 10,
        ..BookingRules::default()
    };
    let s = services(&app, &mailer, &booking_rules);
    let now = chrono::Utc::now().timestamp();
    let quiet = app::bookings::notices::MOVE_QUIET.as_secs();
    let mut id: uuid::Uuid = confirmed(&app, &leo, &ana, &at(4, 10, 0))
        .await
        .parse()
        .unwrap();
    // The confirmation leads to the session's room and to the video help.
    let confirmation = store::outbox::newest(&app.db, 100)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.to == "leo@example.org" && m.subject == "Your Mentora session is confirmed")
        .unwrap();
    assert!(
        confirmation.text.contains(&format!("/sessions/{id}/room"))
            && confirmation.text.contains("/support/video"),
        "{}",
        confirmation.text
    );
    // Three moves a minute apart: the first is emailed at once, the others wait.
    for (n, hour) in [11, 12, 13].into_iter().enumerate() {
        let changes::Moved::Rescheduled(m) =
            changes::reschedule(&s, &leo_user, id, &at(4, hour, 0), ts(now + 60 * n as i64))
                .await
                .unwrap()
        else {
            panic!("direct move");
        };
        id = m.row.id;
    }
    let first = move_emails(&app, "leo@example.org").await;
    assert_eq!(first.len(), 1, "one email for the first move");
    assert!(first[0].1.contains("SEQUENCE:1"));
    let notifier = app::notify::Notifier {
        db: &app.db,
        mailer: &mailer,
        hub: app.schedules.hub(),
        base: "http://mentora.test",
    };
    let send = |at: i64| app::bookings::notices::send_held_back_moves(&notifier, ts(at));
    assert_eq!(send(now + quiet - 1).await.unwrap(), 0, "still quiet");
    assert_eq!(send(now + quiet).await.unwrap(), 1);
    assert_eq!(send(now + quiet + 1).await.unwrap(), 0, "sent once");
    for to in ["leo@example.org", "ana@example.org"] {
        let mail = move_emails(&app, to).await;
        assert_eq!(
            mail.len(),
            2,
            "{to}: the first move, then where it ended up"
        );
        assert!(mail[1].1.contains("SEQUENCE:3"), "{to}: the latest invite");
        assert!(mail[1].0.contains("1:00\u{202f}PM"), "{to}: {}", mail[1].0);
        // The room's link is the booking that now stands for the session.
        assert!(
            mail[1]
                .0
                .contains(&format!("http://mentora.test/sessions/{id}/room"))
                && mail[1].0.contains("http://mentora.test/support/video"),
            "{to}: {}",
            mail[1].0
        );
    }

    // Moved again soon after, then cancelled before the quiet period ends: the
    // cancellation is emailed, the held-back move is not.
    let later = now + quiet + 10;
    let changes::Moved::Rescheduled(m) =
        changes::reschedule(&s, &leo_user, id, &at(5, 9, 0), ts(later))
            .await
            .unwrap()
    else {
        panic!("direct move");
    };
    assert_eq!(
        move_emails(&app, "leo@example.org").await.len(),
        2,
        "held back"
    );
    changes::cancel(&s, &leo_user, m.row.id, "", ts(later + 5))
        .await
        .unwrap();
    assert_eq!(send(later + quiet).await.unwrap(), 0);
    assert_eq!(move_emails(&app, "leo@example.org").await.len(), 2);
}

both_backends!(
    rapid_moves_make_one_email_for_where_the_session_ended_up,
    moving_a_session_keeps_the_refund_of_its_first_time,
    holds_are_capped_and_need_a_confirmed_address,
    a_late_payment_meets_the_experts_current_standing,
    moves_are_limited_and_proposals_expire,
    suspending_an_expert_cancels_their_upcoming_sessions,
    verifiers_cannot_decide_their_own_application,
);
