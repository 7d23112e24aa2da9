//! One injected clock: rows are stamped, and deadlines judged, by the clock the app was
//! given, never by a read of the system time below the binary. A test moves time on
//! instead of waiting for it.

use std::sync::Arc;

use domain::{Clock, EmailAddress, ManualClock, NewPassword};
use jiff::SignedDuration;
use reqwest::Method;
use store::logins::{self, ClientInfo};
use store::users::{self, NewUser};

use crate::both_backends;
use crate::testkit::{Backend, TestApp, TestDb};

fn instant(text: &str) -> jiff::Timestamp {
    text.parse().unwrap()
}

async fn the_store_stamps_rows_and_judges_expiry_by_the_injected_clock(backend: Backend) {
    let Some(test_db) = TestDb::create(backend).await else {
        return;
    };
    let clock = Arc::new(ManualClock::at(instant("2031-05-04T10:00:00Z")));
    let db = store::Database::connect(&test_db.url, 4)
        .await
        .unwrap()
        .with_clock(clock.clone());
    store::migrations::apply(&db).await.unwrap();

    let user = users::create(
        &db,
        NewUser {
            email: EmailAddress::parse("ines@example.org").unwrap(),
            display_name: "Inès".into(),
            password_hash: NewPassword::parse("long enough pass")
                .unwrap()
                .hash()
                .unwrap(),
            email_verified: false,
            extra_roles: vec![],
            locale: "en".into(),
            time_zone: "Europe/Lisbon".into(),
            currency: "EUR".into(),
        },
    )
    .await
    .unwrap();
    assert_eq!(user.created_at, instant("2031-05-04T10:00:00Z"));

    let client = ClientInfo {
        ip: None,
        user_agent: None,
        device: None,
    };
    let opened = logins::open(&db, user.id, &client, SignedDuration::from_hours(1))
        .await
        .unwrap();
    let secret = opened.secret.expose().to_owned();
    clock.advance(59 * 60);
    assert!(logins::find_active(&db, &secret).await.unwrap().is_some());
    clock.advance(2 * 60);
    assert!(
        logins::find_active(&db, &secret).await.unwrap().is_none(),
        "a login past its expiry by the injected clock must be over"
    );
}

/// Through HTTP: a page login lasts 14 days and an API access token 15 minutes, both by
/// the app's clock.
async fn logins_and_access_tokens_expire_by_the_apps_clock(backend: Backend) {
    let clock = Arc::new(ManualClock::at(jiff::Timestamp::now()));
    let Some(app) = TestApp::builder(backend).clock(clock.clone()).spawn().await else {
        return;
    };
    let tomas = app.learner("tomas").await;
    assert_eq!(tomas.page("/sessions").await.0, 200);
    assert_eq!(tomas.api(Method::GET, "/api/v1/me", None).await.status, 200);

    clock.advance(16 * 60);
    let me = tomas.api(Method::GET, "/api/v1/me", None).await;
    assert_eq!((me.status, me.code()), (401, "token_expired"), "{me}");
    assert_eq!(
        tomas.page("/sessions").await.0,
        200,
        "the page login (14 days) outlives the access token"
    );

    clock.advance(14 * 86_400);
    let res = tomas.browser.get("/sessions").await;
    assert_eq!(res.status().as_u16(), 303, "a login past 14 days is over");
    assert!(
        res.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/login"),
        "{:?}",
        res.headers()["location"]
    );
    assert_eq!(clock.now().as_second(), app_clock_seconds(&app));
}

/// What the running app believes the time is.
fn app_clock_seconds(app: &TestApp) -> i64 {
    app.db.clock().now().as_second()
}

both_backends!(
    the_store_stamps_rows_and_judges_expiry_by_the_injected_clock,
    logins_and_access_tokens_expire_by_the_apps_clock,
);
