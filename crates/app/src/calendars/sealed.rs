//! Secrets kept for outside calendars (CalDAV app passwords, OAuth refresh tokens) are
//! sealed before they are stored: ChaCha20-Poly1305 with the deployment's key (from
//! configuration), a fresh random nonce each time, and the connection's id as associated
//! data, so a sealed secret copied onto another connection does not open. A database leak
//! without the key grants no access to anyone's calendar.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use ring::aead::{Aad, CHACHA20_POLY1305, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use ring::rand::{SecureRandom, SystemRandom};
use uuid::Uuid;

/// The prefix of the stored form, naming the scheme (a later key or algorithm gets `v2:`).
const VERSION: &str = "v1:";

/// The deployment's key for calendar secrets.
#[derive(Clone)]
pub struct SealKey([u8; 32]);

impl std::fmt::Debug for SealKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SealKey(***)")
    }
}

/// Why a secret could not be sealed or opened.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SealError {
    /// The configured key is not 32 bytes of base64.
    #[error("the secrets key must be 32 bytes, base64-encoded")]
    BadKey,
    /// The stored secret was sealed with another key, for another connection, or altered.
    #[error("a stored secret does not open with this key")]
    WontOpen,
    /// The system's random source failed.
    #[error("no randomness")]
    NoRandomness,
}

impl SealKey {
    /// A key from its base64 form (44 characters).
    pub fn from_base64(text: &str) -> Result<Self, SealError> {
        let bytes = STANDARD
            .decode(text.trim())
            .map_err(|_| SealError::BadKey)?;
        let key: [u8; 32] = bytes.try_into().map_err(|_| SealError::BadKey)?;
        Ok(Self(key))
    }

    /// A key from its 32 bytes.
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    /// A fresh random key, in its base64 form (for a new deployment's key file).
    pub fn generate() -> Result<String, SealError> {
        let mut key = [0u8; 32];
        SystemRandom::new()
            .fill(&mut key)
            .map_err(|_| SealError::NoRandomness)?;
        Ok(STANDARD.encode(key))
    }

    fn aead(&self) -> Result<LessSafeKey, SealError> {
        UnboundKey::new(&CHACHA20_POLY1305, &self.0)
            .map(LessSafeKey::new)
            .map_err(|_| SealError::BadKey)
    }

    /// Seals `secret` for connection `owner`.
    pub fn seal(&self, owner: Uuid, secret: &str) -> Result<String, SealError> {
        let mut nonce = [0u8; NONCE_LEN];
        SystemRandom::new()
            .fill(&mut nonce)
            .map_err(|_| SealError::NoRandomness)?;
        let mut sealed = secret.as_bytes().to_vec();
        self.aead()?
            .seal_in_place_append_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(owner.as_bytes()),
                &mut sealed,
            )
            .map_err(|_| SealError::WontOpen)?;
        let mut stored = nonce.to_vec();
        stored.extend_from_slice(&sealed);
        Ok(format!("{VERSION}{}", STANDARD.encode(stored)))
    }

    /// Opens a secret sealed for connection `owner`.
    pub fn open(&self, owner: Uuid, stored: &str) -> Result<String, SealError> {
        let bytes = stored
            .strip_prefix(VERSION)
            .and_then(|b| STANDARD.decode(b).ok())
            .ok_or(SealError::WontOpen)?;
        if bytes.len() < NONCE_LEN {
            return Err(SealError::WontOpen);
        }
        let (nonce, sealed) = bytes.split_at(NONCE_LEN);
        let nonce = Nonce::try_assume_unique_for_key(nonce).map_err(|_| SealError::WontOpen)?;
        let mut sealed = sealed.to_vec();
        let plain = self
            .aead()?
            .open_in_place(nonce, Aad::from(owner.as_bytes()), &mut sealed)
            .map_err(|_| SealError::WontOpen)?;
        String::from_utf8(plain.to_vec()).map_err(|_| SealError::WontOpen)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_secret_opens_only_with_its_key_and_for_its_connection() {
        let key = SealKey::from_base64(&SealKey::generate().unwrap()).unwrap();
        let other = SealKey::from_base64(&SealKey::generate().unwrap()).unwrap();
        let (mine, theirs) = (Uuid::from_u128(1), Uuid::from_u128(2));
        let sealed = key.seal(mine, "app-password-123").unwrap();
        assert!(sealed.starts_with("v1:"));
        assert!(!sealed.contains("app-password"));
        assert_ne!(
            sealed,
            key.seal(mine, "app-password-123").unwrap(),
            "a fresh nonce each time"
        );
        assert_eq!(key.open(mine, &sealed).unwrap(), "app-password-123");
        assert_eq!(key.open(theirs, &sealed), Err(SealError::WontOpen));
        assert_eq!(other.open(mine, &sealed), Err(SealError::WontOpen));
        let mut altered = sealed.clone();
        altered.pop();
        altered.push('A');
        assert_eq!(key.open(mine, &altered), Err(SealError::WontOpen));
        assert_eq!(
            SealKey::from_base64("short").map(|_| ()),
            Err(SealError::BadKey)
        );
        assert_eq!(format!("{key:?}"), "SealKey(***)");
    }
}
