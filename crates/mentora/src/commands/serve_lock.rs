//! One `serve` per SQLite file. SQLite takes one writer at a time, so two processes on one
//! file stay consistent in the database, but each caches schedules in its own memory and
//! learns of the other's changes only as entries expire: one could offer, and hold, a
//! time the other just closed. So a second `serve` on the same file is refused, with the
//! way out named (PostgreSQL for more instances), unless `allow_shared_sqlite` is set.
//!
//! The lock is an OS file lock on `<database file>.serve-lock`, held for the life of the
//! process: it goes when the process does, however it ends (no stale lock after a crash).

use std::fs::{File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, bail};

use crate::config::Config;

/// Held while serving; dropping it releases the lock.
pub struct ServeLock {
    _file: Option<File>,
}

/// Takes the lock for SQLite databases (PostgreSQL serves any number of instances).
pub fn claim(config: &Config) -> anyhow::Result<ServeLock> {
    let Some(db_file) = sqlite_file(&config.database_url) else {
        return Ok(ServeLock { _file: None });
    };
    if config.allow_shared_sqlite {
        tracing::warn!(database = %db_file.display(), "allow_shared_sqlite: not checking for other servers on this file");
        return Ok(ServeLock { _file: None });
    }
    if let Some(parent) = db_file.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    let lock_path = PathBuf::from(format!("{}.serve-lock", db_file.display()));
    let mut file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .with_context(|| format!("cannot open {}", lock_path.display()))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => bail!(
            "another `mentora serve` is already using {} (see {}). SQLite serves one process; \
             to run several instances use PostgreSQL (DATABASE_URL=postgres://…), or set \
             MENTORA_ALLOW_SHARED_SQLITE=true to start anyway",
            db_file.display(),
            lock_path.display()
        ),
        Err(TryLockError::Error(e)) => {
            return Err(e).with_context(|| format!("cannot lock {}", lock_path.display()));
        }
    }
    // For whoever looks at the file: which process holds it.
    file.set_len(0)?;
    writeln!(file, "{}", std::process::id())?;
    Ok(ServeLock { _file: Some(file) })
}

/// The file of a `sqlite://PATH` URL (query options dropped); None for other databases
/// and for in-memory SQLite.
pub(crate) fn sqlite_file(url: &str) -> Option<PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or(rest);
    (!path.is_empty() && path != ":memory:").then(|| PathBuf::from(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sqlite_files_are_locked() {
        assert_eq!(
            sqlite_file("sqlite://./data/mentora.db?mode=rwc"),
            Some(PathBuf::from("./data/mentora.db"))
        );
        assert_eq!(sqlite_file("sqlite::memory:"), None);
        assert_eq!(sqlite_file("postgres://u@h/db"), None);
    }
}
