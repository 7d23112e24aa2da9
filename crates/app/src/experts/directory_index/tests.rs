//! The index on its own: orders, filters and cursors over a few hand-made experts. That it
//! answers exactly as the database does is shown on both databases by the integration
//! test `directory_index::the_index_answers_every_query_as_the_database_does`.

use jiff::Timestamp;
use store::directory::{ListedExpert, Listing};
use uuid::Uuid;

use super::*;

fn expert(n: u8, text: &str, price: i64, rating: i64, languages: &[&str]) -> ListedExpert {
    ListedExpert {
        listing: Listing {
            user_id: Uuid::from_bytes([n; 16]),
            slug: format!("expert-{n}"),
            display_name: format!("Expert {n}"),
            avatar_key: None,
            headline: text.to_owned(),
            excerpt: String::new(),
            currency: "USD".into(),
            hourly_from_minor: (price != UNRANKED).then_some(price),
            rating_centi: 0,
            rating_count: 0,
            next_available_at: None,
            verified_at: None,
            sort_key: 0,
            languages: languages.iter().map(|l| (*l).to_owned()).collect(),
            rates: Vec::new(),
        },
        rank_rating: rating,
        rank_price: price,
        rank_soonest: UNRANKED,
        search_text: text.to_owned(),
        specialties: vec!["guitar".into()],
    }
}

fn four() -> Vec<ListedExpert> {
    vec![
        expert(1, "rust systems", 5000, -40_000, &["en"]),
        expert(2, "rust web", 3000, -45_000, &["en", "es"]),
        expert(3, "guitar", UNRANKED, -40_000, &["es"]),
        expert(4, "rust rust rust", 3000, -30_000, &["de"]),
    ]
}

fn index() -> DirectoryIndex {
    DirectoryIndex::build(EveryListed {
        version: 7,
        experts: four(),
    })
}

/// The four above and six pianists, so that "rust" is rare enough to weigh something:
/// BM25 counts a word found in half the texts or more as (almost) nothing.
fn larger_index() -> DirectoryIndex {
    let mut experts = four();
    experts.extend((5..=10).map(|n| expert(n, "jazz piano", 4000, -35_000, &["en"])));
    DirectoryIndex::build(EveryListed {
        version: 8,
        experts,
    })
}

fn query(text: Option<&str>, sort: Sort, limit: u64) -> DirectoryQuery {
    DirectoryQuery {
        text: text.map(str::to_owned),
        ..DirectoryQuery::everyone(sort, limit)
    }
}

/// Every page of `query`, followed by its cursors: the experts' numbers, page by page.
fn pages(index: &DirectoryIndex, mut query: DirectoryQuery) -> Vec<Vec<u8>> {
    let mut pages = Vec::new();
    loop {
        let page = index.search(&query);
        pages.push(
            page.listings
                .iter()
                .map(|l| l.user_id.as_bytes()[0])
                .collect(),
        );
        match page.next {
            Some(next) => query.cursor = Some(next),
            None => return pages,
        }
    }
}

#[test]
fn stored_orders_page_by_key_then_id() {
    let index = index();
    assert_eq!(index.version(), 7);
    assert_eq!(
        pages(&index, query(None, Sort::Price, 2)),
        [vec![2, 4], vec![1, 3]]
    );
    assert_eq!(
        pages(&index, query(None, Sort::Relevance, 3)),
        [vec![2, 1, 3], vec![4]]
    );
    let cheapest = index.search(&query(None, Sort::Price, 1));
    assert_eq!(cheapest.listings[0].sort_key, 3000);
    assert_eq!(
        cheapest.next,
        Some(Cursor::After {
            key: 3000,
            id: Uuid::from_bytes([2; 16])
        })
    );
}

#[test]
fn filters_narrow_as_the_sql_does() {
    let index = index();
    let mut q = query(None, Sort::Price, 10);
    q.min_usd_cents = Some(0);
    assert_eq!(
        pages(&index, q.clone()),
        [vec![2, 4, 1]],
        "no estimate, no floor"
    );
    q.min_usd_cents = None;
    q.max_usd_cents = Some(i64::MAX);
    assert_eq!(pages(&index, q.clone()), [vec![2, 4, 1]], "nor ceiling");
    q.max_usd_cents = None;
    q.language = Some("es".into());
    assert_eq!(pages(&index, q.clone()), [vec![2, 3]]);
    q.language = None;
    q.min_rating_centi = Some(0);
    assert_eq!(
        pages(&index, q.clone()),
        [Vec::<u8>::new()],
        "unrated never pass"
    );
    q.min_rating_centi = None;
    q.available_between = Some((Timestamp::UNIX_EPOCH, Timestamp::MAX));
    assert_eq!(
        pages(&index, q),
        [Vec::<u8>::new()],
        "no free slot, not available"
    );
}

#[test]
fn text_relevance_pages_by_count_of_results() {
    let index = larger_index();
    let q = query(Some("Rust"), Sort::Relevance, 2);
    let first = index.search(&q);
    assert_eq!(
        first.listings[0].user_id.as_bytes()[0],
        4,
        "most mentions first"
    );
    assert!(first.listings[0].sort_key <= first.listings[1].sort_key);
    assert_eq!(first.next, Some(Cursor::Skip(2)));
    let all: Vec<u8> = pages(&index, q).concat();
    assert_eq!(all.len(), 3);
    assert!(!all.contains(&3));
    // Other orders with text keep their stored keys and keyset cursors.
    assert_eq!(
        pages(&index, query(Some("rust"), Sort::Price, 2)),
        [vec![2, 4], vec![1]]
    );
    assert_eq!(
        pages(&index, query(Some("rust web"), Sort::Rating, 5)),
        [vec![2]]
    );
}
