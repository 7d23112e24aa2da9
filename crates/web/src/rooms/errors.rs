//! Room refusals as the API and pages report them.

use app::rooms::RoomError;

use crate::error::LocalValue;
use crate::{AppError, ErrorCode};

impl From<RoomError> for AppError {
    fn from(err: RoomError) -> Self {
        match err {
            RoomError::NotFound | RoomError::ParticipantsOnly => AppError::new(ErrorCode::NotFound),
            RoomError::NoMeeting(_) | RoomError::Closed => AppError::new(ErrorCode::RoomClosed),
            RoomError::NotYetOpen(at) => AppError::new(ErrorCode::RoomNotOpen)
                .with_local_arg("opens", LocalValue::Instant(at)),
            RoomError::NoConsent => AppError::new(ErrorCode::RecordingConsentRequired),
            RoomError::ChunkRefused => AppError::new(ErrorCode::RecordingChunkRefused),
            RoomError::RangeNotSatisfiable(size) => {
                AppError::new(ErrorCode::RangeNotSatisfiable).with_arg("size", size.to_string())
            }
            RoomError::Invalid(field) => AppError::fields(vec![field]),
            RoomError::Files(e) => e.into(),
            RoomError::Store(e) => e.into(),
        }
    }
}
