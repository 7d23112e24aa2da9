//! An expert's outside calendars (`/calendars`): connecting a CalDAV account or an ICS
//! feed, choosing which calendars block time and which one receives sessions, and each
//! connection's health (last and next read, the error in plain words, reconnect).

mod pages;

use axum::routing::{get, post};

use crate::access::Access::SignedIn;
use crate::access::Routes;

pub(crate) fn routes() -> Routes {
    Routes::new("")
        .get("/calendars", SignedIn, get(pages::show))
        .post("/calendars/caldav", SignedIn, post(pages::connect_caldav))
        .post("/calendars/feed", SignedIn, post(pages::connect_feed))
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
