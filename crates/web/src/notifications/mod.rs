//! The notification centre (`/notifications`), its settings, and one-click unsubscribe;
//! in the API, the same under `/api/v1/notifications`.

mod api;
mod pages;
mod unsubscribe;

use axum::routing::{get, post};
use utoipa_axum::routes;

use crate::ErrorCode::*;
use crate::access::Access::{Public, SignedIn};
use crate::access::Routes;

pub(crate) fn routes() -> Routes {
    Routes::new("")
        .get("/notifications", SignedIn, get(pages::centre))
        .post("/notifications/read", SignedIn, post(pages::mark_read))
        .post(
            "/notifications/read-all",
            SignedIn,
            post(pages::mark_all_read),
        )
        .get("/notifications/settings", SignedIn, get(pages::settings))
        .post(
            "/notifications/settings",
            SignedIn,
            post(pages::save_settings),
        )
        // The token in the link is the authority: no session needed.
        .get("/notifications/unsubscribe", Public, get(unsubscribe::page))
        .post(
            "/notifications/unsubscribe",
            Public,
            post(unsubscribe::confirm),
        )
}

pub(crate) fn api_routes() -> Routes {
    Routes::new(crate::api::PREFIX)
        .documented(SignedIn, routes!(api::list), &[])
        .documented(SignedIn, routes!(api::read_one), &[NotFound])
        .documented(SignedIn, routes!(api::read_all), &[])
        .documented(SignedIn, routes!(api::preferences), &[])
        .documented(SignedIn, routes!(api::set_preferences), &[ValidationFailed])
        .documented(Public, routes!(api::one_click_unsubscribe), &[NotFound])
}
