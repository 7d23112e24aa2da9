//! Every listed expert at once, with what the directory filters, sorts and searches by:
//! the rows an instance builds its in-process search index from (see
//! `app::experts::directory_index`). Five statements for the whole directory (its
//! version, then four scans of the listed experts); nothing here runs per search.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use futures::TryStreamExt;
use sea_orm::{FromQueryResult, Statement};
use uuid::Uuid;

use super::{Listing, ListingRow, SqlBuilder, version};
use crate::migrations::listed;
use crate::{Database, StoreError};

/// A listed expert, with the stored ranks the directory orders by and the text it matches.
#[derive(Debug, Clone)]
pub struct ListedExpert {
    /// As a card shows it; `sort_key` is 0 (each search sets its own).
    pub listing: Listing,
    /// Best rated first, as `Sort::Rating` orders.
    pub rank_rating: i64,
    /// US cents at the reference rates, or `UNRANKED`.
    pub rank_price: i64,
    /// The first free slot's second, or `UNRANKED`.
    pub rank_soonest: i64,
    /// Name, headline, bio and specialty names, lower-cased with accents folded: what the
    /// text search matches (the database's own search tables are built from it too).
    pub search_text: String,
    /// Taxonomy slugs, sorted.
    pub specialties: Vec<String>,
}

/// The whole directory as of `version`.
#[derive(Debug, Clone)]
pub struct EveryListed {
    /// The directory's version read before any row: the rows are at least this new, so a
    /// copy is only ever used while the version still stands.
    pub version: i64,
    pub experts: Vec<ListedExpert>,
}

#[derive(FromQueryResult)]
struct Row {
    user_id: Uuid,
    slug: String,
    display_name: String,
    avatar_key: Option<String>,
    headline: String,
    bio: String,
    currency: String,
    hourly_from_minor: Option<i64>,
    rating_centi: i32,
    rating_count: i32,
    next_available_at: Option<i64>,
    verified_at: Option<DateTime<Utc>>,
    rank_rating: i64,
    rank_price: i64,
    rank_soonest: i64,
    search_text: String,
}

#[derive(FromQueryResult)]
struct Attribute {
    user_id: Uuid,
    value: String,
}

#[derive(FromQueryResult)]
struct Rate {
    user_id: Uuid,
    duration_minutes: i32,
    amount_minor: i64,
}

/// Every listed expert, or `None` when there are more than `most` (more than an instance
/// should keep in memory; searches then stay in the database).
///
/// Read through the main pool, not the search readers: a scan of every profile would fill
/// a reader's large page cache with rows searches never read. Rows are taken one at a
/// time, each bio dropped once its excerpt is made, so the read never holds the whole
/// directory's bios.
pub async fn every_listed(db: &Database, most: usize) -> Result<Option<EveryListed>, StoreError> {
    let version = version(db).await?;
    let sql = SqlBuilder::new(db.backend());
    let statement = |text: String| Statement::from_string(sql.db_backend(), text);
    let listed = listed("e.");
    // Each expert's languages, specialties and rates first (small), in the order a
    // listing keeps them.
    let attribute = |table: &str, column: &str| {
        statement(format!(
            "SELECT a.user_id, a.{column} AS value FROM {table} a \
             JOIN expert_profiles e ON e.user_id = a.user_id WHERE {listed} ORDER BY a.{column}"
        ))
    };
    let mut languages = grouped(
        Attribute::find_by_statement(attribute("expert_languages", "language"))
            .all(db.conn())
            .await?
            .into_iter()
            .map(|a| (a.user_id, a.value)),
    );
    let mut specialties = grouped(
        Attribute::find_by_statement(attribute("expert_specialties", "specialty_slug"))
            .all(db.conn())
            .await?
            .into_iter()
            .map(|a| (a.user_id, a.value)),
    );
    let mut rates = grouped(
        Rate::find_by_statement(statement(format!(
            "SELECT a.user_id, a.duration_minutes, a.amount_minor FROM expert_rates a \
             JOIN expert_profiles e ON e.user_id = a.user_id WHERE {listed} \
             ORDER BY a.duration_minutes"
        )))
        .all(db.conn())
        .await?
        .into_iter()
        .map(|r| (r.user_id, (r.duration_minutes, r.amount_minor))),
    );
    let mut rows = Row::find_by_statement(statement(format!(
        "SELECT e.user_id, e.slug, u.display_name, u.avatar_key, e.headline, e.bio, e.currency, \
         e.hourly_from_minor, e.rating_centi, e.rating_count, e.next_available_at, \
         e.verified_at, e.rank_rating, e.rank_price, e.rank_soonest, e.search_text \
         FROM expert_profiles e JOIN users u ON u.id = e.user_id WHERE {listed} LIMIT {}",
        most.saturating_add(1)
    )))
    .stream(db.conn())
    .await?;
    let mut experts = Vec::new();
    while let Some(row) = rows.try_next().await? {
        if experts.len() == most {
            return Ok(None);
        }
        // Making excerpts is CPU work (markdown), and rows arrive without ever making the
        // task wait: let requests on this thread run every so often.
        if experts.len() % 256 == 255 {
            tokio::task::yield_now().await;
        }
        let mut listing = Listing::from(ListingRow {
            user_id: row.user_id,
            slug: row.slug,
            display_name: row.display_name,
            avatar_key: row.avatar_key,
            headline: row.headline,
            bio: row.bio,
            currency: row.currency,
            hourly_from_minor: row.hourly_from_minor,
            rating_centi: row.rating_centi,
            rating_count: row.rating_count,
            next_available_at: row.next_available_at,
            verified_at: row.verified_at,
            sort_key: 0,
        });
        listing.languages = languages.remove(&row.user_id).unwrap_or_default();
        listing.rates = rates.remove(&row.user_id).unwrap_or_default();
        experts.push(ListedExpert {
            listing,
            rank_rating: row.rank_rating,
            rank_price: row.rank_price,
            rank_soonest: row.rank_soonest,
            search_text: row.search_text,
            specialties: specialties.remove(&row.user_id).unwrap_or_default(),
        });
    }
    Ok(Some(EveryListed { version, experts }))
}

/// Values by expert, each expert's in the order they came.
fn grouped<T>(pairs: impl Iterator<Item = (Uuid, T)>) -> HashMap<Uuid, Vec<T>> {
    let mut by_expert: HashMap<Uuid, Vec<T>> = HashMap::new();
    for (user_id, value) in pairs {
        by_expert.entry(user_id).or_default().push(value);
    }
    by_expert
}
