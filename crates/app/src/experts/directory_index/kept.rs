//! This instance's newest directory index, and when to build the next one.
//!
//! An index is only used at the version it was built at: every write a listing could
//! show moves the version (database triggers), so a search after any change is answered
//! by the database until a new index is ready. The first search the database answers
//! drops the outdated index and starts a build in the background: one at a time, and
//! paced: after a build that took `d`, the next starts no sooner than `PACE × d` later, so
//! however often the directory changes, building takes at most about a tenth of one core.
//! A search refused by the pace starts nothing; the next one after it does. A directory of
//! more than `most_experts` is not kept at all, and a failed build waits as long.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use store::{Database, StoreError};

use super::DirectoryIndex;

/// Idle time after a build, as a multiple of the build's own time.
const PACE: u32 = 9;
/// How long to wait before trying again when a directory was too large to keep, or its
/// build failed.
const RETRY_WAIT: Duration = Duration::from_secs(300);

/// The newest index built here, if any.
pub struct KeptIndex {
    most_experts: usize,
    current: RwLock<Option<Arc<DirectoryIndex>>>,
    building: AtomicBool,
    /// No build starts before this.
    next_build: Mutex<Option<Instant>>,
}

impl KeptIndex {
    /// Nothing kept yet; directories of more than `most_experts` never are (0: none).
    pub fn new(most_experts: usize) -> Self {
        Self {
            most_experts,
            current: RwLock::new(None),
            building: AtomicBool::new(false),
            next_build: Mutex::new(None),
        }
    }

    /// The index, if the one kept was built at `version`.
    pub fn at(&self, version: i64) -> Option<Arc<DirectoryIndex>> {
        let current = self.current.read().ok()?;
        current
            .as_ref()
            .filter(|index| index.version() == version)
            .cloned()
    }

    /// The directory is at `version` and the index is not: drops the index (it will not
    /// be used again, and a build would otherwise hold two), and starts building one of
    /// the directory as it is now, in the background, unless a build is under way or the
    /// pace says wait.
    pub fn refresh(self: &Arc<Self>, db: &Database, version: i64) {
        if let Ok(mut current) = self.current.write()
            && current
                .as_ref()
                .is_some_and(|kept| kept.version() != version)
        {
            *current = None;
        }
        if self.most_experts == 0 || self.building.swap(true, Ordering::AcqRel) {
            return;
        }
        let building = Building(Arc::clone(self));
        let due = self
            .next_build
            .lock()
            .map(|next| next.is_none_or(|at| Instant::now() >= at))
            .unwrap_or(false);
        if !due {
            return;
        }
        let db = db.clone();
        tokio::spawn(async move {
            if let Err(e) = building.0.build(&db).await {
                tracing::warn!(error = %e, "the directory index was not rebuilt");
            }
            // `building` drops here, or when the task panics or is cancelled.
        });
    }

    /// Builds an index of the directory as it is now and keeps it; `false` when none was
    /// (the directory is too large to keep, or building failed).
    pub async fn build(&self, db: &Database) -> Result<bool, StoreError> {
        let started = Instant::now();
        let directory = match store::directory::every_listed(db, self.most_experts).await {
            Ok(Some(directory)) => directory,
            Ok(None) => {
                self.wait(RETRY_WAIT);
                return Ok(false);
            }
            Err(e) => {
                self.wait(RETRY_WAIT);
                return Err(e);
            }
        };
        // Word indexing is CPU work of tens of milliseconds at 10,000 experts, and the
        // memory the read and the build freed is handed back: off the request threads.
        let built = tokio::task::spawn_blocking(move || {
            let index = DirectoryIndex::build(directory);
            give_back_freed_memory();
            index
        })
        .await;
        let index = match built {
            Ok(index) => index,
            Err(e) => {
                tracing::error!(error = %e, "building the directory index failed");
                self.wait(RETRY_WAIT);
                return Ok(false);
            }
        };
        metrics::gauge!("directory_index_experts").set(index.len() as f64);
        // Builds run one at a time, so this one is the newest read: kept even if the
        // version has moved on since (it is then never used, and the next build replaces
        // it), and whatever the version did, backwards included.
        if let Ok(mut current) = self.current.write() {
            *current = Some(Arc::new(index));
        }
        self.wait(started.elapsed() * PACE);
        Ok(true)
    }

    fn wait(&self, idle: Duration) {
        if let Ok(mut next) = self.next_build.lock() {
            *next = Some(Instant::now() + idle);
        }
    }
}

/// Holds `KeptIndex::building` while a build runs; lets it go however the build ends.
struct Building(Arc<KeptIndex>);

impl Drop for Building {
    fn drop(&mut self) {
        self.0.building.store(false, Ordering::Release);
    }
}

/// A build reads the whole directory and frees most of it again (rows, bios, the word
/// tables it sorts), on whichever threads ran it. glibc keeps such memory in each thread's
/// arena for reuse: one build left ~26 MiB resident for good (BENCHMARKS.md). Handing it
/// back costs a fraction of a millisecond, once per build. The `mentora` binary now
/// allocates Rust's memory with jemalloc, which hands freed pages back on its own; there
/// this trims only what C code allocated (SQLite's caches), and the ~26 MiB was glibc's.
fn give_back_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only returns free pages to the system; it reads no pointer of
    // ours and is thread-safe (it locks each arena in turn).
    unsafe {
        libc::malloc_trim(0);
    }
}
