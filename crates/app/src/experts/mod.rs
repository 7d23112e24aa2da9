//! The supply side: people applying to be experts, verifiers deciding, experts connecting
//! payouts, and learners finding them in the directory.

pub mod application;
pub mod directory;
pub mod directory_cache;
pub mod documents;
pub mod payouts;
pub mod taxonomy;
pub mod verification;

use domain::expert::ApplicationStatus;
use store::StoreError;

use crate::FieldError;

#[derive(Debug, thiserror::Error)]
pub enum ExpertError {
    #[error("invalid input: {0:?}")]
    Invalid(Vec<FieldError>),
    #[error("the email address must be confirmed first")]
    EmailUnverified,
    #[error("there is no such application, expert or document")]
    NotFound,
    #[error("an application exists already")]
    AlreadyApplied,
    #[error("the application is {}, which does not allow this", .0.as_str())]
    WrongState(ApplicationStatus),
    #[error("payouts are not in test mode")]
    NotTestMode,
    #[error("a verifier cannot decide their own application")]
    OwnApplication,
    #[error("too many uploads; try again later")]
    RateLimited(crate::throttle::RetryAfter),
    #[error(transparent)]
    Payments(#[from] payments::PaymentError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Files(#[from] crate::files::FileError),
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
