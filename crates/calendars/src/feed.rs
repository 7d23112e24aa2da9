//! A subscribed ICS feed, fetched conditionally: the validators of the last answer
//! (ETag, Last-Modified) go back as If-None-Match / If-Modified-Since, and a 304 costs no
//! download and no parse. `webcal://` addresses are fetched over HTTPS.

use crate::http::host_allowed;
use crate::{CalendarError, status_error, unreachable};

/// What the last answer's validators were.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Validators {
    /// The ETag header, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    /// The Last-Modified header, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
}

/// What a fetch found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    /// 304: nothing changed since the validators were given.
    NotModified,
    /// The feed, and the validators to send next time.
    Changed {
        /// The iCalendar text.
        text: String,
        /// Its validators.
        validators: Validators,
    },
}

/// The largest feed read (a busy person's ten years of events is a few MB).
pub const MAX_FEED_BYTES: usize = 20 * 1024 * 1024;

/// A feed's address, normalised: `webcal://` becomes `https://`; only HTTP(S).
pub fn address(raw: &str) -> Option<reqwest::Url> {
    let raw = raw.trim();
    let raw = match raw.strip_prefix("webcal://") {
        Some(rest) => format!("https://{rest}"),
        None => raw.to_owned(),
    };
    let url = reqwest::Url::parse(&raw).ok()?;
    matches!(url.scheme(), "http" | "https")
        .then_some(url)
        .filter(|u| u.host().is_some())
}

/// An ICS feed client.
pub struct FeedClient {
    http: reqwest::Client,
    allow_private: bool,
}

impl FeedClient {
    /// A client; `allow_private` lets it reach private addresses (tests, one machine).
    pub fn new(allow_private: bool) -> Result<Self, CalendarError> {
        Ok(Self {
            http: crate::http::client(allow_private)
                .map_err(|e| CalendarError::Unreachable(e.without_url().to_string()))?,
            allow_private,
        })
    }

    /// Fetches `url`, sending `last`'s validators.
    pub async fn fetch(&self, url: &str, last: &Validators) -> Result<Fetched, CalendarError> {
        let Some(url) = address(url) else {
            return Err(CalendarError::Refused {
                status: 0,
                message: "not an http(s) or webcal address".into(),
            });
        };
        if !host_allowed(&url, self.allow_private) {
            return Err(CalendarError::NotPublic);
        }
        let mut request = self
            .http
            .get(url)
            .header("Accept", "text/calendar, */*;q=0.5");
        if let Some(etag) = &last.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(modified) = &last.last_modified {
            request = request.header("If-Modified-Since", modified);
        }
        let response = request.send().await.map_err(unreachable)?;
        let status = response.status().as_u16();
        if status == 304 {
            return Ok(Fetched::NotModified);
        }
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let validators = Validators {
            etag: header("etag"),
            last_modified: header("last-modified"),
        };
        // A refusal or a failure is told by its status; its page is not read.
        if let Some(e) = status_error(status, "") {
            return Err(e);
        }
        if response
            .content_length()
            .is_some_and(|n| n > MAX_FEED_BYTES as u64)
        {
            return Err(CalendarError::Unreadable("the feed is too large".into()));
        }
        // Read in pieces, so a feed without a length cannot fill the memory.
        let mut response = response;
        let mut bytes: Vec<u8> = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(unreachable)? {
            if bytes.len() + chunk.len() > MAX_FEED_BYTES {
                return Err(CalendarError::Unreadable("the feed is too large".into()));
            }
            bytes.extend_from_slice(&chunk);
        }
        let text = String::from_utf8_lossy(&bytes).into_owned();
        Ok(Fetched::Changed { text, validators })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn webcal_becomes_https_and_other_schemes_are_refused() {
        assert_eq!(
            address("webcal://example.com/a.ics").unwrap().as_str(),
            "https://example.com/a.ics"
        );
        assert!(address("file:///etc/passwd").is_none());
        assert!(address("ftp://example.com/a.ics").is_none());
        assert!(address("not a url").is_none());
    }
}
