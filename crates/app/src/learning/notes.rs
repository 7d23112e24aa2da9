//! Session notes: Markdown both participants share (rendered through the one sanitising
//! renderer), saved only over the version the writer read, so two people editing at once
//! never lose each other's words silently; and each participant's private notes.

use jiff::Timestamp;
use store::Database;
use store::learning::notes::{self, SharedNotes};
use store::users::User;
use uuid::Uuid;

use super::{LearningError, Session, bounded, session};

/// The longest notes (shared or private), in characters.
pub const MAX_NOTES_CHARS: usize = 50_000;

/// A session's notes as one participant reads them.
#[derive(Debug, Clone)]
pub struct Notes {
    /// The session, as the reader takes part in it.
    pub session: Session,
    /// The shared notes' Markdown (empty when nobody wrote any).
    pub shared: String,
    /// The shared notes as safe HTML.
    pub shared_html: String,
    /// The version the shared notes are at (0: never saved). A save names it.
    pub version: i32,
    /// Who saved them last, and when.
    pub updated_by: Option<Uuid>,
    /// When they were saved last (Unix seconds; 0 when never).
    pub updated_at: i64,
    /// The reader's own notes, which nobody else sees.
    pub private: String,
}

/// The notes of session `booking` as `user` reads them.
pub async fn read(db: &Database, user: &User, booking: Uuid) -> Result<Notes, LearningError> {
    let session = session(db, user, booking).await?;
    let shared = notes::shared(db, session.series()).await?;
    let private = notes::private(db, session.series(), user.id).await?;
    Ok(with(session, shared, private))
}

fn with(session: Session, shared: Option<SharedNotes>, private: String) -> Notes {
    let shared = shared.unwrap_or(SharedNotes {
        body: String::new(),
        version: 0,
        updated_by: None,
        updated_at: 0,
    });
    Notes {
        session,
        shared_html: domain::markdown::to_safe_html(&shared.body),
        shared: shared.body,
        version: shared.version,
        updated_by: shared.updated_by,
        updated_at: shared.updated_at,
        private,
    }
}

/// Saves the shared notes as `user`, over version `read`. When someone saved since,
/// nothing is saved and `NotesConflict` carries the notes as they are now.
pub async fn save_shared(
    db: &Database,
    user: &User,
    booking: Uuid,
    read: i32,
    body: &str,
    now: Timestamp,
) -> Result<Notes, LearningError> {
    let session = session(db, user, booking).await?;
    let mut errors = Vec::new();
    let body = bounded(body, MAX_NOTES_CHARS, "body", "notes-too-long", &mut errors);
    if !errors.is_empty() {
        return Err(LearningError::Invalid(errors));
    }
    if !notes::save_shared(db, session.series(), read, &body, user.id, now).await? {
        let current = notes::shared(db, session.series())
            .await?
            .unwrap_or(SharedNotes {
                body: String::new(),
                version: 0,
                updated_by: None,
                updated_at: 0,
            });
        return Err(LearningError::NotesConflict {
            read,
            current: Box::new(current),
        });
    }
    read_after(db, session, user).await
}

/// Replaces `user`'s private notes on the session.
pub async fn save_private(
    db: &Database,
    user: &User,
    booking: Uuid,
    body: &str,
    now: Timestamp,
) -> Result<Notes, LearningError> {
    let session = session(db, user, booking).await?;
    let mut errors = Vec::new();
    let body = bounded(
        body,
        MAX_NOTES_CHARS,
        "private",
        "notes-too-long",
        &mut errors,
    );
    if !errors.is_empty() {
        return Err(LearningError::Invalid(errors));
    }
    notes::save_private(db, session.series(), user.id, &body, now).await?;
    read_after(db, session, user).await
}

async fn read_after(db: &Database, session: Session, user: &User) -> Result<Notes, LearningError> {
    let shared = notes::shared(db, session.series()).await?;
    let private = notes::private(db, session.series(), user.id).await?;
    Ok(with(session, shared, private))
}
