//! Zoom's webhooks: each delivery is signed (`x-zm-signature: v0=` HMAC-SHA256 of
//! `v0:{x-zm-request-timestamp}:{body}` with the app's secret token), and Zoom checks a
//! new endpoint with `endpoint.url_validation`, answered with the plain token and its
//! HMAC. Participant joins and leaves carry the meeting id and the participant's email.

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// How far a delivery's timestamp may be from now, in seconds.
pub const TOLERANCE_SECS: i64 = 300;

fn hmac_hex(secret: &str, message: &str) -> String {
    // HMAC takes a key of any length: this never fails.
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret.as_bytes()) else {
        return String::new();
    };
    mac.update(message.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// The signature Zoom puts on `body` sent at `timestamp`.
pub fn signature(secret: &str, timestamp: &str, body: &str) -> String {
    format!("v0={}", hmac_hex(secret, &format!("v0:{timestamp}:{body}")))
}

/// Whether a delivery is Zoom's: the signature matches, and its timestamp is within
/// `TOLERANCE_SECS` of `now` (Unix seconds).
pub fn verify(secret: &str, timestamp: &str, body: &str, given: &str, now: i64) -> bool {
    let Ok(sent) = timestamp.parse::<i64>() else {
        return false;
    };
    let expected = signature(secret, timestamp, body);
    (now - sent).abs() <= TOLERANCE_SECS
        && expected.len() == given.len()
        && expected
            .bytes()
            .zip(given.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

/// The answer to `endpoint.url_validation` for `plain_token`.
pub fn validation_answer(secret: &str, plain_token: &str) -> serde_json::Value {
    serde_json::json!({
        "plainToken": plain_token,
        "encryptedToken": hmac_hex(secret, plain_token),
    })
}

/// A participant joined or left a meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParticipantEvent {
    /// The meeting's id.
    pub meeting_id: String,
    /// The participant's email, when Zoom knows it.
    pub email: Option<String>,
    /// True for a join, false for a leave.
    pub joined: bool,
    /// When, RFC 3339.
    pub at: String,
}

/// The participant event a delivery carries, if it is one.
pub fn participant_event(body: &serde_json::Value) -> Option<ParticipantEvent> {
    let joined = match body["event"].as_str()? {
        "meeting.participant_joined" => true,
        "meeting.participant_left" => false,
        _ => return None,
    };
    let object = &body["payload"]["object"];
    let meeting_id = match &object["id"] {
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::String(s) => s.clone(),
        _ => return None,
    };
    let participant = &object["participant"];
    let at = participant[if joined { "join_time" } else { "leave_time" }]
        .as_str()?
        .to_owned();
    Some(ParticipantEvent {
        meeting_id,
        email: participant["email"].as_str().map(str::to_owned),
        joined,
        at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signed_delivery_verifies_and_a_changed_or_late_one_does_not() {
        let body = r#"{"event":"meeting.participant_joined"}"#;
        let sig = signature("s3cret", "1800000000", body);
        assert!(verify("s3cret", "1800000000", body, &sig, 1_800_000_100));
        assert!(!verify("s3cret", "1800000000", "{}", &sig, 1_800_000_100));
        assert!(!verify("other", "1800000000", body, &sig, 1_800_000_100));
        assert!(!verify("s3cret", "1800000000", body, &sig, 1_800_000_301));
    }

    #[test]
    fn the_url_validation_answer_is_the_tokens_hmac() {
        // Zoom's documented example: HMAC-SHA256 of the plain token, hex.
        let answer = validation_answer("s3cret", "qgg8vlvZRS6UYooatFL8Aw");
        assert_eq!(answer["plainToken"], "qgg8vlvZRS6UYooatFL8Aw");
        assert_eq!(answer["encryptedToken"].as_str().map(str::len), Some(64));
    }

    #[test]
    fn participant_events_read_meeting_email_and_time() {
        let body = serde_json::json!({
            "event": "meeting.participant_left",
            "payload": {"object": {"id": 85746065432_u64, "participant": {
                "email": "lea@example.org", "leave_time": "2026-12-07T10:40:00Z"}}}
        });
        let e = participant_event(&body).unwrap_or_else(|| panic!("an event"));
        assert_eq!(e.meeting_id, "85746065432");
        assert!(!e.joined);
        assert_eq!(e.email.as_deref(), Some("lea@example.org"));
    }
}
