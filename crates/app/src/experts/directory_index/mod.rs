//! The directory searched in this process: every listed expert, the three stored orders,
//! and an index of their words (`text`), built from one read of the whole directory at a
//! version (`store::directory::every_listed`) and used only while that version stands
//! (`kept`). It answers a `DirectoryQuery` as `store::directory::search` does — the same
//! filters, orders, keys, cursors and pages — without a statement per search, so a text
//! search nobody made before costs microseconds instead of ranking its matches in SQL.
//!
//! Text is matched and ranked as SQLite's FTS5 does it (prefix words, Latin letters' marks
//! dropped, bm25), with one difference: bm25's counts cover the listed experts, where FTS5
//! counts every profile, so relevance keys can differ a little from SQLite's. PostgreSQL's
//! own search splits some words differently (`node.js` is one word to it) and ranks by
//! `ts_rank`; what the index answers is the same on both databases.

mod kept;
mod text;

pub use kept::KeptIndex;

use std::cmp::Ordering;

use store::directory::{
    Cursor, DirectoryPage, DirectoryQuery, EveryListed, ListedExpert, Sort, search_terms,
};
use store::migrations::UNRANKED;

use text::Words;

/// Every listed expert as of one directory version, ready to search.
pub struct DirectoryIndex {
    version: i64,
    /// As cards show them, by position.
    experts: Vec<ListedExpert>,
    /// What filters and orders read, by the same position: small and side by side, so a
    /// search over thousands of matches reads only the page's listings (and, when it
    /// filters by specialty or language, those of the experts it checks).
    facts: Vec<Facts>,
    words: Words,
    /// Positions, each sorted by (rank, user id) as the database's indexes are.
    by_rating: Vec<u32>,
    by_price: Vec<u32>,
    by_soonest: Vec<u32>,
}

/// One expert's ranks and filtered values.
#[derive(Debug, Clone, Copy)]
struct Facts {
    /// The user id as one number: its order is the id's byte order, as both databases
    /// compare ids.
    id: u128,
    rank_rating: i64,
    rank_price: i64,
    rank_soonest: i64,
    rating_centi: i32,
    rating_count: i32,
    /// The first free slot's second.
    next_available: Option<i64>,
}

impl Facts {
    fn of(e: &ListedExpert) -> Self {
        Self {
            id: e.listing.user_id.as_u128(),
            rank_rating: e.rank_rating,
            rank_price: e.rank_price,
            rank_soonest: e.rank_soonest,
            rating_centi: e.listing.rating_centi,
            rating_count: e.listing.rating_count,
            next_available: e.listing.next_available_at.map(|at| at.as_second()),
        }
    }

    /// The stored rank `sort` orders by (text relevance is computed per search).
    fn rank(&self, sort: Sort) -> i64 {
        match sort {
            Sort::Relevance | Sort::Rating => self.rank_rating,
            Sort::Price => self.rank_price,
            Sort::Soonest => self.rank_soonest,
        }
    }
}

impl DirectoryIndex {
    /// Indexes the directory as read. The experts' texts are indexed and then dropped.
    pub fn build(directory: EveryListed) -> Self {
        let EveryListed {
            version,
            mut experts,
        } = directory;
        let words = Words::build(
            experts
                .iter_mut()
                .map(|e| std::mem::take(&mut e.search_text)),
        );
        let facts: Vec<Facts> = experts.iter().map(Facts::of).collect();
        let order = |sort: Sort| {
            let mut positions: Vec<u32> = (0..facts.len() as u32).collect();
            positions.sort_unstable_by_key(|&p| {
                let f = &facts[p as usize];
                (f.rank(sort), f.id)
            });
            positions
        };
        Self {
            by_rating: order(Sort::Rating),
            by_price: order(Sort::Price),
            by_soonest: order(Sort::Soonest),
            version,
            words,
            facts,
            experts,
        }
    }

    /// The directory version this index shows.
    pub fn version(&self) -> i64 {
        self.version
    }

    /// How many experts it holds.
    pub fn len(&self) -> usize {
        self.experts.len()
    }

    /// Whether it holds nobody.
    pub fn is_empty(&self) -> bool {
        self.experts.is_empty()
    }

    /// The page `store::directory::search` would return for `query` at this version.
    pub fn search(&self, query: &DirectoryQuery) -> DirectoryPage {
        let terms = query.text.as_deref().map(search_terms).unwrap_or_default();
        let limit = query.limit.clamp(1, 100);
        let (after, offset) = match query.cursor {
            Some(Cursor::After { key, id }) => (Some((key, id.as_u128())), 0),
            Some(Cursor::Skip(n)) => (None, n),
            None => (None, 0),
        };
        let wanted = usize::try_from(limit + 1).unwrap_or(usize::MAX);
        let skip = usize::try_from(offset).unwrap_or(usize::MAX);
        let picked: Vec<(i64, u32)> = if terms.is_empty() {
            self.in_stored_order(query, after, skip, wanted)
        } else {
            self.by_text(&terms, query, after, skip, wanted)
        };
        let more = picked.len() as u64 > limit;
        let listings: Vec<_> = picked
            .into_iter()
            .take(usize::try_from(limit).unwrap_or(usize::MAX))
            .map(|(key, position)| {
                let mut listing = self.experts[position as usize].listing.clone();
                listing.sort_key = key;
                listing
            })
            .collect();
        let next = match (more, listings.last()) {
            (true, Some(_)) if query.sort == Sort::Relevance && !terms.is_empty() => {
                Some(Cursor::Skip(offset.saturating_add(limit)))
            }
            (true, Some(last)) => Some(Cursor::After {
                key: last.sort_key,
                id: last.user_id,
            }),
            _ => None,
        };
        DirectoryPage { listings, next }
    }

    /// Without text: read down the sort's stored order from the cursor, as the database
    /// reads down its index.
    fn in_stored_order(
        &self,
        query: &DirectoryQuery,
        after: Option<(i64, u128)>,
        skip: usize,
        wanted: usize,
    ) -> Vec<(i64, u32)> {
        let order: &[u32] = match query.sort {
            Sort::Relevance | Sort::Rating => &self.by_rating,
            Sort::Price => &self.by_price,
            Sort::Soonest => &self.by_soonest,
        };
        let key = |p: u32| {
            let f = &self.facts[p as usize];
            (f.rank(query.sort), f.id)
        };
        let start = after.map_or(0, |after| order.partition_point(|&p| key(p) <= after));
        order[start..]
            .iter()
            .filter(|&&p| self.passes(p, query))
            .skip(skip)
            .take(wanted)
            .map(|&p| (key(p).0, p))
            .collect()
    }

    /// With text: every expert matching all words, filtered, keyed (relevance, or the
    /// sort's rank) and the page's worth sorted.
    fn by_text(
        &self,
        terms: &[String],
        query: &DirectoryQuery,
        after: Option<(i64, u128)>,
        skip: usize,
        wanted: usize,
    ) -> Vec<(i64, u32)> {
        let mut keyed: Vec<(i64, u128, u32)> = self
            .words
            .matches(terms)
            .into_iter()
            .filter(|&(p, _)| self.passes(p, query))
            .filter_map(|(p, score)| {
                let f = &self.facts[p as usize];
                let key = match query.sort {
                    // As the SQL: bm25 (smaller is better) × 10⁶, truncated to an integer.
                    Sort::Relevance => (-score * 1_000_000.0) as i64,
                    sort => f.rank(sort),
                };
                after
                    .is_none_or(|after| (key, f.id) > after)
                    .then_some((key, f.id, p))
            })
            .collect();
        let compare = |a: &(i64, u128, u32), b: &(i64, u128, u32)| -> Ordering {
            (a.0, a.1).cmp(&(b.0, b.1))
        };
        // Only the first `skip + wanted` are ever shown: put those first, then sort them.
        let needed = skip.saturating_add(wanted);
        if keyed.len() > needed {
            keyed.select_nth_unstable_by(needed, compare);
            keyed.truncate(needed);
        }
        keyed.sort_unstable_by(compare);
        keyed
            .into_iter()
            .skip(skip)
            .map(|(key, _, p)| (key, p))
            .collect()
    }

    /// Whether the expert at `p` passes every filter of `query`, word for word the SQL's
    /// conditions.
    fn passes(&self, p: u32, query: &DirectoryQuery) -> bool {
        let f = &self.facts[p as usize];
        let numbers = query
            .min_usd_cents
            .is_none_or(|min| f.rank_price >= min && f.rank_price < UNRANKED)
            && query
                .max_usd_cents
                .is_none_or(|max| f.rank_price <= max.min(UNRANKED - 1))
            && query
                .min_rating_centi
                .is_none_or(|r| f.rating_count > 0 && f.rating_centi >= r)
            && query.available_between.is_none_or(|(from, to)| {
                f.next_available
                    .is_some_and(|at| at >= from.as_second() && at < to.as_second())
            });
        if !numbers || (query.specialty.is_none() && query.language.is_none()) {
            return numbers;
        }
        let e = &self.experts[p as usize];
        query
            .specialty
            .as_ref()
            .is_none_or(|s| e.specialties.contains(s))
            && query
                .language
                .as_ref()
                .is_none_or(|l| e.listing.languages.contains(l))
    }
}

#[cfg(test)]
mod tests;
