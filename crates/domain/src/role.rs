//! Roles an account can hold. Learner is everyone's; expert and admin are granted.

use std::fmt;
use std::str::FromStr;

/// A part an account plays on Mentora; one account may hold several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// Every account: books sessions, keeps notes and reviews.
    Learner,
    /// Granted when an expert application is approved: has a public profile and takes bookings.
    Expert,
    /// An operator: verifies experts, manages accounts, settles refunds and disputes.
    Admin,
}

impl Role {
    /// Every role, for parsing and for the role menus.
    pub const ALL: [Role; 3] = [Role::Learner, Role::Expert, Role::Admin];

    /// The stable name stored in the database and shown in the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Learner => "learner",
            Role::Expert => "expert",
            Role::Admin => "admin",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A role name that is none of `learner`, `expert` or `admin` (in a stored row or an admin form).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown role {0:?}; roles are learner, expert and admin")]
pub struct UnknownRole(pub String);

impl FromStr for Role {
    type Err = UnknownRole;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| UnknownRole(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>(), Ok(role));
        }
        assert!("root".parse::<Role>().is_err());
    }
}
