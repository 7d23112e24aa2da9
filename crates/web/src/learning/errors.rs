//! Learning-record refusals as the API and pages report them.

use app::learning::LearningError;

use crate::{AppError, ErrorCode};

impl From<LearningError> for AppError {
    fn from(err: LearningError) -> Self {
        match err {
            LearningError::NotFound => AppError::new(ErrorCode::NotFound),
            LearningError::NotYours => AppError::new(ErrorCode::Forbidden),
            LearningError::Invalid(fields) => AppError::fields(fields),
            LearningError::NotCompleted => AppError::new(ErrorCode::SessionNotCompleted),
            LearningError::ReviewWindowClosed => AppError::new(ErrorCode::ReviewWindowClosed),
            LearningError::ReviewExists => AppError::new(ErrorCode::ReviewExists),
            LearningError::ReviewEditClosed => AppError::new(ErrorCode::ReviewEditClosed),
            LearningError::ReplyExists => AppError::new(ErrorCode::ReplyExists),
            LearningError::NotesConflict { current, .. } => AppError::new(ErrorCode::NotesConflict)
                .with_arg("version", current.version.to_string()),
            LearningError::NpsNotDue => AppError::new(ErrorCode::NpsNotDue),
            LearningError::RateLimited(wait) => wait.into(),
            LearningError::Files(e) => e.into(),
            LearningError::Store(e) => e.into(),
        }
    }
}
