//! How instants are written where clients read them: RFC 3339 in UTC with a `Z`, to the
//! second (most of the API) or to the millisecond (logs a client may page through).

use jiff::Timestamp;

/// "2026-12-04T15:17:43Z" (any fraction is dropped, not rounded).
pub fn rfc3339_secs(t: &Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Unix seconds as RFC 3339 (empty for a value outside any calendar).
pub fn rfc3339_unix(seconds: i64) -> String {
    Timestamp::from_second(seconds)
        .map(|t| rfc3339_secs(&t))
        .unwrap_or_default()
}

/// "2026-12-04T15:17:43.120Z": always three digits of fraction.
pub fn rfc3339_millis(t: &Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_are_written_as_the_api_has_always_written_them() {
        let t: Timestamp = "2026-12-04T15:17:43.12789Z"
            .parse()
            .unwrap_or(Timestamp::UNIX_EPOCH);
        assert_eq!(rfc3339_secs(&t), "2026-12-04T15:17:43Z");
        assert_eq!(rfc3339_millis(&t), "2026-12-04T15:17:43.127Z");
        let whole: Timestamp = "2026-12-04T15:17:43Z"
            .parse()
            .unwrap_or(Timestamp::UNIX_EPOCH);
        assert_eq!(rfc3339_millis(&whole), "2026-12-04T15:17:43.000Z");
    }
}
