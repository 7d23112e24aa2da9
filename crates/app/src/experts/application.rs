//! Applying: writing the application (saved as a draft), and sending it for review.

use domain::expert::{self, Completeness, Rate};
use domain::money::{self, Money};
use domain::profile::{self, CurrencyCode};
use store::experts::{self, ApplicationContent, DecisionRecord, Document, ExpertProfile};
use store::logins::ClientInfo;
use store::users::User;
use store::{Database, taxonomy};

use super::{ExpertError, field};
use crate::FieldError;
use crate::accounts::record;

/// At most this many specialties per expert.
pub const MAX_SPECIALTIES: usize = 10;

/// A rate as it arrives: minor units from the API, decimal text from the form.
#[derive(Debug, Clone)]
pub enum Amount {
    /// Already in minor units (`4500` for 45.00 EUR), as the API sends it.
    Minor(i64),
    /// Decimal text in major units (`"45"`, `"45.50"`), as the form sends it.
    Major(String),
}

/// One price for one session length, before it is checked.
#[derive(Debug, Clone)]
pub struct RateInput {
    /// The session length it prices; one of `domain::expert::RATE_DURATIONS`.
    pub duration_minutes: i32,
    /// The price, in the application's currency.
    pub amount: Amount,
}

/// Application fields as they arrive; `None` keeps what is saved (or leaves it empty).
#[derive(Debug, Clone, Default)]
pub struct ApplicationInput {
    /// One line under the expert's name (at most 120 characters).
    pub headline: Option<String>,
    /// Markdown about the expert; rendered and sanitised when saved.
    pub bio: Option<String>,
    /// Taxonomy slugs, at most `MAX_SPECIALTIES`.
    pub specialties: Option<Vec<String>>,
    /// ISO 639-1 codes of the languages the expert speaks; the account's when never set.
    pub languages: Option<Vec<String>>,
    /// The one currency of every rate; the account's currency when never set.
    pub currency: Option<String>,
    /// The prices per session length; replaces all saved rates when given.
    pub rates: Option<Vec<RateInput>>,
    /// An https link to an intro video; empty removes it.
    pub intro_video_url: Option<String>,
}

/// Everything the applicant sees about their own application.
#[derive(Debug, Clone)]
pub struct OwnApplication {
    /// The application and public profile as saved.
    pub profile: ExpertProfile,
    /// Its verification documents.
    pub documents: Vec<Document>,
    /// Verifiers' decisions with their reasons, newest first.
    pub decisions: Vec<DecisionRecord>,
}

/// The account's application with its documents and decisions; `None` when it never applied.
pub async fn own(db: &Database, user: &User) -> Result<Option<OwnApplication>, ExpertError> {
    let Some(profile) = experts::find(db, user.id).await? else {
        return Ok(None);
    };
    Ok(Some(OwnApplication {
        documents: experts::documents(db, user.id).await?,
        decisions: experts::decisions(db, user.id).await?,
        profile,
    }))
}

/// Starts an application. Fails with `AlreadyApplied` when one exists.
pub async fn create(
    db: &Database,
    user: &User,
    input: ApplicationInput,
    client: &ClientInfo,
) -> Result<OwnApplication, ExpertError> {
    if experts::find(db, user.id).await?.is_some() {
        return Err(ExpertError::AlreadyApplied);
    }
    save(db, user, input, client).await
}

/// Changes the fields `input` names on an existing application; `NotFound` when there is
/// none (starting one is `create`).
pub async fn update(
    db: &Database,
    user: &User,
    input: ApplicationInput,
    client: &ClientInfo,
) -> Result<OwnApplication, ExpertError> {
    if experts::find(db, user.id).await?.is_none() {
        return Err(ExpertError::NotFound);
    }
    save(db, user, input, client).await
}

/// Creates or updates the application with `input`, validating every field and storing
/// nothing unless all pass. Only verified accounts may apply.
pub async fn save(
    db: &Database,
    user: &User,
    input: ApplicationInput,
    client: &ClientInfo,
) -> Result<OwnApplication, ExpertError> {
    if !user.email_verified {
        return Err(ExpertError::EmailUnverified);
    }
    let existing = experts::find(db, user.id).await?;
    if let Some(p) = &existing
        && !p.status.editable()
    {
        return Err(ExpertError::WrongState(p.status));
    }
    let content = validate(db, user, existing.as_ref(), input).await?;
    let slug = expert::slug(&user.display_name, &slug_suffix(user));
    experts::save_content(db, user.id, &slug, content)
        .await?
        .map_err(ExpertError::from)?;
    record(db, Some(user.id), "expert.application_saved", client).await?;
    own(db, user).await?.ok_or(ExpertError::NotFound)
}

/// Sends the application for review once it is complete.
pub async fn submit(
    db: &Database,
    user: &User,
    client: &ClientInfo,
) -> Result<OwnApplication, ExpertError> {
    if !user.email_verified {
        return Err(ExpertError::EmailUnverified);
    }
    let Some(profile) = experts::find(db, user.id).await? else {
        return Err(ExpertError::NotFound);
    };
    if !profile.status.submittable() {
        return Err(ExpertError::WrongState(profile.status));
    }
    let documents = experts::documents(db, user.id).await?;
    let missing = Completeness {
        headline: !profile.headline.is_empty(),
        bio: !profile.bio.is_empty(),
        specialties: !profile.specialties.is_empty(),
        languages: !profile.languages.is_empty(),
        rates: !profile.rates.is_empty(),
        identity_document: documents.iter().any(|d| d.kind == "identity"),
    }
    .missing();
    if !missing.is_empty() {
        return Err(ExpertError::Invalid(
            missing.into_iter().map(|(f, m)| field(f, m)).collect(),
        ));
    }
    experts::submit(db, user.id)
        .await?
        .map_err(ExpertError::from)?;
    record(db, Some(user.id), "expert.application_submitted", client).await?;
    own(db, user).await?.ok_or(ExpertError::NotFound)
}

/// Keeps the search text in step with the expert's name (called after a profile change).
pub async fn reindex(db: &Database, user: &User) -> Result<(), ExpertError> {
    if let Some(profile) = experts::find(db, user.id).await? {
        let names = specialty_names(db, &profile.specialties).await?;
        let text = search_text(&user.display_name, &profile.headline, &profile.bio, &names);
        experts::set_search_text(db, user.id, &text).await?;
    }
    Ok(())
}

/// The last six hex digits of the account id: the random part of a v7 UUID.
fn slug_suffix(user: &User) -> String {
    let simple = user.id.simple().to_string();
    simple[simple.len().saturating_sub(6)..].to_owned()
}

async fn validate(
    db: &Database,
    user: &User,
    existing: Option<&ExpertProfile>,
    input: ApplicationInput,
) -> Result<ApplicationContent, ExpertError> {
    let mut errors: Vec<FieldError> = Vec::new();
    let mut check = |result: Result<(), FieldError>| {
        if let Err(e) = result {
            errors.push(e);
        }
    };

    let headline = match input.headline {
        Some(raw) => expert::parse_headline(&raw).map_err(|e| field("headline", e.0)),
        None => Ok(existing.map(|p| p.headline.clone()).unwrap_or_default()),
    };
    let bio = match input.bio {
        Some(raw) => expert::parse_bio(&raw).map_err(|e| field("bio", e.0)),
        None => Ok(existing.map(|p| p.bio.clone()).unwrap_or_default()),
    };
    let specialties = match input.specialties {
        Some(raw) => parse_specialties(db, raw).await?,
        None => Ok(existing.map(|p| p.specialties.clone()).unwrap_or_default()),
    };
    let languages = match input.languages {
        Some(raw) => profile::parse_languages(raw.iter().map(String::as_str))
            .map_err(|_| field("languages", "profile-languages-invalid")),
        None => Ok(existing.map_or_else(|| user.languages.clone(), |p| p.languages.clone())),
    };
    let currency_raw = input
        .currency
        .or_else(|| existing.map(|p| p.currency.clone()))
        .unwrap_or_else(|| user.currency.clone());
    let currency = CurrencyCode::parse(&currency_raw)
        .map_err(|_| field("currency", "profile-currency-invalid"));
    let video = match input.intro_video_url {
        Some(raw) => expert::parse_video_url(&raw).map_err(|e| field("intro_video_url", e.0)),
        None => Ok(existing.and_then(|p| p.intro_video_url.clone())),
    };
    let rates = match (&currency, input.rates) {
        (Ok(currency), Some(raw)) => parse_rates(raw, *currency),
        (Ok(currency), None) => Ok(existing
            .filter(|p| p.currency == currency.as_str())
            .map(|p| {
                p.rates
                    .iter()
                    .filter_map(|(d, a)| Rate::parse(*d, Money::new(*a, *currency)).ok())
                    .collect()
            })
            .unwrap_or_default()),
        // Rates cannot be checked without a currency; its own error says why.
        (Err(_), _) => Ok(Vec::new()),
    };

    // In the order the form shows the fields.
    check(headline.as_ref().map(|_| ()).map_err(Clone::clone));
    check(bio.as_ref().map(|_| ()).map_err(Clone::clone));
    check(specialties.as_ref().map(|_| ()).map_err(Clone::clone));
    check(languages.as_ref().map(|_| ()).map_err(Clone::clone));
    check(currency.as_ref().map(|_| ()).map_err(Clone::clone));
    if let Err(rate_errors) = &rates {
        errors.extend(rate_errors.iter().cloned());
    }
    if let Err(e) = &video {
        errors.push(e.clone());
    }
    let (Ok(headline), Ok(bio), Ok(specialties), Ok(languages), Ok(currency), Ok(rates), Ok(video)) = (
        headline,
        bio,
        specialties,
        languages,
        currency,
        rates,
        video,
    ) else {
        return Err(ExpertError::Invalid(errors));
    };

    let hourly = expert::hourly_from(&rates);
    let names = specialty_names(db, &specialties).await?;
    Ok(ApplicationContent {
        search_text: search_text(&user.display_name, &headline, &bio, &names),
        bio_html: domain::markdown::to_safe_html(&bio),
        headline,
        bio,
        currency: currency.as_str().to_owned(),
        intro_video_url: video,
        languages,
        specialties,
        rates: rates
            .iter()
            .map(|r| (r.duration_minutes, r.price.minor))
            .collect(),
        hourly_from_minor: hourly.map(|m| m.minor),
        hourly_from_usd_cents: hourly.and_then(money::usd_cents),
    })
}

async fn parse_specialties(
    db: &Database,
    raw: Vec<String>,
) -> Result<Result<Vec<String>, FieldError>, ExpertError> {
    let mut slugs: Vec<String> = raw
        .iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect();
    slugs.sort();
    slugs.dedup();
    if slugs.len() > MAX_SPECIALTIES {
        return Ok(Err(field("specialties", "expert-specialties-too-many")));
    }
    let known = taxonomy::existing(db, &slugs).await?;
    if known.len() != slugs.len() {
        return Ok(Err(field("specialties", "expert-specialty-unknown")));
    }
    Ok(Ok(slugs))
}

/// The form's field name for a rate of `minutes` (so its error sits next to its input).
pub fn rate_field(minutes: i32) -> &'static str {
    match minutes {
        30 => "rate_30",
        45 => "rate_45",
        60 => "rate_60",
        90 => "rate_90",
        120 => "rate_120",
        _ => "rates",
    }
}

fn parse_rates(raw: Vec<RateInput>, currency: CurrencyCode) -> Result<Vec<Rate>, Vec<FieldError>> {
    let mut rates = Vec::new();
    let mut errors = Vec::new();
    for input in raw {
        let name = rate_field(input.duration_minutes);
        let price = match input.amount {
            Amount::Minor(minor) => Ok(Money::new(minor, currency)),
            Amount::Major(text) if text.trim().is_empty() => continue,
            Amount::Major(text) => Money::parse_major(&text, currency).map_err(|e| match e {
                money::AmountError::Negative => "expert-rate-not-positive",
                money::AmountError::TooLarge => "expert-rate-too-high",
                money::AmountError::TooManyDecimals => "expert-rate-too-many-decimals",
                money::AmountError::NotANumber => "expert-rate-not-a-number",
            }),
        };
        match price.and_then(|p| Rate::parse(input.duration_minutes, p).map_err(|e| e.0)) {
            Ok(rate) => rates.push(rate),
            Err(message) => errors.push(field(name, message)),
        }
    }
    if errors.is_empty()
        && let Err(e) = expert::check_rates(&rates, currency)
    {
        errors.push(field("rates", e.0));
    }
    if errors.is_empty() {
        rates.sort_by_key(|r| r.duration_minutes);
        Ok(rates)
    } else {
        Err(errors)
    }
}

async fn specialty_names(db: &Database, slugs: &[String]) -> Result<Vec<String>, ExpertError> {
    Ok(taxonomy::existing(db, slugs)
        .await?
        .into_iter()
        .map(|s| s.name)
        .collect())
}

/// What full-text search finds the expert by, accents folded (see `fold_for_search`).
fn search_text(name: &str, headline: &str, bio: &str, specialties: &[String]) -> String {
    expert::fold_for_search(&format!(
        "{name} {headline} {} {}",
        specialties.join(" "),
        domain::markdown::plain_excerpt(bio, 5000)
    ))
}
