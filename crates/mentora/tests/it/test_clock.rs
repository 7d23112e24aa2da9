//! The test clock of the test-mode sandbox: moving the simulated time makes a hold expire
//! (by the job that releases holds, run at once) and moves what "now" means for slots;
//! moves only go forward; production has no clock to move.

use reqwest::Method;
use serde_json::json;

use crate::bookings::{at, expert, hold_body, learner, post_hold, rules};
use crate::both_backends;
use crate::testkit::{Backend, TestApp, eventually, send};

async fn sandbox(backend: Backend) -> Option<TestApp> {
    TestApp::builder(backend).movable_clock().spawn().await
}

async fn booking_status(app: &TestApp, token: &str, id: &str) -> String {
    let answer = send(
        app,
        Method::GET,
        &format!("/api/v1/bookings/{id}"),
        token,
        None,
    )
    .await;
    answer.json["status"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

async fn a_hold_expires_when_the_clock_moves_past_it(backend: Backend) {
    let Some(app) = sandbox(backend).await else {
        return;
    };
    let (ana, _) = expert(&app, "ana@example.org", rules(0)).await;
    let (_, leo) = learner(&app, "leo@example.org").await;
    let held = post_hold(&app, &leo, &hold_body(&ana, &at(3, 10, 0)), None).await;
    assert_eq!(held.status, 201, "{held}");
    let id = held.json["id"].as_str().unwrap().to_owned();
    let admin = app.admin().await;
    // The server's workers run from here, as in `mentora serve`.
    app.start_jobs(1);

    let moved = admin
        .api(
            Method::POST,
            "/api/v1/test-mode/clock",
            json!({"advance_by": "9m"}),
        )
        .await;
    assert_eq!(moved.status, 200, "{moved}");
    assert_eq!(moved.json["offset_seconds"], 540, "{moved}");
    // Nine minutes into a ten-minute hold, it holds (the release job ran and left it).
    let jobs = admin
        .api(Method::GET, "/api/v1/admin/jobs?status=succeeded", None)
        .await;
    assert_eq!(jobs.status, 200, "{jobs}");
    assert_eq!(booking_status(&app, &leo, &id).await, "held");

    let moved = admin
        .api(
            Method::POST,
            "/api/v1/test-mode/clock",
            json!({"advance_by": "2m"}),
        )
        .await;
    assert_eq!(moved.json["offset_seconds"], 660, "{moved}");
    eventually("the lapsed hold is released by its job", || async {
        booking_status(&app, &leo, &id).await == "expired"
    })
    .await;
    let shown = send(
        &app,
        Method::GET,
        &format!("/api/v1/bookings/{id}"),
        &leo,
        None,
    )
    .await;
    let last = shown.json["timeline"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        (last["to"].as_str(), last["actor"].as_str()),
        (Some("expired"), Some("system")),
        "{shown}"
    );
    // The timeline says when, in simulated time: eleven minutes after the hold.
    let held_at: jiff::Timestamp = shown.json["timeline"][0]["at"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let expired_at: jiff::Timestamp = last["at"].as_str().unwrap().parse().unwrap();
    assert!(
        held_at.duration_until(expired_at) >= jiff::SignedDuration::from_mins(11),
        "{shown}"
    );
}

async fn slots_move_with_the_simulated_now(backend: Backend) {
    let Some(app) = sandbox(backend).await else {
        return;
    };
    let (ana, _) = expert(&app, "ana@example.org", rules(0)).await;
    let first = |body: serde_json::Value| -> jiff::Timestamp {
        body["slots"][0]["start"].as_str().unwrap().parse().unwrap()
    };
    let path = format!("/api/v1/experts/{}/slots?tz=UTC", ana.id);
    let before = first(app.get(&path).await.json().await.unwrap());
    let admin = app.admin().await;
    let moved = admin
        .api(
            Method::POST,
            "/api/v1/test-mode/clock",
            json!({"advance_by": "48h"}),
        )
        .await;
    assert_eq!(moved.status, 200, "{moved}");
    let after = first(app.get(&path).await.json().await.unwrap());
    let shift = before.duration_until(after);
    assert!(
        shift >= jiff::SignedDuration::from_hours(47)
            && shift <= jiff::SignedDuration::from_hours(49),
        "the first free slot moved by {shift:?}"
    );
}

async fn the_clock_only_moves_forward_by_one_clear_move(backend: Backend) {
    let Some(app) = sandbox(backend).await else {
        return;
    };
    let admin = app.admin().await;
    let now = admin
        .api(Method::GET, "/api/v1/test-mode/clock", None)
        .await;
    assert_eq!(
        (now.status, now.json["offset_seconds"].as_i64()),
        (200, Some(0)),
        "{now}"
    );
    for (body, field, message) in [
        (
            json!({"set_to": "2020-01-01T00:00:00Z"}),
            "set_to",
            "only moves forward",
        ),
        (
            json!({"advance_by": "-5m"}),
            "advance_by",
            "only moves forward",
        ),
        (
            json!({"advance_by": "soon"}),
            "advance_by",
            "90m, 2h 30m or 48h",
        ),
        (
            json!({"advance_by": "9000h"}),
            "advance_by",
            "at most a year",
        ),
        (
            json!({"advance_by": "1h", "set_to": "2099-01-01T00:00:00Z"}),
            "advance_by",
            "not both",
        ),
        (json!({}), "advance_by", "not both"),
    ] {
        let refused = admin
            .api(Method::POST, "/api/v1/test-mode/clock", body.clone())
            .await;
        assert_eq!(
            (refused.status, refused.code()),
            (422, "validation_failed"),
            "{body}: {refused}"
        );
        let error = &refused.json["errors"][0];
        assert_eq!(error["field"], field, "{refused}");
        assert!(
            error["message"].as_str().unwrap().contains(message),
            "{refused}"
        );
    }
    let later = admin
        .api(Method::GET, "/api/v1/test-mode/clock", None)
        .await;
    assert_eq!(
        later.json["offset_seconds"], 0,
        "refused moves moved nothing: {later}"
    );
}

async fn operators_move_the_clock_on_the_page_and_every_page_says_so(backend: Backend) {
    let Some(app) = sandbox(backend).await else {
        return;
    };
    let admin = app.admin().await;
    let (status, html) = admin.page("/admin/test-clock").await;
    assert_eq!(status, 200);
    assert!(
        !html.contains("Test mode: the simulated time is"),
        "no banner before a move"
    );
    let moved = admin
        .submit("/admin/test-clock", &[("advance_by", "24h")])
        .await;
    assert_eq!(
        (moved.status, moved.location.as_deref()),
        (303, Some("/admin/test-clock"))
    );
    let (_, html) = admin.page("/experts").await;
    assert!(html.contains("Test mode: the simulated time is"), "{html}");
    let (_, html) = admin.page("/admin/test-clock").await;
    assert!(html.contains("1 d 0 h 0 min"), "{html}");
    // A bad move is explained next to its field and keeps what was typed.
    let refused = admin
        .submit("/admin/test-clock", &[("advance_by", "tomorrow")])
        .await;
    assert_eq!(refused.status, 422);
    let audit = store::audit::search(
        &app.db,
        &store::audit::AuditFilter {
            kind_prefix: Some("test_clock.".into()),
            limit: 10,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(audit.len(), 1, "{audit:?}");
    assert_eq!(audit[0].actor_id, Some(admin.user.id));
}

async fn production_has_no_clock_to_move(backend: Backend) {
    let Some(app) = TestApp::builder(backend)
        .configure(|c| c.production = true)
        .movable_clock()
        .spawn()
        .await
    else {
        return;
    };
    let admin = app.admin().await;
    let read = admin
        .api(Method::GET, "/api/v1/test-mode/clock", None)
        .await;
    assert_eq!((read.status, read.code()), (404, "not_found"), "{read}");
    let moved = admin
        .api(
            Method::POST,
            "/api/v1/test-mode/clock",
            json!({"advance_by": "1h"}),
        )
        .await;
    assert_eq!((moved.status, moved.code()), (404, "not_found"), "{moved}");
    let (status, _) = admin.page("/admin/test-clock").await;
    assert_eq!(status, 404);
}

/// `set_to` lands on the time asked for; moves made at once add up (each is stored in one
/// statement), and a `set_to` behind what another move already reached leaves it there.
async fn moves_land_where_asked_and_concurrent_moves_add_up(backend: Backend) {
    let Some(app) = sandbox(backend).await else {
        return;
    };
    let admin = app.admin().await;
    // Short moves: the operator's 15-minute access token ages with the simulated time.
    let target = jiff::Timestamp::now() + jiff::SignedDuration::from_mins(5);
    let moved = admin
        .api(
            Method::POST,
            "/api/v1/test-mode/clock",
            json!({"set_to": target.to_string()}),
        )
        .await;
    assert_eq!(moved.status, 200, "{moved}");
    let now: jiff::Timestamp = moved.json["now"].as_str().unwrap().parse().unwrap();
    let off = now.duration_since(target).abs();
    assert!(
        off <= jiff::SignedDuration::from_secs(2),
        "now {now}, asked {target}"
    );

    let before = moved.json["offset_seconds"].as_i64().unwrap();
    let moves = (0..8).map(|_| {
        admin.api(
            Method::POST,
            "/api/v1/test-mode/clock",
            json!({"advance_by": "30s"}),
        )
    });
    for answer in futures::future::join_all(moves).await {
        assert_eq!(answer.status, 200, "{answer}");
    }
    let after = admin
        .api(Method::GET, "/api/v1/test-mode/clock", None)
        .await;
    assert_eq!(after.json["offset_seconds"], before + 8 * 30, "{after}");
    // The stored offset never goes back, whatever a late writer asks.
    let late = store::test_clock::shift(
        &app.db,
        store::test_clock::Shift::To(jiff::SignedDuration::from_secs(60)),
        app::test_clock::MAX_OFFSET,
        |_, _| panic!("a move back is not recorded"),
    )
    .await
    .unwrap();
    assert_eq!(late, store::test_clock::Shifted::NotForward);
    let kept = store::test_clock::offset(&app.db).await.unwrap();
    assert_eq!(kept.as_secs(), before + 8 * 30);
}

/// How many test-clock moves the audit log holds.
async fn test_clock_events(app: &TestApp) -> usize {
    store::audit::search(
        &app.db,
        &store::audit::AuditFilter {
            kind_prefix: Some("test_clock.".into()),
            limit: 50,
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .len()
}

/// However the moves add up, the simulated time stays within ten years of the real one:
/// a move past that is refused with its own message, and nothing is stored or recorded.
async fn the_total_offset_is_capped_and_a_refused_move_changes_nothing(backend: Backend) {
    let Some(app) = sandbox(backend).await else {
        return;
    };
    let admin = app.admin().await;
    let near = app::test_clock::MAX_OFFSET - jiff::SignedDuration::from_mins(30);
    let client = store::logins::ClientInfo::default();
    // Put there directly: the admin's 15-minute token ages with the simulated time.
    let placed = store::test_clock::shift(
        &app.db,
        store::test_clock::Shift::To(near),
        app::test_clock::MAX_OFFSET,
        |by, offset| store::audit::NewAuditEvent {
            user_id: None,
            actor_id: None,
            kind: "test_clock.moved",
            client: &client,
            detail: format!(
                "{{\"by_seconds\": {}, \"offset_seconds\": {}}}",
                by.as_secs(),
                offset.as_secs()
            ),
        },
    )
    .await
    .unwrap();
    assert_eq!(
        placed,
        store::test_clock::Shifted::Moved {
            offset: near,
            by: near
        }
    );
    let recorded = test_clock_events(&app).await;
    assert_eq!(recorded, 1);
    let refused = app::test_clock::move_clock(
        &app.db,
        &domain::ShiftedClock::new(),
        app::test_clock::Move::AdvanceBy(jiff::SignedDuration::from_hours(1)),
        admin.user.id,
        &store::logins::ClientInfo::default(),
    )
    .await;
    match refused {
        Err(app::test_clock::TestClockError::Invalid(fields)) => {
            assert_eq!(fields[0].message_id, "test-clock-past-limit");
            assert_eq!(fields[0].field, "advance_by");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(store::test_clock::offset(&app.db).await.unwrap(), near);
    assert_eq!(test_clock_events(&app).await, recorded, "nothing recorded");
}

both_backends!(
    a_hold_expires_when_the_clock_moves_past_it,
    slots_move_with_the_simulated_now,
    the_clock_only_moves_forward_by_one_clear_move,
    operators_move_the_clock_on_the_page_and_every_page_says_so,
    production_has_no_clock_to_move,
    moves_land_where_asked_and_concurrent_moves_add_up,
    the_total_offset_is_capped_and_a_refused_move_changes_nothing,
);
