#![allow(clippy::expect_used, clippy::panic)] // a benchmark that cannot set up has nothing to measure

//! Live fan-out: how long an event takes from `LiveHub::publish` to arriving at each of
//! 1,000 WebSocket clients following its channel, over real sockets to a real server in
//! this process; in-process (one instance), and, when `BENCH_REDIS_URL` is set, published
//! on instance A and received by clients of instance B through Redis pub/sub.
//!
//! `cargo bench -p mentora --bench live` (results in BENCHMARKS.md).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures::{SinkExt, StreamExt};

#[path = "support/loopback.rs"]
mod loopback;
use loopback::{open_from, raise_file_limit};
use tokio_tungstenite::tungstenite::Message;

const SUBSCRIBERS: usize = 1_000;
const EVENTS: usize = 100;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    payments::stripe::install_crypto_provider();
    raise_file_limit();
    let dir = std::env::temp_dir().join(format!("mentora-live-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let one = start(&dir.join("one"), None).await;
    report("in-process", &measure(&one, &one).await);
    if let Ok(redis) = std::env::var("BENCH_REDIS_URL") {
        let prefix = format!("bench-{}", std::process::id());
        let a = start(&dir.join("a"), Some((&redis, &prefix))).await;
        let b = start(&dir.join("b"), Some((&redis, &prefix))).await;
        // Both subscribed before anything is published.
        tokio::time::sleep(Duration::from_millis(500)).await;
        report("through Redis", &measure(&a, &b).await);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

struct Running {
    url: String,
    live: Arc<app::live::LiveHub>,
}

async fn start(dir: &std::path::Path, redis: Option<(&str, &str)>) -> Running {
    std::fs::create_dir_all(dir).expect("a folder");
    let sources = mentora::config::Sources {
        file: None,
        env: HashMap::new(),
        flags: HashMap::from([("addr", "127.0.0.1:0".to_owned())]),
    };
    let mut config = mentora::config::Config::load(&sources).expect("defaults load");
    config.data_dir = dir.to_owned();
    config.database_url = format!("sqlite://{}/bench.db", dir.display());
    if let Some((url, prefix)) = redis {
        config.redis_url = Some(url.to_owned());
        config.limits_prefix = prefix.to_owned();
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port");
    config.addr = listener.local_addr().expect("an address");
    let app = mentora::app::build(&config).await.expect("the app builds");
    let live = app.live.clone();
    let limits = mentora::connections::serve_limits(&config);
    tokio::spawn(web::serve(
        listener,
        app.router,
        std::future::pending(),
        limits,
    ));
    Running {
        url: format!("ws://{}/ws", config.addr),
        live,
    }
}

/// Publishes `EVENTS` events on `publisher`, each to `SUBSCRIBERS` clients of `receiver`;
/// returns every delivery's latency.
async fn measure(publisher: &Running, receiver: &Running) -> Vec<Duration> {
    let expert = uuid::Uuid::new_v4();
    let channel = format!("expert:{expert}");
    let origin = receiver.url.replace("ws://", "http://").replace("/ws", "");
    let mut clients = Vec::with_capacity(SUBSCRIBERS);
    for n in 0..SUBSCRIBERS {
        let mut request =
            tokio_tungstenite::tungstenite::client::IntoClientRequest::into_client_request(
                receiver.url.as_str(),
            )
            .expect("a request");
        request
            .headers_mut()
            .insert("origin", origin.parse().expect("an origin"));
        let (mut ws, _) = open_from(n, &receiver.url, request)
            .await
            .expect("the socket opens");
        let _ready = ws.next().await;
        let subscribe = serde_json::json!({"type": "subscribe", "channels": [channel]});
        ws.send(Message::Text(subscribe.to_string().into()))
            .await
            .expect("subscribed");
        let _ack = ws.next().await;
        clients.push(ws);
    }
    let sent: Arc<std::sync::Mutex<Vec<Option<Instant>>>> =
        Arc::new(std::sync::Mutex::new(vec![None; EVENTS]));
    let mut readers = Vec::new();
    for mut ws in clients {
        let sent = sent.clone();
        readers.push(tokio::spawn(async move {
            let mut latencies = Vec::with_capacity(EVENTS);
            while latencies.len() < EVENTS {
                let Some(Ok(Message::Text(text))) = ws.next().await else {
                    continue;
                };
                let arrived = Instant::now();
                let event: serde_json::Value = serde_json::from_str(&text).expect("JSON");
                let Some(seq) = event["data"]["seq"].as_u64() else {
                    continue;
                };
                let at = sent.lock().expect("lock")[seq as usize].expect("sent first");
                latencies.push(arrived - at);
            }
            latencies
        }));
    }
    for seq in 0..EVENTS {
        sent.lock().expect("lock")[seq] = Some(Instant::now());
        publisher
            .live
            .publish(
                app::live::Channel::Expert(expert),
                "bench",
                serde_json::json!({"seq": seq}),
            )
            .await;
        // One event every 20 ms: latency, not the queue's depth, is what is measured.
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let mut all = Vec::with_capacity(EVENTS * SUBSCRIBERS);
    for reader in readers {
        all.extend(reader.await.expect("a reader"));
    }
    all
}

fn report(what: &str, latencies: &[Duration]) {
    let mut sorted = latencies.to_vec();
    sorted.sort();
    let at = |q: f64| sorted[((sorted.len() as f64 - 1.0) * q) as usize];
    println!(
        "{what}: {} deliveries ({EVENTS} events x {SUBSCRIBERS} sockets): p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        sorted.len(),
        at(0.50).as_secs_f64() * 1e3,
        at(0.99).as_secs_f64() * 1e3,
        at(1.0).as_secs_f64() * 1e3,
    );
}
