//! The STUN and TURN servers a browser gathers candidates from. TURN relays media, so
//! it must not be open to anyone: with a shared secret (coturn's `use-auth-secret`, the
//! "TURN REST API"), each participant gets a credential of their own that expires
//! (`username = "{expiry}:{person}"`, `credential = base64(HMAC-SHA1(secret, username))`),
//! minted each time they open or reconnect the room.

use base64::Engine;
use hmac::{Hmac, Mac};
use jiff::{SignedDuration, Timestamp};
use sha1::Sha1;
use uuid::Uuid;

/// One configured server entry: its URLs (`stun:…`, `turn:…`, `turns:…`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IceServer {
    /// The server's URLs.
    pub urls: Vec<String>,
}

/// The ICE servers of the deployment.
#[derive(Debug, Clone, Default)]
pub struct IceSettings {
    /// The servers, as configured.
    pub servers: Vec<IceServer>,
    /// The secret shared with the TURN server; without it TURN entries carry no
    /// credential (and a TURN server would refuse them).
    pub turn_secret: Option<String>,
    /// How long a minted credential is valid.
    pub turn_ttl: SignedDuration,
    /// Only relayed connections (through TURN): neither side learns the other's address.
    pub relay_only: bool,
}

/// An ICE server as the browser's `RTCPeerConnection` takes it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct BrowserIceServer {
    /// The server's URLs.
    pub urls: Vec<String>,
    /// The TURN username (TURN entries only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// The TURN credential (TURN entries only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credential: Option<String>,
}

impl IceSettings {
    /// Reads `ice_servers`: entries separated by whitespace or commas; URLs of one server
    /// joined by `|` (`stun:stun.example.org:3478 turn:turn.example.org:3478?transport=udp|turns:turn.example.org:5349`).
    pub fn parse_servers(raw: &str) -> Result<Vec<IceServer>, String> {
        let mut servers = Vec::new();
        for entry in raw.split([',', ' ', '\n', '\t']).filter(|e| !e.is_empty()) {
            let urls: Vec<String> = entry.split('|').map(str::to_owned).collect();
            for url in &urls {
                let scheme = url.split(':').next().unwrap_or("");
                if !matches!(scheme, "stun" | "stuns" | "turn" | "turns")
                    || url.len() <= scheme.len() + 1
                {
                    return Err(format!(
                        "{url:?} is not a stun:, stuns:, turn: or turns: URL"
                    ));
                }
            }
            servers.push(IceServer { urls });
        }
        Ok(servers)
    }

    /// The browser's `iceTransportPolicy`: `relay` or `all`.
    pub fn transport_policy(&self) -> &'static str {
        if self.relay_only { "relay" } else { "all" }
    }

    /// The servers for `person`'s browser at `now`, TURN ones with a fresh credential.
    pub fn for_person(&self, person: Uuid, now: Timestamp) -> Vec<BrowserIceServer> {
        self.minted(person, now, self.turn_ttl)
    }

    /// The servers for the help page's check: TURN credentials last ten minutes at most
    /// (the check takes seconds; the relay is not a service for anyone signed in).
    pub fn for_check(&self, person: Uuid, now: Timestamp) -> Vec<BrowserIceServer> {
        self.minted(
            person,
            now,
            self.turn_ttl.min(SignedDuration::from_mins(10)),
        )
    }

    /// Whether the deployment has a TURN relay browsers can be given credentials for.
    pub fn has_relay(&self) -> bool {
        self.turn_secret.is_some()
            && self
                .servers
                .iter()
                .any(|s| s.urls.iter().any(|u| u.starts_with("turn")))
    }

    fn minted(&self, person: Uuid, now: Timestamp, ttl: SignedDuration) -> Vec<BrowserIceServer> {
        self.servers
            .iter()
            .map(|server| {
                let turn = server.urls.iter().any(|u| u.starts_with("turn"));
                let (username, credential) = match (&self.turn_secret, turn) {
                    (Some(secret), true) => {
                        let expires = domain::clock::shifted(now, ttl);
                        let (u, c) = turn_credential(secret, person, expires);
                        (Some(u), Some(c))
                    }
                    _ => (None, None),
                };
                BrowserIceServer {
                    urls: server.urls.clone(),
                    username,
                    credential,
                }
            })
            .collect()
    }
}

/// A TURN REST API credential for `person`, valid until `expires`.
pub fn turn_credential(secret: &str, person: Uuid, expires: Timestamp) -> (String, String) {
    let username = format!("{}:{person}", expires.as_second());
    // HMAC takes a key of any length: this never fails.
    let Ok(mut mac) = Hmac::<Sha1>::new_from_slice(secret.as_bytes()) else {
        return (username, String::new());
    };
    mac.update(username.as_bytes());
    let credential = base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes());
    (username, credential)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn servers_parse_and_bad_schemes_are_refused() {
        let servers = IceSettings::parse_servers(
            "stun:stun.example.org:3478, turn:t.example.org:3478?transport=udp|turns:t.example.org:5349",
        )
        .unwrap_or_default();
        assert_eq!(servers.len(), 2);
        assert_eq!(servers[1].urls.len(), 2);
        assert!(IceSettings::parse_servers("http://example.org").is_err());
        assert!(IceSettings::parse_servers("turn:").is_err());
    }

    #[test]
    fn turn_credentials_are_per_person_and_expire() {
        let person = Uuid::from_u128(7);
        let now = Timestamp::from_second(1_800_000_000).unwrap_or(Timestamp::UNIX_EPOCH);
        let settings = IceSettings {
            servers: IceSettings::parse_servers("stun:s.example.org turn:t.example.org")
                .unwrap_or_default(),
            turn_secret: Some("north".into()),
            turn_ttl: SignedDuration::from_hours(2),
            relay_only: false,
        };
        let servers = settings.for_person(person, now);
        assert_eq!(servers[0].username, None, "STUN needs no credential");
        let username = servers[1].username.clone().unwrap_or_default();
        assert_eq!(username, format!("1800007200:{person}"));
        // The value coturn computes for the same secret and username.
        let (_, expected) = turn_credential(
            "north",
            person,
            Timestamp::from_second(1_800_007_200).unwrap_or(now),
        );
        assert_eq!(servers[1].credential.as_deref(), Some(expected.as_str()));
        let other = settings.for_person(Uuid::from_u128(8), now);
        assert_ne!(other[1].credential, servers[1].credential);
    }
}
