//! The HTTP client calendar connections go through. The addresses come from experts, so
//! the client is guarded against reaching inside the deployment (SSRF): every host name is
//! resolved by `PublicOnly`, which refuses loopback, private, link-local (cloud metadata)
//! and other special addresses, and redirects to an address literal are checked the same
//! way. Tests and single-machine setups with a calendar server on the same network turn
//! the guard off (`calendar_allow_private_hosts`).

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};

/// Whether an address is one the public internet can have.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            !(v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_documentation()
                || v4.is_multicast()
                // 100.64.0.0/10, carrier-grade NAT; 0.0.0.0/8; 192.0.0.0/24 (protocol
                // assignments); 198.18.0.0/15 (benchmarking); 240.0.0.0/4 (reserved).
                || (a == 100 && (64..128).contains(&b))
                || a == 0
                || (a == 192 && b == 0 && c == 0)
                || (a == 198 && (b == 18 || b == 19))
                || a >= 240)
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public(IpAddr::V4(v4));
            }
            let seg = v6.segments();
            // Addresses that carry an IPv4 address inside: NAT64 (64:ff9b::/96), 6to4
            // (2002::/16) and the old IPv4-compatible form (::a.b.c.d).
            let embedded = |hi: u16, lo: u16| {
                IpAddr::V4(std::net::Ipv4Addr::new(
                    (hi >> 8) as u8,
                    hi as u8,
                    (lo >> 8) as u8,
                    lo as u8,
                ))
            };
            if seg[0] == 0x64 && seg[1] == 0xff9b && seg[2..6].iter().all(|s| *s == 0) {
                return is_public(embedded(seg[6], seg[7]));
            }
            if seg[0] == 0x2002 {
                return is_public(embedded(seg[1], seg[2]));
            }
            if seg[..6].iter().all(|s| *s == 0) && !v6.is_loopback() && !v6.is_unspecified() {
                return is_public(embedded(seg[6], seg[7]));
            }
            // Local-use NAT64 (64:ff9b:1::/48, RFC 8215), Teredo (2001::/32, whose IPv4
            // part is hidden), IPv4-translated (::ffff:0:0:0/96) and old site-local
            // (fec0::/10): refused outright.
            if (seg[0] == 0x64 && seg[1] == 0xff9b && seg[2] == 1)
                || (seg[0] == 0x2001 && seg[1] == 0)
                || (seg[..4].iter().all(|s| *s == 0) && seg[4] == 0xffff && seg[5] == 0)
                || (seg[0] & 0xffc0) == 0xfec0
            {
                return false;
            }
            let first = seg[0];
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                // fc00::/7 unique local, fe80::/10 link-local.
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80)
        }
    }
}

/// What the resolver's refusal says (recognised in the error chain).
pub(crate) const NOT_PUBLIC: &str = "not a public address";

/// Resolves names to public addresses only.
struct PublicOnly;

impl Resolve for PublicOnly {
    fn resolve(&self, name: Name) -> Resolving {
        let host = name.as_str().to_owned();
        Box::pin(async move {
            let found: Vec<SocketAddr> = tokio_lookup(&host).await?;
            let public: Vec<SocketAddr> = found.into_iter().filter(|a| is_public(a.ip())).collect();
            if public.is_empty() {
                return Err(format!("{host}: {NOT_PUBLIC}").into());
            }
            let addrs: Addrs = Box::new(public.into_iter());
            Ok(addrs)
        })
    }
}

async fn tokio_lookup(
    host: &str,
) -> Result<Vec<SocketAddr>, Box<dyn std::error::Error + Send + Sync>> {
    Ok(tokio::net::lookup_host((host, 0)).await?.collect())
}

/// Whether a URL's host may be reached: always when private hosts are allowed; else not
/// when it is an address literal of a private range (names are checked when resolved).
pub fn host_allowed(url: &reqwest::Url, allow_private: bool) -> bool {
    if allow_private {
        return true;
    }
    match url.host() {
        Some(url::Host::Ipv4(ip)) => is_public(IpAddr::V4(ip)),
        Some(url::Host::Ipv6(ip)) => is_public(IpAddr::V6(ip)),
        Some(url::Host::Domain(d)) => !d.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

/// The client: a timeout, rustls on ring, at most 5 redirects to allowed hosts, and the
/// public-only resolver unless `allow_private` (then no proxy either: a proxy would
/// resolve names itself, past the guard). Fails rather than fall back to a client
/// without the guard.
pub(crate) fn client(allow_private: bool) -> Result<reqwest::Client, reqwest::Error> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let redirects = reqwest::redirect::Policy::custom(move |attempt| {
        if attempt.previous().len() >= 5 {
            attempt.error("too many redirects")
        } else if host_allowed(attempt.url(), allow_private) {
            attempt.follow()
        } else {
            attempt.error(format!("a redirect: {NOT_PUBLIC}"))
        }
    });
    let mut builder = reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .connect_timeout(Duration::from_secs(10))
        .user_agent(concat!(
            "Mentora/",
            env!("CARGO_PKG_VERSION"),
            " (calendar sync)"
        ))
        .redirect(redirects);
    if !allow_private {
        builder = builder.dns_resolver(Arc::new(PublicOnly)).no_proxy();
    }
    builder.build()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn inside_addresses_are_not_public() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "64:ff9b::a9fe:a9fe",
            "2002:7f00:1::",
            "::10.0.0.1",
            "198.18.0.1",
            "240.0.0.1",
            "64:ff9b:1::a00:1",
            "2001:0:4136:e378::1",
            "::ffff:0:a00:1",
            "fec0::1",
        ] {
            assert!(!is_public(ip.parse().unwrap()), "{ip}");
        }
        for ip in [
            "8.8.8.8",
            "2606:4700:4700::1111",
            "17.0.0.1",
            "2002:808:808::1",
            "64:ff9b::808:808",
        ] {
            assert!(is_public(ip.parse().unwrap()), "{ip}");
        }
    }

    #[test]
    fn address_literals_and_localhost_are_refused_unless_allowed() {
        let url = |u: &str| reqwest::Url::parse(u).unwrap();
        assert!(!host_allowed(&url("http://169.254.169.254/latest"), false));
        assert!(!host_allowed(&url("http://localhost:5232/"), false));
        assert!(!host_allowed(&url("http://[::1]/"), false));
        assert!(host_allowed(&url("https://caldav.fastmail.com/"), false));
        assert!(host_allowed(&url("http://127.0.0.1:5232/"), true));
    }
}
