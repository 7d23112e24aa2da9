//! Verification documents: identity and credential files. Their type is decided by their
//! content, never by their name; they are stored privately with their SHA-256 and read
//! only by their owner and by verifiers.

use std::io::Cursor;

use bytes::Bytes;
use domain::Permission;
use domain::expert::DocumentKind;
use sha2::{Digest, Sha256};
use store::Database;
use store::experts::{self, Document};
use store::logins::ClientInfo;
use store::users::User;
use uuid::Uuid;

use super::{ExpertError, field};
use crate::accounts::record;
use crate::files::FileStore;
use crate::throttle::Throttle;

/// Largest document accepted, in bytes.
pub const MAX_DOCUMENT_BYTES: usize = 10 * 1024 * 1024;
/// At most this many documents per application.
pub const MAX_DOCUMENTS: usize = 10;

/// The types a document may have, as found in its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentType {
    /// A PDF with its header and trailer.
    Pdf,
    /// A JPEG image.
    Jpeg,
    /// A PNG image.
    Png,
}

impl DocumentType {
    /// The `Content-Type` it is served with to the owner and verifiers.
    pub fn content_type(self) -> &'static str {
        match self {
            DocumentType::Pdf => "application/pdf",
            DocumentType::Jpeg => "image/jpeg",
            DocumentType::Png => "image/png",
        }
    }

    /// The extension a cleaned file name gets, matching the real type whatever was uploaded.
    pub fn extension(self) -> &'static str {
        match self {
            DocumentType::Pdf => "pdf",
            DocumentType::Jpeg => "jpg",
            DocumentType::Png => "png",
        }
    }
}

/// What the bytes are, or the message id saying why they are refused. A PDF must start
/// with its header and end with its trailer; an image must have a readable header for
/// its format.
pub fn sniff(bytes: &[u8]) -> Result<DocumentType, &'static str> {
    if bytes.is_empty() {
        return Err("expert-document-required");
    }
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err("expert-document-too-large");
    }
    if bytes.starts_with(b"%PDF-") {
        let tail = &bytes[bytes.len().saturating_sub(2048)..];
        if tail.windows(5).any(|w| w == b"%%EOF") {
            return Ok(DocumentType::Pdf);
        }
        return Err("expert-document-type");
    }
    let format = match image::guess_format(bytes) {
        Ok(image::ImageFormat::Jpeg) => image::ImageFormat::Jpeg,
        Ok(image::ImageFormat::Png) => image::ImageFormat::Png,
        _ => return Err("expert-document-type"),
    };
    let readable = image::ImageReader::with_format(Cursor::new(bytes), format)
        .into_dimensions()
        .is_ok_and(|(w, h)| w > 0 && h > 0);
    match (readable, format) {
        (true, image::ImageFormat::Jpeg) => Ok(DocumentType::Jpeg),
        (true, _) => Ok(DocumentType::Png),
        (false, _) => Err("expert-document-type"),
    }
}

/// A file name safe to show and to send back: no folders, no control characters, at most
/// 100 characters, with the extension of the real type.
pub fn clean_file_name(raw: &str, kind: DocumentType) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let stem = base.rsplit_once('.').map_or(base, |(stem, _)| stem);
    let stem: String = stem
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>' | ';'))
        .take(90)
        .collect();
    let stem = stem.trim();
    let stem = if stem.is_empty() { "document" } else { stem };
    format!("{stem}.{}", kind.extension())
}

/// Stores an uploaded document for the applicant. Uploads count against
/// `Limits::uploads_per_account` (shared with avatars).
#[allow(clippy::too_many_arguments)]
pub async fn upload(
    db: &Database,
    files: &dyn FileStore,
    throttle: &Throttle,
    user: &User,
    kind: &str,
    file_name: &str,
    bytes: Vec<u8>,
    client: &ClientInfo,
) -> Result<Document, ExpertError> {
    if !user.email_verified {
        return Err(ExpertError::EmailUnverified);
    }
    throttle
        .check(
            &format!("uploads:account:{}", user.id),
            throttle.limits.uploads_per_account,
        )
        .await
        .map_err(ExpertError::RateLimited)?;
    let profile = experts::find(db, user.id)
        .await?
        .ok_or(ExpertError::NotFound)?;
    if !profile.status.editable() {
        return Err(ExpertError::WrongState(profile.status));
    }
    let mut errors = Vec::new();
    let kind = DocumentKind::parse(kind);
    if kind.is_none() {
        errors.push(field("kind", "expert-document-kind-invalid"));
    }
    let detected = sniff(&bytes);
    if let Err(message) = detected {
        errors.push(field("document", message));
    }
    let (Some(kind), Ok(detected)) = (kind, detected) else {
        return Err(ExpertError::Invalid(errors));
    };
    if experts::documents(db, user.id).await?.len() >= MAX_DOCUMENTS {
        return Err(ExpertError::Invalid(vec![field(
            "document",
            "expert-document-too-many",
        )]));
    }
    let id = db.new_id();
    let document = Document {
        id,
        user_id: user.id,
        kind: kind.as_str().to_owned(),
        file_name: clean_file_name(file_name, detected),
        content_type: detected.content_type().to_owned(),
        size_bytes: i64::try_from(bytes.len()).unwrap_or(i64::MAX),
        sha256: hex_digest(&bytes),
        storage_key: format!("documents/{}/{}", user.id.simple(), id.simple()),
        created_at: db.clock().now(),
    };
    files.put(&document.storage_key, bytes).await?;
    if let Err(e) = experts::add_document(db, &document).await {
        // Nothing half-written: the file goes when its record could not be made.
        let _ = files.delete(&document.storage_key).await;
        return Err(e.into());
    }
    record(db, Some(user.id), "expert.document_uploaded", client).await?;
    Ok(document)
}

/// Removes one of the applicant's own documents while the application can be edited.
pub async fn remove(
    db: &Database,
    files: &dyn FileStore,
    user: &User,
    id: Uuid,
    client: &ClientInfo,
) -> Result<(), ExpertError> {
    let profile = experts::find(db, user.id)
        .await?
        .ok_or(ExpertError::NotFound)?;
    let document = own(db, user, id).await?;
    if !profile.status.editable() {
        return Err(ExpertError::WrongState(profile.status));
    }
    if experts::delete_document(db, user.id, id).await? {
        files
            .delete(&document.storage_key)
            .await
            .map_err(|e| ExpertError::Internal(e.to_string()))?;
        record(db, Some(user.id), "expert.document_removed", client).await?;
    }
    Ok(())
}

/// One of the applicant's own documents (what it is, not its bytes); `NotFound` for
/// anyone else's.
pub async fn own(db: &Database, user: &User, id: Uuid) -> Result<Document, ExpertError> {
    experts::document(db, id)
        .await?
        .filter(|d| d.user_id == user.id)
        .ok_or(ExpertError::NotFound)
}

/// A document and its bytes, for its owner or a verifier; `NotFound` for anyone else, so
/// a stranger cannot even learn that it exists.
pub async fn read(
    db: &Database,
    files: &dyn FileStore,
    reader: &User,
    id: Uuid,
) -> Result<(Document, Bytes), ExpertError> {
    let document = experts::document(db, id)
        .await?
        .ok_or(ExpertError::NotFound)?;
    let verifier = domain::permission::allows(&reader.roles, Permission::ExpertsVerify);
    if document.user_id != reader.id && !verifier {
        return Err(ExpertError::NotFound);
    }
    let bytes = files
        .get(&document.storage_key)
        .await
        .map_err(|e| ExpertError::Internal(e.to_string()))?
        .ok_or(ExpertError::NotFound)?;
    Ok((document, bytes))
}

/// Deletes every document of rejected applications decided before `now - retention`.
/// Returns how many were removed.
pub async fn purge_rejected(
    db: &Database,
    files: &dyn FileStore,
    now: jiff::Timestamp,
    retention: jiff::SignedDuration,
) -> Result<usize, ExpertError> {
    let before = now.checked_sub(retention).unwrap_or(jiff::Timestamp::MIN);
    let expired = experts::documents_of_rejected_before(db, before).await?;
    erase(db, files, &expired).await
}

/// Deletes every document of an account (for account deletion).
pub async fn erase_all(
    db: &Database,
    files: &dyn FileStore,
    user_id: Uuid,
) -> Result<usize, ExpertError> {
    let all = experts::documents(db, user_id).await?;
    erase(db, files, &all).await
}

async fn erase(
    db: &Database,
    files: &dyn FileStore,
    documents: &[Document],
) -> Result<usize, ExpertError> {
    let mut removed = 0;
    for document in documents {
        // The file first: a record without its file is noticed; a file without a record
        // would be kept forever.
        files
            .delete(&document.storage_key)
            .await
            .map_err(|e| ExpertError::Internal(e.to_string()))?;
        if experts::delete_document(db, document.user_id, document.id).await? {
            removed += 1;
        }
    }
    Ok(removed)
}

fn hex_digest(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png() -> Vec<u8> {
        let img = image::RgbImage::from_pixel(4, 4, image::Rgb([1, 2, 3]));
        let mut out = Vec::new();
        img.write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
            .unwrap_or_default();
        out
    }

    #[test]
    fn types_come_from_content() {
        assert_eq!(sniff(b"%PDF-1.7\n1 0 obj\n%%EOF\n"), Ok(DocumentType::Pdf));
        assert_eq!(sniff(&png()), Ok(DocumentType::Png));
        // A PDF named .png, an executable named .pdf, a truncated image, a PDF with no end.
        assert_eq!(
            sniff(b"MZ\x90\x00 this is an exe"),
            Err("expert-document-type")
        );
        let mut cut = png();
        cut.truncate(12);
        assert_eq!(sniff(&cut), Err("expert-document-type"));
        assert_eq!(sniff(b"%PDF-1.7 but cut off"), Err("expert-document-type"));
        assert_eq!(sniff(b""), Err("expert-document-required"));
        assert_eq!(
            sniff(&vec![0u8; MAX_DOCUMENT_BYTES + 1]),
            Err("expert-document-too-large")
        );
    }

    #[test]
    fn file_names_are_cleaned_and_get_the_real_extension() {
        assert_eq!(
            clean_file_name("../../etc/passport scan.exe", DocumentType::Pdf),
            "passport scan.pdf"
        );
        assert_eq!(clean_file_name("", DocumentType::Png), "document.png");
        assert_eq!(
            clean_file_name("C:\\Users\\me\\id\"card.jpeg", DocumentType::Jpeg),
            "idcard.jpg"
        );
    }
}
