//! Resources attached to a session: links, and files kept in object storage. Files are
//! checked by their content exactly as verification documents are (PDF, JPEG or PNG, at
//! most 10 MB); the name kept is cleaned and carries the real type's extension.

use jiff::Timestamp;
use store::Database;
use store::learning::resources::{self, Resource};
use store::users::User;
use uuid::Uuid;

use super::{LearningError, bounded, invalid, session};
use crate::experts::documents::{clean_file_name, sniff};
use crate::files::FileStore;
use crate::throttle::Throttle;

/// At most this many resources per session.
pub const MAX_RESOURCES: u64 = 30;
/// The longest title, in characters.
pub const MAX_TITLE_CHARS: usize = 200;
/// The longest link, in characters (as stored: normalised).
pub const MAX_URL_CHARS: usize = 2000;

/// A session's resources, for one of its participants.
pub async fn of_session(
    db: &Database,
    user: &User,
    booking: Uuid,
) -> Result<Vec<Resource>, LearningError> {
    let s = session(db, user, booking).await?;
    Ok(resources::of_series(db, s.series()).await?)
}

/// Attaches a link (http or https) with an optional title (the link's host when empty).
pub async fn add_link(
    db: &Database,
    user: &User,
    booking: Uuid,
    title: &str,
    url: &str,
    now: Timestamp,
) -> Result<Resource, LearningError> {
    let s = session(db, user, booking).await?;
    let mut errors = Vec::new();
    let title = bounded(
        title,
        MAX_TITLE_CHARS,
        "title",
        "resource-title-too-long",
        &mut errors,
    );
    // The link as it will be stored and followed (normalised: percent-encoded, punycode)
    // is what must fit.
    let parsed = url::Url::parse(url.trim()).ok().filter(|u| {
        matches!(u.scheme(), "http" | "https")
            && u.host_str().is_some()
            && u.as_str().chars().count() <= MAX_URL_CHARS
    });
    let Some(parsed) = parsed else {
        errors.push(invalid("url", "resource-url-invalid"));
        return Err(LearningError::Invalid(errors));
    };
    if !errors.is_empty() {
        return Err(LearningError::Invalid(errors));
    }
    let title = if title.is_empty() {
        let host = parsed.host_str().unwrap_or_default();
        host.chars().take(MAX_TITLE_CHARS).collect()
    } else {
        title
    };
    let resource = Resource {
        id: db.new_id(),
        series_id: s.series(),
        added_by: user.id,
        title,
        url: Some(parsed.to_string()),
        file_key: None,
        file_name: None,
        content_type: None,
        size_bytes: None,
        created_at: now.as_second(),
    };
    if !resources::add(db, &resource, MAX_RESOURCES).await? {
        return Err(too_many("url"));
    }
    Ok(resource)
}

/// Attaches an uploaded file after checking what its bytes are. Uploads count against
/// `Limits::uploads_per_account` (shared with avatars and documents).
#[allow(clippy::too_many_arguments)]
pub async fn add_file(
    db: &Database,
    files: &dyn FileStore,
    throttle: &Throttle,
    user: &User,
    booking: Uuid,
    title: &str,
    file_name: &str,
    bytes: Vec<u8>,
    now: Timestamp,
) -> Result<Resource, LearningError> {
    let s = session(db, user, booking).await?;
    // Uploads of every kind share one budget per account (see `Limits`).
    throttle
        .check(
            &format!("uploads:account:{}", user.id),
            throttle.limits.uploads_per_account,
        )
        .await
        .map_err(LearningError::RateLimited)?;
    let mut errors = Vec::new();
    let title = bounded(
        title,
        MAX_TITLE_CHARS,
        "title",
        "resource-title-too-long",
        &mut errors,
    );
    let kind = match sniff(&bytes) {
        Ok(kind) => Some(kind),
        Err(message) => {
            errors.push(invalid("file", file_message(message)));
            None
        }
    };
    let Some(kind) = kind.filter(|_| errors.is_empty()) else {
        return Err(LearningError::Invalid(errors));
    };
    let id = db.new_id();
    let name = clean_file_name(file_name, kind);
    let key = format!("resources/{}/{}", s.series().simple(), id.simple());
    let resource = Resource {
        id,
        series_id: s.series(),
        added_by: user.id,
        title: if title.is_empty() {
            name.clone()
        } else {
            title
        },
        url: None,
        file_key: Some(key.clone()),
        file_name: Some(name),
        content_type: Some(kind.content_type().to_owned()),
        size_bytes: Some(i64::try_from(bytes.len()).unwrap_or(i64::MAX)),
        created_at: now.as_second(),
    };
    files.put(&key, bytes).await?;
    let added = resources::add(db, &resource, MAX_RESOURCES).await;
    if !matches!(added, Ok(true)) {
        // Nothing half-written: the file goes when its record could not be made.
        let _ = files.delete(&key).await;
    }
    match added {
        Ok(true) => Ok(resource),
        Ok(false) => Err(too_many("file")),
        Err(e) => Err(e.into()),
    }
}

/// The verification documents' messages, in the words of a resource.
fn file_message(document_message: &'static str) -> &'static str {
    match document_message {
        "expert-document-required" => "resource-file-required",
        "expert-document-too-large" => "resource-file-too-large",
        _ => "resource-file-type",
    }
}

/// The session holds as many resources as it may: said beside the field that was sent.
fn too_many(field: &'static str) -> LearningError {
    LearningError::Invalid(vec![invalid(field, "resource-too-many")])
}

/// A resource's file for one of the session's participants: its bytes, type and the
/// (cleaned) name it was uploaded under.
pub async fn file(
    db: &Database,
    files: &dyn FileStore,
    user: &User,
    booking: Uuid,
    id: Uuid,
) -> Result<(bytes::Bytes, String, String), LearningError> {
    let s = session(db, user, booking).await?;
    let resource = resources::find(db, s.series(), id)
        .await?
        .ok_or(LearningError::NotFound)?;
    let (Some(key), Some(content_type)) = (resource.file_key, resource.content_type) else {
        return Err(LearningError::NotFound);
    };
    let bytes = files.get(&key).await?.ok_or(LearningError::NotFound)?;
    let name = resource.file_name.unwrap_or_else(|| "resource".to_owned());
    Ok((bytes, content_type, name))
}

/// Removes a resource its adder no longer wants (only they may), with its file.
pub async fn remove(
    db: &Database,
    files: &dyn FileStore,
    user: &User,
    booking: Uuid,
    id: Uuid,
) -> Result<(), LearningError> {
    let s = session(db, user, booking).await?;
    let resource = resources::find(db, s.series(), id)
        .await?
        .ok_or(LearningError::NotFound)?;
    if resource.added_by != user.id {
        return Err(LearningError::NotYours);
    }
    resources::remove(db, s.series(), id).await?;
    if let Some(key) = resource.file_key {
        files.delete(&key).await?;
    }
    Ok(())
}
