//! A TCP gate in front of the real Redis, for outages on demand: open (forwarding), closed
//! (every connection cut and new ones reset, as when Redis is killed) or frozen (connections
//! accepted and held, nothing answered, as when Redis is stopped with SIGSTOP).

use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    Open,
    Closed,
    Frozen,
}

pub struct RedisGate {
    /// `redis://127.0.0.1:PORT`, through the gate.
    pub url: String,
    mode: watch::Sender<Gate>,
    accepting: tokio::task::JoinHandle<()>,
}

impl RedisGate {
    /// A gate in front of `upstream` (a `redis://host:port` URL), open.
    pub async fn start(upstream: &str) -> RedisGate {
        let target = upstream
            .trim_start_matches("redis://")
            .split('/')
            .next()
            .unwrap()
            .to_owned();
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("redis://{}", listener.local_addr().unwrap());
        let (mode, _) = watch::channel(Gate::Open);
        let watcher = mode.clone();
        let accepting = tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                tokio::spawn(pass(client, target.clone(), watcher.subscribe()));
            }
        });
        RedisGate {
            url,
            mode,
            accepting,
        }
    }

    pub fn set(&self, gate: Gate) {
        self.mode.send_replace(gate);
    }
}

impl Drop for RedisGate {
    fn drop(&mut self) {
        self.accepting.abort();
    }
}

/// One client connection, for as long as the gate lets it live.
async fn pass(mut client: TcpStream, target: String, mut mode: watch::Receiver<Gate>) {
    let current = *mode.borrow_and_update();
    match current {
        Gate::Closed => {
            // Closed at once, as a killed Redis's port would be.
            drop(client);
            return;
        }
        Gate::Frozen => {
            // Held open, never answered, until the gate changes.
            let _ = mode.changed().await;
            return;
        }
        Gate::Open => {}
    }
    let Ok(mut upstream) = TcpStream::connect(&target).await else {
        return;
    };
    tokio::select! {
        _ = tokio::io::copy_bidirectional(&mut client, &mut upstream) => {}
        _ = async {
            while mode.changed().await.is_ok() {
                if *mode.borrow() != Gate::Open {
                    break;
                }
            }
        } => {
            // Closed or frozen: this connection dies either way (a frozen Redis's old
            // connections answer nothing; new ones are held by the code above).
            if *mode.borrow() == Gate::Frozen {
                let _ = mode.changed().await;
            }
            let _ = upstream.shutdown().await;
        }
    }
}
