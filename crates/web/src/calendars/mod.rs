//! An expert's outside calendars (`/calendars`): connecting a CalDAV account or an ICS
//! feed, choosing which calendars block time and which one receives sessions, and each
//! connection's health (last and next read, the error in plain words, reconnect).

mod pages;
mod push;
mod sign_in;

use axum::routing::{get, post};
use utoipa_axum::routes;

use crate::access::Access::{Public, SignedIn};
use crate::access::Routes;
use crate::error::ErrorCode::{MalformedJson, NotFound};

pub(crate) fn routes() -> Routes {
    Routes::new("")
        .get("/calendars", SignedIn, get(pages::show))
        .post("/calendars/caldav", SignedIn, post(pages::connect_caldav))
        .post("/calendars/feed", SignedIn, post(pages::connect_feed))
        .post("/calendars/{provider}", SignedIn, post(sign_in::start))
        .get("/calendars/oauth/{provider}", SignedIn, get(sign_in::back))
        .post("/calendars/{id}/choose", SignedIn, post(pages::choose))
        .post(
            "/calendars/{id}/reconnect",
            SignedIn,
            post(pages::reconnect),
        )
        .post(
            "/calendars/{id}/disconnect",
            SignedIn,
            post(pages::disconnect),
        )
}

/// Where Google and Microsoft tell of changes to connected calendars.
pub(crate) fn api_routes() -> Routes {
    Routes::new(crate::api::PREFIX)
        .documented(Public, routes!(push::google), &[NotFound])
        .documented(Public, routes!(push::microsoft), &[MalformedJson, NotFound])
}
