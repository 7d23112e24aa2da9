//! Passwords: length rules and argon2id hashing.

use std::collections::HashSet;
use std::sync::OnceLock;

use argon2::{Algorithm, Argon2, Params, PasswordHasher, PasswordVerifier, Version};

/// Length bounds, in characters, per NIST SP 800-63B: no composition rules.
pub const MIN_CHARS: usize = 8;
pub const MAX_CHARS: usize = 128;

/// OWASP's argon2id recommendation: 19 MiB memory, 2 iterations, 1 lane.
const MEMORY_KIB: u32 = 19 * 1024;
const ITERATIONS: u32 = 2;
const LANES: u32 = 1;

/// A password a person chose, checked against the length rules. Never stored.
pub struct NewPassword(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    #[error("a password has at least {MIN_CHARS} characters")]
    TooShort,
    #[error("a password has at most {MAX_CHARS} characters")]
    TooLong,
    #[error("this password is among the most common ones; choose another")]
    TooCommon,
}

/// The 10,000 most common passwords (see `data/README.md`), lower case.
fn is_common(password: &str) -> bool {
    static COMMON: OnceLock<HashSet<&'static str>> = OnceLock::new();
    COMMON
        .get_or_init(|| {
            include_str!("../data/common-passwords.txt")
                .lines()
                .collect()
        })
        .contains(password.to_lowercase().as_str())
}

impl NewPassword {
    pub fn parse(input: &str) -> Result<Self, PasswordError> {
        let chars = input.chars().count();
        if chars < MIN_CHARS {
            return Err(PasswordError::TooShort);
        }
        if chars > MAX_CHARS {
            return Err(PasswordError::TooLong);
        }
        if is_common(input) {
            return Err(PasswordError::TooCommon);
        }
        Ok(Self(input.to_owned()))
    }

    /// Hashes with argon2id and a fresh random salt. CPU-heavy (tens of milliseconds):
    /// callers on an async runtime run it on a blocking thread.
    pub fn hash(&self) -> Result<PasswordHash, HashError> {
        let hash = hasher()?
            .hash_password(self.0.as_bytes())
            .map_err(|e| HashError(e.to_string()))?;
        Ok(PasswordHash(hash.to_string()))
    }
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

/// A stored password hash in PHC string format (`$argon2id$v=19$m=…`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswordHash(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("password hashing failed: {0}")]
pub struct HashError(String);

impl PasswordHash {
    pub fn from_stored(phc: String) -> Self {
        Self(phc)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True when the hash was made with today's algorithm and parameters; false means it
    /// should be replaced (see `rehash`) the next time the password is known.
    pub fn is_current(&self) -> bool {
        self.0.starts_with(&format!(
            "$argon2id$v=19$m={MEMORY_KIB},t={ITERATIONS},p={LANES}$"
        ))
    }

    /// A hash of `password` with today's parameters, for upgrading an account's stored
    /// hash at login. No length or commonness rules: the password is already the account's.
    pub fn rehash(password: &str) -> Result<PasswordHash, HashError> {
        let hash = hasher()?
            .hash_password(password.as_bytes())
            .map_err(|e| HashError(e.to_string()))?;
        Ok(PasswordHash(hash.to_string()))
    }

    /// True when `candidate` is the password this hash was made from.
    pub fn verify(&self, candidate: &str) -> bool {
        let Ok(parsed) = argon2::PasswordHash::new(&self.0) else {
            return false;
        };
        hasher()
            .map(|h| h.verify_password(candidate.as_bytes(), &parsed).is_ok())
            .unwrap_or(false)
    }
}

fn hasher() -> Result<Argon2<'static>, HashError> {
    let params =
        Params::new(MEMORY_KIB, ITERATIONS, LANES, None).map_err(|e| HashError(e.to_string()))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_is_counted_in_characters_not_bytes() {
        assert_eq!(
            NewPassword::parse("1234567").err(),
            Some(PasswordError::TooShort)
        );
        assert!(NewPassword::parse("ñññññññññ").is_ok());
        assert_eq!(
            NewPassword::parse(&"x".repeat(129)).err(),
            Some(PasswordError::TooLong)
        );
    }

    #[test]
    fn the_most_common_passwords_are_refused_whatever_their_case() {
        for common in [
            "password",
            "iloveyou",
            "12345678",
            "QWERTYUIOP",
            "FootBall",
            "trustno1",
        ] {
            if common.chars().count() >= MIN_CHARS {
                assert_eq!(
                    NewPassword::parse(common).err(),
                    Some(PasswordError::TooCommon),
                    "{common}"
                );
            }
        }
        assert!(NewPassword::parse("correct horse battery staple").is_ok());
        assert_eq!(
            include_str!("../data/common-passwords.txt").lines().count(),
            10_000
        );
    }

    #[test]
    fn hash_is_argon2id_and_verifies_only_the_same_password() -> Result<(), HashError> {
        let hash = NewPassword::parse("correct horse battery")
            .map_err(|e| HashError(e.to_string()))?
            .hash()?;
        assert!(hash.as_str().starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(hash.verify("correct horse battery"));
        assert!(!hash.verify("correct horse battery "));
        assert!(!PasswordHash::from_stored("garbage".into()).verify("x"));
        assert!(hash.is_current());
        // An older, cheaper parameter set still verifies but asks to be replaced.
        let old = argon2::Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(4096, 1, 1, None).map_err(|e| HashError(e.to_string()))?,
        )
        .hash_password(b"correct horse battery")
        .map_err(|e| HashError(e.to_string()))?;
        let old = PasswordHash::from_stored(old.to_string());
        assert!(old.verify("correct horse battery") && !old.is_current());
        assert!(PasswordHash::rehash("correct horse battery")?.is_current());
        Ok(())
    }
}
