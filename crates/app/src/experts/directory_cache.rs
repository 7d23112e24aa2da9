//! Directory result pages, kept in this process and filed under the directory's version
//! (which database triggers change whenever anything a listing shows or is filtered by
//! changes: see the directory-version migration). A search costs one tiny read of the
//! version; ranking a thousand text matches happens once per version and query, not once
//! per request. Every instance reads the same version from the same database, so a change
//! is seen by all of them on their next request, with or without Redis.
//!
//! A page filed under an older version is never served: a search that raced a write is
//! filed under the version it read before searching, which the write has already
//! superseded for every later reader.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use store::directory::{self, DirectoryPage, DirectoryQuery};
use store::{Database, StoreError};

/// The most pages one instance keeps per version; past it the cache starts over.
const CAPACITY: usize = 5_000;

#[derive(Default)]
struct Pages {
    version: i64,
    pages: HashMap<DirectoryQuery, Arc<DirectoryPage>>,
}

/// This instance's directory result pages, valid while the directory's version stands.
#[derive(Default)]
pub struct DirectoryCache {
    inner: Mutex<Pages>,
}

impl DirectoryCache {
    /// An empty cache; one per process.
    pub fn new() -> Self {
        Self::default()
    }

    /// The page for `query`, from this process when the directory has not changed since it
    /// was read, else from the database.
    pub async fn search(
        &self,
        db: &Database,
        query: &DirectoryQuery,
    ) -> Result<Arc<DirectoryPage>, StoreError> {
        let version = directory::version(db).await?;
        if let Some(hit) = self.lookup(version, query) {
            metrics::counter!("directory_cache_total", "result" => "hit").increment(1);
            return Ok(hit);
        }
        metrics::counter!("directory_cache_total", "result" => "miss").increment(1);
        let page = Arc::new(directory::search(db, query).await?);
        self.keep(version, query, page.clone());
        Ok(page)
    }

    fn lookup(&self, version: i64, query: &DirectoryQuery) -> Option<Arc<DirectoryPage>> {
        let inner = self.inner.lock().ok()?;
        (inner.version == version)
            .then(|| inner.pages.get(query).cloned())
            .flatten()
    }

    fn keep(&self, version: i64, query: &DirectoryQuery, page: Arc<DirectoryPage>) {
        let Ok(mut inner) = self.inner.lock() else {
            return;
        };
        if version < inner.version {
            return;
        }
        if version > inner.version || inner.pages.len() >= CAPACITY {
            inner.pages.clear();
            inner.version = version;
        }
        inner.pages.insert(query.clone(), page);
    }
}
