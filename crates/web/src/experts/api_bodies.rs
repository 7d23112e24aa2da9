//! What the experts API answers, typed so the API document says it exactly: the
//! directory, public profiles, the taxonomy, and an expert's own application with its
//! documents and payouts.

use app::experts::application::OwnApplication;
use app::experts::directory::{PublicProfile, Results};
use domain::money::Money;
use jiff::Timestamp;
use serde::Serialize;
use store::experts::{Document, ExpertProfile};
use store::taxonomy::{Category, Specialty};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::instants::rfc3339_secs as rfc3339;

/// A price, with its text for people.
#[derive(Serialize, ToSchema)]
#[schema(as = Price)]
pub struct PriceBody {
    /// In the currency's minor units.
    amount: i64,
    /// ISO 4217 code.
    #[schema(example = "EUR")]
    currency: String,
    /// The amount written out, e.g. `€45.00`.
    display: String,
}

impl From<&Money> for PriceBody {
    fn from(m: &Money) -> Self {
        PriceBody {
            amount: m.minor,
            currency: m.currency.as_str().to_owned(),
            display: m.to_string(),
        }
    }
}

/// Reviews so far.
#[derive(Serialize, ToSchema)]
#[schema(as = Rating)]
pub struct RatingBody {
    /// Out of 5; null before the first review.
    average: Option<f64>,
    count: i32,
}

fn rating(centi: i32, count: i32) -> RatingBody {
    RatingBody {
        average: (count > 0).then(|| f64::from(centi) / 100.0),
        count,
    }
}

fn avatar_url(key: Option<&String>) -> Option<String> {
    key.map(|k| format!("/avatars/{k}"))
}

fn instant(at: Option<&Timestamp>) -> Option<String> {
    at.map(rfc3339)
}

/// One expert in the directory.
#[derive(Serialize, ToSchema)]
#[schema(as = ExpertCard)]
pub struct CardBody {
    id: Uuid,
    slug: String,
    /// The public profile page.
    url: String,
    display_name: String,
    avatar_url: Option<String>,
    headline: String,
    /// The cheapest hour, in the expert's currency.
    hourly_from: Option<PriceBody>,
    /// The same in the viewer's currency, at the operators' exchange rates in force today.
    hourly_from_estimate: Option<PriceBody>,
    rating: RatingBody,
    #[schema(format = DateTime)]
    next_available_at: Option<String>,
    #[schema(format = DateTime)]
    verified_at: Option<String>,
}

/// A page of the directory.
#[derive(Serialize, ToSchema)]
#[schema(as = Directory)]
pub struct DirectoryBody {
    experts: Vec<CardBody>,
    /// Pass as `cursor` for the next page; null on the last page.
    next_cursor: Option<String>,
    /// The currency estimates are shown in.
    currency: String,
    /// The order applied: `relevance`, `rating`, `price` or `soonest`.
    sort: &'static str,
}

impl From<&Results> for DirectoryBody {
    fn from(results: &Results) -> Self {
        DirectoryBody {
            experts: results
                .cards
                .iter()
                .map(|card| {
                    let l = &card.listing;
                    CardBody {
                        id: l.user_id,
                        slug: l.slug.clone(),
                        url: format!("/experts/{}", l.slug),
                        display_name: l.display_name.clone(),
                        avatar_url: avatar_url(l.avatar_key.as_ref()),
                        headline: l.headline.clone(),
                        hourly_from: card.hourly_from.as_ref().map(PriceBody::from),
                        hourly_from_estimate: card.estimate.as_ref().map(PriceBody::from),
                        rating: rating(l.rating_centi, l.rating_count),
                        next_available_at: instant(l.next_available_at.as_ref()),
                        verified_at: instant(l.verified_at.as_ref()),
                    }
                })
                .collect(),
            next_cursor: results.next_cursor.clone(),
            currency: results.currency.as_str().to_owned(),
            sort: results.sort.as_str(),
        }
    }
}

/// A specialty of the taxonomy.
#[derive(Serialize, ToSchema)]
#[schema(as = Specialty)]
pub struct SpecialtyBody {
    slug: String,
    name: String,
}

impl From<&Specialty> for SpecialtyBody {
    fn from(s: &Specialty) -> Self {
        SpecialtyBody {
            slug: s.slug.clone(),
            name: s.name.clone(),
        }
    }
}

/// A session length and its price.
#[derive(Serialize, ToSchema)]
#[schema(as = ProfileRate)]
pub struct ProfileRateBody {
    duration_minutes: i32,
    /// What the learner is charged, in the expert's currency.
    price: PriceBody,
    /// The same in the viewer's currency, at the operators' exchange rates in force today.
    estimate: Option<PriceBody>,
}

/// A bookable expert's public profile.
#[derive(Serialize, ToSchema)]
#[schema(as = ExpertProfile)]
pub struct ProfileBody {
    id: Uuid,
    slug: String,
    url: String,
    display_name: String,
    avatar_url: Option<String>,
    headline: String,
    /// The bio's Markdown rendered to sanitised HTML.
    bio_html: String,
    specialties: Vec<SpecialtyBody>,
    /// ISO 639-1 codes.
    languages: Vec<String>,
    intro_video_url: Option<String>,
    #[schema(format = DateTime)]
    verified_at: Option<String>,
    bookable: bool,
    rates: Vec<ProfileRateBody>,
    /// The currency estimates are shown in.
    currency: String,
    rating: RatingBody,
}

impl From<&PublicProfile> for ProfileBody {
    fn from(p: &PublicProfile) -> Self {
        let profile = &p.profile;
        ProfileBody {
            id: profile.user_id,
            slug: profile.slug.clone(),
            url: format!("/experts/{}", profile.slug),
            display_name: p.expert.display_name.clone(),
            avatar_url: avatar_url(p.expert.avatar_key.as_ref()),
            headline: profile.headline.clone(),
            bio_html: profile.bio_html.clone(),
            specialties: p.specialties.iter().map(SpecialtyBody::from).collect(),
            languages: profile.languages.clone(),
            intro_video_url: profile.intro_video_url.clone(),
            verified_at: instant(profile.verified_at.as_ref()),
            bookable: profile.bookable(),
            rates: p
                .rates
                .iter()
                .map(|r| ProfileRateBody {
                    duration_minutes: r.duration_minutes,
                    price: PriceBody::from(&r.price),
                    estimate: r.estimate.as_ref().map(PriceBody::from),
                })
                .collect(),
            currency: p.currency.as_str().to_owned(),
            rating: rating(profile.rating_centi, profile.rating_count),
        }
    }
}

/// A category of specialties.
#[derive(Serialize, ToSchema)]
#[schema(as = Category)]
pub struct CategoryBody {
    slug: String,
    name: String,
    specialties: Vec<SpecialtyBody>,
}

/// The taxonomy.
#[derive(Serialize, ToSchema)]
#[schema(as = Taxonomy)]
pub struct TaxonomyBody {
    categories: Vec<CategoryBody>,
}

impl From<&[Category]> for TaxonomyBody {
    fn from(categories: &[Category]) -> Self {
        TaxonomyBody {
            categories: categories
                .iter()
                .map(|c| CategoryBody {
                    slug: c.slug.clone(),
                    name: c.name.clone(),
                    specialties: c.specialties.iter().map(SpecialtyBody::from).collect(),
                })
                .collect(),
        }
    }
}

/// A verification document (its bytes at `url`).
#[derive(Serialize, ToSchema)]
#[schema(as = Document)]
pub struct DocumentBody {
    id: Uuid,
    /// `identity`, `qualification` or `other`.
    kind: String,
    file_name: String,
    content_type: String,
    size_bytes: i64,
    /// Hex SHA-256 of the bytes.
    sha256: String,
    #[schema(format = DateTime)]
    created_at: String,
    url: String,
}

impl From<&Document> for DocumentBody {
    fn from(d: &Document) -> Self {
        DocumentBody {
            id: d.id,
            kind: d.kind.clone(),
            file_name: d.file_name.clone(),
            content_type: d.content_type.clone(),
            size_bytes: d.size_bytes,
            sha256: d.sha256.clone(),
            created_at: rfc3339(&d.created_at),
            url: format!("/api/v1/experts/documents/{}", d.id),
        }
    }
}

/// Where the expert stands with payouts.
#[derive(Serialize, ToSchema)]
#[schema(as = Payouts)]
pub struct PayoutsBody {
    /// `sandbox` (test mode) or `stripe`.
    provider: &'static str,
    test_mode: bool,
    /// The connected account, once onboarding started.
    account_id: Option<String>,
    charges_enabled: bool,
    payouts_enabled: bool,
    /// What the provider still needs from the expert.
    requirements: Vec<String>,
}

impl PayoutsBody {
    pub fn new(test_mode: bool, profile: &ExpertProfile) -> Self {
        PayoutsBody {
            provider: if test_mode { "sandbox" } else { "stripe" },
            test_mode,
            account_id: profile.payout.account_id.clone(),
            charges_enabled: profile.payout.charges_enabled,
            payouts_enabled: profile.payout.payouts_enabled,
            requirements: profile.payout.requirements.clone(),
        }
    }
}

/// A price the expert asks for a session length.
#[derive(Serialize, ToSchema)]
#[schema(as = ApplicationRate)]
pub struct RateBody {
    duration_minutes: i32,
    /// Minor units of the application's currency.
    amount: i64,
}

/// A verifier's decision on the application.
#[derive(Serialize, ToSchema)]
#[schema(as = Decision)]
pub struct DecisionBody {
    /// `approved`, `rejected` or `changes_requested`.
    decision: String,
    reason: String,
    #[schema(format = DateTime)]
    created_at: String,
}

/// An expert application, as its owner and verifiers see it.
#[derive(Serialize, ToSchema)]
#[schema(as = Application)]
pub struct ApplicationBody {
    user_id: Uuid,
    slug: String,
    /// `draft`, `submitted`, `changes_requested`, `approved` or `rejected`.
    status: &'static str,
    headline: String,
    /// Markdown.
    bio: String,
    bio_html: String,
    /// Specialty slugs.
    specialties: Vec<String>,
    languages: Vec<String>,
    currency: String,
    rates: Vec<RateBody>,
    intro_video_url: Option<String>,
    #[schema(format = DateTime)]
    submitted_at: Option<String>,
    #[schema(format = DateTime)]
    decided_at: Option<String>,
    #[schema(format = DateTime)]
    verified_at: Option<String>,
    decision_reason: Option<String>,
    suspended: bool,
    suspension_reason: Option<String>,
    bookable: bool,
    documents: Vec<DocumentBody>,
    /// Newest first.
    decisions: Vec<DecisionBody>,
    payouts: PayoutsBody,
}

impl ApplicationBody {
    pub fn new(test_mode: bool, own: &OwnApplication) -> Self {
        let p = &own.profile;
        ApplicationBody {
            user_id: p.user_id,
            slug: p.slug.clone(),
            status: p.status.as_str(),
            headline: p.headline.clone(),
            bio: p.bio.clone(),
            bio_html: p.bio_html.clone(),
            specialties: p.specialties.clone(),
            languages: p.languages.clone(),
            currency: p.currency.clone(),
            rates: p
                .rates
                .iter()
                .map(|&(duration_minutes, amount)| RateBody {
                    duration_minutes,
                    amount,
                })
                .collect(),
            intro_video_url: p.intro_video_url.clone(),
            submitted_at: instant(p.submitted_at.as_ref()),
            decided_at: instant(p.decided_at.as_ref()),
            verified_at: instant(p.verified_at.as_ref()),
            decision_reason: p.decision_reason.clone(),
            suspended: p.suspended_at.is_some(),
            suspension_reason: p.suspension_reason.clone(),
            bookable: p.bookable(),
            documents: own.documents.iter().map(DocumentBody::from).collect(),
            decisions: own
                .decisions
                .iter()
                .map(|d| DecisionBody {
                    decision: d.decision.clone(),
                    reason: d.reason.clone(),
                    created_at: rfc3339(&d.created_at),
                })
                .collect(),
            payouts: PayoutsBody::new(test_mode, p),
        }
    }
}
