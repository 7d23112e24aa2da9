//! Slow clients cannot take the server down: a trickled request head is cut off at the
//! header-read timeout, a silent connection at the idle timeout (but never a request whose
//! handler is slow), slow connections beyond the cap push out the oldest of their own kind
//! while `/healthz` still answers, kept-alive connections holding every slot make room
//! too, and shutdown's grace bounds how long any of them lasts.
//!
//! Each wait for the server to close a socket is bounded by `GUARD`, far beyond the
//! configured timeouts: it turns a hang into a failure, and times nothing.

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use axum::routing::get;

use crate::testkit::{Backend, TestApp};

const GUARD: Duration = Duration::from_secs(30);

async fn app(configure: impl FnOnce(&mut mentora::config::Config) + Send + 'static) -> TestApp {
    TestApp::builder(Backend::Sqlite)
        .configure(configure)
        .grace(Duration::from_millis(300))
        .spawn()
        .await
        .unwrap()
}

fn addr(app: &TestApp) -> String {
    app.url.trim_start_matches("http://").to_owned()
}

/// Reads until the server closes the connection (end of stream or reset); what it sent.
async fn until_closed(stream: &mut TcpStream) -> Vec<u8> {
    let mut got = Vec::new();
    let closed = tokio::time::timeout(GUARD, async {
        let mut buf = [0u8; 4096];
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(n) => got.extend_from_slice(&buf[..n]),
            }
        }
    })
    .await;
    assert!(closed.is_ok(), "the server kept the connection open");
    got
}

/// The start of a request head that never ends.
const UNFINISHED: &[u8] = b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n";

#[tokio::test]
async fn a_trickled_request_head_is_cut_off_at_the_header_timeout() {
    let app = app(|c| {
        c.header_read_timeout = Duration::from_secs(1);
        c.idle_timeout = Duration::from_secs(600);
    })
    .await;
    let stream = TcpStream::connect(addr(&app)).await.unwrap();
    let (mut read, mut write) = stream.into_split();
    write.write_all(UNFINISHED).await.unwrap();
    // One header byte every 100 ms: the connection is never idle, its head never ends.
    let trickle = tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_millis(100));
        loop {
            tick.tick().await;
            if write.write_all(b"x").await.is_err() {
                return;
            }
        }
    });
    let closed = tokio::time::timeout(GUARD, async {
        let mut buf = [0u8; 1024];
        loop {
            match read.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
        }
    })
    .await;
    trickle.abort();
    assert!(closed.is_ok(), "a trickled header was never cut off");
    app.stop().await;
}

#[tokio::test]
async fn a_connection_silent_past_the_idle_timeout_is_closed() {
    let app = app(|c| {
        c.header_read_timeout = Duration::from_secs(300);
        c.idle_timeout = Duration::from_secs(1);
    })
    .await;
    let mut stream = TcpStream::connect(addr(&app)).await.unwrap();
    let host = addr(&app);
    let request = format!("GET /healthz HTTP/1.1\r\nHost: {host}\r\n\r\n");
    // Two requests on one connection: it is kept alive between them.
    for _ in 0..2 {
        stream.write_all(request.as_bytes()).await.unwrap();
        let mut got = Vec::new();
        let mut buf = [0u8; 1024];
        while !String::from_utf8_lossy(&got).contains("\"ok\"}") {
            let n = stream.read(&mut buf).await.unwrap();
            assert!(n > 0, "closed before answering");
            got.extend_from_slice(&buf[..n]);
        }
        assert!(got.starts_with(b"HTTP/1.1 200"));
    }
    // Then closed once nothing moves.
    let rest = until_closed(&mut stream).await;
    assert!(rest.is_empty(), "{}", String::from_utf8_lossy(&rest));
    app.stop().await;
}

#[tokio::test]
async fn slow_connections_beyond_the_cap_push_out_the_oldest_and_healthz_answers() {
    const CAP: usize = 8;
    const SLOW: usize = 30;
    let app = app(|c| {
        c.max_connections = CAP;
        c.header_read_timeout = Duration::from_secs(300);
        c.idle_timeout = Duration::from_secs(600);
    })
    .await;
    let mut slow = Vec::new();
    for _ in 0..SLOW {
        let mut stream = TcpStream::connect(addr(&app)).await.unwrap();
        stream.write_all(UNFINISHED).await.unwrap();
        slow.push(stream);
    }
    let res = tokio::time::timeout(GUARD, app.get("/healthz"))
        .await
        .expect("/healthz got no answer behind slow connections");
    assert_eq!(res.status().as_u16(), 200);
    // Every slow connection but the newest few was closed to make room, oldest first; the
    // newest is still open (nothing to read, no end of stream).
    for stream in slow.iter_mut().take(SLOW - CAP) {
        until_closed(stream).await;
    }
    let newest = slow.last().unwrap();
    let mut buf = [0u8; 16];
    assert!(
        matches!(newest.try_read(&mut buf), Err(e) if e.kind() == std::io::ErrorKind::WouldBlock),
        "the newest slow connection was closed too"
    );
    app.stop().await;
}

#[tokio::test]
async fn shutdown_closes_slow_connections_within_the_grace() {
    let app = app(|c| {
        c.header_read_timeout = Duration::from_secs(300);
        c.idle_timeout = Duration::from_secs(600);
    })
    .await;
    let mut stream = TcpStream::connect(addr(&app)).await.unwrap();
    stream.write_all(UNFINISHED).await.unwrap();
    // The server has taken the connection once it answers a request sent after it.
    assert_eq!(app.get("/healthz").await.status().as_u16(), 200);
    let stopped = tokio::time::timeout(GUARD, app.stop()).await;
    assert!(stopped.is_ok(), "shutdown waited on a slow client");
    until_closed(&mut stream).await;
}

#[tokio::test]
async fn kept_alive_connections_holding_every_slot_make_room_too() {
    const CAP: usize = 4;
    let app = app(|c| {
        c.max_connections = CAP;
        c.header_read_timeout = Duration::from_secs(300);
        c.idle_timeout = Duration::from_secs(600);
    })
    .await;
    let host = addr(&app);
    let request = format!("GET /healthz HTTP/1.1\r\nHost: {host}\r\n\r\n");
    let mut kept = Vec::new();
    for _ in 0..CAP {
        let mut stream = TcpStream::connect(&host).await.unwrap();
        stream.write_all(request.as_bytes()).await.unwrap();
        let mut buf = [0u8; 1024];
        let n = stream.read(&mut buf).await.unwrap();
        assert!(buf[..n].starts_with(b"HTTP/1.1 200"));
        kept.push(stream);
    }
    // Every slot is held by a connection that has sent a request and now waits quietly.
    let res = tokio::time::timeout(GUARD, app.get("/healthz"))
        .await
        .expect("/healthz got no answer behind kept-alive connections");
    assert_eq!(res.status().as_u16(), 200);
    until_closed(&mut kept[0]).await;
    app.stop().await;
}

#[tokio::test]
async fn a_slow_handler_is_not_an_idle_client() {
    let routes = axum::Router::new().route(
        "/test/slow",
        get(|| async {
            // The handler works (say, waits on a payment provider) past the idle timeout.
            tokio::time::sleep(Duration::from_millis(2500)).await;
            "done"
        }),
    );
    let app = TestApp::builder(Backend::Sqlite)
        .configure(|c| c.idle_timeout = Duration::from_secs(1))
        .extra_routes(routes)
        .spawn()
        .await
        .unwrap();
    let res = app.get("/test/slow").await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.text().await.unwrap(), "done");
    app.stop().await;
}
