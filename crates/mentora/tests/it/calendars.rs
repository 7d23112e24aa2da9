//! Outside calendars against real peers: a Radicale CalDAV server (its busy events block
//! slots; a confirmed session appears in it as an event, moves with the session and
//! disappears when it is called off; a wrong password is refused in plain words), a
//! subscribed ICS feed served here with ETags (a 304 reads nothing), a failing calendar
//! told to the expert once with slots paused or kept, a busy time synced through one
//! instance seen on the other, another person's connection out of reach, and addresses
//! inside the deployment refused.
//!
//! The Radicale tests are skipped when `radicale` is not installed, unless
//! `MENTORA_REQUIRE_SERVICES=1`.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use reqwest::Method;
use serde_json::json;
use uuid::Uuid;

use crate::bookings::{at, confirmed, expert, learner, rules};
use crate::both_backends;
use crate::testkit::{Backend, TestApp, eventually, free_port, python_peer, send, service_url};

/// A Radicale server on a free port with one account, `ana` / `app-pass`; stopped with
/// the test.
struct Radicale {
    port: u16,
    _folder: tempfile::TempDir,
    child: Child,
}

impl Drop for Radicale {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const USER: &str = "ana";
const PASSWORD: &str = "app-pass";

impl Radicale {
    async fn start() -> Option<Radicale> {
        if !python_peer("radicale") {
            return None;
        }
        let port = free_port();
        let folder = tempfile::tempdir().unwrap();
        let users: PathBuf = folder.path().join("users");
        std::fs::write(&users, format!("{USER}:{PASSWORD}\n")).unwrap();
        let child = Command::new("python3")
            .args(["-m", "radicale"])
            .arg(format!(
                "--storage-filesystem-folder={}",
                folder.path().join("collections").display()
            ))
            .args(["--server-hosts", &format!("127.0.0.1:{port}")])
            .args(["--auth-type", "htpasswd"])
            .arg(format!("--auth-htpasswd-filename={}", users.display()))
            .args(["--auth-htpasswd-encryption", "plain"])
            .args(["--logging-level", "warning"])
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let server = Radicale {
            port,
            _folder: folder,
            child,
        };
        eventually("radicale to listen", || async {
            std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
        })
        .await;
        Some(server)
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }

    async fn call(&self, method: &str, url: &str, body: Option<String>) -> (u16, String) {
        let client = reqwest::Client::new();
        let mut req = client
            .request(Method::from_bytes(method.as_bytes()).unwrap(), url)
            .basic_auth(USER, Some(PASSWORD));
        if let Some(body) = body {
            req = req
                .header("content-type", "text/calendar; charset=utf-8")
                .body(body);
        }
        let res = req.send().await.unwrap();
        let status = res.status().as_u16();
        (status, res.text().await.unwrap_or_default())
    }

    /// Makes the calendar `name` of `ana`; its URL.
    async fn calendar(&self, name: &str) -> String {
        let url = format!("{}{USER}/{name}/", self.url());
        let body = format!(
            r#"<?xml version="1.0" encoding="utf-8"?><C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop><D:displayname>{name}</D:displayname></D:prop></D:set></C:mkcalendar>"#
        );
        let client = reqwest::Client::new();
        let res = client
            .request(Method::from_bytes(b"MKCALENDAR").unwrap(), &url)
            .basic_auth(USER, Some(PASSWORD))
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 201, "MKCALENDAR {url}");
        url
    }

    /// Puts a busy event `uid` from `start` to `end` (RFC 3339, UTC) into `calendar`.
    async fn busy(&self, calendar: &str, uid: &str, start: &str, end: &str) {
        let stamp = |rfc: &str| rfc.replace(['-', ':'], "");
        let body = format!(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:{}\r\nDTEND:{}\r\nSUMMARY:Dentist\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            stamp(start),
            stamp(end)
        );
        let (status, text) = self
            .call("PUT", &format!("{calendar}{uid}.ics"), Some(body))
            .await;
        assert!(status == 201 || status == 204, "PUT {uid}: {status} {text}");
    }
}

/// Free starts on day `day` (UTC) of the expert, as the public API lists them.
pub(crate) async fn starts(app: &TestApp, expert: &store::users::User, day: i64) -> Vec<String> {
    let (from, to) = (at(day, 0, 0), at(day + 1, 0, 0));
    let body: serde_json::Value = app
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
        .map(|list| {
            list.iter()
                .filter_map(|s| s["start"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Reads the connection now, as its job would (without telling anyone of a failure).
pub(crate) async fn sync_now(app: &TestApp, connection: Uuid) -> app::calendars::sync::Synced {
    app::calendars::sync::sync_connection(&app.db, &app.calendars, &app.schedules, None, connection)
        .await
        .unwrap()
}

/// Whether the slots API says the expert's calendars were checked.
async fn calendar_checked(app: &TestApp, expert: &store::users::User) -> bool {
    let body: serde_json::Value = app
        .get(&format!("/api/v1/experts/{}/slots", expert.id))
        .await
        .json()
        .await
        .unwrap();
    body["calendar_checked"].as_bool().unwrap()
}

/// The expert's only connection and its calendars.
pub(crate) async fn connection_of(
    app: &TestApp,
    expert: Uuid,
) -> (
    store::calendars::Connection,
    Vec<store::calendars::Calendar>,
) {
    let connections = store::calendars::connections_of(&app.db, expert)
        .await
        .unwrap();
    assert_eq!(connections.len(), 1, "{connections:?}");
    let calendars = store::calendars::calendars_of(&app.db, connections[0].id)
        .await
        .unwrap();
    (connections[0].clone(), calendars)
}

both_backends!(caldav_busy_times_block_slots_and_sessions_appear_move_and_vanish);

async fn caldav_busy_times_block_slots_and_sessions_appear_move_and_vanish(backend: Backend) {
    let Some(radicale) = Radicale::start().await else {
        return;
    };
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let (ana, _) = expert(&app, "ana@example.com", rules(0)).await;
    let (_, lea_token) = learner(&app, "lea@example.com").await;
    let work = radicale.calendar("work").await;
    radicale
        .busy(&work, "dentist", &at(1, 10, 0), &at(1, 11, 0))
        .await;
    assert!(starts(&app, &ana, 1).await.contains(&at(1, 10, 0)));

    // A wrong app password is refused beside its field, and nothing is kept.
    app.log_in_as("ana@example.com").await;
    let url = radicale.url();
    let refused = app
        .submit(
            "/calendars/caldav",
            &[("url", &url), ("username", USER), ("password", "wrong")],
        )
        .await;
    assert_eq!(refused.status().as_u16(), 422);
    let page = refused.text().await.unwrap();
    assert!(
        page.contains("refused the user name or app password"),
        "{page}"
    );
    assert!(page.contains(r#"id="password-error""#));
    assert!(!page.contains("wrong"), "a password is never sent back");
    assert!(
        store::calendars::connections_of(&app.db, ana.id)
            .await
            .unwrap()
            .is_empty()
    );

    // Connected from the server's root: discovery finds "work", its dentist appointment
    // blocks every hour-long start that would overlap it.
    let connected = app
        .submit(
            "/calendars/caldav",
            &[("url", &url), ("username", USER), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(connected.status().as_u16(), 303);
    let free = starts(&app, &ana, 1).await;
    for taken in [at(1, 9, 30), at(1, 10, 0), at(1, 10, 30)] {
        assert!(!free.contains(&taken), "{taken} is busy in her calendar");
    }
    assert!(free.contains(&at(1, 9, 0)) && free.contains(&at(1, 11, 0)));
    let (connection, calendars) = connection_of(&app, ana.id).await;
    assert_eq!(calendars.len(), 1);
    assert_eq!(calendars[0].name, "work");
    assert!(calendars[0].blocks && !calendars[0].receives);
    assert_eq!(calendars[0].busy_count, 1);
    let stored = connection.secret_sealed.clone().unwrap();
    assert!(
        !stored.contains(PASSWORD),
        "the app password is sealed at rest"
    );
    let page = app.get("/calendars").await.text().await.unwrap();
    assert!(page.contains("1 busy time ahead"), "{page}");

    // Another expert cannot reconnect it with their own password, nor see it.
    let _ = expert(&app, "bo@example.com", rules(0)).await;
    let bo = app.another_client();
    bo.log_in_as("bo@example.com").await;
    let taken = bo
        .submit(
            &format!("/calendars/{}/reconnect", connection.id),
            &[("username", USER), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(taken.status().as_u16(), 404);
    assert_eq!(connection_of(&app, ana.id).await.0, connection);

    // Her own reconnect: a wrong app password is refused beside the form and the stored
    // one kept; the right one is taken (sealed anew) and the calendar read again.
    let wrong = app
        .submit(
            &format!("/calendars/{}/reconnect", connection.id),
            &[("username", USER), ("password", "not-it")],
        )
        .await;
    assert_eq!(wrong.status().as_u16(), 422);
    let page = wrong.text().await.unwrap();
    assert!(page.contains(&format!(r#"id="reconnect-errors-{}""#, connection.id)));
    assert!(page.contains("refused the user name or app password"));
    assert_eq!(
        connection_of(&app, ana.id).await.0,
        connection,
        "nothing changed"
    );
    let right = app
        .submit(
            &format!("/calendars/{}/reconnect", connection.id),
            &[("username", USER), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(right.status().as_u16(), 303);
    assert_eq!(right.headers()["location"], "/calendars?done=reconnected");
    let (resealed, _) = connection_of(&app, ana.id).await;
    assert_ne!(
        resealed.secret_sealed, connection.secret_sealed,
        "a fresh seal"
    );
    assert!(resealed.error_code.is_none());

    // Sessions go to "work", with the learner's name.
    let calendar = calendars[0].id.to_string();
    let chosen = app
        .submit(
            &format!("/calendars/{}/choose", connection.id),
            &[
                ("blocks", &calendar),
                ("receives", &calendar),
                ("share_names", "true"),
            ],
        )
        .await;
    assert_eq!(chosen.status().as_u16(), 303);
    let id = confirmed(&app, &lea_token, &ana, &at(1, 14, 0)).await;
    app.run_jobs().await;
    let row = store::bookings::find(&app.db, id.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    let event = format!("{work}mentora-session-{}.ics", row.series_id.simple());
    let (status, text) = radicale.call("GET", &event, None).await;
    assert_eq!(status, 200, "{text}");
    let day = at(1, 14, 0)[..10].replace('-', "");
    assert!(text.contains(&format!("DTSTART:{day}T140000Z")), "{text}");
    assert!(text.contains("SUMMARY:Mentora session with"), "{text}");
    assert!(
        !text.contains("ATTENDEE"),
        "no second invitation to the learner"
    );

    // Read again, the session's own event blocks nothing more (it is skipped by its UID;
    // the booking itself blocks its time).
    let synced = sync_now(&app, connection.id).await;
    assert_eq!(
        synced,
        app::calendars::sync::Synced::Ok {
            read: 1,
            unchanged: 0
        }
    );
    assert_eq!(connection_of(&app, ana.id).await.1[0].busy_count, 1);
    // Unchanged, the next read costs one small request.
    let again = sync_now(&app, connection.id).await;
    assert_eq!(
        again,
        app::calendars::sync::Synced::Ok {
            read: 0,
            unchanged: 1
        }
    );

    // Moved to 16:00: the same event moves.
    let moved = send(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{id}/reschedule"),
        &lea_token,
        Some(json!({"start": at(1, 16, 0)})),
    )
    .await;
    assert_eq!(moved.status, 200, "{moved}");
    app.run_jobs().await;
    let (status, text) = radicale.call("GET", &event, None).await;
    assert_eq!(status, 200);
    assert!(text.contains(&format!("DTSTART:{day}T160000Z")), "{text}");
    assert!(!text.contains(&format!("DTSTART:{day}T140000Z")));

    // Cancelled: the event is gone.
    let new_id = moved.json["id"].as_str().unwrap().to_owned();
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
    let (status, _) = radicale.call("GET", &event, None).await;
    assert_eq!(status, 404, "the cancelled session's event was removed");

    // Disconnected: her calendar no longer blocks anything.
    let gone = app
        .submit(&format!("/calendars/{}/disconnect", connection.id), &[])
        .await;
    assert_eq!(gone.status().as_u16(), 303);
    assert!(starts(&app, &ana, 1).await.contains(&at(1, 10, 0)));
}

/// A feed served here: its body, and how many requests and 304s it answered.
#[derive(Default)]
struct Feed {
    body: std::sync::Mutex<(u16, String)>,
    requests: AtomicUsize,
    not_modified: AtomicUsize,
}

async fn serve_feed(feed: Arc<Feed>) -> String {
    use axum::http::{HeaderMap, StatusCode};
    let handler = move |headers: HeaderMap| {
        let feed = feed.clone();
        async move {
            feed.requests.fetch_add(1, Ordering::SeqCst);
            let (status, body) = feed.body.lock().unwrap().clone();
            let etag = format!("\"{:x}\"", body.len());
            if headers
                .get("if-none-match")
                .is_some_and(|v| v.to_str().unwrap_or("") == etag)
            {
                feed.not_modified.fetch_add(1, Ordering::SeqCst);
                return (StatusCode::NOT_MODIFIED, [("etag", etag)], String::new());
            }
            (
                StatusCode::from_u16(status).unwrap(),
                [("etag", etag)],
                body,
            )
        }
    };
    let router = axum::Router::new().route("/basic.ics", axum::routing::get(handler));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await });
    format!("http://{addr}/basic.ics")
}

fn weekly_feed(day: &str) -> String {
    // Every day at 12:00–13:00 Madrid time from `day` on, except the first day.
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nX-WR-CALNAME:Team\r\nBEGIN:VEVENT\r\nUID:lunch\r\nDTSTART;TZID=Europe/Madrid:{day}T120000\r\nDTEND;TZID=Europe/Madrid:{day}T130000\r\nRRULE:FREQ=DAILY\r\nEXDATE;TZID=Europe/Madrid:{day}T120000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
}

both_backends!(a_feed_blocks_its_series_reads_only_changes_and_a_failure_is_told_once);

async fn a_feed_blocks_its_series_reads_only_changes_and_a_failure_is_told_once(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let (ana, ana_token) = expert(&app, "ana@example.com", rules(0)).await;
    let first = at(1, 0, 0)[..10].replace('-', "");
    let feed = Arc::new(Feed::default());
    *feed.body.lock().unwrap() = (200, weekly_feed(&first));
    let url = serve_feed(feed.clone()).await;

    app.log_in_as("ana@example.com").await;
    let refused = app
        .submit("/calendars/feed", &[("feed_url", "ftp://x/y.ics")])
        .await;
    assert_eq!(refused.status().as_u16(), 422);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains(r#"id="feed_url-error""#)
    );
    let subscribed = app.submit("/calendars/feed", &[("feed_url", &url)]).await;
    assert_eq!(subscribed.status().as_u16(), 303);
    let (connection, calendars) = connection_of(&app, ana.id).await;
    assert_eq!(calendars[0].name, "Team", "the feed's own name");

    // Lunch in Madrid blocks 11:00Z (winter, UTC+1) on day 2, not on day 1 (excepted).
    assert!(starts(&app, &ana, 1).await.contains(&at(1, 11, 0)));
    let day2 = starts(&app, &ana, 2).await;
    assert!(!day2.contains(&at(2, 11, 0)) && !day2.contains(&at(2, 10, 30)));
    assert!(day2.contains(&at(2, 12, 0)));

    // Unchanged: the feed answers 304 and nothing is read.
    let sync = || sync_now(&app, connection.id);
    let before = feed.requests.load(Ordering::SeqCst);
    assert_eq!(
        sync().await,
        app::calendars::sync::Synced::Ok {
            read: 0,
            unchanged: 1
        }
    );
    assert_eq!(feed.requests.load(Ordering::SeqCst), before + 1);
    assert_eq!(feed.not_modified.load(Ordering::SeqCst), 1);

    // The feed disappears: the connection fails at once (only the expert can fix that),
    // her slots pause, and she is told once — by email and in the centre.
    *feed.body.lock().unwrap() = (404, "gone".into());
    let notifier_deps = app.job_deps.clone().unwrap();
    let notifier = notifier_deps.notifier();
    for _ in 0..2 {
        let failed = app::calendars::sync::sync_connection(
            &app.db,
            &app.calendars,
            &app.schedules,
            Some(&notifier),
            connection.id,
        )
        .await
        .unwrap();
        assert!(
            matches!(&failed, app::calendars::sync::Synced::Failed(e) if e.code() == "gone"),
            "{failed:?}"
        );
    }
    assert!(
        starts(&app, &ana, 2).await.is_empty(),
        "paused while failing"
    );
    let told: Vec<_> = app::mail::outbox(&app.db, 500)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.to == "ana@example.com" && m.subject.contains("cannot be read"))
        .collect();
    assert_eq!(told.len(), 1, "told once");
    assert!(
        told[0].text.contains("not there any more"),
        "{}",
        told[0].text
    );
    let page = app.get("/calendars").await.text().await.unwrap();
    assert!(
        page.contains("not there any more"),
        "the page words the error"
    );
    assert!(page.contains("learners cannot book your times"));
    let centre = send(&app, Method::GET, "/api/v1/notifications", &ana_token, None).await;
    assert_eq!(
        centre.json["notifications"][0]["link"], "/calendars",
        "{centre}"
    );
    assert!(
        centre.json["notifications"][0]["text"]
            .as_str()
            .unwrap()
            .contains("cannot be read"),
        "{centre}"
    );

    // Choosing to keep taking bookings brings the slots back, marked on the page.
    let calendar = calendars[0].id.to_string();
    let kept = app
        .submit(
            &format!("/calendars/{}/choose", connection.id),
            &[("blocks", &calendar), ("keep_booking", "true")],
        )
        .await;
    assert_eq!(kept.status().as_u16(), 303);
    assert!(!starts(&app, &ana, 2).await.is_empty());
    assert!(!calendar_checked(&app, &ana).await, "marked for learners");
    let slug = store::experts::find(&app.db, ana.id)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let profile = app
        .get(&format!("/experts/{slug}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(profile.contains("Calendar not checked"), "{profile}");

    // Back as it was: the error clears (the busy times kept through the failure still
    // stand, and the feed says nothing changed).
    *feed.body.lock().unwrap() = (200, weekly_feed(&first));
    assert_eq!(
        sync().await,
        app::calendars::sync::Synced::Ok {
            read: 0,
            unchanged: 1
        }
    );
    assert!(!starts(&app, &ana, 2).await.contains(&at(2, 11, 0)));
    let (healed, _) = connection_of(&app, ana.id).await;
    assert!(healed.error_code.is_none() && healed.notified_at.is_none());
    assert!(calendar_checked(&app, &ana).await);

    // Unticked: its busy times go, and a read that was under way when she unticked it
    // writes nothing back.
    let unticked = app
        .submit(&format!("/calendars/{}/choose", connection.id), &[])
        .await;
    assert_eq!(unticked.status().as_u16(), 303);
    assert!(starts(&app, &ana, 2).await.contains(&at(2, 11, 0)));
    let late_write = [(
        jiff::Timestamp::from_second(crate::bookings::secs(&at(2, 11, 0))).unwrap(),
        jiff::Timestamp::from_second(crate::bookings::secs(&at(2, 12, 0))).unwrap(),
    )];
    assert!(
        !store::calendars::replace_busy(&app.db, calendars[0].id, &late_write, None)
            .await
            .unwrap()
    );
    app.schedules
        .changed(ana.id, app::live::AvailabilityChange::RulesChanged)
        .await;
    assert!(starts(&app, &ana, 2).await.contains(&at(2, 11, 0)));
}

both_backends!(a_hold_reads_a_calendar_last_read_more_than_two_minutes_ago);

/// A meeting added to the feed after its last read: within two minutes of that read a
/// hold still takes the time (the documented freshness); later, the hold reads the feed
/// first and is refused.
async fn a_hold_reads_a_calendar_last_read_more_than_two_minutes_ago(backend: Backend) {
    let clock = Arc::new(domain::ManualClock::at(jiff::Timestamp::now()));
    let Some(app) = TestApp::builder(backend).clock(clock.clone()).spawn().await else {
        return;
    };
    let (ana, _) = expert(&app, "ana@example.com", rules(0)).await;
    let (_, lea_token) = learner(&app, "lea@example.com").await;
    let feed = Arc::new(Feed::default());
    let empty = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nEND:VCALENDAR\r\n";
    *feed.body.lock().unwrap() = (200, empty.to_owned());
    let url = serve_feed(feed.clone()).await;
    app.log_in_as("ana@example.com").await;
    let subscribed = app.submit("/calendars/feed", &[("feed_url", &url)]).await;
    assert_eq!(subscribed.status().as_u16(), 303);

    // Meetings at 15:00 and 17:00 the day after tomorrow appear in her calendar.
    let day = at(2, 0, 0)[..10].replace('-', "");
    let meeting = |hour: u32| {
        format!(
            "BEGIN:VEVENT\r\nUID:m{hour}\r\nDTSTART:{day}T{hour}0000Z\r\nDTEND:{day}T{}0000Z\r\nEND:VEVENT\r\n",
            hour + 1
        )
    };
    *feed.body.lock().unwrap() = (
        200,
        format!(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n{}{}END:VCALENDAR\r\n",
            meeting(15),
            meeting(17)
        ),
    );
    let hold = |start: String| {
        let app = &app;
        let token = lea_token.clone();
        async move {
            send(
                app,
                Method::POST,
                "/api/v1/bookings",
                &token,
                Some(json!({"expert_id": ana.id, "start": start, "duration_minutes": 60})),
            )
            .await
        }
    };
    // A minute after the read: fresh enough, not read again; the time is still held.
    clock.advance(60);
    let held = hold(at(2, 15, 0)).await;
    assert_eq!(held.status, 201, "{held}");
    // Three minutes after: read again first, and 17:00 is refused.
    clock.advance(120);
    let refused = hold(at(2, 17, 0)).await;
    assert_eq!(
        (refused.status, refused.code()),
        (409, "slot_unavailable"),
        "{refused}"
    );
    let (read, calendars) = connection_of(&app, ana.id).await;
    assert_eq!(calendars[0].busy_count, 2);

    // On its own schedule: not due before ten minutes have passed since that read, then
    // one `calendar_sync` job (however often instances look) that reads it. (The hold's
    // own jobs run first.)
    app.run_jobs().await;
    assert_eq!(app::calendars::sync::enqueue_due(&app.db).await.unwrap(), 0);
    clock.advance(10 * 60);
    assert_eq!(app::calendars::sync::enqueue_due(&app.db).await.unwrap(), 1);
    assert_eq!(app::calendars::sync::enqueue_due(&app.db).await.unwrap(), 0);
    assert_eq!(app.run_jobs().await, 1);
    let (later, _) = connection_of(&app, ana.id).await;
    assert!(later.last_success_at > read.last_success_at);
    assert_eq!(later.next_sync_at, app.db.clock().now().as_second() + 600);
}

both_backends!(another_persons_connection_is_out_of_reach);

async fn another_persons_connection_is_out_of_reach(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let (ana, _) = expert(&app, "ana@example.com", rules(0)).await;
    let _ = expert(&app, "bo@example.com", rules(0)).await;
    let feed = Arc::new(Feed::default());
    *feed.body.lock().unwrap() = (200, weekly_feed(&at(1, 0, 0)[..10].replace('-', "")));
    let url = serve_feed(feed).await;
    app.log_in_as("ana@example.com").await;
    assert_eq!(
        app.submit("/calendars/feed", &[("feed_url", &url)])
            .await
            .status()
            .as_u16(),
        303
    );
    let (connection, calendars) = connection_of(&app, ana.id).await;

    let bo = app.another_client();
    bo.log_in_as("bo@example.com").await;
    let id = connection.id;
    let calendar = calendars[0].id.to_string();
    for (path, form) in [
        (format!("/calendars/{id}/disconnect"), vec![]),
        (
            format!("/calendars/{id}/choose"),
            vec![("blocks", calendar.as_str())],
        ),
        (
            format!("/calendars/{id}/reconnect"),
            vec![("username", "x"), ("password", "y")],
        ),
    ] {
        let res = bo.submit(&path, &form).await;
        assert_eq!(res.status().as_u16(), 404, "{path}");
    }
    let page = bo.get("/calendars").await.text().await.unwrap();
    assert!(
        !page.contains(&id.to_string()),
        "not listed for someone else"
    );
    assert_eq!(connection_of(&app, ana.id).await.0, connection);

    // A learner sees that calendars are for experts and cannot connect one.
    let _ = learner(&app, "lea@example.com").await;
    let lea = app.another_client();
    lea.log_in_as("lea@example.com").await;
    let page = lea.get("/calendars").await.text().await.unwrap();
    assert!(page.contains("Calendars are for experts"));
    let res = lea.submit("/calendars/feed", &[("feed_url", &url)]).await;
    assert_eq!(res.status().as_u16(), 409);
}

/// An app with the default guard (private addresses refused), an expert signed in.
async fn expert_on_the_default_guard() -> Option<TestApp> {
    let app = TestApp::builder(Backend::Sqlite)
        .configure(|c| c.calendar_allow_private_hosts = false)
        .spawn()
        .await?;
    let _ = expert(&app, "ana@example.com", rules(0)).await;
    app.log_in_as("ana@example.com").await;
    Some(app)
}

/// With the default configuration, an address inside the deployment is refused: an
/// expert cannot make Mentora call its own database, Redis or a cloud metadata service.
#[tokio::test]
async fn addresses_inside_the_deployment_are_refused_by_default() {
    let Some(app) = expert_on_the_default_guard().await else {
        return;
    };
    for url in [
        "http://127.0.0.1:6379/",
        "http://169.254.169.254/latest/meta-data/",
        "http://localhost:5432/feed.ics",
        "http://[::1]/x.ics",
    ] {
        let res = app.submit("/calendars/feed", &[("feed_url", url)]).await;
        assert_eq!(res.status().as_u16(), 422, "{url}");
        assert!(
            res.text()
                .await
                .unwrap()
                .contains("inside a private network"),
            "{url}"
        );
    }
}

/// A host name (not an address literal) that resolves inside: refused when resolved,
/// in the same words. The machine's own name resolves to a loopback address here.
#[tokio::test]
async fn a_name_that_resolves_inside_is_refused_too() {
    let name = std::fs::read_to_string("/etc/hostname").unwrap_or_default();
    let name = name.trim().to_owned();
    let inside = tokio::net::lookup_host((name.as_str(), 80))
        .await
        .map(|mut found| found.any(|a| a.ip().is_loopback() || a.ip().is_unspecified()))
        .unwrap_or(false);
    if name.is_empty() || !inside {
        eprintln!("skipped: this machine's name does not resolve to a loopback address");
        return;
    }
    let Some(app) = expert_on_the_default_guard().await else {
        return;
    };
    let url = format!("http://{name}:9/feed.ics");
    let res = app.submit("/calendars/feed", &[("feed_url", &url)]).await;
    assert_eq!(res.status().as_u16(), 422, "{url}");
    let page = res.text().await.unwrap();
    assert!(page.contains("inside a private network"), "{page}");
}

/// Two instances on PostgreSQL with Redis: a busy time that arrives by a sync on one
/// is missing from the other's very next slots request, though its cache was warm.
#[tokio::test]
async fn a_synced_busy_time_shows_on_every_instance() {
    let Some(redis_url) = service_url("TEST_REDIS_URL") else {
        return;
    };
    let Some((one, two)) = crate::testkit::two_instances_on(&redis_url).await else {
        return;
    };
    let (ana, _) = expert(&one, "ana@example.com", rules(0)).await;
    assert!(
        starts(&two, &ana, 3).await.contains(&at(3, 15, 0)),
        "two warms its cache"
    );
    let feed = Arc::new(Feed::default());
    let day = at(3, 0, 0)[..10].replace('-', "");
    *feed.body.lock().unwrap() = (
        200,
        format!(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:{day}T150000Z\r\nDTEND:{day}T160000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        ),
    );
    let url = serve_feed(feed).await;
    one.log_in_as("ana@example.com").await;
    assert_eq!(
        one.submit("/calendars/feed", &[("feed_url", &url)])
            .await
            .status()
            .as_u16(),
        303
    );
    eventually("instance two to hear of the busy time", || async {
        !starts(&two, &ana, 3).await.contains(&at(3, 15, 0))
    })
    .await;
}
