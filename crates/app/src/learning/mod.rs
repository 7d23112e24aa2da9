//! The learning record: what stays with a learner after a session. Reviews (and the
//! rating they add up to), shared and private notes, resources, the session's chat,
//! goals and one timeline, and the periodic NPS question.
//!
//! Only a session's two participants reach its notes and resources; operators do not
//! (their powers are over money and reviews, not over what people wrote to each other).

pub mod goals;
pub mod notes;
pub mod nps;
pub mod resources;
pub mod reviews;
pub mod timeline;

use domain::booking::{Actor, BookingStatus};
use store::Database;
use store::users::User;
use uuid::Uuid;

use crate::FieldError;
use crate::bookings::Booking;
use crate::files::FileError;

/// Why a learning-record use case refused; each has its own stable API error code.
#[derive(Debug, thiserror::Error)]
pub enum LearningError {
    /// No such session (or review, goal, resource), or not one the caller takes part in.
    #[error("not found")]
    NotFound,
    /// The caller takes part but may not do this (an expert reviewing, a learner replying).
    #[error("not allowed for this participant")]
    NotYours,
    /// Fields the caller must correct, each with its message.
    #[error("invalid input: {0:?}")]
    Invalid(Vec<FieldError>),
    /// Only completed sessions are reviewed.
    #[error("the session is not completed")]
    NotCompleted,
    /// The 30 days to review a session have passed.
    #[error("the review window has closed")]
    ReviewWindowClosed,
    /// The session already has its review (change it instead).
    #[error("this session is already reviewed")]
    ReviewExists,
    /// The 48 hours to change a review have passed.
    #[error("the review can no longer be changed")]
    ReviewEditClosed,
    /// The expert already replied to this review.
    #[error("the review already has a reply")]
    ReplyExists,
    /// Someone saved the shared notes since the caller read them; nothing was saved.
    #[error("the notes changed since version {read}")]
    NotesConflict {
        /// The version the caller read.
        read: i32,
        /// The notes as they are now.
        current: Box<store::learning::notes::SharedNotes>,
    },
    /// The recommendation question is not due (answered, or put off, this period).
    #[error("the question is not due")]
    NpsNotDue,
    /// Too many uploads lately; retry after the wait.
    #[error("too many uploads")]
    RateLimited(crate::throttle::RetryAfter),
    /// Storing or reading a resource's file failed.
    #[error(transparent)]
    Files(#[from] FileError),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] store::StoreError),
}

impl From<crate::bookings::BookingError> for LearningError {
    fn from(err: crate::bookings::BookingError) -> Self {
        match err {
            crate::bookings::BookingError::Store(e) => Self::Store(e),
            other => Self::Store(store::StoreError::Corrupt(other.to_string())),
        }
    }
}

/// A session as one of its two participants reaches it.
#[derive(Debug, Clone)]
pub struct Session {
    /// The booking.
    pub booking: Booking,
    /// `Learner` or `Expert`.
    pub side: Actor,
}

impl Session {
    /// The series the session's notes and resources belong to (a moved session keeps them).
    pub fn series(&self) -> Uuid {
        self.booking.row.series_id
    }

    /// The other participant.
    pub fn other(&self) -> Uuid {
        match self.side {
            Actor::Learner => self.booking.row.expert_id,
            _ => self.booking.row.learner_id,
        }
    }
}

/// The booking `id` if `user` is its learner or its expert. A booking that never became
/// a session (a lapsed hold) has no record to keep.
pub async fn session(db: &Database, user: &User, id: Uuid) -> Result<Session, LearningError> {
    let row = store::bookings::find(db, id)
        .await?
        .ok_or(LearningError::NotFound)?;
    let booking = Booking::from_row(row)?;
    let side = if user.id == booking.row.learner_id {
        Actor::Learner
    } else if user.id == booking.row.expert_id {
        Actor::Expert
    } else {
        return Err(LearningError::NotFound);
    };
    if matches!(booking.status, BookingStatus::Held | BookingStatus::Expired) {
        return Err(LearningError::NotFound);
    }
    Ok(Session { booking, side })
}

/// The booking that stands for the session now: itself, unless it was moved (then the
/// booking it was moved to, where the session's room and chat are).
pub async fn standing(db: &Database, session: &Session) -> Result<Uuid, LearningError> {
    if session.booking.status != BookingStatus::Rescheduled {
        return Ok(session.booking.id());
    }
    let current = store::bookings::current_of_series(db, session.series()).await?;
    Ok(current.map_or(session.booking.id(), |b| b.id))
}

fn invalid(field: &'static str, message_id: &'static str) -> FieldError {
    FieldError { field, message_id }
}

/// `text` trimmed, when it is neither empty (`missing`) nor longer than `max` characters
/// (`too_long`); a form with this one field is refused with that message.
fn required(
    text: &str,
    max: usize,
    field: &'static str,
    (missing, too_long): (&'static str, &'static str),
) -> Result<String, LearningError> {
    let mut errors = Vec::new();
    let text = bounded(text, max, field, too_long, &mut errors);
    if text.is_empty() {
        errors.push(invalid(field, missing));
    }
    if errors.is_empty() {
        Ok(text)
    } else {
        Err(LearningError::Invalid(errors))
    }
}

/// `text` trimmed, or the error for `field` when longer than `max` characters.
fn bounded(
    text: &str,
    max: usize,
    field: &'static str,
    message_id: &'static str,
    errors: &mut Vec<FieldError>,
) -> String {
    let text = text.trim();
    if text.chars().count() > max {
        errors.push(invalid(field, message_id));
    }
    text.to_owned()
}
