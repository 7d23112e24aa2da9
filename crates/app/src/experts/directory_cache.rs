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
//!
//! The pages are bounded in bytes (`directory_cache_mib`): past the budget, the pages kept
//! longest go first. A page holds what a card shows (a bio's excerpt, not the bio).
//!
//! Before either, a search is answered by this instance's directory index when it was built
//! at the current version (`directory_index`); a search the database answers also starts
//! the next index building in the background.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};

use store::directory::{self, DirectoryPage, DirectoryQuery};
use store::{Database, StoreError};

use super::directory_index::KeptIndex;

#[derive(Default)]
struct Pages {
    version: i64,
    pages: HashMap<DirectoryQuery, Arc<DirectoryPage>>,
    /// The queries in the order they were kept, oldest first, with their pages' weight.
    kept: VecDeque<(DirectoryQuery, usize)>,
    /// The weight of every page kept.
    bytes: usize,
}

/// This instance's directory result pages, valid while the directory's version stands.
pub struct DirectoryCache {
    budget: usize,
    inner: Mutex<Pages>,
    index: Arc<KeptIndex>,
}

impl DirectoryCache {
    /// An empty cache keeping at most about `budget` bytes of pages, and an index of the
    /// directory while it lists at most `index_experts`; one per process.
    pub fn new(budget: usize, index_experts: usize) -> Self {
        Self {
            budget,
            inner: Mutex::default(),
            index: Arc::new(KeptIndex::new(index_experts)),
        }
    }

    /// The directory index (tests build it at once; else the first search the database
    /// answers starts it).
    pub fn index(&self) -> &KeptIndex {
        &self.index
    }

    /// The page for `query`: from the index when it shows the current version, else from
    /// a page kept since the directory last changed, else from the database.
    pub async fn search(
        &self,
        db: &Database,
        query: &DirectoryQuery,
    ) -> Result<Arc<DirectoryPage>, StoreError> {
        let version = directory::version(db).await?;
        // An answer from the index costs less than keeping it: pages front the database.
        if let Some(index) = self.index.at(version) {
            metrics::counter!("directory_cache_total", "result" => "index").increment(1);
            return Ok(Arc::new(index.search(query)));
        }
        if let Some(hit) = self.lookup(version, query) {
            metrics::counter!("directory_cache_total", "result" => "hit").increment(1);
            return Ok(hit);
        }
        metrics::counter!("directory_cache_total", "result" => "miss").increment(1);
        self.index.refresh(db, version);
        let page = Arc::new(directory::search(db, query).await?);
        self.keep(version, query, page.clone());
        Ok(page)
    }

    /// About how many bytes the kept pages take.
    pub fn bytes(&self) -> usize {
        self.inner.lock().map_or(0, |inner| inner.bytes)
    }

    fn lookup(&self, version: i64, query: &DirectoryQuery) -> Option<Arc<DirectoryPage>> {
        let inner = self.inner.lock().ok()?;
        (inner.version == version)
            .then(|| inner.pages.get(query).cloned())
            .flatten()
    }

    fn keep(&self, version: i64, query: &DirectoryQuery, page: Arc<DirectoryPage>) {
        let weight = weight(query, &page);
        if weight > self.budget {
            return;
        }
        let Ok(mut inner) = self.inner.lock() else {
            return;
        };
        if version < inner.version {
            return;
        }
        if version > inner.version {
            *inner = Pages {
                version,
                ..Pages::default()
            };
        }
        if inner.pages.contains_key(query) {
            return;
        }
        while inner.bytes + weight > self.budget {
            let Some((oldest, bytes)) = inner.kept.pop_front() else {
                break;
            };
            inner.pages.remove(&oldest);
            inner.bytes -= bytes;
        }
        inner.pages.insert(query.clone(), page);
        inner.kept.push_back((query.clone(), weight));
        inner.bytes += weight;
        metrics::gauge!("directory_cache_bytes").set(inner.bytes as f64);
    }
}

/// About what keeping `page` under `query` costs: the page, and the query twice (map key
/// and eviction order), with the map's and queue's slots.
fn weight(query: &DirectoryQuery, page: &DirectoryPage) -> usize {
    let query_bytes = std::mem::size_of::<DirectoryQuery>()
        + query.text.as_ref().map_or(0, String::len)
        + query.specialty.as_ref().map_or(0, String::len)
        + query.language.as_ref().map_or(0, String::len);
    page.weight() + 2 * query_bytes + std::mem::size_of::<Arc<DirectoryPage>>() + 16
}

#[cfg(test)]
mod tests {
    use super::*;
    use store::directory::{Listing, Sort};

    fn query(text: &str) -> DirectoryQuery {
        DirectoryQuery {
            text: Some(text.to_owned()),
            ..DirectoryQuery::everyone(Sort::Relevance, 20)
        }
    }

    fn page(cards: usize) -> Arc<DirectoryPage> {
        let listing = Listing {
            user_id: uuid::Uuid::nil(),
            slug: "aiko-suzuki".into(),
            display_name: "Aiko Suzuki".into(),
            avatar_key: None,
            headline: "Rust and systems programming".into(),
            excerpt: "x".repeat(160),
            currency: "EUR".into(),
            hourly_from_minor: Some(6000),
            rating_centi: 480,
            rating_count: 12,
            next_available_at: None,
            verified_at: None,
            sort_key: 0,
            languages: vec!["en".into(), "ja".into()],
            rates: vec![(30, 3000), (60, 6000)],
        };
        Arc::new(DirectoryPage {
            listings: vec![listing; cards],
            next: None,
        })
    }

    #[test]
    fn the_pages_kept_longest_go_first_past_the_budget() {
        let one = weight(&query("a"), &page(20));
        let cache = DirectoryCache::new(one * 3, 0);
        for text in ["a", "b", "c", "d"] {
            cache.keep(1, &query(text), page(20));
        }
        assert!(cache.bytes() <= one * 3, "{} > {}", cache.bytes(), one * 3);
        assert!(
            cache.lookup(1, &query("a")).is_none(),
            "the oldest page went"
        );
        for text in ["b", "c", "d"] {
            assert!(cache.lookup(1, &query(text)).is_some(), "{text} was kept");
        }
        // A page bigger than the whole budget is not kept, and evicts nothing.
        let small = DirectoryCache::new(one / 2, 0);
        small.keep(1, &query("a"), page(20));
        assert_eq!(small.bytes(), 0);
    }

    #[test]
    fn a_new_version_starts_over_and_an_older_one_is_not_kept() {
        let cache = DirectoryCache::new(1 << 20, 0);
        cache.keep(2, &query("a"), page(1));
        cache.keep(1, &query("b"), page(1));
        assert!(cache.lookup(2, &query("b")).is_none());
        cache.keep(3, &query("c"), page(1));
        assert!(cache.lookup(3, &query("a")).is_none());
        assert!(cache.lookup(3, &query("c")).is_some());
        assert_eq!(cache.bytes(), weight(&query("c"), &page(1)));
    }
}
