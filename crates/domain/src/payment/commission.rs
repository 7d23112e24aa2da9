//! The platform's commission: a rate in basis points frozen on each booking, and the one
//! rounding rule for splitting a payment (and taking commission back on a refund).
//!
//! **The rule**: the commission is rounded *down* to the currency's step (one minor unit,
//! ten fils in the three-decimal currencies); the expert's share is the rest, so the odd
//! minor unit always goes to the expert and commission + share = gross exactly.
//!
//! **Refunds** take commission back in proportion to what has been refunded in total:
//! after refunds totalling `r` of a gross `g`, the commission returned is
//! `floor(commission × r / g)` (to the step), and each refund returns the difference from
//! the previous total. Whatever the order and size of partial refunds, a full refund
//! returns exactly the commission taken, and nothing is ever returned twice.

/// The platform's rate when nothing else is set: 15 %.
pub const DEFAULT_BPS: u16 = 1500;

/// A commission rate in basis points (1 bp = 0.01 %), at most 100 %.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommissionRate(u16);

impl CommissionRate {
    /// Accepts 0 – 10 000 basis points.
    pub fn new(bps: i64) -> Option<Self> {
        u16::try_from(bps).ok().filter(|b| *b <= 10_000).map(Self)
    }

    /// The rate in basis points.
    pub fn bps(self) -> u16 {
        self.0
    }

    /// How `gross` (a multiple of `step`) splits between the platform and the expert.
    pub fn split(self, gross: i64, step: i64) -> Split {
        let commission = floor_to(mul_div(gross, i64::from(self.0), 10_000), step);
        Split {
            commission,
            share: gross - commission,
        }
    }
}

impl Default for CommissionRate {
    fn default() -> Self {
        Self(DEFAULT_BPS)
    }
}

/// A payment divided: `commission + share` is the gross, exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split {
    /// What the platform keeps.
    pub commission: i64,
    /// What the expert is owed.
    pub share: i64,
}

impl Split {
    /// The part of a refund of `amount`, made after `refunded_before` of `gross` was
    /// already refunded, that comes out of the commission (the rest comes out of the
    /// expert's share).
    pub fn refund(&self, gross: i64, refunded_before: i64, amount: i64, step: i64) -> Split {
        let returned = |refunded: i64| {
            if gross <= 0 {
                0
            } else {
                floor_to(mul_div(self.commission, refunded.min(gross), gross), step)
            }
        };
        let commission = returned(refunded_before + amount) - returned(refunded_before);
        Split {
            commission,
            share: amount - commission,
        }
    }
}

/// `a × b / c` without overflow, rounded towards zero.
fn mul_div(a: i64, b: i64, c: i64) -> i64 {
    i64::try_from(i128::from(a) * i128::from(b) / i128::from(c)).unwrap_or(i64::MAX)
}

fn floor_to(minor: i64, step: i64) -> i64 {
    let step = step.max(1);
    minor.div_euclid(step) * step
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_odd_minor_unit_goes_to_the_expert() {
        let rate = CommissionRate::default();
        // 15 % of 45.55 EUR is 6.8325: the platform keeps 6.83.
        assert_eq!(
            rate.split(4555, 1),
            Split {
                commission: 683,
                share: 3872
            }
        );
        // Zero-decimal: 15 % of 5,001 JPY is 750.15 yen: 750 and 4,251.
        assert_eq!(
            rate.split(5001, 1),
            Split {
                commission: 750,
                share: 4251
            }
        );
        // Three-decimal, steps of ten fils: 15 % of 12.340 KWD is 1.851: 1.850 and 10.490.
        assert_eq!(
            rate.split(12_340, 10),
            Split {
                commission: 1850,
                share: 10_490
            }
        );
    }

    #[test]
    fn rates_are_between_nothing_and_everything() {
        assert_eq!(CommissionRate::new(-1), None);
        assert_eq!(CommissionRate::new(10_001), None);
        assert_eq!(
            CommissionRate::new(0).map(|r| r.split(999, 1).share),
            Some(999)
        );
        assert_eq!(
            CommissionRate::new(10_000).map(|r| r.split(999, 1).commission),
            Some(999)
        );
    }

    proptest! {
        #[test]
        fn a_split_adds_up_in_every_exponent(
            units in 1i64..100_000_000, bps in 0i64..=10_000, step in prop::sample::select(vec![1i64, 10, 100]),
        ) {
            let gross = units * step;
            let split = CommissionRate::new(bps).unwrap().split(gross, step);
            prop_assert_eq!(split.commission + split.share, gross);
            prop_assert!(split.commission >= 0 && split.share >= 0);
            prop_assert_eq!(split.commission % step, 0);
        }

        #[test]
        fn partial_refunds_return_exactly_the_commission_in_the_end(
            units in 1i64..1_000_000, bps in 0i64..=10_000,
            step in prop::sample::select(vec![1i64, 10, 100]),
            cuts in prop::collection::vec(1i64..1000, 1..6),
        ) {
            let gross = units * step;
            let split = CommissionRate::new(bps).unwrap().split(gross, step);
            // Refund the gross in random pieces (each a multiple of the step).
            let total: i64 = cuts.iter().sum();
            let mut pieces: Vec<i64> = cuts.iter().map(|c| c * units / total * step).collect();
            let rest = gross - pieces.iter().sum::<i64>();
            pieces.push(rest);
            let (mut refunded, mut commission_back, mut share_back) = (0, 0, 0);
            for piece in pieces {
                let back = split.refund(gross, refunded, piece, step);
                prop_assert_eq!(back.commission + back.share, piece);
                prop_assert!(back.commission >= 0 && back.share >= 0);
                refunded += piece;
                commission_back += back.commission;
                share_back += back.share;
            }
            prop_assert_eq!(commission_back, split.commission);
            prop_assert_eq!(share_back, split.share);
        }
    }
}
