//! The expert directory: filtered, full-text searched, sorted and cursor-paginated listings
//! of bookable experts.
//!
//! This is the one repository module with backend-specific SQL, because full-text search
//! differs: SQLite searches the FTS5 table `expert_search` (ranked by bm25), PostgreSQL the
//! generated `search_vector` column (ranked by ts_rank). Everything else is shared.

use chrono::{DateTime, Utc};
use sea_orm::{DbBackend, FromQueryResult, Statement, Value};
use uuid::Uuid;

use crate::{Backend, Database, StoreError};

/// How listings are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cursor {
    After { key: i64, id: Uuid },
    Skip(u64),
}

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
            return n.parse().ok().map(Cursor::Skip);
        }
        let (key, id) = raw.strip_prefix('k')?.split_once('_')?;
        Some(Cursor::After {
            key: key.parse().ok()?,
            id: Uuid::parse_str(id).ok()?,
        })
    }
}

/// What to look for; every filter narrows.
#[derive(Debug, Clone)]
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
    /// Only experts with a free slot between these Unix seconds.
    pub available_between: Option<(i64, i64)>,
    pub sort: Sort,
    pub cursor: Option<Cursor>,
    pub limit: u64,
}

/// One expert as the directory shows them.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct Listing {
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

#[derive(Debug, Clone)]
pub struct DirectoryPage {
    pub listings: Vec<Listing>,
    pub next: Option<Cursor>,
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

/// A page of bookable experts matching `query`.
pub async fn search(db: &Database, query: &DirectoryQuery) -> Result<DirectoryPage, StoreError> {
    let backend = db.backend();
    let mut sql = SqlBuilder::new(backend);
    let terms = query.text.as_deref().map(search_terms).unwrap_or_default();
    let text_search = !terms.is_empty();

    let sort_key = match (query.sort, text_search) {
        (Sort::Relevance, true) => match backend {
            // bm25: smaller is better. Scaled to an integer so both backends sort alike.
            Backend::Sqlite => "CAST(bm25(expert_search) * 1000000 AS INTEGER)".to_owned(),
            Backend::Postgres => {
                "CAST(-ts_rank(e.search_vector, q.query) * 1000000 AS BIGINT)".to_owned()
            }
        },
        (Sort::Relevance | Sort::Rating, _) => {
            "-(e.rating_centi * 100000 + CASE WHEN e.rating_count > 99999 THEN 99999 ELSE e.rating_count END)"
                .to_owned()
        }
        (Sort::Price, _) => "COALESCE(e.hourly_from_usd_cents, 9000000000000000)".to_owned(),
        (Sort::Soonest, _) => "COALESCE(e.next_available_at, 9000000000000000)".to_owned(),
    };

    let mut from = String::from("expert_profiles e JOIN users u ON u.id = e.user_id");
    let mut conditions = vec![
        "e.status = 'approved'".to_owned(),
        "e.suspended_at IS NULL".to_owned(),
    ];
    // Each placeholder binds once: SQLite's `?` cannot be reused.
    let charges = sql.bind(Value::from(true));
    let payouts = sql.bind(Value::from(true));
    conditions.push(format!(
        "e.payout_charges_enabled = {charges} AND e.payout_payouts_enabled = {payouts}"
    ));
    if text_search {
        match backend {
            Backend::Sqlite => {
                let phrase = terms
                    .iter()
                    .map(|t| format!("\"{t}\"*"))
                    .collect::<Vec<_>>()
                    .join(" ");
                from.push_str(" JOIN expert_search ON expert_search.user_id = e.user_id");
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
                from.push_str(&format!(
                    " CROSS JOIN (SELECT to_tsquery('simple', {p}) AS query) q"
                ));
                conditions.push("e.search_vector @@ q.query".to_owned());
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
    if let Some(min) = query.min_usd_cents {
        let p = sql.bind(Value::from(min));
        conditions.push(format!("e.hourly_from_usd_cents >= {p}"));
    }
    if let Some(max) = query.max_usd_cents {
        let p = sql.bind(Value::from(max));
        conditions.push(format!("e.hourly_from_usd_cents <= {p}"));
    }
    if let Some(rating) = query.min_rating_centi {
        let p = sql.bind(Value::from(rating));
        conditions.push(format!("e.rating_count > 0 AND e.rating_centi >= {p}"));
    }
    if let Some((from_s, to_s)) = query.available_between {
        let a = sql.bind(Value::from(from_s));
        let b = sql.bind(Value::from(to_s));
        conditions.push(format!(
            "e.next_available_at >= {a} AND e.next_available_at < {b}"
        ));
    }
    let mut offset = 0;
    match query.cursor {
        Some(Cursor::After { key, id }) => {
            let k1 = sql.bind(Value::from(key));
            let k2 = sql.bind(Value::from(key));
            let i = sql.bind(Value::from(id));
            conditions.push(format!(
                "(({sort_key}) > {k1} OR (({sort_key}) = {k2} AND e.user_id > {i}))"
            ));
        }
        Some(Cursor::Skip(n)) => offset = n,
        None => {}
    }
    let limit = query.limit.clamp(1, 100);
    let text = format!(
        "SELECT e.user_id, e.slug, u.display_name, u.avatar_key, e.headline, e.bio, e.currency, \
         e.hourly_from_minor, e.rating_centi, e.rating_count, e.next_available_at, e.verified_at, \
         CAST(({sort_key}) AS BIGINT) AS sort_key \
         FROM {from} WHERE {} ORDER BY sort_key, e.user_id LIMIT {} OFFSET {offset}",
        conditions.join(" AND "),
        limit + 1
    );
    let statement = Statement::from_sql_and_values(sql.db_backend(), text, sql.values);
    let mut listings = Listing::find_by_statement(statement).all(db.conn()).await?;
    let more = listings.len() as u64 > limit;
    listings.truncate(limit as usize);
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
        let id = Uuid::now_v7();
        for c in [Cursor::After { key: -42, id }, Cursor::Skip(20)] {
            assert_eq!(Cursor::decode(&c.encode()), Some(c));
        }
        assert_eq!(Cursor::decode("garbage"), None);
    }
}
