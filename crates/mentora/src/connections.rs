//! How many connections this process may hold: below its open-file limit, which start-up
//! raises to the hard limit where the system allows, keeping a reserve for the database
//! pool, Redis, uploads and logs.

use crate::config::Config;

/// Descriptors kept back from connections.
const RESERVE: u64 = 512;

/// The bounds `web::serve` holds connections to, from the configuration.
pub fn serve_limits(config: &Config) -> web::ServeLimits {
    web::ServeLimits {
        header_read_timeout: config.header_read_timeout,
        idle_timeout: config.idle_timeout,
        max_connections: max_connections(config.max_connections),
        grace: config.shutdown_grace,
    }
}

/// `configured`, or (0) what the file limit leaves; never more than the limit leaves.
fn max_connections(configured: usize) -> usize {
    let room = room_for(open_file_limit());
    let cap = match configured {
        0 => room,
        n => (n as u64).min(room),
    };
    if configured != 0 && (configured as u64) > room {
        tracing::warn!(
            configured,
            allowed = cap,
            "max_connections is above what the open-file limit leaves; using the lower number"
        );
    }
    usize::try_from(cap).unwrap_or(usize::MAX)
}

/// Connections a file limit leaves room for: the limit less the reserve, and never more
/// than half a limit too low to keep the whole reserve.
fn room_for(limit: u64) -> u64 {
    limit.saturating_sub(RESERVE).max(limit / 2).max(1)
}

/// The soft open-file limit after raising it to the hard one (where allowed).
#[cfg(unix)]
fn open_file_limit() -> u64 {
    use nix::sys::resource::{Resource, getrlimit, setrlimit};
    let Ok((soft, hard)) = getrlimit(Resource::RLIMIT_NOFILE) else {
        return 1024;
    };
    if soft < hard {
        match setrlimit(Resource::RLIMIT_NOFILE, hard, hard) {
            Ok(()) => return hard,
            Err(e) => tracing::warn!(error = %e, soft, hard, "cannot raise the open-file limit"),
        }
    }
    soft
}

#[cfg(not(unix))]
fn open_file_limit() -> u64 {
    8192
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connections_stay_below_the_file_limit() {
        let room = room_for(open_file_limit()) as usize;
        assert_eq!(max_connections(0), room);
        assert_eq!(max_connections(10), 10.min(room));
        assert_eq!(max_connections(usize::MAX / 2), room);
        assert_eq!(room_for(20_000), 19_488);
        assert_eq!(room_for(256), 128, "below the reserve, half the limit");
    }
}
