//! `mentora backup` and `mentora restore`: a consistent copy of a live Mentora — the
//! database and every uploaded file — and the way back from it.
//!
//! A backup is a folder (or the same folder as one `.tar` file):
//! - `database.sqlite`: SQLite's `VACUUM INTO` snapshot, or `database.pgdump`: `pg_dump`'s;
//! - `files/<key>`: each uploaded file, copied after the database snapshot;
//! - `manifest.json`, written last: the backend, the schema (applied migrations) and the
//!   size and SHA-256 of everything above.
//!
//! A restore checks every checksum and refuses a newer schema before it writes anything,
//! and writes only into an empty database and an empty file store. Migrations newer than
//! the backup are applied when the server starts, as after any upgrade.

mod archive;
mod manifest;
mod postgres;

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

pub use archive::is_archive;
pub use manifest::{Entry, FORMAT, Manifest};

use crate::app;
use crate::config::Config;

const SQLITE_FILE: &str = "database.sqlite";
const POSTGRES_FILE: &str = "database.pgdump";
const FILES: &str = "files";
/// Keys the server writes for itself (the `/readyz` storage probe), not worth keeping.
const NOT_BACKED_UP: &str = "probes/";

/// What a backup or a restore wrote.
#[derive(Debug)]
pub struct Report {
    pub location: PathBuf,
    pub backend: String,
    pub migrations: usize,
    pub files: usize,
    pub bytes: u64,
}

/// Copies the database and the file store of `config` to `to`: a new or empty folder, or
/// a new `.tar` file. Safe while the server runs.
pub async fn backup(config: &Config, to: &Path) -> anyhow::Result<Report> {
    let staging;
    let folder = if is_archive(to) {
        if to.exists() {
            bail!("{} exists already; name a new file", to.display());
        }
        let parent = to
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        staging = tempfile::tempdir_in(parent)
            .with_context(|| format!("cannot write in {}", parent.display()))?;
        staging.path().to_owned()
    } else {
        if to.is_dir() && std::fs::read_dir(to)?.next().is_some() {
            bail!("{} is not empty; name a new or empty folder", to.display());
        }
        std::fs::create_dir_all(to).with_context(|| format!("cannot create {}", to.display()))?;
        to.to_owned()
    };

    // Opening a SQLite URL creates its file: a mistyped path would back up nothing.
    if let Some(file) = crate::commands::serve_lock::sqlite_file(&config.database_url)
        && !file.exists()
    {
        bail!(
            "there is no database at {}: check DATABASE_URL and MENTORA_DATA_DIR",
            file.display()
        );
    }
    let db = app::open_database(config).await?;
    let migrations: Vec<String> = store::migrations::status(&db)
        .await?
        .into_iter()
        .filter(|m| m.applied)
        .map(|m| m.name)
        .collect();
    if migrations.is_empty() {
        bail!(
            "the configured database holds no Mentora data (no migration applied): check DATABASE_URL"
        );
    }
    let backend = db.backend();
    let database_file = match backend {
        store::Backend::Sqlite => {
            store::snapshot::sqlite_copy_into(&db, &folder.join(SQLITE_FILE)).await?;
            SQLITE_FILE
        }
        store::Backend::Postgres => {
            postgres::dump(&config.database_url, &folder.join(POSTGRES_FILE))?;
            POSTGRES_FILE
        }
    };
    db.close().await;
    let database = Entry::of(&folder, database_file)?;

    // After the snapshot: every file it refers to is there (files are written before the
    // rows that name them); a file added since is kept too, harmlessly.
    let store = app::open_files(config)?;
    let mut files = Vec::new();
    for key in store.keys().await? {
        if key.starts_with(NOT_BACKED_UP) {
            continue;
        }
        let Some(bytes) = store.get(&key).await? else {
            // Replaced or removed since the snapshot; if the snapshot still names it, a
            // restore shows that photo or document as missing.
            tracing::warn!(key, "a file went away during the backup and is not in it");
            continue;
        };
        let path = format!("{FILES}/{key}");
        let target = folder.join(&path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        write_synced(&target, &bytes)?;
        files.push(Entry::of(&folder, &path)?);
    }

    let manifest = Manifest {
        format: FORMAT,
        mentora_version: env!("CARGO_PKG_VERSION").to_owned(),
        created_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        backend: backend.as_str().to_owned(),
        migrations,
        database,
        files,
    };
    manifest.write(&folder)?;
    sync_tree(&folder)?;
    if is_archive(to) {
        archive::pack(&folder, to)?;
    }
    Ok(report(to, &manifest))
}

/// Restores the backup at `from` (a folder or a `.tar` file) into the database and file
/// store of `config`, both of which must be empty.
pub async fn restore(config: &Config, from: &Path) -> anyhow::Result<Report> {
    let unpacked;
    let folder = if from.is_file() {
        unpacked = tempfile::tempdir().context("cannot make a temporary folder")?;
        archive::unpack(from, unpacked.path())?;
        unpacked.path().to_owned()
    } else {
        from.to_owned()
    };
    let manifest = Manifest::read(&folder)?;

    // Everything is checked before anything is written.
    let unknown = manifest.unknown_migrations(&store::migrations::known());
    if !unknown.is_empty() {
        bail!(
            "this backup has a newer schema than this Mentora knows (migrations {}); \
             restore it with Mentora {} or later",
            unknown.join(", "),
            manifest.mentora_version
        );
    }
    manifest.database.check(&folder)?;
    for file in &manifest.files {
        file.check(&folder)?;
        if !file.path.starts_with(&format!("{FILES}/")) {
            bail!("the manifest names {:?} outside files/", file.path);
        }
    }
    // Held to the end: no server starts on this SQLite file while it is being written.
    let _lock = crate::commands::serve_lock::claim(config)?;
    let db = app::open_database(config).await?;
    let backend = db.backend().as_str();
    if backend != manifest.backend {
        bail!(
            "this is a backup of a {} database; the configured database is {backend}",
            manifest.backend
        );
    }
    if !store::snapshot::is_empty(&db).await? {
        bail!(
            "the configured database is not empty; restore into a new database \
             (a new data folder, or a freshly created PostgreSQL database)"
        );
    }
    let store = app::open_files(config)?;
    let present = store
        .keys()
        .await?
        .into_iter()
        .filter(|k| !k.starts_with(NOT_BACKED_UP))
        .count();
    if present > 0 {
        bail!("the file store already holds {present} files; restore into an empty data folder");
    }

    // Files first, then the database in one step (a rename, or one pg_restore
    // transaction): if anything fails, the files written are removed again, so the
    // target stays empty and the restore can simply be run again.
    let backend = db.backend();
    db.close().await;
    let mut written = Vec::new();
    let placed = async {
        for file in &manifest.files {
            let key = file
                .path
                .strip_prefix(&format!("{FILES}/"))
                .context("a file outside files/")?
                .to_owned();
            let bytes = std::fs::read(folder.join(&file.path))?;
            store.put(&key, bytes).await?;
            written.push(key);
        }
        match backend {
            store::Backend::Sqlite => {
                let target = crate::commands::serve_lock::sqlite_file(&config.database_url)
                    .context("a SQLite database in memory cannot be restored into")?;
                place_sqlite_file(&folder.join(&manifest.database.path), &target)
            }
            store::Backend::Postgres => {
                postgres::restore(&config.database_url, &folder.join(&manifest.database.path))
            }
        }
    }
    .await;
    if let Err(e) = placed {
        for key in &written {
            if let Err(undo) = store.delete(key).await {
                tracing::warn!(key, error = %undo, "could not remove a restored file after the restore failed");
            }
        }
        return Err(e.context("the restore failed; nothing of it was kept"));
    }
    Ok(report(&PathBuf::from(from), &manifest))
}

/// Puts a SQLite backup in place of an empty database file: written beside it, synced,
/// then renamed over it with the empty file's WAL and shared-memory files removed.
fn place_sqlite_file(backup: &Path, target: &Path) -> anyhow::Result<()> {
    let partial = PathBuf::from(format!("{}.restoring", target.display()));
    std::fs::copy(backup, &partial)
        .with_context(|| format!("cannot write {}", partial.display()))?;
    std::fs::File::open(&partial)?.sync_all()?;
    for side in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{side}", target.display()));
        if side.exists() {
            std::fs::remove_file(&side)?;
        }
    }
    std::fs::rename(&partial, target)
        .with_context(|| format!("cannot move the restored database to {}", target.display()))
}

/// Writes a file and syncs it: a backup said complete survives a power cut.
fn write_synced(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    use std::io::Write;
    let mut file =
        std::fs::File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
    file.write_all(bytes)
        .with_context(|| format!("cannot write {}", path.display()))?;
    file.sync_all()?;
    Ok(())
}

/// Syncs every file and folder under `root` (the database copy, the manifest, and the
/// folders' entries).
fn sync_tree(root: &Path) -> anyhow::Result<()> {
    for entry in std::fs::read_dir(root)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            sync_tree(&entry.path())?;
        } else {
            std::fs::File::open(entry.path())?.sync_all()?;
        }
    }
    std::fs::File::open(root)?.sync_all()?;
    Ok(())
}

fn report(location: &Path, manifest: &Manifest) -> Report {
    Report {
        location: location.to_owned(),
        backend: manifest.backend.clone(),
        migrations: manifest.migrations.len(),
        files: manifest.files.len(),
        bytes: manifest.database.bytes + manifest.files.iter().map(|f| f.bytes).sum::<u64>(),
    }
}
