//! Cancellation policies: platform presets an expert picks from. The policy in force when a
//! booking is made is frozen on it, so changing presets later never changes a refund.
//!
//! Rounding: a partial refund is rounded down to the currency's minor unit (the learner
//! never gets more than the stated share; the remainder is at most one minor unit).

use jiff::Timestamp;

/// The presets experts choose from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PolicyPreset {
    /// Full refund until 2 hours before; nothing after.
    Flexible,
    /// Full refund until 24 hours before, half until 2 hours before, nothing after.
    #[default]
    Moderate,
    /// Full refund until 7 days before, half until 48 hours before, nothing after.
    Strict,
}

impl PolicyPreset {
    /// Every preset, in the order the availability editor offers them.
    pub const ALL: [PolicyPreset; 3] = [Self::Flexible, Self::Moderate, Self::Strict];

    /// The name stored in settings and accepted by the API (`flexible`, `moderate`, `strict`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Flexible => "flexible",
            Self::Moderate => "moderate",
            Self::Strict => "strict",
        }
    }

    /// The preset with this stored or submitted name; `None` for anything else.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == text)
    }

    /// The preset's tiers as they stand today, ready to be frozen on a new booking.
    pub fn policy(self) -> CancellationPolicy {
        let tiers = match self {
            Self::Flexible => vec![Tier::new(2, 100)],
            Self::Moderate => vec![Tier::new(24, 100), Tier::new(2, 50)],
            Self::Strict => vec![Tier::new(168, 100), Tier::new(48, 50)],
        };
        CancellationPolicy {
            preset: self,
            tiers,
        }
    }
}

/// Cancelling at least `hours_before` the start refunds `percent` of the price.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tier {
    /// How long before the start the cancellation must come, in hours.
    pub hours_before: i64,
    /// Share of the price refunded, 0–100.
    pub percent: i64,
}

impl Tier {
    const fn new(hours_before: i64, percent: i64) -> Self {
        Self {
            hours_before,
            percent,
        }
    }
}

/// A policy as frozen on a booking: its preset's name and the tiers that applied then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CancellationPolicy {
    /// The preset the expert had chosen; the tiers, not this name, decide the refund.
    pub preset: PolicyPreset,
    /// Longest notice first.
    pub tiers: Vec<Tier>,
}

/// What a cancellation gives back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refund {
    /// Minor units of the booking's currency, rounded down.
    pub amount: i64,
    /// The tier's share that produced `amount` (0 when no tier applied).
    pub percent: i64,
}

impl CancellationPolicy {
    /// The refund when the learner cancels at `now` a session starting at `start` that cost
    /// `paid` minor units. A tier applies from exactly its notice on (24 h before counts as
    /// "24 hours before").
    pub fn learner_refund(&self, paid: i64, start: Timestamp, now: Timestamp) -> Refund {
        let notice = start.as_second() - now.as_second();
        let percent = self
            .tiers
            .iter()
            .find(|t| notice >= t.hours_before * 3600)
            .map_or(0, |t| t.percent);
        Refund {
            amount: paid * percent / 100,
            percent,
        }
    }

    /// Expert and admin cancellations refund in full, whatever the notice.
    pub fn full(paid: i64) -> Refund {
        Refund {
            amount: paid,
            percent: 100,
        }
    }

    /// Stored form: `moderate:24=100,2=50`. Readable in the database, and the tiers travel
    /// with the name so a preset changed later leaves old bookings alone.
    pub fn to_stored(&self) -> String {
        let tiers: Vec<String> = self
            .tiers
            .iter()
            .map(|t| format!("{}={}", t.hours_before, t.percent))
            .collect();
        format!("{}:{}", self.preset.as_str(), tiers.join(","))
    }

    /// Reads the `to_stored` form back; `None` when the text is not one.
    pub fn from_stored(text: &str) -> Option<Self> {
        let (name, tiers) = text.split_once(':')?;
        let preset = PolicyPreset::parse(name)?;
        let tiers = tiers
            .split(',')
            .filter(|t| !t.is_empty())
            .map(|t| {
                let (h, p) = t.split_once('=')?;
                Some(Tier::new(h.parse().ok()?, p.parse().ok()?))
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Self { preset, tiers })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOUR: i64 = 3600;

    fn start() -> Timestamp {
        Timestamp::from_second(1_800_000_000).expect("in range")
    }

    /// `seconds` before the start.
    fn before(seconds: i64) -> Timestamp {
        Timestamp::from_second(1_800_000_000 - seconds).expect("in range")
    }

    #[test]
    fn moderate_refunds_at_the_window_edges() {
        let p = PolicyPreset::Moderate.policy();
        let at = |seconds: i64| p.learner_refund(5001, start(), before(seconds)).amount;
        assert_eq!(at(24 * HOUR), 5001, "exactly 24 h before is still free");
        assert_eq!(
            at(24 * HOUR - 1),
            2500,
            "a second later is half, rounded down"
        );
        assert_eq!(at(2 * HOUR), 2500);
        assert_eq!(at(2 * HOUR - 1), 0);
        assert_eq!(at(-HOUR), 0, "after the start nothing comes back");
    }

    #[test]
    fn strict_and_flexible_tiers() {
        let strict = PolicyPreset::Strict.policy();
        assert_eq!(
            strict
                .learner_refund(100, start(), before(168 * HOUR))
                .percent,
            100
        );
        assert_eq!(
            strict
                .learner_refund(100, start(), before(168 * HOUR - 1))
                .percent,
            50
        );
        assert_eq!(
            strict
                .learner_refund(100, start(), before(48 * HOUR - 1))
                .percent,
            0
        );
        let flexible = PolicyPreset::Flexible.policy();
        assert_eq!(
            flexible
                .learner_refund(900, start(), before(2 * HOUR))
                .amount,
            900
        );
        assert_eq!(
            flexible
                .learner_refund(900, start(), before(2 * HOUR - 1))
                .amount,
            0
        );
    }

    #[test]
    fn stored_form_round_trips() {
        for preset in PolicyPreset::ALL {
            let p = preset.policy();
            assert_eq!(CancellationPolicy::from_stored(&p.to_stored()), Some(p));
        }
        assert_eq!(CancellationPolicy::from_stored("lenient:1=1"), None);
        assert_eq!(CancellationPolicy::from_stored("moderate:x=1"), None);
    }
}
