//! Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30-second steps), and the
//! recovery codes that stand in for a lost authenticator.

use hmac::{Hmac, Mac};
use rand::RngCore;
use sha1::Sha1;

use crate::SecretDigest;

const STEP_SECONDS: u64 = 30;
/// Digits in a code.
pub const CODE_DIGITS: usize = 6;
/// The most a person may type for a code: its digits, with room for the space an
/// authenticator app shows between the groups ("123 456"), which is ignored.
pub const CODE_INPUT_MAX_CHARS: usize = CODE_DIGITS + 2;
/// A code is the truncated HMAC modulo 10^`CODE_DIGITS`.
const CODE_MODULUS: u32 = 10u32.pow(CODE_DIGITS as u32);
/// Codes one step either side of now are accepted, for clock drift.
const SKEW_STEPS: u64 = 1;
const BASE32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// An authenticator's shared secret: 160 random bits, base32 as authenticator apps expect.
#[derive(Clone)]
pub struct TotpKey(Vec<u8>);

impl TotpKey {
    /// A new key for an authenticator being enrolled: 160 fresh random bits.
    pub fn generate() -> Self {
        let mut bytes = vec![0u8; 20];
        rand::rng().fill_bytes(&mut bytes);
        Self(bytes)
    }

    /// The key from its stored base32 form; `None` when that is not valid base32.
    pub fn from_base32(text: &str) -> Option<Self> {
        let mut bits: u64 = 0;
        let mut count = 0;
        let mut out = Vec::new();
        for c in text.bytes().filter(|c| *c != b'=') {
            let value = BASE32.iter().position(|b| *b == c.to_ascii_uppercase())?;
            bits = (bits << 5) | value as u64;
            count += 5;
            if count >= 8 {
                count -= 8;
                out.push((bits >> count) as u8);
            }
        }
        (!out.is_empty()).then_some(Self(out))
    }

    /// RFC 4648 base32 without padding.
    pub fn base32(&self) -> String {
        let mut out = String::new();
        let mut bits: u64 = 0;
        let mut count = 0;
        for byte in &self.0 {
            bits = (bits << 8) | u64::from(*byte);
            count += 8;
            while count >= 5 {
                count -= 5;
                out.push(BASE32[((bits >> count) & 31) as usize] as char);
            }
        }
        if count > 0 {
            out.push(BASE32[((bits << (5 - count)) & 31) as usize] as char);
        }
        out
    }

    /// The `otpauth://` URI an authenticator app scans.
    pub fn uri(&self, account: &str) -> String {
        let label: String = form_urlencoded_component(&format!("Mentora:{account}"));
        format!(
            "otpauth://totp/{label}?secret={}&issuer=Mentora&algorithm=SHA1&digits={CODE_DIGITS}&period={STEP_SECONDS}",
            self.base32()
        )
    }

    /// The code for the step containing `unix_seconds` (used by tests and demo tooling).
    pub fn code_at(&self, unix_seconds: u64) -> String {
        self.code_for_step(unix_seconds / STEP_SECONDS)
    }

    fn code_for_step(&self, step: u64) -> String {
        // RFC 4226 dynamic truncation of HMAC-SHA1(key, step).
        let Ok(mut mac) = Hmac::<Sha1>::new_from_slice(&self.0) else {
            return String::new();
        };
        mac.update(&step.to_be_bytes());
        let hash = mac.finalize().into_bytes();
        let offset = usize::from(hash[19] & 0x0f);
        let binary = (u32::from(hash[offset] & 0x7f) << 24)
            | (u32::from(hash[offset + 1]) << 16)
            | (u32::from(hash[offset + 2]) << 8)
            | u32::from(hash[offset + 3]);
        format!("{:0width$}", binary % CODE_MODULUS, width = CODE_DIGITS)
    }

    /// The time step the code belongs to, if it is valid within the allowed skew of
    /// `unix_seconds`. The caller stores the step so the same code is never accepted twice.
    pub fn matching_step(&self, code: &str, unix_seconds: u64) -> Option<i64> {
        let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
        if code.len() != CODE_DIGITS || !code.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let now_step = unix_seconds / STEP_SECONDS;
        (now_step.saturating_sub(SKEW_STEPS)..=now_step + SKEW_STEPS).find_map(|step| {
            let expected = self.code_for_step(step);
            constant_time_eq(expected.as_bytes(), code.as_bytes())
                .then(|| i64::try_from(step).ok())
                .flatten()
        })
    }
}

fn form_urlencoded_component(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b':' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

impl std::fmt::Debug for TotpKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TotpKey(***)")
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// How many recovery codes an account gets.
pub const RECOVERY_CODE_COUNT: usize = 10;

/// Ten fresh recovery codes, shown to the person once (`xxxx-xxxx-xxxx`, 60 bits each).
pub fn generate_recovery_codes() -> Vec<String> {
    (0..RECOVERY_CODE_COUNT)
        .map(|_| {
            let mut bytes = vec![0u8; 8];
            rand::rng().fill_bytes(&mut bytes);
            // 8 bytes → 13 base32 characters; the first 12 carry 60 random bits.
            let chars: Vec<char> = TotpKey(bytes)
                .base32()
                .to_ascii_lowercase()
                .chars()
                .take(12)
                .collect();
            chars
                .chunks(4)
                .map(|c| c.iter().collect::<String>())
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect()
}

/// The stored digest of a recovery code as a person types it (case, spaces and dashes
/// do not matter).
pub fn recovery_code_digest(typed: &str) -> SecretDigest {
    let normal: String = typed
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    SecretDigest::of(&normal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_6238_vector() {
        // RFC 6238 appendix B, SHA-1 secret "12345678901234567890", truncated to 6 digits.
        let key = TotpKey(b"12345678901234567890".to_vec());
        assert_eq!(
            TotpKey::from_base32(&key.base32()).map(|k| k.0),
            Some(key.0.clone())
        );
        assert_eq!(key.base32(), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assert_eq!(key.code_at(59), "287082");
        assert_eq!(key.code_at(1_111_111_109), "081804");
    }

    #[test]
    fn codes_match_within_one_step_only() {
        let key = TotpKey::generate();
        let now = 1_800_000_000;
        let code = key.code_at(now);
        assert_eq!(key.matching_step(&code, now), Some((now / 30) as i64));
        assert!(key.matching_step(&code, now + 30).is_some());
        assert!(key.matching_step(&code, now + 90).is_none());
        assert!(key.matching_step("12345", now).is_none());
        assert!(key.matching_step("abcdef", now).is_none());
        assert!(
            key.uri("a@example.com")
                .starts_with("otpauth://totp/Mentora:a%40example.com?secret=")
        );
    }

    #[test]
    fn recovery_codes_are_distinct_and_typed_loosely() {
        let codes = generate_recovery_codes();
        assert_eq!(codes.len(), 10);
        let distinct: std::collections::HashSet<_> = codes.iter().collect();
        assert_eq!(distinct.len(), 10);
        let code = &codes[0];
        assert_eq!(code.len(), 14);
        assert_eq!(
            recovery_code_digest(code),
            recovery_code_digest(&format!(" {} ", code.to_uppercase().replace('-', " ")))
        );
    }
}
