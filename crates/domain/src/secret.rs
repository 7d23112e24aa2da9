//! Bearer secrets (session cookies, email links, refresh tokens): 256 random bits handed to
//! the person once, and only their SHA-256 kept, so a database leak grants nothing.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// A freshly made secret, in the form given to its holder.
pub struct Secret(String);

impl Secret {
    /// 256 fresh random bits, URL-safe base64 (43 characters).
    pub fn generate() -> Self {
        let mut bytes = [0u8; 32];
        // ThreadRng is a CSPRNG reseeded from the operating system.
        rand::rng().fill_bytes(&mut bytes);
        Self(URL_SAFE_NO_PAD.encode(bytes))
    }

    /// The secret itself, to hand to its holder once (cookie, link, response body); never
    /// to store or log.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The form kept in the database.
    pub fn digest(&self) -> SecretDigest {
        SecretDigest::of(&self.0)
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// The stored form of a secret: lowercase hex SHA-256.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SecretDigest(String);

impl SecretDigest {
    /// The digest of a secret as presented by a client (cookie, link, request body).
    pub fn of(presented: &str) -> Self {
        Self::of_bytes(presented.as_bytes())
    }

    /// The SHA-256 of any bytes (file contents), in the same hex form.
    pub fn of_bytes(bytes: &[u8]) -> Self {
        let digest = Sha256::digest(bytes);
        Self(digest.iter().map(|b| format!("{b:02x}")).collect())
    }

    /// A digest read back from storage.
    pub fn of_stored(hex: String) -> Self {
        Self(hex)
    }

    /// The hex digest, as stored and compared.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_unique_url_safe_and_only_their_digest_matches() {
        let a = Secret::generate();
        let b = Secret::generate();
        assert_ne!(a.expose(), b.expose());
        assert_eq!(a.expose().len(), 43);
        assert!(
            a.expose()
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
        );
        assert_eq!(a.digest(), SecretDigest::of(a.expose()));
        assert_ne!(a.digest(), b.digest());
        assert_eq!(a.digest().as_str().len(), 64);
        assert_eq!(format!("{a:?}"), "Secret(***)");
    }
}
