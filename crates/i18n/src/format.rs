//! Dates, times and money as each locale writes them, by ICU4X with CLDR's data baked into
//! the binary: the locale decides 12- or 24-hour clocks, the order of day, month and year,
//! separators and where a currency's symbol goes. Nothing here writes a pattern by hand.
//!
//! Times come in as civil (wall-clock) values already in the viewer's zone: which zone to
//! show is the caller's choice, how to write it is the locale's.

use std::cell::RefCell;
use std::sync::LazyLock;

use fixed_decimal::Decimal;
use icu::datetime::fieldsets::{MDE, T, YM, YMD, YMDE};
use icu::datetime::input::{Date, DateTime, Time};
use icu::datetime::{DateTimeFormatter, NoCalendarFormatter};
use icu_experimental::dimension::currency::CurrencyCode;
use icu_experimental::dimension::currency::formatter::CurrencyFormatter;
use icu_experimental::dimension::currency::options::CurrencyFormatterOptions;

use crate::Locale;

/// One locale's formatters, built once: building them reads the baked data.
struct Formats {
    date_time: Option<DateTimeFormatter<icu::datetime::fieldsets::YMDET>>,
    date_time_seconds: Option<DateTimeFormatter<icu::datetime::fieldsets::YMDET>>,
    time: Option<NoCalendarFormatter<T>>,
    day: Option<DateTimeFormatter<MDE>>,
    date: Option<DateTimeFormatter<YMD>>,
    weekday_date: Option<DateTimeFormatter<YMDE>>,
    month: Option<DateTimeFormatter<YM>>,
    money: Option<CurrencyFormatter>,
}

impl Formats {
    fn of(locale: Locale) -> Self {
        let tag: icu::locale::Locale = locale.tag().parse().unwrap_or(icu::locale::Locale::UNKNOWN);
        // Every locale we serve has baked data; a failure would leave the ISO fallback.
        Self {
            date_time: DateTimeFormatter::try_new((&tag).into(), YMDE::medium().with_time_hm())
                .ok(),
            date_time_seconds: DateTimeFormatter::try_new(
                (&tag).into(),
                YMDE::medium().with_time_hms(),
            )
            .ok(),
            time: NoCalendarFormatter::try_new((&tag).into(), T::hm()).ok(),
            day: DateTimeFormatter::try_new((&tag).into(), MDE::medium()).ok(),
            date: DateTimeFormatter::try_new((&tag).into(), YMD::medium()).ok(),
            weekday_date: DateTimeFormatter::try_new((&tag).into(), YMDE::medium()).ok(),
            month: DateTimeFormatter::try_new((&tag).into(), YM::long()).ok(),
            money: CurrencyFormatter::try_new((&tag).into(), CurrencyFormatterOptions::default())
                .ok(),
        }
    }
}

static FORMATS: LazyLock<[Formats; 4]> = LazyLock::new(|| Locale::ALL.map(Formats::of));

fn formats(locale: Locale) -> &'static Formats {
    let i = Locale::ALL.iter().position(|l| *l == locale).unwrap_or(0);
    &FORMATS[i]
}

fn icu_date(d: jiff::civil::Date) -> Option<Date<icu::calendar::Iso>> {
    Date::try_new_iso(
        i32::from(d.year()),
        u8::try_from(d.month()).ok()?,
        u8::try_from(d.day()).ok()?,
    )
    .ok()
}

fn icu_time(t: jiff::civil::Time) -> Option<Time> {
    Time::try_new(
        u8::try_from(t.hour()).ok()?,
        u8::try_from(t.minute()).ok()?,
        0,
        0,
    )
    .ok()
}

/// A time as written, kept by `kept` (to the minute: the formats show no seconds).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Written {
    DateTime(jiff::civil::DateTime),
    Time(jiff::civil::Time),
}

/// `at` without its seconds, which the formats do not show.
fn to_the_minute(at: jiff::civil::Time) -> jiff::civil::Time {
    jiff::civil::time(at.hour(), at.minute(), 0, 0)
}

/// What `write` writes for `what` in `locale`, kept by each thread: lists show the same
/// times again and again, and ICU's formatting was most of a list row's time. At most
/// `KEPT` per thread; past it, the thread starts over.
fn kept(locale: Locale, what: Written, write: impl FnOnce() -> String) -> String {
    const KEPT: usize = 4096;
    thread_local! {
        static WRITTEN: RefCell<foldhash::HashMap<(Locale, Written), Box<str>>> =
            RefCell::default();
    }
    let key = (locale, what);
    if let Some(text) = WRITTEN.with_borrow(|kept| kept.get(&key).map(|t| t.to_string())) {
        return text;
    }
    let text = write();
    WRITTEN.with_borrow_mut(|kept| {
        if kept.len() >= KEPT {
            kept.clear();
        }
        kept.insert(key, text.as_str().into());
    });
    text
}

/// A date as one of a locale's date formatters writes it, or `$fallback` (ISO) without
/// one. A macro, not a function: each formatter has its own field set type.
macro_rules! written {
    ($formatter:expr, $date:expr, $fallback:expr) => {
        $formatter
            .as_ref()
            .and_then(|f| Some(f.format(&icu_date($date)?).to_string()))
            .unwrap_or_else(|| $fallback)
    };
}

impl Locale {
    /// A day and time: "Mon, Dec 7, 2026, 2:05 PM" (en), "lun, 7 dic 2026, 14:05" (es).
    pub fn date_time(self, at: jiff::civil::DateTime) -> String {
        let minute = at.date().to_datetime(to_the_minute(at.time()));
        kept(self, Written::DateTime(minute), || {
            self.date_time_written(minute)
        })
    }

    fn date_time_written(self, at: jiff::civil::DateTime) -> String {
        let shown = formats(self).date_time.as_ref().and_then(|f| {
            let input = DateTime {
                date: icu_date(at.date())?,
                time: icu_time(at.time())?,
            };
            Some(f.format(&input).to_string())
        });
        shown.unwrap_or_else(|| at.strftime("%Y-%m-%d %H:%M").to_string())
    }

    /// A day and time to the second, for operators reading logs.
    pub fn date_time_seconds(self, at: jiff::civil::DateTime) -> String {
        let shown = formats(self).date_time_seconds.as_ref().and_then(|f| {
            let input = DateTime {
                date: icu_date(at.date())?,
                time: Time::try_new(
                    u8::try_from(at.hour()).ok()?,
                    u8::try_from(at.minute()).ok()?,
                    u8::try_from(at.second()).ok()?,
                    0,
                )
                .ok()?,
            };
            Some(f.format(&input).to_string())
        });
        shown.unwrap_or_else(|| at.strftime("%Y-%m-%d %H:%M:%S").to_string())
    }

    /// A time of day: "2:05 PM" (en), "14:05" (de).
    pub fn time(self, at: jiff::civil::Time) -> String {
        let minute = to_the_minute(at);
        kept(self, Written::Time(minute), || self.time_written(minute))
    }

    fn time_written(self, at: jiff::civil::Time) -> String {
        let shown = formats(self)
            .time
            .as_ref()
            .and_then(|f| Some(f.format(&icu_time(at)?).to_string()));
        shown.unwrap_or_else(|| at.strftime("%H:%M").to_string())
    }

    /// A day without its year, for nearby dates: "Mon, Dec 7" (en), "Mo., 07.12." (de).
    pub fn day(self, date: jiff::civil::Date) -> String {
        written!(formats(self).day, date, date.to_string())
    }

    /// A day with its year: "Dec 7, 2026" (en), "7 dic 2026" (es).
    pub fn date(self, date: jiff::civil::Date) -> String {
        written!(formats(self).date, date, date.to_string())
    }

    /// A day with its weekday and year: "Mon, Dec 7, 2026".
    pub fn weekday_date(self, date: jiff::civil::Date) -> String {
        written!(formats(self).weekday_date, date, date.to_string())
    }

    /// The month `date` falls in, with its year: "December 2026" (en), "Dezember 2026" (de).
    pub fn month(self, date: jiff::civil::Date) -> String {
        written!(
            formats(self).month,
            date,
            date.strftime("%Y-%m").to_string()
        )
    }

    /// A stretch of time: "Mon, Dec 7, 2026, 2:00 PM – 3:00 PM" on one day, both ends in
    /// full when it crosses midnight.
    pub fn span(self, start: jiff::civil::DateTime, end: jiff::civil::DateTime) -> String {
        let until = if start.date() == end.date() {
            self.time(end.time())
        } else {
            self.date_time(end)
        };
        format!("{} – {until}", self.date_time(start))
    }

    /// Whether this locale's people read times on a 12-hour clock (with AM/PM).
    pub fn uses_12_hour_clock(self) -> bool {
        // One o'clock in the afternoon reads "1:00 PM" on a 12-hour clock, "13:00" on 24.
        !self.time(jiff::civil::time(13, 0, 0, 0)).contains("13")
    }

    /// An amount in minor units as this locale writes that currency: "€50.00" (en),
    /// "50,00 €" (de). `exponent` is the currency's number of minor-unit digits. A code
    /// ICU cannot take shows as "50.00 XYZ".
    pub fn money(self, minor: i64, currency: &str, exponent: u32) -> String {
        // ICU4X's (experimental) currency formatter puts a sign after the symbol ("€-4.00");
        // a debit reads "-€4.00" in every locale we serve, so the sign goes in front.
        let sign = if minor < 0 { "-" } else { "" };
        let mut value = Decimal::from(minor.unsigned_abs());
        value.multiply_pow10(-(exponent as i16));
        let code = tinystr::TinyAsciiStr::<3>::try_from_str(currency).ok();
        let shown = formats(self).money.as_ref().zip(code).map(|(f, code)| {
            f.format_fixed_decimal(&value, CurrencyCode(code))
                .to_string()
        });
        format!(
            "{sign}{}",
            shown.unwrap_or_else(|| format!("{value} {currency}"))
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::{date, time};

    #[test]
    fn each_locale_writes_dates_and_times_its_own_way() {
        let at = date(2026, 12, 7).at(14, 5, 0, 0);
        assert_eq!(Locale::En.date_time(at), "Mon, Dec 7, 2026, 2:05\u{202f}PM");
        assert_eq!(Locale::Es.date_time(at), "lun, 7 dic 2026, 14:05");
        assert_eq!(Locale::De.date_time(at), "Mo., 07.12.2026, 14:05");
        assert!(Locale::Ar.date_time(at).starts_with("الاثنين"));
        assert_eq!(Locale::De.time(time(9, 30, 0, 0)), "09:30");
        assert_eq!(Locale::En.day(at.date()), "Mon, Dec 7");
        assert_eq!(Locale::Es.date(at.date()), "7 dic 2026");
        assert_eq!(Locale::En.month(at.date()), "December 2026");
        assert_eq!(Locale::En.weekday_date(at.date()), "Mon, Dec 7, 2026");
    }

    #[test]
    fn the_locale_decides_the_clock() {
        assert!(Locale::En.uses_12_hour_clock());
        assert!(Locale::Ar.uses_12_hour_clock());
        assert!(!Locale::Es.uses_12_hour_clock());
        assert!(!Locale::De.uses_12_hour_clock());
    }

    #[test]
    fn a_span_on_one_day_names_the_day_once() {
        let start = date(2026, 12, 7).at(10, 0, 0, 0);
        assert_eq!(
            Locale::De.span(start, date(2026, 12, 7).at(10, 30, 0, 0)),
            "Mo., 07.12.2026, 10:00 – 10:30"
        );
        let late = date(2026, 12, 7).at(23, 30, 0, 0);
        assert_eq!(
            Locale::De.span(late, date(2026, 12, 8).at(0, 30, 0, 0)),
            "Mo., 07.12.2026, 23:30 – Di., 08.12.2026, 00:30"
        );
    }

    #[test]
    fn money_follows_the_locale_and_the_currency_digits() {
        assert_eq!(Locale::En.money(5000, "EUR", 2), "€50.00");
        assert_eq!(Locale::De.money(5000, "EUR", 2), "50,00\u{a0}€");
        assert_eq!(Locale::Es.money(123456, "USD", 2), "1234,56\u{a0}US$");
        assert_eq!(Locale::En.money(3000, "JPY", 0), "¥3,000");
        assert_eq!(Locale::En.money(-400, "EUR", 2), "-€4.00");
        assert!(Locale::Ar.money(5000, "EUR", 2).contains("50.00\u{a0}€"));
        assert_eq!(
            Locale::En.money(i64::MIN, "JPY", 0),
            "-¥9,223,372,036,854,775,808"
        );
    }
}
