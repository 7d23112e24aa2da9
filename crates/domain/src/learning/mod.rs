//! The learning record: reviews of completed sessions and the rating they add up to,
//! learners' goals, and the periodic "would you recommend Mentora" question (NPS).

pub mod goal;
pub mod nps;
pub mod rating;
pub mod review;

pub use goal::{GoalStatus, TargetDate};
pub use nps::NpsScore;
pub use rating::{RatingSummary, Stars};
pub use review::{ReviewRefusal, may_edit, may_review};
