//! Finding experts: the directory's filters as people type them (prices in their own
//! currency, ratings out of five), checked and turned into a store query; and public
//! profiles, with prices shown as the expert set them plus an estimate in the viewer's
//! currency.

use domain::money::{self, Money};
use domain::profile::CurrencyCode;
use jiff::SignedDuration;
use std::sync::Arc;
use store::Database;

use store::directory::{Cursor, DirectoryPage, DirectoryQuery, Listing, Sort};
use store::experts::{self, ExpertProfile};
use store::taxonomy::{self, Specialty};
use store::users::{self, User};
use uuid::Uuid;

use super::directory_cache::DirectoryCache;
use super::{ExpertError, field};
use crate::FieldError;

/// Results per page unless asked otherwise.
pub const PAGE_SIZE: u64 = 20;
/// The most results one page may hold (`limit`).
pub const MAX_PAGE_SIZE: u64 = 50;
/// "Available soon" means a free slot within this many days.
pub const AVAILABLE_WITHIN_DAYS: i64 = 7;

/// The directory's parameters as they arrive in a URL: every one optional text.
#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DirectoryParams {
    /// Free text matched against name, headline, bio and specialties (first 200 characters).
    #[serde(default)]
    pub q: Option<String>,
    /// A specialty's taxonomy slug.
    #[serde(default)]
    pub specialty: Option<String>,
    /// A language the expert must speak: its ISO 639-1 code, its own name ("Español") or
    /// its English name ("Spanish").
    #[serde(default)]
    pub language: Option<String>,
    /// Cheapest hour at least/at most this, in `currency`'s major units.
    #[serde(default)]
    pub min_price: Option<String>,
    /// See `min_price`.
    #[serde(default)]
    pub max_price: Option<String>,
    /// The viewer's currency (prices are estimated in it); else the account's, else USD.
    #[serde(default)]
    pub currency: Option<String>,
    /// Average rating out of 5, e.g. "4" or "4.5".
    #[serde(default)]
    pub min_rating: Option<String>,
    /// "1"/"true"/"on": only experts with a free slot in the next 7 days.
    #[serde(default)]
    pub available: Option<String>,
    /// `relevance` (default), `rating`, `price` or `soonest`.
    #[serde(default)]
    pub sort: Option<String>,
    /// The `next_cursor` of the previous page, to read on.
    #[serde(default)]
    pub cursor: Option<String>,
    /// Results per page, 1 to `MAX_PAGE_SIZE`; `PAGE_SIZE` when absent.
    #[serde(default)]
    pub limit: Option<String>,
}

/// An expert in a result list, with prices ready to show.
#[derive(Debug, Clone)]
pub struct Card {
    /// The expert as the directory lists them.
    pub listing: Listing,
    /// The cheapest hour, in the expert's currency.
    pub hourly_from: Option<Money>,
    /// The same in the viewer's currency, when it differs and a rate is known.
    pub estimate: Option<Money>,
    /// Each offered length's price as the profile shows it, shortest first, with its
    /// estimate in the viewer's currency.
    pub rates: Vec<ShownRate>,
}

/// One page of directory results.
#[derive(Debug, Clone)]
pub struct Results {
    /// The experts on this page, in the order asked for.
    pub cards: Vec<Card>,
    /// Opaque; pass it back as `cursor` for the next page. `None` on the last page.
    pub next_cursor: Option<String>,
    /// The currency estimates are shown in.
    pub currency: CurrencyCode,
    /// The order used, so the page can show it selected.
    pub sort: Sort,
}

fn blank(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// The viewer's currency: asked for, else the account's, else US dollars.
pub fn viewer_currency(
    asked: Option<&str>,
    viewer: Option<&User>,
) -> Result<CurrencyCode, FieldError> {
    match asked {
        Some(code) => {
            CurrencyCode::parse(code).map_err(|_| field("currency", "profile-currency-invalid"))
        }
        None => Ok(viewer
            .and_then(|v| CurrencyCode::parse(&v.currency).ok())
            .or_else(|| CurrencyCode::parse("USD").ok())
            .ok_or_else(|| field("currency", "profile-currency-invalid"))?),
    }
}

/// Checks every parameter (reporting all problems at once) and runs the search.
pub async fn search(
    db: &Database,
    cache: &DirectoryCache,
    rates: &crate::payments::exchange_rates::RatesCache,
    params: &DirectoryParams,
    viewer: Option<&User>,
) -> Result<Results, ExpertError> {
    let mut errors = Vec::new();
    let currency = viewer_currency(blank(&params.currency), viewer);
    if let Err(e) = &currency {
        errors.push(e.clone());
    }
    let specialty = match blank(&params.specialty) {
        Some(slug) => {
            let known = taxonomy::existing(db, &[slug.to_owned()]).await?;
            if known.is_empty() {
                errors.push(field("specialty", "expert-specialty-unknown"));
            }
            Some(slug.to_owned())
        }
        None => None,
    };
    // A code, or a language's name in itself or in English, as the autocomplete offers.
    let language = match blank(&params.language) {
        Some(typed) => match domain::language::code_named(typed) {
            Some(code) => Some(code.to_owned()),
            None => {
                errors.push(field("language", "directory-language-invalid"));
                None
            }
        },
        None => None,
    };
    let mut price_bound = |raw: &Option<String>, name: &'static str| -> Option<i64> {
        let text = blank(raw)?;
        let Ok(currency) = currency else {
            return None;
        };
        let Ok(amount) = Money::parse_major(text, currency) else {
            errors.push(field(name, "directory-price-invalid"));
            return None;
        };
        match money::usd_cents(amount) {
            Some(cents) => Some(cents),
            None => {
                errors.push(field(name, "directory-price-currency-unsupported"));
                None
            }
        }
    };
    let min_usd_cents = price_bound(&params.min_price, "min_price");
    let max_usd_cents = price_bound(&params.max_price, "max_price");
    if let (Some(min), Some(max)) = (min_usd_cents, max_usd_cents)
        && min > max
    {
        errors.push(field("max_price", "directory-price-range"));
    }
    let min_rating_centi = match blank(&params.min_rating) {
        Some(text) => match text.parse::<f64>() {
            Ok(r) if (0.0..=5.0).contains(&r) => Some((r * 100.0).round() as i32),
            _ => {
                errors.push(field("min_rating", "directory-rating-invalid"));
                None
            }
        },
        None => None,
    };
    let available = matches!(blank(&params.available), Some("1" | "true" | "on" | "yes"));
    let text = blank(&params.q).map(|q| q.chars().take(200).collect::<String>());
    let sort = match blank(&params.sort) {
        Some(raw) => Sort::parse(raw).unwrap_or_else(|| {
            errors.push(field("sort", "directory-sort-invalid"));
            Sort::Relevance
        }),
        None => Sort::Relevance,
    };
    let cursor = match blank(&params.cursor) {
        Some(raw) => {
            let decoded = Cursor::decode(raw);
            if decoded.is_none() {
                errors.push(field("cursor", "directory-cursor-invalid"));
            }
            decoded
        }
        None => None,
    };
    let limit = match blank(&params.limit) {
        Some(raw) => match raw.parse::<u64>() {
            Ok(n) if (1..=MAX_PAGE_SIZE).contains(&n) => n,
            _ => {
                errors.push(field("limit", "directory-limit-invalid"));
                PAGE_SIZE
            }
        },
        None => PAGE_SIZE,
    };
    let currency = match currency {
        Ok(c) if errors.is_empty() => c,
        _ => return Err(ExpertError::Invalid(errors)),
    };
    // To the minute, so the same search within a minute is the same query (and cached).
    let now = domain::schedule::instant(db.clock().now().as_second().div_euclid(60) * 60);
    let page = cache
        .search(
            db,
            &DirectoryQuery {
                text,
                specialty,
                language,
                min_usd_cents,
                max_usd_cents,
                min_rating_centi,
                available_between: available.then_some((
                    now,
                    now + SignedDuration::from_hours(AVAILABLE_WITHIN_DAYS * 24),
                )),
                sort,
                cursor,
                limit,
            },
        )
        .await?;
    let rates = rates.get(db).await?;
    // A page only this search holds (from the index, or not kept) is taken, not copied.
    let DirectoryPage { listings, next } =
        Arc::try_unwrap(page).unwrap_or_else(|kept| DirectoryPage::clone(&kept));
    let cards = listings
        .into_iter()
        .map(|listing| {
            let expert_currency = CurrencyCode::parse(&listing.currency).ok();
            let hourly_from = expert_currency
                .zip(listing.hourly_from_minor)
                .map(|(c, minor)| Money::new(minor, c));
            let shown_rates = expert_currency
                .map(|c| {
                    listing
                        .rates
                        .iter()
                        .map(|&(duration_minutes, minor)| {
                            let price = Money::new(minor, c);
                            ShownRate {
                                duration_minutes,
                                estimate: (c != currency)
                                    .then(|| rates.estimate(price, currency))
                                    .flatten(),
                                price,
                            }
                        })
                        .collect()
                })
                .unwrap_or_default();
            Card {
                rates: shown_rates,
                estimate: hourly_from
                    .filter(|m| m.currency != currency)
                    .and_then(|m| rates.estimate(m, currency)),
                hourly_from,
                listing,
            }
        })
        .collect();
    Ok(Results {
        cards,
        next_cursor: next.map(|c| c.encode()),
        currency,
        sort,
    })
}

/// A rate on a public profile.
#[derive(Debug, Clone)]
pub struct ShownRate {
    /// The session length this price is for.
    pub duration_minutes: i32,
    /// What the learner is charged, in the expert's currency.
    pub price: Money,
    /// The same in the viewer's currency at reference rates; `None` when the currencies
    /// match or no rate is known.
    pub estimate: Option<Money>,
}

/// A public profile, as learners see it.
#[derive(Debug, Clone)]
pub struct PublicProfile {
    /// The expert's account (display name, photo, time zone).
    pub expert: User,
    /// The expert's application as published: headline, bio, languages, currency, video.
    pub profile: ExpertProfile,
    /// The specialties, with their names.
    pub specialties: Vec<Specialty>,
    /// Prices per session length, with estimates.
    pub rates: Vec<ShownRate>,
    /// The viewer's currency, in which estimates are given.
    pub currency: CurrencyCode,
}

/// Who may see a profile (and its slots) that is not, or no longer, listed: the expert
/// themselves, and verifiers.
pub(crate) fn may_preview(viewer: Option<&User>, expert_id: Uuid) -> bool {
    viewer.is_some_and(|v| {
        v.id == expert_id || domain::permission::allows(&v.roles, domain::Permission::ExpertsVerify)
    })
}

/// The profile of a bookable expert, by slug or id. Others see it only when it is their
/// own or they verify experts; everyone else gets `NotFound`.
pub async fn public_profile(
    db: &Database,
    rates: &crate::payments::exchange_rates::RatesCache,
    slug_or_id: &str,
    viewer: Option<&User>,
    currency: CurrencyCode,
) -> Result<PublicProfile, ExpertError> {
    let profile = match Uuid::parse_str(slug_or_id) {
        Ok(id) => experts::find(db, id).await?,
        Err(_) => experts::find_by_slug(db, slug_or_id).await?,
    }
    .ok_or(ExpertError::NotFound)?;
    if !profile.bookable() && !may_preview(viewer, profile.user_id) {
        return Err(ExpertError::NotFound);
    }
    let expert = users::find_by_id(db, profile.user_id)
        .await?
        .ok_or(ExpertError::NotFound)?;
    let expert_currency =
        CurrencyCode::parse(&profile.currency).map_err(|e| ExpertError::Internal(e.to_string()))?;
    let exchange = rates.get(db).await?;
    let rates = profile
        .rates
        .iter()
        .map(|(minutes, minor)| {
            let price = Money::new(*minor, expert_currency);
            ShownRate {
                duration_minutes: *minutes,
                estimate: (expert_currency != currency)
                    .then(|| exchange.estimate(price, currency))
                    .flatten(),
                price,
            }
        })
        .collect();
    let specialties = taxonomy::existing(db, &profile.specialties).await?;
    Ok(PublicProfile {
        expert,
        profile,
        specialties,
        rates,
        currency,
    })
}
