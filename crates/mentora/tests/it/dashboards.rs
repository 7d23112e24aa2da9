//! "My sessions" and "My schedule" kept in memory (`app::bookings::dashboard`): a
//! dashboard opened again reads nothing from the database, yet every booking write, a
//! new name of the other party, the calendar feed and time itself show at the next visit,
//! on every instance.

use std::sync::Arc;

use app::bookings::dashboard::{AS_LEARNER, dashboard};
use app::bookings::lists::{self, Tab};
use domain::{Clock, ManualClock};
use jiff::SignedDuration;
use reqwest::Method;
use serde_json::json;
use store::bookings::Side;

use crate::bookings::{at, hold_body, rules};
use crate::both_backends;
use crate::personas::Persona;
use crate::testkit::{Backend, TestApp, eventually, service_url};

/// Holds `days` ahead at 10:00 for `leo` with `ada`; returns the booking's id.
async fn hold(leo: &Persona, ada: &Persona, days: i64, hour: i64) -> String {
    let held = leo
        .api(
            Method::POST,
            "/api/v1/bookings",
            hold_body(&ada.user, &at(days, hour, 0)),
        )
        .await;
    assert_eq!(held.status, 201, "{held}");
    held.json["id"].as_str().unwrap_or_default().to_owned()
}

/// Posts `body` to `path` over the API as `by`, which must answer 200.
async fn post_ok(by: &Persona, path: &str, body: serde_json::Value) {
    let answer = by.api(Method::POST, path, body).await;
    assert_eq!(answer.status, 200, "{path}: {answer}");
}

async fn pay(leo: &Persona, id: &str) {
    let path = format!("/api/v1/test-mode/bookings/{id}/pay");
    post_ok(leo, &path, json!({"outcome": "succeed"})).await;
}

async fn cancel(by: &Persona, id: &str) {
    let path = format!("/api/v1/bookings/{id}/cancel");
    post_ok(by, &path, json!({"reason": "ill"})).await;
}

async fn rename(who: &Persona, name: &str) {
    let renamed = who
        .api(Method::PATCH, "/api/v1/me", json!({"display_name": name}))
        .await;
    assert_eq!(renamed.status, 200, "{renamed}");
}

/// An expert and a learner, the expert open every day from 08:00 to 20:00 UTC.
async fn pair(app: &TestApp) -> (Persona, Persona) {
    let ada = app.expert("ada").await;
    let set = ada
        .api(Method::PUT, "/api/v1/experts/me/availability", rules(0))
        .await;
    assert_eq!(set.status, 200, "{set}");
    (ada, app.learner("leo").await)
}

/// One instance: kept after the first visit (SQLite; PostgreSQL without Redis keeps
/// nothing), and each change shows at the next one.
async fn a_kept_dashboard_shows_each_change_at_the_next_visit(backend: Backend) {
    let clock = Arc::new(ManualClock::at(jiff::Timestamp::now()));
    let Some(app) = TestApp::builder(backend).clock(clock.clone()).spawn().await else {
        return;
    };
    let keeps = backend == Backend::Sqlite;
    let (ada, leo) = pair(&app).await;
    let id = hold(&leo, &ada, 3, 10).await;
    let (status, page) = leo.page("/sessions").await;
    assert_eq!(status, 200);
    assert!(page.contains(&format!("/bookings/{id}")) && page.contains(">ada<"));
    assert!(page.contains("Held, waiting for payment"));
    assert_eq!(app.viewers.keeps(leo.user.id, &AS_LEARNER), keeps);

    // A payment confirms it (a booking write: both people are announced).
    pay(&leo, &id).await;
    assert!(
        !app.viewers.keeps(leo.user.id, &AS_LEARNER),
        "the write drops it"
    );
    let (_, page) = leo.page("/sessions").await;
    assert!(page.contains("Confirmed") && !page.contains("Held, waiting"));
    assert_eq!(app.viewers.keeps(leo.user.id, &AS_LEARNER), keeps);

    // The other party's new name.
    rename(&ada, "Ada Lovelace").await;
    let (_, page) = leo.page("/sessions").await;
    assert!(
        page.contains(">Ada Lovelace<"),
        "the expert's new name at once"
    );

    // The calendar feed, switched on and off.
    assert!(!page.contains("/sessions/calendar-feed/revoke"));
    assert_eq!(leo.submit("/sessions/calendar-feed", &[]).await.status, 200);
    let (_, page) = leo.page("/sessions").await;
    assert!(
        page.contains("/sessions/calendar-feed/revoke"),
        "the feed is on"
    );
    assert_eq!(
        leo.submit("/sessions/calendar-feed/revoke", &[])
            .await
            .status,
        303
    );
    let (_, page) = leo.page("/sessions").await;
    assert!(!page.contains("/sessions/calendar-feed/revoke"), "and off");

    // The expert cancels: gone from "upcoming", in "cancelled", on both dashboards.
    let (_, schedule) = ada.page("/schedule").await;
    assert!(schedule.contains(&format!("/bookings/{id}")));
    cancel(&ada, &id).await;
    let (_, page) = leo.page("/sessions").await;
    assert!(
        !page.contains(&format!("/bookings/{id}")),
        "not upcoming any more"
    );
    let (_, page) = leo.page("/sessions?tab=cancelled").await;
    assert!(page.contains(&format!("/bookings/{id}")));
    let (_, schedule) = ada.page("/schedule").await;
    assert!(!schedule.contains(&format!("/bookings/{id}")));

    // Time alone moves a session: a hold that lapses leaves "upcoming" with nothing
    // written, while the dashboard stays kept.
    let lapsing = hold(&leo, &ada, 4, 10).await;
    let (_, page) = leo.page("/sessions").await;
    assert!(page.contains(&format!("/bookings/{lapsing}")));
    assert_eq!(app.viewers.keeps(leo.user.id, &AS_LEARNER), keeps);
    clock.advance(2 * 3600);
    let (_, page) = leo.page("/sessions").await;
    assert!(
        !page.contains(&format!("/bookings/{lapsing}")),
        "a lapsed hold is not upcoming"
    );
    assert_eq!(app.viewers.keeps(leo.user.id, &AS_LEARNER), keeps);
}

/// Each tab picked from the kept whole list is what SQL picks, at any time: bookings held,
/// paid, cancelled and lapsed, seen before, during and after their sessions.
async fn a_kept_dashboard_picks_each_tab_as_the_database_does(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let (ada, leo) = pair(&app).await;
    // A hold that ran out and was marked so by the expiry job.
    let lapsed = hold(&leo, &ada, 1, 12).await;
    let later = jiff::Timestamp::now() + SignedDuration::from_hours(1);
    let expired = store::bookings::expire_due(&app.db, later, 10)
        .await
        .unwrap();
    assert_eq!(expired, vec![ada.user.id], "{lapsed} expired");
    // Paid, unpaid (they lapse by time alone) and one paid, then cancelled.
    let mut ids = vec![lapsed];
    for (days, hour, paid) in [
        (1, 9, true),
        (2, 10, true),
        (3, 8, false),
        (3, 15, true),
        (5, 11, false),
    ] {
        let id = hold(&leo, &ada, days, hour).await;
        if paid {
            pay(&leo, &id).await;
        }
        ids.push(id);
    }
    cancel(&leo, &ids[4]).await;
    // Seen from each side, now and at times when sessions run, ended or lapsed, and
    // within the second a session starts (the database compares whole seconds).
    let now = jiff::Timestamp::now();
    let nows = [0, 1, 2, 3, 7, 30].map(|days| now + SignedDuration::from_hours(24 * days));
    let start = jiff::Timestamp::from_second(crate::bookings::secs(&at(2, 10, 0))).unwrap();
    let moments = [
        start + SignedDuration::from_mins(30),
        start + SignedDuration::from_millis(500),
        start + SignedDuration::from_hours(24) + SignedDuration::from_millis(500),
    ];
    for (user, side) in [(&leo.user, Side::Learner), (&ada.user, Side::Expert)] {
        let whole = store::bookings::whole_list(&app.db, user.id, side, 300)
            .await
            .unwrap();
        assert_eq!(
            whole.map(|w| w.len()),
            Some(6),
            "the kept list is what is compared"
        );
        for at in nows.iter().chain(&moments) {
            for tab in [Tab::Upcoming, Tab::Past, Tab::Cancelled] {
                for limit in [200, 2, 1] {
                    let sql = lists::sessions(&app.db, user.id, side, tab, *at, limit)
                        .await
                        .unwrap();
                    let kept = dashboard(&app.db, &app.viewers, user, side, tab, *at, limit)
                        .await
                        .unwrap();
                    let ids = |list: &[app::bookings::Booking]| -> Vec<uuid::Uuid> {
                        list.iter().map(|b| b.row.id).collect()
                    };
                    assert_eq!(
                        ids(&kept.bookings),
                        ids(&sql),
                        "{side:?} {tab:?} at {at} (limit {limit})"
                    );
                }
            }
        }
    }
}

/// Every committed write to a booking announces both its people (which drops what is kept
/// of them, on every instance): a hold, and the lapsed holds of others it releases on the
/// way; a payment; a proposed new time; a provider's payment noted; a late payment that
/// revives a lapsed hold.
async fn every_booking_write_announces_both_its_people(backend: Backend) {
    let clock = Arc::new(ManualClock::at(jiff::Timestamp::now()));
    let Some(app) = TestApp::builder(backend).clock(clock.clone()).spawn().await else {
        return;
    };
    let heard = Arc::new(std::sync::Mutex::new(Vec::new()));
    let ear = heard.clone();
    app.db.on_account_change(move |account| {
        ear.lock().unwrap().push(account);
        Box::pin(async {})
    });
    let told = move || -> Vec<uuid::Uuid> { std::mem::take(&mut *heard.lock().unwrap()) };
    let (ada, leo) = pair(&app).await;
    let mia = app.learner("mia").await;
    let both = |told: &[uuid::Uuid], learner: &Persona| {
        told.contains(&learner.user.id) && told.contains(&ada.user.id)
    };

    told();
    let id = hold(&leo, &ada, 3, 10).await;
    assert!(both(&told(), &leo), "a hold");
    pay(&leo, &id).await;
    assert!(both(&told(), &leo), "a payment");
    let booking = uuid::Uuid::parse_str(&id).unwrap();
    let later = jiff::Timestamp::from_second(crate::bookings::secs(&at(3, 14, 0))).unwrap();
    assert!(
        store::bookings::set_proposal(&app.db, booking, Some(later), clock.now())
            .await
            .unwrap()
    );
    assert!(both(&told(), &leo), "a proposed new time");

    let noted = hold(&mia, &ada, 6, 10).await;
    told();
    let noted = uuid::Uuid::parse_str(&noted).unwrap();
    store::bookings::set_payment_ref(&app.db, noted, "pi_noted")
        .await
        .unwrap();
    assert!(both(&told(), &mia), "a provider's payment noted");
    let mias = hold(&mia, &ada, 4, 10).await;

    // Mia's hold lapses; Leo's next hold releases it on the way.
    clock.advance(2 * 3600);
    let (leos_token, _) = app.api_log_in(&leo.email()).await;
    let answer = crate::testkit::send(
        &app,
        Method::POST,
        "/api/v1/bookings",
        &leos_token,
        Some(hold_body(&ada.user, &at(5, 10, 0))),
    )
    .await;
    assert_eq!(answer.status, 201, "{answer}");
    let heard_now = told();
    assert!(both(&heard_now, &leo), "the new hold");
    assert!(
        heard_now.contains(&mia.user.id),
        "the lapsed hold it released"
    );

    // Her payment arrives late: the time is still free, so the hold comes back confirmed.
    let (mias_token, _) = app.api_log_in(&mia.email()).await;
    let paid = crate::testkit::send(
        &app,
        Method::POST,
        &format!("/api/v1/test-mode/bookings/{mias}/pay"),
        &mias_token,
        Some(json!({"outcome": "succeed"})),
    )
    .await;
    assert_eq!(paid.status, 200, "{paid}");
    assert!(both(&told(), &mia), "a late payment");
}

/// Two instances on PostgreSQL and Redis: a dashboard kept on instance two shows a
/// cancellation and a new name made through instance one.
#[tokio::test]
async fn a_dashboard_kept_on_one_instance_follows_writes_on_another() {
    let Some(redis_url) = service_url("TEST_REDIS_URL") else {
        return;
    };
    let Some((one, two)) = crate::testkit::two_instances_on(&redis_url).await else {
        return;
    };
    let (ada, leo) = pair(&one).await;
    let id = hold(&leo, &ada, 3, 10).await;
    pay(&leo, &id).await;
    let on_two = leo.browser.same_browser_on(&two);
    let page = |path: &'static str| {
        let browser = &on_two;
        async move { browser.get(path).await.text().await.unwrap_or_default() }
    };
    assert!(page("/sessions").await.contains(&format!("/bookings/{id}")));
    assert!(two.viewers.keeps(leo.user.id, &AS_LEARNER), "kept on two");

    rename(&ada, "Ada Lovelace").await;
    eventually("instance two to show the expert's new name", || async {
        page("/sessions").await.contains(">Ada Lovelace<")
    })
    .await;

    cancel(&ada, &id).await;
    eventually("instance two to show the cancellation", || async {
        !page("/sessions").await.contains(&format!("/bookings/{id}"))
    })
    .await;
    assert!(
        page("/sessions?tab=cancelled")
            .await
            .contains(&format!("/bookings/{id}"))
    );
}

both_backends!(a_kept_dashboard_shows_each_change_at_the_next_visit);
both_backends!(a_kept_dashboard_picks_each_tab_as_the_database_does);
both_backends!(every_booking_write_announces_both_its_people);
