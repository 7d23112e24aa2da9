//! The directory's result cache over real HTTP on both databases: the version the triggers
//! keep moves exactly when a listing could change, and a search after any such change
//! answers from the database again.

use crate::both_backends;
use crate::testkit::{Backend, TestApp, directory_names as names, ts};

async fn the_version_moves_when_listings_can_change(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let version = || store::directory::version(&app.db);
    let start = version().await.unwrap();
    let expert = app
        .bookable_expert("liam@example.org", "Acoustic guitar")
        .await;
    let listed = version().await.unwrap();
    assert!(listed > start, "creating and approving a profile");

    // Logging in (sessions, audit) changes nothing a listing shows.
    app.log_in_as("liam@example.org").await;
    assert_eq!(version().await.unwrap(), listed);

    let renamed = store::users::update_profile(
        &app.db,
        expert.id,
        store::users::ProfileChanges {
            display_name: Some("Liam Byrne".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert!(renamed.is_some());
    let after_rename = version().await.unwrap();
    assert!(after_rename > listed, "a name shows on listings");

    store::experts::set_next_available(&app.db, expert.id, Some(ts(1_900_000_000)))
        .await
        .unwrap();
    let with_slot = version().await.unwrap();
    assert!(
        with_slot > after_rename,
        "the first free slot is filtered on"
    );
    // The sweep recomputes experts whose answer has not changed: no write, no new version
    // (else every instance's cache would empty every five minutes).
    store::experts::set_next_available(&app.db, expert.id, Some(ts(1_900_000_000)))
        .await
        .unwrap();
    assert_eq!(version().await.unwrap(), with_slot);
    store::experts::set_next_available(&app.db, expert.id, None)
        .await
        .unwrap();
    let without = version().await.unwrap();
    assert!(without > with_slot, "losing the slot is a change");
    store::experts::set_next_available(&app.db, expert.id, None)
        .await
        .unwrap();
    assert_eq!(version().await.unwrap(), without);
}

async fn a_cached_search_sees_every_change_on_the_next_request(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let liam = app
        .bookable_expert("liam@example.org", "Acoustic guitar")
        .await;
    assert_eq!(names(&app, "q=guitar").await, ["liam"]);
    assert_eq!(
        names(&app, "q=guitar").await,
        ["liam"],
        "served again (from the cache)"
    );

    // A rename through the API shows at once.
    let (token, _) = app.api_log_in("liam@example.org").await;
    let res = app
        .bearer(reqwest::Method::PATCH, "/api/v1/me", &token)
        .json(&serde_json::json!({"display_name": "Liam Byrne"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(names(&app, "q=guitar").await, ["Liam Byrne"]);

    // A suspension hides them at once, from text search and browsing alike.
    store::experts::set_suspended(&app.db, liam.id, true, "checking a complaint")
        .await
        .unwrap()
        .unwrap();
    assert!(names(&app, "q=guitar").await.is_empty());
    assert!(names(&app, "").await.is_empty());
}

both_backends!(
    the_version_moves_when_listings_can_change,
    a_cached_search_sees_every_change_on_the_next_request,
);
