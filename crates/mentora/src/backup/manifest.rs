//! `manifest.json`: what a backup holds and how to check it — written last, so a backup
//! that stopped halfway has none and is never restored.

use std::io::Read;
use std::path::{Component, Path};

use anyhow::{Context, bail};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The layout this binary writes and reads.
pub const FORMAT: u32 = 1;
pub const FILE_NAME: &str = "manifest.json";

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Manifest {
    pub format: u32,
    /// The Mentora version that wrote it.
    pub mentora_version: String,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// `sqlite` or `postgres`: a backup restores into the same kind of database.
    pub backend: String,
    /// Applied migrations, oldest first: the schema version.
    pub migrations: Vec<String>,
    pub database: Entry,
    /// Uploaded files (avatars, verification documents), by their key under `files/`.
    pub files: Vec<Entry>,
}

/// One file of the backup, by its path inside it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Entry {
    pub path: String,
    pub bytes: u64,
    pub sha256: String,
}

impl Entry {
    /// Describes the file at `root/path` as it is now.
    pub fn of(root: &Path, path: &str) -> anyhow::Result<Entry> {
        let (bytes, sha256) = digest(&root.join(path))?;
        Ok(Entry {
            path: path.to_owned(),
            bytes,
            sha256,
        })
    }

    /// Refuses a path that could leave the backup folder, then a size or checksum that
    /// differs from the file's.
    pub fn check(&self, root: &Path) -> anyhow::Result<()> {
        let relative = Path::new(&self.path);
        if self.path.is_empty()
            || !relative
                .components()
                .all(|c| matches!(c, Component::Normal(_)))
        {
            bail!("the manifest names an unsafe path {:?}", self.path);
        }
        let (bytes, sha256) = digest(&root.join(relative))
            .with_context(|| format!("{} is missing from the backup", self.path))?;
        if bytes != self.bytes || sha256 != self.sha256 {
            bail!(
                "{} does not match its checksum in the manifest: the backup is damaged",
                self.path
            );
        }
        Ok(())
    }
}

impl Manifest {
    pub fn read(folder: &Path) -> anyhow::Result<Manifest> {
        let path = folder.join(FILE_NAME);
        let text = std::fs::read_to_string(&path).with_context(|| {
            format!(
                "{} has no {FILE_NAME}: not a Mentora backup, or one that did not finish",
                folder.display()
            )
        })?;
        let manifest: Manifest = serde_json::from_str(&text)
            .with_context(|| format!("{} is not a readable manifest", path.display()))?;
        if manifest.format != FORMAT {
            bail!(
                "this backup has format {}; this Mentora reads format {FORMAT}",
                manifest.format
            );
        }
        Ok(manifest)
    }

    pub fn write(&self, folder: &Path) -> anyhow::Result<()> {
        let text = serde_json::to_string_pretty(self)?;
        std::fs::write(folder.join(FILE_NAME), text + "\n")
            .with_context(|| format!("cannot write the manifest in {}", folder.display()))
    }

    /// Migrations in the backup that this binary does not know: it was made by a newer
    /// Mentora.
    pub fn unknown_migrations(&self, known: &[String]) -> Vec<String> {
        self.migrations
            .iter()
            .filter(|m| !known.contains(m))
            .cloned()
            .collect()
    }
}

/// Size and SHA-256 (hex) of a file, read in pieces.
fn digest(path: &Path) -> anyhow::Result<(u64, String)> {
    let mut file =
        std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    let mut bytes = 0u64;
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        bytes += n as u64;
    }
    let sha = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok((bytes, sha))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_leave_the_backup_are_refused() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        for path in ["../etc/passwd", "/etc/passwd", "files/../../x", ""] {
            let entry = Entry {
                path: path.to_owned(),
                bytes: 0,
                sha256: String::new(),
            };
            let err = entry.check(dir.path()).err().map(|e| e.to_string());
            assert!(
                err.is_some_and(|e| e.contains("unsafe path")),
                "{path} was not refused"
            );
        }
    }
}
