//! Passwords: length, the common-password list, a strength estimate (zxcvbn, with the
//! person's own name and address as words an attacker would try first), and argon2id.
//!
//! NIST SP 800-63B asks for no composition rules; it asks to refuse passwords that are
//! known, expected or guessable. The 10,000-word list alone let "password123" through
//! (only 2,086 of its entries have eight characters or more), so a new password must also
//! reach zxcvbn's score 3 ("safely unguessable": about 10^8 guesses or more), and a refusal
//! says why in the estimator's words (mapped to our own messages, in every language).

use std::collections::HashSet;
use std::sync::OnceLock;

use argon2::{Algorithm, Argon2, Params, PasswordHasher, PasswordVerifier, Version};

/// Length bounds, in characters, per NIST SP 800-63B: no composition rules.
pub const MIN_CHARS: usize = 8;
/// The upper bound: generous for passphrases, and it caps the work one login can make argon2 do.
pub const MAX_CHARS: usize = 128;

/// OWASP's argon2id recommendation: 19 MiB memory, 2 iterations, 1 lane.
const MEMORY_KIB: u32 = 19 * 1024;
const ITERATIONS: u32 = 2;
const LANES: u32 = 1;

/// A password a person chose, checked against the length rules. Never stored.
pub struct NewPassword(String);

/// Why a new password was refused; the form shows the reason inline.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    /// Fewer than `MIN_CHARS` characters.
    #[error("a password has at least {MIN_CHARS} characters")]
    TooShort,
    /// More than `MAX_CHARS` characters.
    #[error("a password has at most {MAX_CHARS} characters")]
    TooLong,
    /// On the list of the 10,000 most common passwords.
    #[error("this password is among the most common ones; choose another")]
    TooCommon,
    /// Below the strength score a new password must reach, with the estimator's reason.
    #[error("this password is too easy to guess ({0:?})")]
    TooGuessable(Weakness),
}

/// Why the estimator found a password easy to guess, in the product's own terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weakness {
    /// Rows or short patterns on the keyboard.
    KeyboardPattern,
    /// "aaa", "abcabc".
    Repeats,
    /// "abc", "6543".
    Sequence,
    /// Common or nearly common passwords.
    Common,
    /// Years and dates.
    Dates,
    /// A single word, or the person's own name or address.
    PersonalOrSingleWord,
    /// Common names and surnames.
    Names,
    /// Too short and simple, with no one pattern to blame.
    Simple,
}

/// The lowest zxcvbn score a new password must reach (0–4).
const MIN_SCORE: zxcvbn::Score = zxcvbn::Score::Three;

fn weakness(password: &str, context: &[&str]) -> Option<Weakness> {
    use zxcvbn::feedback::Warning as W;
    let estimate = zxcvbn::zxcvbn(password, context);
    if estimate.score() >= MIN_SCORE {
        return None;
    }
    // A part of the person's own name or address anywhere in it is the likeliest reason.
    let lower = password.to_lowercase();
    if context
        .iter()
        .any(|word| word.chars().count() >= 3 && lower.contains(&word.to_lowercase()))
    {
        return Some(Weakness::PersonalOrSingleWord);
    }
    Some(match estimate.feedback().and_then(|f| f.warning()) {
        Some(W::StraightRowsOfKeysAreEasyToGuess | W::ShortKeyboardPatternsAreEasyToGuess) => {
            Weakness::KeyboardPattern
        }
        Some(
            W::RepeatsLikeAaaAreEasyToGuess | W::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess,
        ) => Weakness::Repeats,
        Some(W::SequencesLikeAbcAreEasyToGuess) => Weakness::Sequence,
        Some(
            W::ThisIsATop10Password
            | W::ThisIsATop100Password
            | W::ThisIsACommonPassword
            | W::ThisIsSimilarToACommonlyUsedPassword,
        ) => Weakness::Common,
        Some(W::RecentYearsAreEasyToGuess | W::DatesAreOftenEasyToGuess) => Weakness::Dates,
        Some(W::AWordByItselfIsEasyToGuess) => Weakness::PersonalOrSingleWord,
        Some(
            W::NamesAndSurnamesByThemselvesAreEasyToGuess | W::CommonNamesAndSurnamesAreEasyToGuess,
        ) => Weakness::Names,
        None => Weakness::Simple,
    })
}

/// The words of a person's name and email address that a guesser would try first.
pub fn personal_words<'a>(name: &'a str, email: &'a str) -> Vec<&'a str> {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    words.extend(
        email
            .split(['@', '.', '_', '-', '+'])
            .filter(|w| !w.is_empty()),
    );
    words
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
    /// A new password with no personal context (the person's own words are unknown).
    pub fn parse(input: &str) -> Result<Self, PasswordError> {
        Self::parse_for(input, &[])
    }

    /// A new password for the person whose name and address words are `context`
    /// (`personal_words`): long enough, not on the common list, and hard enough to guess.
    pub fn parse_for(input: &str, context: &[&str]) -> Result<Self, PasswordError> {
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
        if let Some(why) = weakness(input, context) {
            return Err(PasswordError::TooGuessable(why));
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

/// The argon2 library refused to hash or its parameters were rejected; an internal error.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("password hashing failed: {0}")]
pub struct HashError(String);

impl PasswordHash {
    /// Wraps a hash read back from the database.
    pub fn from_stored(phc: String) -> Self {
        Self(phc)
    }

    /// The PHC string, as stored.
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
        // Eight two-byte characters are long enough (the estimator may still refuse them).
        assert_ne!(
            NewPassword::parse("ññññññññ").err(),
            Some(PasswordError::TooShort)
        );
        assert!(NewPassword::parse("ñandú pingüino café").is_ok());
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
    fn guessable_passwords_are_refused_with_a_reason() {
        let refused = |p: &str, ctx: &[&str]| NewPassword::parse_for(p, ctx).err();
        assert_eq!(
            refused("password123", &[]),
            Some(PasswordError::TooGuessable(Weakness::Common))
        );
        assert!(matches!(
            refused("qwertyuiop[]", &[]),
            Some(PasswordError::TooGuessable(_) | PasswordError::TooCommon)
        ));
        assert!(matches!(
            refused("abcabcabcabc", &[]),
            Some(PasswordError::TooGuessable(_))
        ));
        // The person's own name and address count against them.
        let ctx = personal_words("Marisol Quintanilla", "marisol.q@example.org");
        assert_eq!(
            refused("Quintanilla2024", &ctx),
            Some(PasswordError::TooGuessable(Weakness::PersonalOrSingleWord))
        );
        assert!(NewPassword::parse("Quintanilla violet tram").is_ok());
        // Passphrases of a few uncommon words pass.
        for fine in [
            "a long enough passphrase",
            "correct horse battery staple",
            "mentora-demo-pass",
            "another quite long passphrase 7",
        ] {
            assert!(NewPassword::parse(fine).is_ok(), "{fine}");
        }
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
