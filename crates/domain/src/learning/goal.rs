//! A learner's goals: what they are working towards, by when, and how it went.

use jiff::civil::Date;

/// The longest goal title, in characters.
pub const MAX_TITLE_CHARS: usize = 200;
/// The longest goal description, in characters.
pub const MAX_DETAIL_CHARS: usize = 2000;

/// Where a goal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GoalStatus {
    /// Being worked on.
    Active,
    /// Reached.
    Achieved,
    /// Given up.
    Dropped,
}

impl GoalStatus {
    /// Every status, in the order forms list them.
    pub const ALL: [GoalStatus; 3] = [Self::Active, Self::Achieved, Self::Dropped];

    /// The stored and API name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Achieved => "achieved",
            Self::Dropped => "dropped",
        }
    }

    /// The status named `text`, if any.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

/// The day a learner means to reach a goal by: a calendar date in their own zone, with
/// no time (it is "by the end of that day" wherever they are).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct TargetDate(Date);

impl TargetDate {
    /// Parses `YYYY-MM-DD` between the years 2000 and 2200.
    pub fn parse(text: &str) -> Option<Self> {
        let date: Date = text.trim().parse().ok()?;
        (2000..=2200).contains(&date.year()).then_some(Self(date))
    }

    /// The date.
    pub fn date(self) -> Date {
        self.0
    }
}

impl std::fmt::Display for TargetDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_round_trip() {
        for s in GoalStatus::ALL {
            assert_eq!(GoalStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(GoalStatus::parse("done"), None);
    }

    #[test]
    fn target_dates_are_plain_calendar_days() {
        assert_eq!(
            TargetDate::parse("2027-03-31").map(|d| d.to_string()),
            Some("2027-03-31".to_owned())
        );
        assert_eq!(TargetDate::parse("2027-02-30"), None);
        assert_eq!(TargetDate::parse("31/03/2027"), None);
        assert_eq!(TargetDate::parse("1999-12-31"), None);
    }
}
