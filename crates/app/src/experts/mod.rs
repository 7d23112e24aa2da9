//! The supply side: people applying to be experts, verifiers deciding, experts connecting
//! payouts, and learners finding them in the directory.

pub mod application;
pub mod directory;
pub mod directory_cache;
pub mod directory_index;
pub mod documents;
pub mod payouts;
pub mod taxonomy;
pub mod verification;

use domain::expert::ApplicationStatus;
use store::StoreError;

use crate::FieldError;

/// Why an expert use case (applying, documents, verifying, payouts, directory) refused.
#[derive(Debug, thiserror::Error)]
pub enum ExpertError {
    /// Fields the applicant or verifier must correct, each with its message.
    #[error("invalid input: {0:?}")]
    Invalid(Vec<FieldError>),
    /// Only accounts with a confirmed address may apply.
    #[error("the email address must be confirmed first")]
    EmailUnverified,
    /// No such application, expert or document, or not one the caller may see.
    #[error("there is no such application, expert or document")]
    NotFound,
    /// The account has an application already; it edits that one.
    #[error("an application exists already")]
    AlreadyApplied,
    /// The application's status does not allow this (editing while submitted, deciding a draft, …).
    #[error("the application is {}, which does not allow this", .0.as_str())]
    WrongState(ApplicationStatus),
    /// The payout sandbox was used while Stripe is configured.
    #[error("payouts are not in test mode")]
    NotTestMode,
    /// A verifier tried to decide or suspend their own application.
    #[error("a verifier cannot decide their own application")]
    OwnApplication,
    /// Too many document uploads recently; retry after the wait.
    #[error("too many uploads; try again later")]
    RateLimited(crate::throttle::RetryAfter),
    /// The payment provider failed or refused (payout onboarding).
    #[error(transparent)]
    Payments(#[from] payments::PaymentError),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The file store failed (verification documents).
    #[error(transparent)]
    Files(#[from] crate::files::FileError),
    /// Something that should not fail did (a stored value that no longer parses, …).
    #[error("{0}")]
    Internal(String),
}

impl From<store::experts::Refused> for ExpertError {
    fn from(refused: store::experts::Refused) -> Self {
        match refused {
            store::experts::Refused::Missing => ExpertError::NotFound,
            store::experts::Refused::WrongState(s) => ExpertError::WrongState(s),
        }
    }
}

impl From<crate::accounts::AccountError> for ExpertError {
    fn from(e: crate::accounts::AccountError) -> Self {
        match e {
            // Kept whole, so a full disk still answers 503 storage_full.
            crate::accounts::AccountError::Store(e) => ExpertError::Store(e),
            crate::accounts::AccountError::Files(e) => ExpertError::Files(e),
            e => ExpertError::Internal(e.to_string()),
        }
    }
}

/// One field's problem.
pub(crate) fn field(field: &'static str, message_id: &'static str) -> FieldError {
    FieldError { field, message_id }
}
