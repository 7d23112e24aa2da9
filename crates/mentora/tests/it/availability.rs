//! Scheduling over real HTTP on both databases: experts' availability rules (shape, every
//! validation problem at once, nothing stored on error, who may), free slots (zones,
//! windows, lengths, problems with stable codes), and the cache: a change is visible on
//! the very next request, on this instance and, through Redis, on another.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::personas::Answer;
use crate::testkit::{Backend, TestApp, eventually, send, service_url, ts};

/// The issue's own example of a rules document.
fn berlin_rules() -> Value {
    json!({
        "time_zone": "Europe/Berlin",
        "weekly": [
            {"weekday": "mon", "start": "09:00", "end": "12:30"},
            {"weekday": "tue", "start": "09:00", "end": "12:30"},
            {"weekday": "wed", "start": "09:00", "end": "12:30"},
            {"weekday": "thu", "start": "09:00", "end": "12:30"},
            {"weekday": "fri", "start": "09:00", "end": "12:30"},
            {"weekday": "sat", "start": "09:00", "end": "12:30"},
            {"weekday": "sun", "start": "09:00", "end": "12:30"}
        ],
        "overrides": [{"date": "2026-12-24", "intervals": []}],
        "time_off": [{"from": "2027-01-10T00:00:00Z", "to": "2027-01-12T00:00:00Z"}],
        "buffer_before_minutes": 0,
        "buffer_after_minutes": 10,
        "min_notice_minutes": 240,
        "horizon_days": 60,
        "durations": [30, 60],
        "slot_step_minutes": 30,
        "daily_cap": 6,
        "cancellation_policy": "moderate"
    })
}

/// The same hours every day, with no dated exceptions: every day has slots.
fn berlin_hours() -> Value {
    let mut rules = berlin_rules();
    rules["overrides"] = json!([]);
    rules["time_off"] = json!([]);
    rules
}

/// Replaces the caller's rules; the status.
async fn put_rules(app: &TestApp, token: &str, rules: Value) -> u16 {
    send(
        app,
        Method::PUT,
        "/api/v1/experts/me/availability",
        token,
        Some(rules),
    )
    .await
    .status
}

/// A bookable expert with 30- and 60-minute prices, and their API token.
async fn expert(app: &TestApp, email: &str) -> (store::users::User, String) {
    let user = app
        .bookable_expert_with_rates(email, "Calm German lessons", &[(30, 2500), (60, 4000)])
        .await;
    let (token, _) = app.api_log_in(email).await;
    (user, token)
}

async fn slots(app: &TestApp, path: &str) -> Answer {
    Answer::of(app.get(path).await).await
}

fn starts(body: &Value) -> Vec<String> {
    body["slots"]
        .as_array()
        .unwrap_or(&Vec::new())
        .iter()
        .map(|s| s["start"].as_str().unwrap_or("").to_owned())
        .collect()
}

/// Midnight UTC a few days ahead: a window comfortably past any notice.
fn days_ahead(days: i64) -> String {
    let at = chrono::Utc::now().date_naive() + chrono::Duration::days(days);
    format!("{at}T00:00:00Z")
}

async fn rules_round_trip_in_the_issues_shape(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let (_, token) = expert(&app, "greta@example.org").await;
    let path = "/api/v1/experts/me/availability";

    // Before saving: starting rules in the account's zone, every priced length offered.
    let start = send(&app, Method::GET, path, &token, None).await;
    assert_eq!(start.status, 200, "{start}");
    assert_eq!(start.json["time_zone"], "UTC");
    assert_eq!(start.json["weekly"], json!([]));
    assert_eq!(start.json["durations"], json!([30, 60]));

    let saved = send(&app, Method::PUT, path, &token, Some(berlin_rules())).await;
    assert_eq!(saved.status, 200, "{saved}");
    assert_eq!(saved.json, berlin_rules());
    let read = send(&app, Method::GET, path, &token, None).await;
    assert_eq!((read.status, read.json), (200, berlin_rules()));

    // A GET body can be sent back as it is; weekly entries come back sorted.
    let mut shuffled = berlin_rules();
    shuffled["weekly"] = json!([
        {"weekday": "mon", "start": "14:00", "end": "24:00"},
        {"weekday": "mon", "start": "08:00", "end": "09:00"}
    ]);
    let saved = send(&app, Method::PUT, path, &token, Some(shuffled)).await;
    assert_eq!(saved.json["weekly"][0]["start"], "08:00");
    assert_eq!(saved.json["weekly"][1]["end"], "24:00");
}

async fn bad_rules_are_explained_field_by_field_and_nothing_is_stored(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let (_, token) = expert(&app, "hugo@example.org").await;
    let path = "/api/v1/experts/me/availability";
    let answer = send(&app, Method::PUT, path, &token, Some(berlin_rules())).await;
    assert_eq!(answer.status, 200);

    let mut bad = berlin_rules();
    bad["time_zone"] = json!("Europe/Atlantis");
    bad["weekly"] = json!([
        {"weekday": "mon", "start": "12:00", "end": "09:00"},
        {"weekday": "tue", "start": "09:00", "end": "12:00"},
        {"weekday": "tue", "start": "11:00", "end": "13:00"}
    ]);
    bad["overrides"] = json!([{"date": "2026-02-30", "intervals": []}]);
    bad["time_off"] = json!([{"from": "2027-01-12T00:00:00Z", "to": "2027-01-10T00:00:00Z"}]);
    bad["buffer_after_minutes"] = json!(-10);
    bad["durations"] = json!([45]);
    bad["slot_step_minutes"] = json!(7);
    let problem = send(&app, Method::PUT, path, &token, Some(bad)).await;
    assert_eq!(problem.status, 422, "{problem}");
    assert_eq!(problem.code(), "validation_failed");
    let errors: Vec<(String, String)> = problem.json["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            assert!(!e["message"].as_str().unwrap_or("").is_empty());
            (
                e["field"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected = [
        ("time_zone", "availability-zone-invalid"),
        ("weekly.mon", "availability-interval-order"),
        ("weekly.tue", "availability-interval-overlap"),
        ("overrides", "availability-date-invalid"),
        ("time_off", "availability-time-off-order"),
        ("buffer_after_minutes", "availability-buffer-invalid"),
        ("slot_step_minutes", "availability-step-invalid"),
        ("durations", "availability-duration-no-rate"),
    ];
    assert_eq!(
        errors,
        expected
            .iter()
            .map(|(f, c)| ((*f).to_owned(), (*c).to_owned()))
            .collect::<Vec<_>>()
    );
    // Nothing was stored.
    let read = send(&app, Method::GET, path, &token, None).await;
    assert_eq!(read.json, berlin_rules());

    // A field that does not exist, or the wrong type: the shape is refused as such.
    let mut unknown = berlin_rules();
    unknown["holidays"] = json!([]);
    let problem = send(&app, Method::PUT, path, &token, Some(unknown)).await;
    assert_eq!((problem.status, problem.code()), (422, "invalid_body"));
    let problem = send(
        &app,
        Method::PUT,
        path,
        &token,
        Some(json!({"time_zone": "UTC", "horizon_days": "soon"})),
    )
    .await;
    assert_eq!((problem.status, problem.code()), (422, "invalid_body"));
}

async fn only_experts_have_availability(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let path = "/api/v1/experts/me/availability";
    app.create_user("lena@example.org", &[]).await;
    let (token, _) = app.api_log_in("lena@example.org").await;
    for method in [Method::GET, Method::PUT] {
        let problem = send(&app, method.clone(), path, &token, Some(berlin_rules())).await;
        assert_eq!(
            (problem.status, problem.code()),
            (409, "expert_profile_required"),
            "{method}"
        );
    }
    let res = app
        .client
        .put(app.at(path))
        .json(&berlin_rules())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 401);
}

async fn slots_are_shown_in_the_zone_asked_for(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let (greta, token) = expert(&app, "greta@example.org").await;
    assert_eq!(put_rules(&app, &token, berlin_hours()).await, 200);
    let (from, to) = (days_ahead(3), days_ahead(4));
    let base = format!("/api/v1/experts/{}/slots?from={from}&to={to}", greta.id);

    let kathmandu = slots(&app, &format!("{base}&tz=Asia/Kathmandu&duration=60")).await;
    assert_eq!(kathmandu.status, 200, "{kathmandu}");
    assert_eq!(kathmandu.json["time_zone"], "Asia/Kathmandu");
    assert_eq!(kathmandu.json["duration_minutes"], 60);
    assert_eq!(kathmandu.json["durations"], json!([30, 60]));
    // 09:00–12:30 in Berlin, 60 minutes every 30 with 10 minutes after: 09:00, 09:30,
    // 10:00, 10:30, 11:00, 11:30 (ends 12:30).
    let found = kathmandu.json["slots"].as_array().unwrap();
    assert_eq!(found.len(), 6, "{kathmandu}");
    let first = &found[0];
    let start: chrono::DateTime<chrono::FixedOffset> =
        chrono::DateTime::parse_from_rfc3339(first["start"].as_str().unwrap()).unwrap();
    let local: chrono::DateTime<chrono::FixedOffset> =
        chrono::DateTime::parse_from_rfc3339(first["local_start"].as_str().unwrap()).unwrap();
    assert_eq!(start, local, "the same instant");
    assert_eq!(local.offset().local_minus_utc(), 5 * 3600 + 45 * 60);
    assert!(first["start"].as_str().unwrap().ends_with('Z'));
    assert_eq!(
        first["local_date"].as_str().unwrap(),
        local.date_naive().to_string()
    );
    assert_eq!(
        (chrono::DateTime::parse_from_rfc3339(first["end"].as_str().unwrap()).unwrap() - start)
            .num_minutes(),
        60
    );

    // The same slots whoever asks, from wherever: only the labels change.
    let new_york = slots(&app, &format!("{base}&tz=America/New_York&duration=60")).await;
    assert_eq!(starts(&new_york.json), starts(&kathmandu.json));
    assert!(
        new_york.json["slots"][0]["local_start"]
            .as_str()
            .unwrap()
            .ends_with("-05:00")
    );
    // Without tz, an anonymous caller gets UTC; the default length is the shortest.
    let plain = slots(&app, &base).await;
    assert_eq!(
        (
            plain.json["time_zone"].as_str(),
            plain.json["duration_minutes"].as_i64()
        ),
        (Some("UTC"), Some(30))
    );
    assert_eq!(plain.json["slots"].as_array().unwrap().len(), 7);
    // A profile slug names the expert as well as the id.
    let slug = store::experts::find(&app.db, greta.id)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let by_slug = slots(&app, &base.replace(&greta.id.to_string(), &slug)).await;
    assert_eq!(starts(&by_slug.json), starts(&plain.json));
}

async fn slot_requests_that_make_no_sense_get_stable_codes(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let (greta, token) = expert(&app, "greta@example.org").await;
    send(
        &app,
        Method::PUT,
        "/api/v1/experts/me/availability",
        &token,
        Some(berlin_rules()),
    )
    .await;
    let base = format!("/api/v1/experts/{}/slots", greta.id);
    for (query, status, code) in [
        ("?tz=Mars/Olympus", 400, "time_zone_unknown"),
        ("?tz=%2B02:00", 400, "time_zone_unknown"),
        ("?duration=45", 400, "duration_not_offered"),
        ("?duration=abc", 400, "duration_not_offered"),
        (
            "?from=2027-01-01&to=2027-03-05",
            400,
            "slot_window_too_large",
        ),
        ("?from=2027-01-02&to=2027-01-01", 400, "slot_window_invalid"),
        ("?from=yesterday", 400, "slot_window_invalid"),
    ] {
        let res = app.get(&format!("{base}{query}")).await;
        assert_eq!(res.status().as_u16(), status, "{query}");
        assert_eq!(
            res.headers()["content-type"].to_str().unwrap(),
            "application/problem+json"
        );
        let problem: Value = res.json().await.unwrap();
        assert_eq!(problem["code"], code, "{query}: {problem}");
    }
    // Exactly 62 days is fine; dates are midnight in the zone asked for.
    let answer = slots(
        &app,
        &format!("{base}?from=2027-01-01&to=2027-03-04&tz=Asia/Tokyo"),
    )
    .await;
    assert_eq!(answer.status, 200, "{answer}");
    assert_eq!(answer.json["from"], "2026-12-31T15:00:00Z");
    let answer = slots(
        &app,
        &format!("/api/v1/experts/{}/slots", uuid::Uuid::now_v7()),
    )
    .await;
    assert_eq!(answer.status, 404);
    let answer = slots(&app, "/api/v1/experts/nobody-here/slots").await;
    assert_eq!(answer.status, 404);
}

async fn experts_who_cannot_be_booked_show_no_slots_to_others(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let draft = app.create_user("draft@example.org", &[]).await;
    let input = app::experts::application::ApplicationInput {
        headline: Some("Not yet".into()),
        currency: Some("EUR".into()),
        rates: Some(vec![app::experts::application::RateInput {
            duration_minutes: 30,
            amount: app::experts::application::Amount::Minor(2000),
        }]),
        ..Default::default()
    };
    app::experts::application::save(&app.db, &draft, input, &Default::default())
        .await
        .unwrap();
    let (token, _) = app.api_log_in("draft@example.org").await;
    let mut rules = berlin_rules();
    rules["durations"] = json!([30]);
    let answer = send(
        &app,
        Method::PUT,
        "/api/v1/experts/me/availability",
        &token,
        Some(rules),
    )
    .await;
    assert_eq!(
        answer.status, 200,
        "drafts may prepare their hours: {answer}"
    );
    let path = format!("/api/v1/experts/{}/slots?from={}", draft.id, days_ahead(2));
    assert_eq!(
        slots(&app, &path).await.status,
        404,
        "strangers see nothing"
    );
    let own = send(&app, Method::GET, &path, &token, None).await;
    assert_eq!(own.status, 200, "the expert previews their own");
    assert!(!starts(&own.json).is_empty());
}

async fn a_change_is_visible_on_the_next_request(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let (greta, token) = expert(&app, "greta@example.org").await;
    let mut rules = berlin_hours();
    assert_eq!(put_rules(&app, &token, rules.clone()).await, 200);
    let day = chrono::Utc::now().date_naive() + chrono::Duration::days(5);
    let path = format!(
        "/api/v1/experts/{}/slots?from={day}&to={}&tz=Europe/Berlin",
        greta.id,
        day + chrono::Duration::days(1)
    );
    assert_eq!(starts(&slots(&app, &path).await.json).len(), 7, "warm");
    assert_eq!(
        starts(&slots(&app, &path).await.json).len(),
        7,
        "served from the cache"
    );

    // Rules: that day closed by an override.
    rules["overrides"] = json!([{"date": day.to_string(), "intervals": []}]);
    assert_eq!(put_rules(&app, &token, rules.clone()).await, 200);
    assert!(
        starts(&slots(&app, &path).await.json).is_empty(),
        "closed at once"
    );

    // Busy times from a calendar: 09:00–10:00 Berlin that day takes 09:00 and 09:30;
    // 10:00 (widened by its buffer to 10:00–10:40) still fits.
    rules["overrides"] = json!([]);
    assert_eq!(put_rules(&app, &token, rules).await, 200);
    let zone = jiff::tz::TimeZone::get("Europe/Berlin").unwrap();
    let nine = zone
        .to_timestamp(
            day.to_string()
                .parse::<jiff::civil::Date>()
                .unwrap()
                .at(9, 0, 0, 0),
        )
        .unwrap()
        .as_second();
    app::scheduling::rules::replace_busy_times(
        &app.db,
        &app.schedules,
        greta.id,
        "calendar:test",
        &[(ts(nine), ts(nine + 3600))],
    )
    .await
    .unwrap();
    let after_busy = starts(&slots(&app, &path).await.json);
    assert_eq!(
        after_busy.len(),
        5,
        "09:00 and 09:30 are busy: {after_busy:?}"
    );

    // And the directory's first free slot follows.
    let profile = store::experts::find(&app.db, greta.id)
        .await
        .unwrap()
        .unwrap();
    assert!(profile.bookable());
    let directory = slots(&app, "/api/v1/experts?available=1").await;
    assert_eq!(directory.json["experts"][0]["id"], json!(greta.id));
    assert!(directory.json["experts"][0]["next_available_at"].is_string());
}

/// Two instances on one PostgreSQL database with Redis: a change made through one is
/// visible on the next request to the other, whose cache was warm.
#[tokio::test]
async fn a_change_on_one_instance_reaches_another_through_redis() {
    let Some(redis_url) = service_url("TEST_REDIS_URL") else {
        return;
    };
    let Some((one, two)) = crate::testkit::two_instances_on(&redis_url).await else {
        return;
    };
    let (greta, token) = expert(&one, "greta@example.org").await;
    let mut rules = berlin_hours();
    assert_eq!(put_rules(&one, &token, rules.clone()).await, 200);
    let day = chrono::Utc::now().date_naive() + chrono::Duration::days(5);
    let path = format!(
        "/api/v1/experts/{}/slots?from={day}&to={}&tz=Europe/Berlin",
        greta.id,
        day + chrono::Duration::days(1)
    );
    assert_eq!(
        starts(&slots(&two, &path).await.json).len(),
        7,
        "instance two warms its cache"
    );
    rules["overrides"] = json!([{"date": day.to_string(), "intervals": []}]);
    assert_eq!(put_rules(&one, &token, rules).await, 200);
    // The change travels as one pub/sub message (ADR 0017): within milliseconds, not by
    // the next request as a version read from Redis on every request gave.
    eventually("instance two to see instance one's change", || async {
        starts(&slots(&two, &path).await.json).is_empty()
    })
    .await;
}

/// A change made while Redis was away (its announcement could not be sent) still reaches
/// the other instance's warm cache as soon as Redis answers again, not a cache lifetime
/// later: the lost announcement is sent then, and copies from before the outage dropped.
#[tokio::test]
async fn a_change_made_while_redis_was_away_reaches_another_instance_when_it_returns() {
    let Some(upstream) = service_url("TEST_REDIS_URL") else {
        return;
    };
    let gate = crate::redis_gate::RedisGate::start(&upstream).await;
    let prefix = format!("test-{}", uuid::Uuid::now_v7());
    let (r, p) = (gate.url.clone(), prefix.clone());
    let Some(one) = TestApp::builder(Backend::Postgres)
        .configure(move |c| {
            c.redis_url = Some(r);
            c.limits_prefix = p;
        })
        .spawn()
        .await
    else {
        return;
    };
    let shared_db = one.test_db.as_ref().unwrap().url.clone();
    let redis_url = gate.url.clone();
    let two = TestApp::builder(Backend::Postgres)
        .configure(move |c| {
            c.redis_url = Some(redis_url);
            c.limits_prefix = prefix;
            c.database_url = shared_db;
        })
        .spawn()
        .await
        .unwrap();
    let (greta, token) = expert(&one, "greta@example.org").await;
    let mut rules = berlin_hours();
    assert_eq!(put_rules(&one, &token, rules.clone()).await, 200);
    let day = chrono::Utc::now().date_naive() + chrono::Duration::days(5);
    let path = format!(
        "/api/v1/experts/{}/slots?from={day}&to={}&tz=Europe/Berlin",
        greta.id,
        day + chrono::Duration::days(1)
    );
    assert_eq!(
        starts(&slots(&two, &path).await.json).len(),
        7,
        "two is warm"
    );

    gate.set(crate::redis_gate::Gate::Closed);
    rules["overrides"] = json!([{"date": day.to_string(), "intervals": []}]);
    assert_eq!(
        put_rules(&one, &token, rules).await,
        200,
        "saved without Redis"
    );
    gate.set(crate::redis_gate::Gate::Open);
    for app in [&one, &two] {
        eventually("Redis to answer both instances again", || async {
            let body: Value = app.get("/readyz").await.json().await.unwrap();
            body["status"] == "ready"
        })
        .await;
    }
    // Both are back on shared versions; two's copy from before the outage is not used
    // (without this, it would be for the rest of its 60-second lifetime).
    assert!(
        starts(&slots(&two, &path).await.json).is_empty(),
        "instance two sees the day off once Redis is back"
    );
}

both_backends!(
    rules_round_trip_in_the_issues_shape,
    bad_rules_are_explained_field_by_field_and_nothing_is_stored,
    only_experts_have_availability,
    slots_are_shown_in_the_zone_asked_for,
    slot_requests_that_make_no_sense_get_stable_codes,
    experts_who_cannot_be_booked_show_no_slots_to_others,
    a_change_is_visible_on_the_next_request,
);
