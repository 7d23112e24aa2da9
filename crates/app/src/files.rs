//! Uploaded files (avatars and verification documents) in object storage: today a local
//! folder under the data folder (`ObjectFiles::local`); the `FileStore` trait leaves room for
//! any `object_store` backend (S3-compatible), which is not wired up yet.

use std::sync::Arc;

use bytes::Bytes;
use futures::future::BoxFuture;
use object_store::path::Path;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};

/// Reading or writing an uploaded file failed; a full disk is told apart (`storage_full`).
#[derive(Debug, thiserror::Error)]
#[error("file storage failed: {message}")]
pub struct FileError {
    message: String,
    /// The storage had no space left; nothing was written.
    full: bool,
}

impl FileError {
    /// A failure with this message that is not a full disk.
    pub fn new(message: impl std::fmt::Display) -> Self {
        Self {
            message: message.to_string(),
            full: false,
        }
    }

    /// Whether the write failed for lack of space (`ENOSPC`), so it can succeed later.
    pub fn is_storage_full(&self) -> bool {
        self.full
    }
}

impl From<object_store::Error> for FileError {
    fn from(err: object_store::Error) -> Self {
        let mut full = false;
        let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(&err);
        while let Some(e) = cause {
            if let Some(io) = e.downcast_ref::<std::io::Error>() {
                full |= io.kind() == std::io::ErrorKind::StorageFull;
            }
            cause = e.source();
        }
        Self {
            message: err.to_string(),
            full,
        }
    }
}

/// Where uploaded files live, behind a trait so tests and other backends can stand in.
pub trait FileStore: Send + Sync {
    /// Writes the file under `key`, replacing any file there.
    fn put(&self, key: &str, bytes: Vec<u8>) -> BoxFuture<'_, Result<(), FileError>>;
    /// The file's bytes; `None` when there is no such file.
    fn get(&self, key: &str) -> BoxFuture<'_, Result<Option<Bytes>, FileError>>;
    /// Removes the file; a missing file is not an error.
    fn delete(&self, key: &str) -> BoxFuture<'_, Result<(), FileError>>;
    /// Every file's key, for backups.
    fn keys(&self) -> BoxFuture<'_, Result<Vec<String>, FileError>>;
}

/// Any `object_store` backend.
pub struct ObjectFiles {
    inner: Arc<dyn ObjectStore>,
}

impl ObjectFiles {
    /// Files under a local folder, created if missing.
    pub fn local(dir: &std::path::Path) -> Result<Self, FileError> {
        std::fs::create_dir_all(dir)
            .map_err(|e| FileError::new(format!("{}: {e}", dir.display())))?;
        let fs =
            object_store::local::LocalFileSystem::new_with_prefix(dir).map_err(FileError::from)?;
        Ok(Self {
            inner: Arc::new(fs),
        })
    }

    /// Files in memory (tests).
    pub fn memory() -> Self {
        Self {
            inner: Arc::new(object_store::memory::InMemory::new()),
        }
    }
}

fn path(key: &str) -> Result<Path, FileError> {
    Path::parse(key).map_err(FileError::new)
}

impl FileStore for ObjectFiles {
    fn put(&self, key: &str, bytes: Vec<u8>) -> BoxFuture<'_, Result<(), FileError>> {
        let key = key.to_owned();
        Box::pin(async move {
            self.inner
                .put(&path(&key)?, PutPayload::from(bytes))
                .await?;
            Ok(())
        })
    }

    fn get(&self, key: &str) -> BoxFuture<'_, Result<Option<Bytes>, FileError>> {
        let key = key.to_owned();
        Box::pin(async move {
            match self.inner.get(&path(&key)?).await {
                Ok(found) => Ok(Some(found.bytes().await?)),
                Err(object_store::Error::NotFound { .. }) => Ok(None),
                Err(e) => Err(e.into()),
            }
        })
    }

    fn delete(&self, key: &str) -> BoxFuture<'_, Result<(), FileError>> {
        let key = key.to_owned();
        Box::pin(async move {
            match self.inner.delete(&path(&key)?).await {
                Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
                Err(e) => Err(e.into()),
            }
        })
    }

    fn keys(&self) -> BoxFuture<'_, Result<Vec<String>, FileError>> {
        Box::pin(async move {
            use futures::TryStreamExt;
            let listed: Vec<object_store::ObjectMeta> = self.inner.list(None).try_collect().await?;
            Ok(listed.into_iter().map(|m| m.location.to_string()).collect())
        })
    }
}
