//! The one table of error codes. Each line is a code clients may rely on: its variant, its
//! HTTP status, the string in problem+json `code`, the stem of its Fluent messages
//! (`{stem}-title`, `{stem}-detail`), and whether it is what a bare status from the
//! framework stands for (`framework`) or a refinement only our own code reports (`own`).
//! A new code is one new line here and its two messages in every language.

use axum::http::StatusCode;

macro_rules! error_codes {
    ($($variant:ident = $status:ident, $code:literal, $stem:literal, $origin:ident;)*) => {
        /// Stable, documented error codes. Clients may rely on these strings never changing.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum ErrorCode {
            $($variant,)*
        }

        impl ErrorCode {
            /// Every code, in table order (tests walk it; the README lists it).
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self { $(ErrorCode::$variant => $code,)* }
            }

            pub fn status(self) -> StatusCode {
                match self { $(ErrorCode::$variant => StatusCode::$status,)* }
            }

            /// Fluent message id stem: `{stem}-title` and `{stem}-detail`.
            pub fn message_stem(self) -> &'static str {
                match self { $(ErrorCode::$variant => $stem,)* }
            }

            /// Whether a bare status from the framework stands for this code.
            pub fn is_framework(self) -> bool {
                match self { $(ErrorCode::$variant => stringify!($origin) == "framework",)* }
            }
        }
    };
}

error_codes! {
    NotFound = NOT_FOUND, "not_found", "error-not-found", framework;
    MethodNotAllowed = METHOD_NOT_ALLOWED, "method_not_allowed", "error-method-not-allowed", framework;
    BadRequest = BAD_REQUEST, "bad_request", "error-bad-request", framework;
    Forbidden = FORBIDDEN, "forbidden", "error-forbidden", framework;
    CsrfFailed = FORBIDDEN, "csrf_failed", "error-csrf-failed", own;
    MalformedJson = BAD_REQUEST, "malformed_json", "error-malformed-json", own;
    InvalidBody = UNPROCESSABLE_ENTITY, "invalid_body", "error-invalid-body", framework;
    UnsupportedMediaType = UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "error-unsupported-media-type", framework;
    PayloadTooLarge = PAYLOAD_TOO_LARGE, "payload_too_large", "error-payload-too-large", framework;
    RequestTimeout = REQUEST_TIMEOUT, "request_timeout", "error-request-timeout", framework;
    Internal = INTERNAL_SERVER_ERROR, "internal_error", "error-internal", framework;
    StorageFull = SERVICE_UNAVAILABLE, "storage_full", "error-storage-full", own;
    Unauthorized = UNAUTHORIZED, "unauthorized", "error-unauthorized", framework;
    TokenMalformed = UNAUTHORIZED, "token_malformed", "error-token-malformed", own;
    TokenExpired = UNAUTHORIZED, "token_expired", "error-token-expired", own;
    TokenInvalid = UNAUTHORIZED, "token_invalid", "error-token-invalid", own;
    RefreshTokenInvalid = UNAUTHORIZED, "refresh_token_invalid", "error-refresh-token-invalid", own;
    RefreshTokenReused = UNAUTHORIZED, "refresh_token_reused", "error-refresh-token-reused", own;
    InvalidCredentials = UNAUTHORIZED, "invalid_credentials", "error-invalid-credentials", own;
    SecondFactorRequired = UNAUTHORIZED, "second_factor_required", "error-second-factor-required", own;
    SecondFactorInvalid = UNAUTHORIZED, "second_factor_invalid", "error-second-factor-invalid", own;
    RateLimited = TOO_MANY_REQUESTS, "rate_limited", "error-rate-limited", framework;
    PasskeysUnavailable = BAD_REQUEST, "passkeys_unavailable", "error-passkeys-unavailable", own;
    ValidationFailed = UNPROCESSABLE_ENTITY, "validation_failed", "error-validation-failed", own;
    EmailUnverified = FORBIDDEN, "email_unverified", "error-email-unverified", own;
    ApplicationExists = CONFLICT, "application_exists", "error-application-exists", own;
    ApplicationState = CONFLICT, "application_state", "error-application-state", own;
    JobState = CONFLICT, "job_state", "error-job-state", own;
    PaymentProviderUnavailable = BAD_GATEWAY, "payment_provider_unavailable", "error-payment-provider-unavailable", own;
    WebhookInvalid = BAD_REQUEST, "webhook_invalid", "error-webhook-invalid", own;
    ExpertProfileRequired = CONFLICT, "expert_profile_required", "error-expert-profile-required", own;
    TimeZoneUnknown = BAD_REQUEST, "time_zone_unknown", "error-time-zone-unknown", own;
    DurationNotOffered = BAD_REQUEST, "duration_not_offered", "error-duration-not-offered", own;
    SlotWindowInvalid = BAD_REQUEST, "slot_window_invalid", "error-slot-window-invalid", own;
    SlotWindowTooLarge = BAD_REQUEST, "slot_window_too_large", "error-slot-window-too-large", own;
    SlotUnavailable = CONFLICT, "slot_unavailable", "error-slot-unavailable", own;
    LearnerBusy = CONFLICT, "learner_busy", "error-learner-busy", own;
    ExpertNotBookable = CONFLICT, "expert_not_bookable", "error-expert-not-bookable", own;
    OwnSession = UNPROCESSABLE_ENTITY, "own_session", "error-own-session", own;
    IdempotencyKeyReused = UNPROCESSABLE_ENTITY, "idempotency_key_reused", "error-idempotency-key-reused", own;
    InvalidTransition = CONFLICT, "invalid_transition", "error-invalid-transition", own;
    PaymentDeclined = PAYMENT_REQUIRED, "payment_declined", "error-payment-declined", own;
    CurrencyNotChargeable = UNPROCESSABLE_ENTITY, "currency_not_chargeable", "error-currency-not-chargeable", own;
    PriceNotChargeable = UNPROCESSABLE_ENTITY, "price_not_chargeable", "error-price-not-chargeable", own;
    NoProposal = CONFLICT, "no_proposal", "error-no-proposal", own;
    HoldLimit = CONFLICT, "hold_limit", "error-hold-limit", own;
    RescheduleLimit = CONFLICT, "reschedule_limit", "error-reschedule-limit", own;
    ProposalExpired = CONFLICT, "proposal_expired", "error-proposal-expired", own;
    NoShowTooEarly = CONFLICT, "no_show_too_early", "error-no-show-too-early", own;
    DisputeWindowClosed = CONFLICT, "dispute_window_closed", "error-dispute-window-closed", own;
    SettledByAttendance = CONFLICT, "settled_by_attendance", "error-settled-by-attendance", own;
    OwnApplication = FORBIDDEN, "own_application", "error-own-application", own;
    ControlCharacter = BAD_REQUEST, "control_character", "error-control-character", own;
    LoginLocked = TOO_MANY_REQUESTS, "login_locked", "error-login-locked", own;
    TokenRevoked = UNAUTHORIZED, "token_revoked", "error-token-revoked", own;
    HostUnknown = BAD_REQUEST, "host_unknown", "error-host-unknown", own;
    RoomNotOpen = CONFLICT, "room_not_open", "error-room-not-open", own;
    RoomClosed = CONFLICT, "room_closed", "error-room-closed", own;
    RecordingConsentRequired = CONFLICT, "recording_consent_required", "error-recording-consent-required", own;
    RecordingChunkRefused = CONFLICT, "recording_chunk_refused", "error-recording-chunk-refused", own;
    RangeNotSatisfiable = RANGE_NOT_SATISFIABLE, "range_not_satisfiable", "error-range-not-satisfiable", own;
    SessionNotCompleted = CONFLICT, "session_not_completed", "error-session-not-completed", own;
    ReviewWindowClosed = CONFLICT, "review_window_closed", "error-review-window-closed", own;
    ReviewExists = CONFLICT, "review_exists", "error-review-exists", own;
    ReviewEditClosed = CONFLICT, "review_edit_closed", "error-review-edit-closed", own;
    ReplyExists = CONFLICT, "reply_exists", "error-reply-exists", own;
    NotesConflict = CONFLICT, "notes_conflict", "error-notes-conflict", own;
    NpsNotDue = CONFLICT, "nps_not_due", "error-nps-not-due", own;
    CalendarLimit = CONFLICT, "calendar_limit", "error-calendar-limit", own;
}

impl ErrorCode {
    /// The code a framework-generated error status stands for; `internal_error` for any
    /// status no framework code has.
    pub fn for_status(status: StatusCode) -> Self {
        Self::ALL
            .iter()
            .copied()
            .find(|code| code.is_framework() && code.status() == status)
            .unwrap_or(ErrorCode::Internal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_snake_case_and_framework_statuses_round_trip() {
        let mut seen = std::collections::HashSet::new();
        for &code in ErrorCode::ALL {
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
            if code.is_framework() {
                assert_eq!(ErrorCode::for_status(code.status()), code);
            }
        }
    }

    #[test]
    fn the_readme_lists_every_code() {
        let readme = include_str!("../../../../README.md");
        let missing: Vec<&str> = ErrorCode::ALL
            .iter()
            .map(|code| code.as_str())
            .filter(|code| !readme.contains(&format!("`{code}`")))
            .collect();
        assert!(missing.is_empty(), "README.md does not list {missing:?}");
    }

    #[test]
    fn every_code_has_a_title_and_detail_in_every_language() {
        for &code in ErrorCode::ALL {
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
