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

/// Why setting availability or listing free slots failed.
#[derive(Debug, thiserror::Error)]
pub enum SchedulingError {
    /// Every problem with submitted availability rules at once, each with its message.
    #[error("invalid input: {0:?}")]
    Invalid(Vec<FieldError>),
    /// Availability belongs to an expert profile; the caller has none.
    #[error("set up an expert profile first")]
    NoExpertProfile,
    /// No such expert, or one the caller may not see.
    #[error("there is no such expert")]
    NotFound,
    /// The `tz` asked for is not an IANA zone this build knows (`time_zone_unknown`).
    #[error("unknown time zone {0:?}")]
    UnknownZone(String),
    /// A session length the expert has no price for (`duration_not_offered`).
    #[error("the expert does not offer {0}-minute sessions")]
    DurationNotOffered(String),
    /// The slot window spans more days than allowed (`slot_window_too_large`).
    #[error("the window must be at most {max_days} days")]
    WindowTooLarge {
        /// The most days one window may span.
        max_days: i64,
    },
    /// `from` or `to` does not parse, or `to` is not after `from` (`slot_window_invalid`).
    #[error("the window is not valid: {0}")]
    BadWindow(&'static str),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Stored rules that no longer parse, or rules that cannot be written back.
    #[error("{0}")]
    Internal(String),
}
