//! A backup as one file: the backup folder in a tar archive, for copying elsewhere.

use std::path::Path;

use anyhow::Context;

/// Whether `path` names an archive rather than a folder.
pub fn is_archive(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext == "tar")
}

/// Packs `folder` into `to`, written beside it first and renamed when complete.
pub fn pack(folder: &Path, to: &Path) -> anyhow::Result<()> {
    let partial = to.with_extension("tar.partial");
    let file = std::fs::File::create(&partial)
        .with_context(|| format!("cannot create {}", partial.display()))?;
    let mut builder = tar::Builder::new(file);
    builder.follow_symlinks(false);
    builder
        .append_dir_all(".", folder)
        .with_context(|| format!("cannot write {}", partial.display()))?;
    let file = builder.into_inner()?;
    file.sync_all()?;
    std::fs::rename(&partial, to)
        .with_context(|| format!("cannot move {} to {}", partial.display(), to.display()))?;
    // The rename itself is durable once the folder holding it is synced.
    let parent = to
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::File::open(parent)?.sync_all()?;
    Ok(())
}

/// Unpacks `archive` into `folder`. The tar crate refuses entries that would land outside
/// it.
pub fn unpack(archive: &Path, folder: &Path) -> anyhow::Result<()> {
    let file = std::fs::File::open(archive)
        .with_context(|| format!("cannot read {}", archive.display()))?;
    tar::Archive::new(file)
        .unpack(folder)
        .with_context(|| format!("{} is not a readable backup archive", archive.display()))
}
