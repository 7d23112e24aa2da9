//! Email addresses as accounts know them.

use std::fmt;

/// A syntactically plausible email address, normalised to lower case.
///
/// Why lower case the whole address: local parts are case-sensitive in theory, but no
/// mainstream provider treats them so, and two accounts differing only in case are a
/// support and phishing hazard. Proof of ownership comes from the verification email.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EmailAddress(String);

/// Why an address was refused; shown inline on the form.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    /// Nothing but whitespace.
    #[error("an email address is required")]
    Empty,
    /// Longer than 254 characters, the most a mail server accepts.
    #[error("an email address has at most 254 characters")]
    TooLong,
    /// Not `local@domain.tld` as mail can be delivered to.
    #[error("an email address looks like name@example.com")]
    Malformed,
}

impl EmailAddress {
    /// Trims, checks and lower-cases the input; the one way to get an `EmailAddress`.
    pub fn parse(input: &str) -> Result<Self, EmailError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(EmailError::Empty);
        }
        if trimmed.chars().count() > 254 {
            return Err(EmailError::TooLong);
        }
        let (local, domain) = trimmed.rsplit_once('@').ok_or(EmailError::Malformed)?;
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.contains('@')
            && !local.chars().any(|c| c.is_whitespace() || c.is_control());
        if !domain_ok || !local_ok {
            return Err(EmailError::Malformed);
        }
        Ok(Self(trimmed.to_lowercase()))
    }

    /// The normalised address, as stored and mailed to.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_case_and_whitespace() {
        let email = EmailAddress::parse("  Ada@Example.COM ").map(|e| e.to_string());
        assert_eq!(email, Ok("ada@example.com".to_owned()));
    }

    #[test]
    fn rejects_what_cannot_receive_mail() {
        for bad in [
            "",
            "ada",
            "ada@",
            "@example.com",
            "ada@example",
            "ada@ex..com",
            "a da@x.io",
        ] {
            assert!(
                EmailAddress::parse(bad).is_err(),
                "{bad:?} should be rejected"
            );
        }
        assert_eq!(EmailAddress::parse(""), Err(EmailError::Empty));
        let long = format!("{}@example.com", "a".repeat(250));
        assert_eq!(EmailAddress::parse(&long), Err(EmailError::TooLong));
    }
}
