//! Stripe webhooks: the signature is checked (HMAC-SHA256 of `"<t>.<body>"` with the
//! endpoint's secret, within a tolerance of the signed time) before anything is parsed.

use hmac::{Hmac, Mac};
use serde::Deserialize;
use sha2::Sha256;

/// Signed times further than this from now are refused (replays of old deliveries).
pub const TOLERANCE_SECS: i64 = 300;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum WebhookError {
    #[error("the Stripe-Signature header is missing or malformed")]
    MalformedHeader,
    #[error("no signature matches")]
    NoMatch,
    #[error("the signed time is outside the tolerance")]
    Stale,
    #[error("the payload is not a Stripe event")]
    NotAnEvent,
}

/// A verified event, with the object it carries.
#[derive(Debug, Clone, Deserialize)]
pub struct Event {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    /// Unix seconds when Stripe created the event (orders out-of-order deliveries).
    pub created: i64,
    /// The connected account it happened on (Connect events: an expert's payouts).
    #[serde(default)]
    pub account: Option<String>,
    pub data: EventData,
}

#[derive(Debug, Clone, Deserialize)]
pub struct EventData {
    pub object: serde_json::Value,
}

/// Verifies `payload` against the `Stripe-Signature` header and parses the event.
pub fn verify(payload: &[u8], header: &str, secret: &str, now: i64) -> Result<Event, WebhookError> {
    let mut timestamp = None;
    let mut signatures = Vec::new();
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", t)) => timestamp = t.parse::<i64>().ok(),
            Some(("v1", s)) => {
                signatures.push(hex::decode(s).map_err(|_| WebhookError::MalformedHeader)?)
            }
            _ => {}
        }
    }
    let timestamp = timestamp.ok_or(WebhookError::MalformedHeader)?;
    if signatures.is_empty() {
        return Err(WebhookError::MalformedHeader);
    }
    let matches = signatures.iter().any(|signature| {
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret.as_bytes()) else {
            return false;
        };
        mac.update(timestamp.to_string().as_bytes());
        mac.update(b".");
        mac.update(payload);
        // Constant-time comparison.
        mac.verify_slice(signature).is_ok()
    });
    if !matches {
        return Err(WebhookError::NoMatch);
    }
    if (now - timestamp).abs() > TOLERANCE_SECS {
        return Err(WebhookError::Stale);
    }
    serde_json::from_slice(payload).map_err(|_| WebhookError::NotAnEvent)
}

/// The `Stripe-Signature` header Stripe would send for `payload` at `timestamp` (tests,
/// and the sandbox's own deliveries).
pub fn sign(payload: &[u8], secret: &str, timestamp: i64) -> String {
    let signature = Hmac::<Sha256>::new_from_slice(secret.as_bytes())
        .map(|mut mac| {
            mac.update(timestamp.to_string().as_bytes());
            mac.update(b".");
            mac.update(payload);
            hex::encode(mac.finalize().into_bytes())
        })
        .unwrap_or_default();
    format!("t={timestamp},v1={signature}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &[u8] = br#"{"id":"evt_1","type":"account.updated","created":1700000000,"data":{"object":{"id":"acct_1"}}}"#;

    #[test]
    fn a_signed_event_verifies_and_parses() {
        let header = sign(BODY, "whsec_test", 1_700_000_000);
        let event = verify(BODY, &header, "whsec_test", 1_700_000_100);
        assert_eq!(
            event.map(|e| (e.id, e.kind)).ok(),
            Some(("evt_1".into(), "account.updated".into()))
        );
    }

    #[test]
    fn wrong_secret_tampering_staleness_and_garbage_are_refused() {
        let header = sign(BODY, "whsec_test", 1_700_000_000);
        assert_eq!(
            verify(BODY, &header, "whsec_other", 1_700_000_000).err(),
            Some(WebhookError::NoMatch)
        );
        let mut tampered = BODY.to_vec();
        tampered[10] = b'X';
        assert_eq!(
            verify(&tampered, &header, "whsec_test", 1_700_000_000).err(),
            Some(WebhookError::NoMatch)
        );
        assert_eq!(
            verify(BODY, &header, "whsec_test", 1_700_000_301).err(),
            Some(WebhookError::Stale)
        );
        assert_eq!(
            verify(BODY, "nonsense", "whsec_test", 1_700_000_000).err(),
            Some(WebhookError::MalformedHeader)
        );
        assert_eq!(
            verify(BODY, "t=1700000000,v1=zz", "whsec_test", 1_700_000_000).err(),
            Some(WebhookError::MalformedHeader)
        );
        // A second, valid signature among several (secret rotation) is accepted.
        let rotated = format!("{},v1=00ff", sign(BODY, "whsec_test", 1_700_000_000));
        assert!(verify(BODY, &rotated, "whsec_test", 1_700_000_000).is_ok());
    }
}
