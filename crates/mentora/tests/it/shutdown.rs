//! Graceful shutdown: in-flight requests finish; new connections are refused.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::routing::get;
use tokio::sync::oneshot;

use crate::both_backends;
use crate::testkit::{Backend, TestApp, eventually};

/// A handler that answers only once the test lets it, and tells the test it has started.
fn gated_route() -> (
    axum::Router<web::AppState>,
    oneshot::Receiver<()>,
    oneshot::Sender<()>,
) {
    let (started_tx, started_rx) = oneshot::channel::<()>();
    let (release_tx, release_rx) = oneshot::channel::<()>();
    let started = Arc::new(Mutex::new(Some(started_tx)));
    let release = Arc::new(Mutex::new(Some(release_rx)));
    let handler = move || {
        let started = started.lock().ok().and_then(|mut s| s.take());
        let release = release.lock().ok().and_then(|mut r| r.take());
        async move {
            if let Some(tx) = started {
                let _ = tx.send(());
            }
            if let Some(rx) = release {
                let _ = rx.await;
            }
            "finished"
        }
    };
    (
        axum::Router::new().route("/test/gated", get(handler)),
        started_rx,
        release_tx,
    )
}

async fn in_flight_requests_finish_after_the_signal(backend: Backend) {
    let (routes, started, release) = gated_route();
    let Some(app) = TestApp::builder(backend).extra_routes(routes).spawn().await else {
        return;
    };
    let client = app.client.clone();
    let url = app.at("/test/gated");
    let in_flight = tokio::spawn(async move { client.get(url).send().await });
    started.await.unwrap_or_else(|e| panic!("{e}"));

    let base = app.url.clone();
    let stopping = tokio::spawn(app.stop());
    // Shutdown has begun once new connections are refused; only then may the request end.
    let healthz = format!("{base}/healthz");
    eventually("the listener to close", || {
        let url = healthz.clone();
        async move { reqwest::get(url).await.is_err() }
    })
    .await;
    assert!(
        !stopping.is_finished(),
        "the server waits for the in-flight request"
    );
    let _ = release.send(());
    let res = in_flight
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.text().await.unwrap_or_default(), "finished");
    let report = stopping.await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report, web::ShutdownReport::Drained);
}

async fn stragglers_are_dropped_when_the_grace_period_ends(backend: Backend) {
    let (routes, started, _never_released) = gated_route();
    let Some(app) = TestApp::builder(backend)
        .extra_routes(routes)
        .grace(Duration::from_millis(200))
        .spawn()
        .await
    else {
        return;
    };
    let client = app.client.clone();
    let url = app.at("/test/gated");
    let _in_flight = tokio::spawn(async move { client.get(url).send().await });
    started.await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(app.stop().await, web::ShutdownReport::GraceExpired);
}

both_backends!(
    in_flight_requests_finish_after_the_signal,
    stragglers_are_dropped_when_the_grace_period_ends,
);
