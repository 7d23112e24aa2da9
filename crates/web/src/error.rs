//! Errors as users see them: one table of stable codes, each with its HTTP status and the
//! message ids of its title and detail.
//!
//! Handlers return `AppError`. It becomes a bodiless response carrying `ErrorInfo`; the
//! `render_errors` middleware then writes problem+json or an HTML page, in the request's
//! language and with its request id, because only it knows those.

use app::FieldError;
use app::accounts::AccountError;
use app::bookings::BookingError;
use app::experts::ExpertError;
use app::scheduling::SchedulingError;
use app::throttle::RetryAfter;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use domain::payment::ChargeRefusal;

mod codes;

pub use codes::ErrorCode;

/// A value in an error's message written as the reader's language writes it, once the
/// response knows that language.
#[derive(Debug, Clone)]
pub enum LocalValue {
    Money(domain::money::Money),
    /// Shown in UTC, named as such: the error has no viewer's zone to hand.
    Instant(jiff::Timestamp),
}

/// An error on its way to the user. `args` and `local_args` fill the placeholders of the
/// detail message.
#[derive(Debug, Clone)]
pub struct AppError {
    pub code: ErrorCode,
    pub args: Vec<(&'static str, String)>,
    pub local_args: Vec<(&'static str, LocalValue)>,
    /// Field-level problems (`validation_failed`): field name and message id.
    pub fields: Vec<FieldError>,
    /// Seconds to wait, sent as `Retry-After` (`rate_limited`).
    pub retry_after: Option<u64>,
}

impl AppError {
    pub fn new(code: ErrorCode) -> Self {
        Self {
            code,
            args: Vec::new(),
            local_args: Vec::new(),
            fields: Vec::new(),
            retry_after: None,
        }
    }

    /// A `validation_failed` error listing each field's problem.
    pub fn fields(fields: Vec<FieldError>) -> Self {
        Self {
            fields,
            ..Self::new(ErrorCode::ValidationFailed)
        }
    }

    pub fn with_arg(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// An argument written in the reader's language: an amount, or an instant.
    pub fn with_local_arg(mut self, name: &'static str, value: LocalValue) -> Self {
        self.local_args.push((name, value));
        self
    }

    /// Every argument of the detail message, as `locale` writes them.
    pub fn detail_args(&self, locale: i18n::Locale) -> Vec<(&'static str, String)> {
        let local = self.local_args.iter().map(|(name, value)| {
            let text = match value {
                LocalValue::Money(m) => locale.money(
                    m.minor,
                    m.currency.as_str(),
                    domain::money::exponent(m.currency),
                ),
                LocalValue::Instant(at) => format!(
                    "{} UTC",
                    locale.date_time(jiff::tz::TimeZone::UTC.to_datetime(*at))
                ),
            };
            (*name, text)
        });
        self.args.iter().cloned().chain(local).collect()
    }

    /// Nothing was written for lack of disk space: a 503 the client may retry (and
    /// `/readyz` reports, see `storage_watch`).
    pub fn storage_full(err: &dyn std::fmt::Display) -> Self {
        tracing::error!(error = %err, "storage is full; the change was refused");
        Self {
            retry_after: Some(STORAGE_FULL_RETRY_SECS),
            ..Self::new(ErrorCode::StorageFull)
        }
    }

    /// An unexpected failure: logged in full here, shown to the user only as a 500.
    pub fn internal(err: impl std::fmt::Display) -> Self {
        tracing::error!(error = %err, "internal error");
        Self::new(ErrorCode::Internal)
    }
}

/// How long a client is asked to wait when storage is full: long enough for an operator
/// to free space, short enough that nobody gives up.
const STORAGE_FULL_RETRY_SECS: u64 = 30;

impl From<store::StoreError> for AppError {
    fn from(err: store::StoreError) -> Self {
        match err {
            store::StoreError::StorageFull(_) => AppError::storage_full(&err),
            err => AppError::internal(err),
        }
    }
}

impl From<app::files::FileError> for AppError {
    fn from(err: app::files::FileError) -> Self {
        if err.is_storage_full() {
            AppError::storage_full(&err)
        } else {
            AppError::internal(err)
        }
    }
}

/// Marker left on a response for `render_errors` to turn into a body.
#[derive(Debug, Clone)]
pub(crate) struct ErrorInfo(pub AppError);

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let mut response = self.code.status().into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response.extensions_mut().insert(ErrorInfo(self));
        response
    }
}

impl From<RetryAfter> for AppError {
    fn from(wait: RetryAfter) -> Self {
        let seconds = wait.seconds();
        Self {
            retry_after: Some(seconds),
            ..Self::new(ErrorCode::RateLimited).with_arg("seconds", seconds.to_string())
        }
    }
}

/// How the API reports an account use case's failure.
impl From<AccountError> for AppError {
    fn from(err: AccountError) -> Self {
        match err {
            AccountError::Invalid(fields) => AppError::fields(fields),
            AccountError::WrongCurrentPassword => AppError::fields(vec![FieldError {
                field: "current_password",
                message_id: "field-current-password-wrong",
            }]),
            AccountError::InvalidCredentials => AppError::new(ErrorCode::InvalidCredentials),
            AccountError::RateLimited(wait) => wait.into(),
            AccountError::LockedOut(wait) => {
                let seconds = wait.seconds();
                Self {
                    retry_after: Some(seconds),
                    ..Self::new(ErrorCode::LoginLocked).with_arg("seconds", seconds.to_string())
                }
            }
            AccountError::SecondFactorRequired => AppError::new(ErrorCode::SecondFactorRequired),
            AccountError::InvalidSecondFactor => AppError::new(ErrorCode::SecondFactorInvalid),
            AccountError::InvalidLink => AppError::new(ErrorCode::BadRequest).with_arg(
                "problem",
                "the link or challenge is invalid, expired or used",
            ),
            AccountError::PasskeysUnavailable(origin) => {
                AppError::new(ErrorCode::PasskeysUnavailable).with_arg("origin", origin)
            }
            AccountError::Store(e) => e.into(),
            AccountError::Files(e) => e.into(),
            e @ AccountError::Internal(_) => AppError::internal(e),
        }
    }
}

/// How the API and pages report an expert use case's failure.
impl From<app::test_clock::TestClockError> for AppError {
    fn from(err: app::test_clock::TestClockError) -> Self {
        match err {
            app::test_clock::TestClockError::Invalid(fields) => AppError::fields(fields),
            app::test_clock::TestClockError::Store(e) => e.into(),
        }
    }
}

impl From<ExpertError> for AppError {
    fn from(err: ExpertError) -> Self {
        match err {
            ExpertError::Invalid(fields) => AppError::fields(fields),
            ExpertError::EmailUnverified => AppError::new(ErrorCode::EmailUnverified),
            ExpertError::NotFound | ExpertError::NotTestMode => AppError::new(ErrorCode::NotFound),
            ExpertError::AlreadyApplied => AppError::new(ErrorCode::ApplicationExists),
            ExpertError::OwnApplication => AppError::new(ErrorCode::OwnApplication),
            ExpertError::RateLimited(wait) => wait.into(),
            ExpertError::WrongState(status) => {
                AppError::new(ErrorCode::ApplicationState).with_arg("status", status.as_str())
            }
            ExpertError::Payments(e) => {
                tracing::error!(error = %e, "payment provider failed");
                AppError::new(ErrorCode::PaymentProviderUnavailable)
            }
            ExpertError::Store(e) => e.into(),
            ExpertError::Files(e) => e.into(),
            e @ ExpertError::Internal(_) => AppError::internal(e),
        }
    }
}

/// How the API and pages report a scheduling use case's failure.
impl From<BookingError> for AppError {
    fn from(err: BookingError) -> Self {
        match err {
            BookingError::Invalid(fields) => AppError::fields(fields),
            BookingError::NotFound | BookingError::NotTestMode => {
                AppError::new(ErrorCode::NotFound)
            }
            BookingError::ExpertNotBookable => AppError::new(ErrorCode::ExpertNotBookable),
            BookingError::OwnSession => AppError::new(ErrorCode::OwnSession),
            BookingError::SlotUnavailable => AppError::new(ErrorCode::SlotUnavailable),
            BookingError::LearnerBusy => AppError::new(ErrorCode::LearnerBusy),
            BookingError::IdempotencyKeyReused => AppError::new(ErrorCode::IdempotencyKeyReused),
            BookingError::EmailUnverified => AppError::new(ErrorCode::EmailUnverified),
            BookingError::TooManyHolds(n) => {
                AppError::new(ErrorCode::HoldLimit).with_arg("count", n.to_string())
            }
            BookingError::RescheduleLimit(n) => {
                AppError::new(ErrorCode::RescheduleLimit).with_arg("count", n.to_string())
            }
            BookingError::ProposalExpired => AppError::new(ErrorCode::ProposalExpired),
            BookingError::RateLimited(retry) => retry.into(),
            BookingError::SettledByAttendance => AppError::new(ErrorCode::SettledByAttendance),
            BookingError::DisputeWindowClosed { hours } => {
                AppError::new(ErrorCode::DisputeWindowClosed).with_arg("hours", hours.to_string())
            }
            BookingError::TooEarly { minutes } => {
                AppError::new(ErrorCode::NoShowTooEarly).with_arg("minutes", minutes.to_string())
            }
            BookingError::InvalidTransition { from, to } => {
                AppError::new(ErrorCode::InvalidTransition)
                    .with_arg("from", from.as_str())
                    .with_arg("to", to.as_str())
            }
            BookingError::NotYours => AppError::new(ErrorCode::Forbidden),
            BookingError::PaymentDeclined => AppError::new(ErrorCode::PaymentDeclined),
            BookingError::NotChargeable(ChargeRefusal::Unsupported) => {
                AppError::new(ErrorCode::CurrencyNotChargeable)
            }
            BookingError::NotChargeable(ChargeRefusal::BelowMinimum { minimum }) => {
                AppError::new(ErrorCode::PriceNotChargeable)
                    .with_local_arg("minimum", LocalValue::Money(minimum))
            }
            BookingError::NotChargeable(ChargeRefusal::NotAStep { step }) => {
                AppError::new(ErrorCode::PriceNotChargeable)
                    .with_local_arg("minimum", LocalValue::Money(step))
            }
            BookingError::Provider(e) => {
                tracing::warn!(error = %e, "the payment provider failed a booking's payment");
                AppError::new(ErrorCode::PaymentProviderUnavailable)
            }
            BookingError::NoProposal => AppError::new(ErrorCode::NoProposal),
            BookingError::Scheduling(e) => e.into(),
            BookingError::Store(e) => e.into(),
        }
    }
}

impl From<app::calendars::CalendarUseError> for AppError {
    fn from(err: app::calendars::CalendarUseError) -> Self {
        use app::calendars::CalendarUseError as E;
        match err {
            E::Invalid(fields) => AppError::fields(fields),
            E::NotExpert => AppError::new(ErrorCode::ExpertProfileRequired),
            E::NotFound => AppError::new(ErrorCode::NotFound),
            E::TooMany => AppError::new(ErrorCode::CalendarLimit)
                .with_arg("count", app::calendars::MAX_CONNECTIONS.to_string()),
            E::Store(e) => e.into(),
            e @ E::Seal(_) => AppError::internal(e),
            E::NotOffered => AppError::new(ErrorCode::NotFound),
            E::SignIn(_) => AppError::fields(vec![app::FieldError {
                field: "provider",
                message_id: "calendars-sign-in-failed",
            }]),
        }
    }
}

impl From<SchedulingError> for AppError {
    fn from(err: SchedulingError) -> Self {
        match err {
            SchedulingError::Invalid(fields) => AppError::fields(fields),
            SchedulingError::NoExpertProfile => AppError::new(ErrorCode::ExpertProfileRequired),
            SchedulingError::NotFound => AppError::new(ErrorCode::NotFound),
            SchedulingError::UnknownZone(zone) => {
                AppError::new(ErrorCode::TimeZoneUnknown).with_arg("zone", zone)
            }
            SchedulingError::DurationNotOffered(minutes) => {
                AppError::new(ErrorCode::DurationNotOffered).with_arg("minutes", minutes)
            }
            SchedulingError::BadWindow(part) => {
                AppError::new(ErrorCode::SlotWindowInvalid).with_arg("part", part)
            }
            SchedulingError::WindowTooLarge { max_days } => {
                AppError::new(ErrorCode::SlotWindowTooLarge).with_arg("days", max_days.to_string())
            }
            SchedulingError::Store(e) => e.into(),
            e @ SchedulingError::Internal(_) => AppError::internal(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_and_instants_in_a_message_are_written_in_the_readers_language() {
        let minimum = domain::money::Money::new(
            50,
            domain::profile::CurrencyCode::parse("EUR").expect("EUR is a currency"),
        );
        let opens: jiff::Timestamp = "2026-12-08T15:00:00Z".parse().expect("an instant");
        let error = AppError::new(ErrorCode::PriceNotChargeable)
            .with_arg("text", "as given")
            .with_local_arg("minimum", LocalValue::Money(minimum))
            .with_local_arg("opens", LocalValue::Instant(opens));
        let en = error.detail_args(i18n::Locale::En);
        assert_eq!(en[0], ("text", "as given".to_owned()));
        assert_eq!(en[1], ("minimum", "€0.50".to_owned()));
        assert_eq!(
            en[2],
            ("opens", "Tue, Dec 8, 2026, 3:00\u{202f}PM UTC".to_owned())
        );
        let de = error.detail_args(i18n::Locale::De);
        assert_eq!(de[1], ("minimum", "0,50\u{a0}€".to_owned()));
        assert_eq!(de[2], ("opens", "Di., 08.12.2026, 15:00 UTC".to_owned()));
    }
}
