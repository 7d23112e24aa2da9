//! Reviews on pages: the learner's form and the expert's reply on the booking page,
//! "helpful" and "report" on profiles, and the list of an expert's reviews (on their
//! profile, and page by page at `/experts/{slug}/reviews`).

use app::learning::LearningError;
use app::learning::reviews::{self, ReviewInput};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use domain::learning::Stars;
use serde::Deserialize;
use store::learning::reviews::Order;
use store::users::User;
use uuid::Uuid;

use super::panels::Attempt;
use crate::bookings::pages::booking_page;
use crate::middleware::viewer::{SignedIn, Viewer};
use crate::pages::render;
use crate::pages::shell::Shell;
use crate::pages::shown_error::shown;
use crate::pages::shown_instant::Shown;
use crate::{AppError, AppState, Links};

#[derive(Deserialize)]
pub struct ReviewForm {
    #[serde(default)]
    rating: String,
    #[serde(default)]
    clarity: String,
    #[serde(default)]
    preparation: String,
    #[serde(default)]
    punctuality: String,
    #[serde(default)]
    body: String,
}

/// A number a form sent, or `None` when left empty; what is not a number becomes 0,
/// which no rating accepts (so it is reported, not ignored).
fn number(text: &str) -> Option<i64> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.parse().unwrap_or(0))
}

/// `POST /bookings/{id}/review`: the learner writes their review, or changes it.
pub async fn save(
    State(state): State<AppState>,
    Links(base): Links,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Path(id): Path<Uuid>,
    Form(form): Form<ReviewForm>,
) -> Result<Response, AppError> {
    let input = ReviewInput {
        rating: number(&form.rating).unwrap_or(0),
        clarity: number(&form.clarity),
        preparation: number(&form.preparation),
        punctuality: number(&form.punctuality),
        body: form.body,
    };
    let notifier = state.booking_deps(&base).notifier();
    match reviews::save(&notifier, &viewer.user, id, &input, state.clock().now()).await {
        Ok(_) => Ok(crate::redirect::to(&format!("/bookings/{id}#review"))),
        Err(LearningError::Invalid(fields)) => {
            let errors = shown(&shell, &fields);
            let attempt = Some(Attempt::Review(input, errors));
            booking_page(&state, &viewer.user, &shell, id, None, attempt, None).await
        }
        // The rules changed under the form (48 hours passed, the review was written in
        // another tab): the page says why, and gives the words back to copy.
        Err(e) => match refusal_message(&e) {
            Some(message_id) => {
                let attempt = Some(Attempt::Refused(input.body, shell.t(message_id)));
                booking_page(&state, &viewer.user, &shell, id, None, attempt, None).await
            }
            None => Err(e.into()),
        },
    }
}

/// The words of a review refusal the booking page explains in place.
fn refusal_message(err: &LearningError) -> Option<&'static str> {
    match err {
        LearningError::NotCompleted => Some("error-session-not-completed-detail"),
        LearningError::ReviewWindowClosed => Some("error-review-window-closed-detail"),
        LearningError::ReviewExists => Some("error-review-exists-detail"),
        LearningError::ReviewEditClosed => Some("error-review-edit-closed-detail"),
        LearningError::ReplyExists => Some("error-reply-exists-detail"),
        _ => None,
    }
}

#[derive(Deserialize)]
pub struct ReplyForm {
    #[serde(default)]
    reply: String,
}

/// `POST /bookings/{id}/review/reply`: the expert answers the review, once.
pub async fn reply(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Path(id): Path<Uuid>,
    Form(form): Form<ReplyForm>,
) -> Result<Response, AppError> {
    match reviews::reply(
        &state.db,
        &viewer.user,
        id,
        &form.reply,
        state.clock().now(),
    )
    .await
    {
        Ok(_) => Ok(crate::redirect::to(&format!("/bookings/{id}#review"))),
        Err(LearningError::Invalid(fields)) => {
            let errors = shown(&shell, &fields);
            let attempt = Some(Attempt::Reply(form.reply, errors));
            booking_page(&state, &viewer.user, &shell, id, None, attempt, None).await
        }
        Err(e) => match refusal_message(&e) {
            Some(message_id) => {
                let attempt = Some(Attempt::Refused(form.reply, shell.t(message_id)));
                booking_page(&state, &viewer.user, &shell, id, None, attempt, None).await
            }
            None => Err(e.into()),
        },
    }
}

#[derive(Deserialize)]
pub struct MarkForm {
    /// The page to return to: a profile or its reviews page.
    #[serde(default)]
    back: String,
    /// The list's order and page there.
    #[serde(default)]
    order: String,
    #[serde(default)]
    page: u64,
    #[serde(default)]
    reason: String,
}

/// Where to go after marking a review: back to the expert's page it was marked on (in the
/// same order and page), never anywhere else.
fn back_to(form: &MarkForm, booking: Uuid, note: &str) -> String {
    let path = form.back.split(['?', '#']).next().unwrap_or("");
    let safe = path.starts_with("/experts/")
        && !path.contains("//")
        && path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '_'));
    let path = if safe { path } else { "/experts" };
    let order = if form.order == "helpful" {
        "helpful"
    } else {
        "newest"
    };
    let page = form.page.min(1000);
    format!("{path}?order={order}&page={page}&{note}#review-{booking}")
}

/// `POST /reviews/{booking}/helpful`.
pub async fn helpful(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(booking): Path<Uuid>,
    Form(form): Form<MarkForm>,
) -> Result<Response, AppError> {
    reviews::mark_helpful(&state.db, &viewer.user, booking, state.clock().now()).await?;
    Ok(crate::redirect::to(&back_to(&form, booking, "marked=1")))
}

/// `POST /reviews/{booking}/report`.
pub async fn report(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(booking): Path<Uuid>,
    Form(form): Form<MarkForm>,
) -> Result<Response, AppError> {
    let now = state.clock().now();
    let note = match reviews::report(&state.db, &viewer.user, booking, &form.reason, now).await {
        Ok(_) => "reported=1",
        // Only a blank or overlong reason gets here (the form asks for one): the list
        // says so above the reviews.
        Err(LearningError::Invalid(_)) => "report_error=1",
        Err(e) => return Err(e.into()),
    };
    Ok(crate::redirect::to(&back_to(&form, booking, note)))
}

/// One review in a list.
pub(crate) struct ReviewItem {
    pub booking_id: Uuid,
    pub learner_name: String,
    pub rating: i32,
    pub aspects: Vec<(String, i32)>,
    pub body: String,
    pub at: Shown,
    pub edited: bool,
    pub reply: Option<String>,
    pub helpful_count: i32,
    pub marked: bool,
    /// The viewer may mark it helpful: neither its author nor the expert it is about.
    pub may_mark: bool,
    /// The viewer may report it: anyone signed in but its author (the expert may).
    pub may_report: bool,
}

/// One bar of the rating's spread.
pub(crate) struct Bar {
    /// "5 stars: 80%".
    pub label: String,
    pub stars: u8,
    pub count: i64,
    pub percent: i64,
}

/// An expert's reviews as a profile (or the reviews page) shows them.
pub(crate) struct ReviewsView {
    pub slug: String,
    pub expert_name: String,
    /// "4.5"; empty without reviews.
    pub average: String,
    pub count: i64,
    pub bars: Vec<Bar>,
    pub items: Vec<ReviewItem>,
    /// `newest` or `helpful`.
    pub order: &'static str,
    pub signed_in: bool,
    pub next_page: Option<u64>,
    /// This page's number, for marks to return to.
    pub page: u64,
    /// The page the list is on, for marks to return to.
    pub back: String,
    /// A report was just sent.
    pub reported: bool,
    /// A report was just refused: it needs a reason.
    pub report_error: bool,
}

impl ReviewsView {
    /// The first page of this list in another order.
    pub fn order_url(&self, order: &str) -> String {
        format!("/experts/{}/reviews?order={order}&page=0", self.slug)
    }

    /// The next page in this order, if there is one.
    pub fn next_url(&self) -> Option<String> {
        self.next_page.map(|page| {
            format!(
                "/experts/{}/reviews?order={}&page={page}",
                self.slug, self.order
            )
        })
    }
}

/// Which reviews a list shows, and where its marks return to.
pub(crate) struct Listing<'a> {
    /// The expert's slug (or id).
    pub slug: &'a str,
    /// `newest` or `helpful`.
    pub order: &'a str,
    /// From 0.
    pub page: u64,
    /// The page the list is on.
    pub back: String,
    /// A report was just sent from it.
    pub reported: bool,
    /// A report was just refused (no reason given).
    pub report_error: bool,
}

/// The reviews `listing` names, as `viewer` sees them.
pub(crate) async fn view(
    state: &AppState,
    shell: &Shell,
    listing: Listing<'_>,
    viewer: Option<&User>,
) -> Result<ReviewsView, AppError> {
    let Listing {
        slug,
        order,
        page,
        back,
        reported,
        report_error,
    } = listing;
    let order_key = super::api::order(Some(order))?;
    let (expert_id, expert_name, found) =
        reviews::of_profile(&state.db, slug, order_key, page, viewer).await?;
    let summary = found.summary;
    let bars = (1..=5u8)
        .rev()
        .filter_map(|n| Stars::new(i64::from(n)))
        .map(|stars| Bar {
            label: shell.t_args(
                "reviews-share",
                &[
                    ("stars", stars.get().to_string()),
                    ("percent", summary.percent(stars).to_string()),
                ],
            ),
            stars: stars.get(),
            count: summary.by_stars[usize::from(stars.get() - 1)],
            percent: summary.percent(stars),
        })
        .collect();
    let items = found
        .reviews
        .into_iter()
        .map(|s| {
            let aspect = |id: &str, v: Option<i32>| v.map(|v| (shell.t(id), v));
            ReviewItem {
                booking_id: s.row.booking_id,
                learner_name: s.learner_name,
                rating: s.row.rating,
                aspects: [
                    aspect("review-clarity", s.row.clarity),
                    aspect("review-preparation", s.row.preparation),
                    aspect("review-punctuality", s.row.punctuality),
                ]
                .into_iter()
                .flatten()
                .collect(),
                body: s.row.body,
                at: Shown::day(
                    shell.locale,
                    &jiff::Timestamp::from_second(s.row.created_at)
                        .unwrap_or(jiff::Timestamp::UNIX_EPOCH),
                ),
                edited: s.row.edited_at.is_some(),
                reply: s.row.reply,
                helpful_count: s.row.helpful_count,
                marked: s.marked_helpful,
                // Its author and the expert it is about may not push it up; the expert
                // may report it.
                may_mark: viewer.is_some_and(|v| v.id != s.row.learner_id && v.id != expert_id),
                may_report: viewer.is_some_and(|v| v.id != s.row.learner_id),
            }
        })
        .collect();
    let count = summary.count();
    Ok(ReviewsView {
        slug: slug.to_owned(),
        expert_name,
        average: if count == 0 {
            String::new()
        } else {
            format!("{:.1}", summary.average_centi() as f64 / 100.0)
        },
        count,
        bars,
        items,
        order: if order_key == Order::MostHelpful {
            "helpful"
        } else {
            "newest"
        },
        signed_in: viewer.is_some(),
        next_page: found.more.then_some(page + 1),
        page,
        back,
        reported,
        report_error,
    })
}

#[derive(Template)]
#[template(path = "learning/reviews_page.html")]
struct ReviewsPage<'a> {
    shell: &'a Shell,
    reviews: ReviewsView,
}

#[derive(Deserialize)]
pub struct ReviewsQuery {
    #[serde(default)]
    order: Option<String>,
    #[serde(default)]
    page: Option<u64>,
    #[serde(default)]
    reported: Option<String>,
    #[serde(default)]
    report_error: Option<String>,
}

/// `GET /experts/{slug}/reviews?order=&page=`: every review, page by page.
pub async fn more(
    State(state): State<AppState>,
    viewer: Option<axum::Extension<Viewer>>,
    shell: Shell,
    Path(slug): Path<String>,
    Query(q): Query<ReviewsQuery>,
) -> Result<Response, AppError> {
    let user = viewer.as_ref().map(|v| &v.0.user);
    let page = q.page.unwrap_or(0).min(1000);
    let order = q.order.as_deref().unwrap_or("newest");
    let back = format!("/experts/{slug}/reviews");
    let listing = Listing {
        slug: &slug,
        order,
        page,
        back,
        reported: q.reported.is_some(),
        report_error: q.report_error.is_some(),
    };
    let reviews = view(&state, &shell, listing, user).await?;
    Ok(render(
        ReviewsPage {
            shell: &shell,
            reviews,
        },
        StatusCode::OK,
    ))
}
