//! Scheduling: experts set their availability; learners see free slots in their own zone;
//! the directory learns each expert's first free slot.

pub mod cache;
pub mod document;
pub mod next_available;
pub mod rules;
pub mod schedule;
pub mod slots;

use store::StoreError;

use crate::FieldError;

pub use cache::ScheduleCache;
pub use schedule::ExpertSchedule;

#[derive(Debug, thiserror::Error)]
pub enum SchedulingError {
    #[error("invalid input: {0:?}")]
    Invalid(Vec<FieldError>),
    /// Availability belongs to an expert profile; the caller has none.
    #[error("set up an expert profile first")]
    NoExpertProfile,
    #[error("there is no such expert")]
    NotFound,
    #[error("unknown time zone {0:?}")]
    UnknownZone(String),
    #[error("the expert does not offer {0}-minute sessions")]
    DurationNotOffered(String),
    #[error("the window must be at most {max_days} days")]
    WindowTooLarge { max_days: i64 },
    #[error("the window is not valid: {0}")]
    BadWindow(&'static str),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0}")]
    Internal(String),
}
