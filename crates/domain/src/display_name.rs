//! The name an account shows to others.

use std::fmt;

/// Longest display name accepted, in characters (not bytes), so every script gets the same room.
pub const MAX_CHARS: usize = 100;

/// The name others see on profiles, sessions and emails: trimmed, 1–100 printable characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayName(String);

/// Why a display name was refused; shown inline on the form.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DisplayNameError {
    /// Nothing but whitespace.
    #[error("a display name is required")]
    Empty,
    /// Longer than `MAX_CHARS` characters.
    #[error("a display name has at most {MAX_CHARS} characters")]
    TooLong,
    /// Contains a control character (line break, NUL, …).
    #[error("a display name cannot contain control characters")]
    ControlCharacters,
}

impl DisplayName {
    /// Trims the input and checks it; the one way to get a `DisplayName`.
    pub fn parse(input: &str) -> Result<Self, DisplayNameError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(DisplayNameError::Empty);
        }
        if trimmed.chars().count() > MAX_CHARS {
            return Err(DisplayNameError::TooLong);
        }
        if trimmed.chars().any(char::is_control) {
            return Err(DisplayNameError::ControlCharacters);
        }
        Ok(Self(trimmed.to_owned()))
    }

    /// The name as stored and shown.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DisplayName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_bounded_and_printable() {
        assert_eq!(
            DisplayName::parse("  Zoë Ângela ").map(|n| n.to_string()),
            Ok("Zoë Ângela".into())
        );
        assert_eq!(DisplayName::parse(" "), Err(DisplayNameError::Empty));
        assert_eq!(
            DisplayName::parse(&"n".repeat(101)),
            Err(DisplayNameError::TooLong)
        );
        assert_eq!(
            DisplayName::parse("a\u{0}b"),
            Err(DisplayNameError::ControlCharacters)
        );
        assert!(DisplayName::parse("محمد").is_ok());
    }
}
