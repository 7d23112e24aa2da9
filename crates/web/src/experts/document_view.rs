//! A verification document as its applicant and its verifier see it listed, so templates
//! never read the store's row (which also holds where the file is kept).

use store::experts::Document;
use uuid::Uuid;

use crate::pages::shell::Shell;

pub(crate) struct DocumentView {
    /// What the download and remove links name.
    pub id: Uuid,
    pub file_name: String,
    /// The kind (identity, credential) in the page's language.
    pub kind: String,
    /// "12 KB", "1.5 MB".
    pub size: String,
    /// The file's SHA-256, for the verifier to compare.
    pub sha256: String,
}

impl DocumentView {
    pub(crate) fn of(document: Document, shell: &Shell) -> Self {
        Self {
            id: document.id,
            kind: shell.t(&format!("expert-document-kind-{}", document.kind)),
            size: size_text(document.size_bytes),
            file_name: document.file_name,
            sha256: document.sha256,
        }
    }
}

/// Whole kilobytes (rounded up) below a megabyte, else megabytes to one decimal.
pub(crate) fn size_text(bytes: i64) -> String {
    if bytes < 1_048_576 {
        format!("{} KB", (bytes + 1023) / 1024)
    } else {
        format!("{:.1} MB", bytes as f64 / 1_048_576.0)
    }
}

#[cfg(test)]
mod tests {
    use super::size_text;

    #[test]
    fn sizes_read_in_kilobytes_then_megabytes() {
        assert_eq!(size_text(1), "1 KB");
        assert_eq!(size_text(1024), "1 KB");
        assert_eq!(size_text(1025), "2 KB");
        assert_eq!(size_text(1_572_864), "1.5 MB");
    }
}
