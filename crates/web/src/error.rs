//! Errors as users see them: one table of stable codes, each with its HTTP status and the
//! message ids of its title and detail.
//!
//! Handlers return `AppError`. It becomes a bodiless response carrying `ErrorInfo`; the
//! `render_errors` middleware then writes problem+json or an HTML page, in the request's
//! language and with its request id, because only it knows those.

use axum::http::StatusCode;
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
            _ => ErrorCode::Internal,
        }
    }
}

/// An error on its way to the user. `args` fill the placeholders of the detail message.
#[derive(Debug, Clone)]
pub struct AppError {
    pub code: ErrorCode,
    pub args: Vec<(&'static str, String)>,
}

impl AppError {
    pub fn new(code: ErrorCode) -> Self {
        Self {
            code,
            args: Vec::new(),
        }
    }

    pub fn with_arg(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// An unexpected failure: logged in full here, shown to the user only as a 500.
    pub fn internal(err: impl std::fmt::Display) -> Self {
        tracing::error!(error = %err, "internal error");
        Self::new(ErrorCode::Internal)
    }
}

impl From<store::StoreError> for AppError {
    fn from(err: store::StoreError) -> Self {
        AppError::internal(err)
    }
}

/// Marker left on a response for `render_errors` to turn into a body.
#[derive(Debug, Clone)]
pub(crate) struct ErrorInfo(pub AppError);

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let mut response = self.code.status().into_response();
        response.extensions_mut().insert(ErrorInfo(self));
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [ErrorCode; 11] = [
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
            if code != ErrorCode::MalformedJson && code != ErrorCode::CsrfFailed {
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
