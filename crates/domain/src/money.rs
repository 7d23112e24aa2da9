//! Money: integer minor units with an ISO 4217 code, parsed from and shown as decimal text,
//! and converted between currencies at reference rates for estimates only.
//!
//! Amounts are never floats. A conversion is an estimate shown as such ("≈"); what is
//! charged is always the expert's own amount in the expert's own currency.

use crate::profile::CurrencyCode;

/// Digits after the decimal point in ISO 4217. Everything not listed has two.
/// (Stripe's own exceptions — ISK, HUF, TWD, UGX — belong to the payments code, which
/// converts at its edge; prices here follow ISO.)
pub(crate) const ZERO_DECIMAL: &str =
    "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF";
pub(crate) const THREE_DECIMAL: &str = "BHD IQD JOD KWD LYD OMR TND";

/// The number of minor-unit digits of `currency`.
pub fn exponent(currency: CurrencyCode) -> u32 {
    if CurrencyCode::listed(ZERO_DECIMAL, currency.letters()) {
        0
    } else if CurrencyCode::listed(THREE_DECIMAL, currency.letters()) {
        3
    } else {
        2
    }
}

/// An amount in minor units of a currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Money {
    /// The amount in the currency's smallest unit (cents, yen, fils); never a float.
    pub minor: i64,
    /// Which currency `minor` counts in; also decides how many decimals it has.
    pub currency: CurrencyCode,
}

/// Why a typed price was refused; shown inline on the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    /// Not a plain decimal number (letters, two points, nothing at all).
    #[error("not a number")]
    NotANumber,
    /// More digits after the point than the currency's minor unit allows (`45.5` yen).
    #[error("more decimals than the currency has")]
    TooManyDecimals,
    /// Below zero; no price may be.
    #[error("negative")]
    Negative,
    /// More than twelve digits before the point, or past what `i64` minor units hold.
    #[error("too large")]
    TooLarge,
}

impl Money {
    /// An amount already in minor units, as stored.
    pub fn new(minor: i64, currency: CurrencyCode) -> Self {
        Self { minor, currency }
    }

    /// Parses decimal text in major units ("45", "45.5", "1234.50") for `currency`.
    pub fn parse_major(text: &str, currency: CurrencyCode) -> Result<Self, AmountError> {
        let text = text.trim().replace([',', ' '], "");
        if text.starts_with('-') {
            return Err(AmountError::Negative);
        }
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let digits = exponent(currency);
        if (whole.is_empty() && fraction.is_empty())
            || !whole.bytes().all(|b| b.is_ascii_digit())
            || !fraction.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(AmountError::NotANumber);
        }
        if fraction.len() > digits as usize {
            return Err(AmountError::TooManyDecimals);
        }
        if whole.len() > 12 {
            return Err(AmountError::TooLarge);
        }
        let scale = 10i64.pow(digits);
        let whole: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| AmountError::NotANumber)?
        };
        let padded = format!("{fraction:0<width$}", width = digits as usize);
        let fraction: i64 = if padded.is_empty() {
            0
        } else {
            padded.parse().map_err(|_| AmountError::NotANumber)?
        };
        let minor = whole
            .checked_mul(scale)
            .and_then(|w| w.checked_add(fraction))
            .ok_or(AmountError::TooLarge)?;
        Ok(Self { minor, currency })
    }

    /// Decimal text without the code: "45.00", "5000" (JPY), "1.250" (KWD).
    pub fn major_text(&self) -> String {
        let digits = exponent(self.currency);
        let sign = if self.minor < 0 { "-" } else { "" };
        let abs = self.minor.unsigned_abs();
        if digits == 0 {
            return format!("{sign}{abs}");
        }
        let scale = 10u64.pow(digits);
        format!(
            "{sign}{}.{:0width$}",
            abs / scale,
            abs % scale,
            width = digits as usize
        )
    }
}

impl std::fmt::Display for Money {
    /// "45.00 EUR": the code, not a symbol, so "$" is never ambiguous.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.major_text(), self.currency.as_str())
    }
}

/// The date the reference rates below were taken; shown beside every estimate.
pub const REFERENCE_RATES_DATE: &str = "2026-11-01";

/// Units of each currency per US dollar: the reference rates. They seed the operators'
/// dated rate table (which viewers' estimates come from), and they are the fixed scale
/// the directory's price filter and sort compare on, so stored ranks never need rewriting
/// when an operator updates a rate. Currencies not listed get no estimate unless an
/// operator adds a rate.
pub const PER_USD: &[(&str, f64)] = &[
    ("USD", 1.0),
    ("EUR", 0.92),
    ("GBP", 0.79),
    ("CHF", 0.88),
    ("CAD", 1.37),
    ("AUD", 1.52),
    ("NZD", 1.66),
    ("JPY", 151.0),
    ("CNY", 7.12),
    ("HKD", 7.78),
    ("SGD", 1.33),
    ("INR", 84.1),
    ("KRW", 1370.0),
    ("BRL", 5.65),
    ("MXN", 19.9),
    ("ARS", 985.0),
    ("CLP", 950.0),
    ("COP", 4350.0),
    ("ZAR", 17.6),
    ("NGN", 1650.0),
    ("KES", 129.0),
    ("EGP", 48.6),
    ("AED", 3.6725),
    ("SAR", 3.75),
    ("ILS", 3.74),
    ("TRY", 34.3),
    ("PLN", 4.01),
    ("CZK", 23.3),
    ("HUF", 372.0),
    ("SEK", 10.6),
    ("NOK", 10.9),
    ("DKK", 6.86),
    ("ISK", 137.0),
    ("THB", 33.6),
    ("IDR", 15700.0),
    ("MYR", 4.38),
    ("PHP", 58.2),
    ("VND", 25300.0),
    ("TWD", 32.1),
    ("PKR", 278.0),
    ("BHD", 0.376),
    ("KWD", 0.306),
    ("JOD", 0.709),
    ("MAD", 9.9),
    ("UAH", 41.2),
];

/// Units of `currency` per US dollar, when a reference rate is known.
pub fn per_usd(currency: CurrencyCode) -> Option<f64> {
    PER_USD
        .iter()
        .find(|(code, _)| *code == currency.as_str())
        .map(|(_, rate)| *rate)
}

/// Currencies that have a reference rate.
pub fn estimable() -> impl Iterator<Item = &'static str> {
    PER_USD.iter().map(|(code, _)| *code)
}

/// `money` in `target` at the reference rates, rounded to the nearest minor unit; `None`
/// when either currency has no reference rate.
pub fn estimate(money: Money, target: CurrencyCode) -> Option<Money> {
    estimate_at(money, target, per_usd)
}

/// `money` in `target` at the rates `per_usd` gives (units of a currency per US dollar),
/// rounded to the nearest minor unit; `None` when either currency has no rate.
pub fn estimate_at(
    money: Money,
    target: CurrencyCode,
    per_usd: impl Fn(CurrencyCode) -> Option<f64>,
) -> Option<Money> {
    if money.currency == target {
        return Some(money);
    }
    let from = per_usd(money.currency)?.max(f64::MIN_POSITIVE);
    let to = per_usd(target)?;
    let major = money.minor as f64 / 10f64.powi(exponent(money.currency) as i32);
    let converted = major / from * to * 10f64.powi(exponent(target) as i32);
    if !converted.is_finite() || converted.abs() > 9.0e15 {
        return None;
    }
    Some(Money::new(converted.round() as i64, target))
}

/// `money` in US cents at the reference rates: the common scale the directory filters and
/// sorts prices on.
pub fn usd_cents(money: Money) -> Option<i64> {
    let usd = CurrencyCode::parse("USD").ok()?;
    estimate(money, usd).map(|m| m.minor)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(c: &str) -> CurrencyCode {
        CurrencyCode::parse(c).unwrap()
    }

    #[test]
    fn amounts_parse_with_the_currency_s_own_decimals() {
        assert_eq!(Money::parse_major("45", code("EUR")).unwrap().minor, 4500);
        assert_eq!(Money::parse_major("45.5", code("EUR")).unwrap().minor, 4550);
        assert_eq!(
            Money::parse_major("1,234.56", code("USD")).unwrap().minor,
            123456
        );
        assert_eq!(Money::parse_major("5000", code("JPY")).unwrap().minor, 5000);
        assert_eq!(
            Money::parse_major("50.5", code("JPY")),
            Err(AmountError::TooManyDecimals)
        );
        assert_eq!(
            Money::parse_major("1.250", code("KWD")).unwrap().minor,
            1250
        );
        assert_eq!(
            Money::parse_major("-3", code("EUR")),
            Err(AmountError::Negative)
        );
        assert_eq!(
            Money::parse_major("abc", code("EUR")),
            Err(AmountError::NotANumber)
        );
        assert_eq!(
            Money::parse_major("", code("EUR")),
            Err(AmountError::NotANumber)
        );
        assert_eq!(
            Money::parse_major("99999999999999999", code("EUR")),
            Err(AmountError::TooLarge)
        );
    }

    #[test]
    fn amounts_show_with_their_code() {
        assert_eq!(Money::new(4500, code("EUR")).to_string(), "45.00 EUR");
        assert_eq!(Money::new(5000, code("JPY")).to_string(), "5000 JPY");
        assert_eq!(Money::new(1250, code("KWD")).to_string(), "1.250 KWD");
        assert_eq!(Money::new(5, code("USD")).to_string(), "0.05 USD");
    }

    #[test]
    fn estimates_convert_through_the_dollar_across_decimal_places() {
        // 151 JPY is one dollar: 1.00 USD.
        assert_eq!(
            estimate(Money::new(15100, code("JPY")), code("USD")),
            Some(Money::new(10000, code("USD")))
        );
        assert_eq!(
            estimate(Money::new(100, code("USD")), code("JPY")),
            Some(Money::new(151, code("JPY")))
        );
        assert_eq!(usd_cents(Money::new(9200, code("EUR"))), Some(10000));
        // No reference rate: no estimate.
        assert_eq!(estimate(Money::new(100, code("ZMW")), code("USD")), None);
        let same = Money::new(123, code("ZMW"));
        assert_eq!(estimate(same, code("ZMW")), Some(same));
    }
}
