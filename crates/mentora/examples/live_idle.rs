#![allow(clippy::expect_used, clippy::panic)] // a measuring tool that cannot set up has nothing to measure

//! Opens N idle live sockets to a running `mentora serve` (each following one expert's
//! availability, as a profile page does), keeps them open through two heartbeats, and
//! reports the server's memory and CPU while they idle.
//!
//! `cargo run --release -p mentora --example live_idle -- http://127.0.0.1:8080 10000 SERVER_PID`
//! (results in BENCHMARKS.md).

use std::time::{Duration, Instant};

use futures::{SinkExt, StreamExt};

#[path = "../benches/support/loopback.rs"]
mod loopback;
use loopback::{open_from, raise_file_limit};
use tokio_tungstenite::tungstenite::Message;

#[tokio::main(flavor = "multi_thread", worker_threads = 1)]
async fn main() {
    let mut args = std::env::args().skip(1);
    let base = args.next().expect("the server's URL");
    let count: usize = args
        .next()
        .expect("how many sockets")
        .parse()
        .expect("a number");
    let pid: u32 = args
        .next()
        .expect("the server's pid")
        .parse()
        .expect("a pid");
    raise_file_limit();
    let rss_before = rss_kib(pid);
    let url = format!("{}/ws", base.replace("http://", "ws://"));
    let channel = format!("expert:{}", uuid::Uuid::new_v4());
    let opened = Instant::now();
    let mut sockets = Vec::with_capacity(count);
    for n in 0..count {
        let mut request =
            tokio_tungstenite::tungstenite::client::IntoClientRequest::into_client_request(
                url.as_str(),
            )
            .expect("a request");
        request
            .headers_mut()
            .insert("origin", base.parse().expect("an origin"));
        let (mut ws, _) = open_from(n, &url, request)
            .await
            .unwrap_or_else(|e| panic!("socket {n}: {e}"));
        let _ready = ws.next().await;
        let subscribe = serde_json::json!({"type": "subscribe", "channels": [channel]});
        ws.send(Message::Text(subscribe.to_string().into()))
            .await
            .expect("subscribe");
        let _ack = ws.next().await;
        sockets.push(ws);
    }
    println!(
        "{count} sockets open in {:.1} s",
        opened.elapsed().as_secs_f64()
    );
    // Clients answer pings (tungstenite does, when read): keep reading in the background.
    let mut readers = Vec::new();
    for mut ws in sockets {
        readers.push(tokio::spawn(async move {
            while let Some(Ok(_)) = ws.next().await {}
        }));
    }
    tokio::time::sleep(Duration::from_secs(5)).await;
    let (cpu_before, wall) = (cpu_ticks(pid), Instant::now());
    tokio::time::sleep(Duration::from_secs(60)).await;
    let cpu =
        (cpu_ticks(pid) - cpu_before) as f64 / ticks_per_second() / wall.elapsed().as_secs_f64();
    let rss_after = rss_kib(pid);
    println!(
        "server RSS: {:.1} MiB before, {:.1} MiB with {count} idle sockets ({:.1} KiB each); CPU while idle for 60 s (two heartbeats): {:.1} % of one core",
        rss_before as f64 / 1024.0,
        rss_after as f64 / 1024.0,
        (rss_after - rss_before) as f64 / count as f64,
        cpu * 100.0
    );
    for reader in readers {
        reader.abort();
    }
}

fn rss_kib(pid: u32) -> i64 {
    let status =
        std::fs::read_to_string(format!("/proc/{pid}/status")).expect("the server's status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmRSS")
}

fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("the server's stat");
    let after_name = stat.rsplit_once(')').expect("stat format").1;
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the whole line: 12 and 13 after the name.
    fields[11].parse::<u64>().expect("utime") + fields[12].parse::<u64>().expect("stime")
}

fn ticks_per_second() -> f64 {
    100.0
}
