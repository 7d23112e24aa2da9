//! Live sockets from many client addresses, for the live benchmarks.

#![allow(clippy::expect_used)] // a measuring tool that cannot connect has nothing to measure

/// Opens socket `n` from its own loopback address (127.1.x.y, 16 sockets each): the
/// server admits at most 32 sockets per client address, as it would from real clients.
pub async fn open_from(
    n: usize,
    url: &str,
    request: tokio_tungstenite::tungstenite::handshake::client::Request,
) -> Result<
    (
        tokio_tungstenite::WebSocketStream<tokio::net::TcpStream>,
        tokio_tungstenite::tungstenite::handshake::client::Response,
    ),
    tokio_tungstenite::tungstenite::Error,
> {
    let host = url
        .trim_start_matches("ws://")
        .split('/')
        .next()
        .expect("host:port");
    let server: std::net::SocketAddr = host.parse().expect("an IP address and port");
    let group = n / 16;
    let source = std::net::Ipv4Addr::new(127, 1, (group / 250) as u8, (group % 250 + 1) as u8);
    let socket = tokio::net::TcpSocket::new_v4().expect("a socket");
    socket
        .bind(std::net::SocketAddr::from((source, 0)))
        .expect("a loopback source address");
    let stream = socket.connect(server).await.expect("connected");
    tokio_tungstenite::client_async(request, stream).await
}

/// Lets this process open as many sockets as the hard file limit allows.
pub fn raise_file_limit() {
    use nix::sys::resource::{Resource, getrlimit, setrlimit};
    if let Ok((_, hard)) = getrlimit(Resource::RLIMIT_NOFILE) {
        let _ = setrlimit(Resource::RLIMIT_NOFILE, hard, hard);
    }
}
