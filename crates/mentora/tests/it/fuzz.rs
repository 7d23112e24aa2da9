//! No 500s for bad input: every JSON route is sent hostile bodies, queries and path values
//! (wrong types, NUL, huge and negative numbers, invalid UTF-8, deep nesting, long text)
//! by a learner, an expert and an admin with real bookings and profiles behind them; any
//! 5xx fails. The generator is seeded, so a failure names a case that can be replayed.
//! The specific 500s once reproduced (a NUL in a stored field on PostgreSQL, a line break
//! decoded into a redirect) are checked one by one, with nothing written.

use reqwest::Method;
use serde_json::{Value, json};

use crate::bookings::{at, expert, hold_body, learner, post_hold, rules};
use crate::both_backends;
use crate::testkit::{Backend, TestApp};

/// xorshift64*: small, seeded, good enough to pick cases.
struct Cases(u64);

impl Cases {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn text(&mut self) -> String {
        let texts = [
            "a\u{0}b".to_owned(),
            "\u{0}".to_owned(),
            "x".repeat(100_000),
            "مرحبا\u{202e}abc".to_owned(),
            "<script>alert(1)</script>".to_owned(),
            "' OR 1=1 --".to_owned(),
            String::new(),
            "   ".to_owned(),
            "2026-13-45T25:61:00Z".to_owned(),
            "Europe/Nowhere".to_owned(),
            "XXX".to_owned(),
            "s9223372036854775808".to_owned(),
            "\u{feff}\u{200b}".to_owned(),
            "00000000-0000-0000-0000-000000000000".to_owned(),
            "line\nbreak\r\n".to_owned(),
        ];
        self.pick(&texts).clone()
    }

    fn scalar(&mut self) -> Value {
        match self.below(8) {
            0 => Value::Null,
            1 => json!(self.below(2) == 0),
            2 => json!(i64::MIN),
            3 => json!(u64::MAX),
            4 => json!(-1),
            5 => json!(1.0e300),
            6 => json!(0),
            _ => json!(self.text()),
        }
    }

    fn value(&mut self, depth: u32) -> Value {
        if depth > 2 {
            return self.scalar();
        }
        match self.below(10) {
            0 => Value::Array((0..self.below(4)).map(|_| self.value(depth + 1)).collect()),
            1 => self.object(depth + 1),
            _ => self.scalar(),
        }
    }

    fn object(&mut self, depth: u32) -> Value {
        let mut map = serde_json::Map::new();
        for _ in 0..1 + self.below(6) {
            let key = (*self.pick(FIELDS)).to_owned();
            map.insert(key, self.value(depth));
        }
        Value::Object(map)
    }
}

/// Field names the API reads somewhere, so random bodies reach past "unknown field".
const FIELDS: &[&str] = &[
    "amount",
    "bio",
    "currency",
    "decision",
    "display_name",
    "duration_minutes",
    "email",
    "headline",
    "intro_video_url",
    "languages",
    "learning_goals",
    "limit",
    "locale",
    "outcome",
    "password",
    "rates",
    "reason",
    "refresh_token",
    "session_preferences",
    "settlement",
    "side",
    "specialties",
    "start",
    "status",
    "suspended",
    "tab",
    "time_zone",
    "to",
    "totp",
    "expert_id",
    "note",
    "weekly",
    "overrides",
    "min_notice_minutes",
    "horizon_days",
    "durations",
    "slot_step_minutes",
    "buffer_before_minutes",
    "buffer_after_minutes",
    "weekday",
    "end",
    "date",
    "minutes",
    "price_minor",
    "kind",
];

/// Bodies no generator produces by chance.
fn raw_bodies() -> Vec<Vec<u8>> {
    vec![
        b"\xff\xfe\x00{\"a\":1}".to_vec(),
        b"{\"email\":\"\xc3\x28\"}".to_vec(),
        br#"{"note":"a\u0000b"}"#.to_vec(),
        br#"{"duration_minutes":1e999}"#.to_vec(),
        br#"{"duration_minutes":-9223372036854775809}"#.to_vec(),
        format!("{}{}", "[".repeat(5000), "]".repeat(5000)).into_bytes(),
        b"null".to_vec(),
        b"".to_vec(),
        b"{".to_vec(),
    ]
}

fn queries(cases: &mut Cases) -> String {
    let keys = [
        "cursor",
        "q",
        "specialty",
        "price_max",
        "from",
        "to",
        "zone",
        "duration",
        "limit",
        "status",
        "currency",
        "language",
        "sort",
        "page",
    ];
    let values = [
        "s9223372036854775808",
        "-1",
        "99999999999999999999",
        "%00",
        "a%00b",
        "%FF%FE",
        "1e999",
        "",
        "2026-02-30",
        "Mars/Olympus",
        "%0A",
    ];
    (0..1 + cases.below(3))
        .map(|_| format!("{}={}", cases.pick(&keys), cases.pick(&values)))
        .collect::<Vec<_>>()
        .join("&")
}

fn concrete(path: &str, ids: &[(&str, String)], cases: &mut Cases) -> String {
    path.split('/')
        .map(|segment| {
            if !segment.starts_with('{') {
                return segment.to_owned();
            }
            let hostile = [
                "not-a-uuid",
                "99999999999999999999",
                "%00",
                "ffffffff-ffff-ffff-ffff-ffffffffffff",
                "%E2%80%AE",
            ];
            match ids.iter().find(|(name, _)| *name == segment) {
                Some((_, real)) if cases.below(2) == 0 => real.clone(),
                _ => (*cases.pick(&hostile)).to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

async fn no_json_route_answers_bad_input_with_a_5xx(backend: Backend) {
    let Some(app) = TestApp::builder(backend)
        .configure(|c| c.limits = c.limits.scaled(1000))
        .spawn()
        .await
    else {
        return;
    };
    let (expert_user, expert_token) = expert(&app, "fuzz-expert@example.org", rules(0)).await;
    let (_, learner_token) = learner(&app, "fuzz-learner@example.org").await;
    app.create_user("fuzz-admin@example.org", &[domain::Role::Admin])
        .await;
    let (admin_token, _) = app.api_log_in("fuzz-admin@example.org").await;
    let booking = post_hold(
        &app,
        &learner_token,
        &hold_body(&expert_user, &at(3, 10, 0)),
        None,
    )
    .await;
    assert_eq!(booking.status, 201, "{booking}");
    let ids = [
        ("{id}", booking.json["id"].as_str().unwrap().to_owned()),
        ("{slug}", expert_user.id.to_string()),
    ];
    let callers = [learner_token, expert_token, admin_token];
    let mut cases = Cases(0x5EED_F00D);
    let table: Vec<_> = web::route_table()
        .into_iter()
        .filter(|r| r.path.starts_with("/api/v1/"))
        // Ending the caller's login would make the rest of the walk anonymous.
        .filter(|r| r.path != "/api/v1/auth/logout")
        .collect();
    assert!(table.len() > 25, "{}", table.len());
    let raw = raw_bodies();
    let mut sent = 0;
    for route in &table {
        for round in 0..24 {
            let token = cases.pick(&callers).clone();
            let path = concrete(&route.path, &ids, &mut cases);
            let url = format!("{}?{}", app.at(&path), queries(&mut cases));
            let mut req = app
                .client
                .request(route.method.clone(), &url)
                .header("authorization", format!("Bearer {token}"));
            let body = if route.method == Method::GET {
                None
            } else if round % 4 == 3 {
                Some(cases.pick(&raw).clone())
            } else {
                Some(serde_json::to_vec(&cases.object(0)).unwrap())
            };
            let shown = body
                .as_ref()
                .map(|b| String::from_utf8_lossy(&b[..b.len().min(200)]).into_owned());
            if let Some(body) = body {
                req = req.header("content-type", "application/json").body(body);
            }
            let res = req.send().await.unwrap();
            let status = res.status().as_u16();
            let answer = res.text().await.unwrap_or_default();
            assert!(
                status < 500,
                "{} {url} with {shown:?} → {status}: {answer}",
                route.method
            );
            sent += 1;
        }
    }
    assert!(sent > 600, "{sent}");
}

async fn each_reproduced_500_is_now_a_clear_4xx_with_nothing_written(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let (expert_user, _) = expert(&app, "nul-expert@example.org", rules(0)).await;
    let (learner_user, token) = learner(&app, "nul-learner@example.org").await;

    // A booking note with NUL: refused, no hold placed.
    let mut body = hold_body(&expert_user, &at(3, 10, 0));
    body["note"] = json!("bring\u{0}the score");
    let problem = post_hold(&app, &token, &body, None).await;
    assert_eq!((problem.status, problem.code()), (400, "control_character"));
    let listed = crate::testkit::send(&app, Method::GET, "/api/v1/bookings", &token, None).await;
    assert_eq!(
        listed.json["bookings"].as_array().map(Vec::len),
        Some(0),
        "{listed}"
    );

    // A cancel reason with NUL: refused, the booking still held.
    let held = post_hold(&app, &token, &hold_body(&expert_user, &at(3, 12, 0)), None).await;
    assert_eq!(held.status, 201, "{held}");
    let id = held.json["id"].as_str().unwrap();
    let problem = crate::testkit::send(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{id}/cancel"),
        &token,
        Some(json!({"reason": "changed\u{0}my mind"})),
    )
    .await;
    assert_eq!((problem.status, problem.code()), (400, "control_character"));
    let still = crate::testkit::send(
        &app,
        Method::GET,
        &format!("/api/v1/bookings/{id}"),
        &token,
        None,
    )
    .await;
    assert_eq!(still.json["status"], "held");

    // Learning goals with NUL, from the profile form: refused, the profile unchanged.
    app.log_in_as("nul-learner@example.org").await;
    let res = app
        .submit(
            "/account/profile",
            &[
                ("display_name", "Nul"),
                ("time_zone", "UTC"),
                ("locale", "en"),
                ("currency", "EUR"),
                ("learning_goals", "jazz\u{0}harmony"),
                ("session_length_minutes", "60"),
                ("video_provider", "builtin"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 400);
    assert!(res.text().await.unwrap().contains("NUL character"));
    let unchanged = store::users::find_by_id(&app.db, learner_user.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(unchanged.learning_goals, learner_user.learning_goals);

    // A specialty filter with NUL, on the page and in the API.
    for path in [
        "/experts?specialty=a%00b",
        "/api/v1/experts?specialty=a%00b",
    ] {
        assert_eq!(app.get(path).await.status().as_u16(), 400, "{path}");
    }
    // A forged cursor past the deepest page, on the page and in the API.
    for path in [
        "/experts?cursor=s9223372036854775808",
        "/api/v1/experts?cursor=s9223372036854775808",
    ] {
        let status = app.get(path).await.status().as_u16();
        assert!((400..500).contains(&status), "{path} → {status}");
    }

    // A form read from a body that says it is plain text: looked at all the same.
    let csrf = app.csrf_token().await;
    let res = app
        .client
        .post(app.at("/experts/apply"))
        .header("content-type", "text/plain")
        .header("x-csrf-token", &csrf)
        .body("headline=Jazz&bio=a%00b")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 400);

    // A multipart text field (the body the middleware leaves to the upload reader).
    let form = reqwest::multipart::Form::new()
        .text("kind", "id\u{0}card")
        .part(
            "document",
            reqwest::multipart::Part::bytes(b"%PDF-1.7".to_vec()).file_name("id.pdf"),
        );
    let res = app
        .bearer(
            Method::POST,
            "/api/v1/experts/application/documents",
            &token,
        )
        .multipart(form)
        .send()
        .await
        .unwrap();
    let (status, problem) = (res.status().as_u16(), res.json::<Value>().await.unwrap());
    assert_eq!(
        (status, problem["code"].as_str()),
        (400, Some("control_character"))
    );

    // A line break in a slug would have become a line break in a Location header.
    let slug = store::experts::find(&app.db, expert_user.id)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let res = app
        .submit(
            &format!("/experts/{slug}%0A/book"),
            &[("start", &at(3, 14, 0))],
        )
        .await;
    assert_eq!(res.status().as_u16(), 400);
    let res = app
        .submit(&format!("/experts/{slug}%0D%0ASet-Cookie:%20x=1/book"), &[])
        .await;
    assert_eq!(res.status().as_u16(), 400);
    assert!(
        res.headers()
            .get("set-cookie")
            .is_none_or(|c| !c.to_str().unwrap_or("").starts_with("x="))
    );
}

both_backends!(
    no_json_route_answers_bad_input_with_a_5xx,
    each_reproduced_500_is_now_a_clear_4xx_with_nothing_written,
);
