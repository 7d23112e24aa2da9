//! The expert directory: filtered, full-text searched, sorted and cursor-paginated listings
//! of bookable experts.
//!
//! This is the one repository module with backend-specific SQL, because full-text search
//! differs: SQLite searches the FTS5 table `expert_search` (ranked by bm25, its rows keyed
//! through `expert_search_keys`), PostgreSQL the table `expert_search` of tsvectors (ranked
//! by ts_rank). Everything else is shared.

use chrono::{DateTime, Utc};
use jiff::Timestamp;
use sea_orm::{DbBackend, FromQueryResult, Statement, Value};
use uuid::Uuid;

use crate::instant::from_chrono;
use crate::migrations::{UNRANKED, listed};
use crate::{Backend, Database, StoreError};

mod every_listed;
pub use every_listed::{EveryListed, ListedExpert, every_listed};

/// How listings are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sort {
    /// Best text match first (with no text: best rated first).
    Relevance,
    Rating,
    /// Cheapest hour first (compared in US cents at the reference rates).
    Price,
    /// Soonest free slot first; experts without one last.
    Soonest,
}

impl Sort {
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "relevance" => Some(Sort::Relevance),
            "rating" => Some(Sort::Rating),
            "price" => Some(Sort::Price),
            "soonest" => Some(Sort::Soonest),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Rating => "rating",
            Sort::Price => "price",
            Sort::Soonest => "soonest",
        }
    }
}

/// Where the next page starts: after a sort key and id (keyset), or, for text relevance
/// whose scores are not stable integers, after a number of results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cursor {
    After { key: i64, id: Uuid },
    Skip(u64),
}

/// The deepest offset a cursor may name.
pub const MAX_SKIP: u64 = 1_000_000;

impl Cursor {
    /// An opaque string for URLs.
    pub fn encode(&self) -> String {
        match self {
            Cursor::After { key, id } => format!("k{key}_{}", id.simple()),
            Cursor::Skip(n) => format!("s{n}"),
        }
    }

    pub fn decode(raw: &str) -> Option<Self> {
        if let Some(n) = raw.strip_prefix('s') {
            // An offset becomes a signed SQL value: anything past the deepest page anyone
            // reaches is a forged cursor, refused here rather than overflowing there.
            return n
                .parse::<u64>()
                .ok()
                .filter(|n| *n <= MAX_SKIP)
                .map(Cursor::Skip);
        }
        let (key, id) = raw.strip_prefix('k')?.split_once('_')?;
        Some(Cursor::After {
            key: key.parse().ok()?,
            id: Uuid::parse_str(id).ok()?,
        })
    }
}

/// What to look for; every filter narrows.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DirectoryQuery {
    /// Free text over name, headline, bio and specialties.
    pub text: Option<String>,
    pub specialty: Option<String>,
    pub language: Option<String>,
    /// Cheapest hour bounds, in US cents at the reference rates.
    pub min_usd_cents: Option<i64>,
    pub max_usd_cents: Option<i64>,
    /// Average rating × 100.
    pub min_rating_centi: Option<i32>,
    /// Only experts with a free slot between these instants.
    pub available_between: Option<(Timestamp, Timestamp)>,
    pub sort: Sort,
    pub cursor: Option<Cursor>,
    pub limit: u64,
}

impl DirectoryQuery {
    /// Everyone listed, in `sort` order, `limit` to a page: a query to narrow.
    pub fn everyone(sort: Sort, limit: u64) -> Self {
        Self {
            text: None,
            specialty: None,
            language: None,
            min_usd_cents: None,
            max_usd_cents: None,
            min_rating_centi: None,
            available_between: None,
            sort,
            cursor: None,
            limit,
        }
    }
}

/// How much of a bio a directory card shows, in characters.
pub const EXCERPT_CHARS: usize = 160;

/// One expert as the directory shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    pub user_id: Uuid,
    pub slug: String,
    pub display_name: String,
    pub avatar_key: Option<String>,
    pub headline: String,
    /// The start of the bio as plain text, as much as a card shows (`EXCERPT_CHARS`):
    /// result pages are cached, and a whole bio is up to 5,000 characters a card never
    /// shows.
    pub excerpt: String,
    pub currency: String,
    pub hourly_from_minor: Option<i64>,
    pub rating_centi: i32,
    pub rating_count: i32,
    pub next_available_at: Option<Timestamp>,
    pub verified_at: Option<Timestamp>,
    pub sort_key: i64,
    /// The languages the expert teaches in (ISO 639-1 codes), sorted.
    pub languages: Vec<String>,
    /// Each offered length's price: (minutes, minor units in `currency`), shortest first.
    pub rates: Vec<(i32, i64)>,
}

/// A listing as the query returns it (instants as the column type).
#[derive(FromQueryResult)]
struct ListingRow {
    pub user_id: Uuid,
    pub slug: String,
    pub display_name: String,
    pub avatar_key: Option<String>,
    pub headline: String,
    pub bio: String,
    pub currency: String,
    pub hourly_from_minor: Option<i64>,
    pub rating_centi: i32,
    pub rating_count: i32,
    pub next_available_at: Option<i64>,
    pub verified_at: Option<DateTime<Utc>>,
    pub sort_key: i64,
}

impl From<ListingRow> for Listing {
    fn from(row: ListingRow) -> Self {
        Self {
            user_id: row.user_id,
            slug: row.slug,
            display_name: row.display_name,
            avatar_key: row.avatar_key,
            headline: row.headline,
            excerpt: domain::markdown::plain_excerpt(&row.bio, EXCERPT_CHARS),
            currency: row.currency,
            hourly_from_minor: row.hourly_from_minor,
            rating_centi: row.rating_centi,
            rating_count: row.rating_count,
            next_available_at: row.next_available_at.map(crate::instant::from_seconds),
            verified_at: row.verified_at.map(from_chrono),
            sort_key: row.sort_key,
            languages: Vec::new(),
            rates: Vec::new(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct DirectoryPage {
    pub listings: Vec<Listing>,
    pub next: Option<Cursor>,
}

impl Listing {
    /// About how many bytes of memory the listing takes (for a cache's budget).
    pub fn weight(&self) -> usize {
        std::mem::size_of::<Self>()
            + self.slug.len()
            + self.display_name.len()
            + self.avatar_key.as_ref().map_or(0, String::len)
            + self.headline.len()
            + self.excerpt.len()
            + self.currency.len()
            + self.languages.iter().map(|l| l.len() + 24).sum::<usize>()
            + self.rates.len() * std::mem::size_of::<(i32, i64)>()
    }
}

impl DirectoryPage {
    /// About how many bytes of memory the page takes (for a cache's budget).
    pub fn weight(&self) -> usize {
        std::mem::size_of::<Self>() + self.listings.iter().map(Listing::weight).sum::<usize>()
    }
}

/// The words of a search, lower-cased with accents folded, letters and digits only (nothing that could be
/// query syntax), at most eight.
pub fn search_terms(text: &str) -> Vec<String> {
    domain::expert::fold_for_search(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(str::to_owned)
        .collect()
}

/// The directory's version: changes (by triggers) whenever anything a listing shows or is
/// filtered by changes. Result caches file pages under it.
pub async fn version(db: &Database) -> Result<i64, StoreError> {
    #[derive(FromQueryResult)]
    struct Row {
        version: i64,
    }
    let statement = Statement::from_string(
        SqlBuilder::new(db.backend()).db_backend(),
        "SELECT version FROM directory_state WHERE id = 1",
    );
    Ok(Row::find_by_statement(statement)
        .one(db.reads())
        .await?
        .map_or(0, |r| r.version))
}

/// A page of bookable experts matching `query`.
pub async fn search(db: &Database, query: &DirectoryQuery) -> Result<DirectoryPage, StoreError> {
    let backend = db.backend();
    let mut sql = SqlBuilder::new(backend);
    let terms = query.text.as_deref().map(search_terms).unwrap_or_default();
    let text_search = !terms.is_empty();

    // Text relevance is computed per match; every other order is a stored rank column with
    // a partial index over listed experts (see the experts migration), so the first page
    // is read off an index instead of sorting the whole directory.
    let sort_key = match (query.sort, text_search) {
        (Sort::Relevance, true) => match backend {
            // bm25: smaller is better. Scaled to an integer so both backends sort alike.
            Backend::Sqlite => "CAST(bm25(expert_search) * 1000000 AS INTEGER)",
            Backend::Postgres => "CAST(-ts_rank(s.search_vector, q.query) * 1000000 AS BIGINT)",
        },
        (Sort::Relevance | Sort::Rating, _) => "e.rank_rating",
        (Sort::Price, _) => "e.rank_price",
        (Sort::Soonest, _) => "e.rank_soonest",
    };

    // SQLite without statistics would rather filter on `status` and sort everything; the
    // rank orders name their index there so the plan never depends on ANALYZE having run.
    let index = match (backend, query.sort, text_search) {
        (Backend::Sqlite, Sort::Relevance | Sort::Rating, false) => {
            " INDEXED BY ix_listed_by_rating"
        }
        (Backend::Sqlite, Sort::Price, false) => " INDEXED BY ix_listed_by_price",
        (Backend::Sqlite, Sort::Soonest, false) => " INDEXED BY ix_listed_by_soonest",
        // Text matches come from FTS; whether each is listed, from the covering index.
        (Backend::Sqlite, _, true) => " INDEXED BY ix_listed_members",
        _ => "",
    };
    let mut from = format!("expert_profiles e{index}");
    let mut with = String::new();
    // Word for word the partial indexes' predicate, with the table's alias.
    let mut conditions = vec![listed("e.")];
    if text_search {
        match backend {
            Backend::Sqlite => {
                let phrase = terms
                    .iter()
                    .map(|t| format!("\"{t}\"*"))
                    .collect::<Vec<_>>()
                    .join(" ");
                from.push_str(
                    " JOIN expert_search_keys k ON k.user_id = e.user_id \
                     JOIN expert_search ON expert_search.rowid = k.id",
                );
                let p = sql.bind(Value::from(phrase));
                conditions.push(format!("expert_search MATCH {p}"));
            }
            Backend::Postgres => {
                let tsquery = terms
                    .iter()
                    .map(|t| format!("{t}:*"))
                    .collect::<Vec<_>>()
                    .join(" & ");
                let p = sql.bind(Value::from(tsquery));
                // The query parsed once, as a value: a prepared statement's generic plan
                // otherwise parses it again for the rank of every match. Matches come
                // off the GIN index, and each is checked against the covering listed
                // index before any profile row is read.
                with =
                    format!("WITH q AS MATERIALIZED (SELECT to_tsquery('simple', {p}) AS query) ");
                from = "q JOIN expert_search s ON s.search_vector @@ q.query \
                        JOIN expert_profiles e ON e.user_id = s.user_id"
                    .to_owned();
            }
        }
    }
    if let Some(specialty) = &query.specialty {
        let p = sql.bind(Value::from(specialty.clone()));
        conditions.push(format!(
            "EXISTS (SELECT 1 FROM expert_specialties s WHERE s.user_id = e.user_id AND s.specialty_slug = {p})"
        ));
    }
    if let Some(language) = &query.language {
        let p = sql.bind(Value::from(language.clone()));
        conditions.push(format!(
            "EXISTS (SELECT 1 FROM expert_languages l WHERE l.user_id = e.user_id AND l.language = {p})"
        ));
    }
    // Price bounds read `rank_price` (the same US cents, or UNRANKED without an estimate),
    // so sorting by price scans the index from the lower bound.
    if let Some(min) = query.min_usd_cents {
        let p = sql.bind(Value::from(min));
        let unranked = sql.bind(Value::from(UNRANKED));
        conditions.push(format!("e.rank_price >= {p} AND e.rank_price < {unranked}"));
    }
    if let Some(max) = query.max_usd_cents {
        let p = sql.bind(Value::from(max.min(UNRANKED - 1)));
        conditions.push(format!("e.rank_price <= {p}"));
    }
    if let Some(rating) = query.min_rating_centi {
        let p = sql.bind(Value::from(rating));
        conditions.push(format!("e.rating_count > 0 AND e.rating_centi >= {p}"));
    }
    if let Some((from_s, to_s)) = query.available_between {
        let a = sql.bind(Value::from(from_s.as_second()));
        let b = sql.bind(Value::from(to_s.as_second()));
        conditions.push(format!(
            "e.next_available_at >= {a} AND e.next_available_at < {b}"
        ));
    }
    let mut offset = 0;
    match query.cursor {
        Some(Cursor::After { key, id }) => {
            let k = sql.bind(Value::from(key));
            let i = sql.bind(Value::from(id));
            // A row value: both planners continue the index scan from there.
            conditions.push(format!("({sort_key}, e.user_id) > ({k}, {i})"));
        }
        Some(Cursor::Skip(n)) => offset = n,
        None => {}
    }
    let limit = query.limit.clamp(1, 100);
    // The page is chosen from ids and sort keys alone; only its rows are then joined to
    // what the listing shows (name, avatar, bio), so wide rows are read 21 times, not once
    // per match.
    let text = format!(
        "{with}SELECT e.user_id, e.slug, u.display_name, u.avatar_key, e.headline, e.bio, e.currency, \
         e.hourly_from_minor, e.rating_centi, e.rating_count, e.next_available_at, e.verified_at, \
         page.sort_key \
         FROM (SELECT e.user_id, {sort_key} AS sort_key FROM {from} WHERE {} \
               ORDER BY {sort_key}, e.user_id LIMIT {} OFFSET {offset}) page \
         JOIN expert_profiles e ON e.user_id = page.user_id \
         JOIN users u ON u.id = e.user_id \
         ORDER BY page.sort_key, page.user_id",
        conditions.join(" AND "),
        limit + 1
    );
    let statement = Statement::from_sql_and_values(sql.db_backend(), text, sql.values);
    let mut listings: Vec<Listing> = ListingRow::find_by_statement(statement)
        .all(db.reads())
        .await?
        .into_iter()
        .map(Listing::from)
        .collect();
    let more = listings.len() as u64 > limit;
    listings.truncate(limit as usize);
    with_languages_and_rates(db, &mut listings).await?;
    let next = match (more, listings.last()) {
        (true, Some(_)) if query.sort == Sort::Relevance && text_search => {
            Some(Cursor::Skip(offset + limit))
        }
        (true, Some(last)) => Some(Cursor::After {
            key: last.sort_key,
            id: last.user_id,
        }),
        _ => None,
    };
    Ok(DirectoryPage { listings, next })
}

/// Fills in each listing's languages and prices, two queries for the whole page (the
/// cards show them; the search itself never reads them). Cached pages stay right: rates
/// are only written with their profile row, and languages are watched, so either change
/// moves the directory's version.
async fn with_languages_and_rates(
    db: &Database,
    listings: &mut [Listing],
) -> Result<(), StoreError> {
    use crate::entities::{expert_language, expert_rate};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    if listings.is_empty() {
        return Ok(());
    }
    let ids: Vec<Uuid> = listings.iter().map(|l| l.user_id).collect();
    let languages = expert_language::Entity::find()
        .filter(expert_language::Column::UserId.is_in(ids.clone()))
        .order_by_asc(expert_language::Column::Language)
        .all(db.reads())
        .await?;
    let rates = expert_rate::Entity::find()
        .filter(expert_rate::Column::UserId.is_in(ids))
        .order_by_asc(expert_rate::Column::DurationMinutes)
        .all(db.reads())
        .await?;
    for listing in listings.iter_mut() {
        listing.languages = languages
            .iter()
            .filter(|l| l.user_id == listing.user_id)
            .map(|l| l.language.clone())
            .collect();
        listing.rates = rates
            .iter()
            .filter(|r| r.user_id == listing.user_id)
            .map(|r| (r.duration_minutes, r.amount_minor))
            .collect();
    }
    Ok(())
}

/// Positional parameters in the backend's own spelling (`?` or `$n`).
struct SqlBuilder {
    backend: Backend,
    values: Vec<Value>,
}

impl SqlBuilder {
    fn new(backend: Backend) -> Self {
        Self {
            backend,
            values: Vec::new(),
        }
    }

    fn bind(&mut self, value: Value) -> String {
        self.values.push(value);
        match self.backend {
            Backend::Sqlite => "?".to_owned(),
            Backend::Postgres => format!("${}", self.values.len()),
        }
    }

    fn db_backend(&self) -> DbBackend {
        match self.backend {
            Backend::Sqlite => DbBackend::Sqlite,
            Backend::Postgres => DbBackend::Postgres,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_terms_keep_only_words() {
        assert_eq!(
            search_terms(r#"Rust "OR" NEAR(x) * José's"#),
            vec!["rust", "or", "near", "x", "jose", "s"]
        );
        assert!(search_terms("  -- ").is_empty());
    }

    #[test]
    fn cursors_round_trip() {
        let id = Uuid::new_v4();
        assert_eq!(Cursor::decode("s9223372036854775808"), None);
        assert_eq!(Cursor::decode("s1000001"), None);
        for c in [Cursor::After { key: -42, id }, Cursor::Skip(20)] {
            assert_eq!(Cursor::decode(&c.encode()), Some(c));
        }
        assert_eq!(Cursor::decode("garbage"), None);
    }
}
