//! The live socket over real WebSocket connections: who may open it and follow what,
//! events as holds come and go, catching up after a reconnect, and two instances sharing
//! events (and schedule changes) through Redis.

use std::time::Duration;

use futures::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::tungstenite::{self, Message};
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

use crate::bookings::{at, expert, hold_body, learner, post_hold, rules};
use crate::both_backends;
use crate::testkit::{Backend, TestApp, service_url};

/// A live-socket client, as a page or an API program opens it.
pub(crate) struct Live {
    ws: WebSocketStream<MaybeTlsStream<TcpStream>>,
    /// What the server said first: `{"type":"ready","person":…}`.
    pub ready: Value,
}

impl Live {
    /// Opens `/ws` with `origin` (None: not a browser) and reads the server's `ready`.
    pub async fn open(app: &TestApp, origin: Option<&str>) -> Result<Live, tungstenite::Error> {
        let url = format!("{}/ws", app.url.replace("http://", "ws://"));
        let mut request = url.into_client_request()?;
        if let Some(origin) = origin {
            request.headers_mut().insert(
                "origin",
                HeaderValue::from_str(origin).unwrap_or_else(|e| panic!("{e}")),
            );
        }
        let (ws, _) = tokio_tungstenite::connect_async(request).await?;
        let mut live = Live {
            ws,
            ready: Value::Null,
        };
        live.ready = live.next().await;
        assert_eq!(live.ready["type"], "ready", "{}", live.ready);
        Ok(live)
    }

    /// The site's own origin, as its pages send it.
    pub fn origin_of(app: &TestApp) -> String {
        app.url.clone()
    }

    pub async fn send(&mut self, message: Value) {
        self.ws
            .send(Message::Text(message.to_string().into()))
            .await
            .unwrap_or_else(|e| panic!("sending {message}: {e}"));
    }

    pub async fn subscribe(&mut self, channels: &[String], after: Option<&str>) {
        self.send(json!({"type": "subscribe", "channels": channels, "after": after}))
            .await;
    }

    /// The next message (pings skipped), within `wait`.
    pub async fn next_within(&mut self, wait: Duration) -> Option<Value> {
        loop {
            match tokio::time::timeout(wait, self.ws.next()).await {
                Ok(Some(Ok(Message::Text(text)))) => {
                    return Some(serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}")));
                }
                Ok(Some(Ok(Message::Ping(_) | Message::Pong(_)))) => {}
                Ok(other) => panic!("the socket ended: {other:?}"),
                Err(_) => return None,
            }
        }
    }

    pub async fn next(&mut self) -> Value {
        self.next_within(Duration::from_secs(10))
            .await
            .unwrap_or_else(|| panic!("nothing arrived within 10 s"))
    }

    /// The next error, skipping other messages.
    pub async fn error(&mut self) -> Value {
        loop {
            let message = self.next().await;
            if message["type"] == "error" {
                return message;
            }
        }
    }

    /// The next event of `kind`, skipping others.
    pub async fn event(&mut self, kind: &str) -> Value {
        loop {
            let message = self.next().await;
            if message["type"] == "event" && message["kind"] == kind {
                return message;
            }
        }
    }
}

fn expert_channel(user: &store::users::User) -> String {
    format!("expert:{}", user.id)
}

/// A visitor following an expert hears each hold with its time; one who comes back
/// naming the last event they saw gets what was said while they were away, and one whose
/// last event is unknown is told to reload.
async fn followers_hear_holds_and_catch_up_after_a_reconnect(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let (ana, _) = expert(&app, "ana@example.org", rules(0)).await;
    let (_, lea) = learner(&app, "lea@example.org").await;
    let (_, leo) = learner(&app, "leo@example.org").await;
    let origin = Live::origin_of(&app);

    let mut visitor = Live::open(&app, Some(&origin)).await.unwrap();
    assert_eq!(visitor.ready["person"], Value::Null, "not signed in");
    visitor.subscribe(&[expert_channel(&ana)], None).await;
    assert_eq!(visitor.next().await["type"], "subscribed");
    let first = at(2, 10, 0);
    assert_eq!(
        post_hold(&app, &lea, &hold_body(&ana, &first), None)
            .await
            .status,
        201
    );
    let held = visitor.event("slot_held").await;
    assert_eq!(held["channel"], expert_channel(&ana));
    assert_eq!(
        held["data"]["start"]
            .as_str()
            .map(|s| s.parse::<jiff::Timestamp>().unwrap()),
        Some(first.parse().unwrap())
    );
    let seen = held["id"].as_str().unwrap().to_owned();
    drop(visitor);

    // Said while nobody listened.
    let second = at(2, 14, 0);
    assert_eq!(
        post_hold(&app, &leo, &hold_body(&ana, &second), None)
            .await
            .status,
        201
    );

    let mut back = Live::open(&app, Some(&origin)).await.unwrap();
    back.subscribe(&[expert_channel(&ana)], Some(&seen)).await;
    let missed = back.event("slot_held").await;
    assert_eq!(
        missed["data"]["start"]
            .as_str()
            .map(|s| s.parse::<jiff::Timestamp>().unwrap()),
        Some(second.parse().unwrap()),
        "the hold made while away"
    );

    let mut lost = Live::open(&app, Some(&origin)).await.unwrap();
    lost.subscribe(
        &[expert_channel(&ana)],
        Some(&uuid::Uuid::now_v7().to_string()),
    )
    .await;
    assert_eq!(lost.next().await["type"], "subscribed");
    assert_eq!(lost.next().await["type"], "resync");
}

/// Cross-site WebSocket hijacking: a page on another site cannot open the socket with
/// the visitor's cookies; a page of the site itself can.
#[tokio::test]
async fn a_page_of_another_site_cannot_open_the_socket() {
    let Some(app) = TestApp::spawn(Backend::Sqlite).await else {
        return;
    };
    match Live::open(&app, Some("http://attacker.example")).await {
        Err(tungstenite::Error::Http(response)) => assert_eq!(response.status(), 403),
        Err(e) => panic!("refused the wrong way: {e}"),
        Ok(_) => panic!("a foreign origin opened the socket"),
    }
    let other_port = app.url.replace("127.0.0.1:", "127.0.0.1:1");
    assert!(
        Live::open(&app, Some(&other_port)).await.is_err(),
        "another port is another origin"
    );
    assert!(Live::open(&app, Some(&Live::origin_of(&app))).await.is_ok());
}

/// A person's channel is theirs alone: not for the anonymous, not for a bad token, not
/// for someone else; an access token in the first message makes it theirs, and their
/// notifications arrive there with the unread count.
async fn a_persons_channel_is_theirs_alone(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let (ana, ana_token) = expert(&app, "ana@example.org", rules(0)).await;
    let (lea, lea_token) = learner(&app, "lea@example.org").await;
    let mut client = Live::open(&app, None).await.unwrap();
    client
        .subscribe(&[format!("person:{}", ana.id)], None)
        .await;
    let refused = client.next().await;
    assert_eq!(
        (refused["type"].as_str(), refused["code"].as_str()),
        (Some("error"), Some("forbidden"))
    );

    client
        .send(json!({"type": "auth", "token": "not-a-token"}))
        .await;
    assert_eq!(client.next().await["code"], "token_malformed");

    client
        .send(json!({"type": "auth", "token": ana_token}))
        .await;
    let ready = client.next().await;
    assert_eq!(ready["person"], format!("person:{}", ana.id));
    client
        .subscribe(&[format!("person:{}", lea.id)], None)
        .await;
    assert_eq!(
        client.next().await["code"],
        "forbidden",
        "someone else's channel"
    );
    client
        .send(json!({"type": "auth", "token": lea_token.clone()}))
        .await;
    assert_eq!(client.next().await["code"], "already_signed_in");

    // Lea holds Ana's time: Ana is told, live, with her unread count.
    assert_eq!(
        post_hold(&app, &lea_token, &hold_body(&ana, &at(2, 10, 0)), None)
            .await
            .status,
        201
    );
    app.run_jobs().await;
    let told = client.event("notification").await;
    assert_eq!(told["channel"], format!("person:{}", ana.id));
    assert_eq!(told["data"]["kind"], "booking_held");
    assert_eq!(told["data"]["unread"], 1);
}

/// Two instances on one PostgreSQL and one Redis: a hold made through A reaches a
/// follower connected to B within a second, and B's slots leave the time out at once
/// (its schedule cache heard the same message first).
#[tokio::test]
async fn a_hold_on_one_instance_reaches_followers_and_slots_of_another() {
    let Some(redis_url) = service_url("TEST_REDIS_URL") else {
        return;
    };
    let Some((a, b)) = crate::testkit::two_instances_on(&redis_url).await else {
        return;
    };
    let (ana, _) = expert(&a, "ana@example.org", rules(0)).await;
    let (_, lea) = learner(&a, "lea@example.org").await;
    let start = at(3, 10, 0);
    let day = chrono::NaiveDate::parse_from_str(&start[..10], "%Y-%m-%d").unwrap();
    let slots_path = format!(
        "/api/v1/experts/{}/slots?from={day}&to={}&tz=UTC",
        ana.id,
        day + chrono::Duration::days(1)
    );
    let free = |body: &Value| -> Vec<String> {
        body["slots"]
            .as_array()
            .map(|s| {
                s.iter()
                    .filter_map(|s| s["start"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    let held: jiff::Timestamp = start.parse().unwrap();
    let offered = |starts: &[String]| {
        starts
            .iter()
            .any(|s| s.parse::<jiff::Timestamp>().ok() == Some(held))
    };
    // B's cache is warm with the time free.
    let before: Value = b.get(&slots_path).await.json().await.unwrap();
    assert!(offered(&free(&before)), "{before}");
    for app in [&a, &b] {
        crate::testkit::eventually("both instances to hear each other", || async {
            app.schedules.hub().hears_others()
        })
        .await;
    }

    let mut follower = Live::open(&b, Some(&Live::origin_of(&b))).await.unwrap();
    follower.subscribe(&[expert_channel(&ana)], None).await;
    assert_eq!(follower.next().await["type"], "subscribed");
    assert_eq!(
        post_hold(&a, &lea, &hold_body(&ana, &start), None)
            .await
            .status,
        201
    );
    let heard = tokio::time::timeout(Duration::from_secs(1), follower.event("slot_held"))
        .await
        .expect("the hold reached B's follower within a second");
    assert_eq!(heard["data"]["expert_id"], json!(ana.id));
    let after: Value = b.get(&slots_path).await.json().await.unwrap();
    assert!(
        !offered(&free(&after)),
        "B still offers the held time: {after}"
    );
}

both_backends!(
    followers_hear_holds_and_catch_up_after_a_reconnect,
    a_persons_channel_is_theirs_alone,
);
