//! Experts: the public directory and profiles, applying to teach (with documents), and
//! payouts onboarding; in the API, the same plus Stripe's webhook deliveries.

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use utoipa_axum::routes;

use crate::ErrorCode::*;

use crate::access::Access::{Public, SignedIn};
use crate::access::Routes;
use crate::middleware::body_limit;

pub mod api;
pub mod api_bodies;
mod apply;
mod directory;
pub(crate) mod document_view;
mod earnings;
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
        .get("/experts/earnings", SignedIn, get(earnings::page))
        .get("/experts/earnings.csv", SignedIn, get(earnings::csv))
        .post(
            "/experts/payouts/sandbox",
            SignedIn,
            post(apply::sandbox_complete),
        )
        .get("/experts/{slug}", Public, get(directory::profile))
}

/// The experts API.
pub(crate) fn api_routes() -> Routes {
    let (schemas, paths, upload) = routes!(api::upload_document);
    let upload = (
        schemas,
        paths,
        upload.layer(DefaultBodyLimit::max(body_limit::DOCUMENT_LIMIT_BYTES)),
    );
    // Editing an application: only a verified account, only while it is editable.
    let edit = &[ValidationFailed, EmailUnverified, ApplicationState];
    Routes::new(crate::api::PREFIX)
        .documented(Public, routes!(api::specialties), &[])
        .documented(Public, routes!(api::list), &[ValidationFailed])
        .documented(SignedIn, routes!(api::own), &[NotFound])
        .documented(
            SignedIn,
            routes!(api::create),
            &[ValidationFailed, EmailUnverified, ApplicationExists],
        )
        .documented(
            SignedIn,
            routes!(api::update),
            &[[NotFound].as_slice(), edit].concat(),
        )
        .documented(
            SignedIn,
            routes!(api::submit),
            &[
                NotFound,
                ValidationFailed,
                EmailUnverified,
                ApplicationState,
            ],
        )
        .documented(
            SignedIn,
            upload,
            &[[BadRequest, NotFound, RateLimited].as_slice(), edit].concat(),
        )
        .documented(
            SignedIn,
            routes!(api::delete_document),
            &[NotFound, ApplicationState],
        )
        .documented(SignedIn, routes!(api::download_document), &[NotFound])
        .documented(
            SignedIn,
            routes!(api::payout_status),
            &[NotFound, ApplicationState, PaymentProviderUnavailable],
        )
        .documented(
            SignedIn,
            routes!(api::start_onboarding),
            &[NotFound, ApplicationState, PaymentProviderUnavailable],
        )
        .documented(SignedIn, routes!(earnings::api), &[NotFound])
        .documented(Public, routes!(api::show), &[NotFound, ValidationFailed])
        .documented(
            Public,
            routes!(webhooks::stripe),
            &[NotFound, WebhookInvalid],
        )
}
