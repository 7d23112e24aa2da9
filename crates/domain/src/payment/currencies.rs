//! Stripe's presentment currencies in one table: which ones it charges, how many decimals
//! its API counts in (not always ISO's), which amounts it accepts, and its minimum charge.
//!
//! Prices are stored in ISO 4217 minor units (`crate::money::exponent`); this table turns
//! them into what goes on the wire, and refuses before any request what Stripe would
//! refuse (<https://docs.stripe.com/currencies>):
//! - zero-decimal on Stripe: BIF CLP DJF GNF JPY KMF KRW MGA PYG RWF VND VUV XAF XOF XPF;
//! - three-decimal (BHD JOD KWD OMR TND): the amount must end in 0, so the smallest step
//!   is ten fils;
//! - ISK and UGX are zero-decimal but Stripe's API keeps two decimals for them, always 00:
//!   an amount is ISO minor units × 100;
//! - HUF and TWD charge in two decimals, but Stripe pays them out only in whole units:
//!   a payout (transfer) amount must be a multiple of 100.

use crate::money::{Money, exponent};
use crate::profile::CurrencyCode;

/// Every currency Stripe presents charges in (lower case on the wire).
const SUPPORTED: &str = "USD AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF \
BMD BND BOB BRL BSD BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CVE CZK DJF DKK DOP DZD EGP ETB EUR \
FJD FKP GBP GEL GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR ISK JMD JOD JPY KES KGS KHR KMF \
KRW KWD KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MUR MVR MWK MXN MYR MZN NAD NGN \
NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SEK SGD SHP SLE \
SOS SRD SZL THB TJS TOP TRY TTD TWD TZS UAH UGX UYU UZS VND VUV WST XAF XCD XOF XPF YER ZAR ZMW";

/// Decimals on Stripe's wire where they differ from ISO's.
const STRIPE_EXPONENT: &[(&str, u32)] = &[("ISK", 2), ("UGX", 2), ("MGA", 0)];

/// Charges must be a multiple of this many wire units.
const CHARGE_STEP: &[(&str, i64)] = &[
    ("BHD", 10),
    ("JOD", 10),
    ("KWD", 10),
    ("OMR", 10),
    ("TND", 10),
    ("ISK", 100),
    ("UGX", 100),
];

/// Payouts (transfers to an expert) must be a multiple of this many wire units.
const PAYOUT_STEP: &[(&str, i64)] = &[("HUF", 100), ("TWD", 100)];

/// Stripe's minimum charge, in ISO minor units, where it names one. Every other currency's
/// minimum is "the equivalent of 0.50 USD", checked at the reference rates.
const MINIMUM: &[(&str, i64)] = &[
    ("USD", 50),
    ("AED", 200),
    ("AUD", 50),
    ("BGN", 100),
    ("BRL", 50),
    ("CAD", 50),
    ("CHF", 50),
    ("CZK", 1500),
    ("DKK", 250),
    ("EUR", 50),
    ("GBP", 30),
    ("HKD", 400),
    ("HUF", 17500),
    ("INR", 50),
    ("JPY", 50),
    ("MXN", 1000),
    ("MYR", 200),
    ("NOK", 300),
    ("NZD", 50),
    ("PLN", 200),
    ("RON", 200),
    ("SEK", 300),
    ("SGD", 50),
    ("THB", 1000),
];

fn lookup<T: Copy>(table: &[(&str, T)], code: &str) -> Option<T> {
    table.iter().find(|(c, _)| *c == code).map(|(_, v)| *v)
}

/// Why Stripe would refuse to charge an amount; each has its own message for the learner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ChargeRefusal {
    /// Stripe does not present charges in this currency.
    #[error("Stripe does not charge in this currency")]
    Unsupported,
    /// Below Stripe's minimum charge for the currency.
    #[error("below the minimum charge of {minimum}")]
    BelowMinimum {
        /// The smallest amount Stripe charges in the currency.
        minimum: Money,
    },
    /// Not a multiple of the smallest step Stripe takes in the currency (a KWD amount not
    /// ending in 0).
    #[error("not a multiple of {step}")]
    NotAStep {
        /// The step every amount must be a multiple of.
        step: Money,
    },
}

/// One currency as Stripe sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StripeCurrency {
    /// The ISO code.
    pub code: CurrencyCode,
    /// Decimals of amounts on Stripe's wire.
    pub wire_exponent: u32,
    /// Every charge or refund is a multiple of this many ISO minor units.
    pub step: i64,
    /// Every payout is a multiple of this many ISO minor units.
    pub payout_step: i64,
}

impl StripeCurrency {
    /// The currency's rules, or `Unsupported` when Stripe cannot charge in it.
    pub fn of(code: CurrencyCode) -> Result<Self, ChargeRefusal> {
        let name = code.as_str();
        if !SUPPORTED.split_ascii_whitespace().any(|c| c == name) {
            return Err(ChargeRefusal::Unsupported);
        }
        let iso = exponent(code);
        let wire_exponent = lookup(STRIPE_EXPONENT, name).unwrap_or(iso);
        let to_iso = |wire_units: i64| -> i64 {
            // A wire step expressed in ISO units: at least one ISO unit.
            if wire_exponent >= iso {
                (wire_units / 10i64.pow(wire_exponent - iso)).max(1)
            } else {
                wire_units * 10i64.pow(iso - wire_exponent)
            }
        };
        let step = to_iso(lookup(CHARGE_STEP, name).unwrap_or(1));
        let payout_step = to_iso(lookup(PAYOUT_STEP, name).unwrap_or(1)).max(step);
        Ok(Self {
            code,
            wire_exponent,
            step,
            payout_step,
        })
    }

    /// The smallest charge Stripe accepts in this currency, in ISO minor units, if known.
    pub fn minimum(&self) -> Option<Money> {
        let minor = lookup(MINIMUM, self.code.as_str()).or_else(|| {
            // 0.50 USD at the reference rates, rounded up to the step.
            let usd = CurrencyCode::parse("USD").ok()?;
            let estimate = crate::money::estimate(Money::new(50, usd), self.code)?;
            Some(round_up(estimate.minor, self.step))
        })?;
        Some(Money::new(minor, self.code))
    }

    /// `minor` (ISO units) as Stripe's API counts it.
    pub fn to_wire(&self, minor: i64) -> i64 {
        let iso = exponent(self.code);
        if self.wire_exponent >= iso {
            minor * 10i64.pow(self.wire_exponent - iso)
        } else {
            minor / 10i64.pow(iso - self.wire_exponent)
        }
    }

    /// A wire amount back in ISO minor units.
    pub fn from_wire(&self, wire: i64) -> i64 {
        let iso = exponent(self.code);
        if self.wire_exponent >= iso {
            wire / 10i64.pow(self.wire_exponent - iso)
        } else {
            wire * 10i64.pow(iso - self.wire_exponent)
        }
    }

    /// Whether Stripe would take a charge of `minor`; the wire amount when it would.
    pub fn chargeable(&self, minor: i64) -> Result<i64, ChargeRefusal> {
        if minor % self.step != 0 {
            return Err(ChargeRefusal::NotAStep {
                step: Money::new(self.step, self.code),
            });
        }
        if let Some(minimum) = self.minimum()
            && minor < minimum.minor
        {
            return Err(ChargeRefusal::BelowMinimum { minimum });
        }
        Ok(self.to_wire(minor))
    }
}

/// `minor` rounded up to a multiple of `step`.
fn round_up(minor: i64, step: i64) -> i64 {
    minor.div_euclid(step) * step + if minor.rem_euclid(step) == 0 { 0 } else { step }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(code: &str) -> StripeCurrency {
        StripeCurrency::of(CurrencyCode::parse(code).unwrap()).unwrap()
    }

    #[test]
    fn wire_amounts_follow_stripe_not_iso() {
        assert_eq!(c("EUR").to_wire(4550), 4550);
        assert_eq!(c("JPY").to_wire(5000), 5000);
        assert_eq!(c("KWD").to_wire(1250), 1250);
        // ISK is zero-decimal, sent with two decimals that are always 00.
        assert_eq!(c("ISK").to_wire(5000), 500_000);
        assert_eq!(c("ISK").from_wire(500_000), 5000);
        assert_eq!(c("UGX").to_wire(20_000), 2_000_000);
        // MGA has two ISO decimals; Stripe counts whole ariary.
        assert_eq!(c("MGA").to_wire(250_000), 2500);
        assert_eq!(c("MGA").from_wire(2500), 250_000);
    }

    #[test]
    fn three_decimal_amounts_must_end_in_zero() {
        assert_eq!(
            c("KWD").chargeable(12_345),
            Err(ChargeRefusal::NotAStep {
                step: Money::new(10, CurrencyCode::parse("KWD").unwrap())
            })
        );
        assert_eq!(c("KWD").chargeable(12_340), Ok(12_340));
        assert_eq!(c("MGA").step, 100);
    }

    #[test]
    fn minimums_are_checked_before_any_charge() {
        assert!(matches!(
            c("EUR").chargeable(49),
            Err(ChargeRefusal::BelowMinimum { .. })
        ));
        assert_eq!(c("EUR").chargeable(50), Ok(50));
        assert!(matches!(
            c("JPY").chargeable(49),
            Err(ChargeRefusal::BelowMinimum { .. })
        ));
        assert!(matches!(
            c("HUF").chargeable(17_499),
            Err(ChargeRefusal::BelowMinimum { .. })
        ));
    }

    #[test]
    fn hungarian_and_taiwanese_payouts_are_whole_units() {
        assert_eq!(c("HUF").step, 1);
        assert_eq!(c("HUF").payout_step, 100);
        assert_eq!(c("TWD").payout_step, 100);
        assert_eq!(c("EUR").payout_step, 1);
    }

    #[test]
    fn currencies_stripe_does_not_present_are_refused() {
        for code in ["IRR", "KPW", "SYP", "CUP"] {
            assert_eq!(
                StripeCurrency::of(CurrencyCode::parse(code).unwrap()),
                Err(ChargeRefusal::Unsupported),
                "{code}"
            );
        }
    }

    #[test]
    fn every_supported_currency_is_an_iso_code() {
        for code in SUPPORTED.split_ascii_whitespace() {
            let parsed = CurrencyCode::parse(code);
            assert!(parsed.is_ok(), "{code}");
            assert!(StripeCurrency::of(parsed.unwrap()).is_ok(), "{code}");
        }
    }
}
