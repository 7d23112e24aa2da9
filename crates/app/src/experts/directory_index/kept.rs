//! This instance's newest directory index, and when to build the next one.
//!
//! An index is only used at the version it was built at: every write a listing could
//! show moves the version (database triggers), so a search after any change is answered
//! by the database until a new index is ready. Building runs in the background, one at a
//! time, and paced: after a build that took `d`, the next starts no sooner than `PACE × d`
//! later, so however often the directory changes, building takes at most about a tenth of
//! one core. A directory of more than `most_experts` is not kept at all.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use store::{Database, StoreError};

use super::DirectoryIndex;

/// Idle time after a build, as a multiple of the build's own time.
const PACE: u32 = 9;
/// How long to wait before trying again when a directory was too large to keep (or its
/// build failed).
const TOO_LARGE_WAIT: Duration = Duration::from_secs(300);

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

    /// Starts building an index of the directory as it is now, in the background, unless
    /// a build is under way or the pace says wait.
    pub fn refresh(self: &Arc<Self>, db: &Database) {
        if self.most_experts == 0 || self.building.swap(true, Ordering::AcqRel) {
            return;
        }
        let due = self
            .next_build
            .lock()
            .map(|next| next.is_none_or(|at| Instant::now() >= at))
            .unwrap_or(false);
        if !due {
            self.building.store(false, Ordering::Release);
            return;
        }
        let kept = Arc::clone(self);
        let db = db.clone();
        tokio::spawn(async move {
            if let Err(e) = kept.build(&db).await {
                tracing::warn!(error = %e, "the directory index was not rebuilt");
            }
            kept.building.store(false, Ordering::Release);
        });
    }

    /// Builds an index of the directory as it is now and keeps it; `false` when none was
    /// (the directory is too large to keep, or building failed).
    pub async fn build(&self, db: &Database) -> Result<bool, StoreError> {
        let started = Instant::now();
        let Some(directory) = store::directory::every_listed(db, self.most_experts).await? else {
            self.wait(TOO_LARGE_WAIT);
            return Ok(false);
        };
        // Word indexing is CPU work of tens of milliseconds at 10,000 experts: off the
        // threads that serve requests.
        let index =
            match tokio::task::spawn_blocking(move || DirectoryIndex::build(directory)).await {
                Ok(index) => index,
                Err(e) => {
                    tracing::error!(error = %e, "building the directory index failed");
                    self.wait(TOO_LARGE_WAIT);
                    return Ok(false);
                }
            };
        metrics::gauge!("directory_index_experts").set(index.len() as f64);
        if let Ok(mut current) = self.current.write()
            && current
                .as_ref()
                .is_none_or(|kept| kept.version() <= index.version())
        {
            *current = Some(Arc::new(index));
        }
        self.wait(started.elapsed() * PACE);
        give_back_freed_memory();
        Ok(true)
    }

    fn wait(&self, idle: Duration) {
        if let Ok(mut next) = self.next_build.lock() {
            *next = Some(Instant::now() + idle);
        }
    }
}

/// A build reads the whole directory and frees most of it again (rows, bios, the word
/// tables it sorts), on whichever threads ran it. glibc keeps such memory in each thread's
/// arena for reuse: one build left ~26 MiB resident for good (BENCHMARKS.md). Handing it
/// back costs a fraction of a millisecond, once per build.
fn give_back_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only returns free pages to the system; it reads no pointer of
    // ours and is thread-safe (it locks each arena in turn).
    unsafe {
        libc::malloc_trim(0);
    }
}
