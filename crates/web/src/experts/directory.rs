//! The expert directory (`/experts`) and public profiles (`/experts/{slug}`). Filters live
//! in the URL so a search can be shared; with htmx, changing a filter swaps only the
//! results (the `results` block), and without JavaScript the form reloads the page.

use app::experts::directory::{self, Card, DirectoryParams, PublicProfile};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use serde_json::json;

use super::taxonomy_view::{self, CategoryView, SpecialtyView};
use crate::middleware::viewer::Viewer;
use crate::pages::render;
use crate::pages::shell::Shell;
use crate::pages::shown_error::{ShownError, shown};
use crate::pages::shown_instant::Shown;
use crate::scheduling::slot_picker::{self, PickerParams, WeekView};
use crate::{AppError, AppState, Links};

#[derive(Template)]
#[template(path = "experts/directory.html")]
struct DirectoryPage<'a> {
    shell: &'a Shell,
    params: DirectoryParams,
    categories: Vec<CategoryView>,
    cards: Vec<CardView>,
    next_url: Option<String>,
    currency: String,
    errors: Vec<ShownError>,
}

#[derive(Template)]
#[template(path = "experts/directory.html", block = "results")]
struct ResultsBlock<'a> {
    shell: &'a Shell,
    cards: Vec<CardView>,
    next_url: Option<String>,
    errors: Vec<ShownError>,
}

impl DirectoryPage<'_> {
    fn error_for(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }

    fn value<'v>(&self, value: &'v Option<String>) -> &'v str {
        value.as_deref().unwrap_or("")
    }

    fn sort_is(&self, sort: &str) -> bool {
        self.params.sort.as_deref().unwrap_or("relevance") == sort
    }

    fn available_checked(&self) -> bool {
        matches!(
            self.params.available.as_deref(),
            Some("1" | "true" | "on" | "yes")
        )
    }
}

/// An expert in the results, as the page and the htmx block show them: texts already in
/// the page's language.
struct CardView {
    slug: String,
    display_name: String,
    avatar_key: Option<String>,
    headline: String,
    verified: bool,
    /// The bio's opening, as plain text.
    excerpt: String,
    /// Each offered length's price, as the profile shows it ("30 min", "30.00 EUR", and
    /// "About $32.40" in the viewer's currency when it differs).
    prices: Vec<CardPrice>,
    /// The languages taught in, by their own names, each with its code for `lang`.
    languages: Vec<(String, String)>,
    /// The average rating and how many reviews, or that there are none yet.
    rating: String,
    /// "Next free: 2026-12-08 10:00 (Europe/Madrid)", in the viewer's zone.
    next_free: Option<String>,
}

/// One length's price on a card.
struct CardPrice {
    length: String,
    price: String,
    estimate: Option<String>,
}

impl CardView {
    fn of(card: Card, shell: &Shell, zone: &jiff::tz::TimeZone) -> Self {
        let l = card.listing;
        let rating = if l.rating_count == 0 {
            shell.t("expert-no-reviews")
        } else {
            shell.t_args(
                "expert-rating-summary",
                &[
                    (
                        "average",
                        format!("{:.1}", f64::from(l.rating_centi) / 100.0),
                    ),
                    ("count", l.rating_count.to_string()),
                ],
            )
        };
        Self {
            excerpt: l.excerpt.clone(),
            prices: card
                .rates
                .iter()
                .map(|r| CardPrice {
                    length: shell.t1("minutes-short", "count", &r.duration_minutes.to_string()),
                    price: shell.price(&r.price),
                    estimate: r
                        .estimate
                        .map(|e| shell.t1("expert-price-estimate", "price", &shell.price(&e))),
                })
                .collect(),
            languages: named_languages(&l.languages),
            next_free: l.next_available_at.map(|at| {
                let local = domain::schedule::zones::local(zone, at);
                shell.t_args(
                    "directory-next-free",
                    &[
                        ("when", shell.locale.date_time(local)),
                        ("zone", domain::schedule::zones::canonical_name(zone)),
                    ],
                )
            }),
            rating,
            verified: l.verified_at.is_some(),
            slug: l.slug,
            display_name: l.display_name,
            avatar_key: l.avatar_key,
            headline: l.headline,
        }
    }
}

/// The URL of the page after `cursor`, with the same filters.
fn next_url(params: &DirectoryParams, cursor: Option<String>) -> Option<String> {
    let cursor = cursor?;
    let mut next = params.clone();
    next.cursor = Some(cursor);
    serde_urlencoded::to_string(&next)
        .ok()
        .map(|q| format!("/experts?{q}"))
}

pub async fn list(
    State(state): State<AppState>,
    viewer: Option<axum::Extension<Viewer>>,
    shell: Shell,
    headers: HeaderMap,
    Query(mut params): Query<DirectoryParams>,
) -> Result<Response, AppError> {
    // Next free times read in the viewer's zone (a visitor's: UTC, said so).
    let zone = viewer
        .as_ref()
        .and_then(|v| domain::schedule::zones::named(&v.0.user.time_zone))
        .unwrap_or(jiff::tz::TimeZone::UTC);
    // Empty fields of a submitted form mean "no filter"; drop them so URLs stay short.
    for value in [
        &mut params.q,
        &mut params.specialty,
        &mut params.language,
        &mut params.min_price,
        &mut params.max_price,
        &mut params.currency,
        &mut params.min_rating,
        &mut params.available,
        &mut params.sort,
        &mut params.cursor,
        &mut params.limit,
    ] {
        if value.as_deref().is_some_and(|v| v.trim().is_empty()) {
            *value = None;
        }
    }
    let user = viewer.as_ref().map(|v| &v.0.user);
    let (cards, next, currency, errors, status) =
        match directory::search(&state.db, &state.directory, &state.rates, &params, user).await {
            Ok(results) => (
                results
                    .cards
                    .into_iter()
                    .map(|card| CardView::of(card, &shell, &zone))
                    .collect(),
                next_url(&params, results.next_cursor),
                results.currency.as_str().to_owned(),
                Vec::new(),
                StatusCode::OK,
            ),
            Err(app::experts::ExpertError::Invalid(fields)) => (
                Vec::new(),
                None,
                params.currency.clone().unwrap_or_default(),
                shown(&shell, &fields),
                StatusCode::UNPROCESSABLE_ENTITY,
            ),
            Err(e) => return Err(e.into()),
        };
    let htmx = headers.contains_key("hx-request") && !headers.contains_key("hx-boosted");
    if htmx {
        // Errors swap in too; htmx swaps 2xx only, so they come as 200 in the block.
        return Ok(render(
            ResultsBlock {
                shell: &shell,
                cards,
                next_url: next,
                errors,
            },
            StatusCode::OK,
        ));
    }
    let categories = taxonomy_view::categories(app::experts::taxonomy::all(&state.db).await?);
    Ok(render(
        DirectoryPage {
            shell: &shell,
            params,
            categories,
            cards,
            next_url: next,
            currency,
            errors,
        },
        status,
    ))
}

#[derive(Template)]
#[template(path = "experts/profile.html")]
struct ProfilePage<'a> {
    shell: &'a Shell,
    p: ProfileView,
    week: WeekView,
    /// The expert's account, for following their availability live.
    expert_id: uuid::Uuid,
    canonical: String,
    description: String,
    json_ld: String,
    avatar_url: Option<String>,
    /// The newest reviews and how ratings spread.
    reviews: crate::learning::ReviewsView,
}

/// A public profile as its page shows it, texts in the page's language.
struct ProfileView {
    slug: String,
    name: String,
    headline: String,
    /// Listed and bookable; anyone else who may see it (the expert, a verifier) sees a
    /// preview.
    bookable: bool,
    /// "Verified since 2026-12-04", once verified.
    verified: Option<String>,
    /// Rendered and sanitised when saved.
    bio_html: String,
    intro_video: Option<IntroVideo>,
    rates: Vec<RateView>,
    /// The expert's currency, which prices are set in.
    currency: String,
    rating_count: i32,
    specialties: Vec<SpecialtyView>,
    /// "EN, ES".
    /// The languages spoken, by their own names, each with its code for `lang`.
    languages: Vec<(String, String)>,
}

/// The expert's intro video: the link as given, and the privacy-enhanced player shown on
/// the page when the link is YouTube or Vimeo.
struct IntroVideo {
    link: String,
    embed: Option<domain::intro_video::Embed>,
}

/// A price for one session length.
struct RateView {
    minutes: i32,
    /// "60 minutes".
    duration: String,
    /// In the expert's currency.
    price: String,
    /// "About €37.00", when the viewer's currency differs and a rate is known.
    estimate: Option<String>,
}

impl ProfileView {
    fn of(p: PublicProfile, shell: &Shell) -> Self {
        let PublicProfile {
            expert,
            profile,
            specialties,
            rates,
            ..
        } = p;
        Self {
            bookable: profile.bookable(),
            verified: profile.verified_at.map(|at| {
                shell.t1(
                    "expert-verified-since",
                    "date",
                    &Shown::day(shell.locale, &at).text,
                )
            }),
            rates: rates
                .into_iter()
                .map(|r| RateView {
                    minutes: r.duration_minutes,
                    duration: shell.t1(
                        "expert-rate-duration",
                        "minutes",
                        &r.duration_minutes.to_string(),
                    ),
                    price: shell.price(&r.price),
                    estimate: r
                        .estimate
                        .map(|e| shell.t1("expert-price-estimate", "price", &shell.price(&e))),
                })
                .collect(),
            languages: named_languages(&profile.languages),
            specialties: specialties.into_iter().map(SpecialtyView::from).collect(),
            slug: profile.slug,
            name: expert.display_name,
            headline: profile.headline,
            bio_html: profile.bio_html,
            intro_video: profile.intro_video_url.map(|link| IntroVideo {
                embed: domain::intro_video::embed(&link),
                link,
            }),
            currency: profile.currency,
            rating_count: profile.rating_count,
        }
    }
}

impl ProfilePage<'_> {
    fn minutes_text(&self, minutes: &u16) -> String {
        self.shell
            .t1("availability-minutes", "minutes", &minutes.to_string())
    }

    fn chosen_duration(&self, minutes: &u16) -> bool {
        self.week.duration == Some(*minutes)
    }

    /// The price of the length the picker shows, so it stays in sight while choosing.
    fn chosen_rate(&self) -> Option<&RateView> {
        let minutes = i32::from(self.week.duration?);
        self.p.rates.iter().find(|r| r.minutes == minutes)
    }

    /// This profile's page for another week, keeping the zone and length.
    fn week_url(&self, week: &str) -> String {
        let duration = self
            .week
            .duration
            .map(|d| d.to_string())
            .unwrap_or_default();
        let query = serde_urlencoded::to_string([
            ("week", week),
            ("tz", self.week.zone.as_str()),
            ("duration", duration.as_str()),
        ])
        .unwrap_or_default();
        format!("/experts/{}?{query}#slots", self.p.slug)
    }

    /// "Aiko Suzuki's intro video (YouTube)": the player frame's accessible name.
    fn player_title(&self, provider: &str) -> String {
        self.shell.t_args(
            "expert-intro-video-player",
            &[
                ("name", self.p.name.clone()),
                ("provider", provider.to_owned()),
            ],
        )
    }

    fn any_estimate(&self) -> bool {
        self.p.rates.iter().any(|r| r.estimate.is_some())
    }
}

#[derive(serde::Deserialize)]
pub struct ProfileParams {
    #[serde(default)]
    currency: Option<String>,
    /// A review was just reported from this page (or the report was refused).
    #[serde(default)]
    reported: Option<String>,
    #[serde(default)]
    report_error: Option<String>,
    #[serde(flatten)]
    picker: PickerParams,
}

pub async fn profile(
    State(state): State<AppState>,
    Links(base): Links,
    viewer: Option<axum::Extension<Viewer>>,
    shell: Shell,
    Path(slug): Path<String>,
    Query(q): Query<ProfileParams>,
) -> Result<Response, AppError> {
    let user = viewer.as_ref().map(|v| &v.0.user);
    let asked = q.currency.as_deref().filter(|c| !c.trim().is_empty());
    let currency =
        directory::viewer_currency(asked, user).map_err(|e| AppError::fields(vec![e]))?;
    let p = directory::public_profile(&state.db, &state.rates, &slug, user, currency).await?;
    let canonical = format!("{base}/experts/{}", p.profile.slug);
    let description = if p.profile.headline.is_empty() {
        domain::markdown::plain_excerpt(&p.profile.bio, 155)
    } else {
        domain::markdown::plain_excerpt(&format!("{}. {}", p.profile.headline, p.profile.bio), 155)
    };
    let avatar_url = p
        .expert
        .avatar_key
        .as_ref()
        .map(|k| format!("/avatars/{k}"));
    let json_ld = json_ld(&p, &canonical, &base, &description, avatar_url.as_deref());
    let expert_id = p.profile.user_id;
    let week = slot_picker::week(&state, &shell, expert_id, &q.picker, user).await?;
    let slug = p.profile.slug.clone();
    let reviews = crate::learning::reviews_view(
        &state,
        &shell,
        &slug,
        user,
        format!("/experts/{slug}"),
        (q.reported.is_some(), q.report_error.is_some()),
    )
    .await?;
    let p = ProfileView::of(p, &shell);
    // Only a profile with a player opens `frame-src`, and only to that player's origin.
    let frame_origin = p
        .intro_video
        .as_ref()
        .and_then(|v| v.embed.as_ref())
        .map(|e| e.origin);
    let mut response = render(
        ProfilePage {
            shell: &shell,
            expert_id,
            p,
            week,
            canonical,
            description,
            json_ld,
            avatar_url,
            reviews,
        },
        StatusCode::OK,
    );
    if let Some(origin) = frame_origin {
        let policy = crate::middleware::security_headers::CONTENT_SECURITY_POLICY.replace(
            "default-src 'self';",
            &format!("default-src 'self'; frame-src {origin};"),
        );
        if let Ok(value) = HeaderValue::from_str(&policy) {
            response
                .headers_mut()
                .insert(header::CONTENT_SECURITY_POLICY, value);
        }
    }
    Ok(response)
}

/// Languages by their own names ("Español"), each with its code for `lang`; a code
/// without a name here is shown as the code.
fn named_languages(codes: &[String]) -> Vec<(String, String)> {
    codes
        .iter()
        .map(|code| {
            let name =
                domain::language::name(code).map_or_else(|| code.to_uppercase(), str::to_owned);
            (name, code.clone())
        })
        .collect()
}

/// schema.org `Person` with the offers, for search engines. `<` is escaped so the JSON can
/// never close its script element.
fn json_ld(
    p: &PublicProfile,
    canonical: &str,
    base: &str,
    description: &str,
    avatar: Option<&str>,
) -> String {
    let value = json!({
        "@context": "https://schema.org",
        "@type": "Person",
        "name": p.expert.display_name,
        "url": canonical,
        "description": description,
        "jobTitle": p.profile.headline,
        "image": avatar.map(|a| format!("{base}{a}")),
        "knowsLanguage": p.profile.languages,
        "knowsAbout": p.specialties.iter().map(|s| s.name.clone()).collect::<Vec<_>>(),
        "makesOffer": p.rates.iter().map(|r| json!({
            "@type": "Offer",
            "name": format!("{} min session", r.duration_minutes),
            "price": r.price.major_text(),
            "priceCurrency": r.price.currency.as_str(),
        })).collect::<Vec<_>>(),
    });
    value.to_string().replace('<', "\\u003c")
}
