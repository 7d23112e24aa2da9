//! The learning record: reviews (the booking page's form, the expert's reply, helpful
//! votes and reports on profiles, operators' moderation), a session's notes, resources and
//! chat, the learner's goals and timeline, and the recommendation question; in the API,
//! the same.

mod api;
mod api_goals;
mod errors;
mod goals;
mod moderation;
mod notes;
mod nps;
pub(crate) mod panels;
mod reviews;

pub(crate) use reviews::ReviewsView;

/// The newest reviews of the expert `slug` with the rating's spread, for their profile.
pub(crate) async fn reviews_view(
    state: &crate::AppState,
    shell: &crate::pages::shell::Shell,
    slug: &str,
    viewer: Option<&store::users::User>,
    back: String,
    (reported, report_error): (bool, bool),
) -> Result<ReviewsView, crate::AppError> {
    let listing = reviews::Listing {
        slug,
        order: "newest",
        page: 0,
        back,
        reported,
        report_error,
    };
    reviews::view(state, shell, listing, viewer).await
}

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use domain::Permission::{PaymentsRefund, ReviewsModerate};
use utoipa_axum::routes;

use crate::ErrorCode::*;
use crate::access::Access::{Permission as Needs, Public, SignedIn};
use crate::access::Routes;
use crate::middleware::body_limit;

pub(crate) fn routes() -> Routes {
    Routes::new("")
        .post("/bookings/{id}/review", SignedIn, post(reviews::save))
        .post(
            "/bookings/{id}/review/reply",
            SignedIn,
            post(reviews::reply),
        )
        .post(
            "/reviews/{booking}/helpful",
            SignedIn,
            post(reviews::helpful),
        )
        .post("/reviews/{booking}/report", SignedIn, post(reviews::report))
        .get("/bookings/{id}/notes", SignedIn, get(notes::show))
        .post("/bookings/{id}/notes", SignedIn, post(notes::save_shared))
        .post(
            "/bookings/{id}/notes/private",
            SignedIn,
            post(notes::save_private),
        )
        .post(
            "/bookings/{id}/resources/link",
            SignedIn,
            post(notes::add_link),
        )
        .post(
            "/bookings/{id}/resources/file",
            SignedIn,
            post(notes::add_file).layer(DefaultBodyLimit::max(body_limit::DOCUMENT_LIMIT_BYTES)),
        )
        .get(
            "/bookings/{id}/resources/{resource}",
            SignedIn,
            get(notes::download),
        )
        .post(
            "/bookings/{id}/resources/{resource}/remove",
            SignedIn,
            post(notes::remove),
        )
        .post("/bookings/{id}/goals", SignedIn, post(goals::link))
        .get("/goals", SignedIn, get(goals::show))
        .post("/goals", SignedIn, post(goals::create))
        .post("/goals/{id}", SignedIn, post(goals::update))
        .post("/nps", SignedIn, post(nps::answer))
        .get(
            "/admin/reviews",
            Needs(ReviewsModerate),
            get(moderation::show),
        )
        .post(
            "/admin/reviews/{booking}",
            Needs(ReviewsModerate),
            post(moderation::decide),
        )
        .get("/admin/kpis", Needs(PaymentsRefund), get(moderation::kpis))
        .get("/experts/{slug}/reviews", Public, get(reviews::more))
}

pub(crate) fn api_routes() -> Routes {
    Routes::new(crate::api::PREFIX)
        .documented(
            Public,
            routes!(api::expert_reviews),
            &[NotFound, ValidationFailed],
        )
        .documented(
            SignedIn,
            routes!(api::session_review, api::create_review, api::edit_review),
            &[
                NotFound,
                Forbidden,
                ValidationFailed,
                SessionNotCompleted,
                ReviewWindowClosed,
                ReviewExists,
                ReviewEditClosed,
            ],
        )
        .documented(
            SignedIn,
            routes!(api::reply),
            &[NotFound, Forbidden, ValidationFailed, ReplyExists],
        )
        .documented(SignedIn, routes!(api::helpful), &[NotFound, Forbidden])
        .documented(
            SignedIn,
            routes!(api::report),
            &[NotFound, ValidationFailed],
        )
        .documented(
            Needs(ReviewsModerate),
            routes!(api::moderate),
            &[NotFound, ValidationFailed],
        )
        .documented(
            SignedIn,
            routes!(api::notes, api::save_notes),
            &[NotFound, ValidationFailed, NotesConflict],
        )
        .documented(
            SignedIn,
            routes!(api::private_notes, api::save_private_notes),
            &[NotFound, ValidationFailed],
        )
        .documented(
            SignedIn,
            routes!(api::resources, api::add_link),
            &[NotFound, ValidationFailed],
        )
        .documented(
            SignedIn,
            routes!(api::remove_resource, api::download),
            &[NotFound, Forbidden],
        )
        .documented(
            SignedIn,
            routes!(api_goals::list, api_goals::create),
            &[ValidationFailed],
        )
        .documented(
            SignedIn,
            routes!(api_goals::update),
            &[NotFound, ValidationFailed],
        )
        .documented(SignedIn, routes!(api_goals::session_goals), &[NotFound])
        .documented(
            SignedIn,
            routes!(api_goals::link, api_goals::unlink),
            &[NotFound, Forbidden],
        )
        .documented(SignedIn, routes!(api_goals::timeline), &[])
        .documented(
            SignedIn,
            routes!(api_goals::nps_due, api_goals::nps_answer),
            &[ValidationFailed, NpsNotDue],
        )
        .documented(
            Needs(PaymentsRefund),
            routes!(api_goals::nps_figures),
            &[ValidationFailed],
        )
}
