//! Viewers' estimates in their own currency, from the dated rate table operators keep
//! (`store::exchange_rates`). Each instance keeps the rates in force today for a minute,
//! and forgets them at once when its own operator changes one; other instances see a
//! change within that minute (estimates only: nobody is charged at these rates).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use domain::money::Money;
use domain::profile::CurrencyCode;
use jiff::{SignedDuration, Timestamp};
use store::audit::NewAuditEvent;
use store::exchange_rates::Rate;
use store::logins::ClientInfo;
use store::{Database, StoreError};
use uuid::Uuid;

use crate::FieldError;

/// How long an instance trusts the rates it read.
const FRESH_FOR: SignedDuration = SignedDuration::from_secs(60);

/// The rates in force on a day.
#[derive(Debug, Clone, Default)]
pub struct ExchangeRates {
    per_usd: HashMap<String, f64>,
}

impl ExchangeRates {
    /// From the table's rows.
    pub fn from_rows(rows: &[Rate]) -> Self {
        Self {
            per_usd: rows
                .iter()
                .filter(|r| r.per_usd_nano > 0)
                .map(|r| (r.currency.clone(), r.per_usd_nano as f64 / 1e9))
                .collect(),
        }
    }

    /// `money` in `target`, rounded to the nearest minor unit; `None` when either currency
    /// has no rate.
    pub fn estimate(&self, money: Money, target: CurrencyCode) -> Option<Money> {
        // A dollar is a dollar (`set` refuses a rate for it).
        let per_usd = |c: CurrencyCode| match c.as_str() {
            "USD" => Some(1.0),
            code => self.per_usd.get(code).copied(),
        };
        domain::money::estimate_at(money, target, per_usd)
    }
}

/// The day (UTC) `at` falls on, as the table writes it.
fn day_of(at: Timestamp) -> String {
    domain::schedule::zones::local(&jiff::tz::TimeZone::UTC, at)
        .date()
        .to_string()
}

/// This instance's copy of the rates in force today.
#[derive(Default)]
pub struct RatesCache {
    inner: Mutex<Option<(String, Timestamp, Arc<ExchangeRates>)>>,
}

impl RatesCache {
    /// An empty cache; one per process.
    pub fn new() -> Self {
        Self::default()
    }

    /// The rates in force today (by the database's clock).
    pub async fn get(&self, db: &Database) -> Result<Arc<ExchangeRates>, StoreError> {
        let now = db.clock().now();
        let day = day_of(now);
        if let Ok(inner) = self.inner.lock()
            && let Some((cached_day, read_at, rates)) = inner.as_ref()
            && *cached_day == day
            && now.duration_since(*read_at) < FRESH_FOR
            && now >= *read_at
        {
            return Ok(rates.clone());
        }
        let rates = Arc::new(ExchangeRates::from_rows(
            &store::exchange_rates::in_force(db, &day).await?,
        ));
        if let Ok(mut inner) = self.inner.lock() {
            *inner = Some((day, now, rates.clone()));
        }
        Ok(rates)
    }

    /// Forgets what was read (a rate changed).
    pub fn forget(&self) {
        if let Ok(mut inner) = self.inner.lock() {
            *inner = None;
        }
    }
}

/// Why a rate was refused.
#[derive(Debug, thiserror::Error)]
pub enum RateError {
    /// Fields that could not be read.
    #[error("invalid rate")]
    Invalid(Vec<FieldError>),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The table as operators see it: what is in force today and what is announced.
pub async fn table(db: &Database) -> Result<(Vec<Rate>, Vec<Rate>), StoreError> {
    let day = day_of(db.clock().now());
    Ok((
        store::exchange_rates::in_force(db, &day).await?,
        store::exchange_rates::upcoming(db, &day).await?,
    ))
}

/// An operator sets how many units of `currency` one US dollar buys from `effective_on`
/// (`YYYY-MM-DD`, today when blank); audited.
pub async fn set(
    db: &Database,
    cache: &RatesCache,
    operator: Uuid,
    currency: &str,
    per_usd: &str,
    effective_on: &str,
    client: &ClientInfo,
) -> Result<Rate, RateError> {
    let mut errors = Vec::new();
    let code = CurrencyCode::parse(currency.trim());
    match &code {
        Err(_) => errors.push(FieldError {
            field: "currency",
            message_id: "rate-currency-invalid",
        }),
        // Rates are per US dollar: the dollar's own is one, always.
        Ok(c) if c.as_str() == "USD" => errors.push(FieldError {
            field: "currency",
            message_id: "rate-usd-fixed",
        }),
        Ok(_) => {}
    }
    let nano = parse_nano(per_usd.trim());
    if nano.is_none() {
        errors.push(FieldError {
            field: "per_usd",
            message_id: "rate-value-invalid",
        });
    }
    let day = match effective_on.trim() {
        "" => Some(day_of(db.clock().now())),
        text => text
            .parse::<jiff::civil::Date>()
            .ok()
            .map(|d| d.to_string()),
    };
    if day.is_none() {
        errors.push(FieldError {
            field: "effective_on",
            message_id: "rate-day-invalid",
        });
    }
    let (Ok(code), Some(nano), Some(day), true) = (code, nano, day, errors.is_empty()) else {
        return Err(RateError::Invalid(errors));
    };
    let rate = Rate {
        currency: code.as_str().to_owned(),
        per_usd_nano: nano,
        effective_on: day,
    };
    let detail = serde_json::json!({
        "currency": rate.currency,
        "per_usd": per_usd.trim(),
        "effective_on": rate.effective_on,
    })
    .to_string();
    store::exchange_rates::set(
        db,
        &rate,
        operator,
        NewAuditEvent {
            user_id: None,
            actor_id: Some(operator),
            kind: "payments.rate_set",
            client,
            detail,
        },
        db.clock().now(),
    )
    .await?;
    cache.forget();
    Ok(rate)
}

/// A positive decimal with at most nine decimals, times 10⁹ (`1.0845` → 1 084 500 000).
fn parse_nano(text: &str) -> Option<i64> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if whole.is_empty() && fraction.is_empty()
        || fraction.len() > 9
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !fraction.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let fraction: i64 = format!("{fraction:0<9}").parse().ok()?;
    let nano = whole.checked_mul(1_000_000_000)?.checked_add(fraction)?;
    (nano > 0).then_some(nano)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_are_positive_decimals_of_at_most_nine_places() {
        assert_eq!(parse_nano("1.0845"), Some(1_084_500_000));
        assert_eq!(parse_nano("158"), Some(158_000_000_000));
        assert_eq!(parse_nano(".5"), Some(500_000_000));
        for bad in [
            "",
            ".",
            "0",
            "0.000",
            "-1",
            "1,5",
            "1.0000000001",
            "abc",
            "1e3",
        ] {
            assert_eq!(parse_nano(bad), None, "{bad}");
        }
    }

    #[test]
    fn estimates_go_through_the_dollar() {
        let rows = [
            Rate {
                currency: "EUR".into(),
                per_usd_nano: 500_000_000,
                effective_on: "2026-12-01".into(),
            },
            Rate {
                currency: "JPY".into(),
                per_usd_nano: 150_000_000_000,
                effective_on: "2026-12-01".into(),
            },
        ];
        let rates = ExchangeRates::from_rows(&rows);
        let eur = CurrencyCode::parse("EUR").unwrap();
        let jpy = CurrencyCode::parse("JPY").unwrap();
        let usd = CurrencyCode::parse("USD").unwrap();
        assert_eq!(
            rates.estimate(Money::new(1000, eur), jpy),
            Some(Money::new(3000, jpy))
        );
        assert_eq!(
            rates.estimate(Money::new(1000, eur), usd),
            Some(Money::new(2000, usd))
        );
        let chf = CurrencyCode::parse("CHF").unwrap();
        assert_eq!(rates.estimate(Money::new(1000, eur), chf), None);
    }
}
