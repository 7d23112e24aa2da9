//! Expert applications: what an application holds, the rules each value must meet, and
//! the path an application takes through review.

use crate::money::{self, Money};
use crate::profile::{CurrencyCode, Invalid};

/// Where an application stands. Suspension is kept apart (an approved expert can be
/// suspended and reinstated without losing the approval).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ApplicationStatus {
    /// Being written; only the applicant sees it.
    Draft,
    /// Waiting for a verifier.
    Submitted,
    /// A verifier asked for changes; the applicant edits and submits again.
    ChangesRequested,
    /// Verified: the expert role is granted.
    Approved,
    /// Refused; documents are removed after the retention period.
    Rejected,
}

impl ApplicationStatus {
    /// Every status, for listing, filtering the queue and parsing.
    pub const ALL: [ApplicationStatus; 5] = [
        ApplicationStatus::Draft,
        ApplicationStatus::Submitted,
        ApplicationStatus::ChangesRequested,
        ApplicationStatus::Approved,
        ApplicationStatus::Rejected,
    ];

    /// The stored and API name (`draft`, `changes_requested`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            ApplicationStatus::Draft => "draft",
            ApplicationStatus::Submitted => "submitted",
            ApplicationStatus::ChangesRequested => "changes_requested",
            ApplicationStatus::Approved => "approved",
            ApplicationStatus::Rejected => "rejected",
        }
    }

    /// The status with this stored name; `None` for anything else.
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw)
    }

    /// Whether the applicant may change the application's content now. Approved experts
    /// keep editing their public profile; a submitted one waits for its verifier.
    pub fn editable(self) -> bool {
        matches!(
            self,
            ApplicationStatus::Draft
                | ApplicationStatus::ChangesRequested
                | ApplicationStatus::Approved
        )
    }

    /// Whether the applicant may send it for review now.
    pub fn submittable(self) -> bool {
        matches!(
            self,
            ApplicationStatus::Draft | ApplicationStatus::ChangesRequested
        )
    }
}

/// A verifier's decision on a submitted application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Verified: the applicant gets the expert role and may set up payouts.
    Approve,
    /// Refused for good, with a reason the applicant is told.
    Reject,
    /// Sent back to the applicant with a reason, to edit and submit again.
    RequestChanges,
}

impl Decision {
    /// The decision a verifier's form or the API names (`approve`, `reject`, `request_changes`).
    pub fn parse(raw: &str) -> Option<Self> {
        match raw.trim() {
            "approve" => Some(Decision::Approve),
            "reject" => Some(Decision::Reject),
            "request_changes" => Some(Decision::RequestChanges),
            _ => None,
        }
    }

    /// The name the forms, the API and the audit log use.
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Approve => "approve",
            Decision::Reject => "reject",
            Decision::RequestChanges => "request_changes",
        }
    }

    /// The status the application takes.
    pub fn outcome(self) -> ApplicationStatus {
        match self {
            Decision::Approve => ApplicationStatus::Approved,
            Decision::Reject => ApplicationStatus::Rejected,
            Decision::RequestChanges => ApplicationStatus::ChangesRequested,
        }
    }
}

/// The longest decision reason, in characters.
pub const REASON_MAX_CHARS: usize = 2000;
/// The longest headline, in characters.
pub const HEADLINE_MAX_CHARS: usize = 120;
/// The longest bio (Markdown source), in characters.
pub const BIO_MAX_CHARS: usize = 5000;

/// A decision's reason: shown to the expert and emailed, so it must say something.
pub fn parse_reason(raw: &str) -> Result<String, Invalid> {
    let reason = raw.trim();
    if reason.chars().count() < 3 {
        return Err(Invalid("expert-reason-required"));
    }
    if reason.chars().count() > REASON_MAX_CHARS {
        return Err(Invalid("expert-reason-too-long"));
    }
    Ok(reason.to_owned())
}

/// One line that sells the expert: at most 120 characters, none of them control characters
/// (empty is allowed in a draft; submitting requires one).
pub fn parse_headline(raw: &str) -> Result<String, Invalid> {
    let headline = raw.trim();
    let length = headline.chars().count();
    if length > HEADLINE_MAX_CHARS {
        return Err(Invalid("expert-headline-too-long"));
    }
    if headline.chars().any(char::is_control) {
        return Err(Invalid("expert-headline-invalid"));
    }
    Ok(headline.to_owned())
}

/// The bio as Markdown source, at most 5,000 characters (rendered and sanitised on save).
pub fn parse_bio(raw: &str) -> Result<String, Invalid> {
    let bio = raw.trim().replace("\r\n", "\n");
    if bio.chars().count() > BIO_MAX_CHARS {
        return Err(Invalid("expert-bio-too-long"));
    }
    Ok(bio)
}

/// An intro video: an https link of at most 500 characters (YouTube, Vimeo, anywhere).
pub fn parse_video_url(raw: &str) -> Result<Option<String>, Invalid> {
    let url = raw.trim();
    if url.is_empty() {
        return Ok(None);
    }
    let host = url
        .strip_prefix("https://")
        .map(|rest| rest.split(['/', '?', '#']).next().unwrap_or(""));
    let valid_host = host.is_some_and(|h| {
        h.contains('.')
            && !h.starts_with('.')
            && h.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-.:".contains(&b))
    });
    if url.len() > 500 || !valid_host || url.chars().any(|c| c.is_whitespace() || c == '"') {
        return Err(Invalid("expert-video-url-invalid"));
    }
    Ok(Some(url.to_owned()))
}

/// Session lengths an expert can put a price on, in minutes.
pub const RATE_DURATIONS: [i32; 5] = [30, 45, 60, 90, 120];

/// The most a session may cost, in US dollars at the reference rates: anything above is
/// a typo (an extra zero), not a price.
pub const MAX_SESSION_PRICE_USD: i64 = 5_000;

/// A price for one session length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    /// Session length this price is for; one of `RATE_DURATIONS`.
    pub duration_minutes: i32,
    /// What the learner pays for a session of that length, in the expert's currency.
    pub price: Money,
}

impl Rate {
    /// Checks the duration is offered and the price is positive and believable.
    pub fn parse(duration_minutes: i32, price: Money) -> Result<Self, Invalid> {
        if !RATE_DURATIONS.contains(&duration_minutes) {
            return Err(Invalid("expert-rate-duration-invalid"));
        }
        if price.minor <= 0 {
            return Err(Invalid("expert-rate-not-positive"));
        }
        let absurd = match money::usd_cents(price) {
            Some(cents) => cents > MAX_SESSION_PRICE_USD * 100,
            // No reference rate: the largest amount any currency could mean.
            None => price.minor > 1_000_000_000,
        };
        if absurd {
            return Err(Invalid("expert-rate-too-high"));
        }
        Ok(Self {
            duration_minutes,
            price,
        })
    }

    /// The price of an hour at this rate, in minor units (for "from … per hour").
    pub fn hourly_minor(&self) -> i64 {
        self.price.minor * 60 / i64::from(self.duration_minutes)
    }
}

/// The cheapest hourly price among `rates`, in the rates' currency.
pub fn hourly_from(rates: &[Rate]) -> Option<Money> {
    rates
        .iter()
        .map(|r| Money::new(r.hourly_minor(), r.price.currency))
        .min_by_key(|m| m.minor)
}

/// Rates must share one currency and name each duration once.
pub fn check_rates(rates: &[Rate], currency: CurrencyCode) -> Result<(), Invalid> {
    if rates.iter().any(|r| r.price.currency != currency) {
        return Err(Invalid("expert-rate-currency-mixed"));
    }
    let mut durations: Vec<i32> = rates.iter().map(|r| r.duration_minutes).collect();
    durations.sort_unstable();
    durations.dedup();
    if durations.len() != rates.len() {
        return Err(Invalid("expert-rate-duration-repeated"));
    }
    Ok(())
}

/// A URL-safe name for the public profile: the display name in lower-case ASCII letters,
/// digits and hyphens, then `suffix` (from the account id) so two Ana Garcías never clash.
pub fn slug(display_name: &str, suffix: &str) -> String {
    let mut out = String::new();
    for c in display_name.chars() {
        let c = fold_accent(c);
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 48 {
            break;
        }
    }
    let base = out.trim_matches('-');
    let base = if base.is_empty() { "expert" } else { base };
    format!("{base}-{suffix}")
}

/// Text as search compares it: lower case with common Latin accents folded, so "jose"
/// finds "José" on every database backend.
pub fn fold_for_search(text: &str) -> String {
    text.chars()
        .map(fold_accent)
        .flat_map(char::to_lowercase)
        .collect()
}

fn fold_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' | 'Ø' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ù' | 'Û' | 'Ü' => 'u',
        'ñ' | 'Ñ' => 'n',
        'ç' | 'Ç' => 'c',
        'ß' => 's',
        other => other,
    }
}

/// Kinds of verification document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    /// A passport, identity card or driving licence.
    Identity,
    /// A diploma, certificate or other proof of expertise.
    Credential,
}

impl DocumentKind {
    /// The stored and submitted name (`identity`, `credential`).
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Identity => "identity",
            DocumentKind::Credential => "credential",
        }
    }

    /// The kind with this name; `None` for anything else.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw.trim() {
            "identity" => Some(DocumentKind::Identity),
            "credential" => Some(DocumentKind::Credential),
            _ => None,
        }
    }
}

/// What an application must hold before it can be submitted, as the fields that lack it.
pub struct Completeness {
    /// Whether the application has a headline.
    pub headline: bool,
    /// Whether it has a bio.
    pub bio: bool,
    /// Whether it names at least one specialty.
    pub specialties: bool,
    /// Whether it names at least one language the expert speaks.
    pub languages: bool,
    /// Whether it has at least one rate.
    pub rates: bool,
    /// Whether an identity document is uploaded (credentials are optional).
    pub identity_document: bool,
}

impl Completeness {
    /// `(field, message id)` for everything still missing, in the form's order.
    pub fn missing(&self) -> Vec<(&'static str, &'static str)> {
        [
            (self.headline, "headline", "expert-headline-required"),
            (self.bio, "bio", "expert-bio-required"),
            (
                self.specialties,
                "specialties",
                "expert-specialties-required",
            ),
            (self.languages, "languages", "expert-languages-required"),
            (self.rates, "rates", "expert-rates-required"),
            (
                self.identity_document,
                "documents",
                "expert-identity-document-required",
            ),
        ]
        .into_iter()
        .filter(|(present, _, _)| !present)
        .map(|(_, field, message)| (field, message))
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eur(minor: i64) -> Money {
        Money::new(minor, CurrencyCode::parse("EUR").unwrap())
    }

    #[test]
    fn review_moves_only_from_submitted_outcomes() {
        assert!(ApplicationStatus::Draft.submittable());
        assert!(ApplicationStatus::ChangesRequested.submittable());
        assert!(!ApplicationStatus::Submitted.submittable());
        assert!(!ApplicationStatus::Submitted.editable());
        assert!(!ApplicationStatus::Rejected.editable());
        assert!(ApplicationStatus::Approved.editable());
        assert_eq!(
            Decision::parse("request_changes").map(Decision::outcome),
            Some(ApplicationStatus::ChangesRequested)
        );
        assert_eq!(Decision::parse("maybe"), None);
        for s in ApplicationStatus::ALL {
            assert_eq!(ApplicationStatus::parse(s.as_str()), Some(s));
        }
    }

    #[test]
    fn rates_must_be_positive_believable_and_offered() {
        assert!(Rate::parse(60, eur(4500)).is_ok());
        assert_eq!(
            Rate::parse(60, eur(0)),
            Err(Invalid("expert-rate-not-positive"))
        );
        assert_eq!(
            Rate::parse(60, eur(-100)),
            Err(Invalid("expert-rate-not-positive"))
        );
        assert_eq!(
            Rate::parse(60, eur(100_000_000)),
            Err(Invalid("expert-rate-too-high"))
        );
        assert_eq!(
            Rate::parse(61, eur(4500)),
            Err(Invalid("expert-rate-duration-invalid"))
        );
        let rates = [
            Rate::parse(30, eur(3000)).unwrap(),
            Rate::parse(60, eur(5000)).unwrap(),
        ];
        assert_eq!(hourly_from(&rates), Some(eur(5000)));
        let usd = CurrencyCode::parse("USD").unwrap();
        assert!(check_rates(&rates, usd).is_err());
        assert!(check_rates(&[rates[0], rates[0]], rates[0].price.currency).is_err());
    }

    #[test]
    fn text_fields_have_limits() {
        assert!(parse_headline(&"x".repeat(121)).is_err());
        assert_eq!(parse_headline("  Rust mentor "), Ok("Rust mentor".into()));
        assert!(parse_bio(&"x".repeat(5001)).is_err());
        assert!(parse_reason("ok").is_err());
        assert_eq!(parse_video_url(""), Ok(None));
        assert!(parse_video_url("https://www.youtube.com/watch?v=abc").is_ok());
        assert!(parse_video_url("http://example.com/v").is_err());
        assert!(parse_video_url("javascript:alert(1)").is_err());
        assert!(parse_video_url("https://exa mple.com").is_err());
    }

    #[test]
    fn search_text_folds_case_and_accents() {
        assert_eq!(fold_for_search("José ÑÚÑEZ Straße"), "jose nunez strase");
        assert_eq!(fold_for_search("李小龙"), "李小龙");
    }

    #[test]
    fn slugs_are_readable_ascii_and_unique_by_suffix() {
        assert_eq!(slug("José Ñúñez", "a1b2"), "jose-nunez-a1b2");
        assert_eq!(slug("  --  ", "a1b2"), "expert-a1b2");
        assert_eq!(slug("李小龙", "a1b2"), "expert-a1b2");
    }
}
