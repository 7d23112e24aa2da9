//! Experts: the public directory and profiles, applying to teach (with documents), and
//! payouts onboarding; in the API, the same plus Stripe's webhook deliveries.

use axum::extract::DefaultBodyLimit;
use axum::routing::{delete, get, patch, post};

use crate::access::Access::{Public, SignedIn};
use crate::access::Routes;
use crate::middleware::body_limit;

pub mod api;
mod apply;
mod directory;
pub(crate) mod document_view;
pub(crate) mod taxonomy_view;
mod webhooks;

/// The directory, profiles, the application and payouts pages.
pub(crate) fn routes() -> Routes {
    Routes::new("")
        .get("/experts", Public, get(directory::list))
        .get("/experts/apply", SignedIn, get(apply::show))
        .post("/experts/apply", SignedIn, post(apply::save))
        .post("/experts/apply/submit", SignedIn, post(apply::submit))
        .post(
            "/experts/apply/documents",
            SignedIn,
            post(apply::upload_document)
                .layer(DefaultBodyLimit::max(body_limit::DOCUMENT_LIMIT_BYTES)),
        )
        .post(
            "/experts/apply/documents/{id}/remove",
            SignedIn,
            post(apply::remove_document),
        )
        .get(
            "/experts/documents/{id}",
            SignedIn,
            get(apply::download_document),
        )
        .post(
            "/experts/payouts/start",
            SignedIn,
            post(apply::start_payouts),
        )
        // Stripe sends the expert back here with a GET when an onboarding link expired.
        .get(
            "/experts/payouts/refresh",
            SignedIn,
            get(apply::start_payouts),
        )
        .get(
            "/experts/payouts/return",
            SignedIn,
            get(apply::payouts_return),
        )
        .get("/experts/payouts/sandbox", SignedIn, get(apply::sandbox))
        .post(
            "/experts/payouts/sandbox",
            SignedIn,
            post(apply::sandbox_complete),
        )
        .get("/experts/{slug}", Public, get(directory::profile))
}

/// The experts API.
pub(crate) fn api_routes() -> Routes {
    Routes::new(crate::api::PREFIX)
        .get("/specialties", Public, get(api::specialties))
        .get("/experts", Public, get(api::list))
        .get("/experts/application", SignedIn, get(api::own))
        .post("/experts/application", SignedIn, post(api::create))
        .patch("/experts/application", SignedIn, patch(api::update))
        .post("/experts/application/submit", SignedIn, post(api::submit))
        .post(
            "/experts/application/documents",
            SignedIn,
            post(api::upload_document)
                .layer(DefaultBodyLimit::max(body_limit::DOCUMENT_LIMIT_BYTES)),
        )
        .delete(
            "/experts/application/documents/{id}",
            SignedIn,
            delete(api::delete_document),
        )
        .get(
            "/experts/documents/{id}",
            SignedIn,
            get(api::download_document),
        )
        .get("/experts/me/payouts", SignedIn, get(api::payout_status))
        .post(
            "/experts/me/payouts/onboarding",
            SignedIn,
            post(api::start_onboarding),
        )
        .get("/experts/{id}", Public, get(api::show))
        .post("/webhooks/stripe", Public, post(webhooks::stripe))
}
