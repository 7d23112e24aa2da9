//! "Held if still free" after logging in to book a time. The log-in answer that goes on to
//! a review page with `hold=1` also sets this short-lived cookie naming that address (by
//! its SHA-256); the review page holds the time as it opens only when the two match, and
//! clears the cookie. A link to `…&hold=1` from anywhere else shows the page and its
//! button, and holds nothing by itself.

use axum::http::HeaderMap;

use crate::middleware::cookies;

const COOKIE: &str = "mentora_hold_on_arrival";

/// How long the way back may take (logging in, a second factor).
const MAX_AGE_SECS: u32 = 600;

/// Whether `next` is a review page asking to hold on arrival.
fn wants_hold(next: &str) -> bool {
    next.starts_with("/experts/")
        && next.contains("/book?")
        && next.split(['?', '&']).any(|pair| pair == "hold=1")
}

/// The `Set-Cookie` value for a log-in that goes on to `next`, when `next` asks to hold.
pub fn cookie_for(https: bool, next: &str) -> Option<String> {
    let secure = if https { "; Secure" } else { "" };
    wants_hold(next).then(|| {
        format!(
            "{COOKIE}={}; Path=/experts; Max-Age={MAX_AGE_SECS}; HttpOnly; SameSite=Lax{secure}",
            digest(next)
        )
    })
}

/// The `Set-Cookie` value that clears it once used.
pub fn cleared(https: bool) -> String {
    let secure = if https { "; Secure" } else { "" };
    format!("{COOKIE}=; Path=/experts; Max-Age=0; HttpOnly; SameSite=Lax{secure}")
}

/// Whether this request arrives from logging in to hold `address` (the page's own
/// address with `hold=1`).
pub fn arriving(headers: &HeaderMap, address: &str) -> bool {
    cookies::get(headers, COOKIE) == Some(digest(address).as_str())
}

fn digest(address: &str) -> String {
    domain::SecretDigest::of(address).as_str().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn only_the_address_logged_in_for_holds_on_arrival() {
        let address = "/experts/ana/book?start=2026-12-08T10:00:00Z&duration=60&hold=1";
        let set = cookie_for(false, address).unwrap();
        let value = set.split(';').next().unwrap().to_owned();
        let mut headers = HeaderMap::new();
        headers.insert("cookie", HeaderValue::from_str(&value).unwrap());
        assert!(arriving(&headers, address));
        assert!(!arriving(&headers, &address.replace("10:00", "11:00")));
        assert!(!arriving(&HeaderMap::new(), address));
        assert_eq!(cookie_for(false, "/sessions"), None);
        assert_eq!(cookie_for(false, "/experts/ana/book?start=x&hold=10"), None);
        assert!(cookie_for(true, address).unwrap().ends_with("; Secure"));
    }
}
