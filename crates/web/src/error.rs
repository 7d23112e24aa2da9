//! Errors as users see them: one table of stable codes, each with its HTTP status and the
//! message ids of its title and detail.
//!
//! Handlers return `AppError`. It becomes a bodiless response carrying `ErrorInfo`; the
//! `render_errors` middleware then writes problem+json or an HTML page, in the request's
//! language and with its request id, because only it knows those.

use app::accounts::{AccountError, FieldError};
use app::bookings::BookingError;
use app::experts::ExpertError;
use app::scheduling::SchedulingError;
use app::throttle::RetryAfter;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// Stable, documented error codes. Clients may rely on these strings never changing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    NotFound,
    MethodNotAllowed,
    BadRequest,
    Forbidden,
    CsrfFailed,
    MalformedJson,
    InvalidBody,
    UnsupportedMediaType,
    PayloadTooLarge,
    RequestTimeout,
    Internal,
    Unauthorized,
    TokenMalformed,
    TokenExpired,
    TokenInvalid,
    RefreshTokenInvalid,
    RefreshTokenReused,
    InvalidCredentials,
    SecondFactorRequired,
    SecondFactorInvalid,
    RateLimited,
    ValidationFailed,
    PasskeysUnavailable,
    EmailUnverified,
    ApplicationExists,
    ApplicationState,
    PaymentProviderUnavailable,
    WebhookInvalid,
    ExpertProfileRequired,
    TimeZoneUnknown,
    DurationNotOffered,
    SlotWindowInvalid,
    SlotWindowTooLarge,
    SlotUnavailable,
    LearnerBusy,
    ExpertNotBookable,
    OwnSession,
    IdempotencyKeyReused,
    InvalidTransition,
    PaymentDeclined,
    NoProposal,
    HostUnknown,
    TokenRevoked,
    HoldLimit,
    RescheduleLimit,
    ProposalExpired,
    NoShowTooEarly,
    OwnApplication,
    ControlCharacter,
    LoginLocked,
    StorageFull,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        self.spec().0
    }

    pub fn status(self) -> StatusCode {
        self.spec().1
    }

    /// Fluent message id stem: `{stem}-title` and `{stem}-detail`.
    pub fn message_stem(self) -> &'static str {
        self.spec().2
    }

    fn spec(self) -> (&'static str, StatusCode, &'static str) {
        match self {
            ErrorCode::NotFound => ("not_found", StatusCode::NOT_FOUND, "error-not-found"),
            ErrorCode::MethodNotAllowed => (
                "method_not_allowed",
                StatusCode::METHOD_NOT_ALLOWED,
                "error-method-not-allowed",
            ),
            ErrorCode::BadRequest => ("bad_request", StatusCode::BAD_REQUEST, "error-bad-request"),
            ErrorCode::Forbidden => ("forbidden", StatusCode::FORBIDDEN, "error-forbidden"),
            ErrorCode::CsrfFailed => ("csrf_failed", StatusCode::FORBIDDEN, "error-csrf-failed"),
            ErrorCode::MalformedJson => (
                "malformed_json",
                StatusCode::BAD_REQUEST,
                "error-malformed-json",
            ),
            ErrorCode::InvalidBody => (
                "invalid_body",
                StatusCode::UNPROCESSABLE_ENTITY,
                "error-invalid-body",
            ),
            ErrorCode::UnsupportedMediaType => (
                "unsupported_media_type",
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "error-unsupported-media-type",
            ),
            ErrorCode::PayloadTooLarge => (
                "payload_too_large",
                StatusCode::PAYLOAD_TOO_LARGE,
                "error-payload-too-large",
            ),
            ErrorCode::RequestTimeout => (
                "request_timeout",
                StatusCode::REQUEST_TIMEOUT,
                "error-request-timeout",
            ),
            ErrorCode::Internal => (
                "internal_error",
                StatusCode::INTERNAL_SERVER_ERROR,
                "error-internal",
            ),
            ErrorCode::StorageFull => (
                "storage_full",
                StatusCode::SERVICE_UNAVAILABLE,
                "error-storage-full",
            ),
            ErrorCode::Unauthorized => (
                "unauthorized",
                StatusCode::UNAUTHORIZED,
                "error-unauthorized",
            ),
            ErrorCode::TokenMalformed => (
                "token_malformed",
                StatusCode::UNAUTHORIZED,
                "error-token-malformed",
            ),
            ErrorCode::TokenExpired => (
                "token_expired",
                StatusCode::UNAUTHORIZED,
                "error-token-expired",
            ),
            ErrorCode::TokenInvalid => (
                "token_invalid",
                StatusCode::UNAUTHORIZED,
                "error-token-invalid",
            ),
            ErrorCode::RefreshTokenInvalid => (
                "refresh_token_invalid",
                StatusCode::UNAUTHORIZED,
                "error-refresh-token-invalid",
            ),
            ErrorCode::RefreshTokenReused => (
                "refresh_token_reused",
                StatusCode::UNAUTHORIZED,
                "error-refresh-token-reused",
            ),
            ErrorCode::InvalidCredentials => (
                "invalid_credentials",
                StatusCode::UNAUTHORIZED,
                "error-invalid-credentials",
            ),
            ErrorCode::SecondFactorRequired => (
                "second_factor_required",
                StatusCode::UNAUTHORIZED,
                "error-second-factor-required",
            ),
            ErrorCode::SecondFactorInvalid => (
                "second_factor_invalid",
                StatusCode::UNAUTHORIZED,
                "error-second-factor-invalid",
            ),
            ErrorCode::RateLimited => (
                "rate_limited",
                StatusCode::TOO_MANY_REQUESTS,
                "error-rate-limited",
            ),
            ErrorCode::PasskeysUnavailable => (
                "passkeys_unavailable",
                StatusCode::BAD_REQUEST,
                "error-passkeys-unavailable",
            ),
            ErrorCode::ValidationFailed => (
                "validation_failed",
                StatusCode::UNPROCESSABLE_ENTITY,
                "error-validation-failed",
            ),
            ErrorCode::EmailUnverified => (
                "email_unverified",
                StatusCode::FORBIDDEN,
                "error-email-unverified",
            ),
            ErrorCode::ApplicationExists => (
                "application_exists",
                StatusCode::CONFLICT,
                "error-application-exists",
            ),
            ErrorCode::ApplicationState => (
                "application_state",
                StatusCode::CONFLICT,
                "error-application-state",
            ),
            ErrorCode::PaymentProviderUnavailable => (
                "payment_provider_unavailable",
                StatusCode::BAD_GATEWAY,
                "error-payment-provider-unavailable",
            ),
            ErrorCode::WebhookInvalid => (
                "webhook_invalid",
                StatusCode::BAD_REQUEST,
                "error-webhook-invalid",
            ),
            ErrorCode::ExpertProfileRequired => (
                "expert_profile_required",
                StatusCode::CONFLICT,
                "error-expert-profile-required",
            ),
            ErrorCode::TimeZoneUnknown => (
                "time_zone_unknown",
                StatusCode::BAD_REQUEST,
                "error-time-zone-unknown",
            ),
            ErrorCode::DurationNotOffered => (
                "duration_not_offered",
                StatusCode::BAD_REQUEST,
                "error-duration-not-offered",
            ),
            ErrorCode::SlotWindowInvalid => (
                "slot_window_invalid",
                StatusCode::BAD_REQUEST,
                "error-slot-window-invalid",
            ),
            ErrorCode::SlotWindowTooLarge => (
                "slot_window_too_large",
                StatusCode::BAD_REQUEST,
                "error-slot-window-too-large",
            ),
            ErrorCode::SlotUnavailable => (
                "slot_unavailable",
                StatusCode::CONFLICT,
                "error-slot-unavailable",
            ),
            ErrorCode::LearnerBusy => ("learner_busy", StatusCode::CONFLICT, "error-learner-busy"),
            ErrorCode::ExpertNotBookable => (
                "expert_not_bookable",
                StatusCode::CONFLICT,
                "error-expert-not-bookable",
            ),
            ErrorCode::OwnSession => (
                "own_session",
                StatusCode::UNPROCESSABLE_ENTITY,
                "error-own-session",
            ),
            ErrorCode::IdempotencyKeyReused => (
                "idempotency_key_reused",
                StatusCode::UNPROCESSABLE_ENTITY,
                "error-idempotency-key-reused",
            ),
            ErrorCode::InvalidTransition => (
                "invalid_transition",
                StatusCode::CONFLICT,
                "error-invalid-transition",
            ),
            ErrorCode::PaymentDeclined => (
                "payment_declined",
                StatusCode::PAYMENT_REQUIRED,
                "error-payment-declined",
            ),
            ErrorCode::NoProposal => ("no_proposal", StatusCode::CONFLICT, "error-no-proposal"),
            ErrorCode::HoldLimit => ("hold_limit", StatusCode::CONFLICT, "error-hold-limit"),
            ErrorCode::RescheduleLimit => (
                "reschedule_limit",
                StatusCode::CONFLICT,
                "error-reschedule-limit",
            ),
            ErrorCode::ProposalExpired => (
                "proposal_expired",
                StatusCode::CONFLICT,
                "error-proposal-expired",
            ),
            ErrorCode::NoShowTooEarly => (
                "no_show_too_early",
                StatusCode::CONFLICT,
                "error-no-show-too-early",
            ),
            ErrorCode::OwnApplication => (
                "own_application",
                StatusCode::FORBIDDEN,
                "error-own-application",
            ),
            ErrorCode::ControlCharacter => (
                "control_character",
                StatusCode::BAD_REQUEST,
                "error-control-character",
            ),
            ErrorCode::LoginLocked => (
                "login_locked",
                StatusCode::TOO_MANY_REQUESTS,
                "error-login-locked",
            ),
            ErrorCode::TokenRevoked => (
                "token_revoked",
                StatusCode::UNAUTHORIZED,
                "error-token-revoked",
            ),
            ErrorCode::HostUnknown => (
                "host_unknown",
                StatusCode::BAD_REQUEST,
                "error-host-unknown",
            ),
        }
    }

    /// The code a framework-generated error status stands for.
    pub fn for_status(status: StatusCode) -> Self {
        match status {
            StatusCode::NOT_FOUND => ErrorCode::NotFound,
            StatusCode::METHOD_NOT_ALLOWED => ErrorCode::MethodNotAllowed,
            StatusCode::FORBIDDEN => ErrorCode::Forbidden,
            StatusCode::PAYLOAD_TOO_LARGE => ErrorCode::PayloadTooLarge,
            StatusCode::REQUEST_TIMEOUT => ErrorCode::RequestTimeout,
            StatusCode::UNSUPPORTED_MEDIA_TYPE => ErrorCode::UnsupportedMediaType,
            StatusCode::BAD_REQUEST => ErrorCode::BadRequest,
            StatusCode::UNPROCESSABLE_ENTITY => ErrorCode::InvalidBody,
            StatusCode::UNAUTHORIZED => ErrorCode::Unauthorized,
            StatusCode::TOO_MANY_REQUESTS => ErrorCode::RateLimited,
            _ => ErrorCode::Internal,
        }
    }
}

/// An error on its way to the user. `args` fill the placeholders of the detail message.
#[derive(Debug, Clone)]
pub struct AppError {
    pub code: ErrorCode,
    pub args: Vec<(&'static str, String)>,
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
            BookingError::NoProposal => AppError::new(ErrorCode::NoProposal),
            BookingError::Scheduling(e) => e.into(),
            BookingError::Store(e) => e.into(),
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

    const ALL: [ErrorCode; 42] = [
        ErrorCode::NotFound,
        ErrorCode::MethodNotAllowed,
        ErrorCode::BadRequest,
        ErrorCode::Forbidden,
        ErrorCode::CsrfFailed,
        ErrorCode::MalformedJson,
        ErrorCode::InvalidBody,
        ErrorCode::UnsupportedMediaType,
        ErrorCode::PayloadTooLarge,
        ErrorCode::RequestTimeout,
        ErrorCode::Internal,
        ErrorCode::Unauthorized,
        ErrorCode::TokenMalformed,
        ErrorCode::TokenExpired,
        ErrorCode::TokenInvalid,
        ErrorCode::RefreshTokenInvalid,
        ErrorCode::RefreshTokenReused,
        ErrorCode::InvalidCredentials,
        ErrorCode::SecondFactorRequired,
        ErrorCode::SecondFactorInvalid,
        ErrorCode::RateLimited,
        ErrorCode::ValidationFailed,
        ErrorCode::PasskeysUnavailable,
        ErrorCode::EmailUnverified,
        ErrorCode::ApplicationExists,
        ErrorCode::ApplicationState,
        ErrorCode::PaymentProviderUnavailable,
        ErrorCode::WebhookInvalid,
        ErrorCode::ExpertProfileRequired,
        ErrorCode::TimeZoneUnknown,
        ErrorCode::DurationNotOffered,
        ErrorCode::SlotWindowInvalid,
        ErrorCode::SlotWindowTooLarge,
        ErrorCode::SlotUnavailable,
        ErrorCode::LearnerBusy,
        ErrorCode::ExpertNotBookable,
        ErrorCode::OwnSession,
        ErrorCode::IdempotencyKeyReused,
        ErrorCode::InvalidTransition,
        ErrorCode::PaymentDeclined,
        ErrorCode::NoProposal,
        ErrorCode::StorageFull,
    ];

    /// Booking refinements of 402, 409 and 422.
    const BOOKING_CODES: [ErrorCode; 8] = [
        ErrorCode::SlotUnavailable,
        ErrorCode::LearnerBusy,
        ErrorCode::ExpertNotBookable,
        ErrorCode::OwnSession,
        ErrorCode::IdempotencyKeyReused,
        ErrorCode::InvalidTransition,
        ErrorCode::PaymentDeclined,
        ErrorCode::NoProposal,
    ];

    #[test]
    fn codes_are_unique_snake_case_and_round_trip_through_their_status() {
        let mut seen = std::collections::HashSet::new();
        for code in ALL {
            assert!(
                seen.insert(code.as_str()),
                "duplicate code {}",
                code.as_str()
            );
            assert!(
                code.as_str()
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_')
            );
            // Refinements of a status that only our own code reports.
            if code.status() != StatusCode::UNAUTHORIZED
                && code != ErrorCode::MalformedJson
                && code != ErrorCode::CsrfFailed
                && code != ErrorCode::ValidationFailed
                && code != ErrorCode::PasskeysUnavailable
                && code != ErrorCode::EmailUnverified
                && code != ErrorCode::ApplicationExists
                && code != ErrorCode::ApplicationState
                && code != ErrorCode::PaymentProviderUnavailable
                && code != ErrorCode::WebhookInvalid
                && code != ErrorCode::ExpertProfileRequired
                && code != ErrorCode::TimeZoneUnknown
                && code != ErrorCode::DurationNotOffered
                && code != ErrorCode::SlotWindowInvalid
                && code != ErrorCode::SlotWindowTooLarge
                && code != ErrorCode::StorageFull
                && !BOOKING_CODES.contains(&code)
            {
                assert_eq!(ErrorCode::for_status(code.status()), code);
            }
        }
    }

    #[test]
    fn every_code_has_a_title_and_detail_in_every_language() {
        for code in ALL {
            for locale in i18n::Locale::ALL {
                for part in ["title", "detail"] {
                    let id = format!("{}-{part}", code.message_stem());
                    assert!(
                        i18n::has_message(locale, &id),
                        "{id} missing in {}",
                        locale.tag()
                    );
                }
            }
        }
    }
}
